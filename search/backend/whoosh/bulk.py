"""Whoosh's matchers, run a posting block at a time instead of a document at a time.

Whoosh matches and scores a query by walking a tree of matchers one document at a time:
each step is a handful of Python calls per node (`is_active`, `id`, `next`, `score`), so a
common word, searched in four fields, cost some 3 µs a match: 110 ms for the 36,000 matches
of 'Trump' in 10,000 articles, before anything was counted. Here the same tree (the very
matchers Whoosh builds for the query, segment by segment) is evaluated bottom-up on whole
sets: a leaf's posting list is read block by block (`itertools.accumulate` undoes the
delta coding, in C), a union or intersection is a set or dict operation. Two modes:

- `docs`: the matching documents only, as a set: what counts, facets and sorting by date
  need. Nothing is scored.
- `scores`: document -> score, computed with Whoosh's own scorer (BM25F) from the block's
  weights and the field lengths read once per segment, combined in the order Whoosh's
  matchers combine them (`a.score() + b.score()` down the same tree), so every score is the
  same float Whoosh gives and the top hits, ties included, are the same.

A matcher this module does not know (phrases, Whoosh's preloaded unions of small segments)
is walked the way Whoosh walks it, one document at a time, below the known nodes above it;
its answers are the same, only not faster. The search's deadline is looked at per block.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, compress, repeat
from typing import Any

from whoosh import matching as wm
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.columns import NumericColumn
from whoosh.matching.wrappers import FilterMatcher, InverseMatcher, WrappingMatcher
from whoosh.scoring import BM25FScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from search.backend.whoosh.fixes import deleted_of
from search.query import budget

Scores = dict[int, float]

_KEYWORD_POSTINGS = 256  # keyword terms whose postings a segment reader remembers
_LENGTHS = (None, *(byte_to_length(b) for b in range(1, 256)))


class _BM25Table(dict[tuple[float, Any], float]):
    """(weight, field length) -> bm25() of whoosh.scoring, term for term: the same
    operations in the same order, so every score is the float Whoosh gives."""

    def __init__(self, idf: float, avgfl: float, B: float, K1: float) -> None:
        super().__init__()
        self.idf, self.avgfl, self.B, self.K1 = idf, avgfl, B, K1

    def __missing__(self, key: tuple[float, Any]) -> float:
        w, fl = key
        K1, B = self.K1, self.B
        score: float = self.idf * ((w * (K1 + 1)) / (w + K1 * ((1 - B) + B * fl / self.avgfl)))
        self[key] = score
        return score


def docs(searcher: Searcher, q: wq.Query, within: set[int] | None = None) -> set[int]:
    """Every document (global number) matching `q`, deleted ones left out; only those of
    `within` when given (a filter's documents: blocks of postings holding none of them are
    not read)."""
    out: set[int] = set()
    context = searcher.boolean_context()
    for (sub, offset), local in zip(searcher.leaf_searchers(), _split(searcher, within), strict=True):
        found = _Run(sub).docs(q.matcher(sub, context), local)
        out.update(found if not offset else map(offset.__add__, found))
    _drop_deleted(searcher, out)
    return out & within if within is not None else out


def scores(searcher: Searcher, q: wq.Query, within: set[int] | None = None) -> Scores:
    """Every document matching `q` (global number, deleted ones left out) with the score
    Whoosh's collector would give it; only those of `within` when given."""
    out: Scores = {}
    context = searcher.context()
    for (sub, offset), local in zip(searcher.leaf_searchers(), _split(searcher, within), strict=True):
        found = _Run(sub).scores(q.matcher(sub, context), local)
        # the offset added in C: a comprehension cost 37 ms on 'Trump' at 1.6 million documents
        out.update(found if not offset else zip(map(offset.__add__, found), found.values(), strict=True))
    _drop_deleted(searcher, out)
    return {d: s for d, s in out.items() if d in within} if within is not None else out


def _split(searcher: Searcher, within: set[int] | None) -> list[list[int] | None]:
    """`within` as each segment's own sorted document numbers (None: no restriction)."""
    leaves = searcher.reader().leaf_readers()
    if within is None:
        return [None] * len(leaves)
    ordered = sorted(within)
    out: list[list[int] | None] = []
    for sub, offset in leaves:
        part = ordered[bisect_left(ordered, offset) : bisect_left(ordered, offset + sub.doc_count_all())]
        out.append([d - offset for d in part] if offset else part)
    return out


