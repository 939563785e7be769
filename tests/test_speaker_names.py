"""Speaker names settled across the corpus (search.indexing.speaker_names): a bare surname
gets the corpus's full name, whatever the order the articles came in; the aliases file
merges names."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_indexing import article_text, write

from search.api import Index
from search.errors import SearchError
from search.indexing.indexer import index_paths


def _speakers(index: Path, article_id: str) -> set[str | None]:
    with Index.open(index) as ix:
        return {q.speaker for q in ix.quotes_of(article_id)}


def test_bare_surname_gets_the_corpus_full_name_whatever_the_order(tmp_path):
    surname_only = article_text("zebra", speaker="Okafor")
    full = article_text("giraffe", speaker="Maria Okafor")
    # one run with both
    write(tmp_path / "one" / "a.txt", surname_only)
    write(tmp_path / "one" / "b.txt", full)
    index_paths([tmp_path / "one"], tmp_path / "ix1")
    assert _speakers(tmp_path / "ix1", "a.txt") == {"Maria Okafor"}
    # the surname first, the full name in a later run: the earlier quotes are renamed
    write(tmp_path / "two" / "a.txt", surname_only)
    index_paths([tmp_path / "two"], tmp_path / "ix2")
    assert _speakers(tmp_path / "ix2", "a.txt") == {"Okafor"}
    write(tmp_path / "two" / "b.txt", full)
    index_paths([tmp_path / "two"], tmp_path / "ix2")
    assert _speakers(tmp_path / "ix2", "a.txt") == {"Maria Okafor"}
    # a second full name with that surname: 'Okafor' is ambiguous again
    write(tmp_path / "two" / "c.txt", article_text("pelican", speaker="James Okafor"))
    index_paths([tmp_path / "two"], tmp_path / "ix2")
    assert _speakers(tmp_path / "ix2", "a.txt") == {"Okafor"}


def test_aliases_file_in_the_corpus_merges_names(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", article_text("zebra", speaker="Maria Okafor"))
    write(corpus / "b.txt", article_text("giraffe", speaker="Maria Okafor-Lind"))
    index_paths([corpus], tmp_path / "index")
    assert _speakers(tmp_path / "index", "b.txt") == {"Maria Okafor-Lind"}
    write(corpus / "aliases.toml", '[merge]\n"Maria Okafor-Lind" = "Maria Okafor"\n')
    r = index_paths([corpus], tmp_path / "index")
    assert r.unchanged == 2  # no article changed, the names did
    assert _speakers(tmp_path / "index", "b.txt") == {"Maria Okafor"}


def test_bad_aliases_file_is_a_clear_error(tmp_path):
    write(tmp_path / "c" / "a.txt", article_text("zebra"))
    bad = write(tmp_path / "aliases.toml", "[merge\n")
    with pytest.raises(SearchError, match="not valid TOML"):
        index_paths([tmp_path / "c"], tmp_path / "index", aliases=bad)
