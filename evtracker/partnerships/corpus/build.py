"""Rows of the generated corpus, written as ingestion would have written them.

The articles are replayed in date order. Each report adds one Evidence row
(its sentence cut from the body by its offsets); a fact's first report
creates it with a "created" FactChange and a "first reported" Event; a later
report moves its dates and, when upsert.moves_status says so, its status,
with a FactChange per changed field and, for a status move, an Event. Every
Event gets one EventCompany row per company, as Fact.save writes them, so the
timeline, boards and history read generated facts as they read ingested ones.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from evtracker.news.upsert import moves_status

from ..models import FACT_MODELS, InvestmentKind
from . import text

GENERATED_SOURCE_PREFIX = "generated:"
STRUCTURE = "[]"
NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")
OUTLET_HOSTS = {outlet: NOT_IN_SLUG.sub("", outlet.lower()) for outlet in text.OUTLETS}


@dataclass
class FactState:
    """A fact as the database would hold it after the reports replayed so far."""

    id: int
    status: str
    first: object  # talks: first_reported; investments: announced_on; approvals: as_of
    last: object  # talks: last_reported; approvals: as_of
    created_at: datetime
    updated_at: datetime
    # Latest report date per reported status, and of any report.
    latest_by_status: dict = field(default_factory=dict)
    latest: object = None

    def status_since(self):
        return self.latest_by_status.get(self.status) or self.latest

    def heard(self, status, day):
        if status:
            self.latest_by_status[status] = day
        self.latest = day


@dataclass
class Rows:
    """The rows of every table but the articles (which are streamed as they are written)."""

    evidence: list = field(default_factory=list)
    events: list = field(default_factory=list)
    event_companies: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    talks: list = field(default_factory=list)
    investments: list = field(default_factory=list)
    approvals: list = field(default_factory=list)


class Ids:
    """The next id of each table (the loader sets the sequences past them afterwards)."""

    def __init__(self, starts):
        self.next = dict(starts)

    def take(self, table):
        value = self.next[table]
        self.next[table] = value + 1
        return value


class Replay:
    def __init__(self, rng, writer, ids, editor_id, seed):
        self.rng = rng
        self.writer = writer
        self.ids = ids
        self.editor_id = editor_id
        self.seed = seed
        self.rows = Rows()
        self.states = {}  # id(PlannedFact) -> FactState
        self.hashes = set()
        self.article_count = 0

    # --- articles -------------------------------------------------------------------

    def article(self, planned):
        """The article row for a PlannedArticle; its facts' rows go to self.rows."""
        rng = self.rng
        article_id = self.ids.take("article")
        self.article_count += 1
        outlet = self.writer.pick(text.OUTLETS)
        reports = [self._report(fact, position, outlet) for fact, position in planned.reports]
        title, names = self._title_and_names(planned.reports)
        rare = rng.random() < 1 / text.RARE_EVERY
        while True:
            written = self.writer.article(title, reports, names, rare=rare)
            digest = written.content_hash
            if digest not in self.hashes:
                break
        self.hashes.add(digest)
        seconds = int(rng.random() * 17 * 3600) + 5 * 3600
        published = datetime(
            planned.day.year, planned.day.month, planned.day.day, tzinfo=UTC
        ) + timedelta(seconds=seconds)
        ingested = published + timedelta(seconds=180 + int(rng.random() * 7200))
        for (fact, position), report, (start, end) in zip(
            planned.reports, reports, written.spans, strict=True
        ):
            self._replay(fact, position, report, start, end, article_id, planned.day, ingested)
        slug = NOT_IN_SLUG.sub("-", title.lower())[:60].strip("-")
        day = planned.day
        outlet_host = OUTLET_HOSTS[outlet]
        return (
            article_id,
            title[:500],
            outlet,
            self.writer.byline(),
            published,
            f"https://{outlet_host}.example/{day:%Y/%m/%d}/{slug}-{article_id}",
            written.body,
            STRUCTURE,
            digest,
            "seed",
            f"{GENERATED_SOURCE_PREFIX}seed={self.seed}:article={self.article_count}",
            "extracted",
            "",
            ingested,
        )

    def _report(self, fact, position, outlet):
        a, b = fact.companies[0], fact.companies[-1]
        status = fact.statuses[position]
        if fact.fact_type == "talk":
            return self.writer.talk(status, a.name, b.name, fact.topic, outlet)
        if fact.fact_type == "investment":
            target = b.name if len(fact.companies) > 1 else ""
            return self.writer.investment(
                fact.kind, a.name, target, fact.amount, fact.currency, fact.stake, fact.topic,
                outlet,
            )  # fmt: skip
        return self.writer.approval(status, a.name, b.name, fact.topic)

    def _title_and_names(self, reports):
        if not reports:
            return self.writer.market_title(), {}
        fact, position = reports[0]
        a = fact.companies[0].name
        b = (
            fact.companies[1].name
            if len(fact.companies) > 1
            else self.writer.pick(self.writer.company_names)
        )
        names = {"a": a, "b": b, "topic": fact.topic}
        if fact.fact_type == "talk":
            title = text.talk_title(fact.statuses[position], a, b, fact.topic)
        elif fact.fact_type == "investment":
            target = b if len(fact.companies) > 1 else ""
            title = text.investment_title(
                fact.kind, a, target, text.money_text(fact.amount, fact.currency)
            )
        else:
            title = text.approval_title(fact.statuses[position], a, b)
        return title, names

    # --- facts ----------------------------------------------------------------------

    def _replay(self, fact, position, report, start, end, article_id, day, at):
        status = fact.statuses[position]
        evidence_id = self.ids.take("evidence")
        state = self.states.get(id(fact))
        created = state is None
        if created:
            state = FactState(
                id=self.ids.take(fact.fact_type),
                status=status,
                first=day,
                last=day,
                created_at=at,
                updated_at=at,
            )
            self.states[id(fact)] = state
        link = _link(fact.fact_type, state.id)
        self.rows.evidence.append(
            (evidence_id, report.sentence, start, end, report.attributed_to[:200], status, day,
             at, article_id, *link)
        )  # fmt: skip
        if created:
            self._change(link, at, "created", "", describe(fact, status), article_id)
            self._event(fact, link, "reported", status, "", day, evidence_id, at)
            state.heard(status, day)
            return
        if fact.fact_type == "investment":
            state.heard(status, day)
            return  # the same figures again: dates only move earlier, and reports come in order
        moves = status != state.status and moves_status(
            state.status, status, day, state.status_since(), FACT_MODELS[fact.fact_type]
        )
        old_status, old_last = state.status, state.last
        if moves:
            state.status = status
        if fact.fact_type == "talk" or moves or status == old_status:
            state.last = max(state.last, day)
        changed = False
        if moves:
            self._change(link, at, "status", old_status, status, article_id)
            changed = True
        if state.last != old_last:
            name = "last_reported" if fact.fact_type == "talk" else "as_of"
            self._change(link, at, name, old_last.isoformat(), state.last.isoformat(), article_id)
            changed = True
        if moves:
            self._event(fact, link, "status", status, old_status, day, evidence_id, at)
        if changed:
            state.updated_at = at
        state.heard(status, day)

    def _change(self, link, at, name, old, new, article_id, editor_id=None, note=""):
        self.rows.changes.append(
            (self.ids.take("change"), at, name, old, new, note, article_id, editor_id, *link)
        )

    def _event(self, fact, link, kind, status, previous, day, evidence_id, at):
        event_id = self.ids.take("event")
        self.rows.events.append(
            (event_id, fact.fact_type, kind, status, previous, day, at, evidence_id, *link)
        )
        roles = FACT_MODELS[fact.fact_type].company_roles
        for company, role in zip(fact.companies, roles, strict=False):
            self.rows.event_companies.append(
                (self.ids.take("event_company"), role, day, company.id, event_id)
            )

    def facts(self, facts):
        """The fact rows in their final state (and the reviews of the reviewed ones)."""
        for fact in facts:
            state = self.states.get(id(fact))
            if state is None:
                continue  # none of its reports found an article
            review_state = "unreviewed"
            if fact.reviewed:
                review_state = "reviewed"
                at = state.updated_at + timedelta(days=1)
                link = _link(fact.fact_type, state.id)
                self._change(link, at, "review_state", "unreviewed", "reviewed", None,
                             editor_id=self.editor_id)  # fmt: skip
                state.updated_at = at
            common = (state.id, review_state, state.created_at, state.updated_at)
            a, b = fact.companies[0], fact.companies[-1]
            if fact.fact_type == "talk":
                low, high = sorted((a.id, b.id))
                self.rows.talks.append(
                    (*common, fact.topic, state.status, state.first, state.last, low, high)
                )
            elif fact.fact_type == "investment":
                target = b.id if len(fact.companies) > 1 else None
                stake = Decimal(f"{fact.stake:.2f}") if fact.stake else None
                self.rows.investments.append(
                    (*common, Decimal(fact.amount), fact.currency, fact.kind, stake, fact.topic,
                     state.first, a.id, target)
                )  # fmt: skip
            else:
                self.rows.approvals.append(
                    (*common, fact.topic, state.status, state.last, b.id, a.id)
                )


def _link(fact_type, fact_id):
    """(approval_id, investment_id, talk_id) for a FactLink row."""
    return (
        fact_id if fact_type == "approval" else None,
        fact_id if fact_type == "investment" else None,
        fact_id if fact_type == "talk" else None,
    )


def describe(fact, status):
    """str() of the fact as Fact.save records it on creation."""
    a, b = fact.companies[0], fact.companies[-1]
    if fact.fact_type == "talk":
        low, high = sorted((a, b), key=lambda company: company.id)
        return f"{low.name} – {high.name} ({status})"
    if fact.fact_type == "investment":
        into = f" in {b.name}" if len(fact.companies) > 1 else ""
        kind = InvestmentKind(fact.kind).label.lower()
        return f"{a.name}: {fact.currency} {Decimal(fact.amount):,.0f} {kind}{into}"
    return f"{a.name}: {fact.topic} from {b.name} ({status})"
