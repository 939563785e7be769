"""What each part of a quote document costs the Whoosh writer, by leaving it out.

    python -m bench.quote_doc_parts                          # 2,000 articles, 3 rounds
    python -m bench.quote_doc_parts --articles 1000 --rounds 2

Issue 22 asks for the Whoosh pipeline at 1.3x the CPU of plain Whoosh; what decides it is
what a quote document costs (docs/indexing.md, "0.12.5"). This indexes the generated
corpus (`bench.corpus`, made once under bench/out/) in one process and keeps every document
as it reached the worker's segment, then writes them all again into fresh segments
(`WhooshSegmentSink`, finished as a worker finishes it): the articles alone, and the
articles with every quote document whole or with one group of its fields left out. The
variants run one after another in each round, so the machine's drift hits all of them;
the CPU of each write is printed per round, with the cost per quote over the articles
alone in the best round. A part's cost is the whole document's less the document
without it; the parts do not add up exactly (a segment's terms and runs cost more than in
proportion), and rounds of one variant spread by 10-25% on a shared machine.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from whoosh import index

from bench.indexing import ensure_corpus

_SEARCHED = {"id", "text", "speaker", "speaker_id", "source", "date", "kind"}
_STORED_ONLY = {"speaker_mention", "cue", "start", "end", "pieces", "paragraph", "article_title"}

# variant -> which fields of a quote document are left out (None: the whole document;
# "ALL": no quote documents); "ONLY:" keeps just the fields named
VARIANTS: dict[str, Any] = {
    "articles only": "ALL",
    "whole": None,
    "words only (id, kind, article_id, text)": ("ONLY", {"id", "kind", "article_id", "text"}),
    "without text": {"text"},
    "without keyword and column fields": {
        "speaker_name", "speaker_local", "speaker_id", "speaker_type", "quote_kind", "cue_class",
        "source", "date", "has_date", "path", "group",
    },
    "without speaker words (speaker, speaker_text, description)": {"speaker", "speaker_text", "description"},
    "without fp (grouping keys)": {"fp"},
    "without id": {"id"},
    "without stored-only fields": _STORED_ONLY,
    # built up from nothing: what a leaner quote document would cost (0.12.6)
    "id only": ("ONLY", {"id"}),
    "id and text": ("ONLY", {"id", "text"}),
    "a searchable core (id, text, speaker, speaker_id, source, date, kind)": ("ONLY", _SEARCHED),
    "that core and the stored-only fields": ("ONLY", _SEARCHED | _STORED_ONLY),
}  # fmt: skip


def capture(corpus: Path) -> list[dict]:
    """Every document the indexer hands a worker's segment, indexing `corpus` in one process."""
    from search.backend.whoosh import segments
    from search.indexing.indexer import index_paths

    docs: list[dict] = []
    add = segments.WhooshSegmentSink.add

    def keep(self: segments.WhooshSegmentSink, doc: Mapping[str, Any]) -> None:
        docs.append(dict(doc))
        add(self, doc)

    segments.WhooshSegmentSink.add = keep  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            index_paths([corpus], Path(tmp) / "index", workers=1)
    finally:
        segments.WhooshSegmentSink.add = add  # type: ignore[method-assign]
    return docs


def variant(docs: list[dict], drop: Any) -> list[dict]:
    out = []
    for doc in docs:
        if doc.get("kind") == "quote":
            if drop == "ALL":
                continue
            if isinstance(drop, tuple):
                doc = {k: v for k, v in doc.items() if k in drop[1]}
            elif drop:
                doc = {k: v for k, v in doc.items() if k not in drop}
        out.append(doc)
    return out


def write(docs: list[dict]) -> float:
    """CPU seconds to write `docs` into a new segment of a new index."""
    from search.backend.whoosh.schema import make_schema
    from search.backend.whoosh.segments import WhooshSegmentSink

    folder = Path(tempfile.mkdtemp(prefix="quote-doc-parts-"))
    try:
        ix = index.create_in(str(folder), make_schema())
        started = time.process_time()
        sink = WhooshSegmentSink(ix, ix.schema)
        for doc in docs:
            sink.add(doc)
        sink.finish()
        return time.process_time() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    docs = capture(ensure_corpus(args.articles, args.seed))
    quotes = sum(1 for d in docs if d.get("kind") == "quote")
    print(f"{len(docs):,} documents, {quotes:,} of them quotes; {args.rounds} rounds alternated", flush=True)
    sets = {name: variant(docs, drop) for name, drop in VARIANTS.items()}
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(args.rounds):
        for name, chosen in sets.items():
            times[name].append(write(chosen))
    base = min(times["articles only"])
    for name, values in times.items():
        per = (min(values) - base) / quotes * 1e6 if quotes else 0.0
        print(f"{name:60s} {', '.join(f'{v:.2f}' for v in values):24s} {per:6.0f} µs a quote")


if __name__ == "__main__":
    main()
