"""Trigger, cue and filter vocabulary for the extractor, as data compiled once (DESIGN §3, §8).

Each group says why it exists. Patterns run on one sentence at a time; verbs are matched case-insensitively
because machine-translated text capitalises at random ("Once again the United States advise citizens ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.records import EventType

_I = re.IGNORECASE

# People a government tells to leave. Demonym plurals ("Americans") are recognised through the gazetteer.
CITIZENS = (
    r"(?:citizens|nationals|compatriots|expatriates|expats|passport[- ]holders|people|nationals"
    r"|residents|travell?ers|subjects|students|tourists|workers|pilgrims|holidaymakers|visitors|traders"
    r"|businesspeople|seafarers|doctors|medics|nurses|passengers|specialists|technicians|engineers|experts"
    r"|missionaries|women\s+and\s+children|ressortissants"  # (French for nationals, left so by translation)
    # "advising those whose presence is not essential to leave"
    r"|those(?=\s+(?:among\s+them\s+)?(?:whose|who)\b))"
)
# Verbs and verb phrases of advice or order, in every inflection.
ADVISE = (
    # verbs only: "recommendation", "advisory", "urgent" and "orderly" are not advice given
    r"(?:advis(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?(?:\s+(?:on|upon))?|tell\w*|told|ask\w*"
    r"|order(?:s|ed|ing)?|recommend(?:s|ed|ing)?|instruct\w*|invit(?:e|es|ed|ing)"
    r"|encourag\w*|press(?:ed|es|ing)|appeal\w*\s+to|warn\w*|direct\w*|requir\w*|demand\w*|remind\w*|reiterat\w*"
    r"|arrang\w*\s+for|help\w*)"
)
# A capitalised plural, checked against the gazetteer's demonyms later ("Americans", "Britons"); case stays on.
# (not the countries whose names end like a plural: "flew in from Barbados")
_PEOPLE = (
    r"(?-i:(?!(?:Barbados|Bahamas|Honduras|Philippines|Netherlands|Comoros|Seychelles|Maldives|Emirates|States|Islands"
    r"|Cyprus|Laos|Mauritius|Tunis|Paris|Athens|Brussels|Lagos|Caracas|Damascus|Texas|Addis|Aires|Angeles|Dallas"
    r"|Charles|James|Thomas)\b)[A-Z][a-z]+(?:s|ese|ss)\b|Thai"
    # "told every American still in Iran to leave": the singular after "every" or "any"
    r"|(?<=every\s)[A-Z][a-z]+(?:an|ese|ish|i)\b|(?<=any\s)[A-Z][a-z]+(?:an|ese|ish|i)\b"
    # the people a collective demonym names: "the French present there", "the British in Lebanon"
    r"|(?<=[Tt]he\s)(?:French|British|Dutch|Irish|Spanish|Danish|Swedish|Polish|Finnish|Turkish|English|Welsh)"
    r"(?=\s+(?:present|living|remaining|still|resident|who|in|there)\b))"
)
_LEAVE = (
    r"[\"“‘']?(?:leave|depart(?!ment)|exit|get\s+out|evacuate|go\s+home|quit(?=\s+(?:the\s+)?(?:country|territory|(?-i:[A-Z])))|abandon(?:ing)?(?=\s+(?:the\s+country|(?-i:[A-Za-z]))\w*)"
    r"|take\s+(?:the\s+)?(?:next|first)\s+(?:available\s+)?(?:commercial\s+)?(?:flight|plane)\s+out"
    r"|take\s+(?:up\s+)?(?:the\s+)?(?:seats|places|a\s+seat|a\s+place)(?:\s+\w+)?\s+on|return\s+home"
    r"|return\s+to\s+their\s+(?:home\s+)?country"
    # "advised Indian nationals ... to return to India" (the extractor checks the place is the issuer's own)
    r"|return\s+to\s+(?-i:[A-Z])[\w'’-]+)"
)
# A few words between an article and the people: "the roughly 600 Indian nationals", "its estimated 13,000 workers".
_FEW = r"(?:[\w,.’'-]+\s+){0,3}?"
# Staff whose withdrawal is a drawdown. Troops and trainers are deliberately absent: they are not diplomats.
STAFF_PEOPLE = (
    r"(?:staff(?:ers|ing)?|(?<!medical\s)(?<!military\s)personnel|personal|diplomats?|diplomatic\s+(?:staff|personnel|corps)|employees"
    # ("Germans on the island, most of them engineers and their families": citizens' families; "diplomats and
    # their families" starts at "diplomats")
    r"|(?<!their\s)family\s+members|(?<!their\s)families|dependents|dependants"
    # "the wives and children of the American legation staff"
    r"|(?:(?:wives|spouses)\s+and\s+children|relatives)"
    r"(?=\s+of\s+(?:members\s+of\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:staff|diplomats|officials|personnel|employees))"
    r"|non-?(?:essential|emergency)\s+(?:staff|personnel|employees)"
    # machine translation: "the members of family of the American agents", "the employees not essential"
    r"|members\s+of\s+family(?=\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:agents|staff|diplomats|personnel|officials))"
    r"|(?:employees|personnel|staff)\s+(?:not\s+essential|non-?essential)"
    # "the German embassy people flew out", "diplomats' wives and children"
    r"|(?<=embassy\s)people|diplomats['’]\s+(?:wives|families|spouses|dependants)(?:\s+and\s+children)?)"
)
# ...and the places they work, for "evacuate its embassy" (never for "the embassy urged citizens to leave").
STAFF = (
    rf"(?:{STAFF_PEOPLE}|embassy|embassies|high\s+commissions?|(?:foreign|diplomatic)\s+missions?"
    r"|diplomatic\s+presence)"
)
# Filler inside a trigger that must not run over the citizens being told something: "the embassy urged
# nationals to leave" is a leave advisory, not staff leaving.
# Nor over a new subject ("diplomats in Yerevan, Poland has quietly sent home ..."); "all but" is no "but".
_NOT_CITIZENS = (
    r"(?:(?!citizens|nationals|compatriots|residents|\bsa(?:id|ys|y)\b|,\s+and\b|(?<!all\s)\bbut\b"
    r"|,\s+(?-i:[A-Z])\w*\s+(?:has|have|had|is|are|was|were|will|said)\b)[^.;:!?])"
)
# Filler that stays in one clause: "Britain resumed ... embassy last month, and Canada's embassy resumed" is two.
_SAME_CLAUSE = r"(?:(?!,\s+and\b|\bbut\b|\bwhile\b|\bsaid\b)[^.;:!?])"
# ...and for a return, not over a second verb: "closed its embassy on Monday and reopened it the next day".
_RETURN_CLAUSE = r"(?:(?!,\s+and\b|\band\s+\w+ed\b|\bbut\b|\bwhile\b|\bsaid\b)[^.;:!?])"
# Filler that stays within one event: "its embassy ... on Monday, almost 21 months after it closed the mission"
# is a reopening followed by an earlier closure, not an embassy that closed.
_ONE_EVENT = (
    r"(?:(?!\b(?:after|before|when|since|until)\b|\b(?:said|says|tells|told)\b(?!\s+(?:on\s+\w+\s+)?(?:that\s+)?it\b)|,\s+and\b"
    r"|\bas\s+(?:the\s|a\s|an\s|(?-i:[A-Z])))[^.;:!?])"
)
# ("to review evacuation plans for staff" withdraws nobody: see the look-ahead after the verbs in withdraw-staff)
_WITHDRAW = (
    r"(?:withdr[ae]w\w*|withdrawal|evacuat\w*|airlift\w*|scal\w+\s+back|scal\w+\s+down"
    r"|pull(?:s|ed|ing)?\s+(?:out|part\s+of|some\s+of|most\s+of)|reduc\w*|reduction|cut(?:s|ting)?\s+(?:back|down)?"
    r"|draw(?:s|ing|n)?\s+down|drew\s+down|drawdown|optimi[sz]\w*|sen[dt]\w*\s+(?:home|out|away)"
    r"|(?:ordered|authori[sz]ed)\s+departure|exit(?=\s+of\s)"
    # 'authorising what it calls "voluntary departure"'
    r"|authori[sz]\w*\s+(?:what\s+it\s+calls\s+|their\s+|the\s+)?[\"“]?(?:voluntary|ordered|authori[sz]ed)\s+departure"
    # "to fly out its non-essential diplomats"; the possessive keeps out companies "flying out non-essential employees"
    r"|fl(?:y|ew|own|ying)\s+out\s+(?:its|their|his|her|(?:diplomats|staff)(?=['’])|the(?=\s+famil))"
    r"|departure)"
)
# Where an embassy moves to: a capitalised place, possibly "a temporary office in Lviv".
_DESTINATION = (
    r"(?:(?:to|into|across\s+the\s+(?:border|river|lake|bay|strait)\s+(?:to|into))\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:temporary|new|western|interim|makeshift)\s+)*"
    r"(?:(?:[\w-]+\s+)?(?:office|offices|premises|location|base|city\s+of)\s+(?:in\s+)?)?(?-i:[A-Z])"
    r"|to\s+the\s+(?:city|capital|port|south|north|east|west)\b)"
)
_EMBASSY = (
    # "delegation": the EU's embassies are its delegations
    # ("legation": the older word for a lesser embassy)
    r"(?:embass(?:y|ies)|legations?|consulates?|high\s+commissions?|chancery|chancelleries|chancellery|delegations?"
    # (not "their training missions" or a peacekeeping mission: soldiers are not diplomats)
    r"|diplomatic\s+(?:missions?|presence|operations)|(?<!training\s)(?<!military\s)(?<!peacekeeping\s)missions?"
    # "transferred its Afghanistan operations to Doha": a country's name before "operations" is its mission there.
    r"|consular\s+(?:services|operations)|(?-i:[A-Z]\w+)\s+operations)"
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One way the text says an event happened; `name` shows up in --explain."""

    name: str
    event_type: EventType
    pattern: re.Pattern[str]
    # The act's verb ends the match ("The French embassy, which shut its doors on 6 September, reopened"): date
    # cues are measured from the verb, so a cue inside a clause before it belongs to that clause.
    verb_at_end: bool = False
    # Counts only right after a sentence that reported this type: "withdrew that advice" lifts the advice to
    # leave the sentence before gave.
    after: EventType | None = None
    # Whether a match overlapping an act it reverses means only the reversal was said ("withdrew its call on
    # citizens to leave"); not for "diplomats returned to Ankara", which may be going home.
    undoes: bool = True


def _t(
    name: str,
    event_type: EventType,
    pattern: str,
    *,
    verb_at_end: bool = False,
    after: EventType | None = None,
    undoes: bool = True,
) -> Trigger:
    return Trigger(name, event_type, re.compile(pattern, _I), verb_at_end, after, undoes)


