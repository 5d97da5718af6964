"""Template helpers for the public pages: wording, badges and amounts."""

from datetime import datetime
from html import escape as esc

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..describe import NO_REGULATOR, describe_event, describe_fact, describe_results
from ..describe import money as money_text
from ..models import ApprovalStatus, InvestmentKind, ReviewState, TalkStatus
from ..timeline import companies_of

register = template.Library()

STATUS_LABELS = {**dict(TalkStatus.choices), **dict(ApprovalStatus.choices)}
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
    labels = dict(InvestmentKind.choices)
    return format_html('<span class="badge kind">{}</span>', labels.get(kind, kind))


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
def plural(count, word):
    """'1 article', '3 articles'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip

# The rows below are written with the standard library's escape (quotes included) and
# f-strings: a page has thousands of values, and format_html costs ten times as much each.


def _time(value):
    """<time> for a date or datetime, written '12 Oct 2023' ('' when there is none)."""
    day = _as_date(value)
    return f'<time datetime="{day.isoformat()}">{_day(day)}</time>' if day else ""


class _Links:
    """Company and article addresses, each reversed once per list rather than once per row."""

    def __init__(self):
        self.company = reverse("partnerships:company", args=["slug-mark"]).split("slug-mark")
        self.article = reverse("partnerships:article", args=[0]).rsplit("0", 1)
        self.stories = {
            name: reverse(f"partnerships:{name}", args=[0]).rsplit("0", 1)
            for name in ("talk", "investment", "approval")
        }

    def company_url(self, company):
        return f"{self.company[0]}{esc(company.slug)}{self.company[1]}"

    def article_url(self, article_id):
        return f"{self.article[0]}{int(article_id)}{self.article[1]}"

    def story_url(self, fact):
        """The fact's story page (Fact.get_absolute_url, without a reverse per row)."""
        before, after = self.stories[fact.fact_type]
        return f"{before}{int(fact.pk)}{after}"


@register.simple_tag
def event_items(events, deep=False, compact=False):
    """The <li> of each event: badges, headline, companies, quoted evidence, report count.

    The quote is a <details>, open unless the page is in the compact view (one line per
    event, the quote on demand); the detailed view's stylesheet hides its summary.

    Written in Python rather than as an included template: a timeline page has 50 of
    these, and the template engine spent most of the page's time on them.
    """
    links = _Links()
    return mark_safe("\n".join(_event_item(event, deep, links, compact) for event in events))


def _event_item(event, deep, links, compact=False):
    fact = event.fact
    badges = [
        f'<span class="badge type">{esc(event.get_fact_type_display())}</span>',
        kind_badge(fact.kind) if event.investment_id else status_badge(event.status),
        '<span class="badge moved">Status change</span>' if event.kind == "status" else "",
        review_badge(fact),
        _time(event.occurred_on),
    ]
    companies = '<span aria-hidden="true"> · </span>'.join(
        f'<a href="{links.company_url(company)}">{esc(company.name)}</a>'
        for company in companies_of(fact)
    )
    heading = "h4" if deep else "h3"
    reports = (
        f'<p class="reports">Reported by {plural(event.reports, "article")}</p>'
        if event.reports
        else ""
    )
    return (
        f'<li class="event type-{esc(event.fact_type)}" id="event-{int(event.pk)}">'
        f'<div class="event-meta">{" ".join(filter(None, badges))}</div>'
        f'<{heading} class="event-title"><a href="{links.story_url(fact)}#event-{int(event.pk)}">'
        f"{esc(describe_event(event))}</a></{heading}>"
        f'<p class="companies"><span class="visually-hidden">Companies: </span>{companies}</p>'
        f"{_evidence(event, links, compact)}{reports}</li>"
    )


def _evidence(event, links, compact=False):
    evidence = event.shown_evidence
    if not evidence:
        if event.kind == "status":
            return '<p class="evidence-none">Status set by an editor.</p>'
        return '<p class="evidence-none">No evidence sentence is recorded for this fact yet.</p>'
    article = evidence.article
    url = f"{links.article_url(evidence.article_id)}#evidence-{int(evidence.pk)}"
    source = f'<a href="{url}">{esc(article.outlet or article.title)}</a>'
    attributed = f"{esc(evidence.attributed_to)}, reported by " if evidence.attributed_to else ""
    return (
        f'<details class="quote"{"" if compact else " open"}><summary>Quote</summary>'
        f'<figure class="evidence"><blockquote><p>{esc(evidence.sentence)}</p></blockquote>'
        f"<figcaption>{attributed}{source}, {_time(article.published_at)}</figcaption></figure>"
        "</details>"
    )


@register.simple_tag
def company_options(bound_field):
    """The <option>s of the company filter, the chosen ones selected (hundreds of them)."""
    chosen = set(bound_field.value() or ())
    options = (
        f'<option value="{esc(slug)}"{" selected" if slug in chosen else ""}>{esc(name)}</option>'
        for slug, name in bound_field.field.choices
    )
    return mark_safe("\n".join(options))


@register.simple_tag(takes_context=True)
def card_items(context, cards):
    """The <li> of each card on a status board (a board shows up to 250 of them)."""
    links = _Links()
    board = context["board_name"]
    mover = None
    if context.get("can_move"):
        mover = {
            "url": reverse("partnerships:move_card", args=[board, 0]).rsplit("0", 1),
            "token": esc(str(context.get("csrf_token", ""))),
            "filters": esc(context.get("filter_query", "")),
            "statuses": context["statuses"],
        }
    return mark_safe("\n".join(_card_item(card, board, links, mover) for card in cards))


