"""The company page's chart of reports per month, drawn as SVG by the template.

Here are the figures and the geometry; the template only places them, so the
page needs no JavaScript and prints as it shows.
"""

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.db.models.functions import TruncMonth

from . import pagecache
from .models import Approval, Company, Evidence, Investment, ReportedTalk
from .timeline import FACT_COMPANY_FIELDS

logger = logging.getLogger(__name__)

# The chart spans the company's reports: at least a year, at most three, ending with the last.
FEWEST_MONTHS, MOST_MONTHS = 12, 36
WIDTH, HEIGHT = 600, 180
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")  # fmt: skip
TOP, BOTTOM, LEFT = 16, 36, 8


@dataclass
class Bar:
    month: date
    count: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    # With many bars only every third month is named.
    show_label: bool = True

    @property
    def month_name(self):
        """'October 2023'."""
        return f"{MONTH_NAMES[self.month.month - 1]} {self.month.year}"

    @property
    def month_abbreviation(self):
        return MONTH_NAMES[self.month.month - 1][:3]

    @property
    def show_year(self):
        return self.month.month == 1

    @property
    def value_y(self):
        return round(self.y - 4, 1)


@dataclass
class Chart:
    bars: list
    peak: int
    total: int
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = HEIGHT - BOTTOM

    @property
    def empty(self):
        return self.total == 0

    @property
    def first_month(self):
        return self.bars[0].month

    @property
    def last_month(self):
        return self.bars[-1].month

    @property
    def month_label_y(self):
        return self.baseline + 14

    @property
    def year_label_y(self):
        return self.baseline + 28


WATERMARK_KEY = "evtracker:chart:watermark"
# Evidence ids looked at again below the watermark (ingestion stores a few per article).
WATERMARK_REWIND = 200
# Evidence's paths to the companies of its fact: "talk__party_a_id" and the like.
COMPANY_FIELDS = [
    f"{fact_type}__{name}_id" for fact_type, names in FACT_COMPANY_FIELDS.items() for name in names
]


def chart_key(company):
    """The cache key of a company's chart. The row's creation time is part of it: a
    database made afresh (tests, a new corpus) reuses ids, while Redis keeps old charts."""
    return f"evtracker:chart:{company.pk}:{company.created_at.timestamp():.6f}"


def cached_reports_per_month(company):
    """reports_per_month, kept in the cache per company.

    Counting every report of a much-covered automaker reads hundreds of thousands of
    rows (over a second at a million articles), which no reader should wait for each
    time the data moves. refresh_charts() (every EVTRACKER_CHART_REFRESH_SECONDS on the
    beat) recounts the charts of companies with new reports; removed reports drop the
    companies' charts (signals.py). A chart is kept at most
    EVTRACKER_CHART_CACHE_SECONDS. A connection with uncommitted writes counts afresh,
    so that an editor's own change shows at once.
    """
    seconds = settings.EVTRACKER_CHART_CACHE_SECONDS
    if seconds <= 0 or pagecache.uncommitted_writes():
        return reports_per_month(company)
    key = chart_key(company)
    try:
        stored = cache.get(key)
    except Exception:
        logger.warning("Chart cache: cannot read %s", key, exc_info=True)
        return reports_per_month(company)
    if stored is not None:
        return Counter({date.fromisoformat(month): n for month, n in stored})
    counts = reports_per_month(company)
    _store(company, counts)
    return counts


def _store(company, counts):
    key = chart_key(company)
    value = [(month.isoformat(), n) for month, n in counts.items()]
    try:
        cache.set(key, value, settings.EVTRACKER_CHART_CACHE_SECONDS)
    except Exception:
        logger.warning("Chart cache: cannot store %s", key, exc_info=True)


def _companies(ids):
    return Company.objects.filter(pk__in=[pk for pk in ids if pk]).only("pk", "created_at")


def forget_charts(company_ids):
    """Drop these companies' cached charts (their reports were removed or moved)."""
    if settings.EVTRACKER_CHART_CACHE_SECONDS <= 0:
        return
    try:
        cache.delete_many([chart_key(company) for company in _companies(company_ids)])
    except Exception:
        logger.warning("Chart cache: cannot drop charts", exc_info=True)


def refresh_charts():
    """Recount the cached charts of companies whose facts gained reports since the last
    call (evidence ids above a watermark); returns how many were recounted."""
    if settings.EVTRACKER_CHART_CACHE_SECONDS <= 0:
        return 0
    newest = Evidence.objects.aggregate(newest=Max("id"))["newest"] or 0
    watermark = cache.get(WATERMARK_KEY)
    if watermark is not None and watermark > newest:
        watermark = 0  # a database made afresh since: look at all of it once
    changed = set()
    if watermark is not None:
        # A little before the watermark too: a transaction that took its ids before the
        # last call may have committed since.
        rows = Evidence.objects.filter(
            id__gt=watermark - WATERMARK_REWIND, id__lte=newest
        ).values_list(*COMPANY_FIELDS)
        changed = {company_id for row in rows for company_id in row if company_id}
    # Only charts someone has looked at are kept; the others are counted when first asked for.
    keys = {chart_key(company): company for company in _companies(changed)}
    cached = [keys[key] for key in cache.get_many(list(keys))]
    for company in cached:
        _store(company, reports_per_month(company))
    cache.set(WATERMARK_KEY, newest, None)
    return len(cached)


def reports_per_month(company):
    """{first day of month: articles reporting the company's facts that month}.

    One query per kind of fact, each served by the evidence's index on that
    fact; an article reporting two kinds of fact counts once for each.
    """
    counts = Counter()
    fact_sets = {
        "talk": ReportedTalk.objects.public().involving(company),
        "investment": Investment.objects.public().involving(company),
        "approval": Approval.objects.public().involving(company),
    }
    for link, facts in fact_sets.items():
        rows = (
            Evidence.objects.filter(**{f"{link}__in": facts.values("pk")})
            .annotate(month=TruncMonth("reported_on"))
            .order_by()
            .values("month")
            .annotate(articles=Count("article_id", distinct=True))
            .values_list("month", "articles")
        )
        for month, articles in rows:
            counts[_month_start(month)] += articles
    return counts


def _month_start(value):
    return date(value.year, value.month, 1)


def _months_back(last, n):
    """The n months ending with `last`, oldest first."""
    months = []
    year, month = last.year, last.month
    for _ in range(n):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def monthly_chart(counts, today=None):
    """One bar per month from the first month with reports to the last (12 to 36 bars)."""
    last = max(counts) if counts else _month_start(today or date.today())
    first = min(counts) if counts else last
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    months = min(max(span, FEWEST_MONTHS), MOST_MONTHS)
    shown = _months_back(last, months)
    peak = max((counts.get(month, 0) for month in shown), default=0)
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) / months
    bars = []
    for i, month in enumerate(shown):
        count = counts.get(month, 0)
        height = plot_height * count / peak if peak else 0
        x = LEFT + i * slot + slot * 0.15
        bars.append(
            Bar(
                month=month,
                count=count,
                x=round(x, 1),
                y=round(HEIGHT - BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label_x=round(x + slot * 0.35, 1),
                show_label=months <= 18 or i == 0 or month.month in (1, 4, 7, 10),
            )
        )
    return Chart(bars=bars, peak=peak, total=sum(bar.count for bar in bars))
