"""Both index backends give the same answers: the seeds and PolNeAR are indexed with Whoosh
and with tantivy, and every command's output is compared (hits as sets, counts, facets,
tables, documents, speakers, trails, stats). Scores differ (Whoosh's BM25F against
tantivy's BM25), so rankings are compared only where they cannot tie; documents of equal
score or equal date may come in another order (each backend's own index order).

Also: the backend is chosen when the index is created and read from the index by every
later command; updates, crash safety and the write lock hold on tantivy as on Whoosh."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import POLNEAR, ROOT, SEEDS, run_cli

from search import Index
from search.backend import BACKEND_FILE, recorded_backend
from search.indexing import crash_points
from search.indexing.indexer import index_paths

BACKENDS = ("whoosh", "tantivy")
VOLATILE = ("took_ms", "size_bytes", "last_updated", "index", "score")


@pytest.fixture(scope="module")
def seeds_indexes(tmp_path_factory) -> dict[str, Path]:
    """The seeds indexed once with each backend."""
    out = {}
    for name in BACKENDS:
        path = tmp_path_factory.mktemp(f"seeds-{name}")
        index_paths([SEEDS], path, backend=name)
        out[name] = path
    return out


@pytest.fixture(scope="module")
def polnear_indexes(tmp_path_factory, polnear_index) -> dict[str, Path]:
    """PolNeAR train + dev with each backend (the Whoosh one is conftest's)."""
    path = tmp_path_factory.mktemp("polnear-tantivy")
    index_paths([POLNEAR / "train.jsonl", POLNEAR / "dev.jsonl"], path, backend="tantivy")
    return {"whoosh": polnear_index, "tantivy": path}


def _steady(value):
    """`value` without what differs by nature between two indexes: times, sizes, paths, scores."""
    if isinstance(value, dict):
        return {k: _steady(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_steady(v) for v in value]
    return value


def _cli_json(index: Path, *args: str):
    r = run_cli(*args, "--index", str(index))
    assert r.exit_code in (0, 1), r.stderr
    return json.loads(r.stdout) if r.stdout.strip() else None


# --- choosing the backend -----------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_backend_is_recorded_in_the_index_and_read_by_every_command(seeds_indexes, backend):
    index = seeds_indexes[backend]
    assert json.loads((index / BACKEND_FILE).read_text()) == {"backend": backend}
    assert recorded_backend(index) == backend
    assert (index / "tantivy").is_dir() == (backend == "tantivy")
    with Index.open(index) as ix:
        assert type(ix.backend).__name__ == {"whoosh": "WhooshSearcher", "tantivy": "TantivySearcher"}[backend]
    r = run_cli("check", "--json", "--index", str(index))
    assert r.exit_code == 0 and json.loads(r.stdout)["ok"]


def test_an_unknown_backend_is_a_usage_error(tmp_path):
    r = run_cli("index", str(SEEDS), "--backend", "lucene", "--index", str(tmp_path / "ix"))
    assert r.exit_code == 2
    assert "unknown index backend 'lucene'" in r.stderr and "whoosh, tantivy" in r.stderr
    assert not (tmp_path / "ix").exists()


def test_an_index_keeps_its_backend(seeds_indexes, tmp_path):
    index = tmp_path / "ix"
    shutil.copytree(seeds_indexes["tantivy"], index)
    r = run_cli("index", str(SEEDS), "--backend", "whoosh", "--index", str(index))
    assert r.exit_code == 2 and "is a tantivy index" in r.stderr
    again = run_cli("index", str(SEEDS), "--index", str(index))  # no --backend: the index's own
    assert again.exit_code == 0 and "2 unchanged" in again.stdout
    assert recorded_backend(index) == "tantivy" and not list(index.glob("*.toc"))


def test_a_whoosh_index_from_before_the_record_is_still_whoosh(seeds_indexes, tmp_path):
    index = tmp_path / "ix"
    shutil.copytree(seeds_indexes["whoosh"], index)
    (index / BACKEND_FILE).unlink()
    assert recorded_backend(index) == "whoosh"
    assert _cli_json(index, "query", "Trump", "--json")["total"] == 10


# --- the same answers on the seeds --------------------------------------------------------

SEED_QUERIES = [
    ["query", "Trump"],
    ["query", "said"],
    ["query", '"Wall Street Journal"'],
    ["query", "negotiat*"],
    ["query", "Lukianov~"],
    ["query", "Tr?mp"],
    ["query", "speaker:trump"],
    ["query", "NOT said"],
    ["query", "Russia ANDNOT Trump"],
    ["query", "Russia ANDMAYBE Trump"],
    ["query", "(Russia OR Ukraine) AND kind:quote"],
    ["query", "title:Trump"],
    ["query", "date:[2017-01-01 TO 2017-12-31]"],
    ["query", "Trump", "--since", "2016-01-01", "--until", "2018-01-01"],
    ["query", "--kind", "quote", "--type", "direct"],
    ["query", "--speech-only"],
    ["query", "--source", "wsj"],
    ["query", "source:reuters"],
    ["query", "Lukyanov", "--facet", "speaker", "--facet", "source", "--facet", "date:month", "--facet", "type"],
    ["query", "", "--facet", "source", "--by", "kind"],
    ["query", "--sort", "oldest"],
    ["query", "Trump", "--collapse"],
    ["query", "Trumpp"],  # did you mean
    ["query", "n*"],
    ["query", "*ing"],
    ["query", "?"],
    ["query", "a~2"],
    ["query", "title:[a TO c]"],
    ["query", "NOT NOT Trump"],
    ["query", "Trump^3 OR said"],
    ["query", '"Wall Street"~5'],
    ["query", "kind:article AND NOT kind:quote"],
    ["query", "id:x"],
    ["query", "*", "--facet", "speaker", "--facet", "date:year"],
]


@pytest.mark.parametrize("args", SEED_QUERIES, ids=lambda a: " ".join(a[1:]) or "*")
def test_queries_find_the_same_documents_and_counts(seeds_indexes, args):
    w, t = (_cli_json(seeds_indexes[b], *args, "--json", "--limit", "all") for b in BACKENDS)
    if w is None:
        assert t is None
        return
    assert {h["id"] for h in w["hits"]} == {h["id"] for h in t["hits"]}
    keys = ("total", "query", "notes", "suggestion", "collapsed_total", "facets", "facet_values")
    assert {k: w[k] for k in keys} == {k: t[k] for k in keys}
    assert _steady(w["tables"]) == _steady(t["tables"])
    # each hit is the same hit: fields, snippet, highlights (the order aside); a fuzzy
    # word's marked spellings differ (see the PolNeAR test below)
    fuzzy = re.search(r"\w~\d?$", args[1])
    by_id = {h["id"]: _steady(h) for h in t["hits"]}
    for hit in w["hits"]:
        mine = by_id[hit["id"]]
        if fuzzy:
            hit, mine = ({k: v for k, v in h.items() if k not in ("snippet", "highlights")} for h in (hit, mine))
        assert _steady(hit) == mine


@pytest.mark.parametrize("query", ["Trump", "Lukyanov", '"Kremlin"', "Russia"])
def test_a_clear_best_hit_is_the_best_hit_in_both(seeds_indexes, query):
    w, t = (_cli_json(seeds_indexes[b], "query", query, "--json", "--limit", "all") for b in BACKENDS)
    for result in (w, t):
        scores = [h["score"] for h in result["hits"]]
        assert scores == sorted(scores, reverse=True)
    ws = [h["score"] for h in w["hits"]]
    if len(ws) > 1 and ws[0] > 1.2 * ws[1]:
        assert w["hits"][0]["id"] == t["hits"][0]["id"]


@pytest.mark.parametrize(
    "args",
    [
        ["count", "source"],
        ["count", "speaker", "--by", "source"],
        ["count", "date:month", "Trump"],
        ["count", "type", "--by", "date:year"],
        ["speakers"],
        ["speakers", "Russia"],
        ["sources"],
        ["stats"],
        ["show", "003_5c689d5beaddb290.txt#q5"],
        ["show", "000_754b0dd6de0764fd.txt"],
        ["trail", "003_5c689d5beaddb290.txt#q5"],
        ["speaker", "trump"],
        ["speaker", "Lukyanov"],
    ],
    ids=lambda a: " ".join(a),
)
def test_every_command_gives_the_same_json(seeds_indexes, args):
    w, t = (_cli_json(seeds_indexes[b], *args, "--json") for b in BACKENDS)
    if args[0] == "speaker":
        # distinctive words weigh each word by the speaker's share of all words: Whoosh
        # keeps long texts' lengths rounded, tantivy's are counted exactly
        for profile in (w, t):
            profile.pop("compared_words", None)
            profile.pop("terms", None)
    assert _steady(w) == _steady(t)


@pytest.mark.parametrize("backend", BACKENDS)
def test_text_output_is_the_same_shape(seeds_indexes, backend):
    r = run_cli("query", "Lukyanov", "--facet", "source", "--color", "never", "--index", str(seeds_indexes[backend]))
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0].startswith("12 matches") or "matches" in r.stdout.splitlines()[0]


# --- updates, crashes and the lock on tantivy --------------------------------------------


def _snapshot(index: Path) -> tuple:
    """What a user can see of an index: every document and a search."""
    with Index.open(index) as ix:
        docs = sorted((f["id"], f.get("content_hash") or f.get("speaker_name") or "") for f in map(ix.backend.stored, ix.backend.live_docnums()))
        return tuple(docs), ix.search("Kremlin", limit=5).total


def test_updates_delete_by_article_and_add_on_both_backends(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    seen = {}
    for backend in BACKENDS:
        index = tmp_path / backend
        first = index_paths([corpus], index, backend=backend)
        assert (first.added, first.quotes) == (2, 43)
        seen[backend] = [_snapshot(index)]
    article = next(p for p in sorted(corpus.rglob("*.txt")) if p.name.startswith("000_"))
    article.write_text(article.read_text(encoding="utf-8").replace("Kremlin", "Duma"), encoding="utf-8")
    for backend in BACKENDS:
        r = index_paths([corpus], tmp_path / backend)
        assert (r.added, r.updated, r.unchanged) == (0, 1, 1)
        seen[backend].append(_snapshot(tmp_path / backend))
    other = next(p for p in sorted(corpus.rglob("*.txt")) if p.name.startswith("003_"))
    other.unlink()
    for backend in BACKENDS:
        r = index_paths([corpus], tmp_path / backend)
        assert (r.removed, r.unchanged) == (1, 1)
        seen[backend].append(_snapshot(tmp_path / backend))
        again = index_paths([corpus], tmp_path / backend)
        assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 1)
    assert seen["whoosh"] == seen["tantivy"]
    assert seen["tantivy"][0] != seen["tantivy"][1] != seen["tantivy"][2]
    assert seen["tantivy"][1][1] < seen["tantivy"][0][1]  # 'Kremlin' replaced: fewer matches
    with Index.open(tmp_path / "tantivy") as ix:
        assert ix.stats().articles == 1 and ix.search("Duma").total > 0


def _index_run(corpus: Path, index: Path, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != crash_points.ENV_VAR}
    if kill_at:
        env[crash_points.ENV_VAR] = kill_at
    cmd = [sys.executable, "-m", "search", "index", str(corpus), "--index", str(index), "--backend", "tantivy", "-j", "1"]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)


