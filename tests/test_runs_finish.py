"""Every run finishes, whatever fails: a database stopped mid-run, a worker killed as a whole,
an article that kills its worker, a broker down at enqueue, a FIFO in the folder, an
interrupted `manage.py ingest`. Each ends with the run over and every item stored or failed
with a reason; none is left queued, running or pending.

Real services only: workers are `celery worker` processes (prefork) that the tests kill; the
database outage stops a PostgreSQL cluster of the test's own and the broker is a Redis server
of the test's own (tests/services.py), so the machine's shared ones are never stopped.
"""

import contextlib
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from evtracker.celery import app as celery_app
from evtracker.news import runs, sweeper, tasks
from evtracker.news.models import Article, IngestionItem, IngestionRun, ItemOutcome, RunStatus
from evtracker.partnerships.companies import load_company_list, read_company_file
from tests.factories import make_user
from tests.services import (
    MANAGE,
    PrivatePostgres,
    PrivateRedis,
    Worker,
    free_port,
    manage,
    service_env,
    wait_until,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
OVER = (RunStatus.FINISHED, RunStatus.FAILED)
STORED = (ItemOutcome.NEW, ItemOutcome.DUPLICATE)
OUTAGE_SECONDS = 60


def real_articles(folder, count):
    """count retold real reports (tests/data/realset and holdout) copied into folder."""
    found = sorted((DATA / "realset" / "articles").glob("*.txt"))
    found += sorted((DATA / "holdout" / "articles").glob("*.txt"))
    assert len(found) >= count
    folder.mkdir(parents=True, exist_ok=True)
    for path in found[:count]:
        shutil.copy(path, folder / f"{path.parent.parent.name}-{path.name}")
    return folder


PARTIES = ["Xiaomi", "Chery", "NIO", "XPeng", "Volkswagen", "Stellantis", "Leapmotor", "Geely"]


def short_articles(folder, count):
    """count short, distinct reports of talks between seed companies, quick to extract."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        a, b = PARTIES[n % len(PARTIES)], PARTIES[(n // len(PARTIES) + n + 1) % len(PARTIES)]
        if a == b:
            b = PARTIES[(PARTIES.index(a) + 1) % len(PARTIES)]
        (folder / f"report-{n:03}.txt").write_text(
            f"{a} and {b} discuss batteries ({n})\n\nBy A Reporter\n\n"
            f"{a} is in talks with {b} about a battery plant, people familiar with the matter "
            f"said. The plant would be the {n + 1}th of its kind, one of them added.\n"
        )
    return folder


def queued_run_id(result):
    assert result.returncode == 0, result.stderr
    return int(re.search(r"Run (\d+) queued", result.stdout).group(1))


@pytest.fixture
def companies():
    load_company_list(read_company_file(ROOT / "seeds" / "companies.json"))


@pytest.fixture
def private_redis():
    server = PrivateRedis()
    yield server
    server.stop()


@pytest.fixture
def test_database_url(transactional_db):
    """The test database's address, for worker and manage.py processes (torn down first)."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def workers():
    started = []

    def start(*args, **kwargs):
        worker = Worker(*args, **kwargs)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def summary(items):
    """{outcome: count} and the failed items without a reason."""
    counts = {}
    unexplained = []
    for source, outcome, error in items:
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome == ItemOutcome.FAILED and not error.strip():
            unexplained.append(source)
    return counts, unexplained


def assert_finished(status, done, total, items):
    counts, unexplained = summary(items)
    assert status in OVER
    assert done == total == len(items)
    assert ItemOutcome.PENDING not in counts, counts
    assert not unexplained
    return counts


# --- the database stopped for 60 s during a 200-article run ------------------------------


def read_private(url, sql, *params):
    """Rows from the private database, or None while it is down."""
    try:
        with psycopg.connect(url, connect_timeout=2) as conn:
            return conn.execute(sql, params).fetchall()
    except psycopg.OperationalError:
        return None


def private_run(url, run_id):
    rows = read_private(
        url, "SELECT status, done, total FROM news_ingestionrun WHERE id = %s", run_id
    )
    return rows[0] if rows else None


@pytest.fixture
def private_postgres():
    cluster = PrivatePostgres()
    yield cluster
    cluster.remove()


@pytest.mark.postgres
@pytest.mark.redis
def test_it_finishes_a_200_article_run_through_a_60_second_database_outage(
    tmp_path, private_postgres, private_redis, workers
):
    env = service_env(
        private_postgres.url,
        private_redis.url,
        # Retries after 2, 4, 8, 10, 10 ... s: 12 of them cover 104 s, more than the outage.
        EVTRACKER_TASK_RETRY_BACKOFF_MAX=10,
        EVTRACKER_TASK_RETRIES=12,
        EVTRACKER_ITEM_STALE_SECONDS=90,
        EVTRACKER_SWEEP_SECONDS=5,
    )
    for command in (["migrate", "--noinput"], ["load_companies"]):
        result = manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    folder = short_articles(tmp_path / "articles", 200)
    worker = workers(env, tmp_path / "worker.log", beat=True)
    run_id = queued_run_id(manage("ingest", "--async", folder, env=env))
    url = private_postgres.url

    wait_until(lambda: (private_run(url, run_id) or ("", 0, 0))[1] >= 20, 120, "20 articles done")
    done_when_stopped = private_run(url, run_id)[1]
    private_postgres.stop()
    stopped_at = time.monotonic()
    time.sleep(OUTAGE_SECONDS)
    private_postgres.start()
    restarted_at = time.monotonic()
    assert restarted_at - stopped_at >= OUTAGE_SECONDS

    wait_until(lambda: (private_run(url, run_id) or ("",))[0] in OVER, 300, "the run over")
    finished_after = time.monotonic() - restarted_at
    status, done, total = private_run(url, run_id)
    items = read_private(
        url, "SELECT source, outcome, error FROM news_ingestionitem WHERE run_id = %s", run_id
    )
    counts = assert_finished(status, done, total, items)
    assert total == 200
    stored = read_private(url, "SELECT count(*) FROM news_article")[0][0]
    assert stored == counts.get(ItemOutcome.NEW, 0)
    log = worker.read_log()
    retries = log.count("retry: Retry in")
    assert retries > 0  # the outage did reach the tasks
    assert done_when_stopped < total  # stopped mid-run
    print(
        f"\n[db outage] {total} articles, database stopped {OUTAGE_SECONDS} s at "
        f"{done_when_stopped} done; "
        f"outcomes {counts}; {retries} task retries; run {status} "
        f"{finished_after:.0f} s after the restart; {log.count('Sweeper:')} sweeps re-queued"
    )


# --- a worker killed as a whole ----------------------------------------------------------


@pytest.mark.parametrize("count", [200])
@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_it_finishes_a_run_whose_worker_is_killed_as_a_whole(
    tmp_path, test_database_url, private_redis, workers, count
):
    env = service_env(
        test_database_url,
        private_redis.url,
        EVTRACKER_ITEM_STALE_SECONDS=10,
        EVTRACKER_SWEEP_SECONDS=2,
    )
    folder = short_articles(tmp_path / "articles", count)
    first = workers(env, tmp_path / "first.log")
    run_id = queued_run_id(manage("ingest", "--async", folder, env=env))
    run = IngestionRun.objects.filter(pk=run_id)

    wait_until(lambda: run.get().done >= 30, 120, "30 articles done")
    first.kill_all()  # SIGKILL to the main process and its pool: nothing acknowledged, no cleanup
    killed = run.get()
    in_flight = IngestionItem.objects.filter(run_id=run_id, outcome=ItemOutcome.PENDING).exclude(
        delivery=""
    )
    started_when_killed = in_flight.count()
    killed_at = time.monotonic()

    second = workers(env, tmp_path / "second.log", beat=True, name="second")
    wait_until(lambda: run.get().status in OVER, 180, "the run over")
    finished_after = time.monotonic() - killed_at

    run = run.get()
    items = list(run.items.values_list("source", "outcome", "error"))
    counts = assert_finished(run.status, run.done, run.total, items)
    assert Article.objects.count() == counts.get(ItemOutcome.NEW, 0)
    retried = IngestionItem.objects.filter(run_id=run_id, attempts__gt=0).count()
    print(
        f"\n[worker killed] {run.total} articles, killed at {killed.done} done with "
        f"{started_when_killed} started; outcomes {counts}; {retried} item(s) re-queued by the "
        f"sweeper; run {run.status} {finished_after:.0f} s after the kill; "
        f"{second.read_log().count('Sweeper:')} sweeps re-queued"
    )


# --- an article that kills its worker twice ------------------------------------------------


class HangingPage(BaseHTTPRequestHandler):
    """Answers nothing until released: a worker fetching it is busy for as long as needed."""

    hits = 0
    release = threading.Event()

    def do_GET(self):
        type(self).hits += 1
        self.release.wait(60)
        with contextlib.suppress(OSError):
            self.send_error(503)

    def log_message(self, *args):
        pass


@pytest.fixture
def hanging_page():
    HangingPage.hits = 0
    HangingPage.release = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), HangingPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article"
    HangingPage.release.set()
    server.shutdown()


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_it_fails_an_article_that_kills_its_worker_twice(
    tmp_path, test_database_url, private_redis, workers, hanging_page
):
    env = service_env(
        test_database_url,
        private_redis.url,
        EVTRACKER_FETCH_ALLOW_PRIVATE=1,
        EVTRACKER_FETCH_TIMEOUT=60,
    )
    seed = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
    worker = workers(env, tmp_path / "worker.log", concurrency=1)
    run_id = queued_run_id(manage("ingest", "--async", hanging_page, seed, env=env))

    for kill in (1, 2):
        # The article's task is in the pool's child, fetching: that child dies (as on a crash).
        wait_until(lambda kill=kill: HangingPage.hits >= kill, 60, f"fetch {kill}")
        children = wait_until(worker.pool_children, 10, "a pool child")
        for pid in children:
            os.kill(pid, signal.SIGKILL)

    run = IngestionRun.objects.filter(pk=run_id)
    wait_until(lambda: run.get().status in OVER, 60, "the run over")
    run = run.get()
    items = {item.source: item for item in run.items.all()}
    assert_finished(
        run.status, run.done, run.total, [(s, i.outcome, i.error) for s, i in items.items()]
    )
    killer = items[hanging_page]
    assert killer.outcome == ItemOutcome.FAILED
    assert killer.error.startswith("Given up after 2 attempts")
    assert HangingPage.hits == 2  # not delivered a third time
    assert items[str(seed)].outcome == ItemOutcome.NEW
    assert run.status == RunStatus.FINISHED
    print(f"\n[kills its worker] fetched {HangingPage.hits} times; {killer.error}")


