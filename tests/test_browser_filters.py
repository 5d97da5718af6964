"""The analyst's filters and density in Chromium, desktop (1366x900) and phone (390x844):
the company picker, Back and Forward with and without JavaScript, filters folded on a
phone, the compact timeline, a board column paged, and axe-core finding nothing with the
picker open (tests/test_browser_a11y.py checks every page)."""

import contextlib
import json
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from evtracker.partnerships.boards import CARDS_PER_COLUMN
from evtracker.partnerships.models import CompanyKind
from tests.browser import AXE, DESKTOP, PHONE, run_axe
from tests.factories import make_article, make_company, make_evidence, make_talk
from tests.test_browser import browser, open_page  # noqa: F401 (browser: a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def automakers():
    """Five automakers and a tech firm, in talks in pairs, each talk with a quote."""
    names = ["Chery", "BYD", "Geely", "Nio", "Great Wall Motor"]
    firms = {name: make_company(name) for name in names}
    firms["Xiaomi"] = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    pairs = [("Xiaomi", "Chery"), ("BYD", "Geely"), ("Nio", "Chery"), ("Great Wall Motor", "BYD")]
    for i, (a, b) in enumerate(pairs):
        talk = make_talk(firms[a], firms[b], on=date(2023, 10, 1 + i))
        sentence = f"{a} and {b} are said to be discussing a deal."
        make_evidence(talk, make_article(outlet="Wire", body=sentence), sentence=sentence)
    return firms


@pytest.fixture
def opened(browser, live_server, request):  # noqa: F811 (the fixture imported above)
    """opened(**context options) -> (page, errors): a fresh page on the live server."""
    return lambda **options: open_page(browser, live_server, request, **options)


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def screen(request):
    return request.param


def open_filters(page):
    """On a phone the form is folded behind "Filters (n)"."""
    toggle = page.locator("button.filters-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def pick(page, letters, name):
    box = page.get_by_role("combobox", name="Companies")
    box.fill(letters)
    option = page.get_by_role("option", name=re.compile(name))
    expect(option).to_be_visible()
    while option.get_attribute("aria-selected") != "true":
        box.press("ArrowDown")
    box.press("Enter")


def chips(page):
    return page.locator(".chips .chip-name").all_inner_texts()


def test_it_picks_two_automakers_by_typing_removes_one_and_goes_back_and_forward(
    opened, automakers, screen
):
    page, errors = opened(**screen)
    events = page.locator("li.event")
    page.goto("/")
    expect(events).to_have_count(4)
    open_filters(page)

    pick(page, "che", "Chery")
    page.wait_for_url(re.compile(r"/\?company=chery$"))
    expect(events).to_have_count(2)
    pick(page, "by", "BYD")
    page.wait_for_url(re.compile(r"/\?company=byd&company=chery$"))
    expect(events).to_have_count(4)
    assert chips(page) == ["BYD", "Chery"]
    box = page.get_by_role("combobox", name="Companies")
    assert box.get_attribute("aria-expanded") == "false"
    expect(page.locator(".filters-toggle .filter-count")).to_have_text("(2)")

    page.get_by_role("button", name="Remove Chery").click()
    page.wait_for_url(re.compile(r"/\?company=byd$"))
    expect(events).to_have_count(2)
    assert chips(page) == ["BYD"]
    # The focus stays in the picker: on the next chip, or the box once none is left.
    expect(page.get_by_role("button", name="Remove BYD")).to_be_focused()

    page.go_back()
    page.wait_for_url(re.compile(r"/\?company=byd&company=chery$"))
    expect(events).to_have_count(4)
    expect(page.locator(".chips .chip-name")).to_have_text(["BYD", "Chery"])
    page.go_back()
    page.wait_for_url(re.compile(r"/\?company=chery$"))
    expect(page.locator(".chips .chip-name")).to_have_text(["Chery"])
    expect(events).to_have_count(2)
    page.go_forward()
    page.wait_for_url(re.compile(r"/\?company=byd&company=chery$"))
    expect(page.locator(".chips .chip-name")).to_have_text(["BYD", "Chery"])
    expect(events).to_have_count(4)
    assert page.locator("header.site-header").count() == 1
    assert errors == []


def test_a_slow_answer_to_an_earlier_back_never_lands_after_a_later_one(opened, automakers):
    page, errors = opened(**DESKTOP)
    summary = page.locator("#results p.summary")
    page.goto("/")
    for query in ("/?company=chery", "/?company=byd&company=chery", "/?company=byd"):
        page.evaluate(
            "u => htmx.ajax('GET', u, {target: '#results', swap: 'outerHTML', push: 'true'})",
            query,
        )
        page.wait_for_url(re.compile(re.escape(query) + "$"))
    held = []

    def hold_the_first_restore(route):
        restoring = route.request.headers.get("hx-history-restore-request")
        if restoring and route.request.url.endswith("/?company=byd&company=chery"):
            held.append(route)  # answered late, below
        else:
            route.continue_()

    page.route("**/?company=*", hold_the_first_restore)
    page.go_back(wait_until="commit")  # asks for BYD and Chery: held
    for _ in range(50):  # until that request is on its way (the handler runs during waits)
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    page.go_back(wait_until="commit")  # asks for Chery: answered at once
    page.wait_for_url(re.compile(r"/\?company=chery$"))
    expect(summary).to_contain_text("involving Chery")
    # The earlier answer comes at last (unless the browser has dropped its request already).
    with contextlib.suppress(PlaywrightError):
        held[0].continue_()
    page.wait_for_timeout(1000)
    assert page.url.endswith("/?company=chery")
    expect(summary).to_contain_text("involving Chery")
    expect(summary).not_to_contain_text("BYD")
    assert errors == []


def test_the_sources_page_picks_automakers_by_typing(opened, automakers):
    page, errors = opened(**DESKTOP)
    page.goto("/sources/")
    box = page.get_by_role("combobox", name="Automakers")
    box.fill("xi")  # Xiaomi, a technology firm, is no automaker
    expect(page.get_by_role("status").filter(has_text="No company")).to_have_count(1)
    found = page.locator(".suggestions [role=option]")
    expect(found).to_have_count(0)
    box.fill("che")
    expect(found.filter(has_text="Chery")).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    assert chips(page) == ["Chery"]
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"/sources/\?company=chery"))
    expect(page.locator("p.summary")).to_contain_text("involving Chery")
    assert errors == []


