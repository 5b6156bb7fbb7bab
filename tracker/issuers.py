"""Who did it, and to which country: issuer and target attribution inside one sentence (pure).

The traps (DESIGN §3) decide the shape: the threat country, places and recipients, the target itself and unnamed
groups all sit next to the trigger, so an actor must be in subject position (nearest eligible name to the left,
extended over a coordinated list) or mark the people or staff concerned ("US citizens", "the Russian embassy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.countries import CountryMatch, MatchKind
from tracker.text import holds_any
from tracker.vocabulary import (
    ADVISE,
    AS_IS_AFTER,
    CITIZENS,
    CLAUSE_BREAK,
    GOVERNMENT_AFTER,
    GOVERNMENT_BEFORE_PREPOSITION,
    GROUP_NOUN,
    GROUP_QUANTIFIER,
    GROUP_TO,
    JOINED_GAP,
    LIST_GAP,
    NOT_GOVERNMENT_AFTER,
    PLACE_BEFORE,
    PRONOUN_SUBJECT,
    STAFF,
    SUBNATIONAL_BEFORE,
)

_OF_THEM = re.compile(r"\b(?:of\s+)?them\b", re.IGNORECASE)
_CITIZEN_WORD = re.compile(rf"\b{CITIZENS}\b", re.IGNORECASE)
_GROUP_AFTER = re.compile(rf"^(?:['’]s\s+)?(?:\w+\s+)?(?:{CITIZENS}|{STAFF}|staffers)\b", re.IGNORECASE)
# ("their citizens of Ukraine" is machine-translated "from Ukraine": a possessive makes the country a place.)
_EMBASSY_OF = re.compile(
    r"\b(?:embassy|consulate|consulate[- ]general|legation|mission|government|ministry|diplomats|personnel"
    r"|(?<!their\s)(?<!its\s)(?<!his\s)citizens"
    r"|(?<!their\s)(?<!its\s)(?<!his\s)nationals|people)\s+of\s+(?:the\s+)?"
    r"(?:(?:Kingdom|Republic|State|Federation)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_DESTINATION_BEFORE = re.compile(
    r"\b(?:to|into|towards?|via|through|by\s+way\s+of)\s+(?:the\s+)?(?:\w+\s+)?$"
    # "at the request of Tokyo": who asked, not where
    r"|\brequest\s+of\s+$"
    # "with a vessel of the Marine that was in the zone of Djibouti": where a ship or plane was, not the target
    r"|\bthat\s+(?:was|were|is|are|had\s+been)\s+(?:\w+\s+){0,2}?(?:in|at|off|near)\s+(?:the\s+)?"
    r"(?:zone|area|waters|region|port|coast|vicinity)\s+of\s+$"
    # "using landing craft from a ship that had been sent down from Djibouti": where the ship came from
    r"|\b(?:that|which)\s+(?:had\s+been|has\s+been|was|were)\s+(?:sent|flown|brought|dispatched|diverted)\s+"
    r"(?:\w+\s+)?(?:from|in)\s+$"
    # "landed them at Beirut": where people were put down; "French warships from Djibouti": where vehicles came from
    r"|\b(?:landed|put|dropped|set)\s+them\s+(?:down\s+)?(?:at|in)\s+$"
    r"|\b(?:warships?|ships?|vessels?|frigates?|aircraft|planes?|helicopters?|troops|forces)\s+(?:based\s+)?(?:from|in)\s+$"
    # "to Kousseri, in Cameroon": the country of a destination named before
    r"|\b(?:to|into|for)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?,\s+in\s+$"
    r"|(?-i:[A-Z])[\w'’-]+,\s+on\s+the\s+(?:\w+\s+)?island\s+of\s+$"
    # "the embassy will work from the Dominican Republic": where it moves to
    r"|\b(?:work|working|operate|operating|run|running|handled|conducted|done)\s+from\s+(?:the\s+)?$"
    # "sailed for Cyprus", "bound for Larnaca": "for" is a target slot elsewhere ("advice for Lebanon")
    r"|\b(?:sail\w*|left|leave|leaving|head\w*|bound|depart\w*|set\s+off|set\s+sail)\s+(?:(?-i:[A-Z])[\w'’-]+\s+)?"
    r"(?:by\s+(?:road|air|sea|land)\s+)?for\s+$"
    # "sending the rest home through New Delhi's mission in Islamabad"
    r"|\b(?:through|via)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:embassy|mission|consulate|high\s+commission)\s+in\s+$"
    # "moved ... to the US embassy in Bogotá", "to the Embassy of Japan in Ghana": the place of the destination
    r"|\bto\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:embass(?:y|ies)|consulates?|office|mission)(?:\s+of\s+\w+)?"
    r"\s+in\s+$"
    # "transports flying thousands to Clark air base in the Philippines"
    r"|\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:air\s*base|base|airport|airfield|camp|port)\s+in\s+(?:the\s+)?$"
    # "were now working out of the US embassy in Kinshasa"
    r"|\b(?:working|operating|based)\s+(?:out\s+of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:(?:embass(?:y|ies)|consulates?|office|mission)\s+in\s+)?$",
    re.IGNORECASE,
)
# A destination goes on over "Bogotá, Colombia" and "Ghana, in Accra".
_DESTINATION_GOES_ON = re.compile(r"^\s*,\s*in\s+(?:the\s+)?$", re.IGNORECASE)
# Where the target of an event stands: "leave Ukraine", "the embassy in Kyiv", "advice for Lebanon".
_TARGET_BEFORE = re.compile(
    r"\b(?:in|from|of|at|for|inside|within|across|leave|leaving|left|exit|exiting|depart\w*|abandon\w*|out\s+of|capital|cities|city"
    r"|(?:return\w*|back)\s+to)"
    r"\s+(?:both\s+|either\s+)?(?:the\s+)?(?:territory\s+of\s+|country\s+of\s+|capital\s+(?:of\s+)?|\w+\s+capital\s+)?$",
    re.IGNORECASE,
)
_NEXT_CLAUSE_AFTER = re.compile(rf"{CLAUSE_BREAK.pattern}|,\s+and\b", re.IGNORECASE)
_NEXT_ADJECTIVE = re.compile(r"^\s*(?:,\s*|\s+and\s+|\s+or\s+)[A-Z]\w+\s+")
# Between listed targets: "Iran and Lebanon", "in Iran and in Lebanon", "Israel, the West Bank or Lebanon".
_TARGET_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:(?:in|from|leave)\s+)?(?:the\s+)?$", re.IGNORECASE
)
# "according to diplomatic sources in Baghdad": where the sources are, not what the act is about.
_SOURCES_IN = re.compile(
    r"\b(?:sources?|correspondents?|reporters?|analysts?|officials|witnesses|according\s+to\s+(?:\w+\s+){0,2}?diplomats?)"
    r"\s+(?:based\s+)?in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VENUE_BEFORE = re.compile(
    r"\b(?:talks|summit|conference|meeting|negotiations|visit|trip|exile|asylum)\s+(?:\w+\s+)?in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# (and companions: "to leave with the Americans", "flew out alongside the Britons")
_APPOSITION = re.compile(
    r",\s+(?:an?|the|its|\w+['’]s)\s+"
    r"(?![^,;]*\b(?:said|says|has|have|had|is|are|was|were|will|would|which|who|told|urged|ordered)\b)[^,;]{1,60},",
    re.IGNORECASE,
)
_COMPARED_BEFORE = re.compile(
    r"\b(?:after|before|than|unlike|like|alongside)\s+(?:the\s+)?$|(?<!along )\bwith\s+the\s+$", re.IGNORECASE
)
_VERB_AFTER = re.compile(
    r"\s+(?:sends?|sent|has|have|had|is|are|was|were|will|would|said|says|told|tells|urged|urges|orders?|ordered)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,", re.IGNORECASE)
_BESIDES_BEFORE = re.compile(r"\b(?:apart\s+from|besides|except(?:\s+for)?|along\s+with)\s+(?:the\s+)?$", re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(
    r",\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:spokes\w+|official|diplomat|source)\b[^,;]*$", re.I
)
_SAID_AFTER = re.compile(r"\s*,?\s*(?:said|say|says|reported|told\s+(?:\w+\s+)?(?:reporters|journalists))\b")
# "leave the country", "returned to Port-au-Prince": the place after these is the target, not somewhere else.
_NOT_A_DESTINATION = re.compile(r"\b(?:leave\s+|(?:return\w*|back)\s+to\s+)(?:the\s+)?$", re.IGNORECASE)
_VERB_FIRST = re.compile(r"\s*(?:said|says|added|announced|told|urged|confirmed|stated)\b", re.IGNORECASE)
_COMMA_WHICH = re.compile(r",\s*(?:which|who)\b", re.IGNORECASE)
_ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_WHOSE_GOVERNMENT = re.compile(r"^(?:\s+and\s+\w+)?\s+whose\s+(?:own\s+)?governments?\b", re.IGNORECASE)
_LISTED_AFTER_INCLUDING = re.compile(
    # "... most of them French but also Lebanese, Belgians, Spaniards and Britons": the others on board
    r"\b(?:including|such\s+as|among\s+them|the\s+rest|but\s+also)\s+(?:(?:[\w,]+\s+){0,6}?(?:[\w,]+\s+)?)?$",
    re.IGNORECASE,
)
_PART_OF_CITY_BEFORE = re.compile(
    r"\b(?:in|at|from|to|near|of)\s+(?:the\s+)?(?:west|east|north|south|central|western|eastern|northern|southern)\s+$",
    re.IGNORECASE,
)
_MISSION_AFTER = re.compile(r"^\s+(?:embass(?:y|ies)|missions?|consulates?|office)\b", re.IGNORECASE)
_CAPITALISED_AFTER = re.compile(r"^\s+[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class Attribution:
    issuers: tuple[str, ...]
    cue: str
    via: str  # subject | object | pronoun
    rejected: tuple[str, ...]


def _before(sentence: str, match: CountryMatch, width: int = 40) -> str:
    return sentence[max(0, match.start - width) : match.start]


def _after(sentence: str, match: CountryMatch, width: int = 50) -> str:
    return sentence[match.end : match.end + width]


def actor_rejection(sentence: str, match: CountryMatch) -> str | None:
    """Why this country mention cannot be a government acting in the sentence, or None if it can."""
    if match.kind is MatchKind.PLACE:
        return "a place, never an actor"
    after = _after(sentence, match)
    before = _before(sentence, match)
    if match.ambiguous and _CAPITALISED_AFTER.match(after):
        return "ambiguous name followed by a capitalised word (a person or another place)"
    if match.ambiguous and SUBNATIONAL_BEFORE.search(before):
        return "ambiguous name after a sub-national office (a state or city of that name)"
    if PLACE_BEFORE.search(before) and not GOVERNMENT_BEFORE_PREPOSITION.search(before):
        return "after a preposition: a place, recipient or topic"
    if match.kind in (MatchKind.METONYM, MatchKind.PLACE) and _MISSION_AFTER.match(after):
        return "a city naming where an embassy is"
    if match.kind in (MatchKind.METONYM, MatchKind.PLACE) and _PART_OF_CITY_BEFORE.search(before):
        return "a part of a city: a place"
    if match.kind is MatchKind.DEMONYM:
        # "the Dutch and Australian embassies": the noun after the last adjective of a list is each one's
        listed = _NEXT_ADJECTIVE.match(after)
        if GOVERNMENT_AFTER.match(after[listed.end() :] if listed else after.lstrip()):
            return None
        return "an adjective of something other than the government"
    if NOT_GOVERNMENT_AFTER.match(after.lstrip()):
        return "names the army, threat or territory, not the government"
    # "the UK's Libya advice", "the Sudan crisis": a name used as the topic of a noun
    if match.kind is MatchKind.NAME and _TOPIC_AFTER.match(after):
        return "the topic of a noun, not an actor"
    return None


def _extend_list(sentence: str, matches: list[CountryMatch], index: int) -> list[CountryMatch]:
    """From the member at `index`, walk left over 'A, B and C' and 'A have joined B' to collect the list.

    A member in a place role ends the walk: "citizens of Ukraine, and Israel announced" is two clauses. Members
    after "including"/"such as" keep their actor role although a preposition precedes them.
    """
    members = [matches[index]]
    current = index
    while current > 0:
        previous = matches[current - 1]
        gap = sentence[previous.end : members[-1].start]
        if not (LIST_GAP.match(gap) or JOINED_GAP.match(gap)):
            break
        if actor_rejection(sentence, previous) is not None and not _is_listed_after_including(sentence, previous):
            break
        members.append(previous)
        current -= 1
    return list(reversed(members))


_INCLUDING = re.compile(r"\b(?:including|such\s+as|like|notably|in\s+particular,?)\s+(?:the\s+)?$", re.IGNORECASE)


def _is_listed_after_including(sentence: str, match: CountryMatch) -> bool:
    """'Several allies including the UK, Canada ...': the list after 'including' is the subject."""
    return bool(_INCLUDING.search(_before(sentence, match)))


@lru_cache(maxsize=64)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    # Every trigger and candidate of a sentence asks for its clause; the breaks are found once per sentence.
    breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(sentence)]
    for m in GROUP_NOUN.finditer(sentence):
        # "Paraguay, one of the 14 states that recognise Taipei, said ...": an apposition, not a new subject
        if _ONE_OF.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        if GROUP_QUANTIFIER.search(sentence, max(0, m.start() - 30), m.start()) or GROUP_TO.match(sentence, m.end()):
            breaks.append((m.start(), m.end() + (3 if GROUP_TO.match(sentence, m.end()) else 0)))
    return tuple(sorted(breaks))


_RELATIVE = re.compile(r",\s*$")


def relative_antecedent_end(sentence: str, position: int) -> int | None:
    """If the clause holding `position` is a relative clause (", which had urged ..."), where its antecedent ends."""
    start = clause_start(sentence, position)
    if start == 0:
        return None
    word = sentence[:start].rstrip()
    if not re.search(r"\b(?:which|who)$", word, re.IGNORECASE):
        return None
    before = word[: -len(word.split()[-1])]
    return len(before.rstrip(" ,")) if _RELATIVE.search(before) else None


def clause_start(sentence: str, position: int) -> int:
    """Where the clause holding `position` begins: just after the last clause break that ends before it."""
    start = 0
    for _begin, break_end in _clause_breaks(sentence):
        if break_end > position:
            break
        start = break_end
    return start


def subject_issuers(sentence: str, matches: list[CountryMatch], trigger_start: int) -> list[CountryMatch]:
    """The nearest eligible actor left of the trigger in its clause, with the list it belongs to.

    Why a neighbour was passed over is explained separately, for --explain only (extract.explain_rejections)."""
    start = clause_start(sentence, trigger_start)
    # (not inside a relative clause closed before the trigger: "Switzerland, which represents U.S. interests in
    # Iran, said it would close its embassy" is Switzerland's)
    asides = [(a.start(), a.end()) for a in _ASIDE.finditer(sentence, 0, trigger_start)] if ", wh" in sentence else []
    # (nor inside an apposition to the sentence's subject: "Iran, Damascus's closest ally after Moscow, has begun")
    if matches and matches[0].kind is MatchKind.NAME and not sentence[: matches[0].start].strip(" \"“‘'"):
        apposition = _APPOSITION.match(sentence, matches[0].end)
        if apposition is not None and apposition.end() <= trigger_start:
            asides.append((apposition.start(), apposition.end()))
            # (the clause the apposition seems to end is the subject's own: "..., has withdrawn")
            if apposition.start() <= start <= apposition.end() + 1:
                start = 0
    candidates = [
        i
        for i, m in enumerate(matches)
        if start <= m.start and m.end <= trigger_start and not any(a < m.start and m.end < b for a, b in asides)
    ]
    for index in reversed(candidates):
        match = matches[index]
        if actor_rejection(sentence, match) is None or _is_listed_after_including(sentence, match):
            members = _extend_list(sentence, matches, index)
            # "The governments of the Netherlands, Latvia and of Norway have called ...": members after the
            # nearest eligible one, joined by the list, are in it although "of" precedes them.
            for following in matches[index + 1 :]:
                if following.end > trigger_start or not LIST_GAP.match(sentence[members[-1].end : following.start]):
                    break
                if following.kind is MatchKind.NAME:
                    members.append(following)
            if members:
                return members
    # "France, which told its nationals to depart "as soon as possible," said its embassy would close": the
    # clause opens with the main verb, whose subject stands before the relative clause.
    if _VERB_FIRST.match(sentence, start, trigger_start):
        commas = [m.start() for m in _COMMA_WHICH.finditer(sentence, 0, start)]
        if commas:
            before = [m for m in matches if m.end <= commas[-1]]
            if before and before[-1].kind is MatchKind.NAME and not sentence[before[-1].end : commas[-1]].strip():
                return _extend_list(sentence, before, len(before) - 1)
    # "Canada and Australia, which had already urged their citizens ...": the antecedent is the subject.
    antecedent_end = relative_antecedent_end(sentence, trigger_start)
    if antecedent_end is not None:
        before = [m for m in matches if m.end <= antecedent_end]
        # "The ship had been chartered by France, which on Sunday told its nationals ...": the antecedent right
        # before ", which" is the subject of the relative clause even after a preposition.
        antecedent = before[-1] if before and before[-1].end == antecedent_end else None
        if (
            antecedent is not None
            and antecedent.kind is MatchKind.NAME
            and not NOT_GOVERNMENT_AFTER.match(_after(sentence, antecedent).lstrip())
        ):
            return _extend_list(sentence, before, len(before) - 1)
        return subject_issuers(sentence, before, antecedent_end)
    return []


def group_issuers(sentence: str, matches: list[CountryMatch], start: int, end: int) -> list[CountryMatch]:
    """Countries that mark the people or staff concerned: "US citizens", "Americans", "the Russian embassy"."""
    found = []
    for match in matches:
        if not (start <= match.start and match.end <= end):
            continue
        after = _after(sentence, match)
        before = _before(sentence, match)
        # "the Kabul embassy" is the embassy in Kabul: only names and demonyms say whose staff or people.
        if match.kind not in (MatchKind.NAME, MatchKind.DEMONYM):
            continue
        # Passengers someone else carries: "a number of Malaysians and Indonesians whose own governments had asked
        # Singapore for help", "Pacific Island nationals, including Tongans and Samoans".
        if ("whose" in after and _WHOSE_GOVERNMENT.match(after)) or (
            (
                "including" in before
                or "such as" in before
                or "among them" in before
                or "the rest" in before
                or "but also" in before
            )
            and (_INCLUDING.search(before) or _LISTED_AFTER_INCLUDING.search(before))
        ):
            continue
        # "pulled its staff out the day after the Americans": a comparison, not the people concerned
        if _COMPARED_BEFORE.search(before):
            continue
        # No preposition test here: "families of US embassy staffers" is one noun phrase, the country inside it.
        is_group_plural = match.kind is MatchKind.DEMONYM and (
            (match.surface.endswith("s") and not after[:1].isalpha())
            or _is_collective(sentence, match)
            # ("carried more than 3,000 Japanese home": a number before a demonym in -ese counts people)
            or (match.surface.endswith("ese") and _COUNT_BEFORE.search(before) is not None)
        )
        if _GROUP_AFTER.match(after.lstrip()) or is_group_plural or _EMBASSY_OF.search(before):
            found.append(match)
    # "The Dutch and Australian embassies": a demonym listed before a group demonym shares its noun.
    for match in reversed(matches):
        if (
            found
            and start <= match.start
            and match.end <= found[0].start
            and match.kind is MatchKind.DEMONYM
            and found[0].kind is MatchKind.DEMONYM
            and LIST_GAP.match(sentence[match.end : found[0].start])
        ):
            found.insert(0, match)
    return found


def has_people(sentence: str, matches: list[CountryMatch], start: int, end: int) -> bool:
    """A leave trigger must name who is told to leave: citizens, nationals, or a demonym plural."""
    # The people may follow the matched words: "bring back about 500 Chinese tourists".
    if _CITIZEN_WORD.search(sentence, start, min(len(sentence), end + 30)):
        return True
    # "a fourth UK government-chartered flight will leave Beirut": such a flight carries the government's people
    if "chartered" in sentence and _GOVERNMENT_TRANSPORT.search(sentence, start, end):
        return True
    # ...as do "Canadian Armed Forces flights from Tel Aviv to Athens"
    if _STATE_FLIGHTS.match(sentence, start):
        return True
    # ...or be named before "of them": "Turkey, which has 25,000 citizens in Libya, has brought 5,000 of them home".
    if _OF_THEM.search(sentence, start, end) and _CITIZEN_WORD.search(sentence, 0, start):
        return True
    # Demonyms name people in the plural, and some plurals end like the adjective: "the remaining Japanese".
    # ...or in the singular after "any" or "every": "to bring home any Israeli who wants to go".
    return any(
        m.kind is MatchKind.DEMONYM
        and start <= m.start < end
        and (
            m.surface.endswith(("s", "ese", "ss"))
            or _ANY_BEFORE.search(sentence, max(0, m.start - 7), m.start)
            or _is_collective(sentence, m)
        )
        for m in matches
    )


def is_group_word(sentence: str, position: int) -> bool:
    """Whether people or staff are named at `position`: "... diplomats", "... citizens", "... embassy"."""
    return _GROUP_AFTER.match(sentence[position:].lstrip()) is not None


def spoken_to_before(sentence: str, position: int) -> bool:
    """Whether the people "them" stands for are whom the government spoke to: "called the remaining Americans in the
    city and told them to leave" (not "cancelled visas held by Pakistani citizens and ordered them to leave")."""
    return _SPOKEN_TO.search(sentence, 0, position) is not None