def test_a_killed_tantivy_run_leaves_the_last_completed_index(tmp_path):
    from test_crash import write_corpus

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, range(6), "v1", seed=3)
    first = _index_run(corpus, index)
    assert first.returncode == 0, first.stderr
    before = _snapshot(index)
    write_corpus(corpus, range(3, 9), "v2", seed=3)  # 3 changed, 3 new: the unchanged ones' speakers renamed
    for point in [p for p in crash_points.POINTS if p != "after-commit"]:
        killed = _index_run(corpus, index, kill_at=point)
        assert killed.returncode == -signal.SIGKILL, f"the run never reached {point!r}: {killed.stderr}"
        assert _snapshot(index) == before, f"killed at {point}: the index is not the last completed one"
    killed = _index_run(corpus, index, kill_at="after-commit")
    assert killed.returncode == -signal.SIGKILL
    after = _snapshot(index)
    assert after != before
    # killed after tantivy's commit, before its generation was recorded: the next run sees
    # the new generation (its state and identities were saved before the commit) and has
    # nothing to do
    again = _index_run(corpus, index)
    assert again.returncode == 0 and "0 added, 0 updated, 0 removed, 9 unchanged" in again.stdout
    assert _snapshot(index) == after
    assert not (index / "tantivy.tmp").exists() or not list((index / "tantivy.tmp").iterdir())
    names = sorted(p.name for p in index.iterdir())
    assert len([n for n in names if n.startswith("state.")]) == 1 and "indexer.json" not in names


