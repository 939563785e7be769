"""Saved web pages: main text and metadata read with trafilatura (dates with htmldate).

trafilatura is the field's most accurate main-text extractor: menus, ads, cookie banners,
related links and share bars stay out; paragraphs come out one per line, so quotes and
`search show` work as on text files. What it keeps that is still no one's words (a
newsletter prompt inside the story, a caption, 'Story continues below advertisement') is
left out of the body by the same rules that keep quote finding off it
(`search.quotes.furniture`), so there is one place for each such rule.

Metadata: title, date (the publication date, never the page's modification or crawl date;
a crawl date from a WARC record is used only when the page has none, and flagged), author,
canonical URL, outlet (one name per outlet, `search.readers.meta.outlet`) and the text's
language. `Article.provenance` says where each came from.
"""

from __future__ import annotations

import datetime as dt
import logging

from search.models import Article
from search.readers.meta import join_authors, language_of, outlet, utc_day
from search.readers.paragraphs import split_paragraphs
from search.readers.text import derived_title

# trafilatura and htmldate log page problems at WARNING (to stderr, through logging's last
# resort handler): a page we cannot read is named once, by the corpus walk, instead.
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

MIN_WORDS = 12  # fewer words of main text: a menu, a login or an error page, not an article


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file are an HTML page (any extension, any case)."""
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if h.startswith((b"<!doctype html", b"<html")):
        return True
    window = h[:2048]
    return window.startswith((b"<!--", b"<?xml", b"<head", b"<meta", b"<title")) and (b"<html" in window or b"<head" in window or b"<body" in window)


def html_article(
    data: bytes | str,
    article_id: str,
    path: str | None = None,
    *,
    url: str | None = None,
    crawl_date: dt.datetime | dt.date | str | None = None,
    origin: str = "the page",
) -> Article:
    """One page as an Article. `url` and `crawl_date` come from a WARC record when there is
    one. Raises ValueError naming why a page gives no article (no main text)."""
    import trafilatura
    from trafilatura.settings import Document, set_date_params

    from search.quotes.furniture import BODY_OUT, furniture_kind

    # the time and its offset too, so that the day is the UTC day ('22:46 at UTC-3' is the next day)
    dates = set_date_params() | {"outputformat": "%Y-%m-%dT%H:%M:%S%z"}
    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, date_extraction_params=dates)
    if not isinstance(doc, Document):  # None: nothing extracted (a dict only when asked for one)
        raise ValueError("no main text found on the page (not an article page?)")
    text = doc.text or ""
    if len(text.split()) < MIN_WORDS:
        raise ValueError("no main text found on the page (not an article page?)")
    paras = split_paragraphs(text)
    body = [p for p in paras if furniture_kind(text, p.start, p.end) not in BODY_OUT]
    prov: dict[str, str] = {"text": f"main text of {origin} (trafilatura)"}

    title = (doc.title or "").strip()
    title_derived = False
    if title:
        prov["title"] = f"{origin}'s metadata (og:title, <title> or headline; trafilatura)"
    else:
        title = derived_title(body)
        title_derived = bool(title)
        if title:
            prov["title"] = "first sentence of the text (the page gives none)"

    date = utc_day(doc.date)
    if date is not None:
        prov["date"] = f"publication date on {origin} (htmldate)"
    elif crawl_date is not None and (date := utc_day(crawl_date)) is not None:
        prov["date"] = "CRAWL DATE of the archive record (WARC-Date): the page gives no publication date"

    page_url = doc.url or url
    if doc.url:
        prov["url"] = f"canonical address on {origin}"
    elif url:
        prov["url"] = "address the page was fetched from (WARC-Target-URI)"
    source, how = outlet(doc.sitename, page_url or doc.hostname)
    if source:
        prov["source"] = f"{how}"
    author = join_authors(doc.author)
    if author:
        prov["author"] = f"{origin}'s byline metadata (trafilatura)"
    summary = (doc.description or "").strip()
    if summary:
        prov["summary"] = f"{origin}'s description (meta description or og:description)"
    language = language_of(text)
    if language:
        prov["language"] = "identified from the main text (py3langid)"
    return Article(
        id=article_id,
        title=title,
        title_derived=title_derived,
        summary=summary,
        date=date,
        source=source,
        author=author,
        url=page_url,
        path=path,
        text=text,
        body=body,
        language=language,
        provenance=prov,
    )
