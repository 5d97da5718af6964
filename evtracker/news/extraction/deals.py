"""Investments (amount, investor, target, kind) and regulatory approvals."""

import re
from decimal import Decimal

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.facts import ApprovalFact, InvestmentFact
from evtracker.news.extraction.money import find_amounts

_INVESTMENT_REACH = 150  # characters between an amount and the word that makes it an investment
_DIGIT = re.compile(r"\d")
_ONE_OF = re.compile(r"\b(?:including|such\s+as|among|like)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:—–]|,\s*(?:while|but|whereas|and\s+(?:its|the)\s)", re.IGNORECASE)


def _not_preceded(pattern, text, start, reach=40):
    return not pattern.search(text[max(0, start - reach) : start])


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


def find_investments(context, position, actors):
    """Investment facts of one running sentence: the first amount tied to investment wording."""
    sentence = context.sentences[position]
    text = sentence.text
    parties = [a for a in actors if a.kind != "regulator"]
    if not parties or not lang.INVEST.present(text) or not _DIGIT.search(text):
        return []
    for amount in find_amounts(text, context.body):
        words_before = lang.last_words(text, amount.start, 6)
        if lang.priced(words_before) or lang.shared(words_before):
            continue
        names = [(a.start - sentence.start, a.end - sentence.start) for a in actors if a.named]
        trigger = _nearest_trigger(text, amount.start, amount.end, names)
        if trigger is None:
            continue
        investor, target = _investor_and_target(context.body, sentence, parties, trigger, amount)
        if investor is None:
            continue
        percent = _stake_percent(text)
        if lang.JOINT_VENTURE.search(text):
            kind = "joint_venture"
        elif target is not None or percent is not None or lang.STAKE_WORDS.search(text):
            kind = "stake"
        else:
            kind = "pledge"
        purpose = lang.PURPOSE.match(text, amount.end)
        return [
            InvestmentFact(
                investor=investor.company,
                target=target.company if target else None,
                amount=amount.value,
                currency=amount.currency,
                kind=kind,
                stake_percent=percent,
                purpose=purpose.group("purpose").strip() if purpose else "",
                sentence=text,
                start=sentence.start,
                end=sentence.end,
                on=context.date_of(sentence),
                attributed_to=context.attribution(position),
            )
        ]
    return []


def _stake_percent(text):
    if "%" not in text and "per" not in text.lower():
        return None  # every match holds "%", "percent" or "per cent"
    match = lang.STAKE_PERCENT.search(text)
    if not match:
        return None
    value = Decimal(match.group("percent") or match.group("percent2"))
    return value if 0 < value <= 100 else None


def _approval_status(text):
    pending_spans = [(m.start(), m.end()) for m in lang.PENDING.finditer(text)]

    def live(match, negation):
        if any(s <= match.start() < e for s, e in pending_spans):
            return False
        return _not_preceded(negation, text, match.start(), 30)

    if any(live(m, lang.NOT_GRANTED) for m in lang.REJECTED.finditer(text)):
        return "rejected"
    if any(live(m, lang.NOT_GRANTED) for m in lang.GRANTED.finditer(text)):
        return "granted"
    if pending_spans or lang.GRANTED.search(text):
        return "pending"  # "expects to be granted", "has not received"
    return None


def find_approvals(context, position, actors):
    """Approval facts of one running sentence: a regulator from the company list, a company
    that seeks or got its approval, and the status the wording gives."""
    sentence = context.sentences[position]
    text = sentence.text
    regulators = [a for a in actors if a.kind == "regulator" and a.named]
    if not regulators or not lang.APPROVAL.search(text):
        return []
    subjects = [a for a in actors if a.kind != "regulator"]
    if not subjects:
        return []
    status = _approval_status(text)
    if status is None:
        return []
    regulator = regulators[0]
    subject = subjects[0]
    return [
        ApprovalFact(
            subject=subject.company,
            regulator=regulator.company,
            what=lang.approval_what(text),
            status=status,
            sentence=text,
            start=sentence.start,
            end=sentence.end,
            on=context.date_of(sentence),
            attributed_to=context.attribution(position),
        )
    ]
