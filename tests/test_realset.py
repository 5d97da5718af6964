"""The real-reporting corpus (tests/data/realset, tests/data/holdout) and the extractor's score
on its development part.

Issue 9 sets the bar at precision 0.90, recall 0.85 and status accuracy 0.90 for every fact
type. The extractor is not there yet (docs/benchmarks.md has every score): the floors below are
the levels measured on 2026-11-30 (session 10) on the 829 development articles, less about
0.02, so that no change makes real-reporting extraction worse. Each time articles nobody had
tuned on joined the set (each batch scored on arrival first, docs/benchmarks.md), the measured
levels fell and the floors with them: session 10's 77 arrivals scored 0.69 / 0.44 / 0.42,
session 11's 74 and 63 scored 0.53 / 0.52 / 0.67 and 0.80 / 0.50 / 0.53, session 12's 130 and
61 scored 0.71 / 0.46 / 0.56 and 0.65 / 0.58 / 0.36 (the last batch approvals-heavy, 36 of its
main facts approvals: with it the set's approvals fell from P 0.76 R 0.75 to P 0.74 R 0.71, and
their floors to 0.72 and 0.69), session 13's 224 scored 0.68 / 0.55 / 0.46 (approvals-heavy
again, 143 of its 609 main facts approvals: the set's approvals fell from P 0.75 R 0.73 to
P 0.70 R 0.67, and their floors to 0.69 and 0.66; the set is now 1,372 articles, nine having
been dropped for retelling pages the holdout or a validation batch retells), session 14's 144
scored 0.64 / 0.56 / 0.55 (approvals recall of the set from 0.67 to 0.66, its floor to 0.64;
1,516 articles). Session 15's tuning (stage 18) raised the measured levels to P 0.85 R 0.83 /
P 0.80 R 0.56 / P 0.74 R 0.70, and the floors with them. Talks are partly in-sample, since
the pair model trains on this set, and talk status almost wholly (0.99 since session 14, when
the pair model's status regression began to overrule the rules): out of fold it reads 0.89
(docs/architecture.md). Raise the floors as the extractor improves; never lower them to make
a change pass.
"""

import json
from pathlib import Path

import pytest

from bench.agreement import read_twice
from bench.extract_quality import aliases_for, score_directory
from tests import realscore
from tests.data.check_corpus import check
from tests.data.sources_used import known_pages, page, retold_elsewhere

DATA = Path(__file__).resolve().parent / "data"
DEVELOPMENT = DATA / "realset"
HOLDOUT = DATA / "holdout"
VALIDATION = DATA / "fresh"
SECOND_VALIDATION = DATA / "incoming"
THIRD_VALIDATION = DATA / "third"
FOURTH_VALIDATION = DATA / "fourth"
# (precision, recall) per fact type, and talk status accuracy: measured floors, not the goal.
FLOORS = {"talks": (0.83, 0.81), "investments": (0.78, 0.54), "approvals": (0.72, 0.68)}
STATUS_FLOOR = 0.86
# Talks whose source (the outlet credited, unnamed sources, or none when a party speaks) is the
# gold's: the sources page counts rumours by it. 0.85 measured in session 15 (0.80 before the
# parties were taken out of it and wire datelines told from credits).
SOURCE_FLOOR = 0.83


def test_it_has_at_least_200_real_reports_with_a_holdout_of_60():
    development = json.loads((DEVELOPMENT / "gold.json").read_text(encoding="utf-8"))
    holdout = json.loads((HOLDOUT / "gold.json").read_text(encoding="utf-8"))
    assert len(development) + len(holdout) >= 200
    assert len(holdout) >= 60


@pytest.mark.parametrize(
    "directory",
    [DEVELOPMENT, HOLDOUT, VALIDATION, SECOND_VALIDATION, THIRD_VALIDATION, FOURTH_VALIDATION],
    ids=[
        "development",
        "holdout",
        "validation",
        "second validation",
        "third validation",
        "fourth validation",
    ],
)
def test_it_keeps_every_label_on_a_verbatim_span_with_its_source(directory, capsys):
    assert check(directory), capsys.readouterr().out
    sources = json.loads((directory / "sources.json").read_text(encoding="utf-8"))
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    assert {s["article"] for s in sources} == {g["article"] for g in gold}
    assert all(s["outlet"] and s["published"] for s in sources)
    # Three of the shared retellings' original pages were not found in the stored pages.
    assert sum(1 for s in sources if not s["url"]) <= 3


# One of the 41 retellings the project was given retells the page a holdout article retells;
# it stays, as given. Any other development article retelling a page of the holdout or of a
# validation batch would let tuning on it reach text that must stay unseen.
GIVEN_OVERLAP = {"029.txt"}


