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
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Lower, Replace, StrIndex
from django.db.models.lookups import Contains, Exact, GreaterThan, LessThanOrEqual

from .query import parse
from .text import DIGRAPHS, Fold, fold

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
# The letters beyond ASCII that German names hold, besides ß.
UMLAUTS = "äöüÄÖÜ"
# FTS5's trigram index finds strings of this many characters or more.
TRIGRAM = 3


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


def is_trigram_phrase(pattern):
    """Whether FTS5's trigram index can find the pattern by MATCH: three letters or more."""
    return len(pattern) >= TRIGRAM and "_" not in pattern


def fts5_string(text):
    return '"' + text.replace('"', '""') + '"'


def name_bonus(parsed, folded_name):
    """How many of the wanted terms occur in the name, as a number the ranking can add."""
    return reduce(
        lambda total, term: total + _name_holds(term.pattern, folded_name),
        parsed.positive_terms,
        Value(0.0, output_field=FloatField()),
    )


def _name_holds(pattern, folded_name):
    """
    1.0 where the folded name holds the pattern, else 0.0. Folding every matching name took
    most of a search's time, so the search text is asked first: it starts with the name,
    normalised, which holds the pattern wherever the folded name does. Normalising makes a
    name no longer, except that ß becomes ss; so a name can only hold the pattern if the
    pattern first occurs in the search text within that many characters. Only those names
    are folded.
    """
    position = StrIndex(F("search_document"), Value(pattern))
    sharp_s = Length("name") - Length(Replace(Replace("name", Value("ß")), Value("ẞ")))
    last_start = Length("name") + sharp_s - len(pattern) + 1
    may_hold = Q(GreaterThan(position, 0), LessThanOrEqual(position, last_start))
    return Case(
        When(
            may_hold,
            then=Case(
                When(Contains(folded_name, pattern), then=Value(NAME_MATCH_WEIGHT)),
                default=Value(0.0),
                output_field=FloatField(),
            ),
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )


class PostgreSQLSearch:
    ranks_by_name_alone = False

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
        return name_bonus(parsed, self.folded_name()) + self.text_rank(parsed)

    def text_rank(self, parsed):
        """
        ts_rank of the wanted terms: below 1, as every word of the search text has the same,
        lowest weight (0.1), so that any term in the name (NAME_MATCH_WEIGHT) counts more.
        """
        query = SearchQuery(parsed.ranking_query(), config=FULLTEXT_CONFIG, search_type="websearch")
        return SearchRank(F("search_vector"), query)

    def folded_name(self):
        """
        The name as directory_fold folds it. Its table of every accented letter is slow to
        apply (most of a search's time at 100,000 entries), and a name of ASCII characters,
        umlauts and ß only, nearly every name, needs just the umlauts of it. In UTF-8 an ASCII
        character takes one byte, an umlaut or ß two, and any other character at least two:
        exactly such a name has one byte more than characters for each umlaut or ß it holds.
        """
        name = F("name")
        without_umlauts = Func(name, Value(UMLAUTS + "ß"), Value(""), function="translate")
        octets = Func(name, function="octet_length", output_field=IntegerField())
        extra_bytes = octets - Length(name)
        is_plain = Exact(extra_bytes, Length(name) - Length(without_umlauts))
        bases = "".join(fold(umlaut) for umlaut in UMLAUTS)
        folded = Func(name, Value(UMLAUTS), Value(bases), function="translate")
        folded = Lower(Replace(folded, Value("ß"), Value("ss")))
        for digraph, letter in DIGRAPHS:
            folded = Replace(folded, Value(digraph), Value(letter))
        return Case(When(is_plain, then=folded), default=Fold(name), output_field=TextField())


class SQLiteSearch:
    # The ranking counts the wanted terms in the name, nothing else: the list's entry index
    # ranks by that itself, in memory, and combines the terms' matches (matching_ids) there too
    # (organisations/selection.py).
    ranks_by_name_alone = True

    def matches(self, term, similar_spellings, using):
        return Q(pk__in=RawSQL(*self.rowids(term, similar_spellings)))

    def matching_ids(self, term, similar_spellings, using):
        """The ids of every organisation whose search text holds the term, drafts included."""
        with connections[using].cursor() as cursor:
            cursor.execute(*self.rowids(term, similar_spellings))
            return [pk for (pk,) in cursor.fetchall()]

    def rowids(self, term, similar_spellings):
        """SQL and parameters for the rowids, the organisations' ids, of the texts holding it."""
        patterns = [term.pattern]
        if similar_spellings and term.allows_typos:
            patterns += one_edit_away(term.pattern)
        indexed = [pattern for pattern in patterns if is_trigram_phrase(pattern)]
        scanned = [pattern for pattern in patterns if not is_trigram_phrase(pattern)]
        subqueries, params = [], []
        if indexed:
            # A quoted string is a phrase of its trigrams: exactly the rows holding it as a
            # substring, looked up in the index alone. Several are one query joined with OR.
            subqueries.append(
                f"SELECT rowid FROM {SQLITE_FULLTEXT_TABLE} WHERE {SQLITE_FULLTEXT_TABLE} MATCH %s"
            )
            params.append(" OR ".join(fts5_string(pattern) for pattern in indexed))
        # Shorter strings and "_" for any letter need LIKE, one a subquery so that each can
        # use what trigrams it has.
        for pattern in scanned:
            subqueries.append(f"SELECT rowid FROM {SQLITE_FULLTEXT_TABLE} WHERE document LIKE %s")
            params.append(f"%{pattern}%")
        return " UNION ".join(subqueries), params

    def rank(self, parsed):
        return name_bonus(parsed, Fold(F("name")))


BACKENDS = {"postgresql": PostgreSQLSearch(), "sqlite": SQLiteSearch()}


def ranks_by_name_alone(using):
    """Whether the search ranks by the number of wanted terms in the name (name_bonus) alone."""
    return BACKENDS[connections[using].vendor].ranks_by_name_alone


def matching_ids(term, similar_spellings, using):
    """The ids of the organisations matching one term, for a backend that ranks by name alone."""
    return BACKENDS[connections[using].vendor].matching_ids(term, similar_spellings, using)


def ids_by_text_rank(queryset, parsed, similar_spellings):
    """
    PostgreSQL: the ids of the organisations that match, ordered by the full-text part of the
    rank alone, then by name. Sorting them by how many terms their name holds, keeping this
    order within each number, gives search_organisations' order (the list does so in memory,
    organisations/selection.py): at 100,000 entries the database took 150 instead of 265 ms
    for a word in 58,000 of them without computing the name's part.
    """
    ranked = matching(queryset, parsed, similar_spellings).annotate(
        text_rank=BACKENDS["postgresql"].text_rank(parsed)
    )
    return list(ranked.order_by("-text_rank", "name").values_list("pk", flat=True))


def matching(queryset, parsed, similar_spellings):
    """The organisations that match the parsed query, unordered."""
    backend = BACKENDS[connections[queryset.db].vendor]
    for clause in parsed.clauses:
        queryset = queryset.filter(
            reduce(or_, (backend.matches(term, similar_spellings, queryset.db) for term in clause))
        )
    for term in parsed.excluded:
        queryset = queryset.exclude(backend.matches(term, False, queryset.db))
    return queryset


def search_organisations(queryset, query, similar_spellings=False):
    """
    The organisations that match the query, best first: annotated with `search_rank` and
    ordered by it, then by name. An empty query changes nothing.
    """
    parsed = parse(query)
    if not parsed:
        return queryset
    queryset = matching(queryset, parsed, similar_spellings)
    if not parsed.clauses:
        return queryset
    backend = BACKENDS[connections[queryset.db].vendor]
    return queryset.annotate(search_rank=backend.rank(parsed)).order_by("-search_rank", "name")
