"""Admin for articles and feeds (and, in its own section below, ingestion runs).

An article's page shows its body read-only with every evidence sentence
highlighted and linked to its fact. The body is escaped piece by piece and
only our own markup is added around it: article text is never marked safe.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join

from evtracker.partnerships import domain
from evtracker.partnerships.admin_base import FACT_LINK_RELATED, admin_link, count_of, fact_label
from evtracker.partnerships.models import Evidence

from . import reextract, runs, tasks
from .models import Article, Feed


def evidence_span(body, evidence):
    """(start, end) of the evidence sentence in body, or None."""
    start, end = evidence.start, evidence.end
    if 0 <= start < end <= len(body) and body[start:end] == evidence.sentence:
        return start, end
    found = body.find(evidence.sentence) if evidence.sentence else -1
    return (found, found + len(evidence.sentence)) if found >= 0 else None


def highlighted_body(body, evidence):
    """The body as escaped HTML, each evidence span in a <mark> followed by links to its facts.

    Overlapping spans (one sentence backing several facts) share one <mark>.
    Offsets that do not match the sentence fall back to where the sentence is;
    evidence found nowhere in the body is left out.
    """
    clusters = []
    spans = [(*span, item) for item in evidence if (span := evidence_span(body, item))]
    for start, end, item in sorted(spans, key=lambda row: row[:2]):
        if clusters and start < clusters[-1]["end"]:
            clusters[-1]["end"] = max(clusters[-1]["end"], end)
            clusters[-1]["evidence"].append(item)
        else:
            clusters.append({"start": start, "end": end, "evidence": [item]})

    parts, position = [], 0
    for cluster in clusters:
        parts.append(linebreaksbr(body[position : cluster["start"]], autoescape=True))
        anchors = format_html_join(
            "", '<span id="evidence-{}"></span>', ((item.pk,) for item in cluster["evidence"])
        )
        links = format_html_join(
            " ",
            "[{}]",
            ((admin_link(item.fact, fact_label(item.fact)),) for item in cluster["evidence"]),
        )
        text = linebreaksbr(body[cluster["start"] : cluster["end"]], autoescape=True)
        parts.append(format_html("{}<mark>{}</mark> <small>{}</small>", anchors, text, links))
        position = cluster["end"]
    parts.append(linebreaksbr(body[position:], autoescape=True))
    return format_html(
        '<div class="article-body">{}</div>', format_html_join("", "{}", ((p,) for p in parts))
    )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    fields = (
        "title",
        ("outlet", "author"),
        "published_at",
        "url",
        ("source_kind", "source", "feed"),
        ("status", "ingested_at"),
        "error",
        "content_hash",
        "facts",
        "body_with_evidence",
    )
    readonly_fields = ("facts", "body_with_evidence")
    list_display = ("title", "outlet", "published_at", "status", "source_kind", "fact_count")
    list_filter = ("status", "source_kind", "outlet")
    search_fields = ("title", "outlet", "author")
    date_hierarchy = "published_at"
    list_per_page = 50
    actions = ["reextract_articles"]

    def get_queryset(self, request):
        # Each fact counted once per article, however many of its sentences back it.
        facts = (
            Evidence.objects.filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(
                count=Count("talk", distinct=True)
                + Count("investment", distinct=True)
                + Count("approval", distinct=True)
            )
            .values("count")
        )
        fact_count = Coalesce(Subquery(facts, output_field=IntegerField()), 0)
        return super().get_queryset(request).annotate(fact_count=fact_count)

    def has_add_permission(self, request):
        # Articles come in through ingestion, never typed in.
        return False

    def has_change_permission(self, request, obj=None):
        # The body is the evidence's reference text: editing it would break every offset.
        return False

    def delete_model(self, request, obj):
        # Through the domain: the facts' counts and history follow their reports away.
        domain.delete_article(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        with domain.writing():
            for article in queryset.order_by("pk"):
                domain.delete_article(article, by=request.user)

    @admin.display(description="facts", ordering="fact_count")
    def fact_count(self, article):
        return article.fact_count

    def has_reextract_permission(self, request):
        # Re-extraction adds, changes and retires facts, and starts a run.
        return reextract.may_reextract(request.user)

    @admin.action(description="Re-extract selected articles", permissions=["reextract"])
    def reextract_articles(self, request, queryset):
        """A re-extraction run over the chosen articles, queued once it is committed; with no
        task queue to reach, the run fails and the editor is told why."""
        from .admin_runs import enqueue_run

        ids = list(queryset.order_by("published_at", "pk").values_list("pk", flat=True))
        queued = {}
        with transaction.atomic():
            run = runs.start_reextraction(
                f"Re-extract {len(ids)} selected article(s)", ids, user=request.user
            )
            transaction.on_commit(lambda: queued.update(error=enqueue_run(run.pk)))
        if queued.get("error"):
            self.message_user(request, queued["error"], messages.ERROR)
        else:
            self.message_user(
                request, f"Re-extraction started: {run.total} article(s).", messages.INFO
            )
        return redirect("admin:news_ingestionrun_change", run.pk)

    def _evidence(self, article):
        if not hasattr(article, "_evidence_shown"):
            article._evidence_shown = list(
                Evidence.objects.filter(article=article)
                .select_related(*FACT_LINK_RELATED)
                .order_by("start", "id")
            )
        return article._evidence_shown

    @admin.display(description="facts reported")
    def facts(self, article):
        facts = {}
        for item in self._evidence(article):
            facts.setdefault((item.fact.fact_type, item.fact.pk), item.fact)
        if not facts:
            return "No facts found in this article."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} <small>({})</small></li>",
                (
                    (admin_link(fact, fact_label(fact)), fact.get_review_state_display())
                    for fact in facts.values()
                ),
            ),
        )

    @admin.display(description="body")
    def body_with_evidence(self, article):
        return highlighted_body(article.body, self._evidence(article))


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    fields = ("name", "url", "active", "last_polled_at", "last_error")
    readonly_fields = ("last_polled_at", "last_error")
    list_display = ("name", "url", "active", "last_polled_at", "error_excerpt", "article_count")
    list_filter = ("active",)
    search_fields = ("name", "url")
    actions = ["poll_now", "activate", "deactivate"]
    list_per_page = 50

    def get_queryset(self, request):
        articles = count_of(Article.objects.all(), "feed")
        return super().get_queryset(request).annotate(article_count=articles)

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, feed):
        return feed.article_count

    @admin.display(description="last error")
    def error_excerpt(self, feed):
        error = feed.last_error
        return error if len(error) <= 80 else f"{error[:77]}…"

    @admin.action(description="Poll these feeds now", permissions=["change"])
    def poll_now(self, request, queryset):
        """Poll at once, not at the next beat (which the embedded set-up, without Redis, never
        has): each feed's new entries become an ingestion run."""
        count = queryset.update(active=True)
        feed_ids = list(queryset.values_list("pk", flat=True))
        transaction.on_commit(lambda: [tasks.poll_feed.delay(pk) for pk in feed_ids])
        self.message_user(
            request,
            f"{count} {model_ngettext(self.opts, count)} polled now: new entries show as "
            "ingestion runs; a feed that cannot be read says why in its last error.",
            messages.SUCCESS,
        )

    @admin.action(description="Poll these feeds regularly", permissions=["change"])
    def activate(self, request, queryset):
        count = queryset.update(active=True)
        self.message_user(
            request,
            f"{count} {model_ngettext(self.opts, count)} will be polled on the worker's "
            "schedule (every 15 minutes unless EVTRACKER_FEED_POLL_SECONDS says otherwise).",
            messages.SUCCESS,
        )

    @admin.action(description="Stop polling these feeds", permissions=["change"])
    def deactivate(self, request, queryset):
        count = queryset.update(active=False)
        noun = model_ngettext(self.opts, count)
        self.message_user(request, f"{count} {noun} will no longer be polled.", messages.SUCCESS)


# --- Ingestion runs --------------------------------------------------------------------------
# The IngestionRun admin (upload form, URL field, htmx progress bar) belongs to the ingestion
# work and goes below this line; Article and Feed above are the editors' admin.

from . import admin_runs  # noqa: E402, F401  (registers IngestionRun)
