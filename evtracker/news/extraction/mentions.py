"""Company mentions: known names and aliases, legal-name short forms, unknown companies by
corporate suffix."""

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from evtracker.news.extraction.language import OUTLET_SURFACES
from evtracker.news.extraction.patterns import (
    WordStarts,
    alternation,
    at_word_start,
    fold,
    is_word_char,
    trie_regex,
)
from evtracker.news.extraction.regulators import PEOPLES, PLACES

KINDS = ("automaker", "technology", "supplier", "investor", "regulator", "other")


@dataclass(frozen=True)
class KnownCompany:
    name: str  # canonical name
    kind: str  # automaker | technology | supplier | investor | regulator | other
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # the owner's canonical name: "the Chrysler parent" is Stellantis
    country: str = ""  # ISO 3166-1 alpha-2: "the Japanese carmaker" is a JP company


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    company: str  # canonical name
    kind: str
    how: str  # "name" (known name or alias), "short" (short form), "new" (by suffix)


# Legal forms: a name may go on after them ("Chery Automobile Co. Chairman ...").
_LEGAL = (
    r"Co\.?|Corp\.?|Corporation|Company|Inc\.?|Incorporated|Ltd\.?|Limited|Pvt\.?|Pte\.?|Bhd\.?|"
    r"\(Pty\)|Pty\.?|"  # South Africa's and Australia's "(Pty) Ltd"
    r"Private(?= (?:Ltd|Limited))|"
    r"Berhad|Tbk|AG|SE|N\.V\.|NV|S\.A\.|SA|S\.p\.A\.|SpA|SAS|AB|ASA|A/S|Oyj|K\.K\.|JSC|PJSC|"
    r"plc|PLC|Plc|LLC|LLP|L\.P\.|GmbH"
)
# Descriptive endings: a capitalised word after them means they were not an ending ("Auto Show").
_DESCRIPTIVE = (
    r"Group|Holdings?|Motors?|Automobiles?|Auto|Automotive|Technology|Technologies|Industries|"
    r"Industrial|Capital|Partners|Ventures|Investments?|Enterprises|Associates|Management|"
    r"Securities|Financial|Energy|Mobility|Electric|Electronics|Semiconductors?|Robotics|"
    r"Lithium|Batter(?:y|ies)|Materials|Chemicals?|Manufacturing|Logistics|Systems|Solutions|"
    r"Fund|Partnership"
)
# The look-behind sits after the first capital so that the engine can skip to capitals.
# A descriptive ending followed by a capitalised word is inside a longer name ("Thonburi
# Automotive Assembly Plant Co Ltd"); names may join words with '&', 'of' or 'und' and carry a
# country in brackets ("Volkswagen (China) Investment Co.").
_SUFFIXED = re.compile(
    r"([A-Z](?<![\w.&'’-].)[\w&'’-]*(?: (?:(?:&|of|und) )?[A-Z][\w&'’-]*){0,5}?"
    r"(?: \([A-Z][a-z]+\))?)"
    rf"((?:,? (?:{_LEGAL}|{_DESCRIPTIVE})){{0,3}}"
    rf"(?:,? (?:{_LEGAL})|,? (?:{_DESCRIPTIVE})(?!\s+(?:(?:of|und)\s+)?[A-Z][a-z])))"
    r"(?![\w&'’-])"
)
_DATELINE = re.compile(r"\)?\s+(?:--|—|–)\s")
_SUFFIX_WORD = re.compile(rf"^(?:{_LEGAL}|{_DESCRIPTIVE})$")
_LEGAL_WORD = re.compile(rf"^(?:{_LEGAL})$")
_AUTOMAKER_WORD = re.compile(r"^(?:Motors?|Automobiles?|Auto|Automotive)$")
_TECH_WORD = re.compile(r"^(?:Technology|Technologies|Robotics|Semiconductors?|Systems|Solutions)$")
_INVESTOR_WORD = re.compile(
    r"^(?:Capital|Partners|Ventures|Investments?|Management|Securities|Financial|Associates|"
    r"Fund|Partnership)$"
)
_SUPPLIER_WORD = re.compile(
    r"^(?:Lithium|Batter(?:y|ies)|Materials|Chemicals?|Energy|Electronics|Manufacturing)$"
)
# Endings that also close the names of things other than firms ("New Energy", "Blade Battery",
# "Urban Mobility"): their name needs a word that is not a common one.
_WEAK_ENDING = re.compile(
    r"^(?:Energy|Mobility|Electric|Electronics|Lithium|Batter(?:y|ies)|Materials|Chemicals?|"
    r"Manufacturing|Logistics|Systems|Solutions|Management|Securities|Financial|Industrial|"
    r"Capital|Partners|Ventures|Investments?|Enterprises|Associates|Robotics|Semiconductors?|"
    r"Technology|Technologies|Fund|Partnership)$"
)
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")
# A press release's definition: 'Seres Group Co., Ltd. (hereinafter "the Company")'.
_DEFINED_AS = re.compile(
    r"\s*\((?:hereinafter\s+(?:referred\s+to\s+as\s+)?|collectively\s+|together\s+)?"
    r"[\"“]([^\"”]{2,40})[\"”]\)",
    re.IGNORECASE,
)


def _word_set(text):
    return frozenset(text.split())


# Capitalised words that open a name-like run but are not part of a company's name, the
# nationalities among them only those that describe companies most ("Chinese carmaker BYD"):
# with every demonym of the government table, "Moroccan" or "Egyptian" would no longer open the
# name of a firm the list lacks, and the validation batches lose a pair (session 14).
NOT_A_NAME = _word_set(
    """The A An This That These Those Its Their His Her Our Meanwhile However Shares Both Rival
    Chinese German Japanese Korean South American US U.S. European French Italian British
    Indian Swedish Dutch Spanish Taiwanese Vietnamese Thai Saudi Emirati State-owned
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Analysts Sources People Last
    Earlier Separately Also After Before While Under In On At For With By From Next Unlike Between
    Like Rivals Partner Partners Carmaker Automaker Startup Investor Pvt Private And Or But As
    When If Once Since Later Former Outgoing Incoming Interim Acting"""
)
# First words too common or too vague to stand alone as a company's short form.
_NOT_A_SHORT_FORM = NOT_A_NAME | _word_set(
    """China Germany Japan Korea America Europe France Italy Britain UK India Taiwan Abu State
    New General Great First National United International Global Asian Asia World Ministry
    Department Office Commission Authority Administration Bureau Council Federal Beijing
    Shanghai Shenzhen Guangzhou Chongqing Hangzhou Wuhan Hefei Zhejiang Anhui Jiangsu Hubei
    Hunan Guangdong Hong Kong Tokyo Seoul Detroit Stuttgart Munich Wolfsburg Paris Turin Milan
    Land Electric Smart Auto Motor Motors Group Holdings Automobile Automotive Technology
    Public Investment Capital Fund Sovereign Royal Central Northern Southern Eastern Western
    North East West Lei Li Wang Zhang Chen Liu Yang Zhao Huang Zhou Wu"""
)


# A nationality and an industry's noun before a legal form make one name: "Saudi Electricity
# Co.", "Indian Oil Corp." (the nationality is no describing word there).
_DEMONYMS = frozenset(people for people in PEOPLES if " " not in people and people.istitle())
_INDUSTRY_NOUNS = _word_set(
    """Electricity Oil Gas Steel Telecom Petroleum Power Mining Shipping Railways Airlines
    Aluminium Aluminum Cement Tobacco Post Water Electric Chemical"""
)


# Capitalised common words: a name made only of them and a weak ending names no firm.
_COMMON_WORDS = _word_set(
    """New Clean Green Renewable Solar Nuclear Wind Hydrogen Smart Urban Future Advanced
    Sustainable Digital Intelligent Connected Autonomous Shared Venture Asset Wealth Risk
    Private Equity Blade Power Battery Energy Electric Mobility Vehicle Vehicles Car Cars
    Commercial Passenger Heavy Light Battery Supply Chain Consumer Retail Premium Luxury
    Mass Market Emerging Strategic Industrial Policy Alternative Investment Investments
    Information Material Materials Key Critical Raw Rare Earth Earths Lithium Cell Cells
    Management Securities Financial Capital Human Social Common Total Net Other Group
    Driver Driver-Assistance Assistance Driving Storage Medium Small Micro State-Owned State
    Information Communications Assembly Plant Technology Technologies Science Sciences Foreign
    Direct"""
)


# Words for what a firm is, capitalised at a sentence's start ("Start-up Ionix Mobility").
_ROLE_OPENERS = _word_set(
    """Start-up Startup Start-ups Startups Supplier Suppliers Chipmaker Maker Makers
    Manufacturer Automaker Automakers Carmaker Carmakers Lender Insurer Conglomerate Fund
    Funds Investor Investors Rival Rivals Partner Partners Subsidiary Unit Affiliate Parent
    Client Customer Competitor Peer Peers Brand Brands Owner"""
)
# What people are, before their name or before 'of' and their employer.
_TITLES = _word_set(
    """CEO CFO COO CTO Chairman Chairwoman Chair President Vice Director Directors Head Chief
    Executive Officer Minister Ministry Secretary Founder Co-founder Board Mr Mrs Ms Dr
    Prof Professor Analyst Spokesman Spokeswoman Spokesperson Manager Partner Governor Mayor
    Premier Senator Deputy General Managing"""
)
# A word that places or backs the firm named after it: "Tel Aviv-based", "Toyota-backed".
_PLACED_ENDINGS = (
    "-based",
    "-headquartered",
    "-backed",
    "-owned",
    "-listed",
    "-registered",
    "-incorporated",
    "-controlled",
    "-funded",
    "-founded",
)
# Titles only a person carries before a name: "Chairman Chung Euisun" is no firm.
_PERSONAL_TITLES = _word_set(
    """CEO Chairman Chairwoman President Mr Mrs Ms Dr Prof Professor Founder Co-founder
    Minister Secretary Governor Mayor Premier Senator Spokesman Spokeswoman Deputy"""
)


def _variants(surface):
    surface = " ".join(surface.split())
    yield surface
    if "'" in surface:
        yield surface.replace("'", "’")
    if "’" in surface:
        yield surface.replace("’", "'")


def _exact_case(surface):
    """Short all-capital aliases ("GM", "VW", "MIIT") only match in capitals."""
    letters = [char for char in surface if char.isalpha()]
    return bool(letters) and surface.upper() == surface and len(letters) <= 6


class CompanyIndex:
    """The company list compiled for fast mention finding; build once, reuse per article."""

    def __init__(
        self, companies, by_exact, by_folded, pattern_exact, pattern_folded, openings=None
    ):
        self.companies = companies
        self._openings = openings or {}
        self._by_exact = by_exact
        self._by_folded = by_folded
        self._pattern_exact = pattern_exact
        self._pattern_folded = pattern_folded

    @classmethod
    def build(cls, companies: Iterable[KnownCompany]) -> "CompanyIndex":
        """Compile the names and aliases of `companies` (the first company keeps a name
        claimed twice)."""
        by_name = {}
        by_exact = {}
        by_folded = {}  # folded surface -> (company, surface as listed starts in lower case)
        openings = {}  # the first words of a longer name -> its company
        for company in companies:
            if not company.name.strip() or company.name in by_name:
                continue
            by_name[company.name] = company
            for surface in (company.name, *company.aliases):
                for variant in _variants(surface):
                    if not variant:
                        continue
                    if _exact_case(variant):
                        by_exact.setdefault(variant, company)
                    else:
                        by_folded.setdefault(fold(variant), (company, variant[0].islower()))
                    words = fold(variant).split()
                    for count in range(2, len(words)):
                        opening = " ".join(words[:count])
                        if openings.setdefault(opening, company) is not company:
                            openings[opening] = None  # two companies open so: neither
        # Capitals are rare, so the exact pattern opens with its letters (what precedes a match
        # is checked after); nearly every letter starts a folded name, so that pattern opens
        # with the character before the name instead.
        pattern_exact = re.compile(rf"(?:{trie_regex(by_exact)})(?![\w&])") if by_exact else None
        pattern_folded = (
            WordStarts(rf"{trie_regex(by_folded)}(?![\w&])", extra="&") if by_folded else None
        )
        return cls(by_name, by_exact, by_folded, pattern_exact, pattern_folded, openings)

    def parent_of(self, name):
        company = self.companies.get(name)
        return company.parent if company else None

    def kind_of(self, name):
        company = self.companies.get(name)
        return company.kind if company else "other"

    def country_of(self, name):
        company = self.companies.get(name)
        return company.country if company else ""

    def lookup(self, surface):
        """The known company a surface form names, if any."""
        if surface in self._by_exact:
            return self._by_exact[surface]
        entry = self._by_folded.get(fold(surface))
        return entry[0] if entry else None

    def opened_by(self, surface):
        """The one known company whose longer name opens with `surface` ("Contemporary
        Amperex" for Contemporary Amperex Technology), if any."""
        return self._openings.get(fold(surface))

    def known_mentions(self, text):
        found = []
        if self._pattern_exact:
            for match in at_word_start(self._pattern_exact, text, extra="&"):
                company = self._by_exact[match.group()]
                found.append(
                    Mention(match.start(), match.end(), company.name, company.kind, "name")
                )
        if self._pattern_folded:
            # Matching lower-cased text is faster than a case-insensitive pattern.
            for start, end, folded in self._pattern_folded.spans(fold(text)):
                company, listed_lower = self._by_folded[folded]
                # "apple" or "great wall" in lower case are words, not the companies.
                if text[start].islower() and not listed_lower:
                    continue
                if listed_lower and text[start].islower() and _elsewhere(text, start, company):
                    continue
                found.append(Mention(start, end, company.name, company.kind, "name"))
        return _without_overlaps(found)


# Where a country's own words are ("China's", "Chinese", "Beijing"): a body listed by a
# description ("industry ministry", "market regulator") is that country's only where the article
# is about it.
_HOME_WORDS = {
    "CN": re.compile(r"\b(?:China|Chinese|Beijing)\b"),
    "IN": re.compile(r"\b(?:India|Indian|New Delhi)\b"),
    "KR": re.compile(r"\b(?:Korea|Korean|Seoul)\b"),
}
# "India's commerce and industry ministry", "Japan's market regulator", "the U.S. securities
# regulator": a description that another country's word or an 'and' comes just before.
_BODY_OWNER_BEFORE = re.compile(
    r"(?:\b(?:and|&)|([A-Z][\w.]*)['’]s(?:\s+[a-z]+)?|"
    r"\b([A-Z][a-z]+(?:an|ese|ish|ch|i)|U\.S\.|US|UK|EU)(?:\s+[a-z]+)?)\s+$"
)


def _elsewhere(text, start, company):
    """Whether a body named by a lower-case description ("industry ministry") is some other
    country's or body's, not the listed one."""
    home = _HOME_WORDS.get(company.country)
    if home is None:
        return False
    if not home.search(text):
        return True
    owner = _BODY_OWNER_BEFORE.search(text, max(0, start - 40), start)
    if owner is None:
        return False
    word = owner.group(1) or owner.group(2)
    return word is None or not home.fullmatch(word)


def _without_overlaps(mentions):
    """Keep the longest of overlapping mentions (then the earliest)."""
    chosen = []
    for mention in sorted(mentions, key=lambda m: (m.start, m.start - m.end)):
        if chosen and mention.start < chosen[-1].end:
            continue
        chosen.append(mention)
    return chosen


def _new_company_name(core_tokens, suffix_tokens):
    """The unknown company's name: its words without the trailing legal form."""
    tokens = list(core_tokens) + [token.rstrip(",") for token in suffix_tokens]
    while len(tokens) > len(core_tokens) and (
        _LEGAL_WORD.match(tokens[-1]) or tokens[-1] == "Private"  # "Private Limited"
    ):
        tokens.pop()
    return " ".join(tokens)


# The capitalised words and the 'and' before a name: "Hefei City Construction and ".
_JOINED_BEFORE = re.compile(r"(?<![\w&'’.-])[A-Z][\w-]*(?: [A-Z][\w-]*){0,4} (?:and|&) $")


