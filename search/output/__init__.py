"""The output stage: how records are shown to people and handed to scripts."""
