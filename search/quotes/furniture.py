"""Page furniture: the lines of a web page's text that are no one's words.

A main-text extractor working on a saved news page keeps more than the story: advertisement
and continuation markers ('Story continues below advertisement'), links ('Read more: …',
'RELATED: …'), newsletter, share and app prompts, photo captions and credits ('This image
released by Netflix shows …', 'Maxim Shemetov/Reuters The head of …', '… (AP Photo/Evan
Vucci)', 'Photo: …', 'Getty Images'), headlines and sub-heads, bylines ('By Jane Doe'),
datelines ('WASHINGTON (AP) —'), time stamps, contact and copyright lines. Read as prose,
each of them gives false quotes ('Story continues below advertisement' is 'advertisement'
said by 'Story') or false names (the photographer of a credit becomes the 'she' of the next
paragraph). `content_start` tells the extractor where a paragraph's own words start: at its
end for furniture (the paragraph gets no quote scan and names no one), after the dateline
for a paragraph that opens with one (the sentence after it is the story's first), else at
its start.

Why whole paragraphs and these tests: a false positive drops a real paragraph with its
quotes, which is worse than a missed advertisement line, so every rule needs the shape of
furniture, not a word: a sub-head is short and ends without punctuation; a byline is 'By'
and nothing but a name (not 'By Tuesday, the senator had …'); a credit names an agency or
carries a 'Photo:' label; prompts and captions that hold a quotation mark are kept (they
might be a story paragraph that happens to start like one). The rules were checked on the
text of real pages (the variety corpus, the html-news pages) and on every paragraph of
PolNeAR dev and train, where none drops an annotated quote.

Speed: one anchored regex per rule, tried only where cheap tests (length, first and last
character) allow, so a story paragraph costs a few character tests.
"""

from __future__ import annotations

import re
from typing import Final

from search.quotes.persons import is_city, is_place
from search.quotes.verbs import ALL_FORMS, LEARNED

# Quotation marks of any style: a paragraph holding one may be someone's words.
_QUOTE_CHARS: Final = frozenset('“”„«»"‘’')
_QUOTE_MARK: Final = re.compile(r"[“”„«»\"‘’]")
_LEAD_QUOTES: Final = frozenset("“”„«»\"‘’'")
# What may come before furniture's first word (a bullet, a bracket), never a quotation mark:
# '"VIDEO: Hillary … told me …' and "''Follow us,'' Ms. Gil said" are someone's words.
_LEAD: Final = r"[^\w“”„«»\"‘’']{0,3}"
# What a sentence (or a quotation closing one) ends with; a sub-head ends with none of it.
_END_PUNCT: Final = frozenset(".!?:;,…")
_CLOSERS: Final = frozenset("”\"’')]»")

# ---- advertisement and continuation markers: the whole paragraph --------------------------
_ADVERT: Final = re.compile(
    r"[\s(\[]*(?:"
    r"(?:the\s+)?(?:story|article|text|content|report|post)\s+continues?\s+(?:below|after|under|beneath)"
    r"(?:\s+(?:this|the))?(?:\s+(?:advertisement|advert|ad|video|image|photo|gallery|slideshow))?"
    r"|(?:skip\s+)?(?:advertisement|advertising|advert|sponsored(?:\s+(?:content|links?|stories))?|ad\s+feedback|paid\s+(?:content|post))"
    r"|(?:continue|keep)\s+reading(?:\s+(?:the\s+)?(?:main\s+)?(?:story|article|below))?"
    r"|scroll\s+(?:down\s+)?(?:to|for)\s+(?:continue|more)(?:\s+reading)?"
    r")[\s.:…)\]]*",
    re.IGNORECASE,
)

