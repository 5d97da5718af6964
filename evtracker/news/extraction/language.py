"""The wording the extractor recognises: outlets, sources, and the verbs and nouns of talks,
investments and approvals. Patterns are compiled once at import."""

import re

from evtracker.news.extraction.patterns import (
    Anchored,
    Gated,
    at_word_start,
    per_article,
    trie_regex,
)


def _word_set(text):
    return frozenset(text.split())


def _words(pattern, flags=re.IGNORECASE):
    return re.compile(pattern, flags)


DEAL_STARTS = (
    "partner",
    "tie",
    "alliance",
    "joint",
    "jv",
    "collaboration",
    "cooperation",
    "co-operation",
    "deal",
    "agreement",
    "pact",
    "memorand",
    "mou",
    "contract",
    "accord",
    "letter",
    "merger",
    "venture",
    "cross-shareholding",
    "framework",
    "arrangement",
    "project",
)
# News outlets are who reports, never a party: canonical name -> the ways it is written.
OUTLETS = {
    "Bloomberg": ["Bloomberg", "Bloomberg News"],
    "Reuters": ["Reuters", "Thomson Reuters"],
    "The Wall Street Journal": ["The Wall Street Journal", "Wall Street Journal", "WSJ"],
    "Financial Times": ["Financial Times", "the FT", "FT"],
    "Nikkei": ["Nikkei Asia", "Nikkei Asian Review", "Nikkei", "Nihon Keizai Shimbun"],
    "CNBC": ["CNBC"],
    "Caixin": ["Caixin", "Caixin Global"],
    "LatePost": ["LatePost"],
    "36Kr": ["36Kr"],
    "Yicai": ["Yicai", "China Business News"],
    "Jiemian": ["Jiemian"],
    "Xinhua": ["Xinhua", "Xinhua News Agency"],
    "South China Morning Post": ["South China Morning Post", "SCMP"],
    "Handelsblatt": ["Handelsblatt"],
    "Automotive News": ["Automotive News"],
    "The Information": ["The Information"],
    "TechCrunch": ["TechCrunch"],
    "The Verge": ["The Verge"],
    "Electrek": ["Electrek"],
    "CnEVPost": ["CnEVPost"],
    "Gasgoo": ["Gasgoo"],
    "CarNewsChina": ["CarNewsChina", "Car News China"],
    "Kyodo": ["Kyodo", "Kyodo News"],
    "Yonhap": ["Yonhap", "Yonhap News Agency"],
    "Der Spiegel": ["Der Spiegel", "Spiegel"],
    "Associated Press": ["Associated Press", "AP"],
    "AFP": ["AFP", "Agence France-Presse"],
    "Dow Jones": ["Dow Jones", "Dow Jones Newswires"],
    "The New York Times": ["The New York Times", "New York Times", "NYT"],
    "Axios": ["Axios"],
    "Business Insider": ["Business Insider"],
    "Forbes": ["Forbes"],
    "Electrive": ["Electrive", "electrive.com"],
    "Autocar": ["Autocar"],
    "China Daily": ["China Daily"],
    "Global Times": ["Global Times"],
    "People's Daily": ["People's Daily"],
    "21st Century Business Herald": ["21st Century Business Herald"],
    "Economic Observer": ["Economic Observer"],
    "Securities Times": ["Securities Times"],
    "Shanghai Securities News": ["Shanghai Securities News"],
    "China Securities Journal": ["China Securities Journal"],
    "Yomiuri": ["Yomiuri", "Yomiuri Shimbun"],
    "Asahi": ["Asahi Shimbun"],
    "Korea Economic Daily": ["Korea Economic Daily"],
    "Maeil Business": ["Maeil Business Newspaper", "Maeil Business"],
    "Les Echos": ["Les Echos"],
    "Le Monde": ["Le Monde"],
    "Automobilwoche": ["Automobilwoche"],
    "Manager Magazin": ["Manager Magazin"],
    "Il Sole 24 Ore": ["Il Sole 24 Ore"],
    "The Economic Times": ["Economic Times", "The Economic Times"],
    "Times of India": ["Times of India", "The Times of India"],
    "Mint": ["Mint", "Livemint"],
    "The Korea Herald": ["Korea Herald"],
    "Chosun Ilbo": ["Chosun Ilbo"],
    "InsideEVs": ["InsideEVs"],
    "Motor1": ["Motor1"],
    "Teslarati": ["Teslarati"],
    "The Guardian": ["The Guardian", "Guardian"],
    "BBC": ["BBC"],
    "Bild": ["Bild"],
    "Sina Finance": ["Sina Finance", "Sina Tech"],
    "IT Home": ["IT Home", "ITHome"],
    "Cailian Press": ["Cailian Press", "Cailianshe"],
    "Jiemian News": ["Jiemian News"],
    "The Paper": ["The Paper", "ThePaper"],
    "Yicai Global": ["Yicai Global"],
    "Interfax": ["Interfax"],
    "Dealstreet Asia": ["DealStreetAsia"],
    # India
    "Press Trust of India": ["Press Trust of India", "PTI"],
    "IANS": ["IANS", "Indo-Asian News Service"],
    "Business Standard": ["Business Standard"],
    "Hindustan Times": ["Hindustan Times"],
    "Moneycontrol": ["Moneycontrol"],
    "Financial Express": ["Financial Express", "The Financial Express"],
    "NDTV": ["NDTV", "NDTV Profit"],
    "Business Today": ["Business Today"],
    "CNBC-TV18": ["CNBC-TV18", "CNBC TV18"],
    "ET Auto": ["ET Auto", "ETAuto"],
    "Autocar India": ["Autocar India", "Autocar Professional"],
    "Inc42": ["Inc42"],
    "Entrackr": ["Entrackr"],
    "The Hindu BusinessLine": ["Hindu BusinessLine", "BusinessLine", "The Hindu"],
    "Deccan Herald": ["Deccan Herald"],
    "India Today": ["India Today"],
    # Japan and Korea
    "Jiji Press": ["Jiji Press", "Jiji"],
    "NHK": ["NHK"],
    "Mainichi": ["Mainichi", "Mainichi Shimbun"],
    "Sankei": ["Sankei", "Sankei Shimbun"],
    "Toyo Keizai": ["Toyo Keizai"],
    "Nikkan Kogyo Shimbun": ["Nikkan Kogyo Shimbun", "Nikkan Jidosha Shimbun"],
    "Korea JoongAng Daily": ["Korea JoongAng Daily", "JoongAng Ilbo", "JoongAng"],
    "The Korea Times": ["Korea Times"],
    "Hankyoreh": ["Hankyoreh"],
    "Dong-A Ilbo": ["Dong-A Ilbo"],
    "Seoul Economic Daily": ["Seoul Economic Daily"],
    "BusinessKorea": ["BusinessKorea", "Business Korea"],
    "Edaily": ["Edaily"],
    "Hankyung": ["Hankyung"],
    # South-East Asia
    "Bernama": ["Bernama"],
    "The Edge": ["The Edge Malaysia", "The Edge Markets"],
    "New Straits Times": ["New Straits Times"],
    "Malay Mail": ["Malay Mail"],
    "The Straits Times": ["Straits Times"],
    "The Business Times": ["The Business Times"],
    "Antara": ["Antara", "Antara News"],
    "Kompas": ["Kompas"],
    "Kontan": ["Kontan"],
    "Bisnis Indonesia": ["Bisnis Indonesia"],
    "Jakarta Post": ["Jakarta Post"],
    "Jakarta Globe": ["Jakarta Globe"],
    "Bangkok Post": ["Bangkok Post"],
    "VnExpress": ["VnExpress"],
    "Tuoi Tre": ["Tuoi Tre"],
    "Vietnam News": ["Viet Nam News", "Vietnam News Agency"],
    "Philippine Star": ["Philippine Star", "Philstar"],
    "Inquirer": ["Philippine Daily Inquirer", "Inquirer"],
    "BusinessWorld": ["BusinessWorld"],
    "Tech in Asia": ["Tech in Asia"],
    "KrASIA": ["KrASIA"],
    # The Middle East, Turkey and Africa
    "Anadolu Agency": ["Anadolu Agency", "Anadolu Ajansi"],
    "Daily Sabah": ["Daily Sabah"],
    "Hurriyet Daily News": ["Hurriyet Daily News", "Hurriyet"],
    "Dunya": ["Dunya"],
    "Arab News": ["Arab News"],
    "Al Arabiya": ["Al Arabiya"],
    "Asharq Al-Awsat": ["Asharq Al-Awsat"],
    "Gulf News": ["Gulf News"],
    "Khaleej Times": ["Khaleej Times"],
    "Zawya": ["Zawya"],
    "Al-Monitor": ["Al-Monitor"],
    "Ahram Online": ["Ahram Online", "Al-Ahram"],
    "Moneyweb": ["Moneyweb"],
    "BusinessDay": ["BusinessDay", "Business Day"],
    "News24": ["News24"],
    "BusinessTech": ["BusinessTech"],
    # Latin America
    "Valor Economico": ["Valor Economico", "Valor Econômico"],
    "Folha de S.Paulo": ["Folha de S.Paulo", "Folha"],
    "Estadao": ["Estadao", "Estadão", "O Estado de S. Paulo"],
    "O Globo": ["O Globo"],
    "El Economista": ["El Economista"],
    "Milenio": ["Milenio"],
    "La Nacion": ["La Nacion", "La Nación"],
    "Clarin": ["Clarin", "Clarín"],
    "El Mercurio": ["El Mercurio"],
    "Diario Financiero": ["Diario Financiero"],
    # Europe and the US
    "Frankfurter Allgemeine": ["Frankfurter Allgemeine Zeitung", "Frankfurter Allgemeine", "FAZ"],
    "Sueddeutsche Zeitung": ["Sueddeutsche Zeitung", "Süddeutsche Zeitung"],
    "Die Welt": ["Die Welt"],
    "WirtschaftsWoche": ["WirtschaftsWoche", "Wirtschaftswoche"],
    "Le Figaro": ["Le Figaro"],
    "La Tribune": ["La Tribune"],
    "Corriere della Sera": ["Corriere della Sera"],
    "La Repubblica": ["La Repubblica"],
    "Milano Finanza": ["Milano Finanza"],
    "El Pais": ["El Pais", "El País"],
    "Expansion": ["Expansión"],
    "Cinco Dias": ["Cinco Dias", "Cinco Días"],
    "Kommersant": ["Kommersant"],
    "Vedomosti": ["Vedomosti"],
    "TASS": ["TASS"],
    "RIA Novosti": ["RIA Novosti"],
    "The Times": ["The Times"],
    "The Telegraph": ["The Telegraph", "Daily Telegraph"],
    "Sky News": ["Sky News"],
    "MarketWatch": ["MarketWatch"],
    "Barron's": ["Barron's"],
    "Fortune": ["Fortune magazine"],
    "Yahoo Finance": ["Yahoo Finance"],
    "CNN": ["CNN"],
    "Fox Business": ["Fox Business"],
    "Automotive News Europe": ["Automotive News Europe"],
    "Just Auto": ["Just Auto", "Just-Auto"],
    "WardsAuto": ["WardsAuto"],
    "Carscoops": ["Carscoops"],
    "Car and Driver": ["Car and Driver"],
    "MotorTrend": ["MotorTrend", "Motor Trend"],
    "Jalopnik": ["Jalopnik"],
    "Ars Technica": ["Ars Technica"],
    "Engadget": ["Engadget"],
}
_OUTLET_BY_SURFACE = {s: name for name, surfaces in OUTLETS.items() for s in surfaces}
# Every way an outlet is written: a credit, never a company (mentions.py).
OUTLET_SURFACES = frozenset(_OUTLET_BY_SURFACE)
# Capitalised names in one pattern that skips to capitals; the few written in lower case
# ("the FT") each in a pattern of its own, which skips to its literal text.
_OUTLET_PATTERNS = [
    re.compile(f"(?:{trie_regex(surfaces)})" + r"(?![\w&])")
    for surfaces in (
        [s for s in _OUTLET_BY_SURFACE if not s[0].islower()],
        *([s] for s in _OUTLET_BY_SURFACE if s[0].islower()),
    )
]


