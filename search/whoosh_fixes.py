"""Fixes to Whoosh 2.7.4 internals that cost us time, applied once on import.

`W3PerDocReader._cached_reader` caches a column reader only when the column exists, so
for every field without a length column (all ID fields) it asks the file system again, for
every posting written at commit: a `stat` per posting, about a third of commit time for our
schema. The fix caches the absence too. The files of a segment never change once written,
so the cached answer is always right.

`PostingPool` spills sorted runs of postings to disk when a writer's buffer is full (always,
at a corpus of any size) and reads them back to merge them, one `pickle` call per posting
each way. The fix writes and reads runs as `marshal`led lists of 4,096 postings: the same
tuples in the same order, several times faster. Runs are private to one writer and deleted
when it finishes, so their format is nobody else's concern.
"""

from __future__ import annotations

import marshal
from itertools import islice

from whoosh import writing
from whoosh.codec import whoosh3

_RUN_BATCH = 4096  # postings per marshalled batch: a merge of 100 runs holds 100 batches


def _cached_reader(self, fieldname, column):  # noqa: ANN001, ANN202 - Whoosh's signature
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


def _write_run(self, f, items):  # noqa: ANN001, ANN202
    it = iter(items)
    while batch := list(islice(it, _RUN_BATCH)):
        marshal.dump(batch, f)
    f.close()


def _read_run(self, path):  # noqa: ANN001, ANN202
    f = self._open_run(path)
    try:
        while True:
            try:
                batch = marshal.load(f)
            except EOFError:
                return
            yield from batch
    finally:
        f.close()
        self._remove_run(path)


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    writing.PostingPool._write_run = _write_run
    writing.PostingPool._read_run = _read_run


apply()
