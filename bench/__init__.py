"""Benchmarks and scoring commands, run on demand: `python -m bench.quotes`, `bench.queries`, `bench.indexing`."""
