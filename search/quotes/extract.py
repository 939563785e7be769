"""From an article to its quotes: mask the quoted words, cut sentences, find attributions
(`frames.py` and the stages docs/extraction.md lists), then decide for each quoted span and each attribution what record it
makes.

Two decisions take a whole paragraph: a transcript turn ('PENCE: …') is one direct quote by
its labelled speaker, and a paragraph after one that ends by announcing a quotation ('Caddell
continued:') is that speaker's (a block quotation, one direct quote, when it has no marks).

The decisions, in order, for one sentence:
1. An attribution whose content is all quoted words makes a direct quote (several pieces
   when the quote is split around the attribution).
2. An attribution whose content mixes the writer's words and quoted words makes one
   partial quote whose span is the whole reported clause: that is what the speaker is
   reported to have said, and it is how PolNeAR marks 'mixed' attributions.
3. An attribution with no quotation marks makes an indirect quote.
4. A quoted sentence with no attribution of its own takes the speaker of a next sentence
   that only attributes ('“…?” asked Ruiz.', 'That was how Ruiz put it.'), else of the lead
   before it ('Ruiz hit back, telling reporters, “…”'), else continues the speaker of the
   paragraph (or of the previous paragraph when it opens the paragraph).
5. A quoted phrase inside the writer's sentence is a partial quote when it is long (four
   words or more) or when a person named is the subject of its clause ('Ruiz assailed him
   for his “reckless spending”'); any other quoted phrase (scare quotes, titles,
   nicknames) is not a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Final

from search.models import Article, Piece, Quote
from search.quotes.coref import SpeakerState, classify, names_a_document, person_named_between
from search.quotes.frames import attribution_only, find_frames
from search.quotes.furniture import content_start
from search.quotes.learned import learned_frames
from search.quotes.marks import Quoted, scan_quotes
from search.quotes.mentions import _head_noun, subject_word
from search.quotes.names import CALENDAR_WORDS, FIRM_WORDS, NAME_RUN, ORG_WORDS, PRONOUNS, STOPWORDS, ArticleNames
from search.quotes.other_frames import transcript_label
from search.quotes.persons import LAWMAKER_TAG, LOWERISH_SHARE, capital_share
from search.quotes.records import MASK, Frame, Mention, Speaker
from search.quotes.sentences import split_sentences
from search.quotes.speaker import settle
from search.quotes.verbs import ACCORDING_TO, cue_class, plural_present
from search.quotes.writer import writer_of

_KEEP_IN_MASK: Final = frozenset(".?!,")
_ALNUM: Final = re.compile(r"[A-Za-z0-9]")
# A nickname inside a name: 'Marcia "Cia" Price', 'Donald "The Donald" Trump'.
_NAME_BEFORE: Final = re.compile(r"(?<![\w'’])[A-Z][a-z.\-]*(?<!['’]s) $")
_NAME_AFTER: Final = re.compile(r" [A-Z][a-z'’\-]+(?=[,.;:()]|\s+[a-z(]|\s*$)")
_NICKNAME: Final = re.compile(r"[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,2}")
# A quotation that is only a bracketed note: a transcript's '(CROSSTALK.)', '[inaudible]'.
_STAGE_DIRECTION: Final = re.compile(r"\s*[(\[][^()\[\]]*[)\]][.,]?\s*")
# Words before a quoted phrase that make it a coined term, title or nickname.
_NOT_SPEECH_WORDS: Final = (
    "so-called|so called|dubbed|nicknamed|titled|entitled|known as|termed|the term|the word|the words|"
    "the phrase|the slogan|the hashtag|labeled|labelled|branded|the film|the book|the song|the show|"
    "the movie|the album|the novel|the play|the series|the program|the programme|the article|the op-ed|"
    "the headline|the column|the report|a sign reading|signs reading|reading"
).split("|")
# They must end the text before the quotation (only spaces and one ',' or ':' may follow), so
# the test matches the reversed text from its start: one attempt, where searching for
# '(words)\s*[,:]?\s*$' tries the whole alternation, case-blind, at every position.
_NOT_SPEECH_BEFORE_REVERSED: Final = re.compile(r"\s*[,:]?\s*(?:" + "|".join(re.escape(w[::-1]) for w in _NOT_SPEECH_WORDS) + ")", re.IGNORECASE)
_COLON_SUBJECT: Final = re.compile(r"\s*(?:(?:But|And|So|Yet)\s+)?(?P<np>(?:He|She|They|We|I)\b|[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4})")
# '"…," — Mayor Cho' / '“…” ― Oscar P. Quintero' / '“…”—Cho': a dash and a name, no verb.
# Quotations of at least this many words are reported even without a cue (see `_long_quotation`).
MIN_QUOTATION_WORDS: Final = 4
# Where a clause inside a sentence starts or ends (masked text: quoted words are '·').
_CLAUSE_BREAK: Final = re.compile(r"[;:(]\s|,\s|\s[—–―]\s?|[—–―]|\s-{1,2}\s")
# What before a quotation makes it stand on its own: '…: “We …”', '…, “We …”'.
_STANDALONE_BEFORE: Final = re.compile(r"(?:[:,—–―]|\s-)\s*[“\"‘'«]?\s*$")
# The subject that opens a clause: a pronoun or a name, with auxiliaries and adverbs after it.
_CLAUSE_SUBJECT: Final = re.compile(
    r"\s*(?:(?:And|But|So|Yet|Then|and|but|so|yet|then)\s+)?"
    rf"(?P<np>(?:He|She|They|We|I|he|she|they|we)\b|{NAME_RUN.pattern})(?:\s+(?:of|for|from|at)\s+(?:the\s+)?{NAME_RUN.pattern})?"
    r"(?=\s+[a-z])(?:\s+(?:has|have|had|also|later|then|again|would|will|could|did|was|were|is|are|once|[a-z]+ly)\b)*"
)
_DASH_SPEAKER: Final = re.compile(r"^[\s,]*(?P<dash>[—–―]+|\s-{1,2}\s)\s*(?P<np>[^·]{2,80}?)\s*[.]?\s*$")


class _Rec:
    """A quote being made: its kind, pieces, paragraph, speaker and cue. (A plain class, not
    a dataclass, for the reason `records.py` gives.)"""

    __slots__ = ("kind", "pieces", "paragraph", "speaker", "cue", "how")

    def __init__(self, kind: str, pieces: list[tuple[int, int]], paragraph: int, speaker: Speaker | None = None, cue: str | None = None, how: str = "") -> None:
        self.kind = kind
        self.pieces = pieces
        self.paragraph = paragraph
        self.speaker = speaker
        self.cue = cue
        self.how = how  # which rule made the record and chose its speaker (debugging only, not exported)


def _mask(text: str, spans: list[Quoted]) -> str:
    """The text with every quoted character replaced by MASK (a final . , ? ! kept), and a
    doubled-apostrophe mark ('' … '', NYT archive style) written as one '"' (and a MASK or a space),
    so the attribution rules see one kind of double mark. A nickname inside a name, marks
    and all, becomes blanks, so that the name reads as one run of capitalised words, and so
    does a party label after a name ('Sen. Jon Tester (D-Mont.) and David Vitter (R-La.)
    wrote'), so that names and lists of names read as they would without it."""
    out: list[str] = []
    pos = 0
    for q in spans:
        if q.start < pos:
            continue
        if _is_nickname(text, q):
            out.append(text[pos : q.open_at] + " " * (q.end + 1 - q.open_at))
            pos = q.end + 1
            continue
        if q.start - q.open_at == 2 and text[q.open_at : q.start] == "''":
            out.append(text[pos : q.open_at] + '"' + MASK)
        else:
            out.append(text[pos : q.start])
        e = q.end
        keep = text[e - 1] if e > q.start and text[e - 1] in _KEEP_IN_MASK else ""
        out.append(MASK * (e - q.start - len(keep)) + keep)
        pos = e
        if text[e : e + 2] == "''":
            out.append('" ')
            pos = e + 2
    out.append(text[pos:])
    masked = "".join(out)
    return _PARTY_LABEL.sub(_blank, masked) if " (" in masked else masked


# '(D-N.J.)', '(R-Texas)', '(I-Vt.)', '(Fla.)' after a lawmaker's name; not before a comma, where
# the rules read it as part of an aside ('the mayor's niece, state Del. Marcia Price
# (D-Harbor), shouted', 'Gov. John Kasich (R-OH), said')
_PARTY_LABEL: Final = re.compile(rf"(?<=[A-Za-z.]) \((?:{LAWMAKER_TAG})\)(?!,)")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _is_nickname(text: str, q: Quoted) -> bool:
    """A short Title Case quotation between two capitalised words of a name."""
    if not q.closed or q.end - q.start > 30 or q.start - q.open_at != 1:
        return False
    return (
        _NICKNAME.fullmatch(text, q.start, q.end) is not None
        and _NAME_BEFORE.search(text, max(0, q.open_at - 30), q.open_at) is not None
        and _NAME_AFTER.match(text, q.end + 1) is not None
    )


def _residue(masked: str, s: int, e: int) -> int:
    """How many letters and digits the writer's words in `masked[s:e]` hold, counted up to
    4: every caller only asks whether there are none or at most three, and a long sentence
    need not be counted to its end."""
    n = 0
    for _ in _ALNUM.finditer(masked, s, e):
        n += 1
        if n > 3:
            break
    return n


def _is_coined(text: str, q: Quoted) -> bool:
    """Scare quotes, titles and nicknames: not something anyone is quoted as saying."""
    if _STAGE_DIRECTION.fullmatch(text, q.start, q.end):
        return True  # '"(CROSSTALK.)' in a transcript, '“[inaudible]”'
    if _NOT_SPEECH_BEFORE_REVERSED.match(text[max(0, q.open_at - 30) : q.open_at][::-1]):
        return True
    words = text[q.start : q.end].split()
    if _title_case(words) and (len(words) <= 6 or not _title_case(text[max(0, q.open_at - 40) : q.open_at].split()[-4:])):
        # Title Case phrase: a title or name ('"Meet the Press"', 'Donald "The Donald" Trump');
        # a long one is a title in prose, but may be a quotation in a Title Case headline
        return len(words) > 1 or (q.open_at > 0 and text[q.open_at - 1 : q.open_at] == " " and text[q.open_at - 2 : q.open_at - 1].isalpha())
    return False


_TITLE_SMALL_WORDS: Final = frozenset("of the and a an in to for on with at by from is as or vs vs. nor but de del la le el du von van y".split())


def _title_case(words: list[str]) -> bool:
    """'Meet the Press', 'The Nightly Show with Larry Wilmore', 'Backfire: Carly Fiorina's
    Battle for the Soul of Hewlett-Packard': every word capitalised but the small ones."""
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words)


