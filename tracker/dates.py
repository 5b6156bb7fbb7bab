"""Date cues in a sentence and their resolution against the publication date (DESIGN §3).

We find the phrases ourselves and resolve them with plain calendar arithmetic: a library that parses a bare
weekday picks the wrong week (DESIGN §9), and "11/02/2022" is ambiguous, so only unambiguous forms are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from tracker.records import DatePrecision
from tracker.text import holds_any

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: index
    for index, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    # "18.03.2003": with dots and a year the order is day, month (European).
    ("dotted", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d{2})\b")),
    ("month-day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)),
    # "on 3 and 4 Jan", "5-6 March": a span of days is dated to its first
    (
        "day-month",
        re.compile(
            rf"\b{_DAY}\s*(?:and|&|-|–|to)\s*[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE
        ),
    ),
    ("day-month", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE)),
    # A table's date cell: "| 05/04", "| Sat 26/03": read like a timeline heading, the way that lands near the
    # publication date.
    (
        "cell-numeric",
        re.compile(
            r"\|\s*(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*\.?\s+)?(?P<day>[0-3]?\d)/(?P<month>[01]?\d)"
            r"\s*(?:\([^)]*\)\s*)?(?=\||$)",
            re.I,
        ),
    ),
    # "2/10/95", "10/02/1995": with a year, read where the order is certain or only one order lands near the
    # publication date.
    ("slashed", re.compile(r"(?<![\d/.])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)?\d{2})(?![\d/])")),
    # "25/01", "(26/3)": day/month without a year, read only where the order is certain (the day is over 12).
    ("numeric", re.compile(r"(?<![\d/.])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?![\d/])")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>this|last|next|on|late|early)\s+)?{_WEEKDAY}\b", re.IGNORECASE)),
    # A table's date cell holding only a short weekday: "Spain | Embassy closed | Sat".
    ("cell-weekday", re.compile(r"\|\s*(?P<weekday>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\s*(?=\||$)", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\b(?:yesterday|last\s+night)\b", re.IGNORECASE)),
    # A live blog's entry stamp ("14:05 GMT — ..."): the entry happened on the day of publication.
    (
        "timestamp",
        re.compile(
            # ("04.08 —" in a timeline is 4 August: a dot makes a time only with its zone)
            r"^\s*[0-2]?\d(?::[0-5]\d|\.[0-5]\d(?=\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|local)))"
            r"\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|local(?:\s+time)?)?\s*[—–-]",
            re.IGNORECASE,
        ),
    ),
    # "said on the 25th": a day of the publication month (or of the month before, if it has not come yet).
    ("day-of-month", re.compile(r"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b", re.IGNORECASE)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.IGNORECASE)),
    (
        "week",
        re.compile(
            r"\b(?:last\s+week|earlier\s+this\s+week|this\s+week|(?:at\s+)?the\s+(?:beginning|start)\s+of\s+"
            # not "last week's coup": a possessive dates the noun after it, not the act
            r"the\s+week|days\s+ago|recent\s+days)\b(?!['’]s)",
            re.IGNORECASE,
        ),
    ),
    # Resolved by the extractor to the previous sentence's day: "in the same statement", "the same day".
    (
        "same",
        re.compile(
            r"\b(?:(?:on\s+)?(?:the|that)\s+same\s+day|(?:in\s+)?the\s+same\s+(?:statement|announcement"
            r"|briefing|message|notice)|later\s+that\s+day|(?:from|on|as\s+of|with\s+effect\s+from)\s+that\s+date)\b",
            re.IGNORECASE,
        ),
    ),
    # Also resolved from the previous sentence's day: "A day later, the State Department ...".
    ("next-day", re.compile(r"\b(?:a|one)\s+day\s+later|the\s+(?:next|following)\s+day\b", re.IGNORECASE)),
    # "Three days later India cut its embassy ...": counted from the previous sentence's day
    (
        "days-later",
        re.compile(r"\b(?:two|three|four|five|six|seven|[2-7])\s+days\s+later\b", re.IGNORECASE),
    ),
    ("day-before", re.compile(r"\b(?:a|one)\s+day\s+(?:earlier|before)(?=\s*[,.;])", re.IGNORECASE)),
    (
        "before",
        re.compile(
            r"\b(?:already|previously|earlier|before\s+that|had\s+(?:\w+\s+)?(?:advised|urged|called|told"
            r"|ordered|asked|announced|evacuated|withdrawn|moved|closed|suspended)|last\s+month)\b",
            re.IGNORECASE,
        ),
    ),
)


# Per cue kind: whether its pattern needs a digit, and words one of which it needs (lower case; () for none).
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CUE_NEEDS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "iso": (True, ("-",)),
    "dotted": (True, (".",)),
    "numeric": (True, ("/",)),
    "slashed": (True, ("/",)),
    "cell-numeric": (True, ("|",)),
    "month-day": (True, _MONTH_WORDS),
    "day-month": (True, _MONTH_WORDS),
    "day-of-month": (True, ("the",)),
    "timestamp": (True, (":", ".")),
    "weekday": (False, ("day",)),
    "cell-weekday": (False, ("|",)),
    "today": (False, ("today", "tonight", "this")),
    "yesterday": (False, ("yesterday", "last night")),
    "tomorrow": (False, ("tomorrow",)),
    "week": (False, ("week", "days ago", "recent days")),
    "same": (False, ("same", "that day", "that date")),
    "next-day": (False, ("day later", "next day", "following day")),
    "day-before": (False, ("day earlier", "day before")),
    "days-later": (False, ("days later",)),
    "before": (False, ("already", "previously", "earlier", "before", "had", "last month")),
}


@dataclass(frozen=True, slots=True)
class DateCue:
    kind: str
    start: int
    end: int
    text: str
    value: date
    precision: DatePrecision


def _weekday_date(anchor: date, weekday: int, relation: str, future: bool) -> date:
    if relation == "next" or (future and relation != "last"):
        delta = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if relation == "last" and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _month_day(
    anchor: date, month: int, day: int, year: str | None, future: bool, narrative: date | None = None
) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        if narrative is not None:
            # the story's nearest such day: "On December 8th, 1978 ... on January 16th" is 1979
            days = [date(narrative.year + shift, month, day) for shift in (-1, 0, 1)]
            return min(days, key=lambda value: abs(value - narrative))
        value = date(anchor.year, month, day)
    except ValueError:
        return None
    # Without a year, a past act more than a month "ahead" of the article belongs to the previous year.
    if not future and value > anchor + timedelta(days=31):
        value = value.replace(year=anchor.year - 1)
    return value


def _day_of_month(anchor: date, day: int, future: bool) -> date | None:
    candidates = []
    for months_back in (0, 1, -1):
        month_index = anchor.year * 12 + anchor.month - 1 - months_back
        try:
            candidates.append(date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue
    ahead = [c for c in candidates if c >= anchor]
    behind = [c for c in candidates if c <= anchor]
    if future and ahead:
        return min(ahead)
    return max(behind) if behind else None


_NEAR = timedelta(days=45)


def _numeric_day(anchor: date, first: int, second: int, future: bool, certain_only: bool = False) -> date | None:
    """'25/01' is day/month and '01/25' month/day whatever the writer's habit. '8/4' standing as a timeline
    heading is read the way that lands near the publication date when only one way does; in running text it is
    not read at all ('3/4 of them' is a fraction)."""
    readings = []
    if 1 <= second <= 12:
        readings.append(_month_day(anchor, second, first, None, future))  # day/month
    if 1 <= first <= 12 and first != second:
        readings.append(_month_day(anchor, first, second, None, future))  # month/day
    found = [r for r in readings if r is not None]
    if first > 12 or second > 12:
        return found[0] if found else None
    if certain_only:
        return None
    near = {r for r in found if abs(r - anchor) <= _NEAR and (future or r <= anchor)}
    return near.pop() if len(near) == 1 else None


def _full_year(year: int, anchor: date) -> int:
    """'11.01.91': a two-digit year is in the century nearer the publication date."""
    return min((1900 + year, 2000 + year), key=lambda full: abs(full - anchor.year)) if year < 100 else year


def _slashed_day(anchor: date, year: int, first: int, second: int, future: bool) -> date | None:
    readings = []
    for month, day in ((second, first), (first, second)):  # day/month first: most of the world writes it so
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    readings = list(dict.fromkeys(readings))
    if len(readings) == 1:
        return readings[0]
    near = [r for r in readings if abs(r - anchor) <= _NEAR and (future or r <= anchor)]
    return near[0] if len(near) == 1 else None


def _resolve(
    kind: str, m: re.Match[str], anchor: date, future: bool, narrative: date | None = None
) -> tuple[date, DatePrecision] | None:
    day_precision = DatePrecision.DAY
    if kind in ("iso", "dotted"):
        year = _full_year(int(m["year"]), anchor)
        try:
            return date(year, int(m["month"]), int(m["day"])), day_precision
        except ValueError:
            return None
    if kind == "slashed":
        year = _full_year(int(m["year"]), anchor)
        value = _slashed_day(anchor, year, int(m["day"]), int(m["month"]), future)
        return (value, day_precision) if value else None
    if kind == "cell-numeric":
        value = _numeric_day(anchor, int(m["day"]), int(m["month"]), future)
        return (value, day_precision) if value else None
    if kind == "numeric":
        value = _numeric_day(anchor, int(m["day"]), int(m["month"]), future, certain_only=True)
        return (value, day_precision) if value else None
    if kind in ("month-day", "day-month"):
        month = MONTHS[m["month"].lower().rstrip(".")]
        value = _month_day(anchor, month, int(m["day"]), m["year"], future, narrative)
        return (value, day_precision) if value else None
    if kind == "cell-weekday":
        return _weekday_date(anchor, WEEKDAYS[m["weekday"].lower()], "", future), day_precision
    if kind == "weekday":
        relation = (m["rel"] or "").lower()
        return _weekday_date(anchor, WEEKDAYS[m["weekday"].lower()], relation, future), day_precision
    if kind in ("today", "timestamp"):
        return anchor, day_precision
    if kind == "yesterday":
        return anchor - timedelta(days=1), day_precision
    if kind == "day-of-month":
        of_month = _day_of_month(anchor, int(m["day"]), future)
        return (of_month, day_precision) if of_month else None
    if kind == "tomorrow":
        return anchor + timedelta(days=1), day_precision
    if kind == "week":
        return anchor, DatePrecision.ON_OR_BEFORE
    if kind in ("next-day", "day-before", "days-later"):
        return anchor, day_precision  # a day, counted by the extractor from the one it follows
    return anchor, DatePrecision.ON_OR_BEFORE


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=256)
def find_date_cues(
    sentence: str, anchor: date, future: bool = False, narrative: date | None = None
) -> tuple[DateCue, ...]:
    """Every date cue in `sentence`, resolved against `anchor` (the publication date); overlaps keep the first kind.
    `narrative`: the year a retrospective is telling of ("On 8 April" after "On the evening of 6 April 1994")."""
    cues: list[DateCue] = []
    taken: list[tuple[int, int]] = []
    lower = sentence.lower()
    has_digit = _DIGIT.search(sentence) is not None
    for kind, pattern in _PATTERNS:
        # Most patterns need a digit or one of a few words: a substring test spares most sentences the scan.
        digit, words = _CUE_NEEDS[kind]
        if (digit and not has_digit) or (words and not holds_any(lower, words)):
            continue
        for m in pattern.finditer(sentence):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            if kind == "day-month" and m["day"] == "0":
                continue
            resolved = _resolve(kind, m, anchor, future, narrative)
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            cues.append(DateCue(kind, m.start(), m.end(), m.group(), resolved[0], resolved[1]))
    cues.sort(key=lambda cue: cue.start)
    # "with effect from today, 2nd May 2023": the date in apposition says which day "today" was (a post is
    # often published a day after it was written).
    return tuple(
        cue
        for index, cue in enumerate(cues)
        if not (
            cue.kind in _RELATIVE_DAYS
            and index + 1 < len(cues)
            and cues[index + 1].kind in _EXPLICIT
            and _APPOSITION.fullmatch(sentence[cue.end : cues[index + 1].start])
        )
    )


_RELATIVE_DAYS = frozenset({"today", "yesterday", "tomorrow", "weekday"})
_EXPLICIT = frozenset({"iso", "dotted", "slashed", "month-day", "day-month", "numeric"})
_APPOSITION = re.compile(r"\s*[,(]?\s*(?:the\s+)?")


def nearest_cue(cues: Sequence[DateCue], start: int, end: int, verb: int | None = None) -> DateCue | None:
    """The cue closest to the trigger span; day-precision cues win over vaguer ones at similar distance.

    `verb`: where the act's verb sits inside a span that ends with it ("The embassy, which shut on 6 September,
    reopened"): a cue inside the span counts its distance to the verb, not zero."""
    if not cues:
        return None

    def distance(cue: DateCue) -> int:
        if cue.end <= start:
            gap = start - cue.end
        elif verb is not None and cue.end <= verb:
            gap = verb - cue.end
        else:
            gap = max(0, cue.start - end)
        return gap + (0 if cue.precision is DatePrecision.DAY else 40)

    return min(cues, key=distance)


