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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from search.errors import QuerySyntaxError

if TYPE_CHECKING:
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


def labeller(searcher: Searcher, key: str) -> Callable[[int], str | None]:
    """docnum -> the facet value it is counted under, or None when it is not counted (an
    article in a quote facet, an undated document in a time facet)."""
    base, _, size = key.partition(":")
    if base == "date":
        keys = searcher.date_keys()
        if keys is None:
            return lambda n: None
        memo: dict[int, str | None] = {}

        def date_label(n: int) -> str | None:
            k = keys[n]
            if k not in memo:
                d = searcher.date_of(k)
                memo[k] = bucket(d, size) if d is not None else None
            return memo[k]

        return date_label
    col = searcher.column(FACET_FIELDS[base])
    missing = NO_VALUE[base]
    if base in QUOTE_FACETS:
        kinds = searcher.column("kind")
        if col is None or kinds is None:
            return lambda n: None
        return lambda n: (col[n] or missing) if kinds[n] == "quote" else None
    if col is None:
        return lambda n: missing
    return lambda n: col[n] or missing


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
    label = labeller(searcher, key)
    counts: Counter[str] = Counter()
    uncounted = 0
    for n in docnums:
        v = label(n)
        if v is None:
            uncounted += 1
        else:
            counts[v] += 1
    values = _order(key, counts, limit)
    return [{"value": v, "count": counts.get(v, 0)} for v in values], len(values) if is_time(key) else len(counts), uncounted


def crosstab(searcher: Searcher, row_key: str, col_key: str | None, docnums: Sequence[int], limit: int | None) -> Table:
    """Counts of `docnums` by `row_key`, each row split by `col_key` (None: one column, the
    total). Rows are cut to `limit` unless they are periods; columns never are."""
    rows_of = labeller(searcher, row_key)
    if col_key is None:
        counts: Counter[str] = Counter(v for v in map(rows_of, docnums) if v is not None)
        values = _order(row_key, counts, limit)
        uncounted = len(docnums) - sum(counts.values())
        return Table(row_key, None, [], [(v, counts.get(v, 0), []) for v in values], len(values) if is_time(row_key) else len(counts), [], uncounted)
    cols_of = labeller(searcher, col_key)
    pairs: Counter[tuple[str, str]] = Counter()
    for n in docnums:
        r = rows_of(n)
        if r is not None:
            c = cols_of(n)
            if c is not None:
                pairs[(r, c)] += 1
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
