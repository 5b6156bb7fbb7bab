"""The five official advisory adapters on their saved fixtures, and on the malformed answers they must refuse."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tracker.settings import SourceConfig
from tracker.sources import au_smartraveller, ca_travel, de_aa, gb_fcdo, us_state
from tracker.sources.base import AdvisoryLevel, Request, SourceDown, SourceKind, SourceOutput

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"
MODULES = (gb_fcdo, ca_travel, us_state, de_aa, au_smartraveller)


def parse(module: ModuleType, body: bytes, request: Request | None = None) -> SourceOutput:
    kind = module.KIND
    config = SourceConfig(name=f"test-{kind.name}", kind=kind.name)
    output: SourceOutput = kind.parse(config, request or Request(kind.default_url), body, "")
    return output


def fixture(module: ModuleType) -> bytes:
    kind: SourceKind = module.KIND
    return (FIXTURES / kind.fixture).read_bytes()


def fixture_json(module: ModuleType) -> Any:
    return json.loads(fixture(module))


def by_target(output: SourceOutput) -> dict[str, AdvisoryLevel]:
    return {level.target: level for level in output.levels}


def dumps(data: Any) -> bytes:
    return json.dumps(data).encode()


# --- every adapter ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_kind_is_official_and_named_after_its_module(module: ModuleType) -> None:
    kind = module.KIND
    assert kind.name == module.__name__.rsplit(".", 1)[-1]
    assert kind.official
    assert kind.default_url.startswith("https://")
    assert (FIXTURES / kind.fixture).is_file()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_fixture_levels_are_utc_and_issued_by_the_publishing_government(module: ModuleType) -> None:
    output = parse(module, fixture(module))
    assert output.levels
    for level in output.levels:
        assert level.issuer == module.ISSUER
        assert 1 <= level.level <= 4
        assert level.scope in ("whole", "parts")
        assert level.updated_at is not None and level.updated_at.utcoffset() == UTC.utcoffset(None)
        assert level.url.startswith("https://")
    for prose in output.prose:
        assert prose.text.strip() and "<" not in prose.text
        assert prose.published is None or prose.published.tzinfo is not None


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@pytest.mark.parametrize("body", [b"{not json", b"<html>Service unavailable</html>", b"\xff\xfe\x00garbage", b""])
def test_malformed_body_is_a_value_error_naming_the_source(module: ModuleType, body: bytes) -> None:
    with pytest.raises(ValueError, match=rf"^{module.KIND.name}: "):
        parse(module, body)


# --- gb_fcdo -----------------------------------------------------------------------------------------------------


def test_gb_fixture_reads_ukraine_parts_warning_prose_and_leave() -> None:
    output = parse(gb_fcdo, fixture(gb_fcdo), Request(gb_fcdo.DEFAULT_URL.format(slug="ukraine"), "UA"))
    (level,) = output.levels
    assert (level.target, level.level, level.scope, level.leave) == ("UA", 4, "parts", True)
    assert "all travel to parts" in level.native_label
    assert level.updated_at == datetime(2026, 9, 30, 15, 5, 12, tzinfo=UTC)
    assert level.url == "https://www.gov.uk/foreign-travel-advice/ukraine"
    assert level.summary.startswith("Updated the advice on air raid alerts")
    assert [p.url for p in output.prose] == [
        "https://www.gov.uk/foreign-travel-advice/ukraine/warnings-and-insurance",
        "https://www.gov.uk/foreign-travel-advice/ukraine/safety-and-security",
    ]
    assert output.prose[0].title == "Warnings and insurance"
    assert "you should leave the country now" in output.prose[0].text
    assert "\nLviv\nZakarpattia\n" in output.prose[0].text


@pytest.mark.parametrize(
    ("statuses", "level", "scope"),
    [
        (["avoid_all_travel_to_whole_country"], 4, "whole"),
        (["avoid_all_travel_to_parts"], 4, "parts"),
        (["avoid_all_but_essential_travel_to_whole_country"], 3, "whole"),
        (["avoid_all_but_essential_travel_to_parts"], 3, "parts"),
        (["avoid_all_but_essential_travel_to_whole_country", "avoid_all_travel_to_parts"], 4, "parts"),
        (["avoid_all_travel_to_parts", "avoid_all_travel_to_whole_country"], 4, "whole"),
        ([], 1, "whole"),
    ],
)
def test_gb_alert_status_maps_to_level_and_scope(statuses: list[str], level: int, scope: str) -> None:
    page = fixture_json(gb_fcdo)
    page["details"]["alert_status"] = statuses
    (advisory,) = parse(gb_fcdo, dumps(page)).levels
    assert (advisory.level, advisory.scope) == (level, scope)


def test_gb_unknown_alert_status_is_refused() -> None:
    page = fixture_json(gb_fcdo)
    page["details"]["alert_status"] = ["avoid_travel_on_tuesdays"]
    with pytest.raises(ValueError, match="gb_fcdo: unknown alert_status 'avoid_travel_on_tuesdays'"):
        parse(gb_fcdo, dumps(page))


def test_gb_advice_without_a_call_to_leave_is_not_leave() -> None:
    page = fixture_json(gb_fcdo)
    for part in page["details"]["parts"]:
        part["body"] = part["body"].replace("you should leave the country now", "you should stay in a shelter")
    (level,) = parse(gb_fcdo, dumps(page)).levels
    assert not level.leave


def test_gb_visa_rules_about_leaving_are_not_a_call_to_leave() -> None:
    page = fixture_json(gb_fcdo)
    page["details"]["parts"] = [
        {"slug": "entry-requirements", "title": "Entry requirements", "body": "<p>You should leave Ukraine now.</p>"}
    ]
    (level,) = parse(gb_fcdo, dumps(page)).levels
    assert not level.leave


def test_gb_target_comes_from_the_page_else_from_the_request_else_nothing() -> None:
    page = fixture_json(gb_fcdo)
    page["details"]["country"] = {"name": "Atlantis", "slug": "atlantis"}
    assert parse(gb_fcdo, dumps(page)).levels == ()
    assert parse(gb_fcdo, dumps(page)).prose == ()
    (level,) = parse(gb_fcdo, dumps(page), Request("https://example.org/page", "UA")).levels
    assert level.target == "UA"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[]", "gb_fcdo: expected a JSON object"),
        (b'{"title": "Foreign travel advice"}', "gb_fcdo: no 'details' object"),
        (b'{"details": {"alert_status": "avoid_all_travel_to_parts"}}', "gb_fcdo: details.alert_status"),
        (b'{"details": {"country": {"name": "Ukraine"}, "parts": [{"slug": "x"}]}}', "gb_fcdo: a part without"),
        (b'{"details": {"country": {"name": "Ukraine"}}, "public_updated_at": "last week"}', "gb_fcdo: bad timestamp"),
    ],
)
def test_gb_malformed_pages_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse(gb_fcdo, body)


def test_gb_requests_one_page_per_target_with_govuk_slugs() -> None:
    config = SourceConfig(name="uk", kind="gb_fcdo")
    requests = gb_fcdo.KIND.requests(config, ("UA", "ci", "LC", "US", "PS"))
    assert [(r.url.rsplit("/", 1)[-1], r.target) for r in requests] == [
        ("ukraine", "UA"),
        ("cote-d-ivoire", "CI"),
        ("st-lucia", "LC"),
        ("usa", "US"),
        ("palestine", "PS"),
    ]
    assert requests[0].url == "https://www.gov.uk/api/content/foreign-travel-advice/ukraine"


def test_gb_requests_honour_a_configured_url() -> None:
    fixed = SourceConfig(name="uk", kind="gb_fcdo", url="https://mirror.example.org/ukraine.json")
    assert gb_fcdo.KIND.requests(fixed, ("UA", "LB")) == [Request("https://mirror.example.org/ukraine.json")]
    template = SourceConfig(name="uk", kind="gb_fcdo", url="https://mirror.example.org/{slug}.json", target="LB")
    assert gb_fcdo.KIND.requests(template, ("UA",)) == [Request("https://mirror.example.org/lebanon.json", "LB")]
    assert gb_fcdo.KIND.requests(SourceConfig(name="uk", kind="gb_fcdo"), ()) == []


# --- ca_travel ---------------------------------------------------------------------------------------------------


def test_ca_fixture_reads_ukraine_avoid_all_travel_and_leave() -> None:
    output = parse(ca_travel, fixture(ca_travel), Request(ca_travel.DEFAULT_URL.format(iso2="ua"), "UA"))
    (level,) = output.levels
    assert (level.target, level.level, level.scope, level.leave) == ("UA", 4, "whole", True)
    assert level.native_label == "Avoid all travel"
    assert level.updated_at == datetime(2026, 9, 30, 14, 10, tzinfo=UTC)
    assert level.url == "https://travel.gc.ca/destinations/ukraine"
    assert level.summary == "Safety and security – editorial change"
    titles = [p.title for p in output.prose]
    assert titles == [
        "Ukraine: travel advice and advisories",
        "Ukraine: Risk level",
        "Ukraine: Safety and security",
    ]
    assert "You should leave the country now if you can do so safely." in output.prose[2].text.splitlines()


@pytest.mark.parametrize(("state", "level"), [(0, 1), (1, 2), (2, 3), (3, 4), ("2", 3)])
def test_ca_advisory_state_is_level_minus_one(state: object, level: int) -> None:
    data = fixture_json(ca_travel)
    data["data"]["advisory-state"] = state
    assert parse(ca_travel, dumps(data)).levels[0].level == level


@pytest.mark.parametrize("state", [4, -1, None, "high", True])
def test_ca_unknown_advisory_state_is_refused(state: object) -> None:
    data = fixture_json(ca_travel)
    data["data"]["advisory-state"] = state
    with pytest.raises(ValueError, match=r"ca_travel: advisory-state .* is not 0-3"):
        parse(ca_travel, dumps(data))


def test_ca_regional_advisory_means_parts_and_no_call_to_leave_means_no_leave() -> None:
    data = fixture_json(ca_travel)
    data["data"]["has-regional-advisory"] = 1
    data["data"]["eng"]["security"] = "<p>You should leave plenty of time at border crossings.</p>"
    (level,) = parse(ca_travel, dumps(data)).levels
    assert (level.scope, level.leave) == ("parts", False)


@pytest.mark.parametrize(
    ("published", "friendly", "expected"),
    [
        ({"asp": "2026-07-16T12:53:48.9258584-04:00"}, "", datetime(2026, 7, 16, 16, 53, 48, 925858, tzinfo=UTC)),
        ({"date": "2026-01-20 09:00:00"}, "", datetime(2026, 1, 20, 14, 0, tzinfo=UTC)),
        (None, "September 24, 2026 08:53 EDT", datetime(2026, 9, 24, 12, 53, tzinfo=UTC)),
        (None, "", None),
    ],
)
def test_ca_publication_time_falls_back_from_timestamp_to_local_dates(
    published: object, friendly: str, expected: datetime | None
) -> None:
    data = fixture_json(ca_travel)
    data["data"]["date-published"] = published
    data["data"]["eng"]["friendly-date"] = friendly
    assert parse(ca_travel, dumps(data)).levels[0].updated_at == expected


def test_ca_unknown_country_is_skipped() -> None:
    data = fixture_json(ca_travel)
    data["data"]["country-iso"] = "ZZ"
    data["data"]["eng"]["name"] = "Atlantis"
    assert parse(ca_travel, dumps(data)) == SourceOutput()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'["UA"]', "ca_travel: expected a JSON object"),
        (b'{"metadata": {}}', "ca_travel: no 'data' object"),
        (b'{"data": {"country-iso": "UA", "advisory-state": 3}}', "ca_travel: no English section"),
    ],
)
def test_ca_malformed_files_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse(ca_travel, body)


def test_ca_requests_use_lower_case_codes() -> None:
    config = SourceConfig(name="ca", kind="ca_travel")
    assert ca_travel.KIND.requests(config, ("UA", "LB")) == [
        Request("https://data.international.gc.ca/travel-voyage/cta-cap-ua.json", "UA"),
        Request("https://data.international.gc.ca/travel-voyage/cta-cap-lb.json", "LB"),
    ]


# --- us_state ----------------------------------------------------------------------------------------------------


def test_us_fixture_reads_every_country_item_and_skips_worldwide_caution() -> None:
    output = parse(us_state, fixture(us_state))
    levels = by_target(output)
    assert sorted(levels) == ["KH", "LB", "UA"]
    ukraine, lebanon, cambodia = levels["UA"], levels["LB"], levels["KH"]
    assert (ukraine.level, ukraine.native_label, ukraine.leave) == (4, "Level 4: Do Not Travel", False)
    assert (lebanon.level, lebanon.leave) == (4, True)
    assert (cambodia.level, cambodia.native_label) == (2, "Level 2: Exercise Increased Caution")
    # A date without a time is the start of that day in Washington (EDT in August).
    assert ukraine.updated_at == datetime(2026, 8, 28, 4, 0, tzinfo=UTC)
    assert lebanon.updated_at == datetime(2026, 9, 30, 19, 30, tzinfo=UTC)
    assert ukraine.url.endswith("destination.ukr.html")
    assert ukraine.summary == "Do not travel to Ukraine for any reason because of the war."
    texts = {p.title: p.text for p in output.prose}
    assert texts["Ukraine - Level 4: Do Not Travel"].splitlines()[:2] == [
        "Do not travel to Ukraine for any reason because of the war.",
        "Armed conflict",
    ]


def _feed(*items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{"".join(items)}</channel></rss>'.encode()


def _item(title: str, tag: str, date: str = "Tue, 15 Sep 2026", text: str = "Text.") -> str:
    level = title.partition(" - ")[2]
    return (
        f"<item><title>{title}</title><link>https://travel.state.gov/x</link><pubDate>{date}</pubDate>"
        f"<description><![CDATA[{text}]]></description><category domain='Threat-Level'>{level}</category>"
        f"<category domain='Country-Tag'>{tag}</category></item>"
    )


def test_us_tags_stand_in_for_titles_the_gazetteer_cannot_read() -> None:
    output = parse(
        us_state,
        _feed(
            _item("Burma (Myanmar) - Level 4: Do Not Travel", "BM"),
            _item("Israel, the West Bank and Gaza - Level 3: Reconsider Travel", "IS"),
            _item("Mainland China, Hong Kong &amp; Macau - See Summaries - Level 2: Exercise Increased Caution", "CH"),
            _item("Narnia - Level 1: Exercise Normal Precautions", "ZZ"),
        ),
    )
    assert {t: lv.level for t, lv in by_target(output).items()} == {"MM": 4, "IL": 3, "CN": 2}


def test_us_title_beats_a_tag_read_the_wrong_way() -> None:
    # "NA" is the feed's ISO-style tag on a Namibia item; "SE" would be Seychelles in FIPS, Sweden in ISO.
    output = parse(us_state, _feed(_item("Sweden - Level 2: Exercise Increased Caution", "SE")))
    assert list(by_target(output)) == ["SE"]


def test_us_repeated_country_keeps_the_newest_item() -> None:
    output = parse(
        us_state,
        _feed(
            _item("Namibia - Level 1: Exercise Normal Precautions", "WA", "Fri, 15 May 2026"),
            _item("Namibia - Level 2: Exercise Increased Caution", "NA", "Thu, 10 Sep 2026"),
        ),
    )
    assert [(lv.target, lv.level) for lv in output.levels] == [("NA", 2)]
    assert len(output.prose) == 1


def test_us_call_to_depart_is_leave_but_readiness_or_choice_is_not() -> None:
    assert us_state.says_leave("The Department urges U.S. citizens to depart Lebanon now.")
    assert not us_state.says_leave("Travelers should be prepared to depart immediately with little warning.")
    assert not us_state.says_leave("The Department urges U.S. citizens who wish to depart Lebanon to book a seat.")
    assert not us_state.says_leave("U.S. citizens have been prevented from leaving Saudi Arabia.")


def test_us_country_tags_load_from_package_data() -> None:
    tags = us_state.country_tags()
    assert {tags[t] for t in ("UP", "RS", "LE", "IS", "SU", "NG", "NI", "AF", "HA", "BO", "IR", "UK", "SW")} == {
        "UA", "RU", "LB", "IL", "SD", "NE", "NG", "AF", "HT", "BY", "IR", "GB", "SE",
    }  # fmt: skip
    assert len(tags) > 200
    assert all(re.fullmatch(r"[A-Z]{2}", tag) and re.fullmatch(r"[A-Z]{2}", code) for tag, code in tags.items())


def test_us_empty_channel_is_nothing_found() -> None:
    assert parse(us_state, _feed()) == SourceOutput()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "us_state: expected an RSS"),
        (b"<rss version='2.0'><channel><item><title>x", "us_state: body is not XML"),
        (_feed(_item("Ukraine - Level 4: Do Not Travel", "UP", date="someday")), "us_state: bad pubDate 'someday'"),
    ],
)
def test_us_malformed_feeds_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse(us_state, body)


def test_us_requests_the_feed_once() -> None:
    config = SourceConfig(name="us", kind="us_state")
    assert us_state.KIND.requests(config, ("UA", "LB")) == [Request("https://travel.state.gov/_res/rss/TAsTWs.xml")]


# --- de_aa -------------------------------------------------------------------------------------------------------


def test_de_fixture_maps_the_four_flags() -> None:
    levels = by_target(parse(de_aa, fixture(de_aa)))
    assert {t: (lv.level, lv.scope, lv.native_label) for t, lv in levels.items()} == {
        "UA": (4, "whole", "Reisewarnung"),
        "IL": (4, "parts", "Teilreisewarnung"),
        "LB": (3, "whole", "situationWarning"),
        "FR": (1, "whole", "Reise- und Sicherheitshinweise"),
    }
    ukraine = levels["UA"]
    assert ukraine.updated_at == datetime(2026, 9, 30, 12, 10, tzinfo=UTC)
    assert ukraine.url == "https://www.auswaertiges-amt.de/opendata/travelwarning/201946"
    assert not any(level.leave for level in levels.values())


def test_de_situation_part_warning_is_three_in_parts_and_flags_may_be_strings() -> None:
    data = fixture_json(de_aa)
    entry = data["response"]["209524"]
    entry.update(situationPartWarning="True", warning="False")
    france = by_target(parse(de_aa, dumps(data)))["FR"]
    assert (france.level, france.scope) == (3, "parts")


def test_de_empty_object_means_the_source_is_down() -> None:
    assert (FIXTURES / "de_aa_down.json").read_bytes() == b"{}"
    with pytest.raises(SourceDown, match="not 'no warnings'"):
        parse(de_aa, (FIXTURES / "de_aa_down.json").read_bytes())


@pytest.mark.parametrize(
    "body", [b'{"response": {}}', b'{"response": {"lastModified": 1790845200, "contentList": []}}']
)
def test_de_answer_without_countries_means_the_source_is_down(body: bytes) -> None:
    with pytest.raises(SourceDown):
        parse(de_aa, body)


def test_de_detail_content_with_a_call_to_leave_sets_leave() -> None:
    data = fixture_json(de_aa)
    entry = data["response"]["212374"]
    entry["content"] = "<p>Deutsche Staatsangehörige werden dringend aufgefordert, Libanon zu verlassen.</p>"
    assert by_target(parse(de_aa, dumps(data)))["LB"].leave
    entry["content"] = "<p>Reisende sollten die Unterkunft nach Einbruch der Dunkelheit nicht verlassen.</p>"
    assert not by_target(parse(de_aa, dumps(data)))["LB"].leave


def test_de_millisecond_timestamps_and_iso3_codes_are_read() -> None:
    data = fixture_json(de_aa)
    entry = data["response"]["201946"]
    entry.update(lastModified=1499681492000, countryCode="")
    level = by_target(parse(de_aa, dumps(data)))["UA"]
    assert level.updated_at == datetime(2017, 7, 10, 10, 11, 32, tzinfo=UTC)


def test_de_unknown_place_is_skipped() -> None:
    data = fixture_json(de_aa)
    data["response"]["201946"].update(countryCode="", iso3CountryCode="", countryName="Nirgendwo")
    assert "UA" not in by_target(parse(de_aa, dumps(data)))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(response=[]), "de_aa: no 'response' object"),
        (lambda d: d["response"]["201946"].update(warning="ja"), "de_aa: flag warning is 'ja'"),
    ],
)
def test_de_malformed_answers_are_refused(mutate: Any, message: str) -> None:
    data = copy.deepcopy(fixture_json(de_aa))
    mutate(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        parse(de_aa, dumps(data))


def test_de_non_object_is_refused() -> None:
    with pytest.raises(ValueError, match="de_aa: expected a JSON object"):
        parse(de_aa, b"[]")


# --- au_smartraveller --------------------------------------------------------------------------------------------


def test_au_fixture_reads_levels_regions_and_leave() -> None:
    output = parse(au_smartraveller, fixture(au_smartraveller))
    levels = by_target(output)
    assert sorted(levels) == ["NZ", "TH", "UA"]  # "No travel advice" for Antarctica gives no level
    assert {t: (lv.level, lv.scope, lv.leave) for t, lv in levels.items()} == {
        "UA": (4, "whole", True),
        "TH": (3, "parts", False),
        "NZ": (1, "whole", False),
    }
    assert levels["TH"].native_label == "Exercise a high degree of caution"
    # "Thu, 2026-10-01 09:15" in Canberra, still on standard time (UTC+10).
    assert levels["UA"].updated_at == datetime(2026, 9, 30, 23, 15, tzinfo=UTC)
    assert levels["UA"].url == "https://www.smartraveller.gov.au/destinations/europe/ukraine"
    prose = {p.url.rsplit("/", 1)[-1]: p for p in output.prose}
    assert prose["ukraine"].title == "Ukraine Travel Advice & Safety | Smartraveller"
    assert "you should leave now" in prose["ukraine"].text


@pytest.mark.parametrize(
    ("label", "level"),
    [
        ("Do not travel", 4),
        ("Reconsider your need to travel", 3),
        ("Exercise a high degree of caution", 2),
        ("Exercise  normal safety precautions", 1),
    ],
)
def test_au_labels_map_to_levels(label: str, level: int) -> None:
    data = fixture_json(au_smartraveller)[:1]
    data[0].update(field_overall_advice_level=label, field_advice_levels="")
    assert parse(au_smartraveller, dumps(data)).levels[0].level == level


def test_au_empty_export_is_nothing_found() -> None:
    assert parse(au_smartraveller, b"[]") == SourceOutput()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"destinations": []}', "au_smartraveller: expected a JSON array"),
        (b'["Ukraine"]', "au_smartraveller: a destination that is not an object"),
        (
            b'[{"title": "Ukraine", "field_overall_advice_level": "Do not travel", "changed": "soon"}]',
            "au_smartraveller: bad 'changed' date 'soon'",
        ),
    ],
)
def test_au_malformed_exports_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse(au_smartraveller, body)
