"""Who the bodies that approve are: by the form of their name, and by jurisdiction.

Bodies named by the form of their name when the company list lacks them:
Reporting names a public body by a head word with capitals around it: "the Ministry of
Science and ICT", "the Board of Investment (BOI)", "the Hong Kong Stock Exchange",
"Shanghai's municipal government", "the Trump administration". Such a name in an article is
a body that can license, clear or review, which the company list (seeds/companies.json) may
not hold; so is an insolvency court written in lower case ("the bankruptcy court in Seoul"),
which approves the buyer of a company under its protection. The article is scanned once;
approvals look its bodies up by position. The tables at the end name the merger-control
body, the government and the stock exchange of each jurisdiction as reporting refers to them.
"""

import bisect
import re

from evtracker.news.extraction.patterns import alternation

# "Ministry of Science and ICT", "State Administration for Market Regulation",
# "Turkish Competition Authority", "Hong Kong Stock Exchange".
_HEAD = (
    r"(?:Ministry|Board|Commission|Authority|Agency|Bureau|Administration|Department|"
    r"Exchange|Council|Regulator|Office|Division|Directorate|Inspectorate|Court)"
)
_CAP = r"[A-Z][\w’'.&-]*"
# The head word is found first (a plain alternation), then the capitalised words around it.
# Each head word is its own literal pattern: a literal is found by a fast scan, where an
# alternation is tried at every character.
_HEAD_WORDS = tuple(
    re.compile(rf"{word}\b")
    for word in (
        *_HEAD[3:-1].split("|"),
        r"municipal\s+(?:government|authorities)",
        r"provincial\s+(?:government|authorities)",
        r"regional\s+(?:government|authorities)",
        r"administration",
        r"government\b",
    )
)
# "Jiangsu Provincial Development and Reform Commission": capitalised words, "and" between two.
_WORDS_BEFORE = re.compile(
    rf"(?<![\w’'.&-])(?:(?!(?:The|A|An|Its|Their|This|That)\s){_CAP}\s+"
    rf"(?:(?:and|&)\s+(?={_CAP}\s))?){{1,4}}$"
)
# A date after a body is not part of its name: "the Competition Bureau on Friday approved".
_DATE_WORD = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)
_OF_PART = re.compile(
    rf"\s+(?:of|for|on)\s+(?:the\s+)?(?!{_DATE_WORD}){_CAP}"
    rf"(?:,?\s+(?:(?:and|&|of|for|the)\s+)*{_CAP}){{0,5}}"
)
# "the Trump administration": a government by its leader's name.
_LEADER_BEFORE = re.compile(r"\b[Tt]he\s+(?P<leader>[A-Z][a-z]+)\s+$")
_OF_PLACE = re.compile(r"\s+of\s+([A-Z][a-z]+)")
_KIND_BEFORE = re.compile(r"\b(?:city|municipal|provincial|state|regional)\s+$")
# "the Shenzhen government", "the Guangzhou municipal government": a city's or a region's.
_CITY_BEFORE = re.compile(
    r"\b[Tt]he\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?:(?:municipal|provincial|city|state|regional|local|district)\s+)?$"
)
_LOCAL_BEFORE = re.compile(
    rf"(?<![\w’'.&-]){_CAP}(?:\s+{_CAP})?['’]s\s+(?:city\s+|state\s+|local\s+)?$"
)
# A head word inside the title of a rule is no body: "the Provisions for the Administration of
# Investment", "Measures on the Administration of ...", "the Law on the Commission ...".
_RULE_TITLE_BEFORE = re.compile(
    r"\b(?:Provisions|Measures|Regulations|Rules|Law|Act|Guidelines|Opinions|Notice|Policy)"
    r"\s+(?:for|on|of|concerning|regarding)\s+(?:the\s+)?$"
)
_DEFINED = re.compile(r"\s*\(\s*[\"“]?([A-Z]{2,8})[\"”]?\s*\)")
_ACRONYM_OFFICE = re.compile(r"([A-Z]{2,6})\s+(?:Office|Division|Secretariat)")
# A place that owns the body, which the body's name leaves out: "South Korea's Ministry of ...".
_PLACE_OWNS = re.compile(rf"(?:{_CAP}\s+)?{_CAP}(?:['’]s|(?<=s)['’])\s+(?={_CAP})")
# Courts that approve a sale or a buyer of a company under their protection.
_INSOLVENCY_COURT = re.compile(r"\b(?:Bankruptcy|Insolvency|Rehabilitation)\b")
# Heads of a company's own bodies: "the Nissan Board", "Board of Directors".
# A board of review, promotion, regulation or control is public: "the Foreign Investment Review
# Board".
_NOT_PUBLIC = re.compile(
    r"(?<!Review )(?<!Promotion )(?<!Regulatory )(?<!Control )"
    r"\bBoard(?:\s+of\s+(?:Directors|Management|Supervisors|Trustees))?$|"
    r"\b(?:of|for|on)\s+(?:Directors|Management|Supervisors)\b"
)


