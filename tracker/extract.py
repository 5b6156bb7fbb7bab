"""Document -> mentions: the extraction pipeline (pure; DESIGN §2, §3).

Stages, each small and replaceable: clean the text, split sentences, find country names, find triggers, drop
negated and hypothetical ones, attribute issuers and a target, read the status and the date. Every decision is
recorded in `Mention.explain` so `tracker extract --explain` can show why a row exists and why neighbours did not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial

from tracker.countries import CountryMatch, Gazetteer, MatchKind, gazetteer
from tracker.dates import find_date_cues, heading_day, nearest_cue, post_day
from tracker.issuers import (
    actor_rejection,
    clause_start,
    explain_rejections,
    find_targets,
    first_actor,
    group_issuers,
    has_people,
    institution_owner,
    pronoun_subject,
    relative_antecedent_end,
    subject_issuers,
    trailing_issuers,
)
from tracker.records import CLOSES, EMBASSY_TYPES, DatePrecision, Document, EventType, Mention, Status
from tracker.text import Sentence, clean_text, split_sentences
from tracker.vocabulary import (
    CONDITIONAL,
    GATES,
    HEDGE,
    INTERIOR_HEDGE,
    INTERIOR_NEGATION,
    LOCAL_LEAVE_OBJECT,
    NEGATION,
    PLANNED,
    REPORTED,
    REPORTED_WOULD,
    RETURNED_HOME,
    TRIGGER_GATE_EXTRA,
    TRIGGER_NEEDS,
    TRIGGERS,
    Trigger,
)

EXTRACTOR_VERSION = "0.2.0"

# Lookback inside the sentence for modals and negations that govern the trigger verb.
_GOVERNING_WINDOW = 45
_GROUP_TAIL = 40
# ...or just before it, when the trigger starts at the people: "Irish citizens should leave".
_GROUP_HEAD = 25


@dataclass(frozen=True, slots=True)
class TriggerHit:
    trigger: Trigger
    start: int
    end: int


_Member = tuple[Trigger, tuple[str, ...], tuple[str, ...]]


def _gate_groups() -> tuple[tuple[tuple[str, ...], tuple[_Member, ...], tuple[_Member, ...]], ...]:
    """Triggers grouped by event type: the type's gate words, its triggers (each with the extra words that open it
    alone and its finer needs), and those of them that have extra words. A sentence is tested once per type; when
    the type's gate is shut only the triggers with extra words are looked at."""
    groups: dict[EventType, list[_Member]] = {}
    for trigger in TRIGGERS:
        extra = TRIGGER_GATE_EXTRA.get(trigger.name, ())
        groups.setdefault(trigger.event_type, []).append((trigger, extra, TRIGGER_NEEDS.get(trigger.name, ())))
    return tuple(
        (GATES[event_type], tuple(members), tuple(m for m in members if m[1])) for event_type, members in groups.items()
    )


_GATE_GROUPS = _gate_groups()


def find_triggers(sentence: str) -> list[TriggerHit]:
    """All trigger matches; overlapping hits of the same event type keep the earliest, longest."""
    hits: list[TriggerHit] = []
    # (Substring tests per event type are cheaper than one regular expression over all gate words: Python's
    # regex alternation tries every word at every position.)
    lower = sentence.lower()
    # (holds_any written out: this runs for every trigger of every open type of every sentence, and the call
    # would cost more than the test.)
    for gate, members, with_extra in _GATE_GROUPS:
        type_open = False
        for word in gate:
            if word in lower:
                type_open = True
                break
        for trigger, extra, needs in members if type_open else with_extra:
            if not type_open:
                for word in extra:
                    if word in lower:
                        break
                else:
                    continue
            for word in needs:
                if word in lower:
                    break
            else:
                if needs:
                    continue
            for m in trigger.pattern.finditer(sentence):
                hits.append(TriggerHit(trigger, m.start(), m.end()))
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
    closing = [h for h in kept if h.trigger.event_type in CLOSES]
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
    return not re.search(r",\s*(?:which|who|closed|shut|suspended)\b", between)


