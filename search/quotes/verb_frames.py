"""The attribution one reporting verb makes: who said it and which side of the cue holds
what was said. `_verb_frame` tries, in order, the frames whose speaker is someone else's (a
poll's share before a participle, a participle hanging on the sentence subject, a verb in a
list or after 'and' sharing the subject before it), then the verb's own subject: before
the cue (`_subject_frame`), or after it, inverted (`_inverted_frame`).

Which side holds the content is decided by what follows the cue: a clause ('said the bridge
would reopen', 'told reporters that …') puts it after (`_frame_after`); nothing but an
object or adverbials before the full stop ('…, Ruiz told reporters Monday.') puts it
before; a comma with more text after it makes a parenthetical with content on both sides.
A relative clause ('which officials said will …') is `_relative_frame`. Stance and
intention verbs ('criticized the plan', 'wants to leave', `verbs.NOMINAL`) report the
object after the verb.
"""

from __future__ import annotations

import re
from typing import Final

from search.quotes import verbs
from search.quotes.content import (
    _ADVERBIAL_THEN_CLAUSE,
    _CLAUSE_END,
    _FILLER_START,
    _PP_ASIDE,
    _TEXT_CHAR,
    _THAT_NEXT,
    _TIME_NOUN,
    _after_that,
    _content_after,
    _content_before,
    _sentence_tail_empty,
    _skip_filler,
    _trim,
    _unquoted_words,
)
from search.quotes.mentions import _AUX_WORDS, _EVIDENCE, _head_noun, _np_ok, _people_head, _person_like, _source_like
from search.quotes.names import CALENDAR_WORDS, NAME_RUN, POSSESSIVE_PRONOUNS, opens_sentence
from search.quotes.other_frames import _BE_BEFORE
from search.quotes.persons import is_common_word
from search.quotes.records import MASK, Frame, Mention
from search.quotes.subjects import _ASIDE_START, _RELATIVE, _RELATIVE_BEFORE, _subject_of_first_verb, main_subject, subject_after, subject_before

_RELATIVE_TAIL: Final = re.compile(r",\s*(?:who|whose|which|whom|where|when|and|but)\b")


_PARTICIPLE_NEXT: Final = re.compile(r"\s*,\s*(?!(?:nothing|something|anything|everything|during|bring|thing)\b)[a-z]+ing\b")


# a clause of time after the cue: a 'that' past it belongs to that clause ('said when asked if that …')
_WHEN_NEXT: Final = re.compile(r"\s*(?:when|while|as|after|before)\b")