def _drop_deleted(searcher: Searcher, docnums: set[int] | Scores) -> None:
    """Takes deleted documents out. The leaves' matchers mostly left them out already, so
    the few still there are found in C (`present`), not by a test in Python of each of a
    big build's deleted documents (91,000 at 100,000 articles: 22 ms a query)."""
    deleted = deleted_set(searcher.reader())
    if not deleted:
        return
    gone = present(deleted, docnums)
    if isinstance(docnums, dict):
        for n in gone:
            del docnums[n]
    else:
        docnums.difference_update(gone)


def present(ids: frozenset[int] | set[int], found: set[int] | Scores) -> list[int]:
    """The `ids` that are in `found` (a set, or a dict's keys). A set's intersection with a
    dict walks the dict (a million keys for a common word), and subtracting a set walks
    that set: this walks the smaller side."""
    if len(ids) < len(found):
        return list(filter(found.__contains__, ids))
    return list(ids.intersection(found))


def deleted_set(reader: Any) -> frozenset[int]:
    """The reader's deleted documents (global numbers), from each segment's own set
    (`fixes.deleted_of`), joined once per reader and again only when deletions change."""
    leaves = [(sub, offset) for sub, offset in reader.leaf_readers() if sub.has_deletions()]
    key = tuple((offset, sub.segment().deleted_count()) for sub, offset in leaves)
    memo = reader.__dict__.get("_search_deleted_global")
    if memo is None or memo[0] != key:
        if len(leaves) == 1 and not leaves[0][1]:
            found = deleted_of(leaves[0][0])
        else:
            found = frozenset(d for sub, offset in leaves for d in map(offset.__add__, deleted_of(sub)))
        memo = reader.__dict__["_search_deleted_global"] = (key, found)
    deleted: frozenset[int] = memo[1]
    return deleted