def outlets_in(text):
    """(start, end, outlet name) for each outlet `text` names as a whole word; where two
    overlap, the one starting first (then the longer) is kept."""
    found = sorted(
        (match.start(), -match.end(), match.group())
        for pattern in _OUTLET_PATTERNS
        for match in at_word_start(pattern, text, extra="&")
    )
    outlets = []
    for start, negative_end, surface in found:
        if not outlets or start >= outlets[-1][1]:
            outlets.append((start, -negative_end, _OUTLET_BY_SURFACE[surface]))
    return outlets


FAMILIAR = Anchored(
    r"\b(?:people|persons?|sources?|insiders?|individuals?|executives?|officials?)\s+"
    r"(?:(?:who\s+are\s+|directly\s+)?familiar|with\s+(?:direct\s+)?knowledge|briefed|close|aware|"
    r"involved|in\s+the\s+know)\b",
    ("people", "person", "source", "insider", "individual", "executive", "official"),
    cues=("famil", "knowledge", "briefed", "close", "aware", "involved", "know"),
)
SOURCES = Anchored(
    r"\b(?:unnamed|anonymous|industry|informed)\s+sources?\b|\bsources?\s+(?:said|say|says|told|"
    r"close|cited|familiar)\b|\b(?:according\s+to|citing|cited)\s+(?:\w+\s+){0,2}sources?\b|"
    r"\binsiders?\b",
    ("unnamed", "anonymous", "industry", "informed", "source", "according", "cit", "insider"),
    cues=("source", "insider"),
)

