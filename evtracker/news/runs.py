"""Ingestion runs: what was asked, one item per article, and progress.

A run either ingests files, addresses or a feed's entries, or (kind
re-extraction) extracts stored articles again (reextract.py); both go
through the same items, tasks and progress page.

A run is created with all its items (total known up front); each item is
processed on its own (by a Celery task, or in a loop by `manage.py ingest`)
and counted once: `done` is incremented with F() in the item's transaction,
and the transaction that brings `done` to `total` closes the run. Whatever stops an
item on the way (a killed worker, a lost message, a database down past the
retries, an interrupted command), sweeper.py finishes it, so every run ends.
"""

import contextlib
import logging
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone

from . import ingest, reextract
from .models import (
    Article,
    IngestionItem,
    IngestionRun,
    ItemOutcome,
    RunKind,
    RunStatus,
    SourceKind,
)
from .readers import FetchFailed, UnreadableArticle, fetch, parse_feed, read_path, read_url

log = logging.getLogger(__name__)

WEB_PREFIXES = ("http://", "https://")


def is_web_address(source):
    return source.lower().startswith(WEB_PREFIXES)


def expand_sources(paths_or_urls):
    """Files, folders (searched recursively for .txt, .html, .htm and .md) and http(s)
    addresses -> the list of sources to ingest, in order, without repeats.

    A path that does not exist is kept: its item fails with a clear message.
    """
    sources = []
    for entry in paths_or_urls:
        entry = entry.strip()
        if not entry:
            continue
        if is_web_address(entry):
            sources.append(entry)
            continue
        path = Path(entry).expanduser().resolve()
        if path.is_dir():
            sources.extend(
                str(found)
                for found in sorted(path.rglob("*"))
                # Not only regular files: a FIFO or a device becomes an item that fails with why.
                if not found.is_dir()
                and found.suffix.lower() in ingest.ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in found.relative_to(path).parts)
            )
        else:
            sources.append(str(path))
    return list(dict.fromkeys(sources))


def source_kind_of(source):
    if is_web_address(source):
        return SourceKind.URL
    path = Path(source)
    if path.is_relative_to(Path(settings.MEDIA_ROOT).resolve() / "uploads"):
        return SourceKind.UPLOAD
    if path.is_relative_to(Path(settings.BASE_DIR).resolve() / "seeds"):
        return SourceKind.SEED
    return SourceKind.FILE


def create_run(requested, *, user=None, feed=None, kind=RunKind.INGEST, cli_process=""):
    return IngestionRun.objects.create(
        requested=requested[:5000],
        requested_by=user,
        feed=feed,
        kind=kind,
        cli_process=cli_process,
    )


def add_items(run, sources, *, source_kind=None):
    """One item per source (in order); sets the run's total. A run with nothing fails at once."""
    items = [
        IngestionItem(
            run=run, source=source[:1000], source_kind=source_kind or source_kind_of(source)
        )
        for source in dict.fromkeys(sources)
    ]
    IngestionItem.objects.bulk_create(items)
    run.total = run.items.count()
    run.save(update_fields=["total"])
    if not run.total:
        close_run(run, error=f"Nothing to ingest: no article files in {run.requested}")
    return items


def start_run(requested, paths_or_urls, user=None, *, feed=None, source_kind=None, cli_process=""):
    """Create a run with one item per article found in paths_or_urls (see expand_sources).

    cli_process ("host:pid") marks a run that this process works through itself.
    """
    sources = expand_sources(paths_or_urls)
    with transaction.atomic():
        run = create_run(requested, user=user, feed=feed, cli_process=cli_process)
        add_items(run, sources, source_kind=source_kind)
    return run


def start_reextraction(requested, articles, user=None):
    """A re-extraction run with one item per stored article (a queryset or ids), in order."""
    ids = list(dict.fromkeys(getattr(article, "pk", article) for article in articles))
    with transaction.atomic():
        run = create_run(requested, user=user, kind=RunKind.REEXTRACT)
        kinds = dict(Article.objects.filter(pk__in=ids).values_list("pk", "source_kind"))
        IngestionItem.objects.bulk_create(
            IngestionItem(
                run=run,
                source=f"article:{pk}",
                source_kind=kinds[pk],
                article_id=pk,
            )
            for pk in ids
            if pk in kinds
        )
        run.total = run.items.count()
        run.save(update_fields=["total"])
        if not run.total:
            close_run(run, error=f"Nothing to re-extract: no stored article matches ({requested})")
    return run


def save_uploads(run, files):
    """Keep uploaded files under MEDIA_ROOT/uploads/<run id>/ so any worker can read them;
    returns their paths."""
    storage = FileSystemStorage(location=Path(settings.MEDIA_ROOT) / "uploads" / str(run.pk))
    paths = []
    for upload in files:
        name = storage.save(Path(upload.name).name or "upload.txt", upload)
        paths.append(str(Path(storage.path(name)).resolve()))
    return paths


