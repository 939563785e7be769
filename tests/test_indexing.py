"""Incremental indexing, checked through what a search finds: files and JSON Lines records
added, changed and removed; the run's summary; locks; foreign and damaged index folders;
corpus-wide speaker names and the user's aliases."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

from conftest import run_cli

from search import Index
from search.backend import OWNER_FILE
from search.indexing.indexer import index_paths


def article_text(word: str, speaker: str = "Maria Okafor", day: int = 1) -> str:
    """A small news article whose body and quote both carry `word`."""
    return (
        f"date 2025-01-{day:02d}\n"
        f"Council debates the {word} plan\n\n"
        f"WASHINGTON — The city council met on Monday to debate the {word} plan, which has divided residents.\n\n"
        f"“We will not accept the {word} plan as it stands,” said {speaker}, a council member.\n\n"
        f"The vote is expected next week.\n"
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(index: Path, query: str, kind: str = "article") -> set[str]:
    with Index.open(index) as ix:
        result = ix.search(query, kind=kind, limit=1000)
    return {h.article_id for h in result.hits}


def jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def rec(rid: str, word: str, speaker: str = "Maria Okafor") -> dict:
    return {"id": rid, "title": f"About {word}", "date": "2025-02-03", "source": "Reuters", "text": article_text(word, speaker).split("\n", 2)[2]}


def test_text_files_added_changed_and_removed(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write(corpus / "a.txt", article_text("zebra"))
    write(corpus / "b.txt", article_text("giraffe"))
    r = index_paths([corpus], index)
    assert (r.added, r.updated, r.removed, r.unchanged) == (2, 0, 0, 0)
    assert found(index, "zebra") == {"a.txt"}
    assert found(index, "giraffe", kind="quote") == {"b.txt"}

    write(corpus / "sub" / "c.txt", article_text("pelican"))
    r = index_paths([corpus], index)
    assert (r.added, r.updated, r.removed, r.unchanged) == (1, 0, 0, 2)
    assert found(index, "pelican") == {"sub/c.txt"}

    write(corpus / "a.txt", article_text("walrus"))
    r = index_paths([corpus], index)
    assert (r.added, r.updated, r.removed, r.unchanged) == (0, 1, 0, 2)
    assert found(index, "zebra") == set() and found(index, "zebra", kind="quote") == set()
    assert found(index, "walrus") == {"a.txt"} and found(index, "walrus", kind="quote") == {"a.txt"}

    (corpus / "b.txt").unlink()
    r = index_paths([corpus], index)
    assert (r.added, r.updated, r.removed, r.unchanged) == (0, 0, 1, 2)
    assert found(index, "giraffe") == set() and found(index, "giraffe", kind="quote") == set()
    with Index.open(index) as ix:
        assert ix.stats().articles == 2


def test_optimize_merges_every_segment_into_one_and_finds_the_same(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    for i, word in enumerate(("zebra", "giraffe", "pelican")):
        write(corpus / f"{word}.txt", article_text(word, day=i + 1))
        index_paths([corpus], index)  # a segment per run
    write(corpus / "zebra.txt", article_text("walrus"))  # a change: deleted documents
    index_paths([corpus], index)
    before = {w: found(index, w) for w in ("zebra", "walrus", "giraffe", "pelican", "council")}
    with Index.open(index) as ix:
        assert len(ix.backend.reader.leaf_readers()) > 1
    r = run_cli("index", str(corpus), "--index", str(index), "--optimize", "--quiet")
    assert r.exit_code == 0
    with Index.open(index) as ix:
        assert len(ix.backend.reader.leaf_readers()) == 1 and not ix.backend.reader.has_deletions()
        assert ix.stats().articles == 3
    assert {w: found(index, w) for w in before} == before


def test_unchanged_run_reads_nothing_and_touch_is_not_a_change(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    for i in range(5):
        write(corpus / f"{i}.txt", article_text(f"word{i}"))
    index_paths([corpus], index)
    r = index_paths([corpus], index)
    assert (r.articles, r.added, r.updated, r.unchanged) == (0, 0, 0, 5)
    os.utime(corpus / "3.txt", (time.time() + 5, time.time() + 5))  # same bytes, new mtime
    r = index_paths([corpus], index)
    assert (r.articles, r.updated, r.unchanged) == (0, 0, 5)


def test_jsonl_records_added_changed_and_removed(tmp_path):
    index = tmp_path / "index"
    feed = jsonl(tmp_path / "feed.jsonl", [rec("r1", "zebra"), rec("r2", "giraffe"), rec("r3", "pelican")])
    r = index_paths([feed], index)
    assert r.added == 3
    assert found(index, "giraffe") == {"r2"}

    jsonl(feed, [rec("r1", "zebra"), rec("r2", "walrus"), rec("r4", "flamingo")])  # r2 changed, r3 gone, r4 new
    r = index_paths([feed], index)
    assert (r.added, r.updated, r.removed, r.unchanged) == (1, 1, 1, 1)
    assert found(index, "giraffe") == set() and found(index, "walrus") == {"r2"}
    assert found(index, "pelican") == set() and found(index, "pelican", kind="quote") == set()
    assert found(index, "flamingo", kind="quote") == {"r4"}
    assert found(index, "zebra") == {"r1"}


def test_a_big_jsonl_file_is_cut_into_jobs_and_all_records_arrive(tmp_path, monkeypatch):
    """Several jobs over one file (both workers) and line numbers that stay right."""
    import search.indexing.pipeline as pipeline

    monkeypatch.setattr(pipeline, "JSONL_CHUNK", 2000)
    monkeypatch.setattr(pipeline.scan, "__defaults__", (2000, pipeline.TEXT_CHUNK))
    records = [rec(f"r{i}", f"token{i}x") for i in range(60)]
    lines = [json.dumps(r) for r in records]
    lines.insert(30, "{not json")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = index_paths([feed], tmp_path / "index")
    assert r.added == 60
    assert r.skipped_reasons == [f"{feed}:31: malformed JSON (Expecting property name enclosed in double quotes at column 2)"]
    assert found(tmp_path / "index", "token59x") == {"r59"}
    with Index.open(tmp_path / "index") as ix:
        assert ix.article("r40").line == 42


def test_indexing_another_folder_leaves_the_first_alone(tmp_path):
    index = tmp_path / "index"
    write(tmp_path / "A" / "a.txt", article_text("zebra"))
    write(tmp_path / "B" / "b.txt", article_text("giraffe"))
    index_paths([tmp_path / "A"], index)
    r = index_paths([tmp_path / "B"], index)
    assert (r.added, r.removed) == (1, 0)
    assert found(index, "zebra") == {"a.txt"} and found(index, "giraffe") == {"b.txt"}
    (tmp_path / "A" / "a.txt").unlink()
    r = index_paths([tmp_path / "B"], index)  # A is not this run's business
    assert r.removed == 0 and found(index, "zebra") == {"a.txt"}
    r = index_paths([tmp_path / "A"], index)
    assert r.removed == 1 and found(index, "zebra") == set()


def test_rebuild_starts_over_without_duplicates(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    for i in range(3):
        write(corpus / f"{i}.txt", article_text(f"word{i}"))
    index_paths([corpus], index)
    r = index_paths([corpus], index, rebuild=True)
    assert (r.added, r.unchanged) == (3, 0)
    with Index.open(index) as ix:
        stats = ix.stats()
    assert stats.articles == 3 and stats.quotes == 3


def test_a_rebuild_from_fewer_folders_brings_back_none_of_the_others_quotes(tmp_path):
    """A rebuild renames speakers by its own corpus only: 'Joe Biden' (in A) was 'Joseph R.
    Biden' while B was indexed, is 'Joseph Biden' now that C says so. The renaming must touch
    the rebuilt documents only, never the old ones the rebuild drops."""
    index = tmp_path / "index"
    write(tmp_path / "A" / "a.txt", article_text("zebra", "Joe Biden"))
    for i in range(3):
        write(tmp_path / "B" / f"b{i}.txt", article_text(f"giraffe{i}", "Joseph R. Biden"))
    for i in range(2):
        write(tmp_path / "C" / f"c{i}.txt", article_text(f"walrus{i}", "Joseph Biden"))
    index_paths([tmp_path / "A", tmp_path / "B"], index)
    r = index_paths([tmp_path / "A", tmp_path / "C"], index, rebuild=True)
    assert r.added == 3
    with Index.open(index) as ix:
        quotes = ix.search("plan", kind="quote", limit=100).hits
    assert sorted(h.id for h in quotes) == ["a.txt#q1", "c0.txt#q1", "c1.txt#q1"]
    assert {h.speaker for h in quotes} == {"Joseph Biden"}


def _make_format_1(index: Path) -> None:
    """Turn an index into what an index of format 1 carries: a schema without the stamp."""
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(index), indexname="MAIN")
    writer = ix.writer()
    del writer.schema.search_version
    writer.commit()


def test_an_index_of_another_format_is_searched_but_updated_only_by_a_rebuild(tmp_path):
    """An index from before a schema change: its own schema still answers queries; an
    update would mix two document layouts. When the run's paths hold every file the index
    has, the indexer rebuilds it and says so; otherwise it asks for --rebuild."""
    from whoosh import index as whoosh_index

    from search.backend.whoosh.schema import SCHEMA_VERSION, schema_version

    corpus, other, index = tmp_path / "corpus", tmp_path / "other", tmp_path / "index"
    write(corpus / "a.txt", article_text("zebra"))
    write(other / "c.txt", article_text("gazelle"))
    index_paths([corpus], index)
    index_paths([other], index)
    _make_format_1(index)
    assert schema_version(whoosh_index.open_dir(str(index), indexname="MAIN").schema) == 1
    assert found(index, "zebra") == {"a.txt"}
    write(corpus / "b.txt", article_text("okapi"))
    r = run_cli("index", str(corpus), "--index", str(index), "--quiet")  # other/ would be lost
    assert r.exit_code == 2 and "another version of search" in r.stderr and "--rebuild" in r.stderr
    assert found(index, "okapi") == set() and found(index, "zebra") == {"a.txt"}  # left as it was
    r = run_cli("index", str(corpus), str(other), "--index", str(index))  # every file it has
    assert r.exit_code == 0 and "rebuilt it in format" in r.stderr
    assert found(index, "okapi") == {"b.txt"} and found(index, "gazelle") == {"c.txt"}
    assert schema_version(whoosh_index.open_dir(str(index), indexname="MAIN").schema) == SCHEMA_VERSION
    _make_format_1(index)
    r = run_cli("index", str(corpus), "--index", str(index), "--rebuild", "--quiet")  # asked for: only corpus/
    assert r.exit_code == 0 and found(index, "gazelle") == set() and found(index, "okapi") == {"b.txt"}


def test_a_quote_matches_its_own_words_not_its_articles_title(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write(corpus / "a.txt", article_text("zebra").replace("Council debates the zebra plan", "Council debates the ostrich plan"))
    index_paths([corpus], index)
    assert found(index, "ostrich", kind="article") == {"a.txt"}
    assert found(index, "ostrich", kind="quote") == set()
    with Index.open(index) as ix:
        (hit,) = ix.search("zebra", kind="quote").hits
    assert hit.title == "Council debates the ostrich plan"  # still shown with the quote


def test_many_files_use_the_worker_processes(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    for i in range(80):  # three jobs of 32 files: run on two workers
        write(corpus / f"{i:02d}.txt", article_text(f"animal{i}z"))
    r = index_paths([corpus], index, workers=2)
    assert r.added == 80 and r.quotes == 80
    assert found(index, "animal79z", kind="quote") == {"79.txt"}
    assert [p.name for p in index.iterdir() if p.name.startswith("state.")] == [f"state.{_generation(index)}.json"]
    assert not (index / "MAIN.tmp").exists() and not (index / OWNER_FILE).exists()


def _generation(index: Path) -> int:
    from search.backend.whoosh.index_folder import open_index

    return open_index(index).latest_generation()


def test_duplicate_ids_across_files_keep_the_first(tmp_path):
    index = tmp_path / "index"
    jsonl(tmp_path / "c" / "1.jsonl", [rec("same", "zebra")])
    jsonl(tmp_path / "c" / "2.jsonl", [rec("same", "giraffe")])
    r = index_paths([tmp_path / "c"], index)
    assert r.added == 1
    assert any("duplicate article id 'same'" in s for s in r.skipped_reasons)
    assert found(index, "zebra") == {"same"} and found(index, "giraffe") == set()
    assert found(index, "giraffe", kind="quote") == set()


def test_summary_line_and_skip_warnings(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", article_text("zebra"))
    (corpus / "photo.png").write_bytes(b"\x89PNG\r\n")
    r = run_cli("index", str(corpus), "--index", str(tmp_path / "index"))
    assert r.exit_code == 0
    assert "1 added, 0 updated, 0 removed, 0 unchanged, 1 skipped" in r.stdout
    assert f"warning: skipped {corpus / 'photo.png'}: unsupported file type '.png'" in r.stderr
    quiet = run_cli("index", str(corpus), "--index", str(tmp_path / "index"), "--quiet")
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_searches_keep_working_while_the_index_is_written(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    for i in range(40):
        write(corpus / f"{i:02d}.txt", article_text("zebra" if i < 20 else f"other{i}"))
    index_paths([corpus], index)
    for i in range(40, 120):
        write(corpus / f"{i:03d}.txt", article_text("zebra"))
    errors: list[Exception] = []
    counts: list[int] = []
    done = threading.Event()

    def reader() -> None:
        # at least one search, even when the thread starts only after the writer is done (a
        # loaded machine): an empty `counts` is the scheduler's doing, not the index's
        while True:
            try:
                counts.append(len(found(index, "zebra")))
            except Exception as exc:
                errors.append(exc)
            if done.is_set():
                break

    t = threading.Thread(target=reader)
    t.start()
    try:
        index_paths([corpus], index, workers=2)
    finally:
        done.set()
        t.join()
    assert not errors
    assert counts and set(counts) <= {20, 100}  # the old index or the new one, never a mix
    assert len(found(index, "zebra")) == 100


def test_an_index_opened_before_a_commit_answers_from_its_generation(tmp_path):
    # The deterministic half of the test above: a commit deletes the table of contents, the
    # identity table and the segments the open searcher reads; nothing it does may reread them.
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    for i in range(10):
        write(corpus / f"{i:02d}.txt", article_text("zebra" if i < 5 else f"other{i}"))
    index_paths([corpus], index)
    with Index.open(index) as ix:
        for i in range(10, 30):
            write(corpus / f"{i:02d}.txt", article_text("zebra", speaker="Ada Brennan"))
        index_paths([corpus], index, rebuild=True)
        assert not (index / "_MAIN_1.toc").exists()
        assert len(ix.search("zebra", kind="article", limit=100).hits) == 5
        assert ix.stats().articles == 10 and ix.stats().size_bytes > 0
        assert ix.speaker("Maria Okafor").quotes == 10
        assert ix.count("speaker", "zebra", kind="quote").rows[0].total == 5
    with Index.open(index) as ix:
        assert len(ix.search("zebra", kind="article", limit=100).hits) == 25


def test_foreign_folder_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "docs"
    write(folder / "notes.md", "my notes")
    write(tmp_path / "c" / "a.txt", article_text("zebra"))
    for args in ([], ["--rebuild"]):
        r = run_cli("index", str(tmp_path / "c"), "--index", str(folder), *args)
        assert r.exit_code == 2
        assert "is not a search index" in r.stderr and "notes.md" in r.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.md"]


def test_damaged_index_is_reported_not_overwritten_unless_rebuilt(tmp_path):
    """An update refuses a damaged index and leaves it as it is; --rebuild starts it over
    (issue 19: recovery must not need rm -rf by hand)."""
    index = tmp_path / "index"
    write(tmp_path / "c" / "a.txt", article_text("zebra"))
    index_paths([tmp_path / "c"], index)
    toc = next(index.glob("_MAIN_*.toc"))
    toc.write_bytes(b"garbage, not a table of contents")
    before = {p.name: p.read_bytes() for p in index.iterdir() if p.is_file()}
    r = run_cli("index", str(tmp_path / "c"), "--index", str(index))
    assert r.exit_code == 2, r.stderr
    assert "damaged" in r.stderr or "cannot be read" in r.stderr
    assert "--rebuild" in r.stderr and "Traceback" not in r.stderr
    after = {p.name: p.read_bytes() for p in index.iterdir() if p.is_file() and p.name != "MAIN_WRITELOCK"}
    assert after == {k: v for k, v in before.items() if k != "MAIN_WRITELOCK"}

    r = run_cli("index", str(tmp_path / "c"), "--index", str(index), "--rebuild")
    assert r.exit_code == 0, r.stderr
    with Index.open(index) as ix:
        assert ix.search("zebra").total == 2  # the article and its quote


def test_missing_path_is_one_line_error(tmp_path):
    r = run_cli("index", str(tmp_path / "nope"), "--index", str(tmp_path / "index"))
    assert r.exit_code == 2
    assert r.stderr == f"error: no such file or directory: {tmp_path / 'nope'}\n"


def test_held_quotes_come_back_in_order_from_disk(tmp_path, monkeypatch):
    from search.indexing.pipeline import HeldQuotes

    monkeypatch.setattr(HeldQuotes, "BATCH", 3)
    held = HeldQuotes(str(tmp_path))
    items = [({"id": f"a#q{i}", "speaker_local": "Trump", "start": i}, "Trump", i if i % 2 else -1) for i in range(8)]
    for doc, local, seq in items:
        held.append(doc, local, seq)
    assert held.count == 8 and held._file is not None  # two batches went to disk
    assert list(held) == items
    held.close()
    assert list(tmp_path.iterdir()) == []  # an anonymous file: nothing left behind
