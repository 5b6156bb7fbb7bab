"""Document -> mentions: the extraction pipeline (pure; DESIGN §2, §3).

Stages, each small and replaceable: clean the text, split sentences, find country names, find triggers
(tracker.triggers), drop negated and hypothetical ones and read the status (tracker.qualify), attribute issuers
and a target (tracker.issuers), read the date (tracker.when) with what the previous sentences left
(tracker.context). Every decision is recorded in `Mention.explain` so `tracker extract --explain` can show why a
row exists and why neighbours did not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from functools import partial

from tracker.context import Context, LazyActor, is_previous_actor, mission_owner_of
from tracker.corrections import (
    corrected_reports,
    keep_restated,
    redatings,
    restating,
    retractions,
    withdraw_retracted,
)
from tracker.countries import CountryMatch, Gazetteer, MatchKind, gazetteer
from tracker.dates import find_date_cues, heading_day, narrative_day, post_day
from tracker.document import (
    country_heading,
    handle_country,
    is_machine_translated,
    is_shouted,
    section_targets,
    speaking_government,
    title_target,
    truecase,
    with_lowercase,
)
from tracker.issuers import (
    actor_rejection,
    clause_start,
    explain_rejections,
    find_targets,
    first_actor,
    group_issuers,
    has_people,
    institution_owner,
    is_group_word,
    pronoun_subject,
    spoken_to_before,
    subject_issuers,
    trailing_issuers,
    trailing_speaker,
)
from tracker.qualify import NEXT_CLAUSE, classify_status, clause_end, rejection
from tracker.records import DatePrecision, Document, EventType, Mention, Status
from tracker.tables import tally_sentences
from tracker.text import Sentence, clean_text, holds_any, split_sentences
from tracker.triggers import TriggerHit, find_triggers
from tracker.vocabulary import RETURNED_HOME
from tracker.when import date_for

# Recorded with every document and mention, so a store can tell what an older engine read; raised when the rules
# change what is extracted (`tracker reprocess` re-reads stored documents with the current one).
EXTRACTOR_VERSION = "0.3.0"

_GROUP_TAIL = 40
# ...or just before it, when the trigger starts at the people: "Irish citizens should leave".
_GROUP_HEAD = 25


def _issuers_for(
    sentence: Sentence,
    matches: list[CountryMatch],
    hit: TriggerHit,
    previous_actor: Callable[[], str | None],
    mission_owner: str | None = None,
    voice: str | None = None,
    header: str | None = None,
) -> tuple[list[str], str, float]:
    """(issuer codes, cue description, confidence penalty)."""
    text = sentence.text
    # The staff or people may be named just after the trigger: "optimise the staffing of Russian missions".
    # The people or staff named in the trigger's own clause (not the next one: "..., and Canada's embassy ...").
    tail = hit.end + _GROUP_TAIL
    next_clause = NEXT_CLAUSE.search(text, hit.end, tail)
    # ...nor the one before: "to collect about 100 Mexicans, and Germany closed its embassy".
    group_start = max(0, hit.start - _GROUP_HEAD)
    group_start = max([group_start, *(m.end() for m in NEXT_CLAUSE.finditer(text, group_start, hit.start))])
    if hit.trigger.name == "advise-them-to-leave":
        group_start = 0  # ("them" are the people the sentence named before)
    groups = group_issuers(text, matches, group_start, next_clause.start() if next_clause else tail)
    # "Britons were among those flown out by the Belgians": people before the trigger that someone else carried, and
    # the carrier helping them; neither government acted for its own people. (Not "to bring home 60 Italians
    # brought out of Kolwezi by the Belgians": the people the trigger itself names.)
    carriers = {m.code for m in groups if " by " in text and _BY_BEFORE.search(text, max(0, m.start - 8), m.start)}
    if carriers and any(m.code not in carriers and m.end <= hit.start for m in groups):
        return [], "people someone else carried", 0.0
    subjects = subject_issuers(text, matches, hit.start)
    if (
        not subjects
        and (clause := clause_start(text, hit.start))
        and _BREAK_BEFORE.search(text, 0, hit.start)
        and _GERUND.match(text, hit.start)
    ):
        # "The Dutch minister stayed at his post after sending most of his staff out": the main clause's subject
        subjects = subject_issuers(text, matches, max(0, clause - 6))
    # "..., and with Australia, whose Hercules aircraft brought out several hundred Australians": the owner of the
    # relative clause the trigger stands in.
    whose = _WHOSE_BEFORE.search(text, max(0, hit.start - 60), hit.start) if "whose" in text else None
    if whose is not None:
        owner = [m for m in matches if m.end <= whose.start() and whose.start() - m.end <= 2]
        # (not "The British High Commission in Banjul, whose staff ...": a place, not the owner)
        if (
            owner
            and owner[-1].kind is not MatchKind.DEMONYM
            and not _PLACE_PREPOSITION.search(text, 0, owner[-1].start)
        ):
            subjects = owner[-1:]
    # "The Americans, diplomats here say, quietly cut their embassy to a skeleton staff": people who act on their
    # own embassy are their government.
    if not subjects and not groups and _THEIR_MISSION.search(text, hit.start, hit.end):
        opening = next((m for m in matches if m.end <= hit.start), None)
        if (
            opening is not None
            and opening.kind is MatchKind.DEMONYM
            and opening.surface.endswith("s")
            and not text[: opening.start].strip(' "“').lower().removeprefix("the")
        ):
            subjects = [opening]
    # "Washington had first urged Americans to leave on April 19, ..., and lifted that advice on May 3": a verb
    # coordinated with the sentence's first shares its subject.
    if not subjects and not groups and _AND_VERB.search(text, max(0, hit.start - 12), hit.start):
        subjects = subject_issuers(text, matches, clause_start(text, hit.start) - 1)[:1] or subjects
    # "the Foreign Office in Berlin": an office named by its seat is that capital's government's
    subjects = [_seat_of(text, matches, m) or m for m in subjects]
    trailing = trailing_issuers(text, matches, hit.end)
    subject_codes = [m.code for m in subjects] + [m.code for m in trailing]
    group_codes = list(dict.fromkeys(m.code for m in groups))
    if subjects and group_codes and all(m.ambiguous and m.kind is MatchKind.METONYM for m in subjects):
        # "Brussels on Thursday advised Belgians ...": an ambiguous metonym (Brussels is the EU's too) yields to
        # the people concerned.
        cue = ", ".join(m.surface for m in groups)
        return group_codes, f"people or staff concerned: {cue}", 0.05
    lower = text.lower()
    # "Tour operators in Britain and Germany flew some holidaymakers home early": companies' customers
    # "..., and it was Turkish Airlines that flew more than two hundred stranded Japanese out"
    if " that " in text[max(0, hit.start - 8) : hit.start + 1] and _CLEFT_COMPANY.search(text, 0, hit.start):
        return [], "a company's act", 0.0
    # (not "Japan Airlines flights chartered by the government carried more than 3,000 Japanese home")
    if _COMPANY_SUBJECT.match(text, clause_start(text, hit.start)) and "chartered by the government" not in lower:
        return [], "a company's act", 0.0
    if subject_codes and not group_codes and "foreign" in lower and _FOREIGNERS.search(text, hit.start, hit.end + 20):
        # "South African air force helicopters flew about 40 foreigners, including Americans, Britons ...": a
        # government carrying other people has done nothing for its own.
        return [], "carries foreigners, not its own people", 0.0
    if subject_codes:
        if group_codes and not set(group_codes) & set(subject_codes):
            # "Poland urged Ukrainians to leave", "Congo gave Rwandan diplomats 48 hours to leave": a government
            # acting on another country's people or diplomats is no event of its own.
            return [], "subject differs from the people or staff concerned", 0.0
        cue = ", ".join(m.surface for m in [*subjects, *trailing])
        return list(dict.fromkeys(subject_codes)), f"subject: {cue}", 0.0
    # "were told yesterday by their government in Ottawa to leave": the agent of a passive inside the trigger.
    agent = (
        None
        if " by " not in text
        else next(
            (
                m
                for m in matches
                # (inside the trigger, or the passive's agent just after it: "people flown out of Sudan by the
                # Bundeswehr")
                if hit.start <= m.start < hit.end + 30
                and m.kind in (MatchKind.NAME, MatchKind.METONYM)
                and _BY_AGENT.search(text, max(0, m.start - 50), m.start)
                and (m.start < hit.end or not _CLAUSE_GAP.search(text, hit.end, m.start))
            ),
            None,
        )
    )
    if agent is not None and (not group_codes or agent.code in group_codes):
        return [agent.code], f"agent: {agent.surface}", 0.05
    if group_codes and " also " in text and _ALSO_CARRIED.search(text, clause_start(text, hit.start), hit.start + 20):
        # "The flights also carried citizens of Canada, Japan and ...": passengers on someone else's transport.
        return [], "passengers also carried on someone else's transport", 0.0
    if (
        group_codes
        and holds_any(lower, _COMPANY_WORDS)
        and _COMPANY_STAFF.search(text, max(0, hit.start - 120), hit.end)
    ):
        # "we expect those companies to make arrangements for their American staff to depart": a firm's staff.
        return [], "the staff are a company's", 0.0
    if len(group_codes) > 1 and _ON_BOARD_COUNTS.search(text, hit.start, hit.end + 40):
        # "with about 40 French nationals and seven Britons on board": the first counted are the ship's own people,
        # the others its passengers.
        group_codes = group_codes[:1]
    if group_codes:
        cue = ", ".join(m.surface for m in groups)
        return group_codes, f"people or staff concerned: {cue}", 0.05
    pronoun = pronoun_subject(text, hit.start, hit.end)
    first_person = _FIRST_PERSON.search(pronoun) if pronoun else None
    # (a statement's "I" and "the High Commission" too; in a thread, only an official account's "we")
    if first_person and (voice or (header and first_person.group(0).lower() in ("we", "the embassy"))):
        # A briefing's or a statement's "we" and "the Embassy" are its speaker's, whoever the answer mentions; in an
        # official account's post, the account's.
        speaking = voice or header
        return [speaking], f"'{pronoun}' -> the government speaking", 0.1  # type: ignore[list-item]
    if pronoun and (speaker := trailing_speaker(text, matches, hit.end)):
        return [speaker], f"'{pronoun}' -> the government the sentence quotes at its end", 0.1
    if pronoun:
        # "The US embassy reopened on Thursday, a day after it closed": an actor earlier in the same sentence is
        # nearer than the previous sentence's.
        # ("a friend at the Canadian High Commission says they sent dependants home": before the pronoun itself)
        start = clause_start(text, hit.start)
        before = text.rfind(pronoun, start, hit.end)
        start = before if before > start else start
        # "The United Nations said on Monday it was withdrawing non-essential staff": "it" is the organisation.
        if _ORGANISATION_SUBJECT.match(text):
            return [], f"pronoun '{pronoun}' -> an international organisation, not a government", 0.0
        # "General al-Burhan's army said it had agreed to facilitate the evacuation": "it" is the army.
        if _ARMED_SUBJECT.match(text):
            return [], f"pronoun '{pronoun}' -> an army or armed group, not a government", 0.0
        # "Aid agencies, among them the ICRC, say they are reducing their staff": "they" are the agencies.
        if _NOT_GOVERNMENTS.search(text, 0, start) and re.match(r"\W*(?:\w+\s+)?they\b", text[start:], re.IGNORECASE):
            return [], f"pronoun '{pronoun}' -> agencies or companies, not a government", 0.0
        before_pronoun = [m for m in matches if m.end <= start]
        earlier = (
            (first_actor(text[:start], before_pronoun, exclude="") or institution_owner(text, before_pronoun))
            if start
            else None
        )
        # "The Germans said on Saturday they had pulled out their diplomats": people who speak are their government.
        earlier = earlier or next(
            (
                m.code
                for m in before_pronoun
                if m.kind is MatchKind.DEMONYM and _SPEAK_BEFORE.match(text, m.end, hit.start)
            ),
            None,
        )
        if earlier:
            return [earlier], f"pronoun '{pronoun}' -> this sentence's earlier actor", 0.1
        # "The consulate has shut.": the mission last reported on, whoever else was named since.
        # ("Its foreign ministry said that the embassy would close": the ministry's country is the previous actor)
        if mission_owner and _A_MISSION.search(pronoun) and not _ITS_GOVERNMENT.match(pronoun):
            return [mission_owner], f"'{pronoun}' -> the mission last reported on", 0.2
        if actor := previous_actor():
            return [actor], f"pronoun '{pronoun}' -> previous sentence's actor", 0.2
    # A table row or bullet named by its country: "Japan - Recommends that ...; embassy cut to essential staff".
    row = _ROW_HEADER.match(text)
    head = next((m for m in matches if m.start == row.end("lead")), None) if row else None
    if head is not None and row is not None and text[head.end : head.end + 4].lstrip().startswith(_ROW_MARKS):
        return [head.code], f"the row's country: {head.surface}", 0.1
    # A bullet under a country's name with the subject dropped: "* Japan" / "Has moved its embassy's functions".
    if _DROPPED_SUBJECT.match(text) and header is not None:
        return [header], "dropped subject -> the country heading this entry", 0.2
    if _DROPPED_SUBJECT.match(text) and (actor := previous_actor()):
        return [actor], "dropped subject -> the previous actor", 0.2
    # "- United States. Non-emergency staff had already been ordered out of Islamabad.": the bullet's country.
    if header is not None:
        return [header], "the country heading this entry", 0.2
    return [], "no issuer", 0.0


_ARMED_SUBJECT = re.compile(
    r"\W*(?:[\w'’.-]+\s+){0,6}?(?:army|armed\s+forces|military|rebels|militias?|junta|paramilitar\w+|fighters)\s+"
    r"(?:said|says|announced|claimed)\s+(?:that\s+)?(?:it|they)\b",
    re.IGNORECASE,
)
_ORGANISATION_SUBJECT = re.compile(
    r"\W*(?:the\s+)?(?:United\s+Nations|UN|U\.N\.|NATO|Red\s+Cross|International\s+Committee|UNHCR|IOM|OSCE|ECOWAS"
    r"|African\s+Union|World\s+(?:Bank|Food|Health)|International\s+Organi[sz]ation|Médecins|MSF)\b",
    re.IGNORECASE,
)
_NOT_GOVERNMENTS = re.compile(
    r"\b(?:agencies|organi[sz]ations|NGOs|companies|firms|airlines|charities|operators|contractors)\b", re.IGNORECASE
)
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|to|near)\s+(?:the\s+)?$", re.IGNORECASE)
_FOREIGNERS = re.compile(r"\b(?:foreigners|foreign\s+nationals|other\s+nationals|third-country\s+nationals)\b", re.I)
_WHOSE_BEFORE = re.compile(r"\bwhose\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)


def _seat_of(text: str, matches: list[CountryMatch], match: CountryMatch) -> CountryMatch | None:
    if match.kind is not MatchKind.METONYM or not _OFFICE.search(match.surface):
        return None
    seat = next((m for m in matches if m.start > match.end), None)
    if seat is None or seat.kind is not MatchKind.METONYM or not _IN_ONLY.fullmatch(text[match.end : seat.start]):
        return None
    return seat


_OFFICE = re.compile(r"\b(?:Office|Ministry|Department)\b", re.IGNORECASE)
_IN_ONLY = re.compile(r"\s+in\s+")


def _block_end(text: str, position: int) -> int:
    """Where the block of lines after a heading ends: the first blank line after the lines right under it."""
    start = position
    while start < len(text) and text[start] in "\n ":
        start += 1
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


_BREAK_BEFORE = re.compile(r"\b(?:after|before|while|when|since|by)\s+$", re.IGNORECASE)
_GERUND = re.compile(r"\w+ing\b")
_ON_BOARD_COUNTS = re.compile(
    r"\bwith\s+(?:about\s+|some\s+)?\d[\d,]*\s+[^.;]{0,60}?\band\s+\w+\s+[^.;]{0,40}?\b(?:on\s+board|aboard)\b"
)
_ALSO_CARRIED = re.compile(r"\balso\s+(?:carr|took|takes|brought|brings|flew|flies|ferr|evacuat|lift)", re.IGNORECASE)
_COMPANY_SUBJECT = re.compile(
    r"\W*(?:the\s+|some\s+|several\s+|other\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:tour\s+operators?|airlines?|carriers?|companies|firms|employers)\b",
    re.IGNORECASE,
)
_CLEFT_COMPANY = re.compile(
    r"\bit\s+was\s+(?:[\w'’-]+\s+){0,2}?(?:airlines?|airways|carriers?|compan(?:y|ies)|firms?)\s+that\s+$",
    re.IGNORECASE,
)
_COMPANY_WORDS = ("compan", "firm", "employer", "contractor")
_COMPANY_STAFF = re.compile(
    r"\b(?:companies|company|firms?|employers?|contractors?)\b[^.;]{0,80}\b(?:their|its)\s+(?:own\s+)?(?:\w+\s+)?"
    r"(?:staff|employees|workers|personnel|expatriates)\b",
    re.IGNORECASE,
)
# A transcript's question turn, even one that states what "reports say"
_QUESTION_TURN = re.compile(r"^\W*question\s*:", re.IGNORECASE)
_RETURN_TO_PLACE = re.compile(r"\breturn\s+to\s+(?=(?-i:[A-Z]))")
_AND_VERB = re.compile(r",?\s+and\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+|then\s+)?$")
_THEIR_MISSION = re.compile(
    r"\btheir\s+(?:own\s+)?(?:embassy|embassies|mission|missions|diplomats|diplomatic\s+staff|dependants|dependents)\b"
)
_CLAUSE_GAP = re.compile(r"[,;:]|\b(?:and|but|while|which|who)\b")
_BY_AGENT = re.compile(
    r"\bby\s+(?:the\s+|their\s+|its\s+)?(?:(?:own|federal|national)\s+)?"
    r"(?:(?:government|foreign\s+ministry|ministry|foreign\s+office|state\s+department)\s+(?:in|of)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_SPEAK_BEFORE = re.compile(
    r"\s+(?:said|say|says|announced|confirmed)\b(?:\s+\w+){0,3}?(?:\s+that)?\s+(?:they|it)\b", re.IGNORECASE
)
# (and a cable's "Dept", the State Department it reports to)
_FIRST_PERSON = re.compile(r"\b(?:we|I|the\s+embassy|the\s+high\s+commission|the\s+government|dept)\b", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_ITS_GOVERNMENT = re.compile(r"(?:its|their)\s+(?:foreign\s+)?(?:ministry|government|minister|office)", re.IGNORECASE)
_A_MISSION = re.compile(r"\b(?:embassy|consulate|mission|high\s+commission)\b", re.IGNORECASE)
_ROW_MARKS = ("-", "—", "–", ":", "|")
_ROW_HEADER = re.compile(r"(?P<lead>^[\s*•\-–—]*)")
_DROPPED_SUBJECT = re.compile(
    r"^[\s*•\-–—]*(?:\w+ly\s+)?(?:has|have|had|will|also|then|later|closed|suspended|moved|relocated|urged|told|advised|ordered"
    r"|evacuated|withdrew|pulled|reopened|returned|shut|asked|called|recommends|recommended|sent|flew|began|started"
    r"|announced)\b",
    re.IGNORECASE,
)


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
    voice: str | None = None,
    header: str | None = None,
) -> Iterator[Mention]:
    text = sentence.text
    if text.rstrip(" \"”’')").endswith("?") or _QUESTION_TURN.match(text):
        return  # a question reports no act: "Should Australia tell its citizens to leave Myanmar?"
    last_type = context.last_type
    for hit in hits:
        event_type = hit.trigger.event_type
        if hit.trigger.name == "same-again":
            # "followed on Wednesday, telling Britons to leave": the clause says itself what was done.
            end_of_clause = clause_end(text, hit.end)
            if any(other is not hit and hit.end <= other.start < end_of_clause for other in hits):
                continue
            # "issued similar advice" names what it repeats; "followed suit" repeats the last event reported (this
            # sentence's own: "Poland brought citizens home on Monday, and Romania started doing the same").
            earlier = [other for other in hits if other.end <= hit.start and other.trigger.name != "same-again"]
            if _ADVICE.search(text, hit.start, hit.end):
                event_type = EventType.LEAVE_ADVISORY
            elif earlier:
                event_type = earlier[-1].trigger.event_type
            elif last_type is None:
                continue
            else:
                event_type = last_type
        # ("urged Americans to leave on April 19, ... and lifted that advice on May 3": the act undone may be the
        # same sentence's)
        if (
            hit.trigger.after is not None
            and context.previous_type is not hit.trigger.after
            and not any(h.trigger.event_type is hit.trigger.after and h.end <= hit.start for h in hits)
        ):
            continue
        official_voice = hit.trigger.name == "you-should-leave"
        # ("you should leave" is advice in an official page's voice, or in an official account's post)
        if official_voice and not issuer_hint and header is None:
            continue
        if (
            not official_voice
            and hit.trigger.name != "same-again"
            and event_type is EventType.LEAVE_ADVISORY
            and not has_people(text, matches, hit.start, hit.end)
        ):
            continue
        if hit.trigger.name == "advise-them-to-leave" and not spoken_to_before(text, hit.start):
            continue
        reason = rejection(text, hit)
        if reason:
            continue
        issuers, issuer_cue, penalty = _issuers_for(sentence, matches, hit, actor, context.mission_owner, voice, header)
        if not issuers and (issuer_hint or (official_voice and header)):
            # Official advice names no issuer: it is its publisher's own.
            issuers, issuer_cue, penalty = [issuer_hint or header], "the official source's own government", 0.0  # type: ignore[list-item]
        if not issuers:
            continue
        # "to return to India" leaves the country only for Indians: "to return to Kabul" goes back to it
        if event_type is EventType.LEAVE_ADVISORY and (home := _RETURN_TO_PLACE.search(text, hit.start, hit.end)):
            place = next((m for m in matches if m.start == home.end()), None)
            if place is None or place.code not in issuers:
                continue
        status, status_cue = classify_status(text, hit)
        # Asked only when the sentence has no date cue: the pronoun branch of _issuers_for yields exactly this too.
        carried = partial(is_previous_actor, tuple(issuers), actor)
        when, precision, date_cue = date_for(text, hit, status, anchor, context, carried, tuple(issuers))
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


def _retarget(
    mentions: list[Mention],
    default_target: str,
    title_target: str | None,
    title_is_left: bool = False,
    title_names: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Give mentions without a target in their sentence the article's own target, when the article names one.

    "British nationals should leave now" in a story about Lebanon is about Lebanon: the article's most common
    explicit target, else the country its title names in a target slot, beats the configured watch target.
    """
    explicit = Counter(m.target for m in mentions if "(default target)" not in m.explain[3])
    if not explicit and not title_target:
        return mentions
    # The headline's target when it names one ("Students flown out of Grenada"): explicit targets in the body
    # include places people were flown to and from.
    # The place the headline says people leave beats the body's count, which includes places people were flown
    # to; a headline naming a country otherwise ("Thailand braces for refugees") only fills in for no count.
    headline_wins = title_target is not None and (title_is_left or not explicit)
    # "Thirty years on: the summer Kuwait emptied": a headline naming the configured target confirms it, whatever
    # transit places the body counts.
    if not headline_wins and default_target in title_names:
        return mentions
    # (a tie goes to the configured target: a place named once for the crisis and once in passing)
    ranked = sorted(explicit.items(), key=lambda kv: (-kv[1], kv[0] != default_target))
    article_target = title_target if headline_wins else ranked[0][0]
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


