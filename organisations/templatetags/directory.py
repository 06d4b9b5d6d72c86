import re

from django import template
from django.utils.html import format_html, format_html_join

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
