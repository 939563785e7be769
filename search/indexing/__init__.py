"""Writing the index: the run (`indexer`), its workers (`pipeline`), its bookkeeping (`run_state`)."""
