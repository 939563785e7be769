"""Build: the quote extractor compiled with mypyc where it can be, pure Python otherwise.

Why: extraction is the indexer's inner loop. Compiled with mypyc (the mypy project's
compiler for type-annotated Python) the same source runs about 1.2x faster with the rules
alone and 1.4x with the learned finder, with the same output (every quote of PolNeAR dev and
train hashed both ways). Compiling is optional: with no C compiler, or with
QUOTE_SEARCH_PURE=1 set, the build installs the pure-Python modules, which give the same
quotes, only slower. `search.quotes.BUILD` says which ones run.
"""

import os

from setuptools import setup

# The modules of the extractor's inner loop; compiled as one group, so calls between them
# are direct C calls. (Not `aliases.py`, read once per index, nor the package's __init__.)
COMPILED = [
    "sentences", "verbs", "persons", "names", "marks", "furniture",
    "records", "mentions", "content", "subjects", "other_frames", "verb_frames", "frames", "coref", "speaker",
    "writer", "learned", "extract",
]


def _ext_modules() -> list:
    if os.environ.get("QUOTE_SEARCH_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        exts = mypycify(
            # A first install builds before the project's dependencies are in the environment:
            # pydantic's models are then untyped there, and the `type: ignore`s they need
            # are unused, which must not fail the compile.
            [f"search/quotes/{m}.py" for m in COMPILED] + ["--ignore-missing-imports", "--follow-imports=silent", "--no-warn-unused-ignores"],
            opt_level="3",
            group_name="search.quotes._compiled",
        )
    except (Exception, SystemExit) as e:  # a type error or a mypyc fault: build pure Python
        print(f"quote-search: mypyc did not compile the extractor ({e}); installing pure Python")
        return []
    for ext in exts:
        ext.optional = True  # a failed C build installs pure Python instead of failing the install
    return exts


setup(ext_modules=_ext_modules())
