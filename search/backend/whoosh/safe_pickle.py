"""Whoosh's files hold pickles, and loading a pickle can run any code it names: an index
made by someone else (`search stats --index THEIR_INDEX`) could run a shell command just by
being opened. Every pickle Whoosh reads (the table of contents with its schema and segment
list, each segment's compound directory, posting blocks, stored column headers) goes through
`loads`/`load` here instead, which build only what an index of ours can hold and refuse
anything else with `UnsafeIndexError` before anything is built.

What an index holds was found by recording every global the pickles of real indexes name:
the schema (Whoosh's field, format, analysis, column and codec classes, and our analyzer,
recorded as `search.analysis.*`), compiled regular expressions (`re._compile`), datetimes,
the segment list, and plain data. Only classes from those modules, never a function except
the few named in `_GLOBALS`, so a pickle cannot reach `os.system`, `eval` or `getattr`.

Whoosh has no seam for this (it calls `pickle.load`/`loads` through module globals), so
`install()` rebinds those globals, once, wherever the index is opened (`index_folder`).
A restricted unpickler costs about 2 µs more per call than `pickle.loads`. Whoosh makes one
call per posting when it decodes positions (phrases), so the commonest pickle, a list of
small integers, is recognised by its opcodes (`INT_LIST`: nothing in that grammar can name
or call anything) and loaded by `pickle.loads` directly: 0.9 µs instead of 3.
"""

from __future__ import annotations

import io
import pickle
import re
from typing import IO, Any

from search.errors import SearchError

# Functions and plain types a pickle of ours may name, by (module, name)
_GLOBALS = {
    ("re", "_compile"),  # a tokenizer's compiled pattern
    ("_codecs", "encode"),  # bytes, as protocol 2 writes them
    ("copyreg", "_reconstructor"),  # objects pickled with protocol 0 or 1 (its classes are checked too)
    ("collections", "defaultdict"),
    ("collections", "OrderedDict"),
    ("datetime", "datetime"),
    ("datetime", "date"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
}
_BUILTINS = {"object", "int", "float", "complex", "str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset", "bool"}
# Modules whose classes (classes only) a schema or a segment may name
_CLASS_MODULES = ("whoosh.fields", "whoosh.formats", "whoosh.columns", "whoosh.codec.", "whoosh.analysis.", "whoosh.support.", "search.analysis")


# A protocol-2 pickle of a list of ints, opcode by opcode: PROTO 2, EMPTY_LIST, an optional
# BINPUT/LONG_BINPUT, then batches of MARK + BININT1/BININT2/BININT... + APPENDS (or a lone
# int + APPEND), STOP. Whoosh's position and character lists are written this way.
INT_LIST = re.compile(rb"\x80\x02\](?:q.|r.{4})?(?:(?:\((?:K.|M..|J.{4})*e)+|(?:K.|M..|J.{4})a)?\.", re.S)


class UnsafeIndexError(SearchError, pickle.UnpicklingError):
    """An index file names something no index of ours holds: it was crafted or is foreign."""


class _Restricted(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module in ("builtins", "__builtin__"):
            if name == "long":
                return int
            if name in _BUILTINS:
                return super().find_class("builtins", name)
        elif (module, name) in _GLOBALS:
            return super().find_class(module, name)
        elif module.startswith(_CLASS_MODULES) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise UnsafeIndexError(f"an index file names {module}.{name}, which no index of ours holds; refusing to load it (a foreign or crafted index)")


_PEEK = 512  # bytes of a file a pickle is first tried from (a posting block's header: some 30)


def load(file: IO[bytes]) -> Any:
    """A pickle from `file`'s position, leaving the file just after it. A file over a
    buffer (`fixes._BufferReader`, which has `peek`) hands the unpickler a chunk in one
    call: read through the file it asked once per opcode, some twenty Python calls for each
    posting block's header (a tenth of a common word's search at 100,000 articles)."""
    peek = getattr(file, "peek", None)
    if peek is not None:
        start = file.tell()
        chunk = io.BytesIO(peek(_PEEK))
        try:
            value = _Restricted(chunk).load()
        except UnsafeIndexError:
            raise
        except Exception:  # longer than the chunk (or damaged): read it through the file
            file.seek(start)
        else:
            file.seek(start + chunk.tell())
            return value
    return _Restricted(file).load()


def loads(data: bytes) -> Any:
    if INT_LIST.fullmatch(data):
        return pickle.loads(data)
    # Read through a buffer that holds the whole pickle: the unpickler then takes its bytes
    # in one call instead of one `read` per opcode (a posting block: 115 µs -> 30 µs)
    return _Restricted(io.BufferedReader(io.BytesIO(data), max(len(data), 1))).load()


class _PickleModule:
    """What `whoosh.index` uses of the `pickle` module, with a restricted `loads`."""

    loads = staticmethod(loads)
    dumps = staticmethod(pickle.dumps)
    PicklingError = pickle.PicklingError


_installed = False


def install() -> None:
    """Route every pickle Whoosh reads through the restricted unpickler."""
    global _installed
    if _installed:
        return
    from whoosh import columns, formats
    from whoosh import index as whoosh_index
    from whoosh.codec import whoosh3
    from whoosh.filedb import structfile

    structfile.load_pickle = load  # StructFile.read_pickle: TOC segments, compound dirs, block headers
    whoosh_index.pickle = _PickleModule  # the schema in the table of contents
    formats.loads = loads  # positions and characters of a posting
    columns.loads = loads
    whoosh3.loads = loads  # posting blocks, inlined postings
    _installed = True
