"""The page cache never serves what it should not: another host's or scheme's page, different
Vary on hits and misses, or old pages after a version bump that failed."""

import time
from datetime import date

import pytest
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError

from evtracker.partnerships import pagecache
from tests.factories import make_company, make_talk

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.redis, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.EVTRACKER_PAGE_CACHE_SECONDS = 60
    settings.ALLOWED_HOSTS = ["*"]


def how_served(response):
    return response.headers.get(pagecache.HIT_HEADER)


def vary(response):
    return {part.strip().lower() for part in response.headers.get("Vary", "").split(",")}


def test_a_foreign_host_header_does_not_change_what_other_readers_get():
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    attacker, reader = Client(), Client()

    poisoned = attacker.get("/feeds/timeline.rss", HTTP_HOST="evil.example")
    assert "http://evil.example/" in poisoned.content.decode()
    first, second = reader.get("/feeds/timeline.rss"), reader.get("/feeds/timeline.rss")

    assert how_served(first) is None and how_served(second) == "hit"
    for response in (first, second):
        feed = response.content.decode()
        assert "evil.example" not in feed
        assert "http://testserver/" in feed


@pytest.mark.parametrize("path", ["/", "/feeds/timeline.atom"])
def test_hosts_and_schemes_are_stored_apart(path, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    client = Client()
    client.get(path, HTTP_HOST="localhost")

    assert how_served(client.get(path, HTTP_HOST="127.0.0.1")) is None
    assert how_served(client.get(path, HTTP_HOST="localhost", secure=True)) is None
    assert how_served(client.get(path, HTTP_HOST="localhost")) == "hit"
    secure = client.get(path, HTTP_HOST="localhost", secure=True)
    assert how_served(secure) == "hit"
    if path.endswith(".atom"):
        assert "https://localhost/" in secure.content.decode()


@pytest.mark.parametrize(
    "path", ["/", "/boards/talks/", "/companies/xiaomi/", "/feeds/timeline.rss"]
)
def test_hits_and_misses_send_the_same_vary(client, path):
    make_talk(make_company("Xiaomi"), make_company("Chery"))
    miss, hit = client.get(path), client.get(path)

    assert how_served(miss) is None and how_served(hit) == "hit"
    assert vary(hit) == vary(miss)
    assert "cookie" in vary(hit)


def refuse(*args, **kwargs):
    raise RedisConnectionError("Redis refuses for a moment")


def test_a_failed_bump_bypasses_the_cache_until_a_bump_succeeds(client, monkeypatch, settings):
    settings.EVTRACKER_PAGE_CACHE_RETRY_SECONDS = 0.05
    xiaomi = make_company("Xiaomi")
    make_talk(xiaomi, make_company("Chery"))
    client.get("/")
    assert how_served(client.get("/")) == "hit"

    # Redis refuses the bump that follows an editor's write (in every thread); reads still work.
    monkeypatch.setattr(RedisCache, "incr", refuse)
    make_talk(xiaomi, make_company("Brilliance Auto"), on=date(2023, 10, 13))
    for _ in range(2):  # neither served from the cache nor stored meanwhile
        page = client.get("/")
        assert how_served(page) is None
        assert "Xiaomi and Brilliance Auto reportedly in talks" in page.content.decode()

    # Redis accepts again: a bump succeeds (the retry, or the next request's) and the cache
    # resumes on the new version.
    monkeypatch.undo()
    time.sleep(0.2)
    fresh = client.get("/")
    assert "Xiaomi and Brilliance Auto reportedly in talks" in fresh.content.decode()
    assert how_served(client.get("/")) == "hit"


def test_a_failed_bump_is_retried_in_the_background(monkeypatch, settings):
    settings.EVTRACKER_PAGE_CACHE_RETRY_SECONDS = 0.05
    before = pagecache.data_version()
    real_incr, calls = RedisCache.incr, []

    def refuse_twice(self, *args, **kwargs):
        calls.append(args)
        if len(calls) <= 2:
            refuse()
        return real_incr(self, *args, **kwargs)

    monkeypatch.setattr(RedisCache, "incr", refuse_twice)
    assert not pagecache.bump()
    deadline = time.monotonic() + 5
    while len(calls) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)

    # Nothing but the background thread bumped: the version moved once the third try got through.
    assert len(calls) == 3
    assert pagecache.data_version() == before + 1
