"""Bounded work per article: a long article is read up to the sentence limit and gives at most
the fact limit, and its run item says what was left out."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from evtracker.news.ingest import extract_article, facts_in
from evtracker.news.models import Article, IngestionItem
from evtracker.partnerships.models import Evidence, Investment, ReportedTalk
from tests.factories import make_article, make_company

pytestmark = pytest.mark.django_db

NAMES = ["Stellantis", "Leapmotor", "Geely", "Renault", "Nissan", "Toyota", "Xiaomi", "Chery"]


def investment_sentences(size):
    """About `size` characters of distinct investment sentences, one paragraph each."""
    lines, length, i = [], 0, 0
    while length < size:
        investor, target = NAMES[i % len(NAMES)], NAMES[(i * 3 + 1) % len(NAMES)]
        if investor == target:
            target = NAMES[(i + 1) % len(NAMES)]
        line = f"{investor} will invest ${100 + i % 900} million in {target}, the companies said."
        lines.append(line)
        length += len(line) + 1
        i += 1
    return "\n".join(lines)


@pytest.fixture
def companies():
    return [make_company(name) for name in NAMES]


@pytest.mark.postgres
def test_a_long_article_of_investment_sentences_is_bounded(companies, tmp_path, client, settings):
    body = investment_sentences(1_500_000)
    path = tmp_path / "investments.txt"
    path.write_text(f"Carmakers pour money into each other\n\n{body}\n")

    call_command("ingest", str(path), stdout=StringIO())

    article = Article.objects.get()
    item = IngestionItem.objects.get()
    assert re.fullmatch(
        r"Only the first 1,000 of its \d\d,\d{3} sentences were read\. "
        r"Only the first 100 of the [\d,]+ facts found were kept\.",
        item.error,
    )
    stored = Investment.objects.count() + ReportedTalk.objects.count()
    assert 0 < stored <= settings.EVTRACKER_MAX_FACTS_PER_ARTICLE
    assert Evidence.objects.filter(article=article).count() == stored
    # The facts kept are the first in the text: every evidence sentence is in its first part.
    last = Evidence.objects.filter(article=article).order_by("-start").first()
    assert last.end <= len(article.body) // 10
    # Its page: the text, and a bounded number of facts beside it.
    page = client.get(f"/articles/{article.pk}/")
    assert page.status_code == 200
    assert len(page.content) < len(article.body.encode()) + 300_000


def test_an_article_within_the_limits_is_read_whole_without_a_note(companies):
    article = make_article(body="Stellantis will invest $1.5 billion in Leapmotor, it said.")

    extraction = extract_article(article)

    assert extraction.note == ""
    assert [(f.investor, f.target) for f in extraction.investments] == [("Stellantis", "Leapmotor")]


def test_the_limits_are_settings(companies, settings):
    article = make_article(body=investment_sentences(2_000))
    settings.EVTRACKER_MAX_SENTENCES_PER_ARTICLE = 5
    five_sentences = extract_article(article)
    settings.EVTRACKER_MAX_FACTS_PER_ARTICLE = 2

    extraction = extract_article(article)
    note = extraction.note

    # The first two facts in the text, of those the first five sentences give.
    assert facts_in(extraction) == 2
    assert (
        sorted(f.start for f in facts(extraction))
        == sorted(f.start for f in facts(five_sentences))[:2]
    )
    fifth_sentence_end = len("\n".join(article.body.split("\n")[:5]))
    assert max(f.end for f in facts(five_sentences)) <= fifth_sentence_end
    assert re.fullmatch(
        r"Only the first 5 of its \d+ sentences were read\. "
        r"Only the first 2 of the \d+ facts found were kept\.",
        note,
    )


def facts(extraction):
    return [*extraction.talks, *extraction.investments, *extraction.approvals]
