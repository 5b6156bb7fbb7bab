"""The web page, the Atom feed, HTTP caching and pagination (issue 5)."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import feedparser
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from jobs.inbox import ingest_paths
from tests.conftest import FIXTURES
from tracker.api import create_app
from tracker.settings import Settings

EVAL_ARTICLES = FIXTURES.parent / "eval" / "articles"


@pytest.fixture
def client(engine: Engine, settings: Settings) -> TestClient:
    ingest_paths(engine, settings, [FIXTURES / "articles", EVAL_ARTICLES])
    return TestClient(create_app(settings, engine))


def test_page_has_chart_table_and_sources(client: TestClient) -> None:
    page = client.get("/", params={"target": "UA"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    svg = re.search(r'<svg class="timeline"[^>]*data-days="(\d+)" data-max="(\d+)"', html)
    assert svg and int(svg.group(1)) > 3 and int(svg.group(2)) > 5
    assert html.count('<circle class="point leave"') == int(svg.group(1))
    assert "Japan" in html and "Told citizens to leave" in html
    event_links = re.findall(r'href="/events/(\d+)"', html)
    assert len(event_links) > 10
    evidence = client.get(f"/events/{event_links[0]}")
    assert evidence.status_code == 200 and "<blockquote>" in evidence.text
    assert "https://" in evidence.text or "file://" in evidence.text
    assert "No sources configured" in html
    assert "<script" not in html.replace("onchange", "")  # works without JavaScript or a CDN


def test_page_for_another_target_and_bad_target(client: TestClient) -> None:
    lebanon = client.get("/", params={"target": "lb"}).text
    assert "Lebanon" in lebanon and 'value="LB" selected' in lebanon
    assert client.get("/", params={"target": "XX"}).status_code == 422
    assert client.get("/events/999999").status_code == 404


def test_atom_feed_is_valid_and_filterable(client: TestClient) -> None:
    response = client.get("/feed.atom", params={"target": "UA", "limit": 50})
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 50 and "Ukraine" in parsed.feed.title
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for required in ("a:id", "a:title", "a:updated"):
        assert root.find(required, ns) is not None
    for entry in root.findall("a:entry", ns):
        assert entry.find("a:id", ns) is not None and entry.find("a:updated", ns) is not None
        assert entry.find("a:link", ns).get("href").startswith("http://testserver/")  # type: ignore[union-attr]
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids))
    japan = feedparser.parse(client.get("/feed.atom", params={"issuer": "JP", "event_type": "leave_advisory"}).content)
    assert japan.entries and all("Japan" in e.title and "leave advisory" in e.title for e in japan.entries)
    assert client.get("/feed.atom", params={"event_type": "panic"}).status_code == 422


def test_etag_and_cache_control(client: TestClient) -> None:
    first = client.get("/api/v1/advisories", params={"target": "UA"})
    tag = first.headers["etag"]
    assert tag.startswith('W/"') and first.headers["cache-control"] == "public, max-age=60"
    again = client.get("/api/v1/advisories", params={"target": "UA"}, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert client.get("/api/v1/changes").headers["cache-control"] == "no-cache"
    other = client.get("/api/v1/advisories", params={"target": "LB"}).headers["etag"]
    assert other != tag


def test_cursor_pagination_returns_every_row_once(client: TestClient) -> None:
    everything = client.get("/api/v1/advisories", params={"limit": 5000}).json()
    assert len(everything) > 30 and "x-next-cursor" not in client.get("/api/v1/advisories").headers
    seen: list[int] = []
    params: dict[str, str | int] = {"limit": 7}
    while True:
        page = client.get("/api/v1/advisories", params=params)
        seen.extend(row["id"] for row in page.json())
        cursor = page.headers.get("x-next-cursor")
        if not cursor:
            break
        assert 'rel="next"' in page.headers["link"]
        params = {"limit": 7, "cursor": cursor}
    assert seen == [row["id"] for row in everything]
    assert client.get("/api/v1/advisories", params={"cursor": "garbage!"}).status_code == 422


def test_cached_answers_follow_new_data(engine: Engine, settings: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ingest_paths(engine, settings, [FIXTURES / "articles" / "lebanon_leave.txt"])
    client = TestClient(create_app(settings, engine))
    before = {r["issuer"] for r in client.get("/api/v1/advisories", params={"target": "LB"}).json()}
    assert before and client.get("/api/v1/advisories", params={"target": "LB"}).json()  # served from the cache
    article = tmp_path / "more.txt"
    article.write_text(
        "Kuwait tells citizens to leave Lebanon\n2024-09-29\n\nKuwait on Sunday urged its "
        "citizens to leave Lebanon immediately.\n",
        encoding="utf-8",
    )
    ingest_paths(engine, settings, [article])
    after = {r["issuer"] for r in client.get("/api/v1/advisories", params={"target": "LB"}).json()}
    assert after == before | {"KW"}
