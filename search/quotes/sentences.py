"""Sentence boundaries inside a paragraph whose quoted words have been masked.

Masking first (see `extract.mask`) means a full stop inside a quotation never ends the
writer's sentence: '"It failed. We know," he said.' stays one sentence, which is what
attribution needs.
"""

from __future__ import annotations

import re
from typing import Final

ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof sen sens rep reps gov gen lt col capt sgt adm cmdr maj rev st jr sr inc corp pres sec amb atty supt
    co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept est
    calif fla ill mass mich minn penn tenn wis ariz colo conn ga ky la md mo nev okla ore pa va wash
    wyo ala ark del kan miss neb vt u.s u.k u.n d.c a.m p.m e.g i.e""".split()
)

# Abbreviations that are also plain words end a sentence when written as the word: 'No.'
# only before a number ('No. 2'; 'the candidate said no. But …' ends there), a state only
# with its capital ('Springfield, Ill.'; 'he was ill. Then …' ends there).
_NUMBER_ONLY: Final = frozenset(["no"])
_CAPITAL_ONLY: Final = frozenset("ill mass miss wash ore del la pa mo ga co".split())

# (`[.!?][.!?]*`, not `[.!?]+`: a pattern that opens with a character class lets the scan
# skip to the next '.', '!' or '?' in C instead of trying the pattern at every position.)
_END: Final = re.compile(r"[.!?][.!?]*[\"”’'»)\]]*\s+(?=[\"“‘'«(\[]?[A-Z0-9·])")
_LAST_WORD: Final = re.compile(r"([A-Za-z.]+)$")
# Joined initials ('G.K. Butterfield', 'J.R.R. Tolkien') are a name going on, like 'G. K.'
_INITIALS: Final = re.compile(r"(?:[a-z]\.)+[a-z]")

# The longest sentence the extractor reads whole. Attribution rules look back from each cue
# to the start of its sentence, so one sentence of n characters costs about n * (cues in
# it): text with no sentence ends (a page stripped of its punctuation, a log, word salad)
# made extraction quadratic in the article (83 s for 2 MB). A longer run is cut at a word
# boundary into pieces of at most this many characters, which keeps extraction linear.
# The longest sentence in the benchmark corpora (PolNeAR, the variety set, the seeds;
# 31,414 sentences) is 1,516 characters, so no real sentence there is cut.
MAX_SENTENCE_CHARS: Final = 3000


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences of `text[start:end]`, ends exclusive and trimmed."""
    spans: list[tuple[int, int]] = []
    s = start
    for m in _END.finditer(text, start, end):
        word = _LAST_WORD.search(text, max(s, m.start() - 12), m.start())
        if word:
            w = word.group(1).lower().rstrip(".")
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _INITIALS.fullmatch(w):
                if not (w in _NUMBER_ONLY and not text[m.end() : m.end() + 1].isdigit() or w in _CAPITAL_ONLY and word.group(1)[:1].islower()):
                    continue
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        s = m.end()
    if s < end:
        e = end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    if any(e - s > MAX_SENTENCE_CHARS for s, e in spans):
        return [piece for s, e in spans for piece in _cut(text, s, e)]
    return spans


def _cut(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """`text[s:e]` in pieces of at most MAX_SENTENCE_CHARS, each ending at the last white
    space before the limit (mid-word only when a piece holds no space at all), trimmed."""
    pieces: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        cut = limit
        back = max(s + 1, limit - 200)  # a word is rarely longer; past that, cut mid-word
        for k in range(limit, back - 1, -1):
            if text[k].isspace():
                cut = k
                break
        pe = cut
        while pe > s and text[pe - 1].isspace():
            pe -= 1
        if pe > s:
            pieces.append((s, pe))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        pieces.append((s, e))
    return pieces
