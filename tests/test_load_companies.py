import json
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evtracker.partnerships.companies import (
    ISO_COUNTRIES,
    CompanyListError,
    load_company_list,
    read_company_file,
)
from evtracker.partnerships.models import Company, CompanyAlias, CompanyKind
from tests.factories import make_company

SEEDS = Path(settings.BASE_DIR) / "seeds"
COMPANY_LIST = SEEDS / "companies.json"
SEED_ARTICLE = SEEDS / "articles" / "xiaomi-modena-2023-10-12.txt"


def company_list():
    return read_company_file(COMPANY_LIST)


def resolve(name):
    """The list's record whose name or one of whose aliases is `name`, case-insensitively."""
    for record in company_list():
        if name.lower() in {n.lower() for n in (record.name, *record.aliases)}:
            return record
    return None


def load(path=COMPANY_LIST):
    out = StringIO()
    call_command("load_companies", str(path), stdout=out)
    return out.getvalue()


def snapshot():
    companies = list(Company.objects.order_by("pk").values())
    aliases = list(CompanyAlias.objects.order_by("pk").values())
    return companies, aliases


def write_list(tmp_path, records):
    path = tmp_path / "companies.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def entry(name, kind="automaker", country="CN", aliases=(), parent=None):
    return {
        "name": name,
        "kind": kind,
        "country": country,
        "aliases": list(aliases),
        "parent": parent,
    }


def test_it_lists_at_least_150_companies_with_valid_kinds_and_countries():
    records = company_list()

    assert len(records) >= 150
    for record in records:
        assert record.kind in CompanyKind.values, record
        assert record.country == "" or record.country in ISO_COUNTRIES, record
    assert {record.kind for record in records} == set(CompanyKind.values)
    with_aliases = [record for record in records if record.aliases]
    assert len(with_aliases) >= 0.75 * len(records)


def test_it_knows_the_names_and_abbreviations_reporters_use():
    expected = {
        "VW": "Volkswagen",
        "GM": "General Motors",
        "Hon Hai Precision Industry": "Foxconn",
        "Contemporary Amperex Technology Co.": "CATL",
        "Saudi Arabia's Public Investment Fund": "Public Investment Fund",
        "National Development and Reform Commission": "NDRC",
        "State Administration for Market Regulation": "SAMR",
        "Committee on Foreign Investment in the United States": "CFIUS",
        "National Highway Traffic Safety Administration": "NHTSA",
        "Great Wall Motor Co.": "Great Wall Motor",
        "Hozon": "Neta",
        "Jidu Auto": "Jidu",
        "Ji Yue": "Jiyue",
    }
    for alias, canonical in expected.items():
        assert resolve(alias).name == canonical, alias
    for regulator in ("MIIT", "NDRC", "SAMR", "European Commission", "CFIUS", "NHTSA"):
        assert resolve(regulator).kind == CompanyKind.REGULATOR, regulator
    assert resolve("Audi").parent == "Volkswagen"
    assert resolve("Volvo Cars").parent == "Geely"


def test_it_names_the_seed_articles_companies_as_the_article_does():
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    as_written = {
        "Xiaomi": "Xiaomi",
        "Brilliance Auto Group Holdings Co.": "Brilliance Auto",
        "Chery Automobile Co.": "Chery",
        "Ministry of Industry and Information Technology": "MIIT",
    }

    for written, canonical in as_written.items():
        assert written in article
        assert resolve(written).name == canonical, written
    assert resolve("MIIT").kind == CompanyKind.REGULATOR
    # A news outlet is a source, not a company.
    assert "Bloomberg" in article
    assert resolve("Bloomberg") is None


@pytest.mark.django_db
def test_it_loads_every_company_with_its_aliases_and_parent():
    records = company_list()

    output = load()

    assert f"{len(records)} created" in output
    assert Company.objects.count() == len(records)
    assert CompanyAlias.objects.count() == sum(len(record.aliases) for record in records)
    chery = Company.objects.get(name="Chery")
    assert chery.aliases.filter(name="Chery Automobile Co.").exists()
    assert chery.verified
    assert Company.objects.get(name="MIIT").kind == CompanyKind.REGULATOR
    assert Company.objects.get(name="Audi").parent.name == "Volkswagen"
    assert Company.objects.get(name="Wuling").parent.parent.name == "SAIC Motor"


@pytest.mark.django_db
def test_it_changes_nothing_when_loaded_twice():
    load()
    before = snapshot()

    with CaptureQueriesContext(connection) as queries:
        output = load()

    assert snapshot() == before
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    assert "0 created, 0 updated" in output
    assert "aliases: 0 added" in output


