"""What a speaker can look like as written: the noun phrases that may be the subject of a
cue ('Ruiz', 'a spokesman for the firm', 'officials close to the talks', 'Polls'), and the
words they are made of.

`_np_ok` is the test every stage asks of a would-be speaker (short, no verb, no quoted
words; a lower-case phrase must be headed by people, sources or a body); `_source_like`,
`_person_like` and `_people_head` say what kind of source a phrase names; `subject_word`
whether a capitalised run can open a subject ('Mrs. Ruiz', not 'At'). The word lists
(`_UNNAMED_HEADS`, `_EVIDENCE`, `_DOCUMENTS`, `_AGENTS`, …) are the one place each kind of
head noun is listed; `coref.classify` reads them too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from search.quotes.names import NAME_RUN, ORG_WORDS, PRONOUNS, STOPWORDS, TITLES, looks_like_person
from search.quotes.persons import TITLED_OFFICES, is_acronym, is_common_word, is_first_name
from search.quotes.records import MASK

_LY: Final = r"(?!(?:family|ally|rally|assembly|supply|reply|italy|daily|weekly|monthly|quarterly|bully|holly|kelly|sally|molly)\b)[a-z]{3,}ly"


_AUX_WORDS: Final = frozenset("is was were are be been being has have had will would can could should may might must do does did am".split())


_WH_WORDS: Final = frozenset("what whatever whichever whoever however whenever wherever".split())
_INNER_STOP: Final = frozenset("which who whom whose that they he she it we i you there".split())


def _word_key(word: str) -> str:
    """A word lower-cased, unless it is an acronym ('WHO', 'IT', 'US'): never a pronoun."""
    return word if is_acronym(word) else word.lower()


# A subject pronoun (never an object: one opening a phrase is its subject) joined by 'and'
# to the speakers after it: 'she and her husband', 'both he and Rubio'.
PRONOUN_AND: Final = r"(?:[Bb]oth\s+)?(?P<pron>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+and\s+"
PRONOUN_AND_RE: Final = re.compile(PRONOUN_AND)
_SUBORDINATORS: Final = frozenset(
    "if when while unless although though because as since after before until once whether so "
    "but and or in on at for from with without by during among amid despite to of into over "
    "under through".split()
)


_DAY: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


# Records and polls: sources that report what they show (with them 'show' is a cue like 'say').
_EVIDENCE: Final = frozenset(
    """poll polls polling survey surveys average averages records record documents filings emails data figures results
    numbers statistics estimates projections models study studies analysis report reports research
    audit census""".split()
)
_UNNAMED_HEADS: Final = (
    frozenset(
        """spokesman spokeswoman spokesperson spokespeople official officials source sources aide aides
    analyst analysts expert experts critic critics observer observers people person resident residents
    witness witnesses diplomat diplomats lawmaker lawmakers economist economists adviser advisers
    advisor advisors supporter supporters voter voters researcher researchers scientist scientists
    investigator investigators prosecutor prosecutors member members leader leaders officer officers
    representative representatives rep reps staffer staffers insider insiders strategist strategists operative
    operatives others some many most several few observers activists activist employees employee
    executives executive authorities police agents doctors lawyers attorney attorneys friend friends
    colleagues allies opponents rivals protesters organizers candidates delegates donors forecasters
    pollsters historians scholars academics commentators pundits consultants veterans parents teachers
    students workers someone somebody everyone everybody anyone media outlets advocates advocate foes
    nurses patients survivors victims fans shoppers passengers commuters soldiers troops refugees
    migrants villagers locals tenants customers consumers investors traders campaigners volunteers pupils""".split()
    )
    | _EVIDENCE
)


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
    if len(words) == 1 and words[0].lower() in _WH_WORDS:
        return False  # 'Whichever (view ultimately seems more credible …)': a clause's start, no one
    joined = PRONOUN_AND_RE.match(text) if len(words) > 2 else None
    if joined is not None:
        return _np_ok(text[joined.end() :])  # 'She and her husband', 'both he and Rubio': a pronoun joined
    if not _AUX_WORDS.isdisjoint(words) or not _INNER_STOP.isdisjoint(map(_word_key, words)):  # not 'Will' (a name)
        return False
    first = words[0].lower()
    if words[-1] in _DANGLING:
        return False  # 'accused European leaders of': a clause cut short, not a noun phrase
    if len(words) > 1 and words[-1] in _DETERMINER_LAST or len(words) > 2 and words[-1] in _QUANTIFIER_LAST:
        # 'Increased surveillance stirs up some (worry)': the cue is a noun its phrase goes
        # on into; no noun phrase ends in a determiner (a quantifier stands for people
        # only after a word that limits it: 'only some', 'not many')
        return False
    if first[-2:] in ("'s", "’s") and first[:-2] in ("it", "that", "there", "here", "what"):
        return False  # "It's worth noting that …"
    if first in _SUBORDINATORS and not (len(words) > 1 and words[1][:1].isupper() and first in ("and", "but")):
        return False
    gerund = first.endswith("ing") and "-" not in first  # not 'Oscar-winning actress Adaeze Nwosu': an adjective
    if first in ("according", "referring", "citing") or (
        gerund
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
_PLACING: Final = "in|within|at|of|for|from|with|on"

_QUALIFIER_OR_TO: Final = re.compile(rf"\s(?:{_PLACING}|across|to|by)\s")


def _long_np_ok(text: str) -> bool:
    """A subject of ten words or more is a short phrase headed by people, then what places
    them: 'Large majorities of Republican primary voters in six states going to the polls on
    Super Tuesday', 'One in four voters in a New York Times poll', 'The last man to mount a
    major third-party presidential race'. Anything else that long is a clause, not a subject."""
    head = _QUALIFIER_OR_TO.split(text, maxsplit=1)[0]
    if len(head.split()) > 6 or head.split()[0].lower() in ("like", "unlike", "as") or not _np_ok(head) or _VERB_THEN_OBJECT.search(head):
        return False
    words = text.split()
    if any(w in _AUX_WORDS or _word_key(w) in _INNER_STOP for w in words) or words[-1] in _DANGLING or words[-1] in ("and", "but", "or"):
        return False
    if _VERB_IN_QUALIFIER.search(text, len(head)):
        return False  # 'A spokesman for the firm declined to …': a clause, not a subject
    words = head.split()
    if len(words) > 1 and words[-1].endswith("ed"):
        words = words[:-1]  # 'a 46-page suicide analysis released (by …)': the noun before the participle
    noun = words[-1].strip(".,").lower()
    if noun in _NOT_AGENTS:
        return False  # 'Clinton aides sent letters (to …)': a clause, its object ending in '-ers'
    if len(words) > 1 and words[-1][:1].isupper() and "and" not in words and looks_like_person(" ".join(words[-2:])):
        return True  # 'Tenant advocate Amira Haddad of the Nova Scotia Small Business Alliance'
    return _is_source_head(noun) or noun in _SHARE_HEADS or noun in _DOCUMENTS or noun in OFFICES and head.count(" ") < 4


