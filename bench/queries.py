"""Query speed on PolNeAR train+dev: warm in-process latency and cold CLI calls.

    .venv/bin/python -m bench.queries [--json] [--rebuild] [--reps N]

The index is built once and cached in bench/out/polnear-index (git-ignored). Warm latency is
measured per query type (keyword, phrase, speaker, date range, faceted) after one unmeasured
run of each query; cold CLI calls are timed against `python -c "import whoosh, click,
pydantic"` in the same run, so the ratio holds on any machine. Targets (issue): warm p50 <=
20 ms, p95 <= 60 ms; cold CLI <= 2.5 x the import baseline.
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
}
COLD = [["query", "Trump", "--json"], ["query", "--speaker", "Sanders", "--facet", "source", "--json"]]


def build(rebuild: bool) -> float:
    from search.indexer import index_paths

    if INDEX.exists() and not rebuild:
        return 0.0
    started = time.perf_counter()
    index_paths([CORPUS / "train.jsonl", CORPUS / "dev.jsonl"], INDEX, rebuild=True)
    return time.perf_counter() - started


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def warm(reps: int) -> dict[str, dict[str, float]]:
    from search.searching import Index

    times: dict[str, list[float]] = {kind: [] for kind in QUERIES}
    with Index.open(INDEX) as ix:
        for kind, queries in QUERIES.items():
            for text, options in queries:
                ix.search(text, **options)  # warm caches (lexicons, columns, stems)
                for _ in range(reps):
                    started = time.perf_counter()
                    ix.search(text, **options)
                    times[kind].append((time.perf_counter() - started) * 1000)
    times["all"] = [t for kind in QUERIES for t in times[kind]]
    return {kind: {"p50_ms": pct(ts, 50), "p95_ms": pct(ts, 95), "n": len(ts)} for kind, ts in times.items()}


def cold(reps: int) -> dict[str, float]:
    env = {**os.environ, "SEARCH_INDEX": str(INDEX)}

    def run(argv: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - started

    baseline_cmd = [sys.executable, "-c", "import whoosh, click, pydantic"]
    out: dict[str, float] = {}
    base, clis = [], {" ".join(a): [] for a in COLD}
    for _ in range(reps):  # interleaved, so that machine load hits both alike
        base.append(run(baseline_cmd))
        for args in COLD:
            clis[" ".join(args)].append(run([sys.executable, "-m", "search", *args]))
    out["baseline_s"] = statistics.median(base)
    for name, ts in clis.items():
        out[f"search {name}"] = statistics.median(ts)
    out["worst_ratio"] = max(v for k, v in out.items() if k.startswith("search ")) / out["baseline_s"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached index")
    parser.add_argument("--reps", type=int, default=10, help="repetitions per query and per cold call")
    args = parser.parse_args()
    if not (CORPUS / "train.jsonl").exists():
        sys.exit(f"PolNeAR not found at {CORPUS}")
    OUT.mkdir(parents=True, exist_ok=True)
    built = build(args.rebuild)
    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}",
        "index_build_s": round(built, 1),
        "warm": warm(args.reps),
        "cold": cold(args.reps),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"machine: {report['machine']}" + (f"; index built in {built:.1f} s" if built else "; cached index"))
    print(f"{'warm query type':<16}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}")
    for kind, f in report["warm"].items():
        print(f"{kind:<16}{f['n']:>5}{f['p50_ms']:>9.1f}{f['p95_ms']:>9.1f}")
    print("targets: p50 <= 20 ms, p95 <= 60 ms (all)")
    c = report["cold"]
    print(f"\ncold calls (median of {args.reps})   seconds   x baseline")
    for name, v in c.items():
        if name != "worst_ratio":
            print(f"  {name:<44}{v:>7.3f}{v / c['baseline_s']:>9.2f}")
    print(f"target: <= 2.5 x baseline; worst {c['worst_ratio']:.2f}")


if __name__ == "__main__":
    main()
