"""Progress of an indexing run: a bar on a terminal, a log line now and then when piped.

Time left is estimated from bytes (what is read is what costs), the rate is given in
articles per second, the unit users think in. Drawing is throttled so that a fast run never
spends its time printing.
"""

from __future__ import annotations

import sys
import time
from typing import Literal, TextIO

Mode = Literal["bar", "log", "none"]


def choose_mode(quiet: bool, stream: TextIO | None = None) -> Mode:
    """A bar on a terminal, plain log lines when piped, nothing with --quiet."""
    if quiet:
        return "none"
    stream = stream or sys.stderr
    return "bar" if stream.isatty() else "log"


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    def __init__(self, mode: Mode = "none", stream: TextIO | None = None, log_every: float = 10.0, draw_every: float = 0.1):
        self.mode = mode
        self.stream = stream or sys.stderr  # looked up now, not at import: tests swap sys.stderr
        self.log_every = log_every
        self.draw_every = draw_every
        self.total_bytes = 0
        self.files_total = 0
        self.bytes = self.files = self.articles = self.quotes = 0
        self.started = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def start(self, files_total: int, total_bytes: int) -> None:
        self.files_total, self.total_bytes = files_total, total_bytes
        self.started = self._last = time.monotonic()
        if self.mode == "log" and files_total:
            self._write(f"indexing {files_total} changed or new file(s), {total_bytes / 1e6:.1f} MB\n")

    def update(self, files: int = 0, nbytes: int = 0, articles: int = 0, quotes: int = 0) -> None:
        self.files += files
        self.bytes += nbytes
        self.articles += articles
        self.quotes += quotes
        now = time.monotonic()
        if self.mode == "bar" and now - self._last >= self.draw_every:
            self._last = now
            self._draw(now)
        elif self.mode == "log" and now - self._last >= self.log_every:
            self._last = now
            self._write(self._line(now) + "\n")

    def message(self, text: str) -> None:
        """A line (a warning) printed above the bar, whatever the mode (not when quiet)."""
        if self.mode == "none":
            return
        if self._drawn:
            self._write("\r\x1b[K")
        self._write(text + "\n")
        if self._drawn:
            self._draw(time.monotonic())

    def phase(self, text: str) -> None:
        """What happens after the files are read (names, commit): these take a while at scale."""
        if self.mode == "bar":
            self._drawn = True
            self._write(f"\r\x1b[K{text}…")
        elif self.mode == "log" and time.monotonic() - self.started > 2:  # a quick run needs no play-by-play
            self._write(text + "\n")

    def close(self) -> None:
        if self.mode == "bar" and self._drawn:
            self._write("\r\x1b[K")
            self._drawn = False

    def _line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-6)
        rate = self.articles / elapsed
        frac = self.bytes / self.total_bytes if self.total_bytes else 0.0
        left = f", {_clock(elapsed * (1 - frac) / frac)} left" if frac > 0.01 else ""
        return f"{self.articles:,} articles, {self.quotes:,} quotes, {rate:,.0f} articles/s, {frac:4.0%} of {self.total_bytes / 1e6:,.0f} MB{left}"

    def _draw(self, now: float) -> None:
        frac = self.bytes / self.total_bytes if self.total_bytes else 0.0
        width = 24
        done = int(frac * width)
        bar = "█" * done + "░" * (width - done)
        self._drawn = True
        self._write(f"\r\x1b[K{bar} {self._line(now)}")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass
