"""The fetch job: for each configured source, fetch what it needs, store every body once, and record health.

Per source: its requests (a feed, an API query, a page, one official page per watch target) are fetched with
conditional GET; discovery links pass a keyword prefilter, are canonicalised, and the ones not stored yet are
fetched; official adapters give advisory levels (stored, with a change when one moves) and English prose (stored
as text documents). Processing happens afterwards in the pipeline job, so a slow source never holds up extraction.
One source failing never stops another: each runs in its own task and records its own outcome.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from db import repo
from db.engine import session_scope
from tracker.fetch import Fetcher, FetchResult
from tracker.prefilter import Prefilter
from tracker.records import RawDocument
from tracker.settings import Settings, SourceConfig
from tracker.sources import kind_of
from tracker.sources.base import Link, Prose, Request, SourceDown, SourceKind, SourceOutput
from tracker.urls import canonical_url

log = logging.getLogger("tracker.fetch")


@dataclass
class SourceReport:
    name: str
    requests: int = 0
    not_modified: int = 0
    links: int = 0
    filtered_out: int = 0
    already_known: int = 0
    stored: int = 0
    levels: int = 0
    level_changes: int = 0
    errors: list[str] = field(default_factory=list)
    source_error: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.source_error)

    def summary(self) -> str:
        text = (
            f"{self.name}: {self.requests} requests ({self.not_modified} unchanged), {self.links} links "
            f"({self.filtered_out} filtered, {self.already_known} known), {self.stored} stored, "
            f"{self.levels} levels ({self.level_changes} moved)"
        )
        problems = ([self.source_error] if self.source_error else []) + self.errors
        return text + (f"; {len(problems)} errors: " + "; ".join(problems[:3]) if problems else "")


@dataclass
class FetchReport:
    sources: list[SourceReport] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(s.failed for s in self.sources)

    def summary(self) -> str:
        return " | ".join(s.summary() for s in self.sources) or "no sources"


def _store(engine: Engine, raw: RawDocument, result: FetchResult, source: str) -> int:
    with session_scope(engine) as session:
        row, _ = repo.store_raw(session, raw=raw)
        assert row.id is not None
        repo.record_fetch(
            session,
            url=canonical_url(result.requested_url),
            source=source,
            status=result.status,
            error="",
            etag=result.headers.get("etag", ""),
            last_modified=result.headers.get("last-modified", ""),
            raw_id=row.id,
        )
        return row.id


def _record_failure(engine: Engine, result: FetchResult, source: str) -> None:
    with session_scope(engine) as session:
        repo.record_fetch(
            session, url=canonical_url(result.requested_url), source=source, status=result.status, error=result.error
        )


def _raw_from(result: FetchResult, source: str) -> RawDocument:
    return RawDocument(
        url=result.url,
        fetched_at=result.fetched_at,
        body=result.body,
        status=result.status,
        content_type=result.headers.get("content-type", ""),
        headers=result.headers,
        source=source,
    )


def _prose_raw(prose: Prose, source: str, fetched_at: datetime) -> RawDocument:
    """Official prose in the plain-text article format (title, date, URL, text), so the pipeline reads it as such."""
    day = (prose.published or fetched_at).date().isoformat()
    body = f"{prose.title}\n{day}\n{prose.url}\n\n{prose.text}\n".encode()
    return RawDocument(url=prose.url, fetched_at=fetched_at, body=body, content_type="text/plain", source=source)


async def _fetch_request(fetcher: Fetcher, engine: Engine, config: SourceConfig, request: Request) -> FetchResult:
    with session_scope(engine) as session:
        cached = repo.cache_entry(session, url=canonical_url(request.url))
        etag, modified = (cached.etag, cached.last_modified) if cached else ("", "")
    return await fetcher.fetch(request.url, etag=etag, last_modified=modified)


class SharedFetches:
    """Within one cycle, one fetch per article URL, however many sources point to it at the same time."""

    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Future[FetchResult]] = {}
        self._stored: set[str] = set()

    def fetch(self, fetcher: Fetcher, url: str) -> asyncio.Future[FetchResult]:
        if url not in self._tasks:
            self._tasks[url] = asyncio.ensure_future(fetcher.fetch(url))
        return self._tasks[url]

    def claim(self, url: str) -> bool:
        """True for the first caller only: that one stores (or records) the result, the others skip it."""
        if url in self._stored:
            return False
        self._stored.add(url)
        return True


async def _fetch_links(
    fetcher: Fetcher,
    engine: Engine,
    settings: Settings,
    config: SourceConfig,
    links: list[Link],
    report: SourceReport,
    prefilter: Prefilter,
    shared: SharedFetches,
) -> None:
    wanted: dict[str, Link] = {}
    for link in links:
        if not prefilter.accepts(link.title, link.summary):
            report.filtered_out += 1
            continue
        wanted.setdefault(canonical_url(link.url), link)
    with session_scope(engine) as session:
        known = repo.known_article_urls(session, urls=list(wanted))
    report.already_known += len(known)
    todo = [url for url in wanted if url not in known][: settings.fetch.max_articles_per_source]
    results = await asyncio.gather(*(shared.fetch(fetcher, url) for url in todo))
    for url, result in zip(todo, results, strict=True):
        if not shared.claim(url):
            report.already_known += 1
            continue
        if not result.ok:
            report.errors.append(f"{result.requested_url}: {result.error}")
            _record_failure(engine, result, config.name)
            continue
        _store(engine, _raw_from(result, config.name), result, config.name)
        report.stored += 1


def _apply_output(
    engine: Engine,
    settings: Settings,
    config: SourceConfig,
    output: SourceOutput,
    fetched_at: datetime,
    report: SourceReport,
) -> None:
    watched = {w.target for w in settings.watches}
    with session_scope(engine) as session:
        for level in output.levels:
            if level.target not in watched:
                continue
            _, moved = repo.upsert_level(session, source=config.name, level=level)
            report.levels += 1
            report.level_changes += moved is not None
        for prose in output.prose:
            _, created = repo.store_raw(session, raw=_prose_raw(prose, config.name, fetched_at))
            report.stored += created


async def fetch_source(
    fetcher: Fetcher,
    engine: Engine,
    settings: Settings,
    config: SourceConfig,
    kind: SourceKind,
    shared: SharedFetches | None = None,
) -> SourceReport:
    report = SourceReport(config.name)
    started = datetime.now(UTC)
    targets = tuple(w.target for w in settings.watches)
    prefilter = Prefilter.for_targets(targets)
    links: list[Link] = []
    source_errors: list[str] = []
    requests = kind.requests(config, targets)
    for request, result in zip(
        requests, await asyncio.gather(*(_fetch_request(fetcher, engine, config, r) for r in requests)), strict=True
    ):
        report.requests += 1
        if not result.ok:
            source_errors.append(f"{request.url}: {result.error}")
            _record_failure(engine, result, config.name)
            continue
        if result.not_modified:
            report.not_modified += 1
            continue
        raw_id = _store(engine, _raw_from(result, config.name), result, config.name)
        if kind.stores_body:
            report.stored += 1
        try:
            output = kind.parse(config, request, result.body, result.headers.get("content-type", ""))
        except (SourceDown, ValueError) as exc:
            source_errors.append(f"{request.url}: {exc}")
            continue
        log.debug("source %s: raw %s parsed", config.name, raw_id)
        links.extend(output.links)
        _apply_output(engine, settings, config, output, result.fetched_at, report)
    report.links = len(links)
    await _fetch_links(fetcher, engine, settings, config, links, report, prefilter, shared or SharedFetches())
    report.source_error = "; ".join(source_errors)
    with session_scope(engine) as session:
        # The source failed when none of its own requests worked; article failures are recorded per URL.
        failed_all = bool(source_errors) and len(source_errors) == report.requests
        row = repo.record_source_run(
            session,
            name=config.name,
            kind=config.kind,
            error=report.source_error if failed_all else "",
            attempted_at=started,
        )
        if source_errors and not failed_all:
            row.last_error, row.last_error_at = report.source_error[:2000], started
    return report


def sources_of(engine: Engine, settings: Settings) -> list[SourceConfig]:
    """The configured sources and those added through the API (the configuration wins on a shared name)."""
    with session_scope(engine) as session:
        rows = repo.api_sources(session)
    configured = {c.name for c in settings.sources}
    added = [
        SourceConfig(name=r.name, kind=r.kind, url=r.url, interval=r.interval, query=r.query, target=r.target)
        for r in rows
        if r.name not in configured
    ]
    return [*settings.sources, *added]


async def fetch_cycle_async(engine: Engine, settings: Settings, only: str | None = None) -> FetchReport:
    with session_scope(engine) as session:
        paused = repo.paused_sources(session)  # paused through the API
    configs = [
        s
        for s in sources_of(engine, settings)
        if s.enabled and s.name not in paused and (only is None or s.name == only)
    ]
    report = FetchReport()
    shared = SharedFetches()
    async with Fetcher(settings.fetch) as fetcher:

        async def one(config: SourceConfig) -> SourceReport:
            try:
                return await fetch_source(fetcher, engine, settings, config, kind_of(config), shared)
            except Exception as exc:  # one broken source must not stop the others; it is recorded
                log.exception("source %s failed", config.name)
                failed = SourceReport(config.name, source_error=f"{exc.__class__.__name__}: {exc}")
                with session_scope(engine) as session:
                    repo.record_source_run(
                        session,
                        name=config.name,
                        kind=config.kind,
                        error=failed.source_error,
                        attempted_at=datetime.now(UTC),
                    )
                return failed

        report.sources = list(await asyncio.gather(*(one(c) for c in configs)))
    return report


def fetch_cycle(engine: Engine, settings: Settings, only: str | None = None) -> FetchReport:
    """One fetch cycle over the enabled sources (or the one named); runs its own event loop."""
    return asyncio.run(fetch_cycle_async(engine, settings, only))
