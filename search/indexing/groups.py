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
from typing import TYPE_CHECKING

from search.indexing.fingerprints import Keys, fp_term, key_term, keys_of, linked, same_quotation

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
    def __init__(self) -> None:
        self.parent: list[int] = []

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
    """A node of the run's graph: a new quote, an old quote, or a whole old group."""

    key: int
    pid: int = -1  # a new quote: its worker and number
    seq: int = -1
    docnum: int = -1  # an old quote
    current: str | None = None  # its group now
    group: str | None = None  # a whole old group (not taken apart)
    size: int = 1  # quotes it stands for


def _link_in_memory(uf: _Union, nodes: list[int], keys: list[Keys]) -> None:
    """Join the nodes whose keys say they are one quotation: the same key, or enough shared
    fingerprints (counted pair by pair over the quotes each fingerprint has)."""
    first: dict[int, int] = {}
    reps: list[tuple[int, Keys]] = []
    for node, k in zip(nodes, keys, strict=True):
        assert k.key is not None
        if k.key in first:
            uf.union(first[k.key], node)
        else:
            first[k.key] = node
            if k.fps:
                reps.append((node, k))
    by_fp: dict[int, list[int]] = defaultdict(list)
    for i, (_, k) in enumerate(reps):
        for f in k.fps:
            by_fp[f].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in by_fp.values():
        if len(members) < 2:
            continue
        for x, a in enumerate(members[:COMPARED_PER_FINGERPRINT]):
            for b in members[x + 1 :]:
                shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if linked(n, reps[a][1], reps[b][1]):
            uf.union(reps[a][0], reps[b][0])


def _new_quotes(batches: Iterable[tuple[QuoteKeys, str]], losers: set[tuple[str, str]]) -> tuple[list[_Node], list[Keys]]:
    nodes: list[_Node] = []
    keys: list[Keys] = []
    for qk, path in batches:
        offset = 0
        for i in range(len(qk)):
            n = qk.counts[i]
            fps = tuple(qk.fps[offset : offset + n])
            offset += n
            if losers and (qk.article_ids[i], path) in losers:
                continue  # a duplicate article id written this run: its documents go
            nodes.append(_Node(qk.keys[i], pid=qk.pid, seq=qk.seqs[i]))
            keys.append(Keys(qk.keys[i], fps, qk.speakers[i]))
    return nodes, keys


def plan(reader: IndexReader, batches: Iterable[tuple[QuoteKeys, str]], losers: set[tuple[str, str]], touched: set[str]) -> Plan:
    """The groups of this run's new quotes and the old quotes whose group changes (see the
    module's doc). `reader` is the index without the documents this run deletes; `batches`
    are the workers' keys with the path of their file; `losers` the (article id, path) of
    duplicates written this run; `touched` the groups that lost a report this run."""
    nodes, keys = _new_quotes(batches, losers)
    uf = _Union()
    for _ in nodes:
        uf.add()
    group_col = reader.column("group")
    old: dict[tuple[str, object], int] = {}  # ('g', group) or ('d', docnum) -> node

    def current(docnum: int) -> str | None:
        return group_col[docnum] or None

    # Groups that lost a report: taken apart into their remaining quotes, joined again.
    expanded: set[str] = set()
    for gid in sorted(touched):
        members = reader.doc_ids(group=gid)
        expanded.add(gid)
        part_nodes, part_keys = [], []
        for docnum in members:
            k = _stored_keys(reader, docnum)
            if k.key is None:
                continue
            node = uf.add()
            nodes.append(_Node(k.key, docnum=docnum, current=gid))
            old[("d", docnum)] = node
            part_nodes.append(node)
            part_keys.append(k)
        _link_in_memory(uf, part_nodes, part_keys)

    def old_node(docnum: int, k: Keys | None = None) -> int:
        gid = current(docnum)
        unit: tuple[str, object] = ("g", gid) if gid and gid not in expanded else ("d", docnum)
        node = old.get(unit)
        if node is None:
            node = uf.add()
            if unit[0] == "g":
                nodes.append(_Node(0, group=gid, current=gid, size=len(reader.doc_ids(group=str(gid)))))
            else:
                nodes.append(_Node((k or _stored_keys(reader, docnum)).key or 0, docnum=docnum, current=gid))
            old[unit] = node
        return node

    new_count = len(keys)
    _link_in_memory(uf, list(range(new_count)), keys)
    if not reader.doc_count():  # a new index, or a rebuild: nothing old to join
        return _assign(reader, uf, nodes)
    # The new quotes against the old ones: by the index's `fp` terms, one quote of a kind.
    # A quote of 6 or 7 words is indexed by its exact key: an old one with the same key is
    # the same words. A longer one by a sample of its fingerprints (fingerprints.Keys.sample):
    # every fingerprint of the new quote is looked up, and an old quote holding any of them
    # is a candidate, checked on all of its fingerprints, from its stored text.
    stored_keys = _StoredKeys(reader)
    seen_keys: set[int] = set()
    for i in range(new_count):
        k = keys[i]
        assert k.key is not None
        if k.key in seen_keys:
            continue
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
    return _assign(reader, uf, nodes)


def _assign(reader: IndexReader, uf: _Union, nodes: list[_Node]) -> Plan:
    """Group ids for every component: an old id stays with the part that holds most of its
    quotes; other components get a new id."""
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        components[uf.find(i)].append(i)
    out = Plan()

    def size(members: list[int]) -> int:
        return sum(nodes[i].size for i in members)

    claimed: set[str] = set()
    for members in sorted(components.values(), key=lambda m: (-size(m), m[0])):
        total = size(members)
        gid: str | None = None
        if total >= 2:
            held: Counter[str] = Counter()
            for i in members:
                if current_id := nodes[i].current:
                    held[current_id] += nodes[i].size
            for candidate, _ in sorted(held.items(), key=lambda kv: (-kv[1], kv[0])):
                if candidate not in claimed:
                    gid = candidate
                    break
            if gid is None:
                gid = _new_id(reader, min(nodes[i].key for i in members if nodes[i].group is None), claimed)
            claimed.add(gid)
            out.groups += 1
        for i in members:
            node = nodes[i]
            if node.pid >= 0:
                if gid is not None:
                    out.new.setdefault(node.pid, {})[node.seq] = gid
            elif node.group is not None:
                if node.group != gid:
                    for docnum in reader.doc_ids(group=node.group):
                        out.rewrite[docnum] = gid
            elif node.current != gid:
                out.rewrite[node.docnum] = gid
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
