"""Person names: telling a name from a title or an organisation, and settling the full name
an article uses for a person.

Inside one article, 'Mr. Lukyanov', 'Lukyanov' and 'Fyodor Lukyanov' are the same person
when the article names only one Lukyanov (`ArticleNames`). Across articles the evidence is
another (`registry.NameRegistry`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from functools import lru_cache
from typing import Final

from search.quotes.persons import (
    INITIAL,
    LOWERISH_SHARE,
    OFFICE_OF_END,
    PLACES,
    ROLE_OF_TITLE,
    capital_share,
    first_name_gender,
    is_city,
    is_demonym,
    is_first_name,
    is_place,
    opens_question,
    person_name_ok,
    strip_opening_words,
)
from search.quotes.sentences import ABBREVIATIONS

# Words that precede a name without being part of it. Lower-case, without the dot.
TITLES: Final[frozenset[str]] = frozenset(
    """mr mrs ms miss mx dr prof professor sen senator sens rep reps representative gov governor
    president presidents senators governors representatives vice mayor secretary minister premier chancellor judge justice gen general
    col colonel lt lieutenant maj major capt captain sgt sergeant adm admiral cmdr commander sheriff
    chief speaker rev reverend pope king queen prince princess duke duchess earl countess sir dame lord lady ambassador
    commissioner director chairman chairwoman chair officer detective attorney councilman
    councilwoman councillor councilor alderman deputy former leader candidate nominee coach dean
    bishop cardinal rabbi imam sheikh emir crown trooper agent spokesman spokeswoman spokesperson
    state foreign prime defense defence interior finance economy health education assemblyman
    assemblywoman delegate supervisor superintendent principal chancellor congressman
    congresswoman rep. st saint first lady gop democrat democratic republican house senate
    pastor archbishop ayatollah chaplain councilmember committeeman committeewoman whip ag vp pres supt atty
    inspector insp constable cllr det""".split()
)

# Days and months, written out: capitalised, never a speaker. Not 'may', which is also a
# name ('Theresa May') and a modal.
CALENDAR_WORDS: Final[frozenset[str]] = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december""".split()
)

# Capitalised words that start a sentence or a phrase but are not names.
STOPWORDS: Final[frozenset[str]] = CALENDAR_WORDS | frozenset(
    """the a an and but or nor so yet for in on at by of to from with without into onto over under
    after before since until unless if when while whereas though although because as among amid
    during this that these those it its he she they we i you his her their our my your who whom
    what which why how where there here then now still also even just only not no yes some many
    most much more any all both each every few several other another such last next first second
    new mrs mr ms dr meanwhile however instead indeed moreover furthermore besides later earlier
    today yesterday tomorrow tonight may jan feb
    mar apr jun jul aug sep sept oct nov dec according asked says said read click watch""".split()
)

# Final words that make a capitalised run an organisation, not a person.
ORG_WORDS: Final[frozenset[str]] = frozenset(
    """council department ministry house party committee agency association union commission
    court congress senate assembly parliament office service police board bank fund group center
    centre institute university college school foundation administration government campaign
    network news times post journal tribune herald telegraph guardian gazette globe magazine press
    review report reuters bloomberg politico axios cnn nbc abc cbs fox msnbc npr pbs bbc ap afp
    inc corp corporation co company ltd llc plc kremlin pentagon nato un eu fbi cia nsa gop dnc rnc
    army navy force forces guard command ministry staff team club league federation organization
    organisation coalition alliance caucus secretariat embassy consulate cabinet court tribunal chamber
    foundation trust fund institute lab laboratory hospital clinic church county city state
    republicans democrats authority regulator watch sentinel legion inquirer observer examiner
    dispatch chronicle courier bulletin show podcast daily institution media partners holdings
    industries technologies communications airlines pharmaceuticals studios bureau directorate division""".split()
)

# Words of `TITLES` that name a body or qualify an office rather than address a person:
# after one of them a single capitalised word is no evidence of a person ('House Committees').
_BODY_TITLES: Final = frozenset(
    """house senate state foreign prime defense defence interior finance economy health education
    gop democrat democratic republican first former crown st""".split()
)

# Titles of address: the word after one is a surname, whatever else it is ('Mr. Hedge').
HONORIFICS: Final = frozenset("mr mrs ms miss dr mx".split())
MALE_TITLES: Final = frozenset("mr sir king prince lord congressman councilman assemblyman chairman spokesman".split())
FEMALE_TITLES: Final = frozenset("mrs ms miss queen princess dame lady congresswoman councilwoman assemblywoman chairwoman spokeswoman".split())

PRONOUNS: Final[frozenset[str]] = frozenset("he she they it i we you who which".split())
POSSESSIVE_PRONOUNS: Final[frozenset[str]] = frozenset("his her their its our my your".split())

# Capital and other letters of the Latin alphabets, accented ones included ('Álvarez',
# 'Pálsdóttir', 'Łukasz', 'Müller'): an ASCII class cut them at their first accent.
_UPPER: Final = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LETTER: Final = "A-Za-zÀ-ÖØ-öø-ɏ"
_TOKEN: Final = rf"[{_UPPER}](?:(?:\.[{_UPPER}])+\.|[{_LETTER}'’\-]*\.?)"  # 'Ruiz', 'Mr.', 'G.', joined initials 'G.K.'
_PARTICLE: Final = r"(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|la|le|ter|dos|das)"
# A run of capitalised words, allowing name particles and initials inside it.
NAME_RUN: Final = re.compile(rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_TOKEN})*")  # 'van der Merwe', 'de la Cruz'


# Titles only when abbreviated, because the word alone is a name particle ('del Toro').
_DOTTED_TITLES: Final = frozenset(["Del."])


