"""The relations picture on organisation pages and the network page."""

import itertools
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from contacts.models import ContactPerson, ContactRole
from network import queries
from network.layout import ARROW_GAP
from network.queries import NEIGHBOURS, directory_network, neighbourhood
from network.shapes import wrap
from organisations.models import RELATED_SHOWN, Organisation, Relation

from .support.factories import (
    CategoryFactory,
    ContactPersonFactory,
    ContactRoleFactory,
    OrganisationFactory,
    RelationFactory,
)
from .support.pages import TAG, links, text

pytestmark = pytest.mark.django_db

NODE = re.compile(r'<a class="relation-graph__node[^"]*" href="([^"]*)"([^>]*)>(.*?)</a>', re.S)


@pytest.fixture
def get(client, seed):
    return client.get


def picture(response):
    """The relations picture's SVG."""
    return re.search(r'<svg role="group".*?</svg>', response.content.decode(), re.S).group()


def boxes(response):
    """(name as a screen reader reads it, link target) of every box in the picture."""
    return {
        (" ".join(unescape(TAG.sub("", label)).split()), href)
        for href, _attributes, label in NODE.findall(picture(response))
    }


def legend(response):
    html = response.content.decode()
    return " ".join(
        TAG.sub(" ", re.search(r"<figcaption>.*?</figcaption>", html, re.S).group()).split()
    )


def in_words(relation):
    return f"{relation.source.name} – {relation.get_kind_display()} – {relation.target.name}"


def as_on_its_page(organisation):
    organisation.fetch_relations()
    return organisation


def seed_neighbourhoods():
    return [
        neighbourhood(as_on_its_page(organisation))
        for organisation in Organisation.objects.with_facts()
    ]


# Organisation pages


def test_organisation_picture_links_every_related_actor_and_the_spokesperson(get):
    assert boxes(get("/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/")) == {
        (
            "Wirtschaftsverkehrsnetzwerk Lausitz",
            "/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/",
        ),
        ("IHK Cottbus", "/organisationen/ihk-cottbus/"),
        (
            "Unternehmerverband Brandenburg-Berlin",
            "/organisationen/unternehmerverband-brandenburg-berlin/",
        ),
        ("Jens Krause", "/ansprechpartner/jens-krause/"),
    }


def test_organisation_picture_marks_the_organisation_itself_as_the_current_page(get):
    nodes = NODE.findall(picture(get("/organisationen/mingentec/")))
    current = [href for href, attributes, _label in nodes if 'aria-current="page"' in attributes]
    assert current == ["/organisationen/mingentec/"]


def test_mentioned_actor_picture_shows_who_names_it_and_who_works_there(get):
    assert boxes(get("/organisationen/ihk-cottbus/")) >= {
        ("MinGenTec", "/organisationen/mingentec/"),
        (
            "Wirtschaftsverkehrsnetzwerk Lausitz",
            "/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/",
        ),
        ("Jens Krause", "/ansprechpartner/jens-krause/"),
    }


def test_organisation_picture_says_every_relation_in_words(get):
    page = text(get("/organisationen/lausitzbeauftragter/"))
    assert (
        "Lausitzbeauftragter der Landesregierung – ins Leben gerufen von – "
        "Landesregierung Brandenburg" in page
    )
    assert "Lausitzbeauftragter der Landesregierung – gehört zu – Staatskanzlei Brandenburg" in page
    assert (
        "Lausitzbeauftragter der Landesregierung – unterstellt – "
        "Ministerpräsident des Landes Brandenburg" in page
    )


def test_organisation_picture_says_the_persons_roles_in_words(get):
    page = text(get("/organisationen/ihk-cottbus/"))
    assert "Jens Krause – arbeitet bei – IHK Cottbus" in page
    page = text(get("/organisationen/wasserstoffnetzwerk-lausitz/"))
    assert "Jens Krause – Sprecher – Wasserstoffnetzwerk Lausitz" in page


def test_legend_names_the_kinds_of_boxes_and_arrows_in_the_picture(get):
    assert legend(get("/organisationen/lausitzbeauftragter/")) == (
        "Projektträger Erwähnter Akteur ins Leben gerufen von gehört zu unterstellt"
    )


def test_organisation_without_relations_or_contact_persons_has_no_picture(get):
    response = get("/organisationen/lausitzrunde/")
    assert "Beziehungsgeflecht" not in text(response)
    assert "relation-graph" not in response.text


def test_organisation_picture_has_a_title_and_a_description(get):
    svg = picture(get("/organisationen/mingentec/"))
    assert 'aria-labelledby="beziehungsbild-titel"' in svg
    assert '<title id="beziehungsbild-titel">Beziehungen von MinGenTec</title>' in svg
    assert 'aria-describedby="beziehungsbild-beschreibung"' in svg


# The network page