# --- the broker down at enqueue ------------------------------------------------------------


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_fails_a_cli_run_in_one_sentence_when_the_broker_is_down(tmp_path, test_database_url):
    env = service_env(test_database_url, f"redis://127.0.0.1:{free_port()}/0")
    folder = real_articles(tmp_path / "articles", 3)
    started = time.monotonic()
    result = manage("ingest", "--async", folder, env=env, timeout=60)
    took = time.monotonic() - started

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one sentence, no traceback
    assert re.fullmatch(
        r"CommandError: Run \d+: Could not queue the run: the task queue at redis://127\.0\.0\.1:"
        r"\d+/0 cannot be reached \(.+\), so nothing was ingested\.",
        lines[0],
    )
    run = IngestionRun.objects.get()
    items = list(run.items.values_list("source", "outcome", "error"))
    counts = assert_finished(run.status, run.done, run.total, items)
    assert run.status == RunStatus.FAILED
    assert counts == {ItemOutcome.FAILED: 3}
    assert run.error.startswith("Could not queue the run")
    print(f"\n[broker down, CLI] {took:.1f} s: {lines[0]}")


@pytest.fixture
def unreachable_broker():
    conf = celery_app.conf
    saved = {key: conf[key] for key in ("task_always_eager", "broker_url")}
    conf.update(task_always_eager=False, broker_url=f"redis://127.0.0.1:{free_port()}/0")
    celery_app._pool = celery_app.amqp._producer_pool = None
    yield
    conf.update(saved)
    celery_app._pool = celery_app.amqp._producer_pool = None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_says_so_in_the_admin_when_the_broker_is_down(client, unreachable_broker):
    # A superuser: the flush of a transactional test took the Editors group's permissions.
    client.force_login(make_user(is_staff=True, is_superuser=True))
    seed = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
    upload = SimpleUploadedFile(seed.name, seed.read_bytes(), content_type="text/plain")

    response = client.post(
        reverse("admin:news_ingestionrun_start"), {"files": [upload], "url": ""}, follow=True
    )

    page = response.content.decode()
    assert "Ingestion started" not in page
    assert page.count("Could not queue the run: the task queue at redis://") >= 1
    run = IngestionRun.objects.get()
    assert run.status == RunStatus.FAILED
    item = run.items.get()
    assert item.outcome == ItemOutcome.FAILED
    assert item.error.startswith("Could not queue the run")
    assert (run.done, run.total) == (1, 1)


