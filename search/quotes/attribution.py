"""Where a quote's speaker is decided.

Attribution works on one sentence at a time, on text whose quoted words are masked (so a
'said' inside a quotation is never a cue). For every reporting cue (see `verbs.py`) it
finds the speaker and the span of what was said, as a `Frame`:

- speaker before the cue: 'Ruiz said …', 'Ruiz, who replaced Tom Hale, said …',
  '…, Ruiz said.', '"…," Ruiz said.'. The subject is the noun phrase that starts the
  clause; an aside between commas ('the mayor', 'who replaced Tom Hale') is kept as the
  description and never taken for the speaker.
- speaker after the cue: '"…," said Ruiz, the mayor.', '…, says Mr. Lukyanov, …'.
- 'according to X', participles (', adding that …', whose subject is the sentence's, past
  an adverbial lead), a verb coordinated with the subject's first ('Ruiz took the floor
  and said …') and the colon ('Ruiz was blunt: "…"', and 'Ruiz: The bridge will reopen.'
  in headlines and transcripts).
- a sentence that only attributes the quotation before it (`attribution_only`:
  '“…?” asked Ruiz.', 'That was how Ruiz put it.').
- stance and intention verbs ('criticized the plan', 'wants to leave', `verbs.NOMINAL`):
  the object after the verb is what is attributed.

A cue word after a determiner or possessive ('his remarks', 'the states') is a noun, and an
attribution that opens another's content ('Ruiz said she believes …') belongs to it.

Which side of the cue holds the content is decided by what follows the cue: a clause
('said the bridge would reopen', 'told reporters that …') puts it after; nothing but an
object or adverbials before the full stop ('…, Ruiz told reporters Monday.') puts it
before; a comma with more text after it makes a parenthetical with content on both sides.

Mentions become speakers in `classify`: names through the article's `ArticleNames`,
pronouns to the person last speaking or last named whom the pronoun can stand for ('he'
never for a 'Ms.', and once the article says 'she' of someone, 'he' skips her), 'who' to the
name it follows, common nouns ('a spokesman', 'officials') to unnamed sources,
organisations as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from search.quotes import verbs
from search.quotes.names import (
    CALENDAR_WORDS,
    FIRM_WORDS,
    NAME_RUN,
    ORG_WORDS,
    PLACES,
    PRONOUNS,
    STOPWORDS,
    TITLES,
    ArticleNames,
    bare_name,
    is_org,
    looks_like_person,
    mention_index,
    opens_sentence,
)
from search.quotes.persons import is_place, person_name_ok, strip_opening_words

MASK = "·"  # stands for every quoted character in the masked text

_AUX = (
    r"has|have|had|also|later|previously|then|once|repeatedly|recently|publicly|privately|earlier|"
    r"often|never|always|again|already|just|only|simply|further|flatly|reportedly|would|will|could|"
    r"might|may|must|should|can|did|does|do|is|was|were|are|been|being|not|bluntly|angrily|quickly|"
    r"frequently|initially|ultimately|finally|famously|openly|separately|similarly|likewise|long|"
    r"even|still|subsequently|privately|immediately|explicitly|specifically|correctly|falsely|"
    r"wrongly|rightly|repeatedly|tweeted|posted|kept|keeps|"  # 'kept asking': a cue going on
    # negated auxiliaries, both apostrophes: 'he hasn’t endorsed'
    "hasn't|haven't|hadn't|didn't|doesn't|don't|wasn't|weren't|isn't|aren't|won't|wouldn't|couldn't|can't|shouldn't|hasn’t|haven’t|hadn’t|didn’t|doesn’t|don’t|wasn’t|weren’t|isn’t|aren’t|won’t|wouldn’t|couldn’t|can’t|shouldn’t"
)
_AUX_WORDS_LIST = sorted(set(_AUX.split("|")))
# Verbs of going on: before 'to' they leave the cue after it its statement ('continued to say').
_GOING_ON = r"(?:continued|continues|continue|began|begins|went\s+on|goes\s+on|proceeded|started)"
# one factored alternation (the tail is searched before every cue), then the phrases
_AUX = verbs.trie_pattern(_AUX_WORDS_LIST) + (
    r"|in\s+the\s+past|for\s+(?:years|months|weeks|decades)|in\s+recent\s+(?:days|weeks|months|years)"
    r"|" + _GOING_ON + r"\s+to"  # 'continued to say'
    r"|(?:(?:slightly|much|far|more|less|most|equally|as)\s+)*likely\s+to"  # 'voters were more likely to say' (a poll's finding)
)
_LY = r"(?!(?:family|ally|rally|assembly|supply|reply|italy|daily|weekly|monthly|quarterly|bully|holly|kelly|sally|molly)\b)[a-z]{3,}ly"
# 'He’s suggesting', 'They’ve argued': a pronoun's contracted auxiliary
# (a possessive 'Trump’s' never gets here: `_NOUN_BEFORE` has made the cue a noun)
_CONTRACTED = r"(?:(?<=\w)['’](?:s|ve|re|d|ll)\b)"
_AUX_TAIL = re.compile(rf"{_CONTRACTED}?(?:\s+(?:{_AUX}|{_LY})\b)*\s*$")
_PRONOUN_CONTRACTION = re.compile(r"\b(?:he|she|it|that|who|there|what)['’]s\s+$", re.IGNORECASE)
_AUX_WORDS = frozenset(
    "is was were are be been being has have had will would can could should may might must do does "
    "did am".split()
)
# Where a clause may start, so the subject of a cue is what follows the last of these.
_BOUNDARY = re.compile(
    r"(?:[;:(\[]|,(?!\d{3}\b)|(?:[”\"»]|(?<![sz])’)\s|\s[—–]\s?|\s-\s|·\s|"
    r"\b(?:and|but|that|because|while|as|when|if|although|though|after|before|since|so|whereas|"
    r"where|or|unless|until|than|whether|once|then|now)\s)"
)
_INNER_STOP = frozenset("which who whom whose that they he she it we i you there".split())
_SUBORDINATORS = frozenset(
    "if when while unless although though because as since after before until once whether so "
    "but and or in on at for from with without by during among amid despite to of into over "
    "under through".split()
)
_ASIDE_START = re.compile(
    r"\s*(?:who\b|whose\b|which\b|a\b|an\b|the\b|one\b|another\b|[a-z]|\d|[RDI]-|himself|herself|"
    r"(?:[A-Z][\w.\-]*\s+)?[A-Z][\w.\-]*['’]s?\s+[a-z])"  # 'Tad Devine, Sanders's chief strategist, said'
)
_RELATIVE = re.compile(r"\s*(?:who|whose|which|whom)\b")
# Between commas before a cue, a clause rather than an aside: a short subject and its verb.
_CLAUSE_ASIDE = re.compile(r"\s*(?:the|a|an|this|it|he|she|they)\s+(?:[a-z]+\s+)?(?:will|would|is|was|are|were|has|had|can|could|may|might|must|should)\s")
_RELATIVE_TAIL = re.compile(r",\s*(?:who|whose|which|whom|where|when|and|but)\b")

# What may sit between a cue and the end of the sentence without being reported content:
# objects and adverbials ('told reporters Monday', 'wrote on X', 'said in a statement').
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# What 'last', 'this' and 'next' qualify when they make a time adverbial.
_TIME_NOUN = r"(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter)"
_FILLER_START = re.compile(
    rf"\s*(?:on|in|at|of|to(?=\s+(?:reporters|journalists|the|a|an|his|her|their|[A-Z]))|for(?=\s+(?:years|months|weeks|days|decades|some\s+time|a\s+long\s+time|the\s+first\s+time)\b)|during|via|through|from|with|before|after|while|when|last|this(?=\s+(?:week|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter|past)\b)|earlier|"
    rf"later|yesterday|today|tonight|recently|again|also|previously|then|too|publicly|privately|"
    rf"repeatedly|{_LY}|{_DAY}|Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\b"
)
# Adverbials of a word or two, which end where they end, not at the next comma.
_SHORT_FILLER = re.compile(
    rf"\s*(?:(?:last|this|next)\s+(?:{_TIME_NOUN}|{_DAY})"
    rf"|yesterday|today|tonight|recently|again|also|previously|then|too|publicly|privately|repeatedly|(?:on\s+)?{_DAY})\b"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
)
_PARTICIPLE_NEXT = re.compile(r"\s*,\s*(?!(?:nothing|something|anything|everything|during|bring|thing)\b)[a-z]+ing\b")
_THAT_NEXT = re.compile(r"\s*,?\s*that\b")
# a clause of time after the cue: a 'that' past it belongs to that clause ('said when asked if that …')
_WHEN_NEXT = re.compile(r"\s*(?:when|while|as|after|before)\b")
_NO_COMMENT = re.compile(
    r"(?:\s+to)?\s+(?:(?:repeated|multiple|several|numerous|my|our|his|her|their|a|an|the|email|e-mail|phone|written)\s+)*"
    r"(?:requests?|messages?|calls?|e-?mails?|inquir(?:y|ies)|queries|questions)\b"
)
# A scene set by a quoted title before the subject: 'On "Face the Nation," Ruiz said …'.
_ON_SHOW = re.compile(r"\s*(?:On|In|At|During|From)\s+[“\"‘']")
_LEAD_ADVERBIAL = re.compile(
    r"\s*(?:(?:At|In|On|During|Despite|After|Before|Since|With|Without|For|From|Under|Amid|Following|Earlier|Later)\b"
    rf"|(?:Last|This|Next)\s+(?:{_TIME_NOUN}|time)\b)[^,·;:]*,\s*"
)
# The person told and then 'that': a noun phrase of up to eight words with no verb in it.
_OBJECT_THEN_THAT = re.compile(
    r"(?:\s+(?!(?:is|was|were|are|has|had|have|will|would|said|says|who|which|that)\b)(?![a-z]+ed\b)[\w.'’\-]+){1,8}?\s+that\b(?!\s+(?:was|were|is|are|had|has|have|will|would)\b)"
)
# 'in an interview with the Times that was broadcast Monday': after a noun, a 'that' before a
# verb relates to the noun; no clause of what was said opens there
_RELATIVE_THAT = re.compile(r"\s*that\s+(?:was|were|is|are|had|has|have|aired|ran|appeared|included)\b")
_NOUN_PHRASE_END = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+(?:[\w'’\-]+\s+){0,2}[\w'’\-]+\s*$")


def _relative_that(text: str, ce: int, after: int, se: int) -> bool:
    """Whether the 'that' after an adverbial relates to its noun ('in an interview that
    was broadcast Monday') rather than opening what was said ('on Monday that was not true')."""
    return bool(_RELATIVE_THAT.match(text, after, se) and _NOUN_PHRASE_END.search(text, ce, after))
_COLON_QUOTE = re.compile(r":\s*[“\"‘'«]")
# A quotation closed before the speaker as attributed quotes close: '"…," Ruiz said', '"…?" she asked'.
_QUOTE_ENDS = re.compile(r"[,?!—–\-][”\"’»]\s*$")
_COMMA_QUOTE = re.compile(r",\s*[“\"‘'«]")
_ASIDE_THEN_QUOTE = re.compile(r"\s*([a-z]+ing)\b[^,·]{0,80},\s*[“\"‘'«]")
# A determiner or possessive right before a cue word makes it a noun ('his remarks',
# "Trump's tweet", 'the states', 'a claim').
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|these|those|whose)|\w['’]s?)\s+$", re.IGNORECASE)
# What stands right before a third-person verb: a name, a
# singular pronoun or a singular noun ('the campaign plans'), never a number or a plural.
_SINGULAR_SUBJECT = re.compile(
    r"(?:(?<![\w.'’\-])[A-Z][\w.'’\-]*[a-z.]|\b(?:he|she|it|who|He|She|It)|[)”\"·]"
    r"|(?<=\s)(?!(?:two|three|four|five|six|seven|eight|nine|ten|several|many|both|all|other|these|those)\s)[a-z\-]+[^s\W])\s+$"
)
_LEAD = re.compile(r"^[\s,:;—–\-]*(?:that\s+)?")
# Records and polls: sources that report what they show (with them 'show' is a cue like 'say').
_EVIDENCE = frozenset(
    """poll polls polling survey surveys average averages records record documents filings emails data figures results
    numbers statistics estimates projections models study studies analysis report reports research
    audit census""".split()
)
_UNNAMED_HEADS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople official officials source sources aide aides
    analyst analysts expert experts critic critics observer observers people person resident residents
    witness witnesses diplomat diplomats lawmaker lawmakers economist economists adviser advisers
    advisor advisors supporter supporters voter voters researcher researchers scientist scientists
    investigator investigators prosecutor prosecutors member members leader leaders officer officers
    representative representatives staffer staffers insider insiders strategist strategists operative
    operatives others some many most several few observers activists activist employees employee
    executives executive authorities police agents doctors lawyers attorney attorneys friend friends
    colleagues allies opponents rivals protesters organizers candidates delegates donors forecasters
    pollsters historians scholars academics commentators pundits consultants veterans parents teachers
    students workers someone somebody everyone everybody anyone media outlets advocates advocate foes""".split()
) | _EVIDENCE


@dataclass(slots=True)
class Mention:
    """A speaker as written, before it is resolved to a name."""

    start: int
    end: int
    text: str
    description: str | None = None
    relative: bool = False  # the subject of a relative clause ('which officials said …')


@dataclass(slots=True)
class Speaker:
    name: str | None
    mention: str | None
    type: str | None
    description: str | None = None


@dataclass(slots=True)
class Frame:
    """One attribution: cue, speaker and the spans holding what was said."""

    cue: str
    cue_start: int
    cue_end: int
    mention: Mention | None
    pieces: list[tuple[int, int]] = field(default_factory=list)
    attr_start: int = 0  # where the attribution (speaker or cue) starts
    attr_end: int = 0
    speaker: Speaker | None = None
    needs_quote: bool = False
    # a passive without its agent ('was asked', 'have been criticized'): the subject is spoken
    # to or of, and who spoke is not said
    agentless: bool = False


@lru_cache(maxsize=16384)
def _np_ok(text: str) -> bool:
    """True when `text` can be a speaker noun phrase: short, no verb, no quoted words.
    (Cached: the same phrases are tested again and again, three times each on average
    within one pass over PolNeAR dev.)"""
    words = text.split()
    if not words or MASK in text:
        return False
    if len(words) > 9:
        return len(words) <= 18 and _long_np_ok(text)
    if len(words) > 2 and words[0].lower() in ("at", "more", "fewer", "less") and words[1] in ("least", "most", "than"):
        return _np_ok(" ".join(words[2:]))  # 'at least a dozen members of Congress', 'more than 100 economists'
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    if not _AUX_WORDS.isdisjoint(words) or not _INNER_STOP.isdisjoint(map(str.lower, words)):  # not 'Will' (a name)
        return False
    first = words[0].lower()
    if words[-1] in _DANGLING:
        return False  # 'accused European leaders of': a clause cut short, not a noun phrase
    if first[-2:] in ("'s", "’s") and first[:-2] in ("it", "that", "there", "here", "what"):
        return False  # "It's worth noting that …"
    if first in _SUBORDINATORS and not (len(words) > 1 and words[1][:1].isupper() and first in ("and", "but")):
        return False
    if first in ("according", "referring", "citing") or (
        first.endswith("ing")
        and first not in _ING_NOUNS
        and (words[0].islower() or (len(words) > 1 and words[1][:1].islower()))
        and not (_is_source_head(words[-1]) and (len(words) == 2 or not _DANGLING.union({"the", "a", "an"}).intersection(w.lower() for w in words)))
        # ('Voting rights advocates' is a subject)
    ):  # 'Speaking to reporters', not a name like 'Ebeling' or 'Sterling Brown' (nor 'hacking specialists')
        return False
    # A lower-case phrase must end in a noun we know names a source, or start with a
    # determiner ('the council', 'a spokesman'): otherwise it is likely not a subject.
    if not any(w[:1].isupper() for w in words):
        last = words[-1].lower().strip(".,")
        if first in PRONOUNS and len(words) == 1:
            return True
        if last not in _UNNAMED_HEADS and last + "s" not in _UNNAMED_HEADS and first not in _NP_DETERMINERS and not first[:1].isdigit():
            # 'advocates within the scientific community', 'sources close to the talks': a
            # source noun heading the phrase, with what qualifies it after
            head = _head_noun(" ".join(words))
            if head not in _UNNAMED_HEADS and not _AGENTS.search(head) and not (head.endswith("s") and head[:-1] in ORG_WORDS):
                return False  # but 'human rights groups', 'labor unions': bodies
    return True


# Prepositions that place or qualify the people a noun names ('officials in Kyiv', 'aides of
# the senator'): the head noun of a phrase comes before the first of them.
_PLACING = "in|within|at|of|for|from|with|on"

_QUALIFIER_OR_TO = re.compile(rf"\s(?:{_PLACING}|across|to|by)\s")


def _long_np_ok(text: str) -> bool:
    """A subject of ten words or more is a short phrase headed by people, then what places
    them: 'Large majorities of Republican primary voters in six states going to the polls on
    Super Tuesday', 'One in four voters in a New York Times poll', 'The last man to mount a
    major third-party presidential race'. Anything else that long is a clause, not a subject."""
    head = _QUALIFIER_OR_TO.split(text, maxsplit=1)[0]
    if len(head.split()) > 6 or head.split()[0].lower() in ("like", "unlike", "as") or not _np_ok(head) or _VERB_THEN_OBJECT.search(head):
        return False
    words = text.split()
    if any(w in _AUX_WORDS or w.lower() in _INNER_STOP for w in words) or words[-1] in _DANGLING or words[-1] in ("and", "but", "or"):
        return False
    if _VERB_IN_QUALIFIER.search(text, len(head)):
        return False  # 'A spokesman for the firm declined to …': a clause, not a subject
    words = head.split()
    if len(words) > 1 and words[-1].endswith("ed"):
        words = words[:-1]  # 'a 46-page suicide analysis released (by …)': the noun before the participle
    noun = words[-1].strip(".,").lower()
    if noun in _NOT_AGENTS:
        return False  # 'Clinton aides sent letters (to …)': a clause, its object ending in '-ers'
    return _is_source_head(noun) or noun in _SHARE_HEADS or noun in _DOCUMENTS


# Words ending like agent nouns ('-ers', '-ors', '-ents') that name things, not people.
_NOT_AGENTS = frozenset(
    "letters numbers matters papers orders headquarters waters centers corners borders powers quarters towers offers "
    "answers chambers computers meters filters registers monitors amendments payments".split()
)


# Writings that say things: 'The GOP’s complaint to the D.C. Court of Appeals’ Board on
# Professional Responsibility says …', 'A letter from the American Legion obtained by AP warns'.
_DOCUMENTS = frozenset("complaint complaints letter letters memo memos lawsuit suit filing indictment ruling order statement report study".split())
# A document and who issued it: 'a criminal complaint affidavit from Homeland Security',
# 'a report by the Government Accountability Office', 'the letter from Sen. Ruiz'.
_DOC_WORDS = (
    r"(?:affidavit|complaint|letter|memo|lawsuit|filing|indictment|ruling|order|statement|report|study|release"
    r"|document|email|e-mail|analysis|survey|review|audit|assessment)s?"
)
_DOCUMENT_FROM = re.compile(
    rf"(?:an?|the|The|An?)\s+(?:[a-z\-]+\s+){{0,3}}(?P<doc>{_DOC_WORDS})\s+(?:from|by|issued by|released by)\s+(?:the\s+)?"
    r"(?P<author>[A-Z][\w.’'\-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.’'\-]*)*)"
)
_THE_DOCUMENT = re.compile(rf"(?:the|The)\s+(?:[a-z\-]+\s+){{0,2}}(?P<doc>{_DOC_WORDS})")


# Inside a would-be subject: a lower-case word that is no preposition, then an article or
# pronoun object ('Clinton’s victory hands her a majority').
_VERB_THEN_OBJECT = re.compile(
    r"\b(?!(?:of|for|in|at|on|from|with|to|by|and|or|about|over|under|near|across)\b)[a-z]{3,}\s+(?:a|an|the|her|him|them|his|their)\s"
)
# A past tense in what qualifies the head ('declined', 'showed'), unless it is a participle
# before its agent, a place or a time, or ending the phrase ('interviewed by POLITICO',
# 'the voters surveyed in a new poll released Monday').
_VERB_IN_QUALIFIER = re.compile(rf"\b[a-z]{{3,}}ed\b(?!\s+(?:by|in|on|at|last|this|earlier|{_DAY})\b|\s*$)")


# Heads of a subject counting or picking out people: 'Large majorities of …', 'One in four …',
# 'The last man to …'.
_SHARE_HEADS = frozenset("man woman men women majority majorities half one percent most many some".split())


# A noun phrase does not end in a preposition.
_DANGLING = frozenset("of to for with by about from in on at into than as".split())

_QUALIFIER = re.compile(rf"\s(?:{_PLACING}|close|familiar|privy)\s")


def _is_source_head(word: str) -> bool:
    """A noun naming people or sources: 'officials', 'specialists', 'researchers'."""
    w = word.lower().strip(".,")
    return w in _UNNAMED_HEADS or w + "s" in _UNNAMED_HEADS or bool(_AGENTS.search(w))


def _head_noun(phrase: str) -> str:
    """The noun heading a phrase, before what qualifies it ('sources close to the talks' ->
    'sources'), lower-cased."""
    return _QUALIFIER.split(phrase.lower(), maxsplit=1)[0].split()[-1]


# Plural agent nouns, which name people or groups that can be sources: 'technologists',
# 'proponents', 'researchers', 'participants'.
_AGENTS = re.compile(r"(?:ers|ors|ists|ents|ants|ians)$")

# Words that open a lower-case noun phrase able to be a subject: articles, possessives,
# quantifiers ('his organization', 'nearly three in five', 'both campaigns').
_NP_DETERMINERS = frozenset(
    "the a an another one two three four five some many several most other his her their its our my "
    "both all few multiple nearly about almost roughly more fewer no each every half those these six seven "
    "eight nine ten majority majorities third two-thirds three-fourths three-quarters one-third one-quarter".split()
)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in ",;:—–-" or text[s].isspace()):  # also a no-break space
        s += 1
    while e > s and (text[e - 1] in ",;:—–-" or text[e - 1].isspace()):
        e -= 1
    return s, e


