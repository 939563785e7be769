"""How clean an index's speakers are: `python -m bench.speakers INDEX [--seed N] [--sample N]`.

Prints, for the speaker identities of an index (see search.identities):

(a) speakers typed 'person' whose name is no person's name (by the extractor's own tests,
    `search.quotes.persons.person_name_ok` and `search.quotes.names.looks_like_person`:
    'Ted Cruz and Donald Trump', 'Clinton White House', 'Americans');
(b) identities that are still one person: two identities with one surname whose first
    names are the same or nicknames of each other, and whose middles do not tell them
    apart (target 0);
(c) pronouns as speaker names ('I', 'he', 'Who'; target 0);
(d) a random sample of speakers (fixed seed) with their quote counts, to read by eye.

Everything is read from the index (quote documents' speaker name, id, type and the names
they were written as), so it measures what a user of `search speakers` sees.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from search.identities import is_pronoun, parse


@dataclass
class Speaker:
    name: str
    id: str | None
    quotes: int = 0
    types: Counter[str] = field(default_factory=Counter)
    written: Counter[str] = field(default_factory=Counter)

    @property
    def type(self) -> str | None:
        return self.types.most_common(1)[0][0] if self.types else None


def read_speakers(index: Path) -> list[Speaker]:
    """Every speaker identity of the index's live quote documents, most quoted first."""
    from search import Index

    found: dict[str, Speaker] = {}
    with Index.open(index) as ix:
        for fields in ix.backend.documents(kind="quote"):
            name = fields.get("speaker_name")
            if not name:
                continue
            s = found.setdefault(name, Speaker(name, fields.get("speaker_id")))
            s.quotes += 1
            s.types[fields.get("speaker_type") or "?"] += 1
            s.written[fields.get("speaker_local") or name] += 1
    return sorted(found.values(), key=lambda s: (-s.quotes, s.name))


def not_person_names(speakers: list[Speaker]) -> list[Speaker]:
    """(a) Speakers typed 'person' whose display name fails the extractor's person tests."""
    from search.quotes.names import bare_name, looks_like_person
    from search.quotes.persons import is_common_word, person_name_ok

    out = []
    for s in speakers:
        if s.type != "person":
            continue
        bare = bare_name(s.name)
        tokens = bare.split()
        ok = looks_like_person(bare) if len(tokens) > 1 else bool(tokens) and person_name_ok(bare) and not is_common_word(bare)
        if not ok:
            out.append(s)
    return out


def still_one_person(speakers: list[Speaker]) -> list[tuple[Speaker, Speaker]]:
    """(b) Pairs of person identities with one surname (and suffix) whose first names are
    equal or nicknames of each other and whose middle initials agree."""
    from search.identities import _Nicknames

    nick = _Nicknames()
    by_surname: dict[tuple[str, str | None], list[tuple[Speaker, object]]] = defaultdict(list)
    for s in speakers:
        if s.type != "person" or " and " in s.name or "&" in s.name:
            continue  # two people named together are no one person (they count under (a))
        p = parse(s.name)
        if p.given and len(p.given) > 1:
            by_surname[(p.surname, p.suffix)].append((s, p))
    pairs = []
    for group in by_surname.values():
        for i, (a, pa) in enumerate(group):
            for b, pb in group[i + 1 :]:
                middles_differ = pa.middles and pb.middles and pa.middle_initials != pb.middle_initials  # type: ignore[attr-defined]
                if nick.same(pa.given, pb.given) and not middles_differ:  # type: ignore[attr-defined]
                    pairs.append((a, b))
    return pairs


def pronoun_speakers(speakers: list[Speaker]) -> list[Speaker]:
    """(c) Speakers whose name, or a name they are written as, is a pronoun."""
    return [s for s in speakers if is_pronoun(s.name) or any(is_pronoun(w) for w in s.written)]


def sample(speakers: list[Speaker], n: int, seed: int) -> list[Speaker]:
    """(d) `n` speakers drawn at random with a fixed seed, most quoted first."""
    picked = random.Random(seed).sample(speakers, min(n, len(speakers)))
    return sorted(picked, key=lambda s: (-s.quotes, s.name))


def _line(s: Speaker) -> str:
    others = [w for w in s.written if w != s.name]
    also = f"  (also {', '.join(others[:3])}{' …' if len(others) > 3 else ''})" if others else ""
    return f"  {s.quotes:5d}  {s.name}  [{s.id or '-'}; {s.type}]{also}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("index", type=Path, help="an index folder (search index --index DIR …)")
    ap.add_argument("--seed", type=int, default=17, help="seed of the random sample (default 17)")
    ap.add_argument("--sample", type=int, default=50, help="speakers in the random sample (default 50)")
    ap.add_argument("--show", type=int, default=25, help="entries listed under (a), (b) and (c) (default 25; 0: all)")
    args = ap.parse_args(argv)
    speakers = read_speakers(args.index)
    quotes = sum(s.quotes for s in speakers)
    print(f"{args.index}: {len(speakers):,} speakers, {quotes:,} quotes with a speaker")
    show = args.show or None

    bad = not_person_names(speakers)
    print(f"\n(a) typed 'person' but no person's name: {len(bad)} speakers, {sum(s.quotes for s in bad)} quotes")
    for s in bad[:show]:
        print(_line(s))
    pairs = still_one_person(speakers)
    print(f"\n(b) identities still one person by first name or nickname and surname: {len(pairs)} pairs (target 0)")
    for a, b in pairs[:show]:
        print(f"  {a.name} [{a.id}, {a.quotes}]  ~  {b.name} [{b.id}, {b.quotes}]")
    pro = pronoun_speakers(speakers)
    print(f"\n(c) pronouns as speaker names: {len(pro)} speakers, {sum(s.quotes for s in pro)} quotes (target 0)")
    for s in pro[:show]:
        print(_line(s))
    print(f"\n(d) a random sample of {min(args.sample, len(speakers))} speakers (seed {args.seed}):")
    for s in sample(speakers, args.sample, args.seed):
        print(_line(s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
