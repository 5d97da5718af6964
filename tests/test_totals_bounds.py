"""Totals stay cheap: a search word that too many reports mention is not totalled."""

import pytest

from evtracker.partnerships import search
from tests.factories import make_article, make_company, make_evidence, make_talk

pytestmark = pytest.mark.django_db


@pytest.fixture
def battery_talks():
    for n in range(3):
        talk = make_talk(make_company(f"Maker {n}"), make_company(f"Cells {n}"))
        body = f"Maker {n} is in talks with Cells {n} about a battery plant."
        make_evidence(talk, make_article(body=body), sentence=body)


def test_it_totals_the_facts_a_rare_word_finds(client, battery_talks):
    page = client.get("/", {"q": "battery"}).content.decode()

    assert "Too many reports mention" not in page
    assert 'class="totals"' in page


def test_it_says_why_a_common_word_is_not_totalled(client, battery_talks, monkeypatch):
    monkeypatch.setattr(search, "FEW", 2)  # three reports mention it: "many" for this test

    response = client.get("/", {"q": "battery"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Too many reports mention “battery” to total them here" in page
    assert "Cells 0" in page  # the events themselves are still listed


def test_the_talks_board_shows_its_cards_for_a_common_word_without_counting(
    client, battery_talks, monkeypatch
):
    monkeypatch.setattr(search, "FEW", 2)

    response = client.get("/boards/talks/", {"q": "battery"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Too many reports mention “battery”" in page
    assert page.count('class="card"') == 3
    # The columns' counts were not taken, so none is shown (no "0" beside a full column).
    assert 'class="count"' not in page
    assert "Talks mentioning “battery”." in page


def test_a_common_word_with_dates_is_not_counted_row_by_row_either(
    client, battery_talks, monkeypatch
):
    monkeypatch.setattr(search, "FEW", 2)

    page = client.get("/", {"q": "battery", "from": "2020-01-01"}).content.decode()

    assert "Too many reports mention “battery” to total them here" in page
    assert "Cells 0" in page
