"""Investments as real reporting writes them: who invests, how much, what is no investment."""

from datetime import date
from decimal import Decimal

import pytest

from evtracker.news.extract import CompanyIndex, KnownCompany, extract
from evtracker.news.extraction.money import find_amounts

COMPANIES = [
    KnownCompany("Nio", "automaker", ("NIO",)),
    KnownCompany("Tencent", "technology"),
    KnownCompany("Volkswagen", "automaker", ("VW", "Volkswagen Group")),
    KnownCompany("Toyota", "automaker", ("Toyota Motor",)),
    KnownCompany("Panasonic", "supplier"),
    KnownCompany("Xiaomi", "technology"),
    KnownCompany("BAIC", "automaker"),
    KnownCompany("Daimler", "automaker"),
    KnownCompany("Geely", "automaker"),
    KnownCompany("Renault", "automaker"),
    KnownCompany("Stellantis", "automaker"),
    KnownCompany("CATL", "supplier"),
]


@pytest.fixture(scope="module")
def index():
    return CompanyIndex.build(COMPANIES)


def investments(body, index):
    found = extract(body, index, published=date(2024, 5, 1)).investments
    facts = [(f.investor, f.target, f.amount, f.currency, f.stake_percent, f.kind) for f in found]
    return sorted(facts, key=lambda fact: tuple(str(part) for part in fact))


def money(found):
    return sorted((f[0], f[2], f[3]) for f in found if f[2] is not None)


# --- who invests ----------------------------------------------------------------------


def test_it_gives_each_company_of_a_coordinated_subject_the_amount(index):
    found = investments("Renault and Geely will each put 3 billion yuan into the venture.", index)
    assert money(found) == [
        ("Geely", Decimal("3000000000"), "CNY"),
        ("Renault", Decimal("3000000000"), "CNY"),
    ]
    assert {f[5] for f in found} == {"joint_venture"}


def test_it_reads_they_as_the_companies_that_speak(index):
    body = "Stellantis and CATL said on Monday they will invest 2 billion euros in a battery plant."
    assert money(investments(body, index)) == [
        ("CATL", Decimal("2000000000"), "EUR"),
        ("Stellantis", Decimal("2000000000"), "EUR"),
    ]


def test_it_takes_the_subject_not_the_company_after_with(index):
    body = (
        "Tencent signed a share subscription agreement with Nio, investing a total of $1 billion."
    )
    assert money(investments(body, index)) == [("Tencent", Decimal("1000000000"), "USD")]


def test_it_takes_the_buyer_not_the_seller_named_after_from(index):
    body = "Volkswagen will also buy $300 million worth of Nio stock from Tencent."
    [fact] = investments(body, index)
    assert fact[:4] == ("Volkswagen", "Nio", Decimal("300000000"), "USD")


def test_it_takes_the_investor_after_from_when_nothing_is_bought(index):
    body = "Financing for the new company will include ¥50 billion from Toyota."
    assert money(investments(body, index)) == [("Toyota", Decimal("50000000000"), "JPY")]


def test_it_takes_the_buyer_after_to_when_shares_are_sold(index):
    body = "Nio will sell 10 million new shares worth 2 trillion won to Volkswagen."
    [fact] = investments(body, index)
    assert fact[:4] == ("Volkswagen", "Nio", Decimal("2000000000000"), "KRW")


def test_it_reads_an_investment_by_a_company(index):
    body = "The plan includes an investment by Toyota of about $400 million in Nio's new platform."
    assert money(investments(body, index)) == [("Toyota", Decimal("400000000"), "USD")]


def test_it_does_not_take_the_company_in_an_appositive_for_the_investor(index):
    body = (
        "Geely, the owner of a large stake in Daimler since an earlier deal, will invest "
        "$500 million in Nio."
    )
    assert money(investments(body, index)) == [("Geely", Decimal("500000000"), "USD")]


def test_it_gives_a_tranche_the_investor_of_its_total(index):
    body = "Volkswagen will invest $2 billion in Nio, $500 million of it in cash."
    assert money(investments(body, index)) == [
        ("Volkswagen", Decimal("500000000"), "USD"),
        ("Volkswagen", Decimal("2000000000"), "USD"),
    ]


def test_it_reads_the_pair_behind_the_joint_venture_company(index):
    body = (
        "Toyota and Panasonic agreed to form a joint venture to make batteries. "
        "The joint venture company will invest more than $1 billion in a plant in Japan."
    )
    assert money(investments(body, index)) == [
        ("Panasonic", Decimal("1000000000"), "USD"),
        ("Toyota", Decimal("1000000000"), "USD"),
    ]


def test_it_gives_a_sale_to_each_buyer_named_after_to(index):
    body = (
        "Nio will sell shares worth 2 trillion won to Volkswagen, and shares worth "
        "800 billion won to Tencent."
    )
    assert money(investments(body, index)) == [
        ("Tencent", Decimal("800000000000"), "KRW"),
        ("Volkswagen", Decimal("2000000000000"), "KRW"),
    ]


def test_it_reads_a_stake_sold_to_a_buyer_before_its_price(index):
    body = "Tencent will sell a 10% stake in Nio to Volkswagen for $1 billion."
    [fact] = investments(body, index)
    assert fact[:5] == ("Volkswagen", "Nio", Decimal("1000000000"), "USD", Decimal("10"))


def test_it_does_not_take_the_company_an_appositive_describes_for_a_co_investor(index):
    body = "Stellantis, the partner of Geely, will take a 21% stake in Nio for about €1.5 billion."
    assert money(investments(body, index)) == [("Stellantis", Decimal("1500000000"), "EUR")]


def test_it_reads_two_stakes_that_cross(index):
    body = "Toyota will acquire 4.9% of Nio while Nio will take 0.2% of Toyota."
    assert [(f[0], f[1], f[4]) for f in investments(body, index)] == [
        ("Nio", "Toyota", Decimal("0.2")),
        ("Toyota", "Nio", Decimal("4.9")),
    ]


def test_it_reads_a_subject_described_as_backed_by_another_company(index):
    body = "Nio, a carmaker backed by Tencent, is paying 5 billion yuan for a 10% stake in Geely."
    [fact] = investments(body, index)
    assert fact[:3] == ("Nio", "Geely", Decimal("5000000000"))


def test_it_does_not_give_a_ventures_spending_to_the_partner_named_after_with(index):
    body = "Toyota said its venture with Nio would spend $5 billion on cheaper cars."
    assert money(investments(body, index)) == []


def test_it_reads_the_company_of_an_executive_named_from_it(index):
    body = "An executive from Tencent has held talks on buying a 5% stake in Nio, sources said."
    [fact] = investments(body, index)
    assert fact[:2] == ("Tencent", "Nio") and fact[4] == Decimal("5")


def test_it_reads_the_company_a_relative_clause_is_about(index):
    body = (
        "Nio's backers include Tencent, which took a 10% stake for $300 million in March, "
        "and several state funds."
    )
    assert money(investments(body, index)) == [("Tencent", Decimal("300000000"), "USD")]


def test_it_reads_the_owner_of_an_amount(index):
    body = "The plant is part of Toyota's $2 billion investment plan for the region."
    assert money(investments(body, index)) == [("Toyota", Decimal("2000000000"), "USD")]


def test_it_gives_financing_discussed_in_talks_to_the_other_side(index):
    body = "Nio is in talks with Tencent over financing of up to $1 billion, sources said."
    [fact] = investments(body, index)
    assert fact[:4] == ("Tencent", "Nio", Decimal("1000000000"), "USD")


def test_it_gives_a_ventures_size_to_both_partners(index):
    body = "Toyota will set up a $4 billion joint venture with Panasonic next year."
    assert money(investments(body, index)) == [
        ("Panasonic", Decimal("4000000000"), "USD"),
        ("Toyota", Decimal("4000000000"), "USD"),
    ]


def test_it_gives_no_one_a_sum_shared_with_an_unnamed_partner(index):
    body = (
        "Toyota said it would form a venture with Nio, with the two companies and a local "
        "fund investing a combined 2 billion yuan."
    )
    assert money(investments(body, index)) == []


def test_it_gives_the_deals_price_told_later_to_its_buyer(index):
    body = (
        "Regulators approved Volkswagen's acquisition of Nio on Monday. "
        "The deal, worth €2.2 billion, was first announced in March."
    )
    [fact] = investments(body, index)
    assert fact[:4] == ("Volkswagen", "Nio", Decimal("2200000000"), "EUR")


def test_it_reads_money_handed_over_in_exchange_for_shares(index):
    body = "Nio said it has agreed to hand Tencent 5 billion yuan in exchange for the shares."
    assert money(investments(body, index)) == [("Nio", Decimal("5000000000"), "CNY")]


def test_it_gives_an_executives_pledge_to_the_company_the_article_is_about(index):
    body = (
        "Xiaomi is building its first car. Xiaomi will sell it in China first. "
        "Chief executive Lei Jun has pledged to spend about $10 billion on the project."
    )
    assert money(investments(body, index)) == [("Xiaomi", Decimal("10000000000"), "USD")]


# --- stakes ---------------------------------------------------------------------------


def test_it_keeps_an_existing_holding(index):
    [fact] = investments("Tencent owns 20% of Nio, its filings show.", index)
    assert fact[0:2] == ("Tencent", "Nio") and fact[4] == Decimal("20")


def test_it_keeps_a_holding_told_by_its_owners_name(index):
    body = "Analysts expect Tencent's 20% stake in Nio to be sold this year."
    [fact] = investments(body, index)
    assert fact[0:2] == ("Tencent", "Nio") and fact[4] == Decimal("20")


def test_it_reads_a_venture_owned_by_a_company_and_the_other_partners_share(index):
    body = "Toyota will hold 60 percent of the joint venture and Panasonic 40 percent."
    assert [(f[0], f[4], f[5]) for f in investments(body, index)] == [
        ("Panasonic", Decimal("40"), "joint_venture"),
        ("Toyota", Decimal("60"), "joint_venture"),
    ]


def test_it_reads_the_remaining_share_kept_by_the_seller(index):
    body = "Volkswagen will buy 80% of the software unit, while Renault keeps the other 20%."
    assert [(f[0], f[4]) for f in investments(body, index)] == [
        ("Renault", Decimal("20")),
        ("Volkswagen", Decimal("80")),
    ]


def test_it_reads_a_stake_in_pc_and_a_holding_raised_to_a_percent(index):
    assert investments("BAIC wants to buy as much as 5pc of Daimler.", index)[0][4] == 5
    assert investments("BAIC will take a 4.5 pct stake in Daimler.", index)[0][4] == Decimal("4.5")
    assert investments("Geely holds a 9-percent stake in Daimler.", index)[0][4] == 9
    body = "BAIC said it has raised its shareholding in Daimler to 9.98 percent."
    assert investments(body, index)[0][4] == Decimal("9.98")


def test_it_reads_making_a_company_a_wholly_owned_subsidiary_as_all_of_it(index):
    body = "Toyota plans to make Nio, a long-time partner, a wholly owned subsidiary."
    [fact] = investments(body, index)
    assert fact[:2] == ("Toyota", "Nio") and fact[4] == 100


def test_it_gives_a_stake_negotiated_over_to_the_company_talked_with(index):
    body = "Nio is negotiating with Tencent over a minority stake in its battery unit."
    [fact] = investments(body, index)
    assert fact[:2] == ("Tencent", "Nio")


def test_it_takes_the_value_of_a_holding_for_the_money_put_in(index):
    body = "Volkswagen has taken a 5 percent stake in Nio, a holding valued at $700 million."
    [fact] = investments(body, index)
    assert fact[:4] == ("Volkswagen", "Nio", Decimal("700000000"), "USD")


def test_it_reads_the_stake_an_earlier_amount_buys_as_that_amounts_fact(index):
    body = (
        "Tencent agreed to buy new shares in Nio, investing a total of $2.2 billion. "
        "Once the deal is done, Tencent will own about 20.1% of Nio's shares."
    )
    assert [(f[0], f[2], f[4]) for f in investments(body, index)] == [
        ("Tencent", Decimal("2200000000"), None)
    ]


def test_it_reads_the_holding_a_completed_deal_leaves_as_that_deals_fact(index):
    body = (
        "Geely will spend 1 billion euros on a 20% stake in Nio. "
        "Once the subscription is complete, Geely will hold about 21.3% of Nio's shares."
    )
    assert [(f[0], f[2], f[4]) for f in investments(body, index)] == [
        ("Geely", Decimal("1000000000"), Decimal("20"))
    ]