def _generic(word):
    return bool(
        _SUFFIX_WORD.match(word)
        or word in _COMMON_WORDS
        or word in _INDUSTRY_NOUNS
        or word
        in ("Research", "Projects", "Rubber", "Development", "Construction", "Trade", "Trading")
    )


def _new_company_kind(suffix_tokens, before):
    tokens = [token.rstrip(",") for token in suffix_tokens]
    for pattern, kind in (
        (_AUTOMAKER_WORD, "automaker"),
        (_INVESTOR_WORD, "investor"),
        (_TECH_WORD, "technology"),
        (_SUPPLIER_WORD, "supplier"),
    ):
        if any(pattern.match(token) for token in tokens):
            return kind
    context = before[-40:].lower()
    if re.search(r"(?:car|auto|ev|vehicle)\s?makers?\s*$|start-?ups?\s*$", context):
        return "automaker"
    if re.search(r"(?:battery|parts|chip)\s?makers?\s*$|suppliers?\s*$", context):
        return "supplier"
    if re.search(r"(?:fund|investors?|firm)\s*$", context):
        return "investor"
    return "other"


def _name_of_its_own(text, start, word):
    """Whether `word`, before a known name, belongs to a name of its own: mid-sentence, no
    place, no describing word ("Zhejiang Geely Holding", "Italian-American Fiat Chrysler")."""
    before = text[max(0, start - 3) : start].rstrip()
    return bool(
        before
        and before[-1] not in ".!?:\"“'‘(["
        and "-" not in word
        and word not in _NOT_A_SHORT_FORM
        and word not in _NOT_A_FIRM
        and word not in _SENTENCE_ADVERBS
        and not _PLACE_ENDING.search(word)
    )


# Chinese places ending a pinyin syllable: "Huizhou", "Suzhou", "Zhejiang", "Wuhan".
_PLACE_ENDING = re.compile(r"(?:zhou|jiang|hai|jing|yang|sha|men|ning|yuan|hu|an|du|xi|dong)$")


def _distinctive(token, index):
    return (
        len(token) >= 3
        and token[0].isupper()
        and token not in _NOT_A_SHORT_FORM
        and index.lookup(token) is None
    )


def _is_word_char(char):
    return char.isalnum() or char in "_&"


def _occurrences(text, form, start):
    """Where `form` stands as a whole word in text[start:], its first letter in either case."""
    for variant in {form[0].upper() + form[1:], form[0].lower() + form[1:]}:
        at = text.find(variant, start)
        while at != -1:
            end = at + len(variant)
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if not _is_word_char(before) and not _is_word_char(after):
                yield at
            at = text.find(variant, at + 1)


class Spans:
    """Sorted, non-overlapping (start, end) spans: whether a new span overlaps one of them in
    logarithmic time, so that a long article costs no more per mention than a short one."""

    def __init__(self, spans=()):
        self._starts = []
        self._ends = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start, end):
        at = bisect.bisect_left(self._starts, end) - 1
        return at >= 0 and self._ends[at] > start

    def within(self, start, end):
        """Indexes of the spans lying inside [start, end)."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [i for i in range(low, high) if self._ends[i] <= end]

    def add(self, start, end):
        at = bisect.bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)


# Unknown companies recognised by what the text calls them: "fund manager Cevian Capital",
# "state oil company Aramco", "Polestar, the electric-car maker".
_NAME = r"[A-Z][\w&-]*(?: (?:[A-Z][\w&-]*|&)(?![\w&]))*"
_ROLE = (
    r"(?:carmaker|automaker|car\s+maker|maker|manufacturer|company|firm|start-?up|investor|fund|rival|"
    r"manager|specialist|supplier|giant|platform|conglomerate|lender|operator|developer|house|"
    r"outfit|venture|producer|group|brand|chipmaker|automaker|insurer|bank|miner|retailer|"
    r"provider|lessor|utility|distributor|importer|dealer|dealership|"
    r"affiliate|subsidiary|unit|arm|division)"
)
# A part of a group names a firm after it ("its battery unit Tarvik Cells"); in an appositive
# ("Tarvik, a Toyota subsidiary,") the reports record the parent, so none is read there.
_PART_ROLES = frozenset(("affiliate", "subsidiary", "unit", "arm", "division"))
# One scan for the role words; the name is then looked for right after one, or (in an
# appositive) right before the comma that opens it.
# A plural role counts only in "X, one of the largest battery makers" (checked in _by_role).
_ROLE_WORD = re.compile(_ROLE + r"(?P<plural>s)?(?![\w-])")
_ONE_OF_BEFORE = re.compile(
    r"(?<![\w&'’.-])(" + _NAME + r"),\s+one\s+of\s+(?:the|[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s)\s+"
    r"(?:[\w-]+\s+){0,4}?$"
)
# "Another parts company, Uno Minda, has applied": the name may stand between commas after the
# role, when no source's verb follows it ("the company, Reuters reported").
_NAME_AFTER = re.compile(
    r"(?: |, (?=" + _NAME + r",(?! (?:said|says|reported|reports|told|wrote|according)\b)))"
    r"(" + _NAME + r")(?![\w&-])"
)
# The appositive may open with a place's possessive instead of an article: "Temasek,
# Singapore's state investor", "Grab, South-east Asia's largest ride-hailing operator".
_APPOSITIVE_BEFORE = re.compile(
    r"(?<![\w&'’.-])(" + _NAME + r"),\s+(?:a|an|the|[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s)\s+"
    r"(?:[\w-]+\s+){0,4}?$"
)
_ROLE_BEFORE_NAME = re.compile(_ROLE + r" $")
_INDEFINITE_AFTER = re.compile(r",\s+an?\s")
# "at Talegaon, a company official said": the role word describes a person, not the name.
_PERSON_AFTER_ROLE = re.compile(
    r" (?:officials?|spokes(?:man|woman|person)|executives?|sources?|insiders?|"
    r"representatives?)\b"
)
# A verb right after the role: the role is the subject of a new clause, not an appositive.
_CLAUSE_AFTER_ROLE = re.compile(
    r" (?:said|says|added|adds|told|announced|noted|stated|confirmed|declined|reported|wrote|"
    r"is|was|has|had|will|would|expects|plans)\b"
)
_NOT_AFTER = re.compile(
    r"\b(?:in|at|on|from|for|to|of|by|with|into|than|and|or|as|said|says|told)\s+$",
    re.IGNORECASE,
)


# Roles people hold too: the name must end like a firm's ("Cevian Capital") or be one word.
_PEOPLE_ROLES = _word_set("investor manager developer operator specialist founder producer")
_FIRMISH = _word_set(
    """Capital Partners Group Holdings Holding Investment Investments Management Advisors
    Advisers Ventures Fund Funds Securities Asset Assets Equity Bank Trust Industries"""
)
_SENTENCE_ADVERBS = _word_set(
    """Elsewhere Still Yet Now Today Overall Instead Further Furthermore Moreover Indeed
    Nonetheless Nevertheless Then Thus Hence Therefore Here There Locally Globally Domestically
    Abroad Together Similarly Previously When While After Before Although Because Once Until
    Unless"""
)


def _opens_a_clause(text, role, before):
    """ "... after it opened Lumora Works, the carmaker said": a verb right after the role makes
    it the subject of a new clause, unless a role word introduced the name too ("from fund
    manager Norvik Partners, the carmaker said")."""
    return bool(_CLAUSE_AFTER_ROLE.match(text, role.end())) and not _ROLE_BEFORE_NAME.search(
        text, max(0, before.start(1) - 16), before.start(1)
    )


# What a firm develops, runs or knows: "chip developer", "taxi operator", "lidar specialist".
_TRADE_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:the|a|an|by|with|to|from|of|and|or|as|for|in|at|on|said|says|its|their)\s)"
    r"[a-z]+\s$"
)
_FIRM_TRADE_ROLES = _word_set("developer operator specialist")


def _trade_before(text, role, words):
    """Whether a trade's noun before a role only firms hold there names a firm, not a person:
    "chip developer Kelvo Silicon" (never "software developer John Reyes")."""
    return (
        role.group() in _FIRM_TRADE_ROLES
        and words[0] not in _FIRST_NAMES
        and _TRADE_BEFORE.search(text, max(0, role.start() - 20), role.start()) is not None
    )


