"""The query language and forgiveness: what the user typed -> what the engine searches."""

from __future__ import annotations

import datetime as dt

import pytest

from search.api import Index
from search.backend.whoosh.query import compile_tree
from search.dates import parse_period
from search.errors import DateError, QuerySyntaxError
from search.query.names import match_source, match_speaker
from search.query.parser import parse
from search.query.suggest import suggest


@pytest.fixture(scope="module")
def seeds(seeds_index):
    with Index.open(seeds_index) as ix:
        yield ix


@pytest.mark.parametrize(
    "typed, first, last",
    [
        ("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
        ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
        ("2025-02-18", dt.date(2025, 2, 18), dt.date(2025, 2, 18)),
    ],
)
def test_a_date_names_a_whole_period(typed, first, last):
    assert parse_period(typed) == (first, last)


@pytest.mark.parametrize("typed", ["2025-13-45", "2025-02-30", "18/02/2025", "yesterday", ""])
def test_impossible_or_unreadable_dates_are_refused(typed):
    with pytest.raises(DateError):
        parse_period(typed)


@pytest.mark.parametrize(
    "text, says",
    [('"return to', "unclosed quote"), ("date:[2025 TO", "unclosed '['"), ("(Putin OR Trump", "unclosed '('"), ("Putin)", "unmatched ')'"),
     ("colour:red", "unknown field 'colour:'"), ("Trump AND", "'AND' needs a term")],
)  # fmt: skip
def test_malformed_queries_say_what_is_wrong_and_show_a_working_form(text, says):
    with pytest.raises(QuerySyntaxError) as err:
        parse(text)
    assert says in str(err.value)
    assert "write it as" in str(err.value) or "e.g." in str(err.value) or "close the phrase" in str(err.value)


def test_a_phrase_may_hold_operators_and_colons():
    parse('"AND" OR "speaker: none"')  # no error


@pytest.mark.parametrize("typed", ["Lukyanov", "lukyanov", "LUKYANOV", "Mr. Lukyanov", "Fyodor Lukyanov", "Lukyánov"])
def test_speaker_names_are_matched_forgivingly(seeds, typed):
    assert match_speaker(seeds.backend, typed).values == ["Fyodor Lukyanov"]


def test_a_misspelt_speaker_is_found_and_the_note_says_so(seeds):
    m = match_speaker(seeds.backend, "Lukianov")
    assert m.values == ["Fyodor Lukyanov"]
    assert "Lukianov" in m.note and "Fyodor Lukyanov" in m.note


def test_a_surname_shared_by_several_speakers_searches_all_and_names_them(mixed):
    book_names = [n for n in mixed.speakers(limit=None) if n.name.split()[-1:] == ["Clinton"]]
    assert len(book_names) > 1, "the PolNeAR slice quotes more than one Clinton"
    m = match_speaker(mixed.backend, "Clinton")
    assert {s.name for s in book_names} <= set(m.values)
    assert "matches" in m.note and book_names[0].name in m.note


@pytest.mark.parametrize("typed", ["wsj", "WSJ", "Wall Street Journal", "the wall street journal"])
def test_sources_are_matched_by_name_and_short_form(seeds, typed):
    assert match_source(seeds.backend, typed).values == ["The Wall Street Journal"]


def test_an_unknown_source_lists_the_ones_the_index_has(seeds):
    m = match_source(seeds.backend, "Le Monde")
    assert m.values == [] and "The Christian Science Monitor" in m.note


def test_did_you_mean_fixes_the_misspelt_word_and_keeps_the_rest(seeds):
    fixed = suggest(seeds.backend, 'Ukriane speaker:lukyanov "return to normality"')
    assert fixed == 'Ukraine speaker:lukyanov "return to normality"'


def test_did_you_mean_is_silent_when_every_word_is_known(seeds):
    assert suggest(seeds.backend, "Ukraine AND Putin") is None


@pytest.mark.parametrize(
    "text, fragment",
    [("date:2025-02", "date:[2025-02-01 TO 2025-02-28]"), ("date:[2025-01 TO 2025-03]", "date:[2025-01-01 TO 2025-03-31]"),
     ('"return to normality"', '"return to normal"'), ("negotiat*", "negotiat*")],
)  # fmt: skip
def test_the_query_as_understood_reads_like_the_query_language(seeds, text, fragment):
    assert fragment in seeds.search(text, limit=0).query


def test_query_date_ranges_select_by_date(mixed):
    everything = mixed.search("", limit=0).total
    inside = mixed.search("date:[2015-11-01 TO 2015-11-10]", limit=10_000, snippets=False)
    assert 0 < inside.total < everything
    assert all(dt.date(2015, 11, 1) <= h.date <= dt.date(2015, 11, 10) for h in inside.hits)
    same = mixed.search("", since="2015-11-01", until="2015-11-10", limit=0)
    assert same.total == inside.total


def test_speaker_field_in_the_query_means_the_same_as_the_option(seeds):
    a = seeds.search("speaker:lukyanov", limit=100)
    b = seeds.search("", speakers=["lukyanov"], limit=100)
    assert {h.id for h in a.hits} == {h.id for h in b.hits} and a.total > 0


@pytest.mark.parametrize("text", ["kind:banana", "type:shouted", "date:2025-13"])
def test_bad_values_for_known_fields_are_refused(seeds, text):
    with pytest.raises(QuerySyntaxError):
        seeds.search(text)


def test_fuzzy_terms_share_the_first_letter_unless_told_otherwise(seeds):
    def parsed(text):
        return compile_tree(parse(text).tree, seeds.backend.schema)

    fuzzy = [q for q in parsed("Lukianov~").leaves() if q.fieldname == "text"][0]
    assert (fuzzy.maxdist, fuzzy.prefixlength) == (1, 1)
    fuzzy = [q for q in parsed("Lukianov~2/3").leaves() if q.fieldname == "text"][0]
    assert (fuzzy.maxdist, fuzzy.prefixlength) == (2, 3)


def test_a_fuzzy_term_finds_and_highlights_the_close_spellings(mixed):
    result = mixed.search("Clintn~", limit=5)
    assert result.total > 0
    assert all(any(h.snippet[s:e].lower().startswith("clint") for s, e in h.highlights) for h in result.hits)