def pending_item_ids(run_id):
    return list(
        IngestionItem.objects.filter(run_id=run_id, outcome=ItemOutcome.PENDING)
        .order_by("id")
        .values_list("id", flat=True)
    )


def items_to_queue(run_id):
    """The run's pending item ids, marked as queued now (the sweeper times them from here)."""
    pending = IngestionItem.objects.filter(run_id=run_id, outcome=ItemOutcome.PENDING)
    pending.update(touched_at=timezone.now())
    return list(pending.order_by("id").values_list("id", flat=True))


def fail_pending_items(run_id, reason, *, item_ids=None, run_error=""):
    """Fail the run's pending items (or those of item_ids) with the reason, each counted done
    once; the run is closed (with run_error if nothing in it succeeded) when none is left."""
    with transaction.atomic():
        # Items first, then the run: the order _finish_item locks them in.
        pending = IngestionItem.objects.filter(run_id=run_id, outcome=ItemOutcome.PENDING)
        if item_ids is not None:
            pending = pending.filter(pk__in=item_ids)
        failed = pending.update(
            outcome=ItemOutcome.FAILED, error=reason[:2000], finished_at=timezone.now()
        )
        if failed:
            IngestionRun.objects.filter(pk=run_id).update(done=F("done") + failed)
        run = IngestionRun.objects.only("done", "total").get(pk=run_id)
        if run.done >= run.total or not run.items.filter(outcome=ItemOutcome.PENDING).exists():
            close_run(run, error=run_error)
    return failed


def close_run(run, *, error=""):
    """Mark a run over: failed when it had nothing to do or every item failed."""
    everything_failed = not run.items.exclude(outcome=ItemOutcome.FAILED).exists()
    if everything_failed and not error:
        error = "Every article failed."
    IngestionRun.objects.filter(pk=run.pk).exclude(
        status__in=(RunStatus.FINISHED, RunStatus.FAILED)
    ).update(
        status=RunStatus.FAILED if everything_failed else RunStatus.FINISHED,
        error=error if everything_failed else "",
        finished_at=timezone.now(),
    )


class _AlreadyDone(Exception):
    """Another delivery of the same task recorded this item first: undo this one's work."""


def _finish_item(item, *, outcome, article=None, error="", facts_found=0, changes=""):
    """Record an item's outcome and count it done, once; returns the item as it now stands.

    The conditional update is the guard against a redelivered task: a second
    delivery waits on the item's row lock, then finds it no longer pending.
    """
    now = timezone.now()
    with transaction.atomic(savepoint=False):
        updated = IngestionItem.objects.filter(pk=item.pk, outcome=ItemOutcome.PENDING).update(
            outcome=outcome,
            article=article,
            error=error,
            facts_found=facts_found,
            changes=changes[:300],
            finished_at=now,
        )
        if updated:
            # The row lock taken here serialises the run's counter; the last item closes the run.
            IngestionRun.objects.filter(pk=item.run_id).update(done=F("done") + 1)
            run = IngestionRun.objects.only("done", "total").get(pk=item.run_id)
            if run.done >= run.total:
                close_run(run)
    if not updated:
        return None
    if item.source_kind == SourceKind.UPLOAD:
        # Its article is stored (or it failed, saying why): the uploaded file has served.
        transaction.on_commit(partial(_forget_upload, Path(item.source)))
    item.outcome, item.article, item.error = outcome, article, error
    item.facts_found, item.finished_at, item.changes = facts_found, now, changes[:300]
    return item


def _forget_upload(path):
    """Delete an uploaded file once its item is done, and its run's folder once empty."""
    uploads = (Path(settings.MEDIA_ROOT) / "uploads").resolve()
    if not path.resolve().is_relative_to(uploads):
        return  # only ever a file of the uploads folder
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty yet: other files of the run still wait
        path.parent.rmdir()


def _read(item):
    if item.source_kind in (SourceKind.URL, SourceKind.FEED):
        return read_url(item.source)
    return read_path(item.source)


def gave_up(attempts):
    return (
        f"Given up after {attempts} attempts: the worker processing this article stopped "
        "each time before it finished (killed, out of memory or lost)."
    )


def begin_attempt(item_id, delivery=""):
    """Record that a delivery starts work on an item; False when the item is over or given up.

    delivery names the task message ("task id:retries"). Seeing the same one again means the
    broker handed it out anew because the worker never finished it: one attempt lost. After
    EVTRACKER_ITEM_MAX_ATTEMPTS of them the item fails, so an article that kills its worker
    is not tried for ever.
    """
    with transaction.atomic():
        item = (
            IngestionItem.objects.select_for_update()
            .filter(pk=item_id, outcome=ItemOutcome.PENDING)
            .first()
        )
        if item is None:
            return False
        if delivery and item.delivery == delivery:
            item.attempts += 1
        if item.attempts >= settings.EVTRACKER_ITEM_MAX_ATTEMPTS:
            _finish_item(item, outcome=ItemOutcome.FAILED, error=gave_up(item.attempts))
            return False
        item.delivery, item.touched_at = delivery, timezone.now()
        item.save(update_fields=["attempts", "delivery", "touched_at"])
    return True