def _role_kind(role, before):
    role = role.lower()
    if (
        role == "supplier"
        or role == "chipmaker"
        or (
            role in ("maker", "manufacturer", "producer", "specialist")
            and re.search(
                r"(?:battery|batteries|parts|chip|components?|cell|lithium|tyre|tire|seat|"
                r"semiconductor|lidar|sensor)\W*\s*$",
                before,
                re.IGNORECASE,
            )
        )
    ):
        return "supplier"
    if role in ("bank", "insurer", "lessor"):
        return "investor"
    if role in ("carmaker", "automaker", "car maker", "brand") or (
        role in ("maker", "manufacturer", "start-up", "startup")
        and re.search(r"(?:car|ev|vehicle|auto)\W*\s*$", before, re.IGNORECASE)
    ):
        return "automaker"
    if role in ("investor", "fund", "manager"):
        return "investor"
    return "other"


def _not_a_named_firm(words):
    """Whether the capitalised words after a role name no firm: a describing word, a place or a
    title ("carmaker Chinese ...", "company Shanghai", "firm Hong Kong"). A common first word is
    allowed when a distinctive word or a corporate ending follows ("carmaker Great Wall Motor",
    "utility State Grid")."""
    first = words[0]
    if first in NOT_A_NAME or first in _TITLES:
        return True
    if len(words) == 1:
        return first in _NOT_A_SHORT_FORM or first in _NOT_A_FIRM
    return first in _NOT_A_SHORT_FORM and not (
        _SUFFIX_WORD.match(words[-1])
        or any(word not in _NOT_A_SHORT_FORM and word not in _NOT_A_FIRM for word in words[1:])
    )


def _by_role(text, index):
    """Unknown companies named right after a word for a company, or followed by one in an
    appositive; never a known company, a common word, a place or a person's title."""
    found = []
    for role in _ROLE_WORD.finditer(text):
        if role.start() and (
            is_word_char(text[role.start() - 1])
            or (text[role.start() - 1] == "-" and role.group() in ("brand", "brands"))
        ):
            continue  # "Dacia-brand Logan": a product
        plural = role.group("plural") is not None
        word = role.group()[:-1] if plural else role.group()
        after = None if plural else _NAME_AFTER.match(text, role.end())
        window = max(0, role.start() - 90)
        before = (
            None
            if word in _PART_ROLES
            else (
                (_ONE_OF_BEFORE if plural else _APPOSITIVE_BEFORE).search(
                    text, window, role.start()
                )
                if "," in text[window : role.start()]
                and (not plural or "one of" in text[window : role.start()])
                # "Herlander Zola, the company's president": a person of the company
                and not text.startswith(("'s", "’s"), role.end())
                else None
            )
        )
        if before and _opens_a_clause(text, role, before):
            before = None
        for name_match, appositive in ((after, False), (before, True)):
            if name_match is None:
                continue
            start = name_match.start(1)
            name = name_match.group(1)
            words = name.split()
            if _not_a_named_firm(words) or index.lookup(words[0]) or index.lookup(name):
                continue
            if words[0] in _PERSONAL_TITLES:
                continue  # "group Chairman Chung Euisun": the group's chairman, a person
            if _ROLE_NEXT.match(text, start + len(name)):
                continue  # "rival Internet company Baidu": a word for the firm's trade
            if all(_LEGAL_WORD.match(word) for word in words):
                continue  # "... (Pty) Ltd, the buying firm": the end of a longer name
            if len(words) == 1 and (words[0] in _SENTENCE_ADVERBS or words[0].endswith("ly")):
                continue  # "Elsewhere, the company said"
            if len(name) < 3 or (
                appositive
                and _NOT_AFTER.search(text, max(0, start - 12), start)
                and not (
                    _INDEFINITE_AFTER.match(text, name_match.end(1))
                    and not _PERSON_AFTER_ROLE.match(text, role.end())
                )
            ):
                # "based in Detroit, the carmaker said": a place before a new clause; "put $10m
                # into Way Ray, a Swiss lidar specialist" describes the firm with 'a'.
                continue
            if (
                word in _PEOPLE_ROLES
                and len(words) > 1
                and words[-1] not in _FIRMISH
                and not _trade_before(text, role, words)
            ):
                continue  # "fund manager Cathie Wood", "investor Warren Buffett": people
            kind = _role_kind(word, text[max(0, role.start() - 30) : role.start()])
            found.append(Mention(start, start + len(name), name, kind, "new"))
    return found


