"""HTTP caching for the read endpoints, as plain ASGI middleware (no per-request task or thread hop).

Every successful GET gets an ETag and a Cache-Control header, and a matching If-None-Match gets a 304 with no
body. Answers of the data endpoints are also kept in memory, keyed by URL and the data version that every writer
bumps (db.repo.bump_data_version): until something changes, a repeated request costs one tiny query instead of a
database scan and serialisation. The web page, which also shows source health, is kept at most ten seconds.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Answers that move with every change must be revalidated by clients; the rest may be cached briefly.
REVALIDATE = ("/api/v1/changes", "/api/v1/health", "/api/v1/sources", "/feed.atom", "/metrics")
# Answers that depend only on the stored data, so the data version decides when they are stale.
VERSIONED = (
    "/api/v1/advisories",
    "/api/v1/changes",
    "/api/v1/countries/",
    "/api/v1/events/",
    "/api/v1/levels",
    "/feed.atom",
    "/events/",
)
PAGE_TTL = 10.0
MAX_ENTRIES = 512


@dataclass(frozen=True, slots=True)
class Entry:
    version: int
    stored: float
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: bytes


class HttpCache:
    def __init__(self, app: Any, version: Callable[[], int], enabled: Callable[[], bool]) -> None:
        self.app = app
        self.version = version  # reads the data version (one indexed row)
        self.enabled = enabled  # False when reads need a token: cached answers must not skip the check
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()

    def _cacheable(self, path: str) -> bool:
        return path == "/" or path.startswith(VERSIONED)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        policy = b"no-cache" if path == "/" or path.startswith(REVALIDATE) else b"public, max-age=60"
        headers = dict(scope.get("headers") or [])
        if_none_match = headers.get(b"if-none-match", b"")
        key = path.encode() + b"?" + scope.get("query_string", b"") + b"@" + headers.get(b"host", b"")
        use_cache = self._cacheable(path) and self.enabled()
        version = self.version() if use_cache else -1
        entry = self.entries.get(key) if use_cache else None
        if (
            entry is not None
            and entry.version == version
            and (path != "/" or time.monotonic() - entry.stored < PAGE_TTL)
        ):
            self.entries.move_to_end(key)
            await self._reply(send, entry.status, entry.headers, entry.body, entry.etag, policy, if_none_match)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        status = int(start.get("status", 500))
        response_headers = tuple((k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length")
        if status != 200:
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [*response_headers, (b"content-length", str(len(body)).encode())],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        etag = b'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        if use_cache:
            self.entries[key] = Entry(version, time.monotonic(), status, response_headers, body, etag)
            self.entries.move_to_end(key)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)
        await self._reply(send, status, response_headers, body, etag, policy, if_none_match)

    @staticmethod
    async def _reply(
        send: Any,
        status: int,
        headers: tuple[tuple[bytes, bytes], ...],
        body: bytes,
        etag: bytes,
        policy: bytes,
        if_none_match: bytes,
    ) -> None:
        common = [(b"etag", etag), (b"cache-control", policy)]
        if etag in if_none_match:
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*headers, *common, (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
