"""
What a filtered list selects, found once per request in the entry index (entry_index.py):
its number of entries, its facet counts and, in name order, its pages. Reads the filter set
through django-filter's public parts only: its form's cleaned data and its filters.
"""

from functools import cached_property, reduce
from operator import or_

from django.core.paginator import Paginator
from django_filters import MultipleChoiceFilter, NumberFilter

from . import entry_index
from .filters import SearchFilter, SlugChoiceFilter
from .search.backends import ids_by_text_rank, matching_ids, ranks_by_name_alone
from .search.query import parse


def cleaned_filters(filterset):
    """(name, value) of every filter the form cleaned; invalid ones the list ignores."""
    if not filterset.is_bound:
        return []
    filterset.form.is_valid()  # cleans once; later calls reuse cleaned_data
    cleaned = filterset.form.cleaned_data
    return [(name, value) for name, value in cleaned.items() if name != "sortierung"]


class Selection:
    """
    The entries of a filtered list as a set of the entry index: each filter's entries found
    once, combined for the list and, for each facet, without that facet's own filter.
    """

    def __init__(self, filterset, index=None):
        self.index = index or entry_index.current()
        self.by_filter = {}
        # A search's order, best first (RankedIds or NameTiers): found once, with its matches.
        self.ranking = None
        for name, value in cleaned_filters(filterset):
            selected = self.selected_by(filterset.filters[name], value)
            if selected is not None:
                self.by_filter[name] = selected

    def selected_by(self, filter_, value):
        """The entries one filter lets through; None when it lets every entry through."""
        index, field = self.index, filter_.field_name
        if field in index.values and not filter_.exclude and filter_.method is None:
            # The same as the filters' SQL: options combine with OR, years compare.
            if isinstance(filter_, SlugChoiceFilter) or (
                type(filter_) is MultipleChoiceFilter and not filter_.conjoined
            ):
                return index.having(field, [getattr(v, "pk", v) for v in value]) if value else None
            if isinstance(filter_, NumberFilter):
                return None if value is None else index.compared(field, filter_.lookup_expr, value)
        # Anything else, such as the search, the database answers. A search's answer is kept
        # with the index, for its next pages and its refinements by the facets.
        if isinstance(value, str):
            search = (filter_.field_name, value, filter_.parent.similar_spellings)
            selected, ranking = index.kept(search, lambda: self.answer(filter_, value))
        else:
            selected, ranking = self.answer(filter_, value)
        self.ranking = ranking or self.ranking
        return selected

    def answer(self, filter_, value):
        """(the entries the filter lets through or None, the order of a search or None)."""
        entries = entry_index.entries()
        if isinstance(filter_, SearchFilter):
            parsed, similar_spellings = parse(value), filter_.parent.similar_spellings
            if ranks_by_name_alone(entries.db):
                return self.searched(parsed, similar_spellings, entries.db)
            if parsed.clauses:
                return self.text_ranked(parsed, similar_spellings, entries)
        filtered = filter_.filter(entries, value)
        if filtered is entries:
            return None, None
        return self.index.of_ids(filtered.order_by().values_list("pk", flat=True)), None

    def searched(self, parsed, similar_spellings, using):
        """
        What search_organisations selects, and its order by name (NameTiers), found in the
        index from each term's matches: joining a common word's matches with the entries in
        SQL took longer than finding them (at 100,000 entries, 85 ms against 36 for a word in
        58,000 of them).
        """
        if not parsed:
            return None, None
        index = self.index
        found = {
            term: matching_ids(term, similar_spellings, using) for term in parsed.positive_terms
        }
        selected = index.all
        for clause in parsed.clauses:
            selected &= reduce(or_, (index.of_ids(found[term]) for term in clause))
        for term in parsed.excluded:
            selected &= ~index.of_ids(matching_ids(term, False, using))
        if not parsed.clauses:
            return selected, None
        # A term given twice counts twice, as in the database's ranking.
        terms = [(term.pattern, found[term]) for term in parsed.positive_terms]
        return selected, NameTiers(index, terms)

    def text_ranked(self, parsed, similar_spellings, entries):
        """
        What search_organisations selects on PostgreSQL, and its order: the database ranks the
        matches by their text alone (ids_by_text_rank), and those whose names hold more of the
        terms move ahead here, each group keeping the database's order.
        """
        index = self.index
        ids = ids_by_text_rank(entries, parsed, similar_spellings)
        selected = index.of_ids(ids)
        terms_in_name = dict.fromkeys(ids, 0)
        for term in parsed.positive_terms:
            holding = index.names_holding(term.pattern, ids) & selected
            for pk in index.ids(holding, 0, holding.bit_count()):
                terms_in_name[pk] += 1
        # A stable sort: equals keep their order.
        ranked = sorted(ids, key=terms_in_name.__getitem__, reverse=True)
        return selected, RankedIds(index, ranked)

    def without(self, excluded):
        """The entries the other filters than `excluded` let through, as a facet counts them."""
        within = self.index.all
        for name, selected in self.by_filter.items():
            if name != excluded:
                within &= selected
        return within

    @cached_property
    def entries(self):
        return self.without(None)

    @property
    def count(self):
        return self.entries.bit_count()

    def ids(self, start, stop, descending=False):
        return self.index.ids(self.entries, start, stop, descending)

    def ranked_ids(self, start, stop):
        """The ids of the start-th to before the stop-th entry in the search's order."""
        return self.ranking.ids(self.entries, start, stop)


