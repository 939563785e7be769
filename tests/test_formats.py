"""Your own corpus: saved pages, web archives, spreadsheets, feeds and archives of them, each
indexed with its counts, ids, dates and outlets checked; a malformed file of each kind named
and skipped with the rest indexed. Tests that read the real pages in ../shared skip alone
when it is absent; the others build small pages of their own."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import SHARED, needs_shared, run_cli

from search.api import Index
from search.indexing.indexer import index_paths
from search.quotes import extract_quotes
from search.readers.corpus import read_corpus
from search.readers.sniff import SUPPORTED

HTML_NEWS = SHARED / "corpora" / "html-news"
VARIETY_DEV = SHARED / "corpora" / "variety" / "dev.jsonl"
# page -> (date, outlet, language) as the page says them
PAGES = {
    "politico.com.retirement.html": (dt.date(2019, 12, 30), "Politico", "en"),
    "edition.cnn.com-royal.html": (dt.date(2021, 3, 8), "CNN", "en"),
    "tagesschau.de.rheinmetall.html": (dt.date(2020, 4, 29), "tagesschau.de", "de"),
}

QUOTE = "“We will not accept the toll plan,” said Maria Okafor, a council member."


def own_page(title: str, body: str, date: str | None = "2024-05-06", site: str = "The Harbor Gazette") -> bytes:
    """A small news page of our own, with the furniture real pages carry around the story."""
    meta = f'<meta property="article:published_time" content="{date}T21:30:00-05:00">' if date else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">{meta}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies. Accept all cookies?</div>
<article><h1>{title}</h1>{paras}<p>Advertisement</p></article>
<aside class="related"><h3>Read more</h3><a href="/x">Another story</a></aside>
<footer>Sign up for our newsletter</footer></body></html>""".encode()


STORY = (
    "HARBOR CITY — The council voted on Monday to delay the new ferry toll after a long night of debate.\n"
    f"{QUOTE}\n"
    "The toll would have raised the fare for commuters by a third, according to the city's own figures, which were published last week.\n"
    "Officials said the plan would return in the spring with changes to protect daily riders and students."
)


def articles(index: Path) -> dict[str, dict]:
    with Index.open(index) as ix:
        return {f["article_id"]: f for f in ix.backend.documents(kind="article")}


def page(name: str) -> bytes:
    return (HTML_NEWS / name).read_bytes()


# --- HTML ---------------------------------------------------------------------------------


def test_a_saved_page_gives_its_story_without_the_page_around_it(tmp_path):
    (tmp_path / "ferry.html").write_bytes(own_page("Council delays ferry toll", STORY))
    (a,) = list(read_corpus([tmp_path]))
    assert a.id == "ferry.html" and a.title == "Council delays ferry toll" and not a.title_derived
    assert a.source == "The Harbor Gazette" and a.language == "en"
    assert a.date == dt.date(2024, 5, 7)  # 21:30 at UTC-5 is the next day in UTC
    body = "\n".join(p.text for p in a.body)
    assert QUOTE in body
    for furniture in ("Advertisement", "cookies", "Read more", "Sign up", "Home"):
        assert furniture not in body
    assert "htmldate" in a.provenance["date"] and a.provenance["source"]


def test_a_page_is_read_by_its_content_whatever_its_name(tmp_path):
    (tmp_path / "story").write_bytes(own_page("Council delays ferry toll", STORY))
    (tmp_path / "story.php").write_bytes(own_page("Ferry toll returns", STORY.replace("Monday", "Friday")))
    (tmp_path / "notes.txt").write_text("date 2024-05-01\nA note\n\nNothing in it.\n", encoding="utf-8")
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 3 and r.skipped == 0
    assert r.formats == {"html": {"files": 2, "articles": 2}, "text": {"files": 1, "articles": 1}}
    found = articles(tmp_path.with_name(tmp_path.name + "-index"))
    assert found["story"]["title"] == "Council delays ferry toll"
    assert found["story.php"]["title"] == "Ferry toll returns"


def test_a_page_with_no_main_text_is_named_and_skipped(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"<!DOCTYPE html><html><head><title>Log in</title></head><body><nav>Home</nav></body></html>")
    (tmp_path / "ferry.html").write_bytes(own_page("Council delays ferry toll", STORY))
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 1
    assert r.skipped_reasons == [f"{tmp_path / 'empty.html'}: no main text found on the page (not an article page?)"]


