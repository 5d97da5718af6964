"""The public pages: timeline, status boards, company and article pages.

A view that also serves an htmx fragment renders "page.html#partial" for an
htmx request, and the whole page otherwise, including htmx's history-restore
request (Back after a filter change), which must get a full page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from evtracker.news.models import Article

from . import article_text, domain
from .boards import BOARDS, build_board, column_page, paged_column
from .charts import monthly_chart, reports_per_month
from .forms import read_cursor, read_filters
from .models import Approval, Company, Evidence, Investment, ReportedTalk, ReviewState, TalkStatus
from .network import company_network
from .timeline import Filters, timeline_page
from .totals import by_status, fact_totals

HTMX_VARY = ("HX-Request", "HX-History-Restore-Request")
# The company page shows the latest of each list and of its timeline, with their totals
# and links to all of them on the boards and the filtered timeline.
COMPANY_LIST_LIMIT = 10
COMPANY_EVENTS = 10
# The partners network (and its table) draws on more of the latest talks than the lists show.
COMPANY_NETWORK_TALKS = 30


def older_url(path, params, page):
    """The link to the page after this one ("" on the last page), keeping the filters."""
    if not page.next_cursor:
        return ""
    return f"{path}?{urlencode([*params, ('before', str(page.next_cursor))])}"


def wants_fragment(request):
    """An htmx request that swaps part of the page (not a history restore)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def _options_needed(request):
    """None (load the filter's company options) for a full page; a fragment has no form."""
    return () if wants_fragment(request) else None


@require_GET
@vary_on_headers(*HTMX_VARY)
def timeline(request):
    form, filters, problems = read_filters(request.GET, companies=_options_needed(request))
    cursor, cursor_problem = read_cursor(request.GET)
    if cursor_problem:
        problems.append(cursor_problem)
    page = timeline_page(filters, cursor)
    context = {
        "form": form,
        "filters": filters,
        "filter_query": urlencode(filters.as_params()),
        "problems": problems,
        "page": page,
        "older_url": older_url(request.path, filters.as_params(), page),
        "is_first_page": cursor is None,
        "export_kinds": ["talks", "investments", "approvals"],
        "nav": "timeline",
    }
    template = "partnerships/timeline.html"
    # The compact view (one line per event): ?view=compact without JavaScript; with it,
    # the reader's choice is kept in the browser and applied there.
    context["compact"] = request.GET.get("view") == "compact"
    if not (wants_fragment(request) and "before" in request.GET):
        context["totals"] = fact_totals(filters)
    if not wants_fragment(request):
        return render(request, template, context)
    if "before" in request.GET:
        # "Older events" asks for the next events only.
        return render(request, template + "#events", context)
    return _with_clean_url(render(request, template + "#results", context), request, filters)


def _with_clean_url(response, request, filters):
    """Push the address of what is shown: valid filters only, no empty fields."""
    params = urlencode(filters.as_params())
    return push_url(response, f"{request.path}?{params}" if params else request.path)


@require_GET
@vary_on_headers(*HTMX_VARY)
def board(request, board):
    kind = _board_kind(board)
    # A column's "more" link: ?column=<status>&after=<date>_<id>, the filters kept.
    paged = paged_column(kind, request.GET)
    if paged and wants_fragment(request):
        return _column_more(request, board, kind, paged)
    context = _board_context(request, board, kind, request.GET, paged)
    template = "partnerships/board.html"
    if not wants_fragment(request):
        return render(request, template, context)
    response = render(request, template + "#results", context)
    return _with_clean_url(response, request, context["filters"])


def _board_kind(board):
    try:
        return BOARDS[board]
    except KeyError:
        raise Http404("No such board.") from None


def _column_more(request, board, kind, paged):
    """The next cards of one column, for its htmx "more" link (no form, no totals)."""
    _, filters, _ = read_filters(request.GET, board_statuses=kind.statuses, companies=())
    status, after = paged
    cards, next_cursor = column_page(kind, filters, status, after)
    context = {
        "cards": cards,
        "column": {
            "status": status,
            "label": dict(kind.statuses.choices)[status],
            "next_cursor": next_cursor,
        },
        "filter_query": urlencode(filters.as_params()),
        "board_name": board,
        "statuses": kind.statuses.choices,
        "can_move": request.user.has_perm(kind.permission),
    }
    return render(request, "partnerships/board.html#more-cards", context)


def _board_context(request, board, kind, query, paged=None):
    form, filters, problems = read_filters(
        query, board_statuses=kind.statuses, companies=_options_needed(request)
    )
    filter_query = urlencode(filters.as_params())
    totals = fact_totals(filters)
    # A search too common to total leaves the columns uncounted too.
    counts = None if totals.too_many_mentions else by_status(totals.counts, kind.fact_type)
    built = build_board(kind, filters, counts, paged=paged)
    return {
        "form": form,
        "filters": filters,
        "filter_query": filter_query,
        "problems": problems,
        "board": built,
        "totals": totals,
        "board_name": board,
        "noun": kind.fact_type,
        "statuses": kind.statuses.choices,
        "can_move": request.user.has_perm(kind.permission),
        "nav": board,
    }


