"""Readers turn files into `Article` records: plain text (`text.py`), JSON Lines (`jsonl.py`),
and the walk over a corpus that picks one per file (`corpus.py`)."""
