"""Which extractor modules run: compiled with mypyc (setup.py), or their sources."""

import os
from importlib.machinery import EXTENSION_SUFFIXES

from search.quotes import build_state


def _touch(path, mtime):
    path.write_text("")
    os.utime(path, (mtime, mtime))


def test_no_compiled_module_is_pure(tmp_path):
    _touch(tmp_path / "frames.py", 1_000)
    assert build_state(tmp_path) == "pure"


def test_a_compiled_module_newer_than_its_source_runs(tmp_path):
    _touch(tmp_path / "frames.py", 1_000)
    _touch(tmp_path / ("frames" + EXTENSION_SUFFIXES[0]), 1_001)
    assert build_state(tmp_path) == "compiled"


def test_a_source_edited_after_the_build_makes_it_stale(tmp_path):
    _touch(tmp_path / "frames.py", 1_000)
    _touch(tmp_path / ("frames" + EXTENSION_SUFFIXES[0]), 1_001)
    _touch(tmp_path / "names.py", 1_000)
    _touch(tmp_path / ("names" + EXTENSION_SUFFIXES[0]), 1_001)
    _touch(tmp_path / "names.py", 5_000)  # edited later: one stale module is enough
    assert build_state(tmp_path) == "stale"


def test_the_running_build_is_the_one_reported():
    """`BUILD` says what runs: the compiled modules when 'compiled', their sources when
    'pure' or 'stale' (a stale build's older compiled modules are never loaded)."""
    import search.quotes.extract
    import search.quotes.frames
    import search.quotes.names

    running = [search.quotes.extract.__file__, search.quotes.frames.__file__, search.quotes.names.__file__]
    if search.quotes.BUILD == "compiled":
        assert all(f.endswith(tuple(EXTENSION_SUFFIXES)) for f in running), running
    else:
        assert search.quotes.BUILD in ("pure", "stale")
        assert all(f.endswith(".py") for f in running), running
