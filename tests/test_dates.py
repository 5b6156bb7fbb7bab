from __future__ import annotations

from datetime import date

import pytest

from tracker.dates import find_date_cues, heading_day, infer_anchor, narrative_day, nearest_cue, post_day
from tracker.records import DatePrecision

SATURDAY = date(2022, 2, 12)


@pytest.mark.parametrize(
    ("sentence", "future", "expected", "precision"),
    [
        ("on February 11, Japan advised", False, date(2022, 2, 11), DatePrecision.DAY),
        ("on 11 February 2022 Japan advised", False, date(2022, 2, 11), DatePrecision.DAY),
        ("on Feb. 11 Japan advised", False, date(2022, 2, 11), DatePrecision.DAY),
        ("on February 11th Japan advised", False, date(2022, 2, 11), DatePrecision.DAY),
        ("on 2022-02-10 Japan advised", False, date(2022, 2, 10), DatePrecision.DAY),
        ("Japan advised on Friday", False, date(2022, 2, 11), DatePrecision.DAY),
        ("Japan advised on Saturday", False, date(2022, 2, 12), DatePrecision.DAY),
        ("Japan advised last Saturday", False, date(2022, 2, 5), DatePrecision.DAY),
        ("Japan will advise on Monday", True, date(2022, 2, 14), DatePrecision.DAY),
        ("Japan plans to announce this Saturday", True, date(2022, 2, 12), DatePrecision.DAY),
        ("Japan advised yesterday", False, date(2022, 2, 11), DatePrecision.DAY),
        ("Japan advised today", False, date(2022, 2, 12), DatePrecision.DAY),
        ("Japan had already advised", False, date(2022, 2, 12), DatePrecision.ON_OR_BEFORE),
        ("Japan advised last week", False, date(2022, 2, 12), DatePrecision.ON_OR_BEFORE),
    ],
)
def test_cue_resolution(sentence: str, future: bool, expected: date, precision: DatePrecision) -> None:
    cue = nearest_cue(find_date_cues(sentence, SATURDAY, future=future), 0, len(sentence))
    assert cue is not None
    assert (cue.value, cue.precision) == (expected, precision)


def test_a_december_date_in_a_january_article_is_last_year() -> None:
    (cue,) = find_date_cues("on December 30 Japan advised", date(2022, 1, 5))
    assert cue.value == date(2021, 12, 30)


def test_nearest_cue_prefers_the_one_next_to_the_trigger() -> None:
    sentence = "On Friday, talks ended; Japan advised its citizens to leave on February 9."
    cues = find_date_cues(sentence, SATURDAY)
    trigger = sentence.index("advised")
    assert nearest_cue(cues, trigger, trigger + 30).value == date(2022, 2, 9)  # type: ignore[union-attr]


def test_impossible_dates_are_not_cues() -> None:
    assert find_date_cues("on February 30 and 2022-13-01", SATURDAY) == ()


def test_infer_anchor_uses_the_years_the_text_names() -> None:
    text = "Exercises. January 2022 Photo. On February 11 Japan advised; on February 12 Russia left."
    assert infer_anchor(text, date(2026, 11, 21)) == date(2022, 2, 12)
    assert infer_anchor("No year anywhere, on February 11.", date(2026, 11, 21)) == date(2026, 11, 21)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sunday 23 January.", (True, date(2022, 1, 23))),
        ("3. 25/01.", (True, date(2022, 1, 25))),
        ("26.01.", (True, date(2022, 1, 26))),
        ("9. 11/02 (yesterday).", (True, date(2022, 2, 11))),  # the stated day, with "yesterday" agreeing
        ("Saturday 12 Feb. A crowded day.", (True, date(2022, 2, 12))),
        ("Early February.", (True, None)),  # a heading that ends the previous entry's day
        ("On Friday, Britain told its citizens to leave.", (False, None)),
        ("Feb. 7 and Britain left.", (False, None)),
        ("1.", (False, None)),
        # compact entry dates, read only as headings: the ambiguous "8/4" the way that lands near publication
        ("Sun 10.02.", (True, date(2022, 2, 10))),
        ("Tuesday 8th.", (True, date(2022, 2, 8))),
        ("9.II.", (True, date(2022, 2, 9))),
        ("3.5 million people left.", (False, None)),
        # an entry's date before a dash: "8. Thu 3/8 — The Spanish A400M lands", "04.08 — The UK reduces staff"
        ("8. Thu 10/2 — The Spanish A400M lands", (True, date(2022, 2, 10))),
        ("04.02 — The UK reduces its staff", (True, date(2022, 2, 4))),
    ],
)
def test_timeline_headings(sentence: str, expected: tuple[bool, date | None]) -> None:
    assert heading_day(sentence, SATURDAY) == expected


