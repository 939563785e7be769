"""Attributions without a reporting verb in prose (`search/quotes/other_frames.py`):
reporting nouns, stance adjectives, polls, 'Asked …', Title Case headlines, hearsay, 'Name:'
and transcript labels."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes_of


def test_name_colon_headline():
    q = only("Ruiz: The bridge will reopen in May.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "The bridge will reopen in May", "Ruiz")


@pytest.mark.parametrize("label", ["Background", "Flashback", "Context"])
def test_a_sections_label_is_no_speaker(label):
    assert quotes_of(f"{label}: Schools are experimenting with cameras and license plate readers to secure students.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The vote came days after Ruiz's pledge to reopen the pier by May.", "to reopen the pier by May", "Ruiz"),
        ("Critics seized on Mr. Ruiz's assertion that the pier was never unsafe.", "the pier was never unsafe", "Ruiz"),
        ("Elena Ruiz spoke first.\n\nThe board met a week after her warning that the pilings had rotted.", "the pilings had rotted", "Elena Ruiz"),
    ],
)
def test_reporting_noun_with_its_owner(text, content, speaker):
    q = [q for q in quotes_of(text) if q.text == content]
    assert len(q) == 1 and q[0].speaker == speaker and q[0].kind == "indirect"


def test_reporting_noun_without_that_or_owner_is_not_a_quote():
    assert quotes_of("The statement ran to four pages, and the board read it twice.") == []
    assert quotes_of("His plan for the pier was approved in March.") == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The harbor board is expected to vote on the repairs next week.", "expected"),
        ("The ferry operator is widely believed to be near bankruptcy.", "believed"),
        ("The ferry operator is reportedly close to bankruptcy.", "reportedly"),
    ],
)
def test_hearsay_reports_the_whole_clause_without_a_speaker(text, cue):
    q = only(text)
    assert (q.kind, q.text, q.speaker, q.cue) == ("indirect", text.rstrip("."), None, cue)


def test_expected_without_be_is_not_hearsay():
    assert quotes_of("The repairs took longer than expected to finish.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("In a Harbor Gazette poll released Monday, 61 percent of residents were against the toll.", "61 percent of residents were against the toll"),
        ("Ruiz trails Hale by nine points in the latest Gazette poll.", "Ruiz trails Hale by nine points"),
    ],
)
def test_a_poll_reports_its_finding(text, content):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("indirect", content, None)
    assert "poll" in (q.speaker_mention or "")


def test_poll_as_a_place_is_not_a_source():
    assert quotes_of("Ruiz campaigned in the poll worker shortage.") == []


@pytest.mark.parametrize(
    "text",
    [
        # Huffington Post and Politico (PolNeAR train): the mention ran over a clause to the
        # polls voters go to ('the District of Columbia head to the polls') or come back from
        "The last contest comes June 14, when voters in the District of Columbia head to the polls.",
        "Now, armed with an early victory, Sanders rode the euphoria in the days after the New Hampshire polls.",
    ],
)
def test_the_polls_voters_go_to_report_nothing(text):
    assert [q for q in quotes_of(text) if q.cue == "in"] == []


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Asked whether the pier would reopen in May, Ruiz said she was hopeful.", "whether the pier would reopen in May"),
        ("Asked on Monday about the delay, Ruiz said she was hopeful.", "about the delay"),
    ],
)
def test_the_question_in_asked_is_reported(text, question):
    found = quotes_of(text)
    assert [(q.text, q.speaker) for q in found] == [(question, None), ("she was hopeful", "Ruiz")]


def test_asked_with_a_subject_is_the_verb_not_a_question():
    found = quotes_of("Ruiz asked whether the pier would reopen in May.")
    assert [(q.text, q.speaker) for q in found] == [("whether the pier would reopen in May", "Ruiz")]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("Harbor Mayor Elena Ruiz Slams Plan to Close Ferry Terminal.", "Plan to Close Ferry Terminal", "Elena Ruiz", "Slams"),
        ("Dock Workers Say New Toll Is Unfair.", "New Toll Is Unfair", "Dock Workers", "Say"),
        ("Elena Ruiz Calls for Audit of Harbor Board: Report.", "Audit of Harbor Board", "Elena Ruiz", "Calls for"),
        # the cue last, the speaker after a comma
        ("Harbor Board Hid Losses From Public, Auditor Tom Hale Says.", "Harbor Board Hid Losses From Public", "Tom Hale", "Says"),
        ("Ferry Will Run All Winter, Elena Ruiz Says", "Ferry Will Run All Winter", "Elena Ruiz", "Says"),
    ],
)
def test_title_case_headline_cue(text, content, speaker, cue):
    q = only(text)
    assert (q.kind, q.text, q.cue) == ("indirect", content, cue)
    assert speaker in (q.speaker or q.speaker_mention or "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR train headlines, each with the body's first sentence: a headline capitalises
        # the words after a name too ('Backs', 'Just', 'Got'), which prose writes in lower case
        ("France’s Marine Le Pen Backs Trump And Denounces Clinton\n\nMarine Le Pen voiced support for Donald Trump on Wednesday.", "Marine Le Pen"),
        ("Hillary Just Vowed To Never Utter These 2 Words\n\nHillary Clinton promised on Tuesday to refrain from using the phrase.", "Hillary Clinton"),
        ("Rick Perry Just Announced Who He’s Backing For President\n\nFormer Texas Gov. Rick Perry is getting behind Trump.", "Rick Perry"),
        # the subject after a lead and a comma (PolNeAR dev)
        (
            "Railing Against Trump, Sanders Vows To Eliminate Tax Breaks\n\nIf Donald Trump could make money doing it, Sen. Bernie Sanders is against it.",
            "Bernie Sanders",
        ),
        # a word the body capitalises inside a sentence stays in the name
        ("Tom Price Says Obamacare Is Dead\n\nHealth Secretary Tom Price spoke on Monday.", "Tom Price"),
        # a role before the name is no place to cut it
        ("Benghazi Widow Dorothy Woods Defends Her Husband\n\nThe widow of a security officer spoke out.", "Dorothy Woods"),
    ],
)
def test_a_headline_name_ends_before_the_words_prose_writes_in_lower_case(text, speaker):
    assert quotes_of(text)[0].speaker == speaker


def test_title_case_headline_without_a_cue_is_not_a_quote():
    assert quotes_of("The Best Ferry Rides of the Summer in Harbor County.") == []


def test_title_case_headline_with_a_quoted_title():
    q = only("Elena Ruiz Says Harbor Museum Will Tell of ‘Suffering and Delight’")
    assert (q.kind, q.text, q.speaker) == ("partial", "Harbor Museum Will Tell of ‘Suffering and Delight’", "Elena Ruiz")


TRANSCRIPT = (
    "On “Fox News Sunday,” Chris Wallace asked Gov. Mike Pence about the debate.\n\n"
    "Partial transcript as follows:\n\n"
    '"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n'
    '"PENCE: Well, look, this is an episode of “Shark Tank.” It’s serious business.\n\n'
    '"But the truth is that the American people care about the issues.\n\n'
    '"(CROSSTALK.)\n\n'
    '"WALLACE: Governor, I don’t want to interrupt.\n'
)


def test_a_transcript_gives_each_turn_to_its_labelled_speaker():
    """A speaker label in capitals opens each turn; a paragraph with no label goes on with
    the turn before, and a bracketed stage direction is nobody's words."""
    found = [(q.kind, q.speaker, q.text) for q in quotes_of(TRANSCRIPT) if q.cue == ":"]
    assert found == [
        ("direct", "Chris Wallace", "Will Gennifer Flowers be there tomorrow night?"),
        (
            "direct",
            "Mike Pence",
            "Well, look, this is an episode of “Shark Tank.” It’s serious business. … But the truth is that the American people care about the issues.",
        ),
        ("direct", "Chris Wallace", "Governor, I don’t want to interrupt."),
    ]
    assert not any("CROSSTALK" in q.text for q in quotes_of(TRANSCRIPT))


