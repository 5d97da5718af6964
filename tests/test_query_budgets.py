"""Query budgets: each page and fragment runs a fixed number of queries, 1 or 200 events;
and on PostgreSQL, each filter is served by an index (read from EXPLAIN)."""

import random
import re
from datetime import date, timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction

from evtracker.news.models import Article, SourceKind
from evtracker.partnerships import domain
from evtracker.partnerships.boards import TALKS, build_board
from evtracker.partnerships.models import (
    Approval,
    Company,
    CompanyKind,
    Event,
    EventCompany,
    EventKind,
    Evidence,
    FactType,
    ReportedTalk,
    TalkStatus,
)
from evtracker.partnerships.search import matching_evidence
from evtracker.partnerships.timeline import Cursor, Filters, keys_query
from evtracker.partnerships.totals import status_counts
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_investment,
    make_talk,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(params=[1, 200], ids=["1-event", "200-events"])
def timeline(request):
    """`n` talk events around one hub company, each with evidence, plus an approval and a pledge."""
    n = request.param
    hub = make_company("Hub")
    shared = make_article(body="A deal was done. More text follows.")
    for i in range(n):
        talk = make_talk(hub, make_company(f"Partner {i}"), on=date(2023, 1 + i % 12, 1 + i % 28))
        article = shared if i % 2 else make_article(body=f"A deal was done. Story {i}.")
        make_evidence(talk, article, sentence="A deal was done.")
    make_approval(hub, make_company("Regulator", kind=CompanyKind.REGULATOR))
    make_investment(hub)
    return {"article": shared.pk}


# (path, extra request headers, the most queries it may run)
# The timeline and the boards add their totals (partnerships/totals.py): one grouped query
# per fact type the filters leave in (the talks board reuses its column counts), and a
# search's matching facts looked up once for all three.
BUDGETS = [
    # A first report without an evidence sentence of its own borrows its fact's first
    # (the investment and approval here have none): at most one query more.
    ("/", {}, 5 + 3),
    ("/", HX, 4 + 3),
    ("/?before=2030-01-01_1000000", HX, 4),
    # Chosen companies are looked up: one query more.
    # A status leaves talks or approvals in, not both, and no investments.
    ("/?company=hub&company=partner-0&status=rumoured&from=2023-01-01", {}, 6 + 1),
    # A search first looks up the matching reports (per way of matching: the planner's
    # estimate of how many, then the lookup itself).
    ("/?company=hub&q=deal", HX, 9 + 2 + 3),
    ("/?type=talk&counterpart=automaker&reviewed=on", {}, 4 + 1),
    ("/boards/talks/", {}, 4 + 2),
    ("/boards/talks/?company=hub", HX, 5 + 2),
    ("/boards/approvals/", {}, 3 + 3),
    ("/companies/hub/", {}, 13),
    ("/companies/hub/?before=2030-01-01_1000000", HX, 5),
    ("/articles/{article}/", {}, 2),
    ("/feeds/timeline.atom", {}, 4),
    ("/feeds/timeline.rss?company=hub", {}, 5),
    ("/export/talks.csv?company=hub", {}, 2),
    ("/export/investments.json", {}, 1),
    ("/export/approvals.csv", {}, 1),
]


@pytest.mark.parametrize("path, headers, budget", BUDGETS)
def test_it_keeps_each_page_within_its_query_budget(
    client, timeline, django_assert_max_num_queries, path, headers, budget
):
    with django_assert_max_num_queries(budget):
        response = client.get(path.format(**timeline), **headers)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200


def test_it_keeps_the_editors_board_and_moves_within_budget(
    client, timeline, django_assert_max_num_queries
):
    client.force_login(make_editor("edith"))
    talk = ReportedTalk.objects.first()
    # Session, user and the user's permissions come on top of the page's own queries.
    with django_assert_max_num_queries(6 + 4):
        assert client.get("/boards/talks/").status_code == 200
    # The move itself: lock, save with its history and event, the review state, and the
    # totals' FactTally (the fact read before and after, two upserts): a fixed number.
    with django_assert_max_num_queries(10 + 4 + 12):
        response = client.post(f"/boards/talks/{talk.pk}/move/", {"status": "agreed"}, **HX)
    assert response.status_code == 200


# Query plans on PostgreSQL, with enough rows for the planner to choose as it would in use.


