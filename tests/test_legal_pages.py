"""Impressum and Datenschutzerklärung: flat pages the editors keep in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from django.utils import translation

from .support.admin_forms import save_in_admin
from .support.pages import links, text
from .support.site_pages import ENGLISH_PAGES, GERMAN_PAGES

pytestmark = pytest.mark.django_db

PLACEHOLDER_DE = "[Vom Herausgeber auszufüllen:"
PLACEHOLDER_EN = "[To be completed by the publisher:"


def address(url_name, language):
    with translation.override(language):
        return reverse(url_name)


def english(url_name):
    return address(url_name, "en")


def test_legal_pages_have_german_addresses():
    assert address("legal:impressum", "de") == "/impressum/"
    assert address("legal:datenschutz", "de") == "/datenschutz/"


def test_legal_pages_have_english_addresses():
    assert english("legal:impressum") == "/en/legal-notice/"
    assert english("legal:datenschutz") == "/en/privacy/"


def test_impressum_follows_the_ddg_and_mstv_with_placeholders_for_the_publisher(client):
    response = client.get("/impressum/")
    assert response.status_code == 200
    page = text(response)
    assert "Impressum" in page
    assert "§ 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV)" in page
    for heading in ["Herausgeber", "Vertreten durch", "Kontakt", "Aufsichtsbehörde"]:
        assert f"<h2>{heading}</h2>" in response.text
    assert "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" in page
    assert PLACEHOLDER_DE in page


def test_datenschutzerklaerung_follows_article_13_gdpr_with_placeholders(client):
    page = text(client.get("/datenschutz/"))
    for section in [
        "Verantwortlicher",
        "Datenschutzbeauftragte",
        "Keine Cookies, keine Dienste Dritter",
        "Zugriffsprotokolle des Servers",
        "Zugang für die Redaktion",
        "Ihre Rechte",
    ]:
        assert section in page
    assert PLACEHOLDER_DE in page


def test_datenschutzerklaerung_names_the_only_cookies_and_who_gets_them(client):
    page = text(client.get("/datenschutz/"))
    assert "setzt das Verzeichnis keine Cookies" in page
    assert "„csrftoken“" in page
    assert "„sessionid“" in page


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [("legal:impressum", "Legal notice"), ("legal:datenschutz", "Privacy policy")],
)
def test_english_legal_pages_are_english_with_placeholders(client, url_name, heading):
    response = client.get(english(url_name))
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert PLACEHOLDER_EN in text(response)


def test_legal_page_is_described_by_its_first_paragraph(client):
    response = client.get("/datenschutz/")
    assert (
        '<meta name="description" content="Welche personenbezogenen Daten beim Besuch des '
        "Lausitz-Verzeichnisses verarbeitet werden, wozu und welche Rechte Sie haben "
        '(Art. 13 Datenschutz-Grundverordnung, DSGVO).">'
    ) in response.text


def test_placeholders_stand_out_as_boxes(client):
    assert (
        '<p class="publisher-todo">[Vom Herausgeber auszufüllen:' in client.get("/impressum/").text
    )


@pytest.mark.parametrize("site_page", GERMAN_PAGES, ids=[page.id for page in GERMAN_PAGES])
def test_every_german_page_links_the_legal_pages_in_its_footer(client, seed, site_page):
    footer = links(client.get(site_page.url()))
    assert ("Impressum", "/impressum/") in footer
    assert ("Datenschutz", "/datenschutz/") in footer


@pytest.mark.parametrize("site_page", ENGLISH_PAGES, ids=[page.id for page in ENGLISH_PAGES])
def test_every_english_page_links_the_english_legal_pages(client, seed, site_page):
    hrefs = {href for _label, href in links(client.get(site_page.url()))}
    assert {english("legal:impressum"), english("legal:datenschutz")} <= hrefs


def test_editors_may_edit_the_legal_pages():
    codenames = set(
        Group.objects.get(name="Redaktion")
        .permissions.filter(content_type__app_label="flatpages")
        .values_list("codename", flat=True)
    )
    assert codenames == {"add_flatpage", "change_flatpage", "delete_flatpage", "view_flatpage"}


def test_editor_completes_the_impressum_in_the_admin(editor, client):
    page = FlatPage.objects.get(url="/impressum/")
    content = "<h2>Herausgeber</h2>\n<p>Industrie- und Handelskammer Musterstadt</p>"
    response = save_in_admin(editor, page, {"content": content})
    assert response.status_code == 302
    client.logout()
    response = client.get("/impressum/")
    assert "Industrie- und Handelskammer Musterstadt" in text(response)
    assert PLACEHOLDER_DE not in text(response)


def test_flat_pages_at_other_addresses_are_not_served(client, settings):
    page = FlatPage.objects.create(url="/entwurf/", title="Entwurf", content="<p>Noch offen.</p>")
    page.sites.add(settings.SITE_ID)
    assert client.get("/entwurf/").status_code == 404
