"""Learn which extra cue words are reliable enough to report, from annotated training news.

    python -m bench.train_cues                                   # PolNeAR train -> search/quotes/cues.json
    python -m bench.train_cues FILE.jsonl --out cues.json --min-precision 0.5

The hand-written list in `search/quotes/verbs.py` holds the verbs of saying, belief and
stance. Annotated news attributes far more to its sources ('decried', 'lambasted',
'expressed', 'pointed to', 'referring to'), but a verb that sometimes reports a stance
('passed', 'named') is as often just an act, so each candidate is judged by what the
extractor makes of it, not by how it looks:

1. Candidates are the verbs that open gold cues (past auxiliaries and adverbs), alone and
   with a preposition that the cue includes ('pointed to'), seen at least `--min-count`
   times, and not in the hand-written list.
2. The extractor runs over the training articles with every candidate added as a stance
   cue (`verbs.with_learned`). Each prediction made by a candidate cue is checked against
   the gold (one-to-one, 30% overlap, as `bench.quotes` scores).
3. A cue is kept when its precision, shrunk towards a low prior for rare cues, reaches
   `--min-precision`: the result is a small JSON file shipped with the extractor, read
   once at import.

Only training data is used; the dev split is for confirming the effect with `bench.quotes`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from bench.quotes import SHARED, load_corpus, match
from search.quotes import extract_quotes, verbs
from search.quotes.names import STOPWORDS

DEFAULT_TRAIN = SHARED / "corpora" / "polnear" / "train.jsonl"
_WORD = re.compile(r"[a-z][a-z\-]*(?:[’'][a-z]+)?")
# Words before a cue's verb that are not the verb: auxiliaries, negation, adverbs.
_SKIP = frozenset(
    "is was were are be been being has have had will would can could should may might must do does did am "
    "not n't also then later again just still even never always often already once ’s 's ’ve 've ’re 're "
    "’d 'd ’ll 'll".split()
)
_PREPOSITIONS = frozenset("to about on for of at with against into over".split())
PRIOR, PRIOR_WEIGHT = 0.3, 4.0


def candidates(gold_cues: list[str], texts: list[str], min_count: int) -> Counter[str]:
    """Verbs (and verb + preposition) opening the gold cues, with how often each does.
    Words the hand-written list knows are left to it, and so are phrases it already
    handles by their verb ('declined to'). Nouns are left out ('campaign', 'statement':
    a stance cue is a verb or an adjective), told by how often the training text puts a
    determiner before the word."""
    counts: Counter[str] = Counter()
    for cue in gold_cues:
        words = [w for w in _WORD.findall(cue.lower()) if w not in _SKIP and not w.endswith("ly")]
        if not words or words[0] in STOPWORDS or words[0] in _NOT_VERBS or not words[0].isalpha() or len(words[0]) < 4:
            continue
        known = words[0] in verbs.ALL_FORMS
        if not known:
            counts[words[0]] += 1
        if len(words) > 1 and words[1] in _PREPOSITIONS and not (known and words[1] == "to" and words[0] in verbs.INFINITIVE):
            counts[f"{words[0]} {words[1]}"] += 1  # 'boasted of', 'pointed to'

    counts = Counter({c: n for c, n in counts.items() if n >= min_count})
    # The other forms of each candidate verb ('decry', 'decries', 'decrying' for 'decried'),
    # as the training text writes them: judged with their family in `keep`.
    siblings: dict[str, str] = {}  # a form the text may use -> the family it joins
    for c in counts:
        words = c.split()
        for form in inflections(words[0]):
            siblings.setdefault(" ".join([form, *words[1:]]), family(c))
    seen: Counter[str] = Counter()
    after_det: Counter[str] = Counter()
    for text in texts:
        low = text.lower()
        for m in _DET_WORD.finditer(text):  # words written in lower case: not names ('Haile')
            w = m.group(2)
            seen[w] += 1
            after_det[w] += bool(m.group(1))
        for m in _WORD_PAIR.finditer(low):
            pair = f"{m.group(1)} {m.group(2)}"
            if pair not in counts and pair in siblings and m.group(1) not in verbs.ALL_FORMS:
                counts[pair] += 0
    for w in list(seen):
        if w not in counts and w in siblings and w not in verbs.ALL_FORMS:
            counts[w] += 0
    return Counter(
        {
            c: n
            for c, n in counts.items()
            if after_det[c.split()[0]] <= 0.2 * seen[c.split()[0]] and not _NOUN_END.search(c.split()[0]) and stem(c.split()[0]) not in _ACTS
        }
    )


# Noun endings ('response', 'suggestion', 'statement'): nouns are left to the rules for
# reporting nouns in the extractor.
_NOUN_END = re.compile(r"(?:tion|sion|ment|ness|ance|ence|ity|ism|ship|nse|nses)$")
# Acts rather than statements ('voted for', 'signed', 'filed', 'nominated'): PolNeAR
# annotates them as attributions, but news attribution elsewhere does not, so they are not
# learned whatever their precision here; and words that only look like verbs of stance.
_ACTS = frozenset("vot sign fil block nominat negotiat cast mount pivot spot allow abl lik regard known releas publish issu pass approv appoint launch".split())


_WORD_PAIR = re.compile(r"\b([a-z]{4,})\s+(" + "|".join(sorted(_PREPOSITIONS)) + r")\b")


def stem(word: str) -> str:
    """A crude stem that brings a verb's forms together: decried, decries, decrying, decry
    -> 'decry'; referred, referring, refers -> 'refer'."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # 'referr' -> 'refer'
    return word[:-1] + "y" if word.endswith("i") else word


