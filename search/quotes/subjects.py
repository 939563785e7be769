"""Clause subjects: the speaker noun phrase before a cue, and the one after an inverted cue.

- `subject_before`: the noun phrase that ends just before a cue, past an auxiliary tail
  ('has also', 'in the past', 'He’s') and a time ('on Saturday'). The subject is the phrase
  that starts the clause (after the last `_BOUNDARY`); an aside between commas or dashes
  ('Ruiz, who replaced Tom Hale, said', 'Jason Sims — a teacher — says') is kept as the
  description and never taken for the speaker; a role then a name in commas ('his niece,
  Marcia Price, said') gives the name. Relative clauses ('the changes, which officials said
  …') mark the mention `relative`.
- `subject_after`: the speaker after an inverted cue ('said Ruiz, the mayor').
- `main_subject`: the subject of the whole sentence, past an adverbial lead, for a
  participle ('…, adding that …') or a verb after 'and'.

Which phrases may be subjects at all is `mentions.py`'s test (`_np_ok`).
"""

from __future__ import annotations

import re
from typing import Final

from search.quotes import verbs
from search.quotes.content import _strip_leading_conj, _trim
from search.quotes.mentions import (
    _AUX_WORDS,
    _DAY,
    _LY,
    _QUALIFIER,
    _SUBORDINATORS,
    _UNNAMED_HEADS,
    _VERB_THEN_OBJECT,
    PRONOUN_AND,
    _head_noun,
    _listed_people,
    _np_ok,
    _people_head,
    _source_like,
    _speaker_like,
    subject_word,
)
from search.quotes.names import BODY_CONNECTOR, BODY_WORD, NAME_RUN, ORG_WORDS, STOPWORDS, TITLES, bare_name, looks_like_person
from search.quotes.persons import is_first_name, is_place
from search.quotes.records import MASK, Mention

_AUX = (
    r"has|have|had|also|later|previously|then|once|repeatedly|recently|publicly|privately|earlier|"
    r"often|never|always|again|already|just|only|simply|further|flatly|reportedly|would|will|could|"
    r"might|may|must|should|can|did|does|do|is|was|were|are|been|being|not|bluntly|angrily|quickly|"
    r"frequently|initially|ultimately|finally|famously|openly|separately|similarly|likewise|long|"
    r"even|still|subsequently|privately|immediately|explicitly|specifically|correctly|falsely|"
    r"wrongly|rightly|repeatedly|tweeted|posted|kept|keeps|all|both|each|"  # 'kept asking': a cue going on; '… both said'
    # negated auxiliaries, both apostrophes: 'he hasn’t endorsed'
    "hasn't|haven't|hadn't|didn't|doesn't|don't|wasn't|weren't|isn't|aren't|won't|wouldn't|couldn't|can't|shouldn't|hasn’t|haven’t|hadn’t|didn’t|doesn’t|don’t|wasn’t|weren’t|isn’t|aren’t|won’t|wouldn’t|couldn’t|can’t|shouldn’t"
)
_AUX_WORDS_LIST: Final = sorted(set(_AUX.split("|")))
# Verbs of going on: before 'to' they leave the cue after it its statement ('continued to say').
_GOING_ON: Final = r"(?:continued|continues|continue|began|begins|went\s+on|goes\s+on|proceeded|started)"
# one factored alternation (the tail is searched before every cue), then the phrases
_AUX = (
    verbs.trie_pattern(_AUX_WORDS_LIST)
    + (
        r"|in\s+the\s+past|for\s+(?:years|months|weeks|decades)|in\s+recent\s+(?:days|weeks|months|years)"
        r"|" + _GOING_ON + r"\s+to"  # 'continued to say'
        r"|(?:(?:slightly|much|far|more|less|most|equally|as)\s+)*likely\s+to"  # 'voters were more likely to say' (a poll's finding)
    )
)


# 'He’s suggesting', 'They’ve argued', 'I’m told': a pronoun's contracted auxiliary
# (a possessive 'Trump’s' never gets here: `_NOUN_BEFORE` has made the cue a noun)
_CONTRACTIONS: Final = "s|ve|re|d|ll|m"
_CONTRACTED: Final = rf"(?:(?<=\w)['’](?:{_CONTRACTIONS})\b)"
_AUX_TAIL: Final = re.compile(rf"{_CONTRACTED}?(?:\s+(?:{_AUX}|{_LY})\b)*\s*$")


# Where a clause may start, so the subject of a cue is what follows the last of these:
# [;:(\[], a comma (not a thousands separator), a closing mark or masked quotation and a
# space, a dash in spaces, or a word opening a clause ('and', 'because', …) and a space.
_CLAUSE_WORDS: Final = (
    "and but that because while as when if although though after before since so whereas where or unless until than whether once then now"
).split()


# A clause word that opens no clause where it joins a quantity: 'more than half of the workers
# support …' is one subject ('than' left 'half of the workers', and 'more than' the quote
# before); '$1.5 trillion more than the budget office had predicted' still opens one.
_NOT_AFTER: Final = {
    "than": r"(?!(?:(?<=more than )|(?<=less than )|(?<=fewer than )|(?<=More than )|(?<=Less than )|(?<=Fewer than ))"
    r"(?:half|a\s+(?:third|quarter|fifth|dozen)|one|two|three|four|five|six|seven|eight|nine|ten|\d))"
}


def _boundary_pattern() -> str:
    r"""`\b(?:and|but|…)\s` and the marks, written so that every alternative opens with a
    character or a class that rejects most positions at once: the word boundary comes after
    the word's first letter (`a(?<![\w].)`), the look-behind of `(?<![sz])’` after the mark.
    The scan is the clause search's inner loop; the unanchored form (a word boundary and a
    look-behind tried at every position) cost two thirds more, for the same matches."""
    by_first: dict[str, list[str]] = {}
    for w in _CLAUSE_WORDS:
        by_first.setdefault(w[0], []).append(w[1:] + r"\s" + _NOT_AFTER.get(w, ""))
    words = "|".join(rf"{c}(?<![\w].)(?:{'|'.join(rests)})" for c, rests in by_first.items())
    return rf"(?:[;:(\[]|,(?!\d{{3}}\b)|[”\"»]\s|’(?<![sz]’)\s|\s[—–]\s?|\s-\s|·\s|{words})"