TRIGGERS: tuple[Trigger, ...] = (
    # "advised its citizens to leave", "urged all Americans in Ukraine to leave"
    _t(
        "advise-citizens-to-leave",
        EventType.LEAVE_ADVISORY,
        rf"\b{ADVISE}\b\W+(?:[\w.,’'-]+\s+){{0,5}}?(?:{CITIZENS}|{_PEOPLE})\b(?:[^.;:!?]|\.(?=\s+[a-z])){{0,110}}?\bto\s+"
        # "... to leave", "... to take up the French offer and leave"
        rf"(?:(?:\w+\s+)?|[^.;:!?]{{0,40}}?\band\s+){_LEAVE}\b",
    ),
    # "called the remaining private Americans in the city ... and told them plainly to leave" (the extractor checks
    # that the sentence names the people before)
    _t(
        "advise-them-to-leave",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:told|tell|tells|urged|urges?|advised|advises?|asked|ordered|instructed|warned)\s+them\s+"
        rf"(?:\w+\s+){{0,2}}?to\s+{_LEAVE}\b",
    ),
    # "all Americans should leave", "Britons were urged to leave"
    _t(
        "citizens-should-leave",
        EventType.LEAVE_ADVISORY,
        # ('Irish citizens in Tunisia who do not have an essential reason to be there "should leave"')
        rf"\b(?:{CITIZENS}|{_PEOPLE})\b[^.;:!?]{{0,70}}?[\"“‘']?\b(?:should|must|need\s+to|have\s+to|are\s+to"
        rf"|(?:are|were|have\s+been|had\s+been|being)\s+(?:\w+\s+)?[\"“‘']?{ADVISE}\s+(?:[\w’'-]+\s+){{0,6}}?to"
        rf"|(?:told|urged|advised|asked|ordered|instructed)\s+to)\s+(?:\w+\s+)?(?:{_LEAVE}\b|go\b(?=\s*[.,;]|\s+home))",
        verb_at_end=True,
    ),
    # Official advice speaks to its readers: "If you're in Ukraine, you should leave now". Only counted where the
    # document's publisher is known (an official source), which then is the issuer.
    _t(
        "you-should-leave",
        EventType.LEAVE_ADVISORY,
        rf"\byou\s+(?:should|must|need\s+to|are\s+(?:strongly\s+)?(?:advised|urged|encouraged)\s+to)\s+(?:\w+\s+)?"
        rf"{_LEAVE}\b",
    ),
    # "the Netherlands issued a similar call the same day", "Canada followed suit": the event type is the one just
    # reported (the extractor resolves it from the sentence or the one before).
    _t(
        "same-again",
        EventType.LEAVE_ADVISORY,
        r"\b(?:(?:issued|made|sent|gave|published)\s+(?:a\s+)?similar\s+(?:call|appeal|advice|warning|order|request)"
        # "Gave its citizens the same advice a day after Estonia"
        r"|(?:issued|gave|sent)\s+(?:its|their)\s+(?:citizens|nationals|people)\s+the\s+same\s+(?:advice|call|warning)"
        # "Lisbon had issued that advice on Saturday": the advice just reported
        r"|(?:had\s+)?(?:issued|given|made)\s+(?:that|this)\s+(?:advice|recommendation|call)"
        # "the Canadians have now been told the same"
        r"|been\s+told\s+the\s+same"
        r"|followed\s+suit|did\s+(?:the\s+same|likewise)|(?:started|began|begun|been)\s+doing\s+the\s+same|join(?:s|ed)?\s+in\b"
        # a bare "follow" with nothing it could be following to: "Whitehall follows.", "followed on Wednesday"
        r"|follow(?:s|ed)?(?=\s*(?:[.,;:\"“]|$|\s+(?:on|later|shortly|soon|within|in\s+the\s+coming|the\s+same|days?\s+later"
        r"|the\s+next\s+day|the\s+following\s+day|with\s+(?:its|their)\s+own)\b)))",
    ),
    # Machine translation puts the people after "to": "recommended to the Argentines that leave Lebanon"
    _t(
        "advise-to-people",
        EventType.LEAVE_ADVISORY,
        # ("recommends, since Saturday, to the American citizens of leave Haiti": "de quitter" word for word)
        # ("recommended this Thursday to the Brazilian residents in Guinea-Bissau that they leave the country")
        rf"\b{ADVISE}(?:,[^,.;]{{1,25}},|\s+(?:this|last|on)\s+\w+|\s+(?:also|too|again))?\s+to\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE})\b"
        rf"[^.;:!?]{{0,40}}?\b(?:that|to|of)\s+(?:\w+\s+)?{_LEAVE}\b",
    ),
    # "recommends that Lithuanian citizens leave the country"
    _t(
        "advise-that-citizens-leave",
        EventType.LEAVE_ADVISORY,
        rf"\b{ADVISE}[\"”’']?(?:\s+(?:on\s+)?\w+){{0,2}}?\s+that\s+(?:[\w.’'-]+\s+){{0,4}}?(?:{CITIZENS}|{_PEOPLE})\b[^.;:!?]{{0,60}}?\b"
        rf"(?:should\s+|must\s+|shall\s+)?(?:immediately\s+)?(?:leave|depart(?!ment))\b",
    ),
    # "withdrew the recommendation it made on December 5 that Japanese tourists ... leave the Philippines"
    _t(
        "recommendation-that-people-leave",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:recommendation|advice|call)\s+it\s+(?:had\s+)?(?:made|issued|gave)\s+(?:on\s+[\w ]{{1,20}}?\s+)?"
        rf"that\s+"
        rf"(?:[\w.’'-]+\s+){{0,4}}?(?:{CITIZENS}|{_PEOPLE})\b[^.;:!?]{{0,60}}?\b(?:should\s+)?(?:leave|depart(?!ment))\b",
    ),
    # "Canadian Armed Forces flights from Tel Aviv to Athens began on Thursday": a state's own flights out
    _t(
        "state-flights-from",
        EventType.LEAVE_ADVISORY,
        r"\b(?:armed\s+forces|air\s+force|military|government)\s+(?:evacuation\s+|charter\s+|repatriation\s+)?flights?"
        r"\s+(?:out\s+)?from\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])\w+)?\s+to\s+(?-i:[A-Z])\w+",
    ),
    # "called for the withdrawal of their citizens", "announced the evacuation of its nationals"
    _t(
        "withdrawal-of-citizens",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:withdrawal|evacuation|departure|repatriation|exit)\s+(?:by\s+(?:road|air|sea)\s+)?of\s+(?:all\s+)?(?:its|their|the|[\w.]+)\s+"
        # (the noun's own people: not "the departure of the British, only the Italians ...")
        rf"(?:[\w.’'-]+\s+){{0,3}}?(?:{CITIZENS}|{_PEOPLE})\b",
    ),
    # "Spain evacuates its compatriots"
    _t(
        "evacuate-citizens",
        EventType.LEAVE_ADVISORY,
        # (not the noun as a subject: '"evacuation would only encourage those who want the Russians gone"')
        rf"\b(?:evacuat\w*|repatriat\w*|airlift\w*|fly\s+out|flew\s+out|flown\s+out)"
        rf"(?!\s+(?:would|will|could|might|is|was|has|had|can|may)\b)\s+"
        rf"(?:(?:some|all|many|most|part|hundreds|thousands)\s+of\s+)?(?:all\s+)?(?:its|their|the|of\s+)?\s*"
        rf"{_FEW}(?:{CITIZENS}|{_PEOPLE})\b",
    ),
    # "sent planes to bring home its nationals", "began flying US citizens out", "repatriation flights for nationals"
    _t(
        "bring-citizens-home",
        EventType.LEAVE_ADVISORY,
        # ("flights" is no verb: "flights arranged by the Chinese government")
        rf"\b(?:bring\w*|brought|fl(?:y|ies|ying|ew)|flown|ferr\w*|carr\w*|ship(?:s|ped|ping)?|return(?:s|ed|ing)?"
        rf"|transport(?:ed|ing))\s+(?:home\s+|back\s+|out\s+|away\s+)?"
        # ("more than 4,500 of its nationals", "tens of thousands of Filipino workers")
        rf"(?:all\s+)?(?:(?:more\s+than|over|nearly|almost|about|some|around)\s+)?"
        rf"(?:(?:tens\s+of\s+)?(?:thousands|hundreds|dozens)\s+of\s+)?"
        rf"(?:its|their|the|some|about\s+\d[\d,]*|\d[\d,]*|[\w.]+)\s+{_FEW}"
        rf"(?:{CITIZENS}|{_PEOPLE})\b(?:[^.;:!?]{{0,40}}?\b(?:home|out|back|to\s+safety))?"
        # people right after the verb: "will begin ferrying Americans who want to leave" (not "carried Britons,
        # Canadians and Australians", passengers someone else carried)
        rf"|\b(?:ferr(?:y|ies|ied|ying)|bring(?:s|ing)?|brought|fl(?:y|ies|ying|ew)|flown)\s+(?:home\s+|out\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE})\b(?=\s+(?:who|home|out|back|to\s+safety))"
        # "Washington began lifting its citizens out on Thursday"
        rf"|\blift(?:s|ed|ing)?\s+(?:(?:its|their|the)\s+)?{_FEW}(?:{CITIZENS}|{_PEOPLE})\s+out\b"
        # "a chartered ship that took about 1,000 Lebanese home"
        rf"|\b(?:took|take|takes|taken|taking)\s+(?:about\s+|some\s+|more\s+than\s+|nearly\s+)?(?:\d[\d,]*\s+)?{_FEW}"
        rf"(?:{CITIZENS}|{_PEOPLE})\s+home\b"
        # "Germany, which has a few dozen citizens in Tajikistan, flew them out"
        rf"|\b(?:fl(?:ew|own)|brought|airlifted|evacuated|took)\s+them\s+(?:all\s+)?(?:out|home)\b"
        # "has brought more than 5,000 of them home": the people were named just before
        rf"|\b(?:bring\w*|brought|fl(?:y|ies|ying|ew)|flown)\s+(?:[\w,]+\s+){{0,3}}?of\s+them\s+(?:home|out|back)\b",
    ),
    # "a frigate carried more than 120 Chinese citizens out of Aden", "took 100 British nationals out of Tripoli"
    # "to bring home Spaniards who wished to leave", "will fly Argentines stranded in Cusco home"
    _t(
        "bring-home-people",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:bring\w*|brought|fl(?:y|ew|own|ying)|took|taken|taking)\s+(?:(?:home|back|out)\s+(?:[\w.,-]+\s+){{0,4}}?(?:{CITIZENS}|{_PEOPLE})\b"
        rf"|(?:{CITIZENS}|{_PEOPLE})\b[^.;:!?]{{0,40}}?\b(?:home|out\s+of|back|to\s+safety)\b"
        # "has been flying Belgians out since Wednesday"
        rf"|(?:{CITIZENS}|{_PEOPLE})\s+out\b)"
        # "navy ships carrying Indians to Cyprus", "a Greek ship took some 400 Greek nationals to Piraeus"
        rf"|\b(?:carr\w*|ferr\w*)\s+(?:{CITIZENS}|{_PEOPLE})\s+to\s+(?-i:[A-Z])\w*"
        rf"|\b(?:carr\w*|ferr\w*|took|taken)\s+(?:some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+)?\d[\d,]*\s+"
        rf"(?:[\w-]+\s+)?(?:{CITIZENS}|{_PEOPLE})(?:,[^,.;:!?]{{1,50}},)?\s+to\s+(?-i:[A-Z])\w*"
        # "two road convoys to Yerevan, on Sunday and Monday, carrying about 170 Americans"
        rf"|\b(?:convoys?|buses|coaches|planes?|flights?|ships?|aircraft|helicopters?|ferr(?:y|ies))\b[^.;:!?]{{0,60}}?"
        rf"\bcarrying\s+(?:about\s+|some\s+|more\s+than\s+|nearly\s+|over\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE})\b"
        # "to bring home any Israeli who wants to go"
        rf"|\bbring\s+home\s+(?:any|every)\s+(?-i:[A-Z])[a-z]+\s+who\b",
    ),
    _t(
        "take-citizens-out",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:take|took|taken|taking|carried|carrying|flew|flying|ferr\w+|airlifted|moved|moving|evacuated|help\w*"
        rf"|bus(?:s)?(?:ed|ing))\s+"
        rf"(?:[\w,.-]+\s+){{0,6}}?(?:{CITIZENS}|{_PEOPLE})\b[^.;:!?]{{0,70}}?"
        rf"\b(?:out\s+of|home\s+from|to\s+safety|get\s+out|from\s+(?-i:[A-Z])|to\s+the\s+(?:[\w-]+\s+)?border"
        # "moved 211 Chinese citizens across the Chari river to Kousseri"
        rf"|across\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:river|border|bridge|lake|sea))"
        # "The French navy took off 60 French citizens and about 200 other foreigners from a beach"
        rf"|\b(?:took|taken|taking)\s+off\s+(?:about\s+|some\s+|more\s+than\s+)?\d[\d,]*\s+{_FEW}(?:{CITIZENS}|{_PEOPLE})\b"
        # "A French navy ship took about 300 French and other foreigners off at Aden's oil harbour"
        rf"|\b(?:took|taken|taking)\s+(?:about\s+|some\s+|more\s+than\s+)?\d[\d,]*\s+(?:{CITIZENS}|{_PEOPLE}"
        rf"|(?-i:French|British|Dutch|Irish|Swiss|Spanish|Danish|Swedish|Polish|Finnish|Turkish))\b[^.;:!?]{{0,30}}?\boff\b"
        # "have also been moving their citizens out through Port Sudan"
        rf"|\b(?:mov|gett?|got|pull)\w*\s+(?:its|their)\s+{_FEW}(?:{CITIZENS}|{_PEOPLE})\s+out\b"
        # machine translation: "already had removed more than 200 citizens through Cyprus"
        rf"|\bremov(?:ed|es|ing)\s+(?:[\w()]+\s+){{0,4}}?\d[\d,]*\s+(?:{CITIZENS}|{_PEOPLE})\b",
    ),
    # "will charter a plane on Saturday for Spaniards who wish to leave", "a flight chartered by Rome lands at
    # Fiumicino with 23 Italians", "a navy vessel would call at Jounieh to take off French nationals"
    _t(
        "transport-for-people",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:charter\w*|la(?:y|id|ying)\s+on|organi[sz]\w*|arrang\w*|operat\w*|run|runs|running|ran)\s+"
        rf"(?:(?:a|an|two|three|several|more|special|extra)\s+)*"
        rf"(?:[\w-]+\s+)?(?:planes?|flights?|aircraft|ships?|ferr(?:y|ies)|buses|convoys?|boats?|shuttles|airlifts?)\b"
        rf"[^.;:!?]{{0,90}}?"
        rf"\b(?:for|to\s+(?:bring|fly|take|carry)(?:\s+home|\s+back)?)\s+(?:[\w-]+\s+){{0,2}}?(?:{CITIZENS}|{_PEOPLE})\b"
        rf"|\bto\s+take\s+off\s+(?:[\w-]+\s+){{0,2}}?(?:{CITIZENS}|{_PEOPLE})\b"
        # "Ship chartered for the Lebanese community"
        rf"|\b(?:ships?|planes?|flights?|aircraft|buses|ferr(?:y|ies))\s+chartered\s+for\s+(?:the\s+)?(?:[\w-]+\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE}|(?-i:[A-Z])\w+\s+community)\b",
    ),
    # Transport a government sent, chartered or laid on, and the people it carried: "a flight chartered by Rome lands
    # at Fiumicino with 23 Italians", "a fourth UK government-chartered flight will leave Beirut on Sunday"
    _t(
        "carried-by-government",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:flight|plane|aircraft|ship|vessel)s?\s+(?:chartered|sent|laid\s+on)\s+by\s+(?-i:[A-Z])[\w'’]+"
        rf"(?:\s+(?-i:[A-Z])\w+)?\s+(?:lands|landed|arrives|arrived|touched\s+down)\b[^.;:!?]{{0,40}}?\bwith\s+"
        rf"(?:about\s+|some\s+|nearly\s+)?\d[\d,]*\s+(?:{CITIZENS}|{_PEOPLE})\b"
        # "the first helicopter chartered by the Canadian government lifted eighteen Canadians to ..."
        rf"|\b(?:flight|plane|aircraft|helicopter|ship|vessel)s?\s+(?:chartered|sent|laid\s+on)\s+by\s+[^.;:!?]{{1,40}}?"
        rf"\b(?:lifted|flew|carried|took|brought|evacuated)\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?"
        rf"(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:{CITIZENS}|{_PEOPLE})\b"
        # "a fourth UK government-chartered flight will leave Beirut on Sunday"
        rf"|\b(?:government|state|military|air\s+force)[- ]chartered\s+(?:(?-i:[A-Z])\w+\s+){{0,2}}"
        rf"(?:flights?|planes?|aircraft|ships?),?\s+"
        rf"(?:which\s+)?(?:will\s+|would\s+|is\s+to\s+|was\s+to\s+|has\s+|had\s+)?(?:leave|left|depart\w*)\s+"
        rf"(?:(?-i:[A-Z])|on\s|for\s|from\s|tomorrow|today|tonight)"
        # "212 Egyptian students ... crossed the Argeen land border on Wednesday in buses sent by the Egyptian
        # government"
        rf"|\b(?:{CITIZENS}|{_PEOPLE})\b[^.;:!?]{{0,80}}?\b(?:in|on|aboard)\s+(?:\w+\s+)?"
        rf"(?:buses|coaches|planes?|flights?|ships?|aircraft|convoys?|ferr(?:y|ies))\s+"
        rf"(?:(?:sent|chartered|laid\s+on|organi[sz]ed|provided|arranged)\s+by\b"
        # "the first British holidaymakers left on Friday on flights that the British government had arranged"
        rf"|(?:that|which)\s+(?:the\s+)?(?:\w+\s+)?government\s+(?:had\s+|has\s+)?(?:arranged|chartered|organi[sz]ed|laid\s+on))",
    ),
    # "put about 170 Americans on buses to Yerevan", "to pick up 96 South Koreans", "get Britons out of Lebanon"
    _t(
        "put-citizens-on-transport",
        EventType.LEAVE_ADVISORY,
        # ("to put the Congolese request before the Council" puts nobody anywhere: "put" needs the transport)
        rf"\b(?:(?P<put>put\w*)|pick(?:s|ed|ing)?\s+up|get\w*|got|collect\w*)\s+(?:[\w,.-]+\s+){{0,5}}?(?:{CITIZENS}|{_PEOPLE})\b"
        rf"(?:\s+on\s+(?:\w+\s+)?(?:buses|flights?|planes?|ships?|convoys?|trains?|ferr\w+)|\s+(?:aboard|on\s+board)\b"
        rf"|(?(put)(?!)|\s+(?:in|at|from)\s+(?-i:[A-Z]))|\s+out\s+of\b|(?(put)(?!)|(?=[\s,.;])))",
    ),
    # "will send an air force plane for its nationals", "Military aircraft to be sent for Russians in Wuhan"
    _t(
        "transport-sent-for-people",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:sen[dt]\w*\s+(?:[\w()-]+\s+){{0,4}}?(?:aircraft|planes?|jets?|flights?|ships?|buses|convoys?|Hercules)"
        # ("a plane of the Air Force (FACh)")
        rf"(?:\s+of\s+the\s+(?:[\w()-]+\s+){{0,3}}?[\w()-]+)?"
        rf"|(?:aircraft|planes?|jets?|flights?|ships?|buses)\s+(?:to\s+be|will\s+be|would\s+be|was|were|being)\s+sent)"
        rf"\s+(?:to\s+(?-i:[A-Z])\w+\s+|to\s+the\s+(?:[\w-]+\s+)?border\s+)?(?:to\s+)?"
        rf"(?:for|to\s+collect|to\s+fetch|to\s+pick\s+up|to\s+(?:remove|evacuate|repatriate|rescue)"
        rf"|to\s+(?:take|bring|fly|carry)(?=\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:{CITIZENS}|{_PEOPLE})\s+(?:home|out|back)\b))\s+(?:its\s+|their\s+|the\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{CITIZENS}|{_PEOPLE})\b"
        # "a flight the Polish foreign ministry says it will send for Poles on Wednesday"
        rf"|\b(?:flight|plane|aircraft|ship)s?\b[^.;:!?]{{0,60}}?\bsen[dt]\w*\s+for\s+(?:its\s+|their\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE})\b",
    ),
    # "some 250 Americans leave the same day in a road convoy organised by the embassy"
    _t(
        "citizens-leave-in-convoy",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:{CITIZENS}|{_PEOPLE})(?:\s+still\s+in\s+(?:the\s+)?\w+)?\s+(?:leave|left|leaving)\s+(?:[\w-]+\s+){{0,3}}?(?:in|on|aboard)\s+(?:an?\s+|the\s+)?"
        rf"(?:[\w-]+\s+)?(?:convoy|charter|chartered\s+\w+|evacuation\s+\w+|military\s+\w+)\b",
    ),
    # "left Tel Aviv on Tuesday with 211 Brazilians on board"
    _t(
        "citizens-on-board",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:with|carrying)\s+(?:(?:about\s+|some\s+|more\s+than\s+|nearly\s+|over\s+)?\d[\d,]*\s+)?(?:[\w-]+\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE})"
        # "with 62 Canadians and a dozen other foreigners on board"
        rf"(?:\s+and\s+[^.;:!?]{{0,40}}?)?\s+(?:on\s+board|aboard)\b"
        # "flew out 156 people, 154 of them Indian nationals", "with 87 passengers, 36 of them Italians"
        rf"|\b(?:with|carrying|carried|fl(?:ew|own|ying)\s+(?:out|home)|took\s+out|brought\s+(?:out|home)|lift(?:ed|ing)?(?:\s+out)?"
        rf"|airlift(?:ed|ing)?|evacuat(?:ed|ing))\s+(?:about\s+|some\s+|more\s+than\s+|nearly\s+|around\s+)?"
        rf"\d[\d,]*\s+(?:people|passengers|foreigners|evacuees),\s+(?:(?:\d[\d,]*|most|many|half|all|about\s+\d[\d,]*)\s+of\s+them"
        # "lifted about 100 foreigners, among them 21 Germans"
        rf"|(?:among\s+them|including)\s+(?:about\s+|some\s+)?\d[\d,]*)\s+"
        rf"(?:[\w-]+\s+)?(?:{CITIZENS}|{_PEOPLE})\b"
        # "left Kabul with only seven people on board, five of them Germans"
        rf"|\bwith\s+(?:only\s+|just\s+|about\s+)?(?:\d[\d,]*|[a-z]+)\s+(?:people|passengers|evacuees)\s+(?:on\s+board|aboard),\s+"
        rf"(?:\d[\d,]*|[a-z]+|most|all)\s+of\s+them\s+(?:{CITIZENS}|{_PEOPLE})\b"
        # "the 158 people on board included 91 Saudi citizens"
        rf"|\b(?:on\s+board|aboard)\s+includ(?:ed|ing|e)\s+(?:about\s+|some\s+|more\s+than\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE})\b"
        # "the first batch of 278 Indians left Port Sudan on board INS Sumedha"
        rf"|\b(?:{CITIZENS}|{_PEOPLE})\s+(?:left|leave|leaving)\s+(?:[\w-]+\s+){{0,3}}?(?:on\s+board|aboard)\b",
    ),
    _t(
        "repatriation-flights",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:(?:repatriation|evacuation|rescue|charter(?:ed)?|helicopter|special|military)\s+"
        rf"(?:flights?|planes?|aircraft|helicopters?|convoys?|ships?|operations?)"
        rf"|arrang\w*\s+(?:[\w-]+\s+){{0,2}}?flights?|ministry\s+flights?|convoys?|air\s+force\s+flights?)\s+(?:[^.;:!?]{{0,60}}?\s)?"
        rf"(?:for|of|carrying|to\s+bring\s+(?:home|back))\s+(?:its\s+|their\s+|all\s+)?(?:[\w-]+\s+)?(?:{CITIZENS}|{_PEOPLE})\b",
    ),
    # "about 300 Ugandans evacuated by road had reached the border", "1,000 Kenyans have been evacuated"
    _t(
        "citizens-evacuated",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:{CITIZENS}|{_PEOPLE})(?:\s+(?:in|from)\s+(?-i:[A-Z])\w+)?"
        # "the first Belgians, many of them missionaries, are flown to Nairobi", "all the Portuguese who wish it"
        rf"(?:,[^,.;:!?]{{1,60}},|\s+who\s+[^,.;:!?\"”]{{1,30}}?(?=\s+(?:will|would|were|are)\b))?\s+"
        rf"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|are\s+being|being|will\s+be|would\s+be)\s+)?"
        # "were brought from Mekelle to Addis Ababa by road and flown home"
        rf"(?:(?:brought|taken|driven|bus+ed|moved|escorted)\s+[^.;:!?]{{0,60}}?\band\s+(?:then\s+)?)?"
        rf"(?:evacuated|airlifted|repatriated|flown\s+(?:home|out|to\s+(?-i:[A-Z])\w*)|brought\s+home)\b",
        verb_at_end=True,
    ),
    # "issued the departure recommendation to all Korean residents"
    _t(
        "departure-advice",
        EventType.LEAVE_ADVISORY,
        r"\b(?:departure|evacuation|exit|leave)\s+(?:recommendation|advisory|advice|order|notice|call|warning)s?\b",
    ),
    # "issued an advisory for citizens to leave", "advice to leave now"
    _t(
        "advice-to-leave",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:advisory|advice|call|appeal|instruction|recommendation|warning)s?\s+(?:for\s+(?:its\s+|their\s+|all\s+)?"
        rf"(?:{CITIZENS}|{_PEOPLE})\s+)?to\s+(?:\w+\s+)?{_LEAVE}\b",
    ),
    # "withdrawal of staff from the embassy", "evacuation of the families of its diplomats"
    _t(
        "withdraw-staff",
        EventType.EMBASSY_DRAWDOWN,
        # ("evacuation flights arranged by the British High Commission" carried citizens: the mission is the agent)
        rf"\b{_WITHDRAW}\b(?!\s+(?:plans?|planning)\b)(?:(?!\bby\b){_NOT_CITIZENS}){{0,60}}?\b{STAFF}\b",
    ),
    # "optimised staffing at its embassy" is covered above; "diplomats were leaving", "staff ... required to leave"
    _t(
        "staff-leave",
        EventType.EMBASSY_DRAWDOWN,
        rf"\b{STAFF_PEOPLE}\b{_NOT_CITIZENS}{{0,70}}?\b(?:{_WITHDRAW}|(?:to|were|are|is|was|be|been|will|would|shall)\s+(?:\w+\s+){{0,2}}?"
        rf"(?:leav(?:e|ing)|depart(?:ing)?|withdrawn|evacuated|relocated|pulled\s+out|sent\s+home|ordered\s+out"
        rf"|sent\s+back\s+(?:home|to\s+(?-i:[A-Z])\w+)"
        rf"|flown\s+(?:back|home|out))|left|leaving|withdrawn|flew\s+(?:back|home|out)|(?:will|would)\s+fly\s+(?:home|back|out)"
        # a table row's participle: "Families of embassy staff flown out (unconfirmed)"
        rf"|flown\s+(?:out|home|back)"
        # "family members of US diplomats in Tokyo may leave at government expense": authorised departure
        rf"|(?:may|can|could)\s+leave(?=\s+at\s+(?:the\s+)?government(?:['’]s)?\s+expense)"
        # "British diplomats and their families board an RAF aircraft"
        rf"|board(?:ed|ing)?\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:aircraft|plane|flight|ship|helicopter|transport)"
        # machine translation: "the argentinian diplomats abandoned the Venezuelan territory", "went out of the country"
        rf"|abandoned(?=\s+(?:the\s+)?(?:\w+\s+)?(?:country|territory|capital))|went\s+out\s+of)\b",
        verb_at_end=True,
    ),
    # "embassy cut to essential staff", "reduced its embassy to a skeleton team"
    _t(
        "cut-to-core-staff",
        EventType.EMBASSY_DRAWDOWN,
        r"\b(?:cut|reduc\w*|scal\w+\s+back|scal\w+\s+down|trimm?\w*|pared?\s+(?:back|down)?|shrunk|shrank)\s+"
        r"(?:[\w-]+\s+){0,3}?to\s+(?:a\s+)?(?:essential|skeleton|core|minimum|minimal|emergency|bare)\s+"
        r"(?:staff|team|crew|personnel|staffing)\b"
        # "India cut its embassy to three diplomats"
        r"|\b(?:cut|reduc\w*|trimm?\w*|pared?\s+(?:back|down)?)\s+(?:its|their|the)\s+(?:[\w-]+\s+)?"
        r"(?:embassy|mission|consulate|high\s+commission)\s+to\s+(?:just\s+|only\s+)?"
        r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+handful\s+of|a\s+few)\s+"
        r"(?:diplomats|staff|officials|officers|people)\b",
    ),
    # "sent most of its staff home"
    _t(
        "send-staff-home",
        EventType.EMBASSY_DRAWDOWN,
        rf"\bsen[dt]\w*\s+(?:[\w-]+\s+){{0,4}}?{STAFF_PEOPLE}"
        rf"(?:\s+of\s+(?:its|their|the)\s+(?:[\w-]+\s+)?(?:staff|diplomats|officials|employees))?\s+(?:home|out|away)\b"
        # "sent home the families of two officers last week"
        rf"|\bsen[dt]\w*\s+(?:home|away)\s+(?:the\s+|its\s+|all\s+)?(?:[\w-]+\s+)?{STAFF_PEOPLE}\b",
    ),
    # "sent part of its non-essential staff to Dakar": only staff who are not needed are sent away
    _t(
        "send-non-essential-staff",
        EventType.EMBASSY_DRAWDOWN,
        r"\bsen[dt]\w*\s+(?:[\w-]+\s+){0,4}?(?:non-?(?:essential|emergency)\s+(?:staff|personnel|diplomats|employees)"
        # "had sent the families of its staff to Beijing"
        r"|(?:families|dependants|dependents|family\s+members)(?:\s+of\s+(?:its|their|the)\s+(?:[\w-]+\s+)?(?:staff|diplomats))?"
        # "sent diplomats' wives and children overland to Amman"
        r"|diplomats['’]\s+(?:wives(?:\s+and\s+children)?|families|dependants|spouses))"
        # "the families of its diplomats and all non-essential staff to Mayotte"
        r"(?:\s+and\s+(?:all\s+|its\s+|the\s+)?(?:non-?(?:essential|emergency)\s+)?(?:staff|personnel|diplomats|employees))?"
        r"(?:\s+(?:overland|by\s+road|by\s+air|by\s+sea))?\s+(?:to|out|home|abroad|away)\b",
    ),
    # "decided to temporarily bring home the families of our expatriate staff" (not "employees of companies")
    _t(
        "bring-staff-home",
        EventType.EMBASSY_DRAWDOWN,
        rf"\b(?:bring\w*|brought|fl(?:y|ew|own|ying))\s+home\s+(?:the|its|their|our)\s+(?:[\w-]+\s+){{0,2}}?(?!employees)"
        rf"{STAFF_PEOPLE}\b"
        # "had already brought its remaining diplomats home from Kinshasa"
        rf"|\b(?:bring\w*|brought)\s+(?:its|their|our)\s+(?:[\w-]+\s+){{0,2}}?(?:diplomats|diplomatic\s+staff|embassy\s+staff)"
        rf"\s+home\b",
    ),
    # "pulled diplomats out of the capital"
    # "flew Ambassador Laurence Wohlers and his diplomatic staff out of the country"
    _t(
        "pull-staff-out",
        EventType.EMBASSY_DRAWDOWN,
        # ("moving the families of its embassy staff out": a mission's people; a mall "moved its staff out")
        rf"\bmov\w*\s+(?:the\s+)?(?:families|dependants|dependents|staff)\s+of\s+(?:its|the|their)\s+(?:[\w-]+\s+)?"
        rf"(?:embassy|legation|mission)\s+(?:staff\s+)?out\b"
        # "helicopters lifted out the last of its roughly 70 American staff"
        rf"|\blift(?:ed|ing)?\s+out\s+(?:the\s+last\s+of\s+)?(?:its|their|the)\s+(?:[\w.-]+\s+){{0,4}}?{STAFF_PEOPLE}\b"
        # "the Netherlands had also pulled its ambassador out"
        rf"|\bpull\w*\s+(?:its|their)\s+ambassador\s+out\b"
        # ("pulled the families of staff at the Australian High Commission out")
        rf"|\b(?:pull\w*\s+(?:[\w.-]+\s+){{0,7}}?{STAFF_PEOPLE}(?:\s+(?:of|at)\s+[\w\s.'’-]{{0,50}}?)?\s+out"
        rf"|(?:fl(?:y|ew|own|ying)|airlift\w*)\s+"
        # "New Delhi flew non-essential staff and families of its High Commission home"
        rf"(?:[\w.-]+\s+){{0,5}}?(?!employees){STAFF_PEOPLE}\b(?:[^.;:!?,]{{0,50}}?\s)?(?:out|home))\b",
    ),
    # "a convoy of cars ... left the city, carrying the wives and children of the American legation staff"
    _t(
        "transport-carrying-staff",
        EventType.EMBASSY_DRAWDOWN,
        r"\b(?:convoys?|planes?|flights?|aircraft|ships?|buses|helicopters?)\b[^.;:!?]{0,80}?\bcarr(?:y|ies|ied|ying)\s+"
        r"(?:the\s+|some\s+|about\s+\d+\s+)?(?:families|dependants|dependents|(?:wives|spouses)\s+and\s+children)\s+of\s+"
        r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:staff|diplomats|officials|personnel)\b",
    ),
    # "a Hercules C-130 ... took off from El Alto with 74 Argentine citizens who had asked for help"
    _t(
        "left-with-people",
        EventType.LEAVE_ADVISORY,
        rf"\b(?:aircraft|planes?|flights?|ships?|Hercules|C-1[37]0\w*|Airbus|jets?|frigate|ferry)\b[^.;:!?]{{0,80}}?"
        rf"\b(?:took\s+off|left|departed|landed|arrived|sailed)\b[^.;:!?]{{0,80}}?\bwith\s+"
        rf"(?:about\s+|some\s+|more\s+than\s+|nearly\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?(?:{CITIZENS}|{_PEOPLE})\b",
    ),
    # "ordered families of embassy staffers to leave"
    _t(
        "order-staff-out",
        EventType.EMBASSY_DRAWDOWN,
        rf"\border\w*\s+(?:its\s+|their\s+|all\s+)?(?:[\w-]+\s+){{0,5}}?{STAFF_PEOPLE}"
        rf"(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?(?:embassy|legation|mission|consulate|diplomats|staff"
        rf"|officials))?"
        # "ordered the families of embassy staff and non-emergency employees out"
        rf"(?:\s+and\s+(?:all\s+)?(?:[\w-]+\s+)?{STAFF_PEOPLE}|\s+and\s+their\s+(?:family\s+members|families|dependants))?"
        rf"(?:\s+in\s+(?-i:[A-Z])\w+)?\s+(?:out|home)\b",
    ),
    # "an operation to let nonessential staff depart"
    _t(
        "let-staff-leave",
        EventType.EMBASSY_DRAWDOWN,
        rf"\blet\s+(?:[\w-]+\s+){{0,2}}?{STAFF_PEOPLE}\s+(?:depart|leave)\b",
    ),
    # "will send its diplomats back to Kyiv next week"
    _t(
        "send-staff-back",
        EventType.EMBASSY_RETURN,
        rf"\bsen[dt]\w*\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?{STAFF_PEOPLE}\s+back\b",
    ),
    _t(
        "order-staff-to-leave",
        EventType.EMBASSY_DRAWDOWN,
        rf"\b(?:order\w*|authori[sz]\w*|instruct\w*|requir\w*|told|direct\w*|ask\w*)\s+(?:[\w.’'-]+\s+){{0,6}}?{STAFF_PEOPLE}\b"
        # ("ordered the dependants of staff at the High Commission in Islamabad and the Deputy High Commission in
        # Karachi to leave")
        rf"{_NOT_CITIZENS}{{0,100}}?\b(?:to|that\s+they\s+(?:could|may|might|can|should|must))\s+"
        rf"(?:leave|depart|go\s+home|return\s+(?:home|to\s+(?-i:[A-Z])\w*))\b",
    ),
    # "moved its remaining diplomats to neighbouring Tunisia, from where they will continue to work on Libya"
    _t(
        "move-diplomats-abroad",
        EventType.EMBASSY_RELOCATION,
        r"\b(?:mov\w*|relocat\w*)\s+(?:its|their)\s+(?:remaining\s+)?diplomats\s+(?:from\s+(?-i:[A-Z])\w+\s+)?(?:to|into)\s+"
        r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?-i:[A-Z])",
    ),
    # "Its ambassador and remaining staff moved temporarily to Djibouti"
    _t(
        "staff-moved-abroad",
        EventType.EMBASSY_RELOCATION,
        r"\b(?:ambassador|diplomats|(?:remaining|embassy|mission)\s+staff)\b[^.;:!?]{0,30}?\b(?:moved|relocated)\s+"
        r"(?:temporarily\s+)?(?:across\s+the\s+(?:border|river)\s+)?to\s+(?-i:[A-Z])",
    ),
    # "... moved temporarily to Djibouti on 9 June, and returned to Asmara on 22 June"
    _t(
        "staff-returned-to-post",
        EventType.EMBASSY_RETURN,
        # (with its owner named: "Its ambassador and remaining staff"; "The embassy's diplomats returned to Ankara" is
        # read by embassy-returns, which knows a mission's staff may be going home)
        r"\b(?:its|their)\s+(?:ambassador|diplomats|(?:remaining\s+)?staff)\b[^.;:!?]{0,100}?\b(?P<verb>returned)\s+to\s+"
        r"(?-i:[A-Z])",
        verb_at_end=True,
        undoes=False,
    ),
    # "Ambassador Hooks and a handful of officials were now working out of the US embassy in Kinshasa"
    _t(
        "staff-work-from",
        EventType.EMBASSY_RELOCATION,
        r"\b(?:ambassador|officials|diplomats|staff)\b[^.;:!?]{0,40}?\b(?:were|are|is|was|has\s+been|have\s+been)\s+"
        r"(?:now\s+)?(?:working|operating|based)\s+(?:out\s+of|from)(?=\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?-i:[A-Z]))",
    ),
    # "moving its embassy operations to Lviv", "relocated the embassy to Port Sudan"
    _t(
        "move-embassy",
        EventType.EMBASSY_RELOCATION,
        rf"\b(?:mov\w*|relocat\w*|transfer\w*|shift\w*)\b[^.;:!?]{{0,60}}?\b{_EMBASSY}\b[^.;:!?]{{0,60}}?\b"
        rf"{_DESTINATION}",
    ),
    _t(
        "embassy-moves",
        EventType.EMBASSY_RELOCATION,
        rf"\b{_EMBASSY}\b{_SAME_CLAUSE}{{0,60}}?\b(?:is|was|will\s+be|would\s+be|has\s+been|had\s+been|are|were|has|have|had)?\s*"
        # ("moves its remaining staff and its operations across the river to Kinshasa")
        rf"(?P<verb>mov(?:e|es|ing|ed)|relocat(?:e|es|ing|ed)|transfer(?:s|ring|red)?)\s+(?:\w+\s+){{0,9}}?"
        # "moved its work out of the western sector to rented offices in Jounieh"
        rf"(?:out\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?)?{_DESTINATION}",
        verb_at_end=True,
    ),
    # "the embassy will work from the Dominican Republic for the time being"
    _t(
        "embassy-works-from",
        EventType.EMBASSY_RELOCATION,
        rf"\b{_EMBASSY}(?:\s+in\s+(?-i:[A-Z])\w+)?\s+(?:will|would|is\s+to|is\s+now|was\s+now|has\s+been|had\s+been|is|was)\s+(?:\w+\s+)?"
        rf"(?:work|working|operate|operating|run|running)"
        rf"\s+from\s+(?:the\s+)?(?-i:[A-Z])"
        # "The embassy's work will be handled from Tunis for the time being"
        rf"|\b{_EMBASSY}['’]s\s+(?:work|operations|business)\s+(?:will\s+be|is\s+being|would\s+be|has\s+been)\s+"
        rf"(?:handled|run|conducted|carried\s+out|done)\s+from\s+(?:the\s+)?(?-i:[A-Z])",
    ),
    # "closed its embassy in Kyiv and opened a liaison office in Lviv"
    _t(
        "open-office-elsewhere",
        EventType.EMBASSY_RELOCATION,
        r"\b(?:open\w*|set\w*\s+up|establish\w*)\s+(?:a|an)\s+(?:\w+\s+){0,2}?(?:office|embassy|mission|post)\s+"
        r"in\s+(?:the\s+)?(?:\w+\s+){0,3}?(?-i:[A-Z])",
    ),
    # "suspended operations at its embassy", "closed its consulate"
    _t(
        "close-embassy",
        EventType.EMBASSY_CLOSURE,
        # ("whose ambassador has been seen as close to Aoun, said its embassy would stay open" closes nothing)
        # ("the suspension of the activities of its embassy"; a title's "Temporary Suspension of the Embassy" announces)
        rf"\b(?:suspend\w*|(?-i:suspension)|clos(?:e|ed|es|ing|ure)(?!\s+to\b)|shut\w*(?:\s+down)?|shutter\w*|halt\w*|mothball\w*)\b"
        # (not over another clause: "the borders were closed, and we saw what happened at the French embassy")
        rf"(?:(?!\band\s+(?:the|a|an)\b|\bsaid\b|,\s+and\b|\bwhat\s+happened\b)[^.;:!?]){{0,50}}?\b{_EMBASSY}\b",
    ),
    _t(
        "embassy-closed",
        EventType.EMBASSY_CLOSURE,
        rf"\b{_EMBASSY}\b{_ONE_EVENT}{{0,70}}?\b(?:(?:is|was|has\s+been|had\s+been|were|are|will\s+be)\s+)?"
        rf"(?:closed|closes|shut(?:s|\s+down)?|suspended|(?:suspending|(?:will\s+)?(?:temporarily\s+)?suspend)\s+(?:its\s+)?operations"
        # "said its embassy would close temporarily from Friday"
        rf"|(?:would|will)\s+(?:temporarily\s+)?(?:close|shut)"
        # headline style: "Embassy to close temporarily"
        rf"|(?<![,;]\s)(?<!\bnot\s)to\s+(?:close|shut)(?=\s+(?:temporarily|on|from|until|for|indefinitely|today|tomorrow)\b|\s*[,.;|]))\b",
        verb_at_end=True,
    ),
    # "Germany reopened its embassy on Monday. Berlin had shut it on January 27": the closure the reopening ended
    _t(
        "closed-it-before-reopening",
        EventType.EMBASSY_CLOSURE,
        r"\b(?:had\s+)?(?:shut|closed)\s+it\b(?!\s+(?:down\s+)?to\b)|^(?:it|the\s+mission)\s+had\s+(?:closed|shut)\b",
        after=EventType.EMBASSY_RETURN,
    ),
    # machine translation of "mettre la clé sous la porte": "has put the key under the door of its embassy"
    _t(
        "key-under-the-door",
        EventType.EMBASSY_CLOSURE,
        rf"\bput\s+the\s+keys?\s+under\s+the\s+door\s+of\s+(?:its\s+|their\s+|the\s+)?{_EMBASSY}\b",
    ),
    # "The US embassy reopened on Thursday, a day after it closed to the public": the closure is the pronoun's
    # (the embassy gate of the event type keeps this to sentences about a mission).
    _t(
        "it-closed",
        EventType.EMBASSY_CLOSURE,
        r"\b(?:after|before|when|since|until)\s+(?:(?:it|they)\s+(?:had\s+|was\s+|were\s+|has\s+been\s+)?"
        r"(?:closed|shut|suspended\s+(?:its\s+|their\s+)?operations)|(?:closing|shutting)\s+it)\b",
    ),
    # "returned its embassy to Kyiv", "reopened its embassy", "diplomats returned to Kyiv"
    _t(
        "return-embassy",
        EventType.EMBASSY_RETURN,
        rf"\b(?:return\w*|re-?open\w*|resum\w*|re-?establish\w*|mov\w*\s+back|relocat\w*\s+back)\b[^.;:!?]{{0,50}}?"
        rf"\b(?:{_EMBASSY}|diplomats|diplomatic\s+(?:staff|presence|personnel))\b"
        # "closed its embassy in Tehran on Monday and reopened it the next day"
        r"|\bre-?opened\s+it\b",
    ),
    _t(
        "embassy-returns",
        EventType.EMBASSY_RETURN,
        rf"\b(?:{_EMBASSY}|diplomats|diplomatic\s+staff)\b{_RETURN_CLAUSE}{{0,90}}?\b(?:returned|reopened|re-opened|resumed"
        rf"|(?:is|was|will\s+be)\s+(?:returning|reopening|resuming)"
        rf"|(?:is|are|was|were)\s+(?:due|set|expected|scheduled|planning|preparing)\s+to\s+(?:return|reopen|resume)"
        rf"|will\s+(?:return|reopen|resume)|(?:were|are|is|was)\s+(?:all\s+)?back\s+(?:at\s+work\s+)?(?:in|at)\s+(?-i:[A-Z])\w*)",
        verb_at_end=True,
    ),
    # "said on Tuesday that they were all back at work in Conakry" (the sentence names the mission)
    _t(
        "they-are-back",
        EventType.EMBASSY_RETURN,
        r"\b(?:they|it|staff|diplomats)\s+(?:were|are|was|is)\s+(?:all\s+)?back\s+(?:at\s+work\s+)?(?:in|at)\s+(?-i:[A-Z])\w*"
        # "staff who had left were back at their desks in Caracas"
        r"|\b(?:staff|diplomats|employees)\s+who\s+had\s+(?:left|gone|departed)\s+(?:were|are)\s+(?:now\s+)?back\b"
        # "said the first of them flew back to Banjul on Tuesday"
        r"|\b(?:of\s+them|staff|diplomats)\s+flew\s+back\s+to\s+(?-i:[A-Z])\w*",
    ),
    # "The US Embassy in Colombo shut its doors on Monday and Tuesday, ..., and reopened on Wednesday."
    _t(
        "closed-and-reopened",
        EventType.EMBASSY_RETURN,
        rf"\b{_EMBASSY}\b[^.;:!?]{{0,60}}?\b(?:shut|closed|suspended)\b[^.;:!?]{{0,80}}?\band\s+(?P<verb>re-?opened)\b",
        undoes=False,
    ),
    # "The embassy suspended operations on 3 February. It reopened for limited services on Monday 18 February."
    _t(
        "it-reopened",
        EventType.EMBASSY_RETURN,
        # ("... closed its doors on Monday 18 November, when protesters clashed nearby; it reopened on Wednesday")
        r"(?:^|(?<=;\s)|(?<=; and\s)|(?<=, and\s))(?:it|the\s+mission)\s+(?:has\s+)?"
        r"(?:re-?opened|resumed\s+(?:operations|work|services))\b",
        after=EventType.EMBASSY_CLOSURE,
    ),
    # "The New Zealand High Commission shut its doors on Thursday. A spokeswoman said it would reopen on Tuesday."
    _t(
        "it-will-reopen-after-closing",
        EventType.EMBASSY_RETURN,
        # (the literal first, the saying looked behind: a pattern opening on look-behinds is tried at every position)
        r"\bit(?:(?<=said\sit)|(?<=says\sit)|(?<=said\sthat\sit)|(?<=announced\sit))\s+(?:would|will)\s+re-?open\b",
        after=EventType.EMBASSY_CLOSURE,
    ),
    # "The Dutch embassy, closed since rebels occupied the tower, said that it would reopen on Wednesday"
    _t(
        "it-will-reopen",
        EventType.EMBASSY_RETURN,
        r"\b(?:it|they)\s+(?:would|will)\s+(?:re-?open|return|resume\s+(?:operations|work|services))\b",
    ),
    # "lifted the ordered departure for its embassy", "allowing non-emergency staff to return"
    _t(
        "lift-ordered-departure",
        EventType.EMBASSY_RETURN,
        r"\b(?:lift\w*|end\w*|terminat\w*|rescind\w*)\s+(?:the\s+|its\s+)?(?:ordered|authori[sz]ed|voluntary)\s+departure",
    ),
    # "the staff withdrawn in February would return to N'Djamena next week"
    _t(
        "staff-return-to-post",
        EventType.EMBASSY_RETURN,
        rf"\b(?:staff|personnel|diplomats|non-?(?:essential|emergency)\s+(?:staff|personnel|employees))\b"
        rf"{_RETURN_CLAUSE}{{0,50}}?\b(?:would|will|are\s+to|were\s+to|are\s+due\s+to|were\s+due\s+to)\s+"
        rf"(?:return|go\s+back)\s+to\s+(?-i:[A-Z])",
        verb_at_end=True,
    ),
    _t(
        "staff-may-return",
        EventType.EMBASSY_RETURN,
        rf"\ballow\w*\s+(?:[\w-]+\s+){{0,5}}?{STAFF_PEOPLE}\b{_SAME_CLAUSE}{{0,40}}?\bto\s+return\b",
    ),
    # "lifted its advice to leave", "lowered its travel advisory from 'leave'"
    _t(
        "lift-advisory",
        EventType.ADVISORY_LIFTED,
        r"\b(?:lift\w*|rescind\w*|revok\w*|withdr[ae]w\w*|eas(?:e|ed|es|ing)|lower\w*|downgrad\w*|cancel\w*|remov\w*|"
        r"drop\w*|relax\w*)\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:advisory|advice|warning|call|"
        r"recommendation)s?\b"
        # "withdrew its advice that British nationals should leave": the lift covers the advice it names.
        rf"(?:\s+(?:that|for)\s+[^.;:!?]{{0,60}}?\b{_LEAVE}\b)?",
    ),
    # "Japan | Leave advice withdrawn; now advises caution | 05/04"
    _t(
        "advice-withdrawn",
        EventType.ADVISORY_LIFTED,
        r"\b(?:leave|departure|evacuation)\s+(?:advice|advisory|recommendation|call)\s+(?:was\s+|has\s+been\s+|is\s+)?"
        r"(?:withdrawn|lifted|rescinded|cancell?ed|revoked)\b",
    ),
    # "On 6 September Ankara advised Turkish citizens to leave. On Wednesday it withdrew that advice."
    _t(
        "lift-that-advice",
        EventType.ADVISORY_LIFTED,
        r"\b(?:lift\w*|rescind\w*|revok\w*|withdr[ae]w\w*|cancel\w*|drop\w*)\s+(?:that|this|the|its|their)\s+"
        r"(?:advice|advisory|call|recommendation)\b",
        after=EventType.LEAVE_ADVISORY,
    ),
    # "said that its call for nationals to leave Gabon no longer applied"
    _t(
        "advice-no-longer-applies",
        EventType.ADVISORY_LIFTED,
        rf"\b(?:call|advice|advisory|recommendation|instruction)\s+(?:for|to)\s+[^.;:!?]{{0,60}}?\b{_LEAVE}\b"
        rf"[^.;:!?]{{0,30}}?\bno\s+longer\s+(?:appl(?:ied|ies|y)|stood|stands|in\s+force)\b",
    ),
    # "is no longer advising its nationals to leave Ethiopia"
    _t(
        "no-longer-advising",
        EventType.ADVISORY_LIFTED,
        rf"\b(?:no\s+longer|stopped|ceased)\s+(?:\w+\s+)?{ADVISE}\b[^.;:!?]{{0,60}}?\b(?:to|that\s+[^.;:!?]{{0,40}}?)\s+{_LEAVE}",
    ),
    _t(
        "end-repatriation",
        EventType.ADVISORY_LIFTED,
        r"\b(?:end\w*|lift\w*|rescind\w*|cancel\w*)\s+(?:the\s+|its\s+|their\s+)?(?:mandatory\s+|compulsory\s+)?"
        r"(?:repatriation|evacuation|departure)\s+(?:order|requirement|of)\b",
    ),
)