def _is_collective(sentence: str, match: CountryMatch) -> bool:
    """'the French present there', 'the British in Lebanon': a demonym in -ch or -sh naming the people."""
    before = sentence[max(0, match.start - 4) : match.start]
    # ("about 300 French and other foreigners": a number names people too)
    return (before.lower() == "the " and bool(_COLLECTIVE_AFTER.match(sentence, match.end))) or (
        before[-2:-1].isdigit() and before.endswith(" ") and match.surface in _COLLECTIVE_DEMONYMS
    )


_SPOKEN_TO = re.compile(
    rf"\b(?:{ADVISE}|contact\w*|gather\w*|phon\w*|rang|summon\w*|wrote\s+to)\W+(?:[\w’'-]+\s+){{0,5}}?"
    rf"(?:{CITIZENS}|(?-i:[A-Z][a-z]+(?:s|ese)))\b",
    re.IGNORECASE,
)
_TOPIC_AFTER = re.compile(
    r"\s+(?:travel\s+)?(?:advice|advisory|crisis|conflict|situation|desk|policy|file)\b", re.IGNORECASE
)
_COUNT_BEFORE = re.compile(r"\b\d[\d,]*\s+$")
_COLLECTIVE_DEMONYMS = frozenset(
    {"French", "British", "Dutch", "Irish", "Spanish", "Danish", "Swedish", "Polish", "Finnish", "Turkish", "Swiss"}
)
_COLLECTIVE_AFTER = re.compile(r"\s+(?:present|living|remaining|still|resident|who|in|there)\b")
_STATE_FLIGHTS = re.compile(r"(?:armed\s+forces|air\s+force|military|government)\s+\w*\s*flights?\b", re.IGNORECASE)
_GOVERNMENT_TRANSPORT = re.compile(r"\b(?:government|state|military|air\s+force)[- ]chartered\b", re.IGNORECASE)
_ANY_BEFORE = re.compile(r"\b(?:any|every)\s+$", re.IGNORECASE)


