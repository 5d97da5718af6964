"""The editors' admin: companies (with aliases and merging), facts, evidence, history.

Every list page runs a fixed number of queries whatever its rows: related rows
come through list_select_related or one prefetch, counts through annotations.
Every change to a fact goes through Fact.save(changed_by=...), so history
records the editor.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from .merge import ROLES, MergeError, merge_company_into, merge_problems
from .models import (
    Approval,
    ApprovalStatus,
    Company,
    CompanyAlias,
    Event,
    Evidence,
    FactChange,
    FactType,
    Investment,
    ReportedTalk,
    ReviewState,
    TalkStatus,
)

# What an editor needs to move a company's facts to another company.
MERGE_PERMISSIONS = (
    "partnerships.change_company",
    "partnerships.change_reportedtalk",
    "partnerships.change_investment",
    "partnerships.change_approval",
)


def admin_link(obj, text=None):
    if obj is None:
        return "—"
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, obj if text is None else text)


def fact_label(fact):
    return f"{FactType(fact.fact_type).label}: {fact}"


# The related rows a FactLink row (evidence, history, event) needs to name its fact.
FACT_LINK_RELATED = (
    "talk__party_a",
    "talk__party_b",
    "investment__investor",
    "investment__target",
    "approval__subject",
    "approval__regulator",
)


def count_of(queryset, outer_field):
    """Rows of queryset per outer row, as a subquery: no join, so no GROUP BY on the list."""
    counted = (
        queryset.filter(**{outer_field: OuterRef("pk")})
        .order_by()
        .values(outer_field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


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


class CheckedAutocompleteSelect(AutocompleteSelect):
    """Drops a posted value that is not an id, so showing the form again cannot fail."""

    def optgroups(self, name, value, attr=None):
        valid = []
        for item in value:
            try:
                self.field.target_field.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return super().optgroups(name, valid, attr)


class EditorsAdmin(admin.ModelAdmin):
    list_per_page = 50

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                CheckedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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


class FactTypeFilter(admin.SimpleListFilter):
    title = "fact type"
    parameter_name = "fact_type"

    def lookups(self, request, model_admin):
        return FactType.choices

    def queryset(self, request, queryset):
        value = self.value()
        if value in FactType.values:
            return queryset.filter(**{f"{value}__isnull": False})
        return queryset.none() if value else queryset


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ("sentence", "attributed_to", "reported_status", "reported_on", "article_link")
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
            fact = form.instance
            for evidence in formset.deleted_objects:
                FactChange.objects.create(
                    **{fact.fact_type: fact},
                    field="evidence",
                    old_value=evidence.sentence,
                    new_value="",
                    changed_by=request.user,
                    note="Evidence removed by an editor",
                )


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
        return f"{investment.currency} {investment.amount:,.0f}"


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


class EvidenceForm(forms.ModelForm):
    start = forms.IntegerField(
        required=False, min_value=0, help_text="Left empty: found from the sentence."
    )
    end = forms.IntegerField(required=False, min_value=1)

    class Meta:
        model = Evidence
        fields = (
            "talk",
            "investment",
            "approval",
            "article",
            "sentence",
            "start",
            "end",
            "attributed_to",
            "reported_status",
            "reported_on",
        )

    def clean(self):
        cleaned = super().clean()
        facts = [cleaned.get(name) for name in ("talk", "investment", "approval")]
        if sum(fact is not None for fact in facts) != 1:
            raise ValidationError("Choose exactly one fact: a talk, an investment or an approval.")
        article, sentence = cleaned.get("article"), cleaned.get("sentence")
        if not article or not sentence:
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            start = article.body.find(sentence)
            if start < 0:
                raise ValidationError({"sentence": "This sentence is not in the article's body."})
            cleaned["start"], cleaned["end"] = start, start + len(sentence)
        elif article.body[start:end] != sentence:
            raise ValidationError(
                {"start": "The offsets do not match the sentence in the article's body."}
            )
        return cleaned


@admin.register(Evidence)
class EvidenceAdmin(EditorsAdmin):
    form = EvidenceForm
    list_display = (
        "excerpt",
        "fact_link",
        "article_link",
        "attributed_to",
        "reported_status",
        "reported_on",
    )
    list_select_related = ("article", *FACT_LINK_RELATED)
    list_filter = (FactTypeFilter, "reported_status")
    search_fields = ("sentence", "attributed_to", "article__title", "article__outlet")
    date_hierarchy = "reported_on"
    autocomplete_fields = ("talk", "investment", "approval", "article")

    @admin.display(description="sentence")
    def excerpt(self, evidence):
        text = evidence.sentence
        return text if len(text) <= 120 else f"{text[:117]}…"

    @admin.display(description="fact")
    def fact_link(self, evidence):
        fact = evidence.fact
        return admin_link(fact, fact_label(fact)) if fact else "—"

    @admin.display(description="article", ordering="article__published_at")
    def article_link(self, evidence):
        return admin_link(evidence.article, evidence.article.title)


class ReadOnlyAdmin(EditorsAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FactChange)
class FactChangeAdmin(ReadOnlyAdmin):
    list_display = ("changed_at", "fact_link", "field", "old_value", "new_value", "by", "note")
    list_select_related = ("changed_by", "article", *FACT_LINK_RELATED)
    list_filter = (FactTypeFilter, "field")
    search_fields = ("old_value", "new_value", "note", "changed_by__username")
    date_hierarchy = "changed_at"

    @admin.display(description="fact")
    def fact_link(self, change):
        return admin_link(change.fact, fact_label(change.fact))

    @admin.display(description="by")
    def by(self, change):
        if change.article_id:
            return admin_link(change.article, f"article: {change.article.title}")
        return change.source


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("occurred_on", "fact_type", "kind", "previous_status", "status", "fact_link")
    list_select_related = FACT_LINK_RELATED
    list_filter = ("fact_type", "kind", "status")
    date_hierarchy = "occurred_on"

    @admin.display(description="fact")
    def fact_link(self, event):
        return admin_link(event.fact, str(event.fact))


class CompanyAliasInline(admin.TabularInline):
    model = CompanyAlias
    extra = 1


class MergeForm(forms.Form):
    def __init__(self, *args, source, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        self.fields["target"] = forms.ModelChoiceField(
            queryset=Company.objects.exclude(pk=source.pk),
            label="Merge into",
            help_text="The company this one really is. Type to search names and aliases.",
            # Any Company foreign key gives the autocomplete its target model; parent is one.
            widget=CheckedAutocompleteSelect(Company._meta.get_field("parent"), admin_site),
        )

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target is not None:
            problems = merge_problems(self.source, target)
            if problems:
                raise ValidationError(problems)
        return cleaned


@admin.register(Company)
class CompanyAdmin(EditorsAdmin):
    fields = ("name", "slug", ("kind", "country"), "parent", "verified")
    list_display = ("name", "kind", "country", "verified", "parent", "alias_names")
    list_select_related = ("parent",)
    list_filter = ("verified", "kind", "country")
    search_fields = ("name", "aliases__name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
    inlines = [CompanyAliasInline]
    actions = ["mark_verified", "merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_names(self, company):
        return ", ".join(alias.name for alias in company.aliases.all())

    @admin.action(description="Mark verified", permissions=["change"])
    def mark_verified(self, request, queryset):
        count = queryset.filter(verified=False).update(verified=True)
        self.message_user(request, f"{count} companies marked verified.", messages.SUCCESS)

    @admin.action(description="Merge into another company…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        companies = list(queryset[:2])
        if len(companies) != 1:
            self.message_user(request, "Select exactly one company to merge.", messages.ERROR)
            return None
        url = reverse("admin:partnerships_company_merge", args=[companies[0].pk])
        return HttpResponseRedirect(url)

    def has_merge_permission(self, request, obj=None):
        return request.user.has_perms(MERGE_PERMISSIONS)

    def get_urls(self):
        merge = path(
            "<path:object_id>/merge/",
            self.admin_site.admin_view(self.merge_view),
            name="partnerships_company_merge",
        )
        return [merge, *super().get_urls()]

    def merge_view(self, request, object_id):
        if not self.has_merge_permission(request):
            raise PermissionDenied
        source = self.get_object(request, unquote(object_id))
        if source is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        change_url = reverse("admin:partnerships_company_change", args=[source.pk])
        if source.verified:
            self.message_user(
                request, f"{source} is verified; only unverified companies merge.", messages.ERROR
            )
            return HttpResponseRedirect(change_url)

        form = MergeForm(
            request.POST if request.method == "POST" else None,
            source=source,
            admin_site=self.admin_site,
        )
        if request.method == "POST" and form.is_valid():
            target = form.cleaned_data["target"]
            try:
                result = merge_company_into(source, target, by=request.user)
            except MergeError as exc:
                form.add_error(None, str(exc))
            else:
                self.log_change(request, target, f"Merged the company “{source}” into this one.")
                self.message_user(
                    request, f"{source} merged into {target}: {result}.", messages.SUCCESS
                )
                target_url = reverse("admin:partnerships_company_change", args=[target.pk])
                return HttpResponseRedirect(target_url)

        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {source} into another company",
            "opts": self.opts,
            "original": source,
            "form": form,
            "media": self.media + form.media,
            "moving": self._what_moves(source),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/partnerships/company/merge.html", context)

    def _what_moves(self, company):
        counts = [
            ("talks", ReportedTalk.objects.involving(company).count()),
            ("investments", Investment.objects.involving(company).count()),
            ("approvals", Approval.objects.involving(company).count()),
            ("aliases", company.aliases.count()),
            ("subsidiaries", company.subsidiaries.count()),
        ]
        return format_html_join(", ", "{} {}", ((count, noun) for noun, count in counts))
