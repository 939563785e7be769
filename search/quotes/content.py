"""The spans of what was said, and what stands between a cue and them.

`_content_after` and `_content_before` cut the content of an attribution from a position
to the sentence end or from the clause start to the subject (trimmed, without a leading
'that', stopping at the writer's own concession: ', though …'). `_skip_filler` steps over
what may follow a cue without being content: the person told ('told reporters', `_LISTENERS`)
and adverbials ('on Monday', 'in a statement', 'at a stop in Toledo, Ohio,'), stopping at a
clause, a comma or the sentence end; `_after_that` is where a 'that' clause starts after
them. `_trim` and `_strip_leading_conj` tidy the edges of any span.
"""

from __future__ import annotations

import re
from typing import Final

from search.quotes import verbs
from search.quotes.mentions import _DAY, _LY
from search.quotes.records import MASK

# What 'last', 'this' and 'next' qualify when they make a time adverbial.
_TIME_NOUN: Final = r"(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter)"
# What may sit between a cue and the end of the sentence without being reported content:
# objects and adverbials ('told reporters Monday', 'wrote on X', 'said in a statement').
_FILLER_START: Final = re.compile(
    rf"\s*(?:on|in|at|of|to(?=\s+(?:reporters|journalists|the|a|an|his|her|their|[A-Z]))|for(?=\s+(?:years|months|weeks|days|decades|some\s+time|a\s+long\s+time|the\s+first\s+time)\b)|during|via|through|from|with|before|after|while|when|last|this(?=\s+(?:week|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter|past)\b)|earlier|"
    rf"later|yesterday|today|tonight|recently|again|also|previously|then|too|publicly|privately|"
    rf"repeatedly|{_LY}|{_DAY}|Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\b"
)
# Adverbials of a word or two, which end where they end, not at the next comma.
_SHORT_FILLER: Final = re.compile(
    rf"\s*(?:(?:last|this|next)\s+(?:{_TIME_NOUN}|{_DAY})"
    rf"|yesterday|today|tonight|recently|again|also|previously|then|too|publicly|privately|repeatedly|(?:on\s+)?{_DAY})\b"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
)


_THAT_NEXT: Final = re.compile(r"\s*,?\s*that\b")


_COLON_QUOTE: Final = re.compile(r":\s*[“\"‘'«]")


_LEAD: Final = re.compile(r"^[\s,:;—–\-]*(?:that\s+)?")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in ",;:—–-" or text[s].isspace()):  # also a no-break space
        s += 1
    while e > s and (text[e - 1] in ",;:—–-" or text[e - 1].isspace()):
        e -= 1
    return s, e


_LEADING_CONJ: Final = re.compile(
    r"\s*(?:(?:And|But|So|Yet|Then|Now|Still|Meanwhile|Instead|Also|While|When|If|As|Although|Though|"
    r"Because|Since|After|Before|Unless|Until|Once|Whereas|Where)\s+)+"
)


def _strip_leading_conj(text: str, s: int, e: int) -> int:
    m = _LEADING_CONJ.match(text[s:e])
    return s + m.end() if m else s


# The rest of a place or date inside an adverbial, before 'that': ', Ohio,', ', 2016,'.
_PLACE_TAIL: Final = re.compile(r",\s+(?:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?|\d{4})(?=\s*,?\s*that\b)")


# ', for example,' between a cue and its clause: the writer's aside, no part of either.
_INTERJECTION: Final = re.compile(
    r",\s*(?:for\s+example|for\s+instance|in\s+fact|however|moreover|again|too|of\s+course|in\s+other\s+words|in\s+particular)\s*,(?=\s*that\b)"
)


# A phrase in commas right after the cue: 'described, in fairly blistering terms, a set of …'.
_PP_ASIDE: Final = re.compile(r",\s*(?:in|with|at|on|by|during|after|before|through|via)\s[^,·;:“\"‘«]{1,50},(?=\s*[\w·“\"‘«])")


# Who a cue like 'told' addresses, before what was said: 'his aides', 'reporters', 'a Senate
# panel', 'host Sean Hannity', 'this newspaper'.
_LISTENERS: Final = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|our|my)\s+(?:[a-z\-]+\s+){0,2}(?:advisers|aides|supporters|staff|audience|crowd|colleagues|"
    r"friends|allies|donors|followers|members|lawmakers|senators|officials|viewers|listeners|readers|students|workers|employees|delegates)\b|"
    r"(?:(?:the|a|an|his|her|their|its|our|my)\s+)?(?:reporters|journalists|me|him|her|us|them|you|lawmakers|supporters|"
    r"voters|analysts|investors|shareholders|employees|workers|staff|members|delegates|officials|senators|legislators|MPs|"
    r"viewers|listeners|readers|fans|students|parents|residents|attendees|colleagues|donors|followers|diplomats|the\s+\w+|this\s+(?:newspaper|paper|reporter|publication|website|site|station|outlet|magazine|network|program)|(?:host|anchor|moderator|interviewer|reporter|columnist)?\s*[A-Z][\w.'’\-]*(?:\s+(?:of\s+)?[A-Z][\w.'’\-]*)*"
    r"(?:\s+(?:panel|committee|subcommittee|audience|crowd|gathering|forum|hearing|reporters?|newspaper|station|radio)"
    r"|\s+(?:host|anchor)(?:\s+[A-Z][\w.'’\-]*)*)?))(?![\w'’])"
)
# An adverbial after a cue, up to the next comma, 'that' or sentence end; and what ends it.
_FILLER_REST: Final = re.compile(r"[^,;:·]*?(?=\s*(?:,|;|:|\b(?:that|how|why|whether)\b|[.!?]\s*$|[.!?][”\"’]*\s*$|$))")
_FILLER_END: Final = re.compile(r"\s*[,;:]|\s*(?:that|how|why|whether)\b")


