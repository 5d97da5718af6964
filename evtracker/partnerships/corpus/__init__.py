"""A synthetic, reproducible corpus for benchmarks: companies, articles and their facts.

generate_corpus(n, seed) writes n articles and the talks, investments and
approvals they report, with evidence, history and timeline events, onto the
configured PostgreSQL database with COPY. The same seed gives the same rows.
Generated articles carry a source starting with "generated:", which is how a
database holding other articles is told apart and left alone unless forced.
"""

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.text import slugify

from evtracker.news.models import Article, IngestionItem

from .. import domain, pagecache
from ..companies import load_company_list, read_company_file
from ..models import (
    FACT_MODELS,
    Approval,
    Company,
    CompanyAlias,
    Evidence,
    Investment,
    ReportedTalk,
)
from . import load, plan
from .build import GENERATED_SOURCE_PREFIX, Ids, Replay
from .text import Writer

EDITOR_USERNAME = "corpus-editor"
COMPANY_CREATED_AT = "2018-12-31T00:00:00+00:00"
# Below this many articles, keeping the indexes during the load costs less than rebuilding them.
REBUILD_FROM = 20_000


class CorpusError(Exception):
    """The corpus cannot be generated here; nothing was written."""


@dataclass
class Summary:
    articles: int = 0
    companies: int = 0
    talks: int = 0
    investments: int = 0
    approvals: int = 0
    evidence: int = 0
    events: int = 0
    event_companies: int = 0
    changes: int = 0
    seconds: float = 0.0
    stages: dict = field(default_factory=dict)

    def lines(self):
        return [
            f"articles: {self.articles:,}; companies: {self.companies:,}",
            f"facts: {self.talks:,} talks, {self.investments:,} investments, "
            f"{self.approvals:,} approvals",
            f"evidence: {self.evidence:,}; events: {self.events:,} "
            f"({self.event_companies:,} company rows); history: {self.changes:,}",
            "stages: " + ", ".join(f"{name} {sec:.1f} s" for name, sec in self.stages.items()),
            f"elapsed: {self.seconds:.1f} s",
        ]


def foreign_data():
    """(other articles, facts without evidence, generated articles) in the database.

    Other articles are those generate_corpus did not write; a fact without evidence was
    entered by an editor. Facts that other articles report are counted with those articles.
    """
    generated = Q(source__startswith=GENERATED_SOURCE_PREFIX)
    counts = Article.objects.aggregate(total=Count("id"), generated=Count("id", filter=generated))
    facts = 0
    for model in FACT_MODELS.values():
        reported = Evidence.objects.filter(**{model.fact_type: OuterRef("pk")})
        facts += model.objects.filter(~Exists(reported)).count()
    return counts["total"] - counts["generated"], facts, counts["generated"]


def generate_corpus(
    articles, seed, *, force=False, rebuild_indexes="auto", parallel=None, progress=None
):
    """Write `articles` generated articles and their facts; returns a Summary.

    Refuses (CorpusError) a database that is not PostgreSQL, or that holds articles
    or facts of its own unless force. A corpus generated before is replaced.
    rebuild_indexes: set the fact tables' indexes aside during the load, "auto" (for
    large loads), "always" or "never". parallel: COPY the articles over two connections
    of their own (default: for large loads outside a transaction); the articles are then
    committed before the facts, so a run that fails part-way leaves some of them behind
    (running it again replaces them).
    """
    say = progress or (lambda message: None)
    if connection.vendor != "postgresql":
        raise CorpusError(
            "generate_corpus needs PostgreSQL (it loads with COPY); set DATABASE_URL to a "
            "PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/evtracker_corpus."
        )
    if articles < 1:
        raise CorpusError("Ask for at least one article.")
    if parallel is None:
        parallel = articles >= REBUILD_FROM and not connection.in_atomic_block
    run = _Run(articles, seed, force, say)
    if parallel:
        with transaction.atomic():
            run.prepare()
        if run.rebuilds(rebuild_indexes):
            # Committed first: the dropped indexes' locks would stop the other connections.
            with transaction.atomic():
                saved = load.set_aside(load.raw_cursor(), ["article"], say)
            try:
                run.write_articles_in_parallel()
            finally:
                with transaction.atomic():
                    load.restore(load.raw_cursor(), saved, say)
            run.clock.stage("article indexes rebuilt")
        else:
            run.write_articles_in_parallel()
        with transaction.atomic():
            run.write_facts(rebuild_indexes)
    else:
        with transaction.atomic():
            run.prepare()
            run.write_articles(load.raw_cursor())
            run.write_facts(rebuild_indexes)
    run.analyze()
    # COPY goes round the statement watch that keeps cached pages fresh.
    transaction.on_commit(pagecache.bump)
    run.summary.seconds = time.perf_counter() - run.clock.started
    return run.summary


