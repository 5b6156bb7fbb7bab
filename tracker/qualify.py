"""Whether a trigger reports an act, and how sure: negation, hedges, conditions and denials; the status (pure).

DESIGN §3: hypotheticals ("could order"), denials ("no plans to evacuate") and negations are not events; what is
stated as done is `in_effect`, what will be done `planned`, what unnamed sources say `reported`.
"""

from __future__ import annotations

import re

from tracker.issuers import clause_start
from tracker.records import EventType, Status
from tracker.text import holds_any
from tracker.triggers import TriggerHit
from tracker.vocabulary import (
    CONDITIONAL,
    HEDGE,
    INTERIOR_HEDGE,
    INTERIOR_NEGATION,
    LOCAL_LEAVE_OBJECT,
    NEGATION,
    PLANNED,
    REPORTED,
    REPORTED_WOULD,
)

# Lookback inside the sentence for modals and negations that govern the trigger verb.
_GOVERNING_WINDOW = 45


def _governing_text(sentence: str, hit: TriggerHit) -> str:
    """The words just before the trigger and its first words: where 'not', 'could', 'will' govern it."""
    start = max(0, hit.start - _GOVERNING_WINDOW)
    head = sentence[start : hit.start]
    if ", wh" in sentence:
        # "France, which kept its mission open in the hope that a proposal might succeed, said it had cut ...": a
        # relative clause closed before the act does not hedge it.
        for aside in _ASIDE.finditer(sentence, 0, hit.start):
            if aside.end() > start:
                a, b = max(aside.start(), start) - start, aside.end() - start
                head = head[:a] + " " * (b - a) + head[b:]
    if ";" in head:
        # ('... to leave the country "if they can"; some embassy staff withdrawn': another clause)
        head = head[head.rfind(";") + 1 :]
    if "but " in head:
        # "... would stay in Tokyo but that the families of embassy staff had been sent home": what came before
        # "but" does not hedge what follows it
        head = head[head.rfind("but ") :]
    # "urged Americans to consider departing Haiti and authorised the departure of staff": a second verb in the
    # past starts an act of its own, out of reach of the hedge before it.
    if " and " in head:
        starts = [m.start() for m in _AND_PAST_VERB.finditer(head)]
        if starts:
            head = head[starts[-1] :]
    # Only the verb part of the trigger: a negation later inside it ("... to leave, not to stay") does not count.
    # (cut at a word's end: "advised Monday to the Can|adians" would read as "can")
    end = min(hit.end, hit.start + 25)
    while end < hit.end and sentence[end].isalnum():
        end += 1
    return head + " " + sentence[hit.start : end]


def _governing_negation(sentence: str, start: int, end: int, asides: bool = True) -> re.Match[str] | None:
    """A negation starting in sentence[start:end], read against the whole sentence: a window cut at "Canadians
    who do not need" would hide the "to be" that makes it a description of who should leave."""
    # Searched a little past `end` (so lookaheads see "not need to be" whole), kept only if it starts in time.
    m = NEGATION.search(sentence, start, end + 30)
    while (
        m is not None
        and m.start() < end
        and ((asides and _in_aside(sentence, m.start(), end)) or _QUOTED_NOUN.match(sentence, m.end()))
    ):
        # "Washington, which has had no embassy in Tehran since 1980, has urged ...": a relative clause closed
        # before the act says nothing about it; nor does a quoted phrase named as one ("after its "no plans"
        # statement, the Foreign Office advises ...").
        m = NEGATION.search(sentence, m.end(), end + 30)
    return m if m is not None and m.start() < end else None


def _in_aside(sentence: str, position: int, act: int) -> bool:
    if ", wh" not in sentence:
        return False
    return any(a.start() < position < a.end() <= act for a in _ASIDE.finditer(sentence))


