"""Home, organisation, mentioned actor and contact pages, as a visitor reads them."""

import re

import pytest

from .support.pages import links, text
from .support.source import title

ORGANISATION_PAGES = [
    "/",
    "/organisationen/",
    "/organisationen/mingentec/",
    "/organisationen/ihk-cottbus/",
    "/ansprechpartner/",
    "/ansprechpartner/jens-krause/",
    "/organisationen/gibtsnicht/",
]


@pytest.fixture
def get(client, seed):
    return client.get


# Home


def test_home_shows_the_title_of_the_source(get):
    assert f"<h1>{title()}</h1>" in get("/").text


def test_home_shows_the_three_categories_with_their_entry_counts(get):
    page = text(get("/"))
    assert "Netzwerke 4 Einträge" in page
    assert "Initiativen 4 Einträge" in page
    assert "Projektträger 3 Einträge" in page


def test_home_categories_link_to_the_filtered_list(get):
    assert ("Netzwerke 4 Einträge", "/organisationen/?kategorie=netzwerk") in links(get("/"))


def test_home_search_box_searches_the_list(get):
    html = get("/").text
    assert 'action="/organisationen/"' in html
    assert 'name="q"' in html


def test_home_names_the_directory_contact(get):
    page = text(get("/"))
    assert "Ansprechpartner" in page
    assert "Jens Krause" in page
    assert "+49(0)355 365 1100" in page


@pytest.mark.parametrize("path", ORGANISATION_PAGES)
def test_every_page_names_its_source_in_the_footer(get, path):
    assert (
        "Quelle: „Netzwerke, Initiativen, Projektträger im Strukturwandel“, "
        "eine Seite der IHK Cottbus." in text(get(path))
    )


@pytest.mark.parametrize("path", ORGANISATION_PAGES)
def test_every_page_is_german(get, path):
    assert '<html lang="de">' in get(path).text


# Organisation pages


def test_organisation_page_shows_the_description_and_facts(get):
    page = text(get("/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/"))
    assert "Wirtschaftsverkehrsnetzwerk Lausitz wurde 2017 auf Initiative" in page
    assert "Gründungsjahr 2017" in page
    assert "Mitglieder weit über 100" in page
    assert "Kategorie Netzwerk" in page
    assert "Themen Infrastruktur, Mobilität & Verkehr, Wasserstoff" in page


def test_numbered_goals_are_shown_as_a_list(get):
    html = get("/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/").text
    goals = html.split("<ol>")[1].split("</ol>")[0]
    assert goals.count("<li>") == 3
    assert "<li>Schnellstmöglicher Ausbau" in goals


def test_paragraphs_of_the_description_stay_paragraphs(get):
    html = get("/organisationen/lmbv/").text
    assert "<p>Die LMBV ist Projektträgerin" in html
    assert "<p>Diese Sanierung ist eine Voraussetzung" not in html  # one paragraph in the source


def test_organisation_page_shows_districts_and_states(get):
    page = text(get("/organisationen/wirtschaftsregion-lausitz/"))
    assert "Bundesländer Brandenburg, Sachsen" in page
    assert "Bautzen, Cottbus, Dahme-Spreewald, Elbe-Elster, Görlitz" in page


def test_organisation_page_shows_alternative_name_and_acronym(get):
    assert "auch: DurcH2atmen" in text(get("/organisationen/wasserstoffnetzwerk-lausitz/"))
    assert "(LMBV)" in text(get("/organisationen/lmbv/"))


def test_unknown_facts_are_left_out_not_invented(get):
    page = text(get("/organisationen/mingentec/"))
    assert "Gründungsjahr" not in page
    assert "Website" not in page


def test_relations_link_from_an_entry_to_its_founders(get):
    entry_links = links(get("/organisationen/mingentec/"))
    assert ("IHK Cottbus", "/organisationen/ihk-cottbus/") in entry_links
    assert "Ins Leben gerufen von:" in text(get("/organisationen/mingentec/"))


def test_relations_link_back_from_a_founder_to_its_entries(get):
    response = get("/organisationen/ihk-cottbus/")
    assert ("MinGenTec", "/organisationen/mingentec/") in links(response)
    assert (
        "Wirtschaftsverkehrsnetzwerk Lausitz",
        "/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/",
    ) in links(response)
    assert "Hat ins Leben gerufen:" in text(response)


