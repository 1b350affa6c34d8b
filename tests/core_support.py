"""Helpers shared by the core tests (imported as `core_support`; fixtures live in conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.shared.embeddings import HashingEmbeddings
from index.shared.settings import Settings

CORPUS_FILE = "clonazepam-addiction.txt"
COLLECTION = "test-corpus"


@dataclass(frozen=True)
class BuiltIndex:
    corpus_dir: Path
    index_dir: Path
    embeddings: HashingEmbeddings
    report: object  # index.builder.BuildReport
    chunk_size: int = 700
    chunk_overlap: int = 120

    def settings(self, **overrides) -> Settings:
        values = {
            "corpus_dir": self.corpus_dir,
            "index_dir": self.index_dir,
            "collection": COLLECTION,
            "chunk_size": self.chunk_size,
            "chunk_overlap": self.chunk_overlap,
            "feedback_db": None,
            "staff_users": "",
        }
        return Settings(**(values | overrides))

    def open_store(self):
        from index.store import IndexStore

        return IndexStore.open(self.index_dir, self.embeddings, COLLECTION)


def build(
    corpus_dir: Path,
    index_dir: Path,
    embeddings=None,
    *,
    chunk_size: int = 700,
    chunk_overlap: int = 120,
    **kw,
) -> BuiltIndex:
    """Builds an index with (by default) fresh hashing embeddings; well under a second."""
    from index.builder import build_index

    embeddings = embeddings if embeddings is not None else HashingEmbeddings()
    report = build_index(
        corpus_dir,
        index_dir,
        embeddings,
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        collection=COLLECTION,
        progress=False,
        **kw,
    )
    return BuiltIndex(corpus_dir, index_dir, embeddings, report, chunk_size, chunk_overlap)


def stub_model(path: Path) -> str:
    """Writes an abstention model that answers when some sentence shares words with the question (with the
    hashing embeddings, a best-sentence similarity above 0.235) and abstains when none does ("What's the
    weather tomorrow?" gets 0.21): deterministic answers and abstentions."""
    from assistant.abstention import FEATURES, AbstentionModel

    n = len(FEATURES)
    weights = [0.0] * n
    weights[FEATURES.index("best_titled")] = 100.0
    AbstentionModel((0.0,) * n, (1.0,) * n, tuple(weights), bias=-23.5, threshold=0.5).save(path)
    return str(path)
