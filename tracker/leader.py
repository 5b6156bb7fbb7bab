"""Exactly one active scheduler (DESIGN §7): APScheduler 3 cannot share a job store, so schedulers elect a leader.

On PostgreSQL the leader holds a session-level advisory lock on a connection of its own; if the leader dies, even
by kill -9, the server drops its connection and the lock with it, and a standby that retries every few seconds takes
over. On SQLite (one machine) an exclusive file lock beside the database does the same for two local processes.
"""

from __future__ import annotations

import fcntl
import logging
import os
from pathlib import Path
from typing import IO

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import NullPool

log = logging.getLogger("tracker.leader")

LEADER_KEY = 727_101  # the scheduler's advisory-lock key (the pipeline writers use 727_100)


class Leadership:
    """Try to become the leader, and tell whether we still are."""

    def __init__(self, database_url: str, data_dir: Path, name: str) -> None:
        url = make_url(database_url)
        self.name = name
        self._postgres = url.get_backend_name() == "postgresql"
        self._engine: Engine | None = None
        self._connection: Connection | None = None
        self._file: IO[str] | None = None
        if self._postgres:
            # A connection of our own (no pool recycling it), named so operators can see who leads in pg_stat_activity.
            self._engine = create_engine(url, poolclass=NullPool, connect_args={"application_name": name})
        self._lock_path = data_dir / "scheduler.lock"

    @property
    def is_leader(self) -> bool:
        return self._connection is not None or self._file is not None

    def try_acquire(self) -> bool:
        if self.is_leader:
            return True
        if self._postgres:
            assert self._engine is not None
            try:
                connection = self._engine.connect()
                got = bool(connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LEADER_KEY}).scalar())
                connection.commit()
            except Exception as exc:  # the database is down: stay standby and try again later
                log.warning("leader election: cannot reach the database: %s", exc)
                return False
            if got:
                self._connection = connection
                log.info("%s is now the leader", self.name)
            else:
                connection.close()
            return got
        self._lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = self._lock_path.open("a+")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{self.name} pid {os.getpid()}\n")
        handle.flush()
        self._file = handle
        log.info("%s is now the leader", self.name)
        return True

    def still_leader(self) -> bool:
        """False when the lock's connection is gone (the database restarted or the network failed)."""
        if self._file is not None:
            return True
        if self._connection is None:
            return False
        try:
            self._connection.execute(text("SELECT 1"))
            self._connection.commit()
            return True
        except Exception as exc:
            log.warning("%s lost its leader connection: %s", self.name, exc)
            self._connection = None
            return False

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LEADER_KEY})
                self._connection.close()
            except Exception:  # releasing on the way out must not mask why we are leaving
                pass
            self._connection = None
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None
        if self._engine is not None:
            self._engine.dispose()