_BOUNDARY: Final = re.compile(_boundary_pattern())


_ASIDE_START: Final = re.compile(
    r"\s*(?:who\b|whose\b|which\b|a\b|an\b|the\b|one\b|another\b|[a-z]|\d|[RDI]-|himself|herself|"
    r"(?:[A-Z][\w.\-]*\s+)?[A-Z][\w.\-]*['’]s?\s+[a-z])"  # 'Tad Devine, Sanders's chief strategist, said'
)
_RELATIVE: Final = re.compile(r"\s*(?:who|whose|which|whom)\b")
# Between commas before a cue, a clause rather than an aside: a short subject and its verb.
_CLAUSE_ASIDE: Final = re.compile(
    r"\s*(?:the|a|an|this|it|he|she|they)\s+(?:[a-z]+\s+)?(?:will|would|is|was|are|were|has|had|can|could|may|might|must|should)\s"
)


_AUX_TAIL_WORDS: Final = frozenset(_AUX_WORDS_LIST) | {"past", "years", "months", "weeks", "decades", "days", "to"}
_LY_WORD: Final = re.compile(_LY)
_CONTRACTED_END: Final = re.compile(rf"\w['’](?:{_CONTRACTIONS})$")


def _may_have_aux_tail(text: str, lo: int, cue_start: int) -> bool:
    """Whether the word before a cue can start an auxiliary tail ('has also', 'He’s',
    'in the past'): most cues follow a name or a noun, and then the costly end-anchored
    scan of `_AUX_TAIL` is skipped (same result, a fifth of the time of the subject search)."""
    words = text[max(lo, cue_start - 40) : cue_start].rsplit(None, 1)
    if not words:
        return False
    w = words[-1]
    return w in _AUX_TAIL_WORDS or bool(_LY_WORD.fullmatch(w)) or bool(_CONTRACTED_END.search(w))


def _aux_tail_start(text: str, lo: int, cue_start: int) -> int:
    """Where the auxiliary tail before a cue starts ('has also', 'in the past'), at most 90
    characters back. The end-anchored search tries every position of its window, and most
    tails are a word or two: search the last 30 characters first, and the whole window only
    when the tail found starts within a word of the narrow window's edge (then it may run on
    before it; otherwise a whitespace between the edge and the tail proves it does not)."""
    wide = max(lo, cue_start - 90)
    narrow = max(wide, cue_start - 30)
    m = _AUX_TAIL.search(text, narrow, cue_start)
    if m is None or narrow > wide and (m.start() == narrow or not _HAS_SPACE.search(text, narrow, m.start())):
        m = _AUX_TAIL.search(text, wide, cue_start)
    start = m.start() if m else cue_start
    q = _QUANTIFIER.match(text, start, cue_start)
    if q is not None and not _quantified(text, max(lo, start - 40), start):
        return q.end()  # 'both vowed', 'where both claim': the quantifier is the subject itself
    return start


# A quantifier after its subject ('Merkley and Brown both said', 'they all vowed'), not
# one that is the subject ('each recognized', 'voters in both worried').
_QUANTIFIER: Final = re.compile(r"\s+(?:all|both|each)\b")
_QUANTIFIED_WORD: Final = re.compile(r"(?:(?<!\w)(?:they|we|you|They|We|You)|(?<![\w'’])(?P<cap>[A-Z][\w.'’\-]*)|\)|(?<!\w)(?P<noun>[a-z]+))$")


def _quantified(text: str, lo: int, end: int) -> bool:
    """Whether the words before a quantifier end in what it quantifies: a name, a closing
    parenthesis ('(D-N.J.) all'), a plural pronoun or a noun of people ('the men all')."""
    m = _QUANTIFIED_WORD.search(text, lo, end)
    if m is None:
        return False
    if m.group("cap") is not None:
        return m.group("cap").lower() not in STOPWORDS  # a name, not 'And both vowed'
    return m.group("noun") is None or _people_head(m.group("noun"))


_HAS_SPACE: Final = re.compile(r"\s")
_PRONOUN_END: Final = re.compile(r"(?<![\w'’\-·])(?:he|she|they|we|I|He|She|They|We)$")


def subject_before(text: str, lo: int, cue_start: int) -> Mention | None:
    """The speaker noun phrase that ends just before a cue, skipping an aside in commas."""
    end = _aux_tail_start(text, lo, cue_start) if _may_have_aux_tail(text, lo, cue_start) else cue_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return None
    pron = _PRONOUN_END.search(text, max(lo, end - 6), end)
    if pron and not _RELATIVE_BEFORE.search(text, max(lo, pron.start() - 8), pron.start()):
        return Mention(pron.start(), end, pron.group())  # '… so fired up about the deal he said …': the pronoun, whatever precedes
    if text[end - 1] == ",":
        return _subject_with_aside(text, lo, end - 1)
    if "," in text[max(lo, end - 40) : end]:  # '…, the GOP chairman, this past week announced': the time, then the aside
        t = _time_tail(text, lo, end)
        if t and text.endswith(",", lo, t.start()):
            return _subject_with_aside(text, lo, t.start() - 1)
    if text[end - 1] in "—–" or text.endswith(("--", " -"), lo, end):  # ' - ': a dash typed as a hyphen
        return _subject_with_dash_aside(text, lo, end)
    return _plain_subject(text, lo, end)  # also 'Sen. Ted Cruz (R-Texas) said'


