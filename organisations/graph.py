"""
The relations picture: actors and persons as boxes, relations and roles as arrows.

The layout is computed here, on the server, so that pages draw the picture as
plain SVG without JavaScript. Every position follows from the data and sorted
names alone, so the same directory always gives the same picture.

Coordinates are whole pixels: templates localise floats ("12,5" in German),
which SVG would not understand.
"""

import math
import re
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from contacts.models import ContactPerson, ContactRole

from .models import Organisation, Relation, Status

FONT_SIZE = 14
LINE_HEIGHT = 18
TEXT_WIDTH = 150  # a label wraps at this width unless a single word is wider
BALANCE_STEP = 4
PADDING_X = 10
PADDING_Y = 8
ARROW_GAP = 3  # between an arrow's tip and the box it points at
MARGIN = 12

# Neighbourhood: boxes around the organisation, at least this far apart.
SLOT_GAP_X = 24
SLOT_GAP_Y = 56
SIDE_GAP = 160  # between the centre and the columns beside it, for the arrows
PARALLEL_OFFSET = 8  # between two arrows joining the same pair of boxes

# Network: entries on the left, everyone else on the right, arrows in between.
COLUMN_GAP = 320
ROW_GAP = 14
GROUP_GAP = 44  # above each group of the left column, with room for its heading
ATTACH_SPREAD = 12  # between arrows leaving or entering the same side of a box
BARYCENTRE_SWEEPS = 4

# A picture stays readable, and cheap to draw, up to about this many boxes: the network page
# draws the most connected actors and some of their persons, an organisation page its nearest
# neighbours. The lists and the pages say what was left out.
NETWORK_ACTORS = 60
NETWORK_PERSONS = 40
NEIGHBOURS = 24

PERSON = "person"
MENTIONED = "mentioned"
EMPLOYER = "employer"

# Advance widths of DejaVu Sans in em, the widest of the common sans-serif
# fonts, so that labels fit whichever font the visitor's system uses.
GLYPH_WIDTHS = {
    **dict.fromkeys("ijlI|'!.,:;", 0.3),
    **dict.fromkeys(" ", 0.32),
    **dict.fromkeys("ftJ()-", 0.4),
    **dict.fromkeys("r", 0.42),
    **dict.fromkeys("sz", 0.53),
    **dict.fromkeys("ckvxyL", 0.6),
    **dict.fromkeys("abdeghnopquäöüß0123456789FPTZ", 0.64),
    **dict.fromkeys("ABEKSXY–&", 0.7),
    **dict.fromkeys("CDGHNORUVÄÖÜ", 0.79),
    **dict.fromkeys("wM", 0.87),
    **dict.fromkeys("mW", 1.0),
}
DEFAULT_GLYPH_WIDTH = 0.7


def text_width(text):
    return FONT_SIZE * sum(GLYPH_WIDTHS.get(char, DEFAULT_GLYPH_WIDTH) for char in text)


def wrap(text, width=TEXT_WIDTH):
    """
    The text in lines of at most `width`, broken at spaces and after hyphens, and
    balanced: as narrow as the same number of lines allows, so no last word is
    left alone on its line.
    """
    lines = fill(text, width)
    while len(narrower := fill(text, width - BALANCE_STEP)) == len(lines) and width > 0:
        lines, width = narrower, width - BALANCE_STEP
    return lines


def fill(text, width):
    lines, line = [], ""
    for word in text.split():
        for position, piece in enumerate(re.split(r"(?<=-)(?=\w)", word)):
            joined = line + ("" if position or not line else " ") + piece
            if line and text_width(joined) > width:
                lines.append(line)
                joined = piece
            line = joined
    return [*lines, line] if line else lines


