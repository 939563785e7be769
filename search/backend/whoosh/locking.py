"""One indexer per index, and a message naming it when a second one is started.

The lock itself is Whoosh's write lock (an `flock` on `MAIN_WRITELOCK`): the kernel drops it
when its process dies, however it dies, so it can never be left stale. What can be left
behind is our owner file, `indexer.json`, which names the running indexer (pid, host, start
time, command) so that a second indexer can say who holds the index. It is only ever
trusted while the lock is held: once we hold the lock, an owner file left there belongs to
a dead process (killed, or on a crashed machine) and is cleared.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from search.backend import OWNER_FILE
from search.errors import IndexLockedError

LOCK_NAME = "MAIN_WRITELOCK"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def read_owner(index_dir: Path) -> dict[str, Any] | None:
    try:
        owner: dict[str, Any] = json.loads((index_dir / OWNER_FILE).read_text(encoding="utf-8"))
        return owner
    except (OSError, ValueError):
        return None


def describe_owner(owner: dict[str, Any] | None) -> str:
    if not owner:
        return "another process (it did not say which)"
    started = owner.get("started", "?")
    return f"pid {owner.get('pid', '?')} on {owner.get('host', '?')} since {started} ({owner.get('command', '?')})"


class IndexLock:
    """Hold the write lock of `index_dir` for the length of a run (a context manager).

    `wait=False` fails at once with a message naming the running indexer; `wait=True`
    polls until it has finished. `on_stale` is told about an owner file left by a dead run.
    """

    def __init__(self, index_dir: Path, wait: bool = False, on_wait: Callable[[str], None] | None = None, on_stale: Callable[[str], None] | None = None):
        self.index_dir = index_dir
        self.wait = wait
        self.on_wait = on_wait
        self.on_stale = on_stale
        self._lock: Any = None  # Whoosh's lock object
        self.cleared_stale: str | None = None

    def __enter__(self) -> IndexLock:
        self._lock = FileStorage(str(self.index_dir)).lock(LOCK_NAME)
        told = False
        while not self._lock.acquire(blocking=False):
            owner = read_owner(self.index_dir)
            if owner and owner.get("host") == socket.gethostname() and not _pid_alive(int(owner.get("pid", 0))):
                # The holder is alive (the kernel says so) but the file names a dead one:
                # the file is from an older killed run and the holder has not written its own yet.
                owner = None
            who = describe_owner(owner)
            if not self.wait:
                raise IndexLockedError(f"{self.index_dir} is being updated by {who}; wait for it to finish, or pass --wait")
            if not told and self.on_wait:
                self.on_wait(f"waiting for {who} to finish updating {self.index_dir}")
                told = True
            time.sleep(0.2)
        try:
            self._clear_stale()
            self._write_owner()
        except BaseException:
            self._lock.release()
            raise
        return self

    @property
    def fd(self) -> int | None:
        """The descriptor that holds the lock (worker processes close their copy)."""
        return getattr(self._lock, "fd", None)

    def _clear_stale(self) -> None:
        owner = read_owner(self.index_dir)
        if owner is None and not (self.index_dir / OWNER_FILE).exists():
            return
        # We hold the lock, so whoever wrote this file is gone.
        self.cleared_stale = describe_owner(owner)
        if self.on_stale:
            self.on_stale(f"cleared a stale lock left by {self.cleared_stale}")
        (self.index_dir / OWNER_FILE).unlink(missing_ok=True)

    def _write_owner(self) -> None:
        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": " ".join(["search", *sys.argv[1:]]) if sys.argv else "search index",
        }
        tmp = self.index_dir / f".{OWNER_FILE}.{os.getpid()}"
        tmp.write_text(json.dumps(owner), encoding="utf-8")
        os.replace(tmp, self.index_dir / OWNER_FILE)

    def __exit__(self, *exc: object) -> None:
        (self.index_dir / OWNER_FILE).unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.release()
