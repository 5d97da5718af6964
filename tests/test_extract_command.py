"""manage.py extract: prints each article's facts as JSON, writes nothing."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from evtracker.news.models import Article
from evtracker.partnerships.models import CompanyKind, ReportedTalk
from tests.factories import make_company

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"


def seed_companies():
    make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY, aliases=["Xiaomi Corp."])
    make_company("Brilliance Auto", aliases=["Brilliance Auto Group Holdings Co."])
    make_company("Chery", aliases=["Chery Automobile Co."])
    make_company(
        "MIIT",
        kind=CompanyKind.REGULATOR,
        aliases=["Ministry of Industry and Information Technology"],
    )


def run_extract(*args):
    out, err = StringIO(), StringIO()
    call_command("extract", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_prints_the_seed_article_in_the_documented_shape():
    seed_companies()
    out, _ = run_extract(str(SEED), "--format", "json")
    [article] = json.loads(out)
    assert article["article"] == "xiaomi-modena-2023-10-12.txt"
    assert article["title"] == "Xiaomi is exploring partnership options for the upcoming Modena EV"
    assert article["published"] == "2023-10-12"
    assert article["companies"] == ["Xiaomi", "Brilliance Auto", "Chery", "MIIT"]
    assert sorted(tuple(t["parties"]) for t in article["talks"]) == [
        ("Xiaomi", "Brilliance Auto"),
        ("Xiaomi", "Chery"),
    ]
    assert {(t["status"], t["attributed_to"]) for t in article["talks"]} == {
        ("rumoured", "Bloomberg")
    }
    assert article["investments"] == [
        {
            "investor": "Xiaomi",
            "target": None,
            "amount": 10000000000,
            "currency": "USD",
            "kind": "pledge",
            "stake_percent": None,
            "evidence": article["investments"][0]["evidence"],
        }
    ]
    assert "invest around $10 billion" in article["investments"][0]["evidence"]
    [approval] = article["approvals"]
    assert {k: approval[k] for k in ("subject", "regulator", "status")} == {
        "subject": "Xiaomi",
        "regulator": "MIIT",
        "status": "pending",
    }
    assert approval["evidence"].startswith("The company still awaits approval")


@pytest.mark.django_db
def test_it_writes_nothing_to_the_database():
    seed_companies()
    run_extract(str(SEED))
    assert Article.objects.count() == 0
    assert ReportedTalk.objects.count() == 0


@pytest.mark.django_db
def test_it_prints_stake_percent_as_a_number(tmp_path):
    make_company("Volkswagen", aliases=["VW"])
    make_company("Xpeng")
    path = tmp_path / "vw.txt"
    path.write_text(
        "VW buys into Xpeng\n\nBy Jo Lee 10:00 am Jul 26, 2023\n\n"
        "Volkswagen will invest $700 million in Xpeng for a 4.99% stake, the carmaker said.\n",
        encoding="utf-8",
    )
    [article] = json.loads(run_extract(str(path))[0])
    [investment] = article["investments"]
    assert (investment["target"], investment["stake_percent"]) == ("Xpeng", 4.99)
    assert investment["amount"] == 700000000


@pytest.mark.django_db
def test_it_reports_an_unreadable_file_and_still_prints_the_others(tmp_path):
    seed_companies()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 3 file"):
        call_command("extract", str(SEED), str(empty), str(SEED), stdout=out, stderr=err)
    assert len(json.loads(out.getvalue())) == 2
    assert f"{empty}: cannot read article" in err.getvalue()


@pytest.mark.django_db
def test_it_falls_back_to_the_seed_company_list_when_the_database_has_none():
    out, err = run_extract(str(SEED))
    [article] = json.loads(out)
    assert "seeds/companies.json" in err
    assert {frozenset(t["parties"]) for t in article["talks"]} == {
        frozenset({"Xiaomi", "Brilliance Auto"}),
        frozenset({"Xiaomi", "Chery"}),
    }


@pytest.mark.django_db
def test_it_reads_an_article_before_the_database_is_set_up():
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("ALTER TABLE partnerships_company RENAME TO not_migrated_yet")

    out, err = run_extract(str(SEED))

    assert "The database is not set up (run make run, or migrate)" in err
    [article] = json.loads(out)
    assert len(article["talks"]) == 2


@pytest.mark.django_db
def test_it_prints_a_readable_text_format():
    seed_companies()
    out, _ = run_extract(str(SEED), "--format", "text")
    assert "talk: Xiaomi - Chery [rumoured, per Bloomberg]" in out
    assert "investment: Xiaomi 10,000,000,000 USD [pledge]" in out
    assert "approval: Xiaomi from MIIT: manufacturing licence [pending]" in out


@pytest.mark.django_db
def test_it_explains_each_fact_with_the_words_that_produced_it():
    seed_companies()
    out, _ = run_extract(str(SEED), "--format", "json", "--explain")
    [article] = json.loads(out)
    facts = article["talks"] + article["investments"] + article["approvals"]
    assert len(facts) == 4  # the seed's two talks, its pledge and its pending licence
    assert all(fact["why"] for fact in facts)
    [investment] = article["investments"]
    assert "amount: $10 billion" in investment["why"]
    assert "investment word: invest" in investment["why"]
    [approval] = article["approvals"]
    assert "regulator: MIIT" in approval["why"]


@pytest.mark.django_db
def test_it_leaves_the_explanation_out_unless_asked():
    seed_companies()
    out, _ = run_extract(str(SEED), "--format", "json")
    [article] = json.loads(out)
    assert all("why" not in fact for fact in article["talks"] + article["investments"])
    text, _ = run_extract(str(SEED), "--format", "text", "--explain")
    assert "why: amount: $10 billion; investment word: invest; investor: Xiaomi" in text