# A time adverbial between the subject and its verb: 'Sanders on Saturday criticized …'.
_TIME_TAIL: Final = re.compile(
    rf"\s+(?:on\s+)?(?:{_DAY}|(?:earlier\s+)?(?:this|last|early|late)\s+(?:past\s+)?(?:week|weekend|month|year|night|morning)"
    r"|in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d"
    r"|(?:earlier|later)\s+(?:in\s+the|that|this|the\s+same)\s+(?:day|week|month|year|morning|evening))\s*$"  # 'earlier in the day'
)


_TIME_TAIL_ENDS: Final = ("day", "week", "weekend", "month", "year", "night", "morning")


def _time_tail(text: str, lo: int, end: int) -> re.Match[str] | None:
    """`_TIME_TAIL` ending at `end`, searched only when the last word can end one: the
    end-anchored search tries every position of its window, and most subjects end in a
    name, not a day (same result, a fraction of the time)."""
    e = end
    while e > lo and text[e - 1].isspace():
        e -= 1
    if e <= lo or not (text[e - 1].isdigit() or text.endswith(_TIME_TAIL_ENDS, max(lo, e - 8), e)):
        return None
    return _TIME_TAIL.search(text, max(lo, end - 40), end)


def _last_boundary(text: str, lo: int, end: int) -> int:
    """Where the clause holding `text[end]` starts: after the last `_BOUNDARY` before `end`,
    looked for in the last 300 characters only (a subject is at most eighteen words; a clause
    longer than that starts there as far as a subject is concerned, so a giant unpunctuated
    paragraph costs linear time, not quadratic; PolNeAR's output is the same as with 600).
    The last 80 characters are looked at first: most subjects sit in a short clause.

    'The last boundary' is the end of the last match `_BOUNDARY.finditer` gives from the
    window's start; `_last_end` finds it reading back from `end`, which is cheaper than the
    forward scan of the whole window (the subject search's inner loop)."""
    near = max(lo, end - 80)
    start = max(lo, end - 300)
    top = end
    if near > start:
        b = _last_end(text, near, end, end)
        if b >= 0:
            return b
        top = near  # nothing starts in [near, end): read on back from there
    b = _last_end(text, start, end, top)
    return b if b >= 0 else start


_BOUNDARY_MARKS: Final = frozenset(';:([,”"»’·')
_CLAUSE_FIRST: Final = frozenset(w[0] for w in _CLAUSE_WORDS)
_BOUNDARY_LONGEST: Final = max(len(w) for w in _CLAUSE_WORDS) + 1  # 'although ': no match is longer
_ASCII: Final = [chr(i) for i in range(128)]
_ASCII_SPACE: Final = frozenset(c for c in _ASCII if c.isspace())
_ASCII_WORD: Final = frozenset(c for c in _ASCII if c.isalnum() or c == "_")
# ASCII characters that start no boundary: most letters, digits, most marks
_NO_BOUNDARY: Final = frozenset(_ASCII) - _BOUNDARY_MARKS - _CLAUSE_FIRST - _ASCII_SPACE


def _boundary_end(text: str, p: int, end: int) -> int:
    """The end of the `_BOUNDARY` match at `p` (a scan that stops at `end`), or -1. Checks
    the character first: most positions cannot start one."""
    ch = text[p]
    if ch in _NO_BOUNDARY:
        return -1
    if ch in _CLAUSE_FIRST:
        if p > 0:
            prev = text[p - 1]
            if prev in _ASCII_WORD or prev >= "\x80" and prev.isalnum():
                return -1  # inside a word: no word boundary
    elif ch in _ASCII_SPACE or ch not in _BOUNDARY_MARKS and ch.isspace():
        if p + 1 >= end or text[p + 1] not in "—–-":
            return -1  # a space starts a boundary only before a dash
    elif ch not in _BOUNDARY_MARKS:
        return -1
    m = _BOUNDARY.match(text, p, end)
    return m.end() if m is not None else -1


def _last_end(text: str, frm: int, end: int, top: int) -> int:
    """The end of the last match of `_BOUNDARY.finditer(text, frm, end)`, or -1 when there is
    none, given that no match starts in [top, end).

    Read back from `top` to the last position `q` where a match starts. The forward scan
    takes it unless a match it took earlier runs over `q`; matches are short, so only the
    last few characters before `q` can hold one. From a position `x` that no match
    starting before it runs over, the forward scan takes the same matches as a scan
    started at `x`: so the scan is run from the first such position at or before `q`."""
    q = top - 1
    while q >= frm and _boundary_end(text, q, end) < 0:
        q -= 1
    if q < frm:
        return -1
    x = q
    while x > frm and any(_boundary_end(text, t, end) > x for t in range(max(frm, x - _BOUNDARY_LONGEST + 1), x)):
        x -= 1
    b = -1
    for m in _BOUNDARY.finditer(text, x, end):
        b = m.end()
    return b


def _joined_subject(text: str, lo: int, s: int, e: int) -> int | None:
    """Where a subject starts whose own words hold an 'and' ('Experts on North Korea and
    nuclear nonproliferation', 'observers in Virginia and around the country'), when the
    words after 'and' are no subject by themselves: the 'and' joins what qualifies the
    people before it, so the subject starts before it."""
    at = text.rfind(" ", lo, s - 1) + 1  # the 'and' or 'or'
    b = _trim(text, _strip_leading_conj(text, _last_boundary(text, lo, at), at), at)[0]
    first, rest = text[b:at].strip(), text[s:e].split()
    if not first or len(rest) > 4 or any(w.endswith("ed") for w in rest) or not _np_ok(text[b:e]):
        return None
    head = _head_noun(first).strip(".,")
    return b if _people_head(head) else None  # 'The front-runner and former secretary of state said …'


