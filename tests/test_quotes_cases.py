"""The extractor on hand-written sentences, one construction of English news attribution at
a time (the cases listed in the issue). Each test states what a reader would say the
sentence quotes, and who said it."""

from __future__ import annotations

import pytest

from search.models import Article, Quote
from search.quotes import extract_quotes
from search.readers.paragraphs import split_paragraphs


def quotes_of(text: str) -> list[Quote]:
    article = Article(id="t", text=text, body=split_paragraphs(text))
    found = extract_quotes(article)
    for q in found:  # the offsets contract: text[start:end] is the first piece
        first = q.pieces[0] if q.pieces else q
        assert text[first.start : first.end] == q.text.split(" … ")[0]
    return found


def only(text: str, kind: str | None = None) -> Quote:
    found = [q for q in quotes_of(text) if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text, q.speaker) for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        '“The bridge will reopen in May,” Ruiz said.',
        '"The bridge will reopen in May," said Ruiz.',
        '“The bridge will reopen in May,” Ruiz, the mayor, said.',
        "“The bridge will reopen in May,” Ruiz told reporters on Tuesday.",
    ],
)
def test_quote_then_attribution(text):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("direct", "The bridge will reopen in May,", "Ruiz")


def test_appositive_is_the_description():
    q = only("“We are not done,” said Elena Ruiz, the mayor of Springfield.")
    assert (q.speaker, q.speaker_description) == ("Elena Ruiz", "the mayor of Springfield")


@pytest.mark.parametrize("text", ['Ruiz was blunt: "The council failed us."', 'Ruiz said: "The council failed us."'])
def test_speaker_first_with_colon_or_verb(text):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("direct", "The council failed us.", "Ruiz")


def test_split_quote_is_one_quote_with_pieces():
    text = "“We tried,” Ruiz said, “but the money never came.”"
    q = only(text)
    assert q.kind == "direct" and len(q.pieces) == 2
    assert q.text == "We tried, … but the money never came."
    assert [text[p.start : p.end] for p in q.pieces] == ["We tried,", "but the money never came."]


def test_several_sentences_in_one_quote():
    q = only("“It failed. We know why. We will fix it,” said Ruiz.")
    assert q.text == "It failed. We know why. We will fix it," and q.speaker == "Ruiz"


def test_quote_running_over_paragraphs():
    text = "Elena Ruiz said: “The first thing is money.\n\n“The second thing is time.\n\n“The third is will.”\n\nThe council met later."
    q = only(text)
    assert q.speaker == "Elena Ruiz" and len(q.pieces) == 3
    assert q.text.endswith("The third is will.")


def test_quote_paragraph_continues_previous_speaker():
    text = "“We will win,” said Elena Ruiz, the mayor.\n\n“Nobody believed us last year.”"
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["Elena Ruiz", "Elena Ruiz"]
    assert found[1].paragraph == 1


def test_second_quote_in_paragraph_continues_speaker():
    found = quotes_of("“We will win,” Ruiz said. “Nobody believed us.”")
    assert len(found) == 1 and found[0].speaker == "Ruiz"
    assert found[0].text == "We will win, … Nobody believed us."


def test_partial_quote_covers_the_reported_clause():
    text = "Elena Ruiz called the delay “a betrayal of the city” on Monday."
    q = only(text)
    assert q.kind == "partial" and q.speaker == "Elena Ruiz"
    assert "“a betrayal of the city”" in q.text


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Ruiz said the bridge would reopen in May.", "the bridge would reopen in May", "Ruiz"),
        ("Ruiz said that the bridge would reopen in May.", "the bridge would reopen in May", "Ruiz"),
        ("The bridge would reopen in May, Ruiz said.", "The bridge would reopen in May", "Ruiz"),
        ("The bridge would reopen in May, said Ruiz.", "The bridge would reopen in May", "Ruiz"),
        ("Ruiz told reporters that the bridge would reopen in May.", "the bridge would reopen in May", "Ruiz"),
    ],
)
def test_indirect_speech(text, content, speaker):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("indirect", content, speaker)


def test_according_to_an_organisation():
    q = only("The bridge will reopen in May, according to the city council.")
    assert q.kind == "indirect" and q.text == "The bridge will reopen in May"
    assert q.speaker_type == "organisation" and q.speaker_mention == "the city council"


