"""One snapshot of a tantivy index with dense document numbers, as the protocols want them.

tantivy addresses a document by (segment, document in segment). Here a snapshot's live
documents are listed once (one `all_query` search, milliseconds for 200,000 documents) and
numbered `base[segment] + doc`, the segments laid end to end in tantivy's order, so that
document numbers are dense from 0 (holes where a segment's deleted documents were), stable
for the life of the snapshot, and in index order within a segment. Columns are lists by
document number, read from the fast fields in one call each.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import tantivy

from search.backend.tantivy.schema import COLUMNS, DATE, STORED, UID, build_schema, column_field, decode_stored, value_hash

NO_DATE_KEY = 2**63  # the date key of an undated document (sorts after every day)
_ALL_BUCKETS = 1 << 24  # a terms aggregation's size: every value (tantivy's bucket limit stops it first)


class View:
    """A tantivy searcher with document numbers, stored fields and columns."""

    def __init__(self, searcher: tantivy.Searcher, meta: dict[str, Any] | None = None) -> None:
        self.searcher = searcher
        self.schema = build_schema()
        self.count = int(searcher.num_docs)
        self._columns: dict[str, list[Any] | None] = {}
        self._names: dict[str, dict[int, str]] = {}
        self._listing: tuple[list[tantivy.DocAddress], list[int]] | None = None  # live addresses, their numbers
        self._live: list[int] | None = None
        self._whole = False  # no segment has deleted documents: every number up to `span` is live
        segments = (meta or {}).get("segments") or []
        sizes = [int(m.get("max_doc", 0)) for m in segments]
        deleted = [int((m.get("deletes") or {}).get("num_deleted_docs", 0)) for m in segments]
        if segments and len(segments) == int(getattr(searcher, "num_segments", -1)) and sum(sizes) - sum(deleted) == self.count:
            # the segments of the commit this searcher reads, in its order (tantivy's meta.json)
            self.bases = [sum(sizes[:i]) for i in range(len(sizes))]
            self.span = sum(sizes)
            self._whole = not any(deleted)
        else:
            self._list_from_search()

    def _list_from_search(self) -> None:
        """Number the live documents from one search for all of them."""
        hits = self.searcher.search(tantivy.Query.all_query(), limit=self.count, count=False).hits if self.count else []
        ends: dict[int, int] = {}
        for _s, a in hits:
            seg, doc = a.segment_ord, a.doc
            if doc >= ends.get(seg, 0):
                ends[seg] = doc + 1
        self.bases = []
        start = 0
        for seg in range(max(ends, default=-1) + 1):
            self.bases.append(start)
            start += ends.get(seg, 0)
        self.span = start  # document numbers are 0 .. span - 1
        self._listing = ([a for _s, a in hits], self.docnums(hits))

    def listing(self) -> tuple[list[tantivy.DocAddress], list[int]]:
        """The live documents' addresses and their numbers (in no particular order)."""
        if self._listing is None:
            if self._whole:
                sizes = [*(b - a for a, b in zip(self.bases, self.bases[1:], strict=False)), self.span - self.bases[-1]]
                addresses = [tantivy.DocAddress(seg, d) for seg, size in enumerate(sizes) for d in range(size)]
                self._listing = (addresses, list(range(self.span)))
            else:
                self._list_from_search()
        assert self._listing is not None
        return self._listing

    @property
    def live(self) -> list[int]:
        """The live documents' numbers, in order."""
        if self._live is None:
            self._live = list(range(self.span)) if self._whole else sorted(self.listing()[1])
        return self._live

    def docnum(self, address: tantivy.DocAddress) -> int:
        return self.bases[address.segment_ord] + address.doc

    def docnums(self, hits: Sequence[tuple[Any, tantivy.DocAddress]]) -> list[int]:
        if len(self.bases) == 1:  # one segment (after a merge, or a first build): numbers are tantivy's
            return [a.doc for _s, a in hits]
        bases = self.bases
        return [bases[a.segment_ord] + a.doc for _s, a in hits]

    def address(self, docnum: int) -> tantivy.DocAddress:
        seg = bisect_right(self.bases, docnum) - 1
        if seg < 0 or docnum >= self.span:
            raise IndexError(docnum)
        return tantivy.DocAddress(seg, docnum - self.bases[seg])

    # -- searching ---------------------------------------------------------------------
    def search_all(self, query: tantivy.Query) -> list[tuple[float, int]]:
        """Every live document matching `query`, as (score, docnum), best first."""
        if not self.count:
            return []
        hits = self.searcher.search(query, limit=self.count, count=False).hits
        return list(zip([s for s, _a in hits], self.docnums(hits), strict=True))

    def matching(self, query: tantivy.Query) -> list[int]:
        """Every live document matching `query`, in document number order. (Ordered by a
        fast field, tantivy would not score them, but its ordering costs more than the
        scores.)"""
        if not self.count:
            return []
        hits = self.searcher.search(query, limit=self.count, count=False).hits
        return sorted(self.docnums(hits))

    def count_of(self, query: tantivy.Query) -> int:
        if not self.count:
            return 0
        found: Any = self.searcher.search(query, limit=1, count=True)
        return int(found.count)

    def term_query(self, terms: dict[str, str]) -> tantivy.Query:
        parts = [tantivy.Query.term_query(self.schema, f, v) for f, v in terms.items()]
        return parts[0] if len(parts) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])

    def doc_ids(self, **terms: str) -> list[int]:
        return self.matching(self.term_query(terms)) if terms else list(self.live)

    # -- reading -----------------------------------------------------------------------
    def stored(self, docnum: int) -> dict[str, Any]:
        doc = self.searcher.doc(self.address(docnum))
        data = doc.get_first(STORED)
        return decode_stored(data) if data is not None else {}

    def documents(self, **terms: str) -> Iterator[dict[str, Any]]:
        for n in self.doc_ids(**terms):
            yield self.stored(n)

    def uids(self, docnums: Sequence[int]) -> list[int]:
        values: list[Any] = self.searcher.fast_field_values(UID, [self.address(n) for n in docnums])
        return [int(u) for u in values]

    def fast(self, fname: str, default: Any) -> list[Any]:
        """A numeric fast field's value for every document number (`default` where none)."""
        addresses, numbers = self.listing()
        if self._whole:
            found: list[Any] = self.searcher.fast_field_values(fname, addresses)
            return [default if v is None else v for v in found] if None in found else found
        values = [default] * self.span
        for n, v in zip(numbers, self.searcher.fast_field_values(fname, addresses), strict=True):
            values[n] = default if v is None else v
        return values

    def column(self, fname: str) -> list[Any] | None:
        """A keyword column's values by document number ('' where none), from the hashes in
        its fast field and the field's term list; dates as day keys (`NO_DATE_KEY`)."""
        if fname not in self._columns:
            if fname == DATE:
                self._columns[fname] = self.fast(DATE, NO_DATE_KEY)
            elif fname in COLUMNS:
                names = self.value_names(fname)
                codes = self.fast(column_field(fname), 0)
                try:
                    self._columns[fname] = list(map(names.__getitem__, codes))  # a hash is always of a term of its document
                except KeyError:
                    self._columns[fname] = [names.get(c, "") for c in codes]
            else:
                self._columns[fname] = None
        return self._columns[fname]

    def value_names(self, fname: str) -> dict[int, str]:
        """A keyword column's values by the hash its fast field holds (0: '', no value)."""
        if fname not in self._names:
            names = {value_hash(t): t for t, _n in self.terms(fname)}
            names[0] = ""
            self._names[fname] = names
        return self._names[fname]

    def value_counts(self, query: tantivy.Query, total: int | None, fields: tuple[str, ...]) -> Counter[tuple[Any, ...]] | None:
        """How many of the `total` documents matching `query` (None: not known) hold each
        combination of the fields' values (as `column` gives them), from one tantivy
        aggregation: terms within terms over the fast fields, in Rust, the matches never
        listed. A document without a value counts under the value its column reads as
        ('', no date). None when tantivy cannot (a field with no column, more buckets than
        its limit), and the caller counts another way."""
        if not fields or any(f != DATE and f not in COLUMNS for f in fields):
            return None
        spec: dict[str, Any] = {}
        for depth in reversed(range(len(fields))):
            fname = fields[depth]
            # every document in a bucket: one with no value in the one its column reads as
            terms: dict[str, Any] = {"field": DATE, "missing": NO_DATE_KEY} if fname == DATE else {"field": column_field(fname), "missing": 0}
            terms["size"] = _ALL_BUCKETS
            spec = {f"v{depth}": {"terms": terms, **({"aggs": spec} if spec else {})}}
        try:
            found = self.searcher.aggregate(query, spec)
        except (ValueError, RuntimeError, OverflowError):
            return None  # too many buckets for tantivy's limits: the columns will count
        out: Counter[tuple[Any, ...]] = Counter()
        return out if self._walk(found, fields, 0, (), total, out) else None

    def _walk(
        self, found: dict[str, Any], fields: tuple[str, ...], depth: int, values: tuple[Any, ...], total: int | None, out: Counter[tuple[Any, ...]]
    ) -> bool:
        """Add one level of an aggregation's buckets to `out`; False unless they hold
        exactly the `total` documents of their parent bucket (None: not known)."""
        level = found.get(f"v{depth}") or {}
        if level.get("sum_other_doc_count") or level.get("doc_count_error_upper_bound"):
            return False
        names = None if fields[depth] == DATE else self.value_names(fields[depth])
        left = total or 0
        for b in level.get("buckets", []):
            key, n = int(b["key"]), int(b["doc_count"])
            value = key if names is None else names.get(key, "")
            left -= n
            if depth + 1 == len(fields):
                out[(*values, value)] += n
            elif not self._walk(b, fields, depth + 1, (*values, value), n, out):
                return False
        return total is None or left == 0

    def terms(self, fname: str, prefix: str = "") -> list[tuple[str, int]]:
        """The field's terms starting with `prefix`, each with its document frequency."""
        found: list[tuple[str, int]] = self.searcher.terms_with_prefix(fname, prefix)
        return found

    def term_counts(self, fname: str) -> dict[str, int]:
        """Every term of `fname` with its number of live documents (deleted ones not counted)."""
        return {t: n for t, n in self.searcher.terms_with_prefix(fname, "", filter_query=tantivy.Query.all_query()) if n}
