"""Triggers in a sentence: which patterns may match (gates and needs), their matches, and overlaps (pure).

The cheap substring tests come first because most sentences of an article have no trigger at all, and running every
pattern on them is most of the cost of extraction (DESIGN §8: speed is measured, benchmarks/extraction.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.issuers import relative_antecedent_end
from tracker.records import CLOSES, EventType
from tracker.trie import substring_trie
from tracker.vocabulary import GATES, TRIGGER_GATE_EXTRA, TRIGGER_NEEDS, TRIGGERS, Trigger


@dataclass(frozen=True, slots=True)
class TriggerHit:
    trigger: Trigger
    start: int
    end: int
    verb: int | None = None  # where the act's verb starts, for a pattern that marks it with (?P<verb>...)


_Member = tuple[Trigger, tuple[str, ...], tuple[str, ...]]


def _gate_groups() -> tuple[tuple[tuple[str, ...], tuple[_Member, ...], tuple[_Member, ...]], ...]:
    """Triggers grouped by event type: the type's gate words, its triggers (each with the extra words that open it
    alone and its finer needs), and those of them that have extra words. A gate word opens every trigger of its
    type, an extra word its own trigger; an opened trigger runs only when one of its needs is present too."""
    groups: dict[EventType, list[_Member]] = {}
    for trigger in TRIGGERS:
        extra = TRIGGER_GATE_EXTRA.get(trigger.name, ())
        groups.setdefault(trigger.event_type, []).append((trigger, extra, TRIGGER_NEEDS.get(trigger.name, ())))
    return tuple(
        (GATES[event_type], tuple(members), tuple(m for m in members if m[1])) for event_type, members in groups.items()
    )


_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}")
_GATE_GROUPS = _gate_groups()
_GATE_WORDS = tuple(
    dict.fromkeys(
        word
        for gate, members, _ in _GATE_GROUPS
        for word in (*gate, *(w for m in members for w in m[1]), *(w for m in members for w in m[2]))
    )
)
# Every gate, extra and needed word found once per sentence in one pass: a longer word found also holds the words it
# contains.
_GATE_SCAN = substring_trie(_GATE_WORDS)
_CONTAINED = {word: frozenset(other for other in _GATE_WORDS if other in word) for word in _GATE_WORDS}
# Each trigger with its needs; and for each gate or extra word, the triggers it opens (its type's gate opens them all).
_ORDERED: tuple[tuple[Trigger, frozenset[str], bool], ...] = tuple(
    (trigger, frozenset(needs), "verb" in trigger.pattern.groupindex)
    for _gate, members, _extra in _GATE_GROUPS
    for trigger, _words, needs in members
)


def _opened_by() -> dict[str, frozenset[int]]:
    opened: dict[str, set[int]] = {}
    index = 0
    for gate, members, _with_extra in _GATE_GROUPS:
        for _trigger, extra, _needs in members:
            for word in (*gate, *extra):
                opened.setdefault(word, set()).add(index)
            index += 1
    return {word: frozenset(indices) for word, indices in opened.items()}


_OPENED_BY = _opened_by()
_NONE: frozenset[int] = frozenset()


def find_triggers(sentence: str) -> list[TriggerHit]:
    """All trigger matches; overlapping hits of the same event type keep the earliest, longest."""
    hits: list[TriggerHit] = []
    # (Substring tests per event type are cheaper than one regular expression over all gate words: Python's
    # regex alternation tries every word at every position.)
    if "." in sentence[:-1]:
        # "U.S." must not end the filler a pattern allows between its words ("the departure of non-emergency U.S.
        # government employees"): abbreviation dots are read as letters (same length, so offsets hold).
        sentence = _ABBREVIATION.sub(lambda m: m.group().replace(".", "_"), sentence)
    lower = sentence.lower()
    present: set[str] = set()
    for m in _GATE_SCAN.finditer(lower):
        present |= _CONTAINED[m.group(1)]
    if not present:
        return hits  # most sentences: no gate word at all
    # (the triggers some present word opens, looked up rather than every trigger tested)
    opened: set[int] = set()
    for word in present:
        opened |= _OPENED_BY.get(word, _NONE)
    for index in sorted(opened):
        trigger, needs, marks_verb = _ORDERED[index]
        if needs and present.isdisjoint(needs):
            continue
        for m in trigger.pattern.finditer(sentence):
            hits.append(TriggerHit(trigger, m.start(), m.end(), m.start("verb") if marks_verb else None))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[TriggerHit] = []
    for hit in hits:
        if any(
            k.trigger.event_type == hit.trigger.event_type and hit.start < k.end and k.start < hit.end for k in kept
        ):
            continue
        kept.append(hit)
    # "withdrew its call on citizens to leave", "lifted the ordered departure ... staff to return": where an
    # opposite event overlaps the event it undoes, only the opposite event was said.
    closing = [h for h in kept if h.trigger.event_type in CLOSES and h.trigger.undoes]
    return [h for h in kept if not any(_undoes(c, h, sentence) for c in closing)]


def _undoes(closing: TriggerHit, hit: TriggerHit, sentence: str) -> bool:
    """Whether `closing` (a lift or return) overlaps `hit` as the act it reverses, not as a separate clause."""
    if hit.trigger.event_type not in CLOSES[closing.trigger.event_type]:
        return False
    if not (hit.start < closing.end and closing.start < hit.end):
        return False
    # "Canada, which had also shut its embassy during the fighting, reopened its chancery": so is an act told in a
    # relative clause of the subject.
    if relative_antecedent_end(sentence, hit.start) is not None:
        return False
    # "The embassy, which had sent its staff home, returned ...": the relative clause is a separate, earlier act.
    # "The French embassy, which shut its doors on 6 September, reopened", "Ghana's embassy, closed since 6
    # September, will reopen": the clause inside the span too.
    between = sentence[min(closing.start, hit.start) : max(closing.start, hit.start, min(closing.end, hit.end))]
    # ("withdrew the recommendation it made on December 5 that Japanese ... leave": the advice was an earlier act)
    if _IT_MADE.match(sentence, closing.end):
        return False
    return not re.search(r",\s*(?:which|who|closed|shut|suspended)\b", between)


_IT_MADE = re.compile(r"\s+it\s+(?:had\s+)?(?:made|issued|gave)\b", re.IGNORECASE)
