"""Funding rounds: the named companies taking part in a round, each with a stake in the company
raising the money ("raised $200 million from A, B and others", "A and B took part in the
round", "Investors include A and B", "led by A and including an investment from B").

A round's total belongs to no single investor when several are named, so each participant
gets a stake without an amount (unless the sentence tells the money as coming from just that
list: investments.py gives each the total) and the total is kept as money from investors left
unnamed (`unnamed_round`), as it is when the sentence names no investor ("raised $400 million from
investors it did not name") or the money rules give it to none of those named. A sole named
investor's money ("raised $75 million from Y") is left to the money rules. The company
raising the money is the subject of "raised", "secured", "drew", else the one that raised
money in one of the last sentences.
"""

import re

from evtracker.news.extraction.money import ROUGHLY

# Cheap test: most sentences hold none of these.
_STEMS = (
    "rais",
    "round",
    "investor",
    "took part",
    "taking part",
    "take part",
    "participat",
    "drew",
    "led by",
    "secur",
    "lined up",
)
# The verb of the company raising the money.
_RAISES = re.compile(
    r"\b(?:rais(?:ed|es|ing)|secur(?:ed|es|ing)|drew|draws|attract(?:ed|s)|clos(?:ed|es)|"
    r"(?:has|have|had)\s+taken\s+in|lined\s+up|lines\s+up|landed|won)\b(?!\s+(?:its|their|the)?\s*(?:stake|holding|"
    r"shareholding|prices?|concerns?|questions?|doubts?))"
)
_ROUND = re.compile(
    r"\b(?:round|funding|financing|fundraising|fund-raising|capital\s+raising|private\s+"
    r"placement|investors?|(?:equity|capital|cash)\s+raises?|fund-?raises?|backers|"
    r"shareholders)\b"
)
# A list of participants follows these ...
_BEFORE_LIST = re.compile(
    r"\b(?:from|led\s+by|co-led\s+by|including|includes?|included|such\s+as|among\s+them|"
    r"investments?\s+from)\s+$"
)
# ... or comes before these.
_AFTER_LIST = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?"
    # "Amazon and BlackRock, another existing investor, also took part": an aside between
    r"(?:,\s*(?:an?|another|the|its|their)\s+[^,.;()]{1,40},\s*)?"
    r"(?:also\s+)?(?:(?:are|were|is|was)\s+(?:also\s+)?among\s+the\s+"
    r"(?:\w+\s+)?investors|took\s+part|taking\s+part|take\s+part|participated|participating|"
    r"join(?:ed|s)\s+(?:the|in)|led\s+(?:the|that)\s+round|co-led)\b"
)
# Between two members of a list: a comma or "and", with a descriptor of the next one allowed
# ("Macquarie, French infrastructure investor Meridiam and Renault").
_LIST_GAP = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:with\s+|and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+"
    r"as\s+)(?:[\w'’.-]+\s+){0,4}?"
)
_CLAUSE_BREAK = re.compile(r"[;:.]|\b(?:which|who|while|but|said|says)\b")
_MONEY = re.compile(r"\d[\d.,]*\s*(?:[mb]n|bln|mln|million|billion|trillion|crore|lakh)\b")
_WHICH = re.compile(r"\b(?:which|that)\s+(?:also\s+|has\s+|had\s+)?$")
_REACH = 3  # sentences back to the company that raised the money


def _raiser(context, position, sentence, parties, subject_of):
    """The company raising the money in this sentence, else in one of the last few."""
    lowered = sentence.text.lower()
    raises = _RAISES.search(lowered)
    if raises is not None and _WHICH.search(lowered, 0, raises.start()):
        raises = None  # "led that round, which also drew investments from": the round's
    if raises is not None and (_ROUND.search(lowered) or _MONEY.search(lowered)):
        subject, speaker = subject_of(context, sentence, parties, sentence.start + raises.start())
        raiser = subject or speaker
        if raiser is not None:
            context.found["round raiser"] = (position, raiser.company)
            return raiser.company
    last = context.found.get("round raiser")
    if last and 0 < position - last[0] <= _REACH:
        return last[1]
    return None


def _chain(body, named, first, forward):
    """The list of companies that starts (or ends) with `first`."""
    index = named.index(first)
    chain = [first]
    step = 1 if forward else -1
    while 0 <= index + step < len(named):
        nxt = named[index + step]
        gap = body[chain[-1].end : nxt.start] if forward else body[nxt.end : chain[-1].start]
        if len(gap) > 50 or not _LIST_GAP.fullmatch(gap):
            break
        chain.append(nxt)
        index += step
    return chain


# Before "including" or "such as": things a company owns or makes, not a round's investors.
_OF_OTHER_THINGS = re.compile(
    r"\b(?:brands?|marques?|labels?|units?|subsidiaries|companies|businesses|carmakers|"
    r"automakers|makers|rivals|competitors|customers|clients|partners|suppliers)\s*,?\s*"
    r"(?:including|includes?|such\s+as|among\s+them)\s+(?:[\w'’.-]+\s+){0,4}$"
)


