"""The company page: names, facts, partners by strength, a chart and its own timeline."""

import re
from datetime import date

import pytest

from evtracker.partnerships import domain
from evtracker.partnerships.charts import monthly_chart, reports_per_month
from evtracker.partnerships.models import (
    ApprovalStatus,
    CompanyKind,
    Investment,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)
from evtracker.partnerships.views import COMPANY_EVENTS, COMPANY_LIST_LIMIT
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


def event_ids(response):
    return [int(n) for n in re.findall(r'id="event-(\d+)"', response.content.decode())]


@pytest.fixture
def xiaomi():
    return make_company(
        "Xiaomi", kind=CompanyKind.TECHNOLOGY, aliases=["Xiaomi Corp.", "Xiaomi Auto"]
    )


def test_it_shows_the_names_a_company_goes_by(client, xiaomi):
    group = make_company("Xiaomi Group")
    xiaomi.parent = group
    xiaomi.save()
    html = client.get("/companies/xiaomi/").content.decode()
    assert "<h1>Xiaomi</h1>" in html
    assert "<q>Xiaomi Auto</q>, <q>Xiaomi Corp.</q>" in html
    assert "Technology" in html and "CN" in html
    assert f'Part of <a href="{group.get_absolute_url()}">Xiaomi Group</a>' in html


def test_it_lists_talks_by_status_investments_and_approvals(client, xiaomi):
    chery, byd = make_company("Chery"), make_company("BYD")
    make_talk(xiaomi, chery, topic="EV production")
    make_talk(xiaomi, byd, status=TalkStatus.DENIED)
    make_investment(xiaomi, purpose="electric vehicles")
    make_investment(
        make_company("Tencent", kind=CompanyKind.INVESTOR),
        target=xiaomi,
        kind="stake",
        stake_percent=5,
        amount=300_000_000,
    )
    make_approval(
        xiaomi, make_company("MIIT", kind=CompanyKind.REGULATOR), status=ApprovalStatus.PENDING
    )
    html = client.get("/companies/xiaomi/").content.decode()

    talks = html[html.index('id="talks-heading"') : html.index('id="investments-heading"')]
    assert (
        talks.index("Rumoured")
        < talks.index(">Chery</a>: EV production")
        < talks.index("Denied")
        < talks.index(">BYD</a>")
    )
    assert "Xiaomi pledges USD 10 billion for electric vehicles" in html
    assert "Tencent takes a 5% stake in Xiaomi (USD 300 million)" in html
    assert "Xiaomi awaits MIIT approval for EV manufacturing licence" in html


def test_it_lists_partners_by_their_strongest_talk_status(client, xiaomi):
    for name, status in (
        ("Denier", TalkStatus.DENIED),
        ("Rumoured One", TalkStatus.RUMOURED),
        ("Signed Partner", TalkStatus.AGREED),
        ("Former Partner", TalkStatus.ENDED),
        ("Confirmer", TalkStatus.CONFIRMED),
    ):
        make_talk(xiaomi, make_company(name), status=status)
    html = client.get("/companies/xiaomi/").content.decode()
    partners = html[
        html.index('class="partners"') : html.index("</ul>", html.index('class="partners"'))
    ]
    order = re.findall(r">([A-Z][\w ]+)</a>", partners)
    assert order == ["Signed Partner", "Confirmer", "Rumoured One", "Former Partner", "Denier"]


def test_it_draws_reports_per_month_as_svg(client, xiaomi):
    talk = make_talk(xiaomi, make_company("Chery"))
    for day in (date(2023, 9, 3), date(2023, 10, 1), date(2023, 10, 20)):
        make_evidence(talk, make_article(), reported_on=day)
    make_evidence(make_investment(xiaomi), make_article(), reported_on=date(2023, 10, 5))

    counts = reports_per_month(xiaomi)
    assert counts == {date(2023, 9, 1): 1, date(2023, 10, 1): 3}
    chart = monthly_chart(counts)
    assert [bar.month for bar in chart.bars][-2:] == [date(2023, 9, 1), date(2023, 10, 1)]
    assert len(chart.bars) == 12 and chart.peak == 3 and chart.total == 4
    tallest = chart.bars[-1]
    assert tallest.height > chart.bars[-2].height > 0 == chart.bars[0].height

    html = client.get("/companies/xiaomi/").content.decode()
    assert '<svg viewBox="0 0 600 180" role="img"' in html
    assert "<title>October 2023: 3 reports</title>" in html
    assert html.count("<rect ") == 2
    assert "<script" not in html.split("</head>")[1]


def test_it_spans_the_chart_over_the_reports_between_one_and_three_years():
    two_years = {date(2021, 2, 1): 1, date(2023, 1, 1): 2}
    chart = monthly_chart(two_years)
    assert (chart.first_month, chart.last_month) == (date(2021, 2, 1), date(2023, 1, 1))
    assert len(chart.bars) == 24 and chart.total == 3
    named = [bar.month.month for bar in chart.bars if bar.show_label]
    assert set(named) == {2, 1, 4, 7, 10}  # the first month, then every third
    long_ago = monthly_chart({date(2015, 1, 1): 5, date(2023, 6, 1): 1})
    assert len(long_ago.bars) == 36 and long_ago.last_month == date(2023, 6, 1)
    assert long_ago.total == 1