# Words that make a plan a possibility rather than a decision ("is weighing a stake").
HEDGE = _words(
    r"\b(?:consider\w*|mull\w*|weigh\w*|possibl\w*|potential\w*|could|may|might|explor\w*|"
    r"talks|discussions?|discussing|negotiat\w+|in\s+talks|seek\w*|eye\w*|eyeing|"
    r"looking\s+(?:at|to)|studying|evaluat\w*|proposed|would)\b"
)

# A report that rests on unnamed sources or other outlets.
RUMOURED = _words(
    r"\b(?:reportedly|rumou?r\w*|speculat\w*|people\s+(?:familiar|with\s+knowledge)|"
    r"sources?|insiders?|(?:was|were|is|are)\s+said\s+to|according\s+to\s+(?:a\s+|the\s+)?"
    r"(?:report|media|people|sources?))\b"
)

# Nouns that name a partnership; "with"/"between" after them names the counterpart.
# Nouns that name a partnership; "with"/"between" after them names the counterpart.
DEAL_NOUN = (
    r"(?:partnerships?|tie-?ups?|alliances?|joint[\s-]+ventures?|JVs?|collaborations?|"
    r"cooperation|co-operation|deals?|agreements?|pacts?|memorand(?:um|a)(?:\s+of\s+understanding)?|"
    r"MoUs?|MOUs?|contracts?|accords?|letters?\s+of\s+intent|mergers?|partners?|ventures?|"
    r"cross-shareholding|framework|arrangements?|projects?)"
)
TALK = Anchored(
    r"\b(?:talks|talk\s+with|talked\s+(?:with|to)|discussions?|discuss(?:es|ed|ing)?|"
    r"negotiat\w+|conversations?\s+with|consultations?\s+with|approach(?:ed|es|ing)?|"
    r"(?:met|meet|meets|meeting|meetings)\s+with|held\s+meetings|engag(?:ed|es|ing)\s+with|"
    r"in\s+contact\s+with|court(?:ed|ing|s)|woo(?:ed|ing|s)|"
    r"(?:explor|consider|weigh|mull|study|studi|evaluat|assess|seek|sought|eye|eyes|"
    r"look|pursu|plan|propos|discuss)\w*\s+(?:\w+\s+){0,3}?" + DEAL_NOUN + r"|"
    r"(?:potential|possible|proposed|planned|mooted|prospective|rumou?red|likely)\s+(?:\w+\s+)?"
    + DEAL_NOUN
    + r"|(?:close\s+to|nearing|near|on\s+the\s+verge\s+of)\s+(?:a|an|the)?\s*"
    + DEAL_NOUN
    + r"|(?:partner|team(?:s|ing)?\s+up|cooperate|collaborate|work\s+together|(?<=will\s)work|"
    r"join(?:s|ing)?\s+forces|(?:been|was|were|is|are|get|got|keep|kept|stay)\s+in\s+touch|"
    r"held\s+(?:\w+\s+){0,2}(?:conversations|contacts?)|"
    r"(?:strategic|cooperation|partnership|investment|financing)\s+opportunit(?:y|ies))"
    r"\s+with|could\s+partner|"
    # A bid or an interest shown is a courtship: "made an offer for X", "expressed interest in X".
    r"(?:(?:takeover|buyout|acquisition|cash)\s+)?(?:bid|offer)s?\s+(?:for|to\s+(?:buy|acquire|"
    r"take\s+over)|from)|(?:approach|overture)(?:es|s)?\s+from|overtures\s+to|"
    r"reach(?:ed|es|ing)?\s+out\s+to|sound(?:ed|s|ing)?\s+out|"
    r"(?:express|show|shown|signal|indicat)\w*\s+(?:\w+\s+){0,2}?interest\s+in|"
    r"(?:potential|possible|proposed|planned|mooted)\s+(?:\w+\s+)?investment\s+in|"
    # "drew interest from X", "X is seen as a possible investor in Y": courted, not yet partners.
    r"(?:drawn|drew|draws|draw|attract\w*|receiv\w*|generat\w*)\s+(?:\w+\s+){0,2}?interest\s+"
    r"from|(?:potential|possible|prospective|likely)\s+(?:\w+\s+)?(?:investors?|buyers?|"
    r"bidders?|suitors?|acquirers?)\s+(?:in|of|for))\b",
    (
        "talk",
        "discuss",
        "negotiat",
        "conversation",
        "consultation",
        "approach",
        "met",
        "meet",
        "held",
        "engag",
        "in contact",
        "court",
        "woo",
        "explor",
        "consider",
        "weigh",
        "mull",
        "stud",
        "evaluat",
        "assess",
        "seek",
        "sought",
        "eye",
        "look",
        "pursu",
        "plan",
        "propos",
        "potential",
        "possible",
        "moot",
        "prospective",
        "rumo",
        "likely",
        "close",
        "near",
        "on the verge",
        "partner",
        "team",
        "cooperate",
        "collaborate",
        "work",
        "join",
        "could",
        "strategic",
        "cooperation",
        "partnership",
        "investment",
        "financing",
        "been",
        "was",
        "were",
        "is",
        "are",
        "get",
        "got",
        "keep",
        "kept",
        "stay",
        "bid",
        "offer",
        "takeover",
        "buyout",
        "acquisition",
        "cash",
        "express",
        "show",
        "signal",
        "indicat",
        "overture",
        "reach",
        "sound",
        "draw",
        "drew",
        "attract",
        "receiv",
        "generat",
    ),
)
AGREE = Anchored(
    r"\b(?:(?:sign(?:ed|s)?|ink(?:ed|s)?|seal(?:ed|s)?|str(?:uck|ike|ikes)|clinch(?:ed|es)?|"
    r"finali[sz](?:ed|es|e)|forg(?:ed|es|e)|reach(?:ed|es)?|enter(?:ed|s)?\s+into|form(?:ed|s)?|"
    r"establish(?:ed|es)?|set(?:s)?\s+up|launch(?:ed|es)?|unveil(?:ed|s)?|announc(?:ed|es|e)|"
    r"complet(?:ed|es|e)|agree[ds]?|creat(?:ed|es|e)|expand(?:ed|s)?|widen(?:ed|s)?|"
    r"extend(?:ed|s)?|deepen(?:ed|s)?|broaden(?:ed|s)?|renew(?:ed|s)?)\s+(?:[\w$€£¥.,%’-]+\s+){0,5}?"
    + DEAL_NOUN
    + r"|"
    r"agreed|agrees|teamed\s+up|teams\s+up|team(?:s|ed)\s+with|partnered|partners\s+with|"
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:already\s+)?working\s+(?:closely\s+|"
    r"together\s+)?with|"
    r"joined\s+forces|join\s+hands|joined\s+hands|signed\s+(?:up|on)|will\s+jointly|"
    r"jointly\s+(?:own|owns|owned|run|runs|operate|operates|developed|built|designed|launched|"
    r"sought|applied|filed|submitted|announced|set\s+up|founded|invested)|"
    r"(?:developed|built|designed|created|launched)\s+together)\b",
    (
        "sign",
        "ink",
        "seal",
        "str",
        "clinch",
        "finali",
        "forg",
        "reach",
        "enter",
        "form",
        "establish",
        "set",
        "launch",
        "unveil",
        "announc",
        "complet",
        "agree",
        "creat",
        "team",
        "partner",
        "join",
        "will",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "jointly",
        "developed",
        "built",
        "designed",
        "created",
        "launched",
        "expand",
        "widen",
        "extend",
        "deepen",
        "broaden",
        "renew",
    ),
)
_WORD = re.compile(r"[\w']+")
_NOT_DONE_WORDS = frozenset(
    [
        "to",
        "will",
        "would",
        "could",
        "may",
        "might",
        "should",
        "nearing",
        "not",
        "never",
        "considering",
        "whether",
        "if",
        "before",
        "unless",
    ]
)


