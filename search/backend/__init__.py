"""Index backends: what the rest of the package asks of the index it writes and reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from search.identities import Table
    from search.query.request import Request
    from search.query.tree import Node


# =======================================================================================
# Searching (the query side): `search.api.Index` speaks to an index only through this.
# A backend's searcher runs a parsed request (`search.query.request.Request`: our query tree
# plus filters) and answers with document numbers; it reads values per document number
# from its columns and stored fields, and lends the query side what forgiving names,
# "did you mean" and highlighting need (the values a field holds, word frequencies, the
# spelling list, the analyzer). Document numbers are the backend's own, dense from 0; a
# searcher is one snapshot of the index and never sees later writes.


class Searcher(Protocol):
    """One read-only snapshot of an index, searched with parsed requests."""

    memo: dict[str, Any]  # what the query side remembers per snapshot (name lists, identities)

    def close(self) -> None: ...

    # -- running a request -------------------------------------------------------------
    def describe(self, tree: Node) -> str:
        """The query as this backend understood it, for people (`SearchResult.query`)."""
        ...

    def match(self, request: Request, top: int = 0) -> tuple[list[int], list[tuple[float, int]]]:
        """Every live document matching `request`, in index order, and the `top` best by
        score as (score, docnum). Looks at `search.query.budget.current()` while it works."""
        ...

    def count_undated(self, request: Request) -> int:
        """Documents the request's date conditions left out only because they have no date."""
        ...

    def live_docnums(self) -> list[int]:
        """Every live document, in index order."""
        ...

    # -- reading documents -------------------------------------------------------------
    def column(self, fieldname: str) -> list[Any] | None:
        """A keyword field's value for every document number (None: no such column)."""
        ...

    def date_keys(self) -> list[int] | None:
        """A sortable key per document number for its date; `NO_DATE_KEY` when undated."""
        ...

    def date_of(self, key: int) -> dt.date | None:
        """The day a date key stands for (None for `NO_DATE_KEY`)."""
        ...

    def stored(self, docnum: int) -> dict[str, Any]: ...

    def document(self, **terms: str) -> dict[str, Any] | None:
        """The stored fields of the first document holding each field's term."""
        ...

    def documents(self, **terms: str) -> Iterable[dict[str, Any]]: ...

    # -- what the query side needs -----------------------------------------------------
    def values(self, fieldname: str) -> list[str]:
        """The distinct values a keyword field holds, sorted."""
        ...

    def doc_frequency(self, fieldname: str, value: str) -> int: ...

    def identity_table(self) -> Table | None:
        """The speaker identities written with this snapshot (None: an index from before them)."""
        ...

    def known_word(self, word: str) -> bool:
        """True when the index holds the word (as the default fields analyse it), or when
        the word analyses to nothing: no spelling fix to offer."""
        ...

    def spellings(self, word: str, maxdist: int) -> list[tuple[str, int]] | None:
        """Indexed spellings within `maxdist` edits of `word` (lower case), each with its
        document frequency; None when the index keeps no spelling list."""
        ...

    def highlight_terms(self, request: Request) -> set[str]:
        """The indexed terms of the `text` field that the request's query can match."""
        ...

    def word_to_term(self) -> Callable[[str], str | None]:
        """A word of text -> the term the `text` field indexes it as (for snippets)."""
        ...

    # -- the index as a whole ----------------------------------------------------------
    def last_modified(self) -> float: ...

    def size_bytes(self) -> int: ...


# =======================================================================================