@pytest.mark.django_db
def test_it_keeps_an_editors_edits():
    load()
    chery = Company.objects.get(name="Chery")
    chery.name = "Chery Motors"
    chery.kind = CompanyKind.TECHNOLOGY
    chery.verified = False
    chery.save()
    Company.objects.filter(name="Audi").update(parent=Company.objects.get(name="Porsche"))
    bmw_brilliance = Company.objects.get(name="BMW Brilliance")
    CompanyAlias.objects.filter(name="Brilliance").update(company=bmw_brilliance)
    CompanyAlias.objects.filter(name="Chery Auto").delete()

    output = load()

    chery.refresh_from_db()
    assert (chery.name, chery.kind, chery.verified) == ("Chery Motors", "technology", False)
    assert not Company.objects.filter(name__iexact="Chery").exists()
    assert Company.objects.get(name="Audi").parent.name == "Porsche"
    assert CompanyAlias.objects.get(name="Brilliance").company == bmw_brilliance
    # The rule: an alias no company holds is put back; moving it elsewhere is kept.
    assert CompanyAlias.objects.get(name="Chery Auto").company == chery
    assert "0 created, 1 updated" in output
    assert "1 skipped" in output


@pytest.mark.django_db
def test_it_only_fills_in_companies_ingestion_found_first():
    found = make_company("Xiaomi", kind=CompanyKind.OTHER, country="", verified=False)
    by_suffix = make_company(
        "Chery Automobile Co.", kind=CompanyKind.OTHER, country="", verified=False
    )

    result = load_company_list(company_list())

    found.refresh_from_db()
    assert (found.kind, found.verified, found.country) == ("other", False, "CN")
    assert found.aliases.filter(name="Xiaomi Corp.").exists()
    assert Company.objects.filter(name__iexact="xiaomi").count() == 1
    # An unverified company holding one of the list's names is left for an editor to merge.
    assert Company.objects.filter(pk=by_suffix.pk).exists()
    assert ("Chery Automobile Co.", "Chery", "Chery Automobile Co.") in result.aliases_skipped
    assert result.created == len(company_list()) - 1
    assert result.updated == 1


BAD_LISTS = {
    "alias clash": (
        [
            entry("Brilliance Auto", aliases=["Brilliance"]),
            entry("BMW Brilliance", aliases=["brilliance"]),
        ],
        ["'brilliance'", "'Brilliance Auto'", "'BMW Brilliance'"],
    ),
    "alias is another company's name": (
        [entry("Nio"), entry("Xpeng", aliases=["NIO"])],
        ["alias 'NIO' of 'Xpeng' is the name of company 'Nio'"],
    ),
    "unknown kind": ([entry("Chery", kind="carmaker")], ["unknown kind 'carmaker'"]),
    "bad country": ([entry("MG", country="UK")], ["'UK' is not an ISO 3166-1"]),
    "unknown parent": (
        [entry("Audi", parent="Volkswagen Group")],
        ["parent 'Volkswagen Group' is not in the list"],
    ),
    "parent loop": (
        [entry("Aion", parent="GAC"), entry("GAC", parent="Aion")],
        ["parents form a loop"],
    ),
    "duplicate name": ([entry("BYD"), entry("byd")], ["'byd' is listed twice"]),
    "unknown field": ([{**entry("BYD"), "alias": ["BYD Co."]}], ["unknown field(s) alias"]),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_LISTS)
def test_it_refuses_a_bad_list_and_writes_nothing(tmp_path, case):
    make_company("Existing Motors", aliases=["Existing"])
    records, fragments = BAD_LISTS[case]
    path = write_list(tmp_path, [entry("Valid Motors", aliases=["Valid Motors Co."]), *records])
    before = snapshot()

    with pytest.raises(CommandError) as refused:
        load(path)

    for fragment in fragments:
        assert fragment in str(refused.value)
    assert "Nothing was written" in str(refused.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_it_refuses_a_file_that_is_not_a_json_list(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[{"name": "BYD", "kind": "automaker",}]', encoding="utf-8")
    not_a_list = write_list(tmp_path, {"name": "BYD"})

    with pytest.raises(CommandError, match=r"not valid JSON: .* line 1"):
        load(broken)
    with pytest.raises(CommandError, match="must hold a JSON list"):
        load(not_a_list)
    with pytest.raises(CommandError, match="cannot read"):
        load(tmp_path / "missing.json")
    assert not Company.objects.exists()


def test_it_refuses_records_passed_directly_without_a_database():
    with pytest.raises(CompanyListError, match="unknown kind"):
        load_company_list([entry("BYD", kind="carmaker")])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_loads_the_list_once_when_two_loaders_race():
    records = company_list()
    start = threading.Barrier(2)
    results, errors = [], []

    def run_loader():
        try:
            start.wait()
            results.append(load_company_list(records))
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    loaders = [threading.Thread(target=run_loader) for _ in range(2)]
    for loader in loaders:
        loader.start()
    for loader in loaders:
        loader.join()

    assert errors == []
    assert sorted(result.created for result in results) == [0, len(records)]
    assert Company.objects.count() == len(records)
