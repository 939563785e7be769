"""Output for people: a compact listing, coloured on a terminal and plain when piped (click
decides whether colour reaches the terminal).

Search results arrive in their JSON shape (`Index.search_json`: plain dicts), so that drawing
them never loads pydantic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import click


def merge_spans(spans: Iterable[tuple[int, int] | list[int]]) -> list[tuple[int, int]]:
    """Spans as disjoint stretches: overlapping or touching ones become one (two quotes that
    overlap are marked once, so their shared words are printed once)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted((int(a), int(b)) for a, b in spans):
        if s >= e:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def highlight(snippet: str, spans: Iterable[tuple[int, int] | list[int]], color: bool, lo: int = 0, hi: int | None = None) -> str:
    """`snippet[lo:hi]` with the spans marked: coloured, or in [brackets] when plain. A span
    the text already holds in brackets (an editor's '[Ukraine]') is not bracketed again."""
    hi = len(snippet) if hi is None else hi
    out, last = [], lo
    for s, e in merge_spans(spans):
        s, e = max(s, lo), min(e, hi)
        if s >= e:
            continue
        out.append(snippet[last:s])
        word = snippet[s:e]
        if color:
            out.append(click.style(word, fg="yellow", bold=True))
        elif snippet[s - 1 : s] == "[" and snippet[e : e + 1] == "]" or word.startswith("[") and word.endswith("]"):
            out.append(word)
        else:
            out.append(f"[{word}]")
        last = e
    out.append(snippet[last:hi])
    return "".join(out)


def wrap_marked(text: str, spans: Iterable[tuple[int, int] | list[int]], color: bool, width: int | None, indent: str = "") -> str:
    """`text` with its spans marked, folded at word boundaries to `width` columns (None: one
    line per paragraph, as when piped), each line starting with `indent`. Lines are measured
    as they print: brackets count, colour codes do not; a word longer than a line stays whole."""
    spans = merge_spans(spans)
    flat = text.replace("\n", " ")
    if width is None:
        return indent + highlight(flat, spans, color)
    room = max(20, width - len(indent))
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", flat)]
    lines: list[str] = []
    i = 0
    while i < len(words):
        start, j = words[i][0], i + 1
        while j < len(words) and len(highlight(flat, spans, False, start, words[j][1])) <= room:
            j += 1
        lines.append(indent + highlight(flat, spans, color, start, words[j - 1][1]))
        i = j
    return "\n".join(lines) if lines else indent


def hit_text(n: int, hit: dict[str, Any], color: bool, width: int | None = None, collapsed: bool = False) -> str:
    """One hit (a `Hit` in its JSON shape) as a few lines for people; its text folded to
    `width` columns at word boundaries (None: not folded, as when piped); `collapsed`: with
    its quote group's figures."""
    dim = (lambda s: click.style(s, dim=True)) if color else (lambda s: s)
    bold = (lambda s: click.style(s, bold=True)) if color else (lambda s: s)
    where = ", ".join(x for x in (hit["source"] or "unknown source", hit["date"] or "undated") if x)
    body, spans = hit["snippet"] or hit["text"], [(s, e) for s, e in hit["highlights"]]
    if hit["doc_kind"] == "quote":
        who = hit["speaker"] or (f"{hit['speaker_mention']} (unnamed)" if hit["speaker_mention"] else "unknown speaker")
        head = f"{n}. {bold(who)} ({hit['quote_kind']}) — {where}"
        if hit["quote_kind"] == "direct":
            body, spans = f"“{body}”", [(s + 1, e + 1) for s, e in spans]
    else:
        head = f"{n}. {bold(hit['title'] or hit['article_id'])} (article) — {where}"
    lines = [head, wrap_marked(body, spans, color, width, indent="   ")]
    if hit["doc_kind"] == "quote" and hit["speaker_description"]:
        lines.append("   " + dim(hit["speaker_description"]))
    if collapsed and hit.get("group_quotes"):
        lines.append("   " + reported_line(hit))
    lines.append("   " + dim(f"id: {hit['id']}"))
    return "\n".join(lines) + "\n"


def reported_line(hit: dict[str, Any]) -> str:
    """A collapsed group's figures: 'reported by 5 articles in 3 outlets, first by nyt on 2016-03-01'."""
    articles, sources = hit["group_articles"] or 0, hit["group_sources"] or 0
    first = f", first by {hit['first_source'] or 'an unknown outlet'}" + (f" on {hit['first_date']}" if hit["first_date"] else " (undated)")
    quotes = hit["group_quotes"] or 0
    extra = f" ({quotes:,} reports)" if quotes != articles else ""
    return (
        f"reported by {articles:,} article{'s' if articles != 1 else ''} in {sources:,} outlet{'s' if sources != 1 else ''}{extra}{first}"
        f" (search trail {hit['id']!r})"
    )


def facet_text(name: str, counts: list[dict[str, Any]], color: bool, width: int = 30, values: int | None = None) -> str:
    """A facet (`FacetCount`s in their JSON shape) as a small bar chart, most frequent first
    (the order the engine gives)."""
    if not counts:
        return f"{name}: (none)\n"
    top = max(c["count"] for c in counts) or 1
    label_w = min(max(len(c["value"]) for c in counts), 40)
    title = name + (f" (top {len(counts):,} of {values:,})" if values and values > len(counts) else "")
    lines = [click.style(title, bold=True) if color else title]
    for c in counts:
        bar = "█" * max(1, round(width * c["count"] / top)) if c["count"] else ""
        label = c["value"] if len(c["value"]) <= label_w else c["value"][: label_w - 1] + "…"
        lines.append(f"  {label:<{label_w}}  {click.style(bar, fg='cyan') if color else bar} {c['count']:,}")
    return "\n".join(lines) + "\n"


def result_text(result: dict[str, Any], color: bool, width: int | None = None) -> str:
    """A `SearchResult` in its JSON shape (`Index.search_json`) for people."""
    hits = result["hits"]
    shown = f"{result['offset'] + 1:,}–{result['offset'] + len(hits):,}" if hits else "0"
    total = result["total"]
    collapsed = result.get("collapsed_total") is not None
    grouped = f", {result['collapsed_total']:,} once each quote group is one hit" if collapsed else ""
    parts = [f"{total:,} match{'es' if total != 1 else ''}{grouped} (showing {shown}) for {result['query']}  [{result['took_ms']:.0f} ms]\n"]
    for note in result["notes"]:
        parts.append(f"note: {note}\n")
    for i, hit in enumerate(hits, start=result["offset"] + 1):
        parts.append("\n" + hit_text(i, hit, color, width, collapsed))
    if result.get("tables"):  # --by: each facet crossed with another, in place of its bars
        from search.output.tables import table_text

        for table in result["tables"]:
            parts.append("\n" + table_text(table, color, width))
        return "".join(parts)
    for name, counts in result["facets"].items():
        parts.append("\n" + facet_text(name, counts, color, values=result["facet_values"].get(name)))
    return "".join(parts)
