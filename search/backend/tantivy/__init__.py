"""The tantivy backend: everything in the package that knows tantivy (the Rust engine, through
its official Python bindings). Chosen per index with `search index --backend tantivy`; see
docs/design.md ("The tantivy backend") for how it maps onto the backend protocols."""