def test_it_says_when_there_is_nothing_yet(client, xiaomi):
    html = client.get("/companies/xiaomi/").content.decode()
    assert "No reported talks yet." in html
    assert "No events involve Xiaomi yet." in html
    assert "<svg" not in html


def test_it_shows_the_company_timeline_from_its_events_only(client, xiaomi):
    mine = make_talk(xiaomi, make_company("Chery"), on=date(2023, 10, 12))
    approval = make_approval(
        xiaomi, make_company("MIIT", kind="regulator"), as_of=date(2023, 11, 1)
    )
    make_talk(on=date(2023, 12, 1))
    response = client.get("/companies/xiaomi/")
    assert event_ids(response) == [approval.events.get().pk, mine.events.get().pk]
    # The page's own company is no filter the reader set.
    assert '<p class="older end">No older events.</p>' in response.content.decode()


def test_it_pages_the_company_timeline_with_an_older_fragment(client, xiaomi):
    talks = [
        make_talk(xiaomi, make_company(f"Partner {i}"), on=date(2023, 10, 1 + i % 28))
        for i in range(COMPANY_EVENTS + 5)
    ]
    first = client.get("/companies/xiaomi/")
    assert len(event_ids(first)) == COMPANY_EVENTS
    older = re.search(r'<a href="([^"]+)" hx-get=', first.content.decode()).group(1)
    assert older.startswith("/companies/xiaomi/?before=")
    fragment = client.get(older.replace("&amp;", "&"), **HX)
    html = fragment.content.decode()
    assert "<html" not in html and "<h1>" not in html
    assert set(event_ids(first)).isdisjoint(event_ids(fragment))
    assert len(event_ids(first)) + len(event_ids(fragment)) == len(talks)
    # Without JavaScript the same link is a full page.
    assert "<h1>Xiaomi</h1>" in client.get(older.replace("&amp;", "&")).content.decode()


def test_it_answers_404_for_an_unknown_company(client):
    assert client.get("/companies/nobody/").status_code == 404


def test_it_explains_a_broken_older_link(client, xiaomi):
    response = client.get("/companies/xiaomi/?before=%27+OR+1%3D1")
    assert response.status_code == 200
    assert "“older events” link is not valid" in response.content.decode()


def test_it_shows_the_latest_of_each_list_with_totals_and_links_to_all(client, xiaomi):
    for i in range(COMPANY_LIST_LIMIT + 3):
        make_talk(xiaomi, make_company(f"Partner {i}"), on=date(2023, 10, 1 + i % 28))
    denied = make_talk(xiaomi, make_company("Old Partner"), on=date(2019, 1, 2))
    domain.set_status(denied, TalkStatus.DENIED, on=date(2019, 2, 1))

    page = client.get("/companies/xiaomi/").content.decode()

    # The totals count every talk, not the latest shown.
    assert f'<span class="count">{COMPANY_LIST_LIMIT + 4}</span>' in page
    assert f'<span class="count">{COMPANY_LIST_LIMIT + 3}</span>' in page  # rumoured
    assert f"The latest {COMPANY_LIST_LIMIT} shown." in page
    assert "/boards/talks/?company=xiaomi&amp;status=rumoured" in page
    assert f"{COMPANY_LIST_LIMIT + 3} talks on the talks board" in page
    # The denied talk is older than the latest 20: counted, and linked, not listed.
    assert f"None among the {COMPANY_LIST_LIMIT} latest talks." in page
    assert "1 talk on the talks board" in page
    assert "Old Partner</a>:" not in page


def test_the_latest_facts_of_a_company_come_from_either_role_newest_first():
    # Pairs are stored in id order: the hub is the second party with the companies made
    # before it and the first with those made after.
    before = [make_company(f"Before {i}") for i in range(3)]
    hub = make_company("Hub")
    after = [make_company(f"After {i}") for i in range(3)]
    talks = [
        make_talk(hub, partner, on=date(2023, 1 + i, 1))
        for i, partner in enumerate([before[0], after[0], before[1], after[1], before[2], after[2]])
    ]
    assert {talk.party_a_id == hub.pk for talk in talks} == {True, False}
    retired = make_talk(hub, make_company("Gone"), on=date(2023, 12, 1))
    domain.set_review_state(retired, ReviewState.RETIRED)
    unrelated = make_talk(on=date(2024, 1, 1))
    latest = list(ReportedTalk.objects.public().latest_involving(hub, 4))
    assert latest == talks[::-1][:4]
    assert retired not in latest and unrelated not in latest
    bought = make_investment(make_company("Fund"), target=hub, announced_on=date(2023, 5, 1))
    made = make_investment(hub, target=make_company("Start-up"), announced_on=date(2023, 6, 1))
    assert list(Investment.objects.public().latest_involving(hub, 5)) == [made, bought]
