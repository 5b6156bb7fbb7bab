"""Write endpoints (bearer token) and /metrics (Prometheus) (issue 7); the access rules are in tracker.deps.

Bodies are capped, and CORS stays off unless origins are configured.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, Response
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from pydantic import BaseModel, Field
from sqlalchemy import func, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from db import repo
from db.engine import session_scope
from db.models import Document, HttpCache, JobRun
from tracker.deps import SessionDep, require_read, require_write
from tracker.settings import Settings, Subscriber
from tracker.views import source_health

router = APIRouter(prefix="/api/v1", dependencies=[Depends(require_write)], tags=["admin"])


class SourceUpdate(BaseModel):
    paused: bool


class SourceIn(BaseModel):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    kind: str
    url: str = ""
    interval: str = "30m"
    query: str = ""
    target: str = ""


@router.post("/sources", status_code=201)
def add_source(body: SourceIn, request: Request, s: SessionDep) -> dict[str, Any]:
    """Add a source beside the configured ones; the scheduler picks it up within a minute."""
    from jobs.fetch import sources_of
    from tracker.settings import SourceConfig
    from tracker.sources import kind_of

    settings: Settings = request.app.state.settings
    try:
        config = SourceConfig(**body.model_dump())
        kind_of(config)
    except (ValueError, KeyError) as exc:
        raise HTTPException(status_code=422, detail=str(exc.args[0] if exc.args else exc)) from exc
    if config.name in {c.name for c in sources_of(request.app.state.engine, settings)}:
        raise HTTPException(status_code=409, detail=f"a source named {config.name!r} exists")
    repo.add_api_source(
        s,
        name=config.name,
        kind=config.kind,
        url=config.url,
        interval=config.interval,
        query=config.query,
        target=config.target.upper(),
    )
    s.commit()
    return {**config.model_dump(), "origin": "api"}


@router.delete("/sources/{name}", status_code=204)
def remove_source(name: str, s: SessionDep) -> Response:
    if not repo.delete_api_source(s, name=name):
        raise HTTPException(status_code=404, detail=f"no API-added source {name!r} (configured ones stay)")
    s.commit()
    return Response(status_code=204)


@router.patch("/sources/{name}")
def update_source(name: str, body: SourceUpdate, request: Request, s: SessionDep) -> dict[str, Any]:
    """Pause or resume a source (kept across restarts)."""
    from jobs.fetch import sources_of

    settings: Settings = request.app.state.settings
    known = sources_of(request.app.state.engine, settings)
    if name not in {c.name for c in known}:
        raise HTTPException(status_code=404, detail=f"no source {name!r}")
    config = next(c for c in known if c.name == name)
    row = repo.set_source_paused(s, name=name, paused=body.paused)
    if row is None:
        repo.sync_sources(s, configured=[(c.name, c.kind, c.url, c.enabled) for c in settings.sources])
        row = repo.set_source_paused(s, name=name, paused=body.paused)
    s.commit()
    return {"name": name, "kind": config.kind, "paused": body.paused}


@router.post("/runs/{job}", status_code=202)
def trigger(
    job: Literal["fetch", "process", "digest"],
    request: Request,
    background: BackgroundTasks,
    source: str | None = None,
) -> dict[str, Any]:
    """Run a job now, in the background (202: accepted); its outcome is in /api/v1/health's recent jobs."""
    from jobs.digest import run_digests
    from jobs.fetch import fetch_cycle
    from jobs.process import process_pending
    from jobs.runner import Report, run_job

    settings: Settings = request.app.state.settings
    engine: Engine = request.app.state.engine
    from jobs.fetch import sources_of

    if source is not None and source not in {c.name for c in sources_of(engine, settings)}:
        raise HTTPException(status_code=404, detail=f"no source {source!r}")
    work: Callable[[], Report]
    if job == "fetch":
        work = partial(fetch_cycle, engine, settings, source)
    elif job == "process":
        work = partial(process_pending, engine, settings)
    else:
        work = partial(run_digests, engine, settings)
    background.add_task(run_job, engine, f"{job} (api)", work)
    return {"job": job, "source": source, "accepted": True}


@router.get("/subscribers")
def list_subscribers(request: Request, s: SessionDep) -> list[dict[str, Any]]:
    settings: Settings = request.app.state.settings
    configured = [{**sub.model_dump(), "origin": "config"} for sub in settings.subscribers]
    added = [{**sub.model_dump(), "origin": "api"} for sub in repo.api_subscribers(s)]
    return configured + added


@router.post("/subscribers", status_code=201)
def add_subscriber(body: Subscriber, request: Request, s: SessionDep) -> dict[str, Any]:
    settings: Settings = request.app.state.settings
    known = {sub.email.lower() for sub in [*settings.subscribers, *repo.api_subscribers(s)]}
    if body.email.lower() in known:
        raise HTTPException(status_code=409, detail=f"{body.email} is already a subscriber")
    repo.add_subscriber(s, subscriber=body)
    s.commit()
    return {**body.model_dump(), "origin": "api"}


