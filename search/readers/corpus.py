"""Reading a corpus: which reader reads each file the walk finds (`search.readers.walk`), the
manifest entries that give text files their metadata, and the stream of articles.

A bad file never stops the rest from being read: binary and non-UTF-8 files become a `Skip`
with the reason, as do files the walk does not take.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from search.models import Article
from search.readers.feed import read_feed
from search.readers.html import html_article
from search.readers.jsonl import Skip, read_jsonl, read_jsonl_lines
from search.readers.manifest import apply_manifest, load_manifest
from search.readers.sniff import HEAD, JSONL_SUFFIXES, SUPPORTED, detect, inner_name
from search.readers.table import read_table
from search.readers.text import text_article
from search.readers.walk import Found, check_paths, walk
from search.readers.warc import read_warc

__all__ = ["ReadOptions", "Skip", "SourceFile", "check_paths", "file_format", "iter_files", "manifest_entry", "read_bytes", "read_corpus", "read_file"]


@dataclass(frozen=True)
class SourceFile:
    path: Path
    root: Path

    @property
    def rel(self) -> str:
        """Path relative to the corpus root: the article id of a text file."""
        try:
            return self.path.relative_to(self.root).as_posix()
        except ValueError:
            return self.path.name

    @property
    def is_jsonl(self) -> bool:
        return self.path.suffix.lower() in JSONL_SUFFIXES


def iter_files(paths: Iterable[Path]) -> Iterator[SourceFile | Skip]:
    """Every input file under `paths`, each with the root its id is relative to."""
    for found in walk(paths):
        if isinstance(found, Skip):
            yield found
        elif isinstance(found, Found) and not found.held:  # a held file's broken manifest is named
            yield SourceFile(Path(found.path), Path(found.root))


@lru_cache(maxsize=256)
def _manifest(folder: Path) -> dict[str, dict]:
    return load_manifest(folder)


def manifest_entry(sf: SourceFile) -> dict | None:
    """The manifest entry for a text file: nearest manifest.toml from its folder up to the root."""
    folder = sf.path.parent
    while True:
        entries = _manifest(folder)
        key = sf.path.relative_to(folder).as_posix()
        if key in entries:
            return entries[key]
        if folder == sf.root or folder.parent == folder:
            return None
        folder = folder.parent


@dataclass(frozen=True)
class ReadOptions:
    """What a run tells the readers: the columns of CSV/TSV files (`--map text=body,…`)."""

    columns: tuple[tuple[str, str], ...] = ()

    @property
    def column_map(self) -> dict[str, str]:
        return dict(self.columns)


_MAX_DEPTH = 2  # archives inside archives: a zip of .gz pages, no deeper
_MAX_MEMBER = 1 << 30  # bytes: a zip member larger than this is named and left out


def file_format(sf: SourceFile, data: bytes | None = None) -> str:
    """The format a file is read as ('html', 'warc.gz', 'zip', …), for the run's counts."""
    if sf.is_jsonl:
        return "jsonl"
    if data is None:
        try:
            with open(sf.path, "rb") as fh:
                data = fh.read(HEAD)
        except OSError:
            return "unreadable"
    fmt = detect(sf.path.name, data[:HEAD]) or "unsupported"
    if fmt == "gzip":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[: 1 << 16], HEAD)
        except zlib.error:
            return "gzip"
        return f"{detect(inner_name(sf.path.name), head) or 'unsupported'}.gz"
    return fmt


def read_file(sf: SourceFile, data: bytes | None = None, options: ReadOptions | None = None) -> Iterator[Article | Skip]:
    """Articles of one file, or a Skip saying why it (or a part of it) could not be read.
    The reader is chosen by the file's content (`search.readers.sniff`). Without `data` the
    file is read as a stream: a WARC, a CSV or a gzipped one of either is never held whole."""
    if sf.is_jsonl:  # streamed, a line at a time
        yield from read_jsonl(sf.path, str(sf.path))
        return
    display = str(sf.path)
    entry: dict | None = None
    looked = False
    try:
        with contextlib.ExitStack() as stack:
            fh = io.BytesIO(data) if data is not None else stack.enter_context(open(sf.path, "rb"))
            for item in read_stream(fh, sf.path.name, display, sf.rel, options or ReadOptions()):
                if isinstance(item, Skip):
                    yield item
                    continue
                if not looked:  # a broken manifest.toml is named (SearchError) only when an article needs it
                    entry, looked = manifest_entry(sf), True
                yield apply_manifest(item, entry)
    except OSError as exc:
        yield Skip(display, exc.strerror or str(exc), partial=looked)


