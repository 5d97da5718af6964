"""No request gives a 500: arbitrary parameters on every reader page, feed, export and the
board move; the database away gives a 503 page; /healthz names each service."""

import socket
import threading
from contextlib import contextmanager
from datetime import date
from urllib.parse import quote, quote_from_bytes

import pytest
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evtracker.partnerships.models import ApprovalStatus, TalkStatus
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_investment,
    make_talk,
)

pytestmark = pytest.mark.postgres

EXPORTS = [
    f"/export/{kind}.{fmt}"
    for kind in ("talks", "investments", "approvals")
    for fmt in ("csv", "json")
]
FEEDS = ["/feeds/timeline.atom", "/feeds/timeline.rss"]
FILTERED = ["/", "/boards/talks/", "/boards/approvals/", *FEEDS, *EXPORTS]
PARAMETERS = ["company", "counterpart", "type", "status", "from", "to", "reviewed", "q", "before"]


@pytest.fixture
def world(db):
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    miit = make_company("MIIT", kind="regulator")
    article = make_article(body="Xiaomi approached Chery about a production deal.")
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    make_evidence(talk, article)
    approval = make_approval(xiaomi, miit)
    make_investment(xiaomi, target=chery)
    return {"talk": talk, "approval": approval, "article": article, "company": xiaomi}


def body_of(response):
    """The whole body: a streamed export fails while it is read, not before."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_no_server_error(response):
    body = body_of(response)
    assert response.status_code < 500, body[:500]


# --- what Hypothesis sends ------------------------------------------------------------

texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
raw_bytes = st.binary(max_size=20).map(quote_from_bytes)  # invalid UTF-8 included
dates = st.one_of(st.dates().map(date.isoformat), st.from_regex(r"\A-?\d{1,6}-\d{1,3}-\d{1,3}\Z"))
numbers = st.one_of(st.integers().map(str), st.floats().map(str))
cursors = st.builds(lambda d, n: f"{d}_{n}", dates, st.integers(min_value=-1, max_value=10**30))
values = st.one_of(
    texts.map(quote),
    raw_bytes,
    dates,
    numbers,
    cursors,
    st.sampled_from(["xiaomi", "chery", "miit", "talk", "agreed", "granted", "on", "%00"]),
)
names = st.one_of(st.sampled_from(PARAMETERS), texts.map(quote))
# Repeated parameters come from drawing the same name more than once.
queries = st.lists(st.tuples(names, values), max_size=8).map(
    lambda pairs: "&".join(f"{name}={value}" for name, value in pairs)
)
headers = st.sampled_from(
    [{}, {"HTTP_HX_REQUEST": "true"}, {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}]
)


def reader_paths(world):
    return [
        *FILTERED,
        f"/companies/{world['company'].slug}/",
        "/companies/no-such-company/",
        f"/articles/{world['article'].pk}/",
        "/articles/99999999999999999999/",
    ]


def test_it_answers_every_reader_url_without_a_server_error(world):
    client = Client()

    @settings(
        max_examples=400,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(path=st.sampled_from(reader_paths(world)), query=queries, extra=headers)
    def check(path, query, extra):
        assert_no_server_error(client.get(f"{path}?{query}", **extra))

    check()


def test_it_answers_every_board_move_without_a_server_error(world):
    editor = Client()  # the test client lets the POST through CSRF, as a browser with its token
    editor.force_login(make_editor())
    pks = st.one_of(
        st.sampled_from([world["talk"].pk, world["approval"].pk]),
        st.integers(min_value=0, max_value=10**20),
    )
    statuses = st.one_of(st.sampled_from([*TalkStatus.values, *ApprovalStatus.values]), texts)
    # Lists are sent as repeated parameters.
    form = st.fixed_dictionaries(
        {"status": st.lists(statuses, max_size=3)}, optional={"filters": queries}
    )

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        board=st.sampled_from(["talks", "approvals", "investments", "nope"]),
        pk=pks,
        data=form,
        extra=headers,
    )
    def check(board, pk, data, extra):
        response = editor.post(f"/boards/{board}/{pk}/move/", data, **extra)
        assert_no_server_error(response)

    check()


# --- the NUL byte of the report ---------------------------------------------------------


@pytest.mark.parametrize("path", FILTERED)
def test_a_nul_byte_in_a_filter_gets_a_note_or_a_400(client, world, path):
    response = client.get(f"{path}?company=%00&company=xia%00omi&q=a%00b")
    body = body_of(response)
    assert response.status_code in (200, 400), body[:500]
    assert b"contains control characters" in body


def test_a_board_move_with_a_nul_byte_in_its_filters_moves_and_answers(client, world):
    client.force_login(make_editor())
    talk = world["talk"]
    response = client.post(
        f"/boards/talks/{talk.pk}/move/",
        {"status": TalkStatus.AGREED, "filters": "company=%00&q=x%00"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    talk.refresh_from_db()
    assert talk.status == TalkStatus.AGREED


# --- services away ------------------------------------------------------------------------


def closed_port():
    with socket.socket() as probe:  # free a moment ago: nobody listens
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_away():
    """The default connection pointed at a closed port, as if PostgreSQL had stopped."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=closed_port())
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True)
def test_pages_answer_503_while_the_database_is_away(settings):
    settings.EVTRACKER_PAGE_CACHE_SECONDS = 0
    client = Client()
    with database_away():
        responses = [client.get(path) for path in ["/", "/boards/talks/", "/companies/xiaomi/"]]
        health = client.get("/healthz")
    for response in responses:
        assert response.status_code == 503
        assert "Temporarily unavailable" in response.content.decode()
        assert response.headers["Retry-After"]
    assert health.status_code == 503
    assert health.content.decode().startswith("database: unavailable (")
    # Back again: the next request reconnects.
    assert client.get("/").status_code == 200


@pytest.mark.redis
def test_healthz_names_each_service(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"database: ok\nredis: ok\n"


def test_healthz_reports_redis_away_apart_from_the_database(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    response = client.get("/healthz")
    lines = response.content.decode().splitlines()
    assert response.status_code == 503
    assert lines[0] == "database: ok"
    assert lines[1].startswith("redis: unavailable (")


@contextmanager
def frozen_redis():
    """A port that accepts connections and never answers: Redis stopped with SIGSTOP."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0", accepted
    finally:
        stop.set()
        thread.join()
        for peer in accepted:
            peer.close()
        listener.close()


@pytest.mark.redis
def test_a_frozen_redis_costs_a_reader_one_short_timeout(client, world, settings):
    """Without the cache's socket timeouts these requests would wait for ever."""
    settings.EVTRACKER_PAGE_CACHE_SECONDS = 60
    with frozen_redis() as (url, accepted):
        settings.REDIS_URL = url
        settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": url}}
        pages = [client.get("/"), client.get("/companies/xiaomi/")]
        health = client.get("/healthz")
    assert [page.status_code for page in pages] == [200, 200]
    assert accepted, "the cache never tried the frozen server"
    assert health.status_code == 503
    assert "redis: unavailable (Timeout" in health.content.decode()
