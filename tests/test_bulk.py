"""Matching a posting block at a time (search.backend.whoosh.bulk) answers as Whoosh does:
the same documents and, for every one, the same score, float for float, so that hits keep
their order; with and without a restriction to a filter's documents."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import collectors
from whoosh import query as wq

from search import Index
from search.backend.whoosh import bulk, posting_arrays
from search.query.request import compile_request

QUERIES = [
    "Trump",
    "said",
    '"health care"',
    '"make America great again"',  # a phrase of four words: positions one apart, in order
    '"health care"~3',  # with slop: walked Whoosh's way
    '"health care" AND NOT "health care plan"',
    "Clinton AND email",
    "Trump AND NOT Clinton",
    "NOT Trump",
    "Trump OR immigration",
    "Trump^2 Clinton",
    "Clinton ANDMAYBE email",
    "(Cruz OR Rubio) AND debate",
    "negotiat*",
    "Sandrs~",
    "speaker:clinton",
    "kind:quote AND taxes",
    "source:nyt AND Trump",
    "date:[2015-01 TO 2015-12]",
    "Trump AND date:[2015-07 TO 2015-12]",
    "title:debate",
    # keyword postings are remembered per snapshot: after the intersections above (which
    # move their leaves past early blocks) a keyword alone must still find all its documents
    "kind:quote",
    "source:nyt",
]


# A word twice in one phrase: its positions serve as the first word and as the third, and
# 'Trump Trump' matches (103 documents of PolNeAR dev) where one mention follows another.
REPEATED_WORD_PHRASES = ['"very very"', '"more and more"', '"over and over"', '"Trump Trump"']


class _EveryScore(collectors.TopCollector):  # type: ignore[misc]
    """Whoosh's own scores of every match (no pruning, no block skipping)."""

    def __init__(self) -> None:
        super().__init__(limit=10**9, usequality=False)
        self.replace = 0


def _whoosh(ix: Index, q: wq.Query) -> dict[int, float]:
    c = _EveryScore()
    ix.backend.searcher.search_with_collector(q, c)  # type: ignore[attr-defined]
    return {d: s for s, d in c.results().top_n}


@pytest.mark.parametrize("tree_unions", [False, True], ids=["as-whoosh-chooses", "binary-unions"])
def test_bulk_documents_and_scores_are_whooshs(mixed_index, monkeypatch, tree_unions):
    if tree_unions:  # small segments get Whoosh's preloaded unions; exercise the tree of unions too
        monkeypatch.setattr(wq.Or, "matcher_type", wq.Or.DEFAULT_MATCHER)
    rng = random.Random(22)
    with Index.open(mixed_index) as ix:
        searcher = ix.backend.searcher  # type: ignore[attr-defined]
        everything = searcher.reader().doc_count_all()
        for text in QUERIES:
            q, _ = ix.backend.compile(compile_request(ix.backend, text))  # type: ignore[attr-defined]
            expected = _whoosh(ix, q)
            assert expected or text.startswith("NOT"), text  # every query finds something to compare
            assert bulk.as_dict(bulk.scores(searcher, q)) == expected, text
            assert bulk.docs(searcher, q).tolist() == sorted(expected), text
            within = set(rng.sample(range(everything), everything // 10)) | set(list(expected)[:20])
            allowed = bulk.as_docs(within)
            assert bulk.as_dict(bulk.scores(searcher, q, within=allowed)) == {d: s for d, s in expected.items() if d in within}, text
            assert bulk.docs(searcher, q, within=allowed).tolist() == sorted(set(expected) & within), text


@pytest.mark.parametrize("arrays", [True, False], ids=["posting-arrays", "blocks-only"])
def test_searches_answer_as_whoosh_does_twice_over(polnear_index, monkeypatch, arrays):
    """Every query above, twice on the same snapshot of a larger index: a filter's postings
    are remembered, and an intersection (`kind:quote AND taxes`), which moves its leaves to
    the first document they share, must not leave a shortened list behind for the next
    search; nor an intersection with nothing in common (`kind:article AND speaker:trump`),
    which runs one of its leaves to its end. Long lists are read from their arrays
    (`posting_arrays`), or from their blocks."""
    if not arrays:
        monkeypatch.setattr(posting_arrays, "of", lambda reader: None)
    with Index.open(polnear_index) as ix:
        searcher = ix.backend.searcher  # type: ignore[attr-defined]
        compiled = [
            (text, ix.backend.compile(compile_request(ix.backend, text))[0])
            for text in [
                *QUERIES,
                "said",
                "kind:quote AND Trump",
                "kind:article AND speaker:trump",
                "kind:article",
                *REPEATED_WORD_PHRASES,
            ]
        ]  # type: ignore[attr-defined]
        for _ in range(2):
            for text, q in compiled:
                expected = _whoosh(ix, q)
                assert bulk.as_dict(bulk.scores(searcher, q)) == expected, text
                assert bulk.docs(searcher, q).tolist() == sorted(expected), text


def _scored(found: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
    ids = sorted(found)
    return np.array(ids, dtype=np.int64), np.array([found[d] for d in ids])


def test_top_orders_as_whooshs_collector():
    found = _scored({7: 1.5, 3: 2.0, 9: 1.5, 1: 1.5, 4: 0.5})
    assert bulk.top(found, 3) == [(2.0, 3), (1.5, 1), (1.5, 7)]
    assert bulk.top(found, 10) == [(2.0, 3), (1.5, 1), (1.5, 7), (1.5, 9), (0.5, 4)]
    assert bulk.top(_scored({}), 3) == [] and bulk.top(found, 0) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0.25, 0.5, 1.0, 1.5, 2.0, 7.25]), min_size=2, max_size=6000), st.data())
