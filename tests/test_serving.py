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
from pathlib import Path

import django
import pytest
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


def fetch(url):
    """Status, headers and text of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
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
