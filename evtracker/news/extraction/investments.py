"""Investments: amounts and stakes, who puts them in and into which company."""

import re
from decimal import Decimal

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.facts import InvestmentFact
from evtracker.news.extraction.money import find_amounts

_INVESTMENT_REACH = 150  # characters between an amount and the word that makes it an investment
_DIGIT = re.compile(r"\d")
_ONE_OF = re.compile(r"\b(?:including|such\s+as|among|like)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:—–]|,\s*(?:while|but|whereas|and\s+(?:its|the)\s)", re.IGNORECASE)


def _nearest_trigger(text, amount_start, amount_end, names):
    best = None
    for match in lang.INVEST.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in names):
            continue  # "Committee on Foreign Investment": a name, not a deal
        if lang.cancelled(lang.last_words(text, match.start())):
            continue
        if match.end() <= amount_start:
            distance = amount_start - match.end()
        elif match.start() >= amount_end:
            distance = match.start() - amount_end
        else:
            continue
        between = text[min(match.end(), amount_end) : max(match.start(), amount_start)]
        if distance > _INVESTMENT_REACH or _CLAUSE_END.search(between):
            continue
        if best is None or distance < best[0]:
            best = (distance, match)
    return best[1] if best else None


def _investor_and_target(body, sentence, parties, trigger, amount):
    """Who puts the money in and, if named, into which company."""
    text_start = sentence.start
    head = min(text_start + trigger.start(), text_start + amount.start)
    tail = max(text_start + trigger.end(), text_start + amount.end)
    received = lang.RECEIVED.search(sentence.text)
    received = received if received and text_start + received.start() < tail else None
    investor = target = None
    for actor in parties:
        if actor.start < tail:
            continue
        lead_in = body[max(sentence.start, actor.start - 40) : actor.start]
        from_investor = lang.names_investor(lang.last_words(lead_in, len(lead_in)))
        if investor is None and received and from_investor and not _ONE_OF.search(lead_in):
            investor = actor
        elif target is None and lang.names_target(lang.last_words(lead_in, len(lead_in), 6)):
            target = actor
    asides = [(text_start + start, text_start + end) for start, end in lang.asides(sentence.text)]
    before = [
        a
        for a in parties
        if a.end <= head and not any(s <= a.start and a.end <= e for s, e in asides)
    ]
    owned = [a for a in before if lang.OWNED.match(body, a.end)]
    before = [a for a in before if a not in owned]
    subject = before[-1] if before else None
    if subject is not None and lang.SAID.match(body, subject.end):
        subject = None  # "Nio said investors would put in ...": the speaker, not the investor
    if investor is None:
        if received:
            return None, None  # the subject received money from someone unnamed
        investor = subject
    elif target is None and subject is not None and subject.company != investor.company:
        target = subject  # "Nio raised $1bn from CYVN": the subject received it
    if target is None and owned:
        target = owned[-1]
    if target is None:
        for actor in parties:
            if head <= actor.start < tail and actor is not investor:
                lead_in = body[max(sentence.start, actor.start - 40) : actor.start]
                if lang.names_target(lang.last_words(lead_in, len(lead_in), 6)):
                    target = actor
                    break
    if target is not None and investor is not None and target.company == investor.company:
        target = None
    return investor, target


# "at $7.50 each", "HK$43.8 apiece", "$20 a share": a price per share, not an investment.
_PER_SHARE = re.compile(r"\s*(?:each|apiece|a\s+share|per\s+share|per\s+unit)\b", re.IGNORECASE)
_EACH = re.compile(r"\beach\b", re.IGNORECASE)
# A stake with no amount: "taking a stake in", "a 40% stake in", "buying into", "raised its
# shareholding in X to 9.98 percent", "as much as 20% of", "51% owned by".
_STAKE_PHRASE = re.compile(
    r"\b(?:(?:minority|majority|controlling|significant|small|strategic|equity|direct|"
    r"additional|further|large|sizeable|sizable|\d{1,3}(?:\.\d+)?\s?(?:%|percent|per\s+cent)"
    r"(?:-plus)?)[\s-]+)*(?:stake|shareholding|holding|equity\s+interest|interest)s?\s+"
    r"(?:in|of)\b|\bbuy(?:s|ing)?\s+into\b|\bbought\s+into\b|"
    r"\b\d{1,3}(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+(?:of|in)\b|"
    r"\b\d{1,3}(?:\.\d+)?\s?(?:%|percent|per\s+cent)[\s-]+owned\s+by\b",
    re.IGNORECASE,
)
# Between "a 51% stake in" and a company: words that show the company is not the target.
_NOT_THE_TARGET = re.compile(r"\b(?:venture|unit|company|entity|and|or)\b|[,;]", re.IGNORECASE)
_TAKING = re.compile(
    r"\b(?:tak(?:e|es|ing|en)|took|acquir\w*|buy\w*|bought|purchas\w*|own\w*|hold\w*|"
    r"held|rais\w*|increas\w*|lift\w*|boost\w*|get|gets|getting|secur\w*|"
    r"invest\w*|subscri\w*|left\s+with|keep\w*|retain\w*|have|has|want\w*|seek\w*|"
    r"control\w*)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per\s+cent)", re.IGNORECASE)
