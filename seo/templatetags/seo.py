"""What the head of a page tells search engines and link previews."""

import re
from html import unescape

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from seo import structured_data

register = template.Library()

OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB"}

FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL | re.IGNORECASE)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The content was escaped while rendering; attributes want it on one line.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """
    {% capture name %}…{% endcapture %} renders its content into a variable
    instead of the page. base.html captures the title and description blocks
    so that <title>, the meta description and Open Graph say the same.
    """
    try:
        _tag, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("capture takes one variable name") from None
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)


# {{ data|json_ld }}: the data as a JSON-LD script element.
json_ld = register.filter("json_ld", structured_data.script, is_safe=True)


@register.filter
def lead_text(html):
    """The plain text of an HTML text's first paragraph, for a meta description."""
    match = FIRST_PARAGRAPH.search(html)
    return " ".join(unescape(strip_tags(match[1] if match else html)).split())


def canonical_path(context):
    """This page's path; a view names it in canonical_path when its query matters."""
    return context.get("canonical_path") or context["request"].path


@register.simple_tag(takes_context=True)
def absolute_uri(context, path):
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return absolute_uri(context, canonical_path(context))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """(hreflang, URL) of this page in every language, and x-default: the default language."""
    path = canonical_path(context)
    alternates = [
        (code, absolute_uri(context, translate_url(path, code)))
        for code, _name in settings.LANGUAGES
    ]
    alternates.append(("x-default", dict(alternates)[settings.LANGUAGE_CODE]))
    return alternates


@register.simple_tag
def open_graph_locales():
    """The page's Open Graph locale first, then those of the other languages."""
    current = get_language()
    return [OPEN_GRAPH_LOCALES[current]] + [
        locale for code, locale in OPEN_GRAPH_LOCALES.items() if code != current
    ]


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, title):
    return json_ld(
        structured_data.breadcrumb_list(context["request"], unescape(title), canonical_url(context))
    )


@register.simple_tag(takes_context=True)
def website_json_ld(context):
    return json_ld(structured_data.website(context["request"]))
