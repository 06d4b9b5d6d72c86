"""The Ansprechpartner list comes in pages of 20, as the organisation list does."""

import pytest

from contacts.models import ContactPerson

from .support.factories import ContactPersonFactory
from .support.pages import links, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_contacts():
    """45 persons, Muster00 … Muster44, so alphabetical order is numerical order."""
    ContactPerson.objects.bulk_create(
        ContactPersonFactory.build(last_name=f"Muster{number:02}", slug=f"erika-muster-{number:02}")
        for number in range(45)
    )


def person_links(response):
    """The names heading the cards, each linking to the person's page."""
    return [
        label
        for label, href in links(response)
        if href.startswith("/ansprechpartner/erika") and not href.endswith("/vcard/")
    ]


def test_contact_list_shows_twenty_persons_per_page(client, many_contacts):
    response = client.get("/ansprechpartner/")
    assert person_links(response) == [f"Erika Muster{number:02}" for number in range(20)]
    assert "Seite 1 von 3" in text(response)
    assert ("Nächste Seite", "?seite=2") in links(response)


def test_last_contact_page_shows_the_rest(client, many_contacts):
    response = client.get("/ansprechpartner/?seite=3")
    assert person_links(response) == [f"Erika Muster{number:02}" for number in range(40, 45)]
    assert ("Vorige Seite", "?seite=2") in links(response)


@pytest.mark.parametrize(
    ("query", "message", "first"),
    [
        ("?seite=abc", "Eine Seite „abc“ gibt es nicht; gezeigt wird Seite 1.", "Erika Muster00"),
        ("?seite=99", "Eine Seite „99“ gibt es nicht; gezeigt wird Seite 3.", "Erika Muster40"),
    ],
)
def test_invalid_contact_page_shows_the_nearest_page_and_says_so(
    client, many_contacts, query, message, first
):
    response = client.get(f"/ansprechpartner/{query}")
    assert response.status_code == 200
    assert message in text(response)
    assert person_links(response)[0] == first


def test_a_short_contact_list_has_no_page_links(client, seed):
    assert "Seite 1 von" not in text(client.get("/ansprechpartner/"))
