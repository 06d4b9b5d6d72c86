"""
/healthz and /readyz for load balancers and process supervisors.

/healthz (liveness) says the process answers and touches nothing else; /readyz (readiness)
says the databases answer too. They are answered by a middleware rather than views: the page
cache after it reads the database for every page, and CommonMiddleware checks the Host
header, which a balancer probing by address does not match. Neither answer is ever cached.
"""

from django.db import Error, connections
from django.http import HttpResponse

from .unavailable import RETRY_AFTER_SECONDS


def live():
    return HttpResponse("ok\n", content_type="text/plain")


def ready():
    # Every database pages read: the primary and, with DATABASE_REPLICA_URL, the replica.
    try:
        for alias in connections:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
    except Error:
        response = HttpResponse("database unavailable\n", content_type="text/plain", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok\n", content_type="text/plain")


CHECKS = {"/healthz": live, "/readyz": ready}


class HealthCheckMiddleware:
    """Put it before the page cache and before CommonMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        check = CHECKS.get(request.path_info)
        if check is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = check()
        response["Cache-Control"] = "no-store"
        return response
