"""RSS and Atom feeds, read with feedparser: one article per entry.

An entry's text is its full content where the feed carries it (`content:encoded`, Atom
`content`), else its summary, and then flagged as a summary in its provenance: a summary
holds a line or two of the story, rarely its quotes. The outlet is the feed's title (or its
site's address), mapped to one name per outlet. Dates are the entry's publication date in UTC
(its update date when it gives none, flagged).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from search.models import Article
from search.readers.jsonl import Skip
from search.readers.meta import join_authors, language_of, outlet
from search.readers.paragraphs import split_paragraphs
from search.readers.text import derived_title

# A character reference to a surrogate (&#xD800; &#55296;), which is no character:
# feedparser turns it into one and then fails encoding it, losing the whole feed.
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d|573[0-3]\d|5734[0-3]));")
_BLOCKS = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure figcaption br hr dd dt".split())


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment, one line per block (paragraph, list item, heading)."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup.strip()
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style"):
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _utc(struct) -> dt.date | None:
    """feedparser's parsed dates are UTC struct_times."""
    if not struct:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(struct), dt.UTC).date()


def read_feed(data: bytes, display: str, rel: str) -> Iterator[Article | Skip]:
    import feedparser

    try:
        parsed = feedparser.parse(_SURROGATE_REF.sub(b"&#xFFFD;", data))
    except Exception as exc:  # feedparser's own failure on a malformed feed: this file only
        yield Skip(display, f"not a readable RSS or Atom feed (feedparser failed: {type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield Skip(display, f"no entries: not a readable RSS or Atom feed{why}")
        return
    feed = parsed.get("feed") or {}
    feed_source, feed_how = outlet(feed.get("title") or None, feed.get("link") or None)
    for number, entry in enumerate(entries, start=1):
        prov: dict[str, str] = {}
        content = entry.get("content") or []
        full = max((c.get("value") or "" for c in content), key=len, default="")
        if full.strip():
            text = fragment_text(full)
            prov["text"] = "the entry's full content (content:encoded / Atom content)"
        else:
            text = fragment_text(entry.get("summary") or entry.get("description") or "")
            prov["text"] = "SUMMARY only: the feed carries no full text for this entry"
        if not text.strip():
            yield Skip(display, f"entry {number} has no text", number, partial=True)
            continue
        link = entry.get("link") or None
        rid = entry.get("id") or link or f"{rel}#{number}"
        prov["id"] = "entry id (guid)" if entry.get("id") else ("entry link" if link else "file and entry number")
        date = _utc(entry.get("published_parsed"))
        if date is not None:
            prov["date"] = "entry publication date (UTC)"
        elif (date := _utc(entry.get("updated_parsed"))) is not None:
            prov["date"] = "entry UPDATE date: the entry gives no publication date"
        source, how = outlet(feed.get("title") or None, link or feed.get("link") or None) if not feed_source else (feed_source, feed_how)
        if source:
            prov["source"] = f"feed title/address: {how}"
        body = split_paragraphs(text)
        title = fragment_text(entry.get("title") or "")
        title_derived = False
        if title:
            prov["title"] = "entry title"
        else:
            title = derived_title(body)
            title_derived = bool(title)
        author = join_authors(entry.get("author"))
        if author:
            prov["author"] = "entry author"
        if link:
            prov["url"] = "entry link"
        language = language_of(text)
        if language:
            prov["language"] = "identified from the text (py3langid)"
        yield Article(
            id=str(rid),
            title=title,
            title_derived=title_derived,
            summary=fragment_text(entry.get("summary") or "") if full.strip() else "",
            date=date,
            source=source,
            author=author,
            url=link,
            path=display,
            line=number,
            text=text,
            body=body,
            language=language,
            provenance=prov,
        )
