"""Score the extractor on labelled articles (`tracker eval LABELS`).

Scoring is at the level of (article, issuer, target, event_type), as the acceptance targets are stated. The date
of a predicted key is reconciled the way events are (earliest credible day, else the bound), and date accuracy
counts the expected keys whose label gives a day. Label format: tests/eval/README.md.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from tracker.dates import infer_anchor
from tracker.errors import InputError, TrackerError
from tracker.extract import extract
from tracker.ingest import read_article
from tracker.parse import parse_document
from tracker.reconcile import MentionFact, summarise
from tracker.records import DatePrecision, EventType, Mention

Key = tuple[str, str, str]  # issuer, target, event_type


@dataclass(frozen=True, slots=True)
class Expected:
    key: Key
    status: str
    date: date | None
    precision: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    articles: int = 0
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    overall: Counts = field(default_factory=Counts)
    dated: int = 0
    dated_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)
    forbidden_hits: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dated_right / self.dated if self.dated else 1.0


def _parse_label(line: str, where: str) -> dict[str, object]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise TrackerError(f"{where}: invalid JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or "file" not in data:
        raise TrackerError(f"{where}: a label needs at least a 'file'")
    return data


def _expected(items: object) -> list[Expected]:
    result = []
    for item in items or []:  # type: ignore[attr-defined]
        key = (item["issuer"], item["target"], item["event_type"])
        day = date.fromisoformat(item["date"]) if item.get("date") else None
        result.append(Expected(key, item.get("status", "in_effect"), day, item.get("date_precision", "")))
    return result


def _matches(rule: dict[str, str], key: Key) -> bool:
    return all(
        rule.get(field_name) in (None, value)
        for field_name, value in zip(("issuer", "target", "event_type"), key, strict=True)
    )


def predicted_dates(mentions: list[Mention]) -> dict[Key, tuple[date, DatePrecision]]:
    grouped: dict[Key, list[MentionFact]] = defaultdict(list)
    now = datetime.now(UTC)
    for index, m in enumerate(mentions):
        grouped[(m.issuer, m.target, m.event_type.value)].append(
            MentionFact(index, 0, m.issuer, m.target, m.event_type, m.status, m.date, m.date_precision, now)
        )
    result = {}
    for key, facts in grouped.items():
        state = summarise(facts, EventType(key[2]), 1)
        result[key] = (state.date, state.date_precision)
    return result


def evaluate_article(path: Path, label: dict[str, object], default_target: str, report: EvalReport) -> None:
    document = parse_document(read_article(path, source="eval", now=datetime.now(UTC)))
    published = label.get("published")
    anchor = (
        (date.fromisoformat(str(published)) if published else None)
        or document.published
        or infer_anchor(document.text, date.today())
    )
    target = str(label.get("target") or default_target)
    mentions = extract(document, anchor, target)
    predicted = predicted_dates(mentions)
    expected = {e.key: e for e in _expected(label.get("expected"))}
    optional = [dict(o) for o in label.get("optional", []) or []]  # type: ignore[attr-defined]
    forbidden = [dict(o) for o in label.get("forbidden", []) or []]  # type: ignore[attr-defined]
    name = str(label["file"])
    report.articles += 1
    for key, exp in expected.items():
        counts = report.per_type[key[2]]
        if key in predicted:
            counts.tp += 1
            report.overall.tp += 1
            if exp.precision == DatePrecision.DAY.value and exp.date:
                report.dated += 1
                got = predicted[key]
                if got[0] == exp.date and got[1] is DatePrecision.DAY:
                    report.dated_right += 1
                else:
                    report.wrong_dates.append(f"{name}: {'/'.join(key)} expected {exp.date} got {got[0]} ({got[1]})")
        else:
            counts.fn += 1
            report.overall.fn += 1
            report.misses.append(f"{name}: missed {'/'.join(key)}")
    for key in predicted:
        if key in expected or any(_matches(o, key) for o in optional):
            continue
        report.per_type[key[2]].fp += 1
        report.overall.fp += 1
        evidence = next(m.evidence for m in mentions if (m.issuer, m.target, m.event_type.value) == key)
        report.false_positives.append(f"{name}: false {'/'.join(key)} <- {evidence[:160]}")
        if any(_matches(f, key) for f in forbidden):
            report.forbidden_hits.append(f"{name}: forbidden {'/'.join(key)}")


def evaluate_labels(labels: Path, default_target: str = "UA") -> EvalReport:
    if not labels.is_file():
        raise TrackerError(f"labels file not found: {labels}")
    report = EvalReport()
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        label = _parse_label(line, f"{labels}:{number}")
        path = (labels.parent / str(label["file"])).resolve()
        try:
            evaluate_article(path, label, default_target, report)
        except InputError as exc:
            raise TrackerError(f"{labels}:{number}: {exc}") from exc
    return report


def format_report(report: EvalReport, show_errors: bool = True) -> str:
    lines = [
        f"articles: {report.articles}",
        f"{'event_type':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'f1':>6}",
    ]
    for name in sorted(report.per_type):
        c = report.per_type[name]
        lines.append(f"{name:<20} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.precision:>9.3f} {c.recall:>7.3f} {c.f1:>6.3f}")
    o = report.overall
    lines.append(f"{'overall':<20} {o.tp:>4} {o.fp:>4} {o.fn:>4} {o.precision:>9.3f} {o.recall:>7.3f} {o.f1:>6.3f}")
    lines.append(f"date accuracy: {report.date_accuracy:.3f} ({report.dated_right}/{report.dated} day-dated keys)")
    lines.append(f"forbidden issuers reported: {len(report.forbidden_hits)}")
    if show_errors:
        for title, items in (
            ("misses", report.misses),
            ("false positives", report.false_positives),
            ("wrong dates", report.wrong_dates),
        ):
            if items:
                lines.append(f"\n{title} ({len(items)}):")
                lines.extend(f"  {item}" for item in items)
    return "\n".join(lines)
