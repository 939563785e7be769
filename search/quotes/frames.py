"""Attribution, one sentence at a time: `find_frames` finds every attribution in a masked
sentence, as a `Frame` (cue, speaker mention, spans of what was said).

For every reporting cue (`verbs.CUE_RE`, see `verbs.py`) it drops the cue words that are no
statement here ('his remarks', 'declined to comment', 'refused to say', 'the states'), then
reads the frame:
- 'according to X' (`_according_to`) and a passive with its agent ('as reported by
  Reuters', `_passive_frame`);
- any other verb: `verb_frames.py` (the subject before the cue, an inverted 'said Ruiz',
  participles, a verb after 'and');
- cues that are no verb in prose (a reporting noun, a stance adjective, a poll, 'Asked …',
  a headline, hearsay, 'Name: …'): `other_frames.py`.
Then `_clip` ends each content span where the next attribution begins, and drops an
attribution that opens another's content ('Ruiz said she believes …' is Ruiz's).

`attribution_only` reads a sentence that only attributes the quotation before it ('“…?”
asked Ruiz.', 'That was how Ruiz put it.').

Mentions become speakers in `coref.py` (`classify`).
"""

from __future__ import annotations

import re
from typing import Final

from search.quotes import verbs
from search.quotes.content import _COLON_QUOTE, _TEXT_CHAR, _THAT_NEXT, _content_after, _content_before, _sentence_tail_empty, _skip_filler, _trim
from search.quotes.mentions import _capital_of_the_sentence, _np_ok, _source_like, subject_word
from search.quotes.names import NAME_RUN, PRONOUNS
from search.quotes.other_frames import (
    _BE_BEFORE,
    _HEARSAY_WORDS,
    _REPORT_NOUN_SET,
    STANCE_ADJECTIVES,
    _asked_frames,
    _headline_frames,
    _hearsay_frames,
    _noun_frames,
    _poll_frames,
    _speaker_colon,
    _stance_frames,
    _title_case_sentence,
)
from search.quotes.records import MASK, Frame, Mention
from search.quotes.subjects import _DASH, _GOING_ON, apposed_name_end, name_after_role, subject_after, subject_before
from search.quotes.verb_frames import _AS_LEAD, _CALLED_WHAT, MEDIUM_THEN_THAT, _nested_in, _verb_frame

_PRONOUN_CONTRACTION: Final = re.compile(r"\b(?:he|she|it|that|who|there|what)['’]s\s+$", re.IGNORECASE)


# A non-answer: 'did not respond to requests for comment', 'did not return phone calls'.
# After 'respond' or 'return', the request (`_NO_COMMENT`); before a request word, the verb
# (`NO_COMMENT_BEFORE`, for a request word taken for a cue: `REQUEST_WORD`).
_REQUEST: Final = r"(?:requests?|messages?|calls?|e-?mails?|inquir(?:y|ies)|queries|questions)"
_NO_COMMENT: Final = re.compile(
    r"(?:\s+to)?\s+(?:(?:repeated|multiple|several|numerous|my|our|his|her|their|a|an|the|email|e-mail|phone|written)\s+)*" + _REQUEST + r"\b"
)
REQUEST_WORD: Final = re.compile(_REQUEST, re.IGNORECASE)
# What 'added' or 'pronounced' takes when it reports no words: a number ('added 24 points',
# 'added 160 security personnel'), 'dead'. (Not 'added a note of caution', which PolNeAR
# counts as words said.)
_ADDED_THING: Final = re.compile(r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|dead)\b)")
_ADD_FORMS: Final = frozenset("add adds added adding pronounced".split())
NO_COMMENT_BEFORE: Final = re.compile(r"\b(?:respond|return)(?:s|ed|ing)?(?:\s+to)?\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)


# A determiner or possessive right before a cue word makes it a noun ('his remarks',
# "Trump's tweet", 'the states', 'a claim', 'no doubt').
_NOUN_BEFORE: Final = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|these|those|whose|no|every)|\w['’]s?)\s+$", re.IGNORECASE)
# A determiner and a degree before an '-ing' form make it an adjective: 'the most demanding
# work', 'a very damning report', 'the most physically and emotionally demanding role'.
_DEGREE_BEFORE: Final = re.compile(
    r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:most|more|less|least|very|so|too|rather|quite)\s+(?:(?:[a-z]+ly|and)\s+){0,3}$", re.IGNORECASE
)
# A quantity of things, perhaps with a word describing them, before a form in '-s': the
# plural of a noun ('so many misogynistic remarks', 'several public statements'), since a
# plural subject takes no verb in '-s'.
# (A word between in '-s' is the plural itself, and the form after it a verb: 'polls taken
# over the past two weeks shows …'.)
_QUANTITY_BEFORE: Final = re.compile(
    r"\b(?:many|several|some|few|numerous|multiple|such|other|more|most|both|all|no|two|three|four|five)\s+(?:[a-z\-]+(?<!s)\s+|[a-z\-]+ous\s+)?$",
    re.IGNORECASE,
)
# What 'found' takes when it reports no finding: a reflexive ('found himself in the thick of
# it') or a way ('found ways to press his agenda', 'found a way around the rule'; the
# learned finder asks it too).
_FOUND_NOT_SAID: Final = re.compile(r"\s+(?:himself|herself|itself|themselves|myself|ourselves|yourself|(?:a|the|new|other)\s+ways?|ways)\b")


