"""Quote groups: the same quotation reported by several articles is one group, kept up to
date by every indexing run without looking at the whole corpus again.

What "the same quotation" means is `search.indexing.fingerprints.same_quotation` (the same
words after normalising, or one quote nearly inside another). A group is a set of quotes
joined by that relation (its connected component), of two quotes or more; a quote alone has
no group. Each quote document stores its group id in the `group` field (`group:ID` finds a
group's reports, `search count group` the most reported quotes) and a sample of its
fingerprints (its exact key when it has none) as terms of the `fp` field, which is how a
later run finds the quotes a new one joins (fingerprints.Keys.sample).

One run (see search.indexing.indexer):

1. Workers write every quote that can be grouped (`MIN_EXACT_WORDS` words or more) only at
   the end of the run, like quotes by a bare surname (search.indexing.pipeline.Builder), and
   send back its key and fingerprints (`QuoteKeys`): a few numbers a quote.
2. `plan`, in the parent, once every file is read and the old documents of changed and
   removed articles are deleted, joins the run's new quotes with each other (in memory:
   quotes with the same key, then quotes sharing fingerprints) and with the quotes already
   in the index (a term lookup per fingerprint of each new quote, against the sampled
   fingerprints of the old ones; a candidate is checked on all its fingerprints, from its
   stored text). Groups that lost a report this run are taken apart into their
   remaining quotes and joined again, so that a group whose link went away splits.
3. Each group keeps the id it had (a merged group takes the id of its largest part; a split
   group's largest part keeps it); a new group gets an id from its quotes' keys. Workers
   write the new quotes with their groups; the few old quotes whose group changed (a quote
   alone that a new report joined, the parts of a merge or split) are rewritten in the
   run's commit, with the speaker renames of the same commit.

The cost grows with what the run adds and removes, not with the index: see
docs/indexing.md#quote-groups for the figures.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

import numpy as np

from search.indexing.fingerprints import Keys, fp_term, key_term, keys_of, linked_many, same_quotation

if TYPE_CHECKING:
    from search.backend import IndexReader

# Quotes sharing a fingerprint are each compared with the first few of them only: a quote
# reprinted a hundred times is one exact key, but its variants (a name changed, a word cut)
# would otherwise be compared pair by pair. Links are transitive, so a quote that matches
# the first few joins their group; what this can miss is a quote that matches only a later one.
COMPARED_PER_FINGERPRINT = 8
CHECKED_PER_GROUP = 3  # old quotes of one group a new quote is checked against, best candidates first
# Old groups and lone quotes a new quote is checked against, those sharing most sampled
# fingerprints first: a fingerprint of a common phrase can be held by thousands of quotes.
CHECKED_UNITS = 64


@dataclass
class QuoteKeys:
    """The grouping keys of the quotes one worker held back for one file (compact arrays:
    a run of 100,000 articles sends a million of them to the parent)."""

    pid: int = field(default_factory=os.getpid)
    seqs: array = field(default_factory=lambda: array("q"))  # the worker's number for the held quote
    keys: array = field(default_factory=lambda: array("Q"))
    counts: array = field(default_factory=lambda: array("l"))  # fingerprints per quote
    speakers: array = field(default_factory=lambda: array("Q"))  # speaker tags (fingerprints.speaker_tag)
    fps: array = field(default_factory=lambda: array("Q"))  # every quote's fingerprints, one after another
    article_ids: list[str] = field(default_factory=list)

    def add(self, seq: int, article_id: str, keys: Keys) -> None:
        assert keys.key is not None
        self.seqs.append(seq)
        self.keys.append(keys.key)
        self.counts.append(len(keys.fps))
        self.speakers.append(keys.speaker)
        self.fps.extend(keys.fps)
        self.article_ids.append(article_id)

    def __len__(self) -> int:
        return len(self.seqs)


@dataclass
class Plan:
    """What a run writes: the group of each held quote, by worker and number (a quote
    missing has none), and the old quote documents whose group changes (None: no group)."""

    new: dict[int, dict[int, str]] = field(default_factory=dict)
    rewrite: dict[int, str | None] = field(default_factory=dict)
    groups: int = 0  # groups that got or kept a report this run

    def for_worker(self, pid: int) -> dict[int, str]:
        return self.new.get(pid, {})


class _Union:
    def __init__(self, parent: list[int] | None = None) -> None:
        self.parent: list[int] = parent if parent is not None else []  # each node's parent: a root is its own

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Node:
    """A node of the run's graph other than a new quote (those are `_NewQuotes`): an old
    quote, or a whole old group."""

    key: int
    docnum: int = -1  # an old quote
    current: str | None = None  # its group now
    group: str | None = None  # a whole old group (not taken apart)
    size: int = 1  # quotes it stands for


@dataclass
class _NewQuotes:
    """The run's new quotes (duplicates written this run left out), in batch order, as
    arrays: node i of the run's graph is new quote i. A million quotes at 100,000 articles:
    an object each was a third of the plan's time."""

    keys: np.ndarray  # uint64
    counts: np.ndarray  # fingerprints per quote
    speakers: np.ndarray  # uint64 speaker tags
    fps: np.ndarray  # uint64, every quote's fingerprints one after another
    pids: np.ndarray
    seqs: np.ndarray

    def __post_init__(self) -> None:
        self.starts = _offsets(self.counts)  # where each quote's fingerprints start in `fps`

    def __len__(self) -> int:
        return len(self.keys)

    def keys_at(self, i: int) -> Keys:
        start = int(self.starts[i])
        return Keys(int(self.keys[i]), tuple(self.fps[start : start + int(self.counts[i])].tolist()), int(self.speakers[i]))

    @classmethod
    def of_keys(cls, keys: list[Keys]) -> _NewQuotes:
        """Quotes known by their `Keys` (the remaining quotes of a group taken apart)."""
        return cls(
            np.array([k.key for k in keys], np.uint64),
            np.array([len(k.fps) for k in keys], np.int64),
            np.array([k.speaker for k in keys], np.uint64),
            np.array([f for k in keys for f in k.fps], np.uint64),
            np.full(len(keys), -1, np.int64),
            np.full(len(keys), -1, np.int64),
        )


