"""The Whoosh searcher: runs a parsed request against one snapshot of a Whoosh index.

It implements `search.backend.Searcher`. Filters are answered from posting lists and the
date column rather than through Whoosh's filter pass (which walks posting lists in Python).
The query runs through `bulk`: Whoosh's own matcher tree, evaluated on whole posting lists
as arrays of document numbers (counts, facets, pages sorted by date: nothing is scored) or
with an array of scores (relevance: the same scores Whoosh gives, then the page's best
few), and only within the filter's documents (a sorted array). Columns are read once per
snapshot as plain lists: a list lookup is some forty times faster than Whoosh's column
reader.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import columns
from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.reading import IndexReader
from whoosh.util.times import long_to_datetime

from search.backend.docnums import DocNumbers
from search.backend.whoosh import bulk, posting_arrays
from search.backend.whoosh import index_folder as store
from search.backend.whoosh.highlight import query_phrases, query_terms
from search.backend.whoosh.posting_arrays import var_bytes
from search.backend.whoosh.query import any_of, compile_tree, date_range, describe
from search.identities import Table, load_newest_table, load_table
from search.query import budget
from search.query.language import DEFAULT_FIELDS
from search.query.request import Request
from search.query.snippets import term_of
from search.query.tree import DateRange, Exact, Node

# Whoosh stores a missing DATETIME column value as the largest unsigned 64-bit number.
NO_DATE_KEY = 2**64 - 1
_TERM_CACHE = 1024  # filter values whose documents are remembered per snapshot


def _segment_column(sub: IndexReader, fieldname: str, translate: bool) -> list[Any]:
    """One segment's column values in document order. A numeric column (dates) is read as
    one array, where Whoosh's reader unpacks document by document (0.3 ms instead of 8 ms on
    12,000 documents); other columns translate each distinct value once. A segment without
    the column gets the column's default for each document (Whoosh's multi-reader leaves
    such a segment out, which shifts the documents after it)."""
    fieldobj = sub.schema[fieldname]
    count = sub.doc_count_all()
    if not sub.has_column(fieldname):
        default = fieldobj.column_type.default_value(False)
        return [fieldobj.from_column_value(default) if translate else default] * count
    raw = sub.column_reader(fieldname, translate=False)
    if type(raw) is columns.NumericColumn.Reader and not translate:
        stored = min(raw._count, count)
        numbers = array(raw._typecode, raw._dbfile.get(raw._basepos, stored * raw._fixedlen))
        if sys.byteorder == "little":
            numbers.byteswap()  # Whoosh writes numbers big-endian
        return [*numbers, *[raw._default] * (count - stored)]
    values = var_bytes(raw) if type(raw) is columns.VarBytesColumn.Reader else list(raw)
    if not translate:
        return values
    translated = {v: fieldobj.from_column_value(v) for v in set(values)}  # a corpus has few distinct values
    return list(map(translated.__getitem__, values))


def _segment_codes(sub: IndexReader, fieldname: str) -> tuple[np.ndarray, list[Any]]:
    """One segment's column as a code per document and each code's raw value: the codes the
    segment keeps in its posting arrays, or, for a segment written without them, worked out
    from the column."""
    arrays = posting_arrays.of(sub)
    kept = arrays.column(fieldname) if arrays is not None else None
    if kept is not None and len(kept[0]) == sub.doc_count_all():
        return kept
    code_of: dict[Any, int] = {}
    codes = [code_of.setdefault(v, len(code_of)) for v in _segment_column(sub, fieldname, translate=False)]
    return np.array(codes, dtype=np.int64), list(code_of)


def reader_column(reader: IndexReader, fieldname: str) -> list[Any]:
    """A numeric column's raw values for every document of `reader` (one segment or many)."""
    values: list[Any] = []
    for sub, _offset in reader.leaf_readers():
        values += _segment_column(sub, fieldname, translate=False)
    return values


