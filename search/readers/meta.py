"""Metadata every web reader needs alike: dates as naive UTC days, one name per outlet,
the language of a text, and a record of where each field came from (`Article.provenance`).

Why one module: a page read from a folder, from a WARC, from a zip or from a feed must get
the same date, outlet and language whichever way it came, and `search show --provenance`
must say the same thing about it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from urllib.parse import urlsplit

from search.sources import canonical_outlet, outlet_for_domain

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def utc_day(value: object) -> dt.date | None:
    """The UTC calendar day of a date as feeds, crawlers and spreadsheets write it: ISO 8601
    with or without a time and an offset ('2023-11-08T21:30:00-05:00' is 9 November in UTC),
    RFC 2822 ('Wed, 08 Nov 2023 21:30:00 -0500'), a bare day, or a date/datetime object.
    A time without an offset is taken as UTC already; midnight with an offset is how many
    pages write a day without a time, so it stays that day. None when it is no date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        return value
    else:
        text = str(value).strip()
        m = _ISO_DAY.match(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
        try:
            stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" UTC", "+00:00"))
        except ValueError:
            try:
                stamp = email.utils.parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    if stamp.tzinfo is not None and stamp.timetz().replace(tzinfo=None) != dt.time(0):
        stamp = stamp.astimezone(dt.UTC)  # midnight with an offset is a day without a time: kept as it is
    return stamp.date()


def host_of(url: str | None) -> str | None:
    """'https://www.cnn.com/2021/…' -> 'cnn.com'."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def outlet(name: str | None = None, url: str | None = None) -> tuple[str | None, str]:
    """One name per outlet: the name in the outlet table (`search.sources`, the table
    `--source` uses) for the name the page gives or its web address; else the name as given,
    else the address's host. Returns (name, how it was found)."""
    if name:
        canonical = canonical_outlet(name)
        if canonical:
            return canonical, f"{name!r} in the outlet table"
    host = host_of(url)
    if host:
        known = outlet_for_domain(host)
        if known:
            return known, f"web address {host} in the outlet table"
    if name:
        return name.strip(), "the name as given (not in the outlet table)"
    if host:
        return host, "web address host (no outlet name given)"
    return None, ""


_LANGID = None


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, the identifier trafilatura uses),
    read from at most its first 5,000 characters; None for too little text to tell."""
    global _LANGID
    sample = text[:5000]
    if sum(c.isalpha() for c in sample[:400]) < 40:
        return None
    if _LANGID is None:
        import py3langid

        _LANGID = py3langid
    return str(_LANGID.classify(sample)[0])


# The commonest words of English news, all short and frequent: in every English article of
# PolNeAR and the variety set they are 13 % or more of the words (most 30-45 %), in the saved
# German, French, Spanish and Italian pages 1-7 % ('a', 'in', 'on' are words there too).
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for it was on with he as said by at his be are from have has this not but "
    "had they which an were who will their been would she her its or we you i".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ENGLISH_SHARE = 0.12  # below it, the identifier decides
_MIN_WORDS = 30


# How `Article.provenance` says a text's language was found (`search show --provenance`).
IDENTIFIED_NOT_ENGLISH = "identified from the text (py3langid): not English"


def given_language(value: str) -> str:
    """A language as a record gives it, as the code the rest of the program compares:
    'en-US', 'EN', 'English' are 'en' (quotes are looked for in 'en' only)."""
    code = value.strip().lower().replace("_", "-").split("-", 1)[0]
    return "en" if code in ("en", "eng", "english") else code


def language_unless_english(text: str) -> str | None:
    """The language of a text that does not read as English (py3langid's ISO 639-1 code);
    None for English and for too little text to tell.

    Why two steps: the identifier costs about as much as finding an article's quotes (2.8
    ms), so text inputs that carry no language (plain text, JSON Lines) cannot all pay for it;
    the share of the commonest English words in the first 3,000 characters settles almost
    every English article at once, and only the rest are identified. Without it a German or
    Spanish article went through the English rules and came out with 'Es', 'Das' and 'Y'
    as speakers."""
    words = _WORD.findall(text[:3000])
    if len(words) < _MIN_WORDS:
        return None
    english = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    if english >= _ENGLISH_SHARE * len(words):
        return None
    language = language_of(text)
    return None if language in (None, "en") else language


def join_authors(value: str | None) -> str | None:
    """trafilatura lists authors as 'Rob Picheta; CNN'; the text reader writes 'A and B'."""
    if not value:
        return None
    names = [n.strip() for n in value.split(";") if n.strip()]
    return " and ".join(names) or None
