"""Parse -> extract -> reconcile for stored raw documents, one transaction per document (DESIGN §2, §4).

A document's row, its mentions, the recomputed events and the changes commit together or not at all, so a killed
process leaves either the whole document or nothing (it is then still pending and is processed again).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import repo
from db.engine import session_scope
from tracker.dates import infer_anchor
from tracker.errors import InputError
from tracker.extract import EXTRACTOR_VERSION, extract
from tracker.parse import parse_document
from tracker.reconcile import reconcile_family
from tracker.settings import Settings, SourceConfig
from tracker.sources import issuer_for_source
from tracker.text import text_digest

log = logging.getLogger("tracker.process")


@dataclass
class ProcessReport:
    documents: int = 0
    dropped: int = 0
    mentions: int = 0
    changes: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def summary(self) -> str:
        text = f"{self.documents} documents, {self.dropped} dropped, {self.mentions} mentions, {self.changes} changes"
        return text + (f", {len(self.errors)} errors: " + "; ".join(self.errors[:5]) if self.errors else "")


def _process_in_session(
    session: Session,
    raw_id: int,
    settings: Settings,
    report: ProcessReport,
    redo: bool,
    sources: list[SourceConfig],
) -> None:
    # Writers take turns: change ids then commit in id order, so `/changes?after=` never skips one, and two
    # processes never reconcile the same family at once.
    repo.serialize_writers(session)
    raw_row = repo.get_raw(session, raw_id=raw_id)
    if raw_row is None:
        return
    families: set[tuple[str, str, str]] = set()
    old = repo.document_for_raw(session, raw_id=raw_id)
    if old is not None and not redo:
        return  # another worker processed it while this one waited for the lock
    if old is not None:
        families.update(repo.delete_document(session, document=old))
    raw = repo.to_raw_record(raw_row)
    try:
        parsed = parse_document(raw)
    except InputError as exc:
        repo.save_document(
            session,
            raw_id=raw_id,
            parsed=None,
            url=raw.url,
            anchor=None,
            dropped_reason=f"parse: {exc}",
            extractor_version=EXTRACTOR_VERSION,
        )
        report.dropped += 1
    else:
        anchor = parsed.published or infer_anchor(parsed.text, raw.fetched_at.date())
        digest = text_digest(parsed.text)
        if parsed.language != "en":
            dropped = f"language: {parsed.language} (only English is extracted)"
        elif (twin := repo.document_with_text(session, text_sha256=digest)) is not None:
            # Syndicated copies: the same story under another URL adds no evidence of its own.
            dropped = f"duplicate: same text as document {twin.id} ({twin.url})"
        else:
            dropped = ""
        document = repo.save_document(
            session,
            raw_id=raw_id,
            parsed=parsed,
            url=raw.url,
            anchor=anchor,
            dropped_reason=dropped,
            extractor_version=EXTRACTOR_VERSION,
            text_sha256=digest,
        )
        assert document.id is not None
        if dropped:
            report.dropped += 1
        else:
            hint = issuer_for_source(sources, raw.source)
            mentions = extract(parsed, anchor, settings.default_target, issuer_hint=hint)
            rows = repo.add_mentions(session, document_id=document.id, mentions=mentions, version=EXTRACTOR_VERSION)
            families.update(repo.family_keys(rows))
            report.mentions += len(rows)
            report.documents += 1
    for issuer, target, family in sorted(families):
        events = repo.family_events(session, issuer=issuer, target=target, family=family)
        facts = repo.family_facts(session, issuer=issuer, target=target, family=family)
        result = reconcile_family([repo.to_state(e) for e in events], facts)
        report.changes += len(repo.apply_reconciled(session, events=events, result=result))


def process_raw_ids(engine: Engine, settings: Settings, raw_ids: list[int], *, redo: bool = False) -> ProcessReport:
    """Process each raw document in its own transaction; `redo` replaces an existing parse (reprocess)."""
    report = ProcessReport()
    from jobs.fetch import sources_of  # imported here: jobs.fetch is a sibling job, not a dependency at import

    sources = sources_of(engine, settings) if raw_ids else []
    for raw_id in raw_ids:
        try:
            with session_scope(engine) as session:
                _process_in_session(session, raw_id, settings, report, redo, sources)
        except Exception as exc:  # recorded and retried next run: the raw document stays pending
            log.exception("processing raw document %s failed", raw_id)
            report.errors.append(f"raw {raw_id}: {exc!r}")
    return report


def process_pending(engine: Engine, settings: Settings, *, limit: int = 500) -> ProcessReport:
    """Process every stored raw document that has not been parsed yet."""
    with session_scope(engine) as session:
        raw_ids = repo.pending_raw_ids(session, limit=limit)
    return process_raw_ids(engine, settings, raw_ids)


def reprocess(engine: Engine, settings: Settings, *, since: datetime | None = None) -> ProcessReport:
    """Re-run parse -> extract -> reconcile on stored raw documents, without any network."""
    with session_scope(engine) as session:
        raw_ids = repo.raw_ids_since(session, since=since)
    return process_raw_ids(engine, settings, raw_ids, redo=True)
