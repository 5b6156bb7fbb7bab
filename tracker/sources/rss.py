"""`rss`: an RSS or Atom feed of news articles (feedparser)."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any

import feedparser

from tracker.settings import SourceConfig
from tracker.sources.base import Link, Request, SourceKind, SourceOutput


def _when(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC) if parsed else None


def parse_feed(body: bytes, what: str) -> tuple[Link, ...]:
    """Links of a feed; ValueError when the body is not a feed at all (a broken one still yields its entries)."""
    feed = feedparser.parse(body)
    # feedparser reads what it can of a broken feed; with no usable entry at all, the feed is unreadable.
    if feed.bozo and not any(entry.get("link") for entry in feed.entries):
        raise ValueError(f"{what}: not a readable RSS/Atom feed ({feed.get('bozo_exception')!s})")
    links = []
    for entry in feed.entries:
        url = entry.get("link") or ""
        if not url:
            continue
        summary = entry.get("summary") or ""
        links.append(Link(url=url, title=entry.get("title", ""), summary=summary, published=_when(entry)))
    return tuple(links)


def _requests(config: SourceConfig, _targets: tuple[str, ...]) -> list[Request]:
    return [Request(config.url)] if config.url else []


def _parse(config: SourceConfig, _request: Request, body: bytes, _content_type: str) -> SourceOutput:
    return SourceOutput(links=parse_feed(body, f"rss source {config.name}"))


KIND = SourceKind(
    name="rss",
    description="An RSS or Atom feed of news articles; each entry's page is fetched and extracted.",
    requests=_requests,
    parse=_parse,
    fixture="rss.xml",
)