# Names reporters mark as organisations by what follows them: a stock code ("Zhongda Group
# (00139.HK)", "Nio (NYSE: NIO)"), a possessive only firms have ("X's chief executive"), a
# clause about what it makes ("X, which makes ...") or a stock filing.
_CUE_NAME = r"(?<![\w&'’.-])([A-Z][\w&-]*(?: (?:&|of) [A-Z][\w&-]*| [A-Z][\w&-]*){0,4})"
_EXCHANGE = (
    r"NYSE|Nasdaq|NASDAQ|HKEX|HKSE|SEHK|HK|SSE|SZSE|SHA|SHE|SH|SZ|LSE|TSE|TYO|KRX|KOSPI|KOSDAQ|"
    r"BSE|NSE|ETR|FRA|XETRA|EPA|BIT|OTC|OTCQX|TSX|ASX|SGX|SET|IDX|BMV|BVMF|AMEX|TWSE|TPE"
)
# The cue is found first, then the name that ends right before it.
_CUE_AFTER_NAME = re.compile(
    # Each branch opens with a character, so the scan skips quickly to the candidates.
    rf" \((?:(?:{_EXCHANGE})\s*:\s*[\w.]+|\d{{3,6}}\.[A-Z]{{1,2}}|[A-Z]{{1,5}}\.[A-Z]{{1,2}})\)"
    r"|['’]s\s+(?:chief\s+executive|CEO|chairman|chairwoman|board\s+of\s+directors|"
    r"shareholders|subsidiary|spokes(?:man|woman|person)|founder\s+and\s+(?:CEO|chairman)|"
    r"annual\s+report|stock\s+exchange\s+filing|market\s+value|share\s+price)\b"
    r"|,\s+which\s+(?:makes|produces|builds|supplies|manufactures|owns|operates|runs)\b"
    r"| said\s+in\s+(?:a|an)\s+(?:stock\s+exchange\s+|regulatory\s+|exchange\s+)?filing"
    # "Stellantis CEO Carlos Tavares", "Lumora chairman Anna Berg": a firm heads a person's title.
    r"| (?:CEO|chief\s+executive(?:\s+officer)?|chairman|chairwoman)\s+(?=[A-Z][a-z])"
)
_NAME_ENDING = re.compile(_CUE_NAME + r"$")
# ...or by what comes before them: "shares of X", "a stake in X".
# The short word before the name is found first ("of", "in", "by", "with"), then the cue
# before it.
# "with state-owned Iran Khodro": an owner's description may stand before the name.
_CUE_CONNECTIVE = re.compile(
    r" (?:of|in|with|by) (?:the )?(?:(?:state|government|family|privately|publicly)-"
    r"(?:owned|run|backed|controlled|held) )?(?=[A-Z])"
)
_CUE_BEFORE_CONNECTIVE = {
    connective: re.compile(rf"(?<![\w-])(?:{cues})$")
    for connective, cues in (
        ("of", r"[Ss]hares|acquisition|takeover|unit|subsidiary|affiliate|division"),
        # "invest $1 billion in X", "invested an undisclosed sum in X", "a stake of 21% in X":
        # the money or the share may come between the verb and the firm.
        (
            "in",
            r"[Ss]hares|stake|holding|invest(?:ed|s|ing)?(?:\s+(?:an?\s+(?:undisclosed|"
            r"additional|further)\s+(?:sum|amount)|(?:about\s+|around\s+|nearly\s+)?[$€£¥₹]?"
            r"[\d.,]+\s?(?:million|billion|bn|mn|m|crore|trillion)?(?:\s+(?:yuan|euros?|won|"
            r"yen|rupees|baht|pounds|dollars))?))?|stake\s+of\s+(?:about\s+)?[\d.,]+\s?"
            r"(?:%|per\s?cent|percent)",
        ),
        # "in talks with X", "signed a deal with X": only firms (and governments) sign deals.
        (
            "with",
            r"merger|talks|negotiations|discussions|partnership|alliance|agreement|deal|"
            r"(?:joint\s+)?venture|tie-?up|collaboration|cooperation|memorandum|MoU|pact|"
            r"partnered|partnering|teamed\s+up|teaming\s+up|cooperate|collaborate|"
            r"joined\s+forces|joining\s+forces",
        ),
        ("by", r"backed|controlled|(?:round|consortium|financing)\s+(?:was\s+)?led"),
    )
}
# "talks with the Cupertino company", "with IT firms": a description, not a name.
_DESCRIBED_PARTNER = re.compile(
    r" with (?:the [A-Z][\w-]*(?: [A-Z][\w-]*)* [a-z]|[A-Z]{1,2}\b|[A-Z][\w&-]* [a-z]+s\b)"
)
_NAME_AT = re.compile(_CUE_NAME + r"(?![\w&'’-])")
_NOT_A_FIRM = _word_set(
    """EV EVs AI CEO CFO IPO EU GDP SUV SUVs NEV NEVs PV PVs CV CVs R&D MoU MOU JV JVs It He She
    They We You I Mr Mrs Ms Dr Sir Lord President Prime Minister King Queen Prince Princess
    Africa Asia Europe Americas Oceania Arctic Antarctica Middle East West North South England
    Scotland Wales Iraq Emirates Delhi Mumbai Bengaluru Bangalore Chennai Pune Bangkok Hanoi
    California Texas Michigan Ohio Georgia Tennessee Kentucky Alabama Carolina Arizona Nevada
    York Ontario Quebec Bavaria Saxony Guangdong Shanghai Shenzhen Hong Kong Macau Wall Street
    Street Silicon Valley Tesla's Apple's Group Government Commission Ministry Authority Council
    Parliament Congress Senate Court Bureau Agency Department Office Committee Federation
    Association Union University Institute Police Army Navy Exchange Index Class Series Model
    Type Phase Stage Week Year Quarter Q1 Q2 Q3 Q4 H1 H2 FY Dow Jones Abu Dhabi
    Arabia Hefei Wuhan Chongqing Guangzhou Hangzhou Nanjing Tianjin Jiangsu Zhejiang Anhui Hubei
    Hunan Sichuan Shandong Fujian Liaoning Jilin Hainan Texas Detroit Munich Stuttgart Wolfsburg
    Turin Milan Barcelona Amsterdam Istanbul Karachi Lahore Osaka Nagoya Yokohama Busan Ulsan
    Sydney Melbourne European Asian African Nordic Western Eastern Northern Southern Market
    Markets Board No Kospi Kosdaq Taiex Sensex Nifty Topix Ambassador OEM OEMs Rs United States
    Gujarat Maharashtra Karnataka Telangana Haryana Rajasthan Kerala Odisha Punjab Bihar Assam
    Uttarakhand Jharkhand Chhattisgarh Nadu Pradesh Bengal Bahia Pernambuco Paraná Parana Goiás
    Goias Gerais Catarina Sonora Coahuila Guanajuato Jalisco Puebla Java Sumatra Sulawesi
    Kalimantan Rayong Chonburi Indiana Illinois Mississippi Missouri Kansas Arkansas Louisiana
    Oklahoma Florida Wisconsin Minnesota Iowa Nebraska Utah Colorado Oregon Pennsylvania
    Massachusetts Shanxi Henan Hebei Guangxi Yunnan Guizhou Gansu Qinghai Xinjiang Ningxia
    Heilongjiang Jiangxi Mongolia Fed Swedes Danes Finns Poles Turks Brits Britons Spaniards
    Scots"""
) | {name for name in (*PLACES, *PEOPLES, *OUTLET_SURFACES) if " " not in name}
# Peoples in the plural ("the Swedes", "the Germans") are no firm either.
_NOT_A_FIRM |= {name + "s" for name in PEOPLES if " " not in name and name.endswith(("an", "i"))}
# First names: a name starting with one is a person's ("Mary Barra's chief of staff").
_FIRST_NAMES = _word_set(
    """John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
    Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
    Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold
    Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan
    Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene
    Vincent Russell Elijah Louis Bobby Philip Johnny Elon Tim Bill Jeff Mary Patricia Jennifer
    Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley
    Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca
    Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma
    Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane
    Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan
    Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean
    Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa
    Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Carlos Luca
    Carlo Marco Giovanni Francesco Sergio Oliver Olaf Ola Herbert Dieter Hans Klaus Jurgen
    Jürgen Wolfgang Markus Matthias Stefan Thierry Luc Jean-Luc Jean-Marc Pierre Francois
    François Akio Koji Makoto Toshihiro Takahiro Hiroto Satoshi Kenichiro Hiroshi Takeshi
    Chung Euisun Lei Jack Pony Robin William Li He Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu
    Xu Sun Ma Zhu Hu Guo Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao
    Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Zhong Cui Tan Lan
    Ratan Anand Mukesh Gautam Rahul Rajiv Pawan Bhavish Tarun Natarajan Chandrasekaran
    Sajjan Venu Shailesh Vinod Arvind Ravi Rajesh Sunil Anil Suresh Ramesh Vijay Amit Ashok
    Narendra Nirmala Piyush Nitin Ajay Sanjay Vikram Kiran Deepak Manoj Harsh Ritesh Zoya
    Farhan Lawrence Sergio Carlos Luca Mike Dave Jim Bob Tom Dan Ben Sam Nick Chris Matt Pat
    Warren Cathie Larry Masayoshi Carlos Akio Ghosn Lee Kim Park Choi Jung Kang Cho Yoon"""
)


def _plausible_firm(name, index):
    """A name a cue marks as an organisation, unless it is a person's, a place's or a word."""
    words = name.split()
    while words and (
        words[0] in NOT_A_NAME
        or words[0] in _TITLES
        or words[0] in _ROLE_OPENERS
        or words[0] in ("&", "of", "und")
        or words[0].endswith(_PLACED_ENDINGS)  # "Singapore-based TTL"
    ):
        words.pop(0)
    if not words or len(" ".join(words)) < 2:
        return None
    if all(_LEGAL_WORD.match(word.rstrip(",")) for word in words):
        return None  # "SK On Co., Ltd. and Koc Holding": the end of a name, not a firm
    if words[0] in _FIRST_NAMES or words[0] in _NOT_A_SHORT_FORM and len(words) == 1:
        return None
    if all(word in _NOT_A_FIRM or word in _NOT_A_SHORT_FORM for word in words):
        return None
    if any(word in _NOT_A_FIRM and word not in _NOT_A_SHORT_FORM for word in words[-1:]):
        return None
    if words[0] in _SENTENCE_ADVERBS or (
        len(words) == 1 and words[0].endswith(("ly", "ed", "ing"))
    ):
        return None  # "Separately,", "Combined,"
    joined = " ".join(words)
    if index.lookup(joined) or index.lookup(words[0]):
        return None
    return joined


# A nationality used as an adjective: "Croatian electric", "Danish shipping".
_DEMONYM_BEFORE_NOUN = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)\s+[a-z]")


_ROLE_NEXT = re.compile(r" " + _ROLE + r"\b")


