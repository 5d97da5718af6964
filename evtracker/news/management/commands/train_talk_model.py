"""Trains the talks' pair model (news/extraction/pairs.py) on the development corpus.

`make model` runs it; it needs scikit-learn, a development dependency: only the weights it
writes (talk_model.json) ship. The same corpus and code give the same model up to the
optimiser's last digits, which `--check` verifies by what the two models read
(tests/test_talk_model.py).
"""

import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from evtracker.news.extract import read_by_rules
from evtracker.news.extraction import pairs
from evtracker.news.management.commands.extract import seed_index
from evtracker.news.readers import read_path

DEVELOPMENT = Path(settings.BASE_DIR) / "tests" / "data" / "realset"
# Regularisation of each regression, chosen by cross-validation on the development corpus.
PAIR_C, STATUS_C = 0.3, 1.0
DIGITS = 3
# A fresh training reproduces the shipped model when it reads every training pair within
# this of the shipped probability and gives (almost) every status the same (--check).
PROBABILITY_GAP, STATUSES_MOVED = 0.02, 0.005


class Command(BaseCommand):
    help = "Train the talks' pair model on the labelled development corpus (make model)."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(DEVELOPMENT))
        parser.add_argument("--out", default=str(pairs.MODEL_FILE))
        parser.add_argument(
            "--check", action="store_true", help="only check that --out holds these weights"
        )

    def handle(self, *args, corpus, out, check, **options):
        try:
            from sklearn.feature_extraction import DictVectorizer
            from sklearn.linear_model import LogisticRegression
            from threadpoolctl import threadpool_limits
        except ImportError as error:
            raise CommandError("training needs scikit-learn: make .venv/.installed-dev") from error
        pair_examples, status_examples = examples(Path(corpus))

        def fit(rows, strength):
            vectors = DictVectorizer()
            matrix = vectors.fit_transform([features for features, _ in rows])
            # A row's columns come in the order its features were added, which follows set
            # order and so the process's hash seed; sorted, every run sums alike.
            matrix.sort_indices()
            labels = [label for _, label in rows]
            # One BLAS thread and a tight tolerance: the same optimum whatever the scheduling,
            # so a retraining reproduces the shipped weights (--check).
            with threadpool_limits(limits=1):
                model = LogisticRegression(C=strength, tol=1e-8, max_iter=20000)
                fitted = model.fit(matrix, labels)
            return vectors.get_feature_names_out(), fitted

        names, pair_fit = fit(pair_examples, PAIR_C)
        status_names, status_fit = fit(status_examples, STATUS_C)
        model = {
            "trained on": f"{Path(corpus).name}: {len(pair_examples)} pairs, "
            f"{len(status_examples)} statuses",
            "pair": {
                "intercept": round(float(pair_fit.intercept_[0]), DIGITS),
                "weights": _weights(names, pair_fit.coef_[0]),
            },
            "status": {
                "classes": [str(label) for label in status_fit.classes_],
                "intercepts": [round(float(value), DIGITS) for value in status_fit.intercept_],
                "weights": {
                    name: [round(float(value), DIGITS) for value in column]
                    for name, column in zip(status_names, status_fit.coef_.T, strict=True)
                    if any(round(float(value), DIGITS) for value in column)
                },
            },
        }
        text = json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
        target = Path(out)
        if check:
            shipped = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
            problem = _differs(shipped, model, pair_examples, status_examples)
            if problem:
                raise CommandError(f"{target} is not what training gives ({problem}): make model")
            self.stdout.write(f"{target} matches a fresh training ({model['trained on']})")
            return
        target.write_text(text, encoding="utf-8")
        self.stdout.write(f"wrote {target} ({model['trained on']})")


def _differs(shipped, trained, pair_examples, status_examples):
    """How the shipped model reads its own training examples differently from a fresh
    training, or "". Weights are compared by what they do: the optimiser's last bits move
    with the process (a rare word's weight by a few hundredths), its readings do not."""
    try:
        old, new = pairs.TalkModel(shipped), pairs.TalkModel(trained)
    except (KeyError, TypeError):
        return "not a model"
    if old.statuses != new.statuses:
        return "other statuses"
    gaps = [abs(old.probability(f) - new.probability(f)) for f, _ in pair_examples]
    if max(gaps, default=0.0) > PROBABILITY_GAP:
        return f"a pair's probability differs by {max(gaps):.3f}"
    moved = sum(old.status(f) != new.status(f) for f, _ in status_examples)
    if moved > len(status_examples) * STATUSES_MOVED:
        return f"{moved} statuses differ"
    return ""


def _weights(names, values):
    named = zip(names, values, strict=True)
    rounded = ((name, round(float(value), DIGITS)) for name, value in named)
    return {name: value for name, value in rounded if value}


def examples(corpus):
    """(features, label) rows: each candidate pair, reported (1) or not (0), and each
    reported pair's status; pairs the gold marks as background teach nothing."""
    from tests import realscore  # the corpus's name folding, shared with its scorer

    gold, aliases = realscore.load_set(corpus)
    names = realscore.Names(aliases)
    index = seed_index()
    pair_rows, status_rows = [], []
    for entry in gold:
        article = read_path(corpus / "articles" / entry["article"])
        published = article.published_at.date() if article.published_at else date.today()
        context, result = read_by_rules(
            article.body, index, published=published, title=article.title, skip=article.blocks
        )
        statuses, background = {}, set()
        for talk in entry.get("talks", []):
            key = frozenset(names(party) for party in talk["parties"])
            if talk.get("background"):
                background.add(key)
            else:
                statuses[key] = talk["status"]
        for candidate in pairs.candidates(context, result.talks):
            if len(candidate.pair) < 2:
                continue
            key = frozenset(names(company) for company in candidate.pair)
            if key in statuses:
                pair_rows.append((pairs.pair_features(context, candidate), 1))
                status_rows.append((pairs.status_features(context, candidate), statuses[key]))
            elif key not in background:
                pair_rows.append((pairs.pair_features(context, candidate), 0))
    return pair_rows, status_rows
