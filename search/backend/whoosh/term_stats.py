"""Word counts over a chosen set of documents, from Whoosh's posting lists and length columns
(for `search speaker`'s distinctive words: a word's count in every quote compared).

Whoosh answers a term's count over the whole index (articles and quotes together) but not
over a subset. Walking a posting list through its matcher costs a Python call or two per
posting (0.7 s for the 1,250 words of the most quoted PolNeAR speaker); here each block of
a W3 posting list is unpickled once (Whoosh's own `_read_data`), its ids undone from gaps
and its weights picked by the document mask in C (`itertools.accumulate`, `compress`): some
three times faster.
A posting list Whoosh keeps inline in its term info is read through its matcher.

Document lengths are the bytes Whoosh records per document and field (`byte_to_length`:
exact to 40 words or so, within about 3% above), read as one array per segment.
"""

from __future__ import annotations

from itertools import accumulate, compress
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.reading import IndexReader, TermNotFound
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = [byte_to_length(b) if b else 0 for b in range(256)]


def term_frequency(reader: IndexReader, fieldname: str, term: str, among: bytes | bytearray) -> int:
    """Occurrences of `term` in `fieldname` of the documents `among` marks (non-zero byte
    at their number: 1). Deleted documents must not be marked: posting lists still hold them."""
    fmt = reader.schema[fieldname].format
    key = term.encode("utf-8")
    total = 0.0
    for sub, offset in reader.leaf_readers():
        try:
            matcher = sub._terms.matcher(fieldname, key, fmt)
        except (KeyError, TermNotFound):
            continue
        mask = memoryview(among)[offset : offset + sub.doc_count_all()]  # a view, not a copy
        if isinstance(matcher, W3LeafMatcher):
            while matcher.is_active():
                if matcher._data is None:
                    matcher._read_data()
                data = matcher._data  # (ids, weights, values) of the block
                ids = data[0] if matcher._byteids else accumulate(data[0])  # ids are stored as gaps
                picked = map(mask.__getitem__, ids)
                weights = data[1]  # None: every weight 1; a float: every weight that
                if weights is None:
                    total += sum(picked)
                elif isinstance(weights, float):
                    total += weights * sum(picked)
                else:
                    total += sum(compress(weights, picked))
                matcher._next_block()
        else:
            while matcher.is_active():
                if mask[matcher.id()]:
                    total += matcher.weight()
                matcher.next()
    return round(total)


def field_lengths(reader: IndexReader, fieldname: str) -> list[int]:
    """Every document's length in words in `fieldname` (0 where it has none), by number."""
    out: list[int] = []
    for sub, _offset in reader.leaf_readers():
        count = sub.doc_count_all()
        column: Any = sub._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if hasattr(sub, "_perdoc") else None
        if column is None:
            out += [0] * count
            continue
        raw = column._dbfile.get(column._basepos, min(column._count, count)) if hasattr(column, "_dbfile") else bytes(column[n] for n in range(count))
        out += [_LENGTH_OF_BYTE[b] for b in raw]
        out += [0] * (count - len(raw))
    return out
