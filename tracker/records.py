"""Frozen, typed records that flow between the pipeline stages (DESIGN §2).

Stages are pure functions over these; only the edges (fetch, ingest, the database) do I/O.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class EventType(StrEnum):
    LEAVE_ADVISORY = "leave_advisory"
    EMBASSY_DRAWDOWN = "embassy_drawdown"
    EMBASSY_RELOCATION = "embassy_relocation"
    EMBASSY_CLOSURE = "embassy_closure"
    EMBASSY_RETURN = "embassy_return"
    ADVISORY_LIFTED = "advisory_lifted"


# An opposite event closes the episode of the types it names (DESIGN §4).
CLOSES: dict[EventType, frozenset[EventType]] = {
    EventType.ADVISORY_LIFTED: frozenset({EventType.LEAVE_ADVISORY}),
    EventType.EMBASSY_RETURN: frozenset(
        {EventType.EMBASSY_DRAWDOWN, EventType.EMBASSY_RELOCATION, EventType.EMBASSY_CLOSURE}
    ),
}
# The two families the timeline and the digest count: telling nationals to leave, and acting on the embassy.
LEAVE_TYPES = frozenset(t.value for t in CLOSES[EventType.ADVISORY_LIFTED])
EMBASSY_TYPES = frozenset(t.value for t in CLOSES[EventType.EMBASSY_RETURN])
CLOSING_TYPES = frozenset(t.value for t in CLOSES)


class Status(StrEnum):
    IN_EFFECT = "in_effect"
    PLANNED = "planned"
    REPORTED = "reported"


# How strongly a status asserts that the act happened; reconciliation keeps the strongest.
STATUS_STRENGTH: dict[Status, int] = {Status.PLANNED: 0, Status.REPORTED: 1, Status.IN_EFFECT: 2}


class DatePrecision(StrEnum):
    DAY = "day"
    ON_OR_BEFORE = "on_or_before"
    APPROXIMATE = "approximate"


class ChangeKind(StrEnum):
    NEW = "new"
    REVISED = "revised"
    LIFTED = "lifted"
    REVERSED = "reversed"
    # Reprocessing with a better extractor can remove the only evidence for an event.
    RETRACTED = "retracted"


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes exactly as fetched or read from disk; never mutated once stored."""

    url: str
    fetched_at: datetime
    body: bytes
    status: int = 200
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    source: str = "file"

    @property
    def sha256(self) -> str:
        return sha256_hex(self.body)


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed article: clean text plus the metadata the extractor needs."""

    url: str
    title: str
    text: str
    published: dt.date | None
    source: str
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Mention:
    """One sentence's claim that an issuer's government did one thing about one target."""

    issuer: str
    target: str
    event_type: EventType
    status: Status
    date: dt.date
    date_precision: DatePrecision
    evidence: str
    start: int
    end: int
    confidence: float
    explain: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventKey:
    issuer: str
    target: str
    event_type: EventType


@dataclass(frozen=True, slots=True)
class EventState:
    """The reconciled view of one episode, as reconcile computes it."""

    issuer: str
    target: str
    event_type: EventType
    episode: int
    status: Status
    date: dt.date
    date_precision: DatePrecision
    first_seen: datetime
    source_count: int
    mention_count: int
    closed_on: dt.date | None = None

    @property
    def key(self) -> EventKey:
        return EventKey(self.issuer, self.target, self.event_type)


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    kind: ChangeKind
    issuer: str
    target: str
    event_type: EventType
    episode: int
    summary: str
