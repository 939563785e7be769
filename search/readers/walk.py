"""The one walk over a corpus: which files are articles, in which order, under which root.

Both readers of a corpus use it: `search.readers.corpus.read_corpus` (`search extract`, the
benches) and the indexer's scan (`search.pipeline.scan`), which also needs each file's state
key (its resolved path), its stat and the manifests that give it metadata. So the walk
yields those too, found the cheap way: one `scandir` per folder and one `stat` per file. At
100,000 files the walk is what an incremental run mostly costs, so no path is resolved or
stat'ed twice, and paths stay plain strings (building a Path per file was half the cost).

Folders are read recursively, entries by name, each subfolder walked where it falls.
`.jsonl`/`.ndjson` files hold one article per line; `.txt`, `.text` and extension-less
files hold one article each. Hidden files and folders and `*.toml` sidecars (manifests,
aliases) are not articles. Anything else is skipped with a reason: a bad file never stops
the rest from being read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from search.errors import SearchError
from search.readers.jsonl import Skip
from search.readers.manifest import MANIFEST_NAME

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ""}
QUIET_SUFFIXES = {".toml"}


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


def walk(paths: Iterable[Path], manifests: dict[Path, str] | None = None) -> Iterator[Found | Skip]:
    """Every input file under `paths` (or a Skip saying why one is not read), in corpus
    order. `manifests` caches manifest signatures across calls (see `manifest_sig`)."""
    manifests = {} if manifests is None else manifests
    for given in check_paths(paths):
        if given.is_file():
            root = given.parent
            sig = manifest_sig(root, root, manifests)
            yield from _classify(str(given), str(root), str(given.resolve()), str(root.resolve()), sig)
            continue
        yield from _walk_folder(given, given, str(given.resolve()), str(given.resolve()), manifests)


def _walk_folder(folder: Path, root: Path, rfolder: str, root_key: str, manifests: dict[Path, str]) -> Iterator[Found | Skip]:
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
            yield from _walk_folder(folder / name, root, join(rfolder, name), root_key, manifests)
        elif entry.is_file():
            if sig is None:
                sig = manifest_sig(folder, root, manifests)
            yield from _classify(join(sfolder, name), sroot, join(rfolder, name), root_key, sig, entry)


def _classify(path: str, root: str, key: str, root_key: str, sig: str, entry: os.DirEntry | None = None) -> Iterator[Found | Skip]:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in QUIET_SUFFIXES:
        return
    if suffix not in JSONL_SUFFIXES and suffix not in TEXT_SUFFIXES:
        yield Skip(path, f"unsupported file type '{suffix}' (use .txt or .jsonl)")
        return
    try:
        st = entry.stat() if entry is not None else os.stat(path)
    except OSError as exc:
        yield Skip(path, exc.strerror or str(exc))
        return
    jsonl = suffix in JSONL_SUFFIXES
    yield Found(path, root, key, root_key, st, jsonl, "" if jsonl else sig)
