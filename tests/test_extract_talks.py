"""Talks on real reporting: which pairs an article reports, and the status the article as a
whole gives each (tests/data/realset/README.md has the conventions)."""

from datetime import date

import pytest

from evtracker.news.extract import CompanyIndex, KnownCompany, read_by_rules
from evtracker.news.extraction import pairs

COMPANIES = [
    KnownCompany("Xiaomi", "technology", ("Xiaomi Corp.",)),
    KnownCompany("BAIC", "automaker", ("Beijing Automotive Group",)),
    KnownCompany("Hyundai", "automaker", ("Hyundai Motor",)),
    KnownCompany("Kia", "automaker"),
    KnownCompany("Nissan", "automaker"),
    KnownCompany("Honda", "automaker"),
    KnownCompany("Renault", "automaker"),
    KnownCompany("Foxconn", "technology"),
    KnownCompany("Apple", "technology"),
    KnownCompany("Tesla", "automaker"),
    KnownCompany("BYD", "automaker"),
    KnownCompany("Nio", "automaker"),
    KnownCompany("Geely", "automaker"),
    KnownCompany("Volvo Cars", "automaker", ("Volvo Car",), parent="Geely"),
    KnownCompany("Volvo Group", "automaker", ("AB Volvo",)),
    KnownCompany("SoftBank", "investor"),
    KnownCompany("Boston Dynamics", "technology"),
    KnownCompany("Stellantis", "automaker"),
    KnownCompany("Toyota", "automaker"),
    KnownCompany("PSA", "automaker", ("PSA Group",)),
    KnownCompany("Fiat Chrysler", "automaker", ("FCA",)),
    KnownCompany("Leapmotor", "automaker"),
    KnownCompany("Ford", "automaker"),
    KnownCompany("Volkswagen", "automaker", ("VW",)),
    KnownCompany("General Motors", "automaker", ("GM",)),
    KnownCompany("Cruise", "technology"),
    KnownCompany("European Commission", "regulator", ("EU Commission",)),
    KnownCompany("Shenzhen Stock Exchange", "other"),
    KnownCompany("Nasdaq", "other"),
    KnownCompany("Changan", "automaker", ("Changan Auto",)),
    KnownCompany("Avatr", "automaker"),
]


@pytest.fixture(scope="module")
def index():
    return CompanyIndex.build(COMPANIES)


def talks(body, index, title=""):
    """The talks the rules read; the pair model's review of them: tests/test_talk_model.py."""
    _, result = read_by_rules(body, index, published=date(2024, 5, 2), title=title)
    return {frozenset(talk.parties): talk.status for talk in result.talks}


def pair(a, b):
    return frozenset((a, b))


# --- who the parties are ------------------------------------------------------------


def test_it_pairs_a_company_with_the_carmakers_named_as_examples(index):
    found = talks(
        "Foxconn has been in touch with several carmakers, Nissan and Honda among them, "
        "the company's chairman said on Tuesday.",
        index,
    )
    assert found == {pair("Foxconn", "Nissan"): "confirmed", pair("Foxconn", "Honda"): "confirmed"}


def test_the_maker_of_a_brand_is_its_owner_and_the_brand_no_party():
    with_brands = CompanyIndex.build(
        [*COMPANIES, KnownCompany("Jeep", "automaker", parent="Stellantis")]
    )
    found = talks(
        "The maker of the Jeep and Ram brands said it will invest $1 billion in Leapmotor.",
        with_brands,
    )
    assert found == {pair("Stellantis", "Leapmotor"): "agreed"}


def test_it_pairs_each_of_two_investors_investing_together(index):
    found = talks(
        "Hyundai and Kia will together invest in Nio's robotaxi unit, the companies said.",
        index,
    )
    assert found == {pair("Hyundai", "Nio"): "agreed", pair("Kia", "Nio"): "agreed"}


def test_an_earlier_deal_of_the_pair_does_not_settle_a_reported_new_one(index):
    found = talks(
        "Honda and Nissan are in talks on a capital tie-up, people familiar with the matter "
        "said.\n"
        "The two carmakers already agreed in January to build electric vans together.",
        index,
    )
    assert found == {pair("Honda", "Nissan"): "rumoured"}


def test_an_earlier_deal_alone_still_reads_as_agreed(index):
    found = talks("Honda and Nissan already agreed in January to build vans together.", index)
    assert found == {pair("Honda", "Nissan"): "agreed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Honda and Nissan announced on Monday that they have entered formal merger talks.",
        'Ford and VW said they had signed a memorandum of understanding and are "exploring '
        'an alliance".',
    ],
)
def test_announced_talks_or_a_pact_to_explore_are_confirmed_talks_not_a_deal(index, sentence):
    assert set(talks(sentence, index).values()) == {"confirmed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The EU has cleared the purchase of Leapmotor, the Chinese carmaker, by France's "
        "Stellantis, the group said.",
        "A court has approved the takeover of Leapmotor by a consortium led by Stellantis.",
    ],
)
def test_it_reads_the_buyer_named_by_after_an_aside_or_a_consortium(index, sentence):
    assert set(talks(sentence, index)) == {pair("Leapmotor", "Stellantis")}


def test_the_company_a_merger_will_form_is_no_party_of_it(index):
    found = talks(
        "Nissan and Honda agreed to merge.\n"
        "The two companies reaffirmed their timetable for forming the merged group, to be "
        "called Stellantis, by April.",
        index,
    )
    assert found == {pair("Nissan", "Honda"): "agreed"}


def test_a_parent_and_its_unit_named_around_a_partnership_are_not_partners():
    with_owner = CompanyIndex.build(
        [c for c in COMPANIES if c.name != "Kia"]
        + [KnownCompany("Kia", "automaker", parent="Hyundai")]
    )
    found = talks(
        "Hyundai and Kia are moving into robotaxis.\n"
        "The partnership marks a first step for Hyundai and Kia into the business.",
        with_owner,
    )
    assert found == {}
    # two companies of different owners stay partners
    found = talks(
        "Honda and Nissan are moving into robotaxis.\n"
        "The partnership marks a first step for Honda and Nissan into the business.",
        with_owner,
    )
    assert found == {pair("Honda", "Nissan"): "agreed"}


def test_a_dealership_named_after_a_brand_is_what_is_bought_not_a_party(index):
    found = talks(
        "The court approved the deal, allowing Nio to acquire the Tesla dealership.", index
    )
    assert pair("Nio", "Tesla") not in found


def test_the_holder_of_the_other_share_of_a_split_is_not_paired_with_the_company(index):
    found = talks(
        "Under the arrangement Stellantis will own 51 per cent of Leapmotor, with Geely holding "
        "the other 49 per cent.",
        index,
    )
    assert pair("Geely", "Leapmotor") not in found
    assert pair("Stellantis", "Leapmotor") in found


def test_a_stake_ruled_out_is_no_partnership(index):
    found = talks(
        "Geely has agreed not to buy or sell any shares for the next 90 days and not to "
        "exceed a 25% stake in Leapmotor until August 2026.",
        index,
    )
    assert pair("Geely", "Leapmotor") not in found


def test_a_venture_a_party_says_it_plans_to_create_is_agreed(index):
    found = talks("Nio said on Monday it plans to create a joint venture with Geely.", index)
    assert found == {pair("Nio", "Geely"): "agreed"}


def test_a_venture_sources_say_is_planned_stays_rumoured(index):
    found = talks(
        "Nio plans to create a joint venture with Geely, people familiar with the matter said.",
        index,
    )
    assert found == {pair("Nio", "Geely"): "rumoured"}


def test_a_company_with_its_own_verb_after_and_is_not_a_counterpart(index):
    found = talks(
        "Earlier this year, Volkswagen bought a stake in Nio and General Motors put $500 "
        "million into Cruise.",
        index,
    )
    assert pair("Volkswagen", "General Motors") not in found
    assert pair("Volkswagen", "Nio") in found


def test_a_name_after_under_does_not_join_a_list_of_counterparts(index):
    found = talks(
        "The deal sets up a joint venture between Nio and Geely under the name Avatr.", index
    )
    assert found == {pair("Nio", "Geely"): "agreed"}


def test_an_end_told_of_two_other_companies_does_not_end_the_pair(index):
    found = talks(
        "Renault has opened talks with Foxconn about its Nissan shares, a newspaper reported, "
        "amid reports that the merger talks between Nissan and Honda have collapsed.",
        index,
    )
    assert found[pair("Renault", "Foxconn")] == "rumoured"


@pytest.mark.parametrize("told", ["the person said", "said the people", "cautioned the people"])
def test_the_unnamed_sources_named_again_still_make_a_report(index, told):
    found = talks(f"The talks between Nio and Geely are going well, {told}.", index)
    assert found == {pair("Nio", "Geely"): "rumoured"}


def test_where_a_company_files_or_trades_is_not_a_party(index):
    found = talks(
        "BYD denied on Monday that it was negotiating with Nio over a battery venture.\n"
        "The carmaker said in a filing to the Shenzhen Stock Exchange that it had held no "
        "such talks with the company.\n"
        "Nio, which is listed on Nasdaq, did not reply.",
        index,
    )
    assert found == {pair("BYD", "Nio"): "denied"}


def test_it_reads_teaming_up_as_talks(index):
    found = talks(
        "Xiaomi is considering teaming up with BAIC to build electric cars, people familiar "
        "with the matter said.",
        index,
    )
    assert found == {pair("Xiaomi", "BAIC"): "rumoured"}


def test_it_does_not_take_a_supplier_named_as_a_description_for_a_party(index):
    found = talks(
        "Renault said it will build cars through a joint venture with Apple supplier Foxconn.",
        index,
    )
    assert found == {pair("Renault", "Foxconn"): "agreed"}


def test_it_does_not_take_a_rival_the_partners_want_to_beat_for_a_party(index):
    found = talks(
        "Geely and Renault teamed up on engines in an attempt to beat Tesla on cost.", index
    )
    assert found == {pair("Geely", "Renault"): "agreed"}


def test_it_does_not_take_a_company_compared_with_for_a_party(index):
    found = talks(
        '"We are not as good at cutting costs as established carmakers like Volkswagen, so '
        'the partnership with Nio matters," a BYD executive said.',
        index,
    )
    assert pair("Volkswagen", "Nio") not in found


def test_it_does_not_take_the_name_of_the_venture_for_a_party(index):
    found = talks(
        "BYD and Nio would form a joint venture named Leapmotor, a blogger claimed on Monday.",
        index,
    )
    assert found == {pair("BYD", "Nio"): "rumoured"}


def test_it_does_not_take_a_company_named_before_another_for_a_party(index):
    found = talks("Honda signed a deal to invest in GM Cruise, the companies said.", index)
    assert pair("Honda", "Cruise") in found
    assert pair("Honda", "General Motors") not in found