_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:{_DAY},?\s+)?(?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE)
_FULL_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def narrative_day(sentence: str, anchor: date, current: date | None) -> date | None:
    """The day a text is telling of after this sentence: its last full date ("6 April 1994") when that is in an
    earlier year than the publication, so later dates without a year fall near it; a full date in the
    publication's year ends the retrospective."""
    # (a substring test first: this runs for every sentence, and few name a year)
    if ("19" not in sentence and "20" not in sentence) or _FULL_YEAR.search(sentence) is None:
        return current
    # A memoir of "Tehran 1978-79": the winter it spans is the story's, when nothing else has set one.
    if current is None and (span := _YEAR_SPAN.search(sentence)) is not None and int(span["year"]) < anchor.year - 1:
        return date(int(span["year"]), 12, 31)
    # A section headed by a year ("2012: the coup nobody planned for", "2022: a slow eviction") tells of that year.
    if (heading := _YEAR_HEADING.match(sentence)) is not None:
        year = int(heading["year"])
        return None if year >= anchor.year else date(year, 12, 31)
    # (only a date with its day: "in October 1969" is background, "On the evening of 6 April 1994" starts a story)
    named = [m for m in _FULL_DATE.finditer(sentence)]
    if not named:
        return current
    last = named[-1]
    if int(last["year"]) >= anchor.year:
        return None
    try:
        month = MONTHS[(last["month"] or last["month2"]).lower().rstrip(".")]
        return date(int(last["year"]), month, int(last["day"] or last["day2"]))
    except ValueError:
        return current


