"""Quote extraction: who said what, in which words, in each article.

Start here:
- `extract.py`      `extract_quotes(article)`: the pass over an article, and the rules that
                    decide direct / partial / indirect and continuation of a speaker.
- WHERE A QUOTE'S SPEAKER IS DECIDED (the stages, in docs/extraction.md):
  `frames.py`       `find_frames`: every attribution in a sentence (cue, speaker as
                    written, what was said); 'according to', passives, `_clip`.
  `verb_frames.py`  one reporting verb's frame: subject before the cue, inverted 'said
                    Ruiz', participles, a verb after 'and'; which side holds the content.
  `other_frames.py` cues that are no verb in prose: nouns, stance adjectives, polls,
                    'Asked …', headlines, hearsay, 'Name:', transcript labels.
  `subjects.py`     clause subjects (asides in commas kept as descriptions).
  `mentions.py`     what a speaker can look like as written (`_np_ok`, head nouns).
  `content.py`      the spans of what was said, and objects/adverbials after a cue.
  `coref.py`        `classify`: a mention to a speaker (names, pronouns, roles, bodies).
  `records.py`      `Mention`, `Frame`, `Speaker`, `MASK`.
- `verbs.py`        the one list of reporting verbs and phrases, plus the learned cues.
- `cues.json`       learned stance cues ('decried', 'pointed to') with their measured
                    precision, written by `bench/train_cues.py` from annotated training news.
- `learned.py`      the learned attribution finder, on by default (`learned=False` and
                    `--rules-only` leave it out): a small linear model (weights in
                    `attributions.json`, written by `bench/train_attributions.py`) that
                    reports attributions with cues no word list holds, in sentences the
                    rules leave unattributed.
- `marks.py`        the quote-mark characters (including the NYT archive's '' … '') and
                    the scan for quoted spans.
- `furniture.py`    page furniture (ads, links, prompts, captions and credits, sub-heads,
                    bylines, datelines): paragraphs skipped, a dateline cut off its sentence.
- `sentences.py`    sentence boundaries on masked text.
- `names.py`        full names in an article (with the pronoun each takes, from titles
                    and the article's own usage).
- `registry.py`     `NameRegistry`: one name per person across the corpus.
- `writer.py`       who writes the article: whom 'I' outside quotation marks stands for.
- `aliases.py`      `load_aliases(path)`: a user's TOML file merging or splitting names.

Everything is regular expressions and linear passes (hundreds of articles a second, no
network, no model beyond a dictionary of weights), so the rules are general habits of English news attribution; the
learned parts are a word list (`cues.json`) and a sparse linear model (`attributions.json`),
both read once at import. `setup.py` compiles the modules of the inner loop with mypyc
when it can (same quotes, about 1.3x faster); `BUILD` says whether they run compiled.
"""

import importlib.abc
import importlib.util
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path

_HERE = Path(__file__).parent
_SLACK = 2.0  # seconds: files unpacked from one wheel may differ in mtime by a little


def build_state(here: Path = _HERE) -> str:
    """Which extractor modules run: 'compiled' (mypyc-built modules beside their sources,
    see setup.py), 'pure' (none built: the sources run, slower, same quotes), or 'stale' (a
    source edited after the build: then the sources run, so an edit is never silently
    ignored by an older compiled module)."""
    built = [(py, so) for py in here.glob("*.py") for so in (here / (py.stem + x) for x in EXTENSION_SUFFIXES) if so.exists()]
    if not built:
        return "pure"
    if any(py.stat().st_mtime > so.stat().st_mtime + _SLACK for py, so in built):
        return "stale"
    return "compiled"


class _SourcesFirst(importlib.abc.MetaPathFinder):
    """Loads this package's modules from their .py files, ahead of out-of-date compiled ones
    (the compiled modules call each other directly, so it is all of them or none)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        source = _HERE / f"{name}.py"
        if package == __name__ and source.exists():
            return importlib.util.spec_from_file_location(fullname, source)
        return None


BUILD = build_state()
if BUILD == "stale":
    sys.meta_path.insert(0, _SourcesFirst())
    warnings.warn(
        "the compiled quote extractor is older than its source; running the source (slower). Reinstall to compile it again: make, or pip install -e .",
        RuntimeWarning,
        stacklevel=2,
    )

from search.models import Article  # noqa: E402
from search.quotes.aliases import Aliases, load_aliases  # noqa: E402
from search.quotes.extract import extract_quotes  # noqa: E402
from search.quotes.registry import NameRegistry  # noqa: E402

# The longest article whose quotes are looked for. Extraction is linear in an article's size
# (sentences and unclosed quotations are bounded: `sentences.MAX_SENTENCE_CHARS`,
# `marks.MAX_OPEN_QUOTE_CHARS`), but a file of megabytes is not a news article (a log, a
# dump, a whole book on one line): at 1-2 s per MB of prose it would hold up a run for
# minutes, and its "quotes" would be noise. Such an article is still indexed and searchable as
# text; its quotes are skipped, and the run says which articles were (`search index`, the
# run summary, `search extract`). The longest article of the benchmark corpora is 34 KB.
MAX_ARTICLE_CHARS = 1_000_000


def too_long(article: Article) -> bool:
    """Whether `article` is over MAX_ARTICLE_CHARS: index it as text, without its quotes."""
    return len(article.text) > MAX_ARTICLE_CHARS


__all__ = ["BUILD", "MAX_ARTICLE_CHARS", "Aliases", "build_state", "NameRegistry", "extract_quotes", "load_aliases", "too_long"]