def test_mentioned_actor_page_is_marked_as_such(get):
    page = text(
        get("/organisationen/evangelische-kirche-berlin-brandenburg-schlesische-oberlausitz/")
    )
    assert "Erwähnter Akteur" in page
    assert "keinen eigenen Eintrag" in page
    assert "Dazu gehört: Zentrum für Dialog & Wandel" in page


def test_organisation_page_lists_its_spokesperson(get):
    response = get("/organisationen/wasserstoffnetzwerk-lausitz/")
    assert "Sprecher: Jens Krause" in text(response)
    assert ("Jens Krause", "/ansprechpartner/jens-krause/") in links(response)


def test_employer_page_lists_its_staff(get):
    assert "Jens Krause" in text(get("/organisationen/ihk-cottbus/"))


@pytest.mark.parametrize(
    "path",
    [
        "/organisationen/gibtsnicht/",
        "/organisationen/%C3%A4%C3%B6%C3%BC/",
        "/organisationen/" + "x" * 2000 + "/",
        "/ansprechpartner/gibtsnicht/",
        "/gibtsnicht/",
    ],
)
def test_unknown_addresses_get_the_german_404_page(get, path):
    response = get(path)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in text(response)
    assert ("Alle Organisationen", "/organisationen/") in links(response)


# Contact pages


def test_contact_list_shows_the_contact(get):
    assert ("Jens Krause", "/ansprechpartner/jens-krause/") in links(get("/ansprechpartner/"))


def test_contact_page_links_phone_fax_and_email(get):
    contact_links = links(get("/ansprechpartner/jens-krause/"))
    assert ("+49(0)355 365 1100", "tel:+493553651100") in contact_links
    assert ("+49(0)355 3659 1100", "tel:+4935536591100") in contact_links
    assert ("jens.krause@cottbus.ihk.de", "mailto:jens.krause@cottbus.ihk.de") in contact_links


def test_contact_page_shows_title_position_and_employer(get):
    response = get("/ansprechpartner/jens-krause/")
    page = text(response)
    assert "Titel Generalmanager" in page
    assert "Funktion Leitung Stabstelle Strukturwandel/Infrastruktur und Verkehr" in page
    assert ("IHK Cottbus", "/organisationen/ihk-cottbus/") in links(response)


def test_contact_page_links_each_role_to_its_organisation(get):
    response = get("/ansprechpartner/jens-krause/")
    assert "Sprecher: Wasserstoffnetzwerk Lausitz DurcH2atmen" in text(response)
    for name, path in [
        ("Wasserstoffnetzwerk Lausitz DurcH2atmen", "wasserstoffnetzwerk-lausitz"),
        ("Wirtschaftsverkehrsnetzwerk Lausitz", "wirtschaftsverkehrsnetzwerk-lausitz"),
        (
            "Strukturwandelwerkstatt Infrastruktur und Mobilität",
            "strukturwandelwerkstatt-infrastruktur-und-mobilitaet",
        ),
    ]:
        assert (name, f"/organisationen/{path}/") in links(response)


def test_actor_without_facts_has_no_empty_facts_section(get):
    assert "Auf einen Blick" not in text(get("/organisationen/ihk-cottbus/"))


def test_mentioned_actor_shows_the_facts_the_source_gives(get):
    page = text(get("/organisationen/wfbb/"))
    assert "Abkürzung WFBB" in page
    assert "Rechtsform GmbH" in page


def test_home_lists_categories_in_the_editors_order(get):
    page = text(get("/"))
    assert page.index("Netzwerke 4") < page.index("Initiativen 4") < page.index("Projektträger 3")


def test_relations_of_one_kind_are_listed_together(get):
    page = text(get("/organisationen/mingentec/"))
    assert (
        "Ins Leben gerufen von: Land Brandenburg, "
        "Wirtschaftsförderung Land Brandenburg GmbH, IHK Cottbus"
    ) in page


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/organisationen/", "Organisationen"),
        ("/organisationen/mingentec/", "Organisationen"),
        ("/netzwerk/", "Netzwerk"),
        ("/ansprechpartner/jens-krause/", "Ansprechpartner"),
    ],
)
def test_main_navigation_marks_the_section_the_visitor_is_in(get, path, section):
    html = get(path).text
    assert re.findall(r'<a href="[^"]*" aria-current="true">([^<]*)</a>', html) == [section]


def test_main_navigation_marks_nothing_on_the_home_page(get):
    assert 'aria-current="true">' not in get("/").text