def test_it_reads_the_two_companies_as_the_pair_just_named(index):
    body = (
        "Hyundai and BAIC have run a joint venture in Beijing since 2002.\n"
        "Stellantis said on Monday it is in talks with Leapmotor about selling its cars abroad.\n"
        "Last week the two companies signed a memorandum on battery supply."
    )
    found = talks(body, index, title="Stellantis in talks with Leapmotor")
    assert found[pair("Stellantis", "Leapmotor")] == "agreed"


def test_it_reads_the_two_carmakers_as_a_pair_of_carmakers(index):
    body = (
        "Ford and Volkswagen expanded their alliance on Friday.\n"
        "Volkswagen will also invest $2 billion in Cruise, the self-driving start-up.\n"
        "After months of negotiations, the two carmakers agreed to widen their alliance."
    )
    found = talks(body, index)
    assert found[pair("Ford", "Volkswagen")] == "agreed"
    assert pair("Ford", "Cruise") not in found


def test_it_does_not_read_the_two_new_businesses_as_a_pair(index):
    body = (
        "SoftBank said Boston Dynamics had been a good investment.\n"
        "The deal comes as Hyundai prepares to earn half of its revenue from the two new "
        "businesses."
    )
    assert talks(body, index) == {}


# --- buying into and selling to a company -------------------------------------------


def test_it_reads_a_decided_stake_purchase_as_an_agreed_deal_with_buyer_and_seller(index):
    found = talks(
        "Hyundai will acquire an 80% stake in Boston Dynamics from SoftBank, the carmaker said.",
        index,
    )
    assert found == {
        pair("Hyundai", "Boston Dynamics"): "agreed",
        pair("Hyundai", "SoftBank"): "agreed",
    }


def test_it_reads_a_wanted_stake_as_talks_not_a_deal(index):
    found = talks(
        "Foxconn executives travelled to Paris for talks on possibly buying a stake in Nissan "
        "from Renault, two people with knowledge of the matter said.",
        index,
    )
    assert found.get(pair("Foxconn", "Renault")) == "rumoured"
    assert found.get(pair("Foxconn", "Nissan")) in (None, "rumoured")


def test_it_does_not_take_the_owner_of_a_plant_bought_into_for_a_party(index):
    found = talks(
        "One option is Xiaomi buying into the Hyundai No. 2 plant in Beijing, people familiar "
        "with the matter said.",
        index,
    )
    assert pair("Xiaomi", "Hyundai") not in found


def test_it_reads_the_company_that_owns_a_brand_as_its_owner(index):
    found = talks(
        "The Chinese company that owns Volvo Cars is acquiring a stake in truck maker AB Volvo.",
        index,
    )
    assert found == {pair("Geely", "Volvo Group"): "agreed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Geely on Tuesday took control of Leapmotor.",
        "Geely on Friday bought out Leapmotor.",
    ],
)
def test_the_day_a_company_is_bought_does_not_make_the_purchase_a_talk(index, sentence):
    assert talks(sentence, index) == {pair("Geely", "Leapmotor"): "agreed"}


# --- the status the article as a whole gives a pair -----------------------------------


def test_it_applies_a_denial_in_the_lede_to_the_pair_reported_further_down(index):
    body = (
        "BYD and Nio have pushed back against claims on social media, calling them untrue.\n"
        "A blogger claimed on Friday that BYD would buy Nio for $2 billion."
    )
    assert talks(body, index)[pair("BYD", "Nio")] == "denied"


def test_it_pairs_a_denial_of_the_report_with_the_article_lead(index):
    body = (
        "Xiaomi is in talks with BAIC about building cars, Bloomberg reported.\n"
        "A Hyundai spokesperson called the claims in the report concerning the South Korean "
        'carmaker "groundless."'
    )
    found = talks(body, index, title="Xiaomi weighs tie-up with BAIC")
    assert found == {pair("Xiaomi", "BAIC"): "rumoured", pair("Xiaomi", "Hyundai"): "denied"}


def test_a_denial_of_a_plan_of_its_own_pairs_no_one_with_the_lead(index):
    """A live blog's entries are about different things: the last one denies nothing of the
    first one's company."""
    body = (
        "10:05 - Crowds five deep around BYD's new off-roader at the show.\n"
        "12:15 - Renault and Geely say they have signed a binding agreement to create an "
        "engine company.\n"
        "15:30 - Nio's founder tells reporters the company has no plans to build phones."
    )
    found = talks(body, index, title="Shanghai auto show: as it happened")
    assert found == {pair("Renault", "Geely"): "agreed"}


def test_it_does_not_count_an_anonymous_denial(index):
    body = (
        "Xiaomi is in talks with BAIC about building cars, Bloomberg reported.\n"
        "An executive at BAIC, speaking on condition of anonymity, said he knew of no such "
        "talks between the two companies."
    )
    assert talks(body, index)[pair("Xiaomi", "BAIC")] == "rumoured"


def test_it_keeps_talks_confirmed_when_a_party_only_denies_a_further_step(index):
    found = talks(
        "Nissan and Honda said on Wednesday that they are in discussions about working more "
        "closely together, but rejected reports that they had agreed to merge.",
        index,
    )
    assert found == {pair("Nissan", "Honda"): "confirmed"}


def test_it_reads_agreeing_to_look_into_a_partnership_as_talks(index):
    found = talks(
        "Nissan and Honda said they agreed in March to look into a partnership on software.",
        index,
    )
    assert found == {pair("Nissan", "Honda"): "confirmed"}


def test_it_does_not_read_ending_the_speculation_as_ending_talks(index):
    body = (
        "Tesla and BYD were reported to be in talks on batteries, Reuters reported.\n"
        "BYD said there are no talks with Tesla, ending the speculation about a partnership."
    )
    assert talks(body, index)[pair("Tesla", "BYD")] == "denied"


def test_it_ends_a_pair_whose_agreement_is_terminated(index):
    found = talks(
        "Nissan will be freed from its commitment to Renault, bringing to an end the "
        "investment agreement signed last year.",
        index,
    )
    assert found == {pair("Nissan", "Renault"): "ended"}


def test_it_reads_a_party_own_denial_over_a_reported_pause(index):
    body = (
        "Hyundai and Kia said on Monday they are not in talks with Apple.\n"
        "A recent report says discussions between Apple and Hyundai have been put on pause."
    )
    assert talks(body, index)[pair("Hyundai", "Apple")] == "denied"


def test_it_reads_a_deal_told_only_by_sources_as_a_rumour(index):
    found = talks(
        "Temasek has led a $140 million funding round in Nio, according to two sources with "
        "direct knowledge of the matter.",
        KNOWN_PLUS_TEMASEK,
    )
    assert found == {pair("Temasek", "Nio"): "rumoured"}


def test_it_reads_a_refusal_to_hold_talks_as_a_denial(index):
    found = talks(
        "Volkswagen is not willing to hold merger talks with Renault, its chief executive told "
        "reporters on Tuesday.",
        index,
    )
    assert found == {pair("Volkswagen", "Renault"): "denied"}


def test_it_reads_a_hyphenated_pair_before_a_deal_noun(index):
    found = talks("The Nissan-Honda merger has stalled over who would control the group.", index)
    assert found == {pair("Nissan", "Honda"): "ended"}


def test_it_takes_the_subject_of_a_supply_under_an_agreement(index):
    found = talks(
        "Ford is to supply thousands of vans to SoftBank under a new agreement with its robotics "
        "unit, Boston Dynamics.",
        index,
    )
    assert found == {pair("Ford", "Boston Dynamics"): "agreed"}


def test_it_reads_working_with_a_company_as_a_partnership(index):
    found = talks("Stellantis is working with Leapmotor to sell small EVs in Europe.", index)
    assert found == {pair("Stellantis", "Leapmotor"): "agreed"}


def test_it_reads_a_takeover_cleared_by_a_regulator_as_agreed(index):
    found = talks("The regulator cleared Geely's takeover of Volvo Cars on Friday.", index)
    assert found == {pair("Geely", "Volvo Cars"): "agreed"}


def test_the_company_whose_stake_is_sold_is_not_the_sellers_counterpart(index):
    found = talks("Renault said it had agreed to sell its 30% holding in Nio to Geely.", index)
    assert found[pair("Renault", "Geely")] == "agreed"
    assert pair("Renault", "Nio") not in found


def test_a_completed_sale_of_a_stake_pairs_the_seller_with_the_buyer(index):
    found = talks("Renault has completed the sale of part of its stake in Nio to Geely.", index)
    assert found[pair("Renault", "Geely")] == "agreed"


def test_a_co_investor_is_a_fellow_investor_not_a_partner(index):
    body = (
        "Geely signed an agreement under which Nio, together with its co-investor SoftBank, "
        "will put $500 million into a battery maker."
    )
    assert pair("Nio", "SoftBank") not in talks(body, index)


def test_a_plan_to_invest_in_a_company_pairs_each_investor_with_it(index):
    found = talks("Nissan and Honda still plan to invest in Nio, the Chinese carmaker.", index)
    assert found == {pair("Nissan", "Nio"): "agreed", pair("Honda", "Nio"): "agreed"}


def test_money_put_into_a_company_long_ago_is_no_new_pair(index):
    assert talks("Nissan had already invested in Nio before the float.", index) == {}


@pytest.mark.parametrize(
    "body",
    [
        "Under a deal reached in May, Nio is to take a controlling interest in a venture with BYD.",
        "Besides, Nio is set to purchase $500 million worth of shares from BYD over three years.",
    ],
)
def test_a_purchase_the_buyer_is_to_make_is_decided(index, body):
    assert talks(body, index)[pair("Nio", "BYD")] == "agreed"


KNOWN_PLUS_TEMASEK = CompanyIndex.build([*COMPANIES, KnownCompany("Temasek", "investor")])


@pytest.mark.parametrize(
    "described", ["Taiwanese electronics giant Foxconn", "South Korean carmaker Foxconn"]
)
def test_a_list_of_counterparts_goes_on_past_a_nationality(index, described):
    found = talks(f"Nio is in talks with BYD and {described} about a venture, people said.", index)
    assert found == {pair("Nio", "BYD"): "rumoured", pair("Nio", "Foxconn"): "rumoured"}


def test_a_list_of_counterparts_goes_on_past_a_countrys_possessive():
    found = talks(
        "Nio is in talks to sell a stake to investors such as SoftBank and Singapore's Temasek, "
        "people familiar with the matter said.",
        KNOWN_PLUS_TEMASEK,
    )
    assert found == {pair("Nio", "SoftBank"): "rumoured", pair("Nio", "Temasek"): "rumoured"}


