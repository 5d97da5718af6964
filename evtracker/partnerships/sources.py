"""Whose rumours come true: /sources/.

A talk's rumour belongs to the source of its first report, when that report
called the talk rumoured: the article's outlet ("Bloomberg"), or the report's
attribution ("people familiar with the matter"), as the reader chooses. Its
outcome is read from the talk's status moves (its events): confirmed or agreed
at any time, or else denied, ended, or still open; the days to an outcome run
from the rumour's date to the first move into it.

Three queries whatever the number of talks, plus the form's companies: the
talks in scope with the id of each one's first report, those reports, and the
status moves of the talks.
"""

import statistics
from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .forms import CompanyChoiceField, DateInput
from .models import Company, Event, EventKind, Evidence, ReportedTalk, TalkStatus

CAME_TRUE = "came true"
DENIED = "denied"
ENDED = "ended"
OPEN = "open"
OUTCOMES = (CAME_TRUE, DENIED, ENDED, OPEN)
TRUE_STATUSES = frozenset({TalkStatus.CONFIRMED, TalkStatus.AGREED})
# Talks listed under each source; the counts cover all of them.
TALKS_LISTED = 100
NO_OUTLET = "Outlet not recorded"
NO_ATTRIBUTION = "No attribution (the outlet's own reporting)"


@dataclass
class Rumour:
    talk: ReportedTalk
    source: str
    reported_on: date
    outcome: str = OPEN
    outcome_on: date | None = None

    @property
    def days(self):
        """Days from the rumour to its outcome (None while open)."""
        if self.outcome_on is None:
            return None
        return max((self.outcome_on - self.reported_on).days, 0)


@dataclass
class SourceRecord:
    name: str
    rumours: list = field(default_factory=list)

    @property
    def named(self):
        """Whether the record is a source at all, not the rumours with none recorded."""
        return self.name not in (NO_OUTLET, NO_ATTRIBUTION)

    def count(self, outcome):
        return sum(1 for rumour in self.rumours if rumour.outcome == outcome)

    @property
    def came_true(self):
        return self.count(CAME_TRUE)

    @property
    def denied(self):
        return self.count(DENIED)

    @property
    def ended(self):
        return self.count(ENDED)

    @property
    def still_open(self):
        return self.count(OPEN)

    @property
    def settled(self):
        return len(self.rumours) - self.still_open

    @property
    def share_true(self):
        """Percent of the settled rumours that came true (None when none is settled)."""
        return round(100 * self.came_true / self.settled) if self.settled else None

    @property
    def median_days(self):
        days = [rumour.days for rumour in self.rumours if rumour.days is not None]
        return statistics.median(days) if days else None

    @property
    def listed(self):
        return sorted(self.rumours, key=lambda r: (r.reported_on, r.talk.pk), reverse=True)[
            :TALKS_LISTED
        ]

    def bar(self, most):
        """(outcome, x, width) in percent of the widest source's rumours, for the chart."""
        x, parts = 0.0, []
        for outcome in OUTCOMES:
            width = 100 * self.count(outcome) / most if most else 0
            if width:
                parts.append((outcome, round(x, 2), round(width, 2)))
            x += width
        return parts


def outcome_of(talk, moves):
    """(outcome, date reached) of a talk from its status moves [(date, status)] in order."""
    for on, status in moves:
        if status in TRUE_STATUSES:
            return CAME_TRUE, on
    if talk.status in TRUE_STATUSES:
        return CAME_TRUE, None
    if talk.status in (TalkStatus.DENIED, TalkStatus.ENDED):
        reached = next((on for on, status in moves if status == talk.status), None)
        return (DENIED if talk.status == TalkStatus.DENIED else ENDED), reached
    return OPEN, None


def talks_in_scope(companies=(), start=None, end=None):
    """Public talks involving any of the companies, first reported between the dates."""
    talks = ReportedTalk.objects.public()
    if companies:
        ids = [company.pk for company in companies]
        talks = talks.filter(Q(party_a_id__in=ids) | Q(party_b_id__in=ids))
    if start:
        talks = talks.filter(first_reported__gte=start)
    if end:
        talks = talks.filter(first_reported__lte=end)
    return talks


