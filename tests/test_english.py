"""The English interface under /en/, beside the German one at the plain paths."""

import pytest
from django.utils import translation

from .support.factories import OrganisationFactory
from .support.pages import links, result_names, text

GERMAN_AND_ENGLISH_PATHS = [
    ("/", "/en/"),
    ("/organisationen/", "/en/organisations/"),
    ("/organisationen/?kategorie=netzwerk", "/en/organisations/?kategorie=netzwerk"),
    (
        "/organisationen/wasserstoffnetzwerk-lausitz/",
        "/en/organisations/wasserstoffnetzwerk-lausitz/",
    ),
    ("/ansprechpartner/", "/en/contacts/"),
    ("/ansprechpartner/jens-krause/", "/en/contacts/jens-krause/"),
]


@pytest.fixture
def get(client, seed):
    return client.get


@pytest.mark.parametrize(("german", "english"), GERMAN_AND_ENGLISH_PATHS)
def test_german_stays_at_the_plain_paths(get, german, english):
    response = get(german)
    assert response.status_code == 200
    assert '<html lang="de">' in response.text


@pytest.mark.parametrize(("german", "english"), GERMAN_AND_ENGLISH_PATHS)
def test_english_lives_under_en(get, german, english):
    response = get(english)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text


@pytest.mark.parametrize(("german", "english"), GERMAN_AND_ENGLISH_PATHS)
def test_language_switch_leads_to_the_same_page_in_the_other_language(get, german, english):
    assert ("English", english) in links(get(german))
    assert ("Deutsch", german) in links(get(english))


def test_a_browser_asking_for_english_still_gets_german_at_the_plain_paths(get):
    # The address decides the language, so links and search engines see one page per URL.
    response = get("/", headers={"accept-language": "en"})
    assert '<html lang="de">' in response.text


def test_english_pages_speak_english(get):
    page = text(get("/en/organisations/"))
    assert "Organisations" in page
    assert "Apply filters" in page
    assert "Filter anwenden" not in page


def test_english_list_names_categories_and_topics_in_english(get):
    page = text(get("/en/organisations/"))
    assert "Network" in page
    assert "Hydrogen" in page


def test_english_contact_page_translates_the_role_and_details(get):
    page = text(get("/en/contacts/jens-krause/"))
    assert "Spokesperson: Wasserstoffnetzwerk Lausitz" in page
    assert "Phone +49(0)355 365 1100" in page


def test_english_page_marks_the_english_description_as_a_translation(get):
    response = get("/en/organisations/wasserstoffnetzwerk-lausitz/")
    assert "German original" in text(response)
    assert 'href="/organisationen/wasserstoffnetzwerk-lausitz/" hreflang="de"' in response.text


def test_german_name_on_an_english_page_is_marked_german(get):
    html = get("/en/organisations/wasserstoffnetzwerk-lausitz/").text
    assert '<span lang="de">Wasserstoffnetzwerk Lausitz</span>' in html


def test_german_page_marks_nothing_as_german(get):
    html = get("/organisationen/wasserstoffnetzwerk-lausitz/").text
    assert '<span lang="de">Wasserstoffnetzwerk Lausitz</span>' not in html


@pytest.mark.django_db
def test_description_without_translation_is_shown_in_german_and_marked(client):
    organisation = OrganisationFactory(description="Nur auf Deutsch.", description_en="")
    with translation.override("en"):
        url = organisation.get_absolute_url()
    response = client.get(url)
    assert '<div lang="de"><p>Nur auf Deutsch.</p></div>' in response.text
    assert "This description is only available in German." in text(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name"), [("en", "Lusatian Example"), ("de", "Lausitzer Beispielverein")]
)
def test_english_name_given_by_the_editors_is_shown_on_english_pages_alone(client, language, name):
    organisation = OrganisationFactory(name="Lausitzer Beispielverein", name_en="Lusatian Example")
    with translation.override(language):
        url = organisation.get_absolute_url()
    assert f"<h1><span>{name}</span>" in client.get(url).text


def test_english_list_takes_the_same_filter_parameters(get):
    query = "?q=wasserstoff&kategorie=netzwerk"
    english = result_names(get("/en/organisations/" + query))
    assert english
    assert english == result_names(get("/organisationen/" + query))


def test_unknown_english_page_is_an_english_404(get):
    response = get("/en/gibtsnicht/")
    assert response.status_code == 404
    assert "Page not found" in text(response)
