"""Re-extraction: stored articles read again by a newer extractor (manage.py reextract, runs).

The extractor is scripted here (tests.factories.ScriptedExtractor): what matters is
what re-extraction does with a changed extraction, not what the extractor finds. One
test at the end runs the real extractor on a seed article.
"""

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from evtracker.news import ingest, runs
from evtracker.news.models import ItemOutcome, RunKind, RunStatus
from evtracker.news.upsert import apply_extraction
from evtracker.partnerships.companies import load_company_list, read_company_file
from evtracker.partnerships.models import (
    Approval,
    Event,
    EventCompany,
    Evidence,
    FactChange,
    Investment,
    ReportedTalk,
    ReviewState,
)
from tests.factories import ScriptedExtractor, make_article, make_company, make_user, talk_fact

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
XIAOMI_CHERY = "Xiaomi is in talks with Chery about a factory."
BYD_GEELY = "BYD and Geely discussed a battery deal."
BODY = f"{XIAOMI_CHERY} {BYD_GEELY} Sales rose in October."


@pytest.fixture
def companies():
    return {name: make_company(name) for name in ("Xiaomi", "Chery", "BYD", "Geely")}


@pytest.fixture
def extractor(monkeypatch, companies):
    """The extractor as it was when the articles were ingested: both talks."""
    scripted = ScriptedExtractor(
        talk_fact("Xiaomi", "Chery", XIAOMI_CHERY), talk_fact("BYD", "Geely", BYD_GEELY)
    )
    monkeypatch.setattr(ingest, "extract_article", scripted)
    return scripted


def ingested(extractor, **fields):
    article = make_article(**{"body": BODY, **fields})
    apply_extraction(article, extractor(article))
    return article


def reextract(*articles):
    run = runs.start_reextraction("test", [article.pk for article in articles])
    for item_id in runs.pending_item_ids(run.pk):
        runs.process_item_now(item_id)
    run.refresh_from_db()
    return run


def byd_geely():
    return ReportedTalk.objects.get(party_a__name__in=["BYD", "Geely"])


def snapshot():
    """Everything re-extraction could change, counted."""
    models = (ReportedTalk, Investment, Approval, Evidence, FactChange, Event, EventCompany)
    counts = {model.__name__: model.objects.count() for model in models}
    counts["states"] = sorted(ReportedTalk.objects.values_list("pk", "review_state", "status"))
    counts["reports"] = sorted(ReportedTalk.objects.values_list("pk", "report_count"))
    counts["retired events"] = Event.objects.filter(retired=True).count()
    return counts


def test_it_adds_a_fact_the_new_extractor_finds(extractor):
    extractor.facts = extractor.facts[:1]  # the old extractor missed BYD and Geely
    article = ingested(extractor)
    assert ReportedTalk.objects.count() == 1
    extractor.facts.append(talk_fact("BYD", "Geely", BYD_GEELY))

    run = reextract(article)

    assert (run.kind, run.status, run.done, run.total) == (
        RunKind.REEXTRACT,
        RunStatus.FINISHED,
        1,
        1,
    )
    item = run.items.get()
    assert item.outcome == ItemOutcome.CHANGED
    assert item.changes == "1 fact added, 1 report added"
    talk = byd_geely()
    assert talk.report_count == 1
    assert talk.evidence.get().explanation == "in talks"
    assert Event.objects.filter(talk=talk, retired=False).count() == 1