@router.delete("/subscribers/{email}", status_code=204)
def remove_subscriber(email: str, s: SessionDep) -> Response:
    if not repo.delete_subscriber(s, email=email):
        raise HTTPException(status_code=404, detail=f"no API-added subscriber {email!r}")
    s.commit()
    return Response(status_code=204)


class _Collector:
    """Metrics read from the database at scrape time, so every process (API replica) reports the same truth."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine, self.settings = engine, settings

    def collect(self) -> Any:
        with session_scope(self.engine) as s:
            counts = repo.counts(s)
            fetches = int(s.exec(select(func.count()).select_from(HttpCache)).one())
            fetch_errors = int(s.exec(select(func.coalesce(func.sum(HttpCache.failures), 0))).one() or 0)
            runs = s.exec(select(JobRun.job, JobRun.status, func.count()).group_by(JobRun.job, JobRun.status)).all()
            durations = s.exec(
                select(JobRun.job, JobRun.started_at, JobRun.finished_at)
                .where(col(JobRun.finished_at).is_not(None))
                .order_by(col(JobRun.id).desc())
                .limit(500)
            ).all()
            health = source_health(s, self.settings.sources, datetime.now(UTC))
            digests = repo.digest_counts(s)
            depth = self._queue_depth(s)
            dropped = int(s.exec(select(func.count()).select_from(Document).where(Document.dropped_reason != "")).one())
        for name, value in (
            ("documents", counts["documents"]),
            ("mentions", counts["mentions"]),
            ("events", counts["events"]),
            ("changes", counts["changes"]),
            ("raw_documents", counts["raw_documents"]),
            ("documents_dropped", dropped),
        ):
            yield GaugeMetricFamily(f"tracker_{name}", f"Stored {name.replace('_', ' ')}", value=value)
        yield CounterMetricFamily("tracker_fetched_urls", "URLs fetched at least once", value=fetches)
        yield CounterMetricFamily("tracker_fetch_errors", "Failed fetch attempts recorded per URL", value=fetch_errors)
        job_runs = CounterMetricFamily("tracker_job_runs", "Job runs by job and status", labels=["job", "status"])
        for job, status, count in runs:
            job_runs.add_metric([job, status], count)
        yield job_runs
        last: dict[str, float] = {}
        for job, started, finished in durations:
            if job not in last and finished is not None:
                last[job] = (finished - started).total_seconds()
        duration = GaugeMetricFamily(
            "tracker_job_last_duration_seconds", "Duration of each job's last run", labels=["job"]
        )
        for job, seconds in sorted(last.items()):
            duration.add_metric([job], seconds)
        yield duration
        stale = GaugeMetricFamily(
            "tracker_source_stale", "1 when a source has not succeeded within two intervals", labels=["source"]
        )
        since = GaugeMetricFamily(
            "tracker_source_seconds_since_success", "Seconds since a source last succeeded", labels=["source"]
        )
        failures = GaugeMetricFamily(
            "tracker_source_consecutive_failures", "Consecutive failed runs", labels=["source"]
        )
        for h in health:
            stale.add_metric([str(h["name"])], 1.0 if h["stale"] else 0.0)
            if h["seconds_since_success"] is not None:
                since.add_metric([str(h["name"])], float(str(h["seconds_since_success"])))
            failures.add_metric([str(h["name"])], float(str(h["consecutive_failures"])))
        yield stale
        yield since
        yield failures
        queue = GaugeMetricFamily("tracker_queue_depth", "Tasks waiting in the queue", labels=["queue"])
        for name, value in depth.items():
            queue.add_metric([name], value)
        yield queue
        outbox = GaugeMetricFamily("tracker_digests", "Digests by outbox status", labels=["status"])
        for status, value in digests.items():
            outbox.add_metric([status], value)
        yield outbox

    def _queue_depth(self, s: Session) -> dict[str, int]:
        if s.get_bind().dialect.name != "postgresql":
            return {}
        if not s.execute(text("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")).scalar():
            return {}
        rows = s.execute(
            text("SELECT queue_name, count(*) FROM procrastinate_jobs WHERE status = 'todo' GROUP BY queue_name")
        ).all()
        return {str(name): int(count) for name, count in rows}


metrics_router = APIRouter(dependencies=[Depends(require_read)])


@metrics_router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    registry = CollectorRegistry()
    registry.register(_Collector(request.app.state.engine, request.app.state.settings))
    return Response(generate_latest(registry), media_type="text/plain; version=0.0.4; charset=utf-8")


class BodyLimit:
    """Refuse request bodies over the limit with 413, whether declared in Content-Length or streamed in chunks."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        # Read the body first (at most limit + 1 bytes), then replay it: the application never sees an oversized one.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            seen += len(chunks[-1])
            if seen > self.limit:
                await _too_large(send, self.limit)
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Any:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Any, limit: int) -> None:
    body = json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
