from django.core.paginator import InvalidPage
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import graph
from .filters import OrganisationFilter
from .models import Organisation
from .preview import DraftPreviewMixin


class OrganisationListView(FilterView):
    filterset_class = OrganisationFilter
    queryset = Organisation.objects.published().entries().for_list()
    # Invalid filter values are reported and ignored instead of emptying the list.
    strict = False
    paginate_by = 20
    template_name = "organisations/organisation_list.html"
    page_kwarg = "seite"

    def paginate_queryset(self, queryset, page_size):
        """Show the nearest page for an invalid page number, and say so, instead of a 404."""
        paginator = self.get_paginator(queryset, page_size)
        requested = self.request.GET.get(self.page_kwarg, "1")
        try:
            page = paginator.page(paginator.validate_number(requested))
            self.page_error = ""
        except InvalidPage:
            page = paginator.get_page(requested)
            self.page_error = gettext(
                "Eine Seite „%(requested)s“ gibt es nicht; gezeigt wird Seite %(shown)s."
            ) % {"requested": requested[:20], "shown": page.number}
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facets"] = self.filterset.facets()
        context["page_error"] = self.page_error
        context["canonical_path"] = self.canonical_path(context["page_obj"])
        return context

    def canonical_path(self, page):
        """
        The address search engines should keep for this list: its valid filters in a fixed
        order and the page number after the first. Sorting only reorders the same entries.
        """
        params = self.filterset.canonical_params()
        if page.number > 1:
            params.append((self.page_kwarg, page.number))
        return f"{self.request.path}?{urlencode(params)}" if params else self.request.path


class OrganisationDetailView(DraftPreviewMixin, DetailView):
    queryset = Organisation.objects.with_related()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["relation_graph"] = graph.neighbourhood(self.object)
        return context


class NetworkView(TemplateView):
    """Every actor and relation of the directory in one picture."""

    template_name = "organisations/network.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["graph"] = graph.directory_network()
        return context
