"""The results file, the targets of issue 5, a Markdown table and an SVG chart.

The results file holds one entry per corpus size; a run adds or replaces the sizes it
measured and keeps the others, so sizes measured on different days stay side by side.
"""

import json
import math
from html import escape

PAGE_P95_MS = 50
FLOOR_FACTOR = 3
ADMIN_FACTOR = 5
RATE_AT_16 = 250
INGEST_RATE = 30
WORKER_MB = 400
# An export's memory is flat when the serving worker grows by less than this at any size.
EXPORT_GROWTH_MB = 50
ADMIN = "admin · talks of one automaker"
FILTERED = "timeline · one automaker"
EXPORT = "CSV export (all talks)"


def merge(path, machine, command, results):
    """Add these sizes' results to the file at path (created if missing); returns all of it."""
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        data = {"sizes": {}}
    data["machine"] = machine
    data["command"] = command
    for result in results:
        key = str(result["articles"])
        before = data["sizes"].get(key, {}).get("generation", {})
        if result.get("generation", {}).get("reused") and "seconds" in before:
            # The database was kept: its generation figures are those measured when it was made.
            result["generation"] = {**before, "reused": True}
        data["sizes"][key] = result
    data["sizes"] = dict(sorted(data["sizes"].items(), key=lambda item: int(item[0])))
    data["targets"] = targets(data["sizes"])
    path.write_text(json.dumps(data, indent=1) + "\n")
    return data


def _page_latency(name, page):
    """The figure the 50 ms target applies to: the export's first byte, any other page's time."""
    return page["ttfb_ms"]["p95"] if name == EXPORT else page["server_ms"]["p95"]


def targets(sizes):
    """{size: [(target, figure, met)]} and the export memory across sizes."""
    found = {}
    for size, result in sizes.items():
        checks = []
        pages = result.get("pages", {})
        for name, page in pages.items():
            if name == ADMIN:
                continue
            latency = _page_latency(name, page)
            checks.append((f"{name}: p95 ≤ {PAGE_P95_MS} ms", latency, latency <= PAGE_P95_MS))
            cold = _page_latency(name, page["cold"]) if "cold" in page else None
            if cold is not None:
                checks.append(
                    (f"{name}, rendered afresh: p95 ≤ {PAGE_P95_MS} ms", cold, cold <= PAGE_P95_MS)
                )
            floor = page.get("main_query", {}).get("ms", {}).get("p95")
            # Against the page rendered afresh: a stored page beats any query.
            total = page["cold"]["server_ms"]["p95"] if "cold" in page else page["server_ms"]["p95"]
            if floor:
                ratio = round(total / floor, 1)
                checks.append(
                    (f"{name}: ≤ {FLOOR_FACTOR}× its main query", ratio, ratio <= FLOOR_FACTOR)
                )
        if ADMIN in pages and FILTERED in pages:
            admin = pages[ADMIN]["server_ms"]["p95"]
            ratio = round(admin / pages[FILTERED]["server_ms"]["p95"], 1)
            checks.append((f"filtered timeline ≥ {ADMIN_FACTOR}× faster than the admin", ratio,
                           ratio >= ADMIN_FACTOR))  # fmt: skip
            if "cold" in pages[FILTERED]:
                ratio = round(admin / pages[FILTERED]["cold"]["server_ms"]["p95"], 1)
                checks.append((f"filtered timeline, rendered afresh, ≥ {ADMIN_FACTOR}× faster "
                               "than the admin", ratio, ratio >= ADMIN_FACTOR))  # fmt: skip
        at_16 = result.get("throughput", {}).get("16")
        if at_16:
            ok = at_16["requests_per_s"] >= RATE_AT_16 and at_16["errors"] == 0
            figure = f"{at_16['requests_per_s']:.0f} req/s, {at_16['errors']} errors"
            checks.append((f"≥ {RATE_AT_16} req/s at 16 connections, no errors", figure, ok))
        two = result.get("ingestion", {}).get("2")
        if two:
            # Only articles stored anew count: a duplicate is found and skipped much faster.
            rate = two["articles_per_s"] if two["new"] == two["articles"] else 0
            checks.append((f"ingestion ≥ {INGEST_RATE} articles/s (2 workers)", rate,
                           rate >= INGEST_RATE))  # fmt: skip
            memory = two["peak_rss_mb"]["all_processes"]
            checks.append((f"worker peak memory ≤ {WORKER_MB} MB", memory, memory <= WORKER_MB))
        export = result.get("export_memory")
        if export:
            growth = export["growth_mb"]
            checks.append((f"export memory growth < {EXPORT_GROWTH_MB} MB", growth,
                           growth < EXPORT_GROWTH_MB))  # fmt: skip
        found[size] = [{"target": t, "figure": f, "met": bool(m)} for t, f, m in checks]
    return found


