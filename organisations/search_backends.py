"""
Search over Organisation.search_document, one interface for both databases.

Matching is the same everywhere: a term matches where its normalised stem occurs in the
search text (organisations.search_query). Each database adds what it does best:

- PostgreSQL also matches German full-text search (the `german` configuration's stemmer
  over the `search_vector` column a trigger keeps current), ranks by ts_rank, and forgives
  typos with pg_trgm's word similarity. GIN indexes serve all three (migration 0007).
- SQLite finds substrings through an FTS5 table with the trigram tokenizer, which triggers
  keep current, and forgives typos by trying every spelling one edit away from the word.

Typo tolerance is used only when the exact search finds nothing, as search engines do.
"""

from functools import reduce
from operator import or_

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Contains

from .search import Fold
from .search_query import parse

FULLTEXT_CONFIG = "german"
SQLITE_FULLTEXT_TABLE = "organisations_search"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Ranking: a term in an entry's name counts more than any amount of text.
NAME_MATCH_WEIGHT = 1.0


def one_edit_away(word):
    """
    LIKE patterns for every spelling one typo away from the word: a letter missing, one
    too many, a wrong one ("_" stands for any one letter), or two swapped.
    """
    patterns = set()
    for index in range(len(word) + 1):
        head, tail = word[:index], word[index:]
        patterns.add(f"{head}_{tail}")
        if tail:
            patterns.add(head + tail[1:])
            patterns.add(f"{head}_{tail[1:]}")
        if len(tail) > 1:
            patterns.add(head + tail[1] + tail[0] + tail[2:])
    patterns.discard(word)
    return sorted(patterns)


def name_bonus(parsed):
    """How many of the wanted terms occur in the name, as a number the ranking can add."""
    return reduce(
        lambda total, term: (
            total
            + Case(
                When(Contains(Fold(F("name")), term.pattern), then=Value(NAME_MATCH_WEIGHT)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        ),
        parsed.positive_terms,
        Value(0.0, output_field=FloatField()),
    )


class PostgreSQLSearch:
    def matches(self, term, similar_spellings):
        condition = Q(search_document__contains=term.pattern) | Q(
            search_vector=SearchQuery(
                term.text,
                config=FULLTEXT_CONFIG,
                search_type="phrase" if term.is_phrase else "plain",
            )
        )
        if similar_spellings and term.allows_typos:
            condition |= Q(TrigramWordSimilar(F("search_document"), Value(term.text)))
        return condition

    def rank(self, parsed):
        query = SearchQuery(parsed.ranking_query(), config=FULLTEXT_CONFIG, search_type="websearch")
        return name_bonus(parsed) + SearchRank(F("search_vector"), query)


class SQLiteSearch:
    def matches(self, term, similar_spellings):
        patterns = [term.pattern]
        if similar_spellings and term.allows_typos:
            patterns += one_edit_away(term.pattern)
        # One LIKE per subquery, so that each can use the trigram index.
        sql = " UNION ".join(
            f"SELECT rowid FROM {SQLITE_FULLTEXT_TABLE} WHERE document LIKE %s" for _ in patterns
        )
        return Q(pk__in=RawSQL(sql, [f"%{pattern}%" for pattern in patterns]))

    def rank(self, parsed):
        return name_bonus(parsed)


BACKENDS = {"postgresql": PostgreSQLSearch(), "sqlite": SQLiteSearch()}


def search_organisations(queryset, query, similar_spellings=False):
    """
    The organisations that match the query, best first: annotated with `search_rank` and
    ordered by it, then by name. An empty query changes nothing.
    """
    parsed = parse(query)
    if not parsed:
        return queryset
    backend = BACKENDS[connections[queryset.db].vendor]
    for clause in parsed.clauses:
        queryset = queryset.filter(
            reduce(or_, (backend.matches(term, similar_spellings) for term in clause))
        )
    for term in parsed.excluded:
        queryset = queryset.exclude(backend.matches(term, similar_spellings=False))
    if not parsed.clauses:
        return queryset
    return queryset.annotate(search_rank=backend.rank(parsed)).order_by("-search_rank", "name")
