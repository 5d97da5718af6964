"""The sources page: whose rumours came true, checked against outcomes counted by hand."""

import re
from datetime import UTC, date, datetime

import pytest

from evtracker.partnerships import domain
from evtracker.partnerships.models import CompanyKind, TalkStatus
from evtracker.partnerships.sources import CAME_TRUE, DENIED, ENDED, OPEN, source_records
from evtracker.partnerships.sources import talks_in_scope as scope
from tests.factories import make_article, make_company, make_evidence, make_talk

pytestmark = pytest.mark.django_db

FAMILIAR = "people familiar with the matter"


def report(talk, outlet, on, status, attributed_to=""):
    body = f"{outlet} report on {on}: {talk.party_a} and {talk.party_b}, {status}."
    article = make_article(
        outlet=outlet, published_at=datetime(on.year, on.month, on.day, 9, tzinfo=UTC), body=body
    )
    return make_evidence(
        talk, article, sentence=body, reported_status=status, attributed_to=attributed_to
    )


def move(talk, status, outlet, on):
    evidence = report(talk, outlet, on, status)
    domain.set_status(talk, status, article=evidence.article, evidence=evidence, on=on)


@pytest.fixture
def rumours():
    """Hand-counted:

    Bloomberg first reported T1, T2, T3 as rumoured (T1 and T3 citing people familiar):
      T1 confirmed after 10 days, T2 agreed after 30 (confirmed on the way, after 20),
      T3 denied after 5.           -> 3 rumours, 2 came true, 1 denied; median 10 days.
    Reuters first reported T4 and T5 as rumoured, and T6 as confirmed (not a rumour):
      T4 still open (Bloomberg's later report of it is not a first report),
      T5 ended after 60 days.      -> 2 rumours, 1 ended, 1 open; median 60 days.
    T7, involving no automaker of the filter, was rumoured by Reuters in 2022.
    """
    byd, nio, xpeng = make_company("BYD"), make_company("Nio"), make_company("Xpeng")
    baidu = make_company("Baidu", kind=CompanyKind.TECHNOLOGY)
    catl = make_company("CATL", kind=CompanyKind.SUPPLIER)
    day = date(2023, 3, 1)
    t1 = make_talk(byd, baidu, on=day)
    report(t1, "Bloomberg", day, "rumoured", FAMILIAR)
    move(t1, TalkStatus.CONFIRMED, "Reuters", date(2023, 3, 11))
    t2 = make_talk(nio, baidu, on=day)
    report(t2, "Bloomberg", day, "rumoured")
    move(t2, TalkStatus.CONFIRMED, "Reuters", date(2023, 3, 21))
    move(t2, TalkStatus.AGREED, "Reuters", date(2023, 3, 31))
    t3 = make_talk(xpeng, baidu, on=day)
    report(t3, "Bloomberg", day, "rumoured", FAMILIAR)
    move(t3, TalkStatus.DENIED, "Xpeng statement", date(2023, 3, 6))
    t4 = make_talk(byd, catl, on=day)
    report(t4, "Reuters", day, "rumoured")
    report(t4, "Bloomberg", date(2023, 4, 1), "rumoured")
    t5 = make_talk(nio, catl, on=day)
    report(t5, "Reuters", day, "rumoured")
    move(t5, TalkStatus.ENDED, "Reuters", date(2023, 4, 30))
    t6 = make_talk(xpeng, catl, on=day, status=TalkStatus.CONFIRMED)
    report(t6, "Reuters", day, "confirmed")
    t7 = make_talk(baidu, catl, on=date(2022, 5, 1))
    report(t7, "Reuters", date(2022, 5, 1), "rumoured")
    return {"t1": t1, "t2": t2, "t3": t3, "t4": t4, "t5": t5, "t6": t6, "t7": t7}


def figures(records):
    return {
        r.name: (len(r.rumours), r.came_true, r.denied, r.ended, r.still_open, r.median_days)
        for r in records
    }


def test_it_counts_each_outlets_rumours_and_their_outcomes(rumours):
    records = source_records(scope(start=date(2023, 1, 1)))
    assert figures(records) == {
        "Bloomberg": (3, 2, 1, 0, 0, 10),
        "Reuters": (2, 0, 0, 1, 1, 60),
    }
    bloomberg = records[0]
    outcomes = {rumour.talk.pk: (rumour.outcome, rumour.days) for rumour in bloomberg.rumours}
    assert outcomes == {
        rumours["t1"].pk: (CAME_TRUE, 10),
        rumours["t2"].pk: (CAME_TRUE, 20),
        rumours["t3"].pk: (DENIED, 5),
    }
    reuters = {rumour.talk.pk: (rumour.outcome, rumour.days) for rumour in records[1].rumours}
    assert reuters == {rumours["t4"].pk: (OPEN, None), rumours["t5"].pk: (ENDED, 60)}


def test_it_counts_by_attribution(rumours):
    records = source_records(scope(start=date(2023, 1, 1)), by="attribution")
    by_name = figures(records)
    assert by_name[FAMILIAR] == (2, 1, 1, 0, 0, 7.5)
    assert by_name["No attribution (the outlet's own reporting)"] == (3, 1, 0, 1, 1, 40)


def test_it_filters_by_automaker_and_period(client, rumours):
    byd = rumours["t1"].party_a if rumours["t1"].party_a.name == "BYD" else rumours["t1"].party_b
    assert figures(source_records(scope([byd]))) == {
        "Bloomberg": (1, 1, 0, 0, 0, 10),
        "Reuters": (1, 0, 0, 0, 1, None),
    }
    assert figures(source_records(scope(end=date(2022, 12, 31)))) == {
        "Reuters": (1, 0, 0, 0, 1, None)
    }


def test_the_page_shows_the_figures_a_chart_and_each_talk(
    client, rumours, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = client.get("/sources/?from=2023-01-01")
    html = response.content.decode()
    assert response.status_code == 200
    rows = re.findall(r"<tr>\s*<th scope=\"row\"><a [^>]+>([^<]+)</a></th>(.*?)</tr>", html, re.S)
    table = {name: re.findall(r'<td class="number">([^<]+)</td>', cells) for name, cells in rows}
    assert table == {
        "Bloomberg": ["3", "2", "1", "0", "0", "67%", "10"],
        "Reuters": ["2", "0", "0", "1", "1", "0%", "60"],
    }
    assert html.count('<ol class="source-bars">') == 1 and "<svg" in html
    assert f'href="{rumours["t4"].get_absolute_url()}"' in html
    assert "still open" in html and "came true after 10 days" in html
    summary = re.search(r'<p class="summary"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert " ".join(summary.split()) == "5 rumoured talks from 2 sources, rumoured from 1 Jan 2023."
    html = client.get("/sources/?company=byd&by=attribution").content.decode()
    assert FAMILIAR in html
    # Counted by attribution, rumours with none are no source of their own.
    summary = re.search(r'<p class="summary"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert " ".join(summary.split()).startswith(
        "2 rumoured talks from 1 source (1 with none recorded), involving BYD"
    )
    assert client.get("/sources/?company=nobody&from=2023-13-01").status_code == 200
