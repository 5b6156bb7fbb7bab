"""Keyword prefilter for discovered links: fetch an article only if its title or summary names a watched country
and carries a leave / evacuate / embassy cue. Cheap, pure, and deliberately generous (the extractor decides)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.countries import gazetteer
from tracker.trie import trie_regex

# Cue stems drawn from the extraction vocabulary: a story that has none of them cannot hold an event.
CUES = re.compile(
    r"leav|evacuat|embass|diplomat|consulat|citizens|nationals|depart|withdraw|staff|advis|advice|warning"
    r"|relocat|reopen|suspend|exit|flee|airlift|repatriat",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Prefilter:
    targets: re.Pattern[str]

    @classmethod
    def for_targets(cls, codes: tuple[str, ...]) -> Prefilter:
        gaz = gazetteer()
        surfaces = [s for code in codes if code in gaz.countries for s in gaz.countries[code].surfaces]
        return cls(trie_regex(surfaces))

    def accepts(self, title: str, summary: str) -> bool:
        text = f"{title}\n{summary}"
        if not text.strip():
            return True  # nothing to judge by: let the extractor decide
        return bool(self.targets.search(text)) and bool(CUES.search(text))