# A scene set by a quoted title before the subject: 'On "Face the Nation," Ruiz said …'.
_ON_SHOW: Final = re.compile(r"\s*(?:On|In|At|During|From)\s+[“\"‘']")
# Not a clause: 'At least 11 people were killed, he said' and 'In 2020 profits were down, she
# said' report what the lead says (a quantity, or a verb of its own).
_LEAD_ADVERBIAL: Final = re.compile(
    r"\s*(?:(?!At\s+(?:least|most)\b)(?:At|In|On|During|Despite|After|Before|Since|With|Without|For|From|Under|Amid|Following|Earlier|Later)\b"
    rf"|(?:Last|This|Next)\s+(?:{_TIME_NOUN}|time)\b)(?:(?!\s(?:is|are|was|were|has|have|had|will|would)\s)[^,·;:])*,\s*"
)
# The person told and then 'that': a noun phrase of up to eight words with no verb in it.
# Where something was written, in up to three words, then 'that': 'wrote on Telegram that',
# 'wrote on social media that' (not 'wrote on the plan that was …': a relative clause).
MEDIUM_THEN_THAT: Final = re.compile(r"(?:\s+[\w.'’\-]+){1,3}?\s+that\b(?!\s+(?:was|were|is|are|had|has|have|will|would)\b)")
_OBJECT_THEN_THAT: Final = re.compile(
    r"(?:\s+(?!(?:is|was|were|are|has|had|have|will|would|said|says|who|which|that)\b)(?![a-z]+ed\b)[\w.'’\-]+){1,8}?\s+that\b(?!\s+(?:was|were|is|are|had|has|have|will|would)\b)"
)
# 'in an interview with the Times that was broadcast Monday': after a noun, a 'that' before a
# verb relates to the noun; no clause of what was said opens there
_RELATIVE_THAT: Final = re.compile(r"\s*that\s+(?:was|were|is|are|had|has|have|aired|ran|appeared|included)\b")
_NOUN_PHRASE_END: Final = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+(?:[\w'’\-]+\s+){0,2}[\w'’\-]+\s*$")


def _relative_that(text: str, ce: int, after: int, se: int) -> bool:
    """Whether the 'that' after an adverbial relates to its noun ('in an interview that
    was broadcast Monday') rather than opening what was said ('on Monday that was not true')."""
    return bool(_RELATIVE_THAT.match(text, after, se) and _NOUN_PHRASE_END.search(text, ce, after))


# A quotation closed before the speaker as attributed quotes close: '"…," Ruiz said', '"…?" she asked'.
_QUOTE_ENDS: Final = re.compile(r"[,?!—–\-][”\"’»]\s*$")
_COMMA_QUOTE: Final = re.compile(r",\s*[“\"‘'«]")
_ASIDE_THEN_QUOTE: Final = re.compile(r"\s*([a-z]+ing)\b[^,·]{0,80},\s*[“\"‘'«]")


_PREPOSITION_WHICH: Final = re.compile(r"\b(?:in|at|on|during|by|under|with|through|after|before|for|from|since|of)\s+(?:which|whom)\s+$")


# A name straight after a cue that follows a comma, then a comma or the end: the speaker of
# an inverted attribution ('…, said Dan Gerstein, a strategist'), whatever precedes it.
_INVERTED_NAME: Final = re.compile(rf"\s+(?P<np>{NAME_RUN.pattern})(?=\s*,|\.?\s*$)")


def _inverted_name(text: str, ce: int, se: int) -> bool:
    m = _INVERTED_NAME.match(text, ce, se)
    return m is not None and m.group("np").split()[0].rstrip(".").lower() not in CALENDAR_WORDS  # not 'said Monday, …'


_OBJECT_NEXT: Final = verbs.OBJECT_FIRST | verbs.OBJECT_IS_CONTENT | verbs.NOMINAL  # 'told Ruiz', 'called Ruiz'


_OF_AFTER_OBJECT: Final = re.compile(r"\s+\S.*?\s+of\s+\w")


_EVIDENCE_VERBS: Final = frozenset("show shows showed shown showing suggest suggests suggested indicate indicates indicated find finds found".split())


_CLAUSE_ADVERBS: Final = frozenset("now also still already never always even soon once then".split())


# 'and', ', and', 'and also' right before a cue: the verb shares the subject before it.
_AND_BEFORE: Final = re.compile(
    r"[\w·.,”\"’]\s*,?\s+(?:and|but)\s+(?:(?:also|then|later|since|now|still|again|even|has|have|had|did|does|not|never|would|will|could|[a-z]+ly)\s+)*$"
)
# '…, saying', '… “founded ISIS,” saying': a comma (maybe inside the closing quotation
# mark, masked as '·') right before a participle.
_FINITE_PAST: Final = re.compile(r"[a-z]+ed|said|told|wrote|thought|knew|felt|found")
_COMMA_BEFORE: Final = re.compile(r",[·”\"’]?\s*$")
# A participle hangs on the sentence subject after a comma or a dash: '…, saying …', '… – saying …'.
_PARTICIPLE_AFTER: Final = re.compile(r"(?:,[·”\"’]?|\s[—–]|—|\s--)\s*$")
_BY_OR_WHILE: Final = re.compile(r"\b(?:by|while)\s+$")
# A cue inside an aside set off by a comma or a dash ('Clinton, who once praised the
# agreement, offered …', 'The judge, though she noted …, ruled …'): what was said ends
# where the aside does, at the comma before the sentence's own verb.
_ASIDE_OPEN: Final = re.compile(r"(?:,|—|--)\s+(?:who|though|although)\s+(?:[^\s,]+\s+){0,3}$")
_ASIDE_CLOSE: Final = re.compile(
    r",\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|is|was|are|were|has|had|have|will|would|can|could|says|said|told|made|took|gave|won|lost"
    r"|went|came|ran|left|got|kept|held|met|sent|spent|became|began|did|does)\b"
)


# After 'called': a particle or an object that makes it summoning or naming, not a verdict.
# What a body names when it calls something so: a thing the writer points at, not a name.
_CALLED_WHAT: Final = re.compile(r"\s+(?:the|a|an|this|that|these|those|it|them|him|her|his|their|its|themselves|himself|herself|itself)\s")
_CALL_NOT_NAMING: Final = re.compile(
    r"\s+(?:off|back|up|out|in|it\s+quits|for|on|upon|attention|a\s+(?:meeting|vote|press|news|halt|hearing|session)|"
    r"the\s+(?:police|race|vote|shots|meeting)|[A-Z][\w.\-]*[\s,.]*$|[A-Z][\w.\-]*\s+[a-z]+ing\b"
    # a body phoned: 'called the Harris County Sheriff's Office asking questions'
    r"|the\s+(?:[A-Z][\w.'’\-]*\s+)+[a-z]+ing\b)"
)


def _verb_frame(text: str, ss: int, se: int, cs: int, ce: int, cue: str, head: str, frames: list[Frame]) -> Frame | None:
    """The attribution a reporting verb makes, `frames` being those found before it in the
    sentence. In this order: a share of a poll before a participle (`_share_frame`); a
    participle hanging on the sentence subject (`_participle_frame`); a verb in a list of
    what one subject did (`_listed_frame`); a verb after 'and' sharing the subject before
    it (`_and_frame`); else the verb's own subject: before it (`subject_before`, then
    `_subject_frame` decides which side holds what was said) or, inverted, after it
    (`_inverted_frame`)."""
    weak = head in verbs.WEAK or (head in verbs.NOMINAL and head not in verbs.SPOKEN_NOMINAL)
    # 'called the plan a disaster', 'described the talks as productive': a verb of naming
    # reports without quotation marks too, unless it names or summons ('a group called
    # Voters First', 'called off the vote', 'called the police'): then only with a quote.
    needs_quote = head in verbs.OBJECT_IS_CONTENT and head.startswith("call")
    lo = frames[-1].cue_end if frames else ss
    lo = max(lo, ss)
    aside = _ASIDE_OPEN.search(text, max(ss, cs - 60), cs)
    if aside is not None and not any(f.cue_start >= aside.start() for f in frames):  # the aside's first cue
        close = _ASIDE_CLOSE.search(text, ce, se)
        if close is not None:
            se = close.start()
    share = _share_frame(text, ss, se, cs, ce, cue, head)
    if share is not None:
        return share
    # Participle attached to the sentence subject: '"…," he said, adding that …'
    if head in verbs.PARTICIPLES and (
        _PARTICIPLE_AFTER.search(text, max(ss, cs - 4), cs) or cue in verbs.SPEECH_PARTICIPLES and _BY_OR_WHILE.search(text, max(ss, cs - 7), cs)
    ):
        return _participle_frame(text, ss, se, cs, ce, cue, head, frames, needs_quote)
    listed = _listed_frame(text, ss, se, cs, ce, cue, frames, needs_quote)
    if listed is not None:
        return listed
    if _AND_BEFORE.search(text, max(ss, cs - 30), cs):
        # 'Ruiz said that … and added that …', 'Ruiz took the floor and said …': a verb sharing
        # the subject before it, with its own content
        shared, needs_quote = _and_frame(text, ss, se, cs, ce, cue, head, frames, needs_quote)
        if shared is not None:
            return shared
    if lo > ss and _TRAILING_SUBJECT.search(text, max(lo, cs - 40), cs) and _sentence_tail_empty(text, _skip_filler(text, ce, se, head), se):
        # '… had argued inside the store, she said.', 'Police believe …, Lowe said.': the
        # attribution closing the sentence holds all of it, the cues before it too
        lo = ss
    inverted = not weak and head not in _OBJECT_NEXT and text.endswith((", ", "— ", "– ", "-- "), max(lo, cs - 3), cs) and _inverted_name(text, ce, se)
    subj = None if inverted else subject_before(text, lo, cs)  # '…, the race will be tight, said Dan Gerstein, …'
    if subj is None and lo > ss and not inverted:
        subj = subject_before(text, ss, cs)  # 'Barkley, who said he …, said …'
    if weak and subj is not None and head in _EVIDENCE_VERBS and not _EVIDENCE.isdisjoint(w.lower().strip(".,") for w in subj.text.split()[:5]):
        weak = False  # 'Polls show Trump is trailing', '…, records show.': evidence reports
    if (
        needs_quote
        and subj is not None
        and not _CALL_NOT_NAMING.match(text, ce, se)
        and (_person_like(subj.text) or _source_like(subj.text) and _CALLED_WHAT.match(text, ce, se))
    ):
        # 'Ruiz called the plan a disaster', 'The campaign called the charges fabricated';
        # not 'a group called Black Votes Matter', 'a roll call vote'
        needs_quote = False
    if subj is not None and subj.relative:
        return _relative_frame(text, cue, cs, ce, subj, se, needs_quote)
    if subj is not None and _AS_LEAD.fullmatch(text, lo, subj.start):
        # 'As Ruiz noted last week, the bridge is older than the town': what follows the
        # comma is what was noted; 'As' is no part of it
        after = _skip_filler(text, ce, se, head)
        if head in verbs.INFINITIVE and head not in verbs.LEARNED:
            return None  # not 'As he wanted, the bill passed': a wish, not a statement
        pieces = _content_after(text, after + 1, se) if text[after : after + 1] == "," else []
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 3:
            return Frame(cue, cs, ce, subj, pieces, lo, after)
    if subj is not None:
        return _subject_frame(text, ss, se, lo, cs, ce, cue, head, subj, weak, needs_quote)
    # Inverted: '"…," said Ruiz.' / '…, says Sergei Markov, a former Kremlin adviser.'
    if weak:
        return None
    return _inverted_frame(text, se, lo, cs, ce, cue, needs_quote)


def _share_frame(text: str, ss: int, se: int, cs: int, ce: int, cue: str, head: str) -> Frame | None:
    """'…, with 30 percent of voters saying they …': the share of a poll before a participle is
    who says it; so are the people or body after 'with' in an absolute ('…, with economists
    warning that …', '…, with Israel saying Hamas built …')."""
    poll = _WITH_SHARE.search(text, max(ss, cs - 80), cs) if head.endswith("ing") and "with " in text[max(ss, cs - 80) : cs] else None
    least = 2
    if poll is None and head in verbs.PARTICIPLES and "with " in text[max(ss, cs - 70) : cs]:
        poll = _WITH_SOURCE.search(text, max(ss, cs - 70), cs)
        if poll is not None and not (_np_ok(poll.group("np")) and (_person_like(poll.group("np")) or _source_like(poll.group("np")))):
            poll = None
        least = 3  # not '…, with Sen. John McCain telling (on Thursday)'
    if poll:
        pieces = _content_after(text, _after_that(text, ce, se, head), se)
        said = text[pieces[0][0] : pieces[0][1]] if pieces else ""
        if pieces and (len(said.split()) >= least or MASK in said):  # 'calling it “nonsense”'
            with_at = text.index("with", poll.start(), poll.start("np"))  # where the attribution begins: the content before ends there
            return Frame(cue, cs, ce, Mention(poll.start("np"), poll.end("np"), poll.group("np")), pieces, with_at, ce)
    return None


def _participle_frame(text: str, ss: int, se: int, cs: int, ce: int, cue: str, head: str, frames: list[Frame], needs_quote: bool) -> Frame | None:
    """A participle after a comma or dash ('"…," he said, adding that …', '…, saying …'): its
    speaker is the attribution's before it, else the sentence subject (`main_subject`)."""
    if frames and frames[-1].pieces[-1][0] > cs:
        return None  # an aside inside the attribution before: '“…,” he said, referring to X, “…”'
    speaker_from = frames[-1].mention if frames else None
    if speaker_from is None:
        speaker_from = main_subject(text, ss, cs)
    pieces = _content_after(text, _after_that(text, ce, se, head), se)
    if not pieces or (len(text[pieces[0][0] : pieces[0][1]].split()) < 3 and MASK not in text[pieces[0][0] : pieces[0][1]]):
        return None
    if text[pieces[0][0] : pieces[0][1]].split()[0].lower() in ("nothing", "little", "much", "anything"):
        return None  # '…, saying nothing at all': no statement
    if needs_quote and speaker_from is not None and not _CALL_NOT_NAMING.match(text, ce, se):
        needs_quote = False  # '…, calling the plan a disaster'
    return Frame(cue, cs, ce, speaker_from, pieces, cs, ce, needs_quote=needs_quote)


def _listed_frame(text: str, ss: int, se: int, cs: int, ce: int, cue: str, frames: list[Frame], needs_quote: bool) -> Frame | None:
    """'He pledged to …, cast doubt on …, suggested that …': a past tense after a comma, in a
    list of what the subject of the attribution before it did."""
    if frames and frames[-1].mention is not None and _COMMA_BEFORE.search(text, max(ss, cs - 4), cs) and _FINITE_PAST.fullmatch(cue):
        that = _THAT_NEXT.match(text, ce, se)
        pieces = _content_after(text, that.end(), se) if that else []
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 3:
            return Frame(cue, cs, ce, frames[-1].mention, pieces, cs, ce, needs_quote=needs_quote)
    return None


def _and_frame(text: str, ss: int, se: int, cs: int, ce: int, cue: str, head: str, frames: list[Frame], needs_quote: bool) -> tuple[Frame | None, bool]:
    """A verb after 'and' sharing the subject before it ('Ruiz said that … and added that …'):
    the frame, if any, and `needs_quote` as it stands after (a verdict's subject found)."""
    bare = cue.lower().split()[0] in verbs.VERB_BASES
    if bare and frames and frames[-1].cue_end < cs and frames[-1].pieces[-1][0] < cs < frames[-1].pieces[-1][1] and not _THAT_NEXT.match(text, ce, se):
        # 'said the company would spend … and add a new facility': the base form goes on the
        # verb of what was said ('would'), no second attribution ('… and added that …' is one)
        return None, needs_quote
    shared = _outermost(frames).mention if frames else (_subject_of_first_verb(text, ss, cs) or main_subject(text, ss, cs))
    start = _after_that(text, ce, se, head)
    if head in verbs.OBJECT_FIRST and _TO_NEXT.match(text, _skip_filler(text, ce, se, head), se):
        start = ce  # '… and urged him to resign': who and what, together
    pieces = _content_after(text, start, se)
    if needs_quote and shared is not None and _person_like(shared.text) and not _CALL_NOT_NAMING.match(text, ce, se):
        needs_quote = False  # '… and called it a common ailment'
    if shared is not None and pieces and (MASK in text[pieces[0][0] : pieces[0][1]] or len(text[pieces[0][0] : pieces[0][1]].split()) >= 3):
        return Frame(cue, cs, ce, shared, pieces, cs, ce, needs_quote=needs_quote), needs_quote
    return None, needs_quote


# What after an attribution's comma goes on with the content: a quotation; and what does not
# ('…, citing', 'according to', a place or time, a relative clause).
_OPENS_QUOTE: Final = re.compile(r"\s*[“\"‘'«]")
_FINITE_AUX: Final = r"(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b"
# After an inverted cue and its speaker's description, the clause the cue interrupted: a
# comma, then a subject pronoun and a finite verb, or a finite verb with the subject before
# the cue ('The problem, said Ruiz, the mayor, is that …').
_CLAUSE_RESUMES: Final = re.compile(rf",\s+(?P<clause>(?:there|it|he|she|they|we|I)\s+{_FINITE_AUX}|{_FINITE_AUX})")
# … or no description at all: a noun phrase and a finite verb ('the city has never paid').
_CLAUSE_FIRST: Final = re.compile(rf"\s*(?P<clause>(?:the|this|that|these|those|its|their|our)\s+(?:[a-z][\w\-]*\s+){{1,2}}?{_FINITE_AUX})")
_NO_CONTENT_AFTER: Final = re.compile(r"\s*(?:\w+ing|according|in|on|at(?!\s+(?:least|most)\b)|who|which|citing)\b")


def _subject_frame(text: str, ss: int, se: int, lo: int, cs: int, ce: int, cue: str, head: str, subj: Mention, weak: bool, needs_quote: bool) -> Frame | None:
    """The frame of a cue whose subject comes before it ('Ruiz said …', '"…," Ruiz said.'):
    what was said follows the cue ('that …', a clause, an object), or precedes the subject
    when the sentence says something before it, the cue closing it or set in commas."""
    after = _skip_filler(text, ce, se, head)
    that = _THAT_NEXT.match(text, ce, se) or (
        _THAT_NEXT.match(text, after, se) if not (_relative_that(text, ce, after, se) or _WHEN_NEXT.match(text, ce, after)) else None
    )
    if that is None and head in verbs.OBJECT_FIRST:
        that = _OBJECT_THEN_THAT.match(text, ce, se)  # 'told a meeting of Pacific leaders that …'
    if that is None and cue.startswith(("wrote on", "writes on", "posted on", "posts on")):
        that = MEDIUM_THEN_THAT.match(text, ce, se)  # 'wrote on Telegram that …': where, then what
    if that is None and (aside := _ASIDE_BEFORE_THAT.match(text, after, se)):
        that = _THAT_NEXT.match(text, aside.end(), se)  # 'said on CNN, where he is a contributor, that …'
    has_before = bool(_TEXT_CHAR.search(text, lo, subj.start))
    if that and not has_before:
        return _frame_after(text, cue, cs, ce, subj, that.end(), se, weak, needs_quote, clause=True)
    if has_before and (
        _sentence_tail_empty(text, after, se)
        or _PARTICIPLE_NEXT.match(text, after, se)
        or text.startswith(";", after)
        or after > ce
        and _WHEN_NEXT.match(text, after, se)  # '…, Obama told his advisers as he labored …'
    ):
        if weak and not (cue.lower() == "learned" and _HAS_BEFORE.search(text, max(ss, cs - 8), cs)):
            return None  # but '…, The Post has learned.': a newsroom's report
        if _RELATIVE_BEFORE.search(text, max(lo, subj.start - 8), subj.start) or _LEAD_ADVERBIAL.fullmatch(text, lo, subj.start):
            # 'the plan that he wrote last year': a relative clause, not '“…,” he wrote';
            # 'At the debate, Clinton mentioned …': a scene set before the subject, not what was said
            return None
        pieces = _content_before(text, lo, subj.start)
        if pieces and MASK in text[lo : subj.start] and (more := _ASIDE_THEN_QUOTE.match(text, after + 1, se)) and more.group(1) not in verbs.PARTICIPLES:
            # '“…,” Ruiz said, referring to the delay, “…”': an aside between the pieces
            pieces += _content_after(text, more.end() - 1, se)
        return Frame(cue, cs, ce, subj, pieces, subj.start, after, needs_quote=needs_quote) if pieces else None
    if (
        has_before
        and text[after : after + 1] == ","
        and not (MASK not in text[lo : subj.start] and _OF_AFTER_OBJECT.match(text, ce, after))
        and not (after > ce and MASK not in text[lo : subj.start] and _RELATIVE.match(text, after + 1, se))  # 'accused Rafael Cruz, who …, of …'
    ):
        # not 'Bemoaning the system, Trump accused Holt of being a Democrat, though …':
        # a cue with its object and an 'of' phrase is a clause, not an aside
        if weak and not (after == ce and text[lo : subj.start].rstrip().endswith(",")):
            return None  # only a bare parenthetical: ', he expects, …'

        pieces = _content_before(text, lo, subj.start)
        rest = text[after + 1 : se]
        if _OPENS_QUOTE.match(rest) or (MASK not in text[lo : subj.start] and not _NO_CONTENT_AFTER.match(rest)):
            pieces += _content_after(text, after + 1, se)
        return Frame(cue, cs, ce, subj, pieces, subj.start, after, needs_quote=needs_quote) if pieces else None
    if (
        has_before
        and not that
        and _QUOTE_ENDS.search(text, lo, subj.start)
        and _unquoted_words(text, lo, subj.start) <= 1
        and not _ON_SHOW.match(text, lo, subj.start)
    ):
        # '"…," Ruiz told some of the miners.' / '"…," she said months after her
        # release.': after a quotation, what follows the cue is an object or an
        # adverbial, not a second content; a later '…, "…"' continues the quotation.
        pieces = _content_before(text, lo, subj.start)
        more = _COMMA_QUOTE.search(text, after, se)
        if more:
            pieces += _content_after(text, more.start() + 1, se)
        return Frame(cue, cs, ce, subj, pieces, subj.start, after, needs_quote=needs_quote) if pieces else None
    if that:
        return _frame_after(text, cue, cs, ce, subj, that.end(), se, weak, needs_quote, clause=True)
    start = after if head in verbs.OBJECT_FIRST else ce
    topic = _ABOUT.match(text, start, se) if head in verbs.TOPIC else None
    if topic:
        # 'asked Carson about his relationship with …', 'talked about the drug crisis':
        # what was spoken of is the content
        return _frame_after(text, cue, cs, ce, subj, topic.end(), se, weak, needs_quote, clause=True)
    if (start == ce or head in verbs.OBJECT_FIRST) and not weak and _source_like(subj.text) and _FILLER_START.match(text, start, se):
        m = _ADVERBIAL_THEN_CLAUSE.match(text, start, se)
        if m:
            start = m.end()  # 'said after the convention he would not …': an adverbial, then the clause
    if head in verbs.OBJECT_IS_CONTENT or head in verbs.NOMINAL or (head in verbs.OBJECT_FIRST and _TO_NEXT.match(text, after, se)):
        start = ce  # 'told Hale to sit down', 'asked the board to vote': who and what, together
    if start == ce and (pp := _PP_ASIDE.match(text, ce, se)):
        start = pp.end()  # 'described, in fairly blistering terms, a set of …'
    return _frame_after(text, cue, cs, ce, subj, start, se, weak, needs_quote, head)


def _inverted_frame(text: str, se: int, lo: int, cs: int, ce: int, cue: str, needs_quote: bool) -> Frame | None:
    """Inverted: '"…," said Ruiz.' / '…, says Sergei Markov, a former Kremlin adviser.': the
    speaker after the cue, what was said before it (and after, when it goes on)."""
    pre = text[lo:cs].rstrip()
    if pre and pre[-1] not in ',”"’»' and not pre.endswith(MASK) and not (pre[-1] in "—–-" and _inverted_name(text, ce, se)):
        return None  # after a dash, only a name and then the end: '… — and soon — said Ruiz.'
    found = subject_after(text, ce, se)
    if not found:
        return None
    mention, np_end = found
    pieces = _content_before(text, lo, cs)
    if not pieces:
        return None
    after = _skip_filler(text, np_end, se, "say")
    if text[after : after + 1] == ",":
        rest = text[after + 1 : se]
        if _OPENS_QUOTE.match(rest) or (rest.split() or [""])[0] in _AUX_WORDS:
            # '"…," said Ruiz, "…"' / 'The contrast, said Ruiz, would be clear': the
            # content goes on after the attribution
            pieces += _content_after(text, after + 1, se)
        elif _ASIDE_START.match(rest) and MASK not in rest:
            # '"…," said Ruiz, one of the founders, who …': the rest describes the speaker
            if not _RELATIVE.match(rest):
                # keep a nested appositive ('editor of X, a Moscow-based journal'), stop at a
                # relative clause about something else (', who …')
                resumed = _CLAUSE_RESUMES.search(rest) or _CLAUSE_FIRST.match(rest)
                relative = _RELATIVE_TAIL.search(rest)
                if resumed is not None and relative is not None and relative.start() < resumed.start():
                    resumed = None  # '…, the director of X, who also said that the two men, …, must do': the relative clause's verb
                desc = _RELATIVE_TAIL.split(rest[: resumed.start()] if resumed else rest, maxsplit=1)[0].strip().rstrip(".!?").strip()
                mention.description = mention.description or desc or None  # the role before the name first
                if resumed is not None:
                    # 'Currently, said Dr. Al-Kahlot, the director of the hospital, there are
                    # 70 children …', 'In fact, said Ms. Ruiz, the city has never paid': the
                    # sentence's clause goes on after the speaker (and what describes them)
                    pieces += _content_after(text, after + 1 + resumed.start("clause"), se)
        elif MASK in rest or any(w in _AUX_WORDS for w in rest.split()) and not _RELATIVE.match(rest):
            pieces += _content_after(text, after + 1, se)
        elif not _RELATIVE.match(rest):
            desc = rest.strip().rstrip(".!?").strip()
            mention.description = mention.description or desc or None
    return Frame(cue, cs, ce, mention, pieces, cs, np_end, needs_quote=needs_quote)


_TO_NEXT: Final = re.compile(r"\s+to\s+[a-z]")
# A short subject after the comma that closes what was said: ', she', ', Lowe', ', the mayor'.
_TRAILING_SUBJECT: Final = re.compile(r",\s+(?:he|she|they|[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}|the\s+[a-z]+)\s+(?:[a-z]+ly\s+)?$")


_AS_LEAD: Final = re.compile(r"\s*(?:(?:And|But|Also)\s+)?[Aa]s\s+(?:(?:was|first|initially|originally|previously|earlier)\s+)*$")


# A share of a poll's respondents before a participle: 'with 30 percent of voters saying'.
_WITH_SHARE: Final = re.compile(
    r"\bwith\s+(?P<np>(?:(?:about|nearly|almost|roughly|only|just|more|less|fewer)\s+(?:than\s+)?)?"
    r"(?:\d[\d.,]*\s*(?:%|percent)|[a-z]+(?:-[a-z]+)?\s+in\s+(?:\d+|ten|five|four|three)|a\s+(?:majority|third|quarter|plurality)|half|most|majorities)"
    r"(?:\s+of\s+[^,;·]{1,40}?)?)\s+$"
)


# A noun phrase after 'with' before a participle: 'with economists (warning)', 'with the
# Indonesian government (saying)'.
# After a comma or dash, as an absolute ('…, with economists warning that …'), not a
# preposition's object ('no problem with presidents criticizing judges').
_WITH_SOURCE: Final = re.compile(r"(?:,|\s[—–])\s+(?:and\s+)?with\s+(?P<np>(?:[\w.'’\-]+\s+){0,5}?[\w.'’\-]+)\s+$")


def _relative_frame(text: str, cue: str, cs: int, ce: int, subj: Mention, se: int, needs_quote: bool) -> Frame | None:
    """'the changes, which officials said will go into effect in May, …': the relative
    pronoun is the subject of what was said, so the content is the verb phrase after the cue
    up to the end of the relative clause, and it must open with a verb."""
    that = _THAT_NEXT.match(text, ce, se)
    pieces = _content_after(text, that.end() if that else ce, se)
    if not pieces:
        return None
    if _PREPOSITION_WHICH.search(text, max(0, subj.start - 20), subj.start):
        # 'an appearance, in which he said he was skeptical …': after 'in which' the clause
        # said is whole, like any other (the relative clause still sits inside the sentence)
        return _frame_after(text, cue, cs, ce, subj, that.end() if that else ce, se, False, needs_quote, clause=bool(that))
    s, e = pieces[0]
    end = _CLAUSE_END.search(text, s, e)
    if end:
        e = end.start()
    words = text[s:e].split()
    if cue.lower() in verbs.OBJECT_IS_CONTENT and words and MASK not in text[s:e]:
        # 'what officials called a hate crime', 'which they described as a failure': the
        # relative pronoun is the object; what was said is the name given (a quoted name,
        # 'what he called a “brazen breach”', is a partial quote of the clause around it)
        if words[0] == "as":
            s = _trim(text, s + 2, e)[0]
        s, e = _trim(text, s, e)
        if e <= s or cue.lower().startswith("call") and text[s].isupper():
            return None  # 'a group which he called Voters First': a name, not a verdict
        if words[0] in _NOT_CONTENT_START or _BE_BEFORE.search(text, max(0, cs - 30), cs):
            return None  # 'the hearing he was called to': summoned, not naming
        return Frame(cue, cs, ce, subj, [(s, e)], subj.start, ce)
    verb = words[1] if len(words) > 2 and (words[0].endswith("ly") or words[0] in _CLAUSE_ADVERBS) else words[0] if words else ""
    if len(words) < 2 or not _CLAUSE_VERB_NEXT.match(verb):
        return None  # ('which media claimed now allows …': an adverb may come first)
    return Frame(cue, cs, ce, subj, [(s, e)], subj.start, ce, needs_quote=needs_quote)


_ABOUT: Final = re.compile(r"\s*about\s+(?=\S)")


# An aside between the cue (and its adverbials) and the 'that' of what was said: 'said on
# CNN, where he is now a paid contributor, that …', 'said — on Twitter, as it happens — that …'.
_ASIDE_BEFORE_THAT: Final = re.compile(r"(?:\s*,\s+(?:where|when)\b[^,;:·—–]{1,80},|\s+(?:[—–]|--)\s[^—–·;:]{1,80}?\s(?:[—–]|--))(?=\s*that\b)")

_HAS_BEFORE: Final = re.compile(r"\b(?:has|have)\s+$")

# A one-word answer as all that was said: 'said yes.', 'said so in December' (after a comma
# the clause may go on: 'said yes, yes, yes, over and over', and is read as before).
_ANSWER: Final = re.compile(
    r"(?P<word>yes|no|so)\b(?=\s*(?:[;.!?]|$)|\s+(?:in|on|at|during|last|this|earlier|then|while|when|and|but|after|before|yesterday|today)\b)",
    re.IGNORECASE,
)


def _frame_after(
    text: str,
    cue: str,
    cs: int,
    ce: int,
    subj: Mention,
    start: int,
    se: int,
    weak: bool,
    needs_quote: bool,
    head: str = "",
    clause: bool = False,
) -> Frame | None:
    """The frame whose content runs from `start` to the sentence end. `clause` is set when a
    'that' opened the content: then whatever follows is the reported clause ('said that it
    will', 'said that for now …'), so the checks for an object or a prepositional phrase
    after the cue do not apply."""
    pieces = _content_after(text, start, se)
    if not pieces:
        return None
    s, e = pieces[0]
    words = text[s:e].split()
    first = words[0].lower()
    if clause and len(words) >= 2:
        return Frame(cue, cs, ce, subj, pieces, subj.start, ce, needs_quote=needs_quote)
    if head in verbs.CLAUSE_ONLY and MASK not in text[s:e]:
        return None  # 'maintained an energetic pace', 'responded on Twitter': acts
    if first == "anonymity":
        return None  # '(an official,) who requested anonymity to discuss …': a condition, not words said
    if (
        (first in _FINITE_BE_HAVE or first == "have" and not cue.endswith(" to"))  # not 'appears to (have)'
        and not text[ce:s].strip()  # the content opens right after the cue
        and (head in verbs.NOMINAL or not _says_of_what_precedes(subj.text) or opens_sentence(text, subj.start))
    ):
        # 'The tech the district wants is benignly branded …', 'His introductory remarks
        # were subdued': the cue closes a relative clause or is a noun, and the verb after
        # it is its sentence's; but 'the economy that he says is rigged', 'something Sanders
        # aides argue is possible': what a person says of the thing before (so not when
        # nothing is before: 'Rust Belt states have suffered …')
        return None
    if first == "it" and len(words) >= 3 and _it_clause(words) and head not in verbs.NOMINAL:
        # 'said it would appeal', 'believes it is time': 'it' opens a clause, not an object
        return Frame(cue, cs, ce, subj, pieces, subj.start, ce, needs_quote=needs_quote)
    if head in verbs.NOMINAL:
        # 'criticized the plan', 'endorsed Ruiz', 'wants to leave': an object or infinitive
        if first in _NOT_CONTENT_START and not (first == "to" and head in verbs.INFINITIVE):
            return None
        return Frame(cue, cs, ce, subj, pieces, subj.start, ce, needs_quote=needs_quote)
    answer = _ANSWER.match(text, s, e) if head in verbs.SAY_TELL and first.rstrip(".,;:!?") in ("yes", "no", "so") else None
    if answer and not clause:
        # '72 percent of Democrats said yes', 'after half said so in the earlier poll': a
        # one-word answer (what follows it is a time, a place or another clause)
        return Frame(cue, cs, ce, subj, [(s, s + len(answer.group("word")))], subj.start, ce, needs_quote=needs_quote)
    quantity = len(words) > 1 and ((first == "about" and _QUANTITY.match(words[1])) or (first == "at" and words[1].lower() in ("least", "most")))
    # 'said no decision had been made', 'said no one knows': 'no' opens a clause, not a reply
    no_clause = first == "no" and len(words) >= 4 and words[1].lower() not in ("to", "comment", "more", "longer")
    # 'describes it as a symphonic exploration', 'characterized them as …': what it is called
    called_as = first in ("it", "them") and len(words) > 1 and words[1] == "as" and head not in verbs.SAY_TELL
    if len(words) < 2 or first in _NOT_CONTENT_START and not quantity and not no_clause and not called_as:
        if MASK not in text[s:e]:
            return None
    if weak and len(words) < 3:
        return None
    return Frame(cue, cs, ce, subj, pieces, subj.start, ce, needs_quote=needs_quote)


def _says_of_what_precedes(subject: str) -> bool:
    """Whether `subject`, before a cue whose content opens with its verb ('that he says is
    rigged'), is someone saying something of the thing before: a pronoun, a name, people
    ('Sanders aides', 'many economists'); not a phrase a noun cue ends ('Harsh (comments
    are)', 'his numerous sexist (remarks are)')."""
    words = subject.split()
    if words[0].lower() in POSSESSIVE_PRONOUNS:
        return False
    if _person_like(subject):
        return not (len(words) == 1 and words[0][:1].isupper() and is_common_word(words[0]))
    return _people_head(_head_noun(subject).strip(".,"))


def _it_clause(words: list[str]) -> bool:
    """'it would appeal', 'it actively investigated': 'it', maybe an adverb, then a finite verb."""
    verb = words[2] if words[1].endswith("ly") and len(words) >= 4 else words[1]
    return bool(_CLAUSE_VERB_NEXT.match(verb))


# A finite verb or auxiliary right after 'it', making 'it' the subject of a reported clause.
_CLAUSE_VERB_NEXT: Final = re.compile(
    r"(?:is|was|has|had|will|would|could|should|can|may|might|must|does|did|isn['’]t|wasn['’]t|won['’]t|"
    r"wouldn['’]t|doesn['’]t|didn['’]t|hasn['’]t|[a-z]{2,}ed|[a-z]{2,}[^s\W]s|said|sold|made|took|got|went|came|saw|gave|found|"
    r"thought|told|lost|won|left|became|began|kept|held|brought|paid|met|ran|set|put|knew|meant|felt|cost|hit|cut|grew|fell|rose|spent)$"
)
# 'said about half of …': 'about' before a number opens a clause, not a topic
_QUANTITY: Final = re.compile(r"(?:\d|half|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds|thousands|millions)", re.I)


# Words a reported clause never starts with: the cue took a prepositional phrase or an
# object instead ('reported from Washington', 'agreed with him', 'said so').
_FINITE_BE_HAVE: Final = frozenset("is was are were has had".split())  # a clause said never starts with its verb
_NOT_CONTENT_START: Final = frozenset(
    "to for about of in by with on up off out down it so yes no from at during via through into against over under after before since".split()
)


def _nested_in(a: Frame, b: Frame) -> bool:
    """Whether attribution `b` opens the content of `a` ('Ruiz said the city would declare
    …': the city's declaring is part of what Ruiz said)."""
    if not a.pieces:
        return False
    s, e = a.pieces[-1]
    return a.attr_start <= b.attr_start <= s < b.cue_start < e and not (b.mention and b.mention.relative)


def _outermost(frames: list[Frame]) -> Frame:
    """The last attribution that is not inside another's content: the subject a verb after
    'and' shares ('May said the country would declare … and suggested that …': May)."""
    last = frames[-1]
    for a in frames[:-1]:
        if _nested_in(a, last):
            return a
    return last
