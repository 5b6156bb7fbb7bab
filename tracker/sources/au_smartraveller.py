"""`au_smartraveller`: Australian Smartraveller advice for every destination from its JSON export (pure).

`https://www.smartraveller.gov.au/destinations-export` is a JSON array, one object per destination: `title` (the
destination's name), `field_overall_advice_level` ("Do not travel", "Reconsider your need to travel", "Exercise a
high degree of caution", "Exercise normal safety precautions"), `field_advice_levels` (HTML: the levels for the
country and its regions), `field_last_update` (HTML: the latest alert), `field_url` and `changed`
("Fri, 2025-11-14 14:22", Canberra time).
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pycountry
from bs4 import BeautifulSoup

from tracker.countries import gazetteer
from tracker.settings import SourceConfig
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
_LEAVE_OBJECT = (
    r"(?:(?i:now|immediately|urgently|as\s+soon\s+as|while|the\s+country|by\s+(?:any|commercial|available)"
    r"|on\s+(?:the\s+)?(?:first|next|any|available|commercial)|if\s+(?:you\s+can|it\s+is\s+safe)|when\s+it\s+is\s+safe)"
    r"|[A-Z][\w’'-]+)"
)
# "U.S. citizens who wish to depart" is about those who choose to, not advice that all should.
_NOT_CHOICE = r"(?!(?i:wish|wishes|want|wants|choose|chooses|decide|decides|plan|plans)\b)"
_LEAVE = re.compile(
    rf"(?:\b(?i:you)|{_AUSTRALIANS})(?:\s+(?i:in|still\s+in|who\s+are\s+in)\s+(?:the\s+)?[A-Z][\w’'-]+)?"
    r"\s+(?i:should|are\s+(?:strongly\s+)?(?:advised|urged|encouraged)\s+to)"
    rf"\s+(?i:(?:now|immediately)\s+)?(?i:leave)\s+{_LEAVE_OBJECT}"
    rf"|\b(?i:advise|advises|advised|urge|urges|urged|encourage|encourages|call\s+on|calls\s+on)\s+(?i:all\s+)?"
    rf"{_AUSTRALIANS}(?:\s+{_NOT_CHOICE}[\w’'-]+){{0,4}}?\s+(?i:to)\s+(?i:leave)\s+{_LEAVE_OBJECT}"
    rf"|(?:^|(?<=[.!?:]\s))\s*(?i:leave)\s+(?:(?i:the\s+country)\s+|[A-Z][\w’'-]+\s+)?(?i:now|immediately)\b",
    re.MULTILINE,
)
_NEGATED = re.compile(r"\b(?:not|never|cannot|unable|n[’']t)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def _requests(config: SourceConfig, _targets: tuple[str, ...]) -> list[Request]:
    return [Request(config.url or DEFAULT_URL)]


def _load(body: bytes) -> list[Any]:
    try:
        data = json.loads(body)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        raise ValueError(f"{NAME}: body is not JSON ({exc})") from exc
    if not isinstance(data, list):
        raise ValueError(f"{NAME}: expected a JSON array of destinations, got {type(data).__name__}")
    return data


def _text(markup: str) -> str:
    """HTML to plain text with one line per block element, so sentences never run across headings or items."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br", "tr", "section"]):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def says_leave(text: str) -> bool:
    """Whether the text tells Australians to leave the country (not a region, not after a 'not')."""
    return any(not _NEGATED.search(text[max(0, m.start() - 30) : m.start()]) for m in _LEAVE.finditer(text))


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


def _target(name: str) -> str | None:
    code = gazetteer().lookup(name)
    if code is None:
        try:
            code = pycountry.countries.lookup(name).alpha_2
        except LookupError:
            return None
    return code if code and gazetteer().is_known(code) else None


def _destination(entry: dict[str, Any], feed_url: str) -> tuple[AdvisoryLevel, Prose | None] | None:
    # Titles come from a CMS and may hold entities ("Ukraine Travel Advice &amp; Safety").
    name = " ".join(html.unescape(str(entry.get("title") or "")).split())
    overall = " ".join(str(entry.get("field_overall_advice_level") or "").split())
    level = LEVELS.get(overall.lower())
    target = _target(name) if name else None
    if level is None or target is None:
        return None  # "No travel advice", a new label or a place we cannot name: no level to report
    regions = _text(str(entry.get("field_advice_levels") or ""))
    # A stronger level named for a region makes that the advice's peak, held in parts of the country.
    strongest = max((LEVELS[m.group(0).lower()] for m in _LEVEL_PHRASE.finditer(regions)), default=level)
    latest = _text(str(entry.get("field_last_update") or ""))
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
    official=True,
    default_url=DEFAULT_URL,
    examples=(DEFAULT_URL,),
)