# A body's name holding an 'and' after a connector ('Department of Health and Human Services',
# 'Center for Strategic and International Studies', 'Committee on Homeland Security and
# Governmental Affairs'): capitalised words joined by connectors, one 'of'/'for'/'on'/'to'
# before the 'and'. Two people ('Clinton and Sanders') have no connector.
BODY_WORD: Final = r"[A-Z][\w.’'&\-]*"
BODY_CONNECTOR: Final = r"(?:of|for|on|to)"
_BODY_WITH_AND: Final = re.compile(
    rf"(?:The\s+)?{BODY_WORD}(?:\s+{BODY_WORD})*\s+{BODY_CONNECTOR}\s+(?:{BODY_WORD}|the)(?:\s+(?:(?:{BODY_CONNECTOR}|the)\s+)?{BODY_WORD})*"
    rf"\s+and\s+{BODY_WORD}(?:\s+(?:(?:{BODY_CONNECTOR}|the)\s+)?{BODY_WORD})*"
)


def body_name_with_and(phrase: str) -> bool:
    """Whether `phrase` is one body's name with an 'and' in it (see `_BODY_WITH_AND`)."""
    if " and " not in phrase or _BODY_WITH_AND.fullmatch(phrase) is None:
        return False
    left, right = phrase.split(" and ", 1)
    if right.split()[0].rstrip(".").lower() in TITLES or looks_like_person(right):
        return False  # '… University of Chicago and Professor Knittel': a person joins the body
    return not looks_like_person(" ".join(left.split()[-2:]))  # 'Secretary of State John Kerry and …': people


def _key(token: str) -> str:
    return token.rstrip(".").lower()


@lru_cache(maxsize=8192)
def split_title(mention: str) -> tuple[str, str]:
    """Split 'State Department spokeswoman Tammy Bruce' style mentions into title and name.

    Returns (title words, name words) as written; the name is what is left after leading
    titles and stop words.
    """
    tokens = mention.split()
    i = j = 0
    while j < len(tokens) - 1:
        key = _key(tokens[j])
        if j and INITIAL.fullmatch(tokens[j]):
            j += 1  # a middle initial, even 'A.' or 'I.', is no word: 'Amanda A. Kostro Miller'
            continue
        if key in STOPWORDS and key not in TITLES and (span := place_at(tokens, j)):
            j += span  # 'New Jersey', 'New York (Times)', 'New York (Mayor Bill de Blasio)': the word opens a place's name
            continue
        if key in TITLES or key in STOPWORDS or tokens[j] in _DOTTED_TITLES:
            i = j + 1
        j += 1
    return " ".join(tokens[:i]), " ".join(tokens[i:])


def place_at(tokens: list[str], j: int) -> int:
    """How many of `tokens` from `j` on name a place or city of two words or more (0: none):
    'New York', 'South Carolina', 'New Orleans'."""
    for k in range(min(len(tokens), j + 4), j + 1, -1):
        if is_place(" ".join(tokens[j:k])) or is_city(" ".join(tokens[j:k])):
            return k - j
    return 0


_POSSESSIVE_END: Final = re.compile(r"['’]s?$")
_SUFFIX_END: Final = re.compile(r",?\s+(?:Jr|Sr|II|III|IV|QC|KC|MP|MEP|MSP|OBE|MBE|CBE|KBE|DBE|PhD|Esq)\.?$")  # and post-nominals: 'Neil Ford QC'


@lru_cache(maxsize=8192)
def bare_name(mention: str) -> str:
    """The name without titles, honorifics and a possessive: 'Mr. Trump's' -> 'Trump'.
    Cached, like `split_title`: the same few names recur in every paragraph and article."""
    name = split_title(mention)[1]
    name = _POSSESSIVE_END.sub("", name)
    name = _SUFFIX_END.sub("", name)
    return name.strip()


def surname(name: str) -> str:
    tokens = bare_name(name).split()
    return tokens[-1].rstrip(".") if tokens else ""


def is_org(run: str) -> bool:
    """True when a capitalised run names an organisation or a place rather than a person."""
    tokens = run.split()
    if not tokens:
        return False
    last = _key(tokens[-1])
    if last in ORG_WORDS and not (
        len(tokens) > 1 and last in _NAME_OR_BODY_WORDS and is_first_name(tokens[0]) and not any(_key(t) in ORG_WORDS for t in tokens[1:-1])
    ):
        # 'Michael R. Bloomberg' and 'Michael J. Fox' are people; 'Tory Party' is not, nor
        # 'Tulsa Police Department' (a first name, but two body words: no person's name),
        # nor 'Sierra Club', 'Brennan Center', 'Clinton Foundation' (no surnames)
        return True
    if len(tokens) == 1 and last in PLACES:
        return True
    if tokens[0] == "The" and len(tokens) > 1:
        return True
    return len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1


# Body words that are surnames too ('Michael Bloomberg', 'Don Guardian', 'Frank Church'),
# or that end a place or a party's people as often ('Clinton White House', 'Virginia
# Democrats'): after a first name, left to the other checks; every other body word ends a
# body's name whatever opens it ('Sierra Club', 'Charlotte Observer').
_NAME_OR_BODY_WORDS: Final = frozenset("bloomberg fox guardian post church court bank house city county state republicans democrats".split())
# Words naming an area that no person's name holds ('Kent County Republican', 'Kansas City').
_AREA_WORDS: Final = frozenset("county district province region city parish borough".split())
# First words of a place's name that open no person's ('Fort Pierce', 'Mount Vernon').
_PLACE_OPENERS: Final = frozenset("fort mount port cape".split())


