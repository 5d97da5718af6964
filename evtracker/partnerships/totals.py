"""Totals for the current filter, shown at the top of the timeline and the boards.

Talks by status, investments by kind with their amounts summed per currency, and
approvals by status. They count facts (not events) under the same conditions the boards
use, and the talks board's column counts are the same figures. For the filters most pages
carry (companies, type, status) they are read from FactTally, which the writes keep, so a
million facts cost what a hundred do; other filters count the matching facts, one grouped
query per fact type.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Sum

from .boards import fact_conditions
from .describe import money
from .models import (
    FACT_MODELS,
    ApprovalStatus,
    FactTally,
    FactType,
    InvestmentKind,
    TalkStatus,
)


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
    # What the totals were made from: fact_counts().
    counts: dict = field(default_factory=dict)

    @property
    def groups(self):
        return [group for group in (self.talks, self.investments, self.approvals) if group]


def fact_totals(filters):
    """Totals of the facts matching the filters; a type the filters leave out is None."""
    wanted = _types_wanted(filters)
    counts = fact_counts(filters, wanted)
    if counts is None:
        return Totals(too_many_mentions=True)
    totals = Totals(counts=counts)
    if FactType.TALK in wanted:
        totals.talks = _status_totals(FactType.TALK, TalkStatus, counts, filters)
    if FactType.INVESTMENT in wanted:
        totals.investments = _investment_totals(counts)
    if FactType.APPROVAL in wanted:
        totals.approvals = _status_totals(FactType.APPROVAL, ApprovalStatus, counts, filters)
    return totals


def fact_counts(filters, wanted):
    """{(fact type, status or kind, currency): (facts, summed amount)} of the public facts of
    the wanted types matching the filters, every status counted (the status filter only picks
    what is shown); None when the search matches too many reports to count.

    FactTally serves the filters it holds (companies, type, status); dates, the counterpart's
    kind, the search and "reviewed only" are counted from the facts themselves.
    """
    if filters.text:
        if filters.mentioned is None:
            # Counting every fact a common word's reports mention tests them row by row: over
            # ten seconds at a million articles (docs/benchmarks.md). The page says so instead.
            return None
        return _counted(filters, wanted)
    if filters.start or filters.end or filters.counterpart_kind or filters.reviewed_only:
        return _counted(filters, wanted)
    return _tallied(filters, wanted)


def _tallied(filters, wanted):
    rows = FactTally.objects.filter(fact_type__in=wanted)
    ids = filters.company_ids
    rows = rows.filter(company_id__in=ids) if ids else rows.filter(company__isnull=True)
    counts = {}
    grouped = rows.order_by().values_list("fact_type", "group", "currency")
    for fact_type, group, currency, facts, amount in grouped.annotate(Sum("facts"), Sum("amount")):
        _add(counts, (fact_type, group, currency), facts, amount)
    if len(ids) > 1:
        # A fact between two of the chosen companies is in the rows of both: once is enough.
        # (A fact's two companies always differ, so one company needs no such query.)
        for fact_type in wanted:
            model = FACT_MODELS[fact_type]
            first, second = model.company_fields
            both = model.objects.public().filter(**{f"{first}__in": ids, f"{second}__in": ids})
            for key, facts, amount in _grouped(model, both):
                _add(counts, key, -facts, None if amount is None else -amount)
    return counts


def _counted(filters, wanted):
    counts = {}
    for fact_type in wanted:
        model = FACT_MODELS[fact_type]
        facts = model.objects.filter(fact_conditions(model, filters))
        for key, n, amount in _grouped(model, facts):
            _add(counts, key, n, amount)
    return counts


def _grouped(model, facts):
    """[((fact type, status or kind, currency), facts, summed amount)] of these facts."""
    if not hasattr(model, "currency"):
        rows = facts.order_by().values_list(model.totals_field).annotate(Count("pk"))
        return [((model.fact_type, group, ""), n, None) for group, n in rows]
    rows = facts.order_by().values_list(model.totals_field, "currency")
    return [
        ((model.fact_type, group, currency), n, amount)
        for group, currency, n, amount in rows.annotate(Count("pk"), Sum("amount"))
    ]


def _add(counts, key, facts, amount):
    old_facts, old_amount = counts.get(key, (0, None))
    if amount is not None or old_amount is not None:
        old_amount = (old_amount or 0) + (amount or 0)
    counts[key] = (old_facts + facts, old_amount)


def _types_wanted(filters):
    types = {filters.fact_type} if filters.fact_type else set(FactType.values)
    if filters.status:
        # A status belongs to talks or approvals; investments have none.
        with_status = {FactType.TALK: TalkStatus, FactType.APPROVAL: ApprovalStatus}
        types &= {t for t, statuses in with_status.items() if filters.status in statuses.values}
    return types


def status_counts(filters, fact_type):
    """{status: facts} of one fact type matching the filters (a board's columns)."""
    return by_status(fact_counts(filters, {fact_type}) or {}, fact_type)


def by_status(counts, fact_type):
    """{status: facts} of one fact type, from fact_counts()."""
    found = Counter()
    for (kind, group, _), (facts, _) in counts.items():
        if kind == fact_type and facts:
            found[group] += facts
    return found


def _status_totals(fact_type, statuses, counts, filters):
    found = by_status(counts, fact_type)
    rows = [
        (status, label, found[status])
        for status, label in statuses.choices
        if found[status] and (not filters.status or filters.status == status)
    ]
    return StatusTotals(fact_type=fact_type, rows=rows)


def _investment_totals(counts):
    by_kind = {kind: KindTotal(kind, label) for kind, label in InvestmentKind.choices}
    for (fact_type, kind, currency), (facts, amount) in sorted(counts.items()):
        if fact_type != FactType.INVESTMENT or not facts or kind not in by_kind:
            continue
        total = by_kind[kind]
        total.count += facts
        if currency:
            total.sums.append((currency, amount))
        else:
            total.undisclosed += facts
    return InvestmentTotals(
        fact_type=FactType.INVESTMENT, rows=[t for t in by_kind.values() if t.count]
    )
