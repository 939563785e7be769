"""The Whoosh schema: one place for every field of the index and how it is analysed.

One index holds two kinds of documents, told apart by `kind`: an `article` document per
article and a `quote` document per quotation. Quote documents carry the article's date and
source so that filters and facets apply to them directly, without a join.

Field names users can type in queries: text, title, speaker, source, date, kind,
quote_kind, author, article_id, description (see `search.query` for the friendly aliases).
"""

from __future__ import annotations

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

# No stop list: in quotes every word counts ('no thought', 'US', 'will not').
TEXT_ANALYZER = StemmingAnalyzer(stoplist=None) | CharsetFilter(accent_map)
# Names: case- and accent-insensitive, never stemmed ('Lukyanov' stays 'lukyanov').
NAME_ANALYZER = RegexTokenizer(r"\w+(?:['’]\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)

SCHEMA_VERSION = 1


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        article_id=ID(stored=True),
        # searchable text
        title=TEXT(analyzer=TEXT_ANALYZER, stored=True, field_boost=2.0),
        text=TEXT(analyzer=TEXT_ANALYZER, stored=True, spelling=True),
        speaker=TEXT(analyzer=NAME_ANALYZER, phrase=True),
        description=TEXT(analyzer=TEXT_ANALYZER, stored=True),
        author=TEXT(analyzer=NAME_ANALYZER, stored=True),
        # exact values for filters, facets and sorting
        speaker_name=ID(stored=True, sortable=True),
        speaker_local=ID(stored=True),
        speaker_type=ID(stored=True),
        quote_kind=ID(stored=True, sortable=True),
        source=ID(stored=True, sortable=True),
        date=DATETIME(stored=True, sortable=True),
        has_date=ID(),  # 'yes' / 'no': undated documents are counted, never given a date
        path=ID(stored=True),
        content_hash=ID(stored=True),
        # stored only: shown in results
        speaker_mention=STORED(),
        cue=STORED(),
        start=STORED(),
        end=STORED(),
        pieces=STORED(),
        paragraph=STORED(),  # shown, never searched: indexing it cost 8 postings per quote
        summary=STORED(),
        dateline=STORED(),
        url=STORED(),
        title_derived=STORED(),
        line=STORED(),
        body=STORED(),
    )


# Field a user names -> field in the schema (facets and filters).
FACET_FIELDS = {"speaker": "speaker_name", "source": "source", "date": "date", "kind": "kind", "quote_kind": "quote_kind"}
