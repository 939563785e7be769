"""Building the index from a corpus, incrementally: only what changed is read and written.

One run:
1. takes the index's write lock (`search.backend.Backend.lock`), failing at once with the
   running indexer's name, or waiting with `wait=True`;
2. loads the state of the last completed run (`run_state`) and walks the corpus
   (`pipeline.scan`): unchanged files are only `stat`ed;
3. reads, extracts and writes the rest on every core (`pipeline.Workers`);
4. deletes the old documents of changed articles and of articles that are gone, settles
   speaker names corpus-wide (`speaker_names`), saves the new state and commits.

Each step is a function that returns what the next one needs (`_start`, `scan`,
`_bookkeeping`, `_names_for_run`, `_drop_losers`, `_commit`); `_run` calls them in order.
The index is reached only through `search.backend`'s protocols.

What is removed. An article is removed when it came from a file under one of the paths
given to this run and is no longer there: the file is gone, can no longer be read, or (for
JSON Lines) no longer has a record with that id. Articles from files outside the given
paths are left alone, so `search index B/` never touches what `search index A/` indexed.

Crash safety. Everything a run writes reaches searchers in one commit (on Whoosh: the new
table of contents is renamed into place last). Until then searchers, and a run killed at any
moment, see the index of the last completed run; files left by a killed run (temp runs,
unused segments, a newer state file, the owner file) are cleared by the next one.
`crash_points` names the moments a test kills a run at.
"""

from __future__ import annotations

import functools
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.backend import IndexReader, IndexWriter, WritableIndex, check_backend_name, default_index_dir, open_backend, record_backend, recorded_backend
from search.errors import ExtractorMismatchError, SearchError
from search.identities import clean_tables, save_table
from search.indexing import crash_points, groups, run_state
from search.indexing.pipeline import FileResult, Scan, WorkContext, Workers, content_hash, scan
from search.indexing.progress import Progress
from search.indexing.run_state import FileEntry, IndexState
from search.indexing.speaker_names import Namer, Names, aliases_digest, count_speakers, find_aliases, is_bare, load_user_aliases, run_names, settle
from search.models import IndexReport
from search.readers.corpus import ReadOptions, _manifest, check_paths

__all__ = ["content_hash", "index_paths"]


def _default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass(frozen=True)
class _Request:
    """What the caller asked of this run."""

    index_dir: Path
    paths: list[Path]
    rebuild: bool
    aliases_path: Path | None
    aliases: Any  # the user's aliases (search.quotes.aliases), or None
    learned: bool | None
    workers: int
    options: ReadOptions  # how files are read (the CSV column map)
    optimize: bool = False  # merge every segment into one at the commit


def index_paths(
    paths: Iterable[Path],
    index_dir: Path | None = None,
    rebuild: bool = False,
    *,
    aliases: Path | None = None,
    wait: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    learned: bool | None = None,
    columns: dict[str, str] | None = None,
    optimize: bool = False,
    backend: str | None = None,
) -> IndexReport:
    """Bring the index at `index_dir` up to date with every article under `paths`.

    `aliases` is a speaker aliases TOML file (default: `aliases.toml` at the top of a given
    folder). `learned` extracts quotes with the learned attribution finder on top of the
    rules (True) or with the rules alone (False; see `extract_quotes`); None keeps the
    extractor the index was built with (the learned finder too for a new index). An index keeps the quotes of one extractor, so changing it needs
    `rebuild`. `columns` names the columns of CSV/TSV files by field (`--map`, see
    `search.readers.table`). `optimize` merges the index into one segment at the commit
    (after a large build: searches read one posting list per term). `backend` chooses
    the search engine of a new index ('whoosh', the default, or 'tantivy'); an existing
    index keeps the one it was created with, and naming another is an error. Returns what was added, updated, removed, left unchanged and skipped.
    """
    started = time.perf_counter()
    paths = check_paths(list(paths))
    index_dir = index_dir or default_index_dir()
    aliases_path = aliases or find_aliases(paths)
    options = ReadOptions(tuple(sorted((columns or {}).items())))
    request = _Request(index_dir, paths, rebuild, aliases_path, load_user_aliases(aliases_path), learned, workers or _default_workers(), options, optimize)
    progress = progress or Progress("none")
    name = _backend_name(index_dir, backend)
    backend_ = open_backend(name)
    backend_.prepare_dir(index_dir)
    with backend_.lock(index_dir, wait=wait, on_wait=progress.message, on_stale=progress.message) as lock:
        try:
            record_backend(index_dir, _backend_name(index_dir, name))  # again, holding the lock
            report = _run(backend_.open_for_writing(index_dir, rebuild=request.rebuild), backend_.schema_version, request, progress, lock.fd)
        finally:
            progress.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _backend_name(index_dir: Path, asked: str | None) -> str:
    """The backend of this run: the index's own, or the one asked for a new index."""
    if asked is not None:
        check_backend_name(asked)
    recorded = recorded_backend(index_dir)
    if recorded is not None and asked is not None and asked != recorded:
        raise SearchError(
            f"{index_dir} is a {recorded} index; --backend chooses the engine of a new index only: "
            f"leave it out to update this one, or pass --index with a new folder for a {asked} index"
        )
    return recorded or asked or "whoosh"


