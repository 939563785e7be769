"""Query speed at scale: the kinds of query of issue 22, on a generated corpus (bench.corpus).

    .venv/bin/python -m bench.scale --articles 10000                  # build once, then reuse
    .venv/bin/python -m bench.scale --articles 10000 --compare /tmp/base   # old code, same run
    .venv/bin/python -m bench.scale --articles 10000 --backends whoosh,tantivy   # both backends, same run
    .venv/bin/python -m bench.scale --articles 10000 --backends whoosh,tantivy --peers   # and the peers

The corpus goes to bench/out/corpus-N and its index to bench/out/index-N (git-ignored), both
made once and reused. Warm latency: one `Index` kept open, each query run once unmeasured and
then `--reps` times; p50 / p95 per kind, in ms, every query on one page with its total count.
Cold: `search query Trump --json` as a subprocess against `python -c "import whoosh, click,
pydantic"` in the same run. `--compare DIR` measures the code of another checkout (a folder
holding its `search` package, e.g. `git archive main search | tar -x -C /tmp/base`) in the
same run, alternating with this one, against the same index, so that machine load hits both
alike; both must give the same totals and hits, which is checked. `--backends whoosh,tantivy`
measures one index per backend (bench/out/index-N, bench/out/index-N-tantivy) in the same run,
alternating, with the time and CPU each took to build, and checks that they give the same
totals and facets (pages may differ where scores tie or differ: Whoosh's BM25F, tantivy's BM25).
`--peers` adds a plain tantivy index and SQLite FTS5 doing the same searches (bench.peers says
what they index and run), measured in the same rounds, and `rg` over the raw files.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import peers

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

# kind -> (query text, options); the table, one page of 10 hits (20 for the facet row)
QUERIES: dict[str, list[tuple[str, dict]]] = {
    "rare word": [("filibuster", {}), ("tariffs", {}), ("Obamacare", {})],
    "common word": [("said", {}), ("Trump", {})],
    "two words AND": [("Clinton AND email", {}), ("Trump AND immigration", {})],
    "phrase": [('"tax plan"', {}), ('"health care"', {})],
    "date range": [("date:[2016-01 TO 2016-06]", {}), ("Trump", {"since": "2017-01", "until": "2017-12"})],
    "top 20 + source facet": [("Trump", {"limit": 20, "facets": ["source"]}), ("said", {"limit": 20, "facets": ["source"]})],
    "speaker:clinton": [("speaker:clinton", {}), ("", {"speakers": ["Clinton"]})],
    "counts only": [("", {"kind": "quote", "facets": ["speaker", "source", "date:month"], "limit": 0}), ("Trump", {"facets": ["type"], "limit": 0})],
}
COLD = ["query", "Trump", "--json"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ensure_index(n: int, backend: str = "whoosh") -> tuple[Path, str]:
    """The index of the generated corpus of `n` articles with `backend`, built when missing;
    and how long the build took (wall and CPU seconds, workers included), or '' when reused."""
    from bench.corpus import write_text_corpus

    corpus = OUT / f"corpus-{n}"
    index = OUT / (f"index-{n}" if backend == "whoosh" else f"index-{n}-{backend}")
    if not (corpus / ".complete").exists():
        write_text_corpus(corpus, n)
        (corpus / ".complete").write_text("ok")
    built = ""
    if not (index / "backend.json").exists() and not any(index.glob("*.toc")):
        before = os.times()
        started = time.perf_counter()
        cmd = [sys.executable, "-m", "search", "index", str(corpus), "--index", str(index), "--quiet", "--backend", backend]
        subprocess.run(cmd, check=True)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        built = f"indexed {n:,} articles with {backend} in {time.perf_counter() - started:.0f} s wall, {cpu:.0f} s CPU"
        print(built, file=sys.stderr)
    return index, built


def warm(index: Path, reps: int) -> dict:
    """Run in the process whose `search` package is measured: per kind the times, and per
    query its total and hit ids (to check that two versions agree)."""
    from search.api import Index

    times: dict[str, list[float]] = {}
    answers: dict[str, list] = {}
    with Index.open(index) as ix:
        for kind, queries in QUERIES.items():
            for text, options in queries:
                first = ix.search_json(text, **options)
                answers[f"{text} {json.dumps(options)}"] = [first["total"], [h["id"] for h in first["hits"]], first["facets"]]
                for _ in range(reps):
                    started = time.perf_counter()
                    ix.search_json(text, **options)
                    times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    return {"times": times, "answers": answers}


def _in_tree(code: Path | None, args: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    """Run python with `code`'s `search` package first on the path (from a neutral folder,
    so that the editable install's finder is not consulted first)."""
    env = {**os.environ, **(env or {}), "PYTHONPATH": f"{code or ROOT}{os.pathsep}{ROOT}"}
    return subprocess.run([sys.executable, *args], env=env, cwd="/", capture_output=True, text=True, check=False)


