"""The foundation issue's promises, checked the way a user runs them: the CLI on the seeds."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import GOLD, SEEDS, needs_shared, run_cli, run_process

from search.models import SearchResult


def gold_quotes(speaker: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in (GOLD / "seeds-quotes.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if speaker is None or r["speaker"] == speaker]


def norm(text: str) -> str:
    """Compare quotes without caring about curly or straight marks and spacing."""
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def found_in(gold_start: str, texts: list[str]) -> bool:
    """A gold quote is found when a hit's text holds its first words. A hit may hold more: a
    split quote's pieces are one record, a partial quote comes with its reported clause."""
    return any(norm(gold_start) in norm(t) for t in texts)


def query(index, *args) -> tuple[int, SearchResult | None, str]:
    r = run_cli("query", *args, "--json", "--limit", "100", "--index", str(index))
    return r.exit_code, SearchResult.model_validate_json(r.stdout) if r.stdout.strip() else None, r.stderr


def test_phrase_finds_lukyanov_with_source_and_date(seeds_index):
    code, result, _ = query(seeds_index, '"return to normality"')
    assert code == 0
    quotes = [h for h in result.hits if h.doc_kind == "quote"]
    assert quotes, "the quote itself must be a hit, not only the article"
    hit = quotes[0]
    assert hit.text.startswith("A return to normality")
    assert hit.speaker == "Fyodor Lukyanov"
    assert hit.source == "The Christian Science Monitor"
    assert hit.date.isoformat() == "2025-02-18"
    assert hit.speaker_description == "editor of Russia in Global Affairs, a Moscow-based foreign policy journal"


@needs_shared(GOLD)
@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("lukyanov", "Fyodor Lukyanov"), ("Mr. Markov", "Sergei Markov"), ("Lavrov", "Sergei Lavrov"), ("LUKYANOV", "Fyodor Lukyanov")],
)
def test_speaker_search_lists_that_speakers_gold_quotes_and_no_one_elses(seeds_index, typed, canonical):
    code, result, _ = query(seeds_index, "--speaker", typed, "--kind", "quote")
    assert code == 0
    assert {h.speaker for h in result.hits} == {canonical}
    assert result.total == len(result.hits)
    texts = [h.text for h in result.hits]
    for g in gold_quotes(canonical):
        assert found_in(g["quote_starts"], texts), f"missing gold quote {g['quote_starts']!r}"


@needs_shared(GOLD)
def test_lukyanov_has_his_four_quoted_statements_plus_reported_speech(seeds_index):
    _, result, _ = query(seeds_index, "--speaker", "lukyanov", "--kind", "quote")
    quoted = [h.text for h in result.hits if h.quote_kind in ("direct", "partial")]
    gold = [g for g in gold_quotes("Fyodor Lukyanov") if g["kind"] in ("direct", "partial")]
    assert len(gold) == 4
    assert all(found_in(g["quote_starts"], quoted) for g in gold)
    indirect = [h.text for h in result.hits if h.quote_kind == "indirect"]
    assert any(found_in(g["quote_starts"], indirect) for g in gold_quotes("Fyodor Lukyanov") if g["kind"] == "indirect")


def test_lavrov_no_thought(seeds_index):
    _, result, _ = query(seeds_index, "--speaker", "Lavrov")
    assert [h.quote_kind for h in result.hits if found_in("no thought", [h.text])] == ["partial"]


def test_facets_agree_with_the_hits_and_round_trip(seeds_index):
    r = run_cli("query", "Ukraine", "--facet", "source", "--facet", "speaker", "--json", "--limit", "1000", "--index", str(seeds_index))
    assert r.exit_code == 0
    raw = json.loads(r.stdout)
    result = SearchResult.model_validate(raw)
    assert result.total == len(result.hits) > 0
    by_source = Counter(h.source for h in result.hits)
    by_speaker = Counter(h.speaker or "(no speaker)" for h in result.hits if h.doc_kind == "quote")
    assert {f.value: f.count for f in result.facets["source"]} == dict(by_source)
    assert {f.value: f.count for f in result.facets["speaker"]} == dict(by_speaker)
    # and facets count every match, not only the page shown
    r2 = run_cli("query", "Ukraine", "--facet", "source", "--json", "--limit", "1", "--index", str(seeds_index))
    small = SearchResult.model_validate_json(r2.stdout)
    assert len(small.hits) == 1 and small.total == result.total
    assert small.facets["source"] == result.facets["source"]


def test_nothing_after_the_talks_exits_1(seeds_index):
    r = run_cli("query", "Ukraine", "--since", "2025-03-01", "--index", str(seeds_index))
    assert r.exit_code == 1
    assert "nothing matched" in (r.stdout + r.stderr).lower()


def test_reindexing_never_duplicates(tmp_path):
    first = run_cli("index", str(SEEDS), "--index", str(tmp_path), "--json")
    again = run_cli("index", str(SEEDS), "--index", str(tmp_path), "--json")
    assert first.exit_code == again.exit_code == 0
    stats = json.loads(run_cli("stats", "--json", "--index", str(tmp_path)).stdout)
    assert stats["articles"] == 2
    assert stats["quotes"] == json.loads(first.stdout)["quotes"] > 0


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["query", "date:[2025 TO"], "unclosed '['"),
        (["query", "Ukraine", "--since", "2025-13-45"], "no month 13"),
        (["query", "Ukraine", "--since", "2025-02-30"], "28 days"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(seeds_index, args, expect):
    r = run_process(*args, "--index", str(seeds_index))
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert expect in r.stderr


def test_no_index_says_how_to_build_one(tmp_path):
    r = run_process("query", "Ukraine", "--index", str(tmp_path / "nowhere"))
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert "search index" in r.stderr


def test_missing_input_path_is_reported(tmp_path):
    r = run_process("index", str(tmp_path / "no-such-folder"), "--index", str(tmp_path / "ix"))
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert "no-such-folder" in r.stderr


def test_binary_and_non_utf8_files_are_named_and_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "latin1.txt").write_bytes("Le ministre a déclaré « non ».".encode("latin-1"))
    r = run_process("index", str(corpus), "--index", str(tmp_path / "ix"))
    assert r.exit_code == 0, r.stderr
    assert "image.txt" in r.stderr and "latin1.txt" in r.stderr
    stats = json.loads(run_cli("stats", "--json", "--index", str(tmp_path / "ix")).stdout)
    assert stats["articles"] == 2


def test_extract_prints_quotes_with_offsets_into_the_given_text(tmp_path, polnear_slice):
    """`search extract` needs no index; for JSON Lines input `text[start:end]` is the quote."""
    from search.models import Quote

    records = {json.loads(line)["id"]: json.loads(line)["text"] for line in polnear_slice.read_text(encoding="utf-8").splitlines()[:10]}
    small = tmp_path / "ten.jsonl"
    small.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in records.items()), encoding="utf-8")
    r = run_cli("extract", str(small), "--jsonl")
    assert r.exit_code == 0
    quotes = [Quote.model_validate_json(line) for line in r.stdout.splitlines()]
    assert len(quotes) > 10 and {q.article_id for q in quotes} <= set(records)
    assert {q.kind for q in quotes} >= {"direct", "indirect"}
    for q in quotes:
        text = records[q.article_id]
        pieces = [(p.start, p.end) for p in q.pieces] or [(q.start, q.end)]
        assert q.text == " … ".join(text[s:e] for s, e in pieces)
        assert (q.start, q.end) == (pieces[0][0], pieces[-1][1])
        assert q.speaker_type in (None, "person", "organisation", "group", "unnamed")
