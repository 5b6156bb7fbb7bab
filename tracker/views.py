"""Read models shared by the CLI and the API: the advisory table, timelines and changes as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from db import repo
from db.models import Change, Event
from tracker.countries import gazetteer
from tracker.settings import SourceConfig
from tracker.table import TableRow


@dataclass(frozen=True, slots=True)
class EventFilter:
    target: str | None = None
    issuer: str | None = None
    event_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def _row(event: Event, sources: list[str]) -> TableRow:
    assert event.id is not None
    return TableRow(
        id=event.id,
        issuer=event.issuer,
        issuer_name=gazetteer().name(event.issuer),
        target=event.target,
        event_type=event.event_type,
        status=event.status,
        date=event.date.isoformat(),
        date_precision=event.date_precision,
        first_seen=event.first_seen.isoformat(timespec="seconds"),
        sources=tuple(sources),
        episode=event.episode,
        closed_on=event.closed_on.isoformat() if event.closed_on else None,
    )


def advisory_rows(
    session: Session, flt: EventFilter, *, limit: int | None = None, after: tuple[date, int] | None = None
) -> list[TableRow]:
    events = repo.list_events(
        session,
        target=flt.target,
        issuer=flt.issuer,
        event_type=flt.event_type,
        date_from=flt.date_from,
        date_to=flt.date_to,
        limit=limit,
        after=after,
    )
    return rows_of(session, events)


def rows_of(session: Session, events: list[Event]) -> list[TableRow]:
    """Table rows of events already loaded, with their sources read in one query."""
    sources = repo.event_sources(session, event_ids=[e.id for e in events if e.id is not None])
    return [_row(e, sources.get(e.id or 0, [])) for e in events]


def change_dict(change: Change) -> dict[str, object]:
    return {
        "id": change.id,
        "created_at": change.created_at.isoformat(timespec="seconds"),
        "kind": change.kind,
        "event_id": change.event_id,
        "issuer": change.issuer,
        "issuer_name": gazetteer().name(change.issuer),
        "target": change.target,
        "event_type": change.event_type,
        "episode": change.episode,
        "summary": change.summary,
    }


def source_health(session: Session, sources: list[SourceConfig], now: datetime) -> list[dict[str, object]]:
    """Configured sources with their health: last success and error, consecutive failures, staleness.

    A source is stale when it has not succeeded within two of its intervals (or never, once it has been tried).
    """
    rows = {row.name: row for row in repo.list_sources(session)}
    result: list[dict[str, object]] = []
    for config in sources:
        row = rows.get(config.name)
        last_success = row.last_success_at if row else None
        age = (now - last_success).total_seconds() if last_success else None
        tried = bool(row and row.last_attempt_at)
        stale = (age is None and tried) or (age is not None and age > 2 * config.interval_seconds)
        result.append(
            {
                "name": config.name,
                "kind": config.kind,
                "url": config.url,
                "enabled": config.enabled,
                "interval": config.interval,
                "last_attempt_at": row.last_attempt_at.isoformat(timespec="seconds")
                if row and row.last_attempt_at
                else None,
                "last_success_at": last_success.isoformat(timespec="seconds") if last_success else None,
                "last_error_at": row.last_error_at.isoformat(timespec="seconds") if row and row.last_error_at else None,
                "last_error": row.last_error if row else "",
                "consecutive_failures": row.consecutive_failures if row else 0,
                "seconds_since_success": round(age) if age is not None else None,
                "stale": stale,
            }
        )
    return result
