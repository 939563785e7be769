"""Speaker profile speed on PolNeAR train+dev (`search speaker NAME`, `Index.speaker`).

    .venv/bin/python -m bench.profile [--reps N] [--json]

Uses the index bench.queries builds and caches (bench/out/polnear-index). For each speaker:
the API call on an index opened once (the first call, which reads the columns, the identity
table and the length column, and the median of the repeated calls after it), and the whole
CLI call (`python -m search speaker NAME`, median of N) beside `search speakers --limit 1`
in the same run, a command that reads the same columns, as a baseline. Target (issue 21's
brief): the most quoted speaker well under 1 s warm.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from bench.queries import CORPUS, INDEX, OUT, build

SPEAKERS = ["Trump", "Clinton", "Sanders", "Comey", "Lukyanov"]  # Lukyanov: none on PolNeAR (exit 1)


def api(reps: int) -> dict[str, dict[str, float]]:
    from search.api import Index
    from search.errors import SearchError

    out = {}
    for name in SPEAKERS:
        with Index.open(INDEX) as ix:
            times = []
            quotes = 0
            for _ in range(reps + 1):
                started = time.perf_counter()
                try:
                    quotes = ix.speaker(name).quotes
                except SearchError:
                    quotes = 0
                times.append((time.perf_counter() - started) * 1000)
        out[name] = {"quotes": quotes, "first_ms": round(times[0], 1), "repeat_p50_ms": round(statistics.median(times[1:]), 1)}
    return out


def cli(reps: int) -> dict[str, float]:
    env = {**os.environ, "SEARCH_INDEX": str(INDEX)}
    calls = {"baseline: search speakers --limit 1": ["speakers", "--limit", "1"], **{f"search speaker {n}": ["speaker", n] for n in SPEAKERS}}

    def run(args: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "search", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - started

    for args in calls.values():  # unmeasured: page cache and bytecode
        run(args)
    times: dict[str, list[float]] = {k: [] for k in calls}
    for _ in range(reps):  # interleaved: machine load hits all alike
        for k, args in calls.items():
            times[k].append(run(args))
    return {k: round(statistics.median(v), 3) for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (CORPUS / "train.jsonl").exists():
        sys.exit(f"PolNeAR not found at {CORPUS}")
    OUT.mkdir(parents=True, exist_ok=True)
    build(False)
    report = {"load": os.getloadavg(), "api": api(args.reps), "cli_s": cli(args.reps)}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"load average: {', '.join(f'{x:.2f}' for x in report['load'])}")
    print(f"{'speaker':<12}{'quotes':>7}{'first ms':>10}{'repeat p50 ms':>15}")
    for name, f in report["api"].items():
        print(f"{name:<12}{f['quotes']:>7}{f['first_ms']:>10.1f}{f['repeat_p50_ms']:>15.1f}")
    print(f"\nwhole CLI call, median of {args.reps}")
    for name, s in report["cli_s"].items():
        print(f"  {name:<40}{s:>7.3f} s")


if __name__ == "__main__":
    main()
