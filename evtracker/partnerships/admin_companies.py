"""Company admin: aliases edited inline, and merging an unverified company into another."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join

from .admin_base import CheckedAutocompleteSelect, EditorsAdmin
from .merge import MERGE_PERMISSIONS, MergeError, merge_company_into, merge_problems
from .models import FACT_MODELS, Company, CompanyAlias


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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The page offers a merge only to those who may merge (others got a bare 403).
        extra_context = {**(extra_context or {}), "can_merge": self.has_merge_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)

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

    def get_readonly_fields(self, request, obj=None):
        # Unticking "verified" is the first step of deleting a company by merging: only who
        # may delete companies may take it.
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.verified and not request.user.has_perms(MERGE_PERMISSIONS):
            readonly.append("verified")
        return readonly

    def _what_moves(self, company):
        counts = [
            *(
                (model._meta.verbose_name_plural, model.objects.involving(company).count())
                for model in FACT_MODELS.values()
            ),
            ("aliases", company.aliases.count()),
            ("subsidiaries", company.subsidiaries.count()),
        ]
        return format_html_join(", ", "{} {}", ((count, noun) for noun, count in counts))
