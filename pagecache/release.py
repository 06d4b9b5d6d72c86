"""
The release token: which code, templates, translations and static files rendered a page.

It is part of every page cache key and ETag, so a deploy never serves HTML of the code before
it. It is a hash of file contents, not of a start time or a process id, so every worker and
every app server running the same release computes the same token and the same ETags.
"""

import functools
import hashlib
import importlib
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage

# What decides the HTML: code, templates, message catalogues (.po, the committed source of
# the compiled .mo files) and the texts of plain-text templates such as robots.txt.
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".po"}


def source_files():
    base = Path(settings.BASE_DIR).resolve()
    environment = Path(sys.prefix).resolve()
    roots = [Path(config.path) for config in apps.get_app_configs()]
    # The project package (settings, URLs, home view), which is no app.
    roots.append(Path(importlib.import_module(settings.ROOT_URLCONF).__file__).parent)
    roots += [Path(directory) for engine in settings.TEMPLATES for directory in engine["DIRS"]]
    roots += [Path(directory) for directory in settings.LOCALE_PATHS]
    files = set()
    for root in roots:
        root = root.resolve()
        # Installed libraries, even in a venv inside the project, change with
        # pyproject.toml, which pins them.
        if not root.is_relative_to(base) or root == base or root.is_relative_to(environment):
            continue
        files.update(path for path in root.rglob("*") if path.suffix in SOURCE_SUFFIXES)
    files.add(base / "pyproject.toml")
    return base, sorted(files)


def static_manifest():
    """The hashed names of the static files, as collectstatic wrote them (b"" without it)."""
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest is None or not staticfiles_storage.exists(manifest):
        return b""
    with staticfiles_storage.open(manifest) as file:
        return file.read()


@functools.cache
def release_token():
    """Computed once per process, on the first request, after collectstatic has run."""
    digest = hashlib.sha256(static_manifest())
    base, files = source_files()
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
