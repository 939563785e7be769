"""The Whoosh schema: one place for every field of the index and how it is analysed.

One index holds two kinds of documents, told apart by `kind`: an `article` document per
article and a `quote` document per quotation. Quote documents carry the article's date and
source so that filters and facets apply to them directly, without a join.

A realistic article carries 10 to 25 quotations, so what a quote document indexes decides
the cost of indexing more than anything else. A quote is found by its own words, its
speaker and the speaker's description (`speaker_text`, one of the default fields); it stores its article's title (`article_title`,
shown with the hit) without indexing it, which would add every title word as a posting
to every quote of the article (a seventh of all postings) and make a quote match words
nobody in it said. Dates are one term per document (`shift_step=0`) instead of Whoosh's
eight precision tiers: date ranges are answered from the date column (search.backend.whoosh.searcher),
and a corpus has only some thousands of distinct days for the rest.

Field names users can type in queries: text, title, speaker, source, date, kind,
quote_kind, author, article_id, description (see `search.query` for the friendly aliases).
"""

from __future__ import annotations

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Existence
from whoosh.support.charset import accent_map

from search.backend.whoosh.analysis import NewsAnalyzer, NewsPositions

# Whoosh's StemmingAnalyzer(stoplist=None) | CharsetFilter(accent_map) in one pass; no stop
# list: in quotes every word counts ('no thought', 'US', 'will not').
TEXT_ANALYZER = NewsAnalyzer()
# Names: case- and accent-insensitive, never stemmed ('Lukyanov' stays 'lukyanov').
NAME_ANALYZER = RegexTokenizer(r"\w+(?:['’]\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)

# Raised whenever an index written by this version cannot be updated by the previous one
# (or the reverse): the indexer never mixes documents of both layouts; it rebuilds the index
# when the run's paths hold all its files and asks for --rebuild otherwise.
# 3: speaker_id (search.identities), cue_class; 4: an article's language and provenance; 5: speaker_text; 6: group, fp;
# 7: fp holds a sample of the fingerprints (search.indexing.fingerprints), without frequencies
SCHEMA_VERSION = 7


def make_schema() -> Schema:
    schema = Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        article_id=ID(stored=True),
        # searchable text
        title=_news_text(stored=True, field_boost=2.0),
        text=_news_text(stored=True, spelling=True),
        speaker=TEXT(analyzer=NAME_ANALYZER, phrase=True),
        description=_news_text(stored=True),
        # a quote's speaker as words (name, mention, description): a plain word finds the quote
        speaker_text=_news_text(),
        author=TEXT(analyzer=NAME_ANALYZER, stored=True),
        # exact values for filters, facets and sorting
        speaker_name=ID(stored=True, sortable=True),
        speaker_local=ID(stored=True),
        speaker_id=ID(stored=True, sortable=True),  # the speaker's identity (search.identities)
        speaker_type=ID(stored=True),
        quote_kind=ID(stored=True, sortable=True),
        cue_class=ID(stored=True, sortable=True),  # 'speech' or 'stance' (Quote.cue_class)
        source=ID(stored=True, sortable=True),
        date=_one_term_date(),
        has_date=ID(),  # 'yes' / 'no': undated documents are counted, never given a date
        path=ID(stored=True),
        content_hash=ID(stored=True),
        # quote groups (search.indexing.groups): the group's id, and the sampled
        # fingerprints (or exact key) a later run finds the quote by (indexed, never stored)
        group=ID(stored=True, sortable=True),
        fp=_lookup_terms(),
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
        article_title=STORED(),  # a quote's article title, shown, not searched (see above)
        line=STORED(),
        body=STORED(),
        language=STORED(),  # of a web input (search.readers.meta)
        provenance=STORED(),  # JSON: where each field of an article came from
    )
    schema.search_version = SCHEMA_VERSION  # pickled with the schema into the index's table of contents
    return schema


def _news_text(**options: object) -> TEXT:
    field = TEXT(analyzer=TEXT_ANALYZER, **options)
    field.format = NewsPositions(field_boost=field.format.field_boost)  # same postings, written faster
    return field


def _lookup_terms() -> KEYWORD:
    """Space-separated terms that are only ever looked up, never scored nor counted within a
    document: postings without frequencies (Whoosh's `Existence`, as an ID field's), which
    a block writes as bare document numbers."""
    field = KEYWORD(lowercase=False, commas=False, scorable=False)
    field.format = Existence(field_boost=field.format.field_boost)
    return field


def _one_term_date() -> DATETIME:
    field = DATETIME(stored=True, sortable=True)
    field.shift_step = 0  # one term per document (DATETIME takes no shift_step argument)
    return field


def schema_version(schema: Schema) -> int:
    """The SCHEMA_VERSION an index was written with (indexes from before the stamp: 1)."""
    return getattr(schema, "search_version", 1)


# Field a user names -> field in the schema (facets and filters).
FACET_FIELDS = {"speaker": "speaker_name", "source": "source", "date": "date", "kind": "kind", "quote_kind": "quote_kind", "cue_class": "cue_class"}
