"""The learned attribution finder: a small linear model that spots reporting cues the rules
do not know, and the attributions they make.

Why: the rules (`frames.py` and the modules it calls) find attributions through a list of cue words
(`verbs.py`, `cues.json`). Annotated news attributes far more than that list covers: acts
and attitudes ('makes no apologies for', 'launched an ad that attacked'), most of them seen
fewer than three times in a year of news, so no word list catches up with them. What they
share is their shape: a person or a source as subject, a finite verb ('-ed', '-s'), then an
object or a 'that' clause. This module scores that shape.

How: in each sentence where no rule found an attribution, every lower-case content word
of four letters or more is a candidate cue. A cascade keeps this cheap (the extractor must
stay above 300 articles a second): a score of the word alone (cached per word), then with
the words right before and after it, drops most candidates before any subject search. For
the rest the rule machinery finds the subject before the word (`subject_before`, or the
sentence subject for a participle after a comma, a verb after 'and' or 'but' ('took the
stage and slammed the plan') or after 'to' ('used his speech to assail the bill')) and the
content (the 'that' clause, the object to the clause end, or for a sentence-final cue the
clause before it). Only a
candidate with a speaker-like subject (a name, a pronoun, a source noun) and unquoted
content becomes a frame; a logistic model over sparse features of the word, its
neighbours, its subject and its content (how the content opens) scores it, and frames
scoring above the trained threshold are reported, at most one per stretch of content; an
adverb ('fell sharply') or a non-answer ('did not respond to requests for comment') never is.
Reading words after 'and' and 'to', and the content's opening word, each raised the
cross-validated all-kinds F1 on PolNeAR train (0.7666 -> 0.7672 -> 0.7685 -> 0.7693).

Sentences the rules attributed are not read: on PolNeAR train (cross-validated) reading
their remaining words added no F1, and cost time.

The weights (`attributions.json`) are trained offline by `bench/train_attributions.py` on
PolNeAR train only, with the threshold chosen by cross-validation on train; features are
word shapes and context (suffixes, neighbouring words, subject kind, 'that' next) more
than memorised strings, so they carry over to other outlets and years. Without the file
the extractor runs with the rules alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import compress, repeat
from pathlib import Path
from typing import Any, Final

from search.quotes import verbs
from search.quotes.content import _TEXT_CHAR, _content_after, _content_before, _skip_filler, _trim
from search.quotes.frames import _NO_COMMENT, NO_COMMENT_BEFORE, PLURAL_NOUN_AND, REQUEST_WORD, asks_anonymity, no_finding
from search.quotes.mentions import _capital_of_the_sentence, _np_ok, _source_like
from search.quotes.names import PRONOUNS, STOPWORDS
from search.quotes.other_frames import _BE_BEFORE
from search.quotes.records import MASK, Frame, Mention
from search.quotes.subjects import _subject_of_first_verb, main_subject, subject_before
from search.quotes.verbs import LEARNED_PATH

WEIGHTS_PATH: Final = LEARNED_PATH.with_name("attributions.json")  # beside the learned cues, in the package

# Words that are never a cue by themselves: function words, auxiliaries, and the commonest
# nouns and light verbs ('year', 'people', 'make').
_FUNCTION: Final = (STOPWORDS - {"says", "said", "asked", "read"}) | frozenset(
    "is was were are be been being has have had will would can could should may might must do does did am "
    "not n't also very well than too more less lot lots way ways year years time times day days people "
    "percent state states country per get got gets getting make made going go goes went come came take took".split()
)
# The model does not report an adverb, which qualifies a cue but is none ('fell sharply'),
# nor a non-answer ('did not respond to requests for comment'): the rules' own judgements.
_LY_VERBS: Final = frozenset("reply apply supply rally comply imply rely tally bully ally".split())


def _overrules(f: Frame, text: str) -> bool:
    w = f.cue.lower()
    if REQUEST_WORD.fullmatch(w) and NO_COMMENT_BEFORE.search(text, max(0, f.cue_start - 40), f.cue_start):
        return True  # 'did not respond to requests for comment'
    return w.endswith("ly") and w not in _LY_VERBS or bool(_NO_COMMENT.match(text, f.cue_end))


_AUX_BEFORE: Final = re.compile(r"\b(?:is|was|were|are|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did)\s+(?:\w+\s+)?$")
_NOUN_BEFORE: Final = frozenset("the a an his her their its our my your this these those some any no every each of".split())
# Words right before a candidate that leave it no subject of its own ('in backing', 'and
# praised', 'to discuss'): the rules handle coordinated and infinitive cues.
_LINK_BEFORE: Final = frozenset(
    "in on at for with from by to and or but than as into about over after before that if because while when where whether since "
    "until like under between through against without within during among per via upon".split()
)
_PARTICLES: Final = frozenset("off up out down away back".split())
# Inside a would-be subject: a lower-case word that is no preposition, then an article.
_VERB_OBJECT: Final = re.compile(r"\b(?!(?:of|for|in|at|on|from|with|to|by|and|or|about|over|under|near|across)\b)[a-z]{3,}\s+(?:a|an|the)\s")
_RELATIVES: Final = frozenset("who which whom whose".split())

# A candidate word: a whole word of four or more lower-case letters (and hyphens). The
# look-behind comes after the first letter (and spans it and the character before it), so
# the scan skips to the next lower-case letter in C instead of trying the look-behind at
# every position.
_CAND: Final = re.compile(r"[a-z](?<![\w'’\-·@#].)[a-z\-]{3,}(?![\w'’\-·])")
_GROUP: Final = re.Match.group


def _shape(word: str) -> str:
    if word == MASK or word[:1] == MASK:
        return "Q"
    if word[:1].isupper():
        return "X"
    if word[:1].isdigit():
        return "9"
    if word[:1].isalpha():
        return "x"
    return word


def _suffix(w: str) -> str:
    for s in ("ing", "ed", "es", "s", "ly", "ion", "ment"):
        if w.endswith(s):
            return s
    return "-"


class _Memo(dict[Any, Any]):
    """key -> fn(key), computed once a key and cleared past `limit` entries. Words, tokens
    and contexts repeat across articles, so a lookup in C (`memo[key]`, or `map` over
    `memo.__getitem__`) replaces most calls; only a new key runs `fn`."""

    __slots__ = ("fn", "limit")

    def __init__(self, fn: Callable[[Any], Any], limit: int = 200_000) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key: Any) -> Any:
        if len(self) > self.limit:
            self.clear()
        v = self[key] = self.fn(key)
        return v


_SUFFIX: Final = _Memo(_suffix, 100_000)


class Model:
    """Weights of the linear model, its gate on word features, and its thresholds."""

    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        threshold: float,
        gate: dict[str, float],
        gate_bias: float,
        gate_threshold: float,
        prior_threshold: float = -1e9,
    ):
        self.prior_threshold = prior_threshold
        self.set_gate(gate)
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.gate_bias = gate_bias
        self.gate_threshold = gate_threshold

    def set_gate(self, gate: dict[str, float]) -> None:
        """The gate's weights (and forget the word scores computed with the old ones)."""
        self.gate = gate
        self._prior = _Memo(self._prior_of)
        self._context = _Memo(self._context_of)
        self.forget_words()

    def forget_words(self) -> None:
        """Forget which words pass the first gate (after `prior_threshold` moves): word ->
        whether its own score passes. (Only candidate words are remembered, not every token
        of every sentence: a smaller table, looked up less often, was faster than a first
        gate on the sentence's tokens.)"""
        self.word_ok = _Memo(lambda w: w not in _FUNCTION and self.prior(w) >= self.prior_threshold)

    def score(self, feats: list[str]) -> float:
        return self.bias + sum(map(self.weights.get, feats, repeat(0.0, len(feats))))

    def prior(self, w: str) -> float:
        """The gate's score of a word from its own features (cached: words repeat)."""
        score: float = self._prior[w]
        return score

    def _prior_of(self, w: str) -> float:
        return self.gate_bias + sum(self.gate.get(f, 0.0) for f in prior_features(w))

    def passes(self, gfeats: list[str]) -> bool:
        """Whether a candidate passes both gates (its word's features open the list)."""
        return self.word_ok[gfeats[0][2:]] and self.gate_score(gfeats) >= self.gate_threshold

    def context_score(self, suf: str, p1s: str, n1s: str) -> float:
        """The gate's score of a candidate's neighbours (cached: contexts repeat)."""
        score: float = self._context[(suf, p1s, n1s)]
        return score

    def _context_of(self, key: tuple[str, str, str]) -> float:
        g = self.gate
        return sum(g.get(f, 0.0) for f in _context_features(*key))

    def gate_score(self, feats: list[str]) -> float:
        g = self.gate
        return self.gate_bias + sum(g.get(f, 0.0) for f in feats)


