"""Ingestion through a real Celery worker on the real Redis, into the real PostgreSQL.

The worker runs in threads of this process (celery.contrib.testing), with two
of them so that two tasks can race; it reads the test database, whose rows
these transactional tests commit.
"""

import shutil
import time
from pathlib import Path

import pytest

from evtracker.news import runs, tasks
from evtracker.news.models import Article, IngestionRun, ItemOutcome, RunStatus
from evtracker.partnerships.companies import load_company_list, read_company_file
from evtracker.partnerships.models import (
    Approval,
    Company,
    Event,
    Evidence,
    FactChange,
    Investment,
    ReportedTalk,
)
from tests.factories import serve_folder

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "ingest"
RUN_TIMEOUT = 90  # seconds; a run of a few articles takes well under one

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def companies():
    load_company_list(read_company_file(ROOT / "seeds" / "companies.json"))


@pytest.fixture
def folder(tmp_path, settings):
    """The test folder of articles plus an oversized one (the limit lowered to keep it small)."""
    settings.EVTRACKER_MAX_ARTICLE_BYTES = 64 * 1024
    copy = tmp_path / "articles"
    shutil.copytree(DATA / "folder", copy)
    (copy / "bad" / "oversized.txt").write_text("Xiaomi approached Chery. " * 5000)
    return copy


def wait_for(*run_ids):
    """Poll the database until every run is over (the worker commits each item)."""
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        over = IngestionRun.objects.filter(
            pk__in=run_ids, status__in=(RunStatus.FINISHED, RunStatus.FAILED)
        ).count()
        if over == len(run_ids):
            return
        time.sleep(0.1)
    pending = list(IngestionRun.objects.filter(pk__in=run_ids).values("pk", "status", "done"))
    pytest.fail(f"Runs not over after {RUN_TIMEOUT} s: {pending}")


def row_counts():
    models = (Article, Company, ReportedTalk, Investment, Approval, Evidence, FactChange, Event)
    return {model.__name__: model.objects.count() for model in models}


def outcomes(run):
    return {Path(item.source).name: (item.outcome, item.error) for item in run.items.all()}


def test_it_ingests_a_folder_then_changes_nothing_on_a_second_run(worker, companies, folder):
    run = runs.start_run(str(folder), [str(folder)])
    tasks.ingest_run.delay_on_commit(run.pk)
    wait_for(run.pk)

    run.refresh_from_db()
    assert (run.status, run.done, run.total) == (RunStatus.FINISHED, 8, 8)
    found = outcomes(run)
    good = [
        "cyvn-nio-stake.txt",
        "sales-roundup.txt",
        "stellantis-leapmotor-agreed.txt",
        "xiaomi-modena-2023-10-12.txt",
        "xpeng-volkswagen.html",
    ]
    assert {name: found[name] for name in good} == dict.fromkeys(good, (ItemOutcome.NEW, ""))
    assert found["empty.txt"] == (ItemOutcome.FAILED, "empty file")
    assert found["photo.txt"][0] == ItemOutcome.FAILED
    assert "binary" in found["photo.txt"][1]
    assert found["oversized.txt"][0] == ItemOutcome.FAILED
    assert "limit" in found["oversized.txt"][1]
    assert Article.objects.count() == 5
    seed = Article.objects.get(source="xiaomi-modena-2023-10-12.txt")
    xiaomi = Company.objects.get(name="Xiaomi")
    assert ReportedTalk.objects.between(xiaomi, Company.objects.get(name="Chery")).exists()
    assert Investment.objects.filter(investor=xiaomi, amount=10_000_000_000).exists()
    assert Approval.objects.filter(subject=xiaomi, regulator__name="MIIT").exists()
    assert seed.evidence.count() == 4
    for evidence in Evidence.objects.select_related("article"):
        assert evidence.sentence == evidence.article.body[evidence.start : evidence.end]
    before = row_counts()

    again = runs.start_run(str(folder), [str(folder)])
    tasks.ingest_run.delay_on_commit(again.pk)
    wait_for(again.pk)

    again.refresh_from_db()
    assert again.status == RunStatus.FINISHED
    found_again = outcomes(again)
    assert {name: found_again[name][0] for name in good} == dict.fromkeys(
        good, ItemOutcome.DUPLICATE
    )
    assert row_counts() == before


def test_it_keeps_one_article_when_two_tasks_ingest_it_at_once(worker, companies):
    article = DATA / "reports" / "xiaomi-chery-confirmed.txt"
    first = runs.start_run("first", [str(article)])
    second = runs.start_run("second", [str(article)])

    # Two items of the same file, one per worker thread, enqueued back to back.
    tasks.ingest_item.delay(runs.pending_item_ids(first.pk)[0])
    tasks.ingest_item.delay(runs.pending_item_ids(second.pk)[0])
    wait_for(first.pk, second.pk)

    items = [run.items.get() for run in IngestionRun.objects.filter(pk__in=[first.pk, second.pk])]
    assert sorted(item.outcome for item in items) == [ItemOutcome.DUPLICATE, ItemOutcome.NEW]
    assert Article.objects.count() == 1
    assert items[0].article_id == items[1].article_id
    talk = ReportedTalk.objects.get()
    # One report, one piece of evidence, one history entry: the loser added nothing.
    assert talk.evidence.count() == 1
    assert talk.changes.count() == 1


@pytest.fixture
def fewer_retries():
    # Backoff doubles from 1 s (with jitter): two retries keep the test within seconds.
    previous = tasks.ingest_item.max_retries
    tasks.ingest_item.max_retries = 2
    yield 2
    tasks.ingest_item.max_retries = previous


def test_it_retries_a_busy_server_but_never_a_bad_address(worker, fewer_retries):
    with serve_folder(DATA / "folder", busy_paths={"/busy"}) as (base, hits):
        run = runs.start_run("addresses", [f"{base}/busy", f"{base}/missing.html"])
        tasks.ingest_run.delay_on_commit(run.pk)
        wait_for(run.pk)

    assert hits == {"/busy": 1 + fewer_retries, "/missing.html": 1}
    errors = dict(run.items.values_list("source", "error"))
    assert "503" in errors[f"{base}/busy"]  # recorded once the retries ran out
    assert "404" in errors[f"{base}/missing.html"]
    run.refresh_from_db()
    assert (run.status, run.done, run.total) == (RunStatus.FAILED, 2, 2)
