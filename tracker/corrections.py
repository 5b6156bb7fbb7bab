"""Corrections that take back what the article said earlier (pure).

"Correction: An earlier version of this article said that Japan's embassy had closed and reopened on Monday. The
embassy remained open throughout." The sentence the correction retracts still reads as an event where it stands, so
the whole document has to be read first: a retraction names the government and the kinds of act it takes back.
A correction that only moves a day ("... said the embassy closed on Monday; it closed on Tuesday") takes nothing
back, so a retraction needs a denial in the correction itself; a correction that restates the act with its right
day ("to show that Belgium's embassy suspended its operations on Thursday, not Wednesday") replaces the earlier
telling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.countries import Gazetteer, MatchKind
from tracker.qualify import CORRECTED_REPORT
from tracker.records import EventType, Mention
from tracker.text import Sentence, holds_any
from tracker.triggers import find_triggers


@dataclass(frozen=True)
class Retraction:
    issuers: frozenset[str]
    event_types: frozenset[EventType]
    start: int  # where the correction starts: what it says itself is read by the usual rules
    end: int


# What the correction says instead: the embassy "remained open", the advice "was never issued".
_DENIAL = re.compile(
    r"\b(?:remains?|remained|stayed|stays|kept)\s+(?:\w+\s+)?open\b"
    r"|\b(?:did|does|do|had|has|have|was|were|is|are)\s+not\b|\b(?:didn't|hasn't|hadn't|wasn't|weren't|isn't)"
    r"|\bnever\b|\bno\s+such\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Redating:
    issuers: frozenset[str]
    event_types: frozenset[EventType]
    sentence: str  # the correction's sentence that gives the right day
    start: int
    end: int


# The verbs one of which every form of CORRECTED_REPORT holds: most sentences are spared the pattern.
_CORRECTION_VERBS = ("said", "stated", "reported", "wrote", "gave", "listed", "suggested", "wrongly", "incorrectly")


def _corrected_report(sentence: str) -> re.Match[str] | None:
    # ("CORRECTION to 11:40: Sweden has NOT closed its embassy.": the corrected claim restated, denied)
    head = sentence[:40]
    if ("orrection" in head or "ORRECTION" in head) and (lead := _CORRECTION_LEAD.match(sentence)) is not None:
        return lead
    return CORRECTED_REPORT.search(sentence) if holds_any(sentence, _CORRECTION_VERBS) else None


def corrected_reports(sentences: list[Sentence]) -> dict[int, re.Match[str]]:
    """Index of each sentence that reports what was said before -> where its report of it starts."""
    return {index: found for index, sentence in enumerate(sentences) if (found := _corrected_report(sentence.text))}


_CORRECTION_LEAD = re.compile(r"^\W*(?:\[[^\]]{1,20}\]\s*)?correction\b[^:.]{0,30}:\s*", re.IGNORECASE)


def retractions(
    sentences: list[Sentence], gaz: Gazetteer, default_target: str, reports: dict[int, re.Match[str]]
) -> list[Retraction]:
    found = []
    for index, disowned in reports.items():
        sentence = sentences[index]
        said = sentence.text[disowned.end() :]
        # (the denial may be the correction's next sentence: "The embassy remained open throughout.")
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        tail = said + " " + following.text if following is not None else said
        if not _DENIAL.search(tail):
            continue
        types = frozenset(hit.trigger.event_type for hit in find_triggers(said))
        issuers = frozenset(
            m.code for m in gaz.find(said) if m.kind in (MatchKind.NAME, MatchKind.DEMONYM) and m.code != default_target
        )
        if types and issuers:
            end = following.end if following is not None else sentence.end
            found.append(Retraction(issuers, types, sentence.start, end))
    return found


def withdraw_retracted(mentions: list[Mention], taken_back: list[Retraction]) -> list[Mention]:
    """The mentions outside a correction that it takes back."""
    return [
        m
        for m in mentions
        if not any(
            m.issuer in r.issuers and m.event_type in r.event_types and not r.start <= m.start < r.end
            for r in taken_back
        )
    ]


# "CORRECTION: Corrects paragraph 8 ... to show that Belgium's embassy suspended its operations on Thursday, not
# Wednesday": the act restated with its right day.
_CORRECTS = re.compile(r"^\W*correction\b|\bcorrect(?:s|ed|ing)\b", re.IGNORECASE)
_NOT_THAT_DAY = re.compile(
    r",?\s+not\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+"
    r"|[A-Z][a-z]+\.?\s+\d{1,2})\b"
)


def restating(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Where corrections restate an act with its right day."""
    return [
        (s.start, s.end)
        for s in sentences
        if " not " in s.text and _CORRECTS.search(s.text) and _NOT_THAT_DAY.search(s.text)
    ]


def keep_restated(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """A corrected act keeps only the correction's telling of it."""
    restated = {(m.issuer, m.target, m.event_type) for m in mentions if any(a <= m.start < b for a, b in spans)}
    return [
        m
        for m in mentions
        if (m.issuer, m.target, m.event_type) not in restated or any(a <= m.start < b for a, b in spans)
    ]


# "An earlier version of the 11:20 post said Canada's first flight left Beirut on Friday. It left on Thursday."
_IT_DID_ON = re.compile(r"^\W*(?:it|they|the\s+\w+)\s+(?:\w+\s+){0,2}?on\s+\w+", re.IGNORECASE)


def redatings(
    sentences: list[Sentence], gaz: Gazetteer, default_target: str, reports: dict[int, re.Match[str]]
) -> list[Redating]:
    """Corrections that only move a day: the act stands, on the day the correction gives."""
    found = []
    for index, disowned in reports.items():
        if index + 1 >= len(sentences):
            continue
        sentence = sentences[index]
        said, following = sentence.text[disowned.end() :], sentences[index + 1]
        if _DENIAL.search(said + " " + following.text) or not _IT_DID_ON.match(following.text):
            continue
        types = frozenset(hit.trigger.event_type for hit in find_triggers(said))
        issuers = frozenset(
            m.code for m in gaz.find(said) if m.kind in (MatchKind.NAME, MatchKind.DEMONYM) and m.code != default_target
        )
        if types and issuers:
            found.append(Redating(issuers, types, following.text, sentence.start, following.end))
    return found
