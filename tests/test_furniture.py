"""Page furniture (search.quotes.furniture): the lines of a saved web page's text that are no
one's words never yield quotes or speakers, and story paragraphs that merely look like them
are kept.

Every line below is copied from the real texts the rules were checked on: the variety corpus
(../shared/corpora/variety), the text of the html-news pages, PolNeAR and the seeds. The
shared data is not needed to run these tests."""

from __future__ import annotations

import pytest
from quote_helpers import quotes_of

from search.models import Article
from search.quotes import extract_quotes
from search.quotes.furniture import content_start, furniture_kind, is_furniture
from search.readers.paragraphs import split_paragraphs


def quotes(text: str):
    return extract_quotes(Article(id="t", text=text, body=split_paragraphs(text)))


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # advertisement and continuation markers
        ("Story continues below advertisement", "advert"),
        ("Advertisement", "advert"),  # latimes.com, politico.com, instyle.com
        ("Sponsored", "advert"),  # guardian.co.tt
        # links to other stories
        ("MORE: Black-led group strikes deal to revitalize Oakland Coliseum site, could bring $5B megaproject", "link"),  # abc7news.com
        ("RELATED: What It’s Like to Battle Breast Cancer in the Middle of a Pandemic", "link"),  # instyle.com
        ("Read next >", "link"),  # kxan.com
        ("Also on WorldPost:", "link"),  # PolNeAR (HuffPost)
        # newsletter, share, follow and app prompts
        ("Want more FiveThirtyEight? Get our weekly most popular stories newsletter.", "prompt"),
        ("Sign up to get an email from reporter Ryan Grim when he publishes a new story.", "prompt"),  # PolNeAR
        ("Follow John Nolte on Twitter @NolteNC.", "prompt"),  # PolNeAR (Breitbart)
        ("Share this:", "prompt"),  # bostonherald.com
        ("By submitting your information, you're agreeing to receive communications from New York Public Radio in accordance with our Terms .", "prompt"),
        ("By signing up, I agree to receive emails from The Intercept and to the Privacy Policy and Terms of Use.", "prompt"),
        ("Feel free to send us your comments and/or criticisms.", "prompt"),  # kaieteurnewsonline.com
        ("(Subscribe to POLITICO's Off Message podcast with Glenn Thrush.)", "prompt"),  # PolNeAR
        # captions: opened or closed by their credit
        (
            "Maxim Shemetov/Reuters The head of Russia's sovereign wealth fund, Kirill Dmitriev, speaks to the media after the U.S.-Russia "
            "talks in Riyadh, Saudi Arabia, Feb. 18, 2025.",
            "caption",
        ),  # seeds (The Christian Science Monitor)
        (
            "Gavriil Grigorov/Sputnik, Kremlin/AP Russian President Vladimir Putin speaks with Chinese leader Xi Jinping via videoconference "
            "outside Moscow Jan. 21, 2025.",
            "caption",
        ),
        (
            "Paul Volcker, chairman of the Economic Recovery Advisory Board, and President Obama during a meeting in 2009. (Saul Loeb/AFP/Getty Images)",
            "caption",
        ),  # newrepublic.com
        ("Rep. Mark Meadows, R-N.C., and wife Debbie Meadows at the White House in September. | Patrick Semansky/AP Photo", "caption"),  # politico.com
        (
            "One algorithm that lets a robot manipulate a Rubik's Cube used as much energy as 3 nuclear plants produce in an hour.Photograph: Getty Images",
            "caption",
        ),  # wired.com
        ("Cristina Kirchner y Alberto Fernández, el 1 de marzo, en el Congreso (Foto: Natacha Pisarenko/Pool via REUTERS).", "caption"),  # clarin.com
        # a caption quoting someone is still a caption when its credit closes it (bostonherald.com)
        ("Cambridge Police Commissioner Christine Elow said the bust “shines a light” on sex trafficking. (Matt Stone/Boston Herald)", "caption"),
        # the wire services' caption conventions (AP, as the issue lists them)
        ('This image released by Netflix shows Olivia Colman as Queen Elizabeth II in a scene from "The Crown."', "caption"),
        ("FILE - In this Feb. 3, 2020, file photo, President Donald Trump speaks at a rally in Des Moines, Iowa.", "caption"),
        ("President Joe Biden speaks during an event in the Roosevelt Room of the White House. ( Evan Vucci / AP )", "caption"),
        ("( Evan Vucci / AP )", "credit"),
        # credits standing alone
        ("Photo: Unnati Chauhan", "credit"),  # rutgers.edu
        ("Toni L. Sandys / The Washington Post / Getty Images", "credit"),  # fivethirtyeight.com
        ("AFP via Getty", "credit"),  # independent.co.uk
        ("(Elizabeth Conley / Houston Chronicle)", "credit"),  # latimes.com
        ("Credit: Photo: PA", "credit"),  # telegraph.co.uk
        ("Photo by ev on Unsplash", "credit"),  # mdavis.xyz
        ("Neilson Barnard via Getty Images.", "credit"),  # PolNeAR (HuffPost)
        ("Getty Images", "credit"),
        # headlines and sub-heads
        ("Meghan had suicidal thoughts", "heading"),  # edition.cnn.com
        ("There were 'concerns' in the royal family about Archie's skin color", "heading"),
        ("Pregnant Women and Infants", "heading"),  # theintercept.com
        ("Mark Meadows accused of timing retirement to help elect wife’s friend", "heading"),  # politico.com
        ("Meghan called the Queen about Prince Philip", "heading"),  # edition.cnn.com: a cue, but sentence case
        ("UK news in pictures", "heading"),  # independent.co.uk
        # bylines and contributor lines
        ("By Rob Picheta, CNN", "byline"),  # edition.cnn.com
        ("By Perry Bacon Jr.", "byline"),  # fivethirtyeight.com
        ("By JAKE SHERMAN and ANNA PALMER", "byline"),  # politico.com
        ("By Evan HalperStaff Writer", "byline"),  # latimes.com
        ("BYLINE: Amber Phillips.", "byline"),  # PolNeAR (a news archive's export): 'Byline' was a speaker
        ("Alex Isenstadt contributed to this report.", "byline"),  # politico.com
        ("Bryant Rousseau and Caryn Wilson contributed reporting.", "byline"),  # PolNeAR (NYT)
        ("Write to Michael R. Gordon at michael.gordon@wsj.com", "byline"),  # seeds (WSJ)
        # datelines, time stamps, contact and copyright lines
        ("WASHINGTON —", "dateline"),  # latimes.com
        ("Latest update May 6th, 2022 12:49 AM", "timestamp"),  # kaieteurnewsonline.com
        ("Published Nov 9, 2023 at 5:01 a.m. ET", "timestamp"),  # gothamist.com
        ("9:05 p.m.", "timestamp"),  # PolNeAR (AP 'The Latest')
        ("Contact: 624-6456; 225-8452; 225-8458; 225-8463; 225-8465; 225-8473 or 225-8491.", "contact"),
        ("Or by Email: [email protected] / [email protected]", "contact"),
        ("peter.christopher@guardian.co.tt", "contact"),  # guardian.co.tt
        ("© 2020 POLITICO LLC", "copyright"),
        ("Copyright © 2023 KGO-TV. All Rights Reserved.", "copyright"),
    ],
)
def test_page_furniture_is_recognised(line, kind):
    assert furniture_kind(line, 0, len(line)) == kind
    assert is_furniture(line)
    assert content_start(line, 0, len(line)) == len(line)  # the extractor skips it whole


