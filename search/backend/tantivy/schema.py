"""The tantivy schema, and our documents as tantivy documents.

The fields are the Whoosh schema's (`search.backend.whoosh.schema`), with the same analysis:
text fields hold the terms the Whoosh schema's own analyzers make (stemming, accent folding,
the news tokenizer; names unstemmed), so a word is the same term in both backends and the
query side analyses query words the same way for either. tantivy's own tokenizers (its
`en_stem` is Porter2 where Whoosh's is Porter, and splits "don't") would give slightly
different terms.

Those terms reach tantivy as one string per field, joined by spaces, which the field's
`whitespace` tokenizer splits again (`analysed_text`). That gives the very positions Whoosh
indexes, because both analyzers make one term per position, consecutively, none empty and
none holding a space (regex word characters; lower case and accent folding add no space;
`tests/test_tantivy_layout.py` holds every word character to it). Layout 1 sent tantivy's
pre-tokenized JSON instead (an object per token): tantivy parsed it on one thread at some
3,000 documents a second, which made a 100,000-article commit 20 minutes long.

What tantivy lacks is made up like this:
- stored fields: one stored bytes field, `_stored`, holding the document's stored fields as
  JSON (the date as ISO text), so a stored document reads back exactly as Whoosh's does;
- columns: tantivy's Python bindings read only numeric fast fields, so each sortable keyword
  field has a u64 fast field `FIELD__h` holding a 64-bit hash of the value (0: none); the
  searcher turns hashes back into values through the field's term list;
- dates: a u64 field (indexed and fast) holding the day's ordinal (`date.toordinal()`);
- deletion by document: every document has a random u64 `uid` (indexed, fast), which a
  commit deletes it by (tantivy deletes by term, not by document number).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import random
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import orjson
import tantivy

from search.backend.whoosh.analysis import terms_of
from search.backend.whoosh.schema import NAME_ANALYZER, TEXT_ANALYZER, make_schema
from search.backend.whoosh.schema import SCHEMA_VERSION as DOCUMENTS_VERSION

__all__ = ["NAME_ANALYZER", "SCHEMA_VERSION", "TEXT_ANALYZER"]

# The index format a tantivy index records (`index_folder.write_record`): the documents'
# version (the Whoosh schema's, the same documents) and the layout of their tantivy form, so
# an index of another layout is rebuilt by the indexer, never written to in a mixed form.
LAYOUT = 2  # 1: analysed fields as pre-tokenized JSON; 2: terms joined by spaces
SCHEMA_VERSION = 100 * DOCUMENTS_VERSION + LAYOUT

# the documents are search.indexing.documents', the same for both backends: one layout version
UID = "uid"
STORED = "_stored"
DATE = "date"
# keyword fields: one term per value, as given (Whoosh's ID fields)
KEYWORDS = (
    "id",
    "kind",
    "article_id",
    "speaker_name",
    "speaker_local",
    "speaker_id",
    "speaker_type",
    "quote_kind",
    "cue_class",
    "source",
    "has_date",
    "path",
    "content_hash",
    "group",
)
# keyword fields with a column (Whoosh's sortable ones)
COLUMNS = ("kind", "speaker_name", "speaker_id", "quote_kind", "cue_class", "source", "group")
# analysed text fields and their analyzers
TEXT_FIELDS = {"title": TEXT_ANALYZER, "text": TEXT_ANALYZER, "description": TEXT_ANALYZER, "speaker_text": TEXT_ANALYZER}
NAME_FIELDS = {"speaker": NAME_ANALYZER, "author": NAME_ANALYZER}
ANALYZED = {**TEXT_FIELDS, **NAME_FIELDS}
SPELL_FIELD = "spell_text"  # unstemmed words of article texts, for "did you mean"
LENGTH_FIELD = "text__len"  # the `text` field's length in terms (fast): speaker profiles sum it
FP_FIELD = "fp"  # a quote's grouping keys, space-separated, as given


@lru_cache(maxsize=1)
def whoosh_schema() -> Any:
    """The Whoosh schema: its fields analyse query text, and name the stored fields."""
    return make_schema()


@lru_cache(maxsize=1)
def stored_names() -> frozenset[str]:
    return frozenset(whoosh_schema().stored_names())


def column_field(name: str) -> str:
    return f"{name}__h"


_COLUMN_FIELDS = [(name, column_field(name)) for name in COLUMNS]  # to_json's, named once


@lru_cache(maxsize=1)
def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field(UID, indexed=True, fast=True)
    sb.add_bytes_field(STORED, stored=True)
    for name in KEYWORDS:
        sb.add_text_field(name, tokenizer_name="raw", index_option="freq")
    for name in COLUMNS:
        sb.add_unsigned_field(column_field(name), fast=True)
    sb.add_unsigned_field(DATE, indexed=True, fast=True)
    sb.add_unsigned_field(LENGTH_FIELD, fast=True)
    for name in ANALYZED:
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    sb.add_text_field(SPELL_FIELD, tokenizer_name="whitespace", index_option="basic")
    sb.add_text_field(FP_FIELD, tokenizer_name="whitespace", index_option="basic")
    return sb.build()


@lru_cache(maxsize=1 << 16)  # a column's values repeat (kinds, sources, speakers)
def value_hash(value: str) -> int:
    """A keyword value's column code: 64 bits of BLAKE2b, never 0 (0 is "no value")."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "little") or 1


