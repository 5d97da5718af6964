"""How far two careful readers agree: a second annotator's reading of part of a labelled set,
scored against its gold as the extractor is scored, beside the extractor on the same articles.

Run: .venv/bin/python bench/agreement.py tests/data/realset [--extractor] [--categories]
The second reading is `second_reading.json` in the set's folder: entries in gold.json's shape,
written by annotators who worked from the articles and the conventions alone (never the gold or
the code). Its score is the level an extractor can be asked to reach on that set: the gold is
one careful reading, and where careful readers differ no extractor can match every gold fact.
`--categories` is refused for the holdout and the validation batches, as in extract_quality.py.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract_quality import UNSEEN, aliases_for, run_extractor  # noqa: E402
from tests import realscore  # noqa: E402


def read_twice(directory):
    """The gold entries of the articles the second reading covers, and that reading as outputs
    in the same order."""
    reading_file = Path(directory) / "second_reading.json"
    reading = json.loads(reading_file.read_text(encoding="utf-8"))
    by_article = {entry["article"]: realscore.as_output(entry) for entry in reading}
    gold = [entry for entry in realscore.load_set(directory)[0] if entry["article"] in by_article]
    return gold, [by_article[entry["article"]] for entry in gold]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--extractor", action="store_true", help="score the extractor too")
    parser.add_argument("--categories", action="store_true", help="error counts by category")
    args = parser.parse_args()
    directory = Path(args.directory)
    if args.categories and UNSEEN & set(directory.resolve().parts):
        parser.error("this set's errors are kept unseen; its scores only")
    if not (directory / "second_reading.json").exists():
        sys.exit(f"{directory} has no second_reading.json: no second reading of this set")
    gold, reading = read_twice(directory)
    readers = {"a second annotator": reading}
    if args.extractor:
        from evtracker.news.management.commands.extract import seed_index

        readers["the extractor"] = run_extractor(directory, gold, seed_index())
    for reader, outputs in readers.items():
        scores = realscore.score_outputs(gold, outputs, *aliases_for(directory))
        print(f"{directory}, {len(gold)} articles read twice: {reader} against the gold")
        print(realscore.summary(scores))
        if args.categories:
            print("\n".join(realscore.category_lines(scores)))


if __name__ == "__main__":
    main()
