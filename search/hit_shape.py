"""The shape of a search hit, written once and known without pydantic.

`search query --json` builds its hits as plain dicts (`search.indexing.documents.stored_to_hit`)
so that a search never loads pydantic, which costs more than the search itself on a cold
start. The API returns the same hits as `models.Hit`. Both take their fields, order,
defaults and descriptions from `HitFields` here: the dict builder from `HIT_DEFAULTS`, the
model by inheriting the annotations (pydantic reads a plain base class's annotations as
fields, and `Doc` as a field's description).

No `from __future__ import annotations` (see models.py): pydantic evaluates these.
"""

import dataclasses
import datetime as dt
from typing import Annotated, Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerType = Literal["person", "organisation", "group", "unnamed"]
CueClass = Literal["speech", "stance"]
DocKind = Literal["article", "quote"]


class Doc(str):
    """A field's description, for the JSON Schema (pydantic asks it through this hook)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema["description"] = str(self)
        return schema


_DATE = "The article's publication day: a datetime.date in Python, 'YYYY-MM-DD' in JSON (and in Index.search_json's dicts); null when undated."


class HitFields:
    """A search hit: a quote or an article that matched (`models.Hit`)."""

    id: str
    doc_kind: DocKind
    article_id: str
    score: float | None = None
    title: str = ""
    source: str | None = None
    date: Annotated[dt.date | None, Doc(_DATE)] = None
    author: str | None = None
    speaker: str | None = None
    speaker_mention: Annotated[str | None, Doc("The speaker as written, e.g. 'administration officials' when no name is given.")] = None
    speaker_type: SpeakerType | None = None
    speaker_description: str | None = None
    quote_kind: QuoteKind | None = None
    cue_class: Annotated[CueClass | None, Doc("A quote's class: 'speech' (words said or written) or 'stance' (a view held).")] = None
    text: Annotated[str, Doc("Quote text, or the article's summary/lead.")] = ""
    snippet: str = ""
    highlights: Annotated[list[tuple[int, int]], Doc("[start, end) of matched words in `snippet`.")] = dataclasses.field(default_factory=list)
    speaker_id: Annotated[str | None, Doc("The speaker's identity: one id per person across the index ('joseph-biden'); `--speaker =ID` selects it.")] = None
    # Quote groups (search.indexing.groups): the same quotation reported by several articles.
    group: Annotated[str | None, Doc("The quote's group: every report of one quotation shares it (`group:ID`, `search trail`); null if reported once.")] = None
    group_quotes: Annotated[int | None, Doc("Reports (quotes) in the group, this one included; null without a group.")] = None
    group_articles: Annotated[int | None, Doc("Articles that report the group's quotation.")] = None
    group_sources: Annotated[int | None, Doc("Outlets that report it.")] = None
    first_source: Annotated[str | None, Doc("The outlet of the group's earliest report (undated reports come last).")] = None
    first_date: Annotated[dt.date | None, Doc("The day of the group's earliest report ('YYYY-MM-DD' in JSON).")] = None
    first_id: Annotated[str | None, Doc("The id of the group's earliest report (a quote id).")] = None


# Every key of a hit, in order, with its default (None where the model requires a value; a
# list default is shared: a builder gives each hit its own).
def _default(name: str) -> Any:
    value = HitFields.__dict__.get(name)
    if isinstance(value, dataclasses.Field):
        return value.default_factory() if callable(value.default_factory) else value.default
    return value


HIT_DEFAULTS: dict[str, Any] = {name: _default(name) for name in HitFields.__annotations__}
