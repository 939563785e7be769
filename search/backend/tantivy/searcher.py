"""The tantivy searcher: `search.backend.Searcher` over one snapshot of a tantivy index.

Requests compile to tantivy queries (`query`); the request's filters join the query as
clauses that must match and add nothing to the score. Document numbers, stored fields and
columns come from `view.View`. Term frequencies and field lengths (a speaker's distinctive
words) are counted by analysing the stored texts of the documents asked about, with the
analyzers the index was written with: exact, where Whoosh's stored field lengths are
rounded for long texts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import tantivy

from search.backend.tantivy import index_folder
from search.backend.tantivy.query import MUST, Compiled, Compiler, any_of, date_range
from search.backend.tantivy.schema import LENGTH_FIELD, SPELL_FIELD, TEXT_ANALYZER, analysed_words, whoosh_schema
from search.backend.tantivy.view import NO_DATE_KEY, View
from search.identities import Table, load_table
from search.query import budget
from search.query.language import DEFAULT_FIELDS
from search.query.request import Request
from search.query.snippets import term_of
from search.query.tree import DateRange, Exact, Node

Q = tantivy.Query
_CACHE = 1024
PAGE_AT_ONCE = 1000  # hits a page may ask for and still be found by tantivy's top-k search


class Matches(Sequence[int]):
    """Every match of a request, in document number order, listed on first use: its length
    is tantivy's count, known without listing them, and its `query` lets tantivy count
    them by facet (`value_counts`) without listing them either."""

    def __init__(self, count: int, load: Callable[[], list[int]], query: tantivy.Query) -> None:
        self._count = count
        self._load: Callable[[], list[int]] | None = load
        self._list: list[int] = []
        self.query = query

    def _docs(self) -> list[int]:
        if self._load is not None:
            self._list, self._load = self._load(), None
        return self._list

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        return self._docs()[i]

    def __iter__(self) -> Iterator[int]:
        return iter(self._docs())


class TantivySearcher:
    """`search.backend.Searcher` over the tantivy index in an index folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.index, searcher, self.generation, meta = index_folder.open_searcher(path)
        self.view = View(searcher, meta)
        self.searcher = self.view.searcher
        self.schema = self.view.schema
        self.memo: dict[str, Any] = {}
        self._compiler = Compiler(self._terms_with_prefix)
        self._compiled: tuple[Request, Compiled, tantivy.Query] | None = None
        self._terms: dict[tuple[str, str], list[tuple[str, int]]] = {}
        self._word_to_term: Callable[[str], str | None] | None = None
        self._words: dict[tuple[str, int], Counter[str]] = {}
        self._filters: dict[str, tuple[list[int], set[int]]] = {}

    def close(self) -> None:
        pass  # tantivy's searcher is freed with the object

    def _terms_with_prefix(self, fname: str, prefix: str) -> list[tuple[str, int]]:
        key = (fname, prefix)
        if key not in self._terms:
            if len(self._terms) >= _CACHE:
                self._terms.clear()
            self._terms[key] = self.view.terms(fname, prefix)
        return self._terms[key]

    # -----------------------------------------------------------------------------------
    # Running a request

    def describe(self, tree: Node) -> str:
        """As the Whoosh backend describes it (the same text for the same query)."""
        from search.backend.whoosh.query import compile_tree, describe

        return describe(compile_tree(tree, whoosh_schema()))

    def _filter(self, node: Exact | DateRange) -> tantivy.Query:
        if isinstance(node, Exact):
            return any_of(self.schema, node.field, node.values)
        return date_range(self.schema, node)

    def compile(self, request: Request) -> tuple[Compiled | None, tantivy.Query]:
        """The request's query (None: every document) and the whole search: the query with
        the filters as clauses that must match and score nothing."""
        if self._compiled is not None and self._compiled[0] is request:
            return self._compiled[1], self._compiled[2]
        compiled = self._compiler.compile(request.query) if request.query is not None else None
        filters = [self._filter(f) for f in request.filters]
        if request.dates is not None:
            filters.append(date_range(self.schema, request.dates))
        clauses = [(MUST, compiled.query if compiled else Q.all_query())]
        clauses += [(MUST, Q.const_score_query(f, 0.0)) for f in filters]
        whole = clauses[0][1] if len(clauses) == 1 else Q.boolean_query(clauses)
        self._compiled = (request, compiled, whole) if compiled is not None else None
        return compiled, whole

    def _filter_docs(self, node: Exact | DateRange) -> tuple[list[int], set[int]]:
        """The live documents a filter allows, remembered per snapshot (a listing or a count
        asks again for the same kinds, speakers and sources)."""
        key = repr(node)
        if key not in self._filters:
            if len(self._filters) >= _CACHE:
                self._filters.clear()
            docs = self.view.matching(self._filter(node))
            self._filters[key] = (docs, set(docs))
        return self._filters[key]

    def match(self, request: Request, top: int = 0) -> tuple[Sequence[int], list[tuple[float, int]]]:
        budget.current().check()
        compiled, whole = self.compile(request)
        if request.query is None:
            if not request.filters and request.dates is None:
                return Matches(self.view.count, lambda: list(self.view.live), whole), []
            return Matches(self.view.count_of(whole), lambda: self._filtered(request), whole), []
        if not top:
            return Matches(self.view.count_of(whole), lambda: self.view.matching(whole), whole), []
        if top <= PAGE_AT_ONCE:
            # a page: tantivy finds its best `top` (skipping what cannot make the page) and
            # counts the rest; every match is listed only if something iterates them (facets)
            found: Any = self.searcher.search(whole, limit=top, count=True)
            page = sorted(zip([float(s) for s, _a in found.hits], self.view.docnums(found.hits), strict=True), key=lambda sn: (-sn[0], sn[1]))
            return Matches(int(found.count), lambda: self.view.matching(whole), whole), page
        scored = self.view.search_all(whole)  # best first
        matched = sorted(n for _s, n in scored)
        # equal scores in index order (as the Whoosh backend): only the first `top` and
        # those tying with the last of them are sorted
        end = min(top, len(scored))
        while 0 < end < len(scored) and scored[end][0] == scored[end - 1][0]:
            end += 1
        best = sorted(scored[:end], key=lambda sn: (-sn[0], sn[1]))[:top]
        return matched, [(float(s), n) for s, n in best]

    def _filtered(self, request: Request) -> list[int]:
        """The documents a request of filters alone allows, from the filters' remembered
        document lists (a listing or a count asks again for the same kinds and sources)."""
        nodes: list[Exact | DateRange] = [*request.filters, *([request.dates] if request.dates is not None else [])]
        allowed = sorted((self._filter_docs(n) for n in nodes), key=lambda ds: len(ds[0]))
        if len(allowed) == 1:
            return list(allowed[0][0])
        return sorted(set.intersection(*(docset for _docs, docset in allowed)))

    def value_counts(self, matches: Sequence[int], fields: tuple[str, ...], kind: str | None = None) -> Counter[tuple[Any, ...]] | None:
        if not isinstance(matches, Matches):
            return None  # a list made some other way: the columns count it
        if kind is None:
            return self.view.value_counts(matches.query, len(matches), fields)
        of_kind = Q.boolean_query([(MUST, matches.query), (MUST, Q.term_query(self.schema, "kind", kind))])
        return self.view.value_counts(of_kind, None, fields)

    def count_undated(self, request: Request) -> int:
        query = request.query_no_date or request.query
        parts: list[tuple[Any, tantivy.Query]] = [(MUST, Q.term_query(self.schema, "has_date", "no"))]
        if query is not None:
            parts.append((MUST, self._compiler.compile(query).query))
        parts += [(MUST, self._filter(f)) for f in request.filters]
        return self.view.count_of(Q.boolean_query(parts))

    def live_docnums(self) -> list[int]:
        return list(self.view.live)

    # -----------------------------------------------------------------------------------
    # Reading documents

    def column(self, fieldname: str) -> list[Any] | None:
        return self.view.column(fieldname)

    def column_codes(self, fieldname: str) -> None:
        return None  # columns are value hashes in tantivy: facets code `column`

    def date_keys(self) -> list[int] | None:
        return self.view.column("date")

    def date_of(self, key: int) -> dt.date | None:
        return None if key >= NO_DATE_KEY or key <= 0 else dt.date.fromordinal(key)

    def stored(self, docnum: int) -> dict[str, Any]:
        return self.view.stored(docnum)

    def document(self, **terms: str) -> dict[str, Any] | None:
        found = self.view.doc_ids(**terms)
        return self.view.stored(found[0]) if found else None

    def documents(self, **terms: str) -> Iterable[dict[str, Any]]:
        return self.view.documents(**terms)

    def doc_ids(self, fieldname: str, value: str) -> list[int]:
        return self.view.doc_ids(**{fieldname: value})

    # -----------------------------------------------------------------------------------
    # What the query side needs

    def values(self, fieldname: str) -> list[str]:
        return sorted(t for t, _n in self._terms_with_prefix(fieldname, ""))

    def doc_frequency(self, fieldname: str, value: str) -> int:
        return int(self.searcher.doc_freq(fieldname, value))

    def identity_table(self) -> Table | None:
        # A commit since this searcher opened deletes the table of its generation; the newer
        # table names the same people (identities are keyed by name), which beats none.
        return load_table(self.path, self.generation) or load_table(self.path, index_folder.generation(self.path))

    def known_word(self, word: str) -> bool:
        terms = [t.text for t in whoosh_schema()["text"].analyzer(word)]
        return not terms or any(self.searcher.doc_freq(f, t) for t in terms for f in DEFAULT_FIELDS)

    def spellings(self, word: str, maxdist: int) -> list[tuple[str, int]] | None:
        from search.backend.tantivy.query import _levenshtein

        found = [(t, n) for t, n in self._terms_with_prefix(SPELL_FIELD, "") if _levenshtein(word, t, maxdist) <= maxdist]
        return sorted(found)

    def highlight_terms(self, request: Request) -> set[str]:
        compiled, _ = self.compile(request)
        return set(compiled.terms) if compiled is not None else set()

    def highlight_phrases(self, request: Request) -> list[tuple[str, ...]]:
        compiled, _ = self.compile(request)
        return list(compiled.phrases) if compiled is not None else []

    def word_to_term(self) -> Callable[[str], str | None]:
        if self._word_to_term is None:
            self._word_to_term = term_of(TEXT_ANALYZER)
        return self._word_to_term

    def _word_counts(self, fieldname: str, docnum: int) -> Counter[str]:
        key = (fieldname, docnum)
        if key not in self._words:
            if len(self._words) >= 100_000:
                self._words.clear()
            value = self.view.stored(docnum).get(fieldname)
            self._words[key] = Counter(analysed_words(fieldname, str(value))) if value else Counter()
        return self._words[key]

    def term_frequency(self, fieldname: str, term: str, among: bytes | bytearray) -> int:
        """Read from the stored texts (the bindings give no term frequencies): within the
        search's time budget, checked per document."""
        holding = self.view.doc_ids(**{fieldname: term})
        check = budget.current().check
        total = 0
        for n in holding:
            if n < len(among) and among[n]:
                check(every=16)
                total += self._word_counts(fieldname, n)[term]
        return total

    def field_length(self, fieldname: str, docnums: Iterable[int]) -> int:
        if fieldname == "text":
            lengths = self._text_lengths()
            if lengths is not None:
                return sum(map(lengths.__getitem__, docnums))
        check = budget.current().check
        total = 0
        for n in docnums:
            check(every=16)
            total += sum(self._word_counts(fieldname, n).values())
        return total

    def _text_lengths(self) -> list[int] | None:
        """Every document's `text` length in terms, from its fast field (None for an index
        written before it had one)."""
        if "lengths:text" not in self.memo:
            try:
                self.memo["lengths:text"] = self.view.fast(LENGTH_FIELD, 0)
            except ValueError:
                self.memo["lengths:text"] = None
        found: list[int] | None = self.memo["lengths:text"]
        return found

    # -----------------------------------------------------------------------------------
    # The index as a whole

    def last_modified(self) -> float:
        return index_folder.last_modified(self.path)

    def size_bytes(self) -> int:
        return index_folder.size_bytes(self.path)
