"""Extraction quality on labelled real and team-written text, with floors that only go up (issue 3)."""

from __future__ import annotations

from pathlib import Path

from tracker.evaluate import evaluate_labels, format_report

EVAL = Path(__file__).resolve().parent / "eval"

# Raise these as the engine improves; never lower them.
SEED_FLOOR = {"precision": 1.0, "recall": 1.0, "dates": 1.0}


def test_seed_articles(seeds: Path) -> None:
    report = evaluate_labels(EVAL / "seeds.jsonl")
    print(format_report(report))
    assert report.articles == 5
    assert report.overall.precision >= SEED_FLOOR["precision"]
    assert report.overall.recall >= SEED_FLOOR["recall"]
    assert report.date_accuracy >= SEED_FLOOR["dates"]
    assert report.forbidden_hits == []


def test_a_wrong_label_is_caught(tmp_path: Path) -> None:
    """The harness itself can fail: a label that disagrees with the text shows up as a miss and a false positive."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Japan tells citizens to leave\n20220211\n\nJapan on Friday urged its citizens to leave Ukraine.\n"
    )
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        '{"file": "a.txt", "target": "UA", "expected": [{"issuer": "KR", "target": "UA", '
        '"event_type": "leave_advisory", "date": "2022-02-11", "date_precision": "day"}], '
        '"forbidden": [{"issuer": "JP"}]}\n'
    )
    report = evaluate_labels(labels)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)
    assert report.forbidden_hits == ["a.txt: forbidden JP/UA/leave_advisory"]
    assert "missed KR/UA/leave_advisory" in format_report(report)


# The team corpus (tests/eval/labels.jsonl): written by us to cover the hard cases. Raise, never lower.
CORPUS_FLOOR = {"precision": 0.99, "recall": 0.95, "dates": 0.95}


def test_team_corpus_meets_the_floor() -> None:
    report = evaluate_labels(EVAL / "labels.jsonl")
    print(format_report(report))
    assert report.articles >= 60
    assert report.overall.precision >= CORPUS_FLOOR["precision"]
    assert report.overall.recall >= CORPUS_FLOOR["recall"]
    assert report.date_accuracy >= CORPUS_FLOOR["dates"]
    assert report.forbidden_hits == []


# Round 2 (tests/eval/round2): written as a held-out set by someone who had not seen the extractor; measured
# untouched first (P 0.859, R 0.678), then used for development. Raise, never lower.
ROUND2_FLOOR = {"precision": 0.98, "recall": 0.89, "dates": 0.92}


def test_round_two_meets_the_floor() -> None:
    report = evaluate_labels(EVAL / "round2" / "labels.jsonl")
    print(format_report(report))
    assert report.articles == 24
    assert report.overall.precision >= ROUND2_FLOOR["precision"]
    assert report.overall.recall >= ROUND2_FLOOR["recall"]
    assert report.date_accuracy >= ROUND2_FLOOR["dates"]
    # One known disagreement: the headline "Germany, Japan Airlift Citizens And Staff" reads as Japan evacuating
    # citizens, while the body (and so the label) has Japan evacuating embassy staff only. Nothing else may appear.
    assert report.forbidden_hits == ["articles/002_ss_india_germany_japan_airlift.txt: forbidden JP/SS/leave_advisory"]


# Round 3 (tests/eval/round3): the second held-out set; measured untouched first (P 0.895, R 0.680), then used for
# development like round 2. Raise, never lower.
ROUND3_FLOOR = {"precision": 0.95, "recall": 0.76, "dates": 0.97}


def test_round_three_meets_the_floor() -> None:
    report = evaluate_labels(EVAL / "round3" / "labels.jsonl")
    print(format_report(report))
    assert report.articles == 24
    assert report.overall.precision >= ROUND3_FLOOR["precision"]
    assert report.overall.recall >= ROUND3_FLOOR["recall"]
    assert report.date_accuracy >= ROUND3_FLOOR["dates"]


# Held out (tests/eval/holdout3): never tuned on; the honest estimate for new writing. Its floor guards against
# regressions; when it is used for development, it moves to a round and a new held-out set takes its place.
HOLDOUT_FLOOR = {"precision": 0.90, "recall": 0.72, "dates": 0.88}


def test_held_out_set_meets_the_floor() -> None:
    report = evaluate_labels(EVAL / "holdout3" / "labels.jsonl")
    print(format_report(report, show_errors=False))
    assert report.articles == 20
    assert report.overall.precision >= HOLDOUT_FLOOR["precision"]
    assert report.overall.recall >= HOLDOUT_FLOOR["recall"]
    assert report.date_accuracy >= HOLDOUT_FLOOR["dates"]
