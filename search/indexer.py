"""Building the index from a corpus: read, extract quotes, write article and quote docs.

Every run is one Whoosh commit: until it completes, searchers see the previous index, and a
killed run leaves that previous index in place (Whoosh renames the table of contents into
place last). Re-indexing an article replaces all of its documents, so runs never duplicate.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh.writing import CLEAR, LockError

from search import store
from search.documents import article_doc, quote_doc
from search.errors import IndexLockedError
from search.models import Article, IndexReport
from search.quotes import extract_quotes
from search.readers.corpus import Skip, check_paths, read_corpus

Progress = Callable[[Article | Skip], None]


def content_hash(article: Article) -> str:
    """Hash of what the index is built from: text and metadata, so a manifest edit counts."""
    h = hashlib.blake2b(digest_size=16)
    h.update(article.model_dump_json(exclude={"body"}).encode())
    return h.hexdigest()


def index_paths(
    paths: Iterable[Path],
    index_dir: Path | None = None,
    rebuild: bool = False,
    on_item: Progress | None = None,
) -> IndexReport:
    """Index every article under `paths` into `index_dir`; returns what was done."""
    started = time.perf_counter()
    paths = check_paths(list(paths))
    index_dir = index_dir or store.default_index_dir()
    ix = store.create_or_open(index_dir)
    report = IndexReport(index=str(index_dir))
    try:
        writer = ix.writer()
    except LockError:
        raise IndexLockedError(f"{index_dir} is being written by another indexer; try again when it has finished") from None
    with ix.searcher() as searcher:
        known = {} if rebuild else {
            fields["article_id"]: fields.get("content_hash")
            for fields in searcher.documents(kind="article")
        }
    try:
        seen: set[str] = set()
        for item in read_corpus(paths):
            if on_item:
                on_item(item)
            if isinstance(item, Skip):
                report.skipped += 1
                report.skipped_reasons.append(str(item))
                continue
            if item.id in seen:
                report.skipped += 1
                report.skipped_reasons.append(f"{item.path}: duplicate article id {item.id!r}; the first one is kept")
                continue
            seen.add(item.id)
            digest = content_hash(item)
            if known.get(item.id) == digest:
                report.unchanged += 1
                continue
            if item.id in known:
                writer.delete_by_term("article_id", item.id)
                report.updated += 1
            else:
                report.added += 1
            writer.add_document(**article_doc(item, digest))
            for quote in extract_quotes(item):
                writer.add_document(**quote_doc(quote, item))
                report.quotes += 1
            report.articles += 1
    except BaseException:
        writer.cancel()
        raise
    # One commit for the whole run; CLEAR drops every older segment when rebuilding.
    writer.commit(mergetype=CLEAR) if rebuild else writer.commit()
    report.seconds = round(time.perf_counter() - started, 3)
    return report
