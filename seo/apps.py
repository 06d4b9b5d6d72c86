from django.apps import AppConfig
from django.core import checks


class SeoConfig(AppConfig):
    """How search engines and link previews see the site: meta tags, sitemap, robots.txt."""

    name = "seo"
    verbose_name = "Suchmaschinen"

    def ready(self):
        from .checks import check_site_domain

        checks.register(check_site_domain, checks.Tags.sites, deploy=True)