# ---- links: 'Read more: …', 'RELATED: …' (the rest of the line is a linked headline) -----
_LINK: Final = re.compile(
    _LEAD + r"(?:(?i:read\s+(?:more|also|next|this)|related(?:\s+(?:stories|story|articles?|coverage|content|links?|reading|topics|video))?"
    r"|see\s+(?:also|more)|also\s+(?:read|see|on\s+\w+)|more\s+on\s+(?:this|that)(?:\s+(?:story|topic))?|recommended(?:\s+(?:reading|stories|for\s+you))?"
    r"|read\s+the\s+(?:full|rest|latest|original)\b[^:|»›]{0,40}|editor['’]s\s+picks?|most\s+(?:read|popular)|top\s+stories)"
    r"|WATCH|VIDEO|PHOTOS?|GALLERY|LISTEN|MORE|SEE\s+IT|READ|SPONSORED|PROMOTED)\s*(?:[:|»›>]|\s[—–-]\s)"
)

# ---- prompts: newsletters, sharing, following, apps, tips -----------------------------------
_PROMPT: Final = re.compile(
    _LEAD + r"(?i:sign\s+up\b|subscribe\b|(?:you\s+are|you['’]re)\s+(?:now\s+)?subscribed|join\s+(?:our|the|us|\d[\d,]*\s+other)\b"
    r"|(?:get|receive)\s+(?:our|the\s+latest|the\s+best|free|breaking|daily|weekly|exclusive|more|every|all\s+the)\b[^.!?]{0,80}?\b(?:newsletters?|inbox|e-?mails?|alerts?|updates|app)\b"
    r"|want\s+(?:more|free|to\s+(?:get|receive|stay|read))\b|enter\s+your\s+e-?mail|by\s+(?:submitting|signing\s+up|subscribing|clicking|registering)\b|(?:thanks?|thank\s+you)\s+for\s+(?:signing\s+up|subscribing|reading)"
    r"|follow\s+(?:us|me|him|her|them|@\w+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok|youtube))\b"
    r"|share\s+(?:this|on|via|options|the\s+(?:story|article)|your\s+(?:thoughts|views|story|comments))\b"
    r"|click\s+(?:here|to|through|on\s+the\s+link)\b|tap\s+(?:here|to)\b|download\s+(?:our|the)\b[^.!?]{0,60}?\bapp\b"
    r"|if\s+you['’]re\s+(?:on|using|reading\s+this\s+on)\s+(?:the|our)\b|(?:have|got)\s+a\s+(?:news\s+)?tip\b|feel\s+free\s+to\s+(?:send|contact|email)|send\s+us\s+(?:a\s+tip|tips|your)\b"
    r"|(?:we|this\s+site)\s+may\s+(?:earn|receive)\s+(?:a\s+)?(?:commission|compensation))"
)

# a promo paragraph closed by its call to action ('CNN will soon launch Royal News, a weekly newsletter … Sign up here.')
_PROMPT_END = re.compile(r"(?<=[.!?] )(?:Sign\s+up|Subscribe|Register|Click\s+here)(?:\s+(?:here|now|today|for\s+free|for\s+it\s+here))[.!]$")

