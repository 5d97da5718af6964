"""Ingestion without Celery: store an article once, upsert its facts, record a run's outcomes."""

import shutil
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from evtracker.celery import app as celery_app
from evtracker.news import ingest, runs, tasks, upsert
from evtracker.news.extract import ApprovalFact, Extraction, InvestmentFact, TalkFact
from evtracker.news.models import (
    Article,
    ArticleStatus,
    Feed,
    IngestionItem,
    IngestionRun,
    ItemOutcome,
    RunStatus,
    SourceKind,
)
from evtracker.news.readers import ParsedArticle, UnreadableArticle
from evtracker.partnerships import domain
from evtracker.partnerships.companies import load_company_list, read_company_file
from evtracker.partnerships.models import (
    Approval,
    Company,
    Event,
    EventKind,
    Evidence,
    FactChange,
    Investment,
    ReportedTalk,
    ReviewState,
)
from tests.factories import make_article, serve_folder

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
DATA = Path(__file__).resolve().parent / "data" / "ingest"
REPORTS = DATA / "reports"

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies():
    load_company_list(read_company_file(ROOT / "seeds" / "companies.json"))


def row_counts():
    models = (Article, Company, ReportedTalk, Investment, Approval, Evidence, FactChange, Event)
    return {model.__name__: model.objects.count() for model in models}


def talk_between(one, other):
    return ReportedTalk.objects.between(
        Company.objects.get(name=one), Company.objects.get(name=other)
    ).get()


def test_it_ingests_the_seed_with_exactly_its_facts(companies):
    result = ingest.ingest_path(SEED, source_kind=SourceKind.SEED)

    article = result.article
    assert result.created
    assert article.status == ArticleStatus.EXTRACTED
    assert article.published_at.date() == date(2023, 10, 12)
    talks = {
        frozenset((talk.party_a.name, talk.party_b.name)): talk
        for talk in ReportedTalk.objects.select_related("party_a", "party_b")
    }
    assert set(talks) == {
        frozenset(("Xiaomi", "Brilliance Auto")),
        frozenset(("Xiaomi", "Chery")),
    }
    for talk in talks.values():
        assert talk.status == "rumoured"
        assert [e.attributed_to for e in talk.evidence.all()] == ["Bloomberg"]
    pledge = Investment.objects.get()
    assert (pledge.investor.name, pledge.target, pledge.amount, pledge.currency) == (
        "Xiaomi",
        None,
        Decimal("10000000000"),
        "USD",
    )
    approval = Approval.objects.get()
    assert (approval.subject.name, approval.regulator.name, approval.status) == (
        "Xiaomi",
        "MIIT",
        "pending",
    )
    evidence = list(Evidence.objects.all())
    assert len(evidence) == 4
    for item in evidence:
        assert item.article == article
        assert item.sentence == article.body[item.start : item.end]
    # Each new fact is in the history and on the timeline, with the sentence it came from.
    assert FactChange.objects.filter(field="created", article=article).count() == 4
    assert Event.objects.filter(kind=EventKind.REPORTED, evidence__isnull=False).count() == 4


def test_it_changes_nothing_when_the_same_article_comes_again(companies):
    ingest.ingest_path(SEED)
    before = row_counts()
    talk = ReportedTalk.objects.first()

    again = ingest.ingest_path(SEED)

    assert not again.created
    assert row_counts() == before
    talk_after = ReportedTalk.objects.get(pk=talk.pk)
    assert talk_after.updated_at == talk.updated_at


def test_it_keeps_one_article_for_the_same_text_under_other_whitespace(companies):
    first = ingest.ingest_path(SEED)
    parsed = ParsedArticle(title="Copy", body=first.article.body.replace(". ", ".  "))

    copy = ingest.ingest_parsed(parsed, source_kind=SourceKind.UPLOAD, source="copy.txt")

    assert not copy.created
    assert copy.article == first.article
    assert Article.objects.count() == 1


