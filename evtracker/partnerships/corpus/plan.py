"""The shape of the generated corpus: companies, facts, their reports and the articles.

Everything is drawn from one random.Random(seed) in a fixed order, so a seed
always gives the same corpus. Popularity is Zipf-like: a company's weight
falls with its rank among companies of its kind, and a fact's share of the
reports follows the weights of its companies, so a few automakers are in
most of the news and most companies appear rarely.
"""

import bisect
import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import CompanyKind

FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2025, 12, 31)
TOTAL_COMPANIES = 2000
# How many facts an article reports: none (market news), one, two or three.
FACTS_PER_ARTICLE = (0, 1, 2, 3)
FACTS_PER_ARTICLE_WEIGHTS = (0.10, 0.55, 0.27, 0.08)
# Shares of the reports, and the mean number of reports per fact of each type.
REPORT_SHARES = {"talk": 0.70, "investment": 0.18, "approval": 0.12}
REPORTS_PER_FACT = {"talk": 6, "investment": 2, "approval": 3}
# Most prominent first: rank decides weight (others follow in list order).
PROMINENT = {
    CompanyKind.AUTOMAKER: [
        "BYD", "Volkswagen", "Toyota", "Tesla", "Geely", "Chery", "Stellantis", "SAIC Motor",
        "General Motors", "Ford", "Hyundai", "Nissan", "Honda", "BMW", "Mercedes-Benz",
        "Renault", "Nio", "Xpeng", "Li Auto", "Leapmotor", "Great Wall Motor", "GAC",
        "Changan", "Dongfeng", "FAW", "Zeekr", "Kia", "Seres", "Volvo Cars", "Polestar",
    ],
    CompanyKind.TECHNOLOGY: ["Huawei", "Xiaomi", "Baidu", "Nvidia", "Qualcomm", "Apple"],
    CompanyKind.SUPPLIER: ["CATL", "LG Energy Solution", "Panasonic", "Bosch", "Magna"],
    CompanyKind.INVESTOR: ["Public Investment Fund", "Mubadala", "CYVN Holdings"],
    CompanyKind.REGULATOR: ["MIIT", "NDRC", "SAMR", "European Commission", "CFIUS", "MOFCOM"],
}  # fmt: skip
# (kind, share of the generated companies, weight of its first company, Zipf exponent)
KIND_WEIGHTS = {
    CompanyKind.AUTOMAKER: (0.15, 1.0, 1.15),
    CompanyKind.TECHNOLOGY: (0.25, 0.35, 1.0),
    CompanyKind.SUPPLIER: (0.35, 0.2, 1.0),
    CompanyKind.INVESTOR: (0.10, 0.15, 1.0),
    CompanyKind.OTHER: (0.13, 0.05, 1.0),
    CompanyKind.REGULATOR: (0.02, 1.0, 1.0),
}
GENERATED_STEMS = [
    "Hua", "Xin", "Tian", "Zhi", "Long", "Rui", "Jing", "Hong", "Bo", "Kai", "Lan", "Yun",
    "Feng", "Heng", "Tai", "Sheng", "Yu", "An", "Chen", "Ming", "Nord", "Volta", "Axi", "Cor",
    "Terra", "Lumi", "Vela", "Arc", "Orion", "Sol", "Astra", "Nova", "Vire", "Kora", "Zen",
    "Ion", "Quanta",
]  # fmt: skip
GENERATED_SUFFIXES = {
    CompanyKind.AUTOMAKER: ["Motors", "Auto", "New Energy Vehicles", "Automobile", "EV"],
    CompanyKind.TECHNOLOGY: ["Intelligent Driving", "Robotics", "AI", "Semiconductor", "Cloud"],
    CompanyKind.SUPPLIER: ["Battery", "Auto Parts", "Electronics", "Power", "Materials"],
    CompanyKind.INVESTOR: ["Capital", "Industrial Fund", "Investment Group", "Ventures"],
    CompanyKind.OTHER: ["Logistics", "Mobility", "Leasing", "Holdings"],
    CompanyKind.REGULATOR: ["Development Zone Authority", "Market Regulator"],
}
GENERATED_COUNTRIES = ["CN"] * 6 + ["DE", "JP", "KR", "US", "FR", "IT", "GB", "IN", "TH", "SE"]
TALK_OUTCOMES = (("rumoured", 0.35), ("confirmed", 0.2), ("agreed", 0.2), ("denied", 0.15),
                 ("ended", 0.1))  # fmt: skip
