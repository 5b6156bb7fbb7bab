"""Repository functions: the only place with SQL. Keyword-only arguments; the caller owns the transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import and_, delete, func, or_, text
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from db.models import (
    AdvisoryLevel,
    Change,
    DigestOutbox,
    Document,
    Event,
    HttpCache,
    JobRun,
    Mention,
    RawDocument,
    Source,
    SubscriberRow,
)
from db.types import utcnow
from tracker import records
from tracker.reconcile import FAMILIES, MentionFact, Reconciled
from tracker.settings import Subscriber
from tracker.sources.base import AdvisoryLevel as AdvisoryLevelRecord

# --- raw documents and documents -----------------------------------------------------------------------------


T = TypeVar("T")

WRITER_LOCK = 727_100  # an arbitrary, fixed PostgreSQL advisory-lock key for the pipeline's writers


def serialize_writers(session: Session) -> None:
    """Hold the writers' lock until this transaction ends.

    PostgreSQL hands out sequence values at insert time but makes them visible at commit, so two concurrent
    writers could publish change 11 before change 10 and a poller at after=10 would never see 10. One writer at a
    time closes that gap. SQLite admits one writer at a time, but takes the lock lazily; see below.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
    # On SQLite this write, as the transaction's first statement, takes the write lock now rather than at the
    # first real insert, so two processes cannot both read a document as pending and both process it.
    bump_data_version(session)


def bump_data_version(session: Session) -> None:
    """Mark that what the read endpoints show may have changed (their caches key on this number)."""
    session.execute(text("UPDATE meta SET data_version = data_version + 1 WHERE id = 1"))


def data_version(session: Session) -> int:
    return int(session.execute(text("SELECT data_version FROM meta WHERE id = 1")).scalar() or 0)


def store_raw(session: Session, *, raw: records.RawDocument) -> tuple[RawDocument, bool]:
    """Keep a fetched body once by content hash; (row, created). Syndicated copies of one text are one row."""
    digest = raw.sha256
    existing = session.exec(select(RawDocument).where(RawDocument.sha256 == digest)).first()
    if existing is not None:
        return existing, False
    row = RawDocument(
        sha256=digest,
        url=raw.url,
        source=raw.source,
        fetched_at=raw.fetched_at,
        status=raw.status,
        content_type=raw.content_type,
        headers=json.dumps(raw.headers, sort_keys=True),
        body=raw.body,
        size=len(raw.body),
    )
    session.add(row)
    session.flush()
    return row, True


def to_raw_record(row: RawDocument) -> records.RawDocument:
    return records.RawDocument(
        url=row.url,
        fetched_at=row.fetched_at,
        body=row.body,
        status=row.status,
        content_type=row.content_type,
        headers=json.loads(row.headers or "{}"),
        source=row.source,
    )


def pending_raw_ids(session: Session, *, limit: int = 500) -> list[int]:
    """Raw documents not yet parsed (no document row), oldest first."""
    processed = select(Document.raw_id)
    query = (
        select(RawDocument.id).where(col(RawDocument.id).not_in(processed)).order_by(col(RawDocument.id)).limit(limit)
    )
    return [i for i in session.exec(query).all() if i is not None]


def raw_ids_since(session: Session, *, since: datetime | None) -> list[int]:
    query = select(RawDocument.id).order_by(col(RawDocument.id))
    if since is not None:
        query = query.where(RawDocument.fetched_at >= since)
    return [i for i in session.exec(query).all() if i is not None]


def get_raw(session: Session, *, raw_id: int) -> RawDocument | None:
    return session.get(RawDocument, raw_id)


def document_for_raw(session: Session, *, raw_id: int) -> Document | None:
    return session.exec(select(Document).where(Document.raw_id == raw_id)).first()


