"""The peers: the same searches on the same corpus with a plain tantivy index and SQLite FTS5.

    .venv/bin/python -m bench.scale --articles 10000 --backends whoosh,tantivy --peers

`bench.scale --peers` builds both peers once over the generated corpus bench/out/corpus-N
(bench/out/fts5-N.sqlite, bench/out/tantivy-plain-N; built under a temporary name, renamed
into place, then marked by a `NAME.complete` file beside it, and reused), then measures them in the same run as our backends, a round of
each in turn, every peer in one warm process with its index kept open, and prints their
p50 / p95 ms as extra columns of the same table, then `rg -l -i -w` over the raw files for
the common words (best of 3; GNU `grep -r` where rg is not installed) as a floor.

What each peer indexes: the corpus's ARTICLES as our reader reads them
(`search.readers.text`: the headline, the body paragraphs, the outlet named by the
'Write to' line's e-mail domain, the `date` header), one document per article. Ours index
each quote as a document too: their totals count articles and quotes, the peers' count
articles (bench.scale prints both, and ours with kind=article beside them).
- fts5: an FTS5 table (title, text; `porter unicode61`) holding the texts, and a plain table
  `articles` (source, date as ISO text, indexed) with the same rowids, for the filters and
  the counts by source, as one would lay it out in SQLite.
- tantivy-plain: tantivy's own analysis (title and text `en_stem`, stored), source a raw
  text field, stored and fast (the terms aggregation counts it), date a date field, indexed
  and fast.

What each query does, as ours does: the page (10 hits, 20 for the facet row) with stored
fields (title, source, date) and a snippet of the text (FTS5 `snippet()`, tantivy's
`SnippetGenerator`; the lead of the text for a query of dates alone), and the total count
(FTS5 a COUNT(*) over the same MATCH, tantivy `count=True`); the facet row adds the counts
by source over all matches (FTS5 a GROUP BY, tantivy `Searcher.aggregate`). Query texts are
bench.scale's; its date syntax becomes each peer's range query. `speaker:clinton` and
'counts only' have no peer equivalent ('–'). Where their time goes (10,000 articles):
tantivy-plain's search and count take ~0.1 ms, the binding's SnippetGenerator over the ten
stored texts ~1.5 ms; FTS5 ranks every match (bm25 for each, then a sort: ~10 ms for 'said'),
where its COUNT(*) takes ~0.3 ms.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PEERS = ("tantivy-plain", "fts5")
_DATE_QUERY = re.compile(r"date:\[(\S+) TO (\S+)\]")
LEAD = 200  # characters of a text shown for a query of dates alone (no word to mark)


@dataclass(frozen=True)
class PeerQuery:
    """One of bench.scale's queries as the peers run it: words in their own syntax
    (tantivy's and FTS5's agree on word, AND and "phrase"), an inclusive day range."""

    words: str
    start: dt.date | None = None
    end: dt.date | None = None
    limit: int = 10
    facet: bool = False


@dataclass
class Answer:
    total: int
    hits: list[tuple[str, str, str, str]]  # title, source, ISO date, snippet
    facets: dict[str, int] = field(default_factory=dict)


def _day(text: str, last: bool) -> dt.date:
    """'2016', '2016-06' or '2016-06-30' as its first (or `last`) day."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if last else 1)
    if not last:
        return dt.date(year, month, 1)
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def peer_query(text: str, options: dict[str, Any]) -> PeerQuery | None:
    """bench.scale's query (text, options) for the peers; None when they have no equivalent."""
    if "speaker:" in text or options.get("speakers") or options.get("kind") or options.get("limit") == 0:
        return None
    start = _day(options["since"], False) if "since" in options else None
    end = _day(options["until"], True) if "until" in options else None
    m = _DATE_QUERY.fullmatch(text.strip())
    if m:
        text, start, end = "", _day(m.group(1), False), _day(m.group(2), True)
    return PeerQuery(text.strip(), start, end, int(options.get("limit", 10)), "source" in options.get("facets", []))


def articles(corpus: Path) -> Iterator[tuple[str, str, str, str, dt.date | None]]:
    """(id, title, body text, source, date) of each article file, as our reader reads it."""
    from search.readers.text import read_text_article

    for path in sorted(corpus.rglob("*.txt")):
        a = read_text_article(path, root=corpus)
        yield a.id, a.title, "\n\n".join(p.text for p in a.body), a.source or "", a.date


def fts5_available() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    return True