_LEADING_CONJ = re.compile(
    r"\s*(?:(?:And|But|So|Yet|Then|Now|Still|Meanwhile|Instead|Also|While|When|If|As|Although|Though|"
    r"Because|Since|After|Before|Unless|Until|Once|Whereas|Where)\s+)+"
)


def _strip_leading_conj(text: str, s: int, e: int) -> int:
    m = _LEADING_CONJ.match(text[s:e])
    return s + m.end() if m else s


_AUX_TAIL_WORDS = frozenset(_AUX_WORDS_LIST) | {"past", "years", "months", "weeks", "decades", "days", "to"}
_LY_WORD = re.compile(_LY)
_CONTRACTED_END = re.compile(r"\w['’](?:s|ve|re|d|ll)$")


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
    return m.start() if m else cue_start


_HAS_SPACE = re.compile(r"\s")
_PRONOUN_END = re.compile(r"(?<![\w'’\-·])(?:he|she|they|we|I|He|She|They|We)$")


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
    if text[end - 1] in "—–" or text.endswith("--", lo, end):
        return _subject_with_dash_aside(text, lo, end)
    return _plain_subject(text, lo, end)  # also 'Sen. Ted Cruz (R-Texas) said'


# A time adverbial between the subject and its verb: 'Sanders on Saturday criticized …'.
_TIME_TAIL = re.compile(
    rf"\s+(?:on\s+)?(?:{_DAY}|(?:earlier\s+)?(?:this|last|early|late)\s+(?:past\s+)?(?:week|weekend|month|year|night|morning)"
    r"|in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d"
    r"|(?:earlier|later)\s+(?:in\s+the|that|this|the\s+same)\s+(?:day|week|month|year|morning|evening))\s*$"  # 'earlier in the day'
)


_TIME_TAIL_ENDS = ("day", "week", "weekend", "month", "year", "night", "morning")


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
    paragraph costs linear time, not quadratic; PolNeAR's output is the same as with 600)."""
    near = max(lo, end - 80)  # most subjects sit in a short clause: look close first
    b = start = max(lo, end - 300)
    for m in _BOUNDARY.finditer(text, near if near > start else start, end):
        b = m.end()
    if b > near or near <= start:
        return b
    for m in _BOUNDARY.finditer(text, start, end):
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
    if text.endswith("and ", lo, s) and NAME_RUN.fullmatch(text, s, e):
        # 'Britain and Sweden have suggested': two names joined are one subject, when the
        # first opens the clause
        pair = _NAME_AND.search(text, max(lo, s - 60), s)
        if pair:
            start = _trim(text, _strip_leading_conj(text, _last_boundary(text, lo, pair.start()), pair.start()), pair.start())[0]
            if start == pair.start():
                s = start
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
        while s < who.end("np") and text[s:who.end("np")].split()[0].lower() in _SUBORDINATORS:
            s += len(text[s:who.end("np")].split()[0]) + 1
        np = text[s : who.end("np")]
        if not np.strip() or not _np_ok(np):
            return None
        e = who.end("np")
    return Mention(s, e, np)


# A scene set before the subject with no comma after it, then a name: 'Saturday at the
# party convention Sen. Elizabeth Warren', 'At a rally in Ohio Mrs. Clinton'.
_LEAD_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday In At On During After Before Speaking Earlier Later Last".split())
_LEAD_THEN_NAME = re.compile(rf"(?:{'|'.join(sorted(_LEAD_WORDS))})\b.*?\s(?P<np>{NAME_RUN.pattern})")

# People the writer spoke to, before the verb of what they said: 'the experts I interviewed'.
_WRITERS_SOURCES = re.compile(
    r"(?P<np>(?:\S+\s+){0,4}?\S+)\s+(?:I|we)(?:['’]ve|\s+have)?\s+(?:interviewed|spoke|spoken|talked|contacted|surveyed|consulted|asked)\b"
)

# Irregular finite verbs that end a subject as '-ed' and '-s' forms do: 'Ruiz told', 'Trump said'.
_IRREGULAR_FINITE = "said|told|took|made|went|gave|spoke|wrote|sent|met|left|came|got|kept|ran|won|lost|sat|stood|put|set"

