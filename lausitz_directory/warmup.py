"""
What a worker would otherwise prepare during its first request: the URLconf with its views,
the reverse lookups of each language, the compiled templates and the translations. gunicorn
runs this in its master before it forks the workers (gunicorn.conf.py), so they start with
it and share its memory. It needs no database.
"""

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation


def templates():
    """The names of the project's own templates, as views and includes name them."""
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(directory.rglob("*.html")):
            yield path.relative_to(directory).as_posix()


def warm():
    resolver = get_resolver()
    for language, _name in settings.LANGUAGES:
        # The reverse lookups are built per active language, its catalogue loaded with it.
        with translation.override(language):
            resolver.reverse_dict  # noqa: B018 (built on first access)
    for name in templates():
        get_template(name)