def test_day_month_numbers_only_where_the_order_is_certain() -> None:
    (cue,) = find_date_cues("on friday (26/3) urged Singaporeans", date(2021, 3, 28))
    assert cue.value == date(2021, 3, 26)
    # 3/4 could be either order; 1.5 is a number
    assert find_date_cues("about 3/4 of them, 1.5 million", SATURDAY) == ()


def test_dotted_dates_with_a_year_are_day_first() -> None:
    (cue,) = find_date_cues("Consulate in Aqaba closed until further notice - 18.03.2003", SATURDAY)
    assert cue.value == date(2003, 3, 18)


def test_an_ambiguous_day_month_heading_is_read_near_the_publication_date() -> None:
    assert heading_day("3. 8/4.", date(1994, 4, 15)) == (True, date(1994, 4, 8))
    assert heading_day("3. 8/4.", date(1994, 6, 15)) == (False, None)  # neither reading is near


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted: Thu Jan 03, 2008 4:15 pm", date(2008, 1, 3)),
        ("Posted: 02/01/2008 08:47", date(2008, 1, 2)),  # the reading on or just before the page's date
        ("Posted: Yesterday 19:02", date(2008, 1, 4)),
        ("#7  priya_r  - Fri 04 Jan 2008, 21:45", date(2008, 1, 4)),
        ("Posted in Politics", None),
        ("The embassy posted a notice on Thursday.", None),
    ],
)
def test_a_posts_stamp_gives_its_day(line: str, expected: date | None) -> None:
    assert post_day(line, date(2008, 1, 5)) == expected


def test_a_two_digit_year_takes_the_century_nearer_publication() -> None:
    (cue,) = find_date_cues("France | Embassy closed | 11.01.91", date(1991, 1, 13))
    assert cue.value == date(1991, 1, 11)


def test_a_table_cell_with_a_short_weekday() -> None:
    (cue,) = find_date_cues("Spain | Embassy closed, according to diplomats | Sat", SATURDAY)
    assert cue.value == SATURDAY


def test_a_retrospective_tells_of_the_year_of_its_last_full_date() -> None:
    published = date(2019, 4, 6)
    story = narrative_day("On the evening of 6 April 1994, a jet was shot down.", published, None)
    assert story == date(1994, 4, 6)
    # background without a day starts no story; a full date in the publication's year ends one
    assert narrative_day("Siad Barre seized power in October 1969.", published, None) is None
    assert narrative_day("On 2 April 2019 the museum opened.", published, story) is None
    (cue,) = find_date_cues("On 8 April Belgium told its nationals to leave.", published, narrative=story)
    assert cue.value == date(1994, 4, 8)
    # the story runs over New Year: the nearest such day to the one it tells of
    (cue,) = find_date_cues("The Shah left on January 16th.", date(2019, 2, 11), narrative=date(1978, 12, 8))
    assert cue.value == date(1979, 1, 16)


def test_a_forum_posts_stamp_with_dashes_dates_the_post() -> None:
    assert post_day("#4 | lina_m (Manchester) | 02-01-2009, 16:40", date(2009, 1, 7)) == date(2009, 1, 2)


