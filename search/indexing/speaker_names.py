"""One identity per speaker across the corpus, settled at the end of every indexing run.

The extractor names a speaker as the article does (`speaker_local`: 'Trump' in an article
that never gives a first name, 'Joseph R. Biden' in one, 'Joe Biden' in another). What
facets and filters use is the speaker's identity (`search.identities`): its display name
(`speaker_name`) and its id (`speaker_id`), worked out from every name in the index. The
user's aliases file comes first: a merge or split gives the name it says, which then joins
an identity like any other name and is that identity's display name.

Workers write quotes with the names the previous run settled (`Names`), so most are right
as written; quotes by a bare surname wait for this run's names (see search.indexing.pipeline). After
the run, `settle` looks at the distinct `speaker_local` values of the whole index (the
lexicon, not the documents), works out each one's identity, and rewrites only the quote
documents whose name or id changed, in the same commit as the run. The result depends only
on the names in the index (with their quote counts) and the aliases file, never on the
order in which articles were indexed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from search.backend import IndexReader, IndexWriter
from search.errors import SearchError
from search.identities import Table, build, slug
from search.indexing import crash_points
from search.indexing.documents import quote_doc, stored_to_quote
from search.models import Article, Quote

ALIASES_NAME = "aliases.toml"


def load_user_aliases(path: Path | None):
    """The user's aliases file, or None; a malformed file is a one-line error."""
    if path is None:
        return None
    from search.quotes import load_aliases

    if not path.is_file():
        raise SearchError(f"no such aliases file: {path}")
    try:
        return load_aliases(path)
    except ValueError as exc:
        raise SearchError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SearchError(f"{path}: cannot read the aliases file ({exc})") from None


def find_aliases(paths: list[Path]) -> Path | None:
    """`aliases.toml` at the top of an indexed folder, when the user did not name one."""
    for p in paths:
        candidate = p / ALIASES_NAME if p.is_dir() else p.parent / ALIASES_NAME
        if candidate.is_file():
            return candidate
    return None


def aliases_digest(path: Path | None) -> str | None:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest() if path else None


def _per_quote_names(aliases) -> set[str]:
    """Names whose speaker depends on the quote (split rules), not on the name alone."""
    if aliases is None:
        return set()
    split = {r.name for r in aliases.splits}
    return split | {k for k, v in aliases.merge.items() if v in split}


def is_bare(name: str) -> bool:
    """A one-word name ('Trump'): its identity waits for every article of the run (see search.indexing.pipeline)."""
    return len(name.split()) == 1


@dataclass
class Names:
    """speaker_local -> (display name, identity id), stored sparsely: a name maps to itself
    and an id is the slug of its name unless said otherwise; '' is no name (a pronoun)."""

    names: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)

    def of(self, local: str | None) -> tuple[str | None, str | None]:
        if not local:
            return None, None
        name = self.names.get(local, local)
        if not name:
            return None, None
        return name, self.ids.get(local) or slug(name)

    @classmethod
    def from_table(cls, table: Table, locals_: list[str], aliases) -> Names:
        """The names of `locals_` by `table`; a merged name by the aliases file's target."""
        merge = aliases.merge if aliases is not None else {}
        out = cls()
        for local in locals_:
            name, ident = table.named(merge.get(local, local))
            if name != local:
                out.names[local] = name or ""
            if name and ident != slug(name):
                out.ids[local] = ident or ""
        return out


class Namer:
    """The speaker a worker writes: the user's aliases first; then the identity the last
    run settled for the name (`Names`); a bare surname waits for this run's (see Builder)."""

    def __init__(self, names: Names, aliases) -> None:
        self.names = names
        self.aliases = aliases

    def aliased(self, quote: Quote, article: Article) -> str | None:
        """The name the aliases file gives this quote's speaker, or None when it says nothing."""
        local = quote.speaker
        if local is None or self.aliases is None:
            return None
        aliased = self.aliases.name_for(local, quote, article)
        return aliased if aliased != local else None

    def __call__(self, quote: Quote, article: Article) -> tuple[str | None, str | None]:
        """(name, id) to write for this quote's speaker."""
        aliased = self.aliased(quote, article)
        if aliased is not None:
            return aliased, self.names.ids.get(quote.speaker or "") or slug(aliased)
        return self.names.of(quote.speaker)


def count_speakers(reader: IndexReader) -> dict[str, int]:
    """speaker_local -> live quote documents, from the index itself: the slow way (a walk of
    the lexicon), for indexes whose state does not carry the counts, and after big deletions."""
    return reader.term_counts("speaker_local")


_LAST_TABLE: tuple[tuple, Table] | None = None