def save_document(
    session: Session,
    *,
    raw_id: int,
    parsed: records.Document | None,
    url: str,
    anchor: date | None,
    dropped_reason: str,
    extractor_version: str,
    text_sha256: str = "",
) -> Document:
    row = Document(
        raw_id=raw_id,
        url=parsed.url if parsed else url,
        title=parsed.title if parsed else "",
        text=parsed.text if parsed else "",
        published=parsed.published if parsed else None,
        anchor_date=anchor,
        language=parsed.language if parsed else "",
        source=parsed.source if parsed else "",
        dropped_reason=dropped_reason,
        extractor_version=extractor_version,
        text_sha256=text_sha256,
    )
    session.add(row)
    session.flush()
    return row


def delete_document(session: Session, *, document: Document) -> list[tuple[str, str, str]]:
    """Remove a document's parse and mentions (for reprocess); returns the families they touched."""
    families = family_keys(session.exec(select(Mention).where(Mention.document_id == document.id)).all())
    session.execute(delete(Mention).where(col(Mention.document_id) == document.id))
    session.delete(document)
    session.flush()
    return families


# --- mentions, events, changes -------------------------------------------------------------------------------


def add_mentions(
    session: Session, *, document_id: int, mentions: Sequence[records.Mention], version: str
) -> list[Mention]:
    rows = [
        Mention(
            document_id=document_id,
            issuer=m.issuer,
            target=m.target,
            event_type=m.event_type.value,
            status=m.status.value,
            date=m.date,
            date_precision=m.date_precision.value,
            evidence=m.evidence,
            start=m.start,
            end=m.end,
            confidence=m.confidence,
            extractor_version=version,
            explain="\n".join(m.explain),
        )
        for m in mentions
    ]
    session.add_all(rows)
    session.flush()
    return rows


def family_keys(mentions: Iterable[Mention]) -> list[tuple[str, str, str]]:
    keys = {(m.issuer, m.target, FAMILIES[records.EventType(m.event_type)]) for m in mentions}
    return sorted(keys)


def _family_types(family: str) -> list[str]:
    return [t.value for t, f in FAMILIES.items() if f == family]


def family_facts(session: Session, *, issuer: str, target: str, family: str) -> list[MentionFact]:
    query = (
        select(Mention, RawDocument.fetched_at)
        .join(Document, col(Document.id) == col(Mention.document_id))
        .join(RawDocument, col(RawDocument.id) == col(Document.raw_id))
        .where(Mention.issuer == issuer, Mention.target == target, col(Mention.event_type).in_(_family_types(family)))
    )
    facts = []
    for mention, fetched_at in session.exec(query).all():
        assert mention.id is not None
        facts.append(
            MentionFact(
                mention_id=mention.id,
                document_id=mention.document_id,
                issuer=mention.issuer,
                target=mention.target,
                event_type=records.EventType(mention.event_type),
                status=records.Status(mention.status),
                date=mention.date,
                date_precision=records.DatePrecision(mention.date_precision),
                first_seen=fetched_at,
            )
        )
    return facts


def to_state(event: Event) -> records.EventState:
    return records.EventState(
        issuer=event.issuer,
        target=event.target,
        event_type=records.EventType(event.event_type),
        episode=event.episode,
        status=records.Status(event.status),
        date=event.date,
        date_precision=records.DatePrecision(event.date_precision),
        first_seen=event.first_seen,
        source_count=event.source_count,
        mention_count=event.mention_count,
        closed_on=event.closed_on,
    )


def family_events(session: Session, *, issuer: str, target: str, family: str) -> list[Event]:
    query = select(Event).where(
        Event.issuer == issuer, Event.target == target, col(Event.event_type).in_(_family_types(family))
    )
    return list(session.exec(query).all())


