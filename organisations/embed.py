"""
The embed (views.OrganisationEmbedView) as partner sites use it: its page size, and the choices
of the open-data page's generator of its <iframe> code: the filters a partner may fix, with
the number of entries each option gives, and the embed's address for those chosen.
"""

from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from .facets import facets
from .filters import OrganisationFilter
from .selection import Selection

FILTERS = ("kategorie", "thema", "bundesland", "landkreis")
# Entries on a page of the embed: pages of 10 fit a frame.
PAGE_SIZE = 10


def with_filters(path, filterset):
    """The path with the filter set's valid values, in the list's canonical order."""
    params = filterset.canonical_params()
    return f"{path}?{urlencode(params)}" if params else path


class EmbedChoice:
    """The generator's form, bound to the request's values of FILTERS and to nothing else."""

    page_size = PAGE_SIZE

    def __init__(self, data):
        chosen = QueryDict(mutable=True)
        for name in FILTERS:
            chosen.setlist(name, data.getlist(name))
        self.filterset = OrganisationFilter(chosen or None)
        self.selection = Selection(self.filterset)

    @property
    def count(self):
        return self.selection.count

    def facets(self):
        return [facet for facet in facets(self.filterset, self.selection) if facet.name in FILTERS]

    def path(self):
        return with_filters(reverse("embed:organisations"), self.filterset)

    def summary(self):
        return self.filterset.summary()
