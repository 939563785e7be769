"""Attributions `find_frames` adds beside those of reporting verbs in prose:

- a reporting noun owned by its speaker: "Trump's assertion that …", 'his pledge to …';
- a stance adjective: 'Democrats are afraid that …', ', confident that …';
- a poll: 'In a Washington Post-ABC News poll released Sunday, Clinton led …';
- a question: 'Asked whether he would run, …' (no one named as asking);
- a Title Case headline: 'Senator Ruiz Slams Plan to Close Ferry';
- hearsay without a source: 'is expected to', 'reportedly';
- a name and a colon ('Ruiz: The bridge will reopen.'), and `transcript_label`, the
  capitalised speaker label of a transcript paragraph ('PENCE: …').
"""

from __future__ import annotations

import re
from typing import Final

from search.quotes import verbs
from search.quotes.content import _CLAUSE_END, _TEXT_CHAR, _content_after, _content_before, _sentence_tail_empty, _strip_leading_conj, _trim
from search.quotes.mentions import _people_head, _person_like, _source_like, subject_word
from search.quotes.names import _PARTICLE_SET, NAME_RUN, STOPWORDS, TITLES, _key, is_org
from search.quotes.persons import LOWERISH_SHARE, capital_share
from search.quotes.records import Frame, Mention
from search.quotes.subjects import _BOUNDARY, main_subject, subject_before

# A reporting noun owned by its speaker and opening what was said: "Trump's assertion that
# …", 'his pledge to …', 'Mr. Obama's repeated warnings that …'.
_REPORT_NOUNS: Final = (
    "statement|assertion|claim|claims|suggestion|belief|view|argument|insistence|contention|warning|warnings|"
    "promise|promises|pledge|vow|threat|threats|call|calls|demand|demands|admission|acknowledgment|allegation|"
    "allegations|accusation|accusations|prediction|predictions|hope|fear|fears|comment|comments|remark|remarks|"
    "announcement|proposal|insinuation|complaint|complaints|concern|concerns|assurance|assurances|declaration|"
    "decision|refusal|offer|plan|plans|position|conviction|assessment|charge|charges"
)
_REPORT_NOUN_SET: Final = frozenset(_REPORT_NOUNS.split("|"))
_TO_NOUNS: Final = frozenset("promise promises pledge vow threat threats call calls demand demands decision refusal offer plan plans".split())
# The noun and its link, found first (a cheap scan), then the owner right before the noun.
_NOUN_LINK: Final = re.compile(
    rf"\b(?P<cue>{verbs.trie_pattern(_REPORT_NOUNS.split('|'))})(?:\s+(?:on|last|earlier|this|in)\s+(?:[A-Za-z]+\s+){{0,2}}?(?:week|month|year|Monday|Tuesday|"
    rf"Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+))?,?\s+(?P<link>that|to)\s+(?=\S)"
)
_OWNER: Final = re.compile(rf"(?:\b(?P<pron>his|her|their|His|Her|Their)|(?P<np>{NAME_RUN.pattern})['’]s?)\s+(?:[a-z\-]+\s+){{0,2}}$")
_PRONOUN_OF: Final = {"his": "he", "her": "she", "their": "they"}


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
STANCE_ADJECTIVES: Final = frozenset(
    """afraid worried concerned convinced confident sure hopeful optimistic pessimistic skeptical sceptical
    certain aware adamant unconvinced doubtful fearful insistent unsure upset angry frustrated disappointed
    pleased happy unhappy glad proud furious outraged alarmed nervous excited eager reluctant unwilling
    willing opposed critical supportive dismissive""".split()
)
_STANCE_LINK: Final = re.compile(
    r"(?<![\w'’])(?P<be>is|are|was|were|am|['’]s|['’]re|['’]m|remains?|remained|seems?|seemed|appears?|appeared|became|become|"
    r"feels?|felt|grew|grows?|stays?|stayed|has\s+been|have\s+been|had\s+been|came\s+away|come\s+away)(?:n['’]t)?"
    r"\s+(?:(?:not|n['’]t|so|very|too|also|still|more|less|all\s+too|increasingly|deeply|clearly|apparently|well|equally|"
    r"particularly|quite|largely|now|no\s+longer|especially|openly|publicly|privately|always)\s+)*"
    r"(?P<cue>" + "|".join(sorted(STANCE_ADJECTIVES)) + r")\b(?P<link>\s+(?:that|about|of|with|in|at|on|to|over|by|whether)\b)?"
)


