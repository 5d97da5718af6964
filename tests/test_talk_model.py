"""The pair model's review of the talks (news/extraction/pairs.py): what it adds, keeps and
drops on articles written for these tests, and that its shipped weights are what training
gives."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from evtracker.news.extract import extract, read_by_rules
from evtracker.news.extraction import pairs
from evtracker.news.management.commands.extract import seed_index as read_seed_index
from evtracker.news.readers import read_path

PUBLISHED = date(2024, 5, 2)
REALSET = Path(__file__).parent / "data" / "realset"

AMPERE = (
    "Renault and Nissan to invest in Ampere",
    "Renault Group and Nissan said on Wednesday that they plan to become strategic investors in "
    "Ampere, the electric-vehicle unit the French carmaker is spinning off, with Nissan taking "
    "up to 15%.\n"
    "Nissan will put up to 600 million euros into Ampere, the companies said, while Mitsubishi "
    "Motors is considering a smaller investment.\n"
    "The two partners also agreed to rebalance their cross-shareholdings.",
)

ROUNDUP = (
    "Nio posts record deliveries as price war deepens",
    "Nio delivered 20,000 cars in May, a record for the start-up, the company said on Friday.\n"
    "Rivals Xpeng and Li Auto also reported higher deliveries, while BYD sold more than 240,000 "
    "vehicles in the month.\n"
    "Tesla, Volkswagen and Toyota lost market share in China over the same period, according to "
    "the passenger car association.\n"
    "Analysts expect the price war between BYD and Tesla to continue into the summer, and Nio "
    "has cut the prices of its saloons to keep up with Xpeng.",
)

CONTRACT_MAKER = (
    "Foxconn eyes electric car assembly",
    "Foxconn is in talks with several carmakers about building electric vehicles on contract, "
    "its chairman said on Thursday.\n"
    "The Taiwanese electronics maker, best known for assembling iPhones, has already signed a "
    "deal with Stellantis to make chips for cars.\n"
    "Fisker and Lordstown Motors are among the companies that have agreed to use Foxconn "
    "factories, the chairman told reporters in Taipei.",
)


@pytest.fixture(scope="module")
def seed_index():
    return read_seed_index()


def read(article, index):
    title, body = article
    return extract(body, index, published=PUBLISHED, title=title)


def by_pair(talks):
    return {frozenset(talk.parties): talk for talk in talks}


def test_it_ships_the_weights_training_gives():
    call_command("train_talk_model", "--check")


def test_it_adds_a_pair_the_rules_miss_with_its_reasons(seed_index):
    title, body = AMPERE
    _, rules = read_by_rules(body, seed_index, published=PUBLISHED, title=title)
    assert frozenset(("Nissan", "Ampere")) not in by_pair(rules.talks)

    added = by_pair(read(AMPERE, seed_index).talks)[frozenset(("Nissan", "Ampere"))]

    assert added.status == "agreed"
    assert added.sentence.startswith("Renault Group and Nissan said on Wednesday")
    assert body[added.start : added.end] == added.sentence
    assert added.why[0].startswith("added by the pair model (0.")


def test_it_gives_a_pair_the_status_the_article_as_a_whole_supports(seed_index):
    # The rules read "three sources said" in the first sentence naming the pair; the
    # developer's own statement three paragraphs on confirms the talks (the gold status).
    article = read_path(REALSET / "articles" / "005.txt")
    published = article.published_at.date()
    _, rules = read_by_rules(article.body, seed_index, published=published, title=article.title)
    found = extract(article.body, seed_index, published=published, title=article.title)
    pair = frozenset(("China Evergrande", "Xiaomi"))

    assert by_pair(rules.talks)[pair].status == "rumoured"
    talk = by_pair(found.talks)[pair]
    assert talk.status == "confirmed"
    assert talk.why[:-2] == by_pair(rules.talks)[pair].why
    assert talk.why[-1].startswith("the status model reads confirmed (0.")
    assert "over the rules' rumoured (0.0" in talk.why[-1]


def test_it_keeps_each_rules_pair_with_its_reading_of_it(seed_index):
    title, body = AMPERE
    _, rules = read_by_rules(body, seed_index, published=PUBLISHED, title=title)
    found = by_pair(read(AMPERE, seed_index).talks)

    assert frozenset(("Renault", "Nissan")) in by_pair(rules.talks)
    for pair, talk in by_pair(rules.talks).items():
        assert found[pair].status == talk.status
        assert found[pair].why[:-1] == talk.why
        assert found[pair].why[-1].startswith("the pair model gives 0.")


def test_it_pairs_no_companies_only_named_side_by_side(seed_index):
    title, body = ROUNDUP
    context, rules = read_by_rules(body, seed_index, published=PUBLISHED, title=title)
    assert len(pairs.candidates(context, rules.talks)) >= 10

    assert read(ROUNDUP, seed_index).talks == []


def test_it_does_not_pair_two_counterparts_of_the_same_company(seed_index):
    found = by_pair(read(CONTRACT_MAKER, seed_index).talks)

    assert frozenset(("Fisker", "Foxconn")) in found
    assert frozenset(("Lordstown Motors", "Foxconn")) in found
    assert frozenset(("Fisker", "Lordstown Motors")) not in found


def test_it_gives_the_same_talks_in_the_same_order_every_time(seed_index):
    first = read(AMPERE, seed_index).talks

    assert read(AMPERE, seed_index).talks == first
    # The rules' pair first, then the pair the model adds: Nissan plans to invest in Ampere.
    # (The model of 1,381 articles also added Renault and Ampere, Renault investing in its own
    # unit; trained on 1,516 it no longer reads that pair as reported.)
    assert [talk.parties for talk in first] == [("Renault", "Nissan"), ("Nissan", "Ampere")]


def test_it_passes_on_a_talk_it_cannot_weigh_unchanged(seed_index):
    title, body = AMPERE
    context, rules = read_by_rules(body, seed_index, published=PUBLISHED, title=title)
    lone = replace(rules.talks[0], parties=("Nissan", "Nissan"))

    reviewed = pairs.review(context, [lone])

    assert reviewed[0] == lone