def load(path: Path = WEIGHTS_PATH) -> Model | None:
    """The trained model, or None when the file is absent or unreadable (rules alone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Model(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data["threshold"]),
            {str(k): float(v) for k, v in data["gate"].items()},
            float(data["gate_bias"]),
            float(data["gate_threshold"]),
            float(data.get("prior_threshold", -1e9)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


MODEL: Model | None = load()
# The trainer's hook: when a list, every candidate (frame, features, gate features) is
# appended to it, and `learned_frames` reports only what the current model accepts.
COLLECT: list[Any] | None = None


def _ctx(tok: str) -> str:
    """A neighbouring word as a feature value: function words as written, others by shape."""
    low = tok.lower()
    if low in _FUNCTION or not tok[:1].isalnum():
        return low
    return _shape(tok) + _suffix(low)


def prior_features(w: str) -> list[str]:
    """Features of the candidate word alone: the first, exact part of the gate."""
    return ["w=" + w, "s3=" + w[-3:], "s4=" + w[-4:], "suf=" + _suffix(w)]


_CTX: Final = _Memo(_ctx, 100_000)  # a neighbouring word's feature value, once a word


def _neighbours(text: str, ss: int, se: int, cs: int, ce: int) -> tuple[str, str, str, str]:
    """The two words before and after a candidate; a comma or other mark touching the
    candidate side counts as a word of its own (cheap: split, no regular expressions)."""
    before = text[max(ss, cs - 40) : cs].split()
    after = text[ce : min(se, ce + 40)].split()
    p1 = before[-1] if before else "<s>"
    p2 = before[-2] if len(before) > 1 else "<s>"
    if p1 != "<s>" and not p1[-1].isalnum() and len(p1) > 1:
        p1, p2 = p1[-1], p1[:-1]
    n1 = after[0] if after else "</s>"
    n2 = after[1] if len(after) > 1 else "</s>"
    mark = text[ce : ce + 1]
    if mark and mark in ",.;:?!)":  # ('' is in every string: a word ending the text has none)
        n1, n2 = mark, n1[1:] or n2
    return p1, p2, n1, n2


def context_features(w: str, suf: str, p1: str, n1: str) -> list[str]:
    """Features of the words right before and after a candidate: the gate's second part."""
    return _context_features(suf, _CTX[p1], _CTX[n1])


