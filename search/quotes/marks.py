"""Quotation marks: which characters open and close a quotation, and the scan that finds
quoted spans in a paragraph.

Every quote-mark character the extractor knows is listed here, so adding a typographic
convention (say, German „…“) is a change to this file only. The scan is a single pass
with a small stack, so nested quotes stay inside their outer quote and an unbalanced mark
costs at most the rest of its paragraph (and MAX_OPEN_QUOTE_CHARS), never the article.
"""

from __future__ import annotations

import re
from typing import Final

# Opening mark -> the marks that may close it. Curly and straight marks mix in the wild
# (“ … " is common in wire copy), so each opener accepts both.
DOUBLE_CLOSERS: Final[dict[str, str]] = {
    "“": '”"“',
    "”": '”"“',  # typed for “
    "„": '“”"',
    "«": "»",
    "»": "«",  # reversed guillemets (German, Danish)
    '"': '"”',
}
SINGLE_CLOSERS: Final[dict[str, str]] = {
    "‘": "’'",
    "‚": "‘’",
    "‹": "›",
    "›": "‹",
    "'": "'’",
}
OPENERS: Final = set(DOUBLE_CLOSERS) | set(SINGLE_CLOSERS)
CLOSERS: Final = set("”\"“»«’'‘›‹")
ALL_MARKS: Final = frozenset(OPENERS | CLOSERS)
DOUBLE_MARKS: Final = frozenset('“”„«»"')
SINGLE_MARKS: Final = frozenset("‘’‚‹›'")
# Characters after which a straight mark reads as opening rather than closing.
_OPEN_CONTEXT: Final = frozenset(" \t\n([{/—–―-:;")  # and any other white space: a no-break space too


class Quoted:
    """A top-level quoted span: `start`/`end` bound the words, excluding the marks.

    `closed` is False when the paragraph ended before a closing mark: the quote either
    runs on into the next paragraph or its closing mark is missing. (An unclosed quote cut
    at MAX_OPEN_QUOTE_CHARS ends inside its paragraph, and counts as closed.) (A plain class, not a
    dataclass, for the reason `records.py` gives.)
    """

    __slots__ = ("open_at", "start", "end", "closed", "double")

    def __init__(self, open_at: int, start: int, end: int, closed: bool, double: bool) -> None:
        self.open_at = open_at
        self.start = start
        self.end = end
        self.closed = closed
        self.double = double

    def _fields(self) -> tuple[int, int, int, bool, bool]:
        return (self.open_at, self.start, self.end, self.closed, self.double)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Quoted) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"Quoted(open_at={self.open_at!r}, start={self.start!r}, end={self.end!r}, closed={self.closed!r}, double={self.double!r})"


def _can_open(ch: str, prev: str, nxt: str) -> bool:
    if ch in "“„«‹‚":
        return not nxt.isspace() or ch == "«"
    if ch == "”":
        # a closing mark typed for an opening one, at a paragraph or word start: '”Mr. Trump …'
        return (prev.isspace() or not prev.isprintable()) and nxt.isalnum()
    if ch == "‘":
        return not prev.isalnum() and not nxt.isspace()
    if ch == '"':
        return (prev in _OPEN_CONTEXT or prev.isspace() or prev in OPENERS) and not nxt.isspace()
    if ch == "'":
        return (prev in _OPEN_CONTEXT or prev.isspace() or prev in '“"') and nxt.isalpha()
    if ch in "»›":
        return nxt.isalpha() and (prev in _OPEN_CONTEXT or prev.isspace())
    return False


def _can_close(ch: str, prev: str, nxt: str) -> bool:
    if ch in "'’":
        return not prev.isspace() and not nxt.isalnum()
    if ch == '"':
        return not prev.isspace() or not nxt.isalnum()
    return True


_ANY_MARK: Final = re.compile("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")

