"""Indexing benchmark: our whole pipeline against plain Whoosh and ripgrep, in one run.

    python -m bench.indexing --sizes 10000,100000     # the figures in the README
    python -m bench.indexing --sizes 1000             # a quick check

For each size it generates (or reuses) a corpus of text files with `bench.corpus`, then
measures, one after another on the same machine:

- `search index` (a real subprocess, as a user runs it): articles per second, peak memory
  of the whole process tree (parent and workers, sampled), index size on disk;
- an incremental run after one file is changed and one is added;
- warm query latency (p50/p95) with the `Index` API kept open, as a server would;
- the baseline: plain Whoosh indexing the same article texts (one `id` and one stored
  `text` field, the same analyzer, no extraction, no quote documents, default writer,
  none of our fixes to Whoosh's writer), so the overhead of everything we do shows as a
  ratio. "The same analyzer" is our `NewsAnalyzer` object by default, the strict reading;
  `--plain-analyzers ours,whoosh` also times Whoosh's own analyzer classes configured to
  give the same tokens (slower: our analyzer is a fused rewrite of that chain);
- `rg` (ripgrep) looking up the same keywords over the raw files, so the value of the
  index shows as a ratio too.

Timings are wall clock, and CPU (user + system of the whole process tree, workers
included: issue 22's bar is ours ≤ 1.3x plain Whoosh's CPU). Generated corpora and indexes go under bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.corpus import article_path, as_text, make_article, write_text_corpus

OUT = Path(__file__).resolve().parent / "out"
KEYWORDS = ["immigration", "Obamacare", "pipeline", "refugees", "filibuster", "tariffs"]
QUERIES = [*KEYWORDS, '"tax plan"', "speaker:clinton", "Clinton AND email", "Supreme Court nominee"]
BARS = {"overhead": 1.5, "cpu_overhead": 1.3, "minutes_100k": 15.0, "peak_gb": 1.5, "incremental_s": 5.0, "p50_ms": 50.0}


# --- measuring -----------------------------------------------------------------------


def _tree_rss(root: int) -> tuple[int, int, int]:
    """Memory of a process and all its descendants, in bytes (Linux /proc): anonymous
    memory with pages shared by forked workers counted once (the sum of Pss_Anon: what the
    run takes from the machine), the same summed per process (RssAnon: a page a worker
    still shares with the parent counts twice), and everything resident (with mmapped index
    files, page cache the kernel can drop: Whoosh maps its compound segment files)."""
    parents: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                parents[int(d)] = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    pss = anon = total = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("RssAnon:"):
                        anon += int(line.split()[1]) * 1024
                    elif line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("Pss_Anon:"):
                        pss += int(line.split()[1]) * 1024
        except OSError:
            pass
        todo.extend(p for p, pp in parents.items() if pp == pid)
    return pss, anon, total


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process (and the children they
    waited for: indexing workers count too)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run `cmd`; return wall seconds, peak anonymous memory of its process tree (shared
    pages once), and the result (`run_measured.peak_rss_anon` keeps the peak of RssAnon
    summed per process, `run_measured.peak_total` the peak with mapped files too,
    `run_measured.cpu` the CPU seconds, user + system, of the whole tree)."""
    started = time.perf_counter()
    cpu_before = _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, cwd=cwd)
    peak = peak_anon = peak_total = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_anon, peak_total
        while not stop.is_set():
            pss, anon, total = _tree_rss(proc.pid)
            peak, peak_anon, peak_total = max(peak, pss), max(peak_anon, anon), max(peak_total, total)
            stop.wait(0.25)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    t.join()
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    run_measured.cpu = _children_cpu() - cpu_before  # type: ignore[attr-defined]
    run_measured.peak_total = peak_total  # type: ignore[attr-defined]
    run_measured.peak_rss_anon = peak_anon  # type: ignore[attr-defined]
    if proc.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-2000:]}")
    return seconds, peak, result


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


PLAIN = """
import sys, time
from pathlib import Path
from whoosh import index
from whoosh.fields import ID, TEXT, Schema
corpus, out, procs, analyzer = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
if analyzer == "whoosh":  # Whoosh's own classes for the same analysis (the same tokens)
    from whoosh.analysis import CharsetFilter, StemmingAnalyzer
    from whoosh.support.charset import accent_map
    TEXT_ANALYZER = StemmingAnalyzer(stoplist=None) | CharsetFilter(accent_map)
else:
    from search.backend.whoosh.schema import TEXT_ANALYZER
ix = index.create_in(out, Schema(id=ID(stored=True, unique=True), text=TEXT(analyzer=TEXT_ANALYZER, stored=True)))
w = ix.writer(procs=procs, multisegment=True) if procs > 1 else ix.writer()
n = 0
for p in sorted(corpus.rglob("*.txt")):
    w.add_document(id=str(p), text=p.read_text(encoding="utf-8"))
    n += 1
w.commit()
print(n)
"""


PLAIN_ANALYZERS = {
    "ours": "our analyzer (search.backend.whoosh.analysis.NewsAnalyzer, the one our index uses)",
    "whoosh": "Whoosh's StemmingAnalyzer | CharsetFilter chain (the same tokens, Whoosh's code)",
}


def plain_whoosh(corpus: Path, work: Path, procs: int, analyzer: str = "ours") -> dict:
    """Plain Whoosh over the same article texts: the baseline, in its own process, with
    Whoosh's own writer as users get it (ours is search.backend.whoosh.fast_writer)."""
    ix = work / f"plain-{procs}-{analyzer}"
    shutil.rmtree(ix, ignore_errors=True)
    ix.mkdir(parents=True)
    seconds, peak, _ = run_measured([sys.executable, "-c", PLAIN, str(corpus), str(ix), str(procs), analyzer])
    return {
        "seconds": round(seconds, 2),
        "cpu_s": round(run_measured.cpu, 2),  # type: ignore[attr-defined]
        "peak_mb": round(peak / 1e6),
        "peak_rss_anon_mb": round(run_measured.peak_rss_anon / 1e6),  # type: ignore[attr-defined]
        "peak_with_mapped_files_mb": round(run_measured.peak_total / 1e6),  # type: ignore[attr-defined]
        "size_mb": round(dir_size(ix) / 1e6, 1),
    }


def query_latency(index_dir: Path, repeats: int) -> dict:
    """Warm latency of each query with the Index API kept open (as a server would)."""
    from search import Index

    per_query: dict[str, list[float]] = {}
    with Index.open(index_dir) as ix:
        for q in QUERIES:
            ix.search(q, limit=10)  # warm: first use loads columns and caches
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                ix.search(q, limit=10)
                times.append((time.perf_counter() - t) * 1000)
            per_query[q] = times
    every = sorted(t for ts in per_query.values() for t in ts)
    keyword = sorted(t for q in KEYWORDS for t in per_query[q])
    return {
        "p50_ms": round(statistics.median(every), 2),
        "p95_ms": round(every[int(0.95 * (len(every) - 1))], 2),
        "keyword_p50_ms": round(statistics.median(keyword), 2),
        "by_query_p50_ms": {q: round(statistics.median(ts), 2) for q, ts in per_query.items()},
    }


