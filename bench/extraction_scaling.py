"""Extraction time and memory on pathological articles (issue 19): it must grow linearly.

    .venv/bin/python -m bench.extraction_scaling            # every case
    .venv/bin/python -m bench.extraction_scaling --case salad-2M --case marks-5M
    .venv/bin/python -m bench.extraction_scaling --limit 0  # quotes even above MAX_ARTICLE_CHARS

Each case runs in a fresh interpreter (so its peak RSS is its own): the text is generated
from a fixed seed, read through the plain-text reader (`parse_text_article`) and handed to
`extract_quotes`, as `search index` does. The table gives the seconds to read and to
extract, the peak RSS, and how many quotes came out. The cases:

- `salad-256K` .. `salad-2M`: one paragraph of word salad with no sentence end at all,
  capitalised names and 'said' sprinkled in (what a scraped page with its punctuation
  stripped, or a log, looks like). Before the fix: 0.54 / 1.87 / 7.3 / 31 s.
- `marks-5M`: 5 MB in one paragraph holding 20,001 opening « marks, none closed, in
  sentences that do end (« never closes «, as '"word' never closes '"', so each opens one more
  level; “ would close the “ before it). Before: 18.7 s.
- `oneline-50M`: 50 MB of ordinary news prose (sentences, quotes, names) on one line.
  Before: stopped after 10 minutes (4 MB took 14.4 s).
(Figures and the machine: docs/benchmarks.md, "Extraction on pathological articles".)

By default the article size limit applies (`search.quotes.MAX_ARTICLE_CHARS`: the indexer
skips the quotes of a longer article, so `oneline-50M` then only reads); `--limit 0` lifts
it, to measure the extractor itself on every size.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

_WORDS = (
    "the of and to a in for is on that by this with you it not or be are from at as your all have new more an was we will home can us "
    "about if page my has search free but our one other do no information time they site he up may what which their news out use any "
    "there see only so his when contact here business who web also now help get pm view online first am been would how were me services "
    "some these click its like service than find price date back top people had list name just over state year day into email two health "
    "world re next used go work last most products music buy data make them should product system post her city add policy number such "
    "please available copyright support message after best software then jan good video well where info rights public books high school "
    "through each links she review years order very privacy book items company read group need many user said de does set under general "
    "research university january mail full map reviews program life know games way days management part could great united hotel real"
).split()
_NAMES = ["Elena Ruiz", "John Smith", "Maria Gonzalez", "Donald Trump", "Hillary Clinton", "Tom Ridge", "Angela Merkel", "Wei Chen"]

_PROSE = (
    "Mayor Elena Ruiz said on Tuesday that the city would not raise taxes this year. "
    "“We have done the work, and the numbers hold,” Ruiz told reporters at City Hall. "
    "Her opponent, John Smith, disagreed. “The budget is a fiction,” he said, adding that the council had ignored the auditors. "
    "According to the auditor's office, the deficit grew by 4 percent in the last quarter. "
    "Smith, a former councilman, has called the plan “reckless spending” and promised a recount of the ballots. "
    "The council will vote on the budget next week, a spokesman said. "
)


def salad(size: int, seed: int = 19) -> str:
    """`size` characters of unpunctuated words in one paragraph: no sentence ends at all."""
    return " ".join(_words(random.Random(seed), size))[:size]


def _words(rnd: random.Random, size: int) -> list[str]:
    """Ordinary words with a name now and then and 'said' (a cue), until `size` characters."""
    out: list[str] = []
    n = 0
    while n < size:
        r = rnd.random()
        w = rnd.choice(_NAMES) if r < 0.03 else "said" if r < 0.05 else rnd.choice(_WORDS)
        out.append(w)
        n += len(w) + 1
    return out


def unclosed_marks(size: int = 5_000_000, marks: int = 20_001, seed: int = 19) -> str:
    """One paragraph of `size` characters with `marks` opening « that never close, each
    opening a sentence of ordinary words and names."""
    rnd = random.Random(seed)
    chunk = size // marks
    out: list[str] = []
    for _ in range(marks):
        out.append("«" + " ".join(_words(rnd, chunk - 2)) + ". ")
    return "".join(out)


def one_line(size: int = 50_000_000) -> str:
    """`size` characters of ordinary news prose on one line."""
    return (_PROSE * (size // len(_PROSE) + 1))[:size]


CASES = {
    "salad-256K": lambda: salad(256 * 1024),
    "salad-512K": lambda: salad(512 * 1024),
    "salad-1M": lambda: salad(1024 * 1024),
    "salad-2M": lambda: salad(2048 * 1024),
    "marks-5M": lambda: unclosed_marks(),
    "oneline-50M": lambda: one_line(),
}


def run_case(name: str, limit: bool) -> dict[str, object]:
    """Measure one case in this process."""
    from search.quotes import extract_quotes
    from search.readers.text import parse_text_article

    try:
        from search.quotes import too_long
    except ImportError:  # before the size limit existed
        too_long = None  # type: ignore[assignment]
    text = CASES[name]()
    started = time.perf_counter()
    article = parse_text_article(text, name)
    read_s = time.perf_counter() - started
    skipped = bool(limit and too_long is not None and too_long(article))
    started = time.perf_counter()
    quotes = [] if skipped else extract_quotes(article)
    extract_s = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "case": name,
        "chars": len(text),
        "paragraphs": len(article.body),
        "read_s": round(read_s, 2),
        "extract_s": round(extract_s, 2),
        "peak_rss_mb": round(rss_mb),
        "quotes": len(quotes),
        "skipped": skipped,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    ap.add_argument("--limit", type=int, choices=[0, 1], default=1, help="1 (default): skip quotes over MAX_ARTICLE_CHARS as indexing does; 0: extract")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(run_case(args.child, bool(args.limit))))
        return 0
    from search.quotes import BUILD

    rows = []
    for name in args.case or list(CASES):
        child = [sys.executable, "-m", "bench.extraction_scaling", "--child", name, "--limit", str(args.limit)]
        out = subprocess.run(child, capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout))
        if not args.json:
            r = rows[-1]
            if len(rows) == 1:
                print(f"extractor: {BUILD}")
                print(f"{'case':<13}{'chars':>11}{'paras':>7}{'read s':>8}{'extract s':>11}{'peak RSS MB':>13}{'quotes':>8}")
            note = "  (quotes skipped: over MAX_ARTICLE_CHARS)" if r["skipped"] else ""
            figures = f"{r['read_s']:>8.2f}{r['extract_s']:>11.2f}{r['peak_rss_mb']:>13}{r['quotes']:>8}"
            print(f"{r['case']:<13}{r['chars']:>11,}{r['paragraphs']:>7}{figures}{note}", flush=True)
    if args.json:
        print(json.dumps({"build": BUILD, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
