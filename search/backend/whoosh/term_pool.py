"""Postings buffered by term while a worker writes its segment, and written a term at a time.

Whoosh's `PostingPool` keeps every posting as its own 5-tuple (field, term, docnum, weight,
value), sorts the tuples, spills them in sorted runs, merges the runs back one posting at a
time through a heap and hands each posting to the field writer with four method calls. At
100,000 articles that is some 85 million postings, and that per-posting Python work was
most of the cost of indexing (quote documents carry about 40% of the postings).

A worker adds documents in docnum order, so a term's postings arrive already sorted: only
the terms need sorting. `TermPool` keeps one flat list per term ([docnum, weight, value,
...]), sorts terms (not postings) when it spills a run, and merges runs term by term; since
runs are written in docnum order, a term's lists from successive runs follow one another.
`GroupedSegmentWriter` then writes each term's postings a block at a time, cut across those
lists without joining them. The segment files
are the same bytes Whoosh's own writer produces (tests compare them), so readers, merges
and every other part of Whoosh are untouched.
"""

from __future__ import annotations

import heapq
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.analysis import IDTokenizer, RegexTokenizer
from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.fields import DATETIME
from whoosh.filedb import filetables
from whoosh.formats import Existence, Positions
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util import random_name
from whoosh.util.numeric import length_to_byte

from search.backend.whoosh.analysis import NewsAnalyzer, NewsPositions, name_chain, positions_of
from search.backend.whoosh.fast_writer import _SMALL_BLOCK, FastSegmentWriter, _PostingsWriter, field_length_table, read_run, write_run_batch

# Estimated bytes of memory, so that a run is spilled at about `limitmb` of real memory:
# a posting is three list slots plus its weight (a float object); a new term adds its dict
# slot, its list and its bytes.
_POSTING_BYTES = 56
_TERM_BYTES = 200
# Postings per marshalled batch of a run: a merge holds one batch of every run at once.
_RUN_BATCH_POSTINGS = 16_384


_MEMO_LIMIT = 100_000  # dates remembered per field before the memo starts over
_TERM_INFO = W3TermInfo._struct
_ROW_LENGTHS = struct.Struct("!ii")  # filetables' lengths of a row's key and value

Flat = list[Any]  # a term's postings, flat: [docnum, weight, value, docnum, weight, value, ...]
Terms = Iterator[tuple[str, bytes, list[Flat]]]  # (field, term, its postings in parts)


class TermPool:
    """Stands in for Whoosh's PostingPool in a segment writer whose documents arrive in
    docnum order (a worker's own new segment; never a merge, which adds postings of older
    segments out of order)."""

    def __init__(self, tempstore: Any, limitmb: int = 128) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.fieldnames: set[str] = set()  # Whoosh's writer reads it
        self._fields: dict[str, dict[bytes, Flat]] = {}
        self._size = 0
        self._runs: list[str] = []

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting, as Whoosh's writer gives it: (field, term, docnum, weight, value)."""
        fieldname, tbytes, docnum, weight, vbytes = item
        self.add_field(fieldname, docnum, ((tbytes, 0, weight, vbytes),), 1, False)  # an int boost keeps an int weight

    def add_field(
        self, fieldname: str, docnum: int, items: Iterable[tuple[bytes, int, float, bytes | None]], boost: float, scorable: bool
    ) -> tuple[int, bytes | None]:
        """Every posting of one field of one document: `items` as `FieldType.index` gives
        them. Returns the field's length (as Whoosh counts it) and the last value (which
        Whoosh gives the field's spelling postings)."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        size = length = 0
        vbytes = None
        for tbytes, freq, weight, vbytes in items:
            if scorable:
                length += freq
            flat = terms.get(tbytes)
            if flat is None:
                terms[tbytes] = [docnum, weight * boost, vbytes]
                size += _TERM_BYTES + len(tbytes) + len(vbytes or b"")
            else:
                flat += (docnum, weight * boost, vbytes)
                size += _POSTING_BYTES + len(vbytes or b"")
        self._size += size
        if self._size > self.limit:
            self.save()
        return length, vbytes

    def add_text(self, fieldname: str, docnum: int, fmt: NewsPositions, analyzer: NewsAnalyzer, value: str, scorable: bool) -> tuple[int, bytes | None]:
        """`add_field` for text a `NewsAnalyzer` analyses into `NewsPositions` postings:
        `fmt.word_values` and the pool's loop in one (the same postings, in the same order;
        text is most of all postings)."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        fb = fmt.field_boost
        size = length = 0
        encoded = None
        for word, poslist, encoded in fmt.encoded_positions(positions_of(analyzer.words(value))):
            n = len(poslist)
            if scorable:
                length += n
            tbytes = word.encode("utf-8")
            flat = terms.get(tbytes)
            if flat is None:
                terms[tbytes] = [docnum, float(n) * fb, encoded]
                size += _TERM_BYTES + len(tbytes) + len(encoded)
            else:
                flat += (docnum, float(n) * fb, encoded)
                size += _POSTING_BYTES + len(encoded)
        self._size += size
        if self._size > self.limit:
            self.save()
        return length, encoded

    def add_term(self, fieldname: str, docnum: int, tbytes: bytes, weight: float) -> None:
        """`add_field` for a field whose value is one term without a value (an ID field)."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        flat = terms.get(tbytes)
        if flat is None:
            terms[tbytes] = [docnum, weight, b""]
            self._size += _TERM_BYTES + len(tbytes)
        else:
            flat += (docnum, weight, b"")
            self._size += _POSTING_BYTES
        if self._size > self.limit:
            self.save()

    def _sorted_terms(self) -> Iterator[tuple[str, bytes, Flat]]:
        fields = self._fields
        for fieldname in sorted(fields):
            terms = fields[fieldname]
            for tbytes in sorted(terms):
                yield fieldname, tbytes, terms[tbytes]

    def save(self) -> None:
        """Spill the buffered postings to a run on disk, sorted by field and term."""
        if not self._fields:
            return
        path = f"{random_name()}.run"
        with self.tempstore.create_file(path).raw_file() as f:
            batch: list[tuple[str, bytes, Flat]] = []
            held = 0
            for item in self._sorted_terms():
                batch.append(item)
                held += len(item[2])
                if held >= 3 * _RUN_BATCH_POSTINGS:
                    write_run_batch(f, batch)
                    batch, held = [], 0
            if batch:
                write_run_batch(f, batch)
        self._runs.append(path)
        self._fields = {}
        self._size = 0

    def _open_run(self, path: str) -> Any:
        return self.tempstore.open_file(path).raw_file()

    def _remove_run(self, path: str) -> None:
        self.tempstore.delete_file(path)

    def terms(self) -> Terms:
        """Every (field, term, parts) in field and term order, each term once; its postings
        are the parts' flat lists [docnum, weight, value, ...] one after the other, in docnum
        order (a list per run that holds the term: never joined, a common term's postings
        would be copied whole)."""
        if not self._runs:
            for fieldname, tbytes, flat in self._sorted_terms():
                yield fieldname, tbytes, [flat]
            self._fields = {}
            return
        sources = [read_run(self, path) for path in self._runs]
        sources.append(self._sorted_terms())  # what is still in memory holds the last docnums
        runs = [((f, t, i, flat) for f, t, flat in source) for i, source in enumerate(sources)]
        self._runs = []
        key: tuple[str, bytes] | None = None
        parts: list[Flat] = []
        for f, t, _, flat in heapq.merge(*runs):  # ties on (field, term) go in run order
            if (f, t) != key:
                if key is not None:
                    yield key[0], key[1], parts
                key, parts = (f, t), [flat]
            else:
                parts.append(flat)
        if key is not None:
            yield key[0], key[1], parts
        self._fields = {}

    def cleanup(self) -> None:
        for path in self._runs:
            try:
                self._remove_run(path)
            except OSError:
                pass
        self._runs = []
        self._fields = {}


def write_terms(fieldwriter: Any, schema: Any, lengths: Any, terms: Terms) -> None:
    """Write grouped postings through a W3 field writer, a block at a time: the same bytes
    `FieldWriter.add_postings` writes per posting, with the same block statistics.

    A term's blocks, its term info and its row of the term table are encoded here in one
    go (`_TermBytes`), each the bytes Whoosh's `W3PostingsWriter`, `W3TermInfo` and
    `OrderedHashWriter` give them (tests compare the segments with Whoosh's writer's): most
    terms have one short block, and going through those objects cost some twenty Python
    calls a term, a third of writing a segment. A codec this does not know is written
    through the objects. Long lists also go to the field writer's arrays (see
    `posting_arrays`)."""
    table = field_length_table(lengths)
    writer = _TermBytes(fieldwriter) if _TermBytes.fits(fieldwriter) else None
    lastfn = None
    lens = None
    for fieldname, tbytes, parts in terms:
        if fieldname != lastfn:
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            lastfn = fieldname
            lens = table(fieldname)
            if writer is not None:
                writer.start_field(fieldwriter)
        if writer is not None:
            writer.write(tbytes, parts, lens)
            continue
        fieldwriter.start_term(tbytes)
        pw = fieldwriter._postwriter
        for n, (ids, weights, values) in enumerate(_blocks(parts, pw._blocklimit)):
            if n:
                pw._write_block()  # every block but the last, which finish_term writes
            pw._ids = array("I", ids)
            pw._weights = array("f", weights)
            pw._values = [v for v in values if v]
            top = max(weights)
            pw._maxweight = top if top > 0 else 0
            if lens is not None:
                nonzero = [x for x in (lens[d] for d in ids) if x]
                if nonzero:
                    pw._minlength = min(nonzero)
                    pw._maxlength = max(nonzero)
        fieldwriter.finish_term()
    if lastfn is not None:
        fieldwriter.finish_field()
    if writer is not None:
        writer.check()


class _TermBytes:
    """Writes a field's terms, each in one call (see `write_terms`): the posting blocks as
    `W3PostingsWriter._write_block` (with `fast_writer._PostingsWriter`'s rule for small
    blocks) writes them, the term info as `W3TermInfo.to_bytes` packs it, the row as
    `OrderedHashWriter.add` adds it. File positions are counted, not asked for (a system
    call each), and checked at the end."""

    @staticmethod
    def fits(fieldwriter: Any) -> bool:
        """Whether the field writer is the W3 one this knows the bytes of."""
        return (
            isinstance(fieldwriter, whoosh3.W3FieldWriter)
            and type(fieldwriter._tindex) is filetables.OrderedHashWriter
            and type(fieldwriter._codec.postings_writer(fieldwriter._postfile)) is _PostingsWriter
            and fieldwriter._codec._inlinelimit <= 1  # no term's postings inlined in its info
        )

    def __init__(self, fieldwriter: Any) -> None:
        self._arrays = getattr(fieldwriter, "arrays", None)
        self._fieldname = ""
        self._postfile = fieldwriter._postfile
        self._tindex = fieldwriter._tindex
        self._postpos = self._postfile.tell()
        self._tpos = self._tindex.dbfile.tell()
        self._limit = 0
        self._compression = 0
        self._fixed: int | None = None
        self._prefix = b""

    def start_field(self, fieldwriter: Any) -> None:
        """Take the field the writer has just started (`W3FieldWriter.start_field`, which
        writes nothing)."""
        pw = fieldwriter._postwriter
        self._limit = pw._blocklimit
        self._compression = pw._compression
        self._fixed = fieldwriter._format.fixed_value_size()
        self._prefix = pack_ushort(fieldwriter._fieldid)
        self._fieldname = fieldwriter._fieldname

    def check(self) -> None:
        """The positions counted are the files' (nothing else wrote to them meanwhile)."""
        if self._postfile.tell() != self._postpos or self._tindex.dbfile.tell() != self._tpos:
            raise RuntimeError("a segment's postings or term files were written behind the term writer's back")

    def write(self, tbytes: bytes, parts: list[Flat], lens: list[int | None] | None) -> None:
        fixed, level = self._fixed, self._compression
        chunks = [WHOOSH3_HEADER_MAGIC]
        total: float = 0
        df = 0
        minlength: int | None = None
        maxlength = 0
        maxweight: float = 0
        minid: int | None = None
        maxid = 0
        blocks = list(_blocks(parts, self._limit))
        last = len(blocks) - 1
        # collected only when the term may be long enough for the arrays (which decide)
        arrays = self._arrays if self._arrays is not None and (last + 1) * self._limit >= self._arrays.min_postings else None
        long_ids: list[int] = []
        long_weights: list[float] = []
        for n, (ids, weights, values) in enumerate(blocks):
            stored = array("f", weights)
            top = max(weights)
            bmax = top if top > 0 else 0
            bmin: int | None = None
            bmaxlen = 0
            if lens is not None:
                nonzero = [x for x in (lens[d] for d in ids) if x]
                if nonzero:
                    bmin, bmaxlen = min(nonzero), max(nonzero)
            if arrays is not None:
                long_ids += ids
                long_weights += stored
            # W3TermInfo.add_block
            total += sum(stored)
            df += len(ids)
            minlength = bmin if minlength is None else min(minlength, bmin)  # type: ignore[type-var]  # as Whoosh
            maxlength = max(maxlength, bmaxlen)
            maxweight = max(maxweight, bmax)
            if minid is None:
                minid = ids[0]
            maxid = ids[-1]
            # W3PostingsWriter._write_block: ids delta-coded, weights and values made small
            count = len(ids)
            if stored.count(1.0) == count:
                mini_weights: Any = None
            elif stored.count(stored[0]) == count:
                mini_weights = stored[0]
            else:
                mini_weights = tuple(stored)
            kept = [v for v in values if v]
            mini_values: Any = tuple(kept) if fixed is None or fixed < 0 else (None if fixed == 0 else b"".join(kept))
            data = pickle.dumps((tuple(_deltas(ids)), mini_weights, mini_values), 2)
            comp = level if count >= _SMALL_BLOCK else 0
            if comp:
                data = zlib.compress(data, comp)
            info = pickle.dumps((count, ids[-1], bmax, comp, length_to_byte(bmin), length_to_byte(bmaxlen)), 2)
            size = len(info) + len(data)
            chunks += (pack_int(-size if n == last else size), info, data)
        if arrays is not None:
            arrays.add(self._fieldname, tbytes, long_ids, long_weights)
        blob = b"".join(chunks)
        offset = self._postpos
        self._postfile.write(blob)
        self._postpos = offset + len(blob)
        info_bytes = (
            _TERM_INFO.pack(False, total, df, 0 if minlength is None else length_to_byte(minlength), length_to_byte(maxlength), maxweight, minid, maxid)
            + pack_long(offset)
            + pack_int(len(blob))
        )
        # OrderedHashWriter.add
        tindex = self._tindex
        key = self._prefix + tbytes
        if key <= tindex.lastkey:
            raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{key!r}")
        pos = self._tpos
        tindex.index.append(pos)
        row = _ROW_LENGTHS.pack(len(key), len(info_bytes)) + key + info_bytes
        tindex.dbfile.write(row)
        self._tpos = pos + len(row)
        h = tindex.hashfn(key)
        tindex.buckets[h & 255].append((h, pos))
        tindex.lastkey = key