def test_it_gives_a_stake_its_price_told_in_the_next_sentence(index):
    body = "Toyota is to take a 30% stake in Nio. The deal, paid in cash, is valued at 200bn yen."
    assert [(f[0], f[2], f[3]) for f in investments(body, index)] == [
        ("Toyota", Decimal("200000000000"), "JPY")
    ]


def test_it_keeps_an_existing_holding_told_after_a_new_investment(index):
    body = (
        "Tencent agreed to buy new shares in Nio for $1.5 billion. "
        "Tencent, which owns about 60% of Nio, has backed the carmaker since 2018."
    )
    assert {(f[0], f[2], f[4]) for f in investments(body, index)} == {
        ("Tencent", None, Decimal("60")),
        ("Tencent", Decimal("1500000000"), None),
    }


def test_it_gives_a_stake_bought_with_part_of_an_earlier_sum_to_that_sums_investor(index):
    body = (
        "Volkswagen will spend about 1 billion euros to expand in China. "
        "The plan was approved last week. Sales fell last year. Prices are falling. "
        "Dealers are worried. Part of the 1 billion euros will go toward buying a 50 percent "
        "stake in Nio."
    )
    facts = investments(body, index)
    assert ("Volkswagen", Decimal("50")) in {(f[0], f[4]) for f in facts}


def test_it_counts_a_stake_told_twice_once(index):
    body = (
        "BAIC wants to buy as much as 5% of Daimler. "
        "BAIC told Daimler it intends to take a 5% stake in the German carmaker."
    )
    assert [(f[0], f[4]) for f in investments(body, index)] == [("BAIC", Decimal("5"))]


@pytest.mark.parametrize(
    "body",
    [
        "Tencent said its holding in Nio would rise to 62.5% from 50%.",
        "Tencent said its stake in Nio will fall to 20 percent after the share sale.",
    ],
)
def test_it_reads_the_level_a_speakers_holding_rises_or_falls_to(index, body):
    percent = Decimal(body.split(" to ")[1].split("%")[0].split(" percent")[0])
    assert investments(body, index) == [("Tencent", "Nio", None, None, percent, "stake")]
    moved = "Nio said its market share in Europe rose to 3% last year."
    assert investments(moved, index) == []


@pytest.mark.parametrize(
    "body",
    [
        "Nio shares rose 10% in Hong Kong trading after the report.",
        "BYD holds more than 30 per cent of the Chinese market for plug-in cars.",
        "Xiaomi wants to take 10% of the country's EV sales by 2030.",
        "Tencent is selling 5% of its games unit, people familiar with the matter said.",
    ],
)
def test_it_does_not_take_market_shares_price_moves_or_a_sale_to_no_one_for_stakes(index, body):
    assert investments(body, index) == []


# --- what is not money put in ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Nio set up the unit in Hefei with registered capital of 1 billion yuan.",
        "Tencent will buy the new shares at $8.50 each.",
        "Nio will pay Tencent a termination fee of $110 million.",
        "Toyota said it did not sign any agreement to invest $500 million in Nio.",
        "Nio, whose debt stood at $1.2 billion in June, plans a listing in Hong Kong.",
        "Nio plans a $500 million funding round to cut its debt.",
        "The venture would add $8 billion to the kingdom's GDP by 2030, Nio said.",
        "Nio agreed to pay $90 million in fines to settle the case.",
        "Volkswagen agreed to pay $1.2 billion to settle the lawsuit.",
        "Stellantis said it would buy back $1.5 billion of its own shares.",
        "Toyota took a $1 billion charge on its Nio stake.",
        "Nio turned down a proposed $1 billion investment package from a group of funds.",
        "The plan includes a personal investment of $5 million by Nio chairman William Li.",
        "Its founder William Li has promised to put $1 billion of his own money into Nio.",
    ],
)
def test_it_does_not_take_capital_prices_fees_or_denied_deals_for_investments(index, body):
    assert investments(body, index) == []


def test_it_takes_the_round_but_not_the_valuation_it_sets(index):
    body = "Tencent led a $140 million funding round in Nio that values the company at $5 billion."
    assert money(investments(body, index)) == [("Tencent", Decimal("140000000"), "USD")]


def test_it_takes_the_price_of_a_deal_valued_at_an_amount(index):
    body = "Volkswagen will buy Nio's software unit in a deal valued at up to $2 billion."
    assert money(investments(body, index)) == [("Volkswagen", Decimal("2000000000"), "USD")]


@pytest.mark.parametrize(
    ("size", "percent"),
    [("one-third", "33.33"), ("one-fifth", "20"), ("quarter", "25"), ("50-per-cent", "50")],
)
def test_it_reads_a_stake_sized_by_a_fraction_or_a_hyphenated_per_cent(index, size, percent):
    body = f"Geely is negotiating to take a {size} stake in Nio, sources said."
    assert investments(body, index) == [("Geely", "Nio", None, None, Decimal(percent), "stake")]


@pytest.mark.parametrize(
    "body",
    [
        "Toyota said it will sell 14 million of its Nio shares, roughly 30% of its holding, "
        "to Geely.",
        "Nio's push matters because the government wants 40 per cent of the Nio and Tencent "
        "fleets to be all-electric by April 2026.",
        "Toyota has a market capitalization of 700 billion yen, only 7 pct of the three "
        "automakers' combined total.",
    ],
)
def test_it_does_not_take_a_part_of_a_holding_a_fleet_or_a_total_for_a_stake(index, body):
    assert [f for f in investments(body, index) if f[4] is not None] == []


def test_it_still_reads_a_share_of_a_companys_total_shares(index):
    body = "At the end of September, Toyota held about 24% of Nio's total shares."
    assert investments(body, index) == [("Toyota", "Nio", None, None, Decimal(24), "stake")]


@pytest.mark.parametrize(
    "body",
    [
        "Geely is able to buy 9.9% of Nio without a review, but going above that would not be.",
        "He said Geely had the financial strength to buy a stake of up to 40% in Nio.",
        "Geely has agreed not to exceed a 25% stake in Nio until August.",
    ],
)
def test_it_does_not_take_a_holding_someone_could_reach_or_may_not_pass(index, body):
    assert investments(body, index) == []
    assert investments("Geely will buy a 9.9% stake in Nio.", index) == [
        ("Geely", "Nio", None, None, Decimal("9.9"), "stake")
    ]


@pytest.mark.parametrize(
    ("body", "percent"),
    [
        ("The fresh money lifts Geely's holding in Nio to 34.58 per cent.", "34.58"),
        ("Once the deal closes, Tencent's holding in Nio will rise to roughly 20.1%.", "20.1"),
        ("The deal is expected to lower Toyota's stake in Nio from about 34% to about 27%.", "27"),
        ("Renault's total stake in Nio will reach 66.8%.", "66.8"),
    ],
)
def test_it_reads_the_level_an_owners_holding_moves_to(index, body, percent):
    owner = body.split("'s ")[0].split()[-1]
    assert investments(body, index) == [(owner, "Nio", None, None, Decimal(percent), "stake")]
    worth = "Geely's stake in Nio is worth about 5% of its market value."
    assert [f for f in investments(worth, index) if f[4] is not None] == []


def test_it_joins_a_stakes_percentage_and_its_money_told_in_two_sentences(index):
    body = (
        "Toyota is taking a 5% stake in Nio, the companies said. "
        "Toyota will invest 50 billion yen in Nio."
    )
    assert investments(body, index) == [
        ("Toyota", "Nio", Decimal("50000000000"), "JPY", Decimal(5), "stake")
    ]
    level = (
        "Toyota will spend 488 million dollars to add to its stake in Nio. "
        "Toyota's total stake in Nio will reach 66.8%."
    )
    assert len(investments(level, index)) == 2  # the money, and the whole holding it reaches


def test_it_gives_money_raised_in_talks_with_a_company_to_that_company(index):
    body = "Nio was in talks with Geely to raise as much as $1 billion, sources said."
    assert money(investments(body, index)) == [("Geely", Decimal("1000000000"), "USD")]
    apart = "Nio is in talks with Tencent about a partnership and plans to raise $150 million."
    assert money(investments(apart, index)) == []


def test_it_joins_a_stakes_percentage_to_money_told_without_its_target(index):
    body = (
        "Toyota said on Wednesday it would acquire a 4.9% stake in Nio. "
        "Toyota will spend about 96 billion yen on the shares, the carmakers said."
    )
    assert investments(body, index) == [
        ("Toyota", "Nio", Decimal("96000000000"), "JPY", Decimal("4.9"), "stake")
    ]


def test_it_gives_a_share_told_in_a_bracketed_relative_clause_to_its_antecedent(index):
    body = (
        "Geely will become the third-largest shareholder in Nio with a 17 per cent stake, "
        "behind Tencent (which will hold 21 per cent) and Toyota."
    )
    found = {(f[0], f[4]) for f in investments(body, index)}
    assert ("Tencent", Decimal(21)) in found
    assert ("Geely", Decimal(21)) not in found


def test_it_gives_the_speakers_own_venture_money_to_it_and_its_partner(index):
    body = (
        "Geely said on Monday that the government had approved its $734m joint venture "
        "with Volkswagen, which is to build 100,000 cars a year."
    )
    assert money(investments(body, index)) == [
        ("Geely", Decimal("734000000"), "USD"),
        ("Volkswagen", Decimal("734000000"), "USD"),
    ]


def test_it_gives_tranches_told_in_the_next_sentence_to_the_investor_before(index):
    body = (
        "Tencent will invest Rs 1,925 crore in Nio's new unit. The first tranche will be up "
        "to Rs 1,200 crore and the second Rs 725 crore, depending on milestones."
    )
    assert money(investments(body, index)) == [
        ("Tencent", Decimal("7250000000"), "INR"),
        ("Tencent", Decimal("12000000000"), "INR"),
        ("Tencent", Decimal("19250000000"), "INR"),
    ]


def test_it_gives_the_price_of_a_business_sold_to_a_buyer_to_that_buyer(index):
    body = "Last month Toyota agreed to sell the business to Geely for $400 million in cash."
    assert money(investments(body, index)) == [("Geely", Decimal("400000000"), "USD")]
    cars = "Toyota sold 15,000 cars to dealers for $400 million."
    assert money(investments(cars, index)) == []


def test_it_gives_the_price_of_a_sale_told_as_a_noun_to_the_buyer(index):
    body = (
        "Renault has completed the planned sale of part of its stake in Nio to Geely "
        "for a total of 460 million euros."
    )
    assert money(investments(body, index)) == [("Geely", Decimal("460000000"), "EUR")]


@pytest.mark.parametrize("hedge", ["at least", "upwards of", "in excess of"])
def test_it_reads_a_stake_raised_to_a_hedged_level(index, hedge):
    body = f"Geely is set to raise its holding in Nio to {hedge} 75 per cent."
    assert investments(body, index) == [("Geely", "Nio", None, None, Decimal(75), "stake")]


@pytest.mark.parametrize(
    ("body", "percent"),
    [
        ("Renault is reportedly considering cutting its roughly 43 percent stake in Nio to 15 "
         "percent.", 15),
        ("Geely will lift its 9.7% stake in Daimler to about 20%.", 20),
        # Taken, not moved: the size told before the stake is the stake.
        ("Geely has taken a 9.7% stake in Daimler, to 20% of its voting rights.", 9.7),
    ],
)  # fmt: skip
def test_a_stake_of_a_stated_size_moved_to_another_is_the_new_size(index, body, percent):
    [found] = investments(body, index)
    assert found[4] == Decimal(str(percent))


@pytest.mark.parametrize("hedge", ["a little more than", "slightly more than", "just shy of"])
def test_it_reads_the_price_of_a_takeover_told_with_a_loose_hedge(index, hedge):
    body = f"Daimler announced last year that it wanted to take over Nio for {hedge} €6.2bn."
    assert money(investments(body, index)) == [("Daimler", Decimal("6200000000"), "EUR")]


@pytest.mark.parametrize(
    "body",
    [
        "Stellantis said on Wednesday it had bought back 50 million common shares from Nio "
        "(Hong Kong) International for about 934 million euros.",
        "Toyota said it plans to spend up to 200 billion yen buying back a large share of its "
        "stock to support its share price.",
    ],
)
def test_it_does_not_take_a_buyback_however_far_from_its_price(index, body):
    assert money(investments(body, index)) == []
    bought = "Toyota will buy 50 million shares in Nio for about 934 million euros."
    assert money(investments(bought, index)) == [("Toyota", Decimal("934000000"), "EUR")]


