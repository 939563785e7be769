"""From what the user typed to a Whoosh query: the query language, filters and forgiveness.

The query text uses Whoosh's language (words, "phrases", AND/OR/NOT, grouping, wildcards,
fuzzy terms like `Lukianov~`, `field:value`). Before Whoosh sees it we check what Whoosh
would silently swallow (an unclosed quote or bracket, an unknown field) so that the user gets
a clear message instead of a surprising result. Speaker and source names are matched the
forgiving way (case, accents, honorifics, surname alone, abbreviations, misspellings)
against the names the index actually holds.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.qparser import (
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
)
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.searching import Searcher

from search.dates import WhooshDates, parse_period, to_datetime
from search.errors import QuerySyntaxError
from search.sources import source_keys

# Names a user may type before ':' -> schema field. One place for the query language's fields.
FIELD_ALIASES: dict[str, str] = {
    "text": "text",
    "quote": "text",
    "title": "title",
    "speaker": "speaker",
    "who": "speaker",
    "source": "source",
    "outlet": "source",
    "date": "date",
    "kind": "kind",
    "type": "quote_kind",
    "quote_kind": "quote_kind",
    "author": "author",
    "description": "description",
    "article": "article_id",
    "article_id": "article_id",
    "id": "id",
}
DOC_KINDS = ("article", "quote")
QUOTE_KINDS = ("direct", "partial", "indirect")
DEFAULT_FIELDS = ["text", "title"]
EXAMPLES = (
    'Ukraine   "return to normality"   speaker:lukyanov   Putin AND NOT Trump   '
    "date:[2025-01 TO 2025-03]   kind:quote   Lukianov~   negotiat*"
)

# Honorifics and titles dropped when matching a typed name against speakers.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev", "president", "senator", "sen",
    "rep", "gov", "governor", "mayor", "minister", "secretary", "gen", "general", "judge", "justice",
    "pope", "king", "queen", "prince", "lord", "lady", "chancellor", "premier", "ambassador",
}


def fold(text: str) -> str:
    """Lower case without accents: 'Lukyánov' -> 'lukyanov'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_tokens(name: str) -> list[str]:
    tokens = re.findall(r"\w+(?:['’]\w+)*", fold(name))
    return [t for t in tokens if t not in HONORIFICS] or tokens


# ---------------------------------------------------------------------------------------
# Checking and parsing the query text


def _unquoted_spans(text: str) -> list[tuple[int, int]]:
    spans, pos, inside = [], 0, False
    for i, ch in enumerate(text):
        if ch == '"':
            if not inside:
                spans.append((pos, i))
            else:
                pos = i + 1
            inside = not inside
    if not inside:
        spans.append((pos, len(text)))
    return spans


def check_syntax(text: str) -> None:
    """Raise QuerySyntaxError for what Whoosh would silently misread."""
    if text.count('"') % 2:
        col = text.rfind('"') + 1
        raise QuerySyntaxError(f'unclosed quote at column {col} in {text!r}; close the phrase: "return to normality"')
    outside = "".join(text[s:e] for s, e in _unquoted_spans(text))
    for open_, close, example in (("(", ")", "(Putin OR Trump) AND Ukraine"), ("[", "]", "date:[2025-01 TO 2025-03]"), ("{", "}", "date:{2025-01 TO 2025-03}")):
        depth = 0
        for ch in outside:
            depth += (ch == open_) - (ch == close)
            if depth < 0:
                raise QuerySyntaxError(f"unmatched '{close}' in {text!r}; write it as: {example}")
        if depth:
            raise QuerySyntaxError(f"unclosed '{open_}' in {text!r}; write it as: {example}")
    for s, e in _unquoted_spans(text):
        for m in re.finditer(r"(?<![\w\\])([A-Za-z_]+):(?!//)", text[s:e]):
            if m.group(1).lower() not in FIELD_ALIASES:
                known = ", ".join(sorted({k for k in FIELD_ALIASES if k in {"text", "title", "speaker", "source", "date", "kind", "type", "author"}}))
                raise QuerySyntaxError(f"unknown field '{m.group(1)}:' in {text!r}; fields are {known} (e.g. speaker:lukyanov)")


