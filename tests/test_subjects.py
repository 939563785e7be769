"""Clause subjects (`search/quotes/subjects.py`): the speaker before a cue past auxiliaries,
times and asides in commas or dashes; a role then a name in commas; the sentence subject a
participle takes."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes_of

from search.quotes.subjects import main_subject


def test_a_name_with_its_party_and_a_stray_comma_after_a_scene():
    # the asides before the name set the scene; the place in them ('Berea, OH') is no speaker
    q = only(
        "Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the primary, "
        "Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”"
    )
    assert (q.kind, q.speaker) == ("direct", "John Kasich")


def test_a_scene_in_commas_then_a_name_and_its_role():
    q = only(
        "At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the club's president, "
        "suggested that the troubles of his competitors came from poor management."
    )
    assert (q.speaker, q.speaker_description) == ("Jay DiPietro", "the club's president")
    assert q.text == "the troubles of his competitors came from poor management"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Clinton testified, and Sen. Ron Johnson (R-Wis.) kept asking her why the department had changed its story.", "Ron Johnson"),
        ("Trump keeps saying that the election is rigged.", "Trump"),
    ],
)
def test_kept_before_a_cue_goes_on_with_it(text, speaker):
    q = [q for q in quotes_of(text) if q.cue in ("asking", "saying")][0]
    assert q.speaker == speaker


def test_a_participle_after_a_dateline_takes_the_sentence_subject():
    q = only("WASHINGTON (AP) — Democrat Hillary Clinton has taken a swipe at Donald Trump, saying that his response shows poor judgment.")
    assert (q.speaker, q.text) == ("Hillary Clinton", "his response shows poor judgment")


def test_a_dateline_is_no_speaker():
    q = only("WASHINGTON — The campaign released an ad featuring voters, criticizing the plan as cruel.")
    assert q.speaker is None and q.speaker_mention != "WASHINGTON"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The staff spoke after Chairman Trey Gowdy (R-S.C.) earlier in the day touted the report as definitive.", "Trey Gowdy"),
        ("Elena Ruiz later that week said the bridge would reopen in May.", "Elena Ruiz"),
    ],
)
def test_a_time_of_day_between_subject_and_cue(text, speaker):
    q = only(text)
    assert q.speaker == speaker


def test_a_participle_after_a_copula_takes_its_subject():
    q = only("The day before, at a rally in Beaumont, Tex., Mr. Trump was just as blunt, claiming that the system was rigged.")
    assert (q.speaker, q.text) == ("Trump", "the system was rigged")


def test_a_participle_takes_a_subject_with_its_role_before_the_name():
    q = only("Republican presidential candidate Donald Trump quickly took to Twitter, writing that the decision was a disgrace.")
    assert (q.speaker, q.speaker_description, q.cue) == ("Donald Trump", "Republican presidential candidate", "writing")


@pytest.mark.parametrize(
    "text, mention",
    [
        # an 'and' inside the subject joins what qualifies the people before it
        ("Experts on North Korea and nuclear arms said the test could change that.", "Experts on North Korea and nuclear arms"),
        ("Observers in Virginia and around the country say Scott deserves the seat.", "Observers in Virginia and around the country"),
        # a verb after 'and' shares the subject of the clause before it
        ("The council met on Monday and said the bridge would reopen.", "The council"),
        ("A reporter spotted Stein and her aide and reported her presence on Twitter.", "A reporter"),
    ],
)
def test_and_in_or_after_the_subject(text, mention):
    q = only(text)
    assert q.speaker_mention == mention


def test_aside_between_speaker_and_verb():
    q = only("Elena Ruiz, who replaced Tom Hale last year, said the budget was balanced.")
    assert q.speaker == "Elena Ruiz" and q.text == "the budget was balanced"


def test_parenthetical_party_and_state_is_not_the_speaker():
    text = "Sen. Ted Cruz (R-Tex.), a Republican candidate, said the plan was “a disaster for the country.”"
    q = only(text)
    assert q.speaker == "Ted Cruz"
    q = only("Sen. Rita Hale (D-Md.) on Saturday criticized the accord, saying it goes “nowhere near far enough.”", "partial")
    assert q.speaker == "Rita Hale"
    q = only("Sens. Dana Lowe (Ky.) and Rita Hale (Fla.) on Saturday said the accord was a mistake.")
    assert q.speaker == "Dana Lowe and Rita Hale"


def test_possessive_aside_is_a_description():
    q = only("“It is long and tiring,” Tina Tchen, Mrs. Obama's chief of staff, said in an interview.")
    assert q.speaker == "Tina Tchen"


def test_participle_takes_the_subject_past_an_adverbial_lead():
    text = "At a town hall in Ames on Sunday, Mrs. Dana Whitfield took questions, saying the plan would “never work.”"
    q = only(text, "partial")
    assert q.speaker == "Dana Whitfield"


def test_role_then_name_in_commas_speaks():
    q = only("A harbor spokesman, Tomas Reyes, said on Friday that the pier would reopen in June.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "the pier would reopen in June", "Tomas Reyes")
    assert q.speaker_description == "A harbor spokesman"


def test_name_then_possessive_role_in_commas_speaks():
    q = only("Nadia Okafor, Friends of the Pier's chief engineer, said the pilings had rotted.")
    assert (q.text, q.speaker, q.speaker_description) == ("the pilings had rotted", "Nadia Okafor", "Friends of the Pier's chief engineer")


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("The pier will reopen in May, longtime rival says.", "The pier will reopen in May", "longtime rival"),
        ("Residents who have lived near the pier for years say the noise is unbearable.", "the noise is unbearable", "Residents"),
        ("The Gazette reported it sold 40,000 copies in a week.", "it sold 40,000 copies in a week", "The Gazette"),
        ("The Gazette reported at least six ferries were delayed.", "at least six ferries were delayed", "The Gazette"),
        ("It was never about money, her aides argued on Tuesday; the pier was the point.", "It was never about money", "her aides"),
    ],
)
def test_more_subjects_and_clauses(text, content, mention):
    q = [q for q in quotes_of(text) if q.speaker_mention == mention]
    assert len(q) == 1 and q[0].text == content


@pytest.mark.parametrize(
    "text, speaker, kind",
    [
        ("Britain and Sweden have suggested they would send troops to keep the peace.", "Britain and Sweden", "organisation"),
        ("Elena Ruiz met Tom Hale in May.\n\nRuiz and Hale said the bridge would close in June.", "Elena Ruiz and Tom Hale", "group"),
    ],
)
def test_two_names_joined_by_and_are_one_subject(text, speaker, kind):
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, kind)


def test_a_name_after_and_in_another_clause_speaks_alone():
    q = only("The talks went badly in Iowa and Ruiz said the bridge would close.")
    assert q.speaker == "Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "“The harbor is ours,” the mayor's niece, state Del. Marcia Price (D-Harbor), shouted to the crowd.",
        "“The harbor is ours,” a Harbor Board spokeswoman, Marcia Price, said.",
    ],
)
def test_a_role_then_a_name_in_commas_after_a_quote_gives_the_name_and_no_role_in_the_quote(text):
    q = only(text)
    assert (q.kind, q.text, q.speaker) == ("direct", "The harbor is ours,", "Marcia Price")


@pytest.mark.parametrize(
    "text, speaker, description",
    [
        ("Elena Ruiz — a teacher from the harbor district — says she will vote for Hale.", "Elena Ruiz", "a teacher from the harbor district"),
        ("The board's lawyer -- who has been in a feud with the board for months -- said she regretted her remarks.", None, None),
        # a dash typed as a hyphen, with a lawmaker's state in brackets inside the aside
        (
            "Advisers to two mainstream candidates - Ohio Gov. Dana Hale and Sen. Rita Lowe (Fla.) - say she can still win the state.",
            None,
            None,
        ),
    ],
)
def test_an_aside_in_dashes_between_subject_and_cue(text, speaker, description):
    q = only(text)
    assert q.kind == "indirect" and q.text.startswith("she ")
    assert q.speaker == speaker
    if description:
        assert description in (q.speaker_description or "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The director of the European Centre, Ina Kirsch, told the AP her group never worked with the firm.", "Ina Kirsch"),
        ("His niece, state Del. Marcia Price, said the family would sue the city.", "Marcia Price"),
        ("One of the college's top executives, Michael Sexton, said the instructors were chosen by him.", "Michael Sexton"),
    ],
)
def test_a_role_then_the_name_in_commas_gives_the_name(text, speaker):
    # the role's head noun is lower-case even when a proper noun qualifies it ('of the European Centre')
    assert only(text, "indirect").speaker == speaker


def test_a_place_after_a_role_is_not_a_name():
    q = only("A woman in Worcester, Massachusetts, told him she worries the senator is too nice.", "indirect")
    assert q.speaker_mention != "Massachusetts"
    assert q.text == "she worries the senator is too nice"


def test_a_pronoun_right_before_the_cue_is_its_subject():
    q = only("Keyworth was so fired up about the deal's potential he said she should call Compaq's chief right away.", "indirect")
    assert (q.speaker_mention, q.text) == ("he", "she should call Compaq's chief right away")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("But Acting U.S. Attorney for the District of Massachusetts Joshua Levy said the case is still open.", "Joshua Levy"),
        ("The U.S. Attorney for Massachusetts Joshua Levy said the case is still open.", "Joshua Levy"),
        # a place-like first name is a name, and a place before a word that is rarely a name is a body
        ("Paris Hilton said the party was fun.", "Paris Hilton"),
        ("Virginia Foxx said the bill is bad.", "Virginia Foxx"),
        ("The senator lied, according to the Washington Free Beacon.", "Washington Free Beacon"),
    ],
)
def test_a_place_run_into_a_name_is_not_part_of_it(text, speaker):
    # the names the article registers already read 'Massachusetts Joshua Levy' as Joshua Levy;
    # the speaker kept the place
    assert only(text, "indirect").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The vaccine is safe, according to USA Today.", "USA Today"),
        ("USA Today reported that the vaccine is safe.", "USA Today"),
        ("The vaccine is safe, according to Medical News Today.", "Medical News Today"),
        ("Donald Trump Today said the wall is coming.", "Donald Trump"),  # a headline's word after a name
    ],
)
def test_a_title_ending_in_today_keeps_it(text, speaker):
    # 'today' is a word trimmed off a name run ('Trump Just'): 'USA Today' was 'USA'
    assert only(text, "indirect").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The vote was close. Residents in Flint said the water was unsafe.", None),
        ("The vote was close. Officials in Ohio said the count was fair.", None),
        ("Backers are many, and legislators in Iowa said they would back Warren.", None),
        # people at a body speak for it, as a spokesman for it does; a person in a place is that person
        ("The vote was close. Analysts at Goldman Sachs said rates would rise.", "Goldman Sachs"),
        ("The vote was close. Sherrod Brown in Ohio said the count was fair.", "Sherrod Brown"),
    ],
)
def test_people_in_a_place_are_not_the_place(text, speaker):
    # 'Residents in Flint said' named Flint; four words or more ('Many voters in Ohio') were
    # already people there
    q = only(text, "indirect")
    assert q.speaker == speaker and (speaker is not None or " in " in q.speaker_mention)  # the mention keeps who


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_contracted_am_is_an_auxiliary_like_the_others(mark):
    # "I'm told", "I'm convinced": 'm was the one contraction not taken off its pronoun, and
    # "I'm" became a speaker's name (eleven times over PolNeAR train and the sample pages)
    for text in (f"After scanning the chips, I{mark}m told the price is $4.80.", f"Olga Balogun runs the shop. I{mark}m convinced prices are too high here."):
        q = only(text, "indirect")
        assert q.speaker_mention == "I" and q.speaker != f"I{mark}m"
    assert (
        only(f"Olga Balogun runs the shop. I{mark}m convinced prices are too high here.").speaker
        == only("Olga Balogun runs the shop. I am convinced prices are too high here.").speaker
    )


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion, said he had made 150 calls.",
            "Darran Whiting",
            "he had made 150 calls",
        ),
        (
            "Two members of Congress from Florida, Ileana Ros-Lehtinen and Carlos Curbelo, have said they will not back Mr. Trump.",
            "Ileana Ros-Lehtinen and Carlos Curbelo",
            "they will not back Mr. Trump",
        ),
        (
            "Corey Lewandowski, a Manafort rival whom Trump fired as campaign manager a few weeks ago, said the aide should be held to account.",
            "Corey Lewandowski",
            "the aide should be held to account",
        ),
        ("Sen. Jack Reed (D-R.I.), said after a lunch on Tuesday he hadn’t read the plan.", "Jack Reed", "he hadn’t read the plan"),
    ],
)
def test_names_and_roles_in_commas_before_the_cue(text, speaker, content):
    q = only(text, "indirect")
    assert (q.speaker, q.text) == (speaker, content)


def test_the_writers_sources_named_by_who_they_are():
    q = only("Several people I've spoken with over the last couple of weeks said Mr. Hannity had advised Mr. Trump.")
    assert (q.speaker_mention, q.text, q.speaker_type) == ("Several people", "Mr. Hannity had advised Mr. Trump", "unnamed")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Saturday at the state party convention Sen. Elizabeth Warren (D-MA) said Donald Trump was a failure in business.",
            "Elizabeth Warren",
            "Donald Trump was a failure in business",
        ),
        ("Reince Priebus, the GOP chairman, this past week announced the creation of a website.", "Reince Priebus", "the creation of a website"),
    ],
)
def test_a_scene_or_a_time_between_subject_and_cue(text, speaker, content):
    q = only(text, "indirect")
    assert (q.speaker, q.text) == (speaker, content)


def test_a_subject_with_a_whose_clause():
    q = only("The state officials whose laws have been invalidated say the real change came in the courts.")
    assert (q.speaker_mention, q.text) == ("The state officials", "the real change came in the courts")


# The clause boundary as first written: a word boundary and a look-behind tried at every
# position. `_BOUNDARY` is the same pattern rearranged to be scanned faster.
_BOUNDARY_AS_WRITTEN = (
    r"(?:[;:(\[]|,(?!\d{3}\b)|(?:[”\"»]|(?<![sz])’)\s|\s[—–]\s?|\s-\s|·\s|"
    r"\b(?:and|but|that|because|while|as|when|if|although|though|after|before|since|so|whereas|"
    r"where|or|unless|until|than(?=\s)(?!\s(?:(?<=more than )|(?<=less than )|(?<=fewer than )|(?<=More than )|(?<=Less than )|(?<=Fewer than ))"
    r"(?:half|a\s+(?:third|quarter|fifth|dozen)|one|two|three|four|five|six|seven|eight|nine|ten|\d))|whether|once|then|now)\s)"
)


def test_the_clause_boundary_scan_finds_what_the_pattern_as_written_finds():
    import re
    from pathlib import Path

    from search.quotes.subjects import _BOUNDARY

    written = re.compile(_BOUNDARY_AS_WRITTEN)
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    texts.append(
        "And so, she said (when asked) that 1,000 people — or 1,20 — came; but Ruiz’ aide, "
        "the boss’ rule and Jones’s ” words · said: éand, ﬁor band, Sand and\u2009or\u202fthen "
        "now\tif- whereas -where [whether]» once unless until than once\nthen though although "
        "more than half, fewer than 10, less than a third, More than one, more than the rest"
    )
    for text in texts:
        for lo in range(0, len(text), 7):
            for hi in (len(text), lo + 40, lo + 300):
                found = [m.span() for m in _BOUNDARY.finditer(text, lo, hi)]
                assert found == [m.span() for m in written.finditer(text, lo, hi)], (lo, hi)


def _last_boundary_by_forward_scan(text: str, lo: int, end: int) -> int:
    """`_last_boundary` as first written: the whole window scanned forward."""
    from search.quotes.subjects import _BOUNDARY

    near = max(lo, end - 80)
    b = start = max(lo, end - 300)
    for m in _BOUNDARY.finditer(text, near if near > start else start, end):
        b = m.end()
    if b > near or near <= start:
        return b
    for m in _BOUNDARY.finditer(text, start, end):
        b = m.end()
    return b


def test_the_last_clause_boundary_read_back_is_the_forward_scans_last():
    """Read back from the cue, the last boundary is the one the forward scan ends on, also
    where boundaries overlap ('” — and'), where the scan's start falls inside one, and past
    the 80- and 300-character windows."""
    import random
    from pathlib import Path

    from search.quotes.subjects import _last_boundary

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    texts.append("” — ” – ’ - ” —and ”  — — —, ” -  - ’ — ’— and— · · and —” and— ” — " * 12)
    rnd = random.Random(17)
    pieces = [*'ab t,;:([”"»’·—–- \nsz', "\u2009", "and ", "though ", "— ", " - ", "1,000 "]
    texts += ["".join(rnd.choice(pieces) for _ in range(500)) for _ in range(12)]
    for text in texts:
        for _ in range(300):
            end = rnd.randrange(0, len(text) + 1)
            lo = max(0, end - rnd.randrange(0, 420))
            assert _last_boundary(text, lo, end) == _last_boundary_by_forward_scan(text, lo, end), (lo, end)


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("The Department of Health and Human Services said the rule would change.", "Department of Health and Human Services", "organisation"),
        ("The Centers for Disease Control and Prevention said the outbreak was over.", "Centers for Disease Control and Prevention", "organisation"),
        ("Research by the Center for Media and Public Affairs found the coverage was negative.", "Center for Media and Public Affairs", "organisation"),
        ("Hillary Clinton and Bernie Sanders said the debate was fair.", "Hillary Clinton and Bernie Sanders", "group"),
        ("Officials in Texas and Public Health England said the virus was spreading.", "Public Health England", "organisation"),
    ],
)
def test_a_body_named_with_and_is_one_speaker_and_two_people_a_group(text, speaker, kind):
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, kind)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # variety dev (gothamist) and NYT sentences: the content was cut to 'she' at a second
        # attribution whose subject lost its pronoun ('some neighbors worried')
        (
            "Delgado said she and some neighbors worried that Velázquez would be swayed to support the casino plan.",
            "she and some neighbors worried that Velázquez would be swayed to support the casino plan",
        ),
        (
            "At Bear Stearns, Ms. Sherry said she and her female peers jokingly referred to themselves as the club.",
            "she and her female peers jokingly referred to themselves as the club",
        ),
        ("Cruz said both he and Rubio promised to lead the fight.", "both he and Rubio promised to lead the fight"),
    ],
)
def test_a_pronoun_joined_by_and_opens_what_was_said(text, content):
    (q,) = quotes_of(text)
    assert q.text == content and q.speaker_mention in ("Delgado", "Sherry", "Cruz")


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Tom Lee spoke first. He and the developer Arthur G. Cohen negotiated a deal to buy the site.",
            "Arthur G. Cohen",
            "He and the developer Arthur G. Cohen",
        ),
        ("Tom Lee spoke first. Both he and Mary Jones said the deal was done.", "Mary Jones", "Both he and Mary Jones"),
        # the pronoun's person is a guess: unnamed, as 'her husband' alone was; never a name 'She and Jones'
        ("Jane Smith arrived. She and her husband said they would move to Ohio.", None, "She and her husband"),
    ],
)
def test_a_pronoun_joined_by_and_is_one_subject(text, speaker, mention):
    q = quotes_of(text)[-1]
    assert (q.speaker, q.speaker_mention) == (speaker, mention)


def test_a_verb_before_the_article_is_not_part_of_who_speaks():
    # NYT: 'It would also allow him to consolidate the voters who have supported the
    # mainstream candidates': up to three words are read before 'who', and the mention was
    # 'consolidate the voters' (a speaker description users search by)
    q = only("It would also allow him to consolidate the voters who have supported the mainstream candidates.", "indirect")
    assert q.speaker_mention == "the voters"
    assert only("He met all the experts who said the plan would fail.", "indirect").speaker_mention == "all the experts"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Huffington Post (PolNeAR train): the mention was 'Presumptive Republican', unnamed
        (
            "Presumptive Republican presidential nominee Donald Trump also joined the gun debate, announcing on Wednesday he would meet with the NRA.",
            "Donald Trump",
        ),
        ("Veteran Democratic strategist Bob Shrum joined the debate, saying the party had lost its way.", "Bob Shrum"),
        ("The senior Republican lawmaker John Smith has taken to Twitter, writing that the bill would fail.", "John Smith"),
        ("Republican presidential candidate Donald Trump quickly took to Twitter, writing that he would win.", "Donald Trump"),
    ],
)
def test_a_role_before_the_name_that_opens_the_sentence_is_no_speaker_of_its_own(text, speaker):
    q = only(text, "indirect")
    assert (q.speaker, q.speaker_mention) == (speaker, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # a role word only by its ending ('for'), a subject that is no person's name ('PAC')
        "A spokeswoman for Janney Montgomery Scott joined the call, saying nobody involved remains at the firm.",
        "A pro-Rubio super PAC unleashed an ad this week, saying Cruz had flip-flopped.",
    ],
)
def test_no_role_is_read_into_a_phrase_that_is_not_one(text):
    assert all(q.speaker not in ("Janney Montgomery Scott", "PAC") for q in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        # Huffington Post (PolNeAR dev): 'Robert Menendez all', a body
        (
            "Sens. Jeff Merkley (D-Ore.) and Robert Menendez (D-N.J.) all suggested those claims could be grounds for a fraud case.",
            "Jeff Merkley and Robert Menendez",
            "Sens. Jeff Merkley and Robert Menendez",
        ),
        ("Jeb Bush and Ted Cruz both floated the notion of admitting Christian refugees.", "Jeb Bush and Ted Cruz", "Jeb Bush and Ted Cruz"),
        ("The candidates met in Iowa. They all said their campaigns would go on.", None, "They"),
        # the quantifier that is the subject stays one
        ("Both men spoke in Iowa. And both vowed to be tougher on illegal immigration.", None, "both"),
    ],
)
def test_a_quantifier_after_the_subject_is_not_part_of_it(text, speaker, mention):
    q = quotes_of(text)[-1]
    assert (q.speaker, q.speaker_mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        # The New York Times (PolNeAR train): what was said was cut to 'he believed that more than'
        # and 'half of his union's workers' given a quote of its own
        (
            "Mr. Leenders said he believed that more than half of his union's workers support Senator Bernie Sanders.",
            "he believed that more than half of his union's workers support Senator Bernie Sanders",
            "Leenders",
        ),
        ("More than 6 in 10 voters said the economy was the top issue.", "the economy was the top issue", "More than 6 in 10 voters"),
        # a comparison with a clause still opens one
        (
            "Deficits would add up to $1.5 trillion more than the budget office had predicted.",
            "Deficits would add up to $1.5 trillion more than",
            "the budget office",
        ),
    ],
)
def test_more_than_a_quantity_is_one_subject(text, content, mention):
    q = quotes_of(text)[0]
    assert (q.text, q.speaker_mention) == (content, mention)


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        ("“We are not going anywhere,” said the club’s manager, John Smith.", "John Smith", "the club’s manager"),
        ("“It is a good day,” said the mayor of Boston, Elena Ruiz, adding that the work was done.", "Elena Ruiz", "the mayor of Boston"),
        ("The plan is dead, according to the company’s chief executive, Tim Cook.", "Tim Cook", "the company’s chief executive"),
    ],
)
def test_name_set_off_after_the_role_after_the_cue(text, speaker, description):
    qs = quotes_of(text)
    assert {q.speaker for q in qs} == {speaker} and qs[0].speaker_description == description
    assert not any(speaker in q.text for q in qs)  # the name is the source's, never what was said


def test_name_after_someone_elses_role_is_not_the_speaker():
    q = only("The plan is dead, according to a spokesman for the governor, Gavin Newsom.")
    assert (q.speaker, q.text) == (None, "The plan is dead")


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "At a news conference today, officials in Broward County, Florida — where Parkland is located — announced that they had spent $11 million.",
            None,
            "officials in Broward County",
        ),
        (
            "John Dickey, the chief executive of Ora Media -- the production company that owns the show -- told reporters that sales had grown.",
            "John Dickey",
            "John Dickey",
        ),
    ],
)
def test_subject_before_a_dash_aside_after_a_comma(text, speaker, mention):
    # a place after its comma ('…, Florida') and a role after a name are not who speaks
    q = only(text)
    assert (q.speaker, q.speaker_mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Outside court, the council's chief executive, Mohammed Rafiq, said the authority had overhauled its controls.", "Mohammed Rafiq"),
        ("Her co-author, Prof Lars Henriksson of the Karolinska Institute, said the findings were consistent with earlier work.", "Lars Henriksson"),
        ("Tenant advocate Amira Haddad of the Nova Scotia Small Business Alliance said commercial tenants have few protections.", "Amira Haddad"),
    ],
)
def test_a_person_named_with_a_role_a_scene_or_a_body(text, speaker):
    # not the scene ('Outside court'), nor nothing for a name followed by 'of the …'
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, "person")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Highlands have few records. A researcher there, Dr Oluwaseun Adebayo, said the records filled a gap in the data.", "Oluwaseun Adebayo"),
        ("Political analyst Prof Sipho Nkosi of the University of the Witwatersrand said the crisis could hurt the ANC.", "Sipho Nkosi"),
    ],
)
def test_a_role_then_the_person(text, speaker):
    # not 'the records filled a gap' speaking the name, nor 'Witwatersrand'
    assert [(q.speaker, q.speaker_type) for q in quotes_of(text)] == [(speaker, "person")]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("But another insider painted a different picture, claiming", "another insider"),
        ("The minister was upbeat, saying", "The minister"),
        # after a time lead, which is no one ('Hours' was the speaker)
        ("Hours later, Congress leader Rahul Gandhi hit back at a rally in Bhagalpur, saying", "Rahul Gandhi"),
        ("Days later, the minister struck back, saying", "the minister"),
        ("Newcastle captain Bruno Guimaraes struck back, saying", "Bruno Guimaraes"),
    ],
)
def test_a_person_described_is_the_subject_a_participle_hangs_on(sentence, subject):
    # was no subject: only a name or a pronoun could open the sentence's clause
    found = main_subject(sentence, 0, sentence.rfind(","))
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Separately, the Tánaiste, Simon Harris, said he would bring proposals to Cabinet.", "Simon Harris"),
        ("In Dublin, the Taoiseach, Micheál Martin, said the budget was fair.", "Micheál Martin"),
    ],
)
def test_a_title_no_list_holds_then_the_name_after_a_lead(text, speaker):
    # 'Separately' was the speaker's mention (and no one spoke): a title of one capitalised
    # word, then the name in commas, speaks as 'the mayor, John Smith' does
    q = only(text)
    assert (q.speaker, q.speaker_mention) == (speaker, speaker)
