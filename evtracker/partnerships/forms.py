"""The filter form of the timeline, the boards, the feeds and the exports.

A value that does not validate never reaches a query: the form drops that
filter and says why, and the page shows the rest. Text is checked once, here, for
control characters (PostgreSQL refuses a NUL in text): such a value is dropped with
a note, as an unknown one is.
"""

import re

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator as ProhibitNull
from django.db.models import Subquery
from django.db.models.functions import Lower
from django.forms.renderers import Jinja2
from redis import RedisError

from .models import ApprovalStatus, Company, CompanyKind, FactTally, FactType, TalkStatus
from .timeline import Cursor, Filters

MAX_COMPANIES = 20
# Control characters (Unicode Cc) other than tab and line breaks, which strip() removes.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS_ERROR = "contains control characters; left out."


def refuse_control_characters(value):
    """A text parameter (or a list of them) must not carry control characters."""
    values = value if isinstance(value, (list, tuple)) else [value]
    if any(isinstance(v, str) and CONTROL_CHARACTERS.search(v) for v in values):
        raise ValidationError(CONTROL_CHARACTERS_ERROR, code="control_characters")


STATUS_CHOICES = [
    ("Talks", list(TalkStatus.choices)),
    ("Approvals", list(ApprovalStatus.choices)),
]


# The kinds of company the plain select lists: those that build cars or want to.
LISTED_KINDS = (CompanyKind.AUTOMAKER, CompanyKind.TECHNOLOGY)
# How many of them it lists: the most reported, by name. The ranking is kept in the cache
# for LISTED_SECONDS, since it moves slowly and costs 4-7 ms of SQL at a million articles.
LISTED_COMPANIES = 50
LISTED_KEY = "listed-companies"
LISTED_SECONDS = 600


def listed_companies():
    """[(slug, name)] of the LISTED_COMPANIES verified automakers and technology companies
    with the most public facts (FactTally), by name: the options of the plain select. The
    combobox that replaces it with JavaScript finds any company as the reader types
    (picker.py); without JavaScript, any other company is chosen from its own page's "Filter
    the timeline" link, and stays listed once chosen.

    Listing every automaker with an event (about 400 at a million articles) made a select
    nobody could scan and cost a fresh page some 7 ms to render; docs/architecture.md.
    """
    try:
        return cache.get_or_set(LISTED_KEY, most_reported, LISTED_SECONDS)
    except RedisError:
        return most_reported()


def most_reported(limit=LISTED_COMPANIES):
    """The ranking behind listed_companies(), read afresh."""
    most = FactTally.most_reported(limit, company__verified=True, company__kind__in=LISTED_KINDS)
    companies = Company.objects.filter(pk__in=Subquery(most)).order_by(Lower("name"), "id")
    return list(companies.values_list("slug", "name"))


class CompanyChoiceField(forms.MultipleChoiceField):
    """Company slugs; the select lists some companies, any existing company is accepted.

    Cleaning looks the chosen ones up (one query) and keeps them in self.chosen; the
    slugs of no company are kept in self.unknown for the form to report.
    """

    def to_python(self, value):
        slugs = super().to_python(value)
        # Keep the order given, without repeats and blanks.
        return list(dict.fromkeys(slug.strip() for slug in slugs if slug.strip()))

    default_validators = [refuse_control_characters]

    def validate(self, value):
        if len(value) > MAX_COMPANIES:
            raise ValidationError(f"Choose at most {MAX_COMPANIES} companies.")

    def clean(self, value):
        slugs = super().clean(value)
        found = Company.objects.in_bulk(slugs, field_name="slug") if slugs else {}
        self.chosen = [found[slug] for slug in slugs if slug in found]
        self.unknown = [slug for slug in slugs if slug not in found]
        return [company.slug for company in self.chosen]