def _participants(context, sentence, named):
    body = context.body
    found = []
    for actor in named:
        lead = body[max(sentence.start, actor.start - 45) : actor.start]
        cue = _BEFORE_LIST.search(lead.lower().split(",")[-1] if "," in lead else lead.lower())
        if cue is None:
            # "from Volta's battery supplier Proterra": a descriptor between cue and name
            # "the round also included existing investors X, Y and Z"
            cue = re.search(
                r"\b(?:from|led\s+by|including|included)\s+(?:[\w'’.-]+\s+){1,4}$", lead.lower()
            )
            if cue is not None and _CLAUSE_BREAK.search(lead[cue.start() :]):
                cue = None
        if cue is not None and _OF_OTHER_THINGS.search(lead.lower()):
            cue = None  # "owns brands including X and Y": what it owns, not who invests
        if cue is not None:
            found += _chain(body, named, actor, forward=True)
            continue
        after = body[actor.end : min(sentence.end, actor.end + 60)]
        if _AFTER_LIST.match(after):
            found += _chain(body, named, actor, forward=False)
    return list({a.company: a for a in found}.values())


# A sentence that opens by placing its event before the news ("In September,", "Earlier this
# month", "Last year", "Back in 2019"): an earlier round, told as context.
_EARLIER = re.compile(
    r"(?:(?:Also|And|But|Then)\s+)?(?:(?:In|Back\s+in|By)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:19|20)\d\d)\b|Earlier\s+(?:this|that|in\s+the)\s+\w+|(?:Late\s+|Early\s+)?[Ll]ast\s+"
    r"(?:year|month|week|spring|summer|autumn|fall|winter)\b|Previously\b|Before\s+that\b|"
    r"\w+\s+(?:years?|months?)\s+ago\b)"
)


def round_facts(context, position, parties, facts, subject_of, make_fact):
    """Stakes without amounts for the named companies taking part in a funding round (not an
    earlier round the article recalls)."""
    sentence = context.sentences[position]
    lowered = sentence.text.lower()
    if not any(stem in lowered for stem in _STEMS):
        return []
    if _EARLIER.match(sentence.text):
        return []
    named = [a for a in parties if a.named]
    raiser = _raiser(context, position, sentence, parties, subject_of)
    if raiser is None or len(named) < 2 and not context.found.get("round raiser"):
        return []
    if not (_ROUND.search(lowered) or _RAISES.search(lowered)):
        return []
    have = {f.investor for f in facts}
    found = []
    for actor in _participants(context, sentence, named):
        if actor.company == raiser or actor.company in have:
            continue
        why = ("funding round", f"investor: {actor.company}", f"raising the money: {raiser}")
        found.append(make_fact(context, position, actor.company, raiser, why))
    return found


# Money a company sets out to raise: "seeks to raise about $500 million", "aims to raise up to
# 2.5 billion yuan".
_TO_RAISE = re.compile(r"\bto\s+raise\s+" + ROUGHLY + r"(?=\S{0,5}\d)")
# A round's money from more investors than the one named: "from investors including Y".
_SEVERAL = re.compile(r"\b(?:others|investors|backers|includ\w*|among|consortium|group)\b")
_SERIES = re.compile(r"\bseries\s+[a-f]\d?\b|\bpre-ipo\b")


def unnamed_round(context, position, parties, subject_of):
    """The company raising money in a round whose sentence names no investor ("Xpeng has raised
    $400 million from investors it did not name", "closed a $530 million Series C round",
    "seeks to raise about $500 million") or several ("raised $300 million from A, B and
    others"), and where its raising verb ends; None otherwise."""
    sentence = context.sentences[position]
    lowered = sentence.text.lower()
    if not any(stem in lowered for stem in _STEMS) or _EARLIER.match(sentence.text):
        return None
    raises = _RAISES.search(lowered)
    planned = None if raises else _TO_RAISE.search(lowered)
    raises = raises or planned
    if raises is None or _WHICH.search(lowered, 0, raises.start()):
        return None
    if not (planned or _ROUND.search(lowered, raises.end()) or _SERIES.search(lowered)):
        return None
    subject, speaker = subject_of(context, sentence, parties, sentence.start + raises.start())
    raiser = subject or speaker
    if raiser is None:
        return None
    if planned and any(a.named and a.company != raiser.company for a in parties):
        return None  # "in talks with Y to raise $1 billion": Y's money, if any
    start = sentence.start + raises.end()
    named = {a.company for a in parties if a.named and a.start >= start} - {raiser.company}
    if len(named) == 1 and not _SEVERAL.search(lowered, raises.end()):
        return None  # "raised $75 million from Y": Y's money, however the rules read it
    return raiser, raises.end()


# A sole named investor followed by others ("from Temasek, with Edelweiss ... also taking
# part", "from A, B and others"): the total is the round's, not that investor's.
OTHERS_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:and\s+others|other\s+investors|among\s+others|also\s+(?:took|taking)\s+"
    r"part)\b"
)
SHARED_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:with\s+)?(?:[\w'’.-]+\s+){0,4}?[A-Z]|\s+and\s+(?:others|"
    r"other\s+investors))"
)
