"""Editors re-extract chosen articles from the article list (an admin action) and watch the run."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from evtracker.celery import app as celery_app
from evtracker.news import ingest, runs
from evtracker.news.models import IngestionRun, ItemOutcome, RunKind, RunStatus
from evtracker.news.upsert import apply_extraction
from evtracker.partnerships.models import Event, EventCompany, ReportedTalk, ReviewState
from tests.factories import (
    ScriptedExtractor,
    make_article,
    make_company,
    make_editor,
    make_user,
    talk_fact,
)

pytestmark = pytest.mark.django_db

SENTENCE = "BYD and Geely discussed a battery deal."
ACTION = "reextract_articles"


@pytest.fixture
def eager_celery():
    """Tasks run in-process here (CI sets REDIS_URL, but this test has no worker)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def article(monkeypatch):
    make_company("BYD"), make_company("Geely")
    extractor = ScriptedExtractor(talk_fact("BYD", "Geely", SENTENCE))
    monkeypatch.setattr(ingest, "extract_article", extractor)
    article = make_article(body=f"{SENTENCE} Sales rose.")
    apply_extraction(article, extractor(article))
    extractor.facts = []  # the new extractor no longer finds the talk
    return article


def changelist():
    return reverse("admin:news_article_changelist")


def choose(article):
    return {"action": ACTION, "_selected_action": [article.pk], "index": 0}


def test_it_reextracts_the_chosen_articles_and_shows_the_run(
    client, article, eager_celery, django_capture_on_commit_callbacks
):
    client.force_login(make_editor())
    listing = client.get(changelist()).content.decode()
    assert "Re-extract selected articles" in listing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(changelist(), choose(article))

    run = IngestionRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:news_ingestionrun_change", args=[run.pk])
    assert (run.kind, run.status, run.done, run.total) == (
        RunKind.REEXTRACT,
        RunStatus.FINISHED,
        1,
        1,
    )
    assert run.requested_by.is_staff
    assert run.items.get().outcome == ItemOutcome.CHANGED
    assert ReportedTalk.objects.get().review_state == ReviewState.RETIRED

    page = client.get(response["Location"]).content.decode()
    assert '<progress max="1" value="1"' in page
    assert "changed 1, unchanged 0, failed 0" in page
    assert "1 fact retired" in page
    assert 'hx-trigger="every 1s"' not in page


def test_it_polls_the_progress_of_a_queued_reextraction(client, article):
    client.force_login(make_editor())

    client.post(changelist(), choose(article))  # no on-commit callbacks run: still queued

    run = IngestionRun.objects.get()
    page = client.get(reverse("admin:news_ingestionrun_change", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert reverse("admin:news_ingestionrun_progress", args=[run.pk]) in page


@pytest.mark.parametrize("codenames", [("view_article",), ("view_article", "add_ingestionrun")])
def test_it_refuses_staff_without_the_change_permission(client, article, codenames):
    user = make_user(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    listing = client.get(changelist())
    assert listing.status_code == 200
    assert "Re-extract selected articles" not in listing.content.decode()

    client.post(changelist(), choose(article))

    assert not IngestionRun.objects.exists()
    assert ReportedTalk.objects.get().review_state == ReviewState.UNREVIEWED


def test_it_refuses_a_post_without_the_csrf_token(article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())

    response = client.post(changelist(), choose(article))

    assert response.status_code == 403
    assert not IngestionRun.objects.exists()


def test_it_puts_a_retired_fact_back_when_an_editor_marks_it_reviewed(client, article):
    run = runs.start_reextraction("test", [article.pk])
    runs.process_item_now(runs.pending_item_ids(run.pk)[0])
    talk = ReportedTalk.objects.get()
    assert talk.review_state == ReviewState.RETIRED
    client.force_login(make_editor())
    listing = reverse("admin:partnerships_reportedtalk_changelist")
    assert "?review_state__exact=retired" in client.get(listing).content.decode()

    client.post(listing, {"action": "mark_reviewed", "_selected_action": [talk.pk], "index": 0})

    talk.refresh_from_db()
    assert talk.review_state == ReviewState.REVIEWED
    event = Event.objects.get(talk=talk)
    assert not event.retired
    assert EventCompany.objects.filter(event=event).count() == 2
    assert f'id="event-{event.pk}"' in client.get("/").content.decode()
    assert talk.changes.filter(field="review_state", old_value="retired").exists()
