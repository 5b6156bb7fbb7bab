"""What a whole document says about its sentences (pure): who speaks in it, where its sections and entries start,
which country its headline is about, and whether it reads like machine translation.

The extractor reads sentence by sentence; these are the few things only the document as a whole can tell it.
"""

from __future__ import annotations

import re

from tracker.countries import CountryMatch, Gazetteer, MatchKind
from tracker.issuers import find_targets, first_actor


def is_shouted(sentence: str) -> bool:
    """A sentence in capitals, as cables and old bulletins are written (a short line in capitals is a heading)."""
    return len(sentence) >= 60 and sentence[:60].isupper()


def truecase(sentence: str, gaz: Gazetteer) -> str:
    """A sentence in capitals in ordinary case, of the same length: lower case, its first letter and the names of
    countries capitalised ("ITALIAN EMBASSY REMAINS OPEN" -> "Italian embassy remains open"), so the rules written
    for ordinary text read it. Shorthand the gazetteer knows in capitals stays so ("HMG", "UK", "AMEMBASSY")."""
    out = list(sentence.lower())
    first = next((i for i, c in enumerate(out) if c.isalpha()), None)
    if first is not None:
        out[first] = out[first].upper()
    for match in gaz.find(sentence):
        surface = match.surface
        if match.kind is MatchKind.DEMONYM and surface.isupper() and len(surface) >= 5:
            surface = surface.title()  # "AMCITS" -> "Amcits": a plural the people patterns read
        out[match.start : match.end] = surface
    return "".join(out)


def is_machine_translated(text: str, gaz: Gazetteer) -> bool:
    """Machine translation leaves sentences and names in lower case ("the france has decided. sunday the ...")."""
    # (or names in lower case alone, when there are several: "germany invites its nationals", "the flags of russia")
    needed = 2 if len(_LOWER_AFTER_STOP.findall(text, 0, 20000)) >= 2 else 4
    return len(gaz.find_lowercase(text[:8000])) >= needed


_LOWER_AFTER_STOP = re.compile(
    r"(?:[.;!?] +|\n\n)[a-z]"
)  # (a sentence or a paragraph, not any line: lists open in lower case)


def with_lowercase(matches: list[CountryMatch], lower: list[CountryMatch]) -> list[CountryMatch]:
    if not lower:
        return matches
    taken = [(m.start, m.end) for m in matches]
    extra = [m for m in lower if not any(m.start < end and start < m.end for start, end in taken)]
    return sorted([*matches, *extra], key=lambda m: m.start)


_HANDLE = re.compile(r"^@(\w+)\s*[·•|—–-]")
_HANDLE_WORD = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_")
# Accounts whose handle names no country.
_HANDLE_OWNERS = {
    "dfat": "AU",
    "smartraveller": "AU",
    "travelgov": "US",
    "statedept": "US",
    "francediplo": "FR",
    "fcotravel": "GB",
    "fcdotravel": "GB",
    "foreignoffice": "GB",
    "diplomatie": "FR",
    "auswaertigesamt": "DE",
}


def handle_country(line: str, gaz: Gazetteer) -> str | None:
    """The government behind an account: "@PolandMFA" -> PL, "@MofaJapan_en" -> JP, "@dfat" -> AU."""
    handle = _HANDLE.match(line)
    if handle is None:
        return None
    name = handle.group(1)
    if (owner := _HANDLE_OWNERS.get(name.lower())) is not None:
        return owner
    words = _HANDLE_WORD.sub(" ", name)
    found = [m for m in gaz.find(words) if m.kind is not MatchKind.PLACE]
    if found:
        return found[0].code
    # "@ForeignOfficeKE": a country code closing the handle
    suffix = re.search(r"(?<=[a-z])[A-Z]{2}$", name)
    return suffix.group() if suffix and gaz.is_known(suffix.group()) else None


_HEADING_SHAPE = re.compile(r"^[\s*•\-–—#>]*(?:\*\*|__)?(?P<name>[^.:*_|]{2,40}?)(?:\*\*|__)?\s*[.:]?\s*(?:\*\*)?$")


def country_heading(line: str, gaz: Gazetteer) -> str | None:
    """The country a bare heading or bullet lead names: "- United States.", "**Belgium**", "JAPAN:"."""
    shape = _HEADING_SHAPE.match(line)
    if shape is None:
        return None
    name = shape["name"].strip()
    found = gaz.find(name if not name.isupper() else name.title())
    if len(found) == 1 and found[0].surface == (name if not name.isupper() else name.title()):
        return found[0].code if found[0].kind is not MatchKind.PLACE else None
    return None


