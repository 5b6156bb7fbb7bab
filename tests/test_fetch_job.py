"""A whole fetch cycle against the loopback server: discovery, prefilter, articles, pages, failures, health."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from db import repo
from db.models import Change, Document, HttpCache, RawDocument, Source
from jobs.fetch import fetch_cycle
from jobs.process import process_pending
from tests.conftest import FIXTURES
from tests.fixture_server import FixtureServer, Route, serving
from tracker.settings import Settings, SourceConfig, load_settings
from tracker.views import EventFilter, advisory_rows, source_health

SOURCES = FIXTURES / "sources"
SITE = FIXTURES / "site"


def body(path: Path, base: str) -> bytes:
    return path.read_text(encoding="utf-8").replace("{base}", base).encode()


@pytest.fixture
def site() -> Iterator[FixtureServer]:
    with serving() as server:
        base = server.base
        server.routes["/feeds/world.xml"] = Route(
            body(SOURCES / "rss.xml", base), etag='"w1"', content_type="application/rss+xml"
        )
        server.routes["/gnews.xml"] = Route(
            body(SOURCES / "google_news.xml", base), etag='"g1"', content_type="application/rss+xml"
        )
        server.routes["/gdelt"] = Route(body(SOURCES / "gdelt_doc.json", base), content_type="application/json")
        server.routes["/embassy/notice"] = Route(body(SOURCES / "page.html", base), etag='"p1"')
        server.routes["/feeds/broken.xml"] = Route(b"<rss><channel><item><title>Unclosed", content_type="text/xml")
        server.routes["/feeds/down.xml"] = Route(status=500)
        for name in ("japan-norway-leave", "israel-families", "canada-suspends"):
            server.routes[f"/news/{name}"] = Route(body(SITE / f"{name}.html", base))
        server.routes["/partner/japan-norway-copy"] = Route(body(SITE / "japan-norway-copy.html", base))
        server.routes["/sport/derby"] = Route(b"<html><body><p>Goal.</p></body></html>")
        yield server


@pytest.fixture
def settings_for(settings: Settings, site: FixtureServer) -> Settings:
    sources = [
        SourceConfig(name="world-rss", kind="rss", url=site.url("/feeds/world.xml")),
        SourceConfig(name="gdelt", kind="gdelt_doc", url=site.url("/gdelt")),
        SourceConfig(name="gnews", kind="google_news", url=site.url("/gnews.xml")),
        SourceConfig(name="embassy-page", kind="page", url=site.url("/embassy/notice")),
        SourceConfig(name="broken-feed", kind="rss", url=site.url("/feeds/broken.xml")),
        SourceConfig(name="down-feed", kind="rss", url=site.url("/feeds/down.xml")),
    ]
    return load_settings(
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        sources=sources,
        fetch={"allow_private_hosts": ["127.0.0.1"], "per_host_delay": 0, "retries": 1, "backoff_base": 0.01},
    )


def test_fetch_cycle_end_to_end(engine: Engine, settings_for: Settings, site: FixtureServer) -> None:
    report = fetch_cycle(engine, settings_for)
    by_name = {s.name: s for s in report.sources}
    assert by_name["world-rss"].links == 4 and by_name["world-rss"].filtered_out == 1  # the football report
    assert "not a readable RSS/Atom feed" in by_name["broken-feed"].source_error
    assert "HTTP 500 (after 2 attempts)" in by_name["down-feed"].source_error
    assert site.hits["/sport/derby"] == 0
    # Two sources point at the Canada story at the same time: it is fetched once.
    assert site.hits["/news/canada-suspends"] == 1
    # The tracking parameters were dropped: the article was requested under its canonical URL.
    assert site.hits["/news/japan-norway-leave"] == 1

    processed = process_pending(engine, settings_for)
    assert not processed.errors
    with Session(engine) as session:
        rows = advisory_rows(session, EventFilter(target="UA"))
        docs = session.exec(select(Document)).all()
    found = {(r.issuer, r.event_type) for r in rows}
    assert {
        ("JP", "leave_advisory"),
        ("NO", "leave_advisory"),
        ("IL", "embassy_drawdown"),
        ("CA", "embassy_closure"),
        ("CA", "embassy_relocation"),
        ("EE", "leave_advisory"),
    } <= found
    assert not {"SE", "PL", "FR", "DE"} & {r.issuer for r in rows}  # comments, see-also and places
    duplicates = [d for d in docs if d.dropped_reason.startswith("duplicate")]
    assert len(duplicates) == 1 and "japan-norway" in duplicates[0].url
    assert any(d.dropped_reason.startswith("parse: ") and "structured payload" in d.dropped_reason for d in docs)

    with Session(engine) as session:
        health = {h["name"]: h for h in source_health(session, settings_for.sources, _now())}
        failed = session.exec(select(HttpCache).where(HttpCache.error != "")).all()
        raws, changes = len(session.exec(select(RawDocument)).all()), repo.last_change_id(session)
    assert health["down-feed"]["consecutive_failures"] == 1 and health["down-feed"]["stale"]
    assert health["world-rss"]["consecutive_failures"] == 0 and not health["world-rss"]["stale"]
    assert {f.url for f in failed} >= {site.url("/feeds/down.xml")}

    # Second cycle: unchanged feeds and page cost a 304, known articles are not fetched again.
    again = fetch_cycle(engine, settings_for)
    again_by_name = {s.name: s for s in again.sources}
    assert again_by_name["world-rss"].not_modified == 1 and again_by_name["embassy-page"].not_modified == 1
    assert site.hits["/news/japan-norway-leave"] == 1 and site.hits["/news/israel-families"] == 1
    assert process_pending(engine, settings_for).documents == 0
    with Session(engine) as session:
        assert len(session.exec(select(RawDocument)).all()) == raws
        assert repo.last_change_id(session) == changes
        down = session.exec(select(Source).where(Source.name == "down-feed")).one()
        assert down.consecutive_failures == 2 and "HTTP 500" in down.last_error
        assert session.exec(select(Change).where(Change.id > changes)).all() == []


def test_a_source_that_recovers_is_healthy_again(engine: Engine, settings_for: Settings, site: FixtureServer) -> None:
    site.routes["/feeds/down.xml"] = Route(status=500, script=[500, 500])
    only = "down-feed"
    first = fetch_cycle(engine, settings_for, only)
    assert first.failed
    site.routes["/feeds/down.xml"] = Route(body(SOURCES / "rss.xml", site.base), content_type="application/rss+xml")
    second = fetch_cycle(engine, settings_for, only)
    assert not second.sources[0].source_error
    with Session(engine) as session:
        row = session.exec(select(Source).where(Source.name == only)).one()
    assert row.consecutive_failures == 0 and row.last_success_at is not None and row.last_error


def _now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_official_sources_store_levels_and_their_advice(
    engine: Engine, settings: Settings, site: FixtureServer
) -> None:
    for name, path, content_type in [
        ("gb_fcdo.json", "/gov/foreign-travel-advice/ukraine", "application/json"),
        ("ca_travel.json", "/ca/cta-cap-ua.json", "application/json"),
        ("us_state.xml", "/us/TAsTWs.xml", "application/rss+xml"),
        ("de_aa.json", "/de/travelwarning", "application/json"),
        ("au_smartraveller.json", "/au/destinations-export", "application/json"),
    ]:
        site.routes[path] = Route((SOURCES / name).read_bytes(), content_type=content_type, etag=f'"{name}"')
    official = load_settings(
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        fetch={"allow_private_hosts": ["127.0.0.1"], "per_host_delay": 0, "retries": 0},
        sources=[
            SourceConfig(name="uk", kind="gb_fcdo", url=site.url("/gov/foreign-travel-advice/{slug}")),
            SourceConfig(name="ca", kind="ca_travel", url=site.url("/ca/cta-cap-{iso2}.json")),
            SourceConfig(name="us", kind="us_state", url=site.url("/us/TAsTWs.xml")),
            SourceConfig(name="de", kind="de_aa", url=site.url("/de/travelwarning")),
            SourceConfig(name="au", kind="au_smartraveller", url=site.url("/au/destinations-export")),
        ],
    )
    report = fetch_cycle(engine, official)
    assert not report.failed, report.summary()
    with Session(engine) as session:
        levels = {(lv.source, lv.issuer, lv.target): lv for lv in repo.list_levels(session, target="UA")}
        level_changes = session.exec(select(Change).where(Change.kind == "level")).all()
    assert {key[1] for key in levels} == {"GB", "CA", "US", "DE", "AU"}
    assert all(1 <= lv.level <= 4 for lv in levels.values())
    assert len(level_changes) == 5  # first sight of each
    process_pending(engine, official)
    with Session(engine) as session:
        issuers = {r.issuer for r in advisory_rows(session, EventFilter(target="UA"))}
    # Official prose is extracted with its publisher as the issuer ("you should leave now").
    assert issuers and issuers <= {"GB", "CA", "US", "AU"}

    # Unchanged sources cost a 304 and write nothing; a moved level writes one change.
    again = fetch_cycle(engine, official)
    assert sum(s.not_modified for s in again.sources) == 5
    ca = (SOURCES / "ca_travel.json").read_text().replace('"advisory-state": 3', '"advisory-state": 2')
    site.routes["/ca/cta-cap-ua.json"] = Route(ca.encode(), content_type="application/json", etag='"ca2"')
    moved = fetch_cycle(engine, official, "ca")
    assert moved.sources[0].level_changes == 1
    with Session(engine) as session:
        change = session.exec(select(Change).where(Change.kind == "level").order_by(Change.id.desc())).first()  # type: ignore[union-attr]
    assert change is not None and change.issuer == "CA" and "-> 3" in change.summary


def test_cli_fetch_and_sources_check(site: FixtureServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from typer.testing import CliRunner

    from tracker.cli import app

    for key in ("TRACKER_DATA_DIR", "TRACKER_DATABASE_URL", "TRACKER_CONFIG", "TRACKER_SOURCES"):
        monkeypatch.delenv(key, raising=False)
    config = tmp_path / "tracker.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\n'
        '[fetch]\nallow_private_hosts = ["127.0.0.1"]\nper_host_delay = 0\nretries = 0\n'
        f'[[sources]]\nname = "world"\nkind = "rss"\nurl = "{site.url("/feeds/world.xml")}"\n'
        f'[[sources]]\nname = "down"\nkind = "rss"\nurl = "{site.url("/feeds/down.xml")}"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    one = runner.invoke(app, ["fetch", "--source", "world", "--config", str(config)])
    assert one.exit_code == 0, one.output
    assert "world: 1 requests" in one.stdout and "processed:" in one.stdout
    assert runner.invoke(app, ["fetch", "--source", "nope", "--config", str(config)]).exit_code == 2
    everything = runner.invoke(app, ["fetch", "--config", str(config)])
    assert everything.exit_code == 1 and "HTTP 500" in everything.stdout
    check = runner.invoke(app, ["sources", "check", "--format", "json", "--config", str(config)])
    assert check.exit_code == 1  # the dead source is stale
    health = {row["name"]: row for row in json.loads(check.stdout)}
    assert not health["world"]["stale"] and health["down"]["stale"] and health["down"]["consecutive_failures"] == 1

    from fastapi.testclient import TestClient

    from db.engine import make_engine
    from tracker.api import create_app
    from tracker.settings import load_settings as load

    settings = load(config)
    client = TestClient(create_app(settings, make_engine(settings.database_url)))
    sources = {row["name"]: row for row in client.get("/api/v1/sources").json()}
    assert sources["down"]["stale"] and "HTTP 500" in sources["down"]["last_error"]
    assert client.get("/api/v1/levels", params={"target": "UA"}).json() == []
    assert client.get("/api/v1/levels", params={"target": "XX"}).status_code == 422