# The noun phrase opening a clause, up to its finite verb.
_LEAD_NP = re.compile(
    r"(?P<np>(?:[\w.'’\-]+\s+){0,4}?[\w.'’\-]+)\s+(?:[a-z]{2,}ed|[a-z]{2,}[^s\W'’]s|has|had|was|is|were|are|"
    + _IRREGULAR_FINITE + r")\b"
)
_SOME_OF_WHOM = re.compile(r"(?:many|some|most|all|both|several|few|one|each|half|two|three|none)\s+of\s+(?:whom|them|those)", re.IGNORECASE)
_PREPOSITION_WHICH = re.compile(r"\b(?:in|at|on|during|by|under|with|through|after|before|for|from|since|of)\s+(?:which|whom)\s+$")
# A relative clause's subject: 'which officials', 'what many analysts', 'a decision they'.
_RELATIVE_SUBJECT = re.compile(r"(?:^|\s)(?:which|that|what|whom)\s+(?P<np>\S.*)$|(?<=[a-z]{3})\s+(?P<pron>they|he|she|we)$")
_NAME_AND = re.compile(rf"(?<![\w.'’\-])(?:{NAME_RUN.pattern})\s+and\s+$")
_WHO_END = re.compile(r"(?P<np>(?:[\w’'\-]+\s+){0,2}[\w’'\-]+)\s+(?:who|whose)\s*$")


_DASH = re.compile(r"\s(?:—|–|--)\s")


def _subject_with_dash_aside(text: str, lo: int, end: int) -> Mention | None:
    """'Jason Sims — a teacher from Mount Pleasant — says …': the subject before the aside."""
    close = end - (2 if text.endswith("--", lo, end) else 1)
    opening = None
    for m in _DASH.finditer(text, max(lo, close - 160), close):
        opening = m
    if opening is None or MASK in text[opening.end() : close]:
        return None
    subj = _plain_subject(text, lo, opening.start())
    if subj is None or not _speaker_like(subj.text):
        return _plain_subject(text, lo, end)  # 'Joyce — who is listed as … —': as before
    subj.description = text[opening.end() : close].strip() or None
    return subj


def _speaker_like(np: str) -> bool:
    """A name, a pronoun, or a phrase headed by a noun of people, sources or bodies: not
    'the rules of the party — specifically Rule 40 — adds'."""
    if _person_like(np):
        return True
    head = _head_noun(np).strip(".,").lower()
    return _people_head(head) or head in ORG_WORDS or head in TITLES


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


def _subject_with_aside(text: str, lo: int, comma: int) -> Mention | None:
    hard = lo
    for m in re.finditer(r"[;:]|[”\"’»]\s|·|\s[—–]\s", text[lo:comma]):
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
    for c in (m.start() + hard for m in re.finditer(",", text[hard:comma])):
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
        role = _plain_subject(text, hard, c)
        if name and role and _role_then_name(role.text, name.group("np")):
            return Mention(role.start, name.end("np"), name.group("np"), role.text)
        if name and role and " " not in name.group("np") and _QUALIFIER.search(role.text) and role.text.split()[-1][:1].isupper():
            # 'A woman in Worcester, Massachusetts, told', 'Betsy Sharp of Burke County, Georgia,
            # knows': the place goes on; the phrase before it is the subject
            return Mention(role.start, role.end, role.text)
    if text[hard:comma].rstrip().endswith(")") and "," not in text[hard:comma]:
        return _plain_subject(text, hard, comma)  # 'Sen. Jack Reed (D-R.I.), said': a stray comma after the party
    return None


# After a scene in commas, a name in commas and its role, ending the clause: ', Jay DiPietro,
# the club's 78-year-old president and general manager'.
_NAME_THEN_ROLE = re.compile(rf",\s+(?P<np>{NAME_RUN.pattern}),(?P<role>\s+(?:the|a|an|his|her|its|their)\s[^,;:·()]{{1,100}})$")
# A name and its party in parentheses ending the clause: 'Gov. John Kasich (R-OH)'.
_NAME_PARTY_END = re.compile(rf"(?P<np>{NAME_RUN.pattern})\s*\([^()·,]{{1,30}}\)\s*$")
# the name in commas after a role, maybe with a lower-case title before and a party after:
# 'his niece, state Del. Marcia Price (D-Newport News), said'
# A name straight after a cue that follows a comma, then a comma or the end: the speaker of
# an inverted attribution ('…, said Dan Gerstein, a strategist'), whatever precedes it.
_INVERTED_NAME = re.compile(rf"\s+(?P<np>{NAME_RUN.pattern})(?=\s*,|\.?\s*$)")


def _inverted_name(text: str, ce: int, se: int) -> bool:
    m = _INVERTED_NAME.match(text, ce, se)
    return m is not None and m.group("np").split()[0].rstrip(".").lower() not in CALENDAR_WORDS  # not 'said Monday, …'

_OBJECT_NEXT = verbs.OBJECT_FIRST | verbs.OBJECT_IS_CONTENT | verbs.NOMINAL  # 'told Ruiz', 'called Ruiz'
_NAME_ASIDE = re.compile(
    rf"\s*(?:(?:state|former|then|acting|deputy)\s+)?(?P<np>{NAME_RUN.pattern}(?:\s+and\s+{NAME_RUN.pattern})?)\s*(?:\([^()·]{{1,40}}\))?"
    rf"(?:\s+(?:of|from|at)\s+{NAME_RUN.pattern}(?:\s+(?:in|of)\s+{NAME_RUN.pattern})?)?\s*$"  # 'Darran Whiting of Liberty Baptist Church in Marion'
)


_NP_AFTER = re.compile(
    r"\s+([^,;:!?·()—–]+?)(?=\s*(?:[,;:!?()—–]|\.[\s”\"’]*$|$|\s(?:in|on|at|during|to|who|after|before|when|while|last|earlier|today|yesterday)\b))"
)


def subject_after(text: str, cue_end: int, se: int) -> tuple[Mention, int] | None:
    """The speaker after an inverted cue ('said Ruiz, the mayor'); returns it and where it ends."""
    m = _NP_AFTER.match(text, cue_end, se)
    if not m:
        return None
    s, e = m.span(1)
    np = text[s:e]
    if not _np_ok(np) or np.split()[0].lower() == "that":
        return None
    words = np.split()
    if not any(w[:1].isupper() for w in words) and words[-1].lower() not in _UNNAMED_HEADS and words[0].lower() not in ("the", "a", "an", "another"):
        return None
    if words[0].lower() in ("he", "she", "they", "it") and len(words) > 1:
        return None
    return Mention(s, e, np), e


# The rest of a place or date inside an adverbial, before 'that': ', Ohio,', ', 2016,'.
_PLACE_TAIL = re.compile(r",\s+(?:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?|\d{4})(?=\s*,?\s*that\b)")


_OF_AFTER_OBJECT = re.compile(r"\s+\S.*?\s+of\s+\w")


# ', for example,' between a cue and its clause: the writer's aside, no part of either.
_INTERJECTION = re.compile(
    r",\s*(?:for\s+example|for\s+instance|in\s+fact|however|moreover|again|too|of\s+course|in\s+other\s+words|in\s+particular)\s*,(?=\s*that\b)"
)


# A phrase in commas right after the cue: 'described, in fairly blistering terms, a set of …'.
_PP_ASIDE = re.compile(r",\s*(?:in|with|at|on|by|during|after|before|through|via)\s[^,·;:“\"‘«]{1,50},(?=\s*[\w·“\"‘«])")


# Who a cue like 'told' addresses, before what was said: 'his aides', 'reporters', 'a Senate
# panel', 'host Sean Hannity'.
_LISTENERS = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|our|my)\s+(?:[a-z\-]+\s+){0,2}(?:advisers|aides|supporters|staff|audience|crowd|colleagues|"
    r"friends|allies|donors|followers|members|lawmakers|senators|officials|viewers|listeners|readers|students|workers|employees|delegates)\b|"
    r"(?:(?:the|a|an|his|her|their|its|our|my)\s+)?(?:reporters|journalists|me|him|her|us|them|you|lawmakers|supporters|"
    r"voters|the\s+\w+|(?:host|anchor|moderator|interviewer|reporter|columnist)?\s*[A-Z][\w.'’\-]*(?:\s+(?:of\s+)?[A-Z][\w.'’\-]*)*"
    r"(?:\s+(?:panel|committee|subcommittee|audience|crowd|gathering|forum|hearing|reporters?|newspaper|station|radio)"
    r"|\s+(?:host|anchor)(?:\s+[A-Z][\w.'’\-]*)*)?))(?![\w'’])"
)
# An adverbial after a cue, up to the next comma, 'that' or sentence end; and what ends it.
_FILLER_REST = re.compile(r"[^,;:·]*?(?=\s*(?:,|;|:|\b(?:that|how|why|whether)\b|[.!?]\s*$|[.!?][”\"’]*\s*$|$))")
_FILLER_END = re.compile(r"\s*[,;:]|\s*(?:that|how|why|whether)\b")


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


def _unquoted_words(text: str, s: int, e: int) -> int:
    """How many words of `text[s:e]` (masked) are the writer's own, not quoted."""
    return len(re.findall(r"\b[A-Za-z0-9][\w'’\-]*", text[s:e]))


_TEXT_CHAR = re.compile(r"[A-Za-z0-9·]")  # a word's character (or a quoted one): text, not just marks


def _sentence_tail_empty(text: str, pos: int, se: int) -> bool:
    return not _TEXT_CHAR.search(text, pos, se)


# A verb of going on before 'to': 'continued to say', 'went on to argue' report as the cue does.
_ASPECT_TO = re.compile(rf"\b{_GOING_ON}\s+to\s+$")


_SUPPORT_NOUN = re.compile(r"\s*(?:for|from|of|among|in|on|to|is|was|has|had|will|would|,|\.|$)")


def find_frames(text: str, ss: int, se: int) -> list[Frame]:
    """Every attribution in the masked sentence `text[ss:se]`, in order of their cues."""
    frames: list[Frame] = []
    colon_head = _speaker_colon(text, ss, se)
    if colon_head is not None:
        return [colon_head]
    for m in verbs.CUE_RE.finditer(text, ss, se):
        cue = m.group("cue")
        cs, ce = m.span("cue")
        if cs > 0 and text[cs - 1] in "-·</@#":
            continue  # 'so-called', an embedded '<tweet …>', a handle or a hashtag
        head = verbs.head_verb(cue)
        low = cue.lower()
        if low == verbs.ACCORDING_TO:
            f = _according_to(text, ss, se, cs, ce, cue)
            if f:
                frames.append(f)
            continue
        if text[max(ss, cs - 5) : cs].lower().endswith("that ") and text[ce : ce + 1] == ",":
            continue  # 'That said, …'
        if verbs.is_act(low) and not _THAT_NEXT.match(text, ce, se):
            continue  # 'declined to comment', 'offered to work': an act, not a statement
        if low == "think" and text.startswith(" tank", ce) or text.startswith("-", ce):
            continue  # 'a think tank', 'talk-radio'
        if low in verbs.LEARNED and low.endswith("s") and not (_THAT_NEXT.match(text, ce, se) or _PERSON_BEFORE.search(text, max(ss, cs - 40), cs)):
            continue  # a learned '-s' form is a plural noun as often ('Harbor shares fell', 'lists of')
        if _NOUN_BEFORE.search(text, max(ss, cs - 12), cs) and not _PRONOUN_CONTRACTION.search(text, max(ss, cs - 12), cs):
            continue  # a noun after a determiner or possessive: 'his comments', 'the states'
        if low == "support" and _SUPPORT_NOUN.match(text, ce, se):
            continue  # 'support for the plan', 'support among women': the noun
        if low == "states" and not (_THAT_NEXT.match(text, ce, se) or _COLON_QUOTE.match(text, ce, se)):
            continue  # 'the two states have yet to be called': 'states' reports only 'states that …'
        if low in verbs.NOUN_LIKE and not (
            _THAT_NEXT.match(text, ce, se)
            or _SINGULAR_SUBJECT.search(text, max(ss, cs - 40), cs)
            or text.endswith(", ", ss, cs) and _CALLED_WHAT.match(text, ce, se)  # 'Jan Brewer, an early supporter, calls the issue …'
        ):
            continue  # 'the next two states will test …'
        if low.startswith(("respond", "return")) and _NO_COMMENT.match(text, ce, se):
            continue  # 'did not respond to requests for comment': nothing was said
        if (
            text[max(ss, cs - 3) : cs] == "to "
            and low not in ("said", "says", "told")
            and not _ASPECT_TO.search(text, max(ss, cs - 16), cs)
            and not (low == "say" and text.endswith("likely to ", max(ss, cs - 10), cs))  # a poll: 'more likely to say that …'
        ):
            # 'refused to say', 'wants to know': an intention, not a statement
            continue
        by = _BY_AGENT.match(text, ce, se) if _PASSIVE_FORM.fullmatch(low) and head not in verbs.WEAK else None
        f = _passive_frame(text, ss, se, cs, ce, cue, by.end(), frames) if by else _verb_frame(text, ss, se, cs, ce, cue, head, frames)
        if f and low in verbs.LEARNED and (f.mention is None or not _source_like(f.mention.text)):
            continue  # 'the process seems to be headed that way': a learned cue needs a source
        if f and by is None and f.mention is not None and low in _ASKED_OF and _BE_BEFORE.search(text, max(ss, cs - 40), cs):
            f.agentless = True  # 'Ruiz was asked whether …': Ruiz is asked; who asked is not said
        if f:
            frames.append(f)
    toks = text[ss:se].split()
    words = set(toks)  # a cheap test before the scans for rarer cues
    extra = (_noun_frames(text, ss, se) if not words.isdisjoint(_REPORT_NOUN_SET) else []) + (
        _hearsay_frames(text, ss, se) if not words.isdisjoint(_HEARSAY_WORDS) else []
    )
    if not words.isdisjoint(STANCE_ADJECTIVES):
        extra += _stance_frames(text, ss, se)
    if _title_case_sentence([w for w in toks if MASK not in w] if MASK in text[ss:se] else toks):
        extra += _headline_frames(text, ss, se)
    if "oll" in text[ss:se] or "urvey" in text[ss:se]:
        extra += _poll_frames(text, ss, se)
    if "asked" in words or "Asked" in words:
        asked = _asked_frames(text, ss, se)
        if asked:  # a cue inside the question ('Asked if she believed …,') is part of it
            spans = [f.pieces[0] for f in asked]
            frames = [f for f in frames if not any(a <= f.cue_start < b for a, b in spans)]
            extra = asked + extra
    if extra:
        taken = [p for f in frames for p in f.pieces]
        for f in extra:
            if not any(a < f.pieces[0][1] and f.pieces[0][0] < b for a, b in taken):
                frames.append(f)
        frames.sort(key=lambda f: f.cue_start)
    _clip(frames, text)
    return frames