# --- bodies by jurisdiction -----------------------------------------------------------------

# Merger control by jurisdiction, where reporting names the body by its country.
ANTITRUST_BODY = {
    "european union": "European Commission",
    "eu": "European Commission",
    "china": "SAMR",
    "south korea": "KFTC",
    "korea": "KFTC",
    "japan": "JFTC",
    "india": "CCI",
    "germany": "Bundeskartellamt",
    "britain": "CMA",
    "united kingdom": "CMA",
    "uk": "CMA",
    "brazil": "CADE",
    "mexico": "COFECE",
    "australia": "ACCC",
    "turkey": "Turkish Competition Authority",
    "south africa": "Competition Commission of South Africa",
    "canada": "Competition Bureau of Canada",
    "russia": "Federal Antimonopoly Service",
    "france": "Autorité de la concurrence",
    "italy": "AGCM",
    "spain": "CNMC",
    "poland": "UOKiK",
    "philippines": "Philippine Competition Commission",
    "indonesia": "KPPU",
    "thailand": "Trade Competition Commission of Thailand",
    "malaysia": "MyCC",
    "singapore": "CCCS",
    "vietnam": "Vietnam Competition Commission",
    "egypt": "Egyptian Competition Authority",
    "saudi arabia": "General Authority for Competition",
    "morocco": "Competition Council of Morocco",
    "kenya": "Competition Authority of Kenya",
    "nigeria": "FCCPC",
    "chile": "FNE",
    "argentina": "CNDC",
    "pakistan": "Competition Commission of Pakistan",
    "taiwan": "Taiwan Fair Trade Commission",
}
# The same bodies described by their country: "the UK's antitrust regulator", "Brazil's
# competition authority", "European approval for the deal".
ANTITRUST_DEMONYM = {
    "european": "european union",
    "chinese": "china",
    "south korean": "south korea",
    "korean": "korea",
    "japanese": "japan",
    "indian": "india",
    "german": "germany",
    "british": "britain",
    "brazilian": "brazil",
    "mexican": "mexico",
    "australian": "australia",
    "turkish": "turkey",
    "canadian": "canada",
    "russian": "russia",
    "french": "france",
    "italian": "italy",
    "spanish": "spain",
    "polish": "poland",
    "philippine": "philippines",
    "indonesian": "indonesia",
    "thai": "thailand",
    "malaysian": "malaysia",
    "singaporean": "singapore",
    "vietnamese": "vietnam",
    "egyptian": "egypt",
    "saudi": "saudi arabia",
    "moroccan": "morocco",
    "kenyan": "kenya",
    "nigerian": "nigeria",
    "chilean": "chile",
    "argentine": "argentina",
    "argentinian": "argentina",
    "pakistani": "pakistan",
    "taiwanese": "taiwan",
}
PLACE_WORDS = "|".join(
    sorted(
        (re.escape(p).replace(r"\ ", r"\s+") for p in (*ANTITRUST_BODY, *ANTITRUST_DEMONYM)),
        key=len,
        reverse=True,
    )
)

# The exchange that approves a listing, by the place reporting names: "a listing in Hong Kong",
# "its Shanghai IPO".
LISTING_VENUE = {
    "hong kong": "HKEX",
    "shanghai": "Shanghai Stock Exchange",
    "shenzhen": "Shenzhen Stock Exchange",
    "new york": "NYSE",
    "singapore": "Singapore Exchange",
    "london": "London Stock Exchange",
}
_VENUE = r"(?:Hong\s+Kong|Shanghai|Shenzhen|New\s+York|Singapore|London)"
_LISTING = (
    r"(?:(?:secondary|dual|primary|initial|stock|share|public)\s+)*(?:listing|IPO|float|flotation)"
)
LISTING_IN = re.compile(
    rf"\b{_VENUE}\s+{_LISTING}\b|\b{_LISTING}\s+(?:in|on)\s+(?:the\s+)?{_VENUE}\b|"
    rf"\blist\s+(?:its\s+shares\s+)?(?:in|on)\s+(?:the\s+)?{_VENUE}\b"
)
_VENUE_WORDS = re.compile(_VENUE)


def listing_venue(match):
    """The exchange of a listing matched by LISTING_IN."""
    place = _VENUE_WORDS.search(match.group())
    return LISTING_VENUE[" ".join(place.group().lower().split())]