# A finer cheap test per trigger: at least one of these substrings of the lower-cased sentence, or the trigger's
# pattern cannot match. Saves running most patterns on sentences that only share their event type's gate words.
# The verbs of _WITHDRAW, for the drawdown triggers built on it.
_WITHDRAW_WORDS = (
    "withdr",
    "evacuat",
    "airlift",
    "scal",
    "pull",
    "reduc",
    "cut",
    "draw",
    "drew",
    "optimi",
    "send",
    "sent",
    "departure",
    "exit of",
    "fly",
    "flew",
    "flown",
    "flying",
)
_CARRIED_BY_WORDS = (
    "chartered",
    "sent by",
    "laid on by",
    "provided by",
    "organised by",
    "organized by",
    "arranged by",
    "government had",
    "government has",
)
# The words one of which every "transport-for-people" sentence has: both what opens the trigger and what it needs.
_TRANSPORT_WORDS = (
    "charter",
    "operate special",
    "operating special",
    "run special",
    "run two",
    "runs special",
    "running special",
    "laid on",
    "lay on",
    "laying on",
    "arranged",
    "arranging",
    "organised",
    "organized",
    "organising",
    "organizing",
    "sent by",
    "take off",
    "provided by",
)
# The verbs of carrying people home, shared by the leave gate and the triggers built on them.
_BRING_WORDS = ("bring", "brought", "fly", "flie", "flew", "flown", "ferr", "carr")
# The stems of ADVISE: a trigger built on it cannot match a sentence holding none of them.
_ADVISE_STEMS = (
    "advis",
    "urg",
    "call",
    "tell",
    "told",
    "ask",
    "order",
    "recommend",
    "instruct",
    "invit",
    "encourag",
    "press",
    "appeal",
    "warn",
    "direct",
    "requir",
    "demand",
    "remind",
    "reiterat",
    "arrang",
    "help",
)
TRIGGER_NEEDS: dict[str, tuple[str, ...]] = {
    "state-flights-from": ("flight",),
    "recommendation-that-people-leave": (" that ",),
    "advise-citizens-to-leave": _ADVISE_STEMS,
    # (the pattern's verbs: a modal, or a passive of advice, "were told to", "have been urged to")
    "citizens-should-leave": (
        "should",
        "must",
        "need to",
        "have to",
        "are to",
        " are ",
        " were ",
        " was ",
        " is ",
        " been ",
        "being",
        "told to",
        "urged to",
        "advised to",
        "asked to",
        "ordered to",
        "instructed to",
    ),
    "closed-it-before-reopening": ("shut it", "closed it", "it had closed", "it had shut"),
    "key-under-the-door": ("key",),
    "it-will-reopen-after-closing": ("it would reopen", "it will reopen", "it would re-open", "it will re-open"),
    "closed-and-reopened": ("and reopened", "and re-opened"),
    "withdraw-staff": _WITHDRAW_WORDS,
    "staff-leave": (
        *_WITHDRAW_WORDS,
        "leav",
        "depart",
        "left",
        "relocated",
        "ordered out",
        "sent home",
        "flown",
        "abandoned",
        "went out",
        "flew",
        "board",
    ),
    "you-should-leave": ("you",),
    "advise-them-to-leave": (" them ",),
    "same-again": (
        "similar",
        "suit",
        "same",
        "likewise",
        "follow",
        "join",
        "that advice",
        "this advice",
        "that recommendation",
        "that call",
    ),
    "advise-that-citizens-leave": (" that ",),
    "advise-to-people": (" to the ", " to all ", " to its ", " to their "),
    "withdrawal-of-citizens": (
        "withdrawal of",
        "evacuation of",
        "departure of",
        "repatriation of",
        "exit of",
        "repatriation by",
        "evacuation by",
    ),
    "evacuate-citizens": ("evacuat", "repatriat", "airlift", "fly out", "flew out", "flown out"),
    "bring-citizens-home": (
        *_BRING_WORDS,
        "ship",
        "return",
        "lift",
        "took",
        "take",
        "transport",
    ),
    "take-citizens-out": (
        "out of",
        "home from",
        "to safety",
        "get out",
        "from ",
        "border",
        "across",
        " out",
        "remov",
        " off",
    ),
    "repatriation-flights": (
        "repatriation",
        "evacuation",
        "rescue",
        "arrang",
        "charter",
        "ministry flight",
        "convoy",
        "air force flight",
        "helicopter",
        "special flight",
        "military flight",
        "military plane",
        "military aircraft",
    ),
    "put-citizens-on-transport": ("put", "pick", "get", "got", "collect"),
    "citizens-on-board": ("board", "of them", "among them"),
    "transport-for-people": _TRANSPORT_WORDS,
    "carried-by-government": _CARRIED_BY_WORDS,
    "transport-sent-for-people": ("sent", "send"),
    "citizens-leave-in-convoy": ("convoy", "charter", "evacuation", "military"),
    "citizens-evacuated": ("evacuated", "airlifted", "repatriated", "flown", "brought home"),
    "departure-advice": ("recommendation", "advisory", "advice", "order", "notice", "call", "warning"),
    "advice-to-leave": ("advisory", "advice", "call", "appeal", "instruction", "recommendation", "warning"),
    "send-staff-home": ("send", "sent"),
    "let-staff-leave": ("let ",),
    "send-non-essential-staff": ("essential", "emergency", "famil", "dependa", "dependents", "wives", "spouses"),
    "bring-staff-home": ("bring", "brought", "fly", "flew", "flown", "flying"),
    "cut-to-core-staff": ("cut", "reduc", "scal", "trim", "pare", "shr"),
    "pull-staff-out": ("pull", "fl", "airlift", "mov", "lift"),
    "bring-home-people": (
        "bring",
        "brought",
        "fly",
        "flew",
        "flown",
        "flying",
        "took out",
        "taken out",
        "taking out",
        " took ",
        " taken ",
        "carr",
        "ferr",
    ),
    "order-staff-out": ("order",),
    "send-staff-back": ("send", "sent"),
    "order-staff-to-leave": ("order", "authori", "instruct", "requir", "told", "direct", "ask"),
    "move-embassy": ("mov", "relocat", "transfer", "shift"),
    "embassy-works-from": (
        "work from",
        "working from",
        "operate from",
        "operating from",
        "run from",
        "running from",
        "handled from",
        "conducted from",
        "done from",
    ),
    "move-diplomats-abroad": ("mov", "relocat"),
    "embassy-moves": ("mov", "relocat", "transfer"),
    "staff-moved-abroad": ("moved", "relocated"),
    "staff-work-from": ("working", "operating", "based"),
    "open-office-elsewhere": ("open", "set", "establish"),
    "close-embassy": ("suspen", "clos", "shut", "halt", "mothball"),
    "it-closed": (
        "closing it",
        "shutting it",
        "it closed",
        "they closed",
        "it had",
        "they had",
        "it was",
        "they were",
        "it shut",
        "they shut",
        "it suspended",
        "it has been",
        "they suspended",
    ),
    "embassy-closed": ("close", "shut", "suspend"),
    "return-embassy": ("return", "reopen", "re-open", "resum", "re-establish", "back"),
    "embassy-returns": ("return", "reopen", "re-open", "resum", "will ", "back"),
    "lift-ordered-departure": ("departure",),
    "staff-may-return": ("allow",),
    "they-are-back": ("back",),
    "advice-withdrawn": ("withdrawn", "lifted", "rescinded", "cancelled", "canceled", "revoked"),
    "it-will-reopen": ("would", "will"),
    "it-reopened": ("reopen", "re-open", "resum"),
    # A lift is of advice to leave: lowering a travel level that never said "leave" lifts nothing.
    "lift-advisory": ("leav", "depart", "evacuat"),
    "no-longer-advising": ("no longer", "stopped", "ceased"),
    "advice-no-longer-applies": ("no longer",),
    "lift-that-advice": (
        "that advice",
        "this advice",
        "the advice",
        "that call",
        "its advice",
        "their advice",
        "that recommendation",
        "the recommendation",
        "that advisory",
        "the advisory",
    ),
    "end-repatriation": ("end", "lift", "rescind", "cancel"),
    "left-with-people": ("took off", "left", "departed", "landed", "arrived", "sailed"),
    "transport-carrying-staff": ("carr",),
    "staff-return-to-post": ("return to", "go back to"),
    "staff-returned-to-post": ("returned to",),
}

