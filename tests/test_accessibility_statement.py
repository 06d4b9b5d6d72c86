"""
The accessibility statement and the page in Leichte Sprache: flat pages the editors keep in
the admin, linked from every page's footer.
"""

import re
from pathlib import Path

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.staticfiles import finders
from django.test import Client

from .support.admin_forms import save_in_admin
from .support.pages import links, text
from .support.site_pages import ENGLISH_PAGES, GERMAN_PAGES

# Markup, headers and HTTP behaviour, which no database changes: judged once, on SQLite.
pytestmark = [pytest.mark.django_db, pytest.mark.db_agnostic]

PLACEHOLDER_DE = "[Vom Herausgeber auszufüllen:"
PLACEHOLDER_EN = "[To be completed by the publisher:"
# The icon from this server (its name carries a hash of its content), next to its label.
ICON_LINK = re.compile(
    r'<a class="easy-read-link" href="/leichte-sprache/">'
    r'<img src="/static/img/leichte-sprache\.[0-9a-f]{12}\.svg" alt="" width="28" height="28">'
    r"Leichte Sprache</a>"
)


@pytest.mark.parametrize("site_page", GERMAN_PAGES, ids=[page.id for page in GERMAN_PAGES])
def test_every_german_page_links_the_statement_and_leichte_sprache(client, seed, site_page):
    footer = links(client.get(site_page.url()))
    assert ("Barrierefreiheit", "/barrierefreiheit/") in footer
    assert ("Leichte Sprache", "/leichte-sprache/") in footer


@pytest.mark.parametrize("site_page", ENGLISH_PAGES, ids=[page.id for page in ENGLISH_PAGES])
def test_every_english_page_links_the_statement_and_easy_to_read(client, seed, site_page):
    footer = links(client.get(site_page.url()))
    assert ("Accessibility", "/en/accessibility/") in footer
    assert ("Easy to read", "/en/easy-to-read/") in footer


def test_the_leichte_sprache_link_has_its_icon_from_this_server(client, seed):
    assert ICON_LINK.search(client.get("/").content.decode())


def test_the_icon_is_a_drawing_of_its_own_that_loads_nothing(client, seed):
    drawing = Path(finders.find("img/leichte-sprache.svg")).read_text()
    assert drawing.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert re.findall(r"https?://", drawing) == ["http://"]  # the SVG namespace only


def test_the_statement_has_the_parts_of_the_eu_model(client):
    page = text(client.get("/barrierefreiheit/"))
    for part in [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "teilweise mit der BITV 2.0 vereinbar",
        "EN 301 549",
        "WCAG 2.2",
        "Nicht barrierefreie Inhalte",
        "Wie diese Erklärung entstanden ist",
        "Selbstbewertung",
        "Barriere melden",
        "Durchsetzungsverfahren",
        "Durchsetzungsstelle für digitale Barrierefreiheit",
        "Landesbeauftragten für die Belange der Menschen mit Behinderungen",
        "erstellt und zuletzt am",
    ]:
        assert part in page, part
    assert PLACEHOLDER_DE in page


def test_the_statement_names_the_tools_in_the_versions_the_tests_use(client):
    page = text(client.get("/barrierefreiheit/"))
    assert "axe-core 4.14.1" in page
    assert "vnu-jar 26.9.27" in page
    assert "Lighthouse 12.2.3" in page


def test_the_statement_says_no_sign_language_video_exists_yet(client):
    assert "Solche Videos gibt es noch nicht" in text(client.get("/barrierefreiheit/"))
    assert "There are no videos in sign language yet" in text(client.get("/en/easy-to-read/"))


def test_the_english_statement_is_english_with_placeholders(client):
    response = client.get("/en/accessibility/")
    assert '<html lang="en">' in response.text
    assert "<h1>Accessibility statement</h1>" in response.text
    assert PLACEHOLDER_EN in text(response)


def test_leichte_sprache_explains_the_site_one_sentence_a_line(client):
    response = client.get("/leichte-sprache/")
    page = text(response)
    for heading in [
        "Was ist diese Website?",
        "Wie finden Sie eine Organisation?",
        "Wie finden Sie einen Ansprech·partner?",
        "Wie gut können alle Menschen die Website benutzen?",
    ]:
        assert heading in page
    assert "Gebärden·sprache" in page
    sentences = re.findall(r"[^.?!:>]+[.?!]<br>", response.text)
    assert len(sentences) > 20


@pytest.mark.parametrize(
    "path", ["/barrierefreiheit/", "/en/accessibility/", "/leichte-sprache/", "/en/easy-to-read/"]
)
def test_every_link_in_the_new_pages_leads_to_a_page(client, seed, path):
    internal = [href for _label, href in links(client.get(path)) if href.startswith("/")]
    assert internal
    for href in internal:
        assert Client().get(href, follow=True).status_code == 200, href


def test_editor_changes_the_leichte_sprache_page_in_the_admin(editor, client):
    page = FlatPage.objects.get(url="/leichte-sprache/")
    response = save_in_admin(editor, page, {"content": "<p>Neu in Leichter Sprache.</p>"})
    assert response.status_code == 302
    client.logout()
    assert "Neu in Leichter Sprache." in text(client.get("/leichte-sprache/"))


@pytest.mark.parametrize(
    "path", ["/barrierefreiheit/", "/en/accessibility/", "/leichte-sprache/", "/en/easy-to-read/"]
)
def test_the_new_pages_set_no_cookie(client, seed, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies
