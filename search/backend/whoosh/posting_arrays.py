"""Long posting lists and keyword columns kept a second time as plain arrays, in a
segment file of their own.

Whoosh stores a posting list as blocks of 128 postings, each a pickled, zlib-compressed
tuple. Reading 'Trump' at 100,000 articles meant 3,300 blocks, each decompressed, matched
against the grammar of what it may hold and unpickled (about 25 µs a block): 80 ms of a
cold search and most of a warm common-word one. So every segment our writers write (a
worker's through `term_pool`, a commit's or a merge's through `fast_writer`) carries one
more file, `<segment>.arr`, stored inside the compound segment file like Whoosh's own: for
every term with at least `MIN_POSTINGS` postings, its document numbers as little-endian
int32 and its weights (none when all are 1.0, else bytes when all are whole numbers up to
255, else the float32 values Whoosh's blocks hold), read in place by `np.frombuffer`. The
arrays hold the very numbers and weights the blocks hold (a test reads both for every
long term), so answers and scores are the same to the bit. The file also keeps each
keyword column (speaker, source, kind...) as a code per document and its distinct values
(`add_column`, `column`): a facet reads codes instead of a value per document.

The file is derived data: a segment without it (an older version's) or a term not in it
is read from the blocks as before, a column from the column. It holds no pickles: a
header, a JSON directory and raw numbers, each checked for size before use, so a damaged
or crafted file is refused with a clear error rather than run.

Layout: `MAGIC` (8 bytes), the arrays (each term's numbers, then its weights, and each
column's codes, each padded to a multiple of 4 bytes), the directory (UTF-8 JSON:
{"postings": {field: its rows as a JSON text: [[term as hex, offset in the arrays, count,
weights kind], ...]}, "columns": {field: [offset, count, bytes per code, the values as a
JSON text of hex]}}; a term's row is looked up in its field's text as written), and the
directory's length (uint32 LE). The directory goes last so that the arrays are written as
the terms are, not held.
"""

from __future__ import annotations

import json
import operator
import struct
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from search.errors import SearchError

MAGIC = b"QSPA\x01\x00\x00\x00"
EXT = ".arr"
MIN_POSTINGS = 1024  # 8 of Whoosh's blocks: shorter lists cost little to read from blocks
_LENGTH = struct.Struct("<I")
ONES, BYTES, FLOATS = 0, 1, 2  # weights kinds
_DTYPES: dict[int, np.dtype[Any]] = {BYTES: np.dtype(np.uint8), FLOATS: np.dtype("<f4")}
_IDS = np.dtype("<i4")


class ArraysWriter:
    """Writes a segment's `.arr` file as the writers go: each long list when its term is
    written, each column once the columns are (nothing held in memory but the directory),
    the directory at the end. The file is made (`create`) by the first thing written."""

    def __init__(self, create: Callable[[], Any]) -> None:
        self.min_postings = MIN_POSTINGS  # read when made, so that a test may lower it
        self._create = create
        self._f: Any = None
        self._terms: dict[str, list[list[Any]]] = {}
        self._columns: dict[str, list[Any]] = {}
        self._size = 0

    def add(self, fieldname: str, tbytes: bytes, ids: list[int], weights: Any) -> None:
        """One term's postings: its document numbers and their weights as stored (float32);
        kept only when the list is long (`min_postings`)."""
        if len(ids) < self.min_postings:
            return
        w = np.asarray(weights, dtype=np.float32)
        if bool((w == 1.0).all()):
            kind, data = ONES, b""
        elif bool((w == np.floor(w)).all()) and float(w.min()) >= 0 and float(w.max()) <= 255:
            kind, data = BYTES, w.astype(np.uint8).tobytes()
        else:
            kind, data = FLOATS, w.astype("<f4").tobytes()
        self._terms.setdefault(fieldname, []).append([tbytes.hex(), self._size, len(ids), kind])
        self._put(np.asarray(ids, dtype=_IDS).tobytes())
        self._put(data)

    def add_column(self, fieldname: str, values: list[bytes]) -> None:
        """A keyword column (every document's value, in document order) as a code per
        document and the distinct values: a facet over it reads the codes in place instead
        of cutting a value per document out of Whoosh's column (0.4 s a column at 100,000
        articles)."""
        code_of: dict[bytes, int] = {}
        codes = [code_of.setdefault(v, len(code_of)) for v in values]
        width = 2 if len(code_of) <= 1 << 16 else 4
        self._columns[fieldname] = [self._size, len(codes), width, json.dumps([v.hex() for v in code_of])]
        self._put(np.asarray(codes, dtype=f"<u{width}").tobytes())

    def _put(self, data: bytes) -> None:
        if self._f is None:
            self._f = self._create()
            self._f.write(MAGIC)
        pad = -len(data) % 4
        self._f.write(data + b"\x00" * pad)
        self._size += len(data) + pad

    def finish(self) -> None:
        """The directory and its length, last, and the file closed (if there is one)."""
        if self._f is None:
            return
        postings = {f: json.dumps(rows, separators=(",", ":")) for f, rows in self._terms.items()}
        directory = json.dumps({"postings": postings, "columns": self._columns}).encode()
        self._f.write(directory + _LENGTH.pack(len(directory)))
        self._f.close()