def last_words(text, end, count=4):
    """The `count` words before `end`, lower-cased: where negations and modals sit."""
    return _WORD.findall(text[max(0, end - 60) : end].lower())[-count:]


def _negated(word):
    return word in ("not", "never", "neither", "nor") or word.endswith("n't")


def not_done(words):
    """Before an agreement verb: a plan, a hope or a negation ("set to sign", "has not signed")."""
    return any(w in _NOT_DONE_WORDS or w.endswith("n't") for w in words[-3:])


def future(words):
    """Before an agreement verb: "will"/"would" ("will form", "would jointly develop")."""
    return any(w in ("will", "would") or w.endswith("'ll") for w in words[-3:])


def not_confirmed(words):
    """Before "confirm": "declined to", "did not", "would not immediately"."""
    return any(
        _negated(w) or w.startswith(("declin", "refus")) or w in ("unable", "yet")
        for w in words[-4:]
    )


def not_denied(words):
    """Before "deny": "did not", "neither confirmed nor"."""
    if not words:
        return False
    last = words[-1]
    return _negated(last) or (last == "or" and len(words) > 1 and words[-2].startswith("confirm"))


def not_ended(words):
    """Before "ended": "has not been", "no plans to", "yet to be", "whether"."""
    words = [w for w in words if w != "been"][-3:]
    if not words:
        return False
    last = words[-1]
    return (
        _negated(last)
        or (last == "yet" and any(_negated(word) for word in words))  # "had not yet been"
        or last == "whether"
        or (last == "be" and "yet" in words)
        or (last == "to" and "no" in words)
    )


