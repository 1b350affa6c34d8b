"""Vectors for parts of a text from one model pass; the query embeddings (plain and drug-masked, cached)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from index.shared.embeddings import HashingEmbeddings, QueryEmbeddings, model_name
from index.shared.spans import (
    SpanRequest,
    TokenModel,
    TokenVectors,
    embed_spans,
    pool,
    span_text,
    token_vectors,
)

TEXT = "Withdrawal. Stopping Klonopin suddenly can cause seizures."


def test_span_text_keeps_included_words_without_excluded_ones() -> None:
    start = TEXT.index("Stopping")
    drug = (TEXT.index("Klonopin"), TEXT.index("Klonopin") + len("Klonopin"))
    request = SpanRequest(((0, 11), (start, len(TEXT))), (drug,))
    assert span_text(TEXT, request) == "Withdrawal. Stopping suddenly can cause seizures."
    assert span_text(TEXT, SpanRequest(((start, len(TEXT)),))) == TEXT[start:]


def test_embed_spans_fallback_embeds_whole_texts_and_span_texts_in_one_call() -> None:
    embeddings = HashingEmbeddings()
    start = TEXT.index("Stopping")
    requests = [[SpanRequest(((start, len(TEXT)),)), SpanRequest(((0, 11),))]]
    whole, parts = embed_spans(embeddings, [TEXT], requests)
    assert embeddings.calls == 1
    assert whole.shape == (1, 256) and parts[0].shape == (2, 256)
    reference = HashingEmbeddings()
    assert np.allclose(whole[0], reference.embed_query(TEXT), atol=1e-6)
    assert np.allclose(parts[0][0], reference.embed_query(TEXT[start:]), atol=1e-6)
    assert np.allclose(parts[0][1], reference.embed_query("Withdrawal."), atol=1e-6)


def test_query_embeddings_give_a_plain_and_a_drug_masked_vector() -> None:
    inner = HashingEmbeddings()
    query = QueryEmbeddings(inner)
    encoded = query.encode("Can klonopn cause seizures?")
    reference = HashingEmbeddings()
    assert np.allclose(encoded.plain, reference.embed_query("Can klonopn cause seizures?"), atol=1e-6)
    assert np.allclose(encoded.masked, reference.embed_query("Can cause seizures?"), atol=1e-6)
    assert query.embed_query("Can klonopn cause seizures?") == encoded.plain.tolist()
    assert model_name(query) == "hashing-256"


def test_query_embeddings_cache_repeated_questions_in_a_bounded_lru() -> None:
    inner = HashingEmbeddings()
    query = QueryEmbeddings(inner, max_entries=2)
    query.encode("a question")
    calls = inner.calls
    query.encode("a question")
    assert inner.calls == calls
    query.encode("second")
    query.encode("a question")  # refreshed: now the most recent
    query.encode("third")  # evicts "second"
    calls = inner.calls
    query.encode("a question")
    assert inner.calls == calls
    query.encode("second")
    assert inner.calls == calls + 1


def test_a_question_that_is_only_the_drug_name_is_not_masked_to_nothing() -> None:
    encoded = QueryEmbeddings(HashingEmbeddings()).encode("Klonopin")
    assert np.allclose(encoded.masked, encoded.plain)  # falls back to the whole question
    assert np.linalg.norm(encoded.masked) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.slow
def test_real_model_whole_vector_is_the_sentence_transformers_embedding(real_embeddings) -> None:
    texts = ["Inpatient facilities are where users stay for 30, 60 or 90 days.", "Short one."]
    whole, _ = embed_spans(real_embeddings, texts, [[], []])
    expected = np.asarray(real_embeddings.embed_documents(texts))
    assert np.allclose((whole * expected).sum(axis=1), 1.0, atol=1e-4)


@pytest.mark.slow
def test_real_model_pooled_sentence_is_closest_to_that_sentence(real_embeddings) -> None:
    first = "Withdrawal can cause seizures and heart failure."
    second = "Group therapy helps rebuild relationships with family."
    text = f"{first} {second}"
    requests = [[SpanRequest(((0, len(first)),)), SpanRequest(((len(first) + 1, len(text)),))]]
    _, parts = embed_spans(real_embeddings, [text], requests)
    alone = np.asarray(real_embeddings.embed_documents([first, second]))
    similarity = parts[0] @ alone.T  # pooled spans (rows) against the sentences embedded alone
    assert similarity[0, 0] > similarity[0, 1] and similarity[1, 1] > similarity[1, 0]
    assert np.allclose(np.linalg.norm(parts[0], axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_real_model_masks_the_drug_name(real_embeddings) -> None:
    encoded = QueryEmbeddings(real_embeddings).encode("Who manufactures Klonopin?")
    assert float(encoded.plain @ encoded.masked) < 0.99  # the name's tokens were left out
    plain_again = np.asarray(real_embeddings.embed_query("Who manufactures Klonopin?"))
    assert float(encoded.plain @ plain_again) > 0.999


def _tokens(offsets: list[tuple[int, int]], dim: int = 3, seed: int = 0) -> TokenVectors:
    vectors = np.random.default_rng(seed).normal(size=(len(offsets), dim)).astype(np.float32)
    return TokenVectors(vectors, np.asarray(offsets, dtype=np.int64))


def test_pool_takes_special_tokens_and_included_tokens_that_touch_no_excluded_range() -> None:
    # [CLS] "Stopping"(0-8) "Klonopin"(9-17) "can"(18-21) "cause"(22-27) "seizures"(28-36) [SEP]
    offsets = [(0, 0), (0, 8), (9, 17), (18, 21), (22, 27), (28, 36), (0, 0)]
    tokens = _tokens(offsets)
    v = tokens.vectors
    whole, parts = pool(
        tokens,
        [
            SpanRequest(((0, 21),), ((9, 17),)),  # "Stopping can", the name left out
            SpanRequest(((22, 36),)),  # "cause seizures"
            SpanRequest(((19, 25),)),  # no token lies wholly inside: only the special tokens
        ],
    )
    assert np.allclose(whole, v.mean(axis=0), atol=1e-6)
    assert np.allclose(parts[0], v[[0, 1, 3, 6]].mean(axis=0), atol=1e-6)
    assert np.allclose(parts[1], v[[0, 4, 5, 6]].mean(axis=0), atol=1e-6)
    assert np.allclose(parts[2], whole, atol=1e-6)  # nothing but [CLS]/[SEP]: the whole text instead


def test_pool_without_requests_gives_an_empty_matrix() -> None:
    whole, parts = pool(_tokens([(0, 0), (0, 4), (0, 0)]), [])
    assert whole.shape == (3,) and parts.shape == (0, 3)


class _IdTokenizer:
    """Splits on spaces; each word's id is its length; pads with id 0 (mask 0) to the longest text."""

    def __call__(self, texts, **options):
        rows = [[(m.start(), m.end()) for m in re.finditer(r"\S+", t)] for t in texts]
        width = max(len(r) for r in rows) + 2
        ids = np.zeros((len(texts), width), np.int64)
        mask = np.zeros_like(ids)
        offsets = np.zeros((len(texts), width, 2), np.int64)
        for i, words in enumerate(rows):
            spans = [(0, 0), *words, (0, 0)]
            ids[i, : len(spans)] = [b - a if b else 101 for a, b in spans]
            mask[i, : len(spans)] = 1
            offsets[i, : len(spans)] = spans
        return {"input_ids": ids, "attention_mask": mask, "offset_mapping": offsets}