def _context_features(suf: str, p1s: str, n1s: str) -> list[str]:
    return ["p1=" + p1s, "n1=" + n1s, "suf_n1=" + suf + "|" + n1s, "p1_suf=" + p1s + "|" + suf]


def wide_features(text: str, ss: int, cs: int, w: str, p2: str, n1: str, n2: str, has_quote: bool) -> list[str]:
    """Features of the wider context, read only for candidates past the gate."""
    off = cs - ss
    return [
        "p2=" + _CTX[p2],
        "n2=" + _CTX[n2],
        "w_n1=" + w + "|" + _CTX[n1],
        "pos=" + ("0" if off == 0 else "1" if off < 25 else "2" if off < 70 else "3"),
        "q=" + str(has_quote),
    ]


def _speaker_kind(m: Mention) -> str:
    t = m.text.strip()
    low = t.lower()
    if low in PRONOUNS:
        return "pro:" + low
    words = t.split()
    caps = sum(w[:1].isupper() for w in words)
    if caps == len(words):
        return "name" + str(min(len(words), 3))
    if caps:
        return "mixed"
    return "common" + ("_src" if _source_like(t) else "")


def candidates(text: str, ss: int, se: int, frames: list[Frame], model: Model | None) -> list[tuple[Frame, list[str], list[str], float]]:
    """Candidate frames in the masked sentence `text[ss:se]` when no rule attributed
    anything in it (`frames` is empty): (frame, features, gate features, score); when
    `model` is given, only those past its gate: first on the word alone (a cached score
    per word), then with its neighbours. Sentences the rules attributed are left alone:
    on PolNeAR train, cross-validated, reading them too adds no F1 and costs time."""
    if frames:
        return []  # a sentence the rules attributed: what they missed there is rarely a cue
    # One scan of the sentence, and the first gate for all its words at once (in C: a map
    # over the cached word scores): many sentences have no word past it, and in the others
    # most words are not, so only the few that pass are ever looked at in Python.
    found = list(_CAND.finditer(text, ss, se))
    keep: list[bool | None]
    if model is None:
        keep = [w not in _FUNCTION for w in map(_GROUP, found)]
    else:
        # a plain dict's get in C for the words seen before; only new words are scored
        words = list(map(_GROUP, found))
        keep = list(map(dict.get.__get__(model.word_ok), words))
        if None in keep:
            keep = [model.word_ok[w] if k is None else k for w, k in zip(words, keep, strict=True)]
        if not any(keep):
            return []  # no word in the sentence could be a cue by itself
    has_quote = MASK in text[ss:se]
    out = []
    for m in compress(found, keep):
        w = m.group()
        cs, ce = m.span()
        p1, p2, n1, n2 = _neighbours(text, ss, se, cs, ce)
        low1 = p1.lower()
        if low1 in _NOUN_BEFORE or low1 in _LINK_BEFORE and low1 not in ("and", "but", "to") or low1.endswith(("'s", "’s")):
            continue  # a noun ('his bold agenda') or a word after a preposition or conjunction
        if no_finding(w, text, ce, se):
            continue  # 'found ways to …', 'found himself in …': no finding
        if asks_anonymity(w, text, ce, se):
            continue  # 'who asked not to be named': as the rules have it
        if low1 == "and" and w.endswith("s") and PLURAL_NOUN_AND.search(text, max(ss, cs - 30), cs):
            continue  # 'accusations and rebukes': a noun joined to a plural noun
        if n1.lower().rstrip(",.;:") in _PARTICLES:
            continue  # a phrasal verb ('called off the vote', 'brushed up on'): an act, and no content after it
        suf = _SUFFIX[w]
        if model is not None and model.prior(w) + model.context_score(suf, _CTX[p1], _CTX[n1]) < model.gate_threshold:
            continue
        built = _frame(text, ss, se, w, cs, ce, frames)
        if built is None:
            continue
        frame, ffeats = built
        gfeats = prior_features(w) + context_features(w, suf, p1, n1)
        feats = gfeats + wide_features(text, ss, cs, w, p2, n1, n2, has_quote)
        feats += ffeats
        score = model.score(feats) if model is not None else 0.0
        out.append((frame, feats, gfeats, score))
    return out


