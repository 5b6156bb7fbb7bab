"""API latency under load: a generated database of realistic size, the real server, concurrent keep-alive clients.

    python -m benchmarks.api [--events 100000] [--mentions-per-event 10] [--seconds 10] [--connections 8]

A temporary SQLite database (WAL, the project's migrations) is filled with events spread over 40 targets (so UA
holds about 1/40 of them), their mentions (each with an evidence sentence) linked to documents, and the change log;
ids follow the order the pipeline would write rows in (documents by date, mentions by document, changes by time).
`tracker serve` then runs in a child process and each endpoint is loaded in turn by `--connections` workers on
loopback for `--seconds`; the table gives requests/s and latency percentiles beside the targets from the issue.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import hashlib
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import httpx
import pycountry
from sqlalchemy import Connection, insert
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from db.engine import make_engine
from db.migrate import upgrade
from tracker.records import ChangeKind, DatePrecision, EventType, Status

# Places where governments have told their citizens to leave, UA first: the page and /advisories load its events.
TARGETS = (
    "UA", "LB", "SD", "IL", "PS", "SY", "IQ", "AF", "YE", "LY", "ML", "NE", "BF", "HT",
    "ET", "SS", "MM", "RU", "BY", "IR", "VE", "SO", "CD", "CF", "TD", "NG", "MZ", "PK",
    "KP", "TW", "AM", "AZ", "GE", "MD", "ER", "LK", "BD", "NI", "CU", "KE",
)  # fmt: skip
START, END = date(2021, 1, 1), date(2025, 12, 31)
BATCH = 50_000  # rows per executemany: large enough to amortise the call, small enough to keep memory flat
MENTIONS_PER_DOCUMENT = 20
EVIDENCE = {
    EventType.LEAVE_ADVISORY: "{i} advised its citizens to leave {t} on {d}, the foreign ministry said in a statement",
    EventType.EMBASSY_DRAWDOWN: "{i} ordered the departure of non-essential staff and families from its embassy in {t}",
    EventType.EMBASSY_RELOCATION: "{i} said on {d} it was temporarily moving its embassy operations out of {t}",
    EventType.EMBASSY_CLOSURE: "{i} suspended operations at its embassy in {t} on {d}, citing the security situation",
    EventType.EMBASSY_RETURN: "{i} reopened its embassy in {t} on {d} after months of suspended operations",
    EventType.ADVISORY_LIFTED: "{i} lifted its advice to leave {t} on {d}, saying the situation had stabilised",
}
FILLER = ", officials told reporters on condition that the details of the decision be confirmed later."
TARGET_P95_MS = {"advisories": 50.0, "changes": 20.0}
STARTUP_TIMEOUT = 60.0
WARMUP_SECONDS = 1.0


# --- data generation -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class World:
    """What the generated rows share: names, per-target crisis starts, and the documents' dates per target."""

    names: dict[str, str]
    issuers: list[str]
    crisis_start: dict[str, date]
    doc_days: dict[str, list[date]]  # per target, sorted
    doc_ids: dict[str, list[int]]  # per target, aligned with doc_days


def _day(rng: random.Random, start: date, episode: int) -> date:
    """Acts cluster in the weeks after a crisis starts; a later episode comes a season or more after the last."""
    offset = int(rng.expovariate(1 / 60)) + (episode - 1) * rng.randint(200, 500)
    return min(start + timedelta(days=offset), END)


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=rng.randint(0, 3 * 86_400))


def _insert(conn: Connection, table: str, rows: Iterator[dict[str, Any]]) -> int:
    """Executemany in large batches; the caller holds one transaction for the whole table."""
    statement = insert(SQLModel.metadata.tables[table])
    count = 0
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.execute(statement, batch)
            count, batch = count + len(batch), []
    if batch:
        conn.execute(statement, batch)
        count += len(batch)
    return count