def cold(index: Path, code: Path | None, reps: int) -> tuple[float, float]:
    """Median seconds of `search query Trump --json` and of the bare imports, with bytecode
    cached as Python does by default (where PYTHONDONTWRITEBYTECODE is set, as here, the
    package's modules would be compiled on every call while the baseline's libraries were
    byte-compiled when pip installed them; see bench.queries)."""
    call = ["-c", "import sys; from search.cli import main; sys.argv = ['search', *sys.argv[1:]]; main()", *COLD, "--index", str(index)]
    base = ["-c", "import whoosh, click, pydantic"]
    env = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(OUT / "pycache" / (code.name if code else "this"))}
    _in_tree(code, call, env)
    q: list[float] = []
    b: list[float] = []
    for _ in range(reps):
        for out, args in ((q, call), (b, base)):
            started = time.perf_counter()
            _in_tree(code, args, env)
            out.append(time.perf_counter() - started)
    return statistics.median(q), statistics.median(b)


def peers_report(n: int, versions: dict[str, tuple[Path | None, Path]], runs: dict[str, list[dict]], peer_runs: list[dict]) -> None:
    """The rg line, and each query's total: ours count documents of every kind (articles and
    quotes), and articles alone with kind=article; the peers count articles."""
    from search.api import Index

    corpus = OUT / f"corpus-{n}"
    rg = {w: peers.rg_ms(corpus, w) for w, _o in QUERIES["common word"]}
    cells = [f"{w} " + ("–" if found is None else f"{found[1]:.0f} ms ({found[0]})") for w, found in rg.items()]
    print("-l -i -w over the raw files, best of 3: " + ", ".join(cells))
    if not peers.fts5_available():
        print("fts5: NOT measured, this Python's sqlite3 is built without FTS5")
    ours = next(iter(versions))
    answers = peer_runs[0]["answers"] if peer_runs else {}
    print(f"totals: {ours} (articles and quotes) | {ours} kind=article | " + " | ".join(f"{p} (articles)" for p in answers))
    differ = []
    with Index.open(versions[ours][1]) as ix:
        for qs in QUERIES.values():
            for text, options in qs:
                key = peers.query_key(text, options)
                if peers.peer_query(text, options) is None:
                    continue
                mine = ix.search_json(text, **{**options, "kind": "article", "limit": 0, "facet_limit": None})
                facets = {v["value"]: v["count"] for v in mine["facets"].get("source", [])} if "facets" in options else {}
                cells = [runs[ours][0]["answers"][key][0], mine["total"]] + [answers[p][key][0] for p in answers]
                print(f"  {key:<56}" + "".join(f"{c:>10,}" for c in cells))
                differ += [f"{p}: {key}" for p in answers if answers[p][key][1] != facets]
    print("source facets (kind=article vs peers): identical" if not differ else f"source facets DIFFER for {differ}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds of each version")
    ap.add_argument("--compare", type=Path, default=None, help="a folder holding another version's `search` package")
    ap.add_argument("--backends", default=None, help="measure an index per backend in the same run: whoosh,tantivy")
    ap.add_argument("--peers", action="store_true", help="measure a plain tantivy index and SQLite FTS5 in the same run (bench.peers)")
    ap.add_argument("--warm-only", metavar="INDEX", default=None, help=argparse.SUPPRESS)  # the measuring child
    ap.add_argument("--warm-peers", action="store_true", help=argparse.SUPPRESS)  # the peers' measuring child
    args = ap.parse_args()
    if args.warm_only:
        print(json.dumps(warm(Path(args.warm_only), args.reps)))
        return
    if args.warm_peers:
        from bench.peers import warm_peers

        answers: dict[str, dict[str, list]] = {}
        print(json.dumps({"times": warm_peers(args.articles, OUT, QUERIES, args.reps, answers), "answers": answers}))
        return
    if args.backends and args.compare:
        sys.exit("--backends and --compare measure different things: give one")
    backends = args.backends.split(",") if args.backends else ["whoosh"]
    indexes = {b: ensure_index(args.articles, b) for b in backends}
    # a version: (code folder or None for this checkout, index)
    versions: dict[str, tuple[Path | None, Path]]
    if args.compare:
        versions = {"before": (args.compare, indexes["whoosh"][0]), "after": (None, indexes["whoosh"][0])}
    elif args.backends:
        versions = {b: (None, indexes[b][0]) for b in backends}
    else:
        versions = {"now": (None, indexes["whoosh"][0])}
    built_peers = peers.ensure_peers(OUT / f"corpus-{args.articles}", args.articles, OUT) if args.peers else []
    runs: dict[str, list[dict]] = {v: [] for v in versions}
    peer_runs: list[dict] = []
    for _ in range(args.rounds):
        for name, (code, index) in versions.items():
            proc = _in_tree(code, ["-m", "bench.scale", "--warm-only", str(index), "--reps", str(args.reps)])
            if proc.returncode:
                sys.exit(proc.stderr)
            runs[name].append(json.loads(proc.stdout))
        if args.peers:
            proc = _in_tree(None, ["-m", "bench.scale", "--warm-peers", "--articles", str(args.articles), "--reps", str(args.reps)])
            if proc.returncode:
                sys.exit(proc.stderr)
            peer_runs.append(json.loads(proc.stdout))
    colds = {name: cold(index, code, max(3, args.reps // 2)) for name, (code, index) in versions.items()}
    for _index, built in indexes.values():
        if built:
            print(built)
    for line in built_peers:
        print(line)
    load = os.getloadavg()
    print(f"{args.articles:,} articles; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {args.rounds} rounds x {args.reps} reps per query")
    columns: dict[str, list[dict]] = {name: [r["times"] for r in runs[name]] for name in versions}
    columns.update({p: [r["times"].get(p, {}) for r in peer_runs] for p in peers.PEERS if args.peers})
    width = {name: max(24, len(name) + 14) for name in columns}
    head = "".join(f"{name + ' p50 / p95 ms':>{width[name]}}" for name in columns)
    print(f"{'query kind':<24}{head}")
    for kind in QUERIES:
        cells = []
        for name, per_round in columns.items():
            ts = [t for r in per_round for t in r.get(kind, [])]
            cells.append(f"{pct(ts, 50):>{width[name] - 12}.1f} / {pct(ts, 95):<9.1f}" if ts else f"{'–':>{width[name] - 12}} / {'–':<9}")
        print(f"{kind:<24}{''.join(cells)}")
    for name, (q, b) in colds.items():
        print(f"cold `search {' '.join(COLD)}` ({name}): {q * 1000:.0f} ms, {q / b:.1f}x the bare imports ({b * 1000:.0f} ms)")
    if args.compare:
        a, b = runs["before"][0]["answers"], runs["after"][0]["answers"]
        differ = [q for q in a if a[q] != b[q]]
        print("answers: identical" if not differ else f"answers DIFFER for: {differ}")
    if args.backends and len(backends) > 1:
        a, b = runs[backends[0]][0]["answers"], runs[backends[1]][0]["answers"]
        differ = [q for q in a if (a[q][0], a[q][2]) != (b[q][0], b[q][2])]
        pages = sum(1 for q in a if set(a[q][1]) != set(b[q][1]))
        print("totals and facets: identical" if not differ else f"totals or facets DIFFER for: {differ}", end="")
        print(f"; {pages} of {len(a)} first pages hold other hits (ties, or scores that differ)")
    if args.peers:
        peers_report(args.articles, versions, runs, peer_runs)


if __name__ == "__main__":
    main()