# Words that open one trigger beyond its event type's gate, so common words ("moving", "help") do not send every
# sentence holding them through all the type's patterns: "start moving thousands of its nationals from Beirut".
TRIGGER_GATE_EXTRA: dict[str, tuple[str, ...]] = {
    "state-flights-from": ("forces flight", "air force flight", "military flight", "government flight"),
    "closed-it-before-reopening": ("shut it", "closed it", "it had closed", "it had shut"),
    "bring-citizens-home": ("lift", "took", "take", "transport"),
    "pull-staff-out": ("ambassador",),
    "bring-home-people": ("took out", "taken out", "taking out", " took ", " taken "),
    "transport-sent-for-people": ("sent", "send"),
    "move-diplomats-abroad": ("diplomats",),
    "it-reopened": ("it reopen", "it re-open", "it has reopen", "it resum", "the mission reopen"),
    "it-will-reopen-after-closing": ("it would reopen", "it will reopen", "it would re-open", "it will re-open"),
    "take-citizens-out": (
        "mov",
        "take",
        "took",
        "taken",
        "taking",
        "help",
        "bused",
        "bussed",
        "busing",
        "bussing",
        "get",
        "got",
        "pull",
    ),
    "same-again": ("the same advice", "the same call", "the same warning"),
    "put-citizens-on-transport": ("put", "pick", "get", "got", "collect"),
    "citizens-on-board": ("on board", "aboard", "of them", "among them"),
    "staff-return-to-post": ("return to", "go back to"),
    "staff-returned-to-post": ("returned to",),
    "left-with-people": ("took off", "left", "departed", "landed", "arrived", "sailed"),
    "transport-carrying-staff": ("carry", "carri", "carrying"),
    "staff-moved-abroad": ("moved", "relocated"),
    "staff-work-from": ("working out", "working from", "operating out", "operating from", "based out", "based from"),
    "transport-for-people": _TRANSPORT_WORDS,
    "carried-by-government": _CARRIED_BY_WORDS,
}

