from django.core.management.base import BaseCommand, CommandError

from evtracker.partnerships.corpus import CorpusError, generate_corpus


class Command(BaseCommand):
    help = (
        "Generate a reproducible synthetic corpus on the configured PostgreSQL database: "
        "about 2,000 companies, N articles and the talks, investments and approvals they "
        "report, with evidence, history and timeline events. A corpus generated before is "
        "replaced; a database holding other articles or facts is refused unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="how many articles")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same rows")
        parser.add_argument(
            "--force",
            action="store_true",
            help="add the corpus next to articles and facts it did not write",
        )
        parser.add_argument(
            "--rebuild-indexes",
            choices=["auto", "always", "never"],
            default="auto",
            help="drop indexes during the load and build them after (auto: for large loads)",
        )

    def handle(self, *args, articles, seed, force, rebuild_indexes, **options):
        quiet = options["verbosity"] == 0
        say = (lambda message: None) if quiet else self.stdout.write
        say(f"Generating {articles:,} articles with seed {seed}...")
        try:
            summary = generate_corpus(
                articles, seed, force=force, rebuild_indexes=rebuild_indexes, progress=say
            )
        except CorpusError as exc:
            raise CommandError(str(exc)) from exc
        for line in summary.lines():
            say(line)
