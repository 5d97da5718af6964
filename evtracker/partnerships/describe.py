"""Plain-language lines for facts and events, shared by the pages and the feeds."""

from decimal import Decimal

from .models import ApprovalStatus, EventKind, FactType, InvestmentKind, TalkStatus

SCALES = [
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
]


UNDISCLOSED = "undisclosed"
NO_REGULATOR = "no regulator named"


def money(amount, currency):
    """'USD 10 billion', 'EUR 2.5 billion', 'CNY 750,000'; 'undisclosed' without an amount."""
    if amount is None:
        return UNDISCLOSED
    amount = Decimal(amount)
    for size, word in SCALES:
        if amount >= size:
            scaled = (amount / size).quantize(Decimal("0.01")).normalize()
            return f"{currency} {scaled:f} {word}"
    return f"{currency} {amount:,.0f}"


def describe_talk(talk, status=None):
    a, b = talk.party_a, talk.party_b
    status = status or talk.status
    about = f" about {talk.topic}" if talk.topic else ""
    return {
        TalkStatus.RUMOURED: f"{a} and {b} reportedly in talks{about}",
        TalkStatus.CONFIRMED: f"{a} and {b} confirm talks{about}",
        TalkStatus.AGREED: f"{a} and {b} reach an agreement{about}",
        TalkStatus.DENIED: f"Talks between {a} and {b} denied",
        TalkStatus.ENDED: f"Talks between {a} and {b} ended",
    }.get(status, f"{a} and {b}: talks {status}")


def describe_investment(investment):
    amount = money(investment.amount, investment.currency)
    if investment.amount is None:
        amount = "amount undisclosed"
    target = investment.target
    purpose = f" for {investment.purpose}" if investment.purpose else ""
    if investment.kind == InvestmentKind.STAKE and target:
        share = (
            f"a {investment.stake_percent.normalize():f}% stake"
            if investment.stake_percent
            else "a stake"
        )
        return f"{investment.investor} takes {share} in {target} ({amount})"
    if investment.kind == InvestmentKind.JOINT_VENTURE and target:
        return f"{investment.investor} and {target} form a joint venture ({amount}){purpose}"
    into = f" in {target}" if target else ""
    if investment.amount is None:
        return f"{investment.investor} pledges an undisclosed amount{into}{purpose}"
    return f"{investment.investor} pledges {amount}{into}{purpose}"


def describe_approval(approval, status=None):
    subject, regulator, what = approval.subject, approval.regulator, approval.what
    status = status or approval.status
    if regulator is None:
        return {
            ApprovalStatus.PENDING: f"{subject} awaits approval: {what} ({NO_REGULATOR})",
            ApprovalStatus.GRANTED: f"{subject} granted approval: {what} ({NO_REGULATOR})",
            ApprovalStatus.REJECTED: f"{subject}'s application rejected: {what} ({NO_REGULATOR})",
        }.get(status, f"{subject}: {what} ({status}, {NO_REGULATOR})")
    return {
        ApprovalStatus.PENDING: f"{subject} awaits {regulator} approval: {what}",
        ApprovalStatus.GRANTED: f"{regulator} grants {subject} approval: {what}",
        ApprovalStatus.REJECTED: f"{regulator} rejects {subject}'s application: {what}",
    }.get(status, f"{subject}: {what} ({status})")


def describe_fact(fact, status=None):
    """One line saying what a talk, investment or approval is, at `status` if given."""
    if fact.fact_type == FactType.TALK:
        return describe_talk(fact, status)
    if fact.fact_type == FactType.INVESTMENT:
        return describe_investment(fact)
    return describe_approval(fact, status)


def describe_event(event):
    """The event's headline: what happened, with the status it came from when it moved."""
    line = describe_fact(event.fact, event.status or None)
    if event.kind == EventKind.STATUS and event.previous_status:
        line += f" (was {event.previous_status})"
    return line