def test_the_kth_best_score_is_found_whatever_the_ties(scores, data):
    """`top` cuts at the k-th best score, found from a sample's guess first (many equal
    scores are the rule: BM25 of a common word takes few values)."""
    values = np.array(scores)
    k = data.draw(st.integers(1, len(scores) - 1))
    assert bulk._kth_largest(values, k) == sorted(scores, reverse=True)[k - 1]
    found = (np.arange(len(scores), dtype=np.int64), values)
    assert bulk.top(found, k) == sorted(zip(scores, range(len(scores)), strict=True), key=lambda p: (-p[0], p[1]))[:k]


def test_deleted_documents_are_left_out_as_whoosh_leaves_them_out(mixed_index, tmp_path):
    """Documents deleted since their segment was written (a re-indexed article's old quotes)
    are in no answer, and every other document keeps Whoosh's score."""
    import shutil

    from whoosh.index import open_dir

    from search.backend.whoosh.index_folder import INDEX_NAME

    copy = tmp_path / "index"
    shutil.copytree(mixed_index, copy)
    raw = open_dir(str(copy), indexname=INDEX_NAME)
    everything = raw.doc_count_all()
    gone = set(random.Random(7).sample(range(everything), everything // 5))
    with raw.writer() as w:
        for n in gone:
            w.delete_document(n)
        w.merge = False  # keep the deleted documents in their segments
    with Index.open(copy) as ix:
        searcher = ix.backend.searcher  # type: ignore[attr-defined]
        assert searcher.reader().has_deletions()
        for text in ("Trump", "said", "Clinton AND email", "NOT Trump", '"health care"', "speaker:clinton"):
            q = ix.backend.compile(compile_request(ix.backend, text))[0]  # type: ignore[attr-defined]
            # Whoosh's own answer, less the deleted documents its `InverseMatcher` lets through
            # (a NOT gives the document after the last one its child matches in a segment
            # without checking it is deleted; what users see, ours, leaves them out)
            theirs = {d: s for d, s in _whoosh(ix, q).items() if not searcher.reader().is_deleted(d)}
            assert theirs, text
            assert bulk.docs(searcher, q).tolist() == sorted(theirs), text
            assert bulk.as_dict(bulk.scores(searcher, q)) == theirs, text
            assert not gone & set(bulk.docs(searcher, q).tolist()), text