def _deltas(ids: list[int]) -> Iterator[int]:
    base = 0
    for n in ids:
        yield n - base
        base = n


def _blocks(parts: list[Flat], limit: int) -> Iterator[tuple[list[int], list[float], list[bytes | None]]]:
    """(docnums, weights, values) of each block of `limit` postings of a term whose postings
    are the flat lists `parts` one after the other: all blocks full but the last."""
    step = 3 * limit
    pending: Flat = []
    for flat in parts:
        start = 0
        if pending:
            start = step - len(pending)
            pending = pending + flat[:start]
            if len(pending) < step:
                continue
            yield pending[0::3], pending[1::3], pending[2::3]
            pending = []
        n = len(flat)
        if start == 0 and n <= step:
            pending = flat  # the usual case: a term's postings fit one block
            continue
        while n - start > step:
            chunk = flat[start : start + step]
            yield chunk[0::3], chunk[1::3], chunk[2::3]
            start += step
        pending = flat[start:]
    if pending:
        yield pending[0::3], pending[1::3], pending[2::3]


@dataclass(frozen=True)
class _FieldPlan:
    """What `add_document` asks of a field, asked once per writer instead of per document."""

    field: Any
    indexed: bool
    scorable: bool
    spelling: str | None  # the field of its unstemmed spelling words
    vector: Any
    stored: bool
    column: Any
    one_term: float = 0.0  # an ID field (its value one term, posted with this weight); 0: another kind
    memo: dict[Any, tuple[Any, ...]] | None = None  # a date field's postings by value
    news: bool = False  # text analysed by NewsAnalyzer into NewsPositions (TermPool.add_text)


