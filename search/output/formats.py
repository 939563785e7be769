"""Formats for scripts: the pydantic models as JSON (`--json`: one object), JSON Lines
(`--jsonl`: one record per line) and CSV (`--csv`: one row per record, the model's fields as
columns). What people see is drawn by `search.output.text`.

Search results arrive here in their JSON shape (`Index.search_json`: plain dicts, the
models' `model_dump(mode="json")`), so that `search query` loads pydantic only for CSV,
which needs the column list; every other command hands over models.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

FORMATS = ("text", "json", "jsonl", "csv")


def _plain(v: Any) -> Any:
    """A model, or a dict or list holding models, as JSON-ready values."""
    if hasattr(v, "model_dump"):
        return v.model_dump(mode="json")
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def to_json(value: BaseModel | Sequence[BaseModel] | dict[str, Any]) -> str:
    """Indented JSON, non-ASCII kept as it is (the same text as pydantic's `model_dump_json`)."""
    return json.dumps(_plain(value), indent=2, ensure_ascii=False)


def to_jsonl(records: Iterable[BaseModel | dict[str, Any]]) -> str:
    """One compact JSON object per line, as pydantic's `model_dump_json()` writes them."""
    return "".join(json.dumps(_plain(r), ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)


def to_csv(records: Sequence[BaseModel | dict[str, Any]], model: type[BaseModel]) -> str:
    """Spreadsheet rows: lists joined with '; ', nested values as JSON."""
    import csv  # only CSV output needs it

    buf = io.StringIO()
    names = list(model.model_fields)
    writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for r in records:
        row = dict(_plain(r))
        for k, v in row.items():
            if isinstance(v, list):
                row[k] = "; ".join(json.dumps(x) if isinstance(x, (list, dict)) else str(x) for x in v)
            elif v is None:
                row[k] = ""
        writer.writerow(row)
    return buf.getvalue()


def render(records: Sequence[BaseModel], fmt: str, model: type[BaseModel], text_fn: Callable[[Any], str]) -> str:
    """Render a list of records in `fmt`; `text_fn` draws one record for people."""
    if fmt == "json":
        return to_json(records) + "\n"
    if fmt == "jsonl":
        return to_jsonl(records)
    if fmt == "csv":
        return to_csv(records, model)
    return "".join(text_fn(r) for r in records)


def result_csv(result: dict[str, Any]) -> str:
    from search.models import Hit  # the columns, in the model's order

    return to_csv(result["hits"], Hit)
