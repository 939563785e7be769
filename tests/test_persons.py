"""Person names told from the words that open sentences, places and prizes (search.quotes.persons)."""

import json

import pytest
from conftest import POLNEAR, needs_shared

from search.models import Article
from search.quotes import extract_quotes
from search.quotes.names import ArticleNames
from search.quotes.persons import first_name_gender, is_first_name, is_place, person_name_ok, strip_opening_words
from search.readers.paragraphs import split_paragraphs


def quotes(text: str):
    return extract_quotes(Article(id="t", text=text, body=split_paragraphs(text)))


@pytest.mark.parametrize(
    ("run", "kept"),
    [
        ("Taking Archie", ["Archie"]),  # a gerund opening the sentence
        ("Is Sanders", ["Sanders"]),
        ("Maybe Trump", ["Trump"]),
        ("See Sexton", ["Sexton"]),
        ("Throughout", []),
        ("Will Hurd", ["Will", "Hurd"]),  # a first name, then a capitalised word: a name
        ("Mark Meadows", ["Mark", "Meadows"]),
    ],
)
def test_ordinary_words_opening_a_sentence_are_cut_off_a_name(run, kept):
    assert strip_opening_words(run.split()) == kept


@pytest.mark.parametrize("name", ["Gaza Strip", "Nobel Peace Prize", "Hart Island", "United Kingdom", "Trinidad and Tobago", "I"])
def test_places_prizes_and_pronouns_are_no_people(name):
    assert not person_name_ok(name)


@pytest.mark.parametrize("name", ["Jim Rich", "Andrew Young", "Sobhi Skaik", "Padraig Cribben", "Kristy Marmorato", "Georgia"])
def test_names_with_ordinary_words_or_unlisted_first_names_are_people(name):
    assert person_name_ok(name)


def test_a_first_name_that_is_also_a_region_is_no_place():
    assert not is_place("Georgia") and is_place("West Virginia")


def test_first_names_tell_the_pronoun():
    assert (first_name_gender("Meghan"), first_name_gender("Harry"), first_name_gender("Padraig")) == ("she", "he", None)


def test_an_article_registers_no_person_from_a_sentence_opening():
    text = "Taking Archie outside is his favorite activity, Harry Windsor said. So I would not speculate, he said."
    names = ArticleNames()
    names.scan(text, 0, len(text))
    seen = {n for _, n in names.mentions}
    assert "Harry Windsor" in seen
    assert not seen & {"I", "Taking Archie", "So I"}


def test_a_pronoun_skips_a_person_whose_first_name_is_of_the_other_gender():
    text = "Dr Ronald Walcott, a cyber security expert, spoke after Meghan Markle did.\n“It seemed to be more of a denial of service attack,” he said."
    (q,) = [q for q in quotes(text) if q.kind == "direct"]
    assert q.speaker == "Ronald Walcott"


def test_a_word_opening_the_sentence_is_no_speaker():
    (q,) = quotes("Throughout the interview, she said the palace had failed her.\n")
    assert q.speaker != "Throughout"


# Text adapted from the variety set's guardian.co.tt and abc13 articles.
def test_a_short_name_or_acronym_stands_for_the_body_the_article_names_in_full():
    text = (
        "Massy Stores was hit by a cyber attack on Sunday, leaving shoppers unable to pay.\n\n"
        "Massy said it took immediate action, suspending all customer-facing systems.\n\n"
        "The company said stores would open today.\n\n"
        "ABC13 called the Harris County Sheriff's Office asking questions. HCSO said a report should have been taken."
    )
    got = {q.text[:12]: (q.speaker, q.speaker_type) for q in quotes(text)}
    assert got["it took imme"] == ("Massy Stores", "organisation")
    assert got["stores would"] == ("Massy Stores", "organisation")
    assert got["a report sho"] == ("Harris County Sheriff's Office", "organisation")


def test_a_country_is_not_the_short_name_of_a_city_named_after_it():
    text = "Officials in Mexico City met on Monday.\n\nMexico said it would impose retaliatory tariffs on American goods."
    assert [(q.speaker, q.speaker_type) for q in quotes(text)] == [("Mexico", "organisation")]


def test_the_vice_president_is_not_the_president():
    text = "Vice President Joseph R. Biden spoke first at the museum.\n\nThe president said the museum could help Americans talk to each other."
    assert [q.speaker for q in quotes(text)] != ["Joseph R. Biden"]


def test_a_palace_or_two_people_never_stand_for_she():
    names = ArticleNames()
    text = "Harry and Meghan spoke to Oprah Winfrey, and some within Buckingham Palace feared it."
    names.scan(text, 0, len(text))
    assert not names.agrees("Buckingham Palace", "she")
    assert not names.agrees("Harry and Meghan", "he")
    assert names.agrees("Oprah Winfrey", "she") and names.agrees("Harry", "he")


