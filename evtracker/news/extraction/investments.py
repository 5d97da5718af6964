"""Investments: amounts and stakes, who puts them in and into which company.

The investor is read from the grammar of the sentence rather than from word lists: the first
company of the clause holding the investing verb (not one after a preposition, inside an
aside, the object of "owns" or "told", or a speaker), every member of a coordinated subject
("X and Y will each put"), the antecedent of "which took a stake", the company after
"from"/"by" ("¥180bn from X", "an investment by X"; after "buy ... from" it is the seller),
the buyer after "to" when shares are sold, the owner of "X's $1bn investment", the pair for
"they" or "the joint venture", and a deal told earlier for "The deal, worth €2.2 billion".
Left out: prices per share, valuations, registered capital, fees, a round's total, value in
kind, a sum shared with someone unnamed, and the terms of a rumour the investor denies.
"""

import re
from dataclasses import replace
from decimal import Decimal

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.acquisitions import acquisition_facts, invested_in_facts
from evtracker.news.extraction.facts import InvestmentFact
from evtracker.news.extraction.money import (
    APPROXIMATELY,
    PERCENT,
    ROUGHLY,
    find_amounts,
    holds_figures,
)
from evtracker.news.extraction.not_money import SITE_COST, not_money_put_in
from evtracker.news.extraction.patterns import fold, per_article
from evtracker.news.extraction.rounds import (
    OTHERS_AFTER,
    SHARED_AFTER,
    round_facts,
    unnamed_round,
)
from evtracker.news.extraction.stake_price import priced_stakes


def _word_set(text):
    return frozenset(text.split())


_INVESTMENT_REACH = 150  # characters between an amount and the word that makes it an investment
_ONE_OF = re.compile(
    r"\b(?:including|such\s+as|among|like)\b|"
    # "from investors that include X": one of several
    r"\b(?:investors|backers|shareholders|funds|firms|participants)\s+(?:(?:that|which|who)\s+)?"
    r"(?:also\s+)?includ(?:e|ed)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    # a colon ends a clause, but not inside a ratio ("a $2 billion 50:50 venture")
    r"[;—–]|(?<!\d):(?!\d)|,\s*(?:while|but|whereas|although|and\s+(?:its|the|it|they)\s)",
    re.IGNORECASE,
)
# Investing verbs the shared vocabulary leaves out: paying for, buying, selling to.
_MORE_TRIGGERS = re.compile(
    r"\b(?:pa(?:y|ys|id|ying)|put(?:s|ting)?|buy(?:s|ing)?|hand(?:s|ed|ing)?\s+over|"
    r"provid(?:e|es|ed|ing)|gave|giv(?:e|es|en|ing)|lend(?:s|ing)?|lent|loan(?:s|ed)?|"
    r"(?:sell(?:s|ing)?|sold)\s+(?:[\w.,-]+\s+){0,4}?(?:shares|stakes?|holdings?|stock|equity)\b|"
    # "agreed to sell the business to Y for $400 million": what the buyer pays
    r"(?:sell(?:s|ing)?|sold)\s+(?:[\w'’-]+\s+){1,5}?(?=to\s+[^.;]{1,60}?\bfor\s+"
    + ROUGHLY
    + r"\S{0,4}\d)|"
    r"transfer(?:s|red|ring)?|injection|contribut\w+|joint[\s-]+ventures?|jvs?|"
    r"in\s+exchange\s+for|"
    # "pumped $400 million into", "will plough 2 billion euros into": money poured in
    r"(?:pump|plough|plow)(?:s|ed|ing)?\s+[^.;]{0,45}?\binto|"
    # "will pick up Toyota shares worth ¥48 billion", "snapped up $50 million of its stock"
    r"(?:pick|snap)\w*\s+up(?=[^.;]{0,60}\b(?:shares|stock|stakes?|equity)\b)|"
    # "will build a €1.2 billion assembly plant", "plans to set up a $100 million factory": a
    # new site's cost, promised ("is building a $4 billion factory" is told as background)
    r"\b(?:to|will|would)\s+(?:build|set\s+up|construct|establish)\s+an?\s+(?:new\s+)?"
    r"[^,;]{0,20}?\d[^,;]{0,40}?\b(?:plant|factory|facility|gigafactory|complex|project)\b|"
    # "will build the country's first gigafactory at a cost of 12.8 billion dirhams": its cost
    # told after the site
     + SITE_COST + r"(?=\s+" + ROUGHLY + r"\S{0,4}\d)|"
    r"(?:an?|the|its|their)\s+(?:\S+\s+){0,4}?(?:proposal|offer|bid)s?|"
    # "received $200 million from Y", "secured 7 billion yuan from Y": money taken in from a
    # named party, told with no word for an investment
    r"(?:receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|got|gets|obtain(?:s|ed|ing)?|land(?:s|ed)|"
    r"bag(?:s|ged)|dr[ae]w(?:s|n)?)(?=\s+[^.;]{0,25}?\d[^.;]{0,40}?\s+from\s+\S))\b"
)  # matched against the lower-cased sentence
# "the planned sale of part of its stake in X to Y for RM460 million": told as a noun too.
_SELLING = re.compile(
    r"\b(?:sell(?:s|ing)?|sold|offload\w*|divest\w*|hand(?:s|ed|ing)?\s+over|"
    r"transfer(?:s|red|ring)?|dispos\w+|sale\s+of)\b",
    re.IGNORECASE,
)
# "$1 billion of it", "RM170.3 million of that sum": a tranche of the amount before.
_TRANCHE_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?of\s+(?:it|that|this|which|the\s+(?:total|sum|amount|money))\b",
    re.IGNORECASE,
)
_TRANCHE_BEFORE = re.compile(
    r"(?:\bof\s+which|\bmade\s+up\s+of|\bcompris\w+|\bconsist\w+\s+of|\bincluding|"
    r"\bsplit\s+into|\band|:|\s[—–-])\s+(?:an?\s+|the\s+)?(?:further\s+|another\s+|initial\s+)?$",
    re.IGNORECASE,
)
# A company right after these is their object, not the sentence's subject.
_PREPOSITIONS = _word_set(
    """with into in from of to for by on at about over between against like unlike including
    than toward towards via through under behind beside besides among amid alongside"""
)
_CLAUSE_WORDS = _word_set(
    """that which who whom whose and or but said says told while as when after before because
    since where will would could should may might can has have had is was are were be been
    announced agreed plans plan it its they their he she"""
)
_WORD = re.compile(r"[\w'-]+")  # "state-owned carmaker X": one word, not the verb "owned"
# "X and Y", "X, Y and Z", "X & Y", "X and two affiliates -- Y and Z --": one subject.
_COORDINATION_GAP = re.compile(
    r"(?:\s*\([^)]*\))?(?:\s*,\s*[^,()]{1,60}?,)?"
    r"(?:\s*,\s*|\s*(?:,\s*)?(?:&|and|as\s+well\s+as)\s+"
    r"(?:(?!(?:said|says|will|would|has|have|had|is|are|was|were)\b)[\w-]+\s+){0,3}|\s*,?\s*and\s+(?:its\s+)?(?:\w+\s+)?(?:affiliates?|subsidiar\w+|"
    r"units?|partners?|sister\s+compan\w+)\s*(?:--|—|–|:|,|\()\s*(?:including\s+)?)"
)
_PAIR_WORDS = re.compile(
    r"\b(?:they|both\s+(?:companies|firms|sides|parties|carmakers|automakers|partners)|"
    r"the\s+(?:companies|firms|carmakers|automakers)|"
    r"the\s+two(?:\s+\w+)?(?:\s+(?:companies|firms|carmakers|automakers|groups|sides|parties|"
    r"partners|makers))?|each\s+of\s+the\s+two|the\s+(?:pair|duo|partners)|"
    r"each\s+(?:partner|company|firm|side|party|carmaker|automaker|group)|"
    r"the\s+(?:new\s+)?(?:joint[\s-]+venture|JV)(?:\s+company)?)\b",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(r",\s*(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:'s|’s)\s[^,]{0,60},")


# "took out a loan of", "will get loans worth", "won a $1 billion government loan": the
# subject borrows the money; it puts none in.
_BORROWS = re.compile(
    r"\b(?:(?:took|take|takes|taking|taken)\s+out|gets?|got|getting|receiv\w+|secur\w+|"
    r"obtain\w*|won|wins?|land(?:s|ed)?)\s+(?:[^\s.;]+\s+){0,5}?$"
)  # matched against the lower-cased sentence, right before "loan"


def _triggers(text, names):
    lowered = fold(text)
    found = list(lang.INVEST.finditer(text)) + list(_MORE_TRIGGERS.finditer(lowered))
    return [
        match
        for match in found
        if not any(start < match.end() and match.start() < end for start, end in names)
        and not lang.cancelled(lang.last_words(text, match.start()))
        and not (
            match.group().startswith("loan")
            and _BORROWS.search(lowered, max(0, match.start() - 50), match.start())
        )
    ]


_OBJECT_FIRST = ("put", "pay", "pai", "pro", "gav", "giv", "len", "pic", "sna")


def _nearest_trigger(text, amount_start, amount_end, triggers):
    best = None
    for match in triggers:
        if match.start() > amount_start and match.group()[:3].lower() in _OBJECT_FIRST:
            continue  # "plans to put 15 million cars on it": put, pay or buy take the money after
        if match.end() <= amount_start:
            distance = amount_start - match.end()
        elif match.start() >= amount_end:
            distance = match.start() - amount_end
        else:
            distance = 0  # "put $5 billion into": the amount inside the wording
        between = text[min(match.end(), amount_end) : max(match.start(), amount_start)]
        if distance > _INVESTMENT_REACH or _CLAUSE_END.search(between):
            continue
        if best is None or distance < best[0]:
            best = (distance, match)
    return best[1] if best else None


def _object_of_preposition(body, sentence_start, actor, own_verb=True):
    """ "with Chinese EV maker Nio", "into battery maker Northvolt": an object, not a subject,
    unless a verb of its own follows ("among them Xiaomi buying", "for X to buy") or it is
    the owner of what precedes ("an affiliate of X")."""
    lead = body[max(sentence_start, actor.start - 70) : actor.start]
    lead = _PUNCTUATION.split(lead)[-1]
    words = _WORD.findall(lead.lower())
    if body[actor.start : actor.start + 4].lower() in ("the ", "its ", "it") or (
        body[actor.start : actor.start + 2].lower() == "it"
    ):
        words = words[-1:]  # "in the carmaker": only a preposition right before counts
    for at in range(len(words) - 1, max(-1, len(words) - 8), -1):
        word = words[at]
        if word in _TRANSITIVE:
            return True  # "owns Swedish carmaker Volvo", "told Daimler": the verb's object
        if word in _PREPOSITIONS:
            if word == "of" and at and words[at - 1] in _OWNER_NOUNS:
                return False
            if word in ("from", "of", "at") and at and words[at - 1] in _PEOPLE:
                return False  # "an executive from Foxconn has travelled": Foxconn acts
            verb = _OWN_VERB.match(body, actor.end)
            if verb and verb.group(1) and word not in ("for", "by"):
                verb = None  # "talks with X to buy": the subject's purpose, not X's
            if verb and not verb.group(1) and not verb.group().strip().endswith("ing") and at > 1:
                verb = None  # "its venture with GM would spend": the venture's verb, not GM's
            return not (own_verb and verb)
        if word in _CLAUSE_WORDS:
            return False
    return False


_PUNCTUATION = re.compile(r"[,;:()\u2014\u2013]")
_IT_WORD = re.compile(r"\b(?:it|its)\b")
_TRANSITIVE = _word_set(
    """owns owned bought acquired controls controlled holds held backs backed told tells
    approached joins joined runs"""
)
_PEOPLE = _word_set(
    """executive executives official officials spokesperson spokesman spokeswoman delegation
    team representatives representative chief head boss chairman founder engineers"""
)
_OWNER_NOUNS = frozenset(
    ("affiliate", "affiliates", "unit", "subsidiary", "arm", "vehicle", "division", "fund")
)
_OWN_VERB = re.compile(
    r"\s+(?:(to\s+\w+)|\w+ing|will|would|has|have|had|is|was|are|were|can|could|may|might|"
    r"should|must|also|plans?|agreed|said|says|(?:set|poised|expected|due)\s+to)\b"
)
# Where a new clause starts: its subject comes after. After a speech verb the speaker is
# never the subject of what follows.
_SPEECH = re.compile(
    r"\b(?:(?:said|says|say|told|tells|stated|noted|added)(?:\s+(?:on|last|this)\s+\w+)?"
    r"(?:\s+that)?|(?:announced|disclosed|reported|claimed|confirmed)\s+(?:on\s+\w+\s+)?that)\b"
)  # matched against the lower-cased sentence
_IT = re.compile(
    r"\s*(?:[A-Z][\w.&-]*\s+){0,3}(?:(?:on\s+)?(?:\w+day|last\s+\w+|this\s+\w+|earlier|late\w*)\s+)?(?:that\s+)?"
    r"(?:it|the\s+company|the\s+group)\s+(?!said\b)\w+",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(
    r"\b(?:that|after|when|while|because|whereas|although|though|if|once|before|until|since|"
    r"so\s+that|under\s+which|in\s+which)\b|[;:—–]"
)  # matched against the lower-cased sentence
# "The Chinese company that owns Sweden's Volvo Cars is buying": the owned company is no subject.
_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}?(?:owns|owned|controls|controlled|makes|made|runs|"
    r"bought|acquired|backs|backed)\s+[^,]{0,60}?(?=\s+(?:is|was|will|has|had|are|were)\b)",
)
_LONG_APPOSITIVE = re.compile(
    r",\s*(?:a|an|the|its|one\s+of)\s[^,]{0,160},(?=\s*(?:will|would|has|have|had|is|was|are|"
    r"were|said|agreed|plans|also)\b)"
)
_NAMED_AS = re.compile(r",\s*(?:called|named|dubbed|known\s+as)\s[^,]{0,60},")
# "Hyundai Motor Group, which includes Hyundai Motor, Kia and Hyundai Mobis, to invest": the
# members of a group told in passing are not its subject.
_MEMBERS = re.compile(
    r",\s*(?:which|that)\s+(?:includes?|included|comprises?|comprised|consists?\s+of|"
    r"groups?|brings?\s+together)\s[^;:()]{0,120}?,(?=\s*(?:to|will|would|has|have|had|is|was|"
    r"are|were|said|says|agreed|plans?|planned|also)\b)"
)


_CONDITION_FIRST = re.compile(r"(?:If|Once|Unless|Until|Should|Whether|Now\s+that)\b[^,]*,")


@per_article
def _aside_spans(text):
    spans = list(lang.asides(text))
    opening = _CONDITION_FIRST.match(text)
    if opening:
        spans.append(opening.span())
    for pattern in (_APPOSITIVE, _LONG_APPOSITIVE, _NAMED_AS, _MEMBERS, _RELATIVE):
        spans += [match.span() for match in pattern.finditer(text)]
    return spans


def _asides(sentence):
    return [
        (sentence.start + start, sentence.start + end) for start, end in _aside_spans(sentence.text)
    ]


def _candidates(context, sentence, parties, head):
    """The companies before `head` that can be its subject, in order."""
    body = context.body
    asides = _asides(sentence)
    found = []
    object_before = None  # the last company read as a preposition's object
    for actor in parties:
        if actor.end > head:
            break
        if any(s <= actor.start and actor.end <= e for s, e in asides):
            continue
        if (
            lang.OWNED.match(body, actor.end)
            or _VENTURE_ITSELF.match(body, actor.end)
            or _MODIFIER_AFTER.match(body, actor.end)
        ):
            continue
        if _object_of_preposition(body, sentence.start, actor) or (
            object_before is not None and _AND_GAP.fullmatch(body, object_before.end, actor.start)
        ):
            object_before = actor  # "including BYD and Great Wall": both are the objects
            continue
        object_before = None
        found.append(actor)
    return found


_AND_GAP = re.compile(r"\s*,?\s*(?:and|or|&)\s+")
# "Toyota-backed Pony.ai", "the Tencent-owned EV maker": a describing word, not the subject.
_MODIFIER_AFTER = re.compile(
    r"-(?:backed|owned|controlled|led|funded|run|affiliated|supported|linked|founded)\b"
)
_VENTURE_ITSELF = re.compile(r"\s+(?:is|was|will\s+be)\s+(?:a|an|the)\b[^,.]{0,40}\bventure\b")


@per_article
def _clause_marks(text):
    """(start, end) of the speech verbs and of the subordinating words outside asides."""
    asides = _aside_spans(text)
    lowered = fold(text)
    speeches = [m.span() for m in _SPEECH.finditer(lowered)]
    subordinates = [
        m.span()
        for m in _SUBORDINATE.finditer(lowered)
        if not any(s <= m.start() < e for s, e in asides)
    ]
    return speeches, subordinates


def _subject(context, sentence, parties, head):
    """The subject of the clause holding `head`: its first company, else (after a
    subordinate word, "since buying") the first company of the clause before."""
    body = context.body
    candidates = _candidates(context, sentence, parties, head)
    if not candidates:
        return None, None
    low = sentence.start
    speeches, subordinates = _clause_marks(sentence.text)
    speech_end = None
    for _, end in speeches:
        if low + end <= head:
            speech_end = low + end
    clause_start = speech_end or low
    for start, end in subordinates:
        if clause_start <= low + start and low + end <= head:
            clause_start = low + end
    for actor in candidates:
        if clause_start <= actor.start and _object_of_preposition(
            body, sentence.start, actor, own_verb=False
        ):
            clause_start = actor.start  # "..., with Geely taking": a clause of its own
    for previous, actor in zip(candidates, candidates[1:], strict=False):
        if clause_start <= previous.start and _starts_clause(body, previous.end, actor):
            clause_start = actor.start  # "X would buy A, and Y would buy B": Y's own clause
    after = [a for a in candidates if a.start >= clause_start]
    if after:
        return after[0], None
    if speech_end is not None:
        before = [a for a in candidates if a.end <= speech_end]
        if before and _IT.match(body, speech_end):
            return before[-1], None  # "M&M said it would pay": the speaker's own deal
        return None, before[-1] if before else None
    return candidates[-1], None


# ", and Suzuki would buy": a new clause after one with its own verb, not a list of subjects.
_NEXT_CLAUSE = re.compile(r",\s*(?:and|while|whereas|but)\s+(?:the\s+)?$", re.IGNORECASE)


def _starts_clause(body, after, actor):
    """Whether `actor` opens a clause of its own: words, then ", and" right before it and a
    verb of its own after ("Renault, Nissan, and Geely will" is one list)."""
    joint = _NEXT_CLAUSE.search(body[max(after, actor.start - 16) : actor.start])
    if not joint:
        return False
    words_between = body[after : actor.start - len(joint.group())].strip()
    return bool(words_between) and bool(_OWN_VERB.match(body, actor.end))


def _group(body, parties, subject):
    """Every member of the coordinated subject that starts with `subject`."""
    group = [subject]
    for actor in [a for a in parties if a.start >= subject.end]:
        gap = body[group[-1].end : actor.start]
        if not _COORDINATION_GAP.fullmatch(gap):
            break
        group.append(actor)
    return group


def _pair(context, sentence, parties, after, head):
    """ "they", "the two companies", "the joint venture": the pair the article is about."""
    text = sentence.text
    words = _PAIR_WORDS.search(text, max(0, after - sentence.start), head - sentence.start)
    if not words:
        return []
    if _AND_UNNAMED.match(text, words.end()):
        return None  # "the two companies and a Toyota unit": a sum shared with someone unnamed
    speakers = [a for a in parties if a.end <= sentence.start + words.start()]
    if speakers:
        first = _candidates(context, sentence, parties, speakers[-1].end)
        group = _group(context.body, parties, first[0]) if first else []
        if len(group) > 1 or not context.talk_pairs:
            return group
        if group and _AND_NAME.match(context.body, group[0].end):
            return group  # "Qualcomm and SSW Partners ... they": the other one is not known
        if group and group[0].company not in context.talk_pairs[-1]:
            return group
    names = _pair_in_the_news(context, sentence)
    return [_Named(name) for name in names] if names else []


_EXECUTIVE = re.compile(
    r"(?:(?:The|Its|Co-?founder|Founder|Chief|CEO|Chairman|Chairwoman)\b[^,.;]{0,40}?)?"
    r"\b(?:[Cc]o-?founder|[Ff]ounder|[Cc]hief\s+[Ee]xecutive|CEO|[Cc]hairman|[Cc]hairwoman)\b"
    r"(?:\s+[A-Z][\w.-]*){1,3}\s+(?:has|had|will|would|is|was|said|says|plans|pledged|"
    r"promised|vowed)\b"
)
_PERSONAL = re.compile(r"\b(?:his|her)\s+own\b|\bpersonal(?:ly)?\b", re.IGNORECASE)
_AND_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z]")
_THE_VENTURE = re.compile(r"the\s+(?:new\s+)?(?:joint[\s-]+venture|JV|venture)\b", re.IGNORECASE)
_AND_UNNAMED = re.compile(
    r"\s+and\s+(?:a|an|other|several|some|two|three|its|their)\s", re.IGNORECASE
)


