"""
When the database cannot be reached, visitors get a short page with 503 and Retry-After.

Django turns an exception that escapes a view or a middleware into a response right where it
is raised, so a middleware further out (around the page cache, whose content stamp is the
first query of a request) would only ever see the finished 500. The error handler is the one
place every such exception passes through: it is `handler500` in urls.py.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .errors import server_error as page_server_error

# psycopg's and sqlite3's errors for a server that is down, restarting, refusing
# connections or too busy reach Django code wrapped as these two.
DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request):
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE_ERRORS):
        return database_unavailable(request)
    return page_server_error(request)


def database_unavailable(request):
    # The error may come before LocaleMiddleware has chosen the language from the address.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        # 503.html and the context processors touch no database.
        response = render(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
