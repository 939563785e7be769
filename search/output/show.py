"""`search show`: a quote inside its paragraph (with context), or a whole article with its
quotes marked. Offsets come from the stored paragraph spans, so marks land on the words."""

from __future__ import annotations

import click

from search.api import Index
from search.errors import SearchError
from search.models import DocumentView, Quote, ShownParagraph
from search.output.text import wrap_marked


def _marks(quotes: list[Quote], start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for q in quotes:
        for p_start, p_end in [(p.start, p.end) for p in q.pieces] or [(q.start, q.end)]:
            s, e = max(p_start, start), min(p_end, end)
            if s < e:
                spans.append((s - start, e - start))
    return sorted(spans)


def _no_such_quote(ix: Index, doc_id: str) -> None:
    """`ARTICLE#q999` where the article is there and the quote is not: say that, not 'no article'."""
    article_id, sep, number = doc_id.rpartition("#q")
    if not sep or not number.isdigit() or ix.get(article_id) is None:
        return
    count = len(ix.quotes_of(article_id))
    has = f"its quotes are #q1 to #q{count}" if count else "it has no quotes"
    raise SearchError(f"no quote #{number} in article {article_id!r}: {has} (search show {article_id!r} marks them all)")


def show(ix: Index, doc_id: str, context: int = 0) -> DocumentView:
    fields = ix.get(doc_id)
    if fields is None:
        _no_such_quote(ix, doc_id)
    quote = None
    if fields is not None and fields.get("kind") == "quote":
        quote = ix.quote(doc_id)
        article = ix.article(quote.article_id)
        lo, hi = max(0, quote.paragraph - context), quote.paragraph + context + 1
        quotes = [quote]
    else:
        article = ix.article(doc_id)
        lo, hi = 0, len(article.body)
        quotes = ix.quotes_of(article.id)
    paragraphs = [ShownParagraph(index=i, text=p.text, marks=_marks(quotes, p.start, p.end)) for i, p in enumerate(article.body) if lo <= i < hi]
    return DocumentView(article=article.model_copy(update={"body": [], "text": ""}), quote=quote, paragraphs=paragraphs)


def render_show(view: DocumentView, color: bool, width: int | None = None) -> str:
    """The view for people: paragraphs folded to `width` columns at word boundaries (None:
    one line per paragraph, as when piped); quotes that overlap are marked once."""
    a = view.article
    out = [click.style(a.title or a.id, bold=True) if color else (a.title or a.id)]
    meta = " · ".join(x for x in (a.source, a.date.isoformat() if a.date else "undated", f"by {a.author}" if a.author else None, a.id) if x)
    out.append(meta)
    if view.quote:
        q = view.quote
        who = q.speaker or q.speaker_mention or "unknown speaker"
        out.append(f"{q.kind} quote by {who}" + (f", {q.speaker_description}" if q.speaker_description else "") + f" (id {q.id})")
    out.append("")
    for p in view.paragraphs:
        out.append(wrap_marked(p.text, p.marks, color, width))
        out.append("")
    return "\n".join(out)


def render_provenance(view: DocumentView) -> str:
    """Each field of the article with its value and where it came from. Fields a reader took
    from the file as it lies (a text file's header lines, a JSON Lines record's keys) say so."""
    article = view.article
    origin = "the JSON Lines record" if article.line and not article.provenance else "the file"
    out = ["provenance:"]
    for name in ("title", "date", "source", "author", "url", "language", "summary", "text", "id"):
        value = getattr(article, name, None)
        if name == "text":
            value = f"{len(view.paragraphs)} paragraph(s) shown" if view.paragraphs else None
        if value in (None, "") and name not in article.provenance:
            continue
        shown = str(value) if value not in (None, "") else "-"
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        if name in article.provenance:
            how = article.provenance[name]
        elif name == "title" and article.title_derived:
            how = "made from the first sentence (the file gives no headline)"
        elif name == "id" and not article.line:
            how = "the file's path under the folder indexed"
        else:
            how = f"read from {origin}"
        out.append(f"  {name:>9}: {shown}  <- {how}")
    return "\n".join(out)
