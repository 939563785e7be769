"""The index folder: what may sit in it, and opening or creating the Whoosh index there,
with the errors a user can act on.

The default location is `index/` in the working directory; `--index DIR` or the
`SEARCH_INDEX` environment variable change it (`search.backend.default_index_dir`). A
directory that holds something other than our index is never written into.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex
from whoosh.searching import Searcher

import search.backend.whoosh.fixes  # noqa: F401 - applies the Whoosh fixes wherever the index is opened
from search.backend import default_index_dir
from search.backend.whoosh import safe_pickle
from search.backend.whoosh.schema import make_schema
from search.errors import IndexMissingError, SearchError

safe_pickle.install()  # before any index is read: a crafted one must not run code

T = TypeVar("T")

__all__ = ["default_index_dir", "exists", "open_index", "open_searcher", "open_for_writing", "prepare_dir"]

INDEX_NAME = "MAIN"
# Files that may sit in an index folder besides Whoosh's own (kept in git, or ours).
# backend.json: search.backend.BACKEND_FILE; tantivy*: search.backend.tantivy.index_folder
_OURS = {".gitignore", ".gitkeep", "README.md", "state.json", "names.json", "backend.json", "tantivy", "tantivy.tmp", "tantivy.next", "tantivy.old"}


def _is_whoosh_file(name: str) -> bool:
    return name.startswith(("_MAIN_", "MAIN_")) or name.endswith((".seg", ".toc", ".lock", ".pst", ".trm", ".vps", ".fln"))


def _is_ours(name: str) -> bool:
    """Files the indexer keeps beside Whoosh's: run state, the owner of the lock, temp runs."""
    from search.backend import OWNER_FILE
    from search.backend.whoosh.checksums import is_checksum_file
    from search.identities import is_table_file
    from search.indexing.pipeline import HELD_QUOTES_PREFIX
    from search.indexing.run_state import is_state_file

    return (
        name in _OURS
        or name in (OWNER_FILE, TEMP_DIR)
        or is_state_file(name)
        or is_table_file(name)
        or is_checksum_file(name)
        or name.startswith((f".{OWNER_FILE}.", HELD_QUOTES_PREFIX, ".backend.json."))  # HeldQuotes' file, if a crash left it named
    )


TEMP_DIR = f"{INDEX_NAME}.tmp"  # where Whoosh's writers spill sorted posting runs


def has_index_files(index_dir: Path) -> bool:
    """Whether `index_dir` holds files of an index, readable or not."""
    return index_dir.is_dir() and any(_is_whoosh_file(p.name) and not p.name.endswith("WRITELOCK") for p in index_dir.iterdir())


DAMAGED_HINT = "`search check` says what is damaged; `search index --rebuild PATH...` starts it over"


def exists(index_dir: Path) -> bool:
    """True when `index_dir` holds a readable index; a damaged one is not (and is never
    mistaken for an empty folder: see `open_for_writing`)."""
    try:
        return index_dir.is_dir() and whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME)
    except (safe_pickle.UnsafeIndexError, PermissionError):
        raise  # crafted or unreadable, not damaged: say so
    except Exception:  # a table of contents Whoosh cannot unpickle raises anything
        return False


def check_writable_dir(index_dir: Path) -> None:
    """Refuse to create an index in a folder that holds other things: it is not ours."""
    if index_dir.exists() and not index_dir.is_dir():
        raise SearchError(f"{index_dir} is a file, not an index folder; pass --index DIR with a folder")
    if index_dir.is_dir() and not exists(index_dir) and not has_index_files(index_dir):  # damaged is still ours
        foreign = [p.name for p in index_dir.iterdir() if not _is_ours(p.name) and not _is_whoosh_file(p.name)]
        if foreign:
            shown = ", ".join(sorted(foreign)[:3])
            raise SearchError(
                f"{index_dir} is not a search index and is not empty ({shown}…); refusing to write into it: pass --index with an empty or new folder"
            )


# An indexer's commit writes a new table of contents, then deletes the one before and the
# segments it replaced: a reader that read the old table in between finds a file gone. It
# tries again on the new one, after a short pause, before it calls the index damaged.
OPEN_ATTEMPTS = 6
_OPEN_PAUSE = 0.02  # seconds, growing with each attempt: 0.3 s in all


def _retrying(open_once: Callable[[], T]) -> T:
    for attempt in range(1, OPEN_ATTEMPTS):
        try:
            return open_once()
        except IndexMissingError:
            raise
        except (SearchError, FileNotFoundError):
            time.sleep(_OPEN_PAUSE * attempt)
    return open_once()