_QUOTED_NOUN = re.compile(
    r"[^\"”’]{0,20}[\"”’]\s+(?:statement|remark|comment|line|pledge|policy|stance|position)\b", re.IGNORECASE
)
_AWAITED_BEFORE = re.compile(r"\b(?:until|unless|once|as\s+soon\s+as)\s+(?:[\w'’.-]+\s+){0,5}$", re.IGNORECASE)
_PRESENT_VERB = re.compile(r"(?!(?:was|has|is|does|as|us)\b)[a-z]+[^s\W]s\b")
_PLANNED_AFTER = re.compile(
    r"\s+(?:are|is|were|was)\s+(?:due|expected|scheduled|set)?\s*to\s+(?:start|begin|leave|depart|fly|take\s+off|operate|resume)\b",
    re.IGNORECASE,
)
# a table row's plan: "Navy ship to carry Nigerians home from the Freeport | due Friday"
_DUE_IN_ROW = re.compile(
    r"\|\s*due\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow)\b"
)
_HEADLINE_TO = re.compile(
    r"^[\s\-–—•*]*(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+to\s+"
    r"(?:fly|evacuate|send|bring|charter|close|shut|move|reopen|withdraw|pull|airlift|repatriate|cut)\b"
)
_GUESS = re.compile(r"\bI\s+(?:bet|guess|reckon|suspect|imagine|doubt)\b")
_DENIED_REPORT = re.compile(
    r"\b(?:denied|denies|deny|denying)\s+(?:a|the|any|all)?\s*(?:\w+\s+)?(?:reports?|claims?|suggestions?)\b"
    r"[^.;]{0,90}?\bthat\s+(?:[\w'’-]+\s+){0,6}$",
    re.IGNORECASE,
)
_ADVICE_VERB = re.compile(r"(?:advis|urg|told|tell|recommend|call|instruct|order)", re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]*,", re.IGNORECASE)


def clause_end(sentence: str, position: int) -> int:
    """Where the clause holding `position` ends: "..., while Germany said it could withdraw staff if ..." is not
    the first clause's condition."""
    following = NEXT_CLAUSE.search(sentence, position)
    return following.start() if following else len(sentence)


_AND_PAST_VERB = re.compile(r"\band\s+(?=(?:\w+ed|told|sent|withdrew|shut|began|ordered)\b)", re.IGNORECASE)
NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\b|;|\bwhile\b", re.IGNORECASE)
# ("and come to Nairobi" moves within the country: only going home or back leaves it.)
_GOING_HOME = re.compile(r"\s+(?:\w+\s+){0,4}?and\s+(?:return|go|fly)\s+(?:home|back|to)\b", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:said|says|announced|confirmed|added|stated)\b", re.IGNORECASE)


_IF_THEN = re.compile(r"\W*(?:if|unless|should)\b[^.;]*?,[^.;]*?\b(?P<modal>would|could|might)\b", re.IGNORECASE)
_STRANDED_ABROAD = re.compile(
    r"\s+(?:who\s+(?:are|were|have\s+been)\s+)?(?:stranded|stuck|travell?ing)\s+(?:abroad|overseas|elsewhere"
    r"|around\s+the\s+world|across\s+the\s+region)\b",
    re.IGNORECASE,
)
_HEARSAY = re.compile(
    r"\baccording\s+to\s+(?:a\s+|an\s+|some\s+)?(?:\w+\s+)?(?:post|posts|rumou?rs?|social\s+media|messages?)\b",
    re.IGNORECASE,
)
_DISOWNED_WORDS = (
    "claim",
    "rumo",
    "alleg",
    "version",
    "post",
    "report",
    "entry",
    "false",
    "misleading",
    "unverified",
    "article",
    "story",
    "item",
    "we said",
    "we stated",
    "we wrote",
    "caption",
    "headline",
)
# What a correction says was reported before: "An earlier version of this article said", "we reported that".
CORRECTED_REPORT = re.compile(
    r"\b(?:an?\s+)?(?:earlier|previous)\s+version\s+of\s+(?:this\s+|the\s+)?(?:[\d:.]+\s+)?(?:article|story|report|post|table|list"
    r"|timeline|item|entry|update)(?:\s+\d+)?\s+(?:said|stated|reported|wrongly|incorrectly|gave|listed)"
    r"|\bour\s+(?:[\w:.]+\s+)?(?:post|report|story|update|entry)\s+(?:said|stated|reported)"
    # a corrections column: "On Tuesday we reported that ...", "An article on Monday (..., page 3) said that ..."
    r"|\bwe\s+(?:wrongly\s+|incorrectly\s+|mistakenly\s+)?(?:reported|said|stated|wrote)\s+that\b"
    # ("Your correspondent's report of July 30 (...) stated that", a letter to the editor)
    r"|\b(?:an?\s+|your\s+(?:correspondent['’]s\s+)?)(?:article|story|report|item|(?:photo\s+)?caption|headline|graphic)"
    r"\s+(?:on|of)\s+(?:\w+\s+){1,3}?"
    r"(?:\([^)]*\)\s+)?(?:said|stated|reported|suggested)\b",
    re.IGNORECASE,
)
_DISOWNED = re.compile(
    r"^\W*(?:claim|rumou?r|false|misleading|unverified)\s*:"
    r"|\b(?:claim(?:s|ed|ing)?|rumou?r(?:s|ed)?|alleg(?:e|es|ed|ing))(?!\s+responsibility)(?:,[^,.;]{1,30},)?\s+(?:that\s+)?"
    r"(?=[^.;]{0,80}$)"
    r"|" + CORRECTED_REPORT.pattern,
    re.IGNORECASE,
)
_OTHERS_PEOPLE_AFTER = re.compile(
    r"\s+(?:of|from)\s+(?:its|their|other|neighbou?ring|friendly|partner|allied)\s+"
    r"(?:\w+\s+)?(?:neighbou?rs|partners|allies|countries|nations|states)\b",
    re.IGNORECASE,
)
_ADVICE_THAT = re.compile(r"\b(?:recommend|advise|urge|suggest|expect)\w*\s+that\b", re.IGNORECASE)


