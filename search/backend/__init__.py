"""Index backends: what the rest of the package asks of the index it writes and reads.

The package speaks to an index only through the protocols here; everything that knows a
search library sits in one folder per backend (`search.backend.whoosh`), so a second
backend is a new folder, not an edit across the package. A backend stores *documents*:
flat mappings of field name to value, built from the records by `search.indexing.documents`
(the field names are the schema's, the same for every backend).

This module imports nothing of a backend: `search --help` and `search extract` must not pay
for one. `open_backend` imports the backend it is asked for.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from search.identities import Table
    from search.models import IndexCheck
    from search.query.request import Request
    from search.query.tree import Node

# --- writing and reading the index (the indexing side) ----------------------------------

Document = Mapping[str, Any]  # field name -> value, as search.indexing.documents builds them
StoredFields = dict[str, Any]  # a document's stored fields, as the backend gives them back
Segment = object  # a finished segment: opaque, handed from a worker to the commit (picklable)

ENV_VAR = "SEARCH_INDEX"
DEFAULT_DIR = "index"


def default_index_dir() -> Path:
    """Where the index lives unless told: `$SEARCH_INDEX`, else `index/` here."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


class SegmentSink(Protocol):
    """One worker's new segment: documents go in, in the order they are to be numbered;
    nothing is visible to readers before the commit that takes the finished segment."""

    def add(self, doc: Document) -> None: ...

    def finish(self) -> Segment | None:
        """Write the segment out and return it for the commit (None when nothing was added)."""
        ...

    def abort(self) -> None:
        """Drop what was written (the run failed)."""
        ...


class Column(Protocol):
    """A field's values by document number (sortable fields keep them in a column)."""

    def __getitem__(self, docnum: int) -> Any: ...


class IndexReader(Protocol):
    """Live documents of one view of the index: by term, stored fields and columns."""

    def doc_ids(self, **terms: str) -> list[int]:
        """Numbers of the live documents holding every `field=value` term, in order."""
        ...

    def stored(self, docnum: int) -> StoredFields: ...

    def doc_count(self) -> int:
        """Live documents."""
        ...

    def documents(self, **terms: str) -> Iterator[StoredFields]:
        """Stored fields of the live documents holding every `field=value` term."""
        ...

    def column(self, field: str) -> Column: ...

    def term_counts(self, field: str) -> dict[str, int]:
        """Every term of `field` with the number of live documents that hold it (terms
        held by no live document left out)."""
        ...


class IndexWriter(Protocol):
    """One commit's worth of changes to the index: segments written by workers, deletions
    and rewrites of documents. Nothing reaches readers before `commit`; `cancel` (or a
    crash) leaves the index as it was."""

    @property
    def generation(self) -> int:
        """The generation the commit will write (files saved beside it are numbered so)."""
        ...

    def add_segments(self, segments: Sequence[Segment]) -> None: ...

    def reader(self) -> AbstractContextManager[IndexReader]:
        """The index as the commit would leave it so far (deletions included)."""
        ...

    def add(self, doc: Document) -> None: ...

    def delete(self, docnum: int) -> None: ...

    def replace(self, docnum: int, doc: Document) -> None:
        """Rewrite a document (a quote under its speaker's settled name): delete and add."""
        ...

    def commit(self) -> None: ...

    def cancel(self) -> None: ...


class WritableIndex(Protocol):
    """An index opened for an update, by the holder of its write lock."""

    @property
    def schema_version(self) -> int:
        """The schema version of the documents the index holds (see `Backend.schema_version`)."""
        ...

    @property
    def generation(self) -> int:
        """The generation of the last commit (0 for a new index)."""
        ...

    def is_empty(self) -> bool: ...

    def reader(self) -> AbstractContextManager[IndexReader]: ...

    def writer(self, *, rebuild: bool = False, optimize: bool = False) -> IndexWriter:
        """The writer of this run's commit. `rebuild`: the commit holds only the segments
        added to it (written with this version's schema); the old ones are dropped with it
        and the writer never reads them. `optimize`: the commit merges every segment into
        one (slower to write, faster to search)."""
        ...

    def segment_sinks(self, *, rebuild: bool = False) -> Callable[[], SegmentSink]:
        """What a worker calls (after the fork) to start its segment."""
        ...


class WriteLock(Protocol):
    """One indexer per index, held for a run (a context manager)."""

    @property
    def fd(self) -> int | None:
        """The descriptor that holds the lock, which worker processes close."""
        ...

    def __enter__(self) -> WriteLock: ...

    def __exit__(self, *exc: object) -> None: ...