def test_it_moves_a_talk_when_a_newer_report_confirms_it(companies):
    ingest.ingest_path(SEED)
    talk = talk_between("Xiaomi", "Chery")

    confirmed = ingest.ingest_path(REPORTS / "xiaomi-chery-confirmed.txt").article

    talk.refresh_from_db()
    assert talk.status == "confirmed"
    assert talk.last_reported == date(2023, 11, 2)
    assert talk.first_reported == date(2023, 10, 12)
    assert talk.evidence.values("article").distinct().count() == 2
    change = talk.changes.get(field="status")
    assert (change.old_value, change.new_value, change.article) == (
        "rumoured",
        "confirmed",
        confirmed,
    )
    event = talk.events.get(kind=EventKind.STATUS)
    assert (event.previous_status, event.status, event.occurred_on) == (
        "rumoured",
        "confirmed",
        date(2023, 11, 2),
    )
    assert event.evidence.article == confirmed
    # Brilliance Auto's talk was not in the new report and did not move.
    assert talk_between("Xiaomi", "Brilliance Auto").status == "rumoured"


def test_it_moves_a_talk_to_denied(companies):
    ingest.ingest_path(SEED)
    ingest.ingest_path(REPORTS / "xiaomi-chery-confirmed.txt")

    ingest.ingest_path(REPORTS / "xiaomi-chery-denied.txt")

    talk = talk_between("Xiaomi", "Chery")
    assert talk.status == "denied"
    assert list(talk.changes.filter(field="status").values_list("new_value", flat=True)) == [
        "denied",
        "confirmed",
    ]
    assert talk.evidence.count() == 3


def test_it_does_not_move_a_talk_back_in_time_for_an_older_report(companies):
    ingest.ingest_path(SEED)

    ingest.ingest_path(REPORTS / "xiaomi-chery-old-denial.txt")

    talk = talk_between("Xiaomi", "Chery")
    assert talk.status == "rumoured"
    assert talk.first_reported == date(2023, 9, 1)
    assert talk.evidence.count() == 2
    # The timeline tells it as it happened, as if the articles had come in date order: first
    # reported as denied on 1 September, rumoured again on 12 October.
    events = talk.events.order_by("occurred_on").values_list(
        "kind", "previous_status", "status", "occurred_on"
    )
    assert list(events) == [
        (EventKind.REPORTED, "", "denied", date(2023, 9, 1)),
        (EventKind.STATUS, "denied", "rumoured", date(2023, 10, 12)),
    ]


def test_the_same_article_again_brings_back_nothing_an_editor_took_away(
    companies, django_user_model
):
    editor = django_user_model.objects.create_user("editor")
    ingest.ingest_path(SEED)
    talk = talk_between("Xiaomi", "Chery")
    brilliance = talk_between("Xiaomi", "Brilliance Auto")
    domain.set_review_state(talk, ReviewState.RETIRED, by=editor)
    [report] = brilliance.evidence.all()
    domain.remove_evidence(report, by=editor)

    again = ingest.ingest_path(SEED)

    assert not again.created
    talk.refresh_from_db()
    assert talk.review_state == ReviewState.RETIRED
    assert not talk.changes.filter(note__startswith="Reported again").exists()
    assert brilliance.evidence.count() == 0
    # An editor who deletes an article has not judged its reports: uploaded again, they
    # come back (and the facts' history names the editor who deleted it).
    domain.set_review_state(talk, ReviewState.UNREVIEWED, by=editor)
    denial = ingest.ingest_path(REPORTS / "xiaomi-chery-denied.txt").article
    assert talk.evidence.filter(article=denial).exists()
    domain.delete_article(denial, by=editor)
    assert talk.changes.filter(field="evidence", changed_by=editor).exists()
    again = ingest.ingest_path(REPORTS / "xiaomi-chery-denied.txt")
    assert again.created and talk.evidence.filter(article=again.article).exists()
    # Re-extraction's own retirement is undone by a new report, as before.
    domain.set_review_state(talk, ReviewState.RETIRED, note="No longer extracted.")
    ingest.ingest_path(REPORTS / "xiaomi-chery-denied.txt")
    talk.refresh_from_db()
    assert talk.review_state == ReviewState.UNREVIEWED


