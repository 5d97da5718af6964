"""Upsert of facts from one article's extraction: companies, talks, investments, approvals.

Facts are found by their natural key (a talk by its canonical pair, an
investment by investor, target, amount, currency and kind, or without an
amount by investor, target, kind and stake, an approval by subject, regulator
(which may be unnamed) and what) and created race-safely. Each report adds one
Evidence, unique per fact, article and sentence start: a report whose evidence
exists already changes nothing, which makes re-running an article a no-op.
"""

import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify

from evtracker.partnerships import domain
from evtracker.partnerships.models import (
    Approval,
    ApprovalStatus,
    Company,
    CompanyAlias,
    CompanyKind,
    Event,
    EventKind,
    Evidence,
    FactChange,
    Investment,
    InvestmentKind,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)

log = logging.getLogger(__name__)

PROTECTED_STATES = (ReviewState.REVIEWED, ReviewState.FLAGGED)


@dataclass
class ApplyCounts:
    """What applying one article's extraction changed."""

    companies_created: int = 0
    facts_created: int = 0
    facts_updated: int = 0
    evidence_added: int = 0
    flagged: int = 0
    restored: int = 0
    # Reports found again that this extraction reads differently (status, date, reasons...).
    evidence_updated: int = 0
    skipped: list[str] = field(default_factory=list)
    # Every Evidence this extraction rests on, new or found again (re-extraction keeps these).
    evidence_ids: set[int] = field(default_factory=set)
    # (fact type, fact id) of the facts whose reports were read differently.
    reread_facts: set[tuple[str, int]] = field(default_factory=set)


def apply_extraction(article, extraction, *, known=None, leave_reviewed=False):
    """Upsert the companies and facts of one article's extraction; returns ApplyCounts.

    Facts are found by their natural key and created race-safely. Each report
    adds one Evidence (unique per fact, article and sentence start): a report
    whose evidence already exists changes nothing, which makes re-running an
    article a no-op. A new report moves dates and, when newer and stronger,
    the status (recorded in FactChange and Event through Fact.save). Reviewed
    facts are never changed: a conflicting report is attached and flags them.
    known ({name: Company}, optional) saves looking up companies already at hand.
    A retired fact that is reported again comes back (unreviewed). With
    leave_reviewed (re-extraction: the report is not new) a reviewed or flagged
    fact gets no evidence and no flag: it is left exactly as the editor left it.
    """
    counts = ApplyCounts()
    # One write of the domain: the caller's transaction (or this one) is the unit.
    with domain.writing():
        companies = _resolve_companies(extraction, counts, known or {})
        apply = _Apply(article, companies, counts, leave_reviewed)
        # Facts in the order of their keys: two workers never lock the same two in opposite orders.
        for talk in sorted(extraction.talks, key=lambda f: (sorted(f.parties), f.start)):
            _apply_talk(apply, talk)
        for investment in sorted(extraction.investments, key=_investment_order):
            _apply_investment(apply, investment)
        for approval in sorted(
            extraction.approvals, key=lambda f: (f.subject, f.regulator or "", f.what)
        ):
            _apply_approval(apply, approval)
    if counts.skipped:
        log.warning("Article %s: facts skipped: %s", article.pk, "; ".join(counts.skipped))
    return counts


@dataclass
class _Apply:
    """What applying one article's facts needs at hand."""

    article: object
    companies: dict
    counts: ApplyCounts
    leave_reviewed: bool


def _investment_order(fact):
    return (
        fact.investor or "",
        fact.target or "",
        str(fact.amount),
        fact.currency or "",
        fact.kind or "",
        str(fact.stake_percent),
    )


def _resolve_companies(extraction, counts, known):
    """Map every name the extraction uses to a Company, creating the new ones unverified."""
    names = set(extraction.companies)
    for talk in extraction.talks:
        names.update(talk.parties)
    for investment in extraction.investments:
        names.update(filter(None, (investment.investor, investment.target)))
    for approval in extraction.approvals:
        names.update(filter(None, (approval.subject, approval.regulator)))
    companies = {name: known[name] for name in names if name in known}
    missing = names - companies.keys()
    if missing:
        companies |= {company.name: company for company in Company.objects.filter(name__in=missing)}
    for new in sorted(extraction.new_companies, key=lambda c: c.name):
        if new.name not in companies:
            company, created = company_named(new.name, new.kind)
            companies[new.name] = company
            counts.companies_created += created
    return companies


