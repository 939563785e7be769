"""Quotes straight from files, no index: what `search extract` prints and `bench.quotes` scores;
and the one rule both this and the indexer follow: quotes are looked for in English text only,
in articles of at most `search.quotes.MAX_ARTICLE_CHARS` characters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from search.models import Article, Quote
from search.readers.corpus import ReadOptions, Skip, read_corpus


def article_quotes(article: Article, learned: bool = True) -> list[Quote]:
    """The quotes of an article; none for one whose language is known not to be English
    (the extractor's cues, names and grammar are English: on other text it finds noise),
    nor for one too long to be a news article (`too_long_note` says why)."""
    from search.quotes import extract_quotes, too_long

    if article.language not in (None, "en") or too_long(article):
        return []
    return extract_quotes(article, learned)


def too_long_note(article: Article) -> str | None:
    """What a run says of an article whose quotes are skipped for its size (None if they are
    not): where it is, which it is, how long it is, and that it is still indexed as text."""
    from search.quotes import MAX_ARTICLE_CHARS, too_long

    if not too_long(article):
        return None
    where = f"{article.path}:{article.line}" if article.line else article.path or "(no file)"
    return (
        f"{where}: article {article.id!r} is {len(article.text):,} characters, over the {MAX_ARTICLE_CHARS:,} an article's "
        "quotes are looked for in (search.quotes.MAX_ARTICLE_CHARS): its quotes are skipped; search index still indexes its text"
    )


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
        elif (note := too_long_note(item)) is not None:
            yield note
        else:
            yield from article_quotes(item, learned)
