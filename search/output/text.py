"""Output for people: a compact listing, coloured on a terminal and plain when piped (click
decides whether colour reaches the terminal).

Search results arrive in their JSON shape (`Index.search_json`: plain dicts), so that drawing
them never loads pydantic.
"""

from __future__ import annotations

from typing import Any

import click


def highlight(snippet: str, spans: list[tuple[int, int]], color: bool) -> str:
    out, last = [], 0
    for s, e in spans:
        out.append(snippet[last:s])
        word = snippet[s:e]
        out.append(click.style(word, fg="yellow", bold=True) if color else f"[{word}]")
        last = e
    out.append(snippet[last:])
    return "".join(out)


def hit_text(n: int, hit: dict[str, Any], color: bool) -> str:
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


def facet_text(name: str, counts: list[dict[str, Any]], color: bool, width: int = 30, values: int | None = None) -> str:
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


def result_text(result: dict[str, Any], color: bool) -> str:
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
