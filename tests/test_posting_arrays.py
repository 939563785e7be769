"""Long posting lists kept as arrays (search.backend.whoosh.posting_arrays): the arrays
hold the very numbers and weights of the blocks, searches give Whoosh's answers with and
without them, and a damaged file is refused with a clear error."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.searching import Searcher

from search import Index
from search.backend.whoosh import bulk, posting_arrays
from search.backend.whoosh.posting_arrays import MAGIC, ArraysWriter, PostingArrays
from search.errors import SearchError
from search.query.request import compile_request
from tests.test_bulk import _whoosh


def _segments(ix: Index) -> list:
    return [sub for sub, _ in ix.backend.searcher.reader().leaf_readers()]  # type: ignore[attr-defined]


def _from_blocks(sub, term):
    """A term's postings read from its blocks, as they were before the arrays."""
    m = sub.postings(*term)
    m = getattr(m, "child", m)  # past the deletions filter
    run = bulk._Run(Searcher(sub))
    sub.__dict__["_search_arrays"] = None
    try:
        return run._read(m, None, True)
    finally:
        del sub.__dict__["_search_arrays"]


def test_workers_segments_keep_their_long_lists_as_arrays(polnear_index):
    with Index.open(polnear_index) as ix:
        with_arrays = [sub for sub in _segments(ix) if posting_arrays.of(sub) is not None]
        assert with_arrays, "the workers' segments carry posting arrays"
        checked = 0
        for sub in with_arrays:
            arrays = posting_arrays.of(sub)
            terms = list(arrays.terms())
            if sub.doc_frequency("kind", b"quote") >= posting_arrays.MIN_POSTINGS:  # a worker's segment, not a commit's few rewrites
                assert ("kind", b"quote") in arrays  # a filter's list, long in any corpus of quotes
            for term in terms:
                ids, weights = arrays.get(term)
                assert len(ids) >= posting_arrays.MIN_POSTINGS
                assert len(ids) == sub.doc_frequency(*term), term
                block_ids, block_weights = _from_blocks(sub, term)
                assert ids.tolist() == block_ids.tolist(), term
                assert weights.tolist() == block_weights.tolist(), term
                checked += 1
            # and every long term is in it
            long_terms = {t for t, info in sub._terms.items() if info.doc_frequency() >= posting_arrays.MIN_POSTINGS}
            assert long_terms == set(terms)
        assert checked > 20


class _Kept(io.BytesIO):
    def close(self) -> None:  # keeps what was written readable
        pass


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=50, unique=True),
            st.sampled_from(["ones", "counts", "fractions"]),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_any_numbers_and_weights_come_back_as_written(lists):
    f = _Kept()
    writer = ArraysWriter(lambda: f)
    writer.min_postings = 1  # any length: the lists drawn here are short
    expected = {}
    for n, (ids, kind) in enumerate(lists):
        ids = sorted(ids)
        weights = {"ones": [1.0] * len(ids), "counts": [float(i % 7 + 1) for i in ids], "fractions": [float(np.float32(1 / (i + 3))) for i in ids]}[kind]
        writer.add("text", f"term{n}".encode(), ids, weights)
        expected[("text", f"term{n}".encode())] = (ids, weights)
    writer.finish()
    arrays = PostingArrays(f.getvalue(), "MAIN_x.arr")
    assert set(arrays.terms()) == set(expected)
    for term, (ids, weights) in expected.items():
        got_ids, got_weights = arrays.get(term)
        assert got_ids.dtype == np.int64 and got_weights.dtype == np.float64
        assert got_ids.tolist() == ids
        assert got_weights.tolist() == weights
    assert arrays.get(("text", b"absent")) is None


def _file(directory: bytes, data: bytes = b"") -> bytes:
    return MAGIC + data + directory + len(directory).to_bytes(4, "little")


def _rows(rows: list) -> bytes:
    return json.dumps({"postings": {"text": json.dumps(rows)}, "columns": {}}).encode()


@pytest.mark.parametrize(
    "damaged, why",
    [
        (b"PK\x03\x04" + b"\x00" * 20, "does not start as a posting-arrays file"),
        (MAGIC[:5], "does not start as a posting-arrays file"),
        (MAGIC + b"{}" + (10**6).to_bytes(4, "little"), "runs past its start"),
        (_file(b"{not json"), "directory is not readable"),
        (_file(b"[1, 2]"), "directory is not readable"),
        (_file(b'{"postings": {}}'), "directory is not readable"),  # no columns
        (_file(b'{"postings": {"text": [["61", 0, 1, 0]]}, "columns": {}}'), "directory is not readable"),  # rows not as a JSON text
        (_file(_rows([["zz", 0, 1, 0]])), "directory is not readable"),  # not hex
        (_file(_rows([["61", 0, 1]])), "directory is not readable"),  # a row too short
    ],
)
def test_a_damaged_file_is_refused_by_name(damaged, why):
    with pytest.raises(SearchError, match=why) as err:
        arrays = PostingArrays(damaged, "MAIN_x.arr")
        arrays.get(("text", b"a"))
        list(arrays.terms())
    assert "MAIN_x.arr" in str(err.value) and "search index" in str(err.value)


@pytest.mark.parametrize(
    "row", [[0, 100, 0], [0, 2, 2], [-4, 1, 0], [2, 1, 0], [0, 1, 9]], ids=["past-end", "weights-past-end", "negative", "unaligned", "unknown-weights"]
)
def test_a_term_pointing_outside_the_file_is_refused(row):
    data = _file(_rows([["61", *row]]), b"\x00" * 8)
    arrays = PostingArrays(data, "MAIN_x.arr")
    with pytest.raises(SearchError, match="points outside it"):
        arrays.get(("text", b"a"))