def _governing_text(sentence: str, hit: TriggerHit) -> str:
    """The words just before the trigger and its first words: where 'not', 'could', 'will' govern it."""
    head = sentence[max(0, hit.start - _GOVERNING_WINDOW) : hit.start]
    # "urged Americans to consider departing Haiti and authorised the departure of staff": a second verb in the
    # past starts an act of its own, out of reach of the hedge before it.
    if " and " in head:
        starts = [m.start() for m in _AND_PAST_VERB.finditer(head)]
        if starts:
            head = head[starts[-1] :]
    # Only the verb part of the trigger: a negation later inside it ("... to leave, not to stay") does not count.
    return head + " " + sentence[hit.start : min(hit.end, hit.start + 25)]


def _governing_negation(sentence: str, start: int, end: int) -> re.Match[str] | None:
    """A negation starting in sentence[start:end], read against the whole sentence: a window cut at "Canadians
    who do not need" would hide the "to be" that makes it a description of who should leave."""
    # Searched a little past `end` (so lookaheads see "not need to be" whole), kept only if it starts in time.
    m = NEGATION.search(sentence, start, end + 30)
    return m if m is not None and m.start() < end else None


def _clause_end(sentence: str, position: int) -> int:
    """Where the clause holding `position` ends: "..., while Germany said it could withdraw staff if ..." is not
    the first clause's condition."""
    following = _NEXT_CLAUSE.search(sentence, position)
    return following.start() if following else len(sentence)