class SortedColumn:
    """A numeric column's documents in the order of their values, so that a range of values
    is two binary searches and a slice, not a test of every document (7 ms a date range
    on 167,000 documents, 70 ms at ten times that)."""

    def __init__(self, values: list[int]) -> None:
        numbers = np.array(values, dtype=np.uint64)
        self.order = np.argsort(numbers, kind="stable").astype(np.int64)
        self.keys = numbers[self.order]

    @classmethod
    def of(cls, reader: IndexReader, fieldname: str) -> SortedColumn:
        """The reader's, made once: a reader's segments never change."""
        memo = reader.__dict__.setdefault("_search_sorted_columns", {})
        if fieldname not in memo:
            memo[fieldname] = cls(reader_column(reader, fieldname))
        found: SortedColumn = memo[fieldname]
        return found

    def between(self, lo: int, hi: int) -> np.ndarray:
        """Documents whose value is in lo..hi (both included), in document order."""
        start = int(np.searchsorted(self.keys, np.uint64(lo), side="left"))
        stop = int(np.searchsorted(self.keys, np.uint64(hi), side="right"))
        return np.sort(self.order[start:stop])


class WhooshSearcher:
    """`search.backend.Searcher` over one generation of a Whoosh index folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.index: FileIndex
        self.index, self.searcher = store.open_searcher(path)
        self.reader: IndexReader = self.searcher.reader()
        # the schema of the generation opened: `FileIndex.schema` reads the newest table of
        # contents again, which a commit landing now may have deleted
        self.schema = self.searcher.schema
        self.memo: dict[str, Any] = {}
        self._columns: dict[str, list[Any] | None] = {}
        self._terms: dict[tuple[str, str], np.ndarray] = {}
        self._dates: dict[int, dt.date | None] = {}
        self._word_to_term: Callable[[str], str | None] | None = None
        self._compiled: tuple[Request, wq.Query, wq.Query | None] | None = None
        self._spellings: dict[tuple[str, int], list[tuple[str, int]]] = {}  # a word's spellings, remembered

    def close(self) -> None:
        self.searcher.close()

    # -----------------------------------------------------------------------------------
    # Running a request

    def describe(self, tree: Node) -> str:
        return describe(compile_tree(tree, self.schema))

    def compile(self, request: Request) -> tuple[wq.Query, wq.Query | None]:
        """The request's query and filter as Whoosh queries (the filter None when there is
        none). The last request's are kept: a fuzzy term remembers its expansions, which
        highlighting asks for again."""
        if self._compiled is not None and self._compiled[0] is request:
            return self._compiled[1], self._compiled[2]
        query = compile_tree(request.query, self.schema) if request.query is not None else wq.Every()
        filters = [self._filter(f) for f in request.filters]
        if request.dates is not None:
            filters.append(date_range(request.dates.start, request.dates.end))
        flt = filters[0] if len(filters) == 1 else wq.And(filters) if filters else None
        self._compiled = (request, query, flt)
        return query, flt

    @staticmethod
    def _filter(node: Exact | DateRange) -> wq.Query:
        if isinstance(node, Exact):
            return any_of(node.field, node.values)
        return date_range(node.start, node.end)

    def match(self, request: Request, top: int = 0) -> tuple[DocNumbers, list[tuple[float, int]]]:
        query, flt = self.compile(request)
        allowed = self._docset(flt) if flt is not None else None
        if allowed is not None and not len(allowed):
            return DocNumbers(allowed), []  # an empty allow-set means "no filter" to Whoosh's FilterCollector
        if request.query is None:
            deleted = bulk.deleted_mask(self.reader)
            everything = np.arange(self.reader.doc_count_all(), dtype=np.int64) if allowed is None else allowed
            return DocNumbers(everything if deleted is None else everything[~deleted[everything]]), []
        if not top:  # counts, facets, a page by date: which documents, not how well
            return DocNumbers(bulk.docs(self.searcher, query, within=allowed)), []
        found = bulk.scores(self.searcher, query, within=allowed)
        return DocNumbers(found[0]), bulk.top(found, top)

    def count_undated(self, request: Request) -> int:
        query, _ = self.compile(Request(request.query_no_date or request.query))
        parts = [wq.Term("has_date", "no")] if isinstance(query, wq.Every) else [query, wq.Term("has_date", "no")]
        parts += [self._filter(f) for f in request.filters]
        return len(bulk.docs(self.searcher, wq.And(parts)))

    def live_docnums(self) -> list[int]:
        return list(self.reader.all_doc_ids())

    def value_counts(self, matches: Sequence[int], fields: tuple[str, ...], kind: str | None = None) -> Counter[tuple[Any, ...]] | None:
        return None  # Whoosh has no counting of its own: the columns' codes count faster

    def _term_docs(self, fieldname: str, text: str) -> np.ndarray:
        """Live documents holding a term, from its posting list (remembered per snapshot):
        for a filter value this reads a few hundred postings, where inverting the field's
        column read a value for every document."""
        key = (fieldname, text)
        if key not in self._terms:
            if len(self._terms) >= _TERM_CACHE:
                self._terms.clear()
            self._terms[key] = bulk.docs(self.searcher, wq.Term(fieldname, text)) if key in self.reader else bulk.NO_DOCS
        return self._terms[key]

    def _docset(self, q: wq.Query) -> np.ndarray:
        """The documents a filter allows (sorted), without Whoosh's filter pass (which walks
        posting lists in Python and costs ten times more on date ranges): terms from their
        posting lists, date ranges from the date column, the rest through Whoosh. May hold
        deleted documents (date ranges); callers that need live ones remove them."""
        if isinstance(q, wq.And):
            sets = sorted((self._docset(sub) for sub in q.subqueries), key=len)
            found = sets[0] if sets else bulk.NO_DOCS
            for other in sets[1:]:
                found = found[bulk.contains(other, found)]
            return found
        if isinstance(q, wq.Or):
            parts = [self._docset(sub) for sub in q.subqueries]
            return np.unique(np.concatenate(parts)) if parts else bulk.NO_DOCS
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return bulk.NO_DOCS
        if isinstance(q, wq.Term):
            return self._term_docs(q.fieldname, q.text.decode("utf-8") if isinstance(q.text, bytes) else q.text)
        if isinstance(q, wq.NumericRange) and q.fieldname == "date" and self.reader.has_column("date"):
            lo = q.start if q.start is not None else 0
            hi = q.end if q.end is not None else NO_DATE_KEY - 1
            return SortedColumn.of(self.reader, "date").between(lo, hi)
        return bulk.docs(self.searcher, q)

    # -----------------------------------------------------------------------------------
    # Reading documents

    def column(self, fieldname: str) -> list[Any] | None:
        """A sortable field's values for every document number, read once per snapshot: a
        keyword column from its codes (`column_codes`). Dates stay raw integers (undated
        documents hold a value that does not translate to a datetime): `date_keys`,
        `date_of`."""
        if fieldname not in self._columns:
            values: list[Any] | None = None
            coded = self.column_codes(fieldname)
            if coded is not None:
                distinct = np.empty(len(coded[1]), dtype=object)
                distinct[:] = coded[1]
                values = distinct[coded[0]].tolist()
            elif self.reader.has_column(fieldname):
                values = reader_column(self.reader, fieldname)
            self._columns[fieldname] = values
        return self._columns[fieldname]

    def column_codes(self, fieldname: str) -> tuple[np.ndarray, list[Any]] | None:
        """A keyword column as a code per document number and each code's value, read once
        per snapshot: from the codes each segment keeps (`posting_arrays`), each distinct
        value translated once, so that a facet is coded without a value per document (None:
        the date, or no such column)."""
        memo = self.memo.setdefault("column-codes", {})
        if fieldname not in memo:
            memo[fieldname] = self._column_codes(fieldname)
        found: tuple[np.ndarray, list[Any]] | None = memo[fieldname]
        return found

    def _column_codes(self, fieldname: str) -> tuple[np.ndarray, list[Any]] | None:
        fieldobj = self.schema[fieldname] if fieldname in self.schema else None
        if fieldobj is None or fieldname == "date" or not self.reader.has_column(fieldname):
            return None
        code_of: dict[Any, int] = {}
        parts = []
        for sub, _offset in self.reader.leaf_readers():
            codes, raw = _segment_codes(sub, fieldname)
            table = np.array([code_of.setdefault(fieldobj.from_column_value(v), len(code_of)) for v in raw], dtype=np.int64)
            parts.append(table[codes])
        return (np.concatenate(parts) if len(parts) != 1 else parts[0]), list(code_of)

    def date_keys(self) -> list[int] | None:
        return self.column("date")

    def date_of(self, key: int) -> dt.date | None:
        """Raw date column values -> dates, remembered: a corpus has few distinct days."""
        if key not in self._dates:
            self._dates[key] = None if key >= NO_DATE_KEY or key <= 0 else long_to_datetime(key).date()
        return self._dates[key]

    def stored(self, docnum: int) -> dict[str, Any]:
        fields: dict[str, Any] = self.searcher.stored_fields(docnum)
        return fields

    def document(self, **terms: str) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.searcher.document(**terms)
        return found

    def documents(self, **terms: str) -> Iterable[dict[str, Any]]:
        found: Iterable[dict[str, Any]] = self.searcher.documents(**terms)
        return found

    def doc_ids(self, fieldname: str, value: str) -> list[int]:
        found: list[int] = self._term_docs(fieldname, value).tolist()
        return found

    # -----------------------------------------------------------------------------------
    # What the query side needs

    def values(self, fieldname: str) -> list[str]:
        """From the field's term list alone: asking for every term's statistics as well
        (`iter_field`) cost a tenth of a second on a few thousand speakers."""
        return sorted({t.decode("utf-8") if isinstance(t, bytes) else str(t) for t in self.reader.lexicon(fieldname)})

    def doc_frequency(self, fieldname: str, value: str) -> int:
        return int(self.reader.doc_frequency(fieldname, value))

    def identity_table(self) -> Table | None:
        generation = self.reader.generation()
        if generation is None:
            return None
        # A commit since this searcher opened deletes the table of its generation; the newer
        # table names the same people (identities are keyed by name), which beats none.
        return load_table(self.path, generation) or load_newest_table(self.path, after=generation)

    def known_word(self, word: str) -> bool:
        terms = [t.text for t in self.schema["text"].analyzer(word)]
        return not terms or any(self.searcher.doc_frequency(f, t) for t in terms for f in DEFAULT_FIELDS)

    def spellings(self, word: str, maxdist: int) -> list[tuple[str, int]] | None:
        """Segment by segment: a segment reader finds them with an automaton, the whole
        index's reader by comparing the word with every spelling (a second a word on
        PolNeAR train + dev, 20 ms this way)."""
        if "spell_text" not in self.schema:
            return None
        key = (word, maxdist)
        if key not in self._spellings:
            deadline = budget.current()
            texts: set[str] = set()
            for sub, _offset in self.reader.leaf_readers():
                deadline.check()
                texts.update(t.decode("utf-8") if isinstance(t, bytes) else str(t) for t in sub.terms_within("spell_text", word, maxdist))
            if len(self._spellings) >= _TERM_CACHE:
                self._spellings.clear()
            self._spellings[key] = [(text, int(self.reader.doc_frequency("spell_text", text))) for text in sorted(texts)]
        return self._spellings[key]

    def highlight_terms(self, request: Request) -> set[str]:
        if request.query is None:
            return set()
        return query_terms(self.compile(request)[0], self.reader)

    def highlight_phrases(self, request: Request) -> list[tuple[str, ...]]:
        if request.query is None:
            return []
        return query_phrases(self.compile(request)[0])

    def word_to_term(self) -> Callable[[str], str | None]:
        if self._word_to_term is None:
            self._word_to_term = term_of(self.schema["text"].analyzer)
        return self._word_to_term

    def term_frequency(self, fieldname: str, term: str, among: bytes | bytearray) -> int:
        from search.backend.whoosh.term_stats import term_frequency

        return term_frequency(self.reader, fieldname, term, among)

    def field_length(self, fieldname: str, docnums: Iterable[int]) -> int:
        key = f"lengths:{fieldname}"
        if key not in self.memo:
            from search.backend.whoosh.term_stats import field_lengths

            self.memo[key] = field_lengths(self.reader, fieldname)
        return sum(map(self.memo[key].__getitem__, docnums))

    # -----------------------------------------------------------------------------------
    # The index as a whole

    def last_modified(self) -> float:
        # the opened generation's table of contents; a commit since may have replaced it
        generation = self.reader.generation()
        try:
            return float(self.index.storage.file_modified(f"_{store.INDEX_NAME}_{generation}.toc"))
        except OSError:
            return float(self.index.last_modified())

    def size_bytes(self) -> int:
        total = 0
        for p in self.path.iterdir():
            try:  # a writer's commit deletes files while we list them
                total += p.stat().st_size if p.is_file() else 0
            except FileNotFoundError:
                continue
        return total
