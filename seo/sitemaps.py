"""
The kinds of sitemap: every page in German and English, each with its hreflang alternates.

Each content app describes its entries in its own sitemaps.py; the project's URLconf
collects them into the sections of /sitemap.xml (seo/urls.py). The index lists the
sections in pages of at most LIMIT addresses, so that no file passes the protocol's
50,000 and no request reads more than one page of entries.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

# Addresses per sitemap page: each entry counts once per language.
LIMIT = 2000


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = LIMIT


class ItemsInLanguages:
    """
    The (item, language) pairs an i18n sitemap pages through, read a page at a time:
    Django's own list of them would load every entry for every page.
    """

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = languages

    def __len__(self):
        return self.queryset.count() * len(self.languages)

    def __getitem__(self, index):
        # The paginator asks for slices only.
        start, stop, _step = index.indices(len(self))
        per_item = len(self.languages)
        first = start // per_item
        items = self.queryset[first : -(-stop // per_item)]
        pairs = [(item, language) for item in items for language in self.languages]
        skip = start - first * per_item
        return pairs[skip : skip + stop - start]


class EntrySitemap(BilingualSitemap):
    """Database entries with their last change, paged in the database."""

    def lastmod(self, entry):
        return entry.updated_at

    def _items(self):
        return ItemsInLanguages(self.items(), self._languages())

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class PageSitemap(BilingualSitemap):
    """The pages that are no database entry, by URL name."""

    def __init__(self, url_names):
        self.url_names = url_names

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)
