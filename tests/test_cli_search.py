"""The search commands as a user runs them: options, formats and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import run_cli, run_process

from search.models import Hit, SearchResult, SourceSummary, SpeakerSummary, Stats


def q(index, *args):
    return run_cli("query", *args, "--index", str(index))


def test_json_is_one_result_that_parses_back_into_the_model(mixed_index):
    r = q(mixed_index, "Clinton", "--facet", "source", "--facet", "date:month", "--json")
    assert r.exit_code == 0
    result = SearchResult.model_validate(r.json())
    assert result.total >= len(result.hits) > 0 and set(result.facets) == {"source", "date:month"}
    assert result.took_ms > 0


def test_jsonl_is_one_hit_per_line(mixed_index):
    r = q(mixed_index, "Clinton", "--limit", "7", "--jsonl")
    hits = [Hit.model_validate_json(line) for line in r.stdout.splitlines()]
    assert len(hits) == 7 and all("clinton" in (h.text + h.title + (h.speaker or "")).lower() or h.doc_kind == "article" for h in hits)


def test_csv_has_a_header_and_one_row_per_hit(mixed_index):
    r = q(mixed_index, "Clinton", "--limit", "4", "--csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 4 and list(rows[0]) == list(Hit.model_fields)


def test_human_output_marks_matches_without_colour_when_piped(seeds_index):
    r = q(seeds_index, '"return to normality"')
    assert "[return to normality]" in r.stdout and "\x1b[" not in r.stdout
    assert "Fyodor Lukyanov" in r.stdout and "The Christian Science Monitor" in r.stdout and "2025-02-18" in r.stdout


def test_facets_are_drawn_as_bars_most_frequent_first(mixed_index):
    r = q(mixed_index, "said", "--facet", "source", "--limit", "0")
    lines = r.stdout.split("\nsource", 1)[1].strip().splitlines()
    counts = [int(line.rsplit(" ", 1)[1]) for line in lines if "█" in line]
    assert len(counts) > 1 and counts == sorted(counts, reverse=True)


def test_a_misspelt_speaker_still_finds_and_says_so(seeds_index):
    r = q(seeds_index, "--speaker", "Lukianov", "--json")
    result = SearchResult.model_validate(r.json())
    assert r.exit_code == 0 and {h.speaker for h in result.hits} == {"Fyodor Lukyanov"}
    assert any("Lukianov" in n for n in result.notes)


def test_a_misspelt_word_gets_did_you_mean_and_exit_1(seeds_index):
    r = q(seeds_index, "Ukriane speaker:lukyanov")
    assert r.exit_code == 1
    assert "did you mean: Ukraine speaker:lukyanov" in r.stdout
    assert "nothing matched" in r.stderr


def test_an_empty_result_exits_1_and_says_so(seeds_index):
    r = q(seeds_index, "Ukraine", "--since", "2025-03-01")
    assert r.exit_code == 1 and "nothing matched" in r.stderr and r.stdout.startswith("0 matches")


@pytest.mark.parametrize(
    "args, says",
    [(["date:[2025 TO"], "unclosed '['"), (["Ukraine", "--since", "2025-13-45"], "impossible date"), (["Ukraine", "--facet", "colour"], "unknown facet"),
     (["colour:red"], "unknown field"), (["Ukraine", "--on", "last week"], "not a date"), (["Ukraine", "--since", "2025-03", "--until", "2025-01"], "swap")],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(seeds_index, args, says):
    r = q(seeds_index, *args)
    assert r.exit_code == 2 and says in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_no_index_says_how_to_build_one(tmp_path):
    r = run_process("query", "Ukraine", "--index", str(tmp_path / "none"))
    assert r.exit_code == 2 and "search index" in r.stderr and "Traceback" not in r.stderr


def test_paging_options(mixed_index):
    first = q(mixed_index, "Trump", "--limit", "5", "--json").json()
    second = q(mixed_index, "Trump", "--limit", "5", "--offset", "5", "--json").json()
    assert first["total"] == second["total"] > 10
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}


def test_source_filter_by_short_form(seeds_index):
    result = SearchResult.model_validate(q(seeds_index, "--source", "wsj", "--json", "--limit", "100").json())
    assert result.total > 0 and {h.source for h in result.hits} == {"The Wall Street Journal"}


def test_speakers_command_filters_and_formats(mixed_index, seeds_index):
    r = run_cli("speakers", "--source", "csm", "--json", "--index", str(seeds_index))
    rows = [SpeakerSummary.model_validate(x) for x in r.json()]
    assert "Fyodor Lukyanov" in {s.name for s in rows} and all(s.sources == ["The Christian Science Monitor"] for s in rows)
    r = run_cli("speakers", "--since", "2030", "--index", str(mixed_index))
    assert r.exit_code == 1


def test_sources_and_stats_commands(mixed_index):
    rows = [SourceSummary.model_validate(x) for x in run_cli("sources", "--json", "--index", str(mixed_index)).json()]
    stats = Stats.model_validate(run_cli("stats", "--json", "--index", str(mixed_index)).json())
    assert len(rows) == stats.sources and sum(s.articles for s in rows) == stats.articles


def test_show_marks_the_quote_in_its_paragraph_with_context(seeds_index):
    hit = q(seeds_index, '"return to normality"', "--kind", "quote", "--json").json()["hits"][0]
    r = run_cli("show", hit["id"], "--context", "1", "--index", str(seeds_index))
    assert "[A return to normality" in r.stdout and "The Christian Science Monitor" in r.stdout
    view = json.loads(run_cli("show", hit["id"], "--context", "1", "--json", "--index", str(seeds_index)).stdout)
    assert len(view["paragraphs"]) == 3 and view["quote"]["id"] == hit["id"]


def test_schema_prints_the_json_schema_of_the_result(seeds_index):
    schema = json.loads(run_cli("schema", "result").stdout)
    assert set(SearchResult.model_fields) <= set(schema["properties"])


def test_the_words_of_an_unquoted_query_are_joined(seeds_index):
    # 'search query return to normality' as a user types it: the same as the quoted query
    joined = q(seeds_index, "return", "to", "normality", "--limit", "1", "--json")
    quoted = q(seeds_index, "return to normality", "--limit", "1", "--json")
    assert joined.exit_code == 0 and joined.json()["hits"] == quoted.json()["hits"]
    assert joined.json()["hits"][0]["speaker"] == "Fyodor Lukyanov"
