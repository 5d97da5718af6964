"""Headlines for facts and events, shared by the pages and the feeds.

Written from one template per fact type and status, as a news desk would write
them: a conjugated verb ("agree", "pledges", "grants"), a purpose as "to build"
or "for battery production", and never the same word twice ("reach an agreement
on agreement" becomes "reach an agreement"). tests/test_headlines.py renders
every type and status and checks both.
"""

import re
from decimal import Decimal

from .models import (
    UNNAMED_INVESTORS,
    ApprovalStatus,
    EventKind,
    FactType,
    InvestmentKind,
    TalkStatus,
)

SCALES = [
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
]


UNDISCLOSED = "undisclosed"
NO_REGULATOR = "no regulator named"


def _word_set(text):
    return frozenset(text.split())


# Verbs a topic or purpose may start with ("build a battery plant"): they read "to build ...".
BASE_VERBS = _word_set(
    """accelerate acquire assemble become boost bring build buy combine commercialise
    commercialize create cut deliver deploy design develop electrify enter establish expand
    explore find fold follow form fund get help increase integrate invest launch license
    localise localize look make manufacture merge offer open operate produce protect provide
    pursue raise run secure sell set share source speed start strengthen study supply support
    take test turn use work"""
)
ADVERBS = frozenset({"jointly", "together", "also", "further"})
# A topic that is only a word for the deal itself adds nothing to "reach an agreement".
DEAL_WORDS = _word_set(
    """accord agreement alliance collaboration contract cooperation deal memorandum mou
    partner partners partnership partnerships pact project tie-up understanding"""
)
# Not a topic but a date the extractor caught ("talks on Monday", "on May 13").
_NOT_A_TOPIC = re.compile(
    r"^(?:\d|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december)\b)",
    re.IGNORECASE,
)
# Approvals whose `what` is the word approval itself, or approval of a deal or a listing.
GENERIC_APPROVALS = frozenset({"approval", "approvals", "regulatory approval", "clearance"})
APPROVAL_OF = re.compile(
    r"^(?P<thing>deal|listing|merger|acquisition|investment|plan)s? approvals?$"
)


# A quote of the article that opens with its own quotation mark ('"We are in talks," he said')
# is not put between marks again.
QUOTE_MARKS = "\"'“‘«„"


def opens_with_quote(sentence):
    return (sentence or "").lstrip()[:1] in QUOTE_MARKS


def quoted(sentence):
    """The sentence between curly quotation marks, unless it opens with its own."""
    return sentence if opens_with_quote(sentence) else f"“{sentence}”"


def money(amount, currency):
    """'USD 10 billion', 'EUR 2.5 billion', 'CNY 750,000'; 'undisclosed' without an amount."""
    if amount is None:
        return UNDISCLOSED
    amount = Decimal(amount)
    for size, word in SCALES:
        if amount >= size:
            scaled = (amount / size).quantize(Decimal("0.01")).normalize()
            return f"{currency} {scaled:f} {word}"
    return f"{currency} {amount:,.0f}"


def _words(text):
    return re.findall(r"[a-z][a-z'-]*", text.lower())


def _starts_with_verb(phrase):
    words = _words(phrase)
    while words and words[0] in ADVERBS:
        words = words[1:]
    # "mass-produce robotaxis", "co-develop a platform": a verb with a prefix
    return bool(words) and words[0].rsplit("-", 1)[-1] in BASE_VERBS


# Words in -ing that are no gerund: "the thing", "a ring road".
NOT_GERUNDS = _word_set(
    "bring ceiling during evening king morning nothing ring something spring string thing wing"
)


def _is_gerund(phrase):
    words = _words(phrase)
    while words and words[0] in ADVERBS:
        words = words[1:]
    return (
        bool(words)
        and words[0].endswith("ing")
        and len(words[0]) > 4
        and (words[0].removesuffix("s") not in NOT_GERUNDS)
    )


