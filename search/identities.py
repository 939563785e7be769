"""One identity per person across the corpus: which speaker names are one person.

The extractor names a speaker as each article does ('Donald J. Trump', 'Joe Biden',
'Obama'); `build` folds those names into identities, each with a stable id and a display
name, at the end of every indexing run (`search.indexing.speaker_names.settle` writes them onto the
quote documents; `save_table` writes the table that `--speaker` matches against).

The rule, in order (names are compared without accents and case):

1. A name is cleaned first: titles and honorifics before it ('Pres.', 'Sen.', 'Mr.'), a
   qualifier ending in a possessive ("Fox News' Sean Hannity", "Ohio's John Kasich") and a
   possessive after it ("Trump's") go. A suffix ('Jr.', 'Sr.', 'II', 'III') stays and keeps
   its bearer apart from the father ('Donald Trump Jr.' is not 'Donald Trump').
2. Full names (a first name and a surname, the name looking like a person's) with the same
   surname and suffix are one person when their first names are the same, or one is a
   nickname of the other by the `nicknames` package ('Joe'/'Joseph', 'Bill'/'William'), or
   one is a rare misspelling of the other (one letter apart, at most a tenth as common:
   'Hilary Clinton'). 'Bill' and 'Hillary', 'Gary' and 'Jeh' stay apart. Nicknames never
   chain: 'Sam' does not join 'Samuel' and 'Samantha' into one.
3. Middle names and initials fold ('Paul D. Ryan', 'James B. Comey', 'Hillary Rodham
   Clinton'), unless two different middles are given for one first name and surname
   ('George W. Bush', 'George H.W. Bush'): then each middle is its own identity, and the
   name without a middle joins one only when that one dominates (rule 4).
4. A bare surname ('Obama', 'De Blasio', 'Wasserman Schultz') or an initial for a first
   name ('B. Obama') joins the full-name identity with that surname when that identity
   *dominates*: it holds at least three quarters (`DOMINANCE`) of the quotes by full names
   with that surname. 'Obama' is Barack Obama though Michelle Obama is quoted too; 'Murphy'
   stays 'Murphy' between Chris and Anne Marie Murphy. The extractor has already given a
   bare surname the full name its own article names; what is left bare is judged corpus-wide.
5. A person's campaign, team, camp, office or administration is one body however its owner
   is written ('Clinton campaign', "Mrs. Clinton's campaign", 'Hillary Clinton’s
   campaign'): the owner is found as a name of rule 2 or 4 (a bare surname only where one
   person dominates it), and the body's id is the owner's key and the body
   ('hillary-clinton-campaign'). 'Bill Clinton’s campaign' stays his.
6. Everything else (organisations, descriptions, lone first names) is its own identity,
   names differing only in case or accents folded ('Politico', 'POLITICO'). A pronoun
   ('I', 'Who', "I'm") is no name and gets no identity.

The display name is the identity's most common full form; the id is built from the
identity's key (its longest first name and its surname), not from counts, so it stays put
when the display name changes ('joseph-biden' whether 'Joe Biden' or 'Joseph R. Biden' is
more quoted). The user's aliases file overrides all of this (see `search.indexing.speaker_names`).

This module is imported at query time (`Table`, `slug`, `name_tokens`): what the building
needs (the extractor's name lists, `nicknames`) is imported inside `build` only.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

DOMINANCE = 0.75  # share of a surname's full-name quotes one identity needs to take its bare surname
MISSPELLING_RATIO = 10  # a first name one letter from another, this many times rarer, is its misspelling
TABLE_VERSION = 1
K = TypeVar("K")  # a key of the counts `_dominant` looks at
_TABLE_FILE = re.compile(r"^identities\.(\d+)\.json$")

PRONOUNS: frozenset[str] = frozenset("i he she it who whom they we you me him her us them which this that".split())
# Words before a name that are no part of it (lower case, without the dot), beyond the
# extractor's titles (search.quotes.names.TITLES), which `build` adds.
_EXTRA_TITLES = frozenset("pres presidential hon honorable ceo cfo coo founder staff".split())
_PARTICLES = frozenset("de da del della di du van von der den bin ibn al el la le ter dos das st".split())
_SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
_TOKEN = re.compile(r"[^\W\d_](?:[\w\-'’]*[\w])?\.?|\d+")
_POSSESSIVE_TOKEN = re.compile(r"^(.*\w)(?:['’]s|s['’]|['’])$")
# A body that is one person's ('Clinton campaign', "Mr. Trump's team"): its owner, and the body.
_OWNED_BODY = re.compile(r"(?P<owner>.+?\w)(?:['’]s|['’])?\s+(?P<body>campaign|team|administration|camp|office|transition team)", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case without accents: 'Lukyánov' -> 'lukyanov'."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def slug(name: str) -> str:
    """An id from a name: 'Joseph R. Biden' -> 'joseph-r-biden', 'F.B.I.' -> 'fbi'."""
    folded = re.sub(r"(?<=\w)\.(?=\w)", "", fold(name))  # initials run together: 'f.b.i' -> 'fbi'
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "unnamed"


def name_tokens(name: str) -> list[str]:
    """The words of a name for matching: folded, dotted initials kept whole ('F.B.I.' is
    one word, 'fbi', so that a typed 'I' never finds it), apostrophes inside kept."""
    out = []
    for raw in re.findall(r"[\w.'’\-]+", fold(name)):
        word = raw.replace("’", "'").strip(".'-")
        if "." in word:
            word = word.replace(".", "")
        if word:
            out.append(word)
    return out


# --------------------------------------------------------------------------------------
# Parsing one name


@dataclass(frozen=True, slots=True)
class Parsed:
    """A cleaned name taken apart. `given` is None for a bare surname; `middles` are the
    middle names or initials as folded words; `surname` may hold particles ('de blasio')."""

    clean: str  # as written, titles and possessives off
    given: str | None
    middles: tuple[str, ...]
    surname: str
    suffix: str | None  # 'jr', 'sr', 'ii', …

    @property
    def initial_given(self) -> bool:
        return self.given is not None and len(self.given) == 1

    @property
    def middle_initials(self) -> str:
        return "".join(m[0] for m in self.middles)


def _word(token: str) -> str:
    return fold(token).rstrip(".").replace("’", "'")


def clean_name(name: str, titles: frozenset[str] = frozenset()) -> str:
    """`name` without leading titles and honorifics, a qualifier ending in a possessive,
    and a closing possessive: "Fox News' Sean Hannity" -> 'Sean Hannity', 'Pres. Obama' ->
    'Obama', "Trump's" -> 'Trump'. A name that would be left empty is returned stripped."""
    tokens = name.replace("\u00a0", " ").split()
    for i in range(len(tokens) - 2, -1, -1):  # the last qualifier ending in a possessive
        if _POSSESSIVE_TOKEN.match(tokens[i]) and tokens[i + 1][:1].isupper():
            tokens = tokens[i + 1 :]
            break
    while len(tokens) > 1 and (_word(tokens[0]) in titles or _word(tokens[0]) in _EXTRA_TITLES):
        tokens = tokens[1:]
    if tokens:
        m = _POSSESSIVE_TOKEN.match(tokens[-1])
        if m and len(tokens[-1]) > 2:
            tokens[-1] = m.group(1)
    return " ".join(tokens).strip(" ,;:") or name.strip()


def parse(clean: str) -> Parsed:
    """Take a cleaned name apart: 'Donald J. Trump Jr.' -> given 'donald', middles ('j',),
    surname 'trump', suffix 'jr'; 'De Blasio' -> a bare surname 'de blasio'."""
    tokens = [t for t in clean.replace(",", " ").split() if t]
    suffix = None
    if len(tokens) > 1 and _word(tokens[-1]) in _SUFFIXES:
        suffix = _word(tokens[-1])
        tokens = tokens[:-1]
    words = [_word(t) for t in tokens]
    # 'H.W.' is two initials, 'G.K.' too
    expanded: list[str] = []
    for w in words:
        expanded += [p for p in w.split(".") if p] if "." in w and all(len(p) == 1 for p in w.split(".") if p) else [w]
    words = expanded or words
    if not words:
        return Parsed(clean, None, (), "", suffix)
    i = len(words) - 1
    while i > 0 and words[i - 1] in _PARTICLES:
        i -= 1
    surname = " ".join(words[i:])
    before = words[:i]
    if not before:
        return Parsed(clean, None, (), surname, suffix)
    return Parsed(clean, before[0], tuple(before[1:]), surname, suffix)


# --------------------------------------------------------------------------------------
# The table: identities and the names they were written as


@dataclass(slots=True)
class Identity:
    id: str
    name: str  # the display name
    names: Counter[str] = field(default_factory=Counter)  # every name written for it -> quotes

    @property
    def quotes(self) -> int:
        return sum(self.names.values())


@dataclass(slots=True)
class Table:
    """Every identity of an index, and the identity of each name written."""

    identities: dict[str, Identity] = field(default_factory=dict)  # id -> identity
    of_name: dict[str, str] = field(default_factory=dict)  # name as written -> id

    def identity(self, name: str | None) -> Identity | None:
        """The identity a written name belongs to (None for no name, a pronoun, or a name
        the table does not hold)."""
        if not name:
            return None
        ident = self.of_name.get(name)
        return self.identities.get(ident) if ident else None

    def named(self, name: str) -> tuple[str | None, str | None]:
        """(display name, id) for a name as written: the identity's, or for a name the
        table does not hold (an aliases target), the name itself and its slug; (None,
        None) for a pronoun."""
        ident = self.identity(name)
        if ident is not None:
            return ident.name, ident.id
        if not name or is_pronoun(name):
            return None, None
        by_display = self.of_name.get(name)
        return name, by_display or slug(name)

    def exact(self, typed: str) -> Identity | None:
        """The one identity `typed` names exactly: its id, its display name or a name it was
        written as; failing that, the same ignoring case and accents."""
        typed = typed.strip()
        if typed in self.identities:
            return self.identities[typed]
        if (ident := self.identity(typed)) is not None:
            return ident
        low = fold(typed)
        for ident in self.identities.values():
            if ident.id == low or fold(ident.name) == low or any(fold(n) == low for n in ident.names):
                return ident
        return None

    def to_json(self) -> dict:
        return {
            "version": TABLE_VERSION,
            "identities": [[i.id, i.name, dict(i.names)] for i in sorted(self.identities.values(), key=lambda i: i.id)],
        }

    @classmethod
    def from_json(cls, data: dict) -> Table:
        table = cls()
        for ident, name, names in data["identities"]:
            table.identities[ident] = Identity(ident, name, Counter(names))
            for n in names:
                table.of_name[n] = ident
        return table

    @classmethod
    def of_names(cls, names: Iterable[str]) -> Table:
        """A table where each name is its own identity (indexes written before identities)."""
        table = cls()
        for n in names:
            if n and not is_pronoun(n):
                table.identities[n] = Identity(n, n, Counter({n: 1}))
                table.of_name[n] = n
        return table


_CONTRACTION = re.compile(r"['’](?:m|s|re|ll|d|ve)$")


def is_pronoun(name: str) -> bool:
    """'I', 'Who', and a pronoun with a contraction ("I'm", "He's"): never a name."""
    return _CONTRACTION.sub("", fold(name.strip())) in PRONOUNS


def table_path(index_dir: Path, generation: int) -> Path:
    return index_dir / f"identities.{generation}.json"


def is_table_file(name: str) -> bool:
    return bool(_TABLE_FILE.match(name)) or name.startswith(".identities.")


def save_table(index_dir: Path, generation: int, table: Table) -> None:
    """Write the table of `generation` beside the index, before its commit (like the run
    state: a killed run leaves an unused newer file, and the older one matches the index)."""
    final = table_path(index_dir, generation)
    tmp = index_dir / f".identities.{generation}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(table.to_json(), separators=(",", ":"), ensure_ascii=False))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)


def load_table(index_dir: Path, generation: int) -> Table | None:
    """The table written with `generation`, or None (an index from before identities)."""
    try:
        data = json.loads(table_path(index_dir, generation).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != TABLE_VERSION:
        return None
    return Table.from_json(data)


def load_newest_table(index_dir: Path, after: int) -> Table | None:
    """The table of the newest generation later than `after`, or None."""
    try:
        found = [int(m.group(1)) for p in index_dir.iterdir() if (m := _TABLE_FILE.match(p.name))]
    except OSError:
        return None
    newer = sorted((g for g in found if g > after), reverse=True)
    return load_table(index_dir, newer[0]) if newer else None


def clean_tables(index_dir: Path, keep: int) -> None:
    """Delete the tables of every generation but `keep` (and temp files of killed runs)."""
    for p in index_dir.iterdir():
        m = _TABLE_FILE.match(p.name)
        if (m and int(m.group(1)) != keep) or p.name.startswith(".identities."):
            p.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------
# Building identities from the names of a corpus


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _one_edit(a: str, b: str) -> bool:
    """Whether two words are one insertion, deletion or substitution apart."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