@needs_shared(HTML_NEWS)
def test_the_html_news_folder_is_indexed_whole_with_titles_dates_and_outlets(tmp_path):
    r = run_cli("index", str(HTML_NEWS), "--index", str(tmp_path.with_name(tmp_path.name + "-index")))
    assert r.exit_code == 0
    assert "indexed 29 article(s)" in r.stdout and "read: html 29 file(s), 29 article(s)" in r.stdout
    # the one file that is no page is named, none is skipped silently
    assert r.stderr.count("warning: skipped") == 1 and "README.md: unsupported file type '.md'" in r.stderr
    assert "note: 5 article(s) not in English (de 2, es 1, fr 1, it 1)" in r.stderr
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    assert len(docs) == 29
    assert all(d.get("title") and not d.get("title_derived") for d in docs.values())
    assert all(d.get("date") and d.get("source") for d in docs.values())
    languages = [d.get("language") for d in docs.values()]
    assert languages.count("en") == 24
    for name, (date, source, lang) in PAGES.items():
        assert (docs[name]["date"].date(), docs[name]["source"], docs[name]["language"]) == (date, source, lang)
    with Index.open(tmp_path.with_name(tmp_path.name + "-index")) as ix:
        assert ix.quotes_of("tagesschau.de.rheinmetall.html") == []  # quotes are looked for in English only
        assert ix.quotes_of("politico.com.retirement.html")
        assert ix.search("Rheinmetall", kind="article").total >= 1  # but the page is searchable


# the saved pages that are not in English, by the language their own markup and text give
FOREIGN_PAGES = {
    "tagesschau.de.rheinmetall.html": "de",
    "taz.de.siemens.html": "de",
    "clarin.com-albertofernandez.html": "es",
    "ledevoir.com.trottinettes.html": "fr",
    "lastampa.it.temperature.html": "it",
}


