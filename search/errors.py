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
