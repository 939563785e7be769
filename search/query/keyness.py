"""The words that set one speaker's quotes apart from everyone else's (keyness).

Score: Dunning's log-likelihood G² (Dunning 1993; the "keyness" of Rayson & Garside 2000) of
a word's count in the speaker's quotes against its count in the other quotes matched by the
same filters, each relative to the number of words on its side. G² is a significance score,
not an effect size: it grows with the evidence, so a frequent word used a little more often
outranks a rare one used much more often only when the evidence for it is stronger. It is
the usual choice for comparing a small corpus with a large one because, unlike chi-squared,
it stays reliable for rare words. Only words the speaker uses *more* often than the others
are listed, with G² ≥ 10.83 (p < 0.001 for one degree of freedom), used at least
`MIN_COUNT` times in at least `MIN_QUOTES` of their quotes (one long quote repeating a word
is no habit); function words (`STOPWORDS`), numbers and one-letter words are left out.

Words are compared as the index stores them (lower-cased, stemmed: 'taxes' and 'tax' are
one word) and shown as the speaker most often wrote them. The speaker's counts come from
their quotes' text; the others' from the index's posting lists (`Searcher.term_frequency`),
walked only for the words that could still make the list (see `distinctive_terms`).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

SIGNIFICANT = 10.83  # G² for p < 0.001 at one degree of freedom
MIN_COUNT = 3
MIN_QUOTES = 2

# English function words (and the pieces the tokenizer leaves of contractions: "don't" is
# 'don' and 't'). Content words, however common in speech ('people', 'think'), stay: a
# speaker who says 'people' far more than others do is telling something.
STOPWORDS = frozenset(
    """
    a about above after again against ago all almost along already also although always am among an and another any anybody
    anyone anything are around as at away back be became because become been before being below between both but by can
    cannot could did do does doing done down during each either else enough even ever every few for from further get gets
    getting got had has have having he her here hers herself him himself his how however i if in into is it its itself just
    least less let like made make many may me might more most much must my myself neither never no nobody none nor not
    nothing now of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps
    quite rather really same shall she should since so some somebody someone something still such than that the their
    theirs them themselves then there these they thing things this those though through thus to too toward towards under
    until up upon us very via was way we well were what whatever when whenever where whether which while who whoever
    whole whom whose why will with within without would yet you your yours yourself yourselves
    don doesn didn isn aren wasn weren won wouldn couldn shouldn haven hasn hadn ain ll ve re s t d m o
    mr mrs ms dr said says say
    """.split()
)


@dataclass(frozen=True, slots=True)
class Term:
    stem: str  # the word as the index stores it
    word: str  # as the speaker most often wrote it
    count: int  # in the speaker's quotes
    quotes: int  # speaker's quotes holding it
    others: int  # in the other quotes
    per_10k: float  # per 10,000 words of the speaker's quotes
    others_per_10k: float
    score: float  # G²


def g2(a: int, b: int, c: int, d: int) -> float:
    """Log-likelihood G² of a word seen `a` times in `c` words on one side and `b` times in
    `d` words on the other (0 when either side is empty)."""
    if c <= 0 or d <= 0 or a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    return 2.0 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))


class WordCounts:
    """The words of a speaker's quotes: each word's count, the quotes holding it, and the
    forms it was written in. Quotes are added as their words; the counts by indexed form
    are worked out once, from the distinct words written (`finish`)."""

    def __init__(self, term_of: Callable[[str], str | None]) -> None:
        self._term_of = term_of
        self._written: Counter[str] = Counter()
        self.quotes: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.forms: dict[str, Counter[str]] = {}
        self.total = 0

    def add(self, words: list[str]) -> None:
        self._written.update(words)
        term_of = self._term_of
        self.quotes.update({t for t in map(term_of, set(words)) if t})

    def finish(self) -> WordCounts:
        self.counts.clear()
        self.forms.clear()
        for word, n in self._written.items():
            term = self._term_of(word)
            if term:
                self.counts[term] += n
                self.forms.setdefault(term, Counter())[word.lower()] += n
        self.total = sum(self.counts.values())
        return self

    def form(self, term: str) -> str:
        forms = self.forms[term]
        return min(forms, key=lambda f: (-forms[f], f))


def _candidate(term: str, forms: Counter[str]) -> bool:
    return len(term) > 1 and any(c.isalpha() for c in term) and term not in STOPWORDS and not any(f in STOPWORDS for f in forms)


def distinctive_terms(
    mine: WordCounts,
    others_total: int,
    corpus_count: Callable[[str], int],
    limit: int,
    min_count: int = MIN_COUNT,
    min_quotes: int = MIN_QUOTES,
    threshold: float = SIGNIFICANT,
) -> list[Term]:
    """The `limit` words of `mine` with the highest G² against the other quotes, most
    distinctive first. `corpus_count(stem)` is the word's count in every quote compared
    (the speaker's included); `others_total` the number of words of the other quotes.

    A word's G² can only fall as the others' count rises, so its G² with the others at 0 is
    a bound: words are looked up from the highest bound down, and the lookups stop once no
    bound left can beat the list (the posting walks of the rare words, most of them, are
    never made)."""
    mine.finish()
    c, d = mine.total, others_total
    if limit <= 0 or c <= 0 or d <= 0:
        return []
    bounds = []
    for term, a in mine.counts.items():
        if a >= min_count and mine.quotes[term] >= min_quotes and _candidate(term, mine.forms[term]):
            bounds.append((g2(a, 0, c, d), term))
    bounds.sort(key=lambda x: (-x[0], x[1]))
    best: list[tuple[float, str, int]] = []  # a heap of (score, stem, others): the lowest first
    for bound, term in bounds:
        floor = max(threshold, best[0][0]) if len(best) >= limit else threshold
        if bound < floor:
            break
        a = mine.counts[term]
        b = max(0, corpus_count(term) - a)
        if a * d <= b * c:  # used no more often than by the others
            continue
        score = g2(a, b, c, d)
        if score >= floor:
            item = (score, term, b)
            if len(best) >= limit:
                heapq.heapreplace(best, item)
            else:
                heapq.heappush(best, item)
    out = []
    for score, term, b in sorted(best, key=lambda x: (-x[0], x[1])):
        a = mine.counts[term]
        out.append(Term(term, mine.form(term), a, mine.quotes[term], b, round(a * 10_000 / c, 2), round(b * 10_000 / d, 2), round(score, 2)))
    return out
