"""`us_state`: US State Department travel advisories from its RSS feed, all countries in one request (pure).

Each `<item>` has a title "Ukraine - Level 4: Do Not Travel", `<category domain="Threat-Level">Level 4: Do Not
Travel</category>`, `<category domain="Country-Tag">UP</category>` (State's own tags, mostly FIPS 10-4, see
`tracker/data/us_state_tags.toml`), `pubDate`, `link` and an HTML `description`. Levels are returned for every item;
the caller keeps the targets it watches.
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

from tracker.countries import gazetteer
from tracker.settings import SourceConfig
from tracker.sources import official
from tracker.sources.base import AdvisoryLevel, Prose, Request, SourceKind, SourceOutput

NAME = "us_state"
ISSUER = "US"
DEFAULT_URL = "https://travel.state.gov/_res/rss/TAsTWs.xml"
# Most items carry a date without a time ("Tue, 15 Sep 2026"): read as the start of that day in Washington.
WASHINGTON = ZoneInfo("America/New_York")
SUMMARY_CHARS = 300

_LEVEL = re.compile(r"\bLevel\s+([1-4])\b", re.IGNORECASE)
_TITLE_NAME = re.compile(r"^(.*?)\s+-\s+Level\s+[1-4]\b|^(.*?)\s+Travel\s+Advisory\s*$", re.IGNORECASE)
_DATE_ONLY = re.compile(r"^(?:\w{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\w*\s+(\d{4})\s*$")
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}

# Advice telling U.S. citizens to leave or depart the country; the object after the verb keeps "leave enough
# time" out. "Ordered departure" is staff, not citizens, and does not count.
_AMERICANS = r"(?i:U\.?\s?S\.?\s+(?:citizens|nationals)|Americans)"
_LEAVE = official.english_leave_pattern(_AMERICANS, verb=r"(?i:leave|depart)", more_objects=r"using\s+commercial")


@cache
def country_tags() -> dict[str, str]:
    """State's Country-Tag -> ISO alpha-2, from the package data (immutable, so read once)."""
    data = resources.files("tracker").joinpath("data/us_state_tags.toml").read_text(encoding="utf-8")
    return {tag.upper(): code.upper() for tag, code in tomllib.loads(data)["tags"].items()}


def _requests(config: SourceConfig, _targets: tuple[str, ...]) -> list[Request]:
    return [Request(config.url or DEFAULT_URL)]


def _text(html: str) -> str:
    """HTML to plain text with one line per block element, so sentences never run across headings or items."""
    lines = official.html_to_lines(html)
    # Descriptions open with the level's verb outside the first paragraph ("Do not travel<p>to Ukraine due to
    # ..."): rejoin it, or the lead sentence is cut in two.
    if len(lines) > 1 and lines[1][:1].islower():
        lines[:2] = [f"{lines[0]} {lines[1]}"]
    return "\n".join(lines)


def says_leave(text: str) -> bool:
    """Whether the text tells U.S. citizens to leave or depart the country (not after a 'not')."""
    return official.says_leave(text, _LEAVE)


def _when(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    date_only = _DATE_ONLY.match(value)
    try:
        if date_only and date_only.group(2).lower() in _MONTHS:
            day, month, year = int(date_only.group(1)), _MONTHS[date_only.group(2).lower()], int(date_only.group(3))
            return datetime(year, month, day, tzinfo=WASHINGTON).astimezone(UTC)
        parsed = parsedate_to_datetime(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{NAME}: bad pubDate {value!r}") from exc
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def _title_code(title: str) -> str | None:
    match = _TITLE_NAME.match(title.strip())
    if not match:
        return None
    name = (match.group(1) or match.group(2) or "").strip()
    return gazetteer().lookup(name) if name else None


def _target(title: str, tag: str) -> str | None:
    """The country named in the title; else the Country-Tag through State's table. The feed mixes ISO-style
    tags into its FIPS ones, so where the title is readable it is the better witness."""
    code = _title_code(title) or country_tags().get(tag.strip().upper())
    return code if code and gazetteer().is_known(code) else None


def _category(item: ET.Element, domain: str) -> str:
    for category in item.findall("category"):
        if (category.get("domain") or "").lower() == domain.lower():
            return (category.text or "").strip()
    return ""


def _item(item: ET.Element, feed_url: str) -> tuple[AdvisoryLevel, Prose] | None:
    title = (item.findtext("title") or "").strip()
    threat = _category(item, "Threat-Level")
    level_match = _LEVEL.search(threat) or _LEVEL.search(title)
    target = _target(title, _category(item, "Country-Tag"))
    if level_match is None or target is None:
        return None  # "Worldwide Caution" and places we cannot name carry no country level
    updated = _when(item.findtext("pubDate") or "")
    url = (item.findtext("link") or "").strip() or feed_url
    text = _text(item.findtext("description") or "")
    label = threat or title.partition(" - ")[2].strip()
    advisory = AdvisoryLevel(
        issuer=ISSUER,
        target=target,
        native_label=label,
        level=int(level_match.group(1)),
        scope="whole",
        updated_at=updated,
        url=url,
        leave=says_leave(text),
        summary=text.partition("\n")[0][:SUMMARY_CHARS],
    )
    return advisory, Prose(url=url, title=title, text=text, published=updated)


def _newest(pairs: list[tuple[AdvisoryLevel, Prose]]) -> list[tuple[AdvisoryLevel, Prose]]:
    """One level per country: the feed sometimes repeats a country (old and new page), and the newer one holds."""
    best: dict[str, tuple[AdvisoryLevel, Prose]] = {}
    oldest = datetime.min.replace(tzinfo=UTC)
    for pair in pairs:
        kept = best.get(pair[0].target)
        if kept is None or (pair[0].updated_at or oldest) > (kept[0].updated_at or oldest):
            best[pair[0].target] = pair
    return list(best.values())


def _parse(_config: SourceConfig, request: Request, body: bytes, _content_type: str) -> SourceOutput:
    # ElementTree resolves no external entities and the bundled expat limits entity expansion.
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ValueError(f"{NAME}: body is not XML ({exc})") from exc
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ValueError(f"{NAME}: expected an RSS <rss><channel>, got <{root.tag}>")
    pairs = [pair for item in channel.findall("item") if (pair := _item(item, request.url))]
    kept = _newest(pairs)
    return SourceOutput(levels=tuple(a for a, _ in kept), prose=tuple(p for _, p in kept if p.text))


KIND = SourceKind(
    name=NAME,
    description="US State Department travel advisories (travel.state.gov RSS): every country's level and text.",
    requests=_requests,
    parse=_parse,
    fixture="us_state.xml",
    issuer=ISSUER,
    default_url=DEFAULT_URL,
)
