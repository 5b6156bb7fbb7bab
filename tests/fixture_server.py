"""A real HTTP server on loopback for scraper tests: routes serve saved pages, and can misbehave on purpose.

Each route is a Route: status, headers, body, an optional delay, an ETag (then If-None-Match gets a 304), and a
script of statuses for the first requests (e.g. [429, 200] with Retry-After). Every request is counted, so tests
can assert that nothing was fetched twice.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    delay: float = 0.0
    script: list[int] = field(default_factory=list)  # statuses for the first requests, then `status`
    chunks: int = 0  # stream the body in this many chunks (for huge bodies without Content-Length)


class FixtureServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, list[dict[str, str]]] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                server._serve(self)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.hits[path] += 1
            count = self.hits[path]
            self.request_headers.setdefault(path, []).append({k.lower(): v for k, v in handler.headers.items()})
            route = self.routes.get(path)
        if route is None:
            self._reply(handler, 404, {"Content-Type": "text/plain"}, b"not found")
            return
        if route.delay:
            time.sleep(route.delay)  # the server is slow on purpose; the client's timeout is under test
        status = route.script[count - 1] if count <= len(route.script) else route.status
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.etag:
            headers["ETag"] = route.etag
            if handler.headers.get("If-None-Match") == route.etag and status == 200:
                self._reply(handler, 304, {"ETag": route.etag}, b"")
                return
        body = route.body if status == 200 else f"status {status}".encode()
        if route.chunks and status == 200:
            self._reply_chunked(handler, headers, body, route.chunks)
        else:
            self._reply(handler, status, headers, body)

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if body:
            handler.wfile.write(body)

    @staticmethod
    def _reply_chunked(handler: BaseHTTPRequestHandler, headers: dict[str, str], body: bytes, chunks: int) -> None:
        handler.send_response(200)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        size = max(1, len(body) // chunks)
        try:
            for start in range(0, len(body), size):
                piece = body[start : start + size]
                handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            handler.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its size limit, as it should

    def start(self) -> FixtureServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@contextmanager
def serving() -> Iterator[FixtureServer]:
    server = FixtureServer().start()
    try:
        yield server
    finally:
        server.stop()
