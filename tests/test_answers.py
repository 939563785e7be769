"""Answers a researcher can trust (issue 21): each wrong or hidden answer found on PolNeAR,
held right on the seeds or on a small corpus built here."""

from __future__ import annotations

import re

import pytest

from search.output.text import highlight, merge_spans, wrap_marked
from tests.conftest import index_records, run_cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")


# --- marks: overlapping quotes and editors' brackets ------------------------------------


def test_overlapping_marks_print_each_word_once():
    text = "the GOP leaners in the area seem enamored with Trump, according to Politico."
    spans = [(0, 52), (33, 52), (4, 15)]
    assert merge_spans(spans) == [(0, 52)]
    plain = highlight(text, spans, color=False)
    assert plain == "[the GOP leaners in the area seem enamored with Trump], according to Politico."
    assert ANSI.sub("", highlight(text, spans, color=True)) == text


def test_a_word_the_text_already_brackets_is_not_bracketed_again():
    text = "if [Ukraine] has peaceful relations with Moscow"
    assert highlight(text, [(4, 11)], color=False) == text
    assert highlight(text, [(3, 12)], color=False) == text


def test_seed_query_shows_no_nested_brackets(seeds_index):
    out = run_cli("query", "Ukraine", "--facet", "source", "--facet", "speaker", "--limit", "3", "--index", str(seeds_index)).stdout
    assert "[[" not in out and "if [Ukraine] has peaceful relations" in out


def test_wrapping_breaks_at_spaces_and_keeps_every_word():
    text = "A return to normality doesn’t sound like a big deal, but it’s actually a momentous development"
    out = wrap_marked(text, [(2, 8)], color=False, width=30, indent="   ")
    lines = out.splitlines()
    assert all(len(line) <= 30 for line in lines) and len(lines) > 2
    assert " ".join(line.strip() for line in lines) == text.replace("return", "[return]")
    assert wrap_marked(text, [], color=False, width=None) == text  # piped: one line


def test_show_prints_no_text_twice_over_all_of_polnear(polnear_index):
    """Every article of PolNeAR train + dev, shown with its quotes marked: the marks taken
    out, each paragraph reads exactly as the article (262 of 924 printed words twice)."""
    from search import Index
    from search.output.show import render_show, show

    with Index.open(polnear_index) as ix:
        ids = [ix.backend.stored(n)["article_id"] for n in ix.backend.live_docnums() if ix.backend.column("kind")[n] == "article"]
        assert len(ids) == 924
        for article_id in ids:
            view = show(ix, article_id)
            printed = [p.strip("\n") for p in ANSI.sub("", render_show(view, color=True)).split("\n\n")]
            body = [p.text.replace("\n", " ") for p in view.paragraphs]
            assert printed[1 : 1 + len(body)] == body, article_id


# --- a plain word finds a quote by its speaker and the speaker's description ------------


def test_a_plain_word_finds_quotes_by_the_speakers_description(seeds_index):
    """Markov is 'a former Kremlin adviser'; none of his quotes says 'Kremlin'."""
    result = run_cli("query", "Kremlin", "--kind", "quote", "--json", "--limit", "50", "--index", str(seeds_index)).json()
    assert "Sergei Markov" in {h["speaker"] for h in result["hits"]}


def test_a_plain_name_finds_the_speakers_quotes(seeds_index):
    by_word = run_cli("query", "Lukyanov", "--kind", "quote", "--json", "--limit", "50", "--index", str(seeds_index)).json()
    by_speaker = run_cli("query", "speaker:Lukyanov", "--json", "--limit", "50", "--index", str(seeds_index)).json()
    assert by_speaker["total"] >= 4
    assert {h["id"] for h in by_speaker["hits"]} <= {h["id"] for h in by_word["hits"]}


def test_holtz_eakin_by_name_on_polnear(polnear_index):
    by_word = run_cli("query", "Holtz-Eakin", "--kind", "quote", "--json", "--limit", "100", "--index", str(polnear_index)).json()
    by_speaker = run_cli("query", 'speaker:"Holtz-Eakin"', "--json", "--limit", "100", "--index", str(polnear_index)).json()
    # 10: an eleventh was the columnist's own 'tax experts I spoke to', now James B. Stewart's
    assert by_speaker["total"] >= 10
    assert {h["id"] for h in by_speaker["hits"]} <= {h["id"] for h in by_word["hits"]}


# --- facets: nothing dropped, time in order ----------------------------------------------

ARTICLES = [  # fmt: skip
    {
        "id": "a1",
        "title": "Vote one",
        "source": "nyt",
        "date": "2016-01-05",
        "text": '"We will win the vote," said John Smith, a senator.\n\n"It is over," an aide said.',
    },
    {"id": "a2", "title": "Vote two", "source": "wsj", "date": "2016-03-02", "text": '"We will lose the vote," said Jane Doe, an aide.'},
    {"id": "a3", "title": "Vote three", "source": "nyt", "date": "2016-03-20", "text": '"The vote is close," said John Smith, a senator.'},
    {"id": "a4", "title": "Vote four", "source": "wsj", "text": '"Nobody knows the date of the vote," said Jane Doe, an aide.'},
]


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    return index_records(ARTICLES, tmp_path_factory.mktemp("answers"))


def test_quotes_without_a_named_speaker_are_counted_not_dropped(small_index):
    result = run_cli("query", "--kind", "quote", "--facet", "speaker", "--json", "--index", str(small_index)).json()
    counts = {f["value"]: f["count"] for f in result["facets"]["speaker"]}
    assert counts.get("(no speaker)", 0) >= 1
    assert sum(counts.values()) == result["total"]