# Bounds that keep the scan linear in a paragraph whatever its marks. A mark that cannot
# close the open level opens another ('"a "b "c …' with straight marks, «a «b, ‘a ‘b), and each
# mark looks down the open levels, so 20,001 such marks in one paragraph took 18 s. Real text
# nests three deep at most (PolNeAR, the variety set and the seeds): past MAX_NESTING levels
# an opening mark is read as a stray one.
MAX_NESTING: Final = 16
# An unclosed double mark quotes to the end of its paragraph, but at most this many characters
# (ending at the last sentence end before the limit, else the last space): a stray mark
# opening a paragraph of megabytes must not make all of it one quotation, masked away from
# the attribution rules. The longest unclosed quote in those corpora is 1,515 characters.
MAX_OPEN_QUOTE_CHARS: Final = 5000
_OPEN_QUOTE_END: Final = re.compile(r"[.!?][\"”’'»)\]]*\s")


def scan_quotes(text: str, start: int, end: int) -> list[Quoted]:
    """Find the top-level quoted spans of `text[start:end]` (one paragraph).

    Unclosed single marks are dropped (they were apostrophes: '90s, 'em); an unclosed
    double mark quotes to the end of the paragraph, which is how a quote that runs over
    several paragraphs looks (but at most MAX_OPEN_QUOTE_CHARS: then it counts as closed).
    """
    stack: list[tuple[str, int, int]] = []  # (opener, position, width)
    spans: list[Quoted] = []
    i = start
    while i < end:
        found = _ANY_MARK.search(text, i, end)  # jump to the next mark: most text has none
        if found is None:
            break
        i = found.start()
        ch = text[i]
        width = 1
        if ch == "'" and i + 1 < end and text[i + 1] == "'":
            ch, width = '"', 2  # two apostrophes stand for a double quote (NYT archive style)
        prev = text[i - 1] if i > start else " "
        nxt = text[i + width] if i + width < end else " "
        if stack:
            # Close the innermost level this mark can close; an inner level left open
            # was an apostrophe.
            closed_level = -1
            for level in range(len(stack) - 1, -1, -1):
                opener = stack[level][0]
                closers = DOUBLE_CLOSERS.get(opener) or SINGLE_CLOSERS.get(opener, "")
                if ch in closers and _can_close(ch, prev, nxt):
                    closed_level = level
                    break
                if opener in DOUBLE_CLOSERS and ch not in DOUBLE_MARKS:
                    break  # a single mark never closes past an open double quote
            if closed_level >= 0:
                opener, pos, w = stack[closed_level]
                del stack[closed_level:]
                reopens = ch == "“" and prev.isspace() and nxt.isalnum()
                if not stack and i > pos + w:
                    e = i
                    while reopens and e > pos + w and text[e - 1].isspace():
                        e -= 1
                    spans.append(Quoted(pos, pos + w, e, not reopens, opener in DOUBLE_CLOSERS))
                if reopens:
                    # '“We have been trying … exposure. “Because you need …”': shaped as an
                    # opening mark, it starts the next quotation; the open one was left unclosed
                    stack.append((ch, i, width))
                i += width
                continue
        if len(stack) < MAX_NESTING and _can_open(ch, prev, nxt):
            stack.append((ch, i, width))
        i += width
    # The outermost still-open double quote runs to the paragraph end.
    for opener, pos, w in stack:
        if opener in DOUBLE_CLOSERS:
            cut = end - (pos + w) > MAX_OPEN_QUOTE_CHARS
            e = _open_quote_end(text, pos + w) if cut else end
            while e > pos + w and text[e - 1].isspace():
                e -= 1
            if e > pos + w:
                # a quotation cut short ends inside its paragraph: it runs on into no other
                spans.append(Quoted(pos, pos + w, e, cut, True))
            break
    spans.sort(key=lambda q: q.start)
    return spans


def _open_quote_end(text: str, start: int) -> int:
    """Where an unclosed quotation longer than MAX_OPEN_QUOTE_CHARS is cut: after the last
    sentence end within the limit, else at the last space, else at the limit."""
    limit = start + MAX_OPEN_QUOTE_CHARS
    last = -1
    for m in _OPEN_QUOTE_END.finditer(text, start, limit + 1):
        last = m.end()
    if last > start:
        return last
    space = max(text.rfind(" ", start, limit), text.rfind("\n", start, limit))
    return space if space > start else limit


def strip_marks(text: str) -> str:
    """Drop quote marks and surrounding space, for comparing quoted words."""
    return text.strip().strip("".join(ALL_MARKS)).strip()
