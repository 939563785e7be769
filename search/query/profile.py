"""A speaker's profile (`search speaker NAME`, `Index.speaker`): who the identity is, how the
press describes them and when, how often and where they are quoted over time, the words that
set their quotes apart, and their first and latest quote.

The name is resolved to one identity (`resolve`): an id, a display name or a name the
identity was written as picks it at once ('Trump' is whoever the bare surname was given to
when identities were built, with a note naming the other Trumps); otherwise the loose match
of `--speaker` must find exactly one, or the candidates are listed (`AmbiguousNameError`,
exit 2); a name nobody bears raises `UnknownNameError` (exit 1) with the closest spellings.

Cost: counts by period and outlet come from the columns; the stored fields of the
speaker's own quotes are read once (descriptions, names, text, first and last quote);
the words of the other quotes are counted from posting lists, for the candidate words
only (`search.query.keyness`). The result is a plain dict in `models.SpeakerProfile`'s
JSON shape.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from search.errors import AmbiguousNameError, QuerySyntaxError, UnknownNameError
from search.identities import Identity, fold
from search.indexing.documents import stored_to_hit
from search.query import budget
from search.query.facets import DATE_BUCKETS, periods
from search.query.keyness import SIGNIFICANT, WordCounts, distinctive_terms
from search.query.names import NOTE_NAMES, identities_of, match_identities, name_tokens
from search.query.parser import require_text
from search.query.request import compile_request
from search.query.snippets import WORD

if TYPE_CHECKING:
    from search.backend import Searcher

TERMS = 15  # distinctive words listed
DESCRIPTIONS = 10  # descriptions listed
CANDIDATES = 10  # identities an ambiguous name lists
_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
_LABEL_LENGTH = {"year": 4, "month": 7, "day": 10}  # an ISO day cut to its period's label


# ---------------------------------------------------------------------------------------
# Which identity


def _row(ident: Identity) -> tuple[str, str, int]:
    return (ident.id, ident.name, ident.quotes)


def _ranked(rows: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Most quoted first (by the identity table's counts, which the lists show)."""
    return sorted(rows, key=lambda r: (-r[2], r[1], r[0]))


def _named(rows: list[tuple[str, str, int]]) -> str:
    shown = ", ".join(f"{name} [{ident}]" for ident, name, _ in rows[:NOTE_NAMES])
    return shown + (f" and {len(rows) - NOTE_NAMES} more" if len(rows) > NOTE_NAMES else "")


def resolve(searcher: Searcher, typed: str) -> tuple[Identity, list[str]]:
    """The one identity `typed` names, and what to tell the user about the choice."""
    typed = require_text(typed, "the speaker's name").strip()
    if not typed.lstrip("=").strip():
        raise QuerySyntaxError("give a speaker's name or id, e.g. search speaker Comey or search speaker =james-comey")
    table = identities_of(searcher).table
    exactly = typed.startswith("=")
    name = typed[1:].strip() if exactly else typed
    ident = table.exact(name) if name else None
    if ident is None and not exactly and (bare := " ".join(name_tokens(name))) != fold(name):
        ident = table.exact(bare)  # 'Mr. Sanders': the name without its honorific ('Sanders')
    if ident is not None:
        notes = []
        if not exactly:
            others = _ranked([_row(table.identities[i]) for i in match_identities(searcher, typed).ids if i != ident.id])
            if others:
                notes.append(f"'{typed}' is {ident.name} [{ident.id}]; it also matches {_named(others)} (search speaker =ID for one of them)")
        return ident, notes
    m = match_identities(searcher, name)
    rows = _ranked([_row(table.identities[i]) for i in m.ids])
    if m.how == "loose" and len(rows) == 1 and not exactly:
        return table.identities[rows[0][0]], [f"'{typed}' is {rows[0][1]} [{rows[0][0]}]"]
    if m.how == "loose" and not exactly:
        shown = ", ".join(f"{n} [{i}] ({q:,} quotes)" for i, n, q in rows[:CANDIDATES])
        shown += f" and {len(rows) - CANDIDATES} more" if len(rows) > CANDIDATES else ""
        raise AmbiguousNameError(f"'{typed}' names {len(rows)} speakers: {shown}; name one by its id: search speaker ={rows[0][0]}", rows)
    what = f"no speaker is exactly '{name}'" if exactly else f"no speaker '{typed}'"
    if rows:
        raise UnknownNameError(f"{what}; did you mean {_named(rows)}?", rows)
    raise UnknownNameError(f"{what} (search speakers lists them)", [])