def _card_item(card, board, links, mover):
    meta = f"{plural(card.reports, 'report')} {review_badge(card)}".rstrip()
    if board == "talks":
        title = (
            f'<a href="{links.company_url(card.party_a)}">{esc(card.party_a.name)}</a> '
            '<span aria-hidden="true">–</span><span class="visually-hidden">and</span> '
            f'<a href="{links.company_url(card.party_b)}">{esc(card.party_b.name)}</a>'
        )
        topic = f'<p class="topic">{esc(card.topic)}</p>' if card.topic else ""
        meta = f"Last report {_time(card.last_reported)} · {meta}"
    else:
        title = f'<a href="{links.company_url(card.subject)}">{esc(card.subject.name)}</a>'
        regulator = (
            f'from <a href="{links.company_url(card.regulator)}">{esc(card.regulator.name)}</a>'
            if card.regulator_id
            else NO_REGULATOR
        )
        topic = f'<p class="topic">{esc(card.what)}, {regulator}</p>'
        meta = f"As of {_time(card.as_of)} · {meta}"
    parts = [
        f'<li class="card" id="card-{int(card.pk)}">',
        f'<h3 class="card-title">{title}</h3>{topic}<p class="card-meta">{meta} · '
        f'<a href="{links.story_url(card)}">Story<span class="visually-hidden"> of '
        f"{esc(describe_fact(card))}</span></a></p>",
    ]
    evidence = card.latest_evidence
    if evidence:
        article = evidence.article
        url = f"{links.article_url(evidence.article_id)}#evidence-{int(evidence.pk)}"
        source = esc(article.outlet or article.title)
        published = _day(article.published_at)
        # Compact cards: the quote on demand.
        parts.append(
            '<details class="quote"><summary>Latest report</summary>'
            '<blockquote class="card-evidence">'
            f"<p>{esc(_shortened(evidence.sentence, 220))}</p></blockquote>"
            f'<p class="card-source"><a href="{url}">{source}, {published}</a></p></details>'
        )
    if mover:
        parts.append(_move_form(card, mover))
    parts.append("</li>")
    return "".join(parts)


def _move_form(card, mover):
    url = f"{mover['url'][0]}{int(card.pk)}{mover['url'][1]}"
    options = "".join(
        f'<option value="{esc(value)}"{" selected" if value == card.status else ""}>'
        f"{esc(label)}</option>"
        for value, label in mover["statuses"]
    )
    return (
        f'<form class="move" method="post" action="{url}" hx-post="{url}" hx-target="#results"'
        ' hx-swap="outerHTML">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{mover["token"]}">'
        f'<input type="hidden" name="filters" value="{mover["filters"]}">'
        f'<label for="move-{int(card.pk)}">Move to</label>'
        f'<select id="move-{int(card.pk)}" name="status">{options}</select>'
        # An id, so that htmx puts the focus back on this button in the board it swaps in.
        f'<button type="submit" id="move-button-{int(card.pk)}">Move</button></form>'
    )


def _day(value):
    """'12 Oct 2023' for a date or datetime ('' when there is none)."""
    day = _as_date(value)
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}" if day else ""


def _as_date(value):
    """The local date of a datetime; a date (or None) as it is."""
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


def _shortened(text, limit):
    """The text cut to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# The company page's lists (up to 50 rows each), written like the timeline's rows.


@register.simple_tag
def partner_items(talks):
    """<li>s of the company's partners: the partner, the talk's status and topic."""
    links = _Links()
    return mark_safe(
        "\n".join(
            f'<li><a href="{links.company_url(talk.partner)}">{esc(talk.partner.name)}</a> '
            f"{status_badge(talk.status)}"
            f"{f' <span class="muted">{esc(talk.topic)}</span>' if talk.topic else ''}"
            f' <a href="{links.story_url(talk)}">Story<span class="visually-hidden"> of the'
            f" talks with {esc(talk.partner.name)}</span></a></li>"
            for talk in talks
        )
    )


@register.simple_tag
def talk_items(talks):
    """<li>s of the company's talks of one status: partner, topic, dates reported."""
    links = _Links()
    rows = []
    for talk in talks:
        span = _day(talk.first_reported)
        if talk.last_reported != talk.first_reported:
            span += f" to {_day(talk.last_reported)}"
        topic = f": {esc(talk.topic)}" if talk.topic else ""
        rows.append(
            f'<li><a href="{links.company_url(talk.partner)}">{esc(talk.partner.name)}</a>{topic} '
            f'<span class="muted">reported {span}</span> {review_badge(talk)} '
            f'<a href="{links.story_url(talk)}">Story<span class="visually-hidden"> of the talks'
            f" with {esc(talk.partner.name)}</span></a></li>"
        )
    return mark_safe("\n".join(rows))


@register.simple_tag
def fact_items(facts):
    """<li>s of investments (kind, date) or approvals (status, as-of date)."""
    links = _Links()
    rows = []
    for fact in facts:
        if fact.fact_type == "investment":
            badge, when = kind_badge(fact.kind), _day(fact.announced_on)
        else:
            badge, when = status_badge(fact.status), f"as of {_day(fact.as_of)}"
        rows.append(
            f'<li><a href="{links.story_url(fact)}">{esc(describe_fact(fact))}</a> {badge} '
            f'<span class="muted">{when}</span> '
            f"{review_badge(fact)}</li>"
        )
    return mark_safe("\n".join(rows))