def ripgrep(corpus: Path) -> dict | None:
    """Time `rg` finding each keyword over the raw files (warm page cache, best of 3)."""
    rg = shutil.which("rg")
    if rg is None:
        return None
    out = {}
    for word in KEYWORDS:
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([rg, "-l", "-i", "-w", word, str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - t)
        out[word] = round(best * 1000, 1)
    return out


# --- one size ------------------------------------------------------------------------


def ensure_corpus(n: int, seed: int) -> Path:
    corpus = OUT / f"corpus-{n}-s{seed}"
    marker = corpus / ".complete"
    if not marker.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        write_text_corpus(corpus, n, seed)
        marker.write_text("ok")
        print(f"  generated {n:,} articles in {time.perf_counter() - t:.1f} s", flush=True)
    return corpus


def bench_size(n: int, seed: int, repeats: int, plain_procs: list[int], plain_analyzers: list[str] | None = None) -> dict:
    print(f"\n== {n:,} articles ==", flush=True)
    corpus = ensure_corpus(n, seed)
    work = OUT / f"work-{n}"
    index_dir = work / "index"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    search = [sys.executable, "-m", "search", "index", str(corpus), "--index", str(index_dir), "--json", "--quiet"]

    seconds, peak, result = run_measured(search)
    report = json.loads(result.stdout)
    ours = {
        "seconds": round(seconds, 2),
        "cpu_s": round(run_measured.cpu, 2),  # type: ignore[attr-defined]
        "articles_per_s": round(n / seconds, 1),
        "quotes": report["quotes"],
        "quotes_per_article": round(report["quotes"] / n, 1),
        "peak_mb": round(peak / 1e6),
        "peak_rss_anon_mb": round(run_measured.peak_rss_anon / 1e6),  # type: ignore[attr-defined]
        "peak_with_mapped_files_mb": round(run_measured.peak_total / 1e6),  # type: ignore[attr-defined]
        "size_mb": round(dir_size(index_dir) / 1e6, 1),
    }
    print(f"  ours: {ours}", flush=True)

    # incremental: one file changed, one new; the corpus is put back afterwards
    changed = article_path(corpus, n // 2)
    original = changed.read_bytes()
    added = article_path(corpus, n)
    try:
        changed.write_bytes(original + b"\nA late paragraph, added to change the file.\n")
        added.parent.mkdir(parents=True, exist_ok=True)
        added.write_text(as_text(make_article(seed, n)), encoding="utf-8")
        inc_seconds, inc_peak, inc = run_measured(search)
        inc_report = json.loads(inc.stdout)
    finally:
        changed.write_bytes(original)
        added.unlink(missing_ok=True)
    incremental = {
        "seconds": round(inc_seconds, 2),
        "peak_mb": round(inc_peak / 1e6),
        "added": inc_report["added"],
        "updated": inc_report["updated"],
        "unchanged": inc_report["unchanged"],
    }
    print(f"  incremental (1 changed, 1 new): {incremental}", flush=True)

    queries = query_latency(index_dir, repeats)
    print(f"  queries: p50 {queries['p50_ms']} ms, p95 {queries['p95_ms']} ms", flush=True)

    plain = {}
    for procs in plain_procs:
        for analyzer in plain_analyzers or ["ours"]:
            key = f"{procs}-{analyzer}"
            plain[key] = plain_whoosh(corpus, work, procs, analyzer)
            print(f"  plain Whoosh, procs={procs}, {PLAIN_ANALYZERS[analyzer]}: {plain[key]}", flush=True)

    rg = ripgrep(corpus)
    if rg is None:
        print("  rg (ripgrep) is NOT installed: no keyword comparison (apt-get install ripgrep)", flush=True)
    else:
        print(f"  rg -l -i -w, best of 3, ms: {rg}", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return {"articles": n, "ours": ours, "incremental": incremental, "queries": queries, "plain": plain, "rg_ms": rg}


def summary(results: list[dict]) -> str:
    lines = []
    for r in results:
        n, ours, plain = r["articles"], r["ours"], r["plain"]
        base = plain.get("1-ours")
        lines.append(f"\n{n:,} articles ({ours['quotes']:,} quotes, {ours['quotes_per_article']} per article)")
        lines.append(
            f"  our pipeline        {ours['seconds']:9.1f} s  {ours['articles_per_s']:7.1f} articles/s  "
            f"peak {ours['peak_mb']:,} MB (anonymous, shared pages once; RssAnon summed per process {ours['peak_rss_anon_mb']:,} MB; "
            f"{ours['peak_with_mapped_files_mb']:,} MB with mapped index files)  index {ours['size_mb']:,} MB"
        )
        for key, p in plain.items():
            lines.append(
                f"  plain Whoosh {key:<9} {p['seconds']:9.1f} s  {n / p['seconds']:7.1f} articles/s  peak {p['peak_mb']:,} MB  "
                f"index {p['size_mb']:,} MB   ours/plain = {ours['seconds'] / p['seconds']:.2f}"
            )
        if base:
            ratio = ours["seconds"] / base["seconds"]
            verdict = "met" if ratio <= BARS["overhead"] else "NOT met"
            lines.append(f"  overhead vs plain Whoosh (default writer, our analyzer): {ratio:.2f}x (bar {BARS['overhead']}x: {verdict})")
            cpu = ours["cpu_s"] / base["cpu_s"]
            verdict = "met" if cpu <= BARS["cpu_overhead"] else "NOT met"
            lines.append(
                f"  CPU (user + system, workers included): ours {ours['cpu_s']:.1f} s, plain {base['cpu_s']:.1f} s: "
                f"{cpu:.2f}x (bar {BARS['cpu_overhead']}x: {verdict})"
            )
        else:
            lines.append("  plain Whoosh with our analyzer and the default writer: not timed (see --plain-procs, --plain-analyzers)")
        inc = r["incremental"]
        lines.append(
            f"  incremental, 1 changed + 1 new file: {inc['seconds']:.2f} s ({inc['added']} added, {inc['updated']} updated, {inc['unchanged']:,} unchanged)"
        )
        q = r["queries"]
        lines.append(f"  warm queries: p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms; keyword p50 {q['keyword_p50_ms']} ms")
        if r["rg_ms"]:
            rg_med = round(statistics.median(r["rg_ms"].values()), 1)
            kw = round(statistics.median(q["by_query_p50_ms"][k] for k in KEYWORDS), 2)
            lines.append(f"  rg over the raw files: median {rg_med} ms per keyword; index {kw} ms: index is {rg_med / kw:.0f}x faster")
        else:
            lines.append("  rg: not installed, no comparison")
        if n >= 100_000:
            minutes = ours["seconds"] / 60 * (100_000 / n)
            lines.append(
                f"  bars at 100k: {minutes:.1f} min (< {BARS['minutes_100k']}), peak {ours['peak_mb'] / 1000:.2f} GB (< {BARS['peak_gb']}), "
                f"incremental {inc['seconds']:.1f} s (< {BARS['incremental_s']}), p50 {q['keyword_p50_ms']} ms (< {BARS['p50_ms']})"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Indexing benchmark (see the module docstring).")
    ap.add_argument("--sizes", default="10000,100000", help="Comma-separated corpus sizes (articles).")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=20, help="Timed runs of each query.")
    ap.add_argument("--plain-procs", default="1", help="Plain Whoosh baselines to time: 1 (default writer), 2 (procs=2), 1,2, or none.")
    ap.add_argument(
        "--plain-analyzers",
        default="ours",
        help="Analyzer of the plain baselines: ours (the bar's baseline), whoosh (Whoosh's own chain, same tokens), or ours,whoosh.",
    )
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    plain_procs = [int(p) for p in args.plain_procs.split(",") if p.strip() and p.strip() != "none"]
    OUT.mkdir(parents=True, exist_ok=True)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"
    print(f"indexing benchmark, {dt.datetime.now().isoformat(timespec='minutes')}, {machine}", flush=True)
    plain_analyzers = [a.strip() for a in args.plain_analyzers.split(",") if a.strip()]
    unknown = [a for a in plain_analyzers if a not in PLAIN_ANALYZERS]
    if unknown:
        ap.error(f"unknown --plain-analyzers {', '.join(unknown)}; use ours, whoosh or ours,whoosh")
    results = [bench_size(n, args.seed, args.repeats, plain_procs, plain_analyzers) for n in sizes]
    text = summary(results)
    print(text)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    (OUT / f"indexing-{stamp}.json").write_text(json.dumps({"machine": machine, "results": results}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