def test_a_second_tantivy_indexer_is_refused_while_one_runs(seeds_indexes, tmp_path):
    from search.backend import open_backend

    index = tmp_path / "ix"
    shutil.copytree(seeds_indexes["tantivy"], index)
    with open_backend("tantivy").lock(index):
        r = run_cli("index", str(SEEDS), "--index", str(index))
        assert r.exit_code == 2 and "is being updated by" in r.stderr


# --- the same answers on PolNeAR (every query of bench.queries) ---------------------------


def _bench_queries() -> list[tuple[str, str, dict]]:
    sys.path.insert(0, str(ROOT))
    from bench.queries import QUERIES

    return [(kind, text, options) for kind, queries in QUERIES.items() for text, options in queries]


@pytest.mark.parametrize(("kind", "text", "options"), _bench_queries(), ids=lambda v: v if isinstance(v, str) and v else None)
def test_polnear_same_hits_counts_and_facets(polnear_indexes, kind, text, options):
    options = {**options, "limit": None}
    with Index.open(polnear_indexes["whoosh"]) as wix, Index.open(polnear_indexes["tantivy"]) as tix:
        w, t = wix.search_json(text, **options), tix.search_json(text, **options)
    wids, tids = {h["id"] for h in w["hits"]}, {h["id"] for h in t["hits"]}
    if text.endswith("~"):
        # a fuzzy word: Whoosh matches it segment by segment against each segment's spelling
        # list (see search.backend.tantivy.query); tantivy against the whole term list
        assert wids <= tids and tids
        return
    assert wids == tids and w["total"] == t["total"] > 0
    assert w["facets"] == t["facets"] and _steady(w["tables"]) == _steady(t["tables"])
    # speakers a name matched are listed most quoted first, by their names' document
    # frequencies: Whoosh's count the quotes a rename rewrote twice until a merge
    assert sorted(w["query"].split("|")) == sorted(t["query"].split("|"))