class _ReadingIndex(FileIndex):  # type: ignore[misc]  # Whoosh has no type hints
    """A Whoosh index opened for reading, whose table of contents is read once per
    generation. Whoosh reads and unpickles it again for the schema, for each reader and
    to check that it can (four times to open a searcher): at 100,000 articles the table
    holds the deleted documents of each segment (455 KB) and each read cost 10 ms of a
    cold search. Only reading uses it: writers get Whoosh's own `FileIndex`, whose
    segments they change."""

    def __init__(self, storage: Any, indexname: str = INDEX_NAME) -> None:
        self.storage, self._schema, self.indexname = storage, None, indexname
        self._toc = TOC.read(storage, indexname)

    def _read_toc(self) -> Any:
        if self._toc.generation != self.latest_generation():
            self._toc = TOC.read(self.storage, self.indexname)
        return self._toc


def open_index(index_dir: Path | None = None) -> FileIndex:
    """Open an existing index for reading, or say how to build one."""
    index_dir = index_dir or default_index_dir()
    return _retrying(lambda: _open_index_once(index_dir, FileIndex))


def open_searcher(index_dir: Path | None = None) -> tuple[FileIndex, Searcher]:
    """The index and a searcher over one generation of it, opened together so that a commit
    landing between the two is retried rather than reported (see `OPEN_ATTEMPTS`)."""
    index_dir = index_dir or default_index_dir()

    def once() -> tuple[FileIndex, Searcher]:
        ix = _open_index_once(index_dir, _ReadingIndex)
        try:
            return ix, ix.searcher()
        except (FileNotFoundError, SearchError):
            raise
        except Exception as exc:  # a damaged segment fails anywhere in Whoosh's codec
            raise _unreadable(index_dir, exc) from None

    try:
        return _retrying(once)
    except FileNotFoundError as exc:
        raise _unreadable(index_dir, exc) from None


def _unreadable(index_dir: Path, exc: Exception) -> SearchError:
    return SearchError(f"{index_dir}: the index cannot be read ({type(exc).__name__}: {exc}); {DAMAGED_HINT}")


def _open_index_once(index_dir: Path, kind: Callable[..., FileIndex]) -> FileIndex:
    try:
        ix = kind(FileStorage(str(index_dir)), indexname=INDEX_NAME) if index_dir.is_dir() else None
    except (safe_pickle.UnsafeIndexError, PermissionError):
        raise  # crafted or unreadable, not damaged: say so
    except Exception:  # no table of contents, or one Whoosh cannot unpickle (which raises anything)
        ix = None
    if ix is None:
        if has_index_files(index_dir):
            raise SearchError(f"{index_dir} holds a damaged or foreign index; it is left as it is; {DAMAGED_HINT}")
        raise IndexMissingError(f"no index at {index_dir}; build one with: search index seeds/ (or pass --index DIR)")
    if "speaker_name" not in ix.schema.names():
        raise SearchError(f"{index_dir} is a Whoosh index of another program; pass --index with another folder")
    return ix


def prepare_dir(index_dir: Path) -> None:
    """Make the index folder if needed; refuse one that holds something else."""
    check_writable_dir(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SearchError(f"cannot create the index folder {index_dir}: {exc.strerror or exc}") from None


def open_for_writing(index_dir: Path, rebuild: bool = False) -> FileIndex:
    """Open the index to update it, creating an empty one in an empty folder.

    Call it holding the write lock. A readable index is never replaced here, not even for
    --rebuild: a rebuild writes new segments and drops the old ones in its one commit, so
    that until then searches (and a killed run) keep the previous index. A damaged index is
    reported and left alone, except by --rebuild, which removes the files the index owns
    (and nothing else in the folder) and starts over.
    """
    check_writable_dir(index_dir)
    if rebuild:
        from search.backend.whoosh.check import is_damaged

        if is_damaged(index_dir):
            remove_index_files(index_dir)
    if exists(index_dir):
        return open_index(index_dir)
    if any(p.name.endswith(".toc") for p in index_dir.iterdir()):
        raise SearchError(f"{index_dir} holds a damaged or foreign index; it is left as it is; {DAMAGED_HINT}")
    return whoosh_index.create_in(str(index_dir), make_schema(), indexname=INDEX_NAME)


def remove_index_files(index_dir: Path) -> None:
    """Delete what the index owns in `index_dir` (Whoosh's files, our bookkeeping), keeping the
    write lock and anything else in the folder."""
    from search.backend import OWNER_FILE

    for p in index_dir.iterdir():
        if p.name.endswith("WRITELOCK") or p.name in (OWNER_FILE, ".gitignore", ".gitkeep", "README.md") or not p.is_file():
            continue
        if _is_whoosh_file(p.name) or _is_ours(p.name):
            p.unlink(missing_ok=True)
