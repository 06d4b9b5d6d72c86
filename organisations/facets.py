"""
The list's facets: for each filter with options, how many results each option would give
with the other filters as they are. Reads the filter set through django-filter's public
parts only: its form's cleaned data and its filters.
"""

from dataclasses import dataclass
from functools import partial

from django.db.models import Count
from django.utils.translation import get_language

from pagecache import fragments

from .models import LegalForm, Organisation

MODEL_FACETS = ("kategorie", "bundesland", "landkreis", "thema")


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list


def facets(filterset):
    """
    Each facet's options with the number of results each would give, one grouped query
    per facet. They depend on the filters only, so paging and sorting reuse them until
    the content changes.
    """
    options = fragments.cached(
        "facets",
        (get_language(), filterset.canonical_params(), filterset.similar_spellings),
        partial(facet_options, filterset),
        depends_on=[Organisation.LIST_PAGE_CACHE_TAG],
    )
    return [facet(filterset, name, facet_options) for name, facet_options in options]


def facet_options(filterset):
    """(name, [(value, label, count), …]) of every facet."""
    return [(name, model_facet_options(filterset, name)) for name in MODEL_FACETS] + [
        ("rechtsform", legal_form_options(filterset))
    ]


def queryset_without(filterset, excluded):
    """The results with every valid filter applied except one facet's own."""
    queryset = filterset.queryset
    if not filterset.is_bound:
        return queryset
    filterset.form.is_valid()  # cleans once; later calls reuse cleaned_data
    for name, value in filterset.form.cleaned_data.items():
        if name not in (excluded, "sortierung"):
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset


def model_facet_options(filterset, name):
    """
    Counted in the link table of a many-to-many relation, not over a join of the options
    with the organisations: the link rows are unique, so no DISTINCT is needed.
    """
    filter_ = filterset.filters[name]
    matching = queryset_without(filterset, name)
    relation = matching.model._meta.get_field(filter_.field_name)
    if relation.many_to_many:
        links = relation.remote_field.through.objects.filter(
            **{f"{relation.m2m_field_name()}__in": matching.values("pk")}
        )
        counted = links.values_list(relation.m2m_reverse_field_name())
    else:
        counted = matching.values_list(relation.name)
    counts = dict(counted.order_by().annotate(count=Count("*")))
    return [
        (option.slug, option.display_name, counts.get(option.pk, 0)) for option in filter_.queryset
    ]


def legal_form_options(filterset):
    counts = dict(
        queryset_without(filterset, "rechtsform")
        .order_by()
        .values_list("legal_form")
        .annotate(count=Count("pk"))
    )
    return [(value, label, counts.get(value, 0)) for value, label in LegalForm.choices]


def selected(filterset, name):
    if not filterset.is_bound:
        return set()
    return {str(value) for value in filterset.form.data.getlist(name)}


def facet(filterset, name, options):
    chosen = selected(filterset, name)
    return Facet(
        name=name,
        label=filterset.filters[name].label,
        options=[
            FacetOption(value, label, count, value in chosen)
            for value, label, count in options
            if count or value in chosen
        ],
    )
