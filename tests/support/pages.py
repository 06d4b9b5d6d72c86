"""Reads what a visitor sees in a rendered page."""

import json
import re
from html import unescape
from urllib.parse import urlsplit

EMBED_NAME = re.compile(r'class="embed__name"><a href="([^"]*)"[^>]*>(.*?)</a>')
CARD_TITLE = re.compile(r'class="card__title"><a href="([^"]*)"[^>]*>(.*?)</a>')
FACET_OPTION = re.compile(
    r'<label for="id_(?P<facet>\w+)_\d+"><span[^>]*>(?P<label>[^<]*)</span> '
    r'<span class="count">\((?P<count>[\d.,]+)'
)
TAG = re.compile(r"<[^>]+>")


def text(response):
    """The page's visible text with whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    words = " ".join(unescape(TAG.sub(" ", html)).split())
    # A tag boundary is no space to a reader: "<a>Bautzen</a>, …" reads "Bautzen, …".
    return re.sub(r" (?=[,.;:)])", "", words)


def result_names(response):
    return [
        unescape(TAG.sub("", name)) for _, name in CARD_TITLE.findall(response.content.decode())
    ]


def embed_names(response):
    """The entries' names in the embed (/einbetten/organisationen/), in its order."""
    return [
        unescape(TAG.sub("", name)) for _, name in EMBED_NAME.findall(response.content.decode())
    ]


def link_attributes(response):
    """The attributes of every link, each link's as a dict."""
    return [
        {name: unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', attributes)}
        for attributes in re.findall(r"<a (.*?)>", response.content.decode(), re.DOTALL)
    ]


def facet_counts(response, facet):
    return {
        unescape(match["label"]): int(re.sub(r"\D", "", match["count"]))
        for match in FACET_OPTION.finditer(response.content.decode())
        if match["facet"] == facet
    }


def links(response):
    """(visible text, href) of every link."""
    html = response.content.decode()
    return [
        (" ".join(unescape(TAG.sub(" ", label)).split()), unescape(href))
        for href, label in re.findall(r'<a [^>]*?href="([^"]*)"[^>]*>(.*?)</a>', html, re.DOTALL)
    ]


def sitemap_pages(client):
    """The responses of every sitemap page the index /sitemap.xml names, in its order."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    return [
        client.get(urlsplit(location)._replace(scheme="", netloc="").geturl())
        for location in re.findall(r"<loc>(.*?)</loc>", unescape(index.text))
    ]


def is_plain_text_date_error(response):
    """What a feed or CSV export answers to a `geaendert_seit` that is no date: 400 in words."""
    return (
        response.status_code == 400
        and response["Content-Type"] == "text/plain; charset=utf-8"
        and "ISO 8601" in response.content.decode()
    )


def served_from_cache(response):
    """Whether the page cache answered, as its Server-Timing header tells the browser."""
    return (
        re.search(r'\bcache(;dur=[\d.]+)?;desc="hit"', response.get("Server-Timing", ""))
        is not None
    )


def structured_data(response):
    """Every JSON-LD block of the page, parsed."""
    pattern = r'<script type="application/ld\+json">(.*?)</script>'
    return [json.loads(block) for block in re.findall(pattern, response.text, re.DOTALL)]


def of_type(response, schema_type):
    [data] = [data for data in structured_data(response) if data.get("@type") == schema_type]
    return data
