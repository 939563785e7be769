"""From what the user typed to a Whoosh query: the query language, filters and forgiveness.

The query text uses Whoosh's language (words, "phrases", AND/OR/NOT, grouping, wildcards,
fuzzy terms like `Lukianov~`, `field:value`). Before Whoosh sees it we check what Whoosh
would silently swallow (an unclosed quote or bracket, an unknown field) so that the user gets
a clear message instead of a surprising result. Speaker and source names are matched the
forgiving way (case, accents, honorifics, surname alone, abbreviations, misspellings)
against the names the index actually holds, and a query that finds nothing gets a
"did you mean" built from the index's own (unstemmed) spelling list.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, MultifieldParser
from whoosh.searching import Searcher

from search.backend.whoosh.dates import PeriodDatePlugin
from search.dates import parse_period, to_datetime
from search.errors import QuerySyntaxError
from search.identities import name_tokens as name_words
from search.sources import source_keys

if TYPE_CHECKING:
    from search.identities import Table

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
    "cue_class": "cue_class",
    "class": "cue_class",
    "author": "author",
    "description": "description",
    "article": "article_id",
    "article_id": "article_id",
    "id": "id",
}
# The fields named in help and error messages (the others are aliases or for experts).
MAIN_FIELDS = ("speaker", "source", "date", "kind", "type", "title", "author", "text")
DOC_KINDS = ("article", "quote")
QUOTE_KINDS = ("direct", "partial", "indirect")
CUE_CLASSES = ("speech", "stance")
DEFAULT_FIELDS = ["text", "title"]
OPERATORS = {"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"}
# How many names a note lists before saying "and N more".
NOTE_NAMES = 5

# Honorifics and titles dropped when matching a typed name against speakers.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev", "president", "senator", "sen",
    "rep", "gov", "governor", "mayor", "minister", "secretary", "gen", "general", "judge", "justice",
    "pope", "king", "queen", "prince", "lord", "lady", "chancellor", "premier", "ambassador",
}  # fmt: skip

_FIELD_RE = re.compile(r"(?<![\w\\])([A-Za-z_]+):(?!//)")
_NAME_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def fold(text: str) -> str:
    """Lower case without accents: 'Lukyánov' -> 'lukyanov'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_tokens(name: str) -> list[str]:
    tokens = _NAME_TOKEN.findall(fold(name))
    return [t for t in tokens if t not in HONORIFICS] or tokens


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


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
    for open_, close, example in (("(", ")", "(Putin OR Trump) AND Ukraine"), ("[", "]", "date:[2016-01 TO 2016-03]"), ("{", "}", "date:{2016-01 TO 2016-03}")):
        depth = 0
        for ch in outside:
            depth += (ch == open_) - (ch == close)
            if depth < 0:
                raise QuerySyntaxError(f"unmatched '{close}' in {text!r}; write it as: {example}")
        if depth:
            raise QuerySyntaxError(f"unclosed '{open_}' in {text!r}; write it as: {example}")
    words = re.sub(r'"[^"]*"', " phrase ", text).split()
    if words and (words[0] in {"AND", "OR", "ANDNOT", "ANDMAYBE"} or words[-1] in OPERATORS):
        op = words[0] if words[0] in OPERATORS else words[-1]
        raise QuerySyntaxError(f"'{op}' needs a term on each side in {text!r}; write it as: Putin AND Ukraine (lower-case 'and' is a word)")
    for s, e in _unquoted_spans(text):
        for m in _FIELD_RE.finditer(text[s:e]):
            if m.group(1).lower() not in FIELD_ALIASES:
                raise QuerySyntaxError(f"unknown field '{m.group(1)}:' in {text!r}; fields are {', '.join(MAIN_FIELDS)} (e.g. speaker:lukyanov)")


def _date_error(message: object) -> None:
    raise QuerySyntaxError(f"bad date in query: {message}; write date:2016, date:2016-03, date:2016-03-14 or date:[2016-01 TO 2016-03]")


class _FuzzyTerm(wq.FuzzyTerm):
    """Whoosh works out a fuzzy term's matching terms twice per segment, once to estimate
    its size and once to match; this remembers them for the last reader asked."""

    def _btexts(self, ixreader):
        last = self.__dict__.get("_expanded")
        if last is None or last[0] is not ixreader:
            last = self.__dict__["_expanded"] = (ixreader, list(super()._btexts(ixreader)))
        return iter(last[1])


