"""
Serving the site for real: static files through WhiteNoise, pages through gunicorn.
"""

import gzip
import re
import wsgiref.util

import brotli
import django
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.templatetags.static import static

from .support.servers import fetch, gunicorn, seeded_site, server_environment

ONE_YEAR = 365 * 24 * 60 * 60


@pytest.mark.db_agnostic
def test_whitenoise_serves_the_hashed_stylesheet_compressed_and_cached_on_django_6_1(client):
    # WhiteNoise 6.12 declares support up to Django 6.0; this is what proves it works on 6.1.
    assert django.VERSION[:2] == (6, 1)
    url = static("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)

    plain = client.get(url)
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert plain.status_code == 200
    assert plain["Content-Type"].startswith("text/css")
    max_age = re.search(r"max-age=(\d+)", plain["Cache-Control"])
    assert max_age, plain["Cache-Control"]
    assert int(max_age.group(1)) >= ONE_YEAR
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    body = b"".join(plain.streaming_content)
    assert gzip.decompress(b"".join(compressed.streaming_content)) == body


@pytest.mark.db_agnostic
def test_whitenoise_serves_hashed_files_brotli_compressed_and_immutable_for_years(client):
    url = static("css/site.css")

    plain = client.get(url)
    compressed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "br"
    assert "immutable" in compressed["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", compressed["Cache-Control"]).group(1)) >= ONE_YEAR
    body = b"".join(plain.streaming_content)
    assert brotli.decompress(b"".join(compressed.streaming_content)) == body


@pytest.mark.db_agnostic
def test_static_file_without_a_hash_is_cached_for_an_hour_only(client):
    # Pages link only hashed names; this one may change with the next deploy.
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "max-age=3600" in response["Cache-Control"]
    assert "immutable" not in response["Cache-Control"]


# --- Database connections ----------------------------------------------------------


def serve(application, path):
    """One request as a WSGI server makes it, with request_finished at the end."""
    environ = {}
    wsgiref.util.setup_testing_defaults(environ)
    environ["PATH_INFO"] = path
    statuses = []
    response = application(environ, lambda status, headers: statuses.append(status))
    try:
        b"".join(response)
    finally:
        response.close()
    return statuses[0]


@pytest.mark.django_db(transaction=True)
def test_two_requests_reuse_one_database_connection(monkeypatch):
    # What DATABASE_CONN_MAX_AGE sets; the next connection opened takes it.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.close()
    application = WSGIHandler()

    assert serve(application, "/robots.txt").startswith("200")
    first = connection.connection
    assert serve(application, "/robots.txt").startswith("200")

    assert first is not None
    assert connection.connection is first


# --- gunicorn, as `make run` starts it -------------------------------------------


@pytest.fixture(scope="module")
def gunicorn_site(tmp_path_factory, migrated_sqlite):
    """
    A migrated, seeded site with collected static files behind gunicorn; its base URL. The
    tests that use it share one worker (ONE_WORKER in tests/conftest.py).
    """
    tmp = tmp_path_factory.mktemp("gunicorn")
    env = seeded_site(server_environment(tmp), migrated_sqlite)
    with gunicorn(env, tmp, workers=2) as (_, base_url):
        yield base_url


@pytest.mark.db_agnostic
@pytest.mark.parametrize(
    ("path", "status", "shown"),
    [
        ("/", 200, "Netzwerke, Initiativen, Projektträger im Strukturwandel"),
        # Invalid filter values get the list and a note, not an error.
        ("/organisationen/?kategorie=unbekannt&seite=abc", 200, "Nicht alle Angaben ließen"),
        ("/organisationen/gibtsnicht/", 404, "Seite nicht gefunden"),
    ],
    ids=["home page", "invalid filter values", "unknown page: German 404 page"],
)
def test_gunicorn_answers_each_kind_of_address(gunicorn_site, path, status, shown):
    answered, _, html = fetch(gunicorn_site + path)

    assert answered == status
    assert shown in html


@pytest.mark.db_agnostic
def test_gunicorn_serves_the_stylesheet_the_home_page_links(gunicorn_site):
    _, _, html = fetch(gunicorn_site + "/")
    link = re.search(r'<link\b[^>]*\brel="stylesheet"[^>]*>', html)
    assert link, "the home page links no stylesheet"
    href = re.search(r'\bhref="([^"]+)"', link.group(0)).group(1)

    status, headers, _ = fetch(gunicorn_site + href)

    assert status == 200
    assert headers["Content-Type"].startswith("text/css")


@pytest.mark.db_agnostic
def test_gunicorn_workers_all_answer_304_for_the_etag_one_of_them_sent(gunicorn_site):
    url = gunicorn_site + "/organisationen/"
    _, headers, _ = fetch(url)

    # Two workers take turns; each must know the ETag whichever one sent.
    statuses = {fetch(url, {"If-None-Match": headers["ETag"]})[0] for _ in range(10)}

    assert statuses == {304}
