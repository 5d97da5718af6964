"""Ingestion: an article in, its companies and facts upserted, idempotently.

The unit of work is one article: read -> store -> extract -> apply (upsert.py),
all of one article in one transaction. Everything here runs without Celery
(`manage.py ingest` calls it directly); tasks.py only adds fan-out and retries.

Idempotence rests on database constraints, never on "check, then insert"
alone: Article.content_hash (and url) are unique, a talk is unique per
canonical pair, an investment per (investor, target, amount, currency, kind)
(without an amount: investor, target, kind, stake), an approval per
(subject, regulator, what) (regulator possibly unnamed), and Evidence per
(fact, article, sentence start). A report only changes a fact when it adds
new evidence, so ingesting the same article again changes nothing.

Work per article is bounded: the extractor reads at most
EVTRACKER_MAX_SENTENCES_PER_ARTICLE sentences and at most
EVTRACKER_MAX_FACTS_PER_ARTICLE facts (the first in the text) are applied; what is
left out is said in the result's note, shown on the run's item. Re-extraction applies
the same bounds, so it finds the same facts again.
"""

import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from evtracker.partnerships.models import Company, CompanyAlias

from .extract import CompanyIndex, KnownCompany, extract
from .extraction.sentences import split_sentences
from .models import (
    Article,
    ArticleStatus,
    SourceKind,
    content_hash,
)
from .readers import Block, FetchFailed, ParsedArticle, read_path, read_url
from .upsert import ApplyCounts, apply_extraction

log = logging.getLogger(__name__)

# Worth retrying later: the database or the network was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, FetchFailed, ConnectionError, TimeoutError)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")


@dataclass
class IngestResult:
    article: Article
    created: bool
    facts_found: int = 0
    counts: ApplyCounts = field(default_factory=ApplyCounts)
    note: str = ""  # e.g. a url clash: shown on the run's item
    error: str = ""  # extraction failed; the article is stored with status failed


# --- the company list, cached per process -------------------------------------------

_index_lock = threading.Lock()
_index_cache = {"version": None, "index": None, "rows": {}}
_local_generation = [0]


def _company_list_changed(**kwargs):
    # An edit in this process (e.g. an alias renamed in place) drops the cache at once.
    with _index_lock:
        _local_generation[0] += 1


for _model in (Company, CompanyAlias):
    post_save.connect(_company_list_changed, sender=_model, dispatch_uid=f"ingest-{_model}-save")
    post_delete.connect(_company_list_changed, sender=_model, dispatch_uid=f"ingest-{_model}-del")


def company_list_version():
    """A cheap fingerprint of the company list, in one query: it changes whenever a company or
    an alias is added, removed or saved in any process (counts, last ids, last company update).
    """
    quote = connection.ops.quote_name
    companies, aliases = quote(Company._meta.db_table), quote(CompanyAlias._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {companies}), (SELECT MAX(id) FROM {companies}),"
            f" (SELECT MAX(updated_at) FROM {companies}), (SELECT COUNT(*) FROM {aliases}),"
            f" (SELECT MAX(id) FROM {aliases})"
        )
        return cursor.fetchone()


def company_list():
    """(CompanyIndex, {canonical name: Company}) for the current company list.

    Cached per process and rebuilt only when company_list_version() changes, so
    each article costs one small query here.
    """
    with _index_lock:
        generation = _local_generation[0]
    version = (generation, *company_list_version())
    with _index_lock:
        if _index_cache["version"] == version:
            return _index_cache["index"], _index_cache["rows"]
    companies = list(
        Company.objects.select_related("parent").prefetch_related("aliases").order_by("id")
    )
    index = CompanyIndex.build(
        KnownCompany(
            name=company.name,
            kind=company.kind,
            aliases=tuple(alias.name for alias in company.aliases.all()),
            parent=company.parent.name if company.parent else None,
            country=company.country,
        )
        for company in companies
    )
    rows = {company.name: company for company in companies}
    with _index_lock:
        _index_cache.update(version=version, index=index, rows=rows)
    return index, rows


def company_index():
    """The CompanyIndex for the current company list (see company_list)."""
    return company_list()[0]


# --- storing an article ---------------------------------------------------------------


def _storable_url(url):
    url = (url or "").strip()
    return url if url and len(url) <= 1000 else None


def _stored_copy(digest, url):
    """The stored article with this text, else the one with this url (one query)."""
    same = Q(content_hash=digest) | Q(url=url) if url else Q(content_hash=digest)
    found = list(Article.objects.filter(same)[:2])
    return next((a for a in found if a.content_hash == digest), found[0] if found else None)


