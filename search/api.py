"""The Python API: open an index, search it with filters and facets, get pydantic models back.

    from search import Index
    with Index.open("index") as ix:
        result = ix.search("Ukraine", speakers=["lukyanov"], facets=["source"])
        for hit in result.hits:
            print(hit.speaker, hit.text)

Each `Index` holds one searcher, a snapshot of the index as it was when opened: open a new
one to see later writes (Whoosh's `refresh()` is not used; some distributions get it wrong).
The CLI is a thin layer over this class.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from array import array
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import collectors, columns
from whoosh import query as wq
from whoosh.util.times import long_to_datetime

from search.backend.whoosh import index_folder as store
from search.errors import QuerySyntaxError, SearchError
from search.indexing.documents import stored_to_article, stored_to_hit, stored_to_quote
from search.query.names import Compiled, compile_request, suggest
from search.query.snippets import make_snippet, query_terms, term_of

if TYPE_CHECKING:  # models are imported where they are built: `search_json` never needs pydantic
    from search.models import Article, Quote, SearchResult, SourceSummary, SpeakerSummary, Stats

SORTS = ("relevance", "newest", "oldest", "date")
# Facet name -> schema field; 'date' buckets are named date:day, date:month or date:year.
FACET_FIELDS = {"speaker": "speaker_name", "source": "source", "kind": "kind", "type": "quote_kind", "class": "cue_class", "date": "date"}
DATE_BUCKETS = ("day", "month", "year")
DEFAULT_DATE_BUCKET = "month"
FACETS = (*[f for f in FACET_FIELDS if f != "date"], "date", *(f"date:{b}" for b in DATE_BUCKETS))
# Whoosh stores a missing DATETIME column value as the largest unsigned 64-bit number.
_NO_DATE = 2**64 - 1


def parse_facet(name: str) -> str:
    """The stable key of a facet: 'date' -> 'date:month'; raises for names we do not facet on."""
    base, _, bucket = name.strip().lower().partition(":")
    if base == "quote_kind":
        base = "type"
    if base == "cue_class":
        base = "class"
    if base not in FACET_FIELDS or (bucket and (base != "date" or bucket not in DATE_BUCKETS)):
        raise QuerySyntaxError(f"unknown facet '{name}'; use {', '.join(FACETS)}")
    return f"date:{bucket or DEFAULT_DATE_BUCKET}" if base == "date" else base


def _utc(timestamp: float) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(tzinfo=None) if timestamp > 0 else None


class _Dates:
    """Raw date column values -> dates, remembered: a corpus has few distinct days."""

    def __init__(self) -> None:
        self._seen: dict[int, dt.date | None] = {}

    def __call__(self, raw: int) -> dt.date | None:
        if raw not in self._seen:
            self._seen[raw] = None if raw >= _NO_DATE or raw <= 0 else long_to_datetime(raw).date()
        return self._seen[raw]


def _bucket(d: dt.date, size: str) -> str:
    if size == "year":
        return f"{d.year:04d}"
    if size == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _segment_column(sub, fieldname: str, translate: bool) -> list:
    """One segment's column values in document order. A numeric column (dates) is read as
    one array, where Whoosh's reader unpacks document by document (0.3 ms instead of 8 ms on
    12,000 documents); other columns translate each distinct value once. A segment without
    the column gets the column's default for each document (Whoosh's multi-reader leaves
    such a segment out, which shifts the documents after it)."""
    fieldobj = sub.schema[fieldname]
    count = sub.doc_count_all()
    if not sub.has_column(fieldname):
        default = fieldobj.column_type.default_value(False)
        return [fieldobj.from_column_value(default) if translate else default] * count
    raw = sub.column_reader(fieldname, translate=False)
    if type(raw) is columns.NumericColumn.Reader and not translate:
        stored = min(raw._count, count)
        values = array(raw._typecode, raw._dbfile.get(raw._basepos, stored * raw._fixedlen))
        if sys.byteorder == "little":
            values.byteswap()  # Whoosh writes numbers big-endian
        return [*values, *[raw._default] * (count - stored)]
    values = list(raw)
    if not translate:
        return values
    seen: dict = {}
    return [seen[v] if v in seen else seen.setdefault(v, fieldobj.from_column_value(v)) for v in values]


class _EveryMatch(collectors.TopCollector):
    """Whoosh's top-N collector that also keeps every matching document number, so that the
    total, facets and date sorting need no second pass over the postings. Block skipping is
    off: every match must be seen."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)
        self.replace = 0  # no pruning of sub-matchers that cannot reach the top N either
        self.matched: list[int] = []

    def _collect(self, global_docnum: int, score: float) -> float:
        self.matched.append(global_docnum)
        return super()._collect(global_docnum, score)


