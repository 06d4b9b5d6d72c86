"""
schema.org descriptions of the site's pages, for search engines (JSON-LD): the site and
the breadcrumbs here, and the helpers the content apps' own descriptions share
(organisations/structured_data.py, contacts/structured_data.py).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

CONTEXT = "https://schema.org"

# As in Django's json_script: these characters could close the script element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# The page above a page in the breadcrumbs, when it is not the home page.
PARENT_PAGES = {
    "organisations:detail": ("organisations:list", _("Organisationen")),
    "contacts:detail": ("contacts:list", _("Ansprechpartner")),
}


def script(data):
    """
    JSON-LD in a script element, escaped as Django's json_script escapes JSON
    (which only writes type="application/json"). Nothing for no data.
    """
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )


def compact(data):
    """The dictionary without empty values, which schema.org would read as facts."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def one_or_many(values):
    values = [value for value in values if value]
    return values[0] if len(values) == 1 else values


def entry_page(entry, url):
    """
    The page of an entry the editors write, as its `mainEntityOfPage`: when they last edited
    it (dateModified) and last confirmed it as correct (lastReviewed, "zuletzt geprüft").
    """
    return compact(
        {
            "@type": "WebPage",
            "@id": url,
            "dateModified": entry.updated_at,
            "lastReviewed": entry.verified_at,
        }
    )


def website(request):
    """The site, with the list's search as its SearchAction."""
    home = request.build_absolute_uri(reverse("home"))
    search = request.build_absolute_uri(reverse("organisations:list"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": f"{home}#website",
        "name": gettext("Lausitz-Verzeichnis"),
        "url": home,
        "inLanguage": get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(request, title, url):
    """Home, the parent page if there is one, and this page; nothing on the home page itself."""
    match = request.resolver_match
    if match is None or match.view_name == "home":
        return None
    crumbs = [(gettext("Start"), request.build_absolute_uri(reverse("home")))]
    if match.view_name in PARENT_PAGES:
        parent, label = PARENT_PAGES[match.view_name]
        crumbs.append((label, request.build_absolute_uri(reverse(parent))))
    crumbs.append((title, url))
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(crumbs, start=1)
        ],
    }
