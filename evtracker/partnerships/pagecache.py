"""Whole-page cache for readers who are not signed in, keyed on a data version.

Every public page is a pure function of the stored data and its address, so a
rendered page stays right until the data changes. The data version is one
integer in the cache. Any SQL statement that writes to a table the pages read
(a partnerships table or the articles) moves it on: right after the statement
in autocommit, or when the transaction commits. Moving it after the commit
closes the race where another process renders the old data while the write is
still uncommitted: whatever it stored is filed under the version the commit
leaves behind.

Statements are watched through Django's execute wrappers, so bulk_create,
QuerySet.update() and raw SQL through Django's cursor count as well as save().
Only COPY through psycopg goes round them, and generate_corpus moves the
version itself.

A connection that holds uncommitted writes neither reads nor stores cached pages: it
sees data that other connections do not, and it must see it on its own pages.

While ingestion runs, the version moves with every article, and without more every
reader would wait for a fresh page. So a page rendered in the last
EVTRACKER_PAGE_CACHE_GRACE_SECONDS is served to readers even if the version has
moved since (its X-Evtracker-Cache header says "recent"): readers may see the data
up to that many seconds late; editors never do.

Cached pages are stored with the CSP nonce replaced by a marker, and each hit
gets a new nonce. Pages for a signed-in editor (any request with a session
cookie) are never cached: they carry a CSRF token and editor controls.
Entries live for EVTRACKER_PAGE_CACHE_SECONDS, so old versions drain away.
Whenever the cache cannot be reached the page is simply rendered.
"""

import functools
import hashlib
import logging
import re
import zlib

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.middleware.csp import get_nonce

logger = logging.getLogger(__name__)

VERSION_KEY = "evtracker:data-version"
NONCE_MARK = "\x00csp-nonce\x00"
HIT_HEADER = "X-Evtracker-Cache"
# Headers of the rendered page that a hit repeats (CSP is made afresh by its middleware).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Last-Modified", "HX-Push-Url", "Vary")
WRITE = re.compile(
    r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?'
    r"(?:partnerships_|news_article\b)",
    re.IGNORECASE,
)


def data_version():
    """The current data version (an integer), or None when the cache is unreachable."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, 1, timeout=None)
            version = cache.get(VERSION_KEY)
        return version
    except Exception:
        logger.warning("Page cache: cannot read the data version", exc_info=True)
        return None


def bump():
    """Move the data version on: every cached page is stale from now."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.add(VERSION_KEY, 2, timeout=None)
    except Exception:
        logger.warning("Page cache: cannot move the data version on", exc_info=True)


def _bump_after_commit():
    bump()


def _pending(connection):
    return any(func is _bump_after_commit for _, func, _ in connection.run_on_commit)


def watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and WRITE.match(sql):
        connection = context["connection"]
        if not connection.in_atomic_block:
            bump()
        elif not _pending(connection):
            connection.on_commit(_bump_after_commit)
    return result


def _install(sender, connection, **kwargs):
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def install():
    """Watch every database connection, those open already and those to come."""
    connection_created.connect(_install, dispatch_uid="evtracker-page-cache")
    for connection in connections.all(initialized_only=True):
        _install(None, connection)


def uncommitted_writes():
    """Whether a connection of this thread holds writes it has not committed."""
    return any(
        connection.in_atomic_block and _pending(connection)
        for connection in connections.all(initialized_only=True)
    )


def _cacheable_request(request):
    return (
        settings.EVTRACKER_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not uncommitted_writes()
    )


def _key(request, version):
    parts = [
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-History-Restore-Request", ""),
        request.headers.get("HX-Target", ""),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"evtracker:page:{version}:{digest}"


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def cached_page(view):
    """Serve the view from the page cache to readers who are not signed in."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        version = data_version()
        if version is None:
            return view(request, *args, **kwargs)
        key, recent_key = _key(request, version), _recent_key(request)
        nonce = get_nonce(request)
        nonce = str(nonce) if nonce is not None else ""
        try:
            found = cache.get_many([key, recent_key] if _grace() else [key])
        except Exception:
            logger.warning("Page cache: cannot read %s", key, exc_info=True)
            found = {}
        if key in found:
            return _from_cache(found[key], nonce, "hit")
        if recent_key in found:
            return _from_cache(found[recent_key], nonce, "recent")
        response = view(request, *args, **kwargs)
        if _cacheable_response(response):
            _store(key, recent_key, response, nonce)
        return response

    return wrapper


def _grace():
    return settings.EVTRACKER_PAGE_CACHE_GRACE_SECONDS


def _recent_key(request):
    """The page as last rendered, whatever the version: kept for the grace period only."""
    return _key(request, "recent")


def _store(key, recent_key, response, nonce):
    body = response.content.decode(response.charset)
    if nonce:
        body = body.replace(nonce, NONCE_MARK)
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    stored = (zlib.compress(body.encode(), 1), headers)
    try:
        cache.set(key, stored, settings.EVTRACKER_PAGE_CACHE_SECONDS)
        if _grace():
            cache.set(recent_key, stored, _grace())
    except Exception:
        logger.warning("Page cache: cannot store %s", key, exc_info=True)


def _from_cache(stored, nonce, how):
    compressed, headers = stored
    body = zlib.decompress(compressed).decode()
    if nonce:
        body = body.replace(NONCE_MARK, nonce)
    response = HttpResponse(body)
    for name, value in headers.items():
        response[name] = value
    response[HIT_HEADER] = how
    return response