def _documents(world: World, count: int, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Raw documents and their parses, each about one target, dated like that target's events."""
    raws: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    dated = [(_day(rng, world.crisis_start[t], rng.choice((1, 1, 1, 2))), t) for t in TARGETS * (count // len(TARGETS))]
    dated += [(_day(rng, world.crisis_start[t], 1), t) for t in TARGETS[: count - len(dated)]]
    # Ids in date order: the pipeline stores documents as they are fetched.
    for index, (day, target) in enumerate(sorted(dated)):
        doc_id = index + 1
        url = f"https://news{index % 50}.example.org/{day:%Y/%m/%d}/story-{doc_id}"
        title = f"Governments urge citizens to leave {world.names[target]} as tensions rise"
        text = f"{title}.\n\n" + f"Several embassies in {world.names[target]} reduced their staff this week. " * 4
        body = f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>".encode()
        fetched = _moment(day, rng)
        raws.append(
            {
                "id": doc_id,
                "sha256": hashlib.sha256(body + url.encode()).hexdigest(),
                "url": url,
                "source": "bench",
                "fetched_at": fetched,
                "status": 200,
                "content_type": "text/html",
                "headers": "{}",
                "body": body,
                "size": len(body),
            }
        )
        docs.append(
            {
                "id": doc_id,
                "raw_id": doc_id,
                "url": url,
                "title": title,
                "text": text,
                "published": day,
                "anchor_date": day,
                "language": "en",
                "source": "bench",
                "dropped_reason": "",
                "text_sha256": hashlib.sha256(text.encode() + url.encode()).hexdigest(),
                "extractor_version": "bench",
                "processed_at": fetched,
            }
        )
        # Appended in date order, so a mention can bisect for a document published near its date.
        world.doc_days[target].append(day)
        world.doc_ids[target].append(doc_id)
    return raws, docs


def _events(world: World, count: int, rng: random.Random) -> list[dict[str, Any]]:
    """Events spread evenly over the targets; (issuer, type) keys shuffled per target, episodes beyond one key."""
    types = list(EventType)
    per_target = -(-count // len(TARGETS))
    events: list[dict[str, Any]] = []
    for target in TARGETS:
        keys = [(i, t) for i in world.issuers if i != target for t in types]
        rng.shuffle(keys)
        for j in range(min(per_target, count - len(events))):
            issuer, event_type = keys[j % len(keys)]
            episode = j // len(keys) + 1
            day = _day(rng, world.crisis_start[target], episode)
            first_seen = _moment(day, rng)
            closes = event_type in (EventType.LEAVE_ADVISORY, EventType.EMBASSY_CLOSURE) and rng.random() < 0.2
            events.append(
                {
                    "issuer": issuer,
                    "target": target,
                    "event_type": event_type.value,
                    "episode": episode,
                    "status": rng.choices(list(Status), weights=(85, 5, 10))[0].value,
                    "date": day,
                    "date_precision": rng.choices(list(DatePrecision), weights=(75, 22, 3))[0].value,
                    "first_seen": first_seen,
                    "updated_at": first_seen,
                    "source_count": 0,
                    "mention_count": 0,
                    "closed_on": min(day + timedelta(days=rng.randint(30, 400)), END) if closes else None,
                }
            )
    # Ids follow discovery, as they do when the pipeline inserts events.
    events.sort(key=lambda e: e["first_seen"])
    for event_id, event in enumerate(events, start=1):
        event["id"] = event_id
    return events


def _evidence(world: World, event: dict[str, Any], day: date) -> str:
    template = EVIDENCE[EventType(event["event_type"])]
    sentence = template.format(
        i=world.names[event["issuer"]], t=world.names[event["target"]], d=f"{day.day} {day:%B %Y}"
    )
    # Cut at a word boundary to about 120 characters, the length of a typical evidence sentence.
    return (sentence + FILLER)[:124].rsplit(" ", 1)[0].rstrip(",") + "."


def _plan_mentions(
    world: World, events: list[dict[str, Any]], per_event: int, rng: random.Random
) -> list[tuple[int, int, int]]:
    """(document id, event index, days after the event) per mention, in document order; fills the event counts.

    Mentions are dated on or after their event, in documents about its target published around that date. The
    pipeline writes a document's mentions together, so one event's mentions end up spread over the table: sorting
    by document keeps that layout, which matters for the queries that gather an event's sources.
    """
    plan: list[tuple[int, int, int]] = []
    for index, event in enumerate(events):
        days, ids = world.doc_days[event["target"]], world.doc_ids[event["target"]]
        documents: set[int] = set()
        for _ in range(per_event):
            offset = rng.randint(0, 14)
            position = bisect.bisect_left(days, min(event["date"] + timedelta(days=offset), END))
            doc_id = ids[min(position + rng.randint(0, 3), len(ids) - 1)]
            documents.add(doc_id)
            plan.append((doc_id, index, offset))
        event["mention_count"], event["source_count"] = per_event, len(documents)
    plan.sort()
    return plan


def _mentions(
    world: World, events: list[dict[str, Any]], plan: list[tuple[int, int, int]], rng: random.Random
) -> Iterator[dict[str, Any]]:
    for doc_id, index, offset in plan:
        event = events[index]
        day = min(event["date"] + timedelta(days=offset), END)
        yield {
            "document_id": doc_id,
            "event_id": event["id"],
            "issuer": event["issuer"],
            "target": event["target"],
            "event_type": event["event_type"],
            "status": event["status"],
            "date": day,
            "date_precision": event["date_precision"],
            "evidence": _evidence(world, event, day),
            "start": 0,
            "end": 120,
            "confidence": round(rng.uniform(0.6, 0.99), 2),
            "extractor_version": "bench",
            "explain": "",
        }


def _changes(events: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """One `new` change per event and a `revised` one for about one event in ten, ids in creation order."""
    changes: list[dict[str, Any]] = []
    for event in events:
        moments = [(ChangeKind.NEW, event["first_seen"])]
        if rng.random() < 0.1:
            moments.append((ChangeKind.REVISED, event["first_seen"] + timedelta(days=rng.randint(1, 30))))
        for kind, created in moments:
            changes.append(
                {
                    "created_at": created,
                    "kind": kind.value,
                    "event_id": event["id"],
                    "issuer": event["issuer"],
                    "target": event["target"],
                    "event_type": event["event_type"],
                    "episode": event["episode"],
                    "summary": f"{kind.value}: {event['issuer']} {event['event_type']} {event['target']} "
                    f"on {event['date']} ({event['date_precision']}, {event['status']})",
                }
            )
    # Pollers rely on ids growing with time; the pipeline appends changes as they happen.
    changes.sort(key=lambda c: c["created_at"])
    for change_id, change in enumerate(changes, start=1):
        change["id"] = change_id
    return changes


def _world(rng: random.Random) -> World:
    names = {str(c.alpha_2): str(c.name) for c in pycountry.countries}
    return World(
        names=names,
        issuers=sorted(names),
        crisis_start={t: START + timedelta(days=rng.randint(0, 1200)) for t in TARGETS},
        doc_days={t: [] for t in TARGETS},
        doc_ids={t: [] for t in TARGETS},
    )


def generate(engine: Engine, events_count: int, per_event: int, seed: int) -> dict[str, int]:
    """Fill the database; one transaction per table. Returns the row counts."""
    rng = random.Random(seed)
    world = _world(rng)
    raws, docs = _documents(world, max(len(TARGETS), events_count * per_event // MENTIONS_PER_DOCUMENT), rng)
    events = _events(world, events_count, rng)
    plan = _plan_mentions(world, events, per_event, rng)
    counts: dict[str, int] = {}
    # Parents before children: the engine turns foreign keys on.
    with engine.begin() as conn:
        counts["raw_document"] = _insert(conn, "raw_document", iter(raws))
    with engine.begin() as conn:
        counts["document"] = _insert(conn, "document", iter(docs))
    with engine.begin() as conn:
        counts["event"] = _insert(conn, "event", iter(events))
    with engine.begin() as conn:
        counts["mention"] = _insert(conn, "mention", _mentions(world, events, plan, rng))
    with engine.begin() as conn:
        counts["change"] = _insert(conn, "change", iter(_changes(events, rng)))
    with engine.connect() as conn:
        # Fold the WAL into the main file, so the size printed is the database's and the server starts clean.
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts


# --- server --------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(
    db_path: Path, data_dir: Path, port: int, log: IO[bytes], cached: bool = True
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TRACKER_DATABASE_URL": f"sqlite:///{db_path}",
        "TRACKER_DATA_DIR": str(data_dir),
        "TRACKER_SOURCES": "[]",
        # --uncached measures what each request costs when the data just changed (every answer recomputed).
        "TRACKER_API__RESPONSE_CACHE": "true" if cached else "false",
    }
    command = [sys.executable, "-m", "tracker", "serve", "--host", "127.0.0.1", "--port", str(port)]
    # The log goes to a file: an unread pipe would fill up and stall the server mid-benchmark.
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=Path(__file__).parents[1])


def wait_ready(process: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    with httpx.Client(base_url=base, timeout=5) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode} before answering")
            try:
                if client.get("/api/v1/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer /api/v1/health within {STARTUP_TIMEOUT:.0f} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()  # SIGTERM: the daemon asks uvicorn to exit and disposes of the engine
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- load ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    endpoint: str
    latencies_ms: list[float]
    errors: int
    wall: float


async def _worker(client: httpx.AsyncClient, path: str, deadline: float, latencies: list[float]) -> int:
    errors = 0
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        try:
            response = await client.get(path)
        except httpx.HTTPError:
            errors += 1
            continue
        latencies.append((time.perf_counter() - start) * 1000)
        errors += response.status_code != 200
    return errors


async def _run(client: httpx.AsyncClient, path: str, seconds: float, connections: int) -> Result:
    latencies: list[float] = []
    start = time.perf_counter()
    workers = [_worker(client, path, start + seconds, latencies) for _ in range(connections)]
    errors = sum(await asyncio.gather(*workers))
    return Result(path, latencies, errors, time.perf_counter() - start)


async def load(base: str, paths: list[str], seconds: float, connections: int) -> list[Result]:
    """Each endpoint in turn: a short warm-up (template compile, SQLite page cache), then the measured run."""
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    results = []
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        for path in paths:
            await _run(client, path, WARMUP_SECONDS, connections)
            results.append(await _run(client, path, seconds, connections))
    return results


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        only = values[0] if values else float("nan")
        return only, only, only
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def report(results: list[Result]) -> None:
    print(
        f"{'endpoint':<40} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}  target"
    )
    for result in results:
        p50, p95, p99 = percentiles(result.latencies_ms)
        name = next((n for n in TARGET_P95_MS if f"/{n}" in result.endpoint), None)
        goal = ""
        if name is not None:
            limit = TARGET_P95_MS[name]
            goal = f"p95 < {limit:.0f} ms: {'met' if p95 < limit else 'MISSED'}"
        count = len(result.latencies_ms)
        print(
            f"{result.endpoint:<40} {count:>9} {count / result.wall:>8.1f} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} "
            f"{result.errors:>7}  {goal}"
        )


# --- main ----------------------------------------------------------------------------------------------------


def _size_mib(db_path: Path) -> float:
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 2**20


def _max_change_id(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM change").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--mentions-per-event", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--uncached", action="store_true", help="turn the server's response cache off")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tracker-bench-api-") as tmp:
        db_path, data_dir = Path(tmp) / "bench.db", Path(tmp) / "data"
        url = f"sqlite:///{db_path}"
        upgrade(url)
        engine = make_engine(url)
        started = time.perf_counter()
        counts = generate(engine, args.events, args.mentions_per_event, args.seed)
        engine.dispose()
        print(
            f"generated in {time.perf_counter() - started:.1f} s: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        )
        print(f"database size: {_size_mib(db_path):.0f} MiB")

        after = max(0, _max_change_id(db_path) - 500)
        paths = ["/api/v1/advisories?target=UA", f"/api/v1/changes?after={after}", "/"]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with open(Path(tmp) / "server.log", "wb") as log:
            server = start_server(db_path, data_dir, port, log, cached=not args.uncached)
            try:
                wait_ready(server, base)
                cache = "off" if args.uncached else "on"
                print(
                    f"load: {args.connections} connections, {args.seconds:g} s per endpoint after a warm-up, "
                    f"response cache {cache}\n"
                )
                results = asyncio.run(load(base, paths, args.seconds, args.connections))
            except BaseException:
                stop_server(server)
                sys.stderr.write((Path(tmp) / "server.log").read_text(errors="replace")[-4000:])
                raise
            stop_server(server)
        report(results)


if __name__ == "__main__":
    main()