def test_a_time_facet_is_chronological_complete_and_zero_filled(small_index):
    result = run_cli("query", "--facet", "date:month", "--facet-limit", "1", "--json", "--index", str(small_index)).json()
    months = [(f["value"], f["count"]) for f in result["facets"]["date:month"]]
    assert [m for m, _ in months] == ["2016-01", "2016-02", "2016-03"] and months[1][1] == 0
    assert any("undated" in note and "date:month" in note for note in result["notes"])


def test_a_cut_facet_says_top_n_of_m(small_index):
    out = run_cli("query", "--facet", "source", "--facet-limit", "1", "--index", str(small_index)).stdout
    assert "source (top 1 of 2)" in out


# --- phrases highlight only the phrase ----------------------------------------------------


def test_a_phrase_is_marked_where_its_words_stand_together_only():
    from search.backend.whoosh.schema import TEXT_ANALYZER
    from search.query.snippets import make_snippet, term_of

    text = "the goal was not to “make America great again” but to “make America whole again.”"
    phrase = tuple(t.text for t in TEXT_ANALYZER("make America great again"))
    snippet, spans = make_snippet(text, set(), term_of(TEXT_ANALYZER), phrases=[phrase])
    assert highlight(snippet, spans, color=False) == "the goal was not to “[make America great again]” but to “make America whole again.”"


def test_a_phrase_query_marks_the_phrase_in_hits(seeds_index):
    hit = run_cli("query", '"return to normality"', "--kind", "quote", "--json", "--index", str(seeds_index)).json()["hits"][0]
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["return to normality"]


# --- the command line: help, limits, refusals, numbers ------------------------------------


def test_every_command_has_examples_in_its_help():
    from search.cli import main

    for name in main.commands:
        out = run_cli(name, "--help").stdout
        assert "Examples:" in out and f"search {name}" in out.split("Examples:")[1], name


def test_facets_are_refused_where_they_cannot_be_printed(seeds_index):
    for fmt in ("--csv", "--jsonl"):
        r = run_cli("query", "Ukraine", "--facet", "source", fmt, "--index", str(seeds_index))
        assert r.exit_code == 2 and "--facet" in r.stderr and "--json" in r.stderr and not r.stdout


def test_limit_zero_is_none_and_all_is_every_one_for_query_and_speakers(seeds_index):
    index = ["--index", str(seeds_index)]
    none = run_cli("query", "Ukraine", "--limit", "0", "--json", *index).json()
    every = run_cli("query", "Ukraine", "--limit", "all", "--json", *index).json()
    assert none["hits"] == [] and none["total"] == every["total"] == len(every["hits"]) > 10 and every["limit"] is None
    listed = run_cli("speakers", "--limit", "0", "--json", *index)
    assert listed.exit_code == 0 and listed.json() == [] and "17 speakers" in listed.stderr
    assert len(run_cli("speakers", "--limit", "all", "--json", *index).json()) == 17
    assert "top 2 of 17 speakers" in run_cli("speakers", "--limit", "2", *index).stderr
    assert run_cli("query", "x", "--limit", "some", *index).exit_code == 2


def test_an_empty_field_is_an_error_not_a_word(seeds_index):
    r = run_cli("query", "speaker:", "--index", str(seeds_index))
    assert r.exit_code == 2 and "needs a value" in r.stderr


def test_show_names_the_missing_quote_of_an_article_that_exists(seeds_index):
    r = run_cli("show", "000_754b0dd6de0764fd.txt#q999", "--index", str(seeds_index))
    assert r.exit_code == 2 and "no quote #999 in article '000_754b0dd6de0764fd.txt'" in r.stderr
    assert "no article" in run_cli("show", "nothing.txt#q1", "--index", str(seeds_index)).stderr


def test_counts_are_written_with_thousands_separators(small_index, tmp_path):
    from search.output.text import result_text

    text = result_text({"total": 16356, "offset": 0, "hits": [], "query": "*", "took_ms": 1, "notes": [], "facets": {}, "facet_values": {}}, False)
    assert text.startswith("16,356 matches")
    out = run_cli("index", str(tmp_path), "--index", str(tmp_path / "ix")).stdout
    assert "indexed 0 article(s) with 0 quote(s)" in out


def test_color_always_and_never_override_the_terminal_and_no_color(seeds_index):
    index = ["--index", str(seeds_index)]
    assert "\x1b[" in run_cli("query", "Ukraine", "--color", "always", *index, env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run_cli("query", "Ukraine", "--color", "never", *index).stdout
    assert "\x1b[" not in run_cli("query", "Ukraine", *index).stdout  # auto, not a terminal


def test_a_hit_date_is_a_date_in_python_and_its_iso_form_in_json(seeds_index):
    """The one contract, for every date field: `datetime.date` (or None) on the models,
    "YYYY-MM-DD" (or null) in JSON and in `search_json`'s dicts, which are that JSON."""
    import datetime as dt

    from search import Index

    with Index.open(seeds_index) as ix:
        model, plain = ix.search("Ukraine", limit=1), ix.search_json("Ukraine", limit=1)
    assert isinstance(model.hits[0].date, dt.date) and plain["hits"][0]["date"] == model.hits[0].date.isoformat() == "2025-02-18"
    assert model.model_dump(mode="json")["hits"][0]["date"] == "2025-02-18"