def identity_table(speakers: dict[str, int], aliases=None) -> Table:
    """The identities of the names in `speakers` (speaker_local -> live quotes), merged
    names counted under the aliases file's target and every name it gives kept as its
    identity's display name. A run asks twice with the same names (when workers need the
    map, and when the commit checks it): the last answer is remembered."""
    global _LAST_TABLE
    merge = aliases.merge if aliases is not None else {}
    counts: dict[str, int] = {}
    for local, n in speakers.items():
        if n > 0:
            target = merge.get(local, local)
            counts[target] = counts.get(target, 0) + n
    pinned = set(merge.values()) | ({r.speaker for r in aliases.splits} if aliases is not None else set())
    for name in pinned:
        counts.setdefault(name, 0)
    key = (tuple(sorted(counts.items())), tuple(sorted(pinned)))
    if _LAST_TABLE is not None and _LAST_TABLE[0] == key:
        return _LAST_TABLE[1]
    table = build(counts, pinned=pinned)
    _LAST_TABLE = (key, table)
    return table


def run_names(speakers: dict[str, int], aliases) -> tuple[Names, Table]:
    """The names this run writes for every speaker_local of the index, and their table."""
    table = identity_table(speakers, aliases)
    return Names.from_table(table, sorted(k for k, v in speakers.items() if v > 0), aliases), table


def _article_stub(fields: dict) -> Article:
    """What a quote document knows of its article (what split rules of the aliases file read)."""
    date = fields.get("date")
    return Article.model_validate(
        {
            "id": fields["article_id"],
            "title": fields.get("title") or fields.get("article_title", ""),
            "source": fields.get("source"),
            "date": date.date() if isinstance(date, dt.datetime) else date,
            "path": fields.get("path"),
        }
    )


def settle(
    writer: IndexWriter,
    speakers: dict[str, int],
    written_with: list[tuple[dict[str, int], Names]],
    aliases,
    full_pass: bool,
    on_phase: Callable[[str], None] | None = None,
    regroup: dict[int, str | None] | None = None,
) -> tuple[Names, Table, int]:
    """Give every quote in `writer`'s segments its speaker's identity (name and id).

    `speakers` are the speaker_local values of the live quote documents (with counts).
    `written_with` says how the documents were named: (their speaker counts, the names
    used), for the documents of earlier runs and for this run's. Only names whose settled
    identity differs from the one they were written with are looked up, so a run rewrites
    only what the new names changed; `full_pass` (the aliases file changed) looks at every
    name. Returns the new names, the identity table and the number of documents rewritten.
    """
    locals_ = sorted(name for name, n in speakers.items() if n > 0)
    new, table = run_names(speakers, aliases)
    per_quote = _per_quote_names(aliases) if full_pass else set()
    rewrites: list[tuple[int, dict]] = []
    with writer.reader() as reader:
        # speaker_name and speaker_id are sortable: their values sit in columns, far cheaper than stored fields.
        names_column = ids_column = None
        for local in locals_:
            quote_dependent = local in per_quote
            target = new.of(local)
            stale = any(counts.get(local) and used.of(local) != target for counts, used in written_with)
            if not full_pass and not stale:
                continue  # written right: the aliases and the identities are as the workers had them
            if names_column is None or ids_column is None:
                names_column, ids_column = reader.column("speaker_name"), reader.column("speaker_id")
            for docnum in reader.doc_ids(speaker_local=local):
                if not quote_dependent:
                    if (names_column[docnum] or None, ids_column[docnum] or None) != target:
                        rewrites.append((docnum, reader.stored(docnum)))
                    continue
                fields = reader.stored(docnum)
                if (fields.get("speaker_name"), fields.get("speaker_id")) != _split_target(table, aliases, local, fields):
                    rewrites.append((docnum, fields))
    if rewrites and on_phase:
        on_phase(f"giving {len(rewrites):,} quote(s) their speakers' identities")
    for n, (docnum, fields) in enumerate(rewrites):
        if n == len(rewrites) // 2:
            crash_points.reached("mid-rename")
        local = fields["speaker_local"]
        quote, article = stored_to_quote(fields), _article_stub(fields)
        name, ident = _split_target(table, aliases, local, fields) if local in per_quote else new.of(local)
        # a quote whose group this run changes gets it here (`regroup`: docnum -> group), once
        group = regroup.pop(docnum) if regroup and docnum in regroup else fields.get("group")
        writer.replace(docnum, quote_doc(quote.model_copy(update={"speaker": name}), article, speaker_local=local, speaker_id=ident, group=group))
    return new, table, len(rewrites)


def _split_target(table: Table, aliases, local: str, fields: dict) -> tuple[str | None, str | None]:
    """(name, id) of a quote whose speaker a split rule of the aliases file decides."""
    name = aliases.name_for(local, stored_to_quote(fields), _article_stub(fields))
    return table.named(name) if name else (None, None)
