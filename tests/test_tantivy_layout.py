"""The tantivy backend's layout: analysed fields reach tantivy as terms joined by spaces and
keep Whoosh's positions; an index of the older layout is rebuilt with the new schema; a
rebuild is swapped in whole, and a swap cut short is finished (see
`search.backend.tantivy.schema` and `search.backend.tantivy.index_folder`)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
import tantivy
from conftest import SEEDS, run_cli

from search import Index
from search.backend.tantivy import index_folder
from search.backend.tantivy.schema import ANALYZED, SCHEMA_VERSION, analysed_text
from search.backend.whoosh.analysis import WORD
from search.indexing.indexer import index_paths

NAME_WORD = re.compile(r"\w+(?:['’]\w+)*")


def test_no_word_character_folds_to_nothing_or_to_a_space():
    """The proof that joining terms by spaces keeps their positions: tantivy's whitespace
    tokenizer would drop an empty term and split one holding a space, shifting every later
    position and breaking phrase queries."""
    from whoosh.support.charset import accent_map

    bad = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if WORD.match(ch) or NAME_WORD.match(ch):
            folded = ch.lower().translate(accent_map)
            if not folded or any(c.isspace() for c in folded):
                bad.append(hex(code))
    assert bad == []


@pytest.mark.parametrize("field", sorted(ANALYZED))
def test_joined_terms_split_back_into_the_analyzers_tokens_at_their_positions(field):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*.txt"))]
    texts += ["Beyoncé's “straße” O’Neill — don't Ǆemal İstanbul ﬁnance 3.5% U.S.A. e-mail", "Sergei Markov, a former Kremlin adviser"]
    for text in texts:
        tokens = [(t.pos, t.text) for t in ANALYZED[field](text, positions=True)]
        assert tokens, text[:40]
        assert list(enumerate(analysed_text(ANALYZED[field], text).split(" "))) == tokens


def _old_layout_index(index: Path) -> None:
    """Turn a tantivy index folder into one of layout 1: analysed fields of the raw
    tokenizer (pre-tokenized JSON was sent to them), the format recorded as 7."""
    shutil.rmtree(index / "tantivy")
    (index / "tantivy").mkdir()
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("text", tokenizer_name="raw", index_option="position")
    tantivy.Index(sb.build(), path=str(index / "tantivy"), reuse=False)
    index_folder.write_record(index / "tantivy", 0)
    record = json.loads((index / "tantivy" / index_folder.RECORD).read_text())
    (index / "tantivy" / index_folder.RECORD).write_text(json.dumps({**record, "schema_version": 7}))


def test_an_index_of_the_older_layout_is_rebuilt_with_this_layouts_schema(tmp_path):
    index = tmp_path / "index"
    index_paths([SEEDS], index, backend="tantivy")
    _old_layout_index(index)
    r = run_cli("index", str(SEEDS), "--index", str(index))
    assert r.exit_code == 0, r.stderr
    assert index_folder.schema_version(index) == SCHEMA_VERSION == 702
    with Index.open(index) as ix:  # words and phrases are found: the fields split terms again
        assert ix.search('"Kremlin"').total > 0 and ix.search('"the Kremlin"').total > 0
        assert ix.search("speaker:putin", kind="quote").total > 0
    assert sorted(p.name for p in index.iterdir() if p.name.startswith("tantivy")) == ["tantivy"]


def test_a_rebuild_is_swapped_in_whole_and_a_swap_cut_short_is_finished(tmp_path):
    index = tmp_path / "index"
    index_paths([SEEDS], index, backend="tantivy")
    with Index.open(index) as ix:
        before = ix.search("Kremlin").total
    # killed between the swap's two renames: no tantivy/, a committed tantivy.next/
    (index / "tantivy").rename(index / index_folder.NEXT_DIR)
    with Index.open(index) as ix:  # readers read the committed rebuild
        assert ix.search("Kremlin").total == before
    again = index_paths([SEEDS], index)
    assert (again.added, again.unchanged) == (0, 2)
    assert (index / "tantivy").is_dir() and not (index / index_folder.NEXT_DIR).exists()
    # a rebuild killed before its commit: its folder has no record, and is dropped
    index_folder.create_next(index)
    with Index.open(index) as ix:
        assert ix.search("Kremlin").total == before
    index_paths([SEEDS], index, rebuild=True)
    assert not (index / index_folder.NEXT_DIR).exists()
    with Index.open(index) as ix:
        assert ix.search("Kremlin").total == before


def test_text_lengths_come_from_a_fast_field_and_equal_the_analysed_counts(tmp_path):
    """Speaker profiles sum the `text` length of every quote compared: read from the
    stored texts, that took 45 s at 100,000 articles, past the search's budget."""
    from search.backend.tantivy.schema import analysed_words
    from search.backend.tantivy.searcher import TantivySearcher

    index = tmp_path / "index"
    index_paths([SEEDS], index, backend="tantivy")
    searcher = TantivySearcher(index)
    docnums = list(searcher.view.live)
    texts = [searcher.view.stored(n).get("text") or "" for n in docnums]
    assert searcher._text_lengths() is not None
    assert searcher.field_length("text", docnums) == sum(len(analysed_words("text", t)) for t in texts) > 1000


def test_word_counts_read_from_stored_texts_stop_at_the_budget(tmp_path):
    from search.backend.tantivy.searcher import TantivySearcher
    from search.errors import SearchTimeoutError
    from search.query import budget

    index = tmp_path / "index"
    index_paths([SEEDS], index, backend="tantivy")
    searcher = TantivySearcher(index)
    docnums = list(searcher.view.live) * 4
    assert searcher.field_length("description", docnums) > 0  # no search running: no limit
    with budget.running(budget.Deadline(0.0)), pytest.raises(SearchTimeoutError):
        searcher.field_length("description", docnums)
    with budget.running(budget.Deadline(0.0)), pytest.raises(SearchTimeoutError):
        searcher.term_frequency("text", "the", bytes([1]) * (max(docnums) + 1))
