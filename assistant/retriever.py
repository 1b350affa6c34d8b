"""Hybrid retrieval: dense (Chroma) and lexical (BM25) candidates fused by reciprocal rank fusion."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.reply import Passage
from index.store import IndexStore


@dataclass(frozen=True)
class RetrievalSettings:
    candidates: int = 12  # taken from each retriever before fusion
    rrf_k: int = 60


class HybridRetriever:
    def __init__(self, store: IndexStore, settings: RetrievalSettings = RetrievalSettings()) -> None:
        self.store = store
        self.settings = settings

    def dense(self, query_vector: Sequence[float]) -> list[tuple[int, float]]:
        """(chunk position, cosine similarity), best first."""
        hits = self.store.vectorstore.similarity_search_by_vector_with_relevance_scores(
            [float(x) for x in query_vector], k=min(self.settings.candidates, len(self.store.chunks))
        )
        positions = self.store.chunk_positions
        return [(positions[doc.id], 1.0 - distance) for doc, distance in hits if doc.id in positions]

    def lexical(self, query: str) -> list[tuple[int, float]]:
        return self.store.lexical.search(query, self.settings.candidates)

    def retrieve(self, query: str, query_vector: Sequence[float], k: int) -> list[Passage]:
        dense = self.dense(query_vector)
        lexical = self.lexical(query)
        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, (position, _) in enumerate(ranking):
                fused[position] = fused.get(position, 0.0) + 1.0 / (self.settings.rrf_k + rank + 1)
        dense_scores, lexical_scores = dict(dense), dict(lexical)
        # Ties (same fused score) break by dense similarity, then document order: deterministic.
        order = sorted(fused, key=lambda p: (-fused[p], -dense_scores.get(p, -1.0), p))[:k]
        passages = []
        for position in order:
            chunk = self.store.chunks[position]
            passages.append(
                Passage(
                    text=chunk.text,
                    section=chunk.section,
                    score=round(fused[position], 6),
                    doc_id=chunk.doc_id,
                    chunk_id=chunk.chunk_id,
                    start=chunk.start,
                    end=chunk.end,
                    dense_score=round(dense_scores[position], 4) if position in dense_scores else None,
                    lexical_score=round(lexical_scores[position], 4) if position in lexical_scores else None,
                )
            )
        return passages
