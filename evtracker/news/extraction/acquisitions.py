"""Acquisitions told with a verb and no terms: "X will buy Y", "X is taking over synthetic
rubber maker Y", "X will buy Y shares".

The buyer is the clause's subject and the target the company bought. Left to other rules:
stakes and shares ("buy a 5% stake in"), "buy into", anything bought from someone ("buy
batteries from Y": Y sells), a company's products ("buy BYD cars"), buy-backs, and negated or
cancelled purchases. A plant, unit or business bought from its owner ("X agreed to acquire Y's
plant in Brazil") is an asset changing hands, no stake in the owner.

Money put into a company with no terms ("X has invested in Y", "X will join Z as an investor in
Y", "X put money into Y") is a stake in Y too, unless the article gives money for Y elsewhere
or tells the holding in passing (an aside, "had already invested", "backed A and invested in Y").
"""

import re

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.money import APPROXIMATELY, find_amounts, holds_figures

_ACQUIRE = re.compile(
    r"\b(?:buy|buys|buying|bought|acquire|acquires|acquiring|acquired|purchase|purchases|"
    r"purchasing|purchased|take\s+over|takes\s+over|taking\s+over|took\s+over)\s+",
    re.IGNORECASE,
)
# Words between the verb and the company bought: an article and a few describing words.
_OBJECT_LEAD = re.compile(r"(?:the\s+|a\s+|an\s+)?(?:[A-Za-z][\w.-]*\s+){0,4}?", re.IGNORECASE)
# Words that show the company after them is not the one bought: a share of it, or a
# preposition ("a purchase agreement with Y", "the platform belonging to Y").
_NOT_A_COMPANY_BOUGHT = re.compile(
    r"\b(?:stakes?|shares?|holdings?|equity|interest|into|back|from|out|up|more|rest|remainder|"
    r"remaining|majority|minority|part|some|all|control|rights|options?|with|to|of)\b|\d",
    re.IGNORECASE,
)
_BY = re.compile(r"by\s+", re.IGNORECASE)
# What the owner's name may precede: a plant, unit or business of it, bought as an asset.
_ASSET = re.compile(
    r"(?:'s|’s|')\s+(?:[\w.-]+\s+){0,3}?(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|units?|"
    r"business(?:es)?|operations|assets|divisions?|arms?|subsidiar(?:y|ies)|brands?|sites?)\b",
    re.IGNORECASE,
)
# After the company bought: where its noun phrase ends.
_OBJECT_END = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:[,.;:]|$|\s+(?:for|from|in|at|as|after|before|to|which|that|"
    r"with|under|by|on|last|this|next|early|later|—|–|-{2})\b)",
    re.IGNORECASE,
)


# "Isuzu will buy Toyota shares": a stake in the company named.
_ITS_SHARES = re.compile(r"(?:'s|’s)?\s+(?:common\s+|new\s+|newly\s+issued\s+)?(?:shares|stock)\b")
# "acquire 40.1M Nio shares", "buy another 24 million Suzuki shares": a number of its shares.
_SHARE_COUNT = re.compile(
    rf"(?:(?:{APPROXIMATELY}|another|a\s+further|an\s+additional)\s+)?"
    r"\d[\d.,]*\s*(?:m|mn|million|bn|billion)?\s+",
    re.IGNORECASE,
)
_GERUNDS = ("buying", "acquiring", "purchasing", "taking")
_BE = (["is"], ["are"], ["was"], ["were"], ["be"], ["been"])


