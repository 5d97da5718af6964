"""Re-extraction: stored articles read again by the current extractor.

When the extractor improves, the facts it stored earlier may be wrong or
incomplete. Re-extracting an article applies the new extraction the way
ingestion does (new facts and reports are added, idempotently), then looks at
the article's evidence the new extraction no longer supports:

- a fact an editor reviewed (reviewed or flagged) is never touched: neither
  new evidence, nor a flag, nor a removal;
- a fact with other evidence loses this article's stale report (in its
  history; the counts follow, through partnerships.domain);
- a fact left with no other evidence, every report of it having been
  re-extracted away, is retired: kept with that last report and its history,
  hidden from the public pages, feeds and exports.

A report found again is read anew (status, date, attribution, reasons); a
talk or approval whose status no remaining report gives any more takes the
status its reports give (_settle_status), unless an editor set it. A retired
fact that a later extraction finds again comes back (upsert.py).
Re-extracting the same articles twice changes nothing the second time.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q

from evtracker.partnerships import domain
from evtracker.partnerships.models import FACT_MODELS, Evidence, FactChange, ReviewState
from evtracker.partnerships.search import SEARCH_CONFIG

from . import ingest
from .models import Article, ArticleStatus
from .upsert import PROTECTED_STATES, apply_extraction, moves_status

# Who may start a re-extraction: it adds, changes and retires facts, and starts a run.
PERMISSIONS = (
    "news.add_ingestionrun",
    "partnerships.change_reportedtalk",
    "partnerships.change_investment",
    "partnerships.change_approval",
)


def may_reextract(user):
    return bool(user.is_active and user.is_staff and user.has_perms(PERMISSIONS))


@dataclass
class Reextracted:
    """What re-extracting one article changed."""

    facts_found: int = 0
    facts_added: int = 0
    facts_updated: int = 0
    evidence_added: int = 0
    evidence_removed: int = 0
    facts_retired: int = 0
    facts_restored: int = 0
    evidence_updated: int = 0

    def __bool__(self):
        return any(
            (
                self.facts_added,
                self.facts_updated,
                self.evidence_added,
                self.evidence_removed,
                self.facts_retired,
                self.facts_restored,
                self.evidence_updated,
            )
        )

    def __str__(self):
        parts = [
            (self.facts_added, "fact added", "facts added"),
            (self.facts_updated, "fact updated", "facts updated"),
            (self.evidence_added, "report added", "reports added"),
            (self.evidence_removed, "report removed", "reports removed"),
            (self.facts_retired, "fact retired", "facts retired"),
            (self.facts_restored, "fact restored", "facts restored"),
            (self.evidence_updated, "report read anew", "reports read anew"),
        ]
        said = [f"{n} {one if n == 1 else many}" for n, one, many in parts if n]
        return ", ".join(said) or "no change"


def articles_to_reextract(since=None, company=None):
    """The stored articles to read again: published on or after `since` (a date), and
    about `company` (a Company): reporting one of its facts, or naming it or an alias."""
    articles = Article.objects.all()
    if since is not None:
        articles = articles.filter(published_at__date__gte=since)
    if company is not None:
        articles = articles.filter(_about(company))
    return articles.order_by("published_at", "pk")


def _about(company):
    involved = Q()
    for fact_type, model in FACT_MODELS.items():
        facts = model.objects.involving(company).values("pk")
        reports = Evidence.objects.filter(**{f"{fact_type}__in": facts})
        involved |= Q(pk__in=reports.values("article"))
    for name in company.all_names:
        if connection.vendor == "postgresql":
            # The stored vector and its GIN index (news 0004): no body is read again.
            query = SearchQuery(name, search_type="phrase", config=SEARCH_CONFIG)
            involved |= Q(search_vector=query)
        else:
            involved |= Q(body__icontains=name)
    return involved


def reextract_article(article):
    """Extract a stored article again and bring its facts in line; returns Reextracted.

    Runs in one transaction; the caller holds the article's row lock so that two
    runs never re-extract the same article at once.
    """
    index, known = ingest.company_list()
    changed = Reextracted()
    with domain.writing():
        extraction = ingest.extract_article(article, index)
        changed.facts_found = ingest.facts_in(extraction)
        counts = apply_extraction(article, extraction, known=known, leave_reviewed=True)
        changed.facts_added = counts.facts_created
        changed.facts_updated = counts.facts_updated
        changed.evidence_added = counts.evidence_added
        changed.facts_restored = counts.restored
        changed.evidence_updated = counts.evidence_updated
        stale = (
            Evidence.objects.filter(article=article)
            .exclude(pk__in=counts.evidence_ids)
            .order_by("talk_id", "investment_id", "approval_id", "start", "pk")
        )
        unsettled = set(counts.reread_facts)
        for evidence in stale:
            unsettled |= _drop_stale(evidence, article, counts.evidence_ids, changed)
        for fact_type, fact_id in sorted(unsettled):
            changed.facts_updated += _settle_status(fact_type, fact_id, article)
        if article.status != ArticleStatus.EXTRACTED or article.error:
            article.status, article.error = ArticleStatus.EXTRACTED, ""
            article.save(update_fields=["status", "error"])
    return changed


def _drop_stale(evidence, article, supported, changed):
    """One report the new extraction no longer makes: removed, or its fact retired.
    Returns {(fact type, id)} of a fact that lost a report and stays."""
    fact_type = evidence.linked_type
    # Locked: another article's re-extraction may be weighing the fact's last report too.
    fact = FACT_MODELS[fact_type].objects.select_for_update().get(pk=evidence.linked_id)
    if fact.review_state in PROTECTED_STATES or fact.is_retired:
        return set()
    link = {fact_type: fact}
    others = Evidence.objects.filter(**link).exclude(pk=evidence.pk)
    if not others.exists():
        domain.set_review_state(
            fact,
            ReviewState.RETIRED,
            article=article,
            note="Retired: re-extraction no longer finds it in any of its articles.",
        )
        changed.facts_retired += 1
        return set()
    # The same fact found again at another place in this article: its events show that report.
    again = others.filter(article=article, pk__in=supported).order_by("start").first()
    domain.remove_evidence(
        evidence,
        article=article,
        note="Report removed: re-extraction no longer finds it in this article.",
        replacement=again,
    )
    changed.evidence_removed += 1
    return {(fact_type, fact.pk)}


def _settle_status(fact_type, fact_id, article):
    """A fact whose reports were removed or read anew, and whose status no remaining report
    gives any more: the status its reports give, replayed in date order by ingestion's
    rules. Left alone when a report still gives its status, or an editor set it.
    Returns 1 when the status moved, else 0."""
    model = FACT_MODELS[fact_type]
    if not model.status_rank:
        return 0
    fact = model.objects.select_for_update().get(pk=fact_id)
    if fact.review_state in PROTECTED_STATES or fact.is_retired:
        return 0
    link = {fact_type: fact}
    reports = list(
        Evidence.objects.filter(**link)
        .order_by("reported_on", "pk")
        .values_list("reported_status", "reported_on")
    )
    if not reports or any(status == fact.status for status, _ in reports):
        return 0
    if FactChange.objects.filter(**link, field="status", changed_by__isnull=False).exists():
        return 0
    given = [(reported, on) for reported, on in reports if reported in model.status_rank]
    if not given:
        return 0
    status, since = given[0]
    for reported, on in given[1:]:
        if moves_status(status, reported, on, since, model):
            status, since = reported, on
        elif reported == status:
            since = max(since, on)
    if status == fact.status:
        return 0
    fact.status = status
    domain.save_fact(fact, article=article, on=since)
    return 1
