"""
Matched words marked in search results, and a short excerpt around the first match.

Search compares normalised text (organisations.search.text.normalise), which can be shorter or
longer than the original ("ß" becomes "ss", "ae" becomes "a", punctuation becomes one
space). To mark the original text, normalisation is repeated here character by character,
remembering for every normalised character where in the original it came from.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import normalise

EXCERPT_LENGTH = 220
# ASCII letters and digits normalise to themselves in lower case, one space between them to
# itself: a run of them is taken whole and only the other characters one by one, which made
# marking a results page some three times faster.
_PIECES = re.compile(r"(?P<plain>[a-zA-Z0-9]+(?: [a-zA-Z0-9]+)*)|.", re.DOTALL)
_DIGRAPH = re.compile("[aou]e")


@lru_cache(maxsize=4096)
def _normalised_character(character):
    """
    One character normalised, or a space for a separator. Kept per character: a results page
    holds some 10,000 characters of a few dozen different ones, and normalising each anew
    took a third of a search's time.
    """
    return normalise(character) or " "


def _normalised_with_positions(text):
    """The normalised text and, per character of it, the index of its origin in `text`."""
    characters, positions, last = [], [], " "
    for piece in _PIECES.finditer(text):
        start = piece.start()
        if piece.lastgroup == "plain":
            characters.append(piece.group().lower())
            positions.extend(range(start, piece.end()))
            last = "plain"
            continue
        for folded in _normalised_character(piece.group()):
            # A run of separators becomes one space, as in normalise().
            if folded == " " and last == " ":
                continue
            characters.append(folded)
            positions.append(start)
            last = folded
    normalised = "".join(characters)
    # The German digraphs fold across two characters ("ae" -> "a"): their "e" is left out.
    parts, kept, previous = [], [], 0
    for digraph in _DIGRAPH.finditer(normalised):
        cut = digraph.start() + 1
        parts.append(normalised[previous:cut])
        kept += positions[previous:cut]
        previous = cut + 1
    parts.append(normalised[previous:])
    kept += positions[previous:]
    return "".join(parts), kept


def match_spans(text, patterns):
    """The (start, end) ranges of `text` where any of the normalised patterns occurs."""
    # Many texts of a results page, most names among them, hold none of the words: a look at
    # the whole normalised text spares them the walk character by character below.
    whole = normalise(text)
    if not any(pattern and pattern in whole for pattern in patterns):
        return []
    normalised, positions = _normalised_with_positions(text)
    spans = []
    for pattern in patterns:
        start = normalised.find(pattern)
        while pattern and start != -1:
            end = start + len(pattern)
            spans.append((positions[start], positions[end - 1] + 1))
            start = normalised.find(pattern, end)
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text, spans, offset=0):
    parts, cursor = [], offset
    for start, end in spans:
        parts += [escape(text[cursor:start]), "<mark>", escape(text[start:end]), "</mark>"]
        cursor = end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def highlight(text, patterns):
    """The whole text, HTML-escaped, with every match in <mark>."""
    return mark_safe(_marked(text, match_spans(text, patterns)))


def excerpt(text, patterns, length=EXCERPT_LENGTH):
    """
    About `length` characters of the text around its first match, cut at word boundaries,
    with the matches marked; the text's beginning when nothing matches.
    """
    spans = match_spans(text, patterns)
    start = 0
    if spans and spans[0][1] > length:
        start = max(0, spans[0][0] - length // 3)
        start = text.find(" ", start) + 1 or start
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    visible = [(max(s, start), min(e, end)) for s, e in spans if s < end and e > start]
    body = _marked(text[:end], visible, offset=start)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + body + suffix)


def mark_search_matches(organisations, patterns):
    """Gives each organisation of a results page its name and an excerpt, matches marked."""
    if not patterns:
        return
    for organisation in organisations:
        organisation.marked_name = highlight(organisation.display_name, patterns)
        organisation.search_excerpt = excerpt(organisation.display_description, patterns)