def rejection(sentence: str, hit: TriggerHit) -> str | None:
    governing = _governing_text(sentence, hit)
    # A lift is itself worded as a negation ("no longer advising ... to leave"): only the words before it count.
    lifted = hit.trigger.event_type is EventType.ADVISORY_LIFTED
    window_end = hit.start if lifted else min(hit.end, hit.start + 25)
    # (a lift keeps what an aside says of the advice: "which never told Britons to leave, dropped that warning")
    window_start = max(0, hit.start - _GOVERNING_WINDOW)
    but = sentence.rfind(" but ", window_start, hit.start)
    # "... saw 'no need' for a military evacuation, but advised Italians to leave": advice after "but" stands; ("was
    # not evacuating Americans but had arranged charter flights" is the same act, still denied)
    if but >= 0 and not lifted and _ADVICE_VERB.match(sentence, hit.start):
        window_start = but
    negated = _governing_negation(sentence, window_start, window_end, asides=not lifted)
    # "We do not currently recommend that corporate clients evacuate staff": the negation governs the advice whose
    # complement the trigger is, however far back it stands in the clause.
    complement = (
        _ADVICE_THAT.search(sentence, clause_start(sentence, hit.start), hit.start)
        if " that" in sentence[: hit.start]
        else None
    )
    if negated is None and complement is not None:
        negated = _governing_negation(sentence, max(0, complement.start() - 20), complement.start() + 1)
    if negated:
        return f"negated ('{negated.group(0)}')"
    # "We will not reopen a program until the State Department lifts its advice": an act awaited, not done
    if (
        awaited := _AWAITED_BEFORE.search(sentence, max(0, hit.start - 60), hit.start)
    ) is not None and _PRESENT_VERB.match(sentence, hit.start):
        return f"awaited ('{awaited.group(0).strip()}')"
    # "If this kicks off I bet Germany sends the Luftwaffe in to get their people out": a guess
    if "I " in sentence[: hit.start] and (guess := _GUESS.search(sentence, 0, hit.start)):
        return f"a guess ('{guess.group(0)}')"
    # "flatly denied a report by an Azerbaijani news site that its embassy had begun sending families home"
    if "denie" in sentence[: hit.start] and (denied := _DENIED_REPORT.search(sentence, 0, hit.start)):
        return f"a report denied ('{denied.group(0)[:40]}')"
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
        # (not in an aside: "The British embassy, whose last diplomats had also refused to go, closed")
        if ", wh" in inside:
            inside = _ASIDE.sub(lambda m: " " * len(m.group()), inside)
        undone = NEGATION.search(inside) or INTERIOR_NEGATION.search(inside)
        if undone:
            return f"negated inside the trigger ('{undone.group(0)}')"
        hedged = INTERIOR_HEDGE.search(inside)
        # "... and said the dependants of staff would be temporarily withdrawn": a plan in reported speech.
        reported = (
            hedged is not None
            and hedged.group(0).lower() == "would"
            # (the saying may be inside the trigger: "The High Commission said on Friday that it would close")
            and _REPORTING.search(sentence, 0, hit.start + hedged.start()) is not None
            and not CONDITIONAL.search(sentence, hit.start, clause_end(sentence, hit.end))
        )
        # "its embassy moved 211 Chinese citizens across the river to Kousseri": people moved, not the mission
        if hit.trigger.event_type is EventType.EMBASSY_RELOCATION and (people := _PEOPLE_MOVED.search(inside)):
            return f"people moved, not the mission ('{people.group(0)}')"
        # "has begun pulling out military commanders and personnel": soldiers are not diplomats
        if hit.trigger.event_type is EventType.EMBASSY_DRAWDOWN and (military := _MILITARY.search(inside)):
            return f"military people, not diplomats ('{military.group(0)}')"
        if "whether" in inside.lower():
            return "hypothetical inside the trigger ('whether')"  # "said it would decide on Tuesday whether to close"
        # ("told the families of some staff that they could leave at government expense": authorised departure)
        if hedged and not reported and not _AT_GOVERNMENT_EXPENSE.match(sentence, hit.end):
            return f"hypothetical inside the trigger ('{hedged.group(0)}')"
    hedge = HEDGE.search(governing)
    reported_plan = (
        hedge is not None
        and hedge.group(0).lower() == "would"
        and (
            REPORTED_WOULD.search(governing, 0, hedge.start()) is not None
            or _REPORTING.search(sentence, 0, hit.start) is not None  # "said ... that the first group would"
        )
        and not CONDITIONAL.search(sentence, hit.start, clause_end(sentence, hit.end))  # "would evacuate if ..."
    )
    # "would have reduced its personnel to the minimum, according to diplomatic sources": the conditional of
    # hearsay in a translation from a Romance language reports; it does not hedge
    hearsay_conditional = (
        hedge is not None
        and hedge.group(0).lower() == "would"
        and _HAVE_DONE.match(governing, hedge.end()) is not None
        and REPORTED.search(sentence) is not None
    )
    if hedge and not reported_plan and not hearsay_conditional and not _AT_GOVERNMENT_EXPENSE.match(sentence, hit.end):
        return f"hypothetical ('{hedge.group(0)}')"
    # "Claim: ...", "Several posts claim the UK told Britons to leave", "An earlier version of this article said
    # that Norway had closed its embassy": what a fact-check or a correction reports as said, not as done.
    head = sentence[: hit.start].lower()
    disowned = _DISOWNED.search(sentence, 0, hit.start) if holds_any(head, _DISOWNED_WORDS) else None
    if disowned:
        return f"a claim or a corrected report ('{disowned.group(0).strip()}')"
    # "..., according to a post on a community Facebook page": hearsay
    hearsay = _HEARSAY.search(sentence, hit.end) if "according to" in sentence else None
    if hearsay:
        return f"hearsay ('{hearsay.group(0)}')"
    # "If the garrison were deployed, we would expect Japan ... to advise their nationals to leave": a conditional
    # sentence's consequence
    if_then = (
        _IF_THEN.match(sentence)
        if sentence[:12].lstrip(" \"'“‘(").lower().startswith(("if ", "unless ", "should "))
        else None
    )
    if if_then and if_then.end() <= hit.start:
        return f"hypothetical ('{if_then.group('modal')}' after an 'if' clause)"
    # "to fly home Israelis stranded abroad": people coming home from everywhere, leaving no one country
    if _STRANDED_ABROAD.match(sentence, hit.end):
        return "people stranded abroad, not in a country they are told to leave"
    # "offered to help evacuate citizens of its neighbours": other governments' people
    others = (
        _OTHERS_PEOPLE_AFTER.match(sentence, hit.end)
        if " of " in sentence[hit.end : hit.end + 5] or (" from " in sentence[hit.end : hit.end + 7])
        else None
    )
    if others and hit.trigger.event_type is EventType.LEAVE_ADVISORY:
        return f"someone else's people ('{others.group(0).strip()}')"
    # "pulled out non-essential international staff of its development programme": not the embassy's staff
    if hit.trigger.event_type is EventType.EMBASSY_DRAWDOWN and " of " in sentence[hit.end : hit.end + 4]:
        programme = _ORGANISATION_STAFF.match(sentence, hit.end)
        if programme:
            return f"an organisation's staff ('{programme.group(0).strip()}')"
    # "Bern says it will reopen when conditions allow": a return waiting on conditions has not been decided (people
    # told to leave "when the conditions allow" are told to leave all the same)
    if hit.trigger.event_type is EventType.EMBASSY_RETURN and (waits := _WHEN_CONDITIONS.match(sentence, hit.end)):
        return f"hypothetical ('{waits.group(0).strip()}')"
    condition = _CONDITION_AFTER.match(sentence, hit.end)
    if condition:
        return f"hypothetical ('{condition.group(0).strip()}')"
    # "Reports that Spain had chartered a plane to evacuate Spaniards were denied", "..., but their ministry denied it"
    after = sentence[hit.end : hit.end + 80]
    denied = (
        _DENIED_AFTER.match(sentence, hit.end)
        if holds_any(after, ("deni", "foundation", "un", "false", "wrong", "incorrect", "inaccurate"))
        else None
    )
    if denied:
        return f"denied ('{denied.group(0).strip()}')"
    return None