# Tests and the scorer set this to see a rule's exception instead of losing the paragraph to
# it silently (a user's run must never fail on one odd paragraph; a developer's must).
RAISE_ERRORS = False


def extract_quotes(article: Article, learned: bool = True) -> list[Quote]:
    """Every quotation in the article's body paragraphs, in text order. Never raises.

    `learned` (the default) adds the learned attribution finder (`learned.py`) to the
    rules: attributions whose cue no list holds ('makes no apologies for'), in sentences the
    rules leave unattributed. It finds more reported speech (all-kinds F1 on PolNeAR dev
    0.790 with the rules alone, 0.801 with it) for about a quarter more time;
    `learned=False` is the rules alone."""
    try:
        recs, names = _extract(article, learned)
    except Exception:  # pragma: no cover - a bug must not lose the article
        if RAISE_ERRORS:
            raise
        return []
    return _to_quotes(article, recs, names)


def _extract(article: Article, learned: bool = False) -> tuple[list[_Rec], ArticleNames]:
    text = article.text
    paras = article.body
    names = ArticleNames()
    names.writer = writer_of(article.author, article.text)
    quoted: list[list[Quoted]] = []
    # Page furniture (ads, captions, bylines, sub-heads: `furniture.py`) is no one's words and
    # names no one: its paragraph starts at its end. A dateline is cut off the sentence after it.
    starts = [content_start(text, p.start, p.end) for p in paras]
    for p, ps in zip(paras, starts, strict=True):
        names.scan(text, ps, p.end)
        quoted.append(scan_quotes(text, ps, p.end))
    names.finish_scan()
    # a no-break space reads as a space (same length: offsets hold); rules match ' ' literally
    masked = _mask(text, [q for qs in quoted for q in qs]).replace("\xa0", " ")
    state = SpeakerState(names)
    recs: list[_Rec] = []
    prev_para_speaker: Speaker | None = None
    prev_para_named = False  # the previous paragraph only named that person, quoting no one
    open_rec: _Rec | None = None  # a quote still running at the end of the last paragraph
    lead: _Lead | None = None  # the previous paragraph ended 'Ruiz continued:'
    for k, p in enumerate(paras):
        ps = starts[k]
        if ps >= p.end:
            continue  # furniture: read as if it were not there (a quote may run on across an ad)
        try:
            if lead is not None and not (quoted[k] and quoted[k][0].open_at == ps):
                # 'Limbaugh added:' then a paragraph without marks: a block quotation
                recs.append(_Rec("direct", [_strip_space(text, ps, p.end)], k, lead.speaker, lead.cue, how="block"))
                prev_para_speaker, prev_para_named, open_rec, lead = lead.speaker, False, None, None
                continue
            if lead is not None:
                prev_para_speaker, prev_para_named = lead.speaker, False  # '… continued:' then “…”
            open_rec, prev_para_speaker, prev_para_named = _paragraph(
                k, ps, p.end, text, masked, quoted[k], names, state, recs, prev_para_speaker, prev_para_named, open_rec, learned
            )
            lead = _lead_of(masked, ps, p.end, names, state)
        except Exception:  # pragma: no cover - one odd paragraph must not lose the rest
            if RAISE_ERRORS:
                raise
            open_rec, lead = None, None
    return recs, names


