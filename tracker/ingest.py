"""Read article files from disk into RawDocuments (an I/O edge). Bad files give one-line errors, not crashes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.errors import InputError
from tracker.parse import decode_text
from tracker.records import RawDocument

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class FileProblem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def iter_article_paths(paths: list[Path], skip_dirs: tuple[str, ...] = ()) -> Iterator[Path | FileProblem]:
    """Files named on the command line, and article files inside folders (sorted, recursive)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part in skip_dirs for part in child.relative_to(path).parts):
                    continue
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        elif not path.exists():
            yield FileProblem(path, "no such file or folder")
        else:
            yield FileProblem(path, "not a regular file")


def read_article(path: Path, *, source: str, now: datetime) -> RawDocument:
    """The file's bytes as a RawDocument; InputError (one line) if it cannot be an article."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'}; use .txt or .html")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path}: too large ({size} bytes > {MAX_FILE_BYTES})")
        body = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    decode_text(body, str(path))  # refuse empty, binary and non-UTF-8 files before they are stored
    content_type = "text/html" if path.suffix.lower() in (".html", ".htm") else "text/plain"
    return RawDocument(url=path.resolve().as_uri(), fetched_at=now, body=body, content_type=content_type, source=source)
