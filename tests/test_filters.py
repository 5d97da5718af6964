"""Filters on the timeline and the boards: each alone, combined, and every kind of bad value."""

import re
from datetime import date

import pytest

from evtracker.partnerships import search
from evtracker.partnerships.forms import LISTED_COMPANIES, most_reported
from evtracker.partnerships.models import (
    ApprovalStatus,
    CompanyKind,
    Event,
    ReviewState,
    TalkStatus,
)
from evtracker.partnerships.timeline import PAGE_SIZE
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
    assert response.status_code == 200, response.content[:500]
    return {int(n) for n in re.findall(r'id="event-(\d+)"', response.content.decode())}


def card_ids(response):
    assert response.status_code == 200, response.content[:500]
    return {int(n) for n in re.findall(r'id="card-(\d+)"', response.content.decode())}


def ids(*facts):
    return {event.pk for fact in facts for event in fact.events.all()}


@pytest.fixture
def world():
    """A small news world: companies of every kind and facts of every type and status."""
    w = type("World", (), {})()
    w.xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    w.chery = make_company("Chery")
    w.brilliance = make_company("Brilliance Auto")
    w.byd = make_company("BYD")
    w.huawei = make_company("Huawei", kind=CompanyKind.TECHNOLOGY)
    w.miit = make_company("MIIT", kind=CompanyKind.REGULATOR)
    w.cyvn = make_company("CYVN Holdings", kind=CompanyKind.INVESTOR)
    w.nio = make_company("Nio")

    w.xiaomi_chery = make_talk(w.xiaomi, w.chery, on=date(2023, 10, 12), topic="EV production")
    article = make_article(
        title="Xiaomi courts carmakers",
        body="Xiaomi approached Chery about a production deal. The Modena car needs a factory.",
    )
    make_evidence(
        w.xiaomi_chery, article, sentence="Xiaomi approached Chery about a production deal."
    )
    w.xiaomi_brilliance = make_talk(w.xiaomi, w.brilliance, on=date(2023, 10, 12))
    make_evidence(
        w.xiaomi_brilliance,
        make_article(body="Xiaomi held talks with Brilliance, people familiar said."),
        sentence="Xiaomi held talks with Brilliance, people familiar said.",
    )
    w.huawei_byd = make_talk(w.huawei, w.byd, on=date(2023, 6, 1))
    w.huawei_byd.status = TalkStatus.AGREED
    w.huawei_byd.save(on=date(2023, 8, 1))
    w.chery_byd = make_talk(w.chery, w.byd, on=date(2023, 3, 5), status=TalkStatus.DENIED)
    w.chery_byd.review_state = ReviewState.REVIEWED
    w.chery_byd.save()
    w.stake = make_investment(
        w.cyvn, target=w.nio, kind="stake", stake_percent=20, announced_on=date(2023, 12, 18)
    )
    w.approval = make_approval(w.xiaomi, w.miit, as_of=date(2023, 10, 12))
    w.approval.status = ApprovalStatus.GRANTED
    w.approval.save(on=date(2024, 1, 10))
    w.everything = ids(
        w.xiaomi_chery, w.xiaomi_brilliance, w.huawei_byd, w.chery_byd, w.stake, w.approval
    )
    return w


def test_it_shows_everything_without_filters(client, world):
    assert event_ids(client.get("/")) == world.everything


def test_it_filters_by_one_company_in_any_role(client, world):
    assert event_ids(client.get("/?company=xiaomi")) == ids(
        world.xiaomi_chery, world.xiaomi_brilliance, world.approval
    )
    assert event_ids(client.get("/?company=miit")) == ids(world.approval)
    assert event_ids(client.get("/?company=cyvn-holdings")) == ids(world.stake)
    assert event_ids(client.get("/?company=nio")) == ids(world.stake)


def test_it_filters_by_several_companies_each_event_once(client, world):
    xiaomi_byd = make_talk(world.xiaomi, world.byd, on=date(2023, 11, 1))
    response = client.get("/?company=xiaomi&company=byd")
    expected = ids(
        world.xiaomi_chery,
        world.xiaomi_brilliance,
        world.approval,
        world.huawei_byd,
        world.chery_byd,
        xiaomi_byd,
    )
    assert event_ids(response) == expected
    found = re.findall(r'id="event-(\d+)"', response.content.decode())
    assert len(found) == len(set(found))


