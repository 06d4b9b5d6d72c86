"""The site's URLs and error handlers, and views that fail: 500 on site and admin, a 403."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from lausitz_directory.urls import handler403, handler404, handler500  # noqa: F401
from lausitz_directory.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("A bug the visitor must not see.")


def forbidden_view(request):
    raise PermissionDenied


# The admin's before the site's, whose admin catches every address under /admin/.
urlpatterns = [
    path("admin/kaputt/", broken_view),
    *site_urlpatterns,
    path("kaputt/", broken_view),
    path("verboten/", forbidden_view),
]