class Backend(Protocol):
    name: str

    @property
    def schema_version(self) -> int:
        """The schema version this version writes: an index written with another one is
        rebuilt, never updated (documents of two layouts must not mix)."""
        ...

    def prepare_dir(self, index_dir: Path) -> None:
        """Make the index folder if needed; refuse one that holds something else."""
        ...

    def lock(
        self,
        index_dir: Path,
        *,
        wait: bool = False,
        on_wait: Callable[[str], None] | None = None,
        on_stale: Callable[[str], None] | None = None,
    ) -> WriteLock: ...

    def open_for_writing(self, index_dir: Path, *, rebuild: bool = False) -> WritableIndex:
        """Open the index to update it, creating an empty one in an empty folder; call it
        holding the lock (what a killed run left behind is cleared). `rebuild`: an index
        that is damaged is removed (only its own files) and started over."""
        ...

    def check(self, index_dir: Path, *, deep: bool = False) -> IndexCheck:
        """What is damaged in the index (see `search check`); changes nothing."""
        ...


BACKENDS = ("whoosh", "tantivy")
DEFAULT_BACKEND = "whoosh"
# The index folder names its backend in this small file, written when the index is created;
# every later command reads it (a folder without one is a Whoosh index from before the record).
BACKEND_FILE = "backend.json"  # {"backend": NAME}; .json: a corpus walk over the folder skips it
TANTIVY_DIR = "tantivy"  # the tantivy backend's own folder inside the index folder
OWNER_FILE = "indexer.json"  # present while an indexer runs: who it is (search.backend.whoosh.locking)


def looks_like_index(names: Iterable[str]) -> bool:
    """Whether a folder's entries are an index's own files (its backend record beside a run's
    state 'state.<n>.json', or the running indexer's 'indexer.json'): a corpus walk leaves
    such a folder out, so an index kept inside the folder it indexes ('search index .
    --index ./index') is not read as articles, on its first run or any later one."""
    seen = set(names)
    return BACKEND_FILE in seen and (OWNER_FILE in seen or any(n.startswith("state.") and n.endswith(".json") for n in seen))


def check_backend_name(name: str) -> str:
    from search.errors import SearchError

    if name not in BACKENDS:
        raise SearchError(f"unknown index backend {name!r}; known: {', '.join(BACKENDS)}")
    return name


def open_backend(name: str = DEFAULT_BACKEND) -> Backend:
    """The backend called `name` (imported on first use)."""
    check_backend_name(name)
    if name == "tantivy":
        from search.backend.tantivy.backend import TantivyBackend

        return TantivyBackend()
    from search.backend.whoosh.backend import WhooshBackend

    return WhooshBackend()


def recorded_backend(index_dir: Path) -> str | None:
    """The backend the index in `index_dir` was created with (None: no index there yet).
    A folder with an index and no record is a Whoosh index from before the record."""
    from search.errors import SearchError

    try:
        import json

        name = str(json.loads((index_dir / BACKEND_FILE).read_text(encoding="utf-8")).get("backend"))
    except FileNotFoundError:
        if (index_dir / TANTIVY_DIR / "meta.json").is_file():
            return "tantivy"
        return DEFAULT_BACKEND if index_dir.is_dir() and any(p.name.endswith(".toc") for p in index_dir.iterdir()) else None
    except (OSError, ValueError, AttributeError) as exc:
        raise SearchError(f"cannot read {index_dir / BACKEND_FILE}: {getattr(exc, 'strerror', None) or exc}") from None
    if name not in BACKENDS:
        raise SearchError(f"{index_dir} names an unknown index backend {name!r} in its '{BACKEND_FILE}' file; known: {', '.join(BACKENDS)}")
    return name


def record_backend(index_dir: Path, name: str) -> None:
    """Write the index's backend into its folder (atomically: written, then renamed)."""
    tmp = index_dir / f".{BACKEND_FILE}.{os.getpid()}"
    tmp.write_text(f'{{"backend": "{name}"}}\n', encoding="utf-8")
    os.replace(tmp, index_dir / BACKEND_FILE)


def backend_of(index_dir: Path) -> Backend:
    """The backend of the index in `index_dir` (the default for a folder without one)."""
    return open_backend(recorded_backend(index_dir) or DEFAULT_BACKEND)


def open_searcher(index_dir: Path) -> Searcher:
    """A searcher over the index in `index_dir`, of the backend it was created with."""
    if recorded_backend(index_dir) == "tantivy":
        from search.backend.tantivy.searcher import TantivySearcher

        return TantivySearcher(index_dir)
    from search.backend.whoosh.searcher import WhooshSearcher

    return WhooshSearcher(index_dir)


