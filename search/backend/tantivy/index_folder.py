"""The index folder of a tantivy index: where tantivy's files sit, and which commit is which.

    INDEX/backend           'tantivy' (search.backend.record_backend)
    INDEX/tantivy/          tantivy's own files (meta.json, segments)
    INDEX/tantivy/search.json   {"generation", "opstamp", "schema_version"} of the last commit
    INDEX/tantivy.tmp/      workers' finished segments, waiting for the commit
    INDEX/tantivy.next/     a rebuild's new index, until its commit swaps it in
    INDEX/state-*.json, identities-*.json, indexer.json, MAIN_WRITELOCK: as for Whoosh

Generations. The indexer numbers the files it saves beside the index (run state, identity
table) by the generation of the commit they go with, and saves them *before* the commit.
tantivy's commit is atomic (its meta.json is renamed into place), but our record of the
generation is a second file written after it. A run killed between the two leaves a
meta.json whose opstamp is not the recorded one: that commit was generation + 1, whose
files were saved before it, so the generation is worked out as such (`generation`).

Rebuilds. A rebuild writes a new tantivy index, with this version's tantivy schema, into
`tantivy.next/`, and its commit swaps it in (`swap_in_next`): the old index answers queries
until then, and an index of an older layout (`schema.LAYOUT`) gets the new schema, which
deleting its documents would not give it. The swap is two renames; a run killed between them
leaves no `tantivy/` and a committed `tantivy.next/`, which readers read in its place and the
next writer moves into place (`recover`). A `tantivy.next/` beside a `tantivy/` is a rebuild
that never committed: the next writer removes it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import tantivy

from search.backend.tantivy.schema import SCHEMA_VERSION, build_schema
from search.errors import IndexMissingError, SearchError

SUBDIR = "tantivy"
TEMP_DIR = "tantivy.tmp"
NEXT_DIR = "tantivy.next"
OLD_DIR = "tantivy.old"
RECORD = "search.json"
DAMAGED_HINT = "`search check` says what is damaged; `search index --rebuild PATH...` starts it over"


def tantivy_dir(index_dir: Path) -> Path:
    """The folder of the index's last commit: `tantivy/`, or a committed `tantivy.next/`
    when a run was killed in the middle of swapping it in (see the module's doc)."""
    folder = index_dir / SUBDIR
    if not folder.exists() and _committed(index_dir / NEXT_DIR):
        return index_dir / NEXT_DIR
    return folder


def _committed(folder: Path) -> bool:
    """A rebuild's folder whose commit completed (the record is written after it)."""
    return (folder / "meta.json").is_file() and (folder / RECORD).is_file()


def exists(index_dir: Path) -> bool:
    return (tantivy_dir(index_dir) / "meta.json").is_file()


def meta_opstamp(folder: Path) -> int:
    try:
        meta: dict[str, Any] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return int(meta.get("opstamp") or 0)


def create_next(index_dir: Path) -> tantivy.Index:
    """An empty index with this version's schema for a rebuild, in `tantivy.next/`."""
    folder = index_dir / NEXT_DIR
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return tantivy.Index(build_schema(), path=str(folder), reuse=False)


def swap_in_next(index_dir: Path) -> None:
    """Put a rebuild's committed and recorded index in place of the old one (the caller
    holds the write lock; see the module's doc)."""
    current, old = index_dir / SUBDIR, index_dir / OLD_DIR
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        os.rename(current, old)
    os.rename(index_dir / NEXT_DIR, current)
    shutil.rmtree(old, ignore_errors=True)


def recover(index_dir: Path) -> None:
    """Finish a swap a killed run left half done, and remove a rebuild that never committed
    (the caller holds the write lock)."""
    current, following = index_dir / SUBDIR, index_dir / NEXT_DIR
    if not current.exists() and _committed(following):
        os.rename(following, current)
    shutil.rmtree(following, ignore_errors=True)
    shutil.rmtree(index_dir / OLD_DIR, ignore_errors=True)


def read_record(index_dir: Path) -> dict[str, Any]:
    try:
        record: dict[str, Any] = json.loads((tantivy_dir(index_dir) / RECORD).read_text(encoding="utf-8"))
        return record
    except (OSError, ValueError):
        return {}


def generation(index_dir: Path) -> int:
    """The generation of the last commit (see the module's doc)."""
    record = read_record(index_dir)
    gen = int(record.get("generation", 0))
    if meta_opstamp(tantivy_dir(index_dir)) != int(record.get("opstamp", 0)):
        gen += 1  # a commit landed and the run was killed before it recorded it
    return gen


def schema_version(index_dir: Path) -> int:
    return int(read_record(index_dir).get("schema_version", SCHEMA_VERSION))


def write_record(folder: Path, gen: int) -> None:
    """Record the commit just made in the tantivy folder `folder` as generation `gen`."""
    record = {"generation": gen, "opstamp": meta_opstamp(folder), "schema_version": SCHEMA_VERSION}
    tmp = folder / f".{RECORD}.{os.getpid()}"
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, folder / RECORD)


