"""Count tables (`models.CountTable` in its JSON shape) for people and for spreadsheets.

A facet alone draws as bars; a facet crossed with another as a table of counts with each
row's total, and on a terminal a sparkline per row (the row's counts across the columns,
scaled to the row's own peak, so that a small outlet's rise shows as well as a big one's).
A table wider than the terminal keeps the sparkline, the total and the peak and leaves the
numbers to `--csv` and `--json`.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import click

from search.output.text import facet_text

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    """One character per count, its height the count against the largest ('' for zero
    reads as a gap: a space)."""
    top = max(counts, default=0)
    if not top:
        return " " * len(counts)
    return "".join(" " if n == 0 else SPARKS[min(len(SPARKS) - 1, (n * len(SPARKS) - 1) // top)] for n in counts)


def _cut_label(value: str, most: int = 32) -> str:
    return value if len(value) <= most else value[: most - 1] + "…"


def _heading(table: dict[str, Any]) -> str:
    name = str(table["facet"]) + (f" × {table['by']}" if table["by"] else "")
    rows, values = len(table["rows"]), table["row_values"]
    return name + (f" (top {rows:,} of {values:,})" if values > rows else "")


def table_text(table: dict[str, Any], color: bool, width: int | None) -> str:
    """The table for people; `width` None (piped) prints every number and no sparkline."""
    if not table["by"]:
        counts = [{"value": r["value"], "count": r["total"]} for r in table["rows"]]
        return facet_text(table["facet"], counts, color, values=table["row_values"])
    bold = (lambda s: click.style(s, bold=True)) if color else (lambda s: s)
    rows, columns = table["rows"], table["columns"]
    label_w = max([len(_cut_label(r["value"])) for r in rows] + [len(table["facet"]), 5])
    cell_w = max([len(f"{n:,}") for r in rows for n in r["counts"]] + [len(c) for c in columns] + [1])
    total_w = max([len(f"{r['total']:,}") for r in rows] + [5])
    full = label_w + 2 + len(columns) * (cell_w + 1) + total_w + 1 + (len(columns) + 2 if width else 0)
    lines = [bold(_heading(table))]
    if not rows:
        return lines[0] + ": (none)\n"
    if width is None or full <= width:
        head = f"{'':<{label_w}}  " + " ".join(f"{c:>{cell_w}}" for c in columns) + f" {'total':>{total_w}}"
        lines.append(bold(head.rstrip()))
        for r in rows:
            cells = " ".join(f"{n:>{cell_w},}" for n in r["counts"])
            spark = f"  {_spark(r['counts'], color)}" if width else ""
            lines.append(f"{_cut_label(r['value']):<{label_w}}  {cells} {r['total']:>{total_w},}{spark}")
        sums = " ".join(f"{n:>{cell_w},}" for n in table["column_totals"])
        lines.append(f"{'all':<{label_w}}  {sums} {sum(table['column_totals']):>{total_w},}")
        return "\n".join(lines) + "\n"
    # too wide for the terminal: the shape of each row, its total and its peak
    lines.append(bold(f"{'':<{label_w}}  {columns[0]} … {columns[-1]}  {'total':>{total_w}}  peak"))
    for r in rows:
        peak = columns[r["counts"].index(max(r["counts"]))] if r["counts"] and max(r["counts"]) else "-"
        spark = _spark(r["counts"], color)
        lines.append(f"{_cut_label(r['value']):<{label_w}}  {spark}  {r['total']:>{total_w},}  {peak}")
    lines.append(f"({len(columns):,} columns: too wide for this terminal; --csv or --json give every number)")
    return "\n".join(lines) + "\n"


def _spark(counts: list[int], color: bool) -> str:
    line = sparkline(counts)
    return click.style(line, fg="cyan") if color else line


def table_csv(table: dict[str, Any]) -> str:
    """A header row (the facet, each column, 'total'), then a row per value; a facet alone
    is two columns, the value and its count."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if table["by"]:
        writer.writerow([table["facet"], *table["columns"], "total"])
        for r in table["rows"]:
            writer.writerow([r["value"], *r["counts"], r["total"]])
    else:
        writer.writerow([table["facet"], "count"])
        for r in table["rows"]:
            writer.writerow([r["value"], r["total"]])
    return buf.getvalue()
