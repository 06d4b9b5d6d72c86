"""
Visitors' pages come compressed, gzip or Brotli as the browser accepts, compressed once when
the page cache stores them; the admin, editors' pages and pages with a CSRF token never do.
"""

import gzip

import brotli
import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse

from pagecache import compression

pytestmark = pytest.mark.django_db

GERMAN_LIST = "/organisationen/"
ENGLISH_LIST = "/en/organisations/"
BROWSER = "gzip, deflate, br, zstd"
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.mark.parametrize("path", [GERMAN_LIST, ENGLISH_LIST])
@pytest.mark.parametrize(("accept", "encoding"), [("gzip", "gzip"), (BROWSER, "br")])
def test_public_page_comes_compressed_and_decodes_to_the_plain_page(
    client, seed, path, accept, encoding
):
    plain = client.get(path)
    compressed = client.get(path, headers={"Accept-Encoding": accept})

    assert compressed["Content-Encoding"] == encoding
    assert int(compressed["Content-Length"]) == len(compressed.content)
    assert len(compressed.content) < len(plain.content) / 3
    assert DECODE[encoding](compressed.content) == plain.content


def test_page_from_the_cache_comes_compressed_as_the_first_did(client, seed):
    first = client.get(GERMAN_LIST, headers={"Accept-Encoding": BROWSER})
    cached = client.get(GERMAN_LIST, headers={"Accept-Encoding": BROWSER})
    assert cached["Content-Encoding"] == "br"
    assert cached.content == first.content


def test_cached_page_is_not_compressed_again(client, seed, monkeypatch):
    calls = []
    counting = {
        name: (lambda body, name=name, compress=compress: calls.append(name) or compress(body))
        for name, compress in compression.ENCODINGS.items()
    }
    monkeypatch.setattr(compression, "ENCODINGS", counting)

    for accept in ["gzip", BROWSER, "", "gzip"]:
        client.get(GERMAN_LIST, headers={"Accept-Encoding": accept})

    assert sorted(calls) == ["br", "gzip"]


def test_first_visit_compresses_only_the_encoding_it_accepts(client, seed, monkeypatch):
    calls = []
    counting = {
        name: (lambda body, name=name, compress=compress: calls.append(name) or compress(body))
        for name, compress in compression.ENCODINGS.items()
    }
    monkeypatch.setattr(compression, "ENCODINGS", counting)

    client.get(GERMAN_LIST, headers={"Accept-Encoding": BROWSER})

    assert calls == ["br"]


def test_encoding_asked_for_later_decodes_to_the_page_kept_before(client, seed):
    plain = client.get(GERMAN_LIST)
    client.get(GERMAN_LIST, headers={"Accept-Encoding": BROWSER})

    later = client.get(GERMAN_LIST, headers={"Accept-Encoding": "gzip"})

    assert later["Content-Encoding"] == "gzip"
    assert gzip.decompress(later.content) == plain.content
    assert client.get(GERMAN_LIST).content == plain.content


def test_request_without_accept_encoding_gets_the_plain_page(client, seed):
    response = client.get(GERMAN_LIST)
    assert "Content-Encoding" not in response
    assert response.content.decode().startswith("<!DOCTYPE html>")
    assert int(response["Content-Length"]) == len(response.content)


def test_encodings_refused_with_weight_zero_are_not_used(client, seed):
    response = client.get(GERMAN_LIST, headers={"Accept-Encoding": "br;q=0, gzip;q=0.5"})
    assert response["Content-Encoding"] == "gzip"
    plain = client.get(GERMAN_LIST, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in plain


def test_compressed_page_varies_by_accept_encoding(client, seed):
    for accept in ["", "gzip", BROWSER]:
        vary = client.get(GERMAN_LIST, headers={"Accept-Encoding": accept})["Vary"].lower()
        assert "accept-encoding" in vary
        assert "cookie" in vary


@pytest.mark.parametrize(
    "path", ["/offene-daten/feed/", "/en/open-data/feed/", "/sitemap.xml", "/impressum/"]
)
def test_feeds_sitemaps_and_pages_come_compressed(client, seed, path):
    response = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == client.get(path).content


def test_each_encoding_has_its_own_etag(client, seed):
    etags = {
        accept: client.get(GERMAN_LIST, headers={"Accept-Encoding": accept})["ETag"]
        for accept in ["", "gzip", BROWSER]
    }
    assert len(set(etags.values())) == 3
    assert all(etag.startswith('W/"') for etag in etags.values())


@pytest.mark.parametrize("accept", ["", "gzip", BROWSER])
def test_unchanged_page_is_answered_with_304_in_each_encoding(client, seed, accept):
    etag = client.get(GERMAN_LIST, headers={"Accept-Encoding": accept})["ETag"]

    response = client.get(GERMAN_LIST, headers={"Accept-Encoding": accept, "If-None-Match": etag})

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert "accept-encoding" in response["Vary"].lower()
    assert response.content == b""


def test_304_from_the_cache_names_the_etag_of_its_encoding(client, seed):
    etag = client.get(GERMAN_LIST, headers={"Accept-Encoding": "gzip"})["ETag"]
    # If-None-Match with a stale tag beside the current one: answered from the cached page.
    response = client.get(
        GERMAN_LIST, headers={"Accept-Encoding": "gzip", "If-None-Match": f'W/"old", {etag}'}
    )
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_compressed_copy_does_not_stand_for_the_plain_page(client, seed):
    gzip_etag = client.get(GERMAN_LIST, headers={"Accept-Encoding": "gzip"})["ETag"]

    response = client.get(GERMAN_LIST, headers={"If-None-Match": gzip_etag})

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert response["ETag"] != gzip_etag


@pytest.mark.parametrize("accept", ["gzip", BROWSER])
def test_head_request_gets_the_headers_of_the_compressed_page(client, seed, accept):
    page = client.get(GERMAN_LIST, headers={"Accept-Encoding": accept})
    head = client.head(GERMAN_LIST, headers={"Accept-Encoding": accept})
    assert head.status_code == 200
    assert head.content == b""
    for header in ["Content-Encoding", "Content-Length", "ETag", "Vary"]:
        assert head[header] == page[header]


def test_head_request_first_gets_the_headers_the_page_will_have(client, seed):
    head = client.head(GERMAN_LIST, headers={"Accept-Encoding": "gzip"})
    page = client.get(GERMAN_LIST, headers={"Accept-Encoding": "gzip"})
    assert head["Content-Encoding"] == "gzip"
    assert head["Content-Length"] == page["Content-Length"]
    assert head["ETag"] == page["ETag"]


def test_admin_login_page_is_not_compressed(client):
    response = client.get(reverse("admin:login"), headers={"Accept-Encoding": BROWSER})
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


def test_editors_page_is_not_compressed(editor):
    response = editor.get(GERMAN_LIST, headers={"Accept-Encoding": BROWSER})
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_page_that_used_the_csrf_token_is_never_compressed():
    request = RequestFactory().get(GERMAN_LIST)
    response = HttpResponse(f"<form>{get_token(request)}</form>" + " " * 1000)

    stored = compression.prepare(request, response)

    assert stored.bodies == {}
    assert "Vary" not in stored.response


def test_small_page_is_not_compressed(client, seed):
    response = client.get("/robots.txt", headers={"Accept-Encoding": BROWSER})
    assert len(response.content) < compression.MIN_BYTES
    assert "Content-Encoding" not in response


def test_streamed_export_is_sent_as_it_is(client, seed):
    response = client.get("/offene-daten/organisationen.csv", headers={"Accept-Encoding": BROWSER})
    assert response.streaming
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content).decode().startswith("\ufeff")
