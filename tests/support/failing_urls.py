"""The site's URLs and error handlers, and two that fail: the site's and the admin's 500 page."""

from django.urls import path

from lausitz_directory.urls import handler403, handler404, handler500  # noqa: F401
from lausitz_directory.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("A bug the visitor must not see.")


# The admin's before the site's, whose admin catches every address under /admin/.
urlpatterns = [path("admin/kaputt/", broken_view), *site_urlpatterns, path("kaputt/", broken_view)]
