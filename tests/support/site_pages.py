"""
One page of every kind the site shows, for the checks that must pass on all of
them: axe-core in the browser and the Nu Html Checker.
"""

from dataclasses import dataclass, replace

from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class SitePage:
    name: str
    url_name: str = ""
    slug: str = ""
    query: str = ""
    language: str = "de"
    status: int = 200

    @property
    def id(self):
        return f"{self.language}-{self.name}"

    def url(self):
        kwargs = {"slug": self.slug} if self.slug else {}
        with translation.override(self.language):
            return reverse(self.url_name, kwargs=kwargs) + self.query

    def in_english(self):
        return replace(self, language="en")


HOME = SitePage("home", "home")
# The open-data page's generator of <iframe> code for the embed, with filters chosen.
EMBED_GENERATOR = SitePage(
    "embed-generator", "opendata:index", query="?kategorie=netzwerk&thema=wasserstoff"
)
ORGANISATION = SitePage("organisation", "organisations:detail", slug="wirtschaftsregion-lausitz")
# Flat pages with English texts of their own, not the German template's: checked in English too.
ACCESSIBILITY_STATEMENT = SitePage("accessibility-statement", "legal:barrierefreiheit")
LEICHTE_SPRACHE = SitePage("leichte-sprache", "legal:leichte_sprache")

GERMAN_PAGES = [
    HOME,
    SitePage("list", "organisations:list"),
    SitePage("filtered-list", "organisations:list", query="?kategorie=netzwerk&thema=wasserstoff"),
    SitePage("search", "organisations:list", query="?q=Wasserstoff+Netzwerke"),
    SitePage("similar-spellings", "organisations:list", query="?q=Lausitzrunda"),
    SitePage("empty-result", "organisations:list", query="?q=xyzgibtsnicht"),
    SitePage("invalid-filter", "organisations:list", query="?kategorie=unbekannt&seite=abc"),
    ORGANISATION,
    # An actor the source only mentions: no entry of its own.
    SitePage("mentioned-actor", "organisations:detail", slug="ihk-cottbus"),
    SitePage("contact-list", "contacts:list"),
    SitePage("contact", "contacts:detail", slug="jens-krause"),
    SitePage("not-found", "organisations:detail", slug="gibt-es-nicht", status=404),
    SitePage("impressum", "legal:impressum"),
    SitePage("datenschutz", "legal:datenschutz"),
    SitePage("network", "network"),
    SitePage("open-data", "opendata:index"),
    SitePage("suggestion-thanks", "suggestions:thanks"),
    EMBED_GENERATOR,
    ACCESSIBILITY_STATEMENT,
    LEICHTE_SPRACHE,
    SitePage("barrier-thanks", "suggestions:barrier_thanks"),
]
ENGLISH_PAGES = [page.in_english() for page in GERMAN_PAGES]

# The pages with a form, the only ones that set a cookie (CSRF; tests/test_suggestions.py).
GERMAN_FORM_PAGES = [
    SitePage("suggest-correction", "suggestions:correction", slug="wirtschaftsregion-lausitz"),
    SitePage("suggest-entry", "suggestions:new_entry"),
    SitePage("suggest-person-correction", "suggestions:person_correction", slug="jens-krause"),
    SitePage("report-barrier", "suggestions:barrier", query="?seite=/organisationen/"),
]
FORM_PAGES = [*GERMAN_FORM_PAGES, *(page.in_english() for page in GERMAN_FORM_PAGES)]

# The compact list for other sites' frames: no header and no footer, and other sites may frame
# it (tests/test_security_headers.py).
EMBED = SitePage("embed", "embed:organisations", query="?kategorie=netzwerk&thema=wasserstoff")
EMBED_PAGES = [
    EMBED,
    replace(EMBED, name="embed-unfiltered", query=""),
    replace(EMBED, name="embed-invalid-filter", query="?kategorie=unbekannt&seite=abc"),
]
EMBED_PAGES += [page.in_english() for page in EMBED_PAGES]
