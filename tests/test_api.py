"""The Python API: `Index.open(...).search(...)` returns pydantic models whose numbers agree
with Whoosh's own count of the same query."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter

import pytest
from conftest import run_cli
from whoosh import sorting

from search import Index
from search.indexing.indexer import index_paths
from search.models import SearchResult
from search.query.request import compile_request


@pytest.fixture(scope="module")
def undated_index(tmp_path_factory):
    """Two articles by one outlet, one of them without a date."""
    folder = tmp_path_factory.mktemp("undated")
    rows = [
        {"id": "u1", "title": "Undated vote", "source": "nyt", "text": '"We will win the vote," said John Smith, a senator.'},
        {"id": "d1", "title": "Dated vote", "source": "nyt", "date": "2016-03-04", "text": '"We will lose the vote," said Jane Doe, an aide.'},
    ]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    index_paths([folder / "a.jsonl"], folder / "index")
    return folder / "index"


def whoosh_counts(ix: Index, text: str, field: str, **filters) -> Counter:
    """Whoosh's own grouping of every match: the reference the facets must equal."""
    query, flt = ix.backend.compile(compile_request(ix.backend, text, **filters))
    results = ix.backend.searcher.search(query, filter=flt, limit=None, groupedby={"f": sorting.FieldFacet(field)})
    return Counter({(k.decode() if isinstance(k, bytes) else k): len(v) for k, v in results.groups("f").items() if k})


@pytest.mark.parametrize("facet, field", [("speaker", "speaker_name"), ("source", "source"), ("kind", "kind"), ("type", "quote_kind")])
def test_facet_counts_cover_every_match_not_only_the_page(mixed, facet, field):
    result = mixed.search("said OR says", facets=[facet], facet_limit=None, limit=3)
    assert result.total > len(result.hits)
    expected = whoosh_counts(mixed, "said OR says", field)
    if facet in ("speaker", "type"):  # quote facets: a quote without a named speaker has its own bucket
        quotes = whoosh_counts(mixed, "said OR says", "kind")["quote"]
        expected = Counter({k: v for k, v in expected.items()} | ({"(no speaker)": quotes - sum(expected.values())} if facet == "speaker" else {}))
    assert {f.value: f.count for f in result.facets[facet]} == expected


def test_date_facets_bucket_by_day_month_and_year(mixed):
    result = mixed.search("", facets=["date:day", "date", "date:year"], facet_limit=None, limit=0)
    days, months, years = result.facets["date:day"], result.facets["date:month"], result.facets["date:year"]
    assert all(len(f.value) == 10 for f in days) and all(len(f.value) == 7 for f in months) and all(len(f.value) == 4 for f in years)
    assert sum(f.count for f in days) == sum(f.count for f in months) == sum(f.count for f in years) == result.total
    assert [f.value for f in months] == sorted(f.value for f in months)  # in time order, every month
    assert len(days) == (dt.date.fromisoformat(days[-1].value) - dt.date.fromisoformat(days[0].value)).days + 1
    assert 0 in {f.count for f in days}  # zero-filled


def test_facet_limit_bounds_the_list_and_says_how_many_there_were(mixed):
    result = mixed.search("", facets=["speaker"], facet_limit=3, limit=0)
    assert len(result.facets["speaker"]) == 3 < result.facet_values["speaker"]


def test_paging_walks_the_same_ranking_without_overlap(mixed):
    whole = mixed.search("Trump", limit=30)
    pages = [mixed.search("Trump", limit=10, offset=o) for o in (0, 10, 20)]
    assert [h.id for p in pages for h in p.hits] == [h.id for h in whole.hits]
    assert {p.total for p in pages} == {whole.total}


@pytest.mark.parametrize("sort, newest_first", [("newest", True), ("oldest", False)])
def test_sorting_by_date(mixed, sort, newest_first):
    dates = [h.date for h in mixed.search("Clinton", sort=sort, limit=200).hits]
    assert len(set(dates)) > 1
    assert dates == sorted(dates, reverse=newest_first)


def test_no_text_lists_everything_newest_first(mixed):
    result = mixed.search("", limit=5)
    assert result.total == mixed.stats().articles + mixed.stats().quotes
    assert [h.date for h in result.hits] == sorted((h.date for h in result.hits), reverse=True)


def test_undated_articles_are_left_out_of_date_filters_and_counted(undated_index):
    with Index.open(undated_index) as ix:
        everything = ix.search("vote", limit=10)
        dated = ix.search("vote", since="2016", limit=10)
        by_query = ix.search("vote date:2016", limit=10)
        stats = ix.stats()
    assert {h.article_id for h in everything.hits} == {"u1", "d1"}
    assert {h.article_id for h in dated.hits} == {"d1"} == {h.article_id for h in by_query.hits}
    assert any("2 undated" in n for n in dated.notes) and any("2 undated" in n for n in by_query.notes)
    assert stats.undated_articles == 1 and stats.first_date == stats.last_date


def test_undated_documents_sort_last_either_way(undated_index):
    with Index.open(undated_index) as ix:
        for sort in ("newest", "oldest"):
            hits = ix.search("vote", sort=sort, limit=10).hits
            assert [h.date is None for h in hits] == sorted(h.date is None for h in hits)


def test_a_misspelt_word_gets_a_suggestion_that_finds_something(mixed):
    result = mixed.search("Clintn")
    assert result.total == 0 and result.suggestion == "Clinton"
    assert mixed.search(result.suggestion, limit=0).total > 0


