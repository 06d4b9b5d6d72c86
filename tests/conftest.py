import fcntl
import hashlib
import json
import os
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from pytest_django.fixtures import validate_django_db
from xdist.scheduler import LoadScopeScheduling

from organisations import entry_index

from .support.admin_forms import create_editor
from .support.servers import manage, on_postgres, server_environment

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


# Tests whose module starts servers or builds a database once for all of them (a fixture of
# scope "module"), by the start of their node ids: one xdist worker runs each group, which
# would otherwise start them on every worker. (xdist's own `--dist loadgroup` cannot group
# under pytest 9.2: pytest-dev/pytest-xdist#1386.)
ONE_WORKER = (
    "tests/test_two_app_servers.py::",
    "tests/test_serving.py::test_gunicorn_",
    "tests/test_migrating_existing_database.py::",
)


class OneWorkerForSharedSetup(LoadScopeScheduling):
    """xdist's load balancing, test by test, but for the groups of ONE_WORKER."""

    def _split_scope(self, nodeid):
        return next((group for group in ONE_WORKER if nodeid.startswith(group)), nodeid)


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "load":
        return OneWorkerForSharedSetup(config, log)
    return None


def static_files_stamp():
    """
    What the collected static files were made from: every source file's path, size and
    modification time, the storage settings, and when the manifest was written.
    """
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        return None
    digest = hashlib.sha256(repr((settings.STORAGES, settings.STATIC_URL)).encode())
    sources = sorted(
        (storage.path(path), os.stat(storage.path(path)))
        for finder in finders.get_finders()
        for path, storage in finder.list([])
    )
    for path, stat in [*sources, (manifest, manifest.stat())]:
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def pytest_sessionstart(session):
    """
    Pages link hashed static file names, which exist only after collectstatic. Once, before
    any xdist worker starts: the workers share the folder. Not again while nothing it was
    made from changed: `make test` runs the suite twice, and post-processing (hashing,
    compressing) takes seconds.
    """
    if hasattr(session.config, "workerinput"):
        return
    stamp_file = Path(tempfile.gettempdir()) / (
        "lausitz-static-" + hashlib.sha256(str(settings.STATIC_ROOT).encode()).hexdigest()[:16]
    )
    if stamp_file.exists() and stamp_file.read_text() == static_files_stamp():
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp_file.write_text(static_files_stamp())


def load_seed():
    call_command("loaddata", SEED, verbosity=0)


def database_use(item):
    """
    How a test uses the test database, as pytest-django decides: "rollback" in a transaction
    that is rolled back, "transactional" committing and emptying the tables after, or None.
    """
    names = item.fixturenames
    marker = item.get_closest_marker("django_db")
    transactional = "transactional_db" in names or "live_server" in names
    if marker is not None:
        transaction, *_ = validate_django_db(marker)
        transactional = transactional or transaction
    if transactional:
        return "transactional"
    return "rollback" if "db" in names or marker is not None else None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """
    As pytest-django orders them: the tests that roll back, those that empty the tables, those
    without a database. Of the first, those that find the database as the migrations left it
    go before those that ask for the seed, which is then loaded once.
    """

    def phase(item):
        use = database_use(item)
        if use == "rollback":
            return 1 if "seed" in item.fixturenames else 0
        return 2 if use == "transactional" else 3

    items.sort(key=phase)


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker):
    """What the migrations wrote: the legal pages, the Site, the editors' group and more."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def migrated_data_kept(request):
    """
    A transactional test empties every table after it: what the migrations wrote is read
    before the first one runs, whichever test asks for it later (live_seed restores it).
    """
    if database_use(request.node) == "transactional":
        request.getfixturevalue("migrated_data")


# Whether the seed is in this process's test database, committed.
seed_loaded = False


@pytest.fixture(scope="session")
def seeded_database(migrated_data, django_db_blocker):
    """The seed, loaded into the test database once; the tests that ask for it roll back to it."""
    global seed_loaded
    with django_db_blocker.unblock():
        load_seed()
    seed_loaded = True


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory, worker_id):
    """
    An SQLite database file as `migrate` leaves it, made once for the whole run: the sites
    that tests start in processes of their own copy it rather than migrate anew (see
    tests/support/servers.py, migrate). xdist's workers share it: their temporary folders
    have one parent, fresh for each run, and the first worker to take the lock migrates.
    """
    folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        folder = folder.parent
    template = folder / "migrated.sqlite3"
    with (folder / "migrated.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            # Under another name until complete: a failed migrate leaves no template behind.
            partial = folder / "migrating.sqlite3"
            partial.unlink(missing_ok=True)
            manage(
                {**server_environment(folder), "DATABASE_URL": f"sqlite:///{partial}"},
                "migrate",
                "--noinput",
            )
            partial.rename(template)
    return template


@pytest.fixture
def seed(seeded_database, db):
    """The directory as the seed fixture describes it."""


@pytest.fixture(autouse=True)
def directory_as_asked(request):
    """
    A test that does not ask for the seed finds the database as the migrations left it. Such
    tests run before the seed is loaded (see pytest_collection_modifyitems); one that runs
    after, in another order, gets the seed's rows deleted in its transaction.
    """
    if (
        seed_loaded
        and database_use(request.node) == "rollback"
        and "seed" not in request.fixturenames
    ):
        request.getfixturevalue("db")
        for label in reversed(SEED_MODELS):
            apps.get_model(label).objects.all().delete()


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
    client.force_login(create_editor())
    return client


@pytest.fixture(autouse=True)
def german():
    """
    Each test starts in German, the site's language: a request to an English page leaves
    English active in the thread after it, as LocaleMiddleware activates but never resets.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_caches():
    """
    Each test starts without cached pages, as a freshly started server does, and without the
    content types Django keeps per process: a test that restored a backup made them anew under
    keys its rollback took back. Nor with the list's entry index, which a test that wrote
    rows without counting a change would otherwise leave to the next.
    """
    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()
    entry_index.forget()


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
