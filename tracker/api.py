"""The REST API (FastAPI). Response schemas live here, apart from the table models in db.models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import repo
from db.models import Event
from tracker import __version__
from tracker.countries import gazetteer
from tracker.records import EventType
from tracker.settings import Settings
from tracker.table import to_csv
from tracker.views import EventFilter, advisory_rows, change_dict, source_health

LEAVE_TYPES = {EventType.LEAVE_ADVISORY.value}
EMBASSY_TYPES = {EventType.EMBASSY_DRAWDOWN.value, EventType.EMBASSY_RELOCATION.value, EventType.EMBASSY_CLOSURE.value}


class AdvisoryRow(BaseModel):
    id: int
    issuer: str
    issuer_name: str
    target: str
    event_type: str
    status: str
    date: dt.date
    date_precision: str
    first_seen: str
    sources: list[str]
    episode: int
    closed_on: dt.date | None


class ChangeOut(BaseModel):
    id: int
    created_at: str
    kind: str
    event_id: int | None
    issuer: str
    issuer_name: str
    target: str
    event_type: str
    episode: int
    summary: str


class ChangesPage(BaseModel):
    changes: list[ChangeOut]
    next_after: int


class EvidenceOut(BaseModel):
    mention_id: int
    status: str
    date: dt.date
    date_precision: str
    evidence: str
    confidence: float
    document_title: str
    document_url: str
    published: dt.date | None


class EventOut(AdvisoryRow):
    evidence: list[EvidenceOut]


class TimelinePoint(BaseModel):
    date: dt.date
    leave_advisories: int
    embassy_actions: int


class Timeline(BaseModel):
    target: str
    name: str
    events: list[AdvisoryRow]
    series: list[TimelinePoint]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    database: str
    counts: dict[str, int]
    last_change_id: int
    recent_jobs: list[dict[str, Any]]


def _country(code: str | None, what: str) -> str | None:
    if code is None or code == "":
        return None
    upper = code.strip().upper()
    if not gazetteer().is_known(upper):
        raise HTTPException(status_code=422, detail=f"unknown {what} country code {code!r}: use ISO 3166-1 alpha-2")
    return upper


def _event_type(value: str | None) -> str | None:
    if not value:
        return None
    if value not in {t.value for t in EventType}:
        raise HTTPException(
            status_code=422, detail=f"unknown event_type {value!r}: one of " + ", ".join(t.value for t in EventType)
        )
    return value


def cumulative_series(rows: list[AdvisoryRow]) -> list[TimelinePoint]:
    """Per day, how many governments had advised leaving / acted on their embassy so far."""
    days = sorted({r.date for r in rows})
    points = []
    for day in days:
        leave = len({r.issuer for r in rows if r.event_type in LEAVE_TYPES and r.date <= day})
        embassy = len({r.issuer for r in rows if r.event_type in EMBASSY_TYPES and r.date <= day})
        points.append(TimelinePoint(date=day, leave_advisories=leave, embassy_actions=embassy))
    return points


def _session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


# Module level, so FastAPI can resolve the annotation (this module uses postponed annotations).
SessionDep = Annotated[Session, Depends(_session)]


def create_app(settings: Settings, engine: Engine) -> FastAPI:
    app = FastAPI(
        title="tracker",
        version=__version__,
        description="Which government told its citizens to leave which country, and when.",
    )
    app.state.engine = engine
    app.state.settings = settings

    @app.get("/api/v1/health", response_model=Health, responses={503: {"model": Health}})
    def health(s: SessionDep, response: Response) -> Health:
        try:
            s.execute(text("SELECT 1"))
            database = "ok"
        except Exception as exc:  # health must answer even when the database does not
            # 503 so load balancers and the container healthcheck see a daemon that cannot reach its database.
            response.status_code = 503
            return Health(
                status="degraded",
                version=__version__,
                database=f"error: {exc}",
                counts={},
                last_change_id=0,
                recent_jobs=[],
            )
        jobs = [
            {
                "job": r.job,
                "status": r.status,
                "started_at": r.started_at.isoformat(timespec="seconds"),
                "detail": r.detail,
                "error": r.error.splitlines()[0] if r.error else "",
            }
            for r in repo.recent_job_runs(s, limit=10)
        ]
        return Health(
            status="ok",
            version=__version__,
            database=database,
            counts=repo.counts(s),
            last_change_id=repo.last_change_id(s),
            recent_jobs=jobs,
        )

    @app.get("/api/v1/advisories", response_model=list[AdvisoryRow])
    def advisories(
        s: SessionDep,
        target: str | None = None,
        issuer: str | None = None,
        event_type: str | None = None,
        date_from: Annotated[dt.date | None, Query(alias="from")] = None,
        date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        format: Literal["json", "csv"] = "json",
    ) -> Any:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(status_code=422, detail="'from' is after 'to'")
        flt = EventFilter(
            target=_country(target, "target"),
            issuer=_country(issuer, "issuer"),
            event_type=_event_type(event_type),
            date_from=date_from,
            date_to=date_to,
        )
        rows = advisory_rows(s, flt)
        if format == "csv":
            return Response(to_csv(rows), media_type="text/csv; charset=utf-8")
        return [row.as_dict() for row in rows]

    @app.get("/api/v1/changes", response_model=ChangesPage)
    def changes(
        s: SessionDep,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
        target: str | None = None,
    ) -> Any:
        rows = repo.list_changes(s, after=after, limit=limit, target=_country(target, "target"))
        return {"changes": [change_dict(c) for c in rows], "next_after": rows[-1].id if rows else after}

    @app.get("/api/v1/countries/{cc}/timeline", response_model=Timeline)
    def timeline(cc: str, s: SessionDep) -> Any:
        code = _country(cc, "target")
        assert code is not None
        rows = [AdvisoryRow.model_validate(r.as_dict()) for r in advisory_rows(s, EventFilter(target=code))]
        return Timeline(target=code, name=gazetteer().name(code), events=rows, series=cumulative_series(rows))

    @app.get("/api/v1/events/{event_id}", response_model=EventOut)
    def event(event_id: int, s: SessionDep) -> Any:
        row = s.get(Event, event_id)
        if row is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id}")
        base = advisory_rows(s, EventFilter(target=row.target, issuer=row.issuer, event_type=row.event_type))
        match = next(r for r in base if r.id == event_id)
        evidence = [
            EvidenceOut(
                mention_id=m.id or 0,
                status=m.status,
                date=m.date,
                date_precision=m.date_precision,
                evidence=m.evidence,
                confidence=m.confidence,
                document_title=d.title,
                document_url=d.url,
                published=d.published,
            )
            for m, d in repo.event_mentions(s, event_id=event_id)
        ]
        return EventOut.model_validate({**match.as_dict(), "evidence": evidence})

    @app.get("/api/v1/sources")
    def sources(s: SessionDep) -> list[dict[str, Any]]:
        return source_health(s, settings.sources, datetime.now(UTC))

    @app.get("/api/v1/levels")
    def levels(s: SessionDep, target: str | None = None) -> list[dict[str, Any]]:
        """Official advisory levels per (issuer, target, source): native label and normalised level 1-4."""
        return [
            {
                "source": r.source,
                "issuer": r.issuer,
                "issuer_name": gazetteer().name(r.issuer),
                "target": r.target,
                "native_label": r.native_label,
                "level": r.level,
                "scope": r.scope,
                "leave": r.leave,
                "source_updated_at": r.source_updated_at.isoformat() if r.source_updated_at else None,
                "seen_at": r.seen_at.isoformat(timespec="seconds"),
                "url": r.url,
                "summary": r.summary,
            }
            for r in repo.list_levels(s, target=_country(target, "target"))
        ]

    return app
