"""Our query tree as Whoosh queries, and Whoosh queries described for people.

`compile_tree` builds what Whoosh's own parser built from the same text (the schema's
analyzers, title matches boosted 1.5, several terms of one word ANDed, then Whoosh's
`normalize`), so scores and counts are as before; tests/test_query_tree.py holds the two to
each other. The multi-term queries are bounded: a wildcard or prefix that stands for more
than `MAX_EXPANSIONS` indexed words is refused, a fuzzy term searches its
`MAX_FUZZY_EXPANSIONS` most frequent spellings, and both look at the search's deadline
while they walk the term list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from whoosh import query as wq
from whoosh.fields import FieldType, Schema
from whoosh.matching import ListMatcher, Matcher
from whoosh.util.times import long_to_datetime

from search.dates import to_datetime
from search.errors import QueryTooBroadError
from search.query import budget
from search.query.language import DATE_FIELD, DEFAULT_FIELDS, FIELD_BOOSTS, MAX_EXPANSIONS, MAX_FUZZY_EXPANSIONS
from search.query.tree import (
    And,
    AndNot,
    DateRange,
    Every,
    Exact,
    Fuzzy,
    Node,
    Not,
    Nothing,
    Or,
    Phrase,
    Prefix,
    Range,
    Wildcard,
    Word,
)

# A wildcard or prefix standing for more indexed words than this matches the union of their
# documents with one constant score (Lucene's constant-score rewrite), read from the posting
# lists at once: Whoosh's OR of a thousand term matchers took seconds where the union takes a
# tenth of that. Fewer words keep Whoosh's OR and its scores.
UNION_AFTER = 64


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _bounded(query: wq.MultiTerm, btexts: Iterator[bytes], typed: str) -> Iterator[bytes]:
    """The indexed words a wildcard or prefix stands for, refused past MAX_EXPANSIONS."""
    deadline = budget.current()
    for count, btext in enumerate(btexts, 1):
        if count > MAX_EXPANSIONS:
            raise QueryTooBroadError(
                f"'{typed}' stands for more than {MAX_EXPANSIONS:,} indexed words; give more letters before the wildcard (negotiat*, not n*) or add words"
            )
        deadline.check(every=64)
        yield btext


def _union_matcher(query: wq.MultiTerm, searcher: Any, context: Any) -> Matcher | None:
    """The documents of all the words `query` stands for, one constant score each (None:
    few enough words for Whoosh's own OR)."""
    if context is not None and context.needs_current:
        return None
    reader = searcher.reader()
    btexts = list(query._btexts(reader))
    if len(btexts) <= UNION_AFTER:
        return None
    deadline = budget.current()
    ids: set[int] = set()
    for btext in btexts:
        deadline.check(every=16)
        ids.update(reader.postings(query.fieldname, btext).all_ids())
    return ListMatcher(sorted(ids), all_weights=query.boost)


class BoundedPrefix(wq.Prefix):  # type: ignore[misc]  # Whoosh has no types
    def _btexts(self, ixreader: Any) -> Iterator[bytes]:
        return _bounded(self, super()._btexts(ixreader), f"{self.text}*")

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        return _union_matcher(self, searcher, context) or super().matcher(searcher, context)


class BoundedWildcard(wq.Wildcard):  # type: ignore[misc]
    def _btexts(self, ixreader: Any) -> Iterator[bytes]:
        return _bounded(self, super()._btexts(ixreader), self.text)

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        return _union_matcher(self, searcher, context) or super().matcher(searcher, context)

    def normalize(self) -> wq.Query:
        q = super().normalize()
        if type(q) is wq.Prefix:  # Whoosh turns 'word*' written as a wildcard into its own Prefix
            return BoundedPrefix(q.fieldname, q.text, boost=q.boost)
        return q


class BoundedFuzzyTerm(wq.FuzzyTerm):  # type: ignore[misc]
    """Whoosh works out a fuzzy term's matching terms twice per segment, once to estimate
    its size and once to match; this remembers them for the last reader asked, and keeps
    the MAX_FUZZY_EXPANSIONS most frequent (Elasticsearch's max_expansions)."""

    def _btexts(self, ixreader: Any) -> Iterator[bytes]:
        last = self.__dict__.get("_expanded")
        if last is None or last[0] is not ixreader:
            deadline = budget.current()
            found = []
            for btext in super()._btexts(ixreader):
                deadline.check(every=64)
                found.append(btext)
            if len(found) > MAX_FUZZY_EXPANSIONS:
                freq = {b: ixreader.doc_frequency(self.fieldname, b) for b in found}
                keep = set(sorted(found, key=lambda b: (-freq[b], b))[:MAX_FUZZY_EXPANSIONS])
                found = [b for b in found if b in keep]
            last = self.__dict__["_expanded"] = (ixreader, found)
        return iter(last[1])


# ---------------------------------------------------------------------------------------
# The tree -> Whoosh


def compile_tree(node: Node, schema: Schema) -> wq.Query:
    """The Whoosh query for `node`, normalised (as Whoosh's parser returns it)."""
    q = _compile(node, schema)
    return (q or wq.NullQuery).normalize()


def _fields(field: str | None, boost: float) -> list[tuple[str, float]]:
    if field is None:
        return [(f, FIELD_BOOSTS.get(f, 1.0)) for f in DEFAULT_FIELDS]
    return [(field, boost)]


def _per_field(node: Word | Phrase | Prefix | Wildcard | Fuzzy | Range, schema: Schema) -> wq.Query | None:
    """One query per field: a word without a field is an OR over the default fields (the
    node's boost on the OR, each field's boost on its part), as Whoosh's MultifieldParser."""
    parts = [q for fname, boost in _fields(node.field, node.boost) if (q := _leaf(node, fname, boost, schema)) is not None]
    if node.field is not None:
        return parts[0] if parts else None
    return wq.Or(parts, boost=node.boost)


def _analysed(field: FieldType, text: str, tokenize: bool) -> list[str]:
    return list(field.process_text(text, mode="query", tokenize=tokenize, removestops=tokenize))


def _leaf(node: Word | Phrase | Prefix | Wildcard | Fuzzy | Range, fname: str, boost: float, schema: Schema) -> wq.Query | None:
    if fname not in schema:
        return None
    field = schema[fname]
    if isinstance(node, Word):
        texts = _analysed(field, node.text, tokenize=True)
        if len(texts) > 1:  # 'U.S.-Russia': every term of the word
            return wq.And([wq.Term(fname, t, boost=boost) for t in texts])
        return wq.Term(fname, texts[0], boost=boost) if texts else None
    if isinstance(node, Phrase):
        words = [t.text for t in field.tokenize(node.text, mode="query")] if field.analyzer else _analysed(field, node.text, True)
        return wq.Phrase(fname, words, slop=node.slop, boost=boost)
    if isinstance(node, Range):
        start = _first(_analysed(field, node.start, tokenize=False)) if node.start else None
        end = _first(_analysed(field, node.end, tokenize=False)) if node.end else None
        return wq.TermRange(fname, start, end, node.start_excl, node.end_excl, boost=boost)
    texts = _analysed(field, node.text, tokenize=False)
    if not texts:
        return None
    if isinstance(node, Prefix):
        return BoundedPrefix(fname, texts[0], boost=boost)
    if isinstance(node, Wildcard):
        return BoundedWildcard(fname, texts[0], boost=boost)
    return BoundedFuzzyTerm(fname, texts[0], boost=boost, maxdist=node.edits, prefixlength=min(node.prefix, len(texts[0])))


def _first(texts: list[str]) -> str | None:
    return texts[0] if texts else None


def any_of(fieldname: str, values: list[str] | tuple[str, ...]) -> wq.Query:
    """Documents whose keyword field holds one of `values`."""
    if not values:
        return wq.NullQuery
    terms = [wq.Term(fieldname, v) for v in values]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


class ColumnDateRange(wq.DateRange):  # type: ignore[misc]
    """Whoosh's DateRange, matched from the date column: the index keeps one term per day
    (schema.py), so Whoosh's way, an OR over every day in the range, read hundreds of
    posting lists for a year. Same documents, same constant score."""

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        if context is not None and context.needs_current:
            return super().matcher(searcher, context)
        from search.backend.whoosh.bulk import deleted_mask
        from search.backend.whoosh.searcher import SortedColumn

        reader = searcher.reader()
        lo = self.start if self.start is not None else 0
        hi = self.end if self.end is not None else 2**64 - 2
        ids = SortedColumn.of(reader, self.fieldname).between(lo, hi)
        deleted = deleted_mask(reader)
        if deleted is not None:
            ids = ids[~deleted[ids]]
        return ListMatcher(ids, all_weights=self.boost)  # an array: search.backend.whoosh.bulk reads it whole


def date_range(start: dt.date | None, end: dt.date | None, boost: float = 1.0) -> wq.Query:
    return ColumnDateRange(DATE_FIELD, to_datetime(start) if start else None, to_datetime(end, end=True) if end else None, boost=boost)


def _compile(node: Node, schema: Schema) -> wq.Query | None:
    if isinstance(node, (Word, Phrase, Prefix, Wildcard, Fuzzy, Range)):
        return _per_field(node, schema)
    if isinstance(node, DateRange):
        return date_range(node.start, node.end, node.boost)
    if isinstance(node, Exact):
        return any_of(node.field, node.values)
    if isinstance(node, Every):
        return wq.Every()
    if isinstance(node, Nothing):
        return wq.NullQuery
    if isinstance(node, (And, Or)):
        subs = [q for c in node.children if (q := _compile(c, schema)) is not None]
        return (wq.And if isinstance(node, And) else wq.Or)(subs, boost=node.boost)
    if isinstance(node, Not):
        inner = _compile(node.child, schema)
        return wq.Not(inner) if inner is not None else None
    a, b = _compile(node.left, schema), _compile(node.right, schema)
    if a is None or b is None:
        return a if b is None else b
    return (wq.AndNot if isinstance(node, AndNot) else wq.AndMaybe)(a, b)


# ---------------------------------------------------------------------------------------
# Whoosh -> words for people


def _leaf_word(q: wq.Query) -> str | None:
    """How a word query reads when typed: 'trump', '"wall street"', 'negotiat*', 'lukianov~'."""
    if isinstance(q, wq.Phrase):
        return '"' + " ".join(_text(w) for w in q.words) + '"'
    if isinstance(q, wq.Prefix):
        return _text(q.text) + "*"
    if isinstance(q, wq.FuzzyTerm):
        return _text(q.text) + "~"
    if isinstance(q, (wq.Term, wq.Wildcard)):
        return _text(q.text)
    return None


def describe(q: wq.Query, top: bool = True) -> str:
    """The query as understood, for people and the JSON `query` field: Whoosh's own form,
    with a word searched in every default field shown once and dates shown as dates."""
    if _is_date(q) and isinstance(q, wq.NumericRange):
        start, end = _as_date(q.start), _as_date(q.end)
        if start and end and start == end:
            return f"date:{start}"
        return f"date:[{start or ''} TO {end or ''}]".replace("[ TO", "[TO").replace("TO ]", "TO]")
    if isinstance(q, wq.Not):
        return f"NOT {describe(q.query, False)}"
    if isinstance(q, wq.compound.CompoundQuery):
        parts: list[str] = []
        subs = list(q.subqueries)
        i = 0
        while i < len(subs):
            width = _default_run(subs, i) if isinstance(q, wq.Or) else 0
            if width:
                parts.append(_leaf_word(subs[i]) or "")
                i += width
                continue
            a = subs[i]
            parts.append(describe(a, False))
            i += 1
        inner = q.JOINT.join(parts)
        return inner if top or len(parts) == 1 else f"({inner})"
    return str(q)


def _default_run(subs: list[wq.Query], i: int) -> int:
    """How many queries from `i` on are one word searched in the default fields (an index
    written before the last of them was added holds the first ones only); 0 when none."""
    for width in range(len(DEFAULT_FIELDS), 1, -1):
        run = subs[i : i + width]
        if (
            len(run) == width
            and tuple(getattr(x, "fieldname", None) for x in run) == DEFAULT_FIELDS[:width]
            and len({type(x) for x in run}) == 1
            and _leaf_word(run[0]) is not None
            and all(_leaf_word(x) == _leaf_word(run[0]) for x in run)
        ):
            return width
    return 0


def _as_date(value: object) -> object:
    """A date range bound as a date (Whoosh keeps them as 64-bit numbers)."""
    if value is None:
        return None
    try:
        return long_to_datetime(value).date() if isinstance(value, int) else value
    except (OverflowError, ValueError):
        return value


def _is_date(q: wq.Query) -> bool:
    return q.is_leaf() and getattr(q, "fieldname", None) == DATE_FIELD
