import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command


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


@pytest.fixture
def live_seed(transactional_db, django_db_serialized_rollback, live_server):
    """
    The seeded directory behind a live server, for browser and HTTP tests. Such tests
    empty every table afterwards; the serialized rollback brings back what migrations
    wrote (the legal pages, the Site, the editors' group) for the next test.
    """
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
def fast_password_hashing(settings):
    # Real hashing is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
