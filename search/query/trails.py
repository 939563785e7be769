"""Quote trails at query time: a group's figures on a hit, hits collapsed to one per group,
and every report of a quotation in date order (`search trail`).

Groups are made at indexing time (search.indexing.groups); each quote document holds its
group id. Here a group's reports are its posting list (`Searcher.doc_ids`) and their
stored fields, so a page of hits costs a lookup per distinct group on it and a read per
report, and no column of the whole index.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from search.errors import SearchError

if TYPE_CHECKING:
    from search.backend import Searcher

GROUP_FIELDS = ("group_quotes", "group_articles", "group_sources", "first_source", "first_date", "first_id")


def _day_number(value: Any) -> int:
    """A stored date as a number to sort by; undated last."""
    if isinstance(value, dt.datetime | dt.date):
        return value.toordinal()
    return 1 << 30


def group_reports(searcher: Searcher, group: str) -> list[tuple[int, dict[str, Any]]]:
    """The live reports of a group with their stored fields, earliest first (undated last,
    ties in index order). Read from stored fields, not columns: a group has a few reports,
    where a column is read for every document of the index (a second on a cold search of
    100,000 articles, for the ten hits of a page)."""
    reports = [(n, searcher.stored(n)) for n in searcher.doc_ids("group", group)]
    return sorted(reports, key=lambda nf: (_day_number(nf[1].get("date")), nf[0]))


def group_figures(searcher: Searcher, group: str) -> dict[str, Any]:
    """A group's figures as hits carry them (`GROUP_FIELDS`)."""
    reports = [fields for _n, fields in group_reports(searcher, group)]
    if not reports:
        return dict.fromkeys(GROUP_FIELDS)
    first = reports[0]
    day = first.get("date")
    return {
        "group_quotes": len(reports),
        "group_articles": len({str(f.get("article_id")) for f in reports}),
        "group_sources": len({f["source"] for f in reports if f.get("source")}),
        "first_source": first.get("source") or None,
        "first_date": day.date().isoformat() if isinstance(day, dt.datetime) else day.isoformat() if isinstance(day, dt.date) else None,
        "first_id": first["id"],
    }


_FIGURES_KEPT = 4096  # groups whose figures a snapshot remembers


def add_group_figures(searcher: Searcher, hits: list[dict[str, Any]]) -> None:
    """Fill the group fields of the hits that have a group: one lookup per group, once per
    snapshot (a snapshot never changes). A quotation reported by a thousand articles costs a
    read of each report (some 40 ms with tantivy's stored documents), which every later
    page showing it would pay again."""
    figures: dict[str, dict[str, Any]] = searcher.memo.setdefault("group-figures", {})
    if len(figures) > _FIGURES_KEPT:
        figures.clear()
    for hit in hits:
        group = hit.get("group")
        if not group:
            continue
        if group not in figures:
            figures[group] = group_figures(searcher, group)
        hit.update(figures[group])


def collapse(searcher: Searcher, ranked: list[int]) -> list[int]:
    """`ranked` with only the first (best) report of each group kept; documents without a
    group (articles, quotes reported once) are kept as they are."""
    groups = searcher.column("group")
    if groups is None:
        return ranked
    seen: set[str] = set()
    out = []
    for n in ranked:
        g = groups[n]
        if g:
            if g in seen:
                continue
            seen.add(g)
        out.append(n)
    return out


def trail_json(searcher: Searcher, quote_id: str) -> dict[str, Any]:
    """`models.Trail` in its JSON shape: every report of `quote_id`'s quotation."""
    fields = searcher.document(id=quote_id)
    if fields is None:
        raise SearchError(f"no quote with id {quote_id!r}; quote ids ('ARTICLE#q3') are shown by: search query --kind quote")
    if fields.get("kind") != "quote":
        raise SearchError(f"{quote_id!r} is an article, not a quote; its quotes are listed by: search show {quote_id}")
    group = fields.get("group")
    stored = [f for _n, f in group_reports(searcher, group)] if group else []
    stored = stored or [fields]
    reports = [_report(f) for f in stored]
    sources = list(dict.fromkeys(r["source"] for r in reports if r["source"]))
    return {
        "quote_id": quote_id,
        "group": group or None,
        "quotes": len(reports),
        "articles": len({r["article_id"] for r in reports}),
        "sources": sources,
        "reports": reports,
    }


def _day(value: Any) -> dt.date | None:
    """A stored date (a datetime at midnight) as its day."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _report(fields: dict[str, Any]) -> dict[str, Any]:
    date = _day(fields.get("date"))
    return {
        "quote_id": fields["id"],
        "article_id": fields["article_id"],
        "title": fields.get("article_title", ""),
        "source": fields.get("source"),
        "date": date.isoformat() if date else None,
        "speaker": fields.get("speaker_name"),
        "speaker_mention": fields.get("speaker_mention"),
        "quote_kind": fields.get("quote_kind"),
        "text": fields.get("text", ""),
    }
