"""Fetch-cycle throughput against a loopback server: N feeds x M articles, then a second, mostly-304 cycle.

    python -m benchmarks.fetch [--feeds 500] [--articles 20]

The server runs in a child process (so its CPU is not counted as ours) and serves generated feeds with ETags and
article pages of about 3 KB. The cycle stores every article once in a temporary SQLite database; processing
(extraction) is measured separately by benchmarks.extraction.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

from db.engine import make_engine
from db.migrate import upgrade
from jobs.fetch import fetch_cycle
from tracker.settings import SourceConfig, load_settings

PARAGRAPH = (
    "<p>Officials said the government had advised its citizens to leave Ukraine while commercial flights were "
    "still available, and that the embassy in Kyiv would continue to offer consular help by telephone.</p>"
)


def _serve(feeds: int, articles: int, conn: Connection) -> None:
    from tests.fixture_server import FixtureServer, Route

    server = FixtureServer()
    for f in range(feeds):
        items = "".join(
            f"<item><title>Country {f}-{a} tells citizens to leave Ukraine</title>"
            f"<link>{server.base}/a/{f}/{a}?utm_source=rss</link><description>Embassy advice.</description></item>"
            for a in range(articles)
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>{items}</channel></rss>'
        server.routes[f"/feed/{f}.xml"] = Route(feed.encode(), content_type="application/rss+xml", etag=f'"f{f}"')
        for a in range(articles):
            page = (
                f"<html><head><title>Story {f}-{a}</title></head><body><article><h1>Story {f}-{a}</h1>"
                + PARAGRAPH * 12
                + f"<p>Reference {f}-{a}.</p></article></body></html>"
            )
            server.routes[f"/a/{f}/{a}"] = Route(page.encode())
    server.start()
    conn.send(server.base)
    conn.recv()  # serve until the parent says stop
    server.stop()


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()

    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(args.feeds, args.articles, child), daemon=True)
    server.start()
    base = parent.recv()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        settings = load_settings(
            data_dir=Path(tmp),
            database_url=url,
            sources=[SourceConfig(name=f"feed-{f}", kind="rss", url=f"{base}/feed/{f}.xml") for f in range(args.feeds)],
            fetch={
                "allow_private_hosts": ["127.0.0.1"],
                "per_host_delay": 0,
                "concurrency": 32,
                "per_host_concurrency": 32,
                "retries": 0,
            },
        )
        engine = make_engine(url)
        for label in ("first cycle", "second cycle"):
            cpu0, wall0 = _cpu(), time.perf_counter()
            report = fetch_cycle(engine, settings)
            cpu, wall = _cpu() - cpu0, time.perf_counter() - wall0
            stored = sum(s.stored for s in report.sources)
            unchanged = sum(s.not_modified for s in report.sources)
            errors = sum(len(s.errors) + bool(s.source_error) for s in report.sources)
            print(
                f"{label}: {args.feeds} feeds, {stored} documents stored, {unchanged} feeds unchanged (304), "
                f"{errors} errors"
            )
            print(
                f"  wall {wall:.1f} s, CPU {cpu:.1f} s ({cpu / wall * 100:.0f}% of one core); "
                f"{stored / wall:.0f} documents/s; {args.feeds / wall:.0f} feeds/s"
            )
        engine.dispose()
    parent.send("stop")
    server.join(timeout=30)
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (pid {os.getpid()})")


if __name__ == "__main__":
    main()
