"""Production roles on a real PostgreSQL: one leader scheduler with a standby, and queue workers (issue 7)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from db import repo
from db.engine import session_scope
from db.models import Document, Mention
from tests.test_daemon import wait_for
from tracker.leader import LEADER_KEY
from tracker.queue import apply_schema, build_app, defer_pending
from tracker.records import RawDocument
from tracker.settings import Settings, load_settings

pytestmark = pytest.mark.slow
ISSUERS = ["Japan", "Norway", "Latvia", "Canada", "Denmark", "Estonia", "Belgium", "Italy", "Ireland", "Finland"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@pytest.fixture
def database_url(pg_database_url: str) -> str:
    """Only PostgreSQL here: conftest's `settings` and `engine` fixtures then stand on it alone."""
    return pg_database_url


def env_for(settings: Settings, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(
        TRACKER_DATABASE_URL=settings.database_url, TRACKER_DATA_DIR=str(data_dir), TRACKER_SOURCES="[]", **extra
    )
    return env


def leader_name(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return connection.execute(
            text(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE l.locktype = 'advisory' AND l.objid = :key AND l.granted"
            ),
            {"key": LEADER_KEY},
        ).scalar()


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_standby_takes_over_when_the_leader_is_killed(
    settings: Settings, engine: Engine, tmp_path: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    for n in range(2):
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "tracker", "run", "--role", "scheduler"],
                env=env_for(settings, tmp_path / f"s{n}"),
                stdout=subprocess.DEVNULL,
                stderr=(tmp_path / f"s{n}.log").open("wb"),
            )
        )
    first = wait_for(lambda: leader_name(engine), "a leader", timeout=60)
    pids = {p.pid: p for p in processes}
    leader_pid = int(first.rsplit("-", 1)[1])
    standby = next(p for pid, p in pids.items() if pid != leader_pid)
    assert standby.poll() is None  # the standby waits, it does not lead too
    os.kill(leader_pid, signal.SIGKILL)
    killed_at = datetime.now(UTC)
    second = wait_for(lambda: (name := leader_name(engine)) and name != first and name, "a new leader", timeout=30)
    assert second.endswith(f"-{standby.pid}")
    assert (datetime.now(UTC) - killed_at).total_seconds() < 30
    standby.send_signal(signal.SIGTERM)
    assert standby.wait(timeout=30) == 0


def _article(n: int) -> bytes:
    issuer = ISSUERS[n % len(ISSUERS)]
    return (
        f"Report {n}\n2022-02-12\nhttps://example.org/queue/{n}\n\n{issuer} on {WEEKDAYS[n % 5]} urged its "
        f"citizens to leave Ukraine, officials said in statement number {n}.\n"
    ).encode()


def test_two_workers_process_a_thousand_documents_once_even_when_one_is_killed(
    settings: Settings, engine: Engine, tmp_path: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    total = 1000
    apply_schema(settings)
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        for n in range(total):
            repo.store_raw(
                session,
                raw=RawDocument(
                    url=f"https://example.org/queue/{n}",
                    fetched_at=now,
                    body=_article(n),
                    content_type="text/plain",
                    source="test",
                ),
            )
        raw_ids = repo.pending_raw_ids(session, limit=total)
    queue = build_app(settings)
    with queue.open():
        assert defer_pending(queue, raw_ids) == total
        assert defer_pending(queue, raw_ids) == 0  # already queued: not queued twice
    fast = {"TRACKER_QUEUE__HEARTBEAT_SECONDS": "1", "TRACKER_QUEUE__STALLED_AFTER_SECONDS": "3"}
    for n in range(2):
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "tracker", "worker"],
                env=env_for(settings, tmp_path / f"w{n}", **fast),
                stdout=subprocess.DEVNULL,
                stderr=(tmp_path / f"w{n}.log").open("wb"),
            )
        )

    def documents() -> int:
        with Session(engine) as session:
            return int(session.exec(select(func.count()).select_from(Document)).one())

    wait_for(lambda: documents() >= 150, "the workers to get going", timeout=120)
    processes[0].kill()  # mid-run, possibly inside a transaction
    processes[0].wait()
    # The scheduler's periodic job requeues what the dead worker held; here the test plays the scheduler.
    from tracker.queue import retry_stalled

    quick = load_settings(
        database_url=settings.database_url,
        data_dir=tmp_path,
        sources=[],
        queue={"heartbeat_seconds": 1, "stalled_after_seconds": 3},
    )
    wait_for(lambda: retry_stalled(quick) >= 0 and documents() == total, "every document", timeout=240)
    with Session(engine) as session:
        per_raw = session.exec(select(Document.raw_id, func.count()).group_by(Document.raw_id)).all()
        mentions = int(session.exec(select(func.count()).select_from(Mention)).one())
    assert len(per_raw) == total and all(count == 1 for _, count in per_raw)
    assert mentions == total  # one leave advisory per article: nothing lost, nothing doubled
