"""Fixes to how Whoosh 2.7.4 reads an index, applied once on import (Whoosh 2.7 only).

Writing has extension points, and our writers use them (`fast_writer`); reading has none
for these two: a segment is read through the codec pickled with it and through Whoosh's
compound-file class, so the fixes replace the methods themselves.

`W3PerDocReader._cached_reader` caches a column reader only when the column exists, so for
every field without a length column (all ID fields) it asks the file system again, for
every posting written at commit and every length a search asks for: a `stat` each, about a
third of commit time for our schema. The fix caches the absence too. The files of a
segment never change once written, so the cached answer is always right.

`SegmentReader.postings` copies the segment's deleted documents into a new `frozenset` for
every term it opens: on a segment with some thousands of deletions (an update rewrites the
quotes of renamed speakers) that copy was most of the time of `speaker:clinton`, which opens
hundreds of terms per segment. The fix copies once per reader and count of deletions (a
writer may still delete in a segment its reader sees; deletions are only ever added).

`BufferFile` wraps every memory-mapped index file (terms, postings, stored fields) in a
`BytesIO`, which copies the whole file into memory each time an index is opened: for a
2.4 GB index, 2.4 GB read and copied before the first search. `_BufferReader` reads the
mapping in place, only what is asked for.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import whoosh
from whoosh import reading
from whoosh.codec import whoosh3
from whoosh.filedb import structfile


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


def _postings(self: Any, fieldname: str, text: Any, scorer: Any = None) -> Any:
    """`SegmentReader.postings` of Whoosh 2.7.4, the deleted documents' set copied once."""
    from whoosh.matching.wrappers import FilterMatcher
    from whoosh.reading import ReaderClosed, TermNotFound

    if self.is_closed:
        raise ReaderClosed
    if fieldname not in self.schema:
        raise TermNotFound(f"No  field {fieldname!r}")
    text = self._text_to_bytes(fieldname, text)
    format_ = self.schema[fieldname].format
    matcher = self._terms.matcher(fieldname, text, format_, scorer=scorer)
    deleted = deleted_of(self)
    if deleted:
        matcher = FilterMatcher(matcher, deleted, exclude=True)
    return matcher


def deleted_of(segment_reader: Any) -> frozenset[int]:
    """A segment reader's deleted documents, copied once (again when a writer's reader
    deletes more): Whoosh's `SegmentReader.postings` copied them for every posting list."""
    count = segment_reader._segment.deleted_count()
    cached = segment_reader.__dict__.get("_search_deleted")
    if cached is None or cached[0] != count:
        cached = segment_reader.__dict__["_search_deleted"] = (count, frozenset(segment_reader._perdoc.deleted_docs()))
    deleted: frozenset[int] = cached[1]
    return deleted


class _BufferReader:
    """A read-only file over a buffer that slices it instead of copying it whole."""

    def __init__(self, buf: Any) -> None:
        self._buf = buf
        self._pos = 0

    def read(self, n: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._buf) if n is None or n < 0 else min(start + n, len(self._buf))
        self._pos = end
        return bytes(self._buf[start:end])

    def peek(self, n: int) -> bytes:
        """Up to `n` bytes from the position, which stays (`safe_pickle.load` reads a
        pickle from them)."""
        return bytes(self._buf[self._pos : self._pos + n])

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

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def close(self) -> None:
        self._buf = b""


def _buffer_file_init(self: Any, buf: Any, name: str | None = None, onclose: Callable[..., Any] | None = None) -> None:
    self._buf = buf
    self._name = name
    self.file = _BufferReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


PATCHES: list[tuple[type, str, Callable[..., Any]]] = [
    (whoosh3.W3PerDocReader, "_cached_reader", _cached_reader),
    (structfile.BufferFile, "__init__", _buffer_file_init),
    (reading.SegmentReader, "postings", _postings),
]
ORIGINALS = {(cls, name): getattr(cls, name) for cls, name, _ in PATCHES}  # for tests that compare


def apply() -> None:
    """Patch Whoosh 2.7 only: another distribution keeps its own code (and works unpatched)."""
    if not whoosh.versionstring().startswith("2.7."):
        return
    for cls, name, fix in PATCHES:
        setattr(cls, name, fix)


apply()