class _FuzzyTermPlugin(FuzzyTermPlugin):
    """`word~` with a prefix length of 1 unless the user gives one (`word~2/3`): Whoosh's
    default of 0 compares the word with every term of the field (120 ms a query on 924
    articles, 35 ms with a prefix of 1); misspellings rarely touch the first letter."""

    class FuzzyTermNode(FuzzyTermPlugin.FuzzyTermNode):
        qclass = _FuzzyTerm

    def create(self, parser, match):
        node = super().create(parser, match)
        if not match.group("prefix"):
            node.prefixlength = 1
        return node


# Parsers are built once per schema (Schema is unhashable, hence the id and the identity
# check): building one with its plugins costs about a millisecond.
_PARSERS: dict[int, tuple[object, MultifieldParser]] = {}


def make_parser(schema) -> MultifieldParser:
    cached = _PARSERS.get(id(schema))
    if cached is not None and cached[0] is schema:
        return cached[1]
    parser = MultifieldParser(DEFAULT_FIELDS, schema, fieldboosts={"title": 1.5})
    parser.add_plugin(_FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(PeriodDatePlugin(callback=_date_error))
    if len(_PARSERS) > 16:
        _PARSERS.clear()
    _PARSERS[id(schema)] = (schema, parser)
    return parser


def _rename_fields(text: str) -> str:
    """Map friendly field names (who:, type:, outlet:) to schema fields before parsing."""

    def repl(m: re.Match) -> str:
        return FIELD_ALIASES.get(m.group(1).lower(), m.group(1)) + ":"

    out, last = [], 0
    for s, e in _unquoted_spans(text):
        out.append(text[last:s])
        out.append(_FIELD_RE.sub(repl, text[s:e]))
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


class _Names:
    """The distinct values of a name field, read once per searcher from the field's term list
    alone: asking for every term's statistics as well (`iter_field`) cost a tenth of a second
    on a few thousand speakers. Tokens, the token index and document counts are worked out
    when a match needs them."""

    def __init__(self, reader, fieldname: str, names: list[str]) -> None:
        self._reader = reader
        self._fieldname = fieldname
        self.names = names
        self.folded = [fold(n) for n in names]
        self._tokens: dict[str, tuple[str, ...]] = {}
        self._counts: dict[str, int] = {}
        self._by_token: dict[str, list[str]] | None = None

    @classmethod
    def read(cls, searcher: Searcher, fieldname: str) -> _Names:
        reader = searcher.reader()
        return cls(reader, fieldname, sorted({_text(t) for t in reader.lexicon(fieldname)}))

    def tokens(self, name: str) -> tuple[str, ...]:
        if name not in self._tokens:
            self._tokens[name] = tuple(name_tokens(name))
        return self._tokens[name]

    def having(self, token: str) -> list[str]:
        """Names with `token` among their tokens (a substring test first: tokens are
        substrings of the folded name)."""
        return [n for n, f in zip(self.names, self.folded, strict=True) if token in f and token in self.tokens(n)]

    @property
    def by_token(self) -> dict[str, list[str]]:
        """token -> names, for the prefix and spelling fallbacks."""
        if self._by_token is None:
            by_token: dict[str, list[str]] = {}
            for n in self.names:
                for t in set(self.tokens(n)):
                    by_token.setdefault(t, []).append(n)
            self._by_token = by_token
        return self._by_token

    def count(self, name: str) -> int:
        if name not in self._counts:
            self._counts[name] = self._reader.doc_frequency(self._fieldname, name)
        return self._counts[name]

    def ranked(self, names: list[str] | set[str]) -> list[str]:
        """Most quoted first: the order in which notes name them."""
        return sorted(names, key=lambda n: (-self.count(n), n))


_NAMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def names_of(searcher: Searcher, fieldname: str) -> _Names:
    per_field = _NAMES.setdefault(searcher, {})
    if fieldname not in per_field:
        per_field[fieldname] = _Names.read(searcher, fieldname)
    return per_field[fieldname]


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:NOTE_NAMES])
    return shown + (f" and {len(names) - NOTE_NAMES} more" if len(names) > NOTE_NAMES else "")


