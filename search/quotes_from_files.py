"""Quotes straight from files, no index: what `search extract` prints and `bench.quotes` scores;
and the one rule both this and the indexer follow: quotes are looked for in English text only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from search.models import Article, Quote
from search.readers.corpus import ReadOptions, Skip, read_corpus


def article_quotes(article: Article, learned: bool = True) -> list[Quote]:
    """The quotes of an article; none for one whose language is known not to be English
    (the extractor's cues, names and grammar are English: on other text it finds noise)."""
    from search.quotes import extract_quotes

    if article.language not in (None, "en"):
        return []
    return extract_quotes(article, learned)


def extract_records(paths: Iterable[Path], learned: bool = True, options: ReadOptions | None = None) -> Iterator[Quote | str]:
    """Every quote of every article under `paths`, in corpus order; a str for a skipped input
    or an article whose quotes are not looked for. `learned=False` leaves out the learned
    attribution finder (see `extract_quotes`)."""
    for item in read_corpus(paths, options):
        if isinstance(item, Skip):
            yield str(item)
        elif item.language not in (None, "en"):
            where = f"{item.path}:{item.line}" if item.line else item.path
            yield f"{where}: article {item.id!r} is in '{item.language}', not English: quotes are found in English text only"
        else:
            yield from article_quotes(item, learned)
