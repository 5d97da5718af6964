"""python manage.py extract PATH... [--format json|text]

Reads each article file and prints what the extractor finds in it, without
writing anything to the database. Companies come from the database's company
list (load it with `load_companies`); when that list is empty, from
seeds/companies.json. An unreadable file is reported on stderr, the others are
still printed, and the command then exits with status 1.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from evtracker.news.extract import CompanyIndex, KnownCompany, extract
from evtracker.news.readers import UnreadableArticle, read_path
from evtracker.partnerships.companies import CompanyListError, read_company_file
from evtracker.partnerships.models import Company


def database_companies():
    """The database's company list with aliases, as the extractor wants it (two queries)."""
    return [
        KnownCompany(
            company.name,
            company.kind,
            tuple(alias.name for alias in company.aliases.all()),
            company.parent.name if company.parent else None,
            company.country,
        )
        for company in Company.objects.select_related("parent")
        .prefetch_related("aliases")
        .order_by("id")
    ]


SEED_COMPANIES = Path(settings.BASE_DIR) / "seeds" / "companies.json"


def seed_index():
    """The extractor's index over seeds/companies.json, the list `make run` loads."""
    return CompanyIndex.build(
        KnownCompany(record.name, record.kind, tuple(record.aliases), record.parent, record.country)
        for record in read_company_file(SEED_COMPANIES)
    )


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def article_json(name, title, published, extraction, explain=False):
    """One article's extraction in the shape of `extract --format json`; with `explain`, each
    fact also lists the words and features that produced it."""
    result = {
        "article": name,
        "title": title,
        "published": published.isoformat(),
        "companies": extraction.companies,
        "talks": [
            {
                "parties": list(talk.parties),
                "status": talk.status,
                "attributed_to": talk.attributed_to,
                "evidence": talk.sentence,
            }
            for talk in extraction.talks
        ],
        "investments": [
            {
                "investor": investment.investor,
                "target": investment.target,
                "amount": _number(investment.amount),
                "currency": investment.currency,
                "kind": investment.kind,
                "stake_percent": (
                    None if investment.stake_percent is None else float(investment.stake_percent)
                ),
                "evidence": investment.sentence,
            }
            for investment in extraction.investments
        ],
        "approvals": [
            {
                "subject": approval.subject,
                "regulator": approval.regulator,
                "status": approval.status,
                "what": approval.what,
                "evidence": approval.sentence,
            }
            for approval in extraction.approvals
        ],
    }
    if explain:
        for kind in ("talks", "investments", "approvals"):
            for item, fact in zip(result[kind], getattr(extraction, kind), strict=True):
                item["why"] = list(fact.why)
    return result


def _money(investment):
    stake = f" ({investment['stake_percent']}%)" if investment["stake_percent"] else ""
    if investment["amount"] is None:
        return "amount undisclosed" + stake
    return f"{investment['amount']:,} {investment['currency']}{stake}"


def _evidence_lines(fact):
    lines = [f"    “{fact['evidence']}”"]
    if "why" in fact:
        lines.append("    why: " + "; ".join(fact["why"]))
    return lines


def _as_text(item):
    lines = [f"{item['article']}: {item['title']} ({item['published']})"]
    lines.append("  companies: " + (", ".join(item["companies"]) or "none"))
    for talk in item["talks"]:
        source = f", per {talk['attributed_to']}" if talk["attributed_to"] else ""
        lines.append(f"  talk: {' - '.join(talk['parties'])} [{talk['status']}{source}]")
        lines += _evidence_lines(talk)
    for investment in item["investments"]:
        target = f" in {investment['target']}" if investment["target"] else ""
        lines.append(
            f"  investment: {investment['investor']}{target} {_money(investment)} "
            f"[{investment['kind']}]"
        )
        lines += _evidence_lines(investment)
    for approval in item["approvals"]:
        lines.append(
            f"  approval: {approval['subject']} from {approval['regulator'] or 'no named body'}: "
            f"{approval['what']} [{approval['status']}]"
        )
        lines += _evidence_lines(approval)
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print the companies and facts found in article files, without storing anything."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=("json", "text"), default="json")
        parser.add_argument(
            "--explain",
            action="store_true",
            help="add to each fact the words and features that produced it",
        )

    def handle(self, *args, paths, format, explain=False, **options):
        index = self._index()
        results, failed = [], 0
        for path in paths:
            try:
                article = read_path(path)
            except (UnreadableArticle, OSError) as exc:
                failed += 1
                self.stderr.write(f"{path}: cannot read article: {exc}")
                continue
            published = timezone.localdate(article.published_at or timezone.now())
            extraction = extract(
                article.body,
                index,
                published=published,
                title=article.title,
                skip=article.blocks,
            )
            results.append(
                article_json(Path(path).name, article.title, published, extraction, explain)
            )
        if format == "json":
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
        else:
            self.stdout.write("\n\n".join(_as_text(item) for item in results))
        if failed:
            raise CommandError(f"{failed} of {len(paths)} file(s) could not be read")

    def _index(self):
        try:
            companies = database_companies()
        except DatabaseError:  # no database yet: the command still reads an article
            companies, missing = [], "The database is not set up (run make run, or migrate)"
        else:
            missing = "No companies in the database (run load_companies)"
        if companies:
            return CompanyIndex.build(companies)
        self.stderr.write(f"{missing}: using {SEED_COMPANIES}.")
        try:
            return seed_index()
        except CompanyListError as exc:
            raise CommandError(f"No companies in the database, and {exc}") from exc
