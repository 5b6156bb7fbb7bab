"""`au_smartraveller`: Australian Smartraveller advice for every destination from its JSON export (pure).

`https://www.smartraveller.gov.au/destinations-export` is a JSON array, one object per destination: `title` (the
destination's name), `field_overall_advice_level` ("Do not travel", "Reconsider your need to travel", "Exercise a
high degree of caution", "Exercise normal safety precautions"), `field_advice_levels` (HTML: the levels for the
country and its regions), `field_last_update` (HTML: the latest alert), `field_url` and `changed`
("Fri, 2025-11-14 14:22", Canberra time).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tracker.settings import SourceConfig
from tracker.sources import official
from tracker.sources.base import AdvisoryLevel, Prose, Request, SourceKind, SourceOutput

NAME = "au_smartraveller"
ISSUER = "AU"
DEFAULT_URL = "https://www.smartraveller.gov.au/destinations-export"
CANBERRA = ZoneInfo("Australia/Sydney")
SUMMARY_CHARS = 300

# Smartraveller's four advice levels, in its own words.
LEVELS = {
    "exercise normal safety precautions": 1,
    "exercise a high degree of caution": 2,
    "reconsider your need to travel": 3,
    "do not travel": 4,
}
_LEVEL_PHRASE = re.compile("|".join(re.escape(label) for label in LEVELS), re.IGNORECASE)
_CHANGED = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})")

# Advice telling Australians to leave the country; the object after "leave" keeps "leave enough time" out.
_AUSTRALIANS = r"(?i:Australians|Australian\s+citizens)"
_LEAVE = official.english_leave_pattern(_AUSTRALIANS)


def _requests(config: SourceConfig, _targets: tuple[str, ...]) -> list[Request]:
    return [Request(config.url or DEFAULT_URL)]


def _load(body: bytes) -> list[Any]:
    data = official.load_json(body, NAME)
    if not isinstance(data, list):
        raise ValueError(f"{NAME}: expected a JSON array of destinations, got {type(data).__name__}")
    return data


def says_leave(text: str) -> bool:
    """Whether the text tells Australians to leave the country (not a region, not after a 'not')."""
    return official.says_leave(text, _LEAVE)


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    match = _CHANGED.search(value)
    try:
        if match:
            year, month, day, hour, minute = (int(g) for g in match.groups())
            return datetime(year, month, day, hour, minute, tzinfo=CANBERRA).astimezone(UTC)
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValueError(f"{NAME}: bad 'changed' date {value!r}") from exc
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=CANBERRA)).astimezone(UTC)


def _destination(entry: dict[str, Any], feed_url: str) -> tuple[AdvisoryLevel, Prose | None] | None:
    # Titles come from a CMS and may hold entities ("Ukraine Travel Advice &amp; Safety").
    name = " ".join(html.unescape(str(entry.get("title") or "")).split())
    overall = " ".join(str(entry.get("field_overall_advice_level") or "").split())
    level = LEVELS.get(overall.lower())
    target = official.country_code(name)
    if level is None or target is None:
        return None  # "No travel advice", a new label or a place we cannot name: no level to report
    regions = official.html_to_text(str(entry.get("field_advice_levels") or ""))
    # A stronger level named for a region makes that the advice's peak, held in parts of the country.
    strongest = max((LEVELS[m.group(0).lower()] for m in _LEVEL_PHRASE.finditer(regions)), default=level)
    latest = official.html_to_text(str(entry.get("field_last_update") or ""))
    url = str(entry.get("field_url") or "").strip() or feed_url
    updated = _when(entry.get("changed"))
    text = "\n".join(part for part in (latest, regions) if part)
    advisory = AdvisoryLevel(
        issuer=ISSUER,
        target=target,
        native_label=overall,
        level=max(level, strongest),
        scope="parts" if strongest > level else "whole",
        updated_at=updated,
        url=url,
        leave=says_leave(text),
        summary=latest.partition("\n")[0][:SUMMARY_CHARS],
    )
    title = html.unescape(str(entry.get("field_seo_title") or "")).strip() or f"{name} travel advice"
    return advisory, (Prose(url=url, title=title, text=text, published=updated) if text else None)


def _parse(_config: SourceConfig, request: Request, body: bytes, _content_type: str) -> SourceOutput:
    levels: list[AdvisoryLevel] = []
    prose: list[Prose] = []
    for entry in _load(body):
        if not isinstance(entry, dict):
            raise ValueError(f"{NAME}: a destination that is not an object")
        found = _destination(entry, request.url)
        if found is None:
            continue
        levels.append(found[0])
        if found[1] is not None:
            prose.append(found[1])
    return SourceOutput(levels=tuple(levels), prose=tuple(prose))


KIND = SourceKind(
    name=NAME,
    description="Australian Smartraveller advice (destinations export): every destination's level and alert.",
    requests=_requests,
    parse=_parse,
    fixture="au_smartraveller.json",
    issuer=ISSUER,
    default_url=DEFAULT_URL,
)