def _by_cue(text, index):
    """Unknown organisations marked by a stock code, a possessive only firms have, a clause on
    what they make or a filing after them, or by 'shares of', 'a stake in' before them."""
    found = []
    before = (
        _NAME_ENDING.search(text, max(0, cue.start() - 80), cue.start())
        for cue in _CUE_AFTER_NAME.finditer(text)
    )
    after = (
        _NAME_AT.match(text, connective.end())
        for connective in _CUE_CONNECTIVE.finditer(text)
        if _CUE_BEFORE_CONNECTIVE[connective.group().split()[0]].search(
            text, max(0, connective.start() - 40), connective.start()
        )
        and not _DESCRIBED_PARTNER.match(text, connective.start())
    )
    for matches in (before, after):
        for match in matches:
            if match is None:
                continue
            raw = match.group(1)
            name = _plausible_firm(raw, index)
            if name is None:
                continue
            if text.endswith(("with ", "with the "), 0, match.start(1)) and any(
                word in _TITLES for word in raw.split()
            ):
                continue  # "talks with Prime Minister Modi": a person
            words = name.split()
            if len(words) == 1 and _DEMONYM_BEFORE_NOUN.match(text, match.start(1)):
                continue  # "a holding in Croatian electric vehicle company Rimac": a nationality
            if _ROLE_NEXT.match(text, match.end(1)):
                continue  # "a stake in Korean UV maker SsangYong": a word for the firm's trade
            if (
                text.endswith(("by ", "by the "), 0, match.start(1))
                and len(words) > 1
                and not (words[-1] in _FIRMISH or _SUFFIX_WORD.match(words[-1]))
            ):
                continue  # "backed by Warren Buffett": people back and lead too
            start = match.start(1) + raw.index(name)
            found.append(Mention(start, start + len(name), name, "other", "new"))
    return found


# "Thailand's Bangchan General Assembly", "Israel's REE Automotive": reporters name a firm
# after its country's possessive; a person, a place or a ministry there is left out.
_COUNTRIES = alternation(place for place in PLACES if place != "Brussels")
_COUNTRY_OWNED = re.compile(
    rf"(?<![\w&'’.-])(?:{_COUNTRIES})['’]s\s+(?:state-owned\s+|state-run\s+)?"
    r"([A-Z][\w&-]*(?: (?:&|of) [A-Z][\w&-]*| [A-Z][\w&-]*){0,4})(?![\w&'’-])"
)
# "Mexico's Nuevo Leon state", "India's Tamil Nadu government": a region, not a firm.
_REGION_NEXT = re.compile(
    r"\s+(?:state|province|region|city|government|ministry|regulators?|authorities|"
    r"president|premier|leader|minister|capital|coast|border|market|economy)\b",
    re.IGNORECASE,
)


_HIGH_OFFICE = _word_set(
    "Minister President Presidential Premier Chancellor Governor Mayor Secretary King Ambassador "
    "Chief Staff Prince Princess Crown Sheikh Emir Queen"
)
_PUBLIC_BODY = _word_set(
    """Ministry Board Commission Authority Agency Bureau Administration Department Exchange
    Council Regulator Office Division Directorate Inspectorate Court Government Parliament"""
)
_NAME_GOES_ON = re.compile(r" and [A-Z]")
_INSIDE_A_NAME = re.compile(r"[A-Z][\w&.-]* $")
_NOT_A_FIRM_ENDING = _word_set(
    """Plant Plants Factory Project Projects Program Programme Initiative Plan Strategy Law Act
    Policy Zone Park Port Airport Station Road Highway Province Prefecture County Shares Stock"""
)


# Regions that firms' local units are named after too ("Suzuki Motor Gujarat Private Ltd").
_REGIONS = (
    "Gujarat|Maharashtra|Tamil Nadu|Karnataka|Haryana|Telangana|Andhra Pradesh|Uttar Pradesh|"
    "Rajasthan|Guangdong|Zhejiang|Jiangsu|Anhui|Shandong|Hubei|Hunan|Sichuan|Fujian|Henan|"
    "Hebei|Liaoning|Jilin|Guangxi|Shaanxi|Jiangxi|Shanghai|Beijing|Tianjin|Chongqing|Europe|"
    "Africa|Asia|North America|Latin America"
)
# "Ford India", "Volkswagen Group South Africa": a known name, then a country, names the
# firm's local unit, a company of its own.
_UNIT_PLACES = alternation(place for place in PLACES if place not in ("Brussels", "UAE"))
_UNIT_COUNTRY = re.compile(rf" (?:{_UNIT_PLACES}|{_REGIONS})(?![\w&'’-])")
# A country and corporate endings after a known name: "(Ford) India Private Limited".
_COUNTRY_WORDS = re.compile(rf"(?:{_COUNTRIES}|{_REGIONS}) (?:(?:{_LEGAL}|{_DESCRIPTIVE}) ?)+$")


def _by_country(text, index):
    """Unknown firms named after a country's possessive ("Israel's REE Automotive")."""
    found = []
    for match in _COUNTRY_OWNED.finditer(text):
        raw = match.group(1)
        words = raw.split()
        if (
            words[0] in _TITLES
            or any(word in _HIGH_OFFICE for word in words)
            or _REGION_NEXT.match(text, match.end())
        ):
            continue  # "Japan's Prime Minister ...": a person
        if _NAME_GOES_ON.match(text, match.end()) or _INSIDE_A_NAME.search(
            text, max(0, match.start() - 30), match.start()
        ):
            continue  # "Development and Renovation Organization", "General Motors India's"
        if words[-1] in _NOT_A_FIRM_ENDING:
            continue  # "Turkey's Automobile Project": a programme
        if any(word in _PUBLIC_BODY for word in words) or (len(words) == 1 and words[0].isupper()):
            continue  # "Malaysia's Investment Development Authority", "Thailand's BOI": regulators
        name = _plausible_firm(raw, index)
        if name is None or not raw.startswith(name):
            continue
        start = match.start(1)
        found.append(Mention(start, start + len(name), name, "other", "new"))
    return found


_LIST_ITEM = r"[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}"
# The connective is found first; the items before it end where it starts.
_LIST_AND = re.compile(r",? (?:and|&) (?=[A-Z])")
_NAME_OF_NEXT = re.compile(r" of (?:the )?[A-Z]")
_LIST_LAST = re.compile(rf"{_LIST_ITEM}(?![\w&'’-])")
_LIST_BEFORE = re.compile(rf"(?<![\w&'’.-])({_LIST_ITEM})((?:, {_LIST_ITEM})*)$")


# A plural word for firms right before the names it counts: "carmakers Mercedes-Benz and
# Stellantis", "investors Temasek, GIC and Hillhouse". Rivals and peers are left out: a firm
# named as another's competitor is no party to its deals.
_FIRMS_LISTED = re.compile(
    r"(?<![\w-])(?:carmakers|automakers|companies|firms|start-?ups|investors|funds|suppliers|"
    r"backers|shareholders|chipmakers|lenders|banks|partners|conglomerates) "
    rf"({_LIST_ITEM}(?:, {_LIST_ITEM}){{0,5}},? and {_LIST_ITEM})(?![\w&'’-])"
)
_LISTED_SEPARATOR = re.compile(r",? and |, ")


def _by_plural_role(text, index):
    """Firms named right after a plural word for firms, each no person, place or word."""
    found = []
    for match in _FIRMS_LISTED.finditer(text):
        at = match.start(1)
        for piece in _LISTED_SEPARATOR.split(match.group(1)):
            start = text.index(piece, at)
            at = start + len(piece)
            if piece.endswith(".") and not _LEGAL_WORD.match(piece.split()[-1]):
                piece = piece[:-1]  # "... and Stellantis.": the sentence's full stop
            if "'s" in piece or "’s" in piece or _NAME_OF_NEXT.match(text, start + len(piece)):
                continue
            name = _plausible_firm(piece, index)
            if name is None or not piece.startswith(name):
                continue
            found.append(Mention(start, start + len(name), name, "other", "new"))
    return found


