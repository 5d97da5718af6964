"""The story page of a talk, an investment and an approval: moves, reports, the facts between
the same companies, the status strip, links to it, and its query budget."""

import re
from datetime import UTC, date, datetime

import pytest

from evtracker.partnerships import domain
from evtracker.partnerships.models import CompanyKind, ReviewState, TalkStatus
from evtracker.partnerships.story import status_strip
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


@pytest.fixture
def story():
    """Xiaomi and Chery: rumoured by Bloomberg, confirmed by Reuters, agreed; a stake and an
    approval between them too, and a talk with someone else that must not show."""
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery = make_company("Chery")
    talk = make_talk(xiaomi, chery, on=date(2023, 3, 1), topic="joint venture")
    rumour = make_article(
        outlet="Bloomberg",
        title="Xiaomi courts Chery",
        published_at=datetime(2023, 3, 1, 8, tzinfo=UTC),
        body="Xiaomi is in talks with Chery, people familiar with the matter said.",
    )
    make_evidence(
        talk,
        rumour,
        sentence="Xiaomi is in talks with Chery, people familiar with the matter said.",
        attributed_to="people familiar with the matter",
        reported_status=TalkStatus.RUMOURED,
    )
    confirmed = make_article(
        outlet="Reuters",
        title="Chery confirms Xiaomi talks",
        published_at=datetime(2023, 4, 10, 8, tzinfo=UTC),
        body="Chery confirmed it was talking to Xiaomi.",
    )
    proof = make_evidence(
        talk,
        confirmed,
        sentence="Chery confirmed it was talking to Xiaomi.",
        reported_status=TalkStatus.CONFIRMED,
    )
    domain.set_status(
        talk, TalkStatus.CONFIRMED, article=confirmed, evidence=proof, on=date(2023, 4, 10)
    )
    domain.set_status(talk, TalkStatus.AGREED, by=make_editor(), on=date(2023, 6, 20))
    stake = make_investment(xiaomi, target=chery, kind="stake", stake_percent=10)
    approval = make_approval(chery, make_company("MIIT", kind=CompanyKind.REGULATOR))
    other = make_talk(xiaomi, make_company("BYD"))
    return {"talk": talk, "stake": stake, "approval": approval, "other": other}


def test_it_tells_the_whole_story_of_a_talk(client, story):
    talk = story["talk"]
    response = client.get(f"/talks/{talk.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Xiaomi and Chery agree joint venture" in html
    moves = re.findall(r'<h3 class="move-title">([^<]+)</h3>', html)
    assert moves == [
        "Xiaomi and Chery reportedly in talks on joint venture",
        "Xiaomi and Chery confirm talks on joint venture (was rumoured)",
        "Xiaomi and Chery agree joint venture (was confirmed)",
    ]
    # Each move shows its date, outlet and quote, or says an editor made it.
    assert "people familiar with the matter, reported by" in html
    assert "Bloomberg" in html and "Reuters" in html
    assert "Status set by an editor." in html
    assert html.index("1 Mar 2023") < html.index("10 Apr 2023") < html.index("20 Jun 2023")
    # The reports in order, each linked to its sentence in the article.
    assert html.index("Xiaomi courts Chery") < html.index("Chery confirms Xiaomi talks")
    assert re.search(r'href="/articles/\d+/#evidence-\d+">Xiaomi courts Chery', html)
    # Between the same companies: the stake, not the talk with BYD, nor the MIIT approval.
    assert story["stake"].get_absolute_url() in html
    assert story["other"].get_absolute_url() not in html
    assert story["approval"].get_absolute_url() not in html
    # The strip: one segment per status, a tick per report.
    assert html.count('class="segment fill-') == 3
    assert html.count('class="tick"') == 2


def test_it_has_a_story_page_for_investments_and_approvals(client, story):
    stake, approval = story["stake"], story["approval"]
    html = client.get(f"/investments/{stake.pk}/").content.decode()
    assert "Xiaomi takes a 10% stake in Chery" in html
    assert story["talk"].get_absolute_url() in html
    html = client.get(f"/approvals/{approval.pk}/").content.decode()
    assert "Chery awaits MIIT approval for EV manufacturing licence" in html
    assert "No other talk, investment or approval between these companies." in html


def test_a_one_day_story_says_on_that_day_and_quotes_a_quote_once(client):
    talk = make_talk(make_company("Nissan"), make_company("Honda"))
    make_evidence(
        talk,
        make_article(),
        sentence='"Nissan and Honda are considering a merger," it said.',
        reported_on=date(2024, 12, 17),
    )
    html = client.get(f"/talks/{talk.pk}/").content.decode()
    assert 'reported it, on <time datetime="2024-12-17">17 Dec 2024</time>.' in html
    assert "from 17 Dec 2024 to 17 Dec 2024" not in html
    # The quotation marks the style puts around quotes are left off one that has its own.
    assert '<p class="self-quoted">&quot;Nissan and Honda' in html


def test_facts_point_at_their_story(story):
    assert story["talk"].get_absolute_url() == f"/talks/{story['talk'].pk}/"
    assert story["stake"].get_absolute_url() == f"/investments/{story['stake'].pk}/"
    assert story["approval"].get_absolute_url() == f"/approvals/{story['approval'].pk}/"


def test_it_hides_a_retired_fact_from_readers_but_not_editors(client, story):
    talk = story["other"]
    domain.set_review_state(talk, ReviewState.RETIRED)
    assert client.get(f"/talks/{talk.pk}/").status_code == 404
    client.force_login(make_editor())
    assert client.get(f"/talks/{talk.pk}/").status_code == 200


def test_it_answers_404_for_no_such_fact(client):
    assert client.get("/talks/999999/").status_code == 404
    assert client.get("/investments/999999/").status_code == 404


def test_timeline_board_company_feed_and_export_link_to_the_story(client, story):
    talk = story["talk"]
    url = talk.get_absolute_url()
    assert re.search(rf'class="event-title"><a href="{url}#event-\d+"', client.get("/").text)
    assert f'href="{url}"' in client.get("/boards/talks/").text
    assert f'href="{url}"' in client.get("/companies/xiaomi/").text
    atom = client.get("/feeds/timeline.atom").text
    assert f"http://testserver{url}#event-" in atom
    export = b"".join(client.get("/export/talks.csv").streaming_content).decode()
    assert f"http://testserver{url}" in export


def test_it_keeps_the_story_within_its_query_budget(client, story, django_assert_max_num_queries):
    # The fact, its events, its reports, and talks, investments, approvals between the pair.
    for fact, path in ((story["talk"], "talks"), (story["stake"], "investments")):
        with django_assert_max_num_queries(6):
            assert client.get(f"/{path}/{fact.pk}/").status_code == 200


def test_the_strip_spans_first_to_last_date_with_one_segment_per_status():
    strip = status_strip(
        [(date(2023, 1, 1), "rumoured"), (date(2023, 1, 11), "confirmed")],
        [date(2023, 1, 1), date(2023, 1, 21)],
    )
    # Dates over the first 92% of the width; the last status runs on to the end.
    assert [(s.status, s.x, s.width) for s in strip.segments] == [
        ("rumoured", 0, 276.0),
        ("confirmed", 276.0, 324.0),
    ]
    assert [tick.x for tick in strip.ticks] == [0, 552.0]
    assert status_strip([], []) is None