# Other bodies reporters describe by country and field: "China's securities watchdog",
# "India's markets regulator", "U.S. auto safety regulators", "Japan's trade ministry".
FIELD_BODY = {
    ("china", "securities"): "CSRC",
    ("china", "planning"): "NDRC",
    ("china", "industry"): "MIIT",
    ("china", "commerce"): "MOFCOM",
    ("china", "market"): "SAMR",
    ("china", "cyberspace"): "Cyberspace Administration of China",
    ("india", "securities"): "SEBI",
    ("india", "heavy industries"): "Ministry of Heavy Industries",
    ("us", "securities"): "SEC",
    ("us", "auto safety"): "NHTSA",
    ("us", "national security"): "CFIUS",
    ("japan", "industry"): "METI",
    ("indonesia", "investment"): "BKPM",
}
_FIELD_PLACE = {
    "china": "china",
    "chinese": "china",
    "beijing": "china",
    "india": "india",
    "indian": "india",
    "new delhi": "india",
    "us": "us",
    "u.s.": "us",
    "american": "us",
    "washington": "us",
    "japan": "japan",
    "japanese": "japan",
    "tokyo": "japan",
    "indonesia": "indonesia",
    "indonesian": "indonesia",
}
_FIELD = {
    "securities": "securities",
    "markets": "securities",
    "market": "market",
    "stock market": "securities",
    "capital markets": "securities",
    "economic planning": "planning",
    "planning": "planning",
    "economic": "planning",
    "industry": "industry",
    # "China's industry and information technology authorities": the MIIT by its full remit
    "industry and information technology": "industry",
    "industrial": "industry",
    "commerce": "commerce",
    "trade": "industry",
    "cyberspace": "cyberspace",
    "internet": "cyberspace",
    "heavy industries": "heavy industries",
    "auto safety": "auto safety",
    "vehicle safety": "auto safety",
    "highway safety": "auto safety",
    "road safety": "auto safety",
    "national security": "national security",
    "foreign investment": "national security",
    "investment": "investment",
}
_FIELD_BODY_RE = re.compile(
    r"\b(?P<place>China|Chinese|Beijing|India|Indian|New\s+Delhi|US|U\.S\.|American|Washington|"
    r"Japan|Japanese|Tokyo|Indonesia|Indonesian)(?:['’]s)?\s+(?:(?:top|main|chief|state|"
    r"national|federal)\s+)?(?P<field>stock\s+market|capital\s+markets|economic\s+planning|"
    r"heavy\s+industries|auto\s+safety|vehicle\s+safety|highway\s+safety|road\s+safety|"
    r"industry\s+and\s+information\s+technology|"
    r"national\s+security|foreign\s+investment|securities|markets?|planning|economic|industry|"
    r"industrial|commerce|trade|cyberspace|internet|investment)\s+(?:regulators?|watchdogs?|"
    r"agency|ministry|planner|authorit(?:y|ies)|body|commission|panel|committee)\b"
)


def field_bodies(text):
    """(start, end, body) of each body `text` describes by its country and field."""
    found = []
    for match in _FIELD_BODY_RE.finditer(text):
        place = _FIELD_PLACE.get(" ".join(match.group("place").lower().split()))
        field = _FIELD.get(" ".join(match.group("field").lower().split()))
        body = FIELD_BODY.get((place, field))
        if body and not (field == "national security" and "investment" not in text.lower()):
            found.append((match.start(), match.end(), body))
    return found