def source_records(talks, by="outlet"):
    """[SourceRecord] for the talks (a queryset), most rumours first: three queries."""
    first = (
        Evidence.objects.filter(talk=OuterRef("pk"))
        .order_by("reported_on", "article__published_at", "article_id", "start", "id")
        .values("id")[:1]
    )
    scoped = list(
        talks.annotate(first_report=Subquery(first)).select_related(*ReportedTalk.company_fields)
    )
    rumoured = {
        row["talk_id"]: row
        for row in Evidence.objects.filter(
            id__in=[talk.first_report for talk in scoped if talk.first_report],
            reported_status=TalkStatus.RUMOURED,
        ).values("talk_id", "attributed_to", "reported_on", "article__outlet")
    }
    moves = {}
    events = (
        Event.objects.filter(talk_id__in=list(rumoured), kind=EventKind.STATUS)
        .order_by("occurred_on", "id")
        .values_list("talk_id", "occurred_on", "status")
    )
    for talk_id, on, status in events:
        moves.setdefault(talk_id, []).append((on, status))
    records = {}
    for talk in scoped:
        report = rumoured.get(talk.pk)
        if report is None:
            continue
        if by == "attribution":
            name = (report["attributed_to"] or "").strip() or NO_ATTRIBUTION
        else:
            name = (report["article__outlet"] or "").strip() or NO_OUTLET
        record = records.setdefault(name.casefold(), SourceRecord(name))
        outcome, on = outcome_of(talk, moves.get(talk.pk, []))
        record.rumours.append(Rumour(talk, record.name, report["reported_on"], outcome, on))
    return sorted(records.values(), key=lambda record: (-len(record.rumours), record.name))


def automakers():
    """(slug, name) of the verified automakers: the form's options."""
    return (
        Company.objects.automakers().verified().order_by(Lower("name")).values_list("slug", "name")
    )


class SourcesForm(forms.Form):
    company = CompanyChoiceField(
        required=False,
        label="Automakers",
        help_text="Talks involving any of them: type a name, or hold Ctrl (⌘ on a Mac) to "
        "choose several.",
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    by = forms.ChoiceField(
        required=False,
        label="Count by",
        choices=[("outlet", "Outlet"), ("attribution", "Attribution")],
    )

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["company"].choices = list(automakers())


_date_error = "Enter a date as YYYY-MM-DD; this date was ignored."
for _name, _label in (("from", "Rumoured from"), ("to", "Rumoured until")):
    SourcesForm.base_fields[_name] = forms.DateField(
        required=False,
        label=_label,
        widget=DateInput,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _date_error},
    )


@require_GET
def sources(request):
    form = SourcesForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    chosen = getattr(form.fields["company"], "chosen", []) if data.get("company") else []
    start, end = data.get("from"), data.get("to")
    problems = [
        f"{form.fields[name].label if name in form.fields else ''}: {error}".lstrip(": ")
        for name, errors in form.errors.items()
        for error in errors
    ]
    if unknown := getattr(form.fields["company"], "unknown", []):
        problems.append(f"Automakers: no company is known as “{unknown[0][:60]}”; left out.")
    by = data.get("by") or "outlet"
    records = source_records(talks_in_scope(chosen, start, end), by)
    most = max((len(record.rumours) for record in records), default=0)
    context = {
        "form": form,
        "problems": problems,
        "records": records,
        "bars": [(record, record.bar(most)) for record in records[:15]],
        "by": by,
        "chosen": chosen,
        "start": start,
        "end": end,
        "total": sum(len(record.rumours) for record in records),
        "named_sources": sum(record.named for record in records),
        "unsourced": sum(len(record.rumours) for record in records if not record.named),
        "nav": "sources",
    }
    return render(request, "partnerships/sources.html", context)
