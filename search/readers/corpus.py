"""Walking a corpus: which files are read, with which reader, under which stable id.

Directories are read recursively in sorted order. `.jsonl`/`.ndjson` files hold one article
per line; `.txt`, `.text` and extension-less files hold one article each. Hidden files,
`*.toml` sidecars (manifests, aliases) are not articles. Anything else is skipped with a
reason, as are binary and non-UTF-8 files: a bad file never stops the rest from being read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from search.errors import SearchError
from search.models import Article
from search.readers.jsonl import Skip, read_jsonl
from search.readers.manifest import apply_manifest, load_manifest
from search.readers.text import read_text_article

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ""}
QUIET_SUFFIXES = {".toml"}


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


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    return any(p.startswith(".") for p in parts)


def check_paths(paths: Iterable[Path]) -> list[Path]:
    """Fail early, before any work, on a path that does not exist."""
    checked = []
    for p in paths:
        if not p.exists():
            raise SearchError(f"no such file or directory: {p}")
        checked.append(p)
    return checked


def iter_files(paths: Iterable[Path]) -> Iterator[SourceFile | Skip]:
    """Every input file under `paths`, each with the root its id is relative to."""
    for given in check_paths(paths):
        if given.is_file():
            candidates = [(given, given.parent)]
        else:
            root = given
            candidates = ((p, root) for p in sorted(root.rglob("*")) if p.is_file() and not _hidden(p, root))
        for path, root in candidates:
            suffix = path.suffix.lower()
            if suffix in QUIET_SUFFIXES:
                continue
            if suffix in JSONL_SUFFIXES or suffix in TEXT_SUFFIXES:
                yield SourceFile(path, root)
            else:
                yield Skip(str(path), f"unsupported file type '{suffix}' (use .txt or .jsonl)")


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


def read_file(sf: SourceFile, data: bytes | None = None) -> Iterator[Article | Skip]:
    """Articles of one file, or a Skip saying why it could not be read."""
    if sf.is_jsonl:
        yield from read_jsonl(sf.path, str(sf.path))
        return
    try:
        article = read_text_article(sf.path, sf.root, data)
    except UnicodeDecodeError as exc:
        yield Skip(str(sf.path), f"not UTF-8 (byte {exc.start}); convert it to UTF-8 to index it")
        return
    except ValueError as exc:
        yield Skip(str(sf.path), str(exc))
        return
    except OSError as exc:
        yield Skip(str(sf.path), exc.strerror or str(exc))
        return
    yield apply_manifest(article, manifest_entry(sf))


def read_corpus(paths: Iterable[Path]) -> Iterator[Article | Skip]:
    """Articles of every file under `paths`, streamed: the corpus is never held whole."""
    for item in iter_files(paths):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_file(item)
