"""Each event is logged once: by a worker (Celery's own lines and the app's) and by the CLI."""

import re
from collections import Counter

import pytest

from evtracker.news.models import IngestionRun
from tests.services import Worker, manage, service_env, wait_until
from tests.test_runs_finish import (  # noqa: F401 (fixtures)
    OVER,
    companies,
    real_articles,
    test_database_url,
)

WORKER_LINE = re.compile(r"^\[[^\]]+\] (.+)$")


def repeated(lines):
    return {line: n for line, n in Counter(lines).items() if n > 1}


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_logs_each_event_once(tmp_path, test_database_url, settings):  # noqa: F811
    folder = real_articles(tmp_path / "articles", 4)
    env = service_env(test_database_url, settings.REDIS_URL, LOG_LEVEL="INFO")
    worker = Worker(env, tmp_path / "worker.log", name="logs")
    try:
        queued = manage("ingest", "--async", folder, env=env)
        assert queued.returncode == 0, queued.stderr
        wait_until(lambda: IngestionRun.objects.get().status in OVER, 90, "the run over")
    finally:
        worker.stop()

    messages = [
        m.group(1) for line in worker.read_log().splitlines() if (m := WORKER_LINE.match(line))
    ]
    assert sum("succeeded" in message for message in messages) >= 5  # the run and its 4 items
    assert repeated(messages) == {}


@pytest.mark.usefixtures("companies")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_ingest_command_logs_each_event_once(tmp_path, test_database_url):  # noqa: F811
    folder = real_articles(tmp_path / "articles", 4)
    env = service_env(test_database_url, "", LOG_LEVEL="INFO")

    result = manage("ingest", folder, env=env)

    assert result.returncode == 0, result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) >= 5
    assert repeated(lines) == {}