def _run(index: WritableIndex, schema_version: int, request: _Request, progress: Progress, lock_fd: int | None) -> IndexReport:
    """The steps of one run, in order (see the module's doc)."""
    report = IndexReport(index=str(request.index_dir))
    start = _start(index, schema_version, request, report)
    sc = scan(request.paths, start.old, options=request.options)
    report.skipped_reasons.extend(sc.skips)
    crash_points.reached("after-scan")
    progress.start(sc.files_to_read, sc.total_bytes)
    writer = index.writer(rebuild=start.rebuild, optimize=request.optimize)
    try:
        new = IndexState(aliases=start.aliases_hash, extractor=EXTRACTORS[start.learned])
        namer = Namer(Names(start.old.names, start.old.ids), request.aliases)
        ctx = WorkContext(
            old=start.old,
            namer=namer,
            extract=_extractor(start.learned),
            sinks=index.segment_sinks(rebuild=start.rebuild),
            lock_fd=lock_fd,
            held_folder=str(request.index_dir),
            read_options=request.options,
        )
        with Workers(ctx, request.workers) as workers:
            results = _by_file(workers.read(sc.jobs, functools.partial(_show_progress, progress)))
            crash_points.reached("after-read")
            progress.phase("committing")
            claims = _bookkeeping(report, start.old, new, sc, results, request.paths)
            counts = _names_for_run(index, writer, start, claims.delete, results, request.aliases)
            grouping = _plan_groups(writer, results, claims.losers, counts.touched, progress)
            segments = workers.finish(counts.names, grouping)
        writer.add_segments(segments)
        crash_points.reached("after-segment-write")
        speakers = _drop_losers(writer, claims.losers, counts)
        crash_points.reached("after-delete")
        new.speakers = {k: v for k, v in speakers.items() if v > 0}
        written_with = [(counts.old_speakers, Names(start.old.names, start.old.ids)), _written_this_run(start.old, counts.names, results)]
        _commit(writer, request, new, written_with, start.full_names_pass, report, progress, grouping.rewrite)
    except BaseException:
        writer.cancel()
        raise
    return report


@dataclass
class _Start:
    """What a run starts from, decided before any file is read."""

    rebuild: bool
    old: IndexState  # the last completed run's bookkeeping (empty for a rebuild)
    learned: bool  # the extractor: rules and the learned finder, or the rules alone
    aliases_hash: str | None
    full_names_pass: bool  # the aliases file changed: every name is checked again at the end


def _start(index: WritableIndex, schema_version: int, request: _Request, report: IndexReport) -> _Start:
    rebuild = _rebuild_for_schema(index, schema_version, request, report)
    old = IndexState()
    if not rebuild:
        old = run_state.load(request.index_dir, index.generation) or (_state_from_index(index) if not index.is_empty() else IndexState())
    aliases_hash = aliases_digest(request.aliases_path)
    learned = request.learned
    if learned is None:  # as the index was built (one from before the record: the rules); a new one gets the default
        learned = old.extractor == EXTRACTORS[True] if old.extractor or old.files else True
    extractor = EXTRACTORS[learned]
    if not rebuild and old.extractor is not None and old.extractor != extractor:
        raise ExtractorMismatchError(
            f"{request.index_dir} holds quotes found by the '{old.extractor}' extractor and this run would add '{extractor}' ones; "
            f"add --rebuild to re-extract every article, or leave out {'--learned' if learned else '--rules-only'}"
        )
    _manifest.cache_clear()  # manifests are re-read each run (and workers inherit this cache)
    # Workers apply the aliases as they write; only quotes written under another aliases
    # file (or an unknown one) need every name checked again.
    return _Start(rebuild, old, learned, aliases_hash, full_names_pass=not rebuild and old.aliases != aliases_hash)


