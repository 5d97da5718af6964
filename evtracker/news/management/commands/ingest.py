"""python manage.py ingest PATH_OR_URL... [--async]

Ingests article files, folders (recursively: .txt, .html, .htm, .md) and
http(s) addresses through the same functions the Celery tasks call, and
records them as an ingestion run (visible in admin). It exits with status 1
when nothing could be ingested (every article failed, or none was found) or
the run could not be queued; a partial failure is reported but exits 0.

A run this command works through itself carries its process ("host:pid"):
stopped by Ctrl-C or SIGTERM it fails the articles it did not reach as
interrupted; killed outright, the next start of this command (or the sweeper)
does.
"""

import signal
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from evtracker.news import runs, sweeper, tasks
from evtracker.news.models import ItemOutcome


@contextmanager
def sigterm_as_exit():
    """SIGTERM (a container stopping) unwinds like Ctrl-C, so that the run is closed."""

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
        with sigterm_as_exit():
            try:
                for item_id in runs.pending_item_ids(run.pk):
                    item = runs.process_item_now(item_id)
                    counts[item.outcome] += 1
                    self.stdout.write(self._describe(item))
            except (KeyboardInterrupt, SystemExit):
                runs.fail_pending_items(run.pk, sweeper.INTERRUPTED)
                self.stderr.write(f"Run {run.pk} interrupted: the remaining articles failed.")
                raise
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
