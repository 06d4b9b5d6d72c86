from seo.sitemaps import EntrySitemap

from .models import ContactPerson


class ContactPersonSitemap(EntrySitemap):
    def items(self):
        return ContactPerson.objects.published().only("slug", "updated_at").order_by("slug")
