"""A worker's own new segment: the Whoosh side of `search.backend.SegmentSink`.

Each worker writes into a segment of its own, through a `GroupedSegmentWriter` (see
`term_pool`), without the index's lock, which the parent holds. Finishing it writes the
segment's files and gives back Whoosh's `Segment` object, which the parent's commit adds to
the index (`writing.WhooshIndexWriter.add_segments`); until then no reader sees it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.fields import TEXT, Schema
from whoosh.index import FileIndex

from search.backend import Document, Segment
from search.backend.whoosh.analysis import NewsAnalyzer
from search.backend.whoosh.term_pool import GroupedSegmentWriter

WRITER_LIMIT_MB = 128  # postings buffered per worker before they spill to a sorted run on disk


class SpellOnceText(TEXT):  # type: ignore[misc]  # Whoosh has no type hints
    """The `text` field as a worker writes it: unstemmed words for spelling suggestions are
    taken from article documents only (a quote's words are its article's) and each word
    once per segment. Whoosh would otherwise analyse every text twice and post every word
    of every document, which made spelling the largest cost of writing quote documents.
    The index holds exactly the same spelling words either way.

    A field type's `spellable_words` is where Whoosh's writers ask a field for its
    spelling words; the worker's copy of the schema holds this field in place of `text`."""

    enabled: bool
    _seen: set[str]

    @classmethod
    def copy_of(cls, field: TEXT) -> SpellOnceText:
        """The field `field` is (analyzer, format, options), spelling once."""
        spell = cls.__new__(cls)
        spell.__dict__.update(copy.deepcopy(field.__dict__))
        spell.enabled = True
        spell._seen = set()
        return spell

    def spellable_words(self, value: Any) -> Iterator[str]:
        if not self.enabled:
            return iter(())
        words: Iterable[str]
        if isinstance(self.analyzer, NewsAnalyzer) and isinstance(value, str):
            words = self.analyzer.spelling_words(value)  # what Whoosh's spellable_words collects
        else:
            words = super().spellable_words(value)
        new = sorted(set(words) - self._seen)
        self._seen.update(new)
        return iter(new)


def worker_schema(schema: Schema) -> tuple[Schema, SpellOnceText | None]:
    """A copy of `schema` for one worker, its `text` field spelling once (when it keeps
    spelling words at all), and that field."""
    schema = copy.deepcopy(schema)
    text = schema["text"]
    if not isinstance(text, TEXT) or not text.separate_spelling():
        return schema, None
    spell = SpellOnceText.copy_of(text)
    schema.remove("text")
    schema.add("text", spell)
    return schema, spell


class WhooshSegmentSink:
    """One worker's new segment (see the module's doc)."""

    def __init__(self, ix: FileIndex, schema: Schema, limitmb: int = WRITER_LIMIT_MB) -> None:
        self._writer = GroupedSegmentWriter(ix, _lk=False, limitmb=limitmb)
        self._writer.schema, self._text = worker_schema(schema)

    def add(self, doc: Document) -> None:
        if self._text is not None:
            self._text.enabled = doc.get("kind") == "article"
        self._writer.add_document(**doc)

    def finish(self) -> Segment | None:
        writer = self._writer
        if writer._added:
            segment: Segment = writer._finalize_segment()
            return segment
        writer._close_segment()
        return None

    def abort(self) -> None:
        self._writer._close_segment()
