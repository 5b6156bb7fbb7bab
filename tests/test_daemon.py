"""End to end: `tracker run` as a subprocess on a temporary SQLite file and a free port."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, select

from db.engine import make_engine
from db.models import JobRun
from tests.conftest import FIXTURES, free_port

pytestmark = pytest.mark.slow


def wait_for(predicate: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
    """Poll until `predicate` returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except httpx.TransportError:
            value = None
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str, Path]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    # No sources: the built-in ones would reach beyond loopback.
    env.update(TRACKER_DATA_DIR=str(tmp_path / "data"), TRACKER_JOBS__INBOX_INTERVAL="1s", TRACKER_SOURCES="[]")
    port = free_port()
    log = (tmp_path / "daemon.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "run", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200, "the API to start")
        yield process, base, tmp_path / "data"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_dropping_an_article_into_the_inbox_is_enough(
    daemon: tuple[subprocess.Popen[bytes], str, Path], stop_signal: signal.Signals
) -> None:
    process, base, data_dir = daemon
    inbox = data_dir / "inbox"
    shutil.copy(FIXTURES / "articles" / "lebanon_leave.txt", inbox / "incoming.tmp")
    (inbox / "incoming.tmp").rename(inbox / "lebanon.txt")  # appear atomically, as a mail drop would

    def japan_row() -> list[dict[str, Any]]:
        rows = httpx.get(f"{base}/api/v1/advisories", params={"target": "LB"}, timeout=5).json()
        return [r for r in rows if r["issuer"] == "JP"]

    (row,) = wait_for(japan_row, "the inbox article's events in the API")
    assert (row["event_type"], row["date"], row["date_precision"]) == ("leave_advisory", "2024-09-26", "day")
    assert (inbox / "processed" / "lebanon.txt").exists()
    changes = httpx.get(f"{base}/api/v1/changes", params={"after": 0}, timeout=5).json()["changes"]
    assert any(c["issuer"] == "JP" and c["kind"] == "new" for c in changes)

    process.send_signal(stop_signal)
    assert process.wait(timeout=30) == 0
    engine = make_engine(f"sqlite:///{data_dir / 'tracker.db'}")
    with Session(engine) as session:
        runs = session.exec(select(JobRun).where(JobRun.job == "inbox")).all()
    engine.dispose()
    assert runs and all(run.status in ("ok", "partial") for run in runs if run.finished_at)
    assert any("1 stored" in run.detail for run in runs)
