"""Our indexing CPU against plain Whoosh writing the very documents our index holds.

    python -m bench.plain_same_documents --articles 10000 --rounds 2

Issue 22's bar compares our whole pipeline (extraction, one Whoosh document per article and
one per quote, grouping, names) with plain Whoosh indexing the article texts alone
(`bench.indexing_cpu`). That baseline writes a sixteenth of the documents. This one asks the
other question: how does our pipeline compare with Whoosh's own writer given the same
work to write? It indexes the generated corpus (`bench.corpus`) once in process and keeps
every document a worker hands its segment (the articles and the quotes, fields as written,
as `bench.quote_doc_parts` does), saves them, and then alternates, each in a process of its
own: our `search index` of the corpus (two workers, CPU of the whole process tree), and plain
Whoosh's default writer (`ix.writer()`, one process, our schema and analyzer, none of our
writer's changes) adding those saved documents, with no extraction at all; its CPU is
counted from after the documents are loaded. The load average is printed before and after.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.indexing import OUT, ensure_corpus
from bench.indexing_cpu import index_cpu, load_average
from bench.quote_doc_parts import capture

PLAIN_DOCS = """
import pickle, sys, time
from whoosh import index
from search.backend.whoosh.schema import make_schema
docs = pickle.loads(open(sys.argv[1], "rb").read())
started = time.process_time()
ix = index.create_in(sys.argv[2], make_schema())
w = ix.writer()
for doc in docs:
    w.add_document(**doc)
w.commit()
print(time.process_time() - started, len(docs))
"""


def plain_documents(docs_file: Path, work: Path) -> tuple[float, int]:
    """CPU seconds of Whoosh's default writer adding the saved documents, and how many."""
    folder = Path(tempfile.mkdtemp(prefix="plain-docs-", dir=work))
    try:
        out = subprocess.run([sys.executable, "-c", PLAIN_DOCS, str(docs_file), str(folder)], capture_output=True, text=True, check=True, cwd="/")
        cpu, n = out.stdout.split()
        return float(cpu), int(n)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    corpus = ensure_corpus(args.articles, args.seed)
    work = OUT / f"same-docs-{args.articles}"
    work.mkdir(parents=True, exist_ok=True)
    docs_file = work / "documents.pickle"
    if not docs_file.exists():
        docs = capture(corpus)
        docs_file.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    ours_src = Path(__file__).resolve().parent.parent
    print(f"load average before: {load_average()}", flush=True)
    ours: list[float] = []
    plain: list[float] = []
    for r in range(args.rounds):
        cpu, wall, quotes = index_cpu(corpus, work, ours_src)
        ours.append(cpu)
        print(f"  round {r + 1} ours   CPU {cpu:7.1f} s  wall {wall:7.1f} s  ({quotes:,} quotes)  load {load_average()}", flush=True)
        cpu, n = plain_documents(docs_file, work)
        plain.append(cpu)
        print(f"  round {r + 1} plain  CPU {cpu:7.1f} s  ({n:,} documents, Whoosh's default writer)  load {load_average()}", flush=True)
    print(f"load average after: {load_average()}")
    print(f"\n{args.articles:,} articles, {args.rounds} round(s): CPU seconds (min–max), median")
    for name, values in (("ours", ours), ("plain, same documents", plain)):
        print(f"  {name:<22} {min(values):7.1f}–{max(values):<7.1f} median {statistics.median(values):7.1f}")
    print(f"  ours / plain Whoosh writing the same documents: {statistics.median(ours) / statistics.median(plain):.2f}x")


if __name__ == "__main__":
    main()