_YEAR_SPAN = re.compile(r"\b(?P<year>(?:19|20)\d{2})\s*[-–/]\s*(?:\d{2}|(?:19|20)\d{2})\b(?![-–/]\d)")
_YEAR_HEADING = re.compile(r"^\W*(?P<year>(?:19|20)\d{2})\s*[:—–-]\s+\S[^.]{0,60}$")
_FULL_DATE = re.compile(
    rf"\b(?:{_DAY}\s+{_MONTH}|{_MONTH.replace('?P<month>', '?P<month2>')}\s+{_DAY.replace('?P<day>', '?P<day2>')})"
    rf",?\s+(?P<year>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)


def infer_anchor(text: str, fallback: date) -> date:
    """A stand-in publication date for an undated article, never later than `fallback` (when we first saw it).

    The year comes from the latest "Month [day,] Year" the text names; the anchor is then the latest explicit
    day it names in that year: a report is written on or after the days it describes, so this keeps
    "on February 11" in the right year and "already" bounded by a day the article itself knows.
    """
    years = [int(m["year"]) for m in _MONTH_YEAR.finditer(text)]
    if not years:
        return fallback
    context = date(max(years), 12, 31)
    days = [
        cue.value
        for cue in find_date_cues(text, context, future=True)
        if cue.kind in ("iso", "month-day", "day-month") and cue.value.year == context.year
    ]
    if not days:
        return min(context, fallback)
    return min(max(days), fallback)


_DATELINE_PLACE = re.compile(
    r"^(?-i:[A-Z])[\w'’. -]{1,30}?(?:,\s+(?-i:[A-Z])[\w'’. -]{1,20}?)?,\s+"
    r"(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?(?:,?\s+\d{4})?\.?$|[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\.?$)"
)
_HEADING_START = re.compile(
    r"\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|early|mid|late|this|today"
    r"|yesterday|tonight|last)",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)](?=\s|$)\s*|[-*•]\s*)?")