def _plain_subject(text: str, lo: int, end: int) -> Mention | None:
    t = _time_tail(text, lo, end)
    if t and t.start() > lo:
        end = t.start()
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end > lo and text[end - 1] == ")":
        # 'Sen. Ted Cruz (R-Tex.)': the name before the parenthesis, not what is inside it
        p = text.rfind("(", lo, end)
        if p > lo and MASK not in text[p:end]:
            end = p
    b = _last_boundary(text, lo, end)
    s = _strip_leading_conj(text, b, end)
    s, e = _trim(text, s, end)
    if s >= e:
        return None
    pron = _PRONOUN_AND.search(text, max(lo, s - 15), s) if text.endswith("and ", lo, s) else None
    if pron is not None and _np_ok(text[s:e]):
        # 'she and some neighbors worried', 'Delgado said he and Jones had agreed': a subject
        # pronoun ('she', never 'her') is a subject, so the 'and' joins it to the words after
        s = pron.start()
    elif text.endswith("and ", lo, s) and NAME_RUN.fullmatch(text, s, e):
        # 'Britain and Sweden have suggested': two names joined are one subject, when the
        # first opens the clause
        pair = _NAME_AND.search(text, max(lo, s - 60), s)
        start = -1
        if pair:
            start = _trim(text, _strip_leading_conj(text, _last_boundary(text, lo, pair.start()), pair.start()), pair.start())[0]
        s = start if pair and start == pair.start() else _body_with_and(text, lo, s)
    np = text[s:e]
    if _SOME_OF_WHOM.fullmatch(np):
        # 'families of victims, many of whom say the claims are unfounded': a subject
        # with a whole clause after its verb, not a relative pronoun leaving a gap
        return Mention(s, e, np)
    if np.endswith((" and", " or")):
        # 'The company fired him and said …': the verb shares the subject of the clause
        # before it, which is the noun phrase before that clause's verb
        # ('A reporter spotted Stein and her aide and reported …': back over each 'and')
        b = s
        for _ in range(3):
            lead = _LEAD_NP.match(text, b, e)
            if lead is not None and _np_ok(lead.group("np")):
                return Mention(b, lead.end("np"), lead.group("np"))
            b2 = _last_boundary(text, lo, b - 5)
            if b2 >= b or not text.endswith("and ", b2, b):
                break
            b = _trim(text, _strip_leading_conj(text, b2, e), e)[0]
        return None
    if text.endswith(("and ", "or "), lo, s) and not _np_ok(np):
        joined = _joined_subject(text, lo, s, e)
        if joined is not None:
            s, np = joined, text[joined:e]
    ok = _np_ok(np)
    if ok and len(np.split()) > 9 and text.endswith("and ", lo, s) and looks_like_person(" ".join(np.split()[:2])):
        return None  # '… David Albright and Serena Kelleher-Vergantini of Washington's Institute …': one of two
    lead = _LEAD_THEN_NAME.fullmatch(np) if not ok and np.split(None, 1)[0] in _LEAD_WORDS else None
    if lead and looks_like_person(bare_name(lead.group("np"))):
        # 'Saturday at the party convention Sen. Elizabeth Warren (D-MA) said': a scene set
        # without a comma, then the name
        return Mention(s + lead.start("np"), s + lead.end("np"), lead.group("np"))
    writer = _WRITERS_SOURCES.match(np) if not ok and (" I" in np or " we " in np) else None
    if writer and _np_ok(writer.group("np")) and _people_head(writer.group("np").split()[-1].lower()):
        # 'all the experts I interviewed said', "Several people I've spoken with over the
        # last couple of weeks said": the writer's sources, named by who they are
        return Mention(s, s + writer.end("np"), writer.group("np"))
    if not ok or np.startswith(("what ", "which ", "whom ")):
        rel = _RELATIVE_SUBJECT.search(np)
        group = "np" if rel and rel.group("np") else "pron"
        if rel and _np_ok(rel.group(group)) and _source_like(rel.group(group)):
            # 'the changes, which officials said will …', 'a decision they say allowed …':
            # the speaker inside a relative clause; what they said is the rest of that clause
            return Mention(s + rel.start(group), e, rel.group(group), relative=True)
        who = _WHO_END.search(text, max(s, e - 60), e) if text.endswith(" who", s, e) else None
        if who is None and " who " in text[s:e] and len(text[s : text.find(" who ", s, e)].split()) <= 4:
            # 'Supporters who have heard from the campaign say …': the noun before 'who'
            # (a short one, opening the clause)
            who = _WHO_END.search(text, s, text.find(" who ", s, e) + 4)
        if who is None and " whose " in text[s:e] and len(text[s : text.find(" whose ", s, e)].split()) <= 4:
            # 'The state officials whose laws have been invalidated say …'
            who = _WHO_END.search(text, s, text.find(" whose ", s, e) + 6)
        if who is None:
            return None
        # 'business leaders who say …', 'those who said …': the noun phrase before 'who'
        s = who.start("np")
        while s < who.end("np") and text[s : who.end("np")].split()[0].lower() in _SUBORDINATORS:
            s += len(text[s : who.end("np")].split()[0]) + 1
        np = text[s : who.end("np")]
        if not np.strip() or not _np_ok(np):
            return None
        e = who.end("np")
        lead = _WORD_BEFORE_ARTICLE.match(np)
        if lead is not None and lead.group(1).lower() not in _PREDETERMINERS:
            # 'to consolidate the voters who have supported …': up to three words before
            # 'who' are read, and a verb before the article is none of who speaks
            s += lead.end()
            np = np[lead.end() :]
    return Mention(s, e, np)


# A lower-case word, then a determiner opening the noun phrase ('consolidate the voters').
_WORD_BEFORE_ARTICLE: Final = re.compile(r"([a-z][\w’'\-]*)\s+(?=(?:the|a|an|these|those|his|her|their|its|our|my|your)\s)")
# Words that come before a determiner inside a noun phrase: 'all the experts', 'half his staff'.
_PREDETERMINERS: Final = frozenset("all both half such quite even only just about nearly almost not at twice many what among including".split())