@dataclass(slots=True)
class _Lead:
    speaker: Speaker
    cue: str


def _lead_of(masked: str, ps: int, pe: int, names: ArticleNames, state: SpeakerState) -> _Lead | None:
    """The speaker of a paragraph that ends by announcing a quotation ('Caddell continued:',
    'The New York Times reports:'), whose words are the next paragraph."""
    end = _strip_space(masked, ps, pe)[1]
    if end <= ps or masked[end - 1] != ":":
        return None
    ss, _ = split_sentences(masked, ps, end)[-1]
    found = attribution_only(masked, ss, end - 1)
    if found is None:
        return None
    return _Lead(classify(found[0], names, state, masked), found[1])


def _strip_space(text: str, s: int, e: int) -> tuple[int, int]:
    """`text[s:e]` without the white space at either end."""
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _paragraph(
    k: int,
    ps: int,
    pe: int,
    text: str,
    masked: str,
    qs: list[Quoted],
    names: ArticleNames,
    state: SpeakerState,
    recs: list[_Rec],
    prev_para_speaker: Speaker | None,
    prev_para_named: bool,
    open_rec: _Rec | None,
    learned: bool = False,
) -> tuple[_Rec | None, Speaker | None, bool]:
    state.paragraph_person = None
    state.paragraph_start = ps
    label = transcript_label(text, ps, pe)
    if label is not None:
        # 'PENCE: Well, look, …': a transcript paragraph is one direct quote by its label,
        # quotation marks inside it and all
        mention, start = label
        end = _strip_space(text, start, pe)[1]
        opened = text[ps:start].lstrip()[:1] in '"“'
        closed = opened and text[end - 1] in '"”'
        end -= closed
        tsp = classify(mention, names, state, masked)
        if tsp.type == "person" and tsp.name:
            state.last_person = tsp
        rec = _Rec("direct", [(start, end)], k, tsp, ":", how="transcript")
        recs.append(rec)
        # marks that open the paragraph and never close: the turn goes on in the next one
        return (rec if opened and not closed else None), tsp, False
    para_last: Speaker | None = None
    pending: list[_Rec] = []
    claimed: set[int] = set()
    continued: Quoted | None = None  # the quotation continuing one left open above
    # A quote that opens this paragraph continues one left open by the previous paragraph.
    if (
        open_rec is not None
        and qs
        and qs[0].open_at == ps
        and not _own_attribution(text, masked, open_rec, qs[0], ps, pe)
        and not _STAGE_DIRECTION.fullmatch(text, qs[0].start, qs[0].end)
    ):
        q = qs[0]
        open_rec.pieces.append((q.start, q.end))
        claimed.add(id(q))
        para_last = open_rec.speaker
        continued = q
    next_open: _Rec | None = open_rec if open_rec is not None and qs and id(qs[0]) in claimed and not qs[0].closed else None
    first_sentence = True
    sentence_recs: list[tuple[int, int, int]] = []  # (start, end, records made) per sentence
    last_direct: _Rec | None = None  # the direct quote of the previous sentence, if any
    attribution_sentence = -1  # the sentence that attributes the quote before it ('“…?” Ruiz said.')
    sentences = split_sentences(masked, ps, pe)
    # Each sentence takes the quotations opening in it: found by bisection when they are in
    # text order (they are: top-level spans never overlap), so a paragraph of thousands of
    # sentences and quotations is not read once per sentence.
    opens = [q.open_at for q in qs]
    in_order = all(a <= b for a, b in zip(opens, opens[1:], strict=False))
    for i, (ss, se) in enumerate(sentences):
        made_before = len(recs)
        if not qs:
            sq = []
        elif in_order:
            sq = [q for q in qs[bisect_left(opens, ss) : bisect_left(opens, se)] if id(q) not in claimed]
        else:
            sq = [q for q in qs if ss <= q.open_at < se and id(q) not in claimed]
        # quotes in text order: a frame looks only at those it can touch (when they nest or
        # overlap, at all of them)
        sq_ends = [q.end for q in sq] if sq else []
        if len(sq) > 1 and (any(x > y for x, y in zip(sq_ends, sq_ends[1:], strict=False)) or any(sq[k].start > sq[k + 1].start for k in range(len(sq) - 1))):
            sq_ends = []
        frames = find_frames(masked, ss, se)
        extra = learned_frames(masked, ss, se, frames) if learned else None
        if extra:  # cues no rule knows, found by the learned model (`learned.py`)
            frames = sorted(frames + extra, key=lambda f: f.cue_start)
        prev_sp: Speaker | None = None
        carried, last_direct = last_direct, None
        for i, f in enumerate(frames):
            if continued is not None and all(continued.open_at <= a and b <= continued.end + 2 for a, b in f.pieces):
                continue  # '"…," she said.' closing a quote continued from the paragraph above
            sp = _speaker(f, names, state, masked, prev_sp)
            if sp is None and f.mention is None and not f.agentless:
                # 'But Sen. Richard J. Durbin (D-Ill.), noting that …, said …': a participle in
                # an aside between a subject and its verb has that subject
                later = next((g for g in frames[i + 1 :] if g.mention is not None and g.mention.start < f.cue_start), None)
                if later is not None and not later.agentless:
                    sp = _speaker(later, names, state, masked, None)
            inside = _touching(sq, sq_ends, f.pieces)
            real = [q for q in inside if not _is_coined(text, q)]
            if f.needs_quote and not real:
                continue
            for q in inside:
                claimed.add(id(q))
            after = [(a, b) for a, b in f.pieces if a >= f.cue_end]
            quoted_after = [q for q in real if q.start >= f.cue_end]
            if real and sum(_residue(masked, a, b) for a, b in f.pieces) <= 3:
                rec = _Rec("direct", [(q.start, q.end) for q in inside], k, sp, f.cue, how="cue")
            elif quoted_after and len(after) < len(f.pieces) and sum(_residue(masked, a, b) for a, b in after) <= 3:
                # 'Asked about the delay, Ruiz said, "…"': the clause before the speaker
                # sets the scene; what was said is the quotation after the cue.
                rec = _Rec("direct", [(q.start, q.end) for q in quoted_after], k, sp, f.cue, how="cue")
            elif inside:
                # quoted words in the reported clause, even a single scare-quoted one
                # ('said the words “lump” the good with the bad'): a partial quote
                rec = _Rec("partial", list(f.pieces), k, sp, f.cue, how="cue")
            else:
                rec = _Rec("indirect", list(f.pieces), k, sp, f.cue, how="cue")
            recs.append(rec)
            if rec.kind == "direct" or rec.kind == "partial" and _quote_then_cue(rec, inside, f):
                last_direct = rec
            prev_sp = sp
            if sp is not None:
                if not (sp.name == names.writer and sp.mention == "I") and not names_a_document(sp.mention):
                    # (the writer's 'I', or 'the letter' of its issuer, is no one a later 'he' stands for)
                    state.spoke(sp, f.cue_start)
                para_last = sp
                if rec.kind == "direct":
                    for r in pending:
                        r.speaker = sp
                        r.how += "+pending"
                    pending.clear()
            if rec.kind == "direct" and inside and not inside[-1].closed:
                next_open = rec
        rest = [q for q in sq if id(q) not in claimed and not _is_coined(text, q)] if sq else []
        if rest:
            urec = _unattributed(k, ss, se, text, masked, rest, names, state)
            if urec is not None and urec.speaker is None and i + 1 < len(sentences):
                # '“…!” Murphy tweeted on Friday.': the attribution is the next sentence
                found = attribution_only(masked, *sentences[i + 1])
                if found is not None:
                    urec.speaker = classify(found[0], names, state, masked)
                    urec.cue = found[1]
                    urec.how = "next"
                    attribution_sentence = i + 1
            if urec is not None and urec.kind == "direct" and urec.cue is None and carried is not None and not frames:
                # The next sentence of a quote just attributed: one quote, several pieces.
                carried.pieces.extend(urec.pieces)
                last_direct = carried
                if not rest[-1].closed:
                    next_open = carried
            elif urec is not None:
                if urec.speaker is None:
                    # A quotation opening the paragraph continues the last speaker of the one
                    # before; a person that paragraph only named is a guess fit for a quote
                    # standing alone, not for words inside the writer's sentence.
                    standalone = _residue(masked, ss, se) <= 3
                    if para_last is not None:
                        urec.speaker, urec.how = para_last, urec.how + "+para"
                    elif first_sentence and prev_para_speaker is not None and (standalone or not prev_para_named):
                        urec.speaker, urec.how = prev_para_speaker, urec.how + ("+prevnamed" if prev_para_named else "+prev")
                    if urec.speaker is None:
                        pending.append(urec)
                else:
                    para_last = urec.speaker
                    if urec.speaker.type == "person" and urec.speaker.name:
                        state.paragraph_person = urec.speaker
                        state.last_person = urec.speaker
                recs.append(urec)
                if urec.kind == "direct":
                    last_direct = urec
                if not rest[-1].closed:
                    next_open = urec
                if para_last is None:
                    para_last = urec.speaker
        if i == attribution_sentence and len(recs) == made_before:
            # '“…?” Clinton said. “…”': the sentence that only attributed the quote before it
            # sits between two pieces of one quote
            last_direct = carried
        first_sentence = False
        sentence_recs.append((ss, se, len(recs) - made_before))
    _lead_sentence(k, masked, sentence_recs, recs, prev_para_speaker)
    if para_last is None:
        named = person_named_between(names, ps, pe)
        if named is not None:
            return next_open, named, True
        return next_open, prev_para_speaker, prev_para_named
    return next_open, para_last, False


