"""The documents a query matched, as a backend hands them to the query layer.

A common word matches a million documents at 100,000 articles. The Whoosh backend finds
them as a numpy array; a Python list of them cost 40 ms to make and counting facets over it
a Python step per document (150 ms a facet). `DocNumbers` is a `Sequence[int]` over the
array: code that walks matches gets plain ints, and code that counts (`search.query.facets`)
takes `.array` and counts in C.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:  # numpy is imported by the backend that makes these (a tantivy search never does)
    import numpy as np


class DocNumbers(Sequence[int]):
    """Sorted document numbers over an int64 array (`array`)."""

    __slots__ = ("array", "_list")

    def __init__(self, numbers: np.ndarray) -> None:
        self.array = numbers
        self._list: list[int] | None = None

    def _ints(self) -> list[int]:
        if self._list is None:
            self._list = self.array.tolist()
        return self._list

    def __len__(self) -> int:
        return len(self.array)

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[int]: ...
    def __getitem__(self, i: Any) -> Any:
        return self._ints()[i]

    def __iter__(self) -> Iterator[int]:
        return iter(self._ints())

    def __contains__(self, n: object) -> bool:
        if not isinstance(n, int) or not len(self.array):
            return False
        at = int(self.array.searchsorted(n))
        return at < len(self.array) and int(self.array[at]) == n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def as_array(docnums: Sequence[int]) -> np.ndarray | None:
    """The numbers as an array when they are one already (None: a plain sequence)."""
    return docnums.array if isinstance(docnums, DocNumbers) else None
