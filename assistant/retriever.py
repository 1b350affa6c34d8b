"""Hybrid retrieval: dense (Chroma) and lexical (BM25) candidates, re-ranked by their best sentence,
the rankings fused by reciprocal rank fusion. With a query adapter (query_adapter.py) the adapted
question vector adds a second dense ranking.

The sentence ranking scores each candidate chunk by its sentence most similar to the question (drug
names left out, see drugnames): a chunk whose average is diluted but which holds the one answering
sentence moves up. On the QA dev set it raised evidence hit@3 from 0.885 to 0.931. It only looks at
the candidates, so its cost does not grow with the corpus.

The fusion constant is small (10, not the usual 60): each ranking holds only a dozen candidates, and
with k=60 their ranks weigh almost the same, so a chunk merely present in all three lists at rank 8
outranks one that two lists put first (a chunk the question shares no word with is absent from the
BM25 list).
The lexical query also carries corpus spellings of the question's misspelt words ("memmory"), which
BM25 would otherwise not match at all. Together: evidence hit@3 0.931 -> 0.954 on the QA dev set.

With a question bank match (question_bank.py), chunks holding a sentence that answers a dev question
of the same meaning are a fifth ranking; it can bring in a chunk no other retriever found. Out of fold
by writer: passage hit@1 0.667 -> 0.715, hit@3 0.835 -> 0.870 (docs/RETRIEVAL.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.abstention import CorpusVocabulary
from assistant.question_bank import BankMatch
from assistant.reply import Passage
from index.shared.embeddings import EncodedQuery
from index.store import IndexStore


@dataclass(frozen=True)
class RetrievalSettings:
    candidates: int = 12  # taken from each retriever before fusion
    rrf_k: int = 10


class HybridRetriever:
    def __init__(
        self,
        store: IndexStore,
        settings: RetrievalSettings = RetrievalSettings(),
        vocabulary: CorpusVocabulary | None = None,  # spelling corrections for the lexical query
    ) -> None:
        self.store = store
        self.settings = settings
        self.vocabulary = vocabulary
        # Sentence text -> the chunks holding it: a bank match looks up only its few supported sentences.
        self._chunks_holding: dict[str, list[int]] = {}
        for position, chunk in enumerate(store.chunks):
            for row in store.sentences_within(chunk.doc_id, chunk.start, chunk.end):
                self._chunks_holding.setdefault(store.sentences[row].text, []).append(position)

    def dense(self, query_vector: np.ndarray) -> list[tuple[int, float]]:
        """(chunk position, cosine similarity), best first."""
        hits = self.store.vectorstore.similarity_search_by_vector_with_relevance_scores(
            [float(x) for x in query_vector], k=min(self.settings.candidates, len(self.store.chunks))
        )
        positions = self.store.chunk_positions
        return [(positions[doc.id], 1.0 - distance) for doc, distance in hits if doc.id in positions]

    def lexical_query(self, query: str) -> str:
        """The query, followed by the corpus spellings of its misspelt words (if a vocabulary is given)."""
        corrections = self.vocabulary.spelling_corrections(query) if self.vocabulary else ()
        return " ".join((query, *corrections))

    def lexical(self, query: str) -> list[tuple[int, float]]:
        return self.store.lexical.search(self.lexical_query(query), self.settings.candidates)

    def by_best_sentence(self, candidates: set[int], masked_vector: np.ndarray) -> list[tuple[int, float]]:
        """Candidate chunks ranked by their best sentence (with or without its section title)."""
        scored = []
        for position in candidates:
            chunk = self.store.chunks[position]
            rows = self.store.sentences_within(chunk.doc_id, chunk.start, chunk.end)
            if rows:
                similarity = self.store.sentence_vectors[rows] @ masked_vector  # (n, 2)
                scored.append((position, float(similarity.max())))
        return sorted(scored, key=lambda item: (-item[1], item[0]))

    def by_bank_support(self, bank: BankMatch | None) -> list[tuple[int, float]]:
        """Chunks holding a sentence that answers a near dev question, by the best such support."""
        best: dict[int, float] = {}
        for text, support in bank.sentence_support.items() if bank is not None else ():
            for position in self._chunks_holding.get(text, ()):
                best[position] = max(best.get(position, 0.0), support)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return ranked[: self.settings.candidates]

    def retrieve(
        self, query: str, vectors: EncodedQuery, k: int, bank: BankMatch | None = None
    ) -> list[Passage]:
        dense = self.dense(vectors.plain)
        adapted = self.dense(vectors.adapted) if vectors.adapted is not None else []
        lexical = self.lexical(query)
        supported = self.by_bank_support(bank)
        candidates = {p for ranking in (dense, adapted, lexical, supported) for p, _ in ranking}
        sentence = self.by_best_sentence(candidates, vectors.masked)
        fused: dict[int, float] = {}
        for ranking in (dense, adapted, lexical, sentence, supported):
            for rank, (position, _) in enumerate(ranking):
                fused[position] = fused.get(position, 0.0) + 1.0 / (self.settings.rrf_k + rank + 1)
        dense_scores, lexical_scores = dict(dense), dict(lexical)
        # Ties (same fused score) break by dense similarity, then document order: deterministic.
        order = sorted(fused, key=lambda p: (-fused[p], -dense_scores.get(p, -1.0), p))[:k]
        return [self._passage(p, fused[p], dense_scores.get(p), lexical_scores.get(p)) for p in order]

    def _passage(self, position: int, score: float, dense: float | None, lexical: float | None) -> Passage:
        chunk = self.store.chunks[position]
        return Passage(
            text=chunk.text,
            section=chunk.section,
            score=round(score, 6),
            doc_id=chunk.doc_id,
            chunk_id=chunk.chunk_id,
            start=chunk.start,
            end=chunk.end,
            dense_score=round(dense, 4) if dense is not None else None,
            lexical_score=round(lexical, 4) if lexical is not None else None,
        )
