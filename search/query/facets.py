"""Facets and cross-tabs: counts of the matched documents by a field, or by two at once.

Counts come from the backend's columns (`Searcher.column`, `date_keys`), never from stored
fields, so that counting every quote of an index costs a list lookup per document. What is
counted, for every facet alike:

- `speaker`, `type` and `class` count quotes (an article has no speaker): a quote with no
  named speaker is counted under "(no speaker)", not left out.
- `source` and `kind` count every document; one without a source is "(no source)".
- `date:day|month|year` count dated documents by period, in time order, every period from
  the first to the last there (zero where none falls), never cut; undated documents are
  left out and said so in a note.
- Other facets are ordered by count and cut to the `limit` most frequent; how many values
  there were before the cut is kept so that output can say "top N of M".
"""

from __future__ import annotations

import datetime as dt
import operator
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from search.backend.docnums import as_array
from search.errors import QuerySyntaxError

if TYPE_CHECKING:
    import numpy as np

    from search.backend import Searcher

# Facet name -> index field; 'date' buckets are named date:day, date:month or date:year.
FACET_FIELDS = {"speaker": "speaker_name", "source": "source", "kind": "kind", "type": "quote_kind", "class": "cue_class", "group": "group", "date": "date"}
DATE_BUCKETS = ("day", "month", "year")
DEFAULT_DATE_BUCKET = "month"
FACETS = (*[f for f in FACET_FIELDS if f != "date"], "date", *(f"date:{b}" for b in DATE_BUCKETS))
QUOTE_FACETS = ("speaker", "type", "class", "group")  # count quotes only
NO_VALUE = {"group": "(no group)", "speaker": "(no speaker)", "source": "(no source)", "type": "(no type)", "class": "(no class)", "kind": "(no kind)"}


def parse_facet(name: str) -> str:
    """The stable key of a facet: 'date' -> 'date:month'; raises for names we do not facet on."""
    base, _, bucket = name.strip().lower().partition(":")
    if base == "quote_kind":
        base = "type"
    if base == "cue_class":
        base = "class"
    if base not in FACET_FIELDS or (bucket and (base != "date" or bucket not in DATE_BUCKETS)):
        raise QuerySyntaxError(f"unknown facet '{name}'; use {', '.join(FACETS)}")
    return f"date:{bucket or DEFAULT_DATE_BUCKET}" if base == "date" else base


def is_time(key: str) -> bool:
    return key.startswith("date:")


def bucket(d: dt.date, size: str) -> str:
    if size == "year":
        return f"{d.year:04d}"
    if size == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def periods(first: str, last: str, size: str) -> list[str]:
    """Every period from `first` to `last` (labels as `bucket` writes them), both included."""
    if size == "year":
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    if size == "month":
        y, m = int(first[:4]), int(first[5:7])
        out = []
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(day + dt.timedelta(days=i)).isoformat() for i in range((end - day).days + 1)]


class Codes(Protocol):
    """A facet's code per document number (an array, or one code for all)."""

    def __getitem__(self, n: int, /) -> int: ...


def labeller(searcher: Searcher, key: str) -> Callable[[int], str | None]:
    """docnum -> the facet value it is counted under, or None when it is not counted (an
    article in a quote facet, an undated document in a time facet)."""
    codes, labels = coded(searcher, key)
    return lambda n: labels[codes[n]]