def test_it_does_not_take_a_valuation_however_long_the_description_before_at(index):
    body = (
        "The new funding values the three-year-old Nio, which is already backed by Tencent "
        "Holdings Co. and Geely, at a little more than $3 billion."
    )
    assert money(investments(body, index)) == []


def test_it_does_not_take_a_payment_to_settle_a_dispute_for_an_investment(index):
    body = (
        "The venture follows Geely's agreement last month to pay $1.8 billion to its larger "
        "domestic rival Nio to settle a trade secrets dispute."
    )
    assert money(investments(body, index)) == []


def test_it_does_not_take_money_paid_for_goods_for_an_investment(index):
    body = "Tencent reportedly paid $126 million for an unnamed group of cars from Nio."
    assert money(investments(body, index)) == []
    stake = "Tencent paid $126 million for a 5% stake in Nio."
    assert money(investments(stake, index)) == [("Tencent", Decimal("126000000"), "USD")]


def test_it_does_not_take_a_fine_on_several_companies_for_an_investment(index):
    body = (
        "The competition watchdog said it had fined Toyota, Panasonic, CATL and Nio 14.02 "
        "million pesos ($751,000) each for failing to tell it that the deal would give "
        "Panasonic a stake of more than 35 percent in Tencent."
    )
    assert money(investments(body, index)) == []
    assert money(investments("Toyota will invest 14 million pesos in Nio.", index)) == [
        ("Toyota", Decimal("14000000"), "MXN")
    ]


def test_it_reads_money_a_company_takes_in_or_lines_up_as_received(index):
    body = "Earlier this year Nio took in $74 million from its existing investor Tencent."
    assert investments(body, index) == [
        ("Tencent", "Nio", Decimal("74000000"), "USD", None, "stake")
    ]
    lined_up = "Nio said it has lined up more than 2 billion euros in funding for a new plant."
    assert all(f[0] != "Nio" for f in investments(lined_up, index))


def test_it_does_not_take_a_companys_value_for_a_deal_because_private_equity_backs_it(index):
    body = (
        "Nio's EV unit, which has drawn investment from private equity firm Tencent, "
        "is valued at $9 billion."
    )
    assert money(investments(body, index)) == []
    deal = "Tencent bought equity in Nio in a deal valued at $2 billion."
    assert money(investments(deal, index)) == [("Tencent", Decimal("2000000000"), "USD")]


def test_it_drops_a_rumoured_stake_the_investor_denies_elsewhere_in_the_article(index):
    body = (
        "Xiaomi has rejected speculation that it plans to buy into Nio. "
        "Rumours had claimed that Xiaomi would take a 30 percent stake in Nio."
    )
    assert investments(body, index) == []


# --- amounts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("96 billion yen", "96000000000", "JPY"),
        ("1.2 trillion won", "1200000000000", "KRW"),
        ("Rs 1,500 crore", "15000000000", "INR"),
        ("Rs 1,884 cr", "18840000000", "INR"),
        ("€4.1bn", "4100000000", "EUR"),
        ("$1.5 bln", "1500000000", "USD"),
        ("$1.5-billion", "1500000000", "USD"),
        ("Rp 10 trillion", "10000000000000", "IDR"),
        ("9.8 billion baht", "9800000000", "THB"),
        ("CNY 2bn", "2000000000", "CNY"),
        ("HK$5.84 billion", "5840000000", "HKD"),
        ("RM460.3 million", "460300000", "MYR"),
        ("US$5bil", "5000000000", "USD"),
        ("RM500mil", "500000000", "MYR"),
        ("S$1.2bil", "1200000000", "SGD"),
        ("$250-$300 million", "250000000", "USD"),
        ("Rs 1,000-Rs 1,200 crore", "10000000000", "INR"),
        ("a 700-million-U.S.-dollar", "700000000", "USD"),
        ("a 2.5-billion-yuan", "2500000000", "CNY"),
        ("a 40-billion-baht", "40000000000", "THB"),
        ("an 80-million-pound", "80000000", "GBP"),
        ("a 12-million-euro ($13 million)", "12000000", "EUR"),
        ("5 billion roubles", "5000000000", "RUB"),
        ("1.5 bln dlrs", "1500000000", "USD"),
        ("T$7.9 billion ($282.49 million)", "7900000000", "TWD"),
    ],
)
def test_it_reads_currencies_and_scales_as_reporters_write_them(text, amount, currency):
    [found] = find_amounts(f"The group will put {text} into the plant.")
    assert (found.value, found.currency) == (Decimal(amount), currency)


def test_it_drops_a_conversion_in_brackets():
    [found] = find_amounts("Nissan will pay ¥237bn ($2.2bn; £1.52bn) for the stake, in Japan.")
    assert (found.value, found.currency) == (Decimal("237000000000"), "JPY")


@pytest.mark.parametrize("gap", ["i.e.,", "i.e.", "that is,"])
def test_it_drops_a_conversion_told_as_the_same_sum_in_other_words(gap):
    [found] = find_amounts(f"GM set out an investment of $1.42 billion ({gap} 7 billion reais).")
    assert (found.value, found.currency) == (Decimal("1420000000"), "USD")


# --- stage 3: general grammar of news reporting ----------------------------------------


def stakes(found):
    return sorted((f[0], f[1], f[4]) for f in found if f[2] is None)


def test_it_reads_a_stake_whatever_the_verb(index):
    body = "Tencent disclosed a 6.1 percent stake in Daimler in a filing on Tuesday."
    assert stakes(investments(body, index)) == [("Tencent", "Daimler", Decimal("6.1"))]


def test_it_leaves_a_percent_of_something_else(index):
    body = "Geely expects 40% of its sales abroad to be electric by 2027."
    assert investments(body, index) == []


def test_it_reads_every_share_of_a_list_of_holders(index):
    body = (
        "Toyota Motor owned about 22% of Panasonic's shares at the end of June, "
        "Renault 7% and Daimler 3%."
    )
    assert stakes(investments(body, index)) == [
        ("Daimler", "Panasonic", Decimal("3")),
        ("Renault", "Panasonic", Decimal("7")),
        ("Toyota", "Panasonic", Decimal("22")),
    ]


def test_it_reads_a_holding_cut_to_a_percent_and_the_next_holder_to_another(index):
    body = "Stellantis plans to reduce its holding to about 15% and Renault to 4%."
    found = stakes(investments(body, index))
    assert ("Stellantis", None, Decimal("15")) in found
    assert ("Renault", None, Decimal("4")) in found


def test_it_gives_a_stake_to_each_named_company_in_a_funding_round(index):
    body = (
        "Nio said it had raised $300 million in a new funding round. "
        "Tencent, Geely and CATL are among the investors taking part."
    )
    found = investments(body, index)
    assert stakes(found) == [
        ("CATL", "Nio", None),
        ("Geely", "Nio", None),
        ("Tencent", "Nio", None),
    ]
    # The round's total is no single investor's: it is kept with its investors left unnamed.
    assert money(found) == [(None, Decimal("300000000"), "USD")]


def test_it_keeps_a_sole_investor_amount_past_a_bracketed_conversion(index):
    body = "Nio secured financing of $1 billion (about 7 billion yuan) from Tencent."
    assert money(investments(body, index)) == [("Tencent", Decimal("1000000000"), "USD")]


def test_it_gives_a_stake_to_each_investor_a_round_included(index):
    body = (
        "Nio raised $2.5 billion in new funding. "
        "Its latest round also included existing investors Tencent, Geely and CATL."
    )
    stakes = {(f[0], f[1]) for f in investments(body, index) if f[2] is None}
    assert stakes == {("Tencent", "Nio"), ("Geely", "Nio"), ("CATL", "Nio")}


def test_it_does_not_give_a_round_total_to_the_first_of_several_investors(index):
    body = "Nio has raised $500 million from Tencent, Geely and others."
    found = investments(body, index)
    assert money(found) == []
    assert ("Tencent", "Nio", None) in stakes(found)


def test_it_reads_an_amount_after_and_company_as_that_company_share(index):
    body = "Of the total, Renault will invest $200 million in Nio and Geely $50 million."
    assert money(investments(body, index)) == [
        ("Geely", Decimal("50000000"), "USD"),
        ("Renault", Decimal("200000000"), "USD"),
    ]


def test_it_gives_each_partner_half_of_an_equally_owned_venture(index):
    body = "Renault and Geely formed an engine venture on Friday that they will own 50-50."
    assert stakes(investments(body, index)) == [
        ("Geely", None, Decimal("50")),
        ("Renault", None, Decimal("50")),
    ]


def test_it_reads_a_participle_clause_as_the_main_subject_doing(index):
    body = (
        "Toyota will buy new shares that Panasonic is issuing, "
        "raising its holding in Panasonic to just under 5%."
    )
    assert ("Toyota", "Panasonic", Decimal("5")) in stakes(investments(body, index))


def test_it_does_not_read_a_share_price_or_a_product_price_as_an_investment(index):
    body = (
        "Nio shares closed up 3 percent at $5.20 after Tencent agreed to invest in the company. "
        "Geely priced the new hatchback at 89,900 yuan."
    )
    assert money(investments(body, index)) == []


def test_it_takes_the_currency_named_after_the_number():
    (amount,) = find_amounts("will each put in $1 trillion won")
    assert (amount.value, amount.currency) == (Decimal("1000000000000"), "KRW")


def test_it_reads_a_stake_put_up_for_sale_without_a_buyer_as_the_seller_holding(index):
    body = "Renault said it planned to sell a 3.5% stake in Nio over the coming months."
    assert stakes(investments(body, index)) == [("Renault", "Nio", Decimal("3.5"))]


def test_it_reads_a_stake_of_about_a_percent(index):
    body = "Geely will be left with a stake of about 8 percent in the combined group, sources said."
    assert stakes(investments(body, index)) == [("Geely", None, Decimal("8"))]


def test_it_does_not_read_a_percent_of_the_money_as_a_stake(index):
    body = "Tencent and Nio will pay 60 percent of the investment amount this year."
    assert all(f[4] is None for f in investments(body, index))


def test_it_reads_shares_told_as_held_by_each_company(index):
    body = (
        "The new battery venture will be owned 60 percent by CATL, 30 percent by Stellantis "
        "and 10 percent by Renault."
    )
    assert stakes(investments(body, index)) == [
        ("CATL", None, Decimal("60")),
        ("Renault", None, Decimal("10")),
        ("Stellantis", None, Decimal("30")),
    ]


def test_it_does_not_give_a_chairman_own_stake_to_the_company(index):
    body = "Geely's chairman Li Shufu owns a 9.7% stake in Daimler through an investment vehicle."
    assert investments(body, index) == []


# --- a second stake in one sentence ---------------------------------------------------


def test_it_reads_a_share_after_with_as_held_by_the_company_named_there(index):
    body = (
        "Under the plan Geely buys 12 percent of Renault's Korean unit, with BAIC set to hold "
        "around 3 percent of the same business."
    )
    assert ("BAIC", None, Decimal("3")) in stakes(investments(body, index))
    body = "Nio's holding in the venture is 30%, with Tencent holding 20% of it through a fund."
    assert ("Tencent", None, Decimal("20")) in stakes(investments(body, index))


def test_it_does_not_read_a_stake_moved_to_a_trust_as_a_purchase(index):
    body = "Renault and Nio each keep 10% of the other, and Renault will move 20% of its shares."
    assert all(f[4] != Decimal("20") for f in investments(body, index))


# --- a deal told as a noun ------------------------------------------------------------


def test_it_reads_a_takeover_told_as_its_buyer_s_acquisition(index):
    body = "Regulators in Brussels on Tuesday cleared Geely's acquisition of Renault's Korean unit."
    assert investments(body, index) == []  # a unit with no name: no target to record
    body = "Regulators in Brussels on Tuesday cleared Stellantis' acquisition of CATL."
    assert stakes(investments(body, index)) == [("Stellantis", "CATL", None)]


def test_it_reads_the_buyer_after_by_and_the_share_after_of(index):
    body = (
        "The filing covers the purchase by Tencent of a further 4.5 per cent of the voting "
        "rights in Nio, and BAIC's acquisition of a 10% stake in Daimler."
    )
    assert stakes(investments(body, index)) == [
        ("BAIC", "Daimler", Decimal("10")),
        ("Tencent", "Nio", Decimal("4.5")),
    ]


def test_it_does_not_count_a_takeover_twice_when_its_price_follows(index):
    body = (
        "The commission approved Geely's acquisition of Daimler on Monday. "
        "The deal, worth 9 billion euros, was agreed in May."
    )
    assert [(f[0], f[1], f[2]) for f in investments(body, index)] == [
        ("Geely", "Daimler", Decimal("9000000000"))
    ]


