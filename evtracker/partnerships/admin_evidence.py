"""Admin for evidence and history: the sentences facts rest on, their changes and events."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from . import domain
from .admin_base import (
    FACT_LINK_RELATED,
    EditorsAdmin,
    FactTypeFilter,
    ReadOnlyAdmin,
    admin_link,
    fact_label,
)
from .models import ApprovalStatus, Event, Evidence, FactChange, FactType, TalkStatus

# The statuses a report can give each type of fact (an investment has none).
REPORTED_STATUSES = {
    FactType.TALK: TalkStatus.values,
    FactType.INVESTMENT: [],
    FactType.APPROVAL: ApprovalStatus.values,
}
# What an editor may set on a piece of evidence besides its fact and place.
EVIDENCE_DETAILS = ("attributed_to", "reported_status")


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
        fact = next(fact for fact in facts if fact is not None)
        status = cleaned.get("reported_status") or ""
        allowed = REPORTED_STATUSES[fact.fact_type]
        if status and status not in allowed:
            said = f"one of {', '.join(allowed)}, or nothing" if allowed else "no status"
            self.add_error("reported_status", f"A report of this fact gives {said}.")
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
    # The extractor's reasons ("why") for the fact, shown on the evidence's page.
    readonly_fields = ("explanation",)

    def save_model(self, request, obj, form, change):
        """Through the domain, so that counts and history follow: a piece moved to another
        fact, article or place is removed there and added here."""
        details = {name: getattr(obj, name) for name in EVIDENCE_DETAILS}
        with domain.writing():
            moved = {"talk", "investment", "approval", "article", "start"} & set(form.changed_data)
            if change and not moved:
                changes = {name: getattr(obj, name) for name in form.changed_data}
                if changes:
                    domain.reread_evidence(Evidence.objects.get(pk=obj.pk), **changes)
                return
            if change:
                domain.remove_evidence(Evidence.objects.get(pk=obj.pk), by=request.user)
            added, _ = domain.add_evidence(
                obj.fact,
                article=obj.article,
                start=obj.start,
                end=obj.end,
                sentence=obj.sentence,
                reported_on=obj.reported_on,
                by=request.user,
                **details,
            )
            obj.pk = added.pk

    def delete_model(self, request, obj):
        domain.remove_evidence(obj, by=request.user, retire_unsupported=True)

    def delete_queryset(self, request, queryset):
        with domain.writing():
            for evidence in queryset.order_by("talk_id", "investment_id", "approval_id", "pk"):
                domain.remove_evidence(evidence, by=request.user, retire_unsupported=True)

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