@dataclass(eq=False)
class Node:
    """A box with a name that links to the actor's or person's page."""

    name: str
    url: str
    style: str  # category colour, MENTIONED or PERSON: the box's colour and shape
    sort_key: tuple
    category: object = None  # an entry's category; None for everyone else
    is_centre: bool = False
    x: float = 0  # the box's centre
    y: float = 0
    lines: list = field(init=False)
    width: float = field(init=False)
    height: float = field(init=False)

    def __post_init__(self):
        self.widen(0)

    def widen(self, width):
        """Makes the box at least `width` wide and wraps the name to fill it."""
        self.lines = wrap(self.name, max(TEXT_WIDTH, width - 2 * PADDING_X))
        self.width = max(width, TEXT_WIDTH + 2 * PADDING_X, *map(self.line_width, self.lines))
        self.height = len(self.lines) * LINE_HEIGHT + 2 * PADDING_Y

    @staticmethod
    def line_width(line):
        return text_width(line) + 2 * PADDING_X

    @property
    def lang_attr(self):
        return lang_attr(self.name)

    @property
    def left(self):
        return self.x - self.width / 2

    @property
    def top(self):
        return self.y - self.height / 2

    @property
    def rect(self):
        return {
            "x": round(self.left),
            "y": round(self.top),
            "width": round(self.width),
            "height": round(self.height),
            "rx": round(self.height / 2) if self.style == PERSON else 6,
        }

    @property
    def label(self):
        """
        (x, y) of each line's baseline, centred in the box, with its text and what
        joins it to the next: a space, nothing after a hyphen, nothing at the end.
        Screen readers read the lines with these joints as the name.
        """
        # Half a line's leading above the first line, the font's cap height below it.
        first = self.top + PADDING_Y + (LINE_HEIGHT + FONT_SIZE * 0.7) / 2
        return [
            (
                round(self.x),
                round(first + number * LINE_HEIGHT),
                line,
                "" if line.endswith("-") or number == len(self.lines) - 1 else " ",
            )
            for number, line in enumerate(self.lines)
        ]


@dataclass(eq=False)
class Edge:
    """An arrow read "source – label – target"."""

    source: Node
    target: Node
    style: str  # the relation kind, the role or EMPLOYER: the line's colour and dashes
    label: str
    points: list = field(default_factory=list)  # start, control points, end
    path: str = ""


@dataclass
class Heading:
    text: str
    x: int = 0
    y: int = 0

    @property
    def lang_attr(self):
        return lang_attr(self.text)


@dataclass
class LegendEntry:
    style: str
    text: str

    @property
    def lang_attr(self):
        return lang_attr(self.text)


def lang_attr(text):
    """` lang="de"` for a German name on an English page; persons' names have none."""
    return getattr(text, "lang_attr", "")


@dataclass
class Graph:
    id: str
    title: str
    nodes: list
    edges: list
    headings: list = field(default_factory=list)
    left_out: int = 0  # relations and roles the picture leaves out
    actor_count: int = 0  # the network page: published actors in the whole directory
    view_box: str = ""
    width: int = 0
    height: int = 0

    @property
    def node_styles(self):
        """The legend of the boxes: each kind of box in the picture."""
        present = {node.style for node in self.nodes}
        categories = {node.category for node in self.nodes if node.category}
        entries = [
            LegendEntry(category.colour, category.display_name) for category in by_order(categories)
        ]
        if MENTIONED in present:
            entries.append(LegendEntry(MENTIONED, gettext("Erwähnter Akteur")))
        if PERSON in present:
            entries.append(LegendEntry(PERSON, gettext("Person")))
        return entries

    @property
    def edge_styles(self):
        """The legend of the arrows: each kind of arrow in the picture."""
        labels = {edge.style: edge.label for edge in self.edges}
        return [LegendEntry(style, labels[style]) for style in EDGE_STYLE_ORDER if style in labels]

    @property
    def relation_count(self):
        return len(self.edges) + self.left_out

    @property
    def actor_nodes(self):
        return [node for node in self.nodes if node.style != PERSON]

    @property
    def unconnected_nodes(self):
        connected = {node for edge in self.edges for node in (edge.source, edge.target)}
        return [node for node in self.nodes if node not in connected]


