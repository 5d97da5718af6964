"""Shared fixtures and the rule for services: skip without them, fail when required.

With EVTRACKER_REQUIRE_SERVICES=1 (CI), a test that needs PostgreSQL or Redis
and cannot reach it fails; otherwise it is skipped with a message naming the
missing service.
"""

import os

import pytest
from django.conf import settings

REQUIRE_SERVICES = os.getenv("EVTRACKER_REQUIRE_SERVICES") == "1"


def _missing(problems):
    """Skip (or fail, when services are required) naming every missing service at once."""
    message = "; ".join(f"{service} is not available: {why}" for service, why in problems)
    if REQUIRE_SERVICES:
        pytest.fail(f"{message} (EVTRACKER_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def redis_problem():
    url = settings.REDIS_URL
    if not url:
        return "REDIS_URL is not set"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return f"cannot reach {url}: {exc}"
    return None


def pytest_runtest_setup(item):
    problems = []
    if item.get_closest_marker("postgres"):
        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            problems.append(("PostgreSQL", "DATABASE_URL does not point at PostgreSQL"))
    if item.get_closest_marker("redis"):
        problem = redis_problem()
        if problem:
            problems.append(("Redis", problem))
    if problems:
        _missing(problems)


def pytest_sessionstart(session):
    if REQUIRE_SERVICES:
        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            raise pytest.UsageError(
                "EVTRACKER_REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL"
            )
        problem = redis_problem()
        if problem:
            raise pytest.UsageError(f"EVTRACKER_REQUIRE_SERVICES=1 but Redis: {problem}")


@pytest.fixture(autouse=True)
def _fetch_from_loopback(settings):
    """Tests serve pages on 127.0.0.1; production refuses internal addresses."""
    settings.EVTRACKER_FETCH_ALLOW_PRIVATE = True


@pytest.fixture(autouse=True)
def _fresh_page_cache(settings):
    """Each test starts on a data version no earlier test has stored pages under, and sees
    every committed write at once (tests/test_pagecache.py tries the grace period)."""
    from evtracker.partnerships import pagecache

    settings.EVTRACKER_PAGE_CACHE_GRACE_SECONDS = 0
    if settings.EVTRACKER_PAGE_CACHE_SECONDS > 0:
        pagecache.bump()
    # The filter form's companies are ranked afresh for each test's own data.
    from django.core.cache import cache

    from evtracker.partnerships.forms import LISTED_KEY

    cache.delete(LISTED_KEY)


def _close_thread_connections(**kwargs):
    from django.db import connections

    # Each worker thread has its own connections: close them so the test database can be dropped.
    connections.close_all()


@pytest.fixture
def worker(settings):
    """A real Celery worker (two threads) on the Redis broker, for ingestion integration tests."""
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun

    from evtracker.celery import app as celery_app

    conf = celery_app.conf
    saved = {
        key: conf[key] for key in ("task_always_eager", "broker_url", "worker_hijack_root_logger")
    }
    conf.update(
        task_always_eager=False, broker_url=settings.REDIS_URL, worker_hijack_root_logger=False
    )
    celery_app.control.purge()  # messages left by another run refer to rows that are gone
    task_postrun.connect(_close_thread_connections, weak=False)
    try:
        with start_worker(
            celery_app,
            pool="threads",
            concurrency=2,
            perform_ping_check=False,
            loglevel="WARNING",
            shutdown_timeout=30,
        ) as running:
            yield running
    finally:
        task_postrun.disconnect(_close_thread_connections)
        conf.update(saved)
