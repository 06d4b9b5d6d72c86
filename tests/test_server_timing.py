"""
Visitors' pages name what they cost in a Server-Timing header, for browsers' developer tools:
database time and queries, the page cache's hit or miss, and the whole application's time.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

LIST = "/organisationen/"


def entries(response):
    """The header's metrics by name, each with its parameters."""
    metrics = {}
    for entry in response["Server-Timing"].split(","):
        name, *parameters = (part.strip() for part in entry.split(";"))
        metrics[name] = dict(parameter.split("=", 1) for parameter in parameters)
    return metrics


def test_first_visit_names_a_cache_miss_with_the_lookups_time(client, seed):
    timing = entries(client.get(LIST))
    assert timing["cache"]["desc"] == '"miss"'
    assert float(timing["cache"]["dur"]) >= 0


def test_cached_page_names_a_cache_hit_with_the_lookups_time(client, seed):
    client.get(LIST)
    timing = entries(client.get(LIST))
    assert timing["cache"]["desc"] == '"hit"'
    assert float(timing["cache"]["dur"]) >= 0


@pytest.mark.parametrize("visit", ["first", "cached"])
def test_database_entry_counts_the_queries_of_the_request(client, seed, visit):
    if visit == "cached":
        client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)
    timing = entries(response)
    count = len(queries.captured_queries)
    assert count > 0
    assert timing["db"]["desc"] == f'"{count} {"query" if count == 1 else "queries"}"'
    assert float(timing["db"]["dur"]) >= 0


def test_whole_request_time_is_at_least_the_database_time(client, seed):
    timing = entries(client.get(LIST))
    assert float(timing["app"]["dur"]) >= float(timing["db"]["dur"])


def test_304_for_an_etag_names_the_revalidation(client, seed):
    etag = client.get(LIST)["ETag"]
    response = client.get(LIST, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert entries(response)["cache"]["desc"] == '"revalidated"'


def test_header_is_well_formed(client, seed):
    metric = r'[a-z]+(;dur=\d+\.\d+)?;desc="[^"]*"'
    assert re.fullmatch(rf"{metric}(, {metric})*", client.get(LIST)["Server-Timing"])


def test_admin_pages_name_no_timing(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert "Server-Timing" not in response


def test_editors_pages_name_no_timing(editor):
    response = editor.get(LIST)
    assert response.status_code == 200
    assert "Server-Timing" not in response


def test_server_timing_can_be_turned_off(seed, settings):
    settings.SERVER_TIMING = False
    response = Client().get(LIST)
    assert response.status_code == 200
    assert "Server-Timing" not in response
