"""
The list's result cards, each rendered once per entry version and language and then kept
(pagecache.fragments), so that a list page puts together its 20 cards from the cache.

A card is kept with two slots, its name and its text, filled for each page: a search marks its
words there (search/highlight.py), and everything else on the card is the same on every list.

A card is built in Python rather than from a template: a first visit often finds none of its
20 cards kept (each worker keeps its own, and most entries are seldom shown), and the template
engine took two and a half times as long, some 5 ms a page (docs/benchmarks.md).
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.template.defaultfilters import truncatewords
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from pagecache import fragments

from .templatetags.directory import category_badge

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
    prefetch_related_objects(organisations, Prefetch("topics", to_attr="card_topics"))
    return [card(item) for item in organisations]


def card(organisation):
    """One card: name and text as slots, then category, further names, year and topics."""
    meta = [category_badge(organisation.category)]
    if organisation.acronym:
        meta.append(format_html("<span>{}</span>", organisation.acronym))
    if organisation.alternative_name:
        meta.append(format_html('<span lang="de">{}</span>', organisation.alternative_name))
    if organisation.founding_year:
        founded = gettext("gegründet %(year)s") % {"year": organisation.founding_year}
        meta.append(format_html("<span>{}</span>", founded))
    topics = ""
    if organisation.card_topics:
        names = (topic.display_name for topic in organisation.card_topics)
        topics = format_html(
            '<ul class="tags" aria-label="{}">{}</ul>',
            gettext("Themen"),
            format_html_join("", "<li{}>{}</li>", ((name.lang_attr, name) for name in names)),
        )
    return format_html(
        '<article class="card"><h3 class="card__title"><a href="{}"{}>{}</a></h3>'
        '<p class="card__meta">{}</p><p class="card__text"{}>{}</p>{}</article>',
        organisation.get_absolute_url(),
        organisation.display_name.lang_attr,
        NAME_SLOT,
        format_html_join(" ", "{}", ((part,) for part in meta)),
        organisation.display_description.lang_attr,
        TEXT_SLOT,
        topics,
    )


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