def _date_error(message: object) -> None:
    raise QuerySyntaxError(f"bad date in query: {message}; write date:2025, date:2025-02 or date:[2025-01 TO 2025-03]")


def make_parser(schema) -> MultifieldParser:
    parser = MultifieldParser(DEFAULT_FIELDS, schema, fieldboosts={"title": 1.5})
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(DateParserPlugin(dateparser=WhooshDates(), callback=_date_error))
    return parser


def _rename_fields(text: str) -> str:
    """Map friendly field names (who:, type:, outlet:) to schema fields before parsing."""

    def repl(m: re.Match) -> str:
        return FIELD_ALIASES.get(m.group(1).lower(), m.group(1)) + ":"

    out, last = [], 0
    for s, e in _unquoted_spans(text):
        out.append(text[last:s])
        out.append(re.sub(r"(?<![\w\\])([A-Za-z_]+):(?!//)", repl, text[s:e]))
        last = e
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------------------------------
# Forgiving names


@dataclass
class NameMatch:
    """The index values a typed name stands for, and what we tell the user about it."""

    values: list[str] = field(default_factory=list)
    note: str | None = None


def _lexicon(searcher: Searcher, fieldname: str) -> list[str]:
    cache = searcher.__dict__.setdefault("_search_lexicons", {})
    if fieldname not in cache:
        cache[fieldname] = [v.decode("utf-8") if isinstance(v, bytes) else v for v in searcher.lexicon(fieldname)]
    return cache[fieldname]


def match_speaker(searcher: Searcher, typed: str) -> NameMatch:
    """Canonical speakers `typed` may mean: every token (honorifics aside) must match a token
    of the name; failing that, the closest spellings."""
    wanted = name_tokens(typed)
    if not wanted:
        return NameMatch()
    names = _lexicon(searcher, "speaker_name")
    tokens_of = {n: name_tokens(n) for n in names}
    exact = [n for n in names if fold(n) == fold(typed)]
    if exact:
        return NameMatch(exact)
    found = [n for n, toks in tokens_of.items() if all(w in toks for w in wanted)]
    if not found:
        found = [n for n, toks in tokens_of.items() if all(any(t.startswith(w) for t in toks) for w in wanted)]
    if found:
        note = None
        if len(found) > 1:
            note = f"speaker '{typed}' matches {len(found)} speakers: {', '.join(sorted(found))}"
        return NameMatch(sorted(found), note)
    # Misspelling: compare each typed token with the tokens of every name.
    vocabulary = sorted({t for toks in tokens_of.values() for t in toks})
    close: dict[str, list[str]] = {}
    for w in wanted:
        close[w] = difflib.get_close_matches(w, vocabulary, n=3, cutoff=0.75)
    if all(close.values()):
        found = [n for n, toks in tokens_of.items() if all(any(c in toks for c in close[w]) for w in wanted)]
        if found:
            return NameMatch(sorted(found), f"no speaker '{typed}'; showing {', '.join(sorted(found))}")
    return NameMatch([], f"no speaker matches '{typed}'")


def match_source(searcher: Searcher, typed: str) -> NameMatch:
    """Sources `typed` may mean: 'wsj', 'Wall Street Journal', 'nyt' all find their outlet."""
    names = _lexicon(searcher, "source")
    typed_keys = source_keys(typed)
    found = [n for n in names if typed_keys & source_keys(n)]
    if not found:
        key = fold(typed).strip()
        found = [n for n in names if key and key in fold(n)]
    if found:
        note = f"source '{typed}' matches {', '.join(found)}" if len(found) > 1 else None
        return NameMatch(found, note)
    close = difflib.get_close_matches(fold(typed), [fold(n) for n in names], n=2, cutoff=0.7)
    found = [n for n in names if fold(n) in close]
    if found:
        return NameMatch(found, f"no source '{typed}'; showing {', '.join(found)}")
    return NameMatch([], f"no source matches '{typed}'")


def _any_of(fieldname: str, values: list[str]) -> wq.Query:
    if not values:
        return wq.NullQuery
    terms = [wq.Term(fieldname, v) for v in values]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


# ---------------------------------------------------------------------------------------
# The whole request


