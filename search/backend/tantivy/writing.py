"""Writing a tantivy index: the commit of an indexing run (`search.backend.IndexWriter`).

tantivy has one writer per index (a Rust object with its own threads), which forked workers
cannot share. So a worker's `SegmentSink` analyses its documents (with the schema's
analyzers, the costly part, done on every core) and writes them as tantivy JSON documents,
one a line, into a file of its own under `INDEX/tantivy.tmp/`; that file is the "segment"
the commit takes (tantivy parses it: no Python object per token). The commit alone opens
tantivy's writer: it deletes the documents the run deleted (by their `uid` term), adds
every new document, and commits, which tantivy makes atomic (its meta.json is renamed into
place). A run killed before then leaves the index as it was; the temp folder is cleared by
the next run.

Until the commit, `IndexWriter.reader()` must show the index as the commit would leave it:
the committed snapshot less this run's deletions, plus this run's documents, numbered after
the snapshot's (`PendingReader`). Of each new document the commit's process holds only
what that reader looks documents up by and counts (keyword terms, columns, date: `LOOKUP`);
its stored fields are read back from its line in the worker's file when asked for.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from search.backend import Column, Document, Segment, SegmentSink, StoredFields
from search.backend.tantivy import index_folder
from search.backend.tantivy.schema import (
    COLUMNS,
    DATE,
    FP_FIELD,
    KEYWORDS,
    SCHEMA_VERSION,
    UID,
    build_schema,
    day_key,
    new_uid,
    stored_of,
    stored_of_json,
    to_json,
)
from search.backend.tantivy.view import NO_DATE_KEY, View

WRITER_HEAP = 256_000_000  # bytes of tantivy's in-memory segment before it flushes one
WRITER_THREADS = 2  # tantivy's indexing threads: the commit is the run's one step on a single process


@dataclass(frozen=True)
class TantivySegment:
    """A worker's finished documents: tantivy JSON documents, one a line (`docs`), and for
    each, in the same order, what the commit's reader looks up (`keys`: the document's
    `row_of` and where its line starts)."""

    docs: str
    keys: str
    count: int


class TantivySegmentSink:
    """`search.backend.SegmentSink`: one worker's documents, analysed, in files of its own."""

    def __init__(self, temp_dir: Path) -> None:
        temp_dir.mkdir(parents=True, exist_ok=True)
        stem = temp_dir / f"seg-{os.getpid()}-{new_uid():x}"
        self._docs_path, self._keys_path = stem.with_suffix(".jsonl"), stem.with_suffix(".pkl")
        self._docs: Any = open(self._docs_path, "wb")  # closed by finish or abort
        self._keys: Any = open(self._keys_path, "wb")
        self._offset = 0
        self._count = 0
        self._batch: list[tuple[int, Row]] = []

    def add(self, doc: Document) -> None:
        line = to_json(doc, new_uid()) + b"\n"
        self._docs.write(line)
        self._batch.append((self._offset, row_of(doc)))
        if len(self._batch) >= _BATCH:
            self._dump()
        self._offset += len(line)
        self._count += 1

    def _dump(self) -> None:
        pickle.dump(self._batch, self._keys, protocol=pickle.HIGHEST_PROTOCOL)
        self._batch = []

    def finish(self) -> Segment | None:
        if self._batch:
            self._dump()
        self._docs.close()
        self._keys.close()
        if not self._count:
            self.abort()
            return None
        return TantivySegment(str(self._docs_path), str(self._keys_path), self._count)

    def abort(self) -> None:
        self._docs.close()
        self._keys.close()
        self._docs_path.unlink(missing_ok=True)
        self._keys_path.unlink(missing_ok=True)


# What the commit's reader looks a new document up by and counts (`PendingReader`): its
# keyword terms, columns and date, as a tuple in this order (a `Row`). Its stored fields are
# read back from its line when asked for (a few quotes a run): holding whole documents took
# 7.7 GB at 100,000 articles, and loading them 33 s.
LOOKUP = tuple(dict.fromkeys((*KEYWORDS, *COLUMNS, DATE, FP_FIELD)))
_AT = {name: i for i, name in enumerate(LOOKUP)}
_BATCH = 1024  # rows a pickle: its memo writes each repeated value once
Row = tuple[Any, ...]


def row_of(doc: Document) -> Row:
    return tuple([doc.get(name) for name in LOOKUP])


def _value(row: Row, fname: str) -> Any:
    at = _AT.get(fname)
    return row[at] if at is not None else None


def _terms_of(row: Row, fname: str) -> list[str]:
    """The keyword terms a new document holds in `fname` (`fp` holds several)."""
    value = _value(row, fname)
    if value is None or value == "":
        return []
    return str(value).split() if fname == FP_FIELD else [str(value)]


def _read_rows(path: str) -> Iterator[tuple[int, Row]]:
    with open(path, "rb") as fh:
        while True:
            try:
                yield from pickle.load(fh)  # our own worker's file, in the index folder
            except EOFError:
                return


