"""Vectors for parts of a text from one pass of the model: the whole text, and pooled spans of it.

One forward pass over a chunk yields its own vector and a vector per sentence (mean of that
sentence's contextual token embeddings), so a build embeds each chunk once instead of every
sentence again; one pass over a question yields its plain vector and its vector without the drug's
names. Works with any LangChain `Embeddings`: token pooling for models that expose their token
vectors (a `TokenModel`, e.g. a sentence-transformers model), an exact method for the hashing fake,
and a slower generic fallback (embed each span's text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

Span = tuple[int, int]
# Texts per forward pass, after sorting by length. Small batches of similar length carry little
# padding: on ~700-character chunks, batches of 4 cost 30 ms of CPU per chunk against 49 ms for one
# padded batch of 32 (measured on the corpus, one thread; the vectors agree to cosine 1.000000).
TOKEN_BATCH = 4


@dataclass(frozen=True)
class SpanRequest:
    include: tuple[Span, ...]  # character ranges whose tokens are pooled
    exclude: tuple[Span, ...] = ()  # ranges left out (e.g. the drug's names)


@dataclass(frozen=True)
class TokenModel:
    """What token pooling needs from a model: its tokenizer (a fast one, for character offsets), a
    forward pass from tokenizer output (numpy arrays) to contextual token vectors (batch, tokens, dim),
    and the longest input it reads (longer texts are truncated, as sentence-transformers does)."""

    tokenizer: object
    forward: Callable[[dict[str, np.ndarray]], np.ndarray]
    max_length: int
    input_names: tuple[str, ...] = ("input_ids", "attention_mask", "token_type_ids")


@dataclass(frozen=True)
class TokenVectors:
    """One text's token vectors (padding removed) and each token's character range; (0, 0) marks the
    special tokens [CLS] and [SEP]."""

    vectors: np.ndarray  # (n_tokens, dim)
    offsets: np.ndarray  # (n_tokens, 2)


def _normalize(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def span_text(text: str, request: SpanRequest) -> str:
    """The words a request pools, as text (the generic fallback embeds this)."""
    kept = []
    for x, y in request.include:
        cut = x
        for ex, ey in sorted(request.exclude):
            if ex >= x and ey <= y:
                kept.append(text[cut:ex])
                cut = ey
        kept.append(text[cut:y])
    return " ".join(" ".join(kept).split())


def token_vectors(
    model: TokenModel, texts: Sequence[str], batch: int = TOKEN_BATCH
) -> Iterator[tuple[int, TokenVectors]]:
    """(index into texts, its token vectors), in order of length: one forward pass per `batch` texts."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for b in range(0, len(order), batch):
        rows = order[b : b + batch]
        encoded = model.tokenizer(
            [texts[i] for i in rows],
            return_offsets_mapping=True,
            truncation=True,
            max_length=model.max_length,
            padding=True,
            return_tensors="np",
        )
        hidden = model.forward({name: encoded[name] for name in model.input_names if name in encoded})
        mask = encoded["attention_mask"].astype(bool)
        for row, i in enumerate(rows):
            yield i, TokenVectors(hidden[row][mask[row]], encoded["offset_mapping"][row][mask[row]])


def pool(tokens: TokenVectors, requests: Sequence[SpanRequest]) -> tuple[np.ndarray, np.ndarray]:
    """(mean of all tokens, one mean per request), not normalized. A request pools the special tokens
    and every token inside one of its `include` ranges that overlaps none of its `exclude` ranges; one
    left with nothing but the special tokens (e.g. a question that is only the drug's name) gets the
    whole text's mean."""
    whole = tokens.vectors.mean(axis=0)
    if not requests:
        return whole, np.zeros((0, whole.shape[0]), np.float32)
    starts, ends = tokens.offsets[:, 0], tokens.offsets[:, 1]
    special = (starts == 0) & (ends == 0)
    chosen = np.empty((len(requests), len(starts)), dtype=bool)
    for j, request in enumerate(requests):
        include = np.asarray(request.include, dtype=np.int64).reshape(-1, 2)
        exclude = np.asarray(request.exclude, dtype=np.int64).reshape(-1, 2)
        inside = ((starts[:, None] >= include[:, 0]) & (ends[:, None] <= include[:, 1])).any(axis=1)
        overlaps = ((starts[:, None] < exclude[:, 1]) & (ends[:, None] > exclude[:, 0])).any(axis=1)
        chosen[j] = special | (inside & ~overlaps)
    counts = chosen.sum(axis=1)
    parts = (chosen.astype(tokens.vectors.dtype) @ tokens.vectors) / counts[:, None]
    parts[counts <= special.sum()] = whole
    return whole, parts


def embed_with_token_model(
    model: TokenModel, texts: list[str], requests: list[list[SpanRequest]]
) -> tuple[np.ndarray, list[np.ndarray]]:
    whole: np.ndarray | None = None
    parts: list[np.ndarray] = [np.zeros(0)] * len(texts)
    for i, tokens in token_vectors(model, texts):
        if whole is None:
            whole = np.zeros((len(texts), tokens.vectors.shape[1]), np.float32)
        whole[i], parts[i] = pool(tokens, requests[i])
    if whole is None:
        return np.zeros((0, 0), np.float32), []
    return _normalize(whole), [_normalize(p.astype(np.float32)) for p in parts]


def sentence_transformer_token_model(client) -> TokenModel:
    """A sentence-transformers model (its first module, the transformer) as a `TokenModel` (torch)."""
    import torch

    transformer = client[0].auto_model

    def forward(inputs: dict[str, np.ndarray]) -> np.ndarray:
        with torch.inference_mode():
            tensors = {name: torch.from_numpy(value) for name, value in inputs.items()}
            return transformer(**tensors).last_hidden_state.float().numpy()

    return TokenModel(client.tokenizer, forward, int(getattr(client, "max_seq_length", 256) or 256))


def _token_model(embeddings: Embeddings) -> TokenModel | None:
    own = getattr(embeddings, "token_model", None)
    if isinstance(own, TokenModel):
        return own
    client = getattr(embeddings, "_client", None)
    if client is not None and hasattr(client, "tokenizer") and hasattr(client, "__getitem__"):
        return sentence_transformer_token_model(client)
    return None


def embed_spans(
    embeddings: Embeddings, texts: list[str], requests: list[list[SpanRequest]]
) -> tuple[np.ndarray, list[np.ndarray]]:
    """(whole-text vectors (n, d), per text an array of one vector per request), all normalized."""
    own = getattr(embeddings, "embed_spans", None)
    if callable(own):
        return own(texts, requests)
    model = _token_model(embeddings)
    if model is not None:
        return embed_with_token_model(model, texts, requests)
    flat = [span_text(t, r) or t for t, rs in zip(texts, requests, strict=True) for r in rs]
    vectors = np.asarray(embeddings.embed_documents(list(texts) + flat), dtype=np.float32)
    whole, rest = _normalize(vectors[: len(texts)]), _normalize(vectors[len(texts) :])
    parts, cursor = [], 0
    for rs in requests:
        parts.append(rest[cursor : cursor + len(rs)].reshape(len(rs), whole.shape[1]))
        cursor += len(rs)
    return whole, parts
