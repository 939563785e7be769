"""The patches to Whoosh's internals give the same answers as the code they replace."""

from __future__ import annotations

from whoosh.codec import whoosh3

from search import whoosh_fixes
from search.store import open_index


def test_length_table_answers_as_the_length_columns_do(seeds_index):
    ix = open_index(seeds_index)
    for segment in ix._segments():
        reader = whoosh3.W3PerDocReader(ix.storage, segment)
        table = whoosh_fixes._FieldLengths(reader)
        fields = [name for name in ix.schema.names() if ix.schema[name].scorable] + ["kind"]  # 'kind' has no length column
        checked = 0
        for docnum in range(reader.doc_count_all()):
            for name in fields:
                assert table.doc_field_length(docnum, name) == reader.doc_field_length(docnum, name), (docnum, name)
                checked += reader.doc_field_length(docnum, name) is not None
        assert checked > 100  # real lengths compared, not only the defaults