# The same stance in an aside: 'Republicans, concerned about the party's appeal to women, …',
# '…, confident that Democrats would be drawn to her plans'.
_STANCE_ASIDE: Final = re.compile(
    r",\s+(?:(?:deeply|increasingly|clearly|so|too|also|still|ever|more|less|visibly)\s+)?(?P<cue>"
    + "|".join(sorted(STANCE_ADJECTIVES))
    + r")\s+(?P<link>that|about|of|with|over|whether)\b"
)


# The adjectives whose 'to' opens their stance ('eager to run'); with others 'to' is a
# prediction about the subject ('sure to win').
_STANCE_TO: Final = frozenset("opposed eager willing unwilling reluctant afraid happy glad proud open".split())


_LAST_WORD: Final = re.compile(r"(\w+)$")


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
            word = _LAST_WORD.search(text[ss : m.start("be")])
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
_IN_POLL: Final = re.compile(
    r"\b(?P<cue>[Ii]n)\s+(?P<np>(?:the|a|an|our|their|its|this|that|[A-Z][\w.\-]*['’]s)\s+(?:(?!\b(?:to|after|before|until|since|head|heads|go|goes|went)\b|[—–])[^,;:·]){0,70}?\b(?:[Pp]oll|[Pp]olls|[Ss]urvey)"
    r"|(?:national|state|statewide|recent|several|many|most|some|new|public\s+opinion)\s+polls)"
    r"\b(?!\s+(?:workers?|watchers?|numbers|results|stations?|tax|taxes|position|positions|standing|place)\b)"
)


_POLL_TAIL: Final = re.compile(r"[^,;:·]{0,40}?(?:,|[.!?]?\s*$)")
_POLL_CLAUSE: Final = re.compile(r"[;:]\s|,\s(?=(?:but|and|while|although)\s)|\s[—–]\s")


def _poll_frames(text: str, ss: int, se: int) -> list[Frame]:
    """A finding attributed to a poll by 'in': the rest of the sentence after a leading
    'In … poll,' or the clause before a trailing 'in … poll'."""
    out: list[Frame] = []
    for m in _IN_POLL.finditer(text, ss, se):
        np_end = m.end("np")
        tail = _POLL_TAIL.match(text[np_end:se])  # 'released Sunday,'
        if tail is None:
            continue
        after = np_end + tail.end()
        mention = Mention(m.start("np"), m.end("np"), m.group("np"))
        if not _TEXT_CHAR.search(text, ss, m.start()):
            pieces = _content_after(text, after, se)
        else:
            b = ss
            for bm in _POLL_CLAUSE.finditer(text[ss : m.start()]):
                b = ss + bm.end()
            pieces = _content_before(text, _strip_leading_conj(text, b, m.start()), m.start())
        if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) >= 3:
            out.append(Frame(m.group("cue"), m.start("cue"), m.end("cue"), mention, pieces, m.start(), np_end))
    return out


# 'Asked whether he would run, Ruiz said …', '…, she said when asked about the delay': the
# question is reported too, with no one named as asking it.
_ASKED: Final = re.compile(
    r"(?:^|(?<=[\s,;:—–(]))(?P<cue>[Aa]sked)\s+(?:(?:on|in|at|during|by|last|this|later|again|repeatedly|recently|"
    r"earlier|[A-Z][\w.\-]*|[a-z]+ly)\s+){0,6}?(?P<q>about|whether|if|why|how|what|who|whom|which|when|where)\b"
)


