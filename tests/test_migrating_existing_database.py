"""
A database that today's site runs on keeps every row when the code of a later release migrates
it. The database in tests/data was made by main at commit e65c8ed (before the editorial core,
network and demo apps): migrated, seeded, with 40 demo entries and an editor's saved versions.
"""

import functools
import gzip
import importlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# The sections migrations add to the privacy policy: on suggestions, on barrier reports.
ADDED_SECTIONS = [
    section
    for module in ["0003_privacy_policy", "0006_privacy_policy_barrier_reports"]
    for _before, section in importlib.import_module(
        f"suggestions.migrations.{module}"
    ).SECTIONS.values()
]
# The flat pages a later migration adds: the accessibility statement and Leichte Sprache.
NEW_PAGES = {
    url
    for url, _title, _content in importlib.import_module(
        "legal.migrations.0003_accessibility_pages"
    ).PAGES
}

# It migrates a file of its own in a process of its own; the test database is not involved.
pytestmark = pytest.mark.db_agnostic

OLD_DATABASE = Path(__file__).parent / "data" / "main-e65c8ed.sqlite3.gz"
# Rows that migrations add to as new apps and models arrive; the old rows must stay.
# (The editors' group gains the rights of new apps; new flat pages join the site.)
GROWING_TABLES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group_permissions",
    "django_flatpage_sites",
}
# Rows a migration adds text to: the privacy policy gains its sections on suggestions and
# barrier reports (suggestions/migrations/0003_…, 0006_…); everything else of them stays.
EXTENDED_TABLES = {"django_flatpage"}
# Derived data that is rebuilt rather than kept: the search index, the change stamp,
# SQLite's own statistics.
REBUILT_PREFIXES = ("organisations_search", "pagecache_", "sqlite_")


def tables(connection):
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows if not name.startswith(REBUILT_PREFIXES)}


def columns(connection, table):
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def rows(connection, table, names):
    selected = ", ".join(f'"{name}"' for name in names)
    return sorted(connection.execute(f'SELECT {selected} FROM "{table}"'), key=repr)


def manage(database, *args):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SECRET_KEY": "test-secret-key-not-for-production",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """The old database before and after `migrate` of the current code."""
    folder = tmp_path_factory.mktemp("old-database")
    before, after = folder / "before.sqlite3", folder / "after.sqlite3"
    with gzip.open(OLD_DATABASE) as packed, before.open("wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    shutil.copy(before, after)
    manage(after, "migrate", "--noinput")
    with sqlite3.connect(before) as old, sqlite3.connect(after) as new:
        yield old, new, after


def test_every_table_of_the_old_database_is_still_there(migrated):
    old, new, _ = migrated
    assert tables(old) - tables(new) == set()


def test_every_row_of_the_old_database_is_kept_unchanged(migrated):
    old, new, _ = migrated
    changed = []
    for table in sorted(tables(old) - GROWING_TABLES - EXTENDED_TABLES):
        names = columns(old, table)
        if rows(old, table, names) != rows(new, table, names):
            changed.append(table)
    assert changed == []


def test_the_legal_pages_keep_their_text_with_the_suggestions_section_added(migrated):
    old, new, _ = migrated
    added = ADDED_SECTIONS
    names = columns(old, "django_flatpage")
    kept = [
        tuple(
            functools.reduce(lambda text, section: text.replace(section, ""), added, value)
            if isinstance(value, str)
            else value
            for value in row
        )
        for row in rows(new, "django_flatpage", names)
        if row[names.index("url")] not in NEW_PAGES
    ]
    assert kept == rows(old, "django_flatpage", names)
    assert any(added[0] in content for (content,) in rows(new, "django_flatpage", ["content"]))


def test_rows_the_migrations_add_to_keep_the_old_ones(migrated):
    old, new, _ = migrated
    for table in GROWING_TABLES:
        names = columns(old, table)
        assert set(rows(old, table, names)) <= set(rows(new, table, names)), table


def test_the_migrated_database_has_no_migration_left_and_finds_its_entries(migrated):
    _, _, database = migrated
    assert "[ ]" not in manage(database, "showmigrations")
    found = manage(
        database,
        "shell",
        "-c",
        "from organisations.models import Organisation;"
        "print(Organisation.objects.published().search('Wasserstoff').count())",
    )
    assert int(found.strip().splitlines()[-1]) > 0
