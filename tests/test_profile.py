"""Speaker profiles (`search speaker NAME`, `ix.speaker`): which identity a name picks, the
month chart, outlets, descriptions, distinctive words and first and latest quote."""

from __future__ import annotations

import random

import pytest

from search import Index
from search.models import SpeakerProfile
from search.query.keyness import WordCounts, distinctive_terms, g2
from tests.conftest import index_records, run_cli

OTHER_WORDS = (
    "The budget vote is close and the council will meet again next week to talk about roads, schools, taxes, parks, water "
    "and the long list of projects that nobody has paid for yet"
).split()


def _said(text: str, who: str) -> str:
    return f'"{text}," said {who}.'


# Mary Keller talks about broccoli in every quote; nobody else ever says the word. Two
# Kellers make 'Keller' ambiguous. Nothing is dated 2016-02 for Mary: the chart has a zero.
ARTICLES = [
    {
        "id": "jan-1",
        "title": "Farm aid",
        "source": "nyt",
        "date": "2016-01-05",
        "text": "\n\n".join(
            [
                _said("Broccoli growers need help before the spring planting", "Mary Keller, a state senator"),
                _said("The roads budget is a mess and the schools need money", "Tom Baker, a county official"),
                _said("We will fund the parks and the water projects next year", "Ann Price, the mayor"),
            ]
        ),
    },
    {
        "id": "feb-1",
        "title": "Council",
        "source": "wsj",
        "date": "2016-02-10",
        "text": "\n\n".join(
            [
                _said("The council will meet again next week about the taxes", "John Keller, a council member"),
                _said("Nobody has paid for the long list of projects yet", "Tom Baker, a county official"),
                _said("The budget vote is close and the schools are waiting", "Ann Price, the mayor"),
            ]
        ),
    },
    {
        "id": "mar-1",
        "title": "Broccoli bill",
        "source": "wsj",
        "date": "2016-03-03",
        "text": "\n\n".join(
            [
                _said("The broccoli bill passed because broccoli farmers asked for it", "Mary Keller, the Senate majority leader"),
                _said("The water projects will cost more than the roads this year", "Tom Baker, a county official"),
            ]
        ),
    },
    {
        "id": "mar-2",
        "title": "Spring",
        "source": "nyt",
        "date": "2016-03-20",
        "text": "\n\n".join(
            [
                _said("Every family should eat broccoli grown in this state", "Mary Keller, a state senator"),
                _said("The parks and the schools will open again in April", "Ann Price, the mayor"),
                _said("Taxes will not go up while the budget vote is close", "John Keller, a council member"),
            ]
        ),
    },
]


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> str:
    return str(index_records(ARTICLES, tmp_path_factory.mktemp("profile")))


def profile(index: str, *args: str) -> SpeakerProfile:
    run = run_cli("speaker", *args, "--json", "--index", index)
    assert run.exit_code == 0, run.stderr
    return SpeakerProfile.model_validate(run.json())


def test_a_full_name_picks_the_identity_and_the_profile_counts_its_quotes(index):
    p = profile(index, "Mary", "Keller")  # words of the name without quotes: one name
    assert (p.id, p.name, p.speaker_type, p.quotes, p.articles) == ("mary-keller", "Mary Keller", "person", 3, 3)
    assert [(n.value, n.count) for n in p.names] == [("Mary Keller", 3)]
    assert (str(p.first_date), str(p.last_date)) == ("2016-01-05", "2016-03-20")
    assert profile(index, "Sen. Mary Keller").id == "mary-keller"  # an honorific is no part of the name


def test_the_month_chart_is_chronological_and_zero_filled(index):
    p = profile(index, "=mary-keller")
    assert [(c.value, c.count) for c in p.timeline] == [("2016-01", 1), ("2016-02", 0), ("2016-03", 2)]
    assert profile(index, "=mary-keller", "--per", "year").timeline[0].model_dump() == {"value": "2016", "count": 3}


def test_outlets_are_counted_with_a_count_per_period(index):
    p = profile(index, "Mary Keller")
    assert [(o.source, o.quotes, o.counts) for o in p.outlets] == [("nyt", 2, [1, 0, 1]), ("wsj", 1, [0, 0, 1])]
    assert str(p.outlets[0].first_date) == "2016-01-05" and str(p.outlets[0].last_date) == "2016-03-20"


