from django.apps import AppConfig


class SeoConfig(AppConfig):
    """How search engines and link previews see the site: meta tags, sitemap, robots.txt."""

    name = "seo"
    verbose_name = "Suchmaschinen"
