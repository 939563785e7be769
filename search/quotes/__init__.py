"""Quote extraction: who said what, in which words, in each article.

Start here:
- `extract.py`      `extract_quotes(article)`: the pass over an article, and the rules that
                    decide direct / partial / indirect and continuation of a speaker.
- `attribution.py`  WHERE A QUOTE'S SPEAKER IS DECIDED: cues, subjects, asides, inverted
                    'said Ruiz', 'according to', pronoun and surname resolution.
- `verbs.py`        the one list of reporting verbs and phrases, plus the learned cues.
- `cues.json`       learned stance cues ('decried', 'pointed to') with their measured
                    precision, written by `bench/train_cues.py` from annotated training news.
- `learned.py`      the learned attribution finder, asked for with
                    `extract_quotes(article, learned=True)` (`--learned`): a small linear
                    model (weights in `attributions.json`, written by
                    `bench/train_attributions.py`) that reports attributions with cues no
                    word list holds, in sentences the rules leave unattributed.
- `marks.py`        the quote-mark characters (including the NYT archive's '' … '') and
                    the scan for quoted spans.
- `sentences.py`    sentence boundaries on masked text.
- `names.py`        full names in an article (with the pronoun each takes, from titles
                    and the article's own usage), and `NameRegistry` for one name per
                    person across the corpus.
- `aliases.py`      `load_aliases(path)`: a user's TOML file merging or splitting names.

Everything is regular expressions and linear passes (hundreds of articles a second, no
network, no model beyond a dictionary of weights), so the rules are general habits of English news attribution; the
learned parts are a word list (`cues.json`) and a sparse linear model (`attributions.json`),
both read once at import.
"""

from search.quotes.aliases import Aliases, load_aliases
from search.quotes.extract import extract_quotes
from search.quotes.names import NameRegistry

__all__ = ["Aliases", "NameRegistry", "extract_quotes", "load_aliases"]