def process_item(item_id, delivery=""):
    """Ingest one item of a run and record its outcome: new, duplicate or failed.

    Bad input (UnreadableArticle) is recorded as failed with the reader's
    message and touches nothing else. Transient errors (database, network)
    propagate so that the caller can retry; the item stays pending meanwhile.
    delivery names the task message (see begin_attempt). Returns the item, or
    None when it does not exist.
    """
    if not begin_attempt(item_id, delivery):
        return IngestionItem.objects.filter(pk=item_id).first()
    item = IngestionItem.objects.select_related("run__feed").filter(pk=item_id).first()
    if item is None or item.outcome != ItemOutcome.PENDING:
        return item
    if item.run.status == RunStatus.QUEUED:
        IngestionRun.objects.filter(pk=item.run_id, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING
        )
    if item.run.kind == RunKind.REEXTRACT:
        return _reextract_item(item)
    try:
        parsed = _read(item)
    except UnreadableArticle as exc:
        finished = _finish_item(item, outcome=ItemOutcome.FAILED, error=str(exc))
        return finished or IngestionItem.objects.get(pk=item.pk)
    label = item.source if is_web_address(item.source) else Path(item.source).name
    try:
        with transaction.atomic():
            result = ingest.ingest_parsed(
                parsed, source_kind=item.source_kind, source=label, feed=item.run.feed
            )
            if result.error:
                outcome = ItemOutcome.FAILED
            else:
                outcome = ItemOutcome.NEW if result.created else ItemOutcome.DUPLICATE
            finished = _finish_item(
                item,
                outcome=outcome,
                article=result.article,
                error=result.error or result.note,
                facts_found=result.facts_found,
            )
            if finished is None:
                raise _AlreadyDone
    except _AlreadyDone:
        return IngestionItem.objects.get(pk=item.pk)
    return finished


def _reextract_item(item):
    """Extract a stored article again (reextract.py) and record what changed."""
    try:
        with transaction.atomic():
            # Locked: two runs never re-extract one article at once.
            article = Article.objects.select_for_update().filter(pk=item.article_id).first()
            if article is None:
                finished = _finish_item(
                    item, outcome=ItemOutcome.FAILED, error="The article has been deleted."
                )
            else:
                changed = reextract.reextract_article(article)
                finished = _finish_item(
                    item,
                    outcome=ItemOutcome.CHANGED if changed else ItemOutcome.UNCHANGED,
                    article=article,
                    facts_found=changed.facts_found,
                    changes=str(changed),
                )
            if finished is None:
                raise _AlreadyDone
    except _AlreadyDone:
        return IngestionItem.objects.get(pk=item.pk)
    return finished


def record_item_failure(item_id, error):
    """An item given up on (retries exhausted, or an unexpected error): failed, with why."""
    item = IngestionItem.objects.filter(pk=item_id).first()
    if item is None:
        return None
    message = str(error) or type(error).__name__
    finished = _finish_item(item, outcome=ItemOutcome.FAILED, error=message[:2000])
    return finished or IngestionItem.objects.get(pk=item.pk)


def process_item_now(item_id):
    """process_item without retries (for `manage.py ingest`): a transient error fails the item."""
    try:
        return process_item(item_id)
    except (OperationalError, InterfaceError):
        raise  # the database is down: nothing could be recorded anyway
    except Exception as exc:
        log.exception("Ingesting item %s failed", item_id)
        return record_item_failure(item_id, exc)


def poll_feed(feed):
    """Read a feed and start a run for its entries not stored yet; returns the run or None.

    A feed that is not a feed is recorded on the feed (last_error) and not
    retried; a network failure is recorded too, then raised for a retry.
    """
    from .models import Article

    try:
        data, _content_type = fetch(feed.url)
        entries = parse_feed(data)
    except (UnreadableArticle, FetchFailed) as exc:
        feed.last_error = str(exc)
        feed.last_polled_at = timezone.now()
        feed.save(update_fields=["last_error", "last_polled_at"])
        if isinstance(exc, FetchFailed):
            raise
        return None
    urls = [entry.url for entry in entries]
    stored = set(Article.objects.filter(url__in=urls).values_list("url", flat=True))
    fresh = [url for url in urls if url not in stored]
    feed.last_error = ""
    feed.last_polled_at = timezone.now()
    feed.save(update_fields=["last_error", "last_polled_at"])
    if not fresh:
        return None
    return start_run(f"Feed {feed.name}: {feed.url}", fresh, feed=feed, source_kind=SourceKind.FEED)
