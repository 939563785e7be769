"""The query language, parsed once into a `search.query.tree`: what a user typed, checked.

The language is Whoosh's, as the README documents it: words, "phrases" (`"a b"~3` lets words
between), AND, OR, NOT, ANDNOT, ANDMAYBE (upper case) and (grouping), `field:value`,
`field:(a OR b)`, `negotiat*` and `Tr?mp`, `Lukianov~` (`~2` edits, `~2/3` also three letters
that must match), ranges `[a TO b]` (`{}` leaves an end out), `date:>2016` and `date:<=2016-03`,
`word^2` to count a word double, and `*` for everything. Precedence is Whoosh's: NOT binds
tightest, then AND, then OR, then ANDNOT and ANDMAYBE; words side by side must all be there.

Whoosh's own parser accepts anything and fails later, deep inside (an IndexError for
`Trump~1/9`, a RecursionError for deep parentheses, a silent no-op for `speaker: x`); here
every input either parses or raises `QuerySyntaxError` with one line that says what is wrong
and how to write it, and the limits of `search.query.language` bound what a query may cost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from search.dates import parse_period
from search.errors import DateError, QuerySyntaxError
from search.query.language import (
    DATE_FIELD,
    FIELD_ALIASES,
    MAIN_FIELDS,
    MAX_DEPTH,
    MAX_FUZZY_EDITS,
    MAX_QUERY_CHARS,
    MAX_SLOP,
    MAX_TERMS,
    OPERATORS,
)
from search.query.tree import (
    TEXT_LEAVES,
    And,
    AndMaybe,
    AndNot,
    DateRange,
    Every,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Range,
    Wildcard,
    Word,
    children,
    transform,
    with_boost,
    with_field,
)

_FIELD = re.compile(r"([A-Za-z_]+):(?!//)")
_COMPARE = re.compile(r"(<=|>=|=<|=>|<|>)")
_BOOST = re.compile(r"\^(\d*(?:\.\d+)?)$")
_FUZZ = re.compile(r"~(\d+)?(?:/(\d+))?$")
_SLOP = re.compile(r"~(\d+)")
_GROUP_BOOST = re.compile(r"\^(\d*(?:\.\d+)?)(?=[\s)]|$)")
_SINGLE_QUOTED = re.compile(r"'(.*?)'(?=[\s\])}]|$)")
_RANGE_TO = re.compile(r"(?:^|\s)[Tt][Oo](?:\s|$)")
_WORD_END = re.compile(r"[\s()\"]")
_QMARKS = "?\u055e\u061f\u1367"  # the question marks Whoosh's wildcards accept
_DATE_HOW = "write date:2016, date:2016-03, date:2016-03-14 or date:[2016-01 TO 2016-03]"
_BRACKETS = (("(", ")", "(Putin OR Trump) AND Ukraine"), ("[", "]", "date:[2016-01 TO 2016-03]"), ("{", "}", "date:{2016-01 TO 2016-03}"))


@dataclass
class Parsed:
    """The tree, and what the user should be told about how it was read."""

    tree: Node
    notes: list[str] = dataclass_field(default_factory=list)


def shown(text: str, most: int = 80) -> str:
    """The query as an error message quotes it: whole when short."""
    return repr(text if len(text) <= most else text[: most - 1] + "…")


def parse(text: str) -> Parsed:
    """The tree of `text` (stripped; not empty), or QuerySyntaxError saying what is wrong."""
    return _Parser(text).parse()


class _Op:
    __slots__ = ("word",)

    def __init__(self, word: str) -> None:
        self.word = word


@dataclass
class _Frame:
    """One level of parentheses: its items so far, and the field written before it."""

    field: str | None
    start: int
    items: list[Node | _Op] = dataclass_field(default_factory=list)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.notes: list[str] = []

    def fail(self, message: str) -> QuerySyntaxError:
        return QuerySyntaxError(message)

    # ---------------------------------------------------------------------------------
    def parse(self) -> Parsed:
        text = self.text
        if len(text) > MAX_QUERY_CHARS:
            raise self.fail(f"the query is {len(text):,} characters long; the most is {MAX_QUERY_CHARS:,}: search for a few words or a phrase")
        require_text(text, "the query")
        self._check_brackets()
        stack = [_Frame(None, 0)]
        pending: tuple[str, int] | None = None  # a field name waiting for its value
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c.isspace():
                if pending:
                    raise self._needs_value(pending)
                i += 1
                continue
            if c == "(":
                if len(stack) > MAX_DEPTH:
                    raise self._too_deep()
                stack.append(_Frame(pending[0] if pending else None, i))
                pending = None
                i += 1
                continue
            if c == ")":
                if pending:
                    raise self._needs_value(pending)
                frame = stack.pop()
                group = self._resolve(frame.items)
                if frame.field:
                    group = with_field(group, frame.field)
                i += 1
                boost, i = self._boost_at(i)
                stack[-1].items.append(with_boost(group, boost) if boost is not None else group)
                continue
            fieldname = pending[0] if pending else None
            pending = None
            node: Node | _Op
            if c == '"':
                node, i = self._phrase(i, fieldname)
            elif c in "[{":
                node, i = self._range(i, fieldname)
            elif c == "'" and (quoted := self._single_quoted(i)) is not None:
                inner, i = quoted
                boost, i = self._boost_at(i)
                node = Word(inner, fieldname, boost if boost is not None else 1.0)
            elif fieldname is None and (m := _FIELD.match(text, i)) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_\\")):
                pending = (self._field(m.group(1)), i)
                i = m.end()
                if i >= n or text[i].isspace() or text[i] == ")":
                    raise self._needs_value(pending)
                if cmp := _COMPARE.match(text, i):
                    node, i = self._comparison(pending[0], cmp.group(1), cmp.end(), i)
                    pending = None
                else:
                    continue
            elif fieldname is None and text.startswith("*:*", i) and (i + 3 == n or _WORD_END.match(text, i + 3)):
                node, i = Every(), i + 3
            else:
                end = _WORD_END.search(text, i)
                stop = end.start() if end else n
                node = self._word(text[i:stop], fieldname, i)
                i = stop
            if isinstance(node, _Op):
                if node.word == "NOT" or stack[-1].items:
                    stack[-1].items.append(node)
                else:
                    raise self._operator_alone(node.word)
            else:
                stack[-1].items.append(node)
        if pending:
            raise self._needs_value(pending)
        tree = self._resolve(stack[0].items)
        tree = transform(tree, self._dates)
        self._check_size(tree)
        return Parsed(tree, self.notes)

    # ---------------------------------------------------------------------------------
    # Checks with the messages users see

    def _check_brackets(self) -> None:
        """Unclosed quotes and brackets, before anything else: Whoosh would have read them
        as words, so the messages (and their examples) are the ones users know."""
        text = self.text
        if text.count('"') % 2:
            col = text.rfind('"') + 1
            raise self.fail(f'unclosed quote at column {col} in {shown(text)}; close the phrase: "return to normality"')
        outside = "".join(piece for k, piece in enumerate(text.split('"')) if k % 2 == 0)
        for open_, close, example in _BRACKETS:
            depth = 0
            for ch in outside:
                depth += (ch == open_) - (ch == close)
                if depth < 0:
                    raise self.fail(f"unmatched '{close}' in {shown(text)}; write it as: {example}")
            if depth:
                raise self.fail(f"unclosed '{open_}' in {shown(text)}; write it as: {example}")

    def _check_size(self, tree: Node) -> None:
        count = 0
        stack: list[tuple[Node, int]] = [(tree, 1)]
        while stack:
            node, depth = stack.pop()
            if depth > MAX_DEPTH:
                raise self._too_deep()
            kids = children(node)
            if not kids:
                count += 1
            stack.extend((k, depth + 1) for k in kids)
        if count > MAX_TERMS:
            raise self.fail(f"the query has {count} terms; the most is {MAX_TERMS}: search for fewer words")

    def _too_deep(self) -> QuerySyntaxError:
        return self.fail(f"the query nests parentheses, NOTs or ANDNOT/ANDMAYBE more than {MAX_DEPTH} deep in {shown(self.text)}; write it flatter")

    def _needs_value(self, pending: tuple[str, int]) -> QuerySyntaxError:
        typed = self.text[pending[1] :].split(":", 1)[0]
        return self.fail(f"'{typed}:' needs a value right after the colon in {shown(self.text)}; write it as: {typed}:lukyanov")

    def _operator_alone(self, op: str) -> QuerySyntaxError:
        return self.fail(f"'{op}' needs a term on each side in {shown(self.text)}; write it as: Putin AND Ukraine (lower-case 'and' is a word)")

    def _field(self, typed: str) -> str:
        name = FIELD_ALIASES.get(typed.lower())
        if name is None:
            raise self.fail(f"unknown field '{typed}:' in {shown(self.text)}; fields are {', '.join(MAIN_FIELDS)} (e.g. speaker:lukyanov)")
        return name

    # ---------------------------------------------------------------------------------
    # Pieces

    def _boost_at(self, i: int) -> tuple[float | None, int]:
        """`^2` right after a group or a phrase."""
        m = _GROUP_BOOST.match(self.text, i)
        if m and m.group(1):
            return float(m.group(1)), m.end()
        return None, i

    def _phrase(self, i: int, fieldname: str | None) -> tuple[Node, int]:
        close = self.text.index('"', i + 1)  # there is one: the quotes are balanced
        inner = self.text[i + 1 : close]
        if not inner.strip():
            raise self.fail(f'empty phrase in {shown(self.text)}; put words between the quotes: "return to normality"')
        j = close + 1
        slop = 1
        if m := _SLOP.match(self.text, j):
            slop = int(m.group(1))
            if not 1 <= slop <= MAX_SLOP:
                raise self.fail(f'a phrase\'s ~N lets 1 to {MAX_SLOP} words between its words, not {slop}: write "{inner}"~3')
            j = m.end()
        boost, j = self._boost_at(j)
        return Phrase(inner, fieldname, slop, boost if boost is not None else 1.0), j

    def _single_quoted(self, i: int) -> tuple[str, int] | None:
        """`'new york'`: one search term with a space in it (Whoosh's single quotes): opened
        at the start of a word, closed before a space, a bracket or the end."""
        if i and not (self.text[i - 1].isspace() or self.text[i - 1] in "([:"):
            return None
        m = _SINGLE_QUOTED.match(self.text, i)
        if not m or not m.group(1).strip():
            return None
        return m.group(1), m.end()

    def _range(self, i: int, fieldname: str | None) -> tuple[Node, int]:
        text = self.text
        ends = [p for p in (text.find("]", i), text.find("}", i)) if p >= 0]
        close = min(ends)  # the brackets are balanced, so there is one
        inner = text[i + 1 : close]
        m = _RANGE_TO.search(inner)
        if not m:
            raise self.fail(f"a range needs TO between its ends in {shown(text)}; write it as: date:[2016-01 TO 2016-03]")
        start, end = inner[: m.start()].strip(), inner[m.end() :].strip()
        if _RANGE_TO.search(end):
            raise self.fail(f"a range has one TO in {shown(text)}; write it as: date:[2016-01 TO 2016-03]")
        start, end = (s[1:-1] if len(s) > 1 and s[0] == s[-1] == "'" else s for s in (start, end))
        j = close + 1
        boost, j = self._boost_at(j)
        node = Range(start or None, end or None, fieldname, text[i] == "{", text[close] == "}", boost if boost is not None else 1.0)
        return node, j

    def _comparison(self, fieldname: str, rel: str, i: int, at: int) -> tuple[Node, int]:
        """`date:>2016`, `title:<=m`: a range open at one end."""
        end = _WORD_END.search(self.text, i)
        stop = end.start() if end else len(self.text)
        value = self.text[i:stop]
        if not value:
            raise self.fail(f"'{rel}' needs a value after it in {shown(self.text)}; write it as: date:{rel}2016-03")
        if rel == "<":
            node = Range(None, value, fieldname, end_excl=True)
        elif rel == ">":
            node = Range(value, None, fieldname, start_excl=True)
        elif rel in ("<=", "=<"):
            node = Range(None, value, fieldname)
        else:
            node = Range(value, None, fieldname)
        return node, stop

    def _word(self, raw: str, fieldname: str | None, at: int) -> Node | _Op:
        if raw in OPERATORS and fieldname is None:
            return _Op(raw)
        if "<" in raw or ">" in raw:
            raise self.fail(f"'<' and '>' compare a field with a value, as in date:>2016-03 (in {shown(self.text)}); put other text in quotes: \"a > b\"")
        word = raw
        boost = 1.0
        if m := _BOOST.search(word):
            if m.group(1) and m.start() > 0:
                boost = float(m.group(1))
                word = word[: m.start()]
        if (m := _FUZZ.search(word)) and m.start() > 0:
            return self._fuzzy(word[: m.start()], m, fieldname, boost)
        if any(ch in word for ch in "*" + _QMARKS):
            if word == "*" and fieldname is None:
                return Every()
            if word.endswith("*") and word.count("*") == 1 and not any(q in word for q in _QMARKS):
                return Prefix(word[:-1], fieldname, boost)
            return Wildcard(word, fieldname, boost)
        return Word(word, fieldname, boost)

    def _fuzzy(self, word: str, m: re.Match[str], fieldname: str | None, boost: float) -> Node:
        if any(ch in word for ch in "*~" + _QMARKS):
            raise self.fail(f"a fuzzy term is one word without wildcards, not {word + m.group(0)!r}; write it as: Lukianov~")
        edits = int(m.group(1)) if m.group(1) else 1
        prefix = int(m.group(2)) if m.group(2) is not None else 1
        if edits > MAX_FUZZY_EDITS:
            self.notes.append(f"{word}~{edits}: a fuzzy term allows at most {MAX_FUZZY_EDITS} edits; searched {word}~{MAX_FUZZY_EDITS}")
            edits = MAX_FUZZY_EDITS
        if prefix > len(word):
            raise self.fail(
                f"{word + m.group(0)!r}: the letters that must match ({prefix}) are more than the word has ({len(word)}); write it as: {word}~{edits}/1"
            )
        return Fuzzy(word, fieldname, edits, prefix, boost)

    # ---------------------------------------------------------------------------------
    # Operators

    def _resolve(self, items: list[Node | _Op]) -> Node:
        """Whoosh's precedence over one level of parentheses: NOT, then AND, OR, ANDNOT and
        ANDMAYBE (each left to right); what stays side by side is ANDed."""
        if not items:
            raise self.fail(f"empty parentheses in {shown(self.text)}; put a word inside: (Putin OR Trump)")
        work = list(items)
        # NOT, right to left, so that NOT NOT a is a
        for k in range(len(work) - 1, -1, -1):
            item = work[k]
            if isinstance(item, _Op) and item.word == "NOT":
                if k + 1 >= len(work) or isinstance(work[k + 1], _Op):
                    raise self.fail(f"'NOT' needs a term after it in {shown(self.text)}; write it as: Putin AND NOT Trump")
                nxt = work[k + 1]
                assert not isinstance(nxt, _Op)
                work[k : k + 2] = [Not(nxt)]
        for op in ("AND", "OR", "ANDNOT", "ANDMAYBE"):
            k = 0
            while k < len(work):
                item = work[k]
                if not (isinstance(item, _Op) and item.word == op):
                    k += 1
                    continue
                if k == 0 or k + 1 >= len(work) or isinstance(work[k - 1], _Op) or isinstance(work[k + 1], _Op):
                    raise self._operator_alone(op)
                left, right = work[k - 1], work[k + 1]
                assert not isinstance(left, _Op) and not isinstance(right, _Op)
                work[k - 1 : k + 2] = [self._join(op, left, right)]
        nodes = [w for w in work if not isinstance(w, _Op)]
        if len(nodes) != len(work):  # an operator left over (one of the others' sides)
            leftover = next(w for w in work if isinstance(w, _Op))
            raise self._operator_alone(leftover.word)
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    @staticmethod
    def _join(op: str, left: Node, right: Node) -> Node:
        if op == "AND":
            return And((*left.children, right) if isinstance(left, And) and left.boost == 1.0 else (left, right))
        if op == "OR":
            return Or((*left.children, right) if isinstance(left, Or) and left.boost == 1.0 else (left, right))
        if op == "ANDNOT":
            return AndNot(left, right)
        return AndMaybe(left, right)

    # ---------------------------------------------------------------------------------
    # Dates: `date:` leaves become day ranges once every leaf has its field

    def _dates(self, leaf: Node) -> Node:
        if not isinstance(leaf, TEXT_LEAVES) or leaf.field != DATE_FIELD:
            return leaf
        if isinstance(leaf, (Word, Phrase)):
            first, last = self._period(leaf.text.strip())
            return DateRange(first, last, leaf.boost)
        if isinstance(leaf, Range):
            start = end = None
            try:
                if leaf.start:
                    first, last = self._period(leaf.start)
                    start = last + dt.timedelta(days=1) if leaf.start_excl else first
                if leaf.end:
                    first, last = self._period(leaf.end)
                    end = first - dt.timedelta(days=1) if leaf.end_excl else last
            except OverflowError:
                raise self.fail(f"no date comes before or after {leaf.start or leaf.end!r}; {_DATE_HOW}") from None
            if start and end and start > end:
                raise self.fail(f"the date range {start}..{end} in {shown(self.text)} is empty: its start is after its end; swap its ends")
            return DateRange(start, end, leaf.boost)
        raise self.fail(f"date: takes a date or a range, not {leaf.text!r}; {_DATE_HOW}")

    def _period(self, typed: str) -> tuple[dt.date, dt.date]:
        try:
            first, last = period(typed)
        except DateError as exc:
            raise self.fail(f"bad date in query: {exc}; {_DATE_HOW}") from None
        return first, last


def require_text(value: str, what: str) -> str:
    """`value`, if it is text: a name or a query read from a command line that was not
    UTF-8 holds lone surrogates, which no index term (and no terminal) can take."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise QuerySyntaxError(f"{what} holds bytes that are not text (at column {exc.start + 1}); type it again or pass it as UTF-8") from None
    return value


def period(typed: str) -> tuple[dt.date, dt.date]:
    """`search.dates.parse_period`, refusing the years no date has (year 0)."""
    try:
        return parse_period(require_text(typed, "the date"))
    except ValueError as exc:
        raise DateError(f"impossible date {typed!r}: {exc}; write a year from 0001 to 9999") from None