@pytest.mark.parametrize(
    "line",
    [
        # story paragraphs opening with 'By'
        "By now it should be obvious that voters want to know what's in Mr. Trump's returns. A Quinnipiac University poll released in late "
        "August found that 74 percent of likely voters said Mr. Trump should release them.",  # PolNeAR (NYT)
        "By 2015, the American coal market was in a deep slide, as utilities and manufacturers increasingly turned to natural gas and demand "
        "from China cooled.",  # PolNeAR (NYT)
        "By contrast, Trump has just 5 percent support of the black vote in Florida, but has a wide majority of white support, which "
        "constitutes 65 percent of the state’s population.",  # PolNeAR
        "By the time we realised what was happening, it was already too late.",  # mdavis.xyz
        # story paragraphs about photos
        '"Republicans want a photo op. They want a ready-made campaign commercial. No matter what anyone says, that is not a legitimate '
        'legislative purpose," said Rep. Elijah Cummings of Maryland.',  # PolNeAR (AP)
        '“This is what competent leadership looks like," Musk wrote on X, the social-media site he owns, referring to a photo of the Russian '
        "envoys disembarking from their government aircraft.",  # seeds (WSJ)
        "The websites publicly advertised “nude Asian models” available for professional photography appointments, the affidavit stated, "
        "listing measurements and showing pictures of the women.",  # bostonherald.com
        "Fields later tweeted a photograph of her bruised forearm and said Lewandowski had grabbed her.",  # PolNeAR
        # quotations standing as short paragraphs, which a heading rule must not take
        "“The most unqualified child to ever run for president.” ― Francisco Herrero",  # PolNeAR (HuffPost)
        "“I hope that my baby recovers quickly before the hospitals completely run out of fuel.”",  # theintercept.com
        '"The quality of work fell below your normal high standards.',  # telegraph.co.uk: a quote running over paragraphs
        # a story paragraph opening like a caption, reporting speech
        'In this photo, released by police, the suspect can be seen. "We need help," said Sgt. Mary Jones.',
        # quotations that open like a prompt or a link
        "''Follow us,'' Ms. Gil said, and the boys, intrigued, trailed behind, en route to the plaza at the Bronx criminal courthouse.",  # PolNeAR
        '"VIDEO: Hillary and Obama and Panetta and Biden and Susan Rice all told me it was a video when they knew it was not the video."',
        # a news summary citing its source, not a photo credit (PolNeAR, HuffPost's morning email)
        "AT LEAST 10 KILLED IN DEADLY ISTANBUL EXPLOSION Turkish President Recep Tayyip Erdogan said the reported suicide bomber, who "
        "detonated in the middle of Istanbul’s Sultanahmet tourist district, had “Syrian roots.” [Reuters.]",
        # a Title Case headline that reports speech: the extractor reads its attribution
        # (tests/test_quotes_cases.py), where a sentence-case sub-head is the writer's summary
        "Ferry Will Run All Winter, Elena Ruiz Says",
        "Elena Ruiz Says Harbor Museum Will Tell of ‘Suffering and Delight’",
        # ordinary story sentences, short ones included
        "Massy, however, believed customer information had not been impacted by the attack.",  # guardian.co.tt
        "- Avigilon declined to comment to Axios.",  # axios.com
        "CNN has reached out to the royal family for comment.",  # edition.cnn.com
        "PENCE: Well, look, I think the American people know.",  # a transcript turn
        "Byline checks are part of the job, the editor said.",
    ],
)
def test_story_paragraphs_are_not_furniture(line):
    assert furniture_kind(line, 0, len(line)) is None
    assert content_start(line, 0, len(line)) == 0


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (
            "NAPA COUNTY, Calif. (KGO) -- A plan to bring a Margaritaville Resort, made popular by the late Jimmy Buffett, to the Bay Area is one step closer.",
            "A plan",
        ),  # abc7news.com
        (
            "WASHINGTON (AP) — Attorney General Loretta Lynch is reaffirming that the FBI’s probe into Hillary Clinton’s use of a private email "
            "server while secretary of state is free of outside political influence.",
            "Attorney",
        ),  # PolNeAR (AP)
        (
            "KHAN YOUNIS, GAZA — The Israeli assault on the Gaza Strip has left the health sector in the besieged coastal enclave in a state of "
            "unprecedented, near-total collapse, according to an investigation by +972 Magazine and The Intercept.",
            "The Israeli",
        ),  # theintercept.com
        (
            "MACAU (Reuters) – Top Republican Party donor Sheldon Adelson said on Friday he met presidential candidate Donald Trump earlier this week.",
            "Top",
        ),  # PolNeAR (Reuters), first clause
    ],
)
def test_a_dateline_is_cut_off_and_the_sentence_after_it_kept(line, sentence):
    assert furniture_kind(line, 0, len(line)) is None
    assert line[content_start(line, 0, len(line)) :].startswith(sentence)