def no_finding(cue: str, text: str, ce: int, se: int) -> bool:
    """Whether a form of 'find' ending at `ce` reports no finding (`_FOUND_NOT_SAID`)."""
    return cue.lower() in ("found", "find", "finds", "finding") and _FOUND_NOT_SAID.match(text, ce, se) is not None


# A plural noun, by its ending, and 'and': the '-s' form after it is a noun joined to it
# ('delivering accusations and rebukes that …', 'statements and claims'; the learned
# finder asks it too).
PLURAL_NOUN_AND: Final = re.compile(r"\b[a-z]{2,}(?:tions|sions|ments|ities|ances|ences)\s+(?:and|or)\s+$")
# What stands right before a third-person verb: a name, a
# singular pronoun or a singular noun ('the campaign plans'), never a number or a plural.
_SINGULAR_SUBJECT: Final = re.compile(
    r"(?:(?<![\w.'’\-])[A-Z][\w.'’\-]*[a-z.]|\b(?:he|she|it|who|He|She|It)|[)”\"·]"
    r"|(?<=\s)(?!(?:two|three|four|five|six|seven|eight|nine|ten|several|many|both|all|other|these|those)\s)[a-z\-]+[^s\W])\s+$"
)


# A verb of going on before 'to': 'continued to say', 'went on to argue' report as the cue does.
_ASPECT_TO: Final = re.compile(rf"\b{_GOING_ON}\s+to\s+$")


_SUPPORT_NOUN: Final = re.compile(r"\s*(?:for|from|of|among|in|on|to|is|was|has|had|will|would|,|\.|$)")


_REFERENCE_NUMBER: Final = re.compile(r"\s+(?:the\s+)?(?:incident|reference|ref|crime|log|case|occurrence)\b", re.IGNORECASE)
# Asking not to be named: no statement ('who asked not to be identified', 'requested anonymity',
# 'who did not want to be named').
_ANONYMITY_CUES: Final = frozenset("ask asks asked asking request requests requested requesting want wants wanted wish wished".split())
_ANONYMITY: Final = re.compile(r"\s+(?:(?:not\s+)?to\s+be\s+(?:named|identified|quoted)|(?:for\s+|that\s+)?anonymity)\b")


def asks_anonymity(cue: str, text: str, ce: int, se: int) -> bool:
    """Whether a cue ending at `ce` asks not to be named (`_ANONYMITY`): for the rules and
    the learned finder alike."""
    return cue.lower() in _ANONYMITY_CUES and _ANONYMITY.match(text, ce, se) is not None