def inflections(word: str) -> set[str]:
    """The forms English inflection gives a verb form's possible bases: 'decried' -> decry,
    decries, decried, decrying; 'hoping' -> hope, hopes, hoped (not 'hopped': a doubled
    consonant only where the word has one)."""
    bases = {word}
    for suffix, adds in (("ing", ("", "e")), ("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",))):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            bases |= {word[: -len(suffix)] + a for a in adds}
            break
    out = set()
    for b in bases:
        if len(b) < 4:
            continue
        doubled = len(b) > 2 and b[-1] == b[-2] and b[-1] not in "ls"
        core = b[:-1] if doubled else b
        out.add(core)
        if core.endswith("y") and core[-2:-1] not in "aeiou":
            out |= {core[:-1] + "ies", core[:-1] + "ied", core + "ing"}
        elif core.endswith("e"):
            out |= {core + "s", core + "d", core[:-1] + "ing"}
        else:
            out |= {core + ("es" if core.endswith(("s", "sh", "ch", "x", "z")) else "s"), core + "ed", core + "ing"}
            if doubled:
                out |= {b + "ed", b + "ing"}
    return out


def family(cue: str) -> str:
    """A cue's family: the stem of its verb, and its preposition ('pointed to' -> 'point to')."""
    words = cue.split()
    return " ".join([stem(words[0]), *words[1:]])


_DET_WORD = re.compile(r"\b(?:(the|a|an|his|her|their|its|our|this|that|these|those)\s+)?([a-z][a-z’'\-]*)")
_NOT_VERBS = frozenset("about long cannot would could should might must shall will supporter supporters".split())


def measure(docs: list, cands: frozenset[str]) -> dict[str, tuple[int, int]]:
    """For each candidate: (predictions it made, of which found a gold attribution)."""
    verbs.with_learned(cands)
    made: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for article, gold in docs:
        preds = extract_quotes(article, learned=False)  # the cues are the rules' list: measured with the rules alone
        hit = {pi for _, pi in match(gold, preds, 0.3)}
        for pi, q in enumerate(preds):
            cue = (q.cue or "").lower()
            if cue in cands:
                made[cue] += 1
                right[cue] += pi in hit
    return {c: (made[c], right[c]) for c in cands}


def shrunk(made: int, right: int) -> float:
    """Precision pulled towards a low prior, so a cue right 2 times of 2 does not pass."""
    return (right + PRIOR * PRIOR_WEIGHT) / (made + PRIOR_WEIGHT)


def keep(stats: dict[str, tuple[int, int]], min_precision: float) -> dict[str, float]:
    """The cues to ship and their precision. A verb's forms are judged together, by the
    precision of the family ('decry', 'decries', 'decried'), so a form too rare to judge on
    its own goes with its family; a form whose own record is clearly worse is left out."""
    pooled: dict[str, list[int]] = {}
    for c, (m, r) in stats.items():
        acc = pooled.setdefault(family(c), [0, 0])
        acc[0] += m
        acc[1] += r
    kept = {}
    for c, (m, r) in stats.items():
        fam = shrunk(*pooled[family(c)])
        if fam >= min_precision and not (m >= 4 and shrunk(m, r) < min_precision - 0.15):
            kept[c] = round(fam, 3)
    return kept


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.train_cues", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="PolNeAR-style JSON Lines (default: PolNeAR train)")
    ap.add_argument("--out", type=Path, default=verbs.LEARNED_PATH)
    ap.add_argument("--min-count", type=int, default=3, help="gold cues a candidate must open")
    ap.add_argument("--min-precision", type=float, default=0.5, help="shrunk precision a cue must reach")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    files = args.files or [DEFAULT_TRAIN]
    docs = load_corpus(files)
    cands = candidates([g["cue_text"] for _, gold in docs for g in gold], [a.text for a, _ in docs], args.min_count)
    stats = measure(docs, frozenset(cands))
    kept = keep(stats, args.min_precision)
    if args.verbose:
        for c, (m, r) in sorted(stats.items(), key=lambda kv: -shrunk(*kv[1])):
            print(f"{'+' if c in kept else ' '} {shrunk(m, r):.2f} {r:4d}/{m:<4d} gold-cue {cands[c]:4d}  {c}")
    out = {
        "about": "Cue words learned by bench/train_cues.py: shrunk precision of the extractor's predictions with each cue.",
        "trained_on": [Path(f).name for f in files],
        "min_precision": args.min_precision,
        "cues": dict(sorted(kept.items())),
    }
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(cands)} candidate cues kept -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