def trailing_issuers(sentence: str, matches: list[CountryMatch], trigger_end: int) -> list[CountryMatch]:
    """'..., as is non-Nato ally New Zealand': actors added after the trigger."""
    for index, match in enumerate(matches):
        if match.start >= trigger_end and AS_IS_AFTER.match(sentence[trigger_end : match.start]):
            members = [match]
            for following in matches[index + 1 :]:
                if LIST_GAP.match(sentence[members[-1].end : following.start]):
                    members.append(following)
                else:
                    break
            return members
    return []


_FIRST_WORD = re.compile(r"\w+")
# "Non-essential staff of the Embassy have been evacuated": a mission named without its country is the one the
# text is about, like a pronoun.
# ...and "our" in a spokesperson's answer: "the families of our diplomatic staff left Ouagadougou yesterday".
_DEFINITE_MISSION = re.compile(
    r"\b(?:of|at|from)\s+the\s+(?:embassy|mission|consulate)\b(?!\s+of\b)"
    r"|\bour\s+(?:[\w-]+\s+)?(?:embassy|mission|consulate|diplomats|diplomatic|staff|personnel|nationals|citizens)\b",
    re.IGNORECASE,
)


def pronoun_subject(sentence: str, trigger_start: int, trigger_end: int | None = None) -> str | None:
    """The pronoun or 'the country' standing as subject before the trigger, if any; 'the embassy' also when the
    trigger starts with it ("The embassy, which has been closed since Sunday, ...") or names it as whose staff."""
    first = _FIRST_WORD.match(sentence, trigger_start)
    clause = sentence[clause_start(sentence, trigger_start) : first.end() if first else trigger_start]
    m = PRONOUN_SUBJECT.search(clause)
    if m:
        return m.group(0).strip(" ,;")
    definite = _DEFINITE_MISSION.search(sentence, trigger_start, trigger_end) if trigger_end else None
    return definite.group(0) if definite else None