# Offices whose holder speaks for themself ('The president of the Federal Reserve Bank of
# New York'; not 'spokesman', whose words are the body's: search.quotes.coref).
OFFICES: Final = frozenset(TITLED_OFFICES) | frozenset(
    """chairwoman leader mayor commissioner founder owner dean principal superintendent editor judge speaker premier
    ambassador secretary-general executive manager coach captain boss commander treasurer
    duke duchess earl prince princess king queen""".split()
)


# Words ending like agent nouns ('-ers', '-ors', '-ents') that name things, not people.
_NOT_AGENTS: Final = frozenset(
    "letters numbers matters papers orders headquarters waters centers corners borders powers quarters towers offers "
    "answers chambers computers meters filters registers monitors amendments payments".split()
)


# Writings that say things: 'The GOP’s complaint to the D.C. Court of Appeals’ Board on
# Professional Responsibility says …', 'A letter from the American Legion obtained by AP warns'.
_DOCUMENTS: Final = frozenset("complaint complaints letter letters memo memos lawsuit suit filing indictment ruling order statement report study".split())


# Inside a would-be subject: a lower-case word that is no preposition, then an article or
# pronoun object ('Clinton’s victory hands her a majority').
_VERB_THEN_OBJECT: Final = re.compile(
    r"\b(?!(?:of|for|in|at|on|from|with|to|by|and|or|about|over|under|near|across)\b)[a-z]{3,}\s+(?:a|an|the|her|him|them|his|their)\s"
)
# A past tense in what qualifies the head ('declined', 'showed'), unless it is a participle
# before its agent, a place or a time, or ending the phrase ('interviewed by POLITICO',
# 'the voters surveyed in a new poll released Monday').
_VERB_IN_QUALIFIER: Final = re.compile(rf"\b[a-z]{{3,}}ed\b(?!\s+(?:by|in|on|at|last|this|earlier|{_DAY})\b|\s*$)")


# Heads of a subject counting or picking out people: 'Large majorities of …', 'One in four …',
# 'The last man to …'.
_SHARE_HEADS: Final = frozenset("man woman men women majority majorities half one percent most many some".split())


# A noun phrase does not end in a preposition.
_DANGLING: Final = frozenset("of to for with by about from in on at into than as".split())
_DETERMINER_LAST: Final = frozenset("a an the their its our my your every".split())  # never a pronoun (not "some", "each")
_QUANTIFIER_LAST: Final = frozenset("some many several".split())

