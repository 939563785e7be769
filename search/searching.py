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
import time
from collections import Counter, defaultdict
from pathlib import Path

from whoosh import highlight, sorting
from whoosh import query as wq

from search import store
from search.documents import stored_to_article, stored_to_hit, stored_to_quote
from search.errors import QuerySyntaxError, SearchError
from search.models import Article, FacetCount, Hit, Quote, SearchResult, SourceSummary, SpeakerSummary, Stats
from search.query import Compiled, compile_request

SORTS = ("relevance", "newest", "oldest", "date")
FACETS = ("speaker", "source", "kind", "type", "date", "date:day", "date:month", "date:year")
_FACET_FIELD = {"speaker": "speaker_name", "source": "source", "kind": "kind", "type": "quote_kind", "date": "date"}
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


class _Marks(highlight.Formatter):
    """Wrap matched words in control characters; turned into offsets by `_split_marks`."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return _MARK_OPEN + highlight.get_text(text, token, replace) + _MARK_CLOSE


def _split_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start = None
    for ch in marked:
        if ch == _MARK_OPEN:
            start = pos
        elif ch == _MARK_CLOSE:
            if start is not None:
                spans.append((start, pos))
            start = None
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), spans


def parse_facet(name: str) -> tuple[str, str | None]:
    """'date:month' -> ('date', 'month'); raises for names we do not facet on."""
    base, _, bucket = name.partition(":")
    if base not in _FACET_FIELD or (bucket and (base != "date" or bucket not in ("day", "month", "year"))):
        raise QuerySyntaxError(f"unknown facet '{name}'; use speaker, source, kind, type, date, date:day, date:month or date:year")
    return base, (bucket or "day") if base == "date" else None


def _bucket(value: dt.datetime, size: str) -> str:
    if size == "year":
        return f"{value.year:04d}"
    if size == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.date().isoformat()


def _utc(timestamp: float) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(tzinfo=None) if timestamp > 0 else None


class Index:
    """A read-only view of one index: search, facets, speakers, sources, stats, documents."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else store.default_index_dir()
        self._ix = store.open_index(self.path)
        self._searcher = self._ix.searcher()

    @classmethod
    def open(cls, path: Path | str | None = None) -> Index:
        return cls(path)

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -----------------------------------------------------------------------------------
    def search(
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
        facets: list[str] | None = None,
        facet_limit: int | None = 10,
        limit: int = 10,
        offset: int = 0,
        sort: str = "relevance",
        snippets: bool = True,
    ) -> SearchResult:
        """Search with the query language and filters; facets count every match."""
        started = time.perf_counter()
        if sort not in SORTS:
            raise QuerySyntaxError(f"unknown sort '{sort}'; use relevance, newest or oldest")
        if limit < 0 or offset < 0:
            raise QuerySyntaxError("--limit and --offset must be 0 or more")
        facet_specs = [parse_facet(f) for f in facets or []]
        c = compile_request(self._searcher, text, speakers, sources, since, until, on, kind, quote_kinds)
        s = self._searcher
        sortedby = None
        reverse = False
        if sort in ("newest", "date"):
            sortedby, reverse = "date", True
        elif sort == "oldest":
            sortedby = "date"
        groupedby = None
        if facet_specs:
            groupedby = {base: sorting.FieldFacet(_FACET_FIELD[base], maptype=sorting.Count) for base, _ in facet_specs}
        results = s.search(c.query, filter=c.filter, limit=offset + limit if limit else 1, sortedby=sortedby, reverse=reverse, groupedby=groupedby, terms=True)
        total = len(results)
        hits: list[Hit] = []
        if snippets:
            results.fragmenter = highlight.ContextFragmenter(maxchars=300, surround=80)
            results.formatter = _Marks()
        for r in list(results)[offset : offset + limit] if limit else []:
            fields = r.fields()
            hit = stored_to_hit(fields, score=None if sortedby else round(r.score, 4))
            if snippets:
                hit.snippet, hit.highlights = self._snippet(r, fields, hit)
            hits.append(hit)
        facet_counts = {}
        for base, bucket in facet_specs:
            groups = results.groups(base)
            counts: Counter[str] = Counter()
            for value, n in groups.items():
                if value is None or value == "" or value == b"":
                    continue
                if base == "date":
                    value = _bucket(value, bucket or "day")
                elif isinstance(value, bytes):
                    value = value.decode("utf-8")
                counts[str(value)] += n
            ordered = sorted(counts.items(), key=(lambda kv: kv[0]) if base == "date" else (lambda kv: (-kv[1], kv[0])))
            if facet_limit and base != "date":
                ordered = ordered[:facet_limit]
            facet_counts[base if not bucket or bucket == "day" else f"date:{bucket}"] = [FacetCount(value=v, count=n) for v, n in ordered]
        notes = list(dict.fromkeys(c.notes))
        if c.date_filtered:
            undated = self._undated(c)
            if undated:
                notes.append(f"{undated} undated document(s) left out by the date filter")
        suggestion = None
        if total == 0 and text.strip():
            suggestion = self._suggest(c, text)
            if suggestion:
                notes.append(f"did you mean: {suggestion}")
        return SearchResult(
            query=c.described,
            total=total,
            offset=offset,
            limit=limit,
            hits=hits,
            facets=facet_counts,
            notes=notes,
            suggestion=suggestion,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
        )

    def _snippet(self, r, fields: dict, hit: Hit) -> tuple[str, list[tuple[int, int]]]:
        text = fields.get("text", "")
        if hit.doc_kind == "quote" and len(text) <= 400:
            frag = highlight.WholeFragmenter()
            terms = {t.decode("utf-8") if isinstance(t, bytes) else t for f, t in (r.matched_terms() or ()) if f == "text"}
            marked = highlight.highlight(text, terms, self._ix.schema["text"].analyzer, frag, _Marks()) if terms else ""
        else:
            marked = r.highlights("text", top=2)
        if not marked or _MARK_OPEN not in marked:
            return hit.text, []
        return _split_marks(marked)

    def _undated(self, c: Compiled) -> int:
        """Matches that the date filter removed only because they have no date."""
        parts = [c.query, wq.Term("has_date", "no")]
        if c.filter_no_date is not None:
            parts.append(c.filter_no_date)
        return len(self._searcher.search(wq.And(parts), limit=1))

    def _suggest(self, c: Compiled, text: str) -> str | None:
        try:
            corrected = self._searcher.correct_query(c.query, text)
        except Exception:  # correction is a courtesy; never fail a search for it
            return None
        if corrected.query != c.query and corrected.string != text:
            return corrected.string
        return None

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
        """Canonical speakers of the quotes matching `text` and filters, most quoted first."""
        c = compile_request(self._searcher, text, kind="quote", **filters)
        results = self._searcher.search(c.query, filter=c.filter, limit=None, groupedby={"speaker": sorting.FieldFacet("speaker_name")})
        groups = results.groups("speaker")
        ordered = sorted(((k, v) for k, v in groups.items() if k), key=lambda kv: (-len(kv[1]), kv[0]))
        if limit:
            ordered = ordered[:limit]
        out = []
        for name, docnums in ordered:
            name = name.decode() if isinstance(name, bytes) else name
            sources: Counter[str] = Counter()
            descriptions: Counter[str] = Counter()
            dates: list[dt.date] = []
            articles: set[str] = set()
            kinds: Counter[str] = Counter()
            for n in docnums:
                f = self._searcher.stored_fields(n)
                if f.get("source"):
                    sources[f["source"]] += 1
                if f.get("description"):
                    descriptions[f["description"]] += 1
                if f.get("date"):
                    dates.append(f["date"].date())
                if f.get("speaker_type"):
                    kinds[f["speaker_type"]] += 1
                articles.add(f["article_id"])
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
                )
            )
        return out

    def sources(self, text: str = "", **filters) -> list[SourceSummary]:
        c = compile_request(self._searcher, text, **filters)
        results = self._searcher.search(c.query, filter=c.filter, limit=None, groupedby={"source": sorting.FieldFacet("source")})
        out = []
        for name, docnums in results.groups("source").items():
            if not name:
                continue
            arts = quotes = 0
            speakers: set[str] = set()
            dates: list[dt.date] = []
            for n in docnums:
                f = self._searcher.stored_fields(n)
                if f.get("kind") == "article":
                    arts += 1
                else:
                    quotes += 1
                    if f.get("speaker_name"):
                        speakers.add(f["speaker_name"])
                if f.get("date"):
                    dates.append(f["date"].date())
            out.append(
                SourceSummary(
                    name=name,
                    articles=arts,
                    quotes=quotes,
                    speakers=len(speakers),
                    first_date=min(dates) if dates else None,
                    last_date=max(dates) if dates else None,
                )
            )
        return sorted(out, key=lambda s: (-s.articles, s.name))

    def stats(self) -> Stats:
        s = self._searcher
        counts: dict[str, int] = defaultdict(int)
        for kind in ("article", "quote"):
            counts[kind] = len(s.search(wq.Term("kind", kind), limit=1))
        first = last = None
        col = s.reader().column_reader("date") if s.reader().has_column("date") else None
        if col is not None:
            values = [v for v in col if v]
            if values:
                first, last = min(values).date(), max(values).date()
        size = sum(p.stat().st_size for p in self.path.iterdir() if p.is_file())
        undated = len(s.search(wq.And([wq.Term("kind", "article"), wq.Term("has_date", "no")]), limit=1))
        return Stats(
            index=str(self.path),
            articles=counts["article"],
            quotes=counts["quote"],
            speakers=sum(1 for _ in s.lexicon("speaker_name")),
            sources=sum(1 for _ in s.lexicon("source")),
            undated_articles=undated,
            first_date=first,
            last_date=last,
            size_bytes=size,
            last_updated=_utc(self._ix.last_modified()),
        )