# A timeline entry's date alone: "Sunday 23 January.", "26.01.", "14/02 (yesterday)." ("26.01" only here, where it
# cannot be a decimal).
_WEEKDAY_ABBREVIATION = re.compile(
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?", re.I
)
_ROMAN = {
    numeral: month
    for month, numeral in enumerate(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), start=1)
}
_ROMAN_MONTH = re.compile(r"^(?P<day>[0-3]?\d)\.(?P<month>X{0,1}(?:IX|IV|V?I{0,3}))\.?$")
_ORDINAL = re.compile(r"^(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)\.?(?:$|\s+[—–-]\s)", re.I)
# (a date ends the heading, or leads its entry after a dash: "8. Thu 3/8 — The Spanish A400M lands ...")
_SLASHED = re.compile(r"^(?P<day>[0-3]?\d)/(?P<month>[01]?\d)\b(?=\W*$|\s*\(|\s+[—–-]\s)")
_DOTTED = re.compile(r"^(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.?(?=\W*$|\s*\(|\s+[—–-]\s)")
# Before a heading's first cue: a weekday ("Sunday 23 January") or a day/month in unknown order ("11/02 (yesterday)").
_WEEKDAY_PREFIX = re.compile(rf"(?:{_WEEKDAY},?\s*|\d{{1,2}}/\d{{1,2}}\s*\(?)?", re.IGNORECASE)
_HEADING_REST = re.compile(r"^[\s.,:;()\-–—]*$")