# =======================================================================================
# Searching (the query side): `search.api.Index` speaks to an index only through this.
# A backend's searcher runs a parsed request (`search.query.request.Request`: our query tree
# plus filters) and answers with document numbers; it reads values per document number
# from its columns and stored fields, and lends the query side what forgiving names,
# "did you mean" and highlighting need (the values a field holds, word frequencies, the
# spelling list, the analyzer). Document numbers are the backend's own, dense from 0; a
# searcher is one snapshot of the index and never sees later writes.


class Searcher(Protocol):
    """One read-only snapshot of an index, searched with parsed requests."""

    memo: dict[str, Any]  # what the query side remembers per snapshot (name lists, identities)

    def close(self) -> None: ...

    # -- running a request -------------------------------------------------------------
    def describe(self, tree: Node) -> str:
        """The query as this backend understood it, for people (`SearchResult.query`)."""
        ...

    def match(self, request: Request, top: int = 0) -> tuple[Sequence[int], list[tuple[float, int]]]:
        """Every live document matching `request`, in index order, and the `top` best by
        score as (score, docnum). Looks at `search.query.budget.current()` while it works.
        (A backend may give the matches as a sequence that is read only when iterated: a
        page of hits needs their number alone.)"""
        ...

    def count_undated(self, request: Request) -> int:
        """Documents the request's date conditions left out only because they have no date."""
        ...

    def live_docnums(self) -> list[int]:
        """Every live document, in index order."""
        ...

    def value_counts(self, matches: Sequence[int], fields: tuple[str, ...], kind: str | None = None) -> Counter[tuple[Any, ...]] | None:
        """How many of `matches` (as `match` gave them; with `kind`, only those of that
        kind) hold each combination of the fields' values, as `column` and `date_keys` give
        them ('date': its date key), counted by the engine without listing the matches;
        None when this backend cannot, and the query side counts them from the columns."""
        ...

    # -- reading documents -------------------------------------------------------------
    def column(self, fieldname: str) -> list[Any] | None:
        """A keyword field's value for every document number (None: no such column)."""
        ...

    def column_codes(self, fieldname: str) -> tuple[Any, list[Any]] | None:
        """A keyword field as a code per document number (a numpy array) and each code's
        value, so a facet labels each distinct value once; None when this backend does not
        keep codes (or no such column, or the date), and the query side codes `column`."""
        ...

    def date_keys(self) -> list[int] | None:
        """A sortable key per document number for its date; `NO_DATE_KEY` when undated."""
        ...

    def date_of(self, key: int) -> dt.date | None:
        """The day a date key stands for (None for `NO_DATE_KEY`)."""
        ...

    def stored(self, docnum: int) -> dict[str, Any]: ...

    def document(self, **terms: str) -> dict[str, Any] | None:
        """The stored fields of the first document holding each field's term."""
        ...

    def documents(self, **terms: str) -> Iterable[dict[str, Any]]: ...

    def doc_ids(self, fieldname: str, value: str) -> list[int]:
        """The live documents holding one term, in index order (a quote group's reports)."""
        ...

    # -- what the query side needs -----------------------------------------------------
    def values(self, fieldname: str) -> list[str]:
        """The distinct values a keyword field holds, sorted."""
        ...

    def doc_frequency(self, fieldname: str, value: str) -> int: ...

    def identity_table(self) -> Table | None:
        """The speaker identities written with this snapshot (None: an index from before them)."""
        ...

    def known_word(self, word: str) -> bool:
        """True when the index holds the word (as the default fields analyse it), or when
        the word analyses to nothing: no spelling fix to offer."""
        ...

    def spellings(self, word: str, maxdist: int) -> list[tuple[str, int]] | None:
        """Indexed spellings within `maxdist` edits of `word` (lower case), each with its
        document frequency; None when the index keeps no spelling list."""
        ...

    def highlight_terms(self, request: Request) -> set[str]:
        """The indexed terms of the `text` field that the request's query can match."""
        ...

    def highlight_phrases(self, request: Request) -> list[tuple[str, ...]]:
        """The phrases of the request's query, as indexed terms of the `text` field: their
        words are marked where they stand together (`highlight_terms` leaves them out)."""
        ...

    def word_to_term(self) -> Callable[[str], str | None]:
        """A word of text -> the term the `text` field indexes it as (for snippets)."""
        ...

    def term_frequency(self, fieldname: str, term: str, among: bytes | bytearray) -> int:
        """How often `term` occurs in `fieldname` of the documents `among` marks (a byte
        per document number, non-zero for the documents counted; live ones only)."""
        ...

    def field_length(self, fieldname: str, docnums: Iterable[int]) -> int:
        """The words `fieldname` holds in `docnums`, all told (as the index records each
        document's length: exact for short texts, within a few percent for long ones)."""
        ...

    # -- the index as a whole ----------------------------------------------------------
    def last_modified(self) -> float: ...

    def size_bytes(self) -> int: ...


# =======================================================================================