def read_bytes(data: bytes, name: str, display: str, rel: str, options: ReadOptions, depth: int = 0) -> Iterator[Article | Skip]:
    """Articles of a file's bytes (see `read_stream`)."""
    yield from read_stream(io.BytesIO(data), name, display, rel, options, depth)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_stream(fh: BinaryIO, name: str, display: str, rel: str, options: ReadOptions, depth: int = 0) -> Iterator[Article | Skip]:
    """Articles of a file open for reading (seekable): `name` decides with the first bytes
    which reader reads it, `display` names it in warnings, `rel` is the id of a
    single-article file. WARC, CSV/TSV and JSON Lines are streamed, inside a gzip too; a
    page, a feed or a text is read whole (they are small)."""
    head = fh.read(HEAD)
    fh.seek(0)
    fmt = detect(name, head)
    if fmt in ("text", "csv", "tsv") and head.startswith(_UTF16_BOMS):
        # UTF-16 with its byte-order mark, what Windows calls "Unicode" (Notepad, Excel's
        # "Unicode Text" export): read as the same text in UTF-8, held whole (a page or a
        # feed says its encoding itself; their parsers read it)
        try:
            fh = io.BytesIO(fh.read().decode("utf-16").encode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Skip(display, f"not UTF-8, and not the UTF-16 its first bytes announce ({exc.reason}); convert it to UTF-8 to index it")
            return
    if fmt is None:
        suffix = os.path.splitext(name)[1].lower()
        yield Skip(display, f"unsupported file type '{suffix}' (use {SUPPORTED})")
    elif fmt == "gzip":
        yield from _read_gzip(fh, head, name, display, rel, options, depth)
    elif fmt == "zip":
        yield from _read_zip(fh, display, rel, options, depth)
    elif fmt == "warc":
        yield from read_warc(fh, display)
    elif fmt in ("csv", "tsv"):
        yield from read_table(fh, display, rel, tab=fmt == "tsv", mapping=options.column_map)
    elif fmt == "jsonl":
        yield from read_jsonl_lines(fh, display, whole=True)
    elif fmt == "feed":
        yield from read_feed(fh.read(), display, rel)
    elif fmt == "html":
        try:
            yield html_article(fh.read(), rel, display)
        except ValueError as exc:
            yield Skip(display, str(exc))
    else:
        try:
            yield text_article(fh.read(), rel, display)
        except UnicodeDecodeError as exc:
            yield Skip(display, f"not UTF-8 (byte {exc.start}); convert it to UTF-8 to index it")
        except ValueError as exc:
            yield Skip(display, str(exc))


def _read_gzip(fh: BinaryIO, head: bytes, name: str, display: str, rel: str, options: ReadOptions, depth: int) -> Iterator[Article | Skip]:
    try:
        inner_head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head + fh.read(1 << 16), HEAD)
    except zlib.error as exc:
        yield Skip(display, f"not a readable gzip file ({exc})")
        return
    fh.seek(0)
    inner = inner_name(name)
    if detect(inner, inner_head) == "warc":  # warcio reads gzipped records as they come
        yield from read_warc(fh, display)
        return
    if depth >= _MAX_DEPTH:
        yield Skip(display, "an archive inside an archive inside an archive: not read")
        return
    read = 0
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            for item in read_stream(gz, inner, display, rel, options, depth + 1):  # type: ignore[arg-type]  # a GzipFile is a binary stream
                read += not isinstance(item, Skip)
                yield item
    except (OSError, EOFError, zlib.error) as exc:
        more = "; what came before it was read" if read else ""
        yield Skip(display, f"not a readable gzip file ({exc}){more}", partial=read > 0)


def _read_zip(fh: BinaryIO, display: str, rel: str, options: ReadOptions, depth: int) -> Iterator[Article | Skip]:
    """Every member of a zip, read as a file of the folder the zip stands for: a member's
    id and name are the zip's followed by the member's path ('pages.zip/cnn-royal.html')."""
    if depth >= _MAX_DEPTH:
        yield Skip(display, "an archive inside an archive inside an archive: not read")
        return
    try:
        zf = zipfile.ZipFile(fh)
        members = sorted(zf.infolist(), key=lambda i: i.filename)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        yield Skip(display, f"not a readable zip file ({exc})")
        return
    for info in members:
        parts = info.filename.split("/")
        if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in parts) or info.filename.lower().endswith(".toml"):
            continue
        where = f"{display}/{info.filename}"
        if info.file_size > _MAX_MEMBER:
            yield Skip(where, f"{info.file_size / 1e9:.1f} GB unpacked: too large to read from a zip", partial=True)
            continue
        try:
            member = zf.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, NotImplementedError, ValueError) as exc:
            yield Skip(where, f"unreadable zip member ({exc})", partial=True)
            continue
        for item in read_bytes(member, parts[-1], where, f"{rel}/{info.filename}", options, depth + 1):
            yield replace(item, partial=True) if isinstance(item, Skip) else item


def read_corpus(paths: Iterable[Path], options: ReadOptions | None = None) -> Iterator[Article | Skip]:
    """Articles of every file under `paths`, streamed: the corpus is never held whole."""
    for item in iter_files(paths):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_file(item, options=options)
