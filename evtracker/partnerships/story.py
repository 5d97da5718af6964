"""The story page of one fact: /talks/<id>/, /investments/<id>/, /approvals/<id>/.

Every status move with its date, outlet and quote, the reports in order, the
other facts between the same two companies and a strip of the status over
time, drawn on the server. Six queries whatever the fact's history: the fact,
its events, its reports, and the talks, investments and approvals between the
same companies.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .describe import describe_fact
from .models import FACT_MODELS, Approval, Investment, ReportedTalk

# A story shows at most this many reports (the most reported pairs have a few hundred).
REPORT_LIMIT = 300
RELATED_LIMIT = 50
STRIP_WIDTH, STRIP_HEIGHT, STRIP_BAR = 600, 40, 22


@dataclass
class Segment:
    status: str
    start: date
    end: date
    x: float
    width: float


@dataclass
class Tick:
    on: date
    x: float


@dataclass
class Strip:
    """The status over time: one segment per status, a tick per report."""

    segments: list
    ticks: list
    start: date
    end: date
    width: int = STRIP_WIDTH
    height: int = STRIP_HEIGHT
    bar: int = STRIP_BAR

    @property
    def days(self):
        return (self.end - self.start).days


def status_strip(moves, report_days):
    """The strip for (date, status) moves in order and the reports' dates; None without
    any date. Dates span the first 92% of the width, from the first move or report to the
    last; the last status runs on to the end (it holds still), so a cached page never
    goes stale."""
    days = [on for on, _ in moves] + list(report_days)
    if not days:
        return None
    start, end = min(days), max(days)
    span = max((end - start).days, 1)
    dated = STRIP_WIDTH * 0.92

    def x(on):
        return round((on - start).days / span * dated, 1)

    segments = []
    statuses = [(on, status) for on, status in moves if status]
    for i, (on, status) in enumerate(statuses):
        last = i + 1 == len(statuses)
        right = STRIP_WIDTH if last else x(statuses[i + 1][0])
        if right > x(on):
            until = end if last else statuses[i + 1][0]
            segments.append(Segment(status, on, until, x(on), round(right - x(on), 1)))
    ticks = [Tick(on, x(on)) for on in sorted(set(report_days))]
    return Strip(segments=segments, ticks=ticks, start=start, end=end)


def related_facts(fact):
    """The other talks, investments and approvals between the fact's two companies (none
    when it names one company only): three queries."""
    a, b = fact.company_ids()
    if a is None or b is None:
        return []
    found = []
    for model in (ReportedTalk, Investment, Approval):
        first, second = model.company_fields
        pair = Q(**{f"{first}_id": a, f"{second}_id": b}) | Q(
            **{f"{first}_id": b, f"{second}_id": a}
        )
        rows = model.objects.public().filter(pair).select_related(*model.company_fields)
        if model is type(fact):
            rows = rows.exclude(pk=fact.pk)
        found.extend(rows.order_by(f"-{model.date_field}", "-id")[:RELATED_LIMIT])
    return found


def story_context(fact):
    """What the story page shows of a fact already loaded with its companies."""
    events = list(fact.events.select_related("evidence__article").order_by("occurred_on", "id"))
    reports = list(
        fact.evidence.select_related("article").order_by(
            "reported_on", "article__published_at", "id"
        )[: REPORT_LIMIT + 1]
    )
    more_reports = len(reports) > REPORT_LIMIT
    reports = reports[:REPORT_LIMIT]
    for event in events:
        # A first report written before its sentence was stored borrows the first report.
        event.shown_evidence = event.evidence or (
            reports[0] if event.kind == "reported" and reports else None
        )
    moves = [(event.occurred_on, event.status) for event in events]
    return {
        "fact": fact,
        "headline": describe_fact(fact),
        "events": events,
        "reports": reports,
        "more_reports": more_reports,
        "one_company": None in fact.company_ids(),
        "related": related_facts(fact),
        "strip": status_strip(moves, [report.reported_on for report in reports]),
        "has_status": bool(getattr(fact, "status", "")),
    }


@require_GET
def story(request, fact_type, pk):
    model = FACT_MODELS[fact_type]
    facts = model.objects.select_related(*model.company_fields)
    # Editors follow "View on site" from the admin to retired facts too; readers never see them.
    if not request.user.is_staff:
        facts = facts.public()
    fact = get_object_or_404(facts, pk=pk)
    return render(request, "partnerships/story.html", story_context(fact))
