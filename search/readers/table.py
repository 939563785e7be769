"""Spreadsheets of articles (CSV and TSV with a header row), as news databases export them
(Media Cloud, Factiva, LexisNexis, GDELT): one article per row.

The columns are found by the names such exports use (`text`/`body`/`content`,
`publish_date`/`published`/`date`, `media_name`/`source`/`outlet`, …), or named by the user:
`search index --map text=body,date=published_at`. A row without text, with a bad date or
with the wrong number of cells is named by its line number and skipped; the other rows are
read. A row's id is its id column, else its URL, else the file and line.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator
from typing import BinaryIO

from search.errors import SearchError
from search.models import Article
from search.readers.jsonl import Skip
from search.readers.meta import language_of, outlet, utc_day
from search.readers.paragraphs import split_paragraphs
from search.readers.text import derived_title

# field -> column names that mean it, most specific first (compared lower-cased, with spaces and dashes as '_')
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "full_text", "fulltext", "article_text", "article", "story", "maintext", "main_text", "body_text", "story_text"),
    "title": ("title", "headline", "heading", "hl", "article_title"),
    "date": ("publish_date", "published", "published_at", "publication_date", "pub_date", "pubdate", "date", "datetime", "timestamp", "seendate", "created_at"),
    "source": ("media_name", "source", "outlet", "publication", "publisher", "source_name", "media", "sitename", "site", "domain", "sourcecommonname"),
    "author": ("author", "authors", "byline", "by", "creator", "writer"),
    "url": ("url", "link", "uri", "story_url", "article_url", "source_url", "documentidentifier"),
    "id": ("id", "stories_id", "story_id", "article_id", "doc_id", "guid", "uuid", "gkgrecordid"),
    "language": ("language", "lang"),
}
FIELDS = tuple(COLUMNS)


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def parse_column_map(spec: str | None) -> dict[str, str]:
    """'text=body,date=published_at' -> {'text': 'body', 'date': 'published_at'}; SearchError
    names what is wrong."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column:
            raise SearchError(f"--map: {part.strip()!r} is not FIELD=COLUMN (e.g. --map text=body,date=published_at)")
        if field not in COLUMNS:
            raise SearchError(f"--map: unknown field {field!r}; fields: {', '.join(FIELDS)}")
        mapping[field] = column
    return mapping


def find_columns(header: list[str], mapping: dict[str, str] | None = None) -> dict[str, int]:
    """Column index of each field found in `header`. A mapped column missing from the header
    raises ValueError naming it; so does a table without a text column."""
    normed = [_norm(h) for h in header]
    found: dict[str, int] = {}
    taken: set[int] = set()
    for field, column in (mapping or {}).items():
        if _norm(column) not in normed:
            raise ValueError(f"no column {column!r} (--map {field}={column}); columns: {', '.join(header)}")
        found[field] = normed.index(_norm(column))
        taken.add(found[field])
    for field, names in COLUMNS.items():
        if field in found:
            continue
        for name in names:
            if name in normed and normed.index(name) not in taken:
                found[field] = normed.index(name)
                taken.add(found[field])
                break
    if "text" not in found:
        raise ValueError(f"no text column (looked for {', '.join(COLUMNS['text'][:6])}, …); name it with --map text=COLUMN; columns: {', '.join(header)}")
    return found


def _dialect(sample: str, tab: bool) -> type[csv.Dialect]:
    """RFC 4180 quoting, as every spreadsheet writes it ('"' around a field, a '"' inside one
    doubled), with the delimiter that splits the header row into the most columns (',' on
    a tie). Not `csv.Sniffer`: on a news export it guessed from the stories' own text, and
    decided that a doubled quote was no escape, which cut every story with a quotation in
    it into pieces ('5 cells where the header has 4')."""
    if tab:
        return csv.excel_tab
    line = sample.partition("\n")[0].rstrip("\r")
    best = max(",;\t|", key=lambda d: (len(next(csv.reader([line], delimiter=d), [])), d == ","))
    return type("_Delimited", (csv.excel,), {"delimiter": best})


def read_table(source: bytes | BinaryIO, display: str, rel: str, *, tab: bool = False, mapping: dict[str, str] | None = None) -> Iterator[Article | Skip]:
    """The articles of one CSV or TSV file, read a row at a time from a (seekable) stream or
    from bytes; `rel` names the file in ids made from line numbers."""
    binary = io.BytesIO(source) if isinstance(source, bytes) else source
    sample = binary.read(1 << 15).decode("utf-8-sig", "ignore")
    binary.seek(0)
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    try:
        yield from _rows(text, sample, display, rel, tab, mapping)
    except UnicodeDecodeError as exc:
        yield Skip(display, f"not UTF-8 (byte {exc.start} of a block); export it as UTF-8 to index it (rows before it were read)")
    finally:
        text.detach()  # the caller closes the file


def _rows(text: io.TextIOWrapper, sample: str, display: str, rel: str, tab: bool, mapping: dict[str, str] | None) -> Iterator[Article | Skip]:
    csv.field_size_limit(min(sys.maxsize, (1 << 31) - 1))
    reader = csv.reader(text, _dialect(sample[:8192], tab))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Skip(display, f"unreadable header row ({exc})")
        return
    if not header:
        yield Skip(display, "empty table (no header row)")
        return
    try:
        cols = find_columns(header, mapping)
    except ValueError as exc:
        yield Skip(display, str(exc))
        return
    names = {field: header[i] for field, i in cols.items()}
    prov_base = {field: f"column {names[field]!r}" for field in cols}
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            line = reader.line_num
            yield Skip(display, f"malformed row ({exc})", start)
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Skip(display, f"{len(row)} cells where the header has {len(header)}", start)
            continue
        try:
            yield _row_article(row, cols, names, prov_base, display, rel, start)
        except ValueError as exc:
            yield Skip(display, str(exc), start)


def _row_article(row: list[str], cols: dict[str, int], names: dict[str, str], prov_base: dict[str, str], display: str, rel: str, line: int) -> Article:
    def cell(field: str) -> str:
        return row[cols[field]].strip() if field in cols else ""

    text = row[cols["text"]]
    if not text.strip():
        raise ValueError(f"no text (column {names['text']!r} is empty)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    prov = dict(prov_base)
    date = None
    if cell("date"):
        date = utc_day(cell("date"))
        if date is None:
            raise ValueError(f"bad date {cell('date')!r} in column {names['date']!r}")
    url = cell("url") or None
    source, how = outlet(cell("source") or None, url)
    if source:
        prov["source"] = f"column {names['source']!r}, {how}" if "source" in cols and cell("source") else how
    else:
        prov.pop("source", None)
    rid = cell("id") or url or f"{rel}:{line}"
    prov["id"] = f"column {names['id']!r}" if cell("id") else ("column " + repr(names["url"]) if url else "file and line number")
    body = split_paragraphs(text)
    title = cell("title")
    title_derived = False
    if not title:
        title = derived_title(body)
        title_derived = bool(title)
        prov["title"] = "first sentence of the text (no title column)" if title else ""
    language = cell("language").lower()[:2] or None
    if language is None:
        language = language_of(text)
        if language:
            prov["language"] = "identified from the text (py3langid)"
    for key in [k for k, v in prov.items() if not v or (k in cols and not cell(k) and k != "text")]:
        del prov[key]
    return Article(
        id=rid,
        title=title,
        title_derived=title_derived,
        date=date,
        source=source,
        author=cell("author") or None,
        url=url,
        path=display,
        line=line,
        text=text,
        body=body,
        language=language,
        provenance=prov,
    )