def _rebuild_for_schema(index: WritableIndex, schema_version: int, request: _Request, report: IndexReport) -> bool:
    """Whether this run rebuilds the index: asked to, or the index was written with another
    schema version. Documents of two layouts must not mix: when this run's paths hold every
    file the index has, rebuilding loses nothing (do it and say so); otherwise ask."""
    if request.rebuild or index.schema_version == schema_version:
        return request.rebuild
    index_dir = request.index_dir
    if not index.is_empty():
        known = (run_state.load(index_dir, index.generation) or _state_from_index(index)).files
        roots = [str(p.resolve()) for p in request.paths]
        if not all(_under(key, roots) for key in known):
            raise SearchError(
                f"{index_dir} was built by another version of search (index format {index.schema_version}, this version writes "
                f"{schema_version}) and holds files outside these paths; searching it still works, updating it needs a rebuild "
                f"from all its folders: search index --rebuild PATH... --index {index_dir}"
            )
        report.notes.append(
            f"{index_dir} was built by another version of search (index format {index.schema_version}); "
            f"rebuilt it in format {schema_version} from these paths, which hold every file it had"
        )
    return True  # start it with this version's schema


def _state_from_index(index: WritableIndex) -> IndexState:
    """Bookkeeping for an index written without a state file: article hashes by file, so
    unchanged articles are still not extracted again (every file is read once)."""
    st = IndexState()
    with index.reader() as reader:
        for fields in reader.documents(kind="article"):
            path = fields.get("path")
            if not path:
                continue
            key = str(Path(path).resolve())
            st.files.setdefault(key, FileEntry(root="")).articles[fields["article_id"]] = fields.get("content_hash") or ""
    return st


