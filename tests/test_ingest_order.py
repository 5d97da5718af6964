"""The demo data (`make run`: seeds/articles and tests/data/devset) ingested in date order and
in reverse date order: in each, the timeline, the company pages, the boards and the exports
agree on every fact's dates and report counts, and both orders end with the same facts."""

import csv
import io
import json
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Q
from lxml import html as lxml_html

from evtracker.news.ingest import ARTICLE_SUFFIXES, ingest_path
from evtracker.news.readers import read_path
from evtracker.partnerships import pagecache
from evtracker.partnerships.describe import describe_fact
from evtracker.partnerships.models import Approval, Event, Investment, ReportedTalk

ROOT = Path(__file__).resolve().parent.parent
DEMO_FOLDERS = (ROOT / "seeds" / "articles", ROOT / "tests" / "data" / "devset")
# What each export calls a fact's dates, and the one its "first reported" event is dated.
DATES = {
    "talks": ("first_reported", "last_reported"),
    "investments": ("announced_on",),
    "approvals": ("as_of",),
}
FIRST_DATE = {"talks": "first_reported", "investments": "announced_on", "approvals": "as_of"}
MODELS = {"talks": ReportedTalk, "investments": Investment, "approvals": Approval}
PARTS = ("timeline", "lists")
KINDS = {"talk": "talks", "investment": "investments", "approval": "approvals"}
# The natural key of a fact in an export row: how the two orders' facts are matched.
KEYS = {
    "talks": ("party_a", "party_b"),
    "investments": ("investor", "target", "amount", "currency", "kind", "stake_percent"),
    "approvals": ("subject", "regulator", "what"),
}


def demo_articles():
    """The demo articles, oldest first (by the date each article gives, then by name)."""
    paths = [
        path
        for folder in DEMO_FOLDERS
        for path in folder.rglob("*")
        if path.suffix.lower() in ARTICLE_SUFFIXES
    ]
    return sorted(paths, key=lambda path: (read_path(path).published_at, path.name))


def ingest_demo(paths):
    call_command("load_companies", verbosity=0)
    for path in paths:
        ingest_path(path)


# What the pages show, per fact: {(kind, id): {where: {"dates": {...}, "reports": n}}}


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content)


def _day(text):
    return datetime.strptime(text.strip(), "%d %b %Y").date().isoformat()


def _reports(text):
    found = re.search(r"(\d+) (?:reports?|articles?)", text)
    return int(found[1]) if found else 0


def exported(client):
    """{kind: {id: row}} from the JSON exports, and the CSV exports read the same way."""
    json_rows, csv_rows = {}, {}
    for kind in DATES:
        body = b"".join(client.get(f"/export/{kind}.json").streaming_content)
        json_rows[kind] = {row["id"]: row for row in json.loads(body)}
        text = b"".join(client.get(f"/export/{kind}.csv").streaming_content).decode()
        csv_rows[kind] = {int(row["id"]): row for row in csv.DictReader(io.StringIO(text))}
    return json_rows, csv_rows


def timeline_events(client, url):
    """(kind, fact id, is first report, date, reports) of every event shown at url and older."""
    events = []
    while url:
        page = _page(client, url)
        items = page.xpath('//li[contains(@class, "event")][starts-with(@id, "event-")]')
        ids = [int(item.get("id").removeprefix("event-")) for item in items]
        facts = {
            event.pk: (KINDS[event.fact_type], event.linked_id)
            for event in Event.objects.filter(pk__in=ids)
        }
        for pk, item in zip(ids, items, strict=True):
            kind, fact_id = facts[pk]
            first = not item.xpath('.//span[@class="badge moved"]')
            on = item.xpath("string(.//div[@class='event-meta']//time/@datetime)")
            reports = _reports(item.xpath('string(.//p[@class="reports"])'))
            events.append((kind, fact_id, first, on, reports))
        older = page.xpath('//p[contains(@class, "older")]/a/@href')
        url = older[0] if older else None
    return events


def seen_on_timelines(client, seen, companies):
    """The "/" timeline's and each company page's timeline: the first report's date (one per
    fact) and the report count of every event."""
    for where, url in [("timeline", "/")] + [
        (f"company page {slug} (timeline)", f"/companies/{slug}/") for slug in companies
    ]:
        firsts = defaultdict(list)
        for kind, fact_id, first, on, reports in timeline_events(client, url):
            entry = seen[(kind, fact_id)].setdefault(where, {"dates": {}, "reports": set()})
            entry["reports"].add(reports)
            if first:
                firsts[(kind, fact_id)].append(on)
        for (kind, fact_id), days in firsts.items():
            entry = seen[(kind, fact_id)][where]
            entry["dates"][FIRST_DATE[kind]] = days[0] if len(days) == 1 else days
        for (kind, fact_id), entries in seen.items():
            if where in entries and (kind, fact_id) not in firsts:
                entries[where]["dates"][FIRST_DATE[kind]] = "no first report shown"