def test_it_flags_a_reviewed_talk_instead_of_overwriting_it(companies):
    ingest.ingest_path(SEED)
    talk = talk_between("Xiaomi", "Chery")
    ReportedTalk.objects.filter(pk=talk.pk).update(review_state=ReviewState.REVIEWED)

    denial = ingest.ingest_path(REPORTS / "xiaomi-chery-denied.txt").article

    talk.refresh_from_db()
    assert talk.status == "rumoured"
    assert talk.last_reported == date(2023, 10, 12)
    assert talk.review_state == ReviewState.FLAGGED
    assert talk.evidence.filter(article=denial, reported_status="denied").exists()
    flag = talk.changes.get(field="review_state")
    assert (flag.old_value, flag.new_value, flag.article) == ("reviewed", "flagged", denial)
    assert not talk.changes.filter(field="status").exists()


def test_it_creates_an_unknown_company_found_by_its_suffix_unverified(companies):
    ingest.ingest_path(REPORTS / "unknown-maker.txt")

    newcomer = Company.objects.get(name__startswith="Zhongyuan")
    assert not newcomer.verified
    assert ReportedTalk.objects.between(Company.objects.get(name="Xiaomi"), newcomer).exists()


def test_it_refuses_a_url_already_stored_with_another_text(companies):
    first = ParsedArticle(
        title="One", body="Xiaomi approached Chery about a deal.", url="https://example.com/a"
    )
    second = ParsedArticle(
        title="Two", body="Chery denied talks with Xiaomi.", url="https://example.com/a"
    )
    stored = ingest.ingest_parsed(first, source_kind=SourceKind.URL, source=first.url)

    again = ingest.ingest_parsed(second, source_kind=SourceKind.URL, source=second.url)

    assert not again.created
    assert again.article == stored.article
    assert "first version is kept" in again.note
    assert Article.objects.get().body == first.body


def test_it_gives_a_bad_file_an_error_and_touches_nothing(companies, tmp_path):
    with pytest.raises(UnreadableArticle):
        ingest.ingest_path(DATA / "folder" / "bad" / "photo.txt")
    assert Article.objects.count() == 0


def test_it_records_each_item_of_a_run(companies, tmp_path, settings):
    settings.EVTRACKER_MAX_ARTICLE_BYTES = 64 * 1024
    oversized = tmp_path / "oversized.txt"
    oversized.write_text("Xiaomi approached Chery. " * 5000, encoding="utf-8")
    sources = [
        SEED,
        DATA / "encodings" / "cp1252.txt",
        DATA / "encodings" / "utf16.txt",
        DATA / "folder" / "bad" / "empty.txt",
        DATA / "folder" / "bad" / "photo.txt",
        oversized,
        tmp_path / "missing.txt",
    ]
    run = runs.start_run("test", [str(path) for path in sources])
    for item_id in runs.pending_item_ids(run.pk):
        runs.process_item(item_id)

    run.refresh_from_db()
    assert (run.status, run.done, run.total) == (RunStatus.FINISHED, 7, 7)
    assert run.finished_at is not None
    items = {Path(item.source).name: item for item in run.items.all()}
    assert {name: item.outcome for name, item in items.items()} == {
        "xiaomi-modena-2023-10-12.txt": ItemOutcome.NEW,
        "cp1252.txt": ItemOutcome.NEW,
        "utf16.txt": ItemOutcome.NEW,
        "empty.txt": ItemOutcome.FAILED,
        "photo.txt": ItemOutcome.FAILED,
        "oversized.txt": ItemOutcome.FAILED,
        "missing.txt": ItemOutcome.FAILED,
    }
    assert "empty" in items["empty.txt"].error
    assert "binary" in items["photo.txt"].error
    assert "limit" in items["oversized.txt"].error
    assert "no such file" in items["missing.txt"].error
    # The text in other encodings reads correctly; the bad files stored nothing.
    assert "Citroën" in items["cp1252.txt"].article.body
    assert items["utf16.txt"].article.author == "Zoë Müller"
    assert Article.objects.count() == 3


def test_it_counts_a_second_run_of_the_same_files_as_duplicates(companies):
    first = runs.start_run("first", [str(SEED)])
    runs.process_item(runs.pending_item_ids(first.pk)[0])
    before = row_counts()

    second = runs.start_run("second", [str(SEED)])
    item = runs.process_item(runs.pending_item_ids(second.pk)[0])

    assert item.outcome == ItemOutcome.DUPLICATE
    assert item.article == Article.objects.get()
    assert row_counts() == before


