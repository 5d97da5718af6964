"""Density: totals for the current filter, the compact timeline, board columns paged to
their end, and the company picker's suggestions, each within a fixed query budget."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from evtracker.partnerships.boards import CARDS_PER_COLUMN, TALKS, build_board, column_page
from evtracker.partnerships.models import CompanyKind, TalkStatus
from evtracker.partnerships.timeline import Filters
from evtracker.partnerships.totals import fact_totals, status_counts
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_evidence,
    make_investment,
    make_talk,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def facts():
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery = make_company("Chery", aliases=["Chery Automobile"])
    byd = make_company("BYD")
    make_talk(xiaomi, chery, on=date(2023, 10, 12))
    make_talk(xiaomi, byd, status=TalkStatus.AGREED, on=date(2023, 11, 1))
    make_talk(chery, byd, status=TalkStatus.AGREED, on=date(2023, 11, 2))
    make_investment(
        xiaomi, target=chery, amount=Decimal("1500000000"), currency="USD", kind="stake"
    )
    make_investment(xiaomi, target=byd, amount=Decimal("500000000"), currency="USD", kind="stake")
    make_investment(chery, target=byd, amount=Decimal("200000000"), currency="EUR", kind="stake")
    make_investment(byd, target=xiaomi, kind="pledge", amount=None, currency="")
    make_approval(xiaomi, make_company("MIIT", kind=CompanyKind.REGULATOR))
    return {"xiaomi": xiaomi, "chery": chery, "byd": byd}


def test_it_totals_talks_by_status_investments_by_kind_and_approvals(facts):
    totals = fact_totals(Filters())
    assert [(status, n) for status, _, n in totals.talks.rows] == [("rumoured", 1), ("agreed", 2)]
    stakes, pledges = sorted(totals.investments.rows, key=lambda row: row.kind, reverse=True)
    assert (stakes.kind, stakes.count, stakes.sums) == (
        "stake",
        3,
        [("EUR", Decimal("200000000")), ("USD", Decimal("2000000000"))],
    )
    assert stakes.amounts == ["EUR 200 million", "USD 2 billion"]
    assert (pledges.kind, pledges.count, pledges.undisclosed) == ("pledge", 1, 1)
    assert totals.approvals.total == 1


def test_it_totals_only_what_the_filters_leave_in(facts):
    totals = fact_totals(Filters(companies=(facts["xiaomi"],)))
    assert totals.talks.total == 2
    assert totals.investments.total == 3
    agreed = fact_totals(Filters(status=TalkStatus.AGREED))
    assert agreed.investments is None and agreed.approvals is None
    assert agreed.talks.rows == [("agreed", "Agreed", 2)]
    assert fact_totals(Filters(fact_type="approval")).groups == [fact_totals(Filters()).approvals]


def test_it_shows_the_totals_at_the_top_of_the_timeline_and_the_boards(client, facts):
    for path in ("/", "/boards/talks/", "/boards/approvals/", "/?company=xiaomi"):
        html = client.get(path).content.decode()
        assert 'class="totals"' in html, path
        assert "USD 2 billion" in html or "USD 1.5 billion" in html, path


@pytest.mark.parametrize(
    "path, headers, budget",
    [
        ("/", {}, 8),
        ("/?company=xiaomi&company=chery", HX, 8),
        ("/boards/talks/", {}, 8),
    ],
)
def test_it_counts_the_totals_in_a_fixed_number_of_queries(
    client, facts, django_assert_max_num_queries, path, headers, budget
):
    for i in range(30):
        make_investment(facts["byd"], target=make_company(f"Supplier {i}"), amount=i + 1)
    with django_assert_max_num_queries(budget):
        assert client.get(path, **headers).status_code == 200


def test_it_shows_the_compact_view_with_the_quote_on_demand(client, facts):
    talk = make_talk(facts["chery"], make_company("Nio"))
    make_evidence(
        talk,
        make_article(body="Chery and Nio are in talks."),
        sentence="Chery and Nio are in talks.",
    )
    detailed = client.get("/").content.decode()
    assert '<details class="quote" open>' in detailed
    assert 'class="view-compact"' not in detailed
    compact = client.get("/?view=compact").content.decode()
    assert '<html lang="en" class="view-compact">' in compact
    assert '<details class="quote"><summary>Quote</summary>' in compact
    assert '<input type="hidden" name="view" value="compact">' in compact


def paged_board():
    hub = make_company("Hub")
    start = date(2023, 1, 1)
    return [
        make_talk(hub, make_company(f"Partner {i:02}"), on=start + timedelta(days=i // 2))
        for i in range(45)
    ]


def test_it_pages_a_column_through_all_its_cards():
    talks = paged_board()
    board = build_board(TALKS, Filters(), status_counts(Filters(), "talk"), per_column=20)
    rumoured = board.columns[0]
    seen = [card.pk for card in rumoured.cards]
    cursor = rumoured.next_cursor
    while cursor:
        cards, cursor = column_page(TALKS, Filters(), "rumoured", cursor, per_column=20)
        seen += [card.pk for card in cards]
    newest_first = sorted(talks, key=lambda t: (t.last_reported, t.pk), reverse=True)
    assert seen == [talk.pk for talk in newest_first]


def test_it_serves_a_columns_next_cards_as_a_fragment_and_as_a_page(
    client, django_assert_max_num_queries
):
    paged_board()
    first = client.get("/boards/talks/").content.decode()
    assert first.count('class="card"') == CARDS_PER_COLUMN
    assert "More rumoured talks" in first
    cursor = build_board(TALKS, Filters(), status_counts(Filters(), "talk")).columns[0].next_cursor
    with django_assert_max_num_queries(3):
        fragment = client.get(f"/boards/talks/?column=rumoured&after={cursor}", **HX)
    html = fragment.content.decode()
    assert html.count('class="card"') == CARDS_PER_COLUMN and "<html" not in html
    assert "More rumoured talks" in html
    page = client.get(f"/boards/talks/?column=rumoured&after={cursor}").content.decode()
    assert "Back to the newest" in page and page.count('class="card"') == CARDS_PER_COLUMN


def test_it_suggests_companies_by_name_or_alias_newest_prefix_first(
    client, facts, django_assert_max_num_queries
):
    make_company("Chongqing Changan")  # no event: not offered, as in the select
    with django_assert_max_num_queries(1):
        response = client.get("/companies.json", {"q": "ch"})
    names = [company["name"] for company in response.json()["companies"]]
    assert names == ["Chery"]
    assert client.get("/companies.json", {"q": "automobile"}).json()["companies"][0]["slug"] == (
        "chery"
    )
    assert client.get("/companies.json", {"q": "xi"}).json()["companies"][0] == {
        "slug": "xiaomi",
        "name": "Xiaomi",
        "kind": "technology",
    }


def test_it_suggests_companies_of_one_kind_when_asked(client, facts):
    """The sources page's picker offers automakers only."""
    automakers = client.get("/companies.json", {"q": "xi", "kind": "automaker"}).json()
    assert automakers == {"companies": []}  # Xiaomi is a technology firm
    found = client.get("/companies.json", {"q": "ch", "kind": "automaker"}).json()["companies"]
    assert [company["slug"] for company in found] == ["chery"]
    nonsense = client.get("/companies.json", {"q": "ch", "kind": "carmaker'--"})
    assert nonsense.status_code == 200 and nonsense.json() == {"companies": []}


@pytest.mark.parametrize("text", ["", "x", "a\x00b", "y" * 101])
def test_it_answers_no_suggestions_for_too_short_or_unusable_text(client, facts, text):
    response = client.get("/companies.json", {"q": text})
    assert response.status_code == 200 and response.json() == {"companies": []}
