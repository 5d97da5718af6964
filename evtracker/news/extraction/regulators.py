"""Bodies that approve, named by the form of their name when the company list lacks them.

Reporting names a public body by a head word with capitals around it: "the Ministry of
Science and ICT", "the Board of Investment (BOI)", "the Hong Kong Stock Exchange",
"Shanghai's municipal government". Such a name in an article is a body that can license,
clear or review, which the company list (seeds/companies.json) may not hold. The article is
scanned once; approvals look its bodies up by position.
"""

import bisect
import re

# "Ministry of Science and ICT", "State Administration for Market Regulation",
# "Turkish Competition Authority", "Hong Kong Stock Exchange".
_HEAD = (
    r"(?:Ministry|Board|Commission|Authority|Agency|Bureau|Administration|Department|"
    r"Exchange|Council|Regulator)"
)
_CAP = r"[A-Z][\w’'.&-]*"
_OF_PART = (
    rf"\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:,?\s+(?:(?:and|&|of|for|the)\s+)*{_CAP}){{0,5}}"
)
_BODY_FORM = re.compile(
    rf"(?<![\w’'.&-])(?P<name>(?:(?!(?:The|A|An|Its|Their|This|That)\s){_CAP}\s+){{0,3}}{_HEAD}"
    rf"(?:{_OF_PART})?)(?:\s*\((?P<short>[A-Z][A-Za-z]{{1,7}})\))?"
    # a city's or province's own government: "Shanghai's municipal government"
    rf"|(?<![\w’'.&-])(?P<local>{_CAP}(?:\s+{_CAP})?['’]s\s+(?:municipal|city|provincial|"
    r"state|local|regional)\s+(?:government|authorities))"
)
# Heads of a company's own bodies: "the Nissan Board", "Board of Directors".
_NOT_PUBLIC = re.compile(
    r"\bBoard(?:\s+of\s+(?:Directors|Management|Supervisors|Trustees))?$|"
    r"\b(?:of|for|on)\s+(?:Directors|Management|Supervisors)\b"
)


def body_names(context):
    """(start, end, name) of each body the article names by form and the company list does
    not, in order; kept on the article's context. A shorter form of a listed body ("the
    Competition Commission" after "the Competition Commission of India") is that body."""
    memos = context.__dict__.setdefault("_approval_memos", {})
    memo = memos.setdefault("bodies by form", {})
    if "found" not in memo:
        listed = [m for m in context.mentions if m.kind == "regulator"]
        starts = [m.start for m in context.mentions]
        found = []
        for start, end, name in _scan(context.body):
            at = bisect.bisect_left(starts, end)
            if at and context.mentions[at - 1].end > start:
                continue  # the company list names it
            same = next(
                (
                    m.company
                    for m in listed
                    if name.lower() in context.body[m.start : m.end].lower()
                ),
                None,
            )
            found.append((start, end, same or name))
        memo["found"] = found
        memo["starts"] = [start for start, _, _ in found]
    return memo["found"], memo["starts"]


def _scan(body):
    found = []
    for match in _BODY_FORM.finditer(body):
        if match.group("local"):
            found.append((match.start("local"), match.end("local"), match.group("local")))
            continue
        name = match.group("name")
        words = name.split()
        if len(words) < 2 or _NOT_PUBLIC.search(name):
            continue  # "Commission" alone; "the Board"
        found.append((match.start("name"), match.end(), name))
    return found


def bodies_between(context, start, end):
    """The bodies named by form between two offsets of the article."""
    found, starts = body_names(context)
    at = bisect.bisect_left(starts, start)
    out = []
    while at < len(found) and found[at][0] < end:
        out.append(found[at])
        at += 1
    return out
