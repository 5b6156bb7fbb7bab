"""The change log: order-independent tables, and a poller that sees every change exactly once (issue 5)."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from db.engine import make_engine
from db.migrate import upgrade
from db.models import Change, Event
from jobs.inbox import ingest_paths
from tests.conftest import FIXTURES, SEEDS
from tracker.api import create_app
from tracker.settings import Settings, load_settings

ARTICLES = sorted((FIXTURES.parent / "eval" / "articles").glob("*.txt")) + sorted((FIXTURES / "articles").glob("*"))
if SEEDS.is_dir():
    ARTICLES += sorted(SEEDS.glob("*.txt"))


def table(engine: Engine) -> list[tuple[object, ...]]:
    with Session(engine) as session:
        return sorted(
            (
                e.issuer,
                e.target,
                e.event_type,
                e.episode,
                e.status,
                e.date,
                e.date_precision,
                e.closed_on,
                e.mention_count,
                e.source_count,
            )
            for e in session.exec(select(Event)).all()
        )


def fresh(tmp_path: Path, name: str) -> tuple[Engine, Settings]:
    url = f"sqlite:///{tmp_path / name}"
    upgrade(url)
    return make_engine(url), load_settings(data_dir=tmp_path / name, database_url=url, sources=[])


def test_any_order_gives_the_same_table(tmp_path: Path) -> None:
    shuffled = ARTICLES[:]
    random.Random(7).shuffle(shuffled)
    tables = []
    for name, order in (("forward.db", ARTICLES), ("reverse.db", ARTICLES[::-1]), ("shuffled.db", shuffled)):
        engine, settings = fresh(tmp_path, name)
        for path in order:  # one article at a time, as they would arrive
            report = ingest_paths(engine, settings, [path])
            assert not report.processing.errors
        tables.append(table(engine))
        again = ingest_paths(engine, settings, ARTICLES)
        assert again.stored == 0 and again.processing.changes == 0
        engine.dispose()
    assert len(tables[0]) > 100
    assert tables[0] == tables[1] == tables[2]


def test_a_poller_receives_every_change_exactly_once(engine: Engine, settings: Settings) -> None:
    client = TestClient(create_app(settings, engine))
    writers_done = threading.Event()
    errors: list[str] = []

    def write(paths: list[Path]) -> None:
        try:
            for path in paths:
                report = ingest_paths(engine, settings, [path])
                errors.extend(report.processing.errors)
        except Exception as exc:  # surfaced by the assertion below
            errors.append(repr(exc))

    # Two writers at once, as the daemon and a CLI ingest would be.
    halves = [ARTICLES[0::2], ARTICLES[1::2]]
    writers = [threading.Thread(target=write, args=(half,)) for half in halves]
    for writer in writers:
        writer.start()

    def finish() -> None:
        for writer in writers:
            writer.join()
        writers_done.set()

    threading.Thread(target=finish).start()
    received: list[int] = []
    after = 0
    while True:
        done = writers_done.is_set()  # read before polling: a poll after the writers finished sees everything
        page = client.get("/api/v1/changes", params={"after": after, "limit": 5}).json()
        received.extend(change["id"] for change in page["changes"])
        after = page["next_after"]
        if done and not page["changes"]:
            break
    assert not errors
    with Session(engine) as session:
        stored = [c.id for c in session.exec(select(Change).order_by(Change.id)).all()]  # type: ignore[arg-type]
    assert received == stored and len(received) == len(set(received)) and len(received) > 100
