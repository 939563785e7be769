"""Errors the user can fix. The CLI prints their message on one line and exits 2."""

from __future__ import annotations


class SearchError(Exception):
    """Bad input (a query, a date, a path, an index): the message says what and how to fix it."""


class QuerySyntaxError(SearchError):
    pass


class DateError(SearchError):
    pass


class IndexMissingError(SearchError):
    pass


class IndexLockedError(SearchError):
    pass


class ExtractorMismatchError(SearchError):
    """An update asked for another quote extractor than the one the index was built with."""


class QueryTooBroadError(QuerySyntaxError):
    """A wildcard or prefix stands for more indexed words than one search may OR together
    (Lucene's TooManyClauses)."""


class SearchTimeoutError(SearchError):
    """A search ran out of its time budget (`search.query.budget`)."""


class AmbiguousNameError(SearchError):
    """A name that stands for several speakers where one is needed (`search speaker`):
    `candidates` are (id, display name, quotes), most quoted first."""

    def __init__(self, message: str, candidates: list[tuple[str, str, int]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class UnknownNameError(SearchError):
    """No speaker goes by the name (`search speaker`, exit 1: nothing found):
    `suggestions` are close spellings as (id, display name, quotes)."""

    def __init__(self, message: str, suggestions: list[tuple[str, str, int]]) -> None:
        super().__init__(message)
        self.suggestions = suggestions