def _quote_then_cue(rec: _Rec, inside: list[Quoted], f: Frame) -> bool:
    """Whether a partial quote ends with its quotation right before the cue ('… are “not
    meeting the demand,” says Rieckhoff.'): then a quotation standing next goes on with it."""
    end = rec.pieces[-1][1]
    return bool(inside) and inside[-1].end + 2 >= end and f.cue_start >= end


def _touching(sq: list[Quoted], sq_ends: list[int], pieces: list[tuple[int, int]]) -> list[Quoted]:
    """The quotations that overlap any of `pieces`. With `sq` in text order and `sq_ends`
    their ends, found by bisection, so a sentence with thousands of quotes stays fast; with
    `sq_ends` empty, by looking at each."""
    if not pieces:
        return []
    if not sq_ends:  # not in order: look at every one
        return [q for q in sq if any(q.start < b and q.end > a for a, b in pieces)]
    hi = max(b for _, b in pieces)
    out = []
    for k in range(bisect_right(sq_ends, min(a for a, _ in pieces)), len(sq)):
        q = sq[k]
        if q.start >= hi:
            break
        if any(q.start < b and q.end > a for a, b in pieces):
            out.append(q)
    return out


def _own_attribution(text: str, masked: str, open_rec: _Rec, q: Quoted, ps: int, pe: int) -> bool:
    """Whether a paragraph-opening quotation, closed and attributed in its own sentence, is a
    quote of its own rather than the end of the one left open above: so when the attribution
    names someone ('“…,” added Rep. Hale'), or the marks change style (“ after "), which
    shows the open quote was a block quotation or a stray mark (a transcription artifact).
    A pronoun in the same style ('"…," she said.') closes the quote running over paragraphs."""
    if not q.closed or not open_rec.pieces:
        return False
    ss, se = split_sentences(masked, ps, pe)[0]
    mentions = [f.mention for f in find_frames(masked, ss, se) if f.mention is not None and f.cue_start >= q.end]
    if not mentions:
        return False
    before = open_rec.pieces[-1][0] - 1
    same_style = before >= 0 and (text[before] == '"') == (text[q.open_at] == '"')
    return not same_style or any(m.text.lower() not in PRONOUNS for m in mentions)