def find_frames(text: str, ss: int, se: int) -> list[Frame]:
    """Every attribution in the masked sentence `text[ss:se]`, in order of their cues."""
    frames: list[Frame] = []
    colon_head = _speaker_colon(text, ss, se)
    if colon_head is not None:
        return [colon_head]
    for m in verbs.cues(text, ss, se):
        cue = m.group("cue")
        cs, ce = m.span("cue")
        if cs > 0 and text[cs - 1] in "-·</@#":
            continue  # 'so-called', an embedded '<tweet …>', a handle or a hashtag
        if cue in ("wrote on", "posted on", "writes on", "posts on") and not MEDIUM_THEN_THAT.match(text, ce, se):
            # '“…,” one fan wrote on X.': where it was written, not what about ('wrote on the
            # subject'); the verb alone is the cue
            cue = cue.split()[0]
            ce = cs + len(cue)
        head = verbs.head_verb(cue)
        low = cue.lower()
        if low == verbs.ACCORDING_TO:
            f = _according_to(text, ss, se, cs, ce, cue)
            if f:
                frames.append(f)
            continue
        if text[max(ss, cs - 5) : cs].lower().endswith("that ") and text[ce : ce + 1] == ",":
            continue  # 'That said, …'
        if low.startswith("quot") and _REFERENCE_NUMBER.match(text, ce, se):
            continue  # '…, quoting incident 478 of 12 July': a police appeal's reference, not a quotation
        if low in verbs.QUOTE_ONLY and MASK not in text[ss:se]:
            continue  # 'the hearing went on until midnight': no one going on speaking
        if verbs.is_act(low) and not _THAT_NEXT.match(text, ce, se):
            continue  # 'declined to comment', 'offered to work': an act, not a statement
        if low == "think" and text.startswith(" tank", ce) or text.startswith("-", ce):
            continue  # 'a think tank', 'talk-radio'
        if low in verbs.LEARNED and low.endswith("s") and not (_THAT_NEXT.match(text, ce, se) or _PERSON_BEFORE.search(text, max(ss, cs - 40), cs)):
            continue  # a learned '-s' form is a plural noun as often ('Harbor shares fell', 'lists of')
        if _NOUN_BEFORE.search(text, max(ss, cs - 12), cs) and not _PRONOUN_CONTRACTION.search(text, max(ss, cs - 12), cs):
            continue  # a noun after a determiner or possessive: 'his comments', 'the states'
        if low.endswith("ing") and _DEGREE_BEFORE.search(text, max(ss, cs - 60), cs):
            continue  # an adjective: 'the most physically and emotionally demanding work'
        if low.endswith("s") and (_QUANTITY_BEFORE.search(text, max(ss, cs - 40), cs) or PLURAL_NOUN_AND.search(text, max(ss, cs - 30), cs)):
            continue  # 'so many misogynistic remarks', 'accusations and rebukes': a plural noun
        if no_finding(low, text, ce, se):
            continue  # 'found himself in trouble', 'found ways to press his agenda': no finding reported
        if low == "support" and _SUPPORT_NOUN.match(text, ce, se):
            continue  # 'support for the plan', 'support among women': the noun
        if low == "states" and not (_THAT_NEXT.match(text, ce, se) or _COLON_QUOTE.match(text, ce, se)):
            continue  # 'the two states have yet to be called': 'states' reports only 'states that …'
        if low in verbs.NOUN_LIKE and not (
            _THAT_NEXT.match(text, ce, se)
            or _SINGULAR_SUBJECT.search(text, max(ss, cs - 40), cs)
            or text.endswith(", ", ss, cs)
            and _CALLED_WHAT.match(text, ce, se)  # 'Jan Brewer, an early supporter, calls the issue …'
        ):
            continue  # 'the next two states will test …'
        if low.startswith(("respond", "return")) and _NO_COMMENT.match(text, ce, se):
            continue  # 'did not respond to requests for comment': nothing was said
        if low in _ADD_FORMS and _ADDED_THING.match(text, ce, se) and MASK not in text[ce:se]:
            continue  # 'added 24 points and 15 rebounds', 'was pronounced dead': a deed, not words said
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
        if f and low in verbs.LEARNED and (f.mention is None or not _source_like(f.mention.text) or _capital_of_the_sentence(f.mention.text)):
            continue  # 'the process seems to be headed that way': a learned cue needs a source
        spoken_of = head.split()[0] in _SPOKEN_OF and not _TO_HAVE_SAID.match(text, ce, se)
        if f and by is None and f.mention is not None and (low in _ASKED_OF or spoken_of) and _BE_BEFORE.search(text, max(ss, cs - 40), cs):
            # 'Ruiz was asked whether …': Ruiz is asked; 'Roof is accused of killing …', 'Sanders
            # is seen as …': spoken of; who spoke is not said
            if f.pieces[0][0] < cs:
                continue  # '… after the winner was declared': what is spoken of follows the verb, or nothing was
            f.agentless = True
        if f:
            frames.append(f)
    sentence = text[ss:se]
    toks = sentence.split()
    words = set(toks)  # a cheap test before the scans for rarer cues
    extra = (_noun_frames(text, ss, se) if not words.isdisjoint(_REPORT_NOUN_SET) else []) + (
        _hearsay_frames(text, ss, se) if not words.isdisjoint(_HEARSAY_WORDS) else []
    )
    if not words.isdisjoint(STANCE_ADJECTIVES):
        extra += _stance_frames(text, ss, se)
    if _title_case_sentence([w for w in toks if MASK not in w] if MASK in sentence else toks):
        extra += _headline_frames(text, ss, se)
    if "oll" in sentence or "urvey" in sentence:
        extra += _poll_frames(text, ss, se)
    if "asked" in words or "Asked" in words:
        asked = _asked_frames(text, ss, se)
        if asked:  # a cue inside the question ('Asked if she believed …,') is part of it
            spans = [f.pieces[0] for f in asked]
            # and 'asked' after 'when' or a passive's 'was' is the question's, not a verb with a
            # subject before it ('he told Reuters in Macau when asked if …': not 'Reuters in Macau
            # when' asking; 'Reagan was once asked how …': not Reagan)
            cues = {f.cue_start for f in asked if _ASKED_REDUCED.search(text, max(ss, f.cue_start - 30), f.cue_start)}
            for f in asked:
                if text.endswith(", ", ss, f.cue_start) and any(
                    g.cue_start > f.pieces[-1][1] and g.mention is not None and g.mention.start < f.cue_start for g in frames
                ):
                    # 'Thibodeau, asked about …, said …': the one asked, in an aside between the
                    # subject and its verb, is not the one asking (a participle there is the
                    # subject's own: 'Durbin, noting that …, said'); but 'Ruth Marcus, an
                    # editor, asked Mook if …' asks
                    cues.add(f.cue_start)
                    f.agentless = True
            frames = [f for f in frames if f.cue_start not in cues and not any(a <= f.cue_start < b for a, b in spans)]
            extra = asked + extra
    if extra:
        taken = [p for f in frames for p in f.pieces]
        for f in extra:
            if not any(a < f.pieces[0][1] and f.pieces[0][0] < b for a, b in taken):
                frames.append(f)
        frames.sort(key=lambda f: f.cue_start)
    _clip(frames, text)
    if "anonymity" in sentence or "to be " in sentence:
        # 'one resident, who asked not to be named': how they spoke, not what they said
        frames = [f for f in frames if not asks_anonymity(f.cue, text, f.cue_end, se)]
    if not words.isdisjoint(verbs.MANNER):
        # 'as the audience laughed and applauded', 'Smith snapped a photo of the crowd, which
        # chanted “…”': a manner of speaking reports a quotation beside it, nothing else
        frames = [f for f in frames if f.cue.lower() not in verbs.MANNER or any(MASK in text[a:b] for a, b in f.pieces)]
    return frames