_TWO_NAMED = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+")


def _pair_in_the_news(context, sentence):
    """The pair "they" or "the carmakers" stand for: the last talk found, else the two
    companies an earlier sentence opens with ("Renault and Nissan have revised ...")."""
    if context.talk_pairs:
        return context.talk_pairs[-1]
    positions = context.found.get("sentence positions")
    if positions is None:
        positions = context.found["sentence positions"] = {
            s.start: at for at, s in enumerate(context.sentences)
        }
    position = positions[sentence.start]
    for earlier in reversed(context.sentences[max(0, position - 2) : position]):
        named = context.named_in(earlier.start, earlier.end)
        if (
            len(named) >= 2
            and named[0].start - earlier.start <= 20
            and named[0].company != named[1].company
            and _TWO_NAMED.fullmatch(context.body, named[0].end, named[1].start)
        ):
            return (named[0].company, named[1].company)
    return None


class _Named:
    """A company the sentence refers to without naming it ("the two companies")."""

    named = False

    def __init__(self, company):
        self.company = company
        self.start = self.end = -1


def _party_after(body, parties, start, reach, lead):
    """The first company within `reach` after `start` whose lead-in matches `lead`; none when
    it names a person's employer ("by Toyota chairman Akio Toyoda")."""
    for actor in parties:
        if actor.start < start:
            continue
        if actor.start - start > reach:
            return None
        if lead.search(body, start, actor.start):
            return None if _PERSON_AFTER.match(body, actor.end) else actor
    return None


_PERSON_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:[Cc]hairman|[Cc]hairwoman|[Cc]hief\s+[Ee]xecutive|CEO|[Pp]resident|"
    r"[Cc]o-?founder|[Ff]ounder|[Hh]eir)\s+[A-Z]"
)


_CONVERSION = re.compile(r"\s*\([^)]{1,40}\)")
_BY_NEXT = re.compile(r"\s+(?:of\s+[^,;]{1,30}?\s+)?by\b")
_FROM_NEXT = re.compile(r"(?:\s+\w+){0,2}\s+from\b")
_FROM = re.compile(r"\bfrom\s+(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)
_BY = re.compile(r"\bby\s+(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+(?:[\w'’.,-]+\s+){0,6}?$", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r",\s*(?:with|while|whereas|but|although)\b|;", re.IGNORECASE)
_BUYING = re.compile(r"\b(?:buy\w*|bought|purchas\w*|acquir\w*|tak\w+|took)\b", re.IGNORECASE)
_MONEY_NOUN = re.compile(
    r"(?:investment|funding|financing|capital|injection|backing|proposal|offer|bid|package|"
    r"commitment|pledge)s?$",
    re.IGNORECASE,
)
# "a £654m funding round": money the subject raises, not money it puts in.
_ROUND = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:venture|equity|private)\s+)?"
    r"(?:(?:funding|financing|fundraising|investment|capital|series\s+\w+)\s+)?"
    r"(?:round|fundrais\w+|capital\s+rais\w+|rights\s+issue|share\s+sale)",
    re.IGNORECASE,
)
_JOINS_ROUND = re.compile(r"\b(?:led|leads|leading|co-led|join\w*|participat\w*|back\w*)\b", re.I)
# "X, which is wholly owned by Y," / "X, a unit of Y,": the parent invests through X.
_VEHICLE_OF = re.compile(
    r",\s*(?:which\s+is\s+|a\s+)?(?:(?:wholly|fully)[\s-]+)?(?:owned|controlled)\s+by\s+$|"
    r",\s*(?:which\s+is\s+)?(?:a|an)\s+(?:(?:wholly|fully)[\s-]+owned\s+)?"
    r"(?:unit|subsidiary|affiliate|vehicle)\s+of\s+$",
    re.IGNORECASE,
)


def _parent(body, parties, subject):
    for actor in parties:
        if actor.start > subject.end and actor.start - subject.end <= 45:
            if _VEHICLE_OF.search(body, subject.end, actor.start):
                return actor
            break
    return subject


_TALKS_WITH = re.compile(
    r"\b(?:talks|negotiations|discussions)\s+with\s+(?:[\w'’.-]+\s+){0,4}$", re.I
)
_POSSESSOR = re.compile(r"(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,2}")
_TALKS_OVER = re.compile(
    r"\b(?:talks|negotiations|discussions)\s+with\s+[^,.;]{1,60}?\b(?:over|about|on|for)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "in talks with X to raise as much as": the money would come from X.
_TALKS_TO_RAISE = re.compile(r"(?:\s*\([^)]*\))?\s+to\s+raise\s+" + ROUGHLY + "$", re.IGNORECASE)
# "PIF, which took a 16.7% share", "behind Y (which will hold 21 per cent)": said of Y.
_RELATIVE_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:which|who)\s+[^,;]*|\(\s*(?:which|who)\s+[^,;()]*)$",
    re.IGNORECASE,
)


def _antecedent(body, parties, start, head):
    """ "PIF, which took a 16.7% share": the company the relative clause is about."""
    before = [a for a in parties if start <= a.start and a.end <= head]
    if before and _RELATIVE_AFTER.match(body, before[-1].end, head):
        return before[-1]
    return None


# Money drawn in by the subject, as "raised" ("could draw $150 million of investment",
# "attracted $50 million from X", "took in $74 million from X", "has lined up €2 billion in
# funding", "garnered $30 million"): whoever puts it in is named elsewhere, if at all.
_DRAWS = re.compile(
    r"\b(?:(?:draw|draws|drew|drawn|drawing|attract(?:s|ed|ing)?)\b(?!\s+(?:up|on|interest|"
    r"attention|criticism|scrutiny|fire|praise|comparisons?))|"
    r"(?:take|takes|took|taking|taken|pull|pulls|pulled|pulling)\s+in|"
    r"(?:line|lines|lined|lining)\s+up|bagg(?:ed|ing)|garner(?:s|ed|ing)?|nett(?:ed|ing))\b",
    re.IGNORECASE,
)
_WHO_BEFORE = re.compile(r",\s*who\s+(?:[a-z]+\s+){0,3}$")


