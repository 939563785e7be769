"""Splitting text into paragraphs while keeping their offsets in the original text."""

from __future__ import annotations

import re

from search.models import Paragraph

# A paragraph break is a line break (news text from feeds often uses single newlines
# between paragraphs, the seeds use both single and blank-line breaks).
_LINE = re.compile(r"[^\n]+")


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Cut `text[start:end]` at line breaks into trimmed, non-empty paragraphs.

    Offsets are into `text`, so a quote found inside a paragraph maps straight back to
    the article text the user gave us.
    """
    end = len(text) if end is None else end
    paragraphs: list[Paragraph] = []
    for m in _LINE.finditer(text, start, end):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            paragraphs.append(Paragraph(start=s, end=e, text=text[s:e]))
    return paragraphs
