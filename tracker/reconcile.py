"""Mentions -> events and changes (pure; DESIGN §4).

Events are recomputed from every stored mention of one issuer/target family, so the table does not depend on the
order articles arrived in; changes are the difference between the previous and the recomputed states.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from tracker.records import (
    CLOSES,
    STATUS_STRENGTH,
    ChangeKind,
    ChangeRecord,
    DatePrecision,
    EventState,
    EventType,
    Status,
)

FAMILIES: dict[EventType, str] = {
    EventType.LEAVE_ADVISORY: "advisory",
    EventType.ADVISORY_LIFTED: "advisory",
    EventType.EMBASSY_DRAWDOWN: "embassy",
    EventType.EMBASSY_RELOCATION: "embassy",
    EventType.EMBASSY_CLOSURE: "embassy",
    EventType.EMBASSY_RETURN: "embassy",
}
# The change kind written when an opposite event first appears.
_CLOSING_KIND = {EventType.ADVISORY_LIFTED: ChangeKind.LIFTED, EventType.EMBASSY_RETURN: ChangeKind.REVERSED}
_PRECISION_RANK = {DatePrecision.DAY: 0, DatePrecision.APPROXIMATE: 1, DatePrecision.ON_OR_BEFORE: 2}


@dataclass(frozen=True, slots=True)
class MentionFact:
    """What reconciliation needs of a stored mention."""

    mention_id: int
    document_id: int
    issuer: str
    target: str
    event_type: EventType
    status: Status
    date: dt.date
    date_precision: DatePrecision
    first_seen: datetime


@dataclass(frozen=True, slots=True)
class Reconciled:
    states: list[EventState]
    assignment: dict[int, tuple[EventType, int]]  # mention id -> (event type, episode)
    changes: list[ChangeRecord]


def family_of(event_type: EventType) -> str:
    return FAMILIES[event_type]


def _sort_key(fact: MentionFact) -> tuple[dt.date, int, str, int]:
    return (fact.date, _PRECISION_RANK[fact.date_precision], fact.event_type.value, fact.mention_id)


def assign_episodes(facts: Sequence[MentionFact]) -> dict[int, tuple[EventType, int]]:
    """Walk the family's mentions in date order; an opposite event closes the open episodes it names."""
    assignment: dict[int, tuple[EventType, int]] = {}
    open_episode: dict[EventType, int] = {}
    last_episode: dict[EventType, int] = {}
    for fact in sorted(facts, key=_sort_key):
        kind = fact.event_type
        closes = CLOSES.get(kind)
        if closes is not None:
            if kind not in open_episode:
                open_episode[kind] = last_episode.get(kind, 0) + 1
                last_episode[kind] = open_episode[kind]
            # A return or lift that is only planned has not ended anything yet.
            if fact.status is not Status.PLANNED:
                for closed in closes:
                    open_episode.pop(closed, None)
        elif kind not in open_episode:
            if fact.date_precision is not DatePrecision.DAY and kind in last_episode:
                # "had already advised" after a lift most likely speaks of the episode we already know.
                assignment[fact.mention_id] = (kind, last_episode[kind])
                continue
            open_episode[kind] = last_episode.get(kind, 0) + 1
            last_episode[kind] = open_episode[kind]
            for closing, closed_kinds in CLOSES.items():
                if kind in closed_kinds:
                    open_episode.pop(closing, None)
        assignment[fact.mention_id] = (kind, open_episode[kind])
    return assignment


def summarise(facts: Sequence[MentionFact], event_type: EventType, episode: int) -> EventState:
    """One episode's state: earliest credible day, else earliest bound; strongest status."""
    credible = [f for f in facts if f.status is not Status.PLANNED] or list(facts)
    days = [f.date for f in credible if f.date_precision is DatePrecision.DAY]
    if days:
        when, precision = min(days), DatePrecision.DAY
    else:
        bound = min(credible, key=lambda f: (f.date, _PRECISION_RANK[f.date_precision]))
        when, precision = bound.date, bound.date_precision
    status = max((f.status for f in facts), key=lambda s: STATUS_STRENGTH[s])
    first = facts[0]
    return EventState(
        issuer=first.issuer,
        target=first.target,
        event_type=event_type,
        episode=episode,
        status=status,
        date=when,
        date_precision=precision,
        first_seen=min(f.first_seen for f in facts),
        source_count=len({f.document_id for f in facts}),
        mention_count=len(facts),
    )


def _with_closures(states: list[EventState]) -> list[EventState]:
    closers = [s for s in states if s.event_type in CLOSES and s.status is not Status.PLANNED]
    result = []
    for state in states:
        closed_on = min(
            (c.date for c in closers if state.event_type in CLOSES[c.event_type] and c.date >= state.date),
            default=None,
        )
        result.append(replace(state, closed_on=closed_on))
    return result


def describe_revision(old: EventState, new: EventState) -> list[str]:
    moved = []
    if new.date != old.date or new.date_precision != old.date_precision:
        moved.append(
            f"date {old.date.isoformat()} ({old.date_precision.value}) -> "
            f"{new.date.isoformat()} ({new.date_precision.value})"
        )
    if new.status != old.status:
        moved.append(f"status {old.status.value} -> {new.status.value}")
    if new.source_count > old.source_count:
        moved.append(f"confirmed by another source ({new.source_count} sources)")
    if new.closed_on != old.closed_on and new.closed_on is not None:
        moved.append(f"closed on {new.closed_on.isoformat()}")
    return moved


def _headline(state: EventState) -> str:
    return (
        f"{state.issuer} {state.event_type.value} for {state.target}: {state.status.value}, "
        f"{state.date.isoformat()} ({state.date_precision.value})"
    )


def diff_states(previous: Iterable[EventState], current: Iterable[EventState]) -> list[ChangeRecord]:
    before = {(s.event_type, s.episode): s for s in previous}
    after = {(s.event_type, s.episode): s for s in current}
    changes: list[ChangeRecord] = []
    for key, state in sorted(after.items(), key=lambda kv: (kv[1].date, kv[0][0].value, kv[0][1])):
        old = before.get(key)
        if old is None:
            kind = _CLOSING_KIND.get(state.event_type, ChangeKind.NEW)
            changes.append(
                ChangeRecord(kind, state.issuer, state.target, state.event_type, state.episode, _headline(state))
            )
            continue
        moved = describe_revision(old, state)
        if moved:
            changes.append(
                ChangeRecord(
                    ChangeKind.REVISED, state.issuer, state.target, state.event_type, state.episode, "; ".join(moved)
                )
            )
    for key, old in before.items():
        if key not in after:
            changes.append(
                ChangeRecord(
                    ChangeKind.RETRACTED,
                    old.issuer,
                    old.target,
                    old.event_type,
                    old.episode,
                    f"no longer supported by any mention: {_headline(old)}",
                )
            )
    return changes


def reconcile_family(previous: Sequence[EventState], facts: Sequence[MentionFact]) -> Reconciled:
    """Recompute one issuer/target family's events from all its mentions and diff them against `previous`."""
    assignment = assign_episodes(facts)
    grouped: dict[tuple[EventType, int], list[MentionFact]] = {}
    for fact in facts:
        grouped.setdefault(assignment[fact.mention_id], []).append(fact)
    states = _with_closures(
        [
            summarise(group, kind, episode)
            for (kind, episode), group in sorted(grouped.items(), key=lambda kv: (kv[0][0].value, kv[0][1]))
        ]
    )
    return Reconciled(states, assignment, diff_states(previous, states))