_AND_PAST_VERB = re.compile(r"\band\s+(?=(?:\w+ed|told|sent|withdrew|shut|began|ordered)\b)", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\b|;|\bwhile\b", re.IGNORECASE)
# ("and come to Nairobi" moves within the country: only going home or back leaves it.)
_GOING_HOME = re.compile(r"\s+(?:\w+\s+){0,4}?and\s+(?:return|go|fly)\s+(?:home|back|to)\b", re.IGNORECASE)
# "a diplomat said London would evacuate": an outsider's prediction, not the government's announced plan.
_HYPOTHETICAL_SOURCE = re.compile(r"\b(?:diplomat|analyst|expert|observer|source)s?\b[^.;]*\bsaid\b", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:said|says|announced|confirmed|added|stated)\b", re.IGNORECASE)


def rejection(sentence: str, hit: TriggerHit) -> str | None:
    governing = _governing_text(sentence, hit)
    # A lift is itself worded as a negation ("no longer advising ... to leave"): only the words before it count.
    lifted = hit.trigger.event_type is EventType.ADVISORY_LIFTED
    window_end = hit.start if lifted else min(hit.end, hit.start + 25)
    negated = _governing_negation(sentence, max(0, hit.start - _GOVERNING_WINDOW), window_end)
    if negated:
        return f"negated ('{negated.group(0)}')"
    if hit.trigger.event_type is not EventType.ADVISORY_LIFTED:
        # The whole span: "had no plans to evacuate", "not to travel ... rather than to leave".
        inside = sentence[hit.start : hit.end]
        # (only where the trigger ends on the verb of leaving: "convoys carrying traders home" leaves no home)
        local = (
            hit.trigger.event_type is EventType.LEAVE_ADVISORY
            and _ENDS_LEAVING.search(inside) is not None
            and LOCAL_LEAVE_OBJECT.match(sentence, hit.end)
        )
        # "leave the region and return to India" leaves the country after all
        if local and not _GOING_HOME.match(sentence, local.end()):
            return "leave a district, not a country"
        undone = NEGATION.search(inside) or INTERIOR_NEGATION.search(inside)
        if undone:
            return f"negated inside the trigger ('{undone.group(0)}')"
        hedged = INTERIOR_HEDGE.search(inside)
        # "... and said the dependants of staff would be temporarily withdrawn": a plan in reported speech.
        reported = (
            hedged is not None
            and hedged.group(0).lower() == "would"
            and _REPORTING.search(sentence, 0, hit.start) is not None
            and not CONDITIONAL.search(sentence, hit.start, _clause_end(sentence, hit.end))
            and not _HYPOTHETICAL_SOURCE.search(sentence, 0, hit.start)
        )
        if hedged and not reported:
            return f"hypothetical inside the trigger ('{hedged.group(0)}')"
    hedge = HEDGE.search(governing)
    reported_plan = (
        hedge is not None
        and hedge.group(0).lower() == "would"
        and (
            REPORTED_WOULD.search(governing, 0, hedge.start()) is not None
            or _REPORTING.search(sentence, 0, hit.start) is not None  # "said ... that the first group would"
        )
        and not CONDITIONAL.search(sentence, hit.start, _clause_end(sentence, hit.end))  # "would evacuate if ..."
    )
    if hedge and not reported_plan:
        return f"hypothetical ('{hedge.group(0)}')"
    condition = _CONDITION_AFTER.match(sentence, hit.end)
    if condition:
        return f"hypothetical ('{condition.group(0).strip()}')"
    # "Reports that Spain had chartered a plane to evacuate Spaniards were denied", "..., but their ministry denied it"
    denied = _DENIED_AFTER.match(sentence, hit.end) if "deni" in sentence[hit.end : hit.end + 80] else None
    if denied:
        return f"denied ('{denied.group(0).strip()}')"
    return None


_ENDS_LEAVING = re.compile(r"(?:leave|leaving|depart\w*|exit|evacuate|get\s+out)\W*$", re.IGNORECASE)
_DENIED_AFTER = re.compile(
    r"[^.;:!?]{0,40}?\b(?:(?:were|was|has\s+been|have\s+been)\s+denied|but\s+(?:\w+\s+){0,3}?(?:denied|denies))\b",
    re.IGNORECASE,
)


# "... to bring Indian nationals home if required", "will evacuate its staff if necessary"; not the manner of
# leaving: "leave Libya if they could do so safely", "if it is safe to do so".
_CONDITION_AFTER = re.compile(
    r"[\s,\"“”'‘’]*(?:\w+\s+){0,3}?(?:if(?!\s+(?:it\s+is\s+safe|it['’]s\s+safe|they\s+(?:can|could|are\s+able)|possible"
    r"|safe|able|(?:they|you)\s+(?:have|had|has)\s+no\b|(?:their|your)\s+presence))"
    # "... to leave unless they had pressing reasons to stay" says who should leave
    r"|unless(?!\s+(?:they|you|there)\s+(?:have|had|has|is|was)\s+(?:a\s+|an\s+)?(?:pressing|compelling|urgent|essential"
    r"|good|strong))|should\s+(?:it|the\s+situation)\s+\w+|in\s+case|in\s+the\s+event"
    # 'an evacuation of the 1,500 Belgians "can no longer be excluded"'
    r"|[\"”’']?\s*(?:can|could)\s*(?:not|no\s+longer)\s+be\s+(?:excluded|ruled\s+out))\b",
    re.IGNORECASE,
)


def classify_status(sentence: str, hit: TriggerHit) -> tuple[Status, str]:
    # "plans to announce on Saturday that all staff will be required to leave": the plan may sit well before
    # the trigger, so the whole clause up to the trigger's end is read (not a clause before it: "Mexico said it
    # would send a plane, and Germany closed its embassy on Friday").
    start = clause_start(sentence, hit.start)
    start = max([start, *(m.end() for m in _NEXT_CLAUSE.finditer(sentence, start, hit.start))])
    planned = PLANNED.search(sentence, start, hit.end)
    if planned:
        return Status.PLANNED, planned.group(0)
    reported = REPORTED.search(sentence)
    if reported:
        return Status.REPORTED, reported.group(0)
    return Status.IN_EFFECT, "stated as done"


def _issuers_for(
    sentence: Sentence,
    matches: list[CountryMatch],
    hit: TriggerHit,
    previous_actor: Callable[[], str | None],
    mission_owner: str | None = None,
) -> tuple[list[str], str, float]:
    """(issuer codes, cue description, confidence penalty)."""
    text = sentence.text
    # The staff or people may be named just after the trigger: "optimise the staffing of Russian missions".
    # The people or staff named in the trigger's own clause (not the next one: "..., and Canada's embassy ...").
    tail = hit.end + _GROUP_TAIL
    next_clause = _NEXT_CLAUSE.search(text, hit.end, tail)
    # ...nor the one before: "to collect about 100 Mexicans, and Germany closed its embassy".
    group_start = max(0, hit.start - _GROUP_HEAD)
    group_start = max([group_start, *(m.end() for m in _NEXT_CLAUSE.finditer(text, group_start, hit.start))])
    groups = group_issuers(text, matches, group_start, next_clause.start() if next_clause else tail)
    subjects = subject_issuers(text, matches, hit.start)
    trailing = trailing_issuers(text, matches, hit.end)
    subject_codes = [m.code for m in subjects] + [m.code for m in trailing]
    group_codes = list(dict.fromkeys(m.code for m in groups))
    if subjects and group_codes and all(m.ambiguous and m.kind is MatchKind.METONYM for m in subjects):
        # "Brussels on Thursday advised Belgians ...": an ambiguous metonym (Brussels is the EU's too) yields to
        # the people concerned.
        cue = ", ".join(m.surface for m in groups)
        return group_codes, f"people or staff concerned: {cue}", 0.05
    if subject_codes:
        if group_codes and not set(group_codes) & set(subject_codes):
            # "Poland urged Ukrainians to leave", "Congo gave Rwandan diplomats 48 hours to leave": a government
            # acting on another country's people or diplomats is no event of its own.
            return [], "subject differs from the people or staff concerned", 0.0
        cue = ", ".join(m.surface for m in [*subjects, *trailing])
        return list(dict.fromkeys(subject_codes)), f"subject: {cue}", 0.0
    if group_codes:
        cue = ", ".join(m.surface for m in groups)
        return group_codes, f"people or staff concerned: {cue}", 0.05
    pronoun = pronoun_subject(text, hit.start, hit.end)
    if pronoun:
        # "The US embassy reopened on Thursday, a day after it closed": an actor earlier in the same sentence is
        # nearer than the previous sentence's.
        # ("a friend at the Canadian High Commission says they sent dependants home": before the pronoun itself)
        start = clause_start(text, hit.start)
        before = text.rfind(pronoun, start, hit.end)
        start = before if before > start else start
        # "Aid agencies, among them the ICRC, say they are reducing their staff": "they" are the agencies.
        if _NOT_GOVERNMENTS.search(text, 0, start) and re.match(r"\W*(?:\w+\s+)?they\b", text[start:], re.IGNORECASE):
            return [], f"pronoun '{pronoun}' -> agencies or companies, not a government", 0.0
        before_pronoun = [m for m in matches if m.end <= start]
        earlier = (
            (first_actor(text[:start], before_pronoun, exclude="") or institution_owner(text, before_pronoun))
            if start
            else None
        )
        if earlier:
            return [earlier], f"pronoun '{pronoun}' -> this sentence's earlier actor", 0.1
        # "The consulate has shut.": the mission last reported on, whoever else was named since.
        if mission_owner and _A_MISSION.search(pronoun):
            return [mission_owner], f"'{pronoun}' -> the mission last reported on", 0.2
        if actor := previous_actor():
            return [actor], f"pronoun '{pronoun}' -> previous sentence's actor", 0.2
    # A table row or bullet named by its country: "Japan - Recommends that ...; embassy cut to essential staff".
    row = _ROW_HEADER.match(text)
    head = next((m for m in matches if m.start == row.end("lead")), None) if row else None
    if head is not None and row is not None and text[head.end : head.end + 4].lstrip().startswith(_ROW_MARKS):
        return [head.code], f"the row's country: {head.surface}", 0.1
    # A bullet under a country's name with the subject dropped: "* Japan" / "Has moved its embassy's functions".
    if _DROPPED_SUBJECT.match(text) and (actor := previous_actor()):
        return [actor], "dropped subject -> the previous actor", 0.2
    return [], "no issuer", 0.0


_NOT_GOVERNMENTS = re.compile(
    r"\b(?:agencies|organi[sz]ations|NGOs|companies|firms|airlines|charities|operators|contractors)\b", re.IGNORECASE
)
_A_MISSION = re.compile(r"\b(?:embassy|consulate|mission|high\s+commission)\b", re.IGNORECASE)
_ROW_MARKS = ("-", "—", "–", ":", "|")
_ROW_HEADER = re.compile(r"(?P<lead>^[\s*•\-–—]*)")
_DROPPED_SUBJECT = re.compile(
    r"^[\s*•\-–—]*(?:\w+ly\s+)?(?:has|have|had|will|also|then|later|closed|suspended|moved|relocated|urged|told|advised|ordered"
    r"|evacuated|withdrew|pulled|reopened|returned|shut|asked|called|recommends|recommended|sent|flew|began|started"
    r"|announced)\b",
    re.IGNORECASE,
)


def sentence_day(sentence: str, anchor: date, future: bool = False) -> date | None:
    """The day a sentence states for past events (or, with `future`, for planned ones), if it states one."""
    # Keyword as _date_for passes it, so both share find_date_cues' cache entry for a sentence.
    for cue in find_date_cues(sentence, anchor, future=future):
        if cue.kind in _RELATIVE_TO_PREVIOUS:
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
    heading: date | None = None  # the day of the timeline entry the sentence is in ("7. Saturday 12 Feb.")
    # Sentences since `actor` was read that nobody has read for an actor yet: a sentence without a trigger is
    # only read for one if a later sentence needs it (most sentences of an article have no trigger).
    unread: tuple[str, ...] = ()

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
        return sentence_day(self.previous, self.anchor) if self.previous else None

    @property
    def planned_day(self) -> date | None:
        # "... will suspend its operations with effect from 7 April. From that date, the staff will move ..."
        return sentence_day(self.previous, self.anchor, future=True) if self.previous else None


def _date_for(
    sentence: str,
    hit: TriggerHit,
    status: Status,
    anchor: date,
    context: Context,
    issuer_carried: Callable[[], bool],
) -> tuple[date, DatePrecision, str]:
    cues = find_date_cues(sentence, anchor, future=status is Status.PLANNED)
    if status is Status.PLANNED:
        # "said on Thursday that it would begin evacuating next week": the day of the saying is past.
        past = {c.start: c for c in find_date_cues(sentence, anchor)}
        cues = tuple(past.get(c.start, c) if _SAID_BEFORE.search(sentence, 0, c.start) else c for c in cues)
    # "said on Monday that the embassy had been evacuated": a pluperfect in reported speech is the tense of the
    # reporting, not an earlier act.
    if any(c.kind == "before" for c in cues):
        cues = tuple(
            c
            for c in cues
            if not (c.kind == "before" and c.text.lower().startswith("had") and _SAID_THAT.search(sentence, 0, c.start))
        )
    # The previous sentence's day is looked up once, and only when a cue or a carried issuer asks for it.
    same_day = None
    if any(c.kind in _RELATIVE_TO_PREVIOUS for c in cues):
        same_day = context.planned_day if status is Status.PLANNED else context.day
    # For a trigger that ends at its verb, the distance is measured from that verb.
    verb = max(hit.start, sentence.rfind(" ", hit.start, hit.end) + 1) if hit.trigger.verb_at_end else None
    cue = nearest_cue(
        [c for c in cues if c.kind not in _RELATIVE_TO_PREVIOUS or same_day or c.kind != "same"],
        hit.start,
        hit.end,
        verb,
    )
    if cue is not None and cue.kind in _RELATIVE_TO_PREVIOUS:
        # "closed on Monday ... and reopened it the next day": counted from a day stated earlier in the sentence,
        # else from the day the sentence before reported ("the same day", "A day later, ...")
        earlier = [c for c in cues if c.end <= cue.start and c.precision is DatePrecision.DAY]
        # ("will fly its nationals out the next day": the day after the one just reported, planned or not)
        previous_day = same_day if cue.kind == "same" else (context.day or context.heading)
        base = earlier[-1].value if earlier and cue.kind != "same" else previous_day
        if base is not None:
            shifted = base + timedelta(days=_RELATIVE_TO_PREVIOUS[cue.kind])
            return shifted, DatePrecision.DAY, f"cue '{cue.text}' -> counted from {base.isoformat()}"
    if cue is None:
        if issuer_carried() and (day := context.day):
            # "It also told Norwegians to leave": a continuation reports the same day as the sentence before.
            return day, DatePrecision.DAY, "no cue: the day of the previous sentence about this issuer"
        if context.heading is not None:
            return context.heading, DatePrecision.DAY, "no cue: the day of the timeline entry"
        return anchor, DatePrecision.ON_OR_BEFORE, "no date cue: on or before publication"
    if status is not Status.PLANNED and cue.value > anchor:
        # An act stated as done cannot postdate the article; the cue belongs to something else.
        return anchor, DatePrecision.ON_OR_BEFORE, f"cue '{cue.text}' after publication: ignored"
    apart = _DAYS_APART.search(sentence, 0, hit.start)
    if apart and cue.end <= apart.start() and cue.precision is DatePrecision.DAY:
        # "reopened on Thursday, a day after it closed": the act is counted from the cue's day.
        days = _NUMBERS.get(apart["n"].lower()) or int(apart["n"])
        shift = -days if sentence[hit.start : hit.end].lower().startswith("after") else days
        return cue.value + timedelta(days=shift), cue.precision, f"cue '{cue.text}', '{apart.group(0).strip()}'"
    return cue.value, cue.precision, f"cue '{cue.text}'"


_RELATIVE_TO_PREVIOUS = {"same": 0, "next-day": 1, "day-before": -1}
_SAID_THAT = re.compile(r"\b(?:said|says|announced|confirmed|stated|told\s+\w+)\b[^.;]*?\bthat\b", re.IGNORECASE)
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


def _sentence_mentions(
    sentence: Sentence,
    matches: list[CountryMatch],
    anchor: date,
    default_target: str,
    context: Context,
    gaz: Gazetteer,
    hits: list[TriggerHit],
    actor: Callable[[], str | None],
    issuer_hint: str | None = None,
) -> Iterator[Mention]:
    text = sentence.text
    if text.rstrip(" \"”’')").endswith("?"):
        return  # a question reports no act: "Should Australia tell its citizens to leave Myanmar?"
    last_type = context.last_type
    for hit in hits:
        event_type = hit.trigger.event_type
        if hit.trigger.name == "same-again":
            # "followed on Wednesday, telling Britons to leave": the clause says itself what was done.
            clause_end = _clause_end(text, hit.end)
            if any(other is not hit and hit.end <= other.start < clause_end for other in hits):
                continue
            # "issued similar advice" names what it repeats; "followed suit" repeats the last event reported.
            if _ADVICE.search(text, hit.start, hit.end):
                event_type = EventType.LEAVE_ADVISORY
            elif last_type is None:
                continue
            else:
                event_type = last_type
        if hit.trigger.after is not None and context.previous_type is not hit.trigger.after:
            continue
        official_voice = hit.trigger.name == "you-should-leave"
        if official_voice and not issuer_hint:
            continue
        if (
            not official_voice
            and hit.trigger.name != "same-again"
            and event_type is EventType.LEAVE_ADVISORY
            and not has_people(text, matches, hit.start, hit.end)
        ):
            continue
        reason = rejection(text, hit)
        if reason:
            continue
        issuers, issuer_cue, penalty = _issuers_for(sentence, matches, hit, actor, context.mission_owner)
        if not issuers and issuer_hint:
            # Official advice names no issuer: it is its publisher's own.
            issuers, issuer_cue, penalty = [issuer_hint], "the official source's own government", 0.0
        if not issuers:
            continue
        status, status_cue = classify_status(text, hit)
        # Asked only when the sentence has no date cue: the pronoun branch of _issuers_for yields exactly this too.
        carried = partial(_is_previous_actor, tuple(issuers), actor)
        when, precision, date_cue = _date_for(text, hit, status, anchor, context, carried)
        pairs = [
            (issuer, found)
            for issuer in issuers
            for found in find_targets(text, matches, hit.start, {issuer}, default_target, hit.end)
        ]
        for issuer, (target, target_cue) in pairs:
            if target == issuer:
                continue
            rejected = explain_rejections(text, matches, hit.start, {*issuers, target})
            confidence = 0.9 - penalty - (0.1 if status is not Status.IN_EFFECT else 0.0)
            confidence -= 0.05 if target_cue == "default target" else 0.0
            explain = (
                f"rule: {hit.trigger.name}",
                f"trigger: '{text[hit.start : hit.end]}'",
                f"issuer: {gaz.name(issuer)} ({issuer_cue})",
                f"target: {target} ({target_cue})",
                f"status: {status.value} ({status_cue})",
                f"date: {when.isoformat()} {precision.value} ({date_cue})",
                *(f"rejected: {r}" for r in rejected),
            )
            last_type = event_type
            yield Mention(
                issuer=issuer,
                target=target,
                event_type=_went_home(text, matches, hit, issuer) or event_type,
                status=status,
                date=when,
                date_precision=precision,
                evidence=text,
                start=sentence.start,
                end=sentence.end,
                confidence=round(max(confidence, 0.1), 2),
                explain=explain,
            )


def _is_previous_actor(issuers: tuple[str, ...], actor: Callable[[], str | None]) -> bool:
    return issuers == (actor(),)


def _mission_owner(found: list[Mention]) -> str | None:
    return next((m.issuer for m in reversed(found) if m.event_type in EMBASSY_TYPES), None)


class _LazyActor:
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


_ADVICE = re.compile(r"\b(?:call|appeal|advice|warning|request)\b", re.IGNORECASE)
_RETURN_TO = re.compile(r"\breturn\w*\s+(?:back\s+)?to\s+(?:the\s+)?", re.IGNORECASE)


def _went_home(text: str, matches: list[CountryMatch], hit: TriggerHit, issuer: str) -> EventType | None:
    """'The embassy's diplomats returned to Ankara': staff going home is a drawdown, not a return to the target."""
    if hit.trigger.event_type is not EventType.EMBASSY_RETURN:
        return None
    if RETURNED_HOME.search(text, hit.start):
        return EventType.EMBASSY_DRAWDOWN
    for found in _RETURN_TO.finditer(text, hit.start):
        home = next((m for m in matches if m.start == found.end()), None)
        if home is not None and home.code == issuer:
            return EventType.EMBASSY_DRAWDOWN
    return None


def _retarget(mentions: list[Mention], default_target: str, title_target: str | None) -> list[Mention]:
    """Give mentions without a target in their sentence the article's own target, when the article names one.

    "British nationals should leave now" in a story about Lebanon is about Lebanon: the article's most common
    explicit target, else the country its title names in a target slot, beats the configured watch target.
    """
    explicit = Counter(m.target for m in mentions if "(default target)" not in m.explain[3])
    if not explicit and not title_target:
        return mentions
    # The headline's target when it names one ("Students flown out of Grenada"): explicit targets in the body
    # include places people were flown to and from.
    article_target = title_target or explicit.most_common(1)[0][0]
    assert article_target is not None
    if article_target == default_target:
        return mentions
    result = []
    for m in mentions:
        if "(default target)" in m.explain[3] and m.issuer != article_target:
            explain = (*m.explain[:3], f"target: {article_target} (the article's target)", *m.explain[4:])
            m = replace(m, target=article_target, explain=explain)
        result.append(m)
    return result


# A section heading: "=== 1. CHAD: N'DJAMENA THREE WEEKS ON ===", "## Serbia", or a line in capitals.
_DECORATED = re.compile(r"^\s*(?:={2,}|#{1,4}|\*\*)\s*(?P<body>.+?)\s*(?:={2,}|#{1,4}|\*\*)?\s*$")
_CAPITALS = re.compile(r"^[^a-z]*[A-Z]{3,}[^a-z]*$")


def _section_targets(sentences: list[Sentence], gaz: Gazetteer) -> dict[int, str]:
    """Where a document covering several crises starts each one: sentence offset -> the country its heading
    names. Only for two or more headings naming different countries (a single crisis has its article target)."""
    found: dict[int, str] = {}
    for sentence in sentences:
        decorated = _DECORATED.match(sentence.text)
        body = decorated["body"] if decorated else sentence.text
        if not decorated and not _CAPITALS.match(body):
            continue
        if len(body.split()) > 12:
            continue
        matches = gaz.find(body.title() if body.isupper() else body)
        if matches:
            found[sentence.start] = matches[0].code
    return found if len(set(found.values())) >= 2 else {}


def _title_target(title: str, gaz: Gazetteer) -> str | None:
    """The country a headline names as a place ("... out of Haiti", "... in Kyiv"), if any."""
    if not title:
        return None
    matches = gaz.find(title)
    # "From Washington to Seoul, capitals tell citizens: get out of Ukraine": the place people leave first.
    for match in matches:
        if match.kind is not MatchKind.DEMONYM and _LEFT_PLACE.search(title, 0, match.start):
            return match.code
    ((code, _),) = find_targets(title, matches, 0, set(), "")[:1]
    return code or None


_LEFT_PLACE = re.compile(
    r"\b(?:leave|leaving|left|out\s+of|flee\w*|fled|exit\w*|evacuat\w*(?:\s+from)?)\s+(?:the\s+)?$", re.I
)


def extract(
    document: Document,
    anchor: date,
    default_target: str,
    gaz: Gazetteer | None = None,
    issuer_hint: str | None = None,
) -> list[Mention]:
    """Mentions in one document. `anchor` is its publication date (or the best stand-in the caller has);
    `issuer_hint` is the government that published the document, for official advisory text."""
    gaz = gaz or gazetteer()
    text = clean_text(document.text)
    mentions: list[Mention] = []
    seen: set[tuple[str, str, str, int]] = set()
    sentences = split_sentences(text)
    sections = _section_targets(sentences, gaz)
    section: str | None = None
    context = Context(anchor=anchor)
    page_anchor = anchor
    # Sentences without a trigger only update these; the context is rebuilt when a sentence has a trigger.
    previous = ""
    unread: list[str] = []
    for sentence in sentences:
        section = sections.get(sentence.start, section)
        # A thread's post dates its own "today" and "this morning".
        if (posted := post_day(sentence.text, page_anchor)) is not None:
            anchor = posted
            context = replace(context, anchor=posted)
        is_heading, day = heading_day(sentence.text, anchor)
        if is_heading:
            context = replace(context, heading=day)
        hits = find_triggers(sentence.text)
        if not hits:
            previous = sentence.text
            unread.append(sentence.text)
            continue
        if previous != context.previous:
            # (spelled out rather than dataclasses.replace: this runs for most sentences that have a trigger)
            context = Context(
                actor=context.actor,
                previous=previous,
                anchor=context.anchor,
                last_type=context.last_type,
                mission_owner=context.mission_owner,
                heading=context.heading,
                unread=(*context.unread, *unread),
            )
        unread.clear()
        matches = gaz.find(sentence.text)
        previous_actor = _LazyActor(context, gaz, default_target)
        found = list(
            _sentence_mentions(
                sentence, matches, anchor, default_target, context, gaz, hits, previous_actor, issuer_hint
            )
        )
        for mention in found:
            if section is not None and section != mention.issuer and "(default target)" in mention.explain[3]:
                # A newsletter covering two crises: its section heading says which one the sentence is about.
                explain = (*mention.explain[:3], f"target: {section} (the section's heading)", *mention.explain[4:])
                mention = replace(mention, target=section, explain=explain)
            key = (mention.issuer, mention.target, mention.event_type.value, mention.start)
            if key not in seen:
                seen.add(key)
                mentions.append(mention)
        # The actor stays the topic until a sentence names another one (a pronoun may point across a paragraph
        # break: news paragraphs are often one sentence long); the day is only the previous sentence's.
        # "Danish nationals" acts through its mention only: the issuer of what the sentence reported is an actor too.
        actor = first_actor(sentence.text, matches, exclude=default_target) or (found[0].issuer if found else None)
        if actor is None and previous_actor.done:
            actor = previous_actor()
        # A sentence that names its own actor makes the unread ones before it irrelevant; otherwise they stay
        # unread until someone asks.
        previous = sentence.text
        context = Context(
            actor=actor or context.actor,
            unread=() if actor or previous_actor.done else context.unread,
            previous=sentence.text,
            anchor=anchor,
            # "Norway, Sweden and Finland have issued similar advice" may come a few sentences after the advice.
            last_type=found[-1].event_type if found else context.last_type,
            previous_type=found[-1].event_type if found else None,
            heading=context.heading,
            mission_owner=owner if (owner := _mission_owner(found)) else context.mission_owner,
            last_day=found[-1].date if found and found[-1].date_precision is DatePrecision.DAY else None,
        )
    return _retarget(mentions, default_target, _title_target(document.title, gaz))


__all__ = ["EXTRACTOR_VERSION", "actor_rejection", "extract", "find_triggers"]
