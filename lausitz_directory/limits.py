"""Limits on what a request may bring, beyond the DATA_UPLOAD_* settings for bodies."""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation


class QueryStringTooLong(SuspiciousOperation):
    pass


class QueryStringLimitMiddleware:
    """
    Refuses a query string longer than any address of the site needs with the 400 page.
    Without it, a list address of 100 kB would be repeated in every link of its page (exports,
    feed, language switch) and make a page of megabytes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > settings.MAX_QUERY_STRING_LENGTH:
            # The 400 page links this address in the other language; it need not repeat it.
            request.META["QUERY_STRING"] = ""
            raise QueryStringTooLong("Query string too long")
        return self.get_response(request)
