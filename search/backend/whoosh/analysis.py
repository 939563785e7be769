"""The analyzer of searchable text: Whoosh's stemming chain, fused into one pass.

`StemmingAnalyzer(stoplist=None) | CharsetFilter(accent_map)` is four generators deep: a
regex tokenizer, then lower case, Porter stemming (behind an LRU cache) and accent folding,
each a Python call per token. Indexing runs every word of every article and every quote
through it, and at 100,000 articles that chain was a fifth of the indexer's time.
`NewsAnalyzer` gives the very same tokens (text, position, characters; the unstemmed form
with `no_morph`, which Whoosh asks for to collect spelling words) in one loop, with the
finished form of each word remembered: about three times faster. `NewsPositions` is the
posting format of the fields it analyses: Whoosh's `Positions`, whose indexing side asks the
analyzer for plain words instead of token objects and reuses the encoding of a word that
occurs once (most of them); postings are byte for byte the same and are read by Whoosh's
own decoder. `tests/test_analysis.py` holds both to the code they replace.

Both are pickled into the index with the schema (Whoosh stores analyzers and formats), so
the analyzer keeps no cache in its state, and both keep the name every index has recorded
them under, `search.analysis` (this module's name before the package was grouped by
stage; see `PICKLED_AS`): indexes written before the move open, and so do indexes
written now with an older version.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import Analyzer, CharsetFilter, CompositeAnalyzer, LowercaseFilter, RegexTokenizer, Token
from whoosh.formats import Positions
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

# Whoosh's default tokenizer expression (analysis.tokenizers.default_pattern).
WORD = re.compile(r"\w+(?:\.?\w+)*", re.UNICODE)
_CACHE_LIMIT = 200_000  # distinct words remembered before the memo starts over


class NewsAnalyzer(Analyzer):  # type: ignore[misc]  # Whoosh has no type hints
    """Words, lower-cased, Porter-stemmed, accents folded; no stop list (in quotes every
    word counts: 'no thought', 'US', 'will not')."""

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}
        self._plain: dict[str, str] = {}  # word -> its unstemmed form, remembered like _memo
        self._last: tuple[str | None, list[str]] = (None, [])  # the last text split, and its words (`_raw`)

    def __getstate__(self) -> dict[str, object]:
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._memo = {}
        self._plain = {}
        self._last = (None, [])

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

    def _raw(self, value: str) -> list[str]:
        """`WORD.findall(value)`, split once when an article's text is asked for its terms
        and then for its spelling words (a third of the time of each; one tuple, read and
        written whole, so threads sharing the analyzer never mix two texts)."""
        last = self._last
        if last[0] is value:
            return last[1]
        raw = WORD.findall(value)
        self._last = (value, raw)
        return raw

    def words(self, value: str, no_morph: bool = False) -> list[str]:
        """The indexed form of every word of `value`, in order (what `__call__` gives as
        token texts, without the tokens); unstemmed with `no_morph`."""
        raw = self._raw(value)
        if no_morph:
            return [w.lower().translate(accent_map) for w in raw]
        memo = self._memo
        known = list(map(memo.get, raw))  # most words are known: looked up in C
        if None in known:
            finish = self._finish
            return [d if d is not None else finish(w, False) for d, w in zip(known, raw, strict=True)]
        return known  # type: ignore[return-value]  # no None left

    def spelling_words(self, value: str) -> set[str]:
        """The distinct unstemmed words of `value`: `set(self.words(value, no_morph=True))`,
        each distinct word finished once, and looked up (in C) once seen."""
        raw = list(set(self._raw(value)))
        plain = self._plain
        done = list(map(plain.get, raw))
        if None in done:
            if len(plain) >= _CACHE_LIMIT:
                plain.clear()
            for i, (d, w) in enumerate(zip(done, raw, strict=True)):
                if d is None:
                    done[i] = plain[w] = w.lower().translate(accent_map)
        return set(done)  # type: ignore[arg-type]  # no None left

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
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


class NewsPositions(Positions):  # type: ignore[misc]
    """Whoosh's `Positions` format, indexing faster with a `NewsAnalyzer`."""

    _once: dict[int, bytes] = {}  # position -> encoding of a word seen once, at that position

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, NewsAnalyzer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for word, poslist, encoded in self.encoded_positions(positions_of(analyzer.words(value))):
            n = len(poslist)
            yield (word, n, float(n) * fb, encoded)

    def encoded_positions(self, poses: dict[str, list[int]]) -> Iterator[tuple[str, list[int], bytes]]:
        """Each word with its positions and their encoding; a word seen once reuses the
        encoding of its position (most words of a text are seen once)."""
        once = self._once
        for word, poslist in poses.items():
            if len(poslist) == 1:
                pos = poslist[0]
                encoded = once.get(pos)
                if encoded is None:
                    encoded = self.encode(poslist)
                    if pos < 100_000:
                        once[pos] = encoded
            else:
                encoded = self.encode(poslist)
            yield word, poslist, encoded


_CHAINS: dict[int, tuple[Any, Any, Any] | None] = {}  # id(analyzer) -> what `name_chain` found


def name_chain(analyzer: Any) -> tuple[Any, Any, Any] | None:
    """(the analyzer, its token expression, its character map) when the analyzer is a
    regex tokenizer, lower case and a character map, in that order (the schema's
    NAME_ANALYZER, for speakers and authors); None otherwise. Such a chain's terms are
    `word.lower().translate(charmap)` of each match, with no token objects."""
    key = id(analyzer)
    if key not in _CHAINS:
        found = None
        items = getattr(analyzer, "items", None)
        if type(analyzer) is CompositeAnalyzer and items is not None and [type(x) for x in items] == [RegexTokenizer, LowercaseFilter, CharsetFilter]:
            tokenizer = items[0]
            if not tokenizer.gaps and not tokenizer.expression.groups:
                found = (analyzer, tokenizer.expression, items[2].charmap)  # the analyzer kept: its id stays its own
        _CHAINS[key] = found
    chain = _CHAINS[key]
    return chain if chain is not None and chain[0] is analyzer else None


def terms_of(analyzer: Any, value: str) -> list[str]:
    """The terms `analyzer` makes of `value`, in order (its tokens' texts), made without
    token objects for the analyzers our schema uses (`NewsAnalyzer`, `name_chain`)."""
    if isinstance(analyzer, NewsAnalyzer):
        return analyzer.words(value)
    chain = name_chain(analyzer)
    if chain is not None:
        _, expression, charmap = chain
        return [w.lower().translate(charmap) for w in expression.findall(value)]
    return [t.text for t in analyzer(value)]


def positions_of(words: Iterable[str]) -> dict[str, list[int]]:
    """Each word's positions in `words`, words in the order they first occur."""
    poses: dict[str, list[int]] = {}
    for pos, word in enumerate(words):
        seen = poses.get(word)
        if seen is None:
            poses[word] = [pos]
        else:
            seen.append(pos)
    return poses


# The module name the index's pickled schema gives these classes (see the module's doc).
PICKLED_AS = "search.analysis"
for _cls in (NewsAnalyzer, NewsPositions):
    _cls.__module__ = PICKLED_AS
sys.modules.setdefault(PICKLED_AS, sys.modules[__name__])