def test_network_page_shows_every_actor_and_person_as_a_linked_box(get):
    shown = boxes(get("/netzwerk/"))
    assert {(o.name, o.get_absolute_url()) for o in Organisation.objects.all()} <= shown
    assert ("Jens Krause", "/ansprechpartner/jens-krause/") in shown
    assert len(shown) == Organisation.objects.count() + ContactPerson.objects.count()


def test_network_page_says_every_relation_and_role_in_words(get):
    page = text(get("/netzwerk/"))
    for relation in Relation.objects.all():
        assert in_words(relation) in page
    for role in ContactRole.objects.all():
        assert f"{role.person} – {role.get_role_display()} – {role.organisation.name}" in page


def test_network_page_draws_an_arrow_for_every_relation_role_and_employer(get):
    arrows = re.findall(r'<path class="relation-graph__edge ', picture(get("/netzwerk/")))
    employed = ContactPerson.objects.exclude(employer=None).count()
    assert len(arrows) == Relation.objects.count() + ContactRole.objects.count() + employed


def test_network_page_names_the_actors_without_relations(get):
    page = text(get("/netzwerk/"))
    assert (
        "Ohne eingetragene Beziehung: Wirtschaftsinitiative Lausitz e.V., Lausitzer Perspektiven, "
        "Lausitzrunde, Pro Lausitzer Braunkohle e.V., "
        "Lausitzer und Mitteldeutsche Bergbau-Verwaltungsgesellschaft" in page
    )


def test_network_page_groups_the_entries_by_category(get):
    svg = picture(get("/netzwerk/"))
    headings = re.findall(r'class="relation-graph__heading"[^>]*>([^<]*)<', svg)
    assert headings == [
        "Netzwerke",
        "Initiativen",
        "Projektträger",
        "Erwähnte Akteure und Personen",
    ]


def test_english_network_page_shows_english_names_and_marks_german_ones(get):
    with translation.override("en"):
        response = get(reverse("network"))
    assert response.status_code == 200
    shown = boxes(response)
    assert ("Federal Government", "/en/organisations/bund/") in shown
    assert re.search(r'href="/en/organisations/lausitzrunde/" lang="de"', response.text)


def test_network_page_of_an_empty_directory_says_so(client):
    assert "Noch keine Akteure eingetragen." in text(client.get("/netzwerk/"))


# Layout


def rectangle(node):
    box = node.rect
    return box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"]


def overlapping(graph):
    return [
        (a.name, b.name)
        for a, b in itertools.combinations(graph.nodes, 2)
        if rectangle(a)[0] < rectangle(b)[2]
        and rectangle(b)[0] < rectangle(a)[2]
        and rectangle(a)[1] < rectangle(b)[3]
        and rectangle(b)[1] < rectangle(a)[3]
    ]


def outside_view_box(graph):
    left, top, width, height = map(int, graph.view_box.split())
    return [
        node.name
        for node in graph.nodes
        if not (
            left <= rectangle(node)[0]
            and rectangle(node)[2] <= left + width
            and top <= rectangle(node)[1]
            and rectangle(node)[3] <= top + height
        )
    ]


def distance_to_box(point, node):
    x1, y1, x2, y2 = rectangle(node)
    return max(x1 - point[0], 0, point[0] - x2), max(y1 - point[1], 0, point[1] - y2)


@pytest.mark.usefixtures("seed")
def test_boxes_of_the_seed_do_not_overlap_and_stay_in_the_picture():
    for graph in [directory_network(), *seed_neighbourhoods()]:
        assert overlapping(graph) == [], graph.title
        assert outside_view_box(graph) == [], graph.title


def test_boxes_of_a_large_neighbourhood_do_not_overlap():
    founder = OrganisationFactory(is_entry=False, category=None)
    for number in range(30):
        RelationFactory(
            source=OrganisationFactory(name=f"Netzwerk Nummer {number}"), target=founder
        )
    ContactPersonFactory(employer=founder)
    graph = neighbourhood(as_on_its_page(Organisation.objects.with_facts().get(pk=founder.pk)))
    assert len(graph.nodes) == 1 + NEIGHBOURS
    assert overlapping(graph) == []
    assert outside_view_box(graph) == []
    assert misplaced_arrows(graph) == []


def misplaced_arrows(graph):
    """Arrows that do not start at their source or do not end just short of their target."""
    return [
        f"{edge.source.name} – {edge.label} – {edge.target.name}"
        for edge in graph.edges
        if max(distance_to_box(edge.points[0], edge.source)) > 1
        or not 0 < max(distance_to_box(edge.points[-1], edge.target)) <= ARROW_GAP + 1
    ]


@pytest.mark.usefixtures("seed")
def test_arrows_start_at_their_source_and_point_at_their_target():
    for graph in [directory_network(), *seed_neighbourhoods()]:
        assert misplaced_arrows(graph) == [], graph.title


