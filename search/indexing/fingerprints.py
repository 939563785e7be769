"""What makes two quotes the same quotation: normalised words, an exact key, and fingerprints.

A quote's words are normalised first: case folded, accents and apostrophes dropped
(’ ' ‘ all go: "don’t" and "dont" are one word), quotation marks, punctuation, ellipses
(`…`, `...`, the ` … ` that joins the pieces of a split quote) and brackets taken out,
whitespace collapsed. What is left is a list of words.

- The **exact key** is a 64-bit hash of those words: two quotes with the same key read the
  same after normalising. Quotes of fewer than `MIN_EXACT_WORDS` words get none ("fake
  news", "no comment": the same words, but not one quotation).
- The **fingerprints** find a quote inside a longer one, or a near-exact copy: every run of
  `SHINGLE` words is hashed, and of every `WINDOW` consecutive hashes the smallest is kept
  (winnowing, Schleimer et al. 2003). A quote contained in a longer one keeps a subset of
  the longer one's fingerprints (each of its windows is one of the longer quote's windows,
  with the same smallest hash), so containment is measured by counting shared
  fingerprints, and any shared run of `SHINGLE + WINDOW - 1` words shares one. Quotes of
  fewer than `MIN_PARTIAL_WORDS` words get none: a short phrase inside two long quotes
  ("at the end of the day, we") must not chain them into one group.
- The **sample** is what the index keeps of the fingerprints, for a later run to find the
  quote by (the `fp` terms; writing a term per fingerprint was most of what grouping cost):
  the same winnowing with a window of `SAMPLE_WINDOW` shingles instead of `WINDOW`, about
  half as many. Every sampled fingerprint is one of the quote's fingerprints (the smallest
  hash of 8 shingles is the smallest of some 4 of them), the quote's smallest fingerprint
  is always sampled, and any shared run of `SHINGLE + SAMPLE_WINDOW - 1` words shares a
  sampled one. So a later quote that contains an indexed one finds it by that one's
  smallest fingerprint, and a later quote of 11 words or more inside an indexed one finds
  it by the sample; one of 8 to 10 words inside a longer indexed one only when one of its
  fingerprints happens to be sampled (on PolNeAR, no linked pair of quotes is missed
  either way round: docs/indexing.md#quote-groups). A quote with fingerprints is indexed by
  its sample alone (an exact copy shares its smallest fingerprint); one of 6 or 7 words by
  its exact key.

`same_quotation` is the rule on two quotes' keys and fingerprints; search.indexing.groups
applies it to a corpus. Hashes are blake2b, never Python's `hash` (salted per process):
they are stored in the index and compared across runs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SHINGLE = 4  # words hashed together
WINDOW = 4  # shingles per winnowing window: any shared run of 7 words shares a fingerprint
SAMPLE_WINDOW = 8  # the same for the fingerprints the index keeps: a shared run of 11 words shares one
assert SAMPLE_WINDOW == 2 * WINDOW  # keys_of takes the sample's window minima from pairs of WINDOW's
MIN_EXACT_WORDS = 6  # fewer words: never grouped ("fake news", "no comment", "his candidacy in June 2015")
MIN_PARTIAL_WORDS = SHINGLE + WINDOW  # 8: fewer words: grouped only by exact wording
MIN_SHARED = 3  # fingerprints two quotes of different wording must share to be one quotation
CONTAINED = 0.75  # ... and the share of the shorter quote's fingerprints found in the longer

_MASK = (1 << 64) - 1
_MULT = 0x9E3779B97F4A7C15
_MULT2 = _MULT * _MULT & _MASK
_MULT3 = _MULT2 * _MULT & _MASK
_TOKEN = re.compile(r"\w+")
# apostrophes go; the usual quotation marks, dashes and ellipsis become spaces before the
# slower path for other non-ASCII text (accents)
_PLAIN = str.maketrans({**dict.fromkeys("'’‘`´ʼ", None), **dict.fromkeys("“”„«»—–…‐\u00a0", " ")})
_PLAIN_PAIRS = [(chr(c), r or "") for c, r in _PLAIN.items()]
_word_hashes: dict[str, int] = {}


def words(text: str) -> list[str]:
    """The normalised words of a quote (see the module's doc)."""
    text = text.casefold()
    for mark, replacement in _PLAIN_PAIRS:  # `text.translate(_PLAIN)`, 5x faster: most marks are absent
        if mark in text:
            text = text.replace(mark, replacement)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if "_" in text:
        text = text.replace("_", " ")
    return _TOKEN.findall(text)


def _word_hash(word: str) -> int:
    h = _word_hashes.get(word)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        if len(_word_hashes) < 1_000_000:
            _word_hashes[word] = h
    return h


def _word_hashes_of(ws: list[str]) -> list[int]:
    """`_word_hash` of each word; known words looked up in C."""
    hashes = list(map(_word_hashes.get, ws))
    if None in hashes:
        return [h if h is not None else _word_hash(w) for h, w in zip(hashes, ws, strict=True)]
    return hashes  # type: ignore[return-value]  # no None left


@dataclass(frozen=True)
class Keys:
    """What grouping knows of a quote: its exact key (None: too short to be grouped), its
    fingerprints (sorted, distinct; empty: too short to be found inside another), its
    speaker's surname, hashed (0: no named speaker), and the sample of its fingerprints the
    index keeps (see the module's doc)."""

    key: int | None
    fps: tuple[int, ...] = ()
    speaker: int = 0
    sample: tuple[int, ...] = ()

    def terms(self) -> str:
        """The quote's terms in the index's `fp` field: its sampled fingerprints, or 'k' +
        its exact key when it has no fingerprints (see the module's doc)."""
        if self.key is None:
            return ""
        if self.sample:
            return " ".join([fp_term(f) for f in self.sample])
        return key_term(self.key)


def key_term(key: int) -> str:
    """The `fp` term of a quote of 6 or 7 words: its exact key."""
    return f"k{key:016x}"


def fp_term(fp: int) -> str:
    """The `fp` term of a sampled fingerprint."""
    return f"{fp:016x}"


NO_KEYS = Keys(None)


@lru_cache(maxsize=1 << 16)  # a corpus has far fewer speakers than quotes
def speaker_tag(name: str | None) -> int:
    """A speaker as grouping compares them: the last word of the name ('Trump' for 'Donald
    J. Trump'), hashed; 0 for none."""
    ws = words(name) if name else []
    return _word_hash(ws[-1]) if ws else 0


def _exact_key(ws: list[str]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(ws).encode(), digest_size=8).digest(), "little")