# A scene set before the subject with no comma after it, then a name: 'Saturday at the
# party convention Sen. Elizabeth Warren', 'At a rally in Ohio Mrs. Clinton'.
_LEAD_WORDS: Final = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday In At On During After Before Speaking Earlier Later Last".split())
_LEAD_THEN_NAME: Final = re.compile(rf"(?:{'|'.join(sorted(_LEAD_WORDS))})\b.*?\s(?P<np>{NAME_RUN.pattern})")

# People the writer spoke to, before the verb of what they said: 'the experts I interviewed'.
_WRITERS_SOURCES: Final = re.compile(
    r"(?P<np>(?:\S+\s+){0,4}?\S+)\s+(?:I|we)(?:['’]ve|\s+have)?\s+(?:interviewed|spoke|spoken|talked|contacted|surveyed|consulted|asked)\b"
)

# Irregular finite verbs that end a subject as '-ed' and '-s' forms do: 'Ruiz told', 'Trump said'.
_IRREGULAR_FINITE: Final = (
    "said|told|took|made|went|gave|spoke|wrote|sent|met|left|came|got|kept|ran|won|lost|sat|stood|put|set|hit|struck|fought|led|saw|brought|sought"
)

# The noun phrase opening a clause, up to its finite verb.
_LEAD_NP: Final = re.compile(
    r"(?P<np>(?:[\w.'’\-]+\s+){0,4}?[\w.'’\-]+)\s+(?:[a-z]{2,}ed|[a-z]{2,}[^s\W'’]s|has|had|was|is|were|are|" + _IRREGULAR_FINITE + r")\b"
)
_SOME_OF_WHOM: Final = re.compile(r"(?:many|some|most|all|both|several|few|one|each|half|two|three|none)\s+of\s+(?:whom|them|those)", re.IGNORECASE)


# A relative clause's subject: 'which officials', 'what many analysts', 'a decision they'.
_RELATIVE_SUBJECT: Final = re.compile(r"(?:^|\s)(?:which|that|what|whom)\s+(?P<np>\S.*)$|(?<=[a-z]{3})\s+(?P<pron>they|he|she|we)$")
# The words of a body's name before its 'and': capitalised words, joined by 'of', 'for', 'on'
# or 'to' ('Department of Health and', 'Center for Strategic and', 'Bill and').
_BODY_BEFORE_AND: Final = re.compile(rf"(?<![\w.'’\-])(?!The\s)(?:{BODY_WORD}\s+(?:{BODY_CONNECTOR}\s+)?)+and\s+$")
_BODY_CONNECTOR: Final = re.compile(rf"\s{BODY_CONNECTOR}\s")


def _body_with_and(text: str, lo: int, s: int) -> int:
    """Where a body's name starts that holds an 'and' ('the Department of Health and Human
    Services said', 'the Center for Strategic and International Studies found'): the
    capitalised words before the 'and' are one name with those after it when they hold a
    connector ('of', 'for') the way bodies are named, or are a first name alone before a
    body's name ('the Bill and Melinda Gates Foundation'). Otherwise `s` as it was."""
    m = _BODY_BEFORE_AND.search(text, max(lo, s - 80), s)
    if m is None:
        return s
    left = m.group()[:-4].strip()
    if _BODY_CONNECTOR.search(f" {left} "):
        return m.start()
    words, after = left.split(), NAME_RUN.match(text, s)
    named = after.group().split() if after else []  # 'Melinda Gates Foundation'
    if len(words) == 1 and is_first_name(words[0]) and named and is_first_name(named[0]) and named[-1].lower() in ORG_WORDS:
        return m.start()
    return s


_PRONOUN_AND: Final = re.compile(r"(?<![\w'’\-])" + PRONOUN_AND + "$")  # ending where the next conjunct starts
_NAME_AND: Final = re.compile(rf"(?<![\w.'’\-])(?:{NAME_RUN.pattern})\s+and\s+$")
_WHO_END: Final = re.compile(r"(?P<np>(?:[\w’'\-]+\s+){0,2}[\w’'\-]+)\s+(?:who|whose)\s*$")


_DASH: Final = re.compile(r"\s(?:—|–|--?)\s")


def _subject_with_dash_aside(text: str, lo: int, end: int) -> Mention | None:
    """'Jason Sims — a teacher from Mount Pleasant — says …': the subject before the aside."""
    close = end - (2 if text.endswith("--", lo, end) else 1)
    opening = None
    for m in _DASH.finditer(text, max(lo, close - 160), close):
        opening = m
    if opening is None or MASK in text[opening.end() : close]:
        return None
    subj = _plain_subject(text, lo, opening.start())
    named = _subject_with_aside(text, lo, opening.start()) if "," in text[lo : opening.start()] else None
    if named is not None and NAME_RUN.fullmatch(named.text) and looks_like_person(bare_name(named.text)):
        # 'John Dickey, the chief executive of Ora Media -- the production company that … --
        # told': the person named before the role and the aside
        subj = named
    elif subj is not None and " " not in subj.text and is_place(subj.text) and text.endswith(", ", lo, subj.start):
        # 'officials in Broward County, Florida — where Parkland is located — announced': the
        # place goes on a place before it, and who is there speaks
        role = _plain_subject(text, lo, subj.start - 2)
        if role is not None and _QUALIFIER.search(role.text) and role.text.split()[-1][:1].isupper():
            subj = role
    if subj is None or not _speaker_like(subj.text):
        return _plain_subject(text, lo, end)  # 'Joyce — who is listed as … —': as before
    subj.description = text[opening.end() : close].strip() or None
    return subj


