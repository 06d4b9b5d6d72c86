"""
The database objects search needs beyond Django's tables, per database.

PostgreSQL: pg_trgm, a trigger that turns the search text into German full-text tokens on
every write and collects its words in a word list, and GIN indexes for full-text and
substring search and for finding similar words in the word list.
SQLite: an FTS5 table with the trigram tokenizer that indexes the search text for substring
search, and triggers that keep it current on every write.

Django does not know these objects. On SQLite, altering the organisations table in a later
migration rebuilds it and drops its triggers, so `ensure_sqlite_search_index` runs again after
every migrate (organisations/apps.py) and rebuilds what is missing. PostgreSQL keeps triggers
when a table is altered.
"""

from .backends import FULLTEXT_CONFIG, SQLITE_FULLTEXT_TABLE, WORD_TABLE

TABLE = "organisations_organisation"
# Words are never removed from the word list: one no entry holds any more only finds nothing.
MIN_WORD_LENGTH = 4

POSTGRESQL_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE TABLE IF NOT EXISTS {WORD_TABLE} (word text PRIMARY KEY)",
    f"""
    CREATE INDEX IF NOT EXISTS organisations_search_word_trgm
    ON {WORD_TABLE} USING gin (word gin_trgm_ops)
    """,
    f"""
    CREATE OR REPLACE FUNCTION organisations_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := to_tsvector('{FULLTEXT_CONFIG}', coalesce(NEW.search_document, ''));
        INSERT INTO {WORD_TABLE} (word)
        SELECT DISTINCT word FROM unnest(string_to_array(NEW.search_document, ' ')) AS word
        WHERE length(word) >= {MIN_WORD_LENGTH}
        ON CONFLICT DO NOTHING;
        RETURN NEW;
    END $$
    """,
    f"DROP TRIGGER IF EXISTS organisations_search_vector ON {TABLE}",
    f"""
    CREATE TRIGGER organisations_search_vector BEFORE INSERT OR UPDATE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION organisations_search_vector_update()
    """,
    f"""
    CREATE INDEX IF NOT EXISTS organisations_search_vector_gin
    ON {TABLE} USING gin (search_vector)
    """,
    f"""
    CREATE INDEX IF NOT EXISTS organisations_search_document_trgm
    ON {TABLE} USING gin (search_document gin_trgm_ops)
    """,
    # Rows written before the trigger existed get their tokens and words now.
    f"UPDATE {TABLE} SET search_document = search_document WHERE search_vector IS NULL",
    f"""
    INSERT INTO {WORD_TABLE} (word)
    SELECT DISTINCT word FROM {TABLE}, unnest(string_to_array(search_document, ' ')) AS word
    WHERE length(word) >= {MIN_WORD_LENGTH}
    ON CONFLICT DO NOTHING
    """,
]

POSTGRESQL_TEARDOWN = [
    "DROP INDEX IF EXISTS organisations_search_document_trgm",
    "DROP INDEX IF EXISTS organisations_search_vector_gin",
    f"DROP TRIGGER IF EXISTS organisations_search_vector ON {TABLE}",
    "DROP FUNCTION IF EXISTS organisations_search_vector_update()",
    f"DROP TABLE IF EXISTS {WORD_TABLE}",
]

SQLITE_TRIGGERS = {
    "organisations_search_insert": f"""
        AFTER INSERT ON {TABLE} BEGIN
            INSERT INTO {SQLITE_FULLTEXT_TABLE} (rowid, document)
            VALUES (new.id, new.search_document);
        END""",
    "organisations_search_update": f"""
        AFTER UPDATE OF id, search_document ON {TABLE} BEGIN
            DELETE FROM {SQLITE_FULLTEXT_TABLE} WHERE rowid = old.id;
            INSERT INTO {SQLITE_FULLTEXT_TABLE} (rowid, document)
            VALUES (new.id, new.search_document);
        END""",
    "organisations_search_delete": f"""
        AFTER DELETE ON {TABLE} BEGIN
            DELETE FROM {SQLITE_FULLTEXT_TABLE} WHERE rowid = old.id;
        END""",
}


def ensure_sqlite_search_index(connection):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        _ensure_sqlite(cursor)


def _ensure_sqlite(cursor):
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE]
    )
    if {name for (name,) in cursor.fetchall()} >= SQLITE_TRIGGERS.keys():
        return
    # Writes made while a trigger was missing are not indexed: index everything anew.
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_FULLTEXT_TABLE} "
        "USING fts5(document, tokenize = 'trigram')"
    )
    cursor.execute(f"DELETE FROM {SQLITE_FULLTEXT_TABLE}")
    cursor.execute(
        f"INSERT INTO {SQLITE_FULLTEXT_TABLE} (rowid, document) "
        f"SELECT id, search_document FROM {TABLE}"
    )
    for name, body in SQLITE_TRIGGERS.items():
        cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop_sqlite_search_index(cursor):
    for name in SQLITE_TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    cursor.execute(f"DROP TABLE IF EXISTS {SQLITE_FULLTEXT_TABLE}")


def postgresql_statements(statements):
    def execute(cursor):
        for statement in statements:
            cursor.execute(statement)

    return execute


# What builds and what removes the search index, by database vendor.
SETUP = {"postgresql": postgresql_statements(POSTGRESQL_SETUP), "sqlite": _ensure_sqlite}
TEARDOWN = {
    "postgresql": postgresql_statements(POSTGRESQL_TEARDOWN),
    "sqlite": drop_sqlite_search_index,
}


def run_for_vendor(connection, steps):
    if connection.vendor in steps:
        with connection.cursor() as cursor:
            steps[connection.vendor](cursor)


def ensure_search_index(connection):
    run_for_vendor(connection, SETUP)


def drop_search_index(connection):
    run_for_vendor(connection, TEARDOWN)