def _marker(built: Path) -> Path:
    return built.parent / f"{built.name}.complete"


def build_fts5(corpus: Path, db: Path) -> float | None:
    """The FTS5 database of the corpus's articles at `db`, built when it has no `.complete`
    marker (in a temporary file renamed into place); the seconds it took, None if reused."""
    if _marker(db).exists():
        return None
    if not fts5_available():
        raise RuntimeError(f"this Python's sqlite3 (SQLite {sqlite3.sqlite_version}) is built without FTS5")
    started = time.perf_counter()
    tmp = db.with_name(db.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(
        "CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT, source TEXT, date TEXT);"
        "CREATE VIRTUAL TABLE docs USING fts5(title, text, tokenize='porter unicode61');"
    )
    with con:
        for rowid, (aid, title, text, source, date) in enumerate(articles(corpus), 1):
            con.execute("INSERT INTO articles VALUES (?, ?, ?, ?)", (rowid, aid, source, date.isoformat() if date else None))
            con.execute("INSERT INTO docs(rowid, title, text) VALUES (?, ?, ?)", (rowid, title, text))
        con.execute("CREATE INDEX articles_date ON articles(date)")
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")  # one b-tree per term, as after a merge
    con.close()
    tmp.replace(db)
    _marker(db).write_text("ok")
    return time.perf_counter() - started


def build_tantivy_plain(corpus: Path, folder: Path) -> float | None:
    """The plain tantivy index of the corpus's articles in `folder`, built when it has no
    `.complete` marker (in a temporary folder renamed into place); seconds, None if reused."""
    import tantivy

    if _marker(folder).exists():
        return None
    started = time.perf_counter()
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    tmp.mkdir(parents=True)
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="en_stem")
    sb.add_text_field("text", stored=True, tokenizer_name="en_stem")
    sb.add_text_field("source", stored=True, fast=True, tokenizer_name="raw")
    sb.add_date_field("date", stored=True, indexed=True, fast=True)
    index = tantivy.Index(sb.build(), path=str(tmp))
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    for aid, title, text, source, date in articles(corpus):
        doc = tantivy.Document(id=aid, title=title, text=text, source=source)
        if date is not None:
            doc.add_date("date", dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC))
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    tmp.replace(folder)
    _marker(folder).write_text("ok")
    return time.perf_counter() - started


class Fts5Peer:
    def __init__(self, db: Path) -> None:
        self.con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)

    def run(self, q: PeerQuery) -> Answer:
        if not q.words:  # dates alone: the articles table's date index, then the texts by rowid
            days = (q.start.isoformat() if q.start else "", q.end.isoformat() if q.end else "9999")
            rows = self.con.execute(  # CROSS JOIN: SQLite keeps that order (else it scans every text)
                "SELECT d.title, a.source, a.date, substr(d.text, 1, ?) FROM articles a CROSS JOIN docs d ON d.rowid = a.rowid"
                " WHERE a.date BETWEEN ? AND ? ORDER BY a.rowid LIMIT ?",
                (LEAD, *days, q.limit),
            ).fetchall()
            total = self.con.execute("SELECT COUNT(*) FROM articles WHERE date BETWEEN ? AND ?", days).fetchone()[0]
            facets = dict(self.con.execute("SELECT source, COUNT(*) FROM articles WHERE date BETWEEN ? AND ? GROUP BY source", days)) if q.facet else {}
            return Answer(total, rows, facets)
        where, params = "docs MATCH ?", [q.words]
        if q.start or q.end:
            where += " AND a.date BETWEEN ? AND ?"
            params += [q.start.isoformat() if q.start else "", q.end.isoformat() if q.end else "9999"]
        join = "FROM docs JOIN articles a ON a.rowid = docs.rowid WHERE " + where
        rows = self.con.execute(
            f"SELECT docs.title, a.source, a.date, snippet(docs, 1, '<b>', '</b>', '…', 24) {join} ORDER BY docs.rank LIMIT ?", (*params, q.limit)
        ).fetchall()
        count = "SELECT COUNT(*) FROM docs WHERE docs MATCH ?" if len(params) == 1 else f"SELECT COUNT(*) {join}"
        total = self.con.execute(count, params).fetchone()[0]
        facets = dict(self.con.execute(f"SELECT a.source, COUNT(*) {join} GROUP BY a.source", params)) if q.facet else {}
        return Answer(total, rows, facets)


