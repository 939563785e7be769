"""The commit of an indexing run, on Whoosh: `search.backend.IndexWriter` and its reader.

One `SegmentWriter` of the parent process (without Whoosh's lock: the run holds it, see
`locking`) gathers everything the run changes: the workers' finished segments, deletions of
old documents, and the quotes rewritten under their speakers' settled names, which it
writes into a segment of its own. Its commit writes a new table of contents and renames it
into place last: until then readers, and a run killed at any moment, see the index of the
last commit.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from whoosh.index import TOC, FileIndex
from whoosh.query import And, Query, Term
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from search.backend import Column, Document, Segment, SegmentSink, StoredFields
from search.backend.whoosh import checksums
from search.backend.whoosh.fast_writer import FastSegmentWriter
from search.backend.whoosh.schema import make_schema, schema_version
from search.backend.whoosh.segments import WhooshSegmentSink


def _query(terms: dict[str, str]) -> Query:
    parts = [Term(field, value) for field, value in terms.items()]
    return parts[0] if len(parts) == 1 else And(parts)


class WhooshReader:
    """`search.backend.IndexReader` over a Whoosh searcher."""

    def __init__(self, searcher: Searcher) -> None:
        self._searcher = searcher

    def doc_ids(self, **terms: str) -> list[int]:
        return list(self._searcher.docs_for_query(_query(terms)))

    def stored(self, docnum: int) -> StoredFields:
        fields: StoredFields = self._searcher.stored_fields(docnum)
        return fields

    def doc_count(self) -> int:
        count: int = self._searcher.doc_count()
        return count

    def documents(self, **terms: str) -> Iterator[StoredFields]:
        yield from self._searcher.documents(**terms)

    def column(self, field: str) -> Column:
        reader = self._searcher.reader()
        if reader.doc_count_all() == 0:  # an empty index (Whoosh's empty reader has no columns)
            return _NoColumn()
        return _LeafColumns(reader, field)

    def term_counts(self, field: str) -> dict[str, int]:
        reader = self._searcher.reader()
        counts = {}
        for term in reader.lexicon(field):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            if reader.has_deletions():  # doc_frequency counts deleted documents too
                n = sum(1 for _ in reader.postings(field, term).all_ids())
            else:
                n = reader.doc_frequency(field, text)
            if n:
                counts[text] = n
        return counts


class _LeafColumns:
    """A field's column over the segments of a reader, read per segment. Whoosh's own
    multi-segment column leaves out a segment that has no such column (no document of it had
    a value), which shifts the documents after it or fails with an IndexError."""

    def __init__(self, reader: Any, field: str) -> None:
        self._starts: list[int] = []
        self._columns: list[Any] = []
        for sub, offset in reader.leaf_readers():
            self._starts.append(offset)
            self._columns.append(sub.column_reader(field) if sub.has_column(field) else None)

    def __getitem__(self, docnum: int) -> Any:
        i = bisect.bisect_right(self._starts, docnum) - 1
        column = self._columns[i]
        return column[docnum - self._starts[i]] if column is not None else None


class _NoColumn:
    """The column of an index without documents."""

    def __getitem__(self, docnum: int) -> None:
        raise IndexError(docnum)


@contextmanager
def _reading(searcher: Searcher) -> Iterator[WhooshReader]:
    with searcher:
        yield WhooshReader(searcher)


class WhooshIndexWriter:
    """`search.backend.IndexWriter`: one Whoosh `SegmentWriter` (see the module's doc)."""

    def __init__(self, ix: FileIndex, rebuild: bool = False, optimize: bool = False) -> None:
        self._writer = FastSegmentWriter(ix, _lk=False)
        self._rebuild = rebuild
        self._optimize = optimize
        if rebuild:
            # The commit holds only what this run writes, in this version's schema: the old
            # segments go with it, and are never read in the meantime. (Reading them, the
            # renaming of speakers rewrote old quotes into the new index: a rebuild could
            # bring back quotes of articles it no longer had.)
            self._writer.segments = []
            self._writer._setup_doc_offsets()
            self._writer.schema = make_schema()

    @property
    def generation(self) -> int:
        generation: int = self._writer.generation
        return generation

    def add_segments(self, segments: Sequence[Segment]) -> None:
        self._writer.segments = list(self._writer.segments) + list(segments)
        self._writer._setup_doc_offsets()

    def reader(self) -> AbstractContextManager[WhooshReader]:
        return _reading(self._writer.searcher())

    def add(self, doc: Document) -> None:
        self._writer.add_document(**doc)

    def delete(self, docnum: int) -> None:
        self._writer.delete_document(docnum)

    def replace(self, docnum: int, doc: Document) -> None:
        self._writer.delete_document(docnum)
        self._writer.add_document(**doc)

    def commit(self) -> None:
        if self._optimize:
            # Every segment (workers', old ones, this writer's) merged into one, deleted
            # documents dropped: one posting list per term, read in one go by a search.
            self._writer.commit(optimize=True)
        elif self._rebuild:
            # No merge: the new segments are the index; the old ones go with this commit.
            self._writer.commit(mergetype=_as_they_are)
        else:
            self._writer.commit()
        # What `search check` verifies later: the files of this commit, as written
        w = self._writer
        checksums.record(Path(w.storage.folder), w.indexname, TOC.read(w.storage, w.indexname))

    def cancel(self) -> None:
        self._writer.cancel()


class WhooshWritableIndex:
    """`search.backend.WritableIndex`: a Whoosh `FileIndex` opened by the lock's holder."""

    def __init__(self, ix: FileIndex) -> None:
        self.ix = ix

    @property
    def schema_version(self) -> int:
        return schema_version(self.ix.schema)

    @property
    def generation(self) -> int:
        generation: int = self.ix.latest_generation()
        return generation

    def is_empty(self) -> bool:
        return bool(self.ix.is_empty())

    def reader(self) -> AbstractContextManager[WhooshReader]:
        return _reading(self.ix.searcher())

    def writer(self, *, rebuild: bool = False, optimize: bool = False) -> WhooshIndexWriter:
        return WhooshIndexWriter(self.ix, rebuild=rebuild, optimize=optimize)

    def segment_sinks(self, *, rebuild: bool = False) -> Callable[[], SegmentSink]:
        schema = make_schema() if rebuild else self.ix.schema
        return partial(WhooshSegmentSink, self.ix, schema)


def _as_they_are(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    return segments