def _role_then_name(role: str, name: str) -> bool:
    """A role and then a name in commas ('his niece, Marcia Price', 'The director of the
    European Centre, Ina Kirsch'): the role's head noun is lower-case, unlike a list of
    names ('Smith, Jones, said'); after a role ending in a proper noun the next run must be
    a person's full name, not the rest of a place ('a woman in Worcester, Massachusetts,')."""
    if role.split()[-1][:1].islower():
        return True  # 'his niece', 'One of the university's top executives'
    if not looks_like_person(name.split(" and ")[0]):
        return False
    head = _QUALIFIER.split(role, maxsplit=1)[0].split()
    # 'The director of the European Centre', 'One pastor supporting Mr. Cruz'
    return bool(head) and head[-1][:1].islower() or any(w[:1].islower() and _people_head(w.lower()) for w in role.split()[:4])


_COMMA_OR_DASH: Final = re.compile(r",\s|\s[—–]\s")
_NON_SPACE: Final = re.compile(r"\S+")
_HARD_BREAK: Final = re.compile(r"[;:]|[”\"’»]\s|·|\s[—–]\s")
_COMMA: Final = re.compile(",")


# A title of one capitalised word no list holds: 'the Tánaiste', 'the Taoiseach'.
_TITLE_WORD_ROLE: Final = re.compile(r"the\s+[A-Z][^\W\d_]+")


def _subject_with_aside(text: str, lo: int, comma: int) -> Mention | None:
    hard = lo
    for m in _HARD_BREAK.finditer(text[lo:comma]):
        hard = lo + m.end()
    party = _NAME_PARTY_END.search(text, hard, comma)
    opens = party is not None and (not text[hard : party.start()].strip() or text[hard : party.start()].rstrip().endswith(","))
    if party and opens and looks_like_person(bare_name(party.group("np"))):
        # '…, after winning Ohio in the primary, Gov. John Kasich (R-OH), said': a name with
        # its party and a stray comma, not an aside after the place before it
        return Mention(party.start("np"), party.end("np"), party.group("np"))
    named = _NAME_THEN_ROLE.search(text, hard, comma)
    if named and looks_like_person(bare_name(named.group("np"))) and not any(w in _AUX_WORDS for w in named.group("role").split()):
        # 'At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the
        # club's president, suggested': a scene in commas, then the name and its role
        return Mention(named.start("np"), named.end("np"), named.group("np"), named.group("role").strip())
    last = text.rfind(",", hard, comma)
    if last > hard:
        # 'Outside court, the council's chief executive, Mohammed Rafiq, said': a scene, then
        # a role and the person's name in commas; the name speaks, not the scene
        name = _NAME_ASIDE.match(text, last + 1, comma)
        role = _plain_subject(text, hard, last) if name is not None else None
        if (
            name
            and role
            and (
                _role_word(role.text.split()[-1].lower())
                and _role_then_name(role.text, name.group("np"))  # not 'the editor of the Vatican's newspaper, L'Osservatore Romano'
                or _TITLE_WORD_ROLE.fullmatch(role.text) is not None  # 'Separately, the Tánaiste, Simon Harris, said'
            )
            and looks_like_person(bare_name(name.group("np")))
        ):
            return Mention(role.start, name.end("np"), name.group("np"), role.text)
    for c in (m.start() + hard for m in _COMMA.finditer(text[hard:comma])):
        aside = text[c + 1 : comma]
        if not _ASIDE_START.match(aside):
            continue
        if _CLAUSE_ASIDE.match(aside):
            continue  # 'Even as …, the race will be tight, said Gerstein': a clause, no aside
        subj = _plain_subject(text, hard, c)
        if subj is None:
            continue
        name = _NAME_ASIDE.match(text, c + 1, comma)
        if name and _role_then_name(subj.text, name.group("np")):
            # 'his niece, state Del. Marcia Price, said': a role, then the name in commas
            return Mention(subj.start, name.end("np"), name.group("np"), subj.text)  # from the role: all of it is the subject
        desc: str | None = aside.strip()
        if _RELATIVE.match(aside) or not desc:
            desc = None
        subj.description = desc
        return subj
    # 'Rashad Robinson, Color of Change's executive director, said': a name opening the
    # clause, then any short description without a verb
    first = text.find(",", hard, comma)
    if first > hard:
        aside = text[first + 1 : comma]
        pname = _plain_subject(text, hard, first)
        words = aside.split()
        if pname and NAME_RUN.fullmatch(pname.text) and 0 < len(words) <= 16 and MASK not in aside and not any(w in _AUX_WORDS for w in words):
            pname.description = aside.strip()
            return pname
    # 'A Twitter spokesman, Christopher Abboud, said': a role, then the name in commas
    c = text.rfind(",", hard, comma)
    if c > hard:
        name = _NAME_ASIDE.match(text, c + 1, comma)
        there = _PLACE_ADVERB_END.search(text, hard, c) if name else None  # 'A researcher there, Dr Oluwaseun Adebayo, said'
        role = _plain_subject(text, hard, there.start() if there else c)
        if name and role and _role_then_name(role.text, name.group("np")):
            return Mention(role.start, name.end("np"), name.group("np"), role.text)
        if name and role and " " not in name.group("np") and _QUALIFIER.search(role.text) and role.text.split()[-1][:1].isupper():
            # 'A woman in Worcester, Massachusetts, told', 'Betsy Sharp of Burke County, Georgia,
            # knows': the place goes on; the phrase before it is the subject
            return Mention(role.start, role.end, role.text)
    if text[hard:comma].rstrip().endswith(")") and "," not in text[hard:comma]:
        return _plain_subject(text, hard, comma)  # 'Sen. Jack Reed (D-R.I.), said': a stray comma after the party
    return None


