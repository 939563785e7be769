"""The one walk over a corpus: which files are articles, in which order, under which root.

Both readers of a corpus use it: `search.readers.corpus.read_corpus` (`search extract`, the
benches) and the indexer's scan (`search.indexing.pipeline.scan`), which also needs each file's state
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

from search.backend import looks_like_index
from search.errors import SearchError
from search.readers.jsonl import Skip
from search.readers.manifest import MANIFEST_NAME, load_manifest
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
    held: bool = False  # a manifest.toml that governs it is broken: not read, kept as indexed


@dataclass
class Held:
    """A folder that could not be entered: what was indexed from under it (state keys under
    `key`) is kept as it was, not removed (the Skip before it names the folder)."""

    key: str


def check_paths(paths: Iterable[Path]) -> list[Path]:
    """Fail early, before any work, on a path that does not exist or cannot be reached."""
    checked = []
    for p in paths:
        try:
            exists = p.exists()
        except OSError as exc:  # a parent folder that cannot be entered
            raise SearchError(f"cannot read {p}: {exc.strerror or exc}") from None
        if not exists:
            raise SearchError(f"no such file or directory: {p}")
        checked.append(p)
    return checked


class Manifests:
    """The manifest.toml of each folder, looked at once per run: its size and mtime for the
    signature of the files it governs, and whether it can be read at all (a broken one holds
    its files as they were indexed: a typo must not remove a folder's articles)."""

    def __init__(self) -> None:
        self._seen: dict[Path, tuple[str, str | None]] = {}  # folder -> (size:mtime or '', error)
        self.broken: list[Skip] = []  # named once each, as the walk meets them

    def _look(self, folder: Path) -> tuple[str, str | None]:
        if folder not in self._seen:
            m = folder / MANIFEST_NAME
            try:
                st = m.stat()
            except OSError:
                self._seen[folder] = ("", None)
            else:
                error = None
                try:
                    load_manifest(folder)
                except SearchError as exc:
                    error = str(exc)
                    self.broken.append(Skip(str(m), f"{_after_path(error, m)}; the files it describes are not read and stay as they were indexed"))
                self._seen[folder] = (f"{st.st_size}:{st.st_mtime_ns}", error)
        return self._seen[folder]

    def state(self, folder: Path, root: Path) -> tuple[str, bool]:
        """The signature of the manifests from `folder` up to `root`, and whether one is broken.
        Named relative to the root: the same however the root was given."""
        parts = []
        broken = False
        while True:
            sig, error = self._look(folder)
            if sig:
                parts.append(f"{folder.relative_to(root).as_posix()}:{sig}")
            broken = broken or error is not None
            if folder == root or folder.parent == folder:
                break
            folder = folder.parent
        return ";".join(parts), broken


def _after_path(error: str, path: Path) -> str:
    return error.removeprefix(f"{path}: ")


def manifest_sig(folder: Path, root: Path, cache: Manifests) -> str:
    """The manifests that may give the text files of `folder` metadata, by size and mtime: a
    manifest edit makes its files be read again even though they did not change themselves."""
    return cache.state(folder, root)[0]


def walk(paths: Iterable[Path], manifests: Manifests | None = None, columns: str = "") -> Iterator[Found | Skip | Held]:
    """Every input file under `paths` (or a Skip saying why one is not read), in corpus
    order. `manifests` looks at each folder's manifest once (see `Manifests`); `columns`
    (the run's `--map`) is part of the signature of the files it may change, so a new
    mapping makes them be read again."""
    manifests = Manifests() if manifests is None else manifests
    for given in check_paths(paths):
        if given.is_file():
            root = given.parent
            sig, held = manifests.state(root, root)
            yield from _named(manifests)
            yield from _classify(str(given), str(root), str(given.resolve()), str(root.resolve()), sig, held, columns)
            continue
        yield from _walk_tree(given, str(given.resolve()), manifests, columns)


def _named(manifests: Manifests) -> Iterator[Skip]:
    while manifests.broken:
        yield manifests.broken.pop(0)


def _walk_tree(root: Path, root_key: str, manifests: Manifests, columns: str) -> Iterator[Found | Skip | Held]:
    """Depth first, entries by name, each subfolder walked where it falls; with a stack, not
    recursion, so a deep tree cannot exhaust Python's; a symbolic link back to a folder
    being walked (`ln -s . self`) is named and not followed."""
    sroot = str(root)
    join = os.path.join
    # one frame per open folder: (folder, resolved key, its sorted entries, next index, manifest state or None)
    stack: list[list] = []
    ancestors: dict[tuple[int, int], str] = {}

    def enter(folder: Path, rfolder: str) -> Iterator[Skip | Held]:
        try:
            st = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Skip(str(folder), f"cannot be read ({exc.strerror or exc}); what was indexed from it is kept")
            yield Held(rfolder)
            return
        if looks_like_index(e.name for e in entries):
            yield Skip(str(folder), "a search index, not articles; not read")
            return
        ident = (st.st_dev, st.st_ino)
        if ident in ancestors:
            yield Skip(str(folder), f"symbolic link loop (it leads back to {ancestors[ident]}); not followed")
            return
        ancestors[ident] = str(folder)
        stack.append([folder, rfolder, entries, 0, None, ident])

    yield from enter(root, root_key)
    while stack:
        frame = stack[-1]
        folder, rfolder, entries, i = frame[0], frame[1], frame[2], frame[3]
        if i >= len(entries):
            stack.pop()
            del ancestors[frame[5]]
            continue
        frame[3] = i + 1
        entry = entries[i]
        name = entry.name
        if name.startswith("."):
            continue
        path = join(str(folder), name)
        if not _utf8(name):
            shown = os.fsencode(path).decode("utf-8", "backslashreplace")
            yield Skip(shown, "its name is not UTF-8; rename it to index it")
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            yield Skip(path, exc.strerror or str(exc))
            continue
        if is_dir:
            yield from enter(folder / name, join(rfolder, name))
        elif is_file:
            if frame[4] is None:
                frame[4] = manifests.state(folder, root)
                yield from _named(manifests)
            sig, held = frame[4]
            yield from _classify(path, sroot, join(rfolder, name), root_key, sig, held, columns, entry)
        elif entry.is_symlink():
            yield Skip(path, "broken symbolic link (what it points to does not exist)")
        else:
            yield Skip(path, "not a regular file (a device, pipe or socket)")


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.scandir keeps undecodable bytes as surrogates
        return False
    return True


def _classify(path: str, root: str, key: str, root_key: str, sig: str, held: bool, columns: str, entry: os.DirEntry | None = None) -> Iterator[Found | Skip]:
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
    if jsonl and st.st_size == 0:
        yield Skip(path, "empty file")
        return
    if columns and suffix in _MAPPED:
        sig = f"{sig};map={columns}"
    yield Found(path, root, key, root_key, st, jsonl, "" if jsonl else sig, held and not jsonl)


def _sniffed(path: str) -> str | None:
    """The format of a file whose name does not tell, from its first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD)
    except OSError:
        return "unreadable"  # taken, and named by the reader with the reason
    return detect(path, head)
