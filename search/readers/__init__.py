"""Readers turn files into `Article` records: plain text (`text.py`), JSON Lines (`jsonl.py`);
the one walk over a corpus (`walk.py`), and the reader it picks per file (`corpus.py`)."""
