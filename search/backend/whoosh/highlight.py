"""The terms a Whoosh query can match in a hit's text, for marking them in snippets
(`search.query.snippets`): wildcards and fuzzy terms expanded against the index once per
query, not once per hit."""

from __future__ import annotations

import itertools
from collections.abc import Collection
from typing import Any

from whoosh import query as wq

_MAX_EXPANSIONS = 64  # indexed words a wildcard marks in snippets


def query_terms(q: wq.Query, reader: Any, fields: Collection[str] = ("text",)) -> set[str]:
    """The indexed terms of `fields` that the query can match, wildcards and fuzzy terms
    expanded against the index (once per query, not once per hit)."""
    terms: set[str] = set()
    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if isinstance(leaf, wq.Not) or getattr(leaf, "fieldname", None) not in fields:
            continue
        if isinstance(leaf, wq.Phrase):
            if leaf.slop > 1:  # words apart: marked one by one ('"a b"~3')
                terms.update(str(w) for w in leaf.words)
        elif isinstance(leaf, wq.Term):
            terms.add(leaf.text.decode("utf-8") if isinstance(leaf.text, bytes) else str(leaf.text))
        elif isinstance(leaf, wq.MultiTerm):
            # Segment by segment: a segment reader finds fuzzy terms with an automaton, the
            # multi-segment reader by comparing the word with every term sharing its prefix.
            expanded: set[str] = set()
            for sub, _offset in reader.leaf_readers():
                for t in itertools.islice(leaf._btexts(sub), _MAX_EXPANSIONS):
                    expanded.add(t.decode("utf-8") if isinstance(t, bytes) else t)
            terms.update(sorted(expanded)[:_MAX_EXPANSIONS])
    # Terms under NOT never match a hit's text: leaves() flattens them, so drop them here.
    for neg in _negated(q):
        terms.discard(neg)
    return terms


def query_phrases(q: wq.Query, fields: Collection[str] = ("text",)) -> list[tuple[str, ...]]:
    """The phrases (words next to each other) the query can match in `fields`, as indexed
    terms: a snippet marks their words where they stand together, not each word anywhere."""
    found: list[tuple[str, ...]] = []
    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if isinstance(leaf, wq.Phrase) and leaf.slop <= 1 and leaf.fieldname in fields:
            words = tuple(str(w) for w in leaf.words)
            if words and words not in found:
                found.append(words)
    return found


def _negated(q: wq.Query) -> set[str]:
    out: set[str] = set()
    if isinstance(q, wq.Not):
        for leaf in q.query.leaves() if not q.query.is_leaf() else [q.query]:
            if isinstance(leaf, wq.Term):
                out.add(leaf.text.decode("utf-8") if isinstance(leaf.text, bytes) else str(leaf.text))
    elif not q.is_leaf():
        for child in q.children():
            out |= _negated(child)
    return out
