"""
Pages cost a fixed number of SQL queries, however many organisations there are and however
many of them a page shows: the same at 10 and at 5,000 demo entries. The open data exports
stream their entries in batches and cost a fixed number of queries per batch.

The directory is built in one test (`generate_demo_data` beside the seed) and measured at both
sizes: one test, so that one xdist worker builds it.
"""

import math

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client

from contacts.models import ContactPerson
from network.queries import most_connected
from opendata.views import CHUNK_SIZE
from organisations.models import Organisation

from .support.queries import queries_for

pytestmark = pytest.mark.django_db

SMALL = 10
# More than twice the largest batch anything reads in (the sitemap's 2,000 addresses a page,
# the exports' CHUNK_SIZE of 500): whole batches and a partial one. `make bench` measures the
# 10,000 and 100,000 entries.
LARGE = 5_000
# A ceiling that keeps pages from creeping up; the list with facets is the dearest.
MAX_QUERIES = 20
PAGE_SIZE = 20


def last_page(count):
    return max(math.ceil(count / PAGE_SIZE), 1)


def entries():
    return Organisation.objects.published().entries()


def best_connected_organisation():
    return most_connected(Organisation.objects.published()).first().get_absolute_url()


def person_with_most_roles():
    return (
        ContactPerson.objects.published()
        .annotate(role_count=Count("roles"))
        .order_by("-role_count", "pk")
        .first()
    )


# Page name → its path in the directory as it is at the moment.
PAGES = {
    "home": lambda: "/",
    "list": lambda: "/organisationen/",
    "list, last page": lambda: f"/organisationen/?seite={last_page(entries().count())}",
    "list with two filters": lambda: "/organisationen/?kategorie=netzwerk&bundesland=sachsen",
    "search": lambda: "/organisationen/?q=netzwerk",
    "organisation with the most relations": best_connected_organisation,
    "contact list": lambda: "/ansprechpartner/",
    "contact list, last page": lambda: (
        f"/ansprechpartner/?seite={last_page(ContactPerson.objects.published().count())}"
    ),
    "contact with the most roles": lambda: person_with_most_roles().get_absolute_url(),
    "vCard": lambda: f"{person_with_most_roles().get_absolute_url()}vcard/",
    "network": lambda: "/netzwerk/",
    "open data": lambda: "/offene-daten/",
    "feed": lambda: "/offene-daten/feed/",
    "sitemap index": lambda: "/sitemap.xml",
    "sitemap page": lambda: "/sitemap-organisations.xml",
}
EXPORTS = ["/offene-daten/organisationen.csv", "/offene-daten/organisationen.json"]
# Parameters that select no entry: what an export costs besides its batches.
NOTHING = "?gegruendet_ab=2100"


def refresh_planner_statistics():
    """
    Tell the database how many rows the tables now hold, as autovacuum does in production.
    Without statistics PostgreSQL plans for empty tables, and nested loops over thousands of
    rows take minutes; SQLite walks the organisations to find a few persons' roles.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure():
    client = Client()
    counts = {name: queries_for(client, path()) for name, path in PAGES.items()}
    batches = math.ceil(entries().count() / CHUNK_SIZE)
    # The pages above filled the caches; a whole export is too slow to read twice.
    for path in EXPORTS:
        spent = queries_for(client, path, warm_up=False) - queries_for(client, path + NOTHING)
        counts[path] = spent / batches
    return counts


def test_pages_and_exports_cost_the_same_queries_at_10_and_at_5000_entries(seed):
    call_command("generate_demo_data", count=SMALL, verbosity=0)
    refresh_planner_statistics()
    small = measure()
    call_command("generate_demo_data", count=LARGE - SMALL, verbosity=0)
    refresh_planner_statistics()
    large = measure()

    # Pages: queries per request; exports: queries per batch.
    assert large == small
    assert {page: large[page] for page in PAGES if large[page] > MAX_QUERIES} == {}