def test_it_reads_a_name_with_its_abbreviation_in_brackets_as_that_company(index):
    found = talks(
        "Geely and Beijing Automotive (BAIC) on Tuesday rejected reports that the two were in "
        "merger talks, calling them groundless.",
        index,
    )
    assert found == {pair("Geely", "BAIC"): "denied"}


def test_it_pairs_the_companies_of_the_speculation_a_third_company_dismisses(index):
    found = talks(
        "SoftBank's chairman has dismissed speculation that Tesla and BYD were talking about a "
        "possible partnership in India.",
        index,
    )
    assert found == {pair("Tesla", "BYD"): "denied"}


def test_it_does_not_carry_a_subject_across_even_though(index):
    found = talks(
        "Renault wants to cooperate more closely with Geely, even though it first teamed up "
        "with Nissan.",
        index,
    )
    assert pair("Geely", "Nissan") not in found


def test_it_reads_permission_to_set_up_an_alliance_as_agreed(index):
    found = talks(
        "The cartel office said Ford and Volkswagen had been given permission to set up an "
        "alliance to buy licences together.",
        index,
    )
    assert found == {pair("Ford", "Volkswagen"): "agreed"}


def test_it_recognises_an_unlisted_company_by_what_the_text_calls_it(index):
    found = talks(
        "Geely said it will buy a 5% stake in Nio from fund manager Harbor Peak, the "
        "carmaker said.",
        index,
    )
    assert found.get(pair("Geely", "Harbor Peak")) == "agreed"


def test_it_does_not_take_a_joint_venture_named_in_an_appositive_for_a_party(index):
    found = talks(
        "Ford and Nissan signed a deal to build vans through Northway Motors Ltd, a "
        "Detroit-based joint venture the two will own equally.",
        index,
    )
    assert found == {pair("Ford", "Nissan"): "agreed"}


def test_it_skips_an_appositive_saying_who_controls_the_subject(index):
    found = talks(
        "Nordvolt, the battery maker controlled by Volkswagen and its partner Ford, is in talks "
        "about merging with BYD, people familiar with the matter said.",
        index,
    )
    assert found == {pair("Nordvolt", "BYD"): "rumoured"}


def test_it_pairs_a_company_joining_the_talks_with_each_party(index):
    body = (
        "Nissan and Honda said they signed a memorandum on Monday, and that Renault, the "
        "French carmaker, had also agreed to take part in the talks."
    )
    found = talks(body, index)
    assert found[pair("Nissan", "Honda")] == "agreed"
    assert found[pair("Nissan", "Renault")] == "confirmed"
    assert found[pair("Honda", "Renault")] == "confirmed"


def test_it_reads_what_two_companies_did_jointly_as_agreed_between_them(index):
    found = talks("Tesla and BYD jointly sought approval to build batteries in Berlin.", index)
    assert found == {pair("Tesla", "BYD"): "agreed"}


def test_it_does_not_pair_the_owners_with_what_they_jointly_own(index):
    found = talks("Hyundai and BAIC jointly own the Beijing Hyundai plant.", index)
    assert found == {pair("Hyundai", "BAIC"): "agreed"}


def test_it_pairs_a_company_raising_money_with_its_investor(index):
    found = talks(
        "Nio said it is raising $1 billion in fresh capital from an affiliate of SoftBank.", index
    )
    assert found == {pair("Nio", "SoftBank"): "agreed"}


def test_it_pairs_the_companies_a_venture_is_set_up_by(index):
    found = talks(
        "The regulator cleared the creation of a joint venture by Nissan Motor ('Nissan') and "
        "Honda.",
        index,
    )
    assert found == {pair("Nissan", "Honda"): "agreed"}


def test_it_reads_having_no_such_plans_as_a_denial(index):
    body = (
        "Geely is in talks to buy Volvo Group, a newspaper reported.\n"
        '"We don\'t have such plans at the moment," a Geely spokesman said.'
    )
    assert talks(body, index)[pair("Geely", "Volvo Group")] == "denied"


def test_it_reads_the_japanese_automaker_as_the_company_introduced_as_japanese(index):
    body = (
        "Japanese carmaker Honda said on Thursday it will invest $2 billion in Cruise.\n"
        "General Motors welcomed the move.\n"
        "In return, the Japanese automaker will get a 5% stake in Cruise, the companies said."
    )
    found = talks(body, index)
    assert found[pair("Honda", "Cruise")] == "agreed"
    assert pair("General Motors", "Cruise") not in found


def test_it_pairs_counterparts_named_in_the_next_sentence(index):
    body = (
        "Foxconn has held conversations with a number of carmakers about building electric "
        "cars, people familiar with the matter said.\n"
        "Nissan and Honda are among them, the people said."
    )
    assert talks(body, index) == {
        pair("Foxconn", "Nissan"): "rumoured",
        pair("Foxconn", "Honda"): "rumoured",
    }


def test_it_reads_a_stake_a_company_will_pay_for_as_agreed(index):
    found = talks("Volkswagen will pay another 1 billion euros for a 26% stake in Nio.", index)
    assert found == {pair("Volkswagen", "Nio"): "agreed"}


def test_it_reads_a_stake_purchase_an_outlet_reports_as_a_rumour(index):
    found = talks("* Nissan is planning to acquire a 30% stake in Renault - Nikkei", index)
    assert found == {pair("Nissan", "Renault"): "rumoured"}


def test_it_reads_a_stake_that_has_closed_as_agreed(index):
    body = (
        "The two companies are looking at deeper cooperation in software, Reuters reported.\n"
        "Volkswagen's stake in Xpeng, first announced in July, has now closed."
    )
    found = talks(body, CompanyIndex.build([*COMPANIES, KnownCompany("Xpeng", "automaker")]))
    assert found[pair("Volkswagen", "Xpeng")] == "agreed"


def test_it_reads_will_cooperate_with_as_decided(index):
    found = talks("Nio will cooperate with BAIC on batteries, the companies said.", index)
    assert found == {pair("Nio", "BAIC"): "agreed"}


def test_it_takes_no_pair_from_a_hypothetical(index):
    found = talks(
        "Workers near the Kia plant are worried about their jobs if Hyundai does buy the firm.",
        index,
    )
    assert found == {}


def test_it_takes_no_subject_from_a_share_price_move(index):
    found = talks(
        "Shares of Hyundai and affiliates Kia and BAIC gained 20% on reports of a possible joint "
        "venture with Apple.",
        index,
    )
    assert found == {}


def test_it_does_not_take_the_company_owned_for_the_buyer(index):
    found = talks(
        "Geely said on Friday it owns carmaker Volvo Cars and last year bought a 9.7% stake in "
        "Renault.",
        index,
    )
    assert pair("Volvo Cars", "Renault") not in found
    assert found.get(pair("Geely", "Renault")) == "agreed"


def test_it_pairs_the_buyer_with_the_seller_of_shares(index):
    found = talks("Geely is also acquiring another 40 million shares from SoftBank.", index)
    assert found == {pair("Geely", "SoftBank"): "agreed"}


def test_it_pairs_affiliates_investing_in_the_venture_with_its_partner(index):
    body = (
        "Hyundai said it will form a $4 billion joint venture with Foxconn.\n"
        "Hyundai and its affiliate Kia will put a combined $2 billion into the JV."
    )
    found = talks(body, index)
    assert found[pair("Hyundai", "Foxconn")] == "agreed"
    assert found[pair("Kia", "Foxconn")] == "agreed"


def test_it_reads_a_party_saying_it_would_buy_a_stake_as_agreed(index):
    found = talks(
        "Renault said on Monday it would buy the remaining 51% stake in Nissan's Indian plant "
        "company from Nissan.",
        index,
    )
    assert found.get(pair("Renault", "Nissan")) == "agreed"


def test_it_does_not_pair_two_companies_talking_with_others(index):
    body = (
        "Hyundai and Kia are both carmakers.\n"
        "Filings by both carmakers show they have been talking with several companies about "
        "self-driving cars, Bloomberg reported."
    )
    assert pair("Hyundai", "Kia") not in talks(body, index)


def test_it_does_not_take_a_person_named_by_role_for_a_company(index):
    found = talks(
        "Nio is in talks with investor Warren Buffett about a stake, people familiar with the "
        "matter said.",
        index,
    )
    assert found == {}


@pytest.mark.parametrize(
    ("update", "status"),
    [
        ("The joint car project with Nio is being dropped, BYD said on Friday.", "ended"),
        ("BYD said it had decided to end the development of the car with Nio.", "ended"),
        ('BYD called the report "groundless" on Friday.', "denied"),
        ("BYD said on Friday it is not in talks with Nio.", "denied"),
        ("BYD and Nio declined to comment on the report.", "rumoured"),
    ],
)
def test_it_gives_a_reported_pair_the_article_final_word(index, update, status):
    body = f"BYD is in talks with Nio about a joint car, Reuters reported.\n{update}"
    assert talks(body, index)[pair("BYD", "Nio")] == status


def test_it_reads_looking_into_strategic_opportunities_with_a_company_as_talks(index):
    found = talks(
        "Nio said it was looking into financing and strategic opportunities with BAIC, but that "
        "the discussions were only preliminary.",
        index,
    )
    assert found == {pair("Nio", "BAIC"): "confirmed"}


@pytest.mark.parametrize(
    "aside",
    [
        "The news came weeks after the government dissolved its industry development board.",
        "Many foreign brands have dropped plans for assembly lines in the country in recent years.",
    ],
)
def test_an_end_that_names_no_party_and_no_deal_leaves_the_pair_as_it_was(index, aside):
    found = talks(
        "BYD and Nio signed an agreement on Monday to build a battery plant in Hungary.\n" + aside,
        index,
    )
    assert found == {pair("BYD", "Nio"): "agreed"}


def test_a_signed_pact_to_study_a_deal_is_confirmed_talks_not_the_deal(index):
    found = talks(
        "Honda and Nissan signed a memorandum of understanding on Monday to study whether "
        "they could share a battery plant.",
        index,
    )
    assert found == {pair("Honda", "Nissan"): "confirmed"}


def test_a_signed_pact_to_build_something_is_still_agreed(index):
    found = talks("Honda and Nissan signed a memorandum to build a battery plant.", index)
    assert found == {pair("Honda", "Nissan"): "agreed"}


@pytest.mark.parametrize(
    "body",
    [
        "Honda and Nissan agreed to begin merger talks.",
        "Honda and Nissan have agreed to start discussions on a merger.",
        "Honda and Nissan agreed to enter into negotiations.",
        "Honda and Nissan agreed to enter talks on sharing a plant.",
        "Honda and Nissan agreed to explore a partnership.",
    ],
)
def test_the_parties_agreeing_to_talk_is_confirmed_talks_not_a_deal(index, body):
    assert talks(body, index) == {pair("Honda", "Nissan"): "confirmed"}


