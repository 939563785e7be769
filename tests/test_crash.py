"""Killing the indexer (SIGKILL, no chance to clean up) at every named point of a real run
(`search.indexing.crash_points`) leaves the index exactly as the last completed run left
it, searchable; the next run finishes the work and leaves no debris. An error at any of
those points does the same, in-process."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from search import Index
from search.backend.whoosh.index_folder import open_index
from search.backend.whoosh.locking import IndexLock
from search.errors import IndexLockedError
from search.indexing import crash_points
from search.indexing.indexer import index_paths

WORDS = """budget council river bridge school tariff harbor clinic railway pension market senate
vaccine drought festival museum stadium airport library factory election treaty""".split()
NAMES = ["Maria Okafor", "James Lindqvist", "Aisha Haddad", "Daniel Moreau", "Sofia Tanaka", "Ivan Novak"]
# The second version's articles name the same people in full, more often than the first did:
# every speaker's display name changes, so the run renames the quotes written before it.
NAMES_V2 = ["Maria T. Okafor", "James R. Lindqvist", "Aisha B. Haddad", "Daniel J. Moreau", "Sofia K. Tanaka", "Ivan P. Novak"]


def article(rng: random.Random, tag: str, names: list[str]) -> str:
    """An article of a dozen paragraphs, half of them quoting someone; `tag` is searchable."""
    paras = [f"date 2025-03-{rng.randint(1, 28):02d}", f"The {rng.choice(WORDS)} question returns to {tag}", ""]
    for i in range(12):
        words = " ".join(rng.choice(WORDS) for _ in range(25))
        if i % 2:
            paras.append(f"“The {words} will not wait for {tag},” said {rng.choice(names)}, who has followed it for years.\n")
        else:
            paras.append(f"Officials in {tag} said the {words} was discussed again on Monday.\n")
    return "\n".join(paras)


def write_corpus(corpus: Path, ids: range, version: str, seed: int) -> None:
    names = NAMES if version == "v1" else NAMES_V2
    for i in ids:
        rng = random.Random(f"{seed}:{i}:{version}")
        p = corpus / f"{i // 50:02d}" / f"{i:04d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(article(rng, f"{version}tag{i}", names), encoding="utf-8")


def snapshot(index: Path) -> tuple:
    """What a user can see of the index: every document and a search that must work."""
    ix = open_index(index)
    with ix.searcher() as s:
        docs = sorted((f["id"], f.get("content_hash") or f.get("speaker_name") or "") for f in s.all_stored_fields())
    with Index.open(index) as api:
        searchable = api.search("budget", limit=5).total
    return tuple(docs), searchable


def index_run(corpus: Path, index: Path, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != crash_points.ENV_VAR}
    if kill_at:
        env[crash_points.ENV_VAR] = kill_at
    cmd = [sys.executable, "-m", "search", "index", str(corpus), "--index", str(index)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)


def _two_versions(tmp_path: Path) -> tuple[Path, Path, tuple, Path]:
    """A corpus indexed once, then changed (30 files changed, 20 deleted, 220 new): the
    corpus, its index, what that index shows, and a copy of it brought up to date."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, range(120), "v1", seed=7)
    first = index_run(corpus, index)
    assert first.returncode == 0, first.stderr
    before = snapshot(index)
    write_corpus(corpus, range(0, 30), "v2", seed=7)
    for i in range(100, 120):
        (corpus / f"{i // 50:02d}" / f"{i:04d}.txt").unlink()
    write_corpus(corpus, range(200, 420), "v2", seed=7)
    reference = tmp_path / "reference"
    shutil.copytree(index, reference)
    done = index_run(corpus, reference)
    assert done.returncode == 0, done.stderr
    return corpus, index, before, reference


def test_sigkill_at_every_point_of_a_run_leaves_the_last_completed_index(tmp_path):
    corpus, index, before, reference = _two_versions(tmp_path)
    after = snapshot(reference)
    assert after != before
    with Index.open(reference) as ix:  # the run renames the quotes written before it ('mid-rename')
        # (the tag also finds the unnamed "Officials in v1tag50" by their description: no name)
        speakers = {h.speaker for h in ix.search("v1tag50", kind="quote", limit=20).hits if h.speaker_type != "unnamed"}
    assert speakers and speakers <= set(NAMES_V2)

    for point in crash_points.POINTS:
        killed = index_run(corpus, index, kill_at=point)
        assert killed.returncode == -signal.SIGKILL, f"the run never reached {point!r}: {killed.stderr}"
        _lock_is_free_soon(index)  # workers die with their parent and never hold the lock
        state = snapshot(index)  # opens and searches: the index is readable
        if point == "after-commit":
            assert state == after, "killed after its commit: the run's work must be in"
        else:
            assert state == before, f"killed at {point}: the index is not the last completed one"
            assert open_index(index).latest_generation() == open_index(reference).latest_generation() - 1

    # The next run finishes the work (here: nothing left but clearing what the kills left)
    # and a further run finds nothing to do: the bookkeeping survived the kills too.
    final = index_run(corpus, index)
    assert final.returncode == 0, final.stderr
    assert snapshot(index) == after
    again = index_run(corpus, index)
    assert "0 added, 0 updated, 0 removed, 320 unchanged" in again.stdout
    # No debris: temp runs, older state files, the owner file and unused segments are gone.
    names = sorted(p.name for p in index.iterdir())
    assert "MAIN.tmp" not in names and "indexer.json" not in names
    assert [n for n in names if n.startswith("state.")] == [f"state.{open_index(index).latest_generation()}.json"]
    assert not [n for n in names if n.startswith(".")]
    assert sum(1 for n in names if n.endswith(".toc")) == 1


@pytest.mark.parametrize("point", [p for p in crash_points.POINTS if p != "after-commit"])
def test_an_error_at_any_point_leaves_the_index_and_its_lock_as_they_were(tmp_path, monkeypatch, point):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, range(6), "v1", seed=3)
    index_paths([corpus], index, workers=1)
    before = snapshot(index)
    write_corpus(corpus, range(3, 9), "v2", seed=3)  # 3 changed, 3 new: the unchanged ones' speakers renamed
    reached: list[str] = []

    def stop(name: str) -> None:
        reached.append(name)
        if name == point:
            raise RuntimeError(f"stopped at {name}")

    monkeypatch.setattr(crash_points, "hook", stop)
    with pytest.raises(RuntimeError, match=f"stopped at {point}"):
        index_paths([corpus], index, workers=1)
    assert reached[-1] == point
    assert snapshot(index) == before
    with IndexLock(index):  # released at once
        pass
    monkeypatch.setattr(crash_points, "hook", None)
    r = index_paths([corpus], index, workers=1)
    assert (r.added, r.updated, r.unchanged) == (3, 3, 3) and snapshot(index) != before


def _lock_is_free_soon(index: Path) -> None:
    deadline = time.monotonic() + 5
    while True:
        try:
            with IndexLock(index):
                return
        except IndexLockedError:
            assert time.monotonic() < deadline, "a killed indexer left the index locked"
            time.sleep(0.1)
