"""The editors' admin: talks, investments and approvals, with their evidence and history.

Companies (with merging) are in admin_companies.py, the evidence and history
lists in admin_evidence.py. Every list page runs a fixed number of queries
whatever its rows: related rows come through list_select_related or one
prefetch, counts through subquery annotations. Every change to a fact goes
through Fact.save(changed_by=...), so history records the editor.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html

from . import admin_companies  # noqa: F401  (registers the company admin)
from .admin_base import EditorsAdmin, admin_link, count_of
from .admin_evidence import record_evidence_change
from .merge import ROLES
from .models import (
    Approval,
    ApprovalStatus,
    Company,
    Evidence,
    FactChange,
    Investment,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)


def record_review(fact, state, user):
    """Set the review state and keep it in history (it is not a tracked field)."""
    old = fact.review_state
    if old == state:
        return False
    fact.review_state = state
    fact.save(changed_by=user)
    FactChange.objects.create(
        **{fact.fact_type: fact},
        field="review_state",
        old_value=old,
        new_value=state,
        changed_by=user,
    )
    return True


class CompanyFilter(admin.SimpleListFilter):
    """Facts involving a company in any role: either party, investor or target, ..."""

    title = "company"
    parameter_name = "company"

    def lookups(self, request, model_admin):
        model = model_admin.model
        roles = ROLES[model]
        involved = Q()
        for role in roles:
            involved |= Q(pk__in=model.objects.values(f"{role}_id"))
        return list(Company.objects.filter(involved).values_list("pk", "name"))

    def queryset(self, request, queryset):
        # A string from the address bar, or the company's id when counting facets.
        value = str(self.value() or "")
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        involving = Q()
        for role in ROLES[queryset.model]:
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
    changed = 0
    with transaction.atomic():
        for fact in queryset:
            if fact.status != status:
                fact.status = status
                fact.save(changed_by=request.user)
                changed += 1
    noun = modeladmin.model._meta.verbose_name_plural
    modeladmin.message_user(request, f"{changed} {noun} marked as {status}.", messages.SUCCESS)


def status_actions(choices):
    """One admin action per status: each change is saved through Fact.save, into history."""
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
    with transaction.atomic():
        changed = sum(record_review(fact, ReviewState.REVIEWED, request.user) for fact in queryset)
    noun = modeladmin.model._meta.verbose_name_plural
    modeladmin.message_user(request, f"{changed} {noun} marked reviewed.", messages.SUCCESS)


class FactAdmin(EditorsAdmin):
    """What the talk, investment and approval admins share."""

    inlines = [EvidenceInline, HistoryInline]
    # A fact's own page is this one; the public pages are per company.
    view_on_site = False
    readonly_fields = ("created_at", "updated_at")
    actions = [mark_reviewed]

    def get_queryset(self, request):
        evidence = count_of(Evidence.objects.all(), self.model.fact_type)
        return super().get_queryset(request).annotate(evidence_count=evidence)

    @admin.display(description="evidence", ordering="evidence_count")
    def evidence_count(self, fact):
        return fact.evidence_count

    def save_model(self, request, obj, form, change):
        review_was = form.initial.get("review_state")
        review_now = obj.review_state
        if change and review_was and review_was != review_now:
            # record_review saves, and records the review in history.
            obj.review_state = review_was
            record_review(obj, review_now, request.user)
        else:
            obj.save(changed_by=request.user)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Evidence:
            for evidence in formset.deleted_objects:
                record_evidence_change(evidence, request.user, removed=True)


class ReportedTalkForm(forms.ModelForm):
    class Meta:
        model = ReportedTalk
        fields = (
            "party_a",
            "party_b",
            "topic",
            "status",
            "review_state",
            "first_reported",
            "last_reported",
        )

    def clean(self):
        cleaned = super().clean()
        a, b = cleaned.get("party_a"), cleaned.get("party_b")
        if a and b and a.pk == b.pk:
            raise ValidationError("A talk needs two different companies.")
        if a and b and a.pk > b.pk:
            # Stored canonically (lower id first), so the constraint checks see that order.
            cleaned["party_a"], cleaned["party_b"] = b, a
        return cleaned


@admin.register(ReportedTalk)
class ReportedTalkAdmin(FactAdmin):
    form = ReportedTalkForm
    fields = (
        ("party_a", "party_b"),
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
    list_select_related = ("party_a", "party_b")
    list_filter = ("status", "review_state", CompanyFilter)
    search_fields = (
        "party_a__name",
        "party_a__aliases__name",
        "party_b__name",
        "party_b__aliases__name",
        "topic",
    )
    date_hierarchy = "last_reported"
    autocomplete_fields = ("party_a", "party_b")
    actions = [mark_reviewed, *status_actions(TalkStatus)]

    @admin.display(description="talk between", ordering="party_a__name")
    def pair(self, talk):
        return f"{talk.party_a} – {talk.party_b}"


@admin.register(Investment)
class InvestmentAdmin(FactAdmin):
    fields = (
        ("investor", "target"),
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
    list_select_related = ("investor", "target")
    list_filter = ("kind", "review_state", "currency", CompanyFilter)
    search_fields = (
        "investor__name",
        "investor__aliases__name",
        "target__name",
        "target__aliases__name",
        "purpose",
    )
    date_hierarchy = "announced_on"
    autocomplete_fields = ("investor", "target")

    @admin.display(description="amount", ordering="amount")
    def money(self, investment):
        return investment.money


@admin.register(Approval)
class ApprovalAdmin(FactAdmin):
    fields = (
        ("subject", "regulator"),
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
    list_select_related = ("subject", "regulator")
    list_filter = ("status", "review_state", CompanyFilter)
    search_fields = (
        "subject__name",
        "subject__aliases__name",
        "regulator__name",
        "regulator__aliases__name",
        "what",
    )
    date_hierarchy = "as_of"
    autocomplete_fields = ("subject", "regulator")
    actions = [mark_reviewed, *status_actions(ApprovalStatus)]
