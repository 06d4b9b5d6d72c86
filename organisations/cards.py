"""
The list's result cards, each rendered once per entry version and language and then kept
(pagecache.fragments), so that a list page puts together its 20 cards from the cache.

A card is kept with two slots, its name and its text, filled for each page: a search marks its
words there (search/highlight.py), and everything else on the card is the same on every list.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.template.defaultfilters import truncatewords
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from pagecache import fragments

TEMPLATE = "includes/organisation_card.html"
# Escaped text never holds a "<", so no entry's words can be taken for a slot.
NAME_SLOT, TEXT_SLOT = mark_safe("<slot:name>"), mark_safe("<slot:text>")
TEXT_WORDS = 30


def card_version(organisation):
    """
    What a card's HTML depends on besides the code: the entry as last saved and the page's
    language. Its topics and the names of its category and topics can change without the
    entry being saved; the list's version (which the caller passes on) covers them.
    """
    return (organisation.pk, organisation.updated_at.isoformat(), get_language())


def render(organisations):
    # A list, not a related manager: the template reads it without making a queryset per card.
    prefetch_related_objects(organisations, Prefetch("topics", to_attr="card_topics"))
    return [
        render_to_string(
            TEMPLATE, {"organisation": item, "card_name": NAME_SLOT, "card_text": TEXT_SLOT}
        )
        for item in organisations
    ]


def filled(card, organisation):
    """The kept card with the entry's name and text, as a search marked them if it did."""
    name = getattr(organisation, "marked_name", None) or organisation.display_name
    text = getattr(organisation, "search_excerpt", None) or truncatewords(
        organisation.display_description, TEXT_WORDS
    )
    return mark_safe(
        card.replace(NAME_SLOT, conditional_escape(name)).replace(
            TEXT_SLOT, conditional_escape(text)
        )
    )


def cards(organisations, content_version):
    """The cards of a results page."""
    organisations = list(organisations)
    kept = fragments.cached_each(
        "card", organisations, card_version, render, version=content_version
    )
    return [filled(card, item) for card, item in zip(kept, organisations, strict=True)]