def test_network_draws_relations_between_two_entries_and_to_a_persons_employer():
    network, project = OrganisationFactory(), OrganisationFactory()
    RelationFactory(source=project, kind=Relation.Kind.PART_OF, target=network)
    RelationFactory(source=project, kind=Relation.Kind.SUPPORTED_BY, target=network)
    ContactRoleFactory(person=ContactPersonFactory(employer=network), organisation=project)
    graph = directory_network()
    assert len(graph.edges) == 4
    assert overlapping(graph) == []
    assert outside_view_box(graph) == []
    assert misplaced_arrows(graph) == []


def test_long_names_are_wrapped_into_lines_that_keep_every_word():
    name = "Evangelische Kirche Berlin – Brandenburg – schlesische Oberlausitz"
    lines = wrap(name)
    assert len(lines) > 1
    assert " ".join(lines) == name


def test_hyphenated_words_may_break_after_the_hyphen():
    assert "Verwaltungsgesellschaft" in wrap("Mitteldeutsche Bergbau-Verwaltungsgesellschaft")


@pytest.mark.usefixtures("seed")
def test_the_same_directory_gives_the_same_picture():
    def drawing(graph):
        return (
            graph.view_box,
            [(node.name, node.rect, node.label) for node in graph.nodes],
            [edge.path for edge in graph.edges],
        )

    assert drawing(directory_network()) == drawing(directory_network())
    assert [drawing(graph) for graph in seed_neighbourhoods()] == [
        drawing(graph) for graph in seed_neighbourhoods()
    ]


# Large directories


@pytest.fixture
def hub(db):
    """A founder of 60 networks, with 3 employees."""
    founder = OrganisationFactory(
        name="Gründerin", slug="gruenderin", is_entry=False, category=None
    )
    category = CategoryFactory()
    networks = Organisation.objects.bulk_create(
        OrganisationFactory.build(
            name=f"Netzwerk {number:02}", slug=f"netzwerk-{number:02}", category=category
        )
        for number in range(60)
    )
    Relation.objects.bulk_create(
        Relation(source=network, target=founder, kind=Relation.Kind.INITIATED_BY)
        for network in networks
    )
    for number in range(3):
        ContactPersonFactory(employer=founder, last_name=f"Angestellt{number}")
    return founder


def test_hub_page_draws_its_nearest_neighbours_and_says_how_many_it_leaves_out(client, hub):
    response = client.get("/organisationen/gruenderin/")
    assert len(boxes(response)) == 1 + NEIGHBOURS
    assert ("Netzwerk 00", "/organisationen/netzwerk-00/") in boxes(response)
    assert f"Das Bild zeigt {NEIGHBOURS} von 63 Beziehungen." in text(response)


def test_hub_page_lists_the_first_relations_and_counts_the_rest(client, hub):
    page = text(client.get("/organisationen/gruenderin/"))
    assert f"Netzwerk {RELATED_SHOWN - 1:02}" in page
    assert f"Netzwerk {RELATED_SHOWN:02}" not in page
    assert f"und {60 - RELATED_SHOWN} weitere Beziehungen" in page


def test_page_of_a_large_employer_lists_the_first_employees_and_counts_the_rest(client, db):
    employer = OrganisationFactory(slug="arbeitgeberin")
    ContactPerson.objects.bulk_create(
        ContactPersonFactory.build(employer=employer, last_name=f"Angestellt{number:02}")
        for number in range(RELATED_SHOWN + 1)
    )
    page = text(client.get("/organisationen/arbeitgeberin/"))
    assert f"Angestellt{RELATED_SHOWN - 1:02}" in page
    assert f"Angestellt{RELATED_SHOWN:02}" not in page
    assert "und 1 weiterer Ansprechpartner" in page


def test_organisation_page_of_a_small_neighbourhood_says_nothing_is_left_out(get):
    assert "Das Bild zeigt" not in text(get("/organisationen/wirtschaftsregion-lausitz/"))


def test_network_page_of_a_large_directory_draws_the_most_connected_actors(
    client, hub, monkeypatch
):
    monkeypatch.setattr(queries, "NETWORK_ACTORS", 4)
    response = client.get("/netzwerk/")
    assert {name for name, _url in boxes(response)} == {
        "Gründerin",
        "Netzwerk 00",
        "Netzwerk 01",
        "Netzwerk 02",
        "Erika Angestellt0",
        "Erika Angestellt1",
        "Erika Angestellt2",
    }
    assert (
        "Das Bild zeigt die 4 am stärksten vernetzten von 61 Akteuren, ihre Beziehungen "
        "untereinander und einige ihrer Ansprechpartner." in text(response)
    )
    assert ("Liste der Organisationen", "/organisationen/") in links(response)


def test_network_page_draws_at_most_its_number_of_persons(client, hub, monkeypatch):
    monkeypatch.setattr(queries, "NETWORK_PERSONS", 2)
    names = {name for name, _url in boxes(client.get("/netzwerk/"))}
    assert {"Erika Angestellt0", "Erika Angestellt1"} <= names
    assert "Erika Angestellt2" not in names


def test_network_page_of_a_small_directory_shows_everyone_without_a_note(get):
    assert "am stärksten vernetzten" not in text(get("/netzwerk/"))
