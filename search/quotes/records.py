"""The records attribution passes from stage to stage (see docs/extraction.md).

`MASK` is what every quoted character becomes in the masked text the stages read, so a
'said' inside a quotation is never a cue. A `Mention` is a speaker as written ('Ruiz', 'a
spokesman', 'he'); a `Frame` is one attribution found in a sentence (cue, mention, spans of
what was said); a `Speaker` is who a mention stands for, once `coref.classify` resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MASK = "·"  # stands for every quoted character in the masked text


@dataclass(slots=True)
class Mention:
    """A speaker as written, before it is resolved to a name."""

    start: int
    end: int
    text: str
    description: str | None = None
    relative: bool = False  # the subject of a relative clause ('which officials said …')


@dataclass(slots=True)
class Speaker:
    name: str | None
    mention: str | None
    type: str | None
    description: str | None = None


@dataclass(slots=True)
class Frame:
    """One attribution: cue, speaker and the spans holding what was said."""

    cue: str
    cue_start: int
    cue_end: int
    mention: Mention | None
    pieces: list[tuple[int, int]] = field(default_factory=list)
    attr_start: int = 0  # where the attribution (speaker or cue) starts
    attr_end: int = 0
    speaker: Speaker | None = None
    needs_quote: bool = False
    # a passive without its agent ('was asked', 'have been criticized'): the subject is spoken
    # to or of, and who spoke is not said
    agentless: bool = False
