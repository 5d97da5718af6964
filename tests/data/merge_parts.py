"""Merges writers' part files into a set: python tests/data/merge_parts.py DIR

Each DIR/parts/<writer>/ may hold gold.json (a list), sources.json (a list) and aliases.json
(an object). Entries for the same article replace earlier ones; alias lists are joined. Prints
only counts, never an article's text.
"""

import json
import sys
from pathlib import Path


def _read(path, empty):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else empty


def _write(path, value):
    path.write_text(json.dumps(value, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def merge(directory):
    directory = Path(directory)
    gold = {entry["article"]: entry for entry in _read(directory / "gold.json", [])}
    sources = {entry["article"]: entry for entry in _read(directory / "sources.json", [])}
    aliases = _read(directory / "aliases.json", {})
    for part in sorted((directory / "parts").glob("*/")):
        for entry in _read(part / "gold.json", []):
            gold[entry["article"]] = entry
        for entry in _read(part / "sources.json", []):
            sources[entry["article"]] = entry
        for name, variants in _read(part / "aliases.json", {}).items():
            known = aliases.setdefault(name, [])
            known.extend(v for v in variants if v not in known)
    _write(directory / "gold.json", [gold[name] for name in sorted(gold)])
    _write(directory / "sources.json", [sources[name] for name in sorted(sources)])
    _write(directory / "aliases.json", aliases)
    print(f"{directory}: {len(gold)} labelled articles, {len(sources)} sources")


if __name__ == "__main__":
    merge(sys.argv[1])
