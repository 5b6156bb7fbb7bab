"""`tracker run`: the scheduler and the API in one process on the embedded default (DESIGN §7).

uvicorn owns the main thread and SIGINT/SIGTERM; when it returns, the scheduler is shut down waiting for the job
in progress. Each document commits in its own transaction, so a stop never leaves half a document behind.
"""

from __future__ import annotations

import contextlib
import logging
import random
import signal
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial

import uvicorn
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from jobs.digest import run_digests
from jobs.fetch import fetch_cycle
from jobs.inbox import ingest_inbox
from jobs.process import process_pending
from jobs.runner import run_job
from tracker.api import create_app
from tracker.settings import Settings

log = logging.getLogger("tracker.daemon")


def build_scheduler(engine: Engine, settings: Settings) -> BackgroundScheduler:
    # One worker for the pipeline: documents are processed one at a time, so two jobs never reconcile the same
    # family concurrently. Coalesce + max_instances=1: a slow run never overlaps itself, missed runs merge.
    scheduler = BackgroundScheduler(
        executors={
            "default": ThreadPoolExecutor(max_workers=1),
            "fetch": ThreadPoolExecutor(max_workers=4),
            "mail": ThreadPoolExecutor(max_workers=1),
        },
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        timezone=UTC,
    )
    now = datetime.now(UTC)
    scheduler.add_job(
        run_job,
        "interval",
        seconds=settings.jobs.inbox_seconds,
        id="inbox",
        name="inbox",
        args=[engine, "inbox", lambda: ingest_inbox(engine, settings)],
        next_run_time=now,
    )
    scheduler.add_job(
        run_job,
        "interval",
        seconds=settings.jobs.process_seconds,
        id="process",
        name="process",
        args=[engine, "process", lambda: process_pending(engine, settings)],
        next_run_time=now + timedelta(seconds=random.uniform(1, 5)),
    )
    # Digests on their own pool: a dead SMTP server is retried with backoff and never holds up another job.
    scheduler.add_job(
        run_job,
        "interval",
        seconds=60,
        id="digest",
        name="digest",
        executor="mail",
        args=[engine, "digest", partial(run_digests, engine, settings)],
        next_run_time=now + timedelta(seconds=random.uniform(2, 8)),
    )
    # Each source is its own job on the fetch pool: a slow or failing source never delays another, and never
    # overlaps itself. Jitter spreads sources that share an interval; coalescing merges runs missed while down.
    for config in settings.sources:
        if not config.enabled:
            continue
        scheduler.add_job(
            run_job,
            "interval",
            seconds=config.interval_seconds,
            jitter=max(1, config.interval_seconds // 10),
            id=f"fetch:{config.name}",
            name=f"fetch:{config.name}",
            executor="fetch",
            args=[engine, f"fetch:{config.name}", partial(fetch_cycle, engine, settings, config.name)],
            next_run_time=now + timedelta(seconds=random.uniform(0, 10)),
        )
    return scheduler


class _Server(uvicorn.Server):
    """uvicorn re-raises a caught SIGINT/SIGTERM after shutting down, which would kill us before the scheduler
    stops; we take the signals ourselves, ask the server to exit, and shut the scheduler down in order."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def serve(settings: Settings, engine: Engine, host: str, port: int, with_scheduler: bool) -> None:
    scheduler = build_scheduler(engine, settings) if with_scheduler else None
    app = create_app(settings, engine)
    server = _Server(uvicorn.Config(app, host=host, port=port, log_level="info", access_log=False))

    def request_exit(signum: int, _frame: object) -> None:
        log.info("received %s, shutting down", signal.Signals(signum).name)
        server.should_exit = True

    signal.signal(signal.SIGINT, request_exit)
    signal.signal(signal.SIGTERM, request_exit)
    if scheduler is not None:
        scheduler.start()
        log.info("scheduler started with jobs: %s", ", ".join(j.id for j in scheduler.get_jobs()))
    try:
        server.run()
    finally:
        if scheduler is not None:
            log.info("stopping scheduler; waiting for the running job to finish")
            scheduler.shutdown(wait=True)
        engine.dispose()
        log.info("stopped")