# (not the common words that end so: "which staff", "than citizens")
_LOWER_DEMONYM_GROUP = re.compile(
    r"\b(?!(?:which|such|each|much|than|can|an|man|began|plan|clean|mean|human|urban|foreign|local|certain|russian)\b)"
    r"[a-z]{4,}(?:an|ese|ish|ch|i)\s+(?:diplomats|citizens|nationals|staff|embassy)\b"
)
_BARE_TIME = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*(?:GMT|BST|CET|CEST|UTC|EST|EDT|local(?:\s+time)?))?\s*$")
# The sentence after an act that says when it was done: "The State Department advice was issued on Saturday."
_DATES_THE_ACT = re.compile(
    r"^\W*(?:the|that|this|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:advice|order|decision|announcement|statement"
    r"|instruction|warning|call|recommendation|move|appeal)\s+(?:was|had\s+been|came)\b",
    re.IGNORECASE,
)


def _day_given_after(sentence: str, anchor: date) -> date | None:
    if (said := _DATES_THE_ACT.match(sentence)) is None:
        return None
    cues = [c for c in find_date_cues(sentence, anchor) if c.precision is DatePrecision.DAY and c.start >= said.end()]
    return cues[0].value if len(cues) == 1 else None


def _redated(mention: Mention, day: date, sentence: str) -> Mention:
    cue = f"date: {day.isoformat()} day (the next sentence: '{sentence[:60]}')"
    return replace(
        mention,
        date=day,
        date_precision=DatePrecision.DAY,
        explain=(*mention.explain[:5], cue, *mention.explain[6:]),
    )