# Every country whose government approves deals: the places reporting names it by (country, capital
# and short forms) and its people. The extractor's lists of countries, places of government and
# demonyms are drawn from this table (COUNTRY, DEMONYM, GOVERNMENTS, mentions' and talks' too).
GOVERNMENT_OF = {
    "Indian government": (("India", "New Delhi"), ("Indian",)),
    "Chinese government": (("China", "Beijing"), ("Chinese",)),
    "Japanese government": (("Japan", "Tokyo"), ("Japanese",)),
    "South Korean government": (("South Korea", "Korea", "Seoul"), ("South Korean", "Korean")),
    "Indonesian government": (("Indonesia", "Jakarta"), ("Indonesian",)),
    "German government": (("Germany", "Berlin"), ("German",)),
    "Italian government": (("Italy", "Rome"), ("Italian",)),
    "French government": (("France", "Paris"), ("French",)),
    "UK government": (("Britain", "London"), ("British", "UK")),
    "US government": (("United States", "America", "Washington"), ("US", "U.S.", "American")),
    "Thai government": (("Thailand",), ("Thai",)),
    "Vietnamese government": (("Vietnam",), ("Vietnamese",)),
    "Malaysian government": (("Malaysia",), ("Malaysian",)),
    "Hungarian government": (("Hungary", "Budapest"), ("Hungarian",)),
    "Spanish government": (("Spain", "Madrid"), ("Spanish",)),
    "Mexican government": (("Mexico",), ("Mexican",)),
    "Brazilian government": (("Brazil", "Brasilia"), ("Brazilian",)),
    "Turkish government": (("Turkey", "Türkiye", "Ankara"), ("Turkish",)),
    "Polish government": (("Poland", "Warsaw"), ("Polish",)),
    "Czech government": (("Czech Republic", "Prague"), ("Czech",)),
    "Canadian government": (("Canada", "Ottawa"), ("Canadian",)),
    "Australian government": (("Australia", "Canberra"), ("Australian",)),
    "Saudi government": (("Saudi Arabia", "Riyadh"), ("Saudi",)),
    "Taiwanese government": (("Taiwan", "Taipei"), ("Taiwanese",)),
    "Moroccan government": (("Morocco", "Rabat"), ("Moroccan",)),
    "Philippine government": (("Philippines", "Manila"), ("Philippine",)),
    "Pakistani government": (("Pakistan", "Islamabad"), ("Pakistani",)),
    "Egyptian government": (("Egypt", "Cairo"), ("Egyptian",)),
    "South African government": (("South Africa", "Pretoria"), ("South African",)),
    "Nigerian government": (("Nigeria", "Abuja"), ("Nigerian",)),
    "Kenyan government": (("Kenya", "Nairobi"), ("Kenyan",)),
    "Ethiopian government": (("Ethiopia", "Addis Ababa"), ("Ethiopian",)),
    "Algerian government": (("Algeria", "Algiers"), ("Algerian",)),
    "Tunisian government": (("Tunisia", "Tunis"), ("Tunisian",)),
    "Chilean government": (("Chile", "Santiago"), ("Chilean",)),
    "Argentine government": (("Argentina", "Buenos Aires"), ("Argentine", "Argentinian")),
    "Colombian government": (("Colombia", "Bogota"), ("Colombian",)),
    "Peruvian government": (("Peru", "Lima"), ("Peruvian",)),
    "UAE government": (("UAE", "United Arab Emirates"), ("Emirati",)),
    "Qatari government": (("Qatar", "Doha"), ("Qatari",)),
    "Omani government": (("Oman", "Muscat"), ("Omani",)),
    "Bahraini government": (("Bahrain", "Manama"), ("Bahraini",)),
    "Kuwaiti government": (("Kuwait",), ("Kuwaiti",)),
    "Israeli government": (("Israel", "Jerusalem"), ("Israeli",)),
    "Russian government": (("Russia", "Moscow"), ("Russian",)),
    "Ukrainian government": (("Ukraine", "Kyiv"), ("Ukrainian",)),
    "Romanian government": (("Romania", "Bucharest"), ("Romanian",)),
    "Serbian government": (("Serbia", "Belgrade"), ("Serbian",)),
    "Slovak government": (("Slovakia", "Bratislava"), ("Slovak",)),
    "Portuguese government": (("Portugal", "Lisbon"), ("Portuguese",)),
    "Swedish government": (("Sweden", "Stockholm"), ("Swedish",)),
    "Norwegian government": (("Norway", "Oslo"), ("Norwegian",)),
    "Finnish government": (("Finland", "Helsinki"), ("Finnish",)),
    "Dutch government": (("Netherlands", "The Hague"), ("Dutch",)),
    "Belgian government": (("Belgium",), ("Belgian",)),
    "Austrian government": (("Austria", "Vienna"), ("Austrian",)),
    "Bangladeshi government": (("Bangladesh", "Dhaka"), ("Bangladeshi",)),
    "Sri Lankan government": (("Sri Lanka", "Colombo"), ("Sri Lankan",)),
    "Kazakh government": (("Kazakhstan", "Astana"), ("Kazakh",)),
    "Uzbek government": (("Uzbekistan", "Tashkent"), ("Uzbek",)),
    "Singapore government": (("Singapore",), ("Singaporean",)),
    "Cambodian government": (("Cambodia", "Phnom Penh"), ("Cambodian",)),
    "Danish government": (("Denmark", "Copenhagen"), ("Danish",)),
    "Swiss government": (("Switzerland", "Bern"), ("Swiss",)),
    "Irish government": (("Ireland", "Dublin"), ("Irish",)),
    "Greek government": (("Greece", "Athens"), ("Greek",)),
    "Croatian government": (("Croatia", "Zagreb"), ("Croatian",)),
    "Slovenian government": (("Slovenia", "Ljubljana"), ("Slovenian",)),
    "Estonian government": (("Estonia", "Tallinn"), ("Estonian",)),
    "Latvian government": (("Latvia", "Riga"), ("Latvian",)),
    "Lithuanian government": (("Lithuania", "Vilnius"), ("Lithuanian",)),
    "Luxembourg government": (("Luxembourg",), ()),
    "Iranian government": (("Iran", "Tehran"), ("Iranian",)),
    "Jordanian government": (("Jordan", "Amman"), ("Jordanian",)),
    "Ghanaian government": (("Ghana", "Accra"), ("Ghanaian",)),
    "Uruguayan government": (("Uruguay", "Montevideo"), ("Uruguayan",)),
    "New Zealand government": (("New Zealand", "Wellington"), ()),
    "Myanmar government": (("Myanmar",), ()),
    "Hong Kong government": (("Hong Kong",), ()),
    "Abu Dhabi government": (("Abu Dhabi",), ()),
    "Dubai government": (("Dubai",), ()),
    "European Commission": (("Brussels",), ()),  # "Brussels cleared the deal": the EU's executive
}
GOVERNMENTS = {
    name.lower(): government
    for government, (places, peoples) in GOVERNMENT_OF.items()
    for name in (*places, *peoples)
}


