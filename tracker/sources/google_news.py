"""`google_news`: a Google News RSS search (`query`, else one built from the watch targets)."""

from __future__ import annotations

from tracker.countries import gazetteer
from tracker.settings import SourceConfig
from tracker.sources.base import Request, SourceKind, SourceOutput, search_requests
from tracker.sources.rss import parse_feed

BASE = "https://news.google.com/rss/search"


def default_query(target: str) -> str:
    name = gazetteer().name(target)
    return f'"{name}" (evacuate OR "leave the country" OR embassy OR "citizens to leave")'


def _requests(config: SourceConfig, targets: tuple[str, ...]) -> list[Request]:
    return search_requests(config, targets, lambda q: f"{BASE}?q={q}&hl=en-US&gl=US&ceid=US:en", default_query)


def _parse(config: SourceConfig, _request: Request, body: bytes, _content_type: str) -> SourceOutput:
    return SourceOutput(links=parse_feed(body, f"google_news source {config.name}"))


KIND = SourceKind(
    name="google_news",
    description="Google News RSS search; `query` or one per watch target.",
    requests=_requests,
    parse=_parse,
    fixture="google_news.xml",
    default_url=BASE,
)