# --- a FIFO (and a device) in the folder ---------------------------------------------------


@pytest.fixture
def folder_with_a_fifo(tmp_path):
    folder = real_articles(tmp_path / "articles", 3)
    os.mkfifo(folder / "stuck.txt")  # nobody ever writes to it
    (folder / "zeros.txt").symlink_to("/dev/zero")
    return folder


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_refuses_a_fifo_in_the_folder_from_the_command(folder_with_a_fifo, test_database_url):
    env = service_env(test_database_url, "")
    result = manage("ingest", folder_with_a_fifo, env=env, timeout=60)

    assert result.returncode == 0, result.stderr
    assert "stuck.txt is a named pipe (FIFO), not a regular file" in result.stdout
    assert "zeros.txt is a character device, not a regular file" in result.stdout
    run = IngestionRun.objects.get()
    items = list(run.items.values_list("source", "outcome", "error"))
    counts = assert_finished(run.status, run.done, run.total, items)
    assert counts == {ItemOutcome.NEW: 3, ItemOutcome.FAILED: 2}
    assert run.status == RunStatus.FINISHED


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_it_refuses_a_fifo_in_the_folder_in_a_worker(folder_with_a_fifo, worker):
    run = runs.start_run(str(folder_with_a_fifo), [str(folder_with_a_fifo)])
    tasks.ingest_run.delay_on_commit(run.pk)

    wait_until(lambda: IngestionRun.objects.get(pk=run.pk).status in OVER, 60, "the run over")
    run.refresh_from_db()
    items = list(run.items.values_list("source", "outcome", "error"))
    counts = assert_finished(run.status, run.done, run.total, items)
    assert counts == {ItemOutcome.NEW: 3, ItemOutcome.FAILED: 2}
    errors = {Path(source).name: error for source, _, error in items}
    assert errors["stuck.txt"] == "stuck.txt is a named pipe (FIFO), not a regular file"