def keys_of(text: str, speaker: str | None = None) -> Keys:
    """The exact key and fingerprints of a quote's text, and its speaker's tag
    (`keys_of_many` of one quote: the rule is written once)."""
    return keys_of_many([text], [speaker])[0]


def keys_of_many(texts: Sequence[str], speakers: Sequence[str | None]) -> list[Keys]:
    """The keys of each of an article's quotes (see the module's doc), their shingles and
    window minima computed on one array for all of them: numpy's uint64 arithmetic wraps as
    `& _MASK` would, and a window that crosses from one quote into the next is never read.
    Multiplying Python ints a quote at a time took half as long again."""
    import numpy as np  # here: importing this module (the query side does) loads no numpy

    out: list[Keys] = []
    spans: list[tuple[int, int, int, int, int]] = []  # (index in out, first word in `hashes`, words, key, tag)
    hashes: list[int] = []
    for text, speaker in zip(texts, speakers, strict=True):
        ws = words(text)
        if len(ws) < MIN_EXACT_WORDS:
            out.append(NO_KEYS)
            continue
        key, tag = _exact_key(ws), speaker_tag(speaker)
        if len(ws) < MIN_PARTIAL_WORDS:
            out.append(Keys(key, (), tag))
            continue
        spans.append((len(out), len(hashes), len(ws), key, tag))
        out.append(NO_KEYS)  # its fingerprints come next
        hashes += _word_hashes_of(ws)
    if not spans:
        return out
    h = np.array(hashes, dtype=np.uint64)
    m1, m2, m3 = np.uint64(_MULT), np.uint64(_MULT2), np.uint64(_MULT3)
    shingles = h[:-3] * m3 + h[1:-2] * m2 + h[2:-1] * m1 + h[3:]  # the shingle starting at each word
    minima = np.minimum(np.minimum(shingles[:-3], shingles[1:-2]), np.minimum(shingles[2:-1], shingles[3:]))  # of WINDOW from each
    pairs = np.minimum(minima[:-WINDOW], minima[WINDOW:])  # of SAMPLE_WINDOW from each
    shingle_at, minimum_at, pair_at = shingles.tolist(), minima.tolist(), pairs.tolist()
    for i, first, n, key, tag in spans:
        count = n - SHINGLE + 1  # the quote's shingles
        if count <= WINDOW:
            fps = sample = (min(shingle_at[first : first + count]),)
            out[i] = Keys(key, fps, tag, sample)
            continue
        fps = tuple(sorted(set(minimum_at[first : first + count - WINDOW + 1])))
        if count <= SAMPLE_WINDOW:
            out[i] = Keys(key, fps, tag, (fps[0],))
            continue
        out[i] = Keys(key, fps, tag, tuple(sorted(set(pair_at[first : first + count - SAMPLE_WINDOW + 1]))))
    return out


def same_quotation(a: Keys, b: Keys) -> bool:
    """Whether two quotes are one quotation: the same words after normalising, or one
    (nearly) inside the other: at least `MIN_SHARED` fingerprints in common and at least
    `CONTAINED` of the shorter one's, and not said by two different named speakers (a
    common phrase, "to be able to beat", in two people's quotes is not one quotation)."""
    if a.key is None or b.key is None:
        return False
    if a.key == b.key:
        return True
    return linked(len(set(a.fps) & set(b.fps)), a, b)


def linked(shared: int, a: Keys, b: Keys) -> bool:
    """`same_quotation` for two quotes of different wording sharing `shared` fingerprints."""
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    return shared >= MIN_SHARED and shared >= CONTAINED * min(len(a.fps), len(b.fps))


def linked_many(shared: np.ndarray, fps_a: np.ndarray, fps_b: np.ndarray, speaker_a: np.ndarray, speaker_b: np.ndarray) -> np.ndarray:
    """`linked` for many pairs at once (search.indexing.groups links a run's quotes by the
    million): fingerprints shared, each side's number of fingerprints and speaker tag."""
    import numpy as np  # here: a quote's keys are worked out without it

    different = (speaker_a != 0) & (speaker_b != 0) & (speaker_a != speaker_b)
    return ~different & (shared >= MIN_SHARED) & (shared >= CONTAINED * np.minimum(fps_a, fps_b))