# A post's stamp in a forum or comment thread: "Posted: Thu Jan 03, 2008 4:15 pm", "#7  priya_r  - Wed 07 Aug 2024",
# "@PolandMFA · 1 Oct 2024 · 20:03".
_POST_STAMP = re.compile(
    r"^\s*(?:posted(?:\s+on)?\s*:?\s*|#\d+\s+.{1,40}?\s[-–—|]\s+|@\w+\s*[·•|—–-]\s*"
    # a forum post's byline: "habesha_harry | Posted 05 Nov 2021, 21:14"
    r"|[\w.@-]{2,40}\s*[|·•]\s*posted(?:\s+on)?\s*:?\s*"
    # a feed item's date: "pubDate: Mon, 19 Sep 1988 06:15:00 GMT"
    r"|pub_?date\s*:\s*"
    # a page's numbered update: "Update 8 (17:00, 28 August)"
    r"|update\s+\d+\s*(?=[(:—–-])"
    # a live blog's entry stamped with its time and day: "17:40 Sun 14 April"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:GMT|BST|CET|CEST|UTC|EST|EDT))?\s*[,·•|—–-]?\s+(?=[A-Za-z]{3}\w*\.?,?\s+\d))"
    r"(?P<rest>.{4,60})$",
    re.IGNORECASE,
)
_BRACKET_STAMP = re.compile(r"^\[(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)(?:[./]\d{2,4})?,?\s+\d{1,2}:\d{2}\]")
_SLASHED_YEAR = re.compile(r"\b(?P<day>[0-3]?\d)([/.-])(?P<month>[01]?\d)\2(?P<year>(?:19|20)\d{2})\b")


