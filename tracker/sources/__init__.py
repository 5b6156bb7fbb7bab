"""The registry of source kinds: one explicit table, no metaclass, no plugin that can silently vanish.

Each kind is a small module with a pure parser and a saved fixture; tests/test_sources_contract.py checks that
every registered kind has both.
"""

from __future__ import annotations

from tracker.settings import SourceConfig, default_sources
from tracker.sources import (
    au_smartraveller,
    ca_travel,
    de_aa,
    gb_fcdo,
    gdelt_doc,
    google_news,
    page,
    rss,
    us_state,
)
from tracker.sources.base import SourceKind

KINDS: dict[str, SourceKind] = {
    kind.name: kind
    for kind in (
        rss.KIND,
        gdelt_doc.KIND,
        google_news.KIND,
        page.KIND,
        gb_fcdo.KIND,
        ca_travel.KIND,
        us_state.KIND,
        de_aa.KIND,
        au_smartraveller.KIND,
    )
}

# The government whose advice an official source publishes: the issuer of what its text says.
OFFICIAL_ISSUERS: dict[str, str] = {kind.name: kind.issuer for kind in KINDS.values() if kind.official}


def kind_of(config: SourceConfig) -> SourceKind:
    """The kind a configured source names; KeyError with the known kinds when it names none."""
    try:
        return KINDS[config.kind]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise KeyError(f"source {config.name!r}: unknown kind {config.kind!r} (known: {known})") from None


def issuer_for_source(sources: list[SourceConfig], name: str) -> str | None:
    """The publishing government of a configured official source, by the source's name."""
    for config in sources:
        if config.name == name:
            return OFFICIAL_ISSUERS.get(config.kind)
    return None


__all__ = ["KINDS", "OFFICIAL_ISSUERS", "default_sources", "issuer_for_source", "kind_of"]
