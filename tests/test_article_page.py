"""The article page: the text, every evidence sentence highlighted and tied to its fact."""

import re
from datetime import date

import pytest

from evtracker.partnerships.article_text import paragraphs
from evtracker.partnerships.models import CompanyKind
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_evidence,
    make_investment,
    make_talk,
)

pytestmark = pytest.mark.django_db

BODY = (
    "Xiaomi is exploring partnerships\n\n"
    "Chinese technology giant Xiaomi is reportedly exploring partnerships. "
    "The smartphone maker has approached Brilliance Auto and Chery to discuss collaborations. "
    "It hasn't received approval yet.\n\n"
    "Plans and money\n\n"
    "Lei Jun has announced plans to invest around $10 billion in electric vehicles.\n"
)
TALK_SENTENCE = (
    "The smartphone maker has approached Brilliance Auto and Chery to discuss collaborations."
)
MONEY_SENTENCE = "Lei Jun has announced plans to invest around $10 billion in electric vehicles."


@pytest.fixture
def article():
    return make_article(
        title="Xiaomi explores partnerships",
        outlet="CnEVPost",
        author="Pradnesh Naik",
        url="https://example.com/xiaomi",
        body=BODY,
        structure=[
            {"kind": "heading", "start": 0, "end": 32},
            {"kind": "heading", "start": BODY.index("Plans"), "end": BODY.index("Plans") + 15},
        ],
    )


@pytest.fixture
def facts(article):
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery, brilliance = make_company("Chery"), make_company("Brilliance Auto")
    with_chery = make_talk(xiaomi, chery)
    with_brilliance = make_talk(xiaomi, brilliance)
    pledge = make_investment(xiaomi, announced_on=date(2023, 10, 12))
    rows = [
        make_evidence(with_chery, article, sentence=TALK_SENTENCE, attributed_to="Bloomberg"),
        make_evidence(with_brilliance, article, sentence=TALK_SENTENCE),
        make_evidence(pledge, article, sentence=MONEY_SENTENCE),
    ]
    return with_chery, with_brilliance, pledge, rows


def test_it_shows_the_article_with_its_byline_and_a_safe_link_out(client, article):
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert '<h1 id="article-title">Xiaomi explores partnerships</h1>' in html
    assert "CnEVPost" in html and "By Pradnesh Naik" in html
    assert 'href="https://example.com/xiaomi" rel="noopener noreferrer nofollow"' in html
    assert '<h2 class="article-subheading">Plans and money</h2>' in html
    assert "No talks, investments or approvals were found in this article." in html


def test_it_highlights_each_evidence_sentence_and_links_it_to_its_facts(client, article, facts):
    with_chery, with_brilliance, pledge, rows = facts
    html = client.get(f"/articles/{article.pk}/").content.decode()

    marks = re.findall(r'<mark class="evidence"[^>]*>(.*?)</mark>', html)
    assert [re.sub(r"<span[^>]*></span>", "", m) for m in marks] == [TALK_SENTENCE, MONEY_SENTENCE]
    # One sentence for two talks: one mark, anchors for both rows, links to both facts.
    assert f'id="evidence-{rows[0].pk}"' in html and f'id="evidence-{rows[1].pk}"' in html
    refs = re.findall(r'<sup class="fact-refs">(.*?)</sup>', html)
    assert f'href="#fact-talk-{with_chery.pk}"' in refs[0]
    assert f'href="#fact-talk-{with_brilliance.pk}"' in refs[0]
    assert f'href="#fact-investment-{pledge.pk}"' in refs[1]


def test_it_lists_the_facts_it_produced(client, article, facts):
    with_chery, with_brilliance, pledge, rows = facts
    html = client.get(f"/articles/{article.pk}/").content.decode()
    facts_html = html[html.index('id="facts-heading"') :]
    assert f'id="fact-talk-{with_chery.pk}"' in facts_html
    assert "Xiaomi and Chery reportedly in talks" in facts_html
    assert "Xiaomi and Brilliance Auto reportedly in talks" in facts_html
    assert "Xiaomi pledges USD 10 billion" in facts_html
    assert "according to Bloomberg" in facts_html
    assert f'href="#evidence-{rows[2].pk}"' in facts_html
    assert "Unreviewed" in facts_html


def test_it_escapes_the_article_text(client):
    body = "A <script>alert('x')</script> line and <b>bold</b>.\n"
    article = make_article(title="<i>Title</i>", body=body)
    talk = make_talk()
    make_evidence(talk, article, sentence="<b>bold</b>.")
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert "<script>alert" not in html and "<b>bold" not in html and "<i>Title" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert '<mark class="evidence" id="evidence-' in html


def test_it_finds_a_sentence_whose_offsets_are_off(client):
    article = make_article(body="First sentence here. Second one, about Chery.\n")
    talk = make_talk()
    evidence = make_evidence(talk, article, sentence="Second one, about Chery.")
    evidence.start, evidence.end = 0, 5
    evidence.save()
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert re.search(
        r'<mark class="evidence" id="evidence-\d+">Second one, about Chery.</mark>', html
    )


def test_it_still_lists_a_fact_whose_sentence_is_not_in_the_text(client):
    article = make_article(body="Nothing of the sort.\n")
    approval = make_approval()
    evidence = make_evidence(approval, article, sentence="A sentence edited away.")
    evidence.start, evidence.end = 100, 120
    evidence.save()
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert '<mark class="evidence"' not in html
    assert f'id="fact-approval-{approval.pk}"' in html


def test_it_cuts_overlapping_and_paragraph_spanning_marks_cleanly():
    body = "One two three.\nFour five six.\n"

    class Row:
        def __init__(self, pk, start, end):
            self.pk, self.start, self.end, self.sentence = pk, start, end, body[start:end]

    result = paragraphs(body, [Row(1, 4, 20), Row(2, 8, 14)])
    texts = [[(p.text, p.mark and p.mark.evidence[0].pk) for p in para.pieces] for para in result]
    assert texts == [
        [("One ", None), ("two three.", 1)],
        [("Four ", 1), ("five six.", None)],
    ]
    assert result[0].pieces[1].starts_mark and not result[1].pieces[0].starts_mark
    assert result[1].pieces[0].ends_mark


def test_it_answers_404_for_an_unknown_article(client):
    assert client.get("/articles/999999/").status_code == 404
    assert client.get("/articles/99999999999999999999999/").status_code == 404