def test_descriptions_are_grouped_with_their_outlets_and_dates(index):
    p = profile(index, "Mary Keller")
    by_text = {d.description.lower(): d for d in p.descriptions}
    senator = by_text.get("a state senator") or by_text["state senator"]
    assert senator.quotes == 2 and [(s.value, s.count) for s in senator.sources] == [("nyt", 2)]
    assert (str(senator.first_date), str(senator.last_date)) == ("2016-01-05", "2016-03-20")
    leader = next(d for k, d in by_text.items() if "majority leader" in k)
    assert leader.quotes == 1 and leader.sources[0].value == "wsj" and p.description_values == 2


def test_a_word_the_speaker_repeats_and_nobody_else_says_sets_them_apart(index):
    p = profile(index, "Mary Keller")
    words = {t.term: t for t in p.terms}
    assert "broccoli" in words, p.terms
    t = words["broccoli"]
    assert (t.count, t.quotes, t.others) == (4, 3, 0) and t.score >= p.min_score
    assert all(w not in words for w in ("the", "and", "budget"))  # function words and others' words are not hers
    assert p.compared_quotes == 8 and p.words > 0 and p.compared_words > p.words


def test_first_and_latest_quote(index):
    p = profile(index, "Mary Keller")
    assert p.first_quote is not None and p.latest_quote is not None
    assert p.first_quote.article_id == "jan-1" and p.first_quote.source == "nyt" and "Broccoli growers" in p.first_quote.text
    assert p.latest_quote.article_id == "mar-2" and str(p.latest_quote.date) == "2016-03-20" and p.latest_quote.id.startswith("mar-2#q")


def test_filters_narrow_the_quotes_profiled_and_compared(index):
    p = profile(index, "Mary Keller", "--source", "wsj")
    assert p.quotes == 1 and [o.source for o in p.outlets] == ["wsj"] and p.compared_quotes == 4
    assert profile(index, "Mary Keller", "--since", "2016-03").first_quote.article_id == "mar-1"
    none = run_cli("speaker", "Mary Keller", "--until", "2015-12", "--index", index)
    assert none.exit_code == 1 and "no quotes by Mary Keller" in none.stderr


def test_an_ambiguous_name_lists_the_candidates_and_exits_2(index):
    run = run_cli("speaker", "Keller", "--index", index)
    assert run.exit_code == 2 and run.stdout == ""
    assert "'Keller' names 2 speakers" in run.stderr
    assert "search speaker =mary-keller" in run.stderr and "search speaker =john-keller" in run.stderr
    assert profile(index, "=john-keller").quotes == 2  # the id picks one


def test_an_unknown_name_exits_1_with_a_did_you_mean(index):
    close = run_cli("speaker", "Mary Kellr", "--index", index)
    assert close.exit_code == 1 and "did you mean" in close.stderr and "mary-keller" in close.stderr
    nobody = run_cli("speaker", "Zebedee", "--index", index)
    assert nobody.exit_code == 1 and "no speaker 'Zebedee'" in nobody.stderr and "Traceback" not in nobody.stderr
    assert run_cli("speaker", "=nobody-at-all", "--index", index).exit_code == 1


def test_bad_options_exit_2(index):
    assert run_cli("speaker", "Mary Keller", "--per", "week", "--index", index).exit_code == 2
    assert run_cli("speaker", "Mary Keller", "--since", "2016-13", "--index", index).exit_code == 2
    assert run_cli("speaker", "   ", "--index", index).exit_code == 2


def test_the_text_shows_every_part(index):
    text = run_cli("speaker", "Mary Keller", "--index", index).stdout
    parts = ("Mary Keller  [mary-keller]", "described as", "quotes per month", "2016-02", "outlets", "broccoli", "first quote: 2016-01-05, nyt")
    for part in (*parts, "latest quote: 2016-03-20"):
        assert part in text, part
    assert "\x1b[" not in text


def test_the_api_gives_the_model_the_cli_prints(index):
    printed = run_cli("speaker", "Mary Keller", "--json", "--index", index).json()
    with Index.open(index) as ix:
        p = ix.speaker("Mary Keller")
        from search.errors import AmbiguousNameError, UnknownNameError

        with pytest.raises(AmbiguousNameError) as amb:
            ix.speaker("Keller")
        with pytest.raises(UnknownNameError):
            ix.speaker("Zebedee")
    assert {i for i, _, _ in amb.value.candidates} == {"mary-keller", "john-keller"}
    dumped = p.model_dump(mode="json")
    assert {k: v for k, v in dumped.items() if k != "took_ms"} == {k: v for k, v in printed.items() if k != "took_ms"}


