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

Pages are filed by their absolute address (scheme, host, path and query) and the
htmx headers: a feed's absolute links follow the host it was asked for, so a
request with a foreign Host header only ever fills that host's entries. Hits and
misses send the same Vary (Cookie included, since a session cookie decides).

When the data version cannot be moved on (Redis refusing for a moment during a
write), this process owes a bump: until one succeeds it neither reads nor stores
pages, and a background thread retries every EVTRACKER_PAGE_CACHE_RETRY_SECONDS.
After any other cache failure, requests leave the cache alone for that long, so a
frozen Redis costs a reader one short timeout (EVTRACKER_CACHE_TIMEOUT), not one
per call.

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
import threading
import time
import zlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import patch_vary_headers

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


# This process's view of the cache: a bump it owes, and when to try the cache again.
_health = {"owed": False, "resume_at": 0.0, "retrier": None}
_health_lock = threading.Lock()


def _pause(what):
    logger.warning("Page cache: cannot %s", what, exc_info=True)
    _health["resume_at"] = time.monotonic() + settings.EVTRACKER_PAGE_CACHE_RETRY_SECONDS


def _paused():
    return time.monotonic() < _health["resume_at"]


def data_version():
    """The current data version (an integer), or None when the cache must not be used: it is
    unreachable, failed a moment ago, or this process owes a bump that still fails."""
    if _paused():
        return None
    if _health["owed"] and not bump():
        return None
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, 1, timeout=None)
            version = cache.get(VERSION_KEY)
        return version
    except Exception:
        _pause("read the data version")
        return None


def bump():
    """Move the data version on: every cached page is stale from now. Returns whether it
    moved; if not, this process bypasses the cache until a later bump succeeds."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.add(VERSION_KEY, 2, timeout=None)
    except Exception:
        _pause("move the data version on")
        _owe_bump()
        return False
    with _health_lock:
        _health.update(owed=False, resume_at=0.0)
    return True


def _owe_bump():
    with _health_lock:
        _health["owed"] = True
        retrier = _health["retrier"]
        if retrier is None or not retrier.is_alive():
            retrier = threading.Thread(target=_retry_bump, name="pagecache-bump", daemon=True)
            _health["retrier"] = retrier
            retrier.start()


def _retry_bump():
    """Until a bump succeeds: a write may have gone unseen by every process's cache."""
    while _health["owed"]:
        time.sleep(settings.EVTRACKER_PAGE_CACHE_RETRY_SECONDS)
        if _health["owed"]:
            bump()


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


def code_release():
    """What this deployment's pages are made of: EVTRACKER_RELEASE when the deploy sets it
    (a commit id), else a digest of the names, sizes and times of the code, templates and
    static files, so that pages rendered by an older release are never served by a newer."""
    if settings.EVTRACKER_RELEASE:
        return settings.EVTRACKER_RELEASE
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for folder in ("evtracker", "templates", "static"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html", ".css", ".js", ".svg"):
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
                )
    return digest.hexdigest()[:12]


@functools.cache
def release():
    return code_release()


def _key(request, version):
    parts = [
        # Scheme and host too: feeds and redirects carry absolute links built from them.
        request.build_absolute_uri(),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-History-Restore-Request", ""),
        request.headers.get("HX-Target", ""),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"evtracker:page:{release()}:{version}:{digest}"


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
        response = _cached_or_rendered(view, request, *args, **kwargs)
        # Whether a page came from the cache depends on the session cookie: hits and misses
        # say so alike (on a miss the session middleware would add it only after us).
        patch_vary_headers(response, ("Cookie",))
        return response

    return wrapper


def _cached_or_rendered(view, request, *args, **kwargs):
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
        _pause(f"read {key}")
        return view(request, *args, **kwargs)
    if key in found:
        return _from_cache(found[key], nonce, "hit")
    if recent_key in found:
        return _from_cache(found[recent_key], nonce, "recent")
    response = view(request, *args, **kwargs)
    if _cacheable_response(response):
        patch_vary_headers(response, ("Cookie",))
        _store(key, recent_key, response, nonce)
    return response


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
        _pause(f"store {key}")


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
