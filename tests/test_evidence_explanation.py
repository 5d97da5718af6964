"""Each report keeps why the extractor found its fact (the fact's `why`), for editors."""

from pathlib import Path

import pytest
from django.urls import reverse

from evtracker.news import ingest, runs
from evtracker.news.upsert import apply_extraction, explanation
from evtracker.partnerships.companies import load_company_list, read_company_file
from evtracker.partnerships.models import Evidence, ReportedTalk
from tests.factories import ScriptedExtractor, make_article, make_company, make_editor, talk_fact

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "BYD and Geely are in talks, Reuters reported."


@pytest.fixture
def extractor():
    make_company("BYD"), make_company("Geely")
    return ScriptedExtractor(
        talk_fact("BYD", "Geely", SENTENCE, why=("pair named around 'in talks'", "said by Reuters"))
    )


def test_it_stores_the_reasons_on_the_evidence(extractor):
    article = make_article(body=SENTENCE)

    apply_extraction(article, extractor(article))

    evidence = Evidence.objects.get()
    assert evidence.explanation == "pair named around 'in talks'; said by Reuters"


def test_it_shows_the_reasons_on_the_facts_admin_page(client, extractor):
    article = make_article(body=SENTENCE)
    apply_extraction(article, extractor(article))
    client.force_login(make_editor())

    talk = ReportedTalk.objects.get()
    page = client.get(reverse("admin:partnerships_reportedtalk_change", args=[talk.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    assert "pair named around &#x27;in talks&#x27;; said by Reuters" in body
    evidence = Evidence.objects.get()
    page = client.get(reverse("admin:partnerships_evidence_change", args=[evidence.pk]))
    assert "said by Reuters" in page.content.decode()


def test_it_brings_the_reasons_up_to_date_when_the_article_is_extracted_again(
    monkeypatch, extractor
):
    article = make_article(body=SENTENCE)
    apply_extraction(article, extractor(article))
    extractor.facts = [talk_fact("BYD", "Geely", SENTENCE, why=("a newer reason",))]
    monkeypatch.setattr(ingest, "extract_article", extractor)

    run = runs.start_reextraction("test", [article.pk])
    runs.process_item_now(runs.pending_item_ids(run.pk)[0])

    assert Evidence.objects.get().explanation == "a newer reason"
    assert run.items.get().changes == "1 report read anew"


def test_it_keeps_what_the_real_extractor_says(tmp_path):
    load_company_list(read_company_file(ROOT / "seeds" / "companies.json"))
    seed = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
    run = runs.start_run("seed", [str(seed)])
    article = runs.process_item_now(runs.pending_item_ids(run.pk)[0]).article

    extraction = ingest.extract_article(article)
    facts = [*extraction.talks, *extraction.investments, *extraction.approvals]
    stored = set(Evidence.objects.filter(article=article).values_list("start", "explanation"))
    assert stored
    starts = {start for start, _ in stored}
    for fact in facts:
        if fact.start in starts:  # (a fact the upsert skipped has no evidence)
            assert (fact.start, explanation(fact)) in stored
