"""Regulatory approvals: licences, permits and clearances, who seeks them and from whom."""

import re

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.facts import Actor, ApprovalFact


def _not_preceded(pattern, text, start, reach=40):
    return not pattern.search(text[max(0, start - reach) : start])


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


# Who approves when no body is named: "approval from foreign competition authorities".
_UNNAMED_BODY = re.compile(
    r"\b(?:from|by|of)\s+(?P<body>(?:[A-Za-z-]+\s+){0,3}(?:authorities|regulators|watchdogs))\b"
)
# Approvals that are not a regulator's: a board's, shareholders', a court's, a union's.
_NOT_A_REGULATOR = re.compile(
    r"\b(?:shareholders?|board|boards|investors|union|unions|court|judge|creditors|"
    r"bondholders|customers|voters|members|parliament)\b",
    re.IGNORECASE,
)
# A regulator as the one who acts: "the state planner cleared Xiaomi's plan".
_REGULATOR_ACTS = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:approved|approves|cleared|clears|granted|grants|signed\s+off|"
    r"rejected|rejects|blocked|blocks|gave|gives|issued|issues|awarded|licensed|"
    r"green-?lit|authori[sz]ed)\b",
    re.IGNORECASE,
)
_CHECKED = re.compile(r"\b(?:review|test|inspection|audit)\b", re.IGNORECASE)
_APPROVAL_NOUN = re.compile(
    r"\b(?:licen[cs]\w*|permits?|approv\w*|clearances?|cleared|green[\s-]?light|permission|"
    r"go-ahead|sign-?off|signed\s+off|certifi\w+|registration|nod)\b",
    re.IGNORECASE,
)


def find_approvals(context, position, actors):
    """Approval facts of one running sentence: the company that seeks or got a licence,
    permit or clearance, the regulator (named, described, or none), and the status."""
    sentence = context.sentences[position]
    text = sentence.text
    cue = lang.APPROVAL.search(text)
    if not cue:
        return []
    subjects = [a for a in actors if a.kind != "regulator"]
    if not subjects and lang.PAIR_REFERENCE.search(text) and context.talk_pairs:
        pair = context.talk_pairs[-1]  # "after the companies receive approvals"
        subjects = [Actor(sentence.start, sentence.start, name, "other", False) for name in pair]
    if not subjects:
        return []
    status = _approval_status(text)
    if status is None:
        return []
    regulators = [a for a in actors if a.kind == "regulator"]
    if not regulators:
        if lang.DENY.search(text):
            return []  # "rejected speculation": not an approval
        regulators = _regulators_nearby(context, position)
        if not _APPROVAL_NOUN.search(text) and not (regulators and _CHECKED.search(text)):
            return []  # "blocked the road", "the alliance is under review"
    body = context.body
    if regulators:
        regulator = regulators[0].company
        acting = [r for r in regulators if _REGULATOR_ACTS.match(body, r.end)]
        if acting:
            after = [a for a in subjects if a.start >= acting[0].end]
            subjects = after or subjects
    else:
        unnamed = _UNNAMED_BODY.search(text)
        if _NOT_A_REGULATOR.search(text):
            return []
        regulator = unnamed.group("body") if unnamed else None
    asides = [(sentence.start + s, sentence.start + e) for s, e in lang.asides(text)]
    main = [a for a in subjects if not any(s <= a.start and a.end <= e for s, e in asides)]
    chosen = _subject_list(body, main or subjects)
    what = lang.approval_what(text)
    why = (f"approval word: {cue.group()}", f"status: {status}")
    return [
        ApprovalFact(
            subject=subject.company,
            regulator=regulator,
            what=what,
            status=status,
            sentence=text,
            start=sentence.start,
            end=sentence.end,
            on=context.date_of(sentence),
            attributed_to=context.attribution(position),
            why=(*why, f"regulator: {regulator or 'none named'}"),
        )
        for subject in chosen
    ]


def _regulators_nearby(context, position):
    """A regulator named in the sentences around one that names none ("Chinese regulators
    have approved ..." followed by "The Ministry of Natural Resources ...")."""
    sentence = context.sentences[position]
    for other in (position - 1, position + 1, position - 2):
        if 0 <= other < len(context.sentences):
            near = context.sentences[other]
            if near.paragraph != sentence.paragraph and other != position - 1:
                continue
            found = [m for m in context.named_in(near.start, near.end) if m.kind == "regulator"]
            if found:
                return [Actor(m.start, m.end, m.company, m.kind, False) for m in found[:1]]
    return []


def _subject_list(body, subjects):
    """The first company and those listed with it ("Toyota and Suzuki", "BYD, Nio and Li")."""
    chosen = [subjects[0]]
    for actor in subjects[1:]:
        gap = body[chosen[-1].end : actor.start]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|&|or)\s*", gap):
            break
        if actor.company not in [a.company for a in chosen]:
            chosen.append(actor)
    return chosen