_QUALIFIER: Final = re.compile(rf"\s(?:{_PLACING}|close|familiar|privy)\s")


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
_AGENTS: Final = re.compile(r"(?:ers|ors|ists|ents|ants|ians)$")

# Words that open a lower-case noun phrase able to be a subject: articles, possessives,
# quantifiers ('his organization', 'nearly three in five', 'both campaigns').
_NP_DETERMINERS: Final = frozenset(
    "the a an another one two three four five some many several most other his her their its our my "
    "both all few multiple nearly about almost roughly more fewer no each every half those these six seven "
    "eight nine ten majority majorities third two-thirds three-fourths three-quarters one-third one-quarter".split()
)


def _speaker_like(np: str) -> bool:
    """A name, a pronoun, or a phrase headed by a noun of people, sources or bodies: not
    'the rules of the party — specifically Rule 40 — adds'."""
    if _person_like(np):
        return True
    head = _head_noun(np).strip(".,").lower()
    return _people_head(head) or head in ORG_WORDS or head in TITLES


# Nouns in '-ing' that head a subject ('Polling averages show …'), not participles.
_ING_NOUNS: Final = frozenset("polling spending funding reporting training ruling briefing filing finding hearing meeting".split())


_NOT_SUBJECT_WORDS: Final[frozenset[str]] = STOPWORDS | frozenset(["early", "late"])


def subject_word(np: str) -> bool:
    """Whether a capitalised run can be a subject: not 'At', 'On Tuesday', 'Early' ('Mrs.
    Ruiz' is, past its title)."""
    words = [w.lower().rstrip(".") for w in np.split()]
    if words[0] in PRONOUNS:
        return True
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words[0] not in _NOT_SUBJECT_WORDS


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


_SENTENCE_ADVERB: Final = re.compile(r"[A-Z][a-z]+(?:at|al|ous|ing|ed|ful|ent|ant|ib|ab|ar|iv|less)e?ly")


def _capital_of_the_sentence(np: str) -> bool:
    """Whether a phrase is capitalised only because it opens a sentence: an ordinary word
    that is no first name, then lower-case words none of which names people or a source
    ('Reached last week in a brief phone (call)', 'However my grocery bill (doesn't seem)'),
    or an adverb alone ('Fortunately'). `_source_like` takes any capital for a name's."""
    words = np.split()
    first = words[0] if words else ""
    if len(words) == 1:
        # by its suffix: the lexicon of capitals has not met every adverb ('Fortunately'),
        # and no surname ends so ('Connolly', 'Daly')
        return _SENTENCE_ADVERB.fullmatch(first) is not None and not is_first_name(first)
    if not first[:1].isupper() or not is_common_word(first) or is_first_name(first) or first.lower() in _NP_DETERMINERS:
        return False
    # no word of people or sources in it ('Protesters marching through …', 'Local leaders now')
    nouns = [w.lower().strip(".,") for w in words]
    return all(w.islower() for w in words[1:]) and not any(_source_like(w) for w in nouns if w.isalpha() and w not in STOPWORDS and w not in PRONOUNS)


def _person_like(np: str) -> bool:
    """A pronoun or a capitalised name as written: the subjects that pass verdicts."""
    return np.lower() in ("he", "she", "they", "we", "i", "who") or bool(NAME_RUN.fullmatch(np)) and np.split()[0] not in ("The", "A", "An")


def _people_head(word: str) -> bool:
    """Whether a noun names people: 'officials', 'judge', 'journalists' (not 'agency')."""
    return _listed_people(word) or bool(_AGENTS.search(word) or _AGENTS.search(word + "s")) and word not in ORG_WORDS  # 'front-runner', 'president'


def _listed_people(word: str) -> bool:
    """A noun of people the lists hold ('leaders', 'employee'), not one a suffix suggests
    ('spent', 'after', 'together' end as agent nouns do)."""
    return word in _UNNAMED_HEADS or word.rstrip("s") in _UNNAMED_HEADS or word in _ROLE_HEADS


# Singular roles that head a description of an unnamed person ('a New York judge').
_ROLE_HEADS: Final = frozenset(
    "judge nominee chairman chairwoman doctor candidate lawyer narrator user host anchor mother father agent "
    # kin and the people close to someone ('the widow of John Smith', 'a cousin of Smith')
    "wife husband son niece nephew widow widower cousin grandson granddaughter grandmother grandfather uncle aunt "
    "fiancé fiancée fiance fiancee girlfriend boyfriend colleague counsel stepfather stepmother stepson stepdaughter sibling".split()
)
