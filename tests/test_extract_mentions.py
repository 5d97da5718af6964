"""Company recognition: names in the list, and organisations the list lacks, recognised by how
reporters introduce them (corporate endings, stock codes, roles, possessives, lists)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from evtracker.news.extraction.mentions import CompanyIndex, KnownCompany, find_mentions
from evtracker.partnerships.companies import read_company_file

KNOWN = [
    KnownCompany("Toyota", "automaker", ("Toyota Motor",)),
    KnownCompany("Renault", "automaker"),
    KnownCompany("Nissan", "automaker"),
    KnownCompany("Temasek", "investor"),
    KnownCompany("Aston Martin", "automaker"),
]


@pytest.fixture(scope="module")
def index():
    return CompanyIndex.build(KNOWN)


def new_names(text, index):
    return [(m.company, m.kind) for m in find_mentions(text, index) if m.how == "new"]


def names(text, index):
    return [m.company for m in find_mentions(text, index)]


def test_it_reads_legal_forms_written_without_a_stop(index):
    text = "Toyota agreed to buy Kestrel Drivetrain Holdings Corp for $2 billion."
    assert ("Kestrel Drivetrain Holdings", "other") in new_names(text, index)


def test_it_reads_a_name_that_goes_on_after_a_descriptive_word(index):
    text = "Nissan will supply parts to Lakeview Automotive Stamping Co Ltd from next year."
    assert new_names(text, index) == [("Lakeview Automotive Stamping", "automaker")]


def test_it_reads_names_joined_by_an_ampersand_or_of(index):
    text = (
        "Renault signed a deal with Harlow Tyre & Rubber Co. and Consolidated Motors of Ohio Inc."
    )
    found = [name for name, _ in new_names(text, index)]
    assert "Harlow Tyre & Rubber" in found
    assert "Consolidated Motors of Ohio" in found


def test_it_leaves_the_title_before_of_out_of_the_name(index):
    text = "Jane Park, chief executive of Ridgeway Battery Company, said the plant would open."
    assert new_names(text, index) == [("Ridgeway Battery", "supplier")]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Nissan sold the stake to Northgate Capital Partners.",
            "Northgate Capital Partners",
            "investor",
        ),
        ("Toyota invested in Brightwater Ventures last year.", "Brightwater Ventures", "investor"),
        ("Renault will buy cells from Vantor Energy.", "Vantor Energy", "supplier"),
        ("The deal gives Corvel Mobility a new plant.", "Corvel Mobility", "other"),
    ],
)
def test_it_gives_a_firm_named_by_its_ending_the_kind_its_ending_tells(index, text, name, kind):
    assert (name, kind) in new_names(text, index)


@pytest.mark.parametrize(
    "text",
    [
        "Toyota is betting on New Energy vehicles in China.",
        "Nissan showed the car at the Tokyo Motor Show on Friday.",
        "The Ministry of State-Owned Enterprises approved the plan.",
        "Renault expects Clean Energy rules to tighten.",
    ],
)
def test_it_takes_no_common_phrase_with_a_corporate_ending_for_a_firm(index, text):
    assert new_names(text, index) == []


def test_it_recognises_a_firm_by_its_stock_code(index):
    text = "Halvorsen Drive (0788.HK) said it would form a venture with Toyota."
    assert ("Halvorsen Drive", "other") in new_names(text, index)


def test_it_recognises_a_firm_by_an_exchange_ticker(index):
    text = "Shares of Toyota fell while Quillon (NASDAQ: QLN) rose 8%."
    assert ("Quillon", "other") in new_names(text, index)


def test_it_recognises_a_firm_by_a_possessive_only_firms_have(index):
    text = "Marrow's chief executive told analysts that the talks with Nissan were going well."
    assert ("Marrow", "other") in new_names(text, index)


def test_it_recognises_a_firm_by_what_it_makes(index):
    text = "Toyota is buying a stake in Pellan, which makes battery housings, people said."
    assert ("Pellan", "other") in new_names(text, index)


def test_it_takes_no_person_or_place_for_a_firm(index):
    text = (
        "Emily Carter's chief executive role ends in May. China's board of directors met. "
        "Toyota said investors bought shares of Japan."
    )
    assert new_names(text, index) == []


def test_it_recognises_a_firm_after_a_role_word(index):
    text = "Battery maker Solvane and start-up Qorvio joined the Nissan project."
    found = dict(new_names(text, index))
    assert found["Solvane"] == "supplier"
    assert "Qorvio" in found


def test_it_takes_no_person_after_a_role_a_person_can_hold(index):
    assert new_names("Film producer Anna Belko also invested in Nissan.", index) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nissan signed an agreement with Tel Aviv-based Voltana Automotive on Monday.",
        "Nissan signed an agreement with Toyota-backed Voltana Automotive on Monday.",
    ],
)
def test_it_names_a_suffixed_firm_without_the_words_placing_it(text, index):
    assert new_names(text, index) == [("Voltana Automotive", "automaker")]


@pytest.mark.parametrize(
    "text",
    [
        "Honda, Japan's No. 2 automaker, and Nissan signed a memorandum.",
        "South Korea's Kospi added 27.48 points, while Taiwan's Taiex rose 0.4%.",
        "Park Taesung, the Republic of Korea's Ambassador to Indonesia, thanked Hyundai.",
        "The venture, based in Wuhu in east China's Anhui Province, is owned by Nissan.",
        "That is according to Indonesia's Presidential Chief of Staff Moeldoko.",
        "It has an authorised capital of shares of Rs 10 each, Nissan said.",
        "Nissan and Renault will acquire a minority stake in OEM once the round closes.",
        "Free trade agreements with the European Union and the United States help Nissan.",
    ],
)
def test_it_takes_no_rank_index_title_place_or_currency_for_a_firm(text, index):
    assert new_names(text, index) == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("When Voltana Group pitched the venture to Nissan, it agreed.", ["Voltana Group"]),
        ("The loans came from Nissan, Renault and Bank of Voltana, the report said.", []),
        ("Investors, among them Voltana's Sachin Bansal, Nissan and Renault, joined.", []),
        ("said Waleed Al Muhairi, Deputy Group CEO of Nissan.", []),
    ],
)
def test_it_names_no_opener_title_person_or_cut_name_as_a_firm(text, wanted, index):
    assert [name for name, _ in new_names(text, index)] == wanted


def test_it_names_the_last_firm_of_a_list_without_the_full_stop(index):
    text = "The new heads run three energy groups: Nissan, Renault and Voltana."
    assert new_names(text, index) == [("Voltana", "automaker")]


def test_it_takes_no_legal_form_in_a_list_for_a_firm(index):
    text = "Nissan Motor Co., Ltd. and Renault Group have signed a memorandum of understanding."
    assert new_names(text, index) == []


def test_it_takes_no_titled_person_after_a_role_word_for_a_firm(index):
    text = "Three Nissan companies and group Chairman Chung Euisun will own 80 percent of it."
    assert new_names(text, index) == []


def test_it_finds_a_firm_listed_with_two_known_companies(index):
    text = "The round drew Temasek, Toyota and Ardent Growth, the company said."
    assert ("Ardent Growth", "other") in new_names(text, index)


def test_it_takes_no_source_for_a_list_member(index):
    text = "According to the Daily Ledger, Nissan and Renault may merge."
    assert new_names(text, index) == []


def test_it_reads_a_short_form_after_the_full_name(index):
    text = "Toyota will buy 20% of Harwick Enterprises. Harwick said it welcomed the deal."
    mentions = [m for m in find_mentions(text, index) if m.company == "Harwick Enterprises"]
    assert [m.how for m in mentions] == ["new", "short"]


def test_it_prefers_a_short_form_of_a_known_name_to_a_new_firm(index):
    text = "Toyota looked at Aston Martin in 2020. It later took a stake in Aston."
    assert names(text, index) == ["Toyota", "Aston Martin", "Aston Martin"]


def test_it_knows_the_companies_reporters_name_across_the_industry():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "GS Yuasa, Rheinmetall, Autotalks, American Axle, Hyundai Autron, Tofas and Macquarie "
        "were named alongside Tekne Private Ventures and Korea Development Bank."
    )
    found = {m.company for m in find_mentions(text, index) if m.how == "name"}
    assert {
        "GS Yuasa",
        "Rheinmetall",
        "Autotalks",
        "American Axle",
        "Hyundai Autron",
        "Tofas",
        "Macquarie",
        "Tekne Private Ventures",
        "Korea Development Bank",
    } <= found


def test_it_takes_no_outlet_in_a_dateline_for_a_firm(index):
    text = "Harbour Auto -- Nissan is weighing a bid for a stake in Renault, the outlet said."
    assert new_names(text, index) == []


def test_it_recognises_a_firm_that_owns_or_backs_another(index):
    text = (
        "Velora, a unit of Stanmore Holdings Group, is backed by Corlan, in a round led by "
        "Martin Vogel."
    )
    found = [name for name, _ in new_names(text, index)]
    assert "Corlan" in found
    assert "Stanmore Holdings Group" in found or "Stanmore" in found
    assert not any("Vogel" in name for name in found)


def test_it_takes_no_nationality_after_a_stake_for_a_firm(index):
    assert new_names("Toyota raised its stake in Malaysian carmaker Perusa.", index) == [
        ("Perusa", "automaker")
    ]


def test_it_leaves_the_owner_before_a_possessive_out_of_the_name(index):
    text = "The round was led by Anna Lind's Brightwater Capital Partners."
    assert new_names(text, index) == [("Brightwater Capital Partners", "investor")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Start-up Ionix Mobility raised $50 million.", "Ionix Mobility"),
        ("Supplier Brandt Electric will build a plant.", "Brandt Electric"),
        ("Shares of Arkon Holdings (0175.HK) surged.", "Arkon Holdings"),
    ],
)
def test_it_leaves_a_capitalised_role_word_out_of_the_name(index, text, name):
    assert [found for found, _ in new_names(text, index)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Toyota is in talks with Quillstone about solid-state cells.", "Quillstone"),
        ("Nissan signed a deal with Varna Mobility on Monday.", "Varna Mobility"),
        ("Renault has teamed up with Osprey Dynamics to build vans.", "Osprey Dynamics"),
    ],
)
def test_it_recognises_the_firm_a_deal_or_talks_are_with(index, text, name):
    assert name in names(text, index)


@pytest.mark.parametrize(
    "text",
    [
        "Toyota confirmed it was in talks with the Cupertino company about cars.",
        "Nissan regularly holds talks with IT firms about software.",
        "Renault held talks with Prime Minister Modi on Monday.",
    ],
)
def test_it_takes_no_description_person_or_sector_after_talks_with_for_a_firm(index, text):
    assert new_names(text, index) == []


def test_it_finds_an_unknown_partner_after_an_owners_description():
    index = CompanyIndex.build([KnownCompany("PSA", "automaker")])
    body = "PSA said it had finalised a production deal with state-owned Iran Khodro."
    assert "Iran Khodro" in {m.company for m in find_mentions(body, index)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Nissan signed an agreement this week with Thailand's Bangchan General Assembly.",
            "Bangchan General Assembly",
        ),
        ("Renault is working with Israel's Lumeo Drive on the software.", "Lumeo Drive"),
    ],
)
def test_it_recognises_a_firm_named_after_its_countrys_possessive(index, text, name):
    assert (name, "other") in new_names(text, index)


@pytest.mark.parametrize(
    "text",
    [
        "Japan's Prime Minister Fumio Kishida visited Toyota's plant.",
        "Toyota will build cars in Mexico's Nuevo Leon state.",
        "Nissan will take over Toyota India's Bidadi Plant next year.",
        "Renault's plans depend on Turkey's Automobile Project.",
        "Renault teamed up with Iran's Industrial Development and Renovation Organization.",
        "Toyota's plan was approved by Malaysia's Investment Development Authority.",
        "Toyota's plan was approved by Thailand's BOI.",
    ],
)
def test_it_takes_no_person_region_plant_or_cut_name_after_a_countrys_possessive(index, text):
    assert new_names(text, index) == []


def test_it_names_subsidiaries_and_firms_by_the_names_reporters_use():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "Renault do Brasil, SAVWIPL and Shacman met Skoda Auto Volkswagen India and Shaanxi "
        "Auto in Pune."
    )
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Renault do Brasil",
        "Skoda Auto Volkswagen India",
        "Shaanxi Automobile",
        "Skoda Auto Volkswagen India",
        "Shaanxi Automobile",
    ]


def test_it_tells_a_named_ev_subsidiary_from_its_parent():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Mahindra & Mahindra will fund Mahindra Electric Automobile Ltd, not Mahindra Electric."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["Mahindra", "Mahindra Electric Automobile", "Mahindra Electric Automobile"]


def test_it_takes_no_state_or_province_a_company_signs_with_for_a_firm(index):
    text = "Toyota signed a pact with Karnataka, and Nissan one with Uttar Pradesh and Bahia."
    assert new_names(text, index) == []


def test_it_keeps_the_nationality_in_a_name_made_of_it_and_an_industry(index):
    text = "Renault will build chargers with Saudi Electricity Co. and Indian Oil Corp."
    assert new_names(text, index) == [("Saudi Electricity", "other"), ("Indian Oil", "other")]


def test_it_names_firms_by_the_names_reporters_use_most():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Jiangsu Yueda, Combined Motor Holdings, Thanh Cong Group and Sunwoda EVB were named."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Yueda Group",
        "CMH Group",
        "Thanh Cong Group",
        "Sunwoda Electric Vehicle Battery",
    ]


def test_it_reads_a_known_name_a_country_and_a_legal_form_as_the_local_unit(index):
    text = "Renault Brazil Ltd. and Nissan Motor said Toyota Motor Indonesia Pvt Ltd would join."
    found = [(m.company, m.how) for m in find_mentions(text, index)]
    assert found == [
        ("Renault Brazil", "new"),
        ("Nissan", "name"),
        ("Toyota Motor Indonesia", "new"),
    ]


def test_it_drops_private_limited_from_a_new_firms_name(index):
    text = "Toyota signed a supply deal with Kaveri Axle Works Private Limited on Monday."
    assert new_names(text, index) == [("Kaveri Axle Works", "other")]


def test_it_tells_tata_motors_ev_unit_from_its_parent():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Tata Motors said Tata Passenger Electric Mobility Ltd would raise money."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["Tata Motors", "Tata Passenger Electric Mobility"]


def test_it_reads_a_body_listed_by_a_description_only_in_its_own_countrys_news():
    index = CompanyIndex.build(
        [
            KnownCompany("MIIT", "regulator", ("industry ministry",), None, "CN"),
            KnownCompany("Renault", "automaker"),
        ]
    )
    abroad = "Renault said Morocco's trade and industry ministry had backed the new plant."
    at_home = "Renault said the industry ministry in Beijing had backed the new plant."
    other_owner = "Renault, which also sells in China, said the Spanish industry ministry agreed."
    assert names(abroad, index) == ["Renault"]
    assert names(at_home, index) == ["Renault", "MIIT"]
    assert names(other_owner, index) == ["Renault"]


def test_it_takes_no_exchange_in_a_stock_codes_brackets_for_a_party():
    index = CompanyIndex.build(
        [
            KnownCompany("Renault", "automaker"),
            KnownCompany("Nasdaq", "other"),
            KnownCompany("Nissan", "automaker"),
        ]
    )
    text = "Renault (Nasdaq: RNLT) and Nissan said Nasdaq would list the venture."
    assert names(text, index) == ["Renault", "Nissan", "Nasdaq"]


def test_it_leaves_where_a_firm_is_registered_or_who_funds_it_out_of_its_name(index):
    text = "Toyota sold it to Delaware-registered Quillon Drive Corp and Nissan-funded Orvek Ltd."
    assert new_names(text, index) == [("Quillon Drive", "other"), ("Orvek", "other")]


def test_it_reads_a_known_name_and_a_country_as_the_local_unit(index):
    text = "Renault Morocco will buy parts that Toyota Motor South Africa makes for Nissan."
    found = [(m.company, m.how) for m in find_mentions(text, index)]
    assert found == [
        ("Renault Morocco", "new"),
        ("Toyota Motor South Africa", "new"),
        ("Nissan", "name"),
    ]


def test_it_reads_lg_alone_as_the_battery_maker_in_car_news():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "LG will make cells for the new cars, and LG Electronics their screens."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["LG Energy Solution", "LG Electronics"]


def test_it_tells_faurecia_from_the_group_it_grew_into():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Faurecia, now part of Forvia, will buy cobalt from Huayou Cobalt."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["Faurecia", "Forvia", "Huayou"]


def test_it_tells_a_funds_regional_arms_and_namesakes_apart():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "Matrix Partners India, Korea Investment Partners and NEOM Investment Fund joined "
        "Matrix Partners in the round."
    )
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Matrix Partners India",
        "Korea Investment Partners",
        "NEOM Investment Fund",
        "Matrix Partners",
    ]


def test_it_reads_a_generic_word_after_an_and_as_the_end_of_a_longer_name(index):
    text = "Nissan sold its stake to Harbin City Construction and Investment Holding last year."
    assert new_names(text, index) == [("Harbin City Construction and Investment Holding", "other")]


def test_it_reads_a_known_name_a_region_and_a_legal_form_as_the_local_unit(index):
    text = "Toyota Motor Zhejiang Co., Ltd. will build the cars Renault Karnataka Pvt Ltd sells."
    found = [(m.company, m.how) for m in find_mentions(text, index)]
    assert found == [("Toyota Motor Zhejiang", "new"), ("Renault Karnataka", "new")]


def test_it_reads_a_known_name_and_a_province_as_the_local_unit(index):
    text = "Nissan Guangxi will supply Renault and Toyota Europe with engines."
    found = [(m.company, m.how) for m in find_mentions(text, index)]
    assert found == [("Nissan Guangxi", "new"), ("Renault", "name"), ("Toyota Europe", "new")]


def test_it_reads_a_role_before_a_verb_as_a_new_clause_not_an_appositive(index):
    text = "Sales rose after launching the Lumora Lite, the carmaker said; Kelvo, a supplier, won."
    assert new_names(text, index) == [("Kelvo", "supplier")]


def test_it_knows_the_governments_that_sign_plant_deals_with_carmakers():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "Kelvo Motors agreed terms with the Egyptian government, then with the Government of "
        "Morocco, and later with the Bahian government."
    )
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["Egyptian government", "Moroccan government", "Bahia government"]
    assert index.lookup("Ghana's government").name == "Ghana government"


def test_it_reads_a_vehicle_segment_before_a_corporate_word_as_no_firm(index):
    text = "Renault will fold its new EV Co into Ampera and sell a stake in PV operations."
    assert new_names(text, index) == []


def test_it_reads_a_word_of_its_own_before_a_known_name_as_another_company(index):
    text = "The dealer group bought Hartwell Nissan Ltd, while Zhejiang Renault Holding Co sold."
    found = [(m.company, m.how) for m in find_mentions(text, index)]
    assert found == [("Hartwell Nissan", "new"), ("Renault", "name")]


def test_it_reads_a_trade_before_a_firms_role_as_naming_a_firm(index):
    text = (
        "Renault backs battery developer Kelvo Cells and fleet operator Tarn Rides, "
        "said software developer John Reyes."
    )
    assert new_names(text, index) == [("Kelvo Cells", "other"), ("Tarn Rides", "other")]


def test_it_reads_the_name_paired_with_a_known_one_before_a_deal_verb_as_a_company(index):
    text = (
        "Renault and Kelvo Cells have signed a supply pact.\n"
        "Tarvik and Nissan agreed to build vans, people at Tarn Rides and Toyota said."
    )
    assert new_names(text, index) == [("Kelvo Cells", "other"), ("Tarvik", "other")]


def test_it_reads_a_southern_african_legal_form_as_the_end_of_a_name(index):
    text = "Between Kelvo Motors (Pty) Ltd, the buying firm, and Tarn Rides Ltd, the target firm."
    assert new_names(text, index) == [("Kelvo Motors", "automaker"), ("Tarn Rides", "other")]


def test_it_reads_a_new_firm_alike_whatever_the_hash_seed():
    # A firm found by its ending gives two short forms, its whole name and its core word; read
    # in a set's order, which changes with the process's hash seed, a later "Woven Capital's"
    # was the whole name in one process and "Woven" in another.
    program = (
        "import json\n"
        "from evtracker.news.extraction.mentions import CompanyIndex, KnownCompany, find_mentions\n"
        "text = 'Woven Capital backed the start-up in 2021. Its rounds drew on Toyota, "
        "Woven Capital\\'s funds and others.'\n"
        "index = CompanyIndex.build([KnownCompany('Toyota', 'automaker')])\n"
        "print(json.dumps([(m.start, m.end) for m in find_mentions(text, index)]))\n"
    )
    readings = {
        subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(8)
    }
    assert readings == {"[[0, 13], [62, 68], [70, 83]]\n"}


def test_it_reads_an_appositive_opened_by_a_place_possessive(index):
    text = "Corvella, Brazil's largest bus operator, signed a supply deal with Toyota."
    assert [name for name, _ in new_names(text, index)] == ["Corvella"]


def test_it_takes_no_person_before_a_place_possessive_appositive(index):
    text = "Toyota hired Jane Okafor, Nigeria's former trade envoy, as an adviser."
    assert new_names(text, index) == []


@pytest.mark.parametrize(
    "text",
    [
        "Renault will invest $120 million in Brightlane to build motors.",
        "Nissan invested an undisclosed sum in Brightlane last year.",
        "Toyota is taking a stake of 21% in Brightlane.",
    ],
)
def test_it_reads_the_firm_after_money_or_a_share_put_in_it(index, text):
    assert [name for name, _ in new_names(text, index)] == ["Brightlane"]


def test_it_takes_no_place_money_is_put_in_for_a_firm(index):
    assert new_names("Renault will invest $1 billion in Indonesia and Tamil Nadu.", index) == []


def test_it_reads_a_name_opened_by_a_common_word_after_a_role(index):
    text = "India rejected Chinese carmaker Great Wall Motor's bid; utility State Grid said no."
    assert [name for name, _ in new_names(text, index)] == ["Great Wall Motor", "State Grid"]


def test_it_takes_no_place_or_outlet_after_a_role_for_a_firm(index):
    text = "The news outlet Cailianshe said a company Hong Kong investors back had made an offer."
    assert new_names(text, index) == []


def test_it_tells_holding_groups_from_the_units_they_gave_their_names_to():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "Hankook & Co. will buy a stake in Hanon Systems, unlike Hankook Tire; GKN rejected the "
        "bid while GKN Automotive, now Dowlais, was sold; Ashok Leyland eyes SML Isuzu; "
        "Nissan bought a third of MMC."
    )
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Hankook & Company",
        "Hanon Systems",
        "Hankook Tire",
        "GKN",
        "Dowlais",
        "Dowlais",
        "Ashok Leyland",
        "SML Isuzu",
        "Nissan",
        "Mitsubishi Motors",
    ]


def test_it_reads_a_name_set_off_by_commas_after_a_role(index):
    text = "Another parts company, Kelvo Drives, has applied to form a venture with Toyota."
    assert [name for name, _ in new_names(text, index)] == ["Kelvo Drives"]


def test_it_takes_no_source_set_off_by_commas_after_a_role_for_a_firm(index):
    text = "Toyota will buy the company, Harbour Daily reported, for $2 billion."
    assert new_names(text, index) == []


def test_it_reads_a_firm_heading_its_chief_executives_title(index):
    text = "Kelvo CEO Anna Berg said Toyota would take a stake; Brightlane chairman Li Wei agreed."
    assert [name for name, _ in new_names(text, index)] == ["Kelvo", "Brightlane"]


def test_it_takes_no_former_title_or_central_bank_before_a_title_for_a_firm(index):
    text = "Former CEO Anna Berg left Toyota after Fed chairman Jerome Powell spoke."
    assert new_names(text, index) == []


def test_it_reads_the_firms_a_plural_role_counts(index):
    text = (
        "The round was led by carmakers Kelvo Motors and Brightlane, and investors Arden and "
        "Toyota."
    )
    found = [name for name, _ in new_names(text, index)]
    assert found == ["Kelvo Motors", "Brightlane", "Arden"]


def test_it_takes_no_people_or_rivals_after_a_plural_role_for_firms(index):
    text = (
        "Backers include investors Warren Buffett and Jack Ma; Toyota trails rivals Kelvo and "
        "Arden."
    )
    assert new_names(text, index) == []


def test_it_knows_battery_charging_and_electronics_firms_of_the_ev_trade():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "Hyundai put money into Arrival; Vulcan Energy Resources will supply Stellantis, and "
        "Delta Electronics builds chargers for Electrify America."
    )
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Hyundai",
        "Arrival",
        "Vulcan Energy",
        "Stellantis",
        "Delta Electronics",
        "Electrify America",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia's Crown Prince Mohammad bin Salman met Toyota on Monday.",
        "Toyota is deepening its partnership with the Swedes and the Germans.",
        "The deal was examined under the Foreign Direct Investment rules, Toyota said.",
    ],
)
def test_it_takes_no_prince_people_trade_or_policy_for_a_firm(index, text):
    assert new_names(text, index) == []


def test_it_takes_the_trade_before_a_role_for_no_firm(index):
    text = "Toyota raised its stake in Korean UV maker Kelvo to 40%."
    assert [name for name, _ in new_names(text, index)] == ["Kelvo"]


def test_it_reads_the_firm_after_a_place_based_word_a_cue_marks():
    index = CompanyIndex.build([KnownCompany("Toyota", "automaker")])
    text = "Toyota will buy a 43% stake in Singapore-based Kelvo for $360 million."
    assert new_names(text, index) == [("Kelvo", "other")]


def test_it_takes_no_generic_end_of_a_known_firms_legal_name_for_a_firm():
    index = CompanyIndex.build([KnownCompany("Kelvo", "automaker")])
    text = "Kelvo Manufacturing and Trading JSC received its licence; Kelvo & Construction Co. too."
    assert new_names(text, index) == []


def test_it_reads_the_firm_a_rival_names(index):
    text = "Toyota won approval for its bid for rival Kelvo; Nissan and British rival Arden agreed."
    assert [name for name, _ in new_names(text, index)] == ["Kelvo", "Arden"]


def test_it_takes_the_trade_after_a_role_for_no_firm(index):
    text = "Tencent backed Nio early, and rival Internet company Baidu said it would invest too."
    assert "Internet" not in [name for name, _ in new_names(text, index)]


@pytest.mark.parametrize(
    "text",
    [
        "Kelvo and Renault are negotiating a battery venture, people said.",
        "Renault and Kelvo announced a battery venture on Monday.",
        "Kelvo and Toyota said they would build cells together.",
    ],
)
def test_it_reads_the_name_joined_to_a_known_one_before_talks_or_an_announcement(index, text):
    assert [name for name, _ in new_names(text, index)] == ["Kelvo"]


def test_it_takes_no_person_joined_to_a_known_name_before_an_announcement_for_a_firm(index):
    text = "Renault and John announced nothing. Analysts and Toyota said they disagreed."
    assert new_names(text, index) == []


@pytest.mark.parametrize(
    ("initials", "company"),
    [("TML", "Tata Motors"), ("MSIL", "Maruti Suzuki"), ("SYMC", "KG Mobility")],
)
def test_it_knows_the_initials_indian_and_korean_papers_use(initials, company):
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    found = [m.company for m in find_mentions(f"Shares of {initials} rose 3% on Monday.", index)]
    assert found == [company]


@pytest.mark.parametrize(
    "text",
    [
        "Toyota put $40 million into Vantrel, a Swiss lidar specialist, last year.",
        "Renault will build the buses for Vantrel, a Danish transport operator.",
        "The land was bought by Vantrel, a Chinese company, in 2022.",
    ],
)
def test_it_reads_the_firm_an_indefinite_appositive_describes_after_a_preposition(index, text):
    assert [name for name, _ in new_names(text, index)] == ["Vantrel"]


def test_it_takes_no_place_before_a_speakers_role_for_a_firm(index):
    text = "Renault will build the van at Sandouville, a company official said on Monday."
    assert new_names(text, index) == []


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("The joint venture between Renault and Tarvik will build vans.", "Tarvik"),
        ("Talks between Tarvik and Nissan stalled in May.", "Tarvik"),
        ("A partnership between Toyota and Kelvo South Africa was signed.", "Kelvo South Africa"),
    ],
)
def test_it_reads_the_name_paired_with_a_known_one_after_between(index, text, firm):
    assert [name for name, _ in new_names(text, index)] == [firm]


def test_it_takes_no_place_or_given_initials_after_between_for_a_firm(index):
    text = (
        "The gap between Renault and Tarvik grew. Toyota Motor Co (TMC) agreed a deal. "
        "The merger between TMC and Nissan and the talks between Nissan and Chile's Codelco."
    )
    assert "Tarvik" not in [name for name, _ in new_names(text, index)]
    assert "TMC" not in [name for name, _ in new_names(text, index)]
    assert "Chile's" not in [name for name, _ in new_names(text, index)]


def test_it_reads_the_firm_described_as_one_of_several(index):
    text = "Tarvik, one of China's largest battery makers, signed a supply deal with Nissan."
    assert new_names(text, index) == [("Tarvik", "supplier")]


def test_it_takes_no_plural_role_alone_for_a_firms_introduction(index):
    text = "Analysts said battery makers Bigger Cells would struggle; Toyota, the makers said, too."
    assert "Bigger Cells" not in [name for name, _ in new_names(text, index)]


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Toyota said its battery unit Tarvik Cells would supply Nissan.", "Tarvik Cells"),
        ("Renault's software subsidiary Tarvik will sign the deal.", "Tarvik"),
    ],
)
def test_it_reads_the_firm_named_after_a_word_for_part_of_a_group(index, text, firm):
    assert [name for name, _ in new_names(text, index)] == [firm]


def test_it_takes_no_appositive_unit_for_a_firm_of_its_own(index):
    text = "Tarvik, a wholly owned Toyota subsidiary, holds 40% of the plant."
    assert new_names(text, index) == []


def test_it_knows_the_car_firms_and_investors_of_emerging_markets():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "Sun Mobility, Okaya EV, Kalaari Capital, Swvl, Kontrolmatik and Mercado Libre met "
        "Dubai's Roads and Transport Authority, Safaricom and the IFC; Montra Electric spoke too."
    )
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Sun Mobility",
        "Okaya EV",
        "Kalaari Capital",
        "Swvl",
        "Kontrolmatik",
        "Mercado Libre",
        "Roads and Transport Authority",
        "Safaricom",
        "International Finance Corporation",
        "Montra Electric",
    ]
    # A short name that is also a word is not a firm in lower case.
    assert find_mentions("They roam the city and renew the lease.", index) == []


def test_it_knows_battery_charging_and_robotaxi_firms_beyond_the_big_names():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Liontown, MinRes, Gridserve, Blink Charging, Waabi, Neolix and EHang signed up."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Liontown Resources",
        "Mineral Resources Ltd",
        "Gridserve",
        "Blink Charging",
        "Waabi",
        "Neolix",
        "EHang",
    ]
    # A ministry whose title ends in the miner's words is not the miner.
    ministry = "The Ministry of Industry and Mineral Resources granted Ceer a licence."
    assert "Mineral Resources Ltd" not in names(ministry, index)


def test_it_knows_governments_agencies_and_groups_that_court_carmakers_in_new_markets():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = (
        "The Ethiopian government, MISA, the Suez Canal Economic Zone, Hindustan Zinc, Swiggy, "
        "Kalyon and Bank Rakyat Indonesia each held talks; UzAuto Motors did too."
    )
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Ethiopian government",
        "Saudi Ministry of Investment",
        "SCZONE",
        "Hindustan Zinc",
        "Swiggy",
        "Kalyon Holding",
        "Bank Rakyat Indonesia",
        "UzAuto Motors",
    ]
    # The steelmaker's initials are a word in lower case.
    assert names("Car carriers sail from Tanger Med.", index) == ["Tanger Med"]


def test_it_knows_second_tier_asian_suppliers_chipmakers_and_lenders():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Kobelco, Denso Ten, Hotai, Shinhan Financial, UMC, Marvell and Socar joined the group."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Kobe Steel",
        "Denso Ten",
        "Hotai Motor",
        "Shinhan Financial Group",
        "UMC",
        "Marvell Technology",
        "Socar",
    ]


def test_it_knows_the_short_names_and_mobility_startups_local_papers_write():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "SCG, RIL, Glovis, Watu, Moove, Kavak and Bounce Infinity were at the launch."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Siam Cement Group",
        "Reliance Industries",
        "Hyundai Glovis",
        "Watu",
        "Moove",
        "Kavak",
        "Bounce Infinity",
    ]


def test_it_knows_gulf_investors_and_chinese_state_groups_entering_the_car_trade():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Alat, MGX, QNB, CRRC, China Three Gorges, Dreame and Unitree backed the plan."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Alat",
        "MGX",
        "QNB Group",
        "CRRC",
        "China Three Gorges",
        "Dreame Technology",
        "Unitree Robotics",
    ]
    # The logistics group is not the word "agility" in running text.
    assert names("Its agility impressed Toyota.", index) == ["Toyota"]


def test_it_knows_the_distributors_and_car_carriers_that_take_brands_abroad():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Inchcape, Astara, Emil Frey, Cycle & Carriage, DFSK and K Line signed with BYD."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Inchcape",
        "Astara",
        "Emil Frey",
        "Jardine Cycle & Carriage",
        "DFSK",
        "Kawasaki Kisen Kaisha",
        "BYD",
    ]


def test_it_knows_the_newer_chinese_brands_and_truck_makers():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Maextro, Exlantix, Riddara, Windrose, LiuGong and Skywell showed cars in Dubai."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["Maextro", "Exlantix", "Riddara", "Windrose Technology", "LiuGong", "Skywell"]


def test_it_knows_pension_and_infrastructure_funds_that_back_charging_and_batteries():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "OMERS, PSP Investments, Stonepeak, Ardian and Khosla Ventures joined the round."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["OMERS", "PSP Investments", "Stonepeak", "Ardian", "Khosla Ventures"]


def test_it_knows_the_miners_and_traders_behind_african_battery_metals():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "KoBold Metals, First Quantum, Zimplats, Kamoa Copper and Vitol met Africa50."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "KoBold Metals",
        "First Quantum Minerals",
        "Zimplats",
        "Kamoa Copper",
        "Vitol",
        "Africa50",
    ]


def test_it_knows_indias_listed_parts_makers():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Sansera, Jamna Auto, Craftsman Automation and Mahindra CIE supply Maruti Suzuki."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Sansera Engineering",
        "Jamna Auto Industries",
        "Craftsman Automation",
        "Mahindra CIE",
        "Maruti Suzuki",
    ]


def test_it_knows_the_assemblers_chinese_brands_partner_with_in_central_asia_and_iran():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Allur, Astana Motors, ADM Jizzakh, Belgee and Bahman Group build cars for Chery."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == ["Allur", "Astana Motors", "ADM Jizzakh", "Belgee", "Bahman Group", "Chery"]


def test_it_knows_the_charging_networks_and_power_utilities_of_new_ev_markets():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "EGAT, PEA Volta, ChargEV, Copec Voltex and Tupinambá Energia will host BYD chargers."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "EGAT",
        "Provincial Electricity Authority",
        "ChargEV",
        "Copec Voltex",
        "Tupinamba Energia",
        "BYD",
    ]


def test_it_knows_the_groups_of_south_asia_and_vietnam_that_assemble_and_finance_cars():
    records = read_company_file(Path(__file__).resolve().parent.parent / "seeds/companies.json")
    index = CompanyIndex.build(KnownCompany(r.name, r.kind, r.aliases, r.parent) for r in records)
    text = "Honri, Engro, Beximco, Abans, Viettel, Hoa Phat and Techcombank met VinFast."
    found = [m.company for m in find_mentions(text, index) if m.how == "name"]
    assert found == [
        "Honri Automotive",
        "Engro",
        "Beximco",
        "Abans",
        "Viettel",
        "Hoa Phat",
        "Techcombank",
        "VinFast",
    ]
