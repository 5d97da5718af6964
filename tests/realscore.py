"""Scoring the extractor on a labelled real-reporting set, as tests/data/realset/README.md says.

A set is a folder with `articles/*.txt`, `gold.json` and `aliases.json`. `score_set` runs the
extractor over every labelled article and compares its output with the gold facts: names folded
(case, punctuation, a leading "the"/"China", trailing corporate words) and mapped through the
aliases; background facts count neither way. It returns counts, and the single errors only when
asked (never for the holdout, whose text the extractor's author must not read).
"""

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

FACT_TYPES = ("talks", "investments", "approvals")
_TRAILING = {
    "co",
    "corp",
    "corporation",
    "company",
    "group",
    "holding",
    "holdings",
    "motor",
    "motors",
    "automobile",
    "automobiles",
    "auto",
    "automotive",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "ag",
    "se",
    "nv",
    "sa",
    "plc",
    "llc",
    "gmbh",
    "technology",
    "technologies",
    "international",
    "industries",
    "industry",
    "co ltd",
}


def fold(name):
    """A name as the scorer compares it."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[’'`]s\b", "", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    while words and words[0] in ("the", "china"):
        words = words[1:]
    while len(words) > 1 and words[-1] in _TRAILING:
        words = words[:-1]
    return " ".join(words)


class Names:
    """Folded name -> folded canonical name, from one or more aliases files."""

    def __init__(self, *alias_maps):
        self.canonical = {}
        for aliases in alias_maps:
            for name, variants in aliases.items():
                for variant in (name, *variants):
                    self.canonical.setdefault(fold(variant), fold(name))

    def __call__(self, name):
        folded = fold(name)
        return self.canonical.get(folded, folded)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_right: int = 0
    status_total: int = 0
    # Talks only: whether a matched talk names the source its gold names (an outlet, unnamed
    # sources, or none when the parties speak), which the sources page counts by.
    source_right: int = 0
    categories: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)

    @property
    def precision(self):
        found = self.tp + self.fp
        return self.tp / found if found else 1.0

    @property
    def recall(self):
        wanted = self.tp + self.fn
        return self.tp / wanted if wanted else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def status_accuracy(self):
        return self.status_right / self.status_total if self.status_total else 1.0

    @property
    def source_accuracy(self):
        return self.source_right / self.status_total if self.status_total else 1.0


def _close(a, b):
    a, b = Decimal(str(a)), Decimal(str(b))
    return abs(a - b) <= abs(b) * Decimal("0.02")


def _talk_match(names, gold, out):
    return {names(p) for p in gold["parties"]} == {names(p) for p in out["parties"]}


def _investment_match(names, gold, out):
    if names(gold["investor"]) != names(out["investor"]):
        return False
    if gold.get("amount") is not None:
        return (
            out.get("amount") is not None
            and (gold.get("currency") or "") == (out.get("currency") or "")
            and _close(out["amount"], gold["amount"])
        )
    if gold.get("stake_percent") is not None:
        return out.get("stake_percent") is not None and _close(
            out["stake_percent"], gold["stake_percent"]
        )
    if gold.get("target"):
        return bool(out.get("target")) and names(gold["target"]) == names(out["target"])
    return gold.get("kind") == out.get("kind")


def _approval_match(names, gold, out):
    if names(gold["subject"]) != names(out["subject"]):
        return False
    return not gold.get("regulator") or names(gold["regulator"]) == names(out.get("regulator"))


MATCHERS = {"talks": _talk_match, "investments": _investment_match, "approvals": _approval_match}


def _describe(kind, fact):
    if kind == "talks":
        return f"talk {' - '.join(fact['parties'])} [{fact['status']}]"
    if kind == "investments":
        return (
            f"investment {fact['investor']} -> {fact.get('target')} {fact.get('amount')} "
            f"{fact.get('currency')} {fact.get('stake_percent')}% [{fact.get('kind')}]"
        )
    return f"approval {fact['subject']} by {fact.get('regulator')} [{fact.get('status')}]"


def _miss_category(kind, gold, found_names, names, outputs=()):
    """Why a gold fact was missed, in a word an aggregate can count."""
    parties = {
        "talks": gold.get("parties", []),
        "investments": [gold.get("investor")],
        "approvals": [gold.get("subject")],
    }[kind]
    if any(names(p) not in found_names for p in parties if p):
        return "party not recognised"
    if kind == "investments":
        if any(names(out.get("investor")) == names(gold.get("investor")) for out in outputs):
            return "investor found, terms differ"
        if gold.get("amount") is None:
            return "stake without amount" if gold.get("stake_percent") is None else "percent"
        return f"amount in {gold.get('currency')}"
    if kind == "approvals":
        if any(names(out.get("subject")) == names(gold.get("subject")) for out in outputs):
            return "subject found, regulator differs"
        return "regulator" if gold.get("regulator") else "no named regulator"
    return "pair not linked"


def score_article(gold, output, names, scores, keep_errors=False):
    """Adds one article's comparison to `scores` (a dict of Score per fact type)."""
    found_names = {names(c) for c in output.get("companies", [])}
    for kind in FACT_TYPES:
        score = scores[kind]
        outputs = list(output.get(kind, []))
        used = [False] * len(outputs)
        match = MATCHERS[kind]
        for fact in gold.get(kind, []):
            if fact.get("background"):
                continue
            hit = next(
                (i for i, out in enumerate(outputs) if not used[i] and match(names, fact, out)),
                None,
            )
            if hit is None:
                score.fn += 1
                category = _miss_category(kind, fact, found_names, names, outputs)
                score.categories[f"missed: {category}"] += 1
                if keep_errors:
                    score.errors.append(f"{gold['article']}: missed {_describe(kind, fact)}")
                continue
            used[hit] = True
            score.tp += 1
            if kind == "talks":
                score.status_total += 1
                if fold(fact.get("attributed_to")) == fold(outputs[hit].get("attributed_to")):
                    score.source_right += 1
                if fact["status"] == outputs[hit]["status"]:
                    score.status_right += 1
                else:
                    score.categories[
                        f"status {fact['status']} given as {outputs[hit]['status']}"
                    ] += 1
                    if keep_errors:
                        score.errors.append(
                            f"{gold['article']}: {_describe(kind, fact)} given as "
                            f"{outputs[hit]['status']}"
                        )
        background = [f for f in gold.get(kind, []) if f.get("background")]
        for i, out in enumerate(outputs):
            if used[i] or any(match(names, fact, out) for fact in background):
                continue
            score.fp += 1
            score.categories["spurious"] += 1
            if keep_errors:
                score.errors.append(
                    f"{gold['article']}: unexpected {_describe(kind, out)} "
                    f"<< {out.get('evidence', '')[:160]}"
                )


