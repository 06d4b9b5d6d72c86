"""
The list's facets: for each filter with options, how many results each option would give
with the other filters as they are.
"""

from dataclasses import dataclass

from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from .models import LegalForm

FACETS = ("kategorie", "bundesland", "landkreis", "thema", "rechtsform")


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    # Made here rather than in the template, which would spend a translation tag and a dozen
    # lookups on each of the hundred options of every list page.
    input_id: str
    count_label: str
    label_lang_attr: str


@dataclass
class Facet:
    name: str
    label: str
    options: list


def facets(filterset, selection):
    """
    Each facet's options with the number of results each would give: counted in the entry
    index, for all facets together in about a millisecond at 100,000 entries.
    """
    return [facet(filterset, name, facet_options(filterset, selection, name)) for name in FACETS]


def facet_options(filterset, selection, name):
    """[(value, label, count), …] of one facet, in the order of its filter's options."""
    filter_ = filterset.filters[name]
    counts = selection.index.counts(filter_.field_name, selection.without(name))
    if filter_.field_name == "legal_form":
        return [(value, label, counts.get(value, 0)) for value, label in LegalForm.choices]
    # The filter's options (its queryset: all of them), as the index read them with the counts.
    options = selection.index.options[filter_.field_name]
    return [(option.slug, option.display_name, counts.get(option.pk, 0)) for option in options]


def selected(filterset, name):
    if not filterset.is_bound:
        return set()
    return {str(value) for value in filterset.form.data.getlist(name)}


def count_label(count):
    """The number of results, with a word for screen readers."""
    text = ngettext(
        '%(counter)s<span class="visually-hidden"> Treffer</span>',
        '%(counter)s<span class="visually-hidden"> Treffer</span>',
        count,
    )
    # Safe: our translated markup around a number.
    return mark_safe(text % {"counter": localize(count)})


def facet(filterset, name, options):
    chosen = selected(filterset, name)
    shown = [(value, label, count) for value, label, count in options if count or value in chosen]
    return Facet(
        name=name,
        label=filterset.filters[name].label,
        options=[
            FacetOption(
                value,
                label,
                count,
                value in chosen,
                input_id=f"id_{name}_{number}",
                count_label=count_label(count),
                # Names read in the page's language know when they fall back to German; the
                # legal forms are translated strings, always in it.
                label_lang_attr=getattr(label, "lang_attr", ""),
            )
            for number, (value, label, count) in enumerate(shown, start=1)
        ],
    )