def _skip_filler(text: str, pos: int, se: int, head: str) -> int:
    """Skip an object or adverbials after a cue; stop at a clause, comma or sentence end."""
    aside = _INTERJECTION.match(text, pos, se) or _PP_ASIDE.match(text, pos, se)
    if aside:
        return aside.end()
    if head in verbs.OBJECT_FIRST:
        m = _LISTENERS.match(text[pos:se])
        if m:
            pos += m.end()
            if text.startswith(" of ", pos) and head.startswith(("accus", "convinc", "remind", "warn", "assur", "persuad", "inform")):
                return pos  # 'accused Sanders of being …': what he is accused of is the content
    while True:
        m = _FILLER_START.match(text, pos, se)
        if not m:
            return pos
        # take the adverbial up to the next comma / 'that' / sentence end, at most 8 words
        rest = _FILLER_REST.match(text[pos:se])
        if rest and len(rest.group().split()) > 2 and not _FILLER_END.match(text[pos + rest.end() : se]):
            short = _SHORT_FILLER.match(text, pos, se)
            if short:
                # 'told the AP last week she …': no comma or 'that' ends the adverbial, so
                # a time word ends it and the clause follows
                pos = short.end()
                continue
        if not rest or len(rest.group().split()) > 12:
            return pos
        clause = _ADVERBIAL_THEN_CLAUSE.match(text, pos, pos + rest.end())
        if clause:
            return clause.end()  # 'told a gathering in Washington she will …': the clause starts inside
        pos += rest.end()
        place = _PLACE_TAIL.match(text, pos, se)
        if place:
            pos = place.end()  # 'at a stop in Toledo, Ohio, that …': the place goes on
        if not _FILLER_START.match(text, pos, se):
            return pos


_WORD: Final = re.compile(r"\b[A-Za-z0-9][\w'’\-]*")  # a word of the writer's (masked text)


def _unquoted_words(text: str, s: int, e: int) -> int:
    """How many words of `text[s:e]` (masked) are the writer's own, not quoted."""
    return len(_WORD.findall(text[s:e]))


_TEXT_CHAR: Final = re.compile(r"[A-Za-z0-9·]")  # a word's character (or a quoted one): text, not just marks


def _sentence_tail_empty(text: str, pos: int, se: int) -> bool:
    return not _TEXT_CHAR.search(text, pos, se)


def _content_after(text: str, pos: int, se: int) -> list[tuple[int, int]]:
    m = _LEAD.match(text, pos, se)
    s = m.end() if m else pos
    # 'said back in 2015: "…"' / 'was blunt: "…"': the content is what follows the colon
    colon = _COLON_QUOTE.search(text, s, se)
    if colon and MASK not in text[s : colon.start()]:
        s = colon.start() + 1
    concede = _CONCESSIVE.search(text, s, se)
    s, e = _trim(text, s, concede.start() if concede else se)
    while e > s and text[e - 1] in ".!?":
        e -= 1
    return [(s, e)] if e > s else []


# ', though a review of records shows …': the writer's own concession ends what was said.
_CONCESSIVE: Final = re.compile(r",\s+(?:even\s+)?(?:though|although)\b")


def _content_before(text: str, lo: int, end: int) -> list[tuple[int, int]]:
    s, e = _trim(text, lo, end)
    if e > s and text[s] == "(" and ")" not in text[s:e]:
        s = _trim(text, s + 1, e)[0]  # '(Trump cites …, according to …).': the aside's opening, not what was said
    return [(s, e)] if e > s else []


def _after_that(text: str, ce: int, se: int, head: str) -> int:
    after = _skip_filler(text, ce, se, head) if head in verbs.OBJECT_FIRST else ce
    that = _THAT_NEXT.match(text, ce, se) or _THAT_NEXT.match(text, after, se)
    return that.end() if that else after


_CLAUSE_END: Final = re.compile(r"\s*(?:[,;(]|\s[—–]|\s-{1,2}\s)")


# After an adverbial that follows a cue ('said on Monday', 'said after the convention'), the
# clause said, known by its subject and auxiliary ('he would', 'the bridge will').
_ADVERBIAL_THEN_CLAUSE: Final = re.compile(
    r"[^,·;:]{1,50}?(?<!\bbefore)(?<!\bafter)(?<!\bwhen)(?<!\bwhile)(?<!\bas)(?<!\bsince)(?<!\buntil)(?<!\bbecause)(?<!\bif)"
    r"\s(?=(?:he|she|they|we|I|it|there)['’](?:s|d|ll|re|ve)\s|(?:he|she|they|we|I)\s+(?:[a-z]{2,}ed|had|was|were|did|knew|thought|saw|took|made|got|felt|[a-z]{2,}n['’]t)\b|(?:he|she)\s+[a-z]{2,}[^s\W]s\b|(?:(?:he|she|they|we|I|it|there)\s+|(?:the|a|an|his|her|their|its|[A-Z][a-z]+)\s+"
    r"(?:(?!(?:he|she|they|we|it|that|which|who|the|a|an)\b)[\w'’\-]+\s+){0,3}?)"
    r"(?:would|will|could|should|can|may|might|must|is|was|are|were|has|had|have|did|does|do|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t)\b)"
)