_ASKED_REDUCED: Final = re.compile(r"\b(?:when|after|before|once|if|as|while|being|was|were|is|are|been|be)(?:\s+(?:[a-z]+ly|once|also|again))?\s+$")


# Verbs of saying something to someone: in the passive without 'by' ('was asked whether',
# 'has been told that', 'were urged to') the subject is the one spoken to, not the speaker.
_ASKED_OF: Final = frozenset("asked told urged warned advised informed reminded pressed questioned ordered instructed directed".split())
# Verbs whose passive subject is what others say or think something of ('is seen as', 'was
# accused of', 'is said to be'), never the one who says it; not 'expected' ('is expected to
# announce': the subject will speak) nor 'quoted' ('was quoted as saying').
_SPOKEN_OF: Final = frozenset(
    "seen viewed considered regarded known described called labeled labelled branded dubbed accused alleged rumored rumoured "
    "said reported thought believed declared deemed portrayed perceived criticized criticised blamed praised credited "
    "mentioned cited found announced revealed hailed touted forecast projected predicted estimated tipped".split()
)
# '… is reported to have called the Saudis “free riders”': the subject did say it.
_TO_HAVE_SAID: Final = re.compile(
    r"\s+to\s+have\s+(?:[a-z]+ly\s+|also\s+)?(?:said|told|called|claimed|argued|warned|written|described|complained|insisted|suggested|remarked|asked|urged)\b"
)


