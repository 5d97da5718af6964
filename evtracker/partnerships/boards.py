"""Status boards: talks and approvals in one column per current status.

Each column is one query that reads the (status, -date) index and stops after
CARDS_PER_COLUMN cards, so a board costs the same number of queries however
many facts there are.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery

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
from .timeline import with_report_count

CARDS_PER_COLUMN = 20


@dataclass
class Column:
    status: str
    label: str
    cards: list = field(default_factory=list)
    total: int = 0
    # False when the status filter leaves this column out.
    shown: bool = True

    @property
    def hidden_count(self):
        return max(self.total - len(self.cards), 0)


@dataclass
class Board:
    fact_type: str
    columns: list

    @property
    def total(self):
        return sum(column.total for column in self.columns)


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


def fact_conditions(kind, filters):
    """The board filters on one kind of fact; the status filter picks columns instead."""
    condition = ~Q(review_state=ReviewState.RETIRED)
    ids = filters.company_ids
    if ids:
        condition &= Q(**{f"{kind.company_fields[0]}__in": ids}) | Q(
            **{f"{kind.company_fields[1]}__in": ids}
        )
    if filters.counterpart_kind:
        either = Q()
        for name in kind.company_fields:
            either |= Q(**{f"{name}__kind": filters.counterpart_kind}) & ~Q(**{f"{name}__in": ids})
        condition &= either
    if kind is TALKS:
        # A talk is in the date range when it was reported at some point within it.
        if filters.start:
            condition &= Q(last_reported__gte=filters.start)
        if filters.end:
            condition &= Q(first_reported__lte=filters.end)
    else:
        if filters.start:
            condition &= Q(as_of__gte=filters.start)
        if filters.end:
            condition &= Q(as_of__lte=filters.end)
    if filters.reviewed_only:
        condition &= Q(review_state=ReviewState.REVIEWED)
    if filters.text:
        condition &= mentioning(filters.text, {kind.fact_type: "pk"})
    return condition


def _latest_evidence(kind):
    return Subquery(
        Evidence.objects.filter(**{kind.fact_type: OuterRef("pk")})
        .order_by("-reported_on", "-id")
        .values("id")[:1]
    )


def build_board(kind, filters, per_column=CARDS_PER_COLUMN):
    """The board for `kind` (TALKS or APPROVALS) under the filters."""
    facts = kind.model.objects.filter(fact_conditions(kind, filters))
    totals = dict(facts.order_by().values_list("status").annotate(n=Count("id")))
    columns = []
    for status, label in kind.statuses.choices:
        shown = not filters.status or filters.status == status
        column = Column(status=status, label=label, total=totals.get(status, 0), shown=shown)
        if shown and column.total:
            cards = (
                with_report_count(facts.filter(status=status))
                .select_related(*kind.company_fields)
                .annotate(latest_evidence_id=_latest_evidence(kind))
                .order_by(f"-{kind.date_field}", "-id")[:per_column]
            )
            column.cards = list(cards)
        columns.append(column)
    _attach_latest_evidence([card for column in columns for card in column.cards])
    return Board(fact_type=kind.fact_type, columns=columns)


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
