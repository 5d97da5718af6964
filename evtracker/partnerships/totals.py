"""Totals for the current filter, shown at the top of the timeline and the boards.

Talks by status, investments by kind with their amounts summed per currency, and
approvals by status: one grouped query per fact type, so three at most whatever
the filters or the number of facts. They count facts (not events) under the same
conditions the boards use.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Sum

from .boards import fact_conditions
from .describe import money
from .models import (
    Approval,
    ApprovalStatus,
    FactType,
    Investment,
    InvestmentKind,
    ReportedTalk,
    TalkStatus,
)
from .search import mentioned_fact_ids


@dataclass
class StatusTotals:
    """Facts of one type counted by status, in the statuses' own order."""

    fact_type: str
    # [(status, label, count)], statuses without facts left out.
    rows: list

    @property
    def total(self):
        return sum(count for _, _, count in self.rows)


@dataclass
class KindTotal:
    kind: str
    label: str
    count: int = 0
    # [(currency, summed amount)], by currency.
    sums: list = field(default_factory=list)
    undisclosed: int = 0

    @property
    def amounts(self):
        """'USD 1.5 billion', ... one per currency."""
        return [money(amount, currency) for currency, amount in self.sums]


@dataclass
class InvestmentTotals:
    fact_type: str
    rows: list

    @property
    def total(self):
        return sum(row.count for row in self.rows)


@dataclass
class Totals:
    talks: StatusTotals | None = None
    investments: InvestmentTotals | None = None
    approvals: StatusTotals | None = None
    # The search text matches too many reports to count its facts in a page's time.
    too_many_mentions: bool = False

    @property
    def groups(self):
        return [group for group in (self.talks, self.investments, self.approvals) if group]


def fact_totals(filters, *, known_talks=None):
    """Totals of the facts matching the filters; a type the filters leave out is None.

    known_talks: {status: count} already counted under these filters (the talks board's
    columns), so that query is not run twice.
    """
    wanted = _types_wanted(filters)
    # The search's matching facts looked up once for the three types (None: too many,
    # and each type's query tests its facts row by row).
    mentioned = mentioned_fact_ids(filters.text) if filters.text and wanted else None
    if filters.text and wanted and mentioned is None:
        # Counting every fact a common word's reports mention tests them row by row: over
        # ten seconds at a million articles (docs/benchmarks.md). The page says so instead.
        return Totals(too_many_mentions=True)
    totals = Totals()
    if FactType.TALK in wanted:
        if known_talks is None:
            known_talks = _by_status(ReportedTalk, filters, mentioned)
        totals.talks = _status_totals(FactType.TALK, TalkStatus, known_talks, filters)
    if FactType.INVESTMENT in wanted:
        totals.investments = _investment_totals(filters, mentioned)
    if FactType.APPROVAL in wanted:
        counts = _by_status(Approval, filters, mentioned)
        totals.approvals = _status_totals(FactType.APPROVAL, ApprovalStatus, counts, filters)
    return totals


def _types_wanted(filters):
    types = {filters.fact_type} if filters.fact_type else set(FactType.values)
    if filters.status:
        # A status belongs to talks or approvals; investments have none.
        with_status = {FactType.TALK: TalkStatus, FactType.APPROVAL: ApprovalStatus}
        types &= {t for t, statuses in with_status.items() if filters.status in statuses.values}
    return types


def _by_status(model, filters, mentioned):
    facts = model.objects.filter(fact_conditions(model, filters, mentioned))
    if filters.status:
        facts = facts.filter(status=filters.status)
    return dict(facts.order_by().values_list("status").annotate(n=Count("id")))


def _status_totals(fact_type, statuses, counts, filters):
    rows = [
        (status, label, counts.get(status, 0))
        for status, label in statuses.choices
        if counts.get(status) and (not filters.status or filters.status == status)
    ]
    return StatusTotals(fact_type=fact_type, rows=rows)


def _investment_totals(filters, mentioned):
    rows = (
        Investment.objects.filter(fact_conditions(Investment, filters, mentioned))
        .order_by()
        .values_list("kind", "currency")
        .annotate(n=Count("id"), amount=Sum("amount"))
    )
    by_kind = {kind: KindTotal(kind, label) for kind, label in InvestmentKind.choices}
    for kind, currency, count, amount in rows:
        total = by_kind[kind]
        total.count += count
        if currency:
            total.sums.append((currency, amount))
        else:
            total.undisclosed += count
    for total in by_kind.values():
        total.sums.sort()
    return InvestmentTotals(
        fact_type=FactType.INVESTMENT, rows=[t for t in by_kind.values() if t.count]
    )
