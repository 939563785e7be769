"""Query speed on PolNeAR train+dev: warm in-process latency and cold CLI calls.

    .venv/bin/python -m bench.queries [--json] [--rebuild] [--reps N]

The index is built once and cached in bench/out/polnear-index (git-ignored). Warm latency is
measured per query type (keyword, phrase, speaker, date range, faceted, cross-tab) after one unmeasured
run of each query (`--per-query` lists each one); cold CLI calls are timed against `python -c
"import whoosh, click, pydantic"` in the same run, so the ratio holds on any machine. Targets
(issue): warm p50 <= 20 ms, p95 <= 60 ms; cold CLI <= 2.5 x the import baseline.

Cold calls run twice over: as this environment runs Python, and with bytecode caching on
(Python's default: PYTHONDONTWRITEBYTECODE unset, caches kept under bench/out/pycache so the
source tree stays clean). Where PYTHONDONTWRITEBYTECODE is set (as in some sandboxes), an
editable install recompiles the package's own modules on every call, while the baseline's
libraries were byte-compiled when pip installed them. The "imports only" row is
`python -c "import search.cli, search.api, search.output"`: the part of a call that is
spent before any work.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"
OUT = ROOT / "bench" / "out"
INDEX = OUT / "polnear-index"

QUERIES: dict[str, list[tuple[str, dict]]] = {
    "keyword": [("Trump", {}), ("emails", {}), ("immigration", {}), ("Clinton Benghazi", {}), ("negotiat*", {}), ("Sandrs~", {})],
    "phrase": [('"Wall Street"', {}), ('"health care"', {}), ('"make America great again"', {}), ('"Supreme Court" AND nominee', {})],
    "speaker": [("", {"speakers": ["Sanders"]}), ("", {"speakers": ["Mr. Cruz"]}), ("taxes", {"speakers": ["Trump"]}), ("speaker:rubio", {})],
    "date": [("Cruz", {"since": "2016-03", "until": "2016-05"}), ("date:[2016-06 TO 2016-08] AND convention", {}), ("", {"on": "2016-02", "kind": "quote"})],
    "faceted": [
        ("Trump", {"facets": ["source", "speaker", "date:month"]}),
        ("", {"facets": ["source", "kind", "type"], "limit": 0}),
        ("debate", {"facets": ["speaker"], "sources": ["nyt"]}),
        ("", {"speakers": ["Clinton"], "facets": ["date:month", "source"]}),
    ],
    # issue 21: a cross-tab over every quote (`search query --kind quote --facet source --by date:month`); target p50 < 150 ms
    "cross-tab": [
        ("", {"kind": "quote", "facets": ["source"], "by": "date:month", "limit": 0}),
        ("", {"kind": "quote", "facets": ["speaker"], "by": "source", "limit": 0, "facet_limit": 20}),
        ("Trump", {"facets": ["type"], "by": "date:month", "limit": 0}),
    ],
}
COLD = [["query", "Trump", "--json"], ["query", "--speaker", "Sanders", "--facet", "source", "--json"]]


def build(rebuild: bool) -> float:
    from search.indexing.indexer import index_paths

    if INDEX.exists() and not rebuild:
        return 0.0
    started = time.perf_counter()
    index_paths([CORPUS / "train.jsonl", CORPUS / "dev.jsonl"], INDEX, rebuild=True)
    return time.perf_counter() - started


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def warm(reps: int) -> tuple[dict[str, dict[str, float]], list[tuple[str, str, float, int]]]:
    from search.api import Index

    times: dict[str, list[float]] = {kind: [] for kind in QUERIES}
    per_query: list[tuple[str, str, float, int]] = []
    with Index.open(INDEX) as ix:
        for kind, queries in QUERIES.items():
            for text, options in queries:
                ix.search(text, **options)  # warm caches (lexicons, columns, stems)
                mine = []
                for _ in range(reps):
                    started = time.perf_counter()
                    result = ix.search(text, **options)
                    mine.append((time.perf_counter() - started) * 1000)
                times[kind] += mine
                per_query.append((kind, " ".join(x for x in (text, json.dumps(options) if options else "") if x), statistics.median(mine), result.total))
    times["all"] = [t for kind in QUERIES for t in times[kind]]
    return {kind: {"p50_ms": pct(ts, 50), "p95_ms": pct(ts, 95), "n": len(ts)} for kind, ts in times.items()}, per_query


def cold(reps: int, cached_bytecode: bool) -> dict[str, float]:
    env = {**os.environ, "SEARCH_INDEX": str(INDEX)}
    if cached_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")

    def run(argv: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - started

    calls = {
        "baseline": [sys.executable, "-c", "import whoosh, click, pydantic"],
        "imports only": [sys.executable, "-c", "import search.cli, search.api, search.output"],
        **{"search " + " ".join(args): [sys.executable, "-m", "search", *args] for args in COLD},
    }
    for argv in calls.values():  # unmeasured: fills the bytecode cache and the page cache
        run(argv)
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(reps):  # interleaved, so that machine load hits all alike
        for name, argv in calls.items():
            times[name].append(run(argv))
    out = {("baseline_s" if name == "baseline" else name): statistics.median(ts) for name, ts in times.items()}
    out["worst_ratio"] = max(v for k, v in out.items() if k.startswith("search ")) / out["baseline_s"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached index")
    parser.add_argument("--reps", type=int, default=10, help="repetitions per query and per cold call")
    parser.add_argument("--per-query", action="store_true", help="also list each warm query's median")
    args = parser.parse_args()
    if not (CORPUS / "train.jsonl").exists():
        sys.exit(f"PolNeAR not found at {CORPUS}")
    OUT.mkdir(parents=True, exist_ok=True)
    built = build(args.rebuild)
    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}",
        "index_build_s": round(built, 1),
    }
    report["warm"], per_query = warm(args.reps)
    report["cold"] = cold(args.reps, cached_bytecode=False)
    report["cold_cached_bytecode"] = cold(args.reps, cached_bytecode=True)
    if args.per_query:
        report["warm_per_query"] = [{"type": k, "query": q, "median_ms": round(m, 2), "total": n} for k, q, m, n in per_query]
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"machine: {report['machine']}" + (f"; index built in {built:.1f} s" if built else "; cached index"))
    print(f"{'warm query type':<16}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}")
    for kind, f in report["warm"].items():
        print(f"{kind:<16}{f['n']:>5}{f['p50_ms']:>9.1f}{f['p95_ms']:>9.1f}")
    print("targets: p50 <= 20 ms, p95 <= 60 ms (all); cross-tab p50 < 150 ms")
    if args.per_query:
        print(f"\n{'type':<9}{'median ms':>10}{'total':>7}  query")
        for kind, query, median, total in per_query:
            print(f"{kind:<9}{median:>10.1f}{total:>7}  {query}")
    for key, title in (("cold", "as this environment runs Python"), ("cold_cached_bytecode", "bytecode cached")):
        c = report[key]
        print(f"\ncold calls, {title} (median of {args.reps})")
        print(f"  {'':<56}{'seconds':>7}{'x baseline':>11}")
        for name, v in c.items():
            if name != "worst_ratio":
                print(f"  {name:<56}{v:>7.3f}{v / c['baseline_s']:>11.2f}")
        print(f"target: <= 2.5 x baseline; worst {c['worst_ratio']:.2f}")


if __name__ == "__main__":
    main()