def apply_reconciled(session: Session, *, events: Sequence[Event], result: Reconciled) -> list[Change]:
    """Write the recomputed states over the stored events, link mentions, and append the changes."""
    existing = {(e.event_type, e.episode): e for e in events}
    ids: dict[tuple[str, int], int] = {}
    now = utcnow()
    for state in result.states:
        key = (state.event_type.value, state.episode)
        row = existing.pop(key, None) or Event(
            issuer=state.issuer,
            target=state.target,
            event_type=state.event_type.value,
            episode=state.episode,
            status=state.status.value,
            date=state.date,
            date_precision=state.date_precision.value,
            first_seen=state.first_seen,
        )
        row.status, row.date, row.date_precision = state.status.value, state.date, state.date_precision.value
        row.first_seen, row.source_count, row.mention_count = state.first_seen, state.source_count, state.mention_count
        row.closed_on, row.updated_at = state.closed_on, now
        session.add(row)
        session.flush()
        assert row.id is not None
        ids[key] = row.id
    for mention_id, (event_type, episode) in result.assignment.items():
        mention = session.get(Mention, mention_id)
        if mention is not None:
            mention.event_id = ids[(event_type.value, episode)]
    retracted_ids = {key: row.id for key, row in existing.items()}
    for row in existing.values():
        session.delete(row)
    changes = [
        Change(
            kind=c.kind.value,
            issuer=c.issuer,
            target=c.target,
            event_type=c.event_type.value,
            episode=c.episode,
            summary=c.summary,
            event_id=ids.get((c.event_type.value, c.episode), retracted_ids.get((c.event_type.value, c.episode))),
        )
        for c in result.changes
    ]
    session.add_all(changes)
    session.flush()
    return changes


def _where_key(
    query: SelectOfScalar[T],
    model: type[Event] | type[Change],
    *,
    target: str | None,
    issuer: str | None,
    event_type: str | None,
) -> SelectOfScalar[T]:
    """Filter on the (issuer, target, event_type) key columns that events and changes share; None is no filter."""
    for column, value in ((model.target, target), (model.issuer, issuer), (model.event_type, event_type)):
        if value:
            query = query.where(column == value)
    return query


def list_events(
    session: Session,
    *,
    target: str | None = None,
    issuer: str | None = None,
    event_type: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int | None = None,
    after: tuple[date, int] | None = None,
) -> list[Event]:
    """Events in table order (date, then id); `after` is a keyset cursor (date, id) for the next page."""
    query = _where_key(select(Event), Event, target=target, issuer=issuer, event_type=event_type)
    if date_from:
        query = query.where(Event.date >= date_from)
    if date_to:
        query = query.where(Event.date <= date_to)
    if after is not None:
        day, last_id = after
        query = query.where(or_(col(Event.date) > day, and_(col(Event.date) == day, col(Event.id) > last_id)))
    query = query.order_by(col(Event.date), col(Event.id))
    if limit:
        query = query.limit(limit)
    return list(session.exec(query).all())


def list_changes(session: Session, *, after: int = 0, limit: int = 500, target: str | None = None) -> list[Change]:
    query = select(Change).where(col(Change.id) > after)
    if target:
        query = query.where(Change.target == target)
    return list(session.exec(query.order_by(col(Change.id)).limit(limit)).all())


def event_mentions(session: Session, *, event_id: int) -> list[tuple[Mention, Document]]:
    query = (
        select(Mention, Document)
        .join(Document, col(Document.id) == col(Mention.document_id))
        .where(Mention.event_id == event_id)
        .order_by(col(Mention.date), col(Mention.id))
    )
    return [(m, d) for m, d in session.exec(query).all()]


def event_sources(session: Session, *, event_ids: Sequence[int]) -> dict[int, list[str]]:
    """Document URLs behind each event, for the table's `sources` column."""
    if not event_ids:
        return {}
    query = (
        select(Mention.event_id, Document.url)
        .join(Document, col(Document.id) == col(Mention.document_id))
        .where(col(Mention.event_id).in_(event_ids))
        .distinct()
    )
    result: dict[int, list[str]] = {}
    # Core execution: plain rows, no ORM identity bookkeeping for thousands of tuples.
    for event_id, url in session.connection().execute(query).all():
        if event_id is not None:
            result.setdefault(event_id, []).append(url)
    return {k: sorted(v) for k, v in result.items()}


# --- job runs, sources, health -------------------------------------------------------------------------------


def start_job_run(session: Session, *, job: str) -> JobRun:
    run = JobRun(job=job)
    session.add(run)
    session.flush()
    return run