def looks_like_person(name: str) -> bool:
    """A full person name: two to five capitalised tokens, not an organisation or place."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or is_org(name) or not _AREA_WORDS.isdisjoint(map(_key, tokens)) or _key(tokens[0]) in _PLACE_OPENERS:
        return False
    # a middle initial is no word, even 'A.' or 'I.' ('Amanda A. Kostro Miller')
    has_word = any(_key(t) in STOPWORDS and not (k and INITIAL.fullmatch(t)) or _key(t) in PLACES for k, t in enumerate(tokens))
    if has_word and not _first_name_then_surname(tokens):
        return False
    if is_demonym(tokens[-1]) and not is_first_name(tokens[0]):
        return False  # 'Southeast Asian', 'South Korean' (but 'Bill English')
    return all(t[0].isupper() or t in _PARTICLE_SET for t in tokens) and (person_name_ok(name) or _first_name_then_surname(tokens))


def document_kind(word: str) -> str:
    """A document word as one kind: 'releases' and 'statement' are one, so are the emails."""
    low = word.lower().rstrip("s")
    return {"release": "statement", "e-mail": "email"}.get(low, low)


# Who issued a document: 'Massy issued a statement', 'The company confirmed in a statement',
# 'the Holocaust Museum issued a statement of concern', 'Cook provided a written statement'.
_ISSUER: Final = (
    rf"(?P<who>{NAME_RUN.pattern}|(?:[Tt]he|[Ii]ts)\s+(?:company|firm|campaign|agency|department|ministry|group|organi[sz]ation|government"
    r"|administration|chain|retailer|office|committee|university|school|district|police|museum|foundation|council|board))"
)
_DOC_STEMS: Final = ("statement", "release", "letter", "memo", "email", "e-mail", "report")


def _doc_words(text: str) -> list[tuple[int, int]]:
    """Where the document words are ('statement', 'releases', …), found with `str.find` (a
    regex alternation over every position of the text cost 85 µs an article)."""
    found = []
    for stem in _DOC_STEMS:
        at = text.find(stem)
        while at >= 0:
            end = at + len(stem)
            if end < len(text) and text[end] == "s":
                end += 1
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not (text[end].isalnum() or text[end] == "-")):
                found.append((at, end))
            at = text.find(stem, end)
    found.sort()
    return found


# what comes before the document word: 'Massy issued a ', 'The company confirmed in a ';
# looked for in two steps, the verb then who, so the name pattern runs only near a verb
_DOC_VERB: Final = re.compile(
    r"(?:(?:issued|released|sent(?:\s+out)?|put\s+out|provided|posted|published|e-?mailed)\s+|(?:said|says|wrote|[a-z]+ed)\s+(?:[a-z]+\s+)?in\s+)"
    r"(?:a|an|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?$"
)
_WHO_BEFORE: Final = re.compile(_ISSUER + r"(?:\s*,[^,.;]{1,80},)?\s+(?:(?:[a-z]+ly|also|later|then)\s+)?$")
# 'In a statement, Smith said …': what comes before the word, then after it
_IN_A: Final = re.compile(r"\b[Ii]n\s+an?\s+(?:[\w\-]+\s+){0,2}?$")
_THEN_ISSUER: Final = re.compile(r"[^.,;]{0,60},\s+" + _ISSUER + r"\s+(?:said|says|wrote|[a-z]+ed)\b")


def _first_name_then_surname(tokens: list[str]) -> bool:
    """A first name and one more word: a person even when the word is a month, a place or
    an ordinary word ('Theresa May', 'Steve Israel', 'Al From'), unless it names a place."""
    second = _key(tokens[1]) if len(tokens) == 2 else ""
    return len(tokens) == 2 and is_first_name(tokens[0]) and not is_place(" ".join(tokens)) and second not in PRONOUNS and second not in CALENDAR_WORDS


_PARTICLE_SET: Final = frozenset(_PARTICLE[3:-1].split("|"))


_THE_BEFORE: Final = re.compile(r"(?<![\w-])the $")
_NEXT_WORD: Final = re.compile(r" ([a-z]+)\b")


def _after_the(text: str, start: int, end: int, name: str) -> bool:
    """Whether the name read at [start, end) follows 'the', which no person's name does
    ('from the Middle East', 'the Bronx Times'), unless it modifies the noun after it and a
    first name opens it ('the Bernie Sanders campaign'; not 'the Trans-Pacific Partnership
    deal'): then a lower-case word follows that is no function word ('and', 'in', 'said')."""
    if not _THE_BEFORE.search(text, max(0, start - 5), start):
        return False
    m = _NEXT_WORD.match(text, end)
    return not (m is not None and m.group(1) not in STOPWORDS and is_first_name(name.split()[0]))


@lru_cache(maxsize=16384)
def _read_run(run: str, at_start: bool = False, after_office: bool = False) -> tuple[str | None, str, bool, bool, int]:
    """A capitalised run as `ArticleNames.scan` reads it: the pronoun its title gives ('Mr.'
    -> 'he'), the bare name, whether that is a full person name, whether it is a single
    surname after a title, and how many characters of ordinary words opening a sentence were
    cut off its front ('Taking Archie' -> 'Archie'). Cached: runs recur ('The', 'But',
    'Mr. Trump') in every paragraph of every article."""
    if run.endswith(".") and len(run.split()[-1]) > 3 and run.split()[-1][:-1].lower() not in ("jr", "sr"):
        run = run[:-1]  # the full stop of the sentence, not an initial: '… said Elena Ruiz.'
    cut = 0
    if at_start:
        tokens = run.split()
        kept = strip_opening_words(tokens)
        if len(kept) < len(tokens):
            cut = run.index(kept[0]) if kept else len(run)
            run = " ".join(kept)
    title, name = split_title(run)
    name = bare_name(name)
    person = looks_like_person(name)
    if (not person or after_office) and " " in name:
        tail = after_place(name.split(), after_office)
        if tail is not None:
            name, person = tail, True  # '(District of) Massachusetts Joshua Levy' is Joshua Levy
    # a single surname after a real title ('Mr. Putin', 'Gov. Kasich'), not after a word a
    # sentence opens with ('So I', 'The Wit')
    titled = bool(title) and any(_key(t) in TITLES for t in title.split())
    # after 'Mr.', 'Ms.', 'Dr.' even an ordinary word is a surname ('Mr. Hedge', 'Ms. Rice')
    honorific = bool(title) and _key(title.split()[-1]) in HONORIFICS and name[:1].isupper()
    titled_surname = not person and titled and len(name.split()) == 1 and not is_org(name) and (person_name_ok(name) or honorific)
    return _title_pronoun(title), name, person, titled_surname, cut


def after_place(tokens: list[str], after_office: bool = False) -> str | None:
    """The person named after a place in one capitalised run ('Massachusetts Joshua Levy',
    'Texas Gov. Greg Abbott' aside, where the title already splits it): a place, then a
    first name that opens a full person name (a name mostly written as one: not 'Washington
    Free Beacon', whose 'free' is a word far more often than a name), or after words naming
    an area and its office ('Maricopa County Recorder Helen Purcell'), or after what an office
    is of ('Chancellor of the Exchequer Rachel Reeves': `after_office`)."""
    for k in range(1, len(tokens) - 1):
        if not (is_first_name(tokens[k]) and capital_share(tokens[k]) > LOWERISH_SHARE):
            continue
        if after_office or is_place(" ".join(tokens[:k])) or not _AREA_WORDS.isdisjoint(map(_key, tokens[:k])):
            rest = " ".join(tokens[k:])
            return rest if looks_like_person(rest) else None
    return None


_DOTTED_WORD: Final = re.compile(r"(\S+)\.\s+")


def _sentence_parts(run: str) -> list[tuple[int, str]]:
    """A capitalised run cut where a sentence ends inside it ('… applied to West Point.
    Carson implied …' is 'West Point.' and 'Carson'): after a word with a full stop that is
    no abbreviation ('Gov.', 'Jr.') and no initial ('G.', 'U.S.'); (offset, part) each."""
    parts = []
    at = 0
    for m in _DOTTED_WORD.finditer(run):
        word = m.group(1)
        if len(word) > 1 and "." not in word and word.lower() not in ABBREVIATIONS:
            parts.append((at, run[at : m.start() + len(word) + 1]))
            at = m.end()
    parts.append((at, run[at:]))
    return parts


@lru_cache(maxsize=16384)
def _lone_first_name(name: str) -> bool:
    """A single word that is a first name and nothing else ('Meghan', 'Archie'; not 'Will',
    'Georgia' when the name list and the places disagree, nor a word news writes in lower case)."""
    return " " not in name and is_first_name(name) and capital_share(name) > LOWERISH_SHARE and not is_place(name) and _key(name) not in STOPWORDS


# What an appositive after a name says of the person: ', the owner of …', ', Duchess of
# Sussex', ', 24,' (an age), ', a former Kremlin adviser,'.
_APPOSITIVE: Final = re.compile(
    r"['’]?,\s+(?:(?P<age>\d{1,3}),|(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?(?:[A-Za-z\-]+\s+){0,3}?(?P<head>[A-Za-z][a-z]+)(?=\s+(?:of|at|for|in|with|from|to|and)\b|\s*[,;.]))"
)
# A role in lower case right before a name: 'salon owner Usman Hasib', 'spokesman Ashraf'.
_ROLE_BEFORE: Final = re.compile(r"\b(?P<role>[a-z]+(?:er|or|ist|ent|ant|ian|man|woman|person))\s+$")
_ROLE_ENDS: Final = ("er", "or", "ist", "ent", "ant", "ian", "man", "woman", "person")


def _role_before(text: str, lo: int, at: int) -> str | None:
    """The role word `_ROLE_BEFORE` finds in `text[lo:at]`, read back from `at` (the same
    answer: an end-anchored search tries every position of its window, and runs once for
    every person named)."""
    e = at
    while e > lo and text[e - 1].isspace():
        e -= 1
    if e == at:
        return None  # no white space before the name
    s = e
    while s > lo and "a" <= text[s - 1] <= "z":
        s -= 1
    if s == e or s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):
        return None  # no lower-case word, or one that starts before the window or inside a word
    word = text[s:e]
    return word if any(len(word) > len(x) and word.endswith(x) for x in _ROLE_ENDS) else None


