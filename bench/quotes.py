"""Score the quote extractor against annotated news.

    python -m bench.quotes                       # PolNeAR dev, variety dev (../shared) + the seeds gold
    python -m bench.quotes ../shared/corpora/polnear/train.jsonl
    python -m bench.quotes --seeds               # only the seeds gold
    python -m bench.quotes FILE --json           # machine-readable
    python -m bench.quotes --rules-only          # the rules alone, without the learned finder

Annotated files are PolNeAR-style JSON Lines (`text` plus `attributions` with `content`
offsets, `type` direct|mixed|indirect and `source_text`). A prediction finds a gold span
when it covers at least 30% (lenient) or 80% (strict) of the gold span's characters (all
pieces together); each prediction serves one gold span, matched greedily by best overlap.
Speaker accuracy is over found quotes whose gold speaker is a proper name, compared at
surname level, because the gold gives the mention as written and we give a canonical name.
Speed is `extract_quotes` alone, best of five passes, on one core: by CPU time (what one
core does, however busy the shared machine is) and by wall clock; with the learned finder,
the rules alone are timed in the same run too. The line says whether the extractor ran
compiled with mypyc (setup.py) or as pure Python (`search.quotes.BUILD`).

Gold types are re-derived from the marks in the gold content. PolNeAR derived `type` from
“ ” and " marks only, so the NYT archive's ''…'' quotations and ‘…’ quotations are typed
'indirect' even when they are full quotations. The scorer treats a pair of '' or ‘ ’ as
quotation marks too: content wholly inside marks is direct, partly inside is mixed (a type
is only ever raised, never lowered), and it prints how many gold types it changed.
`--raw-types` scores with PolNeAR's types as given.

    python -m bench.quotes --show-errors 20      # also print samples of misses, false
                                                 # alarms and wrong speakers
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from search.models import Article, Quote
from search.quotes import BUILD, extract_quotes
from search.readers.jsonl import article_from_record

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora" / "polnear" / "dev.jsonl"
VARIETY_DEV = SHARED / "corpora" / "variety" / "dev.jsonl"
SEEDS_GOLD = SHARED / "gold" / "seeds-quotes.jsonl"
SEEDS_DIR = ROOT / "seeds"

KIND_OF = {"direct": "direct", "partial": "mixed", "indirect": "indirect"}
CATEGORIES: dict[str, set[str]] = {
    "direct": {"direct"},
    "mixed": {"mixed"},
    "indirect": {"indirect"},
    "direct+mixed": {"direct", "mixed"},
    "all": {"direct", "mixed", "indirect"},
}
THRESHOLDS = (0.3, 0.8)
_NOT_NAMES = frozenset(
    "he she they it i we you who which that his her their its the a an another some many most several "
    "one two three other others both all each many officials sources".split()
)


def _chars(pieces: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in pieces:
        out.update(range(a, b))
    return out


# ---- gold types from the marks in the gold content ---------------------------------------

_PAIRS = {"“": '”"', '"': '"”', "''": "''", "‘": "’", "«": "»"}
_MARK_TOKEN = re.compile(r"''|[“”\"‘’«»\n]")
_RANK = {"indirect": 0, "mixed": 1, "direct": 2}


def _quoted_chars(s: str) -> list[bool]:
    """Which characters of one gold content piece lie inside quotation marks (an unclosed
    mark quotes to the end of its paragraph, as a quote running over paragraphs does)."""
    inside = [False] * len(s)
    opener: str | None = None
    open_at = 0
    for m in _MARK_TOKEN.finditer(s):
        t, i = m.group(), m.start()
        if t == "\n":
            if opener is not None:
                inside[open_at:i] = [True] * (i - open_at)
                opener = None
            continue
        if opener is not None:
            if t in _PAIRS[opener] and not (t == "’" and s[m.end() : m.end() + 1].isalnum()):
                inside[open_at : m.end()] = [True] * (m.end() - open_at)
                opener = None
            continue
        if t in "”’»" or (t == "‘" and i > 0 and s[i - 1].isalnum()):
            continue
        opener, open_at = t, i
    if opener is not None:
        inside[open_at:] = [True] * (len(s) - open_at)
    return inside


def derived_type(pieces_text: list[str]) -> str:
    """direct | mixed | indirect from the quotation marks in the gold content itself."""
    quoted = unquoted = 0
    for s in pieces_text:
        for ch, inside in zip(s, _quoted_chars(s), strict=True):
            if ch.isalnum():
                quoted += inside
                unquoted += not inside
    if not quoted:
        return "indirect"
    return "direct" if not unquoted else "mixed"


def gold_type(raw_type: str, pieces_text: list[str]) -> str:
    """PolNeAR's type, raised when '' or ‘ ’ marks (which its typing ignored) quote the content."""
    if not any("''" in s or "‘" in s for s in pieces_text):
        return raw_type
    new = derived_type(pieces_text)
    return new if _RANK.get(new, 0) > _RANK.get(raw_type, 0) else raw_type