def day_key(value: dt.date | dt.datetime) -> int:
    return (value.date() if isinstance(value, dt.datetime) else value).toordinal()


def new_uid() -> int:
    return random.getrandbits(63) + 1


def analysed_text(analyzer: Any, text: str) -> str:
    """`text` as the terms `analyzer` makes of it, joined by spaces, for a `whitespace` field
    (see the module's doc)."""
    return " ".join(terms_of(analyzer, text))


# A quote's speaker fields (name, mention, description) are the same few thousand values
# over and over: each analysed once. A quote's and an article's own text never repeat.
_REPEATED = frozenset({"speaker", "speaker_text", "description", "author"})
_ANALYSED: dict[tuple[str, str], str] = {}
_ANALYSED_LIMIT = 100_000


def _analysed(name: str, analyzer: Any, text: str) -> str:
    if name not in _REPEATED:
        return analysed_text(analyzer, text)
    key = (name, text)
    done = _ANALYSED.get(key)
    if done is None:
        if len(_ANALYSED) >= _ANALYSED_LIMIT:
            _ANALYSED.clear()
        done = _ANALYSED[key] = analysed_text(analyzer, text)
    return done


def _spell_text(text: str) -> str:
    return " ".join(TEXT_ANALYZER.spelling_words(text))


# orjson: the same bytes as `json.dumps(ensure_ascii=False, separators=(",", ":"))` gives
# encoded (compact, no escapes beyond JSON's own), some five times faster on a document
_to_json = orjson.dumps


_DATES = (dt.datetime, dt.date)  # a tuple made once: `dt.datetime | dt.date` makes a union a field


def encode_stored(doc: Mapping[str, Any]) -> bytes:
    names = stored_names()
    out = {k: (v.isoformat() if isinstance(v, _DATES) else v) for k, v in doc.items() if k in names}
    return _to_json(out)


def decode_stored(data: bytes) -> dict[str, Any]:
    fields: dict[str, Any] = json.loads(data)
    if isinstance(fields.get(DATE), str):
        fields[DATE] = dt.datetime.fromisoformat(fields[DATE])
    return fields


def stored_of_json(line: str | bytes) -> dict[str, Any]:
    """The stored fields of a document in its tantivy JSON form (`to_json`)."""
    return decode_stored(base64.b64decode(json.loads(line)[STORED]))


def stored_of(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The stored fields of a document not yet written (as `decode_stored` would give them)."""
    names = stored_names()
    return {k: v for k, v in doc.items() if k in names}


def to_json(doc: Mapping[str, Any], uid: int) -> bytes:
    """Our document (field -> value, `search.indexing.documents`) as a tantivy JSON document,
    UTF-8 (`IndexWriter.add_json`: one string per field, parsed and split on tantivy's side)."""
    out: dict[str, Any] = {UID: uid, STORED: base64.b64encode(encode_stored(doc)).decode("ascii")}
    for name in KEYWORDS:
        value = doc.get(name)
        if value is not None and value != "":
            out[name] = str(value)
    for name, hashed in _COLUMN_FIELDS:
        value = doc.get(name)
        out[hashed] = value_hash(str(value)) if value else 0
    date = doc.get(DATE)
    if isinstance(date, dt.date):
        out[DATE] = day_key(date)
    if doc.get(FP_FIELD):
        out[FP_FIELD] = str(doc[FP_FIELD])
    for name, analyzer in ANALYZED.items():
        value = doc.get(name)
        if value:
            out[name] = terms = _analysed(name, analyzer, str(value))
            if name == "text":
                out[LENGTH_FIELD] = terms.count(" ") + 1 if terms else 0
    if doc.get("kind") == "article" and doc.get("text"):
        out[SPELL_FIELD] = _spell_text(str(doc["text"]))
    return _to_json(out)


def analysed_words(field: str, text: str) -> list[str]:
    """`text` as the terms field `field` indexes (for term frequencies and field lengths)."""
    analyzer = ANALYZED.get(field)
    return terms_of(analyzer, text) if analyzer is not None else text.split()