_SPEECH_AFTER: Final = re.compile(r",?\s+(?:said|says|told|tells|added|asked|wrote|explained)\b")
_AND_BETWEEN: Final = re.compile(r"[\w.'’\- ]*?\s(?:and|&)\s")


_OPENERS: Final = frozenset(".!?:;“‘(—–\n")


# A title of the second in rank: its holder is never 'the president', 'the governor'.
_SECOND_RANK: Final = re.compile(r"\b(?:[Vv]ice|[Dd]eputy|[Aa]ssistant|[Aa]ssociate|[Ll]ieutenant|[Uu]nder)\b")

# What puts the name after it in object position: a preposition or a verb of telling.
_OBLIQUE_BEFORE: Final = re.compile(
    r"\b(?:with|to|by|from|for|about|against|told|asked|interviewed|thanked|urged|called)\s+(?:(?:[A-Z][a-z]*\.|the|[a-z]+)\s+){0,2}$"
)

# Heads that name a firm, and words that mark a public body (never 'the company').
# What an article calls a body right before naming it ('biotech company Hanbit Therapeutics').
_BODY_BEFORE: Final = tuple(
    f" {w} " for w in "company firm club retailer maker startup insurer airline lender group chain carrier newspaper broadcaster giant".split()
)
_FIRM_AFTER: Final = re.compile(r", the (?:[a-z\-]+ ){0,2}(?:company|firm|retailer|maker|carrier|airline|insurer|lender|giant)\b")
_BASED: Final = re.compile(r"(?:[A-Z][\w.]*\s+)*[A-Z][\w.]*-based\b")  # 'San Jose-based'
_JUST_NAMED: Final = 200  # characters: a body named this close before 'the company' is the one meant
FIRM_WORDS: Final = frozenset("company firm retailer chain business supermarket brand manufacturer maker operator club".split())
# Last words of a paper's name, by which the paper is also called ('the Post', 'the Times').
PAPER_WORDS: Final = frozenset("post posts times journal press review report globe tribune herald telegraph guardian gazette news".split())
_PUBLIC_WORDS: Final = frozenset(
    """ministry department office police court county city state government council agency commission committee party senate
    congress house sheriff hospital university school center centre stadium arena museum church""".split()
)
_ORG_SMALL: Final = frozenset("of the and for on in at 's".split())