def post_day(sentence: str, anchor: date) -> date | None:
    """The day a thread's post was written, from its stamp line, if the sentence is one: the post's "today" and
    "this morning" are that day, not the page's."""
    # A channel's post opening on its stamp: "[15.08 11:40] Norway has closed its embassy in Kabul ..."
    if sentence[:1] == "[" and (bracket := _BRACKET_STAMP.match(sentence)) is not None:
        return _numeric_day(anchor, int(bracket["day"]), int(bracket["month"]), False)
    stamp = _POST_STAMP.match(sentence)
    if not stamp:
        return None
    rest = stamp["rest"]
    slashed = _SLASHED_YEAR.search(rest)
    if slashed:
        # "02/01/2008": either order, read the one on or before the page's date and near it
        year, first, second = int(slashed["year"]), int(slashed["day"]), int(slashed["month"])
        readings = []
        for month, day in ((second, first), (first, second)):
            try:
                readings.append(date(year, month, day))
            except ValueError:
                continue
        near = {r for r in readings if timedelta(0) <= anchor - r <= _NEAR}
        return near.pop() if len(near) == 1 else None
    days = [
        c.value
        for c in find_date_cues(rest, anchor)
        if c.precision is DatePrecision.DAY and c.value <= anchor and c.kind != "timestamp"  # (a time names no day)
    ]
    return days[0] if days else None


def heading_day(sentence: str, anchor: date) -> tuple[bool, date | None]:
    """Whether a sentence is a timeline heading (a date standing alone, or leading "Saturday 12 Feb. A crowded
    day."), and its day if it names one ("Early February." is a heading without a day)."""
    marker = _LIST_MARKER.match(sentence)
    body = sentence[marker.end() if marker else 0 :].strip()
    # ("--- TUESDAY 15 MARCH ---", "== Friday 12 April ==": a decorated heading)
    if body[:1] in "-=*#~_" or body[-1:] in "-=*#~_":
        body = body.strip("-=*#~_ ")
    # A caption's or a brief's dateline: "Khartoum, 22 April.", "Al-Azraq air base, Jordan, 23 April."
    if len(body) <= 60 and "," in body and (dateline := _DATELINE_PLACE.match(body)) is not None:
        body = body[dateline.end() :]
    if not _HEADING_START.match(body):
        return False, None  # most sentences: nothing date-like in front, so no cue search
    # Compact entry dates, after an optional weekday ("Sun 10.04.", "Tuesday 12th.", "13.IV.", "8/4."): read
    # here only, where the line is nothing but the date.
    compact = body[_WEEKDAY_ABBREVIATION.match(body).end() :]  # type: ignore[union-attr]
    numeric = _SLASHED.match(compact) or _DOTTED.match(compact)
    if numeric:
        value = _numeric_day(anchor, int(numeric["day"]), int(numeric["month"]), False)
        return value is not None, value
    roman = _ROMAN_MONTH.match(compact)
    if roman and roman["month"]:
        return True, _month_day(anchor, _ROMAN[roman["month"].upper()], int(roman["day"]), None, False)
    ordinal = _ORDINAL.match(compact)
    if ordinal:
        return True, _day_of_month(anchor, int(ordinal["day"]), False)
    cues = find_date_cues(body, anchor)
    # "Sunday 23 January": the weekday in front of a stated day is dropped from the cues (the day says it all).
    if not cues or not _WEEKDAY_PREFIX.fullmatch(body[: cues[0].start]):
        if re.match(
            r"^(?:early|mid|late)[- ](?:January|February|March|April|May|June|July|August|September|October"
            r"|November|December)\.?$",
            body,
            re.IGNORECASE,
        ):
            return True, None
        return False, None
    covered = cues[0].start
    for cue in cues:
        if not _HEADING_REST.match(body[covered : cue.start]) or cue.kind in (
            "same",
            "next-day",
            "day-before",
            "days-later",
            "before",
            "timestamp",
        ):
            break
        covered = cue.end
    rest = body[covered:]
    # ...or the date ends its own sentence inside a longer one the splitter kept together after "Feb."
    leads = (re.match(r"^\.?\s+[A-Z]", rest) is not None and (rest.startswith(".") or body[covered - 1] == ".")) or (
        re.match(r"^\.?\s+[—–-]\s+\S", rest) is not None
    )
    if not covered or not (_HEADING_REST.match(rest) or leads):
        return False, None
    days = [c.value for c in cues if c.end <= covered and c.precision is DatePrecision.DAY]
    return True, (days[0] if days else None)