# A section heading: "=== 1. CHAD: N'DJAMENA THREE WEEKS ON ===", "## Serbia", or a line in capitals.
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
    # Machine translation leaves names and sentence starts in lower case ("the france has decided. sunday the ...").
    translated = is_machine_translated(text, gaz)
    sentences = split_sentences(text, lowercase_starts=translated)
    voice = speaking_government(document.title, text, gaz, default_target)
    headings = sorted(section_targets(text, gaz, default_target).items())
    section: str | None = None
    context = Context(anchor=anchor)
    page_anchor = anchor
    # Sentences without a trigger only update these; the context is rebuilt when a sentence has a trigger.
    previous = ""
    unread: list[str] = []
    narrative: date | None = None
    thread_end: int | None = None  # where the block of the last post (stamp and text) ends
    tallies = tally_sentences(text, gaz) if "|" in text else {}
    # The last bare country heading: where its block ends and its code. A heading leads its block: the lines under it,
    # up to the next blank line after the first.
    header: tuple[int, str] | None = None
    undated: list[int] = []  # the last trigger sentence's mentions without a day of their own
    for sentence in sentences:
        row = sentence.text
        if (tally := tallies.get(sentence.start)) is not None:
            sentence = replace(sentence, text=tally)  # (read as the sentence the row stands for)
        elif is_shouted(row):
            sentence = replace(sentence, text=truecase(row, gaz))
        narrative = narrative_day(sentence.text, anchor, narrative)
        if len(sentence.text) <= 48 and (heading := country_heading(sentence.text, gaz)) is not None:
            header = (_block_end(text, sentence.end), heading)
        elif sentence.text.startswith("@") and (author := handle_country(sentence.text, gaz)) is not None:
            header = (_block_end(text, sentence.end), author)  # an official account's post: "@PolandMFA · 1 Oct ..."
        while headings and headings[0][0] <= sentence.start:
            section = headings.pop(0)[1]
        # A thread's post dates its own "today" and "this morning".
        if (posted := post_day(sentence.text, page_anchor)) is not None:
            # ...and an act the post states without a day is the post's, as a timeline entry's is (up to the end
            # of the thread: a summary after it is the page's again)
            anchor = posted
            context = replace(context, anchor=posted, heading=posted)
            thread_end = _block_end(text, sentence.end)
        elif thread_end is not None and _BARE_TIME.match(sentence.text):
            # a live blog's next entry stamped with a time only ("16:15") is still on the day stamped last
            thread_end = _block_end(text, sentence.end)
        elif thread_end is not None and sentence.start > thread_end:
            anchor = page_anchor
            context = replace(context, anchor=page_anchor, heading=None)
            thread_end = None
        # (against the page's date: an entry's own date must not move the next entry's reading)
        is_heading, day = heading_day(sentence.text, page_anchor)
        if is_heading:
            context = replace(context, heading=day)
            if day is not None and len(sentence.text) <= 32 and day <= page_anchor:
                # A diary's or a log's entry date standing alone ("Thursday 15 August") is the "today" of the
                # entry under it, as a post's stamp is.
                anchor = day
                context = replace(context, anchor=day)
        hits = find_triggers(sentence.text)
        if not hits:
            # "Told the 200 Americans still in the country to leave. The advice was issued on Saturday."
            if undated and (day := _day_given_after(sentence.text, anchor)) is not None:
                for index in undated:
                    mentions[index] = _redated(mentions[index], day, sentence.text)
            undated = []
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
                carried_day=context.last_day or context.carried_day,
                carried_issuer=context.last_issuer if context.last_day else context.carried_issuer,
                narrative=narrative,
            )
        if context.narrative != narrative:
            context = replace(context, narrative=narrative)
        unread.clear()
        matches = gaz.find(sentence.text)
        if translated:
            matches = with_lowercase(matches, gaz.find_lowercase(sentence.text))
        elif _LOWER_DEMONYM_GROUP.search(sentence.text):
            # a translation's odd lower-case demonym before the people it names: "the argentinian diplomats"
            lower = [
                m
                for m in gaz.find_lowercase(sentence.text)
                if m.kind is MatchKind.DEMONYM and is_group_word(sentence.text, m.end)
            ]
            matches = with_lowercase(matches, lower)
        previous_actor = LazyActor(context, gaz, default_target)
        found = list(
            _sentence_mentions(
                sentence,
                matches,
                anchor,
                default_target,
                context,
                gaz,
                hits,
                previous_actor,
                issuer_hint,
                voice,
                # (a heading leads its block: the lines under it, up to the next blank line after the first)
                header[1] if header is not None and sentence.start < header[0] else None,
            )
        )
        undated = []
        for mention in found:
            if tally is not None or sentence.text is not row:
                mention = replace(mention, evidence=row)
            if section is not None and section != mention.issuer and "(default target)" in mention.explain[3]:
                # A newsletter covering two crises: its section heading says which one the sentence is about.
                explain = (*mention.explain[:3], f"target: {section} (the section's heading)", *mention.explain[4:])
                mention = replace(mention, target=section, explain=explain)
            key = (mention.issuer, mention.target, mention.event_type.value, mention.start)
            if key not in seen:
                seen.add(key)
                if "no cue" in mention.explain[5] or "no date cue" in mention.explain[5]:
                    undated.append(len(mentions))
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
            mission_owner=owner if (owner := mission_owner_of(found)) else context.mission_owner,
            last_day=found[-1].date if found and found[-1].date_precision is DatePrecision.DAY else None,
            last_issuer=found[-1].issuer if found and found[-1].date_precision is DatePrecision.DAY else None,
            carried_day=context.last_day or context.carried_day,
            carried_issuer=context.last_issuer if context.last_day else context.carried_issuer,
            narrative=narrative,
        )
    reports = corrected_reports(sentences)
    if reports and (taken_back := retractions(sentences, gaz, default_target, reports)):
        mentions = withdraw_retracted(mentions, taken_back)
    if restated := restating(sentences):
        mentions = keep_restated(mentions, restated)
    for moved in redatings(sentences, gaz, default_target, reports) if reports else ():
        days = [c.value for c in find_date_cues(moved.sentence, page_anchor) if c.precision is DatePrecision.DAY]
        if days:
            mentions = [
                _redated(m, days[0], moved.sentence)
                if m.issuer in moved.issuers
                and m.event_type in moved.event_types
                and not moved.start <= m.start < moved.end
                else m
                for m in mentions
            ]
    named = frozenset(m.code for m in gaz.find(document.title) if m.kind is not MatchKind.DEMONYM)
    return _retarget(mentions, default_target, *title_target(document.title, gaz), named)


__all__ = ["EXTRACTOR_VERSION", "actor_rejection", "extract", "find_triggers"]