def test_it_processes_an_item_only_once(companies):
    run = runs.start_run("once", [str(SEED)])
    item_id = runs.pending_item_ids(run.pk)[0]

    runs.process_item(item_id)
    runs.process_item(item_id)  # a redelivered task

    run.refresh_from_db()
    assert (run.done, run.total, run.status) == (1, 1, RunStatus.FINISHED)


def test_it_fails_a_run_where_every_article_failed(companies):
    run = runs.start_run("bad", [str(DATA / "folder" / "bad")])
    for item_id in runs.pending_item_ids(run.pk):
        runs.process_item(item_id)

    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.total == 2
    assert IngestionItem.objects.filter(outcome=ItemOutcome.FAILED).count() == 2


def test_it_finds_articles_in_folders_recursively():
    sources = runs.expand_sources([str(DATA / "folder"), "https://example.com/news/1"])

    names = [Path(source).name for source in sources]
    assert names == [
        "empty.txt",
        "photo.txt",
        "cyvn-nio-stake.txt",
        "sales-roundup.txt",
        "stellantis-leapmotor-agreed.txt",
        "xiaomi-modena-2023-10-12.txt",
        "xpeng-volkswagen.html",
        "1",
    ]


def test_it_rebuilds_the_company_index_when_the_list_changes(companies):
    index = ingest.company_index()
    assert ingest.company_index() is index

    Company.objects.create(name="Zhongyuan Motors", slug="zhongyuan-motors")

    assert ingest.company_index() is not index


@pytest.mark.parametrize(
    ("current", "reported", "reported_on", "moves"),
    [
        ("rumoured", "confirmed", date(2023, 11, 1), True),
        ("confirmed", "rumoured", date(2023, 11, 1), False),  # a later rumour undoes nothing
        ("agreed", "ended", date(2023, 11, 1), True),
        ("rumoured", "denied", date(2023, 9, 1), False),  # older than the current status
        ("denied", "rumoured", date(2023, 10, 12), False),  # revived only by a newer report
        ("denied", "rumoured", date(2023, 11, 1), True),
    ],
)
def test_it_moves_a_status_only_forward_in_time(current, reported, reported_on, moves):
    assert (
        upsert.moves_status(
            current,
            reported,
            reported_on,
            date(2023, 10, 12),
            ReportedTalk,
        )
        is moves
    )


@pytest.fixture
def web(tmp_path):
    """A loopback web server for a copy of tests/data/ingest/folder; yields (base, root, hits)."""
    root = tmp_path / "site"
    shutil.copytree(DATA / "folder", root)
    with serve_folder(root, busy_paths={"/busy"}) as (base, hits):
        yield base, root, hits


def write_feed(root, base, *paths):
    entries = "".join(
        f"<item><title>{path}</title><link>{base}/{path}</link><guid>{path}</guid></item>"
        for path in paths
    )
    (root / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>EV wire</title>'
        f"<link>{base}/</link><description>News</description>{entries}</channel></rss>"
    )


def test_it_polls_a_feed_and_ingests_its_new_entries(companies, web):
    base, root, _hits = web
    write_feed(root, base, "xpeng-volkswagen.html", "cyvn-nio-stake.txt")
    feed = Feed.objects.create(name="EV wire", url=f"{base}/feed.xml")

    run = runs.poll_feed(feed)
    for item_id in runs.pending_item_ids(run.pk):
        runs.process_item(item_id)

    run.refresh_from_db()
    assert (run.status, run.total, run.feed) == (RunStatus.FINISHED, 2, feed)
    articles = Article.objects.filter(feed=feed, source_kind=SourceKind.FEED)
    assert sorted(a.url for a in articles) == [
        f"{base}/cyvn-nio-stake.txt",
        f"{base}/xpeng-volkswagen.html",
    ]
    feed.refresh_from_db()
    assert feed.last_polled_at is not None
    assert feed.last_error == ""
    # Polled again: every entry is stored already, so nothing is started.
    assert runs.poll_feed(feed) is None


