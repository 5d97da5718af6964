"""axe-core finds no violation on any page a reader or editor sees, the admin's included, on a
desktop (1366x900) and a phone (390x844), in Debian's Chromium (started as in test_browser.py).
"""

from datetime import UTC, date, datetime

import pytest
from django.conf import settings
from django.test import Client

from evtracker.news import runs
from evtracker.news.models import ItemOutcome, RunStatus
from evtracker.partnerships.models import CompanyKind
from tests.browser import AXE, PAGES, SCREENS, run_axe
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_investment,
    make_talk,
)
from tests.test_browser import browser, open_page  # noqa: F401 (browser: a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Rules switched off on one page only, each for markup of Django's admin we cannot override:
# none so far, every violation found was fixed in our templates (templates/admin/ included).
DISABLED = {}


@pytest.fixture
def news():
    """A talk, an investment and an approval between a few companies, each with its source,
    and a finished ingestion run: the ids the pages' addresses need."""
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery = make_company("Chery")
    byd = make_company("BYD")
    miit = make_company("MIIT", kind=CompanyKind.REGULATOR)
    said = (
        "Xiaomi is in talks with Chery about building cars, people familiar with the matter said."
    )
    article = make_article(
        title="Xiaomi in talks with Chery",
        outlet="Reuters",
        body=f"{said}\n\nChery declined to comment.",
        published_at=datetime(2023, 10, 12, 9, tzinfo=UTC),
    )
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12), topic="car production")
    make_evidence(talk, article, sentence=said, attributed_to="people familiar with the matter")
    make_talk(byd, chery, on=date(2023, 9, 1))
    investment = make_investment(byd, target=chery)
    make_evidence(investment, make_article(outlet="Bloomberg", body="BYD invests in Chery."))
    approval = make_approval(xiaomi, miit)
    make_evidence(approval, make_article(outlet="CnEVPost", body="MIIT approved Xiaomi."))

    editor = make_editor("edith")
    run = runs.create_run("Upload: xiaomi-chery.txt", user=editor)
    runs.add_items(run, ["xiaomi-chery.txt"])
    run.items.update(outcome=ItemOutcome.NEW, article=article, facts_found=1)
    run.status, run.done = RunStatus.FINISHED, 1
    run.save()
    ids = {
        "company": xiaomi.slug,
        "article": article.pk,
        "talk": talk.pk,
        "investment": investment.pk,
        "approval": approval.pk,
        "run": run.pk,
    }
    return ids, editor


def sign_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(browser, live_server, request, news, name, screen):  # noqa: F811
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root", pytrace=False)
    ids, editor = news
    address, signed_in = PAGES[name]
    # axe is injected as an inline script, which the pages' CSP would refuse.
    page, errors = open_page(browser, live_server, request, bypass_csp=True, **SCREENS[screen])
    if signed_in:
        sign_in(page.context, live_server, editor)
    response = page.goto(address.format(**ids))
    assert response.status == (404 if name == "not-found" else 200)
    violations = run_axe(page, DISABLED.get(name, ()))
    assert not violations, "\n".join(violations)
    if name == "not-found":
        errors = [error for error in errors if "404" not in error]
    assert errors == []
