"""Scale tests: deterministic synthetic corpora of about 1k, 10k or 100k chunks (see corpus.py)."""
