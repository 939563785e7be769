"""What the last completed run indexed: per source file its size, modification time and
content hash, and the hash of every article it gave; plus the speaker names settled then.

It lets a run skip unchanged files after a `stat`, without reading them (what keeps an
incremental run over 100,000 files within seconds), and find the articles of files that are
gone. It is saved as `state.<generation>.json`, numbered by the Whoosh generation it
describes, *before* that generation's commit: a run killed before its commit leaves an
unused newer file and the older one still matches the index; once the commit is in, the
older file is deleted. A state file is only ever read for the generation on disk, so the
bookkeeping can never disagree with the index. Without one (an index from an older
version), it is rebuilt from the article documents, at the price of reading every file once.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

STATE_VERSION = 1
_STATE_FILE = re.compile(r"^state\.(\d+)\.json$")


@dataclass
class FileEntry:
    root: str
    size: int = -1
    mtime: int = -1
    sig: str = ""  # the manifests that give this file metadata, see pipeline.manifest_signature
    digest: str | None = None
    articles: dict[str, str] = field(default_factory=dict)  # article id -> content hash

    def to_json(self) -> list:
        return [self.root, self.size, self.mtime, self.sig, self.digest, self.articles]

    @classmethod
    def from_json(cls, row: list) -> FileEntry:
        return cls(*row)


@dataclass
class IndexState:
    files: dict[str, FileEntry] = field(default_factory=dict)  # resolved path -> entry
    names: dict[str, str] = field(default_factory=dict)  # speaker_local -> speaker_name, where they differ
    ids: dict[str, str] = field(default_factory=dict)  # speaker_local -> speaker_id, where not the name's slug
    aliases: str | None = None  # hash of the aliases file the names were settled with
    # speaker_local -> number of live quote documents: the names the registry is built from,
    # kept up to date by each run so that no run has to walk the lexicon of a large index
    speakers: dict[str, int] | None = None
    extractor: str | None = None  # which quote extractor found the quotes ('rules', 'rules+learned')

    def article_ids(self) -> set[str]:
        return {aid for entry in self.files.values() for aid in entry.articles}


def state_path(index_dir: Path, generation: int) -> Path:
    return index_dir / f"state.{generation}.json"


def is_state_file(name: str) -> bool:
    return bool(_STATE_FILE.match(name)) or name.startswith(".state.")


def load(index_dir: Path, generation: int) -> IndexState | None:
    """The state saved with `generation`, or None when there is none (or it is unreadable)."""
    try:
        data = json.loads(state_path(index_dir, generation).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return None
    return IndexState(
        files={k: FileEntry.from_json(v) for k, v in data["files"].items()},
        names=data.get("names", {}),
        ids=data.get("ids", {}),
        aliases=data.get("aliases"),
        speakers=data.get("speakers"),
        extractor=data.get("extractor"),
    )


def save(index_dir: Path, generation: int, st: IndexState) -> None:
    """Write the state for `generation` durably (fsync, then rename into place)."""
    files = {k: v.to_json() for k, v in st.files.items()}
    data = {
        "version": STATE_VERSION,
        "generation": generation,
        "files": files,
        "names": st.names,
        "ids": st.ids,
        "aliases": st.aliases,
        "speakers": st.speakers,
        "extractor": st.extractor,
    }
    final = state_path(index_dir, generation)
    tmp = index_dir / f".state.{generation}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        # json.dumps, not json.dump: only the one-shot encoder runs in C (json.dump streams
        # through the pure-Python one, ten times slower: 3 s of an incremental run at 100k files)
        fh.write(json.dumps(data, separators=(",", ":")))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)


def clean(index_dir: Path, keep: int) -> None:
    """Delete the state files of every generation but `keep` (and temp files of killed runs)."""
    for p in index_dir.iterdir():
        m = _STATE_FILE.match(p.name)
        if (m and int(m.group(1)) != keep) or p.name.startswith(".state."):
            p.unlink(missing_ok=True)
