"""Every write keeps what readers see right: counts, charts, "first reported" dates, history.

One test per defect of issue 10 (editors' review and merge rights; counts, dates and history
kept in several places), each written against what a user sees or what an editor does: admin
POSTs, board moves, ingestion, merging, the company page's chart, the timeline, the exports.
"""

import json
import re
import threading
import time
from datetime import UTC, date, datetime

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from lxml import html as lxml_html

from evtracker.news.ingest import ingest_parsed
from evtracker.news.models import SourceKind
from evtracker.news.readers import ParsedArticle
from evtracker.partnerships.merge import merge_company_into
from evtracker.partnerships.models import (
    Company,
    FactChange,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)
from tests.factories import (
    admin_form_data,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_talk,
)

IN_TALKS = (
    "Xiaomi is in talks with Chery about a partnership, people familiar with the matter said."
)
TALKS_ENDED = "Xiaomi and Chery have ended their talks about a partnership."
CONFIRMED = "Xiaomi and Chery confirmed they are in talks about a partnership."


def at(day):
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def ingest(body, day):
    """Ingest an article published on day, as a feed or `manage.py ingest` would."""
    parsed = ParsedArticle(
        title=f"Report of {day:%d %B %Y}", body=body, published_at=at(day), outlet="Test Wire"
    )
    return ingest_parsed(parsed, source_kind=SourceKind.FILE, source=f"{day}.txt").article


def article_on(day, body=None):
    return make_article(published_at=at(day), **({"body": body} if body else {}))


def talk_between(a, b):
    return ReportedTalk.objects.between(a, b).get()


def editor_client(editor=None):
    client = Client()
    client.force_login(editor or make_editor())
    return client


# What readers see


def timeline(client, url="/"):
    """Every event the timeline shows, following its "Older events" links: dicts of the
    event's title, date, whether it is a status change, and its report count."""
    events = []
    while url:
        page = lxml_html.fromstring(client.get(url).content)
        for item in page.xpath('//li[contains(@class, "event")]'):
            reports = item.xpath('string(.//p[@class="reports"])')
            events.append(
                {
                    "title": item.xpath("string(.//*[@class='event-title'])").strip(),
                    "on": date.fromisoformat(item.xpath("string(.//time/@datetime)")),
                    "moved": bool(item.xpath('.//span[@class="badge moved"]')),
                    "reports": int(re.search(r"\d+", reports)[0]) if reports else 0,
                }
            )
        older = page.xpath('//p[@class="older"]/a/@href')
        url = older[0] if older else None
    return events


def first_reports(client, words):
    """The "first reported" events (no status change) whose title has these words."""
    return [e for e in timeline(client) if not e["moved"] and words in e["title"]]


def chart(client, company):
    """{month name: reports} of the bars the company page's chart draws (non-empty ones)."""
    text = client.get(f"/companies/{company.slug}/").content.decode()
    bars = re.findall(r"<title>(\w+ \d{4}): (\d+) reports?</title>", text)
    return {month: int(n) for month, n in bars if int(n)}


def exported_talks(client):
    return json.loads(b"".join(client.get("/export/talks.json").streaming_content))


@pytest.fixture
def charts_cached(settings):
    """The charts as production keeps them: counted once and then kept (2cc95f9 kept them
    a day in Redis, recounted by the beat)."""
    settings.EVTRACKER_CHART_CACHE_SECONDS = 86400


# Editors


@pytest.mark.django_db
def test_it_records_a_board_move_as_a_review_in_history(client):
    make_company("Xiaomi"), make_company("Chery")
    ingest(IN_TALKS, date(2023, 10, 12))
    talk = talk_between(*Company.objects.filter(name__in=["Xiaomi", "Chery"]))
    editor = make_editor("maria")
    client.force_login(editor)

    client.post(f"/boards/talks/{talk.pk}/move/", {"status": TalkStatus.AGREED})

    talk.refresh_from_db()
    assert (talk.status, talk.review_state) == (TalkStatus.AGREED, ReviewState.REVIEWED)
    reviews = FactChange.objects.filter(talk=talk, field="review_state")
    assert [(c.new_value, c.changed_by) for c in reviews] == [(ReviewState.REVIEWED, editor)]


