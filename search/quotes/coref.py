"""Who a mention stands for: `classify` turns a `Mention` into a `Speaker`.

Names resolve through the article's `ArticleNames` (a surname or a title to the full name
the article gives); pronouns to the person last speaking or last named whom the pronoun can
stand for ('he' never for a 'Ms.', and once the article says 'she' of someone, 'he' skips
her; `SpeakerState` holds who spoke last and who was named in the paragraph); 'who' to the
name it follows (`_antecedent`); a definite description ('the owner', 'the couple') to the
person the article gave that role; common nouns ('a spokesman', 'officials') to unnamed
sources; organisations as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from search.quotes.mentions import (
    _AGENTS,
    _DOCUMENTS,
    _EVIDENCE,
    _SHARE_HEADS,
    _UNNAMED_HEADS,
    OFFICES,
    PRONOUN_AND_RE,
    _listed_people,
    _people_head,
    _word_key,
)
from search.quotes.names import (
    BODY_WORD,
    FEMALE_TITLES,
    FIRM_WORDS,
    HONORIFICS,
    MALE_TITLES,
    NAME_RUN,
    ORG_WORDS,
    PAPER_WORDS,
    STOPWORDS,
    TITLES,
    ArticleNames,
    bare_name,
    body_name_with_and,
    document_kind,
    is_org,
    looks_like_person,
    opens_sentence,
    place_at,
)
from search.quotes.persons import PLACES, is_city, is_demonym, is_first_name, is_place, person_name_ok, state_body, strip_opening_words
from search.quotes.records import MASK, Mention, Speaker


@dataclass(slots=True)
class SpeakerState:
    """What the reader knows when a pronoun comes: who spoke last, who was named."""

    names: ArticleNames
    last_person: Speaker | None = None
    paragraph_person: Speaker | None = None
    paragraph_start: int = 0
    # the one unnamed person who spoke since the last named one ('A spokeswoman for Samsung
    # said …'): where, and the pronoun they take
    unnamed_at: int = -1
    unnamed_pronoun: str | None = None

    def spoke(self, speaker: Speaker, at: int) -> None:
        """Note who spoke at `at`: a person named (`last_person`, `paragraph_person`), or one
        unnamed person, whom a pronoun after may stand for instead."""
        if speaker.type == "person" and speaker.name:
            self.paragraph_person = self.last_person = speaker
            self.unnamed_pronoun = None
        elif speaker.name is None and speaker.mention:
            self.unnamed_pronoun = unnamed_one(speaker.mention)
            self.unnamed_at = at


# A single unnamed person: 'A spokeswoman for Samsung', 'a senior official', 'the source'.
_ONE_PERSON: Final = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){0,3}?(?P<head>[a-z][a-z\-]*)(?:\s+(?:for|of|at|with|in|from|close\s+to)\s.*)?")
# The words for one person that give the pronoun: the titles that do ('spokeswoman'), and kin.
_SHE_WORDS: Final = FEMALE_TITLES | frozenset("woman businesswoman mother daughter wife sister girl actress widow grandmother aunt niece".split())
_HE_WORDS: Final = MALE_TITLES | frozenset("man businessman father son husband brother boy actor widower grandfather uncle nephew".split())


def unnamed_one(mention: str) -> str | None:
    """The pronoun one person, unnamed and not yet described, takes by the word for them
    ('she' for 'A spokeswoman for Samsung', 'he' for 'a man in Worcester'); None for others
    ('officials', 'the former mayor', whom the article may have named)."""
    m = _ONE_PERSON.fullmatch(mention)
    if m is None:
        return None
    head = m.group("head")
    if head in _SHE_WORDS:
        return "she"
    if head in _HE_WORDS:
        return "he"
    return None  # 'a senior official', 'a source': a pronoun's referent is a guess, the names' rules make it


# Someone unnamed, placed by where they are: 'a woman in Worcester', 'a voter from Ohio'.
# People placed by where, when or how they were counted: 'Large majorities of voters in six
# states … on Super Tuesday', 'One in four voters in a New York Times poll'.
_LOCATED_PERSON: Final = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z\-]+\s+){0,2}[a-z]+\s+(?:in|from|near)\s+[A-Z]")
# A share of a group: 'A majority of Republicans', 'Most of the delegates', 'Half of voters'.
_SHARE_OF: Final = re.compile(
    r"(?:[Aa]\s+|[Tt]he\s+)?(?:(?:large|slim|clear|narrow|small|vast)\s+)?"
    r"(?:majority|majorities|minority|most|half|many|some|all|none|few|share|third|quarter|plurality)\s+of\s",
    re.I,
)
_PEOPLE_THERE: Final = re.compile(r"(?P<head>[a-z][a-z\-]*)\s+(?:in|near|across)\s+(?:the\s+)?[A-Z]")
_PLACED_PEOPLE: Final = re.compile(r"(?:\S+\s+){0,5}?(?P<head>[a-z][a-z\-]*)(?:\s+[a-z]+ed)?\s+(?:in|from|near|on|at|across|to|by)\s")


# Words that name a paper only inside a name ('The Washington Post'); alone, 'the post' or
# 'the report' is a message or a document, never the paper last named.
# A subject that only counts ('Another', 'One', 'The other'), and the name set off by commas after it.
_ONE_OF: Final = frozenset(["another", "one", "the other", "the second", "a second", "a third", "the third"])
_APPOSED_NAME: Final = re.compile(r",\s+([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}),")

# Adverbs between a subject and its verb that a subject phrase may carry along.
# A verb of perceiving, then who was heard: what follows ('admit', 'say') is that one's.
_PERCEIVED: Final = re.compile(r"\b(?:heard|hear|hears|saw|watched)\s+(?P<who>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*|him|her|them)$")
_OBJECT_PRONOUNS: Final = {"him": "he", "her": "she", "them": "they"}
_RELATIVE_WORD: Final = re.compile(r"\b(?:who|that|which)\b", re.IGNORECASE)
_TRAILING_ADVERBS: Final = re.compile(
    r"(?:\s+(?:now|also|then|still|later|again|too|already|recently|previously|once|never|even|just|often|repeatedly|further|herself|himself|themselves))+$"
)


# A document and who issued it: 'a criminal complaint affidavit from Homeland Security',
# 'a report by the Government Accountability Office', 'the letter from Sen. Ruiz', 'data
# from the Textile Ministry'.
_DOC_WORDS: Final = (
    r"(?:affidavit|complaint|letter|memo|lawsuit|filing|indictment|ruling|order|statement|report|study|release"
    r"|document|email|e-mail|analysis|survey|review|audit|assessment|data|figures|statistics|records)s?"
)
_DOCUMENT_FROM: Final = re.compile(
    rf"(?:(?:an?|the|The|An?)\s+)?(?:[a-z\-]+\s+){{0,3}}(?P<doc>{_DOC_WORDS})\s+(?:from|by|issued by|released by)\s+(?:the\s+)?"
    r"(?P<author>[A-Z][\w.’'\-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.’'\-]*)*)"
)
_PUBLISHED_IN: Final = re.compile(
    rf"(?:an?|the|The|An?)\s+(?:[a-z\-]+\s+){{0,3}}(?:{_DOC_WORDS}|paper|papers)\b(?:[^,;()]|,(?=\d{{3}}\b)){{0,80}}?\s+published\s+(?:online\s+)?in\s+"
    r"(?:the\s+)?(?:(?:medical|scientific|academic|peer-reviewed)\s+)?(?:journal\s+)?(?P<journal>[A-Z][\w.’'&\-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w.’'&\-]*)*)"
)
_THE_DOCUMENT: Final = re.compile(rf"(?:the|The|another|Another)\s+(?:[a-z\-]+\s+){{0,2}}(?P<doc>{_DOC_WORDS})")


_ARTICLE_LEAD: Final = re.compile(r"^(?:the|The|a|A|an|An)\s+")
_THE_LEAD: Final = re.compile(r"^(?:the|The)\s+")


def names_a_document(mention: str | None) -> bool:
    """Whether a mention is a document ('the statement', 'another release'), not its issuer."""
    return mention is not None and _THE_DOCUMENT.fullmatch(mention) is not None


def _part(mention: Mention, raw: str, lo: int, hi: int, names: ArticleNames, state: SpeakerState, text: str) -> Speaker:
    """Who the words `raw[lo:hi]` of a mention stand for, read as if written alone ('Phil
    Musser' of 'Phil Musser of … IMGE'), keeping the whole mention as written."""
    at = mention.start + mention.text.find(raw)
    part = classify(Mention(at + lo, at + hi, raw[lo:hi], mention.description), names, state, text)
    return Speaker(part.name, raw, part.type, part.description)


def _in_embed(text: str, at: int) -> bool:
    """Whether `at` is inside an embedded post ('<tweet …>…</tweet>'), someone else's words."""
    lo = max(0, at - 4000)  # a post is short; the whole text read back per 'I' was quadratic
    return text.rfind("<tweet", lo, at) > text.rfind("</tweet>", lo, at)


def classify(mention: Mention, names: ArticleNames, state: SpeakerState, text: str) -> Speaker:
    raw = mention.text.strip()
    words = raw.split()
    if len(words) > 1:  # (both patterns need white space: a one-word mention skips them)
        clause = _NAME_THEN_VERB.search(raw)
        if clause:
            # 'Donald Trump unleashed a series of tweets (criticizing …)': the speaker is the
            # name that opens the clause, not the clause
            raw = raw[: clause.end("name")]
        raw = _TRAILING_ADVERBS.sub("", raw) or raw  # 'Bloomberg now (denies)', 'Ruiz also (said)'
        perceived = _PERCEIVED.search(raw)
        if perceived is not None and not _RELATIVE_WORD.search(raw, 0, perceived.start()):
            # 'The court previously heard Hartley (admit to …)', 'jurors heard him (say …)':
            # the one heard speaks, not the one hearing (but 'Voters who saw Trump (said)')
            who = perceived.group("who")
            raw = _OBJECT_PRONOUNS.get(who, who)
        words = raw.split()
    low = _word_key(raw)  # 'WHO', 'US': an acronym, never a pronoun
    joined = PRONOUN_AND_RE.match(raw) if len(words) > 2 else None
    if joined is not None:
        # 'he and the developer Arthur G. Cohen negotiated': the one named speaks; 'She and
        # her husband said': unnamed, as 'her husband' is (a pronoun's referent is a guess,
        # a wrong name worse than none); never a name 'She and Jones'
        return _part(mention, raw, joined.end(), len(raw), names, state, text)
    if low == "i" and names.writer is not None and state.paragraph_person is None and not _in_embed(text, mention.start):
        # 'I argue that …' in a columnist's piece: the writer, unless someone spoke before
        # in the paragraph ('McKinley suggested asking yourself: would I rather …') or the
        # words are an embedded post's ('<tweet author="realDonaldTrump">I didn’t …')
        return Speaker(names.writer, raw, "person", None)
    if low == "we":
        # 'We know because …' outside quotation marks: the writer and readers, a panel, a
        # firm, a family; the person read last was it 6 times in 62 over PolNeAR and the
        # sample pages, wrong ('Nvidia GeForce RTX', 'Middle East', 'Obama') the rest
        return Speaker(None, raw, "unnamed", None)
    if low in ("he", "she", "i") or low in ("who", "whom"):
        if low in ("who", "whom"):
            ante = _antecedent(text, mention.start, names)
            if ante is not None:
                return ante
        if (
            low in ("he", "she")
            and state.unnamed_pronoun == low
            and state.unnamed_at < mention.start
            and person_named_between(names, state.unnamed_at, mention.start) is None
        ):
            # '… A spokeswoman for Samsung said …. “…,” she said.': the one who spoke last,
            # unnamed, not the person named before her
            return Speaker(None, raw, "unnamed", None)
        candidates = [
            state.paragraph_person,
            person_named_between(names, state.paragraph_start, mention.start),
            _subject_just_before(text, names, mention.start, low) if low in ("he", "she") else None,
            state.last_person,
            last_person_before(names, mention.start, low),
        ]
        found = [c for c in candidates if c is not None]
        # the most recent person the pronoun can stand for: 'he' never for a 'Ms.'
        who = next((c for c in found if names.agrees(c.name, low)), None)
        if who is not None:
            if who.name and low in ("he", "she") and names.gender_of(who.name) is None and len({c.name for c in found}) == 1:
                names.gender[who.name] = low  # the article's pronoun for this person
            return Speaker(who.name, raw, "person", None)
        return Speaker(None, raw, "person", None)
    if low in ("they", "it", "which"):
        return Speaker(None, raw, "unnamed" if low == "they" else "organisation")
    if low in _ONE_OF:
        apposed = _APPOSED_NAME.match(text, mention.end)
        if apposed is not None:
            # 'One company, Avigilon, sells …. Another, Pelco, announced': the name set off after it
            inner = Mention(apposed.start(1), apposed.end(1), apposed.group(1), mention.description)
            return classify(inner, names, state, text)
    issued = _DOCUMENT_FROM.fullmatch(raw[:1].lower() + raw[1:])  # also opening a sentence: "Data released by …"
    if issued is not None:
        # 'a criminal complaint affidavit from Homeland Security': who issued it speaks; a
        # later 'the affidavit said' is theirs too
        author = issued.group("author")
        kind = "organisation" if is_org(author) or not looks_like_person(bare_name(author)) else "person"
        author = names.resolve_at(author, mention.start) if kind == "person" else author
        names.documents[issued.group("doc").rstrip("s")] = (author, kind)
        return Speaker(author, raw, kind, mention.description)
    published = _PUBLISHED_IN.fullmatch(raw) if " published " in raw else None
    if published is not None:
        # 'a study of 78,000 adults published in the journal Neurology': the journal reports it
        return Speaker(published.group("journal"), raw, "organisation", mention.description)
    same = _THE_DOCUMENT.fullmatch(raw)
    if same is not None and same.group("doc").rstrip("s") in names.documents:
        author, kind = names.documents[same.group("doc").rstrip("s")]
        return Speaker(author, raw, kind, mention.description)
    issuer = names.issuer_before(document_kind(same.group("doc")), mention.start) if same is not None else None
    if issuer is not None:
        # 'the Holocaust Museum issued a statement … the statement urged': its issuer's
        who = classify(Mention(issuer[0], issuer[1], text[issuer[0] : issuer[1]], None), names, state, text)
        if who.name:
            return Speaker(who.name, raw, who.type, mention.description)
    connected = _CONNECTED_BODY.fullmatch(raw) if _CONNECTOR_WORDS.search(raw) else None
    at_body = _PEOPLE_AT.match(raw) if connected is None and _CONNECTOR_WORDS.search(raw) else None
    if at_body is not None and _people_head(at_body.group("people").lower()):
        # 'Economists at the Peterson Institute for International Economics' (was
        # 'International Economics'): the people's body, named in full, as 'Analysts at
        # Goldman Sachs' is Goldman Sachs
        connected = _CONNECTED_BODY.fullmatch(raw, at_body.end())
        if connected is not None and connected.group("head").lower() in ORG_WORDS:
            return Speaker(connected.group("name"), raw, "organisation", mention.description)
        connected = None
    if connected is not None and _body_head(connected.group("head")) and _a_cause(connected.group("head"), connected.group("cause"), names):
        # 'Citizens for Tax Justice', 'Mothers Against Drunk Driving', 'Reporters Without
        # Borders': people named with their cause are a body; not people working for
        # someone named ('Attorneys for Clinton', 'Executives for Mondelez')
        return Speaker(connected.group("name"), raw, "organisation", mention.description)
    if body_name_with_and(raw):
        return Speaker(raw, raw, "organisation", mention.description)  # 'the Department of Health and Human Services'
    pair = _PAIR.fullmatch(raw)
    if pair and any(_key_word(w) in ORG_WORDS and not names.knows(w) for w in words):  # not 'Bloomberg and Steyer'
        # 'United States Citizenship and Immigration Services': one body with 'and' in its name
        return Speaker(raw, raw, "organisation", mention.description)
    office = _OFFICE_HOLDER.search(pair.group(2)) if pair and " " not in pair.group(1) else None
    if office is not None and looks_like_person(bare_name(office.group("name"))):
        # 'Water and Sanitation Minister Nomvula Dlamini', 'Health and Human Services Secretary
        # Xavier Becerra': an office named with an 'and', then its holder
        at = raw.rfind(office.group("name"))
        return _part(mention, raw, at, at + len(office.group("name")), names, state, text)
    if pair:
        # 'Britain and Sweden', 'Ruiz and Hale': both speak; each name resolved as alone
        parts = [pair.group(1), pair.group(2)]
        # 'South Carolina and South Dakota'; not a person the article names ('Bloomberg and Steyer')
        orgs = [not names.knows(p) and (is_org(p) or is_place(p) or len(p.split()) == 1 and p.lower() in PLACES) for p in parts]
        full = [p if org else _pair_part(p, names, mention.start) for p, org in zip(parts, orgs, strict=True)]
        return Speaker(" and ".join(full), raw, "organisation" if any(orgs) else "person", mention.description)
    # Last capitalised run at the end of the phrase: the name; what precedes is a role.
    runs = list(NAME_RUN.finditer(raw))
    ends_with_run = bool(runs) and raw[runs[-1].end() :].strip(" ,.’'s") == ""
    office = _OFFICE_OF.fullmatch(raw) if ends_with_run and " of " in raw else None
    if office is not None and office.group("role").lower() in OFFICES and not _names_person(office.group("body"), names):
        # 'The chairman of the Federal Reserve', 'The president of Microsoft', 'The Duke of
        # Sussex', 'the chancellor of the Exchequer': the one who holds the office speaks, not
        # the body or the place; the person the article gave that office, else no one named
        return _holder(names.role_person(office.group("role"), mention.start), raw, mention)
    if (
        ends_with_run
        and words[0] in ("the", "The")
        and len(runs) > 1
        and not looks_like_person(runs[-1].group())
        and any(_key_word(w) in ORG_WORDS for w in words)
        and not any(w in _DOCUMENTS for w in words)  # 'The GOP’s complaint to the … Board'
    ):
        # 'the U.S. Court of Appeals for the 6th Circuit': one body, named in full
        return Speaker(raw[4:], raw, "organisation", mention.description)
    placed = _PLACED_PEOPLE.match(raw) if len(words) > 3 else None
    if placed and not (
        _people_head(placed.group("head")) or placed.group("head") in _SHARE_HEADS or placed.group("head") in _DOCUMENTS or placed.group("head") in _EVIDENCE
    ):
        placed = None
    if placed is None and len(words) >= 3:
        # people there, not the place: 'Residents in Flint' opening a sentence, 'legislators in Iowa'
        placed = _PEOPLE_THERE.match(raw[:1].lower() + raw[1:])
        if placed and not _people_head(placed.group("head")):
            placed = None
    share = _SHARE_OF.match(raw)
    if ends_with_run and _LOCATED_PERSON.match(raw) or placed or share:
        return Speaker(None, raw, "unnamed", mention.description)  # 'a woman in Worcester, Massachusetts'
    first = runs[0] if len(runs) > 1 and runs[0].start() == 0 and _OF_AFTER.match(raw, runs[0].end()) else None
    if first is None and len(runs) > 1 and runs[0].start() == 0 and runs[0].group() == words[0] and raw[runs[0].end() : runs[1].start()].strip().islower():
        # 'Political analyst Prof Sipho Nkosi of the University of …': a role, then the person
        # named first among the runs before 'of'
        role_then = runs[1] if _OF_AFTER.match(raw, runs[1].end()) else None
        if role_then is not None and _person_first(role_then.group(), names):
            first = role_then
    if first is not None and _person_first(first.group(), names):
        # 'Phil Musser of digital consulting firm IMGE', 'Heiserman of the CORE Teachers': a
        # person named first speaks, not where they work (as 'Gov. John Kasich of Ohio')
        person = _part(mention, raw, 0, first.end(), names, state, text)
        if person.type == "person" and person.name:
            return person
    placed_in = _placed_in(raw, runs[-1]) if ends_with_run and len(words) > 2 else None
    if placed_in is not None:
        # 'House Speaker Paul D. Ryan of Wisconsin', 'Democrats in Congress', 'the Senator
        # from Texas', 'leaders of ethnic communities in the U.S.': the place says where the
        # speaker is; who speaks is the name before it, or no one named
        lo = raw.find(placed_in)
        if not placed_in or _on_behalf(raw[:lo]):  # 'A spokesman for Mayor Jackson of Cleveland'
            return Speaker(None, raw, "unnamed", mention.description)
        return _part(mention, raw, lo, lo + len(placed_in), names, state, text)
    if ends_with_run and not (len(words) == 1 and low in _UNNAMED_HEADS):
        last_run = runs[-1]
        between = raw[runs[-2].end() : last_run.start()].strip() if len(runs) > 1 else ""
        # 'Secretary of State John Kerry', 'White House Chief of Staff Denis McDonough',
        # 'Chancellor of the Exchequer Rachel Reeves': an office, what it is of, then the name
        held = runs[-2].group() if between in ("of", "of the") else ""
        titled = bool(held) and (_office_only(held) or _key_word(held.split()[-1]) in TITLES and not looks_like_person(held))
        if (between in ("of", "of the") or between == "in" and is_place(last_run.group())) and _person_of_place(runs[-2].group()) and not titled:
            last_run = runs[-2]  # 'Gov. John Kasich of Ohio', 'Sen. Ruiz of Maryland', 'Sherrod Brown in Ohio'
        run = last_run.group()
        prefix = raw[: last_run.start()].strip()
        if _GIVEN_TO.search(prefix):
            # 'Another intelligence source speaking to Fox News', 'audio provided to The Times':
            # whom the words went to is not who said them
            return Speaker(None, raw, "unnamed", mention.description)
        tokens = run.split()
        if titled:
            # 'Secretary of State John Kerry', 'Secretary of Homeland Security Jeh Johnson':
            # the office's words run into the name
            while len(tokens) > 2 and not is_first_name(tokens[0]):
                tokens = tokens[1:]
            if not looks_like_person(" ".join(tokens)):
                return Speaker(None, raw, "unnamed", mention.description)
            prefix = raw[: raw.rfind(" ".join(tokens))].strip()  # the whole office: 'Chancellor of the Exchequer'
        honorific = tokens[0]
        addressed = _key_word(honorific) in HONORIFICS  # 'Mr. Story': a surname, however ordinary
        while tokens and tokens[0].rstrip(".").lower() in STOPWORDS and len(tokens) > 1 and not place_at(tokens, 0):
            tokens = tokens[1:]  # 'But', 'The', a sentence's 'New', not 'New York'
        surname = len(tokens) == 1 and names.surname_alone(tokens[0])  # 'Major' after 'John Major'
        at = mention.start + max(0, mention.text.find(tokens[0]))
        if not addressed and not surname and opens_sentence(text, at) and not (len(tokens) > 1 and _written_inside(text, " ".join(tokens), at)):
            tokens = strip_opening_words(tokens)  # 'Throughout', 'Taking Archie', 'Is Sanders'
            if not tokens:
                return Speaker(None, raw, "unnamed", mention.description)
        run = " ".join(tokens)
        demonym = bool(prefix) and prefix.split()[-1].lower() == "the" and is_demonym(run) and not names.knows(run) and _key_word(run) not in ORG_WORDS
        if len(tokens) > 1 and tokens[-1] in _ROLE_ACRONYMS and prefix.split()[-1:] == ["the"]:
            return Speaker(None, raw, "unnamed", mention.description)  # 'the Limerick City TD said': an office, not a body
        if len(tokens) == 1 and (demonym or run in _ROLE_ACRONYMS):
            # 'the Brazilian told …', 'CEO says …': one of a people, or an office; the one the
            # article gave that office, else no one named
            return _holder(names.role_person(run.lower(), mention.start) if run in _ROLE_ACRONYMS else None, raw, mention)
        body = names.org_named(run, mention.start) if len(tokens) == 1 else None
        if body is not None:
            return Speaker(body, raw, "organisation", mention.description)  # 'Massy': 'Massy Stores'
        person_known = len(tokens) == 1 and names.knows(run)  # 'Bloomberg' after 'Michael R. Bloomberg'
        if not titled and (prefix.lower() in ("the",) or is_org(run) and not person_known or (prefix and prefix.split()[-1].lower() in ("the",))):
            return Speaker(run, raw, "organisation", mention.description)
        bare = bare_name(run)
        vouched = names.person_evidence(bare) if " " not in bare else names.surname_titled(bare)  # 'Ms. Acosta'; 'Mr. Coleman' for Norm Coleman
        if not names.knows(run) and not person_name_ok(bare) and not vouched:
            # no person: a place or a body ('United Kingdom', 'Buckingham Palace'), or an
            # ordinary word that opened the sentence ('Throughout', 'Story'); but a word the
            # article writes after a title is a surname ('Mr. Hedge')
            if len(tokens) > 1 or is_place(run):
                return Speaker(run, raw, "organisation", mention.description)
            return Speaker(None, raw, "unnamed", mention.description)
        if not person_known and all(t.rstrip(".").lower() in TITLES or t.rstrip(".").lower() in STOPWORDS for t in tokens):
            # 'The Prime Minister said', 'The Senator': the one the article gave the office, as
            # 'the prime minister' is; else no one named (not 'King' after 'Wayne King')
            return _holder(names.role_person(tokens[-1].rstrip(".").lower(), mention.start) if raw[:4].lower() == "the " else None, raw, mention)
        if any(t.isupper() and len(t) > 1 and t not in ("JD",) for t in tokens) and len(tokens) == 1:
            return Speaker(run, raw, "organisation", mention.description)
        if _on_behalf(prefix):
            # 'A lawyer for Mr. Trump', 'the widow of John Smith': someone close to the one
            # named speaks, not the one named (an unnamed speaker, as the variety set has it)
            return Speaker(None, raw, "unnamed", mention.description)
        titled_run = f"{honorific} {run}" if addressed and not run.startswith(honorific) else run
        name = names.resolve_at(titled_run, mention.start)  # 'Mr. Trump' (its title kept) is no Ivana Trump
        desc = mention.description
        if desc is None and prefix and any(w[:1].islower() for w in prefix.split()) and prefix.lower() not in ("a", "an", "the"):
            desc = prefix
        return Speaker(name, run, "person", desc)
    definite = _DEFINITE.fullmatch(raw)
    if definite is not None:
        # 'the owner', 'The duchess', 'the former mayor', 'the 24-year-old', 'the couple':
        # the person (or the two) the article gave that role, last before here
        role = definite.group("head")
        qualifiers = _QUALIFIER_WORD.findall(raw, 4, definite.start("head"))  # after 'the'
        if qualifiers:
            named = _qualified_holder(names, role, qualifiers, mention.start, text)  # 'The Turkish leader'
        else:
            named = names.pair_before(mention.start) if role in _TWO_PEOPLE else names.role_person(role, mention.start)
        if named is not None:
            return Speaker(named, raw, "person", mention.description)
        a_body = (_key_word(role) in ORG_WORDS or role in FIRM_WORDS) and role not in PAPER_WORDS
        body = names.org_before(raw.split(None, 1)[1], mention.start) if a_body else None
        if body is not None:
            return Speaker(body, raw, "organisation", mention.description)  # 'the company'
    last = words[-1].lower().strip(".,")
    head = last
    mpre = _HEAD_PREP.match(raw)
    if mpre:
        head = mpre.group(1).split()[-1].lower()
    # 'a New York judge', 'several former RT journalists', 'groups of protesters': people, unnamed
    if _people_head(head) or mpre and mpre.group("prep") == "of" and _people_head(last):
        return Speaker(None, raw, "unnamed", mention.description)
    if head in ORG_WORDS or head.rstrip("s") in ORG_WORDS:
        return Speaker(_ARTICLE_LEAD.sub("", raw), raw, "organisation", mention.description)
    if runs and not (len(words) > 1 and not any(w[:1].isupper() for w in words[1:])) or state_body(_THE_LEAD.sub("", raw).split()):
        return Speaker(_THE_LEAD.sub("", raw), raw, "organisation", mention.description)  # also "Ukraine's military"
    # 'A majority of voters', 'Small groups of protesters': capitalised only where the
    # sentence starts, no name in it
    return Speaker(None, raw, "unnamed", mention.description)


# An office of a body or a place, said with a determiner: 'The chairman of the Federal
# Reserve', "The British Labour Party's chancellor of the Exchequer", 'The Secretary of State'.
_OFFICE_OF: Final = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+|(?:[Tt]he\s+)?(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*['’]s\s+)"
    r"(?:[a-z][a-z\-]*\s+){0,2}(?P<role>[A-Za-z][a-z\-]+)\s+of\s+(?:the\s+)?(?P<body>[A-Z].*)"
)


def _written_inside(text: str, run: str, at: int) -> bool:
    """Whether the article writes `run` (opening a sentence at `at`) inside a sentence too,
    so its first word is a name's, not an ordinary word ('Amnesty International said …'
    where it also writes 'director of Amnesty International Nigeria')."""
    found = text.find(run)
    while found >= 0:
        if found != at:
            before = text[max(0, found - 3) : found].rstrip()
            if before and before[-1] not in '.!?"“”\n:' and not before[-1].isupper():
                return True
        found = text.find(run, found + len(run))
    return False


def _holder(name: str | None, raw: str, mention: Mention) -> Speaker:
    """The person holding an office the mention names, or no one named."""
    return Speaker(name, raw, "person" if name else "unnamed", mention.description)


# Offices written as initials, which no body is named by.
_ROLE_ACRONYMS: Final = frozenset("CEO CFO COO CTO CIO MP MEP MLA MPP MSP TD PM VP GM".split())


def _names_person(words: str, names: ArticleNames) -> bool:
    """Whether a body's words end in a person's name after the body's own ('Secretary of
    State John Kerry'); not a body alone ('Federal Reserve', 'in the Lok Sabha')."""
    tail: list[str] = []  # the capitalised words that end it
    for t in reversed(words.split()):
        if not t[:1].isupper():
            break
        tail.insert(0, t)
    if len(tail) < 3:
        return False
    return any(names.knows(" ".join(tail[i:])) for i in range(1, len(tail) - 1)) or looks_like_person(" ".join(tail[-2:]))


# A phrase ending in a preposition that ties the person it names to someone else ('A lawyer
# for', 'the widow of', 'Aides to', 'people close to', 'a former prosecutor for the'): the
# one named after it is whom they are close to, not who speaks.
# A body's name of capitalised words around a connector, all of it capitalised after it:
# 'Citizens for Tax Justice', 'Reporters Without Borders', 'the Center for American Progress'
# (not 'of' or 'on': 'Members of Congress', 'Democrats on the Hill' are people).
_CONNECTED_BODY: Final = re.compile(
    rf"(?:[Tt]he\s+)?(?P<name>(?:{BODY_WORD}\s+)*(?P<head>{BODY_WORD})\s+(?:for|Without|without|Against|against)\s+"
    rf"(?:the\s+)?(?P<cause>{BODY_WORD}(?:\s+(?:(?:and|of|the|for|&)\s+)*{BODY_WORD})*))"
)


_PEOPLE_AT: Final = re.compile(r"(?P<people>[A-Za-z][a-z\-]+)\s+(?:at|of|from|with)\s+")
_CONNECTOR_WORDS: Final = re.compile(r" (?:for|Without|without|Against|against) ")


def _body_head(word: str) -> bool:
    """The word before a body's connector: people in the plural ('Citizens', 'Mothers',
    'Physicians') or a body's own word ('Center', 'Committee'); not a person's name or an
    office ('Gov. John Kasich of Ohio', 'Secretary of State')."""
    low = word.lower()
    if low in ORG_WORDS:
        return True
    return low.endswith("s") and (_people_head(low) or low in _CAUSE_PEOPLE or is_demonym(word[:-1])) and low not in _GROUP_PLURALS


def _a_cause(head: str, words: str, names: ArticleNames) -> bool:
    """Whether people named with the words after a connector are a body with a cause ('Tax
    Justice', 'Human Rights'), not people who work for someone ('Attorneys for Clinton',
    'Executives for Mondelez', 'Strategists for Barack Obama and Clinton')."""
    if head.lower() in _WORKING_FOR:
        return False
    if any(looks_like_person(bare_name(part)) for part in words.split(" and ")):
        return False
    return not any(names.knows(t) for t in words.split() if t[:1].isupper())


# People who work for whoever the words after 'for' name.
_WORKING_FOR: Final = frozenset(
    """attorneys lawyers executives aides strategists advisers advisors staff staffers officials
    spokesmen spokespeople representatives operatives surrogates allies supporters donors
    employees sources""".split()
)
_GROUP_PLURALS: Final = frozenset("republicans democrats independents conservatives liberals progressives".split())
# People a cause group is named for that no list of sources holds ('Citizens for Tax Justice').
_CAUSE_PEOPLE: Final = frozenset("citizens friends families mothers fathers parents veterans neighbors neighbours".split())
_ON_BEHALF: Final = re.compile(r"(?:^|\s)(?P<head>[A-Za-z][a-z\-]+)(?:\s+close)?\s+(?:for|of|to|with)(?:\s+the)?\s*$")
_NOT_PEOPLE: Final = _SHARE_HEADS | frozenset("quarter third fifth tenth number plurality".split())
_SINGULAR_AGENT: Final = ("er", "or", "ist", "ian")  # the plurals: `mentions._AGENTS`


# Words ending in 'to' after a verb or noun ('speaking to', 'an account she gave to the'),
# not a range ('five to 10') nor a credit ('credited to', 'attributed to').
_GIVEN_TO: Final = re.compile(r"(?:^|\s)(?!(?:credited|attributed|according|due|thanks)\s)[a-z][a-z\-]*\s+to(?:\s+the)?$")


def _on_behalf(words: str) -> bool:
    """Whether `words` end in people and a preposition (`_ON_BEHALF`); the people in lower
    case ('a top adviser for') or opening the phrase ('Supporters of'), so that an office
    ('former Secretary of', 'U.S. Attorney for') or a share ('37 percent of') is not read so."""
    found = _ON_BEHALF.search(words)
    if found is None:
        return False
    head = found.group("head")
    if not head.islower() and (found.start("head") > 0 or head.lower() in TITLES):
        return False
    head = head.lower()
    if head in _NOT_PEOPLE or head in STOPWORDS or head in _EVIDENCE or head in _DOCUMENTS:
        return False  # 'a report for Oxfam' is Oxfam's
    # people by the lists, or by an agent noun's ending ('manager'), not any word that would
    # end so with an 's' ('endorsement')
    return _listed_people(head) or head.endswith(_SINGULAR_AGENT) or _AGENTS.search(head) is not None


# The words before a preposition: their last is the head ('a judge in Ohio').
_HEAD_PREP: Final = re.compile(r"(.+?)\s+(?P<prep>for|of|at|with|from|in)\s+")
# A definite description of one person (or of two): 'the owner', 'the former mayor'.
# (a people's or a body's word may qualify the role: 'The Turkish leader', 'the Commission president')
_DEFINITE: Final = re.compile(r"(?:the|The)\s+(?:(?:[a-z\-]+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?-based|[A-Z][a-z]+)\s+){0,2}(?P<head>[a-z0-9][a-z0-9\-]*)")
_TWO_PEOPLE: Final = frozenset("couple pair duo two".split())


_QUALIFIER_WORD: Final = re.compile(r"\b[A-Z][a-z]+\b(?!-based)")


def _qualified_holder(names: ArticleNames, role: str, qualifiers: list[str], pos: int, text: str) -> str | None:
    """The person last given `role` before `pos` whom the article names beside every one of
    `qualifiers`: 'the Florida senator' is Marco Rubio named as 'Florida Sen. Marco Rubio'
    or 'Sen. Marco Rubio of Florida', never Ted Cruz of Texas, the senator named last."""
    found = None
    for at, name in names.roles.get(role.lower(), []):
        if at >= pos:
            break
        near = text[max(0, at - 30) : min(pos, at + len(name) + 25)]  # 'Turkish President …', '… of Florida', '(R-Fla.)' no
        if all(re.search(rf"\b{q}\b", near) for q in qualifiers):
            found = name
    return found


def _key_word(word: str) -> str:
    """A word as the organisation list holds it: lower case, singular ('Services' -> 'service')."""
    w = word.lower().strip(".,’'")
    return w[:-1] if w.endswith("s") and w[:-1] in ORG_WORDS else w


def _pair_part(part: str, names: ArticleNames, pos: int) -> str:
    """One name of a pair, resolved: the full name the article gives, or, for words the
    article never gives as a name ('Derelict Obama' in a headline), its surname's person."""
    if len(part.split()) >= 2 and not names.named_in_full(part):
        return names.resolve_at(part.split()[-1], pos)
    return names.resolve_at(part, pos)


# A name followed by a finite verb and more: a clause, whose subject is the speaker.
_NAME_THEN_VERB: Final = re.compile(
    r"(?P<name>[A-Z][\w’'\-]*[a-z](?:\s+(?:campaign|nominee|administration|team))?)\s+"
    r"(?!(?:news|times|series|states|affairs|politics|analytics|sports|services|works|relations|industries)\b)"
    r"(?:[a-z]{2,}ed\s+(?!(?:in|on|at|for|from|by|with|to|of|into|about|over|under|after|before|during|since|through|against|among|between|without|within|as|and|or)\b)[a-z]"
    r"|[a-z]{2,}[^s\W'’]s\s+(?:a|an|the|his|her|their|its|to|that|this|it|him|them|more|new)\s)"
)


# An office's title inside a run, then the name of who holds it: 'Sanitation Minister Nomvula Dlamini'.
_OFFICE_HOLDER: Final = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Director|Chair|Chairman|Chairwoman|Spokesperson|Spokesman|Spokeswoman)\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+)$"
)
_PAIR: Final = re.compile(rf"({NAME_RUN.pattern})\s+and\s+({NAME_RUN.pattern})")


