"""The query language's vocabulary and limits: one place for what a user may type.

Field names a user may type before ':' map to the index's fields; words without a field
search `text` and `title`. The limits keep one query from costing more than a search should:
like Lucene and Elasticsearch, a fuzzy term allows at most two edits, and a wildcard or prefix
may stand for a bounded number of indexed words (Lucene's maxExpansions / TooManyClauses).
"""

from __future__ import annotations

# Names a user may type before ':' -> index field. One place for the query language's fields.
FIELD_ALIASES: dict[str, str] = {
    "text": "text",
    "quote": "text",
    "title": "title",
    "speaker": "speaker",
    "who": "speaker",
    "source": "source",
    "outlet": "source",
    "date": "date",
    "kind": "kind",
    "type": "quote_kind",
    "quote_kind": "quote_kind",
    "cue_class": "cue_class",
    "class": "cue_class",
    "author": "author",
    "description": "description",
    "article": "article_id",
    "article_id": "article_id",
    "id": "id",
    "group": "group",  # a quote group (search.indexing.groups): group:g1a2b3c4d5e6f
}
# The fields named in help and error messages (the others are aliases or for experts).
MAIN_FIELDS = ("speaker", "source", "date", "kind", "type", "title", "author", "text")
# Words without a field search these, a title match counting half as much again; a quote's
# speaker_text holds its speaker's name, the mention and the description.
DEFAULT_FIELDS = ("text", "title", "speaker_text")
FIELD_BOOSTS = {"title": 1.5}
DATE_FIELD = "date"

DOC_KINDS = ("article", "quote")
QUOTE_KINDS = ("direct", "partial", "indirect")
CUE_CLASSES = ("speech", "stance")
OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")

# Limits (see the module's docstring). A query longer than a long paragraph is no query.
MAX_QUERY_CHARS = 2_000
MAX_TERMS = 256  # words, phrases and other leaves in one query
MAX_DEPTH = 32  # parentheses and NOTs inside one another
MAX_FUZZY_EDITS = 2
MAX_FUZZY_EXPANSIONS = 50  # the closest spellings a fuzzy term searches (Elasticsearch's max_expansions)
MAX_EXPANSIONS = 1_000  # indexed words a wildcard or prefix may stand for
MAX_SLOP = 100  # words a phrase's '~N' lets between its words
