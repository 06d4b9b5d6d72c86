"""The Atom feed of new and changed entries, which follows the filters of the list."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation

from .support.factories import OrganisationFactory
from .support.pages import is_plain_text_date_error, result_names

FEED_URL = "/offene-daten/feed/"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def atom(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entries(feed):
    return feed.findall(f"{ATOM}entry")


def entry_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in entries(feed)]


def link(element, rel):
    return next(
        found.get("href") for found in element.findall(f"{ATOM}link") if found.get("rel") == rel
    )


def path_and_query(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@pytest.fixture
def get(client, seed):
    return client.get


def test_feed_is_atom_with_the_elements_rfc_4287_requires(get):
    feed = atom(get(FEED_URL))
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id")
    assert feed.findtext(f"{ATOM}title") == "Lausitz-Verzeichnis: neue und geänderte Einträge"
    assert feed.findtext(f"{ATOM}updated")
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "IHK Cottbus"
    assert path_and_query(link(feed, "self")) == FEED_URL
    for entry in entries(feed):
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}title")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}summary")
        assert link(entry, "alternate")


def test_unfiltered_feed_has_all_11_entries(get):
    assert len(entries(atom(get(FEED_URL)))) == 11


def test_feed_entry_names_the_entry_and_summarises_its_description_as_html(get):
    entry = next(
        entry
        for entry in entries(atom(get(FEED_URL)))
        if path_and_query(link(entry, "alternate")) == "/organisationen/lmbv/"
    )
    lmbv = Organisation.objects.get(slug="lmbv")
    assert entry.findtext(f"{ATOM}title") == lmbv.name
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text.startswith(f"<p>{lmbv.description[:40]}")


def test_feed_lists_the_latest_change_first(get):
    Organisation.objects.filter(slug="lausitzrunde").update(
        updated_at=datetime(2027, 3, 1, tzinfo=UTC)
    )
    feed = atom(get(FEED_URL))
    first = entries(feed)[0]
    assert first.findtext(f"{ATOM}title") == "Lausitzrunde"
    assert first.findtext(f"{ATOM}updated") == "2027-03-01T00:00:00+00:00"
    assert feed.findtext(f"{ATOM}updated") == "2027-03-01T00:00:00+00:00"


@pytest.mark.parametrize(
    "query",
    [
        "kategorie=netzwerk",
        "kategorie=netzwerk&thema=wasserstoff",
        "kategorie=netzwerk&thema=wasserstoff&landkreis=spree-neisse",
        "landkreis=spree-neisse",
        "q=braunkohle",
        "kategorie=unbekannt&bundesland=sachsen",
    ],
)
def test_feed_follows_the_filters_of_the_list(get, query):
    listed = result_names(get(f"/organisationen/?{query}"))
    assert sorted(entry_titles(atom(get(f"{FEED_URL}?{query}")))) == sorted(listed)


def test_feed_links_the_list_it_follows(get):
    query = "kategorie=netzwerk&thema=wasserstoff"
    feed = atom(get(f"{FEED_URL}?{query}"))
    assert path_and_query(link(feed, "alternate")) == f"/organisationen/?{query}"
    assert path_and_query(link(feed, "self")) == f"{FEED_URL}?{query}"


def test_feed_takes_geaendert_seit(get):
    Organisation.objects.filter(slug="lmbv").update(updated_at=datetime(2027, 3, 1, tzinfo=UTC))
    titles = entry_titles(atom(get(f"{FEED_URL}?geaendert_seit=2027-01-01")))
    assert len(titles) == 1


@pytest.mark.parametrize("value", ["gestern", "2027-02-30"])
def test_feed_with_invalid_geaendert_seit_gives_400_with_a_message(get, value):
    assert is_plain_text_date_error(get(f"{FEED_URL}?geaendert_seit={value}"))


def test_english_feed_speaks_english_and_gives_english_descriptions(get):
    with translation.override("en"):
        url = reverse("opendata:feed")
    feed = atom(get(url))
    assert feed.get(XML_LANG) == "en"
    lmbv = Organisation.objects.get(slug="lmbv")
    summaries = [entry.findtext(f"{ATOM}summary") for entry in entries(feed)]
    assert any(summary.startswith(f"<p>{lmbv.description_en[:40]}") for summary in summaries)


def test_list_page_links_its_feed_in_the_head_with_its_filters(get):
    html = get("/organisationen/?kategorie=netzwerk&thema=wasserstoff&seite=1").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Neue und geänderte Einträge (Atom-Feed)" '
        'href="/offene-daten/feed/?kategorie=netzwerk&amp;thema=wasserstoff">'
    ) in html


def feed_queries(client):
    # What rendering the feed costs, not what serving a cached copy of it does.
    caches["default"].clear()
    with CaptureQueriesContext(connection) as queries:
        atom(client.get(f"{FEED_URL}?kategorie=netzwerk"))
    return len(queries)


def test_feed_queries_do_not_grow_with_the_number_of_organisations(client, db):
    OrganisationFactory(slug="eins")
    feed_queries(client)  # fills Django's cache of the current site
    with_one = feed_queries(client)
    for number in range(60):
        OrganisationFactory(slug=f"eintrag-{number}")
    assert feed_queries(client) == with_one