# The places and peoples of the table, as reporting writes them, and each as a regex.
PLACES = tuple(name for places, _ in GOVERNMENT_OF.values() for name in places)
PEOPLES = tuple(name for _, peoples in GOVERNMENT_OF.values() for name in peoples)
COUNTRY = alternation(PLACES)
DEMONYM = alternation(PEOPLES)
# The same places as an article writes them, for "the government" with no country named.
_PLACE_NAMES = alternation(
    name
    for places, peoples in GOVERNMENT_OF.values()
    for name in (*places, *peoples)
    if name != "Brussels"
)
_GOVERNMENT_PLACE = re.compile(rf"\b(?:{_PLACE_NAMES})(?![\w-])")


def country_government(context, start, end):
    """The government "the government" means between two offsets: that of the country the
    sentence names, else the one the article last named as a government ("India's government
    is likely to approve ... The government now plans to ..."), else of the country the article
    names most (the first of those named as often); None when the article names no country."""
    memos = context.__dict__.setdefault("_approval_memos", {})
    memo = memos.setdefault("countries", {})
    if "found" not in memo:
        places = [
            (m.start(), m.end(), GOVERNMENTS[" ".join(m.group().lower().split())])
            for m in _GOVERNMENT_PLACE.finditer(context.body)
        ]
        found = [(at, government) for at, _, government in places]
        counts = {}
        for _, government in found:
            counts[government] = counts.get(government, 0) + 1
        memo["found"] = found
        memo["most"] = max(counts, key=counts.get) if counts else None
        body = context.body
        # The places named as a government, from the places found (one pass over a long
        # article, not two).
        memo["named"] = [
            (at, government)
            for at, end, government in places
            if _GOVERNMENT_AFTER.match(body, end)
            or _GOVERNMENT_OF_BEFORE.search(body, max(0, at - 20), at)
        ]
    body = context.body
    here = next(
        (
            g
            for s, g in memo["found"]
            if start <= s < end and not _DESCRIBES_COMPANY.match(body, _place_end(body, s))
        ),
        None,
    )
    named = [g for s, g in memo["named"] if s < start]
    return here or (named[-1] if named else memo["most"])


# A place that tells where a company is from ("Chinese carmaker Great Wall", "the British
# brand", "China's largest carmaker SAIC"): the company's home, not the government that acts.
_DESCRIBES_COMPANY = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:car-?makers?|auto-?makers?|brands?|compan(?:y|ies)|"
    r"firms?|makers?|giants?|manufacturers?|conglomerates?|partners?|investors?|rivals?|"
    r"suppliers?|start-?ups?|owners?|parents?|buyers?)\b",
    re.IGNORECASE,
)


def _place_end(body, start):
    return _GOVERNMENT_PLACE.match(body, start).end()


