"""One identity per person: which speaker names fold together and which stay apart, with
real names and counts from PolNeAR (train + dev, as the extractor names them); exact
selection with `--speaker =…`; and a typed 'I' that never finds the F.B.I."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from search.api import Index
from search.identities import Table, build, clean_name, name_tokens, parse, slug
from search.indexing.indexer import index_paths
from search.query.names import _Identities

# Speaker names as the extractor gives them on PolNeAR train + dev, with their quote counts.
POLNEAR = {
    "Donald Trump": 1226, "Donald J. Trump": 195, "Trump": 22, "Eric Trump": 31, "Ivanka Trump": 25,
    "Melania Trump": 12, "Ivana Trump": 2, "Donand Trump": 1, "Donald Trump Jr.": 3,
    "Hillary Clinton": 740, "Bill Clinton": 81, "Hillary Rodham Clinton": 31, "Hilary Clinton": 7,
    "Chelsea Clinton": 6, "Clinton": 5,
    "Obama": 202, "Barack Obama": 132, "Michelle Obama": 10, "Pres. Obama": 6, "B. Hussein Obama": 4,
    "Paul Ryan": 60, "Paul D. Ryan": 27, "James Comey": 25, "James B. Comey": 12,
    "Joe Biden": 38, "Joseph R. Biden": 30, "Ed Rendell": 30, "Edward G. Rendell": 6,
    "Gary Johnson": 17, "Ron Johnson": 3, "Jeh Johnson": 2, "Johnson": 1,
    "Jeb Bush": 65, "George W. Bush": 13, "George H.W. Bush": 4, "George Bush": 2, "Laura Bush": 9,
    "Chris Murphy": 17, "Anne Marie Murphy": 14, "Patrick Murphy": 6, "Murphy": 2,
    "Sean Hannity": 26, "Fox News’ Sean Hannity": 3, "Bill de Blasio": 9, "De Blasio": 13,
    "Debbie Wasserman Schultz": 4, "Wasserman Schultz": 8, "Ed Schultz": 5,
    "F.B.I.": 3, "FBI": 20, "Who": 1, "KellyAnne Conway": 2, "Kellyanne Conway": 8,
}  # fmt: skip


@pytest.fixture(scope="module")
def table() -> Table:
    return build(POLNEAR)


def same(table: Table, *names: str) -> bool:
    return len({table.of_name[n] for n in names}) == 1


@pytest.mark.parametrize(
    "names",
    [
        ("Donald Trump", "Donald J. Trump", "Trump", "Donand Trump"),  # middle initial, bare surname, a misspelling
        ("Barack Obama", "Obama", "Pres. Obama", "B. Hussein Obama"),  # though Michelle Obama is quoted too
        ("Hillary Clinton", "Hillary Rodham Clinton", "Hilary Clinton", "Clinton"),  # middle name, nickname list, surname
        ("Paul Ryan", "Paul D. Ryan"),
        ("James Comey", "James B. Comey"),
        ("Joe Biden", "Joseph R. Biden"),  # a nickname
        ("Ed Rendell", "Edward G. Rendell"),
        ("Sean Hannity", "Fox News’ Sean Hannity"),  # a qualifier with a possessive
        ("Bill de Blasio", "De Blasio"),  # a surname with a particle
        ("Debbie Wasserman Schultz", "Wasserman Schultz"),  # a two-word surname
        ("F.B.I.", "FBI"),
        ("Kellyanne Conway", "KellyAnne Conway"),
    ],
)
def test_one_person_is_one_identity(table, names):
    assert same(table, *names), [table.of_name[n] for n in names]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Bill Clinton", "Hillary Clinton"),
        ("Gary Johnson", "Jeh Johnson"),
        ("Donald Trump", "Eric Trump"),
        ("Ivanka Trump", "Ivana Trump"),  # one letter apart, and both first names
        ("Donald Trump", "Donald Trump Jr."),  # a suffix keeps the son apart
        ("Barack Obama", "Michelle Obama"),
        ("George W. Bush", "George H.W. Bush"),  # two middles: two people
        ("Jeb Bush", "George W. Bush"),
        ("Debbie Wasserman Schultz", "Ed Schultz"),
    ],
)
def test_different_people_stay_apart(table, a, b):
    assert not same(table, a, b)


def test_a_bare_surname_joins_only_a_dominant_full_name(table):
    assert table.identity("Johnson").name == "Gary Johnson"  # 17 of the 22 full-name Johnson quotes: over three quarters
    assert table.identity("Murphy").name == "Murphy"  # Chris 17, Anne Marie 14, Patrick 6: nobody dominates
    assert build({**POLNEAR, "Ron Johnson": 9}).identity("Johnson").name == "Johnson"
    assert table.identity("Trump").name == "Donald Trump"


def test_display_name_is_the_most_common_full_form_and_the_id_does_not_follow_counts(table):
    biden = table.identity("Joseph R. Biden")
    assert (biden.name, biden.id) == ("Joe Biden", "joseph-biden")
    flipped = build({**POLNEAR, "Joseph R. Biden": 80}).identity("Joe Biden")
    assert (flipped.name, flipped.id) == ("Joseph R. Biden", "joseph-biden")
    assert table.identity("Obama").name == "Barack Obama"  # never the bare form when a full one exists


def test_a_pronoun_is_no_identity(table):
    assert table.identity("Who") is None and table.named("Who") == (None, None)
    assert build({"I'm": 7, "Ivanka Trump": 2}).identity("I'm") is None


def test_a_persons_campaign_is_one_body_however_its_owner_is_written():
    # the spellings of one campaign on PolNeAR train + dev, with their counts
    counts = {
        **POLNEAR,
        "Clinton campaign": 15, "Clinton’s campaign": 3, "Clinton's campaign": 3, "Hillary Clinton’s campaign": 3,
        "Mrs. Clinton's campaign": 2, "Trump campaign": 9, "Trump’s campaign": 4, "Trump's campaign": 3,
        "Obama administration": 10, "Bill Clinton’s campaign": 1, "Murphy campaign": 1,
    }  # fmt: skip
    table = build(counts)
    hers = table.identity("Clinton campaign")
    assert hers is not None and hers.id == "hillary-clinton-campaign" and hers.name == "Clinton campaign"
    assert same(table, "Clinton campaign", "Clinton’s campaign", "Clinton's campaign", "Hillary Clinton’s campaign", "Mrs. Clinton's campaign")
    assert same(table, "Trump campaign", "Trump’s campaign", "Trump's campaign")
    assert table.of_name["Obama administration"] == "barack-obama-administration"
    # another Clinton's campaign, and a surname no one person dominates, stay apart
    assert table.of_name["Bill Clinton’s campaign"] == "bill-clinton-campaign"
    assert table.of_name["Murphy campaign"] == "murphy-campaign"
    assert table.of_name["Clinton campaign"] != table.of_name["Hillary Clinton"]


def test_identities_do_not_depend_on_the_order_of_names():
    shuffled = dict(sorted(POLNEAR.items(), key=lambda kv: kv[0][::-1]))
    assert build(shuffled).to_json() == build(POLNEAR).to_json()


def test_names_are_taken_apart_with_titles_possessives_and_suffixes():
    assert clean_name("Mr. Trump's", frozenset({"mr"})) == "Trump"
    assert clean_name("Ohio’s John Kasich") == "John Kasich"
    p = parse("Donald J. Trump Jr.")
    assert (p.given, p.middles, p.surname, p.suffix) == ("donald", ("j",), "trump", "jr")
    assert parse("George H.W. Bush").middles == ("h", "w")
    assert slug("F.B.I.") == slug("FBI") == "fbi"


def test_dotted_initials_are_one_word_so_i_never_finds_the_fbi():
    assert name_tokens("F.B.I.") == ["fbi"]
    book = _Identities(Table.of_names(["F.B.I.", "Ivanka Trump"]), lambda name: 1)
    assert book.matching(["i"]) == [] and book.matching(["fbi"]) == ["F.B.I."]


# --- through an index: the CLI and the Python API ----------------------------------------

ARTICLES = [
    ("a1", "“We are looking into every message,” the F.B.I. said in a statement.\n\n“I will cooperate fully,” said Joseph R. Biden, the vice president."),
    ("a2", "“This is a great state,” Joe Biden said.\n\n“I think he is wrong,” said Jill Biden, his wife."),
    ("a3", "“We will win Ohio,” Joe Biden said on Tuesday."),
]


@pytest.fixture(scope="module")
def biden_index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bidens")
    records = [
        {"id": i, "title": "Campaign", "date": f"2016-03-0{n}", "source": "nyt", "text": "The race went on.\n\n" + t} for n, (i, t) in enumerate(ARTICLES, 1)
    ]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    index_paths([folder], folder / "index")
    return folder / "index"


def test_quotes_carry_their_identity_and_facets_count_identities(biden_index):
    with Index.open(biden_index) as ix:
        result = ix.search("", kind="quote", facets=["speaker"], limit=10)
        assert {h.speaker for h in result.hits if h.speaker_id == "joseph-biden"} == {"Joe Biden"}
        assert {f.value: f.count for f in result.facets["speaker"]}["Joe Biden"] == 3
        joe = next(s for s in ix.speakers() if s.name == "Joe Biden")
        assert (joe.id, joe.quotes, joe.names) == ("joseph-biden", 3, ["Joe Biden", "Joseph R. Biden"])


def test_a_loose_speaker_names_the_identities_it_matched(biden_index):
    with Index.open(biden_index) as ix:
        loose = ix.search("", speakers=["Biden"], kind="quote")
        assert loose.total == 4 and any("Joe Biden [joseph-biden]" in n and "Jill Biden [jill-biden]" in n for n in loose.notes)
        other_name = ix.search("", speakers=["Joseph Biden"], kind="quote")
        assert other_name.total == 3 and any("is Joe Biden [joseph-biden]" in n for n in other_name.notes)


@pytest.mark.parametrize("typed", ["=Joe Biden", "=joseph-biden", "=Joseph R. Biden", "=joe biden"])
def test_an_exact_speaker_selects_one_identity(biden_index, typed):
    r = run_cli("query", "--speaker", typed, "--kind", "quote", "--json", "--index", str(biden_index))
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and data["total"] == 3 and {h["speaker_id"] for h in data["hits"]} == {"joseph-biden"}


def test_an_exact_speaker_that_is_no_identity_finds_nothing(biden_index):
    r = run_cli("query", "--speaker", "=Biden", "--kind", "quote", "--index", str(biden_index))
    assert r.exit_code == 1 and "no speaker is exactly 'Biden'" in r.stderr + r.stdout


def test_speaker_i_does_not_match_the_fbi(biden_index):
    r = run_cli("query", "--speaker", "I", "--kind", "quote", "--index", str(biden_index))
    assert r.exit_code == 1 and "F.B.I." not in r.stdout
    r = run_cli("query", "--speaker", "FBI", "--kind", "quote", "--index", str(biden_index))
    assert r.exit_code == 0 and "F.B.I." in r.stdout


def test_a_body_or_a_group_shaped_like_a_person_takes_no_bare_name():
    # 'Virginia' and 'Clinton' are first names, but 'Virginia Democrats' is a group and
    # 'Clinton White House' a body: every bare 'Democrats' and 'White House' of PolNeAR
    # joined them as if they were surnames
    table = build({"Virginia Democrats": 2, "Democrats": 104, "Clinton White House": 1, "White House": 20, "Barack Obama": 5, "Obama": 9})
    assert table.identity("Democrats").name == "Democrats"
    assert table.identity("White House").name == "White House"
    assert table.identity("Obama").name == "Barack Obama"


def test_a_place_is_no_bare_surname():
    # 'Israel said …' is the country, though PolNeAR quotes Rep. Steve Israel too
    table = build({"Steve Israel": 3, "Israel": 40, "George Washington": 1, "Washington": 12})
    assert table.identity("Israel").name == "Israel"
    assert table.identity("Washington").name == "Washington"
