"""Whoosh's matchers, run on whole posting lists as arrays instead of a document at a time.

Whoosh matches and scores a query by walking a tree of matchers one document at a time:
each step is a handful of Python calls per node (`is_active`, `id`, `next`, `score`), so a
common word, searched in four fields, cost some 3 µs a match. Here the same tree (the very
matchers Whoosh builds for the query, segment by segment) is evaluated bottom-up on numpy
arrays: a leaf's posting list is read block by block and decoded into one array of document
numbers (and one of weights), a union or intersection is an array operation. A long list
is read as it is stored in its segment's posting arrays (`posting_arrays`). A Python
object per posting (a set member, a dict entry) cost more than reading the postings did: at
100,000 articles 'Trump' matches a million documents. Two modes:

- `docs`: the matching documents only, a sorted array: what counts, facets and sorting by
  date need. Nothing is scored.
- `scores`: the matching documents and their scores, computed with Whoosh's own scorer
  (BM25F) from the block's weights and the field lengths read once per segment, combined in
  the order Whoosh's matchers combine them (`a.score() + b.score()` down the same tree). Each
  array operation is the same IEEE operation on the same numbers as Whoosh's Python floats,
  so every score is the same float Whoosh gives and the top hits, ties included, are the same
  (tests/test_bulk.py compares them, float for float).

A matcher this module does not know (phrases, Whoosh's preloaded unions of small segments)
is walked the way Whoosh walks it, one document at a time, below the known nodes above it;
its answers are the same, only not faster. The search's deadline is looked at per block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain, repeat
from typing import Any

import numpy as np
from whoosh import matching as wm
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.columns import NumericColumn
from whoosh.matching.wrappers import FilterMatcher, InverseMatcher, WrappingMatcher
from whoosh.query.spans import SpanNear2
from whoosh.scoring import BM25FScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from search.backend.whoosh import posting_arrays
from search.backend.whoosh.blocks import Block, blocks, positions, read_ids, read_values
from search.backend.whoosh.fixes import deleted_of
from search.query import budget

Docs = np.ndarray  # sorted, distinct document numbers (int64)
Scored = tuple[np.ndarray, np.ndarray]  # Docs and each one's score (float64)

_KEYWORD_POSTINGS = 256  # keyword terms whose postings a segment reader remembers
# byte -> field length as Whoosh decodes it (a byte of 0, "no length", never has postings)
_LENGTHS = np.array([0.0, *(float(byte_to_length(b)) for b in range(1, 256))])
NO_DOCS = np.zeros(0, dtype=np.int64)  # never written to
_NO_SCORES = np.zeros(0, dtype=np.float64)
_POSITIONS_PER_DOC = 1 << 32  # a (document, position) pair as one int64: document * this + position
_DENSE = 16  # a union or intersection of more than 1/16 of a segment's documents uses a mask


def docs(searcher: Searcher, q: wq.Query, within: Docs | None = None) -> Docs:
    """Every document (global number) matching `q`, deleted ones left out; only those of
    `within` (sorted) when given: blocks of postings holding none of them are not read."""
    context = searcher.boolean_context()
    parts = []
    for (sub, offset), local in zip(searcher.leaf_searchers(), _split(searcher, within), strict=True):
        found = _Run(sub).docs(q.matcher(sub, context), local)
        parts.append(found + offset if offset else found)
    out = _joined(parts)
    kept: Docs = out[_keep(searcher, out, within)]
    return kept


def scores(searcher: Searcher, q: wq.Query, within: Docs | None = None) -> Scored:
    """Every document matching `q` (global numbers, sorted, deleted ones left out) and the
    score Whoosh's collector would give it; only those of `within` when given."""
    context = searcher.context()
    ids, values = [], []
    for (sub, offset), local in zip(searcher.leaf_searchers(), _split(searcher, within), strict=True):
        found, score = _Run(sub).scores(q.matcher(sub, context), local)
        ids.append(found + offset if offset else found)
        values.append(score)
    out, out_scores = _joined(ids), (np.concatenate(values) if len(values) > 1 else values[0] if values else _NO_SCORES)
    keep = _keep(searcher, out, within)
    return out[keep], out_scores[keep]