def test_an_editor_polls_a_feed_now_from_the_admin(
    companies, web, admin_client, django_capture_on_commit_callbacks
):
    """Without waiting for the beat, which the embedded set-up (no Redis) never has."""
    base, root, _hits = web
    write_feed(root, base, "cyvn-nio-stake.txt")
    feed = Feed.objects.create(name="EV wire", url=f"{base}/feed.xml", active=False)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True  # this test has no worker
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                "/admin/news/feed/",
                {"action": "poll_now", "_selected_action": [feed.pk]},
                follow=True,
            )
    finally:
        celery_app.conf.task_always_eager = eager
    assert "1 feed polled now" in response.content.decode()
    feed.refresh_from_db()
    assert feed.active and feed.last_polled_at is not None
    assert Article.objects.filter(feed=feed, url=f"{base}/cyvn-nio-stake.txt").exists()


def test_it_records_on_the_feed_when_it_is_not_a_feed(web):
    base, _root, _hits = web
    feed = Feed.objects.create(name="Not a feed", url=f"{base}/xpeng-volkswagen.html")

    assert runs.poll_feed(feed) is None

    feed.refresh_from_db()
    assert "not an RSS or Atom feed" in feed.last_error
    assert not IngestionRun.objects.exists()


def test_it_fails_a_busy_server_at_once_when_celery_runs_in_process(companies, web):
    base, _root, hits = web
    run = runs.start_run("two addresses", [f"{base}/busy", f"{base}/missing.html"])
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        tasks.ingest_run.delay(run.pk)
    finally:
        celery_app.conf.task_always_eager = previous

    # Without a broker nothing could retry later: the busy address fails at once, with why.
    assert hits == {"/busy": 1, "/missing.html": 1}
    errors = dict(run.items.values_list("source", "error"))
    assert "503" in errors[f"{base}/busy"]
    assert "404" in errors[f"{base}/missing.html"]
    run.refresh_from_db()
    assert (run.status, run.done) == (RunStatus.FAILED, 2)


def report_in(body, sentence, published=date(2024, 1, 5)):
    """An article with this body, and where the sentence sits in it."""
    article = make_article(
        body=body, published_at=datetime(published.year, published.month, published.day, tzinfo=UTC)
    )
    start = body.index(sentence)
    return article, start, start + len(sentence)


def test_it_moves_an_approval_to_granted_on_a_newer_report(companies):
    ingest.ingest_path(SEED)
    approval = Approval.objects.get()
    sentence = "Xiaomi has received approval from the MIIT to build cars."
    article, start, end = report_in(f"Beijing. {sentence} More later.", sentence)
    granted = ApprovalFact(
        subject="Xiaomi",
        regulator="MIIT",
        what=approval.what,
        status="granted",
        sentence=sentence,
        start=start,
        end=end,
        on=date(2024, 1, 5),
        attributed_to=None,
    )

    counts = upsert.apply_extraction(article, Extraction(approvals=[granted]))

    approval.refresh_from_db()
    assert (approval.status, approval.as_of) == ("granted", date(2024, 1, 5))
    assert (counts.evidence_added, counts.facts_updated, counts.facts_created) == (1, 1, 0)
    assert approval.changes.get(field="status").article == article
    assert approval.events.filter(kind=EventKind.STATUS, status="granted").exists()
    # The same report again adds nothing.
    assert upsert.apply_extraction(article, Extraction(approvals=[granted])).evidence_added == 0


def test_it_corroborates_an_investment_reported_again(companies):
    ingest.ingest_path(SEED)
    pledge = Investment.objects.get()
    sentence = "Xiaomi will spend $10 billion on electric cars."
    article, start, end = report_in(f"Update. {sentence}", sentence)
    again = InvestmentFact(
        investor="Xiaomi",
        target=None,
        amount=Decimal("10000000000"),
        currency="USD",
        kind="pledge",
        stake_percent=None,
        purpose="electric cars",
        sentence=sentence,
        start=start,
        end=end,
        on=date(2024, 1, 5),
        attributed_to=None,
    )

    upsert.apply_extraction(article, Extraction(investments=[again]))

    assert Investment.objects.get() == pledge
    pledge.refresh_from_db()
    assert pledge.evidence.count() == 2
    assert pledge.announced_on == date(2023, 10, 12)  # the first report's date stands