def top(found: Scores, limit: int) -> list[tuple[float, int]]:
    """The `limit` best (score, docnum), as Whoosh's TopCollector orders them: higher score
    first, and of equal scores the lower document number first. The `limit`-th best score
    is found among the bare scores (compared in C), then only the documents scoring at
    least that are ordered."""
    if limit <= 0 or not found:
        return []
    if limit < len(found):
        import heapq

        least = heapq.nlargest(limit, found.values())[-1]
        # the documents scoring at least that, picked in C (a loop over a million was 25 ms)
        pairs = [(-found[d], d) for d in compress(found, map(least.__le__, found.values()))]
    else:
        pairs = [(-s, d) for d, s in found.items()]
    pairs.sort()
    return [(-s, d) for s, d in pairs[:limit]]


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
        self.deadline = budget.current()

    def size(self, m: Any) -> int:
        """About how many documents `m` matches, without reading its postings."""
        t = type(m)
        if t is W3LeafMatcher:
            return int(self.reader.doc_frequency(*m._term)) if m._term else int(self.reader.doc_count_all())
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
        return int(self.reader.doc_count_all())

    def _narrowed(self, first: set[int] | Scores, other: Any, within: list[int] | None) -> list[int] | None:
        """What the second side of an intersection needs answered: the first side's
        documents when they are few next to it, else what the intersection was asked."""
        return sorted(first) if len(first) * 4 < self.size(other) else within

    # -- documents only ------------------------------------------------------------------
    def docs(self, m: Any, within: list[int] | None) -> set[int]:
        t = type(m)
        if t is wm.UnionMatcher:
            return self.docs(m.a, within) | self.docs(m.b, within)
        if t is wm.IntersectionMatcher:
            first, second = (m.a, m.b) if self.size(m.a) <= self.size(m.b) else (m.b, m.a)
            found = self.docs(first, within)
            return found & self.docs(second, self._narrowed(found, second, within)) if found else found
        if t is wm.AndNotMatcher:
            found = self.docs(m.a, within)
            return found - self.docs(m.b, sorted(found)) if found else found
        if t is wm.AndMaybeMatcher:
            return self.docs(m.a, within)
        if t is FilterMatcher:
            return self._filtered(m, self.docs(m.child, within))
        if t is InverseMatcher:
            return self._inverse(m, within)
        if t is WrappingMatcher:
            return self.docs(m.child, within)
        if t is W3LeafMatcher:
            return set(self._leaf_ids(m, within))
        if t is wm.ListMatcher:
            return set(m._ids[m._i :])
        if t is type(wm.NullMatcher):
            return set()
        return set(self._walk(m, scored=False))

    # -- documents and scores ------------------------------------------------------------
    def scores(self, m: Any, within: list[int] | None) -> Scores:
        t = type(m)
        if t is wm.UnionMatcher:
            a, b = self.scores(m.a, within), self.scores(m.b, within)
            if not a or not b:
                return a or b
            if len(a) >= len(b):  # into the larger; a's score first in every sum, as Whoosh adds
                for d, s in b.items():
                    a[d] = a[d] + s if d in a else s
                return a
            for d, s in a.items():
                b[d] = s + b[d] if d in b else s
            return b
        if t is wm.IntersectionMatcher:
            if self.size(m.a) <= self.size(m.b):
                a = self.scores(m.a, within)
                b = self.scores(m.b, self._narrowed(a, m.b, within)) if a else {}
            else:
                b = self.scores(m.b, within)
                a = self.scores(m.a, self._narrowed(b, m.a, within)) if b else {}
            if len(a) <= len(b):
                return {d: s + b[d] for d, s in a.items() if d in b}
            return {d: a[d] + s for d, s in b.items() if d in a}
        if t is wm.AndNotMatcher:
            a = self.scores(m.a, within)
            if not a:
                return a
            excluded = self.docs(m.b, sorted(a))
            return {d: s for d, s in a.items() if d not in excluded}
        if t is wm.AndMaybeMatcher:
            a = self.scores(m.a, within)
            if not a:
                return a
            b = self.scores(m.b, sorted(a))
            return {d: s + b[d] if d in b else s for d, s in a.items()}
        if t is FilterMatcher:
            child = self.scores(m.child, within)
            boost = m.boost
            if m._exclude and boost == 1.0:  # a segment's deleted documents: few, taken out in place
                for d in present(m._ids, child):
                    del child[d]
                return child
            return {d: child[d] * boost for d in self._filtered(m, set(child))}
        if t is InverseMatcher:
            return dict.fromkeys(self._inverse(m, within), m._weight)
        if t is WrappingMatcher:
            child = self.scores(m.child, within)
            boost = m.boost
            return {d: s * boost for d, s in child.items()}
        if t is W3LeafMatcher or t is wm.ListMatcher:
            return self._leaf_scores(m, within)
        if t is type(wm.NullMatcher):
            return {}
        return self._walk(m, scored=True)

    def _inverse(self, m: InverseMatcher, within: list[int] | None) -> set[int]:
        """Documents a NOT matches: all but its child's (deleted ones, which it skips, are
        left out of every answer at the end)."""
        if within is None:
            found = set(range(m._id, m.limit))
        else:
            found = set(within[bisect_left(within, m._id) : bisect_left(within, m.limit)])
        return found - self.docs(m.child, sorted(found)) if found else found

    # -- the leaves ----------------------------------------------------------------------
    @staticmethod
    def _filtered(m: FilterMatcher, found: set[int]) -> set[int]:
        ids: set[int] = m._ids
        return found - ids if m._exclude else found & ids

    def _blocks(self, m: W3LeafMatcher, within: list[int] | None = None) -> Iterator[list[int]]:
        """A fresh leaf matcher's document numbers, a block at a time (the matcher stands on
        the block, for its weights), decoded without Whoosh's document-at-a-time steps;
        with `within`, only the blocks that may hold one of those documents."""
        if not m.is_active():
            return
        last = -1  # the last document number of the block before
        while True:
            self.deadline.check()
            if within is not None:
                i = bisect_right(within, last)
                if i == len(within):
                    return
                wanted = within[i] <= m._maxid
            if within is None or wanted:
                if m._data is None:
                    m._read_data()
                ids = m._data[0]
                yield list(ids) if m._byteids else list(accumulate(ids))
            if m._lastblock:
                return
            last = m._maxid
            m._goto(m._nextoffset)

    def _leaf_ids(self, m: W3LeafMatcher, within: list[int] | None) -> list[int]:
        if self._keyword(m):
            return [d for ids, _ in self._postings(m, within) for d in ids]
        return [d for ids in self._blocks(m, within) for d in ids]

    def _keyword(self, m: W3LeafMatcher) -> bool:
        return bool(m._term) and not self.sub.schema[m._term[0]].scorable

    def _postings(self, m: Any, within: list[int] | None) -> Iterator[tuple[list[int], Any]]:
        """(document numbers, their weights) of a leaf, in parts. A keyword field's (kind,
        source, speaker...: the filters) are remembered per segment, read once."""
        if type(m) is W3LeafMatcher:
            if self._keyword(m):
                memo = self.reader.__dict__.setdefault("_search_postings", {})
                if m._term not in memo:
                    if len(memo) >= _KEYWORD_POSTINGS:
                        memo.clear()
                    ids: list[int] = []
                    weights: list[float] = []
                    for part in self._blocks(m):
                        m._read_weights()
                        ids += part
                        weights += m._weights
                    memo[m._term] = (ids, weights)
                all_ids, all_weights = memo[m._term]
                if within is not None and len(within) * 8 < len(all_ids):  # a few: look each up
                    n = len(all_ids)
                    places = [i for i, d in zip(map(bisect_left, repeat(all_ids), within), within, strict=True) if i < n and all_ids[i] == d]
                    yield [all_ids[i] for i in places], [all_weights[i] for i in places]
                else:
                    yield all_ids, all_weights
                return
            for part in self._blocks(m, within):
                m._read_weights()
                yield part, m._weights
            return
        ids = list(m._ids[m._i :])  # a ListMatcher: postings inlined in the term list
        if m._all_weights or not m._weights:
            yield ids, [m._all_weights or 1.0] * len(ids)
        else:
            yield ids, m._weights[m._i :]

    def _leaf_scores(self, m: Any, within: list[int] | None) -> Scores:
        """A leaf's scores as its scorer gives them (`matcher.score()` for each posting)."""
        scorer = m.scorer if type(m) is W3LeafMatcher else m._scorer
        out: Scores = {}
        if type(scorer) is BM25FScorer and m._term:
            lengths = self._lengths(m._term[0])
            # A score depends on the posting's weight and the document's field length only,
            # and both take few values (term counts; 255 length codes): each pair is
            # scored once, and a posting's score is a lookup, in C.
            table = _BM25Table(scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
            for ids, weights in self._postings(m, within):
                out.update(zip(ids, map(table.__getitem__, zip(weights, lengths(ids), strict=True)), strict=True))
            return out
        if type(scorer) is WeightScorer or scorer is None:
            for ids, weights in self._postings(m, within):
                out.update(zip(ids, weights, strict=True))
            return out
        return self._walk(m, scored=True)

    def _lengths(self, fieldname: str) -> Callable[[list[int]], Iterable[Any]]:
        """docnums -> the field's lengths as `doc_field_length(docnum, field, 1)` gives them
        to the scorer, from the segment's length column, read once per searcher."""
        memo = self.reader.__dict__.setdefault("_search_lengths", {})
        if fieldname not in memo:
            memo[fieldname] = self._read_lengths(fieldname)
        found: Callable[[list[int]], Iterable[Any]] = memo[fieldname]
        return found

    def _read_lengths(self, fieldname: str) -> Callable[[list[int]], Iterable[Any]]:
        reader = self.reader
        perdoc = getattr(reader, "_perdoc", None)
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN) if perdoc is not None else None
        if column is None:
            return lambda ids: repeat(1, len(ids))
        if type(column) is not NumericColumn.Reader or column._fixedlen != 1:
            return lambda ids: [reader.doc_field_length(d, fieldname, 1) for d in ids]
        count = min(column._count, reader.doc_count_all())
        # past the column's end its default, 0; Whoosh gives None for a byte of 0
        raw = bytes(column._dbfile.get(column._basepos, count)) + bytes(reader.doc_count_all() - count)
        byte, length = raw.__getitem__, _LENGTHS.__getitem__
        return lambda ids: map(length, map(byte, ids))

    def _walk(self, m: Any, scored: bool) -> Scores:
        """Whoosh's own way, one document at a time (for matchers not known here)."""
        out: Scores = {}
        check = self.deadline.check
        while m.is_active():
            check(every=256)
            out[m.id()] = m.score() if scored else 0.0
            m.next()
        return out
