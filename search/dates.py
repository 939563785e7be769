"""Dates as people type them: YYYY, YYYY-MM or YYYY-MM-DD, each meaning a whole period.

`--since 2025-02` starts on 1 February, `--until 2025-02` ends on 28 February, `--on 2025`
covers the year. The same forms work inside queries (`date:2025-02`, `date:[2025-01 TO
2025-03]`) through `WhooshDates`, which replaces Whoosh's English date parser: that one reads
'2025-03' as the year 2025.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from whoosh.qparser.dateparse import DateParserPlugin, DateTimeNode
from whoosh.util.times import adatetime, timespan

from search.errors import DateError

_FORM = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
HOW = "write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-02-18"


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period `text` names; DateError says what is wrong."""
    m = _FORM.match(text or "")
    if not m:
        raise DateError(f"not a date: {text!r}; {HOW}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"impossible date {text!r}: there is no month {month}; {HOW}")
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, last)
    if not 1 <= day <= last:
        raise DateError(f"impossible date {text!r}: {calendar.month_name[month]} {year} has {last} days; {HOW}")
    d = dt.date(year, month, day)
    return d, d


def to_datetime(d: dt.date, end: bool = False) -> dt.datetime:
    """Naive UTC datetime for a Whoosh DATETIME bound (the end bound is the day's last instant)."""
    return dt.datetime.combine(d, dt.time.max if end else dt.time.min)


class WhooshDates:
    """A date parser for Whoosh's DateParserPlugin that understands only our three forms."""

    def get_parser(self) -> WhooshDates:
        return self

    def date_from(self, text: str, basedate: dt.datetime | None = None, **_: object) -> adatetime | None:
        m = _FORM.match(text or "")
        if not m:
            return None
        try:
            first, _last = parse_period(text)
        except DateError:
            return None
        return adatetime(
            year=first.year,
            month=first.month if m.group(2) else None,
            day=first.day if m.group(3) else None,
        )


class PeriodDatePlugin(DateParserPlugin):
    """Whoosh's date plugin, reading `date:2025-02` as the whole month.

    Whoosh turns a partial date into a single instant and then fails on it ('Unknown time
    object'), so a lone date becomes the span from its first to its last instant here; ranges
    (`date:[2025-01 TO 2025-03]`, `date:>2025-02`) already widen their ends that way.
    """

    def __init__(self, callback=None) -> None:
        super().__init__(dateparser=WhooshDates(), callback=callback)

    def text_to_dt(self, node):
        out = super().text_to_dt(node)
        if isinstance(out, DateTimeNode) and isinstance(out.dt, adatetime):
            out.dt = timespan(out.dt.floor(), out.dt.ceil())
        return out