class RankedIds:
    """A search's matches as the database ranked them: it need not rank them again for a page."""

    def __init__(self, index, ids):
        self.index = index
        self.ranked = ids

    def ids(self, within, start, stop):
        data = within.to_bytes((self.index.size + 7) // 8, "little")
        position, end = self.index.position, len(self.index.position)
        found = []
        for pk in self.ranked:
            at = position[pk] if pk < end else -1
            if at >= 0 and data[at >> 3] >> (at & 7) & 1:
                found.append(pk)
                if len(found) == stop:
                    break
        return found[start:stop]


class NameTiers:
    """
    A search ranked as SQLiteSearch ranks it: by how many of its terms the name holds, then by
    name. The entries holding all terms come first, then those holding one fewer, down to
    none, each tier in name order: found in the index, without the database ranking
    thousands of matches of a common word.
    """

    def __init__(self, index, terms):
        """terms: (pattern, the ids of the entries it matches) of each wanted term."""
        self.index = index
        # exactly[n]: the entries whose name holds exactly n of the patterns so far.
        exactly = [index.all]
        for pattern, ids in terms:
            holding = index.names_holding(pattern, ids)
            exactly = [
                exactly[0] & ~holding,
                *(
                    (exactly[n] & ~holding) | (exactly[n - 1] & holding)
                    for n in range(1, len(exactly))
                ),
                exactly[-1] & holding,
            ]
        self.tiers = exactly[::-1]

    def ids(self, within, start, stop):
        found = []
        for tier in self.tiers:
            members = tier & within
            count = members.bit_count()
            if start < count:
                found += self.index.ids(members, max(start, 0), min(stop, count))
            start, stop = start - count, stop - count
            if stop <= 0:
                break
        return found


class SelectionPaginator(Paginator):
    """
    Pages of a selection: its count known without a COUNT, and a page in name order read
    by the ids of its 20 entries, however deep, instead of with an OFFSET the database walks.
    A search's ranking is found with its matches, once (Selection.ranking). Only other orders,
    such as by founding year, need the filtered queryset, which the database sorts: it is
    built for those alone, as building it costs a first visit more than reading the page.
    """

    def __init__(self, rows, per_page, *, selection, filterset, **kwargs):
        # rows: the list's queryset without its filters, where a page's entries are read by id.
        super().__init__(rows, per_page, **kwargs)
        self.selection = selection
        self.filterset = filterset
        self.count = selection.count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.entries(bottom, top), number, self)

    def entries(self, bottom, top):
        sorting = self.filterset.sorting()
        if self.selection.ranking is not None and sorting in (None, "relevanz"):
            ids = self.selection.ranked_ids(bottom, top)
            rows = self.object_list.in_bulk(ids)
            return [rows[pk] for pk in ids]
        if sorting in (None, "name", "-name"):
            descending = sorting == "-name"
            ids = self.selection.ids(bottom, top, descending)
            return self.object_list.filter(pk__in=ids).order_by("-name" if descending else "name")
        return self.filterset.filter_queryset(self.object_list.all())[bottom:top]
