"""RawDocument -> Document: decode, read the header or the HTML metadata, and keep the article text (pure).

A plain-text article may start with a title line, then optional lines holding a date (YYYYMMDD or ISO) and a URL
(the shape of `../shared/seeds/004_*`). HTML goes through trafilatura without comments; BeautifulSoup is the
fallback when trafilatura finds no main text.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from tracker.errors import InputError
from tracker.language import detect_language
from tracker.records import Document, RawDocument

_HEADER_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_URL = re.compile(r"^https?://\S+$")
_HTML_SNIFF = re.compile(rb"<(?:!doctype html|html|head|body|article|p|div)\b", re.IGNORECASE)


def decode_text(body: bytes, what: str) -> str:
    """Strict UTF-8 (a BOM is fine); anything else is refused with a reason rather than guessed."""
    if not body.strip():
        raise InputError(f"{what}: empty")
    if b"\x00" in body[:8192]:
        raise InputError(f"{what}: binary content (NUL bytes), not an article")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what}: not UTF-8 (invalid byte at offset {exc.start}); convert it first") from exc


def _ymd(match: re.Match[str] | None) -> date | None:
    """The date in a match's first three groups (year, month, day), or None when absent or impossible."""
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def parse_header_date(line: str) -> date | None:
    return _ymd(_HEADER_DATE.match(line.strip()))


def parse_text(text: str, url: str, source: str) -> Document:
    lines = text.splitlines()
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    title = lines[index].strip() if index < len(lines) else ""
    index += 1
    published: date | None = None
    # Up to two header lines after the title, in either order: a date and a URL.
    for _ in range(2):
        if index >= len(lines):
            break
        candidate = lines[index].strip()
        if published is None and (found := parse_header_date(candidate)):
            published = found
        elif _URL.match(candidate):
            url = candidate
        else:
            break
        index += 1
    body = "\n".join(lines[index:]).strip()
    full = f"{title}\n\n{body}" if body else title
    return Document(url=url, title=title, text=full, published=published, source=source, language=detect_language(full))


def _html_published(metadata_date: str | None) -> date | None:
    if not metadata_date:
        return None
    try:
        return datetime.fromisoformat(metadata_date[:10]).date()
    except ValueError:
        return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def url_date(url: str) -> date | None:
    """A publication date written into the URL path (/2022/02/12/, /20220212/), as news sites often do."""
    return _ymd(_URL_DATE.search(url))


def parse_html(html: str, url: str, source: str) -> Document:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    text = (
        trafilatura.extract(html, url=url or None, include_comments=False, include_tables=False, favor_precision=True)
        or ""
    )
    metadata = trafilatura.extract_metadata(html, default_url=url or None)
    title = (metadata.title if metadata else None) or ""
    # Publication date: the page's metadata, then the URL (then, in the pipeline, the dates the text names).
    published = _html_published(metadata.date if metadata else None) or url_date(url)
    if not text.strip():
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "nav", "footer", "header", "aside", "form"]):
            tag.decompose()
        text = "\n\n".join(p.get_text(" ", strip=True) for p in soup.find_all("p"))
        title = title or (soup.title.get_text(strip=True) if soup.title else "")
    if not text.strip():
        raise InputError(f"{url or 'document'}: HTML page has no article text")
    full = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return Document(url=url, title=title, text=full, published=published, source=source, language=detect_language(full))


def is_html(raw: RawDocument) -> bool:
    if "html" in raw.content_type.lower():
        return True
    if raw.url.lower().endswith((".html", ".htm")):
        return True
    return bool(_HTML_SNIFF.search(raw.body[:2048])) and not raw.url.lower().endswith(".txt")


STRUCTURED_TYPES = ("json", "application/rss+xml", "application/atom+xml", "text/xml", "application/xml")


def parse_document(raw: RawDocument) -> Document:
    """Parse one stored raw document; raise InputError with a one-line reason when it is not an article."""
    content_type = raw.content_type.lower()
    if any(kind in content_type for kind in STRUCTURED_TYPES):
        # Feeds and official JSON are kept in the raw store for the record; their adapters read them.
        raise InputError(f"{raw.url}: structured payload ({raw.content_type}), read by its source adapter")
    text = decode_text(raw.body, raw.url or "document")
    if is_html(raw):
        return parse_html(text, raw.url, raw.source)
    return parse_text(text, raw.url, raw.source)
