"""Whether a news page is already retold somewhere in the corpus, told by its address only.

    python tests/data/sources_used.py URL [URL ...]       "used" or "new" for each address
    python tests/data/sources_used.py --part DIR          a writer's part (DIR/sources.json):
                                                          its articles whose page is retold
                                                          elsewhere, and where

A corpus writer asks before retelling a page, so that no report is retold twice and none that
the holdout or a validation batch retells lands in the development part. The answers name a
set, never an article or an address of another set, so the writer learns nothing of the
holdout's text. Two addresses are the same page when host (without "www.", "m." or "amp."),
path (without a trailing "/" or an "/amp" ending, any case) and query agree.
"""

import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).resolve().parent


def page(url):
    """The parts of an address that name the page."""
    parts = urlsplit((url or "").strip())
    host = parts.netloc.lower()
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    path = parts.path.rstrip("/").lower().removesuffix("/amp").removesuffix(".amp")
    return host, path, parts.query


def _sources(path):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def known_pages(data=DATA, leave_out=None):
    """{page: {set name}} over every set's sources and every writer's part, except the part
    `leave_out` (a directory) and the merged entries of its own articles."""
    leave_out = Path(leave_out).resolve() if leave_out else None
    own = set()
    if leave_out:
        own = {entry["article"] for entry in _sources(leave_out / "sources.json")}
    sets = {}
    for directory in sorted(p for p in data.iterdir() if (p / "sources.json").exists()):
        parts = directory / "parts"
        for entry in _sources(directory / "sources.json"):
            if not (leave_out and leave_out.is_relative_to(parts) and entry["article"] in own):
                sets.setdefault(page(entry.get("url")), set()).add(directory.name)
        for part in sorted(parts.glob("*/sources.json")) if parts.exists() else ():
            if part.parent.resolve() != leave_out:
                for entry in _sources(part):
                    sets.setdefault(page(entry.get("url")), set()).add(directory.name)
    sets.pop(page(""), None)  # the few shared retellings without an address
    return sets


def retold_elsewhere(part, data=DATA):
    """[(article, sorted set names)] for a part's articles whose page another set or writer
    retells, and for a page the part itself retells twice."""
    known = known_pages(data, leave_out=part)
    found, seen = [], {}
    for entry in _sources(Path(part) / "sources.json"):
        key = page(entry.get("url"))
        where = set(known.get(key, ()))
        if key in seen:
            where.add(f"this part ({seen[key]})")
        seen.setdefault(key, entry["article"])
        if where:
            found.append((entry["article"], sorted(where)))
    return found


def main(args):
    if args[:1] == ["--part"] and len(args) == 2:
        clashes = retold_elsewhere(args[1])
        for article, where in clashes:
            print(article, "also in", ", ".join(where))
        print(f"{len(clashes)} of the part's articles retell a page used elsewhere")
        return
    known = known_pages()
    for url in args:
        print("used" if page(url) in known else "new", url)


if __name__ == "__main__":
    main(sys.argv[1:])
