"""The REST API (FastAPI). Response schemas live here, apart from the table models in db.models."""

from __future__ import annotations

import base64
import datetime as dt
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import repo
from db.models import Event
from tracker import __version__
from tracker.admin import BodyLimit, metrics_router
from tracker.admin import router as admin_router
from tracker.countries import gazetteer
from tracker.deps import SessionDep, require_read
from tracker.httpcache import HttpCache
from tracker.records import EventType
from tracker.settings import Settings
from tracker.table import to_csv
from tracker.views import EventFilter, advisory_rows, change_dict, rows_of, source_health
from tracker.web import router as web_router
from tracker.web import timeline_points


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
    digests: dict[str, Any] = {}


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


def encode_cursor(day: dt.date, event_id: int) -> str:
    return base64.urlsafe_b64encode(f"{day.isoformat()}|{event_id}".encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[dt.date, int]:
    try:
        day, event_id = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode().split("|")
        return dt.date.fromisoformat(day), int(event_id)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(status_code=422, detail="invalid cursor: use the X-Next-Cursor of a previous page") from exc


def create_app(settings: Settings, engine: Engine) -> FastAPI:
    app = FastAPI(
        dependencies=[Depends(require_read)],
        title="tracker",
        version=__version__,
        description="Which government told its citizens to leave which country, and when.",
    )
    app.state.engine = engine
    app.state.settings = settings

    def data_version() -> int:
        with Session(engine) as session:
            return repo.data_version(session)

    app.add_middleware(
        HttpCache, version=data_version, enabled=lambda: settings.api.response_cache and not settings.api.protect_reads
    )
    app.add_middleware(BodyLimit, limit=settings.api.max_body_bytes)
    if settings.api.cors_origins:  # off unless asked for: the API serves its own page, same origin
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.api.cors_origins,
            allow_methods=["GET"],
            allow_headers=["Authorization"],
        )
    app.include_router(web_router)
    app.include_router(admin_router)
    app.include_router(metrics_router)

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
            digests={"by_status": repo.digest_counts(s), "last_error": repo.last_digest_error(s)},
        )

    @app.get("/api/v1/advisories", response_model=list[AdvisoryRow])
    def advisories(
        s: SessionDep,
        request: Request,
        response: Response,
        target: str | None = None,
        issuer: str | None = None,
        event_type: str | None = None,
        date_from: Annotated[dt.date | None, Query(alias="from")] = None,
        date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        format: Literal["json", "csv"] = "json",
        limit: Annotated[int, Query(ge=1, le=5000)] = 200,
        cursor: str | None = None,
    ) -> Any:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(status_code=422, detail="'from' is after 'to'")
        after = decode_cursor(cursor) if cursor else None
        flt = EventFilter(
            target=_country(target, "target"),
            issuer=_country(issuer, "issuer"),
            event_type=_event_type(event_type),
            date_from=date_from,
            date_to=date_to,
        )
        # One row more than asked tells whether a next page exists.
        rows = advisory_rows(s, flt, limit=limit + 1, after=after)
        headers = {}
        if len(rows) > limit:
            rows = rows[:limit]
            token = encode_cursor(dt.date.fromisoformat(rows[-1].date), rows[-1].id)
            next_url = str(request.url.include_query_params(cursor=token))
            headers = {"Link": f'<{next_url}>; rel="next"', "X-Next-Cursor": token}
        if format == "csv":
            return Response(to_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)
        response.headers.update(headers)
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
        events = repo.list_events(s, target=code)
        rows = [AdvisoryRow.model_validate(r.as_dict()) for r in rows_of(s, events)]
        series = [
            TimelinePoint(date=p.day, leave_advisories=p.leave, embassy_actions=p.embassy)
            for p in timeline_points(events)
        ]
        return Timeline(target=code, name=gazetteer().name(code), events=rows, series=series)

    @app.get("/api/v1/events/{event_id}", response_model=EventOut)
    def event(event_id: int, s: SessionDep) -> Any:
        row = s.get(Event, event_id)
        if row is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id}")
        (match,) = rows_of(s, [row])
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
        from jobs.fetch import sources_of

        return source_health(s, sources_of(engine, settings), datetime.now(UTC))

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