def test_it_filters_by_counterpart_kind(client, world):
    assert event_ids(client.get("/?company=xiaomi&counterpart=automaker")) == ids(
        world.xiaomi_chery, world.xiaomi_brilliance
    )
    assert event_ids(client.get("/?company=xiaomi&counterpart=regulator")) == ids(world.approval)
    assert event_ids(client.get("/?counterpart=investor")) == ids(world.stake)
    # The chosen company itself is not its own counterpart.
    assert event_ids(client.get("/?company=xiaomi&counterpart=technology")) == set()


def test_it_filters_by_event_type(client, world):
    assert event_ids(client.get("/?type=investment")) == ids(world.stake)
    assert event_ids(client.get("/?type=approval")) == ids(world.approval)


def test_it_filters_by_status(client, world):
    agreed = client.get("/?status=agreed")
    assert event_ids(agreed) == {world.huawei_byd.events.get(status="agreed").pk}
    assert event_ids(client.get("/?status=granted")) == {
        world.approval.events.get(status="granted").pk
    }


def test_it_filters_by_date_range(client, world):
    response = client.get("/?from=2023-08-01&to=2023-10-31")
    assert event_ids(response) == {
        world.huawei_byd.events.get(status="agreed").pk,
        *ids(world.xiaomi_chery, world.xiaomi_brilliance),
        world.approval.events.get(status="pending").pk,
    }
    assert event_ids(client.get("/?from=2024-01-01")) == {
        world.approval.events.get(status="granted").pk
    }
    assert event_ids(client.get("/?to=2023-03-05")) == ids(world.chery_byd)


def test_it_filters_reviewed_only(client, world, matches):
    assert event_ids(client.get("/?reviewed=on")) == ids(world.chery_byd)


@pytest.fixture(params=["few", "many"])
def matches(request, monkeypatch):
    """Both ways of serving a search: facts looked up first, or events tested one by one."""
    if request.param == "many":
        monkeypatch.setattr(search, "FEW", 0)
    return request.param


def test_it_searches_evidence_sentences_and_article_text(client, world, matches):
    assert event_ids(client.get("/?q=production+deal")) == ids(world.xiaomi_chery)
    # "Modena" is only in the article body, not in the evidence sentence.
    assert event_ids(client.get("/?q=Modena")) == ids(world.xiaomi_chery)
    assert event_ids(client.get("/?q=courts")) == ids(world.xiaomi_chery)
    assert event_ids(client.get("/?q=familiar")) == ids(world.xiaomi_brilliance)
    assert event_ids(client.get("/?q=nothing+like+this")) == set()
    # Every word, wherever it stands (on SQLite too, where a search is a substring match).
    assert event_ids(client.get("/?q=deal+production")) == ids(world.xiaomi_chery)
    assert event_ids(client.get("/?q=Modena+and+courts")) == ids(world.xiaomi_chery)


@pytest.mark.postgres
def test_it_searches_with_postgresql_full_text_stemming_and_operators(client, world, matches):
    assert event_ids(client.get("/?q=deals")) == ids(world.xiaomi_chery)
    assert event_ids(client.get("/?q=approaching")) == ids(world.xiaomi_chery)
    assert event_ids(client.get('/?q="held talks" -production')) == ids(world.xiaomi_brilliance)
    assert event_ids(client.get("/?q=Xiaomi+OR+Brilliance")) == ids(
        world.xiaomi_chery, world.xiaomi_brilliance
    )


def test_it_combines_filters(client, world, matches):
    response = client.get(
        "/?company=xiaomi&type=approval&status=granted&from=2024-01-01&counterpart=regulator"
    )
    assert event_ids(response) == {world.approval.events.get(status="granted").pk}
    response = client.get("/?company=xiaomi&company=byd&type=talk&to=2023-09-30")
    assert event_ids(response) == ids(world.huawei_byd, world.chery_byd)
    response = client.get("/?company=chery&q=production&status=rumoured")
    assert event_ids(response) == ids(world.xiaomi_chery)
    assert event_ids(client.get("/?company=chery&reviewed=on")) == ids(world.chery_byd)


def test_it_keeps_the_filters_in_the_form_and_describes_them(client, world):
    html = client.get("/?company=xiaomi&status=rumoured&q=deal").content.decode()
    assert '<option value="xiaomi" selected>Xiaomi</option>' in html
    assert '<option value="rumoured" selected>Rumoured</option>' in html
    assert 'value="deal"' in html
    assert "Events involving Xiaomi, with status rumoured, mentioning “deal”" in html


