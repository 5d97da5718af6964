"""Regulatory approvals as news reports them: who is approved, by whom, and how far along.

The sentences are written here in the style of wire copy; the company list is the project's
seed list, so regulators are found under the names and descriptions reporters use.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from evtracker.news.extract import CompanyIndex, KnownCompany, extract

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2024, 6, 14)


@pytest.fixture(scope="module")
def index():
    companies = json.loads((ROOT / "seeds" / "companies.json").read_text(encoding="utf-8"))
    return CompanyIndex.build(
        KnownCompany(c["name"], c["kind"], tuple(c.get("aliases", ())), c.get("parent"))
        for c in companies
    )


def approvals(body, index, published=PUBLISHED):
    result = extract(body, index, published=published)
    return {(a.subject, a.regulator, a.status) for a in result.approvals}


# --- who is approved ---------------------------------------------------------------------


def test_it_approves_the_buyer_not_the_company_bought(index):
    body = (
        "Japan's antitrust watchdog on Tuesday approved Toyota's purchase of a 5% stake "
        "in Mazda, saying the deal would not hurt competition."
    )
    assert approvals(body, index) == {("Toyota", "JFTC", "granted")}


def test_it_gives_both_parties_of_a_merger_the_approval_the_merger_needs(index):
    body = (
        "Honda and Nissan said on Monday they would merge their businesses under a joint "
        "holding company. The merger still needs the approval of antitrust regulators."
    )
    assert approvals(body, index) == {
        ("Honda", "antitrust regulators", "pending"),
        ("Nissan", "antitrust regulators", "pending"),
    }


def test_it_gives_a_stake_purchase_referred_to_as_the_deal_to_its_buyer(index):
    body = (
        "Renault will buy a 21% stake in Polestar for about $300 million, the French "
        "carmaker said. The deal is subject to regulatory approval."
    )
    assert approvals(body, index) == {("Renault", None, "pending")}


def test_it_lists_every_company_granted_a_permit_together(index):
    body = (
        "Baidu and rival robotaxi developer Pony.ai have been granted permits to run "
        "driverless taxis without safety drivers in parts of Shenzhen."
    )
    assert approvals(body, index) == {("Baidu", None, "granted"), ("Pony.ai", None, "granted")}


def test_it_does_not_approve_the_owner_of_a_unit_that_won_a_licence(index):
    body = "The state planner has granted an EV production licence to a unit of Great Wall Motor."
    assert approvals(body, index) == set()


def test_it_takes_a_companys_own_refusal_for_no_approval(index):
    body = "Aston Martin turned down an improved offer from Geely, two people familiar said."
    assert approvals(body, index) == set()


# --- who approves --------------------------------------------------------------------------


def test_it_keeps_an_unnamed_body_as_written(index):
    body = (
        "Mazda and Subaru agreed to buy each other's shares. The share purchases will go "
        "ahead once foreign competition authorities have given their approval."
    )
    found = approvals(body, index)
    assert ("Mazda", "foreign competition authorities", "pending") in found
    assert ("Subaru", "foreign competition authorities", "pending") in found


def test_it_names_the_body_the_article_names_when_a_sentence_says_regulators(index):
    body = (
        "Chinese regulators have approved a navigation map that Baidu built for its robotaxis."
        "\n\nThe Ministry of Natural Resources published the approval on its website."
    )
    assert ("Baidu", "Ministry of Natural Resources", "granted") in approvals(body, index)


def test_it_takes_the_eu_for_its_commission_when_clearing_a_deal(index):
    body = (
        "Stellantis won EU antitrust clearance on Friday for its purchase of a stake in Leapmotor."
    )
    assert approvals(body, index) == {("Stellantis", "European Commission", "granted")}


def test_it_reads_a_government_that_says_no(index):
    body = (
        "New Delhi has rejected a $1 billion proposal from Chinese carmaker BYD to build "
        "an electric-vehicle plant, citing security concerns."
    )
    assert approvals(body, index) == {("BYD", "Indian government", "rejected")}


def test_it_gives_each_jurisdiction_of_antitrust_filings_its_body(index):
    body = (
        "Hyundai agreed to buy a 30% stake in Leapmotor. Hyundai has submitted merger "
        "filings in the European Union, China and Japan."
    )
    found = approvals(body, index)
    assert {regulator for subject, regulator, _ in found if subject == "Hyundai"} == {
        "European Commission",
        "SAMR",
        "JFTC",
    }


def test_it_reads_a_listing_filing_with_the_securities_regulator(index):
    body = (
        "Zeekr has filed with the China Securities Regulatory Commission for a Hong Kong listing."
    )
    assert approvals(body, index) == {("Zeekr", "CSRC", "pending")}


def test_it_does_not_take_a_filing_to_a_stock_exchange_for_an_approval(index):
    body = "In a filing to the Shanghai Stock Exchange, Great Wall Motor said its profit rose 20%."
    assert approvals(body, index) == set()


# --- how far along ---------------------------------------------------------------------------


def test_it_reads_a_clearance_that_depends_on_a_condition_as_pending(index):
    body = "If regulators clear the deal, Toyota could own as much as 20% of Subaru."
    assert {status for _, _, status in approvals(body, index)} == {"pending"}


def test_it_reads_an_approval_a_company_aims_to_get_as_pending(index):
    body = "Leapmotor is working to secure a licence from the industry ministry."
    assert approvals(body, index) == {("Leapmotor", "MIIT", "pending")}
    body = "The city said it would help Leapmotor obtain approval from the relevant authorities."
    assert approvals(body, index) == {("Leapmotor", "relevant authorities", "pending")}


def test_it_does_not_take_help_to_get_going_for_an_approval_sought(index):
    body = "The clearance, the watchdog said, should help Nissan get its plant running again."
    assert approvals(body, index) == set()


def test_it_reads_a_finished_review_ahead_of_the_decision_as_pending(index):
    body = (
        "Experts advising the state planner have completed their technical assessment of "
        "Leapmotor and Neta, and a decision on the two licences could come within weeks."
    )
    assert approvals(body, index) == {("Leapmotor", "NDRC", "pending"), ("Neta", "NDRC", "pending")}


def test_it_does_not_read_a_body_receiving_a_filing_as_a_grant(index):
    body = (
        "The CSRC has received Zeekr's listing documents, which does not mean the "
        "application has been approved."
    )
    assert approvals(body, index) == {("Zeekr", "CSRC", "pending")}


def test_it_does_not_take_clearing_the_way_for_an_approval(index):
    body = "Lotus cleared the way for a cheaper model by cutting costs at its Hethel plant."
    assert approvals(body, index) == set()


def test_it_leaves_out_an_approval_given_long_before_the_report(index):
    body = "Pony.ai received a licence from Beijing authorities in 2021 to charge robotaxi fares."
    assert approvals(body, index) == set()
    assert approvals(body, index, published=date(2021, 3, 1)) == {
        ("Pony.ai", "Beijing authorities", "granted")
    }


def test_it_approves_both_sides_of_a_merger_cleared_by_described_regulators(index):
    body = "Honda said regulators in Japan and the US had cleared its merger with Nissan."
    assert approvals(body, index) == {
        ("Honda", "regulators in Japan and the US", "granted"),
        ("Nissan", "regulators in Japan and the US", "granted"),
    }


def test_it_reads_an_investigation_into_a_deal_as_a_pending_review(index):
    body = (
        "The European Commission opened an in-depth investigation into the proposed merger "
        "of Honda and Nissan."
    )
    assert approvals(body, index) == {
        ("Honda", "European Commission", "pending"),
        ("Nissan", "European Commission", "pending"),
    }


@pytest.mark.parametrize(
    "body",
    [
        "Geely denied it had sought approval from the CSRC for a listing of Zeekr.",
        "The US Commerce Department banned Chinese connected-car software, hitting BYD.",
        "Toyota's board approved the plan on Tuesday.",
        "The deal won approval from shareholders at a meeting on Tuesday.",
    ],
)
def test_it_takes_denials_bans_and_boards_for_no_regulatory_approval(index, body):
    assert approvals(body, index) == set()


def test_it_names_india_for_a_press_note_3_screening(index):
    body = "BYD's proposal to build a plant is still awaiting clearance under Press Note 3."
    assert approvals(body, index) == {("BYD", "Indian government", "pending")}


def test_it_approves_the_company_a_parent_speaks_of_not_the_parent(index):
    body = "Geely said on Tuesday that Zeekr had won approval from the CSRC to list in Hong Kong."
    assert approvals(body, index) == {("Zeekr", "CSRC", "granted")}


def test_it_approves_a_company_named_by_its_legal_form_not_the_group_inside_its_name(index):
    body = (
        "Shaanxi BYD New Energy Trucks Co Ltd was cleared by the industry ministry to make "
        "electric trucks, according to a notice published on Monday."
    )
    assert approvals(body, index) == {("Shaanxi BYD New Energy Trucks", "MIIT", "granted")}


def test_it_takes_the_company_of_the_clause_that_holds_the_approval(index):
    body = (
        "WeRide is not the only one: Zeekr has also filed with the China Securities "
        "Regulatory Commission for a listing in New York."
    )
    assert approvals(body, index) == {("Zeekr", "CSRC", "pending")}


def test_it_keeps_a_described_ministry_but_not_a_bare_regulator(index):
    assert approvals("Lucid won a nod from Saudi Arabia's investment ministry.", index) == {
        ("Lucid", "Saudi Arabia's investment ministry", "granted")
    }
    assert approvals("The regulator gave Tesla the go-ahead to sell FSD.", index) == {
        ("Tesla", None, "granted")
    }


def test_it_reads_a_refused_application_as_rejected_even_with_no_body_named(index):
    body = "Xiaomi's application for a production licence was rejected, people familiar said."
    assert approvals(body, index) == {("Xiaomi", None, "rejected")}


def test_it_leaves_a_licence_held_by_a_factory_a_company_buys_into_to_the_factory(index):
    body = (
        "Xiaomi could take a stake in a plant owned by BAIC, a factory that already holds "
        "a licence to make cars."
    )
    assert approvals(body, index) == set()


def test_it_gives_each_regulator_listed_its_own_approval(index):
    body = "Xiaomi still needs approvals from the state planner and the industry ministry."
    assert approvals(body, index) == {("Xiaomi", "NDRC", "pending"), ("Xiaomi", "MIIT", "pending")}


def test_it_reads_a_regulator_reviewing_a_stake_purchase_as_pending_for_the_buyer(index):
    body = (
        "Geely agreed to buy a 17% stake in Aston Martin. Britain's competition regulator "
        "is reviewing the deal."
    )
    assert approvals(body, index) == {("Geely", "CMA", "pending")}


def test_it_keeps_a_wait_that_began_long_ago_and_still_goes_on(index):
    body = "Xiaomi has been waiting for a licence from the industry ministry since 2021."
    assert approvals(body, index) == {("Xiaomi", "MIIT", "pending")}


def test_it_reads_an_application_pending_with_a_regulator(index):
    body = "BYD's application is pending with the industry ministry."
    assert approvals(body, index) == {("BYD", "MIIT", "pending")}


def test_it_does_not_take_a_description_before_a_legal_name_for_part_of_it(index):
    body = "Beijing-based Xiaomi Corp. received approval from the state planner on Friday."
    assert approvals(body, index) == {("Xiaomi", "NDRC", "granted")}


def test_it_approves_the_company_another_is_merged_into(index):
    body = (
        "The CCI also cleared the merger of Tata Autocomp Systems into Tata Motors Passenger Ltd."
    )
    found = approvals(body, index)
    assert {subject for subject, _, _ in found} == {"Tata Motors Passenger"}


def test_it_reads_a_permit_revoked_by_a_regulator_as_rejected(index):
    body = "The California DMV revoked Cruise's permit to run driverless taxis in San Francisco."
    assert approvals(body, index) == {("Cruise", "California DMV", "rejected")}


def test_it_approves_the_company_whose_purchase_the_regulator_approved(index):
    body = (
        "Stellantis said the European Commission approved, with remedies, its purchase of "
        "a stake in Leapmotor."
    )
    assert approvals(body, index) == {("Stellantis", "European Commission", "granted")}


def test_it_reads_an_expected_approval_as_pending(index):
    body = "Approval from the European Commission is expected in the second half, Renault said."
    assert approvals(body, index) == {("Renault", "European Commission", "pending")}


@pytest.mark.parametrize(
    "body",
    [
        "The tariffs were approved by the European Commission in October, hitting BYD and Geely.",
        "Toyota has received new orders, and approval ratings among its dealers rose.",
        "Honda and Nissan said the talks had ended and no approvals would be sought.",
    ],
)
def test_it_takes_measures_ratings_and_approvals_not_sought_for_no_approval(index, body):
    assert approvals(body, index) == set()


def test_it_approves_the_subsidiary_not_its_owner_named_before_it(index):
    body = "Geely's Zeekr won approval from the CSRC to list in New York."
    assert approvals(body, index) == {("Zeekr", "CSRC", "granted")}


def test_it_reads_regulators_expected_to_approve_as_pending(index):
    body = "Tesla said it expects regulators to approve its robotaxi service in Texas next year."
    assert approvals(body, index) == {("Tesla", None, "pending")}


# --- bodies the company list does not hold, and bodies referred to ----------------------------


def test_it_takes_a_body_named_by_the_form_of_its_name(index):
    body = (
        "The Ministry of Digital Affairs said on Friday it had granted a licence to Nio to "
        "run a connected-car data service."
    )
    assert approvals(body, index) == {("Nio", "Ministry of Digital Affairs", "granted")}


def test_it_lets_a_stock_exchange_that_approves_passively_be_the_regulator(index):
    body = (
        "Electric carmaker Xpeng has been approved by the Hong Kong Stock Exchange's listing "
        "committee for a secondary listing, the company said."
    )
    assert approvals(body, index) == {("Xpeng", "HKEX", "granted")}


def test_it_refers_an_unnamed_approval_back_to_the_body_the_article_named(index):
    body = (
        "The Ministry of Land and Transport opened applications for robotaxi permits in "
        "March.\n\nPony.ai said it had been granted a permit on Wednesday.\n\n"
        "Analysts expect more companies to follow."
    )
    assert ("Pony.ai", "Ministry of Land and Transport", "granted") in approvals(body, index)


def test_it_reads_a_country_described_antitrust_regulator_as_that_countrys_body(index):
    body = (
        "Qualcomm agreed to buy Autotalks last year. Britain's competition regulator said on "
        "Monday it had opened an investigation into the deal."
    )
    assert ("Qualcomm", "CMA", "pending") in approvals(body, index)


def test_it_gives_a_body_clearing_the_articles_deal_to_the_buyer_after_by(index):
    body = (
        "Regulators are reviewing the planned takeover of Dowlais by American Axle, the "
        "companies said.\n\nBrazil's competition authority CADE granted unconditional "
        "clearance on Tuesday."
    )
    assert ("American Axle", "CADE", "granted") in approvals(body, index)


def test_it_reads_investment_privileges_granted_by_a_board_as_an_approval(index):
    body = (
        "The Board of Investment has granted investment privileges to Hyundai Mobility "
        "(Thailand) Co Ltd for a battery plant near Bangkok."
    )
    found = approvals(body, index)
    assert {(s, r) for s, r, _ in found} == {("Hyundai Mobility Thailand", "Board of Investment")}


def test_it_does_not_take_an_exchange_in_a_ticker_for_the_regulator(index):
    body = (
        "Magna International Inc. and Veoneer, Inc. (NYSE: VNE) said the waiting period for "
        "their merger under US antitrust law has expired."
    )
    assert all(regulator != "NYSE" for _, regulator, _ in approvals(body, index))


def test_it_refers_the_watchdog_back_to_a_regulator_not_to_a_government(index):
    body = (
        "The Competition Commission of India said it had approved Toyota's purchase of a "
        "stake in a local parts maker.\n\nThe parts maker is partly owned by the Japanese "
        "government.\n\nThe watchdog also cleared Honda's purchase of a stake in Denso."
    )
    assert ("Honda", "CCI", "granted") in approvals(body, index)


def test_it_reads_a_refusal_to_approve_any_new_venture_as_a_policy_not_an_approval(index):
    body = (
        "Great Wall Motor has held talks with BMW about building cars together in China. "
        "The state planner has said it will not approve any new foreign joint ventures for "
        "petrol cars."
    )
    assert approvals(body, index) == set()


# --- the deal referred back to -------------------------------------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "The two companies won clearance in Brazil last month.",
        "The CMA cleared the transaction on Thursday.",
        "Regulators in Brazil also approved the deal.",
    ],
)
def test_it_gives_a_later_approval_of_the_deal_to_the_company_approved_before(index, later):
    body = (
        "Bosch has won U.S. antitrust approval for its $2.1 billion acquisition of Continental's "
        f"brake business, the Federal Trade Commission said.\n\n{later}"
    )
    assert {subject for subject, _, _ in approvals(body, index)} == {"Bosch"}


def test_it_gives_an_approval_of_a_merger_to_both_sides_when_none_was_approved_before(index):
    body = (
        "Honda and Nissan agreed to combine under a holding company. "
        "The two companies still need antitrust approval in several markets."
    )
    assert {subject for subject, _, _ in approvals(body, index)} == {"Honda", "Nissan"}


@pytest.mark.parametrize(
    "sentence",
    [
        "EU antitrust regulators are reviewing the deal between Magna and Veoneer.",
        "The SAMR has still to approve the transaction between Magna and Veoneer.",
    ],
)
def test_it_approves_the_buyer_of_a_deal_named_by_its_two_sides(index, sentence):
    body = f"Magna agreed to buy Veoneer for $3.8 billion in cash. {sentence}"
    assert {subject for subject, _, _ in approvals(body, index)} == {"Magna"}


def test_it_approves_both_sides_of_a_deal_in_which_each_takes_a_stake(index):
    body = (
        "Toyota will buy a 5% stake in Mazda, with Mazda set to hold about 0.25% of Toyota. "
        "Japan's antitrust watchdog cleared the deal between Toyota and Mazda on Friday."
    )
    assert {subject for subject, _, _ in approvals(body, index)} == {"Toyota", "Mazda"}


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        ("Alibaba-backed Xpeng said it had won a licence to test robotaxis in Guangzhou.", "Xpeng"),
        ("Tesla supplier CATL received a permit for a battery plant in Hungary.", "CATL"),
        ("Geely-owned Volvo Cars won approval from the MIIT for its new model.", "Volvo Cars"),
        ("A Toyota-led consortium won a licence to run robotaxis in Tokyo.", "Toyota"),
    ],
)
def test_it_approves_the_company_another_describes_not_the_one_describing(index, body, subject):
    assert {s for s, _, _ in approvals(body, index)} == {subject}


@pytest.mark.parametrize(
    ("body", "regulator"),
    [
        ("Xpeng has won approval for a secondary listing in Hong Kong, its filing showed.", "HKEX"),
        ("Zeekr got the green light for its New York IPO, the company said.", "NYSE"),
        ("Nio was cleared to list its shares on the Singapore bourse.", "Singapore Exchange"),
        ("Xpeng won a licence to test robotaxis in Hong Kong, its first outside China.", None),
    ],
)
def test_it_takes_the_exchange_of_the_place_for_a_listing_approval(index, body, regulator):
    assert {r for _, r, _ in approvals(body, index)} == {regulator}


def test_it_reads_a_day_with_no_year_as_this_years_not_last_years(index):
    body = (
        "Xpeng has won approval for a secondary listing in Hong Kong, with its shares set "
        "to start trading on July 7."
    )
    assert approvals(body, index) == {("Xpeng", "HKEX", "granted")}
    dated = "Xpeng won approval for a Hong Kong listing on July 7, 2023."
    assert approvals(dated, index) == set()


@pytest.mark.parametrize(
    "later",
    [
        "The Biden administration plans to review the merger on security grounds.",
        "EU antitrust regulators have yet to approve the tie-up, a spokesperson said.",
    ],
)
def test_it_gives_a_merger_referred_to_later_both_sides_it_was_named_with(index, later):
    body = (
        "Nissan will hold a 5% stake in the group created by the merger of Peugeot owner PSA "
        f"and rival Fiat Chrysler, people familiar said. {later}"
    )
    assert {subject for subject, _, _ in approvals(body, index)} == {"PSA", "Fiat Chrysler"}


def test_it_keeps_an_administration_named_by_its_leader_as_written(index):
    body = "Honda and Nissan agreed to merge. The Biden administration plans to review the merger."
    assert {regulator for _, regulator, _ in approvals(body, index)} == {"Biden administration"}


def test_it_takes_the_buyer_first_in_a_deal_named_with_a_slash(index):
    body = (
        "Lawyers said the Magna/Veoneer acquisition raised few concerns. "
        "Brazil's competition authority CADE cleared the transaction on Monday."
    )
    assert approvals(body, index) == {("Magna", "CADE", "granted")}


def test_it_reads_regulators_that_turned_a_deal_down_as_a_rejection(index):
    body = (
        "Stellantis agreed to sell its Turkish distribution business to Tofas. Regulators "
        "turned down the deal, saying the parties had not offered enough commitments."
    )
    assert {status for _, _, status in approvals(body, index)} == {"rejected"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ford and SK On set up BlueOval SK, a 50-50 joint venture, to make batteries in "
            "Kentucky. The venture is still awaiting a permit from the Department of Energy.",
            {("BlueOval SK", "US Department of Energy", "pending")},
        ),
        (
            "Stellantis and Samsung SDI formed a joint venture called StarPlus Energy on Monday. "
            "The new company has yet to win approval from the Department of Energy.",
            {("StarPlus Energy", "US Department of Energy", "pending")},
        ),
        (
            "Honda and Nissan agreed to combine their businesses under a holding company. "
            "The new company will still need antitrust approval in several markets.",
            {("Honda", "antitrust", "pending"), ("Nissan", "antitrust", "pending")},
        ),
    ],
)
def test_it_approves_the_venture_the_article_named_when_a_sentence_refers_to_it(
    index, body, expected
):
    found = {(s, r or "antitrust", st) for s, r, st in approvals(body, index)}
    assert found == expected


@pytest.mark.parametrize(
    ("body", "subjects"),
    [
        (
            "The approval of the Ford/SK On joint venture was announced by the KFTC on Friday.",
            {"Ford", "SK On"},
        ),
        (
            "SAMR's clearance of the Magna/Veoneer acquisition has been published on its website.",
            {"Magna"},
        ),
        ("The licence for Pony.ai was posted on the city's website on Tuesday.", {"Pony.ai"}),
    ],
)
def test_it_reads_an_approval_made_public_as_granted_to_the_sides_of_a_slash(index, body, subjects):
    found = approvals(body, index)
    assert {s for s, _, _ in found} == subjects
    assert {status for _, _, status in found} == {"granted"}


def test_it_does_not_read_an_application_made_public_as_granted(index):
    body = "Pony.ai's application for a licence was published by the city on Tuesday."
    assert {status for _, _, status in approvals(body, index)} <= {"pending"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The European Commission cleared Volkswagen's investment in Rivian on Tuesday.",
            ("Volkswagen", "European Commission"),
        ),
        (
            "Baidu got a licence from the Shenzhen government to test driverless cars.",
            ("Baidu", "Shenzhen government"),
        ),
        (
            "WeRide said it had received a testing permit from the Guangzhou municipal government.",
            ("WeRide", "Guangzhou municipal government"),
        ),
        (
            # "Beijing" alone often stands for China's government; with "municipal", the city's
            "Pony.ai said it had received a permit from the Beijing municipal government.",
            ("Pony.ai", "Beijing municipal government"),
        ),
        (
            "Japan's trade ministry approved Toyota's plan to build a battery plant in Fukuoka.",
            ("Toyota", "METI"),
        ),
        (
            "Indonesia's energy ministry approved Hyundai's plan for a nickel smelter.",
            ("Hyundai", "Indonesia's energy ministry"),
        ),
        ("China's securities watchdog approved Zeekr's listing plan.", ("Zeekr", "CSRC")),
        ("India's markets regulator approved Ola Electric's IPO.", ("Ola Electric", "SEBI")),
        (
            "U.S. auto safety regulators opened a probe into Tesla's Autopilot.",
            ("Tesla", "NHTSA"),
        ),
        (
            "Brussels approved BMW's takeover of its Chinese joint venture with Brilliance.",
            ("BMW", "European Commission"),
        ),
        (
            "Turkey's competition board approved Hyundai's deal with Stellantis.",
            ("Hyundai", "Turkish Competition Authority"),
        ),
        (
            "A panel appointed by the National Development and Reform Committee has approved "
            "JAC's new electric car plant in Anhui.",
            ("JAC", "NDRC"),
        ),
        (
            "Indonesia's competition watchdog cleared Hyundai's purchase of the plant.",
            ("Hyundai", "KPPU"),
        ),
        (
            "The Philippine competition regulator approved Toyota's deal with Aisin.",
            ("Toyota", "Philippine Competition Commission"),
        ),
        (
            "Brazil's Administrative Council for Economic Defence approved BYD's purchase.",
            ("BYD", "CADE"),
        ),
        (
            "South Africa's Competition Tribunal approved Isuzu's takeover of UD Trucks.",
            ("Isuzu", "Competition Tribunal"),
        ),
    ],
)
def test_it_names_the_body_as_reporting_describes_it(index, body, expected):
    assert {(s, r) for s, r, _ in approvals(body, index)} == {expected}


def test_it_does_not_take_a_national_government_for_a_citys(index):
    body = "The Chinese government approved Tesla's plan to build a factory in Shanghai."
    assert {r for _, r, _ in approvals(body, index)} == {"Chinese government"}


def test_it_gives_each_place_an_antitrust_approval_is_needed_in_its_body(index):
    body = (
        "The merger of Honda and Nissan is subject to approval by antitrust authorities in "
        "Japan, the US and China."
    )
    assert {r for _, r, _ in approvals(body, index)} == {
        "JFTC",
        "SAMR",
        "antitrust authorities in the US",
    }


@pytest.mark.parametrize(
    "body",
    [
        "Xiaomi got the nod from analysts, who raised their price targets after the launch.",
        "Stellantis received approval from its works council for the plan to cut shifts.",
        "Renault's partners approved the Ampere plan at a meeting in Paris.",
        "Xpeng shares jumped after Volkswagen signed off on a second model built with Xpeng.",
        "Honda said it would not approve any deal that gave Foxconn control of Nissan.",
    ],
)
def test_it_takes_a_nod_from_analysts_staff_or_a_company_for_no_regulatory_approval(index, body):
    assert approvals(body, index) == set()


def test_it_keeps_a_regulators_approval_a_company_reports(index):
    body = "Volkswagen said the MIIT approved its plan to build cars with Xpeng."
    assert approvals(body, index) == {("Volkswagen", "MIIT", "granted")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Stellantis completed its purchase of a 21% stake in Leapmotor after receiving all "
            "regulatory approvals.",
            {("Stellantis", None, "granted")},
        ),
        (
            "Approval from the NDRC came on Friday for Xiaomi's plan to build cars.",
            {("Xiaomi", "NDRC", "granted")},
        ),
        (
            "Xpeng said it had won approval from the government of Guangdong to make cars.",
            {("Xpeng", "government of Guangdong", "granted")},
        ),
        (
            "Hyundai obtained a permit from the Georgia Environmental Protection Division.",
            {("Hyundai", "Georgia Environmental Protection Division", "granted")},
        ),
        (
            "Xiaomi is obtaining the approvals it needs, a person familiar said.",
            {("Xiaomi", None, "pending")},
        ),
    ],
)
def test_it_reads_approvals_that_came_or_preceded_and_bodies_by_their_form(index, body, expected):
    assert approvals(body, index) == expected


def test_it_reads_a_company_named_in_full_then_by_its_first_words_as_the_same(index):
    body = (
        "The Board of Investment (BOI) has granted privileges to Hyundai Mobility (Thailand) "
        "Co Ltd for a battery plant.\n\nThe secretary-general of the BOI Office said the board "
        "had signed off on privileges allowing Hyundai Mobility to build factories."
    )
    assert {(s, r) for s, r, _ in approvals(body, index)} == {("Hyundai Mobility Thailand", "BOI")}


def test_it_reads_a_fair_trade_regulator_described_by_its_country_as_that_countrys_body(index):
    body = "India's fair trade regulator has approved Toyota's purchase of a stake in Suzuki."
    assert ("Toyota", "CCI", "granted") in approvals(body, index)


def test_it_reads_the_last_place_of_a_list_of_authorities_without_the_full_stop(index):
    body = (
        "Nissan and Honda agreed to merge. The two said they had received clearance from "
        "competition authorities in the United States, China and the EU."
    )
    regulators = {regulator for subject, regulator, _ in approvals(body, index)}
    assert {"SAMR", "European Commission"} <= regulators
    assert not any(regulator.endswith(".") and "EU" in regulator for regulator in regulators)


def test_it_reads_a_company_asking_a_regulator_for_approval_as_pending(index):
    body = "Renault has asked the Competition Commission of India for approval to buy the stake."
    assert ("Renault", "CCI", "pending") in approvals(body, index)


def test_it_reads_a_regulators_antitrust_review_of_the_deal_as_pending(index):
    body = (
        "Hino and Mitsubishi Fuso agreed to merge. The Japan Fair Trade Commission is close to "
        "wrapping up its antitrust review of the deal."
    )
    found = approvals(body, index)
    assert {(subject, status) for subject, regulator, status in found if regulator == "JFTC"} == {
        ("Hino Motors", "pending"),
        ("Mitsubishi Fuso", "pending"),
    }


def test_it_gives_a_project_a_board_approved_to_the_company_the_article_is_about(index):
    body = (
        "BYD plans a plant in Thailand. Thailand's Board of Investment approved the project "
        "last month."
    )
    assert ("BYD", "Thailand Board of Investment", "granted") in approvals(body, index)


# --- the buyer, told around the deal word ------------------------------------------------------


def test_it_keeps_the_buyer_when_the_company_bought_is_described_not_named(index):
    body = "The CCI approved Tata Motors' purchase of the charging firm on Tuesday."
    assert approvals(body, index) == {("Tata Motors", "CCI", "granted")}


def test_it_lists_both_sides_of_a_venture_across_an_abbreviation_and_a_dotted_country(index):
    body = (
        "Germany's Federal Cartel Office cleared the joint venture between Volkswagen (VW) and "
        "U.S. electric vehicle maker Rivian."
    )
    assert approvals(body, index) == {
        ("Volkswagen", "Bundeskartellamt", "granted"),
        ("Rivian", "Bundeskartellamt", "granted"),
    }


def test_it_never_approves_the_government_that_blocks(index):
    body = "The Italian government vetoed the Chinese investment in Pirelli."
    assert not any(subject == "Italian government" for subject, _, _ in approvals(body, index))


def test_it_reads_the_acquisition_as_the_one_told_since_the_last_approval(index):
    body = (
        "India's competition regulator cleared Renault's purchase of a stake in the plant in "
        "2024. Now Hyundai has proposed to acquire a factory in Pune. The proposed acquisition "
        "is subject to regulatory approval."
    )
    found = approvals(body, index, published=date(2024, 6, 14))
    assert ("Hyundai", "CCI", "pending") in found
    assert ("Renault", "CCI", "pending") not in found


# --- approval words news uses ------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The Ministry of Commerce okayed Geely's purchase of the stake.",
        "The European Commission rubber-stamped Geely's purchase of the stake.",
        "EU regulators waved through Geely's purchase of the stake on Monday.",
        "The European Commission raised no objection to Geely's purchase of the stake.",
        "EU clears Geely's takeover of the parts maker",
    ],
)
def test_it_reads_a_body_assenting_in_news_words_as_granted(index, body):
    (subject, _, status), *rest = approvals(body, index)
    assert (subject, status, rest) == ("Geely", "granted", [])


def test_it_reads_the_all_clear_and_the_first_to_win_approval_as_granted(index):
    body = "Hyundai got the all-clear from Korea's antitrust regulator for the purchase."
    assert approvals(body, index) == {("Hyundai", "KFTC", "granted")}
    body = "Honda became the first carmaker to win approval from California regulators for it."
    assert approvals(body, index) == {("Honda", "California regulators", "granted")}


def test_it_reads_an_industry_ministry_authorising_production_as_granted(index):
    body = "China's industry ministry has authorised Xiaomi to produce cars."
    assert approvals(body, index) == {("Xiaomi", "MIIT", "granted")}


def test_it_reads_a_review_still_under_way_as_pending(index):
    body = "EU competition authorities are still reviewing Renault's planned purchase of the unit."
    assert approvals(body, index) == {("Renault", "European Commission", "pending")}


def test_it_reads_a_passed_listing_hearing_as_the_exchanges_approval(index):
    body = "Xpeng has passed the listing hearing of the Hong Kong Stock Exchange."
    assert approvals(body, index) == {("Xpeng", "HKEX", "granted")}


def test_it_keeps_the_body_of_local_authorities_that_issued_a_licence(index):
    body = "Beijing authorities have issued Baidu a licence to charge fares for robotaxi rides."
    assert approvals(body, index) == {("Baidu", "Beijing authorities", "granted")}


@pytest.mark.parametrize(
    "body",
    [
        "The EU approved tariffs of up to 35% on Chinese electric vehicles, hitting BYD.",
        "The US Senate passed a bill that would ban Chinese software in cars made by Ford.",
        "Tesla has a licence agreement with Panasonic for battery technology.",
        "It will license technology from BMW, while Foxconn builds the car for Ceer.",
    ],
)
def test_it_finds_no_approval_in_a_policy_passed_or_a_licence_between_companies(index, body):
    assert approvals(body, index) == set()


# --- the body, when the approval sentence does not name it -------------------------------------


def test_it_gives_a_lead_approval_the_body_the_article_names_after_it(index):
    body = (
        "Nio has won approval to build its own cars, the company said on Monday.\n\n"
        "The National Development and Reform Commission published its decision on Friday."
    )
    result = extract(body, index, published=PUBLISHED)
    assert {(a.subject, a.regulator, a.status) for a in result.approvals} == {
        ("Nio", "NDRC", "granted")
    }
    assert result.approvals[0].sentence.startswith("Nio has won approval")


def test_it_keeps_as_evidence_the_sentence_that_names_the_body(index):
    body = (
        "Nio still has not received approval to build its own cars. The company awaits "
        "approval from the National Development and Reform Commission."
    )
    (approval,) = extract(body, index, published=PUBLISHED).approvals
    assert (approval.subject, approval.regulator, approval.status) == ("Nio", "NDRC", "pending")
    assert approval.sentence.startswith("The company awaits")


def test_it_reads_a_fair_trade_commission_by_the_country_the_article_is_set_in(index):
    body = (
        "The Fair Trade Commission approved Hyundai's purchase of a stake in the battery firm, "
        "the Seoul-based regulator said."
    )
    assert approvals(body, index) == {("Hyundai", "KFTC", "granted")}


def test_it_reads_european_regulators_as_the_european_commission(index):
    body = "European regulators approved Geely's purchase of the stake."
    assert approvals(body, index) == {("Geely", "European Commission", "granted")}


def test_it_reads_a_green_light_from_a_capital_as_that_governments(index):
    body = "Stellantis has already won approval from Brussels for the deal."
    assert approvals(body, index) == {("Stellantis", "European Commission", "granted")}


# --- bodies by the form of their name --------------------------------------------------------


def test_it_reads_a_longer_ministry_than_the_listed_one_its_name_opens_with(index):
    body = "Vietnam's Ministry of Industry and Trade granted VinFast a licence to export cars."
    assert approvals(body, index) == {("VinFast", "Ministry of Industry and Trade", "granted")}


def test_it_leaves_the_owning_country_out_of_a_bodys_name(index):
    body = "South Korea's Ministry of Science and ICT granted Hyundai a licence for the test."
    assert approvals(body, index) == {("Hyundai", "Ministry of Science and ICT", "granted")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Geely said in a filing to the Hong Kong Stock Exchange that it had received "
            "approval from the China Securities Regulatory Commission.",
            {("Geely", "CSRC", "granted")},
        ),
        (
            "BYD told the Shenzhen Stock Exchange on Monday that its plan had been approved by "
            "the National Development and Reform Commission.",
            {("BYD", "NDRC", "granted")},
        ),
        (
            "Great Wall Motor said in a statement to the Shanghai Stock Exchange that the deal "
            "still needs approval from regulators.",
            {("Great Wall Motor", None, "pending")},
        ),
    ],
)
def test_it_never_takes_the_exchange_a_company_tells_for_the_body_that_approves(
    index, body, expected
):
    assert approvals(body, index) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The Chinese government refused to approve Ford's plan to expand its stake.",
        "Ford's proposal was rejected by China over security concerns.",
    ],
)
def test_it_reads_a_country_refusing_or_rejecting_as_its_governments_rejection(index, body):
    assert approvals(body, index) == {("Ford", "Chinese government", "rejected")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Foxconn plans to invest $1 billion in a new plant in India, the company said. "
            "The government approved the investment proposal by Foxconn on Monday.",
            {("Foxconn", "Indian government", "granted")},
        ),
        (
            "Officials in New Delhi said the government had rejected BYD's $1 billion proposal "
            "over security concerns.",
            {("BYD", "Indian government", "rejected")},
        ),
        (
            "Toyota will build a second plant near Bangkok. The plant still needs approval from "
            "the government, Toyota said, as Thailand weighs its incentives.",
            {("Toyota", "Thai government", "pending")},
        ),
        (
            "Geely will assemble cars near Cairo with a local partner. The government approved "
            "Geely's application on Sunday, Egypt's trade minister said.",
            {("Geely", "Egyptian government", "granted")},
        ),
        (
            "BYD will build a lithium cathode plant in Chile. The government approved BYD's "
            "request for preferential lithium prices on Friday, Chilean officials said.",
            {("BYD", "Chilean government", "granted")},
        ),
    ],
)
def test_it_reads_the_government_as_that_of_the_country_the_article_is_about(index, body, expected):
    assert approvals(body, index) == expected


def test_it_reads_the_government_as_the_body_the_article_names_for_it(index):
    body = (
        "Leapmotor said on Tuesday that the government had approved its planned battery plant "
        "in Zhejiang. Like other Chinese startups, it had waited more than a year. The state "
        "planner has tightened its scrutiny of such projects."
    )
    assert approvals(body, index) == {("Leapmotor", "NDRC", "granted")}


def test_it_names_any_listed_countrys_government_by_its_canonical_name(index):
    body = "Chile's government signed off on BYD's plan to build a cathode plant near the coast."
    assert approvals(body, index) == {("BYD", "Chilean government", "granted")}
    body = "The Egyptian government gave Nissan the go-ahead to assemble electric cars."
    assert approvals(body, index) == {("Nissan", "Egyptian government", "granted")}


def test_it_names_a_body_by_the_short_name_the_article_gives_it(index):
    body = (
        "Malaysia's Investment Development Authority (MIDA) has approved Geely's plan for the "
        "automotive hub. The MIDA also granted Proton a licence to assemble electric cars."
    )
    assert approvals(body, index) == {("Geely", "MIDA", "granted"), ("Proton", "MIDA", "granted")}


def test_it_approves_the_buyers_of_joint_control_not_the_company_bought(index):
    body = (
        "The European Commission has cleared, under the EU Merger Regulation, the acquisition "
        "of joint control of South Korea-based Nissan by Renault and Geely."
    )
    assert {subject for subject, _, _ in approvals(body, index)} == {"Renault", "Geely"}


def test_it_names_a_body_whose_name_joins_two_words_with_and(index):
    body = (
        "Geely was notified on January 8 that the Jiangsu Provincial Development and Reform "
        "Commission had approved its electric vehicle project."
    )
    assert approvals(body, index) == {
        ("Geely", "Jiangsu Provincial Development and Reform Commission", "granted")
    }


def test_it_reads_a_companys_defined_short_name_as_that_company(index):
    body = (
        "The board of Maruti Suzuki India (MSIL) approved the purchase of the plant on Tuesday. "
        "The purchase is subject to regulatory approvals, MSIL said."
    )
    assert approvals(body, index) == {("Maruti Suzuki", None, "pending")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Vietnam's industry ministry granted VinFast a licence to make electric buses.",
            {("VinFast", "Vietnam's industry ministry", "granted")},
        ),
        (
            "The Ministry of Industry of Indonesia issued VinFast a licence to import cars.",
            {("VinFast", "Ministry of Industry of Indonesia", "granted")},
        ),
        (
            "China's industry ministry granted Xiaomi a licence to make cars.",
            {("Xiaomi", "MIIT", "granted")},
        ),
    ],
)
def test_it_tells_another_countrys_ministry_from_the_listed_one_of_the_same_name(
    index, body, expected
):
    assert approvals(body, index) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Thailand's BOI approved Great Wall Motor's application for investment privileges.",
            {("Great Wall Motor", "BOI", "granted")},
        ),
        (
            "Poland's competition authority UOKiK cleared Stellantis's deal with Leapmotor.",
            {("Stellantis", "UOKiK", "granted")},
        ),
        (
            "Toyota said on Monday it had applied for tax incentives. The investment board "
            "BKPM is reviewing Toyota's application.",
            {("Toyota", "BKPM", "pending")},
        ),
        (
            "The Philippines' Board of Investments approved Toyota's expansion project.",
            {("Toyota", "Board of Investments", "granted")},
        ),
    ],
)
def test_it_names_a_body_by_its_abbreviation_beside_its_country_or_description(
    index, body, expected
):
    assert approvals(body, index) == expected


def test_it_finds_no_body_in_an_abbreviation_that_opens_a_longer_name(index):
    body = "Geely said China's STAR Market had approved its listing application."
    assert approvals(body, index) == {("Geely", "STAR Market", "granted")}


def test_it_reads_the_project_a_body_approved_across_an_amounts_conversion(index):
    body = (
        "BYD said on Thursday it will build a plant in Thailand. The Board of Investment "
        "approved the 17.9 billion baht ($491 million) EV project last month."
    )
    assert approvals(body, index) == {("BYD", "Board of Investment", "granted")}


@pytest.mark.parametrize(
    "body",
    [
        "General Motors had signed a deal to sell its Talegaon plant to Great Wall Motor, but "
        "the deal failed to win approval from the Indian government.",
        "Nissan agreed to sell a 20% stake in the battery unit to Renault, pending approval "
        "from the Indian government.",
    ],
)
def test_it_approves_the_buyer_a_company_sells_to_not_the_seller(index, body):
    assert {(s, r) for s, r, _ in approvals(body, index)} == {
        (
            "Great Wall Motor" if "Great Wall" in body else "Renault",
            "Indian government",
        )
    }


@pytest.mark.parametrize(
    "body",
    [
        "The Ministry of Industry and Information Technology said on Monday that Xiaomi had "
        "received its independent vehicle production qualification.",
        "Xiaomi has won the qualification to make cars on its own, the Ministry of Industry "
        "and Information Technology said.",
    ],
)
def test_it_reads_a_production_qualification_as_a_licence(index, body):
    assert approvals(body, index) == {("Xiaomi", "MIIT", "granted")}


def test_it_finds_no_licence_in_other_qualifications(index):
    body = "Xiaomi said the qualification of its engineers was approved by the board."
    assert approvals(body, index) == set()


@pytest.mark.parametrize(
    "body",
    [
        "The Ministry of Industry and Information Technology handed out its first permits for "
        "robotaxi tests on Monday. Two of the permits went to Baidu.",
        "The Ministry of Industry and Information Technology said the licences were awarded to "
        "Baidu on Monday.",
    ],
)
def test_it_reads_licences_that_went_to_a_company_as_granted_to_it(index, body):
    assert approvals(body, index) == {("Baidu", "MIIT", "granted")}


def test_it_reads_approvals_from_a_list_of_countries_as_their_merger_bodies(index):
    body = (
        "The takeover of the supplier by Stellantis has been cleared in several "
        "jurisdictions, with approvals still pending from Brazil, Mexico and China."
    )
    assert {(s, r) for s, r, _ in approvals(body, index)} == {
        ("Stellantis", "CADE"),
        ("Stellantis", "COFECE"),
        ("Stellantis", "SAMR"),
    }


def test_it_keeps_a_single_country_approving_a_plant_as_its_government(index):
    body = "BYD is still waiting for approval from China for its plant in Mexico."
    assert all(r != "SAMR" for _, r, _ in approvals(body, index))


def test_it_reads_a_bodys_investigation_of_the_deal_as_a_pending_review(index):
    body = (
        "Qualcomm agreed last year to acquire Autotalks, an Israeli chipmaker. Based on its "
        "investigation of the proposed merger, the Federal Trade Commission had been concerned "
        "that the deal could harm competition."
    )
    assert approvals(body, index) == {("Qualcomm", "FTC", "pending")}


@pytest.mark.parametrize(
    "body",
    [
        "The Competition Commission of India cleared Toyota's purchase of the stake, and also "
        "approved Mahindra's purchase of a supplier.",
        "She said the Competition Commission of India cleared the stake purchase by Toyota on "
        "Tuesday, and also approved a project of Mahindra.",
    ],
)
def test_it_approves_the_company_of_a_second_approval_clause_too(index, body):
    expected = {("Toyota", "CCI"), ("Mahindra", "CCI")}
    assert {(s, r) for s, r, _ in approvals(body, index)} == expected


def test_it_refers_back_to_another_countrys_ministry_named_in_an_earlier_sentence(index):
    body = (
        "VinFast plans to build cars in Indonesia. Indonesia's industry ministry has been "
        "reviewing the plan. VinFast has received approval to build the plant, it said."
    )
    assert ("VinFast", "Indonesia's industry ministry", "granted") in approvals(body, index)


def test_it_finds_no_body_in_a_companys_or_a_regions_product_abbreviation(index):
    body = (
        "Volkswagen's MEB platform underpins its electric cars, and Europe's BEV sales rose. "
        "Volkswagen has won a licence to build the plant, it said."
    )
    assert approvals(body, index) == {("Volkswagen", None, "granted")}


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "General Motors dropped the sale of its plant to China's Great Wall Motor after the "
            "transaction could not secure the regulatory nod it needed from the Indian "
            "government.",
            ("Great Wall Motor", "Indian government", "pending"),
        ),
        (
            "SsangYong has asked the Seoul Bankruptcy Court to approve the selection.",
            ("KG Mobility", "Seoul Bankruptcy Court", "pending"),  # SsangYong, renamed
        ),
        (
            "The Foreign Investment Review Board approved Tesla's bid for the lithium miner.",
            ("Tesla", "Foreign Investment Review Board", "granted"),
        ),
        (
            "Tesla's Model Y passed data security compliance requirements set by the China "
            "Association of Automobile Manufacturers.",
            ("Tesla", "CAAM", "granted"),
        ),
        (
            "BYD has registered with the Ministry of Industry of Indonesia as an importer.",
            ("BYD", "Ministry of Industry of Indonesia", "granted"),
        ),
        (
            "Geely has been granted a Class-A surveying and mapping qualification.",
            ("Geely", None, "granted"),
        ),
    ],
)
def test_it_reads_failures_courts_screening_boards_compliance_and_registrations(
    index, body, expected
):
    assert approvals(body, index) == {expected}


def test_it_reads_a_condition_told_in_the_past_perfect_as_met(index):
    body = (
        "Hyundai has completed its purchase of the plant. The transaction was completed once "
        "approval had been obtained from the relevant regulators."
    )
    assert {status for _, _, status in approvals(body, index)} == {"granted"}


@pytest.mark.parametrize(
    "body",
    [
        "Evergrande NEV received a ruling from the Shanghai Third Intermediate People's Court "
        "accepting the bankruptcy liquidation application.",
        "Analysts see the valuation of Yinwang as reasonable given Huawei's technology "
        "licensing and the boom in new energy vehicles.",
    ],
)
def test_it_finds_no_approval_in_an_insolvency_or_a_commercial_licence(index, body):
    assert approvals(body, index) == set()


def test_it_reads_a_certification_as_a_grant(index):
    body = "Japan's transport ministry certified Honda's Level 3 system."
    assert approvals(body, index) == {("Honda", "MLIT", "granted")}


def test_it_finds_no_approval_in_money_a_government_lends(index):
    body = "The Biden administration approved a $7.5 billion loan to Rivian."
    assert approvals(body, index) == set()


def test_it_reads_a_listing_filing_with_a_body_of_a_long_name(index):
    body = "Zeekr has filed with the US Securities and Exchange Commission for a New York listing."
    assert approvals(body, index) == {("Zeekr", "SEC", "pending")}


def test_it_gives_a_transaction_to_the_buyer_that_completed_it_just_before(index):
    body = (
        "Hyundai said its Indian arm had closed the deal. Hyundai Motor India has completed "
        "the acquisition of the General Motors plant in Talegaon. The transaction was completed "
        "once approval had been obtained from the relevant regulators."
    )
    assert approvals(body, index) == {("Hyundai Motor India", "relevant regulators", "granted")}


@pytest.mark.parametrize(
    "body",
    [
        "The NHTSA opened a probe into 2 million Tesla vehicles over Autopilot.",
        "Beijing opened an investigation into the prices of EU pork after Volkswagen's deal.",
        "BYD's certified pre-owned programme expanded to 50 cities.",
    ],
)
def test_it_finds_no_approval_in_a_safety_or_price_probe_nor_a_used_car_label(index, body):
    assert approvals(body, index) == set()


def test_it_takes_a_country_granting_for_its_government(index):
    body = "BYD is still waiting for approval from India for its $1 billion plant."
    assert approvals(body, index) == {("BYD", "Indian government", "pending")}


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Authorities are still reviewing the sale of Volvo's stake to Geely.",
            ("Geely", None, "pending"),
        ),
        (
            "Indian officials are scrutinizing BYD's application for a local plant.",
            ("BYD", "Indian officials", "pending"),
        ),
        (
            "India has yet to approve Great Wall's investment proposal.",
            ("Great Wall Motor", "Indian government", "pending"),
        ),
        (
            "Tesla's application for a licence was rejected by the authorities.",
            ("Tesla", None, "rejected"),
        ),
    ],
)
def test_it_reads_unnamed_bodies_that_review_and_countries_that_have_yet_to_approve(
    index, body, expected
):
    assert approvals(body, index) == {expected}


def test_it_reads_procedures_under_way_with_a_government_as_pending(index):
    body = (
        "VinFast was completing the required procedures with the Indonesian government before "
        "formally entering the country's car market, he said."
    )
    assert approvals(body, index) == {("VinFast", "Indonesian government", "pending")}


@pytest.mark.parametrize(
    "body, expected",
    [
        ("BYD's Seal was homologated for sale in Australia.", ("BYD", None, "granted")),
        (
            "California regulators suspended Cruise's permit to operate driverless cars.",
            ("Cruise", "California regulators", "rejected"),
        ),
    ],
)
def test_it_reads_a_homologation_and_a_permit_an_unnamed_body_suspends(index, body, expected):
    assert approvals(body, index) == {expected}


def test_it_gives_a_deal_a_body_approved_to_its_buyer_not_to_the_company_telling_it(index):
    body = (
        "Volkswagen agreed to invest $700 million in Xpeng. SAMR has approved the deal, Xpeng "
        "said in a filing."
    )
    assert approvals(body, index) == {("Volkswagen", "SAMR", "granted")}


def test_it_keeps_a_citys_bureau_as_written(index):
    body = "Xpeng has received a road-test licence from the Guangzhou transport bureau."
    assert approvals(body, index) == {("Xpeng", "Guangzhou transport bureau", "granted")}


def test_it_gives_an_approval_told_with_no_company_to_the_articles_deal(index):
    body = (
        "Sony and Honda agreed to form a joint venture to make electric cars. Setting up the "
        "new company still requires the relevant regulatory approvals."
    )
    assert {(s, st) for s, _, st in approvals(body, index)} == {
        ("Sony", "pending"),
        ("Honda", "pending"),
    }


def test_it_does_not_take_a_government_listed_beside_the_company_for_the_approver(index):
    body = (
        "Carmakers need a qualification the National Development and Reform Commission "
        "issues. Nio, the Anhui provincial government and other parties were working to make "
        "sure Nio obtained its manufacturing qualification."
    )
    assert {(s, r) for s, r, _ in approvals(body, index)} == {("Nio", "NDRC")}


@pytest.mark.parametrize(
    "body",
    [
        "Gotion will become a certified supplier to Volkswagen.",
        "The preferred shares were sold by Lucid relying on an exemption from registration.",
    ],
)
def test_it_finds_no_approval_in_a_label_or_securities_paperwork(index, body):
    assert approvals(body, index) == set()


def test_it_reads_a_body_examining_a_transaction_as_a_pending_review(index):
    body = (
        "Japan's antitrust regulator is examining Toyota's purchase of a stake in Pony.ai, "
        "local media reported."
    )
    assert approvals(body, index) == {("Toyota", "JFTC", "pending")}


@pytest.mark.parametrize(
    "body",
    [
        "The Delaware Court of Chancery rejected Elon Musk's pay package at Tesla.",
        "A Munich Regional Court blocked sales of some Ford models over a patent dispute.",
    ],
)
def test_it_finds_no_approval_in_a_court_ruling_on_a_dispute(index, body):
    assert approvals(body, index) == set()


def test_it_reads_a_licence_a_company_is_likely_to_receive_as_pending(index):
    body = "Analysts at Morgan Stanley said Xiaomi was likely to receive its licence within weeks."
    assert approvals(body, index) == {("Xiaomi", None, "pending")}


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Changan was among the first carmakers allowed to test L3 vehicles on public roads, "
            "the MIIT said.",
            {("Changan", "MIIT", "granted")},
        ),
        (
            "BYD and Nio were selected for the ministry's pilot programme for Level 3 driving.",
            {("BYD", None, "granted"), ("Nio", None, "granted")},
        ),
    ],
)
def test_it_reads_permission_told_as_what_a_company_may_do_or_a_pick_for_a_pilot(
    index, body, expected
):
    assert approvals(body, index) == expected


def test_it_takes_an_approval_the_headline_names_and_the_body_leaves_to_its_applicants(index):
    title = "CCI approves Honda, Hitachi joint venture"
    body = (
        "The Competition Commission of India (CCI) on Tuesday cleared a combination proposal "
        "filed jointly by Keihin Corporation and Showa Corporation.\n"
        "The new company will supply engine and chassis parts."
    )
    result = extract(body, index, published=PUBLISHED, title=title)
    found = {(a.subject, a.regulator, body[a.start : a.end][:40]) for a in result.approvals}
    evidence = "The Competition Commission of India (CCI"
    assert {("Honda", "CCI", evidence), ("Hitachi", "CCI", evidence)} <= found


def test_it_takes_no_headline_approval_whose_regulator_the_body_never_names(index):
    title = "CCI approves Honda, Hitachi joint venture"
    body = "A combination proposal was cleared on Tuesday.\nThe venture will supply parts."
    assert extract(body, index, published=PUBLISHED, title=title).approvals == []


def test_it_takes_no_pending_approval_from_the_headline_alone(index):
    title = "China's state planner said to approve Stellantis-Leapmotor venture"
    body = (
        "China's NDRC has signed off on the planned venture that would let Stellantis sell "
        "Leapmotor cars abroad, two sources said.\nThe venture will start sales in Europe."
    )
    result = extract(body, index, published=PUBLISHED, title=title)
    assert {(a.subject, a.status) for a in result.approvals} == {("Stellantis", "granted")}


def test_it_takes_no_bankruptcy_court_nor_bank_for_an_approval_word(index):
    body = (
        "The contract with a consortium led by Edison Motors was terminated after the buyer "
        "failed to pay 274 billion won by the deadline set by the Seoul Bankruptcy Court."
    )
    assert approvals(body, index) == set()


def test_it_gives_an_approval_referred_back_to_the_company_the_lead_is_about(index):
    body = (
        "Ola Electric has become the first scooter maker to qualify for the incentive scheme. "
        "The approval came from the Ministry of Heavy Industries after a four-month process."
    )
    assert approvals(body, index) == {("Ola Electric", "Ministry of Heavy Industries", "granted")}


@pytest.mark.parametrize(
    ("second", "body_name"),
    [
        (
            "The arrangement still depends on a definitive agreement and on approval from the "
            "relevant authorities.",
            "relevant authorities",
        ),
        (
            "The only remaining step is final approval from the Chinese government.",
            "Chinese government",
        ),
    ],
)
def test_it_reads_an_approval_still_to_come_as_a_condition_of_the_deal(index, second, body_name):
    body = "Renault and Geely signed a memorandum on a hybrid engine venture on Monday. " + second
    assert approvals(body, index) == {
        ("Renault", body_name, "pending"),
        ("Geely", body_name, "pending"),
    }


def test_it_reads_a_government_that_will_not_block_a_deal_as_its_assent(index):
    body = "The German government said it would not block Geely's larger holding in Daimler."
    assert approvals(body, index) == {("Geely", "German government", "granted")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Dongfeng will merge its two truck units. The restructuring must still go through "
            "the required procedures and win approval from the relevant authorities, the "
            "company said.",
            {("Dongfeng", "relevant authorities", "pending")},
        ),
        (
            "Volkswagen will take a 49% stake in Horizon Robotics. If the authorities give "
            "their approval, the step is to be completed in 2025.",
            {("Volkswagen", None, "pending")},
        ),
        (
            "South Korea's environment ministry said it would decide later this month whether "
            "to cancel the certification of 32 models made by Volkswagen.",
            {("Volkswagen", None, "pending")},
        ),
    ],
)
def test_it_reads_a_say_still_to_come_as_pending(index, body, expected):
    assert approvals(body, index) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Honda's tender offer for Yachiyo is subject to permits from the competition "
            "authorities of the relevant countries.",
            {("Honda", "competition authorities of the relevant countries", "pending")},
        ),
        (
            "Xiaomi's cars must still pass a strict safety review by China's industry and "
            "information technology authorities.",
            {("Xiaomi", "MIIT", "pending")},
        ),
    ],
)
def test_it_reads_a_body_described_in_full(index, body, expected):
    assert approvals(body, index) == expected


def test_it_reads_a_province_opening_a_bodys_name_as_part_of_the_body(index):
    body = (
        "Henan Senyuan Electric Vehicle Co plans a plant in Xuchang. On January 9, Henan Senyuan "
        "received the Henan Provincial Development and Reform Commission's approval for the plan."
    )
    assert approvals(body, index) == {
        (
            "Henan Senyuan Electric Vehicle",
            "Henan Provincial Development and Reform Commission",
            "granted",
        )
    }


def test_it_reads_a_short_description_as_the_body_the_article_names_in_full(index):
    body = (
        "The Jiangsu Provincial Development and Reform Commission approved a plant by Kandi on "
        "Monday.\n\nThe plant will be located in Rugao and make 50,000 cars a year.\n\nOn the "
        "same day, the Jiangsu commission also approved a project by Jiangsu Guoxin New Energy "
        "Passenger Vehicle Co."
    )
    assert (
        "Jiangsu Guoxin New Energy Passenger Vehicle",
        "Jiangsu Provincial Development and Reform Commission",
        "granted",
    ) in approvals(body, index)


def test_it_takes_no_regulator_from_the_word_regulatory(index):
    body = "Nio did not appear on the latest list of companies seeking regulatory approval."
    assert approvals(body, index) == {("Nio", None, "pending")}


def test_it_keeps_unnamed_bodies_by_kind_and_reach_not_by_count(index):
    body = (
        "Fiat Chrysler and PSA agreed to merge in December. The merger has already been "
        "cleared by several antitrust authorities around the world."
    )
    assert approvals(body, index) == {
        ("Fiat Chrysler", "antitrust authorities around the world", "granted"),
        ("PSA", "antitrust authorities around the world", "granted"),
    }


def test_it_does_not_approve_a_company_bought_after_a_longer_description(index):
    body = (
        "ZF agreed to buy Wabco in March. The European Commission has given the supplier "
        "permission to buy the US brake manufacturer Wabco."
    )
    assert "Wabco" not in {subject for subject, _, _ in approvals(body, index)}


def test_it_reads_clearing_a_number_of_proposals_as_an_approval_word(index):
    body = (
        "India is preparing to clear 45 investment proposals from China, and these are likely "
        "to include those of Great Wall Motor and SAIC Motor."
    )
    assert approvals(body, index) == {
        ("Great Wall Motor", "Indian government", "pending"),
        ("SAIC Motor", "Indian government", "pending"),
    }


def test_it_reads_an_investment_board_agreeing_to_give_incentives_as_a_grant(index):
    body = (
        "Thailand's Board of Investment (BOI) met on Friday. The BOI also agreed to give "
        "investment incentives to Toyota for its 20-billion-baht pickup project."
    )
    assert approvals(body, index) == {("Toyota", "Thailand Board of Investment", "granted")}


def test_it_takes_a_cartel_investigation_for_no_approval(index):
    body = (
        "Turkey's Competition Board said on Wednesday it has launched an investigation into "
        "German carmakers Audi, Porsche, Volkswagen, Mercedes-Benz and BMW to establish whether "
        "they breached competition law."
    )
    assert approvals(body, index) == set()


@pytest.mark.parametrize(
    ("granted", "subjects"),
    [
        (
            "Manufacturers that have received BOI privileges include BYD, Great Wall Motor and "
            "SAIC.",
            {"BYD", "Great Wall Motor", "SAIC Motor"},
        ),
        ("BYD has received BOI privileges for its plant.", {"BYD"}),
    ],
)
def test_it_reads_an_investment_boards_privileges_received_as_granted(index, granted, subjects):
    body = (
        "Investors are expanding in Thailand, said Narit, secretary-general of the Board of "
        f"Investment (BOI). {granted}"
    )
    assert approvals(body, index) == {(subject, "BOI", "granted") for subject in subjects}


def test_it_reads_a_promotional_package_granted_in_a_sentence_naming_no_body(index):
    body = (
        "The Board of Investment (BOI) said foreign carmakers keep applying for support. "
        "Great Wall Motor, for its part, was granted a promotional package of 6 billion baht "
        "last week to build hybrid cars in Rayong."
    )
    assert approvals(body, index) == {("Great Wall Motor", "BOI", "granted")}


@pytest.mark.parametrize(
    "sentence",
    [
        "In a regulatory filing, Tata Motors said its board approved a share buyback.",
        "Tata Motors said its board approved the buyback at a price set in line with applicable "
        "laws and regulations.",
    ],
)
def test_it_takes_a_board_decision_told_in_regulatory_words_for_no_approval(index, sentence):
    assert approvals(sentence, index) == set()


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("The government now plans to approve the proposal from BYD, officials said.", "pending"),
        ("The government approved the proposal from BYD on Monday, officials said.", "granted"),
    ],
)
def test_it_reads_the_government_as_the_one_the_article_last_named(index, said, status):
    body = (
        "Chinese carmakers have waited months for India to decide on their plans. China has "
        "protested, and Chinese officials met twice in March. Indonesia's government is expected "
        f"to clear most of the pending proposals. {said}"
    )
    assert approvals(body, index) == {("BYD", "Indonesian government", status)}


@pytest.mark.parametrize(
    "sentence",
    [
        "BYD has been waiting for government approval to raise funds from its parent.",
        "BYD, the Chinese carmaker, has been waiting for government approval to raise funds "
        "from its parent.",
    ],
)
def test_it_reads_a_bare_government_approval_as_the_host_countrys(index, sentence):
    body = (
        "India tightened its rules on investment from neighbouring countries in 2020, and India "
        f"now screens every such proposal. {sentence}"
    )
    assert approvals(body, index) == {("BYD", "Indian government", "pending")}


def test_it_takes_a_trademark_licence_for_no_approval(index):
    body = (
        "Under the deal, Chery will receive a trademark licence granted by the Egyptian "
        "assembler, which will build its cars locally."
    )
    assert approvals(body, index) == set()


def test_it_takes_a_carmakers_own_earlier_approval_for_no_regulators(index):
    body = (
        "The dealer group plans to open ten BYD showrooms this year, six of which BYD has "
        "already approved, its chief executive said."
    )
    assert approvals(body, index) == set()


def test_it_takes_an_inquiry_into_wrongdoing_for_no_pending_approval(index):
    body = (
        "South Korea's transport ministry sent officials to the offices of Kia Corp. on Monday "
        "over irregularities in the emission tests behind its type certificates, which "
        "carmakers need before they can sell vans."
    )
    assert approvals(body, index) == set()


@pytest.mark.parametrize(
    ("sentence", "buyer", "regulator"),
    [
        (
            "Pakistan's competition commission has cleared Toyota's purchase of a larger stake in "
            "Indus Motor, it said on Monday.",
            "Toyota",
            "Competition Commission of Pakistan",
        ),
        (
            "Taiwan's antitrust watchdog has cleared Foxconn's purchase of a stake in Yulon "
            "Motor, it said on Monday.",
            "Foxconn",
            "Taiwan Fair Trade Commission",
        ),
    ],
)
def test_it_names_the_antitrust_body_of_pakistan_or_taiwan_by_country(
    index, sentence, buyer, regulator
):
    assert approvals(sentence, index) == {(buyer, regulator, "granted")}


def test_it_reads_a_second_approval_the_body_gives_under_a_pronoun(index):
    body = (
        "The Competition Commission of India on Tuesday cleared Toyota's purchase of a stake in "
        "Suzuki's parts unit, and it approved, with conditions, Hyundai's acquisition of a "
        "battery plant."
    )
    assert approvals(body, index) == {
        ("Toyota", "CCI", "granted"),
        ("Hyundai", "CCI", "granted"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain's competition regulator is reconsidering its decision on the sale, the people "
        "said.",
        "Britain's competition regulator is looking again at its ruling on the sale, the people "
        "said.",
    ],
)
def test_it_reads_a_body_reconsidering_its_ruling_as_pending(index, sentence):
    body = f"Kia agreed in May to buy the plant from Nissan, but the deal was blocked. {sentence}"
    assert ("Kia", "CMA", "pending") in approvals(body, index)


def test_it_lists_a_company_after_the_rest_of_anothers_legal_name(index):
    body = (
        "South Korea's antitrust regulator has approved a joint venture between Hyundai "
        "(Europe) Holding Co and Kia Motors, it said on Monday."
    )
    assert approvals(body, index) == {("Hyundai", "KFTC", "granted"), ("Kia", "KFTC", "granted")}


def test_it_reads_a_bodys_own_watchdogs_as_that_body(index):
    body = (
        "The European Commission opened a review of the charging venture in March. The "
        "Brussels executive said on Friday that its competition watchdogs had cleared the "
        "creation of a joint venture by Volvo and Geely."
    )
    assert approvals(body, index) == {
        ("Volvo Cars", "European Commission", "granted"),
        ("Geely", "European Commission", "granted"),
    }


def test_it_names_the_antitrust_body_written_with_its_country_after_it(index):
    body = (
        "Toyota agreed to buy a stake in Isuzu in May. The deal has been cleared by the "
        "competition authority of Germany, the companies said."
    )
    assert approvals(body, index) == {("Toyota", "Bundeskartellamt", "granted")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Honda said it doesn't need regulatory approval for its small investment in the startup.",
        "Toyota said the purchase would not require any antitrust clearance.",
        "Kia said it welcomed the European Commission's decision to approve the new emissions "
        "rules.",
    ],
)
def test_it_takes_approval_not_needed_or_a_policy_approved_for_no_approval(index, sentence):
    assert approvals(sentence, index) == set()


def test_it_reads_a_bodys_abbreviation_written_as_a_word_as_that_body(index):
    body = "Brazil's Cade has approved BYD's purchase of the former Ford plant in Camacari."
    assert approvals(body, index) == {("BYD", "CADE", "granted")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Market regulator SEBI has approved Ather Energy's plan to list its shares.",
        "The market regulator, the Securities and Exchange Board of India, has approved Ather "
        "Energy's plan to list its shares.",
    ],
)
def test_it_takes_the_name_a_bodys_description_is_followed_by(index, sentence):
    assert approvals(sentence, index) == {("Ather Energy", "SEBI", "granted")}


def test_it_gives_the_investment_a_later_clause_says_needs_approval_to_the_investor(index):
    body = (
        "Honda will invest $300 million in Lucid. Lucid, which sells two models, will remain "
        "independent, and the investment is subject to regulatory approval."
    )
    assert approvals(body, index) == {("Honda", None, "pending")}


def test_it_reads_a_short_name_a_press_release_defines_in_quotes_as_that_company(index):
    body = (
        "The Competition Commission of India on Monday approved the acquisition by Mitsubishi "
        "Corporation ('Mitsubishi') of a stake in a parts maker. Mitsubishi had filed for "
        "approval from the CCI in June."
    )
    assert approvals(body, index) == {("Mitsubishi Corporation", "CCI", "granted")}


def test_it_approves_the_company_a_possessive_with_a_nationality_introduces(index):
    body = "Toyota's Chinese partner GAC received approval from the NDRC for a new battery plant."
    assert approvals(body, index) == {("GAC", "NDRC", "granted")}


def test_it_takes_a_unions_approval_of_a_labour_contract_for_no_approval(index):
    body = "Stellantis said the UAW had approved the new labour contract at its Toledo plant."
    assert approvals(body, index) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kia said it had won approval to build vans in Georgia.", set()),
        ("Kia said it had won a licence to build vans in Georgia.", {("Kia", None, "granted")}),
        (
            "Kia said it had won regulatory approval to build vans in Georgia.",
            {("Kia", None, "granted")},
        ),
        (
            "The deal between Kia and Hyundai Mobis is subject to approval.",
            {("Kia", None, "pending"), ("Hyundai Mobis", None, "pending")},
        ),
    ],
)
def test_it_drops_a_grant_told_with_no_body_unless_a_paper_or_a_regulator_is_told(
    index, sentence, expected
):
    assert approvals(sentence, index) == expected


def test_it_leaves_the_day_out_of_a_body_named_before_its_approval(index):
    sentence = "The Tokyo Bankruptcy Court on Tuesday approved the sale of Marelli to KKR."
    assert approvals(sentence, index) == {("KKR", "Tokyo Bankruptcy Court", "granted")}


@pytest.mark.parametrize(
    "body",
    [
        "Marelli has been under court protection since June. On Friday the bankruptcy court "
        "in Tokyo approved the sale of Marelli to KKR.",
        "Marelli has been under court protection since June. On Friday the Tokyo bankruptcy "
        "court approved the sale of Marelli to KKR.",
    ],
)
def test_it_reads_an_insolvency_court_written_in_lower_case_by_its_city(index, body):
    assert approvals(body, index) == {("KKR", "Tokyo Bankruptcy Court", "granted")}


def test_it_takes_a_lower_case_bankruptcy_court_for_the_one_the_article_names(index):
    body = (
        "SsangYong asked the Seoul Bankruptcy Court to approve its buyer in May. In June the "
        "bankruptcy court gave its approval to the sale of SsangYong to KG Group."
    )
    assert ("KG Group", "Seoul Bankruptcy Court", "granted") in approvals(body, index)


def test_it_finds_no_body_in_a_court_that_rules_on_a_dispute(index):
    body = "A court in Munich approved an injunction that Nokia sought against Ford."
    assert approvals(body, index) == set()


def test_it_does_not_take_a_demonstrative_for_the_name_of_a_body(index):
    body = (
        "Italy set up a government commission in 2022 to vet sales of car plants. "
        "That commission must approve the sale of the Mirafiori plant to Leapmotor."
    )
    found = approvals(body, index)
    assert {subject for subject, _, _ in found} == {"Leapmotor"}
    assert not any(regulator and regulator.startswith("That") for _, regulator, _ in found)


def test_it_reads_it_that_needs_approval_as_the_deal_told_before(index):
    body = (
        "Volvo Cars agreed to buy a 20% stake in Polestar from Geely. "
        "It also needs approval from Polestar shareholders and from regulatory authorities."
    )
    assert ("Volvo Cars", "regulatory authorities", "pending") in approvals(body, index)


def test_it_does_not_take_the_title_of_a_rule_for_a_body(index):
    body = (
        "The Measures for the Administration of Vehicle Production took effect in March. "
        "Chery said on Monday it had received a production licence for its new plant in Wuhu."
    )
    assert approvals(body, index) == {("Chery", None, "granted")}


def test_it_reads_a_body_withdrawing_a_licence_as_a_rejection(index):
    body = "The Ministry of Commerce withdrew the licence of Chery."
    assert approvals(body, index) == {("Chery", "MOFCOM", "rejected")}


def test_it_takes_the_body_the_next_sentence_says_granted_a_governments_approval(index):
    body = (
        "India's government has approved Ola Electric's plan to build battery cells in Tamil "
        "Nadu. The incentive, granted by the Ministry of Heavy Industries, runs for five years."
    )
    assert {regulator for _, regulator, _ in approvals(body, index)} == {
        "Ministry of Heavy Industries"
    }


def test_it_does_not_approve_a_company_whose_workers_are_cleared(index):
    body = (
        "Last week the National Labor Relations Commission cleared Kia's unionised workers "
        "to strike."
    )
    assert approvals(body, index) == set()


def test_it_ends_a_body_named_by_form_where_its_sentence_ends(index):
    body = (
        "VinFast said it had won a production licence from the Transport Department of "
        "Ruritania. Analysts welcomed the news."
    )
    assert approvals(body, index) == {("VinFast", "Transport Department of Ruritania", "granted")}


def test_it_reads_a_body_suspending_permits_whatever_they_are_for(index):
    # what the permits let a company do (carry passengers in cars) is no inquiry's subject
    body = (
        "The California DMV said on Monday it has suspended the permits that let Cruise "
        "carry passengers in driverless cars."
    )
    assert approvals(body, index) == {("Cruise", "California DMV", "rejected")}


def test_it_reads_a_shared_competition_body_name_by_the_country_that_owns_it(index):
    body = (
        "India's Competition Commission on Monday cleared Suzuki's plan to take a stake in "
        "a local battery maker."
    )
    assert approvals(body, index) == {("Suzuki", "CCI", "granted")}


def test_it_reads_a_countrys_regulators_as_the_body_of_that_country_the_article_names(index):
    body = (
        "Leapmotor said on Monday it had won approval from Chinese regulators for its venture "
        "with Stellantis. The venture will make cars for export.\n\n"
        "Analysts said the deal shows how Stellantis wants to sell cheaper electric cars. The "
        "carmaker had been waiting for months.\n\n"
        "The NDRC, the state planner, had reviewed the plan since the spring."
    )
    assert approvals(body, index) == {("Leapmotor", "NDRC", "granted")}
