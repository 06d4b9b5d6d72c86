"""
What the relations picture shows, read from the database: actors and persons as boxes,
relations and roles as arrows. The layout (layout.py) then places them.
"""

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from contacts.models import ContactPerson, ContactRole, contacts_of
from editorial.models import Status
from organisations.models import Organisation, Relation

from . import layout
from .shapes import EDGE_STYLE_ORDER, EMPLOYER, MENTIONED, PERSON, Edge, Graph, Node

# A picture stays readable, and cheap to draw, up to about this many boxes: the network page
# draws the most connected actors and some of their persons, an organisation page its nearest
# neighbours. The lists and the pages say what was left out.
NETWORK_ACTORS = 60
NETWORK_PERSONS = 40
NEIGHBOURS = 24


class Nodes(dict):
    """Each actor and person once, whichever relation names them first."""

    def organisation(self, organisation, is_centre=False):
        key = (Organisation, organisation.pk)
        if key not in self:
            category = organisation.category if organisation.is_entry else None
            self[key] = Node(
                name=organisation.display_name,
                url=organisation.get_absolute_url(),
                style=category.colour if category else MENTIONED,
                sort_key=(organisation.name, organisation.pk),
                category=category,
                is_centre=is_centre,
            )
        return self[key]

    def person(self, person):
        key = (ContactPerson, person.pk)
        if key not in self:
            self[key] = Node(
                name=person.full_name,
                url=person.get_absolute_url(),
                style=PERSON,
                sort_key=(person.last_name, person.first_name, person.pk),
            )
        return self[key]


def relation_edge(nodes, relation):
    start, end = nodes.organisation(relation.source), nodes.organisation(relation.target)
    return Edge(start, end, relation.kind, relation.get_kind_display())


def role_edge(nodes, role):
    start, end = nodes.person(role.person), nodes.organisation(role.organisation)
    return Edge(start, end, role.role, role.get_role_display())


def employment_edge(nodes, person):
    return Edge(
        nodes.person(person), nodes.organisation(person.employer), EMPLOYER, gettext("arbeitet bei")
    )


# An organisation's page: the organisation and everyone it is related to


def neighbourhood(organisation):
    """
    The organisation in the middle, its relations and contact persons around it: the
    NEIGHBOURS nearest by kind of relation, then by name.

    Reads the relations `Organisation.fetch_relations()` fetches and the contacts
    `contacts_of()` does (once per organisation, for every part of the page that shows them).
    """
    contacts = contacts_of(organisation)
    nodes = Nodes()
    centre = nodes.organisation(organisation, is_centre=True)
    edges = [
        *(relation_edge(nodes, relation) for relation in organisation.shown_outgoing_relations),
        *(relation_edge(nodes, relation) for relation in organisation.shown_incoming_relations),
        *(role_edge(nodes, role) for role in contacts.roles),
        *(employment_edge(nodes, person) for person in contacts.employees),
    ]
    others = sorted(
        (node for node in nodes.values() if node is not centre),
        key=lambda node: (min(edge_rank(edge, node) for edge in edges), node.sort_key),
    )[:NEIGHBOURS]
    drawn = {centre, *others}
    left_out = len(edges)
    edges = [edge for edge in edges if edge.source in drawn and edge.target in drawn]
    left_out -= len(edges)
    # What the page's queries left out, if they capped the lists (fetch_relations, contacts_of).
    left_out += getattr(organisation, "more_relations", 0) + contacts.left_out
    graph = Graph(
        id="beziehungsbild",
        title=gettext("Beziehungen von %(name)s") % {"name": organisation.display_name},
        nodes=[centre, *others],
        edges=edges,
        left_out=left_out,
    )
    layout.around_centre(graph, centre, others)
    return graph


def edge_rank(edge, node):
    """Neighbours sort by the kind of their relation, so that kinds sit together."""
    if node not in (edge.source, edge.target):
        return len(EDGE_STYLE_ORDER)
    return EDGE_STYLE_ORDER.index(edge.style)


# The network page: every actor and every relation of the directory


def directory_network():
    """
    The published directory in one picture: entries left, by category, everyone else right.

    A large directory is drawn by its NETWORK_ACTORS most connected actors, the relations
    between them and up to NETWORK_PERSONS of their persons, in a fixed number of queries.
    """
    nodes = Nodes()
    actors = most_connected(Organisation.objects.published())[:NETWORK_ACTORS]
    # Every actor first, so that relations and roles find their nodes made.
    for organisation in actors:
        nodes.organisation(organisation)
    drawn = {organisation.pk for organisation in actors}
    edges = [
        relation_edge(nodes, relation)
        for relation in Relation.objects.published()
        .filter(source__in=drawn, target__in=drawn)
        .select_related("source", "target")
    ]
    persons = (
        ContactPerson.objects.published()
        .filter(Q(roles__organisation__in=drawn) | Q(employer__in=drawn))
        .distinct()
        .order_by("last_name", "first_name", "pk")
        .with_employer()
        .prefetch_related(
            Prefetch(
                "roles",
                queryset=ContactRole.objects.filter(organisation__in=drawn).select_related(
                    "organisation"
                ),
            )
        )
    )
    for person in persons[:NETWORK_PERSONS]:
        nodes.person(person)
        edges += [role_edge(nodes, role) for role in person.roles.all()]
        if person.employer and person.employer.pk in drawn:
            edges.append(employment_edge(nodes, person))
    graph = Graph(
        id="netzwerkbild",
        title=gettext("Netzwerk der Akteure"),
        nodes=[],
        edges=edges,
        actor_count=Organisation.objects.published().count(),
    )
    layout.in_columns(graph, list(nodes.values()))
    return graph


def most_connected(organisations):
    """The organisations by their number of relations, roles and employees, most first."""
    published = Status.PUBLISHED
    degree = Value(0)
    for related, key, visible in (
        (Relation.objects, "source", Q(target__status=published)),
        (Relation.objects, "target", Q(source__status=published)),
        (ContactRole.objects, "organisation", Q(person__status=published)),
        (ContactPerson.objects, "employer", Q(status=published)),
    ):
        count = (
            related.filter(visible, **{key: OuterRef("pk")})
            .order_by()
            .values(key)
            .annotate(count=Count("pk"))
            .values("count")
        )
        degree += Coalesce(Subquery(count), 0)
    return (
        organisations.select_related("category")
        .annotate(degree=degree)
        .order_by("-degree", "name", "pk")
    )
