"""The pass over an article (`search/quotes/extract.py`, with `marks.py` and `sentences.py`):
quotation marks, sentences, paragraphs, pieces of a split quote, a speaker continued over
quotes and paragraphs, quotations with no cue of their own, short quoted phrases, and the
offsets contract. Hand-written sentences, one construction at a time: each test states what a
reader would say the sentence quotes, and who said it."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes_of


@pytest.mark.parametrize(
    "text",
    [
        "“The bridge will reopen in May,” Ruiz said.",
        '"The bridge will reopen in May," said Ruiz.',
        "“The bridge will reopen in May,” Ruiz, the mayor, said.",
        "“The bridge will reopen in May,” Ruiz told reporters on Tuesday.",
    ],
)
def test_quote_then_attribution(text):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("direct", "The bridge will reopen in May,", "Ruiz")


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


@pytest.mark.parametrize(
    "text",
    [
        # a question or exclamation ends the writer's sentence before the attribution
        "“Will we win?” Ruiz asked. “Nobody believed us.”",
        "“We will win!” Ruiz said. “Nobody believed us. Now they do.”",
    ],
)
def test_quote_resumes_after_an_attribution_sentence(text):
    q = only(text)
    assert (q.speaker, len(q.pieces)) == ("Ruiz", 2)
    assert q.text.split(" … ")[1].startswith("Nobody believed us.")


def test_quotation_after_a_partial_quote_goes_on_with_it():
    text = "The answers are “not meeting the demand,” says Paul Rieckhoff, the group's founder. “We are losing friends.”"
    q = only(text)
    assert (q.kind, q.speaker, len(q.pieces)) == ("partial", "Paul Rieckhoff", 2)
    assert q.text == "The answers are “not meeting the demand,” … We are losing friends."


def test_quotation_after_a_reported_clause_stands_alone():
    # the partial quote is inside what she said, not right before the cue: the quotation
    # after it is a new quote (continuing her as speaker)
    found = quotes_of("Ruiz said the plan was “a betrayal” of the city. “We will fight it.”")
    assert [(q.kind, q.speaker) for q in found] == [("partial", "Ruiz"), ("direct", "Ruiz")]


def test_a_sentence_between_quotes_parts_them():
    found = quotes_of("“Will we win?” Ruiz asked. The crowd cheered. “Nobody believed us.”")
    assert [(q.text, q.speaker) for q in found] == [("Will we win?", "Ruiz"), ("Nobody believed us.", "Ruiz")]


@pytest.mark.parametrize("name", ["G.K. Butterfield", "J.R.R. Tolkien"])
def test_joined_initials_are_part_of_the_name(name):
    # the full stops of 'G.K.' neither end the sentence nor cut the name
    q = only(f"“This is a disgusting day,” said Rep. {name}, the head of the caucus. “It will not stand.”")
    assert (q.speaker, q.speaker_description, len(q.pieces)) == (name, "the head of the caucus", 2)


@pytest.mark.parametrize(
    ("text", "content", "pronoun"),
    [
        ("The candidate said no. But he said bullying does not just happen to children.", "bullying does not just happen to children", "he"),
        ("Ruiz thought about it and said no. But she said she would campaign for Hale.", "she would campaign for Hale", "she"),
    ],
)
def test_no_without_a_number_ends_its_sentence(text, content, pronoun):
    # 'no.' is 'No. 2' only before a number: here it ends a sentence, and the next
    # sentence's clause is not glued to the answer
    found = quotes_of(text)
    assert [(q.text, q.speaker_mention) for q in found][-1] == (content, pronoun)
    assert not any("But" in q.text for q in found)


@pytest.mark.parametrize("space", [" ", "\xa0", "\u2009"])
def test_a_quote_resumes_after_any_white_space(space):
    # a straight mark after a no-break (or thin) space opens a quotation as after a space
    text = f'"The police are mistreated," he said.{space}"And if there is an incident, we will deal with it."'
    q = only(text)
    assert len(q.pieces) == 2 and q.text.endswith("we will deal with it.")


def test_a_state_abbreviation_ends_its_sentence_when_written_as_a_word():
    # 'Ill.' is the state only with its capital: 'was ill.' ends the sentence, so 'Aides'
    # opens the next one and is its speaker
    q = only("The senator was ill. Aides said he would return on Monday.")
    assert (q.text, q.speaker_mention) == ("he would return on Monday", "Aides")


def test_a_number_after_no_keeps_the_abbreviation():
    q = only("Ruiz, the No. 2 official at the agency, said the bridge would reopen in May.")
    assert (q.text, q.speaker) == ("the bridge would reopen in May", "Ruiz")


def test_partial_quote_covers_the_reported_clause():
    text = "Elena Ruiz called the delay “a betrayal of the city” on Monday."
    q = only(text)
    assert q.kind == "partial" and q.speaker == "Elena Ruiz"
    assert "“a betrayal of the city”" in q.text


@pytest.mark.parametrize(
    "text",
    [
        "«We are leaving», Ruiz said.",  # guillemets
        "‘We are leaving,’ Ruiz said.",  # curly single
        "'We are leaving,' Ruiz said.",  # straight single
        '“We are leaving," Ruiz said.',  # opens curly, closes straight
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
        '"',
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


def test_doubled_apostrophes_are_quote_marks():
    text = "''We are not finished,'' said Elena Ruiz, the mayor. ''The second phase starts soon.''"
    q = only(text)
    assert (q.kind, q.speaker, len(q.pieces)) == ("direct", "Elena Ruiz", 2)
    assert q.text == "We are not finished, … The second phase starts soon."


@pytest.mark.parametrize(
    "text",
    [
        "“The bridge will reopen in May.” ― Elena Ruiz",
        "“The bridge will reopen in May.”—Elena Ruiz",
        '"The bridge will reopen in May." — Elena Ruiz, Springfield',
        '"The bridge will reopen in May." - Elena Ruiz',
        "”The bridge will reopen in May.” ― Elena Ruiz",  # a closing mark typed for the opening one
    ],
)
def test_dash_attribution_without_verb(text):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("direct", "The bridge will reopen in May.", "Elena Ruiz")


def test_stray_opening_mark_does_not_swallow_a_later_quote():
    text = (
        "The report said the council failed.\n\n"
        '"The council met twice and decided nothing.\n\n'
        "“It never crossed my mind that the bridge would fail,” Elena Ruiz said after the vote."
    )
    found = quotes_of(text)
    last = found[-1]
    assert (last.kind, last.text, last.speaker) == ("direct", "It never crossed my mind that the bridge would fail,", "Elena Ruiz")
    assert last.paragraph == 2 and not last.pieces


def test_quote_over_paragraphs_keeps_its_closing_attribution():
    text = '"We will build it," Ruiz said. "Not next year.\n\n"We will build it now," she said.'
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["Ruiz"] and found[0].text.endswith("We will build it now,")


@pytest.mark.parametrize(
    ("text", "span", "speaker"),
    [
        (
            "Elena Ruiz faulted the council for being “slow, careless and deaf to voters.”",
            "faulted the council for being “slow, careless and deaf to voters.”",
            "Elena Ruiz",
        ),
        (
            'The council imposed new fees as a response to what it saw as "a clear threat to our roads."',
            'The council imposed new fees as a response to what it saw as "a clear threat to our roads."',
            None,
        ),
        (
            "After saying the bridge was “too old to save in any way,” the council closed it.",
            "After saying the bridge was “too old to save in any way,”",
            None,
        ),
    ],
)
def test_long_quotation_without_known_cue_is_partial(text, span, speaker):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("partial", span, speaker)


def test_long_quotation_standing_alone_continues_the_speaker():
    text = "“We will win,” said Elena Ruiz.\n\n“Nobody believed us last year at all.” The council met."
    found = quotes_of(text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Elena Ruiz"), ("direct", "Elena Ruiz")]


@pytest.mark.parametrize(
    "text",
    [
        "The city is a “model of governance” for many.",  # short: a scare quote
        "She read “The Rise and Fall of the Springfield Bridge Authority” last year.",
        "He hosts “The Nightly Show with Larry Wilmore” on weeknights.",
    ],
)
def test_short_phrases_and_titles_are_not_quotations(text):
    assert quotes_of(text) == []


def test_scare_quoted_word_in_reported_clause_makes_it_partial():
    q = only("Ruiz said the rules “lump” the careful drivers with the reckless.")
    assert (q.kind, q.text, q.speaker) == ("partial", "the rules “lump” the careful drivers with the reckless", "Ruiz")


@pytest.mark.parametrize(
    "second",
    [
        "“Where is the money?” Dorsey asked, pointing at the empty lot.",
        "“Where is the money?” asked Dorsey.",
        "“Where is the money?” Dorsey tweeted on Friday.",
        "“Where is the money?” That was how Dorsey put it.",
        "“Where is the money?” Dorsey snapped.",
    ],
)
def test_attribution_in_the_next_sentence(second):
    text = "Councilwoman Mara Lind opened the hearing.\n\nThe lot stood empty for a decade. " + second
    q = only(text, "direct")
    assert (q.text, q.speaker) == ("Where is the money?", "Dorsey")


def test_next_sentence_that_reports_something_is_not_an_attribution():
    text = "Mara Lind opened the hearing.\n\n“Where is the money?” Dorsey said the city had spent it."
    assert all(q.speaker != "Dorsey" or q.kind != "direct" for q in quotes_of(text))


def test_standalone_quotation_after_a_lead_takes_the_lead_subject():
    text = "Paul Okafor praised the deal.\n\nHours later, Greta Voss answered her rival, telling the crowd, “We will not be bought by anyone.”"
    q = only(text, "direct")
    assert q.speaker == "Greta Voss"


def test_as_someone_put_it():
    text = "Tom Brant spoke first.\n\nAs Nadia Pell put it, “Nobody here wanted the plant to close.”"
    assert only(text, "direct").speaker == "Nadia Pell"


def test_person_merely_named_before_is_no_speaker_for_words_in_prose():
    text = "The report was written by Adam Kessler.\n\nThe plan was, in the end, “a tax on everyone who works for a living,” and it failed."
    q = only(text)
    assert q.speaker is None


def test_short_phrase_with_a_person_subject_and_a_verb_is_a_partial_quote():
    text = "Gina Marlow opened her campaign in May.\n\nAt a rally on Friday, Marlow assailed the governor for his “reckless spending.”"
    q = only(text)
    assert q.kind == "partial" and "“reckless spending.”" in q.text and q.speaker == "Gina Marlow"


def test_short_phrase_in_an_adverbial_lead_is_found_with_its_subject():
    text = "Gina Marlow spoke.\n\nIn an interview with a local paper she blasted the press for being “deeply dishonest.”"
    assert only(text).speaker == "Gina Marlow"


@pytest.mark.parametrize(
    "text",
    [
        "The “reform” package passed the Senate on Tuesday.",
        "Gina Marlow spoke.\n\nThe plan, a “bridge to nowhere,” was shelved after the vote.",
        "Gina Marlow spoke.\n\nVoters in the “swing” counties stayed home.",
    ],
)
def test_short_phrase_without_a_person_subject_is_not_a_quote(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    "lead",
    [
        "TURNOUT ROSE IN THE NORTH - Karen Liu: ",
        "Or, as Karen Liu put it: ",
        "Karen Liu was blunt: ",
    ],
)
def test_colon_speaker(lead):
    text = "Karen Liu runs the polling unit.\n\n" + lead + "“The young voters came out in numbers.”"
    q = only(text, "direct")
    assert q.speaker == "Karen Liu"


def test_colon_after_an_opener_has_no_speaker_from_the_opener():
    text = "At the end of the hearing: “The young voters came out in numbers.”"
    assert only(text, "direct").speaker is None


def test_a_nickname_inside_a_name_is_no_quote_and_keeps_the_name_whole():
    q = only('“The harbor is ours,” Marcia "Cia" Price shouted. “We will keep it open.”')
    assert (q.kind, q.speaker, q.text) == ("direct", "Marcia Price", "The harbor is ours, … We will keep it open.")


def test_a_titled_show_before_a_name_is_no_nickname():
    q = only('On "Face the Nation," House Speaker Elena Ruiz said the toll should go.')
    assert q.speaker == "Elena Ruiz" and q.text.endswith("the toll should go")


@pytest.mark.parametrize("title", ["Pres.", "Sec.", "Amb."])
def test_a_dotted_title_does_not_end_the_sentence(title):
    text = f"The candidate said {title} Ruiz’s press conference in Turkey on Monday was a disaster."
    assert [q.text for q in quotes_of(text)] == [f"{title} Ruiz’s press conference in Turkey on Monday was a disaster"]


def test_a_paragraph_announcing_a_quotation_gives_its_speaker_to_the_next_paragraph():
    """'Caddell continued:' then a quoted paragraph, 'Limbaugh added:' then a paragraph with
    no marks at all (a block quotation whose markup was lost): both are that speaker's words."""
    text = (
        "On Monday, the pollster Pat Caddell and the talk host Rush Limbaugh both weighed in.\n\n"
        "Caddell continued:\n\n"
        '"The health issue overall is very much a partisan issue. It is big."\n\n'
        "Limbaugh added:\n\n"
        "And from a supposed front-runner, this reeks of fear. She cannot beat this guy.\n"
    )
    found = [(q.kind, q.speaker, q.text) for q in quotes_of(text)]
    assert found == [
        ("direct", "Pat Caddell", "The health issue overall is very much a partisan issue. It is big."),
        ("direct", "Rush Limbaugh", "And from a supposed front-runner, this reeks of fear. She cannot beat this guy."),
    ]


