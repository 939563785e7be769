"""JSON Schemas of the records the CLI prints, for `search schema` and the README."""

from __future__ import annotations

from pydantic import BaseModel

from search.models import (
    Article,
    CountTable,
    DocumentView,
    Hit,
    IndexCheck,
    IndexReport,
    Quote,
    SearchResult,
    SourceSummary,
    SpeakerProfile,
    SpeakerSummary,
    Stats,
    Trail,
    TrailReport,
)

RECORDS: dict[str, type[BaseModel]] = {
    "result": SearchResult,
    "hit": Hit,
    "article": Article,
    "quote": Quote,
    "extracted": Quote,
    "speaker": SpeakerSummary,
    "source": SourceSummary,
    "stats": Stats,
    "index-report": IndexReport,
    "check": IndexCheck,
    "show": DocumentView,
    "count": CountTable,
    "profile": SpeakerProfile,
    "trail": Trail,
    "trail-report": TrailReport,
}


def json_schemas() -> dict[str, dict[str, object]]:
    return {name: model.model_json_schema() for name, model in RECORDS.items()}
