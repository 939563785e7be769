"""The records attribution passes from stage to stage (see docs/extraction.md).

`MASK` is what every quoted character becomes in the masked text the stages read, so a
'said' inside a quotation is never a cue. A `Mention` is a speaker as written ('Ruiz', 'a
spokesman', 'he'); a `Frame` is one attribution found in a sentence (cue, mention, spans of
what was said); a `Speaker` is who a mention stands for, once `coref.classify` resolves it.

They are plain classes with their own `__init__`, not dataclasses: compiled with mypyc (see
setup.py) a dataclass is still built by the `__init__` that `dataclasses` writes, which runs
as Python, while this one is a direct C call (thousands are made in an article). `==` and
`repr` are the dataclasses' own: field by field.
"""

from __future__ import annotations

from typing import Final

MASK: Final = "·"  # stands for every quoted character in the masked text


class Mention:
    """A speaker as written, before it is resolved to a name."""

    __slots__ = ("start", "end", "text", "description", "relative")

    def __init__(self, start: int, end: int, text: str, description: str | None = None, relative: bool = False) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.description = description
        self.relative = relative  # the subject of a relative clause ('which officials said …')

    def _fields(self) -> tuple[object, ...]:
        return (self.start, self.end, self.text, self.description, self.relative)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mention) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"Mention(start={self.start!r}, end={self.end!r}, text={self.text!r}, description={self.description!r}, relative={self.relative!r})"


class Speaker:
    """Who a mention stands for: a name (None when unknown), the mention as written, a
    type (person, organisation, group, unnamed) and a description."""

    __slots__ = ("name", "mention", "type", "description")

    def __init__(self, name: str | None, mention: str | None, type: str | None, description: str | None = None) -> None:
        self.name = name
        self.mention = mention
        self.type = type
        self.description = description

    def _fields(self) -> tuple[object, ...]:
        return (self.name, self.mention, self.type, self.description)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Speaker) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"Speaker(name={self.name!r}, mention={self.mention!r}, type={self.type!r}, description={self.description!r})"


class Frame:
    """One attribution: cue, speaker and the spans holding what was said."""

    __slots__ = ("cue", "cue_start", "cue_end", "mention", "pieces", "attr_start", "attr_end", "speaker", "needs_quote", "agentless")

    def __init__(
        self,
        cue: str,
        cue_start: int,
        cue_end: int,
        mention: Mention | None,
        pieces: list[tuple[int, int]] | None = None,
        attr_start: int = 0,
        attr_end: int = 0,
        speaker: Speaker | None = None,
        needs_quote: bool = False,
        agentless: bool = False,
    ) -> None:
        self.cue = cue
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.mention = mention
        self.pieces: list[tuple[int, int]] = [] if pieces is None else pieces
        self.attr_start = attr_start  # where the attribution (speaker or cue) starts
        self.attr_end = attr_end
        self.speaker = speaker
        self.needs_quote = needs_quote
        # a passive without its agent ('was asked', 'have been criticized'): the subject is
        # spoken to or of, and who spoke is not said
        self.agentless = agentless

    def _fields(self) -> tuple[object, ...]:
        where = (self.cue, self.cue_start, self.cue_end, self.mention, self.pieces, self.attr_start, self.attr_end)
        return (*where, self.speaker, self.needs_quote, self.agentless)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Frame) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return (
            f"Frame(cue={self.cue!r}, cue_start={self.cue_start!r}, cue_end={self.cue_end!r}, mention={self.mention!r}, pieces={self.pieces!r}, "
            f"attr_start={self.attr_start!r}, attr_end={self.attr_end!r}, speaker={self.speaker!r}, "
            f"needs_quote={self.needs_quote!r}, agentless={self.agentless!r})"
        )