class _Pending:
    """This run's new documents, numbered after the committed snapshot's: what the reader
    looks each up by (its `Row`; None once deleted), and where its whole form is: a line of a
    worker's file, or, for documents the commit's process added, the document itself."""

    def __init__(self, first: int) -> None:
        self.first = first
        self.docs: list[Row | None] = []
        self.lines: list[tuple[int, int]] = []  # (file number, offset) of each document's line; (-1, 0): made here
        self.files: list[str] = []  # workers' JSON lines files
        self.made_here: dict[int, dict[str, Any]] = {}  # index -> document, added by the commit's process
        self._by_term: dict[str, dict[str, list[int]]] = {}  # field -> value -> indexes, made on first use
        self._open: dict[int, Any] = {}  # workers' files open for stored fields

    def add(self, row: Row, line: tuple[int, int] = (-1, 0)) -> int:
        self.docs.append(row)
        self.lines.append(line)
        for fname, values in self._by_term.items():
            for value in _terms_of(row, fname):
                values.setdefault(value, []).append(len(self.docs) - 1)
        return self.first + len(self.docs) - 1

    def add_made(self, doc: dict[str, Any]) -> None:
        self.made_here[self.add(row_of(doc)) - self.first] = doc

    def holding(self, terms: dict[str, str]) -> list[int]:
        """Document numbers of the live new documents holding every `field=value` term."""
        if not terms:
            return [n for n, _doc in self.live()]
        found: set[int] | None = None
        for fname, value in terms.items():
            if fname not in self._by_term:
                by_value: dict[str, list[int]] = {}
                for i, doc in enumerate(self.docs):
                    if doc is not None:
                        for v in _terms_of(doc, fname):
                            by_value.setdefault(v, []).append(i)
                self._by_term[fname] = by_value
            have = set(self._by_term[fname].get(value, ()))
            found = have if found is None else found & have
        return [self.first + i for i in sorted(found or ()) if self.docs[i] is not None]

    def get(self, docnum: int) -> Row | None:
        i = docnum - self.first
        return self.docs[i] if 0 <= i < len(self.docs) else None

    def stored(self, docnum: int) -> StoredFields:
        """The stored fields of a live new document."""
        i = docnum - self.first
        if i in self.made_here:
            return stored_of(self.made_here[i])
        file_no, offset = self.lines[i]
        fh = self._open.get(file_no)
        if fh is None:
            fh = self._open[file_no] = open(self.files[file_no], "rb")  # closed by close()
        fh.seek(offset)
        return stored_of_json(fh.readline())

    def close(self) -> None:
        for fh in self._open.values():
            fh.close()
        self._open.clear()

    def live(self) -> Iterator[tuple[int, Row]]:
        for i, doc in enumerate(self.docs):
            if doc is not None:
                yield self.first + i, doc

    def delete(self, i: int) -> None:
        self.docs[i] = None
        self.made_here.pop(i, None)

    def json_lines(self) -> Iterator[str]:
        """The tantivy form of every live new document, in order."""
        docs = self.docs
        i = 0
        for path in self.files:  # a file's lines are the next documents, one a line (`add_segments`)
            with open(path, "rb", buffering=1 << 20) as fh:
                for line in fh:
                    if docs[i] is not None:
                        yield line.decode("utf-8")
                    i += 1
        for i, doc in self.made_here.items():
            if self.docs[i] is not None:
                yield to_json(doc, new_uid()).decode("utf-8")


class PendingReader:
    """`search.backend.IndexReader`: the committed snapshot less this run's deletions, plus
    this run's new documents (see the module's doc)."""

    def __init__(self, view: View, deleted: set[int], pending: _Pending) -> None:
        self._view = view
        self._deleted = deleted
        self._pending = pending

    def doc_ids(self, **terms: str) -> list[int]:
        old = [n for n in self._view.doc_ids(**terms) if n not in self._deleted] if self._view.count else []
        return old + self._pending.holding(terms)

    def stored(self, docnum: int) -> StoredFields:
        if self._pending.get(docnum) is not None:
            return self._pending.stored(docnum)
        return self._view.stored(docnum)

    def doc_count(self) -> int:
        return self._view.count - len(self._deleted) + sum(1 for _ in self._pending.live())

    def documents(self, **terms: str) -> Iterator[StoredFields]:
        for n in self.doc_ids(**terms):
            yield self.stored(n)

    def column(self, field: str) -> Column:
        base = self._view.column(field) if self._view.count else []
        values: list[Any] = list(base) if base is not None else [None] * self._view.span
        values += [None] * (self._pending.first - len(values))
        for doc in self._pending.docs:
            value = None if doc is None else _value(doc, field)
            if field == DATE:
                values.append(day_key(value) if value else NO_DATE_KEY)
            else:
                values.append(value if value is not None else ("" if field in COLUMNS else None))
        return values

    def term_counts(self, field: str) -> dict[str, int]:
        counts: Counter[str] = Counter(self._view.term_counts(field)) if self._view.count else Counter()
        for n in self._deleted:
            value = self._view.stored(n).get(field)
            if value:
                counts[str(value)] -= 1
        for _n, row in self._pending.live():
            value = _value(row, field)
            if value:
                counts[str(value)] += 1
        return {k: v for k, v in counts.items() if v > 0}


