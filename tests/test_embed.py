"""
/einbetten/organisationen/: the list for other sites' frames (docs/open-data.md), and the
open-data page's generator of the <iframe> code that shows it.
"""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation

from .support.pages import (
    embed_names,
    link_attributes,
    links,
    served_from_cache,
    sitemap_pages,
    text,
)

# Markup, headers and HTTP behaviour, which no database changes: judged once, on SQLite.
pytestmark = [pytest.mark.django_db, pytest.mark.db_agnostic]

FILTERS = "?kategorie=netzwerk&thema=wasserstoff"
NETWORKS_ON_HYDROGEN = ["Wasserstoffnetzwerk Lausitz", "Wirtschaftsverkehrsnetzwerk Lausitz"]


def path(url_name, language):
    with translation.override(language):
        return reverse(url_name)


@pytest.fixture
def embed(client, seed):
    def get(query="", language="de"):
        return client.get(path("embed:organisations", language) + query)

    return get


@pytest.fixture
def generator(client, seed):
    def get(query="", language="de"):
        return client.get(path("opendata:index", language) + query)

    return get


def frame_policy(response):
    """(frame-ancestors of the Content-Security-Policy, X-Frame-Options or None)."""
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return policy["frame-ancestors"], response.get("X-Frame-Options")


def snippet(response):
    """The generator's <iframe> code as a visitor copies it from the text field."""
    return unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", response.text, re.DOTALL)[1])


def snippet_src(response):
    return unescape(re.search(r'<iframe src="([^"]*)"', snippet(response))[1])


# --- the embed ---------------------------------------------------------------------------


def test_embed_addresses_in_german_and_english():
    assert path("embed:organisations", "de") == "/einbetten/organisationen/"
    assert path("embed:organisations", "en") == "/en/embed/organisations/"


@pytest.mark.parametrize("language", ["de", "en"])
def test_embed_shows_the_filtered_entries_and_only_them(embed, language):
    response = embed(FILTERS, language)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert embed_names(response) == NETWORKS_ON_HYDROGEN


@pytest.mark.parametrize(
    ("language", "heading", "filters"),
    [
        ("de", "Lausitz-Verzeichnis: 2 Einträge", "Kategorie: Netzwerk; Thema: Wasserstoff"),
        ("en", "Lausitz Directory: 2 entries", "Category: Network; Topic: Hydrogen"),
    ],
)
def test_embed_says_how_many_entries_match_which_filters(embed, language, heading, filters):
    page = text(embed(FILTERS, language))
    assert heading in page
    assert filters in page


def test_embed_entry_shows_its_category_and_the_start_of_its_description(embed):
    page = text(embed(FILTERS))
    assert "Wasserstoffnetzwerk Lausitz Netzwerk Das 2019 neu gegründete" in page


def test_embed_shows_no_header_footer_or_filter_form(embed):
    html = embed(FILTERS).text
    assert '<header class="site-header"' not in html
    assert "<footer" not in html
    assert "<form" not in html


@pytest.mark.parametrize(
    ("language", "label", "href"),
    [
        ("de", "Alle im Lausitz-Verzeichnis", f"/organisationen/{FILTERS}"),
        ("en", "All in the Lausitz Directory", f"/en/organisations/{FILTERS}"),
    ],
)
def test_embed_links_to_the_whole_filtered_list(embed, language, label, href):
    assert (label, href) in links(embed(FILTERS, language))


def test_embed_links_open_the_directory_in_a_new_tab(embed):
    found = link_attributes(embed(FILTERS))
    assert [link["href"] for link in found] == [
        "/organisationen/wasserstoffnetzwerk-lausitz/",
        "/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/",
        f"/organisationen/{FILTERS}",
    ]
    assert all(link["target"] == "_blank" and link["rel"] == "noopener" for link in found)


def test_embed_pages_through_its_entries_inside_the_frame(embed):
    first = embed()
    assert len(embed_names(first)) == 10
    [next_page] = [link for link in link_attributes(first) if link.get("rel") == "next"]
    assert next_page["href"] == "?seite=2"
    assert "target" not in next_page
    assert len(embed_names(embed(next_page["href"]))) == 1


def test_embed_has_no_script_and_sets_no_cookie(embed):
    response = embed(FILTERS)
    assert "<script" not in response.text
    assert not response.cookies
    assert not response.has_header("Set-Cookie")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?kategorie=unbekannt", "Kategorie:"),
        ("?gegruendet_ab=abc", "Gegründet ab:"),
        ("?seite=abc", "Eine Seite „abc“ gibt es nicht; gezeigt wird Seite 1."),
    ],
)
def test_invalid_values_give_an_embed_that_says_what_was_wrong(embed, query, message):
    response = embed(query)
    assert response.status_code == 200
    assert "Nicht alle Angaben ließen sich verwenden" in text(response)
    assert message in text(response)


