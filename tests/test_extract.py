"""The extractor: the seed article's exact facts, and one test per rule."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from evtracker.news.extract import CompanyIndex, KnownCompany, extract
from evtracker.news.extraction.dates import event_date
from evtracker.news.extraction.money import find_amounts
from evtracker.news.extraction.sentences import split_sentences
from evtracker.news.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
PUBLISHED = date(2023, 10, 12)

COMPANIES = [
    KnownCompany("Xiaomi", "technology", ("Xiaomi Corp.",)),
    KnownCompany("Chery", "automaker", ("Chery Automobile Co.",)),
    KnownCompany("Brilliance Auto", "automaker"),
    KnownCompany("BAIC", "automaker", ("Beijing Automotive Group",)),
    KnownCompany("General Motors", "automaker", ("GM",)),
    KnownCompany("Volkswagen", "automaker", ("VW", "Volkswagen Group")),
    KnownCompany("Nio", "automaker", ("NIO",)),
    KnownCompany("Apple", "technology", ("Apple Inc.",)),
    KnownCompany("Great Wall Motor", "automaker", ("Great Wall",)),
    KnownCompany("MIIT", "regulator", ("Ministry of Industry and Information Technology",)),
    KnownCompany("NDRC", "regulator", ("National Development and Reform Commission",)),
    KnownCompany("Tencent", "technology"),
]


@pytest.fixture(scope="module")
def index():
    return CompanyIndex.build(COMPANIES)


@pytest.fixture(scope="module")
def seed_index():
    companies = json.loads((ROOT / "seeds" / "companies.json").read_text(encoding="utf-8"))
    return CompanyIndex.build(
        KnownCompany(c["name"], c["kind"], tuple(c.get("aliases", ()))) for c in companies
    )


def run(body, index, **kwargs):
    return extract(body, index, published=kwargs.pop("published", PUBLISHED), **kwargs)


def talks_of(result):
    return {(frozenset(t.parties), t.status) for t in result.talks}


# --- the seed article -------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_index):
    article = read_path(SEED)
    result = extract(
        article.body,
        seed_index,
        published=article.published_at.date(),
        title=article.title,
        skip=article.blocks,
    )
    return article, result


def test_it_finds_exactly_the_seed_talks(seed):
    article, result = seed
    assert talks_of(result) == {
        (frozenset({"Xiaomi", "Brilliance Auto"}), "rumoured"),
        (frozenset({"Xiaomi", "Chery"}), "rumoured"),
    }
    for talk in result.talks:
        assert talk.parties[0] == "Xiaomi"
        assert talk.attributed_to == "Bloomberg"
        assert talk.sentence.startswith("A Bloomberg report suggests that the smartphone maker")
        assert article.body[talk.start : talk.end] == talk.sentence


def test_it_finds_exactly_the_seed_pledge(seed):
    article, result = seed
    [investment] = result.investments
    assert (investment.investor, investment.target) == ("Xiaomi", None)
    assert (investment.amount, investment.currency) == (Decimal("10000000000"), "USD")
    assert investment.kind == "pledge"
    assert investment.stake_percent is None
    assert "invest around $10 billion" in investment.sentence
    assert article.body[investment.start : investment.end] == investment.sentence


def test_it_finds_exactly_the_seed_approval(seed):
    article, result = seed
    [approval] = result.approvals
    assert (approval.subject, approval.regulator, approval.status) == ("Xiaomi", "MIIT", "pending")
    assert approval.what == "manufacturing licence"
    assert approval.sentence.startswith("The company still awaits approval")
    assert article.body[approval.start : approval.end] == approval.sentence


def test_it_lists_the_seed_companies_in_order_of_first_mention(seed):
    _, result = seed
    assert result.companies == ["Xiaomi", "Brilliance Auto", "Chery", "MIIT"]
    assert result.new_companies == []


def test_it_gives_the_same_result_every_time(seed, seed_index):
    article, result = seed
    again = extract(
        article.body,
        seed_index,
        published=article.published_at.date(),
        title=article.title,
        skip=article.blocks,
    )
    assert again == result


# --- sentences ----------------------------------------------------------------------


def test_it_does_not_end_sentences_at_abbreviations_or_decimals():
    body = (
        "Xiaomi approached Chery Automobile Co. to discuss a deal worth $2.5bn in the U.S. market. "
        "The company declined to comment."
    )
    sentences = [s.text for s in split_sentences(body)]
    assert sentences == [
        "Xiaomi approached Chery Automobile Co. to discuss a deal worth $2.5bn in the U.S. market.",
        "The company declined to comment.",
    ]


def test_it_ends_a_sentence_after_a_legal_suffix_when_a_new_one_starts():
    body = "Nio signed a deal with Chery Automobile Co. The deal runs for ten years."
    assert len(split_sentences(body)) == 2


# --- company mentions -----------------------------------------------------------------


def test_it_matches_short_capital_aliases_only_in_capitals(index):
    result = run("GM and VW are in talks, people familiar said. The gm of the plant quit.", index)
    assert talks_of(result) == {(frozenset({"General Motors", "Volkswagen"}), "rumoured")}
    assert "General Motors" in result.companies


def test_it_ignores_a_company_name_written_as_an_ordinary_word(index):
    result = run("Xiaomi shares rose after it sold an apple-shaped speaker.", index)
    assert result.companies == ["Xiaomi"]


def test_it_prefers_the_longest_name_and_reads_possessives(index):
    result = run("Great Wall Motor's chairman met Xiaomi's founder.", index)
    assert result.companies == ["Great Wall Motor", "Xiaomi"]


def test_it_reads_a_short_form_after_the_full_legal_name(index):
    body = (
        "Brilliance Auto Group Holdings Co. shares rose. Later, Brilliance said it was in talks "
        "with Xiaomi, confirming a report."
    )
    result = run(body, index)
    assert talks_of(result) == {(frozenset({"Brilliance Auto", "Xiaomi"}), "confirmed")}


def test_it_resolves_the_company_and_the_smartphone_maker_to_the_main_subject(index):
    body = (
        "Xiaomi is building a car. Xiaomi hired 3,000 engineers. "
        "The smartphone maker has approached BAIC, Reuters reported. "
        "The company still awaits MIIT approval to make cars."
    )
    result = run(body, index)
    assert talks_of(result) == {(frozenset({"Xiaomi", "BAIC"}), "rumoured")}
    [approval] = result.approvals
    assert (approval.subject, approval.regulator, approval.status) == ("Xiaomi", "MIIT", "pending")


def test_it_finds_an_unknown_company_by_its_corporate_suffix(index):
    body = "Xiaomi is in talks with Hozon New Energy Automobile Co., people familiar said."
    result = run(body, index)
    assert [(c.name, c.kind) for c in result.new_companies] == [
        ("Hozon New Energy Automobile", "automaker")
    ]
    assert "Hozon New Energy Automobile" in result.companies
    assert talks_of(result) == {(frozenset({"Xiaomi", "Hozon New Energy Automobile"}), "rumoured")}


def test_it_does_not_take_an_auto_show_for_a_company(index):
    result = run("Xiaomi showed its car at the Shanghai Auto Show on Tuesday.", index)
    assert result.new_companies == []


def test_it_never_counts_a_news_outlet_as_a_company(index):
    outlet_index = CompanyIndex.build([*COMPANIES, KnownCompany("Bloomberg", "other")])
    result = run("Xiaomi is in talks with Chery, Bloomberg reported.", outlet_index)
    assert "Bloomberg" not in result.companies
    [talk] = result.talks
    assert talk.attributed_to == "Bloomberg"


def test_a_party_speaking_for_itself_is_not_the_talks_source(index):
    # The sources page counts outlets and unnamed sources; a company confirming its own
    # talks is a party's word (in the talk's reasons), not a source of the report.
    result = run("Chery said on Monday that it is in talks with Xiaomi about making cars.", index)
    [talk] = result.talks
    assert (talk.status, talk.attributed_to) == ("confirmed", None)
    assert "said by Chery" in talk.why
    reported = run("Xiaomi is in talks with Chery, people familiar with the matter said.", index)
    assert [t.attributed_to for t in reported.talks] == ["people familiar with the matter"]


def test_a_wire_dateline_is_not_the_outlet_a_report_credits(index):
    result = run(
        "BEIJING (Reuters) - Xiaomi is in talks with Chery about making cars, "
        "the Financial Times reported on Monday.",
        index,
    )
    assert [t.attributed_to for t in result.talks] == ["Financial Times"]


def test_a_rumour_told_later_rests_on_the_outlet_the_article_credits_first(index):
    result = run(
        "Bloomberg reported on Monday that Xiaomi wants to build its own cars.\n\n"
        "The phone maker has hired hundreds of engineers for the project.\n\n"
        "Xiaomi is said to be in talks with Chery about producing the car.",
        index,
    )
    [talk] = result.talks
    assert (talk.status, talk.attributed_to) == ("rumoured", "Bloomberg")


# --- talks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Xiaomi is in talks with Chery, people familiar with the matter said.", "rumoured"),
        ("Xiaomi has reportedly approached Chery about a tie-up.", "rumoured"),
        ("Chery confirmed it was in talks with Xiaomi.", "confirmed"),
        ("Chery said it is in discussions with Xiaomi about a partnership.", "confirmed"),
        ("Xiaomi and Chery signed a memorandum of understanding on Monday.", "agreed"),
        ("Xiaomi has agreed to form a joint venture with Chery.", "agreed"),
        ("Xiaomi is expected to sign a deal with Chery, sources said.", "rumoured"),
        ("Chery denied a report that it was in talks with Xiaomi.", "denied"),
        ("Chery said it is not in talks with Xiaomi.", "denied"),
        ("Xiaomi and Chery have called off their talks.", "ended"),
        ("Negotiations between Xiaomi and Chery broke down in June.", "ended"),
    ],
)
def test_it_reads_the_status_of_a_talk_from_its_wording(index, sentence, status):
    assert talks_of(run(sentence, index)) == {(frozenset({"Xiaomi", "Chery"}), status)}


def test_it_gives_one_pair_per_counterpart_of_a_list(index):
    body = "Xiaomi has approached carmakers such as BAIC, Chery and Great Wall, Reuters said."
    pairs = {t.parties for t in run(body, index).talks}
    assert pairs == {("Xiaomi", "BAIC"), ("Xiaomi", "Chery"), ("Xiaomi", "Great Wall Motor")}


def test_it_keeps_one_talk_per_pair_with_the_final_word_of_the_article(index):
    body = (
        "Xiaomi is in talks with Chery, Bloomberg reported.\n\nChery on Friday denied the report."
    )
    [talk] = run(body, index).talks
    assert talk.status == "denied"
    assert talk.sentence == "Chery on Friday denied the report."


def test_it_ignores_talks_with_someone_who_is_not_a_company(index):
    body = "General Motors and Volkswagen are also in talks with the union over wages."
    assert run(body, index).talks == []


def test_it_ignores_a_company_named_inside_an_aside(index):
    body = "Xiaomi, which competes with Apple, is in talks with Chery, sources said."
    assert talks_of(run(body, index)) == {(frozenset({"Xiaomi", "Chery"}), "rumoured")}


def test_it_never_makes_a_regulator_party_to_a_talk(index):
    assert run("Nio held talks with MIIT about subsidies.", index).talks == []


# --- investments ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$10 billion", "10000000000", "USD"),
        ("10bn yuan", "10000000000", "CNY"),
        ("EUR 2.5bn", "2500000000", "EUR"),
        ("€2.5 billion", "2500000000", "EUR"),
        ("RMB 10 billion", "10000000000", "CNY"),
        ("700 million dollars", "700000000", "USD"),
        ("1.5 trillion won", "1500000000000", "KRW"),
        ("£300m", "300000000", "GBP"),
        ("US$1.2 billion", "1200000000", "USD"),
        ("HK$3bn", "3000000000", "HKD"),
        ("Rs 1,200 crore", "12000000000", "INR"),
        ("$738.5 million", "738500000", "USD"),
        ("12,500,000 euros", "12500000", "EUR"),
    ],
)
def test_it_parses_amounts_with_currency_and_scale(text, amount, currency):
    [found] = find_amounts(f"It will invest {text} in the plant.")
    assert (found.value, found.currency) == (Decimal(amount), currency)


def test_it_keeps_the_first_currency_when_a_conversion_follows():
    amounts = find_amounts("It will invest 10bn yuan ($1.4bn), or about 9bn euros, in EVs.")
    assert [(a.value, a.currency) for a in amounts] == [(Decimal("10000000000"), "CNY")]


def test_it_reads_a_bare_yen_sign_from_the_article_context():
    [yen] = find_amounts("Toyota will invest ¥1 trillion in Japan.")
    [yuan] = find_amounts("BYD will invest ¥1 billion, or 1 billion yuan, in Hefei.")
    assert (yen.currency, yuan.currency) == ("JPY", "CNY")


def test_it_finds_a_stake_with_target_and_percent(index):
    body = "Volkswagen will invest $700 million in Nio for a 4.99% stake."
    [investment] = run(body, index).investments
    assert (investment.investor, investment.target) == ("Volkswagen", "Nio")
    assert investment.kind == "stake"
    assert investment.stake_percent == Decimal("4.99")


def test_it_finds_a_joint_venture_investment(index):
    body = "BAIC will invest 5 billion yuan in a joint venture with Xiaomi."
    [investment] = run(body, index).investments
    assert (investment.investor, investment.kind) == ("BAIC", "joint_venture")
    assert investment.purpose == "a joint venture with Xiaomi"


def test_it_takes_the_investor_after_from_when_money_is_raised(index):
    body = "Nio raised $1 billion from Tencent in a share sale."
    [investment] = run(body, index).investments
    assert (investment.investor, investment.target) == ("Tencent", "Nio")


@pytest.mark.parametrize(
    "body",
    [
        "The Xiaomi SU7 is priced at $30,000 in China.",
        "Nio posted revenue of 10 billion yuan in the quarter.",
        "Xiaomi's market value rose to $60 billion.",
        "Nio said investors led by the city of Hefei would invest 7 billion yuan in it.",
    ],
)
def test_it_does_not_take_prices_results_or_unnamed_investors_for_investments(index, body):
    assert run(body, index).investments == []


# --- approvals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Xiaomi still awaits approval from the MIIT to make cars.", "pending"),
        ("Xiaomi has not received MIIT approval yet.", "pending"),
        ("Xiaomi has applied to the MIIT for a licence.", "pending"),
        ("Xiaomi received approval from the MIIT on Monday.", "granted"),
        ("The MIIT granted Xiaomi a licence to make cars.", "granted"),
        ("The MIIT rejected Xiaomi's application for a licence.", "rejected"),
    ],
)
def test_it_reads_the_status_of_an_approval(index, sentence, status):
    [approval] = run(sentence, index).approvals
    assert (approval.subject, approval.regulator, approval.status) == ("Xiaomi", "MIIT", status)


def test_it_names_what_is_approved_the_same_way_across_reports(index):
    first = run("Xiaomi awaits MIIT approval to manufacture cars.", index).approvals[0]
    second = run("Xiaomi has won a production licence from the MIIT.", index).approvals[0]
    assert first.what == second.what == "manufacturing licence"


def test_it_keeps_an_approval_whose_regulator_is_not_named(index):
    (approval,) = run("Xiaomi hasn't received approval for manufacturing yet.", index).approvals
    assert (approval.subject, approval.regulator, approval.status) == ("Xiaomi", None, "pending")


def test_it_prefers_the_named_regulator_for_the_same_licence(index):
    text = (
        "Xiaomi hasn't received approval for manufacturing yet. "
        "Xiaomi still awaits approval from the Ministry of Industry and Information Technology."
    )
    approvals = run(text, index).approvals
    assert [(a.subject, a.regulator, a.status) for a in approvals] == [
        ("Xiaomi", "MIIT", "pending")
    ]


def test_it_takes_no_approval_from_a_rejected_rumour_or_a_board(index):
    assert run("Xiaomi rejected speculation about a licence deal.", index).approvals == []
    assert run("Chery's board approved the plan to build cars in Spain.", index).approvals == []


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks began in August last year.", date(2022, 8, 1)),
        ("They met last month.", date(2023, 9, 1)),
        ("They signed on Tuesday.", date(2023, 10, 10)),
        ("The talks began in March.", date(2023, 3, 1)),
        ("The talks began in November.", date(2022, 11, 1)),
        ("They signed on 3 March 2022.", date(2022, 3, 3)),
        ("Nio, founded in 2014, signed the deal.", PUBLISHED),
        ("They will sign by 2030.", PUBLISHED),
        ("No date here.", PUBLISHED),
    ],
)
def test_it_dates_an_event_from_its_sentence(sentence, expected):
    assert event_date(sentence, PUBLISHED) == expected


def test_it_dates_a_fact_by_its_sentence(index):
    body = "Xiaomi held talks with Chery in August last year, sources said."
    [talk] = run(body, index).talks
    assert talk.on == date(2022, 8, 1)


# --- text that is not running text ---------------------------------------------------


def test_it_lists_companies_of_headings_but_takes_no_fact_from_them(index):
    from evtracker.news.readers import Block

    heading = "Xiaomi in talks with Chery, sources say"
    body = f"{heading}\n\nXiaomi shares rose on Monday."
    result = run(body, index, skip=[Block("heading", 0, len(heading))])
    assert result.talks == []
    assert result.companies == ["Xiaomi", "Chery"]


def test_it_finds_the_same_trigger_phrases_as_a_full_scan():
    """The quick scan for where a phrase can start must never lose a match."""
    from evtracker.news.extraction import language, talks

    texts = []
    for path in sorted((ROOT / "tests" / "data" / "devset").glob("*.txt")):
        body = read_path(path).body
        texts += [sentence.text for sentence in split_sentences(body)]
    patterns = [language.TALK, language.AGREE, language.TOPIC, talks._NOUN_WITH]
    for pattern in patterns:
        for text in texts:
            quick = [m.span() for m in pattern.finditer(text)]
            assert quick == [m.span() for m in pattern.regex.finditer(text)], text


def test_it_reads_no_fact_from_a_run_on_line_that_is_not_prose(index):
    body = "Xiaomi is in talks with Chery and " * 60
    result = run(body, index)
    assert result.talks == []
    assert result.companies == ["Xiaomi", "Chery"]


def test_it_follows_a_press_release_definition_and_the_two_companies(index):
    body = (
        'Xiaomi Corp. (hereinafter "the Issuer") said the Issuer signed an agreement with BAIC.\n\n'
        "The two companies will also set up a joint venture with Chery."
    )
    result = run(body, index)
    assert talks_of(result) >= {(frozenset({"Xiaomi", "BAIC"}), "agreed")}


def test_it_stands_for_the_described_subject_before_a_company_named_later(index):
    # "it" in "in which it bought" is the sentence's subject, here a description, not the
    # company named between them.
    body = (
        "Xiaomi sells phones across Asia. Back then, the smartphone maker scrapped a plan to "
        "invest $200 million in Nio, in which it had bought a 5% stake in 2019."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments} == {"Xiaomi"}


def test_a_nationality_description_skips_a_company_of_another_kind_introduced_so():
    # "Japanese parts maker Hokuto" introduces a supplier: "the Japanese carmaker" is not it.
    index = CompanyIndex.build(
        [
            KnownCompany("Sakura Motors", "automaker", country="JP"),
            KnownCompany("Hokuto", "supplier", country="JP"),
        ]
    )
    body = (
        "Sakura Motors will build the packs with Japanese parts maker Hokuto. "
        "The Japanese carmaker said it would also spend $400 million on a new plant in Ohio."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments} == {"Sakura Motors"}


def test_a_company_that_only_describes_the_subject_is_not_the_investor(index):
    # "Tencent's biggest cloud partner had ...": the subject is the company just told of.
    body = (
        "Xiaomi is widening its reach beyond phones. "
        "Tencent's biggest cloud partner had also weighed buying a 20% stake in Nio last year."
    )
    result = run(body, index)
    assert "Tencent" not in {i.investor for i in result.investments}
    assert {i.investor for i in result.investments} <= {"Xiaomi"}


def test_a_place_based_description_stands_for_a_company_of_that_places_country():
    # "the Pune-based company" is an Indian one, not the German carmaker the article leads with.
    index = CompanyIndex.build(
        [
            KnownCompany("Rheinwerk Auto", "automaker", country="DE"),
            KnownCompany("Sahyadri Motors", "automaker", country="IN"),
        ]
    )
    body = (
        "Rheinwerk Auto is expanding in Asia. Rheinwerk Auto has looked at several partners, "
        "among them Sahyadri Motors. "
        "The Pune-based company said it will invest $120 million in a battery plant."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments} == {"Sahyadri Motors"}


def test_a_company_named_in_an_aside_that_describes_the_subject_is_no_party(index):
    # "Xiaomi, long known as Tencent's biggest handset partner, ...": Tencent only describes
    # Xiaomi.
    body = (
        "Xiaomi, long known as Tencent's biggest handset partner, said on Monday that it would "
        "consider buying a stake in Nio."
    )
    result = run(body, index)
    assert "Tencent" not in {i.investor for i in result.investments}
    assert {i.investor for i in result.investments} == {"Xiaomi"}


def test_the_startup_is_the_company_introduced_as_one_not_its_investor(index):
    # "Nio, a young electric car start-up": "the start-up" is Nio, not Volkswagen.
    body = (
        "Volkswagen has long worked with Nio, a young electric car start-up. "
        "Volkswagen said on Monday it would buy a 5% stake in the start-up."
    )
    result = run(body, index)
    assert {(i.investor, i.target) for i in result.investments} == {("Volkswagen", "Nio")}


def test_the_startup_after_its_investor_and_itself_is_the_one_after_the_subject(index):
    # Volkswagen is the subject; "the start-up" is Nio, the next company named.
    body = "Volkswagen agreed terms with Nio on Monday and will buy a 5% stake in the start-up."
    result = run(body, index)
    assert {(i.investor, i.target) for i in result.investments} == {("Volkswagen", "Nio")}


def test_a_bare_description_holding_another_description_is_a_second_company(index):
    # "The company ... its stake in the Chinese carmaker": the holder is not the held.
    body = (
        "Nio shares rose on Tuesday after a report on its backers. Tencent bought more shares. "
        "The company has paid $300 million, lifting its stake in the Chinese carmaker to 12%."
    )
    result = run(body, index)
    assert ("Tencent", "Nio") in {(i.investor, i.target) for i in result.investments if i.amount}


def test_a_brazilian_description_is_not_the_chinese_company_the_article_leads_with():
    index = CompanyIndex.build(
        [
            KnownCompany("Longwei Auto", "automaker", country="CN"),
            KnownCompany("Serra Motors", "automaker", country="BR"),
        ]
    )
    body = (
        "Longwei Auto will build its SUVs in Brazil. Longwei Auto picked Serra Motors as its "
        "local partner. The Brazilian company plans to invest $800 million over four years."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments if i.amount} == {"Serra Motors"}


def test_a_nationality_description_follows_a_company_introduced_by_its_country():
    # "Japan's Sakura Motors" introduces a Japanese company, as "Japanese carmaker ..." would.
    index = CompanyIndex.build(
        [
            KnownCompany("Rheinwerk Auto", "automaker", country="DE"),
            KnownCompany("Sakura Motors", "automaker", country="JP"),
            KnownCompany("Fuji Motors", "automaker", country="JP"),
        ]
    )
    body = (
        "Rheinwerk Auto sold its plant to Japan's Sakura Motors. Fuji Motors was not involved. "
        "Rheinwerk Auto said on Monday that the Japanese carmaker would invest $200 million."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments if i.amount} == {"Sakura Motors"}


def test_a_carmaker_description_never_stands_for_a_government_named_before_it():
    index = CompanyIndex.build(
        [
            KnownCompany("Rheinwerk Auto", "automaker", country="FR"),
            KnownCompany("French government", "other", country="FR"),
            KnownCompany("Sakura Motors", "automaker", country="JP"),
        ]
    )
    body = (
        "Rheinwerk Auto shares fell on Monday. The French government said the French carmaker "
        "would buy a 10% stake in Sakura Motors."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments} == {"Rheinwerk Auto"}


def test_a_nationality_description_prefers_a_listed_firm_of_that_country_to_an_unlisted_one():
    # The zone's developer is known only by its legal suffix, so its country is unknown: "the
    # American carmaker" is the American company named before it.
    index = CompanyIndex.build([KnownCompany("Lumora Motors", "automaker", country="US")])
    body = (
        "Lumora Motors is looking for land in China. Pudong Riverside Development Co said "
        "its parent, Pudong Group, had not signed any agreement with the American carmaker."
    )
    result = run(body, index)
    assert {frozenset(t.parties) for t in result.talks} == {
        frozenset({"Pudong Group", "Lumora Motors"})
    }


def test_the_maker_of_the_brands_named_next_is_their_owner():
    index = CompanyIndex.build(
        [
            KnownCompany("Stellantis", "automaker", country="NL"),
            KnownCompany("Jeep", "automaker", parent="Stellantis", country="US"),
            KnownCompany("Leapmotor", "automaker", country="CN"),
        ]
    )
    body = (
        "Leapmotor shares rose on Friday. The maker of the Jeep and Ram brands said it would "
        "invest 1.5 billion euros in Leapmotor."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments} == {"Stellantis"}


@pytest.mark.parametrize("owner", ["Jeep maker", "Jeep carmaker", "Jeep owner"])
def test_the_maker_named_by_its_brand_is_the_brands_owner(owner):
    index = CompanyIndex.build(
        [
            KnownCompany("Stellantis", "automaker", country="NL"),
            KnownCompany("Jeep", "automaker", parent="Stellantis", country="US"),
            KnownCompany("Leapmotor", "automaker", country="CN"),
        ]
    )
    body = f"Leapmotor shares rose. The {owner} said it would invest 1.5 billion euros in it."
    result = run(body, index)
    assert {i.investor for i in result.investments} == {"Stellantis"}


def test_a_brand_with_no_owner_listed_stays_itself_before_maker():
    index = CompanyIndex.build(
        [
            KnownCompany("Tesla", "automaker", country="US"),
            KnownCompany("Leapmotor", "automaker", country="CN"),
        ]
    )
    body = "Leapmotor shares rose. The Tesla maker said it would invest $1 billion in Leapmotor."
    result = run(body, index)
    assert {i.investor for i in result.investments} == {"Tesla"}


def test_an_oil_group_description_is_no_carmaker():
    index = CompanyIndex.build(
        [
            KnownCompany("Longwei Auto", "automaker", country="CN"),
            KnownCompany("Gulf Crude", "other", country="AE"),
        ]
    )
    body = (
        "Longwei Auto plans to spin off its engine arm. Longwei Auto has picked Gulf Crude as a "
        "partner. The oil group will pay $500 million for the new engine business."
    )
    result = run(body, index)
    assert {i.investor for i in result.investments if i.amount} == {"Gulf Crude"}
