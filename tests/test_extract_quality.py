"""Precision and recall of the extractor on the articles written here (tests/data/devset).

A talk matches on its unordered pair and status, an investment on investor, amount and
currency (a stake without an amount on its investor alone), an approval on subject, regulator
and status. The labels follow tests/data/realset/README.md: a decided stake between two
companies is also an agreed talk. This set is not evidence of quality on real reporting
(tests/test_realset.py is); it guards the behaviour it describes.
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from evtracker.news.extract import CompanyIndex, KnownCompany, extract
from evtracker.news.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"
MIN_PRECISION = 0.90
MIN_RECALL = 0.85
FACT_TYPES = ("talks", "investments", "approvals")


def company_index():
    companies = json.loads((ROOT / "seeds" / "companies.json").read_text(encoding="utf-8"))
    return CompanyIndex.build(
        KnownCompany(c["name"], c["kind"], tuple(c.get("aliases", ()))) for c in companies
    )


def talk_key(parties, status):
    return (frozenset(parties), status)


def found_keys(extraction):
    return {
        "talks": {talk_key(t.parties, t.status) for t in extraction.talks},
        "investments": {(i.investor, i.amount, i.currency) for i in extraction.investments},
        "approvals": {(a.subject, a.regulator, a.status) for a in extraction.approvals},
    }


def expected_keys(facts):
    return {
        "talks": {talk_key(t["parties"], t["status"]) for t in facts["talks"]},
        "investments": {
            (
                i["investor"],
                None if i["amount"] is None else Decimal(str(i["amount"])),
                i["currency"],
            )
            for i in facts["investments"]
        },
        "approvals": {(a["subject"], a["regulator"], a["status"]) for a in facts["approvals"]},
    }


def score_devset(index=None):
    """Per fact type: true positives, false positives, false negatives, and the misses."""
    index = index or company_index()
    expected = json.loads((DEVSET / "expected.json").read_text(encoding="utf-8"))
    scores = {kind: {"tp": 0, "fp": 0, "fn": 0, "errors": []} for kind in FACT_TYPES}
    for name, facts in sorted(expected.items()):
        article = read_path(DEVSET / name)
        extraction = extract(
            article.body,
            index,
            published=article.published_at.date(),
            title=article.title,
            skip=article.blocks,
        )
        found, wanted = found_keys(extraction), expected_keys(facts)
        for kind in FACT_TYPES:
            score = scores[kind]
            score["tp"] += len(found[kind] & wanted[kind])
            for extra in found[kind] - wanted[kind]:
                score["fp"] += 1
                score["errors"].append(f"{name}: unexpected {extra}")
            for missed in wanted[kind] - found[kind]:
                score["fn"] += 1
                score["errors"].append(f"{name}: missed {missed}")
    return scores


def precision_recall(score):
    found = score["tp"] + score["fp"]
    wanted = score["tp"] + score["fn"]
    return (score["tp"] / found if found else 1.0), (score["tp"] / wanted if wanted else 1.0)


@pytest.fixture(scope="module")
def devset_scores():
    return score_devset()


def test_it_has_a_devset_of_at_least_45_labelled_articles():
    expected = json.loads((DEVSET / "expected.json").read_text(encoding="utf-8"))
    assert len(expected) >= 45
    assert all((DEVSET / name).is_file() for name in expected)
    labelled = {kind: sum(len(facts[kind]) for facts in expected.values()) for kind in FACT_TYPES}
    statuses = {t["status"] for facts in expected.values() for t in facts["talks"]}
    assert statuses == {"rumoured", "confirmed", "agreed", "denied", "ended"}
    assert all(count >= 10 for count in labelled.values()), labelled


@pytest.mark.parametrize("kind", FACT_TYPES)
def test_it_meets_precision_and_recall_on_the_devset(devset_scores, kind):
    score = devset_scores[kind]
    precision, recall = precision_recall(score)
    print(f"{kind}: precision {precision:.3f} recall {recall:.3f} ({score['tp']} matched)")
    report = "\n".join(score["errors"])
    assert precision >= MIN_PRECISION, f"{kind} precision {precision:.3f}\n{report}"
    assert recall >= MIN_RECALL, f"{kind} recall {recall:.3f}\n{report}"