def _by_coordination(text, mentions, index):
    """ "Temasek, Edelweiss, IIFL and VSS Investco": a name listed alongside two companies is
    a company too, when it is no person, place or common word."""
    starts = {mention.start: mention for mention in mentions}
    found = []
    for connective in _LIST_AND.finditer(text):
        last = _LIST_LAST.match(text, connective.end())
        match = _LIST_BEFORE.search(text, max(0, connective.start() - 150), connective.start())
        if last is None or match is None:
            continue
        items = [(match.start(1), match.group(1))]
        if match.group(2):
            offset = match.start(2)
            for piece in match.group(2).split(", ")[1:]:
                offset = text.index(piece, offset)
                items.append((offset, piece))
                offset += len(piece)
        items.append((last.start(), last.group()))
        if re.search(r"\b(?:to|the|The|by)\s+$", text[max(0, match.start() - 6) : match.start()]):
            continue  # "According to the Nikkei, Nissan and Honda ...": a source, not a list
        named = [starts[at] for at, _ in items if at in starts]
        companies = [m for m in named if m.kind != "regulator"]
        if len(companies) < 2 or len(companies) == len(items):
            continue
        kinds = {m.kind for m in companies}
        kind = kinds.pop() if len(kinds) == 1 else "other"
        for at, item in items:
            if at in starts:
                continue
            last = item.split()[-1]
            if last.endswith(".") and "." not in last[:-1] and not _LEGAL_WORD.match(last):
                item = item[:-1]  # "... Peugeot and Abarth.": the sentence's full stop
            if "'s " in item or "’s " in item or _NAME_OF_NEXT.match(text, at + len(item)):
                continue  # "Flipkart's Sachin Bansal", "Bank of America": a person, a longer name
            name = _plausible_firm(item, index)
            if name is None or not item.startswith(name):
                continue
            found.append(Mention(at, at + len(name), name, kind, "new"))
    return found


# A sentence opening with two names joined by 'and' and then a deal's verb names the deal's two
# parties: "Renault and Kelvo Cells have signed a supply pact", "Tarvik and Nissan agreed".
_PAIR_AND = re.compile(rf" and ({_LIST_ITEM})(?![\w&'’-])")
_NAME_AND = re.compile(rf"(?<![\w&'’.-])({_LIST_ITEM}) and $")
_PAIR_DEAL = re.compile(
    r"(?:,? (?:have|has|will|would|are|were|had|jointly|also|formally|officially|on [A-Z][a-z]+|"
    r"to|plan|plans|recently|today)\b)* "
    r"(?:sign(?:ed|s)?|agree[ds]?|form(?:ed|s)?|set(?:ting)? up|merg(?:ed|e|es)|team(?:ed)? up|"
    r"partner(?:ed)?|establish(?:ed|es)?|struck|strike|ink(?:ed)?|tie up|join(?:ed)? forces|"
    r"collaborat(?:ed|e)|cooperat(?:ed|e)|held talks|in talks|"
    # "Kelvo and Renault are negotiating", "... announced a venture", "... said they would".
    r"negotiat(?:ing|ed|e)|discuss(?:ing|ed)|announc(?:ed|e)|confirmed|said they)\b"
)


def _opens(text, start):
    """Whether a sentence opens at `start`."""
    before = text[max(0, start - 2) : start]
    return start == 0 or before.endswith("\n") or before == ". "


# "a joint venture between Renault and Kelvo Cells", "talks between Tarvik and Nissan": the
# two names after 'between' are a deal's parties.
_BETWEEN_PAIR = re.compile(
    rf"(?<=\bbetween )(?:the )?({_LIST_ITEM}) and (?:the )?({_LIST_ITEM})(?![\w&'’-])"
)
_DEAL_BEFORE_BETWEEN = re.compile(
    r"(?:talks|negotiations|discussions|deal|venture|partnership|agreement|merger|alliance|"
    r"tie-?up|collaboration|cooperation|memorandum|MoU|pact|combination|transaction|contract)"
    r"(?: [\w-]+){0,2} $",
    re.IGNORECASE,
)


def _local_unit(item, index):
    """ "Kelvo South Africa": a firm's name and then a country names its local unit."""
    place = _UNIT_COUNTRY.search(item)
    if place is None or place.end() != len(item) or place.start() == 0:
        return None
    core = _plausible_firm(item[: place.start()], index)
    return item if core is not None and item.startswith(core) else None


def _by_between(text, mentions, index):
    """ "a venture between Renault and Kelvo Cells": the name paired after 'between' with a
    known company is a company too."""
    if "between" not in text:
        return []
    starts = {m.start: m for m in mentions if m.kind != "regulator"}
    found = []
    for match in _BETWEEN_PAIR.finditer(text):
        if not _DEAL_BEFORE_BETWEEN.search(text, max(0, match.start() - 48), match.start() - 8):
            continue
        for known, other in ((1, 2), (2, 1)):
            if match.start(known) not in starts or match.start(other) in starts:
                continue
            item = match.group(other)
            if item.endswith(("'s", "’s")) or _NAME_OF_NEXT.match(text, match.end(other)):
                continue  # "between SQM and Chile's Codelco", "between X and Bank of America"
            name = _plausible_firm(item, index) or _local_unit(item, index)
            if name is None or not item.startswith(name):
                continue
            if f"({name})" in text[: match.start(other)]:
                continue  # "Honda Motor Co Ltd (HAMCL)": initials given to a firm named before
            at = match.start(other)
            found.append(Mention(at, at + len(name), name, "other", "new"))
    return found


def _by_pairing(text, mentions, index):
    """ "Renault and Kelvo Cells will set up a plant": at a sentence's opening, the name joined
    by 'and' to a known company before a deal's verb is a company too."""
    found = []
    for mention in mentions:
        if mention.how == "new" or mention.kind == "regulator":
            continue
        after = _PAIR_AND.match(text, mention.end)
        if after and _PAIR_DEAL.match(text, after.end()) and _opens(text, mention.start):
            found.append((after.start(1), after.group(1)))
        before = _NAME_AND.search(text, max(0, mention.start - 40), mention.start)
        if before and _PAIR_DEAL.match(text, mention.end) and _opens(text, before.start(1)):
            found.append((before.start(1), before.group(1)))
    result = []
    for at, item in found:
        if "'s " in item or "’s " in item:
            continue
        name = _plausible_firm(item, index)
        if name is None or not item.endswith(name):
            continue
        start = at + len(item) - len(name)
        known = index.opened_by(name)
        if known is not None:  # "Contemporary Amperex": a known name cut short
            result.append(Mention(start, start + len(name), known.name, known.kind, "short"))
            continue
        result.append(Mention(start, start + len(name), name, "other", "new"))
    return result


_ABBREVIATED = re.compile(r"\s*\(")


def _named_by_abbreviation(text, mentions, short_forms):
    """ "Beijing Automotive (BAIC)": an unknown name followed by a known company's name in
    brackets is that company, and so is every later use of the unknown name."""
    result = []
    for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
        if (
            mention.how == "new"
            and following is not None
            and following.how != "new"
            and _ABBREVIATED.fullmatch(text, mention.end, following.start)
            and text.startswith(")", following.end)
        ):
            mention = Mention(
                mention.start, mention.end, following.company, following.kind, mention.how
            )
            short_forms[text[mention.start : mention.end]] = (
                following.company,
                following.kind,
                following.end,
            )
        result.append(mention)
    return result


# "Toyota Motor Corp. (NYSE: TM)": the exchange in a stock code's brackets is no party.
_TICKER_AFTER = re.compile(r"\s*:\s*[\w.]+\s*[);]")


def _in_bracket(text, mention):
    return text[max(0, mention.start - 1) : mention.start] == "("


