"""One indexer per index (search.backend.whoosh.locking): a second one is told who holds
the index, or waits with --wait; an owner file left by a dead indexer is cleared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest
from conftest import ROOT, run_cli
from test_indexing import article_text, found, write

from search.backend import OWNER_FILE
from search.backend.whoosh.locking import IndexLock
from search.errors import IndexLockedError
from search.indexing.indexer import index_paths


def test_second_indexer_fails_at_once_naming_the_first(tmp_path):
    index = tmp_path / "index"
    write(tmp_path / "c" / "a.txt", article_text("zebra"))
    index_paths([tmp_path / "c"], index)
    with IndexLock(index):
        owner = json.loads((index / OWNER_FILE).read_text())
        assert owner["pid"] == os.getpid()
        with pytest.raises(IndexLockedError, match=rf"is being updated by pid {os.getpid()} on .*; wait for it to finish, or pass --wait"):
            index_paths([tmp_path / "c"], index)
        r = run_cli("index", str(tmp_path / "c"), "--index", str(index))
        assert r.exit_code == 2
        assert r.stderr.startswith("error: ") and f"pid {os.getpid()}" in r.stderr and "--wait" in r.stderr
        assert r.stderr.count("\n") == 1
    assert not (index / OWNER_FILE).exists()


def test_wait_waits_for_the_running_indexer(tmp_path):
    index = tmp_path / "index"
    write(tmp_path / "c" / "a.txt", article_text("zebra"))
    index_paths([tmp_path / "c"], index)
    write(tmp_path / "c" / "b.txt", article_text("giraffe"))
    lock = IndexLock(index).__enter__()
    releaser = threading.Timer(1.5, lock.__exit__, args=(None, None, None))
    releaser.start()
    started = time.monotonic()
    p = subprocess.run(
        [sys.executable, "-m", "search", "index", str(tmp_path / "c"), "--index", str(index), "--wait"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    releaser.join()
    assert p.returncode == 0, p.stderr
    assert time.monotonic() - started >= 1.4
    assert "waiting for pid" in p.stderr
    assert "1 added" in p.stdout and found(index, "giraffe") == {"b.txt"}


def test_stale_owner_file_of_a_dead_indexer_is_cleared(tmp_path):
    index = tmp_path / "index"
    write(tmp_path / "c" / "a.txt", article_text("zebra"))
    index_paths([tmp_path / "c"], index)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    (index / OWNER_FILE).write_text(json.dumps({"pid": int(dead), "host": os.uname().nodename, "started": "2025-01-01T00:00:00", "command": "search index c"}))
    r = run_cli("index", str(tmp_path / "c"), "--index", str(index))
    assert r.exit_code == 0
    assert f"cleared a stale lock left by pid {dead}" in r.stderr
    assert not (index / OWNER_FILE).exists()


def _hold_then_wait(ready, done, close_locks: bool) -> None:
    from search.indexing.pipeline import close_inherited_locks

    if close_locks:
        close_inherited_locks()
    ready.set()
    done.wait(30)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="descriptors are listed in /proc on Linux only")
@pytest.mark.parametrize("close_locks", [True, False])
def test_a_forked_worker_does_not_keep_a_lock_its_parent_let_go(tmp_path, close_locks):
    # tantivy's reader held '.tantivy-meta.lock' when the indexer forked its workers; the
    # parent then closed its descriptor, the workers' copies kept the flock, and the parent's
    # next reload waited on them forever (a CI run hung in test_blocks)
    import fcntl
    import multiprocessing as mp

    fork = mp.get_context("fork")
    lock = tmp_path / ".tantivy-meta.lock"
    fd = os.open(lock, os.O_CREAT | os.O_WRONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    ready, done = fork.Event(), fork.Event()
    child = fork.Process(target=_hold_then_wait, args=(ready, done, close_locks))
    child.start()
    try:
        assert ready.wait(30)
        os.close(fd)  # the parent lets go, as tantivy does, by closing
        again = os.open(lock, os.O_WRONLY)
        try:
            if close_locks:
                fcntl.flock(again, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free: the worker closed its copy
            else:
                with pytest.raises(BlockingIOError):  # the hang, had it blocked
                    fcntl.flock(again, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(again)
    finally:
        done.set()
        child.join(30)