# A topic the extractor caught runs on into the clause that reports it: "talks on jointly
# developing a car have ended without agreement". What follows a finite verb is not the topic.
_REPORTING_CLAUSE = re.compile(
    r"\s+(?:have|has|had|was|were|is|are|will|would|could|should|might|been|said|says)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def _only_deal_words(text):
    return all(word in DEAL_WORDS or word.removesuffix("s") in DEAL_WORDS for word in _words(text))


def _topic(topic):
    """The talk's topic as it can follow 'talks': ('on', 'joint venture'), ('to', 'build
    cars') or ('', '') for none, a date caught by mistake, or a word for the deal itself."""
    topic = _REPORTING_CLAUSE.sub("", (topic or "").strip())
    if not topic or _NOT_A_TOPIC.match(topic) or _only_deal_words(topic):
        return "", ""
    if _starts_with_verb(topic):
        return "to", topic
    if _is_gerund(topic):
        return "on doing", topic
    return "on", topic


def shown_topic(topic):
    """A talk's topic as a card or a list shows it: '' when it is none (a date or a figure
    caught by mistake, a word for the deal itself), without a reporting clause after it."""
    return _topic(topic)[1]


def _repeats(line, names):
    """Whether a word other than the companies' names and small words appears twice."""
    for name in names:
        line = line.replace(str(name), " ")
    small = {"a", "an", "and", "the", "of", "in", "on", "to", "for", "with", "its", "by", "at"}
    words = [word for word in _words(line) if word not in small]
    stems = [word[:5] for word in words]
    return len(set(stems)) != len(stems)


def _best(candidates, names):
    """The first candidate line that repeats no word (the last one otherwise)."""
    for line in candidates:
        if not _repeats(line, names):
            return line
    return candidates[-1]


def describe_talk(talk, status=None):
    a, b = talk.party_a, talk.party_b
    status = status or talk.status
    joint, topic = _topic(talk.topic)
    about = f" {joint.split()[0]} {topic}" if topic else ""
    lines = {
        TalkStatus.RUMOURED: (f"{a} and {b} reportedly in talks{about}",),
        TalkStatus.CONFIRMED: (f"{a} and {b} confirm talks{about}",),
        TalkStatus.AGREED: (
            f"{a} and {b} agree {topic}" if joint == "on" else f"{a} and {b} agree{about}",
            f"{a} and {b} reach an agreement",
        )
        if topic
        else (f"{a} and {b} reach an agreement",),
        TalkStatus.DENIED: (f"{a} and {b} deny talks{about}",),
        TalkStatus.ENDED: (f"{a} and {b} end talks{about}",),
    }.get(status, (f"{a} and {b}: talks {status}",))
    plain = {
        TalkStatus.RUMOURED: f"{a} and {b} reportedly in talks",
        TalkStatus.CONFIRMED: f"{a} and {b} confirm talks",
        TalkStatus.DENIED: f"{a} and {b} deny talks",
        TalkStatus.ENDED: f"{a} and {b} end talks",
    }
    return _best([*lines, plain.get(status, lines[-1])], (a, b))


def _purpose(purpose, names):
    """' to build a battery plant', ' for battery production', or '' when the purpose is a
    name or a figure the extractor caught ('for Rivian', 'in 2022')."""
    purpose = (purpose or "").strip()
    words = _words(purpose)
    if not purpose or not purpose[0].isalpha() or purpose[0].isupper():
        return ""
    # "in the JV", "for cash": what was bought rather than what the money is for.
    if len(words) < 2 or words[0] in {"a", "an", "the", "its", "their"}:
        return ""
    if any(str(name).lower() in purpose.lower() for name in names if name):
        return ""
    if _starts_with_verb(purpose):
        return f" to {purpose}"
    return f" for {purpose}"


def describe_investment(investment):
    investor, target = investment.investor, investment.target
    names = (investor, target)
    amount = money(investment.amount, investment.currency)
    purpose = _purpose(investment.purpose, names)
    disclosed = investment.amount is not None
    if investor is None:
        return _from_unnamed_investors(investment, target, amount, purpose, disclosed)
    if investment.kind == InvestmentKind.STAKE and target:
        share = (
            f"a {investment.stake_percent.normalize():f}% stake"
            if investment.stake_percent
            else "a stake"
        )
        line = f"{investor} takes {share} in {target}"
        figure = f" ({amount if disclosed else 'amount undisclosed'})"
        return _best([line + purpose + figure, line + figure], names)
    if investment.kind == InvestmentKind.JOINT_VENTURE and target:
        worth = f" worth {amount}" if disclosed else ""
        line = f"{investor} and {target} form a joint venture{worth}"
        return _best([line + purpose, line], names)
    into = f" in {target}" if target else ""
    if investment.kind == InvestmentKind.STAKE:
        line = f"{investor} buys a stake in an unnamed company" + (
            f" for {amount}" if disclosed else ""
        )
        return _best([line + purpose, line], names)
    if investment.kind == InvestmentKind.JOINT_VENTURE:
        line = f"{investor} forms a joint venture" + (f" worth {amount}" if disclosed else "")
        return _best([line + purpose, line], names)
    if not disclosed:
        line = f"{investor} pledges an undisclosed amount{into}"
    else:
        line = f"{investor} pledges {amount}{into}"
    return _best([line + purpose, line], names)


def _from_unnamed_investors(investment, target, amount, purpose, disclosed):
    """The headline of money the report does not say whose: the company it goes to leads."""
    names = (target,)
    if investment.kind == InvestmentKind.STAKE:
        if investment.stake_percent:
            share = f"a {investment.stake_percent.normalize():f}% stake"
            line = f"{target} sells {share} to {UNNAMED_INVESTORS}"
            figure = f" ({amount if disclosed else 'amount undisclosed'})"
            return _best([line + purpose + figure, line + figure], names)
        line = (
            f"{target} raises {amount} from {UNNAMED_INVESTORS}"
            if disclosed
            else f"{target} sells a stake to {UNNAMED_INVESTORS}"
        )
    elif investment.kind == InvestmentKind.JOINT_VENTURE:
        line = (
            f"{target} gets {amount} as a joint venture"
            if disclosed
            else f"{target} starts as a joint venture"
        )
    else:
        line = f"{target} draws a pledge of {amount if disclosed else 'an undisclosed amount'}"
    return _best([line + purpose, line], names)


def _approval_kind(what):
    """('generic', '') for 'approval'; ('of', 'deal') for 'deal approval'; ('thing', what)
    for a licence, permit or the like."""
    what = (what or "").strip()
    if what.lower() in GENERIC_APPROVALS or not what:
        return "generic", ""
    if match := APPROVAL_OF.match(what.lower()):
        return "of", match.group("thing")
    return "thing", what


def describe_approval(approval, status=None):
    subject, regulator = approval.subject, approval.regulator
    status = status or approval.status
    kind, thing = _approval_kind(approval.what)
    names = (subject, regulator)
    if regulator is None:
        lines = {
            ApprovalStatus.PENDING: {
                "generic": [f"{subject} awaits approval"],
                "of": [f"{subject} awaits approval for {thing}"],
                "thing": [f"{subject} awaits {thing}"],
            },
            ApprovalStatus.GRANTED: {
                "generic": [f"{subject} wins approval"],
                "of": [f"{subject} wins approval for {thing}"],
                "thing": [f"{subject} granted {thing}"],
            },
            ApprovalStatus.REJECTED: {
                "generic": [f"{subject} refused approval"],
                "of": [f"{subject} refused approval for {thing}"],
                "thing": [f"{subject} refused {thing}"],
            },
        }
        found = lines.get(status, {}).get(kind) or [f"{subject}: {approval.what} ({status})"]
        return f"{_best(found, names)} ({NO_REGULATOR})"
    lines = {
        ApprovalStatus.PENDING: {
            "generic": [f"{subject} awaits {regulator} approval"],
            "of": [f"{subject} awaits {regulator} approval for {thing}"],
            "thing": [
                f"{subject} awaits {regulator} approval for {thing}",
                f"{subject} awaits {regulator} decision on {thing}",
            ],
        },
        ApprovalStatus.GRANTED: {
            "generic": [f"{regulator} approves {subject}'s application"],
            "of": [f"{regulator} approves {subject}'s {thing}"],
            "thing": [f"{regulator} grants {subject} {thing}"],
        },
        ApprovalStatus.REJECTED: {
            "generic": [f"{regulator} rejects {subject}'s application"],
            "of": [f"{regulator} blocks {subject}'s {thing}"],
            "thing": [f"{regulator} refuses {subject} {thing}"],
        },
    }
    found = lines.get(status, {}).get(kind) or [f"{subject}: {approval.what} ({status})"]
    return _best(found, names)


def describe_fact(fact, status=None):
    """One line saying what a talk, investment or approval is, at `status` if given."""
    if fact.fact_type == FactType.TALK:
        return describe_talk(fact, status)
    if fact.fact_type == FactType.INVESTMENT:
        return describe_investment(fact)
    return describe_approval(fact, status)


def describe_event(event):
    """The event's headline: what happened, with the status it came from when it moved."""
    line = describe_fact(event.fact, event.status or None)
    if event.kind == EventKind.STATUS and event.previous_status:
        line += f" (was {event.previous_status})"
    return line


NOUNS = {FactType.TALK: "talks", FactType.INVESTMENT: "investments", FactType.APPROVAL: "approvals"}


def describe_results(filters, noun="events"):
    """What a filtered list shows, in words: 'Investments involving Xiaomi, mentioning “battery”'
    (the type filter becomes the noun, never 'Events investments only')."""
    noun = NOUNS.get(filters.fact_type, noun)
    phrases = [phrase for phrase in filters.describe() if not phrase.endswith("s only")]
    head = noun[:1].upper() + noun[1:]
    return ", ".join([f"{head} {phrases[0]}" if phrases else head, *phrases[1:]])
