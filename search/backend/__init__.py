"""Index backends: what the rest of the package asks of the index it writes and reads."""
