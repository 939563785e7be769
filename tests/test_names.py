"""One name per person: within an article (surname, title, pronoun -> full name), across
the corpus (`NameRegistry`), and the user's aliases file."""

from __future__ import annotations

import json

import pytest
from conftest import POLNEAR, needs_shared
from quote_helpers import only, quotes_of

from search.models import Article, Quote
from search.quotes import NameRegistry, extract_quotes, load_aliases
from search.quotes.names import ArticleNames, _read_run, bare_name, is_org
from search.readers.paragraphs import split_paragraphs


def test_bare_name_drops_titles_and_possessive():
    assert bare_name("Russian President Vladimir Putin") == "Vladimir Putin"
    assert bare_name("Mr. Trump's") == "Trump"
    assert bare_name("House Speaker Paul Ryan") == "Paul Ryan"


def test_article_names_resolve_surname_and_prefer_the_recent_one():
    text = "Bill Clinton spoke. Hillary Clinton spoke. Hillary Clinton again. Hillary Clinton, too. Then Bill Clinton left."
    names = ArticleNames()
    names.scan(text, 0, len(text))
    assert names.canonical("Mrs. Clinton") == "Hillary Clinton"  # most mentioned
    assert names.resolve_at("Clinton", len(text)) == "Bill Clinton"  # last named
    assert names.canonical("Mr. Lukyanov") == "Lukyanov"  # unknown: as written, without title


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a middle initial that is also a word ('A.', 'I.') is no title: the first name stays
        (
            "“Take them with a meal,” said Marta A. Solis Vega, a dietitian.\n\n“Not on an empty stomach,” Solis Vega said.",
            ["Marta A. Solis Vega", "Marta A. Solis Vega"],
        ),
        ("“The fees are too high,” said Peter I. Lindqvist, a lawyer.\n\n“Far too high,” Lindqvist said.", ["Peter I. Lindqvist", "Peter I. Lindqvist"]),
        # a surname of two words is the person the article named in full
        (
            "“The situation is extremely bad,” said Dr. Karim Abu Nasser, an obstetrician.\n\n“Some cannot reach the hospital,” Abu Nasser said.",
            ["Karim Abu Nasser", "Karim Abu Nasser"],
        ),
        # but not after a word that is no name: an epithet is no first name
        ("Crooked Elena Ruiz was booed.\n\n“We will win,” Elena Ruiz said.", ["Elena Ruiz"]),
    ],
)
def test_middle_initials_and_surnames_of_two_words_keep_the_full_name(text, speakers):
    assert [q.speaker for q in quotes_of(text)] == speakers


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("Ben Carson said he applied to West Point. Carson implied more than that.", "Ben Carson"),
        ("He never applied to West Point. Carson implied he had.", "Carson"),
        ("He met Gov. John Kasich in Ohio. Kasich said little.", "John Kasich"),
    ],
)
def test_a_sentence_end_inside_a_capitalised_run_cuts_the_name(text, full):
    # 'West Point. Carson' is a place ending one sentence and a name opening the next, not a
    # person named 'West Point. Carson'; 'Gov.' is an abbreviation and the name goes on
    names = ArticleNames()
    names.scan(text, 0, len(text))
    assert names.canonical(full.split()[-1]) == full
    assert not any(". " in name for _, name in names.mentions)


def test_registry_merges_surname_only_when_unique():
    reg = NameRegistry()
    for name in ["Donald Trump", "Bill Clinton", "Hillary Clinton", "President Donald Trump"]:
        reg.add(name)
    assert reg.resolve("Trump") == "Donald Trump"
    assert reg.resolve("Mr. Trump") == "Donald Trump"
    assert reg.resolve("Clinton") == "Clinton"
    assert reg.resolve("Hillary Clinton") == "Hillary Clinton"
    assert reg.resolve("Lukyanov") == "Lukyanov"


def test_registry_across_articles():
    def speakers(text: str, aid: str) -> list[str | None]:
        return [q.speaker for q in extract_quotes(Article(id=aid, text=text, body=split_paragraphs(text)))]

    a = speakers("“We will win,” said Donald Trump, the candidate.", "a")
    b = speakers("“We will win,” Trump said.", "b")
    assert (a, b) == (["Donald Trump"], ["Trump"])
    reg = NameRegistry()
    for name in a + b:
        reg.add(name)
    assert [reg.resolve(n) for n in b if n] == ["Donald Trump"]


def _quote(speaker: str, description: str | None = None) -> Quote:
    return Quote(id="a#q1", article_id="a", kind="direct", text="x", speaker=speaker, speaker_description=description, start=0, end=1)


