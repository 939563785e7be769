"""A user's corrections to speaker names, applied at index time.

The extractor can only guess that 'Donald J. Trump' and 'Donald Trump' are one person, or
that two people called 'John Smith' are two. An aliases file says so. It is TOML:

    # Merge: every quote whose speaker is the left name gets the right name.
    [merge]
    "Donald J. Trump" = "Donald Trump"
    "Mr. Trump" = "Donald Trump"

    # Split: one name string meaning different people. Each rule gives the name, the
    # speaker to use instead, and what tells the cases apart: `source` (a substring of the
    # article's source, case-insensitive) and/or `description` (a substring of the quote's
    # speaker description). The first rule whose conditions all hold wins; a rule with
    # neither condition always matches, so put it last as a default.
    [[split]]
    name = "John Smith"
    speaker = "John Smith (footballer)"
    source = "ESPN"

    [[split]]
    name = "John Smith"
    speaker = "John Smith (senator)"
    description = "senator"

Merges are applied first, then splits, so a split may name the merged spelling.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from search.models import Article, Quote


@dataclass(frozen=True, slots=True)
class SplitRule:
    name: str
    speaker: str
    source: str | None = None
    description: str | None = None

    def matches(self, quote: Quote, article: Article) -> bool:
        if self.source is not None and self.source.lower() not in (article.source or "").lower():
            return False
        if self.description is not None and self.description.lower() not in (quote.speaker_description or "").lower():
            return False
        return True


@dataclass(slots=True)
class Aliases:
    merge: dict[str, str] = field(default_factory=dict)
    splits: list[SplitRule] = field(default_factory=list)

    def name_for(self, speaker: str | None, quote: Quote, article: Article) -> str | None:
        if speaker is None:
            return None
        name = self.merge.get(speaker, speaker)
        for rule in self.splits:
            if rule.name == name and rule.matches(quote, article):
                return rule.speaker
        return name

    def apply(self, quote: Quote, article: Article) -> Quote:
        """The quote with its speaker renamed as the file says (unchanged otherwise)."""
        name = self.name_for(quote.speaker, quote, article)
        if name == quote.speaker:
            return quote
        return quote.model_copy(update={"speaker": name})


def load_aliases(path: Path | str) -> Aliases:
    """Read an aliases TOML file; raises ValueError naming the problem when it is malformed."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML ({exc})") from None
    merge_table = data.get("merge", {})
    if not isinstance(merge_table, dict) or not all(isinstance(v, str) for v in merge_table.values()):
        raise ValueError(f'{path}: [merge] must map names to names, e.g. "Donald J. Trump" = "Donald Trump"')
    splits: list[SplitRule] = []
    for i, rule in enumerate(data.get("split", []), start=1):
        if not isinstance(rule, dict) or not isinstance(rule.get("name"), str) or not isinstance(rule.get("speaker"), str):
            raise ValueError(f"{path}: [[split]] rule {i} needs 'name' and 'speaker' strings")
        unknown = set(rule) - {"name", "speaker", "source", "description"}
        if unknown:
            raise ValueError(f"{path}: [[split]] rule {i} has unknown keys: {', '.join(sorted(unknown))}")
        splits.append(SplitRule(rule["name"], rule["speaker"], rule.get("source"), rule.get("description")))
    return Aliases(dict(merge_table), splits)
