"""generate_corpus: a reproducible synthetic corpus that the pages read like ingested data."""

import json
from collections import Counter, defaultdict
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count

from evtracker.news.models import Article, content_hash
from evtracker.partnerships.corpus import CorpusError, generate_corpus
from evtracker.partnerships.corpus.build import GENERATED_SOURCE_PREFIX
from evtracker.partnerships.corpus.plan import TOTAL_COMPANIES
from evtracker.partnerships.describe import describe_event
from evtracker.partnerships.models import (
    Approval,
    Company,
    Event,
    EventCompany,
    EventKind,
    Evidence,
    FactChange,
    FactType,
    Investment,
    ReportedTalk,
)
from evtracker.partnerships.timeline import Filters, timeline_page

from .factories import make_article, make_company, make_talk

postgres = pytest.mark.postgres
TABLES = (Article, Company, ReportedTalk, Investment, Approval, Evidence, Event, EventCompany,
          FactChange)  # fmt: skip


def rows_of(*models):
    """Every column of every row of the models, by id: what 'the same rows' means."""
    snapshot = {}
    for model in models:
        columns = [field.attname for field in model._meta.concrete_fields]
        snapshot[model.__name__] = list(model.objects.order_by("pk").values_list(*columns))
    return snapshot


def companies_of(fact):
    roles = {FactType.TALK: ("party_a", "party_b"), FactType.INVESTMENT: ("investor", "target"),
             FactType.APPROVAL: ("subject", "regulator")}[fact.fact_type]  # fmt: skip
    return {getattr(fact, f"{role}_id") for role in roles} - {None}


@pytest.mark.django_db
def test_it_refuses_sqlite_with_a_clear_message():
    if connection.vendor == "postgresql":
        pytest.skip("this test is about SQLite")
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("generate_corpus", articles=10, stdout=StringIO())
    assert not Article.objects.exists()


@postgres
@pytest.mark.django_db
def test_it_writes_the_articles_asked_for_with_realistic_distinct_bodies():
    out = StringIO()
    call_command("generate_corpus", articles=300, seed=4, stdout=out)

    articles = list(Article.objects.all())
    assert len(articles) == 300
    assert all(a.source.startswith(GENERATED_SOURCE_PREFIX) for a in articles)
    assert len({a.content_hash for a in articles}) == 300
    assert all(a.content_hash == content_hash(a.body) for a in articles)
    words = [len(a.body.split()) for a in articles]
    assert min(words) >= 300 and max(words) <= 700
    # The company list, made up to about TOTAL_COMPANIES with generated names when shorter.
    listed = len(json.loads((settings.BASE_DIR / "seeds" / "companies.json").read_text("utf-8")))
    expected = max(TOTAL_COMPANIES, listed)
    assert expected - 100 <= Company.objects.count() <= expected + 100
    output = out.getvalue()
    assert "articles: 300" in output and "elapsed:" in output


@postgres
@pytest.mark.django_db
def test_it_writes_the_same_rows_for_the_same_seed():
    generate_corpus(250, seed=11)
    first = rows_of(*TABLES)
    generate_corpus(250, seed=11)
    assert rows_of(*TABLES) == first

    generate_corpus(250, seed=12)
    other = rows_of(Article, ReportedTalk)
    assert other["Article"] != first["Article"]
    assert other["ReportedTalk"] != first["ReportedTalk"]


@postgres
@pytest.mark.django_db
def test_it_replaces_a_corpus_it_generated_before():
    generate_corpus(200, seed=1)
    generate_corpus(120, seed=2)

    assert Article.objects.count() == 120
    assert not Evidence.objects.exclude(article__source__contains="seed=2:").exists()
    assert ReportedTalk.objects.filter(evidence__isnull=True).count() == 0


@postgres
@pytest.mark.django_db
def test_it_refuses_a_database_with_other_articles_unless_forced():
    kept = make_article()
    with pytest.raises(CorpusError, match="1 articles"):
        generate_corpus(50, seed=1)
    assert Article.objects.count() == 1

    with pytest.raises(CommandError, match="--force"):
        call_command("generate_corpus", articles=50, stdout=StringIO())

    call_command("generate_corpus", articles=50, force=True, stdout=StringIO())
    assert Article.objects.filter(pk=kept.pk).exists()
    assert Article.objects.filter(source__startswith=GENERATED_SOURCE_PREFIX).count() == 50


@postgres
@pytest.mark.django_db
def test_it_refuses_a_database_with_facts_an_editor_entered():
    talk = make_talk()
    with pytest.raises(CorpusError, match="1 facts"):
        generate_corpus(50, seed=1)
    assert ReportedTalk.objects.get() == talk


@postgres
@pytest.mark.django_db
def test_forced_it_keeps_clear_of_existing_facts_and_replaces_its_own():
    byd, toyota = make_company("BYD"), make_company("Toyota")
    talk = make_talk(byd, toyota, topic="an editor's talk")
    generate_corpus(400, seed=3, force=True)
    generate_corpus(300, seed=3, force=True)

    assert ReportedTalk.objects.get(pk=talk.pk).topic == "an editor's talk"
    assert ReportedTalk.objects.filter(party_a=talk.party_a, party_b=talk.party_b).count() == 1
    assert Article.objects.count() == 300