# ---------------------------------------------------------------------------------------
# The profile


@dataclass
class _Description:
    forms: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    dates: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        form = min(self.forms, key=lambda f: (-self.forms[f], f))
        return {
            "description": form,
            "quotes": sum(self.forms.values()),
            "sources": [{"value": s, "count": n} for s, n in sorted(self.sources.items(), key=lambda kv: (-kv[1], kv[0]))],
            "first_date": min(self.dates, default=None),
            "last_date": max(self.dates, default=None),
        }


def description_key(text: str) -> str:
    """Descriptions that differ only in case, accents, a leading article or end punctuation
    are one: 'the Republican front-runner' and 'Republican front-runner'."""
    return _ARTICLE.sub("", " ".join(fold(text).split())).strip(" ,.;:")


def _order(counter: Counter[str]) -> list[dict[str, Any]]:
    return [{"value": v, "count": n} for v, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def speaker_profile(
    searcher: Searcher,
    typed: str,
    *,
    sources: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    on: str | None = None,
    period: str = "month",
    terms: int = TERMS,
    descriptions: int | None = DESCRIPTIONS,
) -> dict[str, Any]:
    """The profile of the speaker `typed` names, over the quotes the filters leave, as the
    dict `models.SpeakerProfile.model_dump(mode="json")` would give."""
    if period not in DATE_BUCKETS:
        raise QuerySyntaxError(f"unknown period '{period}'; use {', '.join(DATE_BUCKETS)}")
    if terms < 0 or (descriptions is not None and descriptions < 0):
        raise QuerySyntaxError("--terms and --descriptions must be 0 or more")
    deadline = budget.current()
    ident, notes = resolve(searcher, typed)
    request = compile_request(searcher, "", sources=sources, since=since, until=until, on=on, kind="quote")
    notes += request.notes
    compared = searcher.match(request)[0]  # every quote the filters leave: the speaker's, and the others'
    id_col = searcher.column("speaker_id")
    if id_col is not None:
        mine = [n for n in compared if id_col[n] == ident.id]
    else:  # an index from before identities: a name is an identity
        name_col = searcher.column("speaker_name") or []
        mine = [n for n in compared if name_col[n] == ident.name]
    deadline.check()

    date_keys = searcher.date_keys()
    source_col = searcher.column("source")
    day_of: dict[int, str | None] = {}

    def day(n: int) -> str | None:
        key = date_keys[n] if date_keys is not None else None
        if key is None:
            return None
        if key not in day_of:
            d = searcher.date_of(key)
            day_of[key] = d.isoformat() if d else None
        return day_of[key]

    written: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    articles: set[str] = set()
    described: dict[str, _Description] = {}
    words = WordCounts(searcher.word_to_term())
    by_period: Counter[str] = Counter()
    by_outlet: dict[str, Counter[str]] = {}
    outlet_quotes: Counter[str] = Counter()
    outlet_days: dict[str, list[str]] = {}
    quotes_seen: list[tuple[str, str, int, int, dict[str, Any]]] = []  # (day, article, start, docnum, fields)
    undated = 0
    for n in mine:
        deadline.check(every=256)
        f = searcher.stored(n)
        d = day(n)
        source = (source_col[n] if source_col is not None else f.get("source")) or "(no source)"
        written[f.get("speaker_local") or f.get("speaker_name") or ident.name] += 1
        if f.get("speaker_type"):
            kinds[f["speaker_type"]] += 1
        articles.add(f.get("article_id", ""))
        if f.get("description"):
            entry = described.setdefault(description_key(f["description"]), _Description())
            entry.forms[f["description"].strip()] += 1
            entry.sources[source] += 1
            if d:
                entry.dates.append(d)
        words.add(WORD.findall(f.get("text", "")))
        outlet_quotes[source] += 1
        by_outlet.setdefault(source, Counter())
        if d:
            label = d[: _LABEL_LENGTH[period]]  # 'YYYY-MM-DD' cut as `facets.bucket` labels a period
            by_period[label] += 1
            by_outlet[source][label] += 1
            outlet_days.setdefault(source, []).append(d)
        else:
            undated += 1
        quotes_seen.append((d or "", f.get("article_id", ""), int(f.get("start") or 0), n, f))
    if undated:
        notes.append(f"{undated:,} undated quote(s) are not in the {period} chart")

    labels = periods(min(by_period), max(by_period), period) if by_period else []
    outlets: list[dict[str, Any]] = []
    for source, counts in by_outlet.items():
        days = outlet_days.get(source, [])
        outlets.append(
            {
                "source": source,
                "quotes": outlet_quotes[source],
                "first_date": min(days, default=None),
                "last_date": max(days, default=None),
                "counts": [counts.get(p, 0) for p in labels],
            }
        )
    outlets.sort(key=lambda o: (-o["quotes"], o["source"]))
    descs = sorted((e.as_json() for e in described.values()), key=lambda e: (-e["quotes"], e["first_date"] or "", e["description"]))

    dated = sorted(q for q in quotes_seen if q[0]) if quotes_seen else []
    ordered = dated or sorted(quotes_seen)
    first = stored_to_hit(ordered[0][4]) if ordered else None
    latest = stored_to_hit(ordered[-1][4]) if ordered else None

    mask = bytearray(len(date_keys) if date_keys is not None else max(compared, default=-1) + 1)
    for n in compared:
        mask[n] = 1
    others_total = searcher.field_length("text", compared) - searcher.field_length("text", mine)

    # a word's count over the quotes compared, remembered per snapshot and filter set: the
    # common words are looked up for nearly every speaker profiled with one Index
    memo = searcher.memo.setdefault("profile:word-counts", {})
    if len(memo) > 8:
        memo.clear()
    known: dict[str, int] = memo.setdefault(request.described, {})

    def corpus_count(term: str) -> int:
        if term not in known:
            deadline.check()
            known[term] = searcher.term_frequency("text", term, mask)
        return known[term]

    found = distinctive_terms(words, others_total, corpus_count, terms)  # (finishes `words`)
    days_all = [q[0] for q in dated]
    return {
        "query": request.described,
        "id": ident.id,
        "name": ident.name,
        "speaker_type": kinds.most_common(1)[0][0] if kinds else None,
        "names": _order(written),
        "quotes": len(mine),
        "articles": len(articles),
        "first_date": days_all[0] if days_all else None,
        "last_date": days_all[-1] if days_all else None,
        "period": period,
        "timeline": [{"value": p, "count": by_period.get(p, 0)} for p in labels],
        "undated": undated,
        "outlets": outlets,
        "descriptions": descs[:descriptions] if descriptions is not None else descs,
        "description_values": len(descs),
        "terms": [
            {
                "term": t.word,
                "stem": t.stem,
                "count": t.count,
                "quotes": t.quotes,
                "others": t.others,
                "per_10k": t.per_10k,
                "others_per_10k": t.others_per_10k,
                "score": t.score,
            }
            for t in found
        ],
        "compared_quotes": len(compared) - len(mine),
        "compared_words": others_total,
        "words": words.total,
        "min_score": SIGNIFICANT,
        "first_quote": first,
        "latest_quote": latest,
        "notes": list(dict.fromkeys(notes)),
        "took_ms": 0.0,
    }