def test_an_invalid_value_is_ignored_and_the_valid_filters_still_apply(embed):
    response = embed(f"{FILTERS}&gegruendet_ab=abc")
    assert embed_names(response) == NETWORKS_ON_HYDROGEN


def test_embed_asks_search_engines_not_to_index_it(embed):
    assert '<meta name="robots" content="noindex">' in embed(FILTERS).text


def test_sitemap_leaves_out_the_embed(client, seed):
    for response in sitemap_pages(client):
        assert "/einbetten/" not in response.text
        assert "/embed/" not in response.text


def test_embed_is_served_from_the_page_cache(embed):
    embed(FILTERS)
    assert served_from_cache(embed(FILTERS))


def test_a_renamed_entry_shows_in_the_embed_at_once(embed):
    embed(FILTERS)
    hydrogen = Organisation.objects.get(slug="wasserstoffnetzwerk-lausitz")
    hydrogen.name = "Wasserstoff-Netzwerk Lausitz (neu)"
    hydrogen.save()
    assert "Wasserstoff-Netzwerk Lausitz (neu)" in embed_names(embed(FILTERS))


# --- who may frame which page ------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_any_site_may_frame_the_embed(embed, language):
    assert frame_policy(embed(FILTERS, language)) == ("*", None)


@pytest.mark.parametrize("page", ["/organisationen/", f"/organisationen/{FILTERS}", "/", "/en/"])
def test_no_other_site_may_frame_the_list_or_the_home_page(client, seed, page):
    assert frame_policy(client.get(page)) == ("'none'", "DENY")


def test_no_other_site_may_frame_the_admin(client):
    assert frame_policy(client.get("/admin/login/")) == ("'none'", "DENY")


# --- the generator on the open-data page ---------------------------------------------------


@pytest.mark.parametrize(
    ("language", "src"),
    [
        ("de", f"http://testserver/einbetten/organisationen/{FILTERS}"),
        ("en", f"http://testserver/en/embed/organisations/{FILTERS}"),
    ],
)
def test_generator_snippet_frames_the_embed_with_the_chosen_filters(generator, language, src):
    assert snippet_src(generator(FILTERS, language)) == src


def test_generator_snippet_names_the_list_for_screen_readers(generator):
    assert 'title="Lausitz-Verzeichnis: Kategorie: Netzwerk; Thema: Wasserstoff"' in snippet(
        generator(FILTERS)
    )


def test_generator_snippet_is_text_to_copy_not_a_frame_of_the_page(generator):
    html = generator(FILTERS).text
    assert "&lt;iframe src=" in html
    assert '<iframe src="http' not in html


def test_generator_without_choices_frames_the_whole_list(generator):
    assert snippet_src(generator()) == "http://testserver/einbetten/organisationen/"


def test_generator_passes_on_only_its_own_filters_in_the_lists_order(generator):
    response = generator("?thema=wasserstoff&q=Netz&rechtsform=ev&kategorie=netzwerk")
    assert snippet_src(response) == f"http://testserver/einbetten/organisationen/{FILTERS}"


def test_generator_leaves_out_an_invalid_value_and_says_so(generator):
    response = generator("?kategorie=unbekannt&thema=wasserstoff")
    assert snippet_src(response) == (
        "http://testserver/einbetten/organisationen/?thema=wasserstoff"
    )
    assert "Nicht alle Angaben ließen sich verwenden" in text(response)


def test_generator_offers_the_lists_filters_with_the_chosen_ones_ticked(generator):
    html = generator(FILTERS).text
    for legend in ["Kategorie", "Thema", "Bundesland", "Landkreis / kreisfreie Stadt"]:
        assert f"<legend>{legend}</legend>" in html
    assert 'name="kategorie" value="netzwerk" id="id_kategorie_1" checked>' in html
    assert "Rechtsform" not in html.split('id="einbetten"')[1].split("</form>")[0]


def test_generator_form_works_without_javascript(generator):
    html = generator().text
    assert re.search(r'<form [^>]*method="get" action="/offene-daten/#einbetten"', html)


def test_generator_says_how_many_entries_the_list_shows(generator):
    assert "Die Liste zeigt 2 Einträge, bis zu 10 auf einer Seite." in text(generator(FILTERS))


def test_generator_previews_the_embed(generator):
    html = generator(FILTERS).text
    preview = re.search(r'<iframe class="embed-generator__preview" src="([^"]*)"', html)
    assert unescape(preview[1]) == f"/einbetten/organisationen/{FILTERS}"


def test_open_data_page_may_frame_only_its_own_site(generator):
    policy = generator(FILTERS)["Content-Security-Policy"]
    assert "frame-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
