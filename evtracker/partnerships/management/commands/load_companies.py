from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from evtracker.partnerships.companies import (
    CompanyListError,
    load_company_list,
    read_company_file,
)


class Command(BaseCommand):
    help = (
        "Load the reference list of companies. Fills in only what is missing: "
        "editors' edits to existing companies are kept. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="company list (default: seeds/companies.json)")

    def handle(self, *args, path=None, **options):
        path = Path(path) if path else Path(settings.BASE_DIR) / "seeds" / "companies.json"
        try:
            result = load_company_list(read_company_file(path))
        except CompanyListError as exc:
            raise CommandError(f"{exc}\nNothing was written.") from exc
        self.stdout.write(result.summary())
        if options["verbosity"] > 1:
            for alias, wanted_by, holder in result.aliases_skipped:
                self.stdout.write(f"  alias {alias!r} for {wanted_by!r} is held by {holder!r}")
