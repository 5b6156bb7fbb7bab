"""The fetcher against a real HTTP server on loopback: politeness, retries, limits and the SSRF guard."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.fixture_server import FixtureServer, Route, serving
from tracker.fetch import Fetcher, FetchResult, retry_after_seconds
from tracker.settings import FetchSettings
from tracker.urls import canonical_url


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with serving() as running:
        running.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private\n", content_type="text/plain")
        yield running


class Sleeps:
    """Records the delays the fetcher asks for and returns at once: backoff is checked, not waited out."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def settings(**overrides: object) -> FetchSettings:
    base: dict[str, object] = {"allow_private_hosts": ["127.0.0.1"], "per_host_delay": 0.0, "timeout": 2.0}
    base.update(overrides)
    return FetchSettings.model_validate(base)


def fetch(url: str, config: FetchSettings, sleeps: Sleeps | None = None, **kwargs: str) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(config, sleep=sleeps or Sleeps()) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(run())


def test_conditional_get_costs_a_304(server: FixtureServer) -> None:
    server.routes["/feed"] = Route(b"<rss/>", etag='"v1"', content_type="application/rss+xml")
    first = fetch(server.url("/feed"), settings())
    assert first.ok and first.body == b"<rss/>" and first.headers["etag"] == '"v1"'
    second = fetch(server.url("/feed"), settings(), etag='"v1"')
    assert second.ok and second.not_modified and second.status == 304 and second.body == b""
    assert server.request_headers["/feed"][1]["if-none-match"] == '"v1"'
    assert "tracker/" in server.request_headers["/feed"][0]["user-agent"]


def test_429_honours_retry_after(server: FixtureServer) -> None:
    server.routes["/busy"] = Route(b"ok", script=[429], headers={"Retry-After": "7"})
    sleeps = Sleeps()
    result = fetch(server.url("/busy"), settings(), sleeps)
    assert result.ok and result.attempts == 2 and server.hits["/busy"] == 2
    assert sleeps.calls == [7.0]


def test_retry_after_beyond_the_cap_gives_up_at_once(server: FixtureServer) -> None:
    server.routes["/later"] = Route(b"ok", script=[503], headers={"Retry-After": "3600"})
    result = fetch(server.url("/later"), settings(max_retry_after=60))
    assert not result.ok and "exceeds" in result.error and server.hits["/later"] == 1


def test_5xx_retried_with_exponential_backoff_then_recorded(server: FixtureServer) -> None:
    server.routes["/broken"] = Route(status=500)
    sleeps = Sleeps()
    result = fetch(server.url("/broken"), settings(retries=3, backoff_base=1.0), sleeps)
    assert not result.ok and result.error == "HTTP 500 (after 4 attempts)" and server.hits["/broken"] == 4
    assert len(sleeps.calls) == 3
    for attempt, delay in enumerate(sleeps.calls):
        assert 2**attempt <= delay <= 1.5 * 2**attempt  # base * 2^n plus up to 50% jitter


def test_a_recovering_server_succeeds(server: FixtureServer) -> None:
    server.routes["/flaky"] = Route(b"fine", script=[502, 500])
    result = fetch(server.url("/flaky"), settings())
    assert result.ok and result.body == b"fine" and result.attempts == 3


def test_404_is_not_retried(server: FixtureServer) -> None:
    result = fetch(server.url("/missing"), settings())
    assert result.error == "HTTP 404" and server.hits["/missing"] == 1


def test_slow_response_times_out(server: FixtureServer) -> None:
    server.routes["/slow"] = Route(b"late", delay=1.5)
    result = fetch(server.url("/slow"), settings(timeout=0.3, retries=1))
    assert not result.ok and "timed out" in result.error


@pytest.mark.parametrize("chunks", [0, 16])
def test_huge_body_is_cut_off(server: FixtureServer, chunks: int) -> None:
    server.routes["/huge"] = Route(b"x" * 3_000_000, chunks=chunks)
    result = fetch(server.url("/huge"), settings(max_body_bytes=1_000_000))
    assert not result.ok and "1000000-byte limit" in result.error and result.body == b""


def test_redirects_followed_and_loops_caught(server: FixtureServer) -> None:
    server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Route(b"moved here")
    moved = fetch(server.url("/old"), settings())
    assert moved.ok and moved.url == server.url("/new") and moved.body == b"moved here"
    server.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    server.routes["/b"] = Route(status=302, headers={"Location": "/a"})
    loop = fetch(server.url("/a"), settings())
    assert not loop.ok and "redirect loop" in loop.error


def test_robots_txt_is_honoured_and_read_once(server: FixtureServer) -> None:
    async def run() -> list[FetchResult]:
        async with Fetcher(settings(), sleep=Sleeps()) as fetcher:
            return [await fetcher.fetch(server.url(p)) for p in ("/private/x", "/public", "/private/y")]

    server.routes["/public"] = Route(b"hello")
    blocked, allowed, blocked_again = asyncio.run(run())
    assert "disallowed by" in blocked.error and "disallowed by" in blocked_again.error
    assert allowed.ok and server.hits["/private/x"] == 0 and server.hits["/robots.txt"] == 1


def test_ssrf_guard_refuses_loopback_unless_allowed(server: FixtureServer) -> None:
    server.routes["/internal"] = Route(b"secret")
    refused = fetch(server.url("/internal"), settings(allow_private_hosts=[]))
    assert not refused.ok and "non-public address 127.0.0.1" in refused.error
    assert server.hits["/internal"] == 0
    assert not fetch("file:///etc/passwd", settings()).ok


def test_per_host_delay_spaces_requests(server: FixtureServer) -> None:
    for n in range(4):
        server.routes[f"/p{n}"] = Route(b"x")
    sleeps = Sleeps()

    async def run() -> list[FetchResult]:
        async with Fetcher(settings(per_host_delay=0.5, respect_robots=False), sleep=sleeps) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(server.url(f"/p{n}")) for n in range(4)))

    assert all(r.ok for r in asyncio.run(run()))
    # Four requests to one host: the later ones are asked to wait about 0.5, 1.0 and 1.5 s.
    assert len(sleeps.calls) == 3 and max(sleeps.calls) == pytest.approx(1.5, abs=0.1)


def test_retry_after_http_date() -> None:
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_canonical_url_drops_tracking_and_fragments() -> None:
    assert canonical_url("HTTPS://Example.org:443/news/a?utm_source=x&b=2&a=1&fbclid=z#top") == (
        "https://example.org/news/a?a=1&b=2"
    )
    assert canonical_url("http://example.org:8080") == "http://example.org:8080/"
