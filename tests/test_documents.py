"""Records <-> documents (search.indexing.documents): what the index stores gives back the
records, and hits in the one shape `search.hit_shape` gives both the JSON and the model."""

from __future__ import annotations

from search.backend.whoosh.index_folder import open_index
from search.hit_shape import HIT_DEFAULTS
from search.indexing.documents import stored_to_hit
from search.models import Hit


def _stored(seeds_index) -> list[dict]:
    with open_index(seeds_index).searcher() as searcher:
        return [dict(f) for f in searcher.all_stored_fields()]


def test_a_hit_has_the_models_fields_in_the_models_order(seeds_index):
    docs = _stored(seeds_index)
    assert {d["kind"] for d in docs} == {"article", "quote"}
    for fields in docs:
        hit = stored_to_hit(fields, score=1.5)
        assert list(hit) == list(Hit.model_fields) == list(HIT_DEFAULTS)
        assert Hit.model_validate(hit).model_dump(mode="json") == hit


def test_hits_never_share_their_highlights(seeds_index):
    a, b = (stored_to_hit(f) for f in _stored(seeds_index)[:2])
    a["highlights"].append((0, 3))
    assert b["highlights"] == [] and HIT_DEFAULTS["highlights"] == []
