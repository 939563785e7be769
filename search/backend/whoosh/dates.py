"""Our date forms (`search.dates`) inside Whoosh's query language: `date:2025-02` is February."""

from __future__ import annotations

import datetime as dt
from typing import Any

from whoosh.qparser.dateparse import DateParserPlugin, DateTimeNode
from whoosh.util.times import adatetime, timespan

from search.dates import partial_date


class WhooshDates:
    """A date parser for Whoosh's DateParserPlugin that understands only our three forms."""

    def get_parser(self) -> WhooshDates:
        return self

    def date_from(self, text: str, basedate: dt.datetime | None = None, **_: object) -> adatetime | None:
        parts = partial_date(text)
        if parts is None:
            return None
        year, month, day = parts
        return adatetime(year=year, month=month, day=day)


class PeriodDatePlugin(DateParserPlugin):  # type: ignore[misc]  # Whoosh has no type hints
    """Whoosh's date plugin, reading `date:2025-02` as the whole month.

    Whoosh turns a partial date into a single instant and then fails on it ('Unknown time
    object'), so a lone date becomes the span from its first to its last instant here; ranges
    (`date:[2025-01 TO 2025-03]`, `date:>2025-02`) already widen their ends that way.
    """

    def __init__(self, callback: Any = None) -> None:
        super().__init__(dateparser=WhooshDates(), callback=callback)

    def text_to_dt(self, node: Any) -> Any:
        out = super().text_to_dt(node)
        if isinstance(out, DateTimeNode) and isinstance(out.dt, adatetime):
            out.dt = timespan(out.dt.floor(), out.dt.ceil())
        return out
