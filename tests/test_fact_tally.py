"""The totals read from FactTally agree with the facts counted one by one, after every kind
of write: ingestion, an editor's status move, retiring and restoring, a change of company,
merging a duplicate company, and the corpus loader's rebuild.

What a reader sees: the totals at the top of the timeline and the boards' column counts.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.test import Client
from lxml import html as lxml_html

from evtracker.partnerships import domain
from evtracker.partnerships.merge import merge_company_into
from evtracker.partnerships.models import (
    Company,
    FactTally,
    FactType,
    InvestmentKind,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)
from evtracker.partnerships.timeline import Filters
from evtracker.partnerships.totals import _counted, _tallied, fact_totals
from tests.factories import make_approval, make_company, make_editor, make_investment, make_talk
from tests.test_ingest_order import demo_articles, ingest_demo

pytestmark = pytest.mark.django_db

ALL_TYPES = set(FactType.values)


def filter_cases(companies):
    xiaomi, chery, byd = companies
    return [
        Filters(),
        Filters(companies=(xiaomi,)),
        Filters(companies=(xiaomi, chery)),
        Filters(companies=(xiaomi, chery, byd)),
        Filters(fact_type=FactType.INVESTMENT),
        Filters(status=TalkStatus.RUMOURED),
        Filters(companies=(chery,), status=TalkStatus.AGREED),
    ]


def assert_tally_agrees(companies):
    for filters in filter_cases(companies):
        tallied = {k: v for k, v in _tallied(filters, ALL_TYPES).items() if v[0]}
        counted = {k: v for k, v in _counted(filters, ALL_TYPES).items() if v[0]}
        assert tallied == counted, filters.describe()


@pytest.fixture
def three():
    return (
        make_company("Xiaomi"),
        make_company("Chery"),
        make_company("BYD"),
    )


def test_tally_follows_each_kind_of_write(three):
    xiaomi, chery, byd = three
    regulator = make_company("MIIT")
    talk = make_talk(xiaomi, chery)
    make_talk(xiaomi, byd, status=TalkStatus.AGREED)
    make_talk(chery, byd)
    make_investment(xiaomi, amount=Decimal("10000000000"), currency="USD")
    make_investment(xiaomi, target=chery, amount=None, currency="", kind=InvestmentKind.STAKE)
    make_investment(byd, target=xiaomi, amount=Decimal("5"), currency="CNY")
    approval = make_approval(xiaomi, regulator)
    assert_tally_agrees(three)

    domain.set_status(talk, TalkStatus.AGREED, by=make_editor("ed"), on=date(2024, 1, 2))
    assert_tally_agrees(three)
    domain.set_review_state(approval, ReviewState.RETIRED)
    assert_tally_agrees(three)
    domain.set_review_state(approval, ReviewState.UNREVIEWED)
    assert_tally_agrees(three)

    # An editor moves the talk to other companies.
    talk = ReportedTalk.objects.get(pk=talk.pk)
    talk.party_b = byd
    with pytest.raises(IntegrityError):  # Xiaomi and BYD already have a talk
        domain.save_fact(talk)
    talk = ReportedTalk.objects.get(pk=talk.pk)
    other = make_company("Chery Automobile", verified=False)
    talk.party_b = other
    domain.save_fact(talk)
    assert_tally_agrees(three)

    # The duplicate company folded into Chery: its talk with Xiaomi joins the existing one.
    make_talk(chery, xiaomi)
    merge_company_into(other, chery)
    assert_tally_agrees(three)
    assert not FactTally.objects.filter(company=other).exists()


def test_rebuild_gives_what_the_writes_kept(three):
    xiaomi, chery, byd = three
    make_talk(xiaomi, chery)
    make_talk(chery, byd, status=TalkStatus.DENIED)
    make_investment(byd, target=chery, amount=Decimal("1.5"), currency="EUR")
    # Chery invests too: its row adds up its investments as investor and as target.
    make_investment(chery, target=xiaomi, amount=Decimal("2"), currency="EUR")
    columns = ("company_id", "fact_type", "group", "currency", "facts", "amount")
    kept = set(FactTally.objects.filter(facts__gt=0).values_list(*columns))
    domain.rebuild_tally()
    rebuilt = set(FactTally.objects.values_list(*columns))
    assert rebuilt == kept
    # The rows without a company total every fact: the two talks and the two investments.
    assert sum(row[4] for row in rebuilt if row[0] is None) == 4
    assert (chery.pk, "investment", "pledge", "EUR", 2, Decimal("3.50")) in rebuilt


def test_the_demo_data_totals_agree_with_the_facts_on_the_pages():
    ingest_demo(demo_articles())
    top = list(Company.objects.filter(slug__in=["xiaomi", "chery", "byd"]).order_by("slug"))
    assert len(top) == 3
    assert_tally_agrees(top)
    # The talks board's columns and the totals above them are the same figures.
    page = lxml_html.fromstring(Client().get("/boards/talks/?company=xiaomi").content)
    columns = {}
    for column in page.xpath("//section[contains(@class, 'column ')]"):
        count = column.xpath(".//h2/span[@class='count']/text()")
        columns[column.get("id") or column.get("aria-labelledby").removeprefix("column-")] = int(
            count[0]
        )
    totals = fact_totals(Filters(companies=(top[2],)))
    assert {status: n for status, _, n in totals.talks.rows} == {
        status: n for status, n in columns.items() if n
    }
    assert sum(columns.values()) == ReportedTalk.objects.public().involving(top[2]).count()