def _investors(context, sentence, parties, trigger, at, end):
    """(investors, target) of the money at `at`..`end` the trigger words introduce."""
    body = context.body
    text_start = sentence.start
    head = min(text_start + trigger.start(), at)
    tail = max(text_start + trigger.end(), end)
    clause = body[max(text_start, head - 80) : tail]
    buying = _BUYING.search(clause)
    # The receiving verb nearest the money ("raises by others, including X, which said it had
    # raised $200 million": the last one).
    received = [
        m
        for m in (*lang.RECEIVED.finditer(sentence.text), *_DRAWS.finditer(sentence.text))
        if text_start + m.start() < tail
    ]
    received = max(received, key=lambda m: m.start()) if received else None
    if received and any(
        s <= received.start() < e and not s <= at - text_start < e
        for s, e in _aside_spans(sentence.text)
    ):
        received = None  # "X, a carmaker backed by Y, is paying": said of X in passing
    if received and _SPEECH.search(fold(sentence.text), received.end(), at - text_start):
        received = None  # "X, in a move that won praise, said it would invest": another clause
    if _WHO_BEFORE.search(body, max(text_start, head - 40), head):
        return [], None  # "... co-founder Sachin Bansal, who put in $100 million": a person's
    subject, speaker = _subject(context, sentence, parties, head)
    antecedent = _antecedent(body, parties, text_start, head)
    if antecedent is not None:
        subject, speaker = antecedent, None
    owner = [a for a in parties if a.end <= at and _POSSESSOR.fullmatch(body, a.end, at)]
    if owner and text_start + trigger.start() >= end and not _ROUND.match(body, end):
        return [owner[-1]], _target(context, sentence, parties, head, tail)  # "X's $1bn investment"
    owner_of_its = subject or speaker  # "X said the state had approved its $734m venture"
    if (
        owner_of_its is not None
        and text_start + trigger.start() >= end
        and _ITS_BEFORE.search(body, max(text_start, at - 8), at)
    ):
        # "X won approval for its $13.5 billion acquisition of Y": the subject's own deal
        group = [_parent(body, parties, owner_of_its)]
        partner = (
            _party_after(body, parties, tail, 70, _WITH) if _VENTURE_NEXT.match(body, end) else None
        )
        if partner is not None and partner.company != group[0].company:
            return [*group, partner], None  # "its $734m joint venture with Y": Y's part too
        return group, _target(context, sentence, parties, head, tail)
    lender = _party_after(body, parties, max(text_start, head - 70), 70, _TALKS_WITH)
    if _MONEY_NOUN.search(trigger.group()) and _TALKS_OVER.search(
        body, max(text_start, head - 100), head
    ):
        if lender is not None and lender.end <= head:
            return [lender], subject  # "in talks with X over financing": X would put it in
        return [], None  # talks with someone unnamed: the subject would receive the money
    if lender is not None and _TALKS_TO_RAISE.match(body, lender.end, at):
        return [lender], subject  # "in talks with X to raise $1 billion": X would put it in
    # "¥180 billion from X" (not "buy shares from X": the seller), "an investment by X".
    named_after, agents = None, None
    if received or not buying:
        converted = _CONVERSION.match(body, end)  # "$2.2 billion (about RMB 15 billion) from"
        named_after = _party_after(body, parties, converted.end() if converted else end, 45, _FROM)
    if named_after is None and _MONEY_NOUN.search(trigger.group()):
        named_after = _party_after(body, parties, text_start + trigger.end(), 30, _BY)
        if named_after is not None:
            agents = _group(body, parties, named_after)  # "a pledge by X and Y to invest"
        if named_after is None and at > text_start + trigger.end():
            named_after = _party_after(body, parties, text_start + trigger.end(), 30, _FROM)
    if named_after is None and subject is None:
        # "a pledge by X and Y to invest $9.8 billion": the agents of the noun before the verb
        agent = _party_after(body, parties, max(text_start, head - 60), 60, _BY)
        group = _group(body, parties, agent) if agent else []
        if group and _TO_NEXT.fullmatch(body, group[-1].end, text_start + trigger.start()):
            named_after, agents = agent, group
    sale = body[text_start:at]
    sale = _NEW_CLAUSE.split(sale)[-1]
    if _SELLING.search(sale) and not _BUYING.search(sale):
        buyer = _party_after(body, parties, end, 60, _TO) or _party_after(
            body, parties, text_start + trigger.end(), max(0, at - text_start - trigger.end()), _TO
        )
        if buyer is None:
            return [], None  # the seller is named, the buyer is not
        stake_in = _target(context, sentence, parties, head, tail)
        return [buyer], stake_in if stake_in and stake_in is not buyer else subject
    if named_after is not None:
        lead_in = body[max(text_start, named_after.start - 40) : named_after.start]
        if (
            SHARED_AFTER.match(body, named_after.end)
            and any(a.start > named_after.end and a.start - named_after.end < 60 for a in parties)
            or OTHERS_AFTER.match(body, named_after.end)
        ):
            return [], None  # "from A, B and others": the round's total, no one's own
        if not _ONE_OF.search(lead_in):
            target = subject if subject and subject.company != named_after.company else None
            if target is not None and agents and any(a.company == target.company for a in agents):
                target = None
            if agents is None and _FROM.search(lead_in):
                # "raised $90 million from A and B": the money comes from the list, each of it
                agents = _group(body, parties, named_after)
            return agents or [named_after], target or _target(
                context, sentence, parties, head, tail
            )
    if received:
        return [], None  # the subject received money from someone unnamed
    if _ROUND.match(body, end) and not _JOINS_ROUND.search(body, text_start, at):
        return [], None  # "plans for a £654m funding round": money raised, from whom unsaid
    if _MONEY_NOUN.search(trigger.group()) and _BY_NEXT.match(body, text_start + trigger.end()):
        return [], None  # "an investment of ¥1 billion by its chairman": not a company's
    if _MONEY_NOUN.search(trigger.group()) and _FROM_NEXT.match(body, text_start + trigger.end()):
        return [], None  # "an investment package from" someone who is not a company
    shared = _PAIR_WORDS.search(sentence.text, 0, head - text_start)
    if shared and _AND_UNNAMED.match(sentence.text, shared.end()):
        return [], None  # "the two companies and a Toyota unit": a sum shared with someone unnamed
    executive = subject is None and speaker is None and context.main_subject
    if (
        executive
        and _EXECUTIVE.match(sentence.text)
        and not _PAIR_WORDS.search(sentence.text)
        and not _PERSONAL.search(sentence.text)
    ):
        # "Co-founder Lei Jun has pledged to spend $10 billion": for the article's company
        group = [_Named(context.main_subject)]
    elif subject is None:
        group = _pair(context, sentence, parties, speaker.end if speaker else text_start, head)
        if not group:
            return [], None
    elif not subject.named and _THE_VENTURE.match(body, subject.start):
        group = _pair(context, sentence, parties, subject.start, head)
        if not group:
            return [], None
    else:
        group = _group(body, parties, subject)
        if len(group) == 1:
            pair = _pair(context, sentence, parties, subject.end, head)
            if pair is None:
                return [], None
            group = pair or [_parent(body, parties, subject)]
    if group is None:
        return [], None
    if _VENTURE_NEXT.match(body, end):
        # "a $4 billion joint venture with Aptiv": the partner puts in its share too
        partner = _party_after(body, parties, tail, 70, _WITH)
        if partner is not None and all(g.company != partner.company for g in group):
            group = [*group, partner]
    target = _target(context, sentence, parties, head, tail)
    if target is not None and any(g.company == target.company for g in group):
        target = None
    return group, target


_TO_NEXT = re.compile(r"\s+to\s+")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)
_VENTURE_NEXT = re.compile(
    r"\s+(?:(?!(?:in|into|to|for|of|on|a|an|the)\b)[\w-]+\s+)?(?:joint[\s-]+venture|JV)\b",
    re.IGNORECASE,
)
_WITH = re.compile(r"\bwith\s+(?:[\w'’.-]+\s+){0,5}$", re.IGNORECASE)


def _target(context, sentence, parties, head, tail):
    """The company named as receiving the money: "in X", "into X", "acquire X", "X's stake"."""
    body = context.body
    owned = [
        a
        for a in parties
        if head - 120 <= a.start and a.end <= head and lang.OWNED.match(body, a.end)
    ]
    for actor in parties:
        if actor.start < head:
            continue
        if actor.start > tail + 60:
            break
        lead_in = body[max(sentence.start, actor.start - 40) : actor.start]
        if lang.names_target(lang.last_words(lead_in, len(lead_in), 6)):
            return actor
    return owned[-1] if owned else None


# "at $7.50 each", "HK$43.8 apiece", "$20 a share": a price per share, not an investment.
# A stake with no amount: "taking a stake in", "a 40% stake in", "buying into", "raised its
# shareholding in X to 9.98 percent", "as much as 20% of", "51% owned by", "the other 49%".
# "Chery holds 45 percent and BYD 40 percent": a share owned, of what told before.
_OWNS_SHARE = (
    r"\b(?:own|owns|owning|hold|holds|holding|control|controls|controlling|keep|keeps|keeping|"
    r"retain|retains|retaining)\s+" + ROUGHLY + PERCENT + r"(?![\s-]+(?:of|in|by|stake|holding|"
    r"interest|share|shareholding|equity|owned|held|controlled)\b)"
)
# "The remaining 15 percent belongs to X", "the other 49% will go to X": X holds it.
_GOES_TO = (
    r"(?:\s+(?:stake|share|holding|interest))?\s+(?:(?:will|would)\s+)?"
    r"(?:belongs?|belonged|belonging|goes|go|went)\s+to"
)
# "X will control the venture with a 51% stake", "the JV, in which X will hold a 60% controlling
# stake": a share in the venture the sentence is about (read only there, see _stake_facts).
_BARE_STAKE = (
    r"\ban?\s+" + ROUGHLY + PERCENT + r"[\s-]+"
    r"(?:(?:controlling|majority|minority|equity)\s+)?"
    r"(?:stake|shareholding|holding|interest)\b(?!\s+(?:in|of)\b)"
)
_BARE_STAKE_ALONE = re.compile(_BARE_STAKE)
_NOT_BOUGHT = re.compile(
    r"\b(?:sell|sells|selling|sold|dispos\w+|divest\w*|offload\w*)\b|"
    r"(?:'s|’s)\s+(?:\w+\s+){0,2}(?:shareholder|owner)s?\b"
)
# A holding set as a condition of something else: "on condition that X owns more than 51%",
# "the loans require X to hold 51%", "as long as X keeps a stake of at least 5%".
# A holding someone could reach or may not pass: "is able to buy 9.9% without a review",
# "has the financial strength to buy up to 40%", "agreed not to exceed a 25% stake".
_CONDITION = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+that|provided\s+that|(?:as|so)\s+long\s+as|"
    r"requir(?:e|es|ed|ing)\s+(?:[^.;,]{1,40}?\s)?to|must|(?:is|are|was|were|be)\s+able\s+to|"
    r"(?:financial\s+)?(?:strength|means|capacity)\s+to|not\s+to\s+exceed|exceed(?:s|ed|ing)?)"
    r"\s+[^.;]{0,60}$"
)
_STAKE_PHRASE = re.compile(
    r"\b(?:stake|shareholding|holding|equity\s+interest|interest|ownership)s?\s+(?:in|of)\b|"
    r"\b(?:minority|majority|controlling|\d[\d.]*\s*(?:%|per\s*cent|percent))\s+"
    r"(?:shares?|position)\s+in\b|"
    # "subscribe to new shares of X", "subscribing for shares issued by X"
    r"\bsubscri\w+\s+(?:to|for)\s+(?:[\w-]+\s+){0,3}?shares\s+(?:of|in|issued\s+by)\b|"
    r"\b(?:stake|shareholding|holding)\s+(?:[\w-]+\s+){0,2}?(?:from\s+[\d.]+\s*(?:%|per\s*cent|"
    r"percent)\s+)?to\s+" + ROUGHLY + PERCENT + r"|"
    r"\bb(?:uy(?:s|ing)?|ought)\s+into\b|"
    r"\b" + PERCENT + r"(?:\s+(?:of|in)\b|(?:[\s-]+(?:owned|held|controlled))?\s+by\b)|"
    r"\b(?:remaining|other|rest\s+of\s+the)\s+" + PERCENT + r"(?:" + _GOES_TO + r")?|"
    r"\b(?:as\s+much\s+as|up\s+to|(?:the|a)\s+majority\s+with)\s+"
    + PERCENT
    + r"(?!\s+(?:of|in)\b)|\b"
    + PERCENT
    + _GOES_TO
    + "|"
    + _OWNS_SHARE
    + "|"
    + _BARE_STAKE
)  # matched against the lower-cased sentence
# Between "owned by" or "belongs to" and the owner: "the state-owned", "Chinese carmaker".
# Not a verb in -ing: "a 10% holding by buying X shares" tells how, not who owns it.
_OWNER_LEAD = re.compile(r"\s+(?![a-z]+ing\b)(?:(?:the|its)\s+)?(?:[a-z][\w-]*\s+){0,3}")
# Between "a 51% stake in" and a company: words that show the company is not the target.
_NOT_THE_TARGET = re.compile(
    r"\b(?:ventures?|units?|compan(?:y|ies)|entit(?:y|ies)|and|or|subsidiar(?:y|ies)|arms?|"
    r"divisions?|business(?:es)?|plants?|factor(?:y|ies)|operations)\b|[,;]",
    re.IGNORECASE,
)
_TAKING = re.compile(
    r"\b(?:tak(?:e|es|ing|en)|took|acquir\w*|buy\w*|bought|purchas\w*|own\w*|hold\w*|"
    r"held|rais\w*|increas\w*|lift\w*|boost\w*|get|gets|getting|secur\w*|"
    r"invest\w*|subscri\w*|left\s+with|keep\w*|kept|retain\w*|have|has|want\w*|seek\w*|"
    r"control\w*|sell\w*|sold|offload\w*|hand\w*\s+over|transfer\w*)\b"
)  # matched against lower-cased text
_PERCENT_VALUE = re.compile(PERCENT, re.IGNORECASE)
_OWNS_SHARE_ALONE = re.compile(_OWNS_SHARE)
_GOES_TO_END = re.compile(_GOES_TO + "$")
_OWNING = re.compile(r"own|hold|held|control|keep|kept|retain")
_IN_WHICH = re.compile(r"\b(?:in|of)\s+which\s+$", re.IGNORECASE)
_STAKE_NOUN = re.compile(r"\b(?:stake|shareholding|holding|interest)")
_APPROXIMATELY = re.compile(r"^(?:to\s+)?" + ROUGHLY)
# "cut its stake from 43.4% to 15%": the stake it is left with.
_ENDS_AT_PERCENT = re.compile(r"\bto\s+" + ROUGHLY + PERCENT + r"$")
_RAISED_TO = re.compile(
    # "its stake in Subaru to 20%", "... in Subaru above 20%"
    r"(?:[^,.;%]|(?<=\d)[.%]){0,40}?\b(?:to|above|beyond)\s+" + ROUGHLY + PERCENT,
    re.IGNORECASE,
)
# "its stake in Y will rise to 62.5%", "its holding in Y fell to 15 percent": the size of the
# holding itself moving, not a market figure.
_HOLDING_MOVES_TO = re.compile(
    r"(?:[^,.;%]|(?<=\d)[.%]){0,40}?\b(?:ris(?:e|es|ing|en)|rose|increas\w*|climb\w*|gr[eo]w\w*|"
    r"f[ae]ll(?:s|en|ing)?|drop\w*|declin\w*|decreas\w*)\s+to\s+" + ROUGHLY + PERCENT
)  # matched against the lower-cased sentence, right after the stake phrase
# A verb that moves a holding of a stated size: "cutting its roughly 43 percent stake in".
_MOVES_A_STAKE = re.compile(
    r"\b(?:cut\w*|reduc\w*|lower\w*|trim\w*|pare[sd]?|paring|rais\w*|lift\w*|increas\w*|"
    r"boost\w*|bring\w*|brought)\s+(?:its|their|the|his|her)\s+(?:[\w.%-]+\s+){0,4}$"
)  # matched against the lower-cased sentence, before the stake phrase
_ANOTHER_CLAUSE = re.compile(r"\b(?:and|while|whereas|but)\b")
_NOT_A_STAKE = re.compile(
    r"\b(?:(?<!open[\s-])market|share\s+of\s+(?:the\s+)?(?:market|sales|deliveries)|sales|"
    r"deliveries|shares\s+(?:rose|fell|jumped|dropped|gained|slumped|soared|climbed|"
    r"tumbled|surged|were|are)|tariff|duty|duties|growth|margin|year-on-year|"
    r"interest\s+rates?|discount|premium|trading|votes?|turnout|capacity|"
    r"ris(?:e|es|ing)|rose|f[ae]ll(?:s|ing)?|drop\w*|gain\w*|jump\w*|slump\w*|"
    r"increase|decrease|(?:declin\w+|lower|higher)\s+(?:by\s+)?\d|cheaper|revenue|profit|"
    r"output|production|amount|proceeds|"
    r"workforce|staff|jobs|employees|emissions|range|battery\s+capacity)\b"
)  # matched against lower-cased text
# "and Leapmotor 49 percent", "with Honda owning the remaining 49 percent".
_GAPPED = re.compile(
    r"(?:\s*,|\s*,?\s*(?:and|while|with|whereas))\s+$",
    re.IGNORECASE,
)
_GAPPED_REST = re.compile(
    r"\s*(?:(?:will\s+|would\s+)?(?:own|owning|owns|hold|holding|holds|keep|keeping|keeps|"
    r"retain\w*|tak\w+|get\w*|ha(?:ve|s|ving))\s+)?(?:to\s+)?(?:the\s+)?(?:remaining|other|rest\s+of\s+the\s+)?"
    r"\s*(" + PERCENT + r")",
    re.IGNORECASE,
)
_VENTURE = re.compile(r"\bventure\b|\bJVs?\b|\bjoint\s+(?:company|firm)\b", re.IGNORECASE)
# What a bare share ("46 percent", "10%") is of, up to the clause's end: "of the country's
# passenger car sales", "of the world's EVs" are no holdings.
_SHARE_OF_WHAT = re.compile(r"\s+of\s+[^,;.()]{1,60}")
_NOT_OWNED = re.compile(
    r"\b(?:sales|market|deliveries|output|production|evs|demand|exports|imports|"
    r"revenue|capitalization|capitalisation|emissions|fleets?|combined\s+total)\b|"
    # "roughly 30% of its holding": a part of a holding sold, not the size of one
    r"\b(?:its|their)\s+(?:own\s+|current\s+|existing\s+|remaining\s+)?(?:holding|stake|"
    r"shareholding)s?\b"
)


