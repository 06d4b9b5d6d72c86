"""
Two app servers, as behind a load balancer: two gunicorn instances on their own ports, one
database and one Redis (REDIS_URL). A page one server rendered is served by the other from
Redis, and an edit shows through the other server on the very next request, because every
page cache key names the content stamp, which both read from the shared database.

The servers need a database they can see: the test database sits inside a transaction. So
they get a fresh one, migrated and seeded here and removed afterwards: a file next to the
test on SQLite, a database of its own on the PostgreSQL server of DATABASE_URL.
"""

import contextlib
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.conf import settings

from .test_serving import (
    BASE_DIR,
    STARTUP_TIMEOUT,
    fetch,
    free_port,
    manage,
    server_environment,
    wait_until_answering,
)

GUNICORN = Path(sys.executable).parent / "gunicorn"
# A database of the private Redis (scripts/redis.sh) of its own: tests/test_shared_cache.py
# empties database 0 between its tests.
REDIS_URL = "redis://127.0.0.1:6390/1"
# What a reverse proxy passes on to every app server: the site's one public host.
PUBLIC_HOST = {"Host": "localhost"}


@contextlib.contextmanager
def database_for_the_servers(tmp):
    """A DATABASE_URL the servers share: a new PostgreSQL database or an SQLite file."""
    test_database = os.environ.get("DATABASE_URL", "")
    if not test_database.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp / 'shared.sqlite3'}"
        return
    name = f"lausitz_two_servers_{secrets.token_hex(4)}"
    # CREATE DATABASE cannot run in the test's transaction; from the maintenance database,
    # as Django creates the test database.
    with psycopg.connect(test_database, dbname="postgres", autocommit=True) as server:
        server.execute(f"CREATE DATABASE {name}")
        try:
            yield urlsplit(test_database)._replace(path=f"/{name}").geturl()
        finally:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextlib.contextmanager
def app_server(env, log):
    """One gunicorn with one worker, in a process group of its own; its base URL."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env={**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_answering(base_url + "/", process, log)
        yield base_url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STARTUP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def two_app_servers(tmp_path_factory):
    """Base URLs of two app servers on one database and one Redis, and their environment."""
    subprocess.run([BASE_DIR / "scripts" / "redis.sh"], check=True, timeout=30)
    tmp = tmp_path_factory.mktemp("two-app-servers")
    with contextlib.ExitStack() as stack:
        env = server_environment(tmp)
        env.update(
            DATABASE_URL=stack.enter_context(database_for_the_servers(tmp)),
            REDIS_URL=REDIS_URL,
            # The test session collected them already; both servers serve the same release.
            DJANGO_STATIC_ROOT=str(settings.STATIC_ROOT),
        )
        manage(env, "migrate", "--noinput")
        manage(env, "seed_directory")
        first = stack.enter_context(app_server(env, tmp / "first.log"))
        second = stack.enter_context(app_server(env, tmp / "second.log"))
        yield first, second, env


def get(base_url, path):
    status, headers, html = fetch(base_url + path, PUBLIC_HOST)
    assert status == 200, html
    return headers, html


def save_in_django(env, code):
    """Python run by `manage.py shell` against the servers' database, as another process."""
    manage(env, "shell", "-c", code)


def test_page_one_app_server_rendered_is_served_by_the_other_from_redis(two_app_servers):
    first, second, env = two_app_servers
    path = "/organisationen/lausitzrunde/"
    rendered_headers, rendered = get(first, path)
    # Changed behind the page cache's back (a queryset update counts no change), so only a
    # page from Redis can still show the old name.
    save_in_django(
        env,
        "from organisations.models import Organisation;"
        "Organisation.objects.filter(slug='lausitzrunde').update(name='Nie gerendert')",
    )

    served_headers, served = get(second, path)

    assert served == rendered
    assert "Nie gerendert" not in served
    assert served_headers["ETag"] == rendered_headers["ETag"]


def test_edit_through_one_app_server_shows_on_the_other_at_once(two_app_servers):
    first, second, env = two_app_servers
    path = "/organisationen/wasserstoffnetzwerk-lausitz/"
    get(first, path)
    before_headers, before = get(second, path)
    assert "Wasserstoff-Netzwerk der Lausitz" not in before

    # What an editor's save in the admin does: the model's save, its signals and all.
    save_in_django(
        env,
        "from organisations.models import Organisation;"
        "organisation = Organisation.objects.get(slug='wasserstoffnetzwerk-lausitz');"
        "organisation.name = 'Wasserstoff-Netzwerk der Lausitz';"
        "organisation.save()",
    )
    after_headers, after = get(second, path)

    assert "Wasserstoff-Netzwerk der Lausitz" in after
    assert after_headers["ETag"] != before_headers["ETag"]
    assert fetch(second + path, {**PUBLIC_HOST, "If-None-Match": before_headers["ETag"]})[0] == 200
