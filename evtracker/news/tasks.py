"""Celery tasks: thin wrappers that own fan-out and retries; the work is in runs.py / ingest.py.

Arguments are ids, never model instances. Every task is acks_late (a worker
lost mid-task leaves the message for another) and retried with backoff for
transient database and network errors only: 2, 4, 8 ... s up to
EVTRACKER_TASK_RETRY_BACKOFF_MAX, EVTRACKER_TASK_RETRIES times (by default
about ten minutes, longer than a database restart). Bad input
(UnreadableArticle) is recorded on the item and never retried. What a task
cannot record (the database still down when the retries run out, the worker
killed) the beat task sweep_runs finishes (sweeper.py). Enqueue from a request
or a transaction with .delay_on_commit() so the worker sees the committed rows.
"""

import logging

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.conf import settings
from kombu.utils.url import maybe_sanitize_url

from . import runs, sweeper
from .ingest import TRANSIENT_ERRORS
from .models import Feed

log = logging.getLogger(__name__)

RETRYING = {
    "acks_late": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": settings.EVTRACKER_TASK_RETRY_BACKOFF_MAX,
    "retry_jitter": False,  # full jitter would make the retry window anything down to zero
    "max_retries": settings.EVTRACKER_TASK_RETRIES,
    "ignore_result": True,  # outcomes are recorded on the run's items
}


def failure_reason(exc, retries):
    if isinstance(exc, SoftTimeLimitExceeded | TimeLimitExceeded):
        limit = settings.EVTRACKER_TASK_TIME_LIMIT
        if isinstance(exc, SoftTimeLimitExceeded):
            limit = settings.EVTRACKER_TASK_SOFT_TIME_LIMIT
        return f"Took longer than the {limit} s limit for one article."
    if isinstance(exc, TRANSIENT_ERRORS) and retries:
        return f"Gave up after {retries} retries: {exc}"
    return str(exc) or type(exc).__name__


class ItemTask(DjangoTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Retries exhausted, a time limit or an unexpected error: fail the item so that its run
        # still finishes. With the database still down this cannot be recorded: the sweeper will.
        item_id = args[0] if args else kwargs.get("item_id")
        if item_id is None:
            return
        try:
            runs.record_item_failure(item_id, failure_reason(exc, self.request.retries))
        except TRANSIENT_ERRORS:
            log.warning("Item %s: its failure could not be recorded; left to the sweeper", item_id)


@shared_task(base=ItemTask, bind=True, **RETRYING)
def ingest_item(self, item_id):
    """Ingest one article of a run (read, store, extract, apply) and record its outcome."""
    if self.request.is_eager:
        # No broker (development): nothing could retry later, so a transient error fails now.
        runs.process_item_now(item_id)
    else:
        runs.process_item(item_id, delivery=f"{self.request.id}:{self.request.retries}")


@shared_task(**RETRYING)
def ingest_run(run_id):
    """Fan out: one ingest_item task per pending item of the run (files, folders or URLs)."""
    for item_id in runs.items_to_queue(run_id):
        ingest_item.delay(item_id)


def queue_run(run_id):
    """Queue a committed run. When the broker cannot be reached the run and its items fail
    with one sentence saying so, which is returned (None when queued) for the caller to show."""
    if ingest_run.app.conf.task_always_eager:
        ingest_run.delay(run_id)  # no broker: the run happens here, its errors are its own
        return None
    try:
        ingest_run.delay(run_id)
    except Exception as exc:  # kombu's errors differ by transport: any failure to publish
        broker = maybe_sanitize_url(ingest_run.app.conf.broker_url or "")
        why = " ".join(str(exc).split()) or type(exc).__name__
        reason = (
            f"Could not queue the run: the task queue at {broker} cannot be reached ({why}), "
            "so nothing was ingested."
        )
        runs.fail_pending_items(run_id, reason, run_error=reason)
        return reason
    return None


@shared_task(ignore_result=True)
def sweep_runs():
    """On the beat schedule: finish what workers left behind (sweeper.py), re-queueing items."""
    for item_id in sweeper.sweep():
        ingest_item.delay(item_id)


@shared_task(**RETRYING)
def poll_feed(feed_id):
    """Read one feed and ingest its new entries."""
    feed = Feed.objects.filter(pk=feed_id, active=True).first()
    if feed is None:
        return
    run = runs.poll_feed(feed)
    if run is not None and run.total:
        ingest_run.delay(run.pk)


@shared_task(ignore_result=True)
def poll_feeds():
    """On the beat schedule: one poll_feed task per active feed."""
    for feed_id in Feed.objects.filter(active=True).values_list("id", flat=True):
        poll_feed.delay(feed_id)
