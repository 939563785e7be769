"""The seeds against their gold quotations (../shared/gold/seeds-quotes.jsonl): every entry
found with the right speaker, and no direct or partial quote the gold does not list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.quotes import extract_quotes
from search.readers.text import read_text_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold" / "seeds-quotes.jsonl"

# Only the tests that read the gold need it: without ../shared their parameter lists are empty
# and pytest skips them; the rest run on the seeds alone.


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _entries() -> list[dict]:
    if not GOLD.exists():
        return []
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


_cache: dict[str, list] = {}


def _quotes(name: str) -> list:
    if name not in _cache:
        _cache[name] = extract_quotes(read_text_article(SEEDS / name, SEEDS))
    return _cache[name]


def _found(entry: dict) -> list:
    starts = _norm(entry["quote_starts"])
    return [q for q in _quotes(entry["file"]) if starts in _norm(q.text)]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["quote_starts"][:30])
def test_gold_entry_found_with_speaker(entry):
    hits = _found(entry)
    if "optional" in entry.get("note", "") and not hits:
        pytest.skip("optional gold entry")
    assert hits, f"not found: {entry['quote_starts']!r} ({entry['note']})"
    accepted = [entry["speaker"], *entry.get("also_accept", [])]
    assert hits[0].speaker in accepted, (hits[0].speaker, entry["note"])
    if entry["kind"] != "indirect":
        assert hits[0].kind in ("direct", "partial")


@pytest.mark.parametrize("name", sorted({e["file"] for e in _entries()}))
def test_no_quote_beyond_gold(name):
    starts = [_norm(e["quote_starts"]) for e in _entries() if e["file"] == name]
    extra = [q.text for q in _quotes(name) if q.kind != "indirect" and not any(s in _norm(q.text) for s in starts)]
    assert extra == []


def test_scare_quotes_and_boxes_yield_nothing():
    texts = " ".join(q.text for q in _quotes("000_754b0dd6de0764fd.txt"))
    assert "Why We Wrote This" not in texts
    assert not any(q.text.strip("‘’") == "reset" for q in _quotes("000_754b0dd6de0764fd.txt"))


def test_the_shipped_learned_cues_are_loaded():
    """Without cues.json the extractor silently falls back to the hand-written verbs and
    loses a tenth of its recall: the file must ship with the package and load."""
    from search.quotes import verbs

    assert verbs.LEARNED_PATH.is_file()
    learned = verbs.load_learned()
    assert len(learned) > 100 and all(0.5 <= p <= 1 for p in learned.values())
    assert verbs.LEARNED and verbs.LEARNED <= set(learned)
