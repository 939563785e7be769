"""Evidence that a capitalised run names a person: first names, and how news writes words.

A run of capitalised words is a person's name far less often than it looks: a sentence or
a headline capitalises its first word ('Taking Archie outside …', 'Is Sanders …', 'See
Sexton …'), places and prizes are capitalised ('Gaza Strip', 'Nobel Peace Prize'), and so
is the 'I' of a quotation. Two kinds of evidence tell them apart, both from data rather
than from rules written for one sentence:

- first names: the name dictionary shipped with the `gender-guesser` package (about
  45,000 given names from many countries, each with its gender), read once on first use.
  A known first name vouches for the run ('Jim Rich', 'Andrew Young') and tells the
  pronoun it takes ('Oprah' aside, 'Meghan' is 'she');
- places: countries and regions from the ISO lists of `pycountry`, and cities of 100,000
  people or more from GeoNames (`places.json`, written by `bench/train_places.py`);
- ordinary words: for each word, the share of its mid-sentence uses that news capitalises,
  learned from PolNeAR train (`bench/train_lexicon.py` writes `lexicon.json`). A word
  capitalised at most 5% of the time ('taking', 'story', 'maybe') is *common*: cut off the
  front of a run at a sentence start, never a name alone. A word capitalised at most 40%
  of the time ('peace', 'radio', 'prize') is *lower-ish*: a run holding one is no person
  unless a first name vouches for it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files
from typing import Final

COMMON_SHARE: Final = 0.05  # capitalised at most this share of the time: an ordinary word
LOWERISH_SHARE: Final = 0.4  # at most this: a word that names things, rarely people

# Last words that make a run a place: 'Gaza Strip', 'Hart Island', 'Central Park'.
PLACE_HEADS: Final[frozenset[str]] = frozenset(
    """strip island islands park street avenue road boulevard square river lake bay sea ocean
    mountain mountains valley canyon beach coast peninsula bridge heights hills hill county
    province region district airport station harbor harbour port gulf desert forest palace
    castle cathedral abbey stadium arena plaza""".split()
)

# Places and bodies that speak in news copy ('Moscow said', 'Washington insists'), by the
# names news uses, not the ISO lists' ('Russia', not 'Russian Federation').
PLACES: Final[frozenset[str]] = frozenset(
    """russia china ukraine iran israel america washington moscow beijing kyiv kiev europe britain
    france germany japan india pakistan mexico canada brazil turkey syria iraq egypt london paris
    berlin tokyo tehran pyongyang seoul brussels taiwan cuba venezuela korea italy spain poland
    congress whitehall downing""".split()
)

# Pronouns are never names, capitalised or not.
_PRONOUNS: Final[frozenset[str]] = frozenset("i he she we they it you me him her us them".split())

_shares: dict[str, float] = {}
_places: set[str] = set()
_first: dict[str, str] = {}
_cities: set[str] = set()
_loaded: list[bool] = []


def _load() -> None:
    """Read both lists once, on the first question (not at import: `search` commands that
    never extract should not pay for them)."""
    if _loaded:
        return
    _loaded.append(True)
    raw = json.loads(files("search.quotes").joinpath("lexicon.json").read_text(encoding="utf-8"))
    shares = raw["capital_share"]
    for word in shares:
        _shares[word] = float(shares[word])
    for city in json.loads(files("search.quotes").joinpath("places.json").read_text(encoding="utf-8"))["cities"]:
        _cities.add(city)
    try:
        import pycountry

        for country in pycountry.countries:
            _places.add(country.name.lower())
            _places.add(str(getattr(country, "common_name", country.name)).lower())
        for sub in pycountry.subdivisions:
            _places.add(sub.name.lower())
    except ImportError:
        pass  # without it, no gazetteer of countries and regions: names alone decide
    try:
        data = files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return  # without the package, no first-name evidence: the lexicon still works
    for line in data.splitlines():
        if not line or line[0] in "#=":
            continue
        code = line[:2].strip()
        name = line[3:29].strip()
        if not name or "+" in name or "<" in name:
            continue
        key = name.lower()
        gender = "he" if code.endswith("M") else "she" if code.endswith("F") else ""
        known = _first.get(key)
        if known is None:
            _first[key] = gender
        elif known != gender:
            _first[key] = ""


def first_name_gender(token: str) -> str | None:
    """'he' or 'she' for a first name of that gender, '' for one used for both, None for
    a word no name list holds."""
    _load()
    key = token.rstrip(".").lower()
    found = _first.get(key)
    if found is None and "-" in key and key.count("-") == 1:
        # 'Jean-Marc', 'Hans-Peter', 'Mei-Ling': two first names joined; the first gives the
        # pronoun ('Jean-Marie' is a man's name as 'Jean' is in French)
        head, tail = key.split("-")
        if head in _first and tail in _first:
            return _first[head]
    return found


def is_first_name(token: str) -> bool:
    return first_name_gender(token) is not None


# How a people's word is made from its place's name: (ending of the word, what replaces it
# in the place's name). 'Syrian' Syria, 'Canadian' Canada, 'Brazilian' Brazil, 'Italian'
# Italy, 'Texan' Texas, 'Mexican' Mexico, 'Chilean' Chile, 'Iraqi' Iraq, 'Chinese' China,
# 'Japanese' Japan, 'Lebanese' Lebanon, 'Ukrainian' Ukraine.
_DEMONYM_ENDINGS: Final = (
    ("n", ""),
    ("ian", "a"),
    ("ian", ""),
    ("ian", "y"),
    ("ian", "e"),
    ("an", ""),
    ("an", "as"),
    ("an", "o"),
    ("i", ""),
    ("ese", "a"),
    ("ese", ""),
    ("ese", "on"),
)
# Places whose people news names by a name the ISO lists spell otherwise ('Russian
# Federation', 'Korea, Republic of') or do not hold (continents).
_COMMON_PLACES: Final = PLACES | frozenset("africa asia palestine".split())


# Peoples whose word no ending makes from the place's name ('Portuguese', 'Danish', 'Dutch').
_IRREGULAR_DEMONYMS: Final = frozenset(
    """portuguese danish spanish british dutch swiss filipino french english welsh scottish irish swedish
    finnish polish turkish greek thai czech slovak icelandic maltese flemish basque catalan kurdish""".split()
)


@lru_cache(maxsize=16384)
def is_demonym(word: str) -> bool:
    """A word for one of a people, made from a country's, a region's or a city's name by
    the usual endings ('Canadian', 'Syrian', 'Arizonan', 'Iraqi', 'Bostonian'): one of a
    people, not the name of anyone. A first name ('Adrian', 'Julian') is never one."""
    _load()
    if len(word) < 4 or not word[:1].isupper() or not word.isalpha() or is_first_name(word):
        return False
    low = word.lower()
    if low in _IRREGULAR_DEMONYMS:
        return True
    if low in _places or word in _cities:
        return False  # a place itself ('Sudan', 'Oman')
    for ending, place in _DEMONYM_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: len(low) - len(ending)] + place
            if stem in _places or stem in _COMMON_PLACES or len(stem) > 3 and stem.title() in _cities:
                return True
    return False


# Words naming a part of a place before its name ('Northern California', 'Upstate New York').
_DIRECTIONS: Final = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern upstate downstate greater rural coastal".split()
)


@lru_cache(maxsize=16384)
def is_place(name: str) -> bool:
    """A country or a region by the ISO lists (`pycountry`): 'United Kingdom', 'Trinidad
    and Tobago', 'West Virginia'; a place head ('Gaza Strip'). A single word that is also a
    first name ('Georgia', 'Jordan', 'Victoria') is not taken for a place."""
    _load()
    tokens = name.split()
    if not tokens:
        return False
    if tokens[-1].lower() in PLACE_HEADS:
        return True
    if len(tokens) > 1 and tokens[0].lower() in _DIRECTIONS and is_place(" ".join(tokens[1:])):
        return True  # a part of a place: 'Western North Carolina', 'Upstate New York'
    return name.lower() in _places and (len(tokens) > 1 or not is_first_name(tokens[0]))


def is_city(name: str) -> bool:
    """A city of 100,000 people or more, as written ('Philadelphia', 'Benghazi', 'Los
    Angeles'). Many are surnames too ('Warren', 'Jackson', 'Lincoln'): a caller takes a city
    for a place only where nothing says a person of that name is meant."""
    _load()
    return name in _cities


def capital_share(word: str) -> float:
    """How often news capitalises `word` mid-sentence (1.0 for a word never seen in lower
    case: a name, an acronym or a rare word)."""
    _load()
    return _shares.get(word.lower(), 1.0)


def is_common_word(word: str) -> bool:
    """An ordinary word ('Taking', 'Story', 'Maybe'): capitalised only to open a sentence."""
    return capital_share(word) <= COMMON_SHARE or word.lower() in _PRONOUNS


def is_acronym(word: str) -> bool:
    """A word in capitals ('WHO', 'IT', 'US'): initials, never the pronoun or word its
    letters spell in lower case."""
    return len(word) > 1 and word.isupper()


def strip_opening_words(tokens: list[str]) -> list[str]:
    """`tokens` of a run at a sentence start without the ordinary words opening it: 'Taking
    Archie' -> 'Archie', 'Is Sanders' -> 'Sanders'. A known first name stays ('Will Hurd')
    unless it is a pronoun; a gerund no name list holds goes too ('Injecting Clinton'). A
    run of nothing but such words comes back empty ('Throughout', 'Story')."""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if len(tokens) == 1 and is_acronym(tok):
            break  # an acronym ('WHO'), no ordinary word
        low = tok.lower()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if low in _PRONOUNS or (is_common_word(tok) or low.endswith("ing") and nxt) and not _vouched(tok, nxt):
            i += 1
            continue
        break
    return tokens[i:]


# A yes-no question opened by an auxiliary that is also a first name ('Will Sanders come
# down off the pique?', 'Can Clinton win the state?'): the word is the question's verb.
_QUESTION_AUX: Final = frozenset("will may can could would should shall must did does".split())
_QUESTION_REST: Final = re.compile(r"\s+[a-z][^.!?\n]{0,200}\?")


def opens_question(text: str, run_start: int, run_end: int) -> bool:
    """Whether the capitalised run at `run_start` (opening a sentence) starts with the
    auxiliary of a question: a lower-case word follows the run and the sentence ends in '?'."""
    first = text[run_start : text.find(" ", run_start, run_end) if " " in text[run_start:run_end] else run_end]
    return first.lower() in _QUESTION_AUX and _QUESTION_REST.match(text, run_end) is not None


def _vouched(tok: str, nxt: str) -> bool:
    """A first name followed by a capitalised word is a name's start ('Will Hurd'), unless
    the word is ordinary far more often than it names anyone ('See', 'Can')."""
    return is_first_name(tok) and capital_share(tok) > 0.01 and nxt[:1].isupper()


def person_name_ok(name: str) -> bool:
    """Whether a bare name (titles already off) can be a person's: no pronoun, no place
    head at its end, and no lower-ish word in it unless a first name opens it."""
    tokens = name.split()
    if not tokens:
        return False
    if any(t.lower() in _PRONOUNS for t in tokens):
        return False
    if is_place(name):
        return False
    if len(tokens) == 1:
        return True  # a surname alone; at a sentence start `strip_opening_words` judges it
    if is_first_name(tokens[0]) or len(tokens) > 2 and INITIAL.fullmatch(tokens[0]) and is_first_name(tokens[1]):
        return True  # also an initial before the first name: 'M. Dane Waters', 'J. Edgar Hoover'
    return not any(capital_share(t) <= LOWERISH_SHARE for t in tokens if t[:1].isupper())


# A state's body named by its people or country and what it is, in lower case: 'Israeli
# military', "Russia's defence ministry", 'Chinese foreign ministry' (each country has one).
_STATE_BODIES: Final = frozenset("military army navy force forces government ministry police parliament embassy presidency cabinet".split())
_STATE_BODY_WORDS: Final = frozenset(
    """defence defense foreign interior health finance justice economy education trade emergency
    emergencies border air armed central state national federal""".split()
)


def state_body(tokens: list[str]) -> bool:
    first = tokens[0].removesuffix("'s").removesuffix("’s")
    return (
        1 < len(tokens) <= 4
        and tokens[-1] in _STATE_BODIES
        and all(t in _STATE_BODY_WORDS or t in _STATE_BODIES for t in tokens[1:-1])
        and (is_demonym(first) or is_place(first) or first.lower() in PLACES)  # 'Russia' is a first name too
    )


# An office and what it is of, before a capitalised run: 'Chancellor of the (Exchequer Rachel
# Reeves)', 'Director of (National Intelligence Tulsi Gabbard)' (search.quotes.names.after_place).
# (`mentions.OFFICES` holds these and the other offices whose holder speaks.)
TITLED_OFFICES: Final = ("chancellor", "secretary", "director", "minister", "governor", "president", "chair", "chairman", "head", "chief")
OFFICE_OF_END: Final = re.compile(rf"\b(?:{'|'.join(w.title() for w in TITLED_OFFICES)})\s+of\s+(?:the\s+)?$")


# An initial ('M.' of 'M. Dane Waters'), and a lawmaker's party and state as news writes
# them after a name ('D-N.J.', 'R-Texas', 'I-Vt.', 'R -S.C.'), or the state alone in
# brackets ('Sen. Marco Rubio (Fla.)').
INITIAL: Final = re.compile(r"[A-Z]\.")
_PARTY: Final = r"[DRI] ?- ?[A-Z][A-Za-z.]{0,12}"
# The AP's abbreviations of US states, as news writes them after a lawmaker's name.
_STATES: Final = """Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich.
Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn.
Vt. Va. Wash. W.Va. Wis. Wyo.""".split()
# Either, as one pattern (for the mask before a cue and the speaker's last check).
LAWMAKER_TAG: Final = _PARTY + "|" + "|".join(re.escape(s) for s in _STATES)


# Abbreviated titles and the role words a later 'the …' uses for the one they name.
ROLE_OF_TITLE: Final = {
    "sen": ("senator",), "sens": ("senator",), "gov": ("governor",), "rep": ("representative", "congressman", "congresswoman"),
    "adm": ("admiral",), "gen": ("general",), "lt": ("lieutenant",), "col": ("colonel",), "capt": ("captain",),
    "sgt": ("sergeant",), "maj": ("major",), "cmdr": ("commander",), "dr": ("doctor",), "prof": ("professor",),
    "rev": ("reverend",), "supt": ("superintendent",), "atty": ("attorney",), "det": ("detective",),
    # heads of a state or government are also 'the leader' ('The Turkish leader said …')
    "president": ("president", "leader"), "premier": ("premier", "leader"), "chancellor": ("chancellor", "leader"),
    "king": ("king", "leader", "monarch"), "queen": ("queen", "leader", "monarch"),
}  # fmt: skip
