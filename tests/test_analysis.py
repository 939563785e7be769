"""The fused text analyzer gives exactly the tokens of the Whoosh chain it replaces."""

from __future__ import annotations

import json
import pickle

import pytest
from conftest import ROOT
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.support.charset import accent_map

from search.backend.whoosh.analysis import NewsAnalyzer
from search.backend.whoosh.schema import TEXT_ANALYZER

CHAIN = StemmingAnalyzer(stoplist=None) | CharsetFilter(accent_map)
ODD = "Ms. Lukyanov’s “Return to normality” — U.S. talks, 3.5% e-mails naïve café Größe 2025-02-18 isn't I a"


def tokens(analyzer, text: str, **kwargs) -> list[tuple]:
    fields = ("text", "pos", "startchar", "endchar", "boost", "original", "stopped")
    return [tuple(getattr(t, f, None) for f in fields) for t in analyzer(text, **kwargs)]


def corpus_texts(polnear_slice) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with open(polnear_slice, encoding="utf-8") as fh:
        return seeds + [json.loads(line)["text"] for line in fh] + [ODD]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"positions": True, "chars": True, "mode": "index"},
        {"positions": True, "chars": True, "start_pos": 7, "start_char": 100, "keeporiginal": True},
        {"mode": "query"},
        {"no_morph": True, "positions": True},  # how Whoosh collects spelling words
    ],
)
def test_same_tokens_as_whoosh_chain_on_real_articles(polnear_slice, kwargs):
    texts = corpus_texts(polnear_slice)
    ours = NewsAnalyzer()
    assert sum(len(tokens(CHAIN, t, **kwargs)) for t in texts) > 20_000
    for text in texts:
        assert tokens(ours, text, **kwargs) == tokens(CHAIN, text, **kwargs)


@pytest.mark.parametrize("word", ["Negotiations", "naïve", "U.S", "Lukyanov", "running"])
def test_untokenized_values_match_too(word):
    for no_morph in (False, True):
        assert tokens(NewsAnalyzer(), word, tokenize=False, no_morph=no_morph, chars=True) == tokens(CHAIN, word, tokenize=False, no_morph=no_morph, chars=True)


def test_pickles_without_its_memo_and_is_the_schema_analyzer():
    analyzer = NewsAnalyzer()
    list(analyzer("Talks about talking"))
    assert analyzer._memo and len(pickle.dumps(analyzer)) < 200
    again = pickle.loads(pickle.dumps(analyzer))
    assert again == analyzer and tokens(again, ODD) == tokens(CHAIN, ODD)
    assert isinstance(TEXT_ANALYZER, NewsAnalyzer) and TEXT_ANALYZER.has_morph()


@pytest.mark.parametrize("field_boost", [1.0, 2.0])
def test_postings_are_byte_for_byte_those_of_whoosh_positions(polnear_slice, field_boost):
    from whoosh.formats import Positions

    from search.backend.whoosh.analysis import NewsPositions

    ours, theirs = NewsPositions(field_boost=field_boost), Positions(field_boost=field_boost)
    for text in corpus_texts(polnear_slice):
        mine = list(ours.word_values(text, NewsAnalyzer(), mode="index"))
        assert mine == list(theirs.word_values(text, CHAIN, mode="index"))  # in the same order: the last value is the spelling postings'
        assert all(theirs.decode_positions(v) for _, _, _, v in mine)


def test_schema_text_fields_use_the_fast_format():
    from search.backend.whoosh.analysis import NewsPositions
    from search.backend.whoosh.schema import make_schema

    schema = make_schema()
    assert all(isinstance(schema[name].format, NewsPositions) for name in ("text", "title", "description"))
    assert schema["title"].format.field_boost == 2.0


def test_spelling_words_are_whoosh_spellable_words(polnear_slice):
    from whoosh.fields import TEXT

    from search.backend.whoosh.analysis import NewsAnalyzer

    theirs = TEXT(analyzer=CHAIN, spelling=True)
    ours = NewsAnalyzer()
    for text in corpus_texts(polnear_slice):
        assert sorted(set(ours.words(text, no_morph=True))) == list(theirs.spellable_words(text))
        assert sorted(ours.spelling_words(text)) == list(theirs.spellable_words(text))


def test_a_text_split_once_for_terms_and_spelling_never_lends_its_words_to_another(polnear_slice):
    """The analyzer remembers the last text it split (an article's terms, then its spelling
    words); texts asked for in any order, equal texts included, get their own words."""
    texts = corpus_texts(polnear_slice)[:40]
    fresh = [(NewsAnalyzer().words(t), NewsAnalyzer().spelling_words(t)) for t in texts]
    ours = NewsAnalyzer()
    for i, text in enumerate(texts):
        other = texts[-1 - i]
        assert ours.words(text) == fresh[i][0]
        assert ours.spelling_words(other) == fresh[-1 - i][1]
        assert ours.spelling_words(text) == fresh[i][1]
        assert ours.words("".join(text)) == fresh[i][0]  # an equal string, another object


def test_the_schema_pickles_under_the_names_indexes_hold():
    """Every index's table of contents names the analyzer and the posting format
    `search.analysis.*`: written so now, and read back from an index written so before."""
    from search.backend.whoosh.schema import make_schema

    data = pickle.dumps(make_schema(), protocol=2)  # Whoosh's table of contents pickles with protocol 2
    assert b"csearch.analysis\nNewsAnalyzer" in data and b"csearch.analysis\nNewsPositions" in data
    assert b"backend" not in data
    schema = pickle.loads(data)
    assert isinstance(schema["text"].analyzer, NewsAnalyzer) and schema["text"].analyzer.words("Talks") == ["talk"]
