import json
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from pytest_django.fixtures import validate_django_db

from .support.servers import on_postgres

# Examples per property (tests/test_fuzzing.py): the SQLite run explores, the PostgreSQL run
# tries the database's side of the same input with fewer, and HYPOTHESIS_PROFILE=long explores
# for as long as one cares to wait. No database of failing examples: every run explores afresh,
# and a failure prints its example to reproduce. The requests only read, so one seeded database
# serves every example of a test.
hypothesis_settings.register_profile(
    "sqlite",
    deadline=None,
    max_examples=60,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "postgresql", hypothesis_settings.get_profile("sqlite"), max_examples=15
)
hypothesis_settings.register_profile(
    "long", hypothesis_settings.get_profile("sqlite"), max_examples=2_000
)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "postgresql" if on_postgres() else "sqlite")
)

SEED = "lausitz_directory"
# The seed's models in the fixture's order, which is that of their dependencies.
SEED_MODELS = list(
    dict.fromkeys(
        entry["model"]
        for entry in json.loads(
            (Path(__file__).resolve().parent.parent / "fixtures" / f"{SEED}.json").read_text()
        )
    )
)


def pytest_sessionstart(session):
    """
    Pages link hashed static file names, which exist only after collectstatic. Once, before
    any xdist worker starts: the workers share the folder.
    """
    if not hasattr(session.config, "workerinput"):
        call_command("collectstatic", interactive=False, verbosity=0)


def load_seed():
    call_command("loaddata", SEED, verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """
    The test database with the seed, loaded once: every test starts from it and rolls back
    to it. Returns what the migrations alone wrote, for the tests that empty the tables.
    """
    with django_db_blocker.unblock():
        migrated = connection.creation.serialize_db_to_string()
        load_seed()
    return migrated


@pytest.fixture
def seed(db):
    """The directory as the seed fixture describes it, which the session loaded."""


@pytest.fixture(autouse=True)
def directory_as_asked(request):
    """
    A test that does not ask for the seed finds the database as the migrations left it: the
    seed's rows are deleted in its transaction, which is cheaper than loading them for the
    others. Tests that empty the tables (transactional ones) restore what they need.
    """
    names = request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in names or "live_server" in names
    if marker is not None:
        transaction, *_ = validate_django_db(marker)
        transactional = transactional or transaction
    if ("db" in names or marker is not None) and not transactional and "seed" not in names:
        request.getfixturevalue("db")
        for label in reversed(SEED_MODELS):
            apps.get_model(label).objects.all().delete()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup):
    """What the migrations wrote: the legal pages, the Site, the editors' group and more."""
    return django_db_setup


@pytest.fixture
def live_seed(migrated_data, transactional_db, live_server):
    """
    The seeded directory behind a live server, for browser tests that write. pytest-django
    runs them after the tests that roll back to the session's seed and empties every table
    after each, so each one first restores what migrations wrote and the seed. (Django's
    serialized rollback does not do it here: it keeps the data on a connection object that
    Playwright's event loop replaces.)
    """
    # Emptied without post_migrate, which would recreate content types under new keys.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(migrated_data)
    load_seed()
    return live_server


@pytest.fixture
def editor(client, seed):
    """A client logged in as a member of the "Redaktion" group, as the publisher sets editors up."""
    user = User.objects.create_user("redakteurin", password="Lausitz-2026-Redaktion", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts without cached pages, as a freshly started server does."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashing is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def plain_http():
    """
    The test client and the live server speak plain HTTP, which production redirects to
    HTTPS; tests of HTTPS behaviour ask for it with `secure=True`. For the whole session,
    since the live server reads its settings once.
    """
    with override_settings(SECURE_SSL_REDIRECT=False):
        yield