def _fact(context, position, investor, target, value, currency, kind, percent, purpose, why):
    sentence = context.sentences[position]
    return InvestmentFact(
        investor=investor,
        target=target,
        amount=value,
        currency=currency,
        kind=kind,
        stake_percent=percent,
        purpose=purpose,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        on=context.date_of(sentence),
        attributed_to=context.attribution(position),
        why=why,
    )


def _stake_without_amount(context, position, investor, target, percent, why):
    return _fact(context, position, investor, target, None, None, "stake", percent, "", why)


def _unnamed_round_facts(context, position, parties, facts):
    """`facts` with the money a round brings in from investors the sentence does not name, or
    from several it names without giving the money to one: a stake in the company raising it,
    its investor left empty (in place of that money read as the raiser's own outlay)."""
    found = unnamed_round(context, position, parties, _subject)
    if found is None:
        return facts
    raiser, verb_end = found
    text = context.sentences[position].text
    amounts = [a for a in find_amounts(text, context.body) if a.start >= verb_end]
    if not amounts:
        return facts
    first = amounts[0]
    same = [f for f in facts if f.amount == first.value and f.currency == first.currency]
    # "X closed a $100 million funding round": money X takes in, never X's own outlay
    own = [f for f in same if f.investor == raiser.company and f.target is None]
    if same and len(own) < len(same):
        return facts  # a sole investor's money
    if not_money_put_in(text, first):
        return facts  # "So far X has raised $70 million": all it has raised, not one round
    why = ("funding round, no investor named", f"raising the money: {raiser.company}")
    money = (first.value, first.currency)
    kept = [f for f in facts if f not in own]
    return [*kept, _fact(context, position, None, raiser.company, *money, "stake", None, "", why)]


# "raised $50 million in a round led by X": a sole lead investor named, the round's money is its.
_LED_BY = re.compile(r"(?<!co-)\bled\s+by\s+(?:[\w'’.-]+\s+){0,4}?$", re.IGNORECASE)


def _sole_lead_money(context, position, parties, found):
    """The round's amount for its one named investor when the sentence names it as the lead."""
    if len(found) > 1:
        return _shared_round_money(context, position, found)
    if len(found) != 1:
        return found
    sentence = context.sentences[position]
    named = [a for a in parties if a.named]
    lead = [a for a in named if a.company == found[0].investor]
    others = {a.company for a in named} - {found[0].investor, found[0].target}
    if others or not lead:
        return found
    before = context.body[max(sentence.start, lead[0].start - 45) : lead[0].start]
    if not _LED_BY.search(before) or OTHERS_AFTER.match(context.body, lead[0].end):
        return found
    amounts = find_amounts(sentence.text, context.body)
    if len({(a.value, a.currency) for a in amounts}) != 1:
        return found
    why = (*found[0].why, "the round's sole lead")
    money = {"amount": amounts[0].value, "currency": amounts[0].currency}
    return [replace(found[0], **money, why=why)]


# "raised $90 million from A and B", "a $2.5 billion round led by A, B and C": the round's one
# amount told as coming from the list itself, so each listed investor put it in. Not when others
# share it ("from A, B and others", "led by A, with B also taking part").
_FROM_LIST = re.compile(r"\b(?:from|(?<!co-)led\s+by)\s+(?:[\w'’.-]+\s+){0,4}?$", re.IGNORECASE)
_LIST_GAP = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?!with\b|also\b)[\w'’.-]+\s+){0,3}?"
)


def _shared_round_money(context, position, found):
    """The round's amount for each of its investors when the sentence lists them all as its
    source and gives one amount."""
    sentence = context.sentences[position]
    body = context.body
    investors = {f.investor for f in found}
    listed = [a for a in context.named_in(sentence.start, sentence.end) if a.company in investors]
    if not listed or not _FROM_LIST.search(
        body, max(sentence.start, listed[0].start - 45), listed[0].start
    ):
        return found
    pairs = zip(listed, listed[1:], strict=False)
    if any(not _LIST_GAP.fullmatch(body, a.end, b.start) for a, b in pairs):
        return found
    if OTHERS_AFTER.match(body, listed[-1].end):
        return found
    amounts = find_amounts(sentence.text, body)
    if len({(a.value, a.currency) for a in amounts}) != 1:
        return found
    money = {"amount": amounts[0].value, "currency": amounts[0].currency}
    return [replace(f, **money, why=(*f.why, "the round's listed investors")) for f in found]


def _round_stake(context, position, investor, target, why):
    return _stake_without_amount(context, position, investor, target, None, why)


def _kind(text, target, percent):
    if _VENTURE.search(text):
        return "joint_venture"
    if target is not None or percent is not None or lang.STAKE_WORDS.search(text):
        return "stake"
    return "pledge"


def _maybe_stake(text):
    """Whether a stake phrase can occur in `text`: most sentences hold none of its words."""
    if "%" in text or lang.STAKE_WORDS.present(text):
        return True
    lower = text.lower()
    return (
        "percent" in lower
        or "per cent" in lower
        or "pct" in lower
        or ("into" in lower and ("buy" in lower or "bought" in lower))
        or "interest" in lower
        or "share in" in lower
        or "ownership" in lower
        or bool(_PC.search(lower))
    )


_PC = re.compile(r"\dpc\b")
_REPORT_STEMS = ("report", "rumo", "speculat", "claim", "story", "article")
# Every denial the shared vocabulary knows holds one of these.
_DENIAL_STEMS = (
    "den",
    "reject",
    "dismiss",
    "refut",
    "rebut",
    "untrue",
    "groundless",
    "baseless",
    "unfounded",
    "not true",
    "false",
    "no truth",
    "at no ",
    "fake",
    "misleading",
    "inaccurate",
    "wrong",
    "incorrect",
    "not in talks",
    "no plan",
    "not aware",
)
_REPORT_WORDS = re.compile(
    r"\b(?:report|rumou?r|speculation|claim|stor(?:y|ies)\b|article)", re.IGNORECASE
)


_HEARSAY = re.compile(
    r"\b(?:rumou?r\w*|speculat\w*|claim\w*|reported\w*|reports?|stor(?:y|ies)|articles?|"
    r"according\s+to|post|"
    r"blogger|sources?|people\s+familiar|allegedly|said\s+to)\b",
    re.IGNORECASE,
)


def _deniers(context):
    """The companies the article names denying a report or rumour: named before the denial."""
    found = context.found.get("investment deniers")
    if found is None:
        found = context.found["investment deniers"] = set()
        lowered = context.body.lower()
        if not any(stem in lowered for stem in _DENIAL_STEMS):
            return found
        for s in context.sentences:
            if not s.running or len(s.text) >= 1500:
                continue
            lower = s.text.lower()
            if not any(stem in lower for stem in _DENIAL_STEMS):
                continue
            if not any(stem in lower for stem in _REPORT_STEMS):
                continue
            denial = lang.DENY.search(s.text)
            if denial:
                named = context.named_in(s.start, s.start + denial.start())
                found.update(mention.company for mention in named)
    return found


def find_investments(context, position, actors):
    """Investment facts of one running sentence: each amount tied to investment wording, and
    each stake reported without an amount."""
    sentence = context.sentences[position]
    text = sentence.text
    parties = [a for a in actors if a.kind != "regulator"]
    if not parties and _SITE_OPENS.match(text) and holds_figures(text):
        return _site_cost_facts(context, position)
    if not parties and _EACH_SHARE.match(text) and position > 0:
        # "A, B and C will set up a venture. Each of them will hold 33%": the list told before
        return _each_facts(context, position, parties, [])
    if (
        not parties
        and not _pair_in_the_news(context, sentence)
        and _told_before(context, position) is None
        and not (context.main_subject and _EXECUTIVE.match(text))
    ):
        return []
    denied = lang.DENY.search(text)
    if denied and _REPORT_WORDS.search(text):
        return []  # an amount or stake in a rumour the article reports as denied
    facts = []
    if holds_figures(text):
        facts = _amount_facts(context, position, parties, actors)
        if not facts and _SITE_OPENS.match(text):
            facts = _site_cost_facts(context, position)
    if not denied and _maybe_stake(text):
        facts += _stake_facts(context, position, parties, facts)
    if not denied and ("cross" in text or "other" in text) and _CROSS_HOLDING.search(text):
        facts = _cross_holding_facts(context, position, parties, facts)
    if not denied and "stake" in text:
        facts += _approach_facts(context, position, parties, facts)
    if not denied and " to " in text and ("shares" in text or "stake" in text):
        facts += _issued_to_facts(context, position, parties, facts)
    if not denied:
        facts += _sole_lead_money(
            context,
            position,
            parties,
            round_facts(context, position, parties, facts, _subject, _round_stake),
        )
    if not denied and holds_figures(text):
        facts = _unnamed_round_facts(context, position, parties, facts)
    if not denied and ("50" in text or "equal" in text):
        facts += _equal_venture_facts(context, position, parties, facts)
    if not denied and ("'s" in text or "’s" in text) and _maybe_stake(text):
        facts += _holding_level_facts(context, position, parties, facts)
    if not denied and ("each" in text or "Each" in text or "both" in text):
        facts += _each_facts(context, position, parties, facts)
    if not denied and "respectively" in text:
        facts = _respective_facts(context, position, parties, facts)
        facts = _respective_money(context, position, parties, facts)
    if not denied and "holder" in text:
        facts += _shareholder_facts(context, position, parties, facts)
    if not denied and ("holder" in text or "owner" in text or "partner" in text):
        facts += _holder_with_facts(context, position, parties, facts)
    if not denied and "wholly" in text:
        facts += _full_ownership_facts(context, position, parties, facts)
    if not denied and ("'" in text or "’" in text or " by " in text):
        facts += _deal_noun_facts(context, position, parties, facts)
    if not denied and len(parties) > 1:
        facts += acquisition_facts(context, position, parties, facts, _subject, _round_stake)
    if not denied and len(parties) > 1:
        found = invested_in_facts(
            context, position, parties, facts, _subject, _round_stake, _asides
        )
        # "plans to invest in Y" after "a commitment of €600m from X": the money told already
        facts += [f for f in found if f.investor not in _amount_investors(context)]
    if facts:
        facts = priced_stakes(context, position, facts)
    if facts:
        facts = [f for f in facts if not _history(context, f)]
    if facts and _HEARSAY.search(text):
        deniers = _deniers(context)
        # The rumour's terms, told in an article where the investor or the target denies it.
        facts = [f for f in facts if f.investor not in deniers and f.target not in deniers]
    return facts


# "The plant cost RM82 million to build", "The €1.3 billion plant is expected to ...", "The
# plant, with an initial investment of around 200 million USD, will ...": a sentence about the
# site a company builds, its cost told there and its builder in one of the sentences before.
_SITE_OPENS = re.compile(
    r"(?:The|Its|This)\s+(?:new\s+)?(?:[^\s,]+\s+){0,4}?(?:plant|factory|gigafactory|facility)\b"
)
_SITE_COST_HERE = re.compile(
    r"^(?:The|Its|This)\s+(?:new\s+)?(?P<before>[^,]{0,40}?\d[^,]{0,30}?\s)?"
    r"(?:plant|factory|gigafactory|facility)\b(?P<after>,\s+(?:with|at)\s+an?\s+"
    r"(?:initial\s+|total\s+)?(?:investment|cost)\s+of\b|\s+(?:cost|costs|will\s+cost|"
    r"is\s+expected\s+to\s+cost|is\s+set\s+to\s+cost|would\s+cost)\b)?"
)


_SITE_REACH = 3  # sentences back to the company building the site


def _site_cost_facts(context, position):
    """The cost of the site the sentence opens with, promised by the company the last sentences
    name first (else the article's subject)."""
    sentence = context.sentences[position]
    text = sentence.text
    opens = _SITE_COST_HERE.match(text)
    if opens is None or not (opens.group("before") or opens.group("after")):
        return []
    amounts = find_amounts(text, context.body)
    if opens.group("before"):
        amounts = [a for a in amounts if a.end <= opens.end()]
    else:
        amounts = [a for a in amounts if a.start >= opens.end() and a.start - opens.end() <= 40]
    if not amounts:
        return []
    named = []
    for before in context.sentences[max(0, position - _SITE_REACH) : position][::-1]:
        named = [m for m in context.named_in(before.start, before.end) if m.kind != "regulator"]
        if named:
            break
    if len(named) > 1 and _AND_GAP.fullmatch(context.body, named[0].end, named[1].start):
        return []  # "Toyota and Mazda picked Alabama": the site of both, no one's pledge
    builder = named[0].company if named else context.lead
    if builder is None:
        return []
    first = amounts[0]
    why = (f"a site's cost: {opens.group().strip()}", f"builder: {builder}")
    return [
        _fact(
            context, position, builder, None, first.value, first.currency, "pledge", None, "", why
        )
    ]


def _history(context, fact):
    """A deal the sentence dates over two years before the article, told in the past tense
    ("Daimler bought into BAIC Motor in 2013"): background, not the article's news."""
    on = fact.on
    return bool(
        on
        and (context.published - on).days > _HISTORY_DAYS
        and not _NOW_WORDS.search(fact.sentence)
    )


_HISTORY_DAYS = 730  # as for talks: "last year" stays news
# "said Wednesday it has bought ..., under a tie-up agreed in 2019": news told now.
_NOW_WORDS = re.compile(r"\b(?:is|are|will|now|plans?|planning|has|have)\b", re.IGNORECASE)


def _negated(text, trigger_start):
    """ "did not sign any agreement to invest", "has no investment": not an investment."""
    words = lang.last_words(text, trigger_start, 6)
    return any(w in ("not", "never") or w.endswith("n't") for w in words) or words[-1:] == ["no"]


# A sentence about the deal or money just reported: "The deal, worth €2.2 billion, ...".
_ANAPHORA = re.compile(
    r"(?:The|That|This)\s+(?:money|investment|funding|financing|funds|sum|capital|"
    # "The first tranche will be up to Rs 1,200 crore and the second Rs 725 crore"
    r"(?:(?:first|second|third|initial|final|next)\s+)?(?:tranche|instal?lment)s?|"
    r"(deal|transaction|acquisition|purchase|agreement))\b"
)
# A deal's own price: "The deal, worth €2.2 billion", "is valued at", "comprises", "The
# purchase price is 90 billion won".
_PRICED_AT = re.compile(r"\b(?:worth|valued|value|price|priced|comprises|totals?|costs?)\b", re.I)
_ANAPHORA_REACH = 4  # sentences back to the investment "the deal" stands for