def test_it_retires_an_unreviewed_fact_only_the_old_extractor_found(client, extractor):
    article = ingested(extractor)
    talk = byd_geely()
    events = set(Event.objects.filter(talk=talk).values_list("pk", flat=True))
    assert f'id="event-{events.pop()}"' in client.get("/").content.decode()
    extractor.facts = extractor.facts[:1]  # the new extractor no longer finds BYD and Geely

    run = reextract(article)

    assert run.items.get().changes == "1 fact retired"
    talk.refresh_from_db()
    assert talk.review_state == ReviewState.RETIRED
    # Kept: the fact, its last report and its history, with the retirement in it.
    assert talk.evidence.count() == 1
    change = talk.changes.get(field="review_state")
    assert (change.old_value, change.new_value, change.article_id) == (
        "unreviewed",
        "retired",
        article.pk,
    )
    assert talk.changes.filter(field="created").exists()
    event = Event.objects.get(talk=talk)
    assert event.retired
    assert not EventCompany.objects.filter(event=event).exists()
    # Gone from every public page, feed and export.
    for url in ("/", "/?company=byd", "/companies/byd/", "/boards/talks/", "/feeds/timeline.atom"):
        body = client.get(url).content.decode()
        assert "Geely" not in body.replace('value="geely"', "").replace(">Geely</option>", ""), url
    assert f'id="event-{event.pk}"' not in client.get("/").content.decode()
    export = b"".join(client.get("/export/talks.csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(export)))
    assert [row["party_b"] for row in rows] == ["Chery"] or [r["party_a"] for r in rows] == [
        "Xiaomi"
    ]
    article_page = client.get(f"/articles/{article.pk}/").content.decode()
    assert f"evidence-{talk.evidence.get().pk}" not in article_page
    # The other talk is still there.
    assert "Chery" in client.get("/").content.decode()


def test_it_removes_a_stale_report_and_retires_the_fact_once_every_report_is_gone(extractor):
    first = ingested(extractor)
    second = ingested(extractor, body=f"Earlier: {BYD_GEELY}")
    talk = byd_geely()
    assert talk.report_count == 2
    extractor.facts = extractor.facts[:1]

    run = reextract(first)

    assert run.items.get().changes == "1 report removed"
    talk.refresh_from_db()
    assert (talk.review_state, talk.report_count) == (ReviewState.UNREVIEWED, 1)
    assert list(talk.evidence.values_list("article", flat=True)) == [second.pk]
    removed = talk.changes.get(field="evidence")
    assert (removed.old_value, removed.article_id) == (BYD_GEELY, first.pk)

    reextract(second)

    talk.refresh_from_db()
    assert talk.review_state == ReviewState.RETIRED
    assert list(talk.evidence.values_list("article", flat=True)) == [second.pk]


def test_it_keeps_a_fact_that_an_article_not_reextracted_still_reports(extractor):
    first = ingested(extractor)
    ingested(extractor, body=f"Earlier: {BYD_GEELY}")
    extractor.facts = extractor.facts[:1]

    reextract(first)
    reextract(first)

    talk = byd_geely()
    assert (talk.review_state, talk.report_count) == (ReviewState.UNREVIEWED, 1)


@pytest.mark.parametrize("state", [ReviewState.REVIEWED, ReviewState.FLAGGED])
def test_it_leaves_a_reviewed_fact_untouched(extractor, state):
    article = ingested(extractor)
    talk = byd_geely()
    ReportedTalk.objects.filter(pk=talk.pk).update(review_state=state)
    talk.refresh_from_db()
    history = list(talk.changes.values_list("pk", flat=True))
    evidence = list(talk.evidence.values_list("pk", "explanation"))
    extractor.facts = [
        talk_fact("Xiaomi", "Chery", XIAOMI_CHERY),
        # The new extractor reads another status in the same sentence, and a new reason.
        talk_fact("BYD", "Geely", BYD_GEELY, status="agreed", why=("deal",)),
    ]

    reextract(article)
    extractor.facts = extractor.facts[:1]  # and then no longer finds it at all
    reextract(article)

    fresh = ReportedTalk.objects.get(pk=talk.pk)
    assert (fresh.review_state, fresh.status, fresh.updated_at) == (
        state,
        "rumoured",
        talk.updated_at,
    )
    assert list(fresh.changes.values_list("pk", flat=True)) == history
    assert list(fresh.evidence.values_list("pk", "explanation")) == evidence
    assert not Event.objects.filter(talk=fresh, retired=True).exists()


def test_it_moves_a_status_its_reports_no_longer_give(client, extractor):
    extractor.facts[1] = talk_fact("BYD", "Geely", BYD_GEELY, status="agreed")
    article = ingested(extractor)
    assert byd_geely().status == "agreed"
    extractor.facts[1] = talk_fact("BYD", "Geely", BYD_GEELY, status="rumoured")

    run = reextract(article)

    assert run.items.get().changes == "1 fact updated, 1 report read anew"
    talk = byd_geely()
    assert talk.status == "rumoured"
    assert talk.evidence.get().reported_status == "rumoured"
    change = talk.changes.get(field="status")
    assert (change.old_value, change.new_value, change.article_id) == (
        "agreed",
        "rumoured",
        article.pk,
    )
    moved = Event.objects.get(talk=talk, kind="status")
    assert (moved.previous_status, moved.status) == ("agreed", "rumoured")
    assert f'id="event-{moved.pk}"' in client.get("/").content.decode()
    assert reextract(article).items.get().outcome == ItemOutcome.UNCHANGED


def test_it_keeps_a_status_another_report_or_an_editor_gives(extractor):
    extractor.facts[1] = talk_fact("BYD", "Geely", BYD_GEELY, status="agreed")
    first = ingested(extractor)
    ingested(extractor, body=f"Earlier: {BYD_GEELY}")
    xiaomi_chery = ReportedTalk.objects.get(party_a__name__in=["Xiaomi", "Chery"])
    xiaomi_chery.status = "agreed"
    xiaomi_chery.save(changed_by=make_user())  # an editor's move, not a review
    extractor.facts = [
        talk_fact("Xiaomi", "Chery", XIAOMI_CHERY, status="confirmed"),
        talk_fact("BYD", "Geely", BYD_GEELY, status="rumoured"),
    ]

    reextract(first)

    # The other article still says agreed; the editor said agreed.
    assert byd_geely().status == "agreed"
    xiaomi_chery.refresh_from_db()
    assert (xiaomi_chery.status, xiaomi_chery.review_state) == ("agreed", ReviewState.UNREVIEWED)
    assert xiaomi_chery.evidence.get().reported_status == "confirmed"


def test_it_changes_nothing_the_second_time(extractor):
    first = ingested(extractor)
    second = ingested(extractor, body=f"Earlier: {BYD_GEELY} And {XIAOMI_CHERY}")
    extractor.facts = [
        talk_fact("Xiaomi", "Chery", XIAOMI_CHERY, status="confirmed", why=("confirmed",)),
        talk_fact("Chery", "BYD", "Sales rose in October."),
    ]
    reextract(first, second)
    before = snapshot()

    run = reextract(first, second)

    assert snapshot() == before
    assert set(run.items.values_list("outcome", "changes")) == {
        (ItemOutcome.UNCHANGED, "no change")
    }


def test_it_brings_back_a_retired_fact_found_again(client, extractor):
    article = ingested(extractor)
    extractor.facts, everything = extractor.facts[:1], extractor.facts
    reextract(article)
    talk = byd_geely()
    assert talk.review_state == ReviewState.RETIRED
    extractor.facts = everything

    run = reextract(article)

    assert run.items.get().changes == "1 fact restored"
    talk.refresh_from_db()
    assert talk.review_state == ReviewState.UNREVIEWED
    assert talk.changes.filter(field="review_state", new_value="unreviewed").exists()
    event = Event.objects.get(talk=talk, retired=False)
    assert EventCompany.objects.filter(event=event).count() == 2
    assert f'id="event-{event.pk}"' in client.get("/?company=geely").content.decode()


def test_it_selects_articles_by_date_and_company(extractor, companies):
    old = ingested(extractor, published_at=datetime(2023, 1, 5, tzinfo=UTC))
    new = ingested(
        extractor,
        body=f"Later: {BYD_GEELY}",
        published_at=datetime(2024, 3, 1, tzinfo=UTC),
    )
    # No fact, but it names Xiaomi: re-extraction may find one now.
    named = make_article(
        body="Xiaomi opened a showroom.", published_at=datetime(2024, 6, 1, tzinfo=UTC)
    )
    make_article(body="Nothing here.", published_at=datetime(2024, 6, 2, tzinfo=UTC))

    def chosen(*args):
        call_command("reextract", *args, stdout=io.StringIO())
        run = runs.IngestionRun.objects.order_by("-pk").first()
        assert run.kind == RunKind.REEXTRACT and run.status == RunStatus.FINISHED
        return set(run.items.values_list("article_id", flat=True))

    assert chosen("--since", "2024-01-01") == {new.pk, named.pk, named.pk + 1}
    assert chosen("--company", "xiaomi") == {old.pk, named.pk}
    assert chosen("--company", "geely") == {old.pk, new.pk}
    assert chosen("--since", "2024-01-01", "--company", "xiaomi") == {named.pk}
    with pytest.raises(CommandError, match="No company"):
        call_command("reextract", "--company", "nobody")
    with pytest.raises(CommandError, match="Nothing to re-extract"):
        call_command("reextract", "--since", "2030-01-01")


def test_it_reextracts_with_the_real_extractor_idempotently():
    load_company_list(read_company_file(ROOT / "seeds" / "companies.json"))
    seed = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
    run = runs.start_run("seed", [str(seed)])
    for item_id in runs.pending_item_ids(run.pk):
        runs.process_item_now(item_id)
    article = run.items.get().article
    assert Evidence.objects.filter(article=article).exists()
    before = snapshot()

    first = reextract(article)
    second = reextract(article)

    # The extractor that ingested it is the one that reads it again: nothing changes.
    assert snapshot() == before
    assert first.items.get().outcome == ItemOutcome.UNCHANGED
    assert second.items.get().outcome == ItemOutcome.UNCHANGED
