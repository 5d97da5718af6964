"""Acquisitions told with a verb and no terms: "X will buy Y", "X agreed to acquire Y's plant
in Brazil", "X is taking over synthetic rubber maker Y", "X will buy Y shares".

The buyer is the clause's subject and the target the company bought, or the owner of the plant,
unit or business bought. Left to other rules: stakes and shares ("buy a 5% stake in"), "buy
into", anything bought from someone ("buy batteries from Y": Y sells), a company's products
("buy BYD cars"), buy-backs, and negated or cancelled purchases.
"""

import re

from evtracker.news.extraction import language as lang

_ACQUIRE = re.compile(
    r"\b(?:buy|buys|buying|bought|acquire|acquires|acquiring|acquired|purchase|purchases|"
    r"purchasing|purchased|take\s+over|takes\s+over|taking\s+over|took\s+over)\s+",
    re.IGNORECASE,
)
# Words between the verb and the company bought: an article and a few describing words.
_OBJECT_LEAD = re.compile(r"(?:the\s+|a\s+|an\s+)?(?:[A-Za-z][\w.-]*\s+){0,4}?", re.IGNORECASE)
_NOT_A_COMPANY_BOUGHT = re.compile(
    r"\b(?:stakes?|shares?|holdings?|equity|interest|into|back|from|out|up|more|rest|remainder|"
    r"remaining|majority|minority|part|some|all|control|rights|options?)\b|\d",
    re.IGNORECASE,
)
_BY = re.compile(r"by\s+", re.IGNORECASE)
# What the owner's name may precede: a plant, unit or business of it.
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
    r"(?:(?:about|around|roughly|some|nearly|another|a\s+further|an\s+additional)\s+)?"
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
        if not (
            _ASSET.match(body, target.end)
            or _OBJECT_END.match(body, target.end)
            or _ITS_SHARES.match(body, target.end)
        ):
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
