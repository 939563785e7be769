"""Building the index from a corpus, incrementally: only what changed is read and written.

One run:
1. takes the index's write lock (`search.locking`), failing at once with the running
   indexer's name, or waiting with `wait=True`;
2. loads the state of the last completed run (`search.state`) and walks the corpus
   (`search.pipeline.scan`): unchanged files are only `stat`ed;
3. reads, extracts and writes the rest on every core (`search.pipeline.run_jobs`);
4. deletes the old documents of changed articles and of articles that are gone, settles
   speaker names corpus-wide (`search.speaker_names`), saves the new state and commits.

What is removed. An article is removed when it came from a file under one of the paths
given to this run and is no longer there: the file is gone, can no longer be read, or (for
JSON Lines) no longer has a record with that id. Articles from files outside the given
paths are left alone, so `search index B/` never touches what `search index A/` indexed.

Crash safety. Everything a run writes reaches searchers in one Whoosh commit: the new table
of contents is renamed into place last. Until then searchers, and a run killed at any
moment, see the index of the last completed run; files left by a killed run (temp runs,
unused segments, a newer state file, the owner file) are cleared by the next one.
"""

from __future__ import annotations

import functools
import os
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from whoosh.query import And, Term
from whoosh.writing import SegmentWriter

from search import state as run_state
from search import store
from search.errors import ExtractorMismatchError, SearchError
from search.identities import clean_tables, save_table
from search.locking import IndexLock
from search.models import IndexReport
from search.pipeline import FileResult, WorkContext, content_hash, run_jobs, scan
from search.progress import Progress
from search.readers.corpus import ReadOptions, _manifest, check_paths
from search.schema import SCHEMA_VERSION, make_schema, schema_version
from search.speaker_names import Namer, Names, aliases_digest, count_speakers, find_aliases, is_bare, load_user_aliases, run_names, settle
from search.state import FileEntry, IndexState

__all__ = ["content_hash", "index_paths"]


def _default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


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
) -> IndexReport:
    """Bring the index at `index_dir` up to date with every article under `paths`.

    `aliases` is a speaker aliases TOML file (default: `aliases.toml` at the top of a given
    folder). `learned` extracts quotes with the learned attribution finder on top of the
    rules (True) or with the rules alone (False; see `extract_quotes`); None keeps the
    extractor the index was built with (the learned finder too for a new index). An index keeps the quotes of one extractor, so changing it needs
    `rebuild`. `columns` names the columns of CSV/TSV files by field (`--map`, see
    `search.readers.table`). Returns what was added, updated, removed, left unchanged and skipped.
    """
    started = time.perf_counter()
    paths = check_paths(list(paths))
    index_dir = index_dir or store.default_index_dir()
    aliases_path = aliases or find_aliases(paths)
    user_aliases = load_user_aliases(aliases_path)
    progress = progress or Progress("none")
    store.prepare_dir(index_dir)
    with IndexLock(index_dir, wait=wait, on_wait=progress.message, on_stale=progress.message) as lock:
        # We hold the lock: whatever a killed run left in the temp folder is garbage.
        shutil.rmtree(index_dir / store.TEMP_DIR, ignore_errors=True)
        ix = store.open_for_writing(index_dir)
        writer = SegmentWriter(ix, _lk=False)
        try:
            options = ReadOptions(tuple(sorted((columns or {}).items())))
            report = _run(ix, writer, index_dir, paths, rebuild, aliases_path, user_aliases, workers or _default_workers(), progress, lock.fd, learned, options)
        except BaseException:
            writer.cancel()
            raise
        finally:
            progress.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _state_from_index(ix) -> IndexState:
    """Bookkeeping for an index written without a state file: article hashes by file, so
    unchanged articles are still not extracted again (every file is read once)."""
    st = IndexState()
    with ix.searcher() as searcher:
        for fields in searcher.documents(kind="article"):
            path = fields.get("path")
            if not path:
                continue
            key = str(Path(path).resolve())
            st.files.setdefault(key, FileEntry(root="")).articles[fields["article_id"]] = fields.get("content_hash") or ""
    return st


