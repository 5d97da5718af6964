"""Bylines and datelines of plain-text articles: author, outlet and publication time.

Used by readers.read_text on the few lines under the headline, e.g.
"By Pradnesh Naik 12:34 pm Oct 12, 202312:34 pm", "By Jane Doe, Reuters",
"By Jane Doe | October 12, 2023", "Oct. 12, 2023 3:05 PM ET", "Source: Bloomberg".
Times without a zone are taken as UTC.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>(?i:{_MONTH_NAMES}))\b\.?"
# The year may run straight into a time ("202312:34 pm"): no word boundary after it.
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = [
    re.compile(
        rf"\b{_YEAR}-(?P<mm>\d\d)-(?P<day>\d\d)"
        r"(?:[T ](?P<hh>\d\d):(?P<mi>\d\d)(?::\d\d(?:\.\d+)?)?(?P<offset>Z|[+-]\d\d:?\d\d)?)?"
    ),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}"),
]
# Zones a byline may name: (IANA name, standard UTC offset in hours if tzdata is missing).
_ZONES = {
    "UTC": ("UTC", 0),
    "GMT": ("UTC", 0),
    "ET": ("America/New_York", -5),
    "EST": ("America/New_York", -5),
    "EDT": ("America/New_York", -5),
    "CT": ("America/Chicago", -6),
    "PT": ("America/Los_Angeles", -8),
    "PST": ("America/Los_Angeles", -8),
    "PDT": ("America/Los_Angeles", -8),
    "BST": ("Europe/London", 0),
    "CET": ("Europe/Berlin", 1),
    "CEST": ("Europe/Berlin", 1),
    "IST": ("Asia/Kolkata", 5.5),
    "HKT": ("Asia/Hong_Kong", 8),
    "SGT": ("Asia/Singapore", 8),
    "JST": ("Asia/Tokyo", 9),
    "KST": ("Asia/Seoul", 9),
    "BJT": ("Asia/Shanghai", 8),
}
_TIME = re.compile(
    r"(?<![\d:])(?P<hh>\d{1,2}):(?P<mi>\d\d)(?::\d\d)?\s*(?P<ampm>[AaPp]\.?[Mm]\b\.?)?"
    rf"(?:\s*\(?(?P<zone>{'|'.join(_ZONES)})\b\)?)?"
)
_BYLINE = re.compile(
    r"^(?:by|written by|posted by|words by|reporting by)\b[:\s]+(?P<rest>.+)$", re.I
)
_KEY_VALUE = re.compile(
    r"^(?P<key>source|outlet|publication|publisher|author|byline|published|date|updated|url)"
    r"\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:\||·|•|\s[-–—]\s)\s*")
_NAME_STOP = re.compile(
    r"\s(?:on|at|updated|published|posted)\b|\d|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
)
_NAME_PARTICLES = {"de", "da", "di", "van", "von", "der", "den", "la", "le", "bin", "del", "dos"}
_ROLE_WORDS = {"staff", "writer", "reporter", "correspondent", "editor", "contributor"}
_ROLE_WORDS |= {"columnist", "senior", "chief", "team", "desk", "special"}
_OUTLET_WORDS = {"news", "times", "post", "journal", "wire", "press", "agency", "daily"}
_OUTLET_WORDS |= {"herald", "tribune", "review", "insider", "magazine", "weekly", "today"}
_OUTLET_WORDS |= {"telegraph", "guardian", "gazette", "observer", "express", "economist"}
_OUTLET_WORDS |= {"asia", "media", "online", "network", "reports", "standard", "mail"}
_NOT_OUTLETS = {"updated", "published", "share", "print", "comments", "opinion", "analysis"}
_DATE_WORDS = re.compile(r"\b(?:published|updated|posted|last|on|at|date|time)\b|[:,|·•()-]", re.I)


@dataclass
class Meta:
    published_at: datetime | None = None
    author: str = ""
    outlet: str = ""
    url: str = ""


def _zone(name):
    iana, hours = _ZONES[name]
    try:
        return ZoneInfo(iana)
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=hours))


def _find_date(text):
    for pattern in _DATES:
        match = pattern.search(text)
        if match:
            return match
    return None


def parse_date(text):
    """The first date in text (with its time and zone when given), timezone-aware; or None."""
    match = _find_date(text)
    if not match:
        return None
    found = match.groupdict()
    month = int(found["mm"]) if found.get("mm") else _MONTHS[found["month"].lower()]
    hour = minute = 0
    zone = UTC
    if found.get("hh"):
        hour, minute = int(found["hh"]), int(found["mi"])
        if found.get("offset") and found["offset"] != "Z":
            sign = 1 if found["offset"][0] == "+" else -1
            digits = found["offset"][1:].replace(":", "")
            zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    else:
        clock = _TIME.search(text)
        if clock:
            hour, minute = int(clock["hh"]), int(clock["mi"])
            ampm = (clock["ampm"] or "").lower()
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
            if clock["zone"]:
                zone = _zone(clock["zone"])
    try:
        stamp = datetime(int(found["year"]), month, int(found["day"]), hour, minute, tzinfo=zone)
    except ValueError:  # 31 February, 25:00 and the like
        return None
    return stamp.astimezone(UTC) if zone is not UTC else stamp


def looks_like_outlet(text):
    words = text.split()
    if not words or len(text) > 40 or re.search(r"\d", text) or not text[0].isupper():
        return False
    if len(words) == 1:
        return words[0].lower() not in _NOT_OUTLETS | _ROLE_WORDS
    return words[0] == "The" or words[-1].lower() in _OUTLET_WORDS


def _looks_like_names(text):
    words = [w for w in re.split(r"[\s,&]+", text) if w and w.lower() not in ("and", "&")]
    if not words or len(words) > 12:
        return False
    return all(
        w[0].isupper() or w.lower() in _NAME_PARTICLES or w.lower().startswith(("al-", "el-"))
        for w in words
    )


def join_names(names):
    """["A", "B", "C"] -> "A, B and C"."""
    names = [n.strip() for n in names if n and n.strip()]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _read_byline(rest, meta):
    """Author, outlet and date from what follows "By"; False when it is not a byline."""
    segments = [s for s in _SEPARATORS.split(rest) if s.strip()]
    if not segments:
        return False
    first = segments[0]
    stop = _NAME_STOP.search(first)
    names_part = (first[: stop.start()] if stop else first).strip(" ,;")
    pieces = [p.strip() for p in names_part.split(",") if p.strip()]
    if not pieces or not _looks_like_names(pieces[0]):
        return False
    authors, outlet = [], ""
    for piece in pieces:
        if authors and looks_like_outlet(piece):
            outlet = outlet or piece
        elif piece.split()[0].lower() not in _ROLE_WORDS:
            authors.append(piece)
    for segment in segments[1:]:
        if not outlet and looks_like_outlet(segment.strip()):
            outlet = segment.strip()
    meta.author = meta.author or ", ".join(authors)
    meta.outlet = meta.outlet or outlet
    meta.published_at = meta.published_at or parse_date(rest)
    return True


def _is_date_line(line):
    match = _find_date(line)
    if not match or len(line) > 120:
        return False
    leftover = _TIME.sub(" ", line[: match.start()] + " " + line[match.end() :])
    leftover = _DATE_WORDS.sub(" ", leftover)
    return len(leftover.split()) <= 2


def read_header_line(line, meta):
    """Take author, outlet, date or url from one line under the headline; True if it was one."""
    if len(line) > 200:
        return False
    key_value = _KEY_VALUE.match(line)
    if key_value:
        key, value = key_value["key"].lower(), key_value["value"].strip()
        if key in ("source", "outlet", "publication", "publisher"):
            meta.outlet = meta.outlet or value
        elif key in ("author", "byline"):
            meta.author = meta.author or re.sub(r"^by\s+", "", value, flags=re.I)
        elif key == "url":
            meta.url = meta.url or value
        else:
            meta.published_at = meta.published_at or parse_date(value)
        return True
    byline = _BYLINE.match(line)
    if byline and _read_byline(byline["rest"], meta):
        return True
    if _is_date_line(line):
        meta.published_at = meta.published_at or parse_date(line)
        return True
    if not meta.outlet and looks_like_outlet(line) and len(line.split()) <= 4:
        meta.outlet = line
        return True
    return False
