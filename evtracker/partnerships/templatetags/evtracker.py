"""Template helpers for the public pages: wording, badges and amounts."""

from datetime import datetime

from django import template
from django.template import engines
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..describe import (
    NO_REGULATOR,
    describe_event,
    describe_fact,
    describe_results,
    opens_with_quote,
)
from ..describe import money as money_text
from ..models import ApprovalStatus, InvestmentKind, ReviewState, TalkStatus
from ..paths import path
from ..timeline import companies_of

register = template.Library()

STATUS_LABELS = {**dict(TalkStatus.choices), **dict(ApprovalStatus.choices)}
KIND_LABELS = dict(InvestmentKind.choices)
# A symbol beside the word, so a status never rests on colour alone.
STATUS_SYMBOLS = {
    TalkStatus.RUMOURED: "?",
    TalkStatus.CONFIRMED: "✓",
    TalkStatus.AGREED: "✔",
    TalkStatus.DENIED: "✕",
    TalkStatus.ENDED: "■",
    ApprovalStatus.PENDING: "…",
    ApprovalStatus.GRANTED: "✔",
    ApprovalStatus.REJECTED: "✕",
}


@register.filter
def headline(event):
    """The event's line: 'Xiaomi and Chery reportedly in talks (was …)'."""
    return describe_event(event)


@register.filter
def summary(fact):
    return describe_fact(fact)


@register.simple_tag
def results_line(filters, noun="events"):
    """'Investments involving Xiaomi, mentioning “battery”' or 'All events'."""
    if not filters.active:
        return f"All {noun}"
    return describe_results(filters, noun)


@register.filter
def companies(fact):
    return companies_of(fact)


@register.filter
def money(fact):
    return money_text(fact.amount, fact.currency)


@register.simple_tag
def status_badge(status):
    """A badge with the status in words and a symbol; colour only adds to them."""
    if not status:
        return ""
    label = STATUS_LABELS.get(status, status.capitalize())
    symbol = STATUS_SYMBOLS.get(status, "")
    return format_html(
        '<span class="badge status-{}"><span aria-hidden="true">{}</span> {}</span>',
        status,
        symbol,
        label,
    )


@register.simple_tag
def kind_badge(kind):
    return format_html('<span class="badge kind">{}</span>', KIND_LABELS.get(kind, kind))


@register.simple_tag
def review_badge(fact):
    """'Unreviewed' or 'Needs another review'; nothing for a reviewed fact."""
    if fact.review_state == ReviewState.REVIEWED:
        return ""
    return format_html(
        '<span class="badge review-{}">{}</span>',
        fact.review_state,
        fact.get_review_state_display(),
    )


@register.filter
def admin_url(fact):
    """The fact's change page in the admin, for editors ("" if the admin has none)."""
    try:
        return reverse(f"admin:partnerships_{fact._meta.model_name}_change", args=[fact.pk])
    except NoReverseMatch:
        return ""


@register.filter
def article_url(article_id):
    """The public page of an article, by id."""
    return path("partnerships:article", article_id)


@register.filter
def quote_class(sentence):
    """' class="self-quoted"' for a quote that opens with its own quotation mark, so the
    style's marks around quotes are left off it; else ''."""
    return mark_safe(' class="self-quoted"') if opens_with_quote(sentence) else ""


@register.filter
def plural(count, word):
    """'1 article', '3 articles'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip


@register.filter
def day(value):
    """'12 Oct 2023' for a date or datetime (its local date); '' when there is none."""
    value = _as_date(value)
    return f"{value.day} {MONTH_ABBREVIATIONS[value.month - 1]} {value.year}" if value else ""


@register.filter
def iso_day(value):
    """'2023-10-12' for a date or datetime (its local date), for <time datetime>."""
    value = _as_date(value)
    return value.isoformat() if value else ""


@register.simple_tag
def no_regulator():
    """What an approval card says when no regulator is named."""
    return NO_REGULATOR


def _as_date(value):
    """The local date of a datetime; a date (or None) as it is."""
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


@register.simple_tag(takes_context=True)
def jinja(context, name, **values):
    """A piece of a page the Jinja2 engine renders: templates/jinja2/<name> with `values`.
    For the rows and figures a page repeats by the dozen (partnerships/jinja_rows.py)."""
    template = engines["jinja2"].get_template(name)
    return mark_safe(template.render(values, request=context.get("request")))
