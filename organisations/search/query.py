"""
What people type into the search box, read the way web search engines read it.

- Words: every word must match (`Netzwerk Cottbus`).
- "Quoted phrases": the words in this order (`"Bündnis Lausitz"`).
- OR between words: either may match (`Wasserstoff OR Bahn`; `|` works too).
- A minus before a word or phrase excludes it (`Lausitz -Braunkohle`).

Words and phrases are normalised like the search text (organisations.search.text.normalise), so
case, umlauts, ß and punctuation do not matter. Single words are reduced to a light German
stem ("Netzwerke" -> "netzwerk", "Kohle" -> "kohl") and then matched anywhere in the text,
which also finds them inside compound words ("Braunkohlesanierung") and as prefixes
("Wasserst").
"""

import re
from dataclasses import dataclass, field

from .text import normalise

MAX_SEARCH_TERMS = 10
# Inflection endings removed from a searched word; the longest that fits is removed first.
GERMAN_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
# A stem shorter than this would match too much ("Bahnen" stays "bahn", not "ba").
MIN_STEM_LENGTH = 4
# Typo tolerance only makes sense for words long enough to have a typo in them.
MIN_FUZZY_LENGTH = 4

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_OR_WORDS = {"OR", "|"}


def stem(word):
    for ending in GERMAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class Term:
    """A normalised word or phrase of a query."""

    text: str
    is_phrase: bool

    @property
    def pattern(self):
        """What has to occur in the search text for the term to match."""
        return self.text if self.is_phrase else stem(self.text)

    @property
    def allows_typos(self):
        return not self.is_phrase and self.text.isalpha() and len(self.text) >= MIN_FUZZY_LENGTH


@dataclass
class ParsedQuery:
    """All clauses must match; a clause matches when any of its terms does."""

    clauses: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.clauses or self.excluded)

    @property
    def positive_terms(self):
        return [term for clause in self.clauses for term in clause]

    def ranking_query(self):
        """
        Every wanted term, joined with OR in websearch_to_tsquery's syntax: ranking should
        reward each term an entry contains, also where matching found the others by substring.
        """
        return " or ".join(
            f'"{term.text}"' if term.is_phrase else term.text for term in self.positive_terms
        )


def _term(text, is_phrase):
    words = normalise(text)
    if not words:
        return None
    # A word such as "Spree-Neiße" normalises to two words, which must stay together.
    return Term(words, is_phrase or " " in words)


def parse(query):
    parsed = ParsedQuery()
    join_next = False
    count = 0
    for match in _TOKEN.finditer((query or "")[:1000]):
        minus, phrase, word = match.groups()
        if word in _OR_WORDS:
            join_next = bool(parsed.clauses)
            continue
        if phrase is not None:
            term = _term(phrase, is_phrase=True)
        elif word.startswith("-") and len(word) > 1:
            minus, term = "-", _term(word[1:], is_phrase=False)
        else:
            term = _term(word, is_phrase=False)
        if term is None:
            continue
        if count == MAX_SEARCH_TERMS:
            break
        count += 1
        if minus:
            parsed.excluded.append(term)
        elif join_next:
            parsed.clauses[-1].append(term)
        else:
            parsed.clauses.append([term])
        join_next = False
    return parsed
