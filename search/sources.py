"""Outlets: one place for their names, the short forms people type, and their web domains.

Used by the text reader (a 'Write to ... @wsj.com' line names the outlet) and by the query
layer (`--source wsj` finds 'The Wall Street Journal'). Corpora may use their own labels
(PolNeAR says 'nyt', 'wash-post'); those are kept as given and matched through the aliases.
"""

from __future__ import annotations

import re

# canonical name -> (web domains, other names and abbreviations people use)
OUTLETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "The Wall Street Journal": (("wsj.com", "dowjones.com"), ("wsj", "wall street journal", "the journal")),
    "The New York Times": (("nytimes.com",), ("nyt", "ny times", "new york times", "the times")),
    "The Washington Post": (("washpost.com", "washingtonpost.com"), ("wapo", "wash-post", "washington post")),
    "The Christian Science Monitor": (("csmonitor.com",), ("csm", "christian science monitor", "the monitor")),
    "USA Today": (("usatoday.com",), ("usa-today", "usa today", "usatoday")),
    "Politico": (("politico.com", "politico.eu"), ("politico",)),
    "HuffPost": (("huffpost.com", "huffingtonpost.com"), ("huff-post", "huffington post", "huffpo", "huff post")),
    "Breitbart": (("breitbart.com",), ("breitbart", "breitbart news")),
    "The Western Journal": (("westernjournal.com",), ("west-journal", "western journal", "wj")),
    "Reuters": (("reuters.com", "thomsonreuters.com"), ("reuters",)),
    "The Associated Press": (("ap.org",), ("ap", "associated press")),
    "Bloomberg": (("bloomberg.net", "bloomberg.com"), ("bloomberg",)),
    "The Guardian": (("theguardian.com", "guardian.co.uk"), ("guardian",)),
    "BBC News": (("bbc.co.uk", "bbc.com"), ("bbc",)),
    "Financial Times": (("ft.com",), ("ft", "financial times")),
    # web outlets whose pages people save (the html-news corpus): a page's site name, a CSV's
    # media_name and a feed's address give one name
    "CNN": (("cnn.com",), ("cnn", "cnn.com")),
    "Los Angeles Times": (("latimes.com",), ("la times", "los angeles times", "latimes")),
    "The Independent": (("independent.co.uk",), ("the independent",)),
    "The Telegraph": (("telegraph.co.uk",), ("the telegraph", "daily telegraph", "the daily telegraph")),
    "Wired": (("wired.com",), ("wired",)),
    "The Intercept": (("theintercept.com",), ("the intercept", "intercept")),
    "Axios": (("axios.com",), ("axios",)),
}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


_BY_DOMAIN = {d: name for name, (domains, _) in OUTLETS.items() for d in domains}
_BY_KEY: dict[str, str] = {}
for _name, (_domains, _aliases) in OUTLETS.items():
    for _alias in (_name, *_aliases, *(d.split(".")[0] for d in _domains)):
        _BY_KEY.setdefault(_key(_alias), _name)
        _BY_KEY.setdefault(_key(_alias).removeprefix("the "), _name)


def outlet_for_domain(domain: str) -> str | None:
    """The outlet whose staff write from this e-mail domain, if we know it."""
    domain = domain.lower().strip(". ")
    while domain:
        if domain in _BY_DOMAIN:
            return _BY_DOMAIN[domain]
        _, _, domain = domain.partition(".")
    return None


def canonical_outlet(name: str) -> str | None:
    """'wsj', 'Wall Street Journal' and 'wsj.com' all give 'The Wall Street Journal'."""
    key = _key(name)
    return _BY_KEY.get(key) or _BY_KEY.get(key.removeprefix("the ")) or outlet_for_domain(name)


def source_keys(name: str) -> set[str]:
    """Every normalised form under which a stored source label can be found."""
    keys = {_key(name), _key(name).removeprefix("the ")}
    canonical = canonical_outlet(name)
    if canonical:
        domains, aliases = OUTLETS[canonical]
        keys |= {_key(canonical), _key(canonical).removeprefix("the ")}
        keys |= {_key(a) for a in aliases}
    return keys