def test_pronoun_and_title_resolve_to_full_name():
    text = (
        "Mayor Elena Ruiz spoke first.\n\n“We are ready,” she said.\n\n"
        "“The work starts Monday,” said Ms. Ruiz.\n\n“It is paid for,” Mayor Ruiz added."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Elena Ruiz"] * 3


def test_title_before_name():
    q = only("“Talks went well,” State Department spokeswoman Tammy Bruce told reporters.")
    assert q.speaker == "Tammy Bruce" and q.speaker_description == "State Department spokeswoman"


def test_aside_between_speaker_and_verb():
    q = only("Elena Ruiz, who replaced Tom Hale last year, said the budget was balanced.")
    assert q.speaker == "Elena Ruiz" and q.text == "the budget was balanced"


@pytest.mark.parametrize(
    ("text", "kind", "mention", "speaker_type"),
    [
        ("The bridge is safe, the council said.", "indirect", "the council", "organisation"),
        ("“The bridge is safe,” a spokesman said.", "direct", "a spokesman", "unnamed"),
        ("Officials said the bridge was safe.", "indirect", "Officials", "unnamed"),
    ],
)
def test_organisations_and_unnamed_sources(text, kind, mention, speaker_type):
    q = only(text)
    assert (q.kind, q.speaker_mention, q.speaker_type) == (kind, mention, speaker_type)
    if speaker_type == "unnamed":
        assert q.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "“Prices will fall,” Ruiz wrote on Twitter.",
        "“Prices will fall,” Ruiz tweeted.",
        "“Prices will fall,” Ruiz warned.",
        "“Prices will fall,” Ruiz insisted on Monday.",
        "Ruiz was quoted as saying that prices will fall.",
        "“Prices will fall,” — Ruiz",
    ],
)
def test_wide_cue_vocabulary(text):
    q = only(text)
    assert q.speaker == "Ruiz" and "Prices will fall" in q.text or "prices will fall" in q.text


def test_described_as():
    q = only("Bruce described the talks as “a step forward” for both sides.")
    assert q.kind == "partial" and q.speaker == "Bruce"


@pytest.mark.parametrize(
    "text",
    [
        "«We are leaving», Ruiz said.",  # guillemets
        "‘We are leaving,’ Ruiz said.",  # curly single
        "'We are leaving,' Ruiz said.",  # straight single
        "“We are leaving,\" Ruiz said.",  # opens curly, closes straight
    ],
)
def test_quote_characters(text):
    assert any(q.kind == "direct" and q.speaker == "Ruiz" for q in quotes_of(text))


def test_apostrophes_are_not_marks():
    text = "The players’ union said it’s Russia's turn, and Ruiz's team agreed."
    assert all(q.kind == "indirect" for q in quotes_of(text))


def test_nested_quote_stays_inside():
    q = only("“They called it a ‘reset’ back then,” Ruiz said.")
    assert q.text == "They called it a ‘reset’ back then,"


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “reset” did not last.",
        "She starred in “The Long Night” last year.",
        "Donald “The Donald” Trump arrived late.",
        "The plan was a “win-win” for the city.",
    ],
)
def test_not_quotes(text):
    assert quotes_of(text) == []


def test_short_phrase_in_attributed_clause_is_partial():
    q = only("Lavrov said there could be “no thought” of concessions.")
    assert q.kind == "partial" and q.speaker == "Lavrov" and "“no thought”" in q.text


@pytest.mark.parametrize(
    "text",
    [
        "“Unclosed quote runs on, Ruiz said.\n\nRuiz said the bridge would reopen.",
        "Stray ” closer. Ruiz said the bridge would reopen.",
        "‘ ’ “ ” \" ' « » Ruiz said the bridge would reopen.",
        "",
        "\"",
    ],
)
def test_odd_marks_never_lose_the_article(text):
    found = quotes_of(text)
    if text.strip('"'):
        assert any(q.text == "the bridge would reopen" and q.speaker == "Ruiz" for q in found)


def test_ids_and_offsets():
    text = "Intro line.\n\n“One,” Ruiz said.\n\nRuiz said the second point was money."
    found = quotes_of(text)
    assert [q.id for q in found] == ["t#q1", "t#q2"]
    assert [q.paragraph for q in found] == [1, 2]
