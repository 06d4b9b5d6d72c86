"""
The list's entries in memory, for counts, facet counts and pages in name order without
asking the database to walk 100,000 rows and 250,000 links on every first visit.

Every published entry has a position, its place in name order. A set of entries is an int
whose bit n stands for the entry at position n: combining filters is `&` and `|`, and a
count is `bit_count()`, each a few microseconds for 100,000 entries. The index holds such a
set for every value of the fields the list filters by in the index (category, states,
districts, topics, legal form, founding year); whatever else a filter asks, such as a
search, the database answers once per request with the matching ids.

The index belongs to one content version and is built again, in each process, on the first
request after a change: at 100,000 entries two queries and about a second and a half. A
gunicorn master builds the first index before it forks the workers, and a worker forked
after a change builds its own before it takes requests (warm(), gunicorn.conf.py), so that
no visitor waits for it after a start or a worker's replacement. A process keeps
one index, about 10 MB at 100,000 entries, the folded names included.
"""

import logging
import operator
from array import array
from collections import defaultdict

from django.db import DatabaseError

from pagecache import tags

from .models import Organisation
from .search.text import fold

# The fields whose values the index holds, besides the many-to-many relations below.
ROW_FIELDS = ("category_id", "legal_form", "founding_year")
RELATIONS = ("federal_states", "districts", "topics")
# Pages are found chunk by chunk: counting a chunk's bits is cheaper than walking them.
CHUNK_BYTES = 32
# What searches found and how they rank it (selection.py), kept with the index
# for so many searches: at most some 15 MB at 100,000 entries.
ANSWERS_KEPT = 64

_current = (None, None)

logger = logging.getLogger(__name__)


def entries():
    """What the list shows, and so what the index holds: published directory entries."""
    return Organisation.objects.published().entries()


def current():
    """The index of the content as it is now: one small query while nothing changed."""
    global _current
    # Read before building: content changed meanwhile gets a new version, so an index never
    # stays in use under a version older than its content. Only changes that move entries in
    # the lists, or rename their options, renew it (Organisation.page_cache_tags).
    version, _changed_at = tags.state([Organisation.LIST_PAGE_CACHE_TAG])
    cached_version, index = _current
    if cached_version != version:
        index = EntryIndex.build()
        index.version = version
        _current = (version, index)
    return index


def warm():
    """
    Build the index ahead of the first request. A database that does not answer yet leaves
    it to that request: a worker must start, and answer 503, while the database is down.
    """
    try:
        current()
    except DatabaseError as error:
        logger.warning("Entry index not built ahead of requests: %s", error)


def forget():
    """Drop the index, as clearing the caches drops cached pages (for tests)."""
    global _current
    _current = (None, None)


# A byte per position, 0 or 1, as the digits of a binary number.
BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def bits(positions, size):
    """
    The set of these positions as an int; -1, an id the index lacks, is left out. A byte per
    position, read as the int's binary digits, is three times faster for a common word's
    58,000 matches than setting bit by bit.
    """
    marks = bytearray(size + 1)  # the last one for -1
    for position in positions:
        marks[position] = 1
    return int(marks[:size].translate(BINARY_DIGITS)[::-1] or b"0", 2)


def set_bits(chunk):
    """The positions of the set bits of an int, lowest first."""
    while chunk:
        lowest = chunk & -chunk
        yield lowest.bit_length() - 1
        chunk ^= lowest