class _Run:
    """One generation, in the order its steps must run."""

    def __init__(self, articles, seed, force, say):
        self.articles, self.seed, self.force, self.say = articles, seed, force, say
        self.summary = Summary()
        self.clock = _Stages(self.summary, time.perf_counter(), say)

    def prepare(self):
        """Check the database, clear a previous corpus, make the companies, plan the rest."""
        cursor = load.raw_cursor()
        other_articles, other_facts, generated = foreign_data()
        if (other_articles or other_facts) and not self.force:
            raise CorpusError(
                f"The database holds {other_articles:,} articles and {other_facts:,} facts "
                "that generate_corpus did not write. Use another database, or --force to add "
                "a generated corpus next to them."
            )
        everything_generated = not other_articles and not other_facts
        if everything_generated and not IngestionItem.objects.exists():
            # The ingestion items table is empty, but it points at articles.
            load.truncate(cursor, load.CORPUS_TABLES, also=[IngestionItem])
            _remove_generated_companies()
        elif generated:
            _delete_generated_corpus()
        self.clock.stage("checked and cleared", f"replaced {generated:,} generated articles")

        rng = random.Random(self.seed)
        companies = _companies(rng, cursor)
        self.summary.companies = len({company.id for company in companies})
        taken = {} if everything_generated else _taken_keys()
        self.planned, self.facts = plan.plan_articles(rng, self.articles, companies, taken)
        names = [company.name for company in companies if company.weight > 1e-4]
        suppliers = [c.name for c in companies if c.kind == "supplier"][:40]
        writer = Writer(rng.random, names, suppliers)
        ids = Ids(load.next_ids(cursor, load.CORPUS_TABLES))
        self.replay = Replay(rng, writer, ids, _editor().pk, self.seed)
        self.clock.stage(
            "planned", f"{len(self.facts):,} facts over {len(self.planned):,} articles"
        )

    def _article_rows(self):
        return _with_progress(self.planned, self.replay.article, self.say)

    def write_articles(self, cursor):
        self.summary.articles = load.copy_rows(cursor, "article", self._article_rows())
        self.clock.stage("articles written")

    def write_articles_in_parallel(self):
        self.summary.articles = load.copy_in_parallel("article", self._article_rows())
        self.clock.stage("articles written", f"over {load.PARALLEL_STREAMS} connections")

    def rebuilds(self, rebuild_indexes):
        """Whether indexes are dropped for the load and built again after it."""
        return rebuild_indexes == "always" or (
            rebuild_indexes == "auto" and self.articles >= REBUILD_FROM and not self.force
        )

    def write_facts(self, rebuild_indexes):
        """The facts, evidence, events and history, and the statistics of every table."""
        cursor = load.raw_cursor()
        keys = [key for key in load.CORPUS_TABLES if key != "article"]
        rebuild = self.rebuilds(rebuild_indexes)
        replay = self.replay
        replay.facts(self.facts)
        rows = replay.rows
        with _maybe(rebuild, load.indexes_set_aside(cursor, keys, self.say)):
            summary = self.summary
            summary.talks = load.copy_rows(cursor, "talk", rows.talks)
            summary.investments = load.copy_rows(cursor, "investment", rows.investments)
            summary.approvals = load.copy_rows(cursor, "approval", rows.approvals)
            summary.evidence = load.copy_rows(cursor, "evidence", rows.evidence)
            summary.events = load.copy_rows(cursor, "event", rows.events)
            summary.event_companies = load.copy_rows(cursor, "event_company", rows.event_companies)
            summary.changes = load.copy_rows(cursor, "change", rows.changes)
            self.replay = None
            del replay, rows
            self.clock.stage("facts written")
        if rebuild:
            self.clock.stage("indexes rebuilt")
        domain.rebuild_counts()
        self.clock.stage("report counts stored")
        load.move_sequences(cursor, load.CORPUS_TABLES)

    def analyze(self):
        """Statistics for the planner; outside a transaction also VACUUM, which marks the new
        rows visible to all so index-only scans need not visit the table (as autovacuum
        would do later, in the middle of whatever runs next)."""
        vacuum = not connection.in_atomic_block
        load.analyze(load.raw_cursor(), [*load.CORPUS_TABLES, "company"], vacuum=vacuum)
        self.clock.stage("vacuumed and analyzed" if vacuum else "analyzed")