def test_no_break_spaces_around_the_cue_keep_the_clause_whole():
    found = quotes_of("Her hands were in the air, but\xa0Shelby said\xa0he refused to follow her commands.")
    assert [(q.speaker, q.text) for q in found] == [("Shelby", "he refused to follow her commands")]


def test_no_rule_raises_on_real_news(monkeypatch):
    """Extraction swallows a rule's exception to keep the rest of the article, so a bug
    would only show as paragraphs silently missing: here every PolNeAR dev article (when the
    shared corpus is present) and every seed goes through with exceptions raised."""
    from pathlib import Path

    from search.models import Article
    from search.quotes import extract
    from search.readers.jsonl import read_jsonl
    from search.readers.text import read_text_article

    monkeypatch.setattr(extract, "RAISE_ERRORS", True)
    root = Path(__file__).resolve().parent.parent
    articles = [read_text_article(p, root / "seeds") for p in sorted((root / "seeds").glob("*.txt"))]
    dev = root.parent / "shared" / "corpora" / "polnear" / "dev.jsonl"
    if dev.exists():
        articles += [a for a in read_jsonl(dev) if isinstance(a, Article)]
    assert len(articles) >= (86 if dev.exists() else 2)
    for article in articles:
        extract.extract_quotes(article)


def test_an_opening_mark_inside_an_open_quotation_starts_the_next_one():
    # (guardian.co.tt) the first quotation is never closed; the second opening mark starts
    # another: one direct quotation of two pieces, not a 'partial' holding both marks
    text = (
        "Ronald Walcott said the attack was serious.\n\n"
        "He added, “We have been trying to educate people. Companies need to relook at the risk they are taking. "
        "“Because you need to secure your networks, you need to ensure that all of your critical data is encrypted.”"
    )
    q = only(text, kind="direct")
    assert q.speaker == "Ronald Walcott" and len(q.pieces) == 2 and "“" not in q.text
    assert q.text.endswith("… Because you need to secure your networks, you need to ensure that all of your critical data is encrypted.")