def _told_before(context, position):
    last = context.found.get("last investment")
    if last and 0 <= position - last[0] <= _ANAPHORA_REACH:
        return last[1]
    return None


# What a company spends on its own work (README: "a company's own R&D spend").
_OWN_SPENDING = re.compile(
    r"(?:its\s+own\s+)?(?:research|r\s?&\s?d|electrification|software|development\s+of\s+"
    r"(?:new\s+)?(?:models|vehicles|technolog\w+)|new\s+models|marketing|advertising)\b",
    re.IGNORECASE,
)


def _amount_facts(context, position, parties, actors):
    sentence = context.sentences[position]
    text = sentence.text
    names = [(a.start - sentence.start, a.end - sentence.start) for a in actors if a.named]
    triggers = None
    facts = []
    previous = None  # (investors, target) of the last amount, for tranches "of it"
    here = None  # (investors, target) of the last amount in this sentence
    last = context.found.get("last investment")
    if last and last[0] == position - 1:
        previous = last[1]
    for amount in find_amounts(text, context.body):
        if not_money_put_in(text, amount):
            continue
        if triggers is None:
            triggers = _triggers(text, names)
        at, end = sentence.start + amount.start, sentence.start + amount.end
        tranche = (
            previous is not None
            and len(previous[0]) == 1
            and (
                _TRANCHE_AFTER.match(text, amount.end)
                or _TRANCHE_BEFORE.search(text, max(0, amount.start - 40), amount.start)
            )
        )
        trigger = _nearest_trigger(text, amount.start, amount.end, triggers)
        joint_part = previous is not None and len(previous[0]) > 1
        if joint_part and _TRANCHE_BEFORE.search(text, max(0, amount.start - 40), amount.start):
            continue  # "a combined $2 billion, made up of $1.6 billion": no one's share
        told_before = None
        anaphora = _ANAPHORA.match(text)
        if (
            anaphora
            and not tranche
            and not any(a.start < at for a in parties)
            and (anaphora.group(1) is None or _PRICED_AT.search(text, 0, amount.start))
        ):
            told_before = _told_before(context, position)
        gapped = here is not None and _gapped_investor(context.body, parties, at)
        if gapped:
            investors, target = [gapped], here[1]  # "X will invest $240m in Y and Z $60m"
        elif tranche:
            investors, target = previous
        elif told_before:
            if _told_in_another_currency(context, told_before, amount.currency):
                continue  # "The investment carries total consideration of HK$3.9 billion": the
                # deal told before in dollars, restated (the currency first stated is kept)
            investors, target = told_before  # "The money comprises $750 million up front"
        elif trigger is None or _negated(text, min(trigger.start(), amount.start)):
            continue
        else:
            investors, target = _investors(context, sentence, parties, trigger, at, end)
            if not investors and _IT_OPENS.match(text):
                investors, target = _it_investor(context, position, parties, at, end)
        if not investors:
            continue
        own = target is None and lang.PURPOSE.match(text, amount.end)
        if (
            own
            and _OWN_SPENDING.match(own.group("purpose"))
            and _kind(text, None, None) == "pledge"
        ):
            continue  # "will spend ¥5 trillion on electrification and software": its own R&D
        previous = here = (investors, target)
        context.found["last investment"] = (position, previous)
        _amounts_told(context).setdefault((amount.value, amount.currency), previous)
        _currencies_told(context).setdefault(frozenset(i.company for i in investors), set()).add(
            amount.currency
        )
        clause = text[max(0, amount.start - 80) : amount.end + 80]
        percent = _stake_percent(clause)
        kind = _kind(text, target, percent)
        if kind == "stake":
            _amount_investors(context).update(i.company for i in investors)
            if percent is None:
                paid_into = target.company if target else None
                _amounts_without_percent(context).update((i.company, paid_into) for i in investors)
        purpose = lang.PURPOSE.match(text, amount.end)
        why = (
            f"amount: {text[amount.start : amount.end]}",
            f"investment word: {trigger.group() if trigger else 'a tranche of the amount before'}",
            f"investor: {', '.join(i.company for i in investors)}",
        )
        for investor in investors:
            facts.append(
                _fact(
                    context,
                    position,
                    investor.company,
                    target.company if target else None,
                    amount.value,
                    amount.currency,
                    kind,
                    percent,
                    purpose.group("purpose").strip() if purpose else "",
                    why,
                )
            )
    return facts


# "It has already put an initial $800 million into X": the sentence before names "it".
_IT_OPENS = re.compile(
    r"It\s+(?:(?:has|had|also|already|then|will|would|now)\s+){0,3}(?!is\b|was\b)\w+"
)


def _it_investor(context, position, parties, at, end):
    """The investor of the investment told just before, for a sentence opening with "It"."""
    told = _told_before(context, position)
    recent = told is not None and context.found["last investment"][0] >= position - 1
    if not recent or len(told[0]) != 1:
        return [], None
    investor = told[0][0]
    target = _party_after(context.body, parties, end, 40, _INTO)
    if target is not None and target.company == investor.company:
        target = None
    return [investor], target or told[1]


_INTO = re.compile(r"\b(?:into|in)\s+$")


_GAPPED_MONEY = re.compile(r"(?:,|\band|\bwhile|\bwhereas|\bwith)\s+$")


def _gapped_investor(body, parties, at):
    """ "..., and Kia $60 million": the company right before an amount, its verb left out."""
    for actor in parties:
        if 0 <= at - actor.end <= 2 and actor.named:
            lead = body[max(0, actor.start - 12) : actor.start]
            return actor if _GAPPED_MONEY.search(lead) else None
    return None


def _percent_of(text):
    match = _PERCENT_VALUE.search(text)
    return Decimal(match.group(1)) if match else None


def _last_percent(text, start, end):
    """The percentage nearest before `end`, from `start` on (never half a number: "49.9")."""
    start = max(0, start)
    while start and (text[start - 1].isdigit() or text[start - 1] == "."):
        start -= 1
    found = list(_PERCENT_VALUE.finditer(text, start, end))
    return _upper_end(text, found[-1]) if found else None


def _upper_end(text, match):
    """A percentage read at the top of its range: "30% to 40%", "11-15 per cent" give 40, 15."""
    upper = _RANGE_TOP.match(text, match.end())
    return Decimal((upper or match).group(1))


_RANGE_TOP = re.compile(r"\s*(?:-|–|to)\s*" + ROUGHLY + PERCENT, re.IGNORECASE)


_STAKE_TALKS = re.compile(
    r"\b(?:talks|negotiat\w*|discussions?|discussing)\s+with\s+[^.;]{1,80}?\s(?:over|about|on|for)\s+"
    r"(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$"
)  # matched against the lower-cased sentence
# "a stake in its car business, Evergrande New Energy Vehicle": the business named after it.
_NAMES_ANOTHER = re.compile(
    r"\s*(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:business|unit|arm|division)\s*,\s*"
)


_ONCE_DONE = re.compile(
    r"(?:Once|After|When|Upon)\b[^,]{0,60}?\b(?:complete\w*|clos\w+|goes\s+through|done|"
    r"finali[sz]\w+)\b[^,]{0,20},"
)
# "Tencent, which owns about 60% of Nio": a holding it has now, not the one an amount buys.
# "In return for the investment, X will get a 5.7 percent stake": the money told before buys it.
_IN_RETURN = re.compile(
    r"\b(?:in\s+(?:return|exchange)\s+for|as\s+part\s+of|under)\s+(?:the|that|this|its)\s+"
    r"(?:[\w-]+\s+)?(?:investment|deal|funding|money|injection|agreement|transaction)\b",
    re.IGNORECASE,
)
_HOLDS_NOW = re.compile(r"\b(?:owns|holds|already|currently|existing)\b")
_FOR_THE_STAKE = re.compile(r"\bfor\s+the\s+(?:stake|holding|shares)\b")


def _price_told_next(context, position):
    """Whether one of the next sentences gives the price of the deal just told."""
    for sentence in context.sentences[position + 1 : position + 1 + _ANAPHORA_REACH]:
        text = sentence.text
        if not holds_figures(text):
            continue
        anaphora = _ANAPHORA.match(text)
        priced = anaphora and anaphora.group(1) and _PRICED_AT.search(text)
        if (priced or _FOR_THE_STAKE.search(text)) and find_amounts(text, context.body):
            return True
    return False


def _currencies_told(context):
    """The investors (a frozenset of names) -> the currencies of the amounts told for them."""
    return context.__dict__.setdefault("_currencies_told", {})


def _told_in_another_currency(context, told, currency):
    """Whether the deal `told` (investors, target) already has an amount in another currency."""
    companies = frozenset(i.company for i in told[0])
    return bool(_currencies_told(context).get(companies, set()) - {currency})


def _amounts_told(context):
    """(amount, currency) -> (investors, target) of the amounts the article has told."""
    return context.__dict__.setdefault("_amounts_told", {})


def _amount_investors(context):
    """Investors whose stake the article has told with an amount."""
    return context.__dict__.setdefault("_amount_investors", set())


def _amounts_without_percent(context):
    """(investor, target) of amounts told earlier in the article without the stake they buy."""
    return context.__dict__.setdefault("_amounts_without_percent", set())


_PARTICIPLE_BEFORE = re.compile(r",\s+(?:\w+ly\s+)?$")
_PART_OF_THE_MONEY = re.compile(
    r"(?:(?:Part|Some|Much|Most|All|Half)\s+of\s+the|The\s+(?:money|funds|investment))\b"
)
_BUY_INTO = re.compile(r"\bbuy|\bbought|\bsubscri")
_EACH = re.compile(r"\beach\b", re.IGNORECASE)
_EACH_NEXT = re.compile(r"\s+each\b", re.IGNORECASE)  # "will hold 20 percent each"
_OF_IN = re.compile(r"\s+(?:of|in)\s")
_VERB_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas)\b|;|\b(?:which|who|that)\b")
_OWNERS_STAKE = re.compile(
    r"(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}" + ROUGHLY + PERCENT + r"[\s-]+"
    r"(?:[a-z-]+\s+)?",
    re.IGNORECASE,
)


