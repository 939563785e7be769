"""A speaker's profile (`models.SpeakerProfile` in its JSON shape) for people: who, how they
are described, a bar per period (chronological, zero-filled), outlets with a sparkline across
the same periods, the words that set them apart, and their first and latest quote."""

from __future__ import annotations

from typing import Any

import click

from search.output.tables import sparkline
from search.output.text import facet_text, wrap_marked

NAMES_SHOWN = 6


def _sources(counts: list[dict[str, Any]], most: int = 4) -> str:
    shown = ", ".join(f"{c['value']} {c['count']:,}" for c in counts[:most])
    return shown + (f", +{len(counts) - most} more" if len(counts) > most else "")


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} … {last}"


def _quote(label: str, hit: dict[str, Any] | None, color: bool, width: int | None) -> list[str]:
    if hit is None:
        return []
    dim = (lambda s: click.style(s, dim=True)) if color else (lambda s: s)
    text = f"“{hit['text']}”" if hit["quote_kind"] == "direct" else hit["text"]
    return [
        f"{label}: {hit['date'] or 'undated'}, {hit['source'] or 'unknown source'} ({hit['quote_kind']})",
        wrap_marked(text, [], color, width, indent="  "),
        "  " + dim(f"id: {hit['id']}"),
    ]


def profile_text(p: dict[str, Any], color: bool, width: int | None) -> str:
    bold = (lambda s: click.style(s, bold=True)) if color else (lambda s: s)
    spark = (lambda s: click.style(s, fg="cyan")) if color else (lambda s: s)
    lines = [f"{bold(p['name'])}  [{p['id']}]" + (f"  {p['speaker_type']}" if p["speaker_type"] else "")]
    outlets = p["outlets"]
    filters = p["query"].removeprefix("kind=quote").strip() or "every quote"
    if p["quotes"]:
        counts = f"{p['quotes']:,} quote(s) in {p['articles']:,} article(s) from {len(outlets):,} outlet(s), {_span(p['first_date'], p['last_date'])}"
    else:
        counts = "no quotes"
    lines.append(f"{counts}  [{filters}; {p['took_ms']:.0f} ms]")
    names = p["names"]
    if names:
        shown = ", ".join(f"{n['value']} ({n['count']:,})" for n in names[:NAMES_SHOWN])
        lines.append("written as: " + shown + (f", +{len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""))
    lines += [f"note: {n}" for n in p["notes"]]
    if not p["quotes"]:
        return "\n".join(lines) + "\n"

    descriptions = p["descriptions"]
    if descriptions:
        cut = f" (top {len(descriptions)} of {p['description_values']:,})" if p["description_values"] > len(descriptions) else ""
        lines += ["", bold("described as" + cut)]
        label_w = min(max(len(d["description"]) for d in descriptions), 48)
        for d in descriptions:
            label = d["description"] if len(d["description"]) <= label_w else d["description"][: label_w - 1] + "…"
            lines.append(f"  {label:<{label_w}}  {d['quotes']:>4,}  {_span(d['first_date'], d['last_date'])}  by {_sources(d['sources'])}")

    timeline = p["timeline"]
    if timeline:
        lines += ["", facet_text(f"quotes per {p['period']}", timeline, color).rstrip("\n")]
        if p["undated"]:
            lines.append(f"  (and {p['undated']:,} undated)")

    if outlets:
        lines += ["", bold("outlets") + (f"  {_span(timeline[0]['value'], timeline[-1]['value'])}" if timeline else "")]
        label_w = min(max(len(o["source"]) for o in outlets), 32)
        for o in outlets:
            line = spark(sparkline(o["counts"])) if timeline else ""
            lines.append(f"  {o['source'][:label_w]:<{label_w}}  {o['quotes']:>5,}  {line}  {_span(o['first_date'], o['last_date'])}")

    terms = p["terms"]
    lines += ["", bold(f"words that set them apart (G² ≥ {p['min_score']:g} against {p['compared_quotes']:,} other quotes)")]
    if terms:
        term_w = max(len(t["term"]) for t in terms + [{"term": "word"}])
        lines.append(f"  {'word':<{term_w}}  {'theirs':>6}  {'/10k':>6}  {'others':>6}  {'/10k':>6}  {'G²':>6}")
        for t in terms:
            lines.append(f"  {t['term']:<{term_w}}  {t['count']:>6,}  {t['per_10k']:>6.1f}  {t['others']:>6,}  {t['others_per_10k']:>6.1f}  {t['score']:>6.1f}")
    else:
        lines.append("  (none: too few quotes, or no word stands out)")

    first, latest = p["first_quote"], p["latest_quote"]
    if first:
        lines.append("")
        lines += _quote("first quote", first, color, width)
        if latest and latest["id"] != first["id"]:
            lines += _quote("latest quote", latest, color, width)
    return "\n".join(lines) + "\n"