class _Identities:
    """The speaker identities of one searcher's generation (`search.identities.Table`,
    read from the file the indexer wrote beside it; for an index from before identities,
    each speaker name is its own), and the words of every name each was written as."""

    def __init__(self, table: Table, count: Callable[[str], int]) -> None:
        self.table = table
        self._count = count
        self.words: dict[str, list[frozenset[str]]] = {}  # id -> the word sets of its names
        self.by_word: dict[str, set[str]] = {}  # word -> ids
        for ident in table.identities.values():
            sets = {frozenset(_identity_words(n)) for n in (ident.name, *ident.names)}
            self.words[ident.id] = [w for w in sets if w]
            for ws in self.words[ident.id]:
                for w in ws:
                    self.by_word.setdefault(w, set()).add(ident.id)

    @classmethod
    def read(cls, searcher: Searcher) -> _Identities:
        from search.identities import Table, load_table

        folder = getattr(getattr(getattr(searcher, "_ix", None), "storage", None), "folder", None)
        generation = searcher.reader().generation()
        table = load_table(Path(folder), generation) if folder and generation is not None else None
        book = names_of(searcher, "speaker_name")
        if table is None:
            table = Table.of_names(book.names)
        return cls(table, book.count)

    def matching(self, wanted: list[str]) -> list[str]:
        """Ids of the identities one of whose names holds every wanted word."""
        pool = set.intersection(*(self.by_word.get(w, set()) for w in wanted)) if wanted else set()
        return [i for i in pool if any(all(w in ws for w in wanted) for ws in self.words[i])]

    def ranked(self, ids: list[str] | set[str]) -> list[str]:
        """Most quoted first: the order in which notes name them."""
        names = {i: self.table.identities[i].name for i in ids}
        return sorted(ids, key=lambda i: (-self._count(names[i]), names[i], i))


def _identity_words(name: str) -> list[str]:
    words = name_words(name)
    return [w for w in words if w not in HONORIFICS] or words


def identities_of(searcher: Searcher) -> _Identities:
    per_field = _NAMES.setdefault(searcher, {})
    if "\0identities" not in per_field:
        per_field["\0identities"] = _Identities.read(searcher)
    return per_field["\0identities"]


def _named_ids(book: _Identities, ids: list[str]) -> str:
    shown = [f"{book.table.identities[i].name} [{i}]" for i in ids]
    return _listed(shown)


def match_speaker(searcher: Searcher, typed: str) -> NameMatch:
    """Speaker names (identities' display names) `typed` may mean.

    `=NAME` or `=ID` asks for one identity exactly: its id, its display name or a name it
    is written as. Otherwise the match is loose: every typed word (honorifics aside) must
    be a word of one of an identity's names, so a surname alone finds every identity with
    it, and 'Joseph Biden' finds Joe Biden by his other name; failing that, words of three
    letters or more may be prefixes ('Luky'); failing that, the closest spellings are used.
    The note names the identities a loose name matched (unless it named one exactly).
    """
    typed = typed.strip()
    book = identities_of(searcher)
    if typed.startswith("="):
        ident = book.table.exact(typed[1:])
        if ident is None:
            return NameMatch([], f"no speaker is exactly '{typed[1:]}' (search speakers --json lists names and ids)")
        return NameMatch([ident.name])
    wanted = _identity_words(typed)
    if not wanted:
        return NameMatch()
    found = book.matching(wanted)
    if not found and all(len(w) >= 3 for w in wanted):
        prefixes = [[t for t in book.by_word if t.startswith(w)] for w in wanted]
        if all(prefixes) and sum(len(p) for p in prefixes) < 200:
            found = [i for i, sets in book.words.items() if any(all(any(t in ws for t in p) for p in prefixes) for ws in sets)]
    if found:
        found = book.ranked(found)
        names = [book.table.identities[i].name for i in found]
        note = None
        if len(found) > 1:
            note = f"speaker '{typed}' matches {len(found)} speakers: {_named_ids(book, found)}; one alone: --speaker '={found[0]}'"
        elif fold(names[0]) != fold(typed):
            note = f"speaker '{typed}' is {_named_ids(book, found)}"
        return NameMatch(names, note)
    import difflib  # only the spelling fallback needs it

    close = {w: difflib.get_close_matches(w, list(book.by_word), n=3, cutoff=0.75) for w in wanted if len(w) >= 3}
    if len(close) == len(wanted) and all(close.values()):
        found = [i for i, sets in book.words.items() if any(all(any(c in ws for c in close[w]) for w in wanted) for ws in sets)]
        if found:
            found = book.ranked(found)
            names = [book.table.identities[i].name for i in found]
            return NameMatch(names, f"no speaker '{typed}'; showing the closest spelling: {_listed(names)}")
    return NameMatch([], f"no speaker matches '{typed}' (search speakers lists them)")