def test_it_skips_a_fact_whose_offsets_fall_outside_the_article(companies):
    article, _start, _end = report_in("Xiaomi talks to Chery.", "Xiaomi talks to Chery.")
    broken = TalkFact(
        parties=("Xiaomi", "Chery"),
        status="rumoured",
        attributed_to=None,
        topic="",
        sentence="Xiaomi talks to Chery.",
        start=10,
        end=500,
        on=date(2024, 1, 5),
    )

    counts = upsert.apply_extraction(article, Extraction(talks=[broken]))

    assert counts.skipped
    assert not ReportedTalk.objects.exists()


def test_it_keeps_an_approval_by_a_body_that_is_no_company_under_what_it_is(companies):
    sentence = "Toyota said foreign competition authorities had cleared the deal."
    article, start, end = report_in(sentence, sentence)
    cleared = ApprovalFact(
        subject="Xiaomi",
        regulator="foreign competition authorities",
        what="clearance",
        status="granted",
        attributed_to=None,
        sentence=sentence,
        start=start,
        end=end,
        on=date(2024, 1, 5),
    )

    counts = upsert.apply_extraction(article, Extraction(approvals=[cleared]))

    assert not counts.skipped
    approval = Approval.objects.get()
    assert approval.regulator is None
    assert approval.what == "clearance (foreign competition authorities)"
    assert approval.evidence.get().sentence == sentence


def test_a_later_copy_fills_in_what_the_first_copy_of_an_article_lacked():
    body = "Xiaomi approached Chery about building its car, people familiar said."
    first, _ = ingest.store_article(
        ParsedArticle(title="", body=body), source_kind="file", source="xiaomi.txt"
    )
    assert (first.title, first.outlet, first.url) == ("xiaomi.txt", "", None)

    again, created = ingest.store_article(
        ParsedArticle(
            title="Xiaomi approaches Chery",
            body=body,
            outlet="Bloomberg",
            author="A. Reporter",
            url="https://example.com/xiaomi-chery",
        ),
        source_kind="url",
        source="https://example.com/xiaomi-chery",
    )

    assert not created and again.pk == first.pk
    first.refresh_from_db()
    assert first.title == "Xiaomi approaches Chery"
    assert (first.outlet, first.author) == ("Bloomberg", "A. Reporter")
    assert first.url == "https://example.com/xiaomi-chery"
    assert first.body == body


def test_a_later_copy_never_overwrites_what_the_first_copy_had():
    body = "Xiaomi approached Chery about building its car, people familiar said."
    first, _ = ingest.store_article(
        ParsedArticle(title="Xiaomi and Chery", body=body, outlet="Reuters"),
        source_kind="file",
        source="a.txt",
    )

    ingest.store_article(
        ParsedArticle(title="Other title", body=body, outlet="Bloomberg"),
        source_kind="file",
        source="b.txt",
    )

    first.refresh_from_db()
    assert (first.title, first.outlet) == ("Xiaomi and Chery", "Reuters")


def test_an_older_report_of_the_same_status_dates_its_move_earlier(companies):
    def report(status, on):
        sentence = f"On {on:%d %B} Xiaomi and Chery were said to be {status}."
        article, start, end = report_in(sentence, sentence, published=on)
        fact = TalkFact(
            parties=("Xiaomi", "Chery"),
            status=status,
            attributed_to=None,
            topic="",
            sentence=sentence,
            start=start,
            end=end,
            on=on,
        )
        upsert.apply_extraction(article, Extraction(talks=[fact]))

    report("rumoured", date(2021, 2, 19))
    report("denied", date(2021, 3, 31))
    report("denied", date(2021, 2, 20))  # ingested last, but the denial came first

    talk = talk_between("Xiaomi", "Chery")
    events = talk.events.order_by("occurred_on").values_list("kind", "status", "occurred_on")
    assert list(events) == [
        (EventKind.REPORTED, "rumoured", date(2021, 2, 19)),
        (EventKind.STATUS, "denied", date(2021, 2, 20)),
    ]
    moved = talk.events.get(kind=EventKind.STATUS)
    assert moved.evidence.reported_on == date(2021, 2, 20)
    assert talk.changes.filter(field="status_since").count() == 1
