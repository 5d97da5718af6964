"""What is not an investment: amounts that are prices, levels, sizes or value in kind.

Left out: share and product prices, prices per share, valuations, registered capital, market
value, debts, losses, revenue, GDP, fees, fines, dividends, buy-backs, a round's total told as
a size, value in kind ("$400 million worth of services", "its own $1.6 billion unit"). A deal's
own price ("the deal, valued at €2.2 billion") is money put in and is kept.
"""

import re

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.money import ROUGHLY

# Amounts that are levels, prices or sizes, not money put in.
_NOT_MONEY_PUT_IN = re.compile(
    r"(?:\b(?:registered|paid-up|paid-in|paid\s+up|share|authori[sz]ed|issued)\s+capital|"
    r"\bcapital\s+stock|\b(?:its|their)\s+equity\s+capital|\bvalu(?:es?|ed|ing|ation)\b"
    r"[^.;]{0,60}?\bat|\bvaluation|\bmarket\s+(?:value|cap\w*)|\bIPO|\binitial\s+public|"
    r"\blisting|\bflotation|\bst(?:ood|ands?)\s+at|\bdebts?\b|\bloss(?:es)?\b|\brevenue|"
    r"\bGDP|\bgross\s+domestic|\bwages?|\bexports?\b|\bfees?\b|\bfines?\b|\bpenalt\w+|"
    r"\bcompensation|\bdividends?|\bround,?\s+(?:which\s+)?(?:total\w*|amount\w*\s+to)|"
    r"\b(?:be|is|was|are|were)\s+worth|\broyalt\w+|\bbonus\w*|\bbring\s+in|\bdr(?:aw|aws|awing|ew)\s+in\b|\battract\w*|"
    r"\bbuy(?:s|ing)?\s+back|\bbought\s+back|\bbuy-?backs?|\brepurchas\w*|"
    r"\bpa(?:y|ys|id|ying)\s+back|\brepa(?:y|ys|id|ying|yments?)\b)"
    # "Honda's market capitalization is 7.9 trillion yen and Nissan's 1.6 trillion yen"
    # ...; "registered capital will rise to 3.1 billion yuan from 2.0 billion yuan"
    r"(?:[^.;]{0,25}|(?:[^.;]|\.(?=\d)){0,40}?\band\s+[A-Z][\w-]*(?:['’]s)?\s+|"
    r"(?:[^.;]|\.(?=\d)){0,50}?\bfrom\s+)$",
    re.IGNORECASE,
)
# A share price or a product's price: "shares ended down 0.1% at $294.84", "climbed 2.5% to
# Rs 385", "priced the hybrid at 99,800 yuan", "lifting its capital to CNY6.3 billion".
_A_PRICE = re.compile(
    r"(?:\b(?:shares?|stock|climb\w*|rose|rising|fell|falling|jump\w*|drop\w*|gain\w*|slipp?\w*|"
    r"ended|closed|trad(?:ed|ing)|surg\w*|slump\w*|tumbl\w*|declin\w*|advanc\w*|sank|plung\w*)"
    r"\b[^;$€£¥₹]{0,40}?\b(?:at|to)|\bpric(?:ed|es|ing)\b[^.;]{0,40}?\bat|"
    r"\b(?:costs?|costing)\s+(?:from\s+)?(?:just\s+|only\s+)?|\bcapital\s+to)\s+$",
    re.IGNORECASE,
)
# "a deal valued at", "the transaction is worth": the price paid, which is an investment.
_DEAL_VALUE = re.compile(
    r"\b(?:deal|transaction|acquisition|purchase|takeover|offer|bid|agreement|stake|shares|"
    # "equity" as what is bought, not the kind of investor in "private equity firm X"
    r"(?<!private\s)equity|"
    r"holding|shareholding)\b[^.;]{0,50}?\b(?:valued|worth|value)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
# "$400 million worth of engineering services", "its own $1.6 billion unit": value in kind.
_IN_KIND_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:worth\s+of\s+(?!(?:\S+\s+){0,4}?(?:shares|stock|equity|stakes?)\b)|"
    r"(?:[\w-]+\s+){0,4}?(?:unit|business|division|operations|assets|subsidiary|company|firm|arm|"
    r"platform|technology|stake|holding)\b)",
    re.IGNORECASE,
)
_NOT_MONEY_AFTER = re.compile(
    # "a $2.7-billion non-cash, pre-tax impairment": describing words may come between
    r"\s*(?:\([^)]*\)\s*)?(?:in\s+)?(?:(?:non-cash|pre-tax|after-tax|one-time|one-off|"
    r"annual|quarterly|net|total)\s*,?\s+){0,3}(?:fines?|penalt\w+|damages|compensation|settlements?|"
    r"tax(?:es)?|tariffs?|dividends?|fees?|salar\w+|wages|bonus\w*|revenue|sales|loss(?:es)?|"
    r"profits?|debts?|loans?\s+repay\w*|charges?|write-?downs?|write-?offs?|impairments?|"
    r"to\s+settle|thresholds?|ceilings?|market\s+(?:value|cap\w*)|valuations?)\b",
    re.IGNORECASE,
)
# "a $60 billion automotive group", "its $93bn Vision Fund": the size of a company or a fund.
_A_SIZE_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:(?!(?:in|into|to|for|from|of|on|at|by|with|and|the|a|an)\s)"
    r"[a-z][\w-]*\s+){0,2}(?:group|giant|conglomerate|empire|behemoth|carmaker|automaker)\b|"
    r"(?:[A-Z][\w&-]*\s+){1,3}(?:Fund|Group)\b)"
)
# "contribute land and technology worth $500 million": value in kind, not money put in.
_IN_KIND_WORTH = re.compile(
    r"\b(?:assets|technolog(?:y|ies)|land|equipment|facilit(?:y|ies)|patents|know-how|"
    r"intellectual\s+property|services)\b[^.;$€£¥₹]{0,20}?\b(?:worth|valued\s+at)\s+"
    + ROUGHLY
    + "$",
    re.IGNORECASE,
)
# "$1.6 billion in cash and $400 million in engineering services": the second is value in kind.
_IN_SERVICES_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:in|of)\s+(?:[\w&-]+\s+){0,4}?(?:services|resources)\b",
    re.IGNORECASE,
)
_OWN_BEFORE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$", re.IGNORECASE)
_GDP_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:\S+\s+){0,5}?(?:GDP|gross\s+domestic|economy)\b", re.IGNORECASE
)
_PER_SHARE = re.compile(
    r"[\s-]*(?:each|apiece|a[\s-]share|per[\s-](?:new\s+|ordinary\s+)?share|per\s+unit|an?\s+ADS|"
    # "paying USD15 for every new share"
    r"for\s+(?:each|every)\s+(?:new\s+|ordinary\s+)?(?:share|ADS|unit))\b",
    re.I,
)