def test_paragraph_offsets_are_into_the_article_text():
    text = "Some story text.\nAdvertisement\nWASHINGTON (AP) — The Senate voted."
    assert furniture_kind(text, 17, 30) == "advert"
    assert content_start(text, 17, 30) == 30
    assert text[content_start(text, 31, len(text)) :] == "The Senate voted."
    assert content_start(text, 0, 16) == 0


# The opening of a real article (variety: telegraph.co.uk.plumber), with furniture from other
# real pages put between its paragraphs, as a main-text extractor leaves it.
STORY = [
    "Gas fitter Andrew Hartley was jailed for the manslaughter of a millionaire's daughter who died from carbon monoxide poisoning "
    "following his botched installation of a boiler.",
    "Zoe Anderson, 24, was overcome by carbon monoxide fumes at the home of her wealthy father, Future Publishing founder Chris Anderson.",
    'Judge Ford said: "There was absolutely no malicious or hostile intentions in this case.',
    '"You knew the potential dangers of a carbon monoxide leak."',
    'Hartley\'s lawyer said he was "devastated" by what had happened, and she told the court he had closed his business.',
]
FURNITURE = {
    1: ["By Rob Picheta, CNN"],
    2: [
        "Story continues below advertisement",
        "This image released by the Bristol Crown Court shows Andrew Hartley arriving for sentencing on Friday.",
        "Rep. Mark Meadows, R-N.C., and wife Debbie Meadows at the White House in September. | Patrick Semansky/AP Photo",
    ],
    3: ["Advertisement"],  # inside the quote that runs over two paragraphs
    4: ["Photo: Ali Jadallah/Anadolu via Getty Images"],
}