class TantivyIndexWriter:
    """`search.backend.IndexWriter`: this run's deletions and new documents, applied to the
    index by one tantivy commit (see the module's doc)."""

    def __init__(self, index_dir: Path, index: tantivy.Index, rebuild: bool = False, optimize: bool = False) -> None:
        self._dir = index_dir
        self._index = index
        self._rebuild = rebuild
        self._optimize = optimize
        index.reload()
        self._view = View(index.searcher(), index_folder.read_meta(index_dir))
        self._base_generation = index_folder.generation(index_dir)
        if rebuild:  # a new index, swapped in by the commit: the old documents are never read
            self._index = index_folder.create_next(index_dir)
            self._view = View(_EmptySearcher())  # type: ignore[arg-type]
        self._deleted: set[int] = set()
        self._pending = _Pending(self._view.span)
        self._segments: list[str] = []

    @property
    def generation(self) -> int:
        return self._base_generation + 1

    def add_segments(self, segments: Sequence[Segment]) -> None:
        for seg in segments:
            assert isinstance(seg, TantivySegment)
            self._segments += [seg.docs, seg.keys]
            file_no = len(self._pending.files)
            self._pending.files.append(seg.docs)
            for offset, row in _read_rows(seg.keys):
                self._pending.add(row, (file_no, offset))

    def reader(self) -> AbstractContextManager[PendingReader]:
        return _reading(PendingReader(self._view, self._deleted, self._pending))

    def add(self, doc: Document) -> None:
        self._pending.add_made(dict(doc))

    def delete(self, docnum: int) -> None:
        i = docnum - self._pending.first
        if 0 <= i < len(self._pending.docs):
            self._pending.delete(i)
        else:
            self._deleted.add(docnum)

    def replace(self, docnum: int, doc: Document) -> None:
        self.delete(docnum)
        self.add(doc)

    def commit(self) -> None:
        writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=WRITER_THREADS)
        try:
            schema = build_schema()
            if self._deleted:
                uids = self._view.uids(sorted(self._deleted))
                writer.delete_documents_by_query(tantivy.Query.term_set_query(schema, UID, uids))
            for line in self._pending.json_lines():
                writer.add_json(line)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        writer.wait_merging_threads()
        if self._rebuild:
            index_folder.write_record(self._dir / index_folder.NEXT_DIR, self.generation)
            index_folder.swap_in_next(self._dir)
        else:
            index_folder.write_record(index_folder.tantivy_dir(self._dir), self.generation)
        self._clear_segments()

    def cancel(self) -> None:
        self._clear_segments()

    def _clear_segments(self) -> None:
        self._pending.close()
        for path in self._segments:
            Path(path).unlink(missing_ok=True)
        self._segments = []
        clear_temp(self._dir)


class _EmptySearcher:
    """The searcher of a rebuild's old index: nothing (the old documents are never read)."""

    num_docs = 0


@contextmanager
def _reading(reader: PendingReader) -> Iterator[PendingReader]:
    yield reader


class TantivyWritableIndex:
    """`search.backend.WritableIndex` over the tantivy index in an index folder."""

    def __init__(self, index_dir: Path, index: tantivy.Index) -> None:
        self.index_dir = index_dir
        self.index = index

    @property
    def schema_version(self) -> int:
        return index_folder.schema_version(self.index_dir)

    @property
    def generation(self) -> int:
        return index_folder.generation(self.index_dir)

    def is_empty(self) -> bool:
        self.index.reload()
        return int(self.index.searcher().num_docs) == 0

    def reader(self) -> AbstractContextManager[PendingReader]:
        self.index.reload()
        view = View(self.index.searcher(), index_folder.read_meta(self.index_dir))
        return _reading(PendingReader(view, set(), _Pending(view.span)))

    def writer(self, *, rebuild: bool = False, optimize: bool = False) -> TantivyIndexWriter:
        return TantivyIndexWriter(self.index_dir, self.index, rebuild=rebuild, optimize=optimize)

    def segment_sinks(self, *, rebuild: bool = False) -> Callable[[], SegmentSink]:
        temp = self.index_dir / index_folder.TEMP_DIR
        return lambda: TantivySegmentSink(temp)


def clear_temp(index_dir: Path) -> None:
    """What a killed run left waiting for its commit is garbage, and a swap it left half
    done is finished (the caller holds the lock)."""
    shutil.rmtree(index_dir / index_folder.TEMP_DIR, ignore_errors=True)
    index_folder.recover(index_dir)


__all__ = ["SCHEMA_VERSION", "TantivyIndexWriter", "TantivyWritableIndex", "clear_temp"]