class _Nicknames:
    """First names that are one person's: equal, or a nickname of one another by the
    `nicknames` package (its data ships with it; without it, equal names only)."""

    def __init__(self) -> None:
        try:
            from nicknames import NickNamer

            self._nn: object | None = NickNamer()
        except ImportError:  # pragma: no cover - a declared dependency
            self._nn = None
        self._memo: dict[str, set[str]] = {}

    def related(self, name: str) -> set[str]:
        if name not in self._memo:
            out: set[str] = set()
            if self._nn is not None:
                out = set(self._nn.nicknames_of(name)) | set(self._nn.canonicals_of(name))  # type: ignore[attr-defined]
            self._memo[name] = out
        return self._memo[name]

    def same(self, a: str, b: str) -> bool:
        return a == b or b in self.related(a) or a in self.related(b)


def _given_clusters(givens: Counter[str], nick: _Nicknames, known: Callable[[str], bool]) -> dict[str, str]:
    """First names of one surname -> the first name standing for their person. Names
    related by nickname join, and a rare misspelling that is no first name of its own
    ('Donand', not 'Ivana' beside 'Ivanka'); a name related to two that are not related
    to each other ('Sam' to 'Samuel' and 'Samantha') joins neither."""
    names = sorted(givens)
    link: dict[str, set[str]] = {n: set() for n in names}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            rare, common = sorted((a, b), key=lambda n: givens[n])
            misspelt = len(rare) >= 4 and _one_edit(a, b) and givens[rare] * MISSPELLING_RATIO <= givens[common] and not known(rare)
            if nick.same(a, b) or misspelt:
                link[a].add(b)
                link[b].add(a)
    u = _Union()
    seen: set[str] = set()
    for n in names:
        if n in seen:
            continue
        component, todo = set(), [n]
        while todo:
            x = todo.pop()
            if x not in component:
                component.add(x)
                todo += link[x]
        seen |= component
        if all(link[x] >= component - {x} for x in component):  # else ambiguous: nobody joins
            for x in component:
                u.union(n, x)
    return {n: u.find(n) for n in names}


