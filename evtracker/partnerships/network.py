"""Networks of partners, drawn on the server as SVG: one company's on its page, and the
talks behind any filter of the timeline on /network/.

A circular layout of our own: a company's partners around it, strongest status
first; for a filter, the companies around one circle in the order a
breadth-first walk from the busiest one meets them, so partners sit near each
other. No layout library, no JavaScript: the page prints and reads as it shows,
and a table beside the drawing gives the same pairs to screen readers.
"""

import math
from dataclasses import dataclass, field

from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from .forms import read_filters
from .models import ReportedTalk
from .timeline import facts_in, filtered_events

# A drawing stays readable up to about this many partners or pairs; the table lists them all.
MOST_PARTNERS = 24
MOST_PAIRS = 60
# Square, with room around the circle for labels that run outwards along its radii.
WIDTH, HEIGHT = 960, 960
RADIUS = 230
LABEL_GAP = 14  # between a node and its label
# Labels are cut to fit beside the circle: a phone shows the short ones, in larger type.
LABEL_CHARACTERS, SHORT_LABEL_CHARACTERS = 22, 11
# As in views (which imports this module for the company page).
HTMX_VARY = ("HX-Request", "HX-History-Restore-Request")


@dataclass
class Node:
    company: object
    x: float = 0
    y: float = 0
    centre: bool = False
    degree: int = 0

    @property
    def label(self):
        return _cut(self.company.name, LABEL_CHARACTERS)

    @property
    def short_label(self):
        return _cut(self.company.name, SHORT_LABEL_CHARACTERS)

    @property
    def _angle(self):
        return math.atan2(self.y - HEIGHT / 2, self.x - WIDTH / 2)

    @property
    def anchor(self):
        """Labels run outwards along the circle's radius, so that nodes close together at the
        top and bottom of the circle do not write over each other's names: from the node on
        the right half, towards it (turned to read left to right) on the left half."""
        if self.centre:
            return "middle"
        return "end" if math.cos(self._angle) < -1e-9 else "start"

    @property
    def label_x(self):
        if self.centre:
            return round(self.x, 1)
        return round(self.x + LABEL_GAP * math.cos(self._angle), 1)

    @property
    def label_y(self):
        if self.centre:
            return round(self.y + 40, 1)
        return round(self.y + LABEL_GAP * math.sin(self._angle), 1)

    @property
    def label_rotation(self):
        """Degrees the label turns about its start: along the radius, never upside down."""
        if self.centre:
            return 0
        degrees = math.degrees(self._angle)
        return round(degrees + 180 if self.anchor == "end" else degrees, 1)


def _cut(name, size):
    return name if len(name) <= size else name[: size - 1].rstrip() + "…"


@dataclass
class Edge:
    talk: object
    a: Node
    b: Node

    @property
    def width(self):
        """Thicker with more reports: 2 px for one, about 9 px for a hundred."""
        return round(min(2 + 1.5 * math.log2(max(self.talk.report_count, 1)), 10), 1)


@dataclass
class Network:
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    # Pairs beyond what the drawing shows: the table lists them after the drawn ones.
    undrawn: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def empty(self):
        return not self.edges

    @property
    def table(self):
        return self.edges + self.undrawn

    @property
    def statuses(self):
        """The statuses drawn, in the order of a talk's strength, for the key."""
        drawn = {edge.talk.status for edge in self.edges}
        return [status for status in ReportedTalk.strength if status in drawn]


def _on_circle(count, radius, start=-math.pi / 2):
    for i in range(count):
        angle = start + 2 * math.pi * i / max(count, 1)
        yield (
            round(WIDTH / 2 + radius * math.cos(angle), 1),
            round(HEIGHT / 2 + radius * math.sin(angle), 1),
        )


def _by_strength(talk):
    return (ReportedTalk.strength.index(talk.status), -talk.report_count, talk.pk)


def company_network(company, talks):
    """The company in the middle and its partners around it, from talks already loaded with
    `partner` set (the company page's list): no query of its own."""
    ranked = sorted(talks, key=_by_strength)
    chosen, rest = ranked[:MOST_PARTNERS], ranked[MOST_PARTNERS:]
    centre = Node(company, WIDTH / 2, HEIGHT / 2, centre=True, degree=len(chosen))
    network = Network(
        nodes=[centre], undrawn=[Edge(talk, centre, Node(talk.partner)) for talk in rest]
    )
    for talk, (x, y) in zip(chosen, _on_circle(len(chosen), RADIUS), strict=True):
        partner = Node(talk.partner, x, y, degree=1)
        network.nodes.append(partner)
        network.edges.append(Edge(talk, centre, partner))
    return network


def pairs_network(talks):
    """Every company of the talks on one circle, partners next to each other where they can
    be: the order of a breadth-first walk from the busiest company, busiest neighbours first."""
    nodes, neighbours = {}, {}
    for talk in talks:
        for company in (talk.party_a, talk.party_b):
            nodes.setdefault(company.pk, Node(company))
        a, b = talk.party_a_id, talk.party_b_id
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    for pk, node in nodes.items():
        node.degree = len(neighbours[pk])
    order, seen = [], set()
    for start in sorted(nodes, key=lambda pk: (-nodes[pk].degree, nodes[pk].company.name)):
        queue = [start]
        while queue:
            pk = queue.pop(0)
            if pk in seen:
                continue
            seen.add(pk)
            order.append(nodes[pk])
            queue.extend(sorted(neighbours[pk], key=lambda other: (-nodes[other].degree, other)))
    radius = RADIUS if len(order) > 2 else RADIUS / 2
    for node, (x, y) in zip(order, _on_circle(len(order), radius), strict=True):
        node.x, node.y = x, y
    edges = [Edge(talk, nodes[talk.party_a_id], nodes[talk.party_b_id]) for talk in talks]
    return Network(nodes=order, edges=edges)


def filtered_talks(filters):
    """The public talks behind the filtered timeline's events, most reported first (two
    queries' worth of rows at most: MOST_PAIRS + 1). With a status filter, the talks whose
    status it is now, as on the board: the drawing colours each pair by its current status,
    and a pair once rumoured and since agreed is no rumour."""
    talks = facts_in(filtered_events(filters), "talk")
    if filters.status:
        talks = talks.filter(status=filters.status)
    return list(
        talks.select_related(*ReportedTalk.company_fields).order_by(
            "-report_count", "-last_reported", "-id"
        )[: MOST_PAIRS + 1]
    )


@require_GET
@vary_on_headers(*HTMX_VARY)
def network(request):
    """/network/: the talks behind the timeline's filters as a network, with a table."""
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    form, filters, problems = read_filters(request.GET, companies=() if fragment else None)
    talks = filtered_talks(filters)
    more = len(talks) > MOST_PAIRS
    talks = talks[:MOST_PAIRS]
    context = {
        "form": form,
        "filters": filters,
        "filter_query": urlencode(filters.as_params()),
        "problems": problems,
        "network": pairs_network(talks),
        "more": more,
        "nav": "network",
    }
    template = "partnerships/network.html"
    if not fragment:
        return render(request, template, context)
    response = render(request, template + "#results", context)
    query = context["filter_query"]
    return push_url(response, f"{request.path}?{query}" if query else request.path)