def _new_quotes(batches: Iterable[tuple[QuoteKeys, str]], losers: set[tuple[str, str]]) -> _NewQuotes:
    """The workers' batches (one a file) joined: appended to one array per field in C, and
    only then made numpy arrays (a batch at a time cost 35 us a file)."""
    keys, counts, speakers, fps, seqs = array("Q"), array("l"), array("Q"), array("Q"), array("q")
    pids: list[int] = []
    sizes: list[int] = []
    for qk, path in batches:
        if losers and any((a, path) in losers for a in qk.article_ids):  # a duplicate article id written this run: its documents go
            kept = [i for i, a in enumerate(qk.article_ids) if (a, path) not in losers]
            starts = [0, *accumulate(qk.counts)]
            qk = QuoteKeys(
                qk.pid,
                array("q", [qk.seqs[i] for i in kept]),
                array("Q", [qk.keys[i] for i in kept]),
                array("l", [qk.counts[i] for i in kept]),
                array("Q", [qk.speakers[i] for i in kept]),
                array("Q", [f for i in kept for f in qk.fps[starts[i] : starts[i + 1]]]),
            )
        keys.extend(qk.keys)
        counts.extend(qk.counts)
        speakers.extend(qk.speakers)
        fps.extend(qk.fps)
        seqs.extend(qk.seqs)
        pids.append(qk.pid)
        sizes.append(len(qk.seqs))

    def of(a: array, dtype: type) -> np.ndarray:
        return np.frombuffer(a, dtype) if len(a) else np.zeros(0, dtype)

    pid_of = np.repeat(np.array(pids, np.int64), sizes)
    return _NewQuotes(of(keys, np.uint64), of(counts, np.int64), of(speakers, np.uint64), of(fps, np.uint64), pid_of, of(seqs, np.int64))