def first_actor(sentence: str, matches: list[CountryMatch], exclude: str) -> str | None:
    """The first government-like actor in a sentence: what a pronoun in the next sentence most likely means."""
    for match in matches:
        if match.code != exclude and actor_rejection(sentence, match) is None:
            return match.code
    return None


def trailing_speaker(sentence: str, matches: list[CountryMatch], position: int) -> str | None:
    """The government a sentence is attributed to at its end: "The embassy in Kinshasa was closed on Saturday, the
    Foreign Office in Bonn said" (Bonn's office: a capital after "in" says whose)."""
    said = _SPEAKER_AT_END.search(sentence, position)
    if said is None:
        return None
    inside = [m for m in matches if said.start() <= m.start < said.end()]
    for match in inside:
        before = _before(sentence, match)
        if GOVERNMENT_BEFORE_PREPOSITION.search(before) or _OFFICE_IN.search(before):
            return match.code
    for match in inside:
        if match.kind is not MatchKind.PLACE and actor_rejection(sentence, match) is None:
            return match.code
    return None


# Only at a sentence's end is "the Foreign Office in Bonn" surely the office's seat, not a consular office abroad.
_OFFICE_IN = re.compile(r"\bforeign\s+office\s+in\s+$", re.IGNORECASE)
_SPEAKER_AT_END = re.compile(
    # (the attribution may be followed by what else was said: "..., the Foreign Office said in a statement this
    # afternoon, adding that a further flight would leave on Friday.")
    r",\s+(?:the\s+|its\s+)?[^,;]{0,60}?\b(?:said|says|announced|confirmed|added)\b[^,;]{0,40}"
    r"(?:,\s+(?:adding|saying|noting)\b[^;]{0,120})?$",
    re.IGNORECASE,
)


