"""Vectors for parts of a text from one model pass; the query embeddings (plain and drug-masked, cached)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.embeddings import HashingEmbeddings, QueryEmbeddings, model_name
from assistant.spans import SpanRequest, embed_spans, span_text

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
