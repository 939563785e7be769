"""Which extractor modules run: compiled with mypyc (setup.py), or their sources."""

import os
from importlib.machinery import EXTENSION_SUFFIXES

import search.quotes
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


def test_the_running_build_is_reported():
    assert search.quotes.BUILD in ("compiled", "pure", "stale")
    if search.quotes.BUILD == "stale":  # then the sources run, not the older compiled modules
        assert search.quotes.extract.__file__.endswith(".py")
