"""Snippets: the stretch of a hit's text that shows why it matched, with the words marked.

Whoosh's highlighter runs the whole analyzer (tokenizer, lower-casing, stemming, accent
folding) over every hit's full text, which costs milliseconds per long article. Here each
distinct word is analysed once (and remembered), the text is scanned with one regular
expression, and the window with the most distinct matched terms is cut at word boundaries.
The terms to mark come from the backend (`Searcher.highlight_terms`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

# The tokenizer of Whoosh's StemmingAnalyzer, which the `text` field uses.
_TOKEN = re.compile(r"\w+(?:\.?\w+)*")
WORD = _TOKEN  # the words of a text as the index splits them (also for search.query.profile)
ELLIPSIS = "…"
# Quotes up to this long are shown whole; longer texts get a window of about WINDOW chars.
WHOLE = 400
WINDOW = 260


def term_of(analyzer: Callable[..., Any]) -> Callable[[str], str | None]:
    """A cached word -> indexed term function for one analyzer."""

    @lru_cache(maxsize=50_000)
    def analyse(word: str) -> str | None:
        for token in analyzer(word):
            text: str = token.text
            return text
        return None

    return analyse


def make_snippet(
    text: str,
    terms: set[str],
    analyse: Callable[[str], str | None],
    whole: int = WHOLE,
    window: int = WINDOW,
    phrases: Sequence[tuple[str, ...]] = (),
) -> tuple[str, list[tuple[int, int]]]:
    """(snippet, [start, end) spans of matched words in it). A phrase is one span, marked
    only where its words stand together. Without matches: the start of the text, cut at a
    word boundary."""
    matches: list[tuple[int, int, str]] = []
    if terms or phrases:
        tokens = [(m.start(), m.end(), analyse(m.group())) for m in _TOKEN.finditer(text)]
        matches = [(s, e, t) for s, e, t in tokens if t in terms]
        for words in phrases:
            k = len(words)
            for i in range(len(tokens) - k + 1):
                if tokens[i][2] == words[0] and all(tokens[i + j][2] == words[j] for j in range(1, k)):
                    matches.append((tokens[i][0], tokens[i + k - 1][1], " ".join(words)))
        matches.sort()
    if len(text) <= whole:
        return text, [(s, e) for s, e, _ in matches]
    if not matches:
        return _cut(text, 0, window)[0], []
    # Window start: just before some match; pick the one covering most distinct terms.
    best_i, best_key = 0, (-1, -1)
    for i, (s, _e, _t) in enumerate(matches[:200]):
        inside = [m for m in matches[i:] if m[1] <= s + window - 40]
        key = (len({m[2] for m in inside}), len(inside))
        if key > best_key:
            best_i, best_key = i, key
    lead = matches[best_i][0]
    begin = max(0, lead - 60)
    if begin:
        # back up to the start of a sentence when one is near, else to a word boundary
        sentence = max(text.rfind(". ", begin, lead), text.rfind("\n", begin, lead))
        begin = sentence + 2 if sentence >= 0 else (text.find(" ", begin, lead) + 1 or begin)
    snippet, offset = _cut(text, begin, window)
    spans = [(s - offset, e - offset) for s, e, _ in matches if s >= begin and e - offset <= len(snippet) - (1 if snippet.endswith(ELLIPSIS) else 0)]
    return snippet, spans


def _cut(text: str, begin: int, window: int) -> tuple[str, int]:
    """text[begin:begin+window] at word boundaries, with ellipses where it was cut; also the
    offset to subtract from positions in `text` to get positions in the snippet."""
    end = begin + window
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin + window // 2 else end
    piece = text[begin:end].replace("\n", " ")
    prefix = ELLIPSIS if begin > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return prefix + piece.rstrip() + suffix, begin - len(prefix)
