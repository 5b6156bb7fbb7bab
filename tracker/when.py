"""The day of a mention: the date cue nearest the trigger's verb, or the day the context carries (pure).

DESIGN §3: the day the government acted, not the article's; explicit dates and weekdays resolve against the
publication date; "already", "earlier" and no cue at all give `on_or_before` the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from tracker.context import RELATIVE_TO_PREVIOUS, Context
from tracker.dates import find_date_cues, nearest_cue
from tracker.qualify import clause_end
from tracker.records import DatePrecision, Status
from tracker.triggers import TriggerHit


def date_for(
    sentence: str,
    hit: TriggerHit,
    status: Status,
    anchor: date,
    context: Context,
    issuer_carried: Callable[[], bool],
    issuers: tuple[str, ...] = (),
) -> tuple[date, DatePrecision, str]:
    cues = find_date_cues(sentence, anchor, future=status is Status.PLANNED, narrative=context.narrative)
    # "would remain closed on Monday" is a state, not a plan, but the weekday after it is still ahead; so is the
    # day of a purpose: "has chartered a Qantas jet to fly Australians out of Beijing on Saturday"
    remains = status is not Status.PLANNED and (
        _WILL_REMAIN.search(sentence, hit.start, hit.end + 12) is not None
        or _PURPOSE_TO.search(sentence, max(0, hit.start - 60), hit.end + 12) is not None
    )
    if remains:
        ahead = {c.start: c for c in find_date_cues(sentence, anchor, future=True, narrative=context.narrative)}
        cues = tuple(ahead.get(c.start, c) if c.start >= hit.start else c for c in cues)
    if status is Status.PLANNED:
        # "said on Thursday that it would begin evacuating next week": the day of the saying is past.
        past = {c.start: c for c in find_date_cues(sentence, anchor, narrative=context.narrative)}
        # ("And on Monday the Quai d'Orsay said it would cut the staff": a day before the saying is the saying's too)
        saying = _SAID_NEAR.search(sentence, 0, hit.start)
        cues = tuple(
            past.get(c.start, c)
            if _SAID_BEFORE.search(sentence, 0, c.start) or (saying is not None and c.end <= saying.start())
            else c
            for c in cues
        )
    # "said on Monday that the embassy had been evacuated": a pluperfect in reported speech is the tense of the
    # reporting, not an earlier act.
    if any(c.kind == "before" for c in cues):
        cues = tuple(
            c
            for c in cues
            if not (c.kind == "before" and c.text.lower().startswith("had") and _SAID_THAT.search(sentence, 0, c.start))
        )
    # "were told yesterday ... to leave Nigeria, a spokesman there said this morning": the day of the telling after
    # the act is when it was reported, unless it is the only day the sentence gives.
    if len(cues) > 1:
        acted = tuple(
            c for c in cues if not (c.start >= hit.end and _SAID_BEFORE.search(sentence, max(0, c.start - 30), c.start))
        )
        if acted and len(acted) < len(cues) and any(c.precision is DatePrecision.DAY for c in acted):
            cues = acted
    # "Bonn said today that it would charter two ships to bring home West German tourists tomorrow": a plan is dated
    # to the day it is for, not the day it was told.
    if status is Status.PLANNED and len(cues) > 1:
        planned = tuple(c for c in cues if not _SAID_BEFORE.search(sentence, max(0, c.start - 30), c.start))
        if len(planned) < len(cues) and any(c.precision is DatePrecision.DAY and c.value > anchor for c in planned):
            cues = planned
    # "ordered the missions cut to 30 by 1 May", "closed until 3 March": a deadline or an end is not the day of the
    # act when the sentence gives another.
    if len(cues) > 1:
        acted = tuple(c for c in cues if not _DEADLINE_BEFORE.search(sentence, max(0, c.start - 8), c.start))
        if acted and len(acted) < len(cues):
            cues = acted
    # The previous sentence's day is looked up once, and only when a cue or a carried issuer asks for it.
    same_day = None
    if any(c.kind in RELATIVE_TO_PREVIOUS for c in cues):
        same_day = context.planned_day if status is Status.PLANNED else context.reported_day
    # For a trigger that ends at its verb, the distance is measured from that verb.
    verb = hit.verb
    if verb is not None:
        # "moved to Djibouti on 9 June 1998, and returned to Asmara on 22 June": a day after the marked verb, in its
        # clause, is its own; one before it belongs to the clause before.
        own = [
            c
            for c in cues
            if verb < c.start < clause_end(sentence, verb)
            and not _SAID_NEAR.search(sentence, max(0, c.start - 40), c.start)
        ]
        cues = tuple(own) or cues
    if verb is None and hit.trigger.verb_at_end:
        verb = max(hit.start, sentence.rfind(" ", hit.start, hit.end) + 1)
    cue = nearest_cue(
        [c for c in cues if c.kind not in RELATIVE_TO_PREVIOUS or same_day or c.kind != "same"],
        hit.start,
        hit.end,
        verb,
    )
    if cue is not None and cue.kind in RELATIVE_TO_PREVIOUS:
        # "closed on Monday ... and reopened it the next day": counted from a day stated earlier in the sentence,
        # else from the day the sentence before reported ("the same day", "A day later, ...")
        earlier = [c for c in cues if c.end <= cue.start and c.precision is DatePrecision.DAY]
        # ("will fly its nationals out the next day": the day after the one just reported, planned or not)
        previous_day = same_day if cue.kind == "same" else (context.reported_day or context.heading)
        base = earlier[-1].value if earlier else previous_day
        if base is not None:
            days = RELATIVE_TO_PREVIOUS[cue.kind]
            if cue.kind == "days-later":
                count = cue.text.split()[0].lower()
                days = _NUMBERS.get(count) or int(count)
            shifted = base + timedelta(days=days)
            return shifted, DatePrecision.DAY, f"cue '{cue.text}' -> counted from {base.isoformat()}"
    if cue is None:
        if issuer_carried() and (day := context.day_of(issuers)):
            # "It also told Norwegians to leave": a continuation reports the same day as the sentence before.
            return day, DatePrecision.DAY, "no cue: the day of the previous sentence about this issuer"
        if context.heading is not None:
            return context.heading, DatePrecision.DAY, "no cue: the day of the timeline entry"
        return anchor, DatePrecision.ON_OR_BEFORE, "no date cue: on or before publication"
    if status is not Status.PLANNED and cue.value > anchor and not remains:
        # An act stated as done cannot postdate the article; the cue belongs to something else.
        return anchor, DatePrecision.ON_OR_BEFORE, f"cue '{cue.text}' after publication: ignored"
    apart = _DAYS_APART.search(sentence, 0, hit.start)
    if apart and cue.end <= apart.start() and cue.precision is DatePrecision.DAY:
        # "reopened on Thursday, a day after it closed": the act is counted from the cue's day.
        days = _NUMBERS.get(apart["n"].lower()) or int(apart["n"])
        shift = -days if sentence[hit.start : hit.end].lower().startswith("after") else days
        return cue.value + timedelta(days=shift), cue.precision, f"cue '{cue.text}', '{apart.group(0).strip()}'"
    return cue.value, cue.precision, f"cue '{cue.text}'"


_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till)\s+(?:the\s+)?$", re.IGNORECASE)
_PURPOSE_TO = re.compile(
    r"\b(?:has|have)\s+(?:chartered|sent|dispatched|arranged|laid\s+on)\b[^.;,]{0,40}?"
    r"\bto\s+(?:fly|bring|pick\s+up|carry|evacuate|take|collect)\b",
    re.IGNORECASE,
)
_WILL_REMAIN = re.compile(r"\b(?:will|would|shall)\s+(?:remain|stay)\b", re.IGNORECASE)
_SAID_THAT = re.compile(r"\b(?:said|says|announced|confirmed|stated|told\s+\w+)\b[^.;]*?\bthat\b", re.IGNORECASE)
_SAID_NEAR = re.compile(r"\b(?:said|says|announced|confirmed|told)\b", re.IGNORECASE)
_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|confirmed|stated|told\s+\w+)\s+$", re.IGNORECASE)
_DAYS_APART = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+days?\s+$", re.IGNORECASE
)
_NUMBERS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"), start=1
    )
} | {"a": 1}
