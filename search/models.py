"""Every record that crosses a boundary of the engine.

Readers produce `Article`, the extractor produces `Quote`, the query layer returns
`SearchResult` (made of `Hit` and `FacetCount`), and the index reports `Stats`. The JSON
shapes printed by the CLI are these models dumped with `model_dump(mode="json")` (for
`search query`, the same dict built without pydantic by `Index.search_json`, held equal to
the models' dump by tests/test_api.py), so the field names here are the stable, documented
contract for scripts: add fields, never rename or remove them.

No `from __future__ import annotations` here: pydantic would have to evaluate every
annotation from its string (a `compile` each), which costs a cold start about 1.5 ms.
"""

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, model_validator

from search.hit_shape import CueClass, DocKind, HitFields, QuoteKind, SpeakerType

__all__ = ["CueClass", "DocKind", "QuoteKind", "SpeakerType"]  # the vocabularies, for importers (defined in hit_shape)


class _Record(BaseModel):
    # defer_build: a command builds only the validators of the records it prints (cold start).
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Paragraph(_Record):
    """A paragraph of body text, kept with its place in `Article.text`.

    Offsets are kept so that a quote found in a paragraph can be reported as offsets into
    the article text exactly as the user gave it (`text[start:end]` is the quote).
    """

    start: int
    end: int
    text: str


class Article(_Record):
    id: str = Field(description="Stable id: path relative to the corpus root, or the JSON Lines record's id.")
    title: str = ""
    title_derived: bool = Field(default=False, description="True when the title was not in the source but made from the first sentence.")
    summary: str = ""
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    dateline: str | None = None
    url: str | None = None
    path: str | None = Field(default=None, description="File the article was read from.")
    line: int | None = Field(default=None, description="Line number in a JSON Lines file.")
    text: str = Field(default="", description="The article text exactly as read; all offsets point into it.")
    body: list[Paragraph] = Field(default_factory=list, description="Body paragraphs (no headline, captions or boxes).")
    language: str | None = Field(
        default=None,
        description=(
            "ISO 639-1 code of the article's language: identified for web inputs (HTML, WARC, feed, CSV); "
            "for text and JSON Lines given, or identified when not English. Quotes are found in English only."
        ),
    )
    provenance: dict[str, str] = Field(default_factory=dict, description="Where each field came from, by field name (web inputs; `search show --provenance`).")

    @model_validator(mode="after")
    def _no_lone_surrogates(self) -> "Article":
        """A JSON escape such as "\\ud800" or a feed's `&#xD800;` reads as a lone surrogate,
        which is no character: UTF-8 cannot hold it, so no index, file or terminal can, and
        one such article stopped a whole run. Each becomes U+FFFD, one character for one, so
        every offset into the text stays right."""
        strings = [
            self.id,
            self.title,
            self.summary,
            self.text,
            *(x for x in (self.source, self.author, self.dateline, self.url, self.path) if x),
            *self.provenance.values(),
        ]
        if all(_utf8(s) for s in strings):
            return self
        for name in ("id", "title", "summary", "text", "source", "author", "dateline", "url", "path"):
            value = getattr(self, name)
            if value:
                setattr(self, name, _SURROGATE.sub("\ufffd", value))
        self.body = [Paragraph(start=p.start, end=p.end, text=_SURROGATE.sub("\ufffd", p.text)) for p in self.body]
        self.provenance = {k: _SURROGATE.sub("\ufffd", v) for k, v in self.provenance.items()}
        return self


_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(s: str) -> bool:
    """Whether `s` holds no lone surrogate (the one thing UTF-8 cannot encode; encoding
    is some five times faster than looking for them with a pattern)."""
    if s.isascii():
        return True
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Piece(_Record):
    start: int
    end: int


class Quote(_Record):
    id: str = Field(description="'<article id>#q<n>', stable for the same text.")
    article_id: str
    kind: QuoteKind
    text: str = Field(description="The quoted words; pieces of a split quote joined with ' … '.")
    speaker: str | None = Field(default=None, description="Canonical speaker name, or null when unknown.")
    speaker_mention: str | None = Field(default=None, description="The speaker as written where the quote is attributed.")
    speaker_type: SpeakerType | None = None
    speaker_description: str | None = Field(default=None, description="Appositive the text gives, e.g. 'a former Kremlin adviser'.")
    cue: str | None = Field(default=None, description="Reporting word(s): 'said', 'told', 'according to'.")
    cue_class: CueClass = Field(default="speech", description="'speech' for words said or written, 'stance' for a view held ('believes', 'wants', 'opposes').")
    start: int = Field(description="Offset of the first piece in Article.text.")
    end: int = Field(description="End offset of the last piece in Article.text.")
    pieces: list[Piece] = Field(default_factory=list, description="Spans of a split quote, in order.")
    paragraph: int = Field(default=0, description="Index into Article.body of the paragraph holding the quote's start.")