def test_document_numbers_from_tantivys_table_of_contents_agree_with_a_listing(tmp_path):
    """A snapshot numbers its documents from meta.json when it describes the snapshot's
    segments, else from a search for every document: both give the same numbers, columns
    and documents, with deletions and several segments too."""
    from search.backend.tantivy import index_folder
    from search.backend.tantivy.view import View

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    index = tmp_path / "ix"
    index_paths([corpus], index, backend="tantivy")
    article = next(p for p in sorted(corpus.rglob("*.txt")) if p.name.startswith("000_"))
    for word in ("Kremlin", "Moscow"):  # two updates: deleted documents in older segments
        article.write_text(article.read_text(encoding="utf-8").replace(word, "Duma"), encoding="utf-8")
        index_paths([corpus], index)
        _ix, searcher, _gen, meta = index_folder.open_searcher(index)
        assert meta is not None
        by_meta, by_search = View(searcher, meta), View(searcher, None)
        assert len(by_meta.bases) >= 2 and any(m["deletes"] for m in meta["segments"])
        assert by_meta.bases == by_search.bases and by_meta.live == by_search.live and len(by_meta.live) == searcher.num_docs
        for field in ("kind", "speaker_name", "source", "group", "date"):
            assert by_meta.column(field) == by_search.column(field)
        assert [by_meta.stored(n)["id"] for n in by_meta.live] == [by_search.stored(n)["id"] for n in by_search.live]


