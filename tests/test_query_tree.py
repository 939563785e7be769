"""The query language parsed into our own tree, and compiled for Whoosh: the README's syntax
reads as it always did, Whoosh's own parser is the reference for what each query means,
and what Whoosh got wrong is refused with one line."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, MultifieldParser

from search.backend.whoosh.query import compile_tree, describe
from search.backend.whoosh.schema import make_schema
from search.errors import QuerySyntaxError
from search.query.language import DEFAULT_FIELDS, FIELD_ALIASES, FIELD_BOOSTS, MAX_DEPTH, MAX_QUERY_CHARS, MAX_TERMS
from search.query.parser import parse
from search.query.tree import And, AndMaybe, AndNot, DateRange, Every, Fuzzy, Not, Or, Phrase, Prefix, Range, Wildcard, Word, simplify

SCHEMA = make_schema()


def tree(text):
    return parse(text).tree


# ---------------------------------------------------------------------------------------
# The tree


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ukraine", Word("Ukraine")),
        ('"return to normality"', Phrase("return to normality")),
        ("Putin AND NOT Trump", And((Word("Putin"), Not(Word("Trump"))))),
        ("(Cruz OR Rubio) AND debate", And((Or((Word("Cruz"), Word("Rubio"))), Word("debate")))),
        ("negotiat*", Prefix("negotiat")),
        ("Lukianov~", Fuzzy("Lukianov")),
        ("Lukianov~2/3", Fuzzy("Lukianov", edits=2, prefix=3)),
        ("Tr?mp", Wildcard("Tr?mp")),
        ("speaker:lukyanov", Word("lukyanov", "speaker")),
        ('speaker:"Mr. Markov"', Phrase("Mr. Markov", "speaker")),
        ("who:lukyanov type:direct outlet:wsj", And((Word("lukyanov", "speaker"), Word("direct", "quote_kind"), Word("wsj", "source")))),
        ("date:2016-03", DateRange(dt.date(2016, 3, 1), dt.date(2016, 3, 31))),
        ("date:[2016-01 TO 2016-03]", DateRange(dt.date(2016, 1, 1), dt.date(2016, 3, 31))),
        ("title:(a OR b)", Or((Word("a", "title"), Word("b", "title")))),
        ('"a b"~3', Phrase("a b", slop=3)),
        ("'new york'", Word("new york")),
        ("title:[a TO c]", Range("a", "c", "title")),
        ("*", Every()),
    ],
)
def test_the_readme_syntax_parses_into_the_tree(text, expected):
    assert tree(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # NOT binds tightest, then AND, then OR; words side by side must all be there
        ("a b OR c", And((Word("a"), Or((Word("b"), Word("c")))))),
        ("a AND b OR c", Or((And((Word("a"), Word("b"))), Word("c")))),
        ("a OR b AND c", Or((Word("a"), And((Word("b"), Word("c")))))),
        ("a ANDNOT b OR c", AndNot(Word("a"), Or((Word("b"), Word("c"))))),
        ("a ANDMAYBE b", AndMaybe(Word("a"), Word("b"))),
        ("NOT NOT a", Not(Not(Word("a")))),
        ("a and b", And((Word("a"), Word("and"), Word("b")))),  # lower case: a word
    ],
)
def test_operators_bind_as_whoosh_binds_them(text, expected):
    assert tree(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("date:>2016", DateRange(dt.date(2017, 1, 1), None)),  # after 2016, not from its start
        ("date:>=2016-03", DateRange(dt.date(2016, 3, 1), None)),
        ("date:<2016", DateRange(None, dt.date(2015, 12, 31))),
        ("date:<=2016-02", DateRange(None, dt.date(2016, 2, 29))),
        ("date:{2016-01 TO 2016-03}", DateRange(dt.date(2016, 2, 1), dt.date(2016, 2, 29))),
        ("date:[2016-03 TO 2016]", DateRange(dt.date(2016, 3, 1), dt.date(2016, 12, 31))),  # Whoosh: AttributeError
        ("date:[TO 2016]", DateRange(None, dt.date(2016, 12, 31))),
    ],
)
def test_date_comparisons_and_ranges_are_whole_days(text, expected):
    assert tree(text) == expected


def test_star_alone_or_beside_words_means_every_document():
    assert simplify(tree("*")) == Every()
    assert simplify(tree("* AND kind:quote")) == Word("quote", "kind")
    assert simplify(tree("Trump OR *")) == Every()


def test_a_fuzzy_term_is_capped_at_two_edits_and_says_so():
    parsed = parse("Republican~9")
    assert parsed.tree == Fuzzy("Republican", edits=2)
    assert parsed.notes == ["Republican~9: a fuzzy term allows at most 2 edits; searched Republican~2"]


# ---------------------------------------------------------------------------------------
# What is refused, with one line that says what is wrong


@pytest.mark.parametrize(
    "text, says",
    [
        ("<a", "compare a field with a value"),  # Whoosh: IndexError
        ("a (>)", "compare a field with a value"),  # Whoosh: NotImplementedError
        ("Trump~1/9", "the letters that must match (9) are more than the word has (5)"),  # Whoosh: IndexError
        ("a ANDMAYBE ANDMAYBE b", "'ANDMAYBE' needs a term on each side"),  # Whoosh: AssertionError
        ("Trump \udcff", "not text (at column 7)"),  # Whoosh: UnicodeEncodeError
        ("(" * 200 + "a" + ")" * 200, f"more than {MAX_DEPTH} deep"),  # Whoosh: RecursionError at 1,000
        ("NOT " * 100 + "a", f"more than {MAX_DEPTH} deep"),
        ("a" * (MAX_QUERY_CHARS + 1), f"the most is {MAX_QUERY_CHARS:,}"),
        (" ".join(f"w{i}" for i in range(MAX_TERMS + 1)), f"the most is {MAX_TERMS}"),
        ("speaker: lukyanov", "'speaker:' needs a value right after the colon"),
        ("date:0000", "year 0 is out of range"),
        ("date:[2016-05 TO 2016-02]", "its start is after its end"),
        ("date:yesterday", "bad date in query"),
        ("date:2016*", "date: takes a date or a range"),
        ("title:[a b]", "a range needs TO"),
        ('""', "empty phrase"),
        ("()", "empty parentheses"),
        ("NOT", "'NOT' needs a term after it"),
        ("OR a", "'OR' needs a term on each side"),
        ('"a b"~0', "lets 1 to 100 words"),
    ],
)
def test_what_whoosh_crashed_on_or_misread_is_refused_in_one_line(text, says):
    with pytest.raises(QuerySyntaxError) as err:
        parse(text)
    message = str(err.value)
    assert says in message and "\n" not in message and len(message) < 300


def test_field_aliases_are_the_ones_help_names():
    assert {"speaker", "who", "source", "outlet", "type", "class", "date", "kind"} <= set(FIELD_ALIASES)


# ---------------------------------------------------------------------------------------
# Whoosh's own parser is the reference: the same text gives the same Whoosh query


class _Prefix1Fuzzy(FuzzyTermPlugin):
    """`word~` shares its first letter unless told otherwise (as the search does)."""

    def create(self, parser, match):
        node = super().create(parser, match)
        if not match.group("prefix"):
            node.prefixlength = 1
        return node


def _whoosh(text):
    parser = MultifieldParser(list(DEFAULT_FIELDS), SCHEMA, fieldboosts=FIELD_BOOSTS)
    parser.add_plugin(_Prefix1Fuzzy())
    parser.add_plugin(GtLtPlugin())
    for typed, field in FIELD_ALIASES.items():
        text = re.sub(rf"(?<![\w\\]){typed}:", f"{field}:", text)
    return parser.parse(text)


def _same(q):
    """A query's repr with our bounded classes named as Whoosh's."""
    r = re.sub(r"\bBounded(Prefix|Wildcard)\b", r"\1", repr(q))
    return re.sub(r"\bBoundedFuzzyTerm\b", "FuzzyTerm", r)


REFERENCE_QUERIES = [
    # README, `search query --help`, the tests and bench.queries
    "Ukraine", '"Wall Street"', '"return to normality"', "return to normality", "Putin AND NOT Trump", "(Cruz OR Rubio) AND debate",
    "negotiat*", "Lukianov~", "Lukianov~2/3", "speaker:lukyanov", 'speaker:"Mr. Markov"', "source:wsj", 'source:"Washington Post"',
    "kind:quote", "type:direct", "title:debate", "author:Virgil", "emails AND speaker:trump", "Clinton Benghazi", "Sandrs~",
    '"make America great again"', '"Supreme Court" AND nominee', "said OR says", '"said that" OR says', "Clintn", "class:stance",
    # words that analyse to several terms, and other corners the reference settles
    "U.S.-Russia talks", "Trump's", "'new york' x", "a b OR c", "a OR b c", "NOT a", "a NOT b", "a ANDNOT b OR c", "a ANDMAYBE b",
    '"a b"~3', "10:30", "text:[a TO c]", "speaker:luk*", "a (b c)", '"return"', "title:(a OR b)", "title:(a b)", "-a +b", "a*b",
    "Trump~0", "naïve", "*a*", "?a*", "negotiations*", "Clintons~", "Ménage*", "speaker:(Cruz OR Rubio)", "a OR NOT b", "Trump~/2",
    "title:debate^2", "(a AND b) OR (c AND d)", "a AND b OR c AND d", '"AND" OR "speaker: none"', "Putin—Trump", "“quoted” words",
    "description:adviser", "id:000_754b0dd6de0764fd.txt#q5", "who:lukyanov", "outlet:wsj", "(a OR (b AND (c OR d)))", "NOT a AND b",
]  # fmt: skip


@pytest.mark.parametrize("text", REFERENCE_QUERIES)
def test_the_tree_compiles_to_what_whooshs_parser_made(text):
    ours = compile_tree(tree(text), SCHEMA)
    assert _same(ours) == _same(_whoosh(text))
    assert describe(ours) == describe(_whoosh(text))


def test_dates_compile_to_the_day_ranges_whoosh_searched():
    q = compile_tree(tree("date:[2016-01 TO 2016-03]"), SCHEMA)
    assert isinstance(q, wq.DateRange)
    assert describe(q) == "date:[2016-01-01 TO 2016-03-31]"
    assert describe(compile_tree(tree("date:2025-02-18"), SCHEMA)) == "date:2025-02-18"


def test_a_boost_stays_on_what_it_follows():
    """Whoosh's parser let `U.S.^2 OR x` boost x too (the OR joined the word's field group)."""
    q = compile_tree(tree("Trump^2 OR Clinton"), SCHEMA)
    assert isinstance(q, wq.Or) and q.boost == 1.0
    assert {sub.boost for sub in q.subqueries if sub.text == "clinton"} == {1.0, 1.5}