def test_the_plain_select_lists_carmakers_and_any_company_once_chosen(client, world):
    html = client.get("/").content.decode()
    assert '<option value="xiaomi">Xiaomi</option>' in html
    assert '<option value="byd">BYD</option>' in html
    # An investor or a regulator is found by the combobox or from its page, not listed...
    assert 'value="cyvn-holdings"' not in html and 'value="miit"' not in html
    # ...and stays in the select, chosen, once a link brings it.
    html = client.get("/?company=cyvn-holdings").content.decode()
    assert '<option value="cyvn-holdings" selected>CYVN Holdings</option>' in html
    assert "Events involving CYVN Holdings" in html


def test_the_plain_select_lists_only_the_most_reported_carmakers_by_name(client, world):
    # Xiaomi has three facts, Chery and BYD two each (a tie goes to the older company),
    # Brilliance, Huawei and Nio one each.
    assert most_reported(limit=2) == [("chery", "Chery"), ("xiaomi", "Xiaomi")]
    html = client.get("/").content.decode()
    listed = re.findall(
        r'<option value="([^"]+)"', html.split('id="id_company"')[1].split("</select>")[0]
    )
    assert len(listed) == len(set(listed)) <= LISTED_COMPANIES
    assert {"xiaomi", "chery", "byd"} <= set(listed)


def test_it_filters_with_htmx_into_the_results_fragment(client, world):
    response = client.get("/?company=miit", **HX)
    assert "<html" not in response.content.decode()
    assert event_ids(response) == ids(world.approval)


def test_it_filters_the_talks_board(client, world, matches):
    assert card_ids(client.get("/boards/talks/")) == {
        world.xiaomi_chery.pk,
        world.xiaomi_brilliance.pk,
        world.huawei_byd.pk,
        world.chery_byd.pk,
    }
    assert card_ids(client.get("/boards/talks/?company=byd")) == {
        world.huawei_byd.pk,
        world.chery_byd.pk,
    }
    assert card_ids(client.get("/boards/talks/?company=xiaomi&counterpart=automaker")) == {
        world.xiaomi_chery.pk,
        world.xiaomi_brilliance.pk,
    }
    assert card_ids(client.get("/boards/talks/?status=agreed")) == {world.huawei_byd.pk}
    assert card_ids(client.get("/boards/talks/?reviewed=on")) == {world.chery_byd.pk}
    assert card_ids(client.get("/boards/talks/?from=2023-10-01")) == {
        world.xiaomi_chery.pk,
        world.xiaomi_brilliance.pk,
    }
    assert card_ids(client.get("/boards/talks/?to=2023-05-01")) == {world.chery_byd.pk}
    assert card_ids(client.get("/boards/talks/?q=production")) == {world.xiaomi_chery.pk}
    assert card_ids(client.get("/boards/talks/?company=chery&status=denied&reviewed=on")) == {
        world.chery_byd.pk
    }


def test_it_filters_the_approvals_board(client, world):
    assert card_ids(client.get("/boards/approvals/")) == {world.approval.pk}
    assert card_ids(client.get("/boards/approvals/?company=miit")) == {world.approval.pk}
    assert card_ids(client.get("/boards/approvals/?company=chery")) == set()
    assert card_ids(client.get("/boards/approvals/?status=pending")) == set()
    assert card_ids(client.get("/boards/approvals/?status=granted")) == {world.approval.pk}


