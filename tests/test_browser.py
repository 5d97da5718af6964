"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright.

Each test leaves a screenshot in $EVTRACKER_ARTIFACTS/screenshots/ (default
test-artifacts/), which CI lists in its log. Without /usr/bin/chromium these
tests skip, and fail when EVTRACKER_REQUIRE_SERVICES=1.
"""

import os
import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from evtracker.partnerships.models import CompanyKind, TalkStatus
from evtracker.partnerships.timeline import PAGE_SIZE
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_talk,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("EVTRACKER_ARTIFACTS", "test-artifacts")) / "screenshots"
PASSWORD = "a long browser test password"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not available: {CHROMIUM} is missing (apt-get install chromium)"
        if os.getenv("EVTRACKER_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{message} (EVTRACKER_REQUIRE_SERVICES=1)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls
    # while one runs; the tests' own ORM calls are plain synchronous ones, so allow them here
    # (and only here: a leaked setting would fail `check --deploy` in other tests).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def open_page(browser, live_server, request, **options):
    """A fresh browser page on the live server; its console errors are collected."""
    context = browser.new_context(base_url=live_server.url, **options)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    request.addfinalizer(lambda: _finish(page, context, request.node.name))
    return page, errors


def _finish(page, context, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{re.sub(r'[^\w.-]', '_', name)}.png", full_page=True)
    context.close()


@pytest.fixture
def desktop(browser, live_server, request):
    return open_page(browser, live_server, request, viewport={"width": 1280, "height": 900})


@pytest.fixture
def news():
    """A few companies and facts, the Xiaomi ones reported most recently."""
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery = make_company("Chery")
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    article = make_article(outlet="CnEVPost", body="Xiaomi approached Chery about a car deal.")
    make_evidence(talk, article, sentence="Xiaomi approached Chery about a car deal.")
    make_approval(xiaomi, make_company("MIIT", kind=CompanyKind.REGULATOR))
    make_talk(make_company("Huawei", kind=CompanyKind.TECHNOLOGY), make_company("BYD"))
    return talk


def test_it_filters_by_automaker_with_a_shareable_url_reload_back_and_forward(desktop, news):
    page, errors = desktop
    events = page.locator("li.event")
    page.goto("/")
    assert events.count() == 3

    # The company select is a combobox with JavaScript (tests/test_browser_filters.py).
    page.get_by_role("combobox", name="Companies").fill("xia")
    page.get_by_role("option", name=re.compile("Xiaomi")).click()

    page.wait_for_url(re.compile(r"/\?company=xiaomi$"))
    expect(events).to_have_count(2)
    assert "Events involving Xiaomi" in page.locator(".summary").inner_text()
    assert page.locator("header.site-header").count() == 1

    page.reload()
    assert events.count() == 2
    assert page.locator("#id_company option:checked").all_inner_texts() == ["Xiaomi"]

    page.go_back()
    expect(events).to_have_count(3)
    assert re.search(r"/$", page.url)
    # The whole page came back (htmx's history restore got a full page, not a fragment).
    assert page.locator("header.site-header").count() == 1
    assert page.locator("form.filters").count() == 1
    assert page.locator("#id_company option:checked").count() == 0

    page.go_forward()
    expect(events).to_have_count(2)
    assert errors == []


def test_it_loads_older_events_as_the_reader_scrolls(desktop):
    page, errors = desktop
    hub = make_company("Hub Motors")
    total = 2 * PAGE_SIZE + 20
    for i in range(total):
        make_talk(hub, make_company(f"Partner {i:03}"), on=date(2023, 1 + i % 12, 1 + i % 28))
    events = page.locator("li.event")
    page.goto("/")
    expect(events).to_have_count(PAGE_SIZE)

    page.locator(".older a").scroll_into_view_if_needed()
    expect(events).to_have_count(2 * PAGE_SIZE)
    page.locator(".older a").scroll_into_view_if_needed()
    expect(events).to_have_count(total)

    assert page.locator(".older.end").inner_text() == "No older events."
    ids = page.locator("li.event").evaluate_all("items => items.map(item => item.id)")
    assert len(set(ids)) == total
    assert page.url.endswith("/")
    assert errors == []


def test_it_lets_an_editor_move_a_card_and_the_timeline_shows_it(desktop, news):
    page, errors = desktop
    make_editor("edith", password=PASSWORD)
    page.goto("/boards/talks/")
    assert page.locator("form.move").count() == 0
    page.get_by_role("link", name="Editors: sign in").click()
    page.fill("#id_username", "edith")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/boards/talks/$"))

    card = page.locator(f"#card-{news.pk}")
    assert page.locator(f".column-rumoured #card-{news.pk}").count() == 1
    card.get_by_label("Move to").select_option("agreed")
    card.get_by_role("button", name="Move").click()

    page.locator(f".column-agreed #card-{news.pk}").wait_for()
    assert "Moved “" in page.locator(".message.success").inner_text()
    news.refresh_from_db()
    assert news.status == TalkStatus.AGREED

    page.get_by_role("link", name="Timeline").click()
    first = page.locator("li.event").first
    assert "Xiaomi and Chery reach an agreement (was rumoured)" in first.inner_text()
    assert "Status set by an editor." in first.inner_text()
    assert errors == []


def test_it_works_as_plain_links_and_forms_without_javascript(browser, live_server, request, news):
    page, _ = open_page(browser, live_server, request, java_script_enabled=False)
    page.goto("/")
    page.select_option("#id_company", "xiaomi")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"company=xiaomi"))
    assert page.locator("li.event").count() == 2


@pytest.mark.parametrize("path", ["/", "/boards/talks/", "/companies/xiaomi/"])
def test_it_fits_a_phone_screen(browser, live_server, request, news, path):
    page, errors = open_page(
        browser, live_server, request, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page.goto(path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width}px wide on a 390px screen"
    assert errors == []
