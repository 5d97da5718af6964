"""The database itself refuses rows that break the model's invariants.

Rows go in through bulk_create and update, which skip save() and validation,
so only the database's constraints stand in the way.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from evtracker.news.models import Article, SourceKind
from evtracker.partnerships.models import (
    Approval,
    Company,
    CompanyAlias,
    CompanyKind,
    Evidence,
    Investment,
    ReportedTalk,
)

from .factories import (
    make_approval,
    make_article,
    make_company,
    make_evidence,
    make_investment,
    make_talk,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

DAY = date(2023, 10, 12)


def refused(make_row):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_row()


def raw_talk(party_a, party_b, **fields):
    row = {"first_reported": DAY, "last_reported": DAY, **fields}
    return ReportedTalk.objects.bulk_create([ReportedTalk(party_a=party_a, party_b=party_b, **row)])


def raw_investment(investor, **fields):
    row = {"amount": Decimal("100"), "currency": "USD", "announced_on": DAY, **fields}
    return Investment.objects.bulk_create([Investment(investor=investor, **row)])


def raw_evidence(article, **facts):
    row = {"sentence": "A sentence.", "start": 0, "end": 11, "reported_on": DAY}
    return Evidence.objects.bulk_create([Evidence(article=article, **facts, **row)])


def raw_article(**fields):
    row = {
        "title": "Title",
        "published_at": datetime(2023, 10, 12, tzinfo=UTC),
        "body": "Body.",
        "source_kind": SourceKind.FILE,
        **fields,
    }
    return Article.objects.bulk_create([Article(**row)])


@pytest.fixture
def pair():
    return make_company("Chery"), make_company("Xiaomi")


def test_it_accepts_a_canonical_talk(pair):
    low, high = pair

    raw_talk(low, high)

    assert ReportedTalk.objects.between(high, low).exists()


def test_it_refuses_a_talk_of_a_company_with_itself(pair):
    refused(lambda: raw_talk(pair[0], pair[0]))


def test_it_refuses_a_talk_stored_in_the_wrong_order(pair):
    low, high = pair

    refused(lambda: raw_talk(high, low))


def test_it_refuses_swapping_a_talks_parties_by_update(pair):
    low, high = pair
    talk = make_talk(low, high)

    refused(lambda: ReportedTalk.objects.filter(pk=talk.pk).update(party_a=high, party_b=low))


def test_it_refuses_a_second_talk_for_the_same_pair(pair):
    low, high = pair
    make_talk(high, low)

    refused(lambda: raw_talk(low, high))


def test_it_refuses_a_talk_last_reported_before_it_was_first(pair):
    refused(lambda: raw_talk(*pair, first_reported=date(2023, 10, 13)))


def test_it_accepts_a_positive_investment_with_a_stake_up_to_100():
    investor = make_company()

    raw_investment(investor, amount=Decimal("0.01"))
    raw_investment(investor, target=make_company(), kind="stake", stake_percent=Decimal("100"))

    assert Investment.objects.count() == 2


@pytest.mark.parametrize("amount", ["0", "-1", "-10000000000"])
def test_it_refuses_an_amount_that_is_not_positive(amount):
    refused(lambda: raw_investment(make_company(), amount=Decimal(amount)))


@pytest.mark.parametrize("stake", ["100.01", "250", "-1", "0"])
def test_it_refuses_a_stake_outside_0_to_100(stake):
    target = make_company()

    refused(lambda: raw_investment(make_company(), target=target, stake_percent=Decimal(stake)))


def test_it_refuses_raising_a_stake_past_100_by_update():
    investment = make_investment(target=make_company(), kind="stake", stake_percent=21)

    refused(lambda: Investment.objects.filter(pk=investment.pk).update(stake_percent=101))


@pytest.mark.parametrize("currency", ["usd", "US", "US1", ""])
def test_it_refuses_a_currency_that_is_not_an_iso_code(currency):
    refused(lambda: raw_investment(make_company(), currency=currency))


def test_it_refuses_an_investment_of_a_company_in_itself():
    company = make_company()

    refused(lambda: raw_investment(company, target=company))


def test_it_refuses_the_same_investment_twice():
    investor, target = make_company(), make_company()
    make_investment(investor, target=target)
    make_investment(investor)

    refused(lambda: raw_investment(investor, target=target, amount=Decimal("10000000000")))
    refused(lambda: raw_investment(investor, amount=Decimal("10000000000")))


def test_it_refuses_an_approval_of_a_regulator_by_itself():
    regulator = make_company("MIIT", kind=CompanyKind.REGULATOR)

    refused(
        lambda: Approval.objects.bulk_create(
            [Approval(subject=regulator, regulator=regulator, what="Licence", as_of=DAY)]
        )
    )


def test_it_refuses_the_same_approval_twice():
    approval = make_approval()

    refused(
        lambda: Approval.objects.bulk_create(
            [
                Approval(
                    subject=approval.subject,
                    regulator=approval.regulator,
                    what=approval.what,
                    as_of=DAY,
                )
            ]
        )
    )


def test_it_accepts_evidence_for_exactly_one_fact():
    raw_evidence(make_article(), talk=make_talk())

    assert Evidence.objects.count() == 1


def test_it_refuses_evidence_for_no_fact():
    refused(lambda: raw_evidence(make_article()))


def test_it_refuses_evidence_for_two_facts():
    article, talk, pledge = make_article(), make_talk(), make_investment()

    refused(lambda: raw_evidence(article, talk=talk, investment=pledge))


def test_it_refuses_moving_evidence_onto_a_second_fact_by_update():
    evidence = make_evidence(make_talk())
    approval = make_approval()

    refused(lambda: Evidence.objects.filter(pk=evidence.pk).update(approval=approval))


def test_it_refuses_an_evidence_span_that_ends_before_it_starts():
    article, talk = make_article(), make_talk()

    refused(
        lambda: Evidence.objects.bulk_create(
            [Evidence(article=article, talk=talk, sentence="x", start=10, end=5, reported_on=DAY)]
        )
    )


def test_it_refuses_the_same_sentence_twice_for_one_fact():
    talk, article = make_talk(), make_article()
    first = make_evidence(talk, article)
    again = {
        f.name: getattr(first, f.name) for f in Evidence._meta.concrete_fields if not f.primary_key
    }

    refused(lambda: Evidence.objects.create(**again))


@pytest.mark.parametrize("spelling", ["vw", "VW", "Vw"])
def test_it_refuses_an_alias_another_company_has_in_any_case(spelling):
    CompanyAlias.objects.create(company=make_company("Volkswagen"), name="VW")
    other = make_company("Vinfast")

    refused(lambda: CompanyAlias.objects.bulk_create([CompanyAlias(company=other, name=spelling)]))


def test_it_refuses_two_companies_of_the_same_name_in_any_case():
    make_company("Nio")

    refused(lambda: Company.objects.bulk_create([Company(name="NIO", slug="nio-2")]))


@pytest.mark.parametrize("country", ["cn", "C", "1A"])
def test_it_refuses_a_country_that_is_not_an_iso_code(country):
    refused(lambda: Company.objects.bulk_create([Company(name="X", slug="x", country=country)]))


def test_it_refuses_the_same_article_text_twice():
    make_article(body="Xiaomi approached Chery.")

    refused(lambda: make_article(body="Xiaomi   approached\nChery."))


def test_it_refuses_the_same_content_hash_stored_directly():
    first = make_article()

    refused(lambda: raw_article(content_hash=first.content_hash, body="Other text."))


def test_it_refuses_the_same_url_twice_but_allows_many_articles_without_one():
    make_article(url="https://example.org/story")
    make_article(url="")
    make_article(url=None)

    refused(
        lambda: raw_article(url="https://example.org/story", content_hash="f" * 64, body="Other.")
    )
    assert Article.objects.filter(url__isnull=True).count() == 2
