"""Ingestion through real Celery workers on Redis into the benchmark database.

It reuses bench/ingest_bench.py: its articles (devset-like templates, varied by a seed),
its worker start and stop. Articles per second run from enqueueing the run to its end;
the worker's memory is sampled from /proc while it works.
"""

import sys
import tempfile
import time
from pathlib import Path

import ingest_bench
from serve import MemoryPeaks, children_of


def ingest(env, articles, concurrency, seed):
    """Ingest `articles` new articles with `concurrency` worker processes; returns figures."""
    from evtracker.celery import app
    from evtracker.news import runs, tasks
    from evtracker.news.models import IngestionRun, ItemOutcome, RunStatus

    app.control.purge()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        ingest_bench.write_articles(Path(folder), articles, seed=seed)
        worker = ingest_bench.start_worker(env, concurrency)

        def tree():
            return [worker.pid, *children_of(worker.pid)]

        memory = MemoryPeaks(tree)
        try:
            ingest_bench.wait_until_ready(app, worker)
            started = time.perf_counter()
            run = runs.start_run(f"benchmark: {folder}", [folder])
            tasks.ingest_run.delay(run.pk)
            finished = (RunStatus.FINISHED, RunStatus.FAILED)
            while not IngestionRun.objects.filter(pk=run.pk, status__in=finished).exists():
                if worker.poll() is not None:
                    sys.exit(f"The worker exited with status {worker.returncode}.")
                memory.sample()
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
            memory.sample()
        finally:
            ingest_bench.stop(worker)
    run.refresh_from_db()
    outcomes = {value: run.items.filter(outcome=value).count() for value in ItemOutcome.values}
    return {
        "concurrency": concurrency,
        "articles": run.total,
        "new": outcomes["new"],
        "failed": outcomes["failed"],
        "seconds": round(elapsed, 2),
        "articles_per_s": round(run.total / elapsed, 1),
        "peak_rss_mb": {
            "largest_process": round(memory.process_peak, 1),
            "all_processes": round(memory.total_peak, 1),
        },
    }
