"""The Whoosh backend as `search.backend.Backend`: what `search.backend.open_backend` gives."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from search.backend.whoosh import index_folder
from search.backend.whoosh.locking import IndexLock
from search.backend.whoosh.schema import SCHEMA_VERSION
from search.backend.whoosh.writing import WhooshWritableIndex

if TYPE_CHECKING:
    from search.models import IndexCheck


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

    def open_for_writing(self, index_dir: Path, *, rebuild: bool = False) -> WhooshWritableIndex:
        # The caller holds the lock: whatever a killed run left in the temp folder is garbage.
        shutil.rmtree(index_dir / index_folder.TEMP_DIR, ignore_errors=True)
        return WhooshWritableIndex(index_folder.open_for_writing(index_dir, rebuild=rebuild))

    def check(self, index_dir: Path, *, deep: bool = False) -> IndexCheck:
        from search.backend.whoosh.check import check_index
        from search.models import IndexCheck

        report = check_index(index_dir, deep=deep)
        return IndexCheck(ok=report.ok, **{k: v for k, v in vars(report).items()})