@dataclass
class Compiled:
    """A request turned into Whoosh queries, plus the notes owed to the user."""

    query: wq.Query
    filter: wq.Query | None
    notes: list[str]
    described: str
    date_filtered: bool
    filter_no_date: wq.Query | None = None  # the filters without the date range
    empty: bool = False  # a filter matched nothing in the index (e.g. unknown speaker)


def _rewrite(q: wq.Query, searcher: Searcher, notes: list[str]) -> wq.Query:
    """Make `source:` and `speaker:` terms forgiving and send `kind:direct` to quote kinds."""
    if isinstance(q, wq.Term):
        value = q.text.decode() if isinstance(q.text, bytes) else str(q.text)
        if q.fieldname == "source":
            m = match_source(searcher, value)
            if m.note:
                notes.append(m.note)
            return _any_of("source", m.values)
        if q.fieldname == "kind" and value.lower() in QUOTE_KINDS:
            return wq.Term("quote_kind", value.lower())
        if q.fieldname == "kind" and value.lower() not in DOC_KINDS:
            raise QuerySyntaxError(f"unknown kind '{value}'; use kind:quote, kind:article, or type:direct|partial|indirect")
        if q.fieldname == "quote_kind" and value.lower() not in QUOTE_KINDS:
            raise QuerySyntaxError(f"unknown quote type '{value}'; use type:direct, type:partial or type:indirect")
        if q.fieldname == "speaker":
            m = match_speaker(searcher, value)
            if m.values and not any(value in name_tokens(v) for v in m.values):
                if m.note:
                    notes.append(m.note)
                return _any_of("speaker_name", m.values)
        return q
    if isinstance(q, wq.Phrase) and q.fieldname == "speaker":
        typed = " ".join(w.decode() if isinstance(w, bytes) else w for w in q.words)
        m = match_speaker(searcher, typed)
        if m.note:
            notes.append(m.note)
        return _any_of("speaker_name", m.values) if m.values else q
    if q.is_leaf():
        return q
    return q.apply(lambda sub: _rewrite(sub, searcher, notes))


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
) -> Compiled:
    notes: list[str] = []
    described: list[str] = []
    empty = False
    text = (text or "").strip()
    if text:
        check_syntax(text)
        parsed = make_parser(searcher.schema).parse(_rename_fields(text))
        query = _rewrite(parsed, searcher, notes)
        described.append(str(query))
    else:
        query = wq.Every()
    filters: list[wq.Query] = []
    if kind not in ("all", *DOC_KINDS):
        raise QuerySyntaxError(f"unknown kind '{kind}'; use quote, article or all")
    if kind != "all":
        filters.append(wq.Term("kind", kind))
        described.append(f"kind={kind}")
    if quote_kinds:
        for qk in quote_kinds:
            if qk not in QUOTE_KINDS:
                raise QuerySyntaxError(f"unknown quote type '{qk}'; use direct, partial or indirect")
        filters.append(_any_of("quote_kind", list(quote_kinds)))
        described.append(f"type={'|'.join(quote_kinds)}")
    for typed in speakers or []:
        m = match_speaker(searcher, typed)
        if m.note:
            notes.append(m.note)
        empty |= not m.values
        filters.append(_any_of("speaker_name", m.values))
        described.append(f"speaker={'|'.join(m.values) or typed}")
    if sources:
        values: list[str] = []
        for typed in sources:
            m = match_source(searcher, typed)
            if m.note:
                notes.append(m.note)
            values += m.values
        empty |= not values
        filters.append(_any_of("source", values))
        described.append(f"source={'|'.join(values) or ','.join(sources)}")
    filter_no_date = wq.And(filters) if len(filters) > 1 else (filters[0] if filters else None)
    start = end = None
    if on:
        start, end = parse_period(on)
    if since:
        start = parse_period(since)[0]
    if until:
        end = parse_period(until)[1]
    if start and end and start > end:
        raise QuerySyntaxError(f"--since {start} is after --until {end}; swap them")
    date_filtered = bool(start or end)
    if date_filtered:
        filters.append(wq.DateRange("date", to_datetime(start) if start else None, to_datetime(end, end=True) if end else None))
        described.append(f"date={start or '…'}..{end or '…'}")
    flt = None
    if filters:
        flt = filters[0] if len(filters) == 1 else wq.And(filters)
    return Compiled(query, flt, notes, " ".join(described) or "*", date_filtered, filter_no_date, empty)