CONFIRM = Anchored(
    r"\b(?:confirm(?:s|ed|ing)?|acknowledg(?:es|ed|ing)|admitted)\b",
    ("confirm", "acknowledg", "admitted"),
)
DENY = Anchored(
    r"\b(?:den(?:ied|ies|y|ying)|dismiss(?:ed|es|ing)?|refut(?:ed|es|ing)|rebut\w*|"
    r"reject(?:ed|s|ing)?\s+(?:the\s+|a\s+|those\s+|media\s+|such\s+)*(?:\w+\s+)?"
    r"(?:reports?|claims?|speculation|rumou?rs?|stor(?:y|ies)|articles?)|"
    r"(?:has|have|had)\s+no\s+(?:current\s+|such\s+)?(?:plans?|intention|talks)|"
    r"no\s+(?:such\s+)?(?:plans?|talks|negotiations|discussions)|"
    r"(?:is|are|was|were|isn't|aren't|wasn't)\s+(?:not\s+)?(?:currently\s+)?not\s+in\s+talks|"
    r"not\s+in\s+(?:any\s+)?(?:talks|discussions|negotiations)|"
    r"untrue|groundless|baseless|unfounded|not\s+true|false\s+reports?|pure\s+speculation|"
    r"factually\s+(?:incorrect|inaccurate|wrong)|"
    r"push(?:ed|es|ing)?\s+back\s+(?:against|on)|"
    r"not\s+(?:\w+\s+){0,2}(?:in|holding|having|conducting|engaged\s+in)\s+(?:any\s+)?"
    r"(?:talks|discussions|negotiations)|"
    r"(?:has|have|had)\s+(?:not|never)\s+(?:\w+\s+)?(?:discussed|held\s+(?:any\s+)?talks|"
    r"negotiated|planned)|"
    r"at\s+no\s+(?:point|time)|no\s+truth|fake\s+news|misleading|inaccurate|"
    r"(?:rumou?rs?|reports?|speculation|claims?|news|stor(?:y|ies)|articles?)\s+(?:are|is|were|was)\s+"
    r"(?:false|wrong|incorrect|fake)|rubbish(?:ed|es|ing)|"
    r"(?:reports?|news|stor(?:y|ies)|claims?|articles?)\s+(?:is|are|was|were)\s+[\"'‘“]?"
    r"(?:(?:completely|totally|entirely|simply|purely|mere|pure|just)\s+)?(?:speculation|"
    r"speculative|wrong|incorrect|not\s+correct|nonsense)|nonsense|"
    r"(?:no|without(?:\s+any)?|lacks?(?:\s+any)?)\s+basis|"
    r"no\s+such\s+(?:deal|agreement|proposal|merger|partnership|tie-?up|negotiations?)|"
    r"not\s+(?:considering|planning|pursuing|seeking)\s+(?:any\s+)?(?:such\s+)?(?:deal|merger|"
    r"tie-?up|partnership|investment|plan|acquisition|stake)|"
    r"(?:term(?:ed|s)|call(?:ed|s)|describ(?:ed|es))\s+(?:the\s+|those\s+|such\s+|media\s+)*"
    r"(?:reports?|news|stor(?:y|ies)|claims?|articles?)\s+(?:as\s+)?(?:speculative|false|fake|"
    r"wrong|incorrect)|"
    r"not\s+aware\s+of\s+(?:any\s+)?(?:talks|plans?|discussions))\b",
    (
        "den",
        "dismiss",
        "refut",
        "rebut",
        "reject",
        "has",
        "have",
        "had",
        "no",
        "is",
        "are",
        "was",
        "were",
        "untrue",
        "groundless",
        "baseless",
        "unfounded",
        "false",
        "pure",
        "not",
        "at",
        "fake",
        "nonsense",
        "without",
        "lack",
        "basis",
        "news",
        "stor",
        "article",
        "rubbish",
        "term",
        "call",
        "describ",
        "misleading",
        "inaccurate",
        "rumo",
        "report",
        "speculation",
        "claim",
        "push",
        "factually",
    ),
    cues=(
        "den",
        "dismiss",
        "refut",
        "rebut",
        "reject",
        "no",
        "untrue",
        "groundless",
        "baseless",
        "unfounded",
        "false",
        "speculation",
        "not",
        "never",
        "fake",
        "nonsense",
        "basis",
        "rubbish",
        "speculative",
        "misleading",
        "inaccurate",
        "wrong",
        "incorrect",
        "aware",
        "truth",
        "push",
    ),
)
END = Anchored(
    # "once it ends local manufacturing there": an end of something else, not of the talks
    r"\b(?:call(?:ed|s|ing)?\s+off|(?:ended|ends|ending)(?!\s+(?:its\s+|their\s+|the\s+)?"
    r"(?:local\s+|own\s+)?(?:production|manufacturing|operations|assembly|output|sales|"
    r"exports|imports)\b)|end\s+(?:the|their|its)|scrap(?:ped|s|ping)?|"
    r"c(?:ome|omes|ame|oming)\s+to\s+(?:an\s+end|a\s+close)|"
    r"br(?:ing|ings|inging|ought)\s+(?:[\w-]+\s+){1,4}?to\s+(?:an\s+end|a\s+close)|"
    r"g(?:ive|ives|ave|iving|iven)\s+up\s+on|"
    r"terminat(?:e|ed|es|ing)|halt(?:ed|s|ing)?|paus(?:e|ed|es|ing)|suspend(?:ed|s|ing)?|"
    r"abandon(?:ed|s|ing)?|collaps(?:ed|es)|broke\s+down|broken\s+down|fell\s+(?:through|apart)|"
    r"fallen\s+through|walk(?:ed|s|ing)?\s+away|pull(?:ed|s)?\s+out|shelv(?:e|ed|es|ing)|"
    r"cancel(?:l?ed|s|ling)?|dissolv(?:ed|es|ing)|parted\s+ways|wound\s+down|unwound|"
    r"exit(?:ed|s)?\s+(?:the|its|their)|no\s+longer\s+in\s+talks|stall(?:s|ed)|fizzled|"
    r"br(?:eak|eaks|eaking|oke)\s+off|(?:being\s+|been\s+|be\s+)?dropp(?:ed|ing)|drops?\s+(?:the|its|their|plans?)|"
    r"on\s+hold|on\s+ice|back(?:ed|s)?\s+out|withdr(?:ew|awn|aws?)\s+from|"
    r"(?:took|takes?|taking)\s+back\s+(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?(?:offer|bid|"
    r"proposal)|"
    # "has pulled its merger proposal for Renault": the offer taken back
    r"pull(?:ed|s|ing)?\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:offer|bid|proposal)|"
    r"(?:decided|decision|agreed|chose|opted)\s+to\s+(?:end|stop|terminate|discontinue|scrap|abandon)|"
    r"(?:decided|agreed|chose|opted)\s+(?:that\s+(?:they|it)\s+(?:will|would)\s+not|not\s+to|"
    r"to\s+not)\s+(?:complete|proceed|pursue|go\s+ahead|move\s+(?:ahead|forward)|continue)|"
    r"failed\s+(?:[\w-]+\s+)?" + DEAL_NOUN + r"|"
    r"discontinu(?:ed|es|ing)|wound\s+up|dissolution|unravel(?:l?ed|s)|"
    r"no\s+longer\s+(?:pursu\w+|work\w*|cooperat\w*|partner\w*|take|takes|buy|buys|"
    r"invest\w*|acquir\w*|proceed\w*|go\s+ahead|seek\w*|plans?|intends?)|wind\s+down|"
    r"winding\s+down|pull(?:ed|s|ing)?\s+the\s+plug|"
    r"(?:deal|talks|negotiations|discussions|merger|agreement|tie-?up)\s+(?:is|are|was|were)\s+"
    r"(?:now\s+)?off|(?:talks|negotiations|discussions)\s+(?:had\s+|have\s+|has\s+)?failed|"
    r"(?:would|will)\s+(?:not|no\s+longer)\s+(?:pursue|proceed\s+with|go\s+ahead\s+with)|"
    r"(?:let|allowed)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|memorandum|"
    r"MoU|option)\s+(?:to\s+)?(?:lapse|expire))\b",
    (
        "call",
        "end",
        "come",
        "comes",
        "came",
        "coming",
        "bring",
        "brought",
        "give",
        "gave",
        "giving",
        "given",
        "scrap",
        "terminat",
        "halt",
        "paus",
        "suspend",
        "abandon",
        "collaps",
        "broke",
        "fell",
        "fallen",
        "walk",
        "pull",
        "shelv",
        "cancel",
        "dissolv",
        "parted",
        "wound",
        "unwound",
        "exit",
        "no longer",
        "stall",
        "fizzl",
        "break",
        "breaks",
        "breaking",
        "broke",
        "being",
        "been",
        "be",
        "drop",
        "on",
        "back",
        "withdr",
        "took",
        "take",
        "taking",
        "decided",
        "decision",
        "agreed",
        "chose",
        "opted",
        "failed",
        "discontinu",
        "dissolution",
        "unravel",
        "wind",
        "winding",
        "deal",
        "talks",
        "negotiations",
        "discussions",
        "merger",
        "agreement",
        "tie",
        "would",
        "will",
        "let",
        "allowed",
    ),
)
# A status word must be about a partnership: one of these nouns must be in the sentence.
TOPIC = Anchored(
    r"\b(?:talks|negotiations|discussions|report|reports|claims?|speculation|rumou?rs?|plans?|"
    + DEAL_NOUN
    + r")\b",
    (
        "talks",
        "negotiation",
        "discussion",
        "report",
        "claim",
        "speculation",
        "rumo",
        "plan",
        *DEAL_STARTS,
    ),
)
SPEECH = Anchored(
    r"\b(?:said|says|say|told|tells|stated|states|announced|announces|added|noted|confirmed|"
    r"confirms|acknowledged|wrote|according\s+to|in\s+a\s+statement|in\s+a\s+filing)\b",
    (
        "said",
        "say",
        "told",
        "tells",
        "stated",
        "states",
        "announc",
        "added",
        "noted",
        "confirm",
        "acknowledged",
        "wrote",
        "according",
        "in",
    ),
    cues=(
        "said",
        "says",
        "say",
        "told",
        "tells",
        "stated",
        "states",
        "announc",
        "added",
        "noted",
        "confirm",
        "acknowledg",
        "wrote",
        "according",
        "statement",
        "filing",
    ),
)
PAIR_REFERENCE = Gated(
    r"\b(?:the\s+two\s+(?:\w+\s+)?(?:companies|firms|carmakers|automakers|groups|sides|parties|"
    r"partners|brands|makers)|both\s+(?:companies|firms|sides|parties|carmakers|automakers)|"
    r"the\s+pair|the\s+duo|the\s+two|the\s+companies|the\s+partners)\b",
    ("two", "both", "pair", "duo", "companies", "partners"),
)
# Talks' stricter reading: "the two" alone only where it stands for two parties ("the two
# signed", "between the two."), not "the two new businesses" or "the two models".
TWO_PARTIES = Gated(
    r"\b(?:the\s+two\s+(?:\w+\s+)?(?:companies|firms|carmakers|automakers|groups|sides|parties|"
    r"partners|brands|makers)|both\s+(?:companies|firms|sides|parties|carmakers|automakers)|"
    r"the\s+pair|the\s+duo|the\s+companies|the\s+partners|"
    r"the\s+two(?=\s*[,.;:)\"”]|\s*$|\s+(?:\w+ly\s+)?(?:have|had|has|are|were|will|would|could|"
    r"can|may|might|should|said|say|says|agreed|signed|plan\w*|also|jointly|did|do|began|"
    r"started|reached|struck|formed|announced|to|in|on|at|for|with|and|is|was)\b))",
    ("two", "both", "pair", "duo", "companies", "partners"),
)
BETWEEN = _words(r"\b(?:between|among|of)\s+$")

