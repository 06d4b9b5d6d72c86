from django.conf import settings
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.generic import DetailView
from django_filters.views import FilterView

from editorial.pagination import NearestPageMixin
from editorial.preview import DraftPreviewMixin
from pagecache import tags

from . import embed, entry_index
from .cards import cards
from .facets import facets
from .filters import OrganisationFilter
from .models import Organisation
from .search.highlight import mark_search_matches
from .selection import Selection, SelectionPaginator


class OrganisationListView(NearestPageMixin, FilterView):
    filterset_class = OrganisationFilter
    # The entries the entry index holds, with what a card shows of them.
    queryset = entry_index.entries().for_list()
    # Invalid filter values are reported and ignored instead of emptying the list.
    strict = False
    template_name = "organisations/organisation_list.html"

    def get_filterset_kwargs(self, filterset_class):
        return super().get_filterset_kwargs(filterset_class) | {"index": entry_index.current()}

    def get(self, request, *args, **kwargs):
        # FilterView.get without filterset.qs: the entry index selects the entries and the
        # paginator reads a page's rows (selection.py), building the filtered queryset only
        # for an order the index does not know.
        self.filterset = self.get_filterset(self.get_filterset_class())
        self.object_list = self.get_queryset()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def get_paginator(self, queryset, per_page, **kwargs):
        # Found anew after a search widened to similar spellings; the facets count the last.
        self.selection = Selection(self.filterset, self.filterset.index)
        return SelectionPaginator(
            queryset, per_page, selection=self.selection, filterset=self.filterset, **kwargs
        )

    def paginate_queryset(self, queryset, page_size):
        paginated = super().paginate_queryset(queryset, page_size)
        widen = paginated[0].count == 0
        if widen and self.filterset.widen_search_to_similar_spellings() is not None:
            paginated = super().paginate_queryset(queryset, page_size)
        return paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tags.depends_on(
            Organisation.LIST_PAGE_CACHE_TAG,
            *(organisation.page_cache_tag for organisation in context["object_list"]),
        )
        context["canonical_path"] = self.canonical_path(context["page_obj"])
        return context | self.results_context(context["object_list"])

    def results_context(self, organisations):
        """What the page shows besides the entries: their cards, the facets, the chips."""
        mark_search_matches(organisations, self.filterset.search_patterns())
        return {
            # The list's version was read for the entry index already, in this request.
            "cards": cards(organisations, self.selection.index.version),
            "facets": facets(self.filterset, self.selection),
            "active_filters": self.filterset.active_filters(),
        }

    def canonical_path(self, page):
        """
        The address search engines should keep for this list: its valid filters in a fixed
        order and the page number after the first. Sorting only reorders the same entries.
        """
        params = self.filterset.canonical_params()
        if page.number > 1:
            params.append((self.page_kwarg, page.number))
        return f"{self.request.path}?{urlencode(params)}" if params else self.request.path


# Any site may frame the embed; its own policy stays the site's otherwise.
FRAMEABLE = csp_override({**settings.SECURE_CSP, "frame-ancestors": ["*"]})


@method_decorator([xframe_options_exempt, FRAMEABLE], name="dispatch")
class OrganisationEmbedView(OrganisationListView):
    """
    The list with the same filters, compact, for partners' sites to show in an <iframe>
    (docs/open-data.md): the entries of a page and a link to the whole list, without the
    site's header, footer and filter form.
    """

    template_name = "organisations/organisation_embed.html"
    # The pages' links stay in the frame; the entries' open the directory.
    paginate_by = embed.PAGE_SIZE

    def results_context(self, organisations):
        # The entries themselves, with a link to the whole list instead of cards and facets.
        return {"list_url": embed.with_filters(reverse("organisations:list"), self.filterset)}


class OrganisationDetailView(DraftPreviewMixin, DetailView):
    queryset = Organisation.objects.with_facts()

    def get_object(self, queryset=None):
        organisation = super().get_object(queryset)
        organisation.fetch_relations()
        tags.depends_on(
            organisation.page_cache_tag,
            *(relation.target.page_cache_tag for relation in organisation.shown_outgoing_relations),
            *(relation.source.page_cache_tag for relation in organisation.shown_incoming_relations),
        )
        return organisation