def test_schema_lists_the_profile():
    run = run_cli("schema", "profile")
    assert run.exit_code == 0 and "DistinctiveTerm" in run.stdout and "timeline" in run.stdout


# ---------------------------------------------------------------------------------------
# On the seeds


def test_a_seed_speaker_by_surname(seeds_index):
    p = profile(str(seeds_index), "Lukyanov")
    assert (p.id, p.quotes) == ("fyodor-lukyanov", 4)
    assert [(o.source, o.quotes) for o in p.outlets] == [("The Christian Science Monitor", 4)]
    assert [(c.value, c.count) for c in p.timeline] == [("2025-02", 4)]
    assert p.first_quote is not None and p.first_quote.id == "000_754b0dd6de0764fd.txt#q5"
    assert any("editor of Russia in Global Affairs" in d.description for d in p.descriptions)
    assert any("'Lukyanov' is Fyodor Lukyanov" in n for n in p.notes)


def test_a_misspelt_seed_speaker_is_a_did_you_mean(seeds_index):
    run = run_cli("speaker", "Lukianov", "--index", str(seeds_index))
    assert run.exit_code == 1 and "Fyodor Lukyanov [fyodor-lukyanov]" in run.stderr


# ---------------------------------------------------------------------------------------
# The scoring


def test_g2_matches_its_formula():
    assert g2(10, 0, 100, 100) == pytest.approx(2 * 10 * __import__("math").log(2))
    assert g2(10, 10, 100, 100) == pytest.approx(0.0)
    assert g2(0, 0, 100, 100) == 0.0 and g2(3, 1, 0, 100) == 0.0


def test_the_bound_never_drops_a_word_the_full_ranking_lists():
    rng = random.Random(7)
    vocab = [f"word{i}" for i in range(300)]
    corpus = {w: rng.randint(0, 400) for w in vocab}
    mine = WordCounts(lambda w: w)
    for _ in range(200):
        mine.add([rng.choice(vocab[: rng.randint(5, 300)]) for _ in range(12)])
    looked_up: list[str] = []

    def count(term: str) -> int:
        looked_up.append(term)
        return corpus[term] + mine.counts[term]

    pruned = distinctive_terms(mine, 50_000, count, limit=10, threshold=0.0)
    full = distinctive_terms(mine, 50_000, lambda t: corpus[t] + mine.counts[t], limit=10_000, threshold=0.0)
    assert [t.stem for t in pruned] == [t.stem for t in full[:10]]
    assert len(looked_up) < len(full)  # some words were never looked up


def test_counts_over_quotes_from_postings_equal_counts_from_their_text(mixed):
    """The block walk over posting lists (deleted documents, inline postings and all) counts
    what re-reading every quote's text counts."""
    backend = mixed.backend
    kinds = backend.column("kind")
    live = backend.live_docnums()
    quotes = [n for n in live if kinds[n] == "quote"]
    mask = bytearray(len(kinds))
    for n in quotes:
        mask[n] = 1
    analyzer = backend.schema["text"].analyzer
    counts: dict[str, int] = {}
    lengths = 0
    for n in quotes:
        words = analyzer.words(backend.stored(n).get("text", ""))
        lengths += len(words)
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    common = sorted(counts, key=lambda w: -counts[w])
    for term in common[:15] + common[-15:] + ["trump", "clinton", "nonexistentword"]:
        assert backend.term_frequency("text", term, mask) == counts.get(term, 0), term
    assert abs(backend.field_length("text", quotes) - lengths) <= 0.03 * lengths


# ---------------------------------------------------------------------------------------
# PolNeAR (train + dev; skipped without ../shared)


def test_the_most_quoted_polnear_speaker(polnear_index):
    p = profile(str(polnear_index), "Trump")
    assert p.id == "donald-trump" and p.quotes > 1000 and len(p.outlets) == 7
    months = [c.value for c in p.timeline]
    assert months[0] == "2015-11" and months[-1] == "2016-10" and len(months) == 12
    assert sum(c.count for c in p.timeline) + p.undated == p.quotes == sum(o.quotes for o in p.outlets)
    assert len(p.terms) == 15 and all(t.score >= p.min_score and t.per_10k > t.others_per_10k for t in p.terms)
    assert any("also matches" in n and "Ivanka Trump" in n for n in p.notes)