_PLACE_ADVERB_END: Final = re.compile(r"\s+(?:there|here)$")
# After a scene in commas, a name in commas and its role, ending the clause: ', Jay DiPietro,
# the club's 78-year-old president and general manager'.
_NAME_THEN_ROLE: Final = re.compile(rf",\s+(?P<np>{NAME_RUN.pattern}),(?P<role>\s+(?:the|a|an|his|her|its|their)\s[^,;:·()]{{1,100}})$")
# A name and its party in parentheses ending the clause: 'Gov. John Kasich (R-OH)'.
_NAME_PARTY_END: Final = re.compile(rf"(?P<np>{NAME_RUN.pattern})\s*\([^()·,]{{1,30}}\)\s*$")


# the name in commas after a role, maybe with a lower-case title before and a party after:
# 'his niece, state Del. Marcia Price (D-Newport News), said'
_NAME_ASIDE: Final = re.compile(
    rf"\s*(?:(?:state|former|then|acting|deputy)\s+)?(?P<np>{NAME_RUN.pattern}(?:\s+and\s+{NAME_RUN.pattern})?)\s*(?:\([^()·]{{1,40}}\))?"
    rf"(?:\s+(?:of|from|at)\s+(?:the\s+)?{NAME_RUN.pattern}(?:\s+(?:in|of)\s+{NAME_RUN.pattern})?)?\s*$"  # 'Darran Whiting of Liberty Baptist Church in Marion'
)


_NP_AFTER: Final = re.compile(
    r"\s+([^,;:!?·()—–]+?)(?=\s*(?:[,;:!?()—–]|\.[\s”\"’]*$|$|\s(?:in|on|at|during|to|who|after|before|when|while|last|earlier|today|yesterday)\b))"
)


# What opens a clause or a phrase after a verb, never its subject: 'Thibodeau, asked about
# Brunson's workload, said …' is asked about the workload, which says nothing.
_NO_SUBJECT_START: Final = frozenset("that about if whether on for of with from into over as than like by to at in".split())


def subject_after(text: str, cue_end: int, se: int) -> tuple[Mention, int] | None:
    """The speaker after an inverted cue ('said Ruiz, the mayor'); returns it and where it ends."""
    m = _NP_AFTER.match(text, cue_end, se)
    if not m:
        return None
    s, e = m.span(1)
    np = text[s:e]
    if not _np_ok(np) or np.split()[0].lower() in _NO_SUBJECT_START or _VERB_THEN_OBJECT.search(np):
        return None  # (not 'said the records filled a gap': a clause, no speaker)
    words = np.split()
    if not any(w[:1].isupper() for w in words) and words[-1].lower() not in _UNNAMED_HEADS and words[0].lower() not in ("the", "a", "an", "another"):
        return None
    if words[0].lower() in ("he", "she", "they", "it") and len(words) > 1:
        return None
    named = name_after_role(text, s, e, se)
    if named is not None:
        return named, named.end  # 'said the club’s manager, Pep Guardiola'
    return Mention(s, e, np), e


def name_after_role(text: str, s: int, e: int, se: int) -> Mention | None:
    """The person a role at `text[s:e]` names next, set off by a comma ('said the club’s
    manager, John Smith', 'according to the company’s chief executive, Tim Cook, …'): the
    name speaks and the role describes them. None when the role is someone else's ('a
    spokesman for the governor, Gavin Newsom') or no person's name follows."""
    np = text[s:e]
    named = _NAME_AFTER_ROLE.match(text, e, se)
    if named is None or not np or np.split()[0].lower() not in ("the", "a", "an", "its", "his", "her", "their") or _ROLE_OF_PEOPLE.search(np):
        return None
    name = _without_full_stop(named.group("np"))
    if not (_people_head(_head_noun(np)) and _role_then_name(np, name) and looks_like_person(bare_name(name))):
        return None
    return Mention(s, named.start("np") + len(name), name, np)


def apposed_name_end(text: str, e: int, se: int) -> int | None:
    """Where a name set off by a comma right after `e` ends ('a spokesman for the governor,
    Gavin Newsom'): part of the source phrase, whoever it names, never of what was said."""
    named = _NAME_AFTER_ROLE.match(text, e, se)
    return named.start("np") + len(_without_full_stop(named.group("np"))) if named is not None else None


def _without_full_stop(name: str) -> str:
    """A name run without the sentence's full stop ('… said the mayor, John Smith.'), which an
    initial keeps ('Gavin J.')."""
    return name[:-1] if name.endswith(".") and len(name.split()[-1]) > 3 else name


# A role of someone else's, whom a name after it would name ('a spokesman for the governor',
# 'the widow of the senator'), unlike 'the mayor of Boston'.
_ROLE_OF_PEOPLE: Final = re.compile(r"\b(?:for|to|with|at|from)\b|\bof\s+(?:the\s+|a\s+)?[a-z]")
# A name set off by a comma after a role, ending the clause or set off again.
_NAME_AFTER_ROLE: Final = re.compile(rf",\s+(?P<np>{NAME_RUN.pattern})(?=\s*(?:[,;:!?)”\"—–]|$))")


# A subject at the start of a clause: a pronoun or a capitalised name (with a parenthetical
# party and state), then a verb ('Mrs. Clinton tried', 'Sen. Ruiz (D-Md.) has said').
# What follows a sentence's subject: maybe a party in brackets, auxiliaries, then its verb.
_THEN_ITS_VERB: Final = (
    r"(?:\s*\([^()·]{1,30}\))?"
    r"(?=\s+(?:(?:has|have|had|also|then|later|again|was|is|were|would|will|[a-z]+ly)\s+)*"
    r"(?:[a-z]{2,}ed|[a-z]{2,}[^s\W]s|" + _IRREGULAR_FINITE + "|"
    r"taken|given|written|spoken|shown|known|gone|been|done|seen|become|begun|drawn|thrown|held|brought|thought|found|"
    r"was|is|were|are)\b)"  # 'Mr. Trump was just as blunt, claiming …'
)
_MAIN_SUBJECT: Final = re.compile(rf"\s*(?:(?:And|But|So|Yet|Then)\s+)?(?P<np>(?:He|She|They|We|I|he|she|they|we)\b|{NAME_RUN.pattern})" + _THEN_ITS_VERB)


