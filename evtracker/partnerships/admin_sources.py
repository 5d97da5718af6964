"""The source an editor gives a fact in the admin: an article (one already stored, one fetched
from its address, or pasted text) and the sentence of it that reports the fact.

The form reads and checks the source while it is cleaned, so a page that cannot be fetched or
a sentence that is not in the article is a form error. The article is stored and the evidence
attached only when the fact is saved, inside its domain.writing() transaction: a refused form
writes nothing.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import ValidationError
from django.utils import timezone

from evtracker.news.ingest import store_article
from evtracker.news.models import Article, SourceKind, content_hash
from evtracker.news.readers import FetchFailed, UnreadableArticle, read_bytes, read_url

from . import domain
from .admin_base import CheckedAutocompleteSelect
from .models import Evidence

FIELDS = (
    "source_article",
    "source_url",
    "source_text",
    ("source_title", "source_outlet", "source_published_on"),
    "quote",
    "attributed_to",
)
PASTED = "pasted in the admin"


def fieldset(adding):
    """The admin fieldset of the source fields: required on a new fact, optional after."""
    if adding:
        return (
            "Source",
            {
                "fields": FIELDS,
                "description": "Where the fact is reported: an article already stored, the "
                "article's address (fetched on saving) or its pasted text, and the sentence "
                "of it that reports the fact.",
            },
        )
    return (
        "Add a source",
        {
            "fields": FIELDS,
            "classes": ("collapse",),
            "description": "Another article that reports this fact, and its sentence that "
            "does; leave empty to change nothing.",
        },
    )


def find_quote(body, quote):
    """(start, end) of quote in body, whitespace differences aside; None when it is not there."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(map(re.escape, words)), body)
    return match.span() if match else None


def _stored_copy(parsed):
    """The stored article a parsed one would be kept as: the same text, else the same url."""
    same = Article.objects.filter(content_hash=content_hash(parsed.body)).first()
    if same is None and parsed.url:
        same = Article.objects.filter(url=parsed.url).first()
    return same


@dataclass
class Source:
    """A checked source, written when its fact is saved."""

    quote: str
    attributed_to: str = ""
    article: Article | None = None  # stored already
    parsed: object = None  # a readers.ParsedArticle, stored on saving
    source_kind: str = SourceKind.URL
    label: str = ""

    def attach(self, fact, *, by):
        """Store the article if need be and attach the quote to fact; returns (evidence, added).

        Runs inside the fact's write, so the article, the evidence and its history row are
        kept or dropped together."""
        with domain.writing():
            article = self.article
            if article is None:
                article, _ = store_article(
                    self.parsed, source_kind=self.source_kind, source=self.label
                )
            span = find_quote(article.body, self.quote)
            if span is None:  # another editor stored this address with another text meanwhile
                raise ValidationError("The article changed while saving; please save again.")
            start, end = span
            return domain.add_evidence(
                fact,
                article=article,
                start=start,
                end=end,
                sentence=article.body[start:end],
                reported_on=timezone.localdate(article.published_at),
                by=by,
                attributed_to=self.attributed_to,
                reported_status=getattr(fact, "status", ""),
            )


class SourcedFactForm(forms.ModelForm):
    """A fact's form with its source: required when adding (see FactAdmin.get_fieldsets)."""

    source_article = forms.ModelChoiceField(
        Article.objects.all(),
        required=False,
        label="Article already stored",
        widget=CheckedAutocompleteSelect(Evidence._meta.get_field("article"), admin.site),
    )
    source_url = forms.URLField(
        max_length=1000,
        required=False,
        label="Article's address",
        widget=forms.URLInput(attrs={"class": "vURLField"}),
        help_text="Fetched on saving. With the text pasted below, kept as its address instead.",
    )
    source_text = forms.CharField(
        required=False,
        label="or the article's text",
        widget=forms.Textarea(attrs={"rows": 8, "class": "vLargeTextField"}),
        help_text="Pasted whole: headline, byline and body, as an uploaded file would be read.",
    )
    source_title = forms.CharField(
        max_length=500, required=False, label="Title", help_text="Else its first line."
    )
    source_outlet = forms.CharField(max_length=200, required=False, label="Outlet")
    source_published_on = forms.DateField(
        required=False,
        label="Published on",
        widget=AdminDateWidget,
        help_text="Needed when the text gives no date.",
    )
    quote = forms.CharField(
        required=False,
        label="Quote",
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
        help_text="The sentence of the article that reports the fact, as the article words it.",
    )
    attributed_to = forms.CharField(
        max_length=200,
        required=False,
        label="Attributed to",
        help_text="e.g. Bloomberg, people familiar with the matter",
    )

    source = None

    def clean(self):
        cleaned = super().clean()
        self.source = self._clean_source(cleaned)
        return cleaned

    def _no_source_message(self):
        noun = self._meta.model._meta.verbose_name
        article = "An" if noun[0] in "aeiou" else "A"
        return (
            f"{article} {noun} needs its source: the article's address or its text, "
            "and the sentence that reports it."
        )

    def _clean_source(self, cleaned):
        article = cleaned.get("source_article")
        url = cleaned.get("source_url") or ""
        text = (cleaned.get("source_text") or "").strip()
        quote = (cleaned.get("quote") or "").strip()
        if any(name in self.errors for name in ("source_article", "source_url")):
            return None
        if not (article or url or text):
            if quote or self.instance._state.adding:
                self.add_error(None, self._no_source_message())
            return None
        if article and (url or text):
            self.add_error(
                "source_article",
                "Choose an article already stored, or give an address or a text: not both.",
            )
            return None
        if not quote:
            self.add_error("quote", "Give the sentence of the article that reports it.")
            return None
        source = Source(quote=quote, attributed_to=cleaned.get("attributed_to") or "")
        if article is None:
            try:
                source.parsed = self._read(url, text, cleaned)
            except (UnreadableArticle, FetchFailed) as exc:
                field = "source_text" if text else "source_url"
                self.add_error(field, f"The article could not be read: {exc}")
                return None
            if source.parsed.published_at is None:
                self.add_error(
                    "source_published_on", "Give the date it was published: its text gives none."
                )
                return None
            article = _stored_copy(source.parsed)
            source.source_kind = SourceKind.UPLOAD if text else SourceKind.URL
            source.label = PASTED if text else url
        source.article = article
        body = article.body if article is not None else source.parsed.body
        if find_quote(body, quote) is None:
            self.add_error(
                "quote",
                "This sentence is not in the article's text: copy it as the article words it.",
            )
            return None
        return source

    def _read(self, url, text, cleaned):
        """The article as ingestion reads it: fetched from url, or the pasted text as an
        uploaded file; the title, outlet and date given on the form win."""
        title = cleaned.get("source_title") or ""
        if text:
            if title and not text.startswith(title):
                text = f"{title}\n\n{text}"
            parsed = read_bytes(text.encode("utf-8"))
            if url:
                parsed.url = url
        else:
            parsed = read_url(url)
            if title:
                parsed.title = title
        if cleaned.get("source_outlet"):
            parsed.outlet = cleaned["source_outlet"]
        if cleaned.get("source_published_on"):
            day = cleaned["source_published_on"]
            parsed.published_at = timezone.make_aware(datetime.combine(day, time(12)))
        return parsed
