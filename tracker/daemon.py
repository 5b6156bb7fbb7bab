"""`tracker run`: the scheduler and the API, in one process or by role (DESIGN §7).

Roles: `all` (the embedded default: scheduler + API, jobs run in-process), `api` (stateless, any number),
`scheduler` (elected leader; defers fetch and processing to the task queue), `worker` (runs queued tasks).
The scheduler only runs while this process holds leadership (tracker.leader); a standby retries every few seconds.
SIGINT/SIGTERM stop everything in order: the API, then the scheduler waiting for the job in progress. Each document
commits in its own transaction, so a stop never leaves half a document behind.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import uvicorn
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from jobs.digest import run_digests
from jobs.fetch import fetch_cycle, sources_of
from jobs.inbox import ingest_inbox
from jobs.process import process_pending
from jobs.runner import run_job
from tracker.api import create_app
from tracker.leader import Leadership
from tracker.settings import Settings

log = logging.getLogger("tracker.daemon")


LEADER_POLL_SECONDS = 5.0


FetchRunner = Callable[[str], Any]


def _every(
    scheduler: BackgroundScheduler, engine: Engine, job: str, seconds: int, work: Callable[[], Any], **options: Any
) -> None:
    """Schedule `work` every `seconds` under run_job, which records each run under the job's name (also its id)."""
    scheduler.add_job(run_job, "interval", seconds=seconds, id=job, name=job, args=[engine, job, work], **options)


def _schedule_fetches(
    scheduler: BackgroundScheduler, engine: Engine, settings: Settings, runner: FetchRunner, executor: str
) -> None:
    """Keep one fetch job per enabled source, configured or added through the API, and refresh every minute.

    Each source is its own job: a slow or failing source never delays another and never overlaps itself. Jitter
    spreads sources that share an interval; coalescing merges runs missed while the daemon was down.
    """

    def sync() -> _Done:
        wanted = {c.name: c for c in sources_of(engine, settings) if c.enabled}
        current = {job.id.removeprefix("fetch:") for job in scheduler.get_jobs() if job.id.startswith("fetch:")}
        for name in current - set(wanted):
            scheduler.remove_job(f"fetch:{name}")
        for name in set(wanted) - current:
            config = wanted[name]
            _every(
                scheduler,
                engine,
                f"fetch:{name}",
                config.interval_seconds,
                partial(runner, name),
                jitter=max(1, config.interval_seconds // 10),
                executor=executor,
                next_run_time=datetime.now(UTC) + timedelta(seconds=random.uniform(0, 10)),
            )
        return _Done(f"{len(wanted)} sources scheduled")

    sync()
    _every(scheduler, engine, "sources", 60, sync)


def _in_process_jobs(scheduler: BackgroundScheduler, engine: Engine, settings: Settings, now: datetime) -> None:
    _every(
        scheduler,
        engine,
        "process",
        settings.jobs.process_seconds,
        partial(process_pending, engine, settings),
        next_run_time=now + timedelta(seconds=random.uniform(1, 5)),
    )
    _schedule_fetches(scheduler, engine, settings, partial(fetch_cycle, engine, settings), "fetch")


def _queued_jobs(scheduler: BackgroundScheduler, engine: Engine, settings: Settings, now: datetime) -> None:
    """The same schedule, but fetching and processing are deferred to workers on the task queue."""
    from db import repo
    from db.engine import session_scope
    from tracker.queue import build_app, defer_fetch, defer_pending, retry_stalled

    app = build_app(settings)
    app.open()

    def enqueue_pending() -> _Done:
        with session_scope(engine) as session:
            ids = repo.pending_raw_ids(session, limit=5000)
        return _Done(f"{defer_pending(app, ids)} documents queued of {len(ids)} pending")

    _every(scheduler, engine, "process", settings.jobs.process_seconds, enqueue_pending, next_run_time=now)

    def requeue_stalled() -> _Done:
        return _Done(f"{retry_stalled(settings)} stalled jobs requeued")

    _every(scheduler, engine, "stalled", 30, requeue_stalled, next_run_time=now + timedelta(seconds=30))
    _schedule_fetches(scheduler, engine, settings, lambda name: _Done(f"queued: {defer_fetch(app, name)}"), "default")


class _Done:
    """A job report for jobs that only enqueue work."""

    failed = False

    def __init__(self, text: str) -> None:
        self._text = text

    def summary(self) -> str:
        return self._text


def build_scheduler(engine: Engine, settings: Settings, *, queued: bool = False) -> BackgroundScheduler:
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
    _every(
        scheduler,
        engine,
        "inbox",
        settings.jobs.inbox_seconds,
        partial(ingest_inbox, engine, settings),
        next_run_time=now,
    )
    # Digests on their own pool: a dead SMTP server is retried with backoff and never holds up another job.
    _every(
        scheduler,
        engine,
        "digest",
        60,
        partial(run_digests, engine, settings),
        executor="mail",
        next_run_time=now + timedelta(seconds=random.uniform(2, 8)),
    )
    (_queued_jobs if queued else _in_process_jobs)(scheduler, engine, settings, now)
    return scheduler


def lead(engine: Engine, settings: Settings, stop: threading.Event, *, queued: bool, name: str) -> None:
    """Run the scheduler while this process is the leader; stand by otherwise; return when `stop` is set."""
    leadership = Leadership(settings.database_url, settings.data_dir, name)
    scheduler: BackgroundScheduler | None = None
    try:
        while not stop.is_set():
            if scheduler is None and leadership.try_acquire():
                scheduler = build_scheduler(engine, settings, queued=queued)
                scheduler.start()
                log.info("%s leads; jobs: %s", name, ", ".join(j.id for j in scheduler.get_jobs()))
            elif scheduler is not None and not leadership.still_leader():
                log.warning("%s lost leadership; stopping its scheduler", name)
                scheduler.shutdown(wait=False)
                scheduler = None
            elif scheduler is None:
                log.debug("%s is on standby", name)
            stop.wait(LEADER_POLL_SECONDS)
    finally:
        if scheduler is not None:
            log.info("stopping scheduler; waiting for the running job to finish")
            scheduler.shutdown(wait=True)
        leadership.release()


class _Server(uvicorn.Server):
    """uvicorn re-raises a caught SIGINT/SIGTERM after shutting down, which would kill us before the scheduler
    stops; we take the signals ourselves, ask the server to exit, and shut the scheduler down in order."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def serve(settings: Settings, engine: Engine, host: str, port: int, role: str) -> None:
    """Run the given role until SIGINT or SIGTERM."""
    stop = threading.Event()
    name = f"tracker-{role}-{socket.gethostname()}-{os.getpid()}"
    server = None
    if role in ("all", "api"):
        server = _Server(
            uvicorn.Config(create_app(settings, engine), host=host, port=port, log_level="info", access_log=False)
        )

    def request_exit(signum: int, _frame: object) -> None:
        log.info("received %s, shutting down", signal.Signals(signum).name)
        stop.set()
        if server is not None:
            server.should_exit = True

    signal.signal(signal.SIGINT, request_exit)
    signal.signal(signal.SIGTERM, request_exit)
    leader: threading.Thread | None = None
    try:
        if role == "scheduler":
            lead(engine, settings, stop, queued=True, name=name)
        elif role == "all":
            leader = threading.Thread(
                target=lead, args=(engine, settings, stop), kwargs={"queued": False, "name": name}, name="leader"
            )
            leader.start()
        if server is not None:
            server.run()
    finally:
        stop.set()
        if leader is not None:
            leader.join()
        engine.dispose()
        log.info("stopped")