def open_index(index_dir: Path) -> tantivy.Index:
    """The tantivy index at `index_dir`, for reading; or say how to build one."""
    if not exists(index_dir):
        raise IndexMissingError(f"no index at {index_dir}; build one with: search index --backend tantivy seeds/ (or pass --index DIR)")
    try:
        return tantivy.Index.open(str(tantivy_dir(index_dir)))
    except (OSError, ValueError) as exc:
        raise SearchError(f"{index_dir}: the index cannot be read ({type(exc).__name__}: {exc}); {DAMAGED_HINT}") from None


OPEN_ATTEMPTS = 6  # a commit's clean-up can remove a file a reader was about to open: try again
_OPEN_PAUSE = 0.02


def read_meta(index_dir: Path) -> dict[str, Any] | None:
    """tantivy's table of contents (`meta.json`): the segments of the last commit, in order."""
    try:
        meta: dict[str, Any] = json.loads((tantivy_dir(index_dir) / "meta.json").read_bytes())
        return meta
    except (OSError, ValueError):
        return None


def open_searcher(index_dir: Path) -> tuple[tantivy.Index, tantivy.Searcher, int, dict[str, Any] | None]:
    """The index, a searcher over its last commit, that commit's generation and its
    meta.json (None when a commit landed meanwhile: the searcher's segments are then not
    known from it); retried briefly when a commit's clean-up removes a file being opened
    (as the Whoosh backend does)."""
    for attempt in range(1, OPEN_ATTEMPTS + 1):
        try:
            gen = generation(index_dir)
            before = read_meta(index_dir)
            index = open_index(index_dir)
            searcher = index.searcher()
            after = read_meta(index_dir)
            return index, searcher, gen, (after if after == before else None)
        except IndexMissingError:
            raise
        except (SearchError, OSError, ValueError) as exc:
            if attempt == OPEN_ATTEMPTS:
                if isinstance(exc, SearchError):
                    raise
                raise SearchError(f"{index_dir}: the index cannot be read ({type(exc).__name__}: {exc}); {DAMAGED_HINT}") from None
            time.sleep(_OPEN_PAUSE * attempt)
    raise AssertionError("unreachable")


def create_or_open(index_dir: Path, rebuild: bool = False) -> tantivy.Index:
    """Open the index to update it, creating an empty one; `rebuild` starts a damaged one over
    (only tantivy's folder: our files beside it are the indexer's)."""
    folder = tantivy_dir(index_dir)
    if exists(index_dir):
        try:
            return tantivy.Index.open(str(folder))
        except (OSError, ValueError) as exc:
            if not rebuild:
                raise SearchError(f"{index_dir}: the index cannot be read ({type(exc).__name__}: {exc}); {DAMAGED_HINT}") from None
            shutil.rmtree(folder)
    elif folder.exists() and any(folder.iterdir()):
        if not rebuild:
            raise SearchError(f"{index_dir} holds a damaged tantivy index; it is left as it is; {DAMAGED_HINT}")
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(build_schema(), path=str(folder), reuse=False)
    write_record(folder, 0)
    return index


def size_bytes(index_dir: Path) -> int:
    folder = tantivy_dir(index_dir)
    total = 0
    for p in folder.iterdir() if folder.is_dir() else ():
        try:  # a commit deletes files while we list them
            total += p.stat().st_size if p.is_file() else 0
        except FileNotFoundError:
            continue
    return total


def last_modified(index_dir: Path) -> float:
    try:
        return (tantivy_dir(index_dir) / "meta.json").stat().st_mtime
    except OSError:
        return 0.0
