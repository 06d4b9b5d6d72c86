"""The site's URLs plus one that fails, to see the 500 page a visitor would get."""

from django.urls import path

from lausitz_directory.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("A bug the visitor must not see.")


urlpatterns = [*site_urlpatterns, path("kaputt/", broken_view)]
