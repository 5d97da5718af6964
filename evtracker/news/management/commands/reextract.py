"""python manage.py reextract [--since DATE] [--company SLUG] [--async]

Extracts stored articles again with the current extractor, as a re-extraction
run (visible in admin, like an ingestion run): new facts and reports are
added, reports the extractor no longer makes are removed, and facts that only
the old extractor found are retired. Facts an editor reviewed are left alone.
Running it twice changes nothing the second time.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from evtracker.news import reextract, runs, tasks
from evtracker.news.models import ItemOutcome
from evtracker.partnerships.models import Company


def _date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since wants a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Extract stored articles again (all, or those published since a date and/or about a "
        "company): add new facts, remove reports no longer found, retire facts only the old "
        "extractor found. Reviewed facts are never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=_date, help="Articles published on or after YYYY-MM-DD."
        )
        parser.add_argument(
            "--company",
            metavar="SLUG",
            help="Articles about this company: reporting its facts, or naming it or an alias.",
        )
        parser.add_argument(
            "--async",
            dest="enqueue",
            action="store_true",
            help="Create the run and enqueue one Celery task per article instead of waiting.",
        )

    def handle(self, *args, since, company, enqueue, **options):
        chosen = None
        if company:
            chosen = Company.objects.filter(slug=company).first()
            if chosen is None:
                raise CommandError(f"No company with the slug {company!r}.")
        articles = reextract.articles_to_reextract(since=since, company=chosen)
        asked = ["Re-extract articles"]
        if since:
            asked.append(f"published since {since.isoformat()}")
        if chosen:
            asked.append(f"about {chosen.name}")
        run = runs.start_reextraction(" ".join(asked), articles.values_list("pk", flat=True))
        if not run.total:
            raise CommandError(
                f"Nothing to re-extract: no stored article matches ({run.requested})"
            )
        if enqueue:
            queued = {}
            # Queued once the run is committed; no broker: the run fails, saying so.
            transaction.on_commit(lambda: queued.update(error=tasks.queue_run(run.pk)))
            if queued.get("error"):
                raise CommandError(f"Run {run.pk}: {queued['error']}")
            self.stdout.write(f"Run {run.pk} queued: {run.total} article(s).")
            return

        counts = dict.fromkeys(ItemOutcome.values, 0)
        for item_id in runs.pending_item_ids(run.pk):
            item = runs.process_item_now(item_id)
            counts[item.outcome] += 1
            line = f"{item.outcome:<9} article {item.article_id}: {item.changes or item.error}"
            self.stdout.write(
                self.style.ERROR(line) if item.outcome == ItemOutcome.FAILED else line
            )
        summary = (
            f"Run {run.pk}: changed {counts[ItemOutcome.CHANGED]}, "
            f"unchanged {counts[ItemOutcome.UNCHANGED]}, failed {counts[ItemOutcome.FAILED]}"
        )
        if counts[ItemOutcome.FAILED] == run.total:
            raise CommandError(f"{summary}. No article could be re-extracted.")
        self.stdout.write(self.style.SUCCESS(summary))
