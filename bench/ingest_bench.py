"""Benchmark: 1,000 distinct articles through a real Celery worker on Redis into PostgreSQL.

    .venv/bin/python bench/ingest_bench.py [--articles 1000] [--concurrency 2]

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/evtracker_bench;
the database is DROPPED and created afresh), REDIS_URL (default redis://127.0.0.1:6379/0; the
default queue is purged). It writes the articles (devset-like templates varied
deterministically) to a temporary folder, migrates, loads the company list, starts
`celery -A evtracker worker -c 2` as a subprocess, enqueues one run for the folder and
prints the seconds from enqueueing to the run's end, and articles per second. Django runs with
DEBUG=0 (as in production) in both the worker and this script.
"""

import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/evtracker_bench"

AUTOMAKERS = [
    "Chery", "Geely", "BYD", "Great Wall Motor", "SAIC Motor", "GAC", "Dongfeng", "FAW",
    "Changan", "BAIC", "Nio", "Xpeng", "Li Auto", "Leapmotor", "Seres", "Volkswagen",
    "Stellantis", "Renault", "Nissan", "Toyota", "Honda", "Hyundai", "BMW", "Mercedes-Benz",
    "Ford", "General Motors", "Mazda", "Volvo Cars", "Polestar", "Zeekr",
]  # fmt: skip
TECH = ["Xiaomi", "Huawei", "Baidu", "Apple", "Sony", "Foxconn", "Tencent", "Alibaba"]
OUTLETS = ["Reuters", "Bloomberg", "Nikkei Asia", "Caixin", "CnEVPost", "Automotive News"]
AUTHORS = ["Mei Lin", "Tom Becker", "Anna Ricci", "Omar Haddad", "Li Wen", "Karl Weber"]
TOPICS = [
    "building electric cars at one of its plants",
    "sharing a vehicle platform",
    "developing software for connected cars",
    "a joint venture to make batteries",
    "selling its cars in Europe",
]

