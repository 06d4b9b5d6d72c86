from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from contacts.sitemaps import ContactPersonSitemap
from network.views import NetworkView
from organisations.sitemaps import OrganisationSitemap
from organisations.urls import embed_urlpatterns
from seo.sitemaps import PageSitemap

from .views import HomeView

# The sections of /sitemap.xml, in its order.
sitemaps = {
    "pages": PageSitemap(
        [
            "home",
            "organisations:list",
            "contacts:list",
            "legal:impressum",
            "legal:datenschutz",
            "legal:barrierefreiheit",
            "legal:leichte_sprache",
            "network",
            "opendata:index",
        ]
    ),
    "organisations": OrganisationSitemap,
    "contacts": ContactPersonSitemap,
}

# The admin is for the German-speaking editors only and stays outside the
# language prefix.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("seo.urls"), {"sitemaps": sitemaps}),
]

# German at the plain paths of today, English under /en/ with English paths.
urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path(_("organisationen/"), include("organisations.urls")),
    path(_("ansprechpartner/"), include("contacts.urls")),
    path(_("offene-daten/"), include("opendata.urls")),
    path(_("netzwerk/"), NetworkView.as_view(), name="network"),
    # Compact lists for partners' sites to frame; not in the sitemap, as they repeat the list.
    path(_("einbetten/"), include((embed_urlpatterns, "embed"))),
    path("", include("legal.urls")),
    path("", include("suggestions.urls")),
    prefix_default_language=False,
)

# A database that does not answer gets visitors a 503 page rather than the 500 one.
handler500 = "lausitz_directory.unavailable.server_error"
# The admin's error pages in its own layout (errors.py); the site's elsewhere.
handler403 = "lausitz_directory.errors.permission_denied"
handler404 = "lausitz_directory.errors.page_not_found"