class Coding:
    """A facet as a small whole number per document and the label of each number (`labels`;
    code 0, label None: not counted). Numbers are given to labels as values are met
    (`code`), so counts an engine makes by value (`Searcher.value_counts`) need no column:
    a cold search of a large tantivy index counts its facets without reading one. The code
    of every document (`codes`, for counting from the columns) is worked out on first use."""

    def __init__(self, searcher: Searcher, key: str) -> None:
        self._searcher = searcher
        self.base, _, self._size = key.partition(":")
        self.fieldname = FACET_FIELDS[self.base]
        self.quote_only = self.base in QUOTE_FACETS  # any other kind of document is code 0
        self.labels: list[str | None] = [None]
        self._code_of_label: dict[str | None, int] = {None: 0}
        self._by_value: dict[Any, int] = {}
        self._codes: Codes | None = None

    def code(self, value: Any) -> int:
        """The code of a document whose column holds `value` (a quote, if the facet counts
        quotes only)."""
        found = self._by_value.get(value)
        if found is None:
            found = self._by_value[value] = self._code_of(self._label(value))
        return found

    def _label(self, value: Any) -> str | None:
        if self.base == "date":
            day = self._searcher.date_of(value)
            return bucket(day, self._size) if day is not None else None
        return value or NO_VALUE[self.base]

    def _code_of(self, label: str | None) -> int:
        if label not in self._code_of_label:
            self._code_of_label[label] = len(self.labels)
            self.labels.append(label)
        return self._code_of_label[label]

    @property
    def codes(self) -> Codes:
        if self._codes is None:
            self._codes = self._column_codes()
        return self._codes

    def _column_codes(self) -> Codes:
        kept = self._kept_codes()
        if kept is not None:
            return kept
        col = self._searcher.date_keys() if self.base == "date" else self._searcher.column(self.fieldname)
        if col is None:  # an index without this column
            if self.base == "date" or self.quote_only:
                return _Constant(0)
            return _Constant(self._code_of(NO_VALUE[self.base]))
        code_of_value = {v: self.code(v) for v in set(col)}  # a corpus has few distinct values
        codes: Any = map(code_of_value.__getitem__, col)
        if self.quote_only:
            kinds = self._searcher.column("kind")
            if kinds is None:
                return _Constant(0)
            codes = map(operator.mul, codes, map("quote".__eq__, kinds))  # not a quote: 0, not counted
        return array("I", codes)

    def _kept_codes(self) -> Codes | None:
        """The codes from a backend that gives a column as codes (`column_codes`), each
        value's label worked out once: at 100,000 articles a value per document of the
        speaker and kind columns cost 1.4 s of the first facet over speaker."""
        if self.base == "date":
            return None
        column_codes = self._searcher.column_codes
        kept = column_codes(self.fieldname)
        if kept is None:
            return None
        import numpy as np  # a backend that gives codes has imported it already

        codes, values = kept
        out = np.array([self.code(v) for v in values], dtype=np.uint32)[codes]
        if self.quote_only:
            kinds = column_codes("kind")
            if kinds is None:
                return None
            out *= np.array([v == "quote" for v in kinds[1]], dtype=np.uint32)[kinds[0]]  # not a quote: 0, not counted
        return array("I", out.tobytes())


def coded(searcher: Searcher, key: str) -> tuple[Codes, list[str | None]]:
    """The facet as a small whole number per document and the label of each number (None:
    not counted)."""
    c = coding(searcher, key)
    return c.codes, c.labels


def coding(searcher: Searcher, key: str) -> Coding:
    """The facet's `Coding`, kept for the searcher's life (in its `memo`): counting a facet
    from the columns is then `Counter(map(codes.__getitem__, docnums))`, one loop in C,
    where a label worked out per matched document cost 1 µs each (200 ms for every quote of
    10,000 articles, crossed by month)."""
    memo_key = f"facet-codes:{key}"
    if memo_key not in searcher.memo:
        searcher.memo[memo_key] = Coding(searcher, key)
    found: Coding = searcher.memo[memo_key]
    return found


class _Constant:
    """The same code for every document (a facet the index has no column for)."""

    def __init__(self, code: int) -> None:
        self.code = code

    def __getitem__(self, n: int) -> int:
        return self.code


def code_counts(searcher: Searcher, keys: Sequence[str], docnums: Sequence[int]) -> Counter[tuple[int, ...]]:
    """How many of `docnums` fall under each combination of the facets' codes: counted by
    the engine where the backend can (`Searcher.value_counts`, without listing the
    matches), else from the codes of every matched document. When a facet counts quotes
    only, every other document is counted under code 0 for all the facets (it is in no
    row or column of what is counted): the engine then counts the quotes alone, which is
    the same answer for a fraction of the work."""
    codings = [coding(searcher, k) for k in keys]
    quotes_only = any(c.quote_only for c in codings)
    nothing = (0,) * len(codings)
    fields = tuple(dict.fromkeys(c.fieldname for c in codings))
    raw = searcher.value_counts(docnums, fields, "quote" if quotes_only else None)
    if raw is None:
        columns = [c.codes for c in codings]
        counted: Counter[tuple[int, ...]]
        matched = as_array(docnums)
        if matched is not None and all(type(col) is array for col in columns):
            import numpy as np  # a backend that hands an array has imported it already

            counted = _array_counts([np.frombuffer(col, dtype=np.uint32) for col in columns], [len(c.labels) for c in codings], matched)  # type: ignore[call-overload]
        elif len(columns) == 1:
            counted = Counter({(code,): k for code, k in Counter(map(columns[0].__getitem__, docnums)).items()})
        else:
            counted = Counter(zip(*(map(col.__getitem__, docnums) for col in columns), strict=True))
        if not quotes_only or len(codings) == 1:
            return counted
        out: Counter[tuple[int, ...]] = Counter()
        for codes, k in counted.items():
            out[nothing if any(c.quote_only and not code for c, code in zip(codings, codes, strict=True)) else codes] += k
        return out
    out = Counter()
    for values, k in raw.items():
        value_of = dict(zip(fields, values, strict=True))
        out[tuple(c.code(value_of[c.fieldname]) for c in codings)] += k
    others = len(docnums) - sum(raw.values())  # not quotes, when a facet counts quotes only
    if others:
        out[nothing] += others
    return out


