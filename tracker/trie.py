"""Compile many literal strings into one regular expression shaped like a trie.

A flat alternation of a few thousand names makes `re` try every branch at every position; a trie lets it follow
only the branch that matches the next character, so one pass over an article stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def _insert(trie: dict[str, dict], word: str) -> None:  # type: ignore[type-arg]
    node = trie
    for char in word:
        node = node.setdefault(char, {})
    node[_END] = {}


def _pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    optional = _END in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        # Greedy '?' tries the longer branch first, so "Guinea-Bissau" wins over "Guinea".
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def trie_regex(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern matching any of `words` as whole words, preferring the longest at each position."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        if word:
            _insert(trie, word)
    return re.compile(r"(?<![\w])(?:" + _pattern(trie) + r")(?![\w])", flags)


def substring_trie(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern finding, at every position (the matches may overlap), the longest of `words` that starts there;
    for substrings such as gate words ("leav", "evacuat"), not whole words."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        if word:
            _insert(trie, word)
    return re.compile(r"(?=(" + _pattern(trie) + r"))")