@require_POST
@vary_on_headers("HX-Request")
def move_card(request, board, pk):
    """An editor moves a talk or approval to another status; recorded with their name."""
    kind = _board_kind(board)
    if not request.user.has_perm(kind.permission):
        raise PermissionDenied("Only editors can move cards.")
    status = request.POST.get("status", "")
    if status not in kind.statuses.values:
        return HttpResponseBadRequest("Unknown status.", content_type="text/plain")
    fact = get_object_or_404(kind.model, pk=pk)
    # An editor's decision: the fact becomes reviewed, so ingestion does not move it back.
    fact, moved = domain.set_status(fact, status, by=request.user, on=timezone.localdate())
    note = (
        f"Moved “{fact}” to {fact.get_status_display()}."
        if moved
        else f"“{fact}” is already {fact.get_status_display()}."
    )
    query = QueryDict(request.POST.get("filters", "")[:2000])
    if wants_fragment(request):
        context = _board_context(request, board, kind, query)
        context["note"] = note
        return render(request, "partnerships/board.html#results", context)
    messages.success(request, note)
    _, filters, _ = read_filters(query, board_statuses=kind.statuses)
    url = reverse("partnerships:board", args=[board])
    params = urlencode(filters.as_params())
    return redirect(f"{url}?{params}" if params else url)


@require_GET
@vary_on_headers(*HTMX_VARY)
def company(request, slug):
    company = get_object_or_404(Company.objects.select_related("parent"), slug=slug)
    cursor, cursor_problem = read_cursor(request.GET)
    filters = Filters(companies=(company,))
    page = timeline_page(filters, cursor, size=COMPANY_EVENTS)
    problems = [cursor_problem] if cursor_problem else []
    context = {
        "company": company,
        "page": page,
        "older_url": older_url(request.path, [], page),
        "problems": problems,
    }
    if wants_fragment(request) and "before" in request.GET:
        return render(request, "partnerships/company.html#events", context)
    talks = list(
        ReportedTalk.objects.public()
        .latest_involving(company, COMPANY_NETWORK_TALKS)
        .select_related(*ReportedTalk.company_fields)
    )
    for talk in talks:
        talk.partner = talk.party_b if talk.party_a_id == company.pk else talk.party_a
    shown = talks[:COMPANY_LIST_LIMIT]
    totals = fact_totals(filters)
    talk_counts = by_status(totals.counts, "talk")
    context.update(
        filters=filters,
        totals=totals,
        list_limit=COMPANY_LIST_LIMIT,
        aliases=list(company.aliases.all()),
        subsidiaries=list(company.subsidiaries.only("name", "slug")),
        talks_by_status=[
            (status, [talk for talk in shown if talk.status == status], talk_counts[status])
            for status, _ in TalkStatus.choices
        ],
        partners=sorted(shown, key=lambda talk: ReportedTalk.strength.index(talk.status)),
        investments=list(
            Investment.objects.public()
            .latest_involving(company, COMPANY_LIST_LIMIT)
            .select_related(*Investment.company_fields)
        ),
        approvals=list(
            Approval.objects.public()
            .latest_involving(company, COMPANY_LIST_LIMIT)
            .select_related(*Approval.company_fields)
        ),
        chart=monthly_chart(reports_per_month(company)),
        network=company_network(company, talks),
        filter_query=urlencode([("company", company.slug)]),
    )
    return render(request, "partnerships/company.html", context)


def favicon(request):
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return redirect(static("favicon.svg"), permanent=True)


@require_GET
def article(request, pk):
    article = get_object_or_404(Article, pk=pk)
    evidence = list(
        Evidence.objects.filter(article=article)
        .exclude(talk__review_state=ReviewState.RETIRED)
        .exclude(investment__review_state=ReviewState.RETIRED)
        .exclude(approval__review_state=ReviewState.RETIRED)
        .select_related(*Evidence.related_for_display())
        .order_by("start", "id")
    )
    # Facts in the order of their first sentence; each sentence points at its fact's number.
    facts = {}
    for row in evidence:
        key = (row.fact.fact_type, row.fact.pk)
        if key not in facts:
            facts[key] = (row.fact, [])
        facts[key][1].append(row)
        row.fact_number = list(facts).index(key) + 1
    context = {
        "article": article,
        "paragraphs": article_text.paragraphs(article.body, evidence, article.structure),
        "facts": list(facts.values()),
    }
    return render(request, "partnerships/article.html", context)
