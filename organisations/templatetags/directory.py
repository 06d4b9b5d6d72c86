import re

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from organisations import filters

register = template.Library()

LIST_ITEM = re.compile(r"^(\d+)\.\s+(.*)$", re.DOTALL)


@register.filter
def paragraphs(text):
    """Blank-line separated paragraphs as <p>; runs of "1. …" paragraphs as one <ol>."""
    blocks, items = [], []

    def close_list():
        if items:
            blocks.append(format_html("<ol>{}</ol>", format_html_join("", "<li>{}</li>", items)))
            items.clear()

    for paragraph in re.split(r"\n\s*\n", text.strip()) if text else []:
        match = LIST_ITEM.match(paragraph.strip())
        if match:
            items.append((match.group(2),))
        else:
            close_list()
            blocks.append(format_html("<p>{}</p>", paragraph.strip()))
    close_list()
    return format_html_join("\n", "{}", ((block,) for block in blocks))


@register.simple_tag
def list_url(name, value):
    """The list filtered by one value: {% list_url "thema" topic.slug %}."""
    return filters.list_url(name, value)


@register.simple_tag
def category_badge(category):
    """An entry's category as a coloured badge; a mentioned actor has none."""
    if category is None:
        return format_html(
            '<span class="badge badge--mentioned">{}</span>', gettext("Erwähnter Akteur")
        )
    name = category.display_name
    return format_html(
        '<span class="badge badge--{}"{}>{}</span>', category.colour, name.lang_attr, name
    )