# "an offer from X to take a stake", "a proposal by X to buy 5%": X would hold the stake.
_OFFER_FROM = re.compile(
    r"\b(?:offer|proposal|bid|approach|request|plan)s?\s+(?:by|from)\s+[^,;.]{1,60}?\s+to\s+"
    r"(?:take|buy|acquire|purchase|build|raise|lift)\b[^,;.]{0,40}$"
)
_OWNERS_BID = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:offer|proposal|bid|approach|plan)s?\s+(?:for|to\s+(?:take|buy|"
    r"acquire|purchase))\b[^,;.]{0,40}$"
)
_BY_OR_FROM = re.compile(r"\b(?:by|from)\s+(?:[\w'’.-]+\s+){0,4}?$", re.IGNORECASE)


def _stake_holders(context, sentence, parties, match, target, after, sized):
    """(investors, target) of the stake phrase `match` (on the lower-cased sentence)."""
    body = context.body
    lowered = fold(sentence.text)
    at, end = sentence.start + match.start(), sentence.start + match.end()
    talks = _STAKE_TALKS.search(lowered, max(0, match.start() - 120), match.start())
    if talks is not None:
        # "Evergrande is negotiating with Xiaomi over a minority stake in its car unit"
        buyer = _party_after(body, parties, sentence.start + talks.start(), 40, _WITH)
        subject, _ = _subject(context, sentence, parties, sentence.start + talks.start())
        if buyer is None or subject is None:
            return [], None
        if target is None:
            named = _NAMES_ANOTHER.match(body, end) and after
            target = after[0] if named else subject
        return [buyer], target
    offer = _OFFER_FROM.search(lowered, max(0, match.start() - 90), match.start())
    bidder = offer and _party_after(body, parties, sentence.start + offer.start(), 60, _BY_OR_FROM)
    owner_bid = (
        None if offer else _OWNERS_BID.search(lowered, max(0, match.start() - 60), match.start())
    )
    if owner_bid is not None:
        # "Daimler rebuffs Geely's bid for a 5% stake": the bid's owner would hold it
        bidders = [a for a in parties if a.end == sentence.start + owner_bid.start()]
        offer, bidder = owner_bid, (bidders[0] if bidders else None)
    if bidder is not None and bidder.end <= at:
        # "Daimler rejected an offer from Geely to take a 5% stake": Geely would hold it
        subject, _ = _subject(context, sentence, parties, sentence.start + offer.start())
        owned = subject if subject is not None and subject.company != bidder.company else None
        return [bidder], target or owned
    # The verb of the stake's own clause ("..., and Renault will move 28.4% of its shares").
    reach = max(0, match.start() - 70)
    breaks = list(_VERB_CLAUSE_BREAK.finditer(lowered, reach, match.start()))
    reach = breaks[-1].end() if breaks else reach
    verbs = list(_TAKING.finditer(lowered, reach, match.start()))
    own_verb = None
    if _OWNS_SHARE_ALONE.match(match.group()):
        own_verb = _TAKING.match(lowered, match.start())  # "holds 45 percent": its own verb
    if _BUY_INTO.search(match.group()):
        verb, verb_at = None, at
    elif own_verb:
        verb, verb_at = own_verb, at
    elif verbs:
        verb, verb_at = verbs[-1], sentence.start + verbs[-1].start()
    else:
        # "Nissan's 51 per cent stake in the plant": a holding told by its owner's name
        owners = [a for a in parties if a.named and _OWNERS_STAKE.fullmatch(body, a.end, at)]
        if owners:
            return [owners[-1]], target
        if not _STAKE_NOUN.search(match.group()):
            return [], None  # "40% of its sales": a share of something else
        # Whatever the verb ("disclosed a 5.4% stake in", "will end up with a stake of"),
        # the stake is held by the clause's subject.
        verb, verb_at = None, at
    if verb is not None and _SELLING.match(verb.group()):
        buyer = _party_after(body, parties, end, 80, _TO)
        if buyer is not None:
            return [buyer], target
        if target is None:
            return [], None
        # "X aims to sell a 4.8% stake in Y", no buyer named: the stake X holds in Y
    subject, speaker = _subject(context, sentence, parties, verb_at)
    antecedent = _antecedent(body, parties, sentence.start, verb_at) if verb else None
    if antecedent is not None:
        subject, speaker = antecedent, None  # "teamed up with X, which owns 20% of it": X's
    if verb is not None and _PARTICIPLE_BEFORE.search(body, sentence.start, verb_at):
        # "X will take up new shares that Y issues, lifting its holding in Y": the main clause's
        first = _candidates(context, sentence, parties, verb_at)
        subject, speaker = (first[0], None) if first else (subject, speaker)
    if subject is None and speaker is not None and _IT_WORD.search(body, speaker.end, end):
        subject = speaker  # "X said buying shares would give it 8.2 percent"
    if subject is None and _PART_OF_THE_MONEY.match(sentence.text):
        # "Part of the 1 billion euros will go toward buying a 50 percent stake": that money's
        amounts = find_amounts(sentence.text[: match.start()], body)
        told = (
            _amounts_told(context).get((amounts[0].value, amounts[0].currency)) if amounts else None
        )
        if told:
            return told[0], target
    if subject is None and verb is not None and _OWNING.match(verb.group()):
        # "Each side will own 50% of the new venture": the pair the article is about
        pair = _pair(context, sentence, parties, 0, verb_at)
        if pair and len(pair) == 2 and _EACH.search(lowered, 0, match.start()):
            return pair, target
    if subject is None or _PERSON_AFTER.match(body, subject.end):
        return [], None  # "Geely's chairman Li Shufu owns a 9.69% stake": a person's own
    if verb is not None:
        subject = _next_subject(body, parties, subject, verb_at)
    if target is not None and subject.company == target.company:
        # "the group" read as the subject itself, or "Renault ... a stake in Renault Nissan
        # India" (a longer name): the stake's target is left open
        target = None  # "Renault ... a stake in Renault Nissan India": a longer name
    between = body[subject.end : verb_at]
    if _CLAUSE_END.search(between) or _PAIR_WORDS.search(between):
        return [], None
    if (
        own_verb
        and not subject.named
        and _IN_WHICH.search(body, max(0, subject.start - 20), subject.start)
    ):
        return [], None  # "the unit in which it holds 92%": "it" is too far to resolve
    investors = _group(body, parties, subject)
    # "A, B, C and D will acquire shareholding in X": each; "A and B hold 45%", "A, B and C
    # will sell a combined stake": the first
    each = _EACH.search(body, investors[-1].end, end) or _EACH_NEXT.match(body, end)
    selling = verb is not None and _SELLING.match(verb.group())
    if not each and (sized or selling or len(investors) < 3):
        investors = [_parent(body, parties, subject)]
    return investors, target


# Right before a verb: its auxiliaries ("will", "has also").
_AUXILIARIES = re.compile(
    r"\s+(?:(?:will|would|shall|is|are|was|were|has|have|had|can|could|may|might|also|then|"
    r"now|still)\s+)*"
)


def _next_subject(body, parties, subject, verb_at):
    """ "X will own 10% and Y will keep 90%": the company opening the verb's own clause after
    "and", when it is not one of the subject's list ("X and Y will each hold 50%")."""
    group = _group(body, parties, subject)
    between = [a for a in parties if subject.end <= a.start and a.end <= verb_at]
    actor = between[-1] if between else None
    if (
        actor is not None
        and actor.named
        and actor not in group
        and _AUXILIARIES.fullmatch(body, actor.end, verb_at)
        and _AND_BEFORE.search(body, subject.end, actor.start)
    ):
        return actor
    return subject


_AND_BEFORE = re.compile(r"\s(?:and|while|whereas)\s+(?:the\s+)?$")


def _stake_facts(context, position, parties, amount_facts):
    """Stakes named without an amount ("a 40% stake in", "buying into", "51% owned by")."""
    sentence = context.sentences[position]
    text = sentence.text
    body = context.body
    facts = []
    lowered = fold(text)
    for match in _STAKE_PHRASE.finditer(lowered):
        phrase = match.group()
        if _BARE_STAKE_ALONE.fullmatch(phrase) and (
            _NOT_BOUGHT.search(lowered, 0, match.start()) or not _VENTURE.search(text)
        ):
            continue  # "sold ..., a 49.9% stake"; a bare stake only in a venture being formed
        # The holding's own rise or fall ("will rise to 62.5%") is left out of the window.
        moves = _HOLDING_MOVES_TO.match(lowered, match.end())
        rest = moves.end() if moves else match.end()
        before = lowered[max(0, match.start() - 30) : match.end()]
        window = f"{before} {lowered[rest : match.end() + 35]}"
        if _NOT_A_STAKE.search(window):
            continue
        share_of = _SHARE_OF_WHAT.match(text, match.end() - (3 if phrase.endswith(" of") else 0))
        if share_of and _NOT_OWNED.search(share_of.group().lower()):
            continue  # "controls 46 percent of the country's car sales": a share of a market
        if _CONDITION.search(lowered, max(0, match.start() - 80), match.start()):
            continue  # "loans granted on condition that X owns more than 51%": a term, not a stake
        end = sentence.start + match.end()
        owner_next = phrase.endswith(" by") or _GOES_TO_END.search(phrase)
        percent = _percent_of(phrase) if owner_next else None
        ends_at = _ENDS_AT_PERCENT.search(phrase)
        percent = percent or (Decimal(ends_at.group(1)) if ends_at else None)
        percent = percent or _last_percent(text, match.start() - 25, match.end())
        moved = not (owner_next or ends_at) and _MOVES_A_STAKE.search(
            lowered, max(0, match.start() - 45), match.start()
        )
        moved = moved and holds_figures(moved.group())  # the size moved is told with the verb
        raised_to = _RAISED_TO.match(text, match.end()) if moved and percent is not None else None
        if raised_to and not _ANOTHER_CLAUSE.search(raised_to.group()):
            percent = Decimal(raised_to.group(1))  # "cut its 43% stake in Nissan to 15%"
        if percent is None and not _negated(text, match.start()):
            # "does not plan to raise its stake in Daimler above 10%": no stake of that size
            rest = _APPROXIMATELY.sub("", text[match.end() :].lstrip())
            later = _PERCENT_VALUE.match(rest)
            raised = None if later else _RAISED_TO.match(text, match.end())
            percent = _upper_end(rest, later) if later else None
            percent = percent or (Decimal(raised.group(1)) if raised else None)
        if percent is None and not _negated(text, match.start()):
            percent = _worded_percent(text, match.start() - 25, match.end() + 25)
        if percent is not None and not 0 < percent <= 100:
            continue
        after = [a for a in parties if a.start >= end and a.start - end <= 60]
        gap = body[end : after[0].start] if after else ""
        near = after and len(gap) <= 30 and not _NOT_THE_TARGET.search(gap)
        target = after[0] if near else None
        if target is None and not owner_next:
            target = _former_or_latter(parties, end, lowered, match.end())
        if owner_next:
            # "51% owned by X", "with 90% held by X", "45 percent by X, 40 percent by Y"
            investors = [a for a in after[:1] if _OWNER_LEAD.fullmatch(body, end, a.start)]
            target = None
        else:
            investors, target = _stake_holders(
                context, sentence, parties, match, target, after, percent is not None
            )
        if not investors:
            continue
        if target is None and percent is None:
            continue  # "a stake in the venture": nothing to record
        if (
            percent is None
            and _SHEDDING.search(lowered, max(0, match.start() - 60), match.start())
            and _party_after(body, parties, end, 80, _TO) is None
        ):
            continue  # "will slash its holding in Nissan": a holding given up, of no size
        if (
            percent is None
            and phrase.startswith("interest")
            and not _OWNERSHIP_INTEREST.search(lowered, max(0, match.start() - 25), match.start())
        ):
            continue  # "Volkswagen's interest in Ford's pickup know-how": curiosity, not equity
        if percent is None and _HOLDS_UNSIZED.search(
            lowered, max(0, match.start() - 40), match.start()
        ):
            continue  # "Renault holds a stake in Nissan": an existing holding told in passing
        kind = "joint_venture" if _VENTURE.search(text) else "stake"
        target_name = target.company if target else None
        told = context.__dict__.setdefault("_stakes_told", set())
        for investor in investors:
            if any(f.investor == investor.company for f in amount_facts):
                continue  # the amount's fact already stands for this stake
            if any(_same_stake(f, investor.company, percent) for f in facts):
                continue  # told twice in one sentence ("a 5% holding ..., the holding")
            if kind == "joint_venture" and _funds_the_venture(context, investor.company):
                continue
            if percent is not None and (investor.company, percent) in told:
                continue  # the same stake told again ("a 4-5pc stake in the German maker")
            if (
                percent is not None
                and any(
                    company == investor.company
                    and (target_name in (None, paid_into) or _IN_RETURN.search(text))
                    for company, paid_into in _amounts_without_percent(context)
                )
                and not _HOLDS_NOW.search(lowered, max(0, match.start() - 60), match.start())
            ):
                continue  # "investing $2.2 billion ... CYVN will own about 20.1%": one stake
            if _ONCE_DONE.match(text) and investor.company in _amount_investors(context):
                continue  # "Once the subscription is complete, X will hold 21.07%": its result
            if percent is not None and _price_told_next(context, position):
                continue  # "a 34% stake ... The deal is valued at 237bn yen": one fact
            told.add((investor.company, percent))
            facts.append(
                _fact(
                    context,
                    position,
                    investor.company,
                    target_name,
                    None,
                    None,
                    kind,
                    percent,
                    "",
                    (f"stake wording: {phrase}", f"investor: {investor.company}"),
                )
            )
        if all(getattr(i, "named", False) for i in investors):
            context.found["last investment"] = (position, (investors, target))
        facts += _gapped_facts(context, position, parties, match.end(), target_name, kind, facts)
    return facts


# "sell all of its holding in", "will slash its stake in": the subject gives a holding up.
_SHEDDING = re.compile(
    r"\b(?:sell(?:s|ing)?|sold|offload\w*|divest\w*|dispos\w+\s+of|cut(?:s|ting)?|slash\w*|"
    r"reduc\w*|trim\w*|lower\w*|par(?:e|es|ed|ing)|unload\w*|exit\w*)\s+"
    r"(?:(?:all|part|some|half|most|the\s+rest)\s+of\s+)?(?:its|their|the)\s+(?:[\w-]+\s+){0,2}$"
)  # matched against the lower-cased sentence


_FORMER_OR_LATTER = re.compile(r"\s*(?:\S+\s+){0,3}?the\s+(former|latter)\b")


def _former_or_latter(parties, end, lowered, at):
    """ "Tesla and Glencore held talks about Tesla acquiring 10% of the latter": of the two
    companies named last before the stake, the second (or, for "the former", the first)."""
    which = _FORMER_OR_LATTER.match(lowered, at)
    if which is None:
        return None
    named = []
    for actor in parties:
        if actor.end <= end and actor.named and actor.company not in [a.company for a in named]:
            named.append(actor)
    if len(named) < 2:
        return None
    return named[-1] if which.group(1) == "latter" else named[-2]


# "a controlling interest in", "a minority interest in": equity, where a bare "interest in" is
# only wanting it.
_OWNERSHIP_INTEREST = re.compile(
    r"\b(?:controlling|minority|majority|ownership|economic|financial|equity|voting)\s+$"
)
# "holds a minority stake in", "owns shares in": a holding the investor already has.
_HOLDS_UNSIZED = re.compile(r"\b(?:holds|owns)\s+(?:(?:a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}$")


def _same_stake(fact, investor, percent):
    """Whether `fact` already tells `investor`'s stake in this sentence. A second percent for
    the same investor ("a 5% holding, 2.48% held directly") is left out too: read as a stake of
    its own it lifted the development score but added a false find on the fresh batch."""
    return fact.investor == investor


# "Peugeot's acquisition of Opel", "PSA's agreement to buy GM's European operations".
_POSSESSIVE_DEAL = re.compile(
    r"(?:'s|’s|(?<=s)'|(?<=s)’)\s+(?:[a-z][\w-]*\s+){0,2}?(?:(?:acquisition|purchase|takeover|buyout)\s+of|"
    r"(?:agreement|deal|plan|offer|bid|proposal|move|decision)\s+to\s+"
    r"(?:buy|acquire|purchase|take\s+over))\s+"
)
# "the acquisition by JICC, an affiliate of X, of 20 per cent of": the buyer after "by".
_DEAL_BY = re.compile(r"\b(?:acquisition|purchase|takeover|buyout)\s+by\s+")
_OF_AFTER_AGENT = re.compile(r"(?:\s*,[^,;]{1,80},)?\s+of\s+")
_OWNER_OF = re.compile(r"(?:'s|’s|')\s")  # "General Motors' European operations"
_TARGET_LEAD = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$")
# "a further 6.6 per cent of the voting rights in", "a 49 per cent stake in": a share of it.
_SHARE_LEAD = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:further\s+|another\s+|additional\s+)?"
    + ROUGHLY
    + PERCENT
    + r"[^,;]{0,50}?\b(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _terms_told_elsewhere(context, position, company):
    """Whether the article gives the terms of `company`'s deal in another sentence: the price
    in one of the next ("The deal, worth ..."), or an amount in a sentence naming it."""
    if _price_told_next(context, position):
        return True
    for other, sentence in enumerate(context.sentences):
        if other == position or not sentence.running or not holds_figures(sentence.text):
            continue
        named = context.named_in(sentence.start, sentence.end)
        if (
            any(m.company == company for m in named)
            and find_amounts(sentence.text)
            and (lang.INVEST.present(sentence.text) or _MORE_TRIGGERS.search(fold(sentence.text)))
        ):
            return True
    return False


def _deal_noun_facts(context, position, parties, facts):
    """A deal told as a noun, its buyer as owner or agent: "X's acquisition of Y", "the
    purchase by X of 20% of Y". Without terms here it is a stake; a later "The deal, worth
    €2.2 billion" gives its amount."""
    sentence = context.sentences[position]
    body = context.body
    found = []
    deals = [(m, "owner") for m in _POSSESSIVE_DEAL.finditer(sentence.text)]
    deals += [(m, "agent") for m in _DEAL_BY.finditer(sentence.text)]
    for match, how in deals:
        at, end = sentence.start + match.start(), sentence.start + match.end()
        if how == "owner":
            buyers = [a for a in parties if a.end == at and a.named]
        else:
            buyers = [a for a in parties if a.start == end and a.named]
            after = _OF_AFTER_AGENT.match(body, buyers[0].end) if buyers else None
            if after is None:
                continue
            buyers, end = [_parent(body, parties, buyers[0])], after.end()
        targets = [a for a in parties if a.start >= end and not _OWNER_OF.match(body, a.end)]
        if not buyers or not targets or buyers[0].company == targets[0].company:
            continue
        buyer, target = buyers[0], targets[0]
        lead = body[end : target.start]
        share = _SHARE_LEAD.match(lead)
        if not (share or _TARGET_LEAD.match(lead)):
            continue
        if how == "owner" and not share:
            context.found["last investment"] = (position, ([buyer], target))
        percent = Decimal(share.group(1)) if share else None
        if any(_same_stake(f, buyer.company, percent) for f in facts + found):
            continue
        if percent is None and how != "agent" and "acquisition" not in match.group():
            continue  # "X's plan to buy Y": its terms, if any, follow; only a takeover is told
        if percent is None and _terms_told_elsewhere(context, position, buyer.company):
            continue  # "Peugeot's acquisition of Opel ... The deal, worth €2.2 billion": one deal
        why = (f"deal noun: {match.group().strip()}", f"investor: {buyer.company}")
        buyer, target = buyer.company, target.company
        found.append(_fact(context, position, buyer, target, None, None, "stake", percent, "", why))
    return found


# "make Daihatsu, Suzuki's main rival, a wholly owned subsidiary": all of it.
_WHOLLY_OWNED = re.compile(r"\b(?:a|an|its)\s+wholly[\s-]+owned\s+(?:subsidiary|unit)\b", re.I)
_MAKE_BEFORE = re.compile(r"\b(?:make|makes|making|made|turn|turns|turning|turned)\s+$", re.I)
_AFTER_TARGET = re.compile(r"(?:\s*,[^,]{1,60},|\s+into)?\s*$")


