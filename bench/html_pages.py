"""Saved web pages against the text the annotators worked on: does reading the page itself
lose quotations, and does quote finding score the same on it?

    python -m bench.html_pages            # ../shared/corpora/html-news and variety/dev.jsonl
    python -m bench.html_pages --json

Three measures, the bars of issue 20:
- indexing: `search index` of the whole html-news folder into a fresh index (pages, seconds,
  per language and format, titles, dates and outlets found, what was skipped);
- coverage: of the annotated quotations of the 15 variety articles, how many have their text
  in the body the HTML reader gives for the same page (whitespace-normalised);
- quote finding: the variety scorer (`bench.quotes.score`) on the articles read from the
  pages, with the gold spans found again in the page text, beside the same articles read
  from dev.jsonl, in the same run. Also: no body may hold page furniture ('advertisement',
  'Sign up', 'Read more', a cookie notice).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.quotes import SHARED, VARIETY_DEV, load_corpus, score
from search.models import Article
from search.readers.corpus import Skip, read_corpus

HTML_NEWS = SHARED / "corpora" / "html-news"
FURNITURE = re.compile(r"(?i:\badvertisement\b)|\bSign up\b|\bRead more\b|(?i:\bcookies?\b[^.]{0,80}\b(?:consent|accept|policy|settings|use)\b)")


def _ws(text: str) -> str:
    return " ".join(text.split())


def body_text(article: Article) -> str:
    return "\n".join(p.text for p in article.body)


def page_docs(pages: dict[str, Article], docs: list[tuple[Article, list[dict]]]) -> tuple[list[tuple[Article, list[dict]]], int, int, list[str]]:
    """The variety gold moved onto the page articles: each gold piece is looked for in the
    page's body (nearest occurrence to its old offset). Returns the docs, the gold pieces
    found, all gold pieces and the texts missed."""
    out = []
    found = total = 0
    missed: list[str] = []
    for article, gold in docs:
        page = pages.get(article.id)
        if page is None:
            continue
        kept_spans = [(p.start, p.end) for p in page.body]
        moved = []
        for g in gold:
            pieces = []
            for s, e in g["pieces"]:
                total += 1
                want = article.text[s:e]
                spots = [m.start() for m in re.finditer(re.escape(want), page.text)]
                spots = [x for x in spots if any(a <= x and x + len(want) <= b for a, b in kept_spans)]
                if spots:
                    found += 1
                    at = min(spots, key=lambda x: abs(x - s))
                    pieces.append((at, at + len(want)))
                else:
                    missed.append(f"{article.id}: {want[:100]!r}")
            if pieces:
                moved.append(g | {"pieces": pieces})
            else:  # still a gold quote: a miss for the page reader
                moved.append(g | {"pieces": [(len(page.text), len(page.text))]})
        out.append((page, moved))
    return out, found, total, missed


def index_run(folder: Path) -> dict:
    from search.indexing.indexer import index_paths

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = index_paths([folder], Path(tmp) / "index", rebuild=True)
        seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "articles": report.articles, "formats": report.formats, "skipped": report.skipped_reasons, "notes": report.notes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-index", action="store_true", help="skip the timed indexing run")
    args = ap.parse_args(argv)
    if not HTML_NEWS.is_dir() or not VARIETY_DEV.exists():
        print(f"needs {HTML_NEWS} and {VARIETY_DEV}", file=sys.stderr)
        return 2
    result: dict = {}
    if not args.no_index:
        result["index"] = index_run(HTML_NEWS)
    pages: dict[str, Article] = {}
    skips = []
    for item in read_corpus([HTML_NEWS]):
        if isinstance(item, Skip):
            skips.append(str(item))
        else:
            pages[item.id.removesuffix(".html")] = item
    result["pages"] = {
        "read": len(pages),
        "languages": dict(Counter(a.language or "?" for a in pages.values())),
        "with_title": sum(bool(a.title) and not a.title_derived for a in pages.values()),
        "with_date": sum(a.date is not None for a in pages.values()),
        "with_source": sum(bool(a.source) for a in pages.values()),
        "skipped": skips,
        "furniture": [f"{a.id}: {m.group()!r}" for a in pages.values() for m in [FURNITURE.search(body_text(a))] if m],
    }
    docs = load_corpus([VARIETY_DEV])
    moved, found, total, missed = page_docs(pages, docs)
    result["coverage"] = {"found": found, "gold": total, "share": round(found / total, 4) if total else 0.0, "missed": missed}
    jsonl_score = score(docs)
    page_score = score(moved)
    f1 = {name: res["overlap_30"]["all"]["f1"] for name, res in (("jsonl", jsonl_score), ("pages", page_score))}
    result["quotes"] = {"articles": len(moved), "f1_all_jsonl": f1["jsonl"], "f1_all_pages": f1["pages"], "difference": round(f1["pages"] - f1["jsonl"], 4)}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    if "index" in result:
        ix = result["index"]
        print(f"index html-news: {ix['articles']} article(s) in {ix['seconds']} s; formats {ix['formats']}; skipped {len(ix['skipped'])}")
        for line in ix["skipped"] + ix["notes"]:
            print(f"  {line}")
    p = result["pages"]
    print(f"pages read: {p['read']} ({p['languages']}); title {p['with_title']}, date {p['with_date']}, source {p['with_source']}")
    print(f"furniture in bodies: {len(p['furniture'])}" + "".join(f"\n  {x}" for x in p["furniture"]))
    c = result["coverage"]
    print(f"quotation texts in the page body: {c['found']}/{c['gold']} = {c['share']:.1%}" + "".join(f"\n  missed {x}" for x in c["missed"][:10]))
    q = result["quotes"]
    f1 = f"dev.jsonl {q['f1_all_jsonl']:.4f}, pages {q['f1_all_pages']:.4f} ({q['difference']:+.4f})"
    print(f"quote finding, all kinds F1 at 30%: {f1}, {q['articles']} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