def make_bulk_timeline(*, companies=200, talks=10_000, approvals=300, seed=7):
    """Companies, articles, talks and approvals with evidence and the events Fact.save would
    write, inserted in bulk (for query plans and benchmarks; no history rows)."""
    rng = random.Random(seed)
    kinds = [CompanyKind.AUTOMAKER] * 6 + [CompanyKind.TECHNOLOGY, CompanyKind.SUPPLIER]
    firms = Company.objects.bulk_create(
        Company(name=f"Bulk {i}", slug=f"bulk-{i}", kind=rng.choice(kinds))
        for i in range(companies)
    )
    regulators = Company.objects.bulk_create(
        Company(name=f"Agency {i}", slug=f"agency-{i}", kind=CompanyKind.REGULATOR)
        for i in range(5)
    )
    words = ["battery", "platform", "factory", "licence", "software", "chip", "plant", "deal"]
    start = date(2019, 1, 1)
    pairs = set()
    while len(pairs) < talks:
        a, b = sorted(rng.sample(range(companies), 2))
        pairs.add((a, b))
    articles = Article.objects.bulk_create(
        Article(
            title=f"Story {i}",
            outlet="Bulk Wire",
            published_at=f"{start + timedelta(days=i % 1800)}T09:00:00Z",
            body=" ".join(rng.choices(words, k=30)) + (" zeppelin" if i % 1000 == 0 else ""),
            content_hash=f"{i:064x}",
            source_kind=SourceKind.FILE,
        )
        for i in range(talks + approvals)
    )
    statuses = [TalkStatus.CONFIRMED, TalkStatus.AGREED, TalkStatus.DENIED, TalkStatus.ENDED]
    facts = []
    for a, b in sorted(pairs):
        day = start + timedelta(days=rng.randrange(1800))
        moved = rng.random() < 0.2
        facts.append(
            ReportedTalk(
                party_a=firms[a],
                party_b=firms[b],
                status=rng.choice(statuses) if moved else TalkStatus.RUMOURED,
                first_reported=day,
                last_reported=day + timedelta(days=30 if moved else 0),
            )
        )
    facts = ReportedTalk.objects.bulk_create(facts)
    approval_rows = Approval.objects.bulk_create(
        Approval(
            subject=firms[i % companies],
            regulator=regulators[i % 5],
            what=f"Licence {i}",
            as_of=start + timedelta(days=rng.randrange(1800)),
        )
        for i in range(approvals)
    )
    evidence = Evidence.objects.bulk_create(
        [
            Evidence(
                talk=talk,
                article=articles[i],
                sentence=articles[i].body[:40],
                start=0,
                end=40,
                reported_on=talk.first_reported,
            )
            for i, talk in enumerate(facts)
        ]
        + [
            Evidence(
                approval=approval,
                article=articles[talks + i],
                sentence="x",
                start=0,
                end=1,
                reported_on=approval.as_of,
            )
            for i, approval in enumerate(approval_rows)
        ]
    )
    events, members = [], []
    for talk, proof in zip(facts, evidence, strict=False):
        events.append(
            Event(
                talk=talk,
                fact_type=FactType.TALK,
                kind=EventKind.REPORTED,
                status=TalkStatus.RUMOURED,
                occurred_on=talk.first_reported,
                evidence=proof,
            )
        )
        if talk.status != TalkStatus.RUMOURED:
            events.append(
                Event(
                    talk=talk,
                    fact_type=FactType.TALK,
                    kind=EventKind.STATUS,
                    status=talk.status,
                    previous_status=TalkStatus.RUMOURED,
                    occurred_on=talk.last_reported,
                )
            )
    for approval in approval_rows:
        events.append(
            Event(
                approval=approval,
                fact_type=FactType.APPROVAL,
                kind=EventKind.REPORTED,
                status="pending",
                occurred_on=approval.as_of,
            )
        )
    events = Event.objects.bulk_create(events)
    for event in events:
        fact = event.talk or event.approval
        for company, role in fact.companies():
            members.append(
                EventCompany(event=event, company=company, role=role, occurred_on=event.occurred_on)
            )
    EventCompany.objects.bulk_create(members)
    domain.rebuild_tally()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return firms


def plan(queryset):
    return queryset.explain()


