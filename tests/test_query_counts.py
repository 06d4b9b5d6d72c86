"""Pages cost a fixed number of SQL queries, however many organisations there are."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import FederalState, Topic

from .factories import (
    ContactPersonFactory,
    ContactRoleFactory,
    OrganisationFactory,
    RelationFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture
def grow_directory(db):
    """Adds entries that each have a topic, a state, a founder and a spokesperson."""
    topic = Topic.objects.create(name="Wasserstoff", slug="wasserstoff")
    state = FederalState.objects.create(name="Sachsen", slug="sachsen")
    person = ContactPersonFactory(slug="person")
    founder = OrganisationFactory(slug="gruender", is_entry=False, category=None)
    numbers = itertools.count()

    def grow(count):
        for number in itertools.islice(numbers, count):
            organisation = OrganisationFactory(slug=f"eintrag-{number}", topics=[topic])
            organisation.federal_states.add(state)
            RelationFactory(source=organisation, target=founder)
            ContactRoleFactory(person=person, organisation=organisation)
        refresh_planner_statistics()

    return grow


def refresh_planner_statistics():
    """
    Tell PostgreSQL how many rows the tables now hold, as autovacuum does in production.
    Without statistics it plans for empty tables, and nested loops over 200 rows take minutes.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/organisationen/",
        "/organisationen/?kategorie=netzwerk&thema=wasserstoff&bundesland=sachsen&q=organisation",
        "/organisationen/eintrag-0/",
        "/organisationen/gruender/",
        "/ansprechpartner/",
        "/ansprechpartner/person/",
        "/netzwerk/",
        "/ansprechpartner/person/vcard/",
        "/offene-daten/organisationen.csv",
        "/offene-daten/organisationen.json?thema=wasserstoff&geaendert_seit=2020-01-01",
        "/offene-daten/",
    ],
)
def test_queries_do_not_grow_with_the_number_of_organisations(client, grow_directory, path):
    grow_directory(1)
    with_one = queries_for(client, path)
    grow_directory(199)
    with_two_hundred = queries_for(client, path)
    assert with_two_hundred == with_one
    assert with_two_hundred <= MAX_QUERIES


def test_last_page_costs_what_the_first_costs(client, grow_directory):
    grow_directory(200)
    assert queries_for(client, "/organisationen/?seite=10") == queries_for(
        client, "/organisationen/"
    )