APPROVAL_OUTCOMES = (("pending", 0.35), ("granted", 0.5), ("rejected", 0.15))
INVESTMENT_KINDS = (("stake", 0.5), ("pledge", 0.3), ("joint_venture", 0.2))
CURRENCIES = (("USD", 0.5), ("CNY", 0.3), ("EUR", 0.15), ("JPY", 0.05))
REVIEWED_SHARE = 0.02


@dataclass
class PlannedCompany:
    name: str
    kind: str
    country: str
    weight: float = 0.0
    id: int | None = None  # set once it is in the database


@dataclass
class PlannedFact:
    fact_type: str
    companies: tuple  # the PlannedCompany objects, in the order the fact names them
    # Per report, in date order: the status that report gives ("" for investments).
    statuses: list = field(default_factory=list)
    topic: str = ""  # talks: the topic; approvals: what is approved; investments: purpose
    kind: str = ""
    amount: int = 0
    currency: str = ""
    stake: float | None = None
    reviewed: bool = False


def _choice(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _zipf_weights(companies, first_weight, exponent):
    for rank, company in enumerate(companies):
        company.weight = first_weight / (rank + 1) ** exponent


def plan_companies(rng, listed):
    """Listed companies (name, kind, country) ranked by prominence, plus generated ones.

    Returns PlannedCompany objects for about TOTAL_COMPANIES companies, with weights.
    """
    listed = [PlannedCompany(name, kind, country) for name, kind, country in listed]
    taken = {company.name.lower() for company in listed}
    generated = []
    wanted = max(0, TOTAL_COMPANIES - len(listed))
    kinds = list(KIND_WEIGHTS)
    shares = [KIND_WEIGHTS[kind][0] for kind in kinds]
    while len(generated) < wanted:
        kind = rng.choices(kinds, shares)[0]
        stem = rng.choice(GENERATED_STEMS) + rng.choice(GENERATED_STEMS).lower()
        name = f"{stem} {rng.choice(GENERATED_SUFFIXES[kind])}"
        if name.lower() in taken:
            continue
        taken.add(name.lower())
        generated.append(PlannedCompany(name, kind, rng.choice(GENERATED_COUNTRIES)))
    for kind, (_, first_weight, exponent) in KIND_WEIGHTS.items():
        prominent = PROMINENT.get(kind, [])
        of_kind = [c for c in listed if c.kind == kind]
        of_kind.sort(key=lambda c: prominent.index(c.name) if c.name in prominent else 999)
        of_kind += [c for c in generated if c.kind == kind]
        _zipf_weights(of_kind, first_weight, exponent)
    return listed + generated


class Pool:
    """Weighted drawing from a list of companies."""

    def __init__(self, rng, companies):
        self.rng = rng
        self.companies = [c for c in companies if c.weight > 0]
        self.cumulative = list(itertools.accumulate(c.weight for c in self.companies))

    def draw(self):
        total = self.cumulative[-1]
        position = bisect.bisect(self.cumulative, self.rng.random() * total)
        return self.companies[min(position, len(self.companies) - 1)]


def _report_counts(rng, facts, total_reports):
    """Reports per fact: one each, the rest spread by the weight of the facts' companies."""
    weights = list(itertools.accumulate(sum(c.weight for c in f.companies) for f in facts))
    counts = [1] * len(facts)
    for index in rng.choices(range(len(facts)), cum_weights=weights, k=total_reports - len(facts)):
        counts[index] += 1
    return counts


def _talk_story(rng, count):
    """Statuses of a talk's reports in date order: rumours first, the outcome later."""
    outcome = _choice(rng, TALK_OUTCOMES)
    path = {
        "rumoured": ["rumoured"],
        "confirmed": ["rumoured", "confirmed"],
        "agreed": ["rumoured", "confirmed", "agreed"],
        "denied": ["rumoured", "denied"],
        "ended": ["rumoured", "confirmed", "ended"],
    }[outcome]
    # Where each stage begins, as sorted report positions (the first stage at 0).
    starts = [0, *sorted(rng.randrange(count) for _ in path[1:])]
    statuses = []
    for position in range(count):
        stage = bisect.bisect_right(starts, position) - 1
        status = path[stage]
        # Now and then a late report repeats an older story (it moves nothing, or revives).
        if position and rng.random() < 0.08:
            status = statuses[rng.randrange(position)]
        statuses.append(status)
    return statuses


def _approval_story(rng, count):
    outcome = _choice(rng, APPROVAL_OUTCOMES)
    decided_at = rng.randrange(count) if outcome != "pending" else count
    return ["pending" if position < decided_at else outcome for position in range(count)]


def plan_facts(rng, companies, total_reports, taken=None):
    """Talks, investments and approvals with their report statuses, totalling total_reports.

    Companies must have their ids. taken holds the natural keys of facts already in the
    database ({"talk": {(a_id, b_id)}, "investment": {...}, "approval": {...}}), avoided here.
    """
    taken = taken or {}
    by_kind = {kind: [c for c in companies if c.kind == kind] for kind in KIND_WEIGHTS}
    makers = Pool(rng, by_kind[CompanyKind.AUTOMAKER] + by_kind[CompanyKind.TECHNOLOGY])
    anyone = Pool(rng, [c for c in companies if c.kind != CompanyKind.REGULATOR])
    investors = Pool(
        rng,
        by_kind[CompanyKind.AUTOMAKER]
        + by_kind[CompanyKind.TECHNOLOGY]
        + by_kind[CompanyKind.INVESTOR],
    )
    regulators = Pool(rng, by_kind[CompanyKind.REGULATOR])
    from .text import APPROVAL_SUBJECTS, PURPOSES, TOPICS

    reports = {"talk": round(total_reports * REPORT_SHARES["talk"])}
    reports["investment"] = round(total_reports * REPORT_SHARES["investment"])
    reports["approval"] = total_reports - reports["talk"] - reports["investment"]
    wanted = {
        fact_type: min(count, max(1, round(count / REPORTS_PER_FACT[fact_type])))
        for fact_type, count in reports.items()
    }

    facts = []
    pairs = set(taken.get("talk", ()))
    attempts = 0
    talks = []
    while len(talks) < wanted["talk"] and reports["talk"]:
        attempts += 1
        a = makers.draw()
        b = anyone.draw() if attempts < 50 * wanted["talk"] else rng.choice(anyone.companies)
        key = (min(a.id, b.id), max(a.id, b.id))
        if a.id == b.id or key in pairs:
            continue
        pairs.add(key)
        talks.append(PlannedFact("talk", (a, b), topic=rng.choice(TOPICS)))
    investments = []
    keys = set(taken.get("investment", ()))
    while len(investments) < wanted["investment"] and reports["investment"]:
        investor = investors.draw()
        kind = _choice(rng, INVESTMENT_KINDS)
        target = None
        if kind != "pledge" or rng.random() < 0.3:
            target = anyone.draw()
            if target.id == investor.id:
                continue
        amount = rng.choice((1, 2, 3, 5, 8, 10, 15, 20, 25, 50, 75, 100, 150, 200, 500))
        amount *= 10 ** rng.choice((6, 7, 8, 9))
        currency = _choice(rng, CURRENCIES)
        key = (investor.id, target and target.id, amount, currency, kind)
        if key in keys:
            continue
        keys.add(key)
        stake = round(rng.uniform(1, 60), 1) if kind == "stake" else None
        companies_of = (investor, target) if target else (investor,)
        investments.append(
            PlannedFact(
                "investment",
                companies_of,
                topic=rng.choice(PURPOSES),
                kind=kind,
                amount=amount,
                currency=currency,
                stake=stake,
            )
        )
    approvals = []
    keys = set(taken.get("approval", ()))
    attempts = 0
    while len(approvals) < wanted["approval"] and reports["approval"]:
        attempts += 1
        subject = (
            makers.draw() if attempts < 50 * wanted["approval"] else rng.choice(anyone.companies)
        )
        regulator = regulators.draw()
        what = rng.choice(APPROVAL_SUBJECTS)
        key = (subject.id, regulator.id, what)
        if subject.id == regulator.id or key in keys:
            continue
        keys.add(key)
        approvals.append(PlannedFact("approval", (subject, regulator), topic=what))

    for fact_type, planned in (("talk", talks), ("investment", investments),
                               ("approval", approvals)):  # fmt: skip
        if not planned:
            continue
        for fact, count in zip(planned, _report_counts(rng, planned, reports[fact_type]),
                               strict=True):  # fmt: skip
            if fact_type == "talk":
                fact.statuses = _talk_story(rng, count)
            elif fact_type == "approval":
                fact.statuses = _approval_story(rng, count)
            else:
                fact.statuses = [""] * count
            fact.reviewed = rng.random() < REVIEWED_SHARE
        facts.extend(planned)
    return facts


@dataclass
class PlannedArticle:
    day: date
    # (fact, position of the report in the fact's statuses), in order.
    reports: list


def _report_days(rng, count, span_days):
    """Days (offsets from FIRST_DAY) of a fact's reports: heavily reported facts start early."""
    earliest = int(rng.random() * span_days * max(0.05, 1 - count / 100))
    length = min(span_days - earliest, 30 * count)
    return [earliest, *sorted(earliest + int(rng.random() * length) for _ in range(count - 1))]


def plan_articles(rng, n_articles, companies, taken=None):
    """n_articles PlannedArticles in date order; each fact's reports in order of date.

    Returns (articles, facts). A fact may end with fewer reports than statuses planned
    (only at a handful of articles, where one article cannot hold them all).
    """
    sizes = rng.choices(FACTS_PER_ARTICLE, FACTS_PER_ARTICLE_WEIGHTS, k=n_articles)
    total_reports = sum(sizes)
    facts = plan_facts(rng, companies, total_reports, taken) if total_reports else []
    span_days = (LAST_DAY - FIRST_DAY).days + 1
    reports = []
    for number, fact in enumerate(facts):
        days = _report_days(rng, len(fact.statuses), span_days)
        reports.extend((day, number, position) for position, day in enumerate(days))
    reports.sort()

    fact_sizes = [size for size in sizes if size]
    empty_count = n_articles - len(fact_sizes)
    articles = []
    queue = list(reversed(reports))  # pop() takes the earliest
    deferred = []
    for size in fact_sizes:
        taken, facts_in = [], set()
        held = []
        while len(taken) < size and (deferred or queue):
            report = deferred.pop(0) if deferred else queue.pop()
            if report[1] in facts_in:
                held.append(report)  # a second report of a fact goes to the next article
                continue
            facts_in.add(report[1])
            taken.append(report)
        deferred = held + deferred
        if taken:
            articles.append(taken)
        else:
            empty_count += 1
    leftovers = deferred + list(reversed(queue))
    for report in leftovers:
        home = next((a for a in reversed(articles) if all(r[1] != report[1] for r in a)), None)
        if empty_count > 0 or home is None:
            articles.append([report])
            empty_count -= 1
        else:
            home.append(report)
    planned = [
        PlannedArticle(
            FIRST_DAY + timedelta(days=max(r[0] for r in taken)),
            [(facts[r[1]], r[2]) for r in taken],
        )
        for taken in articles
    ]
    planned += [
        PlannedArticle(FIRST_DAY + timedelta(days=int(rng.random() * span_days)), [])
        for _ in range(max(0, empty_count))
    ]
    planned.sort(key=lambda article: article.day)
    return planned[:n_articles], facts
