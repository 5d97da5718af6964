"""The health check, and a 503 page for readers while the database is away."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again.
RETRY_AFTER = 30


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except (OperationalError, InterfaceError) as exc:
        return f"unavailable ({_first_line(exc)})"
    return "ok"


def _redis():
    if not settings.REDIS_URL:
        return "not configured"
    try:
        # A round trip through the cache's own client, with its short timeouts.
        cache.get("evtracker:healthz")
    except Exception as exc:
        return f"unavailable ({_first_line(exc) or type(exc).__name__})"
    return "ok"


def _first_line(exc):
    return str(exc).strip().split("\n")[0][:200]


@never_cache
def healthz(request):
    """For container health checks: the database and Redis, each on its line; 503 unless both
    answer (Redis counts only when REDIS_URL is set)."""
    checks = {"database": _database(), "redis": _redis()}
    healthy = all(state in ("ok", "not configured") for state in checks.values())
    body = "".join(f"{name}: {state}\n" for name, state in checks.items())
    return HttpResponse(body, status=200 if healthy else 503, content_type="text/plain")


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with a short page, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        # Django closes a broken connection when the request finishes; the next one reconnects.
        logger.error("Database unavailable: %s", _first_line(exception))
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
