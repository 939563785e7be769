"""The last word on a quote's speaker: what users search by must be a name.

Every stage before this one (a cue's subject, a pronoun's antecedent, a learned frame)
proposes a speaker from the words around a quotation; each can be fooled by a headline, a
description or a place. This module holds the checks they all share, applied once to every
quote as it leaves the extractor, so that no path can put a phrase into the speaker field:

- a name is capitalised words (with the particles and connectors names use); a phrase with
  ordinary lower-case words or figures in it ('1,200 Clinton emails now', 'head of the RNC's
  rules committee') is a description, so the quote keeps it as the mention and has no name;
- a person's name starts at the person: 'Gallup's Jeffrey M. Jones' is Jeffrey M. Jones,
  'McCain Challenger Kelli Ward' is Kelli Ward, 'Can Sanders' is Sanders;
- a place or a body named as a speaker ('Texas', 'Human Rights Campaign') is typed
  organisation, never person; a pronoun is never a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from search.quotes.names import FIRM_WORDS, ORG_WORDS, POSSESSIVE_PRONOUNS, PRONOUNS, STOPWORDS, TITLES, _sentence_parts, after_place, is_org, looks_like_person
from search.quotes.persons import (
    INITIAL,
    LAWMAKER_TAG,
    LOWERISH_SHARE,
    capital_share,
    is_acronym,
    is_city,
    is_common_word,
    is_demonym,
    is_first_name,
    is_place,
    person_name_ok,
    state_body,
    strip_opening_words,
)
from search.quotes.verbs import ALL_FORMS

# Lower-case words a proper name may hold: 'Court of Appeals for the Sixth Circuit',
# 'Charles de Gaulle', 'Ibn al-Khattab'.
_CONNECTORS: Final = frozenset("a an of the and for on at in to de da del della di du van von der den bin ibn al el la le ter dos das y e st".split())
# The words that join a body's name to an office it is named for ('Department of Justice',
# 'Citizens for Tax Justice'): a title after them is no person's.
_BODY_CONNECTORS: Final = frozenset("of for against without".split())
# Verbs of speech a headline puts after a name that no cue list needs ('… Speaks').
_TITLE_CASE_WORDS: Final = frozenset("To Of In For With On At From By As Is Are Was".split())  # function words a headline capitalises
_HEADLINE_VERBS: Final = frozenset("speaks talks responds reacts explains weighs opens reveals".split())

# Members of a party or a movement, named together: a group, never one person.
_GROUPS: Final = frozenset("republicans democrats independents conservatives liberals progressives libertarians evangelicals".split())
# Heads of a body's name that name no body alone ('County said', 'Committees'); 'Congress',
# 'FBI' and 'Democrats' do.
_GENERIC_HEADS: Final = frozenset(
    """county city council department ministry agency committee committees commission office board
    company group union campaign administration government school university college hospital
    team club league foundation institute center centre fund bank court party""".split()
)
# An outlet's labels on its own notes ("Editor’s Note:", "Correction:", "Update:"): no one speaks.
_EDITORIAL_LABELS: Final = frozenset("note correction clarification update".split())
_LAWMAKER_TAG: Final = re.compile(LAWMAKER_TAG)  # a lawmaker's party and state, or the state
# Names of laws and texts, which are what is cited, never who speaks.
_LAWS: Final = frozenset("act bill amendment treaty accord accords agreement convention resolution".split())
# Where a person said it, run on after the name: 'Jeb Bush in a Medium post'.
_PLACED_IN: Final = re.compile(r"\s+(?:in|on|at)\s+(?:a|an|the|his|her|their)\s+[a-zA-Z]")
_POSSESSIVE: Final = re.compile(r"[’']s\s+|(?<=s)[’']\s+")
_ORDINAL: Final = re.compile(r"\d+(?:st|nd|rd|th)")
# Words that open a phrase about a body, not its name ('The campaign', 'This group').
_DETERMINERS: Final = frozenset("the this that these those".split())
# Endings of role words written before a name ('Filmmaker', 'Supervisor', 'Historian').
_ROLE_ENDS: Final = ("er", "or", "ist", "ian", "ent", "ant")
# A first name and a surname run together, as a social-media handle ('BernieSanders').
_HANDLE: Final = re.compile(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})")
# A lower-case word joined to a name's last word by a hyphen ('Bush-spent'); kept when it is
# part of the name ('Ban Ki-moon', 'Kim Jong-un': a short syllable, or one after a short one).
_LOWER_TAIL: Final = re.compile(r"(?<=[A-Za-z])-[a-z]+$")


def _name_token(tok: str) -> bool:
    """A token a name can hold: capitalised ('O'Rourke', 'McCain', 'U.S.', 'Shanklin-Hawkins'),
    a connector, an ordinal ('6th Circuit'), or a particle joined by a hyphen ('al-Assad')."""
    t = tok.strip(",.’'()")
    if not t:
        return True
    if t[0].isdigit():
        return bool(_ORDINAL.fullmatch(t))
    if t[0].isupper() or t.lower() in _CONNECTORS or _ORDINAL.fullmatch(t):
        return True
    head = t.split("-", 1)[0]
    return "-" in t and head.lower() in _CONNECTORS


def is_name(name: str, body: bool = False) -> bool:
    """Whether `name` reads as a proper name rather than a phrase about someone. A `body`
    may also hold the words organisations are named with ('Clinton campaign', 'Obama
    administration'), as long as a capitalised word names it."""
    tokens = name.split()
    if not tokens or not tokens[0][:1].isupper() or tokens[0][:1].isdigit():
        return False
    return all(_name_token(t) or body and t.lower().rstrip(".,") in ORG_WORDS for t in tokens) or body and state_body(tokens)


def _office_word(tok: str) -> bool:
    """A word naming an office right before a name ('Advocate', 'Committeeman'): an ordinary
    word in lower case, or one made of '-man'/'-woman'."""
    low = tok.lower()
    return capital_share(tok) <= LOWERISH_SHARE and not is_first_name(tok) or low.endswith(("man", "woman")) and len(low) > 6


def _not_a_name_word(tok: str) -> bool:
    """A headline's or a description's word before a name ('Challenger', 'Widow',
    'Korean-born', 'Gallup’s'), not a name of its own ('Barack')."""
    return capital_share(tok) <= LOWERISH_SHARE or "-" in tok or tok.endswith(("’s", "'s")) or tok.lower() in ORG_WORDS


# Endings of a plural that names a people or a generation ('Americans', 'Palestinians',
# 'Millennials', 'Hispanics', 'Latinos', 'Constitutionalists', 'Neoliberals'): a group, never one person.
_GROUP_ENDINGS: Final = ("ans", "ians", "ites", "ists", "ics", "ials", "als", "inos", "anos", "ese")
# Prefixes of names written with a capital inside ('MacArthur', 'VanDyke', 'FitzGerald');
# any other word so written is a brand ('ProPublica', 'BuzzFeed', 'WikiLeaks', 'YouTube').
_NAME_PREFIXES: Final = ("Mac", "Van", "Von", "Fitz", "Della", "Del", "Des", "Dos", "Das", "Den", "Der")
_INNER_CAPITAL: Final = re.compile(r"[A-Z][a-z]{2,}[A-Z]|[A-Z]{2,}[a-z]")


# Word endings of adverbs and participles ('Conversely', 'Courted', 'Heaping'): a word
# the lexicon has not seen (rare in lower case mid-sentence) that ends so is no surname
# when the article vouches for no person by it.
_WORD_ENDINGS: Final = ("ly", "ed", "ing", "ish")
# A member of a party or a movement, alone: a description ('a Tennessee Republican').
_MEMBER_WORDS: Final = frozenset("republican democrat independent conservative liberal progressive libertarian".split())


def _word_shaped(word: str) -> bool:
    """A word the lexicon has not seen, shaped as an adverb, a participle or an adjective of
    a people ('Conversely', 'Courted', 'Recruiting', 'Jewish'), and no first name."""
    return word.endswith(_WORD_ENDINGS) and len(word) > 5 and capital_share(word) == 1.0 and not is_first_name(word)


def _lower_verb_form(word: str) -> bool:
    """A participle or a gerund news writes in lower case ('Recruiting'): no name's last word."""
    return word.endswith(("ing", "ed")) and capital_share(word) <= LOWERISH_SHARE and not is_first_name(word)


_ABBREVIATION_PLURAL: Final = re.compile(r"[A-Z]{2,}s")


def group_plural(word: str) -> bool:
    """A plural naming a people, a faith or a generation ('Americans', 'African-Americans',
    'Millennials'), not a surname ending alike ('Evans': 'Evan' is a first name); or the
    plural of an abbreviation ('MPs', 'CEOs', 'NGOs'), which no one is named."""
    word = word.rsplit("-", 1)[-1]
    if _ABBREVIATION_PLURAL.fullmatch(word):
        return True
    if _INNER_CAPITAL.match(word):
        return False  # a brand: 'RealClearPolitics'
    return len(word) > 4 and word[:1].isupper() and word.endswith(_GROUP_ENDINGS) and not is_first_name(word) and not is_first_name(word[:-1])


def names_a_group(name: str) -> bool:
    """A name whose last word names members of a party or a people ('Virginia Democrats',
    'LGBT Americans'), unless a first name opens it ('Alex Castellanos')."""
    tokens = name.split()
    if not tokens:
        return False
    if tokens[-1].lower() in _GROUPS or _ABBREVIATION_PLURAL.fullmatch(tokens[-1]):
        return True  # 'Tory MPs', though 'Tory' is a first name
    return group_plural(tokens[-1]) and (len(tokens) == 1 or not is_first_name(tokens[0]))


# The first word of a storm's name.
_WEATHER: Final = frozenset("Hurricane Typhoon Cyclone Storm Tropical Tornado".split())


def _acronym(word: str) -> bool:
    """A word of capitals only ('WHO', 'NATO', 'US'): a body's initials, whatever the
    lower-case word would be."""
    return len(word) <= 6 and word.isalpha() and is_acronym(word) and not is_place(word)


def one_word_kind(word: str) -> str | None:
    """What a one-word speaker is when nothing in the article says it is a person (no
    title before it, no full name with it, no first name): 'organisation' for a brand
    written with a capital inside or an acronym ('ProPublica', 'DOJ'), 'group' for a
    people ('Americans'), None for no one at all: one of a people ('Canadian'), a city ('Philadelphia is considering …',
    'the Committee on Benghazi said'), or a word news writes in lower case as often as not
    ('Leadership Announces …', 'Revealed: …'); 'person' otherwise (a surname: 'Maddow')."""
    bare = word.strip(".,’'")
    if _acronym(bare):
        return "organisation"  # 'DOJ', and 'WHO' and 'IT', which are words in lower case
    if is_city(bare) or capital_share(bare) <= LOWERISH_SHARE or bare.lower() in _MEMBER_WORDS or is_demonym(bare):
        return None  # a place, a common word, one of a party or of a people ('one Canadian')
    if len(bare) > 1 and bare.replace(".", "").isupper():
        return "organisation"
    if _INNER_CAPITAL.match(bare) and not bare.startswith(_NAME_PREFIXES):
        return "organisation"
    if _word_shaped(bare):
        return None  # a word the lexicon has not seen, shaped as an adverb or a participle: 'Conversely', 'Courted'
    return "group" if group_plural(bare) else "person"


def _office_split(tokens: list[str], strict: bool = False) -> list[str]:
    """The name after the last office word of a description glued to it: 'North Dakota RNC
    Committeeman Curly Haugland' -> 'Curly Haugland' (a name the first-name list does not
    hold, so only the office word before it tells where it starts). The rest must be two
    or three capitalised words that can be a person's name, no body's nor place's.
    `strict` (a run taken for a body: 'Saudi Prince Alwaleed Bin Talal'): titles only, or a
    body's word before a first name ('White House Chief of Staff Denis McDonough' read as
    'Staff Denis McDonough')."""
    for k in range(len(tokens) - 2, 0, -1):
        before = tokens[k - 1].rstrip(".,").lower()
        office = any(p in TITLES for p in before.split("-")) or not strict and before.endswith(("man", "woman")) and len(before) > 6
        # in a body's run, a body's word or an ordinary word before a first name ('Supervisor of
        # Elections Susan Bucher'); in a person's, a role word ('Filmmaker Jack Marino')
        if strict:  # (a lower-case connector is no body's word: 'Students for Fair Admissions')
            plain = before in ORG_WORDS or capital_share(before) <= LOWERISH_SHARE and tokens[k - 1][:1].isupper()
        else:
            plain = before.endswith(_ROLE_ENDS) and len(before) > 4
        # an office or a body in capitals before a first name ('Wells Fargo CEO John Stumpf')
        acronym = tokens[k - 1].isalpha() and tokens[k - 1].isupper() and 2 <= len(tokens[k - 1]) <= 4
        office = office or (plain or acronym) and is_first_name(tokens[k]) and not is_first_name(tokens[k - 1])
        rest = tokens[k:]
        if not office or not 2 <= len(rest) <= 3:
            continue
        joined = " ".join(rest)
        if all(t[:1].isupper() for t in rest) and rest[0].rstrip(".").lower() not in TITLES and not is_org(joined) and person_name_ok(joined):
            return rest
        break
    return tokens


def _person_start(tokens: list[str]) -> list[str]:
    """The tokens from where the person's name starts: after a possessive owner ('Gallup's
    Jeffrey M. Jones'), a headline's words ('McCain Challenger Kelli Ward', 'Benghazi Widow
    Dorothy Woods') or a sentence's ('Can Sanders')."""
    if len(tokens) >= 3 and not is_first_name(tokens[0]) and tokens[0].rstrip(".").lower() not in TITLES:
        for k in range(1, len(tokens) - 1):
            if is_first_name(tokens[k]) and tokens[k - 1].rstrip(".").lower() not in TITLES and any(_not_a_name_word(t) for t in tokens[:k]):
                return tokens[k:]  # not 'Barack Hussein Obama': nothing before 'Hussein' is a word
    if len(tokens) >= 2:
        kept = strip_opening_words(tokens)
        if kept:
            return kept
    return tokens


# Words that open no description of a person ('however', 'in particular', 'like most
# economists', 'not everything', 'where Parkland is located', 'after a long pause', 'while
# being interviewed on Fox'): a description is a noun phrase, not an adverbial.
_NOT_DESCRIBING: Final = frozenset(
    """and but or nor yet however meanwhile though although also too then then- now still instead
    what which where when who whom whose that this these those in not like unlike as so thus even
    just only after before during since until while because if unless once whether despite amid
    following""".split()
)
# Alone, these count rather than describe ('one', 'some').
_COUNTING: Final = frozenset("one some many most several few all both each either neither another others".split())
_ENDS_OPEN: Final = frozenset("a an the of for to at in on by with from and or - –".split())
_PREPOSITIONS: Final = frozenset("at in on to by with about from for into over under as a an the his her their".split())


# Where words set beside a speaker stop describing them: an appositive is a noun phrase, and
# none runs on into a participle's clause ('managing editor of Iowa Starting Line, explaining
# why …'), a new sentence ('… genes leading to Alzheimer's. He oversees …'), a clause of its
# own ('the director of the hospital, there are 70 children …') or a time adverbial ('…
# real estate investor, on Thursday, hours after …').
_DESCRIPTION_END: Final = re.compile(
    r",\s+(?:[a-z]+ly\s+)?[a-z]+ing\b"
    r"|\.\s+(?:He|She|It|They|We|I|The|His|Her|Its|Their|In|But|And|A|An|This|That)\s"
    r"|,\s+(?:there|it|he|she|they|we|I)\s+(?:is|are|was|were|has|have|had|will|would|said|says)\b"
    r"|,\s+(?:on|last|this|early|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\b"
)


def trim_description(description: str) -> str:
    """The description up to where it stops describing (`_DESCRIPTION_END`)."""
    end = _DESCRIPTION_END.search(description)
    return description[: end.start()].rstrip() if end else description


def description_ok(description: str) -> bool:
    """Whether words set beside a speaker describe them ('a former Kremlin adviser', 'managing
    director of …', '55', 'R-Ky.') rather than being whatever stood there ('however', 'in
    particular', '26 percent', 'surrounded by his three adult siblings', 'A spokesperson for')."""
    words = description.split()
    if not words:
        return False
    first = words[0].lower()
    if first in _NOT_DESCRIBING or words[-1].lower() in _ENDS_OPEN:
        return False
    if len(words) == 1:
        return first not in _COUNTING and not first.endswith("ing") and first not in STOPWORDS
    if first[:1].isdigit():
        return not any(w.lower() in ("percent", "%") for w in words)
    participle = first.endswith(("ing", "ed")) and not first[:1].isupper()
    if participle and first in ALL_FORMS:
        return False  # 'adding that the work was done': the speaker's next words, not who they are
    return not (participle and words[1].lower() in _PREPOSITIONS)


# A pronoun run together with a verb ('I’ve', 'we're'): a clause begins, the name has ended.
_CONTRACTION: Final = re.compile(r"(?:I|we|you|they|he|she|it)[’'](?:ve|m|ll|d|re|s)", re.IGNORECASE)
_CLOSING_MARKS: Final = ("'", "’", "”", '"')


def _unquoted_name(name: str) -> str:
    """The name without a quoted epithet before it or a clause after it: "'Thin-skinned'
    Trump" is Trump (a headline's quoted word closes before the name: a word that ends with
    a quotation mark, not a plural's possessive 'Sanders’'); in 'other than Jim Eastland I’ve
    written' the speaker is 'I', not the name (empty: no name)."""
    tokens = name.split()
    for k, tok in enumerate(tokens):
        if k and _CONTRACTION.fullmatch(tok):
            return ""  # the pronoun is the subject, the name only before it
    for k in range(len(tokens) - 2, -1, -1):
        tok = tokens[k]
        if tok.endswith(_CLOSING_MARKS) and not tok[:-1].endswith(("s", "S")) and len(tok) > 2:
            tokens = tokens[k + 1 :]
            break
    return " ".join(tokens)


def _titled_today(tokens: list[str]) -> bool:
    """'USA Today', 'Medical News Today', 'Psychology Today': a title ending in a capitalised
    'Today' after words that are no person's name. The trimming of a headline's word after
    a name ('Donald Trump Today', 'Trump Just') would cut it to 'USA'."""
    return len(tokens) > 1 and tokens[-1] in ("Today", "TODAY") and not looks_like_person(" ".join(tokens[:-1]))


# Bodies of which a country has many, so that its people's word names none ('the Portuguese
# club'), unlike 'the Russian government' or 'the Mexican army'.
_MANY_OF_A_KIND: Final = FIRM_WORDS | frozenset("team side newspaper outlet charity startup giant".split())


def _only_described(tokens: list[str]) -> bool:
    """A body's common noun after words of where it is from: 'Portuguese club', 'South
    Korean biotech company', 'Texas company' (not 'Clinton campaign', whose owner is named)."""
    if len(tokens) < 2 or tokens[-1] not in _MANY_OF_A_KIND:
        return False
    capitals = [t for t in tokens[:-1] if t[:1].isupper()]
    return bool(capitals) and all(is_demonym(t) or is_place(t) or t in ("South", "North", "East", "West") for t in capitals)


def _initial_name(tokens: list[str]) -> bool:
    """An initial, a name, a surname: 'C. Boyden Gray', 'W. Mark Felt', 'H. Ross Perot'."""
    return len(tokens) == 3 and INITIAL.fullmatch(tokens[0]) is not None and tokens[1][:1].isupper()


@lru_cache(maxsize=16384)
def settle(
    name: str | None, kind: str | None, description: str | None, vouched: bool = False, pronoun: bool = False
) -> tuple[str | None, str | None, str | None]:
    """The speaker name, type and description a quote keeps (see the module's docstring).
    `vouched`: the article gives evidence that a one-word name is a person's (a title
    before it, a full name with it); without it the word alone decides (`one_word_kind`).
    `pronoun`: the mention is 'he' or 'she', which only a person can be: a name that
    settles as a body, a group or a place was the wrong antecedent ('POLITICO
    Massachusetts', 'Tea Party Republicans'), and the quote keeps an unnamed person."""
    settled = _settle(name, kind, description, vouched)
    if pronoun and settled[0] is not None and settled[1] != "person":
        return None, "person", settled[2]
    return settled


def _settle(name: str | None, kind: str | None, description: str | None, vouched: bool) -> tuple[str | None, str | None, str | None]:
    if description is not None:
        description = trim_description(description)
        if not description_ok(description):
            description = None
    if name is None:
        return name, kind, description
    name = given = name.strip()
    name = _unquoted_name(name)
    if not name or _LAWMAKER_TAG.fullmatch(name):
        return None, "unnamed" if kind == "person" else kind, description or given  # 'D-Mo.', 'R -S.C.', 'S.C.': no name
    if name.endswith(("’s", "'s")) and len(name) > 3:
        name = name[:-2]  # 'Joe Biden’s' (the rest of the phrase fell away before here)
    if kind == "person":
        parts = _POSSESSIVE.split(name)
        if len(parts) > 1 and person_name_ok(parts[-1]) and parts[-1][:1].isupper() and not is_common_word(parts[-1].split()[-1]):
            name = parts[-1]  # 'Gallup’s Jeffrey M. Jones', not 'Trump’s tone' (no name after)
        elif len(parts) > 1 and is_org(parts[-1]):
            kind = "organisation"  # "Joe Biden's administration"
        elif len(parts) > 1:
            name = parts[0]  # "Ki Hong's Social Security": the owner is the person
    elif kind == "organisation":
        parts = _POSSESSIVE.split(name)
        if len(parts) > 1 and looks_like_person(parts[-1]):
            name, kind = parts[-1], "person"  # 'Zionist Union Party’s Nachman Shai'
        tokens = name.split()
        while len(tokens) > 1 and tokens[-1].rstrip(".").lower() in STOPWORDS and tokens[-1].lower() not in ORG_WORDS and not _titled_today(tokens):
            tokens = tokens[:-1]  # 'Trump Just'
        name = " ".join(tokens)
    where = _PLACED_IN.search(name)
    if where is not None and looks_like_person(name[: where.start()]):
        name, kind = name[: where.start()], "person"  # 'Jeb Bush in a Medium post'
    if name.split()[-1].rstrip(":.").lower() in _EDITORIAL_LABELS and not looks_like_person(name):
        return None, "unnamed" if kind == "person" else kind, None  # 'Editor’s Note'
    if name.split()[0] in _WEATHER:
        return None, "unnamed", None  # 'Hurricane Delia slams Louisiana coast': a storm says nothing
    if name.split()[0].lower() in POSSESSIVE_PRONOUNS:
        return None, kind, description or given  # 'His campaign', 'Her office': whose, the mention says
    if kind == "organisation" and " " in name and name.split(" ", 1)[0].endswith("-based"):
        name = name.split(" ", 1)[1]  # 'Mumbai-based Sharma Textiles Ltd': where it is based is no part of its name
    while kind == "organisation" and name.split(" ", 1)[0].lower() in _DETERMINERS and " " in name:
        name = name.split(" ", 1)[1]  # 'The Clinton campaign' as 'Clinton campaign'; 'The campaign', 'This group' name none
    if kind == "organisation" and _only_described(name.split()):
        return None, kind, description or given  # 'the Portuguese club', 'a Danish company': which body, the article says elsewhere
    if (
        kind == "organisation"
        and name.split()[0].lower().endswith("ing")
        and not is_first_name(name.split()[0])
        and not name.islower()
        and any(t.islower() for t in name.split()[1:])
    ):
        return None, kind, description or given  # a clause, not a body: 'Joining Rubio in the group'
    handle = _HANDLE.fullmatch(name)
    if handle is not None and is_first_name(handle.group(1)) and not is_common_word(handle.group(1)):
        name, kind = f"{handle.group(1)} {handle.group(2)}", "person"  # a handle: 'BernieSanders'
    if not name or name.lower() in PRONOUNS and not _acronym(name) or _CONTRACTION.fullmatch(name) or not is_name(name, kind == "organisation"):  # also "I'm"
        return None, "unnamed" if kind == "person" else kind, description or given or None
    if kind == "organisation" and " The " in name:
        name = name.rsplit(" The ", 1)[1]  # a dateline before the body: 'Calif. The Islamic State'
    if ". " in name:
        name = _sentence_parts(name)[-1][1] or name  # a sentence ended inside the run: 'New Hampshire. Cruz said'
    for dash in ("—", "–"):
        if dash in name:
            name = name.split(dash, 1)[0].strip() or name  # an aside run on: 'Graham—who …'
    tokens = name.split()
    if sum(len(t) > 2 and t.isupper() and t.isalpha() for t in tokens) >= 3:
        return None, "unnamed", description or given  # a shouted headline: 'TURNS OUT EDGAR ALLEN POE WAS …'
    tail = _LOWER_TAIL.search(tokens[-1])
    if (
        tail is not None
        and tail.start() >= 4
        and len(tail.group()) > 4
        and (tail.group()[1:] in ALL_FORMS or capital_share(tail.group()[1:]) <= LOWERISH_SHARE)
    ):
        tokens[-1] = _LOWER_TAIL.sub("", tokens[-1])  # a word joined on: 'Jeb Bush-spent'
        name = " ".join(tokens)
    if (
        len(tokens) > 1
        and tokens[-1].rstrip(".").lower() in TITLES
        and not is_first_name(tokens[0])
        and tokens[-1].rstrip(".").lower() not in ORG_WORDS
        and _BODY_CONNECTORS.isdisjoint(t.lower() for t in tokens[1:-1])  # 'Department of Justice', 'Citizens for Tax Justice'
    ):
        return None, "unnamed", description or given  # a name cut off after its title: 'Alaska Gov'
    if kind == "person" and len(tokens) >= 3 and (tokens[-1].lower() in ALL_FORMS or tokens[-1].lower() in _HEADLINE_VERBS) and tokens[-1].endswith("s"):
        tokens = tokens[:-1]  # a headline's verb: 'Hillary Clinton Speaks'
        name = " ".join(tokens)
    if kind == "organisation" and len(tokens) >= 4 and _TITLE_CASE_WORDS.intersection(tokens[2:]) and tokens[-1].lower() not in ORG_WORDS:
        kind = "person"  # a headline in title case after a name, read as a body ('… Visit To Police Memorial Brings')
    if kind == "person" and len(tokens) >= 4 and " and " not in name and is_first_name(tokens[0]) and not looks_like_person(name):
        head = " ".join(tokens[:2])
        if (
            looks_like_person(head)
            and tokens[1].lower() not in ORG_WORDS
            and not is_city(head)
            and tokens[2][:1].isupper()
            and not INITIAL.fullmatch(tokens[2])
        ):
            tokens = tokens[:2]  # a headline after the name: 'Hillary Clinton Visit To Police Memorial Brings'
            name = head
    for k in range(1, len(tokens) - 1):
        # 'United Auto Workers Secretary-Treasurer Gary Casteel': the person the title names
        before = tokens[k - 1]
        office = any(p.rstrip(".").lower() in TITLES for p in before.split("-")) or kind == "person" and before[:1].isupper() and _office_word(before)
        if is_first_name(tokens[k]) and tokens[k + 1][:1].isupper() and office:
            name, kind = " ".join(tokens[k:]), "person"  # also 'Public Advocate Trish James'
            break
    else:
        if kind in ("person", "organisation") and len(tokens) >= 3:
            rest = _office_split(tokens, strict=kind == "organisation")
            if kind == "person" and len(rest) == len(tokens) and tokens[0].lower() in ORG_WORDS:
                rest = _office_split(tokens, strict=True)  # a body's name before the person: 'Fox News Sean Hannity'
            if len(rest) < len(tokens):
                name, kind = " ".join(rest), "person"  # 'North Dakota RNC Committeeman Curly Haugland'
    if name.split()[-1].lower() in _LAWS and len(name.split()) > 1:
        return None, "unnamed", description or given  # 'Fair Sentencing Act': a law says nothing
    if kind == "person" and " and " in name and all(is_place(part) for part in name.split(" and ")):
        kind = "organisation"  # 'Delaware and Maryland'
    if kind == "person" and " and " in name and all(looks_like_person(part) for part in name.split(" and ")):
        kind = "group"  # 'Hillary Clinton and Bernie Sanders': two people, not one
    if kind == "person" and " " in name and name.split()[0].lower() in ORG_WORDS:
        kind = "organisation"  # 'Team Trump', 'Team Clinton'
    if kind == "person" and len(name.split()) > 1 and name.split()[-1].lower() in _MEMBER_WORDS and not is_first_name(name.split()[0]):
        return None, "unnamed", description or given  # 'Tennessee Republican': who, the mention says
    if kind == "person" and (name.split()[-1].lower() in _GROUPS or " and " not in name and names_a_group(name)):
        return name, "group", description  # 'Republicans', 'Virginia Democrats'
    if kind == "person" and " and " not in name:
        tokens = name.split()
        while (
            (len(tokens) > 2 or len(tokens) == 2 and (not is_first_name(tokens[0]) or tokens[0].isupper()))  # 'ISIS' is no Isis
            and (tokens[-1].rstrip(".").lower() in STOPWORDS or is_common_word(tokens[-1]) or _lower_verb_form(tokens[-1]))
            and tokens[-1].lower() not in ORG_WORDS
            and not _titled_today(tokens)
            and not _initial_name(tokens)  # 'W. Mark Felt': 'Felt' is the surname
            and not INITIAL.fullmatch(tokens[-2])  # 'Oliver K. Hedge', 'Laurence H. Tribe': so is the word after an initial
        ):
            tokens = tokens[:-1]  # a headline's word after the name: 'Donald Trump Just'
        tokens = _person_start(tokens)
        if len(tokens) >= 3 and not looks_like_person(" ".join(tokens)):
            person = after_place(tokens)
            if person is not None:
                tokens = person.split()  # '(District of) Massachusetts Joshua Levy'
        name = " ".join(tokens)
        if len(tokens) > 1 and INITIAL.fullmatch(tokens[-1]):
            return None, "unnamed", description or given  # 'Laurence H.': a name cut short
        if len(tokens) == 1 and (name.rstrip(".").lower() in TITLES or name.lower() in ORG_WORDS):
            return None, "unnamed", description or given  # 'President', 'Association': no name
        if (
            len(tokens) == 1
            and not _acronym(name)
            and (name.rstrip(".").lower() in STOPWORDS or is_common_word(name) and not is_first_name(name) and not vouched)
        ):
            return None, "unnamed", description or given  # 'The', 'Week', 'Once': no one ('Will' is someone)
        if len(tokens) == 1 and not vouched and (not is_first_name(name) or is_city(name) or name.isupper()):
            verdict = one_word_kind(name)
            if verdict is None:
                return None, "unnamed", description or given  # 'Philadelphia', 'Leadership': no one
            kind = verdict  # 'ProPublica', 'DOJ': a body; 'Americans': a group
        elif len(tokens) > 1 and is_city(name) and not is_first_name(tokens[0]):
            return None, "unnamed", description or given  # 'Los Angeles', 'San Francisco'
        if is_place(name) or is_org(name) and len(tokens) > 1:
            kind = "organisation"  # 'Texas', 'South Carolina', 'Human Rights Watch'
        elif _initial_name(tokens) or vouched:
            pass  # a person's, whatever its words: 'C. Boyden Gray' ('gray' is a common word), 'Norm Coleman' ('Mr. Coleman')
        elif len(tokens) > 1 and not is_first_name(tokens[0]) and capital_share(tokens[-1]) <= LOWERISH_SHARE:
            kind = "organisation"  # no first name, a common word last: 'Judicial Watch', 'Orlando Sentinel'
        elif len(tokens) > 1 and not looks_like_person(name):
            kind = "organisation"  # a place in it, no first name then surname: 'Washington Free Beacon'
    if kind == "organisation":
        tokens = name.split()
        if len(tokens) == 1 and (
            name.rstrip(".").lower() in STOPWORDS
            and not _acronym(name)
            or is_common_word(name)
            and not _acronym(name)
            or name.lower() in _GENERIC_HEADS
            or name.rstrip(".").lower() in TITLES
            or name.lower() in _MEMBER_WORDS
        ):
            return None, kind, description or given  # 'County', 'Week': a head with no name
        if len(tokens) > 1 and is_common_word(tokens[0]) and is_place(" ".join(tokens[1:])):
            name = " ".join(tokens[1:])  # 'Neutral Switzerland'
    return name, kind, description