def test_slashed_dates_with_a_year_are_read_where_one_order_fits() -> None:
    anchor = date(1995, 10, 10)
    # certain: no month 25
    (cue,) = find_date_cues("25/09/1995 - the airport reopens", anchor)
    assert cue.value == date(1995, 9, 25)
    # either order is a date, and only day/month lands near publication
    (cue,) = find_date_cues("2/10/95 - China flies out its citizens", anchor)
    assert cue.value == date(1995, 10, 2)
    # both orders far from publication: not read
    assert find_date_cues("3/4/1990 was the day", anchor) == ()


def test_a_live_blog_entry_stamped_with_time_and_day_dates_the_entry() -> None:
    anchor = date(2024, 4, 14)
    assert post_day("23:40 Sat 13 April", anchor) == date(2024, 4, 13)
    assert post_day("18:20 Fri 12 April [corrected - see 10:05 Sunday]", anchor) == date(2024, 4, 12)
    assert post_day("16:15", anchor) is None  # a time alone names no day
    assert post_day("10:30 The ministry said on Friday 12 April that it would close", anchor) is None


def test_a_span_of_days_is_dated_to_its_first() -> None:
    (cue,) = find_date_cues("on C-130 flights on 3 and 4 Jan, before the airport closed", date(1991, 1, 8))
    assert cue.value == date(1991, 1, 3)


def test_a_captions_dateline_dates_the_caption() -> None:
    anchor = date(2023, 4, 26)
    assert heading_day("Khartoum, 22 April.", anchor) == (True, date(2023, 4, 22))
    assert heading_day("Al-Azraq air base, Jordan, 23 April.", anchor) == (True, date(2023, 4, 23))
    assert heading_day("Paris, France, says", anchor) == (False, None)


def test_a_section_headed_by_a_year_tells_of_that_year() -> None:
    anchor = date(2022, 11, 10)
    assert narrative_day("2012: the coup nobody planned for", anchor, None) == date(2012, 12, 31)
    assert narrative_day("2022: a slow eviction", anchor, date(2012, 4, 3)) is None


def test_a_decorated_heading_names_its_day() -> None:
    anchor = date(2011, 3, 18)
    assert heading_day("--- TUESDAY 15 MARCH ---", anchor) == (True, date(2011, 3, 15))
    assert heading_day("== Wednesday 16 March ==", anchor) == (True, date(2011, 3, 16))
    # (a bare number with dots around it is no Roman-numeral date)
    assert heading_day("=== 12. ===", anchor)[1] is None


def test_a_numbered_update_stamped_with_time_and_day_dates_its_text() -> None:
    anchor = date(1990, 9, 2)
    assert post_day("Update 8 (17:00, 28 August)", anchor) == date(1990, 8, 28)
    assert post_day("Update 1 (10:00)", anchor) is None  # a time names no day


def test_a_channel_posts_bracketed_stamp_dates_it() -> None:
    assert post_day("[15.08 11:40] Norway has closed its embassy in Kabul.", date(2021, 8, 16)) == date(2021, 8, 15)


def test_a_memoir_of_a_winter_tells_of_that_winter() -> None:
    anchor = date(1986, 3, 16)
    assert narrative_day("Ambassador in Tehran in 1978-79, describes the weeks", anchor, None) == date(1978, 12, 31)
    (cue,) = find_date_cues("On 10 January the embassy closed", anchor, narrative=date(1978, 12, 31))
    assert cue.value == date(1979, 1, 10)


def test_a_communiques_dateline_with_a_year_and_a_feed_items_date() -> None:
    assert heading_day("Rome, 6 June 1998", date(1998, 6, 10)) == (True, date(1998, 6, 6))
    assert post_day("pubDate: Mon, 12 Sep 1988 06:15:00 GMT", date(1988, 9, 19)) == date(1988, 9, 12)


def test_a_forum_byline_with_a_bar_dates_the_post() -> None:
    assert post_day("habesha_harry | Posted 05 Nov 2021, 21:14", date(2021, 11, 24)) == date(2021, 11, 5)