# "the Chrysler parent", "the Audi owner": the company that owns the one named.
# "the Chrysler parent", "the Volvo owner", "the Jeep maker": a brand's owner named by it.
OWNER_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:parent(?:\s+company)?|owner|parent\s+group|maker|carmaker|automaker)\b"
)
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")

# "the smartphone maker", "the Shenzhen-based company": a company named earlier.
# "[Tt](?<!\w.)he" is "\b[Tt]he" written to open with a character class the engine skips to.
DESCRIPTOR = Gated(
    r"[Tt](?<!\w.)he\s+(?P<mods>(?:[\w.-]+\s+){0,3}?)(?P<head>company|firm|group|carmaker|car\s+maker|"
    r"automaker|auto\s+maker|automobile\s+maker|vehicle\s+maker|manufacturer|giant|start-?up|"
    r"conglomerate|maker|marque|corporation|outfit|newcomer|entrant|fund|investor|heavyweight|"
    r"titan|behemoth|powerhouse|juggernaut|upstart|challenger|producer|manufacturer|brand|"
    r"Company|"
    r"Group|Firm)(?![\w-])"
    r"(?!\s+(?:and|or)\b)",
    (
        "company",
        "firm",
        "group",
        "carmaker",
        "automaker",
        "maker",
        "manufacturer",
        "giant",
        "start",
        "conglomerate",
        "marque",
        "corporation",
        "outfit",
        "newcomer",
        "entrant",
        "fund",
        "investor",
        "heavyweight",
        "titan",
        "behemoth",
        "powerhouse",
        "juggernaut",
        "upstart",
        "challenger",
        "producer",
        "brand",
    ),
    flags=0,
)
_DESCRIPTOR_TECH = re.compile(
    r"smartphone|phone|handset|tech|technology|electronics|internet|search|software|chip|"
    r"semiconductor|telecom\w*|e-commerce|gadget|ride-hailing|platform",
    re.IGNORECASE,
)
_DESCRIPTOR_OTHER = re.compile(
    r"\b(?:oil|petroleum|petrochemical|energy|property|real\s+estate|mining|miner|steel|"
    r"chemicals?)\b",
    re.IGNORECASE,
)
_DESCRIPTOR_AUTO = re.compile(r"\b(?:ev|electric|car|auto|vehicle|automotive|motor)", re.IGNORECASE)
_DESCRIPTOR_SUPPLIER = re.compile(r"battery|parts|component|supplier", re.IGNORECASE)
_DESCRIPTOR_INVESTOR = re.compile(r"fund|investor|investment", re.IGNORECASE)


def descriptor_kind(mods, head):
    """The kind of company a descriptor can stand for, or None for any."""
    head = head.lower()
    if head in ("fund", "investor"):
        return "investor"
    if head in (
        "carmaker",
        "car maker",
        "automaker",
        "auto maker",
        "automobile maker",
        "vehicle maker",
        "marque",
    ):
        return "automaker"
    if _DESCRIPTOR_OTHER.search(mods):
        return "other"  # "the oil group", "the property giant": no carmaker
    if _DESCRIPTOR_TECH.search(mods):
        return "technology"
    if _DESCRIPTOR_SUPPLIER.search(mods):
        return "supplier"
    if _DESCRIPTOR_INVESTOR.search(mods):
        return "investor"
    if _DESCRIPTOR_AUTO.search(mods):
        return "automaker"
    return None


