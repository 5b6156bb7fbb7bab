"""Run a job and record it in job_run. The one place that catches broadly: it records the failure and goes on."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Protocol

from sqlalchemy.engine import Engine

from db import repo
from db.engine import session_scope

log = logging.getLogger("tracker.jobs")


class Report(Protocol):
    def summary(self) -> str: ...

    @property
    def failed(self) -> bool: ...


def run_job(engine: Engine, name: str, work: Callable[[], Report]) -> Report | None:
    with session_scope(engine) as session:
        run = repo.start_job_run(session, job=name)
        run_id = run.id
    assert run_id is not None
    try:
        report = work()
    except Exception as exc:  # a job runner records any failure rather than dying with it
        log.exception("job %s failed", name)
        with session_scope(engine) as session:
            repo.finish_job_run(session, run_id=run_id, status="failed", error=f"{exc!r}\n{traceback.format_exc()}")
        return None
    status = "partial" if report.failed else "ok"
    log.info("job %s %s: %s", name, status, report.summary())
    with session_scope(engine) as session:
        repo.finish_job_run(session, run_id=run_id, status=status, detail=report.summary())
    return report