class EntryIndex:
    def __init__(self, order, folded_names=()):
        # order[position] is an entry's id; position[id] its position, or -1.
        self.order = array("q", order)
        # The names folded as search folds them (search/text.py), by position.
        self.folded_names = list(folded_names)
        self.answers = {}
        self.position = array("q", [-1]) * (max(order, default=0) + 1)
        for place, pk in enumerate(order):
            self.position[pk] = place
        self.size = len(order)
        self.all = (1 << self.size) - 1
        # field → value → the set of entries with that value
        self.values = {}
        # relation → its options, such as the categories
        self.options = {}
        self.options_by_slug = {}
        # The content version it holds (pagecache.stamp).
        self.version = None

    @classmethod
    def build(cls):
        # Every field, even one no entry has a value of yet.
        values = {
            field: defaultdict(list)
            for field in [name.removesuffix("_id") for name in ROW_FIELDS] + list(RELATIONS)
        }
        order, names = [], []
        rows = entries().order_by("name").values_list("pk", "name", *ROW_FIELDS)
        for place, (pk, name, *row) in enumerate(rows.iterator(chunk_size=10_000)):
            order.append(pk)
            names.append(fold(name))
            for field, value in zip(ROW_FIELDS, row, strict=True):
                values[field.removesuffix("_id")][value].append(place)
        index = cls(order, names)
        for name in RELATIONS:
            relation = Organisation._meta.get_field(name)
            own, other = relation.m2m_column_name(), relation.m2m_reverse_name()
            links = relation.remote_field.through.objects.values_list(own, other)
            positions = index.position
            for pk, value in links.iterator(chunk_size=10_000):
                # Links of drafts and of mentioned actors have no position.
                if pk < len(positions) and positions[pk] >= 0:
                    values[name][value].append(positions[pk])
        index.values = {
            field: {value: bits(places, index.size) for value, places in by_value.items()}
            for field, by_value in values.items()
        }
        # The options the facets offer, in their order: they change with the content, too.
        index.options = {
            name: list(Organisation._meta.get_field(name).related_model.objects.all())
            for name in ("category", *RELATIONS)
        }
        # The same by slug, in their order, for the filter form to check slugs against.
        index.options_by_slug = {
            name: {option.slug: option for option in options}
            for name, options in index.options.items()
        }
        return index

    def having(self, field, values):
        """The entries whose `field` has any of these values."""
        having = 0
        for value in values:
            having |= self.values[field].get(value, 0)
        return having

    def compared(self, field, lookup, bound):
        """The entries whose `field` is `lookup` ("gte", "lte", "exact") the bound."""
        compare = {"gte": operator.ge, "lte": operator.le, "exact": operator.eq}[lookup]
        values = self.values[field]
        return self.having(field, [v for v in values if v is not None and compare(v, bound)])

    def of_ids(self, ids):
        """The set of the entries with these ids; other ids are left out."""
        positions = self.position
        ids = list(ids)
        if ids and max(ids) >= len(positions):  # ids newer than the index
            ids = [pk for pk in ids if pk < len(positions)]
        return bits(map(positions.__getitem__, ids), self.size)

    def kept(self, key, compute):
        """
        compute(), kept with the index for the next request asking for `key`: it holds for the
        content version the index holds, as a search's matches and ranking do.
        """
        if key not in self.answers:
            if len(self.answers) >= ANSWERS_KEPT:
                self.answers.clear()
            self.answers[key] = compute()
        return self.answers[key]

    def names_holding(self, pattern, ids):
        """
        The entries whose folded name holds the pattern, as search ranks them, of those with
        these ids: the entries the pattern matches, as every name is part of its search text.
        """
        names = self.folded_names
        if len(ids) > len(names) // 4:
            # A common word: testing every name costs less than finding where each entry is.
            places = (place for place, name in enumerate(names) if pattern in name)
        else:
            positions, end = self.position, len(self.position)
            places = (
                place
                for pk in ids
                if pk < end and (place := positions[pk]) >= 0 and pattern in names[place]
            )
        return bits(places, self.size)

    def counts(self, field, within):
        """{value: how many of the entries `within` have it} for every value of `field`."""
        values = self.values[field]
        return {value: (having & within).bit_count() for value, having in values.items()}

    def ids(self, within, start, stop, descending=False):
        """
        The ids of the entries `within` from the start-th to before the stop-th, in name
        order or its reverse, as a page of the list shows them.
        """
        data = within.to_bytes((self.size + 7) // 8, "little")
        offsets = range(0, len(data), CHUNK_BYTES)
        found, seen = [], 0
        for offset in reversed(offsets) if descending else offsets:
            chunk = int.from_bytes(data[offset : offset + CHUNK_BYTES], "little")
            count = chunk.bit_count()
            if seen + count <= start:
                seen += count
                continue
            members = list(set_bits(chunk))
            for member in reversed(members) if descending else members:
                if seen >= stop:
                    return found
                if seen >= start:
                    found.append(self.order[offset * 8 + member])
                seen += 1
        return found