def company_named(name, kind=CompanyKind.OTHER):
    """The company with this name or alias (case-insensitive), else a new unverified one.

    Returns (company, created). Two workers finding the same new company end
    with one row: the unique name constraint refuses the second insert.
    """
    name = name.strip()[:200]
    kind = kind if kind in CompanyKind.values else CompanyKind.OTHER
    for _attempt in range(3):
        existing = _company_by_name(name)
        if existing is not None:
            return existing, False
        company = Company(name=name, kind=kind, verified=False, slug=_free_slug(name))
        try:
            with transaction.atomic():
                company.save()
            return company, True
        except IntegrityError:
            continue  # another worker took the name (found next time round) or the slug
    raise IntegrityError(f"Could not create the company {name!r}")


def _company_by_name(name):
    company = Company.objects.filter(name__iexact=name).first()
    if company is None:
        alias = CompanyAlias.objects.select_related("company").filter(name__iexact=name).first()
        company = alias.company if alias else None
    return company


def _free_slug(name):
    base = slugify(name)[:190] or "company"
    taken = set(Company.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _span(article, fact, counts):
    """The evidence sentence, cut from the body by the fact's offsets (None when they are off)."""
    start, end = fact.start, fact.end
    if not (0 <= start < end <= len(article.body)):
        counts.skipped.append(f"offsets {start}-{end} outside the article")
        return None
    return article.body[start:end]


def explanation(report):
    """The extractor's reasons for a fact ("why"), as one short line for editors."""
    return "; ".join(str(reason) for reason in getattr(report, "why", ()) or ())[:500]


def _add_evidence(apply, fact, report, sentence, reported_status, on):
    """Attach this report to the fact once; returns (evidence, added).

    Evidence found again is brought up to date with how this extraction reads
    the sentence (a newer extractor may see another status, date or reason);
    the fact itself only moves when a report is added.
    """
    fields = {
        "sentence": sentence,
        "end": report.end,
        "attributed_to": (getattr(report, "attributed_to", None) or "")[:200],
        "reported_status": reported_status,
        "reported_on": on,
        "explanation": explanation(report),
    }
    evidence, added = domain.add_evidence(fact, article=apply.article, start=report.start, **fields)
    reread = {name: value for name, value in fields.items() if getattr(evidence, name) != value}
    # What an editor reviewed stays as they saw it.
    if not added and reread and fact.review_state not in PROTECTED_STATES:
        domain.reread_evidence(evidence, **reread)
        apply.counts.evidence_updated += 1
        apply.counts.reread_facts.add((fact.fact_type, fact.pk))
    apply.counts.evidence_ids.add(evidence.pk)
    return evidence, added


def _left_alone(apply, fact, sentence):
    """Re-extraction leaves a reviewed or flagged fact exactly as the editor left it; and no
    ingestion brings back what an editor took away: a fact they retired, a report of it they
    removed. Running the same article again then changes nothing."""
    if apply.leave_reviewed and fact.review_state in PROTECTED_STATES:
        return True
    return _taken_away_by_an_editor(fact, sentence)


def _taken_away_by_an_editor(fact, sentence):
    changes = FactChange.objects.filter(**{fact.fact_type: fact})
    if fact.is_retired:
        retired = (
            changes.filter(field="review_state", new_value=ReviewState.RETIRED)
            .order_by("-changed_at", "-id")
            .first()
        )
        if retired is not None and retired.changed_by_id is not None:
            return True  # an editor's retirement; re-extraction's is undone by a new report
    removed = changes.filter(field="evidence", old_value=sentence, changed_by__isnull=False)
    return removed.exclude(note__startswith=domain.ARTICLE_DELETED).exists()


def _restore_if_retired(apply, fact):
    """A retired fact reported again comes back to the pages, unreviewed (in its history)."""
    if fact.is_retired:
        domain.set_review_state(
            fact,
            ReviewState.UNREVIEWED,
            article=apply.article,
            note="Reported again: no longer retired.",
        )
        apply.counts.restored += 1


def _create_fact(fact, article, on, refetch):
    """Insert a new fact (recording its creation); if another worker won the race, theirs."""
    try:
        with transaction.atomic():
            domain.create_fact(fact, article=article, on=on)
        return fact, True
    except IntegrityError:
        existing = refetch()
        if existing is None:
            raise
        return existing, False


def _link_first_event(fact, evidence):
    # The "first reported" event was written before its evidence existed.
    Event.objects.filter(
        **{fact.fact_type: fact}, kind=EventKind.REPORTED, evidence__isnull=True
    ).update(evidence=evidence)


def _status_since(fact, exclude):
    """The date of the latest report that gave the fact its current status (else any report)."""
    dates = (
        Evidence.objects.filter(**{fact.fact_type: fact})
        .exclude(pk=exclude.pk)
        .aggregate(
            same=Max("reported_on", filter=Q(reported_status=fact.status)), any=Max("reported_on")
        )
    )
    return dates["same"] or dates["any"]


def moves_status(current, reported, reported_on, status_since, model):
    """Whether a report should move a fact's status.

    Never when the report is older than the report behind the current status
    (an old article does not move the status backwards in time); a denied or
    ended fact is revived only by a strictly newer report; otherwise a report
    moves the status forward along the rank (a later rumour does not undo a
    confirmation) or to a terminal state.
    """
    rank = model.status_rank
    if not reported or reported == current or reported not in rank:
        return False
    if status_since is not None and reported_on < status_since:
        return False
    if current in model.reopenable:
        return status_since is None or reported_on > status_since
    return rank[reported] >= rank.get(current, 0)


def _flag(fact, article, reported_status):
    """A reviewed fact that a new report contradicts: attach, flag, record; change nothing else."""
    if fact.review_state != ReviewState.REVIEWED:
        return False
    note = f"A new report says {reported_status}; the reviewed fact says {fact.status}."
    return domain.set_review_state(fact, ReviewState.FLAGGED, article=article, note=note)


def _report_date(report, article):
    on = getattr(report, "on", None)
    return on if isinstance(on, date) else timezone.localdate(article.published_at)


def _apply_talk(apply, report):
    article, counts = apply.article, apply.counts
    sentence = _span(article, report, counts)
    parties = [apply.companies.get(name) for name in report.parties]
    if sentence is None or None in parties or len({p.pk for p in parties}) != 2:
        counts.skipped.append(f"talk {report.parties}: unknown or identical parties")
        return
    party_a, party_b = sorted(parties, key=lambda c: c.pk)
    status = report.status if report.status in TalkStatus.values else TalkStatus.RUMOURED
    on = _report_date(report, article)

    def refetch():
        return ReportedTalk.objects.select_for_update().between(party_a, party_b).first()

    talk, created = refetch(), False
    if talk is None:
        new = ReportedTalk(
            party_a=party_a,
            party_b=party_b,
            topic=(report.topic or "")[:300],
            status=status,
            first_reported=on,
            last_reported=on,
        )
        talk, created = _create_fact(new, article, on, refetch)
    if not created and _left_alone(apply, talk, sentence):
        return
    evidence, added = _add_evidence(apply, talk, report, sentence, status, on)
    if not created:
        _restore_if_retired(apply, talk)
    if not added:
        return
    counts.evidence_added += 1
    if created:
        _link_first_event(talk, evidence)
        counts.facts_created += 1
        return
    moves = status != talk.status and moves_status(
        talk.status, status, on, _status_since(talk, evidence), ReportedTalk
    )
    if talk.review_state in PROTECTED_STATES:
        counts.flagged += moves and _flag(talk, article, status)
        return
    if moves:
        talk.status = status
    elif status == talk.status:
        domain.date_status_again(talk, evidence)
    talk.first_reported = min(talk.first_reported, on)
    talk.last_reported = max(talk.last_reported, on)
    if not talk.topic and report.topic:
        talk.topic = report.topic[:300]
    if talk.tracked_changes():
        domain.save_fact(talk, article=article, evidence=evidence, on=on)
        counts.facts_updated += 1


def _amount(value):
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return amount if 0 < amount < Decimal(10) ** 22 else None


def _stake(value):
    if value is None:
        return None
    try:
        stake = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return stake if 0 < stake <= 100 else None


def _money(report):
    """(amount, currency), (None, "") for an undisclosed amount, or None when unusable."""
    if report.amount is None:
        return None, ""
    amount = _amount(report.amount)
    currency = (report.currency or "").upper()
    if amount is None or not (len(currency) == 3 and currency.isalpha() and currency.isascii()):
        return None
    return amount, currency


def _apply_investment(apply, report):
    article, companies, counts = apply.article, apply.companies, apply.counts
    sentence = _span(article, report, counts)
    # A report may leave the investor unnamed ("raised $400 million from investors it did not
    # name"), never both companies.
    investor = companies.get(report.investor) if report.investor else None
    target = companies.get(report.target) if report.target else None
    money = _money(report)
    kind = report.kind if report.kind in InvestmentKind.values else InvestmentKind.PLEDGE
    unusable = (
        sentence is None
        or (report.investor and investor is None)
        or (report.target and target is None)
        or (investor is None and target is None)
        or (target is not None and investor is not None and target.pk == investor.pk)
        or money is None
    )
    if unusable:
        counts.skipped.append(f"investment by {report.investor}: incomplete")
        return
    amount, currency = money
    on = _report_date(report, article)
    stake = _stake(report.stake_percent)
    purpose = (report.purpose or "")[:300]
    key = {"kind": kind}
    key |= {"investor": investor} if investor else {"investor__isnull": True}
    key |= {"target": target} if target else {"target__isnull": True}
    if amount is not None:
        key |= {"amount": amount, "currency": currency}
    else:  # undisclosed: the stake tells one such investment from another
        key |= {"amount__isnull": True}
        key |= {"stake_percent": stake} if stake is not None else {"stake_percent__isnull": True}

    def refetch():
        return Investment.objects.select_for_update().filter(**key).first()

    investment, created = refetch(), False
    if investment is None:
        new = Investment(
            investor=investor,
            target=target,
            amount=amount,
            currency=currency,
            kind=kind,
            stake_percent=stake,
            purpose=purpose,
            announced_on=on,
        )
        investment, created = _create_fact(new, article, on, refetch)
    if not created and _left_alone(apply, investment, sentence):
        return
    evidence, added = _add_evidence(apply, investment, report, sentence, "", on)
    if not created:
        _restore_if_retired(apply, investment)
    if not added:
        return
    counts.evidence_added += 1
    if created:
        _link_first_event(investment, evidence)
        counts.facts_created += 1
        return
    if investment.review_state in PROTECTED_STATES:
        return  # nothing to contradict: the key holds every figure an editor could review
    investment.announced_on = min(investment.announced_on, on)
    if investment.stake_percent is None and stake is not None:
        investment.stake_percent = stake
    if not investment.purpose and purpose:
        investment.purpose = purpose
    if investment.tracked_changes():
        domain.save_fact(investment, article=article, evidence=evidence, on=on)
        counts.facts_updated += 1


def _apply_approval(apply, report):
    article, companies, counts = apply.article, apply.companies, apply.counts
    sentence = _span(article, report, counts)
    subject = companies.get(report.subject)
    # An approval may name no regulator ("received its production licence"), or a body that
    # is no company ("foreign competition authorities"): that one is kept in what it is.
    regulator = companies.get(report.regulator) if report.regulator else None
    what = " ".join((report.what or "").split()) or "approval"
    if report.regulator and regulator is None:
        what = f"{what} ({' '.join(report.regulator.split())})"
    what = what[:300]
    unusable = (
        sentence is None
        or subject is None
        or (regulator is not None and subject.pk == regulator.pk)
    )
    if unusable:
        counts.skipped.append(f"approval of {report.subject} by {report.regulator}: incomplete")
        return
    status = report.status if report.status in ApprovalStatus.values else ApprovalStatus.PENDING
    on = _report_date(report, article)
    key = {"subject": subject, "what": what}
    key |= {"regulator": regulator} if regulator else {"regulator__isnull": True}

    def refetch():
        return Approval.objects.select_for_update().filter(**key).first()

    approval, created = refetch(), False
    if approval is None:
        new = Approval(subject=subject, regulator=regulator, what=what, status=status, as_of=on)
        approval, created = _create_fact(new, article, on, refetch)
    if not created and _left_alone(apply, approval, sentence):
        return
    evidence, added = _add_evidence(apply, approval, report, sentence, status, on)
    if not created:
        _restore_if_retired(apply, approval)
    if not added:
        return
    counts.evidence_added += 1
    if created:
        _link_first_event(approval, evidence)
        counts.facts_created += 1
        return
    moves = status != approval.status and moves_status(
        approval.status, status, on, _status_since(approval, evidence), Approval
    )
    if approval.review_state in PROTECTED_STATES:
        counts.flagged += moves and _flag(approval, article, status)
        return
    if moves:
        approval.status, approval.as_of = status, max(approval.as_of, on)
    elif status == approval.status:
        approval.as_of = max(approval.as_of, on)
        domain.date_status_again(approval, evidence)
    if approval.tracked_changes():
        domain.save_fact(approval, article=article, evidence=evidence, on=on)
        counts.facts_updated += 1