def finish_job_run(session: Session, *, run_id: int, status: str, detail: str = "", error: str = "") -> None:
    run = session.get(JobRun, run_id)
    if run is not None:
        run.status, run.detail, run.error, run.finished_at = status, detail, error[:4000], utcnow()
        session.add(run)


def recent_job_runs(session: Session, *, limit: int = 20) -> list[JobRun]:
    return list(session.exec(select(JobRun).order_by(col(JobRun.id).desc()).limit(limit)).all())


def sync_sources(session: Session, *, configured: Iterable[tuple[str, str, str, bool]]) -> None:
    """Make the source table mirror the configuration (name, kind, url, enabled); keep health history."""
    wanted = {name: (kind, url, enabled) for name, kind, url, enabled in configured}
    for row in session.exec(select(Source).where(Source.origin == "config")).all():
        if row.name in wanted:
            row.kind, row.url, row.enabled = wanted.pop(row.name)
        else:
            row.enabled = False
        session.add(row)
    for name, (kind, url, enabled) in wanted.items():
        session.add(Source(name=name, kind=kind, url=url, enabled=enabled))
    session.flush()


def list_sources(session: Session) -> list[Source]:
    return list(session.exec(select(Source).order_by(col(Source.name))).all())


def counts(session: Session) -> dict[str, int]:
    def count(model: type, *where: object) -> int:
        query = select(func.count()).select_from(model)
        for clause in where:
            query = query.where(clause)  # type: ignore[arg-type]
        return int(session.exec(query).one())

    return {
        "raw_documents": count(RawDocument),
        "documents": count(Document, Document.dropped_reason == ""),
        "documents_dropped": count(Document, Document.dropped_reason != ""),
        "documents_non_english": count(Document, col(Document.dropped_reason).startswith("language")),
        "mentions": count(Mention),
        "events": count(Event),
        "changes": count(Change),
    }


def last_change_id(session: Session) -> int:
    return int(session.exec(select(func.coalesce(func.max(Change.id), 0))).one() or 0)


# --- fetching: validators, outcomes, source health, advisory levels -------------------------------------------


def cache_entry(session: Session, *, url: str) -> HttpCache | None:
    return session.exec(select(HttpCache).where(HttpCache.url == url)).first()


def record_fetch(
    session: Session,
    *,
    url: str,
    source: str,
    status: int,
    error: str,
    etag: str = "",
    last_modified: str = "",
    raw_id: int | None = None,
    not_modified: bool = False,
) -> HttpCache:
    """Remember the outcome for a URL: validators and stored body on success, the error and a count on failure."""
    entry = cache_entry(session, url=url) or HttpCache(url=url, source=source)
    entry.status, entry.fetched_at = status, utcnow()
    if error:
        entry.error, entry.failures = error[:2000], entry.failures + 1
    else:
        entry.error, entry.failures = "", 0
        if not not_modified:
            entry.etag, entry.last_modified = etag, last_modified
            entry.raw_id = raw_id if raw_id is not None else entry.raw_id
    session.add(entry)
    session.flush()
    return entry


def known_article_urls(session: Session, *, urls: Sequence[str]) -> set[str]:
    """URLs already stored successfully: discovered again, they are not fetched again."""
    if not urls:
        return set()
    query = select(HttpCache.url).where(col(HttpCache.url).in_(list(urls)), col(HttpCache.raw_id).is_not(None))
    return set(session.exec(query).all())


def source_row(session: Session, *, name: str) -> Source | None:
    return session.exec(select(Source).where(Source.name == name)).first()


def record_source_run(session: Session, *, name: str, kind: str, error: str, attempted_at: datetime) -> Source:
    row = source_row(session, name=name) or Source(name=name, kind=kind)
    row.last_attempt_at = attempted_at
    if error:
        row.last_error, row.last_error_at = error[:2000], attempted_at
        row.consecutive_failures += 1
    else:
        row.last_success_at, row.consecutive_failures = attempted_at, 0
    session.add(row)
    session.flush()
    return row