# "a holding now worth between $2 billion and $5 billion": what it is worth today, not paid.
_WORTH_TODAY = re.compile(
    r"\b(?:now|currently|today)\s+(?:worth|valued\s+at)\s+(?:between\s+)?"
    + ROUGHLY
    + r"(?:(?:\S+\s+){1,3}?(?:and|to)\s+)?$",
    re.IGNORECASE,
)


# "will build the country's first gigafactory at a cost of 12.8 billion dirhams", "a plant
# costing $1.3 billion": what a new site costs its builder, which is money put in.
SITE_COST = (
    r"\b(?:plant|factory|facility|gigafactory|complex|project)\b[^.;]{0,80}?"
    r"\b(?:at\s+a\s+(?:total\s+)?cost\s+of|costing|at\s+an?\s+(?:total\s+)?investment"
    r"(?:\s+cost)?\s+of|with\s+an?\s+(?:total\s+)?investment\s+of)"
)
_SITE_COST_BEFORE = re.compile(SITE_COST + r"\s+" + ROUGHLY + "$", re.IGNORECASE)


# What a company has raised over its life, not one investment: "takes its total funding to
# $3.65bn", "So far the start-up has raised $70 million", "has raised $1bn to date".
_RAISED_TO_DATE_BEFORE = re.compile(
    r"(?:\b(?:total|cumulative|overall|combined)\s+(?:funding|fundraising|financing|"
    r"(?:capital|money|funds)\s+raised)\b[^.;$€£¥₹]{0,25}|"
    r"\b(?:so\s+far|to\s+date|in\s+all)\b[^.;$€£¥₹]{0,40}?\braised\s+"
    + ROUGHLY
    + r"|\b(?:so\s+far|to\s+date)\s+(?:totals?|totalled|totaled|amounts?\s+to|stands?\s+at)\s+"
    + ROUGHLY
    + r")$",
    re.IGNORECASE,
)
_RAISED_BEFORE = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+)?raised\s+(?:a\s+total\s+of\s+)?" + ROUGHLY + "$",
    re.IGNORECASE,
)
_TO_DATE_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:[^.;$€£¥₹]{0,40}?\s)?(?:so\s+far|to\s+date|since\s+(?:its|their)\s+"
    r"(?:founding|inception|launch|creation))\b",
    re.IGNORECASE,
)


def _raised_to_date(text, amount, lead):
    if _RAISED_TO_DATE_BEFORE.search(lead):
        return True
    return bool(_RAISED_BEFORE.search(lead) and _TO_DATE_AFTER.match(text, amount.end))


