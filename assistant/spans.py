"""Vectors for parts of a text from one pass of the model: the whole text, and pooled spans of it.

One forward pass over a chunk yields its own vector and a vector per sentence (mean of that
sentence's contextual token embeddings), so a build embeds each chunk once instead of every
sentence again; one pass over a question yields its plain vector and its vector without the drug's
names. Works with any LangChain `Embeddings`: token pooling for sentence-transformers models, an
exact method for the hashing fake, and a slower generic fallback (embed each span's text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

Span = tuple[int, int]
_BATCH = 32


@dataclass(frozen=True)
class SpanRequest:
    include: tuple[Span, ...]  # character ranges whose tokens are pooled
    exclude: tuple[Span, ...] = ()  # ranges left out (e.g. the drug's names)


def _normalize(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def _inside(a: int, b: int, spans: Sequence[Span]) -> bool:
    return any(a >= x and b <= y for x, y in spans)


def _overlaps(a: int, b: int, spans: Sequence[Span]) -> bool:
    return any(a < y and b > x for x, y in spans)


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


def _sentence_transformer(embeddings: Embeddings):
    client = getattr(embeddings, "_client", None)
    return (
        client
        if client is not None and hasattr(client, "tokenizer") and hasattr(client, "__getitem__")
        else None
    )


def _embed_spans_transformer(model, texts: list[str], requests: list[list[SpanRequest]]):
    import torch

    tokenizer = model.tokenizer
    transformer = model[0].auto_model
    max_length = int(getattr(model, "max_seq_length", 256) or 256)
    whole = np.zeros((len(texts), transformer.config.hidden_size), dtype=np.float32)
    parts: list[np.ndarray] = [
        np.zeros((len(r), transformer.config.hidden_size), np.float32) for r in requests
    ]
    order = sorted(
        range(len(texts)), key=lambda i: len(texts[i])
    )  # similar lengths batch with little padding
    for b in range(0, len(order), _BATCH):
        batch = order[b : b + _BATCH]
        encoded = tokenizer(
            [texts[i] for i in batch],
            return_offsets_mapping=True,
            truncation=True,
            max_length=max_length,
            padding=True,
            return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").numpy()
        with torch.inference_mode():
            hidden = transformer(**encoded).last_hidden_state.float().numpy()
        mask = encoded["attention_mask"].numpy().astype(bool)
        for row, i in enumerate(batch):
            tokens, token_offsets = hidden[row][mask[row]], offsets[row][mask[row]]
            whole[i] = tokens.mean(axis=0)
            special = np.array([a == b == 0 for a, b in token_offsets])
            for j, request in enumerate(requests[i]):
                chosen = special.copy()
                for t, (a, c) in enumerate(token_offsets):
                    if (
                        not special[t]
                        and _inside(a, c, request.include)
                        and not _overlaps(a, c, request.exclude)
                    ):
                        chosen[t] = True
                # Nothing but [CLS]/[SEP] left (e.g. a question that is only the drug's name): use the whole.
                parts[i][j] = tokens[chosen].mean(axis=0) if chosen.sum() > special.sum() else whole[i]
    return _normalize(whole), [_normalize(p) for p in parts]


def embed_spans(
    embeddings: Embeddings, texts: list[str], requests: list[list[SpanRequest]]
) -> tuple[np.ndarray, list[np.ndarray]]:
    """(whole-text vectors (n, d), per text an array of one vector per request), all normalized."""
    own = getattr(embeddings, "embed_spans", None)
    if callable(own):
        return own(texts, requests)
    model = _sentence_transformer(embeddings)
    if model is not None:
        return _embed_spans_transformer(model, texts, requests)
    flat = [span_text(t, r) or t for t, rs in zip(texts, requests, strict=True) for r in rs]
    vectors = np.asarray(embeddings.embed_documents(list(texts) + flat), dtype=np.float32)
    whole, rest = _normalize(vectors[: len(texts)]), _normalize(vectors[len(texts) :])
    parts, cursor = [], 0
    for rs in requests:
        parts.append(rest[cursor : cursor + len(rs)].reshape(len(rs), whole.shape[1]))
        cursor += len(rs)
    return whole, parts