def test_it_reads_each_company_as_each_of_the_pair_in_the_news(index):
    body = (
        "Nio and CATL signed an agreement on Friday to build batteries together. "
        "Each firm will put 2 billion yuan into the new company, they said."
    )
    assert money(investments(body, index)) == [
        ("CATL", Decimal("2000000000"), "CNY"),
        ("Nio", Decimal("2000000000"), "CNY"),
    ]
    body = (
        "Toyota agreed with Panasonic to form a battery venture. "
        "Each side is expected to invest 50 billion yen over five years."
    )
    assert {f[0] for f in investments(body, index) if f[2]} == {"Panasonic", "Toyota"}


def test_it_leaves_out_the_investors_of_an_earlier_round_the_article_recalls(index):
    body = (
        "Nio has raised $500 million from Tencent, Geely and others, it said on Monday. "
        "In March, Nio raised $300 million from Xiaomi, CATL and other investors. "
        "Earlier this year it drew investments from BAIC and Daimler in a funding round."
    )
    assert stakes(investments(body, index)) == [("Geely", "Nio", None), ("Tencent", "Nio", None)]
    body = "Back in 2019, Nio's Series B round was led by Tencent and Xiaomi."
    assert investments(body, index) == []


def test_it_reads_no_money_in_a_count_written_as_a_compound():
    assert find_amounts("a 10-million-unit plant and a 300-person team") == []


def test_it_reads_a_receiving_verb_only_in_the_clause_of_the_money(index):
    body = (
        "Toyota, in a move that won praise from the governor, said on Tuesday that it would "
        "invest $1.2 billion in two Kentucky plants."
    )
    assert money(investments(body, index)) == [("Toyota", Decimal("1200000000"), "USD")]
    body = (
        "The deal follows other raises by carmakers, among them Nio, which said on Monday that "
        "it had raised $300 million from investors."
    )
    assert money(investments(body, index)) == []  # Nio received it, from someone unnamed


def test_it_reads_its_amount_before_a_deal_noun_as_the_subject_s_money(index):
    body = "Geely has won clearance in Brussels for its $2 billion purchase of Renault's plant."
    assert money(investments(body, index)) == [("Geely", Decimal("2000000000"), "USD")]
    body = "Daimler said BAIC had secured funding for their 1 billion euro joint venture."
    assert all(f[0] != "Daimler" for f in investments(body, index) if f[2])


# --- stakes told by where they end and between two sides ---------------------------------


def test_it_takes_the_stake_a_holder_cuts_to_not_the_one_it_cuts_from(index):
    found = investments("Renault will reduce its stake from 43.4 percent to 15 percent.", index)
    assert found == [("Renault", None, None, None, Decimal("15"), "stake")]


def test_it_reads_a_decimal_stake_before_the_level_a_holding_is_cut_to(index):
    found = investments("Renault will cut its holding in Daimler from 43.4% to 15%.", index)
    assert [(f[0], f[1], f[4]) for f in found] == [("Renault", "Daimler", Decimal("15"))]


def test_it_gives_each_side_of_a_cross_shareholding_its_stake_in_the_other(index):
    found = investments("Renault and Stellantis will keep cross-shareholdings of 15%.", index)
    assert [(f[0], f[1], f[4]) for f in found] == [
        ("Renault", "Stellantis", Decimal("15")),
        ("Stellantis", "Renault", Decimal("15")),
    ]


def test_it_reads_stakes_taken_in_the_other_with_their_price(index):
    body = "Toyota and Panasonic will each take a 4.6% stake in the other for 42.8 billion yen."
    assert investments(body, index) == [
        ("Panasonic", "Toyota", Decimal("42800000000"), "JPY", Decimal("4.6"), "stake"),
        ("Toyota", "Panasonic", Decimal("42800000000"), "JPY", Decimal("4.6"), "stake"),
    ]


def test_it_reads_cross_shareholdings_cut_by_the_pair_in_the_news_at_their_new_level(index):
    body = (
        "Renault and Stellantis signed a new agreement on Monday. Under it, the carmakers will "
        "cut their current 15% cross-shareholdings to 10%."
    )
    found = [(f[0], f[1], f[4]) for f in investments(body, index)]
    assert ("Renault", "Stellantis", Decimal("10")) in found
    assert ("Stellantis", "Renault", Decimal("10")) in found


def test_it_gives_each_side_a_price_for_stakes_bought_in_each_other(index):
    body = "Toyota and Panasonic are also buying 42.8 billion yen stakes in each other."
    assert investments(body, index) == [
        ("Panasonic", "Toyota", Decimal("42800000000"), "JPY", None, "stake"),
        ("Toyota", "Panasonic", Decimal("42800000000"), "JPY", None, "stake"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("invest up to Euro 600 million", "600000000", "EUR"),
        ("a 3 billion reais plant", "3000000000", "BRL"),
        ("2 trillion Korean won", "2000000000000", "KRW"),
        ("100 billion Mexican pesos", "100000000000", "MXN"),
        ("Dh1 billion", "1000000000", "AED"),
        ("12 billion rand", "12000000000", "ZAR"),
    ],
)
def test_it_reads_currencies_named_before_or_with_their_country(text, value, currency):
    assert [(a.value, a.currency) for a in find_amounts(text)] == [(Decimal(value), currency)]


def test_it_reads_bare_pesos_as_the_country_the_article_is_about():
    assert [(a.value, a.currency) for a in find_amounts("a 20 billion pesos plant")] == [
        (Decimal("20000000000"), "MXN")
    ]
    text = "Toyota will build a 5 billion pesos plant in the Philippines."
    assert [a.currency for a in find_amounts(text)] == ["PHP"]


def test_it_keeps_a_stake_bought_in_return_for_money_told_before_as_one_deal(index):
    body = (
        "Toyota is investing $2.75 billion in Nio's autonomous vehicle business. "
        "In return for the investment, Toyota will get a 5.7 percent stake in CATL."
    )
    found = investments(body, index)
    assert [(f[0], f[2], f[4]) for f in found] == [("Toyota", Decimal("2750000000"), None)]


def test_it_does_not_take_a_euro_emissions_standard_for_money():
    assert find_amounts("cars that meet the Euro 7 standard") == []


# --- levels, valuations and charges told with a second amount --------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Toyota's market capitalization is 7.9 trillion yen and Renault's 1.6 trillion yen.",
        "Analysts have put the potential enterprise value of Nio at $175 billion.",
        "Renault will book a $2.7-billion non-cash, pre-tax impairment on its stake.",
        "Nio's registered capital will rise to 3.1 billion yuan from 2.0 billion yuan.",
    ],
)
def test_it_takes_no_level_value_or_charge_for_money_put_in(index, body):
    assert investments(body, index) == []


def test_it_still_reads_a_second_investor_whose_amount_follows_and(index):
    body = "Renault invested $1 billion in Nio and Stellantis $2.6 billion."
    assert money(investments(body, index)) == [
        ("Renault", Decimal("1000000000"), "USD"),
        ("Stellantis", Decimal("2600000000"), "USD"),
    ]


@pytest.mark.parametrize("verb", ["inject", "commit"])
def test_it_reads_the_plain_form_of_an_investing_verb(index, verb):
    body = f"Renault will {verb} $700 million into Nio."
    assert money(investments(body, index)) == [("Renault", Decimal("700000000"), "USD")]


# --- currency signs and codes less often seen --------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("￥60 billion", "60000000000", "JPY"),
        ("JP¥ 12bn", "12000000000", "JPY"),
        ("$US420million", "420000000", "USD"),
        ("AU$1.1bn", "1100000000", "AUD"),
        ("฿8 billion", "8000000000", "THB"),
        ("₽30bn", "30000000000", "RUB"),
        ("MAD 6 billion", "6000000000", "MAD"),
        ("6 billion Moroccan dirhams", "6000000000", "MAD"),
        ("PLN 900 million", "900000000", "PLN"),
        ("2 billion NOK", "2000000000", "NOK"),
        ("Yen96 billion", "96000000000", "JPY"),
        ("Bt10 billion", "10000000000", "THB"),
        ("Tk 500 crore", "5000000000", "BDT"),
        ("QR5bn", "5000000000", "QAR"),
        ("11 billion reals", "11000000000", "BRL"),
        ("R6.1 billion", "6100000000", "ZAR"),
    ],
)
def test_it_reads_full_width_signs_and_less_common_codes(text, value, currency):
    hint = "Japanese carmakers" if "¥" in text or "￥" in text else ""
    assert [(a.value, a.currency) for a in find_amounts(text, hint)] == [(Decimal(value), currency)]


def test_it_reads_a_bare_r_as_rand_only_with_a_scale():
    assert find_amounts("Toyota launched the R1 and the R3 in 2024.") == []


def test_it_keeps_the_first_currency_of_a_sum_converted_after_or_roughly(index):
    body = "Toyota said it will invest 11 billion reals, or roughly 330 billion yen, in Brazil."
    assert money(investments(body, index)) == [("Toyota", Decimal("11000000000"), "BRL")]


@pytest.mark.parametrize("text", ["the BT 5G network", "Bt 300", "the W223 S-Class", "Yen 2"])
def test_it_reads_short_signs_as_money_only_with_a_scale(text):
    assert find_amounts(text) == []


def test_it_reads_bare_dirhams_by_the_country_the_article_is_about():
    text = "The plant will cost 9 billion dirhams."
    [moroccan] = find_amounts(text, "a plant near Tangier, Morocco. " + text)
    [emirati] = find_amounts(text, "a plant in Abu Dhabi. " + text)
    assert (moroccan.currency, emirati.currency) == ("MAD", "AED")


# --- a stake and its price in one sentence -----------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Geely takes 30 per cent of Renault under the agreement, a deal worth 2 billion euros.",
        "Toyota is raising its holding in Panasonic to 15% at a cost of about ¥90 billion.",
        "Stellantis will buy a 12% stake in CATL for $1.4 billion.",
    ],
)
def test_it_gives_a_stake_the_price_its_sentence_tells(body, index):
    [(investor, target, amount, currency, percent, kind)] = [
        f for f in investments(body, index) if f[1] is not None or f[4] is not None
    ]
    assert amount is not None and currency is not None
    assert percent is not None and kind == "stake"


@pytest.mark.parametrize(
    "body",
    [
        "Geely owns 9% of Daimler, a holding now worth $4 billion.",
        "Tencent bought a 5% stake in Nio, valuing the carmaker at $20 billion.",
        "BAIC bought a 3% stake in Daimler for 12 euros a share.",
    ],
)
def test_it_gives_no_stake_a_value_or_a_price_per_share(body, index):
    stakes = [f for f in investments(body, index) if f[4] is not None]
    assert stakes and all(f[2] is None for f in stakes)


def test_it_keeps_the_partners_shares_of_a_venture_whose_value_alone_is_told(index):
    body = (
        "CATL is buying a 15% stake in the battery joint venture of Stellantis and Geely, in a "
        "deal that values the venture at 3 billion euros.\n\n"
        "Stellantis and Geely will each hold 42.5% of the venture."
    )
    found = investments(body, index)
    assert [(f[0], f[4]) for f in found] == [
        ("CATL", Decimal("15")),
        ("Geely", Decimal("42.5")),
        ("Stellantis", Decimal("42.5")),
    ]
    assert all(f[2] is None for f in found)


# --- shares of a venture told with a bare percentage -------------------------------------


def test_it_reads_shares_owned_with_no_of_after_the_percentage(index):
    body = (
        "Renault and Geely have set up an engine venture in Spain. Renault holds 40 percent "
        "and Geely 35 percent. The remaining 25 percent belongs to CATL."
    )
    found = investments(body, index)
    assert [(f[0], f[4]) for f in found] == [
        ("CATL", Decimal("25")),
        ("Geely", Decimal("35")),
        ("Renault", Decimal("40")),
    ]


def test_it_gives_each_side_of_the_pair_its_share(index):
    body = (
        "Toyota and Panasonic agreed to form a battery venture. Each partner will own 50% of "
        "the new company, they said."
    )
    found = investments(body, index)
    assert [(f[0], f[4]) for f in found] == [
        ("Panasonic", Decimal("50")),
        ("Toyota", Decimal("50")),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Tesla holds 20 percent of the Chinese market.",
        "Nio reported results for its unit Nio China, in which it holds 90 percent.",
    ],
)
def test_it_reads_no_share_owned_from_a_market_or_an_unresolved_pronoun(body, index):
    assert [f for f in investments(body, index) if f[4] is not None] == []


