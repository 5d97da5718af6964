"""What the editors' admin pages share: links, counts, safe autocomplete, base classes."""

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html

from .models import Evidence, FactType


def admin_link(obj, text=None):
    if obj is None:
        return "—"
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, obj if text is None else text)


def fact_label(fact):
    return f"{FactType(fact.fact_type).label}: {fact}"


# The related rows a FactLink row (evidence, history, event) needs to name its fact.
FACT_LINK_RELATED = Evidence.related_for_display()


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


class ReadOnlyAdmin(EditorsAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
