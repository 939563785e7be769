"""The analyzer of searchable text: Whoosh's stemming chain, fused into one pass.

`StemmingAnalyzer(stoplist=None) | CharsetFilter(accent_map)` is four generators deep: a
regex tokenizer, then lower case, Porter stemming (behind an LRU cache) and accent folding,
each a Python call per token. Indexing runs every word of every article and every quote
through it, and at 100,000 articles that chain was a fifth of the indexer's time.
`NewsAnalyzer` gives the very same tokens (text, position, characters; the unstemmed form
with `no_morph`, which Whoosh asks for to collect spelling words) in one loop, with the
finished form of each word remembered: about three times faster.
`tests/test_analysis.py` holds it token for token to the chain it replaces.

It is pickled into the index with the schema (Whoosh stores analyzers), so it keeps no
cache in its state and stays importable here under this name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh.analysis import Analyzer, Token
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

# Whoosh's default tokenizer expression (analysis.tokenizers.default_pattern).
WORD = re.compile(r"\w+(\.?\w+)*", re.UNICODE)
_CACHE_LIMIT = 200_000  # distinct words remembered before the memo starts over


class NewsAnalyzer(Analyzer):
    """Words, lower-cased, Porter-stemmed, accents folded; no stop list (in quotes every
    word counts: 'no thought', 'US', 'will not')."""

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self._memo = {}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def has_morph(self) -> bool:
        return True  # stems: Whoosh keeps a separate, unstemmed spelling list for the field

    def _finish(self, word: str, no_morph: bool) -> str:
        if no_morph:
            return word.lower().translate(accent_map)
        memo = self._memo
        done = memo.get(word)
        if done is None:
            if len(memo) >= _CACHE_LIMIT:
                memo.clear()
            done = memo[word] = stem(word.lower()).translate(accent_map)
        return done

    def __call__(  # noqa: ANN001 - Whoosh's analyzer protocol
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ) -> Iterator[Token]:
        no_morph = bool(kwargs.get("no_morph"))
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = value
            t.text = self._finish(value, no_morph)
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        finish = self._finish
        for pos, m in enumerate(WORD.finditer(value), start_pos):
            word = m.group()
            t.text = finish(word, no_morph)
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + m.start()
                t.endchar = start_char + m.end()
            yield t
