"""The rows the public pages repeat, rendered by Jinja2 (templates/jinja2/partnerships/).

A fresh timeline page renders 25 events, a board 40 cards, a company page some 40 list
items; through the Django template engine those rows took a third of a fresh page's CPU
(docs/architecture.md, "Fast fresh pages"). The pages themselves stay Django templates with
their partials; each repeated list of rows is one `{% rows "events" page.events ... %}`
(templatetags/evtracker.py), which renders its Jinja2 template once for the whole list.
The filters and tags are the Django templates' own, so the two engines word and escape a
row alike (Django's Jinja2 backend turns autoescaping on).
"""

from django.urls import reverse
from django.utils.text import Truncator
from jinja2 import Environment

from .templatetags import evtracker as tags


def truncatechars(value, length):
    """Django's truncatechars: at most `length` characters, the last an ellipsis."""
    return Truncator(value).chars(length)


def environment(**options):
    """The Jinja2 environment of the rows (TEMPLATES' "jinja2" engine, settings.py)."""
    env = Environment(**options)
    env.filters.update(
        headline=tags.headline,
        summary=tags.summary,
        companies=tags.companies,
        day=tags.day,
        iso_day=tags.iso_day,
        article_url=tags.article_url,
        plural=tags.plural,
        truncatechars=truncatechars,
    )
    env.globals.update(
        status_badge=tags.status_badge,
        kind_badge=tags.kind_badge,
        review_badge=tags.review_badge,
        no_regulator=tags.no_regulator,
        url=lambda name, *args: reverse(name, args=args),
    )
    return env