def _frame(text: str, ss: int, se: int, w: str, cs: int, ce: int, frames: list[Frame]) -> tuple[Frame, list[str]] | None:
    """The frame a cue `w` at `cs:ce` would make, with the rule machinery: its speaker and
    its content; and the features that describe them. None without a speaker."""
    lo = ss
    for f in frames:
        if f.cue_end <= cs:
            lo = max(lo, f.cue_end)
    how = "subj"
    subj = subject_before(text, lo, cs)
    prev = text[max(ss, cs - 2) : cs].strip()
    if subj is None and w.endswith("ing") and prev == ",":
        subj = main_subject(text, ss, cs)  # '…, slamming the plan as …': the sentence subject
        how = "part"
    if subj is None and text.endswith((" and ", " but ", " to "), max(ss, cs - 5), cs):
        subj = main_subject(text, ss, cs)  # 'He took the stage and slammed the plan': the subject the verbs share
        how = "and"
    if subj is None or not _np_ok(subj.text) and subj.text.lower() not in PRONOUNS:
        return None
    last = subj.text.split()[-1].lower()
    if last not in PRONOUNS and (last in _FUNCTION or last.endswith(("'s", "’s")) or not _source_like(subj.text)):
        return None  # 'Even the', 'His', 'Clinton cannot make a': not a speaker
    if " " not in subj.text and _capital_of_the_sentence(subj.text):
        return None  # 'Fortunately, if you take …, you're already taking steps to mind …': an adverb
    if _VERB_OBJECT.search(subj.text):
        return None  # 'Ruiz hosts a talk-radio (show)': a verb and its object, not a noun phrase
    kind = _speaker_kind(subj)
    gap = len(text[subj.end : cs].split())
    relative = subj.text.lower() in _RELATIVES
    # the end of what may be content: the next attribution after this cue, or the clause end
    end = se
    for f in frames:
        if f.cue_start > ce:
            end = min(end, f.attr_start if f.attr_start > ce else f.cue_start)
    if relative:
        c = text.find(",", ce, end)
        if c > 0:
            end = c
    after = _skip_filler(text, ce, end, w)
    that = text.startswith(" that ", ce) or text.startswith(" that ", after)
    has_before = bool(_TEXT_CHAR.search(text, lo, subj.start))
    tail_empty = not _TEXT_CHAR.search(text, after, end)
    if that:
        start = text.find("that", ce, end) + 4
        pieces = _content_after(text, start, end)
        side = "that"
    elif tail_empty and has_before and how == "subj":
        pieces = _content_before(text, lo, subj.start)
        side = "before"
    else:
        pieces = _content_after(text, ce, end)
        side = "after"
    if not pieces:
        return None
    a, b = pieces[0]
    a, b = _trim(text, a, b)
    if b <= a or MASK in text[a:b]:
        return None  # quoted words are the rules' business: leave direct and partial quotes alone
    nwords = len(text[a:b].split())
    if nwords < 2:
        return None
    suf = _suffix(w)
    feats = [
        "sp=" + kind,
        "how=" + how,
        "gap=" + str(min(gap, 4)),
        "side=" + side,
        "len=" + str(min(nwords // 4, 6)),
        "sp_suf=" + kind + "|" + suf,
        "side_suf=" + side + "|" + suf,
        "sp_side=" + kind + "|" + side,
        "w_side=" + w + "|" + side,
        "aux=" + str(bool(_AUX_BEFORE.search(text, max(ss, cs - 25), cs))),
        "c1=" + _CTX[text[a:b].split()[0]],  # how the content opens: 'that', 'to', a pronoun, a name
        "w_c1=" + w + "|" + _CTX[text[a:b].split()[0]],
    ]
    frame = Frame(text[cs:ce], cs, ce, _clause_subject(text, subj), [(a, b)], subj.start if how == "subj" else cs, ce)
    # 'Trump and his team have been sharply criticized in Europe for …': a passive, whose
    # subject is criticized, not the critic (who is not named)
    frame.agentless = how == "subj" and w.endswith("ed") and bool(_BE_BEFORE.search(text, max(ss, cs - 40), cs))
    return frame, feats


def _clause_subject(text: str, subj: Mention) -> Mention:
    """The speaker of a cue whose 'subject' is a clause: 'Conservative Solutions PAC raised
    (about …)', 'Trump made conflicting statements (about …)' -> the words before the
    clause's verb. The frame is judged on the words as found (the model was trained on
    them); only who is named changes."""
    if " " not in subj.text:
        return subj
    inner = _subject_of_first_verb(text, subj.start, subj.end)
    if inner is None or inner.end >= subj.end or subj.relative or inner.text.lower() in _NO_SUBJECT or " " not in inner.text and inner.text.islower():
        return subj
    return inner


_NO_SUBJECT: Final = frozenset("the a an this that these those it".split())


def learned_frames(text: str, ss: int, se: int, frames: list[Frame]) -> list[Frame]:
    """The frames the model accepts in the sentence, best first, none overlapping another's
    content; [] without a model."""
    model = MODEL
    if COLLECT is not None:
        cands = candidates(text, ss, se, frames, None)
        COLLECT.extend(cands)
        if model is not None:
            cands = [(f, x, g, model.score(x)) for f, x, g, _ in cands if model.passes(g)]
    elif model is None:
        return []
    else:
        cands = candidates(text, ss, se, frames, model)
    if model is None or not cands:
        return []
    chosen: list[Frame] = []
    for f, _, _, s in sorted(cands, key=lambda c: -c[3]):
        if s < model.threshold:
            break
        if _overrules(f, text) or verbs.is_act(f.cue):
            continue  # an act ('approved a move', 'damaged parts of …') is no attribution
        a, b = f.pieces[0]
        if any(a < y and x < b for g in chosen for x, y in g.pieces):
            continue
        chosen.append(f)
    return chosen
