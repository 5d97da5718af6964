"""Article text for the generated corpus: news-like bodies built from sentence templates.

Every body is a few paragraphs: a lead with the sentences that report the
article's facts (their offsets become Evidence), some context about those
companies, then industry background drawn at random, until the article holds
its 300 to 600 words. Numbers, places and months vary per sentence, so no two
bodies are the same text.
"""

import hashlib
from dataclasses import dataclass
from string import Formatter

# (status, template, attribution): {source} is filled with the attribution when it has one.
TALK_SENTENCES = {
    "rumoured": [
        ("{a} is in talks with {b} about {topic}, {source} said.", "people familiar"),
        ("{a} has approached {b} about {topic}, according to {source}.", "outlet"),
        ("{a} and {b} have held early discussions on {topic}, {source} said.", "people familiar"),
        (
            "{b} is weighing a tie-up with {a} that would cover {topic}, {source} reported.",
            "outlet",
        ),
    ],
    "confirmed": [
        ("{a} confirmed that it is in talks with {b} about {topic}.", ""),
        ("A spokesperson for {b} confirmed the discussions with {a} on {topic}.", ""),
        ("{a} and {b} said they are in discussions about {topic}.", ""),
    ],
    "agreed": [
        ("{a} and {b} signed an agreement on {topic}, the companies said in a statement.", ""),
        ("{a} has agreed to work with {b} on {topic}.", ""),
        ("{b} reached a deal with {a} on {topic}, {source} said.", "outlet"),
    ],
    "denied": [
        ("{a} denied a report that it was in talks with {b} about {topic}.", ""),
        ("{b} said it is not in talks with {a} and has no plans for {topic}.", ""),
    ],
    "ended": [
        ("{a} and {b} have ended their talks on {topic}, {source} said.", "people familiar"),
        ("{b} walked away from talks with {a} over {topic}.", ""),
    ],
}
INVESTMENT_SENTENCES = {
    "stake": "{investor} will invest {money} in {target} for a {stake}% stake, {source} said.",
    "joint_venture": "{investor} and {target} will set up a joint venture worth {money} "
    "to work on {purpose}.",
    "pledge": "{investor} plans to invest {money} in {purpose} over the next five years.",
    "pledge_into": "{investor} pledged {money} for {target} to spend on {purpose}.",
}
APPROVAL_SENTENCES = {
    "pending": "{subject} is still awaiting approval from {regulator} for its {what}.",
    "granted": "{regulator} granted {subject} approval for its {what}.",
    "rejected": "{regulator} rejected the application of {subject} for its {what}.",
}
FACT_CONTEXT = [
    "The discussions are at an early stage and may not lead to a deal.",
    "{a} declined to comment.",
    "{b} did not reply to a request for comment.",
    "Shares of {a} rose {pct}% in {city} after the news.",
    "Analysts at {bank} said a deal would help {a} fill its factories.",
    "{b} sold about {units} vehicles last year, down {pct}% from a year earlier.",
    "The two companies have worked together on {topic} before.",
    "A person close to {b} said a decision could come by {month}.",
]
BACKGROUND = [
    "Sales of new energy vehicles in {region} rose {pct}% in {month}, industry data showed.",
    "Dealers in {city} cut prices for the {nth} month in a row as the price war deepened.",
    "Carmakers are looking for partners to share the cost of {tech}.",
    "The market for {tech} is expected to grow to {money} by {year}, {bank} estimates.",
    "Battery prices fell {pct}% over the past year, helping cheaper models reach buyers.",
    "{company} delivered {units} cars in the {quarter} quarter.",
    "Exports of electric cars from China reached {units} units in {month}.",
    "Factories in {region} ran at about {pct}% of capacity last quarter.",
    "Tariffs on imported electric vehicles remain a concern for makers selling in {region}.",
    "{company} opened a plant in {city} that can build {units} vehicles a year.",
    "Software and {tech} now decide which models buyers choose, executives say.",
    "The {model} went on sale in {city} at a starting price of {price}.",
    "Charging networks in {region} added {units} public points in {month}.",
    "{company} said its order book for the {model} was full until {month}.",
    "Investors have grown wary of loss-making electric vehicle start-ups.",
    "The government in {region} extended purchase incentives until the end of {year}.",
    "Lithium prices have stabilised after a fall of {pct}% in {year}.",
    "Suppliers such as {company} are moving production closer to their customers.",
    "Analysts at {bank} cut their sales forecast for {region} by {pct}%.",
    "Competition among carmakers in {city} has pushed margins to record lows.",
    "{company} hired about {people} engineers to work on {tech}.",
    "Demand for plug-in hybrids grew faster than for battery electric cars in {month}.",
    "The {model} scored well in crash tests published in {month}.",
    "Several carmakers have delayed launches in {region} as subsidies were cut.",
]
# Rare on purpose: one article in about 2,000 carries it, for the text search benchmark.
RARE_SENTENCE = "{company} is testing sodium-ion cells made by {supplier} in its {model}."
RARE_WORD = "sodium-ion"
RARE_EVERY = 2000
COMMON_WORD = "battery"