EDGE_STYLE_ORDER = [*Relation.Kind.values, *ContactRole.Role.values, EMPLOYER]


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
    return Edge(
        nodes.organisation(relation.source),
        nodes.organisation(relation.target),
        relation.kind,
        relation.get_kind_display(),
    )


def role_edge(nodes, role):
    return Edge(
        nodes.person(role.person),
        nodes.organisation(role.organisation),
        role.role,
        role.get_role_display(),
    )


def employment_edge(nodes, person):
    return Edge(
        nodes.person(person), nodes.organisation(person.employer), EMPLOYER, gettext("arbeitet bei")
    )


# The whole page: one organisation and everyone it is related to


def neighbourhood(organisation):
    """
    The organisation in the middle, its relations and contact persons around it: the
    NEIGHBOURS nearest by kind of relation, then by name.

    Reads only what `Organisation.objects.with_related()` prefetches.
    """
    nodes = Nodes()
    centre = nodes.organisation(organisation, is_centre=True)
    edges = [
        *(relation_edge(nodes, relation) for relation in organisation.outgoing_relations.all()),
        *(relation_edge(nodes, relation) for relation in organisation.incoming_relations.all()),
        *(role_edge(nodes, role) for role in organisation.contact_roles.all()),
        *(employment_edge(nodes, person) for person in organisation.employees.all()),
    ]
    others = sorted(
        (node for node in nodes.values() if node is not centre),
        key=lambda node: (min(edge_rank(edge, node) for edge in edges), node.sort_key),
    )[:NEIGHBOURS]
    drawn = {centre, *others}
    left_out = len(edges)
    edges = [edge for edge in edges if edge.source in drawn and edge.target in drawn]
    left_out -= len(edges)
    # What the page's query left out, if it capped the lists (with_related).
    left_out += getattr(organisation, "more_relations", 0) + getattr(
        organisation, "more_contacts", 0
    )
    graph = Graph(
        id="beziehungsbild",
        title=gettext("Beziehungen von %(name)s") % {"name": organisation.display_name},
        nodes=[centre, *others],
        edges=edges,
        left_out=left_out,
    )
    same_width(graph.nodes)
    if len(others) < len(SLOTS):
        around(centre, others)
        route_straight(edges)
    else:
        beside(centre, others)
        route_curved(graph.nodes, edges)
    fit(graph)
    return graph


def edge_rank(edge, node):
    """Neighbours sort by the kind of their relation, so that kinds sit together."""
    if node not in (edge.source, edge.target):
        return len(EDGE_STYLE_ORDER)
    return EDGE_STYLE_ORDER.index(edge.style)


def around(centre, others):
    """
    Up to four others above and below the centre, two side by side at most, so
    the picture stays narrow enough for a phone.
    """
    height = max(node.height for node in [centre, *others])
    for node, (x, y) in zip(others, SLOTS[len(others)], strict=True):
        node.x = centre.x + x * (node.width + SLOT_GAP_X) / 2
        node.y = centre.y + y * (height + SLOT_GAP_Y)


# Where none to four others sit, in halves of a box's width and in heights.
SLOTS = [
    [],
    [(0, -1)],
    [(0, -1), (0, 1)],
    [(-1, -1), (1, -1), (0, 1)],
    [(-1, -1), (1, -1), (-1, 1), (1, 1)],
]


def beside(centre, others):
    """More others in two columns left and right of the centre, half in each."""
    half = (len(others) + 1) // 2
    for side, column in ((-1, others[:half]), (1, others[half:])):
        for node in column:
            node.x = centre.x + side * (centre.width / 2 + SIDE_GAP + node.width / 2)
        stack(column, centre.y - (sum(node.height + ROW_GAP for node in column) - ROW_GAP) / 2)


