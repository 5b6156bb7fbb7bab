"""The country gazetteer: codes, display names, and every way news names a country.

The strings are data (`tracker/data/countries.toml`); pycountry supplies the official names. A match carries its
kind, because a country named as a place ("flights to Warsaw") is not an actor the way "Warsaw urged" is.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import pycountry

from tracker.trie import trie_regex

EXTRA_CODES = ("EU",)


class MatchKind(StrEnum):
    NAME = "name"  # the state by name: "Japan", "the Netherlands"
    DEMONYM = "demonym"  # adjective or people: "British", "Americans"
    METONYM = "metonym"  # a seat of government acting for it: "Washington", "the Kremlin"
    PLACE = "place"  # a city or region that is only ever a place: "Kyiv", "Lviv"
    OFFICIAL = "official"  # a leader or minister speaking for the government: "Biden", "Lavrov"


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    surfaces: dict[str, MatchKind]
    ambiguous: frozenset[str]


@dataclass(frozen=True, slots=True)
class CountryMatch:
    code: str
    kind: MatchKind
    start: int
    end: int
    surface: str
    ambiguous: bool


class Gazetteer:
    """All countries, a fast matcher over their surfaces, and code <-> name lookups."""

    def __init__(self, countries: dict[str, Country]) -> None:
        self.countries = countries
        self._by_surface: dict[str, tuple[str, MatchKind]] = {}
        for country in countries.values():
            for surface, kind in country.surfaces.items():
                # First writer wins, so a name in the data table beats a pycountry variant of another code.
                self._by_surface.setdefault(surface, (country.code, kind))
        self._regex = trie_regex(self._by_surface)
        self._lower_regex: re.Pattern[str] | None = None
        self._by_lower: dict[str, tuple[str, MatchKind]] = {}

    def name(self, code: str) -> str:
        country = self.countries.get(code.upper())
        return country.name if country else code

    def is_known(self, code: str) -> bool:
        return code.upper() in self.countries

    def lookup(self, surface: str) -> str | None:
        """Code for an exact surface ("UK", "Britain") or a code itself ("gb"); None if unknown."""
        text = surface.strip()
        if text.upper() in self.countries:
            return text.upper()
        hit = self._by_surface.get(text)
        return hit[0] if hit else None

    def find(self, text: str) -> list[CountryMatch]:
        matches = self._find(text)
        if _is_shouted(text):
            # Cables and bulletins in capitals ("THE BRITISH EMBASSY ITSELF WILL REMAIN OPEN"): names are matched as
            # written, so words of three letters or more are read in title case too ("UK" stays as it is).
            # (keeping the title-cased surface: "Americans" reads as a plural the way the rest of the code expects)
            titled = self._find(_UPPER_WORD.sub(lambda m: m.group().title(), text))
            taken = [(m.start, m.end) for m in matches]
            matches += [m for m in titled if not any(m.start < end and start < m.end for start, end in taken)]
            matches.sort(key=lambda m: m.start)
        return matches

    def find_lowercase(self, text: str) -> list[CountryMatch]:
        """Names and demonyms written in lower case, as machine translation leaves them ("the france has decided",
        "to take back australians"); only names that are no common English word ("turkey", "chad", "polish" are
        left out)."""
        if self._lower_regex is None:
            for surface, (code, kind) in self._by_surface.items():
                lower = surface.lower()
                eligible = (
                    kind in (MatchKind.NAME, MatchKind.DEMONYM, MatchKind.METONYM)
                    and surface[:1].isupper()
                    and len(surface) >= 5
                )
                if eligible and lower not in _COMMON_WORDS and lower.removeprefix("the ") not in _COMMON_WORDS:
                    self._by_lower.setdefault(lower, (code, kind))
            self._lower_regex = trie_regex(self._by_lower)
        return [
            CountryMatch(code, kind, m.start(), m.end(), m.group().title(), False)
            for m in self._lower_regex.finditer(text)
            for code, kind in (self._by_lower[m.group()],)
        ]

    def _find(self, text: str) -> list[CountryMatch]:
        matches = []
        for m in self._regex.finditer(text):
            code, kind = self._by_surface[m.group()]
            ambiguous = m.group() in self.countries[code].ambiguous
            matches.append(CountryMatch(code, kind, m.start(), m.end(), m.group(), ambiguous))
        return matches


_UPPER_WORD = re.compile(r"\b[A-Z]{3,}\b")
# Lower-case country words that are ordinary English too.
_COMMON_WORDS = frozenset(
    {
        "turkey",
        "chad",
        "china",
        "jordan",
        "georgia",
        "guinea",
        "niger",
        "japan",
        "panama",
        "chile",
        "polish",
        "poles",
        "swedes",
        "danes",
        "jersey",
        "guernsey",
        "christmas island",
        "reunion",
        "cayman",
        "english",
        # capitals that are words too
        "victoria",
        "kingston",
        "valletta",
        "santiago",
        "washington",
        "bern",
        "berlin",
    }
)


def _is_shouted(text: str) -> bool:
    # (a cheap look at the first letters: most sentences are not in capitals; a short line in capitals is a
    # heading, whose names a section reader takes care of)
    return len(text) >= 60 and text[:60].isupper()


def _pycountry_names(code: str) -> list[str]:
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return []
    names = [getattr(record, attr, None) for attr in ("name", "common_name", "official_name")]
    # Drop names with commas ("Korea, Republic of"): news never writes them that way.
    return [n for n in names if n and "," not in n]


_THE = re.compile(r"^the ", re.IGNORECASE)


def _with_article_variants(surface: str) -> list[str]:
    """'the Netherlands' is written with a capital T at a sentence start, and without 'the' in lists."""
    if _THE.match(surface):
        bare = surface[4:]
        return [surface, "The " + bare]
    return [surface]


def build_gazetteer(table: dict[str, dict[str, object]]) -> Gazetteer:
    countries: dict[str, Country] = {}
    for code, entry in table.items():
        surfaces: dict[str, MatchKind] = {}
        for key, kind in (
            ("aliases", MatchKind.NAME),
            ("demonyms", MatchKind.DEMONYM),
            ("metonyms", MatchKind.METONYM),
            ("places", MatchKind.PLACE),
            ("leaders", MatchKind.OFFICIAL),
        ):
            for raw in entry.get(key, []) or []:  # type: ignore[attr-defined]
                for surface in _with_article_variants(str(raw)):
                    surfaces.setdefault(surface, kind)
        for official in _pycountry_names(code):
            surfaces.setdefault(official, MatchKind.NAME)
        name = str(entry.get("name") or (_pycountry_names(code) or [code])[0])
        surfaces.setdefault(name, MatchKind.NAME)
        ambiguous = frozenset(str(s) for s in entry.get("ambiguous", []) or [])  # type: ignore[attr-defined]
        countries[code] = Country(code, name, surfaces, ambiguous)
    return Gazetteer(countries)


@cache
def gazetteer() -> Gazetteer:
    """The package's gazetteer, built once per process (it is immutable data, not configuration)."""
    data = resources.files("tracker").joinpath("data/countries.toml").read_text(encoding="utf-8")
    return build_gazetteer(tomllib.loads(data))