def _pred_pieces(q: Quote) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in q.pieces] or [(q.start, q.end)]


def is_name(source_text: str | None) -> bool:
    """A gold speaker that is a proper name: capitalised, not a pronoun or a common noun phrase."""
    if not source_text or not source_text.strip():
        return False
    words = gold_name(source_text).split()
    if not words:
        return False
    first = words[0].lower().strip(",.")
    return words[0][:1].isupper() and first not in _NOT_NAMES and words[-1][:1].isupper()


def _last_token(name: str) -> str:
    tok = name.split()[-1] if name.split() else ""
    for suffix in ("’s", "'s"):
        if tok.endswith(suffix):
            tok = tok[: -len(suffix)]
    return tok.strip(".,’'").lower()


def gold_name(source_text: str) -> str:
    """The name part of a gold speaker mention, which may carry its appositive:
    'Rick Tyler, a spokesman for Ted Cruz' -> 'Rick Tyler', 'Sen. Ted Cruz (R-Texas)' -> 'Sen. Ted Cruz'."""
    name = re.split(r",|\s\(", source_text.strip(), maxsplit=1)[0]
    return re.sub(r"\s+(?:Jr|Sr|II|III)\.?$", "", name).strip()


def speaker_matches(gold: str, q: Quote, resolved: bool = False) -> bool:
    """Same surname; a gold mention 'Gov. Earl Ray Tomblin of West Virginia' also matches
    by the name before its 'of' phrase. A `resolved` gold speaker (the variety set names the
    person a 'he' stands for) is compared with our resolved speaker only, not the mention."""
    gold = gold_name(gold)
    golds = [gold, *gold.split(" of ", 1)[:1]]
    for cand in (q.speaker,) if resolved else (q.speaker, q.speaker_mention):
        for g in golds:
            if cand and (_last_token(cand) == _last_token(g) or g.strip() in cand):
                return True
    return False