def _full_ownership_facts(context, position, parties, facts):
    sentence = context.sentences[position]
    body = context.body
    found = []
    for match in _WHOLLY_OWNED.finditer(sentence.text):
        at = sentence.start + match.start()
        targets = [a for a in parties if a.end <= at and _AFTER_TARGET.fullmatch(body, a.end, at)]
        if not targets:
            continue
        target = targets[-1]
        verb = _MAKE_BEFORE.search(body, max(sentence.start, target.start - 12), target.start)
        if verb is None:
            continue
        subject, _ = _subject(context, sentence, parties, verb.start())
        if subject is None or subject.company == target.company:
            continue
        if any(f.investor == subject.company for f in facts + found):
            continue
        why = (f"full ownership: {match.group()}", f"investor: {subject.company}")
        found.append(
            _stake_without_amount(
                context, position, subject.company, target.company, Decimal(100), why
            )
        )
    return found


# Shares told as owned equally: "the venture the two will own 50-50", "owned 50:50 by",
# "equally owned", "in equal shares", "X and Y are forming a 50-50 joint venture".
_EQUAL = re.compile(
    r"\b(?:own|owns|owned|owning|hold|holds|held|holding|split)\s+(?:it\s+|them\s+)?"
    r"(?:50\s?[-:/]\s?50|equally|fifty-fifty)\b|\b(?:50\s?[-:/]\s?50|equally)[\s-]+owned\b|"
    r"\bequal\s+(?:shares|stakes)\b|"
    # "a 50:50 joint venture between X and Y": its owners named right after it
    r"\b(?P<before_noun>50\s?[-:/]\s?50|fifty-fifty|equal|equally[\s-]owned)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:joint[\s-]+venture|JV|venture)\b",
    re.IGNORECASE,
)
_BY_PAIR = re.compile(r"\s+(?:by|between)\s+")


def _equal_venture_facts(context, position, parties, facts):
    """Each partner's half of a venture told as equally owned: a fact of its own when its amount
    is not given, else the half added to the partner's money in `facts` (changed in place)."""
    sentence = context.sentences[position]
    text = sentence.text
    equal = _EQUAL.search(text)
    if equal is None or not _VENTURE.search(text):
        return []
    body = context.body
    at, end = sentence.start + equal.start(), sentence.start + equal.end()
    owners = [a for a in parties if a.start >= end and _BY_PAIR.fullmatch(body, end, a.start)]
    if owners:
        group = _group(body, parties, owners[0])  # "owned 50-50 by X and Y"
    elif equal.group("before_noun") and _BY_PAIR.match(body, end):
        return []  # "a 50-50 joint venture between" someone the list does not know
    else:
        subject, _ = _subject(context, sentence, parties, at)
        group = _group(body, parties, subject) if subject else []
        if len(group) == 1:
            partner = _party_after(body, parties, end, 70, _WITH)  # "X sets up a 50:50 JV with Y"
            group = [*group, partner] if partner else _pair(context, sentence, parties, 0, at)
        elif not group:
            group = _pair(context, sentence, parties, 0, at)
    companies = list(dict.fromkeys(g.company for g in group or []))
    if not companies and _pair_in_the_news(context, sentence):
        companies = list(_pair_in_the_news(context, sentence))  # "the 50-50 venture"
    if len(companies) != 2:
        return []
    found = []
    for company in companies:
        # "each put $1 billion into a 50-50 venture": the half goes with that money
        for index, fact in enumerate(facts):
            if fact.investor == company and fact.kind == "joint_venture" and not fact.stake_percent:
                facts[index] = replace(fact, stake_percent=Decimal(50))
        if any(f.investor == company for f in facts) or _funds_the_venture(context, company):
            continue
        why = (f"equal shares: {equal.group()}", f"investor: {company}")
        found.append(
            _fact(
                context, position, company, None, None, None, "joint_venture", Decimal(50), "", why
            )
        )
    return found


# "lifts Hero's holding in Ather to 34.58%", "Tencent's holding in Nio will rise to 20.1%",
# "lower Nissan's stake in Mitsubishi from 34% to 27%", "Toyota's total stake in Denso will
# reach 20%": the level an owner's holding, named by its owner, moves to.
_OWNERS_HOLDING_IN = re.compile(
    r"(?:'s|’s)\s+(?:(?:total|combined|current|existing|direct|overall)\s+)?"
    r"(?:stake|holding|shareholding|ownership)\s+(?:in|of)\s+(?:the\s+)?"
)
_MOVES_TO = re.compile(
    r"(?:[^.;%]|(?<=\d)[.%]){0,70}?\b(?:to|reach(?:es|ed|ing)?)\s+" + ROUGHLY + PERCENT,
    re.IGNORECASE,
)


def _holding_level_facts(context, position, parties, facts):
    """The stake an owner's holding, told with its owner's name, is taken to."""
    body = context.body
    sentence = context.sentences[position]
    found = []
    for owner in parties:
        lead = _OWNERS_HOLDING_IN.match(body, owner.end, sentence.end)
        if lead is None or not owner.named:
            continue
        target = next((a for a in parties if a.start == lead.end()), None)
        if target is None or target.company == owner.company:
            continue
        moved = _MOVES_TO.match(body, target.end, sentence.end)
        if moved is None or _negated(body, owner.start):
            continue
        percent = Decimal(moved.group(1))
        if not 0 < percent <= 100 or any(f.investor == owner.company for f in facts):
            continue
        kind = "joint_venture" if _VENTURE.search(sentence.text) else "stake"
        why = (f"holding level: {body[owner.start : moved.end()]}", f"investor: {owner.company}")
        found.append(
            _fact(
                context, position, owner.company, target.company, None, None, kind, percent, "", why
            )
        )
    return found


# "X and Y will hold 51% and 49% respectively", "with X and Y owning 60 and 40 percent of it,
# respectively": a share for each company of the list, in order.
_RESPECTIVE = re.compile(
    r"\b(?:own|owns|owned|owning|hold|holds|held|holding|control|controls|controlling|"
    r"tak(?:e|es|ing)|took|ha(?:ve|s|ving)|get|gets|getting)\s+(?:stakes?\s+of\s+)?"
    r"(?P<shares>(?:\d{1,3}(?:\.\d+)?\s*(?:%|percent|per\s+cent)?\s*(?:,|,?\s*and)\s*)+"
    + PERCENT
    + r")[^.;%]{0,60}?\brespectively\b",
    re.IGNORECASE,
)
_SHARE_NUMBER = re.compile(r"\d{1,3}(?:\.\d+)?")


def _respective_facts(context, position, parties, facts):
    """Each company of the list before the verb with its share, told in order and
    "respectively", in place of the stakes read for them one by one."""
    sentence = context.sentences[position]
    text = sentence.text
    body = context.body
    shares = _RESPECTIVE.search(text)
    if shares is None or _NOT_A_STAKE.search(text[shares.start() : shares.end()].lower()):
        return facts
    verb_at = sentence.start + shares.start()
    before = [a for a in parties if a.named and a.end <= verb_at and verb_at - a.end <= 40]
    group = before[-1:]
    for actor in reversed([a for a in parties if a.named and a.end <= verb_at]):
        if group and actor.end <= group[0].start:
            if not _COORDINATION_GAP.fullmatch(body, actor.end, group[0].start):
                break
            group.insert(0, actor)
    percents = [Decimal(n) for n in _SHARE_NUMBER.findall(shares.group("shares"))]
    companies = list(dict.fromkeys(g.company for g in group))
    if len(companies) < 2 or len(companies) != len(percents) or sum(percents) > 100:
        return facts
    kind = "joint_venture" if _VENTURE.search(text) else "stake"
    after = [a for a in parties if a.start >= sentence.start + shares.end()]
    target = None
    if kind == "stake" and after and _IN_OR_OF.match(body, sentence.start + shares.end()):
        target = after[0].company
    kept = [f for f in facts if f.amount is not None or f.investor not in companies]
    for company, percent in zip(companies, percents, strict=True):
        if any(f.investor == company for f in kept):
            continue
        why = (f"respective shares: {shares.group()}", f"investor: {company}")
        held = None if target == company else target
        kept.append(_fact(context, position, company, held, None, None, kind, percent, "", why))
    return kept


# Between two amounts of a list: "$30 million and $20 million", "up to €600m and up to €200m".
_AMOUNT_LIST_GAP = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)"
    rf"(?:(?:{APPROXIMATELY}|another)\s+)*"
)
_RESPECTIVELY_AFTER = re.compile(r"[^.;]{0,40}?\brespectively\b")


def _respective_money(context, position, parties, facts):
    """ "X and Y put in $30 million and $20 million, respectively": each company of the list
    before the amounts with its own amount, in order, in place of one amount read for all."""
    sentence = context.sentences[position]
    text = sentence.text
    body = context.body
    amounts = [a for a in find_amounts(text, body) if not not_money_put_in(text, a)]
    chain = []
    for amount in amounts:
        if chain and not _AMOUNT_LIST_GAP.fullmatch(text, chain[-1].end, amount.start):
            if len(chain) > 1:
                break
            chain = []
        chain.append(amount)
    if len(chain) < 2 or not _RESPECTIVELY_AFTER.match(text, chain[-1].end):
        return facts
    first_at = sentence.start + chain[0].start
    named = [a for a in parties if a.named and a.end <= first_at]
    if not named or first_at - named[-1].end > 60:
        return facts
    group = [named[-1]]
    for actor in reversed(named[:-1]):
        if not _COORDINATION_GAP.fullmatch(body, actor.end, group[0].start):
            break
        group.insert(0, actor)
    companies = list(dict.fromkeys(g.company for g in group))
    if len(companies) != len(chain):
        return facts
    values = {(a.value, a.currency) for a in chain}
    templates = [f for f in facts if f.investor in companies and (f.amount, f.currency) in values]
    if not templates:
        return facts
    kept = [f for f in facts if f not in templates]
    for company, amount in zip(companies, chain, strict=True):
        own = [f for f in templates if f.investor == company] or templates
        why = (*own[0].why, f"respective amounts: {company} {text[amount.start : amount.end]}")
        money = {"amount": amount.value, "currency": amount.currency}
        kept.append(replace(own[0], investor=company, **money, why=why))
    return kept


_IN_OR_OF = re.compile(r"\s+(?:in|of)\s+")

# "Toyota and Daimler said each will own a quarter of it", "Each of the companies holds 19% of
# the shares", "Each of the two carmakers would end up with a 50 percent stake in Argo": the
# same share for every member of the list the sentence (or the one before) names.
_EACH_SHARE = re.compile(
    r"\b(?:each|both)\s+(?:(?:side|partner|company|party)\s+)?"
    r"(?:of\s+(?:them|the\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+)?"
    r"(?:(?:will|would|shall|is\s+to|are\s+to|is\s+set\s+to)\s+)?"
    r"(?:own|hold|take|have|get|keep|end\s+up\s+with|contribute|owning|holding|taking|having|"
    r"contributing)s?\s+(?:an?\s+)?(?:equal\s+)?"
    r"(?:stake\s+of\s+)?"
    + ROUGHLY
    + r"(?:"
    + PERCENT
    + r"|(?P<fraction>a\s+quarter|a\s+third|half)\s+of\b)",
    re.IGNORECASE,
)
_HELD_IN = re.compile(r"(?:[\s-]+(?:stake|holding|interest|share)s?)?\s+(?:in|of)\s+(?:the\s+)?")
_FRACTIONS = {"quarter": Decimal(25), "third": Decimal("33.33"), "half": Decimal(50)}


def _each_facts(context, position, parties, facts):
    """The share told once for each member of a list of companies."""
    sentence = context.sentences[position]
    each = _EACH_SHARE.search(sentence.text)
    if each is None:
        return []
    body = context.body
    at = sentence.start + each.start()
    group = _last_list([a for a in parties if a.end <= at], body)
    if len(group) < 2 and position > 0:
        before = context.sentences[position - 1]
        mentions = [m for m in context.named_in(before.start, before.end) if m.kind != "regulator"]
        group = _last_list(mentions, body)
    companies = list(dict.fromkeys(g.company for g in group))
    if len(companies) < 2 and _PAIR_WORDS.search(sentence.text, 0, each.end()):
        companies = list(_pair_in_the_news(context, sentence) or ())
    fraction = each.group("fraction")
    percent = _FRACTIONS[fraction.split()[-1].lower()] if fraction else Decimal(each.group(1))
    if len(companies) < 2 or percent * len(companies) > 101:
        return []
    after = [a for a in parties if a.start >= sentence.start + each.end()]
    target = None
    held_in = _HELD_IN.match(body, sentence.start + each.end())
    if after and held_in and after[0].start == held_in.end():
        target = after[0].company
    previous = context.sentences[position - 1].text if position else ""
    venture = _VENTURE.search(sentence.text) or _VENTURE.search(previous)
    kind = "joint_venture" if venture else "stake"
    found = []
    for company in companies:
        for i, fact in enumerate(facts):
            if fact.investor == company and fact.amount is not None and fact.stake_percent is None:
                # "X and Y will invest $1bn, with each side contributing 50%": the money's share
                facts[i] = replace(fact, stake_percent=percent, why=(*fact.why, each.group()))
        if company == target or any(f.investor == company for f in facts):
            continue
        why = (f"the same share each: {each.group()}", f"investor: {company}")
        found.append(_fact(context, position, company, target, None, None, kind, percent, "", why))
    return found


def _last_list(actors, body):
    """The last coordinated list of two or more companies among `actors`, in text order."""
    best = []
    for actor in actors:
        group = _group(body, actors, actor)
        if len(group) >= 2 and (not best or group[0].start > best[-1].end):
            best = group
    return best


# "will become Leapmotor's largest shareholder with about 21%", "became the biggest
# shareholder in Daimler": a stake in that company, of the size told after it if any ("is
# already the largest shareholder" tells a holding in passing: left out).
_TOP_SHAREHOLDER = re.compile(
    r"\b(?:become|becomes|became|becoming)\s+(?:now\s+|also\s+)?(?:the\s+|its\s+|a\s+)?(?:[\w.&-]+(?:'s|’s)?\s+){0,3}?"
    r"(?:largest|biggest|single-largest|second-largest|third-largest|top|controlling|main)\s+"
    r"(?:single\s+)?(?:shareholder|stakeholder)\b"
)
# "of Chinese battery maker Gotion": the company may come with a few words describing it.
_IN_OR_OF_DESCRIBED = re.compile(
    r"\s+(?:in|of)\s+(?:(?!(?:that|which|who|whose|and|or|with|its|their|the)\b)[\w-]+\s+){0,5}"
)
# "with about 21%", "after building up a 9.69% stake": the size told right after.
_SIZE_NEXT = re.compile(r"(?:[^;.]|\.(?=\d)){0,60}?(?<![\d.])" + PERCENT, re.IGNORECASE)


