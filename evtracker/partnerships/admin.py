"""The editors' admin: talks, investments and approvals, with their evidence and history.

Companies (with merging) are in admin_companies.py, the evidence and history
lists in admin_evidence.py, a fact's source fields (an article and its quote) in
admin_sources.py. Every list page runs a fixed number of queries
whatever its rows: related rows come through list_select_related or one
prefetch, counts through subquery annotations. Every write goes through the
domain layer (domain.py), so history records the editor.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html

from . import admin_companies, admin_evidence, domain  # noqa: F401  (the admins register)
from .admin_base import EditorsAdmin, admin_link, count_of
from .admin_sources import SourcedFactForm, fieldset
from .models import (
    Approval,
    ApprovalStatus,
    Company,
    Evidence,
    FactChange,
    FactTally,
    Investment,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)

# How many companies the fact lists' company filter offers.
ADMIN_COMPANY_CHOICES = 30


class CompanyFilter(admin.SimpleListFilter):
    """Facts involving a company in any role: either party, investor or target, ...

    The sidebar offers the companies with the most facts of the list's type (FactTally),
    and the one chosen; any other company's facts are found with the search box (it matches
    the parties' names and aliases) or by its id in the address (?company=<id>). Listing every
    company involved (over a thousand at a million articles) made a sidebar nobody could scan
    and cost 53 ms of SQL a page.
    """

    title = "company (most reported)"
    parameter_name = "company"

    def lookups(self, request, model_admin):
        most = FactTally.most_reported(ADMIN_COMPANY_CHOICES, fact_type=model_admin.model.fact_type)
        chosen = [int(self.value())] if str(self.value() or "").isdigit() else []
        shown = Company.objects.filter(Q(pk__in=most) | Q(pk__in=chosen))
        return list(shown.order_by("name").values_list("pk", "name"))

    def queryset(self, request, queryset):
        # A string from the address bar, or the company's id when counting facets.
        value = str(self.value() or "")
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        involving = Q()
        for role in queryset.model.company_fields:
            involving |= Q(**{f"{role}_id": int(value)})
        return queryset.filter(involving)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = (
        "sentence",
        "explanation",
        "attributed_to",
        "reported_status",
        "reported_on",
        "article_link",
    )
    readonly_fields = fields
    verbose_name_plural = "evidence (tick Delete to remove a wrong piece)"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="article")
    def article_link(self, evidence):
        url = reverse("admin:news_article_change", args=[evidence.article_id])
        return format_html(
            '<a href="{}#evidence-{}">{}</a> ({})',
            url,
            evidence.pk,
            evidence.article.title,
            evidence.article.outlet or "unknown outlet",
        )


class HistoryInline(admin.TabularInline):
    model = FactChange
    extra = 0
    verbose_name = "change"
    verbose_name_plural = "history"
    fields = ("changed_at", "field", "old_value", "new_value", "source", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by", "article")

    @admin.display(description="by")
    def source(self, change):
        if change.article_id:
            return admin_link(change.article, f"article: {change.article.title}")
        return change.source


def _set_status(modeladmin, request, queryset, status):
    """An editor's decision: the status moves and the fact counts as reviewed, in history."""
    changed = 0
    with domain.writing():
        for fact in queryset.order_by("pk"):
            changed += domain.set_status(fact, status, by=request.user)[1]
    noun = model_ngettext(modeladmin.opts, changed)
    modeladmin.message_user(request, f"{changed} {noun} marked as {status}.", messages.SUCCESS)


def status_actions(choices):
    """One admin action per status: each change goes through domain.set_status, into history."""
    actions = []
    for status, label in choices.choices:

        def action(modeladmin, request, queryset, status=status):
            _set_status(modeladmin, request, queryset, status)

        action.__name__ = f"mark_{status}"
        actions.append(
            admin.action(description=f"Mark as {label.lower()}", permissions=["change"])(action)
        )
    return actions


@admin.action(description="Mark reviewed", permissions=["change"])
def mark_reviewed(modeladmin, request, queryset):
    with domain.writing():
        changed = sum(
            domain.set_review_state(fact, ReviewState.REVIEWED, by=request.user)
            for fact in queryset.order_by("pk")
        )
    noun = model_ngettext(modeladmin.opts, changed)
    modeladmin.message_user(request, f"{changed} {noun} marked reviewed.", messages.SUCCESS)