def test_it_reads_the_companies_as_the_pair_in_the_news(index):
    body = (
        "Toyota and Panasonic agreed to make batteries together in Japan. The companies will "
        "put 200 billion yen into the joint venture."
    )
    assert money(investments(body, index)) == [
        ("Panasonic", Decimal("200000000000"), "JPY"),
        ("Toyota", Decimal("200000000000"), "JPY"),
    ]


@pytest.mark.parametrize("written", ["5 trillion-won", "800bn won", "3.2 billion-won"])
def test_it_does_not_read_the_won_of_an_amount_as_money_received(written, index):
    body = (
        "Toyota and Panasonic agreed to make batteries together in Japan. The two companies "
        f"signed a binding agreement for the {written} joint venture."
    )
    assert {f[0] for f in investments(body, index) if f[2] is not None} == {"Toyota", "Panasonic"}


def test_it_gives_a_stake_told_in_a_relative_clause_to_its_antecedent(index):
    body = "Nio has also signed a supply deal with CATL, which owns about 3% of it, for cells."
    assert [(f[0], f[4]) for f in investments(body, index) if f[4] is not None] == [
        ("CATL", Decimal("3"))
    ]


# --- acquisitions told with a verb and no terms ------------------------------------------


@pytest.mark.parametrize(
    ("body", "investor", "target"),
    [
        ("Geely agreed to buy battery maker CATL, the two said on Monday.", "Geely", "CATL"),
        ("Xiaomi is taking over carmaker BAIC, the two said.", "Xiaomi", "BAIC"),
    ],
)
def test_it_reads_a_company_bought_with_no_terms_as_a_stake(body, investor, target, index):
    assert investments(body, index) == [(investor, target, None, None, None, "stake")]


@pytest.mark.parametrize(
    "body",
    [
        "Drivers in Europe buy Renault cars more than any other brand.",
        "Nio bought battery cells from CATL last year.",
        "Geely has looked at buying Renault in the past.",
        "Toyota did not buy Panasonic, its spokesman said.",
        "Xiaomi signed a purchase agreement with BAIC on Friday.",
        "Geely wants to take over the software belonging to Nio, people said.",
    ],
)
def test_it_reads_no_acquisition_from_products_sellers_ideas_or_denials(body, index):
    assert investments(body, index) == []


@pytest.mark.parametrize(
    "body",
    [
        "Stellantis will acquire Panasonic's battery plant in Ohio.",
        "Xiaomi is taking over BAIC's old factory in Beijing, the city said.",
        "Geely agreed to buy Renault's engine business for an undisclosed sum.",
    ],
)
def test_it_reads_a_plant_or_business_bought_from_its_owner_as_no_stake_in_it(body, index):
    assert investments(body, index) == []


def test_it_does_not_make_a_purchase_someone_is_going_to_make_an_agreed_partnership(index):
    body = "BAIC is going to buy Daimler, the paper said."
    found = extract(body, index, published=date(2024, 5, 1))
    assert [(f.investor, f.target) for f in found.investments] == [("BAIC", "Daimler")]
    assert all(t.status != "agreed" for t in found.talks)


def test_it_reads_the_worth_of_the_shares_a_company_buys_as_its_price(index):
    body = "The 20 million Panasonic shares that Toyota is buying are worth 31 billion yen."
    assert money(investments(body, index)) == [("Toyota", Decimal("31000000000"), "JPY")]


def test_it_reads_shares_of_a_company_bought_as_a_stake_in_it(index):
    assert investments("Nio will buy CATL shares, the two said.", index) == [
        ("Nio", "CATL", None, None, None, "stake")
    ]


@pytest.mark.parametrize(
    "second",
    [
        "Panasonic will buy Toyota shares of the same value.",
        "In return Panasonic will acquire Toyota shares worth the same amount.",
        "Panasonic is to take a 2% holding in Toyota for an equal sum.",
    ],
)
def test_it_gives_a_stake_the_same_amount_the_sentence_before_told(second, index):
    body = f"Toyota will pay 50 billion yen for a 5% stake in Panasonic. {second}"
    assert ("Panasonic", Decimal("50000000000"), "JPY") in money(investments(body, index))


@pytest.mark.parametrize(
    ("body", "investor", "target"),
    [
        ("Xiaomi has also invested in the Shanghai carmaker Nio, it said.", "Xiaomi", "Nio"),
        ("Geely will join Tencent as an early investor in CATL.", "Geely", "CATL"),
        ("Renault said it had put money into battery supplier CATL.", "Renault", "CATL"),
        ("BAIC is to make a strategic investment in Panasonic.", "BAIC", "Panasonic"),
    ],
)
def test_it_reads_money_put_into_a_company_with_no_terms_as_a_stake(body, investor, target, index):
    assert (investor, target, None, None, None, "stake") in investments(body, index)


@pytest.mark.parametrize(
    "body",
    [
        "Tencent, an early investor in Nio, reported higher profits on Monday.",
        "Toyota has backed Panasonic and invested in CATL over the years.",
        "Xiaomi had already invested in Nio before the listing.",
        "Daimler will invest in Geely's new electric unit.",
        "Stellantis did not invest in CATL, a spokesman said.",
        "Stellantis will invest in CATL. It will put 2 billion euros into CATL next year.",
    ],
)
def test_it_reads_no_bare_stake_from_holdings_in_passing_units_denials_or_sized_money(body, index):
    assert [f for f in investments(body, index) if f[2] is None and f[4] is None] == []


@pytest.mark.parametrize(
    "body",
    [
        "Nio has raised 250 million euros from a group of investors including Tencent.",
        "Nio raised $500 million in its latest round from Tencent, Geely and others.",
    ],
)
def test_it_keeps_a_round_total_shared_by_several_investors_as_unnamed_money(body, index):
    found = investments(body, index)
    assert any(f[0] is None and f[1] == "Nio" and f[2] is not None for f in found)
    assert ("Tencent", "Nio", None, None, None, "stake") in found


def test_it_leaves_a_sole_named_investors_round_to_that_investor(index):
    body = "Nio raised $75 million in a funding round from Tencent last week."
    assert [f for f in investments(body, index) if f[0] is None] == []


@pytest.mark.parametrize(
    ("body", "holder", "percent"),
    [
        ("Tencent will be the majority owner with 60%, while Geely holds the rest.", "Tencent", 60),
        (
            "Renault will hold 55% of the new firm, with Geely the minority partner at 45%.",
            "Geely",
            45,
        ),
        ("Tencent is now Nio's biggest shareholder with 12 percent.", "Tencent", 12),
    ],
)
def test_it_reads_an_owner_told_with_its_percentage(body, holder, percent, index):
    found = [f for f in investments(body, index) if f[0] == holder]
    assert [f[4] for f in found] == [Decimal(percent)]


@pytest.mark.parametrize(
    "body",
    [
        "Xiaomi said its founder is its largest shareholder, holding a 25 percent stake.",
        "Renault will remain the controlling shareholder with about 52%, Geely said.",
    ],
)
def test_it_reads_no_holding_for_a_person_or_one_kept(body, index):
    assert [f for f in investments(body, index) if f[4] is not None] == []


def test_it_keeps_money_a_company_sets_out_to_raise_as_from_unnamed_investors(index):
    body = "Nio is seeking to raise about $500 million for its battery unit, people said."
    assert money(investments(body, index)) == [(None, Decimal("5e8"), "USD")]


def test_it_leaves_money_raised_in_talks_with_a_named_investor_to_that_investor(index):
    body = "Nio was in talks with Tencent to raise as much as $1 billion, a paper said."
    assert [f for f in investments(body, index) if f[0] is None] == []


# --- what a holding is worth today and a company's own spending are no investment ---------


@pytest.mark.parametrize(
    "body",
    [
        "Tencent bought a 5% stake in Nio, a holding now worth between $1 billion and $3 billion.",
        "Tencent owns 5% of Nio, a stake currently valued at about $2 billion.",
    ],
)
def test_it_does_not_read_what_a_holding_is_worth_today_as_its_price(body, index):
    found = investments(body, index)
    assert found and all(f[2] is None for f in found)


@pytest.mark.parametrize(
    "purpose", ["electrification and software", "research and development", "R&D"]
)
def test_it_does_not_read_a_company_s_own_development_spend_as_a_pledge(purpose, index):
    body = f"Toyota said it will spend about 4 trillion yen on {purpose} by 2030."
    assert investments(body, index) == []


def test_it_still_reads_a_pledge_to_build_a_plant(index):
    body = "Toyota said it will spend about 400 billion yen on a battery plant by 2030."
    assert money(investments(body, index)) == [("Toyota", Decimal("400000000000"), "JPY")]


def test_it_reads_it_opening_a_sentence_as_the_investor_just_told(index):
    body = (
        "Xiaomi agreed to buy a 30% stake in BAIC. It has already put 2 billion yuan into BAIC "
        "and will pay a further 3 billion yuan next year."
    )
    assert money(investments(body, index)) == [
        ("Xiaomi", Decimal("2000000000"), "CNY"),
        ("Xiaomi", Decimal("3000000000"), "CNY"),
    ]


# --- sizes, thresholds, repayments, per-share prices and value in kind are no money put in ---


@pytest.mark.parametrize(
    "body",
    [
        "Toyota priced its new hybrid at 99,800 yuan, under the 100,000 yuan threshold.",
        "Geely will pay back creditors 16.4 billion yuan in installments.",
        "Renault and Nissan held merger talks to create a $60 billion automotive group.",
        "Tencent is an investor in Xiaomi's $10bn Growth Fund, which invests in startups.",
        "Tesla said the Saudi fund would pay for its $420-a-share buyout plan.",
        "Xiaomi will issue 12 million of its own equity shares of face value 5 yuan each to BAIC.",
        "BAIC is to contribute land and equipment worth 7.6 billion yuan to the project.",
    ],
)
def test_it_does_not_read_a_size_a_threshold_a_repayment_or_value_in_kind_as_money(body, index):
    assert money(investments(body, index)) == []


def test_it_still_reads_cash_put_in_beside_value_in_kind(index):
    body = (
        "Geely is to put 7.9 billion yuan in cash into the business, while BAIC would "
        "contribute assets and technologies worth 7.6 billion yuan."
    )
    assert money(investments(body, index)) == [("Geely", Decimal("7900000000"), "CNY")]


def test_it_still_reads_shares_worth_an_amount_as_a_price(index):
    body = "Toyota will acquire shares of Panasonic worth 96 billion yen."
    assert money(investments(body, index)) == [("Toyota", Decimal("96000000000"), "JPY")]


def test_it_drops_the_terms_of_a_story_the_investor_rejects(index):
    body = (
        "Geely has rejected a Reuters story saying it and BAIC are forming a $3 billion joint "
        "venture to build cars in India."
    )
    assert money(investments(body, index)) == []


def test_it_reads_the_subject_of_the_second_clause_as_its_investor(index):
    body = (
        "Under the alliance, Toyota would acquire shares of Panasonic worth 96 billion yen, and "
        "Panasonic would buy Toyota shares worth 48 billion yen in the market."
    )
    assert money(investments(body, index)) == [
        ("Panasonic", Decimal("48000000000"), "JPY"),
        ("Toyota", Decimal("96000000000"), "JPY"),
    ]


def test_it_keeps_a_listed_subject_after_a_comma_and(index):
    body = "Renault, BAIC, and Geely will each invest 1 billion euros in the venture."
    assert money(investments(body, index)) == [
        ("BAIC", Decimal("1000000000"), "EUR"),
        ("Geely", Decimal("1000000000"), "EUR"),
        ("Renault", Decimal("1000000000"), "EUR"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Renault has announced it will slash its holding in partner Geely.",
        "The deal also sees BAIC sell all of its holding in Daimler.",
        "Tencent plans to reduce its stake in Nio over the coming months.",
    ],
)
def test_it_does_not_read_a_holding_given_up_without_a_size_as_a_stake(body, index):
    assert investments(body, index) == []


def test_it_still_reads_a_holding_sold_to_a_named_buyer(index):
    body = "BAIC agreed to sell its holding in Daimler to Geely."
    assert [(f[0], f[1]) for f in investments(body, index)] == [("Geely", "Daimler")]


def test_it_still_reads_the_stake_a_seller_is_left_with(index):
    body = "Renault will cut its stake in Geely to 15%."
    assert [(f[0], f[4]) for f in investments(body, index)] == [("Renault", Decimal("15"))]