def upsert_level(session: Session, *, source: str, level: AdvisoryLevelRecord) -> tuple[AdvisoryLevel, str | None]:
    """Store the current level; return (row, description of the move) when it is new or moved."""
    row = session.exec(
        select(AdvisoryLevel).where(
            AdvisoryLevel.source == source, AdvisoryLevel.issuer == level.issuer, AdvisoryLevel.target == level.target
        )
    ).first()
    moved: str | None = None
    if row is None:
        row = AdvisoryLevel(
            source=source,
            issuer=level.issuer,
            target=level.target,
            native_label=level.native_label,
            level=level.level,
            scope=level.scope,
        )
        moved = f"level {level.level} ({level.native_label}, {level.scope})"
    elif (row.level, row.scope, row.leave) != (level.level, level.scope, level.leave):
        moved = (
            f"level {row.level} ({row.native_label}, {row.scope}) -> {level.level} "
            f"({level.native_label}, {level.scope})"
        )
    row.native_label, row.level, row.scope, row.leave = level.native_label, level.level, level.scope, level.leave
    row.source_updated_at, row.url, row.summary, row.seen_at = level.updated_at, level.url, level.summary, utcnow()
    session.add(row)
    if moved is not None:
        bump_data_version(session)
        session.add(
            Change(
                kind="level",
                issuer=level.issuer,
                target=level.target,
                event_type="advisory_level",
                episode=1,
                summary=f"{source}: {moved}",
            )
        )
    session.flush()
    return row, moved


def list_levels(session: Session, *, target: str | None = None) -> list[AdvisoryLevel]:
    query = select(AdvisoryLevel)
    if target:
        query = query.where(AdvisoryLevel.target == target)
    return list(session.exec(query.order_by(col(AdvisoryLevel.target), col(AdvisoryLevel.issuer))).all())


def document_with_text(session: Session, *, text_sha256: str) -> Document | None:
    query = select(Document).where(Document.text_sha256 == text_sha256, Document.dropped_reason == "")
    return session.exec(query.order_by(col(Document.id))).first()


def latest_changes(
    session: Session,
    *,
    limit: int,
    target: str | None = None,
    issuer: str | None = None,
    event_type: str | None = None,
) -> list[Change]:
    """The newest changes first, for the Atom feed."""
    query = _where_key(select(Change), Change, target=target, issuer=issuer, event_type=event_type)
    return list(session.exec(query.order_by(col(Change.id).desc()).limit(limit)).all())


def event_targets(session: Session) -> list[str]:
    return sorted(t for t in session.exec(select(Event.target).distinct()).all())


# --- digests --------------------------------------------------------------------------------------------------


def outbox_row(session: Session, *, email: str, day: date) -> DigestOutbox | None:
    return session.exec(
        select(DigestOutbox).where(DigestOutbox.email == email, DigestOutbox.digest_date == day)
    ).first()


def previous_digest(session: Session, *, email: str, before: date) -> DigestOutbox | None:
    """The subscriber's latest digest before `before`: the next one starts where it ended."""
    query = select(DigestOutbox).where(DigestOutbox.email == email, DigestOutbox.digest_date < before)
    return session.exec(query.order_by(col(DigestOutbox.digest_date).desc())).first()


def last_change_before(session: Session, *, when: datetime) -> int:
    query = select(func.coalesce(func.max(Change.id), 0)).where(Change.created_at < when)
    return int(session.exec(query).one() or 0)


def changes_between(session: Session, *, after: int, upto: int) -> list[Change]:
    query = select(Change).where(col(Change.id) > after, col(Change.id) <= upto)
    return list(session.exec(query.order_by(col(Change.id))).all())


def events_by_id(session: Session, *, ids: Sequence[int]) -> dict[int, Event]:
    if not ids:
        return {}
    return {e.id: e for e in session.exec(select(Event).where(col(Event.id).in_(list(ids)))).all() if e.id}