class TantivyPeer:
    def __init__(self, folder: Path) -> None:
        import tantivy

        self.t = tantivy
        self.index = tantivy.Index.open(str(folder))
        self.searcher = self.index.searcher()
        self.schema = self.index.schema

    def run(self, q: PeerQuery) -> Answer:
        t = self.t
        parts = [(t.Occur.Must, self.index.parse_query(q.words, ["title", "text"]))] if q.words else []
        if q.start or q.end:
            lo = dt.datetime.combine(q.start, dt.time(), dt.UTC) if q.start else None
            hi = dt.datetime.combine(q.end + dt.timedelta(days=1), dt.time(), dt.UTC) if q.end else None
            parts.append((t.Occur.Must, t.Query.range_query(self.schema, "date", t.FieldType.Date, lo, hi, include_upper=hi is None)))
        query = parts[0][1] if len(parts) == 1 else t.Query.boolean_query(parts)
        found: Any = self.searcher.search(query, limit=q.limit, count=True)
        snippets = t.SnippetGenerator.create(self.searcher, query, self.schema, "text") if q.words else None
        hits = []
        for _score, address in found.hits:
            doc = self.searcher.doc(address)
            text = doc.get_first("text") or ""
            snippet = snippets.snippet_from_doc(doc).to_html() if snippets is not None else text[:LEAD]
            date = doc.get_first("date")
            hits.append((doc.get_first("title") or "", doc.get_first("source") or "", date.date().isoformat() if date else "", snippet))
        facets = {}
        if q.facet:
            agg = self.searcher.aggregate(query, {"source": {"terms": {"field": "source", "size": 10_000}}})
            facets = {b["key"]: int(b["doc_count"]) for b in agg["source"]["buckets"]}
        return Answer(int(found.count or 0), hits, facets)


def peer_paths(n: int, out: Path) -> tuple[Path, Path]:
    return out / f"fts5-{n}.sqlite", out / f"tantivy-plain-{n}"


def ensure_peers(corpus: Path, n: int, out: Path) -> list[str]:
    """Both peers' indexes of the corpus, built when missing; a line per build (timings)."""
    db, folder = peer_paths(n, out)
    lines = []
    if fts5_available():
        took = build_fts5(corpus, db)
        if took is not None:
            lines.append(f"built fts5 over {n:,} articles in {took:.0f} s")
    took = build_tantivy_plain(corpus, folder)
    if took is not None:
        lines.append(f"built tantivy-plain over {n:,} articles in {took:.0f} s")
    return lines


def open_peers(n: int, out: Path) -> dict[str, Fts5Peer | TantivyPeer]:
    db, folder = peer_paths(n, out)
    peers: dict[str, Fts5Peer | TantivyPeer] = {"tantivy-plain": TantivyPeer(folder)}
    if _marker(db).exists():
        peers["fts5"] = Fts5Peer(db)
    return peers


def warm_peers(
    n: int, out: Path, queries: dict[str, list[tuple[str, dict[str, Any]]]], reps: int, answers: dict[str, dict[str, list[Any]]] | None = None
) -> dict[str, dict[str, list[float]]]:
    """Per peer, per kind, the ms of each run: each query once unmeasured (its total and
    facets go to `answers`, by bench.scale's query key), then `reps` times."""
    times: dict[str, dict[str, list[float]]] = {}
    for name, peer in open_peers(n, out).items():
        for kind, qs in queries.items():
            for text, options in qs:
                q = peer_query(text, options)
                if q is None:
                    continue
                first = peer.run(q)
                if answers is not None:
                    answers.setdefault(name, {})[query_key(text, options)] = [first.total, first.facets]
                for _ in range(reps):
                    started = time.perf_counter()
                    peer.run(q)
                    times.setdefault(name, {}).setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    return times


def query_key(text: str, options: dict[str, Any]) -> str:
    return f"{text} {json.dumps(options)}"


def rg_ms(corpus: Path, word: str) -> tuple[str, float] | None:
    """Best of 3 of `rg -l -i -w WORD corpus` in ms, or of GNU `grep -r -l -i -w` where rg
    is not installed (it is no Python package: the floor is then grep's), with the tool's
    name; None when neither is on PATH."""
    tool = shutil.which("rg") or shutil.which("grep")
    if tool is None:
        return None
    name = Path(tool).name
    args = [tool, "-l", "-i", "-w", word, str(corpus)] if name == "rg" else [tool, "-r", "-l", "-i", "-w", word, str(corpus)]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - started)
    return name, best * 1000