# ---- photo credits and captions --------------------------------------------------------------
# A credit names an agency or a paper; a bare 'Name/Name' does not make one ('Ukraine/Russia talks').
_AGENCY: Final = (
    r"(?:AP|A\.P\.|AFP|Reuters|REUTERS|Getty|GETTY|EPA|EFE|Bloomberg|Shutterstock|Alamy|iStock(?:photo)?|Unsplash|Pexels|Pool|POOL|Sputnik|TASS|Xinhua|"
    r"Anadolu|NurPhoto|ZUMA|Zuma|SIPA|Sipa|Rex|REX|PA|UPI|WireImage|FilmMagic|Corbis|Redux|Polaris|Kyodo|Yonhap|KCNA|ANSA|dpa|DPA|Keystone|Handout|HANDOUT|"
    r"Courtesy|Images|Photos?|Pictures|Photography|Press|Wire|Agency|News|Post|Times|Herald|Tribune|Journal|Globe|Gazette|Chronicle|Star|Telegraph|Guardian|Archives?)"
)
_AGENCY_WORD: Final = re.compile(rf"(?<![\w'’]){_AGENCY}(?![\w'’])")
_PHOTO_AGENCY: Final = re.compile(
    r"(?<![\w'’])(?:AP|AFP|Reuters|REUTERS|Getty|GETTY|EPA|Shutterstock|Alamy|iStock(?:photo)?|Unsplash|Pexels|Sputnik|TASS|Xinhua|Anadolu|NurPhoto|"
    r"ZUMA|SIPA|WireImage|FilmMagic|Kyodo|Yonhap|KCNA|ANSA|Images|Photos?|Pictures|Photography)(?![\w'’])"
)
_CREDIT_LABEL: Final = (
    r"(?i:photo(?:graph|s)?|image|picture|pic|foto|video|footage|graphic|illustration|(?:photo|image|picture)\s+credit"
    r"|credits?|courtesy(?:\s+of)?)"
)
_CAP: Final = r"[A-Z][\w.'’&-]*"
# 'Toni L. Sandys / The Washington Post / Getty Images', 'AFP via Getty', 'Kremlin/AP'
_CREDIT_RUN: Final = (
    rf"{_CAP}(?:\s+(?:{_CAP}|de|da|van|von|del|la|le|of|the|and|on)){{0,6}}"
    rf"(?:\s*(?:/|\bvia\b|,|;|&|\band\b)\s*{_CAP}(?:\s+(?:{_CAP}|of|the)){{0,5}})*"
)
# the whole paragraph a credit: 'Photo: Unnati Chauhan', '(Image credit: Best Buy)', 'Getty Images', '( John Doe / AP )'
_CREDIT_LINE: Final = re.compile(rf"[\s(\[|]*(?:{_CREDIT_LABEL}\s*(?::|\bby\b|/)\s*(?:{_CREDIT_LABEL}\s*:\s*)?[^\n]{{1,100}}?|{_CREDIT_RUN})[\s)\].]*")
# a credit closing a caption, matched from its last '(', '[' or '|', or from its label: '… in 2009. (Saul
# Loeb/AFP/Getty Images)', '(Foto: Natacha Pisarenko/Pool via REUTERS).', '… September. | Patrick Semansky/AP
# Photo', '… in an hour.Photograph: Getty Images'
_CREDIT_PAREN: Final = re.compile(rf"[(\[]\s*(?P<credit>(?:{_CREDIT_LABEL}\s*:\s*)?{_CREDIT_RUN})\s*[)\]]\s*\.?")
_CREDIT_BAR: Final = re.compile(rf"\|\s*(?P<credit>{_CREDIT_RUN})\s*\.?")
_CREDIT_LABELLED: Final = re.compile(r"(?<=[.!?”\"])\s*(?:Photo(?:graph)?|Image|Picture|Credit|Foto)\s*:\s*[^.:!?]{1,60}$")
# a caption opened by its credit: 'Maxim Shemetov/Reuters The head of …', 'Gavriil Grigorov/Sputnik, Kremlin/AP Russian …'
_CREDIT_START: Final = re.compile(rf"(?:{_CAP}\s+){{1,4}}?{_CAP}\s*/\s*{_AGENCY}(?:\s+(?:Images|Photo|Pool|Press))?(?:,\s*{_CAP}\s*/\s*{_AGENCY})*\s+[A-Z]")
# wire-service caption openers: 'This image released by Netflix shows …', 'In this photo provided by …',
# 'FILE - In this Feb. 3, 2020, file photo, …', 'FILE PHOTO: …'
_CAPTION_NOUN: Final = (
    r"(?:image|photo(?:graph)?|picture|handout(?:\s+photo)?|screenshot|screen\s+grab|frame\s+grab|still(?:\s+image)?|file\s+photo"
    r"|combination\s+(?:photo|picture)|aerial\s+(?:photo|view))s?"
)
_CAPTION: Final = re.compile(
    _LEAD + rf"(?:FILE(?:\s+PHOTO)?\s*[-–—:]|(?:(?i:in\s+)?(?i:this|these)\s+(?:[^.!?\n]{{0,40}}?\s)?{_CAPTION_NOUN}\b[^.!?\n]{{0,80}}?"
    r"\b(?:released|provided|made\s+available|taken|shows?|showing|distributed|supplied|obtained|courtesy|posted|shared|issued|made\s+from|from\s+(?:a\s+)?video)\b))"
)

