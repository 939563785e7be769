"""`search check`: is the index on disk whole? (Lucene's CheckIndex, for our Whoosh index.)

First the table of contents must load (through the restricted unpickler), then every file of
the last commit is compared with the checksums recorded when it was written
(`checksums`); where none were recorded, or when asked (`deep`), every segment is read
through: every stored document, every term's postings. Nothing is changed; `search index
--rebuild` starts over on an index this finds damaged.
"""

from __future__ import annotations

from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC
from whoosh.reading import SegmentReader

from search.backend.whoosh import checksums, index_folder
from search.backend.whoosh.checksums import CheckReport


def _read_through(storage: FileStorage, toc: TOC, report: CheckReport) -> None:
    for segment in toc.segments:
        name = segment.segment_id()
        try:
            reader = SegmentReader(storage, toc.schema, segment)
            try:
                for docnum in range(segment.doc_count_all()):
                    reader.stored_fields(docnum)
                    report.documents_read += 1
                for fieldname, text in reader.all_terms():
                    for _ in reader.postings(fieldname, text).all_ids():
                        pass
            finally:
                reader.close()
        except Exception as exc:  # damage surfaces as anything from deep inside the codec
            report.problems.append(f"segment {name}: unreadable ({type(exc).__name__}: {exc})")
            continue
        report.segments_read += 1


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