_PEOPLE_MOVED = re.compile(r"\b(?:citizens|nationals|people|evacuees|foreigners|residents|tourists)\b", re.IGNORECASE)
_AT_GOVERNMENT_EXPENSE = re.compile(r"\s+at\s+(?:the\s+)?(?:government|state|public)(?:['’]s)?\s+expense\b", re.I)
_HAVE_DONE = re.compile(r"\s+have\s+(?:already\s+)?\w+(?:ed|en|wn|ft|ut)\b", re.IGNORECASE)
_WHEN_CONDITIONS = re.compile(
    r"[\s,]*(?:\w+\s+){0,3}?(?:when|once|as\s+soon\s+as)\s+(?:the\s+)?(?:conditions|situation|security(?:\s+situation)?"
    r"|circumstances)\s+(?:allow|allows|permit|permits)\b",
    re.IGNORECASE,
)
_MILITARY = re.compile(r"\b(?:military|troops|soldiers|commanders|trainers|instructors)\b", re.IGNORECASE)
_ORGANISATION_STAFF = re.compile(
    r"\s+of\s+(?:its|their|the|an?)\s+(?:[\w-]+\s+){0,2}?(?:programmes?|programs?|projects?|agenc(?:y|ies)"
    r"|compan(?:y|ies)|firms?|charit(?:y|ies)|NGOs?|banks?|schools?|hospitals?|businesses)\b",
    re.IGNORECASE,
)
_ENDS_LEAVING = re.compile(r"(?:leave|leaving|depart\w*|exit|evacuate|get\s+out)\W*$", re.IGNORECASE)
_DENIED_AFTER = re.compile(
    r"[^.;:!?]{0,40}?\b(?:(?:were|was|has\s+been|have\s+been)\s+denied|but\s+(?:\w+\s+){0,3}?(?:denied|denies)"
    # "Reports that we intend to close the High Commission are without foundation"
    r"|(?:are|is|were|was)\s+(?:without\s+foundation|unfounded|untrue|false|wrong|incorrect|inaccurate))\b",
    re.IGNORECASE,
)


