"""Learn which words are ordinary words, not names, from how training news capitalises them.

    python -m bench.train_lexicon                        # PolNeAR train -> search/quotes/lexicon.json
    python -m bench.train_lexicon FILE.jsonl --out lexicon.json

A capitalised word at the start of a sentence or a headline tells nothing: 'Taking Archie
outside …', 'Is Sanders …', 'Throughout the interview …'. The same word in the middle of a
sentence does: 'taking' is written in lower case there nearly always, 'Sanders' never. So
for every word the trainer counts its occurrences that do not open a sentence (nor follow a
quotation mark or a colon, nor sit in a line of title-case words), lower case against
capitalised. The list keeps each word seen in lower case at least `--min-count` times and
capitalised at most `--max-capital` of the time, with that share: at most 5% is a common
word ('taking', 'story'), more is a word that names things too ('peace', 'prize', 'radio').

The extractor reads the list (`search.quotes.persons`) to cut such words off the front of a
name at a sentence start and to refuse a 'person' made of them ('Gaza Strip', 'Nobel Peace
Prize') unless a first name vouches for it. Only training data is used.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from bench.quotes import SHARED

DEFAULT_TRAIN = SHARED / "corpora" / "polnear" / "train.jsonl"
OUT = Path(__file__).resolve().parent.parent / "search" / "quotes" / "lexicon.json"

_WORD = re.compile(r"[A-Za-z][a-z]+(?:[’'\-][a-z]+)*")
_OPENERS = frozenset(".!?:;\"“‘'(—–-\n")


def _lines(path: Path) -> list[str]:
    out: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.extend(json.loads(line)["text"].split("\n"))
    return out


def _title_line(line: str) -> bool:
    words = line.split()
    caps = sum(w[:1].isupper() for w in words)
    return len(words) <= 15 and caps >= 0.6 * len(words)


def count(lines: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Lower-case and capitalised occurrences of each word, away from sentence starts."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for line in lines:
        if _title_line(line):
            continue
        for m in _WORD.finditer(line):
            before = line[: m.start()].rstrip()
            if not before or before[-1] in _OPENERS:
                continue
            w = m.group()
            if w[0].isupper():
                upper[w.lower()] += 1
            else:
                lower[w] += 1
    return lower, upper


def capital_shares(lower: Counter[str], upper: Counter[str], min_count: int, max_capital: float) -> dict[str, float]:
    """Each word seen in lower case at least `min_count` times, with the share of its
    occurrences that are capitalised, kept when that share is at most `max_capital`."""
    out: dict[str, float] = {}
    for w, n in sorted(lower.items()):
        share = upper[w] / (n + upper[w])
        if n >= min_count and share <= max_capital:
            out[w] = round(share, 3)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.train_lexicon", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="JSON Lines with a `text` field (default: PolNeAR train)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--max-capital", type=float, default=0.4)
    args = ap.parse_args(argv)
    lines: list[str] = []
    for f in args.files or [DEFAULT_TRAIN]:
        lines.extend(_lines(f))
    lower, upper = count(lines)
    words = capital_shares(lower, upper, args.min_count, args.max_capital)
    about = "lower-case words of news and the share of their mid-sentence uses that are capitalised; from bench/train_lexicon.py"
    args.out.write_text(json.dumps({"about": about, "capital_share": words}, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(words)} words from {len(lines)} lines -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
