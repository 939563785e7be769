"""One name per speaker across the corpus, settled at the end of every indexing run.

The extractor names a speaker as the article does (`speaker_local`: 'Trump' in an article
that never gives a first name). The name used for facets and filters (`speaker_name`) is
the corpus-wide one: the user's aliases file first, then, for a bare surname, the only full
name with that surname known anywhere in the index (`search.quotes.names.NameRegistry`;
'Clinton' stays 'Clinton' while both Bill and Hillary are known).

Workers write quotes with the names the previous run settled (`Namer`), so most are right
as written. After the run, `settle` looks at the distinct `speaker_local` values of the
whole index (the lexicon, not the documents), works out each one's name, and rewrites only
the quote documents whose name changed, in the same commit as the run. The result depends
only on the set of names in the index and the aliases file, never on the order in which
articles were indexed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from whoosh.query import Term

from search.documents import quote_doc, stored_to_quote
from search.errors import SearchError
from search.models import Article, Quote

ALIASES_NAME = "aliases.toml"


def load_user_aliases(path: Path | None):  # noqa: ANN201 - search.quotes.Aliases or None
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


def _per_quote_names(aliases) -> set[str]:  # noqa: ANN001
    """Names whose speaker depends on the quote (split rules), not on the name alone."""
    if aliases is None:
        return set()
    split = {r.name for r in aliases.splits}
    return split | {k for k, v in aliases.merge.items() if v in split}


def is_bare(name: str) -> bool:
    """A one-word name ('Trump'): the only kind the corpus-wide registry may rename."""
    return len(name.split()) == 1


class Namer:
    """The speaker name a worker writes: the user's aliases first; then, for a bare surname,
    the name settled for this run (`final`, known only once every article has been read:
    workers hold those quotes back until then); else the extractor's name."""

    def __init__(self, names: dict[str, str], aliases) -> None:  # noqa: ANN001
        self.names = names
        self.aliases = aliases

    def aliased(self, quote: Quote, article: Article) -> str | None:
        """The name the aliases file gives this quote's speaker, or None when it says nothing."""
        local = quote.speaker
        if local is None or self.aliases is None:
            return None
        aliased = self.aliases.name_for(local, quote, article)
        return aliased if aliased != local else None

    def __call__(self, quote: Quote, article: Article) -> str | None:
        local = quote.speaker
        if local is None:
            return None
        return self.aliased(quote, article) or self.names.get(local, local)


def count_speakers(reader) -> dict[str, int]:  # noqa: ANN001
    """speaker_local -> live quote documents, from the index itself: the slow way (a walk of
    the lexicon), for indexes whose state does not carry the counts, and after big deletions."""
    counts = {}
    for term in reader.lexicon("speaker_local"):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        if reader.has_deletions():
            n = sum(1 for _ in reader.postings("speaker_local", term).all_ids())
        else:
            n = reader.doc_frequency("speaker_local", text)
        if n:
            counts[text] = n
    return counts


_LAST_REGISTRY: tuple[tuple[str, ...], dict[str, str]] | None = None


def registry_names(locals_: list[str]) -> dict[str, str]:
    """speaker_local -> corpus-wide name, for the bare surnames that have exactly one full name.

    A run asks twice with the same names (when workers need the map, and when the commit
    checks it): the last answer is remembered."""
    global _LAST_REGISTRY
    key = tuple(sorted(locals_))
    if _LAST_REGISTRY is not None and _LAST_REGISTRY[0] == key:
        return dict(_LAST_REGISTRY[1])
    out = _registry_names(key)
    _LAST_REGISTRY = (key, out)
    return dict(out)


def _registry_names(locals_: tuple[str, ...]) -> dict[str, str]:
    from search.quotes import NameRegistry

    registry = NameRegistry()
    for name in sorted(locals_):
        registry.add(name)
    out = {}
    for name in locals_:
        if is_bare(name):  # only bare surnames: the registry would strip 'U.S. ... of Commerce'
            full = registry.resolve(name)
            if full != name and len(full.split()) > 1:
                out[name] = full
    return out


def _article_stub(fields: dict) -> Article:
    date = fields.get("date")
    return Article(
        id=fields["article_id"],
        title=fields.get("title") or fields.get("article_title", ""),
        source=fields.get("source"),
        date=date.date() if isinstance(date, dt.datetime) else date,
        path=fields.get("path"),
    )


def settle(  # noqa: ANN001
    writer,
    speakers: dict[str, int],
    written_with: list[tuple[dict[str, int], dict[str, str]]],
    aliases,
    full_pass: bool,
    on_phase: Callable[[str], None] | None = None,
) -> tuple[dict[str, str], int]:
    """Give every quote in `writer`'s segments its corpus-wide speaker name.

    `speakers` are the speaker_local values of the live quote documents (with counts).
    `written_with` says how the documents were named: (their speaker counts, the surname
    map used), for the documents of earlier runs and for this run's. Only names whose
    settled value differs from the one they were written with are looked up, so a run
    normally rewrites nothing; `full_pass` (the aliases file changed) looks at every name.
    Returns the new surname map and the number of quote documents rewritten.
    """
    locals_ = sorted(name for name, n in speakers.items() if n > 0)
    new_names = registry_names(locals_)
    per_quote = _per_quote_names(aliases) if full_pass else set()
    merge = aliases.merge if aliases is not None else {}
    rewrites: list[tuple[int, dict]] = []
    with writer.searcher() as searcher:
        # speaker_name is sortable, so its values sit in a column: far cheaper than stored fields.
        names_column = None
        for local in locals_:
            quote_dependent = local in per_quote
            target = merge.get(local) or new_names.get(local, local)
            stale = any(counts.get(local) and used.get(local, local) != new_names.get(local, local) for counts, used in written_with)
            if not full_pass and (local in merge or not stale):
                continue  # written right: the aliases and the surname map are as the workers had them
            if names_column is None:
                names_column = searcher.reader().column_reader("speaker_name")
            for docnum in searcher.docs_for_query(Term("speaker_local", local)):
                if not quote_dependent:
                    if names_column[docnum] != target:
                        rewrites.append((docnum, searcher.stored_fields(docnum)))
                    continue
                fields = searcher.stored_fields(docnum)
                if fields.get("speaker_name") != aliases.name_for(local, stored_to_quote(fields), _article_stub(fields)):
                    rewrites.append((docnum, fields))
    if rewrites and on_phase:
        on_phase(f"giving {len(rewrites):,} quote(s) their corpus-wide speaker names")
    for docnum, fields in rewrites:
        local = fields["speaker_local"]
        quote, article = stored_to_quote(fields), _article_stub(fields)
        target = aliases.name_for(local, quote, article) if local in per_quote else merge.get(local) or new_names.get(local, local)
        writer.delete_document(docnum)
        writer.add_document(**quote_doc(quote.model_copy(update={"speaker": target}), article, speaker_local=local))
    return new_names, len(rewrites)