@pytest.mark.parametrize("query", ["Trump", "said", "Russia OR Ukraine", '"the United States"', "speaker:trump", "kind:quote"])
def test_a_page_found_by_tantivys_top_k_is_the_top_of_every_match(seeds_indexes, query):
    """A page of hits is found by tantivy's own top-k search (the matches only counted);
    it is the first page of all the matches ranked, equal scores in index order too."""
    from search.query.request import compile_request

    with Index.open(seeds_indexes["tantivy"]) as ix:
        request = compile_request(ix.backend, query)
        everything, ranked = ix.backend.match(request, top=10**6)
        for top in (1, 3, 10):
            matched, page = ix.backend.match(request, top=top)
            assert page == ranked[:top] and len(matched) == len(everything) and list(matched) == list(everything)


def test_an_index_naming_an_unknown_backend_is_refused_with_a_message(seeds_indexes, tmp_path):
    index = tmp_path / "ix"
    shutil.copytree(seeds_indexes["tantivy"], index)
    (index / BACKEND_FILE).write_text('{"backend": "lucene"}')
    for args in (["query", "Trump"], ["stats"], ["index", str(SEEDS)]):
        r = run_cli(*args, "--index", str(index))
        assert r.exit_code == 2 and "unknown index backend 'lucene'" in r.stderr, (args, r.stderr)


FACET_KEYS = ("speaker", "source", "kind", "type", "class", "group", "date:day", "date:month", "date:year")


def _engine_and_column_counts(index: Path, text: str, options: dict) -> list[tuple]:
    """Per facet and per pair of facets: counts made by tantivy's aggregations (the
    matches never listed) and counts made from the columns over the listed matches."""
    from search.query.facets import code_counts
    from search.query.request import compile_request

    out = []
    with Index.open(index) as ix:
        matches = ix.backend.match(compile_request(ix.backend, text, **options))[0]
        listed = list(matches)
        pairs = [["source", "date:month"], ["speaker", "type"], ["date:year", "kind"], ["speaker", "source"], ["date:month", "class"]]
        for keys in [[k] for k in FACET_KEYS] + pairs:
            assert ix.backend.value_counts(matches, ("source",)) is not None  # the engine counted
            out.append((keys, code_counts(ix.backend, keys, matches), code_counts(ix.backend, keys, listed)))
    return out


@pytest.mark.parametrize(("text", "options"), [("Trump", {}), ("", {"kind": "quote"}), ("", {}), ('"tax plan"', {"sources": ["nyt"]}), ("zzzzqq", {})])
def test_tantivy_counts_facets_by_aggregation_as_the_columns_count_them(polnear_indexes, text, options):
    for keys, engine, columns in _engine_and_column_counts(polnear_indexes["tantivy"], text, options):
        assert engine == columns, keys


def test_aggregated_facets_count_undated_articles_and_quotes_without_a_group(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], corpus / "dated.txt")
    (corpus / "undated.txt").write_text('Council vote\n\n"We will not back down," said Mayor Jane Ortiz on the plan.\n')
    index = tmp_path / "index"
    index_paths([corpus], index, backend="tantivy")
    counts = _engine_and_column_counts(index, "", {})
    assert all(engine == columns for _keys, engine, columns in counts)
    by_key = {tuple(keys): engine for keys, engine, _columns in counts}
    assert (0,) in by_key[("date:year",)]  # the undated article and its quote: not counted


def test_stats_and_sources_counted_by_tantivy_equal_whooshs_columns(polnear_indexes):
    """tantivy counts `stats` and `sources` by aggregation, Whoosh from its columns."""
    answers = {}
    for name, path in polnear_indexes.items():
        with Index.open(path) as ix:
            stats = ix.stats().model_dump(exclude={"index", "size_bytes", "last_updated"})
            answers[name] = (stats, [s.model_dump() for s in ix.sources()], [s.model_dump() for s in ix.sources("Clinton", kind="quote")])
    assert answers["whoosh"] == answers["tantivy"]
    assert answers["whoosh"][0]["articles"] == 924 and answers["whoosh"][0]["speakers"] > 2000
