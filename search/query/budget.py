"""A search's time budget: every search ends in time, with results or with a clear refusal.

The budget is checked where a search spends its time (expanding wildcards and fuzzy terms,
collecting matches, counting), not by a timer thread or a signal: a library must not
interrupt its caller's code, and the checks cost nothing next to the work between them.
A search that runs out raises `SearchTimeoutError` (the CLI's exit 2 with one line).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from search.errors import SearchTimeoutError

DEFAULT_BUDGET = 5.0  # seconds; the PolNeAR index answers every query it allows well within it
DEFAULT = object()  # "the default budget": DEFAULT_BUDGET as it is when an Index opens (tests lower it)


class Deadline:
    """The moment a search must end by. `check()` is cheap: call it in loops."""

    __slots__ = ("seconds", "started", "_ends", "_calls")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.started = time.perf_counter()
        self._ends = self.started + seconds if seconds is not None else float("inf")
        self._calls = 0

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def expired(self) -> bool:
        return time.perf_counter() > self._ends

    def check(self, every: int = 1) -> None:
        """Raise SearchTimeoutError once the budget is spent (looking at the clock on every
        `every`th call only, for the tightest loops)."""
        self._calls += 1
        if self._calls % every == 0 and time.perf_counter() > self._ends:
            raise SearchTimeoutError(
                f"the search took more than its time budget of {self.seconds:g} s and was stopped: "
                "narrow it (a filter, fewer wildcards, longer word beginnings before '*')"
            )


_CURRENT: ContextVar[Deadline | None] = ContextVar("search_deadline", default=None)


def current() -> Deadline:
    """The running search's deadline (one without limit outside a search)."""
    return _CURRENT.get() or Deadline(None)


@contextmanager
def running(deadline: Deadline) -> Iterator[Deadline]:
    """Make `deadline` the one `current()` gives while the block runs."""
    token = _CURRENT.set(deadline)
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)