class _Stages:
    def __init__(self, summary, started, say):
        self.summary, self.last, self.say = summary, started, say
        self.started = started

    def stage(self, name, detail=""):
        now = time.perf_counter()
        self.summary.stages[name] = now - self.last
        self.last = now
        extra = f": {detail}" if detail else ""
        self.say(f"[{now - self.started:7.1f} s] {name}{extra}")


class _maybe:
    """The context manager when `condition`, else a block that does nothing."""

    def __init__(self, condition, manager):
        self.manager = manager if condition else None

    def __enter__(self):
        return self.manager.__enter__() if self.manager else None

    def __exit__(self, *exc):
        return self.manager.__exit__(*exc) if self.manager else False


def _with_progress(items, make_row, say):
    total = len(items)
    step = max(1, total // 10)
    started = time.perf_counter()
    for number, item in enumerate(items, start=1):
        yield make_row(item)
        if number % step == 0 or number == total:
            rate = number / max(time.perf_counter() - started, 1e-9)
            say(f"  articles {number:,}/{total:,} ({rate:,.0f}/s)")


def _editor():
    """The user named on the generated reviews (never able to sign in)."""
    user, created = get_user_model().objects.get_or_create(
        username=EDITOR_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _listed_companies():
    path = Path(settings.BASE_DIR) / "seeds" / "companies.json"
    records = read_company_file(path)
    load_company_list(records)
    return [(record.name, record.kind, record.country) for record in records]


def _companies(rng, cursor):
    """The planned companies with database ids; generated ones missing are inserted."""
    planned = plan.plan_companies(rng, _listed_companies())
    by_name = {name.lower(): pk for pk, name in Company.objects.values_list("pk", "name")}
    by_name |= {
        name.lower(): pk for name, pk in CompanyAlias.objects.values_list("name", "company_id")
    }
    by_slug = dict(Company.objects.values_list("slug", "pk"))
    new = []
    next_id = load.next_ids(cursor, ["company"])["company"]
    for company in planned:
        slug = slugify(company.name)[:200] or "company"
        # By name or alias, else by slug: an editor may have renamed a listed company.
        company.id = by_name.get(company.name.lower()) or by_slug.get(slug)
        if company.id is not None:
            continue
        base, n = slug, 2
        while slug in by_slug:
            slug, n = f"{base}-{n}", n + 1
        company.id = next_id
        next_id += 1
        by_name[company.name.lower()] = company.id
        by_slug[slug] = company.id
        new.append(
            (company.id, company.name, slug, company.kind, company.country, False,
             COMPANY_CREATED_AT, COMPANY_CREATED_AT)
        )  # fmt: skip
    load.copy_rows(cursor, "company", new)
    load.move_sequences(cursor, ["company"])
    return planned


def _remove_generated_companies():
    """After the corpus tables were emptied: companies a previous run generated.

    They are the unverified ones outside the reference list (ingestion, the only other
    source of unverified companies, would have left articles behind).
    """
    listed = {name.lower() for name, _, _ in _listed_companies()}
    stale = [
        pk
        for pk, name in Company.objects.filter(verified=False).values_list("pk", "name")
        if name.lower() not in listed
    ]
    Company.objects.filter(parent_id__in=stale).update(parent=None)
    Company.objects.filter(pk__in=stale).delete()
    load.move_sequences(load.raw_cursor(), ["company"])


def _delete_generated_corpus():
    """Next to other data: delete the facts generated articles report, then those articles."""
    generated = Q(evidence__article__source__startswith=GENERATED_SOURCE_PREFIX)
    for model in FACT_MODELS.values():
        model.objects.filter(pk__in=model.objects.filter(generated).values("pk")).delete()
    Article.objects.filter(source__startswith=GENERATED_SOURCE_PREFIX).delete()


def _taken_keys():
    """Natural keys of the facts already in the database, which generated facts must avoid."""
    talks = set(ReportedTalk.objects.values_list("party_a_id", "party_b_id"))
    investments = {
        (investor, target, int(amount), currency, kind)
        for investor, target, amount, currency, kind in Investment.objects.values_list(
            "investor_id", "target_id", "amount", "currency", "kind"
        )
    }
    approvals = set(Approval.objects.values_list("subject_id", "regulator_id", "what"))
    return {"talk": talks, "investment": investments, "approval": approvals}
