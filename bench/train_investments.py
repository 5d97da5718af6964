"""Trains the learned investment step on tests/data/realset and writes its weights.

Run: .venv/bin/python bench/train_investments.py [--no-write]

Every running sentence's candidates (the rule finder's facts and each company paired with each
figure) are labelled by the scorer's own matching against the gold facts; background facts are
left out (they count neither way). The regularisation and the threshold are chosen by
cross-validation grouped by article (5 folds, fixed), scoring the kept facts as
bench/extract_quality.py does; it prints the rules' score and the model's cross-validated score,
then fits on every article and writes evtracker/news/extraction/investments_model.json.
Only the development part is read: never tests/data/fresh or tests/data/holdout.
"""

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evtracker.settings")

import django  # noqa: E402

django.setup()

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from evtracker.news import extract as extract_module  # noqa: E402
from evtracker.news.extraction import learned_investments as learned  # noqa: E402
from evtracker.news.management.commands.extract import seed_index  # noqa: E402
from evtracker.news.readers import read_path  # noqa: E402
from tests import realscore  # noqa: E402

DEVELOPMENT = ROOT / "tests" / "data" / "realset"
FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))  # 0.05 .. 0.95


class _Rules:
    """Keeps what the rule finder found: the step switched off."""

    def keeps(self, features):
        return "rule" in features


class _Context:
    def __init__(self):
        self.found = {}


def collect():
    """(article, companies, [(position, candidates)]) for every development article."""
    gold, aliases = realscore.load_set(DEVELOPMENT)
    index = seed_index()
    learned._model = _Rules()
    if hasattr(extract_module, "find_investments"):
        extract_module.find_investments = learned.find  # not wired in yet: route through it
    articles = []
    for entry in gold:
        article = read_path(DEVELOPMENT / "articles" / entry["article"])
        published = article.published_at.date() if article.published_at else date.today()
        learned.recorder = []
        extraction = extract_module.extract(
            article.body, index, published=published, title=article.title, skip=article.blocks
        )
        articles.append((entry["article"], extraction.companies, learned.recorder))
    learned.recorder = None
    learned._model = None
    return gold, aliases, articles


def label(gold, aliases, articles):
    """1 when a candidate matches a main gold fact, 0 when it matches none, None (left out)
    when it matches only a background fact."""
    names = realscore.Names(aliases)
    by_article = {entry["article"]: entry for entry in gold}
    labels = []
    for name, _, sentences in articles:
        facts = by_article[name]["investments"]
        main = [f for f in facts if not f.get("background")]
        background = [f for f in facts if f.get("background")]
        claimed = set()
        ordered = [c for _, cs in sentences for c in cs]
        found = {}
        # The rules' candidates claim their gold facts first; a later candidate matching a
        # claimed fact would be told twice, so it is a negative.
        for candidate in sorted(ordered, key=lambda c: not c.by_rules):
            out = _as_json(candidate.fact)
            hits = [i for i, f in enumerate(main) if realscore._investment_match(names, f, out)]
            free = [i for i in hits if i not in claimed]
            if free:
                claimed.add(free[0])
                found[id(candidate)] = 1
            elif hits:
                found[id(candidate)] = 0
            elif any(realscore._investment_match(names, f, out) for f in background):
                found[id(candidate)] = None
            else:
                found[id(candidate)] = 0
        labels += [found[id(c)] for c in ordered]
    return labels


def _as_json(fact):
    return {
        "investor": fact.investor,
        "target": fact.target,
        "amount": None if fact.amount is None else float(fact.amount),
        "currency": fact.currency,
        "kind": fact.kind,
        "stake_percent": None if fact.stake_percent is None else float(fact.stake_percent),
    }


