"""python manage.py ingest PATH_OR_URL... [--async]

Ingests article files, folders (recursively: .txt, .html, .htm, .md) and
http(s) addresses through the same functions the Celery tasks call, and
records them as an ingestion run (visible in admin). It exits with status 1
when nothing could be ingested (every article failed, or none was found) or
the run could not be queued; a partial failure is reported but exits 0.

A run this command works through itself carries its process ("host:pid"):
stopped by Ctrl-C or SIGTERM it finishes the article in hand and fails the ones
it did not reach as interrupted; stopped twice, or killed outright, it leaves
that to the next start of this command (or the sweeper).
"""

import signal
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from evtracker.news import runs, sweeper, tasks
from evtracker.news.models import ItemOutcome


class Stop(Exception):
    """The command was asked to stop (Ctrl-C or SIGTERM) between two articles."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stop_between_articles():
    """Ctrl-C or SIGTERM (a container stopping) stop the command after the article in hand, so
    that no query is cut off half-way and the run can be closed on a sound connection; a
    second signal stops at once (the sweeper, or the next start, then closes the run). Yields
    a function that raises Stop once a stop was asked for."""
    asked = []

    def ask(signum, frame):
        if asked:
            raise SystemExit(128 + signum)
        asked.append(signum)

    def check():
        if asked:
            raise Stop(asked[0])

    try:
        previous = {sig: signal.signal(sig, ask) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread: leave signals alone
        yield check
        return
    try:
        yield check
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class Command(BaseCommand):
    help = (
        "Ingest article files, folders (recursively: .txt, .html, .htm, .md) or http(s) "
        "addresses: store each article once and upsert its companies and facts."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument(
            "--async",
            dest="enqueue",
            action="store_true",
            help="Create the run and enqueue one Celery task per article instead of waiting.",
        )

    def handle(self, *args, sources, enqueue, **options):
        for run_id in sweeper.close_interrupted_cli_runs():
            self.stderr.write(f"Run {run_id} had been interrupted: its remaining articles failed.")
        if enqueue:
            self._enqueue(sources)
            return
        run = runs.start_run(" ".join(sources), sources, cli_process=sweeper.this_process())
        if not run.total:
            raise CommandError(f"Nothing to ingest: no article files in {' '.join(sources)}")

        counts = dict.fromkeys(ItemOutcome.values, 0)
        with stop_between_articles() as stop_if_asked:
            try:
                for item_id in runs.pending_item_ids(run.pk):
                    stop_if_asked()
                    item = runs.process_item_now(item_id)
                    counts[item.outcome] += 1
                    self.stdout.write(self._describe(item))
            except Stop as stop:
                runs.fail_pending_items(run.pk, sweeper.INTERRUPTED)
                self.stderr.write(f"Run {run.pk} interrupted: the remaining articles failed.")
                raise SystemExit(128 + stop.signum) from None
        summary = (
            f"Run {run.pk}: new {counts[ItemOutcome.NEW]}, "
            f"duplicate {counts[ItemOutcome.DUPLICATE]}, failed {counts[ItemOutcome.FAILED]}"
        )
        if not counts[ItemOutcome.NEW] and not counts[ItemOutcome.DUPLICATE]:
            raise CommandError(f"{summary}. No article could be ingested.")
        self.stdout.write(self.style.SUCCESS(summary))

    def _enqueue(self, sources):
        run = runs.start_run(" ".join(sources), sources)
        if not run.total:
            raise CommandError(f"Nothing to ingest: no article files in {' '.join(sources)}")
        queued = {}
        # Queued once the run is committed: at once here, unless a caller holds a transaction.
        transaction.on_commit(lambda: queued.update(error=tasks.queue_run(run.pk)))
        if queued.get("error"):
            raise CommandError(f"Run {run.pk}: {queued['error']}")
        self.stdout.write(f"Run {run.pk} queued: {run.total} article(s).")

    def _describe(self, item):
        line = f"{item.outcome:<9} {item.source}"
        if item.article_id:
            line += f"  -> article {item.article_id}, {item.facts_found} fact(s)"
        if item.error:
            line += f"  ({item.error})"
        if item.outcome == ItemOutcome.FAILED:
            return self.style.ERROR(line)
        return line