# A person described, opening the sentence: 'But another insider painted a different
# picture, claiming …', 'The minister was upbeat, saying …' (the same verbs after it).
_MAIN_DESCRIBED: Final = re.compile(
    r"\s*(?:(?:And|But|So|Yet|Then)\s+)?(?P<np>(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[a-z\-]+\s+){0,2}(?P<head>[a-z]+))" + _THEN_ITS_VERB
)


def main_subject(text: str, ss: int, end: int) -> Mention | None:
    """The subject of the sentence `text[ss:end]`: the first clause that opens with a name or
    a pronoun and a verb, past an adverbial lead ('At a campaign event in Ames on Sunday,
    Mrs. Clinton tried …, saying …' -> 'Mrs. Clinton', not 'At'); else a role and a name, a
    person described, or the name that opens the sentence; else those after a lead ('Hours
    later, Congress leader Rahul Gandhi hit back …, saying', 'Days later, the minister …')."""
    starts = [ss, *(ss + m.end() for m in _COMMA_OR_DASH.finditer(text[ss:end]))]
    for st in starts:
        m = _MAIN_SUBJECT.match(text, st, end)
        if m is not None and subject_word(m.group("np")):
            return _with_people(text, m.start("np"), m.end("np"), end)
    for k, st in enumerate(starts):
        found = _role_then_name_or_described(text, st, end)
        if found is not None:
            return found
        if k == 0:
            m = NAME_RUN.match(text, ss, end)  # 'Trump on Saturday criticized …': the name that opens it
            if m is not None and m.group().isupper() and _DATELINE_END.match(text, m.end(), end):
                return None  # 'WASHINGTON (AP) — …': a dateline, no subject
            if m is not None and subject_word(m.group()) and not _TIME_LEAD.match(text, m.end(), end):
                return _with_people(text, m.start(), m.end(), end)
    return None


# A time opening a sentence, no one: 'Hours later, …', 'Days earlier, …'.
_TIME_LEAD: Final = re.compile(r"\s+(?:later|earlier|ago|before|after)\s*,")


def _role_then_name_or_described(text: str, st: int, end: int) -> Mention | None:
    m = _ROLE_THEN_NAME_SUBJECT.match(text, st, end)
    if m is not None and _role_word(m.group("role").split()[-1].lower()) and " " in m.group("np"):
        # 'Republican presidential candidate Donald Trump quickly took to Twitter, writing …',
        # 'Presumptive Republican presidential nominee Donald Trump also joined …, announcing'
        return Mention(m.start("np"), m.end("np"), m.group("np"), m.group("role").strip())
    m = _MAIN_DESCRIBED.match(text, st, end)
    if m is not None and _people_head(m.group("head")) and not m.group("head").endswith("s"):
        return Mention(m.start("np"), m.end("np"), m.group("np"))  # 'But another insider painted …, claiming'
    return None


def _with_people(text: str, start: int, np_end: int, end: int) -> Mention:
    """The subject opening at `start`, with the noun of people after its capitalised words
    when one follows ('Central European leaders who …, warning that …', 'One employee'):
    the people the words qualify, not the words."""
    people = _PEOPLE_AFTER.match(text, np_end, end)
    if people is not None and _listed_people(people.group(1)):
        np_end = people.end()
    return Mention(start, np_end, text[start:np_end])


_PEOPLE_AFTER: Final = re.compile(r"\s+([a-z]+)\b")


# A role ending in a lower-case noun before the name, opening the sentence, then a verb:
# 'Republican presidential candidate Donald Trump quickly took …', 'Senior Republican
# lawmaker John Smith has joined …', 'The veteran Democratic strategist Bob Shrum also took …'.
_ROLE_THEN_NAME_SUBJECT: Final = re.compile(
    rf"\s*(?:(?:And|But|So|Yet|Then)\s+)?(?P<role>[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){{0,3}}?\s+[a-z][\w'’\-]*)\s+(?P<np>{NAME_RUN.pattern})"
    r"(?=\s+(?:(?:has|have|had|also|then|later|again|[a-z]+ly)\s+)*(?:[a-z]{2,}ed|taken|" + _IRREGULAR_FINITE + r")\b)"
)


def _role_word(word: str) -> bool:
    """A noun a role before a name ends in: a title ('candidate') or a listed noun of people
    ('lawmaker', 'strategist'; not a word that only ends like one: 'for', 'super')."""
    return word in TITLES or _listed_people(word)


_DATELINE_END: Final = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^()]{1,20}\))?\s*(?:[—–]|--?)")
_PAST_VERB: Final = re.compile(
    r"[a-z]{2,}ed|said|told|took|made|went|gave|spoke|wrote|sent|met|left|came|got|kept|ran|won|lost|stood|held|threw|broke|struck|fought"
)


def _subject_of_first_verb(text: str, ss: int, end: int) -> Mention | None:
    """The words before the clause's first past-tense verb, when they make a speaker-like
    phrase: 'the U.S. Court of Appeals for the 6th Circuit overruled and said …', 'Other
    former CIA officers with no direct knowledge of the case chafed at it and said …'."""
    b = _strip_leading_conj(text, _last_boundary(text, ss, end - 5), end)
    words = list(_NON_SPACE.finditer(text[b:end]))
    for i, w in enumerate(words[1:19], start=1):
        if _PAST_VERB.fullmatch(w.group()):
            s, e = b + words[0].start(), b + words[i - 1].end()
            np = text[s:e]
            if _np_ok(np) and _source_like(np) and not _VERB_THEN_OBJECT.search(np):
                return Mention(s, e, np)
            return None
    return None


_RELATIVE_BEFORE: Final = re.compile(r"\b(?:that|which|what|whom)\s+$")