def match_source(searcher: Searcher, typed: str) -> NameMatch:
    """Sources `typed` may mean: 'wsj', 'Wall Street Journal', 'nyt' all find their outlet."""
    names = names_of(searcher, "source").names
    typed_keys = source_keys(typed)
    found = [n for n in names if typed_keys & source_keys(n)]
    if not found:
        key = fold(typed).strip()
        found = [n for n in names if key and key in fold(n)]
    if found:
        note = f"source '{typed}' matches {', '.join(found)}" if len(found) > 1 else None
        return NameMatch(found, note)
    import difflib

    close = difflib.get_close_matches(fold(typed), [fold(n) for n in names], n=2, cutoff=0.7)
    found = [n for n in names if fold(n) in close]
    if found:
        return NameMatch(found, f"no source '{typed}'; showing the closest: {', '.join(found)}")
    return NameMatch([], f"no source matches '{typed}'; the index has: {', '.join(names) or 'none'}")


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
    has_text: bool = False  # the user typed a query (relevance means something)
    query_no_date: wq.Query | None = None  # the query with its date: parts taken as true


def _rewrite(q: wq.Query, searcher: Searcher, notes: list[str]) -> wq.Query:
    """Make `source:` and `speaker:` terms forgiving and send `kind:direct` to quote kinds."""
    if isinstance(q, wq.Term):
        value = _text(q.text)
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
        if q.fieldname == "cue_class":
            if value.lower() not in CUE_CLASSES:
                raise QuerySyntaxError(f"unknown class '{value}'; use class:speech (words said) or class:stance (views held)")
            return wq.Term("cue_class", value.lower())
        if q.fieldname == "speaker":
            return _speaker_query(searcher, value, q, notes)
        return q
    if isinstance(q, wq.Phrase) and q.fieldname == "speaker":
        return _speaker_query(searcher, " ".join(_text(w) for w in q.words), q, notes)
    if isinstance(q, wq.Phrase) and q.fieldname == "source":
        return _rewrite(wq.Term("source", " ".join(_text(w) for w in q.words)), searcher, notes)
    if q.is_leaf():
        return q
    return q.apply(lambda sub: _rewrite(sub, searcher, notes))


