"""HTTP fetching at the edge: polite, bounded and honest about failures (issue 4).

One async client per fetch cycle. A global and a per-host concurrency limit plus a per-host delay keep us polite;
5xx, 429, timeouts and connection errors are retried with exponential backoff and jitter (Retry-After honoured,
capped); bodies are streamed and cut off at a maximum size; redirects are followed by hand so every hop passes the
SSRF guard and loops are caught; ETag / Last-Modified make an unchanged source cost a 304; robots.txt is read once
per host per cycle. Nothing raises for a bad response: a FetchResult carries the error, and the caller records it.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from tracker.errors import SourceError
from tracker.guard import check_url
from tracker.settings import FetchSettings
from tracker.urls import host_of

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchResult:
    requested_url: str
    url: str
    status: int
    body: bytes
    headers: dict[str, str]
    fetched_at: datetime
    attempts: int
    not_modified: bool = False
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and (self.not_modified or 200 <= self.status < 300)


@dataclass
class _HostState:
    semaphore: asyncio.Semaphore
    next_slot: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Fetcher:
    """Use as `async with Fetcher(settings) as fetcher: await fetcher.fetch(url)`."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.settings = settings
        self._allowed = frozenset(h.lower() for h in settings.allow_private_hosts)
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
        )
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, _HostState] = defaultdict(
            lambda: _HostState(asyncio.Semaphore(settings.per_host_concurrency))
        )
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._sleep = sleep

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self._client.aclose()

    async def fetch(self, url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
        started = datetime.now(UTC)
        try:
            if self.settings.respect_robots:
                await self._check_robots(url)
            return await self._fetch_following(url, etag, last_modified, started)
        except SourceError as exc:
            return FetchResult(url, url, 0, b"", {}, started, 0, error=str(exc))

    async def _fetch_following(self, url: str, etag: str, last_modified: str, started: datetime) -> FetchResult:
        seen = [url]
        current = url
        attempts = 0
        for _ in range(self.settings.max_redirects + 1):
            await check_url(current, self._allowed)
            conditional = current == url
            response_or_error, tries = await self._get_with_retries(
                current, etag if conditional else "", last_modified if conditional else ""
            )
            attempts += tries
            if isinstance(response_or_error, str):
                return FetchResult(url, current, 0, b"", {}, started, attempts, error=response_or_error)
            status, headers, body = response_or_error
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = urljoin(current, headers["location"])
                if current in seen:
                    return FetchResult(
                        url,
                        current,
                        status,
                        b"",
                        headers,
                        started,
                        attempts,
                        error=f"redirect loop: {' -> '.join([*seen, current])}",
                    )
                seen.append(current)
                continue
            if status == 304:
                return FetchResult(url, current, status, b"", headers, started, attempts, not_modified=True)
            error = "" if 200 <= status < 300 else f"HTTP {status}"
            return FetchResult(
                url, current, status, body if not error else b"", headers, started, attempts, error=error
            )
        return FetchResult(
            url, current, 0, b"", {}, started, attempts, error=f"more than {self.settings.max_redirects} redirects"
        )

    async def _get_with_retries(
        self, url: str, etag: str, last_modified: str
    ) -> tuple[tuple[int, dict[str, str], bytes] | str, int]:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        last_error = ""
        for attempt in range(1, self.settings.retries + 2):
            try:
                status, response_headers, body = await self._get_once(url, headers)
            except httpx.TimeoutException:
                last_error = f"timed out after {self.settings.timeout:g}s"
                wait = None
            except httpx.TransportError as exc:
                last_error = f"connection failed: {exc.__class__.__name__}: {exc}"
                wait = None
            except _TooLarge as exc:
                return str(exc), attempt
            else:
                if status not in RETRY_STATUSES:
                    return (status, response_headers, body), attempt
                last_error = f"HTTP {status}"
                wait = retry_after_seconds(response_headers.get("retry-after"))
                if wait is not None and wait > self.settings.max_retry_after:
                    return (
                        f"HTTP {status}, Retry-After {wait:.0f}s exceeds the {self.settings.max_retry_after:g}s cap",
                        attempt,
                    )
            if attempt > self.settings.retries:
                break
            backoff = self.settings.backoff_base * (2 ** (attempt - 1))
            delay = wait if wait is not None else backoff + random.uniform(0, backoff / 2)
            await self._sleep(delay)
        return f"{last_error} (after {self.settings.retries + 1} attempts)", self.settings.retries + 1

    async def _get_once(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        host = self._hosts[host_of(url)]
        async with self._global, host.semaphore:
            async with host.lock:
                # Space requests to one host by per_host_delay, whatever the concurrency.
                now = time.monotonic()
                wait = host.next_slot - now
                host.next_slot = max(now, host.next_slot) + self.settings.per_host_delay
            if wait > 0:
                await self._sleep(wait)
            async with self._client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length")
                limit = self.settings.max_body_bytes
                if declared and declared.isdigit() and int(declared) > limit:
                    raise _TooLarge(f"body of {declared} bytes exceeds the {limit}-byte limit")
                chunks = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _TooLarge(f"body exceeds the {limit}-byte limit")
                    chunks.append(chunk)
                return response.status_code, {k.lower(): v for k, v in response.headers.items()}, b"".join(chunks)

    async def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self._robots_locks[origin]:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise SourceError(f"{url}: {rules}")
        if not rules.can_fetch(self.settings.user_agent, url):
            raise SourceError(f"{url}: disallowed by {origin}/robots.txt")

    async def _load_robots(self, origin: str) -> RobotFileParser | str:
        parser = RobotFileParser()
        result = await self._fetch_following(origin + "/robots.txt", "", "", datetime.now(UTC))
        if result.ok:
            parser.parse(result.body.decode("utf-8", "replace").splitlines())
        elif 400 <= result.status < 500:
            parser.parse([])  # no robots.txt: everything is allowed
        else:
            # RFC 9309: an unreachable robots.txt means assume complete disallow, for this cycle.
            return f"robots.txt unavailable ({result.error}); not fetching this cycle"
        return parser


class _TooLarge(Exception):
    pass
