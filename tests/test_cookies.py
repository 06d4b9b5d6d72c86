"""Visitors get no cookies at all; only the editors' admin sets its CSRF and session cookies."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation

from .support.site_pages import EMBED_PAGES, ENGLISH_PAGES, GERMAN_PAGES

pytestmark = pytest.mark.django_db

PAGES = [*GERMAN_PAGES, *ENGLISH_PAGES, *EMBED_PAGES]


def english(url_name):
    with translation.override("en"):
        return reverse(url_name)


def assert_no_cookie(response):
    assert not response.cookies, f"{response.request['PATH_INFO']} sets {response.cookies}"
    assert not response.has_header("Set-Cookie")


# What the pages send, which no database changes.
@pytest.mark.db_agnostic
@pytest.mark.parametrize("site_page", PAGES, ids=[page.id for page in PAGES])
def test_page_sets_no_cookie(client, seed, site_page):
    response = client.get(site_page.url())
    assert response.status_code == site_page.status
    assert_no_cookie(response)


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap.xml",
        "/robots.txt",
        "/organisationen/?q=Wasserstoff&kategorie=netzwerk&sortierung=-name",
        "/en/organisations/?q=hydrogen",
        "/gibt-es-nicht/",
        "/en/gibt-es-nicht/",
    ],
)
def test_search_error_and_machine_pages_set_no_cookie(client, seed, path):
    assert_no_cookie(client.get(path))


@pytest.mark.parametrize("url_name", ["legal:impressum", "legal:datenschutz"])
def test_english_legal_pages_set_no_cookie(client, seed, url_name):
    response = client.get(english(url_name))
    assert response.status_code == 200
    assert_no_cookie(response)


def test_a_browser_asking_for_english_gets_no_language_cookie(client, seed):
    response = client.get("/", headers={"Accept-Language": "en"})
    assert_no_cookie(response)


def test_admin_login_page_sets_the_csrf_cookie(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert set(response.cookies) == {"csrftoken"}


def test_logging_in_to_the_admin_sets_the_session_cookie(client):
    User.objects.create_user("redakteurin", password="Lausitz-2026-Redaktion", is_staff=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "redakteurin", "password": "Lausitz-2026-Redaktion"},
    )
    assert response.status_code == 302
    assert "sessionid" in response.cookies
