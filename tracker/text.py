"""Article text clean-up and sentence segmentation (pure).

Clean-up removes page furniture that survives extraction (DESIGN §3: "reader comments, related-article links and
navigation mention countries too"). Segmentation is tuned for news: abbreviations (Mr., U.S., Feb., No.), quotes,
datelines, and machine-translated text whose sentences lack final punctuation.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass

# A line that starts one of these ends the article: everything after it is comments or recirculation.
_CUT_FROM = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|\d*\s*comments?\s*(?:\(\d+\))?\s*:?|please enter your (?:comment|name)"
    r"|share (?:this )?post:?"
    r"|more like this|related(?: (?:articles|stories|posts|links|coverage|galleries|reading))?|you may also like"
    r"|recommended for you|most read|more on this story|further reading"
    r"|add (?:a )?comment|join the conversation|comments are closed|reader comments)\s*!?\s*$",
    re.IGNORECASE,
)
# Single lines of furniture: related links, syndication footers, photo credits, comment boilerplate.
_DROP_LINE = re.compile(
    r"^\s*(?:see also\b|read (?:also|more)\b|also read\b|related\s*:|source link\b|\(in update\)|advertisement\s*$"
    r"|the post\b.*\bappeared first on\b|your email address will not be published"
    r"|required fields are marked|share (?:on|via) |follow us on |sign up for\b|subscribe to\b)",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"(?:\bphoto(?:graph)?\s*(?:by|:)|\bgetty images\b|\bvia reuters\b|\bap photo\b|\bafp via\b"
    r"|/\s*(?:reuters|afp|ap)\s*$|\bimage (?:source|caption)\b|\bfile photo\b)",
    re.IGNORECASE,
)
# Words every photo credit pattern needs: a cheap test before the regular expression.
_CREDIT_WORDS = ("photo", "getty", "reuters", "afp", "ap", "image")
_COMMENT_POLICY = re.compile(
    r"\bcomment(?:s|ing)?\b.{0,200}\b(?:privilege|community|moderat\w*|guidelines|abuse[ds]?)\b", re.IGNORECASE
)
_TWEET_TAIL = re.compile(r"\s*pic\.twitter\.com\S*|\s*https?://t\.co/\S+|\s*—\s*[^—]*\(@\w+\)\s*\w+ \d+, \d{4}")


# A heading that introduces a block of links ("SEE ALSO", "Related:"); the block runs to the next blank line.
_LINK_BLOCK = re.compile(
    r"^\s*(?:see\s+also|related(?:\s+(?:coverage|content|links|news))?|read\s+(?:more|also|next)|more\s+on\s+this"
    r"(?:\s+story)?|further\s+reading|more\s+from\s+\w+|you\s+might\s+also\s+like|top\s+stories)\s*:?\s*$",
    re.IGNORECASE,
)
# A reply's head in a social-media thread: "@wanjiku_k · May 2".
_REPLY_HEAD = re.compile(r"^\s*@(?P<handle>\w+)\s*[·•|—–-]\s*\S")
# Handles of foreign ministries, embassies and travel-advice services: "@PolandMFA", "@FCDOGovUK", "@dfat".
_OFFICIAL_HANDLE = re.compile(
    r"mfa|msz|mzv|gov|fp$|diplo|amt|mofa|mea[A-Z]|fcdo|fco|dfat|foreign|embassy|embajada|ambassade|botschaft|consul"
    r"|minist|state|minaff|exteri|esteri|buza|smartraveller"
    r"|(?-i:MEA)",
    re.IGNORECASE,
)
# A reader comment line: "Joanne K.: Canada closed its embassy years ago, didn't it?"
_COMMENT_LINE = re.compile(r"^\s*[A-Z][^\W\d_]+(?:[’'-][^\W\d_]+)?\s+[A-Z]\.:\s+\S")


_QUOTE_MARKS = re.compile(r"^(?:>[ \t]?)+")


def clean_text(text: str) -> str:
    """Drop furniture lines and everything from a comments/recirculation heading on; keep quotes."""
    kept: list[str] = []
    in_links = False
    for line in text.splitlines():
        if _CUT_FROM.match(line):
            # ("COMMENT" over an opinion piece, under its headline, labels the piece: comments follow the text)
            if line.strip().lower() != "comment" or sum(1 for k in kept if k.strip()) > 1:
                break
            continue
        if in_links:
            in_links = bool(line.strip())
            continue
        # A link block, or a reply in a thread ("@wanjiku_k · May 2" and its text), runs to the next blank line.
        # (An official account's post is the news itself: "@PolandMFA · 1 Oct 2024 · 20:03" and its text stay.)
        reply = _REPLY_HEAD.match(line)
        if _LINK_BLOCK.match(line) or (reply and not _OFFICIAL_HANDLE.search(reply["handle"])):
            in_links = True
            continue
        lower = line.lower()
        if _DROP_LINE.match(line) or _COMMENT_LINE.match(line):
            continue
        if "comment" in lower and _COMMENT_POLICY.search(line):  # the substring test spares most lines the scan
            continue
        # A short line with a credit is a caption; a long one is prose that happens to cite an agency.
        if len(line.split()) <= 16 and any(k in lower for k in _CREDIT_WORDS) and _PHOTO_CREDIT.search(line):
            continue
        # A forum post or an e-mail quoting another ("> The Department of State warns ..."): the quoted text reads
        # as text, and its hard-wrapped lines are joined as any others.
        if line.startswith(">"):
            line = _QUOTE_MARKS.sub("", line)
        # Every tweet tail has one of these: most lines skip the substitution.
        kept.append(_TWEET_TAIL.sub("", line) if "twitter" in lower or "t.co/" in lower or "(@" in line else line)
    return "\n".join(_unwrap(_csv_as_rows(kept) if "," in text and "ountry" in text else kept)).strip()


_CSV_HEADER = re.compile(r"^\s*[\w ]{2,20}(?:,[\w ]{2,20}){2,}\s*$")


def _csv_as_rows(lines: list[str]) -> list[str]:
    """A table pasted as comma-separated values ("date,country,measure,source") read as the table rows it is: the
    country first and the cells after it ("Colombia | Consulate in Guayaquil closed ... | 2024-01-10"), the way
    the extractor reads a row of a table."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        header = [cell.strip().lower() for cell in line.split(",")] if _CSV_HEADER.match(line) else []
        if "country" not in header:
            out.append(line)
            index += 1
            continue
        out.append(line)
        column = header.index("country")
        index += 1
        while index < len(lines) and lines[index].strip():
            cells = next(csv.reader([lines[index]]), [])
            if len(cells) != len(header):
                break
            rest = [cell.strip() for i, cell in enumerate(cells) if i != column and cell.strip()]
            out.append(" | ".join([cells[column].strip(), *rest]))
            index += 1
    return out


