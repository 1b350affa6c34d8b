"""Shared fixtures: the corpus, fast indexes built with the deterministic hashing embeddings, and ONE
real MiniLM model (and one real assistant over it) for the few `slow` tests.

Everything runs offline: the variables below are set before any model or Chroma client is created.
"""

from __future__ import annotations

from index.shared.offline import apply_offline_environment

apply_offline_environment()

from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from core_support import CORPUS_FILE, BuiltIndex, build  # noqa: E402

from index.shared.settings import PROJECT_ROOT, Settings  # noqa: E402


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The project's real corpus folder (read only)."""
    path = PROJECT_ROOT / "corpus"
    assert (path / CORPUS_FILE).is_file(), f"{CORPUS_FILE} missing from {path}"
    return path


@pytest.fixture(scope="session")
def raw_document(corpus_dir: Path) -> str:
    from index.documents import read_document

    return read_document(corpus_dir / CORPUS_FILE).text


@pytest.fixture
def corpus_copy(tmp_path: Path, corpus_dir: Path) -> Path:
    """A writable copy of the corpus, for tests that add, edit or remove documents."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / CORPUS_FILE).write_bytes((corpus_dir / CORPUS_FILE).read_bytes())
    return folder


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> BuiltIndex:
    """The real corpus indexed with hashing embeddings, shared by the session: do not modify it."""
    return build(corpus_dir, tmp_path_factory.mktemp("hashing-index") / "index")


@pytest.fixture(scope="session")
def store(built_index: BuiltIndex):
    return built_index.open_store()


@pytest.fixture
def make_index(tmp_path: Path) -> Callable[..., BuiltIndex]:
    """Builds a fresh, private index of a corpus folder (default: under this test's tmp_path)."""

    def make(corpus: Path, index_dir: Path | None = None, embeddings=None, **kw) -> BuiltIndex:
        return build(corpus, index_dir or tmp_path / "index", embeddings, **kw)

    return make


@pytest.fixture(scope="session")
def real_embeddings():
    """The real MiniLM embeddings, loaded once per session (about 10 s)."""
    from index.shared.embeddings import load_embeddings

    embeddings = load_embeddings()
    embeddings.embed_query("warm up")
    return embeddings


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Settings:
    return Settings(
        corpus_dir=corpus_dir,
        index_dir=tmp_path_factory.mktemp("real-index") / "index",
        feedback_db=None,
        staff_users="",
    )


@pytest.fixture(scope="session")
def real_assistant(real_settings: Settings, real_embeddings):
    """The real assistant with default settings over a fresh index of the corpus (built on load)."""
    from assistant import Assistant

    bot = Assistant.load(real_settings, embeddings=real_embeddings)
    assert bot.health()["status"] == "ok", bot.health()
    return bot
