"""Ingest article files: from paths given on the command line, or from the inbox folder on a schedule.

Inbox files are moved to `processed/` once stored, or to `failed/` with a `.error` note, so nothing is lost and a
file is never read twice; storing is idempotent on content hash, so a crash between store and move is harmless.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from db import repo
from db.engine import session_scope
from db.types import utcnow
from jobs.process import ProcessReport, process_pending
from tracker.errors import InputError
from tracker.ingest import FileProblem, iter_article_paths, read_article
from tracker.settings import Settings

log = logging.getLogger("tracker.ingest")

PROCESSED_DIR = "processed"
FAILED_DIR = "failed"


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    processing: ProcessReport = field(default_factory=ProcessReport)

    @property
    def failed(self) -> bool:
        return bool(self.problems) or self.processing.failed

    def summary(self) -> str:
        text = f"{self.stored} stored, {self.duplicates} already known, {len(self.problems)} refused"
        return f"{text}; processed: {self.processing.summary()}"


def ingest_paths(
    engine: Engine, settings: Settings, paths: list[Path], *, source: str = "file", move_to: Path | None = None
) -> IngestReport:
    """Store each article file (one transaction per file), then process what is pending."""
    report = IngestReport()
    skip = (PROCESSED_DIR, FAILED_DIR) if move_to else ()
    for item in iter_article_paths(paths, skip_dirs=skip):
        if isinstance(item, FileProblem):
            report.problems.append(str(item))
            continue
        try:
            raw = read_article(item, source=source, now=utcnow())
        except InputError as exc:
            report.problems.append(str(exc))
            if move_to:
                _quarantine(item, move_to, str(exc))
            continue
        with session_scope(engine) as session:
            _, created = repo.store_raw(session, raw=raw)
        if created:
            report.stored += 1
        else:
            report.duplicates += 1
        if move_to:
            _move(item, move_to / PROCESSED_DIR)
    report.processing = process_pending(engine, settings)
    return report


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    destination = folder / path.name
    counter = 1
    while destination.exists():
        destination = folder / f"{path.stem}.{counter}{path.suffix}"
        counter += 1
    shutil.move(str(path), destination)
    return destination


def _quarantine(path: Path, inbox: Path, reason: str) -> None:
    try:
        moved = _move(path, inbox / FAILED_DIR)
        moved.with_name(moved.name + ".error").write_text(reason + "\n", encoding="utf-8")
    except OSError as exc:
        log.warning("could not move %s to %s: %s", path, FAILED_DIR, exc)


def ingest_inbox(engine: Engine, settings: Settings) -> IngestReport:
    """The scheduled job: dropping a file into the inbox is enough to have it tracked."""
    inbox = settings.inbox
    inbox.mkdir(parents=True, exist_ok=True)
    return ingest_paths(engine, settings, [inbox], source="inbox", move_to=inbox)
