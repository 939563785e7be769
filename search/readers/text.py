"""Plain-text articles as news sites and clipping tools lay them out.

Recognised, all optional: a leading `date YYYY-MM-DD` header; a headline line; a `Summary`
line followed by the summary (sometimes glued to the first paragraph with no space:
'...allies.RIYADH, Saudi Arabia—The ...'); a dateline opening the first paragraph; a closing
'Write to NAME at EMAIL' line naming the author and, by the e-mail's domain, the outlet.
Photo captions ('Maxim Shemetov/Reuters ...'), 'Why We Wrote This' boxes, links and prompts are
kept out of the body by the page-furniture rules quote finding uses (`search.quotes.furniture`,
one place for each rule), so that they never yield quotes. Nothing is invented: a file
without a headline gets its first sentence as a title, flagged `title_derived`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from search.models import Article, Paragraph
from search.quotes.furniture import BODY_OUT, furniture_kind
from search.readers.meta import IDENTIFIED_NOT_ENGLISH, language_unless_english
from search.readers.paragraphs import split_paragraphs
from search.sources import outlet_for_domain

_DATE_HEADER = re.compile(r"\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
# 'RIYADH, Saudi Arabia—', 'WASHINGTON —', 'NEW YORK (AP) — '
_DATELINE = re.compile(r"(?P<dateline>[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][\w.'’ -]*?)?(?: \([A-Za-z .]+\))?)\s*(?:—|–|--| - )\s*(?=\S)")
_WRITE_TO = re.compile(r"^Write to (?P<who>.+?)\s*$")
_WRITER = re.compile(r"(?P<name>[^,]+?) at (?P<email>[\w.+-]+@(?P<domain>[\w.-]+\w))")
_SENTENCE_END = re.compile(r"[.!?][”\"’']?(?=\s|$)")


def _is_headline(p: Paragraph, following: int) -> bool:
    words = p.text.split()
    return following > 0 and len(words) <= 25 and not p.text.rstrip().endswith((".", "!", "?", "”", '"', ":", ";", ","))


def derived_title(body: list[Paragraph]) -> str:
    if not body:
        return ""
    text = body[0].text
    m = _SENTENCE_END.search(text)
    sentence = text[: m.end()] if m else text
    return sentence if len(sentence) <= 200 else sentence[:197].rsplit(" ", 1)[0] + "…"


def parse_text_article(text: str, article_id: str, path: str | None = None) -> Article:
    """Lay out one plain-text article; offsets stay those of `text` as given."""
    date: dt.date | None = None
    pos = 0
    m = _DATE_HEADER.match(text)
    if m:
        try:
            date = dt.date.fromisoformat(m.group(1))
            pos = m.end()
        except ValueError:
            pass
    paras = split_paragraphs(text, pos)

    title = summary = ""
    dateline = author = source = None
    if len(paras) > 1 and _is_headline(paras[0], len(paras) - 1):
        title = paras.pop(0).text
    if len(paras) > 1 and paras[0].text.strip().lower() in {"summary", "summary:"}:
        paras.pop(0)
        lead = paras.pop(0)
        # The summary is glued to the first paragraph when a dateline follows the period.
        glued = None
        for gm in _DATELINE.finditer(lead.text):
            if gm.start() > 0 and lead.text[gm.start() - 1] in '.!?”"’':
                glued = gm
                break
        if glued:
            summary = lead.text[: glued.start()].strip()
            cut = lead.start + glued.start()
            paras.insert(0, Paragraph(start=cut, end=lead.end, text=text[cut : lead.end]))
        else:
            summary = lead.text

    if paras:
        dm = _DATELINE.match(paras[0].text)
        if dm and len(dm.group("dateline")) <= 60:
            dateline = dm.group("dateline").strip()
            s = paras[0].start + dm.end()
            paras[0] = Paragraph(start=s, end=paras[0].end, text=text[s : paras[0].end])

    if paras and (wm := _WRITE_TO.match(paras[-1].text)):
        writers = list(_WRITER.finditer(wm.group("who")))
        if writers:
            paras.pop()
            names = [re.sub(r"^(?:and|&)\s+", "", w.group("name").strip()) for w in writers]
            author = " and ".join(names)
            source = outlet_for_domain(writers[0].group("domain"))

    body = [p for p in paras if furniture_kind(text, p.start, p.end) not in BODY_OUT]
    title_derived = False
    if not title:
        title = derived_title(body)
        title_derived = bool(title)
    language = language_unless_english(text)
    return Article(
        id=article_id,
        title=title,
        title_derived=title_derived,
        summary=summary,
        date=date,
        source=source,
        author=author,
        dateline=dateline,
        path=path,
        text=text,
        body=body,
        language=language,
        provenance={"language": IDENTIFIED_NOT_ENGLISH} if language else {},
    )


def text_article(raw: bytes, article_id: str, path: str | None = None) -> Article:
    """One text file's bytes as an Article. Raises UnicodeDecodeError for a file that is not
    UTF-8 and ValueError for a binary one; the corpus reader turns both into a named warning."""
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file")
    return parse_text_article(raw.decode("utf-8-sig"), article_id, path=path)


def read_text_article(path: Path, root: Path | None = None, data: bytes | None = None) -> Article:
    """Read one text file; the id is its path relative to `root` (stable across runs)."""
    raw = path.read_bytes() if data is None else data
    root = root or path.parent
    try:
        article_id = path.relative_to(root).as_posix()
    except ValueError:
        article_id = path.name
    return text_article(raw, article_id, path=str(path))
