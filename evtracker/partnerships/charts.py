"""The company page's chart of reports per month, drawn as SVG by the template.

Here are the figures and the geometry; the template only places them, so the
page needs no JavaScript and prints as it shows.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Sum

from .models import MonthlyReports

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


def reports_per_month(company):
    """{first day of month: articles reporting the company's facts that month}, read from
    MonthlyReports, which partnerships.domain keeps with every write; an article reporting
    two kinds of fact counts once for each."""
    rows = (
        MonthlyReports.objects.filter(company=company, reports__gt=0)
        .values("month")
        .annotate(articles=Sum("reports"))
        .values_list("month", "articles")
    )
    return Counter({_month_start(month): articles for month, articles in rows})


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
