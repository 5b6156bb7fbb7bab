"""What one sentence leaves to the next: its actor, its day, the event it reported, the timeline entry (pure).

Pronouns, "the same day", "a similar call" and "The consulate has shut." all point back; the context carries what
they point at. A sentence without a trigger is read for an actor only if a later sentence asks (most never do).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from tracker.countries import Gazetteer
from tracker.dates import find_date_cues
from tracker.issuers import first_actor
from tracker.records import EMBASSY_TYPES, DatePrecision, EventType, Mention

# Date cues counted from another day ("the same day", "a day later"), with the days they add to it.
RELATIVE_TO_PREVIOUS = {"same": 0, "next-day": 1, "day-before": -1, "days-later": 0}  # (days-later: the count it says)


def sentence_day(sentence: str, anchor: date, future: bool = False, narrative: date | None = None) -> date | None:
    """The day a sentence states for past events (or, with `future`, for planned ones), if it states one."""
    # Keywords as date_for passes them, so both share find_date_cues' cache entry for a sentence.
    for cue in find_date_cues(sentence, anchor, future=future, narrative=narrative):
        if cue.kind in RELATIVE_TO_PREVIOUS:
            continue  # counted from another day, not a day of its own
        if cue.precision is DatePrecision.DAY and (future or cue.value <= anchor):
            return cue.value
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """What the previous sentence leaves behind: its actor (for pronouns) and its day (for "the same day")."""

    actor: str | None = None
    previous: str = ""
    anchor: date = date.min
    last_type: EventType | None = None  # what "a similar call" or "followed suit" repeats
    previous_type: EventType | None = None  # what the sentence just before reported ("withdrew that advice")
    mission_owner: str | None = None  # whose embassy or consulate was last reported on ("The consulate has shut.")
    last_day: date | None = None  # the day of the last event the previous sentence reported
    last_issuer: str | None = None  # ...and its government
    heading: date | None = None  # the day of the timeline entry the sentence is in ("7. Saturday 12 Feb.")
    # Sentences since `actor` was read that nobody has read for an actor yet: a sentence without a trigger is
    # only read for one if a later sentence needs it (most sentences of an article have no trigger).
    unread: tuple[str, ...] = ()
    carried_day: date | None = None  # the last event's day, kept over sentences that report none
    carried_issuer: str | None = None  # ...and whose event it was
    narrative: date | None = None  # the earlier day a retrospective is telling of (dates.narrative_day)

    def resolved(self, gaz: Gazetteer, exclude: str) -> Context:
        """This context with the actor of its unread sentences, the latest that names one."""
        for text in reversed(self.unread):
            actor = first_actor(text, gaz.find(text), exclude=exclude)
            if actor:
                return replace(self, actor=actor, unread=())
        return replace(self, unread=()) if self.unread else self

    @property
    def day(self) -> date | None:
        # The day of the last event the previous sentence reported ("... on 1 August, and Berlin urged Germans the
        # same day. Italy followed the next day."), else the first day it names; computed only when asked.
        if self.last_day is not None:
            return self.last_day
        return sentence_day(self.previous, self.anchor, narrative=self.narrative) if self.previous else None

    @property
    def reported_day(self) -> date | None:
        # What "the same day" and "the next day" count from: the previous sentence's day, or over a sentence without
        # one ("On 8 April Belgium told ... . The Americans went by road. On the same day, ..."), the last day an
        # event was reported on. (Not for an act without a cue: that is the previous sentence's day or none.)
        return self.day or self.carried_day

    def day_of(self, issuers: tuple[str, ...]) -> date | None:
        """The day a continuation about the same government reports ("It also told Norwegians to leave"): the
        previous sentence's, or over sentences without one, the last day this government was reported acting."""
        return self.day or (self.carried_day if self.carried_issuer in issuers else None)

    @property
    def planned_day(self) -> date | None:
        # "... will suspend its operations with effect from 7 April. From that date, the staff will move ..."
        if not self.previous:
            return None
        return sentence_day(self.previous, self.anchor, future=True, narrative=self.narrative)


def is_previous_actor(issuers: tuple[str, ...], actor: Callable[[], str | None]) -> bool:
    return issuers == (actor(),)


def mission_owner_of(found: list[Mention]) -> str | None:
    return next((m.issuer for m in reversed(found) if m.event_type in EMBASSY_TYPES), None)


class LazyActor:
    """The previous actor, read from the context's unread sentences the first time someone asks (a pronoun, a
    dropped subject, a date carried over); most sentences name their actor and never ask."""

    def __init__(self, context: Context, gaz: Gazetteer, exclude: str) -> None:
        self._context = context
        self._gaz = gaz
        self._exclude = exclude
        self.done = False
        self._actor: str | None = None

    def __call__(self) -> str | None:
        if not self.done:
            self._actor = self._context.resolved(self._gaz, self._exclude).actor
            self.done = True
        return self._actor
