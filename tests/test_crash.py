"""Killing the indexer (SIGKILL, no chance to clean up) at several points of a real run
leaves the index exactly as the last completed run left it, searchable; the next run
finishes the work and leaves no debris."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT

from search import Index
from search.backend.whoosh.index_folder import open_index
from search.backend.whoosh.locking import IndexLock
from search.errors import IndexLockedError

WORDS = """budget council river bridge school tariff harbor clinic railway pension market senate
vaccine drought festival museum stadium airport library factory election treaty""".split()
NAMES = ["Maria Okafor", "James Lindqvist", "Aisha Haddad", "Daniel Moreau", "Sofia Tanaka", "Ivan Novak"]


def article(rng: random.Random, tag: str) -> str:
    """An article of a dozen paragraphs, half of them quoting someone; `tag` is searchable."""
    paras = [f"date 2025-03-{rng.randint(1, 28):02d}", f"The {rng.choice(WORDS)} question returns to {tag}", ""]
    for i in range(12):
        words = " ".join(rng.choice(WORDS) for _ in range(25))
        if i % 2:
            paras.append(f"“The {words} will not wait for {tag},” said {rng.choice(NAMES)}, who has followed it for years.\n")
        else:
            paras.append(f"Officials in {tag} said the {words} was discussed again on Monday.\n")
    return "\n".join(paras)


def write_corpus(corpus: Path, ids: range, version: str, seed: int) -> None:
    for i in ids:
        rng = random.Random(f"{seed}:{i}:{version}")
        p = corpus / f"{i // 50:02d}" / f"{i:04d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(article(rng, f"{version}tag{i}"), encoding="utf-8")


def snapshot(index: Path) -> tuple:
    """What a user can see of the index: every document and a search that must work."""
    ix = open_index(index)
    with ix.searcher() as s:
        docs = sorted((f["id"], f.get("content_hash") or f.get("speaker_name") or "") for f in s.all_stored_fields())
    with Index.open(index) as api:
        searchable = api.search("budget", limit=5).total
    return tuple(docs), searchable


def start(corpus: Path, index: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "search", "index", str(corpus), "--index", str(index)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_at_any_point_leaves_the_last_completed_index(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, range(120), "v1", seed=7)
    first = subprocess.run([sys.executable, "-m", "search", "index", str(corpus), "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = snapshot(index)

    # The next run has real work: 30 files changed, 20 deleted, 220 new.
    write_corpus(corpus, range(0, 30), "v2", seed=7)
    for i in range(100, 120):
        (corpus / f"{i // 50:02d}" / f"{i:04d}.txt").unlink()
    write_corpus(corpus, range(200, 420), "v2", seed=7)

    # How long that run takes, and what it gives, on a copy.
    reference = tmp_path / "reference"
    shutil.copytree(index, reference)
    done = subprocess.run([sys.executable, "-m", "search", "index", str(corpus), "--index", str(reference)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    after = snapshot(reference)
    assert after != before

    # Kill points: after the corpus walk (told by the first log line) plus a delay, and
    # the moment the run says it is committing (names, state file, table of contents).
    killed_mid_run = 0
    for delay in (0.0, 0.2, 0.5, 1.0, "committing", 2.0, 3.0):
        proc = start(corpus, index)
        line = proc.stderr.readline()
        assert line.startswith("indexing "), line
        if delay == "committing":
            while line and not line.startswith("committing"):
                line = proc.stderr.readline()
        else:
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        _lock_is_free_soon(index)  # workers die with their parent and never hold the lock
        state = snapshot(index)  # opens and searches: the index is readable
        if state == after:  # the commit was in before the kill landed: the work is done
            break
        assert state == before, f"killed at {delay}: the index is neither the old one nor the new one"
        killed_mid_run += 1
        assert open_index(index).latest_generation() == open_index(reference).latest_generation() - 1
    assert killed_mid_run >= 3, "the kills landed after the commit: the test did not test anything"

    final = subprocess.run([sys.executable, "-m", "search", "index", str(corpus), "--index", str(index)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    assert snapshot(index) == after
    # A further run finds nothing to do: the bookkeeping survived the kills too.
    again = subprocess.run([sys.executable, "-m", "search", "index", str(corpus), "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
    assert "0 added, 0 updated, 0 removed, 320 unchanged" in again.stdout
    # No debris: temp runs, older state files, the owner file and unused segments are gone.
    names = sorted(p.name for p in index.iterdir())
    assert "MAIN.tmp" not in names and "indexer.json" not in names
    assert [n for n in names if n.startswith("state.")] == [f"state.{open_index(index).latest_generation()}.json"]
    assert not [n for n in names if n.startswith(".")]
    assert sum(1 for n in names if n.endswith(".toc")) == 1


def _lock_is_free_soon(index: Path) -> None:
    deadline = time.monotonic() + 5
    while True:
        try:
            with IndexLock(index):
                return
        except IndexLockedError:
            assert time.monotonic() < deadline, "a killed indexer left the index locked"
            time.sleep(0.1)