_NOT_A_STAKE = re.compile(
    r"\b(?:market\s+share|share\s+of\s+(?:the\s+)?(?:market|sales|deliveries)|sales|"
    r"deliveries|shares\s+(?:rose|fell|jumped|dropped|gained|slumped|soared|climbed|"
    r"tumbled|surged|were|are)|tariff|duty|duties|growth|margin|year-on-year|"
    r"interest\s+rates?|discount|premium)\b",
    re.IGNORECASE,
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


def _co_investors(body, sentence, parties, investor, trigger_start):
    """ "Sony and Honda will each put ...": every company of the subject list invests."""
    if investor is None or not _EACH.search(
        body, investor.end, max(investor.end, sentence.start + trigger_start) + 1
    ):
        return [investor]
    group = [investor]
    for actor in reversed([a for a in parties if a.end <= investor.start]):
        gap = body[actor.end : group[0].start]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*", gap):
            break
        group.insert(0, actor)
    return group


def _kind(text, target, percent):
    if lang.JOINT_VENTURE.search(text) or re.search(r"\bventure\b", text, re.IGNORECASE):
        return "joint_venture"
    if target is not None or percent is not None or lang.STAKE_WORDS.search(text):
        return "stake"
    return "pledge"


def find_investments(context, position, actors):
    """Investment facts of one running sentence: each amount tied to investment wording, and
    each stake reported without an amount."""
    sentence = context.sentences[position]
    text = sentence.text
    parties = [a for a in actors if a.kind != "regulator"]
    if not parties:
        return []
    facts = []
    if lang.INVEST.present(text) and _DIGIT.search(text):
        facts = _amount_facts(context, position, parties, actors)
    if not lang.DENY.search(text):
        facts += _stake_facts(context, position, parties, facts)
    return facts


def _amount_facts(context, position, parties, actors):
    sentence = context.sentences[position]
    text = sentence.text
    facts = []
    by_trigger = {}
    names = [(a.start - sentence.start, a.end - sentence.start) for a in actors if a.named]
    for amount in find_amounts(text, context.body):
        words_before = lang.last_words(text, amount.start, 6)
        if lang.priced(words_before) or lang.shared(words_before):
            continue
        if _PER_SHARE.match(text, amount.end):
            continue
        trigger = _nearest_trigger(text, amount.start, amount.end, names)
        if trigger is None:
            continue
        if trigger.span() in by_trigger:
            # "invest $2.6 billion in Argo AI, $1 billion of it as direct funding"
            investor, target = by_trigger[trigger.span()]
        else:
            investor, target = _investor_and_target(
                context.body, sentence, parties, trigger, amount
            )
        if investor is None:
            continue
        by_trigger[trigger.span()] = (investor, target)
        clause = text[max(0, amount.start - 80) : amount.end + 80]
        percent = _stake_percent(clause)
        kind = _kind(text, target, percent)
        purpose = lang.PURPOSE.match(text, amount.end)
        why = (
            f"amount: {text[amount.start : amount.end]}",
            f"investment word: {trigger.group()}",
            f"investor: {investor.company}",
        )
        for each in _co_investors(context.body, sentence, parties, investor, trigger.start()):
            facts.append(
                _fact(
                    context,
                    position,
                    each.company,
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


def _stake_facts(context, position, parties, amount_facts):
    """Stakes named without an amount ("a 40% stake in", "buying into", "51% owned by")."""
    sentence = context.sentences[position]
    text = sentence.text
    body = context.body
    facts = []
    for match in _STAKE_PHRASE.finditer(text):
        phrase = match.group()
        if _NOT_A_STAKE.search(text[max(0, match.start() - 30) : match.end() + 10]):
            continue
        at, end = sentence.start + match.start(), sentence.start + match.end()
        percent = _PERCENT.search(text[max(0, match.start() - 25) : match.end()])
        percent = Decimal(percent.group(1)) if percent else None
        if percent is None:
            later = _PERCENT.match(text[match.end() :].lstrip().removeprefix("to ").lstrip())
            percent = Decimal(later.group(1)) if later else None
        if percent is not None and not 0 < percent <= 100:
            continue
        after = [a for a in parties if a.start >= end and a.start - end <= 60]
        if "owned by" in phrase.lower():
            investors = after[:1]
            target = None
        else:
            gap = body[end : after[0].start] if after else ""
            near = after and len(gap) <= 30 and not _NOT_THE_TARGET.search(gap)
            target = after[0] if near else None
            lead_start = max(0, match.start() - 70)
            verbs = list(_TAKING.finditer(text, lead_start, match.start()))
            if re.search(r"\bbuy|\bbought", phrase, re.IGNORECASE):
                verb_at = at
            elif verbs:
                verb_at = sentence.start + verbs[-1].start()
            else:
                continue
            asides = [(sentence.start + s, sentence.start + e) for s, e in lang.asides(text)]
            before = [
                a
                for a in parties
                if a.end <= verb_at
                and not any(s <= a.start and a.end <= e for s, e in asides)
                and not lang.OWNED.match(body, a.end)
                and (target is None or a.company != target.company)
            ]
            if not before:
                continue
            investors = _co_investors(body, sentence, parties, before[-1], match.start())
        if not investors:
            continue
        if target is None and percent is None:
            continue  # "a stake in the venture": nothing to record
        kind = "joint_venture" if re.search(r"venture", text, re.IGNORECASE) else "stake"
        for investor in investors:
            same = [f for f in amount_facts if f.investor == investor.company]
            if same:
                continue  # the amount's fact already stands for this stake
            facts.append(
                _fact(
                    context,
                    position,
                    investor.company,
                    target.company if target else None,
                    None,
                    None,
                    kind,
                    percent,
                    "",
                    (f"stake wording: {phrase}", f"investor: {investor.company}"),
                )
            )
    return facts


def _stake_percent(text):
    if "%" not in text and "per" not in text.lower():
        return None  # every match holds "%", "percent" or "per cent"
    match = lang.STAKE_PERCENT.search(text)
    if not match:
        return None
    value = Decimal(match.group("percent") or match.group("percent2"))
    return value if 0 < value <= 100 else None