def test_it_keeps_followed_automakers_as_shortcuts_in_the_browser(opened, automakers):
    page, errors = opened(**DESKTOP)
    page.goto("/")
    pick(page, "gee", "Geely")
    page.get_by_role("button", name="Keep Geely as a shortcut").click()
    pick(page, "ni", "Nio")
    page.get_by_role("button", name="Keep Nio as a shortcut").click()
    stored = page.evaluate("localStorage.getItem('evtracker.followed')")
    assert [c["slug"] for c in json.loads(stored)] == ["geely", "nio"]

    page.goto("/")
    shortcuts = page.get_by_role("group", name="Companies you follow")
    shortcuts.get_by_role("button", name="Only these").click()
    page.wait_for_url(re.compile(r"company=geely&company=nio$"))
    assert chips(page) == ["Geely", "Nio"]
    assert errors == []


def test_it_goes_back_and_forward_without_javascript_form_and_results_together(opened, automakers):
    page, _ = opened(java_script_enabled=False, **DESKTOP)
    events = page.locator("li.event")
    page.goto("/")
    page.select_option("#id_company", ["chery", "byd"])
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"company=byd&company=chery"))
    page.select_option("#id_company", "nio")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"company=nio"))
    assert events.count() == 1

    page.go_back()
    page.wait_for_url(re.compile(r"company=byd&company=chery"))
    assert events.count() == 4
    assert page.locator("#id_company option:checked").all_inner_texts() == ["BYD", "Chery"]
    page.go_back()
    assert events.count() == 4
    assert page.locator("#id_company option:checked").count() == 0
    page.go_forward()
    page.go_forward()
    page.wait_for_url(re.compile(r"company=nio"))
    assert events.count() == 1
    assert page.locator("#id_company option:checked").all_inner_texts() == ["Nio"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_it_puts_the_results_first_on_a_phone_the_filters_behind_a_button(
    opened, automakers, javascript
):
    page, errors = opened(java_script_enabled=javascript, **PHONE)
    page.goto("/?company=chery")
    toggle = page.locator(".filters-toggle")
    expect(toggle).to_have_text("Filters (1)")
    assert not page.locator("form.filters").is_visible()
    first = page.locator("li.event").first.bounding_box()
    assert first["y"] < 844, "the first result is below the fold"
    toggle.click()
    expect(page.locator("form.filters")).to_be_visible()
    if javascript:
        assert toggle.get_attribute("aria-expanded") == "true"
        assert errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_it_shows_a_compact_timeline_remembered_in_the_browser(opened, automakers, screen):
    page, errors = opened(**screen)
    page.goto("/")
    event = page.locator("li.event").first
    detailed = event.bounding_box()["height"]
    assert page.locator("li.event blockquote").first.is_visible()

    page.get_by_role("link", name="Compact, one line per event").click()
    compact = event.bounding_box()["height"]
    assert compact < detailed / 2, (compact, detailed)
    if screen is DESKTOP:
        assert compact < 40, "one line per event"
    assert not page.locator("li.event blockquote").first.is_visible()
    event.get_by_text("Quote").click()
    expect(event.locator("blockquote")).to_be_visible()

    page.reload()
    assert page.locator("html.view-compact").count() == 1
    assert not page.locator("li.event blockquote").first.is_visible()
    page.get_by_role("link", name="Detailed").click()
    expect(page.locator("li.event blockquote").first).to_be_visible()
    page.reload()
    assert page.locator("html.view-compact").count() == 0
    assert errors == []


def test_it_shows_the_compact_view_without_javascript_by_its_address(opened, automakers):
    page, _ = opened(java_script_enabled=False, **DESKTOP)
    page.goto("/")
    page.get_by_role("link", name="Compact, one line per event").click()
    page.wait_for_url(re.compile(r"view=compact"))
    assert page.locator("li.event").first.bounding_box()["height"] < 40
    page.locator("li.event summary").first.click()
    expect(page.locator("li.event blockquote").first).to_be_visible()
    # Filtering keeps the view.
    page.select_option("#id_company", "chery")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"company=chery&.*view=compact"))
    assert page.locator("li.event").first.bounding_box()["height"] < 40


