"""One canonical name per person across a whole corpus.

Across articles, 'Trump' in one and 'Donald Trump' in another merge only when the corpus
knows exactly one full name with that surname; 'Clinton' stays 'Clinton' when both Bill and
Hillary are known. (Inside one article the evidence is richer: `names.ArticleNames`.)
"""

from __future__ import annotations

from collections import defaultdict

from search.quotes.names import bare_name, looks_like_person


class NameRegistry:
    """One canonical name per person across a corpus.

    `add` every person name the extractor settled on (the fullest name each article
    gives); `resolve` then maps a bare surname to the only full name known with that
    surname. Two people sharing a surname are never merged: the surname stays as written.
    Titles are dropped first, so 'President Trump' and 'Trump' resolve alike.
    """

    def __init__(self) -> None:
        self._full: dict[str, set[str]] = defaultdict(set)
        self._names: set[str] = set()

    def add(self, name: str | None) -> None:
        if not name:
            return
        bare = bare_name(name)
        tokens = bare.split()
        if len(tokens) >= 2 and looks_like_person(bare):
            self._names.add(bare)
            self._full[tokens[-1].rstrip(".").lower()].add(bare)

    def resolve(self, name: str) -> str:
        bare = bare_name(name)
        tokens = bare.split()
        if not tokens:
            return name
        if len(tokens) == 1:
            full = self._full.get(tokens[0].rstrip(".").lower(), set())
            if len(full) == 1:
                return next(iter(full))
            return bare
        return bare

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __len__(self) -> int:
        return len(self._names)