def _unwrap(lines: list[str]) -> list[str]:
    """Paragraphs hard-wrapped at a fixed width (scraped plain text, old wire copy) joined back into one line each:
    every line break is a sentence boundary, and "the Foreign Office told Britons on Wednesday to leave / Albania"
    must stay one sentence."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        out.extend([" ".join(part.strip() for part in block)] if _is_wrapped(block) else block)
        block = []
        out.append(line)
    return out[:-1]


def _is_wrapped(block: list[str]) -> bool:
    if len(block) < 3:
        return False
    body = block[:-1]
    if any(not 45 <= len(line) <= 100 or _LIST_LINE.match(line) or "|" in line for line in body):
        return False
    open_ends = sum(1 for line in body if not line.rstrip().endswith((".", "!", "?", ":", '"', "”", "’", ")")))
    return open_ends * 5 >= len(body) * 3


_LIST_LINE = re.compile(r"^\s*(?:[-*•–—]|\d+[.)/]|\d{1,2}:\d{2}\b|[A-Z][A-Z ]{3,}:)")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


# Tokens ending in a period that do not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "pres",
        "hon",
        "amb",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "est",
        "inc",
        "ltd",
        "corp",
        "co",
        "dept",
        "univ",
        "etc",
        "vs",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "a.m",
        "p.m",
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|[.!?]+[\"”’']?\s*$")
# Machine translation starts sentences in lower case ("... to the facts. sunday the Quai d'Orsay has invited ...").
# (but not before a word that carries the sentence on: "urged Singaporeans. to leave Myanmar" is one sentence)
_LOWER_BOUNDARY = re.compile(
    r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?(?:[A-Z0-9]|(?!(?:to|and|or|of|in|that|which|for|by|with|as|from|at|on)\b)[a-z]))"
    r"|[.!?]+[\"”’']?\s*$"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(paragraph: str, dot_end: int) -> bool:
    match = _WORD_BEFORE.search(paragraph[max(0, dot_end - 12) : dot_end])
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    if token in _NUMBER_SIGNS:
        # "No. 10" abbreviates a number; "No. On Sunday the State Department ordered ..." is an answer.
        return paragraph[dot_end : dot_end + 3].lstrip()[:1].isdigit()
    # Single capital initials ("A. Blinken") and listed abbreviations do not end sentences.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


_NUMBER_SIGNS = frozenset({"no", "nos"})


def _split_paragraph(paragraph: str, boundary: re.Pattern[str] = _BOUNDARY) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in boundary.finditer(paragraph):
        end = match.end()
        first_dot = match.start() + 1
        if paragraph[match.start()] == "." and _is_abbreviation(paragraph, first_dot):
            continue
        spans.append((start, end))
        start = end
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def split_sentences(text: str, lowercase_starts: bool = False) -> list[Sentence]:
    """Sentences with offsets into `text`; every line break is a boundary (titles, bullets, scraped lines)."""
    sentences: list[Sentence] = []
    offset = 0
    paragraph_index = 0
    for line in text.split("\n"):
        if not line.strip():
            paragraph_index += 1
            offset += len(line) + 1
            continue
        # A table row ("Britain | Embassy closed. Britons told to leave | 12 Jan") is one statement with its date.
        # (and a line whose only stop is its last character is one sentence without a scan)
        body = line.rstrip()
        single = body[-1:] in (".", "!", "?") and not any(c in body[:-1] for c in ".!?…")
        boundary = _LOWER_BOUNDARY if lowercase_starts else _BOUNDARY
        spans = [(0, len(line))] if single or line.count("|") >= 2 else _split_paragraph(line, boundary)
        for start, end in spans:
            raw = line[start:end]
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                begin = offset + start + lead
                sentences.append(Sentence(stripped, begin, begin + len(stripped), paragraph_index))
        offset += len(line) + 1
        paragraph_index += 1
    return sentences


def holds_any(lower: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` occurs in `lower`: the cheap test run before a pattern on every sentence."""
    # A plain loop: any() over a generator costs more than the substring tests it runs.
    for word in words:  # noqa: SIM110
        if word in lower:
            return True
    return False


_SPACE = re.compile(r"\s+")


def text_digest(text: str) -> str:
    """Hash of the text with case and white space folded: the same story under two URLs has one digest."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()
