from __future__ import annotations

import pycountry

from tracker.countries import MatchKind, gazetteer


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.code, m.surface) for m in gazetteer().find(text)]


def test_every_iso_country_and_the_eu_is_known() -> None:
    gaz = gazetteer()
    assert all(gaz.is_known(c.alpha_2) for c in pycountry.countries)
    assert gaz.is_known("EU") and gaz.name("EU") == "European Union"
    assert gaz.name("GB") == "United Kingdom" and gaz.name("KR") == "South Korea"


def test_aliases_pycountry_misses() -> None:
    gaz = gazetteer()
    for surface, code in [
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("Russia", "RU"),
        ("the Netherlands", "NL"),
        ("Holland", "NL"),
        ("South Korea", "KR"),
        ("Czechia", "CZ"),
        ("U.S.", "US"),
    ]:
        assert gaz.lookup(surface) == code, surface


def test_former_names_stand_for_todays_state() -> None:
    # Retrospectives and archives name states as they were called then.
    gaz = gazetteer()
    for surface, code in [
        ("West Germany", "DE"),
        ("Bonn", "DE"),
        ("the Soviet Union", "RU"),
        ("Léopoldville", "CD"),
        ("Ceylon", "LK"),
        ("Northern Rhodesia", "ZM"),
        ("Rhodesia", "ZW"),
        ("Dahomey", "BJ"),
        ("Peking", "CN"),
    ]:
        assert gaz.lookup(surface) == code, surface


def test_longest_match_wins() -> None:
    text = "Papua New Guinea, Guinea-Bissau, Guinea and New Zealand met; Niger and Nigeria too."
    assert codes(text) == [
        ("PG", "Papua New Guinea"),
        ("GW", "Guinea-Bissau"),
        ("GN", "Guinea"),
        ("NZ", "New Zealand"),
        ("NE", "Niger"),
        ("NG", "Nigeria"),
    ]


def test_kinds_and_places() -> None:
    matches = {m.surface: m for m in gazetteer().find("The Kremlin said British diplomats left Kiev and Kyiv.")}
    assert matches["The Kremlin"].kind is MatchKind.METONYM and matches["The Kremlin"].code == "RU"
    assert matches["British"].kind is MatchKind.DEMONYM and matches["British"].code == "GB"
    assert matches["Kiev"].code == "UA" and matches["Kiev"].kind is MatchKind.PLACE
    assert matches["Kyiv"].kind is MatchKind.PLACE


def test_case_keeps_turkey_the_bird_out() -> None:
    assert codes("They ate turkey.") == []
    assert codes("Turkey urged its citizens to leave.") == [("TR", "Turkey")]


def test_ambiguous_names_are_flagged() -> None:
    (match,) = gazetteer().find("Georgia")
    assert match.code == "GE" and match.ambiguous


def test_names_in_capitals_are_found_in_long_lines_only() -> None:
    gaz = gazetteer()
    cable = "A. UK. BRITISH CHARGE TOLD DCM THAT HMG YESTERDAY ADVISED ALL BRITISH NATIONALS TO LEAVE ETHIOPIA."
    assert [(m.code, m.surface) for m in gaz.find(cable)] == [
        ("GB", "UK"),
        ("GB", "British"),
        ("GB", "HMG"),
        ("GB", "British"),
        ("ET", "Ethiopia"),
    ]
    # a short line in capitals is a heading: its names are left to the section reader
    assert gaz.find("IRAN: FAMILIES WITHDRAWN, DIPLOMATS EXPELLED") == []


def test_lowercase_names_are_read_only_where_they_are_no_common_word() -> None:
    gaz = gazetteer()
    text = "the france has decided; the embassy of belgium; the new zealanders; london; a turkey, a polish sailor"
    assert [(m.code, m.kind.value) for m in gaz.find_lowercase(text)] == [
        ("FR", "name"),
        ("BE", "name"),
        ("NZ", "demonym"),
        ("GB", "metonym"),
    ]
    # capitals that are words too stay words
    assert gaz.find_lowercase("victoria and kingston") == []
