"""make_x(**overrides) helpers: plain functions that build valid rows."""

import itertools
from datetime import UTC, date, datetime
from decimal import Decimal

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

_seq = itertools.count(1)


def make_company(name=None, *, aliases=(), **overrides):
    name = name or f"Company {next(_seq)}"
    fields = {"kind": CompanyKind.AUTOMAKER, "country": "CN", **overrides}
    company = Company.objects.create(name=name, **fields)
    for alias in aliases:
        CompanyAlias.objects.create(company=company, name=alias)
    return company


def make_article(**overrides):
    n = next(_seq)
    fields = {
        "title": f"Article {n}",
        "outlet": "Test Wire",
        "published_at": datetime(2023, 10, 12, 12, 34, tzinfo=UTC),
        "body": f"Body of article {n}. Xiaomi approached Chery about a deal.",
        "source_kind": SourceKind.FILE,
        **overrides,
    }
    article = Article(**fields)
    article.save()
    return article


def make_talk(party_a=None, party_b=None, **overrides):
    day = overrides.pop("on", date(2023, 10, 12))
    fields = {"first_reported": day, "last_reported": day, **overrides}
    talk = ReportedTalk(
        party_a=party_a or make_company(), party_b=party_b or make_company(), **fields
    )
    talk.save()
    return talk


def make_investment(investor=None, **overrides):
    fields = {
        "amount": Decimal("10000000000"),
        "currency": "USD",
        "announced_on": date(2023, 10, 12),
        **overrides,
    }
    investment = Investment(investor=investor or make_company(), **fields)
    investment.save()
    return investment


def make_approval(subject=None, regulator=None, **overrides):
    regulator = regulator or make_company(kind=CompanyKind.REGULATOR)
    fields = {"what": "EV manufacturing licence", "as_of": date(2023, 10, 12), **overrides}
    approval = Approval(subject=subject or make_company(), regulator=regulator, **fields)
    approval.save()
    return approval


def make_evidence(fact, article=None, **overrides):
    article = article or make_article()
    sentence = overrides.pop("sentence", article.body[:40])
    start = article.body.find(sentence)
    start = max(start, 0)
    fields = {
        "sentence": sentence,
        "start": start,
        "end": start + len(sentence),
        "reported_on": article.published_at.date(),
        "reported_status": getattr(fact, "status", ""),
        **overrides,
    }
    return Evidence.objects.create(article=article, **{fact.fact_type: fact}, **fields)
