"""
Serving the site for real: static files through WhiteNoise, pages through gunicorn.
"""

import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import wsgiref.util
from pathlib import Path

import brotli
import django
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.templatetags.static import static

BASE_DIR = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
ONE_YEAR = 365 * 24 * 60 * 60
# Bounds for starting gunicorn and for each request, not expectations of speed.
STARTUP_TIMEOUT = 30
REQUEST_TIMEOUT = 10
COMMAND_TIMEOUT = 120


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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(tmp):
    """This process's environment without settings of its own, plus a fresh site's."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "GUNICORN_"))
        and name not in {"HOST", "PORT", "WEB_CONCURRENCY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lausitz_directory.settings",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        DJANGO_SECRET_KEY="gunicorn-test-secret-key",
        DJANGO_HTTPS="0",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )
    if result.returncode:
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def fetch(url, headers=None):
    """Status, headers and text of a GET, error statuses (and 304) included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


def wait_until_answering(url, process, log):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            fetch(url)
        except OSError:
            time.sleep(0.1)
        else:
            return
    pytest.fail(f"gunicorn did not answer within {STARTUP_TIMEOUT} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def gunicorn_site(tmp_path_factory):
    """A migrated, seeded site with collected static files behind gunicorn; its base URL."""
    tmp = tmp_path_factory.mktemp("gunicorn")
    env = server_environment(tmp)
    manage(env, "migrate", "--noinput")
    manage(env, "loaddata", "lausitz_directory")
    manage(env, "collectstatic", "--noinput")
    port = free_port()
    env.update(HOST="127.0.0.1", PORT=str(port), WEB_CONCURRENCY="2")
    log = tmp / "gunicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_answering(base_url + "/", process, log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=STARTUP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_gunicorn_serves_the_home_page(gunicorn_site):
    status, _, html = fetch(gunicorn_site + "/")

    assert status == 200
    assert "Netzwerke, Initiativen, Projektträger im Strukturwandel" in html


def test_gunicorn_answers_invalid_filter_values_with_the_list_not_an_error(gunicorn_site):
    status, _, html = fetch(gunicorn_site + "/organisationen/?kategorie=unbekannt&seite=abc")

    assert status == 200
    assert "Nicht alle Angaben ließen sich verwenden" in html


def test_gunicorn_answers_an_unknown_page_with_the_german_not_found_page(gunicorn_site):
    status, _, html = fetch(gunicorn_site + "/organisationen/gibtsnicht/")

    assert status == 404
    assert "Seite nicht gefunden" in html


def test_gunicorn_serves_the_stylesheet_the_home_page_links(gunicorn_site):
    _, _, html = fetch(gunicorn_site + "/")
    link = re.search(r'<link\b[^>]*\brel="stylesheet"[^>]*>', html)
    assert link, "the home page links no stylesheet"
    href = re.search(r'\bhref="([^"]+)"', link.group(0)).group(1)

    status, headers, _ = fetch(gunicorn_site + href)

    assert status == 200
    assert headers["Content-Type"].startswith("text/css")


def test_gunicorn_workers_all_answer_304_for_the_etag_one_of_them_sent(gunicorn_site):
    url = gunicorn_site + "/organisationen/"
    _, headers, _ = fetch(url)

    # Two workers take turns; each must know the ETag whichever one sent.
    statuses = {fetch(url, {"If-None-Match": headers["ETag"]})[0] for _ in range(10)}

    assert statuses == {304}