# A briefing transcript ("Q: ... A: ...") or an official statement speaks in the first person throughout.
_TRANSCRIPT_TURN = re.compile(r"^\s*(?:Q|A|QUESTION|ANSWER|SPOKES(?:MAN|WOMAN|PERSON))\s*:", re.MULTILINE)
_CABLE_FROM = re.compile(r"^FM\s+[A-Z]{3,}", re.MULTILINE)
_STATEMENT_TITLE = re.compile(
    r"\b(?:press\s+briefing|daily\s+briefing|press\s+releases?|media\s+releases?|communiqu[eé]s?|statements?\s+(?:by|from|on)"
    r"|transcript|cable"
    r"|press\s+conference)\b",
    re.IGNORECASE,
)


def speaking_government(title: str, text: str, gaz: Gazetteer, target: str) -> str | None:
    """The government a first-person document speaks for: the first one its letterhead names ("Washington, DC",
    "Paris, Tuesday 4 October"), else its title's (a title may list the topics first: "Burkina Faso, Ukraine")."""
    if not (
        _STATEMENT_TITLE.search(title)
        or len(_TRANSCRIPT_TURN.findall(text, 0, 5000)) >= 2
        or _CABLE_FROM.search(text, 0, 1500)  # a cable's sender line: "FM AMEMBASSY NAIROBI"
    ):
        return None
    body = text[len(title) :] if title and text.startswith(title) else text  # (a parsed page repeats its title)
    # (a letterhead in capitals reads as names, "FOREIGN AND COMMONWEALTH OFFICE, LONDON", and as the shorthand it
    # may be: "FM AMEMBASSY NAIROBI")
    head = f"{body[:300]}\n{title}"
    titled = _UPPER_WORD.sub(lambda m: m.group().title(), head)
    return first_actor(titled, with_lowercase(gaz.find(head), gaz.find(titled)), exclude=target)


_DECORATED = re.compile(r"^\s*(?:={2,}|#{1,4}|\*\*)\s*(?P<body>.+?)\s*(?:={2,}|#{1,4}|\*\*)?\s*$")
_CAPITALS = re.compile(r"^[^a-z]*[A-Z]{3,}[^a-z]*$")


def section_targets(text: str, gaz: Gazetteer, target: str) -> dict[int, str]:
    """Where a document covering several crises starts each one: line offset -> the country its heading names.
    Only for two or more headings naming different countries (a single crisis has its article target). Headings that
    are only a country's name ("BELGIUM") lead what that government did, unless one of them is the article's own
    target ("PAKISTAN" and "KENYA" in a newsletter about Pakistan)."""
    found: dict[int, str] = {}
    bare_found: dict[int, str] = {}
    offset = 0
    for line in text.split("\n"):
        decorated = _DECORATED.match(line)
        body = decorated["body"] if decorated else line.strip()
        if (decorated or _CAPITALS.match(body)) and body and len(body.split()) <= 14:
            # "=== 1. KYRGYZSTAN: interim government takes hold ===": names in capitals read as names
            matches = gaz.find(_UPPER_WORD.sub(lambda m: m.group().title(), body))
            # (a place the section is about, not an actor in it: "THE SOVIET SHIPS")
            places = [m for m in matches if m.kind in (MatchKind.NAME, MatchKind.PLACE)]
            # (a heading that is only a country's name leads what that government did: "BELGIUM" over bullets)
            bare = len(places) == 1 and _BARE_NAME.fullmatch(body[: places[0].start] + body[places[0].end :])
            if places:
                (bare_found if bare else found)[offset] = places[0].code
        offset += len(line) + 1
    if target in bare_found.values():
        found.update(bare_found)
    return dict(sorted(found.items())) if len(set(found.values())) >= 2 else {}


_UPPER_WORD = re.compile(r"\b[A-Z]{3,}\b")
_BARE_NAME = re.compile(r"[\s\d.:)*#=-]*")


def title_target(title: str, gaz: Gazetteer) -> tuple[str | None, bool]:
    """The country a headline names as a place ("... out of Haiti", "... in Kyiv"), if any, and whether it is the
    place people leave ("Students flown out of Grenada"), which outweighs the places the body names."""
    if not title:
        return None, False
    matches = gaz.find(title)
    # "From Washington to Seoul, capitals tell citizens: get out of Ukraine": the place people leave first.
    for match in matches:
        if match.kind is not MatchKind.DEMONYM and _LEFT_PLACE.search(title, 0, match.start):
            return match.code, True
    ((code, _),) = find_targets(title, matches, 0, set(), "")[:1]
    return code or None, False


_LEFT_PLACE = re.compile(
    r"\b(?:leave|leaving|left|out\s+of|flee\w*|fled|exit\w*|evacuat\w*(?:\s+from)?)\s+(?:the\s+)?"
    # (one word of description: "out of embattled Santo Domingo", but not "fled to Chad")
    r"(?:(?!(?:to|for|into|via|through|towards?|and|or)\b)[a-z][\w-]*\s+)?$",
    re.I,
)
