"""Hostile and unlucky queries (issue 19): each must answer or refuse in under a second.

    .venv/bin/python -m bench.hostile [--index DIR] [--rebuild] [--json]

Runs on an index of PolNeAR train + dev (built once into bench/out/polnear-index, the index
bench.queries uses, unless --index names another). Each query runs through the Python API
as `search query` runs it, after one unmeasured warm-up search; the table gives its time,
and whether it answered (with its total) or was refused (with the first words of the
message the user sees). `*` is timed against no TEXT at all in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"
INDEX = ROOT / "bench" / "out" / "polnear-index"
LIMIT_S = 1.0

# (label, query text, options)
QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("no TEXT", "", {}),
    ("*", "*", {}),
    ("*a*", "*a*", {}),
    ("?a*", "?a*", {}),
    ("speaker:*a*", "speaker:*a*", {}),
    ("Republican~9", "Republican~9", {}),
    ("Republican~2", "Republican~2", {}),
    ("a*", "a*", {}),
    ("100 unknown words", " ".join(f"zqx{i}vbn" for i in range(100)), {}),
    ("one 8,000-char word", "a" * 8000, {}),
    ("one 2,000-char word", "b" * 2000, {}),
    ("100 KB query", ("Trump AND Clinton " * 6000)[:100_000], {}),
    ("<a", "<a", {}),
    ("Trump~1/9", "Trump~1/9", {}),
    ("--since 0000", "Trump", {"since": "0000"}),
    ("a (>)", "a (>)", {}),
    ("lone surrogate", "Trump \udcff", {}),
    ("date:[2016-03 TO 2016]", "date:[2016-03 TO 2016]", {}),
    ("a ANDMAYBE ANDMAYBE b", "a ANDMAYBE ANDMAYBE b", {}),
    ("1,000 nested parentheses", "(" * 1000 + "Trump" + ")" * 1000, {}),
    ("--since ''", "Trump", {"since": ""}),
    ('"the the the"', '"the the the"', {}),
    ("said OR says OR told", "said OR says OR told", {"facets": ["speaker", "source", "date"]}),
]


def build(index: Path, rebuild: bool) -> float:
    from search.indexing.indexer import index_paths

    if index.exists() and not rebuild:
        return 0.0
    started = time.perf_counter()
    index_paths([CORPUS / "train.jsonl", CORPUS / "dev.jsonl"], index, rebuild=True)
    return time.perf_counter() - started


def run(index: Path) -> list[dict[str, Any]]:
    from search.api import Index
    from search.errors import SearchError

    rows = []
    with Index.open(index) as ix:
        ix.search_json("Trump", facets=["speaker"])  # warm: columns, name lists, stems
        for label, text, options in QUERIES:
            started = time.perf_counter()
            try:
                result = ix.search_json(text, **options)
                outcome, detail = "answered", f"{result['total']} matches" + (f"; {result['notes'][0]}" if result["notes"] else "")
            except SearchError as exc:
                outcome, detail = "refused", str(exc)
            seconds = time.perf_counter() - started
            rows.append({"query": label, "outcome": outcome, "seconds": round(seconds, 4), "detail": detail[:110]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=None, help="an index to use instead of PolNeAR train + dev")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached PolNeAR index")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    index = args.index or INDEX
    built = 0.0
    if args.index is None:
        if not (CORPUS / "train.jsonl").exists():
            sys.exit(f"PolNeAR not found at {CORPUS}; pass --index DIR")
        index.parent.mkdir(parents=True, exist_ok=True)
        built = build(index, args.rebuild)
    rows = run(index)
    slow = [r for r in rows if r["seconds"] >= LIMIT_S]
    if args.json:
        print(json.dumps({"index": str(index), "limit_s": LIMIT_S, "rows": rows, "over_limit": len(slow)}, indent=2))
    else:
        print(f"index: {index}" + (f" (built in {built:.1f} s)" if built else ""))
        print(f"{'query':<26}{'outcome':<10}{'seconds':>8}  detail")
        for r in rows:
            print(f"{r['query']:<26}{r['outcome']:<10}{r['seconds']:>8.3f}  {r['detail']}")
        print(f"\n{len(rows) - len(slow)} of {len(rows)} answered or refused in under {LIMIT_S:g} s")
    sys.exit(1 if slow else 0)


if __name__ == "__main__":
    main()
