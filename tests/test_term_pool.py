"""Workers write their segments through search.backend.whoosh.term_pool: the segments must be what Whoosh's
own SegmentWriter writes from the same documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS
from test_whoosh_fixes import _postings_of
from whoosh.writing import SegmentWriter

from search.api import Index
from search.backend.whoosh import segments, term_pool
from search.backend.whoosh.fast_writer import NewsCodec
from search.backend.whoosh.index_folder import open_index
from search.indexing.indexer import index_paths


def _segment_files(index_dir: Path) -> dict[str, bytes]:
    """Every file of every segment, by name with the segment's random id taken out."""
    ix = open_index(index_dir)
    out = {}
    for segment in ix._segments():
        storage = segment.open_compound_file(ix.storage) if segment.is_compound() else ix.storage
        for name in storage.list():
            if segment.segid in name:
                out[name.replace(segment.segid, "SEG")] = storage.open_file(name).read()
    return out


def _with_whoosh_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers write with Whoosh's own writer and posting pool (with our codec, which
    decides the bytes of the posting blocks)."""
    monkeypatch.setattr(segments, "GroupedSegmentWriter", lambda ix, **kwargs: SegmentWriter(ix, codec=NewsCodec(), **kwargs))


def test_a_worker_segment_is_byte_for_byte_whooshs(tmp_path, monkeypatch):
    index_paths([SEEDS], tmp_path / "grouped", workers=1)
    with monkeypatch.context() as m:
        _with_whoosh_writer(m)
        index_paths([SEEDS], tmp_path / "whoosh", workers=1)
    grouped, whoosh = _segment_files(tmp_path / "grouped"), _segment_files(tmp_path / "whoosh")
    assert any(name.endswith(".pst") for name in grouped) and any(name.endswith(".trm") for name in grouped)
    # a segment with long posting lists has one more file of ours (posting_arrays); the
    # seeds have none, and every other file is Whoosh's
    assert sorted(name for name in grouped if not name.endswith(".arr")) == sorted(whoosh)
    for name in whoosh:
        if name.endswith("._stored.col"):
            # Stored fields are pickled dicts: a string shared by two fields of a document
            # (a speaker named as mentioned) pickles as a back-reference, two equal strings
            # twice, and which one the extractor hands over depends on what ran before in the
            # process. Compared decoded, below.
            continue
        assert grouped[name] == whoosh[name], name
    assert _stored_fields(tmp_path / "grouped") == _stored_fields(tmp_path / "whoosh")


def _stored_fields(index_dir: Path) -> list[list[tuple]]:
    """Every document's stored fields, in order, each in the order it was stored."""
    with open_index(index_dir).searcher() as searcher:
        return [list(searcher.stored_fields(docnum).items()) for docnum in range(searcher.doc_count_all())]


def test_postings_spilled_in_many_runs_come_back_whole_and_in_order(tmp_path, monkeypatch):
    """A pool that holds one document's postings spills a run per field of every document;
    the merged terms must give exactly the postings Whoosh writes without any spill."""
    init, runs = term_pool.TermPool.__init__, []
    save = term_pool.TermPool.save

    def tiny(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.limit = 1

    def counted(self):
        runs.append(1)
        return save(self)

    with monkeypatch.context() as m:
        m.setattr(term_pool.TermPool, "__init__", tiny)
        m.setattr(term_pool.TermPool, "save", counted)
        index_paths([SEEDS], tmp_path / "grouped", workers=1)
    with monkeypatch.context() as m:
        _with_whoosh_writer(m)
        index_paths([SEEDS], tmp_path / "whoosh", workers=1)
    assert len(runs) > 500
    grouped, whoosh = _postings_of(tmp_path / "grouped"), _postings_of(tmp_path / "whoosh")
    assert len(grouped) > 1000 and grouped == whoosh
    with Index.open(tmp_path / "grouped") as ix:
        assert ix.search("normality", kind="quote").total >= 1


def test_terms_join_a_terms_postings_across_runs(tmp_path):
    from whoosh.filedb.filestore import FileStorage

    pool = term_pool.TermPool(FileStorage(str(tmp_path)))
    for docnum in range(6):
        items = [(b"common", 1, 1.0, b"v%d" % docnum)] + ([(b"odd", 2, 2.0, b"")] if docnum % 2 else [])
        pool.add_field("text", docnum, items, 1.5, True)
        if docnum in (1, 3):
            pool.save()  # runs: docs 0-1, 2-3; docs 4-5 stay in memory
    assert len(list(tmp_path.iterdir())) == 2
    got = [(f, t, [x for part in parts for x in part]) for f, t, parts in pool.terms()]
    assert got == [
        ("text", b"common", [0, 1.5, b"v0", 1, 1.5, b"v1", 2, 1.5, b"v2", 3, 1.5, b"v3", 4, 1.5, b"v4", 5, 1.5, b"v5"]),
        ("text", b"odd", [1, 3.0, b"", 3, 3.0, b"", 5, 3.0, b""]),
    ]
    assert list(tmp_path.iterdir()) == []  # runs are removed once read


def test_a_grouped_writer_refuses_to_merge_other_segments(seeds_index):
    ix = open_index(seeds_index)
    writer = term_pool.GroupedSegmentWriter(ix, _lk=False)
    try:
        with ix.reader() as reader, pytest.raises(NotImplementedError):
            writer.add_reader(reader)
    finally:
        writer.cancel()


@pytest.mark.parametrize("sizes", [[1], [4], [5], [3, 1], [2, 2, 2], [4, 4], [9], [1, 8, 3], [4, 1, 4, 1]])
def test_blocks_cut_a_terms_parts_into_full_blocks_and_a_last_one(sizes):
    limit, docnum, parts = 4, 0, []
    for size in sizes:
        part = []
        for _ in range(size):
            part += [docnum, float(docnum), b"v%d" % docnum]
            docnum += 1
        parts.append(part)
    blocks = list(term_pool._blocks(parts, limit))
    assert [d for ids, _, _ in blocks for d in ids] == list(range(docnum))
    assert [w for _, ws, _ in blocks for w in ws] == [float(d) for d in range(docnum)]
    assert [v for _, _, vs in blocks for v in vs] == [b"v%d" % d for d in range(docnum)]
    assert all(len(ids) == limit for ids, _, _ in blocks[:-1]) and 0 < len(blocks[-1][0]) <= limit


@pytest.mark.parametrize(
    "value",
    ["Donald J. Trump", "Trump, Trump and O’Neil", "Beyoncé Knowles-Carter", "don't  stop", "", "k00ff00aa11bb22cc 0011223344556677 0011223344556677"],
)
def test_fields_indexed_without_whooshs_token_pipeline_give_its_postings(value):
    """Names (speaker, author), the space-separated `fp` terms and ID fields: what the
    worker's writer posts is what Whoosh's `field.index` gives (as a set: Whoosh's order
    for `fp` is a set's)."""
    from search.backend.whoosh.schema import make_schema

    schema = make_schema()
    for name in ("speaker", "author", "fp", "source", "speaker_name"):
        field = schema[name]
        assert sorted(term_pool._index(field, value)) == sorted(field.index(value)), name
