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
import http.cookiejar
import os
import re
import secrets
import time
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, build_opener

import psycopg
import pytest
from django.conf import settings

from .support.redis import redis_url, start_redis
from .support.servers import (
    REQUEST_TIMEOUT,
    fetch,
    gunicorn,
    manage,
    migrate,
    on_postgres,
    server_environment,
)

# What a reverse proxy passes on to every app server: the site's one public host.
PUBLIC_HOST = {"Host": "localhost"}
EDITOR = "chefredaktion"
EDITOR_PASSWORD = "Lausitz-2026-zwei-Server"
ORGANISATION_ADMIN = "/admin/organisations/organisation/"
# The seed as `make seed` adds it, and an administrator: in one process, as each costs a start.
SEED_AND_EDITOR = f"""
from django.contrib.auth.models import User
from django.core.management import call_command
call_command("seed_directory")
User.objects.create_superuser({EDITOR!r}, "chef@example.org", {EDITOR_PASSWORD!r})
"""


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
            drop_database(server, name)


def drop_database(server, name, attempts=50):
    """
    Drops the servers' database once nothing uses it any more. An autovacuum worker may
    still be in it for a moment; WITH (FORCE) cannot end that superuser process.
    """
    for _ in range(attempts - 1):
        try:
            server.execute(f"DROP DATABASE IF EXISTS {name}")
            return
        except psycopg.errors.ObjectInUse:
            time.sleep(0.2)
    server.execute(f"DROP DATABASE IF EXISTS {name}")


@pytest.fixture(scope="module")
def two_app_servers(request, tmp_path_factory):
    """Base URLs of two app servers on one database and one Redis, and their environment."""
    start_redis()
    migrated = None if on_postgres() else request.getfixturevalue("migrated_sqlite")
    tmp = tmp_path_factory.mktemp("two-app-servers")
    with contextlib.ExitStack() as stack:
        env = server_environment(tmp)
        env.update(
            DATABASE_URL=stack.enter_context(database_for_the_servers(tmp)),
            REDIS_URL=redis_url("app servers"),
            # The test session collected them already; both servers serve the same release.
            DJANGO_STATIC_ROOT=str(settings.STATIC_ROOT),
        )
        migrate(env, migrated)
        manage(env, "shell", "-c", SEED_AND_EDITOR)
        _, first = stack.enter_context(gunicorn(env, tmp, workers=1, name="first"))
        _, second = stack.enter_context(gunicorn(env, tmp, workers=1, name="second"))
        yield first, second, env


def get(base_url, path):
    status, headers, html = fetch(base_url + path, PUBLIC_HOST)
    assert status == 200, html
    return headers, html


class FormFields(HTMLParser):
    """The fields a browser sends for the form with the given id, as the page fills them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.in_form = False
        self.select = self.textarea = None
        self.fields = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        if not self.in_form:
            return
        kind = attrs.get("type", "text")
        if tag == "input" and "name" in attrs and kind not in {"submit", "button", "file"}:
            if kind not in {"checkbox", "radio"} or "checked" in attrs:
                default = "on" if kind == "checkbox" else ""
                self.fields.append((attrs["name"], attrs.get("value", default)))
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs["value"]))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # HTML drops the line break that follows <textarea>.
            name, value = self.textarea
            self.fields.append((name, value.removeprefix("\n")))
            self.textarea = None


def form_fields(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


class Editor:
    """An editor's browser: cookies, the CSRF token of each form, logged in to one server."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.browser = build_opener(HTTPCookieProcessor(http.cookiejar.CookieJar()))
        fields = dict(form_fields(self.open("/admin/login/")[1], "login-form"))
        fields.update(username=EDITOR, password=EDITOR_PASSWORD)
        assert self.open("/admin/login/", fields)[0] == self.base_url + "/admin/"

    def open(self, path, data=None):
        """The address after redirects and the page's HTML."""
        body = urlencode(data, doseq=True).encode() if data is not None else None
        with self.browser.open(self.base_url + path, body, timeout=REQUEST_TIMEOUT) as response:
            return response.url, response.read().decode()

    def change_organisation(self, name, changes):
        """Finds it in the admin, changes some fields in its form and saves; where it ends up."""
        _, results = self.open(f"{ORGANISATION_ADMIN}?{urlencode({'q': name})}")
        path = re.search(rf"{ORGANISATION_ADMIN}\d+/change/", results)[0]
        fields = [
            (field, value)
            for field, value in form_fields(self.open(path)[1], "organisation_form")
            if field not in changes
        ]
        return self.open(path, [*fields, *changes.items(), ("_save", "Sichern")])[0]


def test_page_one_app_server_rendered_is_served_by_the_other_from_redis(two_app_servers):
    first, second, env = two_app_servers
    path = "/organisationen/lausitzrunde/"
    rendered_headers, rendered = get(first, path)
    # Changed behind the page cache's back (a queryset update counts no change), so only a
    # page from Redis can still show the old name.
    manage(
        env,
        "shell",
        "-c",
        "from organisations.models import Organisation;"
        "Organisation.objects.filter(slug='lausitzrunde').update(name='Nie gerendert')",
    )

    served_headers, served = get(second, path)

    assert served == rendered
    assert "Nie gerendert" not in served
    assert served_headers["ETag"] == rendered_headers["ETag"]


def test_admin_edit_through_one_app_server_shows_on_the_other_at_once(two_app_servers):
    first, second, _ = two_app_servers
    path = "/organisationen/wasserstoffnetzwerk-lausitz/"
    get(first, path)
    before_headers, before = get(second, path)
    assert "Wasserstoff-Netzwerk der Lausitz" not in before

    saved = Editor(first).change_organisation(
        "Wasserstoffnetzwerk Lausitz", {"name": "Wasserstoff-Netzwerk der Lausitz"}
    )
    after_headers, after = get(second, path)

    assert saved == first + ORGANISATION_ADMIN
    assert "Wasserstoff-Netzwerk der Lausitz" in after
    assert after_headers["ETag"] != before_headers["ETag"]


def test_the_other_app_server_answers_an_etag_from_before_an_edit_with_the_new_page(
    two_app_servers,
):
    first, second, _ = two_app_servers
    path = "/organisationen/mingentec/"
    before_headers, _ = get(second, path)

    Editor(first).change_organisation("MinGenTec", {"acronym": "MGT"})
    status, headers, _ = fetch(
        second + path, {**PUBLIC_HOST, "If-None-Match": before_headers["ETag"]}
    )

    assert status == 200
    assert headers["ETag"] != before_headers["ETag"]