# What may follow the cue of a sentence that only attributes: nothing, a comma, or an
# adverbial clause ('Ruiz said when asked about it', 'Ruiz told CNN as she left').
_ATTRIBUTION_TAIL: Final = re.compile(r"\s*(?:[,;(]|[.!?]|$|(?:when|as|after|before|while|in|on|at|during|with|to|from|later|again)\b)")
_HOW_PUT: Final = re.compile(
    r"\s*(?:That|This|So|Which)(?:['’]s|\s+(?:is|was))?\s+(?:how|what)\s+(?P<np>[^·,;]{2,60}?)\s+(?:put it|puts it|described it|describes it|"
    r"explained it|explains it|summed it up|sums it up|said|says|told\b[^·]*|wrote|called it)\s*[.!?]?\s*$"
)


_NAME_VERBED: Final = re.compile(
    rf"(?P<np>{NAME_RUN.pattern}|he|she|He|She)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{{3,}}ed)(?:\s+[a-z]+ly)?"
    r"(?:\s+(?:on|in|at|during|to|after|before|while|from)\s+[^.,;:!?·]{1,40})?\s*[.!]?\s*$"  # 'Toomey fumed on Tuesday.'
)


_ALNUM: Final = re.compile(r"[A-Za-z0-9]")


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
    if subj is None or _ALNUM.search(text, lo, subj.start):
        return None
    after = _skip_filler(text, ce, se, head)
    if _THAT_NEXT.match(text, ce, se) or not _ATTRIBUTION_TAIL.match(text, after, se):
        return None
    return subj, cue


# A past participle with its agent: 'first reported by The Post', 'was asked by a caller'.
_PASSIVE_FORM: Final = re.compile(r"[a-z]+ed|told|written|said|quoted")
_BY_AGENT: Final = re.compile(r"\s+by(?=\s)")
# What stands between a passive's subject and its participle: 'was first', ', first', 'had been'.
_PASSIVE_AUX: Final = re.compile(
    r"(?:\s*,)?(?:\s+(?:was|were|is|are|be|been|being|has|have|had|first|initially|originally|later|also|widely|previously|recently))*\s*$"
)
# Participles whose passive subject is itself what was made known ('The meeting was first
# reported by Politico'); 'The report was written by Ruiz' names an author, not a claim.
_DISCLOSED: Final = frozenset("reported confirmed announced disclosed revealed claimed denied disputed".split())
_AGENT: Final = re.compile(
    r"\s+(?P<np>[^,;:!?·()—–\s][^,;:!?·()—–]*?)(?=\s*(?:[,;:!?()—–]|\.[\s”\"’]*$|$|\s(?:that|whether|why|if|how|what|to|in|on|at|"
    r"during|after|before|when|while|last|earlier|for|about|as|because|and|but)\b))"
)


