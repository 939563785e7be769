"""Extraction stays linear in an article's size (issue 19): over-long sentences are cut,
unclosed and stray quotation marks are bounded, and an article over MAX_ARTICLE_CHARS is
indexed as text with its quotes skipped and named. (Speed itself is measured by
bench/extraction_scaling.py, not here.)"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

from search.api import Index
from search.indexing.indexer import index_paths
from search.quotes import MAX_ARTICLE_CHARS, extract_quotes, too_long
from search.quotes.marks import MAX_NESTING, MAX_OPEN_QUOTE_CHARS, scan_quotes
from search.quotes.sentences import MAX_SENTENCE_CHARS, split_sentences
from search.readers.text import parse_text_article

# One clause of a list that never ends: a sentence with no full stop.
CLAUSE = "the budget for roads and parks and schools in the north of the county"
TAIL = " and at the end of the meeting Mayor Elena Ruiz said “the plan is dead and we will not revive it” before she left"
PROSE = (
    "Mayor Elena Ruiz said on Tuesday that the city would not raise taxes this year. "
    "“We have done the work, and the numbers hold,” Ruiz told reporters at City Hall. "
    "Her opponent, John Smith, disagreed. “The budget is a fiction,” he said. "
)


def test_an_over_long_sentence_is_cut_at_word_boundaries_into_bounded_pieces():
    text = " ".join([CLAUSE] * 400) + "."
    spans = split_sentences(text, 0, len(text))
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    # cut between words: every piece starts and ends on a word, and together they hold every word
    assert all(s == 0 or text[s - 1] == " " for s, _ in spans)
    assert all(e == len(text) or text[e] == " " for _, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text


def test_sentences_of_ordinary_length_are_not_cut():
    text = PROSE * 3
    assert split_sentences(text, 0, len(text)) == split_sentences(text[: len(PROSE)], 0, len(PROSE)) + [
        (s + len(PROSE), e + len(PROSE)) for s, e in split_sentences(PROSE * 2, 0, 2 * len(PROSE))
    ]


def test_a_quote_at_the_end_of_an_over_long_sentence_is_still_found():
    short = parse_text_article("The budget\n\n" + CLAUSE + TAIL + "\n", "short.txt")
    long = parse_text_article("The budget\n\n" + " ".join([CLAUSE] * 300) + TAIL + "\n", "long.txt")
    assert long.body[-1].end - long.body[-1].start > 5 * MAX_SENTENCE_CHARS
    (want,) = extract_quotes(short)
    (got,) = extract_quotes(long)
    assert (got.kind, got.speaker, got.text, got.cue) == (want.kind, want.speaker, want.text, want.cue)
    assert got.speaker == "Elena Ruiz" and "the plan is dead" in got.text


def test_an_unclosed_quotation_stops_at_a_sentence_end_within_the_limit():
    sentence = "We will build the road and the bridge and the school this year. "
    text = "“" + sentence * (2 * MAX_OPEN_QUOTE_CHARS // len(sentence))
    (q,) = scan_quotes(text, 0, len(text))
    assert q.start == 1 and q.end - q.start <= MAX_OPEN_QUOTE_CHARS
    assert text[q.end - 1] == "." and q.closed  # cut at a sentence end: it runs on into no other paragraph
    # within the limit, it still runs to the paragraph end and is left open
    short = "“" + sentence * 3
    (q,) = scan_quotes(short, 0, len(short))
    assert q.end == len(short.rstrip()) and not q.closed


def test_thousands_of_marks_that_never_close_make_one_bounded_quotation():
    for mark in ('"', "«", "‘"):
        text = "".join(f"{mark}word{k} and more words here " for k in range(3000))
        spans = scan_quotes(text, 0, len(text))
        if mark == "‘":
            assert spans == []  # unclosed single marks are apostrophes
        else:
            assert [(q.open_at, q.closed) for q in spans] == [(0, True)]
            assert spans[0].end - spans[0].start <= MAX_OPEN_QUOTE_CHARS
    # nesting up to the bound still closes level by level
    nested = "“a ‘b ‘c ‘d’ e’ f’ g”"
    assert MAX_NESTING > 4 and [(q.start, q.end) for q in scan_quotes(nested, 0, len(nested))] == [(1, len(nested) - 1)]


def test_too_long_is_the_article_size_limit():
    assert not too_long(parse_text_article("T\n\n" + PROSE, "a.txt"))
    assert too_long(parse_text_article("T\n\n" + PROSE * (MAX_ARTICLE_CHARS // len(PROSE) + 1), "b.txt"))


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = PROSE * (MAX_ARTICLE_CHARS // len(PROSE) + 1) + "The auditors found a zeppelin in the ledger."
    (corpus / "big.txt").write_text("A budget dump\n\n" + body + "\n", encoding="utf-8")
    (corpus / "small.txt").write_text("Council\n\n“We will not accept the zebra plan,” said Maria Okafor, a council member.\n", encoding="utf-8")
    return corpus


def test_an_over_long_article_is_indexed_as_text_without_quotes_and_named(tmp_path):
    corpus = _corpus(tmp_path)
    index = tmp_path / "index"
    report = index_paths([corpus], index)
    assert report.articles == 2 and report.quotes == 1  # the small article's quote only
    (note,) = report.quotes_skipped
    assert note.startswith(f"{corpus / 'big.txt'}: article 'big.txt' is ") and "MAX_ARTICLE_CHARS" in note
    assert not report.skipped_reasons
    with Index.open(index) as ix:
        hits = ix.search("zeppelin").hits
        assert [h.id for h in hits] == ["big.txt"]  # searchable as text
        assert {d["article_id"] for d in ix.backend.documents(kind="quote")} == {"small.txt"}
    # the CLI warns, naming it, and the JSON summary lists it
    cli = run_cli("index", str(corpus), "--index", str(tmp_path / "cli-index"), "--json")
    assert cli.exit_code == 0
    assert any(line.startswith("warning: ") and "'big.txt'" in line and "quotes are skipped" in line for line in cli.stderr.splitlines())
    assert json.loads(cli.stdout)["quotes_skipped"] == [note.replace(str(index), str(tmp_path / "cli-index"))]


def test_search_extract_says_the_same_of_an_over_long_article(tmp_path):
    corpus = _corpus(tmp_path)
    cli = run_cli("extract", str(corpus), "--text")
    assert cli.exit_code == 0
    assert "Maria Okafor" in cli.stdout and "big.txt#" not in cli.stdout
    warning = f"warning: skipped {corpus / 'big.txt'}: article 'big.txt' is "
    assert any(line.startswith(warning) and "quotes are skipped" in line for line in cli.stderr.splitlines())
