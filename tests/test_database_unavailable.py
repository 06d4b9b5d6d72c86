"""
A database that does not answer: visitors get a German 503 page with Retry-After, never a
traceback, and the site recovers by itself when the database is back.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from lausitz_directory.unavailable import server_error

from .support.database_down import database_down  # noqa: F401 (a fixture)
from .support.pages import text
from .support.servers import (
    fetch,
    free_port,
    gunicorn,
    on_postgres,
    poll,
    seeded_site,
    server_environment,
)

UNAVAILABLE = "Vorübergehend nicht erreichbar"


@pytest.fixture
def visitor(client):
    client.raise_request_exception = False
    return client


@pytest.mark.usefixtures("database_down")
def test_a_page_answers_503_with_retry_after_while_the_database_is_down(visitor):
    response = visitor.get("/organisationen/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.usefixtures("database_down")
def test_the_503_page_is_a_styled_german_page_without_a_traceback(visitor):
    response = visitor.get("/organisationen/")

    assert UNAVAILABLE in text(response)
    assert '<html lang="de">' in response.text
    assert "css/site." in response.text
    assert "Error" not in text(response)
    assert "Traceback" not in text(response)


@pytest.mark.usefixtures("database_down")
def test_the_503_page_of_an_english_address_is_english(visitor):
    response = visitor.get("/en/organisations/")

    assert response.status_code == 503
    assert '<html lang="en">' in response.text


@pytest.mark.usefixtures("database_down")
def test_an_editor_with_a_session_gets_the_503_page_too(visitor):
    # Past the page cache, the session and the user would be read from the database.
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "abc"

    response = visitor.get("/organisationen/")

    assert response.status_code == 503
    assert UNAVAILABLE in text(response)


def test_other_errors_still_get_the_500_page(rf):
    try:
        raise RuntimeError("A bug, not an outage.")
    except RuntimeError:
        response = server_error(rf.get("/"))

    assert response.status_code == 500


# --- PostgreSQL stopped and started for real --------------------------------------------------

POSTGRES_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), default=None)


class Cluster:
    """A throwaway PostgreSQL cluster of its own, never the one the test suite runs on."""

    def __init__(self, directory):
        self.directory = directory
        self.data = directory / "data"
        self.log = directory / "postgres.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/lausitz"

    def run(self, program, *args):
        subprocess.run(
            ["runuser", "-u", "postgres", "--", POSTGRES_BIN / program, *args],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def create(self):
        shutil.chown(self.directory, "postgres", "postgres")
        # Trust on loopback is enough for a cluster that lives as long as this test.
        self.run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "lausitz")

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", self.data, "-o", options, "-l", self.log, "-w", "start")

    def stop(self, mode="fast"):
        self.run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")


@pytest.fixture
def cluster():
    # Under /tmp, not pytest's folder, which the postgres user may not enter.
    directory = Path(tempfile.mkdtemp(prefix="lausitz-pg-"))
    cluster = Cluster(directory)
    try:
        cluster.create()
        yield cluster
    finally:
        if (cluster.data / "postmaster.pid").exists():
            cluster.stop("immediate")
        shutil.rmtree(directory)


# It needs no test database; once per `make test` is enough, so it runs in the PostgreSQL run.
@pytest.mark.skipif(not on_postgres(), reason="runs in the PostgreSQL test run")
@pytest.mark.skipif(
    POSTGRES_BIN is None or os.geteuid() != 0, reason="needs PostgreSQL's programs and root"
)
def test_site_answers_503_while_postgresql_is_stopped_and_recovers_when_it_returns(
    cluster, tmp_path
):
    env = seeded_site({**server_environment(tmp_path), "DATABASE_URL": cluster.url})

    with gunicorn(env, tmp_path, workers=2) as (_, site):
        page = site + "/organisationen/"
        assert fetch(page)[0] == 200
        assert fetch(site + "/readyz")[0] == 200

        cluster.stop()
        status, headers, html = fetch(page)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert UNAVAILABLE in html
        assert fetch(site + "/readyz")[0] == 503
        assert fetch(site + "/healthz")[0] == 200

        cluster.start()
        # Each worker drops its broken connection and connects anew.
        assert poll(lambda: fetch(page)[0] == 200)
        assert [fetch(page)[0] for _ in range(10)] == [200] * 10
        assert fetch(site + "/readyz")[0] == 200