def test_the_result_round_trips_through_json(mixed):
    result = mixed.search("Clinton", facets=["source", "date:month"], limit=5)
    again = SearchResult.model_validate_json(result.model_dump_json())
    assert again == result


@pytest.mark.parametrize(
    "text, options",
    [
        ("Clinton", {"facets": ["source", "speaker", "date:day"], "limit": 5}),
        ("", {"speakers": ["Trump"], "kind": "quote", "sort": "oldest", "limit": 7}),
        ('"said that" OR says', {"since": "2016-03", "facets": ["type", "kind"], "offset": 3}),
        ("Clintn", {}),
    ],
)
def test_search_json_is_exactly_the_models_json(mixed, text, options):
    """The CLI prints `search_json` without pydantic; it must be what the models would print."""
    raw = mixed.search_json(text, **options)
    dumped = SearchResult.model_validate(raw).model_dump(mode="json")
    assert (raw["total"] > 0) == (text != "Clintn")
    assert json.dumps(raw) == json.dumps(dumped)  # same keys in the same order, same values


def test_a_json_query_never_imports_pydantic(mixed_index):
    """Cold start: `search query --json` is timed against bare imports of its libraries."""
    code = (
        "import sys, contextlib, io\n"
        "from search.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try: main(['query', 'Clinton', '--facet', 'speaker', '--json', '--index', {str(mixed_index)!r}])\n"
        "    except SystemExit as e: assert e.code == 0, e.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_speakers_and_sources_agree_with_search(mixed):
    top = mixed.speakers(limit=3)
    for s in top:
        found = mixed.search("", speakers=[s.name], kind="quote", limit=0, facets=["speaker"])
        assert s.quotes == dict((f.value, f.count) for f in found.facets["speaker"])[s.name]
    sources = {s.name: s for s in mixed.sources()}
    counted = mixed.search("", kind="article", facets=["source"], facet_limit=None, limit=0).facets["source"]
    assert {f.value: f.count for f in counted} == {n: s.articles for n, s in sources.items()}


def test_stats_count_the_index(mixed):
    st = mixed.stats()
    assert st.articles == mixed.search("", kind="article", limit=0).total
    assert st.sources == len(mixed.sources()) and st.size_bytes > 0 and st.last_updated is not None


def test_columns_read_in_one_piece_equal_whoosh_column_readers(mixed):
    for field in ("kind", "source", "speaker_name", "quote_kind"):
        assert mixed.backend.column(field) == list(mixed.backend.reader.column_reader(field, translate=True))
    assert mixed.backend.column("date") == list(mixed.backend.reader.column_reader("date", translate=False))


@pytest.fixture(scope="module")
def updated_index(tmp_path_factory):
    """An index with deleted documents: two runs over one file, the second changing an article."""
    folder = tmp_path_factory.mktemp("updated")
    rows = [
        {"id": f"a{i}", "title": f"Vote {i}", "source": "nyt", "date": f"2016-03-0{i}", "text": f'"We will win vote {i}," said John Smith, a senator.'}
        for i in range(1, 4)
    ]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    index_paths([folder / "a.jsonl"], folder / "index")
    rows[1]["text"] = '"We will lose the vote," said Jane Doe, an aide.'
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    index_paths([folder / "a.jsonl"], folder / "index")
    return folder / "index"


@pytest.mark.parametrize(
    "text, filters",
    [("", {}), ("", {"speakers": ["Smith"]}), ("", {"kind": "quote", "sources": ["nyt"]}), ("vote", {"speakers": ["Doe"]}), ("", {"since": "2016-03-02"})],
)
def test_deleted_documents_are_never_counted(updated_index, text, filters):
    with Index.open(updated_index) as ix:
        assert ix.backend.reader.has_deletions(), "the fixture should leave deleted documents behind"
        query, flt = ix.backend.compile(compile_request(ix.backend, text, **filters))
        searcher = ix.backend.searcher
        expected = {n for n in searcher.docs_for_query(query) if flt is None or n in set(searcher.docs_for_query(flt))}
        result = ix.search(text, **filters, limit=100)
        assert result.total == len(expected)
        assert {h.id for h in result.hits} == {searcher.stored_fields(n)["id"] for n in expected}


@pytest.fixture(scope="module")
def stance_index(tmp_path_factory):
    """One article with a view held and words said by the same person."""
    folder = tmp_path_factory.mktemp("stance")
    text = "Elena Ruiz believes the pier can be saved by spring.\n\nRuiz said the pier would reopen in May."
    row = {"id": "s1", "title": "Pier", "source": "nyt", "date": "2016-03-04", "text": text}
    (folder / "a.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    index_paths([folder / "a.jsonl"], folder / "index")
    return folder / "index"


def test_a_user_can_ask_for_speech_only(stance_index):
    with Index.open(stance_index) as ix:
        every = ix.search("pier", kind="quote", facets=["class"])
        said = ix.search("pier", kind="quote", cue_classes=["speech"])
        held = ix.search("class:stance")
    assert sorted(h.cue_class for h in every.hits) == ["speech", "stance"]
    assert {f.value: f.count for f in every.facets["class"]} == {"speech": 1, "stance": 1}
    assert [h.text for h in said.hits] == ["the pier would reopen in May"]
    assert [h.text for h in held.hits] == ["the pier can be saved by spring"]


def test_speech_only_from_the_command_line(stance_index):
    run = run_cli("query", "pier", "--speech-only", "--index", str(stance_index), "--json")
    assert run.exit_code == 0
    assert [h["cue_class"] for h in run.json()["hits"]] == ["speech"]
    assert run_cli("query", "class:belief", "--index", str(stance_index)).exit_code == 2
