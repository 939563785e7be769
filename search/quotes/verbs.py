"""The reporting words: every verb or phrase that can introduce what someone said.

This is the single list the extractor uses; add a verb here and it is recognised in every
construction (quote + verb + speaker, speaker + verb + clause, clause-final attribution,
participles such as ', adding that …'). Forms are written out rather than derived with
suffix rules, because English reporting verbs are irregular often enough (said, told,
wrote, thought) that rules would cost more than the list.
"""

from __future__ import annotations

import re

# base form: other forms (3rd person, past, participle, -ing)
_VERBS: dict[str, tuple[str, ...]] = {
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
    "comment": ("comments", "commented"),
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
}

# Verbs that report a mental state or a finding rather than an utterance. They count as
# cues only with a clause after them ('believes that …', 'polls show Trump leads'), never
# with a quote before them ('"…," he believes' is rare and 'believes in' is not speech).
WEAK: frozenset[str] = frozenset(
    "believe believes believed think thinks thought know knows knew feel feels felt hope hopes hoped "
    "expect expects expected fear fears feared worry worries worried find finds found show shows "
    "showed shown learn learns learned learnt guess guessed reckon reckons reckoned".split()
)

# Verbs that take a direct object before the reported content: 'told reporters that …',
# 'described the talks as …', 'called the delay "a betrayal"'.
OBJECT_FIRST: frozenset[str] = frozenset(
    "tell tells told telling assure assures assured inform informs informed notify notifies notified "
    "warn warns warned warning remind reminds reminded ask asks asked urge urges urged "
    "accuse accuses accused accusing".split()
)

# Verbs whose object is itself the content: 'described the talks as "a step"',
# 'called the delay "a betrayal"'. With these, the span runs from after the verb.
OBJECT_IS_CONTENT: frozenset[str] = frozenset(
    "describe describes described describing call calls called calling".split()
)

# Participles that attach a further statement to the subject of the sentence:
# '"…," he said, adding that …'.
PARTICIPLES: frozenset[str] = frozenset(
    form for forms in _VERBS.values() for form in forms if form.endswith("ing")
)

# Multi-word cues, tried before single verbs so the longest reading wins.
PHRASES: tuple[str, ...] = (
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
    "was quoted saying",
    "went on to say",
    "went on to add",
    "made clear",
    "shot back",
    "fired back",
    "chimed in",
    "made it clear",
)

ACCORDING_TO = "according to"


# Base forms that are also common nouns ('the state', 'a post', 'a call') are cues only in
# this short list of verbs that are rarely anything else.
_BASE_FORMS: frozenset[str] = frozenset(
    "say tell add write tweet warn argue insist recall note claim believe think explain acknowledge "
    "suggest predict assert declare admit concede contend maintain ask agree fear hope expect know "
    "feel worry describe accuse urge find show point out".split(" ")
) | {"point out"}


def _all_forms() -> list[str]:
    forms: set[str] = set()
    for base, others in _VERBS.items():
        if base in _BASE_FORMS:
            forms.add(base)
        forms.update(others)
    return sorted(forms, key=len, reverse=True)


ALL_FORMS: frozenset[str] = frozenset(_all_forms())

CUE_RE = re.compile(
    r"\b(?P<cue>"
    + "|".join(re.escape(p) for p in PHRASES)
    + r"|[Aa]ccording to|"
    + "|".join(re.escape(f) for f in _all_forms())
    + r")\b"
)


def head_verb(cue: str) -> str:
    """The verb form that decides how a cue behaves ('was quoted as saying' -> 'saying')."""
    return cue.lower().split()[-1] if cue.lower() not in ("point out", "points out", "pointed out", "pointing out") else cue.lower().split()[0]
