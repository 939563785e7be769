"""Records <-> Whoosh documents. The only place that knows how a model maps onto fields.

Hits are built as plain dicts in the JSON shape of `models.Hit` (both take it from
`search.hit_shape`), and the models are imported only where a model is built: a `search
query --json` call then never loads pydantic, which costs more than the search itself on a
cold start.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from search.hit_shape import HIT_DEFAULTS

if TYPE_CHECKING:
    from search.indexing.fingerprints import Keys
    from search.models import Article, Quote


def _datetime(d: dt.date | None) -> dt.datetime | None:
    # Whoosh DATETIME has no time zone: dates are stored as naive UTC midnight.
    return dt.datetime(d.year, d.month, d.day) if d else None


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _drop_none(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if v is not None and v != ""}


def article_doc(article: Article, content_hash: str) -> dict:
    return _drop_none(
        {
            "id": article.id,
            "kind": "article",
            "article_id": article.id,
            "title": article.title,
            "title_derived": article.title_derived or None,
            "text": "\n\n".join(p.text for p in article.body),
            "summary": article.summary,
            "author": article.author,
            "source": article.source,
            "date": _datetime(article.date),
            "has_date": "yes" if article.date else "no",
            "dateline": article.dateline,
            "url": article.url,
            "path": article.path,
            "line": article.line,
            "content_hash": content_hash,
            # offsets of body paragraphs in the original text, so quotes can be shown in place
            "body": json.dumps([[p.start, p.end] for p in article.body]),
            "language": article.language,
            "provenance": json.dumps(article.provenance) if article.provenance else None,
        }
    )


def speaker_words(name: str | None, mention: str | None, description: str | None) -> str | None:
    """What a plain word finds a quote by besides its own words: its speaker's name, the
    mention as written and the description ('Sergei Markov, a former Kremlin adviser')."""
    return " ".join(dict.fromkeys(x for x in (name, mention, description) if x)) or None


def quote_doc(
    quote: Quote, article: Article, speaker_local: str | None = None, speaker_id: str | None = None, *, keys: Keys | None = None, group: str | None = None
) -> dict:
    """A quote's document. `keys` are its grouping keys (worked out from its text when not
    given); `group` its quote group (search.indexing.groups), None when it has none."""
    if keys is None:
        from search.indexing.fingerprints import keys_of

        keys = keys_of(quote.text, speaker_local)
    speaker_text = " ".join(x for x in {quote.speaker or "", quote.speaker_mention or ""} if x)
    return _drop_none(
        {
            "id": quote.id,
            "kind": "quote",
            "article_id": article.id,
            "article_title": article.title,  # stored, not indexed (see search.backend.whoosh.schema)
            "text": quote.text,
            "speaker": speaker_text,
            "speaker_name": quote.speaker,
            "speaker_local": speaker_local if speaker_local is not None else quote.speaker,
            "speaker_id": speaker_id if quote.speaker else None,
            "speaker_mention": quote.speaker_mention,
            "speaker_type": quote.speaker_type,
            "description": quote.speaker_description,
            "speaker_text": speaker_words(quote.speaker, quote.speaker_mention, quote.speaker_description),
            "quote_kind": quote.kind,
            "cue_class": quote.cue_class,
            "cue": quote.cue,
            "source": article.source,
            "date": _datetime(article.date),
            "has_date": "yes" if article.date else "no",
            "path": article.path,
            "start": quote.start,
            "end": quote.end,
            "pieces": json.dumps([[p.start, p.end] for p in quote.pieces]) if quote.pieces else None,
            "paragraph": quote.paragraph,
            "group": group,
            "fp": keys.terms(),
        }
    )


def stored_to_article(fields: dict, text: str | None = None) -> Article:
    """Rebuild an Article from its stored document. Body paragraphs come back from the
    stored body text; offsets into the original text are kept when it is available."""
    from search.models import Article, Paragraph

    spans = json.loads(fields.get("body") or "[]")
    paras_text = (fields.get("text") or "").split("\n\n") if fields.get("text") else []
    body = [Paragraph(start=s, end=e, text=t) for (s, e), t in zip(spans, paras_text, strict=False)]
    return Article(
        id=fields["article_id"],
        title=fields.get("title", ""),
        title_derived=bool(fields.get("title_derived")),
        summary=fields.get("summary", ""),
        date=_date(fields.get("date")),
        source=fields.get("source"),
        author=fields.get("author"),
        dateline=fields.get("dateline"),
        url=fields.get("url"),
        path=fields.get("path"),
        line=fields.get("line"),
        text=text or "",
        body=body,
        language=fields.get("language"),
        provenance=json.loads(fields.get("provenance") or "{}"),
    )


def stored_to_quote(fields: dict) -> Quote:
    from search.models import Piece, Quote

    pieces = [Piece(start=s, end=e) for s, e in json.loads(fields.get("pieces") or "[]")]
    return Quote(
        id=fields["id"],
        article_id=fields["article_id"],
        kind=fields["quote_kind"],
        text=fields.get("text", ""),
        speaker=fields.get("speaker_name"),
        speaker_mention=fields.get("speaker_mention"),
        speaker_type=fields.get("speaker_type"),
        speaker_description=fields.get("description"),
        cue=fields.get("cue"),
        cue_class=fields.get("cue_class") or "speech",
        start=fields.get("start", 0),
        end=fields.get("end", 0),
        pieces=pieces,
        paragraph=fields.get("paragraph", 0),
    )


def lead(fields: dict, limit: int = 300) -> str:
    """What an article hit shows when nothing is highlighted: its summary or first paragraph."""
    text = fields.get("summary") or (fields.get("text") or "").split("\n\n", 1)[0]
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def stored_to_hit(fields: dict, score: float | None = None) -> dict[str, Any]:
    """A hit as `models.Hit` dumps it to JSON: its keys in `HIT_DEFAULTS`' order (a key
    given again below keeps its first place), each set from the document (the API
    validates it into a `Hit`, the CLI prints it as it is)."""
    is_quote = fields.get("kind") == "quote"
    date = _date(fields.get("date"))
    return {
        **HIT_DEFAULTS,
        "id": fields["id"],
        "doc_kind": fields.get("kind", "article"),
        "article_id": fields["article_id"],
        "score": score,
        "title": fields.get("title") or fields.get("article_title", ""),
        "source": fields.get("source"),
        "date": date.isoformat() if date else None,
        "author": fields.get("author"),
        "speaker": fields.get("speaker_name") if is_quote else None,
        "speaker_mention": fields.get("speaker_mention") if is_quote else None,
        "speaker_type": fields.get("speaker_type") if is_quote else None,
        "speaker_description": fields.get("description") if is_quote else None,
        "quote_kind": fields.get("quote_kind") if is_quote else None,
        "cue_class": (fields.get("cue_class") or "speech") if is_quote else None,
        "text": fields.get("text", "") if is_quote else lead(fields),
        "highlights": [],  # its own list (the snippet is set by the query side, from the default '')
        "speaker_id": fields.get("speaker_id") if is_quote else None,
        "group": fields.get("group") if is_quote else None,  # the group's figures: search.query.trails
    }