# A reporting noun owned by its speaker and opening what was said: "Trump's assertion that
# …", 'his pledge to …', 'Mr. Obama's repeated warnings that …'.
_REPORT_NOUNS = (
    "statement|assertion|claim|claims|suggestion|belief|view|argument|insistence|contention|warning|warnings|"
    "promise|promises|pledge|vow|threat|threats|call|calls|demand|demands|admission|acknowledgment|allegation|"
    "allegations|accusation|accusations|prediction|predictions|hope|fear|fears|comment|comments|remark|remarks|"
    "announcement|proposal|insinuation|complaint|complaints|concern|concerns|assurance|assurances|declaration|"
    "decision|refusal|offer|plan|plans|position|conviction|assessment|charge|charges"
)
_REPORT_NOUN_SET = frozenset(_REPORT_NOUNS.split("|"))
_TO_NOUNS = frozenset("promise promises pledge vow threat threats call calls demand demands decision refusal offer plan plans".split())
# The noun and its link, found first (a cheap scan), then the owner right before the noun.
_NOUN_LINK = re.compile(
    rf"\b(?P<cue>{verbs.trie_pattern(_REPORT_NOUNS.split('|'))})(?:\s+(?:on|last|earlier|this|in)\s+(?:[A-Za-z]+\s+){{0,2}}?(?:week|month|year|Monday|Tuesday|"
    rf"Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+))?,?\s+(?P<link>that|to)\s+(?=\S)"
)
_OWNER = re.compile(rf"(?:\b(?P<pron>his|her|their|His|Her|Their)|(?P<np>{NAME_RUN.pattern})['’]s?)\s+(?:[a-z\-]+\s+){{0,2}}$")
_PRONOUN_OF = {"his": "he", "her": "she", "their": "they"}


def _noun_frames(text: str, ss: int, se: int) -> list[Frame]:
    """Attributions made with a noun instead of a verb: "Trump's assertion that Russia
    should …" (Trump), 'his pledge to cut taxes' (he). The content is the clause after 'that'
    (or the 'to' infinitive after a noun of intention), to the end of the sentence."""
    out: list[Frame] = []
    for m in _NOUN_LINK.finditer(text, ss, se):
        noun = m.group("cue")
        if m.group("link") == "to" and noun not in _TO_NOUNS:
            continue
        o = _OWNER.search(text, max(ss, m.start() - 60), m.start())
        if o is None:
            continue
        if o.group("pron"):
            pron = o.group("pron")
            mention = Mention(o.start("pron"), o.end("pron"), _PRONOUN_OF[pron.lower()])
        else:
            np = o.group("np")
            if not subject_word(np) or is_org(np) and np.split()[0] in ("The", "A"):
                continue
            mention = Mention(o.start("np"), o.end("np"), np)
        start = m.start("link") if m.group("link") == "to" else m.end()
        pieces = _content_after(text, start, se)
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 3:
            out.append(Frame(noun, m.start("cue"), m.end("cue"), mention, pieces, mention.start, m.end("cue")))
    return out


# A stance held and told, in an adjective: 'Many Democrats are afraid that …', 'Trump was
# clearly unhappy with the way he was treated', 'Aides are well aware of these problems'.
STANCE_ADJECTIVES = frozenset(
    """afraid worried concerned convinced confident sure hopeful optimistic pessimistic skeptical sceptical
    certain aware adamant unconvinced doubtful fearful insistent unsure upset angry frustrated disappointed
    pleased happy unhappy glad proud furious outraged alarmed nervous excited eager reluctant unwilling
    willing opposed critical supportive dismissive""".split()
)
_STANCE_LINK = re.compile(
    r"(?<![\w'’])(?P<be>is|are|was|were|am|['’]s|['’]re|['’]m|remains?|remained|seems?|seemed|appears?|appeared|became|become|"
    r"feels?|felt|grew|grows?|stays?|stayed|has\s+been|have\s+been|had\s+been|came\s+away|come\s+away)(?:n['’]t)?"
    r"\s+(?:(?:not|n['’]t|so|very|too|also|still|more|less|all\s+too|increasingly|deeply|clearly|apparently|well|equally|"
    r"particularly|quite|largely|now|no\s+longer|especially|openly|publicly|privately|always)\s+)*"
    r"(?P<cue>" + "|".join(sorted(STANCE_ADJECTIVES)) + r")\b(?P<link>\s+(?:that|about|of|with|in|at|on|to|over|by|whether)\b)?"
)


# The same stance in an aside: 'Republicans, concerned about the party's appeal to women, …',
# '…, confident that Democrats would be drawn to her plans'.
_STANCE_ASIDE = re.compile(
    r",\s+(?:(?:deeply|increasingly|clearly|so|too|also|still|ever|more|less|visibly)\s+)?(?P<cue>"
    + "|".join(sorted(STANCE_ADJECTIVES))
    + r")\s+(?P<link>that|about|of|with|over|whether)\b"
)


# The adjectives whose 'to' opens their stance ('eager to run'); with others 'to' is a
# prediction about the subject ('sure to win').
_STANCE_TO = frozenset("opposed eager willing unwilling reluctant afraid happy glad proud open".split())


def _stance_frames(text: str, ss: int, se: int) -> list[Frame]:
    """Attributions of a stance made with an adjective ('Republicans were optimistic that he
    would win', 'Mr. Trump was critical of the deal'): the subject before the verb 'be' (or
    'seem', 'feel', 'remain', …) holds the stance, and what follows the adjective is its
    content. Only a subject that can be a source (a person, a group, a body) counts, so 'the
    road is clear' or 'it is sure to rain' report nothing."""
    out: list[Frame] = []
    for m in _STANCE_LINK.finditer(text, ss, se):
        subj = subject_before(text, ss, m.start("be"))
        if m.group("be")[:1] in "'’":  # 'they're', 'she's': the pronoun glued to the verb
            word = re.search(r"(\w+)$", text[ss : m.start("be")])
            subj = Mention(m.start("be") - len(word.group(1)), m.start("be"), word.group(1)) if word else None
        if subj is None or subj.relative or subj.text.lower() in ("it", "this", "that", "there", "which", "what"):
            continue
        if not (_person_like(subj.text) or _source_like(subj.text)):
            continue
        start = m.end("link") if m.group("link") and m.group("link").strip() in ("that", "about", "of", "over", "whether") else m.end("cue")
        if m.group("link") and m.group("link").strip() == "to" and m.group("cue") not in _STANCE_TO:
            continue  # 'are sure to win': a prediction about them, not their stance
        pieces = _content_after(text, start, se)
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 2:
            out.append(Frame(m.group("cue"), m.start("cue"), m.end("cue"), subj, pieces, subj.start, m.end("cue")))
    for m in _STANCE_ASIDE.finditer(text, ss, se):
        subj = subject_before(text, ss, m.start()) if m.start() > ss else None
        if subj is None or subj.relative or not (_person_like(subj.text) or _source_like(subj.text)):
            subj = main_subject(text, ss, m.start())  # '… to their precinct captains, confident that …': the sentence subject
        if subj is None:
            continue
        start = m.end("link") if m.group("link") in ("that", "about", "of", "over", "whether") else m.end("cue")
        close = _CLAUSE_END.search(text, start, se)  # an aside ends at its comma
        pieces = _content_after(text, start, close.start() if close and text[close.start() : close.end()].strip() == "," else se)
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 2:
            out.append(Frame(m.group("cue"), m.start("cue"), m.end("cue"), subj, pieces, m.start("cue"), m.end("cue")))
    return out


# 'In a Washington Post-ABC News poll released Sunday, Clinton led …' / '… leads by 9 points
# in the latest CNN poll': the poll is the source of the finding in its sentence.
_IN_POLL = re.compile(
    r"\b(?P<cue>[Ii]n)\s+(?P<np>(?:the|a|an|our|their|its|this|that|[A-Z][\w.\-]*['’]s)\s+[^,;:·]{0,70}?\b(?:[Pp]oll|[Pp]olls|[Ss]urvey)"
    r"|(?:national|state|statewide|recent|several|many|most|some|new|public\s+opinion)\s+polls)"
    r"\b(?!\s+(?:workers?|watchers?|numbers|results|stations?|tax|taxes|position|positions|standing|place)\b)"
)


def _poll_frames(text: str, ss: int, se: int) -> list[Frame]:
    """A finding attributed to a poll by 'in': the rest of the sentence after a leading
    'In … poll,' or the clause before a trailing 'in … poll'."""
    out: list[Frame] = []
    for m in _IN_POLL.finditer(text, ss, se):
        np_end = m.end("np")
        tail = re.match(r"[^,;:·]{0,40}?(?:,|[.!?]?\s*$)", text[np_end:se])  # 'released Sunday,'
        if tail is None:
            continue
        after = np_end + tail.end()
        mention = Mention(m.start("np"), m.end("np"), m.group("np"))
        if not _TEXT_CHAR.search(text, ss, m.start()):
            pieces = _content_after(text, after, se)
        else:
            b = ss
            for bm in re.finditer(r"[;:]\s|,\s(?=(?:but|and|while|although)\s)|\s[—–]\s", text[ss : m.start()]):
                b = ss + bm.end()
            pieces = _content_before(text, _strip_leading_conj(text, b, m.start()), m.start())
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 3:
            out.append(Frame(m.group("cue"), m.start("cue"), m.end("cue"), mention, pieces, m.start(), np_end))
    return out


# 'Asked whether he would run, Ruiz said …', '…, she said when asked about the delay': the
# question is reported too, with no one named as asking it.
_ASKED = re.compile(
    r"(?:^|(?<=[\s,;:—–(]))(?P<cue>[Aa]sked)\s+(?:(?:on|in|at|during|by|last|this|later|again|repeatedly|recently|"
    r"earlier|[A-Z][\w.\-]*|[a-z]+ly)\s+){0,6}?(?P<q>about|whether|if|why|how|what|who|whom|which|when|where)\b"
)


def _asked_frames(text: str, ss: int, se: int) -> list[Frame]:
    """The question in 'Asked whether …,' / 'when asked about …' (up to the comma)."""
    out: list[Frame] = []
    for m in _ASKED.finditer(text, ss, se):
        before = text[ss : m.start("cue")].rstrip()
        if before and not re.search(r"(?:^|[,;:—–(]|\b(?:when|after|when|before|if|once|as)|\bbeing)$", before, re.IGNORECASE):
            continue  # 'Ruiz asked whether …' is the verb's own frame
        end = text.find(",", m.start("q"), se)
        end = se if end < 0 else end
        pieces = _content_after(text, m.start("q"), end)
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 2:
            out.append(Frame(m.group("cue"), m.start("cue"), m.end("cue"), None, pieces, m.start("cue"), m.end("cue")))
    return out


# Headlines in Title Case: 'Senator Ruiz Slams Plan to Close Ferry', 'Voters Say Toll Is
# Unfair'. Cue words are capitalised there like every other word, so a headline is scanned
# with the capitalised finite forms ('Says', 'Slams'; not base forms such as 'Call' or
# 'Support', nor forms that are mostly plural nouns such as 'Plans').
def _title_cue_regex() -> re.Pattern[str]:
    nouns = verbs.NOUN_LIKE - _HEADLINE_VERBS
    forms = {f for f in verbs.ALL_FORMS | verbs.LEARNED if f[-1:] in "sd" and f not in nouns and " " not in f} | _HEADLINE_BASE
    forms |= {f for f in verbs.ALL_FORMS | verbs.LEARNED if " " in f and f.split()[0][-1:] in "sd"}
    titled = [" ".join(w[:1].upper() + w[1:] for w in f.split()) for f in forms] + [f[:1].upper() + f[1:] for f in forms if " " in f]
    return re.compile(r"(?<=\s)(?P<cue>" + verbs.trie_pattern(titled) + r")(?=\s|[.!?]?\s*$)")


# In a headline these are verbs, even those that in prose are more often nouns.
_HEADLINE_VERBS = frozenset("praises blasts slams mocks vows threatens wants touts disputes pledges promises cites".split())
# Base forms after a plural subject ('Voters Say …'), of verbs that are rarely nouns.
_HEADLINE_BASE = frozenset("say tell warn argue insist believe think predict urge want slam blast vow deny admit".split())
_TITLE_CUE: re.Pattern[str] | None = None


