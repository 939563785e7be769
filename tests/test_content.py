"""The spans of what was said (`search/quotes/content.py`): the objects and adverbials
between a cue and its clause, the colon before a quotation, and where the content ends."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes_of


@pytest.mark.parametrize("text", ['Ruiz was blunt: "The council failed us."', 'Ruiz said: "The council failed us."'])
def test_speaker_first_with_colon_or_verb(text):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("direct", "The council failed us.", "Ruiz")


@pytest.mark.parametrize(
    "text, content",
    [
        ("David Schulz said no decision had been made about an appeal.", "no decision had been made about an appeal"),
        ("Trump said after the convention he would not accept the endorsement.", "he would not accept the endorsement"),
        ("Ruiz said on Monday night in Ohio the council has failed.", "the council has failed"),
        ("Ruiz said in May it would reopen.", "it would reopen"),
        ("Ruiz said in an interview that the bridge would reopen.", "the bridge would reopen"),
    ],
)
def test_reported_clause_after_no_or_an_adverbial(text, content):
    q = only(text)
    assert (q.kind, q.text) == ("indirect", content)


@pytest.mark.parametrize(
    "text, content",
    [
        # the person told can be a longer noun phrase before 'that' ('a me…' is no 'me')
        (
            "In Honolulu, he told a meeting of Pacific Island leaders that few people understood the stakes.",
            "few people understood the stakes",
        ),
        ("Ruiz warned the board of the harbor authority that prices would rise.", "prices would rise"),
        # a scene set before the subject is not what was said; '-ing' without a comma is
        # no participle ('disparaging remarks')
        ("At the debate, Ruiz mentioned disparaging remarks Hale had made about the bridge.", "disparaging remarks Hale had made about the bridge"),
    ],
)
def test_what_follows_the_cue_is_content(text, content):
    found = quotes_of(text)
    assert found and found[0].text == content and found[0].kind == "indirect"
    assert all(not q.text.startswith(("In Honolulu", "At the debate")) for q in found)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Chief Financial Officer Raj Menon told analysts the company would cut costs.", "the company would cut costs"),
        ("Menon told investors the dividend was safe.", "the dividend was safe"),
    ],
)
def test_the_people_told_are_not_what_was_said(text, content):
    # was 'analysts the company would cut costs': only 'reporters' and a few others were known listeners
    assert only(text).text == content


@pytest.mark.parametrize(
    "text, content",
    [
        ("Andriy Yermak wrote on Telegram that Ukraine was grateful for the support.", "Ukraine was grateful for the support"),
        ("Bono wrote on social media that Gallagher had taught him how to stand on a stage.", "Gallagher had taught him how to stand on a stage"),
    ],
)
def test_where_it_was_written_is_not_what_was_written(text, content):
    # was 'Telegram that Ukraine was grateful …'
    assert only(text).text == content


@pytest.mark.parametrize(
    "text, content",
    [
        ("At least 11 people were killed, he said.", "At least 11 people were killed"),
        ("In 2020 the company was losing money, she said.", "In 2020 the company was losing money"),
    ],
)
def test_a_lead_that_is_a_quantity_or_a_clause_is_what_was_said(text, content):
    # both found nothing: taken for a scene set before the subject ('At the debate, …')
    q = only("Mahmud Bassal and Amal Haddad spoke to reporters. " + text)
    assert (q.text, q.kind) == (content, "indirect")


@pytest.mark.parametrize(
    "text",
    [
        "Elena Ruiz told The Harbor Ledger of Springfield last week she would vote for Hale.",
        "Elena Ruiz said Wednesday night that she would vote for Hale.",
        "Elena Ruiz told reporters yesterday she would vote for Hale.",
    ],
)
def test_a_time_word_after_the_cue_and_its_object_ends_before_the_clause(text):
    q = only(text)
    assert (q.text, q.speaker) == ("she would vote for Hale", "Elena Ruiz")


@pytest.mark.parametrize(
    "text, content",
    [
        ("Bloomberg also reported that roughly 1,100 foreign donor names weren’t disclosed.", "roughly 1,100 foreign donor names weren’t disclosed"),
        (
            "Now, he says, at least seven of the state’s 44 delegates have signed on.",
            "Now … at least seven of the state’s 44 delegates have signed on",
        ),
    ],
)
def test_a_thousands_comma_and_at_least_do_not_end_the_content(text, content):
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize("where", ["at a campaign stop in Toledo, Ohio,", "in a speech on Sept. 9, 2016,"])
def test_a_place_or_date_with_commas_in_the_adverbial_before_that(where):
    text = f"Clinton says {where} that it means Trump never contributed to Pell Grants."
    assert [(q.speaker, q.text) for q in quotes_of(text)] == [("Clinton", "it means Trump never contributed to Pell Grants")]


def test_a_cue_with_an_object_and_of_after_a_leading_phrase_is_a_clause_and_a_concession_ends_it():
    text = "Bemoaning the phony system, Trump accused Holt of being a Democrat, though a review of records indicates he is a Republican."
    found = [(q.cue, q.speaker_mention, q.text) for q in quotes_of(text)]
    assert found == [("accused", "Trump", "Holt of being a Democrat"), ("indicates", "a review of records", "he is a Republican")]


@pytest.mark.parametrize("aside", ["for example", "in fact", "however"])
def test_an_aside_between_the_cue_and_that(aside):
    text = f"Clinton testified, {aside}, that she neither sent nor received emails marked classified."
    assert [(q.speaker, q.text) for q in quotes_of(text)] == [("Clinton", "she neither sent nor received emails marked classified")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The plan includes a special force, Defense Secretary Ash Carter told a Senate panel Wednesday.", "The plan includes a special force"),
        ("Cruz has said for weeks he’s the only candidate who can beat Trump.", "he’s the only candidate who can beat Trump"),
        ("Hillary Clinton told a Planned Parenthood gathering in Washington she will protect reproductive rights.", "she will protect reproductive rights"),
        ("Pat Caddell told Breitbart News Daily host Alex Marlow on Thursday how surprised he is by the race.", "how surprised he is by the race"),
    ],
)
def test_objects_and_adverbials_between_the_cue_and_the_clause(text, content):
    assert only(text, "indirect").text == content


def test_a_pronoun_and_its_verb_after_an_adverbial_open_the_clause():
    q = only("United Gun Group said in a statement Thursday night they pulled the listing from the site.", "indirect")
    assert q.text == "they pulled the listing from the site"
    # after 'before', 'when', … the pronoun's clause is the adverbial's own, not what was said
    assert not [q for q in quotes_of("Garner, gasping on a sidewalk, said before he died that he could not breathe.") if q.text == "he died"]


def test_a_phrase_in_commas_right_after_the_cue():
    q = only("Mr. Comey described, in fairly blistering terms, a set of email practices that left her systems open.")
    assert (q.speaker, q.text) == ("Comey", "a set of email practices that left her systems open")


def test_accused_someone_of_something():
    q = only("Speaking in Harlem, Clinton, without naming him, also accused Sanders of being late to racial justice issues.")
    assert (q.speaker, q.text) == ("Clinton", "Sanders of being late to racial justice issues")


def test_the_paper_told_is_who_heard_it_not_what_was_said():
    q = only("Deyal told this newspaper that the men had left the camp before dawn.")
    assert (q.text, q.speaker) == ("the men had left the camp before dawn", "Deyal")
    assert quotes_of("Deyal told this newspaper.") == []