_ASKED_AFTER: Final = re.compile(r"(?:^|[,;:—–(]|\b(?:when|after|when|before|if|once|as)|\bbeing)$", re.IGNORECASE)


def _asked_frames(text: str, ss: int, se: int) -> list[Frame]:
    """The question in 'Asked whether …,' / 'when asked about …' (up to the comma)."""
    out: list[Frame] = []
    for m in _ASKED.finditer(text, ss, se):
        before = text[ss : m.start("cue")].rstrip()
        if before and not _ASKED_AFTER.search(before):
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
_HEADLINE_VERBS: Final = frozenset("praises blasts slams mocks vows threatens wants touts disputes pledges promises cites".split())
# Base forms after a plural subject ('Voters Say …'), of verbs that are rarely nouns.
_HEADLINE_BASE: Final = frozenset("say tell warn argue insist believe think predict urge want slam blast vow deny admit".split())
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


_TITLE_SMALL: Final = frozenset("a an the of for to in on at by with from after over and or but as vs. vs".split())


_HEADLINE_BREAK: Final = re.compile(r"[:;|]\s|\s[—–-]\s")
_HEADLINE_STOP: Final = re.compile(r":\s|\s[—–]\s|\s-\s")


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
    for bm in _HEADLINE_BREAK.finditer(text[ss : m.start()]):
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
    comma = text.rfind(", ", b, m.start())
    if comma >= 0:
        b = comma + 2  # 'Railing Against Trump, Sanders Vows To …': the subject after the lead
    s, e = _trim(text, b, m.start())
    e = _headline_name_end(text, s, e, se)
    np = text[s:e]
    if not np or len(np.split()) > 8 or not NAME_RUN.fullmatch(np) or not subject_word(np):
        return []
    end = se
    stop = _HEADLINE_STOP.search(text[m.end() : se])
    if stop:
        end = m.end() + stop.start()
    pieces = _content_after(text, m.end(), end)
    if not pieces:
        return []
    return [Frame(m.group("cue"), m.start("cue"), m.end("cue"), Mention(s, e, np), pieces, s, m.end())]


def _headline_name_end(text: str, s: int, e: int, se: int) -> int:
    """Where the name before a headline's cue ends: before the first word after its first
    that prose writes in lower case ('Backs' of "France’s Marine Le Pen Backs Trump And
    Denounces", 'Got' of 'Selenis Leyva Got Real About Being Called'), unless the article
    writes that word capitalised inside a sentence too ('Price' of 'Tom Price Says')."""
    body = text[se:]
    words = list(_WORD.finditer(text, s, e))
    for k, w in enumerate(words):
        word = w.group()
        if k and (word.endswith("ing") or _key(word) in TITLES or _people_head(word.lower())):
            continue  # 'Shooting Survivors', 'Benghazi Widow Dorothy Woods': a name may follow
        if _lower_in_prose(word, body):
            # cut only after a name (every word before it one prose capitalises, the last no
            # role: 'Christian Speaker Just Shared' names no one) and before a few words of
            # its own verb phrase (not a clause: 'Fox News Just Uncovered A Video That …')
            before = words[k - 1].group() if k else ""
            named = k > 0 and _key(before) not in TITLES and not _people_head(before.lower()) and not before.endswith("ing")
            return _trim(text, s, w.start())[1] if named and len(words) - k <= 5 else e
    return e


def _lower_in_prose(word: str, body: str) -> bool:
    """A word prose writes in lower case, and this article's body never capitalises
    inside a sentence ('Backs', 'Just'; not 'Price' where the body names Tom Price)."""
    return capital_share(word) <= LOWERISH_SHARE and word.lower() not in _PARTICLE_SET and re.search(rf"[a-z,;] {re.escape(word)}\b", body) is None


