"""The pages measured, and three figures for each: latency, SQL queries, and the floor.

Latency comes from gunicorn (server side, from its access log) and from the client
(time to first byte and in all). The queries are counted by running the page once more
through Django's test client in this process against the same database. The floor is
the page's most expensive query run alone with psycopg: what no page could beat.
"""

import re
import statistics
import time

import psycopg
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from serve import get

# Rounds of untimed requests before timing: enough for each of gunicorn's workers to
# have served every page.
PRIMING_ROUNDS = 8
DECLARE = re.compile(r"^DECLARE .*? CURSOR (?:WITH(?:OUT)? HOLD )?FOR (.*)$", re.S)


def pages(company, other_company, admin_company_id):
    """(name, path, needs an editor's session) of every page measured."""
    return [
        ("timeline", "/", False),
        ("timeline · one automaker", f"/?company={company}", False),
        (
            "timeline · two automakers + status",
            f"/?company={company}&company={other_company}&status=confirmed",
            False,
        ),
        ("timeline · text search (rare word)", "/?q=sodium-ion", False),
        ("timeline · text search (common word)", "/?q=battery", False),
        ("talks board", "/boards/talks/", False),
        ("company page", f"/companies/{company}/", False),
        ("Atom feed", "/feeds/timeline.atom", False),
        ("CSV export (all talks)", "/export/talks.csv", False),
        (
            "admin · talks of one automaker",
            f"/admin/partnerships/reportedtalk/?company={admin_company_id}",
            True,
        ),
    ]


def percentiles(values):
    """p50 and p95 (nearest rank) of a list of milliseconds."""
    ordered = sorted(values)
    if not ordered:
        return {"p50": None, "p95": None, "n": 0}

    def rank(p):
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    return {"p50": round(rank(50), 2), "p95": round(rank(95), 2), "n": len(ordered)}


def measure_latency(server, page_list, repeats, export_repeats, cookie, cold_repeats, invalidate):
    """Request every page, in turns; returns {name: figures}.

    First `cold_repeats` turns, each after invalidate() has moved the data version on,
    so every page is rendered afresh (what the first reader after a change waits for);
    then `repeats` turns as they come, which readers get from the page cache.
    """
    figures = {}
    for phase, turns in (("cold", cold_repeats), ("warm", repeats)):
        # Every worker process opens its database connection and renders each page, and the
        # page cache is filled, before anything is timed: before the fresh turns each priming
        # request is rendered afresh too, or only the first worker to get a page would have
        # rendered it and the others would pay for their first query and render in the timing.
        for _ in range(PRIMING_ROUNDS):
            for name, path, as_editor in page_list:
                if "export" not in name:
                    if phase == "cold":
                        invalidate()
                    get(server.port, path, _headers(f"priming-{_key(name)}", as_editor, cookie))
        figures[phase] = _turns(
            server, page_list, turns, export_repeats, cookie, phase,
            invalidate if phase == "cold" else None,
        )  # fmt: skip
    results = {}
    for name, path, _ in page_list:
        warm, cold = figures["warm"][name], figures["cold"][name]
        results[name] = {
            "path": path,
            "statuses": sorted(set(warm["statuses"]) | set(cold["statuses"])),
            "bytes": warm["bytes"],
            "server_ms": warm["server_ms"],
            "client_ms": warm["client_ms"],
            "ttfb_ms": warm["ttfb_ms"],
            "cache_hits": warm["cache_hits"],
            "cold": {k: cold[k] for k in ("server_ms", "client_ms", "ttfb_ms", "cache_hits")},
        }
    return results


def _turns(server, page_list, turns, export_repeats, cookie, phase, invalidate):
    client_ms = {name: [] for name, _, _ in page_list}
    ttfb_ms = {name: [] for name, _, _ in page_list}
    statuses = {name: set() for name, _, _ in page_list}
    hits = dict.fromkeys(client_ms, 0)
    sizes = {}
    for turn in range(turns):
        for name, path, as_editor in page_list:
            if "export" in name and turn >= export_repeats:
                continue
            if invalidate:
                invalidate()
            key = f"{phase}-{_key(name)}:{turn}"
            response = get(server.port, path, _headers(key, as_editor, cookie))
            client_ms[name].append(response.total * 1000)
            ttfb_ms[name].append(response.ttfb * 1000)
            statuses[name].add(response.status)
            hits[name] += response.cache_hit
            sizes[name] = response.size
    logged = server.server_times()
    results = {}
    for name, _, _ in page_list:
        server_ms = [
            micros / 1000
            for key, (_, micros, _) in logged.items()
            if key.rsplit(":", 1)[0] == f"{phase}-{_key(name)}"
        ]
        results[name] = {
            "statuses": sorted(statuses[name]),
            "bytes": sizes.get(name),
            "server_ms": percentiles(server_ms),
            "client_ms": percentiles(client_ms[name]),
            "ttfb_ms": percentiles(ttfb_ms[name]),
            "cache_hits": hits[name],
        }
    return results


def _key(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _headers(key, as_editor, cookie):
    headers = {"X-Bench": key}
    if as_editor:
        headers["Cookie"] = cookie
    return headers


def editor_client(user):
    client = Client()
    client.force_login(user)
    return client


def count_queries(page_list, editor, runs=3):
    """{name: figures} through the test client in this process: the number of queries, the
    most expensive one's SQL, and per request the milliseconds of CPU this process spent
    (Python: view, ORM, templates), of SQL (as the database driver saw it), and in all.

    CPU time is what other work on the machine changes least, so it says what a page
    costs when the wall-clock figures are inflated by a busy machine.
    """
    found = {}
    anonymous, logged_in = Client(), editor_client(editor)
    with override_settings(EVTRACKER_PAGE_CACHE_SECONDS=0):
        for name, path, as_editor in page_list:
            found[name] = _page_queries(logged_in if as_editor else anonymous, path, runs)
    return found


def _page_queries(client, path, runs):
    timings, cpu, wall = [], [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(path)
            if response.streaming:
                for _chunk in response.streaming_content:
                    pass
            cpu.append((time.process_time() - cpu_started) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        timings.append([(q["sql"], float(q["time"])) for q in captured.captured_queries])
    queries = timings[-1]
    # A streamed export declares a server-side cursor: that query is the export.
    declared = [sql for sql, _ in queries if DECLARE.match(sql)]
    if declared:
        main = DECLARE.match(declared[0]).group(1)
    else:
        totals = [sum(run[i][1] for run in timings if i < len(run)) for i in range(len(queries))]
        # The planner's estimates a search asks for are not the page's work.
        candidates = [i for i, (sql, _) in enumerate(queries) if not sql.startswith("EXPLAIN")]
        main = queries[max(candidates, key=lambda i: totals[i])][0] if candidates else ""
    return {
        "queries": len(queries),
        "main_sql": main,
        "in_process_ms": {
            "cpu": round(statistics.median(cpu), 1),
            "sql": round(statistics.median(sum(t for _, t in run) * 1000 for run in timings), 1),
            "wall": round(statistics.median(wall), 1),
        },
    }


def query_floor(conninfo, sql, repeats):
    """p50/p95 milliseconds of the query alone (every row fetched), and its plan."""
    timings = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        for _ in range(repeats):
            started = time.perf_counter()
            conn.execute(sql).fetchall()
            timings.append((time.perf_counter() - started) * 1000)
        plan = conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql).fetchall()
    figures = percentiles(timings)
    figures["mean"] = round(statistics.fmean(timings), 2)
    return figures, "\n".join(row[0] for row in plan)
