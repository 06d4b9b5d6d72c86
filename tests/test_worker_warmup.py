"""
A gunicorn worker is ready before visitors come: the master prepares URLs, templates,
translations and the list's entry index once (lausitz_directory/warmup.py), and a worker
forked after a change builds the index (organisations/entry_index.py) before it takes requests.
"""

import logging
import runpy

import pytest
from django.conf import settings
from django.template import engines
from django.urls import get_resolver

from lausitz_directory import warmup
from organisations import entry_index

from .support.database_down import database_down  # noqa: F401 (a fixture)
from .support.servers import manage, seeded_site, server_environment


def gunicorn_config():
    return runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))


@pytest.mark.db_agnostic
def test_the_master_compiles_every_project_template_before_it_forks():
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()

    warmup.load_code()

    compiled = set(loader.get_template_cache)
    assert "organisations/organisation_list.html" in compiled
    assert set(warmup.templates()) <= compiled


@pytest.mark.db_agnostic
def test_the_master_builds_the_reverse_lookups_of_every_language_before_it_forks():
    resolver = get_resolver()
    resolver._reverse_dict.clear()

    warmup.load_code()

    assert set(resolver._reverse_dict) == {"de", "en"}


# In a process of its own, as gunicorn's master: closing the connection would end a test's
# transaction, and flushing the test database would take the rows the migrations made.
MASTER = """
import runpy
from django.db import connection
from django.test.utils import CaptureQueriesContext
from organisations import entry_index

runpy.run_path("gunicorn.conf.py")["when_ready"](None)
closed = connection.connection is None
with CaptureQueriesContext(connection) as queries:
    entry_index.current()
print(closed, len(queries))
"""


@pytest.mark.db_agnostic
def test_the_master_builds_the_entry_index_and_closes_its_connection_before_it_forks(
    tmp_path, migrated_sqlite
):
    env = seeded_site(server_environment(tmp_path), migrated_sqlite)

    printed = manage(env, "shell", "--no-imports", "-c", MASTER)

    # Closed, and then only the content version is read: the index was built.
    assert printed.split() == ["True", "1"]


@pytest.mark.django_db
def test_a_gunicorn_worker_builds_the_entry_index_before_its_first_request(
    django_assert_num_queries,
):
    gunicorn_config()["post_worker_init"](worker=None)

    # The first request then only reads the content version, as every later one does.
    with django_assert_num_queries(1):
        entry_index.current()


@pytest.mark.django_db
@pytest.mark.usefixtures("database_down")
def test_a_worker_starts_while_the_database_is_down_and_leaves_the_index_to_a_request(caplog):
    with caplog.at_level(logging.WARNING, logger="organisations.entry_index"):
        entry_index.warm()

    assert "Entry index not built ahead of requests" in caplog.text