# "... to bring Indian nationals home if required", "will evacuate its staff if necessary"; not the manner of
# leaving: "leave Libya if they could do so safely", "if it is safe to do so".
_CONDITION_AFTER = re.compile(
    r"[\s,\"“”'‘’]*(?:\w+\s+){0,3}?(?:if(?!\s+(?:it\s+is\s+safe|it['’]s\s+safe|they\s+(?:can|could|are\s+able)|possible"
    r"|safe|able|(?:they|you)\s+(?:have|had|has)\s+no\b|(?:their|your)\s+presence))"
    # "... to leave unless they had pressing reasons to stay" says who should leave
    r"|unless(?!\s+(?:they|you|there)\s+(?:have|had|has|is|was)\s+(?:a\s+|an\s+)?(?:pressing|compelling|urgent|essential"
    r"|good|strong))|should\s+(?:it|the\s+(?:situation|violence|fighting|security\s+situation)|things)\s+\w+|in\s+case"
    r"|in\s+the\s+event|only\s+(?:when|once|after)"  # "will reopen the embassy only when it is satisfied"
    # 'an evacuation of the 1,500 Belgians "can no longer be excluded"'
    r"|[\"”’']?\s*(?:can|could)\s*(?:not|no\s+longer)\s+be\s+(?:excluded|ruled\s+out))\b",
    re.IGNORECASE,
)


def classify_status(sentence: str, hit: TriggerHit) -> tuple[Status, str]:
    # "plans to announce on Saturday that all staff will be required to leave": the plan may sit well before
    # the trigger, so the whole clause up to the trigger's end is read (not a clause before it: "Mexico said it
    # would send a plane, and Germany closed its embassy on Friday").
    start = clause_start(sentence, hit.start)
    start = max([start, *(m.end() for m in NEXT_CLAUSE.finditer(sentence, start, hit.start))])
    planned = PLANNED.search(sentence, start, hit.end)
    if planned:
        return Status.PLANNED, planned.group(0)
    # "Bundeswehr evacuation flights for German citizens are to start on Monday", "- Uzbekistan to fly its citizens
    # home on Saturday": a plan told after a noun trigger, or a headline's infinitive
    ahead = (
        _PLANNED_AFTER.match(sentence, hit.end)
        or (_HEADLINE_TO.match(sentence) if hit.start < 60 else None)
        or (_DUE_IN_ROW.search(sentence, hit.end) if "due" in sentence else None)
    )
    if ahead:
        return Status.PLANNED, ahead.group(0).strip()
    reported = REPORTED.search(sentence)
    if reported:
        return Status.REPORTED, reported.group(0)
    return Status.IN_EFFECT, "stated as done"