def store_article(
    parsed: ParsedArticle, *, source_kind, source, feed=None, status=ArticleStatus.STORED
):
    """Store a parsed article once; returns (article, created).

    The same text (by content hash) or the same url is never stored twice: the
    first version is kept and later ones are duplicates. Two workers storing the
    same article at once end with one row (the loser's insert hits the unique
    constraint and it returns the winner's row).
    """
    digest = content_hash(parsed.body)
    url = _storable_url(parsed.url)
    existing = _stored_copy(digest, url)
    if existing is not None:
        _fill_missing(existing, parsed, url)
        return existing, False
    article = Article(
        title=(parsed.title or Path(source).name or "Untitled")[:500],
        outlet=parsed.outlet[:200],
        author=parsed.author[:200],
        published_at=parsed.published_at or timezone.now(),
        url=url,
        body=parsed.body,
        structure=[
            {"kind": block.kind, "start": block.start, "end": block.end} for block in parsed.blocks
        ],
        content_hash=digest,
        source_kind=source_kind,
        source=source[:1000],
        feed=feed,
        status=status,
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        existing = _stored_copy(digest, url)
        if existing is None:
            raise
        return existing, False
    return article, True


def _fill_missing(article, parsed, url):
    """A later copy of a stored article fills in what the first copy lacked: its outlet,
    author, address, and a real title for one named after its file. The text, and with it
    every piece of evidence, stays as first stored."""
    missing = {}
    if not article.outlet and parsed.outlet:
        missing["outlet"] = parsed.outlet[:200]
    if not article.author and parsed.author:
        missing["author"] = parsed.author[:200]
    if not article.url and url and not Article.objects.filter(url=url).exists():
        missing["url"] = url
    named_after_file = article.title == (Path(article.source).name or "Untitled")[:500]
    if parsed.title and named_after_file and parsed.title != article.title:
        missing["title"] = parsed.title[:500]
    if missing:
        Article.objects.filter(pk=article.pk).update(**missing)
        for name, value in missing.items():
            setattr(article, name, value)


def _blocks(article):
    return [Block(kind=b["kind"], start=b["start"], end=b["end"]) for b in article.structure]


def extract_article(article, index=None):
    """The extractor run on a stored article (its body, title, date and non-text blocks),
    within bounds: it reads the first EVTRACKER_MAX_SENTENCES_PER_ARTICLE sentences, and the
    first EVTRACKER_MAX_FACTS_PER_ARTICLE facts in the text are kept. The extraction's note
    says what was left out ("" when nothing was), so that no article costs more than a few
    seconds to ingest.
    """
    body, skip, notes = article.body, _blocks(article), []
    sentence_limit = settings.EVTRACKER_MAX_SENTENCES_PER_ARTICLE
    sentences = split_sentences(body, skip)
    if len(sentences) > sentence_limit:
        # A prefix of the body: the evidence offsets stay offsets into the whole body.
        body = body[: sentences[sentence_limit - 1].end]
        skip = [block for block in skip if block.start < len(body)]
        notes.append(
            f"Only the first {sentence_limit:,} of its {len(sentences):,} sentences were read."
        )
    extraction = extract(
        body,
        index or company_index(),
        published=timezone.localdate(article.published_at),
        title=article.title,
        skip=skip,
    )
    found = facts_in(extraction)
    fact_limit = settings.EVTRACKER_MAX_FACTS_PER_ARTICLE
    if found > fact_limit:
        extraction = _first_facts(extraction, fact_limit)
        notes.append(f"Only the first {fact_limit:,} of the {found:,} facts found were kept.")
    extraction.note = " ".join(notes)
    return extraction


def _first_facts(extraction, limit):
    """The extraction with only its first `limit` facts, by where their sentences start; new
    companies only when a kept fact names them."""
    facts = sorted(
        (fact.start, kind, position, fact)
        for kind in ("talks", "investments", "approvals")
        for position, fact in enumerate(getattr(extraction, kind))
    )[:limit]
    kept = {kind: [] for kind in ("talks", "investments", "approvals")}
    for _, kind, _, fact in sorted(facts, key=lambda row: (row[1], row[2])):
        kept[kind].append(fact)
    named = set()
    for talk in kept["talks"]:
        named.update(talk.parties)
    for investment in kept["investments"]:
        named.update((investment.investor, investment.target))
    for approval in kept["approvals"]:
        named.update((approval.subject, approval.regulator))
    return replace(
        extraction,
        new_companies=[new for new in extraction.new_companies if new.name in named],
        **kept,
    )


def ingest_parsed(parsed: ParsedArticle, *, source_kind, source, feed=None):
    """Store a parsed article and apply its facts, in one transaction; returns IngestResult.

    A duplicate is extracted again from the stored text, which adds nothing
    unless the company list has grown since. An unexpected extraction error
    keeps the article (status failed, with the error) and reports it.
    """
    index, known = company_list()
    with transaction.atomic(savepoint=False):
        # Stored as extracted: if extraction fails below, the except clause says so instead.
        article, created = store_article(
            parsed,
            source_kind=source_kind,
            source=source,
            feed=feed,
            status=ArticleStatus.EXTRACTED,
        )
        result = IngestResult(article=article, created=created)
        if not created and article.content_hash != content_hash(parsed.body):
            result.note = (
                "An article with this address is already stored with a different text; "
                "the first version is kept."
            )
        try:
            with transaction.atomic():
                extraction = extract_article(article, index)
                result.note = " ".join(filter(None, (result.note, extraction.note)))
                result.facts_found = facts_in(extraction)
                result.counts = apply_extraction(article, extraction, known=known)
                if article.status != ArticleStatus.EXTRACTED or article.error:
                    article.status, article.error = ArticleStatus.EXTRACTED, ""
                    article.save(update_fields=["status", "error"])
        except TRANSIENT_ERRORS:
            raise
        except Exception as exc:  # a bug in extraction must not lose the article
            log.exception("Extraction failed for article %s", article.pk)
            result.error = f"Extraction failed: {exc}"
            Article.objects.filter(pk=article.pk).update(
                status=ArticleStatus.FAILED, error=result.error
            )
    return result


def ingest_path(path, *, source_kind=SourceKind.FILE):
    """Read a file and ingest it; raises UnreadableArticle for bad input."""
    parsed = read_path(path)
    return ingest_parsed(parsed, source_kind=source_kind, source=Path(path).name)


def ingest_url(url, *, source_kind=SourceKind.URL, feed=None):
    """Fetch a page and ingest it; raises UnreadableArticle (bad input) or FetchFailed."""
    parsed = read_url(url)
    return ingest_parsed(parsed, source_kind=source_kind, source=url, feed=feed)


def facts_in(extraction):
    return len(extraction.talks) + len(extraction.investments) + len(extraction.approvals)