# A government the article names as such, which a later "the government" refers back to:
# "India's government", "the Indian government", "the government of India".
_GOVERNMENT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:central|federal|national|union)\s+)?government\b", re.IGNORECASE
)
_GOVERNMENT_OF_BEFORE = re.compile(r"\bgovernment\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# Listed bodies whose plain names other countries' bodies share ("the industry ministry",
# "the Ministry of Commerce"), by the government they belong to.
_HOME_GOVERNMENT = {
    **dict.fromkeys(
        (
            "MIIT",
            "MOFCOM",
            "NDRC",
            "SAMR",
            "CSRC",
            "State Council",
            "Ministry of Natural Resources",
            "Ministry of Public Security",
            "Ministry of Transport",
        ),
        "Chinese government",
    ),
    **dict.fromkeys(("METI", "MLIT", "JFTC"), "Japanese government"),
    **dict.fromkeys(("MOTIE", "KFTC"), "South Korean government"),
    **dict.fromkeys(
        ("Ministry of Heavy Industries", "Indian Ministry of Finance", "CCI", "SEBI"),
        "Indian government",
    ),
}
_PLACE_OWNER_BEFORE = re.compile(r"(?:['’]s?|(?<=[a-z]))\s+$")


def home_government(body):
    """The government a listed body belongs to ("NDRC": the Chinese government), or None."""
    return _HOME_GOVERNMENT.get(body)


def foreign_namesake(body, start, end, company):
    """(start, end, name as written) when a listed body's plain name belongs to another
    country's body ("Vietnam's industry ministry", "the Ministry of Industry of Indonesia"
    are not China's MIIT); else None."""
    home = _HOME_GOVERNMENT.get(company)
    if not home:
        return None
    window = max(0, start - 30)
    for place in _GOVERNMENT_PLACE.finditer(body, window, start):
        owner = _PLACE_OWNER_BEFORE.fullmatch(body, place.end(), start)
        government = GOVERNMENTS[" ".join(place.group().lower().split())]
        if owner and government != home:
            return place.start(), end, body[place.start() : end]
    after = re.compile(r"\s+of\s+").match(body, end)
    if after:
        place = _GOVERNMENT_PLACE.match(body, after.end())
        if place and GOVERNMENTS[" ".join(place.group().lower().split())] != home:
            return start, place.end(), body[start : place.end()]
    return None


# Countries and their peoples, whose governments are not a city's: "the Trump government" is
# no city either.
_NATIONAL = {
    *GOVERNMENTS,
    *ANTITRUST_BODY,
    *ANTITRUST_DEMONYM,
    "federal",
    "central",
    "new",
    "national",
    "trump",
    "biden",
    "obama",
    "modi",
}


# A body by its abbreviation alone, as a country's or after its description: "Thailand's BOI",
# "Poland's competition authority UOKiK", "the investment board BKPM". Abbreviations are found
# first (a capital scan), then what stands before each in a short window.
# (The look behind comes after the first capital: tried at capitals only, not every character.)
_ACRONYM = re.compile(r"[A-Z](?<![\w’'&.-][A-Z])[A-Za-z]{1,5}[A-Z](?![\w’'&-]|\.\w|\s+[A-Z])")
_NOT_BODIES = frozenset(
    ("NEV", "EV", "IPO", "CEO", "CFO", "CTO", "GDP", "SUV", "ADAS", "OEM", "ICT", "USD", "CNY")
)
_BODY_HEADS = (
    r"(?:regulator|authority|watchdog|agency|body|board|commission|ministry|office|bureau|"
    r"administration|council)"
)
# A country's abbreviation needs its body head unless the country names it alone: "Thailand's
# BOI", "Australia's FIRB"; not "Europe's BEV rebound" nor "Volkswagen's MEB platform".
_OWNED_BEFORE = re.compile(
    rf"(?<![\w’'-])(?:{_PLACE_NAMES})(?:['’]s|(?<=s)['’])\s+"
    rf"(?:(?:[a-z-]+\s+){{0,3}}?{_BODY_HEADS}\s+)?$"
)
_PRODUCT_AFTER = re.compile(
    r"\s+(?:platforms?|batter(?:y|ies)|cells?|chemistr(?:y|ies)|models?|markets?|sales|segments?|"
    r"vehicles?|cars?|technolog(?:y|ies)|engines?|range|plants?|factor(?:y|ies)|rebound|"
    r"architecture|chips?)\b"
)
_DESCRIBED_BEFORE = re.compile(
    r"\b(?:antitrust|competition|investment|securities|market|trade|industry|transport|"
    rf"safety|fair-trade|planning|promotion)\s+(?:[a-z-]+\s+)?{_BODY_HEADS}\s+$"
)


# Boards of an exchange that admit or turn away listings, by the names reporting uses.
_BOARDS = (
    (re.compile(r"STAR\s+Market\b"), "STAR Market"),
    (re.compile(r"Sci-Tech\s+Innovation\s+Board\b"), "STAR Market"),
    (re.compile(r"ChiNext\b"), "ChiNext"),
)


def _board_bodies(body):
    return [(m.start(), m.end(), name) for board, name in _BOARDS for m in board.finditer(body)]


def _acronym_bodies(body, mentions):
    """(start, end, acronym) of each body named by its abbreviation beside its country or its
    description, and of the same abbreviation wherever else the article uses it."""
    starts = [m.start for m in mentions]
    seen = []
    names = set()
    for match in _ACRONYM.finditer(body):
        start, end = match.span()
        name = match.group()
        seen.append((start, end, name))
        if name in _NOT_BODIES or name in names or _PRODUCT_AFTER.match(body, end):
            continue
        window = max(0, start - 60)
        owned = _OWNED_BEFORE.search(body, window, start)
        if not (owned or _DESCRIBED_BEFORE.search(body, window, start)):
            continue
        at = bisect.bisect_right(starts, start)
        before = mentions[at - 1] if at else None
        if before and before.end > start or at < len(mentions) and starts[at] < end:
            continue  # a company of the list: "China's BYD"
        names.add(name)
    return [(start, end, name) for start, end, name in seen if name in names]


# An insolvency court written in lower case: "the bankruptcy court in Seoul", "the Seoul
# bankruptcy court", "a rehabilitation court"; not "bankruptcy court protection", a state.
# ("A court in Seoul" alone was tried: in other articles it is a court ruling on a dispute.)
_LOOSE_COURT = re.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?:(?P<before>[A-Z][a-z]+)\s+)?"
    r"(?P<kind>bankruptcy|insolvency|rehabilitation)\s+court\b"
    r"(?![\s-]+(?:receivership|protection|process|procedures?|order|filings?|cases?|led|"
    r"supervised|hearings?))"
    r"(?:\s+(?:in|of)\s+(?P<after>[A-Z][a-z]+))?"
)


