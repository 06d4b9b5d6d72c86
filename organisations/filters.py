from dataclasses import dataclass

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .models import (
    FOUNDING_YEAR_MAX,
    FOUNDING_YEAR_MIN,
    Category,
    District,
    FederalState,
    LegalForm,
    Organisation,
    Topic,
)
from .search.query import parse

SORT_ORDERS = {
    # Offered only with a search, whose results come ranked (organisations/search/backends.py).
    "relevanz": (_("Relevanz"), ()),
    "name": (_("Name A–Z"), ("name",)),
    "-name": (_("Name Z–A"), ("-name",)),
    "-gruendung": (
        _("Gründungsjahr, neueste zuerst"),
        (F("founding_year").desc(nulls_last=True), "name"),
    ),
    "gruendung": (
        _("Gründungsjahr, älteste zuerst"),
        (F("founding_year").asc(nulls_last=True), "name"),
    ),
    "-mitglieder": (
        _("Mitgliederzahl, größte zuerst"),
        (F("member_count").desc(nulls_last=True), "name"),
    ),
    "kategorie": (_("Kategorie"), ("category__order", "name")),
}


def list_url(name, value):
    """The list filtered by one value, such as the entries on one topic."""
    return f"{reverse('organisations:list')}?{urlencode({name: value})}"


@dataclass
class ActiveFilter:
    """One value the list is filtered by, with the address of the list without it."""

    label: str
    removal_url: str


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def year_filter(lookup_expr, label):
    return YearFilter(
        field_name="founding_year",
        lookup_expr=lookup_expr,
        label=label,
        min_value=FOUNDING_YEAR_MIN,
        max_value=FOUNDING_YEAR_MAX,
    )


class OrganisationFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("gegruendet_ab"), cleaned_data.get("gegruendet_bis")
        if start is not None and end is not None and start > end:
            self.add_error("gegruendet_bis", _("„Gegründet bis“ liegt vor „Gegründet ab“."))
        return cleaned_data


class SlugChoiceField(forms.ModelMultipleChoiceField):
    """
    Slugs of options, checked against `known` ({slug: option}) where the list's entry index
    gives them (OrganisationFilter), instead of with a query per filter; else as usual.
    Cleans to the chosen options in the order of `known`.
    """

    known = None

    def clean(self, value):
        if self.known is None or not value:
            return super().clean(value)
        if not isinstance(value, list | tuple):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        for slug in value:
            if str(slug) not in self.known:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": slug},
                )
        chosen = {str(slug) for slug in value}
        return [option for slug, option in self.known.items() if slug in chosen]


class SlugChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """
    A multiple-choice filter whose URL values are slugs; options combine with OR. A
    many-to-many relation is filtered with EXISTS rather than a join, so that no entry
    appears twice and the list needs no DISTINCT, which gets slow on large tables.
    """

    field_class = SlugChoiceField

    def filter(self, qs, value):
        if not value:
            return qs
        relation = qs.model._meta.get_field(self.field_name)
        if not relation.many_to_many:
            return qs.filter(**{f"{self.field_name}__in": value})
        links = relation.remote_field.through.objects.filter(
            **{
                relation.m2m_field_name(): OuterRef("pk"),
                f"{relation.m2m_reverse_field_name()}__in": value,
            }
        )
        return qs.filter(Exists(links))


class SearchFilter(django_filters.CharFilter):
    """The search box: the organisations matching the query, best first (search/backends.py)."""

    def filter(self, qs, value):
        return qs.search(value, similar_spellings=self.parent.similar_spellings)


def slug_choice_filter(model, relation, label):
    return SlugChoiceFilter(
        field_name=relation, to_field_name="slug", queryset=model.objects.all(), label=label
    )


