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


def test_doubled_apostrophes_are_quote_marks():
    text = "''We are not finished,'' said Elena Ruiz, the mayor. ''The second phase starts soon.''"
    q = only(text)
    assert (q.kind, q.speaker, len(q.pieces)) == ("direct", "Elena Ruiz", 2)
    assert q.text == "We are not finished, … The second phase starts soon."


def test_scene_setting_clause_before_speaker_is_not_content():
    q = only("Asked about the delay on Monday, Ruiz said, “We ran out of money.”")
    assert (q.kind, q.text, q.speaker) == ("direct", "We ran out of money.", "Ruiz")


def test_nested_belief_is_part_of_what_was_said():
    q = only("Ruiz said she believes the bridge will reopen in May.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "she believes the bridge will reopen in May", "Ruiz")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ruiz said his comments were taken out of context.", "his comments were taken out of context"),
        ("Ruiz said the state's claims about the bridge were false.", "the state's claims about the bridge were false"),
    ],
)
def test_cue_word_as_noun_does_not_cut_the_content(text, content):
    q = only(text)
    assert (q.speaker, q.text) == ("Ruiz", content)


@pytest.mark.parametrize(
    "text",
    [
        "The next two states will test the campaign.",
        "Hale reported from Springfield.",
        "The plans were drawn up by the council.",
    ],
)
def test_nouns_and_bylines_are_not_attributions(text):
    assert quotes_of(text) == []


def test_appositive_after_inverted_cue_is_description_not_content():
    q = only("“It is a good plan,” said Tom Hale, one of the engineers who have worked on the bridge.")
    assert (q.kind, q.text, q.speaker) == ("direct", "It is a good plan,", "Tom Hale")
    assert q.speaker_description == "one of the engineers who have worked on the bridge"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ruiz criticized the council for delaying the vote.", "the council for delaying the vote"),
        ("Ruiz endorsed Tom Hale.", "Tom Hale"),
        ("Ruiz wants to rebuild the bridge by May.", "to rebuild the bridge by May"),
        ("Ruiz called for an inquiry into the collapse.", "an inquiry into the collapse"),
    ],
)
def test_stance_and_intention_verbs_attribute_their_object(text, content):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("indirect", content, "Ruiz")


def test_spoken_stance_verb_after_quote():
    q = only("“We will finish the bridge,” Ruiz vowed.")
    assert (q.kind, q.speaker) == ("direct", "Ruiz")


def test_name_colon_headline():
    q = only("Ruiz: The bridge will reopen in May.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "The bridge will reopen in May", "Ruiz")


def test_pronoun_agrees_with_title():
    text = (
        "Ms. Ruiz and Mr. Hale met on Monday.\n\n"
        "“The money is there,” he said."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Hale"]


@pytest.mark.parametrize(
    "text",
    [
        '"We are proud of you," Ruiz told some of the workers.',
        "''We are proud of you,'' Ms. Ruiz told the Springfield Rotary audience.",
        "“We are proud of you,” Ruiz said several months after the vote.",
    ],
)
def test_quote_then_speaker_with_object_or_adverbial(text):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("direct", "We are proud of you,", "Ruiz")


def test_quote_then_speaker_then_second_piece_after_object():
    q = only('"We tried," Ruiz told the council on Monday, "but the money never came."')
    assert q.kind == "direct" and len(q.pieces) == 2 and q.speaker == "Ruiz"


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
        'The report said the council failed.\n\n'
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


# ---- speakers of quotations without a cue of their own ----------------------------------


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
    text = (
        "Paul Okafor praised the deal.\n\n"
        "Hours later, Greta Voss answered her rival, telling the crowd, “We will not be bought by anyone.”"
    )
    q = only(text, "direct")
    assert q.speaker == "Greta Voss"


def test_as_someone_put_it():
    text = "Tom Brant spoke first.\n\nAs Nadia Pell put it, “Nobody here wanted the plant to close.”"
    assert only(text, "direct").speaker == "Nadia Pell"


def test_parenthetical_party_and_state_is_not_the_speaker():
    text = "Sen. Ted Cruz (R-Tex.), a Republican candidate, said the plan was “a disaster for the country.”"
    q = only(text)
    assert q.speaker == "Ted Cruz"
    q = only("Sen. Rita Hale (D-Md.) on Saturday criticized the accord, saying it goes “nowhere near far enough.”", "partial")
    assert q.speaker == "Rita Hale"


@pytest.mark.parametrize("name", ["Ebeling", "Will"])
def test_names_that_look_like_other_words(name):
    q = only(f"“We live in Chicago,” {name} said.")
    assert q.speaker == name


def test_possessive_aside_is_a_description():
    q = only("“It is long and tiring,” Tina Tchen, Mrs. Obama's chief of staff, said in an interview.")
    assert q.speaker == "Tina Tchen"


def test_participle_with_a_quotation():
    q = only("The two will meet next week, Spicer said, adding, “They need to sit down and talk.”", "direct")
    assert (q.speaker, q.text) == ("Spicer", "They need to sit down and talk.")


def test_person_merely_named_before_is_no_speaker_for_words_in_prose():
    text = (
        "The report was written by Adam Kessler.\n\n"
        "The plan was, in the end, “a tax on everyone who works for a living,” and it failed."
    )
    q = only(text)
    assert q.speaker is None


# ---- short quoted phrases ----------------------------------------------------------------


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


def test_two_cues_of_one_subject_make_two_records():
    text = "Mayor Lena Ortiz said that the budget was “a mess” and added that the council would meet again in June."
    found = quotes_of(text)
    assert [(q.kind, q.speaker) for q in found] == [("partial", "Lena Ortiz"), ("indirect", "Lena Ortiz")]
    assert found[0].text == "the budget was “a mess”"
    assert found[1].text == "the council would meet again in June"


def test_participle_takes_the_subject_past_an_adverbial_lead():
    text = "At a town hall in Ames on Sunday, Mrs. Dana Whitfield took questions, saying the plan would “never work.”"
    q = only(text, "partial")
    assert q.speaker == "Dana Whitfield"


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


def test_verb_coordinated_with_the_subjects_first_verb():
    text = "Rep. Alma Ruiz took the floor on Wednesday and said the bill would “gut the program.”"
    q = only(text, "partial")
    assert (q.speaker, q.text) == ("Alma Ruiz", "the bill would “gut the program.”")


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "“The bridge will reopen,” says Elena Ruiz, editor of the Harbor Gazette, a weekly paper in Springfield.",
            "editor of the Harbor Gazette, a weekly paper in Springfield",
        ),
        ("“The bridge will reopen,” said Elena Ruiz, the mayor, who took office in May.", "the mayor"),
    ],
)
def test_appositive_is_kept_whole_as_the_description(text, description):
    q = only(text)
    assert (q.speaker, q.speaker_description) == ("Elena Ruiz", description)