class FacetCount(_Record):
    value: str
    count: int


# A search hit. Its fields are `search.hit_shape.HitFields`, written there once for this
# model and for the dicts `search query --json` prints without pydantic. (No docstring: it
# would become the description of its JSON Schema.)
class Hit(HitFields, _Record):
    pass


class CountRow(_Record):
    value: str = Field(description="The row's value: a speaker, an outlet, a period ('2016-03'), '(no speaker)', …")
    total: int = Field(description="Documents counted in this row (all its columns).")
    counts: list[int] = Field(default_factory=list, description="One count per column, in `columns` order; empty without `by`.")


class CountTable(_Record):
    """Counts of the matched documents by one facet, or by one facet crossed with another
    (`search count`, `search query --facet F --by G`). Time facets (date:day|month|year) are
    in time order with every period from the first to the last, zero where none falls, and
    never cut; other rows are the most frequent, cut to the limit."""

    query: str = Field(default="*", description="The query as understood, filters included.")
    total: int = Field(default=0, description="Documents the query matched.")
    facet: str = Field(description="The rows' facet: speaker, source, kind, type, class, date:day, date:month or date:year.")
    by: str | None = Field(default=None, description="The columns' facet, or null for a single count per row.")
    columns: list[str] = Field(default_factory=list, description="The columns' values, in order (time in time order).")
    rows: list[CountRow] = Field(default_factory=list)
    row_values: int = Field(default=0, description="Distinct row values before the limit cut them ('top N of M').")
    column_totals: list[int] = Field(default_factory=list, description="Each column's sum over every row, shown or cut.")
    uncounted: int = Field(
        default=0, description="Matched documents in no cell: articles in a quote facet (speaker, type, class), undated ones in a time facet."
    )
    notes: list[str] = Field(default_factory=list)
    took_ms: float = 0.0


class SearchResult(_Record):
    query: str = Field(description="The query as understood by the engine, filters included.")
    total: int
    offset: int = 0
    limit: int | None = Field(description="Hits asked for; null for every one (`--limit all`).")
    hits: list[Hit]
    facets: dict[str, list[FacetCount]] = Field(
        default_factory=dict,
        description="Counts over every match (not only this page), by facet name: speaker, source, kind, type, class, date:day, date:month, date:year.",
    )
    facet_values: dict[str, int] = Field(default_factory=dict, description="How many distinct values each facet has before --facet-limit cut its list.")
    notes: list[str] = Field(default_factory=list, description="What the engine decided for you: speaker matches, spelling, undated articles left out.")
    suggestion: str | None = Field(default=None, description="A corrected query when this one found nothing.")
    took_ms: float = 0.0
    tables: list[CountTable] = Field(default_factory=list, description="With `by`: each facet crossed with the `by` facet.")
    collapsed_total: int | None = Field(
        default=None, description="With collapse: hits once the reports of one quote group are one hit (what offset and limit page through); null otherwise."
    )


class SpeakerSummary(_Record):
    name: str = Field(description="The identity's display name: its most common full form.")
    speaker_type: SpeakerType | None = None
    quotes: int
    articles: int = 0
    sources: list[str] = Field(default_factory=list)
    descriptions: list[str] = Field(default_factory=list)
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    id: str | None = Field(default=None, description="The identity's stable id ('joseph-biden'); `--speaker =ID` selects it.")
    names: list[str] = Field(default_factory=list, description="Every form the identity is written as in the index, most quoted first.")


class DescriptionUse(_Record):
    """One way the press described a speaker: how often, by which outlets, from when to when."""

    description: str = Field(description="Its most common wording (descriptions differing in case, a leading article or end punctuation are one).")
    quotes: int = Field(description="The speaker's quotes given this description.")
    sources: list[FacetCount] = Field(default_factory=list, description="Outlets that used it, most first.")
    first_date: dt.date | None = None
    last_date: dt.date | None = None


class SpeakerOutlet(_Record):
    source: str = Field(description="An outlet quoting the speaker ('(no source)' for articles without one).")
    quotes: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    counts: list[int] = Field(default_factory=list, description="Its quotes in each period of `SpeakerProfile.timeline`, in that order.")


class DistinctiveTerm(_Record):
    """A word the speaker uses more than the other quotes do (see docs/analysis.md)."""

    term: str = Field(description="The word as the speaker most often wrote it (lower case).")
    stem: str = Field(description="The word as the index stores it (stemmed): its forms are counted together.")
    count: int = Field(description="Occurrences in the speaker's quotes.")
    quotes: int = Field(description="The speaker's quotes holding it.")
    others: int = Field(description="Occurrences in the other quotes compared.")
    per_10k: float = Field(description="Occurrences per 10,000 words of the speaker's quotes.")
    others_per_10k: float = Field(description="Occurrences per 10,000 words of the other quotes.")
    score: float = Field(description="Log-likelihood G² of the two counts (10.83: p < 0.001).")