def _title_case_sentence(words: list[str]) -> bool:
    """Whether a sentence, as its words (a quoted title inside counts as none), is a Title
    Case headline: four words or more, at most one in five in lower case besides the small
    words (stops at the first few lower-case words)."""
    if len(words) < 4:
        return False
    limit = 0.2 * len(words)  # at least a fifth of the words not small: fail fast on prose
    lower = 0
    for w in words:
        if not w[0].isupper() and w not in _TITLE_SMALL:
            lower += 1
            if lower > limit:
                return False
    big = [w for w in words if w not in _TITLE_SMALL]
    return len(big) >= 4 and sum(w[:1].isupper() for w in big) >= 0.8 * len(big)


_TITLE_SMALL = frozenset("a an the of for to in on at by with from after over and or but as vs. vs".split())


def _headline_frames(text: str, ss: int, se: int) -> list[Frame]:
    """The first cue of a Title Case headline: who before it (from the headline start or
    its last colon or dash), what after it (to a colon, dash or the end)."""
    global _TITLE_CUE
    if _TITLE_CUE is None or _TITLE_CUE_FOR is not verbs.LEARNED:
        _set_title_cue()
    m = _TITLE_CUE.search(text, ss, se)  # type: ignore[union-attr]
    if m is None:
        return []
    b = ss
    for bm in re.finditer(r"[:;|]\s|\s[—–-]\s", text[ss : m.start()]):
        b = ss + bm.end()
    if _sentence_tail_empty(text, m.end(), se):
        # 'Clinton Hid Health Problems, Former White House Doctor Says.': who after the
        # last comma, what before it
        comma = text.rfind(", ", b, m.start())
        if comma < 0:
            return []
        s, e = _trim(text, comma + 1, m.start())
        np = text[s:e]
        pieces = _content_before(text, b, comma)
        if not pieces or len(np.split()) > 6 or not NAME_RUN.fullmatch(np) or not subject_word(np):
            return []
        return [Frame(m.group("cue"), m.start("cue"), m.end("cue"), Mention(s, e, np), pieces, s, m.end())]
    s, e = _trim(text, b, m.start())
    np = text[s:e]
    if not np or len(np.split()) > 8 or not NAME_RUN.fullmatch(np) or not subject_word(np):
        return []
    end = se
    stop = re.search(r":\s|\s[—–]\s|\s-\s", text[m.end() : se])
    if stop:
        end = m.end() + stop.start()
    pieces = _content_after(text, m.end(), end)
    if not pieces:
        return []
    return [Frame(m.group("cue"), m.start("cue"), m.end("cue"), Mention(s, e, np), pieces, s, m.end())]


_TITLE_CUE_FOR: frozenset[str] | None = None


def _set_title_cue() -> None:
    """Build the headline scan for the current learned cues (once, and again if the
    trainer swaps them)."""
    global _TITLE_CUE, _TITLE_CUE_FOR
    _TITLE_CUE, _TITLE_CUE_FOR = _title_cue_regex(), verbs.LEARNED


# Hearsay without a source: 'The Senate is expected to vote Tuesday', 'He is said to be
# furious', 'The FBI is reportedly making arrangements …'. The whole clause is reported.
_HEARSAY = re.compile(
    r"\b(?:(?P<cue>expected|said|believed|thought|rumou?red|reported|projected|predicted|forecast)\s+to\s+"
    r"|(?P<adv>reportedly|allegedly)\s+[a-z])"
)
_HEARSAY_WORDS = frozenset("expected said believed thought rumored rumoured reported projected predicted forecast reportedly allegedly".split())
_EVIDENCE_VERBS = frozenset("show shows showed shown showing suggest suggests suggested indicate indicates indicated find finds found".split())
# Nouns in '-ing' that head a subject ('Polling averages show …'), not participles.
_ING_NOUNS = frozenset("polling spending funding reporting training ruling briefing filing finding hearing meeting".split())
_CLAUSE_ADVERBS = frozenset("now also still already never always even soon once then".split())
# Verbs of saying something to someone: in the passive without 'by' ('was asked whether',
# 'has been told that', 'were urged to') the subject is the one spoken to, not the speaker.
_ASKED_OF = frozenset("asked told urged warned advised informed reminded pressed questioned".split())
# A passive before a participle: 'is widely expected to', 'was formally called to'.
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|also|still|now|long|[a-z]+ly)\s+)*$")


def _hearsay_frames(text: str, ss: int, se: int) -> list[Frame]:
    """Clauses reported with no one named as saying them ('is expected to', 'reportedly'):
    the content is the clause, subject included, and there is no speaker."""
    out: list[Frame] = []
    for m in _HEARSAY.finditer(text, ss, se):
        if m.group("cue"):
            be = _BE_BEFORE.search(text, max(ss, m.start() - 40), m.start())
            if be is None:
                continue
            cue_start, cue_end, at = *m.span("cue"), be.start()
        else:
            cue_start, cue_end, at = *m.span("adv"), m.start()
        b = ss
        for bm in _BOUNDARY.finditer(text, ss, at):
            b = bm.end()
        start = _strip_leading_conj(text, b, at)
        pieces = _content_after(text, start, se)
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 4:
            cue = text[cue_start:cue_end]
            out.append(Frame(cue, cue_start, cue_end, None, pieces, cue_start, cue_end))
    return out


# 'Ruiz: The bridge will reopen.' (headlines, transcripts): a name, a colon, what was said.
_NAME_COLON = re.compile(r"\s*(?P<np>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s*:\s+(?=\S)")
_NOT_SPEAKERS = frozenset(
    "related note update updated photo photos video watch read source sources editor q a by correction "
    "clarification breaking exclusive transcript listen opinion analysis caption credit disclaimer "
    "here there this that what why how when where who the".split()
)


def _speaker_colon(text: str, ss: int, se: int) -> Frame | None:
    m = _NAME_COLON.match(text, ss, se)
    if not m or m.group("np").split()[0].lower().rstrip(".") in _NOT_SPEAKERS or m.group("np").lower() in STOPWORDS:
        return None
    pieces = _content_after(text, m.end(), se)
    if not pieces or len(text[pieces[0][0] : pieces[0][1]].split()) < 3:
        return None
    mention = Mention(m.start("np"), m.end("np"), m.group("np"))
    return Frame(":", m.end("np"), m.end(), mention, pieces, m.start("np"), m.end())


# 'PENCE: Well, look, …' / '"JAKE TAPPER: …': the speaker label that opens a paragraph of a
# transcript, in capitals (the convention of broadcast transcripts), whether or not the
# paragraph sits inside quotation marks that open it and never close.
_TRANSCRIPT_LABEL = re.compile(r"[ \t]*[\"“]?[ \t]*(?P<np>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,3}[A-Z])[ \t]*:[ \t]+(?=\S)")


def transcript_label(text: str, ps: int, pe: int) -> tuple[Mention, int] | None:
    """The speaker a transcript paragraph is labelled with, as a name ('PENCE' -> 'Pence',
    so that it resolves to the person the article names), and where the words spoken start."""
    m = _TRANSCRIPT_LABEL.match(text, ps, pe)
    if not m or len(text[m.end() : pe].split()) < 2:
        return None
    label = m.group("np")
    if label.split()[0].lower().rstrip(".") in _NOT_SPEAKERS or label.lower() in STOPWORDS or label.rstrip(".") in ("Q", "A"):
        return None
    name = " ".join(w if len(w) == 1 else w[0] + w[1:].lower() for w in label.split())
    return Mention(m.start("np"), m.end("np"), name), m.end()


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
_CONCESSIVE = re.compile(r",\s+(?:even\s+)?(?:though|although)\b")


def _content_before(text: str, lo: int, end: int) -> list[tuple[int, int]]:
    s, e = _trim(text, lo, end)
    if e > s and text[s] == "(" and ")" not in text[s:e]:
        s = _trim(text, s + 1, e)[0]  # '(Trump cites …, according to …).': the aside's opening, not what was said
    return [(s, e)] if e > s else []


# 'and', ', and', 'and also' right before a cue: the verb shares the subject before it.
_AND_BEFORE = re.compile(
    r"[\w·.,”\"’]\s*,?\s+(?:and|but)\s+(?:(?:also|then|later|since|now|still|again|even|has|have|had|did|does|not|never|would|will|could|[a-z]+ly)\s+)*$"
)
# '…, saying', '… “founded ISIS,” saying': a comma (maybe inside the closing quotation
# mark, masked as '·') right before a participle.
_FINITE_PAST = re.compile(r"[a-z]+ed|said|told|wrote|thought|knew|felt|found")
_COMMA_BEFORE = re.compile(r",[·”\"’]?\s*$")
# A participle hangs on the sentence subject after a comma or a dash: '…, saying …', '… – saying …'.
_PARTICIPLE_AFTER = re.compile(r"(?:,[·”\"’]?|\s[—–]|—|\s--)\s*$")
_BY_OR_WHILE = re.compile(r"\b(?:by|while)\s+$")


# A subject at the start of a clause: a pronoun or a capitalised name (with a parenthetical
# party and state), then a verb ('Mrs. Clinton tried', 'Sen. Ruiz (D-Md.) has said').
_MAIN_SUBJECT = re.compile(
    rf"\s*(?:(?:And|But|So|Yet|Then)\s+)?(?P<np>(?:He|She|They|We|I|he|she|they|we)\b|{NAME_RUN.pattern})(?:\s*\([^()·]{{1,30}}\))?"
    r"(?=\s+(?:(?:has|have|had|also|then|later|again|was|is|were|would|will|[a-z]+ly)\s+)*"
    r"(?:[a-z]{2,}ed|[a-z]{2,}[^s\W]s|" + _IRREGULAR_FINITE + "|"
    r"taken|given|written|spoken|shown|known|gone|been|done|seen|become|begun|drawn|thrown|held|brought|thought|found|"
    r"was|is|were|are)\b)"  # 'Mr. Trump was just as blunt, claiming …'
)
_NOT_SUBJECT_WORDS: frozenset[str] = STOPWORDS | frozenset(["early", "late"])


def main_subject(text: str, ss: int, end: int) -> Mention | None:
    """The subject of the sentence `text[ss:end]`: the first clause that opens with a name or
    a pronoun and a verb, past an adverbial lead ('At a campaign event in Ames on Sunday,
    Mrs. Clinton tried …, saying …' -> 'Mrs. Clinton', not 'At')."""
    starts = [ss, *(m.end() for m in re.finditer(r",\s|\s[—–]\s", text[ss:end]))]
    for st in starts:
        st = st if st == ss else ss + st
        m = _MAIN_SUBJECT.match(text, st, end)
        if m is None:
            continue
        if subject_word(m.group("np")):
            return Mention(m.start("np"), m.end("np"), m.group("np"))
    m = _ROLE_THEN_NAME_SUBJECT.match(text, ss, end)
    if m is not None and m.group("role").split()[-1].lower() in TITLES:
        # 'Republican presidential candidate Donald Trump quickly took to Twitter, writing …'
        return Mention(m.start("np"), m.end("np"), m.group("np"), m.group("role").strip())
    m = NAME_RUN.match(text, ss, end)  # 'Trump on Saturday criticized …': the name that opens it
    if m is not None and m.group().isupper() and _DATELINE_END.match(text, m.end(), end):
        return None  # 'WASHINGTON (AP) — …': a dateline, no subject
    if m is None or not subject_word(m.group()):
        return None
    return Mention(m.start(), m.end(), m.group())


# A role in lower case between a capitalised word and the name, opening the sentence, then
# a verb: 'Republican presidential candidate Donald Trump quickly took …'.
_ROLE_THEN_NAME_SUBJECT = re.compile(
    rf"\s*(?:(?:And|But|So|Yet|Then)\s+)?(?P<role>[A-Z][\w'’\-]*(?:\s+[a-z][\w'’\-]*){{1,3}})\s+(?P<np>{NAME_RUN.pattern})"
    r"(?=\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|took|made|went|gave|spoke|wrote|sent|said|told)\b)"
)
_DATELINE_END = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^()]{1,20}\))?\s*(?:[—–]|--?)")
_PAST_VERB = re.compile(r"[a-z]{2,}ed|said|told|took|made|went|gave|spoke|wrote|sent|met|left|came|got|kept|ran|won|lost|stood|held|threw|broke|struck|fought")


def _subject_of_first_verb(text: str, ss: int, end: int) -> Mention | None:
    """The words before the clause's first past-tense verb, when they make a speaker-like
    phrase: 'the U.S. Court of Appeals for the 6th Circuit overruled and said …', 'Other
    former CIA officers with no direct knowledge of the case chafed at it and said …'."""
    b = _strip_leading_conj(text, _last_boundary(text, ss, end - 5), end)
    words = list(re.finditer(r"\S+", text[b:end]))
    for i, w in enumerate(words[1:19], start=1):
        if _PAST_VERB.fullmatch(w.group()):
            s, e = b + words[0].start(), b + words[i - 1].end()
            np = text[s:e]
            if _np_ok(np) and _source_like(np) and not _VERB_THEN_OBJECT.search(np):
                return Mention(s, e, np)
            return None
    return None


def subject_word(np: str) -> bool:
    """Whether a capitalised run can be a subject: not 'At', 'On Tuesday', 'Early' ('Mrs.
    Ruiz' is, past its title)."""
    words = [w.lower().rstrip(".") for w in np.split()]
    if words[0] in PRONOUNS:
        return True
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words[0] not in _NOT_SUBJECT_WORDS


