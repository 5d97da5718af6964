"""python manage.py ingest PATH_OR_URL... [--async]"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from evtracker.celery import app as celery_app
from evtracker.news.models import Article, IngestionRun, ItemOutcome, RunStatus, SourceKind
from evtracker.partnerships.companies import load_company_list, read_company_file
from evtracker.partnerships.models import Evidence

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"
DATA = Path(__file__).resolve().parent / "data" / "ingest"

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies():
    load_company_list(read_company_file(ROOT / "seeds" / "companies.json"))


@pytest.fixture
def eager_celery():
    """Tasks run in-process here (CI sets REDIS_URL, but this test has no worker)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def ingest(*args):
    out = StringIO()
    call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue()


def test_it_ingests_the_seeds_folder_and_reports_each_article(companies):
    output = ingest(SEEDS)

    assert "new       " in output and "xiaomi-modena-2023-10-12.txt" in output
    assert "new 1, duplicate 0, failed 0" in output
    article = Article.objects.get()
    assert article.source_kind == SourceKind.SEED
    assert Evidence.objects.filter(article=article).count() == 4
    run = IngestionRun.objects.get()
    assert (run.status, run.done, run.total) == (RunStatus.FINISHED, 1, 1)


def test_it_reports_duplicates_the_second_time(companies):
    ingest(SEEDS)

    output = ingest(SEEDS)

    assert "new 0, duplicate 1, failed 0" in output
    assert Article.objects.count() == 1


def test_it_reports_bad_files_and_goes_on(companies):
    output = ingest(DATA / "folder" / "bad", SEEDS / "xiaomi-modena-2023-10-12.txt")

    assert "new 1, duplicate 0, failed 2" in output
    assert "(empty file)" in output
    assert "binary data" in output


def test_it_fails_when_nothing_could_be_ingested(companies):
    with pytest.raises(CommandError, match="new 0, duplicate 0, failed 2"):
        ingest(DATA / "folder" / "bad")

    assert not Article.objects.exists()


def test_it_fails_when_a_folder_holds_no_article(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")

    with pytest.raises(CommandError, match="Nothing to ingest"):
        ingest(tmp_path)


def test_it_enqueues_a_run_with_async(companies, eager_celery, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as enqueued:
        output = ingest("--async", SEEDS)

    run = IngestionRun.objects.get()
    assert f"Run {run.pk} queued: 1 article(s)." in output
    assert len(enqueued) == 1  # enqueued once the run is committed
    # Without a broker Celery runs eagerly, so the run is already over.
    run.refresh_from_db()
    assert run.status == RunStatus.FINISHED
    assert run.items.get().outcome == ItemOutcome.NEW
