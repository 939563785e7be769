"""Which reader reads a file: chosen by its first bytes, its name only where the bytes
cannot tell (a CSV and a text file both start with a letter).

A crawler's `page` with no extension, a `.txt` that is a saved page, a `.xml` that is an RSS
feed, an archive with a misleading name: each goes to the reader its content needs.
"""

from __future__ import annotations

import os

from search.readers.html import looks_like_html

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})
TABLE_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}
ARCHIVE_SUFFIXES = frozenset({".warc", ".arc", ".gz", ".zip"})
# What the walk takes without looking inside (other names are taken when their content is one of these).
KNOWN_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | set(TABLE_SUFFIXES) | ARCHIVE_SUFFIXES
SUPPORTED = "text, .jsonl, .html, .warc, .csv, .tsv, RSS/Atom feeds, or .gz/.zip of these"
HEAD = 4096  # bytes read to decide


def _xml_root(head: bytes) -> bytes:
    """The first element name of an XML document's head, lower-cased ('' when none)."""
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    i = 0
    while True:
        i = h.find(b"<", i)
        if i < 0 or i + 1 >= len(h):
            return b""
        if h[i + 1 : i + 2] in (b"?", b"!"):  # declaration, comment, doctype
            end = h.find(b">", i)
            if end < 0:
                return b""
            i = end + 1
            continue
        j = i + 1
        while j < len(h) and h[j : j + 1] not in b" \t\r\n>/":
            j += 1
        return h[i + 1 : j].lower()


def looks_like_feed(head: bytes) -> bool:
    return _xml_root(head) in (b"rss", b"feed", b"rdf:rdf", b"rdf")


def detect(name: str, head: bytes) -> str | None:
    """The format of a file from its name and first bytes: 'gzip', 'zip', 'warc', 'feed',
    'html', 'jsonl', 'csv', 'tsv' or 'text'; None when no reader takes it."""
    suffix = os.path.splitext(name)[1].lower()
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head.startswith((b"WARC/", b"\xef\xbb\xbfWARC/")):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TABLE_SUFFIXES:
        return TABLE_SUFFIXES[suffix]
    if suffix in HTML_SUFFIXES:
        return "html"  # a page fragment, without <html>
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def inner_name(name: str) -> str:
    """'pages.warc.gz' -> 'pages.warc': the name a gzip file's content goes by."""
    return name[:-3] if name.lower().endswith(".gz") else name
