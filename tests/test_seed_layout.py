"""The plain-text reader lays out the seed articles as the gold metadata says."""

from __future__ import annotations

import json

import pytest
from conftest import GOLD, SEEDS, needs_shared

from search.readers.corpus import read_corpus
from search.readers.text import parse_text_article


@pytest.fixture(scope="module")
def seeds():
    return {a.id: a for a in read_corpus([SEEDS])}


@pytest.fixture(scope="module")
def gold_articles():
    return json.loads((GOLD / "seeds-articles.json").read_text(encoding="utf-8"))


@needs_shared(GOLD)
def test_metadata_matches_gold(seeds, gold_articles):
    assert set(seeds) == set(gold_articles)
    for article_id, gold in gold_articles.items():
        a = seeds[article_id]
        assert a.source == gold["source"]
        assert a.date.isoformat() == gold["date"]
        for key in ("summary", "dateline", "author"):
            if key in gold:
                assert getattr(a, key) == gold[key], key
        if gold["title"] is None:
            assert a.title_derived, "a title the file does not have must be flagged as derived"
            first_paragraph = a.body[0].text
            assert first_paragraph.startswith(a.title.rstrip("…"))
        else:
            assert a.title == gold["title"] and not a.title_derived


def test_offsets_point_into_the_text_as_given(seeds):
    for a in seeds.values():
        raw = (SEEDS / a.id).read_text(encoding="utf-8")
        assert a.text == raw
        for p in a.body:
            assert raw[p.start : p.end] == p.text


def test_summary_glued_to_first_paragraph_is_split(seeds):
    a = seeds["003_5c689d5beaddb290.txt"]
    assert a.summary.endswith("rattled Washington’s allies.")
    assert a.body[0].text.startswith("The Trump administration is trying to reset")
    assert a.dateline == "RIYADH, Saudi Arabia"


def test_captions_boxes_and_signature_are_not_body(seeds):
    body = "\n".join(p.text for a in seeds.values() for p in a.body)
    for not_body in ("Why We Wrote This", "Maxim Shemetov/Reuters", "Gavriil Grigorov/Sputnik", "Write to Michael R. Gordon"):
        assert not_body not in body
    # and the real paragraphs around them are kept
    assert "The process seems to be headed that way." in body
    assert "“There is an argument that we shouldn’t meet" in body


def test_date_header_on_the_first_line_is_not_body(seeds):
    a = seeds["000_754b0dd6de0764fd.txt"]
    assert a.body[0].text.startswith("In less than a week")


def test_header_and_signature_give_date_author_and_outlet():
    text = "date 2024-01-02 Body text here.\n\nWrite to Jane Roe at jane.roe@nytimes.com"
    a = parse_text_article(text, "x.txt")
    assert a.date.isoformat() == "2024-01-02"
    assert a.source == "The New York Times" and a.author == "Jane Roe"
    assert [p.text for p in a.body] == ["Body text here."]


def test_manifest_wins_over_the_text(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-02 Body.\n\nWrite to Jane Roe at jane.roe@nytimes.com", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Another body.", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text('["a.txt"]\ndate = 2025-05-05\nsource = "Reuters"\n\n["sub/b.txt"]\ntitle = "Given title"\n', encoding="utf-8")
    arts = {a.id: a for a in read_corpus([tmp_path])}
    assert set(arts) == {"a.txt", "sub/b.txt"}, "ids are paths relative to the corpus root; manifests are not articles"
    assert arts["a.txt"].date.isoformat() == "2025-05-05" and arts["a.txt"].source == "Reuters"
    assert arts["a.txt"].author == "Jane Roe"
    assert arts["sub/b.txt"].title == "Given title" and not arts["sub/b.txt"].title_derived
