"""`page`: one HTML page watched for changes; every new version is stored and extracted as a document."""

from __future__ import annotations

from tracker.settings import SourceConfig
from tracker.sources.base import Request, SourceKind, SourceOutput


def _requests(config: SourceConfig, _targets: tuple[str, ...]) -> list[Request]:
    return [Request(config.url)] if config.url else []


def _parse(config: SourceConfig, _request: Request, body: bytes, _content_type: str) -> SourceOutput:
    # The body itself is the document (the fetch job stores it); an empty page is a problem worth recording.
    if not body.strip():
        raise ValueError(f"page source {config.name}: empty page")
    return SourceOutput()


KIND = SourceKind(
    name="page",
    description="One HTML page watched for changes; each new version is stored and extracted.",
    requests=_requests,
    parse=_parse,
    fixture="page.html",
    stores_body=True,
)
