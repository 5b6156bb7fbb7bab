"""Scale-out on an existing PostgreSQL-backed task queue (procrastinate), not a home-made one (DESIGN §7).

The leader scheduler defers tasks; `tracker worker` processes on any machine run them. Tasks are idempotent:
processing a raw document takes the writers' lock and skips a document already processed, so a task retried after
its worker was killed (its transaction rolled back with it) neither duplicates nor loses anything.
"""

from __future__ import annotations

import logging

import procrastinate
from sqlalchemy.engine import make_url

from tracker.settings import Settings

log = logging.getLogger("tracker.queue")
QUEUES = ["fetch", "process"]


def libpq_url(database_url: str) -> str:
    """procrastinate speaks libpq: postgresql+psycopg://... -> postgresql://..."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise ValueError("the task queue needs PostgreSQL (TRACKER_DATABASE_URL=postgresql+psycopg://...)")
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def build_app(settings: Settings, *, worker: bool = False) -> procrastinate.App:
    """The queue app with tracker's tasks, closing over the settings (none are read at import time).

    A worker runs on procrastinate's async connector (its tasks still run as plain functions, in threads); code
    that only defers, like the scheduler, uses the synchronous one.
    """
    from db.engine import make_engine
    from jobs.fetch import fetch_cycle
    from jobs.process import process_raw_ids

    engine = make_engine(settings.database_url)
    conninfo = libpq_url(settings.database_url)
    connector: procrastinate.BaseConnector = (
        procrastinate.PsycopgConnector(conninfo=conninfo)
        if worker
        else procrastinate.SyncPsycopgConnector(conninfo=conninfo)
    )
    app = procrastinate.App(connector=connector)

    @app.task(name="process_raw", queue="process", retry=procrastinate.RetryStrategy(max_attempts=5, wait=5))
    def process_raw(raw_id: int) -> None:
        report = process_raw_ids(engine, settings, [raw_id])
        if report.errors:
            raise RuntimeError("; ".join(report.errors))

    @app.task(name="fetch_source", queue="fetch")
    def fetch_source(name: str) -> None:
        fetch_cycle(engine, settings, name)

    return app


SCHEMA_LOCK = 727_102  # serialises schema creation between processes starting at once


def apply_schema(settings: Settings) -> bool:
    """Create procrastinate's tables once; False when they were already there. Safe to call from many processes."""
    from sqlalchemy import text

    from db.engine import make_engine

    engine = make_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SCHEMA_LOCK})
            try:
                if connection.execute(text("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")).scalar():
                    return False
                app = build_app(settings)
                with app.open():
                    app.schema_manager.apply_schema()
                return True
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCHEMA_LOCK})
                connection.commit()
    finally:
        engine.dispose()


def defer_pending(app: procrastinate.App, raw_ids: list[int]) -> int:
    """Queue one processing task per raw document; a queueing lock keeps a document from being queued twice."""
    deferred = 0
    for raw_id in raw_ids:
        try:
            app.configure_task("process_raw", queueing_lock=f"raw-{raw_id}").defer(raw_id=raw_id)
            deferred += 1
        except procrastinate.exceptions.AlreadyEnqueued:
            pass
    return deferred


def defer_fetch(app: procrastinate.App, name: str) -> bool:
    try:
        app.configure_task("fetch_source", queueing_lock=f"fetch-{name}").defer(name=name)
        return True
    except procrastinate.exceptions.AlreadyEnqueued:
        return False


def retry_stalled(settings: Settings) -> int:
    """Requeue jobs whose worker stopped sending heartbeats (killed, or its machine died)."""
    import asyncio

    async def run() -> int:
        app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=libpq_url(settings.database_url)))
        async with app.open_async():
            after = settings.queue.stalled_after_seconds
            stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=after))
            for job in stalled:
                log.warning("requeueing job %s (%s): its worker stopped", job.id, job.task_name)
                await app.job_manager.retry_job(job)
            await app.job_manager.prune_stalled_workers(seconds_since_heartbeat=after)
            return len(stalled)

    return asyncio.run(run())