def test_it_keeps_only_the_sized_stake_when_the_holding_is_told_twice(index):
    body = (
        "BAIC now holds 5% of Daimler, the German carmaker said on Friday. Reports emerged "
        "earlier this year that BAIC was buying Daimler shares on the open market."
    )
    found = investments(body, index)
    assert [(f[0], f[1], f[4]) for f in found] == [("BAIC", "Daimler", Decimal("5"))]


def test_it_keeps_a_bare_stake_in_another_target(index):
    body = "BAIC holds 5% of Daimler. BAIC also took a stake in Geely last year."
    found = investments(body, index)
    assert [(f[0], f[1], f[4]) for f in found] == [
        ("BAIC", "Daimler", Decimal("5")),
        ("BAIC", "Geely", None),
    ]


def test_it_gives_each_partner_half_of_an_equal_venture_between_them(index):
    body = "One major deal was a 50:50 joint venture between Renault and Geely in Indonesia."
    found = investments(body, index)
    assert [(f[0], f[4], f[5]) for f in found] == [
        ("Geely", Decimal("50"), "joint_venture"),
        ("Renault", Decimal("50"), "joint_venture"),
    ]


def test_it_gives_each_founder_half_of_an_equal_venture_they_form(index):
    body = "Renault and Geely are forming a 50-50 hybrid engine joint venture valued at $7 billion."
    found = investments(body, index)
    assert [(f[0], f[4], f[5]) for f in found if f[4]] == [
        ("Geely", Decimal("50"), "joint_venture"),
        ("Renault", Decimal("50"), "joint_venture"),
    ]


@pytest.mark.parametrize(
    ("body", "percent", "target"),
    [
        ("Toyota and Daimler said each will own a quarter of the holding company.", "25", None),
        (
            "Renault, Nissan and Geely set up a venture. Each of them will hold 9.1% of it.",
            "9.1",
            None,
        ),
        (
            "Renault and Geely will talk. Each of the two carmakers would end up with a 50 percent "
            "stake in Nissan.",
            "50",
            "Nissan",
        ),
    ],
)
def test_it_gives_the_same_share_to_each_company_of_a_list(body, percent, target, index):
    found = investments(body, index)
    assert {f[4] for f in found} == {Decimal(percent)}
    assert {f[1] for f in found} == {target}
    assert len(found) == len({f[0] for f in found}) >= 2


def test_it_leaves_out_a_share_each_that_would_sum_past_the_whole(index):
    body = "Renault, Nissan and Geely set up a venture. Each of them will hold 40% of it."
    assert investments(body, index) == []


def test_it_puts_a_partners_venture_share_onto_the_money_it_puts_in(index):
    body = (
        "Renault and Geely will each put $5 billion into a battery joint venture. "
        "Renault and Geely will each own 50 percent of the venture."
    )
    found = investments(body, index)
    assert sorted((f[0], f[2], f[4]) for f in found) == [
        ("Geely", Decimal("5000000000"), Decimal("50")),
        ("Renault", Decimal("5000000000"), Decimal("50")),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Daimler bought into BAIC, its Chinese partner, in 2013 for 5 billion yuan.",
        "Renault and Geely first announced the venture for a $2.3 billion plant in December 2019.",
    ],
)
def test_it_leaves_out_a_deal_dated_years_before_the_article(body, index):
    assert investments(body, index) == []


def test_it_keeps_a_deal_done_now_under_an_older_agreement(index):
    body = (
        "Toyota said Wednesday it has bought a 0.3% stake in Panasonic for about 70 billion yen, "
        "under a tie-up the two companies agreed in 2019."
    )
    assert money(investments(body, index)) == [("Toyota", Decimal("70000000000"), "JPY")]


def test_it_reads_no_investor_in_a_group_told_by_its_examples(index):
    body = (
        "Chinese EV makers including Geely and BAIC, among others, have poured more than "
        "102 billion baht into the country in recent years."
    )
    assert investments(body, index) == []


def test_it_still_reads_the_subject_after_according_to(index):
    body = "According to Nio, Volkswagen has bought 4.99% of its shares for around $705.6 million."
    assert money(investments(body, index)) == [("Volkswagen", Decimal("705600000"), "USD")]


@pytest.mark.parametrize(
    "body",
    [
        "Renault holds a minority stake in fellow carmaker Geely.",
        "The report added that Tencent owns a stake in Nio and in several other startups.",
    ],
)
def test_it_leaves_out_an_existing_holding_told_without_a_size(body, index):
    assert investments(body, index) == []


def test_it_still_reads_an_existing_holding_with_its_size(index):
    body = "Renault holds a 15% stake in Geely."
    assert [(f[0], f[1], f[4]) for f in investments(body, index)] == [
        ("Renault", "Geely", Decimal("15"))
    ]


def test_it_does_not_read_an_interest_in_something_as_a_stake(index):
    body = "Volkswagen's interest in Geely's pickup know-how became plain last fall."
    assert investments(body, index) == []


@pytest.mark.parametrize(
    "body",
    [
        "Geely will take a controlling interest in Daimler.",
        "Geely holds a 30% interest in Daimler.",
    ],
)
def test_it_still_reads_an_ownership_interest_as_a_stake(body, index):
    assert [(f[0], f[1]) for f in investments(body, index)] == [("Geely", "Daimler")]


def test_it_reads_the_latter_as_the_second_company_named(index):
    body = (
        "The report said Geely and Daimler had held preliminary talks about Geely acquiring "
        "10%-20% of the latter."
    )
    found = investments(body, index)
    assert [(f[0], f[1], f[4]) for f in found] == [("Geely", "Daimler", Decimal("20"))]


def test_it_reads_no_investor_in_the_owner_of_a_funding_round(index):
    body = "Geely's investment forms part of Xiaomi's latest $1 billion funding round."
    assert money(investments(body, index)) == []


def test_it_still_reads_the_owner_of_an_investment(index):
    body = "The plant is part of Toyota's $2 billion investment in the region."
    assert money(investments(body, index)) == [("Toyota", Decimal("2000000000"), "USD")]


def test_it_keeps_the_currency_first_stated_for_a_deal_restated(index):
    body = (
        "Xiaomi has secured a strategic investment of about $500 million from Geely. "
        "The investment carries total consideration of HK$3,889,723,903."
    )
    assert money(investments(body, index)) == [("Geely", Decimal("500000000"), "USD")]


def test_it_still_reads_tranches_of_a_deal_in_its_own_currency(index):
    body = (
        "Geely will invest $2.75 billion in Xiaomi. The money comprises $750 million up front "
        "and a further $2 billion over the next 12 years."
    )
    assert money(investments(body, index)) == [
        ("Geely", Decimal("750000000"), "USD"),
        ("Geely", Decimal("2000000000"), "USD"),
        ("Geely", Decimal("2750000000"), "USD"),
    ]


def test_it_drops_a_rumoured_stake_the_target_denies(index):
    body = (
        "Geely may soon take a controlling interest in Xiaomi, according to a report by a local "
        "broadcaster. Xiaomi denied the report, calling it baseless."
    )
    assert investments(body, index) == []


def test_it_gives_each_company_of_a_listed_subject_a_stake_without_size(index):
    body = "Xiaomi, BAIC, Geely and CATL will acquire shareholding in Nio, the filing said."
    found = investments(body, index)
    assert sorted(f[0] for f in found) == ["BAIC", "CATL", "Geely", "Xiaomi"]
    assert {f[1] for f in found} == {"Nio"}


def test_it_reads_the_owner_of_the_rest_after_a_description(index):
    body = (
        "Renault holds 60 percent of the venture and Geely 25 percent. The remaining 15 percent "
        "belongs to the state-owned Tencent."
    )
    found = investments(body, index)
    assert ("Tencent", Decimal(15)) in {(f[0], f[4]) for f in found}


def test_it_gives_each_listed_company_its_share_told_respectively(index):
    body = (
        "Renault and Geely will set up a joint venture, with Renault and Geely holding "
        "60 and 40 percent respectively."
    )
    found = {(f[0], f[4], f[5]) for f in investments(body, index)}
    assert found >= {
        ("Renault", Decimal(60), "joint_venture"),
        ("Geely", Decimal(40), "joint_venture"),
    }


def test_it_reads_the_carmakers_as_the_pair_an_earlier_sentence_opens_with(index):
    body = (
        "Renault and Daimler have revised their partnership so that they can trim their "
        "cross-shareholdings. Under the new agreement, the carmakers will be able to cut their "
        "current 15% cross-shareholdings to 10%."
    )
    found = {(f[0], f[1], f[4]) for f in investments(body, index)}
    assert found == {("Renault", "Daimler", Decimal(10)), ("Daimler", "Renault", Decimal(10))}


def test_it_gives_a_combined_stake_for_sale_to_the_first_seller_only(index):
    body = "Toyota, Geely and Renault intend to sell a combined stake of 12.5% in Nio."
    assert [f[0] for f in investments(body, index)] == ["Toyota"]


@pytest.mark.parametrize("share", ["a minority share", "a 20% share", "a controlling share"])
def test_it_reads_a_sized_share_in_a_company_as_a_stake(index, share):
    found = investments(f"Daimler intends to buy {share} in Nio.", index)
    assert [(f[0], f[1]) for f in found] == [("Daimler", "Nio")]


def test_it_does_not_take_shares_in_a_market_for_a_stake(index):
    assert investments("Nio has grown its share in the market this year.", index) == []


def test_it_reads_the_cost_of_a_site_to_be_built_as_a_pledge(index):
    body = "Geely will build a €1.2 billion ($1.3 billion) assembly plant in Slovenia."
    assert money(investments(body, index)) == [("Geely", Decimal("1200000000"), "EUR")]


def test_it_leaves_a_site_being_built_told_in_passing(index):
    assert investments("Nio is building a $4 billion factory in Hefei.", index) == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("set aside W74.5b", "74500000000", "KRW"),
        ("capital of 18.6 trillion Rp", "18600000000000", "IDR"),
    ],
)
def test_it_reads_won_and_rupiah_as_korean_and_indonesian_outlets_write_them(text, value, currency):
    assert [(a.value, a.currency) for a in find_amounts(text)] == [(Decimal(value), currency)]


def test_it_does_not_read_a_model_code_as_won():
    assert find_amounts("the W223 S-Class and the W206 C-Class") == []


def test_it_reads_a_subscription_to_new_shares_as_a_stake(index):
    found = investments("Toyota will subscribe to new shares of Nio, the companies said.", index)
    assert [(f[0], f[1]) for f in found] == [("Toyota", "Nio")]


@pytest.mark.parametrize(
    "body",
    [
        "Geely has taken a 9.7% position in Daimler.",
        "Geely raised its ownership in Daimler to 9.7%.",
    ],
)
def test_it_reads_a_position_or_ownership_as_a_stake(index, body):
    assert [(f[0], f[1], f[4]) for f in investments(body, index)] == [
        ("Geely", "Daimler", Decimal("9.7"))
    ]


def test_it_reads_the_agents_of_a_pledge_before_its_verb(index):
    body = (
        "The plant is part of a pledge by Toyota and Panasonic to invest as much as $9.8 billion."
    )
    assert money(investments(body, index)) == [
        ("Panasonic", Decimal("9800000000"), "USD"),
        ("Toyota", Decimal("9800000000"), "USD"),
    ]


def test_it_reads_the_subject_of_a_second_clause_joined_by_and(index):
    body = "Once the deal is done, Nio will own 10% and Geely will keep 90% of Xpeng."
    found = {(f[0], f[4]) for f in investments(body, index)}
    assert found == {("Nio", Decimal(10)), ("Geely", Decimal(90))}


@pytest.mark.parametrize(
    "body",
    [
        "Renault and Geely will hold 20 percent each in the venture.",
        "The venture will be 60% owned by Nio, with Renault and Geely holding 20 percent each.",
    ],
)
def test_it_gives_each_company_its_share_told_with_each(index, body):
    found = {(f[0], f[4]) for f in investments(body, index)}
    assert found >= {("Renault", Decimal(20)), ("Geely", Decimal(20))}


def test_it_reads_a_number_of_a_companys_shares_bought_as_a_stake(index):
    found = investments("Toyota will buy 24 million Xiaomi shares from a fund.", index)
    assert [(f[0], f[1]) for f in found] == [("Toyota", "Xiaomi")]


def test_it_takes_no_company_after_subsidiaries_for_the_stakes_target(index):
    body = "Nio has been selling stakes in other subsidiaries to keep the carmaker going."
    assert investments(body, index) == []