def test_a_one_word_name_the_article_describes_as_a_body_is_one():
    # The New York Times (PolNeAR train): Xinhua was typed a person, and the admiral's later
    # 'he said' went to it
    text = (
        "''Some may say the emphasis is a bit unkind,'' Xinhua, the official Chinese news agency, wrote.\n\n"
        "Teck, a Canadian mining company, says it pays 50 million dollars in carbon taxes."
    )
    found = quotes_of(text)
    assert [(q.speaker, q.speaker_type) for q in found] == [("Xinhua", "organisation"), ("Teck", "organisation")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # Politico (PolNeAR train): a verb the cue list does not hold, and a day after it
        (
            "“If they were serious about this, they would have gone to the only bill that has support,” Toomey fumed on Tuesday. "
            "“That would have been good faith.”",
            "Toomey",
            "fumed",
        ),
        ("“We will throw every monkey wrench we have into the works,” Sen. Pat Toomey fumed in an interview.", "Pat Toomey", "fumed"),
        # The New York Times (PolNeAR train): a quotation ending in a quotation, ''…,''' said NAME
        (
            "''I have this searing memory of sitting at my desk when it appeared on 'Fox and Friends,''' "
            "said Tommy Vietor, a former spokesman, recalling a false report.",
            "Tommy Vietor",
            "said",
        ),
    ],
)
def test_the_name_and_verb_after_a_quotation_are_its_attribution(text, speaker, cue):
    q = next(q for q in quotes_of(text) if q.kind == "direct")
    assert (q.speaker, q.cue) == (speaker, cue)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The New York Times (PolNeAR dev): 'Jorge Castañeda' was a body, 'Mr. Castañeda' another
        ("Jorge Castañeda, a former foreign minister, spoke first.\n\n“We should throw every monkey wrench we have,” Mr. Castañeda said.", "Jorge Castañeda"),
        ("Health writer Hrefna Pálsdóttir weighed in.\n\n“The evidence is mixed,” she wrote in an article.", "Hrefna Pálsdóttir"),
        ("Angela Müller said the evidence was mixed.", "Angela Müller"),
        ("François Hollande spoke in Paris.\n\nHollande said the remarks were sickening.", "François Hollande"),
    ],
)
def test_names_with_accented_letters_are_people_and_whole(text, speaker):
    q = quotes_of(text)[-1]
    assert (q.speaker, q.speaker_type) == (speaker, "person")
