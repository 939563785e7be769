"""Indexing CPU: this checkout against another one and against plain Whoosh, alternated.

    python -m bench.indexing_cpu --articles 10000 --rounds 2 --baseline ../main-checkout
    python -m bench.indexing_cpu --articles 10000 --rounds 1          # ours and plain only

Each round runs, one after another on the same generated corpus (`bench.corpus`, made once
under bench/out/ as `bench.indexing` makes it): the baseline checkout's `search index` (with
`PYTHONPATH` set to it, so its code runs with this environment's packages), this
checkout's, and plain Whoosh indexing the same texts (`bench.indexing.PLAIN`: our analyzer,
Whoosh's default writer, no extraction; `--plain-analyzers ours,whoosh` times Whoosh's own
analyzer classes too, giving the same tokens). Every run is a fresh index in its own process
tree, and what is compared is CPU (user + system of the whole tree, the indexing workers
included), which machine load changes far less than wall time; the load average is printed
before and after. Alternating puts the three under the same drift of a shared machine.

A baseline checkout needs its quote extractor compiled like this one (`make`, or copy
`search/quotes/*.so` here into it when search/quotes is the same: `search.quotes.BUILD`
must say 'compiled', and is printed for both), or its extraction runs slower for that
reason alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from bench.indexing import OUT, PLAIN_ANALYZERS, ensure_corpus, plain_whoosh, run_measured


def _env(src: Path | None) -> dict[str, str]:
    return {"PYTHONPATH": str(src)} if src else {}


def _build(src: Path | None) -> str:
    """'compiled' or 'pure': how the checkout's extractor runs."""
    out = subprocess.run(
        [sys.executable, "-c", "import search.quotes as q, search; print(q.BUILD, search.__file__)"],
        capture_output=True,
        text=True,
        env={**os.environ, **_env(src)},
        cwd="/",
        check=True,
    )
    return out.stdout.strip()


def index_cpu(corpus: Path, work: Path, src: Path | None) -> tuple[float, float, int]:
    """CPU and wall seconds of one `search index` run of `corpus` into a new index, and its quotes."""
    index = work / "index"
    shutil.rmtree(index, ignore_errors=True)
    cmd = [sys.executable, "-m", "search", "index", str(corpus), "--index", str(index), "--json", "--quiet"]
    seconds, _, result = run_measured(cmd, env=_env(src), cwd="/")  # not this folder: `-m search` would import it first
    quotes = json.loads(result.stdout)["quotes"]
    shutil.rmtree(index, ignore_errors=True)
    return run_measured.cpu, seconds, quotes  # type: ignore[attr-defined]


def load_average() -> str:
    """The machine's load averages (1, 5, 15 minutes), printed beside each measurement."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--baseline", type=Path, help="Another checkout's top folder (the one holding search/).")
    ap.add_argument("--no-plain", action="store_true", help="Leave plain Whoosh out.")
    ap.add_argument(
        "--plain-analyzers",
        default="ours",
        help="Analyzer of the plain baselines: ours (the bar's baseline, our NewsAnalyzer), whoosh (Whoosh's own classes, same tokens), or ours,whoosh.",
    )
    args = ap.parse_args(argv)
    analyzers = [a.strip() for a in args.plain_analyzers.split(",") if a.strip()]
    unknown = [a for a in analyzers if a not in PLAIN_ANALYZERS]
    if unknown:
        ap.error(f"unknown --plain-analyzers {', '.join(unknown)}; use ours, whoosh or ours,whoosh")
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = ensure_corpus(args.articles, args.seed)
    work = OUT / f"cpu-work-{args.articles}"
    work.mkdir(parents=True, exist_ok=True)
    ours_src = Path(__file__).resolve().parent.parent
    runs: dict[str, list[tuple[float, float]]] = {}
    sides: list[tuple[str, Path | None]] = []
    if args.baseline:
        sides.append(("baseline", args.baseline.resolve()))
    sides.append(("ours", ours_src))
    for name, src in sides:
        print(f"{name}: {src} ({_build(src)})", flush=True)
    print(f"load average before: {load_average()}", flush=True)
    for r in range(args.rounds):
        for name, src in sides:
            cpu, wall, quotes = index_cpu(corpus, work, src)
            runs.setdefault(name, []).append((cpu, wall))
            print(f"  round {r + 1} {name:<9} CPU {cpu:7.1f} s  wall {wall:7.1f} s  ({quotes:,} quotes)  load {load_average()}", flush=True)
        for analyzer in [] if args.no_plain else analyzers:
            plain = plain_whoosh(corpus, work, 1, analyzer)
            key = "plain" if analyzer == "ours" else f"plain-{analyzer}"
            runs.setdefault(key, []).append((plain["cpu_s"], plain["seconds"]))
            print(f"  round {r + 1} {key:<9} CPU {plain['cpu_s']:7.1f} s  wall {plain['seconds']:7.1f} s  load {load_average()}", flush=True)
    print(f"load average after: {load_average()}")
    print(f"\n{args.articles:,} articles, {args.rounds} round(s): CPU seconds (min–max), median")
    med = {name: statistics.median(c for c, _ in v) for name, v in runs.items()}
    for name, v in runs.items():
        cpus = [c for c, _ in v]
        print(f"  {name:<9} {min(cpus):7.1f}–{max(cpus):<7.1f} median {med[name]:7.1f}")
    for plain_key in ("plain", "plain-whoosh"):
        for name in ("baseline", "ours"):
            if plain_key in med and name in med:
                print(f"  {name} / {plain_key} CPU: {med[name] / med[plain_key]:.2f}x")
    if "baseline" in med:
        print(f"  ours / baseline CPU: {med['ours'] / med['baseline']:.2f}x")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