# After 'called': a particle or an object that makes it summoning or naming, not a verdict.
# What a body names when it calls something so: a thing the writer points at, not a name.
_CALLED_WHAT = re.compile(r"\s+(?:the|a|an|this|that|these|those|it|them|him|her|his|their|its|themselves|himself|herself|itself)\s")
_CALL_NOT_NAMING = re.compile(
    r"\s+(?:off|back|up|out|in|it\s+quits|for|on|upon|attention|a\s+(?:meeting|vote|press|news|halt|hearing|session)|"
    r"the\s+(?:police|race|vote|shots|meeting)|[A-Z][\w.\-]*[\s,.]*$|[A-Z][\w.\-]*\s+[a-z]+ing\b)"
)


@lru_cache(maxsize=8192)
def _source_like(np: str) -> bool:
    """Whether a subject can be a source of a stance: a name, a pronoun, or a lower-case
    phrase headed by a noun of people or sources ('officials', 'critics', 'the poll').
    Learned cues ('seems to', 'appear to') also follow things ('the process', 'the two
    sides'), which are not sources; bodies ('the appeals court ruled') are."""
    words = np.split()
    if words and words[0].lower() in _NP_DETERMINERS:
        words = words[1:]  # 'The process': the capital is the sentence's, not a name's
    if not words or any(w[:1].isupper() for w in words) or (len(words) == 1 and words[0].lower() in PRONOUNS):
        return True
    head = _head_noun(np).strip(".,")
    return head in _UNNAMED_HEADS or head + "s" in _UNNAMED_HEADS or bool(_AGENTS.search(head)) or head in ORG_WORDS


def _person_like(np: str) -> bool:
    """A pronoun or a capitalised name as written: the subjects that pass verdicts."""
    return np.lower() in ("he", "she", "they", "we", "i", "who") or bool(NAME_RUN.fullmatch(np)) and np.split()[0] not in ("The", "A", "An")


def _verb_frame(text: str, ss: int, se: int, cs: int, ce: int, cue: str, head: str, frames: list[Frame]) -> Frame | None:
    weak = head in verbs.WEAK or (head in verbs.NOMINAL and head not in verbs.SPOKEN_NOMINAL)
    # 'called the plan a disaster', 'described the talks as productive': a verb of naming
    # reports without quotation marks too, unless it names or summons ('a group called
    # Voters First', 'called off the vote', 'called the police'): then only with a quote.
    needs_quote = head in verbs.OBJECT_IS_CONTENT and head.startswith("call")
    lo = frames[-1].cue_end if frames else ss
    lo = max(lo, ss)
    poll = _WITH_SHARE.search(text, max(ss, cs - 80), cs) if head.endswith("ing") and "with " in text[max(ss, cs - 80) : cs] else None
    if poll:
        # '…, with 30 percent of voters saying they …': the share is who says it
        pieces = _content_after(text, _after_that(text, ce, se, head), se)
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 2:
            return Frame(cue, cs, ce, Mention(poll.start("np"), poll.end("np"), poll.group("np")), pieces, poll.start("np"), ce)
    # Participle attached to the sentence subject: '"…," he said, adding that …'
    if head in verbs.PARTICIPLES and (
        _PARTICIPLE_AFTER.search(text, max(ss, cs - 4), cs) or cue in verbs.SPEECH_PARTICIPLES and _BY_OR_WHILE.search(text, max(ss, cs - 7), cs)
    ):
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
    if frames and frames[-1].mention is not None and _COMMA_BEFORE.search(text, max(ss, cs - 4), cs) and _FINITE_PAST.fullmatch(cue):
        # 'He pledged to …, cast doubt on …, suggested that …': a list of what one subject did
        that = _THAT_NEXT.match(text, ce, se)
        pieces = _content_after(text, that.end(), se) if that else []
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 3:
            return Frame(cue, cs, ce, frames[-1].mention, pieces, cs, ce, needs_quote=needs_quote)
    if _AND_BEFORE.search(text, max(ss, cs - 30), cs):
        # 'Ruiz said that … and added that …', 'Ruiz took the floor and said …': a verb sharing
        # the subject before it, with its own content
        shared = _outermost(frames).mention if frames else (_subject_of_first_verb(text, ss, cs) or main_subject(text, ss, cs))
        start = _after_that(text, ce, se, head)
        if head in verbs.OBJECT_FIRST and _TO_NEXT.match(text, _skip_filler(text, ce, se, head), se):
            start = ce  # '… and urged him to resign': who and what, together
        pieces = _content_after(text, start, se)
        if needs_quote and shared is not None and _person_like(shared.text) and not _CALL_NOT_NAMING.match(text, ce, se):
            needs_quote = False  # '… and called it a common ailment'
        if shared is not None and pieces and (MASK in text[pieces[0][0] : pieces[0][1]] or len(text[pieces[0][0] : pieces[0][1]].split()) >= 3):
            return Frame(cue, cs, ce, shared, pieces, cs, ce, needs_quote=needs_quote)
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
        after = _skip_filler(text, ce, se, head)
        that = _THAT_NEXT.match(text, ce, se) or (
            _THAT_NEXT.match(text, after, se) if not (_relative_that(text, ce, after, se) or _WHEN_NEXT.match(text, ce, after)) else None
        )
        if that is None and head in verbs.OBJECT_FIRST:
            that = _OBJECT_THEN_THAT.match(text, ce, se)  # 'told a meeting of Pacific leaders that …'
        if that is None and (aside := _ASIDE_BEFORE_THAT.match(text, after, se)):
            that = _THAT_NEXT.match(text, aside.end(), se)  # 'said on CNN, where he is a contributor, that …'
        has_before = bool(_TEXT_CHAR.search(text, lo, subj.start))
        if that and not has_before:
            return _frame_after(text, cue, cs, ce, subj, that.end(), se, weak, needs_quote, clause=True)
        if has_before and (
            _sentence_tail_empty(text, after, se)
            or _PARTICIPLE_NEXT.match(text, after, se)
            or text.startswith(";", after)
            or after > ce and _WHEN_NEXT.match(text, after, se)  # '…, Obama told his advisers as he labored …'
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
            if re.match(r"\s*[“\"‘'«]", rest) or (
                MASK not in text[lo : subj.start] and not re.match(r"\s*(?:\w+ing|according|in|on|at(?!\s+(?:least|most)\b)|who|which|citing)\b", rest)
            ):
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
    # Inverted: '"…," said Ruiz.' / '…, says Sergei Markov, a former Kremlin adviser.'
    if weak:
        return None
    pre = text[lo:cs].rstrip()
    if pre and pre[-1] not in ",”\"’»" and not pre.endswith(MASK) and not (pre[-1] in "—–-" and _inverted_name(text, ce, se)):
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
        if re.match(r"\s*[“\"‘'«]", rest) or (rest.split() or [""])[0] in _AUX_WORDS:
            # '"…," said Ruiz, "…"' / 'The contrast, said Ruiz, would be clear': the
            # content goes on after the attribution
            pieces += _content_after(text, after + 1, se)
        elif _ASIDE_START.match(rest) and MASK not in rest:
            # '"…," said Ruiz, one of the founders, who …': the rest describes the speaker
            if not _RELATIVE.match(rest):
                # keep a nested appositive ('editor of X, a Moscow-based journal'), stop at a
                # relative clause about something else (', who …')
                desc = _RELATIVE_TAIL.split(rest, maxsplit=1)[0].strip().rstrip(".!?").strip()
                mention.description = desc or None
        elif MASK in rest or any(w in _AUX_WORDS for w in rest.split()) and not _RELATIVE.match(rest):
            pieces += _content_after(text, after + 1, se)
        elif not _RELATIVE.match(rest):
            desc = rest.strip().rstrip(".!?").strip()
            mention.description = desc or None
    return Frame(cue, cs, ce, mention, pieces, cs, np_end, needs_quote=needs_quote)


# What may follow the cue of a sentence that only attributes: nothing, a comma, or an
# adverbial clause ('Ruiz said when asked about it', 'Ruiz told CNN as she left').
_ATTRIBUTION_TAIL = re.compile(r"\s*(?:[,;(]|[.!?]|$|(?:when|as|after|before|while|in|on|at|during|with|to|from|later|again)\b)")
_HOW_PUT = re.compile(
    r"\s*(?:That|This|So|Which)(?:['’]s|\s+(?:is|was))?\s+(?:how|what)\s+(?P<np>[^·,;]{2,60}?)\s+(?:put it|puts it|described it|describes it|"
    r"explained it|explains it|summed it up|sums it up|said|says|told\b[^·]*|wrote|called it)\s*[.!?]?\s*$"
)


_NAME_VERBED = re.compile(
    rf"(?P<np>{NAME_RUN.pattern}|he|she|He|She)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{{3,}}ed)(?:\s+[a-z]+ly)?\s*[.!]?\s*$"
)


def attribution_only(text: str, ss: int, se: int) -> tuple[Mention, str] | None:
    """The speaker of a sentence that only attributes the quotation before it:
    '“…!” Murphy tweeted on Friday.' (the '!' ends the sentence), '“…?” asked Ruiz.',
    'That was how Ruiz put it.', '“…!” Oliver barked.' Returns the mention and the cue, or None when the sentence
    reports anything of its own."""
    lo = ss
    while lo < se and text[lo] in " \t\n”\"’'»":
        lo += 1
    if MASK in text[lo:se]:
        return None
    how = _HOW_PUT.match(text, lo, se)
    if how:
        np = how.group("np")
        return (Mention(how.start("np"), how.end("np"), np), "put it") if _np_ok(np) else None
    bare = _NAME_VERBED.match(text, lo, se)
    if bare and subject_word(bare.group("np")):  # '“…!” Oliver barked.': any verb, nothing more
        return Mention(bare.start("np"), bare.end("np"), bare.group("np")), bare.group("verb")
    m = verbs.CUE_RE.search(text, lo, min(se, lo + 120))
    if m is None:
        return None
    cue = m.group("cue")
    cs, ce = m.span("cue")
    head = verbs.head_verb(cue)
    if head in verbs.WEAK or (head in verbs.NOMINAL and head not in verbs.SPOKEN_NOMINAL) or cue.lower() == verbs.ACCORDING_TO:
        return None
    if cs == lo:  # inverted: '“…?” asked Ruiz.'
        found = subject_after(text, ce, se)
        if not found or not _ATTRIBUTION_TAIL.match(text, _skip_filler(text, found[1], se, "say"), se):
            return None
        return found[0], cue
    subj = subject_before(text, lo, cs)
    if subj is None or re.search(r"[A-Za-z0-9]", text[lo : subj.start]):
        return None
    after = _skip_filler(text, ce, se, head)
    if _THAT_NEXT.match(text, ce, se) or not _ATTRIBUTION_TAIL.match(text, after, se):
        return None
    return subj, cue


_TO_NEXT = re.compile(r"\s+to\s+[a-z]")


def _after_that(text: str, ce: int, se: int, head: str) -> int:
    after = _skip_filler(text, ce, se, head) if head in verbs.OBJECT_FIRST else ce
    that = _THAT_NEXT.match(text, ce, se) or _THAT_NEXT.match(text, after, se)
    return that.end() if that else after


# A past participle with its agent: 'first reported by The Post', 'was asked by a caller'.
_PASSIVE_FORM = re.compile(r"[a-z]+ed|told|written|said|quoted")
_BY_AGENT = re.compile(r"\s+by(?=\s)")
# What stands between a passive's subject and its participle: 'was first', ', first', 'had been'.
_PASSIVE_AUX = re.compile(
    r"(?:\s*,)?(?:\s+(?:was|were|is|are|be|been|being|has|have|had|first|initially|originally|later|also|widely|previously|recently))*\s*$"
)
# Participles whose passive subject is itself what was made known ('The meeting was first
# reported by Politico'); 'The report was written by Ruiz' names an author, not a claim.
_DISCLOSED = frozenset("reported confirmed announced disclosed revealed claimed denied disputed".split())
_AGENT = re.compile(
    r"\s+(?P<np>[^,;:!?·()—–\s][^,;:!?·()—–]*?)(?=\s*(?:[,;:!?()—–]|\.[\s”\"’]*$|$|\s(?:that|whether|why|if|how|what|to|in|on|at|"
    r"during|after|before|when|while|last|earlier|for|about|as|because|and|but)\b))"
)
_AS_LEAD = re.compile(r"\s*(?:(?:And|But|Also)\s+)?[Aa]s\s+(?:(?:was|first|initially|originally|previously|earlier)\s+)*$")
_CLAUSE_AFTER_AGENT = re.compile(r"\s*,?\s*(?:that|whether|why|if|how|what|when|where|who)\b|\s+to\s+[a-z]")


def _passive_frame(text: str, ss: int, se: int, cs: int, ce: int, cue: str, by_end: int, frames: list[Frame]) -> Frame | None:
    """A cue in the passive, its speaker the agent after 'by': 'As reported by Reuters, …',
    'The meeting was first reported by Politico.', 'was asked by a caller why …', 'after
    being warned by the Russian government that …'. What was said is the clause after the
    agent when there is one, else what the sentence says around the attribution."""
    m = _AGENT.match(text, by_end, se)
    if not m or not _np_ok(m.group("np")) or m.group("np").split()[0].lower() in PRONOUNS:
        return None
    agent, np_end = Mention(m.start("np"), m.end("np"), m.group("np")), m.end("np")
    after = _skip_filler(text, np_end, se, "say")
    lo = max(ss, frames[-1].cue_end if frames else ss)
    clause = _CLAUSE_AFTER_AGENT.match(text, after, se)
    if clause:
        that = _THAT_NEXT.match(text, after, se)
        pieces = _content_after(text, that.end() if that else after, se)
        words = text[pieces[0][0] : pieces[0][1]].split() if pieces else []
        return Frame(cue, cs, ce, agent, pieces, cs, after) if len(words) >= 3 else None
    if _AS_LEAD.fullmatch(text, lo, cs):
        if text[after : after + 1] != "," or not _source_like(agent.text):
            return None
        pieces = _content_after(text, after + 1, se)  # 'As reported by Reuters, the talks …'
        return Frame(cue, cs, ce, agent, pieces, lo, after) if pieces else None
    if cue.lower() not in _DISCLOSED or not _source_like(agent.text):
        return None
    aux = _PASSIVE_AUX.search(text, max(lo, cs - 60), cs)  # a window: the scan is end-anchored
    subject_end = aux.start() if aux else cs
    pieces = _content_before(text, lo, subject_end)
    if not pieces or not _TEXT_CHAR.search(text, pieces[0][0], pieces[0][1]):
        return None
    if text[after : after + 1] == "," and text[subject_end : subject_end + 1] == ",":
        pieces += _content_after(text, after + 1, se)  # 'The campaign, first reported by X, is …'
    elif not _sentence_tail_empty(text, after, se):
        return None
    return Frame(cue, cs, ce, agent, pieces, subject_end, after)


# A share of a poll's respondents before a participle: 'with 30 percent of voters saying'.
_WITH_SHARE = re.compile(
    r"\bwith\s+(?P<np>(?:(?:about|nearly|almost|roughly|only|just|more|less|fewer)\s+(?:than\s+)?)?"
    r"(?:\d[\d.,]*\s*(?:%|percent)|[a-z]+(?:-[a-z]+)?\s+in\s+(?:\d+|ten|five|four|three)|a\s+(?:majority|third|quarter|plurality)|half|most|majorities)"
    r"(?:\s+of\s+[^,;·]{1,40}?)?)\s+$"
)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|what|whom)\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[,;(]|\s[—–]|\s-{1,2}\s)")


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