def test_no_development_article_retells_a_page_the_unseen_sets_retell():
    unseen = {
        page(entry.get("url"))
        for directory in (
            HOLDOUT,
            VALIDATION,
            SECOND_VALIDATION,
            THIRD_VALIDATION,
            FOURTH_VALIDATION,
        )
        for entry in json.loads((directory / "sources.json").read_text(encoding="utf-8"))
        if entry.get("url")
    }
    sources = json.loads((DEVELOPMENT / "sources.json").read_text(encoding="utf-8"))
    overlapping = {entry["article"] for entry in sources if page(entry.get("url")) in unseen}
    assert overlapping == GIVEN_OVERLAP


def test_it_tells_a_writer_whether_a_page_is_already_retold(tmp_path):
    first = json.loads((DEVELOPMENT / "sources.json").read_text(encoding="utf-8"))[-1]["url"]
    known = known_pages()
    # The same page however its address is written: "www.", a trailing slash, capitals.
    host, path, query = page(first)
    assert page(f"https://www.{host}{path.upper()}/" + (f"?{query}" if query else "")) in known
    assert page("https://example.org/a-report-nobody-retold") not in known

    part = tmp_path / "writer"
    part.mkdir()
    (part / "sources.json").write_text(
        json.dumps(
            [
                {"article": "9001.txt", "url": first},
                {"article": "9002.txt", "url": "https://example.org/new"},
                {"article": "9003.txt", "url": "https://example.org/new/"},
            ]
        ),
        encoding="utf-8",
    )
    assert retold_elsewhere(part) == [
        ("9001.txt", ["realset"]),
        ("9003.txt", ["this part (9002.txt)"]),
    ]


@pytest.fixture(scope="module")
def development_scores():
    scores, articles = score_directory(DEVELOPMENT, keep_errors=True)
    assert articles >= 240
    return scores


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_it_holds_its_floor_on_the_development_part(development_scores, kind):
    score = development_scores[kind]
    precision_floor, recall_floor = FLOORS[kind]
    report = "\n".join(score.errors)
    assert score.precision >= precision_floor, f"{kind} precision {score.precision:.3f}\n{report}"
    assert score.recall >= recall_floor, f"{kind} recall {score.recall:.3f}\n{report}"


def test_it_holds_its_floor_on_talk_status(development_scores):
    assert development_scores["talks"].status_accuracy >= STATUS_FLOOR


def test_it_holds_its_floor_on_talk_sources(development_scores):
    assert development_scores["talks"].source_accuracy >= SOURCE_FLOOR


# Where an independent second reading of 80 development articles met the gold (2026-12-01,
# docs/benchmarks.md: F1 0.94, 0.83 and 0.83), less a margin. The gold is one careful reading;
# a gold or alias edit that drops facts or breaks names lowers this agreement.
AGREEMENT_FLOORS = {"talks": 0.9, "investments": 0.79, "approvals": 0.75}


@pytest.mark.parametrize("directory", [DEVELOPMENT, HOLDOUT], ids=["development", "holdout"])
def test_a_second_reading_covers_only_labelled_articles(directory):
    gold, reading = read_twice(directory)
    written = json.loads((directory / "second_reading.json").read_text(encoding="utf-8"))
    assert len(gold) == len(reading) == len(written) >= 40
    # Each fact rests on words of its article ("..." leaves words out), as the gold's do. Only
    # article names are reported: the holdout's text is not for the extractor's author.
    unfounded = []
    for entry in written:
        text = " ".join((directory / "articles" / entry["article"]).read_text().split())
        for kind in realscore.FACT_TYPES:
            for fact in entry[kind]:
                parts = " ".join(fact["evidence"].split()).split("...")
                if not all(part.strip(" .,") in text for part in parts):
                    unfounded.append(f"{entry['article']} {kind}")
    assert not unfounded


def test_the_development_gold_agrees_with_a_second_reading():
    gold, reading = read_twice(DEVELOPMENT)
    scores = realscore.score_outputs(gold, reading, *aliases_for(DEVELOPMENT))
    for kind, floor in AGREEMENT_FLOORS.items():
        assert scores[kind].f1 >= floor, f"{kind}: {realscore.summary(scores)}"


def test_a_reading_is_scored_on_its_main_facts_knowing_every_name_it_uses():
    entry = {
        "article": "1.txt",
        "companies": ["Nio"],
        "talks": [
            {"parties": ["Nio", "Geely"], "status": "agreed"},
            {"parties": ["Nio", "Tencent"], "status": "agreed", "background": True},
        ],
        "investments": [{"investor": "Baidu", "target": None, "kind": "pledge"}],
        "approvals": [{"subject": "Nio", "regulator": "MIIT", "status": "granted"}],
    }
    output = realscore.as_output(entry)
    assert [talk["parties"] for talk in output["talks"]] == [["Nio", "Geely"]]
    assert len(output["investments"]) == len(output["approvals"]) == 1
    assert output["companies"] == ["Baidu", "Geely", "Nio", "Tencent"]