TOPICS = [
    "building electric cars at one of its plants",
    "sharing a vehicle platform",
    "developing software for connected cars",
    "a joint venture to make batteries",
    "selling its cars in Europe",
    "driver-assistance systems",
    "a new battery electric model for export markets",
    "sharing factories in Southeast Asia",
    "licensing its electric vehicle platform",
    "smart cockpit chips",
    "a plug-in hybrid model for Latin America",
    "battery swapping stations",
]
PURPOSES = [
    "battery production",
    "electric vehicle development",
    "a new factory",
    "autonomous driving software",
    "charging infrastructure",
    "solid-state battery research",
    "its overseas expansion",
]
APPROVAL_SUBJECTS = [
    "EV manufacturing licence",
    "production permit",
    "vehicle type approval",
    "merger filing",
    "investment in a new plant",
    "data export review",
    "listing application",
    "road test permit for driverless cars",
    "battery safety certification",
    "joint venture registration",
    "emissions certification",
    "share sale",
]
REGIONS = ["China", "Europe", "Southeast Asia", "Latin America", "the Middle East",
           "Japan", "South Korea", "India", "the United States", "Australia"]  # fmt: skip
CITIES = ["Shanghai", "Shenzhen", "Hefei", "Wuhan", "Chongqing", "Guangzhou", "Beijing",
          "Hangzhou", "Tokyo", "Seoul", "Munich", "Stuttgart", "Paris", "Turin", "Detroit",
          "Bangkok", "Jakarta", "Sao Paulo", "Mexico City", "Istanbul", "Budapest"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
BANKS = ["UBS", "Morgan Stanley", "Citi", "Jefferies", "Bernstein", "Nomura", "CLSA",
         "Goldman Sachs", "HSBC", "Deutsche Bank"]  # fmt: skip
TECH = ["batteries", "driver-assistance software", "electric platforms", "chips",
        "smart cockpits", "charging networks", "solid-state batteries", "lidar"]  # fmt: skip
MODELS = ["Seal", "Atto 3", "ID.3", "bZ3", "Model Y", "EX30", "Aion S", "Han", "Dolphin",
          "ET5", "G6", "SU7", "L7", "C10", "Omoda 5", "Tiggo 8", "Mach-E", "Ioniq 5"]  # fmt: skip
QUARTERS = ["first", "second", "third", "fourth"]
NTH = ["second", "third", "fourth", "fifth", "sixth"]
OUTLETS = ["Reuters", "Bloomberg", "Nikkei Asia", "Caixin", "CnEVPost", "Automotive News",
           "Financial Times", "The Wall Street Journal", "Handelsblatt", "Yicai",
           "South China Morning Post", "Electrek", "Les Echos", "36Kr"]  # fmt: skip
FIRST_NAMES = ["Mei", "Tom", "Anna", "Omar", "Li", "Karl", "Sofia", "Kenji", "Priya", "Lucas",
               "Hana", "Wei", "Elena", "James", "Min-jun", "Fatima", "Marco", "Yuki"]  # fmt: skip
LAST_NAMES = ["Lin", "Becker", "Ricci", "Haddad", "Wen", "Weber", "Tanaka", "Sharma", "Moreau",
              "Kim", "Zhang", "Novak", "Ortiz", "Chen", "Park", "Rossi", "Wang"]  # fmt: skip
PEOPLE_FAMILIAR = ["people familiar with the matter", "two people with knowledge of the plans",
                   "sources close to the companies"]  # fmt: skip
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "CNY": "CNY ", "JPY": "¥"}
WORDS_MIN, WORDS_MAX = 300, 600
# Distinct background paragraphs (two to four sentences) to draw from; an article takes ten.
POOL_SIZE = 30_000


