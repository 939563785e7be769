"""Dates as people type them: YYYY, YYYY-MM or YYYY-MM-DD, each meaning a whole period.

`--since 2025-02` starts on 1 February, `--until 2025-02` ends on 28 February, `--on 2025`
covers the year. The same forms work inside queries (`date:2025-02`, `date:[2025-01 TO
2025-03]`): our query parser (`search.query.parser`) reads them here, where Whoosh's English
date parser read '2025-03' as the year 2025.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

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


def partial_date(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) as `text` writes them, None for a part it leaves out; None when it
    is not one of our forms or names a day that does not exist."""
    m = _FORM.match(text or "")
    if not m:
        return None
    try:
        parse_period(text)
    except DateError:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None
