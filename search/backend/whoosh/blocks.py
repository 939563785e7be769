"""Whoosh 3 posting blocks, read for their document numbers and weights only.

A block of Whoosh's postings file is a length, a pickled header (postings, last document,
greatest weight, compression, shortest and longest field) and the pickled, usually
zlib-compressed tuple (document numbers, weights, values). The values of a text field are
each posting's positions, pickled with protocol 2 as `_codecs.encode(str, 'latin1')` calls:
unpickling them was two thirds of the time a common word's search took at 100,000 articles
(27 µs a block, for positions only a phrase needs). So `read_ids` decompresses a block only
as far as its numbers and weights, and unpickles just that part: the tuple's first two
items followed by TUPLE2 and STOP.

Safety (see `safe_pickle`): the part unpickled here is first matched, opcode by opcode,
against the grammar of what it may hold (integers, floats, None, tuples of them, memo
puts): nothing in it can name or call anything, so `pickle.loads` may run it. A block that
does not match (another writer, a damaged file) is read the slow, restricted way, whole.
"""

from __future__ import annotations

import pickle
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import Any

from search.backend.whoosh.safe_pickle import INT_LIST
from search.backend.whoosh.safe_pickle import loads as safe_loads

_INT = rb"(?:K.|M..|J.{4})"
_FLOAT = rb"(?:G.{8})"
_MEMO = rb"(?:q.|r.{4})?"


def _tuple_of(item: bytes) -> bytes:
    """A protocol-2 tuple of `item`s: TUPLE1-3 after one to three items, else MARK ... TUPLE."""
    return rb"(?:" + item + rb"(?:\x85|" + item + rb"(?:\x86|" + item + rb"\x87))|\(" + item + rb"*+t)" + _MEMO  # *+: no backtracking


# PROTO 2, the document numbers, the weights (None, one float, or a tuple of floats)
# (a tuple before a lone float: both start with a float)
_IDS_AND_WEIGHTS = re.compile(rb"\x80\x02" + _tuple_of(_INT) + rb"(?:N|" + _tuple_of(_FLOAT) + rb"|" + _FLOAT + rb")", re.S)
# a header: a tuple of six numbers (floats, ints, None, booleans), STOP
_HEADER = re.compile(rb"\x80\x02\((?:" + _INT + rb"|" + _FLOAT + rb"|N|\x88|\x89){6}t" + _MEMO + rb"\.", re.S)
_LENGTH = struct.Struct("!i")
_HEAD_BYTES = 64  # enough for any header
_FIRST_CUT = 2048  # decompressed bytes that hold 128 numbers and weights (at most ~1,800)


class Block:
    """Where a block is, what its header says, and the file to read it from (`get`)."""

    __slots__ = ("get", "count", "last_id", "compression", "data_at", "next_at", "is_last")

    def __init__(self, get: Callable[[int, int], bytes], count: int, last_id: int, compression: int, data_at: int, next_at: int, is_last: bool) -> None:
        self.get = get
        self.count, self.last_id, self.compression = count, last_id, compression
        self.data_at, self.next_at, self.is_last = data_at, next_at, is_last

    def data(self) -> bytes:
        """The block's stored data (compressed when `compression`)."""
        return self.get(self.data_at, self.next_at - self.data_at)

    def whole(self) -> tuple[Any, Any, Any]:
        """(numbers, weights, values): the whole block, unpickled the restricted way."""
        data = self.data()
        found: tuple[Any, Any, Any] = safe_loads(zlib.decompress(data) if self.compression else data)
        return found


def blocks(matcher: Any) -> Iterator[Block]:
    """A Whoosh 3 leaf matcher's blocks from its first to its last, read from the file
    without moving the matcher. From the first, not the one it stands on: Whoosh's
    intersections move their leaves to the first document they share when they are made,
    and a posting list read from there and remembered (a filter's) lacked its first blocks
    in every later search of the snapshot."""
    get = reader_of(matcher._postfile)
    block = _header(get, matcher._baseoffset)
    while True:
        yield block
        if block.is_last:
            return
        block = _header(get, block.next_at)


def read_ids(block: Block) -> tuple[tuple[int, ...], Any]:
    """(document numbers, weights) of a block as Whoosh stores them: the numbers as
    differences unless the field's ids are bytes, the weights None (all 1.0), one float
    (all that) or a tuple."""
    data = block.data()
    head = zlib.decompressobj().decompress(data, _FIRST_CUT) if block.compression else data
    found = _IDS_AND_WEIGHTS.match(head)
    if found is not None:
        ids, weights = pickle.loads(head[: found.end()] + b"\x86.")
        if len(ids) == block.count and (type(weights) is not tuple or len(weights) == block.count):
            return ids, weights
    ids, weights, _values = block.whole()
    return ids, weights


def read_values(block: Block) -> tuple[tuple[int, ...], tuple[Any, ...]]:
    """(document numbers, values) of a block: the whole block (a phrase's positions)."""
    ids, _weights, values = block.whole()
    return ids, values


_COUNT_BYTES = 4  # a `Positions` value: the count of positions, then the pickled list of their differences
_ONE_POSITION = b"\x00\x00\x00\x01\x80\x02]q\x00"  # Whoosh's `Positions` encoding of one position, up to it


def positions(value: bytes, decode: Callable[[bytes], list[int]]) -> list[int]:
    """A posting's positions. A word seen once in a field (most words) is one position,
    read straight from its bytes (the count, then a pickled list of one int); a pickled
    list of ints alone is loaded at once and its differences summed in C; any other value
    goes to the format's own `decode`, which unpickles it (restricted) and sums in Python."""
    if value.startswith(_ONE_POSITION) and value.endswith(b"a."):
        op, arg = value[9], value[10:-2]
        if op == 0x4B and len(arg) == 1:  # BININT1
            return [arg[0]]
        if op == 0x4D and len(arg) == 2:  # BININT2
            return [int.from_bytes(arg, "little")]
        if op == 0x4A and len(arg) == 4:  # BININT
            return [int.from_bytes(arg, "little", signed=True)]
    body = value[_COUNT_BYTES:]
    if INT_LIST.fullmatch(body):
        return list(accumulate(pickle.loads(body)))
    return decode(value)


def _header(get: Callable[[int, int], bytes], at: int) -> Block:
    (length,) = _LENGTH.unpack(get(at, 4))
    head = get(at + 4, _HEAD_BYTES)
    found = _HEADER.match(head)
    if found is not None:
        info = pickle.loads(head[: found.end()])
        size = found.end()
    else:  # not a header this grammar knows: the restricted unpickler, through a file
        import io

        from search.backend.whoosh.safe_pickle import load

        chunk = io.BytesIO(get(at + 4, abs(length)))
        info = load(chunk)
        size = chunk.tell()
    count, last_id, _weight, compression = info[:4]
    return Block(get, count, last_id, compression, at + 4 + size, at + 4 + abs(length), length < 0)


def reader_of(postfile: Any) -> Callable[[int, int], bytes]:
    """The file's `get(position, length)`, straight from its buffer when it has one."""
    buf = getattr(postfile, "_buf", None)
    if buf is None:
        get: Callable[[int, int], bytes] = postfile.get
        return get
    return lambda at, n: bytes(buf[at : at + n])
