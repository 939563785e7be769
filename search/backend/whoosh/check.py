"""`search check`: is the index on disk whole? (Lucene's CheckIndex, for our Whoosh index.)

First the table of contents must load (through the restricted unpickler), then every file of
the last commit is compared with the checksums recorded when it was written
(`checksums`); where none were recorded, or when asked (`deep`), every segment is read
through: every stored document, every term's postings (and a long list's arrays compared
with its blocks, a kept column's codes with the column: see `posting_arrays`). Nothing is changed; `search index
--rebuild` starts over on an index this finds damaged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC
from whoosh.reading import SegmentReader

from search.backend.whoosh import checksums, index_folder, posting_arrays
from search.backend.whoosh.checksums import CheckReport
from search.backend.whoosh.posting_arrays import PostingArrays


def _read_through(storage: FileStorage, toc: TOC, report: CheckReport) -> None:
    for segment in toc.segments:
        name = segment.segment_id()
        try:
            reader = SegmentReader(storage, toc.schema, segment)
            try:
                for docnum in range(segment.doc_count_all()):
                    reader.stored_fields(docnum)
                    report.documents_read += 1
                arrays = posting_arrays.of(reader)
                if arrays is not None:
                    _compare_columns(arrays, reader, name, report)
                for term in reader.all_terms():
                    m = reader.postings(*term)
                    if arrays is not None and term in arrays:
                        _compare(arrays, term, getattr(m, "child", m), name, report)  # deleted documents too: arrays keep them
                    else:
                        for _ in m.all_ids():
                            pass
            finally:
                reader.close()
        except Exception as exc:  # damage surfaces as anything from deep inside the codec
            report.problems.append(f"segment {name}: unreadable ({type(exc).__name__}: {exc})")
            continue
        report.segments_read += 1


def _compare(arrays: PostingArrays, term: tuple[str, bytes], m: Any, name: str, report: CheckReport) -> None:
    """A long list kept as arrays must hold its blocks' very numbers and weights."""
    ids: list[int] = []
    weights: list[float] = []
    m.reset()  # the deletions filter moved it past the deleted documents it starts with
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    found = arrays.get(term)
    if found is None or found[0].tolist() != ids or found[1].tolist() != weights:
        report.problems.append(f"segment {name}: the arrays of {term[0]}:{term[1]!r} differ from its postings")


def _compare_columns(arrays: PostingArrays, reader: SegmentReader, name: str, report: CheckReport) -> None:
    """A keyword column kept as codes must give every document its column's value."""
    for fieldname in reader.schema.names():
        kept = arrays.column(fieldname)
        if kept is None:
            continue
        codes, values = kept
        raw = reader.column_reader(fieldname, translate=False)
        if [values[c] for c in codes.tolist()] != list(raw):
            report.problems.append(f"segment {name}: the codes of column {fieldname} differ from the column")


def check_index(index_dir: Path, deep: bool = False, read_through: bool = True) -> CheckReport:
    """What is damaged in the index at `index_dir` (nothing, when `report.ok`). `read_through`
    False: the table of contents and the checksums only (fast at any size)."""
    report = CheckReport(index=str(index_dir))
    if not index_dir.is_dir():
        report.problems.append("no index folder")
        return report
    storage = FileStorage(str(index_dir))
    try:
        toc = TOC.read(storage, index_folder.INDEX_NAME)
    except Exception as exc:
        report.problems.append(f"table of contents: unreadable ({type(exc).__name__}: {exc})")
        return report
    report.generation = toc.generation
    checksums.verify_files(index_dir, index_folder.INDEX_NAME, toc, report)
    if deep or (read_through and not report.checksums_recorded and not report.problems):
        _read_through(storage, toc, report)
    return report


def is_damaged(index_dir: Path) -> bool:
    """Whether the index files in `index_dir` fail to open or their checksums (a folder with
    no index is not damaged)."""
    if not index_folder.has_index_files(index_dir):
        return False
    if not check_index(index_dir, read_through=False).ok:
        return True
    try:
        _, searcher = index_folder.open_searcher(index_dir)
        searcher.close()
    except Exception:
        return True
    return False
