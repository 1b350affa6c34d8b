"""Reads a built index: chunks, sentences and their vectors, the Chroma collection and the BM25 index."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import orjson
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from index.builder import current_build
from index.chroma import ChromaBackend, ChromaUnreachable
from index.chunking import Chunk, Sentence
from index.lexical import LexicalIndex
from index.manifest import Manifest


class IndexUnavailable(RuntimeError):
    """The index is missing, incomplete or unreadable; the message says which and what to run."""


@dataclass(frozen=True)
class IndexStore:
    build_dir: Path
    manifest: Manifest
    chunks: tuple[Chunk, ...]
    sentences: tuple[Sentence, ...]
    sentence_vectors: np.ndarray  # (n_sentences, 2, dim), normalized; memory-mapped from disk
    vectorstore: Chroma
    lexical: LexicalIndex
    chunk_positions: dict[str, int]  # chunk_id -> position in `chunks`
    # doc_id -> (sentence starts, sentence positions), sorted by start: finds a passage's sentences fast.
    _sentence_starts: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)

    def sentences_within(self, doc_id: str, start: int, end: int) -> list[int]:
        """Positions (in `sentences`) of the sentences of `doc_id` lying wholly inside [start, end)."""
        starts, positions = self._sentence_starts.get(doc_id, ([], []))
        first = bisect.bisect_left(starts, start)
        out = []
        for i in range(first, len(starts)):
            if starts[i] >= end:
                break
            if self.sentences[positions[i]].end <= end:
                out.append(positions[i])
        return out

    def ping(self) -> None:
        """Raises when the vector store cannot answer (e.g. the Chroma server is down)."""
        self.vectorstore._collection.count()

    @classmethod
    def open(
        cls,
        index_dir: Path,
        embeddings: Embeddings,
        collection: str,
        backend: ChromaBackend | None = None,
    ) -> IndexStore:
        backend = backend or ChromaBackend()
        build_dir = current_build(index_dir)
        if build_dir is None:
            raise IndexUnavailable(f"no index at {index_dir}; build it with `python -m index build`")
        try:
            manifest = Manifest.read(build_dir / "manifest.json")
        except Exception as exc:
            raise IndexUnavailable(
                f"index at {build_dir} is unreadable ({type(exc).__name__}: {exc}); "
                "rebuild it with `python -m index build --force`"
            ) from exc
        if manifest.chroma_backend != backend.kind:
            raise IndexUnavailable(
                f"index at {build_dir} was built for {manifest.chroma_backend} Chroma, but the settings "
                f"ask for {backend.describe()}; rebuild it with `python -m index build` under these settings"
            )
        try:
            client = backend.client(build_dir)
            vectorstore = Chroma(
                client=client,
                collection_name=manifest.chroma_collection or collection,
                embedding_function=embeddings,
                create_collection_if_not_exists=False,
            )
            stored = vectorstore._collection.count()
        except ChromaUnreachable as exc:
            raise IndexUnavailable(str(exc)) from exc
        except Exception as exc:
            where = backend.describe()
            raise IndexUnavailable(
                f"collection {manifest.chroma_collection or collection!r} on {where} is unreadable "
                f"({type(exc).__name__}: {exc}); rebuild it with `python -m index build --force`"
            ) from exc
        try:
            chunks = tuple(Chunk(**row) for row in _read_jsonl(build_dir / "chunks.jsonl"))
            sentences = tuple(Sentence(**row) for row in _read_jsonl(build_dir / "sentences.jsonl"))
            # Memory-mapped: a large corpus's sentence vectors are paged in as questions touch them.
            sentence_vectors = np.load(build_dir / "sentence_vectors.npy", mmap_mode="r")
            lexical = LexicalIndex.load(build_dir / "lexical")
        except Exception as exc:  # any unreadable part means the index cannot be trusted
            raise IndexUnavailable(
                f"index at {build_dir} is unreadable ({type(exc).__name__}: {exc}); "
                "rebuild it with `python -m index build --force`"
            ) from exc
        if stored != len(chunks) or len(sentence_vectors) != len(sentences) or lexical.size != len(chunks):
            raise IndexUnavailable(
                f"index at {build_dir} is inconsistent; rebuild it with `python -m index build --force`"
            )
        return cls(
            build_dir=build_dir,
            manifest=manifest,
            chunks=chunks,
            sentences=sentences,
            sentence_vectors=sentence_vectors,
            vectorstore=vectorstore,
            lexical=lexical,
            chunk_positions={c.chunk_id: i for i, c in enumerate(chunks)},
            _sentence_starts=_index_sentences(sentences),
        )


def _index_sentences(sentences: tuple[Sentence, ...]) -> dict[str, tuple[list[int], list[int]]]:
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for position, sentence in enumerate(sentences):
        by_doc[sentence.doc_id].append((sentence.start, position))
    return {doc: ([s for s, _ in sorted(rows)], [p for _, p in sorted(rows)]) for doc, rows in by_doc.items()}


def _read_jsonl(path: Path) -> list[dict]:
    # orjson: about 3x faster than json here, which is most of a replica's cold start at 100k chunks.
    with path.open("rb") as f:
        return [orjson.loads(line) for line in f if line.strip()]
