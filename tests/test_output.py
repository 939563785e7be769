"""Output formats and snippets, on real quote text."""

from __future__ import annotations

from search.backend.whoosh.schema import TEXT_ANALYZER
from search.models import FacetCount, Hit
from search.output.formats import to_csv
from search.output.text import facet_text, highlight, hit_text
from search.query.snippets import make_snippet, term_of

QUOTE = "A return to normality doesn’t sound like a big deal, but it’s actually a momentous development,"
analyse = term_of(TEXT_ANALYZER)


def test_snippet_marks_stemmed_matches_in_a_short_quote():
    snippet, spans = make_snippet(QUOTE, {"normal", "develop"}, analyse)
    assert snippet == QUOTE
    assert [snippet[s:e] for s, e in spans] == ["normality", "development"]


def test_snippet_of_a_long_text_is_a_window_around_the_matches():
    text = "Filler words about nothing much. " * 40 + QUOTE + " More filler follows here. " * 40
    snippet, spans = make_snippet(text, {"normal"}, analyse)
    assert len(snippet) < 300 and snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[s:e] for s, e in spans] == ["normality"]


def test_highlight_is_plain_brackets_without_colour_and_ansi_with():
    assert highlight(QUOTE, [(2, 8)], color=False).startswith("A [return] to")
    assert "\x1b[" in highlight(QUOTE, [(2, 8)], color=True)


def test_facet_bars_scale_to_the_largest_count():
    counts = [FacetCount(value="nyt", count=10).model_dump(mode="json"), FacetCount(value="politico", count=5).model_dump(mode="json")]
    text = facet_text("source", counts, color=False, width=20, values=7)
    lines = text.splitlines()
    assert lines[0] == "source (top 2 of 7)"
    assert lines[1].count("█") == 20 and lines[2].count("█") == 10


def test_csv_rows_flatten_lists():
    hit = Hit(id="a#q1", doc_kind="quote", article_id="a", text=QUOTE, snippet=QUOTE, highlights=[(2, 8), (12, 21)])
    out = to_csv([hit], Hit)
    assert out.splitlines()[0].startswith("id,doc_kind,article_id") and "[2, 8]; [12, 21]" in out


def test_hit_text_shows_speaker_source_date_and_id():
    hit = Hit(id="a#q1", doc_kind="quote", article_id="a", speaker="Fyodor Lukyanov", quote_kind="direct", source="CSM", text=QUOTE)
    out = hit_text(1, hit.model_dump(mode="json"), color=False)
    assert "Fyodor Lukyanov (direct) — CSM, undated" in out and "id: a#q1" in out