def as_dict(found: Scored) -> dict[int, float]:
    """document -> score, as plain Python numbers (for tests and small answers)."""
    return dict(zip(found[0].tolist(), found[1].tolist(), strict=True))


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    if not parts:
        return NO_DOCS
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _split(searcher: Searcher, within: Docs | None) -> list[Docs | None]:
    """`within` as each segment's own document numbers (None: no restriction)."""
    leaves = searcher.reader().leaf_readers()
    if within is None:
        return [None] * len(leaves)
    out: list[Docs | None] = []
    for sub, offset in leaves:
        lo, hi = np.searchsorted(within, [offset, offset + sub.doc_count_all()])
        out.append(within[lo:hi] - offset)
    return out


def _keep(searcher: Searcher, found: Docs, within: Docs | None) -> Any:
    """Which of `found` are live and, when asked, in `within`: a mask (or a slice)."""
    deleted = deleted_mask(searcher.reader())
    keep: Any = slice(None)
    if deleted is not None and len(found):
        keep = ~deleted[found]
    if within is not None and len(found):
        inside = contains(within, found)
        keep = inside if isinstance(keep, slice) else keep & inside
    return keep


def contains(haystack: Docs, needles: Docs) -> np.ndarray:
    """A mask over `needles`: which are in `haystack` (both sorted)."""
    return _find(haystack, needles)[0]


def _find(haystack: Docs, needles: Docs) -> tuple[np.ndarray, np.ndarray]:
    """Which of `needles` are in `haystack` (both sorted), and where each one is there."""
    if not len(haystack):
        return np.zeros(len(needles), dtype=bool), np.zeros(len(needles), dtype=np.int64)
    at = np.searchsorted(haystack, needles)
    at[at == len(haystack)] = 0
    return haystack[at] == needles, at


def as_docs(numbers: Any) -> Docs:
    """Any collection of document numbers as a sorted `Docs` array."""
    if isinstance(numbers, np.ndarray):
        return np.unique(numbers.astype(np.int64, copy=False))
    out = np.fromiter(numbers, dtype=np.int64, count=len(numbers))
    out.sort()
    return out


def deleted_mask(reader: Any) -> np.ndarray | None:
    """A mask over every document of the reader: True where deleted (None: none are), from
    each segment's own set (`fixes.deleted_of`), made once per reader and again only when
    deletions change. Taking deleted documents out of a million matches is then one
    indexing, in C."""
    leaves = [(sub, offset) for sub, offset in reader.leaf_readers() if sub.has_deletions()]
    key = tuple((offset, sub.segment().deleted_count()) for sub, offset in leaves)
    memo = reader.__dict__.get("_search_deleted_mask")
    if memo is None or memo[0] != key:
        mask = None
        if leaves:
            mask = np.zeros(reader.doc_count_all(), dtype=bool)
            for sub, offset in leaves:
                mask[as_docs(deleted_of(sub)) + offset] = True
        memo = reader.__dict__["_search_deleted_mask"] = (key, mask)
    found: np.ndarray | None = memo[1]
    return found


def top(found: Scored, limit: int) -> list[tuple[float, int]]:
    """The `limit` best (score, docnum), as Whoosh's TopCollector orders them: higher score
    first, and of equal scores the lower document number first. The `limit`-th best score
    is found by a partition, then only the documents scoring at least that are ordered."""
    ids, values = found
    n = len(ids)
    if limit <= 0 or not n:
        return []
    if limit < n:
        picked = np.flatnonzero(values >= _kth_largest(values, limit))
        ids, values = ids[picked], values[picked]
    order = np.lexsort((ids, -values))[:limit]
    return list(zip(values[order].tolist(), ids[order].tolist(), strict=True))


_SAMPLE = 2048


