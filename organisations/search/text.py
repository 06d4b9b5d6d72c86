"""
The text side of search: folding and the search text every organisation carries.

Both sides of a comparison are folded to plain lower-case letters, so that
"Görlitz", "goerlitz", "GORLITZ" and "Gorlitz" all become "gorlitz", and
"Neiße" and "Neisse" both become "neisse"; normalising also turns punctuation
into single spaces. Organisation.search_document holds the normalised names,
topics and descriptions (kept current by organisations/signals.py); queries
are read by query.py and run by backends.py.

The database can fold too, through a function named `directory_fold`, used to
rank matches in names: SQLite gets the Python function below on every
connection, PostgreSQL gets an SQL function created by a migration from the
same character table.
"""

import re
import unicodedata

from django.db.models import Func, TextField

FOLD_FUNCTION = "directory_fold"

# Every accented Latin letter that decomposes to one ASCII letter, mapped to its
# lower-case base letter: "Ö" -> "o", "ń" -> "n".
_ACCENTED = "".join(
    chr(code)
    for code in range(0xC0, 0x250)
    if len(base := unicodedata.normalize("NFKD", chr(code)).encode("ascii", "ignore")) == 1
    and base.isalpha()
)
_BASES = "".join(
    unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode().lower()
    for char in _ACCENTED
)
_CHAR_TABLE = str.maketrans(_ACCENTED, _BASES)
# German spellings without umlauts ("Goerlitz") fold like the letters they stand for.
DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_SHARP_S = ("ß", "ẞ")


def fold(text):
    if text is None:
        return None
    text = text.translate(_CHAR_TABLE)
    for sharp_s in _SHARP_S:
        text = text.replace(sharp_s, "ss")
    text = text.lower()
    for digraph, letter in DIGRAPHS:
        text = text.replace(digraph, letter)
    return text


_NON_WORD = re.compile(r"[\W_]+")


def normalise(text):
    """Folded words separated by single spaces: what search_document holds and terms match."""
    return _NON_WORD.sub(" ", fold(text or "")).strip()


def search_document(organisation, topics):
    """The text search looks in for one organisation: its names, topics and descriptions."""
    texts = [
        organisation.name,
        organisation.name_en,
        organisation.acronym,
        organisation.alternative_name,
        *(name for topic in topics for name in (topic.name, topic.name_en)),
        organisation.description,
        organisation.description_en,
    ]
    return normalise(" ".join(text for text in texts if text))


def _sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


def postgresql_fold_function_sql():
    """The same steps as fold(), as an immutable PostgreSQL function."""
    expression = f"translate(value, {_sql_literal(_ACCENTED)}, {_sql_literal(_BASES)})"
    for sharp_s in _SHARP_S:
        expression = f"replace({expression}, '{sharp_s}', 'ss')"
    expression = f"lower({expression})"
    for digraph, letter in DIGRAPHS:
        expression = f"replace({expression}, '{digraph}', '{letter}')"
    return (
        f"CREATE OR REPLACE FUNCTION {FOLD_FUNCTION}(value text) RETURNS text "
        f"LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT {expression} $$"
    )


def register_sqlite_fold_function(sender, connection, **kwargs):
    """connection_created receiver: teaches each SQLite connection to fold."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)


class Fold(Func):
    function = FOLD_FUNCTION
    output_field = TextField()
