"""The tantivy backend as `search.backend.Backend`: what `search.backend.open_backend("tantivy")` gives.

The write lock is the Whoosh backend's `IndexLock` (an `flock` on a file in the index folder,
with the owner file naming the running indexer): nothing in it is Whoosh's but the file
locking helper. tantivy's own writer lock is taken only for the length of a commit, by the
holder of ours.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from search.backend.tantivy import index_folder
from search.backend.tantivy.schema import SCHEMA_VERSION
from search.backend.tantivy.writing import TantivyWritableIndex, clear_temp
from search.backend.whoosh.locking import IndexLock

if TYPE_CHECKING:
    from search.models import IndexCheck


class TantivyBackend:
    name = "tantivy"

    @property
    def schema_version(self) -> int:
        return SCHEMA_VERSION

    def prepare_dir(self, index_dir: Path) -> None:
        from search.backend.whoosh.index_folder import prepare_dir

        prepare_dir(index_dir)  # the same rules: make it, refuse a folder holding other things

    def lock(
        self,
        index_dir: Path,
        *,
        wait: bool = False,
        on_wait: Callable[[str], None] | None = None,
        on_stale: Callable[[str], None] | None = None,
    ) -> IndexLock:
        return IndexLock(index_dir, wait=wait, on_wait=on_wait, on_stale=on_stale)

    def open_for_writing(self, index_dir: Path, *, rebuild: bool = False) -> TantivyWritableIndex:
        clear_temp(index_dir)
        return TantivyWritableIndex(index_dir, index_folder.create_or_open(index_dir, rebuild=rebuild))

    def check(self, index_dir: Path, *, deep: bool = False) -> IndexCheck:
        """The index opens and every live document's stored fields read (tantivy checks its
        own files' footers as it opens them)."""
        from search.backend.tantivy.view import View
        from search.models import IndexCheck

        problems: list[str] = []
        documents = segments = 0
        try:
            index = index_folder.open_index(index_dir)
            view = View(index.searcher())
            segments = int(view.searcher.num_segments)
            for n in view.live if deep else view.live[:1000]:
                view.stored(n)
                documents += 1
        except Exception as exc:  # damage surfaces as anything from inside tantivy
            problems.append(f"the index cannot be read ({type(exc).__name__}: {exc})")
        return IndexCheck(
            index=str(index_dir),
            ok=not problems,
            generation=index_folder.generation(index_dir) if not problems else None,
            segments_read=segments,
            documents_read=documents,
            problems=problems,
        )
