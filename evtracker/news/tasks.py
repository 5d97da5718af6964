"""Celery tasks: thin wrappers that own fan-out and retries; the work is in runs.py / ingest.py.

Arguments are ids, never model instances. Every task is acks_late (a worker
lost mid-task leaves the message for another) and retried with backoff for
transient database and network errors only; bad input (UnreadableArticle) is
recorded on the item and never retried. Enqueue from a request or a
transaction with .delay_on_commit() so the worker sees the committed rows.
"""

from celery import shared_task
from celery.contrib.django.task import DjangoTask

from . import runs
from .ingest import TRANSIENT_ERRORS
from .models import Feed

RETRYING = {
    "acks_late": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 5,
    "ignore_result": True,  # outcomes are recorded on the run's items
}


class ItemTask(DjangoTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Retries exhausted or an unexpected error: fail the item so that its run still finishes.
        item_id = args[0] if args else kwargs.get("item_id")
        if item_id is not None:
            runs.record_item_failure(item_id, exc)


@shared_task(base=ItemTask, bind=True, **RETRYING)
def ingest_item(self, item_id):
    """Ingest one article of a run (read, store, extract, apply) and record its outcome."""
    if self.request.is_eager:
        # No broker (development): nothing could retry later, so a transient error fails now.
        runs.process_item_now(item_id)
    else:
        runs.process_item(item_id)


@shared_task(**RETRYING)
def ingest_run(run_id):
    """Fan out: one ingest_item task per pending item of the run (files, folders or URLs)."""
    for item_id in runs.pending_item_ids(run_id):
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