def test_agreeing_to_talk_told_by_a_paper_is_still_its_report(index):
    found = talks("Honda and Nissan agreed to begin merger talks, Nikkei reported.", index)
    assert found == {pair("Honda", "Nissan"): "rumoured"}


def test_agreeing_to_start_something_other_than_talks_is_a_deal(index):
    found = talks("Honda and Nissan agreed to start production of a shared van in 2026.", index)
    assert found == {pair("Honda", "Nissan"): "agreed"}


# --- groups of three and funding rounds ----------------------------------------------


def test_it_pairs_every_member_of_a_group_of_three(index):
    found = talks(
        "Nissan has signed a cooperation agreement with Honda and Renault.\n"
        "The three companies will jointly develop software for electric cars.",
        index,
    )
    assert found == {
        pair("Nissan", "Honda"): "agreed",
        pair("Nissan", "Renault"): "agreed",
        pair("Honda", "Renault"): "agreed",
    }


def test_it_reads_the_automakers_after_a_group_of_three_as_that_group(index):
    found = talks(
        "Kia has joined the battery partnership of Honda and Nissan, a newspaper said.\n"
        "The three automakers confirmed the move on Friday. "
        "In a statement, the automakers said they had signed a memorandum of understanding.",
        index,
    )
    assert set(found) == {pair("Kia", "Honda"), pair("Kia", "Nissan"), pair("Honda", "Nissan")}
    assert set(found.values()) == {"agreed"}


def test_it_pairs_a_company_raising_money_with_each_named_investor(index):
    found = talks(
        "Electric van maker Nio said on Monday it had raised $300 million in a funding round "
        "led by SoftBank, with Foxconn also taking part.",
        index,
    )
    assert found == {pair("Nio", "SoftBank"): "agreed", pair("Nio", "Foxconn"): "agreed"}


def test_co_investors_alongside_the_lead_are_the_raiser_s_partners_not_the_lead_s(index):
    found = talks(
        "Geely led a $130 million funding round in Nio alongside BYD and SoftBank, the "
        "companies said.",
        index,
        title="Nio raises $130 million for solid-state batteries",
    )
    assert set(found) == {pair("Geely", "Nio"), pair("BYD", "Nio"), pair("SoftBank", "Nio")}


def test_it_reads_investors_named_after_the_raise_as_that_round(index):
    found = talks(
        "Leapmotor raised 2 billion yuan last week.\n"
        "Geely and BYD are among the investors taking part in the round, the startup said.",
        index,
    )
    assert found == {pair("Leapmotor", "Geely"): "agreed", pair("Leapmotor", "BYD"): "agreed"}


def test_it_reads_investors_named_much_later_with_the_raiser_named_again(index):
    found = talks(
        "Leapmotor raised 2 billion yuan last week.\n"
        "The startup plans to spend the money on batteries.\n"
        "It will also hire engineers.\n"
        "Its new crossover goes on sale in June.\n"
        "Other investors joining Geely in the Leapmotor deal included SoftBank and Foxconn.",
        index,
    )
    assert pair("Leapmotor", "SoftBank") in found and pair("Leapmotor", "Foxconn") in found
    assert pair("Geely", "SoftBank") not in found


def test_it_reads_a_round_told_of_before_as_the_raisers(index):
    found = talks(
        "Nio said it had raised $500 million.\n"
        "The carmaker will build a plant in Hefei.\n"
        "Its latest round also included existing investors SoftBank and Foxconn.",
        index,
    )
    assert found == {pair("Nio", "SoftBank"): "agreed", pair("Nio", "Foxconn"): "agreed"}


def test_a_person_leading_a_round_does_not_bring_in_the_company_they_run(index):
    found = talks(
        "Nio raised $500 million on Monday.\n"
        "Lei Jun, founder and chief executive of Xiaomi, led the round, the statement said.",
        index,
    )
    assert pair("Nio", "Xiaomi") not in found


def test_it_does_not_pair_a_startup_with_the_backers_of_its_past_rounds(index):
    found = talks(
        "Leapmotor showed a new crossover on Monday.\n"
        "The startup has so far completed two funding rounds with investors including SoftBank "
        "and Foxconn, among others.",
        index,
        title="Leapmotor shows a new crossover",
    )
    assert found == {}


def test_a_company_s_investors_listed_are_its_holders_not_a_round(index):
    found = talks(
        "Leapmotor raised 2 billion yuan last week.\n"
        "Its main investors include SoftBank, which holds a 10% stake, and Foxconn.",
        index,
    )
    assert found == {}


def test_holders_listed_after_unnamed_partners_are_not_those_partners(index):
    found = talks(
        "Nio wants to team up with other firms on self-driving software.\n"
        "Its current backers include SoftBank and Foxconn.",
        index,
    )
    assert found == {}


def test_it_reads_the_prospective_investors_of_a_round_as_rumoured(index):
    found = talks(
        "Leapmotor is raising money for its battery arm.\n"
        "The prospective investors include SoftBank and Foxconn.",
        index,
    )
    assert found == {
        pair("Leapmotor", "SoftBank"): "rumoured",
        pair("Leapmotor", "Foxconn"): "rumoured",
    }


def test_it_reads_a_round_only_weighed_as_rumoured(index):
    found = talks(
        "Nio is raising fresh money and SoftBank could take part in the round, "
        "people familiar with the matter said.",
        index,
    )
    assert found == {pair("Nio", "SoftBank"): "rumoured"}


def test_it_does_not_pair_three_models_as_a_group(index):
    found = talks(
        "Tesla and BYD cut prices this month. The three models sold well in April.", index
    )
    assert found == {}


# --- deals before a regulator -----------------------------------------------------------


def test_it_reads_a_planned_merger_a_regulator_investigates_as_agreed(index):
    found = talks(
        "The European Commission has opened an in-depth investigation into the planned "
        "merger of Renault and Nissan, a deal that would create a bigger carmaker.",
        index,
    )
    assert found == {pair("Renault", "Nissan"): "agreed"}


def test_it_keeps_talks_that_still_need_a_regulator_as_talks(index):
    found = talks(
        "Renault and Nissan are in talks about a merger that would need approval from the "
        "European Commission, people familiar with the matter said.",
        index,
    )
    assert found == {pair("Renault", "Nissan"): "rumoured"}


def test_it_pairs_companies_introduced_by_their_countries(index):
    found = talks(
        "The European Commission cleared a joint venture between Germany's Volkswagen and "
        "Japan's Honda on Monday.",
        index,
    )
    assert found == {pair("Volkswagen", "Honda"): "agreed"}


def test_it_takes_a_name_describing_the_next_as_no_party(index):
    found = talks(
        "Cruise owner General Motors and Ford are in merger talks, people familiar with the "
        "matter said.",
        index,
    )
    assert found == {pair("General Motors", "Ford"): "rumoured"}


def test_it_pairs_the_parties_of_a_merger_told_with_a_describing_name(index):
    found = talks(
        "Nio will hold a small stake in the group created by the merger of Volvo Cars owner "
        "Geely and rival BYD, Reuters reported.",
        index,
    )
    assert pair("Geely", "BYD") in found
    assert pair("Volvo Cars", "Geely") not in found


def test_it_reads_dropping_plans_with_a_company_as_ended(index):
    found = talks(
        "Ford has decided to drop plans to set up a joint venture with Leapmotor, the carmaker "
        "said on Monday.",
        index,
    )
    assert found == {pair("Ford", "Leapmotor"): "ended"}


def test_it_reads_no_longer_taking_a_stake_as_ended(index):
    found = talks(
        "Stellantis will no longer take a stake in Leapmotor, the two companies said.", index
    )
    assert found == {pair("Stellantis", "Leapmotor"): "ended"}


# --- who tells it ---------------------------------------------------------------------


def test_it_reads_a_deal_a_name_it_does_not_know_reported_as_rumoured(index):
    found = talks(
        "Foxconn and Nio have set up a joint venture to build cars together, Motor Weekly "
        "reported.",
        index,
    )
    assert found == {pair("Foxconn", "Nio"): "rumoured"}


def test_it_does_not_take_the_company_before_an_outlet_for_the_speaker(index):
    found = talks(
        "Nissan plans to sign a memorandum of understanding with Honda, Tokyo Broadcasting said.",
        index,
    )
    assert found == {pair("Nissan", "Honda"): "rumoured"}


def test_it_does_not_take_a_source_confirming_talks_for_a_party(index):
    found = talks(
        "Volkswagen is negotiating to buy a stake in Leapmotor, Reuters reported.\n"
        "A source close to the German carmaker also confirmed that talks were under way.",
        index,
    )
    assert found == {pair("Volkswagen", "Leapmotor"): "rumoured"}


def test_it_pairs_companies_joined_by_a_slash_before_a_deal_word(index):
    found = talks(
        "The regulator's clearance of the Nio/Geely joint venture was published on Monday.", index
    )
    assert found == {pair("Nio", "Geely"): "agreed"}


def test_it_reads_will_work_with_several_companies_as_agreed_with_each(index):
    found = talks(
        "Xiaomi will work with BAIC, Geely and Nio to jointly develop electric cars, its "
        "chairman told a forum in Beijing.",
        index,
    )
    assert found == {
        pair("Xiaomi", "BAIC"): "agreed",
        pair("Xiaomi", "Geely"): "agreed",
        pair("Xiaomi", "Nio"): "agreed",
    }


def test_it_takes_the_company_after_by_for_the_buyer(index):
    found = talks(
        "The European Commission has cleared the takeover of Leapmotor by Stellantis, the "
        "regulator said on Friday.",
        index,
    )
    assert found == {pair("Stellantis", "Leapmotor"): "agreed"}


def test_it_reads_an_acquisition_named_by_a_slash_pair_a_regulator_cleared_as_agreed(index):
    found = talks("The European Commission has cleared the Geely/Volvo Group acquisition.", index)
    assert found == {pair("Geely", "Volvo Group"): "agreed"}


def test_it_does_not_end_a_pair_when_a_review_is_not_yet_suspended(index):
    found = talks(
        "Stellantis and Leapmotor signed a joint venture agreement in May.\n"
        "At that point the review clock had not yet been suspended.",
        index,
    )
    assert found == {pair("Stellantis", "Leapmotor"): "agreed"}


def test_it_reads_nothing_finalised_as_talks_confirmed(index):
    found = talks(
        'Hyundai said "nothing has been finalised" in response to reports that Hyundai and '
        "Xiaomi had agreed to form a battery joint venture.",
        index,
    )
    assert found == {pair("Hyundai", "Xiaomi"): "confirmed"}