@pytest.fixture(scope="module")
def bulk(django_db_setup, django_db_blocker):
    """The bulk rows once for the plan tests of this module, rolled back after them."""
    if connection.vendor != "postgresql":
        pytest.skip("query plans are read on PostgreSQL")
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_bulk_timeline()
        transaction.set_rollback(True)


@pytest.mark.postgres
def test_it_reads_each_timeline_filter_from_an_index(bulk):
    firm = bulk[3]
    cases = {
        "event_recent": Filters(),
        "event_status_recent": Filters(status=TalkStatus.DENIED),
        "event_type_recent": Filters(fact_type=FactType.APPROVAL),
        "event_company_timeline": Filters(companies=(firm,)),
    }
    for index, filters in cases.items():
        for before in (None, Cursor(date(2021, 6, 1), 5000)):
            text = plan(keys_query(filters, before))
            assert re.search(rf"(Scan using|Index Scan on) {index}\b", text), (index, text)
            assert "Seq Scan" not in text, (index, text)
        # The first page is read in index order: no sort of everything that matches.
        first_page = plan(keys_query(filters))
        assert "Sort" not in first_page, (index, first_page)


@pytest.mark.postgres
def test_it_reads_a_company_with_other_filters_from_the_company_index(bulk):
    firm = bulk[3]
    filters = Filters(
        companies=(firm,),
        status=TalkStatus.AGREED,
        start=date(2020, 1, 1),
        counterpart_kind=CompanyKind.AUTOMAKER,
    )
    text = plan(keys_query(filters))
    assert "event_company_timeline" in text, text
    several = Filters(companies=(bulk[3], bulk[4], bulk[5]))
    text = plan(keys_query(several))
    # One limited range of the company index per company, merged: never a whole history.
    assert len(re.findall(r"Index (Only )?Scan using event_company_timeline", text)) == 3, text
    assert text.count("Limit") == 4, text


@pytest.mark.postgres
def test_it_looks_up_search_words_through_the_gin_indexes(bulk):
    # The question is whether the query's expressions match the indexes' (a drift would
    # leave only a scan of every row); at 10,000 rows the planner may still prefer a scan.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    by_sentence, by_article = (plan(evidence) for evidence in matching_evidence("zeppelin"))
    assert "Bitmap Index Scan on evidence_sentence_search" in by_sentence, by_sentence
    assert "Bitmap Index Scan on article_search_vector" in by_article, by_article


@pytest.mark.postgres
def test_it_reads_a_rare_words_events_by_id_and_a_common_words_by_date(bulk):
    rare = plan(keys_query(Filters(text="zeppelin")))
    assert "Seq Scan" not in rare and "event_recent" not in rare, rare
    assert re.search(r"Index Cond: \(talk_id = ANY", rare), rare
    common = plan(keys_query(Filters(text="battery")))
    # Walks the date index and tests each event's reports until a page is full.
    assert "Index Scan using event_recent" in common, common
    assert "hashed SubPlan" not in common and "Seq Scan" not in common, common


@pytest.mark.postgres
def test_it_reads_reviewed_facts_events_by_id_while_they_are_few(bulk):
    ReportedTalk.objects.filter(pk__in=ReportedTalk.objects.order_by("pk")[:20]).update(
        review_state="reviewed"
    )
    text = plan(keys_query(Filters(reviewed_only=True)))
    assert "Seq Scan" not in text and "event_recent" not in text, text


@pytest.mark.postgres
def test_it_fills_board_columns_from_the_status_index(bulk):
    board = build_board(TALKS, Filters(), status_counts(Filters(), "talk"))
    assert [column.total for column in board.columns] and board.total == 10_000
    column = ReportedTalk.objects.filter(status=TalkStatus.DENIED).order_by(
        "-last_reported", "-id"
    )[:100]
    assert "talk_status_recent" in plan(column)


@pytest.mark.postgres
def test_the_article_vector_follows_title_and_body():
    article = make_article(title="Xiaomi courts Chery", body="Talks about sodium-ion batteries.")
    assert [
        a.pk
        for a in Article.objects.filter(search_vector=SearchQuery("sodium-ion", config="english"))
    ] == [article.pk]
    article.body = "Talks about a factory."
    article.save()
    assert not Article.objects.filter(
        search_vector=SearchQuery("sodium-ion", config="english")
    ).exists()
    assert Article.objects.filter(search_vector=SearchQuery("courts", config="english")).exists()
