"""`make bench`: the dashboard, the admin and ingestion at several corpus sizes.

    .venv/bin/python bench/run.py [--sizes 10000,100000,1000000] [--quick] [--seed 1]
                                  [--out-dir docs] [--reuse-db] [--keep-going]
    make bench SIZES=10000,100000   make bench QUICK=1

For each size N: a fresh PostgreSQL database evtracker_bench_<N> (on the server of
BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/), migrate,
generate_corpus, then a real gunicorn (4 sync workers, DEBUG=0) on a loopback port, and:
server-side p50/p95 of each page (gunicorn's access log) with the client's time to first
byte and total; the SQL queries of each page and its most expensive query alone through
psycopg; the admin's talk list for the same automaker; wrk at 16 and 64 connections;
ingestion through 1 and 2 Celery worker processes (Redis db BENCH_REDIS_DB, default 7);
the memory of a CSV export of every talk. Results go to <out-dir>/bench-results.json
(sizes measured earlier are kept), the chart to <out-dir>/bench-latency.svg, and a
Markdown table to the terminal. --quick: 500 articles, few repeats, 2 s of wrk, 20
articles ingested, results in test-artifacts/bench-quick/ and the database dropped.
--reuse-db keeps a size's database when it already holds that many generated articles;
--report-only prints the table and draws the chart again from the results file.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import report

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_SIZES = "10000,100000,1000000"
QUICK_SIZE = 500


def machine():
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except OSError:
        memory_kb = 0
    with psycopg.connect(_server_url() + "postgres") as conn:
        postgres = conn.execute("SHOW server_version").fetchone()[0]
    return {
        "python_loop_s": python_speed(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": postgres,
    }


def python_speed():
    """Seconds of CPU for one fixed pure-Python loop. One machine this project was measured on ran
    the same code two and a half times slower than another (docs/benchmarks.md, session 9); this
    figure, recorded with every run, tells how fast the measuring one was."""
    started = time.process_time()
    total = 0
    for number in range(10_000_000):
        total += number
    return round(time.process_time() - started, 2)


def _server_url():
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/")
    return url.rsplit("/", 1)[0] + "/"


def environment(size, quick):
    name = f"evtracker_bench_quick_{os.getpid()}" if quick else f"evtracker_bench_{size}"
    redis_db = os.environ.get("BENCH_REDIS_DB", "7")
    return {
        **os.environ,
        "DATABASE_URL": _server_url() + name,
        "REDIS_URL": f"redis://127.0.0.1:6379/{redis_db}",
        "DJANGO_SETTINGS_MODULE": "evtracker.settings",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        # Pages "rendered afresh" must be: no page of the last seconds stands in for them.
        "EVTRACKER_PAGE_CACHE_GRACE_SECONDS": "0",
        "PYTHONPATH": str(ROOT),
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", help=f"corpus sizes, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out-dir", type=Path)
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument("--keep-going", action="store_true", help="go on after a size fails")
    parser.add_argument(
        "--report-only", action="store_true", help="measure nothing: table and chart again"
    )
    options = parser.parse_args()
    default = str(QUICK_SIZE) if options.quick else DEFAULT_SIZES
    try:
        sizes = [int(size.replace("_", "")) for size in (options.sizes or default).split(",")]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 10000,100000")
    if any(size < 1 for size in sizes):
        parser.error("each size must be at least 1")
    out_dir = options.out_dir or (
        ROOT / "test-artifacts" / "bench-quick" if options.quick else ROOT / "docs"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    command = "make bench " + (
        "QUICK=1" if options.quick else f"SIZES={','.join(str(size) for size in sizes)}"
    )

    if options.report_only:
        data = json.loads((out_dir / "bench-results.json").read_text())
        (out_dir / "bench-latency.svg").write_text(report.svg_chart(data))
        print(report.markdown(data))
        return 0
    results = []
    for size in sizes:
        print(f"=== {size:,} articles ===", flush=True)
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            arguments = [sys.executable, str(BENCH / "measure.py"), "--articles", str(size),
                         "--seed", str(options.seed), "--out", out.name]  # fmt: skip
            arguments += ["--quick", "--drop-db"] if options.quick else []
            arguments += ["--reuse-db"] if options.reuse_db else []
            finished = subprocess.run(arguments, cwd=ROOT, env=environment(size, options.quick))
            if finished.returncode != 0:
                print(f"{size:,} articles: the measurement failed", file=sys.stderr)
                if options.keep_going:
                    continue
                return finished.returncode
            results.append(json.loads(Path(out.name).read_text()))
        # Written after every size, so a long run keeps what it has measured.
        data = report.merge(out_dir / "bench-results.json", machine(), command, results)
        (out_dir / "bench-latency.svg").write_text(report.svg_chart(data))
    if not results:
        return 1
    print()
    print(report.markdown(data))
    print(f"\nThis machine: {data['machine']['python_loop_s']} s of CPU for the reference loop")
    print(f"Results: {out_dir / 'bench-results.json'}; chart: {out_dir / 'bench-latency.svg'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