class FilterForm(forms.Form):
    # Its widgets are drawn by Django's Jinja2 widget templates: measured side by side on a
    # fresh page, the Django template engine took 4.2 ms of CPU for them and Jinja2 2.8
    # (docs/architecture.md).
    default_renderer = Jinja2()
    company = CompanyChoiceField(
        required=False,
        label="Companies",
        help_text=(
            "Any of them, in any role. The most reported automakers and technology companies are"
            " listed: hold Ctrl (⌘ on a Mac) to choose several; any other company can be chosen"
            " from its own page."
        ),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    counterpart = forms.ChoiceField(
        required=False,
        label="Counterpart kind",
        choices=[("", "Any kind"), *CompanyKind.choices],
    )
    type = forms.ChoiceField(
        required=False, label="Event type", choices=[("", "Any type"), *FactType.choices]
    )
    status = forms.ChoiceField(
        required=False, label="Status", choices=[("", "Any status"), *STATUS_CHOICES]
    )
    reviewed = forms.BooleanField(required=False, label="Reviewed by an editor only")
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search articles",
        help_text="Words from the article text or the evidence sentence.",
        widget=forms.SearchInput,
    )

    def __init__(self, data=None, *, companies=None, board_statuses=None):
        """companies: (slug, name) of the companies to offer (default: listed_companies());
        board_statuses: on a board of one fact type, its statuses (and no type filter).
        """
        super().__init__(data)
        if board_statuses is not None:
            del self.fields["type"]
            self.fields["status"].choices = [("", "Any status"), *board_statuses.choices]
        if companies is None:
            companies = listed_companies()
        self.fields["company"].choices = list(companies)

    def company_options(self):
        """[(slug, name, selected)] for the plain select: the listed companies and the chosen
        ones, by name."""
        field = self.fields["company"]
        chosen = {company.slug: company.name for company in getattr(field, "chosen", [])}
        options = [(slug, name, slug in chosen) for slug, name in field.choices]
        listed = {slug for slug, _ in field.choices}
        options += [(slug, name, True) for slug, name in chosen.items() if slug not in listed]
        return sorted(options, key=lambda option: option[1].lower()) if chosen else options

    def clean(self):
        cleaned = super().clean()
        unknown = getattr(self.fields["company"], "unknown", [])
        if unknown:
            names = ", ".join(f"“{slug[:60]}”" for slug in unknown[:3])
            self.add_error(None, f"Companies: no company is known as {names}; left out.")
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            del cleaned["from"], cleaned["to"]
            self.add_error(None, "The “from” date is after the “to” date; dates were ignored.")
        return cleaned

    def filters(self):
        """The valid part of what was asked, as Filters (call after is_valid())."""
        data = self.cleaned_data
        chosen = getattr(self.fields["company"], "chosen", []) if data.get("company") else []
        return Filters(
            companies=tuple(chosen),
            counterpart_kind=data.get("counterpart") or "",
            fact_type=data.get("type") or "",
            status=data.get("status") or "",
            start=data.get("from"),
            end=data.get("to"),
            reviewed_only=bool(data.get("reviewed")),
            text=(data.get("q") or "").strip(),
        )

    def problems(self):
        """One readable line per rejected value, naming the filter it was for."""
        lines = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            for error in errors:
                lines.append(f"{label}: {error}" if label else error)
        return lines


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


# "from" is a Python keyword, so these two fields are added by name.
_date_error = "Enter a date as YYYY-MM-DD; this date was ignored."
FilterForm.base_fields["from"] = forms.DateField(
    required=False,
    label="From",
    widget=DateInput,
    input_formats=["%Y-%m-%d"],
    error_messages={"invalid": _date_error},
)
FilterForm.base_fields["to"] = forms.DateField(
    required=False,
    label="To",
    widget=DateInput,
    input_formats=["%Y-%m-%d"],
    error_messages={"invalid": _date_error},
)
# Ours in place of CharField's own NUL validator, so a NUL gives one note, not two.
FilterForm.base_fields["q"].validators = [
    *(v for v in FilterForm.base_fields["q"].validators if not isinstance(v, ProhibitNull)),
    refuse_control_characters,
]
FilterForm.base_fields = {
    name: FilterForm.base_fields[name]
    for name in ("company", "counterpart", "type", "status", "from", "to", "reviewed", "q")
}


def read_filters(query, **form_options):
    """(form, filters, problems) for a query dict; invalid values are left out of the filters."""
    form = FilterForm(query, **form_options)
    form.is_valid()
    return form, form.filters(), form.problems()


def read_cursor(query):
    """(cursor or None, problem or None) for the `before` parameter."""
    value = query.get("before", "")
    if not value:
        return None, None
    cursor = Cursor.parse(value)
    if cursor is None:
        return None, "That “older events” link is not valid; showing the newest events."
    return cursor, None
