from __future__ import annotations

from datetime import date

from tracker.countries import gazetteer
from tracker.extract import extract
from tracker.records import DatePrecision, Document
from tracker.tables import tally_sentences

TABLE = (
    "NATIONALS EVACUATED FROM LIBYA, BY GOVERNMENT\n\n"
    "Country | People moved | First govt departure | Embassy in Tripoli | Notes\n"
    "China | 35,860 | 24/2 | Open | Largest operation\n"
    "United Kingdom | 1,100 | 23/2 | Suspended 26/2 | About half British\n"
    "Brazil | 520 | - | Open | Companies' own operation\n"
    "Bangladesh | - | - | Open | Awaiting transport\n"
)


def test_a_tally_row_reads_as_the_sentence_it_stands_for() -> None:
    rows = tally_sentences(TABLE, gazetteer())
    assert sorted(rows.values()) == [
        "China evacuated 35,860 nationals on 24/2.",
        "United Kingdom evacuated 1,100 nationals on 23/2; United Kingdom suspended its embassy on 26/2.",
    ]
    # the offsets are the rows' own
    assert all(TABLE[offset:].startswith(("China |", "United Kingdom |")) for offset in rows)


def test_a_table_without_a_tally_caption_is_left_alone() -> None:
    plain = "Country | Capital | Population\nChina | Beijing | 1,400,000,000\n"
    assert tally_sentences(plain, gazetteer()) == {}


def test_tally_rows_become_mentions_with_the_row_as_evidence() -> None:
    published = date(2011, 3, 3)
    document = Document(url="u", title="", text=TABLE, published=published, source="test")
    found = {
        (m.issuer, m.event_type.value): (m.date, m.date_precision, m.evidence)
        for m in extract(document, published, "LY")
    }
    assert set(found) == {("CN", "leave_advisory"), ("GB", "leave_advisory"), ("GB", "embassy_closure")}
    assert found[("GB", "embassy_closure")][:2] == (date(2011, 2, 26), DatePrecision.DAY)
    assert found[("CN", "leave_advisory")][2].startswith("China | 35,860")