def _offsets(lens: np.ndarray) -> np.ndarray:
    """Where each of runs of `lens` items laid end to end starts."""
    return np.concatenate(([0], np.cumsum(lens)[:-1])).astype(np.int64) if len(lens) else np.zeros(0, np.int64)


def _ranges(starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """The indexes start, start + 1, ... of every run (start, len), one run after another."""
    return np.repeat(starts - _offsets(lens), lens) + np.arange(int(lens.sum()))


def _roots(parent: np.ndarray) -> np.ndarray:
    """Each node's root in a forest given as each node's parent (a root its own), by
    pointer jumping: a step halves every path."""
    while True:
        jumped = parent[parent]
        if (jumped == parent).all():
            return parent
        parent = jumped


def _components(quotes: _NewQuotes) -> np.ndarray:
    """For each quote, the smallest index of the quotes it is one quotation with (see
    `fingerprints.same_quotation`): quotes with the same key are joined to the first of them;
    of the first quotes of each key (those with fingerprints), quotes sharing a fingerprint
    are compared pair by pair, each with the first `COMPARED_PER_FINGERPRINT` of those
    holding it, on the number of fingerprints they share; links are then followed."""
    n = len(quotes)
    if not n:
        return np.zeros(0, np.int64)
    _, first, inverse = np.unique(quotes.keys, return_index=True, return_inverse=True)
    labels = first[inverse.ravel()].astype(np.int64)
    reps = np.sort(first[quotes.counts[first] > 0]).astype(np.int64)  # the first quote of each key, with fingerprints
    if len(reps) < 2:
        return labels
    counts = quotes.counts[reps]
    rep_of = np.repeat(np.arange(len(reps)), counts)  # rep number of each of the reps' fingerprints
    fps = quotes.fps[_ranges(quotes.starts[reps], counts)]
    order = np.lexsort((rep_of, fps))  # by fingerprint, then rep order (the order quotes were added)
    fps, holders = fps[order], rep_of[order]
    starts = np.flatnonzero(np.concatenate(([True], fps[1:] != fps[:-1])))
    sizes = np.diff(np.append(starts, len(fps)))
    a_parts, b_parts = [], []
    for x in range(COMPARED_PER_FINGERPRINT):  # the x-th holder of a fingerprint against every later one
        sel = sizes > x + 1
        if not sel.any():
            break
        lens = sizes[sel] - x - 1
        a_parts.append(np.repeat(holders[starts[sel] + x], lens))
        b_parts.append(holders[_ranges(starts[sel] + x + 1, lens)])
    if not a_parts:
        return labels
    pairs, shared = np.unique(np.concatenate(a_parts) * len(reps) + np.concatenate(b_parts), return_counts=True)
    a, b = pairs // len(reps), pairs % len(reps)
    ok = linked_many(shared, counts[a], counts[b], quotes.speakers[reps[a]], quotes.speakers[reps[b]])
    u, v = reps[a[ok]], reps[b[ok]]
    while len(u):  # smallest label along the links, until no link joins two labels
        lu, lv = labels[u], labels[v]
        np.minimum.at(labels, u, lv)
        np.minimum.at(labels, v, lu)
        np.minimum.at(labels, lu, lv)
        np.minimum.at(labels, lv, lu)
        labels = _roots(labels)
        apart = labels[u] != labels[v]
        u, v = u[apart], v[apart]
    return labels


def plan(reader: IndexReader, batches: Iterable[tuple[QuoteKeys, str]], losers: set[tuple[str, str]], touched: set[str]) -> Plan:
    """The groups of this run's new quotes and the old quotes whose group changes (see the
    module's doc). `reader` is the index without the documents this run deletes; `batches`
    are the workers' keys with the path of their file; `losers` the (article id, path) of
    duplicates written this run; `touched` the groups that lost a report this run."""
    quotes = _new_quotes(batches, losers)
    new_count = len(quotes)
    uf = _Union(_components(quotes).tolist())  # nodes 0 .. new_count - 1: the new quotes
    nodes: list[_Node] = []  # nodes new_count ...: old quotes and whole old groups
    group_col = reader.column("group")
    old: dict[tuple[str, object], int] = {}  # ('g', group) or ('d', docnum) -> node

    def current(docnum: int) -> str | None:
        return group_col[docnum] or None

    def add_node(node: _Node) -> int:
        nodes.append(node)
        return uf.add()

    # Groups that lost a report: taken apart into their remaining quotes, joined again.
    expanded: set[str] = set()
    for gid in sorted(touched):
        expanded.add(gid)
        part_nodes, part_keys = [], []
        for docnum in reader.doc_ids(group=gid):
            k = _stored_keys(reader, docnum)
            if k.key is None:
                continue
            node = add_node(_Node(k.key, docnum=docnum, current=gid))
            old[("d", docnum)] = node
            part_nodes.append(node)
            part_keys.append(k)
        for node, label in zip(part_nodes, _components(_NewQuotes.of_keys(part_keys)).tolist(), strict=True):
            uf.union(node, part_nodes[label])

    def old_node(docnum: int, k: Keys | None = None) -> int:
        gid = current(docnum)
        unit: tuple[str, object] = ("g", gid) if gid and gid not in expanded else ("d", docnum)
        node = old.get(unit)
        if node is None:
            if unit[0] == "g":
                node = add_node(_Node(0, group=gid, current=gid, size=len(reader.doc_ids(group=str(gid)))))
            else:
                node = add_node(_Node((k or _stored_keys(reader, docnum)).key or 0, docnum=docnum, current=gid))
            old[unit] = node
        return node

    if not reader.doc_count():  # a new index, or a rebuild: nothing old to join
        return _assign(reader, uf, quotes, nodes)
    # The new quotes against the old ones: by the index's `fp` terms, one quote of a kind.
    # A quote of 6 or 7 words is indexed by its exact key: an old one with the same key is
    # the same words. A longer one by a sample of its fingerprints (fingerprints.Keys.sample):
    # every fingerprint of the new quote is looked up, and an old quote holding any of them
    # is a candidate, checked on all of its fingerprints, from its stored text.
    stored_keys = _StoredKeys(reader)
    seen_keys: set[int] = set()
    for i in range(new_count):
        if int(quotes.keys[i]) in seen_keys:
            continue
        k = quotes.keys_at(i)
        assert k.key is not None
        seen_keys.add(k.key)
        if not k.fps:
            for docnum in reader.doc_ids(fp=key_term(k.key)):
                uf.union(i, old_node(docnum))
            continue
        counts: Counter[int] = Counter()
        for f in k.fps:
            counts.update(reader.doc_ids(fp=fp_term(f)))
        by_unit: dict[object, list[tuple[int, int]]] = defaultdict(list)
        for docnum, n in counts.items():
            held_by = current(docnum)
            by_unit[held_by if held_by and held_by not in expanded else docnum].append((n, docnum))
        units = sorted(by_unit.values(), key=lambda c: (-max(n for n, _ in c), min(d for _, d in c)))
        for candidates in units[:CHECKED_UNITS]:
            candidates.sort(key=lambda c: (-c[0], c[1]))
            for _, docnum in candidates[:CHECKED_PER_GROUP]:
                other = stored_keys(docnum)
                if same_quotation(k, other):
                    uf.union(i, old_node(docnum, other))
                    break
    return _assign(reader, uf, quotes, nodes)


def _assign(reader: IndexReader, uf: _Union, quotes: _NewQuotes, old_nodes: list[_Node]) -> Plan:
    """Group ids for every component: an old id stays with the part that holds most of its
    quotes; other components get a new id. Components of one new quote get none and are
    never looked at one by one (most quotes are reported once)."""
    new_count = len(quotes)
    roots = _roots(np.array(uf.parent, np.int64))  # every node's root: the smallest node of its component
    sizes = np.ones(len(roots), np.int64)
    sizes[new_count:] = [node.size for node in old_nodes]
    totals = np.bincount(roots, weights=sizes, minlength=len(roots))
    wanted = totals[roots] >= 2
    wanted[new_count:] = True  # an old node's group may change to none
    wanted_nodes = np.flatnonzero(wanted)
    wanted_new = wanted_nodes[wanted_nodes < new_count]
    new_roots = roots[wanted_new].tolist()
    smallest_key: dict[int, int] = {}  # root -> the smallest key of its new quotes
    for root, key in zip(new_roots, quotes.keys[wanted_new].tolist(), strict=True):
        if key < smallest_key.get(root, key + 1):
            smallest_key[root] = key
    olds_of: dict[int, list[_Node]] = defaultdict(list)
    for i in range(new_count, len(roots)):
        olds_of[int(roots[i])].append(old_nodes[i - new_count])
    total_of = {root: int(totals[root]) for root in [*smallest_key, *olds_of]}
    out = Plan()
    claimed: set[str] = set()
    gid_of: dict[int, str] = {}  # root -> its group
    for root in sorted(total_of, key=lambda r: (-total_of[r], r)):
        gid: str | None = None
        olds = olds_of.get(root, [])
        if total_of[root] >= 2:
            held: Counter[str] = Counter()
            for node in olds:
                if node.current:
                    held[node.current] += node.size
            for candidate, _ in sorted(held.items(), key=lambda kv: (-kv[1], kv[0])):
                if candidate not in claimed:
                    gid = candidate
                    break
            if gid is None:
                keys = [node.key for node in olds if node.group is None] + ([smallest_key[root]] if root in smallest_key else [])
                gid = _new_id(reader, min(keys), claimed)
            claimed.add(gid)
            out.groups += 1
            gid_of[root] = gid
        for node in olds:
            if node.group is not None:
                if node.group != gid:
                    for docnum in reader.doc_ids(group=node.group):
                        out.rewrite[docnum] = gid
            elif node.current != gid:
                out.rewrite[node.docnum] = gid
    for pid, seq, root in zip(quotes.pids[wanted_new].tolist(), quotes.seqs[wanted_new].tolist(), new_roots, strict=True):
        out.new.setdefault(pid, {})[seq] = gid_of[root]  # a new quote's component has two quotes or more: a group
    return out


def _stored_keys(reader: IndexReader, docnum: int) -> Keys:
    fields = reader.stored(docnum)
    return keys_of(fields.get("text", ""), fields.get("speaker_local"))


class _StoredKeys:
    """`_stored_keys`, remembered for a run: an old quote that shares a common fingerprint
    is a candidate of many new quotes."""

    LIMIT = 100_000

    def __init__(self, reader: IndexReader) -> None:
        self._reader = reader
        self._memo: dict[int, Keys] = {}

    def __call__(self, docnum: int) -> Keys:
        found = self._memo.get(docnum)
        if found is None:
            if len(self._memo) >= self.LIMIT:
                self._memo.clear()
            found = self._memo[docnum] = _stored_keys(self._reader, docnum)
        return found


def _new_id(reader: IndexReader, key: int, claimed: set[str]) -> str:
    """A group id no live quote holds: 'g' and 12 hex digits from the group's smallest key."""
    salt = 0
    while True:
        digest = hashlib.blake2b(f"{key}:{salt}".encode(), digest_size=6).hexdigest()
        gid = f"g{digest}"
        if gid not in claimed and not reader.doc_ids(group=gid):
            return gid
        salt += 1