_WORD: Final = re.compile(r"[A-Z][\w’'\-]*")
_TITLE_CUE_FOR: frozenset[str] | None = None


def _set_title_cue() -> None:
    """Build the headline scan for the current learned cues (once, and again if the
    trainer swaps them)."""
    global _TITLE_CUE, _TITLE_CUE_FOR
    _TITLE_CUE, _TITLE_CUE_FOR = _title_cue_regex(), verbs.LEARNED


# Hearsay without a source: 'The Senate is expected to vote Tuesday', 'He is said to be
# furious', 'The FBI is reportedly making arrangements …'. The whole clause is reported.
_HEARSAY: Final = re.compile(
    r"\b(?:(?P<cue>expected|said|believed|thought|rumou?red|reported|projected|predicted|forecast)\s+to\s+"
    r"|(?P<adv>reportedly|allegedly)\s+[a-z])"
)
_HEARSAY_WORDS: Final = frozenset("expected said believed thought rumored rumoured reported projected predicted forecast reportedly allegedly".split())


# A passive before a participle: 'is widely expected to', 'was formally called to'.
_BE_BEFORE: Final = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|also|still|now|long|[a-z]+ly)\s+)*$")


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
_NAME_COLON: Final = re.compile(r"\s*(?P<np>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s*:\s+(?=\S)")
_NOT_SPEAKERS: Final = frozenset(
    "related note update updated photo photos video watch read source sources editor q a by correction "
    "clarification breaking exclusive transcript listen opinion analysis caption credit disclaimer "
    "here there this that what why how when where who the "
    # a section's label ('Background:', 'Flashback:': Axios and its imitators)
    "background context details flashback methodology meanwhile plus also".split()
)


def _speaker_colon(text: str, ss: int, se: int) -> Frame | None:
    if text.find(":", ss, se) < 0:
        return None  # no colon: no label (most sentences; a find in C, not the match)
    m = _NAME_COLON.match(text, ss, se)
    if not m:
        return None
    np = m.group("np")
    if np.split()[0].lower().rstrip(".") in _NOT_SPEAKERS or np.lower() in STOPWORDS:
        return None
    if " " not in np and _lower_in_prose(np, text) and not _source_like(np.lower()):
        return None  # 'Revealed: …', 'Contributing: …', 'Bombshell: …': a word, no source (not 'Poll: …')
    pieces = _content_after(text, m.end(), se)
    if not pieces or len(text[pieces[0][0] : pieces[0][1]].split()) < 3:
        return None
    mention = Mention(m.start("np"), m.end("np"), np)
    return Frame(":", m.end("np"), m.end(), mention, pieces, m.start("np"), m.end())


# 'PENCE: Well, look, …' / '"JAKE TAPPER: …': the speaker label that opens a paragraph of a
# transcript, in capitals (the convention of broadcast transcripts), whether or not the
# paragraph sits inside quotation marks that open it and never close.
_TRANSCRIPT_LABEL: Final = re.compile(r"[ \t]*[\"“]?[ \t]*(?P<np>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,3}[A-Z])[ \t]*:[ \t]+(?=\S)")


def transcript_label(text: str, ps: int, pe: int) -> tuple[Mention, int] | None:
    """The speaker a transcript paragraph is labelled with, as a name ('PENCE' -> 'Pence',
    so that it resolves to the person the article names), and where the words spoken start."""
    if text.find(":", ps, pe) < 0:
        return None  # no colon: no label
    m = _TRANSCRIPT_LABEL.match(text, ps, pe)
    if not m or len(text[m.end() : pe].split()) < 2:
        return None
    label = m.group("np")
    if label.split()[0].lower().rstrip(".") in _NOT_SPEAKERS or label.lower() in STOPWORDS or label.rstrip(".") in ("Q", "A"):
        return None
    name = " ".join(w if len(w) == 1 else w[0] + w[1:].lower() for w in label.split())
    return Mention(m.start("np"), m.end("np"), name), m.end()
