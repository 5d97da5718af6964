"""Admin for ingestion runs: the list, a run's page with a live progress bar, and the
"Start ingestion" form (upload article files and/or paste an address).

The run's page polls a progress fragment with htmx every second while the run
is going; the fragment comes back without its trigger once the run is over,
which stops the polling. No inline script anywhere (the CSP forbids it).
"""

import logging
from functools import partial
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import runs, tasks
from .ingest import ARTICLE_SUFFIXES
from .models import IngestionRun, ItemOutcome

log = logging.getLogger(__name__)

MAX_FILES_PER_RUN = 50
ITEMS_SHOWN = 200
PROGRESS_TEMPLATE = "admin/news/ingestionrun/change_form.html"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files and cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(ARTICLE_SUFFIXES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned, problems = [], []
        for upload in uploads:
            try:
                cleaned.append(super().clean(upload, initial))
            except forms.ValidationError as error:
                # Which of the files: "empty.txt: The submitted file is empty."
                name = Path(getattr(upload, "name", "") or "").name
                problems += [
                    f"{name}: {message}" if name else message for message in error.messages
                ]
        if problems:
            raise forms.ValidationError(problems)
        return cleaned


def _size(n):
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


class IngestionStartForm(forms.Form):
    files = MultipleFileField(
        required=False,
        label="Article files",
        help_text=(
            f"Up to {MAX_FILES_PER_RUN} files: {', '.join(ARTICLE_SUFFIXES)}, each at most "
            f"{_size(settings.EVTRACKER_MAX_ARTICLE_BYTES)}."
        ),
    )
    url = forms.CharField(
        required=False,
        max_length=1000,
        label="Web address",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="An article's http:// or https:// address.",
        widget=forms.URLInput(attrs={"size": 80, "placeholder": "https://"}),
    )

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if len(uploads) > MAX_FILES_PER_RUN:
            raise forms.ValidationError(f"At most {MAX_FILES_PER_RUN} files at once.")
        limit = settings.EVTRACKER_MAX_ARTICLE_BYTES
        problems = []
        for upload in uploads:
            name = Path(upload.name).name
            if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                problems.append(f"{name}: not an article file ({', '.join(ARTICLE_SUFFIXES)})")
            elif upload.size > limit:
                problems.append(f"{name}: larger than the {_size(limit)} limit")
        if problems:
            raise forms.ValidationError(problems)
        return uploads

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("files") and not cleaned.get("url"):
            raise forms.ValidationError("Choose article files or paste a web address.")
        return cleaned

    def requested(self):
        names = [Path(upload.name).name for upload in self.cleaned_data["files"]]
        parts = [f"Upload: {', '.join(names)}"] if names else []
        if self.cleaned_data["url"]:
            parts.append(self.cleaned_data["url"])
        return "; ".join(parts)


@admin.register(IngestionRun)
class IngestionRunAdmin(admin.ModelAdmin):
    list_display = (
        "run",
        "kind",
        "requested_by",
        "status",
        "progress",
        "failed",
        "created_at",
        "finished_at",
    )
    list_select_related = ("requested_by",)
    list_filter = ("kind", "status")
    search_fields = ("requested",)
    date_hierarchy = "created_at"
    list_per_page = 50
    fields = (
        "requested",
        ("kind", "status", "requested_by", "feed"),
        ("created_at", "finished_at"),
        "error",
    )
    readonly_fields = (
        "requested",
        "kind",
        "status",
        "requested_by",
        "feed",
        "created_at",
        "finished_at",
        "error",
    )

    def has_change_permission(self, request, obj=None):
        # A run is a record of what happened: nobody edits it.
        return False

    def get_queryset(self, request):
        failed = Count("items", filter=Q(items__outcome=ItemOutcome.FAILED))
        return super().get_queryset(request).annotate(failed_count=failed)

    @admin.display(description="run", ordering="-id")
    def run(self, run):
        return str(run)

    @admin.display(description="failed", ordering="failed_count")
    def failed(self, run):
        """Articles of the run that failed: a finished run may hold some."""
        return run.failed_count or "–"

    @admin.display(description="done / total")
    def progress(self, run):
        return format_html(
            '<progress max="{}" value="{}"></progress> {} / {}',
            run.total or 1,
            run.done,
            run.done,
            run.total,
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("start/", wrap(self.start_view), name="news_ingestionrun_start"),
            path(
                "<int:run_id>/progress/",
                wrap(self.progress_view),
                name="news_ingestionrun_progress",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:news_ingestionrun_start")

    def start_view(self, request):
        """Upload files and/or paste an address: one run, enqueued once the request commits."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestionStartForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                run = runs.create_run(form.requested(), user=request.user)
                sources = runs.save_uploads(run, form.cleaned_data["files"])
                if form.cleaned_data["url"]:
                    sources.append(form.cleaned_data["url"])
                runs.add_items(run, sources)
                transaction.on_commit(partial(self._queue_and_say, request, run))
            return redirect("admin:news_ingestionrun_change", run.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Start ingestion",
            "form": form,
            "max_files": MAX_FILES_PER_RUN,
        }
        return TemplateResponse(request, "admin/news/ingestionrun/start.html", context)

    def _queue_and_say(self, request, run):
        error = enqueue_run(run.pk)
        if error:
            self.message_user(request, error, messages.ERROR)
        else:
            noun = "article" if run.total == 1 else "articles"
            self.message_user(request, f"Ingestion started: {run.total} {noun}.", messages.INFO)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = self.get_object(request, object_id)
        extra = {**(extra_context or {}), **(progress_context(run) if run else {})}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def progress_view(self, request, run_id):
        """The fragment the run's page polls; without its trigger once the run is over."""
        run = get_object_or_404(IngestionRun, pk=run_id)
        if not self.has_view_permission(request, run):
            raise PermissionDenied
        response = TemplateResponse(request, f"{PROGRESS_TEMPLATE}#progress", progress_context(run))
        if run.is_over and request.headers.get("HX-Request"):
            # Over while the page polled: the page again, whole, so that its status, finish
            # time and error below the progress say so too.
            response["HX-Refresh"] = "true"
        return response


def enqueue_run(run_id):
    """Queue a committed run; if the queue cannot be reached, the run and its items fail and
    the sentence saying why is returned (tasks.queue_run)."""
    error = tasks.queue_run(run_id)
    if error:
        log.warning("Ingestion run %s: %s", run_id, error)
    return error


def progress_context(run):
    counts = dict.fromkeys(ItemOutcome.values, 0)
    counts |= dict(run.items.values_list("outcome").annotate(n=Count("id")).order_by())
    items = list(run.items.select_related("article").order_by("id")[:ITEMS_SHOWN])
    return {
        "run": run,
        "items": items,
        "hidden_items": max(0, run.total - len(items)),
        "counts": counts,
        "progress_url": reverse("admin:news_ingestionrun_progress", args=[run.pk]),
    }