def _under(key: str, roots: list[str]) -> bool:
    return any(key == r or key.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _run(
    ix,
    writer,
    index_dir: Path,
    paths: list[Path],
    rebuild: bool,
    aliases_path,
    user_aliases,
    workers: int,
    progress: Progress,
    lock_fd: int | None,
    learned: bool | None = None,
    options: ReadOptions | None = None,
) -> IndexReport:
    report = IndexReport(index=str(index_dir))
    if not rebuild and schema_version(ix.schema) != SCHEMA_VERSION:
        # Documents of two layouts must not mix. When this run's paths hold every file the
        # index has, rebuilding loses nothing: do it and say so; otherwise ask.
        if not ix.is_empty():
            known = (run_state.load(index_dir, ix.latest_generation()) or _state_from_index(ix)).files
            roots = [str(p.resolve()) for p in paths]
            if not all(_under(key, roots) for key in known):
                raise SearchError(
                    f"{index_dir} was built by another version of search (index format {schema_version(ix.schema)}, this version writes "
                    f"{SCHEMA_VERSION}) and holds files outside these paths; searching it still works, updating it needs a rebuild "
                    f"from all its folders: search index --rebuild PATH... --index {index_dir}"
                )
            report.notes.append(
                f"{index_dir} was built by another version of search (index format {schema_version(ix.schema)}); "
                f"rebuilt it in format {SCHEMA_VERSION} from these paths, which hold every file it had"
            )
        rebuild = True  # start it with this version's schema
    generation = ix.latest_generation()
    old = IndexState()
    if not rebuild:
        old = run_state.load(index_dir, generation) or (_state_from_index(ix) if not ix.is_empty() else IndexState())
    aliases_hash = aliases_digest(aliases_path)
    if learned is None:  # as the index was built (one from before the record: the rules); a new one gets the default
        learned = old.extractor == EXTRACTORS[True] if old.extractor or old.files else True
    extractor = EXTRACTORS[learned]
    if not rebuild and old.extractor is not None and old.extractor != extractor:
        raise ExtractorMismatchError(
            f"{index_dir} holds quotes found by the '{old.extractor}' extractor and this run would add '{extractor}' ones; "
            f"add --rebuild to re-extract every article, or leave out {'--learned' if learned else '--rules-only'}"
        )
    # Workers apply the aliases as they write; only quotes written under another aliases
    # file (or an unknown one) need every name checked again.
    full_names_pass = not rebuild and old.aliases != aliases_hash
    _manifest.cache_clear()  # manifests are re-read each run (and workers inherit this cache)

    sc = scan(paths, old, options=options)
    report.skipped_reasons.extend(sc.skips)
    progress.start(sc.files_to_read, sc.total_bytes)

    results: dict[str, list[FileResult]] = defaultdict(list)

    def on_files(batch: list[FileResult]) -> None:
        for r in batch:
            results[r.job.key].append(r)
            nbytes = (r.job.end - r.job.start) if r.job.jsonl else r.job.size
            progress.update(files=1 if r.job.part == r.job.parts - 1 else 0, nbytes=nbytes, articles=len(r.hashes), quotes=r.quotes)

    schema = make_schema() if rebuild else ix.schema
    ctx = WorkContext(old=old, namer=Namer(Names(old.names, old.ids), user_aliases), extract=_extractor(learned), lock_fd=lock_fd, read_options=options)
    new = IndexState(aliases=aliases_hash, extractor=extractor)
    done: dict = {}

    def settle_names() -> Names:
        """Every file is read: settle who owns which article, delete what changed or went
        away from the old segments, and work out this run's identities."""
        progress.phase("committing")
        done.update(_bookkeeping(report, old, new, sc, results, paths))
        speakers: Counter[str] = Counter()
        done["old_speakers"] = {} if rebuild else old.speakers if old.speakers is not None else _count_speakers(ix)
        speakers.update(done["old_speakers"])
        for parts in results.values():
            for r in parts:
                speakers.update(r.speakers)
        done["recount"] = False if rebuild else _delete_articles(writer, done["delete"], speakers)
        done["speakers"] = speakers
        done["names"] = run_names(speakers, user_aliases)[0]
        return done["names"]

    new_segments = run_jobs(ix, schema, sc.jobs, ctx, on_files, settle_names, workers=workers)

    # --- one commit ---------------------------------------------------------------------
    speakers = done["speakers"]
    writer.segments = list(writer.segments) + new_segments
    writer._setup_doc_offsets()
    if done["losers"]:
        with writer.searcher() as searcher:
            for aid, path in done["losers"]:
                for docnum in And([Term("article_id", aid), Term("path", path)]).docs(searcher):
                    _forget_speaker(searcher, docnum, speakers)
                    writer.delete_document(docnum)
    if done["recount"]:
        with writer.searcher() as searcher:
            speakers = Counter(count_speakers(searcher.reader()))
    if rebuild:
        writer.schema = schema
    new.speakers = {k: v for k, v in speakers.items() if v > 0}
    this_run: Counter[str] = Counter()
    for parts in results.values():
        for r in parts:
            this_run.update(r.speakers)
    # This run's quotes were written with the last run's names, bare surnames with this run's.
    old_names = Names(old.names, old.ids)
    this_names = Names(
        {k: v for k, v in old.names.items() if not is_bare(k)} | {k: v for k, v in done["names"].names.items() if is_bare(k)},
        {k: v for k, v in old.ids.items() if not is_bare(k)} | {k: v for k, v in done["names"].ids.items() if is_bare(k)},
    )
    written_with = [(done["old_speakers"], old_names), (this_run, this_names)]
    settled, table, _ = settle(writer, new.speakers, written_with, user_aliases, full_names_pass, on_phase=progress.phase)
    new.names, new.ids = settled.names, settled.ids
    save_table(index_dir, writer.generation, table)
    report.skipped = len(report.skipped_reasons)
    run_state.save(index_dir, writer.generation, new)
    if rebuild:
        keep = list(new_segments)
        writer.commit(mergetype=lambda w, segments: [s for s in segments if any(s is k for k in keep)])
    else:
        writer.commit()
    run_state.clean(index_dir, keep=writer.generation)
    clean_tables(index_dir, keep=writer.generation)
    return report


def _bookkeeping(report: IndexReport, old: IndexState, new: IndexState, sc, results: dict[str, list[FileResult]], paths: list[Path]) -> dict:
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
    return {"delete": (written & old_ids) | removed, "losers": losers}


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


def _path_of(key: str, results: dict[str, list[FileResult]]) -> str:
    return results[key][0].job.path if key in results else key


BIG_DELETE = 20_000  # documents: past this, speaker counts are recounted rather than read one by one


def _forget_speaker(searcher, docnum: int, speakers: Counter[str]) -> None:
    local = searcher.stored_fields(docnum).get("speaker_local")
    if local:
        speakers[local] -= 1


def _delete_articles(writer, ids: set[str], speakers: Counter[str]) -> bool:
    """Delete every document (article and quotes) of these articles from the old segments,
    keeping the speaker counts right; True when there were so many that they must be recounted."""
    if not ids:
        return False
    with writer.searcher() as searcher:
        docnums = [d for aid in sorted(ids) for d in Term("article_id", aid).docs(searcher)]
        big = len(docnums) > BIG_DELETE
        for docnum in docnums:
            if not big:
                _forget_speaker(searcher, docnum, speakers)
            writer.delete_document(docnum)
    return big


def _count_speakers(ix) -> dict[str, int]:
    with ix.searcher() as searcher:
        return count_speakers(searcher.reader())


# What the state records of the extractor an index's quotes came from.
EXTRACTORS = {False: "rules", True: "rules+learned"}


def _extractor(learned: bool):
    from search.extraction import article_quotes

    return functools.partial(article_quotes, learned=learned)
