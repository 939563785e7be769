"""Hostile and unlucky queries (issue 19, items 1 and 2): every query answers or is refused
with one line and exit 2, in bounded time; none is a bug (exit 3) and none hangs."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

import search.backend.whoosh.query as whoosh_query
from search.api import Index
from search.errors import QueryTooBroadError, SearchError, SearchTimeoutError
from search.query import budget
from search.query.suggest import SUGGEST_WORDS, suggest


@pytest.fixture(scope="module")
def seeds(seeds_index):
    with Index.open(seeds_index) as ix:
        yield ix


def q(index, *args):
    return run_cli("query", *args, "--index", str(index))


@pytest.mark.parametrize(
    "args, says",
    [
        (["<a"], "compare a field with a value"),
        (["Trump~1/9"], "letters that must match"),
        (["Trump", "--since", "0000"], "year 0 is out of range"),
        (["a (>)"], "compare a field with a value"),
        (["Trump \udcff"], "not text"),
        (["Ukraine", "--speaker", "Lukyanov\udcff"], "--speaker holds bytes that are not text"),
        (["a ANDMAYBE ANDMAYBE b"], "needs a term on each side"),
        (["(" * 1000 + "Trump" + ")" * 1000], "characters long"),
        (["(" * 500 + "Trump" + ")" * 500], "deep"),
        (["Trump", "--limit", "-1"], "-1 is not in the range"),
        (["Trump", "--since", ""], "not a date: ''"),
        (["a" * 100_000], "the most is 2,000"),
    ],
)
def test_what_exited_3_or_misled_now_exits_2_with_one_line(seeds_index, args, says):
    r = q(seeds_index, *args)
    assert r.exit_code == 2, r.stderr
    assert says in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_a_range_whoosh_could_not_read_is_answered(mixed):
    result = mixed.search("date:[2015-11 TO 2015]", limit=0)
    same = mixed.search("", since="2015-11", until="2015", limit=0)
    assert result.total == same.total > 0


def test_a_bad_id_for_show_exits_2(seeds_index):
    r = run_cli("show", "x\udcff", "--index", str(seeds_index))
    assert r.exit_code == 2 and "not text" in r.stderr


def test_star_means_every_document_like_no_text(mixed):
    star, nothing = mixed.search_json("*", limit=5), mixed.search_json("", limit=5)
    assert star["total"] == nothing["total"] == mixed.stats().articles + mixed.stats().quotes
    assert [h["id"] for h in star["hits"]] == [h["id"] for h in nothing["hits"]] and star["query"] == nothing["query"] == "*"
    assert mixed.search("* AND kind:quote", limit=0).total == mixed.search("", kind="quote", limit=0).total


def test_fuzzy_edits_are_capped_at_two_with_a_note(mixed):
    capped, two = mixed.search("Clintn~9", limit=3), mixed.search("Clintn~2", limit=3)
    assert capped.total == two.total > 0 and [h.id for h in capped.hits] == [h.id for h in two.hits]
    assert any("at most 2 edits" in n for n in capped.notes)


def test_a_wildcard_standing_for_too_many_words_is_refused(mixed, monkeypatch):
    with pytest.raises(QueryTooBroadError, match="'\\*a\\*' stands for more than 1,000 indexed words"):
        mixed.search("*a*")
    assert mixed.search("negotiat*", limit=0).total > 0
    monkeypatch.setattr(whoosh_query, "MAX_EXPANSIONS", 5)
    for text in ("*a*", "?a*", "a*", "speaker:*a*"):
        with pytest.raises(QueryTooBroadError, match="stands for more than 5 indexed words"):
            mixed.search(text)


def test_a_wide_prefix_matches_the_union_of_its_words(mixed, monkeypatch):
    """Past UNION_AFTER words a prefix reads their documents at once (constant score):
    the same documents as Whoosh's OR of the words."""
    wide = {h.id for h in mixed.search("c*", limit=10_000, snippets=False).hits}
    monkeypatch.setattr(whoosh_query, "UNION_AFTER", 10**9)
    assert wide == {h.id for h in mixed.search("c*", limit=10_000, snippets=False).hits} and len(wide) > 100


def test_a_date_range_in_the_query_reads_the_date_column(mixed):
    """Matched from the date column: the same documents as Whoosh's OR over every day."""
    ours = mixed.search("date:[2015-11-01 TO 2015-11-10]", limit=10_000, snippets=False)
    searcher = mixed.backend.searcher
    reference = wq.DateRange("date", dt.datetime(2015, 11, 1), dt.datetime(2015, 11, 10, 23, 59, 59, 999999))
    assert {h.id for h in ours.hits} == {searcher.stored_fields(n)["id"] for n in searcher.docs_for_query(reference)} and ours.total > 0


