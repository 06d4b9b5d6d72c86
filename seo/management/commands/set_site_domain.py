from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Sets the Site row's domain, which 'view on site', sitemap.xml and the feeds use, to "
        "SITE_DOMAIN: DJANGO_SITE_DOMAIN, or else 127.0.0.1:PORT. `make run` calls it on "
        "every start, so the address follows the port the site is served on."
    )

    def handle(self, *args, **options):
        site = Site.objects.get(pk=settings.SITE_ID)
        if site.domain == settings.SITE_DOMAIN:
            # Saving anyway would count as a content change and empty the page cache.
            self.stdout.write(f"Die Adresse der Website ist schon {site.domain}.")
            return
        site.domain = settings.SITE_DOMAIN
        site.save(update_fields=["domain"])
        Site.objects.clear_cache()
        self.stdout.write(f"Die Adresse der Website ist jetzt {site.domain}.")
