"""Reading a corpus: which reader reads each file the walk finds (`search.readers.walk`), the
manifest entries that give text files their metadata, and the stream of articles.

A bad file never stops the rest from being read: binary and non-UTF-8 files become a `Skip`
with the reason, as do files the walk does not take.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from search.models import Article
from search.readers.jsonl import Skip, read_jsonl
from search.readers.manifest import apply_manifest, load_manifest
from search.readers.text import read_text_article
from search.readers.walk import JSONL_SUFFIXES, check_paths, walk

__all__ = ["Skip", "SourceFile", "check_paths", "iter_files", "manifest_entry", "read_corpus", "read_file"]


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
        yield found if isinstance(found, Skip) else SourceFile(Path(found.path), Path(found.root))


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