def _loose_courts(body, found):
    """(start, end, name) of each insolvency court written in lower case: the one the article
    names in full ("Seoul Bankruptcy Court") unless the words give another city, else the
    court of the city they give ("the bankruptcy court in Seoul": the Seoul Bankruptcy
    Court). Such a court approves the buyer or the sale of a company under its protection."""
    if "ruptcy court" not in body and "ency court" not in body and "tion court" not in body:
        return []
    named = max(
        (name for _, _, name in found if _INSOLVENCY_COURT.search(name)), key=len, default=None
    )
    out = []
    for match in _LOOSE_COURT.finditer(body):
        city = match.group("before") or match.group("after")
        kind = match.group("kind").capitalize()
        name = named if named and (not city or city in named) else city and f"{city} {kind} Court"
        if name:
            out.append((match.start(), match.end(), name))
    return out


def body_names(context):
    """(start, end, name) of each body the article names by form and the company list does
    not, in order; kept on the article's context. A shorter form of a listed body ("the
    Competition Commission" after "the Competition Commission of India") is that body."""
    memos = context.__dict__.setdefault("_approval_memos", {})
    memo = memos.setdefault("bodies by form", {})
    if "found" not in memo:
        listed = [m for m in context.mentions if m.kind == "regulator"]
        listed_names = {m.company for m in listed}
        starts = [m.start for m in context.mentions]
        found = []
        for start, end, name in _scan(context.body):
            at = bisect.bisect_left(starts, end)
            named = context.mentions[at - 1] if at else None
            longer = named and _longer_than_listed(context, named, start, end)
            if named and named.end > start and not longer and not opens_name(context, named, end):
                continue  # the company list names it
            same = next(
                (
                    m.company
                    for m in listed
                    if name.lower() in context.body[m.start : m.end].lower()
                ),
                None,
            )
            found.append((start, end, same or name))
        # "the Board of Investment (BOI)": the body goes by the short name it is given, as
        # reporting goes on to call it ("the BOI also approved ...")
        short = {}
        for _start, end, name in found:
            defined = _DEFINED.match(context.body, end)
            if defined and name not in listed_names:
                short.setdefault(name, defined.group(1))
        found = [(start, end, short.get(name, name)) for start, end, name in found]
        taken = [(start, end) for start, end, _ in found]
        found += [
            (start, end, name)
            for start, end, name in (
                *_acronym_bodies(context.body, context.mentions),
                *_board_bodies(context.body),
                *_loose_courts(context.body, found),
            )
            if not any(s < end and start < e for s, e in taken)
        ]
        taken = [(start, end) for start, end, _ in found]
        for abbreviation in set(short.values()):
            for match in re.finditer(rf"\b{abbreviation}\b", context.body):
                if not any(s <= match.start() < e for s, e in taken):
                    found.append((match.start(), match.end(), abbreviation))
        found.sort()
        memo["found"] = found
        memo["starts"] = [start for start, _, _ in found]
    return memo["found"], memo["starts"]


def opens_name(context, mention, end):
    """Whether a company mention is only the one word that opens a body's longer name, ending
    before `end`: "Henan" (read as a short form of Henan Senyuan) in "the Henan Provincial
    Development and Reform Commission" is the province the body belongs to."""
    written = context.body[mention.start : mention.end]
    return mention.kind != "regulator" and mention.end < end and " " not in written