BAD_VALUES = [
    ("company=no-such-company", "no company is known as “no-such-company”"),
    ("company=%27+OR+1%3D1+--", "no company is known as"),
    ("company=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("from=2023-13-45", "Enter a date as YYYY-MM-DD"),
    ("to=yesterday", "Enter a date as YYYY-MM-DD"),
    ("from=99999-01-01", "Enter a date as YYYY-MM-DD"),
    ("from=2024-01-01&to=2023-01-01", "“from” date is after the “to” date"),
    ("status=%27+OR+1%3D1+--", "Select a valid choice"),
    ("counterpart=%3Cscript%3E", "Select a valid choice"),
    ("q=" + "x" * 500, "at most 200 characters"),
    ("q=nul%00byte", "contains control characters"),
    ("company=nul%00byte", "contains control characters"),
    ("company=" + "&company=".join(f"c{i}" for i in range(30)), "Choose at most 20 companies"),
]


@pytest.mark.parametrize("query, message", BAD_VALUES)
@pytest.mark.parametrize("path", ["/", "/boards/talks/", "/boards/approvals/"])
def test_it_explains_bad_filter_values_instead_of_failing(client, world, path, query, message):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not be used" in html
    assert message in html
    assert "<script>alert(1)" not in html and "<script>" not in html.split("</head>")[1]


def test_it_ignores_a_bad_filter_and_applies_the_good_ones(client, world):
    response = client.get("/?company=xiaomi&type=banana&from=not-a-date")
    assert event_ids(response) == ids(world.xiaomi_chery, world.xiaomi_brilliance, world.approval)
    assert "Event type: Select a valid choice" in response.content.decode()


def test_it_explains_bad_values_in_the_htmx_fragment_too(client, world):
    response = client.get("/?company=nope", **HX)
    assert response.status_code == 200
    assert "no company is known as “nope”" in response.content.decode()


@pytest.mark.parametrize(
    "before",
    [
        "99999999-01-01_1",
        "2023-10-12_99999999999999999999999",
        "2023-10-12_9223372036854775808",
        "2023-02-30_5",
        "%27+OR+1%3D1+--",
        "%3Cscript%3E",
        "2023-10-12",
        "_",
    ],
)
def test_it_explains_a_broken_older_link(client, world, before):
    response = client.get(f"/?before={before}")
    assert response.status_code == 200
    assert "“older events” link is not valid" in response.content.decode()
    assert event_ids(response) == world.everything


def test_it_reads_a_huge_but_valid_cursor_as_the_start(client, world):
    response = client.get("/?before=9999-12-31_9223372036854775807")
    assert event_ids(response) == world.everything


def test_it_ignores_unknown_parameters_like_a_huge_page_number(client, world):
    response = client.get("/?page=999999999999999999999999&foo=%27+OR+1%3D1")
    assert event_ids(response) == world.everything


def test_it_lists_an_unverified_company_given_by_link(client, world):
    found = make_company("Zhongyuan Motors", verified=False)
    make_talk(world.xiaomi, found)
    talks_found = Event.objects.filter(talk__party_b=found) | Event.objects.filter(
        talk__party_a=found
    )
    assert event_ids(client.get("/?company=zhongyuan-motors")) == {e.pk for e in talks_found}


def test_it_keeps_the_known_companies_when_one_is_unknown(client, world):
    response = client.get("/?company=miit&company=nobody")
    assert event_ids(response) == ids(world.approval)
    assert "no company is known as “nobody”; left out." in response.content.decode()


@pytest.mark.postgres
def test_a_word_the_planner_expects_everywhere_is_searched_without_counting(client, monkeypatch):
    from django.db import connection

    hub = make_company("Hub Motors")
    talks = [make_talk(hub, make_company(f"Partner {i:03}")) for i in range(60)]
    for i, talk in enumerate(talks):
        body = f"Hub Motors and Partner {i:03} discuss a battery plant."
        make_evidence(talk, make_article(body=body), sentence=body)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE partnerships_evidence")
    by_sentence = search.matching_evidence("battery")[0]
    assert search._surely_more_than(by_sentence, 2)
    assert not search._surely_more_than(search.matching_evidence("zeppelin")[0], 2)

    # Past the estimate, each event is tested as the date index reaches it: same answer.
    monkeypatch.setattr(search, "FEW", 2)
    assert search.mentioned_fact_ids("battery") is None
    response = client.get("/?q=battery")
    assert len(re.findall(r'id="event-\d+"', response.content.decode())) == PAGE_SIZE
    assert "No events match" in client.get("/?q=zeppelin").content.decode()


def test_a_common_word_is_tested_on_each_kind_of_fact_row_by_row(client, monkeypatch):
    # Past FEW matching reports, each event is tested as the date index reaches it: the test
    # must find a talk's, an investment's and an approval's reports alike.
    monkeypatch.setattr(search, "FEW", 0)
    hub = make_company("Hub Motors")
    facts = [
        make_talk(hub, make_company("Partner")),
        make_investment(hub, target=make_company("Cell Maker")),
        make_approval(hub),
    ]
    for n, fact in enumerate(facts):
        body = f"Hub Motors and partner {n} plan a battery plant."
        make_evidence(fact, make_article(body=body), sentence=body)
    quiet = make_talk(hub, make_company("Other"))
    make_evidence(
        quiet, make_article(body="Hub Motors met Other."), sentence="Hub Motors met Other."
    )
    assert search.mentioned_fact_ids("battery") is None
    shown = {
        int(n) for n in re.findall(r'id="event-(\d+)"', client.get("/?q=battery").content.decode())
    }
    assert shown == {fact.events.get().pk for fact in facts}
