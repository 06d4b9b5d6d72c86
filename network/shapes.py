"""
The shapes of the relations picture: boxes, arrows, headings and the legend, and how wide
a text is drawn.

Coordinates are whole pixels: templates localise floats ("12,5" in German), which SVG would
not understand.
"""

import functools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext

from contacts.models import ContactRole
from organisations.models import Relation

FONT_SIZE = 14
LINE_HEIGHT = 18
TEXT_WIDTH = 150  # a label wraps at this width unless a single word is wider
BALANCE_STEP = 4
PADDING_X = 10
PADDING_Y = 8

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


# Wrapping measures the same names and their beginnings again and again, at each width it
# tries and on each page that shows them: thousands of measurements a page otherwise.
@functools.lru_cache(maxsize=8192)
def text_width(text):
    return FONT_SIZE * sum(GLYPH_WIDTHS.get(char, DEFAULT_GLYPH_WIDTH) for char in text)


def wrap(text, width=TEXT_WIDTH):
    """
    The text in lines of at most `width`, broken at spaces and after hyphens, and
    balanced: as narrow as the same number of lines allows, so no last word is
    left alone on its line.
    """
    return list(balanced_lines(str(text), width))


# Balancing tries a dozen widths per name, and a name appears on the pages of all its
# neighbours.
@functools.lru_cache(maxsize=4096)
def balanced_lines(text, width):
    lines = fill(text, width)
    while len(narrower := fill(text, width - BALANCE_STEP)) == len(lines) and width > 0:
        lines, width = narrower, width - BALANCE_STEP
    return tuple(lines)


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


# The kinds of arrows in the legend's order, which is also the order of a page's neighbours.
EDGE_STYLE_ORDER = [*Relation.Kind.values, *ContactRole.Role.values, EMPLOYER]


def by_order(categories):
    return sorted(categories, key=lambda category: (category.order, category.name))
