"""Extraction quality on a labelled real-reporting set: precision, recall, F1, talk status.

Run: .venv/bin/python bench/extract_quality.py tests/data/realset [--errors] [--categories]
The company list is seeds/companies.json, as `make run` loads it. `--errors` lists every miss
and false find one by one; it is refused for the holdout (tests/data/holdout) and the
validation batches (tests/data/fresh, incoming, third and fourth), whose articles and errors
the extractor's author must not read: only their scores and error counts by category.
"""

import argparse
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evtracker.settings")

import django  # noqa: E402

django.setup()

from evtracker.news.extract import extract  # noqa: E402
from evtracker.news.management.commands.extract import article_json, seed_index  # noqa: E402
from evtracker.news.readers import read_path  # noqa: E402
from tests import realscore  # noqa: E402

DEVELOPMENT_ALIASES = ROOT / "tests" / "data" / "realset" / "aliases.json"
# The holdout and the validation batches: their articles and errors are never read one by one.
UNSEEN = frozenset(("holdout", "fresh", "incoming", "third", "fourth"))


def run_extractor(directory, gold, index, explain=False):
    outputs = []
    for entry in gold:
        article = read_path(Path(directory) / "articles" / entry["article"])
        published = article.published_at.date() if article.published_at else date.today()
        extraction = extract(
            article.body, index, published=published, title=article.title, skip=article.blocks
        )
        outputs.append(article_json(entry["article"], article.title, published, extraction))
    return outputs


def aliases_for(directory):
    """A set's own aliases, then the development part's for names the set does not list."""
    alias_maps = [realscore.load_set(directory)[1]]
    if Path(directory).resolve() != DEVELOPMENT_ALIASES.parent.resolve():
        alias_maps.append(realscore.load_set(DEVELOPMENT_ALIASES.parent)[1])
    return alias_maps


def score_directory(directory, keep_errors=False):
    gold, _ = realscore.load_set(directory)
    outputs = run_extractor(directory, gold, seed_index())
    scores = realscore.score_outputs(
        gold, outputs, *aliases_for(directory), keep_errors=keep_errors
    )
    return scores, len(gold)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--errors", action="store_true", help="list each error (not holdout)")
    parser.add_argument("--categories", action="store_true", help="error counts by category")
    args = parser.parse_args()
    unseen = set(Path(args.directory).resolve().parts) & UNSEEN
    if args.errors and unseen:
        parser.error(f"the {unseen.pop()} set's errors are not listed one by one; use --categories")
    scores, articles = score_directory(args.directory, keep_errors=args.errors)
    print(f"{args.directory}: {articles} articles")
    print(realscore.summary(scores))
    if args.categories:
        print("\n".join(realscore.category_lines(scores)))
    if args.errors:
        for kind in realscore.FACT_TYPES:
            for error in scores[kind].errors:
                print(error)


if __name__ == "__main__":
    main()
