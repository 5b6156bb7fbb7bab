"""Ingest -> process -> reconcile against a real database (SQLite file and PostgreSQL)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from db import repo
from db.models import Change, Document, Event, Mention
from jobs.inbox import ingest_inbox, ingest_paths
from jobs.process import reprocess
from tests.conftest import FIXTURES
from tracker.settings import Settings
from tracker.views import EventFilter, advisory_rows

ARTICLES = FIXTURES / "articles"


def table(engine: Engine, **filters: str) -> set[tuple[str, str, str]]:
    with Session(engine) as session:
        return {(r.issuer, r.target, r.event_type) for r in advisory_rows(session, EventFilter(**filters))}


def test_ingest_extracts_and_reconciles(engine: Engine, settings: Settings) -> None:
    report = ingest_paths(engine, settings, [ARTICLES])
    assert report.stored == 4 and not report.problems
    assert report.processing.documents == 3 and report.processing.dropped == 1  # the German article
    assert ("JP", "LB", "leave_advisory") in table(engine, target="LB")
    assert ("US", "UA", "embassy_relocation") in table(engine, target="UA")
    with Session(engine) as session:
        german = session.exec(select(Document).where(Document.language == "de")).one()
        assert german.dropped_reason.startswith("language: de")
        assert repo.counts(session)["documents_non_english"] == 1
        event = session.exec(select(Event).where(Event.issuer == "JP")).one()
        assert event.date.isoformat() == "2024-09-26" and event.date_precision == "day"
        assert event.first_seen.tzinfo is not None  # UTC re-attached on read
        linked = session.exec(select(Mention).where(Mention.event_id == event.id)).all()
        assert linked and all("Japan" in m.evidence for m in linked)


def test_reingest_changes_nothing(engine: Engine, settings: Settings) -> None:
    ingest_paths(engine, settings, [ARTICLES])
    with Session(engine) as session:
        before = (repo.counts(session), repo.last_change_id(session))
    again = ingest_paths(engine, settings, [ARTICLES])
    assert again.stored == 0 and again.duplicates == 4
    with Session(engine) as session:
        assert (repo.counts(session), repo.last_change_id(session)) == before


def test_bad_files_get_one_line_errors_and_the_batch_goes_on(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG")
    (batch / "latin1.txt").write_bytes("Caf\u00e9 au lait, d\u00e9j\u00e0 vu".encode("latin-1"))
    shutil.copy(ARTICLES / "lebanon_leave.txt", batch / "good.txt")
    report = ingest_paths(engine, settings, [batch, tmp_path / "missing.txt"])
    assert report.stored == 1
    assert len(report.problems) == 4
    assert all("\n" not in p for p in report.problems)
    joined = " | ".join(report.problems)
    for reason in ("empty", "binary", "not UTF-8", "no such file"):
        assert reason in joined
    assert ("GB", "LB", "leave_advisory") in table(engine)


def test_inbox_job_moves_files_and_quarantines_bad_ones(engine: Engine, settings: Settings) -> None:
    inbox = settings.inbox
    inbox.mkdir(parents=True)
    shutil.copy(ARTICLES / "lebanon_leave.txt", inbox / "a.txt")
    (inbox / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    report = ingest_inbox(engine, settings)
    assert report.stored == 1 and len(report.problems) == 1
    assert (inbox / "processed" / "a.txt").exists() and not (inbox / "a.txt").exists()
    assert (inbox / "failed" / "bad.txt").exists()
    assert "binary" in (inbox / "failed" / "bad.txt.error").read_text()
    assert ingest_inbox(engine, settings).stored == 0  # nothing left to read twice


def test_reprocess_rebuilds_without_duplicates(engine: Engine, settings: Settings) -> None:
    ingest_paths(engine, settings, [ARTICLES])
    before = table(engine)
    with Session(engine) as session:
        events_before = len(session.exec(select(Event)).all())
        last = repo.last_change_id(session)
    report = reprocess(engine, settings)
    assert report.documents == 3 and not report.errors
    assert table(engine) == before
    with Session(engine) as session:
        assert len(session.exec(select(Event)).all()) == events_before
        # Same extractor, same evidence: reprocessing writes no new changes.
        assert session.exec(select(Change).where(Change.id > last)).all() == []


def test_seeds_give_the_acceptance_table(engine: Engine, settings: Settings, seeds: Path) -> None:
    ingest_paths(engine, settings, [seeds])
    with Session(engine) as session:
        rows = advisory_rows(session, EventFilter(target="UA"))
    leave = {r.issuer for r in rows if r.event_type == "leave_advisory"}
    drawdown = {r.issuer for r in rows if r.event_type == "embassy_drawdown"}
    assert {"GB", "JP", "NL", "NO", "LV", "DK", "EE", "ME", "KR", "US"} <= leave
    assert {"RU", "US"} <= drawdown
    assert not {"SE", "PL", "RO", "CN", "FR", "UA"} & (leave | drawdown)
    assert all(r.date and r.date_precision in ("day", "on_or_before", "approximate") for r in rows)


def test_prune_retracts_events_left_without_evidence(engine: Engine, settings: Settings) -> None:
    from datetime import UTC, datetime, timedelta

    from jobs.prune import prune

    ingest_paths(engine, settings, [ARTICLES])
    with Session(engine) as session:
        events = len(session.exec(select(Event)).all())
    report = prune(engine, before=datetime.now(UTC) + timedelta(seconds=1))
    assert report.raw_documents == 4
    with Session(engine) as session:
        assert session.exec(select(Event)).all() == [] and session.exec(select(Mention)).all() == []
        retracted = session.exec(select(Change).where(Change.kind == "retracted")).all()
        assert len(retracted) == events
    assert prune(engine, before=datetime.now(UTC)).raw_documents == 0