def _lead_sentence(k: int, masked: str, sentences: list[tuple[int, int, int]], recs: list[_Rec], prev: Speaker | None) -> None:
    """A paragraph that goes on reporting one person ('…. In addition, he expects, …. That
    would help, he suggests.') reports its unattributed opening sentence too, when that
    person is the one the previous paragraph quoted."""
    if prev is None or prev.name is None or len(sentences) < 2 or sentences[0][2] != 0:
        return
    later = recs[len(recs) - sum(n for _, _, n in sentences[1:]) :]
    if not later or any(n != 1 for _, _, n in sentences[1:]):
        return
    if not all(r.kind == "indirect" and r.speaker and r.speaker.name == prev.name and (r.speaker.mention or "").lower() in ("he", "she") for r in later):
        return
    ss, se = sentences[0][0], sentences[0][1]
    if MASK in masked[ss:se]:
        return
    while se > ss and masked[se - 1] in ".!?":
        se -= 1
    recs.insert(len(recs) - len(later), _Rec("indirect", [(ss, se)], k, prev, None, how="lead"))


def _speaker(f: Frame, names: ArticleNames, state: SpeakerState, masked: str, prev: Speaker | None) -> Speaker | None:
    if f.agentless:
        return None  # 'Ruiz was asked whether …': not Ruiz's words
    if f.mention is None:
        return prev
    if prev is not None and f.mention.start < f.cue_start and f.attr_start == f.cue_start:
        return prev  # a participle: the subject already found for this sentence
    sp = classify(f.mention, names, state, masked)
    word = sp.name
    if sp.type == "person" and word is not None and word == f.mention.text and " " not in word:
        # a lone word the article gives no full name for: what the sentence says of it
        if _plural_subject(f, masked):
            sp = Speaker(word, sp.mention, "group", sp.description)
        elif not names.knows(word) and not names.person_evidence(word) and (f.cue.lower() in _SOURCE_CUES or _says_it(f, masked) or _a_body(sp.description)):
            # 'according to Healthline': a publication; 'Pelco announced it will provide …',
            # 'Twitter said it actively investigated …': what speaks of itself as 'it' is a body;
            # so is what the article describes as one ('Xinhua, the official Chinese news agency')
            sp = Speaker(word, sp.mention, "organisation", sp.description)
            if f.cue.lower() not in _SOURCE_CUES:
                names.said_it.add(word)  # and so are its other quotes (`_to_quotes`)
    if f.mention.description and sp.description is None:
        sp.description = f.mention.description
    return sp


