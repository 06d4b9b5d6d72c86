"""
The list's result cards, each rendered once per entry version and language and then kept
(pagecache.fragments), so that a list page puts together its 20 cards from the cache.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import get_language

from pagecache import fragments

TEMPLATE = "includes/organisation_card.html"


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
    return [render_to_string(TEMPLATE, {"organisation": item}) for item in organisations]


def cards(organisations, searched=False, content_version=None):
    """
    The cards of a results page. A search marks its words in the cards, so those of a
    search are rendered anew every time.
    """
    organisations = list(organisations)
    if searched:
        return render(organisations)
    return fragments.cached_each(
        "card", organisations, card_version, render, version=content_version
    )
