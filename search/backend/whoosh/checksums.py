"""Checksums of the files of each commit, and `search check`: is the index on disk intact?

Whoosh reads its files without verifying them: a truncated segment raises from deep inside
its codec, and flipped bytes inside a posting list may just give wrong answers. Like
Lucene's per-file checksums and its CheckIndex tool, every commit records the size and a
BLAKE2b digest of the files it consists of (its table of contents and its segments'
files) in `checksums.<generation>.json`, and `verify` compares the files on disk against
it, and `search.backend.whoosh.check` reads every segment through (stored fields, every term's
postings) where no checksums were recorded (an index written before they were kept).

Segment files never change once written, so a commit hashes only the files that are new
since the last record: an incremental run pays for what it wrote, not for the index.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_FILE = re.compile(r"^checksums\.(\d+)\.json$")
_CHUNK = 1 << 20


def path_for(index_dir: Path, generation: int) -> Path:
    return index_dir / f"checksums.{generation}.json"


def is_checksum_file(name: str) -> bool:
    return bool(_FILE.match(name)) or name.startswith(".checksums.")


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while block := fh.read(_CHUNK):
            h.update(block)
    return h.hexdigest()


def commit_files(index_dir: Path, index_name: str, toc: Any) -> list[str]:
    """The files one commit consists of: its table of contents and its segments' files."""
    names = [f"_{index_name}_{toc.generation}.toc"]
    prefixes = tuple(f"{seg.segment_id()}." for seg in toc.segments)
    if prefixes:
        names += sorted(n for n in os.listdir(index_dir) if n.startswith(prefixes) and not n.endswith(".tmp"))
    return names


def _load(path: Path) -> dict[str, list[Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else {}


def record(index_dir: Path, index_name: str, toc: Any) -> None:
    """Write the checksums of the commit `toc` describes (call it right after the commit)."""
    generation = toc.generation
    previous: dict[str, list[Any]] = {}
    for old in sorted(index_dir.glob("checksums.*.json")):
        previous.update(_load(old))
    files: dict[str, list[Any]] = {}
    for name in commit_files(index_dir, index_name, toc):
        size = (index_dir / name).stat().st_size
        known = previous.get(name)
        reuse = known is not None and known[0] == size and not name.endswith(".toc")
        files[name] = known if reuse and known is not None else [size, _digest(index_dir / name)]
    tmp = index_dir / f".checksums.{generation}.json.tmp"
    tmp.write_text(json.dumps({"generation": generation, "files": files}, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path_for(index_dir, generation))
    for old in index_dir.glob("checksums.*.json"):
        m = _FILE.match(old.name)
        if m and int(m.group(1)) < generation:
            old.unlink(missing_ok=True)


@dataclass
class CheckReport:
    """What `search check` found; `ok` when nothing is damaged."""

    index: str
    generation: int | None = None
    files_checked: int = 0
    segments_read: int = 0
    documents_read: int = 0
    checksums_recorded: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_files(index_dir: Path, index_name: str, toc: Any, report: CheckReport) -> None:
    """Compare the commit's files with the checksums recorded for it."""
    recorded = _load(path_for(index_dir, toc.generation))
    report.checksums_recorded = bool(recorded)
    names = commit_files(index_dir, index_name, toc)
    expected = set(recorded) | set(names)
    for name in sorted(expected):
        path = index_dir / name
        if not path.exists():
            report.problems.append(f"{name}: missing")
            continue
        report.files_checked += 1
        if name not in recorded:
            continue
        size, digest = recorded[name]
        actual = path.stat().st_size
        if actual != size:
            report.problems.append(f"{name}: {actual} bytes, {size} when it was written")
        elif _digest(path) != digest:
            report.problems.append(f"{name}: its bytes changed since it was written (checksum mismatch)")
