"""Extraction on short texts written for the purpose: must-find and must-not-find cases (DESIGN §3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tracker.extract import extract
from tracker.records import DatePrecision, Document, Status

PUBLISHED = date(2022, 2, 12)  # a Saturday


def run(text: str, target: str = "UA") -> list[tuple[str, str, str]]:
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    return sorted({(m.issuer, m.target, m.event_type.value) for m in extract(document, PUBLISHED, target)})


def one(text: str):  # type: ignore[no-untyped-def]
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    (mention,) = extract(document, PUBLISHED, "UA")
    return mention


MUST_FIND = [
    ("Japan advised its citizens to leave Ukraine.", [("JP", "UA", "leave_advisory")]),
    (
        "Germany, Great Britain, Belgium and Japan have also called for the withdrawal of their citizens from Ukraine.",
        [
            ("BE", "UA", "leave_advisory"),
            ("DE", "UA", "leave_advisory"),
            ("GB", "UA", "leave_advisory"),
            ("JP", "UA", "leave_advisory"),
        ],
    ),
    ("South Korea ordered its nationals to leave Ukraine.", [("KR", "UA", "leave_advisory")]),
    ("Amid fears of a Russian invasion, Britain told its citizens to leave.", [("GB", "UA", "leave_advisory")]),
    ("Washington urged all Americans in Ukraine to leave within 24-48 hours.", [("US", "UA", "leave_advisory")]),
    ("Jake Sullivan urged US citizens to leave the country immediately.", [("US", "UA", "leave_advisory")]),
    ("Israel announced the evacuation of the families of its diplomats.", [("IL", "UA", "embassy_drawdown")]),
    ("Moscow said it had optimised staffing at its embassy in Kyiv.", [("RU", "UA", "embassy_drawdown")]),
    (
        "The Kremlin denied the claims. It also announced the withdrawal of staff from the Russian embassy in Kiev.",
        [("RU", "UA", "embassy_drawdown")],
    ),
    (
        "The UK, Canada and Denmark are asking their citizens to leave Ukraine, as is non-Nato ally New Zealand.",
        [
            ("CA", "UA", "leave_advisory"),
            ("DK", "UA", "leave_advisory"),
            ("GB", "UA", "leave_advisory"),
            ("NZ", "UA", "leave_advisory"),
        ],
    ),
    (
        "Germany and the Netherlands have joined the UK in calling on their citizens to leave Ukraine.",
        [("DE", "UA", "leave_advisory"), ("GB", "UA", "leave_advisory"), ("NL", "UA", "leave_advisory")],
    ),
    ("The US is moving its embassy operations from Kyiv to Lviv.", [("US", "UA", "embassy_relocation")]),
    ("Canada suspended operations at its embassy in Kyiv.", [("CA", "UA", "embassy_closure")]),
    ("Italy returned its embassy to Kyiv in April.", [("IT", "UA", "embassy_return")]),
    ("Japan also told its citizens to leave Belarus.", [("JP", "BY", "leave_advisory")]),
    (
        "Britain urged its nationals to leave Lebanon while commercial flights are available.",
        [("GB", "LB", "leave_advisory")],
    ),
    (
        "Once again the United States advise citizens to leave Ukraine warn that any aggression It is imminent",
        [("US", "UA", "leave_advisory")],
    ),
    ("Jordan urged its citizens to leave Israel.", [("JO", "IL", "leave_advisory")]),
    ("Georgia's foreign ministry told Georgian citizens to leave Israel.", [("GE", "IL", "leave_advisory")]),
    ("Turkey told its nationals to leave Lebanon.", [("TR", "LB", "leave_advisory")]),
    ("Papua New Guinea advised its citizens to leave Ukraine.", [("PG", "UA", "leave_advisory")]),
    (
        "Officials said:\n- Japan told its citizens to leave\n- Korea closed its embassy in Kyiv",
        [("JP", "UA", "leave_advisory"), ("KR", "UA", "embassy_closure")],
    ),
    (
        "The Czech embassy, which had sent most of its staff home, returned to full operations on Monday.",
        [("CZ", "UA", "embassy_drawdown"), ("CZ", "UA", "embassy_return")],
    ),
    (
        "Canada and Australia, which had already urged their citizens to depart, repeated their warnings.",
        [("AU", "UA", "leave_advisory"), ("CA", "UA", "leave_advisory")],
    ),
]

MUST_NOT_FIND = [
    "Ukraine's foreign ministry said there was no reason to panic.",
    "The Pentagon ordered 3,000 troops to Poland and Romania.",
    "Several Western embassies told their citizens to leave.",
    "EU spokesman Peter Stano said this is not an evacuation of staff.",
    "Germany has no plans to evacuate its embassy.",
    "The United States could order the departure of embassy staff within days.",
    "France would evacuate its citizens if Russia invades.",
    "Britain withdrew its military trainers from Ukraine.",
    "Lufthansa suspended flights to Kyiv and several companies told employees to leave.",
    "Poland urged Ukrainians to leave the border area.",
    "Talks in Geneva between Sweden and Finland ended.",
    "Many countries ask citizens to leave the country.",
    "The US advised against all travel to Ukraine.",
    "Chad Smith, a spokesman, said the company told its employees to leave Sudan.",
    "The governor of Georgia urged residents to leave the coast.",
    "Estonia's prime minister urged her EU partners to tell their citizens to leave Ukraine.",
    "Turkey told its citizens to stay in safe places rather than to leave.",
    "A British diplomat said London would evacuate its embassy staff if Russia invades.",
    # a negation before "recommend that" governs the advice the trigger completes
    "We do not currently recommend that corporate clients evacuate staff from the country.",
    # "as" starts another event: the British embassy stayed open
    "The British embassy remained open as the Canadian one was closed on Monday.",
    "The flights also carried citizens of Canada, Japan and several European countries.",
    "Israel has launched its own operation to fly home Israelis stranded abroad.",
    "Papua New Guinea has closed its High Commission in Honiara, according to a post on a community Facebook page.",
    # the noun as a subject evacuates no one
    'Moscow insisted that "evacuation would only encourage those who want the Russians gone".',
    "The CentralWorld mall said it had moved its staff out.",
    # a conditional sentence's consequence; a corrections column's captions and reports; an organisation's "it"
    "If the garrison were deployed, we would expect Japan and Australia to move quickly to advise their nationals "
    "to leave.",
    "- A photo caption on Thursday said Spain had closed its embassy in Managua.",
    "- A report on Tuesday (US pulls staff, page 21) said the State Department had ordered Americans to leave.",
    "The United Nations said on Monday it was temporarily withdrawing non-essential staff from Tripoli to Tunis.",
    "Japan's embassy said it would decide on Tuesday whether to close.",
    # opinion, aspiration, a misreading owned up to
    "The ministry should tell Indians in Iraq, plainly, that those who can leave should leave.",
    "We look forward to resuming our diplomatic presence in Caracas once the transition begins.",
    "We misread a statement that Taiwan had closed its technical mission's farm project near Masaya.",
    # others carried along, tour operators' customers, a corrected table
    "The Marines also carried out Britons, Canadians, Dutch and Lebanese nationals who had gathered there.",
    "Tour operators in Britain and Germany flew some holidaymakers home early.",
    "Correction (Aug. 8): An earlier version of this table said France had closed its embassy in Monrovia.",
    # thought experiments, contingency plans, a corrections column
    "Suppose Germany tells its citizens to leave next week.",
    "South Korea has drawn up plans to evacuate its nationals should the violence escalate further.",
    "On Tuesday we reported that Britain had lifted its advice to leave the country.",
    "An article on Monday (Evacuees pour into Roissy, page 3) said that Germany had closed its embassy in Abidjan.",
    # a government carrying foreigners, others on board its flights
    "South African air force helicopters flew about 40 foreigners, including Americans and Britons, to Bloemfontein.",
    # what a fact-check or a correction reports as said, not as done
    'Claim: "The US has evacuated its embassy in Khartoum."',
    "Several posts claim the UK told Britons to leave.",
    "CORRECTION: Our 13:20 post said Papua New Guinea had closed its High Commission in Honiara.",
    "An earlier version of this article said that Norway had closed its embassy in Khartoum.",
    # "put" moves people only onto transport or out of somewhere
    "Ghana is expected to put the Congolese request for help before the Security Council tonight.",
    # the mission arranged the flights: it is the agent, not the staff evacuated
    "The first of the evacuation flights arranged by the British High Commission left Enugu at dawn for Lagos.",
    # a company's staff, another government's people
    "We expect those companies to make arrangements for their American staff to depart.",
    "Pretoria has offered to help evacuate citizens of its neighbours who are stranded in Kinshasa.",
]


@pytest.mark.parametrize(("text", "expected"), MUST_FIND)
def test_must_find(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_must_not_find(text: str) -> None:
    assert run(text) == []


def test_status_planned_and_reported() -> None:
    planned = one(
        "The State Department plans to announce on Saturday that all US staff at the embassy will be required to leave."
    )
    assert planned.status is Status.PLANNED and planned.date == date(2022, 2, 12)
    reported = one("RIA Novosti reported, citing a source, that Russian diplomats were leaving Ukraine.")
    assert reported.status is Status.REPORTED and reported.issuer == "RU"


def test_relative_and_apposed_day_cues() -> None:
    after = extract(
        Document(
            url="u",
            title="",
            text="The US embassy in Harare reopened on Thursday, a day after it closed.",
            published=PUBLISHED,
            source="test",
        ),
        PUBLISHED,
        "ZW",
    )
    days = {m.event_type.value: m.date for m in after}
    assert days == {"embassy_return": date(2022, 2, 10), "embassy_closure": date(2022, 2, 9)}
    # "today" in apposition to a stated day is that day (the post may be published later).
    apposed = one(
        "The Embassy of Kenya in Kyiv relocated its operations to Lviv with effect from today, 10th February 2022."
    )
    assert (apposed.date, apposed.date_precision) == (date(2022, 2, 10), DatePrecision.DAY)
    # "From that date" is the previous sentence's day, in the future for a planned act.
    text = (
        "The Embassy of Japan in Kyiv will suspend its operations with effect from 15 February. "
        "From that date, the remaining members of the Embassy will move to the Embassy of Japan in Poland."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    moves = [m for m in extract(document, PUBLISHED, "UA") if m.event_type.value == "embassy_relocation"]
    assert [(m.issuer, m.target, m.date) for m in moves] == [("JP", "UA", date(2022, 2, 15))]


def test_a_pluperfect_in_reported_speech_keeps_the_day() -> None:
    mention = one("Ann Linde said on Friday that the Swedish embassy had been evacuated and its staff were safe.")
    assert (mention.date, mention.date_precision) == (date(2022, 2, 11), DatePrecision.DAY)


def test_the_day_of_the_act_beats_the_day_it_was_reported() -> None:
    told = one("Canadians were told yesterday by their government in Ottawa to leave, a spokesman said this morning.")
    assert told.date == date(2022, 2, 11)
    text = "The British embassy will close on Monday and move its staff to Brazzaville, London said on Thursday."
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    days = {m.event_type.value: m.date for m in extract(document, PUBLISHED, "UA")}
    assert days == {"embassy_closure": date(2022, 2, 14), "embassy_relocation": date(2022, 2, 14)}


def test_a_headline_plan_is_dated_forward() -> None:
    row = one("Italy | Embassy to close on Monday | 14 Feb")
    assert (row.status, row.date) == (Status.PLANNED, date(2022, 2, 14))


def test_the_same_day_reaches_over_a_sentence_without_one() -> None:
    text = (
        "Twenty-five years on.\n\nOn the evening of 6 April 1994, the president's jet was shot down.\n\n"
        "On 8 April the Belgian foreign ministry told all Belgians in Rwanda to leave the country. "
        "The Americans went by road. On the same day, the State Department told American citizens to leave."
    )
    published = date(2019, 4, 6)
    document = Document(url="u", title="", text=text, published=published, source="test")
    days = {m.issuer: (m.date, m.date_precision) for m in extract(document, published, "RW")}
    assert days == {"BE": (date(1994, 4, 8), DatePrecision.DAY), "US": (date(1994, 4, 8), DatePrecision.DAY)}


def test_the_same_day_in_one_sentence_is_the_day_it_names() -> None:
    text = (
        "Germany reopened its embassy on Monday. The department ordered that departure on March 17, and on the "
        "same day it told American citizens to leave."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {m.event_type.value: m.date for m in extract(document, PUBLISHED, "MG") if m.issuer == "US"}
    assert found["leave_advisory"] == date(2021, 3, 17)  # (a March day a month ahead of February is last year's)


def test_a_destination_goes_on_before_the_trigger_too() -> None:
    text = (
        "The State Department ordered its staff out. Two days later, the ambassador led the last convoy across the "
        "border to Bujumbura, in Burundi, and the embassy was closed behind him."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.issuer, m.target, m.event_type.value) for m in extract(document, PUBLISHED, "RW")}
    assert ("US", "RW", "embassy_closure") in found
    assert not any(target == "BI" for _, target, _ in found)


def test_the_month_of_may_hedges_nothing() -> None:
    found = one("The State Department last Friday (31 May) ordered the departure of non-emergency staff.")
    assert (found.event_type.value, found.date) == ("embassy_drawdown", date(2021, 5, 31))
    assert run("Japan may evacuate its embassy staff.") == []


def test_a_continuation_takes_the_day_its_own_government_last_acted() -> None:
    text = (
        "Berlin urged Germans to leave Pakistan on Tuesday.\n- Canada.\nOttawa has told Canadians to leave "
        "Pakistan, according to two Western diplomats.\n\n1/ Nairobi on Monday 1 May flew 200 Kenyans home.\n"
        "2/ Buses are waiting at the border.\n3/ All Kenyans still in Sudan are advised to leave the country."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    days = {(m.issuer, m.target): (m.date, m.date_precision) for m in extract(document, PUBLISHED, "SD")}
    assert days[("CA", "PK")] == (PUBLISHED, DatePrecision.ON_OR_BEFORE)
    assert days[("KE", "SD")] == (date(2021, 5, 1), DatePrecision.DAY)


def test_a_bullet_led_by_a_country_names_the_issuer() -> None:
    text = (
        "PAKISTAN\n- United States. Non-emergency staff and dependants had already been ordered out of Islamabad.\n"
        "- United Kingdom. On Saturday the FCO ordered the dependants of staff at the High Commission in Islamabad "
        "and the Deputy High Commission in Karachi to leave.\n\nAIRLINES\nThe airlines said staff had been told to "
        "leave Karachi.\n"
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.issuer, m.event_type.value) for m in extract(document, PUBLISHED, "PK")}
    assert found == {("US", "embassy_drawdown"), ("GB", "embassy_drawdown")}


def test_staff_moved_abroad_and_back_are_two_acts() -> None:
    text = (
        "=== France ===\nFrance did not mount an evacuation of its own. Its ambassador and remaining staff moved "
        "temporarily to Djibouti on 9 June 1998, and returned to Asmara on 22 June."
    )
    published = date(2017, 5, 1)
    document = Document(url="u", title="", text=text, published=published, source="test")
    found = {(m.issuer, m.event_type.value, m.date) for m in extract(document, published, "ER")}
    assert found == {("FR", "embassy_relocation", date(1998, 6, 9)), ("FR", "embassy_return", date(1998, 6, 22))}


def test_a_heading_with_a_demonym_starts_no_section() -> None:
    text = (
        "HEADLINES\nThe Foreign Office says the British embassy will work from Djibouti for the time being.\n"
        "THE SOVIET SHIPS\nA spokesman in London said a freighter had carried 31 Britons to Djibouti.\n"
        "UGANDA\nThe fighting in Kampala goes on.\n"
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    assert {m.target for m in extract(document, PUBLISHED, "YE")} == {"YE"}


def test_the_same_advice_given_to_its_citizens_repeats_the_last_event() -> None:
    text = "**Estonia**\n- Advised Estonians to leave Georgia.\n\n**Lithuania**\n- Gave its citizens the same advice."
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.issuer, m.event_type.value) for m in extract(document, PUBLISHED, "GE")}
    assert found == {("EE", "leave_advisory"), ("LT", "leave_advisory")}


def test_three_days_later_counts_from_the_day_before_it() -> None:
    text = "Russia ordered its embassy shut on August 15. Three days later India cut its embassy to three diplomats."
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {m.issuer: m.date for m in extract(document, PUBLISHED, "AF")}
    assert found["IN"] == found["RU"] + timedelta(days=3)


def test_a_diary_entry_date_is_the_today_of_its_entry() -> None:
    text = (
        "Wednesday 9 February\n\nWoke at 7 to helicopters.\n\nThursday 10 February\n\n"
        "The American embassy near Tahrir is shut today."
    )
    found = one(text)
    assert (found.event_type.value, found.date) == ("embassy_closure", date(2022, 2, 10))


def test_machine_translation_with_names_in_lower_case() -> None:
    text = (
        "ALGIERS - the france has decided of passing to the facts. sunday the Quai d'Orsay has invited the "
        "compatriots to leave the country. according to diplomatic sources, also the embassy of belgium has reduced "
        "to the minimum its personnel."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.issuer, m.event_type.value) for m in extract(document, PUBLISHED, "DZ")}
    assert ("BE", "embassy_drawdown") in found
    assert ("FR", "leave_advisory") in found
    # in ordinary English a lower-case name stays a word
    assert run("A turkey was sent home. Britain told Britons to leave.") == [("GB", "UA", "leave_advisory")]


def test_a_ministrys_post_speaks_for_its_government_on_the_posts_day() -> None:
    text = (
        "@MFA_Austria · 9 Feb 2022 · 14:05\nGiven the security situation, we are temporarily reducing the staff of "
        "our embassy in Kyiv to a minimum.\n\n@MofaJapan_en · 10 Feb 2022 · 16:30\nJapanese nationals in Ukraine "
        "are urged to leave the country by commercial flight as soon as possible.\n"
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.issuer, m.event_type.value): m.date for m in extract(document, PUBLISHED, "UA")}
    assert found == {("AT", "embassy_drawdown"): date(2022, 2, 9), ("JP", "leave_advisory"): date(2022, 2, 10)}


def test_an_attribution_followed_by_what_else_was_said_names_the_government() -> None:
    text = (
        "Canberra told Australians to leave. The government has also reduced its embassy in Amman to a skeleton "
        "staff, the Foreign Office said in a statement this afternoon, adding that a further flight would leave."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.issuer, m.event_type.value) for m in extract(document, PUBLISHED, "JO")}
    assert ("GB", "embassy_drawdown") in found and ("AU", "embassy_drawdown") not in found


def test_bare_country_headings_lead_what_each_government_did() -> None:
    text = (
        "Here is what governments have done.\n\nFRANCE\n- Flew troops in on Tuesday.\n- Began flying French "
        "nationals out the same day.\n\nBELGIUM\n- Paratroopers landed on Wednesday.\n- Ordered the evacuation of "
        "its roughly 11,000 nationals the same day.\n\nGERMANY\n- Closed its embassy on Thursday."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.issuer, m.target, m.event_type.value) for m in extract(document, PUBLISHED, "CD")}
    assert found == {
        ("FR", "CD", "leave_advisory"),
        ("BE", "CD", "leave_advisory"),
        ("DE", "CD", "embassy_closure"),
    }


def test_a_threads_day_ends_with_the_thread() -> None:
    text = (
        "Below are the posts.\n\n@MSZ_RP · 1 Mar 2014, 13:42\nPoles who are on the peninsula are advised to leave "
        "it.\n\n@FCOtravel · 3 Mar 2014, 11:20\nUpdate for British nationals in Crimea: if you do not have a "
        "pressing need to remain, you should leave by commercial means.\n\nWhat the posts add up to: Canada has now "
        "asked its citizens to get out of Crimea."
    )
    published = date(2014, 3, 5)
    document = Document(url="u", title="", text=text, published=published, source="test")
    found = {m.issuer: (m.date, m.date_precision) for m in extract(document, published, "UA")}
    assert found == {
        "PL": (date(2014, 3, 1), DatePrecision.DAY),
        "GB": (date(2014, 3, 3), DatePrecision.DAY),
        "CA": (published, DatePrecision.ON_OR_BEFORE),
    }


def test_a_day_later_counts_from_the_sentence_before() -> None:
    text = (
        "On Wednesday Canada told its citizens to leave Haiti. "
        "A day later, the United States ordered its embassy staff out."
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    days = {m.issuer: m.date for m in extract(document, PUBLISHED, "HT")}
    assert days == {"CA": date(2022, 2, 9), "US": date(2022, 2, 10)}


def test_the_next_day_counts_from_a_day_earlier_in_the_sentence() -> None:
    text = "The Netherlands closed its embassy in Tehran on Monday and reopened it the next day."
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    days = {m.event_type.value: m.date for m in extract(document, PUBLISHED, "IR")}
    assert days == {"embassy_closure": date(2022, 2, 7), "embassy_return": date(2022, 2, 8)}


def test_this_morning_in_a_forum_post_is_the_posts_day() -> None:
    text = (
        "coastwatcher\nPosted: Thu Jan 03, 2008 4:15 pm\n"
        "Also, a friend at the Canadian High Commission says they sent dependants home this morning, quietly."
    )
    published = date(2008, 1, 5)
    document = Document(url="u", title="", text=text, published=published, source="test")
    (mention,) = extract(document, published, "KE")
    assert (mention.issuer, mention.event_type.value, mention.date) == ("CA", "embassy_drawdown", date(2008, 1, 3))


def test_the_headlines_target_beats_places_people_were_flown_to() -> None:
    text = (
        "The State Department told Americans to leave on the first flight, and consular officers flew in from "
        "Barbados. Washington had been pressing its citizens to get out."
    )
    document = Document(url="u", title="Students flown out of Grenada", text=text, published=PUBLISHED, source="test")
    assert {m.target for m in extract(document, PUBLISHED, "UA")} == {"GD"}
    titled = Document(
        url="u",
        title="From Washington to Seoul, capitals tell citizens: get out of Ukraine",
        text=text,
        published=PUBLISHED,
        source="test",
    )
    assert {m.target for m in extract(titled, PUBLISHED, "XX")} == {"UA"}


def test_dates_from_cues() -> None:
    day = one("On February 11, Latvia advised its citizens to leave Ukraine.")
    assert (day.date, day.date_precision) == (date(2022, 2, 11), DatePrecision.DAY)
    weekday = one("Norway on Friday told its citizens to leave Ukraine.")
    assert weekday.date == date(2022, 2, 11)
    bound = one("Canada had previously advised its citizens to leave Ukraine.")
    assert (bound.date, bound.date_precision) == (PUBLISHED, DatePrecision.ON_OR_BEFORE)


def test_explain_names_the_rule_and_the_cues() -> None:
    mention = one("Amid fears of a Russian invasion, Britain on Friday told its citizens to leave.")
    text = "\n".join(mention.explain)
    assert "rule: advise-citizens-to-leave" in text
    assert "issuer: United Kingdom" in text and "cue 'on Friday'" in text
    assert "rejected: Russian" in text


def test_article_target_replaces_the_default() -> None:
    text = "Britain told its citizens to leave Lebanon. The Foreign Office said British nationals should leave now."
    assert run(text) == [("GB", "LB", "leave_advisory")]


def test_trigger_vocabulary_is_consistent() -> None:
    from tracker.vocabulary import GATES, TRIGGER_GATE_EXTRA, TRIGGER_NEEDS, TRIGGERS

    names = [t.name for t in TRIGGERS]
    assert len(names) == len(set(names))
    assert set(TRIGGER_NEEDS) <= set(names)  # a typo would silently disable the finer gate
    assert set(TRIGGER_GATE_EXTRA) <= set(names)
    assert {t.event_type for t in TRIGGERS} == set(GATES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Should Australia tell its citizens to leave Myanmar?", []),
        ("An earlier version wrongly stated that Italy had closed its embassy in Tripoli.", []),
        ("The United States has said it hopes to reopen its embassy as soon as possible.", []),
        (
            "China said it would send aircraft to bring back about 500 Chinese tourists from Egypt.",
            [("CN", "EG", "leave_advisory")],
        ),
        (
            "The ambassador and the Turkish embassy's remaining diplomats returned to Ankara on Monday night.",
            [("TR", "UA", "embassy_drawdown")],
        ),
        ("Britain is no longer advising its nationals to leave Ethiopia.", [("GB", "ET", "advisory_lifted")]),
        # No determiner before the people, and the planned act said in reported speech with words between.
        (
            "Spain's foreign ministry said an air force plane would land in Kathmandu on Wednesday to bring home "
            "Spaniards who wished to leave.",
            [("ES", "NP", "leave_advisory")],
        ),
        ("About 300 Ugandans evacuated by road had reached the border of Sudan.", [("UG", "SD", "leave_advisory")]),
        (
            "The United States flew Ambassador Laurence Wohlers and his diplomatic staff out of the Central African "
            "Republic.",
            [("US", "CF", "embassy_drawdown")],
        ),
        (
            "France on Friday asked the families of its diplomatic staff in Tehran to return to France.",
            [("FR", "IR", "embassy_drawdown")],
        ),
        (
            "South Korea says its embassy will move from Baghdad to Erbil on June 20.",
            [("KR", "IQ", "embassy_relocation")],
        ),
        # The place after "to the US embassy in" is the destination's, not the target.
        (
            "The work of the US embassy in Caracas moved on Thursday to the US embassy in Bogotá, Colombia.",
            [("US", "VE", "embassy_relocation")],
        ),
        # "officials in Tokyo" locate a government; the target is the article's, not Japan.
        (
            "South Korea on Thursday urged its nationals to leave the country, officials in Seoul and Tokyo said.",
            [("KR", "UA", "leave_advisory")],
        ),
        # A table row: the country, an em dash, and a headline-style clause.
        (
            "Canada — Nationals told to leave; first chartered ship sailed for Cyprus — 19 July",
            [("CA", "UA", "leave_advisory")],
        ),
        # The pronoun after "after" is the sentence's own embassy, and "a day after" counts back from the cue.
        (
            "The US embassy in Harare reopened on Thursday, a day after it closed to the public.",
            [("US", "ZW", "embassy_closure"), ("US", "ZW", "embassy_return")],
        ),
        # "The embassy" without a country is the one the previous sentence was about.
        (
            "The State Department ordered staff out of Egypt on Wednesday. The embassy, which has been closed to the "
            "public since Sunday, will stay shut.",
            [("US", "EG", "embassy_closure"), ("US", "EG", "embassy_drawdown")],
        ),
        # Targets listed together each get the event.
        (
            "Poland's foreign ministry urged Poles in Iran and in Lebanon to leave both countries.",
            [("PL", "IR", "leave_advisory"), ("PL", "LB", "leave_advisory")],
        ),
        (
            "The Dutch and Australian embassies in Bangkok also suspended their services on Monday.",
            [("AU", "TH", "embassy_closure"), ("NL", "TH", "embassy_closure")],
        ),
        # The antecedent of ", which" acts, even after a preposition.
        (
            "The ship had been chartered by France, which on Sunday told its nationals in Lebanon to leave.",
            [("FR", "LB", "leave_advisory")],
        ),
        # "who do not need to be" says who should leave; it negates nothing.
        ("Canada said Canadians who do not need to be in Mali should leave.", [("CA", "ML", "leave_advisory")]),
        ("Turkey said its consulate in Almaty would remain closed.", [("TR", "KZ", "embassy_closure")]),
        # The target is looked for in the trigger's clause only.
        (
            "Kenya said it had begun moving Kenyans out of Sudan through Ethiopia, and that the first group would be "
            "flown home from Addis Ababa.",
            [("KE", "SD", "leave_advisory")],
        ),
        # A quote opened after the speaker's verb keeps the speaker as the subject.
        (
            'The Foreign Office says "some embassy staff and dependants" are being withdrawn from Kyiv.',
            [("GB", "UA", "embassy_drawdown")],
        ),
        (
            'The Latvian foreign ministry "strongly recommends" that Latvian citizens leave Ukraine immediately.',
            [("LV", "UA", "leave_advisory")],
        ),
        (
            "Saudi citizens are told by the kingdom's embassy in Kyiv to depart immediately.",
            [("SA", "UA", "leave_advisory")],
        ),
        # A bare "follows" repeats the event just reported, and the list that follows shares it.
        (
            "Poland advised Poles to leave Russia last Thursday, and Bulgaria and Romania followed on Wednesday.",
            [("BG", "RU", "leave_advisory"), ("PL", "RU", "leave_advisory"), ("RO", "RU", "leave_advisory")],
        ),
        # "similar advice" is advice to leave, whatever was reported last.
        (
            "Denmark reduced the staff of its embassy in Addis Ababa. Norway and Sweden have issued similar advice "
            "to their nationals.",
            [("DK", "ET", "embassy_drawdown"), ("NO", "ET", "leave_advisory"), ("SE", "ET", "leave_advisory")],
        ),
        # A row named by its country, and a bullet whose subject is the heading above it.
        (
            "Japan - Recommends that all Japanese nationals leave Jordan; embassy cut to essential staff - Mar. 18",
            [("JP", "JO", "embassy_drawdown"), ("JP", "JO", "leave_advisory")],
        ),
        (
            "* Japan\nHas moved its embassy's functions to Amman, in neighbouring Jordan.",
            [("JP", "UA", "embassy_relocation")],
        ),
        ("Washington put about 170 Americans on buses to Yerevan.", [("US", "UA", "leave_advisory")]),
        (
            "The first Brazilian air force KC-30 left Tel Aviv with 211 Brazilians on board.",
            [("BR", "IL", "leave_advisory")],
        ),
        ("Estonia's diplomats were back in Tbilisi on Tuesday.", [("EE", "GE", "embassy_return")]),
        (
            "The French embassy, which shut its doors on Monday, reopened to the public on Thursday.",
            [("FR", "UA", "embassy_closure"), ("FR", "UA", "embassy_return")],
        ),
        (
            "On 6 September Ankara advised Turkish citizens in Guinea to leave. On Wednesday the Turkish foreign "
            "ministry withdrew that advice.",
            [("TR", "GN", "advisory_lifted"), ("TR", "GN", "leave_advisory")],
        ),
        # Conditions and hedges seen through quotes; a company flying its employees out.
        ('New Delhi says it "stands ready" to bring Indian nationals home if required.', []),
        ("Oil companies began flying American employees out of Basra on Friday.", []),
        ("According to a Western diplomat, several EU missions quietly sent non-essential staff home.", []),
        ("The French school in Bamako was closed and the France embassy asked the nationals to stay indoors.", []),
        ('Cuba said: "We have decided to withdraw our medical personnel immediately."', []),
        # A scare quote inside a clause keeps the subject.
        (
            'Maria Zakharova says Russia has "optimised" the staffing of its embassy in Kyiv.',
            [("RU", "UA", "embassy_drawdown")],
        ),
        ("Roughly 500 of them were French nationals whom Paris had told to go.", [("FR", "UA", "leave_advisory")]),
        (
            "Tokyo says it will temporarily move its embassy's functions to a liaison office in Lviv.",
            [("JP", "UA", "embassy_relocation")],
        ),
        # A transcript: the spokesperson's "we" is the government the briefing is from.
        (
            "Below is the briefing by the spokesperson of the Belgian Federal Public Service Foreign Affairs.\n"
            "A: We have decided to temporarily bring home the families of our expatriate staff.",
            [("BE", "UA", "embassy_drawdown")],
        ),
        (
            "What I can say is that our French colleagues closed their chancery in Kinshasa yesterday.",
            [("FR", "CD", "embassy_closure")],
        ),
        (
            "South Korea arranged a flight to bring home about 80 Koreans, most of them employees of companies.",
            [("KR", "UA", "leave_advisory")],
        ),
        # Where the sources sit is not the target.
        (
            "According to diplomatic sources in Baghdad, Belgium has also closed its embassy.",
            [("BE", "UA", "embassy_closure")],
        ),
        # Lists whose later members follow "of", and "their citizens of X" as a place.
        (
            "The governments of the Netherlands, Latvia and of Norway also have called for the withdrawal of their "
            "citizens of Ukraine.",
            [("LV", "UA", "leave_advisory"), ("NL", "UA", "leave_advisory"), ("NO", "UA", "leave_advisory")],
        ),
        # "recommendation" is a noun, so the verb after it starts the advice.
        (
            'Seoul raised its alarm for Iran to "departure recommendation", and recommended the Korean residents to '
            "leave Iran.",
            [("KR", "IR", "leave_advisory")],
        ),
        ("Berlin urged Germans in Ethiopia to take the next available flight out.", [("DE", "ET", "leave_advisory")]),
        # The target after "departing" is no subject.
        (
            "The State Department urged Americans to consider departing Haiti and authorised the departure of "
            "non-emergency embassy staff.",
            [("US", "HT", "embassy_drawdown")],
        ),
        (
            "Britain said the dependants of staff at the British embassy in Manama would be temporarily withdrawn.",
            [("GB", "BH", "embassy_drawdown")],
        ),
        (
            "Turkey, which has about 25,000 citizens in Libya, has brought more than 5,000 of them home.",
            [("TR", "LY", "leave_advisory")],
        ),
        ("The European Union's delegation returned to Port-au-Prince last month.", [("EU", "HT", "embassy_return")]),
        ("- Thailand: Bangkok began repatriating Thai agricultural workers.", [("TH", "UA", "leave_advisory")]),
        (
            "The Singapore Ministry of Foreign Affairs urged Singaporeans. to leave Myanmar as soon as possible.",
            [("SG", "MM", "leave_advisory")],
        ),
        (
            "The US embassy in N'Djamena suspended operations on 3 February. It reopened on Monday 18 February.",
            [("US", "TD", "embassy_closure"), ("US", "TD", "embassy_return")],
        ),
        ("It reopened on Monday after the holiday.", []),
        (
            "The EU delegation sent part of its non-essential staff to Dakar on 8 September.",
            [("EU", "UA", "embassy_drawdown")],
        ),
        # The main verb's subject stands before a relative clause; a condition in a later clause is not this one's.
        (
            'France, which told its nationals to depart "as soon as possible," said its embassy in Sanaa would close '
            "temporarily from Friday, while Germany said it could withdraw staff if the situation worsened.",
            [("FR", "YE", "embassy_closure"), ("FR", "YE", "leave_advisory")],
        ),
        ("Cuba said it would bring home all 725 of its doctors in Bolivia.", [("CU", "BO", "leave_advisory")]),
        (
            "Britain closed its embassy in Tripoli and moved its remaining diplomats to neighbouring Tunisia.",
            [("GB", "LY", "embassy_closure"), ("GB", "LY", "embassy_relocation")],
        ),
        (
            "We have decided to reduce the staff of the British High Commission in Freetown to a small core team.",
            [("GB", "SL", "embassy_drawdown")],
        ),
        (
            "Canberra cut the staff of its consulate in Dili to three. Japan urged calm. The consulate has shut.",
            [("AU", "TL", "embassy_closure"), ("AU", "TL", "embassy_drawdown")],
        ),
        (
            "Canada withdrew embassy staff from Myanmar. The UK Foreign Office followed on Wednesday, telling "
            "Britons to leave Myanmar.",
            [("CA", "MM", "embassy_drawdown"), ("GB", "MM", "leave_advisory")],
        ),
        ("Our embassy told Dutch nationals in Kisumu to leave those towns and come to Nairobi.", []),
        ("Kenya Airways and the Nigerian carrier Arik Air have suspended flights and followed.", []),
        (
            "Paraguay, one of the states that recognise Taipei rather than Beijing, said the families of its "
            "diplomats in Taipei had been flown home.",
            [("PY", "TW", "embassy_drawdown")],
        ),
        ("Some argue that France should also have told its citizens in Israel to leave.", []),
        (
            "The Farnesina has invited the Italians still in Albania to leave the country.",
            [("IT", "AL", "leave_advisory")],
        ),
        (
            "It will also provide charter flights from Tokyo to Hong Kong for Britons who want to leave Japan.",
            [("GB", "JP", "leave_advisory")],
        ),
        ("Beijing said it had bused 3,000 Chinese nationals out of Miyagi.", [("CN", "UA", "leave_advisory")]),
        ("Thailand says it will send an air force plane for its nationals in China.", [("TH", "CN", "leave_advisory")]),
        ("Berlin urged Germans in Niger to take seats on the French flights.", [("DE", "NE", "leave_advisory")]),
        (
            "The United States moved its remaining diplomats from Kyiv to the western city of Lviv last week.",
            [("US", "UA", "embassy_relocation")],
        ),
        (
            "The Quai d'Orsay advised French nationals with no compelling reason to stay to leave Zaire.",
            [("FR", "CD", "leave_advisory")],
        ),
        # Who should leave, not a condition on the advice.
        (
            "Japan told the roughly 14,000 Japanese in Indonesia on Friday to leave unless they had pressing reasons "
            "to stay.",
            [("JP", "ID", "leave_advisory")],
        ),
        (
            "France has asked its citizens in Liberia to leave temporarily if their presence is not essential.",
            [("FR", "LR", "leave_advisory")],
        ),
        ('Belgium says an evacuation of the 1,500 Belgians in Rwanda "can no longer be excluded".', []),
        (
            "The first Belgians, many of them missionaries and aid workers, are flown to Nairobi.",
            [("BE", "UA", "leave_advisory")],
        ),
        (
            "Some 250 Americans leave the same day in a road convoy organised by the embassy.",
            [("US", "UA", "leave_advisory")],
        ),
        (
            "A: As a precaution, the families of our diplomatic staff left Ouagadougou yesterday.",
            [],  # "our" needs a speaker named before it
        ),
        (
            "United Kingdom | Foreign Office tells Britons in China to leave; some embassy and consulate staff "
            "withdrawn | 4 Feb",
            [("GB", "CN", "embassy_drawdown"), ("GB", "CN", "leave_advisory")],
        ),
        (
            "The Netherlands closed its embassy in Tehran on Monday and reopened it the next day.",
            [("NL", "IR", "embassy_closure"), ("NL", "IR", "embassy_return")],
        ),
        # Precision: passengers of someone else's plane, denials after the act, training missions, contingency plans.
        (
            "The plane also carried a number of Malaysians and Indonesians whose own governments had asked Singapore "
            "for help.",
            [],
        ),
        (
            "The aircraft will also carry Pacific Island nationals, including Tongans and Samoans, if seats are "
            "available.",
            [],
        ),
        ("Reports that Spain had chartered a plane to evacuate Spaniards were denied in Madrid.", []),
        ("There was talk that the Kazakh consulate had closed as well, but their ministry denied it.", []),
        ("Germany and the Netherlands said they were suspending their training missions in Iraq.", []),
        ('Australia has positioned navy ships near Fiji to evacuate Australians "if necessary".', []),
        ("New Zealand said it had contingency plans to bring New Zealanders home.", []),
        ("Aid agencies, among them the ICRC, say they are reducing their international staff in Mali.", []),
        ("France, whose ambassador is seen as close to Aoun, said its embassy would stay open.", []),
        (
            "Bonn repeated its call on the 2,000 Germans in Serbia and Montenegro to get out.",
            [("DE", "RS", "leave_advisory")],
        ),
        # where the speakers sit says nothing sure about the embassy's place: the article's target decides
        (
            "Diplomats in Bamako say Canada has quietly withdrawn non-essential staff from its embassy.",
            [("CA", "UA", "embassy_drawdown")],
        ),
        (
            "Mexico said it would send a plane to collect about 100 Mexicans, and Germany closed its embassy in "
            "Haiti on Friday.",
            [("DE", "HT", "embassy_closure"), ("MX", "HT", "leave_advisory")],
        ),
        ("The Venezuelan embassy had also flown out diplomats' families.", [("VE", "UA", "embassy_drawdown")]),
        (
            "On Sunday, Australia ordered the dependants of its diplomats in Islamabad out of the country.",
            [("AU", "PK", "embassy_drawdown")],
        ),
        (
            "The Brazilian embassy had sent the families of its staff to Beijing earlier this month.",
            [("BR", "UA", "embassy_drawdown")],
        ),
        (
            "Australia reopened its embassy in Manila on Monday, ten days after closing it.",
            [("AU", "PH", "embassy_closure"), ("AU", "PH", "embassy_return")],
        ),
        (
            "The Dutch embassy, closed since rebels occupied the tower, said on Monday that it would reopen.",
            [("NL", "UA", "embassy_closure"), ("NL", "UA", "embassy_return")],
        ),
        (
            "Russia sent two airliners that flew home some 600 Russian specialists from Aden airport on Sunday.",
            [("RU", "YE", "leave_advisory")],
        ),
        (
            "It explicitly urged French nationals whose presence was not indispensable to leave Algeria.",
            [("FR", "DZ", "leave_advisory")],
        ),
        (
            "Poland pulled part of the staff from its consulate-general in Kharkiv on Saturday.",
            [("PL", "UA", "embassy_drawdown")],
        ),
        (
            "Canada, which had also shut its embassy in Manila during the fighting, reopened its chancery on Saturday.",
            [("CA", "PH", "embassy_closure"), ("CA", "PH", "embassy_return")],
        ),
        (
            "The Swedish foreign ministry recommended on Sunday that Swedes in Israel who do not need to be there "
            "leave the country.",
            [("SE", "IL", "leave_advisory")],
        ),
        (
            "A spokesman said non-essential staff at the US embassy in Beirut had been ordered out on Tuesday.",
            [("US", "LB", "embassy_drawdown")],
        ),
        (
            "The Emirati foreign ministry urged citizens of the United Arab Emirates in Egypt to return home.",
            [("AE", "EG", "leave_advisory")],
        ),
        (
            "The United States embassy in Banjul, which sent its non-emergency staff away, said the first of them "
            "flew back to Banjul on Tuesday.",
            [("US", "GM", "embassy_drawdown"), ("US", "GM", "embassy_return")],
        ),
        ("Japan | Leave advice withdrawn; now advises caution | 05/04", [("JP", "UA", "advisory_lifted")]),
        (
            "Russia | Emergencies Ministry flight for Russian citizens wishing to leave | Sat 26/03",
            [("RU", "UA", "leave_advisory")],
        ),
        (
            "A Philippine air force C-130 had also taken out about 90 Filipino workers.",
            [("PH", "UA", "leave_advisory")],
        ),
        (
            "Israel, which keeps a large but unofficial mission in Tehran, has been flying its citizens home.",
            [("IL", "IR", "leave_advisory")],
        ),
        (
            "Brussels on Thursday advised Belgians whose presence in Burundi was not essential to leave the country.",
            [("BE", "BI", "leave_advisory")],
        ),
        (
            "He says the Saudi embassy in West Beirut has sent most of its staff home.",
            [("SA", "UA", "embassy_drawdown")],
        ),
        (
            "Its army crossed the border to escort convoys carrying thousands of Ugandan traders home.",
            [("UG", "UA", "leave_advisory")],
        ),
        (
            "The German foreign office tells Germans in Niamey to take up the seats offered on the French flights.",
            [("DE", "NE", "leave_advisory")],
        ),
        (
            "The US embassy in Port-au-Prince moved this morning to let nonessential staff depart.",
            [("US", "HT", "embassy_drawdown")],
        ),
        (
            "The State Department ran its first charter helicopter today from PAP to Cap-Haitien for US citizens.",
            [("US", "UA", "leave_advisory")],
        ),
        (
            "The German embassy in Haiti will work from the Dominican Republic for the time being.",
            [("DE", "HT", "embassy_relocation")],
        ),
        (
            "Yesterday, the first batch of 278 Indians left Port Sudan on board INS Sumedha.",
            [("IN", "SD", "leave_advisory")],
        ),
        (
            "The Argentine chancellery recommended to the Argentines that leave Lebanon in the commercial flights.",
            [("AR", "LB", "leave_advisory")],
        ),
        (
            "Two Indian Air Force C-17s landed in South Sudan and flew out 156 people, 154 of them Indian nationals.",
            [("IN", "SS", "leave_advisory")],
        ),
        (
            "An Italian special flight lands at Rome Ciampino with 87 passengers, 36 of them Italians, the rest "
            "Americans and other Europeans.",
            [("IT", "UA", "leave_advisory")],
        ),
        (
            "The State Department told Americans to leave on the first flight, and two consular officers flew in "
            "from Barbados to check on the students.",
            [("US", "UA", "leave_advisory")],
        ),
        ("India — Leave; navy ships carrying Indians to Cyprus — 19 July", [("IN", "UA", "leave_advisory")]),
        # a pronoun's government is the one the sentence is attributed to at its end, by its seat
        (
            "They closed the embassy on Saturday, the Foreign Office in Berlin said.",
            [("DE", "UA", "embassy_closure")],
        ),
        # where the speakers are is not the target; citizens' families are no embassy staff
        ("Diplomats in Islamabad said Italy had also decided to shut its mission.", [("IT", "UA", "embassy_closure")]),
        (
            "Bonn urged the few hundred Germans on the island, most of them engineers and their families, to leave "
            "Cyprus.",
            [("DE", "CY", "leave_advisory")],
        ),
        # people who speak are their government; a venue is where something else happened
        (
            "Q: The Germans said on Saturday they had pulled out their non-essential diplomats.",
            [("DE", "UA", "embassy_drawdown")],
        ),
        (
            "While Taylor was at peace talks in Accra, Washington on 8 June ordered the departure of its "
            "non-emergency staff.",
            [("US", "UA", "embassy_drawdown")],
        ),
        # a passive's agent inside the trigger; a hedge word is never half a name ("Can|adians")
        (
            "About 400 missionaries and engineers were told yesterday by their government in Ottawa to leave Nigeria.",
            [("CA", "NG", "leave_advisory")],
        ),
        (
            "Ottawa, with a large community in Haiti, has advised Monday to the Canadians to leave the country.",
            [("CA", "HT", "leave_advisory")],
        ),
        # machine translation: "de quitter" word for word, an aside between the verb and "to"
        (
            "It recommends, since Saturday, to the American citizens of leave Haiti by the commercial flights.",
            [("US", "HT", "leave_advisory")],
        ),
        ("Brussels has been flying Belgians out since Wednesday.", [("BE", "UA", "leave_advisory")]),
        (
            "The British embassy will move its operations across the river to Brazzaville.",
            [("GB", "UA", "embassy_relocation")],
        ),
        # staff going back to a capital; headline-style plans; ships taking people somewhere; "any Israeli"
        (
            "The State Department said on Friday that the staff withdrawn in February would return to N'Djamena.",
            [("US", "TD", "embassy_return")],
        ),
        (
            "Italy | Embassy to close temporarily, according to diplomatic sources | 3 Nov",
            [("IT", "UA", "embassy_closure")],
        ),
        (
            "On Friday a ship sent by the government in Athens took some 400 Greek nationals to Piraeus.",
            [("GR", "UA", "leave_advisory")],
        ),
        (
            "The Israeli government said it will send a ship on Thursday to bring home any Israeli who wants to go.",
            [("IL", "UA", "leave_advisory")],
        ),
        # "without an urgent reason to stay" says who should leave; it negates nothing
        (
            "The German embassy said it had begun advising Germans without an urgent reason to stay to leave Togo.",
            [("DE", "TG", "leave_advisory")],
        ),
        # transport laid on for people, however it is worded
        (
            "Turkey says 30 Turkish citizens were brought from Mekelle to Addis Ababa by road and flown home.",
            [("TR", "ET", "leave_advisory")],
        ),
        (
            "The Quai d'Orsay said a navy vessel would call at Jounieh on Tuesday to take off French nationals.",
            [("FR", "LB", "leave_advisory")],
        ),
        (
            "Madrid said it will charter a plane on Saturday for Spaniards who wish to leave Honduras.",
            [("ES", "HN", "leave_advisory")],
        ),
        ("A flight chartered by Rome lands at Fiumicino with 23 Italians.", [("IT", "UA", "leave_advisory")]),
        (
            "The West German embassy has moved its work out of the western sector to rented offices in Jounieh.",
            [("DE", "LB", "embassy_relocation")],
        ),
        # vehicles and numbers; passengers also carried on someone else's flights are no event of their own
        ("Marine helicopters began ferrying Americans out of the embassy compound.", [("US", "UA", "leave_advisory")]),
        (
            "Italian navy helicopters lifted out about 180 people, most of them Italians, to ships waiting off Durres.",
            [("IT", "UA", "leave_advisory")],
        ),
        # a relative clause's owner; "both" before a list of targets; machine translation's "abandoning"
        (
            "We are in touch with the United States, which urged American citizens to leave, and with Australia, whose "
            "Hercules aircraft brought out several hundred Australians on Saturday.",
            [("AU", "UA", "leave_advisory"), ("US", "UA", "leave_advisory")],
        ),
        (
            "Tokyo on Sunday advised Japanese nationals in both India and Pakistan to leave.",
            [("JP", "IN", "leave_advisory"), ("JP", "PK", "leave_advisory")],
        ),
        (
            "Madrid, yesterday, has asked to the own residents of abandoning Algeria if their presence is not needed.",
            [("ES", "DZ", "leave_advisory")],
        ),
        # staff moved abroad and back, officials working from elsewhere, staff flown home
        (
            "Its ambassador and remaining staff moved temporarily to Djibouti on 9 June, and returned to Asmara on "
            "22 June.",
            [],
        ),
        (
            "The State Department said Ambassador Hooks and a handful of officials were now working out of the US "
            "embassy in Kinshasa.",
            [("US", "UA", "embassy_relocation")],
        ),
        (
            "New Delhi flew non-essential staff and families of its High Commission home this morning.",
            [("IN", "UA", "embassy_drawdown")],
        ),
        (
            "212 Egyptian students crossed the land border on Wednesday in buses sent by the Egyptian government.",
            [("EG", "UA", "leave_advisory")],
        ),
        # "who has done what" bullets: convoys carrying people, buses taking them somewhere, bussing to a border
        (
            "The US organised two road convoys to Yerevan, on Sunday and Monday, carrying about 170 Americans.",
            [("US", "UA", "leave_advisory")],
        ),
        (
            "China's embassy hired buses that took about 170 Chinese nationals, most of them construction workers, "
            "to Yerevan on Monday.",
            [("CN", "UA", "leave_advisory")],
        ),
        (
            "Israel's foreign ministry began bussing Israelis to the Armenian border on Sunday.",
            [("IL", "UA", "leave_advisory")],
        ),
        # a source who asked not to be named negates nothing
        (
            "A Georgian official who asked not to be named said the families of Russian diplomats had left Tbilisi.",
            [("RU", "GE", "embassy_drawdown")],
        ),
        # "leave for X" names where they go; a mission used for transit is no target
        ("The French embassy told French citizens to leave for Kenya by road.", [("FR", "UA", "leave_advisory")]),
        (
            "India cut its embassy to three diplomats, sending the rest home through New Delhi's mission in Islamabad.",
            [("IN", "UA", "embassy_drawdown")],
        ),
        (
            "Germany, which has a few dozen citizens in Tajikistan, flew them out on a Luftwaffe Transall.",
            [("DE", "TJ", "leave_advisory")],
        ),
        (
            "Washington ordered the families of embassy staff and non-emergency employees out on 3 July.",
            [("US", "UA", "embassy_drawdown")],
        ),
        (
            "Dublin said Irish citizens who do not have a pressing reason to stay in Egypt should leave.",
            [("IE", "EG", "leave_advisory")],
        ),
        # a relative clause closed before the act neither negates it nor acts
        (
            "Washington, which has had no embassy in Tehran since 1980, has already urged Americans in Iran to leave.",
            [("US", "IR", "leave_advisory")],
        ),
        (
            "Switzerland, which represents U.S. interests in Iran, said on Wednesday it would close its embassy.",
            [("CH", "UA", "embassy_closure")],
        ),
        # a name followed by its verb starts another clause, not a list of targets
        (
            "Spain recommends to its citizens to leave Panama, Mexico sends airplane of the air force.",
            [("ES", "PA", "leave_advisory")],
        ),
        (
            "The French defence ministry said its aircraft flew more than 8,000 people, most of them French but also "
            "Lebanese, Belgians and Spaniards, to Paris.",
            [("FR", "UA", "leave_advisory")],
        ),
        # "U.S." inside a trigger's filler; a comparison names no one's people; "not until" is late, not undone
        (
            "The Department of State ordered the departure of non-emergency U.S. government employees.",
            [("US", "UA", "embassy_drawdown")],
        ),
        (
            "Germany pulled its ambassador and most of his staff out the day after the Americans.",
            [("DE", "UA", "embassy_drawdown")],
        ),
        (
            "It was not until Thursday that the first helicopter chartered by the Canadian government lifted eighteen "
            "Canadians to the Dominican Republic.",
            [("CA", "UA", "leave_advisory")],
        ),
        ("Paris quietly arranged helicopter shuttles for French nationals.", [("FR", "UA", "leave_advisory")]),
        (
            "The Foreign Office says a fourth UK government-chartered flight will leave Beirut on Sunday and is "
            "urging British nationals who still want to go to register.",
            [("GB", "LB", "leave_advisory")],
        ),
        # advice after "but" stands; a relative clause closed before the act does not hedge it; a government's
        # "would" in reported speech is a plan
        (
            "Rome saw no need for a military evacuation, but advised Italians to leave on commercial flights.",
            [("IT", "UA", "leave_advisory")],
        ),
        (
            "France, which kept its mission open in the hope that a peace proposal might succeed, said it had cut its "
            "staff in Baghdad to five diplomats.",
            [("FR", "IQ", "embassy_drawdown")],
        ),
        (
            "Britain withdrew its remaining diplomats on Saturday, Bonn said its embassy would close on Monday.",
            [("DE", "UA", "embassy_closure"), ("GB", "UA", "embassy_drawdown")],
        ),
        # transport sent to take people home, a flight a ministry "will send for" its people
        (
            "The Kyrgyz government has sent buses to the border to take Kyrgyz citizens home.",
            [("KG", "UA", "leave_advisory")],
        ),
        (
            "Ola is registered for a flight the Polish foreign ministry says it will send for Poles on Wednesday.",
            [("PL", "UA", "leave_advisory")],
        ),
        # an embassy shut and reopened in one sentence; staff "sent out" in machine translation; "isn't essential"
        (
            "The US Embassy in Colombo shut its doors on Monday and Tuesday, cancelling all appointments, and "
            "reopened on Wednesday.",
            [("US", "LK", "embassy_closure"), ("US", "LK", "embassy_return")],
        ),
        (
            "Diplomatic sources said the embassy of Italy sent out from the country the families of employees.",
            [("IT", "UA", "embassy_drawdown")],
        ),
        (
            "The Quai d'Orsay asked French nationals whose presence isn't essential to leave Russia without delay.",
            [("FR", "RU", "leave_advisory")],
        ),
        # where the speaker sits is no target
        (
            "The French embassy told French citizens on Monday to leave by road, a spokesman at the French embassy in "
            "Nairobi said.",
            [("FR", "UA", "leave_advisory")],
        ),
        ("Lebanon | Ship chartered for the Lebanese community | 6 Aug", [("LB", "UA", "leave_advisory")]),
        # legations, wives and children of staff, staff sent out, "voluntary departure", a hedge before "but"
        (
            "A convoy carried the wives and children of the American legation staff to the Austrian frontier.",
            [("US", "UA", "embassy_drawdown")],
        ),
        # the subject of the main clause sends the staff out in "after sending ..."
        (
            "The Dutch minister stayed at his post after sending most of his staff out to Vienna.",
            [("NL", "UA", "embassy_drawdown")],
        ),
        (
            'The State Department authorised what it calls "voluntary departure" for family members of US diplomats.',
            [("US", "UA", "embassy_drawdown")],
        ),
        (
            "According to Western diplomats, France had begun moving the families of its embassy staff out of China.",
            [("FR", "CN", "embassy_drawdown")],
        ),
        (
            "The Dutch minister said the embassy would stay in Tokyo but that the families of embassy staff had been "
            "sent home on Wednesday.",
            [("NL", "JP", "embassy_drawdown")],
        ),
        # one event per clause; people with an adjective on board; an embassy's work handled elsewhere
        (
            "The Netherlands moved its embassy to Tunis last week, and Ottawa said it had already temporarily closed "
            "the Canadian embassy.",
            [("CA", "UA", "embassy_closure"), ("NL", "UA", "embassy_relocation")],
        ),
        (
            "The frigate Montcalm left Tripoli for Toulon with about 40 French nationals and seven Britons on board.",
            [("FR", "LY", "leave_advisory")],
        ),
        (
            "The embassy's work will be handled from Tunis for the time being, the State Department said.",
            [("US", "UA", "embassy_relocation")],
        ),
        (
            "We will operate special flights with Lufthansa from Tel Aviv to Frankfurt tomorrow for German nationals "
            "who wish to leave, the Foreign Office in Berlin said.",
            [("DE", "IL", "leave_advisory")],
        ),
        (
            "The department of State announced the suspension of the activities of its embassy in Bissau.",
            [("US", "GW", "embassy_closure")],
        ),
        # a consulate-general's country is its owner; "apart from" names no target
        (
            "The Consulate General of Indonesia in Causeway Bay suspended its services on Monday.",
            [("ID", "UA", "embassy_closure")],
        ),
        (
            "Apart from India, Germany and Kenya have also started to take their citizens out of Juba.",
            [("DE", "SS", "leave_advisory"), ("KE", "SS", "leave_advisory")],
        ),
        # an office named by its seat; planes chartered "to bring home" people; sent "to remove" them; left with them
        (
            "Germany: the Foreign Office in Berlin has repeated its call on Germans in Iran to leave the country.",
            [("DE", "IR", "leave_advisory")],
        ),
        (
            "The New Zealand government is chartering a plane to bring home Kiwis who want to leave.",
            [("NZ", "UA", "leave_advisory")],
        ),
        (
            "Chile sent yesterday (9) a plane of the Air Force to Guayaquil to remove 120 chilean tourists.",
            [("CL", "UA", "leave_advisory")],
        ),
        (
            "A Hercules C-130 of the Argentine Air Force took off from El Alto with 74 Argentine citizens.",
            [("AR", "UA", "leave_advisory")],
        ),
        (
            "The Department of State authorized on Wednesday (9) the exit of relatives of employees of the embassy.",
            [("US", "UA", "embassy_drawdown")],
        ),
        ("Even Jakarta has quietly told Indonesians in Baghdad to go home.", [("ID", "IQ", "leave_advisory")]),
        # a quoted "should leave"; staff sent back home; a saying inside the trigger makes "would" a plan
        (
            'Irish citizens in Tunisia who do not have an essential reason to be there "should leave", Dublin said.',
            [("IE", "TN", "leave_advisory")],
        ),
        (
            "Séjourné said the families of French diplomatic staff in Tehran would be sent back to France.",
            [("FR", "IR", "embassy_drawdown")],
        ),
        (
            "Canada's High Commission said on Friday that it would close on Tuesday.",
            [("CA", "UA", "embassy_closure")],
        ),
        # an air base is a destination, not the target
        (
            "Air Force transports flew thousands of Americans to Clark air base in the Philippines.",
            [("US", "UA", "leave_advisory")],
        ),
    ],
)
def test_general_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_a_two_crisis_newsletter_targets_each_section() -> None:
    text = (
        "=== 1. CHAD: N'DJAMENA THREE WEEKS ON ===\n"
        "The State Department ordered non-emergency staff of the US embassy out on 2 February.\n"
        "=== 2. SERBIA: AFTER THE BELGRADE RIOT ===\n"
        "On Friday the State Department ordered the departure of the dependants of US embassy staff.\n"
        "The embassy announced the same day that it would remain closed until further notice.\n"
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    found = {(m.target, m.event_type.value, m.status.value, m.date) for m in extract(document, PUBLISHED, "UA")}
    assert found == {
        ("TD", "embassy_drawdown", "in_effect", date(2022, 2, 2)),
        ("RS", "embassy_drawdown", "in_effect", date(2022, 2, 11)),
        # "would remain closed" states how things are: in effect, on the day of the sentence before
        ("RS", "embassy_closure", "in_effect", date(2022, 2, 11)),
    }


def test_a_name_two_states_share_means_the_articles_one() -> None:
    text = "The Foreign Office advised British subjects to leave the Congo."
    assert run(text, target="CD") == [("GB", "CD", "leave_advisory")]
    assert run(text, target="UA") == [("GB", "CG", "leave_advisory")]


def test_a_briefing_speaks_for_the_government_of_its_letterhead() -> None:
    text = (
        "DAILY PRESS BRIEFING\nWashington, DC\n\n"
        "INDEX: Embassy Staffing / Consultations with India and the United Kingdom\n\n"
        "Q: What is the status of the Embassy?\n\n"
        "A: On Friday we authorized the departure of eligible family members and non-emergency personnel.\n\n"
        "Q: Will it stay open?\n\n"
        "A: The Embassy will be closed to the public on Wednesday because of the strike.\n"
    )
    document = Document(url="u", title="Daily Press Briefing: Nepal", text=text, published=PUBLISHED, source="t")
    found = {(m.issuer, m.event_type.value) for m in extract(document, PUBLISHED, "NP")}
    assert found == {("US", "embassy_drawdown"), ("US", "embassy_closure")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # companions are not the people concerned
        (
            "In Bonn, the Foreign Ministry said it had told the 80 West Germans in the capital to leave with the "
            "Americans.",
            [("DE", "UA", "leave_advisory")],
        ),
        # people someone else carried, and the carrier helping them
        ("Britons were among those flown out by the Belgians.", []),
        # a denial after the trigger
        ("Reports that we intend to close the High Commission are without foundation.", []),
        # a condition after the trigger
        ("Tehran says it will reopen the embassy only when it is satisfied the fighting is over.", []),
        # an organisation's staff, and soldiers, are not diplomats
        ("Canada has pulled out non-essential international staff of its development programme.", []),
        ("Iran has begun pulling out military commanders and personnel.", []),
        # the apposition to a subject holds no actor
        (
            "Iran, Damascus's closest ally after Moscow, has withdrawn non-essential embassy staff.",
            [("IR", "UA", "embassy_drawdown")],
        ),
        # "its foreign ministry" is the previous actor's, not the mission last reported on
        (
            "The British embassy was cutting its staff to a core team. Belgium is taking a more cautious line. "
            "Its foreign ministry said that the embassy would close on Thursday.",
            [("BE", "UA", "embassy_closure"), ("GB", "UA", "embassy_drawdown")],
        ),
        # cities of the crises are places of their country
        ("Turkey bused 60 Turkish workers out of Grozny on Monday.", [("TR", "RU", "leave_advisory")]),
        # a place reached is no subject
        (
            "The Foreign Ministry in Rome said an Italian air force C-130 had reached Kinshasa to bring home about "
            "60 Italians brought out of Kolwezi by the Belgians.",
            [("IT", "CD", "leave_advisory")],
        ),
        # a collective demonym names the people, and a quote may open the advice
        (
            'Travel to Guinea was "formally discouraged", and the French present there were "recommended to leave '
            'the country".',
            [("FR", "UA", "leave_advisory")],  # ("the country" is the article's)
        ),
        ("The British embassy staff were told to leave.", [("GB", "UA", "embassy_drawdown")]),
        # "them" are the people the government spoke to, not any people named before
        (
            "The embassy called the remaining private Americans in the city, journalists and missionaries among "
            "them, and told them plainly to leave on the next flights out.",
            [("US", "UA", "leave_advisory")],
        ),
        ("India cancelled most visas held by Pakistani citizens and ordered them to leave within days.", []),
        # coordinated staff sent away, and diplomats brought home
        (
            "The French embassy sends the families of its diplomats and all non-essential staff to Mayotte.",
            [("FR", "UA", "embassy_drawdown")],
        ),
        ("Rwanda had already brought its remaining diplomats home.", [("RW", "UA", "embassy_drawdown")]),
    ],
)
def test_round_17_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_a_correction_takes_back_what_the_article_said() -> None:
    text = (
        "Japan's embassy, which had also closed, reopened on Monday.\n\n"
        "The Dutch embassy closed on Tuesday.\n\n"
        "Correction: An earlier version of this article said that Japan's embassy had closed during the crisis "
        "and reopened on Monday. The embassy remained open throughout."
    )
    assert run(text, target="FJ") == [("NL", "FJ", "embassy_closure")]
    # a correction that only moves the day takes nothing back
    moved = text.replace("The embassy remained open throughout.", "It reopened on Tuesday.")
    assert ("JP", "FJ", "embassy_return") in run(moved, target="FJ")


def test_a_headline_place_may_carry_one_word_of_description() -> None:
    text = (
        "The State Department ordered the evacuation of all Americans. In Bonn, the ministry said on Monday it "
        "had told West Germans to leave."
    )
    document = Document(
        url="u",
        title="Helicopters lift foreigners out of embattled Santo Domingo",
        text=text,
        published=PUBLISHED,
        source="t",
    )
    assert {m.target for m in extract(document, PUBLISHED, "UA")} == {"DO"}


def test_quoted_lines_of_a_forum_post_read_as_text() -> None:
    text = (
        "Posted by kw on 11 January 1999\n\n"
        "> The Department of State warns U.S. citizens against all travel to Sierra\n"
        "> Leone. U.S. citizens who remain in Sierra Leone are urged to\n"
        "> depart.\n"
    )
    assert run(text, target="SL") == [("US", "SL", "leave_advisory")]


def test_dates_of_plans_and_of_acts_dated_after() -> None:
    planned = one(
        "Bonn said today that it would charter two ships to bring home West German tourists from Famagusta tomorrow."
    )
    assert (planned.status.value, planned.date) == ("planned", PUBLISHED + timedelta(days=1))
    comma = one(
        "Belgium's foreign ministry said this morning that the embassy, whose windows were smashed, would close."
    )
    assert comma.status.value == "planned"
    text = 'Told the 200 Britons still in Ukraine to leave "by the first means". The advice was issued on Monday.'
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    (mention,) = extract(document, PUBLISHED, "UA")
    assert (mention.date, mention.date_precision.value) == (date(2022, 2, 7), "day")


def test_a_live_blogs_time_stamps_stay_on_the_day_stamped_last() -> None:
    text = (
        "17:40 Sun 13 February\n"
        "Japan has advised its citizens to leave Ukraine.\n\n"
        "16:15\n"
        "Slovakia's foreign ministry has advised Slovak citizens to leave Ukraine.\n\n"
        "23:40 Fri 11 February\n"
        "Poland has called on Poles in Ukraine to leave the country immediately.\n\n"
        "21:10\n"
        "Germany has called on Germans in Ukraine to leave the country.\n"
    )
    sunday = date(2022, 2, 13)
    document = Document(url="u", title="", text=text, published=sunday, source="test")
    days = {m.issuer: m.date for m in extract(document, sunday, "UA")}
    assert days == {"JP": sunday, "SK": sunday, "PL": date(2022, 2, 11), "DE": date(2022, 2, 11)}


def test_days_of_states_and_deadlines() -> None:
    # a state ahead: "would remain closed on Monday" is next Monday's
    closed = one("The Dutch minister said the Netherlands' embassy would remain closed on Monday as a precaution.")
    assert (closed.date, closed.date_precision.value) == (date(2022, 2, 14), "day")
    # a deadline is not the day of the act
    cut = one("On 9 February New Delhi withdrew its diplomats from its embassy in Kyiv and ordered it cut by 1 March.")
    assert cut.date == date(2022, 2, 9)


def test_a_statement_in_the_first_person_under_a_letterhead_in_capitals() -> None:
    text = (
        "FOREIGN AND COMMONWEALTH OFFICE, LONDON\n"
        "PRESS RELEASE No. 212\n\n"
        "There are in Uganda several thousand British subjects. I am today advising those among them whose "
        "presence in Uganda is not essential to leave the country. I have also today instructed that the wives "
        "and children of members of the High Commission staff in Kampala should return to Britain, and the High "
        "Commission will be reduced to the staff needed for essential work.\n"
    )
    document = Document(
        url="u", title="Uganda: Statement by the Secretary of State", text=text, published=PUBLISHED, source="t"
    )
    found = {(m.issuer, m.target, m.event_type.value) for m in extract(document, PUBLISHED, "UG")}
    assert found == {("GB", "UG", "leave_advisory"), ("GB", "UG", "embassy_drawdown")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The argentinian diplomats abandoned the Venezuelan territory this Thursday in a chartered flight.",
            [("AR", "VE", "embassy_drawdown")],
        ),
        (
            "The president announced the Monday the withdrawal of all the diplomatic personnel of Panama in Caracas.",
            [("PA", "VE", "embassy_drawdown")],
        ),
        ("Regarding Uruguay, the diplomats also went out of the country.", [("UY", "UA", "embassy_drawdown")]),
    ],
)
def test_machine_translated_staff_leaving(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_a_cable_in_capitals_speaks_for_its_sender() -> None:
    text = (
        "FM AMEMBASSY NAIROBI\nTO SECSTATE WASHDC PRIORITY\n\n"
        "3. AS REPORTED REF A, EMBASSY MOGADISHU ADVISED ALL AMCITS ON 30 DEC TO DEPART SOMALIA BY ANY AVAILABLE "
        "MEANS. ON 2 JAN DEPT ORDERED THE DEPARTURE OF ALL NON-ESSENTIAL PERSONNEL AND REMAINING DEPENDENTS.\n\n"
        "6. BRITISH HIGH COMMISSION OFFICER IN NAIROBI TELLS US THE UK EMBASSY IN MOGADISHU WILL CLOSE ON 10 JAN, "
        "WITH ITS LAST THREE OFFICERS TRAVELING OUT OVERLAND TO KENYA.\n\n"
        "11. COMMENT: WITH THE DEPARTURE OF THE BRITISH, ONLY THE ITALIANS, EGYPTIANS AND A HANDFUL OF OTHERS WILL "
        "RETAIN ANY DIPLOMATIC PRESENCE IN MOGADISHU.\n"
    )
    published = date(1991, 1, 8)
    document = Document(
        url="u", title="Somalia: status of foreign missions", text=text, published=published, source="t"
    )
    found = {(m.issuer, m.target, m.event_type.value, m.date) for m in extract(document, published, "SO")}
    assert found == {
        ("US", "SO", "leave_advisory", date(1990, 12, 30)),
        ("US", "SO", "embassy_drawdown", date(1991, 1, 2)),
        ("GB", "SO", "embassy_closure", date(1991, 1, 10)),
    }
    # the evidence is the text as written
    assert all(m.evidence.isupper() for m in extract(document, published, "SO"))


def test_state_dept_is_the_united_states() -> None:
    text = "State Dept ordered family members of embassy staff to leave yesterday."
    assert run(text) == [("US", "UA", "embassy_drawdown")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington began lifting its citizens out on Thursday.", [("US", "UA", "leave_advisory")]),
        ("Washington lifted restrictions on its citizens.", []),
        (
            "Between 19 and 21 July the Indian government brought home more than 4,500 of its nationals.",
            [("IN", "UA", "leave_advisory")],
        ),
        ("Manila brought home tens of thousands of Filipino workers.", [("PH", "UA", "leave_advisory")]),
        (
            "Lebanon's foreign ministry said on Friday that its call for nationals to leave Gabon no longer applied.",
            [("LB", "GA", "advisory_lifted")],
        ),
        (
            "The US embassy moves its remaining staff and its operations across the river to Kinshasa.",
            [("US", "UA", "embassy_relocation")],
        ),
        (
            "The Itamaraty recommended this Thursday to the Brazilian residents in Guinea-Bissau that they leave.",
            [("BR", "GW", "leave_advisory")],
        ),
        # people moved are no move of the mission; a destination's country is no target
        (
            "Beijing says its embassy moved 211 Chinese citizens across the Chari river to Kousseri, in Cameroon.",
            [("CN", "UA", "leave_advisory")],
        ),
        # photo captions and briefs
        (
            "Riyadh said the 158 people on board included 91 Saudi citizens and nationals of 12 other countries.",
            [("SA", "UA", "leave_advisory")],
        ),
        (
            "The US embassy compound, hours after helicopters lifted out the last of its roughly 70 American staff.",
            [("US", "UA", "embassy_drawdown")],
        ),
        ("British diplomats and their families board an RAF aircraft.", [("GB", "UA", "embassy_drawdown")]),
        (
            "A German A400M lands with 101 people flown out of Sudan by the Bundeswehr.",
            [("DE", "SD", "leave_advisory")],
        ),
        ("The army said it had agreed to facilitate the evacuation of foreign nationals.", []),
        # an opinion column
        (
            "Moscow was blunter: on Wednesday it flew home the wives and children of its diplomats.",
            [("RU", "UA", "embassy_drawdown")],
        ),
        (
            "The Americans, diplomats here say, quietly cut their embassy in Kyiv to a skeleton staff.",
            [("US", "UA", "embassy_drawdown")],
        ),
        ("The Americans in Kyiv cut their holiday short.", []),
        (
            "Canberra also pulled the families of staff at the Australian High Commission out on Sunday.",
            [("AU", "UA", "embassy_drawdown")],
        ),
        # an aside's negation is not the trigger's
        (
            "The British embassy, whose last diplomats had also refused to go, closed on 16 December.",
            [("GB", "UA", "embassy_closure")],
        ),
        # an army's aircraft fly for their government
        (
            "German army helicopters came in under fire and flew about a hundred people out.",
            [("DE", "UA", "leave_advisory")],
        ),
        # a return waiting on conditions is not decided; advice to leave when conditions allow stands
        (
            "The Swiss embassy was closed on Monday. Bern says it will reopen when conditions allow.",
            [("CH", "UA", "embassy_closure")],
        ),
        # the month of May hedges nothing inside a trigger either
        (
            "It told the last Slovenes in Sarajevo on 4 May to leave. Slovenia's ministry said so.",
            [("SI", "BA", "leave_advisory")],
        ),
        # "with" before people on board is no companion
        (
            "The Italians organised their own plane, which landed in Rome this morning with Italian nationals on "
            "board.",
            [("IT", "UA", "leave_advisory")],
        ),
        # the conditional of hearsay in a translation reports
        (
            "The embassy of Sweden would have reduced its personnel to the minimum, according to diplomatic sources.",
            [("SE", "UA", "embassy_drawdown")],
        ),
        ("Sweden would have evacuated its staff if the fighting had spread.", []),
        # "our friends in South Korea" are in the list of actors
        (
            "Indonesia, China, the UAE and our friends in South Korea have also been moving their citizens out "
            "through Port Sudan.",
            [
                ("AE", "UA", "leave_advisory"),
                ("CN", "UA", "leave_advisory"),
                ("ID", "UA", "leave_advisory"),
                ("KR", "UA", "leave_advisory"),
            ],
        ),
        ("China already had removed more than 200 citizens through Cyprus.", [("CN", "UA", "leave_advisory")]),
        (
            "The West German embassy has quietly told the families of its staff to go home.",
            [("DE", "UA", "embassy_drawdown")],
        ),
        # where a ship was is no target
        (
            "According to a diplomatic source, France would have evacuated by sea its nationals, with a vessel that "
            "was in the zone of Djibouti.",
            [("FR", "UA", "leave_advisory")],
        ),
        (
            "Jordan called its citizens in Sudan to leave when the conditions allow.",
            [("JO", "SD", "leave_advisory")],
        ),
        (
            "The New Zealand High Commission shut its doors on Thursday. A spokeswoman said it would reopen on "
            "Tuesday.",
            [("NZ", "UA", "embassy_closure"), ("NZ", "UA", "embassy_return")],
        ),
    ],
)
def test_round_18_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_a_headline_naming_the_configured_target_keeps_it() -> None:
    text = (
        "On 13 August 1990, New Delhi began flying its nationals home from Amman. "
        "The US embassy was cut to a skeleton staff."
    )
    document = Document(
        url="u", title="Thirty years on: the summer Kuwait emptied", text=text, published=PUBLISHED, source="t"
    )
    assert {(m.issuer, m.target) for m in extract(document, PUBLISHED, "KW")} == {("IN", "JO"), ("US", "KW")}


def test_a_correction_restating_the_day_replaces_the_earlier_telling() -> None:
    text = (
        "Belgium closed its embassy on Wednesday, a Belgian diplomat said.\n\n"
        "CORRECTION: Corrects paragraph 8 to show that Belgium's embassy suspended its operations on Thursday, "
        "not Wednesday, according to the foreign ministry in Brussels.\n"
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    (mention,) = extract(document, PUBLISHED, "UA")
    assert (mention.issuer, mention.event_type.value, mention.date) == ("BE", "embassy_closure", date(2022, 2, 10))


def test_an_arrangement_under_way_is_a_plan_for_its_day() -> None:
    mention = one("The Canadian Government are arranging a charter flight for their nationals on Saturday.")
    assert (mention.status.value, mention.date) == ("planned", date(2022, 2, 12))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lebanon sent a chartered ship on Monday that took about 1,000 Lebanese home by way of Conakry.",
            [("LB", "UA", "leave_advisory")],
        ),
        ("Helicopters lift Americans out of the compound.", [("US", "UA", "leave_advisory")]),
        (
            "The United States embassy said on Tuesday that staff who had left were back at their desks in Kyiv.",
            [("US", "UA", "embassy_return")],
        ),
        # "doing the same" repeats the sentence's own act
        (
            "The Polish government brought citizens home on Monday, and as far as we know Romania started doing the "
            "same on Tuesday.",
            [("PL", "UA", "leave_advisory"), ("RO", "UA", "leave_advisory")],
        ),
        # a coordinated verb shares the subject, and an advice undone in the same sentence
        (
            "Washington had first urged Americans to leave on April 19, the day after the mutiny, and lifted that "
            "advice on May 3.",
            [("US", "UA", "advisory_lifted"), ("US", "UA", "leave_advisory")],
        ),
        # authorised departure is no hedge
        (
            "The US embassy had told the families of some staff on Saturday that they could leave at government "
            "expense.",
            [("US", "UA", "embassy_drawdown")],
        ),
        (
            "Family members of US diplomats in Kyiv may leave at government expense, the State Department said.",
            [("US", "UA", "embassy_drawdown")],
        ),
        ("Family members of US diplomats may leave if the fighting spreads.", []),
        # a reopening after a semicolon; the country whose travel level was lowered is no subject
        (
            "The Consulate General of Indonesia suspended its services on Monday, when protesters clashed nearby; "
            "it reopened on Wednesday.",
            [("ID", "UA", "embassy_closure"), ("ID", "UA", "embassy_return")],
        ),
        (
            "On Sunday, Seoul lowered Pakistan back to level 2, lifting the recommendation to leave.",
            [("KR", "UA", "advisory_lifted")],
        ),
        ("The Netherlands had also pulled its ambassador out.", [("NL", "UA", "embassy_drawdown")]),
        (
            "The French navy took off 60 French citizens from a beach, using landing craft from a ship that had been "
            "sent down from Djibouti.",
            [("FR", "UA", "leave_advisory")],
        ),
        (
            "We now advise all British women and children in Kuwait who are able to leave to do so.",
            [("GB", "KW", "leave_advisory")],
        ),
        (
            'Jaime Gama has declared that "all the Portuguese who wish it will be repatriated".',
            [("PT", "UA", "leave_advisory")],
        ),
        (
            "Taipei said that the families of its diplomats will fly home on Sunday.",
            [("TW", "UA", "embassy_drawdown")],
        ),
    ],
)
def test_round_15_gaps(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source's report of a plan is reported, not hypothetical
        (
            "Western diplomats said the New Zealand embassy had begun burning its files and would shut within days.",
            [("NZ", "UA", "embassy_closure")],
        ),
        # a quoted phrase named as a statement negates nothing
        (
            'Two days after its "no plans" statement, the Foreign Office advises British nationals to leave Croatia.',
            [("GB", "HR", "leave_advisory")],
        ),
        # a report denied
        (
            "Russia flatly denied a report by an Azerbaijani news site that its embassy had begun sending diplomats' "
            "families home.",
            [],
        ),
        ("Heard that the German embassy people flew out of Kyiv yesterday.", [("DE", "UA", "embassy_drawdown")]),
        (
            "The West German embassy sent diplomats' wives and children overland to Amman on Tuesday.",
            [("DE", "UA", "embassy_drawdown")],
        ),
        (
            "Japan said it would send buses on Friday to take some 200 Japanese engineers and their families from "
            "sites near Basra across the border to Kuwait.",
            [("JP", "UA", "leave_advisory")],  # ("near Basra" is no target slot: the article's target holds)
        ),
        ("Russia said its troops had evacuated more than 5,000 civilians from villages.", []),
        # the place people crossed from before a transit is the one they left
        (
            "Two Polish military aircraft flew 180 Poles home from Amman on Tuesday after they were bused out of "
            "Israel across the Allenby crossing.",
            [("PL", "IL", "leave_advisory")],
        ),
        (
            "Berlin sent two air force planes to Amman to bring home Germans who had crossed from Israel into Jordan.",
            [("DE", "IL", "leave_advisory")],
        ),
        (
            "Poland said that 150 Polish citizens had been taken by coach from Israel into Jordan, where a military "
            "aircraft flew them home from Amman.",
            [("PL", "IL", "leave_advisory")],
        ),
    ],
)
def test_round_10_gaps(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_a_plan_told_on_a_day_named_before_the_saying_is_dated_that_day() -> None:
    mention = one("And on Monday the Quai d'Orsay said it would cut the staff of the French embassy from next week.")
    assert (mention.status.value, mention.date) == ("planned", date(2022, 2, 7))


def test_a_correction_that_moves_a_day_redates_the_act() -> None:
    text = (
        "11:20\nOttawa says 231 Canadians left on its first government-chartered flight, which left Beirut on Friday "
        "for Istanbul.\n\n"
        "18:05\nCorrection: an earlier version of the 11:20 post said Canada's first government-chartered flight "
        "left Beirut on Friday. It left on Thursday; the second flight departed yesterday.\n"
    )
    document = Document(url="u", title="", text=text, published=PUBLISHED, source="test")
    (mention,) = extract(document, PUBLISHED, "LB")
    assert (mention.issuer, mention.date) == ("CA", date(2022, 2, 10))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For some days there was a rumour, quite unfounded, that the Americans were about to shut their embassy.", []),
        ("We will not reopen a program until the State Department lifts its advice to leave.", []),
        ("Tourists stayed away until Britain lifted its advice to leave in May.", [("GB", "UA", "advisory_lifted")]),
        (
            "Its embassy in Port Moresby yesterday advised American citizens to leave the New Hebrides.",
            [("US", "VU", "leave_advisory")],
        ),
        (
            "The Delegation of the European Union in La Paz reduced its staff to essential personnel on 12 November.",
            [("EU", "BO", "embassy_drawdown")],
        ),
        (
            "The Americans had authorised the departure of their own dependants two days before we did.",
            [("US", "UA", "embassy_drawdown")],
        ),
        ("Washington told every American still in Iran to leave.", [("US", "IR", "leave_advisory")]),
        (
            "The Australian Commission in Port Vila sent home the families of two officers last week.",
            [("AU", "VU", "embassy_drawdown")],
        ),
        (
            "The Philippines had ordered the Filipino workers in Iraq to return to their country.",
            [("PH", "IQ", "leave_advisory")],
        ),
        ("Australia has told its citizens on Bougainville to get out.", [("AU", "PG", "leave_advisory")]),
        ("But the borders were closed, and we saw what happened at the French embassy on Sunday.", []),
        (
            "The German foreign ministry says it will run two special flights from Amman on Thursday for Germans "
            "who have crossed from Israel into Jordan.",
            [("DE", "IL", "leave_advisory")],
        ),
    ],
)
def test_round_19_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_a_correction_lead_denying_a_post_takes_it_back() -> None:
    text = (
        "[15.08 11:40] Sweden has closed its embassy and is pulling all its diplomats out.\n\n"
        "[15.08 22:40] CORRECTION to 11:40: Sweden has NOT closed its embassy. Staff have been cut to a minimum.\n"
    )
    assert ("SE", "UA", "embassy_closure") not in run(text)


def test_a_related_links_block_is_furniture() -> None:
    text = "Kazakhstan cut its embassy staff on Monday.\n\nRELATED\n\n- Britain urges nationals to leave Afghanistan\n"
    assert run(text) == [("KZ", "UA", "embassy_drawdown")]


def test_press_releases_speak_for_their_ministry() -> None:
    text = (
        "Press Office - Crisis Unit\nThe following communiqués were issued by the Ministry (Farnesina).\n\n"
        "Among the passengers were nationals of Spain, Greece and Switzerland.\n"
        "The Embassy in Asmara now operates with a reduced staff under the direction of the Ambassador.\n"
    )
    document = Document(
        url="u",
        title="Ministry of Foreign Affairs - Press releases: Eritrea",
        text=text,
        published=PUBLISHED,
        source="t",
    )
    assert {(m.issuer, m.event_type.value) for m in extract(document, PUBLISHED, "ER")} == {("IT", "embassy_drawdown")}


def test_rows_of_a_csv_table_are_their_countrys() -> None:
    text = (
        "date,country,measure,source\n"
        '2024-01-10,Colombia,"Consulate in Guayaquil closed until further notice",Cancilleria press release\n'
        '2024-01-11,Germany,"Families of embassy staff flown out",Der Spiegel\n'
    )
    assert run(text, target="EC") == [("CO", "EC", "embassy_closure"), ("DE", "EC", "embassy_drawdown")]


def test_plans_told_after_a_noun_trigger_or_in_a_headline() -> None:
    flights = one("Bundeswehr evacuation flights for German citizens are to start on Monday.")
    assert (flights.status.value, flights.date) == ("planned", date(2022, 2, 14))
    headline = one("- Uzbekistan to fly its citizens home from Almaty on Saturday.")
    assert (headline.status.value, headline.date) == ("planned", date(2022, 2, 12))


def test_machine_translation_from_french() -> None:
    text = (
        "In the streets, some persons waved the flags of russia, as in mali and guinea. "
        "For its part, germany invites since Tuesday its nationals to quit the territory. "
        "The kingdom of denmark has put the key under the door of its embassy in Ouagadougou this Wednesday. "
        "The Department of State has ordered this Tuesday the departure of the members of family of the American "
        "agents posted in Ouagadougou, as well as of the employees not essential. "
        "According to a diplomatic source, canada would have asked also to its citizens to leave the country."
    )
    assert run(text, target="BF") == [
        ("CA", "BF", "leave_advisory"),
        ("DE", "BF", "leave_advisory"),
        ("DK", "BF", "embassy_closure"),
        ("US", "BF", "embassy_drawdown"),
    ]


def test_a_closure_told_after_the_reopening() -> None:
    text = "Germany reopened its embassy on Monday. Berlin had shut it on January 27, the day after the riots."
    assert run(text, target="MG") == [("DE", "MG", "embassy_closure"), ("DE", "MG", "embassy_return")]
    # without a reopening before, "shut it" is anything
    assert run("Berlin had shut it on January 27.", target="MG") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A French navy ship took about 300 French and other foreigners off at Aden's oil harbour on Saturday, "
            "and landed them in Djibouti.",
            [("FR", "YE", "leave_advisory")],
        ),
        (
            "The defence ministry said French warships from Djibouti had taken some 200 French nationals off the "
            "beaches on Saturday.",
            [("FR", "UA", "leave_advisory")],
        ),
        (
            "Bonn said on Monday that its embassy was now working from Djibouti until further notice.",
            [("DE", "UA", "embassy_relocation")],
        ),
        # the advice a lift names as made earlier is an act of its own
        (
            "In Tokyo, the foreign ministry yesterday withdrew the recommendation it made on December 5 that Japanese "
            "tourists and residents without urgent business leave the Philippines.",
            [("JP", "PH", "advisory_lifted"), ("JP", "PH", "leave_advisory")],
        ),
        (
            "The first German air force A400M left Kabul for Tashkent, in Uzbekistan, on Monday with only seven "
            "people on board, five of them Germans and one a Dutch citizen.",
            [("DE", "AF", "leave_advisory")],
        ),
        (
            "- Canada: Canadian Armed Forces flights from Tel Aviv to Athens began on Thursday.",
            [("CA", "IL", "leave_advisory")],
        ),
    ],
)
def test_round_8_gaps(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The State Department has ordered non-emergency US government employees and their family members out "
            "of Addis.",
            [("US", "UA", "embassy_drawdown")],
        ),
        (
            "A Turkish colleague says his embassy has been sending diplomats' families home.",
            [("TR", "UA", "embassy_drawdown")],
        ),
        (
            "West Germany's embassy has sent the wives and children of its diplomats out of Manila.",
            [("DE", "PH", "embassy_drawdown")],
        ),
        (
            "Japan Airlines flights chartered by the government carried more than 3,000 Japanese home on Saturday.",
            [("JP", "UA", "leave_advisory")],
        ),
        (
            "Seoul said government-chartered Korean Air flights would leave on Tuesday for South Koreans still in "
            "the country.",
            [("KR", "UA", "leave_advisory")],
        ),
        (
            "The Chinese embassy has arranged for some Chinese nationals who run shops in Kingston to leave the "
            "island.",
            [("CN", "JM", "leave_advisory")],
        ),
        ("Australians were told to leave the island of Santo.", []),
        (
            "The government of Sierra Leone organizes since Monday the repatriation by road of its ressortissants.",
            [("SL", "UA", "leave_advisory")],
        ),
        (
            "Sir, - Your correspondent's report of July 30 stated that the Foreign Office had told British nationals "
            "to leave the island.",
            [],
        ),
        (
            "Berlin has invited its ressortissants to leave the country, according to the German press.",
            [("DE", "UA", "leave_advisory")],
        ),
        (
            "Thailand sent a Royal Thai Air Force C-130H, which left on 27 April with 72 Thais.",
            [("TH", "UA", "leave_advisory")],
        ),
        (
            "Islamabad said an aircraft of Pakistan International Airlines transported about 500 of the Pakistani "
            "citizens to Karachi.",
            [("PK", "UA", "leave_advisory")],
        ),
        (
            "The Royal Saudi Naval Forces had evacuated on Saturday the diplomats of the Kingdom from Aden to Jeddah.",
            [("SA", "YE", "embassy_drawdown")],
        ),
        # "flights" is no verb; "transports" neither
        ("The first flights arranged by the Chinese government took stranded Chinese tourists to Chengdu.", []),
        ("Three Air Force C-141 transports are shuttling Americans and other foreigners out of Brazzaville.", []),
        (
            "US Navy helicopters from the Sixth Fleet will begin ferrying Americans who want to leave from the beach.",
            [("US", "UA", "leave_advisory")],
        ),
        (
            "The first British holidaymakers left on Friday on flights that the British government had arranged.",
            [("GB", "UA", "leave_advisory")],
        ),
        (
            "Our High Commission in Colombo advised Indian nationals in Sri Lanka who have no compelling reason to "
            "remain there to return to India.",
            [("IN", "LK", "leave_advisory")],
        ),
        # a name as the topic of a noun is no actor
        (
            "But the UK's Libya advice is separate: the government told British nationals to leave Libya on "
            "4 August 2014 and on the same day moved the operations of its Tripoli embassy to Tunis.",
            [("GB", "LY", "embassy_relocation"), ("GB", "LY", "leave_advisory")],
        ),
        # a transcript's question states no act; a claim found false is no act
        ("Question: Reports say the Americans have pulled the families of their diplomats out of Kyiv.", []),
        ('The claim that Denmark "has evacuated its embassy" is false: the embassy is working normally.', []),
        (
            "The French embassy has moved its operations to Fort-de-France, on the French island of Martinique.",
            [("FR", "UA", "embassy_relocation")],
        ),
    ],
)
def test_round_20_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_days_of_trips_announced_as_arranged() -> None:
    # (PUBLISHED is Saturday 12 February 2022)
    chartered = one("Canberra has chartered a Qantas jet to fly Australians out of Kyiv on Monday.")
    assert chartered.date == date(2022, 2, 14)
    sending = one("Portugal\n- Sending an air force Boeing on Monday to pick up Portuguese in Kyiv.")
    assert (sending.status.value, sending.date) == ("planned", date(2022, 2, 14))
    row = one("Nigeria | Navy ship to carry Nigerians home from Kyiv | due Monday")
    assert (row.status.value, row.date) == ("planned", date(2022, 2, 14))
    # a ship sent earlier that docked on a day reports that day
    docked = one("An Italian navy vessel, sent by Rome to bring home Italian citizens, docked later on Monday.")
    assert docked.date == date(2022, 2, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If this kicks off properly I bet Germany sends the Luftwaffe in to get their people out.", []),
        (
            "Japan couldn't get a plane in, and it was Turkish Airlines that flew more than two hundred stranded "
            "Japanese out of Tehran.",
            [],
        ),
        ("France told French citizens on April 9 to leave by road for Kenya.", [("FR", "UA", "leave_advisory")]),
    ],
)
def test_guesses_airlines_and_roads_out(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(text) == expected


def test_a_hedge_in_the_clause_before_a_semicolon_hedges_nothing_after_it() -> None:
    text = (
        'United Kingdom | Foreign Office tells Britons in China to leave the country "if they can"; some embassy and '
        "consulate staff withdrawn | 4 Feb"
    )
    assert run(text, target="CN") == [("GB", "CN", "embassy_drawdown"), ("GB", "CN", "leave_advisory")]
