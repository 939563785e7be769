"""Forgiving names: the speakers and sources a typed name may mean.

Speaker and source names are matched the forgiving way (case, accents, honorifics, a surname
alone, abbreviations, misspellings) against the names the index actually holds, read once
per searcher (`search.backend.Searcher.values`) and remembered in its `memo`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from search.identities import name_tokens as name_words
from search.sources import source_keys

if TYPE_CHECKING:
    from search.backend import Searcher
    from search.identities import Table

# How many names a note lists before saying "and N more".
NOTE_NAMES = 5

# Honorifics and titles dropped when matching a typed name against speakers.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev", "president", "senator", "sen",
    "rep", "gov", "governor", "mayor", "minister", "secretary", "gen", "general", "judge", "justice",
    "pope", "king", "queen", "prince", "lord", "lady", "chancellor", "premier", "ambassador",
}  # fmt: skip

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

    def __init__(self, searcher: Searcher, fieldname: str, names: list[str]) -> None:
        self._searcher = searcher
        self._fieldname = fieldname
        self.names = names
        self.folded = [fold(n) for n in names]
        self._tokens: dict[str, tuple[str, ...]] = {}
        self._counts: dict[str, int] = {}
        self._by_token: dict[str, list[str]] | None = None

    @classmethod
    def read(cls, searcher: Searcher, fieldname: str) -> _Names:
        return cls(searcher, fieldname, searcher.values(fieldname))

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
            self._counts[name] = self._searcher.doc_frequency(self._fieldname, name)
        return self._counts[name]

    def ranked(self, names: list[str] | set[str]) -> list[str]:
        """Most quoted first: the order in which notes name them."""
        return sorted(names, key=lambda n: (-self.count(n), n))


def names_of(searcher: Searcher, fieldname: str) -> _Names:
    key = f"names:{fieldname}"
    if key not in searcher.memo:
        searcher.memo[key] = _Names.read(searcher, fieldname)
    names: _Names = searcher.memo[key]
    return names


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
        from search.identities import Table

        table = searcher.identity_table()
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
    if "identities" not in searcher.memo:
        searcher.memo["identities"] = _Identities.read(searcher)
    book: _Identities = searcher.memo["identities"]
    return book


def _named_ids(book: _Identities, ids: list[str]) -> str:
    shown = [f"{book.table.identities[i].name} [{i}]" for i in ids]
    return _listed(shown)


@dataclass
class IdentityMatch:
    """The identities (ids, most quoted first) a typed name stands for, and how it matched:
    'exact' (`=NAME`, an id), 'loose' (every word a word of one of its names, or a prefix),
    'spelling' (the closest spellings), or 'none'."""

    ids: list[str] = field(default_factory=list)
    how: str = "none"


def match_identities(searcher: Searcher, typed: str) -> IdentityMatch:
    """The identities `typed` may mean, by the rules `match_speaker` describes."""
    typed = typed.strip()
    book = identities_of(searcher)
    if typed.startswith("="):
        ident = book.table.exact(typed[1:])
        return IdentityMatch([ident.id], "exact") if ident is not None else IdentityMatch()
    wanted = _identity_words(typed)
    if not wanted:
        return IdentityMatch()
    found = book.matching(wanted)
    if not found and all(len(w) >= 3 for w in wanted):
        prefixes = [[t for t in book.by_word if t.startswith(w)] for w in wanted]
        if all(prefixes) and sum(len(p) for p in prefixes) < 200:
            found = [i for i, sets in book.words.items() if any(all(any(t in ws for t in p) for p in prefixes) for ws in sets)]
    if found:
        return IdentityMatch(book.ranked(found), "loose")
    import difflib  # only the spelling fallback needs it

    close = {w: difflib.get_close_matches(w, list(book.by_word), n=3, cutoff=0.75) for w in wanted if len(w) >= 3}
    if len(close) == len(wanted) and all(close.values()):
        found = [i for i, sets in book.words.items() if any(all(any(c in ws for c in close[w]) for w in wanted) for ws in sets)]
        if found:
            return IdentityMatch(book.ranked(found), "spelling")
    return IdentityMatch()


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
    m = match_identities(searcher, typed)
    names = [book.table.identities[i].name for i in m.ids]
    if m.how == "exact":
        return NameMatch(names)
    if m.how == "loose":
        note = None
        if len(m.ids) > 1:
            note = f"speaker '{typed}' matches {len(m.ids)} speakers: {_named_ids(book, m.ids)}; one alone: --speaker '={m.ids[0]}'"
        elif fold(names[0]) != fold(typed):
            note = f"speaker '{typed}' is {_named_ids(book, m.ids)}"
        return NameMatch(names, note)
    if m.how == "spelling":
        return NameMatch(names, f"no speaker '{typed}'; showing the closest spelling: {_listed(names)}")
    if typed.startswith("="):
        return NameMatch([], f"no speaker is exactly '{typed[1:]}' (search speakers --json lists names and ids)")
    if not _identity_words(typed):
        return NameMatch()
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
