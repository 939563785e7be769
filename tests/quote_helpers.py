"""Helpers of the extractor's case tests (test_extract, test_frames, test_verb_frames,
test_other_frames, test_subjects, test_mentions, test_content, test_coref): an article
made of one hand-written text, and its quotes."""

from __future__ import annotations

from search.models import Article, Quote
from search.quotes import extract_quotes
from search.readers.paragraphs import split_paragraphs


def quotes_of(text: str, learned: bool = True) -> list[Quote]:
    article = Article(id="t", text=text, body=split_paragraphs(text))
    found = extract_quotes(article, learned)
    for q in found:  # the offsets contract: text[start:end] is the first piece
        first = q.pieces[0] if q.pieces else q
        assert text[first.start : first.end] == q.text.split(" … ")[0]
    return found


def only(text: str, kind: str | None = None) -> Quote:
    found = [q for q in quotes_of(text) if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text, q.speaker) for q in found]
    return found[0]