def deliverable_digests(session: Session, *, now: datetime, max_attempts: int) -> list[int]:
    """Digests to (re)send: pending ones, ones left 'sending' by a crash, failed ones whose backoff has passed."""
    query = select(DigestOutbox.id).where(
        or_(
            col(DigestOutbox.status).in_(["pending", "sending"]),
            and_(
                col(DigestOutbox.status) == "failed",
                col(DigestOutbox.attempts) < max_attempts,
                or_(col(DigestOutbox.next_attempt_at).is_(None), col(DigestOutbox.next_attempt_at) <= now),
            ),
        )
    )
    return [i for i in session.exec(query.order_by(col(DigestOutbox.id))).all() if i is not None]


def digest_counts(session: Session) -> dict[str, int]:
    rows = session.exec(select(DigestOutbox.status, func.count()).group_by(DigestOutbox.status)).all()
    return {str(status): int(count) for status, count in rows}


def last_digest_error(session: Session) -> str:
    query = select(DigestOutbox.last_error).where(DigestOutbox.last_error != "")
    return session.exec(query.order_by(col(DigestOutbox.id).desc())).first() or ""


# --- API-managed subscribers and paused sources ---------------------------------------------------------------


def api_subscribers(session: Session) -> list[Subscriber]:
    """Subscribers added through the API, as the same model the configuration's are."""
    rows = session.exec(select(SubscriberRow).order_by(col(SubscriberRow.email))).all()
    return [
        Subscriber(
            email=row.email,
            name=row.name,
            targets=json.loads(row.targets),
            issuers=json.loads(row.issuers),
            event_types=json.loads(row.event_types),
            timezone=row.timezone,
            time=row.time,
        )
        for row in rows
    ]


def add_subscriber(session: Session, *, subscriber: Subscriber) -> SubscriberRow:
    row = SubscriberRow(
        email=subscriber.email,
        name=subscriber.name,
        targets=json.dumps(subscriber.targets),
        issuers=json.dumps(subscriber.issuers),
        event_types=json.dumps(subscriber.event_types),
        timezone=subscriber.timezone,
        time=subscriber.time,
    )
    session.add(row)
    session.flush()
    return row


def delete_subscriber(session: Session, *, email: str) -> bool:
    row = session.exec(select(SubscriberRow).where(SubscriberRow.email == email)).first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def set_source_paused(session: Session, *, name: str, paused: bool) -> Source | None:
    row = source_row(session, name=name)
    bump_data_version(session)
    if row is not None:
        row.paused = paused
        session.add(row)
        session.flush()
    return row


def paused_sources(session: Session) -> set[str]:
    return set(session.exec(select(Source.name).where(col(Source.paused).is_(True))).all())


def raw_ids_before(session: Session, *, before: datetime) -> list[int]:
    query = select(RawDocument.id).where(RawDocument.fetched_at < before).order_by(col(RawDocument.id))
    return [i for i in session.exec(query).all() if i is not None]


def delete_raw(session: Session, *, raw_id: int) -> list[tuple[str, str, str]]:
    """Delete a raw document with its parse, mentions and cache link; return the families its mentions touched."""
    families: list[tuple[str, str, str]] = []
    document = document_for_raw(session, raw_id=raw_id)
    if document is not None:
        families = delete_document(session, document=document)
    for entry in session.exec(select(HttpCache).where(HttpCache.raw_id == raw_id)).all():
        entry.raw_id = None
        session.add(entry)
    raw = session.get(RawDocument, raw_id)
    if raw is not None:
        session.delete(raw)
    session.flush()
    return families


def api_sources(session: Session) -> list[Source]:
    """Sources added through the API (the configuration's are not here)."""
    return list(session.exec(select(Source).where(Source.origin == "api").order_by(col(Source.name))).all())


def add_api_source(
    session: Session, *, name: str, kind: str, url: str, interval: str, query: str, target: str
) -> Source:
    bump_data_version(session)
    row = Source(name=name, kind=kind, url=url, interval=interval, query=query, target=target, origin="api")
    session.add(row)
    session.flush()
    return row


def delete_api_source(session: Session, *, name: str) -> bool:
    row = session.exec(select(Source).where(Source.name == name, Source.origin == "api")).first()
    if row is None:
        return False
    bump_data_version(session)
    session.delete(row)
    session.flush()
    return True
