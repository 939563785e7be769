"""Reading Whoosh's posting blocks for their numbers and weights only
(search.backend.whoosh.blocks) gives what Whoosh's own reader gives, block for block, and
never runs what a crafted block names."""

from __future__ import annotations

import os
import pickle
import zlib
from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.backend.whoosh import blocks
from search.backend.whoosh.safe_pickle import UnsafeIndexError

TERMS = [("text", "said"), ("text", "trump"), ("title", "trump"), ("quote", "people"), ("kind", "quote"), ("source", "nyt"), ("text", "filibuster")]


def _whooshs_blocks(m):
    """Whoosh's own reading: each block's header and its decoded numbers and weights."""
    out = []
    while True:
        m._read_ids()
        m._read_weights()
        out.append((m._blocklength, m._maxid, list(m._ids), list(m._weights)))
        if m._lastblock:
            return out
        m._goto(m._nextoffset)


def test_every_block_reads_as_whoosh_reads_it(mixed):
    searcher = mixed.backend.searcher
    lists = []
    for sub, _offset in searcher.reader().leaf_readers():
        for field, word in TERMS:
            if (field, word) not in sub:
                continue
            ours = []
            m = sub._terms.matcher(field, word.encode(), sub.schema[field].format)
            for block in blocks.blocks(m):
                ids, weights = blocks.read_ids(block)
                if not m._byteids:
                    ids = [sum(ids[: i + 1]) for i in range(len(ids))]
                if weights is None or isinstance(weights, float):
                    weights = list(array("f", [1.0 if weights is None else weights] * len(ids)))  # as Whoosh reads them
                ours.append((block.count, block.last_id, ids, [float(w) for w in weights]))
            theirs = _whooshs_blocks(sub._terms.matcher(field, word.encode(), sub.schema[field].format))
            assert ours == theirs, (field, word)
            lists.append(len(ours))
    assert max(lists) >= 4 and min(lists) == 1  # lists of many blocks and of one were read


class _Buffer:
    """A postings file over bytes, as Whoosh's mapped files present themselves."""

    def __init__(self, data: bytes) -> None:
        self._buf = data


def _read(data: tuple, count: int, compress: bool) -> tuple:
    raw = pickle.dumps(data, 2)
    stored = zlib.compress(raw) if compress else raw
    block = blocks.Block(blocks.reader_of(_Buffer(stored)), count, 0, 1 if compress else 0, 0, len(stored), True)
    return blocks.read_ids(block)


@given(
    ids=st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=128),
    weights=st.one_of(st.none(), st.floats(0.5, 100, width=32), st.lists(st.floats(0.5, 100, width=32), min_size=128, max_size=128)),
    compress=st.booleans(),
)
def test_numbers_and_weights_of_any_shape_read_as_pickle_reads_them(ids, weights, compress):
    if isinstance(weights, list):
        weights = tuple(weights[: len(ids)])
    values = tuple(os.urandom(3) for _ in ids)  # positions: bytes, pickled as calls by protocol 2
    assert _read((tuple(ids), weights, values), len(ids), compress) == (tuple(ids), weights)


def test_a_crafted_block_runs_nothing(tmp_path: Path):
    """A block whose numbers name a function is refused (the restricted unpickler), and a
    block whose positions do is not read past its numbers."""
    marker = tmp_path / "ran"

    class Runs:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    with pytest.raises(UnsafeIndexError):
        _read(((1, 2, Runs()), None, (b"a", b"b", b"c")), 3, compress=True)
    assert _read(((1, 2, 3), None, (Runs(), b"b", b"c")), 3, compress=True) == ((1, 2, 3), None)
    assert not marker.exists()


def test_whoosh_matches_count_and_sort_by_date_in_arrays_as_in_lists(mixed):
    """Facet counts and date order made from the array of matches (bincount, argsort) equal
    the ones made a document at a time from a plain list of the same matches."""
    from search.query.facets import by_date, code_counts
    from search.query.request import compile_request

    keys = [["speaker"], ["source"], ["kind"], ["date:month"], ["class"], ["source", "date:month"], ["speaker", "type"], ["date:year", "kind"]]
    for text, options in [("Trump", {}), ("", {"kind": "quote"}), ('"health care"', {}), ("zzzzqq", {})]:
        matches = mixed.backend.match(compile_request(mixed.backend, text, **options))[0]
        listed = list(matches)
        assert type(matches) is not list and listed == sorted(listed)
        for k in keys:
            assert code_counts(mixed.backend, k, matches) == code_counts(mixed.backend, k, listed), (text, k)
        for newest in (True, False):
            for stop in (None, 5):
                assert by_date(mixed.backend, matches, newest, stop) == by_date(mixed.backend, listed, newest, stop), (text, newest, stop)


@pytest.mark.parametrize("backend", ["whoosh", "tantivy"])
def test_the_date_rank_made_with_arrays_is_the_one_made_in_python(tmp_path, polnear_slice, backend):
    """Above some documents the date order of a listing is made by numpy: the same place
    for every document, newest or oldest first, undated last, one day in index order."""
    import shutil

    from search import Index
    from search.indexing.indexer import index_paths
    from search.query import facets
    from tests.conftest import SEEDS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    (corpus / "undated.txt").write_text('Council vote\n\n"We will not back down," said Mayor Jane Ortiz on the plan.\n')
    index_paths([corpus, polnear_slice], tmp_path / "index", backend=backend)
    with Index.open(tmp_path / "index") as ix:
        keys = ix.backend.date_keys()
        assert any(ix.backend.date_of(k) is None for k in keys) and len(set(keys)) > 10  # undated, and many days
        for newest in (True, False):
            assert list(facets._array_date_rank(ix.backend, keys, newest)) == list(facets._date_rank(ix.backend, newest)), newest


@given(st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=4).map(sorted))
def test_positions_read_as_the_format_decodes_them(poslist):
    from search.backend.whoosh.analysis import NewsPositions

    fmt = NewsPositions()
    value = fmt.encode(poslist)
    assert blocks.positions(value, fmt.decode_positions) == fmt.decode_positions(value) == poslist
    # one position read from the bytes, a list of them unpickled at once: the format's
    # decoder (its differences summed in Python) is not asked
    assert blocks.positions(value, lambda v: pytest.fail("decoded")) == poslist