def _a_body(description: str | None) -> bool:
    """A description headed by a noun of bodies: 'the official Chinese news agency', 'a
    Seattle-based company' (not 'the head of the agency')."""
    if not description or not description.split():
        return False
    return _head_noun(description).strip(".,;") in _BODY_HEADS


_BODY_HEADS: Final = ORG_WORDS | FIRM_WORDS | frozenset("newspaper outlet website broadcaster station channel".split())

_SAYS_IT: Final = re.compile(r"(?:that\s+)?(?:it|its|it['’]s)\s")


def _says_it(f: Frame, masked: str) -> bool:
    """Whether what a frame reports opens with 'it' or 'its', the speaker's own ('Twitter said
    it actively investigated …'); a frame may report nothing ('kept asking')."""
    return bool(f.pieces) and _SAYS_IT.match(masked, f.pieces[0][0]) is not None


# Cues that cite a publication or a report far more often than a person the article never
# names in full: a lone word after them is a body ('according to Healthline').
_SOURCE_CUES: Final = frozenset((ACCORDING_TO, "reported"))


def _plural_subject(f: Frame, masked: str) -> bool:
    """A one-word subject ending in 's' right before a verb in the plural's form
    ('Saudis insist', 'Dems hope', 'Technocrats argue'): a group, no one person ('Sanders
    says', 'Evans would say' stay people)."""
    assert f.mention is not None
    word = f.mention.text
    return (
        word.endswith("s")
        and capital_share(word) > LOWERISH_SHARE  # 'Associates say': a word, no name at all (`settle`)
        and f.mention.end < f.cue_start
        and not masked[f.mention.end : f.cue_start].strip()
        and plural_present(f.cue)
    )


def _unattributed(k: int, ss: int, se: int, text: str, masked: str, rest: list[Quoted], names: ArticleNames, state: SpeakerState) -> _Rec | None:
    pieces = [(q.start, q.end) for q in rest]
    first, last = rest[0], rest[-1]
    if _residue(masked, ss, se) <= 3:
        return _Rec("direct", pieces, k, how="bare")
    # 'Ruiz was blunt: "…"'
    colon = masked.rfind(":", ss, first.open_at)
    if colon >= 0 and _residue(masked, colon, se) <= 3:
        return _Rec("direct", pieces, k, _colon_speaker(masked, ss, colon, names, state), ":", how="colon")
    # '"…," — Mayor Cho'
    tail_at = last.end + 1
    if _residue(masked, ss, first.open_at) == 0:
        m = _DASH_SPEAKER.match(masked[tail_at:se])
        if m and NAME_RUN.search(m.group("np")):
            s = tail_at + m.start("np")
            np = m.group("np").split(",")[0]  # '— Elena Ruiz, Springfield': the name, then where from
            mention = Mention(s, s + len(np), np)
            sp = classify(mention, names, state, masked)
            return _Rec("direct", pieces, k, sp, m.group("dash").strip(), how="dash")
        found = attribution_only(masked, tail_at, se)
        if found is not None:
            # '“…,” Toomey fumed on Tuesday.': a name and any verb after the quotation
            return _Rec("direct", pieces, k, classify(found[0], names, state, masked), found[1], how="after")
    return _long_quotation(k, ss, se, text, masked, rest, names, state)


