"""
What every worker would otherwise prepare during its first requests: the URLconf with its
views, the reverse lookups of each language, the compiled templates, the translations and
the list's entry index (organisations/entry_index.py, about a second and a half at 100,000
entries). gunicorn runs this in its master before it forks the workers (gunicorn.conf.py),
so that they start with it and share its memory, and the index is built once, not by every
worker at the same time.
"""

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

from organisations import entry_index


def templates():
    """The names of the project's own templates, as views and includes name them."""
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(directory.rglob("*.html")):
            yield path.relative_to(directory).as_posix()


def load_code():
    resolver = get_resolver()
    for language, _name in settings.LANGUAGES:
        # The reverse lookups are built per active language, its catalogue loaded with it.
        with translation.override(language):
            resolver.reverse_dict  # noqa: B018 (built on first access)
    for name in templates():
        get_template(name)


def warm():
    load_code()
    entry_index.warm()
    # Each worker opens its own connection: one inherited from the master would be shared.
    connections.close_all()
