"""The company picker's suggestions: companies loaded as the reader types.

The filter form's combobox asks /companies.json?q=chery after two letters or
more and gets at most SUGGESTIONS companies from the filter's own list (verified,
with at least one event), those whose name starts with the letters first. One
query, whatever the number of companies.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Lower
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Company, CompanyAlias, CompanyKind, EventCompany

SUGGESTIONS = 12
MIN_LETTERS = 2
MAX_LETTERS = 100


def suggestions(text, limit=SUGGESTIONS, kind=""):
    """[{slug, name, kind}] of the companies (of `kind`, when given) whose name or an alias
    holds `text`."""
    in_events = EventCompany.objects.filter(company=OuterRef("pk"))
    aliases = CompanyAlias.objects.filter(company=OuterRef("pk"), name__icontains=text)
    rank = Case(
        When(name__istartswith=text, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    companies = Company.objects.verified().filter(kind=kind) if kind else Company.objects.verified()
    return list(
        companies.filter(Q(name__icontains=text) | Exists(aliases), Exists(in_events))
        .annotate(rank=rank)
        .order_by("rank", Lower("name"), "id")
        .values("slug", "name", "kind")[:limit]
    )


@require_GET
def companies(request):
    text = request.GET.get("q", "").strip()
    # Control characters never match a name, and PostgreSQL refuses a NUL.
    usable = MIN_LETTERS <= len(text) <= MAX_LETTERS and text.isprintable()
    # "?kind=automaker": the sources page's picker offers automakers only; any other value
    # is no kind and offers none.
    kind = request.GET.get("kind", "")
    if kind and kind not in CompanyKind.values:
        usable = False
    return JsonResponse({"companies": suggestions(text, kind=kind) if usable else []})