@pytest.mark.django_db
def test_it_keeps_an_admin_mark_as_against_the_next_article(client):
    make_company("Xiaomi"), make_company("Chery")
    ingest(IN_TALKS, date(2023, 10, 12))
    talk = talk_between(*Company.objects.filter(name__in=["Xiaomi", "Chery"]))
    editor = make_editor("maria")
    client.force_login(editor)

    client.post(
        "/admin/partnerships/reportedtalk/",
        {"action": "mark_ended", "_selected_action": [talk.pk]},
    )
    ingest(CONFIRMED, date(2023, 11, 2))

    talk.refresh_from_db()
    assert talk.status == TalkStatus.ENDED  # the editor's word, not the next article's
    assert talk.review_state != ReviewState.UNREVIEWED
    reviews = FactChange.objects.filter(talk=talk, field="review_state", changed_by=editor)
    assert [c.new_value for c in reviews] == [ReviewState.REVIEWED]


@pytest.mark.django_db
def test_it_lets_no_editor_merge_away_a_verified_company_by_unticking_it(client):
    xiaomi = make_company("Xiaomi")
    auto = make_company("Xiaomi Auto", verified=True)
    client.force_login(make_editor("maria"))

    change_url = f"/admin/partnerships/company/{auto.pk}/change/"
    client.post(change_url, admin_form_data(client.get(change_url), verified=None))
    client.post(f"/admin/partnerships/company/{auto.pk}/merge/", {"target": xiaomi.pk})

    auto.refresh_from_db()  # still there
    assert auto.verified
    assert Client().get(f"/companies/{auto.slug}/").status_code == 200


# Counts, dates and history


