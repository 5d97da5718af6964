"""Status boards: talks and approvals in one column per current status.

Each column reads its (status, -date) index range and stops after
CARDS_PER_COLUMN cards; the columns' ranges are one UNION ALL query and their
cards a second, so a board costs the same queries however many facts there
are. A column pages on through all its cards by keyset: the
next page starts after the (date, id) of the last card shown, so the hundredth
page costs what the first does.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import OuterRef, Q, Subquery

from .models import (
    Approval,
    ApprovalStatus,
    Evidence,
    FactType,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)
from .search import mentioning
from .timeline import Cursor, with_report_count

CARDS_PER_COLUMN = 10


@dataclass
class Column:
    status: str
    label: str
    cards: list = field(default_factory=list)
    # None when not counted (see build_board).
    total: int | None = 0
    # False when the status filter leaves this column out.
    shown: bool = True
    # Where the next page of this column starts (None on its last page).
    next_cursor: Cursor | None = None
    # Where this page started, when it is not the column's first.
    after: Cursor | None = None


@dataclass
class Board:
    fact_type: str
    columns: list

    @property
    def total(self):
        """Facts on the board, in the columns the status filter keeps; None when the columns
        were not counted. (A column the filter leaves out still shows its own count.)"""
        shown = [column for column in self.columns if column.shown]
        if any(column.total is None for column in shown):
            return None
        return sum(column.total for column in shown)


@dataclass(frozen=True)
class BoardKind:
    fact_type: str
    model: type
    statuses: type
    date_field: str
    permission: str

    @property
    def company_fields(self):
        return self.model.company_fields


TALKS = BoardKind(
    fact_type=FactType.TALK,
    model=ReportedTalk,
    statuses=TalkStatus,
    date_field="last_reported",
    permission="partnerships.change_reportedtalk",
)
APPROVALS = BoardKind(
    fact_type=FactType.APPROVAL,
    model=Approval,
    statuses=ApprovalStatus,
    date_field="as_of",
    permission="partnerships.change_approval",
)
BOARDS = {"talks": TALKS, "approvals": APPROVALS}


def fact_conditions(model, filters):
    """The filters on one kind of fact (ReportedTalk, Investment, Approval); the status
    filter is left to the caller (a board picks columns with it)."""
    condition = ~Q(review_state=ReviewState.RETIRED)
    ids = filters.company_ids
    first, second = model.company_fields
    if ids:
        condition &= Q(**{f"{first}__in": ids}) | Q(**{f"{second}__in": ids})
    if filters.counterpart_kind:
        either = Q()
        for name in model.company_fields:
            either |= Q(**{f"{name}__kind": filters.counterpart_kind}) & ~Q(**{f"{name}__in": ids})
        condition &= either
    # A talk is in the date range when it was reported at some point within it.
    start_field, end_field = (
        ("last_reported", "first_reported")
        if model is ReportedTalk
        else (model.date_field, model.date_field)
    )
    if filters.start:
        condition &= Q(**{f"{start_field}__gte": filters.start})
    if filters.end:
        condition &= Q(**{f"{end_field}__lte": filters.end})
    if filters.reviewed_only:
        condition &= Q(review_state=ReviewState.REVIEWED)
    if filters.text:
        condition &= mentioning(filters, {model.fact_type: "pk"})
    return condition


def _latest_evidence(kind):
    return Subquery(
        Evidence.objects.filter(**{kind.fact_type: OuterRef("pk")})
        .order_by("-reported_on", "-id")
        .values("id")[:1]
    )


def build_board(kind, filters, totals, per_column=CARDS_PER_COLUMN, paged=None):
    """The board for `kind` (TALKS or APPROVALS) under the filters.

    totals: {status: facts} matching the filters, every status (totals.by_status), or None
    when they were not counted (a search too common): each column then shows its cards.
    paged: (status, cursor) to show that column from after the cursor (a "more" link
    followed without JavaScript); the other columns start at their newest cards.
    """
    facts = kind.model.objects.filter(fact_conditions(kind.model, filters))
    columns = []
    for status, label in kind.statuses.choices:
        shown = not filters.status or filters.status == status
        total = None if totals is None else totals.get(status, 0)
        column = Column(status=status, label=label, total=total, shown=shown)
        if paged and paged[0] == status:
            column.after = paged[1]
        columns.append(column)
    wanted = [column for column in columns if column.shown and column.total != 0]
    pages = _column_pages(kind, facts, [(c.status, c.after) for c in wanted], per_column)
    for column, (cards, next_cursor) in zip(wanted, pages, strict=True):
        column.cards, column.next_cursor = cards, next_cursor
    return Board(fact_type=kind.fact_type, columns=columns)


def paged_column(kind, query):
    """(status, cursor) when the query asks for a later page of one column, else None."""
    status, cursor = query.get("column", ""), Cursor.parse(query.get("after", ""))
    if status not in kind.statuses.values or cursor is None:
        return None
    return status, cursor


def column_page(kind, filters, status, after, per_column=CARDS_PER_COLUMN):
    """(cards, next cursor) of one column after `after`: what its "more" link loads."""
    facts = kind.model.objects.filter(fact_conditions(kind.model, filters))
    [page] = _column_pages(kind, facts, [(status, after)], per_column)
    return page


def _column_pages(kind, facts, columns, per_column):
    """[(cards, next cursor)] for each (status, after) in `columns`, in two queries: the
    keys of every column (one more each, to know whether another page follows), then the
    cards they name with their companies, report counts and latest evidence."""
    if not columns:
        return []
    slices = [_column_keys(kind, facts, *column)[: per_column + 1] for column in columns]
    if len(slices) == 1 or not connection.features.supports_slicing_ordering_in_compound:
        keys = [list(part) for part in slices]
    else:
        # Each part reads its own (status, -date) index range; UNION ALL keeps them apart.
        found = {}
        for status, day, pk in slices[0].union(*slices[1:], all=True):
            found.setdefault(status, []).append((day, pk))
        keys = [
            [(status, day, pk) for day, pk in sorted(found.get(status, []), reverse=True)]
            for status, _ in columns
        ]
    ids = [pk for column in keys for _, _, pk in column[:per_column]]
    cards = (
        with_report_count(kind.model.objects.filter(pk__in=ids))
        .select_related(*kind.company_fields)
        .annotate(latest_evidence_id=_latest_evidence(kind))
        .in_bulk()
        if ids
        else {}
    )
    _attach_latest_evidence(cards.values())
    pages = []
    for column in keys:
        shown = [cards[pk] for _, _, pk in column[:per_column] if pk in cards]
        more = len(column) > per_column
        pages.append((shown, Cursor(*column[per_column - 1][1:]) if more else None))
    return pages


def _column_keys(kind, facts, status, after):
    """(status, date, id) of the column's facts newest first, after `after`."""
    rows = facts.filter(status=status)
    date_field = kind.date_field
    if after:
        # date <= d bounds the (status, -date) index range; the id test only skips that day's.
        rows = rows.filter(
            Q(**{f"{date_field}__lt": after.occurred_on})
            | Q(**{date_field: after.occurred_on, "id__lt": after.event_id}),
            **{f"{date_field}__lte": after.occurred_on},
        )
    return rows.order_by(f"-{date_field}", "-id").values_list("status", date_field, "id")


def _attach_latest_evidence(cards):
    ids = {card.latest_evidence_id for card in cards if card.latest_evidence_id}
    evidence = (
        Evidence.objects.filter(id__in=ids)
        .select_related("article")
        .only(
            *("id", "sentence", "attributed_to", "reported_on", "article_id"),
            *("article__id", "article__title", "article__outlet", "article__published_at"),
        )
        .in_bulk()
        if ids
        else {}
    )
    for card in cards:
        card.latest_evidence = evidence.get(card.latest_evidence_id)