class FactAdmin(EditorsAdmin):
    """What the talk, investment and approval admins share: a new fact is saved with its
    source, and a fact's page can add another (admin_sources.py)."""

    form = SourcedFactForm
    inlines = [EvidenceInline, HistoryInline]
    # "50 results (Show all)": counting every fact again on each page cost more than the rows.
    show_full_result_count = False
    # A fact's own page is this one; the public pages are per company.
    view_on_site = False
    readonly_fields = ("created_at", "updated_at")
    actions = [mark_reviewed]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(None, {"fields": self.get_fields(request, obj)})]
        if obj is None or self.has_change_permission(request, obj):
            fieldsets.append(fieldset(adding=obj is None))
        return fieldsets

    def get_inlines(self, request, obj):
        # A new fact has no evidence nor history yet: its source is in the form.
        return self.inlines if obj is not None else []

    def get_queryset(self, request):
        evidence = count_of(Evidence.objects.all(), self.model.fact_type)
        return super().get_queryset(request).annotate(evidence_count=evidence)

    @admin.display(description="evidence", ordering="evidence_count")
    def evidence_count(self, fact):
        return fact.evidence_count

    def save_model(self, request, obj, form, change):
        review_was = form.initial.get("review_state")
        review_now = obj.review_state
        with domain.writing():
            if change and review_was and review_was != review_now:
                obj.review_state = review_was
                domain.save_fact(obj, by=request.user)
                domain.set_review_state(obj, review_now, by=request.user)
            else:
                domain.save_fact(obj, by=request.user)
            if change and "status" in form.changed_data and review_was == review_now:
                # An editor's status, as a board move or a list action sets it: reviewed, so
                # the next article cannot overrule it.
                domain.set_review_state(obj, ReviewState.REVIEWED, by=request.user)
            if form.source is not None:
                added = form.source.attach(obj, by=request.user)[1]
                if not added:
                    self.message_user(
                        request,
                        "That sentence of that article was already evidence for this fact.",
                        messages.WARNING,
                    )

    def save_formset(self, request, form, formset, change):
        if formset.model is not Evidence:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # the inline is read-only: only deletions come back
        with domain.writing():
            for evidence in formset.deleted_objects:
                domain.remove_evidence(evidence, by=request.user, retire_unsupported=True)
        return None


def searched_names(model):
    """The admin's search looks through each company's name and aliases."""
    return [
        f"{name}__{field}" for name in model.company_fields for field in ("name", "aliases__name")
    ]


class ReportedTalkForm(SourcedFactForm):
    class Meta:
        model = ReportedTalk
        fields = (
            *ReportedTalk.company_fields,
            "topic",
            "status",
            "review_state",
            "first_reported",
            "last_reported",
        )

    def clean(self):
        # Two different companies: the model's constraint says so, once.
        cleaned = super().clean()
        a, b = cleaned.get("party_a"), cleaned.get("party_b")
        if a and b and a.pk > b.pk:
            # Stored canonically (lower id first), so the constraint checks see that order.
            cleaned["party_a"], cleaned["party_b"] = b, a
        return cleaned


@admin.register(ReportedTalk)
class ReportedTalkAdmin(FactAdmin):
    form = ReportedTalkForm
    fields = (
        ReportedTalk.company_fields,
        "topic",
        "status",
        "review_state",
        ("first_reported", "last_reported"),
        ("created_at", "updated_at"),
    )
    list_display = (
        "pair",
        "topic",
        "status",
        "review_state",
        "last_reported",
        "evidence_count",
    )
    list_select_related = ReportedTalk.company_fields
    list_filter = ("status", "review_state", CompanyFilter)
    search_fields = (*searched_names(ReportedTalk), "topic")
    date_hierarchy = "last_reported"
    autocomplete_fields = ReportedTalk.company_fields
    actions = [mark_reviewed, *status_actions(TalkStatus)]

    @admin.display(description="talk between", ordering="party_a__name")
    def pair(self, talk):
        return f"{talk.party_a} – {talk.party_b}"


class InvestmentForm(SourcedFactForm):
    class Meta:
        model = Investment
        fields = (*Investment.tracked_fields, "review_state")

    def clean_currency(self):
        # "usd" is USD; the model's validator then checks that the code is a currency.
        return self.cleaned_data["currency"].strip().upper()


@admin.register(Investment)
class InvestmentAdmin(FactAdmin):
    form = InvestmentForm
    fields = (
        Investment.company_fields,
        ("amount", "currency"),
        ("kind", "stake_percent"),
        "purpose",
        "announced_on",
        "review_state",
        ("created_at", "updated_at"),
    )
    list_display = (
        "investor",
        "target",
        "money",
        "kind",
        "stake_percent",
        "review_state",
        "announced_on",
        "evidence_count",
    )
    list_select_related = Investment.company_fields
    list_filter = ("kind", "review_state", "currency", CompanyFilter)
    search_fields = (*searched_names(Investment), "purpose")
    date_hierarchy = "announced_on"
    autocomplete_fields = Investment.company_fields

    @admin.display(description="amount", ordering="amount")
    def money(self, investment):
        return investment.money


@admin.register(Approval)
class ApprovalAdmin(FactAdmin):
    fields = (
        Approval.company_fields,
        "what",
        "status",
        "as_of",
        "review_state",
        ("created_at", "updated_at"),
    )
    list_display = (
        "subject",
        "regulator",
        "what",
        "status",
        "review_state",
        "as_of",
        "evidence_count",
    )
    list_select_related = Approval.company_fields
    list_filter = ("status", "review_state", CompanyFilter)
    search_fields = (*searched_names(Approval), "what")
    date_hierarchy = "as_of"
    autocomplete_fields = Approval.company_fields
    actions = [mark_reviewed, *status_actions(ApprovalStatus)]