class Index:
    """A read-only view of one index: search, facets, speakers, sources, stats, documents."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else store.default_index_dir()
        self._ix, self._searcher = store.open_searcher(self.path)
        self._reader = self._searcher.reader()
        self._columns: dict[str, list | None] = {}
        self._cache: dict[str, object] = {}
        self._terms: dict[tuple[str, str], set[int]] = {}
        self._date = _Dates()
        self._term_of = term_of(self._ix.schema["text"].analyzer)

    @classmethod
    def open(cls, path: Path | str | None = None) -> Index:
        return cls(path)

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _column(self, fieldname: str) -> list | None:
        """A sortable field's values for every document number, read once per Index: a list
        lookup is some forty times faster than Whoosh's column reader, and facets over
        thousands of matches need one per match. Dates stay raw integers (undated documents
        hold a value that does not translate to a datetime)."""
        if fieldname not in self._columns:
            values = None
            if self._reader.has_column(fieldname):
                values = []
                for sub, _offset in self._reader.leaf_readers():
                    values += _segment_column(sub, fieldname, translate=fieldname != "date")
            self._columns[fieldname] = values
        return self._columns[fieldname]

    def _deleted(self) -> set[int]:
        """Deleted document numbers (still in the columns until a merge; posting lists skip
        them), from each segment's deletion list rather than a question per document."""
        if "_deleted" not in self._cache:
            deleted: set[int] = set()
            if self._reader.has_deletions():
                for sub, offset in self._reader.leaf_readers():
                    deleted.update(offset + n for n in sub.segment().deleted_docs())
            self._cache["_deleted"] = deleted
        return self._cache["_deleted"]

    def _term_docs(self, fieldname: str, text: str) -> set[int]:
        """Live documents holding a term, from its posting list (remembered per Index): for a
        filter value this reads a few hundred postings, where inverting the field's column
        read a value for every document."""
        key = (fieldname, text)
        if key not in self._terms:
            if len(self._terms) >= 1024:
                self._terms.clear()
            self._terms[key] = set(self._reader.postings(fieldname, text).all_ids()) if key in self._reader else set()
        return self._terms[key]

    def _docset(self, q: wq.Query) -> set[int]:
        """The documents a filter allows, without Whoosh's filter pass (which walks posting
        lists in Python and costs ten times more on date ranges): terms from their posting
        lists, date ranges from the date column, the rest through Whoosh. May hold deleted
        documents (date ranges); callers that need live ones remove them."""
        if isinstance(q, wq.And):
            sets = sorted((self._docset(sub) for sub in q.subqueries), key=len)
            return set.intersection(*sets) if sets else set()
        if isinstance(q, wq.Or):
            return set().union(*(self._docset(sub) for sub in q.subqueries))
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return set()
        if isinstance(q, wq.Term):
            return self._term_docs(q.fieldname, q.text.decode("utf-8") if isinstance(q.text, bytes) else q.text)
        if isinstance(q, wq.NumericRange) and q.fieldname == "date" and (values := self._column("date")) is not None:
            lo = q.start if q.start is not None else 0
            hi = q.end if q.end is not None else _NO_DATE - 1
            return {n for n, v in enumerate(values) if lo <= v <= hi}
        return set(self._searcher.docs_for_query(q))

    def _matching(self, c: Compiled, top: int = 0) -> tuple[list[int], list[tuple[float, int]]]:
        """Every live document matching the request, in index order, and the `top` best by
        score: one pass over the matches for both."""
        allowed = self._docset(c.filter) if c.filter is not None else None
        if allowed is not None and not allowed:
            return [], []  # an empty allow-set means "no filter" to Whoosh's FilterCollector
        if not c.has_text:
            deleted = self._deleted()
            if allowed is None:
                return [n for n in range(self._reader.doc_count_all()) if n not in deleted], []
            return sorted(allowed - deleted if deleted else allowed), []
        inner = _EveryMatch(limit=max(top, 1))
        collector = inner if allowed is None else collectors.FilterCollector(inner, allow=allowed)
        self._searcher.search_with_collector(c.query, collector)
        return inner.matched, collector.results().top_n if top else []

    # -----------------------------------------------------------------------------------
    def search(self, text: str = "", **options: Any) -> SearchResult:
        """Search with the query language and filters; facets count every match, not the page.

        Options (all keyword): speakers, sources, since, until, on, kind ('quote', 'article',
        'all'), quote_kinds, cue_classes (['speech'] for words said, not views held), facets, facet_limit, limit, offset, sort ('relevance', 'newest',
        'oldest'), snippets. With no text and no filters every document matches, newest
        first: a listing, not an error, so that `search query --facet source` gives an
        overview of the index.
        """
        from search.models import SearchResult

        return SearchResult.model_validate(self.search_json(text, **options))

    def search_json(
        self,
        text: str = "",
        *,
        speakers: list[str] | None = None,
        sources: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        on: str | None = None,
        kind: str = "all",
        quote_kinds: list[str] | None = None,
        cue_classes: list[str] | None = None,
        facets: list[str] | None = None,
        facet_limit: int | None = 10,
        limit: int = 10,
        offset: int = 0,
        sort: str = "relevance",
        snippets: bool = True,
    ) -> dict:
        """`search`, as the dict `SearchResult.model_dump(mode="json")` would give: for callers
        that only print JSON (the CLI), which then never import pydantic. Same keys, same
        order, same values (tests/test_api.py holds the two to each other)."""
        started = time.perf_counter()
        if sort not in SORTS:
            raise QuerySyntaxError(f"unknown sort '{sort}'; use relevance, newest or oldest")
        if limit < 0 or offset < 0:
            raise QuerySyntaxError("--limit and --offset must be 0 or more")
        facet_keys = list(dict.fromkeys(parse_facet(f) for f in facets or []))
        c = compile_request(self._searcher, text, speakers, sources, since, until, on, kind, quote_kinds, cue_classes)
        notes = list(c.notes)
        if sort == "relevance" and not c.has_text:
            sort = "newest"
        matched, top = self._matching(c, top=offset + limit if sort == "relevance" else 0)
        total = len(matched)
        if sort == "relevance":
            page = [(docnum, round(score, 4)) for score, docnum in top[offset : offset + limit]]
        else:
            page = [(n, None) for n in self._by_date(matched, newest=sort != "oldest")[offset : offset + limit]]
        terms = query_terms(c.query, self._reader) if snippets and c.has_text else set()
        hits: list[dict] = []
        for docnum, score in page:
            fields = self._searcher.stored_fields(docnum)
            hit = stored_to_hit(fields, score=score)
            if snippets:
                snippet, spans = make_snippet(self._snippet_text(fields, hit), terms, self._term_of)
                hit["snippet"], hit["highlights"] = snippet, [[s, e] for s, e in spans]
            hits.append(hit)
        facet_counts: dict[str, list[dict]] = {}
        facet_values: dict[str, int] = {}
        for key in facet_keys:
            counts = self._count(key, matched)
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            facet_values[key] = len(ordered)
            facet_counts[key] = [{"value": v, "count": n} for v, n in ordered[: facet_limit or None]]
        if c.date_filtered:
            undated = self._undated(c)
            if undated:
                notes.append(f"{undated} undated document(s) left out by the date filter")
        suggestion = None
        if total == 0 and c.has_text:
            suggestion = self._suggest(text, speakers, sources, since, until, on, kind, quote_kinds, cue_classes)
            if suggestion:
                notes.append(f"did you mean: {suggestion}")
        return {
            "query": c.described,
            "total": total,
            "offset": offset,
            "limit": limit,
            "hits": hits,
            "facets": facet_counts,
            "facet_values": facet_values,
            "notes": list(dict.fromkeys(notes)),
            "suggestion": suggestion,
            "took_ms": round((time.perf_counter() - started) * 1000, 2),
        }

    @staticmethod
    def _snippet_text(fields: dict, hit: dict) -> str:
        """A quote's words; an article's body, less a first paragraph that only repeats the title."""
        if hit["doc_kind"] == "quote":
            return fields.get("text", "")
        body = fields.get("text") or hit["text"]
        first, _, rest = body.partition("\n\n")
        title = hit["title"]
        if rest and title and first.rstrip(". ") == title.rstrip(". "):
            return rest
        return body

    def _by_date(self, docnums: list[int], newest: bool) -> list[int]:
        """Newest or oldest first; undated documents last either way, in index order."""
        col = self._column("date")
        if col is None:
            return docnums
        dated = [(col[n], n) for n in docnums]
        known = [x for x in dated if x[0] != _NO_DATE]
        known.sort(key=lambda x: (-x[0], x[1]) if newest else x)
        return [n for _, n in known] + [n for v, n in dated if v == _NO_DATE]

    def _count(self, key: str, docnums: list[int]) -> Counter[str]:
        """Facet counts over `docnums` from the sortable columns (no stored fields read)."""
        base, _, bucket = key.partition(":")
        col = self._column(FACET_FIELDS[base])
        counts: Counter[str] = Counter()
        if col is None:
            return counts
        if base == "date":
            raw = Counter(col[n] for n in docnums)
            for value, n in raw.items():
                d = self._date(value)
                if d is not None:
                    counts[_bucket(d, bucket)] += n
            return counts
        counts.update(col[n] for n in docnums)
        counts.pop("", None)
        counts.pop(None, None)
        return counts

    def _undated(self, c: Compiled) -> int:
        """Matches that a date condition removed only because they have no date."""
        parts = [c.query_no_date or c.query, wq.Term("has_date", "no")]
        if c.filter_no_date is not None:
            parts.append(c.filter_no_date)
        return sum(1 for _ in self._searcher.docs_for_query(wq.And(parts)))

    def _suggest(self, text: str, *args) -> str | None:
        """A corrected query that finds something, keeping the user's other query parts."""
        corrected = suggest(self._searcher, text, self._ix.schema["text"].analyzer)
        if not corrected:
            return None
        try:
            c = compile_request(self._searcher, corrected, *args)
        except SearchError:
            return None
        return corrected if self._matching(c)[0] else None

    # -----------------------------------------------------------------------------------
    def get(self, doc_id: str) -> dict | None:
        return self._searcher.document(id=doc_id)

    def article(self, article_id: str) -> Article:
        fields = self._searcher.document(id=article_id, kind="article")
        if fields is None:
            raise SearchError(f"no article with id {article_id!r}; ids are shown by: search query --kind article")
        return stored_to_article(fields)

    def quote(self, quote_id: str) -> Quote:
        fields = self._searcher.document(id=quote_id, kind="quote")
        if fields is None:
            raise SearchError(f"no quote with id {quote_id!r}; ids are shown by: search query --json")
        return stored_to_quote(fields)

    def quotes_of(self, article_id: str) -> list[Quote]:
        docs = self._searcher.documents(article_id=article_id, kind="quote")
        return sorted((stored_to_quote(f) for f in docs), key=lambda q: q.start)

    # -----------------------------------------------------------------------------------
    def speakers(self, text: str = "", *, limit: int | None = 50, **filters) -> list[SpeakerSummary]:
        """Speaker identities of the quotes matching `text` and filters, most quoted first,
        each with its id and the names it is written as (see search.identities).

        Counts, sources and dates come from the sortable columns; the details only stored
        fields hold (articles, descriptions, speaker type) are read for the listed speakers.
        """
        from search.models import SpeakerSummary

        c = compile_request(self._searcher, text, kind="quote", **filters)
        matched = self._matching(c)[0]
        speaker_col = self._column("speaker_name")
        if speaker_col is None:
            return []
        by_speaker: dict[str, list[int]] = {}
        for n in matched:
            name = speaker_col[n]
            if name:
                by_speaker.setdefault(name, []).append(n)
        ordered = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: limit or None]
        source_col, date_col = self._column("source"), self._column("date")
        article_col = self._column("article_id")  # used when the indexer makes it sortable
        out = []
        for name, docnums in ordered:
            sources = Counter(source_col[n] for n in docnums if source_col[n]) if source_col else Counter()
            dates = [d for d in (self._date(date_col[n]) for n in docnums) if d] if date_col else []
            descriptions: Counter[str] = Counter()
            kinds: Counter[str] = Counter()
            ids: Counter[str] = Counter()
            written: Counter[str] = Counter()
            articles: set[str] = set()
            for n in docnums:
                f = self._searcher.stored_fields(n)
                if f.get("speaker_id"):
                    ids[f["speaker_id"]] += 1
                written[f.get("speaker_local") or name] += 1
                if f.get("description"):
                    descriptions[f["description"]] += 1
                if f.get("speaker_type"):
                    kinds[f["speaker_type"]] += 1
                articles.add(article_col[n] if article_col is not None else f["article_id"])
            out.append(
                SpeakerSummary(
                    name=name,
                    speaker_type=kinds.most_common(1)[0][0] if kinds else None,
                    quotes=len(docnums),
                    articles=len(articles),
                    sources=[s for s, _ in sources.most_common()],
                    descriptions=[d for d, _ in descriptions.most_common(5)],
                    first_date=min(dates) if dates else None,
                    last_date=max(dates) if dates else None,
                    id=ids.most_common(1)[0][0] if ids else None,
                    names=[w for w, _ in sorted(written.items(), key=lambda kv: (-kv[1], kv[0]))],
                )
            )
        return out

    def sources(self, text: str = "", **filters) -> list[SourceSummary]:
        """Outlets of the documents matching `text` and filters, most articles first; all
        from the sortable columns."""
        from search.models import SourceSummary

        c = compile_request(self._searcher, text, **filters)
        matched = self._matching(c)[0]
        source_col, kind_col, speaker_col, date_col = (self._column(f) for f in ("source", "kind", "speaker_name", "date"))
        if source_col is None:
            return []
        groups: dict[str, list[int]] = {}
        for n in matched:
            if source_col[n]:
                groups.setdefault(source_col[n], []).append(n)
        out = []
        for name, docnums in groups.items():
            kinds = Counter(kind_col[n] for n in docnums)
            speakers = {speaker_col[n] for n in docnums if speaker_col[n]} if speaker_col else set()
            dates = [d for d in (self._date(date_col[n]) for n in docnums) if d] if date_col else []
            out.append(
                SourceSummary(
                    name=name,
                    articles=kinds.get("article", 0),
                    quotes=kinds.get("quote", 0),
                    speakers=len(speakers),
                    first_date=min(dates) if dates else None,
                    last_date=max(dates) if dates else None,
                )
            )
        return sorted(out, key=lambda s: (-s.articles, -s.quotes, s.name))

    def stats(self) -> Stats:
        """The index as a whole, counted over live documents (deleted ones linger in Whoosh's
        term lists until a merge, so the lexicons would over-count after updates)."""
        from search.models import Stats

        live = list(self._reader.all_doc_ids())
        kind_col, speaker_col, source_col, date_col = (self._column(f) for f in ("kind", "speaker_name", "source", "date"))
        kinds = Counter(kind_col[n] for n in live) if kind_col else Counter()
        articles = [n for n in live if kind_col[n] == "article"] if kind_col else []
        dates = [d for d in (self._date(date_col[n]) for n in articles) if d] if date_col else []
        size = sum(p.stat().st_size for p in self.path.iterdir() if p.is_file())
        return Stats(
            index=str(self.path),
            articles=kinds.get("article", 0),
            quotes=kinds.get("quote", 0),
            speakers=len({speaker_col[n] for n in live} - {""}) if speaker_col else 0,
            sources=len({source_col[n] for n in live} - {""}) if source_col else 0,
            undated_articles=len(articles) - len(dates),
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            size_bytes=size,
            last_updated=_utc(self._ix.last_modified()),
        )
