"""`manifest.toml`: a sidecar that states what article texts do not (source, date, title,
author, url), keyed by file path relative to the manifest's folder.

    ["000_754b0dd6de0764fd.txt"]
    source = "The Christian Science Monitor"
    date = 2025-02-18

A manifest entry wins over anything the reader inferred from the text.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from search.errors import SearchError
from search.models import Article

MANIFEST_NAME = "manifest.toml"
_FIELDS = {"source", "date", "title", "author", "url", "dateline"}


def load_manifest(folder: Path) -> dict[str, dict]:
    """Entries of `folder/manifest.toml`, or {} when there is none."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SearchError(f"{path}: not valid TOML ({exc})") from None
    entries: dict[str, dict] = {}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise SearchError(f'{path}: entry {key!r} must be a table, e.g. ["{key}"] then source = "..."')
        unknown = set(entry) - _FIELDS
        if unknown:
            raise SearchError(f"{path}: entry {key!r} has unknown field(s) {sorted(unknown)}; allowed: {sorted(_FIELDS)}")
        date = entry.get("date")
        if date is not None and not isinstance(date, dt.date):
            try:
                entry["date"] = dt.date.fromisoformat(str(date))
            except ValueError:
                raise SearchError(f"{path}: entry {key!r} has date {date!r}; write it as 2025-02-18") from None
        if isinstance(entry.get("date"), dt.datetime):
            entry["date"] = entry["date"].date()
        entries[key] = entry
    return entries


def apply_manifest(article: Article, entry: dict | None) -> Article:
    if not entry:
        return article
    update = dict(entry)
    if "title" in update:
        update["title_derived"] = False
    update["provenance"] = article.provenance | {field: f"{MANIFEST_NAME} (overrides the file)" for field in entry}
    return article.model_copy(update=update)