def _under(key: str, roots: list[str]) -> bool:
    return any(key == r or key.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _show_progress(progress: Progress, batch: list[FileResult]) -> None:
    for r in batch:
        nbytes = (r.job.end - r.job.start) if r.job.jsonl else r.job.size
        progress.update(files=1 if r.job.part == r.job.parts - 1 else 0, nbytes=nbytes, articles=len(r.hashes), quotes=r.quotes)


def _by_file(results: list[FileResult]) -> dict[str, list[FileResult]]:
    """Results by file (a JSON Lines file cut into parts has one per part), in arrival order."""
    by_file: dict[str, list[FileResult]] = defaultdict(list)
    for r in results:
        by_file[r.job.key].append(r)
    return by_file


@dataclass
class _SpeakerCounts:
    """Speakers once every file is read, and the names this run gives them."""

    old_speakers: dict[str, int]  # speaker_local -> quotes in the index before this run
    speakers: Counter[str]  # the same after this run's deletions and additions
    names: Names  # the run's names: what the held-back quotes are written with
    recount: bool  # so many deletions that the counts must be read from the index again
    touched: set[str]  # quote groups that lost a report to the deletions


def _names_for_run(
    index: WritableIndex, writer: IndexWriter, start: _Start, delete: set[str], results: dict[str, list[FileResult]], aliases: Any
) -> _SpeakerCounts:
    """Every file is read: delete what changed or went away from the old segments, and work
    out this run's identities from the speaker counts that leaves."""
    rebuild = start.rebuild
    old_speakers = {} if rebuild else start.old.speakers if start.old.speakers is not None else _count_speakers(index)
    speakers: Counter[str] = Counter(old_speakers)
    for parts in results.values():
        for r in parts:
            speakers.update(r.speakers)
    touched: set[str] = set()
    recount = False if rebuild else _delete_articles(writer, delete, speakers, touched)
    return _SpeakerCounts(old_speakers, speakers, run_names(speakers, aliases)[0], recount, touched)


def _plan_groups(
    writer: IndexWriter, results: dict[str, list[FileResult]], losers: list[tuple[str, str]], touched: set[str], progress: Progress
) -> groups.Plan:
    """The quote groups of this run's new quotes, and the old quotes whose group changes
    (search.indexing.groups), worked out before the workers write the held quotes."""
    batches = [(r.grouping, r.job.path) for parts in results.values() for r in parts if len(r.grouping)]
    if not batches and not touched:
        return groups.Plan()
    progress.phase("grouping quotes")
    with writer.reader() as reader:
        return groups.plan(reader, batches, set(losers), touched)


def _drop_losers(writer: IndexWriter, losers: list[tuple[str, str]], counts: _SpeakerCounts) -> Counter[str]:
    """Delete the duplicates this run wrote (an article id another file already holds) and
    return the speaker counts of what is left."""
    speakers = counts.speakers
    if losers:
        with writer.reader() as reader:
            for aid, path in losers:
                for docnum in reader.doc_ids(article_id=aid, path=path):
                    _forget_speaker(reader, docnum, speakers)
                    writer.delete(docnum)
    if counts.recount:
        with writer.reader() as reader:
            speakers = Counter(count_speakers(reader))
    return speakers


def _written_this_run(old: IndexState, names: Names, results: dict[str, list[FileResult]]) -> tuple[dict[str, int], Names]:
    """This run's quotes by speaker, and the names they were written with: the last run's,
    bare surnames this run's. (Quotes held back for their groups got this run's names too;
    `settle` still checks each document of a speaker whose names differ, so a speaker whose
    quotes were written both ways is rewritten only where it is stale.)"""
    this_run: Counter[str] = Counter()
    for parts in results.values():
        for r in parts:
            this_run.update(r.speakers)
    this_names = Names(
        {k: v for k, v in old.names.items() if not is_bare(k)} | {k: v for k, v in names.names.items() if is_bare(k)},
        {k: v for k, v in old.ids.items() if not is_bare(k)} | {k: v for k, v in names.ids.items() if is_bare(k)},
    )
    return this_run, this_names


def _commit(
    writer: IndexWriter,
    request: _Request,
    new: IndexState,
    written_with: list[tuple[dict[str, int], Names]],
    full_names_pass: bool,
    report: IndexReport,
    progress: Progress,
    regroup: dict[int, str | None],
) -> None:
    """Give every quote its speaker's identity and old quotes their new groups, save the
    bookkeeping of the new generation, commit, and clear the previous generation's files."""
    assert new.speakers is not None
    settled, table, _ = settle(writer, new.speakers, written_with, request.aliases, full_names_pass, on_phase=progress.phase, regroup=regroup)
    _regroup(writer, regroup)
    new.names, new.ids = settled.names, settled.ids
    index_dir, generation = request.index_dir, writer.generation
    save_table(index_dir, generation, table)
    report.skipped = len(report.skipped_reasons)
    run_state.save(index_dir, generation, new)
    crash_points.reached("before-commit")
    writer.commit()
    crash_points.reached("after-commit")
    run_state.clean(index_dir, keep=generation)
    clean_tables(index_dir, keep=generation)


@dataclass
class _Claims:
    """Which old documents go: of articles changed or gone (`delete`, article ids), and
    duplicates written this run (`losers`, (article id, path))."""

    delete: set[str]
    losers: list[tuple[str, str]]


def _bookkeeping(report: IndexReport, old: IndexState, new: IndexState, sc: Scan, results: dict[str, list[FileResult]], paths: list[Path]) -> _Claims:
    """Who owns which article id now: fills `new.files` and the report's counts; returns
    the ids whose old documents must go and the duplicates written this run."""
    claims: dict[str, list[tuple[int, str, bool]]] = defaultdict(list)  # id -> (order, key, written)
    for key, entry in sc.unchanged.items():
        new.files[key] = entry
        for aid in entry.articles:
            claims[aid].append((-1, key, False))  # already in the index: it wins over newcomers
    for key, parts in results.items():
        parts.sort(key=lambda r: r.job.part)
        first = parts[0].job
        hashes: dict[str, str] = {}
        for r in parts:
            report.skipped_reasons.extend(r.skips)
            report.quotes_skipped.extend(r.too_long)
            report.quotes += r.quotes
            for aid, h in r.hashes.items():
                if aid in hashes:
                    report.skipped_reasons.append(f"{first.path}: duplicate article id {aid!r} in the same file; the first one is kept")
                    continue
                hashes[aid] = h
                claims[aid].append((first.order, key, aid in r.written))
        if not any(r.failed for r in parts):
            new.files[key] = FileEntry(first.root_key, first.size, first.mtime, first.sig, parts[0].digest, hashes)

    _count_formats(report, results)

    old_ids = old.article_ids()
    written: set[str] = set()
    losers: list[tuple[str, str]] = []  # (article id, path) of duplicates written this run
    unchanged = 0
    for aid, cl in claims.items():
        cl.sort()
        _, key, was_written = cl[0]
        if was_written:
            written.add(aid)
        else:
            unchanged += 1
        for _, lkey, lwritten in cl[1:]:
            if lkey in new.files and lkey not in sc.unchanged:
                new.files[lkey].articles.pop(aid, None)
            path = _path_of(lkey, results)
            report.skipped_reasons.append(f"{path}: duplicate article id {aid!r}; the one in {_path_of(key, results)} is kept")
            if lwritten:
                losers.append((aid, path))
    # This run speaks for the files it found and for everything under the paths it was
    # given; files indexed before from elsewhere are kept as they were.
    roots = [str(p.resolve()) for p in paths]
    for key, entry in old.files.items():
        if key not in new.files and key not in sc.seen and not _under(key, roots):
            new.files[key] = entry
    ours = [entry for key, entry in old.files.items() if key in sc.seen or _under(key, roots)]
    removed = {aid for entry in ours for aid in entry.articles} - new.article_ids() - written
    report.added = len(written - old_ids)
    report.updated = len(written & old_ids)
    report.removed = len(removed)
    report.unchanged = unchanged
    report.articles = len(written)
    return _Claims(delete=(written & old_ids) | removed, losers=losers)


def _path_of(key: str, results: dict[str, list[FileResult]]) -> str:
    return results[key][0].job.path if key in results else key


BIG_DELETE = 20_000  # documents: past this, speaker counts are recounted rather than read one by one


def _forget_speaker(reader: IndexReader, docnum: int, speakers: Counter[str]) -> None:
    local = reader.stored(docnum).get("speaker_local")
    if local:
        speakers[local] -= 1


def _delete_articles(writer: IndexWriter, ids: set[str], speakers: Counter[str], touched: set[str]) -> bool:
    """Delete every document (article and quotes) of these articles from the old segments,
    keeping the speaker counts right and noting the quote groups they leave (`touched`);
    True when there were so many that the speaker counts must be recounted."""
    if not ids:
        return False
    with writer.reader() as reader:
        docnums = [d for aid in sorted(ids) for d in reader.doc_ids(article_id=aid)]
        big = len(docnums) > BIG_DELETE
        group_col = reader.column("group")
        for docnum in docnums:
            if group := group_col[docnum]:
                touched.add(group)
            if not big:
                _forget_speaker(reader, docnum, speakers)
            writer.delete(docnum)
    return big


def _regroup(writer: IndexWriter, regroup: dict[int, str | None]) -> None:
    """Rewrite the old quotes whose group changed this run (those the speaker renames did
    not already rewrite: `settle` takes its own from `regroup`)."""
    if not regroup:
        return
    from search.indexing.documents import quote_doc, stored_to_quote
    from search.indexing.speaker_names import _article_stub

    with writer.reader() as reader:
        docs = [(docnum, reader.stored(docnum)) for docnum in sorted(regroup)]
    for docnum, fields in docs:
        quote = stored_to_quote(fields)
        writer.replace(
            docnum,
            quote_doc(quote, _article_stub(fields), speaker_local=fields.get("speaker_local"), speaker_id=fields.get("speaker_id"), group=regroup[docnum]),
        )
    regroup.clear()


def _count_speakers(index: WritableIndex) -> dict[str, int]:
    with index.reader() as reader:
        return count_speakers(reader)


# What the state records of the extractor an index's quotes came from.
EXTRACTORS = {False: "rules", True: "rules+learned"}


def _count_formats(report: IndexReport, results: dict[str, list[FileResult]]) -> None:
    """Files and articles read this run by format, and the articles not in English."""
    languages: Counter[str] = Counter()
    for parts in results.values():
        fmt = next((r.format for r in parts if r.format), "")
        for r in parts:
            languages.update(r.languages)
        if fmt:
            counts = report.formats.setdefault(fmt, {"files": 0, "articles": 0})
            counts["files"] += 1
            counts["articles"] += sum(len(r.hashes) for r in parts)
            if any(r.left_out for r in parts):
                counts["left_out"] = counts.get("left_out", 0) + sum(r.left_out for r in parts)
    if languages:
        which = ", ".join(f"{lang} {n}" for lang, n in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
        report.notes.append(
            f"{sum(languages.values())} article(s) not in English ({which}): indexed for search, without quotes (quote finding reads English only)"
        )


def _extractor(learned: bool) -> Callable:
    from search.quotes_from_files import article_quotes

    return functools.partial(article_quotes, learned=learned)
