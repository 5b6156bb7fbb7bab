"""Shared fixtures: settings on a temporary data dir, and a database on SQLite or a real PostgreSQL server.

PostgreSQL: `TRACKER_TEST_POSTGRES_URL` names a server to use; otherwise, if the PostgreSQL binaries are installed
(`.ci/run` installs Debian's), a throwaway cluster is started on loopback for the session. Each test gets its own
schema. Without either, the PostgreSQL variants are skipped with the reason shown.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from db.engine import make_engine
from db.migrate import upgrade
from tracker.settings import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return candidates[0].parent if candidates else None


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; Debian's package creates the 'postgres' user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str | None]:
    if os.environ.get("TRACKER_TEST_POSTGRES_URL"):
        yield os.environ["TRACKER_TEST_POSTGRES_URL"]
        return
    bindir = _pg_bin()
    if bindir is None:
        yield None
        return
    # Not under pytest's tmp dir: that is private to the current user, and the server runs as 'postgres'.
    base = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    port = free_port()
    subprocess.run(
        _as_postgres(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(base / "log"),
                "-w",
                "-o",
                f"-h 127.0.0.1 -p {port} -k {base} -F",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    yield from _postgres_schema(request)


@pytest.fixture
def pg_database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """For what only PostgreSQL does (leader election, the task queue): no SQLite variant to skip."""
    yield from _postgres_schema(request)


def _postgres_schema(request: pytest.FixtureRequest) -> Iterator[str]:
    server = request.getfixturevalue("postgres_server")
    if server is None and os.environ.get("CI"):
        pytest.fail("CI must run the PostgreSQL variants: install postgresql (see .ci/run)")
    if server is None:
        pytest.skip("PostgreSQL not installed (apt-get install postgresql) and TRACKER_TEST_POSTGRES_URL unset")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{server}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for key in list(os.environ):
        if key.startswith("TRACKER_") and not key.startswith("TRACKER_TEST_"):
            monkeypatch.delenv(key)
    # No built-in sources: tests never reach beyond loopback.
    return load_settings(data_dir=tmp_path / "data", database_url=database_url, sources=[])


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (a user's clone has no ../shared)")
    return SEEDS
