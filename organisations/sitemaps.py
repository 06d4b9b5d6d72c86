from seo.sitemaps import EntrySitemap

from .models import Organisation


class OrganisationSitemap(EntrySitemap):
    """Entries and the actors they mention: both have a page."""

    def items(self):
        return Organisation.objects.published().only("slug", "updated_at").order_by("slug")
