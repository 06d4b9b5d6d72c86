from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from .views import RobotsView

app_name = "seo"

# Outside the language prefix: one sitemap index and one robots.txt name both languages.
# The project's URLconf includes these with its `sitemaps`, the sections of the index.
urlpatterns = [
    path("sitemap.xml", index, {"sitemap_url_name": "seo:sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, name="sitemap-section"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
]