class _Spelling:
    """A searcher stand-in that knows no word and counts the spelling look-ups."""

    def __init__(self):
        self.lookups = 0

    def known_word(self, word):
        return False

    def spellings(self, word, maxdist):
        self.lookups += 1
        return [("trump", 9)]


def test_did_you_mean_looks_up_only_a_few_short_words():
    many = _Spelling()
    assert suggest(many, " ".join(f"zqx{i}vbn" for i in range(100))) is None and many.lookups == 0
    long = _Spelling()
    assert suggest(long, "t" * 8000) is None and long.lookups == 0
    few = _Spelling()
    assert suggest(few, "Trumq") == "Trump" and few.lookups == 1
    assert SUGGEST_WORDS <= 5


def test_a_search_over_its_time_budget_stops_with_a_clear_error(seeds_index):
    with Index.open(seeds_index, budget_seconds=0.0) as ix:
        with pytest.raises(SearchTimeoutError, match="time budget of 0 s"):
            ix.search("Ukraine")


def test_the_cli_says_so_in_one_line(seeds_index, monkeypatch):
    monkeypatch.setattr(budget, "DEFAULT_BUDGET", 0.0)
    r = q(seeds_index, "Ukraine")
    assert r.exit_code == 2 and "time budget" in r.stderr and len(r.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------
# Fuzzing: generated queries, from the language's pieces and from raw text

WORDS = ["Ukraine", "Putin", "return", "normality", "Lukyanov", "U.S.-Russia", "Trump's", "talks", "a", "the", "2025", "é", "Ω"]
FIELDS = ["", "", "", "speaker:", "source:", "title:", "text:", "date:", "kind:", "type:", "class:", "who:", "author:", "colour:", "*:"]
PIECES = ["AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO", "(", ")", '"', "'", "[", "]", "{", "}", "*", "?", "~", "~2", "~9", "~1/9", "^2", "^", ":",
          "<", ">", ">=", "<=", "\\", "-", "+", "2016", "2016-03", "2025-13", "0000", "[2016 TO 2017]", "*:*", "\udcff", "\x00", "\t", "…"]  # fmt: skip


def _leaf():
    word = st.sampled_from(WORDS)
    value = st.one_of(
        word,
        st.builds(lambda w: f'"{w} return"', word),
        st.builds(lambda w: w[:3] + "*", word),
        st.builds(lambda w, d: f"{w}~{d}", word, st.integers(0, 9)),
        st.builds(lambda w: "*" + w[1:3] + "?", word),
        st.sampled_from(["2016", "2016-03", "[2016-01 TO 2016-03]", ">2016", "quote", "direct", "speech"]),
    )
    return st.builds(lambda f, v: f + v, st.sampled_from(FIELDS), value)


_EXPR = st.recursive(
    _leaf(),
    lambda inner: st.one_of(
        st.builds(lambda a, op, b: f"{a} {op} {b}", inner, st.sampled_from(["AND", "OR", "ANDNOT", "ANDMAYBE", "", "AND NOT"]), inner),
        st.builds(lambda a: f"({a})", inner),
        st.builds(lambda a: f"NOT {a}", inner),
    ),
    max_leaves=8,
)
QUERIES = st.one_of(
    _EXPR,
    st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(WORDS)), max_size=12).map(" ".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(WORDS)), max_size=12).map("".join),
    st.text(max_size=40),
)
FUZZ_BUDGET = 2.0  # seconds: a query over it raises SearchTimeoutError, which fails the test


@pytest.fixture(scope="module")
def fuzz_index(seeds_index):
    with Index.open(seeds_index, budget_seconds=FUZZ_BUDGET) as ix:
        yield ix


@settings(max_examples=2_000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=QUERIES)
def test_generated_queries_answer_or_refuse_never_crash_nor_overrun(fuzz_index, text):
    """0 bugs (any exception but a SearchError is an exit 3) and 0 searches over the budget
    (the library's own flag: SearchTimeoutError), over 2,000 generated queries."""
    try:
        fuzz_index.search_json(text, limit=3, facets=["speaker"])
    except SearchTimeoutError:
        raise
    except SearchError as exc:
        assert "\n" not in str(exc)
