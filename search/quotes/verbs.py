"""The reporting words: every verb or phrase that can introduce what someone said.

This is the single list the extractor uses; add a verb here and it is recognised in every
construction (quote + verb + speaker, speaker + verb + clause, clause-final attribution,
participles such as ', adding that …'). Forms are written out rather than derived with
suffix rules, because English reporting verbs are irregular often enough (said, told,
wrote, thought) that rules would cost more than the list.

Besides verbs of saying, the list holds verbs of belief and finding (`WEAK`: a clause must
follow) and of stance and intention (`NOMINAL`: 'criticized the plan', 'wants to leave',
whose object is what is attributed), because news attributes those to sources too.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

# Verbs of the manner of speaking ('“This is a disgrace,” fumed Jacob Rees-Mogg', '“Not
# again,” she sighed'): cues only for a quotation beside them; elsewhere they are acts or
# feelings ('the crowd laughed and applauded', 'he snapped a photo'), and their forms in
# '-s' are nouns as often ('the fumes', 'cries'), so only the past is listed.
_MANNER: Final[dict[str, tuple[str, ...]]] = {
    base: tuple(past.split())
    for base, past in {
        "fume": "fumed",
        "snap": "snapped",
        "gush": "gushed",
        "laugh": "laughed",
        "sigh": "sighed",
        "scream": "screamed",
        "mutter": "muttered",
        "cry": "cried",
        "thunder": "thundered",
        "rage": "raged",
        "rant": "ranted",
        "grumble": "grumbled",
        "groan": "groaned",
        "chuckle": "chuckled",
        "enthuse": "enthused",
        "marvel": "marveled marvelled",
    }.items()
}
MANNER: Final = frozenset(f for forms in _MANNER.values() for f in forms)

# base form: other forms (3rd person, past, participle, -ing)
_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "add": ("adds", "added", "adding"),
    "write": ("writes", "wrote", "written", "writing"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "post": ("posts", "posted"),
    "warn": ("warns", "warned", "warning"),
    "argue": ("argues", "argued", "arguing"),
    "insist": ("insists", "insisted", "insisting"),
    "recall": ("recalls", "recalled", "recalling"),
    "muse": ("muses", "mused"),
    "note": ("notes", "noted", "noting"),
    "claim": ("claims", "claimed", "claiming"),
    "report": ("reports", "reported"),
    "announce": ("announces", "announced", "announcing"),
    "believe": ("believes", "believed"),
    "think": ("thinks", "thought"),
    "state": ("states", "stated", "stating"),
    "explain": ("explains", "explained", "explaining"),
    "acknowledge": ("acknowledges", "acknowledged", "acknowledging"),
    "suggest": ("suggests", "suggested", "suggesting"),
    "predict": ("predicts", "predicted", "predicting"),
    "assert": ("asserts", "asserted", "asserting"),
    "declare": ("declares", "declared", "declaring"),
    "admit": ("admits", "admitted", "admitting"),
    "concede": ("concedes", "conceded", "conceding"),
    "contend": ("contends", "contended", "contending"),
    "maintain": ("maintains", "maintained"),
    "reply": ("replies", "replied"),
    "respond": ("responds", "responded"),
    "answer": ("answers", "answered"),
    "ask": ("asks", "asked"),
    "continue": ("continues", "continued"),
    "confirm": ("confirms", "confirmed", "confirming"),
    "deny": ("denies", "denied", "denying"),
    "reveal": ("reveals", "revealed", "revealing"),
    "disclose": ("discloses", "disclosed"),
    "indicate": ("indicates", "indicated", "indicating"),
    "observe": ("observes", "observed"),
    "remark": ("remarks", "remarked"),
    "comment": ("comments", "commented", "commenting"),
    "complain": ("complains", "complained", "complaining"),
    "conclude": ("concludes", "concluded"),
    "estimate": ("estimates", "estimated"),
    "emphasize": ("emphasizes", "emphasized", "emphasised", "emphasising"),
    "stress": ("stresses", "stressed", "stressing"),
    "promise": ("promises", "promised", "promising"),
    "pledge": ("pledges", "pledged"),
    "vow": ("vows", "vowed", "vowing"),
    "boast": ("boasts", "boasted"),
    "joke": ("jokes", "joked"),
    "quip": ("quips", "quipped"),
    "allege": ("alleges", "alleged"),
    "charge": ("charges", "charged"),
    "testify": ("testifies", "testified"),
    "reiterate": ("reiterates", "reiterated"),
    "repeat": ("repeats", "repeated"),
    "agree": ("agrees", "agreed"),
    "hint": ("hints", "hinted"),
    "mention": ("mentions", "mentioned"),
    "point out": ("points out", "pointed out", "pointing out"),
    "caution": ("cautions", "cautioned"),
    "counter": ("counters", "countered"),
    "fear": ("fears", "feared"),
    "hope": ("hopes", "hoped"),
    "expect": ("expects", "expected"),
    "know": ("knows", "knew"),
    "feel": ("feels", "felt"),
    "worry": ("worried",),
    "describe": ("describes", "described", "describing"),
    "call": ("calls", "called", "calling"),
    "accuse": ("accuses", "accused", "accusing"),
    "urge": ("urges", "urged"),
    "find": ("finds", "found"),
    "show": ("shows", "showed", "shown"),
    "learn": ("learns", "learned", "learnt"),
    "recount": ("recounts", "recounted"),
    "exclaim": ("exclaims", "exclaimed"),
    "scoff": ("scoffs", "scoffed"),
    "lament": ("laments", "lamented"),
    "proclaim": ("proclaims", "proclaimed"),
    "affirm": ("affirms", "affirmed"),
    "retort": ("retorts", "retorted"),
    "shout": ("shouts", "shouted"),
    "yell": ("yells", "yelled"),
    "whisper": ("whispers", "whispered"),
    "assure": ("assures", "assured"),
    "inform": ("informs", "informed"),
    "notify": ("notifies", "notified"),
    "brag": ("brags", "bragged"),
    "speculate": ("speculates", "speculated"),
    "surmise": ("surmises", "surmised"),
    "reckon": ("reckons", "reckoned"),
    "guess": ("guesses", "guessed"),
    "clarify": ("clarifies", "clarified"),
    # stance towards a person or a policy: the object is what is attributed
    "criticize": ("criticizes", "criticized", "criticised", "criticizing"),
    "endorse": ("endorses", "endorsed", "endorsing"),
    "praise": ("praises", "praised", "praising"),
    "defend": ("defends", "defended", "defending"),
    "support": ("supports", "supported"),
    "express": ("expresses", "expressed", "expressing"),
    "oppose": ("opposes", "opposed", "opposing"),
    "reject": ("rejects", "rejected", "rejecting"),
    "dismiss": ("dismisses", "dismissed", "dismissing"),
    "blame": ("blames", "blamed", "blaming"),
    "question": ("questions", "questioned", "questioning"),
    "propose": ("proposes", "proposed", "proposing"),
    "cite": ("cites", "cited"),
    "condemn": ("condemns", "condemned", "condemning"),
    "denounce": ("denounces", "denounced", "denouncing"),
    "applaud": ("applauds", "applauded"),
    "welcome": ("welcomed",),
    "slam": ("slams", "slammed", "slamming"),
    "blast": ("blasts", "blasted", "blasting"),
    "mock": ("mocks", "mocked", "mocking"),
    "demand": ("demands", "demanded", "demanding"),
    "dispute": ("disputes", "disputed"),
    "tout": ("touts", "touted", "touting"),
    "call for": ("calls for", "called for", "calling for"),
    # intention and wish: an object or a 'to' infinitive
    "want": ("wants", "wanted"),
    "plan": ("plans", "planned"),
    "seek": ("seeks", "sought"),
    "threaten": ("threatens", "threatened", "threatening"),
    "decline": ("declines", "declined"),
    "refuse": ("refuses", "refused"),
    **_MANNER,
}

# Every verb's base form ('add', 'say', 'warn'): the form a modal or 'to' takes.
VERB_BASES: Final = frozenset(_VERBS)


def _forms(bases: list[str]) -> frozenset[str]:
    """Every form of each base verb ('vow' -> vow, vows, vowed, vowing)."""
    return frozenset(form for base in bases for form in (base, *_VERBS[base]))


# The plainest verbs of speech: what they report, a stance inside it is part of.
SAY_TELL: Final[frozenset[str]] = _forms(["say", "tell"])

# Verbs that report a mental state or a finding rather than an utterance. They count as
# cues only with a clause after them ('believes that …', 'polls show Trump leads'), never
# with a quote before them ('"…," he believes' is rare and 'believes in' is not speech).
WEAK: Final[frozenset[str]] = frozenset(
    "believe believes believed think thinks thought know knows knew feel feels felt hope hopes hoped "
    "expect expects expected fear fears feared worry worries worried find finds found show shows "
    "showed shown learn learns learned learnt guess guessed reckon reckons reckoned".split()
)

# A verb and a preposition that take a stance on what follows ('warned against …', 'argued in
# favor of …', 'came out in support of …'): the object after them is the content.
STANCE_PHRASES: Final[frozenset[str]] = frozenset(
    [f"{v} against" for v in ("warn", "warns", "warned", "warning", "rail", "rails", "railed", "railing")]
    + [f"{v} {p}" for v in ("argue", "argues", "argued", "arguing") for p in ("against", "in favor of", "in favour of")]
    + [f"{v} out {p}" for v in ("come", "comes", "came", "coming", "speak", "speaks", "spoke", "speaking") for p in ("against", "in support of", "in favor of")]
)

# Verbs whose object is what is attributed ('criticized the plan', 'wants a recount',
# 'endorsed Ruiz'): content after the verb only, never a clause before it.
NOMINAL: frozenset[str] = (
    _forms(
        "criticize endorse praise defend support oppose reject dismiss blame question propose cite condemn "
        "denounce applaud welcome slam blast mock demand dispute tout want plan seek threaten decline "
        "refuse deny urge accuse promise pledge vow express".split()
        + ["call for"]
    )
    | STANCE_PHRASES
)

# Third-person verb forms that are more often plural nouns ('six states', 'the plans', 'his
# remarks'): cues only after a name or he/she/it/who, or before 'that'.
NOUN_LIKE: Final[frozenset[str]] = frozenset(
    "states plans claims calls questions supports demands reports notes answers comments remarks tweets "
    "posts charges counters cites fears hopes promises pledges vows threatens wants praises blasts slams "
    "mocks disputes touts".split()
)

# Of those, the ones that also report an utterance, so that '"…," Ruiz vowed.' and '…, he
# promised.' put the content before them.
SPOKEN_NOMINAL: Final[frozenset[str]] = _forms("deny urge accuse promise pledge vow demand threaten".split())

# Of those, the ones whose content may be a 'to' infinitive ('wants to leave', 'vowed to fight').
INFINITIVE: frozenset[str] = _forms("want plan seek threaten decline refuse promise pledge vow urge hope expect".split())

# Verbs that take a direct object before the reported content: 'told reporters that …',
# 'described the talks as …', 'called the delay "a betrayal"'.
OBJECT_FIRST: Final[frozenset[str]] = frozenset(
    "tell tells told telling assure assures assured inform informs informed notify notifies notified "
    "warn warns warned warning remind reminds reminded ask asks asked urge urges urged "
    "accuse accuses accused accusing".split()
)

# Verbs whose object is itself the content: 'described the talks as "a step"',
# 'called the delay "a betrayal"'. With these, the span runs from after the verb.
OBJECT_IS_CONTENT: Final[frozenset[str]] = frozenset("describe describes described describing call calls called calling".split())

# Participles that attach a further statement to the subject of the sentence:
# '"…," he said, adding that …'.
PARTICIPLES: frozenset[str] = frozenset(
    form
    for forms in _VERBS.values()
    for form in forms
    if form.split()[0].endswith("ing")  # also 'calling for'
)

# Cues that report only a 'that' clause or a quotation after them: with a bare object or
# adverbial they are acts ('maintained an energetic pace', 'responded on Twitter', 'responded
# enthusiastically by easing sanctions'); content before them is still reported.
CLAUSE_ONLY: Final[frozenset[str]] = _forms("maintain respond".split())

# Acts, not statements: 'declined to comment', 'decided to run', 'offered to work', 'sought
# office', 'failed to show', 'named a successor', 'presented a plan', and
# the verbs of doing that the learned finder may meet ('approved a move', 'signed', 'voted',
# 'hired', 'launched', 'charged a premium' is `charge` with no clause: see CLAUSE_ONLY). What
# follows them is what someone did, not what they said or believe, so they are no cues at
# all, whether hand-written or learned, unless a 'that' clause follows ('decided that …').
# PolNeAR annotates some of these as attributions; the users of a quote search and the
# variety set's convention do not count them, and neither does the extractor.
ACTS: Final[frozenset[str]] = frozenset(
    ["decide to", "decides to", "decided to", "deciding to", "refuse to", "refusing to", "agreed to", "charged with"]
    + """decide decides decided deciding decline declines declined refuse refuses refused
    offer offers offered offering seek seeks sought
    fail fails failed failing accept accepts accepted acquiesced acquiescing aimed aiming aims
    designed devoted devotes devoting distanced distances documenting documents
    ignore ignored ignores ignoring listed lists named naming persuade persuaded persuading
    presented presenting presents promote promoted promoting resist resisted resisting resists
    scare scared scares shocked shocks titled titles
    approve approves approved approving back backs backed backing sue sues sued suing
    damage damages damaged damaging track tracks tracked tracking hire hires hired hiring
    fire fires fired firing sign signs signed signing vote votes voted voting launch launches
    launched launching arrest arrests arrested build builds built building buy buys bought
    sell sells sold selling pay pays paid paying spend spends spent spending raise raises
    raised raising win wins won winning lose loses lost losing visit visits visited visiting
    meet meets met meeting travel travels traveled travelled join joins joined joining
    leave leaves left leaving enter enters entered entering provide provides provided
    providing deal deals dealt strike strikes struck kill kills killed killing
    open opens opened close closes closed closing donate donates donated donating
    fund funds funded funding appoint appoints appointed appointing nominate nominated
    file files filed filing""".split()
)


def is_act(cue: str) -> bool:
    """Whether `cue` reports an act rather than speech or a stated view."""
    return cue.lower() in ACTS


# Cues that report a view held rather than words said ('believes', 'wants', 'opposes'):
# PolNeAR annotates them as attributions and users search them, but a user who asks what
# someone said can leave them out (`Quote.cue_class`).
STANCE: Final[frozenset[str]] = (
    WEAK
    | _forms("want plan seek hope expect support oppose endorse".split())
    | frozenset(
        """favor favors favored favoring favour favours favoured doubt doubts doubted suspect suspects
    suspected understand understands understood consider considers considered view views viewed
    regard regards regarded prefer prefers preferred agree agrees agreed disagree disagrees
    disagreed""".split()
    )
)


def cue_class(cue: str | None) -> str:
    """'stance' for a cue that reports a view held, else 'speech' (a quotation with no cue
    is speech: someone's words in quotation marks)."""
    if not cue:
        return "speech"
    low = cue.lower()
    if low in STANCE_PHRASES or low.startswith("according to"):
        return "speech"
    return "stance" if head_verb(cue) in STANCE else "speech"


# Cues whose 'about …' names what was spoken of ('asked Carson about his ties to …',
# 'joked about the crowd'): that topic is the content.
TOPIC: Final[frozenset[str]] = _forms("ask write tweet complain joke boast brag warn testify".split())

# Of those, the ones that report speech itself, which also hang on the subject after 'by' or
# 'while' ('began by saying he would …', 'while insisting that …'), where other participles
# ('by adding low-income areas', 'by comparing') are means, not statements.
SPEECH_PARTICIPLES: Final[frozenset[str]] = (
    frozenset(
        "saying telling arguing insisting noting claiming stating explaining warning writing tweeting announcing suggesting "
        "implying asking emphasizing promising questioning".split()
    )
    & PARTICIPLES
)

# Phrasal verbs that are another cue's synonym and behave as it does: '“I am shocked,” she
# went on.' is '… she continued.' (the learned list has 'went on' as a cue of its own, which
# needs a clause after it and so missed the quotation before it). They report only in a
# sentence with a quotation: 'the hearing went on until midnight' says nothing.
_PHRASAL_HEADS: Final = {"went on": "continued", "goes on": "continues"}
QUOTE_ONLY: Final = frozenset(_PHRASAL_HEADS) | MANNER

# Multi-word cues, tried before single verbs so the longest reading wins.
PHRASES: Final[tuple[str, ...]] = (
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
    "was quoted saying",
    # what a recording lets one hear: '“…,” the man could be heard saying.'
    "could be heard saying",
    "can be heard saying",
    "is heard saying",
    "was heard saying",
    "were heard saying",
    "be heard saying",
    "went on to say",
    "went on to add",
    "made clear",
    "shot back",
    "fired back",
    "chimed in",
    "made it clear",
    *_PHRASAL_HEADS,
)

ACCORDING_TO: Final = "according to"


# Base forms that are also common nouns ('the state', 'a post', 'a call') are cues only in
# this short list of verbs that are rarely anything else.
_BASE_FORMS: Final[frozenset[str]] = frozenset(
    "say tell add write tweet warn argue insist recall note claim believe think explain acknowledge "
    "suggest predict assert declare admit concede contend maintain ask agree fear hope expect know "
    "feel worry describe accuse urge find show point out criticize endorse praise defend oppose reject "
    "dismiss blame propose cite condemn denounce applaud mock want support "
    # verbs only, never nouns: 'Prosecutors allege that …', 'Documents reveal that …'
    "allege confirm deny disclose emphasize indicate proclaim reckon reiterate reveal speculate surmise testify".split(" ")
) | {"point out", "call for"}


def _all_forms() -> list[str]:
    forms: set[str] = set()
    for base, others in _VERBS.items():
        if base in _BASE_FORMS:
            forms.add(base)
        forms.update(others)
    return sorted(forms, key=len, reverse=True)


ALL_FORMS: Final[frozenset[str]] = frozenset(_all_forms())

# ---- learned cues -----------------------------------------------------------------------
# Beyond the verbs of saying, news attributes stances to sources with a long tail
# of verbs ('decried', 'lambasted', 'expressed', 'pointed to', 'referring to'). Which of
# those are reliable enough to report is measured, not guessed: `bench/train_cues.py` runs
# the extractor over annotated training news with every candidate as a cue and keeps those
# whose predictions are mostly real attributions. They behave as stance verbs (`NOMINAL`):
# the object or clause after the verb is what is attributed, never text before it.
LEARNED_PATH: Final = Path(str(files("search.quotes"))) / "cues.json"
# (The package's data files are found through the package, not through `__file__`: a
# module compiled with mypyc (see setup.py) is given a `__file__` that is not its own path.)


def load_learned(path: Path = LEARNED_PATH) -> dict[str, float]:
    """The learned cues and their measured precision ({} when the file is absent), so the
    extractor still runs, with the hand-written list alone, without the trained file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): float(v) for k, v in data.get("cues", {}).items()}


LEARNED: frozenset[str] = frozenset(c for c in load_learned() if c not in ALL_FORMS and c not in _PHRASAL_HEADS)


_KNOWN_CUES: Final = ALL_FORMS | LEARNED


def plural_present(cue: str) -> bool:
    """Whether a cue's verb is in the form a plural subject takes ('say', 'prefer'), by
    the cue lists themselves: a base form of a verb of saying, or a learned cue word whose
    '-s' form is a cue too ('accept', 'accepts'). Past forms and '-s' forms are not."""
    word, space, rest = cue.partition(" ")  # 'agree', ' ', 'with'
    if word in _VERBS:
        return True
    return not word.endswith(("s", "ed", "ing")) and any(f"{word}{ending}{space}{rest}" in _KNOWN_CUES for ending in ("s", "es"))


def trie_pattern(words: list[str]) -> str:
    """One regular expression for a list of words, factored by shared prefixes so that the
    scan does not try every word at every position (a plain alternation of a few hundred
    words is several times slower). Longer words win over their prefixes."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie)


def cue_regex(extra: frozenset[str] | set[str] = frozenset()) -> re.Pattern[str]:
    """The scan for every cue: phrases, 'according to', every verb form, and `extra` (the
    learned cues); longest reading first."""
    return re.compile(r"\b(?P<cue>" + trie_pattern([*PHRASES, *STANCE_PHRASES, "according to", "According to", *_all_forms(), *extra]) + r")\b")


_HEADS: Final[dict[str, str]] = {}  # cue as written -> its head verb (`head_verb`; emptied by `with_learned`)


def with_learned(learned: frozenset[str]) -> None:
    """Make `learned` the learned cues: in the scan, and treated as stance verbs (object or
    'to' infinitive after them, '…, citing …' as a participle). Called once at import, and
    by the trainer to try candidates."""
    global LEARNED, CUE_RE, CUE_ASCII, NOMINAL, INFINITIVE, PARTICIPLES
    LEARNED = learned
    _HEADS.clear()  # a cue's head depends on the learned cues
    CUE_RE = cue_regex(learned)
    ascii_ends = all(c[:1].isascii() and c[:1].isalpha() and c[-1:].isascii() and c[-1:].isalpha() for c in [*PHRASES, *STANCE_PHRASES, *ALL_FORMS, *learned])
    CUE_ASCII = re.compile(CUE_RE.pattern, re.ASCII) if ascii_ends else CUE_RE  # (see `cues`)
    NOMINAL = _BASE_NOMINAL | learned
    INFINITIVE = _BASE_INFINITIVE | learned
    PARTICIPLES = _BASE_PARTICIPLES | frozenset(c for c in learned if c.split()[0].endswith("ing"))


_BASE_NOMINAL, _BASE_INFINITIVE, _BASE_PARTICIPLES = NOMINAL, INFINITIVE, PARTICIPLES
CUE_RE: re.Pattern[str]
CUE_ASCII: re.Pattern[str]
with_learned(LEARNED)


def cues(text: str, ss: int, se: int) -> list[re.Match[str]]:
    """The cues in `text[ss:se]`: what `CUE_RE.finditer(text, ss, se)` gives, found faster.

    `CUE_RE`'s word boundaries are Unicode ones, and telling whether a character is a letter
    of any script costs a lookup in Python's character database at every position of the
    scan. Every cue starts and ends with an ASCII letter, so the same pattern with ASCII word
    boundaries (`CUE_ASCII`) finds every match `CUE_RE` finds, at the same start, and more
    only where a letter of another script touches a cue ('ésaid'): a match found next to
    one is read again with `CUE_RE` at the same start (which may then match a shorter cue,
    or none)."""
    out: list[re.Match[str]] = []
    pos = ss
    se = min(se, len(text))  # (as a scan does: an end past the text is its end)
    while True:
        m = CUE_ASCII.search(text, pos, se)
        if m is None:
            return out
        s, e = m.span()
        if s > 0 and _other_letter(text[s - 1]) or e < se and _other_letter(text[e]):
            u = CUE_RE.match(text, s, se)
            if u is None:
                pos = s + 1
                continue
            m, e = u, u.end()
        out.append(m)
        pos = e


def _other_letter(ch: str) -> bool:
    """A word character for a Unicode pattern that is none for an ASCII one."""
    return ch >= "\x80" and ch.isalnum()


def head_verb(cue: str) -> str:
    """The verb form that decides how a cue behaves ('was quoted as saying' -> 'saying').
    Remembered per cue as written: a few hundred cues recur in every article."""
    head = _HEADS.get(cue)
    if head is None:
        if len(_HEADS) > 20_000:
            _HEADS.clear()  # (the learned finder's cues are any word: bound the memory)
        head = _HEADS[cue] = _head_verb(cue)
    return head


def _head_verb(cue: str) -> str:
    low = cue.lower()
    if low in _PHRASAL_HEADS:
        return _PHRASAL_HEADS[low]
    if low in LEARNED or low in STANCE_PHRASES:
        return low  # 'pointed to', 'warned against': each its own cue
    if low.endswith(" for"):
        return low  # 'called for' is its own verb, not 'called'
    return low.split()[0] if low.endswith(" out") else low.split()[-1]
