"""Did you mean: the user's query with each unknown word replaced by its closest known
spelling, from the index's own (unstemmed) spelling list.

Only a few short words are looked up: finding the spellings within two edits of a word walks
the spelling list with an automaton whose cost grows with the word, and a query of a hundred
unknown words (or one word of thousands of letters) is no misspelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from search.query.language import OPERATORS
from search.query.names import fold

if TYPE_CHECKING:
    from search.backend import Searcher

SUGGEST_WORDS = 3  # a query with more unknown words than this gets no suggestion
SUGGEST_LETTERS = 24  # longer words are left as they are

_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _bare_words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the words a spelling fix may replace: free text and phrase words,
    not field names, field values, operators, or words with wildcards or fuzziness."""
    for m in _WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        if word in OPERATORS or word == "TO":
            continue
        if text[e : e + 1] in (":", "*", "?", "~") or (s and text[s - 1] in ":*?"):
            continue
        yield s, e


def suggest(searcher: Searcher, text: str) -> str | None:
    """The user's query with each word the index does not know replaced by its closest
    known spelling, or None when nothing changes. Other parts of the query (fields,
    operators, phrases) are kept as typed."""
    unknown = [(s, e) for s, e in _bare_words(text) if e - s <= SUGGEST_LETTERS and not searcher.known_word(text[s:e])]
    if len(unknown) > SUGGEST_WORDS:
        return None
    out, last, changed = [], 0, False
    for s, e in unknown:
        word = text[s:e]
        low = fold(word)
        best = None
        for maxdist in (1, 2):
            found = searcher.spellings(low, maxdist)
            if found is None:
                return None
            if found:
                best = min(found, key=lambda tf: (_edit_distance(low, tf[0]), -tf[1], tf[0]))[0]
                break
        if best and best != low:
            out.append(text[last:s])
            out.append(best.capitalize() if word[:1].isupper() else best)
            last = e
            changed = True
    if not changed:
        return None
    out.append(text[last:])
    return "".join(out)
