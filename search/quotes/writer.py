"""Who writes an article: whom 'I' outside quotation marks stands for (`writer_of`), read
from the byline, unless the article is an interview written out, where 'I' answers."""

from __future__ import annotations

import re
from typing import Final

from search.quotes.names import looks_like_person

# A question or answer of an interview written out: 'Q: Why?', 'A: Because …', or a
# paragraph that only asks the one interviewed ('What type of hair did you go for?').
_INTERVIEW_LINE: Final = re.compile(r"^\s*(?:Q|A)\s*[:.]\s", re.MULTILINE)
_YOU: Final = re.compile(r"\byour?\b", re.IGNORECASE)
_OPENING_MARKS: Final = "“\"‘'"
_BYLINE_BY: Final = re.compile(r"^\s*by\s+", re.IGNORECASE)


def _interview_lines(text: str) -> bool:
    """Whether a line opens 'Q:' or 'A:' (the regex only where a line opens with Q or A)."""
    return ("\nQ" in text or "\nA" in text or text.lstrip()[:1] in ("Q", "A")) and _INTERVIEW_LINE.search(text) is not None


def _questions_to_you(text: str) -> int:
    """How many lines of `text` are a question to 'you' and no quotation: an interviewer's.
    (Line by line: one regex over the text, lazy up to each 'you', cost 450 µs an article.)"""
    count = 0
    for line in text.split("\n"):
        line = line.strip()
        if line.endswith("?") and len(line) <= 600 and not line.startswith(tuple(_OPENING_MARKS)) and _YOU.search(line):
            count += 1
    return count


def writer_of(author: str | None, text: str) -> str | None:
    """The one person who writes an article, from its byline: whom 'I' outside quotation
    marks stands for ('I argue that …' in a columnist's piece). None for no byline, several
    writers, a body ('Breitbart News', 'Associated Press'), or an interview written out as
    questions and answers, where 'I' is whoever answers."""
    if not author or _interview_lines(text) or _questions_to_you(text) >= 2:
        return None
    name = _BYLINE_BY.sub("", author).strip()
    if name.isupper():
        name = name.title()  # 'NEIL IRWIN'
    if any(sep in name for sep in (",", ";", "&", "/", " and ")) or not looks_like_person(name):
        return None
    return name