def test_it_reads_what_a_report_had_said_as_rumoured(index):
    found = talks(
        "The report had said talks between Tesla and Xiaomi were at an early stage.", index
    )
    assert found == {pair("Tesla", "Xiaomi"): "rumoured"}


def test_it_reads_a_report_called_factually_incorrect_as_denied(index):
    found = talks(
        "Nio said media reports of a merger with Geely were factually incorrect.",
        index,
    )
    assert found == {pair("Nio", "Geely"): "denied"}


def test_it_reads_a_party_announcing_it_would_form_a_venture_as_agreed(index):
    found = talks(
        "Last month Nio announced it would set up a joint venture with Geely to make batteries.",
        index,
    )
    assert found == {pair("Nio", "Geely"): "agreed"}


def test_it_keeps_a_venture_that_would_be_formed_per_sources_rumoured(index):
    found = talks(
        "Nio would set up a joint venture with Geely, people familiar with the matter said.",
        index,
    )
    assert found == {pair("Nio", "Geely"): "rumoured"}


# --- stage 4: mechanisms written from the grammar, each with sentences of new wording -------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ford is partnering with Tesla on charging networks in North America.",
        "Honda has been collaborating with Apple on in-car software since 2021.",
        "Nio and Geely are cooperating with BYD on battery swapping.",
    ],
)
def test_it_reads_a_partnership_under_way_as_agreed(index, sentence):
    found = talks(sentence, index)
    assert found and set(found.values()) == {"agreed"}


def test_it_keeps_a_partnership_under_way_told_by_sources_rumoured(index):
    found = talks("Ford is partnering with Tesla, people familiar with the matter said.", index)
    assert found == {pair("Ford", "Tesla"): "rumoured"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Hyundai said it would partner with Apple on autonomous driving.",
        "Nissan will also cooperate with Foxconn on electric platforms, the carmaker said.",
    ],
)
def test_it_reads_a_party_saying_it_will_work_with_another_as_agreed(index, sentence):
    assert set(talks(sentence, index).values()) == {"agreed"}


def test_it_keeps_a_wish_to_work_together_as_talks(index):
    found = talks("Hyundai would like to partner with Apple, people familiar said.", index)
    assert found == {pair("Hyundai", "Apple"): "rumoured"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Honda is not negotiating with Nissan over a merger, the company said in a statement.",
        "Renault has never held talks with Geely about a tie-up, a Renault spokeswoman said.",
        "Nissan and Foxconn have not held any discussions, Nissan said in a statement.",
    ],
)
def test_it_reads_a_party_saying_it_is_not_in_talks_as_denied(index, sentence):
    assert set(talks(sentence, index).values()) == {"denied"}


def test_it_does_not_read_declining_to_comment_on_talks_as_a_denial(index):
    found = talks(
        "Nissan did not comment on the talks with Foxconn, which began in May, Reuters said.",
        index,
    )
    assert found == {pair("Nissan", "Foxconn"): "rumoured"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The report that Tesla was close to a deal with BYD is wrong, a Tesla spokesman said.",
        "Stories about a merger between Nio and Geely were simply false, Nio said on Monday.",
    ],
)
def test_it_reads_a_report_called_wrong_as_denied(index, sentence):
    assert set(talks(sentence, index).values()) == {"denied"}


def test_it_does_not_read_a_wrong_forecast_as_a_denial(index):
    found = talks(
        "Tesla signed a battery deal with BYD, proving the forecast wrong, the companies said.",
        index,
    )
    assert found == {pair("Tesla", "BYD"): "agreed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Hyundai withdrew its offer for a stake in Foxconn on Monday.",
        "Stellantis has withdrawn its merger proposal to Renault, the company said.",
        "Stellantis has pulled its merger proposal for Renault, pointing at the government.",
    ],
)
def test_it_reads_a_withdrawn_offer_as_ended(index, sentence):
    assert set(talks(sentence, index).values()) == {"ended"}


def test_it_reads_no_end_of_talks_in_the_end_of_something_else(index):
    sentence = (
        "Hyundai is in advanced talks with Foxconn on a deal that would keep its cars on sale "
        "once it ends local manufacturing there, people familiar with the matter said."
    )
    assert set(talks(sentence, index).values()) == {"rumoured"}


def test_it_reads_each_company_of_a_list_that_speaks_as_a_party_speaking(index):
    found = talks(
        "Nissan, Honda and Renault said on Monday they had agreed to study a combined partnership.",
        index,
    )
    assert set(found.values()) == {"confirmed"}
    assert len(found) == 3


def test_it_does_not_read_a_counterpart_list_before_the_speaker_as_speakers(index):
    found = talks(
        "Foxconn has held talks with Nissan and Honda, a person familiar with the plans said.",
        index,
    )
    assert set(found.values()) == {"rumoured"}


@pytest.mark.parametrize(
    "sentence",
    [
        '"We are talking to Renault about several projects," Nissan\'s chief executive told '
        "reporters.",
        '"We have been speaking with BYD for months," a Tesla spokesperson said.',
    ],
)
def test_it_reads_we_in_a_quote_as_the_company_that_speaks(index, sentence):
    assert set(talks(sentence, index).values()) == {"confirmed"}


def test_it_does_not_read_we_in_a_quote_with_no_company_speaking_as_a_party(index):
    found = talks('"We are talking to Renault," an analyst at Jefferies said.', index)
    assert found == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Stellantis and Leapmotor formed a joint venture, Leapmotor International, in which "
        "Stellantis holds 51%.",
        "Nio and Geely set up a new company (Leapmotor) to sell electric cars.",
    ],
)
def test_it_does_not_take_the_name_given_to_a_venture_for_a_party(index, sentence):
    found = talks(sentence, index)
    assert len(found) == 1 and set(found.values()) == {"agreed"}


def test_it_keeps_a_company_named_after_a_venture_as_the_speaker(index):
    found = talks("Nio has formed a joint venture with Geely, BYD said.", index)
    assert pair("Nio", "Geely") in found


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Tesla and BYD will build a new battery factory together in Nevada.", "agreed"),
        ("Ford and Volkswagen plan to jointly develop a commercial van.", "agreed"),
        ("Geely and Renault built engines together for a decade.", "agreed"),
        (
            "General Motors and Hyundai said they would explore co-developing vehicles.",
            "confirmed",
        ),
        (
            "Nio and Geely are considering building cars together, people familiar said.",
            "rumoured",
        ),
    ],
)
def test_it_reads_companies_doing_a_thing_together_as_a_pair(index, sentence, status):
    assert set(talks(sentence, index).values()) == {status}


def test_it_does_not_pair_companies_whose_sales_are_added_together(index):
    assert talks("Toyota and Honda together sold 3 million cars last year.", index) == {}


def test_it_reads_two_founders_of_a_new_company_as_agreed_and_one_founder_as_no_pair(index):
    found = talks("Nio and Geely established a new firm to make motors.", index)
    assert found == {pair("Nio", "Geely"): "agreed"}
    assert talks("Nio set up a new company to run its battery stations, BYD said.", index) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Tesla is in talks with BYD about batteries, a Tesla spokesperson said.",
        "Tesla is in talks with BYD about batteries, a spokesperson for Tesla said.",
    ],
)
def test_it_reads_a_company_spokesperson_as_the_company_speaking(index, sentence):
    assert talks(sentence, index) == {pair("Tesla", "BYD"): "confirmed"}


def test_it_reads_the_two_carmakers_as_the_subjects_of_a_stake_purchase(index):
    body = (
        "Hyundai and Kia signed a supply deal on Monday.\n"
        "The two carmakers will also pick up minority stakes in Foxconn and Xiaomi."
    )
    found = talks(body, index)
    for buyer in ("Hyundai", "Kia"):
        for target in ("Foxconn", "Xiaomi"):
            assert found[pair(buyer, target)] == "agreed"


def test_it_reads_the_two_companies_as_the_objects_of_talks(index):
    body = (
        "Nissan and Honda agreed to begin merger talks in December.\n"
        "Foxconn has since approached both companies, people familiar with the matter said."
    )
    found = talks(body, index)
    assert found[pair("Foxconn", "Nissan")] == "rumoured"
    assert found[pair("Foxconn", "Honda")] == "rumoured"


def test_it_reads_the_two_sides_after_two_names_as_those_two(index):
    body = (
        "Ford and Volkswagen expanded their alliance last year.\n"
        "Nio and Geely ended talks between the two sides in March, Nio said."
    )
    found = talks(body, index)
    assert found[pair("Nio", "Geely")] == "ended"
    assert pair("Nio", "Ford") not in found and pair("Geely", "Volkswagen") not in found


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Nissan and Honda to merge, creating the world's third-largest carmaker.", "agreed"),
        ("Nio and Geely will merge next year, the companies said.", "agreed"),
        ("Nio and Geely could merge next year, people familiar with the plan said.", "rumoured"),
    ],
)
def test_it_reads_companies_that_merge_as_a_pair(index, sentence, status):
    assert set(talks(sentence, index).values()) == {status}


def test_it_does_not_pair_a_company_merging_its_own_units(index):
    assert talks("Nio plans to merge its two battery units, Geely said.", index) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ford and Volkswagen have signed a term sheet for the supply of van platforms.",
        "Nissan and Honda signed a memorandum on Monday and reached a business integration.",
    ],
)
def test_it_reads_agreements_the_deal_nouns_do_not_name_as_agreed(index, sentence):
    assert set(talks(sentence, index).values()) == {"agreed"}


@pytest.mark.parametrize(
    "body",
    [
        "Tesla held talks with BYD about batteries last year. In the end, the two sides did not "
        "reach an agreement, people familiar said.",
        "Nissan and Foxconn failed to agree on the price of the stake, ending months of talks.",
    ],
)
def test_it_reads_talks_that_did_not_reach_a_deal_as_ended(index, body):
    assert set(talks(body, index).values()) == {"ended"}


def test_it_keeps_talks_that_have_not_yet_reached_a_deal_going(index):
    found = talks("Nissan and Foxconn have not yet reached an agreement, Nissan said.", index)
    assert found.get(pair("Nissan", "Foxconn")) != "ended"


@pytest.mark.parametrize(
    "sentence",
    [
        "Should the deal with BYD be terminated, Tesla will pay a $20 million fee, Tesla said.",
        "If the partnership between Nio and Geely is called off, Nio keeps the plant.",
    ],
)
def test_it_does_not_read_an_end_in_a_condition_as_ended(index, sentence):
    assert "ended" not in talks(sentence, index).values()