def _slots(template):
    return tuple(name for _, name, _, _ in Formatter().parse(template) if name)


def money_text(amount, currency):
    """'$2.5 billion', 'CNY 800 million': how an article writes an amount."""
    sign = CURRENCY_SIGNS.get(currency, currency + " ")
    for size, word in ((10**9, "billion"), (10**6, "million")):
        if amount >= size:
            return f"{sign}{amount / size:g} {word}"
    return f"{sign}{amount:,}"


@dataclass(frozen=True)
class Report:
    """One fact as one article reports it: the sentence and who it is attributed to."""

    sentence: str
    attributed_to: str


@dataclass
class ArticleText:
    title: str
    body: str
    normalised: str
    # (start, end) of each report's sentence in the body, in the order given.
    spans: list

    @property
    def content_hash(self):
        return hashlib.sha256(self.normalised.encode("utf-8")).hexdigest()


class Writer:
    """Writes article bodies; `random` is the generator's random() for reproducible choices."""

    def __init__(self, random, company_names, supplier_names, pool_size=POOL_SIZE):
        self.random = random
        self.company_names = company_names
        self.supplier_names = supplier_names
        self.context = [(t, _slots(t)) for t in FACT_CONTEXT]
        self.rare = (RARE_SENTENCE, _slots(RARE_SENTENCE))
        # Background paragraphs are drawn from a pool filled once: filling each sentence
        # afresh would cost most of the time of writing a million articles.
        background = [(t, _slots(t)) for t in BACKGROUND]
        self.pool = []
        for _ in range(pool_size):
            count = 2 + int(random() * 3)
            paragraph = " ".join(self.fill(*self.pick(background), {}) for _ in range(count))
            self.pool.append((paragraph, paragraph.count(" ") + 1))

    def pick(self, items):
        return items[int(self.random() * len(items))]

    def _value(self, slot, names):
        if slot in names:
            return names[slot]
        r = self.random
        if slot == "pct":
            return f"{1 + int(r() * 48)}"
        # Round figures, as articles give them (and a text index holds a few thousand, not
        # a million, distinct numbers).
        if slot == "units":
            return f"{(int(r() * 900) + 10) * 1000:,}"
        if slot == "people":
            return f"{(int(r() * 500) + 10) * 10:,}"
        if slot == "money":
            return money_text(int(1 + r() * 80) * 10**9, "USD")
        if slot == "price":
            return f"{int(90 + r() * 300) * 1000:,} yuan"
        if slot == "year":
            return str(2024 + int(r() * 8))
        if slot == "company":
            return self.pick(self.company_names)
        if slot == "supplier":
            return self.pick(self.supplier_names)
        return self.pick(_SLOT_VALUES[slot])

    def fill(self, template, slots, names):
        return template.format_map({slot: self._value(slot, names) for slot in slots})

    def talk(self, status, a, b, topic, outlet):
        template, attribution = self.pick(TALK_SENTENCES[status])
        source = self._source(attribution, outlet)
        sentence = template.format(a=a, b=b, topic=topic, source=source)
        return Report(sentence, source)

    def investment(self, kind, investor, target, amount, currency, stake, purpose, outlet):
        money = money_text(amount, currency)
        key = "pledge_into" if kind == "pledge" and target else kind
        source = outlet if key == "stake" else ""
        sentence = INVESTMENT_SENTENCES[key].format(
            investor=investor,
            target=target,
            money=money,
            stake=f"{stake:g}" if stake else "",
            purpose=purpose,
            source=source,
        )
        return Report(sentence, source)

    def approval(self, status, subject, regulator, what):
        template = APPROVAL_SENTENCES[status]
        return Report(template.format(subject=subject, regulator=regulator, what=what), "")

    def _source(self, attribution, outlet):
        if attribution == "people familiar":
            return self.pick(PEOPLE_FAMILIAR)
        if attribution == "outlet":
            return outlet
        return ""

    def byline(self):
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def article(self, title, reports, names, rare=False):
        """An ArticleText: each report opens a paragraph, then context and background follow.

        names fills the context templates ({a}, {b}, {topic}) with the first fact's companies.
        """
        r = self.random
        pool = self.pool
        size = len(pool)
        words = 0
        target_words = WORDS_MIN + int(r() * (WORDS_MAX - WORDS_MIN))
        paragraphs = []
        # (paragraph number, offset in it) of each report's sentence
        where = []
        for position, report in enumerate(reports):
            sentences = [report.sentence]
            if names and (position == 0 or r() < 0.5):
                template, slots = self.pick(self.context)
                sentences.append(self.fill(template, slots, names))
            if rare and position == 0:
                sentences.append(self.fill(*self.rare, names))
            where.append((len(paragraphs), 0))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += paragraph.count(" ") + 1
            if position + 1 < len(reports):
                paragraph, count = pool[int(r() * size)]
                paragraphs.append(paragraph)
                words += count
        if rare and not reports:
            paragraphs.append(self.fill(*self.rare, names))
        while words < target_words:
            paragraph, count = pool[int(r() * size)]
            paragraphs.append(paragraph)
            words += count
        lengths = [len(paragraph) + 2 for paragraph in paragraphs]
        spans = []
        for (number, offset), report in zip(where, reports, strict=True):
            start = sum(lengths[:number]) + offset
            spans.append((start, start + len(report.sentence)))
        return ArticleText(
            title=title,
            body="\n\n".join(paragraphs),
            normalised=" ".join(paragraphs),
            spans=spans,
        )

    def market_title(self):
        template, slots = self.pick(MARKET_TITLES)
        return self.fill(template, slots, {})


