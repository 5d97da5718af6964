"""When a sentence dates its event: "in August last year", "last month", "on Tuesday"."""

import re
from datetime import date, timedelta

from evtracker.news.extraction.patterns import per_article

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
# Phrases that date something other than the event ("founded in 2010", "by 2030").
_NOT_THE_EVENT = (
    r"(?<!founded )(?<!established )(?<!since )(?<!until )(?<!by )(?<!from )"
    r"(?<!before )(?<!through )(?<!launched )(?<!listed )"
)

_DATE_PATTERNS = [
    (
        "day_month_year",
        re.compile(rf"\b(?:on\s+)?(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"),
    ),
    (
        "month_day_year",
        re.compile(
            rf"\b(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
        ),
    ),
    ("month_day", re.compile(rf"\bon\s+{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b")),
    (
        "month_year",
        re.compile(rf"\b{_NOT_THE_EVENT}in\s+{_MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"),
    ),
    ("month_last_year", re.compile(rf"\b{_NOT_THE_EVENT}in\s+{_MONTH}\s+(?:of\s+)?last\s+year\b")),
    (
        "month_this_year",
        re.compile(rf"\b{_NOT_THE_EVENT}in\s+{_MONTH}(?:\s+(?:of\s+)?this\s+year)?\b(?!\s+\d)"),
    ),
    ("last_month", re.compile(r"\blast\s+month\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\blast\s+week\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\byesterday\b", re.IGNORECASE)),
    (
        "weekday",
        re.compile(
            r"\b(?:on|last|this)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    ("last_year", re.compile(rf"\b{_NOT_THE_EVENT}last\s+year\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b{_NOT_THE_EVENT}in\s+(?P<year>(?:19|20)\d\d)\b")),
]


def _month(match):
    return MONTHS[match.group("month").lower().rstrip(".")]


def _safe_date(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(kind, match, published):
    if kind in ("day_month_year", "month_day_year"):
        return _safe_date(int(match.group("year")), _month(match), int(match.group("day")))
    if kind == "month_day":
        found = _safe_date(published.year, _month(match), int(match.group("day")))
        if found and found > published:
            found = _safe_date(published.year - 1, _month(match), int(match.group("day")))
        return found
    if kind == "month_year":
        return date(int(match.group("year")), _month(match), 1)
    if kind == "month_last_year":
        return date(published.year - 1, _month(match), 1)
    if kind == "month_this_year":
        month = _month(match)
        # A month later than publication, said of a past event, is last year's.
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1)
    if kind == "last_month":
        first = published.replace(day=1)
        return (first - timedelta(days=1)).replace(day=1)
    if kind == "last_week":
        return published - timedelta(days=7)
    if kind == "yesterday":
        return published - timedelta(days=1)
    if kind == "weekday":
        wanted = _WEEKDAYS.index(match.group("weekday").lower())
        return published - timedelta(days=(published.weekday() - wanted) % 7)
    if kind == "last_year":
        return date(published.year - 1, 1, 1)
    if kind == "year":
        return date(int(match.group("year")), 1, 1)
    return None


# What each kind of date phrase needs in the sentence: most sentences have none of it.
_NEEDS = {
    "day_month_year": "month",
    "month_day_year": "month",
    "month_day": "month",
    "month_year": "month",
    "month_last_year": "month",
    "month_this_year": "month",
    "last_month": "last",
    "last_week": "last",
    "yesterday": "yesterday",
    "weekday": "weekday",
    "last_year": "last",
    "year": "year",
}
# Each opens with literal text, which the engine skips to; a hint may hold where no phrase
# does ("blast").
_HINTS = {
    "month": re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
    "last": re.compile(r"[Ll]ast"),
    "yesterday": re.compile(r"[Yy]esterday"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "year": re.compile(r"(?:19|20)\d\d"),
}


@per_article
def event_date(sentence, published):
    """The date a sentence gives its event, else `published`; never after `published`."""
    present = {name for name, hint in _HINTS.items() if hint.search(sentence)}
    if not present:
        return published
    for kind, pattern in _DATE_PATTERNS:
        if _NEEDS[kind] not in present:
            continue
        match = pattern.search(sentence)
        if match:
            found = _resolve(kind, match, published)
            if found and found <= published:
                return found
            return published
    return published