@pytest.mark.parametrize(
    "sentence",
    [
        "Nio and Geely have won the approval of Chinese regulators to set up a joint venture, "
        "the two carmakers said.",
        "Foxconn is waiting for the nod from regulators to buy a plant owned by Nissan.",
    ],
)
def test_it_reads_a_deal_regulators_clear_or_are_to_clear_as_agreed(index, sentence):
    assert set(talks(sentence, index).values()) == {"agreed"}


def test_it_reads_the_owner_of_what_is_bought_as_the_seller(index):
    found = talks("Geely agreed to buy the engine business owned by Renault.", index)
    assert found == {pair("Geely", "Renault"): "agreed"}
    assert talks("Geely bought 10,000 engines and some parts from Renault.", index) == {}


def test_it_reads_a_participle_after_a_counterpart_as_no_speech(index):
    found = talks("Hyundai's partnership with Baidu, announced last year, will grow.", index)
    assert found == {pair("Hyundai", "Baidu"): "agreed"}


def test_it_still_reads_a_counterpart_that_says_something_as_a_speaker(index):
    found = talks("Tesla is in talks with BYD about batteries, BYD said on Monday.", index)
    assert found == {pair("Tesla", "BYD"): "confirmed"}


@pytest.mark.parametrize(
    "second",
    [
        '"We are in discussions, but nothing has been decided," a Nissan spokesman said.',
        "A Foxconn spokeswoman said the talks were at an early stage.",
    ],
)
def test_it_reads_a_party_speaking_of_the_talks_after_a_report_as_confirmed(index, second):
    body = "Nissan and Foxconn are discussing a possible investment, Nikkei reported.\n" + second
    assert talks(body, index) == {pair("Nissan", "Foxconn"): "confirmed"}


@pytest.mark.parametrize(
    "second",
    [
        "Nissan said it was in talks with several companies.",
        "Foxconn declined to comment on the talks, Nissan said.",
        "One of the sources said the talks, Nissan's first in years, were going well.",
    ],
)
def test_it_keeps_the_report_rumoured_when_no_party_speaks_of_the_pair(index, second):
    body = "Nissan and Foxconn are discussing a possible investment, Nikkei reported.\n" + second
    assert talks(body, index) == {pair("Nissan", "Foxconn"): "rumoured"}


# --- supply deals and stakes in each other -------------------------------------------------


def test_it_reads_a_company_that_will_supply_another_as_agreed(index):
    found = talks("Nissan will supply Renault with a version of its compact SUV.", index)
    assert found == {pair("Nissan", "Renault"): "agreed"}


def test_it_reads_a_supply_deal_with_the_customer_after_the_goods(index):
    found = talks("Honda agreed to supply fuel-cell systems to General Motors from 2026.", index)
    assert found == {pair("Honda", "General Motors"): "agreed"}


def test_it_leaves_a_supply_plan_inside_a_partnership_explored_to_the_partnership(index):
    body = (
        "Volkswagen is looking into a partnership under which it would supply electric "
        "components to Ford, the two companies said."
    )
    assert talks(body, index) == {pair("Volkswagen", "Ford"): "confirmed"}


def test_it_reads_stakes_bought_in_each_other_as_agreed(index):
    body = "Honda and Nissan are also buying 42.8 billion yen stakes in each other."
    assert talks(body, index) == {pair("Honda", "Nissan"): "agreed"}


# --- companies named only as what a deal creates or who owns a party -----------------------


def test_it_does_not_pair_the_founders_with_the_company_their_agreement_creates(index):
    body = (
        "Honda and Nissan have signed a joint venture agreement to create Cruise, which is "
        "expected to sell cars by 2026."
    )
    assert talks(body, index) == {pair("Honda", "Nissan"): "agreed"}


def test_it_does_not_pair_the_owner_named_in_an_aside(index):
    body = "BYD and Nissan, part of Renault, agreed to set up a joint venture in China."
    assert talks(body, index) == {pair("BYD", "Nissan"): "agreed"}


def test_it_does_not_pair_the_group_a_subsidiary_is_described_by(index):
    body = (
        "Tesla has agreed to buy a minority stake in Kia, a Hyundai subsidiary, to deepen "
        "their collaboration."
    )
    assert talks(body, index) == {pair("Tesla", "Kia"): "agreed"}


def test_it_reads_an_offer_taken_back_as_the_end_of_the_talks(index):
    body = "Stellantis took back its offer to combine with Renault on Thursday."
    assert talks(body, index) == {pair("Stellantis", "Renault"): "ended"}


# --- courtship without a talk word --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tesla has made a takeover offer for Boston Dynamics, people familiar with it said.",
        "Tesla is preparing a bid for Boston Dynamics, according to the people.",
        "Tesla has expressed strong interest in Boston Dynamics, insiders said.",
        "Tesla's planned investment in Boston Dynamics is under review, insiders said.",
    ],
)
def test_it_reads_a_bid_or_an_interest_shown_as_rumoured_talks(index, sentence):
    assert talks(sentence, index) == {pair("Tesla", "Boston Dynamics"): "rumoured"}


def test_it_reads_a_bid_a_party_announces_as_confirmed_talks(index):
    body = "Ford said on Monday it had submitted an offer to buy Cruise."
    assert talks(body, index) == {pair("Ford", "Cruise"): "confirmed"}


def test_it_pairs_the_two_companies_named_after_the_merger_of(index):
    body = "The merger of Nio and BYD closed on Friday, creating a bigger rival to Tesla."
    assert talks(body, index) == {pair("Nio", "BYD"): "agreed"}


def test_it_does_not_pair_two_companies_a_partner_of_is_said_of(index):
    body = "Kia, a long-standing partner of Hyundai and Apple, sold more cars in May."
    assert talks(body, index) == {}


def test_it_pairs_a_company_weighing_whether_to_join_talks_with_each_party(index):
    body = (
        "Nio and BYD said on Monday they are in merger talks. "
        "Leapmotor is also weighing joining the merger, according to people familiar with it."
    )
    assert talks(body, index) == {
        pair("Nio", "BYD"): "confirmed",
        pair("Leapmotor", "Nio"): "rumoured",
        pair("Leapmotor", "BYD"): "rumoured",
    }


def test_it_reads_a_company_unlikely_to_join_talks_as_ended_with_each_party(index):
    body = (
        "Nio and BYD said on Monday they are in merger talks. "
        "Leapmotor is unlikely to take part in the talks, its chairman said."
    )
    assert talks(body, index) == {
        pair("Nio", "BYD"): "confirmed",
        pair("Leapmotor", "Nio"): "ended",
        pair("Leapmotor", "BYD"): "ended",
    }


def test_it_pairs_a_company_with_each_company_whose_interest_it_drew(index):
    body = "Nissan has drawn interest from Foxconn and Xiaomi, according to insiders."
    assert talks(body, index) == {
        pair("Nissan", "Foxconn"): "rumoured",
        pair("Nissan", "Xiaomi"): "rumoured",
    }


def test_it_pairs_possible_investors_with_the_company_they_may_invest_in(index):
    body = "Carmakers such as BAIC and Geely are seen as possible investors in Leapmotor."
    assert talks(body, index) == {
        pair("BAIC", "Leapmotor"): "rumoured",
        pair("Geely", "Leapmotor"): "rumoured",
    }


# --- history told in passing --------------------------------------------------------------


def test_it_leaves_out_a_deal_done_years_before_the_article(index):
    body = (
        "Nio reported record deliveries on Tuesday. SoftBank bought Boston Dynamics from "
        "Google in 2017, when the robot maker was struggling."
    )
    assert talks(body, index) == {}


def test_it_keeps_a_deal_in_the_news_that_recalls_an_old_year(index):
    body = (
        "Geely and Renault are buying stakes in each other, returning to ties they had "
        "given up in 2018, the companies said."
    )
    assert talks(body, index) == {pair("Geely", "Renault"): "agreed"}


# --- a country across the table -----------------------------------------------------------


@pytest.fixture(scope="module")
def index_with_governments():
    return CompanyIndex.build(
        [
            *COMPANIES,
            KnownCompany("Indonesian government", "other", ("Indonesia's government",)),
            KnownCompany("German government", "other", ("Germany's government",)),
        ]
    )


def test_it_reads_a_country_in_talks_with_a_company_as_its_government(index_with_governments):
    body = "Talks between Indonesia and Tesla are going on, people familiar with them said."
    assert talks(body, index_with_governments) == {
        pair("Indonesian government", "Tesla"): "rumoured"
    }


@pytest.mark.parametrize(
    "speaker", ["President Prabowo told a business forum", "the investment minister said"]
)
def test_a_state_official_speaks_for_the_government_in_talks(index_with_governments, speaker):
    body = f"Tesla is still negotiating with Indonesia over a battery plant, {speaker}."
    assert talks(body, index_with_governments) == {
        pair("Indonesian government", "Tesla"): "confirmed"
    }


def test_each_company_finalising_deals_with_a_country_pairs_with_its_government(
    index_with_governments,
):
    body = "The minister said BYD, Tesla and others were all finalising deals with Indonesia."
    assert set(talks(body, index_with_governments)) == {
        pair("Indonesian government", "BYD"),
        pair("Indonesian government", "Tesla"),
    }


def test_it_leaves_a_deal_between_two_countries_to_their_governments(index_with_governments):
    body = "Volkswagen welcomed the agreement between Germany and Indonesia on Monday."
    assert talks(body, index_with_governments) == {}


# --- rivals and asides ----------------------------------------------------------------------


def test_it_does_not_pair_the_company_a_partner_is_called_a_rival_of(index):
    body = "Geely has a joint venture with Renault, a rival of Stellantis, in South Korea."
    assert talks(body, index) == {pair("Geely", "Renault"): "agreed"}


def test_it_does_not_pair_talks_told_in_a_relative_clause_with_what_follows_it(index):
    body = "Honda and Nissan, which are in merger talks, face competition from BYD, sources said."
    assert talks(body, index) == {pair("Honda", "Nissan"): "rumoured"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nissan rebuffed an offer from Foxconn on Friday.",
        "Nissan turned down a takeover approach from Foxconn, the company said.",
    ],
)
def test_it_reads_an_approach_turned_away_as_ended(index, sentence):
    assert talks(sentence, index) == {pair("Nissan", "Foxconn"): "ended"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Tesla has reached out to Boston Dynamics about a tie-up, insiders said.",
        "Tesla has been sounding out Boston Dynamics about an investment, insiders said.",
        "Tesla has made overtures to Boston Dynamics, insiders said.",
    ],
)
def test_it_reads_reaching_out_to_a_company_as_rumoured_talks(index, sentence):
    assert talks(sentence, index) == {pair("Tesla", "Boston Dynamics"): "rumoured"}