class OrganisationFilter(django_filters.FilterSet):
    """The list's one GET form. Parameter names are the German words people see in URLs."""

    q = SearchFilter(
        label=_("Suchbegriff"),
        max_length=200,
        help_text=_("„Wortgruppe“ in Anführungszeichen, OR für „oder“, -Wort schließt aus."),
    )
    kategorie = slug_choice_filter(Category, "category", _("Kategorie"))
    bundesland = slug_choice_filter(FederalState, "federal_states", _("Bundesland"))
    landkreis = slug_choice_filter(District, "districts", _("Landkreis / kreisfreie Stadt"))
    thema = slug_choice_filter(Topic, "topics", _("Thema"))
    # A column of the entry itself: no join, so no DISTINCT, which would sort whole rows.
    rechtsform = django_filters.MultipleChoiceFilter(
        field_name="legal_form", choices=LegalForm.choices, label=_("Rechtsform"), distinct=False
    )
    gegruendet_ab = year_filter("gte", _("Gegründet ab"))
    gegruendet_bis = year_filter("lte", _("Gegründet bis"))
    sortierung = django_filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=[(key, label) for key, (label, _ordering) in SORT_ORDERS.items()],
        method="sort",
        empty_label=None,
    )

    class Meta:
        model = Organisation
        form = OrganisationFilterForm
        fields = []

    # Set when the exact search found nothing and the search forgives typos instead.
    similar_spellings = False

    def __init__(self, data=None, *args, index=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        # The list's entry index (entry_index.py), if the caller has it: its options check
        # the slugs without a query.
        self.index = index
        if index is not None:
            for name, filter_ in self.filters.items():
                if isinstance(filter_, SlugChoiceFilter):
                    self.form.fields[name].known = index.options_by_slug[filter_.field_name]
        if not self.search_query:
            sort_field = self.form.fields["sortierung"]
            sort_field.choices = [c for c in sort_field.choices if c[0] != "relevanz"]

    def get_form_class(self):
        # Built once per process instead of anew, with new fields, on every request: the
        # fields are the same for all, and each form copies those it gets.
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = type(self)._form_class = super().get_form_class()
        return form_class

    @property
    def search_query(self):
        return (self.data.get("q") or "").strip() if self.is_bound else ""

    def sort(self, queryset, name, value):
        if value == "relevanz":
            return queryset  # ranked by the search already
        return queryset.order_by(*SORT_ORDERS[value][1])

    def sorting(self):
        """The chosen sort order's key ("name", "-gruendung" …); None if none or invalid."""
        if not self.is_bound:
            return None
        self.form.is_valid()  # cleans once; later calls reuse cleaned_data
        return self.form.cleaned_data.get("sortierung") or None

    def search_patterns(self):
        """What the search looked for, normalised, to mark it in the results."""
        if not self.is_bound or (not self.form.is_valid() and "q" not in self.form.cleaned_data):
            return []
        return [term.pattern for term in parse(self.form.cleaned_data["q"]).positive_terms]

    def widen_search_to_similar_spellings(self):
        """
        The results with a search that forgives typos, for when the exact search found
        nothing, as search engines do; None when there is no search to widen.
        """
        if not self.search_query or self.similar_spellings:
            return None
        self.similar_spellings = True
        self.form.is_valid()  # cleans once; later calls reuse cleaned_data
        return self.filter_queryset(self.queryset.all())

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.filters if name != "sortierung")

    def valid_values(self):
        """(name, values) of every filter with valid values, in the form's order; no sorting."""
        if not self.is_bound:
            return []
        self.form.is_valid()  # cleans once; later calls reuse cleaned_data
        valid = []
        for name in self.filters:
            value = self.form.cleaned_data.get(name)
            if name == "sortierung" or value in (None, ""):
                continue
            values = [value] if isinstance(value, str | int) else list(value)
            if values:
                valid.append((name, values))
        return valid

    def canonical_params(self):
        """
        The valid filter values in a fixed order, for the list's canonical address: no
        sorting, no invalid or empty values, no parameters the list does not know.
        """
        return [
            (name, value)
            for name, values in self.valid_values()
            for value in sorted(getattr(item, "slug", item) for item in values)
        ]

    def summary(self):
        """The valid filters in words, such as "Kategorie: Netzwerk; Thema: Wasserstoff"."""
        return "; ".join(
            f"{self.filters[name].label}: {', '.join(self.value_label(name, v) for v in values)}"
            for name, values in self.valid_values()
        )

    def value_label(self, name, value):
        if hasattr(value, "display_name"):
            return value.display_name
        return str(dict(self.filters[name].extra.get("choices", ())).get(value, value))

    def active_filters(self):
        """
        The valid values the list is filtered by, each with the list's address without it:
        the other filters and the sorting stay, the page number goes. The search is left
        out, as its field shows it.
        """
        params = self.canonical_params()
        sorting = self.form.cleaned_data.get("sortierung") if self.is_bound else None
        if sorting:
            params.append(("sortierung", sorting))
        active = []
        for name, values in self.valid_values():
            if name == "q":
                continue
            for value in values:
                param = (name, getattr(value, "slug", value))
                rest = urlencode([p for p in params if p != param])
                active.append(
                    ActiveFilter(
                        label=self.active_filter_label(name, value),
                        removal_url=f"{self.request.path}?{rest}" if rest else self.request.path,
                    )
                )
        return active

    def active_filter_label(self, name, value):
        if isinstance(self.filters[name], django_filters.MultipleChoiceFilter):
            return self.value_label(name, value)
        return f"{self.filters[name].label} {value}"  # a year: "Gegründet ab 2000"