@pytest.mark.django_db
def test_it_counts_every_article_behind_a_merged_fact_and_shows_one_first_report(client):
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    stray = make_company("Xiaomi Auto Ltd", verified=False)
    kept = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    make_evidence(kept, article_on(date(2023, 10, 12)))
    duplicate = make_talk(chery, stray, on=date(2023, 9, 4))
    make_evidence(duplicate, article_on(date(2023, 9, 4)))
    make_evidence(duplicate, article_on(date(2023, 9, 20)))

    merge_company_into(stray, xiaomi)

    [talk] = exported_talks(client)
    firsts = first_reports(client, "Xiaomi and Chery")
    assert {
        "export": (talk["party_a"], talk["party_b"], talk["first_reported"], talk["reports"]),
        "timeline": [(e["on"], e["reports"]) for e in firsts],
    } == {
        "export": ("Xiaomi", "Chery", "2023-09-04", 3),
        "timeline": [(date(2023, 9, 4), 3)],
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_counts_both_reports_when_an_editor_adds_evidence_while_ingestion_holds_the_fact():
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    editors_article = article_on(date(2023, 10, 20), body=f"A later report. {CONFIRMED}")
    editor = make_editor("maria")
    ingested, release = threading.Event(), threading.Event()
    errors = []

    def ingestion():
        # Ingestion adds its report and holds the fact until it commits.
        try:
            with transaction.atomic():
                ingest(IN_TALKS, date(2023, 10, 12))
                ingested.set()
                release.wait(10)
        except Exception as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            ingested.set()
            connections.close_all()

    def editor_adds_evidence():
        try:
            response = editor_client(editor).post(
                "/admin/partnerships/evidence/add/",
                {
                    "talk": talk.pk,
                    "article": editors_article.pk,
                    "sentence": CONFIRMED,
                    "reported_status": TalkStatus.CONFIRMED,
                    "reported_on": "2023-10-20",
                },
            )
            assert response.status_code == 302, response.content.decode()[:2000]
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    first = threading.Thread(target=ingestion)
    first.start()
    assert ingested.wait(10)
    second = threading.Thread(target=editor_adds_evidence)
    second.start()
    _wait_until_blocked_or_done(second)
    release.set()
    first.join(20), second.join(20)

    assert not errors, errors
    talk.refresh_from_db()
    assert talk.evidence.values("article").distinct().count() == 2
    assert talk.report_count == 2
    [row] = exported_talks(Client())
    assert row["reports"] == 2


def _wait_until_blocked_or_done(thread, seconds=10):
    """Until thread has finished or waits for a lock another transaction holds."""
    deadline = time.monotonic() + seconds
    while thread.is_alive() and time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_it_charts_evidence_an_editor_adds_after_the_chart_was_shown(charts_cached):
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    make_evidence(talk, article_on(date(2023, 10, 12)))
    reader = Client()
    assert chart(reader, xiaomi) == {"October 2023": 1}

    later = article_on(date(2023, 11, 2), body=f"A later report. {CONFIRMED}")
    response = editor_client().post(
        "/admin/partnerships/evidence/add/",
        {"talk": talk.pk, "article": later.pk, "sentence": CONFIRMED, "reported_on": "2023-11-02"},
    )
    assert response.status_code == 302

    assert chart(reader, xiaomi) == {"October 2023": 1, "November 2023": 1}
    assert chart(reader, chery) == {"October 2023": 1, "November 2023": 1}


@pytest.mark.django_db(transaction=True)
def test_it_moves_a_talks_reports_between_both_companies_charts_at_once(charts_cached):
    xiaomi, chery, geely = make_company("Xiaomi"), make_company("Chery"), make_company("Geely")
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    make_evidence(talk, article_on(date(2023, 10, 12)))
    reader = Client()
    assert chart(reader, chery) == {"October 2023": 1}
    assert chart(reader, geely) == {}

    editor = editor_client()
    change_url = f"/admin/partnerships/reportedtalk/{talk.pk}/change/"
    response = editor.post(
        change_url, admin_form_data(editor.get(change_url), party_b=str(geely.pk))
    )
    assert response.status_code == 302

    assert talk_between(xiaomi, geely).pk == talk.pk
    assert chart(reader, chery) == {}
    assert chart(reader, geely) == {"October 2023": 1}
    assert chart(reader, xiaomi) == {"October 2023": 1}


@pytest.mark.django_db
def test_it_moves_the_first_report_to_an_older_article_ingested_later(client):
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    ingest(IN_TALKS, date(2023, 10, 12))
    ingest(IN_TALKS.replace("people familiar", "two people familiar"), date(2021, 3, 31))

    [on_timeline] = first_reports(client, "Xiaomi and Chery")
    [exported] = exported_talks(client)
    company_page = client.get(f"/companies/{xiaomi.slug}/").content.decode()
    assert on_timeline["on"] == date(2021, 3, 31)
    assert exported["first_reported"] == "2021-03-31"
    assert "reported 31 Mar 2021 to 12 Oct 2023" in company_page
    assert [e["on"] for e in first_reports(client, "Xiaomi and Chery")] == [date(2021, 3, 31)]
    assert talk_between(xiaomi, chery).first_reported == date(2021, 3, 31)


@pytest.mark.django_db
def test_it_shows_a_first_report_when_an_older_article_tells_talks_before_their_end(client):
    # The demo data's Honda-Nissan: the end was ingested first, then the talks it ended.
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    ingest(TALKS_ENDED, date(2025, 2, 13))
    ingest(IN_TALKS, date(2024, 12, 18))

    events = [e for e in timeline(client) if "Xiaomi and Chery" in e["title"]]
    firsts = [e for e in events if not e["moved"]]
    assert [e["on"] for e in firsts] == [date(2024, 12, 18)]
    assert firsts[0]["title"].startswith("Xiaomi and Chery reportedly in talks")
    assert talk_between(xiaomi, chery).status == TalkStatus.ENDED
    assert [e["on"] for e in events if e["moved"]] == [date(2025, 2, 13)]
