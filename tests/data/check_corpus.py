"""Checks a labelled real-reporting set: python tests/data/check_corpus.py DIR [GOLD SOURCES]

DIR holds articles/*.txt; GOLD (default DIR/gold.json) and SOURCES (default DIR/sources.json)
may be a writer's own part files. Prints one line per problem and exits 1 if there is any;
prints only counts when all is well, never an article's text.
"""

import json
import re
import sys
from pathlib import Path

TALK_STATUSES = {"rumoured", "confirmed", "agreed", "denied", "ended"}
APPROVAL_STATUSES = {"pending", "granted", "rejected"}
KINDS = {"pledge", "stake", "joint_venture"}
BYLINE = re.compile(r"^By [^\n]+ \d{1,2}:\d\d [ap]m [A-Z][a-z]{2} \d{1,2}, (?:19|20)\d\d$")
FIELDS = {
    "talks": {"parties", "status", "attributed_to", "evidence"},
    "investments": {
        "investor",
        "target",
        "amount",
        "currency",
        "kind",
        "stake_percent",
        "evidence",
    },
    "approvals": {"subject", "regulator", "status", "what", "evidence"},
}
SOURCE_FIELDS = {"article", "outlet", "published", "url", "kind", "region"}


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def check_fact(name, kind, fact, text):
    problems = []
    missing = FIELDS[kind] - set(fact)
    if missing:
        problems.append(f"{name}: {kind} entry lacks {sorted(missing)}")
        return problems
    if squash(fact["evidence"]) not in text:
        problems.append(f"{name}: {kind} evidence is not a verbatim span of the article")
    if kind == "talks":
        if len(fact["parties"]) != 2 or fact["parties"][0] == fact["parties"][1]:
            problems.append(f"{name}: a talk needs two different parties")
        if fact["status"] not in TALK_STATUSES:
            problems.append(f"{name}: talk status {fact['status']!r}")
    elif kind == "investments":
        if fact["kind"] not in KINDS:
            problems.append(f"{name}: investment kind {fact['kind']!r}")
        if (fact["amount"] is None) != (fact["currency"] is None):
            problems.append(f"{name}: amount and currency go together")
        if fact["currency"] is not None and not re.fullmatch(r"[A-Z]{3}", fact["currency"]):
            problems.append(f"{name}: currency {fact['currency']!r} is not ISO 4217")
    elif fact["status"] not in APPROVAL_STATUSES:
        problems.append(f"{name}: approval status {fact['status']!r}")
    return problems


def check(directory, gold_path=None, sources_path=None):
    directory = Path(directory)
    gold = json.loads(Path(gold_path or directory / "gold.json").read_text(encoding="utf-8"))
    sources_file = Path(sources_path or directory / "sources.json")
    sources = json.loads(sources_file.read_text(encoding="utf-8")) if sources_file.exists() else []
    problems = []
    seen = set()
    for entry in gold:
        name = entry["article"]
        if name in seen:
            problems.append(f"{name}: labelled twice")
        seen.add(name)
        path = directory / "articles" / name
        if not path.is_file():
            problems.append(f"{name}: no article file")
            continue
        raw = path.read_text(encoding="utf-8")
        lines = raw.split("\n")
        if len(lines) < 5 or lines[1] != "" or lines[3] != "" or not BYLINE.match(lines[2]):
            problems.append(f"{name}: not 'headline, blank, By NAME hh:mm pm Mon D, YYYY, blank'")
        text = squash(raw)
        for kind in FIELDS:
            for fact in entry.get(kind, []):
                problems.extend(check_fact(name, kind, fact, text))
    by_source = {}
    for source in sources:
        missing = SOURCE_FIELDS - set(source)
        if missing:
            problems.append(f"{source.get('article')}: source lacks {sorted(missing)}")
        by_source.setdefault(source.get("url"), []).append(source.get("article"))
    for url, names in by_source.items():
        if url and len(names) > 1:
            problems.append(f"{names}: the same source address twice")
    if sources:
        unsourced = seen - {source.get("article") for source in sources}
        for name in sorted(unsourced):
            problems.append(f"{name}: no entry in the sources file")
    for problem in problems:
        print(problem)
    counts = {
        kind: sum(1 for e in gold for f in e.get(kind, []) if not f.get("background"))
        for kind in FIELDS
    }
    print(f"{len(gold)} articles, {len(sources)} sources, main facts {counts}")
    return not problems


if __name__ == "__main__":
    sys.exit(0 if check(*sys.argv[1:4]) else 1)
