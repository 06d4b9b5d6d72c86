"""
A `Server-Timing` header on visitors' pages, so that browsers' developer tools show what a page
cost: the database (time and queries, through Django's documented execute_wrapper hook), the
page cache (hit or miss, and the lookup's time) and the whole application.

Only what the page cache answers for visitors gets the header: it is the same for everyone.
The admin and editors' pages do not (the admin's login could otherwise time a password check).
SERVER_TIMING (DJANGO_SERVER_TIMING=0) turns it off.
"""

import contextlib
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections


class Measures:
    """What one request cost so far."""

    def __init__(self):
        self.queries = 0
        self.database_seconds = 0.0
        self.cache = None  # (description, seconds or None), noted by the page cache

    def time_query(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.database_seconds += time.perf_counter() - started
            self.queries += 1

    def header(self, total_seconds):
        queries = f"{self.queries} {'query' if self.queries == 1 else 'queries'}"
        description, seconds = self.cache
        cache = "cache" if seconds is None else f"cache;dur={milliseconds(seconds)}"
        return ", ".join(
            [
                f'db;dur={milliseconds(self.database_seconds)};desc="{queries}"',
                f'{cache};desc="{description}"',
                f'app;dur={milliseconds(total_seconds)};desc="total"',
            ]
        )


def milliseconds(seconds):
    return f"{seconds * 1000:.2f}"


def note_cache(request, description, started=None):
    """The page cache's part: hit, miss or revalidated, with the time since `started`."""
    measures = getattr(request, "server_timing", None)
    if measures is not None:
        seconds = None if started is None else time.perf_counter() - started
        measures.cache = (description, seconds)


class ServerTimingMiddleware:
    """Before the page cache, so that cached pages get the header too (pagecache.E001)."""

    def __init__(self, get_response):
        if not settings.SERVER_TIMING:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.server_timing = measures = Measures()
        with contextlib.ExitStack() as stack:
            # Every database: visitors' pages may read from a replica.
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(measures.time_query))
            response = self.get_response(request)
        if measures.cache is not None:
            response["Server-Timing"] = measures.header(time.perf_counter() - started)
        return response
