"""
The apps depend on each other in one direction only: `editorial` is the core that content apps
build on, `contacts` builds on `organisations`, and what needs both lives in an app of its own.
Every import counts, also one inside a function, in a migration or in a management command.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

pytestmark = pytest.mark.db_agnostic

BASE_DIR = Path(settings.BASE_DIR)
CONTENT_APPS = {"organisations", "contacts", "opendata", "legal"}


def project_apps():
    """The installed apps whose code is this project's own, by package name."""
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(BASE_DIR) and ".venv" not in Path(config.path).parts
    }


def imported_modules(package):
    """Every module the package's files import, absolute or relative, wherever the import is."""
    for path in (BASE_DIR / package).rglob("*.py"):
        module_parts = [package, *path.relative_to(BASE_DIR / package).with_suffix("").parts]
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module_parts[: len(module_parts) - node.level]
                    yield ".".join([*base, node.module] if node.module else base)
                else:
                    yield node.module


def app_dependencies():
    """Each project app and the other project apps it imports."""
    names = project_apps()
    return {
        app: {module.split(".")[0] for module in imported_modules(app)} & (names - {app})
        for app in names
    }


def circles(graph):
    """The cycles of the dependency graph, each as the path that closes it."""
    found = []

    def visit(app, path):
        for dependency in sorted(graph[app]):
            if dependency in path:
                found.append([*path[path.index(dependency) :], dependency])
            elif dependency not in done:
                visit(dependency, [*path, dependency])
        done.add(app)

    done = set()
    for app in sorted(graph):
        if app not in done:
            visit(app, [app])
    return found


def test_the_import_walk_sees_the_known_dependencies():
    # The walk itself must work, or the rules below would pass on nothing.
    dependencies = app_dependencies()
    assert "organisations" in dependencies["contacts"]
    assert "editorial" in dependencies["organisations"]


def test_no_app_imports_an_app_that_imports_it_back():
    assert circles(app_dependencies()) == []


def test_the_editorial_core_imports_no_other_app_of_the_project():
    assert app_dependencies()["editorial"] == set()


def test_organisations_never_imports_contacts():
    assert not any(module.startswith("contacts") for module in imported_modules("organisations"))


def test_seo_imports_no_content_app():
    assert app_dependencies()["seo"] & CONTENT_APPS == set()
