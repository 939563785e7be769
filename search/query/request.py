"""A whole request: the query text and the options, as one thing a backend can run.

The text is parsed once (`search.query.parser`); `speaker:` and `source:` in it, like
`--speaker` and `--source`, are matched the forgiving way against the names the index holds
(`search.query.names`), and become exact values; `kind:direct` becomes a quote type. The
options become filters that every hit must pass. What the user should know about how the
request was read (which speakers a surname matched, a fuzzy term capped) goes into `notes`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from search.errors import QuerySyntaxError
from search.query.language import CUE_CLASSES, DOC_KINDS, QUOTE_KINDS
from search.query.names import NOTE_NAMES, match_source, match_speaker
from search.query.parser import parse, period, require_text
from search.query.tree import DateRange, Every, Exact, Node, Phrase, Word, leaves, simplify, transform

if TYPE_CHECKING:
    from search.backend import Searcher

# The fields whose values a request matches against the index's own (see `_rewrite`).
_NAMED_FIELDS = ("source", "speaker", "kind", "quote_kind", "cue_class")


@dataclass
class Request:
    """A request turned into a query tree and filters, plus the notes owed to the user."""

    query: Node | None  # None: every document (no text, or '*')
    filters: tuple[Exact, ...] = ()  # each must hold (kind, types, classes, speakers, sources)
    dates: DateRange | None = None  # --since / --until / --on
    notes: list[str] = field(default_factory=list)
    described: str = "*"
    empty: bool = False  # a filter matched nothing in the index (e.g. an unknown speaker)
    query_no_date: Node | None = None  # the query with its date: parts taken as met, if it has any

    @property
    def has_text(self) -> bool:
        """The user typed a query that narrows the index (relevance means something)."""
        return self.query is not None

    @property
    def date_filtered(self) -> bool:
        return self.dates is not None or self.query_no_date is not None


def compile_request(
    searcher: Searcher,
    text: str = "",
    speakers: list[str] | None = None,
    sources: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    on: str | None = None,
    kind: str = "all",
    quote_kinds: list[str] | None = None,
    cue_classes: list[str] | None = None,
) -> Request:
    notes: list[str] = []
    described: list[str] = []
    empty = False
    query: Node | None = None
    query_no_date = None
    text = (text or "").strip()
    if text:
        parsed = parse(text)
        notes += parsed.notes
        tree = simplify(parsed.tree)
        if not isinstance(tree, Every):  # '*' alone is every document, as fast as no text
            described.append(searcher.describe(tree))
            query = simplify(_rewrite(tree, searcher, notes))
            if any(isinstance(leaf, DateRange) for leaf in leaves(query)):
                query_no_date = simplify(transform(query, lambda n: Every() if isinstance(n, DateRange) else n))
    filters: list[Exact] = []
    if kind not in ("all", *DOC_KINDS):
        raise QuerySyntaxError(f"unknown kind '{kind}'; use quote, article or all")
    if kind != "all":
        filters.append(Exact("kind", (kind,)))
        described.append(f"kind={kind}")
    for column, label, allowed, chosen in (("quote_kind", "type", QUOTE_KINDS, quote_kinds), ("cue_class", "class", CUE_CLASSES, cue_classes)):
        if chosen:
            for value in chosen:
                if value not in allowed:
                    raise QuerySyntaxError(f"unknown {'quote type' if label == 'type' else label} '{value}'; use {', '.join(allowed)}")
            filters.append(Exact(column, tuple(chosen)))
            described.append(f"{label}={'|'.join(chosen)}")
    for typed in speakers or []:
        m = match_speaker(searcher, require_text(typed, "--speaker"))
        if m.note:
            notes.append(m.note)
        empty |= not m.values
        filters.append(Exact("speaker_name", tuple(m.values)))
        described.append(f"speaker={'|'.join(m.values[:NOTE_NAMES]) + ('|…' if len(m.values) > NOTE_NAMES else '') if m.values else typed}")
    if sources:
        values: list[str] = []
        for typed in sources:
            m = match_source(searcher, require_text(typed, "--source"))
            if m.note:
                notes.append(m.note)
            values += m.values
        empty |= not values
        filters.append(Exact("source", tuple(values)))
        described.append(f"source={'|'.join(values) or ','.join(sources)}")
    dates = _date_filter(since, until, on)
    if dates:
        described.append(f"date={dates.start or '…'}..{dates.end or '…'}")
    return Request(query, tuple(filters), dates, notes, " ".join(described) or "*", empty, query_no_date)


def _date_filter(since: str | None, until: str | None, on: str | None) -> DateRange | None:
    """--since, --until and --on as one day range. Given but empty is an error, not 'no
    date' (a script passing an unset variable should hear of it)."""
    start: dt.date | None = None
    end: dt.date | None = None
    if on is not None:
        start, end = period(on)
    if since is not None:
        start = period(since)[0]
    if until is not None:
        end = period(until)[1]
    if start and end and start > end:
        raise QuerySyntaxError(f"the date range {start}..{end} is empty: its start is after its end; swap --since and --until")
    return DateRange(start, end) if start or end else None


def _rewrite(tree: Node, searcher: Searcher, notes: list[str]) -> Node:
    """Make `source:` and `speaker:` forgiving, check `kind:`, `type:` and `class:` values
    and send `kind:direct` to quote types."""

    def leaf(node: Node) -> Node:
        if not isinstance(node, (Word, Phrase)) or node.field not in _NAMED_FIELDS:
            return node
        value = node.text.strip()
        low = value.lower()
        if node.field == "source":
            m = match_source(searcher, value)
            if m.note:
                notes.append(m.note)
            return Exact("source", tuple(m.values))
        if node.field == "speaker":
            m = match_speaker(searcher, value)
            if not m.values:  # a mention no speaker is named ('spokesman'): search mentions as written
                return node
            if m.note:
                notes.append(m.note)
            return Exact("speaker_name", tuple(m.values))
        if node.field == "kind":
            if low in QUOTE_KINDS:
                return Exact("quote_kind", (low,))
            if low not in DOC_KINDS:
                raise QuerySyntaxError(f"unknown kind '{value}'; use kind:quote, kind:article, or type:direct|partial|indirect")
            return Exact("kind", (low,))
        if node.field == "quote_kind":
            if low not in QUOTE_KINDS:
                raise QuerySyntaxError(f"unknown quote type '{value}'; use type:direct, type:partial or type:indirect")
            return Exact("quote_kind", (low,))
        if low not in CUE_CLASSES:
            raise QuerySyntaxError(f"unknown class '{value}'; use class:speech (words said) or class:stance (views held)")
        return Exact("cue_class", (low,))

    return transform(tree, leaf)
