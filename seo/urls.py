from django.contrib.sitemaps.views import sitemap
from django.urls import path

from .sitemaps import SITEMAPS
from .views import RobotsView

app_name = "seo"

# Outside the language prefix: one sitemap and one robots.txt name both languages.
urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
]
