"""The learned talks step (not wired into extract(): it did not beat the rules on the
validation batch, see bench/train_talks.py): its weights load without scikit-learn, it decides
the same way every time, and it keeps a plain report of talks while dropping two companies
merely named together."""

import subprocess
import sys
from datetime import date

import pytest

from evtracker.news import extract as extract_module
from evtracker.news.extract import CompanyIndex, KnownCompany, extract
from evtracker.news.extraction import learned_talks

COMPANIES = [
    KnownCompany("Nissan", "automaker"),
    KnownCompany("Honda", "automaker"),
    KnownCompany("Tesla", "automaker"),
    KnownCompany("BYD", "automaker"),
]


@pytest.fixture(scope="module")
def index():
    return CompanyIndex.build(COMPANIES)


@pytest.fixture
def decided(monkeypatch, index):
    """The step applied to the context and rule facts extract() builds for an article."""
    seen = {}

    class Recording(extract_module.ArticleContext):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            seen["context"] = self

    monkeypatch.setattr(extract_module, "ArticleContext", Recording)

    def run(body):
        result = extract(body, index, published=date(2025, 3, 4))
        seen["extraction"] = result
        return learned_talks.decide_talks(seen["context"], result)

    run.seen = seen
    return run


def pairs(talks):
    return {frozenset(talk.parties): talk.status for talk in talks}


def test_it_loads_its_weights_without_scikit_learn():
    code = (
        "import sys; from evtracker.news.extraction import learned_talks as step; "
        "model = step.load_model(); "
        "assert model['keep']['weights'] and model['status']['classes']; "
        "assert 'sklearn' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_it_decides_the_same_way_every_time(decided):
    body = (
        "Honda and Nissan said on Monday they had begun talks on a joint holding company. "
        "Tesla, which competes with both, declined to comment. BYD shares rose 2%."
    )
    assert decided(body) == decided(body)


def test_it_keeps_two_carmakers_that_signed_a_deal(decided):
    found = decided(
        "Nissan and Honda signed an agreement on Tuesday to develop software for electric "
        "cars together, the two companies said in a joint statement."
    )
    assert pairs(found) == {frozenset(("Nissan", "Honda")): "agreed"}


def test_it_drops_two_carmakers_named_only_as_rivals(decided):
    found = decided(
        "Tesla shares fell 4% in Frankfurt. BYD, its biggest rival in China, sold more cars "
        "than Tesla for a third quarter running."
    )
    assert pairs(found) == {}
    # The pair was weighed, not missed: named together, it is a candidate.
    weighed = learned_talks.candidates(decided.seen["context"], decided.seen["extraction"])
    assert [candidate.pair for candidate in weighed] == [("Tesla", "BYD")]


def test_it_scores_a_candidate_as_a_sparse_dot_product():
    model = {
        "keep": {"bias": -1.0, "thresholds": [0.0, 0.5], "weights": {"rule": 3.0}},
        "status": {"classes": ["agreed"], "bias": {"agreed": 0.0}, "weights": {"agreed": {}}},
    }
    assert learned_talks.keep_probability(model, {"rule": 1.0}) > 0.8
    assert learned_talks.keep_probability(model, {"unknown": 1.0}) < 0.5
