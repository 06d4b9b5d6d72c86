"""
The choices of the open-data page's embed generator: the filters a partner site may fix, with
the number of entries each option gives, and the embed page's address for those chosen.
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


class EmbedChoice:
    """The generator's form, bound to the request's values of FILTERS and to nothing else."""

    def __init__(self, data):
        chosen = QueryDict(mutable=True)
        for name in FILTERS:
            chosen.setlist(name, data.getlist(name))
        self.filterset = OrganisationFilter(chosen or None)
        self.selection = Selection(self.filterset)

    page_size = PAGE_SIZE

    @property
    def count(self):
        return self.selection.count

    def facets(self):
        return [facet for facet in facets(self.filterset, self.selection) if facet.name in FILTERS]

    def path(self):
        """The embed with the valid chosen values, in the list's canonical order."""
        params = self.filterset.canonical_params()
        return reverse("embed:organisations") + (f"?{urlencode(params)}" if params else "")

    def summary(self):
        return self.filterset.summary()
