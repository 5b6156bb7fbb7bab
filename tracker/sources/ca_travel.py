"""`ca_travel`: Government of Canada travel advice, one country file per request (pure).

`https://data.international.gc.ca/travel-voyage/cta-cap-{iso2}.json` holds `{"metadata": ..., "data": {...}}` with
`country-iso`, `advisory-state` (0 normal precautions .. 3 avoid all travel), `has-regional-advisory`,
`date-published` and the English text under `eng` (`advisory-text`, `recent-updates`, and the HTML sections
`advisories` and `security`, where "you should leave the country" is written).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

from tracker.countries import gazetteer
from tracker.settings import SourceConfig
from tracker.sources import official
from tracker.sources.base import AdvisoryLevel, Prose, Request, SourceKind, SourceOutput, per_country_requests

NAME = "ca_travel"
ISSUER = "CA"
DEFAULT_URL = "https://data.international.gc.ca/travel-voyage/cta-cap-{iso2}.json"
WEB_URL = "https://travel.gc.ca/destinations/{slug}"
# Global Affairs writes local Ottawa times without an offset in `date-published.date` and `friendly-date`.
OTTAWA = ZoneInfo("America/Toronto")
_TZINFOS = {"EST": -5 * 3600, "EDT": -4 * 3600}

# advisory-state -> the label Canada uses for it; the normalised level is the state plus one.
STATES = {
    0: "Take normal security precautions",
    1: "Exercise a high degree of caution",
    2: "Avoid non-essential travel",
    3: "Avoid all travel",
}
# English HTML sections turned into prose, with the title the travel.gc.ca page gives them.
SECTIONS = (("advisories", "Risk level"), ("security", "Safety and security"))

# Advice telling Canadians to leave the country; the object after "leave" keeps "leave enough time" out.
_CANADIANS = r"(?i:Canadians|Canadian\s+citizens)"
_LEAVE = official.english_leave_pattern(_CANADIANS)


def _requests(config: SourceConfig, targets: tuple[str, ...]) -> list[Request]:
    # The files are named with lower-case codes (cta-cap-ua.json).
    return per_country_requests(config, targets, DEFAULT_URL, "iso2", str.lower)


def says_leave(text: str) -> bool:
    """Whether the text tells Canadians to leave the country (not a region, not after a 'not')."""
    return official.says_leave(text, _LEAVE)


def _published(data: dict[str, Any], eng: dict[str, Any]) -> datetime | None:
    """The publication time: the epoch timestamp if given, else the ISO `asp`, else the local date strings."""
    published = data.get("date-published")
    if isinstance(published, dict):
        stamp = published.get("timestamp")
        if isinstance(stamp, int | float) and not isinstance(stamp, bool):
            return datetime.fromtimestamp(stamp, UTC)
        for key in ("asp", "date"):
            when = _local_time(published.get(key))
            if when:
                return when
    return _local_time(eng.get("friendly-date"))


def _local_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = dateparser.parse(value, tzinfos=_TZINFOS)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{NAME}: bad date {value!r}") from exc
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=OTTAWA)).astimezone(UTC)


def _state(data: dict[str, Any]) -> int:
    state = data.get("advisory-state")
    if isinstance(state, str) and state.strip().isdigit():
        state = int(state)
    if not isinstance(state, int) or isinstance(state, bool) or state not in STATES:
        raise ValueError(f"{NAME}: advisory-state {state!r} is not 0-3")
    return state


def _target(data: dict[str, Any], eng: dict[str, Any], fallback: str) -> str | None:
    code = str(data.get("country-iso") or "").strip().upper()
    if gazetteer().is_known(code):
        return code
    name = eng.get("name")
    found = gazetteer().lookup(name) if isinstance(name, str) else None
    return found or fallback or None


def _prose(eng: dict[str, Any], url: str, published: datetime | None) -> tuple[Prose, ...]:
    name = str(eng.get("name") or "")
    prose = []
    lead = "\n".join(
        official.html_to_text(str(eng.get(key) or "")) for key in ("advisory-text", "recent-updates")
    ).strip()
    if lead:
        prose.append(Prose(url=url, title=f"{name}: travel advice and advisories", text=lead, published=published))
    for key, title in SECTIONS:
        text = official.html_to_text(str(eng.get(key) or ""))
        if text:
            prose.append(Prose(url=url, title=f"{name}: {title}", text=text, published=published))
    return tuple(prose)


def _parse(config: SourceConfig, request: Request, body: bytes, _content_type: str) -> SourceOutput:
    data = official.load_json_object(body, NAME).get("data")
    if not isinstance(data, dict):
        raise ValueError(f"{NAME}: no 'data' object (not a cta-cap country file?)")
    eng = data.get("eng")
    if not isinstance(eng, dict):
        raise ValueError(f"{NAME}: no English section 'data.eng'")
    state = _state(data)
    target = _target(data, eng, request.target)
    if target is None:
        return SourceOutput()  # an unknown destination is skipped, not an error
    published = _published(data, eng)
    slug = str(eng.get("url-slug") or "").strip()
    url = WEB_URL.format(slug=slug) if slug else request.url
    prose = _prose(eng, url, published)
    label = " ".join(str(eng.get("advisory-text") or "").split()) or STATES[state]
    advisory = AdvisoryLevel(
        issuer=ISSUER,
        target=target,
        native_label=label,
        level=state + 1,
        scope="parts" if data.get("has-regional-advisory") in (1, "1", True) else "whole",
        updated_at=published,
        url=url,
        leave=any(says_leave(p.text) for p in prose),
        summary=official.html_to_text(str(eng.get("recent-updates") or "")),
    )
    return SourceOutput(levels=(advisory,), prose=prose)


KIND = SourceKind(
    name=NAME,
    description="Government of Canada travel advice (data.international.gc.ca), one file per watched country.",
    requests=_requests,
    parse=_parse,
    fixture="ca_travel.json",
    issuer=ISSUER,
    default_url=DEFAULT_URL,
)