def find_mentions(text, index):
    """All company mentions in `text`, in order: known names, legal names of known companies
    and unknown companies by corporate suffix, then short forms after a full name."""
    known = index.known_mentions(text)  # in order, none overlapping
    known_spans = Spans((m.start, m.end) for m in known)
    starts = {mention.start: mention for mention in known}
    widened = {}  # a known mention -> the same company with its legal suffix
    found = []
    short_forms = {}  # short form -> (company, kind, allowed from offset)

    def add_short_form(form, company, kind, after):
        if form in short_forms and short_forms[form][0] != company:
            short_forms[form] = (None, None, after)  # two companies share it: use neither
        else:
            short_forms.setdefault(form, (company, kind, after))

    for match in _SUFFIXED.finditer(text):
        core = match.group(1).split(" ")
        suffix = match.group(2).split()
        last = suffix[-1].rstrip(",")
        if not _LEGAL_WORD.match(last) and _CAPITALISED_NEXT.match(text, match.end()):
            continue  # "Detroit Auto Show"
        start = match.start()
        national = (  # "Saudi Electricity Co.": the nationality is part of the name
            len(core) == 2
            and core[0] in _DEMONYMS
            and core[1] in _INDUSTRY_NOUNS
            and any(_LEGAL_WORD.match(word.rstrip(",")) for word in suffix)
        )
        while (
            core
            and not national
            and (
                core[0] in NOT_A_NAME
                or core[0] in _SENTENCE_ADVERBS  # "When Master Group pitched the venture"
                or core[0] in _ROLE_OPENERS
                or core[0] in ("&", "of", "und")
                or _LEGAL_WORD.match(core[0])
            )
            and (start not in starts)
        ):
            start += len(core.pop(0)) + 1
        if not core or core[0] in _PERSONAL_TITLES:
            continue  # "Deputy Group CEO of Mubadala": a person's title
        if len(core) == 1 and core[0].isupper() and core[0] in _NOT_A_FIRM:
            continue  # "its new EV Co", "the NEV Company": the carmaker's segment, no name
        core = [word for word in core if not word.startswith("(")]  # "(China)"
        owners = [i for i, word in enumerate(core[:-1]) if word.endswith(("'s", "’s"))]
        if owners:  # "Peter Thiel's Founders Fund": the firm follows its owner's name
            cut = owners[-1] + 1
            start += len(" ".join(core[:cut])) + 1
            core = core[cut:]
        placed = [i for i, word in enumerate(core) if word.endswith(_PLACED_ENDINGS)]
        if placed:  # "Tel Aviv-based REE Automotive": the firm follows where it is based
            cut = placed[-1] + 1
            start += len(" ".join(core[:cut])) + 1
            core = core[cut:]
        if "of" in core and (
            not any(_LEGAL_WORD.match(word.rstrip(",")) for word in suffix)
            or any(word in _TITLES for word in core[: core.index("of")])
        ):
            # "the CEO of L-H Battery", "Jochen Siebert of JSC Automotive": the firm follows.
            cut = len(core) - core[::-1].index("of")
            start += len(" ".join(core[:cut])) + 1
            core = core[cut:]
        if not core:
            continue
        if (
            not any(_LEGAL_WORD.match(word.rstrip(",")) for word in suffix)
            and all(word in _COMMON_WORDS or word in _NOT_A_SHORT_FORM for word in core)
            and any(_WEAK_ENDING.match(word.rstrip(",")) for word in suffix)
        ):
            continue  # "New Energy", "Blade Battery", "Urban Mobility": not a firm's name
        inside = [known[i] for i in known_spans.within(start, match.end())]
        if inside:
            first = inside[0]
            words_before = text[start : first.start].split()
            tail = text[first.end : match.end()].replace(",", " ").split()
            if (
                len(inside) == 1
                and len(words_before) == 1
                and all(_SUFFIX_WORD.match(word) for word in tail)
                and _name_of_its_own(text, start, words_before[0])
            ):
                # "Master Changan Motors Ltd", "Baron Capital Group": a word of its own before
                # a known name and its endings names another company.
                name = _new_company_name(core, suffix)
                kind = _new_company_kind(suffix, "")
                kind = first.kind if kind == "other" else kind
                found.append(Mention(start, match.end(), name, kind, "new"))
                add_short_form(name, name, kind, match.end())
                continue
            if (
                len(inside) == 1
                and len(words_before) <= 1
                and all(_SUFFIX_WORD.match(word) for word in tail)
            ):
                widened[first.start] = Mention(
                    start, match.end(), first.company, first.kind, "name"
                )
                forms = text[first.start : first.end].split()
                if len(forms) > 1 and _distinctive(forms[0], index):
                    add_short_form(forms[0], first.company, first.kind, match.end())
                continue
            if not (
                len(inside) == 1
                and first.start == start
                and _LEGAL_WORD.match(tail[-1])
                and _COUNTRY_WORDS.match(" ".join(tail))
            ):
                continue
            # "Ford India Private Limited", "Toyota Motor Thailand Co.": a known name, then a
            # country, then a legal form names the firm's local unit, a company of its own.
            name = _new_company_name(core, suffix)
            found.append(Mention(start, match.end(), name, first.kind, "new"))
            add_short_form(name, name, first.kind, match.end())
            continue
        if known_spans.overlaps(start, match.end()):
            continue
        if _DATELINE.match(text, match.end()) and (start == 0 or text[start - 1] in "\n("):
            continue  # "Caijing Auto -- Tesla held talks ...": the outlet's dateline
        name = _new_company_name(core, suffix)
        kind = _new_company_kind(suffix, text[max(0, start - 40) : start])
        if kind == "other":
            kind = _new_company_kind(core[1:], "")  # "Lakeview Automotive Stamping Co Ltd"
        joined = _JOINED_BEFORE.search(text, max(0, start - 80), start)
        generic = joined and all(_generic(word) for word in name.split())
        if generic and known_spans.overlaps(joined.start(), start):
            continue  # "VinFast Manufacturing and Trading JSC": the end of a known firm's name
        if generic:
            # "Hefei City Construction and Investment Holding", "China National Tire and Rubber
            # Corp.": generic words after an 'and' end a longer name, not a firm of their own.
            name = text[joined.start() : start] + name
            start = joined.start()
            found = [m for m in found if m.end <= start]  # "Hefei City Construction" was its start
            core = [name]  # no short form from its first word ("Hefei")
        found.append(Mention(start, match.end(), name, kind, "new"))
        # The whole name before its core words: the forms are read in the order they were
        # added, and a set's order would change with the process's hash seed.
        for form in dict.fromkeys((name, " ".join(core))):
            add_short_form(form, name, kind, match.end())
        if len(core) > 1 and _distinctive(core[0], index):
            add_short_form(core[0], name, kind, match.end())

    for mention in known:
        forms = text[mention.start : mention.end].split()
        if len(forms) > 1 and _distinctive(forms[0], index):
            add_short_form(forms[0], mention.company, mention.kind, mention.end)

    taken_so_far = Spans([(m.start, m.end) for m in known] + [(m.start, m.end) for m in found])
    for mention in _by_role(text, index):
        if not taken_so_far.overlaps(mention.start, mention.end):
            found.append(mention)
            taken_so_far.add(mention.start, mention.end)
            add_short_form(mention.company, mention.company, mention.kind, mention.end)

    for mention in (*_by_cue(text, index), *_by_country(text, index)):
        if mention.company in short_forms:
            continue  # "a stake in Aston": Aston Martin's short form
        if not taken_so_far.overlaps(mention.start, mention.end):
            found.append(mention)
            taken_so_far.add(mention.start, mention.end)
            add_short_form(mention.company, mention.company, mention.kind, mention.end)

    units = {}
    for mention in known:
        if mention.start in widened:
            continue
        unit = _UNIT_COUNTRY.match(text, mention.end)
        if unit:
            name = text[mention.start : unit.end()]
            units[mention.start] = Mention(mention.start, unit.end(), name, mention.kind, "new")
            add_short_form(name, name, mention.kind, unit.end())
    mentions = _without_overlaps(
        [units.get(m.start, widened.get(m.start, m)) for m in known] + found
    )
    for mention in (
        *_by_coordination(text, mentions, index),
        *_by_pairing(text, mentions, index),
        *_by_between(text, mentions, index),
        *_by_plural_role(text, index),
    ):
        if mention.company in short_forms:
            continue
        if not taken_so_far.overlaps(mention.start, mention.end):
            mentions.append(mention)
            taken_so_far.add(mention.start, mention.end)
            add_short_form(mention.company, mention.company, mention.kind, mention.end)
    mentions.sort(key=lambda m: m.start)
    mentions = _named_by_abbreviation(text, mentions, short_forms)
    for mention in mentions:
        defined = "(" in text[mention.end : mention.end + 3] and _DEFINED_AS.match(
            text, mention.end
        )
        if defined:
            add_short_form(defined.group(1), mention.company, mention.kind, defined.end())
    taken = Spans((m.start, m.end) for m in mentions)
    for form, (company, kind, after) in short_forms.items():
        if company is None:
            continue
        for start in _occurrences(text, form, after):
            end = start + len(form)
            if not taken.overlaps(start, end):
                mentions.append(Mention(start, end, company, kind, "short"))
                taken.add(start, end)
    return sorted(
        (m for m in mentions if not _TICKER_AFTER.match(text, m.end) or not _in_bracket(text, m)),
        key=lambda m: m.start,
    )