# What a name runs on with past a listed body it opens with: "Ministry of Industry| and Trade".
_NAME_GOES_ON = re.compile(r"\s+(?:and|&)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def _longer_than_listed(context, mention, start, end):
    """Whether a name by form is a longer body than the listed one it opens with: Vietnam's
    "Ministry of Industry and Trade" is not the "Ministry of Industry" (MIIT)."""
    return (
        mention.kind == "regulator"
        and start <= mention.start
        and _NAME_GOES_ON.fullmatch(context.body, mention.end, end) is not None
    )


# Where a sentence ends inside the capitalised words around a head word: "... the Ministry of
# Industry. Since then ..." or "... in Germany.\n\nMinistry officials ..."; a full stop after
# a capital ("U.S. Federal Trade Commission") is an abbreviation's.
_SENTENCE_END = re.compile(r"(?<=[a-z])\.\s+|\s*\n\s*")


def _within_sentence(body, start, head, end):
    """(start, end) of a name cut to the sentence of its head word."""
    for stop in _SENTENCE_END.finditer(body, start, head.start()):
        start = stop.end()
    stop = _SENTENCE_END.search(body, head.end(), end)
    return start, stop.start() if stop else end


# A competition body's name that many countries share, owned by the country it belongs to:
# "Ruritania's Competition Commission" is that country's merger-control body.
_SHARED_ANTITRUST_NAME = re.compile(
    r"(?:Competition|Fair\s+Trade|Antimonopoly|Anti-Monopoly)\s+(?:Commission|Authority|Board|"
    r"Council|Bureau|Agency)"
)


def _antitrust_body_of(owner, name):
    """The merger-control body of the country `owner` names ("India's "), when `name` is a
    name competition bodies share; else None."""
    if not _SHARED_ANTITRUST_NAME.fullmatch(name):
        return None
    place = " ".join(re.sub(r"['’]s?\s*$", "", owner).lower().split())
    return ANTITRUST_BODY.get(place)


def _scan(body):
    found = []
    heads = sorted(
        (head for pattern in _HEAD_WORDS for head in pattern.finditer(body)),
        key=lambda head: head.start(),
    )
    for head in heads:
        if head.start() and (body[head.start() - 1].isalnum() or body[head.start() - 1] == "_"):
            continue  # inside a longer word
        word = head.group()
        if word == "administration":
            leader = _LEADER_BEFORE.search(body, max(0, head.start() - 30), head.start())
            if leader:
                found.append(
                    (leader.start("leader"), head.end(), body[leader.start("leader") : head.end()])
                )
            continue
        of_place = word == "government" and _OF_PLACE.match(body, head.end())
        if of_place:  # "the city government of Hefei"; a country's is GOVERNMENTS'
            if of_place.group(1).lower() not in _NATIONAL:
                kind = _KIND_BEFORE.search(body, max(0, head.start() - 20), head.start())
                start = kind.start() if kind else head.start()
                found.append((start, of_place.end(), body[start : of_place.end()]))
            continue
        if word == "government":
            city = _CITY_BEFORE.search(body, max(0, head.start() - 40), head.start())
            # "the Beijing municipal government" is the city's, though "Beijing" alone is China's
            local = city and _KIND_BEFORE.search(city.group())
            if city and (local or " ".join(city.group("place").lower().split()) not in _NATIONAL):
                start = city.start("place")
                found.append((start, head.end(), body[start : head.end()]))
                continue  # a country's government is named by GOVERNMENTS
        if word[0].islower():  # "Shanghai's municipal government"
            local = _LOCAL_BEFORE.search(body, max(0, head.start() - 40), head.start())
            place = local and re.sub(r"['’]s\s.*$", "", local.group(), flags=re.DOTALL).lower()
            if local and (word != "government" or " ".join(place.split()) not in _NATIONAL):
                found.append((local.start(), head.end(), body[local.start() : head.end()]))
            continue
        start = head.start()
        if _RULE_TITLE_BEFORE.search(body, max(0, start - 40), start):
            continue  # "the Provisions for the Administration of Investment": a rule's title
        before = _WORDS_BEFORE.search(body, max(0, start - 60), start)
        if before:
            start = before.start()
        end = head.end()
        of_part = _OF_PART.match(body, end)
        if of_part:
            end = of_part.end()
        start, end = _within_sentence(body, start, head, end)
        name = body[start:end]
        if start == head.start() and end == head.end() or _NOT_PUBLIC.search(name):
            continue  # "Commission" alone; "the Board"
        if word == "Court" and not _INSOLVENCY_COURT.search(name):
            continue  # a court that rules on a dispute approves nothing; one that sells does
        owner = _PLACE_OWNS.match(name)
        if owner and not _NOT_PUBLIC.search(name):
            start, name = start + owner.end(), name[owner.end() :]  # "Vietnam's Ministry of ..."
            name = _antitrust_body_of(owner.group(), name) or name
        acronym = _ACRONYM_OFFICE.fullmatch(name)
        if acronym:
            name = acronym.group(1)  # "the BOI Office" is the BOI
        found.append((start, end, name))
    return found


def bodies_between(context, start, end):
    """The bodies named by form between two offsets of the article."""
    found, starts = body_names(context)
    at = bisect.bisect_left(starts, start)
    out = []
    while at < len(found) and found[at][0] < end:
        out.append(found[at])
        at += 1
    return out
