"""
Case- and umlaut-insensitive search that behaves the same on SQLite and PostgreSQL.

Both sides of a comparison are folded to plain lower-case ASCII, so that
"Görlitz", "goerlitz", "GORLITZ" and "Gorlitz" all become "gorlitz", and
"Neiße" and "Neisse" both become "neisse". The database applies the same
folding through a function named `directory_fold`: SQLite gets the Python
function below on every connection, PostgreSQL gets an SQL function created by
a migration from the same character table.
"""

import re
import unicodedata

from django.db.models import Exists, F, Func, OuterRef, Q, TextField, Value
from django.db.models.functions import Concat
from django.db.models.lookups import Contains

FOLD_FUNCTION = "directory_fold"
MAX_SEARCH_TERMS = 10

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
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_SHARP_S = ("ß", "ẞ")


def fold(text):
    if text is None:
        return None
    text = text.translate(_CHAR_TABLE)
    for sharp_s in _SHARP_S:
        text = text.replace(sharp_s, "ss")
    text = text.lower()
    for digraph, letter in _DIGRAPHS:
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
    for digraph, letter in _DIGRAPHS:
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


def search_terms(query):
    """The folded words of a query; every word has to match."""
    terms = [fold(word) for word in (query or "").split()]
    return [term for term in terms if term][:MAX_SEARCH_TERMS]


def search_organisations(queryset, query):
    """Organisations whose name, acronym, second name, description or topics hold every word."""
    terms = search_terms(query)
    if not terms:
        return queryset
    topic_model = queryset.model.topics.field.related_model
    own_text = Fold(
        Concat(
            F("name"),
            Value(" "),
            F("acronym"),
            Value(" "),
            F("alternative_name"),
            Value(" "),
            F("description"),
            output_field=TextField(),
        )
    )
    for term in terms:
        topic_matches = topic_model.objects.filter(
            Contains(Fold(F("name")), term), organisations=OuterRef("pk")
        )
        queryset = queryset.filter(Q(Contains(own_text, term)) | Q(Exists(topic_matches)))
    return queryset