PRONOUN = Anchored(
    r"\b[Ii]t(?=\s+(?:(?:has|had|is|was|will|would|also|already|still|recently|now|then|"
    r"previously|earlier|too|not|n't|hasn't|hadn't|isn't|wasn't|has\s+been|had\s+been|first|"
    r"later|once|since|subsequently|originally|initially)\s+){0,3}"
    r"(?:approached|held|holds|signed|agreed|invest|invested|invests|plans|planned|pledged|"
    r"committed|received|won|obtained|secured|awaits|awaited|applied|denied|confirmed|"
    r"dismissed|called|ended|scrapped|in\s+talks|formed|teamed|partnered|bought|acquired|took|"
    r"expects|intends|aims|will|hasn't|has\s+not|had\s+not|still|owns|owned|controls)\b)",
    ("it",),
    flags=0,
)

# Asides that hold companies which are not the subject: "(...)", ", which ...,", "Unlike X,".
_ASIDE_NAME = r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}"
_ASIDE_WITHIN = re.compile(
    r"\([^)]*\)|,\s*(?:which|who|whose|whom|backed|owned|controlled|led|based|founded|best|"
    r"known|formerly|itself|along|like|unlike|including|partly|majority|now|once)\b[^,]*,|"
    # "Geely, the owner of Volvo, Lotus and Smart, is buying": a list of names in the aside.
    rf",\s*(?:a|an|the|its|one)(?:\s+[\w'’-]+){{0,4}}\s+(?:of|behind|including)\s+"
    rf"{_ASIDE_NAME}(?:\s*,\s*{_ASIDE_NAME})*,?\s+(?:and|&)\s+{_ASIDE_NAME}\s*,|"
    r",\s*(?:a|an|the|its|one)(?:\s+(?!(?:will|would|has|have|had|is|are|was|were|said)\b)"
    r"[\w'’.-]+){1,6}\s*,"
)
_ASIDE_OPENING = re.compile(
    r"(?:Unlike|Like|Besides|Apart\s+from|Aside\s+from|After|Before|Following|"
    r"While|As|Along\s+with|Alongside|In\s+addition\s+to|On\s+top\s+of|Beyond|"
    r"Compared\s+with|Just\s+as|Similar\s+to|Much\s+like|Since|"
    r"When|Although|Though)\b[^,]*,"
)


@per_article
def asides(text):
    """(start, end) of the asides in `text`, in order."""
    first = _ASIDE_WITHIN.match(text) or _ASIDE_OPENING.match(text)
    spans = [first.span()] if first else []
    spans += [match.span() for match in _ASIDE_WITHIN.finditer(text, first.end() if first else 0)]
    return spans


# Investments.
INVEST = Anchored(
    r"\b(?:invest(?:s|ed|ing|ment|ments|or|ors)?|pledg(?:e|es|ed|ing)|commit(?:s|ted|ting|ment)?|"
    r"inject(?:s|ed|ing|ion)?|pour(?:s|ed|ing)?|stakes?|acquir(?:e|es|ed|ing)|acquisition|"
    r"buy(?:s|ing)?\s+(?:\w+\s+){0,3}?(?:stake|shares|holding|interest)|bought|purchas(?:e|es|ed|ing)|"
    r"funding|financing|capital|back(?:s|ed|ing)|earmark(?:s|ed|ing)?|allocat(?:e|es|ed|ing)|"
    r"spend(?:s|ing)?|put(?:s|ting)?\s+[^.;]{0,45}?\binto|raise[sd]?|raising|"
    r"fund(?:s|ed)?|tranche|subscri(?:be|bed|bes|ption)|placement|take\s+(?:a|an)\s+|took\s+(?:a|an)\s+)",
    (
        "invest",
        "pledg",
        "commit",
        "inject",
        "pour",
        "stake",
        "acquir",
        "acquisition",
        "buy",
        "bought",
        "purchas",
        "funding",
        "financing",
        "capital",
        "back",
        "earmark",
        "allocat",
        "spend",
        "put",
        "rais",
        "fund",
        "tranche",
        "subscri",
        "placement",
        "take",
        "took",
    ),
)
# "Daimler's largest shareholder": the company owned, not the one investing.
OWNED = _words(r"(?:'s|’s)\s+(?:\w+\s+)?(?:shareholder|investor|owner|stake|holding|backer)s?\b")
# Only when money is received does "from X" name the investor ("raised $1bn from X").
RECEIVED = Anchored(
    r"\b(?:rais(?:e|es|ed|ing)(?!\s+(?:its|their|the|a|his|her)\s+(?:\w+\s+)?(?:stake|holding))|"
    r"receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|(?<![\d.][\s-])(?<!llion[\s-])(?<!\d)(?<![\d.]bn\s)won|wins|got|"
    r"gets|obtain(?:s|ed|ing)?|"
    r"led\s+by|backed\s+by)\b",
    ("rais", "receiv", "secur", "won", "wins", "got", "gets", "obtain", "led", "backed"),
)
_PRICE_WORDS = _word_set(
    """price prices priced cost costs costing retail retails retailing sell sells sold starting
    starts revenue revenues sales profit profits loss losses valuation valued value cap
    capitalisation capitalization tariff tariffs subsidy subsidies fine fines fined debt debts
    bond bonds salary salaries earnings turnover income margin margins budget deliveries"""
)
_FILLER_WORDS = _word_set(
    "of at to for about around roughly nearly almost some by just only a an the more less than up"
)
_TARGET_PREPOSITIONS = _word_set(
    "in into of acquire acquired acquires acquiring buy buys bought purchase purchased back "
    "backed backing to"
)
_TARGET_DESCRIPTIONS = _word_set(
    "the its rival fellow struggling loss making troubled startup start up chinese german us "
    "japanese korean ev electric vehicle carmaker automaker maker firm company brand takeover"
)


def _skipping(words, skippable, reach):
    """The first word, going back from the end, that is not skippable (within `reach`)."""
    for word in reversed(words[-reach:]):
        if word not in skippable and not word.endswith("ly"):
            return word
    return None


def priced(words):
    """Before an amount: a price, a result or a valuation ("priced at", "revenue of")."""
    word = _skipping(words, _FILLER_WORDS, 4)
    return word is not None and (word in _PRICE_WORDS or word.startswith(("deliver", "subsid")))


def cancelled(words):
    """Before an investment word: "cancel", "scrap", "halt" ("cancel investments")."""
    recent = words[-3:]
    return any(
        w.startswith(("cancel", "scrap", "halt", "shelv", "abandon", "freez", "withdr"))
        or w in ("cut", "cuts")
        for w in recent
    ) or ("out" in recent and any(w.startswith("pull") for w in recent))


