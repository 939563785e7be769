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
the snapshot's (`PendingReader`). New documents are kept as our plain documents for that
(field -> value, less the fields only analysed), beside the file of their tantivy form.
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
from search.backend.tantivy.schema import COLUMNS, DATE, FP_FIELD, SCHEMA_VERSION, UID, build_schema, day_key, new_uid, stored_of, to_json
from search.backend.tantivy.view import NO_DATE_KEY, View

WRITER_HEAP = 256_000_000  # bytes of tantivy's in-memory segment before it flushes one
WRITER_THREADS = 1  # one segment per commit, in the order documents were added (index order)


@dataclass(frozen=True)
class TantivySegment:
    """A worker's finished documents: tantivy JSON documents, one a line (`docs`), and our
    documents pickled in the same order (`raw`), for the commit's reader."""

    docs: str
    raw: str
    count: int


class TantivySegmentSink:
    """`search.backend.SegmentSink`: one worker's documents, analysed, in files of its own."""

    def __init__(self, temp_dir: Path) -> None:
        temp_dir.mkdir(parents=True, exist_ok=True)
        stem = temp_dir / f"seg-{os.getpid()}-{new_uid():x}"
        self._docs_path, self._raw_path = stem.with_suffix(".jsonl"), stem.with_suffix(".pkl")
        self._docs: Any = open(self._docs_path, "w", encoding="utf-8")  # closed by finish or abort
        self._raw: Any = open(self._raw_path, "wb")
        self._count = 0

    def add(self, doc: Document) -> None:
        self._docs.write(to_json(doc, new_uid()))
        self._docs.write("\n")
        pickle.dump(_kept(doc), self._raw, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def finish(self) -> Segment | None:
        self._docs.close()
        self._raw.close()
        if not self._count:
            self.abort()
            return None
        return TantivySegment(str(self._docs_path), str(self._raw_path), self._count)

    def abort(self) -> None:
        self._docs.close()
        self._raw.close()
        self._docs_path.unlink(missing_ok=True)
        self._raw_path.unlink(missing_ok=True)


_UNKEPT = ("speaker_text", "speaker")  # analysed only, never stored nor looked up by the commit's reader


def _kept(doc: Document) -> dict[str, Any]:
    """What the commit's reader needs of a new document: stored fields and keyword terms."""
    return {k: v for k, v in doc.items() if k not in _UNKEPT}


def _terms_of(doc: dict[str, Any], fname: str) -> list[str]:
    """The keyword terms a new document holds in `fname` (`fp` holds several)."""
    value = doc.get(fname)
    if value is None or value == "":
        return []
    return str(value).split() if fname == FP_FIELD else [str(value)]


def _read_raw(path: str) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as fh:
        while True:
            try:
                yield pickle.load(fh)  # our own worker's file, in the index folder
            except EOFError:
                return


class _Pending:
    """This run's new documents, numbered after the committed snapshot's: our documents
    (None once deleted), and where their tantivy form is (a worker's file, or made at the
    commit from the document)."""

    def __init__(self, first: int) -> None:
        self.first = first
        self.docs: list[dict[str, Any] | None] = []
        self.files: list[tuple[str, int, int]] = []  # (JSON lines file, first index, count)
        self.made_here: list[int] = []  # indexes of documents added by the commit's process
        self._by_term: dict[str, dict[str, list[int]]] = {}  # field -> value -> indexes, made on first use

    def add(self, doc: dict[str, Any]) -> int:
        self.docs.append(doc)
        for fname, values in self._by_term.items():
            for value in _terms_of(doc, fname):
                values.setdefault(value, []).append(len(self.docs) - 1)
        return self.first + len(self.docs) - 1

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

    def get(self, docnum: int) -> dict[str, Any] | None:
        i = docnum - self.first
        return self.docs[i] if 0 <= i < len(self.docs) else None

    def live(self) -> Iterator[tuple[int, dict[str, Any]]]:
        for i, doc in enumerate(self.docs):
            if doc is not None:
                yield self.first + i, doc

    def json_lines(self) -> Iterator[str]:
        """The tantivy form of every live new document, in order."""
        for path, start, count in self.files:
            with open(path, encoding="utf-8") as fh:
                for i, line in zip(range(start, start + count), fh, strict=True):
                    if self.docs[i] is not None:
                        yield line
        for i in self.made_here:
            doc = self.docs[i]
            if doc is not None:
                yield to_json(doc, new_uid())


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
        doc = self._pending.get(docnum)
        return stored_of(doc) if doc is not None else self._view.stored(docnum)

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
            value = None if doc is None else doc.get(field)
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
        for _n, doc in self._pending.live():
            if doc.get(field):
                counts[str(doc[field])] += 1
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
        if rebuild:  # the commit holds only what this run writes: the old documents are never read
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
            self._segments += [seg.docs, seg.raw]
            self._pending.files.append((seg.docs, len(self._pending.docs), seg.count))
            for doc in _read_raw(seg.raw):
                self._pending.add(doc)

    def reader(self) -> AbstractContextManager[PendingReader]:
        return _reading(PendingReader(self._view, self._deleted, self._pending))

    def add(self, doc: Document) -> None:
        self._pending.made_here.append(self._pending.add(dict(doc)) - self._pending.first)

    def delete(self, docnum: int) -> None:
        i = docnum - self._pending.first
        if 0 <= i < len(self._pending.docs):
            self._pending.docs[i] = None
        else:
            self._deleted.add(docnum)

    def replace(self, docnum: int, doc: Document) -> None:
        self.delete(docnum)
        self.add(doc)

    def commit(self) -> None:
        writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=WRITER_THREADS)
        try:
            schema = build_schema()
            if self._rebuild:
                writer.delete_all_documents()
            elif self._deleted:
                uids = self._view.uids(sorted(self._deleted))
                writer.delete_documents_by_query(tantivy.Query.term_set_query(schema, UID, uids))
            for line in self._pending.json_lines():
                writer.add_json(line)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        writer.wait_merging_threads()
        index_folder.write_record(self._dir, self.generation)
        self._clear_segments()

    def cancel(self) -> None:
        self._clear_segments()

    def _clear_segments(self) -> None:
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
    """What a killed run left waiting for its commit is garbage (the caller holds the lock)."""
    shutil.rmtree(index_dir / index_folder.TEMP_DIR, ignore_errors=True)


__all__ = ["SCHEMA_VERSION", "TantivyIndexWriter", "TantivyWritableIndex", "clear_temp"]
