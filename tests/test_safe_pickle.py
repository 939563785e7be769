"""A crafted index must not run code when it is opened (issue 19, item 7).

Whoosh keeps the schema and the segment list as pickles in the table of contents; a pickle
can name any function to call. These tests write a table of contents that calls
`os.system` (the way an attacker would hand over an index folder) and check that every
command refuses it with a clear message, and runs nothing."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import whoosh
from conftest import SEEDS, run_process
from whoosh.filedb.filestore import FileStorage
from whoosh.index import _CURRENT_TOC_VERSION, _FLOAT_SIZE, _INT_SIZE, _LONG_SIZE, TOC

from search.backend.whoosh import safe_pickle
from search.backend.whoosh.index_folder import INDEX_NAME
from search.indexing.indexer import index_paths


class _RunsCommand:
    """Pickles as a call to os.system: what a crafted index would hold."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


def _craft(index_dir: Path, marker: Path, where: str) -> None:
    """Write the index's next table of contents with the call in its schema or its segments."""
    storage = FileStorage(str(index_dir))
    toc = TOC.read(storage, INDEX_NAME)
    gen = toc.generation + 1
    evil = _RunsCommand(f"touch {marker}")
    stream = storage.create_file(TOC._filename(INDEX_NAME, gen))
    for size in (_INT_SIZE, _LONG_SIZE, _FLOAT_SIZE):
        stream.write_varint(size)
    stream.write_int(-12345)
    stream.write_int(_CURRENT_TOC_VERSION)
    for n in whoosh.__version__[:3]:
        stream.write_varint(n)
    stream.write_string(pickle.dumps(evil if where == "schema" else toc.schema, 2))
    stream.write_int(gen)
    stream.write_int(0)  # unused by Whoosh
    stream.write_pickle([evil] if where == "segments" else toc.segments)
    stream.close()


@pytest.fixture
def seeds_index(tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    index_paths([SEEDS], index_dir)
    return index_dir


@pytest.mark.parametrize("where", ["schema", "segments"])
@pytest.mark.parametrize("command", [["stats"], ["query", "Ukraine"], ["speakers"], ["index", str(SEEDS)]])
def test_a_crafted_index_runs_nothing(seeds_index: Path, tmp_path: Path, where: str, command: list[str]) -> None:
    marker = tmp_path / "ran"
    _craft(seeds_index, marker, where)
    run = run_process(*command, "--index", str(seeds_index))
    assert not marker.exists(), "opening the index ran the command in its pickle"
    assert run.exit_code == 2, run.stderr
    assert "names posix.system" in run.stderr and "refusing" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_craft_is_real(tmp_path: Path) -> None:
    """Without the restriction the same bytes do run their command: the tests above test something."""
    marker = tmp_path / "ran"
    data = pickle.dumps(_RunsCommand(f"touch {marker}"), 2)
    with pytest.raises(safe_pickle.UnsafeIndexError):
        safe_pickle.loads(data)
    assert not marker.exists()
    pickle.loads(data)
    assert marker.exists()


def test_what_an_index_holds_loads(seeds_index: Path) -> None:
    """Every pickle of a real index (schema, analyzers, segments) passes the restriction."""
    storage = FileStorage(str(seeds_index))
    toc = TOC.read(storage, INDEX_NAME)
    assert "speaker_name" in toc.schema.names()
    assert toc.segments
    assert safe_pickle.loads(pickle.dumps(toc.schema, 2)).names() == toc.schema.names()


@pytest.mark.parametrize("value", [[], [3], [3, 40], list(range(0, 9000, 7)), [70000, -5, 2**31 - 1]])
def test_int_lists_take_the_fast_path_and_load_the_same(value: list[int]) -> None:
    data = pickle.dumps(value, 2)
    assert safe_pickle.INT_LIST.fullmatch(data)
    assert safe_pickle.loads(data) == value


def test_the_fast_path_admits_no_call(tmp_path: Path) -> None:
    for crafted in ([_RunsCommand("true")], _RunsCommand("true"), [1, _RunsCommand("true")]):
        data = pickle.dumps(crafted, 2)
        assert not safe_pickle.INT_LIST.fullmatch(data)
        with pytest.raises(safe_pickle.UnsafeIndexError):
            safe_pickle.loads(data)


@pytest.mark.parametrize("second", [(128, 1045, 2.5, 1, 17, 200), list(range(400)), "x" * 2000])
def test_pickles_read_from_a_buffer_in_one_chunk_leave_the_file_after_each(second: object) -> None:
    """Block headers are read from a chunk of the buffer (`_BufferReader.peek`); one longer
    than the chunk is read through the file; either way the file stands just after it."""
    from search.backend.whoosh.fixes import _BufferReader

    first = (64, 99, 1.0, 0, 3, 9)
    data = b"head" + pickle.dumps(first, 2) + pickle.dumps(second, 2) + b"tail"
    reader = _BufferReader(memoryview(data))
    reader.seek(4)
    assert safe_pickle.load(reader) == first
    assert safe_pickle.load(reader) == second
    assert reader.read(4) == b"tail"


def test_a_crafted_pickle_in_a_buffer_is_refused() -> None:
    from search.backend.whoosh.fixes import _BufferReader

    for crafted in (_RunsCommand("true"), [1] * 300 + [_RunsCommand("true")]):
        with pytest.raises(safe_pickle.UnsafeIndexError):
            safe_pickle.load(_BufferReader(memoryview(pickle.dumps(crafted, 2))))