def many_rumours():
    hub = make_company("Hub Motors")
    # Two full pages of the rumoured column and five cards more.
    for i in range(2 * CARDS_PER_COLUMN + 5):
        make_talk(hub, make_company(f"Partner {i:02}"), on=date(2023, 1, 1) + timedelta(days=i))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_it_pages_a_board_column_to_its_end(opened, screen, javascript):
    many_rumours()
    page, errors = opened(java_script_enabled=javascript, **screen)
    page.goto("/boards/talks/")
    column = page.locator(".column-rumoured")
    cards = column.locator("li.card")
    per_column = CARDS_PER_COLUMN
    expect(cards).to_have_count(per_column)
    # Compact cards: each one's latest report stays folded until asked for.
    assert column.locator(".card details.quote[open]").count() == 0
    more = column.get_by_role("link", name="More rumoured talks")
    if javascript:
        more.click()
        expect(cards).to_have_count(2 * per_column)
        expect(cards.nth(per_column)).to_be_focused()
        more.click()
        expect(cards).to_have_count(2 * per_column + 5)
        assert page.url.endswith("/boards/talks/")
        assert errors == []
    else:
        more.click()
        page.wait_for_url(re.compile(r"column=rumoured&after="))
        assert cards.count() == per_column
        assert f"Partner {per_column + 4:02}" in cards.first.inner_text()
        column.get_by_role("link", name="More rumoured talks").click()
        assert cards.count() == 5
        assert column.get_by_role("link", name="More rumoured talks").count() == 0
        column.get_by_role("link", name="Back to the newest").click()
        assert cards.count() == per_column


@pytest.mark.parametrize(
    "path",
    ["/", "/?company=chery&company=byd", "/?view=compact", "/boards/talks/", "/boards/approvals/"],
)
def test_axe_finds_no_violation(opened, automakers, screen, path):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root", pytrace=False)
    many_rumours()
    # axe is injected as an inline script, which the pages' CSP would refuse.
    page, errors = opened(bypass_csp=True, **screen)
    page.goto(path)
    open_filters(page)
    if "company=" in path:
        expect(page.locator(".chips .chip")).to_have_count(2)
        box = page.get_by_role("combobox", name="Companies")
        box.fill("gr")
        expect(page.get_by_role("option").first).to_be_visible()
    assert run_axe(page) == []
    assert errors == []