# What follows a person's name that says where they are from or work: ' of the', ', of'.
_OF_AFTER: Final = re.compile(r",?\s+(?:of|from|at|with)\s")
# A preposition placing what comes before it, at the end of a phrase ('… of', '… in the').
_PLACING_PREP: Final = re.compile(r"\s(?:of|from|in|on|near|across|to|at)\s+(?:the\s+)?$")  # 'Democrats on Capitol Hill'
# The capitalised words (and the connectors names use) ending a phrase: 'House Speaker Paul D.
# Ryan', 'Bank of America', 'Democrats'.
_NAME_BEFORE: Final = re.compile(r"(?<![\w.’'\-])[A-Z][\w.’'\-]*(?:\s+(?:(?:of|the|for|and|de)\s+)*[A-Z][\w.’'\-]*)*$")
_NOT_PLACES: Final = frozenset(["america", "washington"])  # as often a nation's or a government's name as a place


def _placed_in(raw: str, last: re.Match[str]) -> str | None:
    """When a phrase ends in a place that only says where ('… of Wisconsin', '… in the
    U.S.', '… in Congress'), the name the phrase gives before it, or '' for none; None when
    the phrase does not end so, or the place is part of a body's name ('the University of
    Texas', 'the Bank of England')."""
    if not _a_place(last.group()):
        return None
    prep = _PLACING_PREP.search(raw, 0, last.start())
    if prep is None or prep.start() == 0:
        return None
    before = raw[: prep.start()].rstrip(" ,")
    name = _NAME_BEFORE.search(before)
    if name is not None and prep.group().split()[0] == "of" and is_org(raw[name.start() :]):
        return None  # bodies are named with 'of' ('the University of Texas'), not with 'in'
    return name.group() if name is not None and not _a_place(name.group()) else ""  # not 'California at Berkeley'


