"""Extraction quality on labelled real and team-written text, with floors that only go up (issue 3)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tracker.evaluate import evaluate_labels, format_report

EVAL = Path(__file__).resolve().parent / "eval"


@dataclass(frozen=True)
class Floor:
    """A label set and the least it must score. Raise these as the engine improves; never lower them."""

    labels: str
    articles: int
    precision: float
    recall: float
    dates: float
    # Forbidden issuers the set may report (known and explained); None: not checked (a development round whose
    # remaining disagreements are tracked by precision).
    forbidden: tuple[str, ...] | None = ()


FLOORS = [
    # The team corpus (tests/eval/labels.jsonl): written by us to cover the hard cases.
    Floor("labels.jsonl", 72, precision=1.0, recall=0.99, dates=0.96),
    # Round 2: written as a held-out set by someone who had not seen the extractor; measured untouched first
    # (P 0.859, R 0.678), then used for development.
    Floor(
        "round2/labels.jsonl",
        24,
        precision=0.98,
        recall=0.99,
        dates=0.92,
        forbidden=(
            # The headline "Germany, Japan Airlift Citizens And Staff" reads as Japan evacuating citizens, while the
            # body (and so the label) has Japan evacuating embassy staff only.
            "articles/002_ss_india_germany_japan_airlift.txt: forbidden JP/SS/leave_advisory",
        ),
    ),
    # Round 3: the second held-out set; measured untouched first (P 0.895, R 0.680), then used for development.
    Floor("round3/labels.jsonl", 24, precision=0.98, recall=1.0, dates=0.98, forbidden=None),
    # Round 4: the third held-out set; measured untouched first (P 0.900, R 0.726), then used for development.
    Floor("round4/labels.jsonl", 20, precision=1.0, recall=0.98, dates=1.0, forbidden=None),
    # Round 5 (was holdout4): measured untouched first (P 1.000, R 0.889), then used for development.
    Floor("round5/labels.jsonl", 20, precision=1.0, recall=1.0, dates=0.98),
    # Round 6 (was holdout5, written by two helpers in denser, harder styles: timelines, transcripts, forum threads,
    # tables, two-crisis newsletters): measured untouched first (P 0.902, R 0.631), then used for development.
    Floor("round6/labels.jsonl", 20, precision=0.97, recall=0.94, dates=0.93, forbidden=None),
    # Round 7 (was holdout7, written by two helpers with the labelling conventions spelled out): measured untouched
    # first (P 0.902, R 0.617, dates 0.836), then used for development.
    Floor("round7/labels.jsonl", 20, precision=1.0, recall=0.88, dates=0.93, forbidden=None),
    # Round 8 (was holdout8): measured untouched first (P 0.847, R 0.734, dates 0.825), then again after round 7's
    # work, still untouched (P 0.852, R 0.766, dates 0.864), then used for development.
    Floor("round8/labels.jsonl", 20, precision=0.98, recall=0.91, dates=0.91, forbidden=None),
    # Round 9 (was holdout9): measured untouched first (P 0.899, R 0.544, dates 0.815), then used for development.
    Floor("round9/labels.jsonl", 20, precision=1.0, recall=0.88, dates=0.91, forbidden=None),
    # Round 10 (was holdout10): measured untouched first (P 0.819, R 0.748, dates 0.797), then used for development.
    Floor("round10/labels.jsonl", 20, precision=0.94, recall=0.91, dates=0.85, forbidden=None),
    # Round 11 (was holdout11): measured untouched first (P 0.798, R 0.698, dates 0.863), then used for development.
    Floor("round11/labels.jsonl", 20, precision=0.96, recall=0.94, dates=0.95, forbidden=None),
    # Round 12 (was holdout12): measured untouched first (P 0.887, R 0.691, dates 0.759), then used for development.
    Floor("round12/labels.jsonl", 20, precision=0.93, recall=0.88, dates=0.89, forbidden=None),
    # Round 13 (was holdout13): measured untouched first (P 0.773, R 0.654, dates 0.841), then used for development.
    Floor("round13/labels.jsonl", 20, precision=0.94, recall=0.90, dates=0.88, forbidden=None),
    # Round 14 (was holdout14): measured untouched first (P 0.903, R 0.646, dates 0.776), then used for development.
    Floor("round14/labels.jsonl", 20, precision=0.97, recall=0.87, dates=0.85, forbidden=None),
    # Round 15 (was holdout15): measured untouched first (P 0.857, R 0.726, dates 0.790), then used for development.
    Floor("round15/labels.jsonl", 20, precision=0.96, recall=0.88, dates=0.84, forbidden=None),
    # Round 16 (was holdout16): measured untouched first (P 0.694, R 0.649, dates 0.667), then used for development.
    Floor("round16/labels.jsonl", 20, precision=0.93, recall=0.89, dates=0.83, forbidden=None),
    # Round 17 (was holdout17): measured untouched first (P 0.807, R 0.691, dates 0.804), then used for development.
    Floor("round17/labels.jsonl", 20, precision=0.98, recall=0.87, dates=0.91, forbidden=None),
    # Round 18 (was holdout18): measured untouched first (P 0.933, R 0.641, dates 0.754), then used for development.
    Floor("round18/labels.jsonl", 20, precision=0.98, recall=0.87, dates=0.94, forbidden=None),
    # Round 19 (was holdout19): measured untouched first (P 0.865, R 0.783, dates 0.729), then used for development.
    Floor("round19/labels.jsonl", 20, precision=0.98, recall=0.91, dates=0.86, forbidden=None),
    # Round 20 (was holdout20): measured untouched first (P 0.945, R 0.765, dates 0.905), then used for development.
    Floor("round20/labels.jsonl", 20, precision=0.94, recall=0.85, dates=0.95, forbidden=None),
]


def check(floor: Floor) -> None:
    report = evaluate_labels(EVAL / floor.labels)
    print(format_report(report))
    assert report.articles == floor.articles
    assert report.overall.precision >= floor.precision
    assert report.overall.recall >= floor.recall
    assert report.date_accuracy >= floor.dates
    if floor.forbidden is not None:
        assert report.forbidden_hits == list(floor.forbidden)


def test_seed_articles(seeds: Path) -> None:
    check(Floor("seeds.jsonl", 5, precision=1.0, recall=1.0, dates=1.0))


@pytest.mark.parametrize("floor", FLOORS, ids=lambda f: f.labels.split("/")[0])
def test_label_set_meets_its_floor(floor: Floor) -> None:
    check(floor)


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
