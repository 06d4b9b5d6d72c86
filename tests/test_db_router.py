"""
A read replica (DATABASE_REPLICA_URL): visitors' pages read the directory from it, together
with the page cache's content stamp; writes, transactions, sessions and logins use the primary.
"""

import shutil
import sqlite3
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import transaction
from reversion.models import Version

from contacts.models import ContactPerson
from lausitz_directory.db_routers import ReplicaRouter
from organisations.models import Organisation
from pagecache.models import ContentStamp

from .support.servers import BASE_DIR, COMMAND_TIMEOUT, manage, migrate, server_environment

# The router decides by model and setting, whatever the database: on SQLite only.
pytestmark = pytest.mark.db_agnostic

router = ReplicaRouter()


@pytest.mark.parametrize("model", [Organisation, ContactPerson, ContentStamp])
def test_directory_and_content_stamp_are_read_from_the_replica(model):
    assert router.db_for_read(model) == "replica"


@pytest.mark.parametrize("model", [Session, User, AccessAttempt, Version])
def test_sessions_logins_and_history_are_read_from_the_primary(model):
    assert router.db_for_read(model) == "default"


def test_every_write_goes_to_the_primary():
    assert router.db_for_write(Organisation) == "default"
    assert router.db_for_write(ContentStamp) == "default"


# The tests that empty the tables run last and restore what they need (see live_seed).
@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_go_to_the_primary():
    with transaction.atomic():
        assert router.db_for_read(Organisation) == "default"


def test_only_the_primary_is_migrated():
    assert router.allow_migrate("default", "organisations")
    assert not router.allow_migrate("replica", "organisations")


READ_THROUGH_THE_ROUTER = """
from django.contrib.auth.models import User
from django.db import transaction
from organisations.models import Organisation
print(Organisation.objects.get(slug="lausitzrunde").name)
with transaction.atomic():
    print(Organisation.objects.get(slug="lausitzrunde").name)
print(User.objects.filter(username="nur-im-primaer").exists())
"""


def test_replica_url_adds_the_replica_and_the_router(tmp_path, migrated_sqlite):
    env = server_environment(tmp_path)
    migrate(env, migrated_sqlite)
    manage(env, "seed_directory", "-v", "0")
    replica = tmp_path / "replica.sqlite3"
    shutil.copy(tmp_path / "db.sqlite3", replica)
    with sqlite3.connect(tmp_path / "db.sqlite3") as primary:
        primary.execute(
            "INSERT INTO auth_user (username, password, is_superuser, first_name, last_name,"
            " email, is_staff, is_active, date_joined) VALUES"
            " ('nur-im-primaer', '!', 0, '', '', '', 0, 1, '2026-01-01')"
        )
    with sqlite3.connect(replica) as copy:
        copy.execute(
            "UPDATE organisations_organisation SET name = 'Lausitzrunde (Replik)'"
            " WHERE slug = 'lausitzrunde'"
        )

    read = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", READ_THROUGH_THE_ROUTER],
        cwd=BASE_DIR,
        env={**env, "DATABASE_REPLICA_URL": f"sqlite:///{replica}"},
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=True,
    )

    assert read.stdout.splitlines() == ["Lausitzrunde (Replik)", "Lausitzrunde", "True"]