def _a_place(name: str) -> bool:
    low = name.lower()
    return is_place(name) or low in PLACES and low not in _NOT_PLACES or name in ("U.S.", "U.K.", "US", "UK") or is_city(name)


def _person_first(run: str, names: ArticleNames) -> bool:
    """Whether a run opening a phrase ('Phil Musser', 'Mr. Burman') is a person's name, not
    a body's nor an office's ('White House Chief', 'Palm Beach County Supervisor')."""
    if not _person_of_place(run) or run.split()[-1].rstrip(".").lower() in TITLES:
        return False
    return looks_like_person(bare_name(run)) or names.knows(run)


def _office_only(run: str) -> bool:
    """Whether a run is an office's first words and nothing more ('Secretary' of State,
    'Former Secretary' of State)."""
    return all(t.rstrip(".").lower() in TITLES for t in run.split())


def _person_of_place(run: str) -> bool:
    """A person's name before 'of' (a title or two names: 'Gov. John Kasich', 'Elena Ruiz'),
    not an organisation ('Bank', 'University')."""
    tokens = run.split()
    if is_org(run) or any(t.rstrip(".").lower() in ORG_WORDS for t in tokens):
        return False
    return len(tokens) >= 2 or tokens[0].rstrip(".").lower() in TITLES


def _antecedent(text: str, pos: int, names: ArticleNames) -> Speaker | None:
    before = text[max(0, pos - 120) : pos].rstrip()
    if not before.endswith(","):
        return None
    runs = list(NAME_RUN.finditer(before))
    if not runs:
        return None
    # the last name closed by a comma: 'McConnell, now the Senate majority leader, who', not 'Senate'
    closed = [r for r in runs if before.startswith(",", r.end())]
    last = (closed or runs)[-1]
    run = last.group()
    placed = _placed_in(before[: last.end()], last)
    if placed:
        run = placed  # 'Senator Bernie Sanders of Vermont, who': not Vermont
    if is_org(run):
        return Speaker(run, run, "organisation")
    name = names.resolve_at(run, pos)
    return Speaker(name, run, "person")


