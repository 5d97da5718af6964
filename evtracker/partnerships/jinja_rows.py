"""The rows and figures the public pages repeat, rendered by Jinja2 (templates/jinja2/).

A fresh timeline page renders 25 events, a board 40 cards, a company page some 40 list
items, a chart and a network; through the Django template engine they took a third of a
fresh page's CPU (docs/architecture.md says what was measured). The pages themselves stay
Django templates with their partials; each repeated piece is one
`{% jinja "partnerships/rows/events.html" items=page.events ... %}`
(templatetags/evtracker.py), which renders its Jinja2 template once for the whole list.
The filters and tags are the Django templates' own, so the two engines word and escape a
row alike.
"""

import html

from django.urls import reverse
from django.utils.text import Truncator
from jinja2 import Environment
from markupsafe import Markup

from .describe import shown_topic
from .templatetags import evtracker as tags


def truncatechars(value, length):
    """Django's truncatechars: at most `length` characters, the last an ellipsis."""
    return Truncator(value).chars(length)


def escape_as_django(value):
    """A value escaped as the Django templates escape it (html.escape: &quot;, &#x27;), so a
    row reads the same whichever engine drew it; a safe value (a badge) is left alone. Django's
    own conditional_escape does the same through a lazy-text wrapper that cost a fresh
    timeline 1-2 ms for its thousand values."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))


def environment(**options):
    """The Jinja2 environment of the rows (TEMPLATES' "jinja2" engine, settings.py)."""
    env = Environment(**options, finalize=escape_as_django)
    env.filters.update(
        headline=tags.headline,
        summary=tags.summary,
        companies=tags.companies,
        day=tags.day,
        iso_day=tags.iso_day,
        article_url=tags.article_url,
        plural=tags.plural,
        truncatechars=truncatechars,
        topic=shown_topic,
        quote_class=tags.quote_class,
    )
    env.globals.update(
        status_badge=tags.status_badge,
        kind_badge=tags.kind_badge,
        review_badge=tags.review_badge,
        no_regulator=tags.no_regulator,
        url=lambda name, *args: reverse(name, args=args),
    )
    return env
