"""Fixes to Whoosh 2.7.4 internals that cost us time, applied once on import.

`W3PerDocReader._cached_reader` caches a column reader only when the column exists, so
for every field without a length column (all ID fields) it asks the file system again, for
every posting written at commit: a `stat` per posting, about a third of commit time for our
schema. The fix caches the absence too. The files of a segment never change once written,
so the cached answer is always right.

`BufferFile` wraps every memory-mapped index file (terms, postings, stored fields) in a
`BytesIO`, which copies the whole file into memory each time an index is opened: for a
2.4 GB index, 2.4 GB read and copied before the first search. `_BufferReader` reads the
mapping in place, only what is asked for.

`PostingPool` spills sorted runs of postings to disk when a writer's buffer is full (always,
at a corpus of any size) and reads them back to merge them, one `pickle` call per posting
each way. The fix writes and reads runs as `marshal`led lists of 4,096 postings, each behind
its length so that it is read in one call: the same tuples in the same order, several times
faster. Runs are private to one writer and deleted
when it finishes, so their format is nobody else's concern.

`PostingPool.add` and `W3PostingsWriter.add_posting` run once per posting (twice the
postings of a segment between them) and spend a third of their time on `assert isinstance`
checks of values this program builds itself; the fixes are the same code without them (the
same size estimate, the same block bookkeeping).

`W3PostingsWriter._write_block` means to leave a block uncompressed when its pickle is
under 20 bytes, but the next line overwrites that decision, so every block of every term is
zlib-compressed, most of them a few postings long, where compression costs time and saves
nothing. The fix leaves blocks of fewer than 8 postings uncompressed (each block records
its own compression, and readers already handle both).

`FieldWriter.add_postings` asks the segment's length column for the length of a field in a
document once per posting written (a million times for 1,000 articles with their quotes),
each a call through two column readers. The fix hands it a table of every document's
length per field, decoded from the same column once per field: the same numbers.
"""

from __future__ import annotations

import marshal
import os
import struct
from collections.abc import Callable
from itertools import islice

import whoosh
from whoosh import writing
from whoosh.codec import base, whoosh3
from whoosh.filedb import structfile
from whoosh.util.numeric import byte_to_length

_RUN_BATCH = 4096  # postings per marshalled batch: a merge of 100 runs holds 100 batches


def _cached_reader(self, fieldname, column):
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


_BATCH_SIZE = struct.Struct("<Q")  # byte length of the marshalled batch that follows


def write_run_batch(f, batch: list) -> None:
    """One batch of a run: its marshalled length, then the marshalled list (read back by
    `_read_run`; search.backend.whoosh.term_pool writes its runs the same way)."""
    data = marshal.dumps(batch)
    f.write(_BATCH_SIZE.pack(len(data)))
    f.write(data)


def _write_run(self, f, items):
    it = iter(items)
    while batch := list(islice(it, _RUN_BATCH)):
        write_run_batch(f, batch)
    f.close()


def _read_run(self, path):
    # One read per batch, then marshal.loads on bytes: marshal.load on a file reads it a
    # few bytes at a time through Python calls, five times slower than writing the run.
    f = self._open_run(path)
    try:
        while head := f.read(_BATCH_SIZE.size):
            (size,) = _BATCH_SIZE.unpack(head)
            yield from marshal.loads(f.read(size))
    finally:
        f.close()
        self._remove_run(path)