def _array_counts(columns: list[np.ndarray], sizes: list[int], matched: np.ndarray) -> Counter[tuple[int, ...]]:
    """`code_counts` for matches held in an array: each combination of codes made one
    number and counted by `bincount`, in C (a Python step per match cost 150 ms a facet
    for the million quotes of 100,000 articles)."""
    import numpy as np

    key = columns[0][matched].astype(np.int64)
    for col, size in zip(columns[1:], sizes[1:], strict=True):
        key = key * size + col[matched]
    combos = 1
    for size in sizes:
        combos *= size
    if combos <= 4 * len(key) + 1_000_000:
        counts = np.bincount(key, minlength=0)
        keys = np.flatnonzero(counts)
        counts = counts[keys]
    else:
        keys, counts = np.unique(key, return_counts=True)
    out: Counter[tuple[int, ...]] = Counter()
    for k, n in zip(keys.tolist(), counts.tolist(), strict=True):
        codes = []
        for size in reversed(sizes[1:]):
            k, code = divmod(k, size)
            codes.append(code)
        out[(k, *reversed(codes))] = n
    return out


def _count(searcher: Searcher, key: str, docnums: Sequence[int]) -> tuple[Counter[str], int]:
    """Matched documents by facet value, and how many are not counted."""
    labels = coding(searcher, key).labels
    counts: Counter[str] = Counter()
    uncounted = 0
    for (code,), k in code_counts(searcher, [key], docnums).items():
        label = labels[code]
        if label is None:
            uncounted += k
        else:
            counts[label] += k
    return counts, uncounted


def by_date(searcher: Searcher, docnums: Sequence[int], newest: bool, stop: int | None = None) -> list[int]:
    """`docnums` newest or oldest first, undated documents last either way, in index order;
    only the first `stop` when given. Each document's place in the index's date order is
    worked out once per searcher, so a page of a listing sorts by one number per match
    (or picks its first few), where sorting (date, docnum) pairs for every match cost
    a third of a second for every quote of 10,000 articles."""
    if searcher.date_keys() is None:
        return list(docnums)[:stop]
    memo_key = f"date-rank:{'newest' if newest else 'oldest'}"
    if memo_key not in searcher.memo:
        searcher.memo[memo_key] = _date_rank(searcher, newest)
    rank: Sequence[int] = searcher.memo[memo_key]
    matched = as_array(docnums)
    if matched is not None and type(rank) is array:  # in C: a million matches sorted in 30 ms, not 300
        import numpy as np

        places = np.frombuffer(rank, dtype=np.uint32)[matched]
        if stop is not None and stop < len(places):
            picked = np.argpartition(places, stop)[:stop]
            order = picked[np.argsort(places[picked])]
        else:
            order = np.argsort(places)  # every place is a different number: no ties
        ordered: list[int] = matched[order].tolist()
        return ordered
    if stop is not None and stop < len(docnums) // 4:
        import heapq

        return heapq.nsmallest(stop, docnums, key=rank.__getitem__)
    return sorted(docnums, key=rank.__getitem__)[:stop]


_ARRAY_RANK = 20_000  # documents from which the date rank is made with numpy (its import: 60-90 ms)


def _date_rank(searcher: Searcher, newest: bool) -> Sequence[int]:
    """Each document's place in the index's date order, newest or oldest first, undated last,
    documents of one day (and the undated) in index order."""
    keys = searcher.date_keys() or []
    if len(keys) >= _ARRAY_RANK:
        return _array_date_rank(searcher, keys, newest)
    undated = {k for k in set(keys) if searcher.date_of(k) is None}  # few distinct days
    # a stable sort: documents of one day stay in index order, newest first or not
    order = sorted(range(len(keys)), key=keys.__getitem__, reverse=newest)
    rank = array("I", bytes(4 * len(keys)))
    place = 0
    for n in [n for n in order if keys[n] not in undated] + [n for n in range(len(keys)) if keys[n] in undated]:
        rank[n] = place
        place += 1
    return rank


