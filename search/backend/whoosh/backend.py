"""The Whoosh backend as `search.backend.Backend`: what `search.backend.open_backend` gives."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from search.backend.whoosh import index_folder
from search.backend.whoosh.locking import IndexLock
from search.backend.whoosh.schema import SCHEMA_VERSION
from search.backend.whoosh.writing import WhooshWritableIndex


class WhooshBackend:
    name = "whoosh"

    @property
    def schema_version(self) -> int:
        return SCHEMA_VERSION

    def prepare_dir(self, index_dir: Path) -> None:
        index_folder.prepare_dir(index_dir)

    def lock(
        self,
        index_dir: Path,
        *,
        wait: bool = False,
        on_wait: Callable[[str], None] | None = None,
        on_stale: Callable[[str], None] | None = None,
    ) -> IndexLock:
        return IndexLock(index_dir, wait=wait, on_wait=on_wait, on_stale=on_stale)

    def open_for_writing(self, index_dir: Path) -> WhooshWritableIndex:
        # The caller holds the lock: whatever a killed run left in the temp folder is garbage.
        shutil.rmtree(index_dir / index_folder.TEMP_DIR, ignore_errors=True)
        return WhooshWritableIndex(index_folder.open_for_writing(index_dir))