def seen_on_company_pages(client, seen, companies):
    """Each company page's lists: talks "reported X to Y", investments' and approvals' dates."""
    for slug in companies:
        page = _page(client, f"/companies/{slug}/")
        where = f"company page {slug} (lists)"
        for item in page.xpath('//section[@aria-labelledby="talks-heading"]//ul/li'):
            partner = item.xpath("string(./a/@href)").strip("/").split("/")[-1]
            span = item.xpath('string(./span[@class="muted"])').removeprefix("reported ")
            first, _, last = span.partition(" to ")
            talk = ReportedTalk.objects.get(
                party_a__slug__in=[slug, partner], party_b__slug__in=[slug, partner]
            )
            dates = {"first_reported": _day(first), "last_reported": _day(last or first)}
            seen[("talks", talk.pk)][where] = {"dates": dates}
        for kind in ("investments", "approvals"):
            items = page.xpath(f'//section[@aria-labelledby="{kind}-heading"]//ul/li')
            for fact in involving(MODELS[kind], slug):
                line = describe_fact(fact)
                days = sorted(
                    _day(item.xpath('string(./span[@class="muted"])').removeprefix("as of "))
                    for item in items
                    if item.text_content().startswith(line)
                )
                shown = days[0] if len(days) == 1 else days or "not listed"
                seen[(kind, fact.pk)][where] = {"dates": {FIRST_DATE[kind]: shown}}


def involving(model, slug):
    either = Q()
    for name in model.company_fields:
        either |= Q(**{f"{name}__slug": slug})
    return model.objects.public().filter(either).select_related(*model.company_fields)


def seen_on_boards(client, seen):
    """The talks and approvals boards, filtered by each fact's first company so that no
    column is cut off: a talk's last report date, an approval's as-of date, the counts."""
    for kind, field in (("talks", "last_reported"), ("approvals", "as_of")):
        model = MODELS[kind]
        first_company = f"{model.company_fields[0]}__slug"
        slugs = set(model.objects.public().values_list(first_company, flat=True))
        for slug in sorted(slugs):
            for card in _page(client, f"/boards/{kind}/?company={slug}").xpath(
                '//li[@class="card"]'
            ):
                fact_id = int(card.get("id").removeprefix("card-"))
                meta = card.xpath('string(.//p[@class="card-meta"])')
                on = card.xpath('string(.//p[@class="card-meta"]/time/@datetime)')
                seen[(kind, fact_id)]["board"] = {"dates": {field: on}, "reports": {_reports(meta)}}


def disagreements(client):
    """Where a page shows a fact's dates or report count otherwise than the JSON export."""
    json_rows, csv_rows = exported(client)
    seen = defaultdict(dict)
    for kind, rows in json_rows.items():
        for fact_id, row in rows.items():
            seen[(kind, fact_id)]["JSON export"] = {
                "dates": {name: row[name] for name in DATES[kind]},
                "reports": {row["reports"]},
            }
            other = csv_rows[kind].get(fact_id, {})
            seen[(kind, fact_id)]["CSV export"] = {
                "dates": {name: other.get(name) for name in DATES[kind]},
                "reports": {int(other.get("reports") or -1)},
            }
    companies = sorted(
        {
            slug
            for kind, model in MODELS.items()
            for name in model.company_fields
            for slug in model.objects.public().values_list(f"{name}__slug", flat=True)
            if slug
        }
    )
    seen_on_timelines(client, seen, companies)
    seen_on_company_pages(client, seen, companies)
    seen_on_boards(client, seen)

    problems = []
    for (kind, fact_id), entries in sorted(seen.items()):
        fact = MODELS[kind].objects.get(pk=fact_id)
        truth = entries.get("JSON export")
        if truth is None:
            problems.append(f"{fact} (#{fact_id}) is shown but not exported: {entries}")
            continue
        expected = ["timeline", *(["board"] if kind != "investments" else [])]
        for company, _ in fact.companies():
            if company is not None:
                expected += [f"company page {company.slug} ({part})" for part in PARTS]
        for where in expected:
            if where not in entries:
                problems.append(f"{fact} (#{fact_id}) is exported but not on the {where}")
        for where, entry in entries.items():
            for name, value in entry["dates"].items():
                if value != truth["dates"][name]:
                    problems.append(
                        f"{fact} (#{fact_id}): {where} shows {name} {value}, "
                        f"the export {truth['dates'][name]}"
                    )
            reports = entry.get("reports", truth["reports"])
            if reports != truth["reports"]:
                problems.append(
                    f"{fact} (#{fact_id}): {where} shows {sorted(reports)} reports, "
                    f"the export {sorted(truth['reports'])}"
                )
    return problems


def facts_by_key(client):
    """{(kind, natural key): (dates, reports, status)} from the JSON export."""
    json_rows, _ = exported(client)
    return {
        (kind, tuple(str(row[name]) for name in KEYS[kind])): (
            {name: row[name] for name in DATES[kind]},
            row["reports"],
            row.get("status", ""),
        )
        for kind, rows in json_rows.items()
        for row in rows.values()
    }


# Transactional: the database is flushed between the two orders, as a fresh one.
@pytest.mark.django_db(transaction=True)
def test_it_agrees_on_every_facts_dates_and_counts_in_either_order(client):
    articles = demo_articles()
    problems, facts = [], {}
    for order, paths in (("date order", articles), ("reverse date order", articles[::-1])):
        call_command("flush", interactive=False, verbosity=0)
        ingest_demo(paths)
        pagecache.bump()
        problems += [f"{order}: {problem}" for problem in disagreements(client)]
        facts[order] = facts_by_key(client)

    forward, backward = facts["date order"], facts["reverse date order"]
    for key in sorted(forward.keys() | backward.keys()):
        if forward.get(key) != backward.get(key):
            problems.append(
                f"{key}: in date order {forward.get(key)}, in reverse {backward.get(key)}"
            )
    assert not problems, f"{len(problems)} disagreements:\n" + "\n".join(problems)