def _array_date_rank(searcher: Searcher, keys: list[int], newest: bool) -> Sequence[int]:
    """`_date_rank` by a stable sort in C of each document's day number (the days, few, put
    in order in Python): a sort in Python of 1.7 million documents took a second, paid by
    the first listing of a search at 100,000 articles."""
    import numpy as np

    days = sorted(set(keys))
    dated = [k for k in days if searcher.date_of(k) is not None]
    place_of = {k: i for i, k in enumerate(reversed(dated) if newest else dated)}
    place_of.update(dict.fromkeys((k for k in days if k not in place_of), len(dated)))  # undated: last
    order = np.argsort(np.fromiter(map(place_of.__getitem__, keys), dtype=np.int64, count=len(keys)), kind="stable")
    rank = np.empty(len(keys), dtype=np.uint32)
    rank[order] = np.arange(len(keys), dtype=np.uint32)
    return array("I", rank.tobytes())


@dataclass
class Table:
    """A facet's counts (`columns` empty), or a facet crossed by another (`by`)."""

    facet: str
    by: str | None
    columns: list[str]
    rows: list[tuple[str, int, list[int]]]  # (value, total, counts by column)
    row_values: int  # distinct row values before the cut
    column_totals: list[int] = field(default_factory=list)
    uncounted: int = 0  # matched documents this table does not count (see the module's doc)

    def as_json(self) -> dict[str, Any]:
        return {
            "facet": self.facet,
            "by": self.by,
            "columns": self.columns,
            "rows": [{"value": v, "total": t, "counts": c} for v, t, c in self.rows],
            "row_values": self.row_values,
            "column_totals": self.column_totals,
            "uncounted": self.uncounted,
        }


def _order(key: str, counts: Counter[str], limit: int | None) -> list[str]:
    """The values to show: time facets complete and chronological, others by count, cut."""
    if is_time(key):
        return periods(min(counts), max(counts), key.partition(":")[2]) if counts else []
    ordered = sorted(counts, key=lambda v: (-counts[v], v))
    return ordered[:limit] if limit is not None else ordered


def facet(searcher: Searcher, key: str, docnums: Sequence[int], limit: int | None) -> tuple[list[dict[str, Any]], int, int]:
    """One facet as FacetCounts in their JSON shape, the number of distinct values before
    the cut, and how many matched documents it does not count."""
    counts, uncounted = _count(searcher, key, docnums)
    values = _order(key, counts, limit)
    return [{"value": v, "count": counts.get(v, 0)} for v in values], len(values) if is_time(key) else len(counts), uncounted


def crosstab(searcher: Searcher, row_key: str, col_key: str | None, docnums: Sequence[int], limit: int | None) -> Table:
    """Counts of `docnums` by `row_key`, each row split by `col_key` (None: one column, the
    total). Rows are cut to `limit` unless they are periods; columns never are."""
    if col_key is None:
        counts, uncounted = _count(searcher, row_key, docnums)
        values = _order(row_key, counts, limit)
        return Table(row_key, None, [], [(v, counts.get(v, 0), []) for v in values], len(values) if is_time(row_key) else len(counts), [], uncounted)
    row_labels, col_labels = coding(searcher, row_key).labels, coding(searcher, col_key).labels
    pairs: Counter[tuple[str, str]] = Counter()
    for (row_code, col_code), k in code_counts(searcher, [row_key, col_key], docnums).items():
        rl, cl = row_labels[row_code], col_labels[col_code]
        if rl is not None and cl is not None:
            pairs[(rl, cl)] += k
    row_totals: Counter[str] = Counter()
    col_totals: Counter[str] = Counter()
    for (r, c), k in pairs.items():
        row_totals[r] += k
        col_totals[c] += k
    rows = _order(row_key, row_totals, limit)
    cols = _order(col_key, col_totals, None)
    col_index = {c: i for i, c in enumerate(cols)}
    cells = {r: [0] * len(cols) for r in rows}
    for (r, c), k in pairs.items():
        if r in cells:
            cells[r][col_index[c]] = k
    return Table(
        row_key,
        col_key,
        cols,
        [(r, row_totals.get(r, 0), cells[r]) for r in rows],
        len(rows) if is_time(row_key) else len(row_totals),
        [col_totals.get(c, 0) for c in cols],
        len(docnums) - sum(row_totals.values()),
    )
