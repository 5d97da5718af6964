"""The timeline (home page): events newest first, by month, 50 at a time, and its fragments."""

import re
from datetime import date

import pytest

from evtracker.partnerships.models import Company, CompanyKind, Event, ReviewState, TalkStatus
from evtracker.partnerships.timeline import PAGE_SIZE
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


def event_ids(response):
    return [int(n) for n in re.findall(r'id="event-(\d+)"', response.content.decode())]


def older_link(response):
    match = re.search(
        r'<a href="([^"]+)" hx-get="[^"]+" hx-trigger="click, revealed"', response.content.decode()
    )
    return match.group(1).replace("&amp;", "&") if match else None


def many_talks(count, on=date(2023, 10, 12)):
    """`count` talks (one event each) between distinct pairs, all reported on `on`."""
    hub = make_company("Hub Motors")
    return [make_talk(hub, make_company(f"Partner {i:03}"), on=on) for i in range(count)]


def test_it_shows_an_empty_state_that_says_what_to_do(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No events yet" in response.content.decode()
    assert "manage.py ingest" in response.content.decode()


def test_it_lists_events_newest_first_grouped_by_month(client):
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    old = make_talk(xiaomi, chery, on=date(2023, 9, 3))
    new = make_investment(xiaomi, announced_on=date(2023, 10, 12))
    html = client.get("/").content.decode()

    assert event_ids(client.get("/")) == [new.events.get().pk, old.events.get().pk]
    october, september = html.index(">October 2023</h2>"), html.index(">September 2023</h2>")
    assert october < html.index(f'id="event-{new.events.get().pk}"') < september
    assert "Xiaomi pledges USD 10 billion" in html
    assert "Xiaomi and Chery reportedly in talks" in html


def test_it_shows_companies_status_review_evidence_and_corroboration(client):
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery = make_company("Chery")
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    first = make_article(
        outlet="CnEVPost", body="Xiaomi approached Chery about building cars, Bloomberg said."
    )
    make_evidence(
        talk, first, sentence="Xiaomi approached Chery about building cars, Bloomberg said."
    )
    for outlet in ("Reuters", "Caixin"):
        make_evidence(talk, make_article(outlet=outlet))
    # A second sentence of an article already counted does not raise the count.
    make_evidence(talk, first, sentence="Bloomberg said.", attributed_to="Bloomberg")

    html = client.get("/").content.decode()
    assert f'href="{xiaomi.get_absolute_url()}">Xiaomi</a>' in html
    assert f'href="{chery.get_absolute_url()}">Chery</a>' in html
    assert "Rumoured</span>" in html
    assert "Unreviewed</span>" in html
    assert "Xiaomi approached Chery about building cars, Bloomberg said." in html
    assert "CnEVPost</a>" in html
    assert f"/articles/{first.pk}/#evidence-" in html
    assert "Reported by 3 articles" in html


def test_it_drops_the_unreviewed_badge_once_an_editor_reviewed(client):
    talk = make_talk(on=date(2023, 10, 12))
    talk.review_state = ReviewState.REVIEWED
    talk.save()
    assert "Unreviewed</span>" not in client.get("/").content.decode()


def test_it_shows_a_status_move_with_where_it_came_from(client):
    talk = make_talk(make_company("Xiaomi"), make_company("Chery"), on=date(2023, 10, 12))
    talk.status = TalkStatus.CONFIRMED
    talk.save(changed_by=make_editor("edith"), on=date(2023, 11, 2))
    html = client.get("/").content.decode()
    assert "Xiaomi and Chery confirm talks (was rumoured)" in html
    assert "Status set by an editor." in html


def test_it_describes_approvals_and_investments(client):
    xiaomi = make_company("Xiaomi")
    miit = make_company("MIIT", kind=CompanyKind.REGULATOR)
    make_approval(xiaomi, miit, what="EV manufacturing licence")
    make_investment(
        make_company("Stellantis"),
        target=make_company("Leapmotor"),
        amount=1_500_000_000,
        currency="EUR",
        kind="stake",
        stake_percent=21,
    )
    html = client.get("/").content.decode()
    assert "Xiaomi awaits MIIT approval for EV manufacturing licence" in html
    assert "Stellantis takes a 21% stake in Leapmotor (EUR 1.5 billion)" in html


def test_it_escapes_names_and_sentences(client):
    evil = make_company("<script>alert(1)</script> Motors")
    talk = make_talk(evil, make_company("Chery"))
    article = make_article(body="They said <img src=x onerror=alert(2)> today.")
    make_evidence(talk, article, sentence="They said <img src=x onerror=alert(2)> today.")
    html = client.get("/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Motors" in html
    assert "<img src=x" not in html


def test_it_shows_a_page_of_events_then_an_older_link_that_works_without_javascript(client):
    talks = many_talks(2 * PAGE_SIZE + 20)
    expected = sorted((t.events.get().pk for t in talks), reverse=True)

    first = client.get("/")
    assert event_ids(first) == expected[:PAGE_SIZE]
    second = client.get(older_link(first))
    assert second.status_code == 200
    assert "<html" in second.content.decode()
    assert event_ids(second) == expected[PAGE_SIZE : 2 * PAGE_SIZE]
    third = client.get(older_link(second))
    assert event_ids(third) == expected[2 * PAGE_SIZE :]
    assert older_link(third) is None
    assert "No older events" in third.content.decode()


def test_it_pages_across_days_without_skipping_or_repeating(client):
    hub = make_company("Hub")
    for i in range(75):
        make_talk(hub, make_company(f"P{i}"), on=date(2023, 1 + i % 12, 1 + i % 3))
    seen, url = [], "/"
    while url:
        response = client.get(url, **HX) if seen else client.get(url)
        seen += event_ids(response)
        url = older_link(response)
    assert len(seen) == len(set(seen)) == 75


def test_it_serves_the_results_fragment_to_htmx_and_the_full_page_otherwise(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    full = client.get("/")
    fragment = client.get("/", **HX)

    assert "<html" in full.content.decode() and 'id="results"' in full.content.decode()
    assert "<html" not in fragment.content.decode()
    assert fragment.content.decode().lstrip().startswith('<section id="results"')
    assert event_ids(fragment) == event_ids(full)
    assert "HX-Request" in full["Vary"] and "HX-Request" in fragment["Vary"]


def test_it_serves_only_the_next_events_to_the_scrolling_request(client):
    many_talks(PAGE_SIZE + 10)
    older = older_link(client.get("/"))
    fragment = client.get(older, **HX)
    html = fragment.content.decode()
    assert "<html" not in html and 'id="results"' not in html
    assert len(event_ids(fragment)) == 10
    # Same month as the previous page: its heading is not shown again.
    assert '<h2 class="month-heading">' not in html
    assert "October 2023 (continued)" in html


def test_it_gives_htmx_history_restore_requests_a_full_page(client):
    make_talk()
    response = client.get(
        "/?type=talk", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.content.decode()
    assert '<form class="filters"' in response.content.decode()
    assert "HX-History-Restore-Request" in response["Vary"]


def test_it_links_feeds_and_exports_for_the_same_filters(client):
    xiaomi = make_company("Xiaomi")
    make_talk(xiaomi, make_company("Chery"))
    html = client.get("/?company=xiaomi&type=talk").content.decode()
    assert "/feeds/timeline.atom?company=xiaomi&amp;type=talk" in html
    assert "/export/talks.csv?company=xiaomi&amp;type=talk" in html


def test_it_refuses_other_methods(client):
    assert client.post("/").status_code == 405
    assert Company.objects.count() == 0


def test_it_pages_several_companies_without_skipping_or_repeating(client):
    xiaomi, byd = make_company("Xiaomi"), make_company("BYD")
    for i in range(40):
        make_talk(xiaomi, make_company(f"X{i}"), on=date(2023, 1 + i % 12, 1 + i % 5))
        make_talk(byd, make_company(f"B{i}"), on=date(2023, 1 + i % 12, 1 + i % 7))
    shared = make_talk(xiaomi, byd, on=date(2023, 6, 3))
    seen, url = [], "/?company=xiaomi&company=byd"
    while url:
        response = client.get(url)
        seen += event_ids(response)
        url = older_link(response)
    assert len(seen) == len(set(seen)) == 81
    assert shared.events.get().pk in seen
    assert seen == sorted(
        seen, key=lambda pk: (Event.objects.get(pk=pk).occurred_on, pk), reverse=True
    )


def test_it_pushes_a_clean_address_for_what_the_fragment_shows(client):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    response = client.get("/?company=xiaomi&counterpart=&type=&status=&from=&to=&q=", **HX)
    assert response["HX-Push-Url"] == "/?company=xiaomi"
    # A value that was refused is not part of the address to share.
    response = client.get("/?company=xiaomi&company=nobody&from=2023-02-30", **HX)
    assert response["HX-Push-Url"] == "/?company=xiaomi"
    assert client.get("/?type=", **HX)["HX-Push-Url"] == "/"
    assert "HX-Push-Url" not in client.get("/?company=xiaomi")


@pytest.mark.parametrize("path", ["/", "/boards/talks/", "/companies/chery/", "/?company=chery"])
def test_every_row_escapes_what_it_shows(client, path):
    evil = make_company('<script>alert(1)</script> "Motors"')
    chery = make_company("Chery")
    talk = make_talk(evil, chery, topic="<b>bold</b> & co")
    article = make_article(
        body="They said <img src=x onerror=alert(2)> today.", outlet="<i>Wire</i>"
    )
    make_evidence(talk, article, sentence="They said <img src=x onerror=alert(2)> today.")
    make_investment(chery, purpose="<svg onload=alert(3)>")
    html = client.get(path).content.decode()

    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "<b>bold" not in html and "<i>Wire" not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Motors&quot;" in html
