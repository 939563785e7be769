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
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from search.backend import default_index_dir
from search.errors import QuerySyntaxError, SearchError
from search.indexing.documents import stored_to_article, stored_to_hit, stored_to_quote
from search.query import budget, trails
from search.query import facets as facet_counting
from search.query.facets import FACET_FIELDS, FACETS, parse_facet  # noqa: F401  (their home was here)
from search.query.parser import require_text
from search.query.request import compile_request
from search.query.snippets import make_snippet
from search.query.suggest import suggest

if TYPE_CHECKING:  # models are imported where they are built: `search_json` never needs pydantic
    from search.backend import Searcher
    from search.models import Article, CountTable, Quote, SearchResult, SourceSummary, SpeakerProfile, SpeakerSummary, Stats, Trail

SORTS = ("relevance", "newest", "oldest", "date")


def _utc(timestamp: float) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(tzinfo=None) if timestamp > 0 else None


def open_backend(path: Path) -> Searcher:
    """The searcher of the index at `path`, of the backend the index was created with."""
    from search.backend import open_searcher

    return open_searcher(path)


class Index:
    """A read-only view of one index: search, facets, speakers, sources, stats, documents."""

    def __init__(self, path: Path | str | None = None, budget_seconds: float | None | object = budget.DEFAULT):
        self.path = Path(path) if path else default_index_dir()
        self.backend: Searcher = open_backend(self.path)
        # each search's time budget in seconds (None: no limit; by default budget.DEFAULT_BUDGET)
        self.last_speaker_count = 0  # speakers the last `speakers` call found, before its limit
        self.budget_seconds: float | None = budget.DEFAULT_BUDGET if budget_seconds is budget.DEFAULT else cast("float | None", budget_seconds)

    @classmethod
    def open(cls, path: Path | str | None = None, budget_seconds: float | None | object = budget.DEFAULT) -> Index:
        return cls(path, budget_seconds)

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _date(self, key: int) -> dt.date | None:
        return self.backend.date_of(key)

    # -----------------------------------------------------------------------------------
    def search(self, text: str = "", **options: Any) -> SearchResult:
        """Search with the query language and filters; facets count every match, not the page.

        Options (all keyword): speakers, sources, since, until, on, kind ('quote', 'article',
        'all'), quote_kinds, cue_classes (['speech'] for words said, not views held), facets, facet_limit, limit, offset, sort ('relevance', 'newest',
        'oldest'), snippets, collapse (True: one hit per quote group, the best-ranked report,
        its group's figures in `group_*` and `first_*`; `collapsed_total` counts them). With no text and no filters every document matches, newest
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
        limit: int | None = 10,
        offset: int = 0,
        sort: str = "relevance",
        snippets: bool = True,
        by: str | None = None,
        collapse: bool = False,
    ) -> dict[str, Any]:
        """`search`, as the dict `SearchResult.model_dump(mode="json")` would give: for callers
        that only print JSON (the CLI), which then never import pydantic. Same keys, same
        order, same values (tests/test_api.py holds the two to each other)."""
        if sort not in SORTS:
            raise QuerySyntaxError(f"unknown sort '{sort}'; use relevance, newest or oldest")
        if (limit is not None and limit < 0) or offset < 0:
            raise QuerySyntaxError("--limit and --offset must be 0 or more")
        facet_keys = list(dict.fromkeys(parse_facet(f) for f in facets or []))
        by_key = parse_facet(by) if by else None
        if by_key and not facet_keys:
            raise QuerySyntaxError(f"--by {by} crosses a facet with another: name the rows with --facet, e.g. --facet source --by {by}")
        with budget.running(budget.Deadline(self.budget_seconds)) as deadline:
            options = (speakers, sources, since, until, on, kind, quote_kinds, cue_classes)
            result = self._search(text, deadline, options, facet_keys, facet_limit, limit, offset, sort, snippets, by_key, collapse)
        deadline.check()  # a step the checks could not reach ran past the budget: say so all the same
        return result

    def _search(
        self,
        text: str,
        deadline: budget.Deadline,
        options: tuple[Any, ...],
        facet_keys: list[str],
        facet_limit: int | None,
        limit: int | None,
        offset: int,
        sort: str,
        snippets: bool,
        by_key: str | None = None,
        collapse: bool = False,
    ) -> dict[str, Any]:
        c = compile_request(self.backend, text, *options)
        notes = list(c.notes)
        if sort == "relevance" and not c.has_text:
            sort = "newest"
        stop = offset + limit if limit is not None else None  # None: every hit (`--limit all`)
        every = stop is None or collapse  # collapsing ranks every match: a page of groups may reach far down
        matched, top = self.backend.match(c, top=(2**31 - 1 if every or stop is None else stop) if sort == "relevance" else 0)
        total = len(matched)
        page: list[tuple[int, float | None]]
        collapsed_total = None
        if collapse:
            scores: dict[int, float] = {docnum: score for score, docnum in top}
            ranked = trails.collapse(
                self.backend, [n for _, n in top] if sort == "relevance" else facet_counting.by_date(self.backend, matched, sort != "oldest", None)
            )
            collapsed_total = len(ranked)
            page = [(n, round(scores[n], 4) if n in scores else None) for n in ranked[offset:stop]]
        elif sort == "relevance":
            page = [(docnum, round(score, 4)) for score, docnum in top[offset:stop]]
        else:
            page = [(n, None) for n in facet_counting.by_date(self.backend, matched, sort != "oldest", stop)[offset:stop]]
        terms = self.backend.highlight_terms(c) if snippets and c.has_text else set()
        phrases = self.backend.highlight_phrases(c) if snippets and c.has_text else []
        word_to_term = self.backend.word_to_term()
        hits: list[dict[str, Any]] = []
        for docnum, score in page:
            fields = self.backend.stored(docnum)
            hit = stored_to_hit(fields, score=score)
            if snippets:
                snippet, spans = make_snippet(self._snippet_text(fields, hit), terms, word_to_term, phrases=phrases)
                hit["snippet"], hit["highlights"] = snippet, [[s, e] for s, e in spans]
            hits.append(hit)
        trails.add_group_figures(self.backend, hits)
        facet_counts: dict[str, list[dict[str, Any]]] = {}
        facet_values: dict[str, int] = {}
        for key in facet_keys:
            facet_counts[key], facet_values[key], uncounted = facet_counting.facet(self.backend, key, matched, facet_limit or None)
            if uncounted and facet_counting.is_time(key):
                notes.append(f"{uncounted:,} undated document(s) are not in the {key} facet")
        if c.date_filtered:
            undated = self.backend.count_undated(c)
            if undated:
                notes.append(f"{undated} undated document(s) left out by the date filter")
        suggestion = None
        if total == 0 and c.has_text:
            suggestion = self._suggest(text, *options)
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
            "took_ms": round(deadline.elapsed() * 1000, 2),
            "tables": [self._table(key, by_key, matched, facet_limit or None, c.described, total, []) for key in facet_keys] if by_key else [],
            "collapsed_total": collapsed_total,
        }

    def _table(self, key: str, by_key: str | None, matched: Sequence[int], limit: int | None, described: str, total: int, notes: list[str]) -> dict[str, Any]:
        """A CountTable in its JSON shape (`models.CountTable`)."""
        table = facet_counting.crosstab(self.backend, key, by_key, matched, limit)
        return {"query": described, "total": total, **table.as_json(), "notes": notes, "took_ms": 0.0}

    # -----------------------------------------------------------------------------------
    def count(self, facet: str, text: str = "", **options: Any) -> CountTable:
        """Counts of the documents matching `text` and filters by `facet`, crossed with
        `by` when given: `ix.count("source", kind="quote", by="date:month")` is a time series
        per outlet. Options: by, limit (rows; None: all; time rows are never cut), and the
        filters of `search` (speakers, sources, since, until, on, kind, quote_kinds, cue_classes)."""
        from search.models import CountTable

        return CountTable.model_validate(self.count_json(facet, text, **options))

    def count_json(
        self,
        facet: str,
        text: str = "",
        *,
        by: str | None = None,
        limit: int | None = 20,
        speakers: list[str] | None = None,
        sources: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        on: str | None = None,
        kind: str = "all",
        quote_kinds: list[str] | None = None,
        cue_classes: list[str] | None = None,
    ) -> dict[str, Any]:
        """`count` as the dict `CountTable.model_dump(mode="json")` would give (no pydantic)."""
        key = parse_facet(facet)
        by_key = parse_facet(by) if by else None
        if by_key == key:
            raise QuerySyntaxError(f"--by {by} is the facet the rows already count; cross two different facets, e.g. source --by date:month")
        if limit is not None and limit < 0:
            raise QuerySyntaxError("--limit must be 0 or more")
        with budget.running(budget.Deadline(self.budget_seconds)) as deadline:
            c = compile_request(self.backend, text, speakers, sources, since, until, on, kind, quote_kinds, cue_classes)
            matched = self.backend.match(c)[0]
            notes = list(c.notes)
            table = self._table(key, by_key, matched, limit, c.described, len(matched), notes)
        deadline.check()
        if table["uncounted"]:
            why = "undated" if facet_counting.is_time(key) or facet_counting.is_time(by_key or "") else "not quotes"
            notes.append(f"{table['uncounted']:,} matched document(s) are in no cell ({why})")
        table["took_ms"] = round(deadline.elapsed() * 1000, 2)
        return table

    @staticmethod
    def _snippet_text(fields: dict[str, Any], hit: dict[str, Any]) -> str:
        """A quote's words; an article's body, less a first paragraph that only repeats the title."""
        if hit["doc_kind"] == "quote":
            return str(fields.get("text", ""))
        body: str = fields.get("text") or hit["text"]
        first, _, rest = body.partition("\n\n")
        title = hit["title"]
        if rest and title and first.rstrip(". ") == title.rstrip(". "):
            return rest
        return body

    def _suggest(self, text: str, *args: Any) -> str | None:
        """A corrected query that finds something, keeping the user's other query parts."""
        corrected = suggest(self.backend, text)
        if not corrected:
            return None
        try:
            c = compile_request(self.backend, corrected, *args)
        except SearchError:
            return None
        return corrected if self.backend.match(c)[0] else None

    def _matched(self, text: str, **filters: Any) -> Sequence[int]:
        """Every document matching `text` and `filters`, found within the time budget (what
        is then read for each is bounded by the listing asked for, not by the budget)."""
        with budget.running(budget.Deadline(self.budget_seconds)) as deadline:
            matched = self.backend.match(compile_request(self.backend, text, **filters))[0]
        deadline.check()
        return matched

    # -----------------------------------------------------------------------------------
    def get(self, doc_id: str) -> dict[str, Any] | None:
        return self.backend.document(id=require_text(doc_id, "the id"))

    def article(self, article_id: str) -> Article:
        fields = self.backend.document(id=require_text(article_id, "the id"), kind="article")
        if fields is None:
            raise SearchError(f"no article with id {article_id!r}; ids are shown by: search query --kind article")
        return stored_to_article(fields)

    def quote(self, quote_id: str) -> Quote:
        fields = self.backend.document(id=require_text(quote_id, "the id"), kind="quote")
        if fields is None:
            raise SearchError(f"no quote with id {quote_id!r}; ids are shown by: search query --json")
        return stored_to_quote(fields)

    def trail(self, quote_id: str) -> Trail:
        """Every report of the quotation `quote_id` belongs to (its quote group), earliest
        first: where and when each was printed, by whom it was said. A quote reported once
        is a trail of one. Raises SearchError for an id that is no quote."""
        from search.models import Trail

        return Trail.model_validate(self.trail_json(quote_id))

    def trail_json(self, quote_id: str) -> dict[str, Any]:
        """`trail` as the dict `Trail.model_dump(mode="json")` would give."""
        return trails.trail_json(self.backend, require_text(quote_id, "the id"))

    def quotes_of(self, article_id: str) -> list[Quote]:
        docs = self.backend.documents(article_id=article_id, kind="quote")
        return sorted((stored_to_quote(f) for f in docs), key=lambda q: q.start)

    # -----------------------------------------------------------------------------------
    def speakers(self, text: str = "", *, limit: int | None = 50, **filters: Any) -> list[SpeakerSummary]:
        """Speaker identities of the quotes matching `text` and filters, most quoted first,
        each with its id and the names it is written as (see search.identities); the
        `limit` most quoted (None: every one; 0: none).

        Counts, sources and dates come from the sortable columns; the details only stored
        fields hold (articles, descriptions, speaker type) are read for the listed speakers.
        """
        from search.models import SpeakerSummary

        matched = self._matched(text, kind="quote", **filters)
        speaker_col = self.backend.column("speaker_name")
        if speaker_col is None:
            return []
        by_speaker: dict[str, list[int]] = {}
        for n in matched:
            name = speaker_col[n]
            if name:
                by_speaker.setdefault(name, []).append(n)
        self.last_speaker_count = len(by_speaker)  # how many there were before the cut ("top N of M")
        ordered = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
        source_col, date_col = self.backend.column("source"), self.backend.column("date")
        article_col = self.backend.column("article_id")  # used when the indexer makes it sortable
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
                f = self.backend.stored(n)
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
                    speaker_type=cast(Any, kinds.most_common(1)[0][0]) if kinds else None,  # validated by the model
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

    def speaker(self, name: str, **options: Any) -> SpeakerProfile:
        """The profile of one speaker: identity, descriptions over time and by outlet, quotes
        per period and per outlet, distinctive words, first and latest quote.

        `name` is resolved to one identity (`=ID` or an exact name picks it; a loose name
        must match one): several raise `AmbiguousNameError` (its `candidates`), none
        `UnknownNameError`. Options: sources, since, until, on, period ('month', 'day',
        'year'), terms (words listed, 15), descriptions (listed, 10; None: all)."""
        from search.models import SpeakerProfile

        return SpeakerProfile.model_validate(self.speaker_json(name, **options))

    def speaker_json(self, name: str, **options: Any) -> dict[str, Any]:
        """`speaker` as the dict `SpeakerProfile.model_dump(mode="json")` would give."""
        from search.query.profile import speaker_profile

        with budget.running(budget.Deadline(self.budget_seconds)) as deadline:
            profile = speaker_profile(self.backend, name, **options)
        deadline.check()
        profile["took_ms"] = round(deadline.elapsed() * 1000, 2)
        return profile

    def sources(self, text: str = "", **filters: Any) -> list[SourceSummary]:
        """Outlets of the documents matching `text` and filters, most articles first; all
        from the sortable columns."""
        from search.models import SourceSummary

        matched = self._matched(text, **filters)
        counted = self._source_counts(matched)
        if counted is not None:
            return sorted(counted, key=lambda s: (-s.articles, -s.quotes, s.name))
        source_col, kind_col, speaker_col, date_col = (self.backend.column(f) for f in ("source", "kind", "speaker_name", "date"))
        if source_col is None:
            return []
        groups: dict[str, list[int]] = {}
        for n in matched:
            if source_col[n]:
                groups.setdefault(source_col[n], []).append(n)
        out = []
        for name, docnums in groups.items():
            kinds = Counter(kind_col[n] for n in docnums) if kind_col is not None else Counter()
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

    def _source_counts(self, matched: Sequence[int]) -> list[SourceSummary] | None:
        """`sources` from counts the engine makes (`Searcher.value_counts`), the matches
        never listed; None where the backend cannot, and the columns count instead."""
        from search.models import SourceSummary

        by_kind = self.backend.value_counts(matched, ("source", "kind"))
        by_speaker = self.backend.value_counts(matched, ("source", "speaker_name"), "quote") if by_kind is not None else None
        by_date = self.backend.value_counts(matched, ("source", "date")) if by_speaker is not None else None
        if by_kind is None or by_speaker is None or by_date is None:
            return None
        kinds: dict[str, Counter[str]] = {}
        for (source, kind), k in by_kind.items():
            if source:
                kinds.setdefault(source, Counter())[kind] += k
        speakers: Counter[str] = Counter(source for source, name in by_speaker if source and name)
        days: dict[str, list[dt.date]] = {}
        for source, key in by_date:
            day = self._date(key)
            if source and day is not None:
                days.setdefault(source, []).append(day)
        return [
            SourceSummary(
                name=name,
                articles=counts.get("article", 0),
                quotes=counts.get("quote", 0),
                speakers=speakers.get(name, 0),
                first_date=min(days[name]) if name in days else None,
                last_date=max(days[name]) if name in days else None,
            )
            for name, counts in kinds.items()
        ]

    def stats(self) -> Stats:
        """The index as a whole, counted over live documents (deleted ones linger in Whoosh's
        term lists until a merge, so the lexicons would over-count after updates): by the
        engine where the backend counts (`Searcher.value_counts`), else from the columns."""
        from search.models import Stats

        everything = self.backend.match(compile_request(self.backend, ""))[0]
        by_kind = self.backend.value_counts(everything, ("kind",))
        if by_kind is not None:
            names = self.backend.value_counts(everything, ("speaker_name",)) or Counter()
            outlets = self.backend.value_counts(everything, ("source",)) or Counter()
            article_days = self.backend.value_counts(everything, ("date",), "article") or Counter()
            dated = {day: k for (key,), k in article_days.items() if (day := self._date(key))}
            days = list(dated)
            n_articles = sum(k for (kind,), k in by_kind.items() if kind == "article")
            return Stats(
                index=str(self.path),
                articles=n_articles,
                quotes=sum(k for (kind,), k in by_kind.items() if kind == "quote"),
                speakers=sum(1 for (name,) in names if name),
                sources=sum(1 for (name,) in outlets if name),
                undated_articles=n_articles - sum(dated.values()),
                first_date=min(days) if days else None,
                last_date=max(days) if days else None,
                size_bytes=self.backend.size_bytes(),
                last_updated=_utc(self.backend.last_modified()),
            )
        live = everything
        kind_col, speaker_col, source_col, date_col = (self.backend.column(f) for f in ("kind", "speaker_name", "source", "date"))
        kinds = Counter(kind_col[n] for n in live) if kind_col else Counter()
        articles = [n for n in live if kind_col[n] == "article"] if kind_col else []
        dates = [d for d in (self._date(date_col[n]) for n in articles) if d] if date_col else []
        size = self.backend.size_bytes()
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
            last_updated=_utc(self.backend.last_modified()),
        )
