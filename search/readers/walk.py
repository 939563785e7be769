"""The one walk over a corpus: which files are articles, in which order, under which root.

Both readers of a corpus use it: `search.readers.corpus.read_corpus` (`search extract`, the
benches) and the indexer's scan (`search.pipeline.scan`), which also needs each file's state
key (its resolved path), its stat and the manifests that give it metadata. So the walk
yields those too, found the cheap way: one `scandir` per folder and one `stat` per file. At
100,000 files the walk is what an incremental run mostly costs, so no path is resolved or
stat'ed twice, and paths stay plain strings (building a Path per file was half the cost).

Folders are read recursively, entries by name, each subfolder walked where it falls.
Files of the formats the readers know (`search.readers.sniff`: text, JSON Lines, HTML, WARC,
CSV/TSV, feeds, .gz and .zip) are taken by name; a file with another extension is taken
when its first bytes show one of them (a saved page named `story.php`), else skipped with a
reason. Hidden files and folders and `*.toml` sidecars (manifests, aliases) are not
articles. A bad file never stops the rest from being read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from search.errors import SearchError
from search.readers.jsonl import Skip
from search.readers.manifest import MANIFEST_NAME
from search.readers.sniff import HEAD, JSONL_SUFFIXES, KNOWN_SUFFIXES, SUPPORTED, TABLE_SUFFIXES, detect

QUIET_SUFFIXES = {".toml"}
_MAPPED = frozenset({*TABLE_SUFFIXES, ".gz", ".zip"})  # files whose reading `--map` changes


@dataclass
class Found:
    """A corpus file as the walk finds it."""

    path: str  # as the user gave it
    root: str  # the root as given: article ids of text files are paths relative to it
    key: str  # resolved path: the key of the file in the index's state
    root_key: str  # resolved root
    st: os.stat_result
    jsonl: bool
    sig: str  # the manifests that may give this file metadata ('' for JSON Lines)


def check_paths(paths: Iterable[Path]) -> list[Path]:
    """Fail early, before any work, on a path that does not exist."""
    checked = []
    for p in paths:
        if not p.exists():
            raise SearchError(f"no such file or directory: {p}")
        checked.append(p)
    return checked


def manifest_sig(folder: Path, root: Path, cache: dict[Path, str]) -> str:
    """The manifests that may give the text files of `folder` metadata, by size and mtime: a
    manifest edit makes its files be read again even though they did not change themselves.
    Worked out once per folder."""
    parts = []
    while True:
        if folder not in cache:
            m = folder / MANIFEST_NAME
            try:
                st = m.stat()
                cache[folder] = f"{st.st_size}:{st.st_mtime_ns}"
            except OSError:
                cache[folder] = ""
        if cache[folder]:  # named relative to the root: the same however the root was given
            parts.append(f"{folder.relative_to(root).as_posix()}:{cache[folder]}")
        if folder == root or folder.parent == folder:
            break
        folder = folder.parent
    return ";".join(parts)


def walk(paths: Iterable[Path], manifests: dict[Path, str] | None = None, columns: str = "") -> Iterator[Found | Skip]:
    """Every input file under `paths` (or a Skip saying why one is not read), in corpus
    order. `manifests` caches manifest signatures across calls (see `manifest_sig`);
    `columns` (the run's `--map`) is part of the signature of the files it may change, so
    a new mapping makes them be read again."""
    manifests = {} if manifests is None else manifests
    for given in check_paths(paths):
        if given.is_file():
            root = given.parent
            sig = manifest_sig(root, root, manifests)
            yield from _classify(str(given), str(root), str(given.resolve()), str(root.resolve()), sig, columns)
            continue
        yield from _walk_folder(given, given, str(given.resolve()), str(given.resolve()), manifests, columns)


def _walk_folder(folder: Path, root: Path, rfolder: str, root_key: str, manifests: dict[Path, str], columns: str) -> Iterator[Found | Skip]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Skip(str(folder), exc.strerror or str(exc))
        return
    sig = None
    sfolder, sroot = str(folder), str(root)
    join = os.path.join
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk_folder(folder / name, root, join(rfolder, name), root_key, manifests, columns)
        elif entry.is_file():
            if sig is None:
                sig = manifest_sig(folder, root, manifests)
            yield from _classify(join(sfolder, name), sroot, join(rfolder, name), root_key, sig, columns, entry)


def _classify(path: str, root: str, key: str, root_key: str, sig: str, columns: str, entry: os.DirEntry | None = None) -> Iterator[Found | Skip]:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in QUIET_SUFFIXES:
        return
    if suffix not in KNOWN_SUFFIXES and _sniffed(path) is None:
        yield Skip(path, f"unsupported file type '{suffix}' (use {SUPPORTED})")
        return
    try:
        st = entry.stat() if entry is not None else os.stat(path)
    except OSError as exc:
        yield Skip(path, exc.strerror or str(exc))
        return
    jsonl = suffix in JSONL_SUFFIXES
    if columns and suffix in _MAPPED:
        sig = f"{sig};map={columns}"
    yield Found(path, root, key, root_key, st, jsonl, "" if jsonl else sig)


def _sniffed(path: str) -> str | None:
    """The format of a file whose name does not tell, from its first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD)
    except OSError:
        return "unreadable"  # taken, and named by the reader with the reason
    return detect(path, head)
