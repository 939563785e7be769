"""Quote trails (issue 21): the same quotation reported by several articles is one group,
kept right by every indexing run; hits collapse to one per group; `search trail` lists
every report in date order. On a small corpus built here: three articles quote the same
words with different quotation marks, case and an ellipsis (one only part of them), a
fourth paraphrases them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search import Index
from search.indexing.fingerprints import MIN_EXACT_WORDS, SAMPLE_WINDOW, SHINGLE, fp_term, key_term, keys_of, same_quotation, words
from search.indexing.indexer import index_paths
from tests.conftest import ROOT, run_cli

ARTICLES = {
    "a1": (
        "nyt",
        "2016-03-01",
        "Roe vows to fight for clean water",
        'Senator Jane Roe spoke in Flint on Tuesday.\n\n"We will not rest until every family in this country has clean water to drink and safe '
        'streets to walk," Roe said at a rally.\n\nShe said the crisis had been "fake news" for too long.',
    ),
    "a2": (
        "wsj",
        "2016-03-02",
        "Roe takes her water message on the road",
        "Jane Roe brought her campaign to Ohio.\n\n“We will NOT rest until every family in this country has clean water to drink and safe "
        'streets to walk,” the senator told supporters.\n\nCritics called it "fake news."',
    ),
    "a3": (
        "usa-today",
        "2016-03-03",
        "Water is the issue, Roe says",
        'Roe has promised that "every family in this country has clean water to drink … and safe streets to walk," a line she repeats at '
        "every stop.\n\nHer rivals disagree.",
    ),
    "a4": (
        "politico",
        "2016-03-04",
        "Roe repeats her pledge",
        "Roe said she would keep working until all families across the nation have clean drinking water and neighborhoods where it is "
        "safe to walk.\n\nThe race goes on.",
    ),
}
PLEDGE = "clean water to drink"


def _write(folder: Path, ids: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for aid in ids:
        source, date, title, text = ARTICLES[aid]
        (folder / f"{aid}.jsonl").write_text(json.dumps({"id": aid, "source": source, "date": date, "title": title, "text": text}) + "\n")


def _groups(index: Path) -> dict[str, str | None]:
    """quote id -> group, for every quote of the index."""
    with Index.open(index) as ix:
        b = ix.backend
        kinds = b.column("kind")
        return {f["id"]: f.get("group") for f in (b.stored(n) for n in b.live_docnums() if kinds[n] == "quote")}


def _pledges(index: Path) -> dict[str, str | None]:
    """The quotes of the pledge (or its paraphrase), by article id -> their groups."""
    with Index.open(index) as ix:
        out: dict[str, str | None] = {}
        for qid, group in _groups(index).items():
            text = ix.quote(qid).text.lower()
            if "clean" in text and "water" in text:
                out.setdefault(qid.split("#")[0], group)
                assert out[qid.split("#")[0]] == group  # two quotes of one article (a3) share it
        return out


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    _write(folder, list(ARTICLES))
    return folder


# --- what makes two quotes one quotation -------------------------------------------------


def test_normalising_drops_marks_case_apostrophes_and_ellipses():
    assert words("“We will NOT rest … don’t,” he said") == words('"we will not rest... dont" He Said') == ["we", "will", "not", "rest", "dont", "he", "said"]


def test_the_same_words_partial_words_and_a_paraphrase():
    full = keys_of('"We will not rest until every family in this country has clean water to drink and safe streets to walk,"')
    marks = keys_of("“We will NOT rest until every family in this country has clean water to drink and safe streets to walk”")
    part = keys_of("every family in this country has clean water to drink … and safe streets to walk")
    paraphrase = keys_of("she would keep working until all families across the nation have clean drinking water and neighborhoods where it is safe to walk")
    assert full.key == marks.key
    assert same_quotation(full, part) and same_quotation(marks, part)
    assert not same_quotation(full, paraphrase) and not same_quotation(part, paraphrase)


def test_short_quotes_are_never_grouped():
    assert keys_of("fake news").key is None
    assert len(words("no comment at this time")) < MIN_EXACT_WORDS and keys_of("No comment at this time.").key is None


def test_different_named_speakers_do_not_share_a_common_phrase():
    a = keys_of("They see that I am the candidate who is most likely to be able to beat Hillary Clinton in November", "Ben Carson")
    b = keys_of("I am the candidate who is most likely to be able to beat Hillary Clinton", "Ben Carson")
    c = keys_of("I am the candidate who is most likely to be able to beat Hillary Clinton", "Jeb Bush")
    assert same_quotation(a, b) and not same_quotation(a, c)


def test_the_index_keeps_a_sample_that_a_later_containing_or_contained_quote_still_finds():
    # words of a real quote, long enough for many windows
    text = (
        "We are going to build a wall along the southern border and we are going to make sure that the people who come into this "
        "country come in legally and that they love this country as much as we do"
    )
    old = keys_of(text)
    ws = words(text)
    assert set(old.sample) <= set(old.fps) and min(old.fps) in old.sample
    assert 0 < len(old.sample) < len(old.fps) / 1.5
    assert old.terms().split() == [fp_term(f) for f in old.sample]  # no exact key: the smallest fingerprint finds a copy
    shortest = 11  # words: any shared run this long shares a sampled fingerprint (SHINGLE + SAMPLE_WINDOW - 1)
    assert SHINGLE + SAMPLE_WINDOW - 1 == shortest
    for size in range(shortest, len(ws) + 1):
        for start in range(len(ws) - size + 1):
            part = keys_of(" ".join(ws[start : start + size]))
            assert set(part.fps) & set(old.sample), (start, size)  # a later part finds the indexed whole
            assert min(part.fps) in old.fps  # and a later whole finds an indexed part by its smallest
    six = keys_of("we will never stop fighting back")
    assert not six.fps and six.terms() == key_term(six.key)


# --- groups in the index, run after run ---------------------------------------------------


def test_keys_follow_the_rule_spelled_out_on_every_slice_of_the_seeds():
    """`keys_of` takes its shortcuts (marks replaced one by one, the sample's minima from
    pairs of window minima), `keys_of_many` more (numpy, all quotes in one array); on every
    slice of the seed articles, with their curly marks, dashes, ellipses and accents, their
    words and keys are those of the rule written plainly."""
    import unicodedata

    from search.indexing import fingerprints as fp

    def plain_words(text: str) -> list[str]:
        text = text.casefold().translate(fp._PLAIN)
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return fp._TOKEN.findall(text.replace("_", " "))

    def winnow(shingles: list[int], window: int) -> tuple[int, ...]:  # the smallest of every `window` in a row
        if len(shingles) <= window:
            return (min(shingles),)
        return tuple(sorted(set(map(min, zip(*(shingles[k:] for k in range(window)), strict=False)))))

    def shingles(ws: list[str]) -> list[int]:
        hs = [fp._word_hash(w) for w in ws]
        return [(a * fp._MULT3 + b * fp._MULT2 + c * fp._MULT + d) & fp._MASK for a, b, c, d in zip(hs, hs[1:], hs[2:], hs[3:], strict=False)]

    checked = 0
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert not text.isascii()
        pieces = [text[start : start + 40 + start % 300] for start in range(0, len(text) - 40, 23)]
        # an article's quotes at once: the same keys as one at a time (no window read across two)
        batch = fp.keys_of_many(pieces, ["Sergei Lavrov"] * len(pieces))
        for piece, in_batch in zip(pieces, batch, strict=True):
            got, ws = keys_of(piece, "Sergei Lavrov"), plain_words(piece)
            assert in_batch == got
            assert words(piece) == ws
            if len(ws) < MIN_EXACT_WORDS:
                assert got.key is None
                continue
            assert got.speaker == fp.speaker_tag("Lavrov") != 0
            if len(ws) >= SHINGLE + fp.WINDOW:
                assert got.fps == winnow(shingles(ws), fp.WINDOW)
                assert got.sample == winnow(shingles(ws), SAMPLE_WINDOW)
                checked += 1
    assert checked >= 400  # slices long enough for fingerprints were compared


def test_three_reports_are_one_group_and_the_paraphrase_is_not(corpus, tmp_path):
    index = tmp_path / "index"
    index_paths([corpus], index)
    pledges = _pledges(index)
    assert set(pledges) == {"a1", "a2", "a3", "a4"}
    group = pledges["a1"]
    assert group and pledges["a2"] == group and pledges["a3"] == group
    assert pledges["a4"] != group and pledges["a4"] is None
    # "fake news" (a1 in a longer partial quote, a2 alone) is no group
    with Index.open(index) as ix:
        fake = {qid: g for qid, g in _groups(index).items() if "fake news" in ix.quote(qid).text}
    assert fake and all(g is None for g in fake.values())


def test_deleting_and_adding_articles_updates_the_group(corpus, tmp_path):
    index = tmp_path / "index"
    index_paths([corpus], index)
    group = _pledges(index)["a1"]
    (corpus / "a1.jsonl").unlink()  # the first report goes: the others stay one group, same id
    report = index_paths([corpus], index)
    assert report.removed == 1
    after = _pledges(index)
    assert "a1" not in after and after["a2"] == after["a3"] == group
    (corpus / "a3.jsonl").unlink()  # a2 is left alone: a quote reported once has no group
    index_paths([corpus], index)
    assert _pledges(index)["a2"] is None
    _write(corpus, ["a1"])  # a new report joins the old quote: both get a group
    index_paths([corpus], index)
    again = _pledges(index)
    assert again["a1"] and again["a1"] == again["a2"] and again["a4"] is None


def test_an_article_changed_to_other_words_leaves_its_group(corpus, tmp_path):
    index = tmp_path / "index"
    index_paths([corpus], index)
    group = _pledges(index)["a1"]
    source, date, title, _ = ARTICLES["a3"]
    (corpus / "a3.jsonl").write_text(json.dumps({"id": "a3", "source": source, "date": date, "title": title, "text": "Roe said nothing new today."}) + "\n")
    index_paths([corpus], index)
    after = _pledges(index)
    assert "a3" not in after and after["a1"] == after["a2"] == group


def test_a_run_of_one_article_at_a_time_gives_the_same_groups(corpus, tmp_path):
    once = tmp_path / "once"
    index_paths([corpus], once)
    step_corpus, steps = tmp_path / "steps", tmp_path / "steps-index"
    for aid in ARTICLES:
        _write(step_corpus, [aid])
        index_paths([step_corpus], steps)

    def partition(index: Path) -> set[frozenset[str]]:
        by_group: dict[str, set[str]] = {}
        for qid, g in _groups(index).items():
            if g:
                by_group.setdefault(g, set()).add(qid)
        return {frozenset(v) for v in by_group.values()}

    assert partition(once) == partition(steps) and partition(once)


def test_a_part_and_a_whole_indexed_in_two_runs_are_one_group_either_way(tmp_path):
    whole = "We are going to build a wall along the southern border and we are going to make sure that the people who come into this country come in legally"
    part = "make sure that the people who come into this country come in legally"  # 13 words of the whole
    texts = {"w": f'"{whole}," Jane Roe said on Monday.', "p": f'Roe promised to "{part}."'}
    for first, then in (("w", "p"), ("p", "w")):
        corpus, index = tmp_path / f"corpus-{first}", tmp_path / f"index-{first}"
        corpus.mkdir()
        for n, aid in enumerate((first, then)):
            record = {"id": aid, "source": "nyt", "date": f"2016-03-0{n + 1}", "title": "Roe on the border", "text": texts[aid]}
            (corpus / f"{aid}.jsonl").write_text(json.dumps(record) + "\n")
            index_paths([corpus], index)  # one run per article: the second finds the first in the index
        groups = _groups(index)
        with Index.open(index) as ix:
            found = {qid.split("#")[0]: g for qid, g in groups.items() if "legally" in ix.quote(qid).text}
        assert set(found) == {"w", "p"} and found["w"] and found["w"] == found["p"], (first, found)


# --- the API and the CLI ------------------------------------------------------------------


def test_trail_lists_every_report_in_date_order(corpus, tmp_path):
    index = tmp_path / "index"
    index_paths([corpus], index)
    with Index.open(index) as ix:
        qid = next(q for q, g in _groups(index).items() if q.startswith("a2#") and g)
        trail = ix.trail(qid)
        assert trail.group and trail.quote_id == qid
        assert [r.article_id for r in trail.reports][:2] == ["a1", "a2"] and {r.article_id for r in trail.reports} == {"a1", "a2", "a3"}
        assert trail.articles == 3 and trail.sources == ["nyt", "wsj", "usa-today"]
        assert [r.date.isoformat() for r in trail.reports] == sorted(r.date.isoformat() for r in trail.reports)
        lone = next(q for q, g in _groups(index).items() if q.startswith("a4#"))
        assert ix.trail(lone).quotes == 1 and ix.trail(lone).group is None


def test_cli_trail_and_collapse(corpus, tmp_path):
    index = str(tmp_path / "index")
    index_paths([corpus], Path(index))
    qid = next(q for q, g in _groups(Path(index)).items() if q.startswith("a1#") and g)
    text = run_cli("trail", qid, "--index", index)
    assert text.exit_code == 0 and "in 3 article(s) from 3 outlet(s)" in text.stdout
    assert text.stdout.index("2016-03-01  nyt") < text.stdout.index("2016-03-02  wsj") < text.stdout.index("2016-03-03  usa-today")
    as_json = run_cli("trail", qid, "--json", "--index", index).json()
    assert as_json["articles"] == 3 and as_json["reports"][0]["source"] == "nyt"
    lines = run_cli("trail", qid, "--jsonl", "--index", index).stdout.splitlines()
    assert len(lines) == as_json["quotes"] and json.loads(lines[0])["article_id"] == "a1"
    csv = run_cli("trail", qid, "--csv", "--index", index).stdout.splitlines()
    assert csv[0].startswith("quote_id,article_id,title,source,date") and len(csv) == as_json["quotes"] + 1
    unknown = run_cli("trail", "nope#q9", "--index", index)
    assert unknown.exit_code == 2 and "no quote with id 'nope#q9'" in unknown.stderr
    assert run_cli("trail", "a1", "--index", index).exit_code == 2  # an article

    plain = run_cli("query", PLEDGE, "--kind", "quote", "--json", "--index", index).json()
    collapsed = run_cli("query", PLEDGE, "--kind", "quote", "--collapse", "--json", "--index", index).json()
    assert plain["total"] == collapsed["total"] >= 4 and plain["collapsed_total"] is None
    assert collapsed["collapsed_total"] == len(collapsed["hits"]) < len(plain["hits"])
    grouped = [h for h in collapsed["hits"] if h["group"]]
    assert len(grouped) == 1 and grouped[0]["group_articles"] == 3 and grouped[0]["group_sources"] == 3
    assert (grouped[0]["first_source"], grouped[0]["first_date"]) == ("nyt", "2016-03-01")
    out = run_cli("query", PLEDGE, "--kind", "quote", "--collapse", "--index", index).stdout
    assert "reported by 3 articles in 3 outlets (4 reports), first by nyt on 2016-03-01" in out
    by_group = run_cli("query", f"group:{grouped[0]['group']}", "--json", "--index", index).json()
    assert by_group["total"] == grouped[0]["group_quotes"] == 4
    header = run_cli("query", PLEDGE, "--kind", "quote", "--collapse", "--csv", "--index", index).stdout.splitlines()[0]
    assert header.endswith("group,group_quotes,group_articles,group_sources,first_source,first_date,first_id")
    facet = run_cli("count", "group", "--kind", "quote", "--json", "--index", index).json()
    assert facet["rows"][0]["value"] == "(no group)" or facet["rows"][0]["value"] == grouped[0]["group"]


def test_grouping_in_bulk_follows_the_pair_by_pair_rule():
    """`groups._components` links a run's quotes on arrays; on quotes with shared keys,
    shared fingerprints (more holders than are compared) and named speakers, its components
    are those of the rule applied pair by pair (fingerprints counted for each pair of a
    fingerprint's first holders and a later one, `linked` on the count, links followed)."""
    import random
    from collections import Counter

    from search.indexing import groups
    from search.indexing.fingerprints import Keys, linked

    rng = random.Random(7)
    pool = [rng.getrandbits(64) for _ in range(60)]  # few fingerprints: many shared, some by > 8 quotes
    keys = []
    for _ in range(400):
        if keys and rng.random() < 0.15:
            keys.append(rng.choice(keys))  # a reprint: the same key
            continue
        fps = tuple(sorted(set(rng.sample(pool, rng.randint(0, 9)))))
        keys.append(Keys(rng.getrandbits(64), fps, rng.choice([0, 0, 1, 2])))

    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)

    first: dict[int, int] = {}
    holders: dict[int, list[int]] = {}
    for i, k in enumerate(keys):
        if k.key in first:
            union(first[k.key], i)
            continue
        first[k.key] = i
        for f in k.fps:
            holders.setdefault(f, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in holders.values():
        for x, a in enumerate(members[: groups.COMPARED_PER_FINGERPRINT]):
            for b in members[x + 1 :]:
                shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if linked(n, keys[a], keys[b]):
            union(a, b)
    expected = [find(i) for i in range(len(keys))]
    assert len(set(expected)) < len(keys) - 60  # quotes were joined, by keys and fingerprints
    assert groups._components(groups._NewQuotes.of_keys(keys)).tolist() == expected