def institution_owner(sentence: str, matches: list[CountryMatch]) -> str | None:
    """A government named through its institution, wherever it stands: "a friend at the Canadian High Commission
    says they ..." (what a pronoun after it refers to, although a preposition precedes the name)."""
    for match in matches:
        if match.kind in (MatchKind.DEMONYM, MatchKind.NAME) and GOVERNMENT_AFTER.match(
            _after(sentence, match).lstrip()
        ):
            return match.code
    return None


def find_targets(
    sentence: str,
    matches: list[CountryMatch],
    trigger_start: int,
    issuers: set[str],
    default: str,
    trigger_end: int | None = None,
) -> list[tuple[str, str]]:
    """The country the event is about (see _find_target), and the countries listed with it: "urged Poles in Iran
    and in Lebanon to leave both"."""
    limit = _clause_limit(sentence, trigger_end)
    code, cue, first = _find_target(sentence, matches, trigger_start, issuers, default, limit)
    # "flew 180 Poles home from Amman after they were bused out of Israel", "to bring home Germans who had crossed
    # from Israel into Jordan": where the people came from before the transit is what they left.
    if trigger_end is not None and holds_any(sentence, _CROSSED_WORDS):
        origin = _crossed_from(sentence, matches, trigger_end, issuers)
        if origin is not None and origin.code != code:
            return [(origin.code, f"'{origin.surface}' (where the people crossed from)")]
    targets = [(code, cue)]
    if first is None:
        return targets
    previous = first
    for match in matches:
        if match.start <= first.start:
            continue
        if match.start >= limit or not _TARGET_LIST_GAP.match(sentence[previous.end : match.start]):
            break
        # "... to leave Panama, Mexico sends airplane": a name followed by its verb starts a clause of its own
        if _VERB_AFTER.match(sentence, match.end):
            break
        if match.kind is not MatchKind.DEMONYM and match.code not in issuers and match.code != code:
            targets.append((match.code, f"'{match.surface}' (listed with '{first.surface}')"))
        previous = match
    return list(dict.fromkeys(targets))


