"""What a source kind is: which URLs to fetch for a configured source, and how to read what came back (pure).

Discovery kinds (rss, gdelt_doc, google_news) return links to article pages; `page` returns the page itself as a
document; official adapters (gb_fcdo, ca_travel, us_state, de_aa, au_smartraveller) return advisory levels and the
English prose inside them, which goes through the extractor like news. Fetching lives in tracker.fetch, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote_plus

from tracker.settings import SourceConfig


@dataclass(frozen=True, slots=True)
class Link:
    """An article a discovery source points to."""

    url: str
    title: str = ""
    summary: str = ""
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class AdvisoryLevel:
    """One government's official advice for one country, as its source states it.

    `level` is normalised: 1 normal precautions, 2 increased caution, 3 reconsider / avoid non-essential travel,
    4 do not travel / leave. `leave` is True when the advice tells the issuer's nationals to leave the country.
    """

    issuer: str
    target: str
    native_label: str
    level: int
    scope: str  # "whole" | "parts"
    updated_at: datetime | None
    url: str
    leave: bool = False
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Prose:
    """Official text to run through the extractor like an article (English only)."""

    url: str
    title: str
    text: str
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class SourceOutput:
    links: tuple[Link, ...] = ()
    levels: tuple[AdvisoryLevel, ...] = ()
    prose: tuple[Prose, ...] = ()


class SourceDown(Exception):
    """The source answered, but with a body that means it is down (e.g. the Auswärtiges Amt's `{}`)."""


@dataclass(frozen=True, slots=True)
class Request:
    """One URL to fetch for a source; `target` says which country it is about, where the URL is per country."""

    url: str
    target: str = ""


def search_requests(
    config: SourceConfig, targets: tuple[str, ...], url_for: Callable[[str], str], default_query: Callable[[str], str]
) -> list[Request]:
    """For search sources: the configured URL, else the configured query, else one default query per target."""
    if config.url:
        return [Request(config.url)]
    queries = [(config.query, "")] if config.query else [(default_query(t), t) for t in targets]
    return [Request(url_for(quote_plus(query)), target) for query, target in queries]


def per_country_requests(
    config: SourceConfig, targets: tuple[str, ...], default_url: str, placeholder: str, fill: Callable[[str], str]
) -> list[Request]:
    """For one-page-per-country sources: the URL with `{placeholder}` filled from each code (the configured target,
    else every watch target); a URL without the placeholder is fetched once, for the configured target."""
    url = config.url or default_url
    if f"{{{placeholder}}}" not in url:
        return [Request(url, config.target.upper())]
    codes = [code.upper() for code in ((config.target,) if config.target else targets)]
    return [Request(url.format(**{placeholder: fill(code)}), code) for code in codes]


@dataclass(frozen=True, slots=True)
class SourceKind:
    """A kind of source: a name, the URLs it needs, a pure parser, and the saved fixture its contract test uses.

    `parse(config, request, body, content_type)` raises ValueError (malformed) or SourceDown; "nothing found" is
    an empty SourceOutput.
    """

    name: str
    description: str
    requests: Callable[[SourceConfig, tuple[str, ...]], list[Request]]
    parse: Callable[[SourceConfig, Request, bytes, str], SourceOutput]
    fixture: str  # file name under tests/fixtures/sources/
    # An official advisory source publishes one government's advice; that government issues what its text says.
    issuer: str = ""
    default_url: str = ""
    # The fetched body is itself the article (the `page` kind), stored and extracted like an ingested file.
    stores_body: bool = False

    @property
    def official(self) -> bool:
        return bool(self.issuer)