def _article(with_furniture: bool) -> tuple[str, list[tuple[int, int]]]:
    """The story's text, and where each furniture line sits in it."""
    lines: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, para in enumerate(STORY):
        for extra in FURNITURE.get(k, []) if with_furniture else []:
            lines.append(extra)
            spans.append((pos, pos + len(extra)))
            pos += len(extra) + 1
        lines.append(para)
        pos += len(para) + 1
    return "\n".join(lines), spans


def test_furniture_yields_no_quote_and_no_speaker():
    text, spans = _article(with_furniture=True)
    found = quotes(text)
    assert found, "the story's own quotes are still found"
    for q in found:
        for a, b in [(p.start, p.end) for p in q.pieces] or [(q.start, q.end)]:
            for s, e in spans:
                assert b <= s or a >= e, f"{q.text!r} taken from furniture {text[s:e]!r}"
    speakers = {q.speaker for q in found}
    for name in ("Story", "Rob Picheta", "Patrick Semansky", "Debbie Meadows", "Mark Meadows", "Ali Jadallah", "Bristol Crown Court"):
        assert name not in speakers
    # 'she told the court' is the lawyer's; a woman named in a caption or byline is no candidate
    assert all(q.speaker not in ("Debbie Meadows",) for q in found if q.speaker_mention == "she")


def test_furniture_leaves_the_story_quotes_exactly_as_they_were():
    """Skipping furniture changes nothing else: the same quotes, speakers and kinds as the
    story without it, at the same places in the text (offsets shifted by the lines between),
    and a quote running over two paragraphs goes on across the advertisement between them."""
    plain, _ = _article(with_furniture=False)
    text, spans = _article(with_furniture=True)

    def shift(pos: int) -> int:  # a position in `text` -> the same character in `plain`
        return pos - sum(e - s + 1 for s, e in spans if e < pos)

    got = [(q.kind, q.text, q.speaker, shift(q.start), shift(q.end)) for q in quotes(text)]
    want = [(q.kind, q.text, q.speaker, q.start, q.end) for q in quotes(plain)]
    assert got == want
    judge = [q for q in quotes(text) if q.speaker == "Neil Ford" or (q.speaker or "").endswith("Ford")]
    assert judge and any(len(q.pieces) == 2 for q in judge), "the judge's quote runs on across the advertisement"
    for q in quotes(text):  # offsets point into the article text
        assert " … ".join(text[p.start : p.end] for p in q.pieces) == q.text if q.pieces else text[q.start : q.end] == q.text


def test_a_block_of_json_in_a_story_is_no_ones_words():
    # mdavis.xyz (a saved page): a JSON payload shown in the story gave 'Name', 'Age',
    # 'single' and '764efa883dda1' as direct quotes, spoken by 'Store' (from 'Pitt St Store')
    text = (
        "The cameras note this. They're getting a whole 1.2 megabyte payload.\n{\n"
        '   "Name": "Matthew Davis",\n   "Age": 26,\n   "Absolute Location": "Pitt St Store",\n'
        '   "Marital Status": "single",\n   "Visible Mood": {\n      "Happy": 0.7\n   },\n'
        '   "Facebook User ID": "764efa883dda1",\n}\n'
        "“They know everything,” Davis said."
    )
    found = quotes_of(text)
    assert [(q.text, q.speaker) for q in found] == [("They know everything,", "Davis")]
    assert furniture_kind(text, text.index('   "Age"'), text.index("\n", text.index('   "Age"'))) == "data"


@pytest.mark.parametrize(
    ("paragraph", "rest"),
    [
        ("PATNA: Prime Minister Narendra Modi on Sunday attacked the Congress.", "Prime Minister Narendra Modi"),
        ("NEW DELHI: The minister said the budget was fair.", "The minister said"),
        ("JOS, Nigeria, May 6 (Reuters) - Gunmen killed at least 32 people, police said.", "Gunmen killed"),
    ],
)
def test_a_dateline_with_a_colon_or_a_country_and_date_is_cut_off(paragraph, rest):
    # 'PATNA' and 'NEW DELHI' were speakers with a colon for a cue; the Reuters dateline ran
    # into what the police said
    assert paragraph[content_start(paragraph, 0, len(paragraph)) :].startswith(rest)


def test_a_transcript_label_in_capitals_is_no_dateline():
    paragraph = "PENCE: Well, look, the senator knows better."
    assert content_start(paragraph, 0, len(paragraph)) == 0
