"""Output formats: one place for how records are shown to people and handed to scripts.

Scripts get the pydantic models as JSON (`--json`: one object; `--jsonl`: one record per
line; `--csv`: one row per record with the model's fields as columns). People get a compact
listing, coloured on a terminal and plain when piped (click decides).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence

import click
from pydantic import BaseModel

from search.models import FacetCount, Hit, SearchResult

FORMATS = ("text", "json", "jsonl", "csv")


def to_json(model: BaseModel | Sequence[BaseModel] | dict) -> str:
    if isinstance(model, BaseModel):
        return model.model_dump_json(indent=2)
    if isinstance(model, dict):
        return json.dumps({k: _plain(v) for k, v in model.items()}, indent=2, ensure_ascii=False)
    return json.dumps([m.model_dump(mode="json") for m in model], indent=2, ensure_ascii=False)


def _plain(v):
    if isinstance(v, BaseModel):
        return v.model_dump(mode="json")
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def to_jsonl(records: Iterable[BaseModel]) -> str:
    return "".join(r.model_dump_json() + "\n" for r in records)


def to_csv(records: Sequence[BaseModel], model: type[BaseModel]) -> str:
    """Spreadsheet rows: lists joined with '; ', nested values as JSON."""
    import csv  # only CSV output needs it

    buf = io.StringIO()
    names = list(model.model_fields)
    writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for r in records:
        row = r.model_dump(mode="json")
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


def hit_text(n: int, hit: Hit, color: bool) -> str:
    dim = (lambda s: click.style(s, dim=True)) if color else (lambda s: s)
    bold = (lambda s: click.style(s, bold=True)) if color else (lambda s: s)
    where = ", ".join(x for x in (hit.source or "unknown source", hit.date.isoformat() if hit.date else "undated") if x)
    if hit.doc_kind == "quote":
        who = hit.speaker or (f"{hit.speaker_mention} (unnamed)" if hit.speaker_mention else "unknown speaker")
        head = f"{n}. {bold(who)} ({hit.quote_kind}) — {where}"
        body = highlight(hit.snippet or hit.text, hit.highlights, color)
        body = f"“{body}”" if hit.quote_kind == "direct" else body
    else:
        head = f"{n}. {bold(hit.title or hit.article_id)} (article) — {where}"
        body = highlight(hit.snippet or hit.text, hit.highlights, color)
    lines = [head, "   " + body.replace("\n", " ")]
    if hit.doc_kind == "quote" and hit.speaker_description:
        lines.append("   " + dim(hit.speaker_description))
    lines.append("   " + dim(f"id: {hit.id}"))
    return "\n".join(lines) + "\n"


def facet_text(name: str, counts: list[FacetCount], color: bool, width: int = 30, values: int | None = None) -> str:
    """A facet as a small bar chart, most frequent first (the order the engine gives)."""
    if not counts:
        return f"{name}: (none)\n"
    top = max(c.count for c in counts) or 1
    label_w = min(max(len(c.value) for c in counts), 40)
    title = name + (f" (top {len(counts)} of {values})" if values and values > len(counts) else "")
    lines = [click.style(title, bold=True) if color else title]
    for c in counts:
        bar = "█" * max(1, round(width * c.count / top))
        label = c.value if len(c.value) <= label_w else c.value[: label_w - 1] + "…"
        lines.append(f"  {label:<{label_w}}  {click.style(bar, fg='cyan') if color else bar} {c.count}")
    return "\n".join(lines) + "\n"


def result_text(result: SearchResult, color: bool) -> str:
    shown = f"{result.offset + 1}–{result.offset + len(result.hits)}" if result.hits else "0"
    parts = [f"{result.total} match{'es' if result.total != 1 else ''} (showing {shown}) for {result.query}  [{result.took_ms:.0f} ms]\n"]
    for note in result.notes:
        parts.append(f"note: {note}\n")
    for i, hit in enumerate(result.hits, start=result.offset + 1):
        parts.append("\n" + hit_text(i, hit, color))
    for name, counts in result.facets.items():
        parts.append("\n" + facet_text(name, counts, color, values=result.facet_values.get(name)))
    return "".join(parts)


def result_csv(result: SearchResult) -> str:
    return to_csv(result.hits, Hit)
