"""Addresses of the public pages, reversed once per route rather than once per row.

A timeline page links each of its 50 events to a story, its companies and an article: about
200 calls of Django's reverse(), which cost 5 to 8 ms of a fresh page (measured on the
million-article bench database, docs/benchmarks.md). Here a route is reversed once per
script prefix with a marker where its argument goes, and each row's argument takes the
marker's place. Only for routes whose argument is an id or a slug (characters a URL keeps
as they are).
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse

MARKERS = {int: "4242424242", str: "slug-marker"}


@lru_cache(maxsize=64)
def _route(name, kind, script_prefix):
    marker = MARKERS[kind]
    return tuple(reverse(name, args=[marker]).rsplit(marker, 1))


def path(name, value):
    """reverse(name, args=[value]) for a route with one id or slug argument."""
    kind = int if isinstance(value, int) else str
    before, after = _route(name, kind, get_script_prefix())
    return f"{before}{value}{after}"
