from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from .sitemaps import SITEMAPS
from .views import RobotsView

app_name = "seo"

# Outside the language prefix: one sitemap index and one robots.txt name both languages.
urlpatterns = [
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "seo:sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
]