_NAME_BEFORE_COLON: Final = re.compile(rf"(?P<np>{NAME_RUN.pattern})\s*$")


def _colon_speaker(masked: str, ss: int, colon: int, names: ArticleNames, state: SpeakerState) -> Speaker | None:
    """Who speaks the quotation after a colon: a person named right before it ('… FOR THE
    FIRST TIME - Jeffrey M. Jones: “…”'), else the person subject of the lead ('Or, as Tom
    Ridge put it: “…”'), else the noun phrase opening the sentence ('Ruiz was blunt:', 'The
    council said:'), but not an opener such as 'At', 'In' or 'What'."""
    m = _NAME_BEFORE_COLON.search(masked, ss, colon)
    if m is not None:
        nsp = classify(Mention(m.start("np"), m.end("np"), m.group("np")), names, state, masked)
        if nsp.type == "person" and nsp.name and names.knows(nsp.name):
            return nsp
    sp = _person_subject(masked, ss, colon, names, state)
    if sp is not None:
        return sp
    m = _COLON_SUBJECT.match(masked, ss, colon)
    if m is None or not subject_word(m.group("np")):
        return None
    return classify(Mention(m.start("np"), m.end("np"), m.group("np")), names, state, masked)


def _long_quotation(k: int, ss: int, se: int, text: str, masked: str, rest: list[Quoted], names: ArticleNames, state: SpeakerState) -> _Rec | None:
    """A quotation of four words or more is almost always someone's words in news, even with
    no cue we know ('blasted the media for being “unbelievably dishonest.”'): a direct quote
    when it stands as a sentence or clause of its own, else a partial quote whose span is the
    clause around it, from just after its subject to the clause end. Shorter quoted phrases
    are as often scare quotes or coined terms, and are left out unless a person is the
    subject of their clause (`_stance_subject`)."""
    first, last = rest[0], rest[-1]
    stance = _stance_subject(masked, ss, first.open_at, names, state)
    if stance is None and not any(_words(text, q) >= MIN_QUOTATION_WORDS for q in rest):
        return None
    pieces = [(q.start, q.end) for q in rest]
    lead = masked[ss : first.open_at]
    if _residue(masked, ss, first.open_at) == 0:
        return _Rec("direct", pieces, k, how="long-direct")
    if _STANDALONE_BEFORE.search(lead) and text[first.start : first.start + 1].isupper():
        # 'Hours later, Trump returned the compliment, telling Reuters, “…”': the lead's subject
        sp = _person_subject(masked, ss, first.open_at, names, state)
        return _Rec("direct", pieces, k, sp, how="long-direct-subj" if sp else "long-direct")
    cs = ss
    for m in _CLAUSE_BREAK.finditer(masked, ss, first.open_at):
        cs = m.end()
    ce = se
    mb = _CLAUSE_BREAK.search(masked, last.end + 1, se)
    if mb:
        ce = mb.start()
    if masked[last.end - 1 : last.end] == "," and last.closed:
        ce = min(ce, last.end + 1)  # 'was “so swollen …,” she was': the clause ends with it
    speaker: Speaker | None = None
    subj = _clause_subject(masked, cs, first.open_at)
    if subj:
        cs = subj.end()
    elif stance is not None:  # 'In an interview she blasted the press for being “…”'
        speaker, cs = stance
    else:  # the subject of the sentence, when the clause has none of its own
        subj = _clause_subject(masked, ss, first.open_at)
    if subj:
        sp = classify(Mention(subj.start("np"), subj.end("np"), subj.group("np")), names, state, masked)
        if sp.type in ("person", "organisation") and (sp.name or sp.mention in ("he", "she", "He", "She")):
            speaker = sp
    if speaker is None:
        speaker = _person_subject(masked, ss, first.open_at, names, state)
    while ce > cs and masked[ce - 1] in " .,;:!?" and masked[ce - 2 : ce] != '" ':
        ce -= 1
    if ce <= cs:
        return None
    return _Rec("partial", [(cs, ce)], k, speaker, how="long-partial-subj" if speaker else "long-partial")


# The verb after a person subject that makes a short quoted phrase their words: a finite
# verb ('assailed him for his “Mexican heritage”', 'called it “a disgrace”', 'says the plan is
# “dead”'). Measured on PolNeAR, a person subject with any past or present verb keeps the
# precision of partial quotes (.94 dev, .92 train) while a list of stance verbs finds fewer.
_STANCE_VERB: Final = re.compile(
    r"\s*(?:(?:has|have|had|also|then|later|again|repeatedly|once|[a-z]+ly)\s+)*"
    r"(?:said|says|told|tells|wrote|writes|thought|sought|[a-z]{3,}ed|[a-z]{3,}[^s\W]s)\b"
)
_PERSON_THEN_VERB: Final = re.compile(rf"(?<![\w’'])(?P<np>\b(?:he|she|He|She)\b|{NAME_RUN.pattern})(?={_STANCE_VERB.pattern})")


