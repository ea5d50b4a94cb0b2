"""The pure core: scoring, ranking and fingerprints. No Excel, no Word, no file I/O."""