def test_it_does_not_read_a_stake_a_company_is_only_keen_on_as_agreed(index):
    body = "Tesla is keen to buy a stake in Boston Dynamics, the report said."
    assert talks(body, index) == {pair("Tesla", "Boston Dynamics"): "rumoured"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nio has picked BYD as its battery partner for Europe.",
        "Nio has tapped BYD to build its cheaper models.",
    ],
)
def test_it_reads_a_company_chosen_for_a_job_as_agreed(index, sentence):
    assert talks(sentence, index) == {pair("Nio", "BYD"): "agreed"}


def test_it_does_not_read_a_company_picked_for_a_ranking_as_a_partner(index):
    body = "Analysts picked BYD as the winner of the price war with Tesla."
    assert talks(body, index) == {}


def test_a_holding_is_no_new_deal_when_the_owner_s_name_ends_in_to(index):
    # "Changan Auto owns": the "to" that would make it "to own" is part of the name
    assert talks("Changan Auto owns 41% of Avatr, with Nio the next-largest holder.", index) == {}


def test_what_a_buyer_purchases_from_a_seller_is_no_pair_of_its_own(index):
    body = "Regulators have approved Stellantis's purchase of Leapmotor and Nio from Geely."
    assert talks(body, index) == {
        pair("Stellantis", "Leapmotor"): "agreed",
        pair("Stellantis", "Nio"): "agreed",
        pair("Stellantis", "Geely"): "agreed",
    }


def test_an_owner_named_in_an_aside_with_describing_words_is_no_party(index):
    body = (
        "Volvo Cars, the electric vehicle unit of holding company Geely, said on Monday it "
        "has raised $200 million from SoftBank."
    )
    assert talks(body, index) == {pair("Volvo Cars", "SoftBank"): "agreed"}


def test_an_investment_made_before_the_news_is_no_new_deal(index):
    body = (
        "SoftBank, which had already committed $2 billion to Cruise, did not say how much it "
        "is putting in this time."
    )
    assert talks(body, index) == {}


def test_a_descriptor_with_a_nationality_stands_for_a_company_of_that_country():
    index = CompanyIndex.build(
        [
            KnownCompany("Honda", "automaker", ("Honda Motor",), country="JP"),
            KnownCompany("General Motors", "automaker", ("GM",), country="US"),
            KnownCompany("Cruise", "technology", parent="General Motors", country="US"),
        ]
    )
    body = (
        "General Motors has found a new backer for Cruise, its self-driving unit.\n"
        "General Motors said on Wednesday that Honda Motor will invest $2.75 billion.\n"
        "In return, the Japanese automaker will get a 5.7 percent stake in Cruise."
    )
    assert talks(body, index) == {pair("Honda", "Cruise"): "agreed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nio and BYD applied to set up a joint venture in China.",
        "Nio and BYD have filed an application with regulators to set up a joint venture.",
    ],
)
def test_partners_applying_to_set_up_a_venture_have_agreed_it(index, sentence):
    assert talks(sentence, index) == {pair("Nio", "BYD"): "agreed"}


def test_a_quoted_term_sheet_is_signed_all_the_same(index):
    body = "Nio has signed a 'Term Sheet' for the possible purchase of a plant from BYD."
    assert talks(body, index) == {pair("Nio", "BYD"): "agreed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Both boards will meet next week to discuss possibly calling off the talks.",
        "The pair are now thinking of ending the talks.",
    ],
)
def test_an_end_only_weighed_does_not_end_the_talks(index, sentence):
    body = f"Honda confirmed it is in talks with Nissan about a merger.\n{sentence}"
    assert talks(body, index) == {pair("Honda", "Nissan"): "confirmed"}


def test_a_deal_a_report_says_might_come_is_rumoured(index):
    body = (
        "A memorandum of understanding between Nio and BYD might be announced later this "
        "month, according to the report."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "rumoured"}


def test_an_investment_only_expected_is_no_agreed_deal(index):
    body = "Tesla is expected to buy a 10% stake in Boston Dynamics, the minister said."
    assert talks(body, index).get(pair("Tesla", "Boston Dynamics")) != "agreed"


def test_a_stake_disclosed_in_a_filing_is_a_holding_not_a_deal(index):
    body = "SoftBank disclosed a 5.4 percent stake in Nio in a regulatory filing on Thursday."
    assert talks(body, index) == {}


def test_a_security_written_in_capitals_is_no_party(index):
    body = (
        "SoftBank has entered into a binding agreement to invest in Compulsorily Convertible "
        "Preference Shares (CCPS) of Nio."
    )
    found = talks(body, index)
    assert all("Shares" not in name for parties in found for name in parties)


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "There are reports that Nio and global leader BYD could join forces on batteries.",
            "rumoured",
        ),
        ("Nio and BYD will join forces to develop batteries.", "agreed"),
    ],
)
def test_two_companies_joining_forces_are_the_pair(index, sentence, status):
    assert talks(sentence, index) == {pair("Nio", "BYD"): status}


def test_a_venture_two_companies_will_pay_to_set_up_is_agreed(index):
    body = "Nio and BYD will invest more than $4 billion to set up a battery joint venture."
    assert talks(body, index) == {pair("Nio", "BYD"): "agreed"}


def test_the_co_owner_of_a_venture_bought_into_is_not_the_target(index):
    body = "Nio has invited Tesla to take a stake in the new venture it launched with BYD."
    assert pair("Tesla", "BYD") not in talks(body, index)


@pytest.mark.parametrize(
    "body",
    [
        "Hyundai has revived its plan, and discussions are continuing with BYD, news agency PTI "
        "reported.",
        "Discussions between Hyundai and BYD are continuing, Bernama reported.",
    ],
)
def test_it_takes_talks_going_on_that_an_outlet_reports_for_rumoured(index, body):
    assert talks(body, index) == {pair("Hyundai", "BYD"): "rumoured"}


def test_it_keeps_talks_a_party_confirms_through_an_outlet_confirmed(index):
    body = "Hyundai confirmed it was in discussions with BYD, news agency PTI reported."
    assert talks(body, index) == {pair("Hyundai", "BYD"): "confirmed"}


def test_the_companies_a_describing_aside_lists_are_no_parties(index):
    body = (
        "SoftBank, the Japanese backer of Nio, Xiaomi and BYD, is buying a 10% stake in Leapmotor."
    )
    assert talks(body, index) == {pair("SoftBank", "Leapmotor"): "agreed"}


@pytest.mark.parametrize("thing", ["the assembly complex", "its battery assets", "the test site"])
def test_selling_a_site_or_assets_to_a_company_is_a_deal_with_it(index, thing):
    body = f"Ford has sold {thing} to Geely."
    assert talks(body, index) == {pair("Ford", "Geely"): "agreed"}


def test_an_end_told_of_years_before_the_article_is_history(index):
    body = (
        "Nio and BYD signed an agreement on Monday to set up a battery joint venture. "
        "The two carmakers had dissolved an earlier supply tie-up in 2015."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "agreed"}


def test_an_update_dated_years_before_the_article_does_not_move_the_status(index):
    body = (
        "Nio confirmed on Monday that it is in talks with BYD about a battery venture. "
        "Those talks had been called off in 2016."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "confirmed"}


def test_a_parent_and_its_unit_dealing_with_one_company_are_no_pair():
    index = CompanyIndex.build(
        [
            KnownCompany("Hyundai", "automaker"),
            KnownCompany("Kia", "automaker", parent="Hyundai"),
            KnownCompany("Nio", "automaker"),
        ]
    )
    body = (
        "Hyundai and Kia said on Monday they had signed an agreement with Nio to work together "
        "on batteries. Under the agreement, the three companies will build cells in Europe."
    )
    assert talks(body, index) == {pair("Hyundai", "Nio"): "agreed", pair("Kia", "Nio"): "agreed"}


@pytest.mark.parametrize(
    "body",
    [
        "Nio told the Shenzhen Stock Exchange in a filing that the planner had given the "
        "partnership with BYD the green light.",
        "In a statement to the Shenzhen Stock Exchange on Monday, Nio said it planned to sign a "
        "memorandum with BYD.",
    ],
)
def test_the_exchange_a_company_reports_to_is_no_party(index, body):
    assert not any("Shenzhen Stock Exchange" in parties for parties in talks(body, index))


@pytest.mark.parametrize(
    "denial",
    ["Nio rubbished the report on Monday.", "Nio termed the reports as speculative."],
)
def test_a_party_rubbishing_the_report_denies_it(index, denial):
    body = (
        "Nio is in talks to buy a stake in BYD, Reuters reported, citing people familiar with "
        "the matter. " + denial
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "denied"}


def test_selling_a_percentage_of_a_company_pairs_seller_and_buyer(index):
    body = "SoftBank will sell 49.9 percent of loss-making carmaker Leapmotor to China's BYD."
    assert pair("SoftBank", "BYD") in talks(body, index)


def test_the_companies_acquiring_joint_control_of_another_are_a_pair(index):
    body = (
        "The European Commission has cleared the acquisition of joint control of Germany-based "
        "Leapmotor by Stellantis and China's Nio."
    )
    assert talks(body, index).get(pair("Stellantis", "Nio")) == "agreed"


@pytest.mark.parametrize(
    "denial",
    [
        "A Nio spokesperson said the report was speculation.",
        "Nio said the report had no basis.",
        "Nio said the reports were 'completely wrong'.",
        "Nio said it was not considering any such deal.",
        "Nio said there is no such deal.",
    ],
)
def test_a_party_calling_the_report_baseless_or_wrong_denies_it(index, denial):
    body = (
        "Nio is in talks to buy a stake in BYD, Reuters reported, citing people familiar with "
        "the matter. " + denial
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "denied"}


@pytest.mark.parametrize(
    "end",
    [
        "Nio said the deal was off.",
        "Nio said the negotiations had failed.",
        "Nio pulled the plug on the deal.",
        "Nio said it no longer plans to invest in BYD.",
        "Nio said it had let the agreement lapse.",
    ],
)
def test_a_deal_called_off_in_other_words_has_ended(index, end):
    body = "Nio signed an agreement on Friday to buy a stake in BYD. " + end
    assert talks(body, index) == {pair("Nio", "BYD"): "ended"}


@pytest.mark.parametrize("credit", ["Bloomberg News said", "the Nikkei wrote on Monday"])
def test_a_deal_an_outlet_says_is_coming_is_rumoured(index, credit):
    body = f"Nio plans to buy a stake in BYD, {credit}."
    assert talks(body, index) == {pair("Nio", "BYD"): "rumoured"}