def person_named_between(names: ArticleNames, lo: int, hi: int) -> Speaker | None:
    """The first person the text names in [lo, hi): the likely subject a pronoun points to.
    (`names.mentions` is in text order: found by bisection, not a scan of the article.)"""
    i = names.mention_index(lo)
    if i < len(names.mentions) and names.mentions[i][0] < hi:
        full = names.mentions[i][1]
        return Speaker(full, full, "person")
    return None


_SENTENCE_END: Final = re.compile(r"[.!?][\"”’]?\s+$")
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n)(?=\S)")
_QUOTED_LEAD: Final = MASK + "\"“”‘’',;: \n"  # what may stand before the pronoun: its quotation


def _subject_just_before(text: str, names: ArticleNames, pos: int, pronoun: str) -> Speaker | None:
    """The person named first in the sentence right before a sentence that opens with 'he'
    or 'she' ('Mr Anderson, who quit …, had taken the witness box. He proudly told …'): the
    subject of the sentence before is the one the next one goes on about."""
    lo = max(0, pos - 600)
    lead = text[lo:pos].rstrip(_QUOTED_LEAD)
    if lead and lead[-1] not in '.!?"”’' and "\n" not in text[lo + len(lead) : pos]:
        return None  # (most pronouns: inside a sentence; the sentences are looked for only after this)
    starts = [m.end() for m in _SENTENCE_START.finditer(text, lo, pos + 1) if m.end() <= pos]
    if len(starts) < 2 or text[starts[-1] : pos].strip(_QUOTED_LEAD):
        return None  # the pronoun is not the sentence's subject, nor after its quotation alone
    after_quote = starts[-1] < pos  # '“…,” she said.': the person must be known to be a 'she'
    start = starts[-2]
    i = names.mention_index(start)
    if i >= len(names.mentions):
        return None
    at, full = names.mentions[i]
    if at - start > 4 or at >= pos or text[at] == MASK or names.is_oblique(at) or not full:
        return None  # (a name inside a quotation is no one the writer goes on about)
    run = NAME_RUN.match(text, at)
    if run is None or pos - at < 40:
        return None  # a sentence too short to be about its first name: a signature ('David Groner.')
    if _SAID_BY_ANOTHER.search(text, at, starts[-1]):
        return None  # 'Cruz electrified the crowds, Stovall said. “He was …”': the one quoted speaks on
    if _NOT_SUBJECT_AFTER.match(text, run.end()) is not None or not names.agrees(full, pronoun) or after_quote and names.gender_of(full) != pronoun:
        return None  # 'Trump’s accusation …', 'Trump senior adviser Jason Miller': no subject
    return Speaker(full, full, "person")


