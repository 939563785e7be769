"""Whoosh 2.7's segment writer, faster, through Whoosh's own extension points.

Every writer of ours is a `FastSegmentWriter`: a `SegmentWriter` given our codec
(`SegmentWriter(codec=...)`) and our posting pool. They write the same postings Whoosh's
writer does (tests/test_whoosh_fixes.py compares them); what they change is what it costs.

`PostingPool` spills sorted runs of postings to disk when a writer's buffer is full (always,
at a corpus of any size) and reads them back to merge them, one `pickle` call per posting
each way. `FastPostingPool` writes and reads runs as `marshal`led lists of 4,096 postings,
each behind its length so that it is read in one call: the same tuples in the same order,
several times faster. Runs are private to one writer and deleted when it finishes, so their
format is nobody else's concern. Its `add` runs once per posting and is Whoosh's without an
`assert isinstance` of values this program builds itself (the same size estimate).

`W3PostingsWriter.add_posting` is the same without its asserts. Its `_write_block` means to
leave a block uncompressed when its pickle is under 20 bytes, but the next line overwrites
that decision, so every block of every term is zlib-compressed, most of them a few postings
long, where compression costs time and saves nothing. Ours leaves blocks of fewer than 8
postings uncompressed (each block records its own compression, and readers handle both).

`FieldWriter.add_postings` asks the segment's length column for the length of a field in a
document once per posting written (a million times for 1,000 articles with their quotes),
each a call through two column readers. Ours hands it a table of every document's length
per field, decoded from the same column once per field: the same numbers.

`NewsCodec` gives the segments it starts a plain `W3Codec`: a segment keeps its codec for
reading, pickled in the index's table of contents, which therefore names only Whoosh's
classes, exactly as before.
"""

from __future__ import annotations

import marshal
import struct
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import IO, Any, Protocol

from whoosh import columns
from whoosh.codec import base, whoosh3
from whoosh.index import FileIndex
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

from search.backend.whoosh.posting_arrays import EXT as ARRAYS_EXT
from search.backend.whoosh.posting_arrays import ArraysWriter, var_bytes

_RUN_BATCH = 4096  # postings per marshalled batch: a merge of 100 runs holds 100 batches
_BATCH_SIZE = struct.Struct("<Q")  # byte length of the marshalled batch that follows
_SMALL_BLOCK = 8  # postings: below this a block is written uncompressed


class _RunStore(Protocol):
    """What reading a run needs of its pool (Whoosh's `PostingPool` and our `TermPool`)."""

    def _open_run(self, path: str) -> Any: ...

    def _remove_run(self, path: str) -> None: ...


def write_run_batch(f: IO[bytes], batch: list[Any]) -> None:
    """One batch of a run: its marshalled length, then the marshalled list (read back by
    `read_run`; search.backend.whoosh.term_pool writes its runs the same way)."""
    data = marshal.dumps(batch)
    f.write(_BATCH_SIZE.pack(len(data)))
    f.write(data)


def read_run(pool: _RunStore, path: str) -> Iterator[Any]:
    """Every item of a run, in order; the run is removed once read."""
    # One read per batch, then marshal.loads on bytes: marshal.load on a file reads it a
    # few bytes at a time through Python calls, five times slower than writing the run.
    f = pool._open_run(path)
    try:
        while head := f.read(_BATCH_SIZE.size):
            (size,) = _BATCH_SIZE.unpack(head)
            yield from marshal.loads(f.read(size))
    finally:
        f.close()
        pool._remove_run(path)


class FastPostingPool(PostingPool):  # type: ignore[misc]  # Whoosh has no type hints
    """Whoosh's pool with runs written and read in marshalled batches (see the module's doc)."""

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        self.fieldnames.add(item[0])
        # Whoosh's estimate of the item's memory: 28 + 4 * 5 + 21 + 26 + 18 + 16 + 21 = 150
        # bytes of object overhead, plus the field name, the term (counted as two bytes a
        # character) and the value.
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        it = iter(items)
        while batch := list(islice(it, _RUN_BATCH)):
            write_run_batch(f, batch)
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        return read_run(self, path)


class _PostingsWriter(whoosh3.W3PostingsWriter):  # type: ignore[misc]
    _maxweight: float
    _minlength: int | None
    _maxlength: int
    _compression: int
    kept: tuple[list[int], list[float]] | None = None  # the term's postings so far, for its field writer's arrays

    def add_posting(self, id_: int, weight: float, vbytes: bytes | None, length: int | None = None) -> None:
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)
        if length:
            minlength = self._minlength
            if minlength is None or length < minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length

    def _write_block(self, last: bool = False) -> None:
        if self.kept is not None:
            self.kept[0].extend(self._ids)
            self.kept[1].extend(self._weights)
        if len(self._ids) >= _SMALL_BLOCK or not self._compression:
            super()._write_block(last)
            return
        level, self._compression = self._compression, 0
        try:
            super()._write_block(last)
        finally:
            self._compression = level