@pytest.mark.parametrize(
    ("body", "amount"),
    [
        (
            "Honda's investment puts Nio's value at $14.6bn, a third of Toyota's $48.5bn market "
            "capitalisation.",
            "48500000000",
        ),
        ("Nio, which belongs to the USD 19.4 billion Geely Group, will build cars.", "19400000000"),
        (
            "Nio said Toyota has invested $500 million in it, about half of Nio's newest "
            "$1 billion venture funding round.",
            "1000000000",
        ),
        ("Nio would draw in more than US$150 million of foreign direct investment.", "150000000"),
    ],
)
def test_it_reads_no_money_put_in_from_sizes_values_and_rounds_raised(index, body, amount):
    assert Decimal(amount) not in {f[2] for f in investments(body, index)}


@pytest.mark.parametrize(
    "body",
    ["Toyota provided $500 million to Nio.", "Toyota has also promised to give Nio $500 million."],
)
def test_it_reads_money_provided_or_given_to_a_company(index, body):
    assert money(investments(body, index)) == [("Toyota", Decimal("500000000"), "USD")]


def test_it_keeps_a_stake_bought_on_the_open_market(index):
    body = "Geely bought a 9.7 percent stake in Daimler through open-market purchases."
    assert [(f[0], f[1], f[4]) for f in investments(body, index)] == [
        ("Geely", "Daimler", Decimal("9.7"))
    ]


@pytest.mark.parametrize(
    ("body", "percent"),
    [
        ("Toyota will become Nio's largest shareholder with a 20% stake.", Decimal(20)),
        ("Toyota will become Nio's largest shareholder, with about 21%.", Decimal(21)),
        ("Toyota will become the second-largest shareholder in Nio.", None),
        (
            "Toyota has become the largest shareholder of Chinese electric carmaker Nio, taking "
            "a 26.5% stake, Nio said.",
            Decimal("26.5"),
        ),
    ],
)
def test_it_reads_becoming_a_companys_largest_shareholder_as_a_stake(index, body, percent):
    assert [(f[0], f[1], f[4]) for f in investments(body, index)] == [("Toyota", "Nio", percent)]


def test_it_leaves_a_largest_shareholder_told_in_passing(index):
    assert investments("Toyota is already the largest shareholder in Nio.", index) == []


def test_it_reads_money_lent_to_a_company_as_put_in(index):
    body = "Toyota will lend $300 million to Nio to keep its plant running."
    assert money(investments(body, index)) == [("Toyota", Decimal("300000000"), "USD")]


@pytest.mark.parametrize("descriptor", ["state-owned carmaker", "state-backed investor"])
def test_it_reads_a_hyphenated_descriptor_as_no_verb_before_the_subject(index, descriptor):
    body = f"Nio said on Monday that {descriptor} Geely will take a strategic stake in Xpeng."
    assert [(f[0], f[1]) for f in investments(body, index)] == [("Geely", "Xpeng")]


@pytest.mark.parametrize(
    "body",
    [
        "Toyota-backed Nio will invest $100 million in a plant.",
        "The Toyota-owned EV maker Nio plans to invest $100 million in a plant.",
    ],
)
def test_it_takes_no_company_inside_a_describing_compound_for_the_subject(index, body):
    assert money(investments(body, index)) == [("Nio", Decimal("100000000"), "USD")]


def test_it_gives_tranches_told_after_a_colon_to_the_same_investor(index):
    body = "Volkswagen will invest up to $5 billion in Nio: $1 billion now and $4 billion later."
    assert money(investments(body, index)) == [
        ("Volkswagen", Decimal("1000000000"), "USD"),
        ("Volkswagen", Decimal("4000000000"), "USD"),
        ("Volkswagen", Decimal("5000000000"), "USD"),
    ]


def test_it_reads_a_named_holder_after_in_which(index):
    body = (
        "Nio, Geely and Toyota will form a new joint venture, in which Toyota will hold 80% "
        "and Nio and Geely 10% each."
    )
    found = {(f[0], f[4]) for f in investments(body, index)}
    assert found == {("Toyota", Decimal(80)), ("Nio", Decimal(10)), ("Geely", Decimal(10))}


def test_it_takes_a_price_for_every_share_for_no_investment(index):
    body = (
        "Volkswagen will put $700 million into Nio for a 5 percent stake, paying $15 for every "
        "new share."
    )
    assert money(investments(body, index)) == [("Volkswagen", Decimal("700000000"), "USD")]


@pytest.mark.parametrize(
    "body",
    [
        "Toyota plans to raise its stake in Nio above 20% from roughly 17%.",
        "Toyota is lifting its holding in Nio to more than 20% from about 17% now.",
    ],
)
def test_it_reads_the_size_a_stake_is_raised_to_after_the_company(index, body):
    assert [(f[0], f[1], f[4]) for f in investments(body, index)] == [
        ("Toyota", "Nio", Decimal(20))
    ]


def test_it_reads_no_size_from_a_stake_not_to_be_raised(index):
    body = "Geely does not plan to raise its stake in Daimler above 10%, the company said."
    assert all(f[4] is None for f in investments(body, index))


def headline_investments(title, body, index):
    found = extract(body, index, published=date(2024, 5, 1), title=title).investments
    return [
        (f.investor, f.target, f.amount or f.stake_percent, body[f.start : f.end]) for f in found
    ]


def test_it_takes_a_stake_from_the_headline_when_the_body_describes_the_investor(index):
    title = "Chinese carmaker Geely takes 7.6% stake in Nio"
    body = (
        "One of China's largest independent carmakers has acquired a 7.6% stake in the Chinese "
        "electric carmaker. It says it is keen to explore ways of working together."
    )
    assert headline_investments(title, body, index) == [
        (
            "Geely",
            "Nio",
            Decimal("7.6"),
            "One of China's largest independent carmakers has acquired a 7.6% stake in the "
            "Chinese electric carmaker.",
        )
    ]


def test_it_takes_no_headline_stake_the_body_does_not_repeat(index):
    title = "Chinese carmaker Geely takes 7.6% stake in Nio"
    body = "One of China's largest carmakers has bought into the electric carmaker."
    assert headline_investments(title, body, index) == []


def test_it_keeps_the_bodys_reading_of_an_investor_the_headline_names(index):
    title = "Geely buys 10% of Nio"
    body = "Geely will pay $2 billion for 10% of Nio, the companies said."
    assert [(f[0], f[2]) for f in headline_investments(title, body, index)] == [
        ("Geely", Decimal("2000000000"))
    ]


@pytest.mark.parametrize(
    "body",
    [
        "CATL will build the country's first battery gigafactory at a cost of $1.3 billion.",
        "CATL will develop an integrated battery project at an investment cost of $1.3 billion.",
        "CATL will build a battery plant costing $1.3 billion in Morocco.",
    ],
)
def test_it_reads_a_new_sites_cost_told_after_the_site_as_a_pledge(index, body):
    assert money(investments(body, index)) == [("CATL", Decimal("1300000000"), "USD")]


def test_it_takes_a_products_price_for_no_pledge(index):
    body = "The new car, costing $30,000, will go on sale in May, Nio said."
    assert investments(body, index) == []


@pytest.mark.parametrize(
    ("body", "amount", "currency"),
    [
        ("Nio has raised $400 million from a group of investors it did not name.", "4e8", "USD"),
        ("Nio has closed a $530-million Series C round, the company said.", "5.3e8", "USD"),
        (
            "Nio said it had raised 10 billion yuan ($1.47 billion) in its latest round.",
            "1e10",
            "CNY",
        ),
    ],
)
def test_it_keeps_a_rounds_money_from_investors_it_does_not_name(body, amount, currency, index):
    found = extract(body, index, published=date(2024, 5, 1))
    [raised] = found.investments
    assert (raised.investor, raised.target, raised.amount, raised.currency, raised.kind) == (
        None,
        "Nio",
        Decimal(amount),
        currency,
        "stake",
    )
    assert found.talks == []  # no one to talk with


@pytest.mark.parametrize(
    "body",
    [
        "Nio raised $1 billion from Tencent in a funding round.",
        "Nio raised $1 billion from Tencent and Geely in a funding round.",
        "In 2019, Nio raised $1 billion in a funding round.",
    ],
)
def test_it_leaves_a_round_to_its_named_investors_or_to_the_past(body, index):
    assert all(fact[0] is not None for fact in investments(body, index))


@pytest.mark.parametrize(
    ("body", "amount", "currency"),
    [
        ("Nio opened its new plant. The plant cost RM82 million to build.", "8.2e7", "MYR"),
        (
            "Nio broke ground in Anhui. The plant, with an initial investment of around 200 "
            "million USD, will build 50,000 cars a year.",
            "2e8",
            "USD",
        ),
        (
            "Nio said talks were in their final stage. It had looked at Bulgaria too.\n"
            "The €1.3 billion ($1.4 billion) plant will have a capacity of 300,000 cars.",
            "1.3e9",
            "EUR",
        ),
    ],
)
def test_it_reads_a_sites_cost_as_its_builders_pledge(body, amount, currency, index):
    assert money(investments(body, index)) == [("Nio", Decimal(amount), currency)]


def test_it_leaves_a_sites_cost_to_no_one_when_two_companies_build_it(index):
    body = "Toyota and Geely picked Alabama. The plant is expected to cost $1.6 billion."
    assert investments(body, index) == []


@pytest.mark.parametrize(
    "body",
    [
        "Geely is seeking a holding of roughly 25% to 35% in the Renault unit.",
        "Geely wants a stake of 25 per cent to 35 per cent in the Renault unit.",
        "Geely is set to pick up a 25%-35% stake in the Renault unit.",
    ],
)
def test_it_reads_a_range_of_percentages_at_its_top(body, index):
    assert [f[4] for f in investments(body, index) if f[0] == "Geely"] == [Decimal("35")]


@pytest.mark.parametrize(
    "body, amount, currency",
    [
        (
            "Nio has raised $300 million in a Series D round, which was led by Tencent.",
            "3e8",
            "USD",
        ),
        (
            "Nio said it had raised 90 million euros in its latest round, led by Tencent.",
            "9e7",
            "EUR",
        ),
    ],
)
def test_it_gives_a_rounds_money_to_its_sole_named_lead(body, amount, currency, index):
    assert money(investments(body, index)) == [("Tencent", Decimal(amount), currency)]


@pytest.mark.parametrize(
    "body",
    [
        "Nio has taken in $400 million in a fresh round from Tencent and Geely.",
        "Nio closed a $400 million round led by Tencent, carmaker Geely and CATL.",
    ],
)
def test_it_gives_a_rounds_money_to_each_investor_it_is_told_to_come_from(body, index):
    found = investments(body, index)
    assert {f[0] for f in found if f[2] == Decimal("4e8")} >= {"Geely", "Tencent"}
    assert [f for f in found if f[0] is None] == []


def test_it_reads_the_price_of_the_deal_told_in_the_next_sentence(index):
    body = (
        "Geely has agreed to buy a 9% stake in Daimler from its founders. "
        "The purchase price is 7 billion euros, the company said."
    )
    assert money(investments(body, index)) == [("Geely", Decimal("7e9"), "EUR")]


@pytest.mark.parametrize(
    "body",
    [
        "Via its Indian arm, Toyota controls roughly 30 percent of the country's passenger vehicle "
        "sales.",
        "Chairman Li said Geely wants to supply parts to 15% of the world's EVs by 2030.",
    ],
)
def test_it_reads_no_stake_in_a_share_of_a_market(body, index):
    assert [f for f in investments(body, index) if f[4] is not None] == []


def test_it_gives_money_raised_from_two_named_companies_to_both(index):
    body = "Nio said it had raised $250 million from carmakers Geely and Renault."
    assert money(investments(body, index)) == [
        ("Geely", Decimal("2.5e8"), "USD"),
        ("Renault", Decimal("2.5e8"), "USD"),
    ]


def test_it_leaves_a_rounds_money_to_no_one_when_others_join_the_lead(index):
    body = "Nio raised $300 million in a round led by Tencent, with Geely also taking part."
    assert money(investments(body, index)) == [(None, Decimal("3e8"), "USD")]


@pytest.mark.parametrize(
    "body",
    [
        "Renault is forming a venture, in which Geely will own a 55% stake, to build engines.",
        "Geely will control the planned joint venture with a 55 percent stake.",
    ],
)
def test_it_reads_a_bare_stake_in_a_venture_as_its_share(body, index):
    assert [(f[0], f[4], f[5]) for f in investments(body, index) if f[0] == "Geely"] == [
        ("Geely", Decimal("55"), "joint_venture")
    ]


def test_it_leaves_a_bare_stake_sold_in_a_venture_to_the_sale_rules(index):
    body = "Renault sold its holding in the venture, a 55 percent stake."
    assert [f for f in investments(body, index) if f[4] == Decimal("55")] == []


