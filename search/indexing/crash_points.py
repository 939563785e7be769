"""Named points of an indexing run where a test can stop it dead (tests/test_crash.py).

A run killed at any moment must leave the index as the last completed run left it. Killing
a run after a delay tests whatever moment the delay happens to hit, which depends on the
machine; these points name the moments that matter, in the order a run reaches them:

    after-scan            the corpus walked, nothing read yet
    after-read            every file read and written into worker segments, names not settled
    after-segment-write   the workers' segments finished on disk, nothing committed
    after-delete          old documents deleted in the (uncommitted) writer
    mid-rename            half the quotes given their speakers' settled names
    before-commit         the run's state and identity table saved for the new generation
    after-commit          the commit in, the previous generation's files not yet cleared

With `SEARCH_KILL_AT=<point>` in its environment the indexer kills itself with SIGKILL on
reaching that point: no clean-up, no `finally`, as if the power went. In-process tests can
set `hook` instead, a function called with each point's name. Outside tests a point costs an
environment lookup, a few times per run.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

ENV_VAR = "SEARCH_KILL_AT"
POINTS = ("after-scan", "after-read", "after-segment-write", "after-delete", "mid-rename", "before-commit", "after-commit")

hook: Callable[[str], None] | None = None


def reached(point: str) -> None:
    """The run is at `point`: kill it here if asked to."""
    assert point in POINTS, point
    if hook is not None:
        hook(point)
    if os.environ.get(ENV_VAR) == point:
        os.kill(os.getpid(), signal.SIGKILL)
