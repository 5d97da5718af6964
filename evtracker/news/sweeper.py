"""The sweeper: every run finishes, whatever failed on the way.

A task records its item's outcome (runs.py), but a worker killed as a whole, a
message lost with a broker that restarted empty, a database down for longer
than the task's retries or a `manage.py ingest` stopped halfway leave items
pending. sweep() runs on the beat schedule (every EVTRACKER_SWEEP_SECONDS) and
finds the items with no sign of life (queued, started or finished) for
EVTRACKER_ITEM_STALE_SECONDS:

- an item of a Celery run is queued again, counting one attempt; one already
  tried EVTRACKER_ITEM_MAX_ATTEMPTS times fails with the reason instead;
- the items of a `manage.py ingest` run whose process is gone fail as
  interrupted (`manage.py ingest` also does this when it starts);
- a run left with nothing pending is closed.

An item that was queued but never started is left alone while the workers are
busy with other items: it is waiting its turn, not lost. Re-queueing twice is
harmless, since an item is recorded once (runs._finish_item).
"""

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Max, Q
from django.utils import timezone

from . import runs
from .models import IngestionItem, IngestionRun, ItemOutcome, RunStatus

log = logging.getLogger(__name__)

OPEN = (RunStatus.QUEUED, RunStatus.RUNNING)
BATCH = 1000  # items re-queued or failed per sweep at most; the next sweep takes the rest
HOST = socket.gethostname()

INTERRUPTED = (
    "Interrupted: the manage.py ingest process running this run stopped before it "
    "finished this article."
)


def this_process():
    """How a run processed by this process (manage.py ingest) is marked: "host:pid"."""
    return f"{HOST}:{os.getpid()}"


def _process_is_gone(marker):
    host, _, pid = marker.rpartition(":")
    if host != HOST or not pid.isdigit():
        return False  # another machine's process: only its silence tells
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _last_sign_of_life(run):
    latest = run.items.aggregate(touched=Max("touched_at"), finished=Max("finished_at"))
    return max(moment for moment in (run.created_at, *latest.values()) if moment)


def close_interrupted_cli_runs(cutoff=None):
    """Fail the pending items of `manage.py ingest` runs whose process has stopped: gone from
    this machine, or (with cutoff) silent since then. Returns the runs closed."""
    closed = []
    cli_runs = IngestionRun.objects.filter(status__in=OPEN).exclude(cli_process="")
    for run in cli_runs.only("pk", "cli_process", "created_at"):
        gone = _process_is_gone(run.cli_process)
        if gone or (cutoff and _last_sign_of_life(run) < cutoff):
            runs.fail_pending_items(run.pk, INTERRUPTED)
            log.warning("Run %s closed: its process %s stopped", run.pk, run.cli_process)
            closed.append(run.pk)
    return closed


def _workers_busy(cutoff):
    """Has any item of a queued run been started or finished since cutoff?"""
    recent = Q(finished_at__gte=cutoff) | (Q(touched_at__gte=cutoff) & ~Q(delivery=""))
    return (
        IngestionItem.objects.filter(run__status__in=OPEN, run__cli_process="")
        .filter(recent)
        .exists()
    )


def stale_items(cutoff):
    """Pending items of Celery runs with no sign of life since cutoff (see the module's doc)."""
    pending = IngestionItem.objects.filter(
        outcome=ItemOutcome.PENDING, run__status__in=OPEN, run__cli_process=""
    )
    stale = pending.filter(
        Q(touched_at__lt=cutoff) | Q(touched_at__isnull=True, run__created_at__lt=cutoff)
    )
    if _workers_busy(cutoff):
        stale = stale.exclude(delivery="")  # never started: still waiting behind the others
    return list(stale.order_by("id").only("pk", "run_id", "attempts", "touched_at")[:BATCH])


def given_up(attempts, stale_seconds):
    return (
        f"Given up after {attempts} attempts: no worker finished it within {stale_seconds} s "
        "(its worker stopped, the queue lost it or the database stayed down)."
    )


def close_runs_with_nothing_pending(cutoff):
    for run in IngestionRun.objects.filter(status__in=OPEN, created_at__lt=cutoff).exclude(
        items__outcome=ItemOutcome.PENDING
    ):
        runs.close_run(run)


def sweep(now=None):
    """Finish what was left behind (see the module's doc); returns the item ids to queue again.

    The caller queues them; they are already marked re-queued (attempts + 1).
    """
    now = now or timezone.now()
    stale_seconds = settings.EVTRACKER_ITEM_STALE_SECONDS
    cutoff = now - timedelta(seconds=stale_seconds)
    close_interrupted_cli_runs(cutoff)
    requeue = []
    for item in stale_items(cutoff):
        if item.attempts + 1 >= settings.EVTRACKER_ITEM_MAX_ATTEMPTS:
            runs.fail_pending_items(
                item.run_id, given_up(item.attempts + 1, stale_seconds), item_ids=[item.pk]
            )
            continue
        # Only if nothing touched it since it was read: a delivery starting now keeps it.
        marked = IngestionItem.objects.filter(
            pk=item.pk, outcome=ItemOutcome.PENDING, touched_at=item.touched_at
        ).update(attempts=F("attempts") + 1, delivery="", touched_at=now)
        if marked:
            requeue.append(item.pk)
    close_runs_with_nothing_pending(cutoff)
    if requeue:
        log.warning("Sweeper: %s stale item(s) queued again", len(requeue))
    return requeue