def outputs_of(articles, chooser):
    """The extractor's investments per article when `chooser` decides, deduplicated as
    extract() does."""
    outputs = []
    for name, companies, sentences in articles:
        context = _Context()
        kept = {}
        for _, candidates in sentences:
            for fact in learned.select(context, candidates, chooser):
                if fact.amount is None:
                    key = (fact.investor, fact.target, fact.kind, fact.stake_percent)
                else:
                    key = (fact.investor, fact.amount, fact.currency)
                kept.setdefault(key, fact)
        investments = [_as_json(fact) for fact in kept.values()]
        outputs.append({"article": name, "companies": companies, "investments": investments})
    return outputs


def score(gold, aliases, outputs):
    return realscore.score_outputs(gold, outputs, aliases)["investments"]


def fit(rows, labels, c):
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(row, 1) for row in rows])
    classifier = LogisticRegression(C=c, solver="lbfgs", max_iter=5000)
    classifier.fit(matrix, labels)
    weights = {
        feature: round(float(weight), 6)
        for feature, weight in zip(
            vectorizer.get_feature_names_out(), classifier.coef_[0], strict=True
        )
        if abs(weight) >= 1e-6
    }
    return weights, round(float(classifier.intercept_[0]), 6)


def folds_of(articles):
    """Fixed folds of whole articles: every FOLDS-th article, so each writer spreads over all."""
    return [i % FOLDS for i in range(len(articles))]


def line(name, s):
    counts = f"(tp {s.tp}, fp {s.fp}, fn {s.fn})"
    return f"{name:34} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  {counts}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print the scores only")
    args = parser.parse_args()
    gold, aliases, articles = collect()
    labels = label(gold, aliases, articles)
    rows = [c.features for _, _, sentences in articles for _, cs in sentences for c in cs]
    owner = [i for i, (_, _, sentences) in enumerate(articles) for _, cs in sentences for _ in cs]
    fold = folds_of(articles)
    print(f"{len(articles)} articles, {len(rows)} candidates, {labels.count(1)} positive")
    rules = score(gold, aliases, outputs_of(articles, _Rules()))
    print(line("rules", rules))

    results = {}
    for c in C_GRID:
        models = {}
        for k in range(FOLDS):
            train = [i for i in range(len(rows)) if fold[owner[i]] != k and labels[i] is not None]
            models[k] = fit([rows[i] for i in train], [labels[i] for i in train], c)
        for threshold in THRESHOLDS:
            for threshold_rules in THRESHOLDS:
                outputs = []
                for k in range(FOLDS):
                    weights, bias = models[k]
                    chooser = learned.Model(weights, bias, threshold, threshold_rules)
                    held_out = [a for i, a in enumerate(articles) if fold[i] == k]
                    outputs += outputs_of(held_out, chooser)
                results[(c, threshold, threshold_rules)] = score(gold, aliases, outputs)
    # The best F1; among equals the strongest regularisation and the highest thresholds.
    best = max(results, key=lambda key: (round(results[key].f1, 4), -key[0], key[1], key[2]))
    for c in C_GRID:
        top = max((k for k in results if k[0] == c), key=lambda k: results[k].f1)
        print(line(f"cross-validated C={c} t={top[1]}/{top[2]}", results[top]))
    print(line(f"chosen C={best[0]} thresholds={best[1]}/{best[2]}", results[best]))

    train = [i for i in range(len(rows)) if labels[i] is not None]
    weights, bias = fit([rows[i] for i in train], [labels[i] for i in train], best[0])
    print(
        line(
            "fitted on all (not a fair score)",
            score(
                gold, aliases, outputs_of(articles, learned.Model(weights, bias, best[1], best[2]))
            ),
        )
    )
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]
    print("heaviest features: " + ", ".join(f"{f} {w:+.2f}" for f, w in top))
    if not args.no_write:
        model = {
            "trained_on": "tests/data/realset",
            "c": best[0],
            "threshold": best[1],
            "threshold_rules": best[2],
            "bias": bias,
            "weights": dict(sorted(weights.items())),
        }
        learned.MODEL_PATH.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {learned.MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
