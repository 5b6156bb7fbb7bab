"""`gb_fcdo`: UK FCDO travel advice, one country page per request from the GOV.UK Content API (pure).

The page is `https://www.gov.uk/api/content/foreign-travel-advice/{slug}`. `details.alert_status` lists the FCDO's
warnings ("avoid_all_travel_to_parts", ...); the strongest one gives the level and whether it covers the whole
country. `details.parts[]` (title, HTML body) is the advice itself, returned as English prose for the extractor.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from tracker.countries import gazetteer
from tracker.settings import SourceConfig
from tracker.sources import official
from tracker.sources.base import AdvisoryLevel, Prose, Request, SourceKind, SourceOutput, per_country_requests

NAME = "gb_fcdo"
ISSUER = "GB"
DEFAULT_URL = "https://www.gov.uk/api/content/foreign-travel-advice/{slug}"
WEB_ROOT = "https://www.gov.uk"

# alert_status value -> (level, scope, label). A warning about all travel to part of a country still outranks one
# about all but essential travel to all of it: the level says how strong the advice is, the scope where it holds.
ALERTS: dict[str, tuple[int, str, str]] = {
    "avoid_all_travel_to_whole_country": (4, "whole", "Advise against all travel to the whole country"),
    "avoid_all_travel_to_parts": (4, "parts", "Advise against all travel to parts of the country"),
    "avoid_all_but_essential_travel_to_whole_country": (
        3,
        "whole",
        "Advise against all but essential travel to the whole country",
    ),
    "avoid_all_but_essential_travel_to_parts": (
        3,
        "parts",
        "Advise against all but essential travel to parts of the country",
    ),
}
NO_ALERT_LABEL = "No advice against travel"

# GOV.UK slugs that do not follow from the gazetteer's English name (checked against the Content API's index).
# "Saint"/"Sint" becoming "st" is a rule, not an entry; shared pages (Cook Islands, Tokelau and Niue) are listed.
SLUG_OVERRIDES: dict[str, str] = {
    "AQ": "antarctica-british-antarctic-territory",
    "BL": "st-martin-and-st-barthelemy",
    "MF": "st-martin-and-st-barthelemy",
    "BQ": "bonaire-st-eustatius-saba",
    "CD": "democratic-republic-of-the-congo",
    "CG": "congo",
    "CI": "cote-d-ivoire",
    "CK": "cook-islands-tokelau-and-niue",
    "NU": "cook-islands-tokelau-and-niue",
    "TK": "cook-islands-tokelau-and-niue",
    "FM": "federated-states-of-micronesia",
    "GM": "the-gambia",
    "GS": "south-georgia-and-south-sandwich-islands",
    "MO": "macao",
    "PN": "pitcairn-island",
    "SH": "st-helena-ascension-and-tristan-da-cunha",
    "TL": "timor-leste",
    "US": "usa",
    "XK": "kosovo",
}

# Advice telling British nationals to leave the country (the object after "leave" is required, so "you should leave
# plenty of time" and "leave these areas" do not count); the conditional "If you're in X, you should leave now" is
# how the FCDO says it, so "if" before it is no hedge here.
_BRITISH = r"(?i:British\s+(?:nationals|citizens|people)|UK\s+nationals|Britons)"
_LEAVE = official.english_leave_pattern(_BRITISH)


def _slug(code: str) -> str:
    """The GOV.UK page slug for an ISO code: the country's English name, lowercased and hyphenated."""
    if code in SLUG_OVERRIDES:
        return SLUG_OVERRIDES[code]
    ascii_name = unicodedata.normalize("NFKD", gazetteer().name(code)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return re.sub(r"(?:^|(?<=-))s(?:ain|in)t(?=-)", "st", slug)


def _requests(config: SourceConfig, targets: tuple[str, ...]) -> list[Request]:
    return per_country_requests(config, targets, DEFAULT_URL, "slug", _slug)


def says_leave(text: str) -> bool:
    """Whether the text tells British nationals to leave the country (not a region, not a hypothetical 'not')."""
    return official.says_leave(text, _LEAVE)


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{NAME}: bad timestamp {value!r}") from exc
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def _target(details: dict[str, Any], fallback: str) -> str | None:
    """ISO code of the page's country: its name through the gazetteer, else pycountry, else the requested one."""
    country = details.get("country")
    name = country.get("name") if isinstance(country, dict) else None
    return official.country_code(name if isinstance(name, str) else "", fallback)


def _strongest(statuses: list[str]) -> tuple[int, str, str]:
    unknown = [s for s in statuses if s not in ALERTS]
    if unknown:
        raise ValueError(f"{NAME}: unknown alert_status {unknown[0]!r}")
    if not statuses:
        return 1, "whole", NO_ALERT_LABEL
    level, scope, _ = max((ALERTS[s] for s in statuses), key=lambda a: (a[0], a[1] == "whole"))
    return level, scope, "; ".join(ALERTS[s][2] for s in statuses)


def _prose(details: dict[str, Any], web_url: str, published: datetime | None) -> tuple[Prose, ...]:
    parts = details.get("parts") or []
    if not isinstance(parts, list):
        raise ValueError(f"{NAME}: details.parts is not a list")
    prose = []
    for part in parts:
        if not isinstance(part, dict) or not isinstance(part.get("body"), str):
            raise ValueError(f"{NAME}: a part without an HTML body")
        text = official.html_to_text(part["body"])
        if text:
            url = f"{web_url}/{part.get('slug') or ''}".rstrip("/")
            prose.append(Prose(url=url, title=str(part.get("title") or ""), text=text, published=published))
    return tuple(prose)


def _parse(config: SourceConfig, request: Request, body: bytes, _content_type: str) -> SourceOutput:
    data = official.load_json_object(body, NAME)
    details = data.get("details")
    if not isinstance(details, dict):
        raise ValueError(f"{NAME}: no 'details' object (not a travel advice page?)")
    statuses = details.get("alert_status") or []
    if not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses):
        raise ValueError(f"{NAME}: details.alert_status is not a list of strings")
    target = _target(details, request.target)
    if target is None:
        return SourceOutput()  # a page about a place we cannot name is skipped, not an error
    level, scope, label = _strongest(statuses)
    updated = _when(data.get("public_updated_at"))
    base_path = data.get("base_path")
    web_url = WEB_ROOT + base_path if isinstance(base_path, str) and base_path else request.url
    summary = str(details.get("change_description") or "").strip()
    prose = _prose(details, web_url, updated)
    # Entry rules say when visitors must leave ("leave before your visa expires"); that is no call to leave.
    advice = [p for p in prose if not p.url.endswith("/entry-requirements")]
    leave = says_leave(summary) or any(says_leave(p.text) for p in advice)
    advisory = AdvisoryLevel(
        issuer=ISSUER,
        target=target,
        native_label=label,
        level=level,
        scope=scope,
        updated_at=updated,
        url=web_url,
        leave=leave,
        summary=summary,
    )
    return SourceOutput(levels=(advisory,), prose=prose)


KIND = SourceKind(
    name=NAME,
    description="UK FCDO travel advice (GOV.UK Content API), one page per watched country: level and prose.",
    requests=_requests,
    parse=_parse,
    fixture="gb_fcdo.json",
    issuer=ISSUER,
    default_url=DEFAULT_URL,
)