def test_token_vectors_batch_by_length_and_return_each_text_without_padding() -> None:
    seen_batches: list[int] = []

    def forward(inputs: dict[str, np.ndarray]) -> np.ndarray:
        seen_batches.append(len(inputs["input_ids"]))
        positions = np.broadcast_to(np.arange(inputs["input_ids"].shape[1]), inputs["input_ids"].shape)
        return np.stack([inputs["input_ids"], positions], axis=-1).astype(np.float32)

    model = TokenModel(_IdTokenizer(), forward, max_length=64)
    texts = ["a bb ccc dddd eeeee", "x", "yy zz", "one two three", "p"]
    results = dict(token_vectors(model, texts, batch=2))
    assert seen_batches == [2, 2, 1]
    for i, text in enumerate(texts):
        words = text.split()
        assert results[i].vectors[:, 0].tolist() == [101, *[len(w) for w in words], 101]
        assert results[i].vectors[:, 1].tolist() == list(range(len(words) + 2))  # no padding rows
        assert results[i].offsets[1:-1, 0].tolist() == [m.start() for m in re.finditer(r"\S+", text)]


def test_embed_spans_through_a_token_model_matches_pooling_each_text_alone() -> None:
    def forward(inputs: dict[str, np.ndarray]) -> np.ndarray:
        ids = inputs["input_ids"].astype(np.float32)
        return np.stack([ids, np.sqrt(ids), np.ones_like(ids)], axis=-1)

    class WithTokens(HashingEmbeddings):
        token_model = TokenModel(_IdTokenizer(), forward, max_length=64)

    texts = ["Withdrawal can cause seizures", "Short one", "Klonopin helps panic disorder a lot"]
    requests = [[SpanRequest(((0, 10),))], [], [SpanRequest(((9, 35),)), SpanRequest(((0, 35),), ((0, 8),))]]
    whole, parts = embed_spans(WithTokens(), texts, requests)
    assert [p.shape for p in parts] == [(1, 3), (0, 3), (2, 3)]
    for i, text in enumerate(texts):
        alone = next(token_vectors(WithTokens.token_model, [text]))[1]
        expected_whole, expected_parts = pool(alone, requests[i])
        assert np.allclose(whole[i], expected_whole / np.linalg.norm(expected_whole), atol=1e-6)
        for got, want in zip(parts[i], expected_parts, strict=True):
            assert np.allclose(got, want / np.linalg.norm(want), atol=1e-6)
