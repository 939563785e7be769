"""JSON Lines articles: one object per line with `id` and `text`, and optionally `title`,
`date`, `source`, `author`, `url`, `language` (an ISO 639-1 code; without it, text that
does not read as English is identified, so that its quotes are not looked for). Other
fields (such as PolNeAR's `attributions`) are ignored, so annotated corpora can be indexed
as they are."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from search.models import Article
from search.readers.meta import IDENTIFIED_NOT_ENGLISH, given_language, language_unless_english, utc_day
from search.readers.paragraphs import split_paragraphs


@dataclass(frozen=True)
class Skip:
    """An input that could not be read; named in a warning, never fatal for the rest."""

    path: str
    reason: str
    line: int | None = None
    partial: bool = False  # only a part of the file (a record, an entry) was left out; the rest was read

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class LeftOut(Skip):
    """Parts of a file that are no article by design (a WARC's request and warcinfo records):
    counted in the run's summary, not warned about."""

    count: int = 0


_JSON_TYPE = {dict: "a JSON object", list: "a JSON array", bool: "true or false"}


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_record(record: dict, path: str | None = None, line: int | None = None) -> Article:
    """Build an Article from one JSON object; raises ValueError with a readable reason."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    rid = record.get("id")
    text = record.get("text")
    if rid is None or str(rid).strip() == "":
        raise ValueError("missing 'id'")
    if isinstance(rid, dict | list | bool):
        raise ValueError(f"'id' must be a string or a number, not {_JSON_TYPE[type(rid)]}")
    if not isinstance(text, str):
        raise ValueError("missing 'text' (a string)")
    raw_date = record.get("date")
    date = utc_day(raw_date) if raw_date and not isinstance(raw_date, bool) else None  # as every other format's dates
    if raw_date and date is None:
        raise ValueError(f"bad 'date' {raw_date!r}: write it as YYYY-MM-DD (or ISO 8601 with a time)")
    given = _optional_str(record.get("language"))
    language = given_language(given) if given else language_unless_english(text)
    return Article(
        id=str(rid),
        title=_optional_str(record.get("title")) or "",
        summary=_optional_str(record.get("summary")) or "",
        date=date,
        source=_optional_str(record.get("source")),
        author=_optional_str(record.get("author")),
        url=_optional_str(record.get("url")),
        path=path,
        line=line,
        text=text,
        body=split_paragraphs(text),
        language=language,
        provenance={"language": "the record's language field" if given else IDENTIFIED_NOT_ENGLISH} if language else {},
    )


def read_jsonl(path: Path, display: str | None = None) -> Iterator[Article | Skip]:
    """Stream the articles of a JSON Lines file, one line at a time (never the whole file).

    A malformed line becomes a `Skip` naming its line number; the other lines are read.
    """
    with open(path, "rb") as fh:
        yield from read_jsonl_lines(fh, display or str(path), whole=True)


def read_jsonl_range(path: str, start: int, end: int, first_line: int = 1, whole: bool = False) -> Iterator[Article | Skip]:
    """The articles of the lines in bytes [start, end) of a JSON Lines file, the first one
    numbered `first_line`: how the indexer reads a big file in parts on every core."""
    with open(path, "rb") as fh:
        fh.seek(start)
        raw = fh.read(end - start)
    yield from read_jsonl_lines(raw.split(b"\n"), path, first_line, whole)


def read_jsonl_lines(lines: Iterable[bytes], name: str, first_line: int = 1, whole: bool = False) -> Iterator[Article | Skip]:
    """The articles of JSON Lines given as byte lines, the first numbered `first_line`.
    `whole`: these are all the file's lines, so a file of blank lines is named as empty."""
    seen = False
    for number, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        seen = True
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield Skip(name, "not UTF-8", number)
            continue
        except json.JSONDecodeError as exc:
            yield Skip(name, f"malformed JSON ({exc.msg} at column {exc.colno})", number)
            continue
        except RecursionError:
            yield Skip(name, "JSON nested too deep to read (over some 1,000 levels)", number)
            continue
        try:
            yield article_from_record(record, path=name, line=number)
        except ValueError as exc:
            yield Skip(name, str(exc), number)
    if whole and not seen:
        yield Skip(name, "empty file (no JSON lines)")