_SLOT_VALUES = {
    "region": REGIONS,
    "city": CITIES,
    "month": MONTHS,
    "bank": BANKS,
    "tech": TECH,
    "model": MODELS,
    "quarter": QUARTERS,
    "nth": NTH,
    "topic": TOPICS,
}
MARKET_TITLES = [
    (t, _slots(t))
    for t in (
        "Electric car sales in {region} rise {pct}% in {month}",
        "Price war deepens as dealers in {city} cut prices again",
        "{company} deliveries climb in the {quarter} quarter",
        "Carmakers in {region} race to cut the cost of {tech}",
        "Analysts at {bank} see slower growth for electric cars in {region}",
        "{company} unveils the {model} for buyers in {region}",
    )
]


def talk_title(status, a, b, topic):
    return {
        "rumoured": f"{a} in talks with {b} over {topic}",
        "confirmed": f"{b} confirms discussions with {a}",
        "agreed": f"{a} and {b} agree to work together on {topic}",
        "denied": f"{a} denies report of tie-up with {b}",
        "ended": f"{a} and {b} end talks",
    }[status]


def investment_title(kind, investor, target, money):
    if kind == "stake" and target:
        return f"{investor} to buy stake in {target} for {money}"
    if kind == "joint_venture" and target:
        return f"{investor} and {target} form joint venture"
    return f"{investor} pledges {money} for its car business"


def approval_title(status, subject, regulator):
    return {
        "pending": f"{subject} still waits for {regulator} approval",
        "granted": f"{regulator} clears {subject}",
        "rejected": f"{regulator} turns down {subject}",
    }[status]