@postgres
@pytest.mark.django_db
def test_it_puts_a_few_automakers_in_most_of_the_news():
    generate_corpus(600, seed=5)

    named = defaultdict(set)
    for article_id, *names in Evidence.objects.values_list(
        "article_id",
        "talk__party_a__name",
        "talk__party_b__name",
        "investment__investor__name",
        "investment__target__name",
        "approval__subject__name",
    ):
        named[article_id].update(name for name in names if name)
    articles_per_company = Counter(name for names in named.values() for name in names)
    automakers = set(Company.objects.automakers().values_list("name", flat=True))
    top_five = [n for n, _ in articles_per_company.most_common() if n in automakers][:5]
    in_top_five = sum(1 for names in named.values() if names & set(top_five))
    assert "BYD" in top_five
    assert in_top_five > len(named) / 2
    # ...and most companies that are in the news at all are in it rarely.
    rarely = sum(1 for count in articles_per_company.values() if count <= 3)
    assert rarely > len(articles_per_company) / 2


@postgres
@pytest.mark.django_db
def test_its_evidence_points_at_the_sentence_of_the_article():
    generate_corpus(300, seed=6)

    evidence = list(Evidence.objects.select_related("article"))
    assert len(evidence) > 300
    for row in evidence:
        assert row.article.body[row.start : row.end] == row.sentence
        assert row.reported_on == row.article.published_at.date()


@postgres
@pytest.mark.django_db
def test_its_events_and_history_are_what_fact_save_writes():
    generate_corpus(400, seed=8)

    for model in (ReportedTalk, Investment, Approval):
        facts = list(model.objects.prefetch_related("events__participants", "evidence"))
        assert facts
        for fact in facts:
            events = sorted(fact.events.all(), key=lambda e: (e.occurred_on, e.id))
            first, *moves = events
            evidence = sorted(fact.evidence.all(), key=lambda e: (e.reported_on, e.id))
            assert first.kind == EventKind.REPORTED
            assert first.evidence_id == evidence[0].id
            assert first.occurred_on == evidence[0].reported_on
            assert first.status == evidence[0].reported_status
            status = first.status
            for event in moves:
                assert event.kind == EventKind.STATUS
                assert event.previous_status == status
                status = event.status
            assert status == getattr(fact, "status", "")
            for event in events:
                rows = list(event.participants.all())
                assert {row.company_id for row in rows} == companies_of(fact)
                assert {row.occurred_on for row in rows} == {event.occurred_on}
            created = fact.changes.get(field="created")
            if model is not Investment:
                fact.status = first.status  # str() of the fact as it was created
            assert created.new_value == str(fact)
    talk = ReportedTalk.objects.annotate(n=Count("evidence")).filter(n__gt=2).first()
    reports = talk.evidence.order_by("reported_on", "id")
    assert talk.first_reported == reports.first().reported_on
    assert talk.last_reported == reports.last().reported_on


@postgres
@pytest.mark.django_db
def test_the_timeline_shows_the_generated_events(client):
    generate_corpus(300, seed=9)
    byd = Company.objects.get(name="BYD")
    newest = Event.objects.filter(participants__company=byd).order_by("-occurred_on", "-id").first()

    page = timeline_page(Filters(companies=(byd,)))
    assert page.events[0].pk == newest.pk
    response = client.get("/", {"company": "byd"})
    assert response.status_code == 200
    assert describe_event(page.events[0]) in response.text.replace("&#x27;", "'")


@postgres
@pytest.mark.django_db
def test_its_ids_leave_room_for_new_rows():
    generate_corpus(100, seed=10)
    assert make_article().pk > Article.objects.filter(source__startswith="generated:").count()
    assert make_talk().pk > 0
    assert make_company().pk > 0


def _schema(tables):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
            [tables],
        )
        indexes = set(cursor.fetchall())
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s)",
            [tables],
        )
        return indexes, set(cursor.fetchall())


@postgres
@pytest.mark.django_db
def test_it_builds_every_index_and_constraint_again_after_setting_them_aside():
    tables = [model._meta.db_table for model in TABLES]
    before = _schema(tables)
    generate_corpus(150, seed=2, rebuild_indexes="always")
    assert _schema(tables) == before
    assert len(before[0]) > 30


@postgres
@pytest.mark.django_db(transaction=True)
def test_it_loads_articles_over_parallel_connections_with_the_same_rows():
    generate_corpus(200, seed=13, parallel=True)
    parallel = rows_of(Article, Evidence, Event)
    generate_corpus(200, seed=13, parallel=False)
    assert rows_of(Article, Evidence, Event) == parallel
    assert Article.objects.count() == 200


@postgres
@pytest.mark.django_db
def test_each_fact_has_reports_and_history_matching_its_evidence():
    generate_corpus(300, seed=14)
    reports = defaultdict(int)
    for talk_id in Evidence.objects.filter(talk__isnull=False).values_list("talk_id", flat=True):
        reports[talk_id] += 1
    assert set(reports) == set(ReportedTalk.objects.values_list("pk", flat=True))
    assert max(reports.values()) >= 5
    last_moves = FactChange.objects.filter(field="last_reported").count()
    assert 0 < last_moves < sum(reports.values())
