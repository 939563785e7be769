"""The parsed query: a small tree of dataclasses that any backend can compile.

Nodes are values: nothing changes one after it is built (`dataclasses.replace` and
`transform` make changed copies). They are not frozen only because a frozen dataclass costs
twice as much to define, and every `search query` defines them at start-up.

Leaves hold the text as the user typed it (a backend analyses it with the field's analyzer:
stemming, case, accents); `field` None means the default fields (`language.DEFAULT_FIELDS`).
`Exact` and `Nothing` never come from the parser: the request compiler puts them where a
forgiving name was matched against the index (`speaker:lukyanov` -> the identities' names).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace


@dataclass
class Word:
    """A word, or a 'single-quoted' text searched as one; analysed into one or more terms
    (several must all be there: 'U.S.-Russia' is u.s AND russia)."""

    text: str
    field: str | None = None
    boost: float = 1.0


@dataclass
class Phrase:
    """Words in this order; `slop` 1 means next to each other (`"a b"~3` lets some between)."""

    text: str
    field: str | None = None
    slop: int = 1
    boost: float = 1.0


@dataclass
class Prefix:
    """`negotiat*`: every indexed word starting so (`text` without the star)."""

    text: str
    field: str | None = None
    boost: float = 1.0


@dataclass
class Wildcard:
    """`Tr?mp`, `*ussia`: `*` any run of characters, `?` one character."""

    text: str
    field: str | None = None
    boost: float = 1.0


@dataclass
class Fuzzy:
    """`Lukianov~`: indexed words within `edits` edits, sharing the first `prefix` letters."""

    text: str
    field: str | None = None
    edits: int = 1
    prefix: int = 1
    boost: float = 1.0


@dataclass
class Range:
    """`title:[a TO c]`: indexed words between two ends (either may be open)."""

    start: str | None
    end: str | None
    field: str | None = None
    start_excl: bool = False
    end_excl: bool = False
    boost: float = 1.0


@dataclass
class DateRange:
    """Documents dated from `start` to `end`, both days included (either may be open)."""

    start: dt.date | None
    end: dt.date | None
    boost: float = 1.0


@dataclass
class Exact:
    """Documents whose `field` holds one of `values` exactly (no analysis)."""

    field: str
    values: tuple[str, ...]


@dataclass
class Every:
    """Every document (`*`)."""


@dataclass
class Nothing:
    """No document."""


@dataclass
class And:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass
class Or:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass
class Not:
    child: Node


@dataclass
class AndNot:
    """`a ANDNOT b`: a, less what b matches."""

    left: Node
    right: Node


@dataclass
class AndMaybe:
    """`a ANDMAYBE b`: what a matches, scored higher where b matches too."""

    left: Node
    right: Node


Leaf = Word | Phrase | Prefix | Wildcard | Fuzzy | Range | DateRange | Exact | Every | Nothing
Node = Leaf | And | Or | Not | AndNot | AndMaybe
TextLeaf = Word | Phrase | Prefix | Wildcard | Fuzzy | Range
TEXT_LEAVES = (Word, Phrase, Prefix, Wildcard, Fuzzy, Range)


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, (And, Or)):
        return node.children
    if isinstance(node, Not):
        return (node.child,)
    if isinstance(node, (AndNot, AndMaybe)):
        return (node.left, node.right)
    return ()


def leaves(node: Node) -> Iterator[Node]:
    """Every leaf, depth first (iteratively: a tree is at most `MAX_DEPTH` deep, but a
    caller's tree need not come from the parser)."""
    stack = [node]
    while stack:
        n = stack.pop()
        kids = children(n)
        if kids:
            stack.extend(reversed(kids))
        else:
            yield n


def transform(node: Node, fn: Callable[[Node], Node]) -> Node:
    """The tree with `fn` applied to each leaf (bottom up); compound nodes are rebuilt."""
    if isinstance(node, (And, Or)):
        return replace(node, children=tuple(transform(c, fn) for c in node.children))
    if isinstance(node, Not):
        return Not(transform(node.child, fn))
    if isinstance(node, (AndNot, AndMaybe)):
        return type(node)(transform(node.left, fn), transform(node.right, fn))
    return fn(node)


def simplify(node: Node) -> Node:
    """Fold `Every` and `Nothing` into their parents: `* AND x` is x, `x OR *` everything,
    `NOT *` nothing. A backend then meets them only alone, where they are cheap."""
    if isinstance(node, And):
        kids = [simplify(c) for c in node.children]
        if any(isinstance(c, Nothing) for c in kids):
            return Nothing()
        kept: tuple[Node, ...] = tuple(c for c in kids if not isinstance(c, Every))
        if not kept:
            return Every()
        return kept[0] if len(kept) == 1 and node.boost == 1.0 else replace(node, children=kept)
    if isinstance(node, Or):
        kids = [simplify(c) for c in node.children]
        if any(isinstance(c, Every) for c in kids):
            return Every()
        rest: tuple[Node, ...] = tuple(c for c in kids if not isinstance(c, Nothing))
        if not rest:
            return Nothing()
        return rest[0] if len(rest) == 1 and node.boost == 1.0 else replace(node, children=rest)
    if isinstance(node, Not):
        child = simplify(node.child)
        if isinstance(child, Every):
            return Nothing()
        if isinstance(child, Nothing):
            return Every()
        return Not(child)
    if isinstance(node, AndNot):
        left, right = simplify(node.left), simplify(node.right)
        if isinstance(left, Nothing) or isinstance(right, Every):
            return Nothing()
        if isinstance(right, Nothing):
            return left
        return Not(right) if isinstance(left, Every) else AndNot(left, right)
    if isinstance(node, AndMaybe):
        left, right = simplify(node.left), simplify(node.right)
        if isinstance(left, (Every, Nothing)) or isinstance(right, Nothing):
            return left
        return Every() if isinstance(right, Every) else AndMaybe(left, right)
    return node


def with_field(node: Node, field: str) -> Node:
    """`title:(a OR b)`: the field given to every leaf that has none of its own."""

    def give(leaf: Node) -> Node:
        if isinstance(leaf, TEXT_LEAVES) and leaf.field is None:
            return replace(leaf, field=field)
        return leaf

    return transform(node, give)


def with_boost(node: Node, boost: float) -> Node:
    if isinstance(node, (Word, Phrase, Prefix, Wildcard, Fuzzy, Range, DateRange, And, Or)):
        return replace(node, boost=boost)
    return node