# ---- bylines, contributor and contact lines -----------------------------------------------
_NAME: Final = r"[A-Z][\w'’-]*\.?(?:\s+(?:[A-Z][\w'’-]*\.?|de|da|van|von|del|la|le|bin|al|el|Mc\w+)){0,4}"
_BYLINE_TAIL_WORDS: Final = (
    r"(?:staff|writer|reporter|correspondent|editor|contributor|columnist|producer|senior|chief|political|national|special|foreign|white\s+house|"
    r"for|of|the|at|in|on|to|and|updated|published|posted|am|pm|a\.m\.|p\.m\.|et|est|edt|gmt|utc|bst|cet|[\w.,:@/|&'’()-]*\d[\w.,:@/|&'’()-]*|[A-Z@][\w.,:@/&'’()-]*)"
)
_BYLINE: Final = re.compile(
    _LEAD
    + rf"(?i:by|byline\s*:|written\s+by|words\s+by|reporting\s+by|story\s+by)\s+(?!(?:the|a|an|this|that|then|now|contrast|comparison|law|far|design)\b){_NAME}"
    rf"(?:\s*(?:,|\band\b|&)\s*{_NAME})*(?:\s*(?:,|\||—|–|-|\bfor\b|\bof\b)?\s+{_BYLINE_TAIL_WORDS}){{0,14}}[\s.,|]*"
)
# 'Alex Isenstadt contributed to this report.', 'Reporting by Jane Doe; Editing by John Roe', 'Write to … at …'
_CONTRIBUTED: Final = re.compile(
    _LEAD + rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*\s+(?:also\s+)?contributed\b[^.!?]{{0,60}}\b(?:report|story|article|reporting)\b"
)
_REPORTING_BY: Final = re.compile(_LEAD + r"(?:(?i:additional\s+)?(?i:reporting|editing|writing)\s+by\b[^.!?]{0,120}$|Write\s+to\s+[^!?]{0,80}?\bat\s+\S+@)")
_CONTACT: Final = re.compile(_LEAD + r"(?i:(?:or\s+)?(?:by\s+)?)(?i:contact|e-?mail|phone|tel|fax|call\s+us|tips?)\s*(?:us\s*)?:\s*\S")
_EMAIL_LINE: Final = re.compile(_LEAD + r"(?:\[email\s+protected\]|[\w.+-]+@[\w-]+\.[\w.-]+)[\s.]*")
_COPYRIGHT: Final = re.compile(_LEAD + r"(?:©|\(c\)|(?i:copyright)\b)")
_ALL_RIGHTS: Final = re.compile(r"(?i:all\s+rights\s+reserved)")

# ---- time stamps: 'Latest update May 6th, 2022 12:49 AM', 'Updated 9:35 p.m. ET', '9:35 p.m.' -----
_MONTH: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY: Final = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
_STAMP_WORD: Final = (
    rf"(?:{_MONTH}|{_WEEKDAY}|\d[\d:/.,-]*(?:st|nd|rd|th)?,?|(?i:a\.m\.|p\.m\.|am|pm|et|est|edt|pt|pst|pdt|ct|cst|cdt|gmt|utc|bst|cet|cest)|"
    r"(?i:updated|update|latest|last|published|posted|modified|on|at|ago|hours?|hrs?|minutes?|mins?|days?|today|yesterday)|[|•·,-])"
)
_STAMP: Final = re.compile(rf"\s*(?:{_STAMP_WORD}\s*){{1,14}}")
_DIGIT: Final = re.compile(r"\d")
_STAMP_SIGN: Final = re.compile(r"[A-Za-z]|\d:\d")

