"""The lexical (BM25) index, on bm25s.

bm25s over rank-bm25: it is maintained, scores with sparse matrices (milliseconds at 100k chunks,
where rank-bm25 scores every document in Python), ships stemming via PyStemmer, and saves/loads
its index to a folder, so the build persists it beside the Chroma collection.
"""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import Stemmer


def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25, size: int) -> None:
        self._retriever = retriever
        self._stemmer = _stemmer()
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        retriever = bm25s.BM25()
        tokens = bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False)
        retriever.index(tokens, show_progress=False)
        return cls(retriever, len(texts))

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder))
        (folder / "size.txt").write_text(str(self.size))

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        size = int((folder / "size.txt").read_text())
        return cls(bm25s.BM25.load(str(folder), mmap=False), size)

    @property
    def vocabulary(self) -> frozenset[str]:
        """The stemmed words of the indexed texts."""
        return frozenset(t for t in self._retriever.vocab_dict if t)

    def stem(self, word: str) -> str:
        return self._stemmer.stemWord(word.lower())

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """(position in the build's text list, BM25 score) for the best `k` matches with a positive score."""
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=self._stemmer, show_progress=False)
        if not tokens.vocab or self.size == 0:
            return []
        k = min(k, self.size)
        ids, scores = self._retriever.retrieve(tokens, k=k, show_progress=False, n_threads=1)
        return [(int(i), float(s)) for i, s in zip(np.ravel(ids), np.ravel(scores), strict=True) if s > 0]
