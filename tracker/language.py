"""Cheap language identification: share of each language's commonest function words.

Good enough to tell English news from German, French, Spanish, Russian or Ukrainian pages, which is all the
extractor needs to know: it reads English only and must say so rather than be silently wrong.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# The dozen most frequent short words per language; disjoint enough that the best share wins clearly.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "is",
            "that",
            "for",
            "on",
            "was",
            "with",
            "said",
            "its",
            "their",
            "have",
            "has",
            "from",
            "by",
            "are",
            "as",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "und",
            "das",
            "ist",
            "nicht",
            "mit",
            "den",
            "von",
            "zu",
            "sich",
            "des",
            "auf",
            "für",
            "im",
            "dem",
            "ein",
            "eine",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "et",
            "est",
            "une",
            "dans",
            "pour",
            "que",
            "qui",
            "sur",
            "pas",
            "du",
            "au",
            "par",
            "avec",
            "ses",
        ]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "del", "y", "que", "en", "por", "para", "con", "una", "su", "se", "al", "es", "sus"]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "da",
            "do",
            "das",
            "dos",
            "e",
            "que",
            "em",
            "para",
            "com",
            "uma",
            "não",
            "ao",
            "pelo",
            "pela",
            "seus",
        ]
    ),
    "it": frozenset(
        ["il", "lo", "gli", "della", "delle", "e", "che", "per", "con", "una", "non", "sono", "nel", "alla", "dei"]
    ),
    "ru": frozenset(["и", "в", "не", "на", "что", "с", "по", "как", "из", "за", "это", "его", "для", "от"]),
    "uk": frozenset(["і", "в", "не", "на", "що", "з", "та", "як", "із", "за", "це", "його", "для", "від", "у"]),
}

UNKNOWN = "und"


def detect_language(text: str, sample: int = 4000) -> str:
    """ISO 639-1 code of the most likely language, or 'und' when the text has too few words to tell."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 8:
        return UNKNOWN
    scores = {lang: sum(w in stops for w in words) / len(words) for lang, stops in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.04 else UNKNOWN