def test_aliases_merge_and_split(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[merge]\n"Donald J. Trump" = "Donald Trump"\n\n'
        '[[split]]\nname = "John Smith"\nspeaker = "John Smith (footballer)"\nsource = "ESPN"\n\n'
        '[[split]]\nname = "John Smith"\nspeaker = "John Smith (senator)"\ndescription = "senator"\n',
        encoding="utf-8",
    )
    aliases = load_aliases(path)
    espn = Article(id="a", source="ESPN", text="x")
    times = Article(id="b", source="The Times", text="x")
    assert aliases.apply(_quote("Donald J. Trump"), times).speaker == "Donald Trump"
    assert aliases.apply(_quote("John Smith"), espn).speaker == "John Smith (footballer)"
    assert aliases.apply(_quote("John Smith", "a senator from Ohio"), times).speaker == "John Smith (senator)"
    assert aliases.apply(_quote("John Smith"), times).speaker == "John Smith"
    assert aliases.apply(_quote("Ruiz"), times).speaker == "Ruiz"


@pytest.mark.parametrize(
    "content",
    ['[merge]\n"A" = 3\n', '[[split]]\nname = "A"\n', '[[split]]\nname = "A"\nspeaker = "B"\ncolour = "red"\n', "not toml ["],
)
def test_aliases_reject_malformed_files(tmp_path, content):
    path = tmp_path / "aliases.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError):
        load_aliases(path)


def test_role_before_reads_back_what_the_pattern_finds():
    """The role word before a name is read back from the name, not searched for with the
    end-anchored pattern; both must give the same word at every position."""
    from search.quotes.names import _ROLE_BEFORE, _role_before

    text = (
        "Salon owner Usman Hasib, co-founder Ann Lee and the chairwoman Jo Hale met. A spokesman  Ashraf "
        "said the woman Mia and the Spokesperson Kim spoke to director\tTom; an ownerX Al, the 12owner Ed,"
        " the actor\nRuth, über-manager Li, person Bo, er Xi, and man Yu. The trade representative Ron.\n"
    )
    for at in range(len(text) + 1):
        for lo in {max(0, at - 40), max(0, at - 7), at}:
            m = _ROLE_BEFORE.search(text, lo, at)
            assert _role_before(text, lo, at) == (m.group("role") if m else None), (lo, at)


def test_a_place_before_a_first_name_is_cut_off_the_person():
    # 'Acting U.S. Attorney for the District of Massachusetts Joshua Levy said …': the run
    # after 'of' is 'Massachusetts Joshua Levy'; 'Levy' later is Joshua Levy
    text = (
        "Acting U.S. Attorney for the District of Massachusetts Joshua Levy said the case is still open.\n\n"
        "“Pick a profession, they’re probably represented in this case,” said Levy."
    )
    quotes = extract_quotes(Article(id="t", text=text, body=split_paragraphs(text)), True)
    assert [q.speaker for q in quotes if q.text.startswith("Pick")] == ["Joshua Levy"]


def test_person_evidence_for_one_word_names():
    text = "Ms. Acosta said the bank was out of cash. Jim Brewer, a trader, agreed. Benghazi Security Inadequate."
    names = ArticleNames()
    names.scan(text, 0, len(text))
    assert names.person_evidence("Acosta")  # a title before it
    assert names.person_evidence("Brewer")  # the surname of a full name with a first name
    assert not names.person_evidence("Benghazi")  # a headline's run is no full name


def test_a_place_keeps_the_word_that_opens_it():
    assert bare_name("New Jersey") == "New Jersey"
    assert bare_name("New Jersey Gov. Chris Christie") == "Chris Christie"


def test_no_body_name_ends_in_a_function_word():
    # Washington Post: 'AT&T. And in Georgia' gave the body 'T. And', which 'the company' then named
    text = "Employers including Marriott and AT&T. And in Georgia, a bill failed. Monsanto opposed it, the company tweeted."
    names = ArticleNames()
    names.scan(text, 0, len(text))
    assert all(not name.endswith(" And") for _, name in names.orgs)


@pytest.mark.parametrize(
    ("run", "name"),
    [
        ("The New York Post", "New York Post"),  # 'New' opens a place: no title of a 'York Post'
        ("New Jersey Gov. Chris Christie", "Chris Christie"),
        ("New York Mayor Bill de Blasio", "Bill de Blasio"),
        ("Maricopa County Recorder Helen Purcell", "Helen Purcell"),
    ],
)
def test_a_place_opening_a_run_is_no_title_word(run, name):
    assert bare_name(run) == name or ArticleNames().canonical(run) == name or _read_run(run, True)[1] == name


def test_a_paper_and_the_company_in_a_story():
    # (PolNeAR) 'The Post' is the paper named before, by its last word; 'the company' is
    # the firm of the story, not a paper cited in it; no person is 'York Post'
    text = (
        "The New York Post reports that the candidate was taken ill.\n\n"
        "Apple Inc. refused the order, the Associated Press reported.\n\n"
        "The Post learned that she left early.\n\n"
        "The company said it would appeal."
    )
    speakers = [(q.speaker, q.speaker_type) for q in quotes_of(text)]
    assert ("New York Post", "organisation") in speakers and ("Apple Inc", "organisation") in speakers
    assert not any(name and "York" in name and name != "New York Post" for name, _ in speakers)


