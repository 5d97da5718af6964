"""Re-extraction through a real Celery worker (two threads) on the real Redis and PostgreSQL:
articles sharing a fact are re-extracted at once, and the fact keeps exactly one report."""

import time

import pytest

from evtracker.news import ingest, runs, tasks
from evtracker.news.models import IngestionRun, ItemOutcome, RunStatus
from evtracker.news.upsert import apply_extraction
from evtracker.partnerships.models import Event, Evidence, FactChange, ReportedTalk, ReviewState
from tests.factories import ScriptedExtractor, make_article, make_company, talk_fact

RUN_TIMEOUT = 90  # seconds
ARTICLES = 8
XIAOMI_CHERY = "Xiaomi is in talks with Chery about a factory."
BYD_GEELY = "BYD and Geely discussed a battery deal."

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


def run_to_the_end(articles):
    run = runs.start_reextraction("test", [article.pk for article in articles])
    tasks.ingest_run.delay(run.pk)
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.status in (RunStatus.FINISHED, RunStatus.FAILED):
            return run
        time.sleep(0.1)
    pytest.fail(f"Run not over after {RUN_TIMEOUT} s: {run.done} / {run.total}")


def test_it_retires_a_shared_fact_once_when_its_articles_are_reextracted_at_once(
    worker, monkeypatch
):
    for name in ("Xiaomi", "Chery", "BYD", "Geely"):
        make_company(name)
    extractor = ScriptedExtractor(
        talk_fact("Xiaomi", "Chery", XIAOMI_CHERY), talk_fact("BYD", "Geely", BYD_GEELY)
    )
    monkeypatch.setattr(ingest, "extract_article", extractor)
    articles = []
    for n in range(ARTICLES):
        article = make_article(body=f"Report {n}. {XIAOMI_CHERY} {BYD_GEELY}")
        apply_extraction(article, extractor(article))
        articles.append(article)
    talk = ReportedTalk.objects.get(party_a__name__in=["BYD", "Geely"])
    assert talk.report_count == ARTICLES
    extractor.facts = extractor.facts[:1]

    run = run_to_the_end(articles)

    assert (run.status, run.done) == (RunStatus.FINISHED, ARTICLES)
    assert set(run.items.values_list("outcome", flat=True)) == {ItemOutcome.CHANGED}
    talk.refresh_from_db()
    # However the items interleaved: all reports but one removed, then the fact retired.
    assert talk.review_state == ReviewState.RETIRED
    assert (talk.evidence.count(), talk.report_count) == (1, 1)
    assert talk.changes.filter(field="evidence").count() == ARTICLES - 1
    assert talk.changes.filter(field="review_state", new_value="retired").count() == 1
    assert Event.objects.get(talk=talk).retired

    counts = (Evidence.objects.count(), FactChange.objects.count(), Event.objects.count())
    again = run_to_the_end(articles)

    assert set(again.items.values_list("outcome", flat=True)) == {ItemOutcome.UNCHANGED}
    assert (Evidence.objects.count(), FactChange.objects.count(), Event.objects.count()) == counts
    assert IngestionRun.objects.count() == 2
