"""Access control, write endpoints, /metrics and request limits (issue 7)."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from db.models import JobRun, Source
from jobs.inbox import ingest_paths
from tests.conftest import FIXTURES
from tracker.api import create_app
from tracker.logs import JsonFormatter
from tracker.settings import Settings, SourceConfig, load_settings

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def app_with(settings: Settings, engine: Engine, **api: object) -> TestClient:
    configured = load_settings(
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        sources=[SourceConfig(name="feed", kind="rss", url="https://example.org/rss")],
        api={"token": TOKEN, **api},
    )
    return TestClient(create_app(configured, engine))


def test_writes_need_the_token(engine: Engine, settings: Settings) -> None:
    client = app_with(settings, engine)
    assert client.patch("/api/v1/sources/feed", json={"paused": True}).status_code == 401
    wrong = client.patch("/api/v1/sources/feed", json={"paused": True}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert client.patch("/api/v1/sources/feed", json={"paused": True}, headers=AUTH).json()["paused"] is True
    with Session(engine) as session:
        assert session.exec(select(Source).where(Source.name == "feed")).one().paused
    assert client.patch("/api/v1/sources/nope", json={"paused": True}, headers=AUTH).status_code == 404
    no_token = TestClient(
        create_app(load_settings(data_dir=settings.data_dir, database_url=settings.database_url, sources=[]), engine)
    )
    refused = no_token.post("/api/v1/runs/process", headers=AUTH)
    assert refused.status_code == 403 and "no [api] token" in refused.json()["detail"]


def test_trigger_a_run_and_manage_subscribers(engine: Engine, settings: Settings) -> None:
    client = app_with(settings, engine)
    assert client.post("/api/v1/runs/process", headers=AUTH).status_code == 202
    with Session(engine) as session:
        assert session.exec(select(JobRun).where(JobRun.job == "process (api)")).one().status == "ok"
    assert client.post("/api/v1/runs/reboot", headers=AUTH).status_code == 422
    new = {"email": "desk@example.org", "name": "Desk", "targets": ["lb"], "event_types": ["leave_advisory"]}
    assert client.post("/api/v1/subscribers", json=new, headers=AUTH).status_code == 201
    assert client.post("/api/v1/subscribers", json=new, headers=AUTH).status_code == 409
    listed = client.get("/api/v1/subscribers", headers=AUTH).json()
    assert [(s["email"], s["targets"], s["origin"]) for s in listed] == [("desk@example.org", ["LB"], "api")]
    bad = client.post("/api/v1/subscribers", json={"email": "x@example.org\r\nBcc: y@example.org"}, headers=AUTH)
    assert bad.status_code == 422
    assert (
        client.post(
            "/api/v1/subscribers", json={"email": "a@example.org", "event_types": ["panic"]}, headers=AUTH
        ).status_code
        == 422
    )
    assert client.delete("/api/v1/subscribers/desk@example.org", headers=AUTH).status_code == 204
    assert client.delete("/api/v1/subscribers/desk@example.org", headers=AUTH).status_code == 404


def test_reads_public_by_default_and_protected_on_request(engine: Engine, settings: Settings) -> None:
    assert app_with(settings, engine).get("/api/v1/advisories").status_code == 200
    protected = app_with(settings, engine, protect_reads=True)
    for path in ("/api/v1/advisories", "/", "/feed.atom", "/metrics"):
        assert protected.get(path).status_code == 401, path
        assert protected.get(path, headers=AUTH).status_code == 200, path
    assert protected.get("/api/v1/health").status_code == 200  # liveness stays open


def test_body_limit_and_cors_off(engine: Engine, settings: Settings) -> None:
    client = app_with(settings, engine, max_body_bytes=200)
    big = {"email": "a@example.org", "name": "x" * 500}
    assert client.post("/api/v1/subscribers", json=big, headers=AUTH).status_code == 413
    chunked = client.post(
        "/api/v1/subscribers",
        content=iter([b"{" + b" " * 300 + b"}"]),
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert chunked.status_code == 413
    preflight = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in client.options("/api/v1/advisories", headers=preflight).headers
    allowed = app_with(settings, engine, cors_origins=["https://elsewhere.example"])
    answer = allowed.get("/api/v1/advisories", headers={"Origin": "https://elsewhere.example"})
    assert answer.headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_metrics_in_prometheus_format(engine: Engine, settings: Settings) -> None:
    ingest_paths(engine, settings, [FIXTURES / "articles"])
    text = app_with(settings, engine).get("/metrics").text
    values = {
        line.split(" ")[0]: float(line.split(" ")[1]) for line in text.splitlines() if line and not line.startswith("#")
    }
    assert values["tracker_documents"] == 3 and values["tracker_events"] > 5 and values["tracker_mentions"] > 5
    assert values['tracker_source_stale{source="feed"}'] == 0.0  # configured, never tried
    assert "# TYPE tracker_job_runs_total counter" in text or "tracker_job_runs" in text


def test_json_logs() -> None:
    record = logging.LogRecord("tracker.test", logging.WARNING, __file__, 1, "fetched %s", ("x",), None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "WARNING" and entry["message"] == "fetched x" and entry["logger"] == "tracker.test"
    assert entry["time"].endswith("+00:00")


@pytest.mark.parametrize("path", ["/api/v1/advisories", "/"])
def test_unknown_methods_are_refused(engine: Engine, settings: Settings, path: str) -> None:
    assert app_with(settings, engine).delete(path, headers=AUTH).status_code == 405


def test_add_and_remove_sources_through_the_api(engine: Engine, settings: Settings) -> None:
    from jobs.fetch import sources_of

    client = app_with(settings, engine)
    body = {"name": "lebanon-feed", "kind": "rss", "url": "https://example.org/lb.xml", "interval": "15m"}
    assert client.post("/api/v1/sources", json=body).status_code == 401
    assert client.post("/api/v1/sources", json=body, headers=AUTH).status_code == 201
    assert client.post("/api/v1/sources", json=body, headers=AUTH).status_code == 409
    assert client.post("/api/v1/sources", json={**body, "name": "feed"}, headers=AUTH).status_code == 409
    assert client.post("/api/v1/sources", json={**body, "name": "x", "kind": "ftp"}, headers=AUTH).status_code == 422
    assert (
        client.post("/api/v1/sources", json={**body, "name": "x", "interval": "soon"}, headers=AUTH).status_code == 422
    )
    assert client.post("/api/v1/sources", json={**body, "name": "bad name!"}, headers=AUTH).status_code == 422
    configured = load_settings(
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        sources=[SourceConfig(name="feed", kind="rss", url="https://example.org/rss")],
    )
    names = [s.name for s in sources_of(engine, configured)]
    assert names == ["feed", "lebanon-feed"]
    health = {row["name"] for row in client.get("/api/v1/sources").json()}
    assert health == {"feed", "lebanon-feed"}
    assert client.patch("/api/v1/sources/lebanon-feed", json={"paused": True}, headers=AUTH).status_code == 200
    assert client.delete("/api/v1/sources/feed", headers=AUTH).status_code == 404  # configured ones stay
    assert client.delete("/api/v1/sources/lebanon-feed", headers=AUTH).status_code == 204
    assert [s.name for s in sources_of(engine, configured)] == ["feed"]