# A company buying back its own shares, however long the words between: "had bought back 50
# million common shares from X for about €934m", "spend up to ¥200bn buying back its stock".
_BUYBACK_BEFORE = re.compile(
    r"\b(?:buy(?:s|ing)?\s+back|bought\s+back|buy-?backs?|repurchas\w+)\b[^.;$€£¥₹]{0,100}$", re.I
)
_BUYBACK_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:on\s+|for\s+|to\s+)?(?:buying\s+back|buy\s+back|"
    r"(?:a\s+|its\s+)?(?:share\s+)?(?:buy-?backs?|repurchases?))\b",
    re.I,
)


# "The new funding values the company, which is backed by X Co. and Y, at a little more than
# $3 billion": a valuation, however long the description between.
_VALUES_AT = re.compile(
    r"\bvalu(?:es|ed|ing)\b[^;]{0,140}?\bat\s+(?:a\s+little\s+|slightly\s+)?" + ROUGHLY + "$", re.I
)


# "agreed to pay $1.8 billion to its rival X to settle a dispute": a settlement, not money put in.
_SETTLES_AFTER = re.compile(
    r"[^.;]{0,70}?\b(?:to\s+settle|in\s+settlement\s+of|as\s+(?:a\s+|part\s+of\s+a\s+)?"
    r"settlement)\b",
    re.I,
)


# "paid $126 million for an unnamed group of cars": goods bought, not a holding.
_FOR_GOODS_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?for\s+(?:an?\s+|the\s+|some\s+)?(?:[\w-]+\s+){0,4}?(?:of\s+)?"
    r"(?:cars|vehicles|trucks|buses|units|chips|batteries)\b",
    re.I,
)


# "the watchdog fined X, Y and Z 14 million pesos": a fine, however many are named before it.
_FINED_BEFORE = re.compile(r"\b(?:fined|fines|fining|penali[sz]ed)\b[^.;$€£¥₹]{0,90}$", re.I)


# "formed the world's third-largest carmaker, worth nearly $40 billion", "a start-up now valued
# at": what a company is worth, not money put in.
_COMPANY_WORTH = re.compile(
    r"\b(?:carmakers?|automakers?|compan(?:y|ies)|group|firm|start-?up|business|maker|"
    r"manufacturer|giant|conglomerate)\s*,?\s+(?:(?:which\s+is|that\s+is|is|was)\s+)?"
    r"(?:worth|valued\s+at)\s+" + ROUGHLY + "$",
    re.IGNORECASE,
)

_SMALLEST_PUT_IN = 1000


def not_money_put_in(text, amount):
    """Whether `amount` in `text` is a price, a level, a size or value in kind: no investment."""
    if amount.value < _SMALLEST_PUT_IN:
        return True  # "(+2.66% at 28.92 euros)": a share's price; no company invests so little
    words_before = lang.last_words(text, amount.start, 6)
    lead = text[max(0, amount.start - 90) : amount.start]
    if _WORTH_TODAY.search(lead) or _IN_KIND_WORTH.search(lead):
        return True
    if _PER_SHARE.match(text, amount.end) or _A_SIZE_AFTER.match(text, amount.end):
        return True  # "shares of face value ₹5 each": a price per share even after "value"
    if _raised_to_date(text, amount, lead):
        return True  # "has raised $70 million so far": all it has raised, not one investment
    if _DEAL_VALUE.search(lead) or _SITE_COST_BEFORE.search(lead):
        return False
    if lang.priced(words_before) or _NOT_MONEY_PUT_IN.search(lead) or _A_PRICE.search(lead):
        return True
    if _FINED_BEFORE.search(lead) or _SETTLES_AFTER.match(text, amount.end):
        return True
    if _FOR_GOODS_AFTER.match(text, amount.end):
        return True
    if _VALUES_AT.search(text, max(0, amount.start - 170), amount.start):
        return True
    if _BUYBACK_BEFORE.search(text, max(0, amount.start - 130), amount.start) or (
        _BUYBACK_AFTER.match(text, amount.end)
    ):
        return True
    if _COMPANY_WORTH.search(lead):
        return True  # "the world's third-largest carmaker, worth nearly $40 billion": its size
    if _GDP_AFTER.match(text, amount.end) or _NOT_MONEY_AFTER.match(text, amount.end):
        return True
    if _IN_SERVICES_AFTER.match(text, amount.end):
        return True
    return bool(
        _IN_KIND_AFTER.match(text, amount.end)
        and (_OWN_BEFORE.search(lead) or text[amount.end :].lstrip(" ").startswith("worth of"))
    )
