"""A corpus holding every kind of bad input the reliability audit found (issue 19): each is
named and skipped, and every good article is indexed in the same run; a broken manifest
removes nothing from an existing index."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from search.api import Index
from search.indexing.indexer import index_paths
from search.readers import walk as walk_module

BODY = "WASHINGTON — The council met on Monday.\n\n“We will not accept the {w} plan,” said Maria Okafor, a council member.\n"


def text(word: str) -> str:
    return f"date 2025-02-03\nOn {word}\n\n" + BODY.format(w=word)


def record(rid, word: str) -> str:
    return json.dumps({"id": rid, "title": f"On {word}", "date": "2025-02-03", "text": BODY.format(w=word)})


def ids(index: Path) -> set[str]:
    with Index.open(index) as ix:
        return {f["article_id"] for f in ix.backend.documents(kind="article")}


def build(corpus: Path) -> dict[str, str]:
    """The bad corpus; returns what each bad input must be named with (path -> words of the reason)."""
    corpus.mkdir()
    (corpus / "good.txt").write_text(text("zebra"), encoding="utf-8")
    deep = '{"id": "deep", "text": "x", "n": ' + "[" * 5000 + "]" * 5000 + "}"
    lines = [record("j1", "giraffe"), deep, record({"nested": 1}, "okapi"), record("j2", "lemur")]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "empty.jsonl").write_text("")
    os.symlink(".", corpus / "self")  # a symlink loop
    os.symlink("nowhere.txt", corpus / "gone.txt")  # a dangling symlink
    latin1 = Path(os.fsdecode(bytes(corpus) + b"/caf\xe9.txt"))  # a file name that is not UTF-8
    latin1.write_text(text("ibis"), encoding="utf-8")
    typo = corpus / "typo"
    typo.mkdir()
    (typo / "a.txt").write_text(text("heron"), encoding="utf-8")
    (typo / "manifest.toml").write_text('["a.txt"]\nsourse = "Reuters"\n', encoding="utf-8")
    broken = corpus / "broken"
    broken.mkdir()
    (broken / "b.txt").write_text(text("stork"), encoding="utf-8")
    (broken / "manifest.toml").write_text('["b.txt"\nsource = "Reuters"\n', encoding="utf-8")
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text(text("crane"), encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "d.txt").write_text(text("puffin"), encoding="utf-8")
    return {
        f"{corpus / 'feed.jsonl'}:2": "JSON nested too deep to read",
        f"{corpus / 'feed.jsonl'}:3": "'id' must be a string or a number, not a JSON object",
        f"{corpus / 'empty.jsonl'}": "empty file",
        f"{corpus / 'self'}": "symbolic link loop (it leads back to",
        f"{corpus / 'gone.txt'}": "broken symbolic link",
        f"{corpus}/caf\\xe9.txt": "its name is not UTF-8",
        f"{typo / 'manifest.toml'}": "unknown field(s) ['sourse']",
        f"{broken / 'manifest.toml'}": "not valid TOML",
    }


def deny(monkeypatch, folder: Path) -> None:
    """`folder` cannot be entered (as root, chmod cannot make one: the walk's scandir refuses it)."""
    real = os.scandir

    def scandir(path):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(walk_module.os, "scandir", scandir)


def test_every_bad_input_is_named_and_every_good_article_indexed_in_one_run(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    expected = build(corpus)
    deny(monkeypatch, corpus / "locked")
    index = tmp_path / "index"
    r = index_paths([corpus], index)
    assert ids(index) == {"good.txt", "j1", "j2", "sub/d.txt"}
    for where, words in expected.items():
        assert any(s.startswith(f"{where}: ") and words in s for s in r.skipped_reasons), (where, r.skipped_reasons)
    assert f"{corpus / 'locked'}: cannot be read (Permission denied); what was indexed from it is kept" in r.skipped_reasons
    # the CLI prints every one of them (a name that is not UTF-8 too) and exits 0
    monkeypatch.undo()
    cli = run_cli("index", str(corpus), "--index", str(tmp_path / "cli-index"))
    assert cli.exit_code == 0 and "caf\\xe9.txt: its name is not UTF-8" in cli.stderr


def test_a_broken_manifest_or_a_folder_that_cannot_be_entered_removes_nothing(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "typo").mkdir(parents=True)
    (corpus / "locked").mkdir()
    (corpus / "typo" / "a.txt").write_text(text("heron"), encoding="utf-8")
    (corpus / "typo" / "manifest.toml").write_text('["a.txt"]\nsource = "Reuters"\n', encoding="utf-8")
    (corpus / "locked" / "c.txt").write_text(text("crane"), encoding="utf-8")
    index = tmp_path / "index"
    assert index_paths([corpus], index).added == 2
    (corpus / "typo" / "manifest.toml").write_text('["a.txt"]\nsourse = "Reuters"\n', encoding="utf-8")
    deny(monkeypatch, corpus / "locked")
    r = index_paths([corpus], index)
    assert (r.removed, r.unchanged) == (0, 2)
    assert ids(index) == {"typo/a.txt", "locked/c.txt"}
    # once mended, the files are read again with the manifest
    monkeypatch.undo()
    (corpus / "typo" / "manifest.toml").write_text('["a.txt"]\nsource = "AP"\n', encoding="utf-8")
    r = index_paths([corpus], index)
    assert r.updated == 1 and r.removed == 0


def test_the_seeds_manifest_typo_removes_nothing(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    index = tmp_path / "index"
    run_cli("index", str(seeds), "--index", str(index))
    manifest = seeds / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("\nsource", "\nsourse"), encoding="utf-8")
    r = run_cli("index", str(seeds), "--index", str(index))
    assert r.exit_code == 0
    assert "0 removed, 2 unchanged" in r.stdout
    assert f"warning: skipped {manifest}: entry '000_754b0dd6de0764fd.txt' has unknown field(s) ['sourse']" in r.stderr


def test_a_path_whose_parent_cannot_be_entered_is_one_line(tmp_path, monkeypatch):
    from search.errors import SearchError
    from search.readers.walk import check_paths

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", refuse)
    with pytest.raises(SearchError, match=r"^cannot read .*/x: Permission denied$"):  # exit 2 with this line
        check_paths([tmp_path / "x"])


def test_a_run_that_could_read_nothing_exits_2_and_one_that_read_anything_0(tmp_path):
    # the README's exit statuses: 2 for an input error; a run whose every input was skipped
    # printed its warnings and exited 0, as if it had done its work
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "unterminated\n', encoding="utf-8")
    r = run_cli("index", str(tmp_path / "bad.jsonl"), "--index", str(tmp_path / "index"))
    assert r.exit_code == 2 and "malformed JSON" in r.stderr and "1 skipped" in r.stdout
    (tmp_path / "good.txt").write_text('"We will win," said Jane Smith, a senator.\n', encoding="utf-8")
    r = run_cli("index", str(tmp_path / "bad.jsonl"), str(tmp_path / "good.txt"), "--index", str(tmp_path / "index2"))
    assert r.exit_code == 0 and "1 added" in r.stdout and "malformed JSON" in r.stderr
