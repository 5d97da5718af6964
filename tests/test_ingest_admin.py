"""Editors start ingestion runs from admin (upload files, paste an address) and watch them."""

import re
import socket
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from evtracker.celery import app as celery_app
from evtracker.news import runs
from evtracker.news.models import Article, IngestionRun, ItemOutcome, RunStatus, SourceKind
from evtracker.partnerships.companies import load_company_list, read_company_file
from tests.factories import make_editor, make_user, serve_folder

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
DATA = Path(__file__).resolve().parent / "data" / "ingest"

pytestmark = pytest.mark.django_db


def start_url():
    return reverse("admin:news_ingestionrun_start")


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def eager_celery():
    """Tasks run in-process here (CI sets REDIS_URL, but this test has no worker)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def companies():
    load_company_list(read_company_file(ROOT / "seeds" / "companies.json"))


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def article_server():
    """A loopback web server serving tests/data/ingest/folder."""
    with serve_folder(DATA / "folder") as (base, _hits):
        yield base


def upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/plain")


def test_it_sends_anonymous_users_to_the_login_page(client):
    run = IngestionRun.objects.create(requested="x")
    progress = reverse("admin:news_ingestionrun_progress", args=[run.pk])

    for url in (start_url(), progress):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_it_refuses_staff_without_the_permission(client):
    client.force_login(make_user(is_staff=True))

    assert client.get(start_url()).status_code == 403
    assert client.post(start_url(), {"url": "https://example.com/a"}).status_code == 403
    assert not IngestionRun.objects.exists()


def test_it_shows_editors_the_start_form_from_the_run_list(editor_client):
    listing = editor_client.get(reverse("admin:news_ingestionrun_changelist"))
    assert start_url() in listing.content.decode()

    page = editor_client.get(start_url())

    assert page.status_code == 200
    body = page.content.decode()
    assert 'enctype="multipart/form-data"' in body
    assert 'name="files"' in body and "multiple" in body
    assert 'name="url"' in body


def test_it_ingests_uploaded_files_and_shows_the_run(
    editor_client, companies, eager_celery, django_capture_on_commit_callbacks, settings
):
    files = [upload(SEED), upload(DATA / "folder" / "sales-roundup.txt")]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(start_url(), {"files": files, "url": ""})

    run = IngestionRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:news_ingestionrun_change", args=[run.pk])
    assert (run.status, run.done, run.total) == (RunStatus.FINISHED, 2, 2)
    assert run.requested_by.is_staff
    assert set(run.items.values_list("outcome", flat=True)) == {ItemOutcome.NEW}
    # The uploads wait under MEDIA_ROOT/uploads/<run id>/ for whichever worker reads them.
    for item in run.items.all():
        assert Path(item.source).parent == Path(settings.MEDIA_ROOT).resolve() / "uploads" / str(
            run.pk
        )
        assert item.source_kind == SourceKind.UPLOAD
    # ... and no longer once their articles are stored: the folder is gone too.
    assert not (Path(settings.MEDIA_ROOT) / "uploads" / str(run.pk)).exists()
    seed = Article.objects.get(title__startswith="Xiaomi is exploring")
    assert seed.source == SEED.name
    assert seed.evidence.count() == 4

    page = editor_client.get(response["Location"])
    body = page.content.decode()
    assert '<progress max="2" value="2"' in body
    assert SEED.name in body
    assert reverse("admin:news_article_change", args=[seed.pk]) in body
    assert 'hx-trigger="every 1s"' not in body  # the run is over: nothing to poll
    # No inline script (the CSP forbids it): every script is a file, with the nonce.
    scripts = re.findall(r"<script[^>]*>", body)
    assert scripts
    assert all("src=" in tag and "nonce=" in tag for tag in scripts)


def test_it_ingests_a_pasted_address(
    editor_client, companies, eager_celery, django_capture_on_commit_callbacks, article_server
):
    address = f"{article_server}/xpeng-volkswagen.html"
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(start_url(), {"url": address})

    item = IngestionRun.objects.get().items.get()
    assert item.outcome == ItemOutcome.NEW, item.error
    assert item.article.url == address
    assert item.article.source_kind == SourceKind.URL
    assert item.article.title.startswith("Volkswagen and Xpeng")


def test_it_records_an_address_that_answers_404_as_failed(
    editor_client, eager_celery, django_capture_on_commit_callbacks, article_server
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(start_url(), {"url": f"{article_server}/missing.html"})

    run = IngestionRun.objects.get()
    item = run.items.get()
    assert item.outcome == ItemOutcome.FAILED
    assert "404" in item.error
    assert run.status == RunStatus.FAILED
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"url": ""}, "Choose article files or paste a web address."),
        ({"url": "ftp://example.com/a.txt"}, "Enter a valid URL."),
        ({"files": [SimpleUploadedFile("photo.png", b"\x89PNG")]}, "not an article file"),
        # Which file of several is empty.
        (
            {"files": [SimpleUploadedFile("a.txt", b"Nio."), SimpleUploadedFile("empty.txt", b"")]},
            "empty.txt: The submitted file is empty.",
        ),
    ],
)
def test_it_refuses_a_bad_request_with_a_clear_error(editor_client, data, message):
    response = editor_client.post(start_url(), {"url": "", **data})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IngestionRun.objects.exists()


def test_it_refuses_an_oversized_upload(editor_client, settings):
    settings.EVTRACKER_MAX_ARTICLE_BYTES = 1024
    big = SimpleUploadedFile("big.txt", b"Xiaomi approached Chery. " * 100)

    response = editor_client.post(start_url(), {"files": [big], "url": ""})

    assert "big.txt: larger than the" in response.content.decode()
    assert not IngestionRun.objects.exists()


def test_the_run_list_counts_the_articles_that_failed(editor_client):
    run = IngestionRun.objects.create(requested="Upload: a.txt, b.txt")
    run.items.create(source="a.txt", outcome=ItemOutcome.NEW)
    run.items.create(source="b.txt", outcome=ItemOutcome.FAILED, error="binary data")
    html = editor_client.get(reverse("admin:news_ingestionrun_changelist")).content.decode()
    assert '<td class="field-failed">1</td>' in html


def test_it_refuses_a_post_without_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())

    response = client.post(start_url(), {"url": "https://example.com/a"})

    assert response.status_code == 403
    assert not IngestionRun.objects.exists()


def test_it_polls_the_progress_while_the_run_goes_on(editor_client, companies):
    run = runs.start_run("two files", [str(SEED), str(DATA / "folder" / "sales-roundup.txt")])
    runs.process_item(runs.pending_item_ids(run.pk)[0])
    progress = reverse("admin:news_ingestionrun_progress", args=[run.pk])

    page = editor_client.get(reverse("admin:news_ingestionrun_change", args=[run.pk]))
    fragment = editor_client.get(progress, headers={"HX-Request": "true"})

    assert f'hx-get="{progress}"' in page.content.decode()
    body = fragment.content.decode()
    assert fragment.status_code == 200
    assert "<html" not in body
    assert 'hx-trigger="every 1s"' in body
    assert '<progress max="2" value="1"' in body
    assert "Running" in body

    runs.process_item(runs.pending_item_ids(run.pk)[0])
    done = editor_client.get(progress, headers={"HX-Request": "true"}).content.decode()

    assert 'hx-trigger="every 1s"' not in done  # polling stops
    assert '<progress max="2" value="2"' in done
    assert "Finished" in done
    # ... and the page reloads whole, so that its other fields say so too.
    over = editor_client.get(progress, headers={"HX-Request": "true"})
    assert over["HX-Refresh"] == "true"


def test_it_escapes_what_items_report(editor_client):
    run = IngestionRun.objects.create(requested="<script>alert(1)</script>", total=1)
    run.items.create(source="/tmp/<b>evil</b>.txt", error="<img src=x onerror=alert(1)>")

    body = editor_client.get(
        reverse("admin:news_ingestionrun_progress", args=[run.pk])
    ).content.decode()

    assert "<img src=x" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


@pytest.mark.parametrize("items", [1, 30])
def test_it_serves_the_run_pages_in_a_fixed_number_of_queries(
    editor_client, django_assert_max_num_queries, items
):
    for n in range(3):
        run = IngestionRun.objects.create(requested=f"run {n}", total=items)
        for i in range(items):
            article = Article.objects.create(
                title=f"A {n}-{i}",
                body=f"Body {n}-{i}.",
                published_at=run.created_at,
                source_kind=SourceKind.FILE,
            )
            run.items.create(source=f"/tmp/{n}-{i}.txt", outcome=ItemOutcome.NEW, article=article)
    progress = reverse("admin:news_ingestionrun_progress", args=[run.pk])

    with django_assert_max_num_queries(7):
        assert editor_client.get(progress).status_code == 200
    with django_assert_max_num_queries(9):
        assert editor_client.get(reverse("admin:news_ingestionrun_changelist")).status_code == 200
    with django_assert_max_num_queries(9):
        page = editor_client.get(reverse("admin:news_ingestionrun_change", args=[run.pk]))
        assert page.status_code == 200


@pytest.fixture
def unreachable_broker():
    """Celery publishing to a loopback port where nothing listens (the broker is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = celery_app.conf
    saved = {key: conf[key] for key in ("task_always_eager", "broker_url")}
    conf.update(task_always_eager=False, broker_url=f"redis://127.0.0.1:{port}/0")
    forget_broker_connections()
    yield
    conf.update(saved)
    forget_broker_connections()


def forget_broker_connections():
    # Celery keeps its connection and producer pools for the broker it first used.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_it_fails_the_run_with_a_reason_when_the_queue_is_down(
    editor_client, django_capture_on_commit_callbacks, unreachable_broker
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(start_url(), {"files": [upload(SEED)], "url": ""})

    assert response.status_code == 302
    run = IngestionRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("Could not queue the run:")
