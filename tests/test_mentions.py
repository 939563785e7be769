"""What a speaker can look like as written (`search/quotes/mentions.py`): long subjects of
people and what places them, evidence and documents as sources, and clauses that are no
subject."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes_of


def test_a_participle_opening_the_sentence_is_no_speaker():
    text = "Acknowledging that Trump “says a lot of stupid stuff,” though, Allen did suggest that his wealth helps him."
    q = [q for q in quotes_of(text) if q.kind == "partial"][0]
    assert q.speaker == "Allen"


@pytest.mark.parametrize(
    "text, content, mention",
    [
        ("Polling averages show Ruiz with a lead in the low single digits.", "Ruiz with a lead in the low single digits", "Polling averages"),
        ("The study found 31 cases of fraud in the harbor district.", "31 cases of fraud in the harbor district", "The study"),
        ("Families were upset, many of whom say the new tolls are unfair.", "the new tolls are unfair", "many of whom"),
    ],
)
def test_evidence_and_partitive_subjects(text, content, mention):
    q = only(text)
    assert (q.text, q.speaker_mention) == (content, mention)


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("For its part, his company has argued that the contract is valid.", "the contract is valid", "his company"),
        ("Proponents of the new toll say it will pay for the repairs.", "it will pay for the repairs", "Proponents of the new toll"),
        ("The ferry runs late, and owners who say the delays hurt trade want a new schedule.", "the delays hurt trade want a new schedule", "owners"),
    ],
)
def test_common_noun_sources(text, content, mention):
    q = [q for q in quotes_of(text) if q.speaker_mention == mention]
    assert len(q) == 1 and q[0].text == content


def test_a_clause_cut_before_a_learned_cue_is_never_a_speaker():
    """'a speech … that accused European leaders of ignoring …': the words before 'ignoring'
    end in a preposition, so they are no noun phrase and nobody is named 'accused … of'."""
    text = (
        "Trans-Atlantic ties, already battered by a scathing speech by the vice president that accused "
        "European leaders of ignoring the will of their voters, have been strained further this week."
    )
    assert not [q for q in quotes_of(text) if q.speaker_mention and q.speaker_mention.split()[-1] in ("of", "to", "for")]


@pytest.mark.parametrize(
    "text, speaker, said",
    [
        (
            "More than six in 10 said they were not looking forward to the campaign.",
            "More than six in 10",  # the whole share, as PolNeAR marks it (0.12.8 and before: 'six in 10')
            "they were not looking forward to the campaign",
        ),
        ("But hacking specialists say the leaked files might not be genuine.", "hacking specialists", "the leaked files might not be genuine"),
        ("In response, Twitter said it actively investigated the threats.", "Twitter", "it actively investigated the threats"),
        ("Bernie Sanders’ campaign says it raised $21 million in January.", "Bernie Sanders’ campaign", "it raised $21 million in January"),
    ],
)
def test_subjects_of_polls_groups_and_plural_possessives(text, speaker, said):
    q = only(text)
    assert (q.speaker_mention, q.text) == (speaker, said)


def test_a_lower_case_plural_body_is_a_subject_of_its_own_clause():
    text = (
        "Obama emphasized that Burma's reforms were not complete, and human rights groups warned that "
        "the administration was relinquishing critical leverage over the military."
    )
    found = [(q.speaker_mention, q.text) for q in quotes_of(text)]
    assert found == [
        ("Obama", "Burma's reforms were not complete"),
        ("human rights groups", "the administration was relinquishing critical leverage over the military"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Large majorities of Republican primary voters in six states going to the polls on Super Tuesday said they back the ban.",
            "they back the ban",
        ),
        ("One in four voters in the three border states last year said the wall should be built.", "the wall should be built"),
        ("The last man to mount a major third-party presidential race says he doubts Bloomberg will run.", "he doubts Bloomberg will run"),
    ],
)
def test_a_long_subject_of_people_and_what_places_them(text, content):
    q = only(text, "indirect")
    assert q.text == content
    assert q.speaker is None and q.speaker_type == "unnamed"  # 'Super Tuesday', 'New York Times' are no speakers


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the firm declined to address the report specifically but said nothing else.",
        "Clinton’s victory hands her a majority of the state’s 20 pledged delegates, helping solidify her status as the nominee.",
    ],
)
def test_a_long_clause_is_no_subject(text):
    assert not [q for q in quotes_of(text) if q.speaker_mention and len(q.speaker_mention.split()) > 9]


def test_a_subject_opening_with_at_least():
    q = only("But at least a dozen members of Congress told the Post she thinks the House is within reach.", "indirect")
    assert (q.speaker_mention, q.text) == ("at least a dozen members of Congress", "she thinks the House is within reach")


def test_a_long_subject_headed_by_a_document():
    q = only("The GOP’s complaint to the D.C. Court of Appeals’ Board on Professional Responsibility says Mills broke the rules.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "Mills broke the rules", None)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter fraud.", "31 incidents of voter fraud"),
        ("The Real Clear Politics average of polls taken over the past two weeks shows Clinton leading by three.", "Clinton leading by three"),
    ],
)
def test_a_long_subject_headed_by_evidence(text, content):
    q = only(text, "indirect")
    assert (q.text, q.speaker) == (content, None)  # the study speaks, not its author


def test_a_long_subject_with_a_participle_before_its_agent():
    q = only("But a suicide analysis released by the Department of Veterans Affairs last month reveals how swift the current is.")
    # the subject is the analysis, and who released it speaks for it
    assert (q.text, q.speaker, q.speaker_type) == ("how swift the current is", "Department of Veterans Affairs", "organisation")


def test_expressed_concern_with_an_ing_word_opening_the_subject():
    q = only("Voting rights advocates have expressed deep concern about the policy.")
    assert (q.speaker_mention, q.cue, q.text) == ("Voting rights advocates", "expressed", "deep concern about the policy")
    assert not [q for q in quotes_of("The clip spread on social media, making the clip the most widely seen record of the day.") if q.cue == "seen"]


def test_a_long_subject_with_participles_placing_it():
    found = [q for q in quotes_of("Fewer than half of the voters surveyed in a new poll released Monday support Hillary Clinton.") if q.cue == "support"]
    assert [(q.text, q.speaker) for q in found] == [("Hillary Clinton", None)]


def test_a_phrase_ending_in_an_article_is_no_speaker():
    # PolNeAR: "Mr. Pence's ability to navigate a (charged argument …)": 'charged' read as
    # the cue and the words before it as who spoke; a noun phrase never ends in an article
    from search.quotes.mentions import _np_ok

    assert not _np_ok("Mr. Pence's ability to navigate a")
    assert not _np_ok("Given the")
    assert _np_ok("only some") and _np_ok("each")  # a quantifier can stand for people
