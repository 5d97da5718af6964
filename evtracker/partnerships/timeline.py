"""The filtered timeline: which events match, a page of them, and the facts behind them.

A page is read in two steps. The keys query walks one index in
(occurred_on, id) order and returns at most one page of event ids: the
Event indexes when no company is chosen, EventCompany's
(company, -occurred_on, -event) index when one is. The details query then
loads those few events by primary key with everything a page shows. The next
page continues after the last key seen (keyset pagination), so page 1,000
costs what page 1 does.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import groupby

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q

from .models import FACT_MODELS, Company, Event, EventCompany, EventKind, Evidence
from .search import mentioned_fact_ids, mentioning, reviewed

PAGE_SIZE = 25
# PostgreSQL's bigint: a larger id in a cursor would make the database raise.
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Filters:
    """What a reader asked to see; every field empty means everything."""

    companies: tuple[Company, ...] = ()
    counterpart_kind: str = ""
    fact_type: str = ""
    status: str = ""
    start: date | None = None
    end: date | None = None
    reviewed_only: bool = False
    text: str = ""

    @property
    def company_ids(self):
        return [company.pk for company in self.companies]

    def as_params(self):
        """The filters as (name, value) pairs for a URL, empty ones left out."""
        params = [("company", company.slug) for company in self.companies]
        for name, value in (
            ("counterpart", self.counterpart_kind),
            ("type", self.fact_type),
            ("status", self.status),
            ("from", self.start and self.start.isoformat()),
            ("to", self.end and self.end.isoformat()),
            ("reviewed", "on" if self.reviewed_only else ""),
            ("q", self.text),
        ):
            if value:
                params.append((name, value))
        return params

    @property
    def active(self):
        return bool(self.as_params())

    @cached_property
    def mentioned(self):
        """{fact type: ids} of the facts the search text's reports mention, or None when too
        many do (search.mentioned_fact_ids); looked up once for a page's events, totals and
        columns, since the filters live for one request."""
        return mentioned_fact_ids(self.text) if self.text else None

    def describe(self):
        """The filters in words, one phrase each: ["involving Xiaomi or Chery", ...]."""
        phrases = []
        if self.companies:
            phrases.append("involving " + " or ".join(c.name for c in self.companies))
        if self.counterpart_kind:
            phrases.append(f"with a counterpart of kind {self.counterpart_kind}")
        if self.fact_type:
            phrases.append(f"{self.fact_type}s only")
        if self.status:
            phrases.append(f"with status {self.status}")
        if self.start:
            phrases.append(f"from {self.start.day} {self.start:%b %Y}")
        if self.end:
            phrases.append(f"to {self.end.day} {self.end:%b %Y}")
        if self.reviewed_only:
            phrases.append("reviewed by an editor")
        if self.text:
            phrases.append(f"mentioning “{self.text}”")
        return phrases


@dataclass(frozen=True)
class Cursor:
    """Where the previous page ended: the date and id of its last event."""

    occurred_on: date
    event_id: int

    CURSOR_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})_(\d{1,19})$")

    def __str__(self):
        return f"{self.occurred_on.isoformat()}_{self.event_id}"

    @classmethod
    def parse(cls, value):
        """The cursor in `value` ("2023-10-12_345"), or None when it is malformed."""
        match = cls.CURSOR_PATTERN.match(value or "")
        if not match:
            return None
        year, month, day, event_id = (int(part) for part in match.groups())
        if not 1 <= event_id <= MAX_ID:
            return None
        try:
            return cls(date(year, month, day), event_id)
        except ValueError:
            return None


def _event_conditions(filters, prefix=""):
    """Conditions on an Event, or on the event of an EventCompany row when prefix is "event__"."""
    # A retired fact's events keep no EventCompany rows; on Event this matches the
    # indexes' condition, so the date indexes still serve.
    condition = Q() if prefix else Q(retired=False)
    if filters.fact_type:
        condition &= Q(**{f"{prefix}fact_type": filters.fact_type})
    if filters.status:
        condition &= Q(**{f"{prefix}status": filters.status})
    fact_fields = {fact_type: f"{prefix}{fact_type}_id" for fact_type in FACT_MODELS}
    if filters.reviewed_only:
        condition &= reviewed(fact_fields)
    if filters.counterpart_kind:
        counterparts = EventCompany.objects.filter(
            event_id=OuterRef(f"{prefix}id"), company__kind=filters.counterpart_kind
        ).exclude(company_id__in=filters.company_ids)
        condition &= Exists(counterparts)
    if filters.text:
        condition &= mentioning(filters, fact_fields)
    return condition


def _date_conditions(filters, date_field):
    condition = Q()
    if filters.start:
        condition &= Q(**{f"{date_field}__gte": filters.start})
    if filters.end:
        condition &= Q(**{f"{date_field}__lte": filters.end})
    return condition


def filtered_events(filters):
    """Every event matching the filters, unordered and unpaginated (feeds, exports)."""
    events = Event.objects.filter(
        _event_conditions(filters), _date_conditions(filters, "occurred_on")
    )
    if filters.companies:
        rows = EventCompany.objects.filter(company_id__in=filters.company_ids)
        events = events.filter(id__in=rows.values("event_id"))
    return events


def keys_query(filters, before=None, limit=PAGE_SIZE + 1):
    """(occurred_on, event id) of the first `limit` matching events after `before`, newest first.

    With companies it reads EventCompany in the order of its
    (company, -occurred_on, -event) index; without, Event in the order of
    event_recent (or event_status_recent, event_type_recent).
    """
    if not filters.companies:
        rows = Event.objects.filter(
            _event_conditions(filters), _date_conditions(filters, "occurred_on")
        )
        return _newest_first(rows, "id", before)[:limit]
    if len(filters.companies) == 1 or not connection.features.supports_slicing_ordering_in_compound:
        rows = _company_rows(filters, filters.company_ids)
        keys = _newest_first(rows, "event_id", before)
        # An event involving two of the chosen companies has a row for each.
        return (keys.distinct() if len(filters.companies) > 1 else keys)[:limit]
    # Several companies: the first `limit` rows of each company's index range, merged.
    # UNION drops an event that two of them share; the database never reads more than
    # limit × companies rows, however long each company's history.
    parts = [
        _newest_first(_company_rows(filters, [company_id]), "event_id", before)[:limit]
        for company_id in filters.company_ids
    ]
    return parts[0].union(*parts[1:]).order_by("-occurred_on", "-event_id")[:limit]


def _company_rows(filters, company_ids):
    return EventCompany.objects.filter(
        _event_conditions(filters, prefix="event__"),
        _date_conditions(filters, "occurred_on"),
        company_id__in=company_ids,
    )


def _newest_first(rows, id_field, before):
    if before:
        # occurred_on <= d bounds the index range; the id test only skips that day's rows.
        rows = rows.filter(
            Q(occurred_on__lt=before.occurred_on)
            | Q(occurred_on=before.occurred_on, **{f"{id_field}__lt": before.event_id}),
            occurred_on__lte=before.occurred_on,
        )
    return rows.order_by("-occurred_on", f"-{id_field}").values_list("occurred_on", id_field)


def events_with_details(event_ids):
    """The events with their facts and companies, in one query, unordered (the keys give the
    order)."""
    events = Event.objects.filter(id__in=event_ids).order_by()
    return events.select_related(*Event.related_for_display())


def attach_evidence(events):
    """Set event.shown_evidence (its own, or for a first report without one, the fact's first
    report) and event.reports (the fact's stored report count)."""
    wanted = {event: event.evidence_id for event in events if event.evidence_id}
    orphans = [e for e in events if not e.evidence_id and e.kind == EventKind.REPORTED]
    if orphans:
        firsts = _first_evidence_ids({event.fact for event in orphans})
        for event in orphans:
            if found := firsts.get((event.fact_type, event.fact.pk)):
                wanted[event] = found
    evidence = (
        Evidence.objects.filter(id__in=set(wanted.values()))
        .select_related("article")
        .only(
            *("id", "sentence", "attributed_to", "reported_on", "article_id"),
            *("article__id", "article__title", "article__outlet", "article__published_at"),
        )
        .in_bulk()
        if wanted
        else {}
    )
    for event in events:
        event.shown_evidence = evidence.get(wanted.get(event))
        event.reports = event.fact.report_count


def _first_evidence_ids(facts):
    """{(fact type, fact id): id of its earliest evidence} for these facts (one query)."""
    condition = Q()
    for fact in facts:
        condition |= Q(**{fact.fact_type: fact.pk})
    firsts = {}
    rows = (
        Evidence.objects.filter(condition)
        .order_by("reported_on", "id")
        .values_list("id", "talk_id", "investment_id", "approval_id")
    )
    for evidence_id, *fact_ids in rows:
        for fact_type, fact_id in zip(FACT_MODELS, fact_ids, strict=True):
            if fact_id:
                firsts.setdefault((fact_type, fact_id), evidence_id)
    return firsts


@dataclass
class Page:
    events: list
    next_cursor: Cursor | None
    # The month the previous page ended in: its heading is not repeated.
    continued_month: date | None

    @property
    def months(self):
        """[(first day of month, is the previous page's month, events)], newest first."""
        grouped = groupby(self.events, key=lambda event: event.occurred_on.replace(day=1))
        return [(month, month == self.continued_month, list(events)) for month, events in grouped]


def timeline_page(filters, before=None, size=PAGE_SIZE):
    """One page of the filtered timeline, newest first, starting after `before`."""
    keys = list(keys_query(filters, before, limit=size + 1))
    more = len(keys) > size
    keys = keys[:size]
    order = {event_id: position for position, (_, event_id) in enumerate(keys)}
    events = sorted(events_with_details(list(order)), key=lambda event: order[event.id])
    attach_evidence(events)
    next_cursor = Cursor(*keys[-1]) if more else None
    continued = before.occurred_on.replace(day=1) if before else None
    return Page(events=events, next_cursor=next_cursor, continued_month=continued)


def facts_in(events, fact_type):
    """The facts of one type behind these events (exports match the filtered timeline)."""
    model = FACT_MODELS[fact_type]
    field = f"{fact_type}_id"
    return model.objects.public().filter(
        pk__in=events.filter(**{f"{field}__isnull": False}).values(field)
    )


def with_report_count(facts):
    """Each fact with `reports`: the number of distinct articles reporting it (stored)."""
    return facts.annotate(reports=F("report_count"))


def companies_of(fact):
    """The non-empty companies of a fact, in display order."""
    return [getattr(fact, name) for name in fact.company_fields if getattr(fact, f"{name}_id")]
