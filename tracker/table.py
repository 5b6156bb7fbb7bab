"""The per-country, per-date advisory table as rows, and its renderings (CSV header per DESIGN §5)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

CSV_HEADER = (
    "issuer",
    "issuer_name",
    "target",
    "event_type",
    "status",
    "date",
    "date_precision",
    "first_seen",
    "sources",
)


@dataclass(frozen=True, slots=True)
class TableRow:
    id: int
    issuer: str
    issuer_name: str
    target: str
    event_type: str
    status: str
    date: str
    date_precision: str
    first_seen: str
    sources: tuple[str, ...]
    episode: int = 1
    closed_on: str | None = None

    def as_dict(self) -> dict[str, object]:
        # Spelled out: dataclasses.asdict deep-copies every field and is ten times slower on a 1,000-row page.
        return {
            "id": self.id,
            "issuer": self.issuer,
            "issuer_name": self.issuer_name,
            "target": self.target,
            "event_type": self.event_type,
            "status": self.status,
            "date": self.date,
            "date_precision": self.date_precision,
            "first_seen": self.first_seen,
            "sources": list(self.sources),
            "episode": self.episode,
            "closed_on": self.closed_on,
        }


def to_csv(rows: Sequence[TableRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            [
                row.issuer,
                row.issuer_name,
                row.target,
                row.event_type,
                row.status,
                row.date,
                row.date_precision,
                row.first_seen,
                " ".join(row.sources),
            ]
        )
    return buffer.getvalue()


def to_json(rows: Sequence[TableRow]) -> str:
    return json.dumps([row.as_dict() for row in rows], indent=2, ensure_ascii=False)


def to_text(rows: Sequence[TableRow]) -> str:
    """An aligned plain-text table for the terminal."""
    header = ("DATE", "PRECISION", "ISSUER", "NAME", "TARGET", "EVENT", "STATUS", "SOURCES")
    lines = [header] + [
        (r.date, r.date_precision, r.issuer, r.issuer_name[:24], r.target, r.event_type, r.status, str(len(r.sources)))
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines)
