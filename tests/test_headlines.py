"""Headlines for every event type and status read as a news desk would write them: no word
twice, every verb conjugated, a purpose as 'to build' or 'for production'."""

import re
from decimal import Decimal
from itertools import product
from types import SimpleNamespace

import pytest

from evtracker.partnerships.describe import (
    BASE_VERBS,
    describe_event,
    describe_results,
)
from evtracker.partnerships.models import (
    ApprovalStatus,
    EventKind,
    FactType,
    InvestmentKind,
    TalkStatus,
)
from evtracker.partnerships.timeline import Filters

# Topics, purposes and approvals as the extractor finds them in real reporting
# (tests/data/realset), the bad cases of issue 11 among them.
TOPICS = ["", "agreement", "deal", "joint venture", "a collaboration", "sale of shares",
          "jointly develop and make Aito-branded vehicles", "developing autonomous vehicles",
          "build a battery plant", "Monday", "memorandum of understanding",
          "agreements", "using the Freelander name", "mass-produce robotaxis",
          "jointly developing a cheap electric car have ended without agreement",
          "264 billion won"]  # fmt: skip
PURPOSES = ["", "build a battery plant", "battery production", "electric vehicles",
            "the JV", "Rivian", "develop next-generation vehicles", "cash"]  # fmt: skip
WHATS = ["approval", "deal approval", "listing approval", "type approval",
         "EV manufacturing licence", "autonomous driving permit",
         "regulatory approval"]  # fmt: skip
SUBJECT_VERBS = {
    # The word after a single company: conjugated, or a headline's past participle.
    "singular": {
        "takes",
        "pledges",
        "buys",
        "forms",
        "awaits",
        "wins",
        "granted",
        "refused",
        "approves",
        "grants",
        "rejects",
        "blocks",
        "refuses",
        "sells",
        "raises",
        "gets",
        "starts",
        "draws",
    },  # fmt: skip
    # The word after "A and B".
    "plural": {"reportedly", "confirm", "agree", "reach", "deny", "end", "form"},
}
SMALL = {"a", "an", "and", "the", "of", "in", "on", "to", "for", "with", "its", "by", "at", "s"}


def talk(topic, status):
    return SimpleNamespace(
        fact_type=FactType.TALK, party_a="Xiaomi", party_b="Chery", topic=topic, status=status
    )


def investment(kind, target, amount, purpose, investor="Volkswagen"):
    return SimpleNamespace(
        fact_type=FactType.INVESTMENT,
        investor=investor,
        target=target,
        amount=amount,
        currency="USD" if amount else "",
        kind=kind,
        stake_percent=Decimal("4.99") if kind == InvestmentKind.STAKE else None,
        purpose=purpose,
        status="",
    )


def approval(what, regulator, status):
    return SimpleNamespace(
        fact_type=FactType.APPROVAL, subject="BYD", regulator=regulator, what=what, status=status
    )


def event(fact, status, previous=""):
    return SimpleNamespace(
        fact=fact,
        status=status,
        previous_status=previous,
        kind=EventKind.STATUS if previous else EventKind.REPORTED,
    )


def every_event():
    talks = list(TalkStatus)
    for topic, status, previous in product(TOPICS, talks, ["", *talks]):
        if status != previous:
            yield event(talk(topic, status), status, previous)
    for kind, target, amount, purpose in product(
        InvestmentKind, [None, "Xpeng"], [None, Decimal("700000000")], PURPOSES
    ):
        yield event(investment(kind, target, amount, purpose), "")
    # Money whose investors the report does not name: the company it goes to is named.
    for kind, amount, purpose in product(InvestmentKind, [None, Decimal("7e8")], PURPOSES):
        yield event(investment(kind, "Xpeng", amount, purpose, investor=None), "")
    approvals = list(ApprovalStatus)
    for what, regulator, status, previous in product(
        WHATS, [None, "SAMR"], approvals, ["", *approvals]
    ):
        if status != previous:
            yield event(approval(what, regulator, status), status, previous)


NAMES = ("Xiaomi", "Chery", "Volkswagen", "Xpeng", "BYD", "SAMR")
HEADLINES = [describe_event(e) for e in every_event()]


def content_words(line):
    for name in NAMES:
        line = line.replace(name, " ")
    return [w for w in re.findall(r"[a-z][a-z-]*", line.lower()) if w not in SMALL]


@pytest.mark.parametrize("line", HEADLINES)
def test_no_headline_repeats_a_word(line):
    stems = [word[:5] for word in content_words(line)]
    assert len(stems) == len(set(stems)), line


@pytest.mark.parametrize("line", HEADLINES)
def test_every_headline_conjugates_its_verbs(line):
    plural = re.match(r"^(?:Xiaomi and Chery|Volkswagen and Xpeng) (\w+)", line)
    if plural:
        assert plural.group(1) in SUBJECT_VERBS["plural"], line
    else:
        first, verb = re.match(r"^(\w+)(?:'s)? (\w+)", line).groups()
        assert first in NAMES, line
        assert verb in SUBJECT_VERBS["singular"], line
    # A verb never follows "for" in its base form ("for build a battery plant").
    for word in re.findall(r"\bfor (\w+)", line):
        assert word not in BASE_VERBS, line
    # Nor a conjugated one after "to" ("to builds").
    for word in re.findall(r"\bto (\w+)", line):
        assert not (word.endswith("s") and word[:-1] in BASE_VERBS), line


def test_it_writes_the_bad_headlines_of_issue_11_well():
    agreed = describe_event(event(talk("agreement", "agreed"), "agreed"))
    assert agreed == "Xiaomi and Chery reach an agreement"
    pledge = investment(InvestmentKind.PLEDGE, None, Decimal("2e9"), "build a battery plant")
    assert (
        describe_event(event(pledge, ""))
        == "Volkswagen pledges USD 2 billion to build a battery plant"
    )
    awaits = describe_event(event(approval("approval", "MOFCOM", "pending"), "pending"))
    assert awaits == "BYD awaits MOFCOM approval"
    assert describe_results(Filters(fact_type="investment", text="battery")) == (
        "Investments mentioning “battery”"
    )
    assert describe_results(Filters(status="agreed"), "talks") == "Talks with status agreed"


@pytest.mark.parametrize(
    ("topic", "status", "line"),
    [
        ("using the Freelander name", "agreed",
         "Xiaomi and Chery agree on using the Freelander name"),
        ("mass-produce robotaxis", "agreed", "Xiaomi and Chery agree to mass-produce robotaxis"),
        # The reporting clause the extractor caught with the topic is no part of it.
        ("jointly developing a cheap electric car have ended without agreement", "ended",
         "Xiaomi and Chery end talks on jointly developing a cheap electric car"),
        ("an investment and a joint vehicle programme had been terminated", "ended",
         "Xiaomi and Chery end talks on an investment and a joint vehicle programme"),
        ("264 billion won", "rumoured", "Xiaomi and Chery reportedly in talks"),
    ],
)  # fmt: skip
def test_it_writes_the_topics_reporting_catches_as_a_desk_would(topic, status, line):
    assert describe_event(event(talk(topic, status), status)) == line


def test_it_leads_with_the_company_the_money_goes_to_when_no_investor_is_named():
    raised = investment(InvestmentKind.STAKE, "Xpeng", Decimal("4e8"), "", investor=None)
    raised.stake_percent = None
    assert describe_event(event(raised, "")) == (
        "Xpeng raises USD 400 million from unnamed investors"
    )