def match(gold: list[dict], preds: list[Quote], threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by share of gold characters covered."""
    gsets = [_chars(g["pieces"]) for g in gold]
    psets = [_chars(_pred_pieces(p)) for p in preds]
    pairs = []
    for gi, gs in enumerate(gsets):
        if not gs:
            continue
        lo, hi = min(gs), max(gs)
        for pi, ps in enumerate(psets):
            if not ps or max(ps) < lo or min(ps) > hi:
                continue
            cover = len(gs & ps) / len(gs)
            if cover >= threshold:
                pairs.append((cover, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _variety_gold(rec: dict) -> list[dict]:
    """The variety set's hand annotation (`gold`: offsets, type, the resolved speaker) in
    the shape PolNeAR's is read into. Its `speaker` is already resolved ('Ronald Walcott'
    for 'he'), so speaker accuracy there is judged on our resolved speaker alone."""
    return [
        {
            "type": g["type"],
            "raw_type": g["type"],
            "pieces": [(g["start"], g["end"])],
            "source_text": g.get("speaker") or "",
            "cue_text": g.get("cue") or "",
            "resolved": True,
        }
        for g in rec["gold"]
    ]


def load_corpus(paths: list[Path], raw_types: bool = False) -> list[tuple[Article, list[dict]]]:
    """Articles and their gold attributions; each gold item's `type` re-derived (see
    `gold_type`) unless `raw_types`, with PolNeAR's own type kept as `raw_type`. A file of
    the variety set (records with `gold`) is read too."""
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                article = article_from_record({k: v for k, v in rec.items() if k != "gold"}, path=str(path), line=n)
                if "gold" in rec:
                    docs.append((article, _variety_gold(rec)))
                    continue
                gold = []
                for a in rec.get("attributions", []):
                    pieces = [tuple(c) for c in a["content"]]
                    kind = a["type"] if raw_types else gold_type(a["type"], [article.text[x:y] for x, y in pieces])
                    gold.append(
                        {
                            "type": kind,
                            "raw_type": a["type"],
                            "pieces": pieces,
                            "source_text": a.get("source_text") or "",
                            "cue_text": a.get("cue_text") or "",
                        }
                    )
                docs.append((article, gold))
    return docs


def _by_piece(quotes: list[Quote]) -> list[Quote]:
    """A prediction per piece: the variety set annotates a split or multi-paragraph quotation
    as one entry per piece, so each piece of ours may find one (and counts as one)."""
    return [q.model_copy(update={"start": p.start, "end": p.end, "pieces": [p]}) for q in quotes for p in (q.pieces or [None]) if p] + [
        q for q in quotes if not q.pieces
    ]


def score(docs: list[tuple[Article, list[dict]]], show_errors: int = 0, learned: bool = True) -> dict:
    preds = [extract_quotes(a, learned) for a, _ in docs]
    preds = [_by_piece(p) if gold and gold[0].get("resolved") else p for p, (_a, gold) in zip(preds, docs, strict=True)]
    result: dict = {"articles": len(docs), "gold": sum(len(g) for _, g in docs), "predicted": sum(len(p) for p in preds)}
    result["retyped"] = dict(sorted(Counter(f"{g['raw_type']}->{g['type']}" for _, gold in docs for g in gold if g["type"] != g["raw_type"]).items()))
    for threshold in THRESHOLDS:
        table = {}
        for cat, kinds in CATEGORIES.items():
            tp = n_gold = n_pred = 0
            for (_article, gold), pq in zip(docs, preds, strict=True):
                g = [x for x in gold if x["type"] in kinds]
                p = [q for q in pq if KIND_OF[q.kind] in kinds]
                n_gold += len(g)
                n_pred += len(p)
                tp += len(match(g, p, threshold))
            prec = tp / n_pred if n_pred else 0.0
            rec = tp / n_gold if n_gold else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            table[cat] = {"gold": n_gold, "predicted": n_pred, "found": tp, "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}
        result[f"overlap_{int(threshold * 100)}"] = table
    checked = right = 0
    for (_article, gold), pq in zip(docs, preds, strict=True):
        for gi, pi in match(gold, pq, 0.3):
            src = gold[gi]["source_text"]
            if is_name(src):
                checked += 1
                right += speaker_matches(src, pq[pi], gold[gi].get("resolved", False))
    result["speaker"] = {"checked": checked, "right": right, "accuracy": round(right / checked, 4) if checked else 0.0}
    if show_errors:
        result["errors"] = errors(docs, preds, show_errors)
    return result


def errors(docs: list[tuple[Article, list[dict]]], preds: list[list[Quote]], n: int) -> dict[str, list[str]]:
    """A sample (every k-th, so it is stable) of misses, false alarms and wrong speakers at 30%."""
    out: dict[str, list[str]] = {"missed": [], "false alarm": [], "wrong speaker": []}
    for (article, gold), pq in zip(docs, preds, strict=True):
        text = article.text
        pairs = match(gold, pq, 0.3)
        found = {gi for gi, _ in pairs}
        used = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            if gi not in found:
                content = " … ".join(text[a:b] for a, b in g["pieces"])
                out["missed"].append(f"{g['type']:<8} [{g['source_text']} | {g['cue_text']}] {content[:140]!r}")
        for pi, q in enumerate(pq):
            if pi not in used:
                out["false alarm"].append(f"{q.kind:<8} [{q.speaker_mention} | {q.cue}] {q.text[:140]!r}")
        for gi, pi in pairs:
            src = gold[gi]["source_text"]
            if is_name(src) and not speaker_matches(src, pq[pi], gold[gi].get("resolved", False)):
                q = pq[pi]
                out["wrong speaker"].append(f"gold {src!r} got {q.speaker!r} (as {q.speaker_mention!r}, {q.cue}): {q.text[:80]!r}")
    for key, items in out.items():
        step = max(1, len(items) // n)
        out[key] = [f"({len(items)} in all)"] + items[::step][:n]
    return out


def speed(articles: list[Article], repeats: int = 5, learned: bool = True) -> dict:
    """Articles per second on one core, best of `repeats` passes, by CPU time (what one core
    does, whatever else the shared machine runs) and by wall clock. With `learned`, passes
    with the rules alone alternate with passes with the learned finder too, and the ratio of
    their times is given: on a shared machine whose speed drifts, the ratio within one run is
    the figure to trust."""
    best_cpu = best_wall = float("inf")
    best_rules = float("inf")
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        for a in articles:
            extract_quotes(a, learned)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - t0)
        if learned:
            c0 = time.process_time()
            for a in articles:
                extract_quotes(a, learned=False)
            best_rules = min(best_rules, time.process_time() - c0)
    chars = sum(len(a.text) for a in articles)
    out = {
        "articles_per_second": round(len(articles) / best_cpu, 1) if best_cpu else 0.0,
        "articles_per_second_wall": round(len(articles) / best_wall, 1) if best_wall else 0.0,
        "mean_chars": round(chars / max(1, len(articles))),
        "build": BUILD,
    }
    if learned and best_rules:
        out["rules_articles_per_second"] = round(len(articles) / best_rules, 1)
        out["time_vs_rules"] = round(best_cpu / best_rules, 3)
    return out


# ---- seeds gold -------------------------------------------------------------------------


def _seed_article(name: str) -> Article:
    from search.readers.text import read_text_article

    return read_text_article(SEEDS_DIR / name, SEEDS_DIR)


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def score_seeds(gold_path: Path = SEEDS_GOLD, learned: bool = True) -> dict:
    """Each gold entry found (a predicted quote whose text contains its first words) with the
    right speaker; and any direct/partial prediction that no gold entry accounts for."""
    entries = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file: dict[str, list[dict]] = {}
    for e in entries:
        by_file.setdefault(e["file"], []).append(e)
    report: dict = {"entries": len(entries), "found": 0, "speaker_right": 0, "missed": [], "wrong_speaker": [], "extra": []}
    for name, gold in sorted(by_file.items()):
        quotes = extract_quotes(_seed_article(name), learned)
        used: set[int] = set()
        for e in gold:
            starts = _norm(e["quote_starts"])
            hits = [i for i, q in enumerate(quotes) if starts in _norm(q.text)]
            optional = "optional" in e.get("note", "")
            if not hits:
                if not optional:
                    report["missed"].append(f"{name}: {e['quote_starts']}")
                continue
            used.update(hits)
            q = quotes[hits[0]]
            report["found"] += 1
            ok = q.speaker in [e["speaker"], *e.get("also_accept", [])]
            report["speaker_right"] += ok
            if not ok:
                report["wrong_speaker"].append(f"{name}: {e['quote_starts']} -> {q.speaker}")
        for i, q in enumerate(quotes):
            if i not in used and q.kind != "indirect":
                report["extra"].append(f"{name}: {q.kind} {q.text[:60]!r}")
    return report


# ---- output -----------------------------------------------------------------------------


_BUILDS = {
    "compiled": "compiled with mypyc",
    "pure": "pure Python, not compiled",
    "stale": "pure Python: its compiled build is older than the source",
}


def _print_table(name: str, res: dict) -> None:
    print(f"{name}: {res['articles']} articles, {res['gold']} gold, {res['predicted']} predicted")
    retyped = res.get("retyped", {})
    if retyped:
        moves = ", ".join(f"{k} {v}" for k, v in retyped.items())
        print(f"  gold types re-derived from '' and ‘ ’ marks: {sum(retyped.values())} ({moves}); --raw-types to score PolNeAR's own")
    else:
        print("  gold types as given")
    header = f"  {'kind':<13}" + "".join(f"{'P':>7}{'R':>7}{'F1':>7}  " for _ in THRESHOLDS)
    print(f"  {'':<13}" + "".join(f"{'overlap ' + str(int(t * 100)) + '%':^23}" for t in THRESHOLDS))
    print(header)
    for cat in CATEGORIES:
        row = f"  {cat:<13}"
        for t in THRESHOLDS:
            c = res[f"overlap_{int(t * 100)}"][cat]
            row += f"{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}  "
        print(row)
    sp = res["speaker"]
    print(f"  speaker accuracy (gold speaker a name): {sp['accuracy']:.3f} ({sp['right']}/{sp['checked']})")
    if "speed" in res:
        s = res["speed"]
        print(
            f"  speed: {s['articles_per_second']:.0f} articles/s of CPU time on one core, {s['articles_per_second_wall']:.0f} by wall clock "
            f"(best of 5 passes, mean {s['mean_chars']} chars; extractor {_BUILDS.get(s['build'], s['build'])})"
        )
        if "time_vs_rules" in s:
            rules = s["rules_articles_per_second"]
            print(f"         rules alone in the same run: {rules:.0f} articles/s; with the learned finder {s['time_vs_rules']:.2f}x the time")
    for label, items in res.get("errors", {}).items():
        print(f"  -- {label} {items[0]}")
        for line in items[1:]:
            print(f"     {line}")


def _print_seeds(rep: dict) -> None:
    print(f"seeds gold: {rep['found']}/{rep['entries']} found, {rep['speaker_right']} with the right speaker, {len(rep['extra'])} extra direct/partial")
    for label in ("missed", "wrong_speaker", "extra"):
        for line in rep[label]:
            print(f"  {label}: {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.quotes", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="PolNeAR-style or variety-style JSON Lines (default: PolNeAR dev and variety dev, each on its own)")
    ap.add_argument("--seeds", action="store_true", help="score only the seeds gold")
    ap.add_argument("--no-seeds", action="store_true", help="skip the seeds gold")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--raw-types", action="store_true", help="score with PolNeAR's gold types as given (no re-derivation)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N sample misses, false alarms, wrong speakers")
    ap.add_argument("--rules-only", action="store_true", help="extract with the rules alone, without the learned attribution finder (the default has both)")
    args = ap.parse_args(argv)
    out: dict = {}
    if not args.seeds:
        # the default: PolNeAR dev (timed) and the variety set, each scored on its own
        groups = [args.files] if args.files else [[DEFAULT_CORPUS], [VARIETY_DEV]]
        missing = [str(f) for g in groups for f in g if not f.exists()]
        if missing:
            print(f"not found: {', '.join(missing)}", file=sys.stderr)
            return 2
        for n, files in enumerate(groups):
            docs = load_corpus(files, raw_types=args.raw_types)
            res = score(docs, show_errors=args.show_errors, learned=not args.rules_only)
            if not args.no_speed and n == 0:
                res["speed"] = speed([a for a, _ in docs], learned=not args.rules_only)
            out["corpus" if n == 0 else "variety"] = {"files": [str(f) for f in files], **res}
    if (args.seeds or not (args.no_seeds or args.files)) and SEEDS_GOLD.exists():
        out["seeds"] = score_seeds(learned=not args.rules_only)
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for key in ("corpus", "variety"):
        if key in out:
            _print_table(", ".join(f"{Path(f).parent.name}/{Path(f).name}" for f in out[key]["files"]), out[key])
    if "seeds" in out:
        _print_seeds(out["seeds"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