@pytest.mark.parametrize(
    "body",
    [
        "Geely has sounded out Renault about taking a minority stake, two bankers said.",
        "Geely is reported to have approached Renault over a possible stake.",
        "Geely held talks with Renault on acquiring a 12 percent stake.",
    ],
)
def test_it_reads_a_stake_in_the_company_approached_about_one(body, index):
    assert [(f[0], f[1], f[5]) for f in investments(body, index)] == [("Geely", "Renault", "stake")]


def test_it_gives_money_put_in_together_the_share_each_side_holds(index):
    body = "Geely and Renault will put $2 billion into the venture, with each partner holding 50%."
    found = investments(body, index)
    assert [(f[0], f[2], f[4]) for f in found] == [
        ("Geely", Decimal("2e9"), Decimal("50")),
        ("Renault", Decimal("2e9"), Decimal("50")),
    ]


def test_it_leaves_out_money_told_as_services_or_resources_put_in(index):
    body = (
        "Geely will contribute $900 million in cash and $250 million of design services and "
        "testing resources to the new venture."
    )
    assert money(investments(body, index)) == [("Geely", Decimal("9e8"), "USD")]


@pytest.mark.parametrize(
    "body",
    [
        "Renault turned down a proposal from Geely to acquire a stake of about 8 percent.",
        "Renault has rebuffed Geely's bid for a stake of about 8 percent in the carmaker.",
    ],
)
def test_it_gives_a_stake_offered_for_to_the_one_making_the_offer(body, index):
    assert [(f[0], f[1], f[4]) for f in investments(body, index)] == [
        ("Geely", "Renault", Decimal("8"))
    ]


def test_it_reads_each_share_in_a_sentence_naming_no_company(index):
    body = (
        "Geely, Renault, Nio and Xiaomi will found a research body in Spain. "
        "Each of them will hold 25% of its capital."
    )
    assert sorted((f[0], f[4]) for f in investments(body, index)) == [
        ("Geely", Decimal("25")),
        ("Nio", Decimal("25")),
        ("Renault", Decimal("25")),
        ("Xiaomi", Decimal("25")),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "In return, Nio will pick up about $120 million worth of Geely shares.",
        "Nio also snapped up Geely stock worth $120 million last week.",
    ],
)
def test_it_reads_picking_up_shares_as_buying_them(body, index):
    assert money(investments(body, index)) == [("Nio", Decimal("1.2e8"), "USD")]


def test_it_does_not_read_brands_a_company_owns_as_a_rounds_investors(index):
    body = (
        "Geely, whose brands include Renault and Nio, said Xiaomi had raised $50 million "
        "in a funding round."
    )
    assert [f for f in investments(body, index) if f[0] in ("Renault", "Nio")] == []


@pytest.mark.parametrize(
    "body", ["Nio will be acquired by Geely, the two said.", "Nio is being bought by Geely."]
)
def test_it_reads_the_buyer_of_a_passive_acquisition_after_by(body, index):
    assert [(f[0], f[1]) for f in investments(body, index)] == [("Geely", "Nio")]


@pytest.mark.parametrize(
    "body, percent, amount",
    [
        ("Xiaomi is expected to sell a 30 per cent stake to Geely, a newspaper said.", "30", None),
        ("Xiaomi could sell a 10-12% stake to Geely to raise $400 million.", "12", "4e8"),
        ("Xiaomi plans to issue fresh shares to Geely in a private placement.", None, None),
    ],
)
def test_it_reads_shares_a_company_sells_or_issues_to_another(body, percent, amount, index):
    found = investments(body, index)
    assert [(f[0], f[1], f[2], f[4]) for f in found] == [
        (
            "Geely",
            "Xiaomi",
            Decimal(amount) if amount else None,
            Decimal(percent) if percent else None,
        )
    ]


def test_it_leaves_out_a_sum_too_small_to_be_money_put_in(index):
    body = "Nio (up 3.1% at 41.20 dollars) could bring Geely into the capital of its battery arm."
    assert money(investments(body, index)) == []
    body = "Nio will spend 750 dollars on each charging post it installs."
    assert money(investments(body, index)) == []


@pytest.mark.parametrize(
    "body",
    [
        "The bank lent the money on condition that Geely keeps more than 40% of Proton.",
        "The covenants require Geely to hold at least 40 percent of Proton.",
        "As long as Geely owns 40% of Proton, it may name the chairman.",
    ],
)
def test_it_does_not_read_a_holding_set_as_a_condition_as_a_stake(body, index):
    assert investments(body, index) == []


def test_it_leaves_money_put_in_by_a_person_named_with_who_to_no_company(index):
    body = "Xiaomi's latest money came from the banker Wu Wei, who put in $80 million."
    assert money(investments(body, index)) == []


@pytest.mark.parametrize(
    "body",
    [
        "Officials say Nio could draw as much as $200 million of foreign investment to Hefei.",
        "Nio has attracted $200 million in fresh money this year, its chairman said.",
    ],
)
def test_it_reads_money_a_company_draws_in_as_received_not_put_in(body, index):
    assert [f for f in investments(body, index) if f[0] == "Nio"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a plant costing 80 billion yen (over $520 million)", [(Decimal(80e9), "JPY")]),
        ("a deal of €3bn (more than $3.2bn) in all", [(Decimal(3e9), "EUR")]),
        ("a line worth 12 billion Thai baht in Rayong", [(Decimal(12e9), "THB")]),
    ],
)
def test_it_drops_a_conversion_told_as_over_or_more_than_and_reads_country_currencies(
    text, expected
):
    assert [(a.value, a.currency) for a in find_amounts(text)] == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Geely would take a stake of about seven percent in Renault, the paper said.",
            ("Geely", "Renault", None, None, Decimal(7), "stake"),
        ),
        (
            "CATL is buying a twenty per cent stake in Nio.",
            ("CATL", "Nio", None, None, Decimal(20), "stake"),
        ),
        (
            "Tencent will pay $900 million for a ten percent stake in Nio.",
            ("Tencent", "Nio", Decimal(900_000_000), "USD", Decimal(10), "stake"),
        ),
    ],
)
def test_it_reads_a_stake_percentage_told_in_words(body, expected, index):
    assert expected in investments(body, index)


@pytest.mark.parametrize(
    "body",
    [
        "The new money brings Nio's total funding to $2.4 billion.",
        "To date Nio has raised about $900 million across four rounds of funding.",
        "Nio has raised $900 million from investors since its founding.",
        "Panasonic is committed to the plant, where investment so far totals $700 million.",
    ],
)
def test_it_leaves_out_what_a_company_has_raised_over_its_life(body, index):
    assert money(investments(body, index)) == []


def test_it_reads_round_participants_with_an_aside_before_their_verb(index):
    body = (
        "Nio has raised $500 million in a new funding round. Tencent and CATL, a long-time "
        "backer, also joined the round."
    )
    found = investments(body, index)
    assert ("CATL", "Nio", None, None, None, "stake") in found
    assert ("Tencent", "Nio", None, None, None, "stake") in found


@pytest.mark.parametrize(
    "second",
    [
        "Pension firms Tencent and CATL also took part in the equity raise.",
        "Existing shareholders including Tencent and CATL also took part.",
    ],
)
def test_it_reads_participants_of_an_equity_raise_or_among_shareholders(second, index):
    body = "Nio has raised $1 billion in new equity from a group of funds. " + second
    found = investments(body, index)
    assert ("CATL", "Nio", None, None, None, "stake") in found
    assert ("Tencent", "Nio", None, None, None, "stake") in found


def test_it_gives_each_company_of_a_list_its_amount_told_respectively(index):
    body = (
        "Tencent and its sister investor CATL will put $45 million and $15 million, "
        "respectively, into Nio."
    )
    found = money(investments(body, index))
    assert found == [("CATL", Decimal(15_000_000), "USD"), ("Tencent", Decimal(45_000_000), "USD")]


def test_it_takes_no_investor_from_the_members_of_a_group_told_in_passing(index):
    body = (
        "By one account, the money forms part of a plan set out earlier by the Volkswagen Group, "
        "which includes Daimler, Renault and Nio, to invest $12 billion in batteries by 2030."
    )
    members = ("Daimler", "Renault", "Nio")
    assert [f for f in investments(body, index) if f[0] in members] == []


def test_it_takes_no_owner_from_the_means_after_by(index):
    body = "Geely has quietly built up a holding of about 9 percent by purchasing Renault shares."
    assert [f for f in investments(body, index) if f[0] == "Renault"] == []


def test_it_reads_a_company_told_as_worth_an_amount_as_no_investment(index):
    body = (
        "Geely had put forward a tie-up with Renault that would have formed Europe's "
        "second-biggest carmaker, worth nearly $50 billion."
    )
    assert money(investments(body, index)) == []


def test_it_gives_each_partners_money_its_half_of_an_equally_owned_venture(index):
    body = "Toyota and Panasonic will each put $1 billion into a 50-50 joint venture."
    assert [(f[0], f[2], f[4]) for f in investments(body, index)] == [
        ("Panasonic", Decimal("1000000000"), Decimal(50)),
        ("Toyota", Decimal("1000000000"), Decimal(50)),
    ]
    unsized = "Toyota will set up a $2 billion joint venture with Panasonic."
    assert {f[4] for f in investments(unsized, index)} == {None}


def test_it_reads_money_past_a_ratio_but_not_past_a_colon(index):
    body = "Toyota and Panasonic will set up a $2 billion 50:50 joint venture to make batteries."
    assert money(investments(body, index)) == [
        ("Panasonic", Decimal("2000000000"), "USD"),
        ("Toyota", Decimal("2000000000"), "USD"),
    ]
    colon = "Nio at a glance: $2 billion of debt; Tencent is an investor."
    assert money(investments(colon, index)) == []


@pytest.mark.parametrize(
    "body",
    [
        "Tencent has also pumped $400 million into Nio.",
        "Tencent will plough $400 million into Nio over two years.",
    ],
)
def test_it_reads_money_pumped_or_ploughed_into_a_company(index, body):
    assert investments(body, index) == [
        ("Tencent", "Nio", Decimal("400000000"), "USD", None, "stake")
    ]
    assert investments("Nio pumped out 10,000 cars worth $400 million.", index) == []


@pytest.mark.parametrize(
    "body",
    [
        "Volkswagen took out a loan of 1 billion euros from banks.",
        "Nio will get loans worth $1 billion to build its plant.",
    ],
)
def test_it_does_not_take_money_a_company_borrows_for_its_investment(index, body):
    assert money(investments(body, index)) == []


def test_it_still_reads_a_company_lending_money(index):
    body = "Volkswagen will lend Nio $500 million."
    assert money(investments(body, index)) == [("Volkswagen", Decimal("500000000"), "USD")]


def test_it_reads_a_round_a_company_closes_as_money_it_takes_in(index):
    body = "Nio recently closed a $100 million strategic funding round."
    assert investments(body, index) == [(None, "Nio", Decimal("100000000"), "USD", None, "stake")]
    led = "Nio closed a $1 billion round led by Tencent."
    assert money(investments(led, index)) == [("Tencent", Decimal("1000000000"), "USD")]


def test_it_gives_no_round_total_to_one_of_the_investors_it_includes(index):
    body = "Nio has lately raised more than $700 million from backers that include Tencent."
    assert money(investments(body, index)) == [(None, Decimal("7e8"), "USD")]


@pytest.mark.parametrize(
    "body",
    [
        "Under the filing, Geely holds a stake in Nio, which has capital stock of $12 million.",
        "Geely will buy a stake in Nio worth 2% of its equity capital of $4.5 billion.",
    ],
)
def test_it_reads_capital_stock_and_equity_capital_as_levels(body, index):
    assert money(investments(body, index)) == []


@pytest.mark.parametrize(
    "body",
    [
        "Nio received $200 million from Tencent.",
        "Nio secured $200 million from Tencent last week.",
        "Nio got $200 million from Tencent.",
    ],
)
def test_it_reads_money_a_company_takes_in_from_a_named_one(index, body):
    # No word for an investment: the money and "from" say who put it in.
    assert investments(body, index) == [
        ("Tencent", "Nio", Decimal("200000000"), "USD", None, "stake")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Nio received $200 million in orders from fleets.",
        "Nio got 5,000 orders from Tencent.",
        "Nio secured a $200 million loan from banks.",
    ],
)
def test_it_takes_in_no_orders_or_loans_as_investments(index, body):
    assert money(investments(body, index)) == []
