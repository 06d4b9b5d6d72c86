"""
The directory's published entries as one SQLite table, for Datasette, the peer that
bench/run.py measures the site against.

    DATABASE_URL=... .venv/bin/python bench/export_datasette.py OUT.db

Reads whichever database DATABASE_URL names (SQLite without it) and writes the table
`organisations` into OUT.db (replaced if it exists): one row per entry the list page shows,
with the category and legal form as text, and the states, districts and topics as JSON arrays,
which Datasette counts with `_facet_array`. run.py then enables full-text search on the name
and description with sqlite-utils.
"""

import json
import os
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = {
    "id": "INTEGER PRIMARY KEY",
    "name": "TEXT",
    "slug": "TEXT",
    "category": "TEXT",
    "legal_form": "TEXT",
    "founding_year": "INTEGER",
    "member_count": "INTEGER",
    "website": "TEXT",
    "description": "TEXT",
    "federal_states": "TEXT",
    "districts": "TEXT",
    "topics": "TEXT",
}
CHUNK_SIZE = 2000


def rows():
    from organisations.models import Organisation

    organisations = (
        Organisation.objects.published()
        .entries()
        .select_related("category")
        .prefetch_related("federal_states", "districts", "topics")
        .order_by("pk")
    )
    for organisation in organisations.iterator(chunk_size=CHUNK_SIZE):
        yield (
            organisation.pk,
            organisation.name,
            organisation.slug,
            organisation.category.name,
            str(organisation.get_legal_form_display()) if organisation.legal_form else None,
            organisation.founding_year,
            organisation.member_count,
            organisation.website,
            organisation.description,
            names(organisation.federal_states.all()),
            names(organisation.districts.all()),
            names(organisation.topics.all()),
        )


def names(related):
    return json.dumps([item.name for item in related], ensure_ascii=False)


def export(path):
    path.unlink(missing_ok=True)
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items())
    placeholders = ", ".join("?" for _ in COLUMNS)
    with sqlite3.connect(path) as connection:
        connection.execute(f"CREATE TABLE organisations ({columns})")
        connection.executemany(f"INSERT INTO organisations VALUES ({placeholders})", rows())
        count = connection.execute("SELECT count(*) FROM organisations").fetchone()[0]
    connection.close()
    return count


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} OUT.db")
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lausitz_directory.settings")
    import django

    django.setup()
    count = export(Path(sys.argv[1]))
    print(f"{count} organisations written to {sys.argv[1]}")


if __name__ == "__main__":
    main()