_CLAUSE_AFTER_AGENT: Final = re.compile(r"\s*,?\s*(?:that|whether|why|if|how|what|when|where|who)\b|\s+to\s+[a-z]")


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
        if _PREPOSITION_LEAD.match(text, pieces[0][0], pieces[0][1]):
            # 'In the speech, first disclosed by the Aspen Times, the former mayor argued …':
            # what was disclosed is a noun in an adverbial, and the clause after has its own
            # speaker; not 'The campaign, first reported by X, is …'
            return None
        pieces += _content_after(text, after + 1, se)  # 'The campaign, first reported by X, is …'
    elif not _sentence_tail_empty(text, after, se):
        return None
    return Frame(cue, cs, ce, agent, pieces, subject_end, after)


_PREPOSITION_LEAD: Final = re.compile(r"(?:In|At|On|During|From|With|For|After|Before|Under|Over|Through|Throughout|Among)\s")


# A singular subject that is surely one: a pronoun, or a name of two words or more.
_PERSON_BEFORE: Final = re.compile(r"(?:\b(?:he|she|it|who|He|She|It)|[A-Z][\w.'’\-]*\s+[A-Z][\w'’\-]*[a-z])\s+(?:[a-z]+ly\s+|also\s+|now\s+)?$")


# The source after 'according to': up to a comma, a colon or the sentence end.
_SOURCE_AFTER: Final = re.compile(r"\s+((?:[^,;:·]|,(?=\d{3}\b))+?)(?=\s*(?:,(?!\d{3}\b)|[;:]|[.!?][”\"’]*\s*$|$))")  # not at '78,000'


def _according_to(text: str, ss: int, se: int, cs: int, ce: int, cue: str) -> Frame | None:
    m = _SOURCE_AFTER.match(text[ce:se])
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
    mention = name_after_role(text, s, e, se) or Mention(s, e, np)  # 'according to the firm’s chief, Tim Cook'
    e = apposed_name_end(text, e, se) or e  # the name is the source's, whoever it names
    pieces: list[tuple[int, int]] = []
    if _TEXT_CHAR.search(before):
        pieces = _content_before(text, ss, cs)
        if text[e : e + 1] == "," and (
            not _FINITE_VERB.search(before)
            or MASK in text[e : e + 4]
            or _SUBORDINATE_LEAD.match(before)  # 'While most were elevated …, according to X, two were upgraded'
            or _SUBORDINATE_BEFORE.search(before.rstrip(" ,") + " ")  # '… 30 years ago after, according to him, Televisa …'
            or before.rstrip().endswith(":")  # 'And it hasn’t gone unnoticed: according to recent polls, Trump holds …'
            or _CLAUSE_GOES_ON.match(text, e + 1, se)  # '…, according to X, but his pathway is narrowing'
        ):
            # 'The economy, according to the IMF, will grow': the clause goes on; not after a
            # whole one ('34 people were killed, according to the ministry, figures the UN
            # considers reliable': what follows describes the source)
            pieces += _content_after(text, e + 1, se)
    else:
        pieces = _content_after(text, e, se)
    return Frame(cue, cs, ce, mention, pieces, cs, e) if pieces else None


_SUBORDINATE_LEAD: Final = re.compile(r"\s*(?:While|Although|Though|If|Because|Unless|Whereas)\b")  # (not 'Since the start of the war')
_CLAUSE_GOES_ON: Final = re.compile(r"\s*(?:but|and|although|though|while|yet|so)\s")
_FINITE_VERB: Final = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do|[a-z]{3,}ed)\b")
_SUBORDINATE_BEFORE: Final = re.compile(r"\b(?:when|because|since|after|before|if|although|though|until|unless|whereas|that|whether|where)\s+$")


def _aside_close(text: str, s: int, at: int, e: int) -> int | None:
    """Where the aside in dashes that holds `at` closes, when it opens after `s` and closes
    before `e` (a content span running from `s` to `e`)."""
    opened = sum(1 for _ in _DASH.finditer(text, s, at)) % 2 == 1
    close = _DASH.search(text, at, e) if opened else None
    return close.start() if close else None


_LINK_PHRASE_END: Final = re.compile(r"(?:\s*,?\s*\b(?:and|but|though|although|while|as|because|so)\b[^,;·]{0,30})$")
_LINK_WORD_END: Final = re.compile(r"(?:\s*,?\s*\b(?:and|but|though|although|while|as|because|so)\s*)$")


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