@pytest.mark.parametrize("text", ["CLARIFICATION: An earlier version misstated the date of the vote.", "UPDATE: The council voted on Tuesday."])
def test_a_notice_label_in_capitals_is_no_speaker(text):
    assert [q for q in quotes_of(text) if q.cue == ":"] == []


@pytest.mark.parametrize(
    ("text", "mention", "content"),
    [
        ("Many Democrats are afraid that turnout may be undercut by apathy.", "Many Democrats", "turnout may be undercut by apathy"),
        ("Throughout the debate, Trump was clearly unhappy with the way he was being treated.", "Trump", "with the way he was being treated"),
        ("They aren't sure they've cracked the case.", "They", "they've cracked the case"),
    ],
)
def test_a_stance_told_with_an_adjective(text, mention, content):
    q = only(text, "indirect")
    assert (q.speaker_mention, q.text) == (mention, content)


@pytest.mark.parametrize("text", ["The road is clear now.", "Clinton is sure to win the state.", "It is certain that the vote will be close."])
def test_an_adjective_about_a_thing_or_a_prediction_is_no_stance(text):
    assert not quotes_of(text)


def test_a_stance_in_an_aside():
    q = [q for q in quotes_of("Republicans, concerned about the party's declining appeal to women, have attacked him.") if q.cue == "concerned"]
    assert [(x.speaker_mention, x.text) for x in q] == [("Republicans", "the party's declining appeal to women")]


@pytest.mark.parametrize(
    "text",
    [
        # USA Today's credit line and Western Journal's headline labels (PolNeAR train): the
        # word was the speaker of what followed it
        "Clinton won the state.\n\nContributing: Brittney Bennett and Greg Toppo, USA TODAY.",
        "The list was long.\n\nRevealed: Here Are The Conservatives The Establishment Has Blacklisted For Doing THIS.",
        "The list was long.\n\nRemember: The world also ignored the warnings during the war.",
    ],
)
def test_a_word_before_a_colon_that_prose_writes_in_lower_case_is_no_speaker(text):
    assert not [q for q in quotes_of(text) if q.cue == ":"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The race is close.\n\nPoll: Clinton and Trump in dead heat heading into first debate.", "Poll"),
        ("The race is close.\n\nHistorians: Clinton, Obama linked no matter what.", "Historians"),
        ("Mayor Ana Ruiz spoke on Monday.\n\nRuiz: The bridge will reopen next week.", "Ruiz"),
    ],
)
def test_a_source_or_a_name_before_a_colon_still_speaks(text, mention):
    (q,) = [q for q in quotes_of(text) if q.cue == ":"]
    assert q.speaker_mention == mention
