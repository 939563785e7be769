"""Quote trails at query time: a group's figures on a hit, hits collapsed to one per group,
and every report of a quotation in date order (`search trail`).

Groups are made at indexing time (search.indexing.groups); each quote document holds its
group id. Here a group's reports are its posting list (`Searcher.doc_ids`); dates and
outlets come from columns, and only the earliest report's id is read from stored fields,
so a page of hits costs a lookup per distinct group on it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from search.errors import SearchError

if TYPE_CHECKING:
    from search.backend import Searcher

GROUP_FIELDS = ("group_quotes", "group_articles", "group_sources", "first_source", "first_date", "first_id")


def _ordered(searcher: Searcher, docnums: list[int]) -> list[int]:
    """Reports earliest first; undated ones last; ties in index order."""
    keys = searcher.date_keys()
    if keys is None:
        return docnums

    def when(n: int) -> tuple[int, int]:
        day = searcher.date_of(keys[n])
        return (day.toordinal() if day else 1 << 30, n)

    return sorted(docnums, key=when)


def group_members(searcher: Searcher, group: str) -> list[int]:
    """The live reports of a group, earliest first."""
    return _ordered(searcher, searcher.doc_ids("group", group))


def group_figures(searcher: Searcher, group: str) -> dict[str, Any]:
    """A group's figures as hits carry them (`GROUP_FIELDS`)."""
    members = group_members(searcher, group)
    if not members:
        return dict.fromkeys(GROUP_FIELDS)
    sources = searcher.column("source")
    keys = searcher.date_keys()
    articles = {str(searcher.stored(n).get("article_id")) for n in members} if len(members) > 1 else {""}
    first = members[0]
    day = searcher.date_of(keys[first]) if keys is not None else None
    return {
        "group_quotes": len(members),
        "group_articles": len(articles),
        "group_sources": len({sources[n] for n in members if sources[n]}) if sources is not None else 0,
        "first_source": (sources[first] or None) if sources is not None else None,
        "first_date": day.isoformat() if day else None,
        "first_id": searcher.stored(first)["id"],
    }


def add_group_figures(searcher: Searcher, hits: list[dict[str, Any]]) -> None:
    """Fill the group fields of the hits that have a group (one lookup per group)."""
    figures: dict[str, dict[str, Any]] = {}
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
    members = group_members(searcher, group) if group else []
    stored = [searcher.stored(n) for n in members] if members else [fields]
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
