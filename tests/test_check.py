"""A damaged index is found, reported in one line and can be started over (issue 19, item 6).

Each test damages a real index of the seeds the way disks and people do (flipped bytes, a
truncated or emptied segment, a missing file, a truncated table of contents) and checks
what `search check`, a query and `search index --rebuild` then do."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import SEEDS, run_process

from search.indexing.indexer import index_paths


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    index_paths([SEEDS], index_dir)
    return index_dir


def _segment_files(index_dir: Path) -> list[Path]:
    return sorted(p for p in index_dir.iterdir() if p.name.startswith("MAIN_") and not p.name.endswith("WRITELOCK"))


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_whole_index_checks_ok(index_dir: Path) -> None:
    run = run_process("check", "--index", str(index_dir))
    assert run.exit_code == 0, run.stderr
    assert "ok" in run.stdout and "checksums match" in run.stdout


@pytest.mark.parametrize("seed", range(6))
def test_one_flipped_byte_anywhere_in_a_segment_is_found(index_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    for segment in _segment_files(index_dir):
        _flip(segment, rng.randrange(segment.stat().st_size))
    run = run_process("check", "--index", str(index_dir))
    assert run.exit_code == 2
    assert "checksum mismatch" in run.stderr and _segment_files(index_dir)[0].name in run.stderr


def test_a_damaged_segment_is_a_clear_error_not_a_bug(index_dir: Path) -> None:
    segment = _segment_files(index_dir)[0]
    data = bytearray(segment.read_bytes())
    rng = random.Random(3)
    for i in rng.sample(range(1000, len(data) - 1000), 200):
        data[i] ^= 0xFF
    segment.write_bytes(bytes(data))
    for command in (["query", "Ukraine"], ["query", "--speaker", "lukyanov"], ["speakers"], ["stats"]):
        run = run_process(*command, "--index", str(index_dir))
        assert run.exit_code in (0, 1, 2), (command, run.stderr)  # never 3: damage is not a bug
        assert "internal error" not in run.stderr and "Traceback" not in run.stderr
        if run.exit_code == 2:
            assert "damaged" in run.stderr or "cannot be read" in run.stderr


@pytest.mark.parametrize("damage", ["empty segment", "missing segment", "truncated table of contents"])
def test_rebuild_starts_a_damaged_index_over_and_keeps_other_files(index_dir: Path, damage: str) -> None:
    segment = _segment_files(index_dir)[0]
    if damage == "empty segment":
        segment.write_bytes(b"")
    elif damage == "missing segment":
        segment.unlink()
    else:
        toc = next(index_dir.glob("_MAIN_*.toc"))
        toc.write_bytes(toc.read_bytes()[:40])
    (index_dir / "notes.txt").write_text("mine", encoding="utf-8")

    query = run_process("query", "Ukraine", "--index", str(index_dir))
    assert query.exit_code == 2 and "Traceback" not in query.stderr
    assert "search check" in query.stderr or "damaged" in query.stderr
    check = run_process("check", "--index", str(index_dir))
    assert check.exit_code == 2 and "damaged" in check.stderr

    rebuilt = run_process("index", "--rebuild", str(SEEDS), "--index", str(index_dir))
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert "2 added" in rebuilt.stdout
    assert (index_dir / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert run_process("check", "--index", str(index_dir)).exit_code == 0
    assert run_process("query", "Ukraine", "--index", str(index_dir)).exit_code == 0


def test_an_index_without_checksums_is_read_through(index_dir: Path) -> None:
    for recorded in index_dir.glob("checksums.*.json"):
        recorded.unlink()
    run = run_process("check", "--index", str(index_dir), "--json")
    assert run.exit_code == 0, run.stderr
    report = run.json()
    assert report["ok"] and not report["checksums_recorded"] and report["documents_read"] == 45
    _segment_files(index_dir)[0].write_bytes(b"")
    run = run_process("check", "--index", str(index_dir))
    assert run.exit_code == 2 and "unreadable" in run.stderr


def test_an_incremental_commit_hashes_only_new_files(index_dir: Path, tmp_path: Path) -> None:
    import json

    first = json.loads(next(index_dir.glob("checksums.*.json")).read_text(encoding="utf-8"))["files"]
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "a.txt").write_text('Title\n\n"We will build it," said Mayor Ada Brown on Monday.\n', encoding="utf-8")
    index_paths([SEEDS, extra], index_dir)
    records = list(index_dir.glob("checksums.*.json"))
    assert len(records) == 1  # older records go with the commit that replaces them
    second = json.loads(records[0].read_text(encoding="utf-8"))["files"]
    kept = set(first) & set(second)
    assert any(name.endswith(".seg") for name in kept)
    assert all(first[name] == second[name] for name in kept if name.endswith(".seg"))
    assert run_process("check", "--index", str(index_dir)).exit_code == 0
