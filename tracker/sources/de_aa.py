"""`de_aa`: German Foreign Office (Auswärtiges Amt) travel warnings from its OpenData interface (pure).

`https://www.auswaertiges-amt.de/opendata/travelwarning` answers `{"response": {"lastModified": ..., "contentList":
[ids], "<id>": {"countryCode", "countryName", "title", "warning", "partialWarning", "situationWarning",
"situationPartWarning", "lastModified", "effective", ...}}}`. The interface answers `{}` when it is switched off or
failing (its OpenAPI description says so), so an answer without countries means the source is down, never "no
warnings". The text is German, so no prose goes to the extractor; a detail answer's `content` is still read for an
explicit call to leave.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pycountry
from bs4 import BeautifulSoup

from tracker.countries import gazetteer
from tracker.settings import SourceConfig
from tracker.sources import official
from tracker.sources.base import AdvisoryLevel, Request, SourceDown, SourceKind, SourceOutput

NAME = "de_aa"
ISSUER = "DE"
DEFAULT_URL = "https://www.auswaertiges-amt.de/opendata/travelwarning"
# Timestamps are epoch seconds in current answers and milliseconds in the OpenAPI examples: above this it is ms.
_MILLISECONDS_FROM = 10**11

# Flag -> (level, scope, label), strongest first: the first flag set decides. The two warnings have German names
# of their own; the situation flags have none we could confirm, so their field names are the label.
FLAGS: tuple[tuple[str, int, str, str], ...] = (
    ("warning", 4, "whole", "Reisewarnung"),
    ("partialWarning", 4, "parts", "Teilreisewarnung"),
    ("situationWarning", 3, "whole", "situationWarning"),
    ("situationPartWarning", 3, "parts", "situationPartWarning"),
)
NO_FLAG = (1, "whole", "Reise- und Sicherheitshinweise")

# An explicit call on Germans to leave: "werden aufgefordert, das Land zu verlassen", "Ausreiseaufforderung",
# "sollten Libanon umgehend verlassen", "Die Ausreise wird dringend empfohlen".
_LEAVE = re.compile(
    r"\baufgefordert\b[^.]{0,150}?(?:\bzu\s+verlassen\b|\bauszureisen\b)"
    r"|\bAusreiseaufforderung"
    r"|\b(?:sollten|müssen)\s+(?:[\wÄÖÜäöüß-]+\s+){0,5}?(?:umgehend\s+|unverzüglich\s+|dringend\s+)?"
    r"(?:verlassen|ausreisen)\b"
    r"|\bAusreise\b[^.]{0,60}\b(?:dringend\s+)?(?:empfohlen|geraten)\b",
    re.IGNORECASE,
)


def _requests(config: SourceConfig, _targets: tuple[str, ...]) -> list[Request]:
    return [Request(config.url or DEFAULT_URL)]


def says_leave(html: str) -> bool:
    """Whether the German text calls on Germans to leave (a 'nicht' inside the phrase undoes it)."""
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    return any("nicht" not in m.group(0).lower() for m in _LEAVE.finditer(text))


def _flag(entry: dict[str, Any], name: str) -> bool:
    value = entry.get(name, False)
    if isinstance(value, bool):
        return value
    # Some answers carry the flags as strings ("True"); anything else is a changed format, not "no warning".
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError(f"{NAME}: flag {name} is {value!r}, not a boolean")


def _when(value: object) -> datetime | None:
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    seconds = value / 1000 if value >= _MILLISECONDS_FROM else value
    return datetime.fromtimestamp(seconds, UTC)


def _target(entry: dict[str, Any]) -> str | None:
    """ISO code from `countryCode`, else from `iso3CountryCode`; None for places the gazetteer does not know."""
    code = str(entry.get("countryCode") or "").strip().upper()
    if gazetteer().is_known(code):
        return code
    record = pycountry.countries.get(alpha_3=str(entry.get("iso3CountryCode") or "").strip().upper())
    if record is not None and gazetteer().is_known(record.alpha_2):
        return str(record.alpha_2)
    return None


def _level(entry: dict[str, Any], content_id: str, list_url: str) -> AdvisoryLevel | None:
    target = _target(entry)
    if target is None:
        return None  # a region or a place we cannot name is skipped
    flags = [f for f in FLAGS if _flag(entry, f[0])]
    level, scope, label = (flags[0][1], flags[0][2], flags[0][3]) if flags else NO_FLAG
    # The list answer links nowhere per country; its detail endpoint is the citable address.
    base = list_url.rstrip("/")
    url = f"{base}/{content_id}" if base.endswith("/travelwarning") else list_url
    content = entry.get("content")
    changes = entry.get("lastChanges")
    summary = BeautifulSoup(changes, "html.parser").get_text(" ") if isinstance(changes, str) else ""
    return AdvisoryLevel(
        issuer=ISSUER,
        target=target,
        native_label=label,
        level=level,
        scope=scope,
        updated_at=_when(entry.get("lastModified")) or _when(entry.get("effective")),
        url=url,
        leave=isinstance(content, str) and says_leave(content),
        summary=" ".join(summary.split()) or str(entry.get("title") or ""),
    )


def _parse(_config: SourceConfig, request: Request, body: bytes, _content_type: str) -> SourceOutput:
    data = official.load_json_object(body, NAME)
    if not data:
        raise SourceDown(f"{NAME}: the OpenData interface returned {{}} — the source is down, not 'no warnings'")
    response = data.get("response")
    if not isinstance(response, dict):
        raise ValueError(f"{NAME}: no 'response' object")
    # Country entries are the objects keyed by content id; lastModified and contentList sit beside them.
    entries = {key: value for key, value in response.items() if isinstance(value, dict)}
    if not entries:
        raise SourceDown(f"{NAME}: the answer lists no countries — the source is down, not 'no warnings'")
    levels = [level for key, entry in entries.items() if (level := _level(entry, key, request.url))]
    return SourceOutput(levels=tuple(levels))


KIND = SourceKind(
    name=NAME,
    description="German Foreign Office travel warnings (Auswärtiges Amt OpenData): every country's flags.",
    requests=_requests,
    parse=_parse,
    fixture="de_aa.json",
    issuer=ISSUER,
    default_url=DEFAULT_URL,
)
