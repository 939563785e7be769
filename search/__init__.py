"""Quote-aware search for news: who said what, when, and where it was reported.

    from search import Index
    with Index.open("index") as ix:
        print(ix.search("Ukraine", facets=["speaker"]).facets)

The package is laid out by the stages of the pipeline: `models` (records), `readers` (files
to articles), `quotes` (finding quotations; `quotes.frames` and `quotes.coref` decide
speakers), `indexing` (writing the index: `indexing.indexer` runs it), `backend` (what the
package asks of an index, and `backend.whoosh`, the only code that knows Whoosh), `query`
(the query language and filters), `api` (the `Index` API), `output` (formats), `cli`
(the thin command layer).
"""

from __future__ import annotations

from search.backend.whoosh.startup import load_whoosh_compat

load_whoosh_compat()  # before any module of ours imports Whoosh: see whoosh_startup.py

__all__ = ["Index", "index_paths", "extract_quotes"]


def __getattr__(name: str):
    # Lazy, so that `search --help` and `search extract` do not pay for Whoosh.
    if name == "Index":
        from search.api import Index

        return Index
    if name == "index_paths":
        from search.indexing.indexer import index_paths

        return index_paths
    if name == "extract_quotes":
        from search.quotes import extract_quotes

        return extract_quotes
    raise AttributeError(name)
