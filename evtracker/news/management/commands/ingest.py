"""python manage.py ingest PATH_OR_URL... [--async]

Ingests article files, folders (recursively: .txt, .html, .htm, .md) and
http(s) addresses through the same functions the Celery tasks call, and
records them as an ingestion run (visible in admin). It exits with status 1
when nothing could be ingested (every article failed, or none was found);
a partial failure is reported but exits 0.
"""

from django.core.management.base import BaseCommand, CommandError

from evtracker.news import runs, tasks
from evtracker.news.models import ItemOutcome


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
        run = runs.start_run(" ".join(sources), sources)
        if not run.total:
            raise CommandError(f"Nothing to ingest: no article files in {' '.join(sources)}")
        if enqueue:
            tasks.ingest_run.delay_on_commit(run.pk)
            self.stdout.write(f"Run {run.pk} queued: {run.total} article(s).")
            return

        counts = dict.fromkeys(ItemOutcome.values, 0)
        for item_id in runs.pending_item_ids(run.pk):
            item = runs.process_item_now(item_id)
            counts[item.outcome] += 1
            self.stdout.write(self._describe(item))
        summary = (
            f"Run {run.pk}: new {counts[ItemOutcome.NEW]}, "
            f"duplicate {counts[ItemOutcome.DUPLICATE]}, failed {counts[ItemOutcome.FAILED]}"
        )
        if not counts[ItemOutcome.NEW] and not counts[ItemOutcome.DUPLICATE]:
            raise CommandError(f"{summary}. No article could be ingested.")
        self.stdout.write(self.style.SUCCESS(summary))

    def _describe(self, item):
        line = f"{item.outcome:<9} {item.source}"
        if item.article_id:
            line += f"  -> article {item.article_id}, {item.facts_found} fact(s)"
        if item.error:
            line += f"  ({item.error})"
        if item.outcome == ItemOutcome.FAILED:
            return self.style.ERROR(line)
        return line
