from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from tracker.reconcile import MentionFact, reconcile_family
from tracker.records import ChangeKind, DatePrecision, EventType, Status

SEEN = datetime(2022, 2, 12, tzinfo=UTC)
L, LIFT = EventType.LEAVE_ADVISORY, EventType.ADVISORY_LIFTED
DAY, BOUND = DatePrecision.DAY, DatePrecision.ON_OR_BEFORE


def fact(
    mid: int,
    kind: EventType,
    day: date,
    precision: DatePrecision = DAY,
    status: Status = Status.IN_EFFECT,
    doc: int | None = None,
) -> MentionFact:
    return MentionFact(mid, doc or mid, "GB", "UA", kind, status, day, precision, SEEN)


def test_earliest_day_wins_over_bounds_and_status_upgrades() -> None:
    facts = [
        fact(1, L, date(2022, 2, 12), BOUND),
        fact(2, L, date(2022, 2, 11), DAY, Status.PLANNED),
        fact(3, L, date(2022, 2, 13), DAY),
    ]
    (state,) = reconcile_family([], facts).states
    assert (state.date, state.date_precision, state.status) == (date(2022, 2, 13), DAY, Status.IN_EFFECT)
    assert state.mention_count == 3 and state.source_count == 3


def test_only_bounds_give_the_earliest_bound() -> None:
    (state,) = reconcile_family([], [fact(1, L, date(2022, 2, 14), BOUND), fact(2, L, date(2022, 2, 12), BOUND)]).states
    assert (state.date, state.date_precision) == (date(2022, 2, 12), BOUND)


def test_a_lift_closes_the_episode_and_a_later_advisory_opens_a_new_one() -> None:
    facts = [
        fact(1, L, date(2022, 2, 11)),
        fact(2, LIFT, date(2022, 5, 1)),
        fact(3, L, date(2023, 1, 2)),
        fact(4, L, date(2022, 2, 12)),
    ]
    result = reconcile_family([], facts)
    episodes = {(s.event_type, s.episode): s for s in result.states}
    assert set(episodes) == {(L, 1), (L, 2), (LIFT, 1)}
    assert episodes[(L, 1)].closed_on == date(2022, 5, 1) and episodes[(L, 1)].mention_count == 2
    assert episodes[(L, 2)].closed_on is None and episodes[(L, 2)].date == date(2023, 1, 2)
    kinds = sorted(c.kind.value for c in result.changes)
    assert kinds == ["lifted", "new", "new"]


def test_same_states_in_any_order() -> None:
    facts = [
        fact(1, L, date(2022, 2, 11)),
        fact(2, LIFT, date(2022, 5, 1)),
        fact(3, L, date(2023, 1, 2)),
        fact(4, L, date(2022, 2, 12), BOUND),
    ]
    outcomes = {tuple(reconcile_family([], list(order)).states) for order in itertools.permutations(facts)}
    assert len(outcomes) == 1


def test_changes_describe_what_moved() -> None:
    first = reconcile_family([], [fact(1, L, date(2022, 2, 12), BOUND)])
    assert [c.kind for c in first.changes] == [ChangeKind.NEW]
    second = reconcile_family(first.states, [fact(1, L, date(2022, 2, 12), BOUND), fact(2, L, date(2022, 2, 10))])
    (change,) = second.changes
    assert change.kind is ChangeKind.REVISED
    assert "2022-02-12 (on_or_before) -> 2022-02-10 (day)" in change.summary
    assert "another source" in change.summary
    unchanged = reconcile_family(second.states, [fact(1, L, date(2022, 2, 12), BOUND), fact(2, L, date(2022, 2, 10))])
    assert unchanged.changes == []
    retracted = reconcile_family(second.states, [])
    assert [c.kind for c in retracted.changes] == [ChangeKind.RETRACTED]


def test_a_planned_return_does_not_close_the_episode() -> None:
    facts = [
        MentionFact(1, 1, "FR", "UA", EventType.EMBASSY_RELOCATION, Status.IN_EFFECT, date(2022, 2, 24), DAY, SEEN),
        MentionFact(2, 2, "FR", "UA", EventType.EMBASSY_RETURN, Status.PLANNED, date(2022, 4, 19), DAY, SEEN),
    ]
    states = {s.event_type: s for s in reconcile_family([], facts).states}
    assert states[EventType.EMBASSY_RELOCATION].closed_on is None
    assert states[EventType.EMBASSY_RETURN].status is Status.PLANNED
    done = [
        *facts,
        MentionFact(3, 3, "FR", "UA", EventType.EMBASSY_RETURN, Status.IN_EFFECT, date(2022, 4, 20), DAY, SEEN),
    ]
    states = {s.event_type: s for s in reconcile_family([], done).states}
    assert states[EventType.EMBASSY_RELOCATION].closed_on == date(2022, 4, 20)
