"""Tally tables read as sentences (pure).

A table of evacuations by government ("NATIONALS EVACUATED FROM LIBYA, BY GOVERNMENT" over "Country | People moved |
First govt departure | Embassy in Tripoli") says in its caption and headers what each row only counts. Each row is
rewritten as the sentence it stands for ("China evacuated 35,860 nationals on 24/2; China suspended its embassy on
26/2.") and read like any other; the mention keeps the row as its evidence.
"""

from __future__ import annotations

import re

from tracker.countries import Gazetteer, MatchKind

# A caption or header that says the rows are people moved out.
_TALLY = re.compile(r"\b(?:evacuat\w*|moved|flown\s+out|repatriat\w*|airlift\w*|brought\s+out|taken\s+out)\b", re.I)
_COUNT_HEADER = re.compile(r"\b(?:people|persons|nationals|citizens|evacuees|evacuated|moved|number|total)\b", re.I)
_DATE_HEADER = re.compile(r"\b(?:date|departure|first|day|when)\b", re.I)
_EMBASSY_HEADER = re.compile(r"\b(?:embassy|mission|consulate)\b", re.I)
_NUMBER = re.compile(r"\d[\d,.]*")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY = re.compile(rf"\b\d{{1,2}}[/.]\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}|\b{_MONTH}\s+\d{{1,2}}\b")
_CLOSED = re.compile(r"\b(?:suspended|closed|shut)\b", re.I)
_CUT = re.compile(r"\b(?:skeleton|handful|reduced|minimum|core\s+staff|drawn\s+down|non-essential)\b", re.I)


def tally_sentences(text: str, gaz: Gazetteer) -> dict[int, str]:
    """Offset of each tally-table row in `text` -> the sentence it stands for."""
    rows: dict[int, str] = {}
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    index = 0
    while index < len(lines):
        if lines[index].count("|") < 2:
            index += 1
            continue
        start = index
        while index < len(lines) and lines[index].count("|") >= 2:
            index += 1
        caption = " ".join(line for line in lines[max(0, start - 2) : start] if line.strip())
        header = _cells(lines[start])
        if not _TALLY.search(caption + " " + " | ".join(header)):
            continue
        for row in range(start + 1, index):
            sentence = _row_sentence(header, _cells(lines[row]), gaz)
            if sentence:
                line = lines[row]
                rows[offsets[row] + len(line) - len(line.lstrip())] = sentence
    return rows


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _column(header: list[str], pattern: re.Pattern[str], skip: int = 0) -> int | None:
    return next((i for i, name in enumerate(header) if i >= skip and pattern.search(name)), None)


def _row_sentence(header: list[str], cells: list[str], gaz: Gazetteer) -> str | None:
    if not cells:
        return None
    found = gaz.find(cells[0])
    if not found or found[0].kind is not MatchKind.NAME or found[0].start > 2:
        return None
    country = found[0].surface
    count_at = _column(header, _COUNT_HEADER, skip=1)
    date_at = _column(header, _DATE_HEADER, skip=1)
    embassy_at = _column(header, _EMBASSY_HEADER, skip=1)
    parts = []
    count = cells[count_at] if count_at is not None and count_at < len(cells) else ""
    when = cells[date_at] if date_at is not None and date_at < len(cells) else ""
    day = _DAY.search(when)
    # A row without a government departure ("-") counts people who left some other way.
    number = _NUMBER.search(count)
    if number and (date_at is None or day):
        parts.append(f"{country} evacuated {number.group()} nationals" + (f" on {day.group()}" if day else ""))
    embassy = cells[embassy_at] if embassy_at is not None and embassy_at < len(cells) else ""
    embassy_day = _DAY.search(embassy)
    on = f" on {embassy_day.group()}" if embassy_day else ""
    if _CLOSED.search(embassy):
        parts.append(f"{country} suspended its embassy{on}")
    elif _CUT.search(embassy):
        parts.append(f"{country} cut its embassy to a skeleton staff{on}")
    return "; ".join(parts) + "." if parts else None