def route_straight(edges):
    """Straight arrows from box edge to box edge; arrows between one pair run side by side."""
    pairs = {}
    for edge in edges:
        pairs.setdefault(frozenset((edge.source, edge.target)), []).append(edge)
    for parallel in pairs.values():
        for index, edge in enumerate(parallel):
            shift = (index - (len(parallel) - 1) / 2) * PARALLEL_OFFSET
            start, end = (edge.source.x, edge.source.y), (edge.target.x, edge.target.y)
            # Shift both ends sideways, the same way whichever box is the source.
            a, b = sorted([start, end])
            length = math.dist(a, b)
            nx, ny = (a[1] - b[1]) / length, (b[0] - a[0]) / length
            start = (start[0] + nx * shift, start[1] + ny * shift)
            end = (end[0] + nx * shift, end[1] + ny * shift)
            direction = (end[0] - start[0], end[1] - start[1])
            leave = exit_distance(edge.source, start, direction)
            arrive = 1 - exit_distance(edge.target, end, (-direction[0], -direction[1]))
            arrive -= ARROW_GAP / math.hypot(*direction)
            edge.points = [along(start, direction, leave), along(start, direction, arrive)]
            edge.path = "M{} {}L{} {}".format(*map(round, [*edge.points[0], *edge.points[1]]))


def exit_distance(node, point, direction):
    """How far along `direction` (as a fraction of it) `point` leaves the node's box."""
    limits = []
    for position, centre, half, step in (
        (point[0], node.x, node.width / 2, direction[0]),
        (point[1], node.y, node.height / 2, direction[1]),
    ):
        if step:
            limits.append((centre + math.copysign(half, step) - position) / step)
    return min(limits)


def along(point, direction, fraction):
    return (point[0] + direction[0] * fraction, point[1] + direction[1] * fraction)


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

    groups = {}
    for node in nodes.values():
        if node.category:
            groups.setdefault(node.category, []).append(node)
    categories = by_order(groups)
    left = [sorted(groups[category], key=by_name) for category in categories]
    right = sorted((node for node in nodes.values() if not node.category), key=by_name)
    graph = Graph(
        id="netzwerkbild",
        title=gettext("Netzwerk der Akteure"),
        nodes=[],
        edges=edges,
        actor_count=Organisation.objects.published().count(),
    )
    graph.headings = column_layout(
        left,
        [category.display_name_plural for category in categories],
        right,
        gettext("Erwähnte Akteure und Personen"),
        edges,
    )
    graph.nodes = [*(node for group in left for node in group), *right]
    if graph.nodes:
        route_curved(graph.nodes, edges)
    fit(graph)
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


def column_layout(left_groups, left_headings, right, right_heading, edges):
    """
    Two columns, ordered so that arrows cross little.

    Each node moves towards the mean height of its neighbours (the barycentre
    heuristic), a few times over; ties keep the order of names. Returns the
    headings of the groups and columns.
    """
    neighbours = {}
    for edge in edges:
        neighbours.setdefault(edge.source, []).append(edge.target)
        neighbours.setdefault(edge.target, []).append(edge.source)

    def barycentre(node):
        others = neighbours.get(node)
        return sum(other.y for other in others) / len(others) if others else math.inf

    left_width = max((node.width for group in left_groups for node in group), default=0)
    right_width = max((node.width for node in right), default=0)
    for group in left_groups:
        same_width(group, left_width)
    same_width(right, right_width)
    right_x = left_width / 2 + COLUMN_GAP + right_width / 2
    for node in right:
        node.x = right_x

    def stack_left():
        y = 0
        for group in left_groups:
            y = stack(group, y + GROUP_GAP)

    def place_right():
        # Each node as near its neighbours as the ones above it allow.
        floor = GROUP_GAP
        for node in right:
            wanted = barycentre(node)
            node.y = max(floor + node.height / 2, wanted if wanted < math.inf else 0)
            floor = node.y + node.height / 2 + ROW_GAP

    stack_left()
    place_right()
    for _sweep in range(BARYCENTRE_SWEEPS):
        right.sort(key=lambda node: (barycentre(node), node.sort_key))
        place_right()
        for group in left_groups:
            group.sort(key=lambda node: (barycentre(node), node.sort_key))
        stack_left()
    place_right()

    headings = [
        Heading(text, round(group[0].left), round(group[0].top - ROW_GAP))
        for text, group in zip(left_headings, left_groups, strict=True)
    ]
    if right:
        headings.append(Heading(right_heading, round(right[0].left), round(right[0].top - ROW_GAP)))
    return headings


