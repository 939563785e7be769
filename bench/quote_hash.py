"""One hash of every quote the extractor gives on the benchmark articles: a refactor of the
extractor must leave it unchanged (run it pure, QUOTE_SEARCH_PURE=1, and compiled).

    python -m bench.quote_hash               # learned finder on (the default)
    python -m bench.quote_hash --rules-only  # the rules alone

The articles: PolNeAR dev and train and the variety dev set (../shared, read as
`bench.quotes` reads them) and the seeds; every field of every quote goes into the hash.
"""

from __future__ import annotations

import argparse
import hashlib
import sys

from bench.quotes import DEFAULT_CORPUS, SEEDS_DIR, VARIETY_DEV, load_corpus
from search.quotes import BUILD, extract_quotes
from search.readers.corpus import read_corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules-only", action="store_true", help="the rules alone, without the learned finder")
    args = ap.parse_args(argv)
    paths = [DEFAULT_CORPUS, DEFAULT_CORPUS.with_name("train.jsonl"), VARIETY_DEV]
    articles = [a for a, _gold in load_corpus([p for p in paths if p.exists()])]
    articles += [a for a in read_corpus([SEEDS_DIR]) if hasattr(a, "body")]
    h = hashlib.sha256()
    quotes = 0
    for a in articles:
        for q in extract_quotes(a, not args.rules_only):
            h.update(q.model_dump_json().encode("utf-8"))
            h.update(b"\n")
            quotes += 1
    print(f"{h.hexdigest()[:16]}  {len(articles)} articles, {quotes} quotes, {BUILD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
