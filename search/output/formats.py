"""Output formats: one place for how records are shown to people and handed to scripts.

Scripts get the pydantic models as JSON (`--json`: one object; `--jsonl`: one record per
line; `--csv`: one row per record with the model's fields as columns). People get a compact
listing, coloured on a terminal and plain when piped (click decides).

Search results arrive here in their JSON shape (`Index.search_json`: plain dicts, the
models' `model_dump(mode="json")`), so that `search query` loads pydantic only for CSV,
which needs the column list; every other command hands over models.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from pydantic import BaseModel

FORMATS = ("text", "json", "jsonl", "csv")


def _plain(v: Any) -> Any:
    """A model, or a dict or list holding models, as JSON-ready values."""
    if hasattr(v, "model_dump"):
        return v.model_dump(mode="json")
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def to_json(value: BaseModel | Sequence[BaseModel] | dict) -> str:
    """Indented JSON, non-ASCII kept as it is (the same text as pydantic's `model_dump_json`)."""
    return json.dumps(_plain(value), indent=2, ensure_ascii=False)


def to_jsonl(records: Iterable[BaseModel | dict]) -> str:
    """One compact JSON object per line, as pydantic's `model_dump_json()` writes them."""
    return "".join(json.dumps(_plain(r), ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)


def to_csv(records: Sequence[BaseModel | dict], model: type[BaseModel]) -> str:
    """Spreadsheet rows: lists joined with '; ', nested values as JSON."""
    import csv  # only CSV output needs it

    buf = io.StringIO()
    names = list(model.model_fields)
    writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for r in records:
        row = dict(_plain(r))
        for k, v in row.items():
            if isinstance(v, list):
                row[k] = "; ".join(json.dumps(x) if isinstance(x, (list, dict)) else str(x) for x in v)
            elif v is None:
                row[k] = ""
        writer.writerow(row)
    return buf.getvalue()


def render(records: Sequence[BaseModel], fmt: str, model: type[BaseModel], text_fn) -> str:
    """Render a list of records in `fmt`; `text_fn` draws one record for people."""
    if fmt == "json":
        return to_json(records) + "\n"
    if fmt == "jsonl":
        return to_jsonl(records)
    if fmt == "csv":
        return to_csv(records, model)
    return "".join(text_fn(r) for r in records)


# ---------------------------------------------------------------------------------------
# For people


def highlight(snippet: str, spans: list[tuple[int, int]], color: bool) -> str:
    out, last = [], 0
    for s, e in spans:
        out.append(snippet[last:s])
        word = snippet[s:e]
        out.append(click.style(word, fg="yellow", bold=True) if color else f"[{word}]")
        last = e
    out.append(snippet[last:])
    return "".join(out)


def hit_text(n: int, hit: dict, color: bool) -> str:
    """One hit (a `Hit` in its JSON shape) as a few lines for people."""
    dim = (lambda s: click.style(s, dim=True)) if color else (lambda s: s)
    bold = (lambda s: click.style(s, bold=True)) if color else (lambda s: s)
    where = ", ".join(x for x in (hit["source"] or "unknown source", hit["date"] or "undated") if x)
    body = highlight(hit["snippet"] or hit["text"], hit["highlights"], color)
    if hit["doc_kind"] == "quote":
        who = hit["speaker"] or (f"{hit['speaker_mention']} (unnamed)" if hit["speaker_mention"] else "unknown speaker")
        head = f"{n}. {bold(who)} ({hit['quote_kind']}) — {where}"
        body = f"“{body}”" if hit["quote_kind"] == "direct" else body
    else:
        head = f"{n}. {bold(hit['title'] or hit['article_id'])} (article) — {where}"
    lines = [head, "   " + body.replace("\n", " ")]
    if hit["doc_kind"] == "quote" and hit["speaker_description"]:
        lines.append("   " + dim(hit["speaker_description"]))
    lines.append("   " + dim(f"id: {hit['id']}"))
    return "\n".join(lines) + "\n"


def facet_text(name: str, counts: list[dict], color: bool, width: int = 30, values: int | None = None) -> str:
    """A facet (`FacetCount`s in their JSON shape) as a small bar chart, most frequent first
    (the order the engine gives)."""
    if not counts:
        return f"{name}: (none)\n"
    top = max(c["count"] for c in counts) or 1
    label_w = min(max(len(c["value"]) for c in counts), 40)
    title = name + (f" (top {len(counts)} of {values})" if values and values > len(counts) else "")
    lines = [click.style(title, bold=True) if color else title]
    for c in counts:
        bar = "█" * max(1, round(width * c["count"] / top))
        label = c["value"] if len(c["value"]) <= label_w else c["value"][: label_w - 1] + "…"
        lines.append(f"  {label:<{label_w}}  {click.style(bar, fg='cyan') if color else bar} {c['count']}")
    return "\n".join(lines) + "\n"


def result_text(result: dict, color: bool) -> str:
    """A `SearchResult` in its JSON shape (`Index.search_json`) for people."""
    hits = result["hits"]
    shown = f"{result['offset'] + 1}–{result['offset'] + len(hits)}" if hits else "0"
    total = result["total"]
    parts = [f"{total} match{'es' if total != 1 else ''} (showing {shown}) for {result['query']}  [{result['took_ms']:.0f} ms]\n"]
    for note in result["notes"]:
        parts.append(f"note: {note}\n")
    for i, hit in enumerate(hits, start=result["offset"] + 1):
        parts.append("\n" + hit_text(i, hit, color))
    for name, counts in result["facets"].items():
        parts.append("\n" + facet_text(name, counts, color, values=result["facet_values"].get(name)))
    return "".join(parts)


def result_csv(result: dict) -> str:
    from search.models import Hit  # the columns, in the model's order

    return to_csv(result["hits"], Hit)
