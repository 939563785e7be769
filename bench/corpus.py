"""A synthetic news corpus of any size, made from real news paragraphs, for benchmarks.

Each article recombines paragraphs of the PolNeAR corpus (`../shared/corpora/polnear/`):
paragraphs that carry attributions are drawn until the article has 10 to 25 of them (the
density of real political news), mixed with paragraphs that carry none, so length, wording
and quote density are those of real articles. Dates, outlets and speakers vary: the people
an article quotes by full name are renamed consistently (full name and bare surname) to
names from a pool of a few thousand, so the index sees many speakers, as a newsroom
archive would. Article `i` depends only on (seed, i): the corpus is deterministic, and one
more article can be made without making the others.

    python -m bench.corpus --articles 10000 --out bench/out/corpus-10k

writes text files (a `date` line, the headline, paragraphs, a 'Write to ... at ...@outlet'
line that gives author and outlet) in folders of 1,000; `--jsonl` writes one JSON Lines
file instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "polnear"
PER_FOLDER = 1000
OUTLETS = [
    ("The Wall Street Journal", "wsj.com"),
    ("The New York Times", "nytimes.com"),
    ("The Washington Post", "washpost.com"),
    ("The Christian Science Monitor", "csmonitor.com"),
    ("USA Today", "usatoday.com"),
    ("Politico", "politico.com"),
    ("Reuters", "reuters.com"),
    ("The Guardian", "theguardian.com"),
]
FIRST = """Maria James Aisha Daniel Sofia Ivan Mei Carlos Fatima Peter Olga Ahmed Laura Kenji Amara
David Elena Tomas Nadia Samuel Grace Omar Hannah Luis Priya Marco Ingrid Kwame Rosa Dmitri Claire
Yusuf Helen Pablo Zainab Victor Irene Jorge Leila Anton""".split()
LAST = """Okafor Lindqvist Haddad Moreau Tanaka Novak Ferreira Kowalski Mensah Petrov Castillo Ibrahim
Schmidt Rossi Nakamura Oyelaran Bergstrom Khalil Duarte Volkov Achebe Svensson Morales Hashemi Weber
Conti Yamamoto Adeyemi Larsen Rahman Fischer Marino Takahashi Nwosu Holm Salazar Farouk Keller Greco
Sato Obi Nilsson Vargas Aziz Braun Ricci Mori Eze Dahl Ortega Nasser Wolf Bianchi Ueda Okonkwo Lund
Cruz Hakimi Vogel Romano Kimura Balogun Berg Navarro Qureshi Hartmann Gallo Ito Chukwu Ek Mendoza""".split()
# 'Donald Trump', 'Hillary Rodham Clinton': two or three capitalised words, nothing else.
_FULL_NAME = re.compile(r"^[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z’'-]+){1,2}$")


@dataclass(frozen=True)
class Para:
    text: str
    attributions: int
    names: tuple[str, ...]  # full names quoted in it (attribution sources)


@lru_cache(maxsize=1)
def paragraphs() -> tuple[list[Para], list[Para], list[str]]:
    """PolNeAR paragraphs with and without attributions, and its headlines."""
    if not (POLNEAR / "train.jsonl").exists():
        sys.exit(f"error: {POLNEAR} not found: the corpus generator needs PolNeAR beside the repo")
    quoted: list[Para] = []
    plain: list[Para] = []
    titles: list[str] = []
    for name in ("train.jsonl", "dev.jsonl"):
        for line in (POLNEAR / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            text = rec["text"]
            titles.append(rec["title"].strip())
            pos = 0
            for chunk in text.split("\n\n"):
                start, end = pos, pos + len(chunk)
                pos = end + 2
                chunk = chunk.strip()
                if len(chunk) < 40 or chunk == rec["title"].strip() or chunk.rstrip(".") == rec["title"].strip():
                    continue
                attrs = [a for a in rec["attributions"] if a["cue"] and start <= a["cue"][0][0] < end]
                names = tuple(sorted({a["source_text"] for a in attrs if _FULL_NAME.match(a["source_text"] or "")}))
                (quoted if attrs else plain).append(Para(chunk, len(attrs), names))
    return quoted, plain, titles


def _rename(text: str, names: dict[str, str]) -> str:
    for old, new in names.items():
        text = text.replace(old, new)
        old_last, new_last = old.split()[-1], new.split()[-1]
        text = re.sub(rf"\b{re.escape(old_last)}\b", new_last, text)
    return text


def make_article(seed: int, i: int) -> dict:
    """Article number `i` of the corpus of `seed` (a dict: id, date, source, title, text...)."""
    quoted, plain, titles = paragraphs()
    rng = random.Random(f"{seed}:{i}")
    target = rng.randint(10, 25)
    chosen: list[Para] = []
    count = 0
    while count < target:
        p = rng.choice(quoted)
        chosen.append(p)
        count += p.attributions
        if rng.random() < 0.4:
            chosen.append(rng.choice(plain))
    rng.shuffle(chosen)
    # Rename the people quoted by full name, consistently within the article.
    people = sorted({n for p in chosen for n in p.names})
    renames = {}
    for name in people:
        if rng.random() < 0.7:  # keep some real names: the same speakers across many articles
            renames[name] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    body = [_rename(p.text, renames) for p in chosen]
    source, domain = rng.choice(OUTLETS)
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(11 * 365))
    title = rng.choice(titles).rstrip(".")
    return {
        "id": f"a{seed}-{i:07d}",
        "date": date.isoformat(),
        "source": source,
        "author": author,
        "email": f"{author.split()[0].lower()}.{author.split()[-1].lower()}@{domain}",
        "title": title,
        "text": "\n\n".join(body),
    }


def article_path(out: Path, i: int) -> Path:
    return out / f"{i // PER_FOLDER:04d}" / f"article-{i:07d}.txt"


def as_text(a: dict) -> str:
    return f"date {a['date']}\n{a['title']}\n\n{a['text']}\n\nWrite to {a['author']} at {a['email']}\n"


def write_text_corpus(out: Path, n: int, seed: int = 1, start: int = 0) -> list[Path]:
    """Write articles start..n-1 as text files under `out`; returns their paths."""
    paths = []
    for i in range(start, n):
        p = article_path(out, i)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(as_text(make_article(seed, i)), encoding="utf-8")
        paths.append(p)
    return paths


def write_jsonl_corpus(path: Path, n: int, seed: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            a = make_article(seed, i)
            a.pop("email")
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="Folder (text files) or .jsonl file.")
    ap.add_argument("--jsonl", action="store_true", help="Write one JSON Lines file.")
    args = ap.parse_args(argv)
    if args.jsonl:
        write_jsonl_corpus(args.out, args.articles, args.seed)
    else:
        write_text_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out}")


if __name__ == "__main__":
    main()