class _BufferReader:
    """A read-only file over a buffer that slices it instead of copying it whole."""

    def __init__(self, buf) -> None:
        self._buf = buf
        self._pos = 0

    def read(self, n: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._buf) if n is None or n < 0 else min(start + n, len(self._buf))
        self._pos = end
        return bytes(self._buf[start:end])

    def seek(self, pos: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_CUR:
            pos += self._pos
        elif whence == os.SEEK_END:
            pos += len(self._buf)
        self._pos = pos
        return pos

    def tell(self) -> int:
        return self._pos

    def readline(self, limit: int | None = -1) -> bytes:
        end = len(self._buf) if limit is None or limit < 0 else min(self._pos + limit, len(self._buf))
        i = bytes(self._buf[self._pos : end]).find(b"\n")
        return self.read((i + 1) if i >= 0 else end - self._pos)

    def __iter__(self):
        while line := self.readline():
            yield line

    def close(self) -> None:
        self._buf = b""


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self.file = _BufferReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def _pool_add(self, item):
    self.fieldnames.add(item[0])
    # Whoosh's estimate of the item's memory: 28 + 4 * 5 + 21 + 26 + 18 + 16 + 21 = 150 bytes
    # of object overhead, plus the field name, the term (counted as two bytes a character)
    # and the value.
    self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
    if self.currentsize > self.limit:
        self.save()
    self.current.append(item)


def _add_posting(self, id_, weight, vbytes, length=None):
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


_SMALL_BLOCK = 8  # postings: below this a block is written uncompressed
_write_block_compressed = whoosh3.W3PostingsWriter._write_block


def _write_block(self, last=False):
    if len(self._ids) >= _SMALL_BLOCK or not self._compression:
        return _write_block_compressed(self, last)
    level, self._compression = self._compression, 0
    try:
        return _write_block_compressed(self, last)
    finally:
        self._compression = level


_BYTE_LENGTHS = [None] + [byte_to_length(b) for b in range(1, 256)]  # as doc_field_length decodes them


class _FieldLengths:
    """A segment's per-document field lengths, one list per field, answering
    `doc_field_length` as `W3PerDocReader` does (None for a zero byte, `default` when the
    field has no length column)."""

    def __init__(self, reader) -> None:
        self._reader = reader
        self._tables: dict[str, list] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        table = self._tables.get(fieldname)
        if table is None:
            table = self._tables[fieldname] = self._table(fieldname, default)
        return table[docnum]

    def _table(self, fieldname: str, default: int) -> list:
        count = self._reader.doc_count_all()
        column = self._reader._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is None:
            return [default] * count
        return [_BYTE_LENGTHS[b] for b in (column[n] for n in range(count))]


def field_length_table(lengths) -> Callable[[str], list | None]:
    """fieldname -> every document's length of that field, by docnum, as `add_postings`
    reads them one at a time (None when the codec or the field keeps no lengths)."""
    if lengths is None:
        return lambda fieldname: None
    if not isinstance(lengths, whoosh3.W3PerDocReader):
        return lambda fieldname: [lengths.doc_field_length(n, fieldname, 0) for n in range(lengths.doc_count_all())]
    table = _FieldLengths(lengths)

    def lengths_of(fieldname: str) -> list | None:
        # Not cached (a field's postings are written together), and None for a field without
        # lengths: a list of zeros per field is some MB at a 50,000-article segment.
        if not lengths.has_column(whoosh3._lenfield(fieldname)):
            return None
        return table._table(fieldname, 0)

    return lengths_of


_add_postings = base.FieldWriter.add_postings


def _add_postings_with_length_table(self, schema, lengths, items):
    if isinstance(lengths, whoosh3.W3PerDocReader):
        lengths = _FieldLengths(lengths)
    return _add_postings(self, schema, lengths, items)


PATCHES = [
    (whoosh3.W3PerDocReader, "_cached_reader", _cached_reader),
    (writing.PostingPool, "_write_run", _write_run),
    (writing.PostingPool, "_read_run", _read_run),
    (structfile.BufferFile, "__init__", _buffer_file_init),
    (base.FieldWriter, "add_postings", _add_postings_with_length_table),
    (writing.PostingPool, "add", _pool_add),
    (whoosh3.W3PostingsWriter, "add_posting", _add_posting),
    (whoosh3.W3PostingsWriter, "_write_block", _write_block),
]
ORIGINALS = {(cls, name): getattr(cls, name) for cls, name, _ in PATCHES}  # for tests that compare


def apply() -> None:
    """Patch Whoosh 2.7 only: another distribution keeps its own code (and works unpatched)."""
    if not whoosh.versionstring().startswith("2.7."):
        return
    for cls, name, fix in PATCHES:
        setattr(cls, name, fix)


apply()
