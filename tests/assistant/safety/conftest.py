"""The safety tests use the session-scoped `real_embeddings` fixture of tests/conftest.py (slow tests
only), so the embedding model is loaded at most once per test session, shared with the other suites."""