# ---- datelines: 'WASHINGTON (AP) —', 'NAPA COUNTY, Calif. (KGO) --', 'LOS ANGELES, Sept. 28 (UPI) —' -----
_DATELINE: Final = re.compile(
    r"(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,\s+[A-Z][\w.'’ -]*?){0,2}(?:\s+\([A-Za-z .]+\))?|\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg)\))"
    r"\s*(?:—|–|--|―| - )\s*"
)
# 'PATNA:', 'NEW DELHI:' (Indian papers): a place in capitals and a colon, not a transcript's
# 'PENCE:' (the place is checked)
_COLON_DATELINE: Final = re.compile(r"(?P<place>[A-Z][A-Z.'’ -]*[A-Z])\s*:\s+")
_LETTER: Final = re.compile(r"[^\W\d_]")
# A caption quotes titles and signs; a paragraph that reports speech is the story's.
_SPEECH: Final = re.compile(r"\b(?:said|says|say|told|tells|asked|asks|added|according|wrote|writes|tweeted|stated)\b")


# What a reader leaves out of an article's body (search.readers: text and web pages): what is
# never story text. Sub-heads, bylines, time stamps and datelines stay (they are the page's
# words a search may want; the extractor passes over them anyway).
BODY_OUT = frozenset({"advert", "link", "prompt", "caption", "credit", "copyright", "contact", "box"})


def content_start(text: str, start: int, end: int) -> int:
    """Where the story's own words in paragraph `text[start:end]` start: `end` when the
    paragraph is page furniture (so it is left out), after the dateline when one opens it
    ('WASHINGTON (AP) — The Senate …': the sentence after a dateline is the story's), else
    `start`."""
    if furniture_kind(text, start, end) is not None:
        return end
    if end - start > 3 and (text[start].isupper() and text[start + 1].isupper() or text[start] == "("):
        m = _DATELINE.match(text, start, min(end, start + 80))
        if m is not None and m.end() < end:
            return m.end()
        m = _COLON_DATELINE.match(text, start, min(end, start + 40))
        if m is not None and m.end() < end:
            place = " ".join(w[0] + w[1:].lower() for w in m.group("place").split())
            if is_city(place) or is_place(place):
                return m.end()
    return start


def is_furniture(text: str, start: int = 0, end: int = -1) -> bool:
    """Whether paragraph `text[start:end]` (the whole text by default) is page furniture."""
    return furniture_kind(text, start, len(text) if end < 0 else end) is not None


# The opening words of each kind: a paragraph is tried only against the rules its first
# word can start, so a story paragraph ('The …', 'Mr. …', '“…') costs a few cheap tests.
_LINK_WORDS: Final = frozenset(
    "read related see also more recommended editor's editor’s most top watch video photo photos gallery listen sponsored promoted".split()
)
_PROMPT_WORDS: Final = frozenset(
    "sign subscribe you you're you’re join get receive want enter by thanks thank follow share click tap download if have got feel send we this".split()
)
_CONTACT_WORDS: Final = frozenset("or by contact email e-mail phone tel fax call tip tips".split())
_REPORTING_WORDS: Final = frozenset("additional reporting editing writing write".split())
_CAPTION_WORDS: Final = frozenset("file in this these".split())
_BYLINE_WORDS: Final = frozenset("by byline written words reporting story".split())
_FIRST_WORD: Final = re.compile(r"[^\W\d_][\w'’-]{0,14}")


