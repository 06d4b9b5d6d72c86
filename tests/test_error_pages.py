"""Errors get a German page in the site's layout, never a traceback."""

import pytest

from .support.pages import links, text

# Markup, which no database changes: on SQLite only.
pytestmark = pytest.mark.db_agnostic


@pytest.fixture
def visitor(client, settings, db):
    settings.ROOT_URLCONF = "tests.support.failing_urls"
    client.raise_request_exception = False
    return client


def test_a_server_error_shows_the_styled_500_page(visitor):
    response = visitor.get("/kaputt/")
    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in text(response)
    assert "RuntimeError" not in text(response)
    assert ("Zur Startseite", "/") in links(response)
    assert "css/site." in response.text


def test_an_unknown_address_shows_the_styled_404_page(visitor):
    response = visitor.get("/gibt/es/nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in text(response)
    assert "css/site." in response.text


def test_a_forbidden_page_shows_the_styled_403_page(visitor):
    response = visitor.get("/verboten/")
    assert response.status_code == 403
    assert "Keine Berechtigung" in text(response)
    assert ("Zur Startseite", "/") in links(response)
    assert "css/site." in response.text