# A sentence that is itself someone's words: 'Trump, Sexton said, has created …', '…, Stovall said.'
_SAID_BY_ANOTHER: Final = re.compile(r",\s+(?:[A-Z][\w.'’\-]*\s+){1,3}(?:said|says|told|added|noted|wrote)\b")
# After a name, what shows it is no subject: a possessive, or a lower-case noun it modifies
# ('Trump senior communications adviser'): a word ending as no verb form does.
_NOT_SUBJECT_AFTER: Final = re.compile(
    r"['’]s?\b|\s+(?![a-z]+(?:s|ed|ly)\b)"
    r"(?!(?:is|was|has|had|will|would|can|could|should|may|might|must|did|does|also|then|now|who)\b)[a-z]+\b"
)


def last_person_before(names: ArticleNames, pos: int, pronoun: str = "") -> Speaker | None:
    """The person last named before `pos`, skipping those the pronoun cannot stand for
    (read back from `pos`, found by bisection in the mentions in text order)."""
    mentions = names.mentions
    here = names.mention_index(pos)
    reach = max(-1, here - 9)  # the last eight mentions: beyond them, the first that agrees
    oblique: str | None = None
    for i in range(here - 1, reach, -1):
        at, full = mentions[i]
        if names.agrees(full, pronoun):
            if pronoun in ("he", "she") and names.is_oblique(at) and oblique is None:
                oblique = full  # a subject further back is likelier ('her interview with Winfrey')
                continue
            if oblique is not None and names.gender_of(full) != pronoun:
                break
            return Speaker(full, full, "person") if full else None
    if oblique is not None:
        return Speaker(oblique, oblique, "person")
    for i in range(reach, -1, -1):
        full = mentions[i][1]
        if names.agrees(full, pronoun):
            return Speaker(full, full, "person") if full else None
    return None