# Adapted from the variety set's latimes.com article.
def test_a_surname_that_is_also_a_firm_stands_for_the_person_the_article_names():
    text = (
        "Michael R. Bloomberg is running for president.\n\n"
        "“It is a big risk for Bloomberg to debate,” said Paul Begala, a longtime advisor to Bill Clinton.\n\n"
        "Bloomberg said in a statement that the comments do not reflect his commitment to reform, "
        "and he reiterated his regret that he allowed the policy to flourish."
    )
    got = [(q.speaker, q.speaker_type) for q in quotes(text)]
    assert got[0] == ("Paul Begala", "person")
    assert got[1:] == [("Michael R. Bloomberg", "person")] * 2


# Adapted from the variety set's CNN article: Winfrey is named as an object, the duchess as
# the subject, and the pronoun that follows stands for the subject.
def test_a_pronoun_prefers_the_subject_to_a_name_after_a_preposition():
    text = (
        "Meghan, Duchess of Sussex, was once an actress, and during her interview "
        "with Oprah Winfrey she spoke for the first time about how severe the experience had been.\n\n"
        "She said life within the royal family was so isolating and lonely."
    )
    assert [q.speaker for q in quotes(text) if q.speaker_mention == "She"] == ["Meghan"]


# Adapted from the variety set's politico.com and latimes.com articles.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Wayne King is the district's chief of staff.\n\nKing said the first he heard of it was late Tuesday evening.", "Wayne King"),
        ("Michael R. Bloomberg is running.\n\nBloomberg now denies he ever said any of that.", "Michael R. Bloomberg"),
    ],
)
def test_a_surname_that_is_a_title_or_carries_an_adverb_is_still_the_person(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


# Adapted from the variety set's bostonherald.com article and PolNeAR's politico article.
def test_a_document_speaks_for_who_issued_it_and_so_does_its_later_mention():
    text = (
        "According to a criminal complaint affidavit from Homeland Security, the defendants operated the network.\n\n"
        "Often women were “enticed” with travel and lodging, the affidavit said.\n\n"
        "Taxes would rise for the middle class, according to an analysis by Lily Batchelder."
    )
    assert [q.speaker for q in quotes(text)] == ["Homeland Security", "Homeland Security", "Lily Batchelder"]


# Adapted from the variety set's politico.com article: the congressman's title is his, not
# his wife's, though they share the surname.
def test_a_title_gives_its_pronoun_to_one_person_not_everyone_with_the_surname():
    names = ArticleNames()
    text = "Debbie Meadows founded the group. Mark Meadows said little. Congressman Meadows then left."
    names.scan(text, 0, len(text))
    assert names.gender_of("Debbie Meadows") == "she"
    assert not names.agrees("Debbie Meadows", "he")


# The first adapted from the variety set's axios.com article.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("One company, Avigilon, sells the software. Another, Pelco, announced last April that it will provide schools with video.", "Pelco"),
        ("Two analysts disagreed. One, Megan Greene, said the economy would slow.", "Megan Greene"),
    ],
)
def test_a_subject_that_only_counts_is_the_name_set_off_after_it(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


def test_an_initial_before_a_first_name_opens_a_person_name():
    # (PolNeAR) 'C. Boyden Gray', 'M. Dane Waters': 'Gray' and 'Waters' are words too
    assert person_name_ok("M. Dane Waters") and person_name_ok("J. Edgar Hoover")
    assert not person_name_ok("U. Grey Waters")  # no first name after the initial


@needs_shared(POLNEAR)
def test_an_auxiliary_opening_a_question_is_no_first_name():
    # PolNeAR train: 'Game over. Will Sanders come down off the pique?' made 'Will Sanders'
    # the name every later 'Sanders' and 'he' of the article resolved to
    lines = (POLNEAR / "train.jsonl").read_text(encoding="utf-8").splitlines()
    record = next(r for r in map(json.loads, lines) if r["text"].startswith("Game over. Will Sanders"))
    speakers = {q.speaker for q in quotes(record["text"])}
    assert "Bernie Sanders" in speakers and "Will Sanders" not in speakers


def test_a_first_name_and_a_surname_opening_a_statement_stay_a_name():
    assert quotes("Will Hurd said the wall was a bad idea.")[0].speaker == "Will Hurd"


@pytest.mark.parametrize("name", ["Jean-Marc", "Hans-Peter", "Mei-Ling"])
def test_two_first_names_joined_are_a_first_name(name):
    assert is_first_name(name)


def test_a_word_joined_to_a_first_name_is_not_one():
    assert not is_first_name("Jean-Claimed")