def route_curved(nodes, edges):
    """
    Curved arrows between boxes in columns: from the side of one box that faces
    the other, or round the outside of a column between two boxes in it. Arrows
    meeting one side of a box are spread along it in the order of their other
    ends, so they do not cross there.
    """
    middle = (min(node.x for node in nodes) + max(node.x for node in nodes)) / 2

    def facing(node, other):
        """+1 for the box's right side, -1 for its left."""
        if node.x == other.x:
            return 1 if node.x >= middle else -1
        return 1 if other.x > node.x else -1

    ends = {}
    for edge in edges:
        for node, other in ((edge.source, edge.target), (edge.target, edge.source)):
            ends.setdefault((node, facing(node, other)), []).append((edge, other))
    anchors = {}
    for (node, facing), meeting in ends.items():
        meeting.sort(key=lambda item: (item[1].y, item[1].sort_key, item[0].style))
        spread = min(ATTACH_SPREAD, (node.height - 2 * PADDING_Y) / max(len(meeting) - 1, 1))
        for index, (edge, _other) in enumerate(meeting):
            y = node.y + (index - (len(meeting) - 1) / 2) * spread
            anchors[edge, node] = (node.x + facing * node.width / 2, y, facing)
    for edge in edges:
        x1, y1, out = anchors[edge, edge.source]
        x2, y2, into = anchors[edge, edge.target]
        x2 += into * ARROW_GAP
        if out != into:
            bend = (x2 - x1) / 2
            controls = [(x1 + bend, y1), (x2 - bend, y2)]
        else:
            bend = out * (24 + abs(y2 - y1) * 0.3)
            controls = [(x1 + bend, y1), (x2 + bend, y2)]
        edge.points = [(x1, y1), *controls, (x2, y2)]
        edge.path = "M{} {}C{} {} {} {} {} {}".format(
            *(round(value) for point in edge.points for value in point)
        )


# Shared


def stack(nodes, top):
    """Puts the boxes one below the other from `top`; returns where the next may start."""
    for node in nodes:
        node.y = top + node.height / 2
        top += node.height + ROW_GAP
    return top


def by_order(categories):
    return sorted(categories, key=lambda category: (category.order, category.name))


def by_name(node):
    return node.sort_key


def same_width(nodes, width=None):
    """Boxes of one width look calmer; the widest label sets it."""
    width = width or max((node.width for node in nodes), default=0)
    for node in nodes:
        node.widen(width)


def fit(graph):
    """The view box around every box, arrow and heading, with a margin."""
    if not graph.nodes:
        return
    xs, ys = [], []
    for node in graph.nodes:
        xs += [node.left, node.left + node.width]
        ys += [node.top, node.top + node.height]
    for edge in graph.edges:
        # A Bézier curve stays inside the hull of its control points.
        xs += [x for x, _y in edge.points]
        ys += [y for _x, y in edge.points]
    for heading in graph.headings:
        xs += [heading.x, heading.x + text_width(heading.text)]
        ys += [heading.y - FONT_SIZE]
    left, top = math.floor(min(xs)) - MARGIN, math.floor(min(ys)) - MARGIN
    graph.width = math.ceil(max(xs)) + MARGIN - left
    graph.height = math.ceil(max(ys)) + MARGIN - top
    graph.view_box = f"{left} {top} {graph.width} {graph.height}"