@lru_cache(maxsize=16384)
def _org_name(run: str) -> bool:
    """A body named in two words or more: an organisation word at its end ('Massy Stores',
    "Harris County Sheriff's Office", 'Health Ministry'), or a common noun there after a word
    that is no first name ('Massy Stores'); not a place ('Buckingham Palace' is one)."""
    tokens = run.split()
    if tokens[0] == "The":
        tokens = tokens[1:]
    if len(tokens) < 2 or is_place(run):
        return False
    if is_org(" ".join(tokens)):
        return True
    last = tokens[-1].rstrip(".,")
    if _key(last) in STOPWORDS:
        return False  # 'T. And' (of 'AT&T. And in Georgia'): no body's name ends in a function word
    return capital_share(last) <= LOWERISH_SHARE < capital_share(tokens[0]) and not is_first_name(tokens[0])


def _initials(name: str) -> str:
    """An organisation's initials as its acronym spells them ("Harris County Sheriff's Office" -> 'HCSO')."""
    return "".join(t[0] for t in name.replace("’s", "").replace("'s", "").split() if t[:1].isupper() and _key(t) not in _ORG_SMALL)


def opens_sentence(text: str, pos: int, lo: int = 0) -> bool:
    """Whether the word at `pos` opens a sentence, a line or a quotation (where news
    capitalises any word), judged by the character before it. Not after a closing or a
    straight quotation mark, nor a masked quotation: '“…,” Will said.' names Will."""
    i = pos - 1
    while i >= lo and text[i] in " \t":
        i -= 1
    return i < lo or text[i] in _OPENERS


def _title_pronoun(title: str) -> str | None:
    """'he' or 'she' when a title tells ('Mr.', 'Congresswoman'), else None."""
    words = {_key(w) for w in title.split()}
    return "he" if words & MALE_TITLES else "she" if words & FEMALE_TITLES else None