class GroupedSegmentWriter(FastSegmentWriter):
    """A SegmentWriter for a new segment filled in docnum order (see the module's doc)."""

    pool: Any  # Whoosh's pool, or a TermPool

    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        if isinstance(self.fieldwriter, whoosh3.W3FieldWriter):
            self.pool = TermPool(self._tempstorage, limitmb=limitmb)
        self._plans: dict[str, _FieldPlan] = {}

    def add_document(self, **fields: Any) -> None:
        """Whoosh's `SegmentWriter.add_document`, with each field's postings handed to the
        pool in one call, and the two kinds of field that make up most postings (one-term
        IDs and `NewsAnalyzer` text) indexed without Whoosh's token-by-token pipeline."""
        pool = self.pool
        if not isinstance(pool, TermPool):
            super().add_document(**fields)
            return
        self._check_state()
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        fieldnames = sorted(fields)
        if any(name.startswith("_") for name in fieldnames):  # boosts or custom stored values
            self._add_document_with_options(fields)
            return
        plans = self._plans
        perdocwriter.start_doc(docnum)
        # the segment's column writers, by field (what `add_column_value` looks up on each call)
        columns = perdocwriter._colwriters if type(perdocwriter) is whoosh3.W3PerDocWriter else {}
        vbytes = None
        for fieldname in fieldnames:
            plan = plans.get(fieldname) or self._plan(fieldname)
            value = fields[fieldname]
            if value is None:
                continue
            field = plan.field
            length = 0
            if plan.one_term and type(value) is str:
                pool.add_term(fieldname, docnum, value.encode("utf-8"), plan.one_term)
                vbytes = b""
            elif plan.news and type(value) is str:
                length, last = pool.add_text(fieldname, docnum, field.format, field.analyzer, value, plan.scorable)
                if last is not None:
                    vbytes = last
            elif plan.indexed:
                memo = plan.memo
                if memo is None:
                    items = _index(field, value)
                else:  # a date: the same few thousand values, each converted once
                    items = memo.get(value)
                    if items is None:
                        if len(memo) >= _MEMO_LIMIT:
                            memo.clear()
                        items = memo[value] = tuple(_index(field, value))
                length, last = pool.add_field(fieldname, docnum, items, 1.0, plan.scorable)
                if last is not None:
                    vbytes = last
            if plan.spelling:
                for word in field.spellable_words(value):
                    pool.add((plan.spelling, word.encode("utf-8"), 0, 1, vbytes))  # Whoosh's values, as it gives them
            if plan.vector:
                vitems = sorted((text, weight, vb) for text, _, weight, vb in plan.vector.word_values(value, field.analyzer, mode="index"))
                perdocwriter.add_vector_items(fieldname, field, vitems)
            if plan.stored or length:
                perdocwriter.add_field(fieldname, field, value if plan.stored else None, length)
            if plan.column:
                column = columns.get(fieldname)
                if column is None:  # the field's first value in this segment: Whoosh creates the column
                    perdocwriter.add_column_value(fieldname, plan.column, field.to_column_value(value))
                else:
                    column.add(docnum, field.to_column_value(value))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_document_with_options(self, fields: dict[str, Any]) -> None:
        # "_boost", "_<field>_boost", "_stored_<field>": rare, left to Whoosh's own loop
        # with its postings handed to the pool one at a time.
        super().add_document(**fields)

    def _plan(self, fieldname: str) -> _FieldPlan:
        if fieldname not in self.schema:
            self._check_fields(self.schema, [fieldname])  # raises Whoosh's UnknownFieldError
        field = self.schema[fieldname]
        plan = self._plans[fieldname] = _FieldPlan(
            field=field,
            indexed=field.indexed,
            scorable=field.scorable,
            spelling=field.spelling_fieldname(fieldname) if field.separate_spelling() else None,
            vector=field.vector or None,
            stored=field.stored,
            column=field.column_type or None,
            one_term=float(field.format.field_boost) if _one_term(field) else 0.0,
            memo={} if type(field) is DATETIME else None,
            news=bool(field.indexed and type(field.format) is NewsPositions and type(field.analyzer) is NewsAnalyzer),
        )
        return plan

    def add_reader(self, reader: Any) -> None:
        raise NotImplementedError("a GroupedSegmentWriter only adds new documents")

    def _flush_segment(self) -> None:
        if not isinstance(self.pool, TermPool):
            super()._flush_segment()
            return
        self.perdocwriter.close()
        self.keep_columns()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        write_terms(self.fieldwriter, self.schema, pdr, self.pool.terms())
        self.fieldwriter.close()
        if pdr:
            pdr.close()


