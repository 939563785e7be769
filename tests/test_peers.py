"""bench.peers: both peers, built over a small generated corpus, count what the raw files hold.

The expected counts are read from the files' text here, not from either peer or from our
index: a word's articles, the articles of a date range, the articles by outlet (the
'Write to ... @domain' line).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from bench import peers
from bench.corpus import OUTLETS, write_text_corpus

N = 30
OUTLET = dict((domain, name) for name, domain in OUTLETS)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("peers")
    write_text_corpus(out / f"corpus-{N}", N)
    peers.ensure_peers(out / f"corpus-{N}", N, out)
    return out


def raw_articles(folder: Path) -> list[tuple[set[str], dt.date, str]]:
    """Each file's words (headline and body, lower case), date and outlet, from its text:
    'date D', the headline, a blank line, the body, a blank line, 'Write to A at E'."""
    found = []
    for path in sorted(folder.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        head, rest = raw.split("\n\n", 1)
        date_line, title = head.split("\n", 1)
        body, writer = rest.rsplit("\n\nWrite to ", 1)
        words = set(re.findall(r"[^\W_]+", f"{title} {body}".lower()))
        found.append((words, dt.date.fromisoformat(date_line.removeprefix("date ")), OUTLET[writer.strip().rsplit("@", 1)[1]]))
    return found


@pytest.mark.parametrize("name", peers.PEERS)
def test_peer_counts_what_the_files_hold(corpus: Path, name: str) -> None:
    if name == "fts5" and not peers.fts5_available():
        pytest.skip("this Python's sqlite3 is built without FTS5")
    peer = peers.open_peers(N, corpus)[name]
    raw = raw_articles(corpus / f"corpus-{N}")
    assert len(raw) == N

    said = [a for a in raw if "said" in a[0]]
    assert said
    assert peer.run(peers.PeerQuery("said")).total == len(said)

    # two words, each in either inflection the stemmers join (email, emails); by outlet
    both = [a for a in raw if "clinton" in a[0] and a[0] & {"email", "emails"}]
    assert 0 < len(both) < N
    answer = peer.run(peers.PeerQuery("Clinton AND email", limit=20, facet=True))
    assert answer.total == len(both)
    assert answer.facets == Counter(source for _w, _d, source in both)
    assert len(answer.hits) == min(20, len(both))
    assert all(title and source and date and "<b>" in snippet.lower() for title, source, date, snippet in answer.hits)

    start, end = dt.date(2016, 1, 1), dt.date(2018, 6, 30)
    in_range = [a for a in raw if start <= a[1] <= end]
    dated = peer.run(peers.PeerQuery("", start, end))
    assert dated.total == len(in_range)
    assert all(start.isoformat() <= date <= end.isoformat() for _t, _s, date, _snip in dated.hits)


def test_scale_queries_become_peer_queries() -> None:
    assert peers.peer_query("date:[2016-01 TO 2016-06]", {}) == peers.PeerQuery("", dt.date(2016, 1, 1), dt.date(2016, 6, 30))
    until = peers.peer_query("Trump", {"since": "2017-01", "until": "2017-12"})
    assert until == peers.PeerQuery("Trump", dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    assert peers.peer_query("said", {"limit": 20, "facets": ["source"]}) == peers.PeerQuery("said", limit=20, facet=True)
    assert peers.peer_query("speaker:clinton", {}) is None
    assert peers.peer_query("Trump", {"facets": ["type"], "limit": 0}) is None
