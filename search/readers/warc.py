"""Web archives (WARC and WARC.gz, as crawlers and the Wayback Machine write them), read with
warcio: every HTML response record is one article, its target URI its id and address.

Its date is the page's publication date; the record's WARC-Date (when the page was crawled)
only when the page gives none, and then flagged in its provenance. Request, metadata and
warcinfo records, and responses that are not HTML (images, scripts, redirects), are counted
and named once per file; a record that cannot be read is named by its number.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from search.models import Article
from search.readers.html import html_article
from search.readers.jsonl import LeftOut, Skip

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(source: bytes | BinaryIO, display: str) -> Iterator[Article | Skip]:
    """The articles of a WARC (gzipped or not), streamed record by record from a file or bytes."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    other: Counter[str] = Counter()
    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(source) if isinstance(source, bytes) else source, arc2warc=True):
            number += 1
            kind = record.rec_type
            if kind != "response":
                other[kind or "unknown"] += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{display}#{number}"
            status = record.http_headers.get_statuscode() if record.http_headers else None
            ctype = (record.http_headers.get_header("Content-Type") or "" if record.http_headers else "").lower()
            if status and not status.startswith("2"):
                other[f"HTTP {status} response"] += 1
                continue
            if not any(t in ctype for t in _HTML_TYPES):
                other["non-HTML response"] += 1
                continue
            try:
                body = record.content_stream().read()
                article = html_article(body, uri, display, url=uri, crawl_date=record.rec_headers.get_header("WARC-Date"), origin="the archived page")
                article.provenance["id"] = "the record's target address (WARC-Target-URI)"
                yield article
            except ValueError as exc:
                yield Skip(display, f"record {number} ({uri}): {exc}", partial=True)
            except Exception as exc:  # a broken record (bad chunking, bad encoding) must not stop the file
                yield Skip(display, f"record {number} ({uri}): unreadable ({type(exc).__name__}: {exc})", partial=True)
    except Exception as exc:  # warcio raises many kinds on a damaged archive: never past this file
        why = str(exc) if isinstance(exc, ArchiveLoadFailed | OSError | EOFError | ValueError) else f"{type(exc).__name__}: {exc}"
        reason = f"not a readable WARC file ({why})" if number == 0 else f"unreadable after record {number} ({why}); the records before it were read"
        yield Skip(display, reason, partial=number > 0)
    if other:
        detail = ", ".join(f"{n} {k}" for k, n in sorted(other.items(), key=lambda kv: (-kv[1], kv[0])))
        yield LeftOut(display, f"{sum(other.values())} record(s) that are no HTML page left out ({detail})", partial=True, count=sum(other.values()))
