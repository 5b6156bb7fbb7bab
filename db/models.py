"""SQLModel tables (storage only; API schemas live in tracker.api).

Raw documents are append-only and never mutated: parsing results live in `document`, one row per raw document,
so `tracker reprocess` can re-run parse -> extract -> reconcile without refetching (DESIGN §2).
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from db.types import UTCDateTime, utcnow


class Source(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    kind: str
    url: str = ""
    enabled: bool = True
    # Paused through the API (PATCH /api/v1/sources/{name}); survives restarts, unlike `enabled`, which mirrors
    # the configuration.
    paused: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    # "config" rows mirror the configuration; "api" rows were added through POST /api/v1/sources and carry their
    # whole definition here.
    origin: str = Field(default="config", sa_column_kwargs={"server_default": "config"})
    interval: str = Field(default="30m", sa_column_kwargs={"server_default": "30m"})
    query: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    target: str = Field(default="", sa_column_kwargs={"server_default": ""})
    last_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_success_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str = ""
    consecutive_failures: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RawDocument(SQLModel, table=True):
    __tablename__ = "raw_document"

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(unique=True, index=True, max_length=64)
    url: str = Field(sa_column=Column(Text, nullable=False))
    source: str = Field(index=True)
    fetched_at: datetime = Field(sa_type=UTCDateTime)
    status: int = 200
    content_type: str = ""
    headers: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int = 0


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    raw_id: int = Field(foreign_key="raw_document.id", unique=True, index=True)
    url: str = Field(sa_column=Column(Text, nullable=False))
    title: str = Field(default="", sa_column=Column(Text, nullable=False))
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    published: dt.date | None = None
    anchor_date: dt.date | None = None
    language: str = ""
    source: str = ""
    dropped_reason: str = ""
    # Hash of the normalised text: syndicated copies of one story under different URLs are one document.
    text_sha256: str = Field(default="", index=True, max_length=64)
    extractor_version: str = ""
    processed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Event(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("issuer", "target", "event_type", "episode", name="uq_event_episode"),
        Index("ix_event_target_date", "target", "date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    issuer: str = Field(index=True, max_length=8)
    target: str = Field(max_length=8)
    event_type: str = Field(max_length=32)
    episode: int = 1
    status: str
    date: dt.date
    date_precision: str
    first_seen: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    source_count: int = 0
    mention_count: int = 0
    closed_on: dt.date | None = None


class Mention(SQLModel, table=True):
    __table_args__ = (
        Index("ix_mention_key", "issuer", "target", "event_type"),
        # Covers "the documents behind these events" (the table's sources column) without reading mention rows.
        Index("ix_mention_event_document", "event_id", "document_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    event_id: int | None = Field(default=None, foreign_key="event.id")
    issuer: str = Field(max_length=8)
    target: str = Field(max_length=8)
    event_type: str = Field(max_length=32)
    status: str
    date: dt.date
    date_precision: str
    evidence: str = Field(sa_column=Column(Text, nullable=False))
    start: int = 0
    end: int = 0
    confidence: float = 0.0
    extractor_version: str = ""
    explain: str = Field(default="", sa_column=Column(Text, nullable=False))


class Change(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    kind: str
    event_id: int | None = Field(default=None, index=True)
    issuer: str = Field(max_length=8)
    target: str = Field(max_length=8, index=True)
    event_type: str = Field(max_length=32)
    episode: int = 1
    summary: str = Field(sa_column=Column(Text, nullable=False))


class JobRun(SQLModel, table=True):
    __tablename__ = "job_run"

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(index=True)
    started_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    status: str = "running"
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))
    error: str = Field(default="", sa_column=Column(Text, nullable=False))


class HttpCache(SQLModel, table=True):
    """Per canonical URL: validators for conditional GET, the last outcome, and the stored body if any."""

    __tablename__ = "http_cache"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    source: str = ""
    etag: str = ""
    last_modified: str = ""
    status: int = 0
    error: str = Field(default="", sa_column=Column(Text, nullable=False))
    failures: int = 0
    raw_id: int | None = None
    fetched_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AdvisoryLevel(SQLModel, table=True):
    """The current official advice of one government for one country, as one source states it."""

    __tablename__ = "advisory_level"
    __table_args__ = (UniqueConstraint("source", "issuer", "target", name="uq_advisory_level"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str
    issuer: str = Field(max_length=8)
    target: str = Field(max_length=8, index=True)
    native_label: str = Field(sa_column=Column(Text, nullable=False))
    level: int
    scope: str = "whole"
    leave: bool = False
    source_updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    url: str = Field(default="", sa_column=Column(Text, nullable=False))
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))


class DigestOutbox(SQLModel, table=True):
    """One digest per (subscriber, local day): intent recorded first, then sent, then marked.

    The rendered message is stored with the intent, so a retry after a crash sends exactly what was planned, and
    the change-id range tells the next digest where to start.
    """

    __tablename__ = "digest_outbox"
    __table_args__ = (UniqueConstraint("email", "digest_date", name="uq_digest_day"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True)
    digest_date: dt.date
    status: str = "pending"  # pending | sending | sent | skipped | failed
    first_change_id: int = 0
    last_change_id: int = 0
    change_count: int = 0
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    body_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    body_html: str = Field(default="", sa_column=Column(Text, nullable=False))
    message_id: str = ""
    attempts: int = 0
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False))
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class SubscriberRow(SQLModel, table=True):
    """A digest subscriber added through the API; the configuration's subscribers are not stored here."""

    __tablename__ = "subscriber"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True)
    name: str = ""
    targets: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON lists
    issuers: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    event_types: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    timezone: str = ""
    time: str = ""
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Meta(SQLModel, table=True):
    """One row: the data version, bumped by every transaction that changes what the read endpoints show.

    Read endpoints cache their answers by it, and bumping it is also how a writer takes SQLite's write lock first.
    """

    id: int = Field(default=1, primary_key=True)
    data_version: int = 0
