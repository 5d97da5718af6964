"""Facts the extractor reports with a part unknown: a stake without an amount, an approval
without a named regulator. They are stored once, and every page says what is unknown."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from evtracker.news import ingest, runs
from evtracker.partnerships.models import Approval, CompanyKind, Investment
from tests.factories import (
    ScriptedExtractor,
    approval_fact,
    investment_fact,
    make_company,
    make_editor,
    make_investment,
)

pytestmark = pytest.mark.django_db

STAKE = "Xiaomi is taking a 40% stake in Chery."
SOME_STAKE = "Xiaomi is also taking a stake in Chery's plant."
LICENCE = "Chery received a production licence."


@pytest.fixture
def extractor(monkeypatch):
    make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY), make_company("Chery")
    scripted = ScriptedExtractor(
        investment_fact("Xiaomi", "Chery", STAKE, stake_percent=Decimal(40)),
        investment_fact("Xiaomi", "Chery", SOME_STAKE),
        approval_fact("Chery", None, LICENCE),
    )
    monkeypatch.setattr(ingest, "extract_article", scripted)
    return scripted


def ingest_text(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(f"A headline\n\n{text}\n", encoding="utf-8")
    run = runs.start_run(name, [str(path)])
    for item_id in runs.pending_item_ids(run.pk):
        runs.process_item_now(item_id)
    return run.items.get()


def test_it_stores_a_stake_without_an_amount_and_a_licence_without_a_regulator(tmp_path, extractor):
    item = ingest_text(tmp_path, "one.txt", f"{STAKE} {SOME_STAKE} {LICENCE}")

    assert item.facts_found == 3
    stakes = Investment.objects.values_list("amount", "currency", "stake_percent")
    assert set(stakes) == {(None, "", Decimal(40)), (None, "", None)}
    approval = Approval.objects.get()
    assert (approval.regulator, approval.what, approval.status) == (
        None,
        "production licence",
        "granted",
    )


def test_it_stores_them_once_however_often_they_are_reported(tmp_path, extractor):
    ingest_text(tmp_path, "one.txt", f"{STAKE} {SOME_STAKE} {LICENCE}")
    ingest_text(tmp_path, "two.txt", f"Again: {STAKE} {SOME_STAKE} {LICENCE}")
    ingest_text(tmp_path, "two-again.txt", f"Again: {STAKE} {SOME_STAKE} {LICENCE}")

    assert Investment.objects.count() == 2
    assert Approval.objects.count() == 1
    assert {i.report_count for i in Investment.objects.all()} == {2}
    assert Approval.objects.get().report_count == 2


def test_it_refuses_an_amount_without_its_currency_and_a_second_copy():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_investment(amount=Decimal(5), currency="")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_investment(amount=None, currency="USD")
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    make_investment(xiaomi, target=chery, kind="stake", amount=None, currency="")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_investment(xiaomi, target=chery, kind="stake", amount=None, currency="")


def test_it_says_undisclosed_and_no_regulator_named_on_every_page(client, tmp_path, extractor):
    ingest_text(tmp_path, "one.txt", f"{STAKE} {SOME_STAKE} {LICENCE}")
    stake_line = "Xiaomi takes a 40% stake in Chery (amount undisclosed)"
    some_line = "Xiaomi takes a stake in Chery (amount undisclosed)"
    licence_line = "Chery granted production licence (no regulator named)"

    for url in ("/", "/companies/xiaomi/", "/companies/chery/", "/feeds/timeline.atom"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for line in (stake_line, some_line):
            assert line in body, (url, line)
    for url in ("/", "/companies/chery/", "/feeds/timeline.rss"):
        assert licence_line in client.get(url).content.decode(), url
    board = client.get("/boards/approvals/").content.decode()
    assert "production licence, no regulator named" in board


def test_it_exports_the_unknown_parts_as_empty(client, tmp_path, extractor):
    ingest_text(tmp_path, "one.txt", f"{STAKE} {SOME_STAKE} {LICENCE}")

    def export(name):
        return b"".join(client.get(f"/export/{name}").streaming_content).decode()

    stakes = list(csv.DictReader(io.StringIO(export("investments.csv"))))
    assert {(row["amount"], row["currency"], row["stake_percent"]) for row in stakes} == {
        ("", "", "40.00"),
        ("", "", ""),
    }
    assert {(row["amount"], row["currency"]) for row in json.loads(export("investments.json"))} == {
        (None, "")
    }
    [approval] = json.loads(export("approvals.json"))
    assert (approval["subject"], approval["regulator"]) == ("Chery", None)
    [row] = csv.DictReader(io.StringIO(export("approvals.csv")))
    assert row["regulator"] == ""


def test_it_shows_them_to_editors_in_the_admin(client, tmp_path, extractor):
    ingest_text(tmp_path, "one.txt", f"{STAKE} {SOME_STAKE} {LICENCE}")
    client.force_login(make_editor())

    stakes = client.get(reverse("admin:partnerships_investment_changelist"))
    assert stakes.status_code == 200
    assert "undisclosed" in stakes.content.decode()
    for model, fact in (
        ("investment", Investment.objects.first()),
        ("approval", Approval.objects.get()),
    ):
        page = client.get(reverse(f"admin:partnerships_{model}_change", args=[fact.pk]))
        assert page.status_code == 200
    assert client.get(reverse("admin:partnerships_approval_changelist")).status_code == 200


RAISED = "Chery has raised $400 million from investors it did not name."


@pytest.fixture
def unnamed(monkeypatch):
    make_company("Chery")
    scripted = ScriptedExtractor(
        investment_fact(None, "Chery", RAISED, amount=Decimal("400000000"), currency="USD"),
    )
    monkeypatch.setattr(ingest, "extract_article", scripted)
    return scripted


def test_it_stores_money_from_unnamed_investors_once(tmp_path, unnamed):
    first = ingest_text(tmp_path, "one.txt", RAISED)
    ingest_text(tmp_path, "two.txt", f"Again: {RAISED}")
    ingest_text(tmp_path, "two-again.txt", f"Again: {RAISED}")

    assert first.facts_found == 1
    [raised] = Investment.objects.all()
    assert (raised.investor, raised.target.name, raised.amount) == (None, "Chery", Decimal(4e8))
    assert raised.report_count == 2


def test_it_refuses_an_investment_naming_no_company_and_a_second_unnamed_copy():
    with pytest.raises(IntegrityError), transaction.atomic():
        Investment.objects.create(amount=Decimal(5), currency="USD", announced_on="2024-01-01")
    chery = make_company("Chery")
    Investment.objects.create(
        target=chery, kind="stake", amount=None, currency="", announced_on="2024-01-01"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Investment.objects.create(
            target=chery, kind="stake", amount=None, currency="", announced_on="2024-02-01"
        )


def test_it_says_unnamed_investors_on_the_pages_and_leaves_them_empty_in_exports(
    client, tmp_path, unnamed
):
    ingest_text(tmp_path, "one.txt", RAISED)
    line = "Chery raises USD 400 million from unnamed investors"
    for url in ("/", "/companies/chery/", "/feeds/timeline.atom", "/?type=investment"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert line in response.content.decode(), url
    story = client.get(f"/investments/{Investment.objects.get().pk}/")
    assert story.status_code == 200
    assert line in story.content.decode()
    rows = list(csv.DictReader(io.StringIO(export_text(client, "investments.csv"))))
    assert [(row["investor"], row["target"]) for row in rows] == [("", "Chery")]
    [record] = json.loads(export_text(client, "investments.json"))
    assert (record["investor"], record["target"]) == (None, "Chery")


def test_it_lets_editors_open_money_from_unnamed_investors(client, tmp_path, unnamed):
    ingest_text(tmp_path, "one.txt", RAISED)
    client.force_login(make_editor())
    listing = client.get(reverse("admin:partnerships_investment_changelist"))
    assert listing.status_code == 200
    assert "Unnamed investors" in listing.content.decode()
    page = client.get(
        reverse("admin:partnerships_investment_change", args=[Investment.objects.get().pk])
    )
    assert page.status_code == 200


def export_text(client, name):
    return b"".join(client.get(f"/export/{name}").streaming_content).decode()
