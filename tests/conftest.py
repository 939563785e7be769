"""Shared fixtures: real indexes built once per test session from the seeds and a slice of
PolNeAR, and a way to run the CLI as a user does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"
POLNEAR = SHARED / "corpora" / "polnear"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present (the shared data sits beside the repo)")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def index_records(records: list[dict], folder: Path) -> Path:
    """Index `records` written as one JSON Lines file in `folder`; returns the index folder."""
    from search.indexing.indexer import index_paths

    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    index_paths([folder / "a.jsonl"], folder / "index")
    return folder / "index"


def run_cli(*args: str, env: dict | None = None) -> Run:
    """Run `search ARGS...` in-process (fast); stdout and stderr kept apart."""
    runner = CliRunner()
    from search.cli import main

    result = runner.invoke(main, list(args), env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120) -> Run:
    """Run `python -m search ARGS...` as a real process: exit codes and tracebacks as a user sees them."""
    full_env = {**os.environ, **(env or {})}
    p = subprocess.run([sys.executable, "-m", "search", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=full_env, timeout=timeout)
    return Run(p.returncode, p.stdout, p.stderr)


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory) -> Path:
    """An index of the two seed articles."""
    from search.indexing.indexer import index_paths

    path = tmp_path_factory.mktemp("seeds-index")
    index_paths([SEEDS], path)
    return path


@pytest.fixture(scope="session")
def polnear_slice(tmp_path_factory) -> Path:
    """A JSON Lines file with 60 PolNeAR articles from every outlet (skips without ../shared)."""
    if not (POLNEAR / "train.jsonl").exists():
        pytest.skip("PolNeAR is not present beside the repo (../shared/corpora/polnear)")
    per_source: dict[str, int] = {}
    lines = []
    with open(POLNEAR / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            source = json.loads(line)["source"]
            if per_source.get(source, 0) < 8:
                per_source[source] = per_source.get(source, 0) + 1
                lines.append(line)
    path = tmp_path_factory.mktemp("polnear") / "slice.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def mixed_index(tmp_path_factory, polnear_slice) -> Path:
    """An index of the seeds plus a slice of PolNeAR: many outlets, speakers and dates."""
    from search.indexing.indexer import index_paths

    path = tmp_path_factory.mktemp("mixed-index")
    index_paths([SEEDS, polnear_slice], path)
    return path


@pytest.fixture(scope="session")
def mixed(mixed_index):
    """The mixed index opened once through the Python API (a read-only snapshot)."""
    from search import Index

    with Index.open(mixed_index) as ix:
        yield ix


@pytest.fixture(scope="session")
def polnear_index(tmp_path_factory) -> Path:
    """An index of all of PolNeAR train + dev, 924 articles (skips without ../shared)."""
    if not (POLNEAR / "train.jsonl").exists():
        pytest.skip("PolNeAR is not present beside the repo (../shared/corpora/polnear)")
    from search.indexing.indexer import index_paths

    path = tmp_path_factory.mktemp("polnear-index")
    index_paths([POLNEAR / "train.jsonl", POLNEAR / "dev.jsonl"], path)
    return path