def test_a_merged_segment_keeps_its_long_lists_as_arrays_too(tmp_path, polnear_slice, monkeypatch):
    """A merge (`--optimize`) goes through Whoosh's writer: its field writer keeps the
    long lists as arrays from the blocks it writes. Same arrays as the blocks, same answers
    as Whoosh's."""
    from search.indexing.indexer import index_paths

    monkeypatch.setattr(posting_arrays, "MIN_POSTINGS", 64)  # so that a slice of PolNeAR has long lists
    index_paths([polnear_slice], tmp_path / "ix")
    index_paths([polnear_slice], tmp_path / "ix", optimize=True)
    with Index.open(tmp_path / "ix") as ix:
        (segment,) = _segments(ix)
        arrays = posting_arrays.of(segment)
        assert arrays is not None and len(list(arrays.terms())) > 20
        for term in arrays.terms():
            ids, weights = arrays.get(term)
            block_ids, block_weights = _from_blocks(segment, term)
            assert ids.tolist() == block_ids.tolist() and weights.tolist() == block_weights.tolist(), term
        for q in ["said", "kind:quote", "Trump AND kind:quote", '"health care"']:
            compiled, _ = ix.backend.compile(compile_request(ix.backend, q))  # type: ignore[attr-defined]
            assert bulk.as_dict(bulk.scores(ix.backend.searcher, compiled)) == _whoosh(ix, compiled), q  # type: ignore[attr-defined]


def test_check_deep_compares_the_arrays_with_the_blocks(tmp_path, polnear_slice, monkeypatch):
    """Checksums cannot tell arrays written wrong from arrays written right: `search check
    --deep` reads each long list both ways. An index whose writer put one document number
    wrong in every long list is caught, naming the term; a right one passes."""
    from search.backend.whoosh.check import check_index
    from search.indexing.indexer import index_paths

    monkeypatch.setattr(posting_arrays, "MIN_POSTINGS", 64)  # so that a slice of PolNeAR has long lists
    index_paths([polnear_slice], tmp_path / "good", workers=1)
    report = check_index(tmp_path / "good", deep=True)
    assert report.ok and report.segments_read, report.problems

    add = ArraysWriter.add

    def off_by_one(self, fieldname, tbytes, ids, weights):
        add(self, fieldname, tbytes, [*ids[:-1], ids[-1] + 1], weights)

    monkeypatch.setattr(ArraysWriter, "add", off_by_one)
    index_paths([polnear_slice], tmp_path / "bad", workers=1)
    report = check_index(tmp_path / "bad", deep=True)
    assert not report.ok
    assert any("the arrays of kind:b'quote' differ from its postings" in p for p in report.problems), report.problems


def test_keyword_columns_are_kept_as_codes_giving_every_documents_value(polnear_index):
    """Every segment's keyword columns (speaker, source, kind...) are kept as codes: each
    document's code names the value Whoosh's own column reader gives it."""
    with Index.open(polnear_index) as ix:
        checked = set()
        for sub in _segments(ix):
            arrays = posting_arrays.of(sub)
            assert arrays is not None
            for fieldname in ("speaker_name", "speaker_id", "source", "kind", "quote_kind", "cue_class", "group"):
                if not sub.has_column(fieldname):  # no document of the segment has a value (a commit's few quotes, none grouped)
                    assert arrays.column(fieldname) is None
                    continue
                codes, values = arrays.column(fieldname)
                assert len(codes) == sub.doc_count_all()
                assert [values[c] for c in codes.tolist()] == list(sub.column_reader(fieldname, translate=False)), fieldname
                checked.add(fieldname)
            assert arrays.column("date") is None and arrays.column("text") is None  # numeric, or no column
        assert len(checked) == 7


@pytest.mark.parametrize(
    "query, options",
    [
        ("Trump", {"facets": ["speaker", "source", "kind", "type", "class", "group", "date"], "limit": 20}),
        ("", {"kind": "quote", "facets": ["speaker", "source", "date:month"], "limit": 0}),
        ("", {"speakers": ["Clinton"], "facets": ["speaker"]}),
        ("taxes", {"sources": ["nyt"], "sort": "date"}),
    ],
)
def test_searches_give_the_same_answers_with_the_columns_from_codes(polnear_index, monkeypatch, query, options):
    def answer() -> dict:
        with Index.open(polnear_index) as ix:
            found = ix.search_json(query, **options)
        found.pop("took_ms")
        return found

    kept = answer()
    monkeypatch.setattr(posting_arrays, "of", lambda reader: None)
    assert kept == answer()
    assert kept["total"] and kept["facets"] is not None


@pytest.mark.parametrize(
    "row, why",
    [
        ([0, 100, 2, "[]"], "points outside it"),
        ([0, 2, 3, '["61"]'], "points outside it"),
        ([0, 4, 2, '["61"]'], "codes without values"),
        ([0, 1, 2, "[1"], "not readable"),
    ],
    ids=["past-end", "width", "codes-without-values", "values-not-json"],
)
def test_a_damaged_column_is_refused(row, why):
    directory = json.dumps({"postings": {}, "columns": {"source": row}}).encode()
    data = MAGIC + bytes([0, 0, 1, 0, 0, 0, 2, 0]) + directory + len(directory).to_bytes(4, "little")
    with pytest.raises(SearchError, match=why):
        PostingArrays(data, "MAIN_x.arr").column("source")
