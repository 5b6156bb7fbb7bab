from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from jobs.inbox import ingest_paths
from tests.conftest import FIXTURES
from tracker.api import create_app
from tracker.settings import Settings
from tracker.table import CSV_HEADER


@pytest.fixture
def client(engine: Engine, settings: Settings) -> TestClient:
    ingest_paths(engine, settings, [FIXTURES / "articles"])
    return TestClient(create_app(settings, engine))


def test_health(client: TestClient) -> None:
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["counts"]["events"] > 0 and body["last_change_id"] > 0


def test_advisories_filters_and_csv(client: TestClient) -> None:
    rows = client.get("/api/v1/advisories", params={"target": "lb"}).json()
    assert {(r["issuer"], r["event_type"]) for r in rows} >= {("GB", "leave_advisory"), ("JP", "leave_advisory")}
    assert all(r["target"] == "LB" and r["sources"] for r in rows)
    only_jp = client.get("/api/v1/advisories", params={"issuer": "JP", "from": "2024-09-26", "to": "2024-09-26"})
    assert [r["issuer"] for r in only_jp.json()] == ["JP"]
    response = client.get("/api/v1/advisories", params={"target": "UA", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    reader = list(csv.reader(io.StringIO(response.text)))
    assert tuple(reader[0]) == CSV_HEADER and len(reader) > 1


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"target": "XX"}, "unknown target"),
        ({"issuer": "Narnia"}, "unknown issuer"),
        ({"event_type": "panic"}, "unknown event_type"),
        ({"from": "2022-03-01", "to": "2022-02-01"}, "after"),
        ({"from": "yesterday"}, "date"),
    ],
)
def test_bad_parameters_are_clear_4xx(client: TestClient, params: dict[str, str], message: str) -> None:
    response = client.get("/api/v1/advisories", params=params)
    assert response.status_code == 422
    assert message in response.text


def test_changes_cursor_never_skips_or_repeats(client: TestClient) -> None:
    seen: list[int] = []
    after = 0
    while True:
        page = client.get("/api/v1/changes", params={"after": after, "limit": 3}).json()
        if not page["changes"]:
            break
        seen.extend(c["id"] for c in page["changes"])
        after = page["next_after"]
    everything = [c["id"] for c in client.get("/api/v1/changes", params={"limit": 1000}).json()["changes"]]
    assert seen == everything == sorted(set(everything))
    assert client.get("/api/v1/changes", params={"after": -1}).status_code == 422


def test_timeline_and_event_evidence(client: TestClient) -> None:
    timeline = client.get("/api/v1/countries/LB/timeline").json()
    assert timeline["name"] == "Lebanon" and timeline["events"]
    counts = [p["leave_advisories"] for p in timeline["series"]]
    assert counts == sorted(counts) and counts[-1] == len({e["issuer"] for e in timeline["events"]})
    event_id = timeline["events"][0]["id"]
    event = client.get(f"/api/v1/events/{event_id}").json()
    assert event["evidence"] and event["evidence"][0]["document_url"].startswith("https://example.org/")
    assert client.get("/api/v1/events/999999").status_code == 404
    assert client.get("/api/v1/countries/ZZ/timeline").status_code == 422


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/advisories", "/api/v1/changes", "/api/v1/countries/{cc}/timeline", "/api/v1/health"):
        assert path in paths


def test_health_is_503_when_the_database_is_down(settings: Settings) -> None:
    from sqlalchemy import create_engine

    from tests.conftest import free_port

    dead = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none?connect_timeout=2")
    response = TestClient(create_app(settings, dead)).get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["status"] == "degraded" and response.json()["database"].startswith("error:")
