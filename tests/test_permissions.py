"""What cannot be read or written is named, in one line, exit 2 (issue 19, item 5).

The tests run as whatever user CI has (often root, whom file modes do not stop), so the
refusal is made where the operating system would make it: the call that opens the file
raises the PermissionError the kernel gives."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from search.indexing.indexer import index_paths


def _denied(path: Path):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    return refuse


def test_an_index_folder_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from search.backend.whoosh import locking

    index_dir = tmp_path / "index"
    index_dir.mkdir()
    monkeypatch.setattr(locking.IndexLock, "__enter__", _denied(index_dir / "MAIN_WRITELOCK"))
    run = run_cli("index", str(SEEDS), "--index", str(index_dir))
    assert run.exit_code == 2
    assert run.stderr == f"error: cannot read or write {index_dir / 'MAIN_WRITELOCK'}: Permission denied\n"


def test_index_files_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from whoosh.filedb.filestore import FileStorage

    index_dir = tmp_path / "index"
    index_paths([SEEDS], index_dir)
    monkeypatch.setattr(FileStorage, "open_file", _denied(index_dir / "_MAIN_1.toc"))
    for command in (["query", "Ukraine"], ["stats"], ["speakers"]):
        run = run_cli(*command, "--index", str(index_dir))
        assert run.exit_code == 2, (command, run.stderr)
        assert "Permission denied" in run.stderr and "internal error" not in run.stderr


def test_a_corpus_file_that_cannot_be_read_is_named_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text('Title\n\n"We will build it," said Mayor Ada Brown.\n', encoding="utf-8")
    (corpus / "b.txt").write_text('Title\n\n"It is done," said Chief Omar Diaz.\n', encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "b.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    run = run_cli("index", str(corpus), "--index", str(tmp_path / "index"), "--jobs", "1")
    assert run.exit_code == 0, run.stderr
    assert "b.txt" in run.stderr + run.stdout
    assert "1 added" in run.stdout