def test_no_person_follows_the():
    # (PolNeAR) 'the Middle East' is no person a later 'he' can stand for; 'the Bernie
    # Sanders campaign' still names Bernie Sanders
    text = "She came from the Middle East and I from South America. He called the Bernie Sanders campaign."
    names = ArticleNames()
    names.scan(text, 0, len(text))
    assert [name for _, name in names.mentions] == ["Bernie Sanders"]


def test_a_place_is_no_person_a_pronoun_stands_for():
    # (PolNeAR) 'Fort Pierce' was the 'she' of the next sentence
    text = "In a speech in Fort Pierce, Florida, she laid out her plans."
    names = ArticleNames()
    names.scan(text, 0, len(text))
    assert names.mentions == []


@pytest.mark.parametrize(
    ("name", "org"),
    [
        ("Tulsa Police Department", True),  # a first name ('Tulsa'), but two body words
        ("Cleveland Police Patrolmen's Association", True),
        ("Michael R. Bloomberg", False),  # a surname that is also a body's word
        ("Michael J. Fox", False),
        ("Don Guardian", False),
        ("Tory Party", True),
        # a first name, then a body's word that is no surname
        ("Sierra Club", True),
        ("Charlotte Observer", True),
        ("Clinton Foundation", True),
        ("Brennan Center", True),
        ("Cleveland Clinic", True),
    ],
)
def test_a_run_with_two_body_words_is_a_body_whatever_its_first_word(name, org):
    assert is_org(name) is org


def test_a_police_department_that_revealed_something_is_a_body():
    q = only("The Tulsa Police Department revealed Tuesday that the hallucinogen PCP was found in the car.")
    assert (q.speaker, q.speaker_type) == ("Tulsa Police Department", "organisation")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a titled surname is the one of that sex the article names, not the one named last
        (
            "Donald J. Trump and Hillary Clinton met. Mr. Clinton was not there.\n\n''Jobs, jobs, jobs,'' Mrs. Clinton said on the show.",
            "Hillary Clinton",
        ),
        # the first-name list only guesses ('Lindsey' is mostly a woman's name): a title that
        # agrees with no one keeps the one the article names
        ("Senator Lindsey Graham spoke on Sunday.\n\nMr. Graham said the line had been crossed.", "Lindsey Graham"),
    ],
)
def test_a_titled_surname_is_the_person_of_that_sex(text, speaker):
    assert quotes_of(text)[-1].speaker == speaker


@needs_shared(POLNEAR)
def test_a_titled_surname_is_not_the_one_of_the_other_sex_named_last():
    # The New York Times (PolNeAR train): "''It's like a new plane,'' Mr. Trump said" right after
    # 'the Eames chairs in Ivanka Trump's den' was given to Ivanka Trump
    lines = (POLNEAR / "train.jsonl").read_text(encoding="utf-8").splitlines()
    record = next(r for r in map(json.loads, lines) if "''It's like a new plane,'' Mr. Trump said" in r["text"])
    said = next(q for q in quotes_of(record["text"]) if q.text.startswith("It's like a new plane"))
    assert said.speaker == "Donald J. Trump"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sen. John Smith spoke on Monday.\n\nThe senator said the bill would pass.", "John Smith"),
        ("Gov. Jane Doe spoke on Monday.\n\nThe governor said the bill would pass.", "Jane Doe"),
        # The New York Times (PolNeAR train): 'Adm. Harry B. Harris Jr.' and later 'the admiral said'
        ("Adm. Harry B. Harris Jr. leads the Pacific Command.\n\nThe admiral said the comments had two goals.", "Harry B. Harris"),
        ("Rep. Tom Price spoke on Monday.\n\nThe congressman said the bill would pass.", "Tom Price"),
        # a second rank is not the office: 'the president' is not the vice president
        ("Vice President Joe Biden spoke on Monday.\n\nThe president said the bill would pass.", None),
    ],
)
def test_an_abbreviated_title_gives_its_role(text, speaker):
    assert quotes_of(text)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The Telegraph (the variety set): 'Judge Neil Ford QC', then 'Judge Ford said' was 'Ford'
        ("Judge Neil Ford QC sentenced him on Friday.\n\nJudge Ford said there was no malice in the case.", "Neil Ford"),
        ("Jane Smith MP spoke first.\n\nSmith said the plan would work.", "Jane Smith"),
    ],
)
def test_letters_after_a_name_are_no_part_of_it(text, speaker):
    assert quotes_of(text)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The party's spokesperson on water affairs, Hendrik van der Merwe, said the city had failed.", "Hendrik van der Merwe"),
        ("Commission President Ursula von der Leyen said the deal was fair.", "Ursula von der Leyen"),
    ],
)
def test_two_particles_inside_a_name(text, speaker):
    # 'van der', 'von der': the name went on only over one particle ('Hendrik' alone, no quote)
    from quote_helpers import quotes_of

    assert [q.speaker for q in quotes_of(text)] == [speaker]