@needs_shared(HTML_NEWS)
def test_text_and_json_lines_not_in_english_are_identified_and_their_quotes_not_looked_for(tmp_path):
    # The same stories clipped as text files and as JSON Lines records, which carry no
    # language of their own: the English rules used to find speakers such as 'Es', 'Das' and
    # 'Y' in them. English text is left as it was (no language, quotes looked for).
    from search.quotes_from_files import extract_records

    pages = {Path(a.path).name: a for a in read_corpus([HTML_NEWS / name for name in [*FOREIGN_PAGES, "politico.com.retirement.html"]])}
    folder = tmp_path / "clips"
    folder.mkdir()
    records = []
    for name, page in pages.items():
        (folder / f"{name}.txt").write_text(f"{page.title}\n\n{page.text}", encoding="utf-8")
        records.append(json.dumps({"id": name, "text": page.text}))
    (tmp_path / "clips.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    for source in (folder, tmp_path / "clips.jsonl"):
        found = {a.id.removesuffix(".txt"): a.language for a in read_corpus([source])}
        assert found == {**FOREIGN_PAGES, "politico.com.retirement.html": None}
        out = list(extract_records([source]))
        notes = [x for x in out if isinstance(x, str)]
        quotes = [x for x in out if not isinstance(x, str)]
        assert len(notes) == len(FOREIGN_PAGES) and all("not English: quotes are found in English text only" in n for n in notes)
        assert quotes and {q.article_id.removesuffix(".txt") for q in quotes} == {"politico.com.retirement.html"}
    r = run_cli("index", str(folder), "--index", str(tmp_path / "index"))
    assert r.exit_code == 0
    assert "note: 5 article(s) not in English (de 2, es 1, fr 1, it 1)" in r.stderr


@needs_shared(VARIETY_DEV)
def test_english_news_is_never_sent_to_the_language_identifier(monkeypatch):
    # The cheap test settles every English article of the variety set and PolNeAR dev: the
    # identifier (as costly as finding the quotes) is never called for them.
    from search.readers import meta
    from search.readers.jsonl import article_from_record

    def identifier(text: str) -> str:
        raise AssertionError(f"identifier called for {text[:60]!r}")

    monkeypatch.setattr(meta, "language_of", identifier)
    lines = VARIETY_DEV.read_text(encoding="utf-8").splitlines()
    polnear_dev = SHARED / "corpora" / "polnear" / "dev.jsonl"
    if polnear_dev.exists():
        lines += polnear_dev.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 15
    assert all(article_from_record(json.loads(line)).language is None for line in lines)


def test_a_json_lines_record_may_say_its_language_and_short_text_is_not_guessed():
    from search.readers.jsonl import article_from_record
    from search.readers.text import parse_text_article

    given = article_from_record({"id": "a", "text": "Der Minister sagte, er werde zurücktreten.", "language": "DE"})
    assert given.language == "de" and given.provenance == {"language": "the record's language field"}
    assert article_from_record({"id": "b", "text": "Der Minister sagte, er werde zurücktreten."}).language is None  # too short to tell
    assert parse_text_article("Hola.\n\nEl ministro dijo que dimitirá.", "c").language is None
    # an English code however written is 'en', the code quotes are looked for in
    assert [article_from_record({"id": "d", "text": "x", "language": code}).language for code in ("en-US", "EN", "English", "en_GB")] == ["en"] * 4


@needs_shared(HTML_NEWS)
@needs_shared(VARIETY_DEV)
def test_pages_give_the_text_the_annotators_worked_on():
    dev = {json.loads(line)["id"]: json.loads(line) for line in VARIETY_DEV.read_text(encoding="utf-8").splitlines()}
    pages = {a.id.removesuffix(".html"): a for a in read_corpus([HTML_NEWS / f"{rid}.html" for rid in dev])}
    assert set(pages) == set(dev)
    found = total = 0
    for rid, rec in dev.items():
        body = "\n".join(p.text for p in pages[rid].body)
        for g in rec["gold"]:
            total += 1
            found += rec["text"][g["start"] : g["end"]] in body
        assert "Sign up" not in body and "Read more" not in body
    assert found / total >= 0.97


def test_show_provenance_says_where_each_field_came_from(tmp_path):
    (tmp_path / "ferry.html").write_bytes(own_page("Council delays ferry toll", STORY))
    index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    r = run_cli("show", "ferry.html", "--provenance", "--index", str(tmp_path.with_name(tmp_path.name + "-index")))
    assert r.exit_code == 0
    assert "date: 2024-05-07  <- publication date on the page (htmldate)" in r.stdout
    assert "language: en  <- identified from the main text (py3langid)" in r.stdout


# --- WARC ---------------------------------------------------------------------------------


def write_warc(path: Path, records: list[tuple[str, bytes, str]], gz: bool = True) -> None:
    """A WARC of (uri, body, content type) responses, each after its request, with a warcinfo."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for uri, body, ctype in records:
            request = writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""), http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [], is_http_request=True)
            )
            writer.write_record(request)
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": "2024-06-01T03:00:00Z"}
            )
            writer.write_record(record)


@needs_shared(HTML_NEWS)
def test_a_warc_gives_one_article_per_html_response(tmp_path):
    uris = {name: f"https://example.org/{name}" for name in PAGES}
    records = [(uris[n], page(n), "text/html; charset=utf-8") for n in PAGES]
    records.append(("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
    records.append(("https://example.org/undated", own_page("Council delays ferry toll", STORY, date=None), "text/html"))
    write_warc(tmp_path / "crawl.warc.gz", records)
    r = index_paths([tmp_path / "crawl.warc.gz"], tmp_path.with_name(tmp_path.name + "-index"))
    # the requests, the warcinfo and the image are counted, not warned about
    assert r.added == 4 and r.skipped == 0 and r.formats == {"warc.gz": {"files": 1, "articles": 4, "left_out": 7}}
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    for name, (date, source, _lang) in PAGES.items():
        d = docs[uris[name]]  # the target URI is the id
        assert (d["date"].date(), d["source"]) == (date, source)
    undated = docs["https://example.org/undated"]
    assert undated["date"].date() == dt.date(2024, 6, 1)  # the crawl date, only because the page has none, and flagged:
    assert "CRAWL DATE" in json.loads(undated["provenance"])["date"]


def test_a_broken_warc_is_named_and_the_rest_indexed(tmp_path):
    write_warc(tmp_path / "good.warc", [("https://example.org/ferry", own_page("Council delays ferry toll", STORY), "text/html")], gz=False)
    (tmp_path / "broken.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ntruncated"))
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 1 and set(articles(tmp_path.with_name(tmp_path.name + "-index"))) == {"https://example.org/ferry"}
    assert any(s.startswith(f"{tmp_path / 'broken.warc.gz'}: ") for s in r.skipped_reasons)


# --- CSV / TSV ------------------------------------------------------------------------------


def test_a_csv_export_is_read_by_its_usual_column_names(tmp_path):
    import csv

    rows = [
        {
            "stories_id": "101",
            "publish_date": "2024-05-06 23:30:00-05:00",
            "title": "Council delays ferry toll",
            "media_name": "wsj.com",
            "url": "https://wsj.com/a",
            "full_text": STORY,
        },
        {"stories_id": "102", "publish_date": "2024-05-08", "title": "No text here", "media_name": "Reuters", "url": "https://r.com/b", "full_text": ""},
        {"stories_id": "103", "publish_date": "May 9", "title": "Bad date", "media_name": "Reuters", "url": "https://r.com/c", "full_text": STORY},
        {
            "stories_id": "104",
            "publish_date": "2024-05-10T08:00:00Z",
            "title": "",
            "media_name": "The Wall Street Journal",
            "url": "",
            "full_text": STORY.replace("Monday", "Friday"),
        },
    ]
    with open(tmp_path / "export.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 2 and r.formats == {"csv": {"files": 1, "articles": 2}}
    path = tmp_path / "export.csv"
    # named by the line each row starts on (a story's line breaks are lines of the file too)
    assert sorted(r.skipped_reasons) == [f"{path}:6: no text (column 'full_text' is empty)", f"{path}:7: bad date 'May 9' in column 'publish_date'"]
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    assert set(docs) == {"101", "104"}
    assert docs["101"]["date"].date() == dt.date(2024, 5, 7) and docs["101"]["source"] == "The Wall Street Journal"
    assert docs["104"]["source"] == "The Wall Street Journal" and docs["104"].get("title_derived")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_stories_with_straight_quotes_and_paragraphs_survive_the_csv_quoting(tmp_path, delimiter):
    # a story's '"' doubled inside a quoted field, its paragraphs as line breaks: what every
    # spreadsheet writes; csv.Sniffer had guessed "no doubled quotes" and cut such rows up
    import csv

    story = STORY.replace("“", '"').replace("”", '"')
    with open(tmp_path / "export.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(["id", "title", "text", "date"])
        w.writerow(["1", "Council delays ferry toll", story, "2024-05-06"])
        w.writerow(["2", "The toll plan, again", story.replace("Monday", "Friday"), "2024-05-10"])
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 2 and not r.skipped_reasons
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    assert docs["1"]["text"].startswith("HARBOR CITY") and '"We will not accept the toll plan," said Maria Okafor' in docs["1"]["text"]
    assert docs["2"]["title"] == "The toll plan, again" and docs["2"]["date"].date() == dt.date(2024, 5, 10)
    with Index.open(tmp_path.with_name(tmp_path.name + "-index")) as ix:
        assert "Maria Okafor" in [q.speaker for q in ix.quotes_of("1")]


def test_utf16_text_and_spreadsheet_exports_are_read(tmp_path):
    # what Windows calls "Unicode": Notepad's text, Excel's "Unicode Text" (UTF-16, a BOM, tabs);
    # they were "binary file" and "not UTF-8"
    (tmp_path / "note.txt").write_bytes(STORY.encode("utf-16"))
    (tmp_path / "sheet.tsv").write_bytes(f"id\ttitle\ttext\n7\tFerry toll\t{STORY.replace(chr(10), ' ')}\n".encode("utf-16-be").join([b"\xfe\xff", b""]))
    (tmp_path / "cut.txt").write_bytes(b"\xff\xfeA\x00B")  # announces UTF-16, is not
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 2 and r.skipped_reasons == [
        f"{tmp_path / 'cut.txt'}: not UTF-8, and not the UTF-16 its first bytes announce (truncated data); convert it to UTF-8 to index it"
    ]
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    assert docs["note.txt"]["dateline"] == "HARBOR CITY" and docs["note.txt"]["text"].startswith("The council voted on Monday")
    assert docs["7"]["title"] == "Ferry toll" and QUOTE in docs["7"]["text"]
    with Index.open(tmp_path.with_name(tmp_path.name + "-index")) as ix:
        assert all("Maria Okafor" in [q.speaker for q in ix.quotes_of(a)] for a in ("note.txt", "7"))


def test_odd_columns_are_named_with_map(tmp_path):
    tsv = "Kopf\tInhalt\tErschienen\tZeitung\n" + f"Council delays ferry toll\t{STORY.replace(chr(10), ' ')}\t2024-05-06\tReuters\n"
    (tmp_path / "odd.tsv").write_text(tsv, encoding="utf-8")
    r = run_cli("index", str(tmp_path), "--index", str(tmp_path.with_name(tmp_path.name + "-index")))
    assert r.exit_code == 2 and "1 skipped" in r.stdout  # nothing could be read: an input error
    assert "odd.tsv: no text column (looked for text, body, content" in r.stderr and "--map text=COLUMN" in r.stderr
    r = run_cli(
        "index", str(tmp_path), "--index", str(tmp_path.with_name(tmp_path.name + "-index")), "--map", "text=Inhalt,title=Kopf,date=Erschienen,source=Zeitung"
    )
    assert r.exit_code == 0 and "1 added" in r.stdout and "read: tsv 1 file(s), 1 article(s)" in r.stdout
    (doc,) = articles(tmp_path.with_name(tmp_path.name + "-index")).values()
    assert doc["article_id"] == "odd.tsv:2" and doc["title"] == "Council delays ferry toll" and doc["source"] == "Reuters"
    bad = run_cli("index", str(tmp_path), "--index", str(tmp_path.with_name(tmp_path.name + "-index")), "--map", "body=Inhalt")
    assert bad.exit_code == 2 and "unknown field 'body'" in bad.stderr


@needs_shared(HTML_NEWS)
def test_a_csv_of_page_texts_keeps_their_dates_and_outlets(tmp_path):
    import csv

    pages = {a.id: a for a in read_corpus([HTML_NEWS / n for n in PAGES])}
    with open(tmp_path / "pages.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Headline", "Story Text", "Published", "Outlet", "Link"])
        for a in pages.values():
            w.writerow([a.title, a.text, a.date.isoformat(), a.source, a.url])
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 3
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    for name, (date, source, lang) in PAGES.items():
        d = docs[pages[name].url]  # no id column: the URL is the id
        assert (d["date"].date(), d["source"], d["language"]) == (date, source, lang)


# --- feeds ---------------------------------------------------------------------------------


def rss(items: list[str], title: str = "POLITICO", link: str = "https://www.politico.com") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>{link}</link>{''.join(items)}</channel></rss>"
    ).encode()


def item(guid: str, title: str, date: str, full: str | None = None, summary: str = "") -> str:
    content = f"<content:encoded><![CDATA[{full}]]></content:encoded>" if full is not None else ""
    return f"<item><guid>{guid}</guid><title>{title}</title><link>https://www.politico.com/{guid}</link><pubDate>{date}</pubDate><description><![CDATA[{summary}]]></description>{content}</item>"


def test_a_feed_gives_one_article_per_entry_full_content_or_flagged_summary(tmp_path):
    full = "".join(f"<p>{p}</p>" for p in STORY.split("\n"))
    items = [
        item("ferry-1", "Council delays ferry toll", "Mon, 06 May 2024 23:30:00 -0500", full=full, summary="The council voted."),
        item("ferry-2", "Toll back in spring", "Tue, 07 May 2024 10:00:00 GMT", summary="<p>The toll plan returns in the spring, officials said.</p>"),
    ]
    (tmp_path / "politics.xml").write_bytes(rss(items))
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 2 and r.formats == {"feed": {"files": 1, "articles": 2}}
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    assert docs["ferry-1"]["date"].date() == dt.date(2024, 5, 7) and docs["ferry-1"]["source"] == "Politico"
    assert QUOTE in docs["ferry-1"]["text"] and "full content" in json.loads(docs["ferry-1"]["provenance"])["text"]
    assert json.loads(docs["ferry-2"]["provenance"])["text"].startswith("SUMMARY only")
    with Index.open(tmp_path.with_name(tmp_path.name + "-index")) as ix:
        assert "Maria Okafor" in [q.speaker for q in ix.quotes_of("ferry-1")]


def test_a_broken_feed_is_named_and_the_rest_indexed(tmp_path):
    (tmp_path / "good.rss").write_bytes(rss([item("ferry-1", "Council delays ferry toll", "Mon, 06 May 2024 10:00:00 GMT", full=STORY)]))
    (tmp_path / "broken.rss").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</tit')
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 1
    assert any(s.startswith(f"{tmp_path / 'broken.rss'}: no entries: not a readable RSS or Atom feed") for s in r.skipped_reasons)


def test_lone_surrogates_become_replacement_characters_and_lose_nothing(tmp_path):
    # "\\ud800" in JSON and &#xD800; in a feed read as lone surrogates, which UTF-8 cannot hold:
    # one such article stopped the whole run (a feed's stopped feedparser itself)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j1", "title": "Bad \ud800 title", "text": STORY.replace("toll", "toll \udcff", 1)}) + "\n")
    full = "".join(f"<p>{p}</p>" for p in STORY.replace("toll", "toll &#xDFFF;", 1).split("\n"))
    (tmp_path / "f.rss").write_bytes(rss([item("ferry-1", "Ferry &#xD800; toll &#55296;", "Mon, 06 May 2024 10:00:00 GMT", full=full)]))
    r = index_paths([tmp_path], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 2 and not r.skipped_reasons
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    assert docs["j1"]["title"] == "Bad \ufffd title" and docs["ferry-1"]["title"] == "Ferry \ufffd toll \ufffd"
    for doc in docs.values():
        assert "toll \ufffd" in doc["text"]
    with Index.open(tmp_path.with_name(tmp_path.name + "-index")) as ix:
        assert all("Maria Okafor" in [q.speaker for q in ix.quotes_of(a)] for a in ("j1", "ferry-1"))
    for article in read_corpus([tmp_path]):  # one character for one: offsets still point at the quotes
        quotes = [q for q in extract_quotes(article) if not q.pieces]
        # Maria Okafor's, the city's figures' and the officials' (each one span of the text)
        assert len(quotes) == 3 and all(article.text[q.start : q.end] == q.text for q in quotes)


# --- archives ------------------------------------------------------------------------------


def test_a_zip_and_a_gz_are_read_without_unpacking(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with zipfile.ZipFile(corpus / "clippings.zip", "w") as zf:
        zf.writestr("may/ferry.html", own_page("Council delays ferry toll", STORY))
        zf.writestr("may/wire.jsonl", json.dumps({"id": "wire-1", "text": STORY, "date": "2024-05-06", "source": "Reuters"}) + "\n")
        zf.writestr("may/photo.jpg", b"\xff\xd8\xff\xe0 not a story")
        zf.writestr("__MACOSX/may/._ferry.html", b"junk")
    (corpus / "spring.html.gz").write_bytes(gzip.compress(own_page("Toll back in spring", STORY.replace("Monday", "Friday"))))
    (corpus / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    r = index_paths([corpus], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 3
    assert r.formats == {"zip": {"files": 2, "articles": 2}, "html.gz": {"files": 1, "articles": 1}}
    assert set(articles(tmp_path.with_name(tmp_path.name + "-index"))) == {"clippings.zip/may/ferry.html", "wire-1", "spring.html.gz"}
    assert f"{corpus / 'clippings.zip'}/may/photo.jpg: unsupported file type '.jpg' (use {SUPPORTED})" in r.skipped_reasons
    assert any(s.startswith(f"{corpus / 'broken.zip'}: not a readable zip file") for s in r.skipped_reasons)
    # a bad member fails only itself: run again, nothing changes and nothing is removed
    again = index_paths([corpus], tmp_path.with_name(tmp_path.name + "-index"))
    assert again.removed == 0 and again.unchanged == 3


@needs_shared(HTML_NEWS)
def test_a_zip_of_real_pages(tmp_path):
    with zipfile.ZipFile(tmp_path / "pages.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in PAGES:
            zf.writestr(name, page(name))
    r = index_paths([tmp_path / "pages.zip"], tmp_path.with_name(tmp_path.name + "-index"))
    assert r.added == 3 and r.skipped == 0
    docs = articles(tmp_path.with_name(tmp_path.name + "-index"))
    for name, (date, source, lang) in PAGES.items():
        d = docs[f"pages.zip/{name}"]
        assert (d["date"].date(), d["source"], d["language"]) == (date, source, lang)


def test_the_manifest_still_overrides_what_a_page_says(tmp_path):
    (tmp_path / "ferry.html").write_bytes(own_page("Council delays ferry toll", STORY))
    (tmp_path / "manifest.toml").write_text('["ferry.html"]\nsource = "Reuters"\ndate = 2024-01-02\n', encoding="utf-8")
    (a,) = list(read_corpus([tmp_path]))
    assert (a.source, a.date) == ("Reuters", dt.date(2024, 1, 2))
    assert a.provenance["source"].startswith("manifest.toml")


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2023-11-08T21:30:00-05:00", dt.date(2023, 11, 9)),
        ("Wed, 08 Nov 2023 21:30:00 -0500", dt.date(2023, 11, 9)),
        ("2023-11-08 12:00:00", dt.date(2023, 11, 8)),
        ("2023-11-08T23:59:59Z", dt.date(2023, 11, 8)),
        ("2023-11-08", dt.date(2023, 11, 8)),
        ("Nov 8", None),
    ],
)
def test_dates_become_utc_days(value, day):
    from search.readers.meta import utc_day

    assert utc_day(value) == day


def test_an_atom_feed_and_an_entry_with_only_an_update_date(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Harbor Gazette</title><link href="https://harbor.example/"/>
<entry><id>tag:harbor.example,2024:ferry</id><title>Council delays ferry toll</title><link href="https://harbor.example/ferry"/>
<updated>2024-05-06T23:30:00-05:00</updated><author><name>Jane Roe</name></author>
<content type="html">{"".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in STORY.split(chr(10)))}</content></entry></feed>"""
    (tmp_path / "harbor.atom").write_text(atom, encoding="utf-8")
    (a,) = list(read_corpus([tmp_path]))
    assert (a.id, a.title, a.author, a.source) == ("tag:harbor.example,2024:ferry", "Council delays ferry toll", "Jane Roe", "The Harbor Gazette")
    assert a.date == dt.date(2024, 5, 7) and a.provenance["date"].startswith("entry UPDATE date")
    assert [p.text for p in a.body] == STORY.split("\n")


def test_one_outlet_is_one_source_whatever_the_format_calls_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_bytes(own_page("Council delays ferry toll", STORY, site="WSJ"))
    (corpus / "rows.csv").write_text(f'text,source\n"{STORY.replace("Monday", "Friday")}",wsj.com\n', encoding="utf-8")
    full = "".join(f"<p>{p}</p>" for p in STORY.replace("Monday", "Sunday").split("\n"))
    (corpus / "feed.rss").write_bytes(
        rss([item("wsj-1", "Toll", "Mon, 06 May 2024 10:00:00 GMT", full=full)], title="The Wall Street Journal", link="https://www.wsj.com")
    )
    index = tmp_path / "index"
    assert index_paths([corpus], index).added == 3
    with Index.open(index) as ix:
        assert [(s.name, s.articles) for s in ix.sources()] == [("The Wall Street Journal", 3)]


def test_big_files_are_streamed_with_the_same_result(tmp_path, monkeypatch):
    from search.indexing import pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_warc(corpus / "crawl.warc.gz", [("https://example.org/ferry", own_page("Council delays ferry toll", STORY), "text/html")])
    rows = "text,title,date\n" + "".join(f'"{STORY.replace("Monday", day)}",On {day},2024-05-0{i}\n' for i, day in enumerate(["Friday", "Sunday"], 1))
    (corpus / "rows.csv.gz").write_bytes(gzip.compress(rows.encode()))
    whole = index_paths([corpus], tmp_path / "whole")
    monkeypatch.setattr(pipeline, "STREAM_BYTES", 0)  # every file counts as big: read as a stream
    streamed = index_paths([corpus], tmp_path / "streamed")
    assert whole.added == streamed.added == 3 and whole.formats == streamed.formats
    assert (
        articles(tmp_path / "whole").keys() == articles(tmp_path / "streamed").keys() == {"https://example.org/ferry", "rows.csv.gz:2", "rows.csv.gz:6"}
    )  # ids: the line a row starts on
    # a gzip cut short: the rows before the cut are read, the cut is named
    (corpus / "rows.csv.gz").write_bytes(gzip.compress(rows.encode())[:-12])
    cut = index_paths([corpus], tmp_path / "streamed")
    assert any("rows.csv.gz: not a readable gzip file" in s for s in cut.skipped_reasons)
