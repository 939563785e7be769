"""Our fixes to Whoosh (search.backend.whoosh.fixes, the reading side, and fast_writer, the
writers) give the same answers as the code they replace."""

from __future__ import annotations

from pathlib import Path

from whoosh.codec import whoosh3

from search.backend.whoosh import fast_writer
from search.backend.whoosh import fixes as whoosh_fixes
from search.backend.whoosh.index_folder import open_index


def test_length_table_answers_as_the_length_columns_do(seeds_index):
    ix = open_index(seeds_index)
    for segment in ix._segments():
        reader = whoosh3.W3PerDocReader(ix.storage, segment)
        table = fast_writer.FieldLengths(reader)
        fields = [name for name in ix.schema.names() if ix.schema[name].scorable] + ["kind"]  # 'kind' has no length column
        checked = 0
        for docnum in range(reader.doc_count_all()):
            for name in fields:
                assert table.doc_field_length(docnum, name) == reader.doc_field_length(docnum, name), (docnum, name)
                checked += reader.doc_field_length(docnum, name) is not None
        assert checked > 100  # real lengths compared, not only the defaults


def test_posting_runs_read_back_exactly_what_was_written(tmp_path):
    class Pool:  # the two methods of Whoosh's PostingPool that the run functions call
        removed: list[str] = []

        def _open_run(self, path):
            return open(path, "rb")

        def _remove_run(self, path):
            self.removed.append(path)

    postings = [("text", f"word{i % 977}".encode(), i, 1.0 + i % 3, b"\x00\x01" if i % 2 else None) for i in range(10_000)]
    path = tmp_path / "run"
    fast_writer.FastPostingPool._write_run(Pool(), open(path, "wb"), iter(postings))  # three batches of at most 4,096
    pool = Pool()
    assert list(fast_writer.read_run(pool, str(path))) == postings
    assert pool.removed == [str(path)]


def test_a_corpus_that_spills_runs_indexes_every_posting(tmp_path, monkeypatch):
    """A writer whose buffer holds one posting spills a run per posting and merges them all
    back at commit, through our pool's run functions. (Workers write through
    search.backend.whoosh.term_pool; our pool serves the commit's merges and rewrites, so the
    worker here is given the writer that uses it.)"""
    from search.api import Index
    from search.backend.whoosh import segments
    from search.indexing.indexer import index_paths

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(12):
        (corpus / f"{i}.txt").write_text(f"Vote number {i}\n\n“We will count word{i} today,” said Jane Roe, a clerk.\n", encoding="utf-8")
    pool = fast_writer.FastPostingPool
    init, read_run, runs = pool.__init__, pool._read_run, []

    def tiny_buffer(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.limit = 1

    def counted(self, path):
        runs.append(path)
        return read_run(self, path)

    monkeypatch.setattr(pool, "__init__", tiny_buffer)
    monkeypatch.setattr(pool, "_read_run", counted)
    monkeypatch.setattr(segments, "GroupedSegmentWriter", fast_writer.FastSegmentWriter)
    index_paths([corpus], tmp_path / "index", workers=1)
    assert len(runs) > 100
    with Index.open(tmp_path / "index") as ix:
        assert ix.search("count", kind="quote", limit=0).total == 12
        assert {h.article_id for h in ix.search("word7", limit=5).hits} == {"7.txt"}


def _postings_of(index_dir) -> dict:
    """Every term of every field with its postings and block statistics."""
    ix = open_index(index_dir)
    out = {}
    with ix.reader() as reader:
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            m = reader.postings(fieldname, text)
            postings = []
            while m.is_active():
                postings.append((m.id(), m.weight(), m.value()))
                m.next()
            out[(fieldname, text)] = (postings, info.min_length(), info.max_length(), info.max_weight(), info.doc_frequency())
    return out


def test_patched_writer_writes_the_same_postings_as_whoosh(tmp_path, monkeypatch):
    from search.indexing.indexer import index_paths

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    index_paths([seeds], tmp_path / "patched", workers=1)
    for cls, name, _fix in whoosh_fixes.PATCHES:
        if name != "__init__":  # BufferFile's copy is a reading concern, not a writing one
            monkeypatch.setattr(cls, name, whoosh_fixes.ORIGINALS[(cls, name)])
    from whoosh.writing import SegmentWriter

    from search.backend.whoosh import segments, writing

    # Whoosh's writer, as it comes, for the workers and for the commit
    monkeypatch.setattr(segments, "GroupedSegmentWriter", lambda ix, **kwargs: SegmentWriter(ix, **kwargs))
    monkeypatch.setattr(writing, "FastSegmentWriter", SegmentWriter)
    index_paths([seeds], tmp_path / "whoosh", workers=1)
    patched, plain = _postings_of(tmp_path / "patched"), _postings_of(tmp_path / "whoosh")
    assert len(patched) > 1000 and patched == plain


def test_a_searcher_reads_the_table_of_contents_once_and_sees_the_next_commit(tmp_path, monkeypatch, polnear_slice):
    """Whoosh unpickles the table of contents again for the schema, for each reader and to
    check it can: four reads to open a searcher (10 ms each at 100,000 articles, where it
    holds every segment's deleted documents). A searcher's index reads it once, and again
    only when a commit has made a newer one."""
    from whoosh.index import TOC

    from search.backend.whoosh import index_folder
    from search.indexing.indexer import index_paths
    from tests.conftest import SEEDS

    index_paths([SEEDS], tmp_path / "ix")
    reads: list[int] = []
    read = TOC.read
    monkeypatch.setattr(TOC, "read", classmethod(lambda cls, *a, **k: reads.append(1) or read(*a, **k)))
    ix, searcher = index_folder.open_searcher(tmp_path / "ix")
    seeds = searcher.doc_count()
    assert len(reads) == 1
    assert ix.schema is searcher.schema or ix.schema.names() == searcher.schema.names()
    assert len(reads) == 1
    index_paths([SEEDS, polnear_slice], tmp_path / "ix")  # a commit: a newer table
    reads.clear()
    with ix.searcher() as newer:
        assert newer.doc_count() > seeds
    assert len(reads) == 1
    searcher.close()