_ABOUT = re.compile(r"\s*about\s+(?=\S)")


# An aside between the cue (and its adverbials) and the 'that' of what was said: 'said on
# CNN, where he is now a paid contributor, that …', 'said — on Twitter, as it happens — that …'.
_ASIDE_BEFORE_THAT = re.compile(r"(?:\s*,\s+(?:where|when)\b[^,;:·—–]{1,80},|\s+(?:[—–]|--)\s[^—–·;:]{1,80}?\s(?:[—–]|--))(?=\s*that\b)")

_HAS_BEFORE = re.compile(r"\b(?:has|have)\s+$")

# A one-word answer as all that was said: 'said yes.', 'said so in December' (after a comma
# the clause may go on: 'said yes, yes, yes, over and over', and is read as before).
_ANSWER = re.compile(
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
    if len(words) < 2 or first in _NOT_CONTENT_START and not quantity and not no_clause:
        if MASK not in text[s:e]:
            return None
    if weak and len(words) < 3:
        return None
    return Frame(cue, cs, ce, subj, pieces, subj.start, ce, needs_quote=needs_quote)


def _it_clause(words: list[str]) -> bool:
    """'it would appeal', 'it actively investigated': 'it', maybe an adverb, then a finite verb."""
    verb = words[2] if words[1].endswith("ly") and len(words) >= 4 else words[1]
    return bool(_CLAUSE_VERB_NEXT.match(verb))


# A finite verb or auxiliary right after 'it', making 'it' the subject of a reported clause.
_CLAUSE_VERB_NEXT = re.compile(
    r"(?:is|was|has|had|will|would|could|should|can|may|might|must|does|did|isn['’]t|wasn['’]t|won['’]t|"
    r"wouldn['’]t|doesn['’]t|didn['’]t|hasn['’]t|[a-z]{2,}ed|[a-z]{2,}[^s\W]s|said|sold|made|took|got|went|came|saw|gave|found|"
    r"thought|told|lost|won|left|became|began|kept|held|brought|paid|met|ran|set|put|knew|meant|felt|cost|hit|cut|grew|fell|rose|spent)$"
)
# 'said about half of …': 'about' before a number opens a clause, not a topic
_QUANTITY = re.compile(r"(?:\d|half|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds|thousands|millions)", re.I)
# After an adverbial that follows a cue ('said on Monday', 'said after the convention'), the
# clause said, known by its subject and auxiliary ('he would', 'the bridge will').
_ADVERBIAL_THEN_CLAUSE = re.compile(
    r"[^,·;:]{1,50}?(?<!\bbefore)(?<!\bafter)(?<!\bwhen)(?<!\bwhile)(?<!\bas)(?<!\bsince)(?<!\buntil)(?<!\bbecause)(?<!\bif)"
    r"\s(?=(?:he|she|they|we|I|it|there)['’](?:s|d|ll|re|ve)\s|(?:he|she|they|we|I)\s+(?:[a-z]{2,}ed|had|was|were|did|knew|thought|saw|took|made|got|felt|[a-z]{2,}n['’]t)\b|(?:he|she)\s+[a-z]{2,}[^s\W]s\b|(?:(?:he|she|they|we|I|it|there)\s+|(?:the|a|an|his|her|their|its|[A-Z][a-z]+)\s+"
    r"(?:(?!(?:he|she|they|we|it|that|which|who|the|a|an)\b)[\w'’\-]+\s+){0,3}?)"
    r"(?:would|will|could|should|can|may|might|must|is|was|are|were|has|had|have|did|does|do|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t)\b)"
)
# Words a reported clause never starts with: the cue took a prepositional phrase or an
# object instead ('reported from Washington', 'agreed with him', 'said so').
_NOT_CONTENT_START = frozenset(
    "to for about of in by with on up off out down it so yes no from at during via through into against "
    "over under after before since".split()
)


# A singular subject that is surely one: a pronoun, or a name of two words or more.
_PERSON_BEFORE = re.compile(r"(?:\b(?:he|she|it|who|He|She|It)|[A-Z][\w.'’\-]*\s+[A-Z][\w'’\-]*[a-z])\s+(?:[a-z]+ly\s+|also\s+|now\s+)?$")


def _according_to(text: str, ss: int, se: int, cs: int, ce: int, cue: str) -> Frame | None:
    m = re.match(r"\s+([^,;:·]+?)(?=\s*(?:[,;:]|[.!?][”\"’]*\s*$|$))", text[ce:se])
    if not m:
        return None
    s, e = ce + m.start(1), ce + m.end(1)
    if text[e - 1] == ")" and "(" not in text[s:e]:
        e -= 1  # '(…, according to Factcheck.org).': the parenthesis closes the sentence's aside
    np = text[s:e]
    before = text[ss:cs]
    # a long source ends the sentence or its lead: 'according to the Roper Center for Public
    # Opinion Research at Cornell University in New York'
    if len(np.split()) > (20 if _sentence_tail_empty(text, e, se) or text.startswith(",", e) else 12):
        return None
    mention = Mention(s, e, np)
    pieces: list[tuple[int, int]] = []
    if _TEXT_CHAR.search(before):
        pieces = _content_before(text, ss, cs)
        if text[e : e + 1] == ",":
            pieces += _content_after(text, e + 1, se)
    else:
        pieces = _content_after(text, e, se)
    return Frame(cue, cs, ce, mention, pieces, cs, e) if pieces else None


_SUBORDINATE_BEFORE = re.compile(r"\b(?:when|because|since|after|before|if|although|though|until|unless|whereas|that|whether|where)\s+$")


def _aside_close(text: str, s: int, at: int, e: int) -> int | None:
    """Where the aside in dashes that holds `at` closes, when it opens after `s` and closes
    before `e` (a content span running from `s` to `e`)."""
    opened = sum(1 for _ in _DASH.finditer(text, s, at)) % 2 == 1
    close = _DASH.search(text, at, e) if opened else None
    return close.start() if close else None


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




_LINK_PHRASE_END = re.compile(r"(?:\s*,?\s*\b(?:and|but|though|although|while|as|because|so)\b[^,;·]{0,30})$")
_LINK_WORD_END = re.compile(r"(?:\s*,?\s*\b(?:and|but|though|although|while|as|because|so)\s*)$")


def _clip(frames: list[Frame], text: str) -> None:
    """A content span stops where the next attribution in the sentence begins; an
    attribution that opens another's content ('Ruiz said she believes …') is part of what
    Ruiz said, not a second quote, and is dropped."""
    nested: list[Frame] = []
    a: Frame | None = None  # the attribution before `b` that is not inside another's content
    for b in frames:
        if a is None or not a.pieces:
            a = b
            continue
        s, e = a.pieces[-1]
        if _nested_in(a, b):
            nested.append(b)
            continue
        if b.mention and b.mention.relative and s < b.attr_start < e:
            a = b  # 'praised what analysts said was …': two claims, the second inside the first
            continue
        cut = b.attr_start if b.attr_start > s else b.cue_start
        close = _aside_close(text, s, cut, e) if s < cut < e else None
        if close is not None:
            # 'that Trump — even as he says … — has proposed little': an attribution in an
            # aside stands, ends with the aside, and the content runs on around it
            if b.pieces and b.pieces[-1][1] > close:
                b.pieces[-1] = _trim(text, b.pieces[-1][0], close)
            continue
        if s < cut < e and b.mention is not None and text.startswith(" who ", b.mention.end):
            a = b  # 'claiming that he had a source who told him …': a relative clause in the content
            continue
        if s < cut < e and b.cue.lower() in verbs.LEARNED and a.cue.lower() in verbs.SAY_TELL and MASK not in text[b.cue_end : e]:
            nested.append(b)  # 'He said he hoped it would encourage a dialogue …': a stance inside what was said
            continue
        if s < cut < e and b.mention is not None and b.mention.start == cut and _SUBORDINATE_BEFORE.search(text, max(s, cut - 12), cut):
            # 'Flynn said Trump was right when he said …': the clause is part of what Flynn
            # said; its own attribution stands only if it quotes someone
            if not any(MASK in text[x:y] for x, y in b.pieces):
                nested.append(b)
            else:
                a = b
            continue
        if s < cut < e:
            ns, ne = _trim(text, s, cut)
            # the link into the next clause is not content: ', and', ', but late Saturday'
            ne2 = _LINK_PHRASE_END.sub("", text[ns:ne]) if b.attr_start > s else text[ns:ne]
            ne2 = _LINK_WORD_END.sub("", ne2)
            ne = ns + len(ne2)
            ns, ne = _trim(text, ns, ne)
            if ne > ns:
                a.pieces[-1] = (ns, ne)
            else:
                a.pieces.pop()
        a = b
    for b in nested:
        frames.remove(b)


# ---------------------------------------------------------------------------------------
# From a mention to a speaker


@dataclass(slots=True)
class SpeakerState:
    """What the reader knows when a pronoun comes: who spoke last, who was named."""

    names: ArticleNames
    last_person: Speaker | None = None
    paragraph_person: Speaker | None = None
    paragraph_start: int = 0


# Someone unnamed, placed by where they are: 'a woman in Worcester', 'a voter from Ohio'.
# People placed by where, when or how they were counted: 'Large majorities of voters in six
# states … on Super Tuesday', 'One in four voters in a New York Times poll'.
_LOCATED_PERSON = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z\-]+\s+){0,2}[a-z]+\s+(?:in|from|near)\s+[A-Z]")
# A share of a group: 'A majority of Republicans', 'Most of the delegates', 'Half of voters'.
_SHARE_OF = re.compile(
    r"(?:[Aa]\s+|[Tt]he\s+)?(?:(?:large|slim|clear|narrow|small|vast)\s+)?"
    r"(?:majority|majorities|minority|most|half|many|some|all|none|few|share|third|quarter|plurality)\s+of\s",
    re.I,
)
_PLACED_PEOPLE = re.compile(r"(?:\S+\s+){0,5}?(?P<head>[a-z][a-z\-]*)(?:\s+[a-z]+ed)?\s+(?:in|from|near|on|at|across|to|by)\s")


