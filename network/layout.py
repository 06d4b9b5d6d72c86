"""
Where the boxes of the relations picture go and how the arrows run between them.

The layout is computed on the server, so that pages draw the picture as plain SVG without
JavaScript. Every position follows from the data and sorted names alone, so the same
directory always gives the same picture.
"""

import math

from django.utils.translation import gettext

from .shapes import FONT_SIZE, PADDING_Y, Heading, by_order, text_width

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


def around_centre(graph, centre, others):
    """
    An organisation page's picture: a few others around the centre with straight arrows,
    more in two columns beside it with curved ones.
    """
    same_width(graph.nodes)
    if len(others) < len(SLOTS):
        around(centre, others)
        route_straight(graph.edges)
    else:
        beside(centre, others)
        route_curved(graph.nodes, graph.edges)
    fit(graph)


def in_columns(graph, nodes):
    """The network page's picture: entries left, by category, everyone else right."""
    groups = {}
    for node in nodes:
        if node.category:
            groups.setdefault(node.category, []).append(node)
    categories = by_order(groups)
    left = [sorted(groups[category], key=by_name) for category in categories]
    right = sorted((node for node in nodes if not node.category), key=by_name)
    graph.headings = column_layout(
        left,
        [category.display_name_plural for category in categories],
        right,
        gettext("Erwähnte Akteure und Personen"),
        graph.edges,
    )
    graph.nodes = [*(node for group in left for node in group), *right]
    if graph.nodes:
        route_curved(graph.nodes, graph.edges)
    fit(graph)


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


def stack(nodes, top):
    """Puts the boxes one below the other from `top`; returns where the next may start."""
    for node in nodes:
        node.y = top + node.height / 2
        top += node.height + ROW_GAP
    return top


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