def acquisition_facts(context, position, parties, facts, subject_of, make_fact):
    """Stakes without terms for the companies a sentence says its subject buys."""
    sentence = context.sentences[position]
    text = sentence.text
    body = context.body
    found = []
    for match in _ACQUIRE.finditer(text):
        words = lang.last_words(text, match.start(), 4)
        if any(w in ("not", "never", "no") or w.endswith("n't") for w in words):
            continue
        if lang.cancelled(words):
            continue
        if match.group().lower().startswith(_GERUNDS) and words[-1:] not in _BE:
            continue  # "looked at buying X", "talks about acquiring X": an idea, not a deal
        end = sentence.start + match.end()
        bought = [a for a in parties if a.start >= end and a.start - end <= 45]
        if not bought:
            continue
        target = bought[0]
        lead = body[end : target.start]
        passive = _BY.match(lead)  # "Y will be acquired by X": X buys Y
        if passive:
            lead = lead[passive.end() :]
        counted = _SHARE_COUNT.fullmatch(lead) and _ITS_SHARES.match(body, target.end)
        if not counted and (not _OBJECT_LEAD.fullmatch(lead) or _NOT_A_COMPANY_BOUGHT.search(lead)):
            continue
        if _ASSET.match(body, target.end):
            continue  # "buy Y's plant in Brazil": its assets, not a stake in Y
        if not (_OBJECT_END.match(body, target.end) or _ITS_SHARES.match(body, target.end)):
            continue  # "buy BYD cars": the company's products
        subject, _ = subject_of(context, sentence, parties, sentence.start + match.start())
        if passive and subject is not None:
            subject, target = target, subject
        if subject is None or subject.company == target.company:
            continue
        if any(f.investor == subject.company for f in facts + found):
            continue  # the sentence's stake or amount already tells this deal
        why = (f"acquisition: {match.group().strip()}", f"investor: {subject.company}")
        found.append(make_fact(context, position, subject.company, target.company, why))
    return found


# Cheap test: a sentence holds one of these before it can tell money put into a company.
_INVESTED_STEMS = ("invest", "money into", "shareholder in", "backer")
# "has invested in chip start-up Y", "is making a strategic investment in Y", "will become a
# shareholder in Y", "joins X as an investor in Y", "put money into Y": equity in Y, no terms.
_INVESTED_IN = re.compile(
    r"\b(?:invest(?:s|ed|ing)?|an?\s+(?:[\w-]+\s+){0,2}?investment|"
    r"(?:become|becomes|became|becoming|join|joins|joined|joining)\s+(?:[\w.&'’-]+\s+){0,3}?"
    r"(?:as\s+)?an?\s+(?:[\w-]+\s+){0,2}?(?:investor|shareholder|backer))\s+in|"
    r"\b(?:put|puts|putting|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?)\s+(?:fresh\s+|new\s+)?"
    r"(?:money|capital|funds)\s+into",
    re.IGNORECASE,
)
# Between "invested in" and the company: an article and a few describing words.
_INVESTEE_LEAD = re.compile(
    r"\s+(?:the\s+)?(?:(?!(?:its|their|a|an|and|or|with|which|that)\b)[\w.’'-]+\s+){0,4}?"
)


def invested_in_facts(context, position, parties, facts, subject_of, make_fact, asides):
    """A stake without terms for the company a sentence says its subject invests in."""
    sentence = context.sentences[position]
    text = sentence.text
    lowered = text.lower()
    if not any(stem in lowered for stem in _INVESTED_STEMS):
        return []
    body = context.body
    found = []
    for match in _INVESTED_IN.finditer(text):
        words = lang.last_words(text, match.start(), 5)
        if any(w in ("not", "never", "no") or w.endswith("n't") for w in words):
            continue
        if lang.cancelled(words) or "already" in words or words[-1:] == ["and"]:
            continue  # "had already invested in Y", "has backed X and invested in Y": holdings
        if any(s <= sentence.start + match.start() < e for s, e in asides(sentence)):
            continue  # "X, an investor in Y, said": a holding told in passing
        end = sentence.start + match.end()
        target = next((a for a in parties if a.start >= end), None)
        if (
            target is None
            or not target.named
            or not _INVESTEE_LEAD.fullmatch(body, end, target.start)
        ):
            continue
        if not _OBJECT_END.match(body, target.end):
            continue  # "invest in Y's new unit": money into something Y owns
        subject, _ = subject_of(context, sentence, parties, sentence.start + match.start())
        if subject is None or subject.company == target.company:
            continue
        if any(f.investor == subject.company for f in facts + found):
            continue  # the sentence's stake or amount already tells this investment
        if target.company in _priced_companies(context):
            continue  # "X will invest in Y" and "$300 million in Y" told apart: the money's fact
        why = (f"invested in: {match.group().strip()}", f"investor: {subject.company}")
        found.append(make_fact(context, position, subject.company, target.company, why))
    return found


def _priced_companies(context):
    """The companies named in a sentence of the article that holds an amount of money."""
    found = context.found.get("priced companies")
    if found is None:
        found = context.found["priced companies"] = set()
        for sentence in context.sentences:
            if holds_figures(sentence.text) and find_amounts(sentence.text, context.body):
                named = context.named_in(sentence.start, sentence.end)
                found.update(mention.company for mention in named)
    return found