# A cheap test per event type, run before its triggers: substrings of the lower-cased sentence, one of which every
# trigger of that type needs. Most sentences of an article have none, and skipping them is most of the speed.
GATES: dict[EventType, tuple[str, ...]] = {
    EventType.LEAVE_ADVISORY: (
        "leav",
        "return to",
        "quit",
        "abandon",
        "return home",
        "to go",
        "flight out",
        "plane out",
        "seat",
        "place on",
        "arrang",
        "similar",
        "suit",
        "follow",
        "joins in",
        "joined in",
        "join in",
        "likewise",
        "did the same",
        "depart",
        "exit",
        "get out",
        "evacuat",
        "withdrawal",
        "repatriat",
        *_BRING_WORDS,
        "out of",
        "to safety",
    ),
    EventType.EMBASSY_DRAWDOWN: (
        "staff",
        "personnel",
        "diplomat",
        "employee",
        "famil",
        "dependent",
        "dependant",
        "embass",
        "missio",
        "legation",
        "wives",
        "spouses",
    ),
    EventType.EMBASSY_RELOCATION: ("embass", "consul", "missio", "chancer", "chancel", "delegation", "legation"),
    EventType.EMBASSY_CLOSURE: ("embass", "consul", "missio", "chancer", "chancel", "delegation", "legation"),
    EventType.EMBASSY_RETURN: (
        "embass",
        "consul",
        "missio",
        "diplomat",
        "chancer",
        "chancel",
        "delegation",
        "legation",
    ),
    EventType.ADVISORY_LIFTED: (
        "advisory",
        "advice",
        "warning",
        "call",
        "recommendation",
        "repatriat",
        "evacuat",
        "departure",
        "no longer",
        "stopped",
        "ceased",
    ),
}