class SpeakerProfile(_Record):
    """What `search speaker NAME` shows: one identity, over the quotes the filters leave."""

    query: str = Field(default="*", description="The filters as understood.")
    id: str = Field(description="The identity's stable id; `search speaker =ID` and `--speaker =ID` select it.")
    name: str = Field(description="The identity's display name.")
    speaker_type: SpeakerType | None = None
    names: list[FacetCount] = Field(default_factory=list, description="Every form it is written as in these quotes, with its count, most first.")
    quotes: int
    articles: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    period: str = Field(default="month", description="The timeline's period: day, month or year.")
    timeline: list[FacetCount] = Field(
        default_factory=list, description="Quotes per period ('2016-03'), in time order, every period from the first to the last, zero where none falls."
    )
    undated: int = Field(default=0, description="Quotes without a date (in no period).")
    outlets: list[SpeakerOutlet] = Field(default_factory=list, description="Outlets quoting the speaker, most quotes first.")
    descriptions: list[DescriptionUse] = Field(default_factory=list, description="How they were described, most used first (cut to the limit).")
    description_values: int = Field(default=0, description="Distinct descriptions before the limit cut them.")
    terms: list[DistinctiveTerm] = Field(default_factory=list, description="Words that set their quotes apart, highest G² first.")
    compared_quotes: int = Field(default=0, description="The other quotes (every other speaker's, the filters applied) the terms are compared with.")
    compared_words: int = Field(default=0, description="Words in those quotes.")
    words: int = Field(default=0, description="Words in the speaker's quotes.")
    min_score: float = Field(default=10.83, description="The G² a term needs to be listed.")
    first_quote: Hit | None = Field(default=None, description="Their earliest dated quote (ties: article id, then place in the article).")
    latest_quote: Hit | None = Field(default=None, description="Their latest dated quote.")
    notes: list[str] = Field(default_factory=list, description="How the name was resolved, filters matched, undated quotes.")
    took_ms: float = 0.0


class TrailReport(_Record):
    """One report of a quotation: a quote, where and when it was printed."""

    quote_id: str
    article_id: str
    title: str = ""
    source: str | None = None
    date: dt.date | None = Field(default=None, description="The article's day ('YYYY-MM-DD' in JSON); null when undated.")
    speaker: str | None = None
    speaker_mention: str | None = None
    quote_kind: QuoteKind | None = None
    text: str = ""


class Trail(_Record):
    """Every report of one quotation (`search trail QUOTE_ID`), earliest first (undated
    last). A quote with no group is a trail of one: itself."""

    quote_id: str = Field(description="The quote asked about.")
    group: str | None = Field(default=None, description="Its group id (`group:ID` in a query), or null when it is reported once.")
    quotes: int = Field(default=1, description="Reports in the trail.")
    articles: int = Field(default=1, description="Articles that print them.")
    sources: list[str] = Field(default_factory=list, description="The outlets, in the order they first reported it.")
    reports: list[TrailReport] = Field(default_factory=list)


class SourceSummary(_Record):
    name: str
    articles: int
    quotes: int
    speakers: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None


class Stats(_Record):
    index: str
    articles: int
    quotes: int
    speakers: int
    sources: int
    undated_articles: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    size_bytes: int = 0
    last_updated: dt.datetime | None = None


class IndexCheck(_Record):
    """What `search check` found: `ok` when every file of the last commit is as it was
    written (and, where no checksums were recorded or `--deep` asks, reads through)."""

    index: str
    ok: bool
    generation: int | None = None
    files_checked: int = 0
    checksums_recorded: bool = False
    segments_read: int = 0
    documents_read: int = 0
    problems: list[str] = Field(default_factory=list)


class IndexReport(_Record):
    """What one `search index` run did, for the summary line and for scripts."""

    index: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: int = 0
    skipped_reasons: list[str] = Field(default_factory=list)
    quotes_skipped: list[str] = Field(
        default_factory=list,
        description="Articles indexed as text without looking for their quotes, being longer than search.quotes.MAX_ARTICLE_CHARS: where, which, how long.",
    )
    articles: int = 0
    quotes: int = 0
    seconds: float = 0.0
    notes: list[str] = Field(default_factory=list, description="What the indexer decided for you, e.g. a rebuild after an upgrade.")
    formats: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Files and articles read this run by format ('html', 'warc.gz', 'csv', …): {format: {files, articles, left_out?}}."
    )


class ShownParagraph(_Record):
    index: int
    text: str
    marks: list[tuple[int, int]] = Field(default_factory=list, description="[start, end) of quotes within `text`.")


class DocumentView(_Record):
    """What `search show` prints: a quote in its paragraph(s), or a whole article."""

    article: Article = Field(description="Metadata; `body` and `text` are left empty, see `paragraphs`.")
    quote: Quote | None = None
    paragraphs: list[ShownParagraph] = Field(default_factory=list)
