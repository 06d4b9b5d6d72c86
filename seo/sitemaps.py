"""sitemap.xml: every page in German and English, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from contacts.models import ContactPerson
from organisations.models import Organisation


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(BilingualSitemap):
    """The pages that are no database entry, by URL name."""

    def items(self):
        return [
            "home",
            "organisations:list",
            "contacts:list",
            "legal:impressum",
            "legal:datenschutz",
            "network",
            "opendata:index",
        ]

    def location(self, item):
        return reverse(item)


class OrganisationSitemap(BilingualSitemap):
    """Entries and the actors they mention: both have a page."""

    def items(self):
        return Organisation.objects.published().order_by("slug")

    def lastmod(self, organisation):
        return organisation.updated_at


class ContactPersonSitemap(BilingualSitemap):
    def items(self):
        return ContactPerson.objects.published().order_by("slug")

    def lastmod(self, person):
        return person.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "organisations": OrganisationSitemap,
    "contacts": ContactPersonSitemap,
}