class ArticleNames:
    """The people one article names, so a mention resolves to the fullest name it gives.

    Built from the article's body text: every run of capitalised words that looks like a
    full name. A surname or 'Mr. Surname' resolves to the only full name with that
    surname, or, when several share it, to the one mentioned most often (ties: first).
    """

    __slots__ = (
        "_by_surname",
        "_by_first",
        "_counts",
        "_offsets",
        "_order",
        "_text",
        "documents",
        "gender",
        "mentions",
        "oblique",
        "_proven",
        "_unproven",
        "issued",
        "orgs",
        "pairs",
        "roles",
        "titled",
        "said_it",
        "writer",
    )

    def __init__(self) -> None:
        self._text: str | None = None
        self.roles: dict[str, list[tuple[int, str]]] = {}  # role word -> (offset, person), in text order
        self.pairs: list[tuple[int, str]] = []  # (offset, 'A and B') of two people named together
        self.documents: dict[str, tuple[str, str]] = {}  # 'affidavit' -> (who issued it, their type)
        self.oblique: set[int] = set()  # offsets of mentions in object position
        self._proven: set[str] = set()  # first names alone the article has shown to be people
        self._unproven: list[tuple[int, str]] = []  # first names alone met before that was shown
        self.issued: list[tuple[int, str, int, int]] = []  # (offset, document, who's span): 'Massy issued a statement'
        self.orgs: list[tuple[int, str]] = []  # (offset, name) of bodies named in two words or more
        self._by_surname: dict[str, list[str]] = defaultdict(list)
        self._by_first: dict[str, list[str]] = defaultdict(list)
        self._counts: dict[str, int] = defaultdict(int)
        self._order: dict[str, int] = {}
        self.mentions: list[tuple[int, str]] = []  # (offset, canonical) of person mentions
        self._offsets: list[int] = []  # their offsets alone, for `mention_index`
        self.gender: dict[str, str] = {}  # canonical name -> 'he' | 'she', from titles and pronouns
        self.titled: set[str] = set()  # single names the article writes after a title ('Ms. Acosta')
        self.said_it: set[str] = set()  # one-word speakers that speak of themselves as 'it' ('Twitter said it …')
        self.writer: str | None = None  # who 'I' is outside quotation marks (`writer_of`)

    def scan(self, text: str, start: int, end: int) -> None:
        """Note the people `text[start:end]` names, the pronoun a title gives them, the roles
        appositives give them and the pairs 'and' makes of them."""
        self._text = text
        for m in NAME_RUN.finditer(text, start, end):
            run = m.group()
            for at, part in _sentence_parts(run) if ". " in run else ((0, run),):
                opening = (at > 0 or opens_sentence(text, m.start(), start)) and not self.surname_alone(part)
                if opening and " " in part and opens_question(text, m.start() + at, m.start() + at + len(part)):
                    at, part = at + part.index(" ") + 1, part[part.index(" ") + 1 :]  # 'Will Sanders come …?': Sanders
                office = at == 0 and OFFICE_OF_END.search(text, max(start, m.start() - 30), m.start()) is not None
                pronoun, name, person, titled_surname, cut = _read_run(part, opening, office)
                if person and at == 0 and part.startswith(name) and _after_the(text, m.start(), m.end(), name):
                    person = False  # 'from the Middle East', 'the Bronx Times'
                if person and cut and part[:cut].strip() == "The":
                    person = False  # 'The Long Winter opens …': a title or a body, no person
                at += cut
                firm = at == 0 and bool(name) and text.endswith(_BODY_BEFORE, max(0, m.start() - 16), m.start())
                if not firm and not person and at == 0 and name == run and " " not in name and text.startswith(", the ", m.end()):
                    firm = _FIRM_AFTER.match(text, m.end()) is not None  # 'Alphabet, the parent company of Google,'
                if not person or firm:
                    if " " in name and _org_name(name) or firm:
                        # also what the article calls a firm before naming it: 'biotech company
                        # Hanbit Therapeutics', 'Portuguese club Benfica'
                        self.orgs.append((m.start() + at, name))
                        if person:
                            continue
                    # A single surname after a title ('Mr. Putin') is a mention too, and so
                    # is a first name alone ('Meghan', 'Archie'): the article's person with
                    # that first name, or a person known by it alone.
                    if titled_surname and _key(split_title(part[cut:])[0].split()[-1]) not in _BODY_TITLES:
                        self.titled.add(_key(name))  # 'Ms. Acosta'; not 'Two House Committees'
                    lone = not titled_surname and _lone_first_name(name)
                    if lone and not self._known_surname(name) and not self._first_name_evidence(text, name, m.end(), end):
                        self._unproven.append((m.start() + at, name))  # evidence may come later ('Harry said')
                        continue
                    if titled_surname or lone or self._known_surname(name):
                        if lone:
                            self._proven.add(_key(name))
                        gender = pronoun if titled_surname else first_name_gender(name) or None
                        # a surname that is a first name too ('Mitchell' of 'Karen Mitchell') is
                        # weak evidence: never over a first name of either gender
                        weak = not titled_surname and self._known_surname(name)
                        name = self.canonical(part[cut:] if titled_surname else name)  # with its title: 'Mr' is a man
                        self._mention(text, m.start() + at, name)
                        self._note_gender(gender, name, weak)
                        self._note_role(text, m.start() + at, m.end(), end, name)
                    continue
                self.add(name)
                self._mention(text, m.start() + at, name)
                self._note_gender(pronoun, name)
                self._note_role(text, m.start() + at, m.end(), end, name)
                self._title_role(part[cut:], m.start() + at, name)
        self._note_pairs(start)

    def finish_scan(self) -> None:
        """After the last paragraph's scan: a first name alone met before the article showed
        it to be a person ('She told Harry …', then 'Harry said') is a mention too, so a
        pronoun after it can stand for that person; and who issued each statement, letter
        or report the article mentions ('the statement said' is theirs)."""
        text = self._text
        if text is not None:
            self._note_documents(text)
        # only people known by a first name alone: one with a full name ('Freddy' for
        # 'Freddy Trump') would also change whom a later 'Mr. Trump' stands for
        late = [(at, name) for at, name in self._unproven if _key(name) in self._proven and _key(name) not in self._by_first]
        self._unproven = []
        if not late or text is None:
            return
        for at, name in late:
            name = self.canonical(name)
            self._mention(text, at, name)
            self._note_gender(first_name_gender(name) or None, name)
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i][0])
        self.mentions = [self.mentions[i] for i in order]
        self._offsets = [self._offsets[i] for i in order]

    def _note_documents(self, text: str) -> None:
        # each document word, then its issuer looked for around it (a scan of the whole text
        # for the issuer's pattern cost a fifth of an article's extraction)
        found = []
        for start, end in _doc_words(text):
            kind = document_kind(text[start:end])
            verb = _DOC_VERB.search(text, max(0, start - 60), start)
            before = _WHO_BEFORE.search(text, max(0, verb.start() - 130), verb.start()) if verb is not None else None
            if before is not None:
                found.append((start, kind, before.start("who"), before.end("who")))
            elif _IN_A.search(text, max(0, start - 40), start):
                after = _THEN_ISSUER.match(text, end)
                if after is not None:
                    found.append((start, kind, after.start("who"), after.end("who")))
        self.issued = found

    def issuer_before(self, document: str, pos: int) -> tuple[int, int] | None:
        """The span naming who issued the last `document` (a `document_kind`) the article
        mentions in the 3,000 characters before `pos`: 'the statement said' after 'Massy
        issued a statement'."""
        found = None
        for at, kind, lo, hi in self.issued:
            if at >= pos:
                break
            if kind == document and at > pos - 3000:
                found = (lo, hi)
        return found

    def _mention(self, text: str, at: int, name: str) -> None:
        self.mentions.append((at, name))
        self._offsets.append(at)
        if _OBLIQUE_BEFORE.search(text, max(0, at - 16), at):
            self.oblique.add(at)  # 'her interview with Winfrey', 'she told Winfrey'

    def mention_index(self, pos: int) -> int:
        """Where `pos` falls in the person mentions (`mentions`, in text order): the index
        of the first mention at or after it, by bisection."""
        return bisect_left(self._offsets, pos)

    def is_oblique(self, at: int) -> bool:
        """Whether the mention at `at` is the object of a preposition or of a verb of telling,
        which a later pronoun less often stands for than a subject ('during her interview
        with Winfrey she spoke …' … 'She revealed' is the duchess, not Winfrey)."""
        return at in self.oblique

    def _known_surname(self, name: str) -> bool:
        """A surname alone that the article gave a full name before ('Bloomberg' after
        'Michael R. Bloomberg'): a mention of that person, for the pronouns that follow."""
        return " " not in name and _key(name) in self._by_surname

    def _first_name_evidence(self, text: str, name: str, run_end: int, end: int) -> bool:
        """A first name alone is a person when the article gives a full name with it ('Zoe'
        after 'Zoe Anderson'), or a title or a reporting verb follows it ('Meghan, Duchess of
        Sussex', 'Archie said'); the name lists alone also hold 'York' and 'Houston'."""
        if _key(name) in self._by_first:
            return True
        m = _APPOSITIVE.match(text, run_end, min(end, run_end + 80))
        if m is not None and m.group("head") and _key(m.group("head")) in TITLES:
            return True
        return bool(_SPEECH_AFTER.match(text, run_end, min(end, run_end + 20)))

    def _note_role(self, text: str, at: int, run_end: int, end: int, name: str) -> None:
        """The role an appositive gives a person ('Usman Hasib, the owner of …', 'Meghan,
        Duchess of Sussex', 'Zoe Anderson, 24,'), so 'the owner', 'the duchess' and 'the
        24-year-old' can later stand for them."""
        role = _role_before(text, max(0, at - 40), at)
        if role is not None:
            self._add_role(role, at, name)  # 'salon owner Usman Hasib'
        m = _APPOSITIVE.match(text, run_end, min(end, run_end + 80))
        if m is None:
            return
        if m.group("age"):
            self._add_role(f"{m.group('age')}-year-old", at, name)
        elif m.group("head"):
            self._add_role(m.group("head"), at, name)

    def _title_role(self, run: str, at: int, name: str) -> None:
        """The role a title before a name gives ('Sen. John Smith': the senator), not a
        second rank's ('Vice President X' is not the president)."""
        title = split_title(run)[0]
        if title and not _SECOND_RANK.search(title):
            word = title.split()[-1]
            for role in ROLE_OF_TITLE.get(_key(word), (word,)):
                self._add_role(role, at, name)

    def _add_role(self, word: str, at: int, name: str) -> None:
        key = _key(word)
        if key and key not in STOPWORDS and (word[:1].islower() or key in TITLES):
            self.roles.setdefault(key, []).append((at, name))

    def _note_pairs(self, start: int) -> None:
        """Two people joined by 'and' ('Harry and Meghan'), for 'the couple', 'the pair'."""
        mentions = self.mentions
        i = max(1, self.mention_index(start))
        while i < len(mentions):
            (a, first), (b, second) = mentions[i - 1], mentions[i]
            if first != second and 0 < b - a - len(first.split()[-1]) < 40 and self._joined(a, b):
                self.pairs.append((a, f"{first} and {second}"))
            i += 1

    def _joined(self, a: int, b: int) -> bool:
        return self._text is not None and bool(_AND_BETWEEN.match(self._text, a, b))

    def role_person(self, word: str, pos: int) -> str | None:
        """The person last given the role `word` before `pos` ('owner', 'duchess', 'mayor')."""
        found = None
        for at, name in self.roles.get(_key(word), []):
            if at >= pos:
                break
            found = name
        return found

    def org_named(self, short: str, pos: int) -> str | None:
        """The body the article names in full for a short form of it, last before `pos`
        (else first after): 'Massy' for 'Massy Stores', 'HCSO' for "Harris County Sheriff's
        Office", and a paper by its last word ('the Post' for 'New York Post'). None when
        `short` is a person the article names or no body fits."""
        short = short.strip(" .,’'")
        if not short or " " in short or self.knows(short) or is_place(short) or _key(short) in PLACES:
            return None
        acronym = short.isupper() and len(short) > 1
        paper = short.lower() in PAPER_WORDS
        found = None
        for at, name in self.orgs:
            if found is not None and at >= pos:
                break
            fits = _initials(name) == short if acronym else name.split()[0] == short or paper and name.split()[-1] == short
            if fits:
                found = name
        return found

    def org_before(self, phrase: str, pos: int) -> str | None:
        """The body 'the company', 'the health ministry' stands for: the last one named
        before `pos` whose name holds every word of `phrase`, or, for a firm ('company',
        'firm', 'retailer') with no other word, the last body named that is no public one and no
        paper (a paper named as a source is seldom the company of the story)."""
        words = [_key(w) for w in phrase.split()]
        # a firm with words that only describe it: 'the company', 'the software company',
        # 'the San Jose-based company'
        firm = words[-1] in FIRM_WORDS and _BASED.sub("", phrase).islower()
        found = None
        firms: list[tuple[int, str]] = []
        for at, name in self.orgs:
            if at >= pos:
                break
            keys = {_key(t) for t in name.split()}
            if all(w in keys or w + "s" in keys for w in words):
                found = name
            elif firm and not keys & _PUBLIC_WORDS and _key(name.split()[-1]) not in PAPER_WORDS:
                firms.append((at, name))
        if found is None and firms:
            found = firms[-1][1]
            if self._text is not None and pos - firms[-1][0] > _JUST_NAMED:
                # not named just before: the firm the story is about, whose name the text has
                # used most so far ('Nuvira' over the analysts' 'Brightwater Capital')
                text = self._text[:pos]
                found = max(reversed([n for _, n in firms]), key=lambda n: text.count(n.split()[0]))
        return found

    def pair_before(self, pos: int) -> str | None:
        """The two people last named together before `pos`."""
        found = None
        for at, pair in self.pairs:
            if at >= pos:
                break
            found = pair
        return found

    def _note_gender(self, pronoun: str | None, name: str, weak: bool = False) -> None:
        """`name` (and the full names with its surname) take `pronoun`, unless already known
        (or, `weak`, unless the first name is one of either gender)."""
        if pronoun is None:
            return  # no title, or one that tells no gender
        fits = (None, pronoun) if weak else (None, "", pronoun)
        if name not in self.gender and (" " not in name or first_name_gender(name.split()[0]) in fits):
            self.gender[name] = pronoun
        holders = self._by_surname.get(_key(name.split()[-1]), []) if name.split() else []
        if len(holders) == 1 and holders[0] not in self.gender and first_name_gender(holders[0].split()[0]) in fits:
            self.gender[holders[0]] = pronoun  # 'Congressman Meadows' is not Debbie Meadows

    def agrees(self, name: str | None, pronoun: str) -> bool:
        """False only when the article has shown `name` to take the other pronoun, or,
        where it has not, when the first name is one of the other gender ('he' is never
        'Oprah Winfrey' … once the name list knows her; it does know 'Meghan')."""
        if pronoun not in ("he", "she"):
            return True
        if name and (" and " in name or is_org(name) or is_place(name)):
            return False  # two people, a body or a place is never 'he' or 'she'
        known = self.gender_of(name)
        return known is None or known == pronoun

    def gender_of(self, name: str | None) -> str | None:
        """'he' or 'she' as the article (titles, pronouns) or else the first name tells."""
        if not name or " and " in name:
            return None
        known = self.gender.get(name)
        return known if known is not None else first_name_gender(name.split()[0]) or None

    def knows(self, name: str) -> bool:
        """Whether `name` is a person the article names in full (or by a surname it gives)."""
        tokens = bare_name(name).split()
        return bool(tokens) and (" ".join(tokens) in self._order or tokens[-1].rstrip(".").lower() in self._by_surname)

    def person_evidence(self, name: str) -> bool:
        """Whether the article vouches that a one-word `name` is a person: it writes it
        after a title ('Ms. Acosta'), or as the surname or first name of a full name it
        gives. A one-word speaker without it ('Philadelphia', 'Leadership', 'Facebook') is
        judged by its word alone (`speaker.settle`)."""
        key = _key(bare_name(name))
        return key in self.titled or any(is_first_name(n.split()[0]) for n in self._by_surname.get(key, ()))

    def surname_alone(self, word: str) -> bool:
        """Whether `word` opening a sentence is the surname of a full name the article gave,
        first name and all ('Major said …' after 'John Major', 'Price said …' after 'Tom
        Price'), and so a name, though the word is an ordinary one too."""
        if " " in word or _key(word) not in self._by_surname:
            return False  # (the cheap test first: every run opening a sentence asks)
        return word.lower() not in STOPWORDS and self.person_evidence(word)

    def surname_titled(self, name: str) -> bool:
        """Whether the article writes the last word of `name` after a title ('Mr. Coleman' for
        Norm Coleman, whose first name no list holds): evidence that the name is a person's."""
        tokens = bare_name(name).split()
        return bool(tokens) and _key(tokens[-1]) in self.titled

    def named_in_full(self, name: str) -> bool:
        """Whether the article gives `name` (titles aside) as a full person name."""
        return bare_name(name) in self._order

    def add(self, name: str) -> None:
        if name not in self._order:
            self._order[name] = len(self._order)
            tokens = name.split()
            self._by_surname[tokens[-1].rstrip(".").lower()].append(name)
            self._by_first[tokens[0].lower()].append(name)
        self._counts[name] += 1

    def canonical(self, mention: str) -> str:
        """The full name the article gives for `mention`, or the mention without titles."""
        name = bare_name(mention)
        if not name:
            return mention.strip()
        tokens = name.split()
        if len(tokens) >= 2:
            # 'Abu Hatab' after 'Dr. Walid Abu Hatab', 'Kostro Miller' after 'Amanda A. Kostro
            # Miller': a surname of two words, which the article's one longer name ends with,
            # after first names and initials only (not 'Crooked Hillary Clinton')
            tail = " " + " ".join(tokens)
            longer = [n for n in self._by_surname.get(tokens[-1].lower(), ()) if n.endswith(tail)]
            if (
                len(longer) == 1
                and all(is_first_name(t) or INITIAL.fullmatch(t) for t in longer[0][: -len(tail)].split())
                and looks_like_person(longer[0])
                and not is_place(name)
            ):
                return longer[0]
            if name in self._order:
                return name
            # 'Donald J. Trump' and 'Donald Trump' in one article: keep the one given.
            candidates = [n for n in self._by_surname.get(tokens[-1].lower(), []) if n.split()[0] == tokens[0]]
            return self._best(candidates) or name
        key = tokens[0].rstrip(".").lower()
        candidates = self._by_surname.get(key) or self._by_first.get(key) or []
        return self._best(self._titled(mention, candidates)) or name

    def _titled(self, mention: str, candidates: list[str]) -> list[str]:
        """The people a titled surname can be: 'Mr Anderson' the father, not his daughter Zoe
        Anderson; all of them when the title agrees with none (the first-name list guesses:
        'Mr. Graham' is Lindsey Graham)."""
        pronoun = _title_pronoun(split_title(mention)[0])
        agreeing = [c for c in candidates if self.agrees(c, pronoun)] if pronoun is not None else candidates
        return agreeing or candidates

    def _best(self, candidates: list[str]) -> str | None:
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        return max(candidates, key=lambda n: (self._counts[n], -self._order[n]))

    def resolve_at(self, mention: str, offset: int) -> str:
        """Like `canonical`, but among same-surname people prefer the one last named before
        `offset` (the reader's most recent referent)."""
        name = bare_name(mention)
        tokens = name.split()
        if len(tokens) == 1:
            key = tokens[0].rstrip(".").lower()
            candidates = self._titled(mention, self._by_surname.get(key, []))
            if len(candidates) > 1:
                mentions = self.mentions  # in text order: read back from `offset`
                for i in range(self.mention_index(offset) - 1, -1, -1):
                    if mentions[i][1] in candidates:
                        return mentions[i][1]
        return self.canonical(mention)
