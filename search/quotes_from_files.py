"""Quotes straight from files, no index: what `search extract` prints and `bench.quotes` scores."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from search.models import Quote
from search.readers.corpus import Skip, read_corpus


def extract_records(paths: Iterable[Path], learned: bool = True) -> Iterator[Quote | str]:
    """Every quote of every article under `paths`, in corpus order; a str for a skipped input.
    `learned=False` leaves out the learned attribution finder (see `extract_quotes`)."""
    from search.quotes import extract_quotes

    for item in read_corpus(paths):
        if isinstance(item, Skip):
            yield str(item)
        else:
            yield from extract_quotes(item, learned)
