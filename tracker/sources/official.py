"""Helpers the official advisory adapters share (pure): JSON bodies, HTML to text, the "says leave" check, countries.

Only the mechanics live here. What each government's wording is (whom it tells to leave, with which verbs) stays in
its adapter and comes in as an argument, and every error still names the adapter it came from.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pycountry
from bs4 import BeautifulSoup

from tracker.countries import gazetteer

# Elements that end a line of text: headings, paragraphs, list items, table rows, line breaks and sections.
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br", "tr", "section")

# A "not" (never, cannot, unable, n't) at most two words before a call to leave undoes it: "you should not leave
# now", "cannot leave the country". Only the last `_NEGATION_CHARS` characters before the match are looked at.
_NEGATED = re.compile(r"\b(?:not|never|cannot|unable|n[’']t)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
_NEGATION_CHARS = 30

# What may follow the verb in a call to leave the country ("now", "as soon as", "by commercial means"), or else a
# name. Requiring one keeps "you should leave plenty of time" and "leave these areas" (a region) out.
_LEAVE_OBJECTS = (
    r"now|immediately|urgently|as\s+soon\s+as|while|the\s+country|by\s+(?:any|commercial|available)"
    r"|on\s+(?:the\s+)?(?:first|next|any|available|commercial)|if\s+(?:you\s+can|it\s+is\s+safe)|when\s+it\s+is\s+safe"
)
# "U.S. citizens who wish to depart" is about those who choose to, not advice that all should.
_NOT_CHOICE = r"(?!(?i:wish|wishes|want|wants|choose|chooses|decide|decides|plan|plans)\b)"


def load_json(body: bytes, kind: str) -> Any:
    """The body parsed as JSON; a ValueError "<kind>: body is not JSON (...)" when it is not (or not UTF-8)."""
    try:
        return json.loads(body)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        raise ValueError(f"{kind}: body is not JSON ({exc})") from exc


def load_json_object(body: bytes, kind: str) -> dict[str, Any]:
    """The body as a JSON object; a ValueError naming `kind` when it is not JSON or holds anything but an object."""
    data = load_json(body, kind)
    if not isinstance(data, dict):
        raise ValueError(f"{kind}: expected a JSON object, got {type(data).__name__}")
    return data


def html_to_lines(html: str) -> list[str]:
    """HTML to the non-empty lines of its text, one per block element, white space folded within each line."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(list(_BLOCKS)):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return [line for line in lines if line]


def html_to_text(html: str) -> str:
    """HTML to plain text with one line per block element, so sentences never run across headings or items."""
    return "\n".join(html_to_lines(html))


def english_leave_pattern(nationals: str, verb: str = r"(?i:leave)", more_objects: str = "") -> re.Pattern[str]:
    """An English call on `nationals` (or on "you") to leave the country, for `says_leave`.

    The issuer's own wording comes in as regex fragments: `nationals` names whom it addresses ("Canadians",
    "Canadian citizens"), `verb` its verbs for leaving, `more_objects` an alternation of further words that may follow
    the verb. Three forms count: "you|Canadians (in X) should|are urged to (now) leave <object>", "urges (all)
    Canadians (...) to leave <object>" (but not "Canadians who wish to leave"), and a sentence that opens "Leave
    (the country|X) now".
    """
    objects = f"{_LEAVE_OBJECTS}|{more_objects}" if more_objects else _LEAVE_OBJECTS
    leave_object = rf"(?:(?i:{objects})|[A-Z][\w’'-]+)"
    return re.compile(
        rf"(?:\b(?i:you)|{nationals})(?:\s+(?i:in|still\s+in|who\s+are\s+in)\s+(?:the\s+)?[A-Z][\w’'-]+)?"
        r"\s+(?i:should|are\s+(?:strongly\s+)?(?:advised|urged|encouraged)\s+to)"
        rf"\s+(?i:(?:now|immediately)\s+)?{verb}\s+{leave_object}"
        rf"|\b(?i:advise|advises|advised|urge|urges|urged|encourage|encourages|call\s+on|calls\s+on)\s+(?i:all\s+)?"
        rf"{nationals}(?:\s+{_NOT_CHOICE}[\w’'-]+){{0,4}}?\s+(?i:to)\s+{verb}\s+{leave_object}"
        rf"|(?:^|(?<=[.!?:]\s))\s*{verb}\s+(?:(?i:the\s+country)\s+|[A-Z][\w’'-]+\s+)?(?i:now|immediately)\b",
        re.MULTILINE,
    )


def says_leave(text: str, leave_pattern: re.Pattern[str]) -> bool:
    """Whether `leave_pattern` (an adapter's own call-to-leave wording) matches somewhere no 'not' comes just before."""
    return any(
        not _NEGATED.search(text[max(0, m.start() - _NEGATION_CHARS) : m.start()]) for m in leave_pattern.finditer(text)
    )


def country_code(name: str, fallback: str = "") -> str | None:
    """ISO alpha-2 code for a country's name: through the gazetteer, else pycountry, kept only if the gazetteer knows
    it; else `fallback` (say the code that was asked for), and None when that is empty too."""
    if name:
        code = gazetteer().lookup(name)
        if code is None:
            try:
                code = pycountry.countries.lookup(name).alpha_2
            except LookupError:
                code = None
        if code and gazetteer().is_known(code):
            return code
    return fallback or None
