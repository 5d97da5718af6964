"""An editor adds a talk with its source in the admin, in a real browser (Chromium, headless,
driven by Playwright; started as in test_browser.py), and the public pages show its quote."""

import re

import pytest

from evtracker.partnerships.models import CompanyKind, Evidence, ReportedTalk
from tests.factories import make_company, make_editor
from tests.test_browser import PASSWORD, browser, open_page  # noqa: F401 (browser: a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = """Xiaomi in talks with Chery over EV production

By Jane Reporter

Xiaomi is in early talks with Chery about building its cars in Chery's plants, people familiar
with the matter said.

Chery declined to comment.
"""
QUOTE = (
    "Xiaomi is in early talks with Chery about building its cars in Chery's plants, "
    "people familiar with the matter said."
)


@pytest.fixture
def editor_page(browser, live_server, request):  # noqa: F811 (the fixture imported above)
    make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    make_company("Chery")
    make_editor("edith", password=PASSWORD)
    page, errors = open_page(browser, live_server, request, viewport={"width": 1280, "height": 900})
    page.goto("/admin/partnerships/reportedtalk/add/")
    page.fill("#id_username", "edith")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/partnerships/reportedtalk/add/$"))
    return page, errors


def choose_company(page, field, name):
    page.locator(f"#id_{field} + .select2").click()
    page.locator(".select2-search__field").fill(name[:4])
    page.locator(".select2-results__option", has_text=name).click()


def test_it_adds_a_talk_from_pasted_text_and_shows_its_quote_on_the_public_pages(editor_page):
    page, errors = editor_page
    choose_company(page, "party_a", "Xiaomi")
    choose_company(page, "party_b", "Chery")
    page.fill("#id_topic", "EV production")
    page.fill("#id_first_reported", "2024-03-05")
    page.fill("#id_last_reported", "2024-03-05")
    page.fill("#id_source_text", ARTICLE)
    page.fill("#id_source_outlet", "Reuters")
    page.fill("#id_source_published_on", "2024-03-05")
    # As copied from the page: the line break of the article is a space here.
    page.fill("#id_quote", QUOTE)
    page.fill("#id_attributed_to", "people familiar with the matter")
    page.click("input[name=_save]")

    page.wait_for_url(re.compile(r"/admin/partnerships/reportedtalk/$"))
    assert "was added successfully" in page.locator(".messagelist").inner_text()
    talk = ReportedTalk.objects.get()
    assert Evidence.objects.get().talk == talk

    page.goto("/")
    event = page.locator("li.event", has_text="Xiaomi").first
    assert QUOTE in " ".join(event.locator("blockquote").inner_text().split())
    event.locator("figure.evidence figcaption a", has_text="Reuters").click()

    page.wait_for_url(re.compile(r"/articles/\d+/#evidence-\d+$"))
    assert page.locator("h1").inner_text() == "Xiaomi in talks with Chery over EV production"
    assert " ".join(page.locator("mark.evidence").inner_text().split()) == QUOTE
    assert errors == []


def test_it_refuses_to_save_a_talk_without_a_source_with_a_clear_message(editor_page):
    page, errors = editor_page
    choose_company(page, "party_a", "Xiaomi")
    choose_company(page, "party_b", "Chery")
    page.fill("#id_first_reported", "2024-03-05")
    page.fill("#id_last_reported", "2024-03-05")
    page.click("input[name=_save]")

    page.locator(".errornote").wait_for()
    assert page.locator(".errorlist.nonfield").inner_text() == (
        "A reported talk needs its source: the article's address or its text, "
        "and the sentence that reports it."
    )
    assert not ReportedTalk.objects.exists()
    assert errors == []
