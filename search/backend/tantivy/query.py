"""Our query tree (`search.query.tree`) as tantivy queries.

Query words are analysed by the Whoosh schema's fields, the analyzers the index was written
with (see `schema`), so a word is the term it is in the index, in either backend. The tree
compiles as the Whoosh backend compiles it (`search.backend.whoosh.query`): a word without
a field is an OR over the default fields (a title match boosted 1.5), the terms of one word
are ANDed, the same limits apply to wildcards, prefixes and fuzzy terms. What tantivy does
differently:

- scores: tantivy's BM25 per field, where Whoosh's is BM25F with a title field boost of 2 at
  index time; the same documents match, their order may differ;
- wildcards, prefixes, fuzzy terms and term ranges are expanded here from the term list
  (`Searcher.terms_with_prefix`), with Whoosh's rules (Levenshtein edits sharing the first
  `prefix` letters; the `MAX_FUZZY_EXPANSIONS` most frequent spellings), then searched as
  an OR of terms (scored) or, past `UNION_AFTER` words, one constant-score term set;
- a fuzzy term on `text`: Whoosh matches it segment by segment against each segment's
  spelling list (unstemmed words, a few of which are stems), so its hits depend on how the
  index happens to be segmented; here it is expanded against the field's own terms, as
  Whoosh's highlighting (over the whole index) expands it: a superset of Whoosh's hits;
- a phrase's slop: ours counts 1 for words next to each other, tantivy's 0;
- `NOT x` alone is every document but those of x (tantivy's boolean query needs a positive
  clause: `all_query` is added).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import tantivy

from search.backend.tantivy.schema import ANALYZED, DATE, FP_FIELD, KEYWORDS, build_schema, day_key, whoosh_schema
from search.errors import QueryTooBroadError
from search.query import budget
from search.query.language import DEFAULT_FIELDS, FIELD_BOOSTS, MAX_EXPANSIONS, MAX_FUZZY_EXPANSIONS
from search.query.tree import (
    And,
    AndMaybe,
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

UNION_AFTER = 64  # as the Whoosh backend: more expanded words than this match with one constant score
Q = tantivy.Query
MUST, SHOULD, MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot
TermLister = Callable[[str, str], list[tuple[str, int]]]  # (field, prefix) -> [(term, doc frequency)]


@dataclass
class Compiled:
    """A compiled query, and what highlighting needs of it: the indexed terms and phrases
    of the `text` field it can match (expansions included, negated terms left out)."""

    query: tantivy.Query
    terms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    negated: set[str] = field(default_factory=set)


def _searchable(fname: str) -> bool:
    return fname in ANALYZED or fname in KEYWORDS or fname == FP_FIELD


def _analysed(fname: str, text: str, tokenize: bool) -> list[str]:
    wfield = whoosh_schema()[fname]
    return [str(t) for t in wfield.process_text(text, mode="query", tokenize=tokenize, removestops=tokenize)]


def _boosted(q: tantivy.Query, boost: float) -> tantivy.Query:
    return q if boost == 1.0 else Q.boost_query(q, boost)


def _any(subs: list[tantivy.Query]) -> tantivy.Query:
    if not subs:
        return Q.empty_query()
    return subs[0] if len(subs) == 1 else Q.boolean_query([(SHOULD, s) for s in subs])


def _all(subs: list[tantivy.Query]) -> tantivy.Query:
    if not subs:
        return Q.empty_query()
    return subs[0] if len(subs) == 1 else Q.boolean_query([(MUST, s) for s in subs])


def _levenshtein(a: str, b: str, limit: int) -> int:
    """Edits between a and b (insert, delete, substitute: Whoosh's automaton), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern) + r"\Z", re.S)


class Compiler:
    """Compiles trees against one searcher's term lists (for expansions)."""

    def __init__(self, terms_with_prefix: TermLister) -> None:
        self.schema = build_schema()
        self._terms_with_prefix = terms_with_prefix
        self._out: Compiled | None = None

    def compile(self, node: Node) -> Compiled:
        self._out = Compiled(Q.empty_query())
        q = self._compile(node, negated=False)
        out = self._out
        out.query = q if q is not None else Q.empty_query()
        out.terms -= out.negated
        return out

    # -- leaves ------------------------------------------------------------------------
    def _note(self, fname: str, terms: list[str], negated: bool, phrase: bool = False) -> None:
        """Remember the `text` terms a leaf matches, for highlighting."""
        if fname != "text" or self._out is None:
            return
        if negated:
            self._out.negated.update(terms)
        elif phrase:
            if tuple(terms) not in self._out.phrases:
                self._out.phrases.append(tuple(terms))
        else:
            self._out.terms.update(terms)

    def _term(self, fname: str, text: str, boost: float = 1.0) -> tantivy.Query:
        return _boosted(Q.term_query(self.schema, fname, text), boost)

    def _expanded(self, fname: str, texts: list[str], boost: float, negated: bool) -> tantivy.Query:
        self._note(fname, texts[:64], negated)
        if len(texts) <= UNION_AFTER:
            return _boosted(_any([Q.term_query(self.schema, fname, t) for t in texts]), boost)
        return Q.const_score_query(Q.term_set_query(self.schema, fname, texts), boost)

    def _bounded(self, found: list[str], typed: str) -> list[str]:
        if len(found) > MAX_EXPANSIONS:
            raise QueryTooBroadError(
                f"'{typed}' stands for more than {MAX_EXPANSIONS:,} indexed words; give more letters before the wildcard (negotiat*, not n*) or add words"
            )
        return found

    def _listed(self, fname: str, prefix: str) -> list[tuple[str, int]]:
        budget.current().check()
        return self._terms_with_prefix(fname, prefix)

    def _leaf(self, node: Word | Phrase | Prefix | Wildcard | Fuzzy | Range, fname: str, boost: float, negated: bool) -> tantivy.Query | None:
        if not _searchable(fname) or fname not in whoosh_schema():
            return None
        if isinstance(node, Word):
            texts = _analysed(fname, node.text, tokenize=True)
            if not texts:
                return None
            self._note(fname, texts, negated)
            return _all([self._term(fname, t, boost) for t in texts])
        if isinstance(node, Phrase):
            words = [str(t.text) for t in whoosh_schema()[fname].tokenize(node.text, mode="query")]
            if not words:
                return None
            if len(words) == 1:
                self._note(fname, words, negated)
                return self._term(fname, words[0], boost)
            if node.slop > 1:
                self._note(fname, words, negated)
            else:
                self._note(fname, words, negated, phrase=True)
            phrase: list[str | tuple[int, str]] = list(words)
            return _boosted(Q.phrase_query(self.schema, fname, phrase, slop=max(node.slop - 1, 0)), boost)
        if isinstance(node, Range):
            start = _first(_analysed(fname, node.start, tokenize=False)) if node.start else None
            end = _first(_analysed(fname, node.end, tokenize=False)) if node.end else None
            found = [
                t
                for t, _n in self._listed(fname, "")
                if (start is None or t > start or (t == start and not node.start_excl)) and (end is None or t < end or (t == end and not node.end_excl))
            ]
            return self._expanded(fname, sorted(found), boost, negated)
        texts = _analysed(fname, node.text, tokenize=False)
        if not texts:
            return None
        text = texts[0]
        if isinstance(node, Prefix):
            found = self._bounded(sorted(t for t, _n in self._listed(fname, text)), f"{text}*")
            return self._expanded(fname, found, boost, negated)
        if isinstance(node, Wildcard):
            literal = re.split(r"[*?]", text, maxsplit=1)[0]
            rx = _wildcard_regex(text)
            found = self._bounded(sorted(t for t, _n in self._listed(fname, literal) if rx.match(t)), text)
            return self._expanded(fname, found, boost, negated)
        prefix = text[: min(node.prefix, len(text))]
        near = [(t, n) for t, n in self._listed(fname, prefix) if _levenshtein(text, t, node.edits) <= node.edits]
        if len(near) > MAX_FUZZY_EXPANSIONS:
            near = sorted(near, key=lambda tn: (-tn[1], tn[0]))[:MAX_FUZZY_EXPANSIONS]
        return self._expanded(fname, sorted(t for t, _n in near), boost, negated)

    def _per_field(self, node: Word | Phrase | Prefix | Wildcard | Fuzzy | Range, negated: bool) -> tantivy.Query | None:
        if node.field is not None:
            return self._leaf(node, node.field, node.boost, negated)
        parts = [q for f in DEFAULT_FIELDS if (q := self._leaf(node, f, FIELD_BOOSTS.get(f, 1.0), negated)) is not None]
        return _boosted(_any(parts), node.boost) if parts else None

    # -- the tree ----------------------------------------------------------------------
    def _compile(self, node: Node, negated: bool) -> tantivy.Query | None:
        if isinstance(node, (Word, Phrase, Prefix, Wildcard, Fuzzy, Range)):
            return self._per_field(node, negated)
        if isinstance(node, DateRange):
            return _boosted(date_range(self.schema, node), node.boost)
        if isinstance(node, Exact):
            return any_of(self.schema, node.field, node.values)
        if isinstance(node, Every):
            return Q.all_query()
        if isinstance(node, Nothing):
            return Q.empty_query()
        if isinstance(node, And):
            clauses: list[tuple[Any, tantivy.Query]] = []
            for child in node.children:
                if isinstance(child, Not):
                    inner = self._compile(child.child, True)
                    if inner is not None:
                        clauses.append((MUST_NOT, inner))
                elif (q := self._compile(child, negated)) is not None:
                    clauses.append((MUST, q))
            if not clauses:
                return None
            if all(occur == MUST_NOT for occur, _q in clauses):
                clauses.insert(0, (MUST, Q.all_query()))
            if len(clauses) == 1:
                return _boosted(clauses[0][1], node.boost)
            return _boosted(Q.boolean_query(clauses), node.boost)
        if isinstance(node, Or):
            subs = [q for c in node.children if (q := self._compile(c, negated)) is not None]
            return _boosted(_any(subs), node.boost) if subs else None
        if isinstance(node, Not):
            inner = self._compile(node.child, True)
            return Q.boolean_query([(MUST, Q.all_query()), (MUST_NOT, inner)]) if inner is not None else None
        # as the Whoosh backend's highlighting: only NOT's terms are left unmarked, not ANDNOT's
        a, b = self._compile(node.left, negated), self._compile(node.right, negated)
        if a is None or b is None:
            return a if b is None else b
        if isinstance(node, AndNot):
            return Q.boolean_query([(MUST, a), (MUST_NOT, b)])
        assert isinstance(node, AndMaybe)
        return Q.boolean_query([(MUST, a), (SHOULD, b)])


def _first(texts: list[str]) -> str | None:
    return texts[0] if texts else None


def any_of(schema: tantivy.Schema, fname: str, values: list[str] | tuple[str, ...]) -> tantivy.Query:
    """Documents whose keyword field holds one of `values`."""
    if not values:
        return Q.empty_query()
    if len(values) <= UNION_AFTER:
        return _any([Q.term_query(schema, fname, v) for v in values])
    return Q.const_score_query(Q.term_set_query(schema, fname, list(values)), 1.0)


def date_range(schema: tantivy.Schema, node: DateRange) -> tantivy.Query:
    """Documents dated start..end (both included; undated ones never)."""
    lo = day_key(node.start) if node.start else 0
    hi = day_key(node.end) if node.end else None
    return Q.range_query(schema, DATE, tantivy.FieldType.Unsigned, lo, hi)
