"""Story, sources and network pages in Debian's Chromium, on a desktop and a phone; and the
visual details of issue 11: legible chart labels, date boxes and the "Move to" select not
cut, the focus kept on a moved card."""

import re
from datetime import UTC, date, datetime

import pytest
from playwright.sync_api import expect

from evtracker.partnerships import domain
from evtracker.partnerships.models import CompanyKind, TalkStatus
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_talk,
)
from tests.test_browser import PASSWORD, browser, open_page  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {
    "desktop": {"viewport": {"width": 1366, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True},
}
# The rendered size of SVG text: its font size scaled as the drawing is.
TEXT_SIZES = """svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')]
    .filter(t => getComputedStyle(t).display !== 'none')
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
}"""
# Text boxes that reach outside their drawing.
CLIPPED = """svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')]
    .filter(t => getComputedStyle(t).display !== 'none')
    .filter(t => { const r = t.getBoundingClientRect();
                   return r.left < box.left - 0.5 || r.right > box.right + 0.5; })
    .map(t => t.textContent);
}"""


@pytest.fixture(params=list(SCREENS))
def screen(request, browser, live_server):  # noqa: F811
    page, errors = open_page(browser, live_server, request, **SCREENS[request.param])
    return request.param, page, errors


@pytest.fixture
def story():
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery = make_company("Chery")
    talk = make_talk(xiaomi, chery, on=date(2023, 3, 1), topic="joint venture")
    for day, outlet, status, said in (
        (date(2023, 3, 1), "Bloomberg", "rumoured", "Xiaomi is in talks with Chery."),
        (date(2023, 5, 2), "Reuters", "confirmed", "Chery confirmed talks with Xiaomi."),
    ):
        article = make_article(
            outlet=outlet,
            body=said,
            published_at=datetime(day.year, day.month, day.day, tzinfo=UTC),
        )
        evidence = make_evidence(talk, article, sentence=said, reported_status=status)
        if status != "rumoured":
            domain.set_status(talk, status, article=article, evidence=evidence, on=day)
    for i, name in enumerate(["BYD", "Great Wall Motor", "Changan Automobile", "Seres"]):
        make_talk(xiaomi, make_company(name), on=date(2023, 1 + i, 10))
    make_approval(xiaomi, make_company("MIIT", kind=CompanyKind.REGULATOR))
    return talk


def no_overflow(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_it_opens_a_story_from_the_timeline(screen, story):
    name, page, errors = screen
    page.goto("/")
    page.get_by_role("link", name="Xiaomi and Chery confirm talks on joint venture").click()
    page.wait_for_url(re.compile(rf"/talks/{story.pk}/#event-\d+$"))
    expect(page.locator("h1")).to_have_text("Xiaomi and Chery confirm talks on joint venture")
    expect(page.locator(".moves > li")).to_have_count(2)
    expect(page.locator(".strip svg rect.segment")).to_have_count(2)
    assert "Bloomberg" in page.locator(".story-reports").inner_text()
    if name == "phone":
        no_overflow(page, 390)
    assert errors == []


def test_it_shows_whose_rumours_come_true(screen, story):
    name, page, errors = screen
    page.goto("/")
    page.get_by_role("link", name="Sources").click()
    page.wait_for_url(re.compile(r"/sources/$"))
    expect(page.locator("h1")).to_have_text("Whose rumours come true")
    rows = page.locator(".sources-table tbody tr")
    expect(rows.first).to_contain_text("Bloomberg")
    assert page.locator(".source-bars svg").count() >= 1
    # Each talk with its outcome, linked to its story.
    page.locator(".source-talks a").first.click()
    page.wait_for_url(re.compile(r"/talks/\d+/$"))
    if name == "phone":
        page.go_back()
        no_overflow(page, 390)
    assert errors == []


def test_it_draws_a_company_network_readably(screen, story):
    name, page, errors = screen
    page.goto("/companies/xiaomi/")
    network = page.locator(".network svg")
    expect(network.locator("line.edge")).to_have_count(5)
    sizes = network.evaluate(TEXT_SIZES)
    assert sizes and min(sizes) >= 11, sizes
    assert network.evaluate(CLIPPED) == []
    # The chart of reports per month: labels legible and none cut at the edges.
    chart = page.locator(".chart svg")
    sizes = chart.evaluate(TEXT_SIZES)
    assert sizes and min(sizes) >= 11, sizes
    assert chart.evaluate(CLIPPED) == []
    # A partner is a link in the drawing; the table lists the same pairs.
    assert page.locator(".network-table tbody tr").count() == 5
    network.locator('a.node[href="/companies/chery/"]').click()
    page.wait_for_url(re.compile(r"/companies/chery/$"))
    if name == "phone":
        no_overflow(page, 390)
    assert errors == []


@pytest.mark.parametrize("width", [1366, 800])
def test_the_date_boxes_show_a_whole_date(browser, live_server, request, story, width):  # noqa: F811
    page, errors = open_page(
        browser, live_server, request, viewport={"width": width, "height": 900}
    )
    page.goto("/")
    for box in page.locator('input[type="date"]').all():
        box.fill("2023-12-31")
        # Chromium draws "12/31/2023" and its calendar button in about 150 px at this size.
        assert box.evaluate("e => e.getBoundingClientRect().width") >= 150
    assert errors == []


def test_the_moved_card_keeps_the_focus_and_its_select_shows_agreed(desktop, story):
    page, errors = desktop
    make_editor("edith", password=PASSWORD)
    page.goto("/admin/login/?next=/boards/talks/")
    page.fill("#id_username", "edith")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/boards/talks/$"))
    card = page.locator(f"#card-{story.pk}")
    select = card.get_by_label("Move to")
    # The select is wide enough for its longest option.
    needed = select.evaluate(
        """s => { const c = document.createElement('canvas').getContext('2d');
        c.font = getComputedStyle(s).font;
        return Math.max(...[...s.options].map(o => c.measureText(o.text).width)) + 24; }"""
    )
    assert select.evaluate("s => s.clientWidth") >= needed
    select.select_option("agreed")
    card.get_by_role("button", name="Move").focus()
    page.keyboard.press("Enter")
    page.locator(f".column-agreed #card-{story.pk}").wait_for()
    focused = page.evaluate("document.activeElement.closest('.card')?.id")
    assert focused == f"card-{story.pk}"
    assert errors == []


@pytest.fixture
def desktop(browser, live_server, request):  # noqa: F811
    return open_page(browser, live_server, request, **SCREENS["desktop"])


def test_it_draws_the_network_for_a_filter(desktop, story):
    page, errors = desktop
    page.goto("/network/")
    expect(page.locator(".network svg line.edge")).to_have_count(5)
    page.select_option("#id_status", "confirmed")
    expect(page.locator(".network svg line.edge")).to_have_count(1)
    page.wait_for_url(re.compile(r"/network/\?status=confirmed$"))
    assert TalkStatus.CONFIRMED in page.locator(".network-table").inner_text().lower()
    assert errors == []