TEMPLATES = [
    (
        "{a} in talks with {b} over {topic}",
        "{a} is in talks with {b} about {topic}, people familiar with the matter said on "
        "{weekday}.\n\nThe discussions are at an early stage and may not lead to a deal, one of "
        "the people said. {a} declined to comment and {b} did not reply to a request for "
        "comment.\n\nChina's car market has turned into a price war, and carmakers are looking "
        "for partners to share costs. {a} sold about {units:,} vehicles last year.",
    ),
    (
        "{b} confirms discussions with {a}",
        "{b} confirmed on {weekday} that it is in talks with {a} about {topic}.\n\nA spokesperson "
        "for {b} said the two companies had held several meetings since the spring. No "
        "timetable was given.\n\nAnalysts said a tie-up would help {a} fill its factories, which "
        "ran at about {share}% of capacity last quarter.",
    ),
    (
        "{a} denies report of tie-up with {b}",
        "{a} denied a report that it was in talks with {b} about {topic}.\n\nThe company said in "
        "a statement on {weekday} that it had no plans to work with other carmakers on the "
        "project. Its shares fell {share}% in early trading before recovering.",
    ),
    (
        "{a} to invest in {b}",
        "{a} will invest ${amount} billion in {b} for a {share}% stake, the companies said on "
        "{weekday}.\n\nThe deal gives {a} a seat on the board of {b}. The investment is the "
        "latest in a string of deals between foreign carmakers and Chinese electric vehicle "
        "makers.\n\n{b} delivered {units:,} cars in the first half of the year.",
    ),
    (
        "{t} pledges billions for its car business",
        "{t} plans to invest around ${amount} billion in electric vehicles over the next ten "
        "years, its chief executive said on {weekday}.\n\nThe company still awaits approval "
        "from the Ministry of Industry and Information Technology to manufacture cars. It has "
        "hired about {units:,} engineers for the project.",
    ),
    (
        "Car sales in China rise again",
        "Sales of new energy vehicles in China rose {share}% from a year earlier, industry data "
        "showed on {weekday}.\n\n{a} and {b} both reported record deliveries, and {a} said it "
        "expected demand to stay strong. Dealers cut prices for a third month, selling about "
        "{units:,} cars in the period.",
    ),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_articles(folder, count, seed=2023):
    """Write `count` distinct articles into folder; returns their paths."""
    rng = random.Random(seed)
    start = date(2023, 1, 2)
    paths = []
    for n in range(count):
        headline, body = TEMPLATES[n % len(TEMPLATES)]
        a, b = rng.sample(AUTOMAKERS, 2)
        values = {
            "a": a,
            "b": b,
            "t": rng.choice(TECH),
            "topic": rng.choice(TOPICS),
            "weekday": rng.choice(WEEKDAYS),
            "units": rng.randrange(10_000, 900_000),
            "share": rng.randrange(2, 49),
            "amount": rng.randrange(1, 30),
        }
        day = start + timedelta(days=n % 600)
        author, outlet = rng.choice(AUTHORS), rng.choice(OUTLETS)
        text = (
            f"{headline.format(**values)}\n\nBy {author}, {outlet} | {day:%B} {day.day}, "
            f"{day.year}\n\n{body.format(**values)}\n\n(Article {n + 1} of the benchmark set.)\n"
        )
        path = folder / f"article-{n + 1:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def fresh_database(url):
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    maintenance = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def start_worker(env, concurrency):
    command = [
        str(Path(sys.executable).parent / "celery"),
        "-A",
        "evtracker",
        "worker",
        "-c",
        str(concurrency),
        "--loglevel=WARNING",
        "--without-gossip",
        "--without-mingle",
        "-n",
        f"bench-{os.getpid()}@%h",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def wait_until_ready(app, worker, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            sys.exit(f"The worker exited with status {worker.returncode}.")
        if app.control.ping(destination=[f"bench-{os.getpid()}@{os.uname().nodename}"], timeout=1):
            return
    sys.exit("The worker did not answer within a minute.")


def stop(worker):
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=2)
    options = parser.parse_args()

    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "evtracker.settings",
        "LOG_LEVEL": "WARNING",
        # Production settings: no debug query log.
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-" + "x" * 50),
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    fresh_database(database)

    import django

    django.setup()
    from django.core.management import call_command

    from evtracker.celery import app
    from evtracker.news import runs, tasks
    from evtracker.news.models import Article, IngestionRun, ItemOutcome, RunStatus
    from evtracker.partnerships.models import Approval, Investment, ReportedTalk

    call_command("migrate", verbosity=0)
    call_command("load_companies", verbosity=0)
    app.control.purge()

    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as folder:
        write_articles(Path(folder), options.articles)
        worker = start_worker(env, options.concurrency)
        try:
            wait_until_ready(app, worker)
            started = time.perf_counter()
            run = runs.start_run(f"benchmark: {folder}", [folder])
            tasks.ingest_run.delay(run.pk)
            while not IngestionRun.objects.filter(
                pk=run.pk, status__in=(RunStatus.FINISHED, RunStatus.FAILED)
            ).exists():
                if worker.poll() is not None:
                    sys.exit(f"The worker exited with status {worker.returncode}.")
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
        finally:
            stop(worker)

    run.refresh_from_db()
    outcomes = {value: run.items.filter(outcome=value).count() for value in ItemOutcome.values}
    print(
        f"articles: {run.total} (new {outcomes['new']}, duplicate {outcomes['duplicate']}, "
        f"failed {outcomes['failed']}); stored: {Article.objects.count()}"
    )
    print(
        f"facts: {ReportedTalk.objects.count()} talks, {Investment.objects.count()} "
        f"investments, {Approval.objects.count()} approvals"
    )
    print(f"worker: celery -A evtracker worker -c {options.concurrency} (prefork), Redis broker")
    # CPU the worker used (all its processes): a figure that other load on the machine
    # inflates less than the elapsed time.
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"worker CPU: {cpu.ru_utime + cpu.ru_stime:.1f} s")
    print(f"elapsed: {elapsed:.1f} s  ({run.total / elapsed:.1f} articles/s)")


if __name__ == "__main__":
    main()
