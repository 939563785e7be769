"""Bad input while indexing: each bad file or line is named in a warning and skipped, and
everything else is indexed. Plus the big file that must stream through in bounded memory."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_cli, run_process

from search import Index
from search.indexing.indexer import index_paths

BODY = "WASHINGTON — The council met on Monday.\n\n“We will not accept the {w} plan,” said Maria Okafor, a council member.\n"


def record(rid: str, word: str, **extra) -> dict:
    return {"id": rid, "title": f"On {word}", "date": "2025-02-03", "source": "Reuters", "text": BODY.format(w=word), **extra}


def found(index: Path, query: str) -> set[str]:
    with Index.open(index) as ix:
        return {h.article_id for h in ix.search(query, kind="article", limit=1000).hits}


def test_malformed_json_line_is_named_by_line_number_and_skipped(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps(record("r1", "zebra")), '{"id": "r2", "text": "unterminated', json.dumps(record("r3", "giraffe")), '["not", "an", "object"]']
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run_cli("index", str(feed), "--index", str(tmp_path / "index"))
    assert r.exit_code == 0
    assert f"warning: skipped {feed}:2: malformed JSON (Unterminated string" in r.stderr
    assert f"warning: skipped {feed}:4: expected a JSON object" in r.stderr
    assert "2 added" in r.stdout and "2 skipped" in r.stdout
    assert found(tmp_path / "index", "zebra OR giraffe") == {"r1", "r3"}


def test_json_lines_dates_are_utc_days_as_in_every_other_format(tmp_path):
    # a timestamp with an offset was cut to its first ten characters: 23:30 in Houston on the
    # 6th was the 6th here and the 7th in a CSV, a feed or a page; an RFC 2822 date was "bad"
    dates = {"d1": "2024-05-06", "d2": "2024-05-06T23:30:00-05:00", "d3": "Mon, 06 May 2024 23:30:00 -0500", "d4": "2024-05-06T10:00:00Z", "d5": "May 6"}
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(record(rid, "zebra", date=d)) for rid, d in dates.items()) + "\n", encoding="utf-8")
    r = index_paths([feed], tmp_path / "index")
    assert r.added == 4 and r.skipped_reasons == [f"{feed}:5: bad 'date' 'May 6': write it as YYYY-MM-DD (or ISO 8601 with a time)"]
    with Index.open(tmp_path / "index") as ix:
        days = {h.article_id: h.date for h in ix.search("zebra", kind="article", limit=10).hits}
    assert days == {"d1": dt.date(2024, 5, 6), "d2": dt.date(2024, 5, 7), "d3": dt.date(2024, 5, 7), "d4": dt.date(2024, 5, 6)}


def test_empty_files_are_skipped_or_empty(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("")
    (corpus / "blank.txt").write_text("\n  \n\n")
    (corpus / "empty.jsonl").write_text("")
    (corpus / "a.txt").write_text("date 2025-01-02\nHeadline\n\n" + BODY.format(w="zebra"), encoding="utf-8")
    r = index_paths([corpus], tmp_path / "index")
    assert r.added == 1
    # every empty file is named, a JSON Lines one too (it used to pass without a word)
    assert sorted(r.skipped_reasons) == [f"{corpus / name}: empty file" for name in ("blank.txt", "empty.jsonl", "empty.txt")]
    assert found(tmp_path / "index", "zebra") == {"a.txt"}


def test_mixed_encodings_are_named_and_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = "date 2025-01-02\nHeadline\n\n" + BODY.format(w="zebra")
    (corpus / "good.txt").write_text(good, encoding="utf-8")
    # UTF-8 first, then a Latin-1 'é' (0xe9): a file pasted together from two sources
    mixed = "Café owners said “no”.\n".encode() + "Le café était fermé.\n".encode("latin-1")
    (corpus / "mixed.txt").write_bytes(mixed)
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02 not text" * 10)
    latin1_line = json.dumps(record("j2", "café")).encode().replace(b"caf\\u00e9", b"caf\xe9")
    feed_lines = [json.dumps(record("j1", "giraffe"), ensure_ascii=False).encode(), latin1_line]
    (corpus / "feed.jsonl").write_bytes(b"\n".join(feed_lines) + b"\n")
    r = index_paths([corpus], tmp_path / "index")
    assert r.added == 2
    assert f"{corpus / 'mixed.txt'}: not UTF-8 (byte {len('Café owners said “no”.'.encode()) + 1 + 6}); convert it to UTF-8 to index it" in r.skipped_reasons
    assert f"{corpus / 'binary.txt'}: binary file" in r.skipped_reasons
    assert f"{corpus / 'feed.jsonl'}:2: not UTF-8" in r.skipped_reasons
    assert found(tmp_path / "index", "zebra OR giraffe") == {"good.txt", "j1"}


def test_a_file_that_becomes_unreadable_loses_its_articles(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2025-01-02\nHeadline\n\n" + BODY.format(w="zebra"), encoding="utf-8")
    index_paths([corpus], tmp_path / "index")
    (corpus / "a.txt").write_bytes(b"caf\xe9 " * 10)
    r = index_paths([corpus], tmp_path / "index")
    assert r.removed == 1 and r.skipped == 1
    assert found(tmp_path / "index", "zebra") == set()


def test_missing_path_is_a_one_line_error_without_traceback(tmp_path):
    r = run_process("index", str(tmp_path / "missing"), "--index", str(tmp_path / "index"))
    assert r.exit_code == 2
    assert r.stderr == f"error: no such file or directory: {tmp_path / 'missing'}\n"


def test_a_50_mb_file_streams_through_in_bounded_memory(tmp_path):
    """50 MB of JSON Lines, most of it annotation the reader ignores (as in PolNeAR): the
    file is cut into jobs and streamed, never read whole by any process."""
    feed = tmp_path / "big.jsonl"
    padding = [{"content": [[i, i + 40]], "note": "x" * 200} for i in range(230)]  # ~ 55 kB per record
    n = 0
    with open(feed, "w", encoding="utf-8") as fh:
        while fh.tell() < 50 * 2**20:
            fh.write(json.dumps(record(f"r{n}", f"word{n}x", attributions=padding)) + "\n")
            n += 1
    assert feed.stat().st_size >= 50 * 2**20
    # A wrapper process, so that the peak is that of this run's processes alone.
    wrapper = (
        "import resource, subprocess, sys; "
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "sys.stderr.write(p.stderr); print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(p.stdout)"
    )
    cmd = [sys.executable, "-m", "search", "index", str(feed), "--index", str(tmp_path / "index"), "--json"]
    p = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, cwd=ROOT, timeout=600)
    status, out = p.stdout.split("\n", 1)
    code, peak_kb = (int(x) for x in status.split())
    assert code == 0, p.stderr
    report = json.loads(out)
    assert report["added"] == n and report["quotes"] == n and report["skipped"] == 0
    assert found(tmp_path / "index", f"word{n - 1}x") == {f"r{n - 1}"}
    # The largest process stayed far below what holding the file (and its JSON) would cost.
    assert peak_kb / 1024 < 250, f"an indexing process peaked at {peak_kb / 1024:.0f} MB for a 50 MB file"


def test_an_index_kept_inside_the_folder_it_indexes_is_not_read_as_articles(tmp_path):
    # 'search index . --index ./index' read the index's own files as articles, on every run
    # ('skipped index/backend.json: unsupported file type', 'MAIN_WRITELOCK: empty file')
    (tmp_path / "story.txt").write_text('"We will win," said Jane Smith, a senator.\n', encoding="utf-8")
    for _run in (1, 2):  # the first run, and one that finds the index already there
        r = run_cli("index", str(tmp_path), "--index", str(tmp_path / "index"))
        assert r.exit_code == 0
        assert "backend.json" not in r.stderr and "MAIN_WRITELOCK" not in r.stderr
        assert "a search index, not articles" in r.stderr
    with Index.open(tmp_path / "index") as ix:
        assert ix.stats().articles == 1