def _unsuffixed(p: Parsed) -> str:
    return " ".join(p.clean.split()[:-1]) if p.suffix else p.clean


def _dominant(counts: Counter[K]) -> K | None:
    """The key holding at least `DOMINANCE` of the counts, if one does."""
    total = sum(counts.values())
    if not total:
        return None
    best, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return best if n >= DOMINANCE * total else None


def _display(names: Counter[str], parsed: dict[str, Parsed], person: set[str]) -> str:
    """The most common full form (titles off); a bare form only when there is no full one."""
    forms: Counter[str] = Counter()
    full: Counter[str] = Counter()
    for n, c in names.items():
        forms[parsed[n].clean] += c
        if n in person:
            full[parsed[n].clean] += c
    pool = full or forms
    return max(pool.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


def _body_or_group(clean: str, is_org: Callable[[str], bool], names_a_group: Callable[[str], bool]) -> bool:
    """A name shaped like a person's that names a body or a group: its words after the first
    are an organisation ('Clinton White House'), or its last names members ('Virginia
    Democrats'). Such a name is no person's, so a bare 'White House' or 'Democrats' never
    joins it (not 'Michael J. Fox': an initial keeps the rest a person's)."""
    words = clean.split()
    rest = words[1:]
    if len(rest) >= 2 and not any(len(w.rstrip(".")) == 1 for w in rest) and is_org(" ".join(rest)):
        return True
    return names_a_group(clean)


def build(counts: dict[str, int], pinned: Iterable[str] = ()) -> Table:
    """Identities of the names written in a corpus (name -> quotes), by the rule in this
    module's docstring. A `pinned` name (one the user's aliases file gives) is the display
    name of the identity it joins. The result depends only on the arguments, never on
    their order."""
    from search.quotes.names import TITLES, is_org, looks_like_person
    from search.quotes.persons import PLACES, is_first_name, is_place, person_name_ok
    from search.quotes.speaker import names_a_group

    titles = frozenset(TITLES) - {"first", "state", "house", "senate", "chief", "leader"}
    pinned = set(pinned)
    nick = _Nicknames()
    parsed: dict[str, Parsed] = {}
    for name in counts:
        if name and not is_pronoun(name):
            clean = clean_name(name, titles)
            # titles and qualifiers come off a person's name, never off an organisation's or a
            # place's: "Russia's Foreign Ministry" is not 'Ministry', "Clinton's Iowa" not 'Iowa'
            if clean != name.strip() and not looks_like_person(clean) and (" " in clean or is_org(clean) or not person_name_ok(clean)):
                clean = name.strip()
            parsed[name] = parse(clean)
    u = _Union()
    candidates: dict[str, list[str]] = {}  # full names that look like a person's -> their words
    for name, p in parsed.items():
        u.find(name)
        if (
            p.given is not None
            and not p.initial_given
            and p.surname
            and looks_like_person(_unsuffixed(p))
            and not _body_or_group(p.clean, is_org, names_a_group)
        ):
            candidates[name] = name_tokens(_unsuffixed(p))
    # A first name the name lists do not know ('Reince') still makes a person, unless the
    # name is the tail of another ('Wasserman Schultz' of 'Debbie Wasserman Schultz').
    longer_tails = {" ".join(w[-k:]) for w in candidates.values() for k in range(2, len(w))}
    person: set[str] = set()  # full names of people
    group: dict[tuple[str, str | None], list[str]] = defaultdict(list)  # (surname, suffix) -> full names
    for name, words in candidates.items():
        p = parsed[name]
        if is_first_name(p.given or "") or " ".join(words) not in longer_tails:
            person.add(name)
            group[(p.surname, p.suffix)].append(name)
    # 1. full names of one surname: first names by nickname, then middles
    split: set[str] = set()  # names of a first name and surname given with different middles
    for members in group.values():
        givens: Counter[str] = Counter()
        for n in members:
            givens[parsed[n].given or ""] += counts[n]
        cluster = _given_clusters(givens, nick, is_first_name)
        by_given: dict[str, list[str]] = defaultdict(list)
        for n in members:
            by_given[cluster[parsed[n].given or ""]].append(n)
        for names in by_given.values():
            signatures: Counter[tuple[str, ...]] = Counter()
            for n in names:
                if parsed[n].middles:
                    signatures[tuple(m[0] for m in parsed[n].middles)] += counts[n]
            if len(signatures) <= 1:
                for n in names[1:]:
                    u.union(names[0], n)
                continue
            split.update(names)
            anchors: dict[tuple[str, ...], str] = {}
            for n in sorted(names):  # one identity per middle; 'George W.' and 'George H. W.' apart
                if parsed[n].middles:
                    sig = tuple(m[0] for m in parsed[n].middles)
                    u.union(anchors.setdefault(sig, n), n)
            top_middles = _dominant(signatures)
            for n in names:
                if not parsed[n].middles and top_middles is not None:
                    u.union(anchors[top_middles], n)
    # 2. bare surnames and initials: to the identity that dominates the surname
    quotes: Counter[str] = Counter()
    for n in person:
        quotes[u.find(n)] += counts[n]
    tails: dict[str, Counter[str]] = defaultdict(Counter)  # surname words -> identity -> quotes
    for n in person:
        if parsed[n].suffix:
            continue  # 'Trump' is never 'Donald Trump Jr.' by the surname alone
        words = name_tokens(parsed[n].clean)
        for k in range(1, len(words)):
            tails[" ".join(words[-k:])][u.find(n)] += counts[n]
    for name, p in parsed.items():
        if name in person or not p.surname:
            continue
        if p.given is None and (is_place(p.clean) or p.clean.lower() in PLACES):
            continue  # 'Israel', 'Washington': the country or city speaks far more often than Steve Israel
        words = name_tokens(p.clean)
        identities: Counter[str]
        if p.initial_given:  # 'B. Obama': among identities with that initial
            identities = Counter({i: c for i, c in tails.get(p.surname, Counter()).items() if (parsed[i].given or "")[:1] == p.given})
        elif p.given is None or not is_first_name(p.given):  # 'Obama', 'De Blasio', 'Wasserman Schultz'
            identities = tails.get(" ".join(words), Counter())
        else:
            continue
        top = _dominant(identities)
        if top is not None:
            u.union(top, name)
    # 3. a person's campaign, team, office or administration: one body, however its owner is
    # written ('Clinton campaign', "Mrs. Clinton's campaign", 'Hillary Clinton’s campaign');
    # everything else: one identity per spelling, case and accents aside
    people = {u.find(n) for n in person}
    roots = {slug(parsed[n].clean): n for n in sorted(person)}

    def owner_of(owner: str) -> str | None:
        """The identity of a person written as `owner` ('Hillary Clinton', 'Mrs. Clinton')."""
        q = parse(clean_name(owner, titles))
        if slug(q.clean) in roots:
            return u.find(roots[slug(q.clean)])
        top = _dominant(tails.get(" ".join(name_tokens(q.clean)), Counter())) if q.given is None and q.surname else None
        return u.find(top) if top is not None else None

    by_fold: dict[str, str] = {}
    owned: dict[str, tuple[str, str]] = {}  # a body's name -> (a name of its owner, the body)
    for name, p in sorted(parsed.items()):
        if u.find(name) not in people:
            key = slug(p.clean)
            m = _OWNED_BODY.fullmatch(name.strip())
            owner = owner_of(m.group("owner")) if m else None
            if m and owner:
                owned[name] = (owner, m.group("body").lower())
                key = f"{owner} {owned[name][1]}"
            u.union(by_fold.setdefault(key, name), name)
    # identities, with ids from their keys
    members_of: dict[str, list[str]] = defaultdict(list)
    for name in parsed:
        members_of[u.find(name)].append(name)
    keys: dict[str, str] = {}
    for root, names in members_of.items():
        full = [n for n in names if n in person]
        if full:
            given_quotes: Counter[str] = Counter()
            for n in full:
                given_quotes[parsed[n].given or ""] += counts[n]
            given = max(given_quotes, key=lambda g: (len(g), given_quotes[g], g))  # the formal form: joseph, not joe
            p = parsed[min(full, key=lambda n: (-counts[n], n))]
            middles = sorted({parsed[n].middle_initials for n in full if parsed[n].middles})
            middle = middles[0] if middles and any(n in split for n in full) else ""
            keys[root] = " ".join(x for x in (given, middle, p.surname, p.suffix or "") if x)
    for root in members_of:
        if root not in keys:  # an owned body by its owner's key ('hillary-clinton-campaign'), else its own name
            owner, body = owned.get(root, ("", ""))
            keys[root] = f"{keys[u.find(owner)]} {body}" if owner else parsed[root].clean
    table = Table()
    for root, names in sorted(members_of.items()):
        ident = slug(keys[root])
        while ident in table.identities:  # distinct people whose keys read alike
            ident = ident + "-2" if not ident[-1].isdigit() or ident[-2] != "-" else f"{ident[:-1]}{int(ident[-1]) + 1}"
        name_counts = Counter({n: counts[n] for n in names})
        users = [n for n in names if n in pinned]
        display = max(users, key=lambda n: (counts[n], n)) if users else _display(name_counts, parsed, person)
        table.identities[ident] = Identity(ident, display, name_counts)
        for n in names:
            table.of_name[n] = ident
    return table
