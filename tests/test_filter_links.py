"""
Links between the list's filters and the pages: each active filter is a chip that removes it,
and an organisation's facts lead to the list filtered by them.
"""

import re
from html import unescape

import pytest

from .support.pages import links, text

# Markup and cell contents, which no database changes: judged once, on SQLite.
pytestmark = pytest.mark.db_agnostic

CHIP = re.compile(r'<li><a href="([^"]*)" aria-label="([^"]*)">')


def chips(response):
    """{accessible name: link} of the active-filter chips above the results."""
    html = response.content.decode()
    chip_list = re.search(r'<ul class="active-filters".*?</ul>', html, re.DOTALL)
    if chip_list is None:
        return {}
    return {unescape(name): unescape(href) for href, name in CHIP.findall(chip_list[0])}


@pytest.fixture
def get(client, seed):
    return client.get


def test_each_active_filter_is_a_chip_linking_to_the_list_without_it(get):
    response = get("/organisationen/?bundesland=sachsen&thema=wasserstoff&thema=energiewende")

    assert chips(response) == {
        "Filter Sachsen entfernen": "/organisationen/?thema=energiewende&thema=wasserstoff",
        "Filter Energiewende entfernen": "/organisationen/?bundesland=sachsen&thema=wasserstoff",
        "Filter Wasserstoff entfernen": "/organisationen/?bundesland=sachsen&thema=energiewende",
    }


def test_chip_shows_the_value_and_a_cross(get):
    response = get("/organisationen/?bundesland=sachsen")

    assert "Sachsen ✕" in text(response)


def test_chip_links_keep_search_and_sorting_but_not_the_page(get):
    response = get("/organisationen/?q=lausitz&kategorie=netzwerk&sortierung=-name&seite=2")

    assert chips(response) == {
        "Filter Netzwerk entfernen": "/organisationen/?q=lausitz&sortierung=-name",
    }


def test_last_chip_links_to_the_whole_list(get):
    assert chips(get("/organisationen/?rechtsform=gmbh")) == {
        "Filter GmbH entfernen": "/organisationen/",
    }


def test_founding_year_chip_names_its_filter(get):
    assert chips(get("/organisationen/?gegruendet_ab=2000")) == {
        "Filter Gegründet ab 2000 entfernen": "/organisationen/",
    }


def test_search_and_invalid_values_make_no_chip(get):
    assert chips(get("/organisationen/?q=lausitz&kategorie=gibt-es-nicht")) == {}


def test_chips_in_english(get):
    assert chips(get("/en/organisations/?bundesland=sachsen")) == {
        "Remove filter Saxony": "/en/organisations/",
    }


def test_filter_disclosure_counts_the_active_filters(get):
    german = get("/organisationen/?q=lausitz&thema=wasserstoff&kategorie=netzwerk")
    assert "Filter (2 aktiv)" in text(german)
    assert "Filters (1 active)" in text(get("/en/organisations/?thema=wasserstoff"))


def test_detail_page_facts_link_to_the_list_filtered_by_them(get):
    shown = links(get("/organisationen/wirtschaftsregion-lausitz/"))

    assert {
        ("Netzwerk", "/organisationen/?kategorie=netzwerk"),
        ("GmbH", "/organisationen/?rechtsform=gmbh"),
        ("Sachsen", "/organisationen/?bundesland=sachsen"),
        ("Spree-Neiße", "/organisationen/?landkreis=spree-neisse"),
        ("Wirtschaft", "/organisationen/?thema=wirtschaft"),
    } <= set(shown)


def test_english_detail_page_facts_link_to_the_english_list(get):
    shown = links(get("/en/organisations/lausitzrunde/"))

    assert {
        ("Voluntary alliance without a legal framework", "/en/organisations/?rechtsform=buendnis"),
        ("Saxony", "/en/organisations/?bundesland=sachsen"),
        ("Local politics", "/en/organisations/?thema=kommunalpolitik"),
    } <= set(shown)
