"""Who a mention stands for (`search/quotes/coref.py`, `classify`): pronouns and titles
resolved to the full name, 'who' to its antecedent, pairs, organisations and unnamed
sources."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes_of


@pytest.mark.parametrize(
    "text, content, mention",
    [
        ("Then someone asked whether the bridge would reopen.", "whether the bridge would reopen", "someone"),
        ("The test, which state news media claimed now allows the launch of warheads, was the fifth.", "now allows the launch of warheads", "state news media"),
    ],
)
def test_indefinite_and_media_sources(text, content, mention):
    q = only(text)
    assert (q.text, q.speaker_mention, q.speaker_type) == (content, mention, "unnamed")


def test_pronoun_and_title_resolve_to_full_name():
    text = "Mayor Elena Ruiz spoke first.\n\n“We are ready,” she said.\n\n“The work starts Monday,” said Ms. Ruiz.\n\n“It is paid for,” Mayor Ruiz added."
    assert [q.speaker for q in quotes_of(text)] == ["Elena Ruiz"] * 3


def test_title_before_name():
    q = only("“Talks went well,” State Department spokeswoman Tammy Bruce told reporters.")
    assert q.speaker == "Tammy Bruce" and q.speaker_description == "State Department spokeswoman"


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


def test_pronoun_agrees_with_title():
    text = "Ms. Ruiz and Mr. Hale met on Monday.\n\n“The money is there,” he said."
    assert [q.speaker for q in quotes_of(text)] == ["Hale"]


@pytest.mark.parametrize("name", ["Ebeling", "Will"])
def test_names_that_look_like_other_words(name):
    q = only(f"“We live in Chicago,” {name} said.")
    assert q.speaker == name


def test_person_of_a_place_is_the_person():
    q = only("Gov. Elena Ruiz of Maine said the pier was safe.")
    assert (q.text, q.speaker) == ("the pier was safe", "Elena Ruiz")


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ("Senators Elena Ruiz and Tom Hale said the bridge bill was dead.", "Elena Ruiz and Tom Hale", "group"),  # two people
        (
            "United States Citizenship and Immigration Services said the forms had changed.",
            "United States Citizenship and Immigration Services",
            "organisation",
        ),
    ],
)
def test_a_pair_loses_its_plural_title_and_a_body_named_with_and_stays_one(text, speaker, kind):
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, kind)


def test_a_speaker_phrase_that_is_a_clause_names_its_subject():
    """'Ruiz unleashed a series of posts criticizing …': the speaker is Ruiz, not the clause."""
    q = only("Elena Ruiz spoke in May.\n\nRuiz unleashed a series of posts criticizing the toll on the harbor bridge.")
    assert (q.speaker, q.cue) == ("Elena Ruiz", "criticizing")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("A harbor judge said the toll was lawful under state law.", "unnamed"),
        ("Several former port workers said the cranes had been unsafe for years.", "unnamed"),
        ("A majority of voters said the bridge should stay open at night.", "unnamed"),
        ("Small groups of protesters said the toll hurt the poorest families.", "unnamed"),
        ("The Harbor Board said the toll would rise in June.", "organisation"),
    ],
)
def test_described_people_are_unnamed_and_bodies_named_are_organisations(text, kind):
    q = only(text)
    assert q.speaker_type == kind
    assert (q.speaker is None) == (kind == "unnamed")


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ("The New York Times reported that the harbor toll would rise.", "New York Times", "organisation"),
        ("The Democratic front-runner said the harbor toll would rise.", None, "unnamed"),
        ("The party's front-runner and former harbor commissioner said the toll would rise.", None, "unnamed"),
    ],
)
def test_a_place_opening_a_body_stays_in_its_name_and_a_role_with_a_capitalised_word_is_no_body(text, speaker, kind):
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, kind)
    assert q.text.endswith("toll would rise")


def test_who_with_a_year_before_the_cue_stands_for_the_name_before_the_appositive():
    q = only("Obama had a frosty relationship with Mitch McConnell, now the Senate majority leader, who in 2010 said the goal was to beat him.")
    assert (q.speaker, q.text) == ("Mitch McConnell", "the goal was to beat him")


def test_the_post_is_a_message_not_the_paper_last_named():
    # from PolNeAR train's nyt_2016-04-21 ESPN article: a headline, then 'the post'
    text = (
        "ESPN Fires Schilling Over an Offensive Post.\n\n"
        "Schilling drew criticism for sharing a Facebook post this week.\n\n"
        "The post showed an overweight man wearing a wig and women's clothing."
    )
    assert [q.speaker for q in quotes_of(text)] == [None]


def test_two_places_named_together_are_no_people():
    # 'South Carolina and South Dakota this year passed laws …' gave 'Carolina and Dakota'
    from search.quotes.speaker import settle

    text = "South Carolina and South Dakota said this year that almost all abortions after 20 weeks would be barred."
    found = quotes_of(text)
    assert found and found[0].speaker == "South Carolina and South Dakota"
    assert settle(found[0].speaker, found[0].speaker_type, None)[1] == "organisation"


def _by(author: str | None, text: str):
    from search.models import Article
    from search.quotes import extract_quotes
    from search.readers.paragraphs import split_paragraphs

    return extract_quotes(Article(id="t", text=text, author=author, body=split_paragraphs(text)))


# USA Today's column by Glenn Harlan Reynolds: 'I' was 'Atlantic', the name read last
_COLUMN = (
    "The Atlantic ran a piece on trust last week.\n\n"
    "Lately the powers that be seem to be rubbing our noses in their untrustworthiness. This, I predict, will not end well."
)


@pytest.mark.parametrize(
    ("author", "speaker"),
    [
        ("Glenn Harlan Reynolds", "Glenn Harlan Reynolds"),
        ("By NEIL IRWIN", "Neil Irwin"),
        ("Breitbart News", None),  # a body writes no 'I'
        ("Jane Doe and John Roe", None),  # nor do two writers
    ],
)
def test_i_outside_quotation_marks_is_the_one_who_writes(author, speaker):
    (q,) = [q for q in _by(author, _COLUMN) if q.speaker_mention == "I"]
    assert q.speaker == speaker


def test_i_is_not_the_writer_in_an_interview_an_embedded_post_or_after_another_speaker():
    interview = "Laura Bush spoke to us.\n\nQ: Why Afghanistan?\n\nA: Because they needed help, I think. I think American women were shocked."
    assert {q.speaker for q in _by("Susan Page", interview) if q.speaker_mention == "I"} == {"Laura Bush"}
    tweet = 'Donald Trump tweeted on Friday.\n\n<tweet author="realDonaldTrump">I didn’t suggest a database-a reporter did.</tweet>'
    assert "Paige Lavender" not in {q.speaker for q in _by("Paige Lavender", tweet)}
    paraphrase = (
        "In his book, Kevin McKinley suggested asking yourself this: would I rather help my kid go to college or would I prefer to keep buying those things?"
    )
    assert "Ron Lieber" not in {q.speaker for q in _by("Ron Lieber", paraphrase)}


def test_we_outside_quotation_marks_names_no_one():
    # Tom's Hardware: 'we' was the product named last; USA Today's letters page: 'Middle East'
    text = "The card on everyone’s mind right now is the Nvidia GeForce RTX 3080. As we said in our review, it’s both powerful and well priced."
    (q,) = [q for q in quotes_of(text) if q.speaker_mention == "we"]
    assert (q.speaker, q.speaker_type) == (None, "unnamed")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR: the place named the speaker ('Wisconsin' lamented, 'Texas' says)
        ("House Speaker Paul D. Ryan of Wisconsin lamented that the campaign was toxic.", "Paul D. Ryan"),
        ("Democrats in Congress said the bill would pass.", "Democrats"),
        ("The Senator from Texas says he cannot allow Clinton to win.", None),
        ("Many leaders of ethnic communities in the U.S. share these worries, the coalition said.", None),
        ("Economists at the University of California at Berkeley concluded that the top 1 percent gained.", None),
        # a body named with 'of' keeps its place
        ("The University of Texas said the bill would pass.", "University of Texas"),
        ("The Bank of England said rates would rise.", "Bank of England"),
    ],
)
def test_a_place_that_says_where_the_speaker_is_is_not_the_speaker(text, speaker):
    assert quotes_of(text)[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR: the office's first word was taken for a person of a place ('Gov. Kasich of Ohio')
        ("Secretary of State John F. Kerry said the elections were far from perfect.", "John F. Kerry"),
        ("Speaker of the House Rep. Paul Ryan said the images had no place in a campaign.", "Paul Ryan"),
        ("Secretary of Homeland Security Jeh Johnson said the bill would pass.", "Jeh Johnson"),
        ("Secretary of State said the bill would pass.", None),  # the office alone names no one
        # PolNeAR train: an office's words before its first ('Former', 'Deputy') hid the name
        ("Former Secretary of State Madeleine Albright urged voters to look closely.", "Madeleine Albright"),
        ("Deputy Secretary of State Tom Nides chimed in that the review was overdue.", "Tom Nides"),
    ],
)
def test_an_office_named_with_of_before_the_name(text, speaker):
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # USA Today, Politico, the Western Journal: where the person works spoke for them
        ("Phil Musser of digital consulting firm IMGE said the message resonates.", "Phil Musser"),
        ("Stu Rothenberg of the non-partisan Rothenberg-Gonzales Political Report says the showing raises questions.", "Stu Rothenberg"),
        ("Dan McLaughlin at the National Review agreed with Matthews about the winner.", "Dan McLaughlin"),
        # an office or a body opening the phrase is no person
        ("White House Chief of Staff Denis McDonough said the evacuation went well.", "Denis McDonough"),
        ("Analysts at Goldman Sachs said rates would rise.", "Goldman Sachs"),
    ],
)
def test_a_person_named_before_where_they_work_speaks(text, speaker):
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # PolNeAR: the one named after the preposition was the speaker of their aides,
        # lawyers, supporters, spouse and spokespeople
        "A spokesman for Mayor Frank G. Jackson of Cleveland said the shooting had been reviewed.",
        "A representative for Mr. Pinchuk said the meeting never took place.",
        "Aides to Mr. Sanders said he would stay in the race.",
        "Supporters of Sanders argue that he would be the stronger nominee.",
        "Attorneys for Clinton said the emails were never classified.",
        "One of the former prosecutors for David Petraeus said the deal was fair.",
        "People close to Clinton say she has no plans to step aside.",
        # the variety set: a spokesperson for a body is unnamed, as written
        "A spokesperson for OpenAI said the figures were estimates.",
        "The widow of John Smith told reporters the family was relieved.",
        "A cousin of Ms. Clinton said she was tired.",
    ],
)
def test_someone_close_to_the_one_named_speaks_not_the_one_named(text):
    q = only(text)
    assert (q.speaker, q.speaker_type) == (None, "unnamed")
    assert q.speaker_mention == text[: text.index(q.cue or "said")].rstrip()


@pytest.mark.parametrize(
    "text",
    [
        # PolNeAR train: the outlet the words were given to was their speaker
        "Another intelligence source speaking to Fox News said the attack had been planned for weeks.",
        "The president told her it was not that simple, according to an account she gave to The Washington Free Beacon.",
        "Bannon wanted the review stopped, according to audio provided to The Times.",
        "Advisers to Patriot know the company's hedge funds will want a deal.",
    ],
)
def test_whom_the_words_were_given_to_is_not_their_speaker(text):
    q = quotes_of(text)[0]
    assert q.speaker is None and q.speaker_type == "unnamed"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an office's words before the name, not people tied to someone
        ("Acting U.S. Attorney for the District of Massachusetts Joshua Levy said the man was charged.", "Joshua Levy"),
        ("A report for Oxfam found that the gap had widened.", "Oxfam"),  # a document is its author's
    ],
)
def test_an_office_or_a_document_before_a_preposition_keeps_the_name(text, speaker):
    assert quotes_of(text)[0].speaker == speaker


def test_a_first_name_alone_before_the_article_shows_it_a_person_is_a_mention():
    # CNN (variety dev): 'Harry' was no mention until 'Harry said' came later, so 'he' went
    # past him to 'Oprah Winfrey' (a first name no list holds)
    text = (
        "Meghan spoke to Oprah Winfrey about her time as a royal.\n\n"
        "She told Harry about the ordeal, Meghan said. “I can’t be left alone,” she remembered telling Harry, after he suggested she stay home.\n\n"
        "“I wasn’t prepared for that,” Harry said."
    )
    (q,) = [q for q in quotes_of(text) if q.text == "she stay home"]
    assert q.speaker == "Harry"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR: 'who' stood for the place that ended the name before it (Vermont opposed, Texas threatened)
        ("But one naysayer remained - Senator Bernie Sanders of Vermont, who had opposed a similar effort in 2007.", "Bernie Sanders"),
        ("Sen. Tom Udall of New Mexico, who supports eliminating half the superdelegates, spoke first.", "Tom Udall"),
        ("He met McConnell, now the Senate majority leader, who said the bill was bad.", "McConnell"),
    ],
)
def test_who_after_a_name_and_its_place_stands_for_the_name(text, speaker):
    assert quotes_of(text)[0].speaker == speaker


def test_an_interview_is_told_by_its_questions_to_you():
    from search.quotes.writer import writer_of

    interview = "Pamela Shaddock runs the shop.\nWhat type of hair did you go for at the time?\nIt was hard.\nDo you have any plans to expand?\nWe do."
    assert writer_of("Kayla Greaves", interview) is None
    assert writer_of("Kayla Greaves", "Do you remember the flood?\nIt came at night, and I argue it will come again.") == "Kayla Greaves"
    assert writer_of("Kayla Greaves", "you " * 50_000) == "Kayla Greaves"  # one long line, no question


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR (NYT, Washington Post) and the Guardian (Trinidad): 'the statement' named no one
        ("Days later, the Holocaust Museum issued a statement of concern about refugees. The statement urged leaders to welcome them.", "Holocaust Museum"),
        ("In a statement, Mayor Jane Ruiz said the bridge would close. The statement also said the ferry would run.", "Jane Ruiz"),
        (
            "Massy Stores closed its branches. The company confirmed in a statement that sales had stopped.\n\n"
            "Later in the day, another release confirmed a cyber attack led to the difficulties.",
            "Massy Stores",
        ),
        ("The statement said the ferry would run.", None),  # no issuer named: no one
    ],
)
def test_a_statement_speaks_for_whoever_issued_it(text, speaker):
    assert quotes_of(text)[-1].speaker == speaker


def test_who_after_people_on_a_hill_is_the_people():
    # (PolNeAR) 'Capitol Hill' only says where the Democrats are
    q = only("The change is likely to placate nervous Democrats on Capitol Hill, who have argued that it helps down-ballot candidates.")
    assert q.speaker == "Democrats" and q.text.startswith("it helps down-ballot")


def test_a_sentence_opening_with_a_count_of_people():
    # (PolNeAR) 'One employee …, saying …': the subject is the employee, not 'One'
    q = only("One employee who had worked there for years declined to donate, saying it would be a bad career move.")
    assert q.speaker_mention == "One employee"


def test_supporters_of_a_person_are_not_the_person():
    # (PolNeAR) 'Trump supporters …, calling him "leftist scum"' was Donald Trump's
    text = "Donald Trump spoke in Chicago.\n\nTrump supporters at the rally taunted the protester, calling him “leftist scum,” as he left."
    assert [(q.speaker, q.speaker_mention) for q in quotes_of(text)] == [(None, "Trump supporters")]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ('Andrew Hartley was jailed.\n\nThe court previously heard Hartley admit to "forgetting" to secure the boiler.', "Andrew Hartley", "Hartley"),
        ("Voters who saw Trump said he was tired.", None, "Voters"),
    ],
)
def test_who_was_heard_speaks_not_who_heard(text, speaker, mention):
    # (telegraph.co.uk) a verb of perceiving, then the one perceived and what they said
    q = next(q for q in quotes_of(text) if q.kind != "direct")
    assert (q.speaker, q.speaker_mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ("Sen. Claire McCaskill (D-Mo.) endorsed Clinton on Friday.", "Claire McCaskill", "Sen. Claire McCaskill"),
        (
            "Senate Majority Leader Mitch McConnell (R-Ky.) issued a statement saying the Senate should not confirm a replacement.",
            "Mitch McConnell",
            "Senate Majority Leader Mitch McConnell",
        ),
        ("Gov. John Kasich (R-OH), said the state would vote.", "John Kasich", "Gov. John Kasich"),
    ],
)
def test_a_party_label_after_a_name_is_no_part_of_the_speaker(text, speaker, mention):
    # (PolNeAR) 'D-Mo.' and 'R-Ky.) issued a statement' were the speakers as written
    q = only(text)
    assert (q.speaker, q.speaker_mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The Telegraph (variety dev): 'He' went past the father to the lawyer who spoke last
        (
            "Michael Fitton, defending, said Hartley had 20 years of experience in the gas industry.\n"
            "Zoe's family – including father-of-three Chris and mother Lucy Evans, an artist – were not present in court.\n"
            "Chris Anderson, who quit Future Publishing in 2001 and now runs organisation TED, had taken to the witness box.\n"
            "He proudly told the jury how his eldest daughter had been days away from flying out to New York.",
            "Chris Anderson",
        ),
        # the AP (PolNeAR dev): 'He said:' after a sentence about Trump, not Clinton who spoke before
        (
            "Politifact did a fact-check on Donald Trump’s claim about Chicago.\n\n"
            "The transcript shows that Clinton talked about criminal justice reform and passing more gun control. "
            "Trump responded by using the example of Chicago to prove that gun control is not the solution.\n\n"
            'He said:\n\n"We have a situation where we have our inner cities, African-Americans, Hispanics are living in hell."',
            "Donald Trump",
        ),
        # and '“…,” she said', right after its quotation, when the article knows the person's sex
        # USA Today (PolNeAR train): '“…,” she said' after a sentence about Ashley Yago went to the
        # woman quoted before her
        (
            'Melissa Roloson supports Hillary Clinton. "I\'m a college graduate, but I have student loans."\n\n'
            "Ashley Yago, 33, a supporter of Republican Donald Trump, finds herself in a similar retail job.\n\n"
            "\"I've had two grants, but I'm still hung up with schools and have loans,\" she said.",
            "Ashley Yago",
        ),
        # The Washington Post (PolNeAR train): 'Jolly, who was elected …, doesn't see …' then '“…,” he said'
        (
            "David Jolly and Ron DeSantis are against abolishing the department. DeSantis said it was antiquated.\n\n"
            "Jolly, who was elected to Congress in 2014, doesn’t see the department’s role as antiquated.\n\n"
            "“There are communities around the country that require some oversight,” he said.",
            "David Jolly",
        ),
    ],
)
def test_he_opening_a_sentence_or_after_its_quotation_is_the_subject_of_the_sentence_before(text, speaker):
    assert quotes_of(text)[-1].speaker == speaker


def test_a_name_alone_on_a_line_is_no_subject_a_he_goes_on_about():
    # PolNeAR train: readers' letters signed 'David Groner.' — the 'He' after it is the one
    # the letter is about
    text = "Donald Trump said he would visit Mexico.\n\nDavid Groner.\n\nHe said he did not need to meet with a Mexican president."
    assert quotes_of(text)[-1].speaker == "Donald Trump"


def test_a_sentence_that_is_someone_elses_words_gives_no_subject():
    # the Houston Chronicle (PolNeAR train): '…, Stovall said.' — the 'He' quoted after it is Cruz,
    # spoken of by Stovall, who goes on speaking
    text = (
        "Robert Stovall organised the events. Ted Cruz electrified the small crowds with impassioned speeches, Stovall said.\n\n"
        '"He was very articulate, smart, well-spoken," he said.'
    )
    assert quotes_of(text)[-1].speaker == "Robert Stovall"


def test_people_the_article_names_are_no_body_however_their_names_read():
    # FiveThirtyEight (a saved page): 'Bloomberg' is also a company's name, and the pair was
    # typed a body under its short names
    text = "Michael Bloomberg spent heavily, as did Tom Steyer.\n\nStill, Bloomberg and Steyer regret not competing harder in the first two states."
    q = only(text)
    assert (q.speaker, q.speaker_type) == ("Michael Bloomberg and Tom Steyer", "group")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Thatcher was replaced by John Major in 1990.\n\nMajor said the party would win again.", "John Major"),
        ("Health Secretary Tom Price spoke on Monday.\n\nPrice said the plan would cut costs.", "Tom Price"),
    ],
)
def test_surname_that_is_an_ordinary_word_opening_a_sentence(text, speaker):
    # 'Major' and 'Price' are ordinary words too; after the full name they are the person
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_ordinary_opening_word_is_not_a_surname_of_a_stopword():
    # 'Murdoch In' (a headline's run) must not make a sentence's 'In' a person
    text = "With Ailes Out, and Murdoch In, What Next?\n\nIn an essay, James Murdoch wrote that science was united."
    assert [q.speaker for q in quotes_of(text)] == ["James Murdoch"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Department of Justice said the case was closed.", "Department of Justice"),
        ("The Office of the Governor said the roads would reopen.", "Office of the Governor"),
        ("Citizens for Tax Justice said the plan would stop tax inversions.", "Citizens for Tax Justice"),
        ("Reporters Without Borders said the journalist had been detained.", "Reporters Without Borders"),
        ("Physicians for Human Rights said the hospital had been hit.", "Physicians for Human Rights"),
    ],
)
def test_bodies_named_with_an_office_or_a_cause(text, speaker):
    # not cut to 'Borders' or 'Human Rights', nor taken for a title without its name ('Justice')
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, "organisation")


@pytest.mark.parametrize(
    "text",
    [
        "Attorneys for Hillary Clinton said her account was private.",
        "Executives for Mondelez say the company will save money.",
    ],
)
def test_people_working_for_someone_are_no_body(text):
    q = only(text)
    assert (q.speaker, q.speaker_type) == (None, "unnamed")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sales rose 9%, according to data from the Textile Ministry.", "Textile Ministry"),
        ("Memory declined more slowly, according to a study of more than 78,000 adults published in the journal Neurology.", "Neurology"),
    ],
)
def test_data_and_studies_speak_for_who_issued_them(text, speaker):
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, "organisation")


def test_a_title_after_the_is_no_person_for_a_later_pronoun():
    text = (
        "The film stars Adaeze Nwosu.\n\nThe Long Winter opens in UK cinemas on 14 November. "
        'Asked whether she was thinking about another Oscar, Nwosu laughed. "I\'m just thinking about getting some sleep," she said.'
    )
    assert [q.speaker for q in quotes_of(text) if q.cue == "said"] == ["Adaeze Nwosu"]


def test_the_ones_ordered_are_not_the_speakers():
    assert [q.speaker_mention for q in quotes_of("Thousands of residents have been ordered to evacuate their homes.")] in ([], [None])


def test_the_company_described_is_the_firm_the_story_is_about():
    text = (
        "Shares in Nuvira Systems fell 11% after the software company reported slower growth in its cloud business.\n\n"
        "The San Jose-based company said revenue rose 14% to $4.82 billion. Nuvira's cloud revenue grew 22%.\n\n"
        '"They want proof that AI drives sales," said Deepak Malhotra, an analyst at Rowe & Faircloth.\n\n'
        "Another analyst, Sarah Lindqvist of Brightwater Capital, was more optimistic. "
        '"This is a business with very sticky revenue and a strong balance sheet," Lindqvist said. '
        '"Short-term margin pressure is the price of staying relevant in this market."\n\n'
        "The company also announced it would cut about 1,200 jobs."
    )
    said = [(q.speaker, q.cue) for q in quotes_of(text) if q.speaker_type == "organisation"]
    assert said == [("Nuvira Systems", "reported"), ("Nuvira Systems", "said"), ("Nuvira Systems", "announced")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The drug is South Korean biotech company Hanbit Therapeutics's. It slowed the disease, the company said on Monday.", "Hanbit Therapeutics"),
        ('The striker joined Portuguese club Benfica on Thursday. "We are delighted," the club said in a statement.', "Benfica"),
    ],
)
def test_a_body_the_article_calls_a_firm_before_naming_it(text, speaker):
    assert [(q.speaker, q.speaker_type) for q in quotes_of(text)] == [(speaker, "organisation")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Chief Inspector Laura Whitfield led the inquiry. Ms Whitfield said extra patrols would continue.", "Laura Whitfield"),
        ("Cllr Declan Fahy said the plan was rushed.", "Declan Fahy"),
        ("Trade and Industry Minister Piyush Goyal told reporters the deal was close.", "Piyush Goyal"),
    ],
)
def test_offices_before_a_name(text, speaker):
    # police ranks and 'Cllr' are titles; an office whose name holds an 'and' is no pair ('Trade and Piyush Goyal')
    assert [q.speaker for q in quotes_of(text) if q.cue in ("said", "told")] == [speaker]


def test_a_police_appeals_reference_is_no_quotation():
    assert quotes_of("Anyone with information is asked to call 101, quoting incident 478 of 12 July.") == []


def test_a_firm_described_after_its_name_is_the_company():
    text = (
        "Exxon Mobil fell 1.4 percent after its results.\n\n"
        "Alphabet, the parent company of Google, jumped 3.3 percent. The company reported earnings of $8.42 a share."
    )
    assert [(q.speaker, q.speaker_type) for q in quotes_of(text)] == [("Alphabet", "organisation")]


@pytest.mark.parametrize(
    "text",
    [
        "The chairman of the Federal Reserve said inflation was easing.",
        "The president of Microsoft said the deal would close soon.",
        "The coach of the Lakers said his players were exhausted.",
        "The Duke of Sussex said he was saddened.",
        "The Secretary of State said the talks had failed.",
        "The British Labour Party's chancellor of the Exchequer said that cuts would be deeper.",
        "The chief executive of Tesla said demand was strong.",
        # ten words: a long subject, headed by an office (was no quote at all)
        "The president of the Federal Reserve Bank of New York said rates would stay high.",
    ],
)
def test_the_holder_of_an_office_speaks_not_the_body_or_place(text):
    # was 'Federal Reserve', 'Microsoft' (a person), 'Lakers', 'Sussex', 'Secretary of
    # State', 'Exchequer': no one named speaks, not the body the office belongs to
    q = only(text)
    assert (q.speaker, q.speaker_type) == (None, "unnamed")


def test_the_holder_of_an_office_is_the_person_given_it():
    text = "Jerome Powell, the chairman of the Federal Reserve, spoke on Monday. Later, the chairman of the Federal Reserve said rates would hold."
    assert (only(text).speaker, only(text).speaker_type) == ("Jerome Powell", "person")


def test_a_spokesman_for_a_body_still_speaks_for_it():
    assert only("A spokesman for the Pentagon said the drills were routine.").speaker == "Pentagon"


def test_a_surname_that_is_a_first_name_gives_no_gender_over_the_first_name():
    # 'Mitchell' is a man's first name; 'Karen' one of either gender in the name list: she
    # was taken for a man, and her 'She' went to the other woman
    text = (
        "Superintendent Karen Mitchell presented the plan. Board member Linda Fortier asked for a delay.\n\n"
        "Mitchell said after the meeting that she was not discouraged by the delay. She said the administration would hold two forums."
    )
    assert [q.speaker for q in quotes_of(text)][-2:] == ["Karen Mitchell", "Karen Mitchell"]


def test_she_after_an_unnamed_spokeswoman_is_the_spokeswoman():
    # was 'Ben Wood', the analyst named before her
    text = (
        "Ben Wood, an analyst at CCS Insight, said demand was weak. A spokeswoman for Samsung said the phones were selling well. "
        "“Our engineers are refining the experience,” she said."
    )
    assert [(q.speaker, q.speaker_type) for q in quotes_of(text)][-1] == (None, "unnamed")


def test_he_after_a_spokeswoman_is_still_the_man_named():
    text = "Ben Wood, an analyst at CCS Insight, said demand was weak. A spokeswoman for Samsung said the phones sold well. “It is early days,” he said."
    assert quotes_of(text)[-1].speaker == "Ben Wood"


def test_a_rep_for_someone_is_not_that_one():
    q = only("A rep for Tommy, 25, said the boxer was devastated.")  # was 'Tommy'
    assert (q.speaker, q.speaker_type) == (None, "unnamed")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Economists at the Peterson Institute for International Economics have estimated that such tariffs would cost $1,700 a year.",
            "Peterson Institute for International Economics",
        ),
        ("Researchers at the Center for American Progress said the plan would fail.", "Center for American Progress"),
    ],
)
def test_people_at_a_body_named_with_for_speak_for_all_of_it(text, body):
    # were 'International Economics', 'American Progress': half the body's name
    q = only(text)
    assert (q.speaker, q.speaker_type) == (body, "organisation")


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        ("Chancellor of the Exchequer Rachel Reeves said the budget was fair.", "Rachel Reeves", "Chancellor of the Exchequer"),
        ("Missouri Secretary of State Jason Kander announced that turnout was a record.", "Jason Kander", "Missouri Secretary of State"),
        ("White House Chief of Staff Denis McDonough praised Kennedy for his role.", "Denis McDonough", "White House Chief of Staff"),
    ],
)
def test_an_office_and_what_it_is_of_then_the_holder(text, speaker, description):
    # were a body 'Rachel Reeves', no one ('Missouri Secretary of State Jason Kander'), or
    # a name read from the office's last word on ('Staff Denis McDonough')
    q = only(text)
    assert (q.speaker, q.speaker_type, q.speaker_description) == (speaker, "person", description)


def test_she_after_an_office_holder_named_with_the_office():
    text = "Chancellor of the Exchequer Rachel Reeves has defended the budget. She told lawmakers that she was confident of growth."
    assert quotes_of(text)[-1].speaker == "Rachel Reeves"  # was no one: the article had named no person


def test_the_leader_qualified_by_a_people_is_the_one_named_so():
    # 'The Turkish leader' was no one, and the 'he' after it went to Vladimir Putin
    text = (
        "Turkish President Recep Tayyip Erdogan said on Monday that his country was ready to host talks.\n\n"
        "The Turkish leader said he had spoken by phone with Russian President Vladimir Putin, though he cautioned that any summit was far off."
    )
    assert [q.speaker for q in quotes_of(text)][1:] == ["Recep Tayyip Erdogan"] * 2


def test_a_qualified_role_is_never_someone_named_without_the_qualifier():
    # the senator named last is from Iowa: 'The Florida senator' is not her
    text = (
        "Florida Sen. Marco Rubio spoke in Ankeny on Monday. He appeared with Sen. Joni Ernst, R-Iowa.\n\n"
        "The Florida senator told reporters he felt good about his campaign."
    )
    assert quotes_of(text)[-1].speaker == "Marco Rubio"
    alone = "Sen. Joni Ernst, R-Iowa, spoke on Monday.\n\nThe Florida senator told reporters he felt good about his campaign."
    assert quotes_of(alone)[-1].speaker is None


def test_the_company_is_no_venue():
    text = (
        "Samsung Electronics unveiled its phones at the SAP Center in San Jose on Wednesday.\n\n"
        "TM Roh said the devices would use a Qualcomm chip, which the company said delivers a 40% improvement."
    )
    assert quotes_of(text)[-1].speaker != "SAP Center"  # was 'SAP Center'


@pytest.mark.parametrize(
    "text",
    [
        "“We gave away too many cheap free-kicks,” the Brazilian told the club's media.",
        "Harbor Logistics shares fell 11% on Tuesday. CEO says 'bottom is near'.",
    ],
)
def test_one_of_a_people_or_an_office_in_initials_is_no_ones_name(text):
    # were the bodies 'Brazilian' and 'CEO'
    assert quotes_of(text)[-1].speaker is None


def test_a_nationality_the_article_knows_as_a_surname_is_still_the_person():
    text = "Billionaire Mark Cuban spoke on Sunday.\n\n“It's too early to tell,” Cuban said."
    assert quotes_of(text)[-1].speaker == "Mark Cuban"


def test_an_office_in_a_place_is_not_the_place():
    text = "Congress leader Rahul Gandhi spoke in Bhagalpur.\n\nThe Leader of Opposition in the Lok Sabha alleged that paper leaks had become routine."
    assert quotes_of(text)[-1].speaker != "Lok Sabha"  # was 'Lok Sabha'


def test_the_office_in_capitals_is_the_one_given_it():
    text = "Prime Minister Anthony Albanese spoke in Canberra on Monday.\n\nThe Prime Minister said the fund was working."
    q = quotes_of(text)[-1]
    assert (q.speaker, q.speaker_type) == ("Anthony Albanese", "person")  # was no one; 'the prime minister' was Albanese


def test_data_released_by_a_body_opening_a_sentence_is_the_bodys():
    q = only("Data released by the Australian Bureau of Statistics on Tuesday showed dwelling approvals dropped 2.4 per cent.")
    assert (q.speaker, q.speaker_type) == ("Australian Bureau of Statistics", "organisation")  # was 'Statistics', a person


def test_a_body_opening_a_sentence_whose_first_word_is_an_ordinary_one():
    # 'Amnesty' is a word in lower case, so 'Amnesty International said' was 'International',
    # then the other body of that word; the article also writes the name inside a sentence
    text = (
        "The International Crisis Group warned of more violence.\n\n"
        "Amnesty International said Nigerian authorities had failed to protect rural communities.\n\n"
        "“The government must end this,” said Isa Sanusi, director of Amnesty International Nigeria."
    )
    assert quotes_of(text)[1].speaker == "Amnesty International"


@pytest.mark.parametrize("people", ["Nurses", "Shoppers", "Refugees", "Volunteers"])
def test_people_named_by_a_plural_noun_are_unnamed(people):
    # 'Nurses said …' gave the person 'Nurses': a word no name list holds, opening a sentence
    q = only(f"{people} said the shifts were exhausting.")
    assert (q.speaker, q.speaker_type, q.speaker_mention) == (None, "unnamed", people)
