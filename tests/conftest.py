import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings


@pytest.fixture(scope="session", autouse=True)
def static_files():
    """Pages link hashed static file names, which exist only after collectstatic."""
    call_command("collectstatic", interactive=False, verbosity=0)


def load_seed():
    call_command("loaddata", "lausitz_directory", verbosity=0)


@pytest.fixture
def seed(db):
    """The directory as the seed fixture describes it."""
    load_seed()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker):
    """What the migrations wrote: the legal pages, the Site, the editors' group and more."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def live_seed(migrated_data, transactional_db, live_server):
    """
    The seeded directory behind a live server, for browser and HTTP tests. Such tests
    empty every table afterwards, so each one first restores what migrations wrote.
    (Django's serialized rollback does not do it here: it keeps the data on a connection
    object that Playwright's event loop replaces.)
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