def _speaker_query(searcher: Searcher, typed: str, original: wq.Query, notes: list[str]) -> wq.Query:
    """`speaker:X` means what `--speaker X` means; a mention that is no speaker's name
    ('spokesman') still searches the speaker mentions as written."""
    m = match_speaker(searcher, typed)
    if not m.values:
        return original
    if m.note:
        notes.append(m.note)
    return _any_of("speaker_name", m.values)


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
    with a word searched in both text and title shown once and dates shown as dates."""
    if _is_date(q) and isinstance(q, wq.NumericRange):
        start, end = to_datetime_or_none(q.start), to_datetime_or_none(q.end)
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
            a, b = subs[i], subs[i + 1] if i + 1 < len(subs) else None
            if (
                isinstance(q, wq.Or)
                and b is not None
                and type(a) is type(b)
                and (getattr(a, "fieldname", None), getattr(b, "fieldname", None)) == tuple(DEFAULT_FIELDS)
                and _leaf_word(a) is not None
                and _leaf_word(a) == _leaf_word(b)
            ):
                parts.append(_leaf_word(a) or "")
                i += 2
                continue
            parts.append(describe(a, False))
            i += 1
        inner = q.JOINT.join(parts)
        return inner if top or len(parts) == 1 else f"({inner})"
    return str(q)


def to_datetime_or_none(value: object) -> object:
    """A date range bound as a date (Whoosh keeps them as 64-bit numbers)."""
    if value is None:
        return None
    from whoosh.util.times import long_to_datetime

    try:
        return long_to_datetime(value).date() if isinstance(value, int) else value
    except (OverflowError, ValueError):
        return value


def _is_date(q: wq.Query) -> bool:
    return q.is_leaf() and getattr(q, "fieldname", None) == "date"


def _has_date(q: wq.Query) -> bool:
    return _is_date(q) or (not q.is_leaf() and any(_has_date(c) for c in q.children()))


def _without_dates(q: wq.Query) -> wq.Query:
    """The query with each date condition taken as met: what an undated document would match."""
    if _is_date(q):
        return wq.Every()
    if q.is_leaf():
        return q
    return q.apply(_without_dates)


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
) -> Compiled:
    notes: list[str] = []
    described: list[str] = []
    empty = False
    text = (text or "").strip()
    query_no_date = None
    if text:
        check_syntax(text)
        parsed = make_parser(searcher.schema).parse(_rename_fields(text))
        query = _rewrite(parsed, searcher, notes)
        described.append(describe(parsed))
        if _has_date(query):
            query_no_date = _without_dates(query)
    else:
        query = wq.Every()
    filters: list[wq.Query] = []
    if kind not in ("all", *DOC_KINDS):
        raise QuerySyntaxError(f"unknown kind '{kind}'; use quote, article or all")
    if kind != "all":
        filters.append(wq.Term("kind", kind))
        described.append(f"kind={kind}")
    for column, label, allowed, chosen in (("quote_kind", "type", QUOTE_KINDS, quote_kinds), ("cue_class", "class", CUE_CLASSES, cue_classes)):
        if chosen:
            for value in chosen:
                if value not in allowed:
                    raise QuerySyntaxError(f"unknown {'quote type' if label == 'type' else label} '{value}'; use {', '.join(allowed)}")
            filters.append(_any_of(column, list(chosen)))
            described.append(f"{label}={'|'.join(chosen)}")
    for typed in speakers or []:
        m = match_speaker(searcher, typed)
        if m.note:
            notes.append(m.note)
        empty |= not m.values
        filters.append(_any_of("speaker_name", m.values))
        described.append(f"speaker={'|'.join(m.values[:NOTE_NAMES]) + ('|…' if len(m.values) > NOTE_NAMES else '') if m.values else typed}")
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
        raise QuerySyntaxError(f"the date range {start}..{end} is empty: its start is after its end; swap --since and --until")
    date_filtered = bool(start or end)
    if date_filtered:
        filters.append(wq.DateRange("date", to_datetime(start) if start else None, to_datetime(end, end=True) if end else None))
        described.append(f"date={start or '…'}..{end or '…'}")
    flt = None
    if filters:
        flt = filters[0] if len(filters) == 1 else wq.And(filters)
    return Compiled(
        query,
        flt,
        notes,
        " ".join(described) or "*",
        date_filtered or query_no_date is not None,
        filter_no_date,
        empty,
        has_text=bool(text),
        query_no_date=query_no_date,
    )


# ---------------------------------------------------------------------------------------
# Did you mean

_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _bare_words(text: str):
    """(start, end) of the words a spelling fix may replace: free text and phrase words,
    not field names, field values, operators, or words with wildcards or fuzziness."""
    for m in _WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        if word in OPERATORS:
            continue
        if text[e : e + 1] in (":", "*", "?", "~") or (s and text[s - 1] in ":*?"):
            continue
        yield s, e


def suggest(searcher: Searcher, text: str, analyzer) -> str | None:
    """The user's query with each word the index does not know replaced by its closest
    known spelling (from the unstemmed `spell_text` field), or None when nothing changes.
    Other parts of the query (fields, operators, phrases) are kept as typed."""
    reader = searcher.reader()
    if "spell_text" not in searcher.schema:
        return None
    out, last, changed = [], 0, False
    for s, e in _bare_words(text):
        word = text[s:e]
        terms = [t.text for t in analyzer(word)]
        if not terms or any(searcher.doc_frequency("text", t) or searcher.doc_frequency("title", t) for t in terms):
            continue
        low = fold(word)
        best = None
        for maxdist in (1, 2):
            found = [_text(t) for t in reader.terms_within("spell_text", low, maxdist)]
            if found:
                best = min(found, key=lambda t: (_edit_distance(low, t), -reader.doc_frequency("spell_text", t), t))
                break
        if best and best != low:
            out.append(text[last:s])
            out.append(best.capitalize() if word[:1].isupper() else best)
            last = e
            changed = True
    if not changed:
        return None
    out.append(text[last:])
    return "".join(out)