# --- Filters -------------------------------------------------------------------------------------------------
# Negation before or inside the trigger turns it into a non-event ("this is not an evacuation", "no plans to").
NEGATION = re.compile(
    # "whose presence is not essential" qualifies who should leave; it does not negate the advice.
    r"\b(?:not(?!\s+(?:strictly\s+|absolutely\s+)?(?:essential|necessary|needed|required|critical|indispensable|vital)"
    r"|\s+need\s+to\s+be|\s+have\s+to\s+be"
    # "an official who asked not to be named said ..." qualifies the source
    r"|\s+to\s+be\s+(?:named|identified|quoted)"
    # "It was not until this past Thursday that ... lifted eighteen Canadians": late, not undone
    r"|\s+until\b"
    # "citizens who do not have a pressing reason to stay" says who should leave
    r"|\s+have\s+(?:an?|any)\s+(?:pressing\s+|compelling\s+|essential\s+|good\s+|urgent\s+|particular\s+)?(?:reason|need))"
    r"|stopped\s+short|stops\s+short|stop\s+short|never"
    r"|no(?!\s+(?:compelling|pressing|essential|good|urgent|particular)\s+(?:reason|need))|deni(?:ed|es)|deny(?:ing)?|refus\w*|reject\w*|rul(?:ed|es|ing)\s+out|dismiss\w*"
    # "nationals without a pressing need to remain" qualifies who should leave, like "not essential" above
    r"|without(?!\s+(?:an?\s+|any\s+)?(?:pressing\s+|compelling\s+|essential\s+|urgent\s+|good\s+)?(?:need|reason|business))"
    r"|wrongly|incorrectly|erroneously|falsely|mistakenly|misread|misreported|misstated"
    r"|(?:stopped|ceased)\s+(?:\w+\s+)?(?:advising|urging|telling|asking|recommending|calling))\b"
    r"|n[’']t\b(?!\s+(?:strictly\s+)?(?:essential|necessary|needed|required|indispensable|vital))",
    _I,
)
# What follows "leave" when the advice is about a district, not the country: an evacuation order for a coast or
# a city is local, not a government telling its nationals to leave a country.
LOCAL_LEAVE_OBJECT = re.compile(
    r"\s+(?:the\s+|their\s+|its\s+|those\s+|these\s+)?(?:coast|coastline|areas?|city|cities|towns?|regions?|homes?"
    # ("leave the island" in an island state leaves the country; "the island of Santo" is a part of one)
    r"|border\s+areas?|zones?|islands?(?=\s+of\b)|building|premises|neighbou?rhoods?|districts?|provinces?|state|camps?)\b",
    _I,
)
# Sub-national offices before an ambiguous name: "the governor of Georgia" is a US state's.
SUBNATIONAL_BEFORE = re.compile(r"\b(?:governor|state|mayor|senator|county|city)\s+(?:of|from)\s+$", _I)
# Inside a trigger span, these undo it: "told its citizens to stay ... rather than to leave".
INTERIOR_NEGATION = re.compile(r"\b(?:rather\s+than|instead\s+of|avoid\w*|(?<!all\s)but)\b", _I)
# "China said it would send aircraft": reported speech, a plan announced, not a hypothetical.
CONDITIONAL = re.compile(
    r"\b(?:if|unless|in\s+case|in\s+the\s+event|should\s+\w+\s+(?:worsen|deteriorate)"
    r"|(?:as\s+soon\s+as|once|when)\s+(?:security|conditions|circumstances|the\s+situation)\s+(?:allows?|permits?))\b",
    _I,
)
# Staff "returned to Ankara" went home: a drawdown from the target, not a return to it.
RETURNED_HOME = re.compile(r"\breturn\w*\s+(?:home|to\s+(?:their|its)\s+(?:home|country|capital))\b", _I)
REPORTED_WOULD = re.compile(r"\b(?:said|says|announced|confirmed|added|stated)\s+(?:that\s+)?(?:[\w’'-]+\s+){1,4}$", _I)
# Modal hedges inside a trigger span: "a diplomat said London would evacuate its embassy staff".
# "said its consulate would remain closed" reports a state, not a hypothetical.
INTERIOR_HEDGE = re.compile(
    # ("told the last Slovenes in Sarajevo on 4 May to leave": the month)
    r"\b(?:could|(?<!\d\s)(?<!\bin\s)(?<!\bof\s)(?<!early\s)(?<!late\s)(?<!mid-)may(?!\s+\d)|might"
    r"|would(?!\s+(?:remain|stay))|if|unless|consider\w*)\b",
    _I,
)
# Hypotheticals and hedges: the act has not happened and is not announced as planned.
HEDGE = re.compile(
    # "What I can say is that ... closed" reports; it does not hedge.
    # ("31 May", "in May" are the month)
    r"\b(?:could|(?<!\d\s)(?<!\bin\s)(?<!\bof\s)(?<!since\s)(?<!until\s)(?<!early\s)(?<!late\s)(?<!mid-)may(?!\s+\d)"
    r"|might|would|can(?!\s+(?:say|tell|confirm|report|add))|unless|consider\w*|weigh\w*|mull\w*"
    # ("if you do not have a pressing need to remain, you should leave" says who should leave)
    r"|if(?!\s+(?:you|they)\s+(?:do\s+not|don['’]t|does\s+not|have\s+no)\s+(?:have\s+)?(?:an?\s+|any\s+)?"
    r"(?:pressing\s+|compelling\s+|essential\s+|urgent\s+|good\s+)?(?:need|reason|business)"
    # ('to leave the country "if they can"': the manner of the advice, not a condition on it)
    r"|\s+(?:they|you)\s+(?:can|could|are\s+able)\b)"
    r"|contemplat\w*|whether|threat\w*\s+to|contingency"
    r"|ready[\"”’']?\s+to|prepared[\"”’']?\s+to|in\s+case|in\s+the\s+event|(?<!as\s)possible|possibly|option|options|scenario"
    # aspirations are not acts: "hopes to reopen its embassy as soon as possible"
    r"|hopes?\s+to|hoped\s+to|hoping\s+to|wants?\s+to|aims?\s+to|seeks?\s+to|wish(?:es)?\s+to"
    r"|look(?:s|ing)?\s+forward\s+to"
    # what an opinion says a government should do: "The ministry should tell Indians in Iraq ... to leave"
    r"|should\s+(?:\w+\s+)?(?:tell|advise|urge|order|ask|evacuate|close|withdraw|send|bring|fly)"
    # counterfactual opinions: "Spain should have closed its embassy months ago"
    r"|should\s+(?:\w+\s+)?have|ought\s+to|must\s+have"
    # thought experiments: "Suppose Germany tells its citizens to leave next week."
    r"|suppose|supposing|imagine|what\s+if)\b",
    _I,
)
PLANNED = re.compile(
    # "would remain closed", "will stay shut" state how things are, not a plan
    r"\b(?:will(?!\s+(?:remain|stay))|shall|plans?\s+to|planned|planning|prepar(?:es|ing)\s+to|(?:is|are|was|were)\s+set\s+to"
    r"|(?:is|are|was|were)\s+expected\s+to|intends?\s+to|intend(?:ed|ing)\s+to|to\s+announce|(?:is|are)\s+to"
    r"|announced\s+plans|about\s+to|going\s+to|soon|due\s+to|scheduled\s+to"
    # "and that those who wished to leave would be flown to Libreville from Wednesday": reported future
    r"|would\s+be\s+(?:flown|evacuated|repatriated|taken|brought|airlifted|moved|bused|bussed)"
    # "the Canadian Government are arranging a charter flight ... on Saturday": an arrangement under way
    r"|(?:is|are)\s+(?:now\s+)?(?:arranging|organi[sz]ing|chartering|preparing)"
    # headline and table style: "Embassy to close on Monday"
    r"|(?:embass(?:y|ies)|consulates?|missions?)\s+to(?=\s+(?:temporarily\s+)?(?:close|shut|reopen|move|relocate)\b)"
    r"|(?:said|says|announced|confirmed|added)\s+(?:that\s+)?(?:[\w’'-]+,?\s+){1,14}?would(?!\s+(?:remain|stay)))\b|['’]ll\b"
    # a list's gerund, "- Sending an air force Boeing on Saturday to pick up Portuguese"; "| due Friday"
    r"|^[\s\-–—•*]*(?-i:Sending|Chartering|Preparing|Organi[sz]ing|Arranging|Planning)\b"
    r"|\bdue\s+(?:on\s+)?(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow)\b)",
    _I,
)
REPORTED = re.compile(
    r"\b(?:citing\s+(?:an?\s+|two\s+|three\s+|several\s+)?(?:unnamed\s+|anonymous\s+|diplomatic\s+)?(?:sources?|officials?)"
    r"|according\s+to\s+(?:an?\s+|two\s+|three\s+|several\s+)?(?:unnamed\s+|anonymous\s+|diplomatic\s+)?"
    r"(?:sources?|officials?|people\s+familiar)|sources?\s+(?:said|say|says|told|report\w*|in)\b"
    r"|reportedly|allegedly|unconfirmed|is\s+said\s+to|are\s+said\s+to|officials\s+told)",
    _I,
)

