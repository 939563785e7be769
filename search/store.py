"""Where the index lives and how it is opened, with the errors a user can act on.

The default location is `index/` in the working directory; `--index DIR` or the
`SEARCH_INDEX` environment variable change it. A directory that holds something other than
our index is never written into.
"""

from __future__ import annotations

import os
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import EmptyIndexError, FileIndex

from search.errors import IndexMissingError, SearchError
from search.schema import make_schema

ENV_VAR = "SEARCH_INDEX"
DEFAULT_DIR = "index"
INDEX_NAME = "MAIN"
# Files that may sit in an index folder besides Whoosh's own (kept in git, or ours).
_OURS = {".gitignore", ".gitkeep", "README.md", "state.json", "names.json"}


def default_index_dir() -> Path:
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


def _is_whoosh_file(name: str) -> bool:
    return name.startswith(("_MAIN_", "MAIN_")) or name.endswith((".seg", ".toc", ".lock", ".pst", ".trm", ".vps", ".fln"))


def exists(index_dir: Path) -> bool:
    return index_dir.is_dir() and whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME)


def check_writable_dir(index_dir: Path) -> None:
    """Refuse to create an index in a folder that holds other things: it is not ours."""
    if index_dir.exists() and not index_dir.is_dir():
        raise SearchError(f"{index_dir} is a file, not an index folder; pass --index DIR with a folder")
    if index_dir.is_dir() and not exists(index_dir):
        foreign = [p.name for p in index_dir.iterdir() if p.name not in _OURS and not _is_whoosh_file(p.name)]
        if foreign:
            shown = ", ".join(sorted(foreign)[:3])
            raise SearchError(
                f"{index_dir} is not a search index and is not empty ({shown}…); "
                "refusing to write into it: pass --index with an empty or new folder"
            )


def open_index(index_dir: Path | None = None) -> FileIndex:
    """Open an existing index for reading, or say how to build one."""
    index_dir = index_dir or default_index_dir()
    if not exists(index_dir):
        if index_dir.is_dir() and any(_is_whoosh_file(p.name) for p in index_dir.iterdir()):
            raise SearchError(f"{index_dir} holds a damaged or foreign index; rebuild it with: search index --rebuild PATH...")
        raise IndexMissingError(f"no index at {index_dir}; build one with: search index seeds/ (or pass --index DIR)")
    try:
        ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    except (EmptyIndexError, OSError, ValueError, EOFError) as exc:
        raise SearchError(f"{index_dir}: the index cannot be read ({exc}); rebuild it with: search index --rebuild PATH...") from None
    except Exception as exc:  # unpickling a foreign or corrupt table of contents
        raise SearchError(f"{index_dir}: the index is damaged ({type(exc).__name__}); rebuild it with: search index --rebuild PATH...") from None
    if "speaker_name" not in ix.schema.names():
        raise SearchError(f"{index_dir} is a Whoosh index of another program; pass --index with another folder")
    return ix


def create_or_open(index_dir: Path, rebuild: bool = False) -> FileIndex:
    """Open the index for writing, creating it (and its folder) when needed."""
    check_writable_dir(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    if rebuild or not exists(index_dir):
        return whoosh_index.create_in(str(index_dir), make_schema(), indexname=INDEX_NAME)
    return open_index(index_dir)