def _one_term(field: Any) -> bool:
    """Whether a field indexes a string value as one term, posted without frequency (an ID)."""
    if not field.indexed or field.scorable:
        return False
    return type(field.format) is Existence and type(field.analyzer) is IDTokenizer and field.format.field_boost > 0


def _index(field: Any, value: Any) -> Any:
    """What `field.index(value)` gives, computed directly for a one-term ID field, for
    space-separated terms without frequencies (the `fp` field) and for text analysed by
    `NewsAnalyzer` (the same tuples: tests compare the segments)."""
    fmt = field.format
    if isinstance(value, str):
        if type(fmt) is Existence:
            analyzer = field.analyzer
            if type(analyzer) is IDTokenizer:
                return ((value.encode("utf-8"), 1, fmt.field_boost, b""),)
            if type(analyzer) is RegexTokenizer and not analyzer.gaps and not analyzer.expression.groups:
                boost = fmt.field_boost
                return [(word.encode("utf-8"), 1, boost, b"") for word in set(analyzer.expression.findall(value))]
        if type(fmt) is NewsPositions and type(field.analyzer) is NewsAnalyzer:
            return [(word.encode("utf-8"), n, weight, vb) for word, n, weight, vb in fmt.word_values(value, field.analyzer, mode="index")]
        if type(fmt) is Positions:
            name = name_chain(field.analyzer)
            if name is not None:
                return _name_postings(fmt, name, value)
    return field.index(value)


def _name_postings(fmt: Positions, chain: tuple[Any, Any, Any], value: str) -> list[tuple[bytes, int, float, bytes]]:
    """`Positions.word_values` through the chain `name_chain` found, without tokens: each
    word lower-cased and mapped, with its positions, in the order words first occur."""
    _, expression, charmap = chain
    poses = positions_of(word.lower().translate(charmap) for word in expression.findall(value))
    fb = fmt.field_boost
    return [(w.encode("utf-8"), len(ps), float(len(ps)) * fb, fmt.encode(ps)) for w, ps in poses.items()]