def _crossed_from(
    sentence: str, matches: list[CountryMatch], trigger_end: int, issuers: set[str]
) -> CountryMatch | None:
    for match in matches:
        if match.code in issuers or match.kind is MatchKind.DEMONYM:
            continue
        before = sentence[max(0, match.start - 50) : match.start]
        # (after the trigger: "... after they crossed from Israel"; anywhere: "had been taken by coach from Israel
        # ..., where a military aircraft flew them home from Amman")
        if (match.start >= trigger_end and _CROSSED_FROM.search(before)) or _TAKEN_FROM.search(before):
            return match
    return None


_CROSSED_FROM = re.compile(
    r"\b(?:they|who)\s+(?:had\s+|have\s+)?(?:been\s+|were\s+)?(?:crossed|bused|bussed|driven|taken|come|made\s+their\s+way)"
    r"\s+(?:\w+\s+){0,3}?(?:from|out\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_CROSSED_WORDS = ("crossed", "bused", "bussed", "driven", "taken", "brought", "moved", "made their way", " come ")
_TAKEN_FROM = re.compile(
    r"\b(?:been|were|was)\s+(?:taken|bused|bussed|driven|brought|moved)\s+(?:by\s+(?:coach|bus|road|car|convoy)\s+)?"
    r"(?:from|out\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _clause_limit(sentence: str, trigger_end: int | None) -> int:
    """Where the trigger's clause ends: "..., and that the first group would be flown home from Addis Ababa",
    "... to leave voluntary Because of the threat from Russia" are about other things."""
    after = _NEXT_CLAUSE_AFTER.search(sentence, trigger_end) if trigger_end is not None else None
    # "a plane for Spaniards who wish to leave Honduras": the relative clause says where the people leave.
    if after is not None and (wish := _WHO_WISH_TO_LEAVE.match(sentence, after.start())):
        after = _NEXT_CLAUSE_AFTER.search(sentence, wish.end())
    return after.start() if after else len(sentence)


_LAND_AFTER = re.compile(r"\s+(?:territory|soil)\b", re.IGNORECASE)
_WHO_WISH_TO_LEAVE = re.compile(
    r"who\s+(?:wish|want|choose|chose|need|intend|plan)\w*\s+to\s+(?:leave|depart|get\s+out\s+of)\b", re.IGNORECASE
)


def _find_target(
    sentence: str,
    matches: list[CountryMatch],
    trigger_start: int,
    issuers: set[str],
    default: str,
    limit: int,
) -> tuple[str, str, CountryMatch | None]:
    """After the trigger, a place in a target slot ("leave X", "in X", "the Kabul embassy"), never a destination
    ("moved to Doha", "flights to Warsaw") or a bare name elsewhere; else one named before the trigger in its clause;
    else `default`. With the match when it came after the trigger (where a list of targets may go on)."""
    previous_destination: CountryMatch | None = None
    for match in matches:
        # ("left the Venezuelan territory": a demonym naming the land is a place)
        land = match.kind is MatchKind.DEMONYM and _LAND_AFTER.match(sentence, match.end) is not None
        if match.start < trigger_start or match.code in issuers or (match.kind is MatchKind.DEMONYM and not land):
            continue
        if match.start >= limit:
            break
        before = _before(sentence, match)
        # "out of the country through Ethiopia and Egypt": a list that continues a destination is one too.
        gap = sentence[previous_destination.end : match.start] if previous_destination is not None else ""
        if previous_destination is not None and (LIST_GAP.match(gap) or _DESTINATION_GOES_ON.match(gap)):
            previous_destination = match
            continue
        previous_destination = None
        if _DESTINATION_BEFORE.search(before) and not _NOT_A_DESTINATION.search(before):
            previous_destination = match
            continue
        # "apart from the india, germany ... have started to take their citizens out of juba": not the target
        if _BESIDES_BEFORE.search(before):
            continue
        # "..., officials in Tokyo said": where a government sits, not what its act is about; "..., a spokesman at
        # the French embassy in Nairobi said": where the speaker is.
        if GOVERNMENT_BEFORE_PREPOSITION.search(before) or _SOURCES_IN.search(before):
            continue
        if _SAID_AFTER.match(_after(sentence, match)) and _SPEAKER_BEFORE.search(sentence, 0, match.start):
            continue
        # ("its citizens on Bougainville": an island is a place one is on)
        if _TARGET_BEFORE.search(before) or (match.kind is MatchKind.PLACE and before.endswith(" on ")):
            return _shared_name(match, default), f"'{match.surface}'", match
        if match.kind in (MatchKind.PLACE, MatchKind.METONYM) and _MISSION_AFTER.match(_after(sentence, match)):
            return match.code, f"'{match.surface}' (the mission's city)", match
    # "The German embassy in Kyiv reduced its staff", "raised its alert for all of Ukraine, calling on nationals
    # in the country to leave": the country was named before the trigger, in a target slot.
    # Only in the trigger's own clause, and not where the name locates a government ("the ministry in Ankara").
    clause = clause_start(sentence, trigger_start)
    for index in range(len(matches) - 1, -1, -1):
        match = matches[index]
        if match.end > trigger_start or match.start < clause or match.code in issuers:
            continue
        if match.kind is MatchKind.DEMONYM:
            continue
        before = _before(sentence, match)
        # "across the border to Bujumbura, in Burundi, and the embassy was closed": a destination goes on
        prior = matches[index - 1] if index else None
        if (
            prior is not None
            and _DESTINATION_GOES_ON.match(sentence[prior.end : match.start])
            and _DESTINATION_BEFORE.search(_before(sentence, prior))
        ):
            continue
        if (
            (_TARGET_BEFORE.search(before) or (match.kind is MatchKind.PLACE and before.endswith(" on ")))
            and not GOVERNMENT_BEFORE_PREPOSITION.search(before)
            and not _SOURCES_IN.search(before)
            and not _DESTINATION_BEFORE.search(before)
            # "Diplomats in Islamabad said Italy had ...": where the speakers are
            and not _SAID_AFTER.match(_after(sentence, match))
            and not _BESIDES_BEFORE.search(before)
            # "while Taylor was at peace talks in Accra, Washington ordered ...": where something else happened
            and not _VENUE_BEFORE.search(before)
        ):
            return _shared_name(match, default), f"'{match.surface}' (named before the trigger)", None
    return default, "default target", None


# Short names two states share: in an article about one of them, the bare name means that one ("leave the Congo"
# in a story datelined Léopoldville).
_SHARED_NAMES: dict[str, frozenset[str]] = {
    "Congo": frozenset({"CD", "CG"}),
    "Korea": frozenset({"KR", "KP"}),
    "Guinea": frozenset({"GN", "GW", "GQ"}),
}


def _shared_name(match: CountryMatch, default: str) -> str:
    sharing = _SHARED_NAMES.get(match.surface.removeprefix("the ").removeprefix("The "))
    return default if sharing is not None and default in sharing else match.code


def explain_rejections(sentence: str, matches: list[CountryMatch], start: int, chosen: set[str]) -> list[str]:
    """Why each other country named in the sentence is not an issuer of the trigger at `start`."""
    clause = clause_start(sentence, start)
    reasons = []
    for match in matches:
        if match.code in chosen:
            continue
        if match.start < clause:
            reason = "in another clause"
        elif match.start >= start:
            reason = "after the trigger (object, place or target)"
        else:
            reason = actor_rejection(sentence, match) or "not next to the trigger"
        reasons.append(f"{match.surface}: {reason}")
    return reasons