def classify(mention: Mention, names: ArticleNames, state: SpeakerState, text: str) -> Speaker:
    raw = mention.text.strip()
    clause = _NAME_THEN_VERB.search(raw)
    if clause:
        # 'Donald Trump unleashed a series of tweets (criticizing …)': the speaker is the
        # name that opens the clause, not the clause
        raw = raw[: clause.end("name")]
    raw = _TRAILING_ADVERBS.sub("", raw) or raw  # 'Bloomberg now (denies)', 'Ruiz also (said)'
    words = raw.split()
    low = raw.lower()
    if low in ("he", "she", "i", "we") or low in ("who", "whom"):
        if low in ("who", "whom"):
            ante = _antecedent(text, mention.start, names)
            if ante is not None:
                return ante
        candidates = [
            state.paragraph_person,
            person_named_between(names, state.paragraph_start, mention.start),
            state.last_person,
            last_person_before(names, mention.start, low),
        ]
        found = [c for c in candidates if c is not None]
        # the most recent person the pronoun can stand for: 'he' never for a 'Ms.'
        who = next((c for c in found if names.agrees(c.name, low)), None)
        if who is not None:
            if who.name and low in ("he", "she") and names.gender_of(who.name) is None and len({c.name for c in found}) == 1:
                names.gender[who.name] = low  # the article's pronoun for this person
            return Speaker(who.name, raw, "person", None)
        return Speaker(None, raw, "person", None)
    if low in ("they", "it", "which"):
        return Speaker(None, raw, "unnamed" if low == "they" else "organisation")
    if low in _ONE_OF:
        apposed = _APPOSED_NAME.match(text, mention.end)
        if apposed is not None:
            # 'One company, Avigilon, sells …. Another, Pelco, announced': the name set off after it
            inner = Mention(apposed.start(1), apposed.end(1), apposed.group(1), mention.description)
            return classify(inner, names, state, text)
    issued = _DOCUMENT_FROM.fullmatch(raw)
    if issued is not None:
        # 'a criminal complaint affidavit from Homeland Security': who issued it speaks; a
        # later 'the affidavit said' is theirs too
        author = issued.group("author")
        kind = "organisation" if is_org(author) or not looks_like_person(bare_name(author)) else "person"
        author = names.resolve_at(author, mention.start) if kind == "person" else author
        names.documents[issued.group("doc").rstrip("s")] = (author, kind)
        return Speaker(author, raw, kind, mention.description)
    same = _THE_DOCUMENT.fullmatch(raw)
    if same is not None and same.group("doc").rstrip("s") in names.documents:
        author, kind = names.documents[same.group("doc").rstrip("s")]
        return Speaker(author, raw, kind, mention.description)
    pair = _PAIR.fullmatch(raw)
    if pair and any(_key_word(w) in ORG_WORDS for w in words):
        # 'United States Citizenship and Immigration Services': one body with 'and' in its name
        return Speaker(raw, raw, "organisation", mention.description)
    if pair:
        # 'Britain and Sweden', 'Ruiz and Hale': both speak; each name resolved as alone
        parts = [pair.group(1), pair.group(2)]
        orgs = [is_org(p) or len(p.split()) == 1 and p.lower() in PLACES for p in parts]
        full = [p if org else _pair_part(p, names, mention.start) for p, org in zip(parts, orgs, strict=True)]
        return Speaker(" and ".join(full), raw, "organisation" if any(orgs) else "person", mention.description)
    # Last capitalised run at the end of the phrase: the name; what precedes is a role.
    runs = list(NAME_RUN.finditer(raw))
    ends_with_run = bool(runs) and raw[runs[-1].end() :].strip(" ,.’'s") == ""
    if (
        ends_with_run
        and words[0] in ("the", "The")
        and len(runs) > 1
        and not looks_like_person(runs[-1].group())
        and any(_key_word(w) in ORG_WORDS for w in words)
        and not any(w in _DOCUMENTS for w in words)  # 'The GOP’s complaint to the … Board'
    ):
        # 'the U.S. Court of Appeals for the 6th Circuit': one body, named in full
        return Speaker(raw[4:], raw, "organisation", mention.description)
    placed = _PLACED_PEOPLE.match(raw) if len(words) > 3 else None
    if placed and not (
        _people_head(placed.group("head")) or placed.group("head") in _SHARE_HEADS or placed.group("head") in _DOCUMENTS or placed.group("head") in _EVIDENCE
    ):
        placed = None
    share = _SHARE_OF.match(raw)
    if ends_with_run and _LOCATED_PERSON.match(raw) or placed or share:
        return Speaker(None, raw, "unnamed", mention.description)  # 'a woman in Worcester, Massachusetts'
    if ends_with_run and not (len(words) == 1 and low in _UNNAMED_HEADS):
        last_run = runs[-1]
        if len(runs) > 1 and raw[runs[-2].end() : last_run.start()].strip() in ("of", "of the") and _person_of_place(runs[-2].group()):
            last_run = runs[-2]  # 'Gov. John Kasich of Ohio', 'Sen. Ruiz of Maryland'
        run = last_run.group()
        prefix = raw[: last_run.start()].strip()
        tokens = run.split()
        while tokens and tokens[0].rstrip(".").lower() in STOPWORDS and len(tokens) > 1 and not (tokens[0] == "New" and tokens[1] in _NEW_PLACES):
            tokens = tokens[1:]  # 'But', 'The', a sentence's 'New', not 'New York'
        if opens_sentence(text, mention.start + max(0, mention.text.find(tokens[0]))):
            tokens = strip_opening_words(tokens)  # 'Throughout', 'Taking Archie', 'Is Sanders'
            if not tokens:
                return Speaker(None, raw, "unnamed", mention.description)
        run = " ".join(tokens)
        body = names.org_named(run, mention.start) if len(tokens) == 1 else None
        if body is not None:
            return Speaker(body, raw, "organisation", mention.description)  # 'Massy': 'Massy Stores'
        person_known = len(tokens) == 1 and names.knows(run)  # 'Bloomberg' after 'Michael R. Bloomberg'
        if prefix.lower() in ("the",) or is_org(run) and not person_known or (prefix and prefix.split()[-1].lower() in ("the",)):
            return Speaker(run, raw, "organisation", mention.description)
        if not names.knows(run) and not person_name_ok(bare_name(run)):
            # no person: a place or a body ('United Kingdom', 'Buckingham Palace'), or an
            # ordinary word that opened the sentence ('Throughout', 'Story')
            if len(tokens) > 1 or is_place(run):
                return Speaker(run, raw, "organisation", mention.description)
            return Speaker(None, raw, "unnamed", mention.description)
        if not person_known and all(t.rstrip(".").lower() in TITLES or t.rstrip(".").lower() in STOPWORDS for t in tokens):
            return Speaker(None, raw, "unnamed", mention.description)  # 'The Senator'; not 'King' after 'Wayne King'
        if any(t.isupper() and len(t) > 1 and t not in ("JD",) for t in tokens) and len(tokens) == 1:
            return Speaker(run, raw, "organisation", mention.description)
        name = names.resolve_at(run, mention.start)
        desc = mention.description
        if desc is None and prefix and any(w[:1].islower() for w in prefix.split()) and prefix.lower() not in ("a", "an", "the"):
            desc = prefix
        return Speaker(name, run, "person", desc)
    definite = _DEFINITE.fullmatch(raw)
    if definite is not None:
        # 'the owner', 'The duchess', 'the former mayor', 'the 24-year-old', 'the couple':
        # the person (or the two) the article gave that role, last before here
        role = definite.group("head")
        named = names.pair_before(mention.start) if role in _TWO_PEOPLE else names.role_person(role, mention.start)
        if named is not None:
            return Speaker(named, raw, "person", mention.description)
        body = names.org_before(raw.split(None, 1)[1], mention.start) if _key_word(role) in ORG_WORDS or role in FIRM_WORDS else None
        if body is not None:
            return Speaker(body, raw, "organisation", mention.description)  # 'the company'
    last = words[-1].lower().strip(".,")
    head = last
    mpre = re.match(r"(.+?)\s+(?P<prep>for|of|at|with|from|in)\s+", raw)
    if mpre:
        head = mpre.group(1).split()[-1].lower()
    # 'a New York judge', 'several former RT journalists', 'groups of protesters': people, unnamed
    if _people_head(head) or mpre and mpre.group("prep") == "of" and _people_head(last):
        return Speaker(None, raw, "unnamed", mention.description)
    if head in ORG_WORDS or head.rstrip("s") in ORG_WORDS:
        return Speaker(re.sub(r"^(?:the|The|a|A|an|An)\s+", "", raw), raw, "organisation", mention.description)
    if runs and not (len(words) > 1 and not any(w[:1].isupper() for w in words[1:])):
        return Speaker(re.sub(r"^(?:the|The)\s+", "", raw), raw, "organisation", mention.description)
    # 'A majority of voters', 'Small groups of protesters': capitalised only where the
    # sentence starts, no name in it
    return Speaker(None, raw, "unnamed", mention.description)


# A definite description of one person (or of two): 'the owner', 'the former mayor'.
# A subject that only counts ('Another', 'One', 'The other'), and the name set off by commas after it.
_ONE_OF = frozenset(["another", "one", "the other", "the second", "a second", "a third", "the third"])
_APPOSED_NAME = re.compile(r",\s+([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}),")

# Adverbs between a subject and its verb that a subject phrase may carry along.
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:now|also|then|still|later|again|too|already|recently|previously|once|never|even|just|often|repeatedly|further|herself|himself|themselves))+$"
)
_DEFINITE = re.compile(r"(?:the|The)\s+(?:[a-z\-]+\s+){0,2}(?P<head>[a-z0-9][a-z0-9\-]*)")
_TWO_PEOPLE = frozenset("couple pair duo two".split())


def _key_word(word: str) -> str:
    """A word as the organisation list holds it: lower case, singular ('Services' -> 'service')."""
    w = word.lower().strip(".,’'")
    return w[:-1] if w.endswith("s") and w[:-1] in ORG_WORDS else w


def _pair_part(part: str, names: ArticleNames, pos: int) -> str:
    """One name of a pair, resolved: the full name the article gives, or, for words the
    article never gives as a name ('Derelict Obama' in a headline), its surname's person."""
    if len(part.split()) >= 2 and not names.named_in_full(part):
        return names.resolve_at(part.split()[-1], pos)
    return names.resolve_at(part, pos)


# A name followed by a finite verb and more: a clause, whose subject is the speaker.
_NAME_THEN_VERB = re.compile(
    r"(?P<name>[A-Z][\w’'\-]*[a-z](?:\s+(?:campaign|nominee|administration|team))?)\s+"
    r"(?!(?:news|times|series|states|affairs|politics|analytics|sports|services|works|relations|industries)\b)"
    r"(?:[a-z]{2,}ed\s+(?!(?:in|on|at|for|from|by|with|to|of|into|about|over|under|after|before|during|since|through|against|among|between|without|within|as|and|or)\b)[a-z]"
    r"|[a-z]{2,}[^s\W'’]s\s+(?:a|an|the|his|her|their|its|to|that|this|it|him|them|more|new)\s)"
)
def _people_head(word: str) -> bool:
    """Whether a noun names people: 'officials', 'judge', 'journalists' (not 'agency')."""
    return (
        word in _UNNAMED_HEADS
        or word.rstrip("s") in _UNNAMED_HEADS
        or word in _ROLE_HEADS
        or bool(_AGENTS.search(word) or _AGENTS.search(word + "s"))  # 'front-runner', 'president'
        and word not in ORG_WORDS
    )


# Singular roles that head a description of an unnamed person ('a New York judge').
_NEW_PLACES = frozenset("York Jersey Hampshire Mexico Orleans Zealand Delhi Haven England".split())
_ROLE_HEADS = frozenset("judge nominee chairman chairwoman doctor candidate lawyer narrator user host anchor mother father".split())
_PAIR = re.compile(rf"({NAME_RUN.pattern})\s+and\s+({NAME_RUN.pattern})")


def _person_of_place(run: str) -> bool:
    """A person's name before 'of' (a title or two names: 'Gov. John Kasich', 'Elena Ruiz'),
    not an organisation ('Bank', 'University')."""
    tokens = run.split()
    if is_org(run) or any(t.rstrip(".").lower() in ORG_WORDS for t in tokens):
        return False
    return len(tokens) >= 2 or tokens[0].rstrip(".").lower() in TITLES


def _antecedent(text: str, pos: int, names: ArticleNames) -> Speaker | None:
    before = text[max(0, pos - 120) : pos].rstrip()
    if not before.endswith(","):
        return None
    runs = list(NAME_RUN.finditer(before))
    if not runs:
        return None
    # the last name closed by a comma: 'McConnell, now the Senate majority leader, who', not 'Senate'
    closed = [r for r in runs if before.startswith(",", r.end())]
    run = (closed or runs)[-1].group()
    if is_org(run):
        return Speaker(run, run, "organisation")
    name = names.resolve_at(run, pos)
    return Speaker(name, run, "person")


def person_named_between(names: ArticleNames, lo: int, hi: int) -> Speaker | None:
    """The first person the text names in [lo, hi): the likely subject a pronoun points to.
    (`names.mentions` is in text order: found by bisection, not a scan of the article.)"""
    i = mention_index(names.mentions, lo)
    if i < len(names.mentions) and names.mentions[i][0] < hi:
        full = names.mentions[i][1]
        return Speaker(full, full, "person")
    return None


def last_person_before(names: ArticleNames, pos: int, pronoun: str = "") -> Speaker | None:
    """The person last named before `pos`, skipping those the pronoun cannot stand for
    (read back from `pos`, found by bisection in the mentions in text order)."""
    mentions = names.mentions
    oblique: str | None = None
    for i in range(mention_index(mentions, pos) - 1, max(-1, mention_index(mentions, pos) - 9), -1):
        at, full = mentions[i]
        if names.agrees(full, pronoun):
            if pronoun in ("he", "she") and names.is_oblique(at) and oblique is None:
                oblique = full  # a subject further back is likelier ('her interview with Winfrey')
                continue
            if oblique is not None and names.gender_of(full) != pronoun:
                break
            return Speaker(full, full, "person") if full else None
    if oblique is not None:
        return Speaker(oblique, oblique, "person")
    for i in range(max(-1, mention_index(mentions, pos) - 9), -1, -1):
        full = mentions[i][1]
        if names.agrees(full, pronoun):
            return Speaker(full, full, "person") if full else None
    return None