# Words after a country or demonym that make it the threat, the place or the army, not the government acting.
NOT_GOVERNMENT_AFTER = re.compile(
    r"^(?:['’]s\s+)?(?:invasion|invad\w*|troops?|forces|army|military|soldiers|threat|aggression|attacks?"
    r"|offensive|build-?up|border|incursion|tanks|missiles?|escalation|war|side|territory|soil|capital"
    r"|city|people|citizens|nationals|airspace|airlines?|airways|(?-i:Air\s+[A-Z])|flights?|airport|carriers?|companies"
    r"|company|firms?|businesses"
    # "EU member states", "her EU partners": the members act, not the union.
    r"|member\s+states?|members|partners|allies|countries|nations|states)\b",
    _I,
)
# Words after a demonym that make it a government actor: "the Japanese government", "Russian diplomats".
GOVERNMENT_AFTER = re.compile(
    r"^(?:['’]s\s+)?(?:\w+\s+)?(?:governments?|(?:high\s+)?commissions?|authorities|officials?|ministry|foreign\s+ministry|foreign\s+office"
    r"|foreign\s+minister|minister|prime\s+minister|pm|president|premier|chancellor|embass(?:y|ies)|consulates?"
    r"|diplomats?|diplomatic|missions?|administration|cabinet|state\s+department|secretary|spokes\w+|leader"
    r"|foreign\s+and\s+\w+\s+office|mfa|department|ambassador|envoy|federal\s+public\s+service|colleagues?|counterparts"
    # the armed forces flying nationals out act for the government: "Australian air force planes landed to fly ..."
    r"|air\s+force|navy|naval\s+forces?|coast\s+guard|(?:army|military)\s+(?:helicopters?|planes?|aircraft|transports?|jets?))\b",
    _I,
)
# Prepositions that make the following country a place, recipient or topic ("troops to Poland", "talks in Geneva").
PLACE_BEFORE = re.compile(
    r"\b(?:to|in|into|from|at|near|towards?|across|via|against|with|between|on|over|through|inside|outside"
    r"|within|around|for|of|about|by|than|recogni[sz]\w*|leave|leaving|left|depart\w*|exit\w*|evacuat\w*|fle\w+|fled"
    r"|visit\w*|invade\w*|reach(?:ed|es|ing)?|(?-i:embassy|Embassy|AMEMBASSY)"
    # a travel level's country: "Seoul lowered Pakistan back to level 2"
    r"|lower(?:ed|s|ing)|rais(?:ed|es|ing)|downgrad\w+|upgrad\w+"  # (a cable's "Embassy Mogadishu")
    r"|invading|enter\w*|including)\s+(?:the\s+)?$",
    _I,
)
# ...unless a government noun sits just before: "the foreign ministry in Moscow", "the government of Japan".
GOVERNMENT_BEFORE_PREPOSITION = re.compile(
    r"\b(?:ministry|spokes\w+|governments?|officials?|minister|authorities|department)\s+(?:\w+\s+)?"
    r"(?:in|of)\s+(?:the\s+)?$"
    # "our friends in South Korea": the government there
    r"|\b(?:our|their|its)\s+(?:\w+\s+)?(?:friends|partners|colleagues|counterparts|allies)\s+in\s+(?:the\s+)?$"
    # "the Ministry of Foreign Affairs of Korea", "... and Expatriates of the Hashemite Kingdom of Jordan"
    r"|\b(?:affairs|expatriates|relations|office)\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:(?:kingdom|republic|state)\s+of\s+)?$"
    # "the embassy of France" is France's; "the embassy in Beirut" is only where it is.
    r"|\b(?:embassy|embassies|consulate|consulate[- ]general|mission|delegation)\s+of\s+(?:the\s+)?$",
    _I,
)
# Clause breaks: an actor on the far side of one is not the subject of the trigger.
CLAUSE_BREAK = re.compile(
    r";|\b(?:while|whereas|although|because|after|before|when|unlike|which|who|whom|unless|amid|despite)\b"
    # "but" between clauses, not between adjectives ("a large but unofficial mission")
    r"|(?<=,\s)but\b|\bbut(?=\s+(?-i:[A-Z])|\s+(?:the|it|they|he|she|its|their|we|there)\b)"
    # A quotation opens after punctuation and closes before it; a quote inside a clause is a scare quote or the
    # speaker's words in his own clause ('Russia has "optimised" the staffing', 'The Foreign Office says "some
    # embassy staff ... are being withdrawn"'), and the subject before it stays the subject.
    r"|(?:(?<=[,;])|^)\s*[“\"]|[”\"](?=\s*[,.;:!?]|\s*$)",
    _I,
)
# A group noun that, as subject, names no issuer: "many countries ask citizens to leave" starts a clause, and
# whoever is named before it is not the one acting. Also "urged her EU partners to tell their citizens ...".
GROUP_NOUN = re.compile(
    r"\b(?:countries|governments|states|nations|embassies|missions|allies|partners|capitals|counterparts)\b", _I
)
GROUP_QUANTIFIER = re.compile(
    r"\b(?:many|several|some|other|numerous|various|multiple|more|more\s+and\s+more|a\s+number\s+of|dozens\s+of"
    r"|a\s+dozen|a\s+few|\d+|two|three|four|five|six|seven|eight|nine|ten|fourteen)\s+(?:\w+\s+)?$",
    _I,
)
GROUP_TO = re.compile(r"\s+to\b", _I)
# Between list members: "Germany, Britain and Japan", "the US as well as Canada".
LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|or\s+)?|and\s+|as\s+well\s+as\s+|&\s+|or\s+|/\s*)(?:of\s+)?(?:the\s+)?"
    # "Indonesia, China, the UAE and our friends in South Korea"
    r"(?:our\s+(?:\w+\s+)?(?:friends|partners|colleagues|counterparts|allies)\s+in\s+(?:the\s+)?)?$",
    _I,
)
JOINED_GAP = re.compile(r"^\s+(?:\w+\s+){0,3}?(?:join|joins|joined)\s+$", _I)
# After the trigger: "..., as is non-Nato ally New Zealand", "as have Canada and Japan".
AS_IS_AFTER = re.compile(
    r"^[^.;:!?]*?,?\s+as\s+(?:is|are|has|have|did|do|does|was|were|had)\s+(?:(?:non-\w+|\w+)\s+){0,3}?$", _I
)
# A subject pronoun or "the country" at the start of the clause refers back to the previous actor.
PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:said|says|added|announced|confirmed)\s+(?:that\s+)?)(?:[\w\s]{0,20}\s)?(?:it|he|she|they|we|the\s+country|her\s+country|his\s+country"
    r"|their\s+country|the\s+government|the\s+ministry|the\s+department|the\s+foreign\s+ministry"
    r"|the\s+administration|the\s+embassy|the\s+consulate|the\s+mission|the\s+kingdom"
    r"|I|dept)\b[^,;]*$"
    # a sentence opening on the possessive: "Its ambassador and remaining staff moved to Djibouti"
    r"|^\W*its\b[^,;]*$",
    _I,
)
