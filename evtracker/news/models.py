"""Articles coming in, the feeds they come from and the runs that ingest them."""

import hashlib
import re
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone


def content_hash(body):
    """SHA-256 of the body with whitespace collapsed: the same text is never stored twice."""
    normalised = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class SourceKind(models.TextChoices):
    SEED = "seed", "Seed file"
    UPLOAD = "upload", "Upload"
    FILE = "file", "File"
    URL = "url", "Web page"
    FEED = "feed", "Feed"


class ArticleStatus(models.TextChoices):
    STORED = "stored", "Stored, not yet extracted"
    EXTRACTED = "extracted", "Facts extracted"
    FAILED = "failed", "Extraction failed"


class Article(models.Model):
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(db_index=True)
    url = models.URLField(max_length=1000, null=True, blank=True, unique=True)
    body = models.TextField()
    # Spans of the body that are not running text: [{"kind": "heading", "start": 0, "end": 42}]
    structure = models.JSONField(default=list, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    source_kind = models.CharField(max_length=10, choices=SourceKind)
    source = models.CharField(max_length=1000, blank=True, help_text="File name or address.")
    feed = models.ForeignKey(
        "Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    status = models.CharField(
        max_length=10, choices=ArticleStatus, default=ArticleStatus.STORED, db_index=True
    )
    error = models.TextField(blank=True)
    ingested_at = models.DateTimeField(default=timezone.now)
    # Title and body as a text search vector, set by a database trigger on PostgreSQL
    # (migration 0004); the search reads it rather than parsing each body again. Empty
    # on SQLite, where the search is a substring match.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.content_hash:
            self.content_hash = content_hash(self.body)
        if self.url == "":
            self.url = None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("admin:news_article_change", args=[self.pk])


class Feed(models.Model):
    """An RSS or Atom feed polled on the beat schedule."""

    name = models.CharField(max_length=200)
    url = models.URLField(max_length=1000, unique=True)
    active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    modified = models.CharField(max_length=100, blank=True, editable=False)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"
    FAILED = "failed", "Failed"


class RunKind(models.TextChoices):
    INGEST = "ingest", "Ingestion"
    # Stored articles extracted again by the current extractor (news/reextract.py).
    REEXTRACT = "reextract", "Re-extraction"


class IngestionRun(models.Model):
    """One request to ingest something (files, a folder, a URL or the feeds), or to extract
    stored articles again."""

    kind = models.CharField(
        max_length=10, choices=RunKind, default=RunKind.INGEST, db_default=RunKind.INGEST
    )
    requested = models.TextField(help_text="What was asked: paths, an address or a feed.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )
    status = models.CharField(max_length=10, choices=RunStatus, default=RunStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # "host:pid" of the `manage.py ingest` process working through the run itself (no Celery),
    # so that a later start or the sweeper can close the run if that process died.
    cli_process = models.CharField(max_length=100, blank=True, default="", db_default="")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Run #{self.pk}: {self.requested[:60]}"

    @property
    def percent(self):
        return 100 if not self.total else min(100, round(100 * self.done / self.total))

    @property
    def is_reextraction(self):
        return self.kind == RunKind.REEXTRACT

    @property
    def is_over(self):
        return self.status in (RunStatus.FINISHED, RunStatus.FAILED)


class ItemOutcome(models.TextChoices):
    PENDING = "pending", "Pending"
    NEW = "new", "New"
    DUPLICATE = "duplicate", "Duplicate"
    FAILED = "failed", "Failed"
    # Re-extraction: the article's facts changed, or the new extraction found the same.
    CHANGED = "changed", "Changed"
    UNCHANGED = "unchanged", "Unchanged"


class IngestionItem(models.Model):
    """One article of a run and what became of it."""

    run = models.ForeignKey(IngestionRun, on_delete=models.CASCADE, related_name="items")
    source = models.CharField(max_length=1000, help_text="A file path or a web address.")
    source_kind = models.CharField(max_length=10, choices=SourceKind, default=SourceKind.FILE)
    outcome = models.CharField(max_length=10, choices=ItemOutcome, default=ItemOutcome.PENDING)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    error = models.TextField(blank=True)
    facts_found = models.PositiveIntegerField(default=0)
    # Re-extraction: what changed, e.g. "1 fact added, 2 retired, 1 report removed".
    changes = models.CharField(max_length=300, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Bookkeeping that lets every run finish (news/sweeper.py): when the item was last queued
    # or started, which task delivery started it, and how many attempts never finished.
    touched_at = models.DateTimeField(null=True, blank=True)
    delivery = models.CharField(max_length=200, blank=True, default="", db_default="")
    attempts = models.PositiveSmallIntegerField(default=0, db_default=0)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "source"], name="run_item_once"),
        ]
        indexes = [
            # The sweeper reads only pending items, a handful of a table that keeps growing.
            models.Index(
                fields=["touched_at"],
                condition=models.Q(outcome=ItemOutcome.PENDING),
                name="item_pending_touched",
            ),
        ]

    def __str__(self):
        return f"{self.source}: {self.outcome}"

    @property
    def label(self):
        """The file name, or the whole address, for display."""
        return self.source if "://" in self.source else PurePath(self.source).name