@pytest.mark.parametrize(
    "update",
    [
        "Negotiations have reached a late stage and a deal might be signed by June.",
        "The talks reached an advanced stage and an agreement was close, insiders said.",
    ],
)
def test_a_deal_said_to_be_near_leaves_a_rumour_a_rumour(index, update):
    body = (
        "Kia is discussing a battery venture with Foxconn, people familiar with the matter "
        "said. " + update
    )
    assert talks(body, index) == {pair("Kia", "Foxconn"): "rumoured"}


@pytest.mark.parametrize("verb", ["has threatened to end", "is seeking to scrap"])
def test_a_threat_to_end_a_partnership_does_not_end_it(index, verb):
    body = f"Kia and Foxconn signed a battery partnership in March. Kia {verb} the partnership."
    assert talks(body, index) == {pair("Kia", "Foxconn"): "agreed"}


@pytest.mark.parametrize(
    "stop",
    ["Regulators paused their review of the merger.", "The EU halted its probe of the merger."],
)
def test_a_review_paused_or_halted_does_not_end_the_deal(index, stop):
    body = "Nio and BYD signed a merger agreement in April. " + stop
    assert talks(body, index) == {pair("Nio", "BYD"): "agreed"}


def test_an_end_only_believed_or_rumoured_does_not_end_confirmed_talks(index):
    body = (
        "Nio confirmed on Monday that it is in talks with BYD about a battery venture. "
        "Nio was thought to have scrapped the venture with BYD in March."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "confirmed"}


def test_declining_to_comment_on_whether_talks_go_on_confirms_nothing(index):
    body = (
        "Nio is in talks to buy a stake in BYD, people familiar with the matter said. "
        "Nio declined to comment on whether negotiations were ongoing."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "rumoured"}


def test_a_confirmation_of_talks_with_unnamed_partners_is_of_no_pair(index):
    body = (
        "Nio is in talks to buy a stake in BYD, people familiar with the matter said. "
        "BYD confirmed last month that it was in talks with several potential partners."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "rumoured"}


def test_a_report_saying_talks_go_on_confirms_nothing(index):
    body = (
        "Nio is in talks to buy a stake in BYD, people familiar with the matter said. "
        "A report that appeared on Monday says Nio is still negotiating."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "rumoured"}


def test_a_partys_denial_outranks_reports_that_the_talks_collapsed(index):
    body = (
        "Nio denied on Monday that it had held any talks with BYD. "
        "The denial came after reports that merger talks between Nio and BYD had collapsed."
    )
    assert talks(body, index) == {pair("Nio", "BYD"): "denied"}


def test_breaking_up_an_alliance_ends_it(index):
    body = (
        "Kia and Foxconn formed a battery alliance in 2023. "
        "On Monday the two companies said they were breaking up the alliance."
    )
    assert talks(body, index) == {pair("Kia", "Foxconn"): "ended"}


def test_the_merger_a_named_company_came_from_is_no_news_of_its_parties(index):
    body = (
        "Stellantis, formed through the merger of FCA and PSA, said on Monday it had signed "
        "a deal with Leapmotor."
    )
    assert talks(body, index) == {pair("Stellantis", "Leapmotor"): "agreed"}


def test_a_merger_that_will_create_a_company_is_still_the_pairs_deal(index):
    body = "FCA and PSA agreed on Wednesday to a merger that will form Stellantis."
    assert talks(body, index) == {pair("Fiat Chrysler", "PSA"): "agreed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Honda said it was open to a partnership with Nissan.",
        "Honda said it was weighing options including an alliance with Nissan.",
        "Honda said it would decide on a tie-up with Nissan by June.",
    ],
)
def test_a_deal_a_party_only_weighs_is_confirmed_talks(index, sentence):
    assert talks(sentence, index) == {pair("Honda", "Nissan"): "confirmed"}


def test_a_partys_existing_partnership_told_in_passing_stays_agreed(index):
    body = "Honda said its partnership with Nissan would cover software as well."
    assert talks(body, index) == {pair("Honda", "Nissan"): "agreed"}


def test_a_rival_named_after_unnamed_partners_is_not_one_of_them(index):
    body = (
        "Nio said it was open to cooperation with several potential partners. "
        "The money would help it compete against rival Tesla in markets such as Europe."
    )
    assert pair("Nio", "Tesla") not in talks(body, index)


@pytest.mark.parametrize(
    "sentence",
    [
        "Toyota and BYD are partnering on electric sedans.",
        "Toyota and BYD will cooperate closely on batteries.",
        "Toyota and BYD are collaborating to build chargers in Europe.",
    ],
)
def test_two_subjects_working_together_without_with_are_the_pair(index, sentence):
    assert talks(sentence, index) == {pair("Toyota", "BYD"): "agreed"}


def test_talks_on_how_to_cooperate_are_still_talks(index):
    body = "Toyota and BYD have been negotiating since June over how to cooperate on batteries."
    assert talks(body, index) == {pair("Toyota", "BYD"): "rumoured"}


@pytest.mark.parametrize(
    "sentence",
    [
        "State-owned carmaker BAIC and Nissan have agreed to make cars in Egypt.",
        "Nissan and the privately owned BAIC have agreed to make cars in Egypt.",
    ],
)
def test_a_company_described_as_owned_by_someone_can_be_a_party(index, sentence):
    assert talks(sentence, index) == {pair("BAIC", "Nissan"): "agreed"}


def test_a_company_another_owns_part_of_is_no_subject_of_its_owners_deal(index):
    body = "Renault will own 40% of state-owned BAIC and form a venture with Nio."
    assert pair("BAIC", "Nio") not in talks(body, index)


@pytest.mark.parametrize(
    ("cited", "status"),
    [
        ("citing Changan chairman Zhu Huarong", "confirmed"),
        ("citing a statement from Changan", "confirmed"),
        ("citing people familiar with the matter", "rumoured"),
    ],
)
def test_a_report_citing_a_party_itself_tells_the_partys_word(index, cited, status):
    body = f"Changan is in talks to take over Nio, Reuters reported on Wednesday, {cited}."
    assert talks(body, index) == {pair("Changan", "Nio"): status}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nissan has signed a deal with BYD, as rivals Honda and Tesla step up their own plans.",
        "Nissan has signed a deal with BYD, whose backers include SoftBank.",
    ],
)
def test_companies_named_after_the_counterpart_in_another_role_are_not_counterparts(
    index, sentence
):
    assert talks(sentence, index) == {pair("Nissan", "BYD"): "agreed"}


def test_counterparts_joined_by_as_well_as_are_all_counterparts(index):
    body = "Nissan has signed deals with BYD as well as Tesla."
    assert talks(body, index) == {
        pair("Nissan", "BYD"): "agreed",
        pair("Nissan", "Tesla"): "agreed",
    }


@pytest.mark.parametrize("told", ["the paper reported", "the journal said"])
def test_a_deal_a_newspaper_tells_of_is_its_report(index, told):
    assert talks(f"Nissan will sign a deal with BYD, {told}.", index) == {
        pair("Nissan", "BYD"): "rumoured"
    }


def test_a_deal_a_white_paper_mentions_is_no_report(index):
    body = "Nissan will sign a deal with BYD, its white paper said."
    assert talks(body, index) == {pair("Nissan", "BYD"): "agreed"}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Nissan cooperates with BYD on batteries.", "agreed"),
        ("Nissan will tie up with BYD in Europe.", "agreed"),
        ("Nissan linked up with BYD last month.", "agreed"),
        ("Nissan could tie up with BYD, sources said.", "rumoured"),
    ],
)
def test_working_with_a_company_in_the_simple_tenses_names_the_pair(index, sentence, status):
    assert talks(sentence, index) == {pair("Nissan", "BYD"): status}


def test_a_company_picked_as_partner_without_an_article_is_the_pair(index):
    assert talks("Nissan picks BYD as battery partner.", index) == {pair("Nissan", "BYD"): "agreed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nissan said it was in talks with Honda, ending weeks of speculation.",
        "Nissan said it is in talks with Honda to end its reliance on Renault.",
    ],
)
def test_ending_speculation_or_a_reliance_does_not_end_the_talks(index, sentence):
    assert talks(sentence, index) == {pair("Nissan", "Honda"): "confirmed"}


def test_talks_that_ended_still_end(index):
    body = "Nissan said it had ended its talks with Honda."
    assert talks(body, index) == {pair("Nissan", "Honda"): "ended"}


def test_a_party_still_in_talks_despite_reports_of_a_collapse_confirms_them(index):
    body = "Nissan said it was still in talks with Honda despite reports they had collapsed."
    assert talks(body, index) == {pair("Nissan", "Honda"): "confirmed"}


def test_a_party_telling_of_a_collapse_itself_ends_the_talks(index):
    body = "Nissan said its talks with Honda had collapsed."
    assert talks(body, index) == {pair("Nissan", "Honda"): "ended"}


def test_what_the_parties_did_according_to_a_report_is_the_reports_word(index):
    body = "According to the report, Nio and BYD told suppliers they were in merger talks."
    assert talks(body, index) == {pair("Nio", "BYD"): "rumoured"}


# --- the pair model's review of the rules' pairs ----------------------------------------


def reviewed(body, index, weights):
    """The talks after a review by a model that weighs only the rules' reasons."""
    context, result = read_by_rules(body, index, published=date(2024, 5, 2))
    model = pairs.TalkModel(
        {
            "pair": {"intercept": 0.0, "weights": weights},
            "status": {"classes": ["agreed"], "intercepts": [0.0], "weights": {}},
        }
    )
    return {frozenset(talk.parties) for talk in pairs.review(context, result.talks, model)}


def test_it_drops_a_rules_pair_the_pair_model_plainly_doubts(index):
    body = (
        "Nio is in talks with BYD about a battery venture, people familiar with the matter said. "
        "Ford signed a deal with Geely last year to share engines."
    )
    doubted = {"why=pair named around a agreed phrase": -4.0}
    assert reviewed(body, index, {}) == {pair("Nio", "BYD"), pair("Ford", "Geely")}

    assert reviewed(body, index, doubted) == {pair("Nio", "BYD")}


def test_it_drops_a_rules_pair_the_pair_model_gives_less_than_one_in_five(index):
    body = "Ford signed a deal with Geely on Monday to share engines."
    assert reviewed(body, index, {"bias": -1.3}) == {pair("Ford", "Geely")}  # 0.21
    assert reviewed(body, index, {"bias": -1.5}) == set()  # 0.18


def test_it_adds_a_pair_named_together_the_pair_model_gives_at_least_three_in_five(index):
    body = "Nio and BYD unveiled new battery packs at the show on Monday."
    assert reviewed(body, index, {"bias": 0.3}) == set()  # 0.57
    assert reviewed(body, index, {"bias": 0.5}) == {pair("Nio", "BYD")}  # 0.62
