"""One corpus size: fresh database, generate_corpus, gunicorn, every figure; JSON out.

Run by bench/run.py, once per size, with the environment it prepares (DATABASE_URL of
the size's database, DEBUG=0, Redis db for Celery):

    python bench/measure.py --articles N --seed S --out result.json [--quick] [--reuse-db]
"""

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]

import psycopg  # noqa: E402
import serve  # noqa: E402
from pages import count_queries, editor_client, measure_latency, pages, query_floor  # noqa: E402

# (page repeats, export repeats, floor repeats, wrk seconds, articles ingested per run,
#  cold page repeats). Forty pages rendered afresh each, so that their p95 is the 38th of 40
# and not, as with ten, the slowest one.
FULL = (30, 5, 20, 10, 300, 40)
QUICK = (5, 2, 3, 2, 20, 2)
TOP_AUTOMAKER, SECOND_AUTOMAKER = "byd", "volkswagen"


def fresh_database(url):
    name = urlsplit(url).path.lstrip("/")
    maintenance = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def generated_articles(url):
    try:
        with psycopg.connect(url) as conn:
            return conn.execute(
                "SELECT COUNT(*) FROM news_article WHERE source LIKE 'generated:%%'"
            ).fetchone()[0]
    except psycopg.Error:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument("--drop-db", action="store_true")
    options = parser.parse_args()
    repeats, export_repeats, floor_repeats, wrk_seconds, ingest_count, cold_repeats = (
        QUICK if options.quick else FULL
    )
    url = os.environ["DATABASE_URL"]
    result = {
        "articles": options.articles,
        "seed": options.seed,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": options.quick,
    }

    reuse = options.reuse_db and generated_articles(url) == options.articles
    if not reuse:
        fresh_database(url)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from evtracker.partnerships import pagecache
    from evtracker.partnerships.corpus import generate_corpus
    from evtracker.partnerships.models import Company

    call_command("migrate", verbosity=0)
    if reuse:
        print(f"reusing {url} with its {options.articles:,} generated articles", flush=True)
        result["generation"] = {"reused": True}
    else:
        summary = generate_corpus(options.articles, options.seed, progress=_say)
        result["generation"] = {"seconds": round(summary.seconds, 1), **_counts(summary)}
        result["generation"]["stages"] = {k: round(v, 1) for k, v in summary.stages.items()}
    call_command("collectstatic", interactive=False, verbosity=0)
    user_model = get_user_model()
    editor = user_model.objects.filter(username="bench-admin").first()
    if editor is None:
        editor = user_model.objects.create_superuser("bench-admin", "", None)
    company_id = Company.objects.get(slug=TOP_AUTOMAKER).pk
    page_list = pages(TOP_AUTOMAKER, SECOND_AUTOMAKER, company_id)

    session = editor_client(editor).cookies["sessionid"].value
    cookie = f"sessionid={session}"
    env = dict(os.environ)
    with (
        tempfile.TemporaryDirectory(prefix="bench-gunicorn-") as workdir,
        serve.Gunicorn(env, workdir) as server,
    ):
        result["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
        _say("measuring page latency")
        result["pages"] = measure_latency(
            server, page_list, repeats, export_repeats, cookie, cold_repeats, pagecache.bump
        )
        _say("measuring throughput with wrk")
        timeline = f"/?company={TOP_AUTOMAKER}"
        result["throughput"] = {
            str(c): serve.wrk(server.port, timeline, c, wrk_seconds) for c in (16, 64)
        }
        _say("measuring the memory of a CSV export")
        result["export_memory"] = _export_memory(server)
        # Other work on the machine slows every figure: the load says how much there was.
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    _say("counting queries and timing each page's main query alone")
    conninfo = url
    for name, figures in count_queries(page_list, editor).items():
        page = result["pages"][name]
        page["queries"] = figures["queries"]
        page["in_process_ms"] = figures["in_process_ms"]
        sql = figures["main_sql"]
        floor, plan = query_floor(conninfo, sql, floor_repeats) if sql else ({}, "")
        page["main_query"] = {"sql": sql, "ms": floor, "plan": plan}

    from ingestion import ingest

    from evtracker.news.models import Article

    result["ingestion"] = {}
    # Articles a reused database has already ingested would only be found again as duplicates:
    # each run writes new ones, told apart by how many the database holds.
    earlier = Article.objects.exclude(source__startswith="generated:").count()
    for concurrency in (1, 2):
        _say(f"ingesting {ingest_count} articles with {concurrency} worker process(es)")
        result["ingestion"][str(concurrency)] = ingest(
            env, ingest_count, concurrency, seed=options.seed * 10 + concurrency + 100 * earlier
        )
    from django.db import connections

    connections.close_all()
    if options.drop_db:
        drop_database(url)
    Path(options.out).write_text(json.dumps(result, indent=1))


def _counts(summary):
    return {
        name: getattr(summary, name)
        for name in ("articles", "companies", "talks", "investments", "approvals", "evidence",
                     "events", "event_companies", "changes")
    }  # fmt: skip


def _export_memory(server):
    """Peak RSS of the gunicorn workers while one streams every talk as CSV."""
    memory = serve.MemoryPeaks(server.worker_pids)
    memory.sample()
    baseline = dict(memory.peaks)
    done = threading.Event()
    outcome = {}

    def download():
        outcome["response"] = serve.get(server.port, "/export/talks.csv")
        done.set()

    thread = threading.Thread(target=download)
    started = time.perf_counter()
    thread.start()
    while not done.wait(0.01):
        memory.sample()
    thread.join()
    response = outcome["response"]
    return {
        "rows": max(response.lines - 1, 0),
        "bytes": response.size,
        "seconds": round(time.perf_counter() - started, 2),
        "baseline_rss_mb": round(max(baseline.values(), default=0), 1),
        "peak_rss_mb": round(memory.process_peak, 1),
        # The worker that served it grew by this much; the others stayed idle.
        "growth_mb": round(
            max((peak - baseline.get(pid, peak) for pid, peak in memory.peaks.items()), default=0),
            1,
        ),
    }


def _say(message):
    print(f"[bench] {message}", flush=True)


if __name__ == "__main__":
    main()
