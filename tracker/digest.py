"""The daily digest: what changed for a subscriber's countries, as a plain-text and HTML message (pure).

Rendering is separate from sending: jobs/digest.py records the rendered message in the outbox first, then sends.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from db.models import Change, Event
from tracker.countries import gazetteer
from tracker.records import CLOSING_TYPES, EMBASSY_TYPES
from tracker.settings import Subscriber

# Subject wording per event type, singular and plural.
NOUNS = {
    "leave_advisory": ("new leave advisory", "new leave advisories"),
    "embassy_drawdown": ("embassy drawdown", "embassy drawdowns"),
    "embassy_relocation": ("embassy relocation", "embassy relocations"),
    "embassy_closure": ("embassy closure", "embassy closures"),
    "embassy_return": ("embassy return", "embassy returns"),
    "advisory_lifted": ("lifted advisory", "lifted advisories"),
}

_env = Environment(
    loader=PackageLoader("tracker", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Line:
    issuer: str
    target: str
    what: str
    date: str
    status: str
    link: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class DayBar:
    day: dt.date
    leave: int
    embassy: int


@dataclass
class Digest:
    subject: str
    text: str
    html: str
    change_count: int
    sections: dict[str, list[Line]] = field(default_factory=dict)


def wanted(change: Change, subscriber: Subscriber) -> bool:
    """Whether a change is about what the subscriber follows (empty filters follow everything)."""
    return (
        (not subscriber.targets or change.target in subscriber.targets)
        and (not subscriber.issuers or change.issuer in subscriber.issuers)
        and (not subscriber.event_types or change.event_type in subscriber.event_types or change.kind == "level")
    )


def subject_line(targets: Sequence[str], counts: Counter[str], total: int) -> str:
    prefix = ", ".join(targets) if targets else "All countries"
    parts = []
    for event_type, (one, many) in NOUNS.items():
        if counts[event_type]:
            parts.append(f"{counts[event_type]} {one if counts[event_type] == 1 else many}")
    if not parts:
        parts.append(f"{total} update{'s' if total != 1 else ''}" if total else "no changes")
    return f"{prefix}: " + ", ".join(parts)


def _line(change: Change, events: dict[int, Event], base_url: str) -> Line:
    names = gazetteer()
    event = events.get(change.event_id or -1)
    if event is not None:
        bound = "" if event.date_precision == "day" else " (on or before)"
        when, status = f"{event.date.isoformat()}{bound}", event.status.replace("_", " ")
        link = f"{base_url}/events/{event.id}"
    else:
        when, status, link = change.created_at.date().isoformat(), "", f"{base_url}/?target={change.target}"
    note = change.summary if change.kind in ("revised", "retracted", "level") else ""
    return Line(
        names.name(change.issuer),
        names.name(change.target),
        change.event_type.replace("_", " "),
        when,
        status,
        link,
        note,
    )


def compose(
    subscriber: Subscriber,
    day: dt.date,
    changes: Sequence[Change],
    events: dict[int, Event],
    problems: Sequence[str],
    bars: Sequence[DayBar],
    base_url: str,
) -> Digest:
    """The digest for one subscriber and day from the changes it covers (already filtered)."""
    sections: dict[str, list[Line]] = {
        "New leave advisories": [],
        "Embassy drawdowns, relocations and closures": [],
        "Returns and lifted advisories": [],
        "Official advice levels": [],
        "Revisions": [],
    }
    counts: Counter[str] = Counter()
    for change in changes:
        line = _line(change, events, base_url)
        if change.kind == "level":
            sections["Official advice levels"].append(line)
        elif change.kind in ("revised", "retracted"):
            sections["Revisions"].append(line)
        elif change.event_type in CLOSING_TYPES:
            sections["Returns and lifted advisories"].append(line)
            counts[change.event_type] += 1
        elif change.event_type == "leave_advisory":
            sections["New leave advisories"].append(line)
            counts[change.event_type] += 1
        elif change.event_type in EMBASSY_TYPES:
            sections["Embassy drawdowns, relocations and closures"].append(line)
            counts[change.event_type] += 1
    subject = subject_line(subscriber.targets, counts, len(changes))
    top = max([1, *(b.leave + b.embassy for b in bars)])
    context = {
        "subscriber": subscriber,
        "day": day,
        "subject": subject,
        "sections": sections,
        "problems": problems,
        "bars": bars,
        "top": top,
        "base_url": base_url,
        "total": len(changes),
    }
    return Digest(
        subject=subject,
        text=_env.get_template("digest.txt").render(**context),
        html=_env.get_template("digest.html").render(**context),
        change_count=len(changes),
        sections=sections,
    )