def _kth_largest(values: np.ndarray, k: int) -> float:
    """The k-th largest of `values` (k < len). numpy's partition took 13 ms for the k-th
    from the top of 370,000 scores ('Trump' at 100,000 articles: a third of the search), 4
    ms for the k-th of their negations. So a guess first: the k+1-th largest of a sample of
    2,048. Every value at or above a guess at or below the answer is kept, and then at
    least k values are (the answer and the values above it); a guess above the answer
    keeps fewer than k, and the whole array is partitioned instead."""
    sample = values[:: max(1, len(values) // _SAMPLE)]
    if len(sample) > k:
        guess = np.partition(-sample, k)[k]
        kept = values[values >= -guess]
        if len(kept) >= k:
            return float(-np.partition(-kept, k - 1)[k - 1])
    return float(-np.partition(-values, k - 1)[k - 1])


# -- set operations on sorted arrays, in one segment ------------------------------------
def _union(a: Docs, b: Docs, size: int) -> Docs:
    if not len(a) or not len(b):
        return a if len(a) else b
    if (len(a) + len(b)) * _DENSE > size:
        mask = np.zeros(size, dtype=bool)
        mask[a] = True
        mask[b] = True
        return np.flatnonzero(mask)
    return np.union1d(a, b)


def _union_scored(a: Scored, b: Scored, size: int) -> Scored:
    """a's score plus b's where both match (the float Whoosh's union adds), else either's."""
    if not len(a[0]) or not len(b[0]):
        return a if len(a[0]) else b
    if (len(a[0]) + len(b[0])) * _DENSE > size:
        mask = np.zeros(size, dtype=bool)
        total = np.zeros(size)
        mask[a[0]] = True
        mask[b[0]] = True
        total[a[0]] = a[1]
        total[b[0]] += b[1]  # 0.0 + b is b exactly
        ids = np.flatnonzero(mask)
        return ids, total[ids]
    ids = np.concatenate((a[0], b[0]))
    values = np.concatenate((a[1], b[1]))
    order = np.argsort(ids, kind="stable")  # two sorted runs: a merge; a's before b's
    ids, values = ids[order], values[order]
    twice = np.flatnonzero(ids[1:] == ids[:-1])
    if len(twice):
        values[twice] = values[twice] + values[twice + 1]
        keep = np.ones(len(ids), dtype=bool)
        keep[twice + 1] = False
        ids, values = ids[keep], values[keep]
    return ids, values


def _in(a: Docs, b: Docs, size: int) -> np.ndarray:
    """A mask over `a`: which are in `b`."""
    if len(a) * _DENSE > size and len(b) * _DENSE > size:
        mask = np.zeros(size, dtype=bool)
        mask[b] = True
        found: np.ndarray = mask[a]
        return found
    return contains(b, a)


class _Run:
    """One segment's matcher tree, evaluated bottom-up (see the module's doc).

    `within` (sorted document numbers, or None) asks for the answer on those documents
    only: what is returned is exact for each of them, and may hold others, wrongly or not,
    which the caller drops (`docs`, `scores` do). A leaf then skips the blocks of its
    postings that hold none of them, and an intersection hands its smaller side's
    documents to its larger side."""

    def __init__(self, sub: Searcher) -> None:
        self.sub = sub
        self.reader = sub.reader()
        self.size_all = int(self.reader.doc_count_all())
        self.deadline = budget.current()

    def size(self, m: Any) -> int:
        """About how many documents `m` matches, without reading its postings."""
        t = type(m)
        if t is W3LeafMatcher:
            return int(self.reader.doc_frequency(*m._term)) if m._term else self.size_all
        if t is wm.ListMatcher:
            return int(len(m._ids) - m._i)
        if t is wm.UnionMatcher:
            return self.size(m.a) + self.size(m.b)
        if t is wm.IntersectionMatcher:
            return min(self.size(m.a), self.size(m.b))
        if t in (wm.AndNotMatcher, wm.AndMaybeMatcher):
            return self.size(m.a)
        if t is FilterMatcher or t is WrappingMatcher:
            return self.size(m.child)
        if t is type(wm.NullMatcher):
            return 0
        return self.size_all

    def _narrowed(self, first: Docs, other: Any, within: Docs | None) -> Docs | None:
        """What the second side of an intersection needs answered: the first side's
        documents when they are few next to it, else what the intersection was asked."""
        return first if len(first) * 4 < self.size(other) else within

    # -- documents only ------------------------------------------------------------------
    def docs(self, m: Any, within: Docs | None) -> Docs:
        t = type(m)
        if t is wm.UnionMatcher:
            return _union(self.docs(m.a, within), self.docs(m.b, within), self.size_all)
        if t is wm.IntersectionMatcher:
            first, second = (m.a, m.b) if self.size(m.a) <= self.size(m.b) else (m.b, m.a)
            found = self.docs(first, within)
            if not len(found):
                return found
            both: Docs = found[_in(found, self.docs(second, self._narrowed(found, second, within)), self.size_all)]
            return both
        if t is wm.AndNotMatcher:
            found = self.docs(m.a, within)
            return found[~_in(found, self.docs(m.b, found), self.size_all)] if len(found) else found
        if t is wm.AndMaybeMatcher:
            return self.docs(m.a, within)
        if t is FilterMatcher:
            found = self.docs(m.child, within)
            if self._deletions(m):
                return found
            let_through: Docs = found[self._filter_mask(m, found)]
            return let_through
        if t is InverseMatcher:
            return self._inverse(m, within)
        if t is WrappingMatcher:
            return self.docs(m.child, within)
        if t is W3LeafMatcher or t is wm.ListMatcher:
            return self._postings(m, within, weights=False)[0]
        if t is type(wm.NullMatcher):
            return NO_DOCS
        if t is SpanNear2.SpanNear2Matcher:
            phrase = self._phrase(m, within, scored=False)
            if phrase is not None:
                return phrase[0]
        return self._walk(m, scored=False)[0]

    # -- documents and scores ------------------------------------------------------------
    def scores(self, m: Any, within: Docs | None) -> Scored:
        t = type(m)
        if t is wm.UnionMatcher:
            return _union_scored(self.scores(m.a, within), self.scores(m.b, within), self.size_all)
        if t is wm.IntersectionMatcher:
            if self.size(m.a) <= self.size(m.b):
                a = self.scores(m.a, within)
                b = self.scores(m.b, self._narrowed(a[0], m.b, within)) if len(a[0]) else a
            else:
                b = self.scores(m.b, within)
                a = self.scores(m.a, self._narrowed(b[0], m.a, within)) if len(b[0]) else b
            if not len(a[0]) or not len(b[0]):
                return NO_DOCS, _NO_SCORES
            hit, at = _find(b[0], a[0])
            return a[0][hit], a[1][hit] + b[1][at[hit]]
        if t is wm.AndNotMatcher:
            a = self.scores(m.a, within)
            if not len(a[0]):
                return a
            keep = ~_in(a[0], self.docs(m.b, a[0]), self.size_all)
            return a[0][keep], a[1][keep]
        if t is wm.AndMaybeMatcher:
            a = self.scores(m.a, within)
            if not len(a[0]):
                return a
            b = self.scores(m.b, a[0])
            hit, at = _find(a[0], b[0])
            values = a[1].copy()
            values[at[hit]] += b[1][hit]
            return a[0], values
        if t is FilterMatcher:
            ids, values = self.scores(m.child, within)
            if self._deletions(m):
                return ids, values
            keep = self._filter_mask(m, ids)
            return ids[keep], values[keep] * m.boost if m.boost != 1.0 else values[keep]
        if t is InverseMatcher:
            found = self._inverse(m, within)
            return found, np.full(len(found), m._weight, dtype=np.float64)
        if t is WrappingMatcher:
            ids, values = self.scores(m.child, within)
            return ids, values * m.boost
        if t is W3LeafMatcher or t is wm.ListMatcher:
            return self._leaf_scores(m, within)
        if t is type(wm.NullMatcher):
            return NO_DOCS, _NO_SCORES
        if t is SpanNear2.SpanNear2Matcher:
            phrase = self._phrase(m, within, scored=True)
            if phrase is not None:
                return phrase
        return self._walk(m, scored=True)

    # -- phrases -------------------------------------------------------------------------
    def _phrase(self, m: Any, within: Docs | None, scored: bool) -> Scored | None:
        """An exact phrase (Whoosh's SpanNear2 of its words' posting lists, one position
        apart and in order): the documents holding every word, from the intersection below
        it, with its score (Whoosh scores a phrase as that intersection), kept where the
        words' positions follow one another. Positions are read only from the blocks
        holding such documents, and compared as arrays: the i-th word at position p of
        document d says the phrase may start at (d, p - i); it is there where every word
        says so. None: a phrase of another kind (slop, unordered), walked Whoosh's way."""
        if m.slop != 1 or not m.ordered or m.mindist != 1:
            return None
        leaves = [self._plain_leaf(x) for x in m.ms]
        if any(leaf is None or self._keyword(leaf) for leaf in leaves):
            return None
        ids, values = self.scores(m.child, within) if scored else (self.docs(m.child, within), _NO_SCORES)
        if not len(ids):
            return ids, values
        starts: np.ndarray | None = None
        for i, leaf in enumerate(leaves):
            docs, at = self._positions(leaf, ids)
            said = docs * _POSITIONS_PER_DOC + (at - i)
            starts = said if starts is None else starts[np.isin(starts, said)]
        assert starts is not None  # a phrase has words
        keep = np.isin(ids, starts // _POSITIONS_PER_DOC)
        return ids[keep], values[keep] if scored else _NO_SCORES

    def _plain_leaf(self, m: Any) -> W3LeafMatcher | None:
        """The posting list under `m` when `m` is one, bare or only filtered of deleted
        documents (which the whole answer loses at the end)."""
        if type(m) is FilterMatcher and self._deletions(m):
            m = m.child
        return m if type(m) is W3LeafMatcher else None

    def _positions(self, m: W3LeafMatcher, ids: Docs) -> tuple[np.ndarray, np.ndarray]:
        """Every position of `m`'s word in the documents `ids` (sorted), as two arrays of
        equal length (document, position), read from the blocks that hold such documents.
        An encoding met again (a word seen once, at the same position) is decoded once."""
        decode = m.format.decode_positions
        decoded: dict[bytes, list[int]] = {}
        docs: list[np.ndarray] = []
        counts: list[int] = []
        at: list[int] = []
        last = len(ids) - 1
        for block in self._blocks(m, ids):
            numbers, values = read_values(block)
            found = np.array(numbers, dtype=np.int64)
            if not m._byteids:
                found = np.cumsum(found)
            inside = np.flatnonzero(ids[np.searchsorted(ids, found).clip(max=last)] == found)
            docs.append(found[inside])
            for j in inside.tolist():
                v = values[j]
                poses = decoded.get(v)
                if poses is None:
                    poses = decoded[v] = positions(v, decode)
                at += poses
                counts.append(len(poses))
        if not docs:
            return NO_DOCS, NO_DOCS
        return np.repeat(np.concatenate(docs), counts), np.array(at, dtype=np.int64)

    def _inverse(self, m: InverseMatcher, within: Docs | None) -> Docs:
        """Documents a NOT matches: all but its child's (deleted ones, which it skips, are
        left out of every answer at the end)."""
        if within is None:
            found = np.arange(m._id, m.limit, dtype=np.int64)
        else:
            lo, hi = np.searchsorted(within, [m._id, m.limit])
            found = within[lo:hi]
        return found[~_in(found, self.docs(m.child, found), self.size_all)] if len(found) else found

    def _deletions(self, m: FilterMatcher) -> bool:
        """Whether `m` only takes the segment's deleted documents out: `docs` and `scores`
        take them out of the whole answer at the end, and a deleted document changes no
        other document's score, so the matcher below is read as if unfiltered."""
        return bool(m._exclude) and m.boost == 1.0 and m._ids is deleted_of(self.reader)

    def _filter_mask(self, m: FilterMatcher, found: Docs) -> np.ndarray:
        """Which of `found` a filter matcher lets through (its set: a segment's deleted
        documents, or a filter's allowed ones), the set as an array made once per set."""
        memo = self.reader.__dict__.setdefault("_search_filter_arrays", {})
        key = id(m._ids)
        if key not in memo or memo[key][0] is not m._ids:
            if len(memo) >= _KEYWORD_POSTINGS:
                memo.clear()
            memo[key] = (m._ids, as_docs(m._ids))
        inside = _in(found, memo[key][1], self.size_all)
        return ~inside if m._exclude else inside

    # -- the leaves ----------------------------------------------------------------------
    def _postings(self, m: Any, within: Docs | None, weights: bool = True) -> tuple[Docs, np.ndarray]:
        """(document numbers, their weights) of a leaf. A keyword field's (kind, source,
        speaker...: the filters) are remembered per segment, read once; with `within`,
        the blocks of other fields' postings holding none of those documents are skipped."""
        if type(m) is not W3LeafMatcher:  # a ListMatcher: postings inlined in the term list
            ids = np.array(m._ids, dtype=np.int64)  # the whole list, as for a leaf on disk
            if m._all_weights or not m._weights:
                return ids, np.full(len(ids), m._all_weights or 1.0)
            return ids, np.array(m._weights, dtype=np.float64)
        if not self._keyword(m):
            return self._read(m, within, weights)
        memo = self.reader.__dict__.setdefault("_search_postings", {})
        if m._term not in memo:
            if len(memo) >= _KEYWORD_POSTINGS:
                memo.clear()
            memo[m._term] = self._read(m, None, True)
        found: tuple[Docs, np.ndarray] = memo[m._term]
        if within is not None and len(within) * 8 < len(found[0]):  # a few: look each up
            hit, at = _find(found[0], within)
            return found[0][at[hit]], found[1][at[hit]]
        return found

    def _keyword(self, m: W3LeafMatcher) -> bool:
        return bool(m._term) and not self.sub.schema[m._term[0]].scorable

    def _read(self, m: W3LeafMatcher, within: Docs | None, weights: bool) -> tuple[Docs, np.ndarray]:
        """A leaf matcher's postings: a long list from its segment's posting arrays, else
        decoded a block at a time without Whoosh's document-at-a-time steps and joined into
        arrays once; with `within`, only the blocks that may hold one of those documents.
        Whoosh stores a block's document numbers as differences from the one before (from 0
        in each block), undone here for all blocks at once. The whole list, whatever the
        matcher's state: an intersection with nothing in common runs a leaf to its end when
        it is made, and a filter's list read as empty then was remembered empty."""
        arrays = posting_arrays.of(self.reader)
        kept = arrays.get(m._term) if arrays is not None and m._term else None
        if kept is not None:  # a long list, kept as arrays: the whole list, read in place
            return kept[0], kept[1] if weights else _NO_SCORES
        numbers: list[int] = []
        lengths: list[int] = []
        raw_weights: list[Any] = []
        for block in self._blocks(m, within):
            ids, w = read_ids(block)
            numbers += ids
            lengths.append(len(ids))
            if weights:
                raw_weights.append(w)
        if not numbers:
            return NO_DOCS, _NO_SCORES
        found = np.array(numbers, dtype=np.int64)
        if not m._byteids:
            found = _undelta(found, lengths)
        if not weights:
            return found, _NO_SCORES
        return found, _weights(raw_weights, lengths)

    def _blocks(self, m: W3LeafMatcher, within: Docs | None) -> Iterator[Block]:
        """The leaf's blocks that may hold one of `within` (every block when None), the
        search's deadline looked at per block."""
        check = self.deadline.check
        last = -1  # the last document number of the block before
        for block in blocks(m):
            check()
            if within is not None:
                i = int(np.searchsorted(within, last, side="right"))
                if i == len(within):
                    return
                last = block.last_id
                if within[i] > block.last_id:
                    continue
            yield block

    def _leaf_scores(self, m: Any, within: Docs | None) -> Scored:
        """A leaf's scores as its scorer gives them (`matcher.score()` for each posting):
        BM25F's formula on arrays, operation for operation as whoosh.scoring.bm25 does it."""
        scorer = m.scorer if type(m) is W3LeafMatcher else m._scorer
        if type(scorer) is BM25FScorer and m._term:
            ids, w = self._postings(m, within)
            fl = self._lengths(m._term[0])(ids)
            idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
            return ids, idf * ((w * (K1 + 1)) / (w + K1 * ((1 - B) + B * fl / avgfl)))
        if type(scorer) is WeightScorer or scorer is None:
            return self._postings(m, within)
        return self._walk(m, scored=True)

    def _lengths(self, fieldname: str) -> Callable[[Docs], np.ndarray]:
        """docnums -> the field's lengths as `doc_field_length(docnum, field, 1)` gives them
        to the scorer, from the segment's length column, read once per searcher."""
        memo = self.reader.__dict__.setdefault("_search_lengths", {})
        if fieldname not in memo:
            memo[fieldname] = self._read_lengths(fieldname)
        found: Callable[[Docs], np.ndarray] = memo[fieldname]
        return found

    def _read_lengths(self, fieldname: str) -> Callable[[Docs], np.ndarray]:
        reader = self.reader
        perdoc = getattr(reader, "_perdoc", None)
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN) if perdoc is not None else None
        if column is None:
            return lambda ids: np.ones(len(ids))
        if type(column) is not NumericColumn.Reader or column._fixedlen != 1:
            return lambda ids: np.array([reader.doc_field_length(d, fieldname, 1) for d in ids.tolist()], dtype=np.float64)
        count = min(column._count, reader.doc_count_all())
        # The bytes read in place from the mapped file (a copy, and a float per document,
        # cost 30 ms of a cold search at 100,000 articles); past the column's end its default, 0.
        buf = getattr(column._dbfile, "_buf", None)
        raw = (
            np.frombuffer(buf, dtype=np.uint8, count=count, offset=column._basepos)
            if buf is not None
            else np.frombuffer(column._dbfile.get(column._basepos, count), dtype=np.uint8)
        )
        if count < reader.doc_count_all():
            raw = np.concatenate((raw, np.zeros(reader.doc_count_all() - count, dtype=np.uint8)))
        return lambda ids: _LENGTHS[raw[ids]]

    def _walk(self, m: Any, scored: bool) -> Scored:
        """Whoosh's own way, one document at a time (for matchers not known here)."""
        ids: list[int] = []
        values: list[float] = []
        check = self.deadline.check
        while m.is_active():
            check(every=256)
            ids.append(m.id())
            if scored:
                values.append(m.score())
            m.next()
        return np.array(ids, dtype=np.int64), np.array(values, dtype=np.float64) if scored else _NO_SCORES


def _undelta(deltas: np.ndarray, lengths: list[int]) -> np.ndarray:
    """Blocks of differences (each block's first is its document number) -> numbers."""
    total = np.cumsum(deltas)
    if len(lengths) == 1:
        return total
    counts = np.array(lengths)
    starts = np.cumsum(counts) - counts
    before = total[starts] - deltas[starts]  # the running sum when each block starts
    undone: np.ndarray = total - np.repeat(before, counts)
    return undone


def _weights(blocks: list[Any], lengths: list[int]) -> np.ndarray:
    """Blocks' weights as Whoosh's `_read_weights` gives them: a block of one weight is
    stored once (None for 1.0) and read back through a float32 array."""
    flat = chain.from_iterable(w if type(w) is tuple else repeat(1.0 if w is None else float(np.float32(w)), n) for w, n in zip(blocks, lengths, strict=True))
    return np.fromiter(flat, dtype=np.float64, count=sum(lengths))