def load_set(directory):
    directory = Path(directory)
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    aliases_file = directory / "aliases.json"
    aliases = json.loads(aliases_file.read_text(encoding="utf-8")) if aliases_file.exists() else {}
    return gold, aliases


def as_output(entry):
    """A labelled entry (a second annotator's reading, in gold.json's shape) as the extractor's
    output: its main facts, and every name they use as the companies it recognised."""
    output = {"article": entry["article"]}
    companies = set(entry.get("companies", []))
    for kind in FACT_TYPES:
        facts = entry.get(kind, [])
        output[kind] = [fact for fact in facts if not fact.get("background")]
        for fact in facts:
            for key in ("parties", "investor", "target", "subject"):
                value = fact.get(key)
                companies.update(value if isinstance(value, list) else filter(None, [value]))
    output["companies"] = sorted(companies)
    return output


def score_outputs(gold, outputs, *alias_maps, keep_errors=False):
    """Scores extractor outputs (dicts shaped like `extract --format json`) against gold."""
    names = Names(*alias_maps)
    by_article = {output["article"]: output for output in outputs}
    scores = {kind: Score() for kind in FACT_TYPES}
    for entry in gold:
        score_article(entry, by_article.get(entry["article"], {}), names, scores, keep_errors)
    return scores


def summary(scores):
    lines = []
    for kind in FACT_TYPES:
        s = scores[kind]
        line = (
            f"{kind:12} P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  "
            f"(tp {s.tp}, fp {s.fp}, fn {s.fn})"
        )
        if kind == "talks":
            line += f"  status accuracy {s.status_accuracy:.2f} ({s.status_right}/{s.status_total})"
            line += f"  sources {s.source_accuracy:.2f} ({s.source_right}/{s.status_total})"
        lines.append(line)
    return "\n".join(lines)


def category_lines(scores):
    return [
        f"{kind:12} {category}: {count}"
        for kind in FACT_TYPES
        for category, count in sorted(scores[kind].categories.items(), key=lambda kv: -kv[1])
    ]
