"""
Search over Organisation.search_document, one interface for both databases.

Matching is the same everywhere: a term matches where its normalised stem occurs in the
search text (organisations.search.query). Each database adds what it does best:

- PostgreSQL also matches German full-text search (the `german` configuration's stemmer
  over the `search_vector` column a trigger keeps current), ranks by ts_rank, and forgives
  typos by looking up the most similar words (pg_trgm's similarity) in the word list the
  trigger keeps, then searching for those. GIN indexes serve all three (index.py).
- SQLite finds substrings through an FTS5 table with the trigram tokenizer, which triggers
  keep current, and forgives typos by trying every spelling one edit away from the word.

Typo tolerance is used only when the exact search finds nothing, as search engines do.
"""

from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Contains

from .query import parse
from .text import Fold

FULLTEXT_CONFIG = "german"
SQLITE_FULLTEXT_TABLE = "organisations_search"
# PostgreSQL: every word of four letters or more that a search text ever held. Typo tolerance
# looks up similar words in this short table instead of comparing every long search text.
WORD_TABLE = "organisations_search_word"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Typo tolerance on PostgreSQL searches for this many of the most similar known words.
SIMILAR_WORDS = 5
# ... of which those at least this fraction as similar as the best: "Lausitzrunda" should
# find "lausitzrunde", not every "lausitz".
NEARLY_AS_SIMILAR = 0.85
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
    def matches(self, term, similar_spellings, using):
        condition = Q(search_document__contains=term.pattern) | Q(
            search_vector=SearchQuery(
                term.text,
                config=FULLTEXT_CONFIG,
                search_type="phrase" if term.is_phrase else "plain",
            )
        )
        if similar_spellings and term.allows_typos:
            for word in self.similar_words(term.text, using):
                condition |= Q(search_document__contains=word)
        return condition

    def similar_words(self, word, using):
        """The known words most like `word`: the best, and those nearly as good as it."""
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"SELECT word, similarity(word, %s) AS score FROM {WORD_TABLE} "
                "WHERE word %% %s ORDER BY score DESC, word LIMIT %s",
                [word, word, SIMILAR_WORDS],
            )
            rows = cursor.fetchall()
        return [similar for similar, score in rows if score >= rows[0][1] * NEARLY_AS_SIMILAR]

    def rank(self, parsed):
        query = SearchQuery(parsed.ranking_query(), config=FULLTEXT_CONFIG, search_type="websearch")
        return name_bonus(parsed) + SearchRank(F("search_vector"), query)


class SQLiteSearch:
    def matches(self, term, similar_spellings, using):
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
            reduce(or_, (backend.matches(term, similar_spellings, queryset.db) for term in clause))
        )
    for term in parsed.excluded:
        queryset = queryset.exclude(backend.matches(term, False, queryset.db))
    if not parsed.clauses:
        return queryset
    return queryset.annotate(search_rank=backend.rank(parsed)).order_by("-search_rank", "name")