class PostingArrays:
    """A segment's `.arr` file, read: a term's (document numbers, weights) as int64 and
    float64 arrays, a column's codes and values; None when the file does not hold them."""

    def __init__(self, buf: Any, name: str) -> None:
        self._name = name
        view = memoryview(buf)
        start, end = len(MAGIC), len(view) - _LENGTH.size
        if end < start or bytes(view[:start]) != MAGIC:
            raise self._damaged("it does not start as a posting-arrays file")
        (size,) = _LENGTH.unpack(view[end:])
        if end - size < start:
            raise self._damaged("its directory runs past its start")
        try:
            directory = json.loads(bytes(view[end - size : end]))
            self._rows: dict[str, str] = directory["postings"]
            self._columns: dict[str, list[Any]] = directory["columns"]
            if not isinstance(self._rows, dict) or not isinstance(self._columns, dict):
                raise ValueError("not an object")
        except (ValueError, TypeError, KeyError) as exc:
            raise self._damaged(f"its directory is not readable ({exc!r})") from exc
        self._fields: dict[str, dict[str, tuple[int, int, int]]] = {}
        self._data = view[start : end - size]

    def _field(self, fieldname: str) -> dict[str, tuple[int, int, int]]:
        """A field's terms (as hex) -> (offset, count, weights kind), all of them (`terms`:
        `search check`, tests)."""
        found = self._fields.get(fieldname)
        if found is None:
            try:
                rows = json.loads(self._rows.get(fieldname, "[]"))
                found = {t: (int(at), int(n), int(kind)) for t, at, n, kind in rows}
            except (ValueError, TypeError) as exc:
                raise self._damaged(f"its directory is not readable ({exc})") from exc
            self._fields[fieldname] = found
        return found

    def _damaged(self, why: str) -> SearchError:
        from search.backend.whoosh.index_folder import DAMAGED_HINT

        return SearchError(f"index file {self._name} is damaged: {why}; {DAMAGED_HINT}")

    def _row(self, term: tuple[str, bytes]) -> tuple[int, int, int] | None:
        """A term's (offset, count, weights kind), found in its field's rows as written
        (`["<term as hex>",offset,count,kind]`, hex holding no quote or bracket) without
        reading the rest of them: parsing the rows of the fields a search touches cost 15
        ms of a cold search at 100,000 articles, finding one row costs microseconds."""
        rows = self._rows.get(term[0])
        if rows is None:
            return None
        if not isinstance(rows, str):
            raise self._damaged(f"its directory is not readable (the rows of {term[0]} are not a JSON text)")
        at = rows.find(f'["{term[1].hex()}",')
        if at < 0:
            return None
        try:
            _hex, offset, count, kind = rows[at + 1 : rows.index("]", at)].split(",")
            return int(offset), int(count), int(kind)
        except ValueError as exc:
            raise self._damaged(f"its directory is not readable ({exc})") from exc

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        return self._row(term) is not None

    def get(self, term: tuple[str, bytes]) -> tuple[np.ndarray, np.ndarray] | None:
        where = self._row(term)
        if where is None:
            return None
        at, n, kind = where
        wsize = 0 if kind == ONES else n * _DTYPES[kind].itemsize if kind in _DTYPES else -1
        if at < 0 or n <= 0 or wsize < 0 or at + 4 * n + wsize > len(self._data) or at % 4:
            raise self._damaged(f"term {term[1]!r} of field {term[0]} points outside it")
        ids = np.frombuffer(self._data, dtype=_IDS, count=n, offset=at).astype(np.int64)
        if kind == ONES:
            return ids, np.ones(n)
        weights = np.frombuffer(self._data, dtype=_DTYPES[kind], count=n, offset=at + 4 * n)
        return ids, weights.astype(np.float64)

    def column(self, fieldname: str) -> tuple[np.ndarray, list[bytes]] | None:
        """A keyword column as (a code per document, int64; the value of each code), or
        None when the file does not hold it."""
        row = self._columns.get(fieldname)
        if row is None:
            return None
        try:
            at, n, width, hexes = int(row[0]), int(row[1]), int(row[2]), json.loads(row[3])
            values = [bytes.fromhex(h) for h in hexes]
        except (ValueError, TypeError, IndexError) as exc:
            raise self._damaged(f"its directory is not readable ({exc!r})") from exc
        if at < 0 or n < 0 or width not in (2, 4) or at % 4 or at + n * width > len(self._data):
            raise self._damaged(f"column {fieldname} points outside it")
        codes = np.frombuffer(self._data, dtype=f"<u{width}", count=n, offset=at).astype(np.int64)
        if n and int(codes.max()) >= len(values):
            raise self._damaged(f"column {fieldname} has codes without values")
        return codes, values

    def terms(self) -> Iterator[tuple[str, bytes]]:
        for fieldname in self._rows:
            for t in self._field(fieldname):
                try:
                    yield fieldname, bytes.fromhex(t)
                except ValueError as exc:
                    raise self._damaged(f"its directory is not readable ({exc})") from exc


def var_bytes(raw: Any) -> list[bytes]:
    """A variable-length column's values (source, kind, speaker...) from Whoosh's
    `VarBytesColumn.Reader`, cut from one read of its data in C: Whoosh's reader reads the
    file once per document (0.3 s a column for 800,000 documents)."""
    starts, lengths = raw._offsets, raw._lengths
    if not len(lengths):
        return []
    data = raw._dbfile.get(raw._basepos, starts[-1] + lengths[-1])
    return list(map(data.__getitem__, map(slice, starts, map(operator.add, starts, lengths))))


def of(reader: Any) -> PostingArrays | None:
    """The segment reader's arrays (read once per reader), or None when it has none."""
    memo = reader.__dict__
    if "_search_arrays" not in memo:
        memo["_search_arrays"] = _open(reader)
    found: PostingArrays | None = memo["_search_arrays"]
    return found


def _open(reader: Any) -> PostingArrays | None:
    segment = getattr(reader, "_segment", None)
    storage = getattr(reader, "_storage", None)
    if segment is None or storage is None:
        return None
    name = segment.make_filename(EXT)
    if not storage.file_exists(name):
        return None
    f = storage.open_file(name)
    buf = getattr(f, "_buf", None)
    return PostingArrays(buf if buf is not None else f.read(), name)
