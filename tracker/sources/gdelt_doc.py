"""`gdelt_doc`: the GDELT DOC 2.0 API article list (`mode=artlist&format=json`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from tracker.countries import gazetteer
from tracker.settings import SourceConfig
from tracker.sources.base import Link, Request, SourceKind, SourceOutput, search_requests

BASE = "https://api.gdeltproject.org/api/v2/doc/doc"


def default_query(target: str) -> str:
    name = gazetteer().name(target)
    return f'"{name}" (evacuate OR evacuation OR embassy OR "leave the country") sourcelang:english'


def _requests(config: SourceConfig, targets: tuple[str, ...]) -> list[Request]:
    return search_requests(
        config,
        targets,
        lambda q: f"{BASE}?query={q}&mode=artlist&format=json&maxrecords=250&timespan=1d&sort=datedesc",
        default_query,
    )


def _seen(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _parse(config: SourceConfig, _request: Request, body: bytes, _content_type: str) -> SourceOutput:
    text = body.decode("utf-8", "replace").strip()
    if not text or text == "{}":
        return SourceOutput()  # GDELT answers an empty object when nothing matched
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # GDELT answers rate limits and query errors in plain text with status 200.
        raise ValueError(f"gdelt_doc source {config.name}: not JSON: {text[:120]!r}") from exc
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise ValueError(f"gdelt_doc source {config.name}: no 'articles' list in the response")
    links = [
        Link(url=a["url"], title=a.get("title", ""), published=_seen(a.get("seendate", "")))
        for a in articles
        if isinstance(a, dict) and a.get("url") and a.get("language", "English") == "English"
    ]
    return SourceOutput(links=tuple(links))


KIND = SourceKind(
    name="gdelt_doc",
    description="GDELT DOC 2.0 article list for a keyword query (`query`, else one per watch target).",
    requests=_requests,
    parse=_parse,
    fixture="gdelt_doc.json",
    default_url=BASE,
)