def _stance_subject(masked: str, ss: int, q_at: int, names: ArticleNames, state: SpeakerState) -> tuple[Speaker, int] | None:
    """The person, when the clause holding a quoted phrase has a person named (or he/she) as
    the subject of a finite verb: then even a short phrase is that person's words, not scare
    quotes ('In an interview he blasted the media for being “dishonest.”'). Returns that
    person and where the subject ends."""
    cs = ss
    for m in _CLAUSE_BREAK.finditer(masked, ss, q_at):
        cs = m.end()
    for subj in _PERSON_THEN_VERB.finditer(masked, cs, q_at):
        np = subj.group("np")
        first = np.split()[0].lower()
        if first not in PRONOUNS and (first in STOPWORDS or first in _NOT_SUBJECTS):
            continue
        sp = classify(Mention(subj.start("np"), subj.end("np"), np), names, state, masked)
        if sp.type == "person" and sp.name is not None and (np.lower() in ("he", "she") or names.knows(sp.name)):
            return sp, subj.end("np")
    return None


def _clause_subject(masked: str, s: int, e: int) -> re.Match[str] | None:
    """A pronoun or a name opening the clause (not 'After saying …', 'Tuesday's vote …')."""
    m = _CLAUSE_SUBJECT.match(masked, s, e)
    if m is None or m.group("np").lower() in PRONOUNS:
        return m
    first = m.group("np").split()[0].lower()
    if first in STOPWORDS or first in _NOT_SUBJECTS:
        return None
    if len(m.group("np").split()) == 1 and first.endswith("ing") and masked.startswith(" that", m.end("np")):
        return None  # 'Acknowledging that Trump “says …”': a participle opening the sentence, not a name
    return m


_OPENER: Final = re.compile(r"\s*(?:(?:As|When|While|After|Before|If|Although|Though|Once|Since|Until|as|when|while|after|before)\s+)?")


def _person_subject(masked: str, s: int, e: int, names: ArticleNames, state: SpeakerState) -> Speaker | None:
    """The first clause subject in `masked[s:e]` that is a person the article names (or a
    he/she standing for one): 'Hours later, Trump returned the compliment, telling
    Reuters, “…”' -> Trump; 'As Ruiz put it, “…”' -> Ruiz. Other capitalised openers
    ('Hours later', 'Tuesday's vote') are not people and are passed over."""
    starts = [s, *(m.end() for m in _CLAUSE_BREAK.finditer(masked, s, e))]
    for cs in starts:
        cs = _OPENER.match(masked, cs, e).end()  # type: ignore[union-attr]
        m = _clause_subject(masked, cs, e)
        if m is None:
            continue
        np = m.group("np")
        sp = classify(Mention(m.start("np"), m.end("np"), np), names, state, masked)
        if sp.type != "person" or sp.name is None:
            continue
        if np.lower() in ("he", "she") or names.knows(sp.name):
            return sp
    return None


_NOT_SUBJECTS: Final = CALENDAR_WORDS | frozenset(["multiple", "many", "several"])


def _words(text: str, q: Quoted) -> int:
    return len(text[q.start : q.end].split())


def _to_quotes(article: Article, recs: list[_Rec], names: ArticleNames) -> list[Quote]:
    text = article.text
    items = []
    for r in recs:
        pieces = []
        for a, b in r.pieces:
            a, b = _strip_space(text, a, b)
            if b > a:
                pieces.append((a, b))
        if not pieces:
            continue
        items.append((pieces, r))
    items.sort(key=lambda it: it[0][0][0])
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for pieces, r in items:
        key = (pieces[0][0], pieces[-1][1])
        if key in seen:
            continue
        seen.add(key)
        sp = r.speaker
        # a one-word name is a person's only with the article's evidence for it ('Ms. Acosta')
        # (and one of several words, when the article writes its surname after a title: 'Mr. Coleman')
        vouched = sp is not None and sp.name is not None and (names.person_evidence(sp.name) if " " not in sp.name.strip() else names.surname_titled(sp.name))
        pronoun = sp is not None and sp.mention is not None and sp.mention.lower() in ("he", "she")
        name, kind, description = settle(sp.name, sp.type, sp.description, vouched, pronoun) if sp else (None, None, None)
        if kind == "person" and name in names.said_it and not vouched:
            kind = "organisation"  # 'Twitter said it …' elsewhere in the article
        quotes.append(
            Quote(
                id=f"{article.id}#q{len(quotes) + 1}",
                article_id=article.id,
                kind=r.kind,  # type: ignore[arg-type]
                text=" … ".join(text[a:b] for a, b in pieces),
                speaker=name,
                speaker_mention=" ".join(sp.mention.split()) if sp and sp.mention else None,  # no blanks of a mask
                speaker_type=kind,  # type: ignore[arg-type]
                speaker_description=description,
                cue=r.cue,
                cue_class=cue_class(r.cue),  # type: ignore[arg-type]
                start=pieces[0][0],
                end=pieces[-1][1],
                pieces=[Piece(start=a, end=b) for a, b in pieces] if len(pieces) > 1 else [],
                paragraph=r.paragraph,
            )
        )
    return quotes