def _shareholder_facts(context, position, parties, facts):
    """A company told to become (or be) another's largest shareholder: a stake in it."""
    sentence = context.sentences[position]
    body = context.body
    found = []
    for match in _TOP_SHAREHOLDER.finditer(sentence.text):
        at, end = sentence.start + match.start(), sentence.start + match.end()
        owned = [
            a for a in parties if a.start >= at and a.end <= end and lang.OWNED.match(body, a.end)
        ]
        after = [
            a
            for a in parties
            if a.start > end and _IN_OR_OF_DESCRIBED.fullmatch(body, end, a.start)
        ]
        target = (owned or after or [None])[0]
        subject, _ = _subject(context, sentence, parties, at)
        if target is None or subject is None or subject.company == target.company:
            continue
        if any(f.investor == subject.company for f in facts + found):
            continue
        size = _SIZE_NEXT.match(body, after[0].end if after else end)
        percent = Decimal(size.group(1)) if size else None
        why = (f"shareholder: {match.group()}", f"investor: {subject.company}")
        found.append(
            _stake_without_amount(context, position, subject.company, target.company, percent, why)
        )
    return found


# "X will be the majority owner with 70%", "with X the minority shareholder at 49%", "X is a
# founding partner with a 19 percent stake": the share the owner named before it holds.
_HOLDER_WITH = re.compile(
    r"\b(?:owner|shareholder|stakeholder|holder|partner)\s*,?\s+(?:with|at|holding|owning)\s+"
    r"(?:an?\s+)?" + ROUGHLY + PERCENT,
    re.IGNORECASE,
)
# Between the holder and its role: "will be the majority", "the minority", "is Y's biggest"
# (no clause between: "X, which is the largest" tells of X's neighbour; "will remain the
# controlling shareholder" tells of a holding kept, no deal).
_HOLDER_LEAD = re.compile(
    r"\s+(?:(?:is|was|will\s+be|would\s+be|becomes|became)\s+)?(?:now\s+)?"
    r"(?:(?!(?:which|who|that|remain\w*|still|already)\b)[\w'’.-]+\s+){1,5}"
)
# "Uber's biggest shareholder with": the company it holds shares in.
_HOLDER_OF = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}$")


def _holder_with_facts(context, position, parties, facts):
    """The share an owner or shareholder is said to hold "with" or "at" a percentage."""
    sentence = context.sentences[position]
    body = context.body
    found = []
    for match in _HOLDER_WITH.finditer(sentence.text):
        at = sentence.start + match.start()
        before = [a for a in parties if a.end <= at and at - a.end <= 60]
        owned = before.pop() if before and _HOLDER_OF.fullmatch(body, before[-1].end, at) else None
        holder = before[-1] if before else None
        if holder is None or not _HOLDER_LEAD.fullmatch(body, holder.end, at):
            continue  # "Musk is its largest shareholder", "X, which is the largest holder"
        if owned is not None and owned.company == holder.company:
            continue
        # "X is Y's biggest shareholder with 16%": a holding Y's name describes, told in
        # passing; read without Y, it makes no new partnership of X and Y
        percent = Decimal(match.group(1))
        if not 0 < percent <= 100 or any(f.investor == holder.company for f in facts + found):
            continue
        kind = "joint_venture" if _VENTURE.search(sentence.text) else "stake"
        why = (f"holder with: {match.group()}", f"investor: {holder.company}")
        found.append(
            _fact(context, position, holder.company, None, None, None, kind, percent, "", why)
        )
    return found


# Stakes two companies hold in each other: "cross-shareholdings of 15%", "each take a 4.6%
# stake in the other".
_CROSS_HOLDING = re.compile(
    r"\bcross[\s-]?(?:share)?holdings?\b|\b(?:stakes?|holdings?|shares|shareholdings?)\s+in\s+"
    r"(?:each\s+other|one\s+another|the\s+other)\b",
    re.IGNORECASE,
)
_BOTH_OF_THEM = re.compile(
    r"\b(?:they|their|both|the\s+(?:two|pair|partners|carmakers|automakers|companies))\b",
    re.IGNORECASE,
)
_TO_PERCENT = re.compile(r"\b(?:to|at)\s+" + ROUGHLY + PERCENT, re.IGNORECASE)


# "X approached Y about buying a stake", "X is in talks with Y over taking a 10% stake": the
# stake X would take is one in Y, the company it approached.
_APPROACH_LEAD = re.compile(
    r"\b(?:approach(?:ed|es|ing)?|sounded\s+out|(?:talks|negotiations|discussions)\s+with)\s+"
    r"(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?$",
    re.IGNORECASE,
)
ROUGHLY_A_STAKE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:directly\s+)?(?:about|over|on|regarding)\s+(?:possibly\s+)?"
    r"(?:buying|taking|acquiring|a\s+possible|an?\s+potential)\s+(?:an?\s+)?"
    r"(?:(?:minority|majority|controlling|sizeable|significant|small|big)\s+|"
    r"\d[\d.]*\s*(?:%|per\s*cent|percent)\s+)?(?:equity\s+)?stake\b(?!\s+(?:in|of)\b)",
    re.IGNORECASE,
)


_SAID_TO = re.compile(
    r"\s+(?:is|was|are|were|has\s+been|had\s+been)\s+(?:said|reported|understood|believed)\s+to\b"
)


def _approach_facts(context, position, parties, facts):
    """A stake in the company approached about one, for the one that approached it."""
    sentence = context.sentences[position]
    body = context.body
    found = []
    for target in parties:
        lead = _APPROACH_LEAD.search(body, max(sentence.start, target.start - 40), target.start)
        about = ROUGHLY_A_STAKE.match(body, target.end)
        if lead is None or about is None or not target.named:
            continue
        subject, speaker = _subject(context, sentence, parties, lead.start())
        if subject is None and speaker is not None and _SAID_TO.match(body, speaker.end):
            subject = speaker  # "X is said to have approached Y": X is the one reported on
        if subject is None or subject.company == target.company:
            continue
        if any(f.investor == subject.company for f in facts + found):
            continue
        percent = _percent_of(about.group())
        why = (f"approached about a stake: {about.group().strip()}", f"investor: {subject.company}")
        found.append(
            _stake_without_amount(context, position, subject.company, target.company, percent, why)
        )
    return found


# "Y will issue new shares to X", "Y is expected to sell a 50% stake to X": a company's own
# equity, sold to the company named after "to".
_ISSUED_TO = re.compile(
    r"\b(?:(?:issu|allot)\w*\s+(?:(?:new|fresh|additional)\s+)?(?:[\w-]+\s+)?shares|"
    r"(?:sell|sells|selling|sold)\s+an?\s+"
    + ROUGHLY
    + r"(?:(?P<low>[\d.]+)\s*(?:-|–|to)\s*)?(?:"
    + PERCENT
    + r"[\s-]+)?"
    r"(?:(?:minority|majority|controlling)\s+)?stake)\s+to\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def _issued_to_facts(context, position, parties, facts):
    """A stake in the company issuing or selling its own shares, for the one they go to."""
    sentence = context.sentences[position]
    body = context.body
    found = []
    for buyer in parties:
        issued = _ISSUED_TO.search(body, max(sentence.start, buyer.start - 90), buyer.start)
        if issued is None or not buyer.named:
            continue
        subject, _ = _subject(context, sentence, parties, issued.start())
        if subject is None or subject.company == buyer.company:
            continue
        if any(f.investor == buyer.company for f in facts + found):
            continue
        percent = Decimal(issued.group(2)) if issued.group(2) else None
        if percent is not None and not 0 < percent <= 100:
            continue
        why = (f"sold or issued to: {issued.group().strip()}", f"investor: {buyer.company}")
        target = _parent(body, parties, subject)
        price = _price_after(context, sentence, buyer.end)
        money = (price.value, price.currency) if price else (None, None)
        found.append(
            _fact(
                context, position, buyer.company, target.company, *money, "stake", percent, "", why
            )
        )
    return found


# "... to X for $1 billion", "... to X to raise $300 million": what X pays.
_PAID_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:for|to\s+raise|in\s+exchange\s+for|worth)\s+" + ROUGHLY + "$",
    re.IGNORECASE,
)


def _price_after(context, sentence, end):
    for amount in find_amounts(sentence.text, context.body):
        at = sentence.start + amount.start
        if at >= end and _PAID_AFTER.fullmatch(context.body, end, at):
            return amount
    return None


def _cross_holding_facts(context, position, parties, facts):
    """Each side's stake in the other, at the one percentage the sentence gives them (the
    level they end at when it says "to 10%"), in place of the stakes read without a
    target."""
    sentence = context.sentences[position]
    text = sentence.text
    cross = _CROSS_HOLDING.search(text)
    percents = list(_PERCENT_VALUE.finditer(text))
    percent = None  # "buying 42.8 billion yen stakes in each other": the amounts alone
    if percents:
        level = _TO_PERCENT.search(text, percents[0].start() - 6)
        percent = Decimal(level.group(1) if level else percents[0].group(1))
    subject, _ = _subject(context, sentence, parties, sentence.start + cross.start())
    group = _group(context.body, parties, subject) if subject else []
    companies = list(dict.fromkeys(g.company for g in group))
    pair = _pair_in_the_news(context, sentence)
    if len(companies) != 2 and pair and _BOTH_OF_THEM.search(text, 0, cross.start()):
        companies = list(pair)  # "their cross-shareholdings", "the carmakers"
    if len(companies) != 2:
        return facts
    kept, priced = [], set()
    for fact in facts:
        if fact.investor not in companies or fact.target not in (None, *companies):
            kept.append(fact)
        elif fact.amount is not None:  # "each take a 4.6% stake in the other for 42.8bn yen"
            other = companies[1 - companies.index(fact.investor)]
            kept.append(replace(fact, target=other, stake_percent=percent or fact.stake_percent))
            priced.add(fact.investor)
    why = f"stakes in each other: {cross.group()}"
    return kept + [
        _fact(context, position, a, b, None, None, "stake", percent, "", (why, f"investor: {a}"))
        for a, b in (companies, companies[::-1])
        if a not in priced and percent is not None
    ]


def _gapped_facts(context, position, parties, after, target, kind, facts):
    """ "X owns 51 percent of it and Y 49 percent", "X held 24%, Y 9% and Z 2%", "cut its
    holding to 20% and Y to 5%": each next company's share, the verb left out."""
    sentence = context.sentences[position]
    body = context.body
    found = []
    at = sentence.start + after
    listed = False  # a share already read after the stake: the next must follow it closely
    for actor in parties:
        if actor.start < at:
            continue
        if len(body[at : actor.start]) > 60:
            break
        if not _GAPPED.search(body, at, actor.start):
            if listed:
                break
            continue
        holders = [actor]
        rest = _GAPPED_REST.match(body, actor.end)
        partner = next((a for a in parties if a.start > actor.end), None)
        if rest is None and partner and _AND_GAP.fullmatch(body, actor.end, partner.start):
            # "with X and Y holding 20 percent each": the share of each
            rest = _GAPPED_REST.match(body, partner.end)
            holders = [actor, partner] if rest and _EACH_NEXT.match(body, rest.end()) else []
        if rest is None or not holders:
            break
        if _OF_IN.match(body, rest.end()):
            break  # "while Suzuki will take 0.2% of Toyota": a stake of its own, read on its own
        for holder in holders:
            if any(f.investor == holder.company for f in facts + found) or (
                kind == "joint_venture" and _funds_the_venture(context, holder.company)
            ):
                continue
            percent = Decimal(rest.group(2))
            why = (f"the rest of the stake: {rest.group().strip()}", f"investor: {holder.company}")
            found.append(
                _fact(context, position, holder.company, target, None, None, kind, percent, "", why)
            )
        at, listed = rest.end(), True
    return found


def _funds_the_venture(context, company):
    """Whether the article puts an amount on `company`'s part of a venture: its share of the
    venture is then told with that amount ("each put 5 billion yen", "a combined $4.4bn")."""
    found = context.found.get("venture funders")
    if found is None:
        names, by_pair = set(), False
        for sentence in context.sentences:
            text = sentence.text
            if not sentence.running or not holds_figures(text):
                continue
            pair = _PAIR_WORDS.search(text) or _EACH.search(text)
            if not (_VENTURE.search(text) or pair):
                continue
            # "a deal that values the business at €7.4bn": a valuation funds no one's part
            amounts = find_amounts(text, context.body)
            if not any(not not_money_put_in(text, amount) for amount in amounts):
                continue
            if not (lang.INVEST.present(text) or _MORE_TRIGGERS.search(fold(text))):
                continue
            names.update(m.company for m in context.named_in(sentence.start, sentence.end))
            by_pair = by_pair or bool(pair)
        found = context.found["venture funders"] = (names, by_pair)
    names, by_pair = found
    return company in names or (
        by_pair and bool(context.talk_pairs) and company in context.talk_pairs[-1]
    )


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "twenty-five": 25, "thirty": 30, "forty": 40, "forty-nine": 49, "fifty": 50,
    "fifty-one": 51, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# "a stake of about five percent", "ten per cent of the shares": a percentage in words.
_WORD_PERCENT = re.compile(
    r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(?=[\s-]+(?:percent|"
    r"per\s+cent)\b)",
    re.IGNORECASE,
)


# "a one-third stake", "a one-fifth holding", "a quarter stake": a fraction naming the size.
_WORD_FRACTION = re.compile(
    r"\b(?:a|one)[\s-]+(third|quarter|fifth)[\s-]+(?:(?:equity|controlling|minority)\s+)?"
    r"(?:stake|holding|shareholding|interest)\b",
    re.IGNORECASE,
)
_FRACTION_PERCENT = {"third": Decimal("33.33"), "quarter": Decimal(25), "fifth": Decimal(20)}


def _worded_percent(text, start, end):
    """A percentage in words near a stake: "a stake of about five percent", "a ten per cent
    holding", "a one-third stake"."""
    found = list(_WORD_PERCENT.finditer(text, max(0, start), end))
    if found:
        return Decimal(_NUMBER_WORDS[found[-1].group(1).lower()])
    fraction = _WORD_FRACTION.search(text, max(0, start), end)
    return _FRACTION_PERCENT[fraction.group(1).lower()] if fraction else None


def _stake_percent(text):
    if "%" not in text and "per" not in text.lower() and "pc" not in text.lower():
        return None
    if _WORD_PERCENT.search(text):
        text = _WORD_PERCENT.sub(lambda m: str(_NUMBER_WORDS[m.group(1).lower()]), text)
    match = lang.STAKE_PERCENT.search(text)
    if match:
        value = Decimal(match.group("percent") or match.group("percent2"))
    else:
        # "18.3% of the common shares", "a stake of about 37%"
        match = _PERCENT_OF_SHARES.search(text) or _STAKE_OF_ABOUT.search(text)
        if not match:
            return None
        value = Decimal(match.group(1))
    return value if 0 < value <= 100 else None


_STAKE_OF_ABOUT = re.compile(
    r"\b(?:stake|holding|shareholding|interest)\s+of\s+(?:more\s+than\s+|less\s+than\s+)?"
    + ROUGHLY
    + PERCENT,
    re.IGNORECASE,
)
_PERCENT_OF_SHARES = re.compile(
    PERCENT + r"\s+(?:of|in)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:shares|stock|equity|capital|company)\b",
    re.IGNORECASE,
)
