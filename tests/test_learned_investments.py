"""The learned investment step: its stored weights, its candidates and its decisions.

The step is not wired into extract() (its cross-validated score did not beat the rules', see
bench/train_investments.py), so these tests route extract() through it.
"""

from datetime import date
from decimal import Decimal

import pytest

from evtracker.news import extract as extract_module
from evtracker.news.extract import CompanyIndex, KnownCompany
from evtracker.news.extraction import learned_investments as learned

COMPANIES = [
    KnownCompany("Toyota", "automaker", ("Toyota Motor",)),
    KnownCompany("Pony.ai", "technology"),
    KnownCompany("Renault", "automaker"),
    KnownCompany("Geely", "automaker"),
]


@pytest.fixture(scope="module")
def index():
    return CompanyIndex.build(COMPANIES)


@pytest.fixture
def through_the_step(monkeypatch):
    monkeypatch.setattr(extract_module, "find_investments", learned.find)


def facts(body, index):
    found = extract_module.extract(body, index, published=date(2025, 3, 1)).investments
    return [(f.investor, f.target, f.amount, f.currency, f.stake_percent) for f in found]


def test_it_loads_its_weights():
    model = learned.Model.load()
    assert len(model.weights) > 100
    assert 0 < model.threshold_rules <= model.threshold < 1
    assert learned.model().weights == model.weights


def test_it_scores_the_same_features_the_same_way():
    model = learned.Model.load()
    features = ["bias", "rule", "fig=amount", "clause_subject", "btwb=invest"]
    assert model.probability(features) == learned.Model.load().probability(features)
    assert model.probability(features) > model.probability(["bias", "fig=amount"])


def test_it_keeps_a_clear_investment(index, through_the_step):
    body = "Toyota said on Tuesday it would invest $400 million in Pony.ai, the robotaxi developer."
    found = facts(body, index)
    assert ("Toyota", "Pony.ai", Decimal(400_000_000), "USD", None) in found
    assert facts(body, index) == found


def test_it_drops_a_figure_that_is_no_investment(index, through_the_step):
    body = (
        "Renault's market value fell to 12 billion euros on Friday, while Geely said its "
        "sales rose 35% in the first quarter."
    )
    assert facts(body, index) == []


def test_it_pairs_every_company_with_every_figure(index, through_the_step, monkeypatch):
    body = "Renault will take a 20% stake in the venture and Geely will put in $300 million."
    seen = []
    monkeypatch.setattr(learned, "recorder", seen)
    monkeypatch.setattr(learned, "_model", learned.Model({}, 10.0, 0.5))  # keeps everything
    extract_module.extract(body, index, published=date(2025, 3, 1))
    candidates = [c for _, found in seen for c in found]
    amounts = {(c.fact.investor, c.fact.amount) for c in candidates if c.fact.amount}
    percents = {(c.fact.investor, c.fact.stake_percent) for c in candidates if c.fact.stake_percent}
    assert {("Renault", Decimal(300_000_000)), ("Geely", Decimal(300_000_000))} <= amounts
    assert {("Renault", Decimal(20)), ("Geely", Decimal(20))} <= percents
    assert any(c.by_rules for c in candidates) and not all(c.by_rules for c in candidates)
