"""Atom and RSS feeds of the timeline; the query string filters them as it does the page."""

from datetime import UTC, datetime, time
from typing import NamedTuple

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.http import urlencode

from .describe import describe_event, quoted
from .forms import read_filters
from .timeline import companies_of, timeline_page


class FeedFor(NamedTuple):
    """What a feed request asks for: the timeline's filters, and the site it is served from."""

    filters: object
    site: str


class TimelineFeed(Feed):
    """The newest page of the filtered timeline; bad filter values get a 400.

    Each entry links to its fact's story page; the feed's self link carries the filters,
    and the feed names its author, which RFC 4287 requires of an Atom feed.
    """

    description_text = "Automaker partnership talks, investments and approvals, newest first."
    url_name = ""
    author_name = "evtracker"

    def __call__(self, request, *args, **kwargs):
        # The feed object is shared by all requests: the filters travel on the request.
        _, filters, problems = read_filters(request.GET, companies=())
        if problems:
            return HttpResponseBadRequest("\n".join(problems), content_type="text/plain")
        request.timeline_filters = filters
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        # The scheme and host too: a link inside a description must be absolute, since feed
        # readers resolve it against no page of ours.
        return FeedFor(request.timeline_filters, request.build_absolute_uri("/")[:-1])

    def title(self, feed):
        names = ", ".join(company.name for company in feed.filters.companies)
        return f"evtracker timeline: {names}" if names else "evtracker timeline"

    def description(self, feed):
        return self.description_text

    def subtitle(self, feed):
        return self.description_text

    def link(self, feed):
        query = urlencode(feed.filters.as_params())
        url = reverse("partnerships:timeline")
        return f"{url}?{query}" if query else url

    def feed_url(self, feed):
        query = urlencode(feed.filters.as_params())
        url = reverse(self.url_name)
        return f"{url}?{query}" if query else url

    def items(self, feed):
        events = timeline_page(feed.filters).events
        for event in events:
            event.site = feed.site
        return events

    def item_title(self, event):
        return describe_event(event)

    def item_description(self, event):
        # Escaped here because readers treat the description as HTML.
        lines = []
        evidence = event.shown_evidence
        if evidence:
            source = evidence.attributed_to or evidence.article.outlet or "an article"
            url = event.site + reverse("partnerships:article", args=[evidence.article_id])
            lines.append(
                f"{escape(quoted(evidence.sentence))} "
                f'(<a href="{url}#evidence-{evidence.pk}">{escape(source)}</a>)'
            )
        lines.append(f"Reported by {event.reports} article{'s' if event.reports != 1 else ''}.")
        return "<br>".join(lines)

    def item_link(self, event):
        return f"{event.fact.get_absolute_url()}#event-{event.pk}"

    def item_guid(self, event):
        return f"urn:evtracker:event:{event.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, event):
        return datetime.combine(event.occurred_on, time(), tzinfo=UTC)

    def item_updateddate(self, event):
        return self.item_pubdate(event)

    def item_categories(self, event):
        return [event.get_fact_type_display(), *(c.name for c in companies_of(event.fact))]


class AtomTimelineFeed(TimelineFeed):
    feed_type = Atom1Feed
    url_name = "partnerships:feed_atom"


class RssTimelineFeed(TimelineFeed):
    feed_type = Rss201rev2Feed
    url_name = "partnerships:feed_rss"
