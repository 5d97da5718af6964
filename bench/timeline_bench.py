"""Timeline and board queries on a large generated PostgreSQL database: figures per filter.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/evtracker_bench \\
     .venv/bin/python bench/timeline_bench.py [--companies 600 --talks 60000 --runs 20]
The database is migrated and filled once (bulk rows, as tests/test_query_budgets.py makes
them); later runs reuse it. Prints, per filter: the median and p95 wall time of a whole
timeline page (every query it runs) through the test client, the execution time PostgreSQL
reports for the keys query, and the plan's scan nodes.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evtracker.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# Production settings without collectstatic: plain static file names.
settings.STORAGES["staticfiles"]["BACKEND"] = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from evtracker.partnerships.models import Company, Event, ReportedTalk  # noqa: E402
from evtracker.partnerships.timeline import Filters, keys_query  # noqa: E402
from tests.test_query_budgets import make_bulk_timeline  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", type=int, default=600)
    parser.add_argument("--talks", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (it will be filled with rows).")
    call_command("migrate", verbosity=0)
    if not Event.objects.exists():
        started = time.perf_counter()
        make_bulk_timeline(companies=args.companies, talks=args.talks, approvals=2000)
        # A few reviewed talks: the "reviewed only" filter while editors are starting out.
        first = ReportedTalk.objects.order_by("pk").values_list("pk", flat=True)[:30]
        ReportedTalk.objects.filter(pk__in=list(first)).update(review_state="reviewed")
        print(f"generated in {time.perf_counter() - started:.0f} s")
    print(f"events: {Event.objects.count():,}  companies: {Company.objects.count():,}")
    firms = list(Company.objects.filter(slug__startswith="bulk-").order_by("id")[:3])
    cases = [
        ("no filter", "", Filters()),
        ("one company", f"company={firms[0].slug}", Filters(companies=firms[:1])),
        (
            "three companies",
            "&".join(f"company={f.slug}" for f in firms),
            Filters(companies=tuple(firms)),
        ),
        ("status", "status=denied", Filters(status="denied")),
        ("type", "type=approval", Filters(fact_type="approval")),
        ("counterpart kind", "counterpart=supplier", Filters(counterpart_kind="supplier")),
        ("reviewed only", "reviewed=on", Filters(reviewed_only=True)),
        ("date range", "from=2020-01-01&to=2020-03-31", Filters(start=date(2020, 1, 1))),
        ("rare word", "q=zeppelin", Filters(text="zeppelin")),
        ("common word", "q=battery", Filters(text="battery")),
    ]
    # No setup_test_environment(): its template instrumentation would slow every page.
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'filter':18} {'page median':>12} {'page p95':>9} {'keys exec':>10}  plan")
    for name, query, filters in cases:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(f"/?{query}", secure=True)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        plan = keys_query(filters).explain(analyze=True)
        execution = next(line for line in plan.splitlines() if "Execution Time" in line)
        nodes = [
            line.strip().lstrip("-> ").split("  (")[0]
            for line in plan.splitlines()
            if "Scan" in line and "Index Cond" not in line
        ]
        print(
            f"{name:18} {statistics.median(times):9.1f} ms {p95:6.1f} ms"
            f" {execution.split(':')[1].strip():>10}  {'; '.join(nodes[:3])}"
        )


if __name__ == "__main__":
    main()