_BYTE_LENGTHS = [None] + [byte_to_length(b) for b in range(1, 256)]  # as doc_field_length decodes them


class FieldLengths:
    """A segment's per-document field lengths, one list per field, answering
    `doc_field_length` as `W3PerDocReader` does (None for a zero byte, `default` when the
    field has no length column)."""

    def __init__(self, reader: whoosh3.W3PerDocReader) -> None:
        self._reader = reader
        self._tables: dict[str, list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        table = self._tables.get(fieldname)
        if table is None:
            table = self._tables[fieldname] = self._table(fieldname, default)
        return table[docnum]

    def _table(self, fieldname: str, default: int) -> list[int | None]:
        count = self._reader.doc_count_all()
        column = self._reader._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is None:
            return [default] * count
        return [_BYTE_LENGTHS[b] for b in (column[n] for n in range(count))]


def field_length_table(lengths: Any) -> Callable[[str], list[int | None] | None]:
    """fieldname -> every document's length of that field, by docnum, as `add_postings`
    reads them one at a time (None when the codec or the field keeps no lengths)."""
    if lengths is None:
        return lambda fieldname: None
    if not isinstance(lengths, whoosh3.W3PerDocReader):
        return lambda fieldname: [lengths.doc_field_length(n, fieldname, 0) for n in range(lengths.doc_count_all())]
    table = FieldLengths(lengths)

    def lengths_of(fieldname: str) -> list[int | None] | None:
        # Not cached (a field's postings are written together), and None for a field without
        # lengths: a list of zeros per field is some MB at a 50,000-article segment.
        if not lengths.has_column(whoosh3._lenfield(fieldname)):
            return None
        return table._table(fieldname, 0)

    return lengths_of


class _FieldWriter(whoosh3.W3FieldWriter):  # type: ignore[misc]
    """Whoosh's, with a table of field lengths, and each long posting list written a second
    time as arrays (`posting_arrays`): by `term_pool` for a worker's segment, from the
    postings writer's blocks for a segment written the Whoosh way (a merge, a commit's)."""

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        self.arrays = ArraysWriter(lambda: segment.create_file(storage, ARRAYS_EXT))
        self._kept: tuple[list[int], list[float]] = ([], [])

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        super().start_field(fieldname, fieldobj)
        if not self._postwriter._byteids:
            self._postwriter.kept = self._kept

    def finish_term(self) -> None:
        super().finish_term()
        ids, weights = self._kept
        self.arrays.add(self._fieldname, self._btext, ids, weights)
        ids.clear()
        weights.clear()

    def close(self) -> None:
        self.arrays.finish()  # before the segment's files are assembled into one
        super().close()

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        if isinstance(lengths, whoosh3.W3PerDocReader):
            lengths = FieldLengths(lengths)
        base.FieldWriter.add_postings(self, schema, lengths, items)


class NewsCodec(whoosh3.W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec writing through the faster postings and field writers above."""

    def field_writer(self, storage: Any, segment: Any) -> _FieldWriter:
        return _FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> _PostingsWriter:
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids, compression=self._compression, inlinelimit=self._inlinelimit)

    def new_segment(self, storage: Any, indexname: str) -> whoosh3.W3Segment:
        # The segment keeps a plain W3Codec, which its readers use (see the module's doc).
        return whoosh3.W3Segment(whoosh3.W3Codec(self._blocklimit, self._compression, self._inlinelimit), indexname)


class FastSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's `SegmentWriter` with our codec and our posting pool; its segment's keyword
    columns are kept as codes beside the posting arrays (`keep_columns`)."""

    pool: Any

    def __init__(self, ix: FileIndex, limitmb: int = 128, codec: Any = None, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, codec=codec or NewsCodec(), **kwargs)
        if type(self.pool) is PostingPool:
            self.pool = FastPostingPool(self._tempstorage, self.newsegment, limitmb=limitmb)

    def _flush_segment(self) -> None:
        # Whoosh's, with the columns kept once they are written (the per-document writer
        # closed) and before the field writer closes the arrays file
        self.perdocwriter.close()
        self.keep_columns()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, pdr, self.pool.iter_postings())
        self.fieldwriter.close()
        if pdr:
            pdr.close()

    def keep_columns(self) -> None:
        """Each keyword column of the new segment, read back once, as codes in its arrays
        file (`posting_arrays.ArraysWriter.add_column`)."""
        arrays = getattr(self.fieldwriter, "arrays", None)
        if arrays is None or not self.docnum:
            return
        pdr = self.per_document_reader()
        try:
            count = pdr.doc_count_all()
            for fieldname, fieldobj in self.schema.items():
                kind = fieldobj.column_type
                if type(kind) is not columns.VarBytesColumn or not pdr.has_column(fieldname):
                    continue
                values = var_bytes(pdr.column_reader(fieldname, kind))
                arrays.add_column(fieldname, values + [b""] * (count - len(values)))
        finally:
            pdr.close()
