"""Every registered source kind has a saved fixture and a parser that reads it (urlwatch's contract idea)."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tracker.settings import SourceConfig
from tracker.sources import KINDS, OFFICIAL_ISSUERS, kind_of
from tracker.sources.base import Request, SourceKind

EXPECTED = {"rss", "gdelt_doc", "google_news", "page", "gb_fcdo", "ca_travel", "us_state", "de_aa", "au_smartraveller"}


def test_the_registry_holds_every_kind() -> None:
    assert set(KINDS) == EXPECTED
    assert set(OFFICIAL_ISSUERS) == {k.name for k in KINDS.values() if k.official}


@pytest.mark.parametrize("kind", sorted(KINDS.values(), key=lambda k: k.name), ids=lambda k: k.name)
def test_kind_has_fixture_and_parser(kind: SourceKind) -> None:
    assert kind.description and kind.fixture
    fixture = FIXTURES / "sources" / kind.fixture
    assert fixture.is_file(), f"{kind.name}: missing fixture {fixture}"
    body = fixture.read_text(encoding="utf-8").replace("{base}", "https://example.org").encode()
    config = SourceConfig(name=f"test-{kind.name}", kind=kind.name, url="https://example.org/x")
    requests = kind.requests(config, ("UA",))
    assert requests, f"{kind.name}: no request for a configured URL"
    output = kind.parse(config, Request(requests[0].url, "UA"), body, "")
    if kind.official:
        assert output.levels and all(1 <= level.level <= 4 for level in output.levels)
        assert all(level.issuer == OFFICIAL_ISSUERS[kind.name] for level in output.levels)
    elif not kind.stores_body:
        assert output.links


def test_unknown_kind_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="unknown kind 'ftp'"):
        kind_of(SourceConfig(name="x", kind="ftp"))
