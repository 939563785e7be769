"""The streaming, parallel part of an indexing run: find what changed, then read, extract
and write it on every core.

`scan` walks the corpus and sorts files into unchanged (same size, modification time,
root and manifests as last time: not even opened), and jobs. A JSON Lines file is hashed
whole and cut at line boundaries into jobs of a few MB, so one big file still keeps both
cores busy and never sits in memory whole.

`Workers` hands the jobs to worker processes. Each worker reads its files, skips articles
whose content hash is unchanged, extracts quotes and writes article and quote documents
into *its own* segment (a `search.backend.SegmentSink`; on Whoosh, a writer that buffers
postings by term, without the lock, which the parent holds).
Documents never cross a process boundary: only small per-file results travel back, so
the parent is free to do the bookkeeping and draw progress. The queue of jobs is bounded,
so a corpus of any size flows through in constant memory. When the jobs are done each
worker finishes its segment and sends it back; the parent adds those to its one commit.
Nothing a worker writes is visible before that commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing as mp
import os
import pickle
import queue
import signal
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from search.backend import Segment, SegmentSink
from search.errors import SearchError
from search.indexing.documents import article_doc, quote_doc, speaker_words
from search.indexing.fingerprints import keys_of_many
from search.indexing.groups import Plan, QuoteKeys
from search.indexing.run_state import FileEntry, IndexState
from search.indexing.speaker_names import Namer, Names, is_bare
from search.models import Article
from search.quotes_from_files import too_long_note
from search.readers.corpus import ReadOptions, SourceFile, file_format, read_file
from search.readers.jsonl import LeftOut, Skip, read_jsonl_range
from search.readers.walk import Held, Manifests, walk

JSONL_CHUNK = 2 << 20  # bytes of JSON Lines per job: small enough to spread, big enough to amortise
TEXT_CHUNK = 32  # text files per job
STREAM_BYTES = 32 << 20  # a file larger than this (a WARC, a CSV export) is streamed by its reader, not read whole
HELD_QUOTES_PREFIX = "held-quotes."  # HeldQuotes' anonymous file in the index folder


def content_hash(article: Article) -> str:
    """Hash of what the index is built from: text and metadata, so a manifest edit counts."""
    h = hashlib.blake2b(digest_size=16)
    h.update(article.model_dump_json(exclude={"body"}).encode())
    return h.hexdigest()


@dataclass
class Job:
    """A text file, several text files, or a line-aligned byte range of a JSON Lines file."""

    files: list[FileJob]


@dataclass
class FileJob:
    key: str  # resolved path: the key of the file in the state
    path: str  # as the user gave it, stored in documents
    root: str  # as given: article ids of text files are paths relative to it
    jsonl: bool
    order: int  # position in the corpus walk: the first of two articles with one id wins
    size: int
    mtime: int
    sig: str
    digest: str | None = None  # known up front for JSON Lines (hashed while cutting)
    start: int = 0
    end: int = -1
    first_line: int = 1
    part: int = 0
    parts: int = 1
    root_key: str = ""  # the root resolved: what the state compares


@dataclass
class FileResult:
    """What a worker did with one FileJob (a part of a file for JSON Lines)."""

    job: FileJob
    digest: str | None = None
    hashes: dict[str, str] = field(default_factory=dict)  # every article read: id -> hash
    written: list[str] = field(default_factory=list)  # ids whose documents were written
    quotes: int = 0
    speakers: Counter[str] = field(default_factory=Counter)  # speaker_local of the quotes written
    skips: list[str] = field(default_factory=list)
    failed: bool = False  # unreadable: its old articles are dropped from the index
    format: str = ""  # what the file was read as ('html', 'warc.gz', …: search.readers.corpus.file_format)
    languages: Counter[str] = field(default_factory=Counter)  # articles read not in English, by language
    left_out: int = 0  # records that are no article by design (a WARC's requests): counted, not warned about
    too_long: list[str] = field(default_factory=list)  # articles written as text only, over MAX_ARTICLE_CHARS (`too_long_note`)
    grouping: QuoteKeys = field(default_factory=QuoteKeys)  # the quotes held back for their groups (search.indexing.groups)


@dataclass
class Scan:
    jobs: list[Job] = field(default_factory=list)
    unchanged: dict[str, FileEntry] = field(default_factory=dict)  # key -> entry carried over
    skips: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # keys of every file found, read or not
    total_bytes: int = 0
    files_to_read: int = 0


# --- scanning -------------------------------------------------------------------------


def _cut_jsonl(path: Path, chunk: int) -> tuple[str, list[tuple[int, int, int]]]:
    """Hash a JSON Lines file and cut it at line ends into (start, end, first line) ranges,
    reading 1 MB at a time."""
    h = hashlib.blake2b(digest_size=16)
    ranges: list[tuple[int, int, int]] = []
    start, line, pos, newlines = 0, 1, 0, 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
            bstart, pos = pos, pos + len(block)
            offset = 0
            while pos - start >= chunk:
                i = block.find(b"\n", max(start + chunk - bstart, offset))
                if i < 0:
                    break
                newlines += block.count(b"\n", offset, i + 1)
                ranges.append((start, bstart + i + 1, line))
                line += newlines
                newlines, start, offset = 0, bstart + i + 1, i + 1
            newlines += block.count(b"\n", offset)
    if pos > start or not ranges:
        ranges.append((start, pos, line))
    return h.hexdigest(), ranges


def scan(paths: list[Path], old: IndexState, jsonl_chunk: int = JSONL_CHUNK, text_chunk: int = TEXT_CHUNK, *, options: ReadOptions | None = None) -> Scan:
    """Walk the corpus: which files are unchanged since the last run, and the jobs for the rest."""
    out = Scan()
    base: dict[str, Any]  # a job's fields, shared by the jobs of a file
    batch: list[FileJob] = []
    manifests = Manifests()
    held: list[str] = []  # folders that could not be entered: what was indexed under them stays
    order = 0
    columns = ",".join(f"{k}={v}" for k, v in options.columns) if options else ""
    for found in walk(paths, manifests, columns):
        if isinstance(found, Held):
            held.append(found.key.rstrip(os.sep) + os.sep)
            continue
        if isinstance(found, Skip):
            out.skips.append(str(found))
            continue
        key, st = found.key, found.st
        if key in out.seen:  # the same file reached through two given paths
            continue
        out.seen.add(key)
        order += 1
        root, sig = found.root_key, found.sig
        prev = old.files.get(key)
        if found.held:  # its manifest.toml is broken (and named): keep what it gave last time
            if prev:
                out.unchanged[key] = prev
            continue
        if prev and (prev.size, prev.mtime, prev.root, prev.sig) == (st.st_size, st.st_mtime_ns, root, sig):
            out.unchanged[key] = prev
            continue
        base = dict(key=key, path=found.path, root=found.root, root_key=root, jsonl=found.jsonl, order=order, size=st.st_size, mtime=st.st_mtime_ns, sig=sig)
        if not found.jsonl:
            batch.append(FileJob(**base))
            out.total_bytes += st.st_size
            out.files_to_read += 1
            if len(batch) >= text_chunk:
                out.jobs.append(Job(batch))
                batch = []
            continue
        try:
            digest, ranges = _cut_jsonl(Path(found.path), jsonl_chunk)
        except OSError as exc:
            out.skips.append(f"{found.path}: {exc.strerror or exc}")
            continue
        if prev and prev.digest == digest and prev.root == root:  # touched, not changed
            out.unchanged[key] = FileEntry(root, st.st_size, st.st_mtime_ns, sig, digest, prev.articles)
            continue
        out.total_bytes += st.st_size
        out.files_to_read += 1
        for part, (start, end, first_line) in enumerate(ranges):
            out.jobs.append(Job([FileJob(**base, digest=digest, start=start, end=end, first_line=first_line, part=part, parts=len(ranges))]))
    if batch:
        out.jobs.append(Job(batch))
    for key, entry in old.files.items():
        if key not in out.seen and any(key.startswith(h) for h in held):
            out.seen.add(key)
            out.unchanged[key] = entry
    return out


# --- the work of one job (in a worker) ---------------------------------------------------


@dataclass
class WorkContext:
    """Everything a worker needs, inherited through fork (never pickled)."""

    old: IndexState
    namer: Namer  # speaker names at write time
    extract: Callable  # Article -> list[Quote]
    sinks: Callable[[], SegmentSink]  # starts a worker's new segment (search.backend)
    lock_fd: int | None = None  # the parent's lock file, closed in workers (see _worker)
    held_folder: str | None = None  # where held-back quotes wait (the index folder)
    read_options: ReadOptions | None = None  # what the readers are told (`--map`)


def _named(doc: dict, name: str | None, ident: str | None) -> dict:
    """A held-back quote document with its settled speaker identity (as `quote_doc` would give)."""
    doc = dict(doc)
    doc.pop("speaker_name", None)
    doc.pop("speaker_id", None)
    if name:
        doc["speaker_name"], doc["speaker_id"] = name, ident
    doc["speaker"] = " ".join(x for x in {name or "", doc.get("speaker_mention") or ""} if x)
    if not doc["speaker"]:
        del doc["speaker"]
    doc["speaker_text"] = speaker_words(name, doc.get("speaker_mention"), doc.get("description"))
    if not doc["speaker_text"]:
        del doc["speaker_text"]
    return doc


class HeldQuotes:
    """Quote documents waiting for the run's surname map, kept on disk in batches: about
    one quote in twelve is by a bare surname, which at 100,000 articles is some 100,000
    documents per run, memory that would grow with the corpus. The file is anonymous (gone
    when closed or when the process dies) and sits beside the index, not in a /tmp that
    may be held in memory."""

    BATCH = 512

    def __init__(self, folder: str | None = None) -> None:
        self._folder = folder
        self._file: IO[bytes] | None = None
        self._batch: list[tuple[dict[str, Any], str | None, int]] = []
        self.count = 0

    def append(self, doc: dict, local: str | None, seq: int = -1) -> None:
        """Hold a quote document: `local`, a bare surname waiting for its name (or None);
        `seq`, the quote's number when it waits for its group (or -1)."""
        self._batch.append((doc, local, seq))
        self.count += 1
        if len(self._batch) >= self.BATCH:
            self._spill()

    def _spill(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(dir=self._folder, prefix=HELD_QUOTES_PREFIX)
        pickle.dump(self._batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._batch = []

    def __iter__(self) -> Iterator[tuple[dict, str | None, int]]:
        if self._file is not None:
            self._file.seek(0)
            while True:
                try:
                    batch = pickle.load(self._file)
                except EOFError:
                    break
                yield from batch
        yield from self._batch

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._batch = []
        self.count = 0


class Builder:
    """One worker's new segment: documents are written as they come, except quotes by a
    bare surname ('Trump'), held back (on disk: `HeldQuotes`) until every article of the
    run has been read and the corpus-wide name for that surname is known (see
    search.indexing.speaker_names), and quotes long enough to be grouped, held back until
    the run's quote groups are known (search.indexing.groups). Writing them once, named and
    grouped right, costs a pickle; renaming them after the fact meant rewriting them on one
    core at the end of the run."""

    def __init__(self, sink: SegmentSink, held_folder: str | None = None) -> None:
        self.add = sink.add
        self.sink = sink
        self.held = HeldQuotes(held_folder)
        self.seq = 0  # numbers the quotes held for their groups

    def finish(self, names: Names, groups: dict[int, str] | None = None) -> Segment | None:
        groups = groups or {}
        for doc, local, seq in self.held:
            if local is not None:
                doc = _named(doc, *names.of(local))
            group = groups.get(seq) if seq >= 0 else None
            if group:
                doc = {**doc, "group": group}
            self.add(doc)
        self.held.close()
        return self.sink.finish()

    def abort(self) -> None:
        self.held.close()
        self.sink.abort()


def _write_article(article: Article, digest: str, out: Builder, ctx: WorkContext, res: FileResult) -> int:
    quotes = ctx.extract(article)
    out.add(article_doc(article, digest))
    speakers = res.speakers
    for q, keys in zip(quotes, keys_of_many([q.text for q in quotes], [q.speaker for q in quotes]), strict=True):
        # speaker_local keeps the extractor's name for the article; speaker_name is the
        # corpus-wide one (see search.indexing.speaker_names).
        local = q.speaker
        if local:
            speakers[local] += 1
        seq = -1
        if keys.key is not None:  # long enough to be grouped: written once its group is known
            seq = out.seq
            out.seq += 1
            res.grouping.add(seq, article.id, keys)
        aliased = ctx.namer.aliased(q, article)
        if aliased is None and local and (seq >= 0 or is_bare(local)):
            # written once the run's names are known (`Builder.finish`): a bare surname waits for
            # them, and a quote held for its group anyway gets them too (not renamed at the commit)
            out.held.append(quote_doc(q, article, speaker_local=local, keys=keys), local, seq)
            continue
        name, ident = ctx.namer(q, article)
        if name != local:
            q = q.model_copy(update={"speaker": name})
        doc = quote_doc(q, article, speaker_local=local, speaker_id=ident, keys=keys)
        if seq >= 0:
            out.held.append(doc, None, seq)
        else:
            out.add(doc)
    return len(quotes)


def _articles_of(fj: FileJob, data: bytes | None, options: ReadOptions | None = None) -> Iterator[Article | Skip]:
    if not fj.jsonl:
        yield from read_file(SourceFile(Path(fj.path), Path(fj.root)), data, options)
        return
    yield from read_jsonl_range(fj.path, fj.start, fj.end, fj.first_line, whole=fj.parts == 1)


def run_file(fj: FileJob, out: Builder, ctx: WorkContext) -> FileResult:
    """Read one file (or range), write what changed; never raises for bad input."""
    res = FileResult(fj, digest=fj.digest)
    prev = ctx.old.files.get(fj.key)
    data = None
    if not fj.jsonl:
        try:
            if fj.size > STREAM_BYTES:  # a crawl or an export: hashed and read as streams, never held whole
                with open(fj.path, "rb") as fh:
                    res.digest = hashlib.file_digest(fh, lambda: hashlib.blake2b(digest_size=16)).hexdigest()
            else:
                data = Path(fj.path).read_bytes()
                res.digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        except OSError as exc:
            res.skips.append(f"{fj.path}: {exc.strerror or exc}")
            res.failed = True
            return res
        if prev and prev.digest == res.digest and prev.root == fj.root_key and prev.sig == fj.sig:
            res.hashes = dict(prev.articles)  # touched, not changed
            return res
    res.format = file_format(SourceFile(Path(fj.path), Path(fj.root)), data) if fj.part == 0 else ""
    known = prev.articles if prev else {}
    try:
        for item in _articles_of(fj, data, ctx.read_options):
            if isinstance(item, LeftOut):
                res.left_out += item.count
                continue
            if isinstance(item, Skip):
                res.skips.append(str(item))
                if not fj.jsonl and not item.partial:  # a bad record of a WARC, CSV, feed or zip fails only itself
                    res.failed = True
                continue
            if item.language and item.language != "en":
                res.languages[item.language] += 1
            if not item.text.strip():
                res.skips.append(f"{item.path}:{item.line}: empty article" if item.line else f"{item.path}: empty file")
                continue
            digest = content_hash(item)
            if item.id in res.hashes:
                res.skips.append(f"{item.path}:{item.line}: duplicate article id {item.id!r} in the same file; the first one is kept")
                continue
            res.hashes[item.id] = digest
            if known.get(item.id) == digest:
                continue
            try:
                res.quotes += _write_article(item, digest, out, ctx, res)
            except SearchError:
                raise
            except Exception as exc:  # an extractor bug must not lose the run: name the article
                del res.hashes[item.id]
                where = f"{item.path}:{item.line}" if item.line else str(item.path)
                res.skips.append(f"{where}: quote extraction failed ({type(exc).__name__}: {exc}); article {item.id!r} left out")
                continue
            res.written.append(item.id)
            if (note := too_long_note(item)) is not None:
                res.too_long.append(note)  # written as text: `ctx.extract` (article_quotes) looked for no quotes
    except SearchError as exc:  # a broken manifest.toml beside the file
        res.skips.append(str(exc))
        res.failed = True
    except OSError as exc:
        res.skips.append(f"{fj.path}: {exc.strerror or exc}")
        res.failed = True
    return res


# --- workers ---------------------------------------------------------------------------

_CTX: WorkContext | None = None


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the parent dies (SIGKILL included), so that no
    orphan is left writing segment files nobody will commit."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def close_inherited_locks() -> None:
    """Close this forked worker's copies of the lock files the parent had open at the fork
    ('.tantivy-meta.lock'). An flock belongs to the open file, not to the process: tantivy's
    reader thread held its meta lock at the moment of a fork, the parent then let it go by
    closing its descriptor, and the worker's copy kept it locked, so the parent's next
    reload waited for the worker while the worker waited for the parent (a test run hung
    so). Linux names a process's descriptors in /proc; elsewhere nothing is done."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return
    for name in names:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.endswith(".lock"):
            with contextlib.suppress(OSError):
                os.close(int(name))


def _worker(jobs: mp.Queue, results: mp.Queue, control: mp.Queue) -> None:
    """Body of a worker process: jobs in, per-file results out; then, given the run's
    surname map, the held-back quotes and its finished segment."""
    assert _CTX is not None
    _die_with_parent()
    if _CTX.lock_fd is not None:
        # The write lock belongs to the parent: a worker outliving it must not keep the
        # index locked (closing our copy of the descriptor leaves the parent's lock held).
        with contextlib.suppress(OSError):
            os.close(_CTX.lock_fd)
    close_inherited_locks()
    out = Builder(_CTX.sinks(), _CTX.held_folder)
    try:
        while (job := jobs.get()) is not None:
            results.put(("files", [run_file(fj, out, _CTX) for fj in job.files]))
        results.put(("ready", None))
        names, groups = control.get()  # its own queue: the shared one may still hold another worker's stop
        results.put(("segment", out.finish(names, groups)))
    except BaseException as exc:  # tell the parent, which cancels the whole run
        with contextlib.suppress(Exception):
            results.put(("error", f"{type(exc).__name__}: {exc}"))
        raise


class Workers:
    """The processes that read, extract and write a run's jobs, or this process when there
    is little to do. In two steps: `read` runs every job and returns the per-file results
    once every file is read; `finish`, given the run's surname map, has the held-back quotes
    written and returns the new segments to commit. Leaving the `with` block early (an
    error) stops the workers and drops what they wrote."""

    def __init__(self, ctx: WorkContext, workers: int = 2) -> None:
        global _CTX
        _CTX = ctx
        self.ctx = ctx
        self.workers = workers
        self._local: Builder | None = None  # the builder when the work stays in this process
        self._procs: list[mp.process.BaseProcess] = []
        self._controls: list[mp.Queue] = []
        self._results: mp.Queue | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None:
            self._abort()

    def read(self, jobs: list[Job], on_files: Callable[[list[FileResult]], None]) -> list[FileResult]:
        """Run every job; `on_files` is told of each job's results as they come (progress)."""
        results: list[FileResult] = []

        def took(batch: list[FileResult]) -> None:
            results.extend(batch)
            on_files(batch)

        if self.workers <= 1 or len(jobs) <= 1:
            self._local = out = Builder(self.ctx.sinks(), self.ctx.held_folder)
            for job in jobs:
                took([run_file(fj, out, self.ctx) for fj in job.files])
            return results

        fork = mp.get_context("fork")
        workers = self.workers
        job_q: mp.Queue = fork.Queue(maxsize=workers * 4)  # bounded: the walk never runs far ahead
        self._results = fork.Queue()
        self._controls = [fork.Queue() for _ in range(workers)]
        self._procs = [fork.Process(target=_worker, args=(job_q, self._results, c), daemon=True) for c in self._controls]
        for p in self._procs:
            p.start()
        pending = list(reversed(jobs))
        in_flight = ready = 0
        stopped = False
        while ready < workers:
            while pending and in_flight < workers * 4:
                job_q.put(pending.pop())
                in_flight += 1
            if not pending and in_flight == 0 and not stopped:
                for _ in self._procs:
                    job_q.put(None)
                stopped = True
            kind, payload = self._receive()
            if kind == "files":
                in_flight -= 1
                took(payload)
            elif kind == "ready":
                ready += 1
            else:
                raise RuntimeError(f"an indexing worker sent {kind!r} before every file was read")
        return results

    def finish(self, names: Names, groups: Plan | None = None) -> list[Segment]:
        """Write the held-back quotes with `names` and their `groups`, and finish every
        worker's segment."""
        groups = groups or Plan()
        if self._local is not None:
            segment, self._local = self._local.finish(names, groups.for_worker(os.getpid())), None
            return [segment] if segment is not None else []
        for p, c in zip(self._procs, self._controls, strict=True):
            c.put((names, groups.for_worker(p.pid or 0)))  # each worker only its own quotes' groups
        segments: list[Segment] = []
        for _ in self._procs:
            kind, payload = self._receive()
            if kind != "segment":
                raise RuntimeError(f"an indexing worker sent {kind!r} instead of its segment")
            if payload is not None:
                segments.append(payload)
        for p in self._procs:
            p.join()
        return segments

    def _receive(self) -> tuple[str, Any]:
        assert self._results is not None
        while True:
            try:
                kind, payload = self._results.get(timeout=0.5)
            except queue.Empty:
                dead = [p for p in self._procs if p.exitcode not in (None, 0)]
                if dead:
                    raise RuntimeError(f"an indexing worker died (exit code {dead[0].exitcode})") from None
                continue
            if kind == "error":
                raise RuntimeError(f"an indexing worker failed: {payload}")
            return kind, payload

    def _abort(self) -> None:
        if self._local is not None:
            self._local.abort()
            self._local = None
        for p in self._procs:
            if p.is_alive():
                p.kill()
