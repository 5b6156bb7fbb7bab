from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tracker.errors import InputError
from tracker.ingest import read_article
from tracker.language import detect_language
from tracker.parse import parse_document, parse_text
from tracker.records import RawDocument

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def raw(body: bytes, url: str = "file:///a.txt", content_type: str = "text/plain") -> RawDocument:
    return RawDocument(url=url, fetched_at=NOW, body=body, content_type=content_type)


@pytest.mark.parametrize(
    ("header", "published", "url"),
    [
        ("Title\n20220212\nhttps://example.org/a\n\nBody text.", date(2022, 2, 12), "https://example.org/a"),
        ("Title\nhttps://example.org/b\n2022-02-13\n\nBody text.", date(2022, 2, 13), "https://example.org/b"),
        ("Title\n2022-02-14T08:00:00Z\n\nBody text.", date(2022, 2, 14), "file:///a.txt"),
        ("\n\nTitle\n\nBody text with no header.", None, "file:///a.txt"),
    ],
)
def test_plain_text_header(header: str, published: date | None, url: str) -> None:
    document = parse_text(header, "file:///a.txt", "file")
    assert document.title == "Title"
    assert document.published == published
    assert document.url == url
    assert document.text.endswith(".")
    assert "2022" not in document.text.split("\n", 1)[1]


def test_a_title_that_looks_like_a_date_is_not_taken_as_one() -> None:
    document = parse_text("Title\n20221399\n\nBody", "u", "file")
    assert document.published is None
    assert "20221399" in document.text


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Caf\u00e9 d\u00e9j\u00e0".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unusable_bodies_are_refused_with_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_document(raw(body))


def test_utf8_bom_is_accepted() -> None:
    assert parse_document(raw("\ufeffTitle\n\nBody".encode())).title == "Title"


def test_html_article_keeps_the_story_and_drops_comments_and_navigation() -> None:
    path = FIXTURES / "articles" / "ukraine_embassy.html"
    document = parse_document(read_article(path, source="file", now=NOW))
    assert document.title.startswith("US moves embassy operations to Lviv")
    assert document.published == date(2022, 2, 14)
    assert "temporarily relocating its embassy operations" in document.text
    assert "Sweden" not in document.text  # the comment section
    assert "Copyright" not in document.text


def test_html_without_article_text_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse_document(raw(b"<html><body><script>x()</script></body></html>", "https://e.org/x.html", "text/html"))


def test_language_detection() -> None:
    german = (FIXTURES / "articles" / "german_article.txt").read_text(encoding="utf-8")
    english = (FIXTURES / "articles" / "lebanon_leave.txt").read_text(encoding="utf-8")
    assert detect_language(german) == "de"
    assert detect_language(english) == "en"
    assert detect_language("Kyiv") == "und"


def test_read_article_refuses_unsupported_and_missing(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported"):
        read_article(pdf, source="file", now=NOW)
    with pytest.raises(InputError, match="cannot read"):
        read_article(tmp_path / "missing.txt", source="file", now=NOW)


def test_publication_date_from_the_url_when_metadata_has_none() -> None:
    from tracker.parse import url_date

    assert url_date("https://example.org/world/2022/02/12/story") == date(2022, 2, 12)
    assert url_date("https://example.org/news/20220211-japan.html") == date(2022, 2, 11)
    assert url_date("https://example.org/news/19919875.story/") is None
    html = "<html><body><article><p>" + "Japan urged its citizens to leave Ukraine on Friday. " * 5
    document = parse_document(
        raw((html + "</p></article></body></html>").encode(), "https://example.org/2022/02/12/japan", "text/html")
    )
    assert document.published == date(2022, 2, 12)
