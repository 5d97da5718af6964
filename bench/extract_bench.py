"""Extraction speed: median and p95 milliseconds per ~600-word article, on one core, and the
time for one long article (2 MiB by default).

Run: .venv/bin/python bench/extract_bench.py [--runs N] [--long-mib 2]
The articles are built from paragraphs of the real-reporting development set
(tests/data/realset); the CompanyIndex is built once from seeds/companies.json (its build time
is printed separately).
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evtracker.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from evtracker.news.extract import CompanyIndex, KnownCompany, extract  # noqa: E402
from evtracker.news.ingest import extract_article  # noqa: E402
from evtracker.news.models import Article  # noqa: E402

ARTICLES = ROOT / "tests" / "data" / "realset" / "articles"
TARGET_WORDS = 600


def paragraphs():
    """Running paragraphs of the development set's articles (no headline, byline or heading)."""
    for path in sorted(ARTICLES.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")[2:]:
            paragraph = paragraph.strip()
            if len(paragraph.split()) >= 20:
                yield paragraph


def benchmark_article():
    """About 600 words of real-reporting paragraphs."""
    chosen, words = [], 0
    for paragraph in paragraphs():
        chosen.append(paragraph)
        words += len(paragraph.split())
        if words >= TARGET_WORDS:
            break
    return "\n\n".join(chosen), words


def long_article(size):
    """At least `size` bytes of real-reporting paragraphs, repeated as needed, cut to size."""
    pool, chosen, length = list(paragraphs()), [], 0
    while length < size:
        paragraph = pool[len(chosen) % len(pool)]
        chosen.append(paragraph)
        length += len(paragraph.encode()) + 2
    return "\n\n".join(chosen).encode()[:size].decode(errors="ignore")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--long-mib", type=float, default=2.0, help="long article size")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    companies = json.loads((ROOT / "seeds" / "companies.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    index = CompanyIndex.build(
        KnownCompany(c["name"], c["kind"], tuple(c.get("aliases", ()))) for c in companies
    )
    build_ms = (time.perf_counter() - started) * 1000

    body, words = benchmark_article()
    published = date(2024, 1, 15)
    for _ in range(20):  # warm up regex caches
        extract(body, index, published=published)
    timings, cpu_timings = [], []
    for _ in range(args.runs):
        started, cpu_started = time.perf_counter(), time.thread_time()
        result = extract(body, index, published=published)
        cpu_timings.append((time.thread_time() - cpu_started) * 1000)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    cpu_timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    cpu_p95 = cpu_timings[min(len(cpu_timings) - 1, int(len(cpu_timings) * 0.95))]
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(f"python {platform.python_version()} on {platform.machine()}, pinned to cores {cores}")
    print(f"company list: {len(companies)} companies, index built in {build_ms:.1f} ms")
    print(
        f"article: {words} words, {len(body)} characters, "
        f"{len(result.talks)} talks, {len(result.investments)} investments, "
        f"{len(result.approvals)} approvals found"
    )
    print(
        f"extract() wall time: median {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, "
        f"min {timings[0]:.2f} ms over {args.runs} runs"
    )
    # CPU time of this thread: what the work costs when other processes share the core.
    print(
        f"extract() CPU time:  median {statistics.median(cpu_timings):.2f} ms, p95 {cpu_p95:.2f} ms"
    )
    long_body = long_article(int(args.long_mib * 1024 * 1024))
    started, cpu_started = time.perf_counter(), time.thread_time()
    long_result = extract(long_body, index, published=published)
    print(
        f"long article: {len(long_body.encode()) / 1024 / 1024:.2f} MiB, "
        f"{len(long_result.talks)} talks found, wall {time.perf_counter() - started:.2f} s, "
        f"CPU {time.thread_time() - cpu_started:.2f} s"
    )
    # What ingestion and re-extraction run: the same text within the per-article bounds.
    stored = Article(title="", body=long_body, published_at=timezone.now(), structure=[])
    started, cpu_started = time.perf_counter(), time.thread_time()
    bounded = extract_article(stored, index)
    wall, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
    print(
        f"long article as ingested (the first {settings.EVTRACKER_MAX_SENTENCES_PER_ARTICLE:,} "
        f"sentences, {settings.EVTRACKER_MAX_FACTS_PER_ARTICLE} facts at most): "
        f"wall {wall:.2f} s, CPU {cpu:.2f} s; {bounded.note}"
    )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