def shared(words):
    """Before an amount: "a combined", "a total of": no single investor's money."""
    return any(w in ("combined", "collectively", "jointly", "together") for w in words[-3:])


def names_target(words):
    """Before a company: "a stake in", "invest in the struggling", "acquire"."""
    word = _skipping(words, _TARGET_DESCRIPTIONS, 5)
    return word in _TARGET_PREPOSITIONS or (word == "of" and "takeover" in words[-3:])


STAKE_PERCENT = _words(
    r"(?P<percent>\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per\s+cent)(?:\s+|-)(?:\w+\s+){0,2}?"
    r"(?:stake|interest|holding|share|shares|equity|ownership|of\s+(?:the\s+)?(?:shares|"
    r"company|equity))|(?:stake|holding|interest)\s+of\s+(?P<percent2>\d{1,3}(?:\.\d+)?)\s?"
    r"(?:%|percent|per\s+cent)"
)
JOINT_VENTURE = Anchored(r"\bjoint[\s-]+ventures?\b|\bJVs?\b", ("joint", "jv"))
STAKE_WORDS = Anchored(
    r"\b(?:stakes?|shares|equity|acquir\w+|acquisition|takeover|holding)\b",
    ("stake", "shares", "equity", "acquir", "acquisition", "takeover", "holding"),
)
PURPOSE = _words(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:in|into|on|for|towards?|to)\s+(?P<purpose>[^,;.()]{3,120})"
)

# Approvals.
APPROVAL = Anchored(
    r"\b(?:approv\w*|licen[cs]\w*|permits?|permission|qualifications?|clearance|cleared|"
    r"green[\s-]?light\w*|greenlit|nod|sign-?off|signed\s+off|go-ahead|authori[sz]\w+|certifi\w+|"
    r"review|test|registration|"
    r"accreditation|catalogue|catalog|blessing|veto\w*|block(?:s|ed|ing)?|reject\w*|refus\w*|ban(?:s|ned|ning)?|"
    r"okay(?:ed|s)?|OK['’]?d|rubber-stamp\w*|endors(?:ed|es|ing|ement))\b",
    (
        "okay",
        "ok",
        "rubber-stamp",
        "endors",
        "approv",
        "licen",
        "permit",
        "permission",
        "qualification",
        "clearance",
        "cleared",
        "green",
        "nod",
        "sign",
        "go-ahead",
        "authori",
        "certifi",
        "accreditation",
        "catalog",
        "blessing",
        "veto",
        "block",
        "reject",
        "refus",
        "ban",
        "review",
        "test",
        "registration",
    ),
)
PENDING = _words(
    r"\b(?:await\w*|waiting\s+(?:for|on)|(?:has|have|had|is|was)(?:\s+not|n't)(?:\s+yet)?\s+"
    r"(?:received|obtained|won|secured|got(?:ten)?|been\s+(?:granted|approved|given|issued))|"
    r"yet\s+to\s+(?:receive|obtain|win|secure|get|be\s+granted|be\s+approved|approve|grant)|"
    r"not\s+yet\s+(?:received|obtained|granted|approved|been)|still\s+(?:working|trying|"
    r"seeking|hoping)\s+to|pending|appl(?:ied|ies|ying|y)\b|applications?|seek(?:s|ing)?|"
    r"sought|submitted|fil(?:ed|es|ing)\s+for|under\s+review|reviewing|expects?\s+to|"
    r"hopes?\s+to|without\s+(?:a|an|the)?\s*(?:licen|approval|permit)\w*|needs?|requires?|"
    r"held\s+up|taking\s+longer|longer\s+than\s+expected|delay\w*|asked\s+\w+\s+for|"
    r"ask(?:s|ing)?\s+(?:\w+\s+)?for|trying\s+to|tries\s+to|securing|obtaining|"
    r"subject\s+to|conditional\s+on|only\s+after|still\s+needs?)\b"
)
GRANTED = _words(
    r"\b(?:received|receives|won|wins|granted|grants|approved|approves|obtained|obtains|"
    r"secured|secures|got|gets|gave|gives|given|cleared|clears|issued|issues|awarded|"
    r"green-?lit|greenlit|green-?lighted|added\s+to|included\s+in|signed\s+off|nodded|"
    r"passed|has\s+(?:the|a|its)\s+(?:licen[cs]e|approval|permit)|signed\s+off\s+on|"
    r"holds\s+(?:a|the)\s+licen[cs]e|won\s+approval|gained|okayed|OK['’]?d|"
    r"rubber-stamped|endorsed|authori[sz]ed|"
    # a verb, not a label: "a certified supplier", "certified pre-owned"
    r"(?<!\ba\s)(?<!\ban\s)certifie[ds](?![\s-]+(?:pre-owned|used|suppliers?|partners?|dealers?)\b))\b"
)
REJECTED = _words(
    r"\b(?:rejected|rejects|refused|refuses|blocked|blocks|denied|denies|turned\s+down|"
    r"vetoed|vetoes|barred|bars|prohibited|banned|bans|struck\s+down)\b"
)
NOT_GRANTED = _words(
    r"(?:not|n't|yet\s+to|never|without|no|to\s+be|will|would|could|may|might|expected\s+to|"
    r"likely\s+to|hopes?\s+to|expects?\s+to|before|if|once|until|whether|be)\s+"
    r"(?:(?:yet|been|be|have|formally|officially|fully|\w+ly)\s+)?$"
)
APPROVAL_WHAT = [
    (
        "deal approval",
        _words(
            r"merger|acquisition|takeover|stake|investment|deal|joint[\s-]venture|"
            r"tie-?up|transaction|purchase"
        ),
    ),
    (
        "autonomous driving permit",
        _words(
            r"autonomous|self-driving|driverless|robotaxi|\bL[34]\b|"
            r"road[\s-]test|testing"
        ),
    ),
    (
        "manufacturing licence",
        _words(
            r"manufactur|produc|\bto\s+(?:make|build)\b|build\s+cars|"
            r"make\s+cars|assembl"
        ),
    ),
    ("type approval", _words(r"catalogue|catalog|type\s+approval|homologat|certif")),
    ("sales approval", _words(r"\bsell|\bsales?\b|\bmarket\b|launch|deliver")),
    ("import approval", _words(r"import|export")),
    ("listing approval", _words(r"listing|\bIPO\b|flotation|to\s+list\b")),
]


def approval_what(sentence):
    """A consistent short name of what is approved, from the sentence's wording."""
    for what, pattern in APPROVAL_WHAT:
        if pattern.search(sentence):
            return what
    return "approval"