def markdown(data):
    """The figures as Markdown tables: pages by size, then the other measurements."""
    sizes = list(data["sizes"])
    names = []
    for result in data["sizes"].values():
        names += [name for name in result.get("pages", {}) if name not in names]
    lines = []
    tables = [
        ("As readers get them (pages from the page cache once stored): server-side p50 / p95 "
         "ms (queries; main query alone p95 ms). The export: first byte p95 / total p95.",
         lambda name, page: _cell(name, page)),
        ("Rendered afresh (the first reader after any change to the data; the page cache "
         "bypassed): server-side p50 / p95 ms.",
         lambda name, page: _cell(name, page["cold"], brief=True) if "cold" in page else "–"),
        ("In this process through the test client, per request: CPU ms / SQL ms (what a busy "
         "machine inflates least).",
         lambda name, page: "{cpu:.1f} / {sql:.1f}".format(**page["in_process_ms"])
         if "in_process_ms" in page else "–"),
    ]  # fmt: skip
    for caption, cell in tables:
        lines += [caption, "", "| page | " + " | ".join(f"{int(s):,} articles" for s in sizes)
                  + " |", "|---|" + "---|" * len(sizes)]  # fmt: skip
        for name in names:
            pages = [data["sizes"][size].get("pages", {}).get(name) for size in sizes]
            cells = [cell(name, page) if page else "–" for page in pages]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += ["| measurement | " + " | ".join(f"{int(s):,}" for s in sizes) + " |",
              "|---|" + "---|" * len(sizes)]  # fmt: skip
    for label, pick in _other_rows():
        cells = []
        for size in sizes:
            try:
                cells.append(pick(data["sizes"][size]))
            except (KeyError, TypeError):
                cells.append("–")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "Targets (issue 5):", ""]
    for size, checks in data.get("targets", {}).items():
        missed = [c for c in checks if not c["met"]]
        lines.append(f"- {int(size):,} articles: {len(checks) - len(missed)}/{len(checks)} met")
        lines += [f"  - missed: {c['target']} ({c['figure']})" for c in missed]
    return "\n".join(lines)


def _cell(name, page, brief=False):
    server = page["server_ms"]
    floor = page.get("main_query", {}).get("ms", {}).get("p95")
    queries = page.get("queries", "?")
    if brief:
        first = f"{page['ttfb_ms']['p95']:.1f}" if name == EXPORT else f"{server['p50']:.1f}"
        return f"{first} / {server['p95']:.1f}"
    if name == EXPORT:
        return f"{page['ttfb_ms']['p95']:.1f} / {server['p95']:.0f} ({queries}; {floor or 0:.0f})"
    return f"{server['p50']:.1f} / {server['p95']:.1f} ({queries}; {floor or 0:.1f})"


def _other_rows():
    def rate(c):
        return lambda r: "{requests_per_s:.0f} req/s, {errors} errors".format(**r["throughput"][c])

    def ingest(c):
        return lambda r: "{articles_per_s} art/s ({new} new), {mb:.0f} MB".format(
            mb=r["ingestion"][c]["peak_rss_mb"]["all_processes"], **r["ingestion"][c]
        )

    return [
        ("generation (s)", lambda r: f"{r['generation']['seconds']:.0f}"),
        (
            "load average before / after",
            lambda r: f"{r['load_average_before'][0]:.1f} / {r['load_average_after'][0]:.1f}",
        ),
        ("wrk, 16 connections", rate("16")),
        ("wrk, 64 connections", rate("64")),
        ("ingestion, 1 worker process", ingest("1")),
        ("ingestion, 2 worker processes", ingest("2")),
        ("CSV export: rows", lambda r: f"{r['export_memory']['rows']:,}"),
        (
            "CSV export: worker RSS peak (growth) MB",
            lambda r: "{peak_rss_mb:.0f} (+{growth_mb:.0f})".format(**r["export_memory"]),
        ),
    ]


COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf", "#e377c2",
           "#8c564b", "#7f7f7f", "#bcbd22", "#393b79", "#637939"]  # fmt: skip


def svg_chart(data, width=860, height=480):
    """Server-side p95 against corpus size, one line per page, both axes logarithmic: solid
    for the page rendered afresh, dotted in the same colour for it served from the cache."""
    sizes = [int(s) for s in data["sizes"]]
    series, cached = {}, {}
    for size in sizes:
        for name, page in data["sizes"][str(size)].get("pages", {}).items():
            fresh = page["cold"]["server_ms"]["p95"] if "cold" in page else None
            value = fresh or page["server_ms"]["p95"]
            if value:
                series.setdefault(name, []).append((size, max(value, 0.1)))
            # The admin and the export are never cached: one line says all.
            if fresh and page["server_ms"]["p95"] and name not in (ADMIN, EXPORT):
                cached.setdefault(name, []).append((size, max(page["server_ms"]["p95"], 0.1)))
    left, right, top, bottom = 70, 300, 30, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for points in [*series.values(), *cached.values()] for _, v in points] or [1]
    y_low = 10 ** math.floor(math.log10(min(values)))
    y_high = 10 ** math.ceil(math.log10(max(max(values), PAGE_P95_MS * 1.01)))
    x_low, x_high = math.log10(min(sizes)), math.log10(max(sizes))
    span = (x_high - x_low) or 1

    def x(size):
        return left + (math.log10(size) - x_low) / span * plot_w if x_high > x_low else left

    def y(ms):
        ratio = (math.log10(ms) - math.log10(y_low)) / (math.log10(y_high) - math.log10(y_low))
        return top + plot_h * (1 - ratio)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="18" font-size="14">Server-side p95 by corpus size (log scales): '
        "solid rendered afresh, dotted from the page cache; red dashes: the 50 ms target</text>",
    ]
    decade = y_low
    while decade <= y_high:
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(decade):.1f}" '
                     f'y2="{y(decade):.1f}" stroke="#ddd"/>')  # fmt: skip
        parts.append(f'<text x="{left - 8}" y="{y(decade) + 4:.1f}" text-anchor="end">'
                     f"{decade:g} ms</text>")  # fmt: skip
        decade *= 10
    for size in sizes:
        parts.append(f'<line x1="{x(size):.1f}" x2="{x(size):.1f}" y1="{top}" '
                     f'y2="{top + plot_h}" stroke="#eee"/>')  # fmt: skip
        parts.append(f'<text x="{x(size):.1f}" y="{top + plot_h + 18}" text-anchor="middle">'
                     f"{size:,}</text>")  # fmt: skip
    parts.append(f'<text x="{left + plot_w / 2:.0f}" y="{height - 20}" text-anchor="middle">'
                 "articles in the corpus</text>")  # fmt: skip
    target = y(PAGE_P95_MS)
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{target:.1f}" y2="{target:.1f}" '
                 'stroke="#d1495b" stroke-dasharray="6 4"/>')  # fmt: skip
    for number, (name, points) in enumerate(series.items()):
        colour = COLOURS[number % len(COLOURS)]
        dash = ' stroke-dasharray="3 3"' if name == ADMIN else ""
        path = " ".join(f"{x(s):.1f},{y(v):.1f}" for s, v in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                     f'stroke-width="2"{dash}/>')  # fmt: skip
        for s, v in points:
            parts.append(f'<circle cx="{x(s):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>')
        if name in cached:
            path = " ".join(f"{x(s):.1f},{y(v):.1f}" for s, v in cached[name])
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                         'stroke-width="1.5" stroke-dasharray="1 3"/>')  # fmt: skip
        legend_y = top + 10 + number * 20
        legend_x = left + plot_w + 20
        parts.append(f'<line x1="{legend_x}" x2="{legend_x + 24}" y1="{legend_y}" '
                     f'y2="{legend_y}" stroke="{colour}" stroke-width="2"{dash}/>')  # fmt: skip
        parts.append(f'<text x="{left + plot_w + 50}" y="{legend_y + 4}">{escape(name)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