# --- an interrupted manage.py ingest -----------------------------------------------------


def start_cli(folder, env):
    return subprocess.Popen(
        [*MANAGE, "ingest", str(folder)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def cli_run_with_some_done(count=3):
    wait_until(lambda: IngestionRun.objects.filter(done__gte=count).exists(), 60, "articles done")
    return IngestionRun.objects.get()


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_closes_a_killed_cli_run_on_the_next_start(tmp_path, test_database_url):
    env = service_env(test_database_url, "")
    folder = real_articles(tmp_path / "articles", 60)
    cli = start_cli(folder, env)
    cli_run_with_some_done()
    cli.kill()  # SIGKILL: no chance to close its run
    cli.wait(10)
    run = IngestionRun.objects.get()
    assert run.status == RunStatus.RUNNING

    result = manage("ingest", ROOT / "seeds" / "articles", env=env)

    assert f"Run {run.pk} had been interrupted" in result.stderr
    run.refresh_from_db()
    items = list(run.items.values_list("source", "outcome", "error"))
    counts = assert_finished(run.status, run.done, run.total, items)
    assert counts[ItemOutcome.FAILED] >= 1
    interrupted = run.items.filter(error=sweeper.INTERRUPTED).count()
    assert interrupted == counts[ItemOutcome.FAILED]
    print(f"\n[CLI killed] {run.total} articles: {counts}; closed on the next start")


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_it_closes_its_run_when_the_command_is_stopped(tmp_path, test_database_url, stop):
    env = service_env(test_database_url, "")
    folder = real_articles(tmp_path / "articles", 60)
    cli = start_cli(folder, env)
    cli_run_with_some_done()
    # Whatever query the command is in when the signal comes, it stops after that article.
    cli.send_signal(stop)
    _, stderr = cli.communicate(timeout=30)

    run = IngestionRun.objects.get()
    assert "interrupted: the remaining articles failed" in stderr, stderr
    assert "Traceback" not in stderr
    assert cli.returncode == 128 + stop
    items = list(run.items.values_list("source", "outcome", "error"))
    assert_finished(run.status, run.done, run.total, items)


# --- the sweeper, step by step -------------------------------------------------------------


@pytest.fixture
def stale_settings(settings):
    settings.EVTRACKER_ITEM_STALE_SECONDS = 600
    settings.EVTRACKER_ITEM_MAX_ATTEMPTS = 2
    return settings


def later(seconds):
    return timezone.now() + timedelta(seconds=seconds)


@pytest.mark.django_db
def test_it_requeues_a_lost_item_then_fails_it_with_the_reason(stale_settings):
    seed = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
    run = runs.start_run("lost", [str(seed)])
    item_id = runs.items_to_queue(run.pk)[0]  # queued, and then the message is lost

    assert sweeper.sweep(now=later(60)) == []  # not stale yet
    assert sweeper.sweep(now=later(601)) == [item_id]
    item = IngestionItem.objects.get(pk=item_id)
    assert (item.outcome, item.attempts) == (ItemOutcome.PENDING, 1)

    assert sweeper.sweep(now=later(1300)) == []
    item.refresh_from_db()
    run.refresh_from_db()
    assert item.outcome == ItemOutcome.FAILED
    assert item.error.startswith("Given up after 2 attempts: no worker finished it within 600 s")
    assert (run.status, run.done) == (RunStatus.FAILED, 1)


@pytest.mark.django_db
def test_it_leaves_items_waiting_their_turn_while_workers_are_busy(stale_settings):
    seed = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
    waiting = runs.start_run("waiting", [str(seed)])
    runs.items_to_queue(waiting.pk)
    busy = runs.start_run("busy", [str(DATA / "ingest" / "folder")])
    busy_items = runs.items_to_queue(busy.pk)
    # A worker starts one of the busy run's items 11 minutes from now.
    IngestionItem.objects.filter(pk=busy_items[0]).update(touched_at=later(660), delivery="task:0")

    assert sweeper.sweep(now=later(700)) == []


@pytest.mark.django_db
def test_it_counts_a_redelivered_message_as_an_attempt_that_never_finished(stale_settings):
    seed = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
    run = runs.start_run("crash", [str(seed)])
    item_id = runs.items_to_queue(run.pk)[0]
    IngestionItem.objects.filter(pk=item_id).update(delivery="task-1:0", attempts=1)

    assert runs.begin_attempt(item_id, "task-1:0") is False  # the same message, again

    item = IngestionItem.objects.get(pk=item_id)
    assert item.outcome == ItemOutcome.FAILED
    assert item.error == runs.gave_up(2)
    run.refresh_from_db()
    assert run.status in OVER


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_says_so_when_a_reextraction_cannot_be_queued(client, unreachable_broker):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    article = Article.objects.create(
        title="Xiaomi and Chery", body="Xiaomi approached Chery.", published_at=timezone.now()
    )

    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "reextract_articles", "_selected_action": [article.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert "Re-extraction started" not in page
    assert "Could not queue the run: the task queue at redis://" in page
    run = IngestionRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert run.items.get().outcome == ItemOutcome.FAILED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_reextract_command_fails_in_one_sentence_when_the_broker_is_down(test_database_url):
    Article.objects.create(
        title="Xiaomi and Chery", body="Xiaomi approached Chery.", published_at=timezone.now()
    )
    env = service_env(test_database_url, f"redis://127.0.0.1:{free_port()}/0")

    result = manage("reextract", "--async", env=env, timeout=60)

    assert result.returncode == 1
    assert "Could not queue the run: the task queue at redis://" in result.stderr
    assert "Traceback" not in result.stderr
    run = IngestionRun.objects.get()
    assert run.status == RunStatus.FAILED