# A line of structured data: a brace or bracket alone, or a JSON key and its value.
_DATA_OPENERS: Final = frozenset('{}[]"')
_DATA_LINE: Final = re.compile(r'[{}\[\],]+|"[^"\n]{1,80}"\s*:\s*(?:"[^"\n]*"|-?\d[\d.]*|true|false|null|[{\[])\s*,?')


def furniture_kind(text: str, start: int, end: int) -> str | None:
    """What kind of page furniture paragraph `text[start:end]` is ('advert', 'link',
    'prompt', 'credit', 'caption', 'byline', 'contact', 'copyright', 'timestamp',
    'dateline', 'heading', 'box', 'data'), or None for a paragraph of the story. The kinds say which rule
    matched (for tests and debugging); the extractor needs only whether one did."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    n = end - start
    if n == 0:
        return None
    if text[start] in _DATA_OPENERS and _DATA_LINE.fullmatch(text, start, end):
        return "data"  # a line of JSON shown in a story ('"Name": "Matthew Davis",'): no one's words
    word = _first_word(text, start, end)
    if word == "why" and text.startswith("Why We Wrote This", start):
        return "box"  # the Monitor's box above the story: the editors' words
    if n <= 400:
        if word in _LINK_WORDS and _LINK.match(text, start, end):
            return "link"
        if (word == "copyright" or text[start] in "©(") and _COPYRIGHT.match(text, start, end) or n <= 300 and _all_rights(text, start, end):
            if not _quoted(text, start, end):
                return "copyright"
        if word in _CONTACT_WORDS and _CONTACT.match(text, start, end) and not _quoted(text, start, end):
            return "contact"
        if n <= 200 and _credit_note(text, start, end, word) and not _quoted(text, start, end):
            return "byline"
        if n <= 150:
            kind = _short_kind(text, start, end, word)
            if kind is not None:
                return kind
    # captions: their own paragraph even when long, but never one that quotes someone
    if word in _CAPTION_WORDS and _CAPTION.match(text, start, end) and (not _quoted(text, start, end) or _SPEECH.search(text, start, end) is None):
        return "caption"  # quoting only a title ('… shows Olivia Colman in a scene from "The Crown."')
    if text.find("/", start, min(end, start + 80)) >= 0 and _CREDIT_START.match(text, start, end) and not _quoted(text, start, end):
        return "caption"
    if n <= 600 and word in _PROMPT_WORDS and _PROMPT.match(text, start, end) and not _quoted(text, start, end):
        return "prompt"
    if n <= 400 and text[end - 1] in ".!" and _PROMPT_END.search(text, start, end) and not _quoted(text, start, end):
        return "prompt"  # a newsletter promo that ends with its call: '… behind palace walls. Sign up here.'
    if _credit_closes(text, start, end):
        return "caption"
    return None


def _first_word(text: str, start: int, end: int) -> str:
    """The paragraph's first word, lower-cased, after at most three other marks (a bullet, a
    bracket); '' when a quotation mark comes first (then the paragraph is someone's words)."""
    i = start
    while i < end and i < start + 3 and not text[i].isalnum():
        if text[i] in _LEAD_QUOTES:
            return ""
        i += 1
    m = _FIRST_WORD.match(text, i, end)
    return m.group().lower() if m is not None else ""


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the paragraph holds a quotation mark (the NYT archive's '' too)."""
    return _QUOTE_MARK.search(text, start, end) is not None or text.find("''", start, end) >= 0


def _all_rights(text: str, start: int, end: int) -> bool:
    """A copyright line that does not open with '©': '… All rights reserved.'"""
    return (text.find("eserved", start, end) >= 0 or text.find("ESERVED", start, end) >= 0) and _ALL_RIGHTS.search(text, start, end) is not None


def _credit_note(text: str, start: int, end: int, word: str) -> bool:
    """'Alex Isenstadt contributed to this report.', 'Reporting by …', 'Write to … at …'."""
    if text.find("contribut", start, end) >= 0 and _CONTRIBUTED.match(text, start, end):
        return True
    return word in _REPORTING_WORDS and _REPORTING_BY.match(text, start, end) is not None


def _credit_closes(text: str, start: int, end: int) -> bool:
    """Whether a photo credit closes the paragraph, which makes it a caption ('… during a
    meeting in 2009. (Saul Loeb/AFP/Getty Images)'). A caption may quote a sign or a title,
    but a long paragraph with quotation marks is the story's, credit or not."""
    last = text[end - 1]
    if last == ".":
        if end - start < 2 or text[end - 2] not in ")]":
            return False  # a story sentence; a credit ends with its name or a bracket
    elif last not in ")]" and not last.isalpha():
        return False
    tail = max(start, end - 160)
    e = end - 1 if last == "." else end
    m: re.Match[str] | None = None
    if text[e - 1] in ")]":
        at = max(text.rfind("(", tail, e), text.rfind("[", tail, e))
        if at >= 0:
            m = _CREDIT_PAREN.fullmatch(text, at, end)
    if m is None:
        at = text.rfind("|", tail, end)
        if at >= 0:
            m = _CREDIT_BAR.fullmatch(text, at, end)
    if m is not None:
        if not _photo_credit(m.group("credit")):
            return False
    else:
        colon = text.find(":", max(start, end - 70), end)
        if colon < 0:
            return False
        m = _CREDIT_LABELLED.search(text, max(start, colon - 14), end)
        if m is None:
            return False
    return _words(text, start, m.start()) <= 50 or not _quoted(text, start, end)


def _photo_credit(credit: str) -> bool:
    """A credit closing a paragraph is a photo's ('(Saul Loeb/AFP/Getty Images)', '| Patrick
    Semansky/AP Photo', '(Foto: …)'), not a news summary's source ('… had “Syrian roots.”
    [Reuters.]'): it has a label, or a slash, 'via' or a picture agency's name beside an agency."""
    if ":" in credit:
        return True
    return ("/" in credit or " via " in credit or _PICTURE_WORD.search(credit) is not None) and _credit_named(credit)


_PICTURE_WORD: Final = re.compile(
    r"(?<![\w'’])(?:Getty|Images|Photos?|Pictures|Photography|Shutterstock|Alamy|iStock(?:photo)?|Unsplash|Pexels|WireImage)(?![\w'’])"
)


def _short_kind(text: str, start: int, end: int, word: str) -> str | None:
    """The rules for paragraphs of up to 150 characters (furniture is short)."""
    n = end - start
    if n <= 60 and _ADVERT.fullmatch(text, start, end):
        return "advert"
    if n <= 100 and (text.find("@", start, end) >= 0 or text.find("[email", start, end) >= 0) and _EMAIL_LINE.fullmatch(text, start, end):
        return "contact"
    if word in _BYLINE_WORDS and _BYLINE.fullmatch(text, start, end):
        return "byline"
    if _is_stamp(text, start, end):
        return "timestamp"
    if _words(text, start, end) <= 16 and _CREDIT_LINE.fullmatch(text, start, end) is not None and _credit_line_ok(text, start, end):
        return "credit"
    if n <= 80 and (text[start].isupper() and text[start + 1 : start + 2].isupper() or text[start] == "(") and _DATELINE.fullmatch(text, start, end):
        return "dateline"
    if _is_heading(text, start, end, text[start], text[end - 1]):
        return "heading"
    return None


def _is_stamp(text: str, start: int, end: int) -> bool:
    """A line of dates and times only ('Latest update May 6th, 2022 12:49 AM')."""
    return (
        end - start <= 80
        and _DIGIT.search(text, start, end) is not None
        and _STAMP_SIGN.search(text, start, end) is not None  # not a numbered list's '3.'
        and _STAMP.fullmatch(text, start, end) is not None
    )


def _credit_line_ok(text: str, start: int, end: int) -> bool:
    """A whole-paragraph credit must carry a label ('Photo:') or name an agency or paper,
    and be short: a line of capitalised words alone is a heading's business."""
    if _words(text, start, end) > 16:
        return False
    head = text[start : start + 40].lstrip(" ([|").lower()
    if head.startswith(("photo", "image", "picture", "pic", "foto", "video", "footage", "graphic", "illustration", "credit", "courtesy")):
        return head[: head.find(" ") if " " in head else len(head)].rstrip(":/") in _LABEL_WORDS or ":" in head or " by " in head
    return _credit_named(text[start:end])


_LABEL_WORDS: Final = frozenset(
    "photo photos photograph photographs image images picture pictures pic foto video footage graphic illustration credit credits courtesy".split()
)


def _credit_named(credit: str | None) -> bool:
    """A credit names a photo agency ('AFP', 'Getty Images'), or a paper after a slash or
    'via' ('Toni L. Sandys / The Washington Post'): a paper's name alone may be a headline's
    word ('Clinton’s Poll Numbers Jump Post-Democratic Convention')."""
    if credit is None:
        return False
    if _PHOTO_AGENCY.search(credit) is not None:
        return True
    return ("/" in credit or " via " in credit) and _AGENCY_WORD.search(credit) is not None


def _is_heading(text: str, start: int, end: int, first: str, last: str) -> bool:
    """A headline or sub-head: a short line ending without punctuation ('Meghan had suicidal
    thoughts', 'Pregnant Women and Infants', 'UK news in pictures'). A quotation standing as a
    line keeps its end punctuation inside the marks ('“… out of service.”'), so a line
    ending in a mark is a heading only when no punctuation comes before the mark."""
    if end - start > 120 or not (first.isupper() or first.isdigit() or first in _QUOTE_CHARS):
        return False
    e = end
    while e > start and text[e - 1] in _CLOSERS:
        e -= 1
    if e == start or text[e - 1] in _END_PUNCT or text[e - 1] in "—–-":
        return False
    if _words(text, start, end) > 14 or _QUOTED_SENTENCE.search(text, start, end) or _DASH_SPEAKER.search(text, start, end):
        return False
    return _LETTER.search(text, start, end) is not None and not _reporting_headline(text[start:end].split())


# Words a headline need not capitalise ('Harbor Museum Will Tell of ‘Suffering and Delight’').
_SMALL_WORDS: Final = frozenset("a an and as at but by for from in into nor of on or the to vs vs. with".split())
# Every verb form that reports speech, and the learned cues' verbs ('Slams', 'Says', 'Calls').
_CUE_WORDS: Final = ALL_FORMS | frozenset(c.split()[0] for c in LEARNED)


def _reporting_headline(words: list[str]) -> bool:
    """A Title Case headline that reports what someone said ('Ferry Will Run All Winter,
    Elena Ruiz Says', 'Dock Workers Say New Toll Is Unfair') is kept: the extractor reads a
    headline's attribution, as news annotation does (PolNeAR marks them). A sentence-case
    sub-head ('Meghan called the Queen about Prince Philip') is the writer's summary."""
    if len(words) < 3:
        return False
    cue = False
    for w in words:
        core = w.strip("“”‘’\"'()[],.:;!?")
        if not core or not core[0].isalpha():
            continue
        if not core[0].isupper() and core.lower() not in _SMALL_WORDS:
            return False
        cue = cue or core.lower() in _CUE_WORDS
    return cue


# A heading may quote a phrase ("There were 'concerns' in the royal family …"), but a whole
# quoted sentence ('“… run for president.”') or a dash and a name after it ('“…” ― Francisco
# Herrero') is a quotation standing as a paragraph.
_QUOTED_SENTENCE: Final = re.compile(r"[.!?,…][”\"’'»]")
_DASH_SPEAKER: Final = re.compile(r"[”\"’'»]\s*[—–―-]+\s*[A-Z]")


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())
